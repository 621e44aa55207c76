"""Publication dates from metadata strings and from article text (succession.extract.dating).

The articles are invented; people and companies are fictional.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from succession.extract.dating import find_publication_date, parse_given_date
from succession.models import DateValue

SHARED = Path("/work/shared")
needs_shared = pytest.mark.skipif(not SHARED.is_dir(), reason="/work/shared (seed articles and gold) is not present")

BODY_DE = ("Der Aufsichtsrat der Falk Robotik AG hat Vera Lind zur neuen Vorstandschefin ernannt. "
           "Sie leitet ab 1. Jänner 2017 das Unternehmen anstelle von Jonas Falk, der es gegründet hatte.")
BODY_EN = ("The board of Northwind Corp has named Jane Okafor chief executive. She succeeds Tom Reyes, "
           "who stepped down on May 6, 2019.")


@pytest.mark.parametrize(("text", "lang", "value"), [
    (f"Northwind names a new chief\n\nBy | March 14, 2024\n\n{BODY_EN}", "en", "2024-03-14"),
    (f"Neue Chefin bei Falk Robotik\n\nVon Max Muster | 14. März 2024\n\n{BODY_DE}", "de", "2024-03-14"),
    (f"Neue Chefin bei Falk Robotik\n\nBy | March 14, 2024\n\n{BODY_DE}", "de", "2024-03-14"),
    (f"Northwind names a new chief\nPublished: 12 March 2021 10:15 GMT\n{BODY_EN}", "en", "2021-03-12"),
    (f"Neue Chefin\nVeröffentlicht am 03.03.2021, 09:30 Uhr\n{BODY_DE}", "de", "2021-03-03"),
    (f"Neue Chefin bei Falk Robotik\nWirtschaft\nDonnerstag, 14. März 2024\n{BODY_DE}", "de", "2024-03-14"),
    (f"Northwind names a new chief\nUpdated · Tue 5 Sep 2023\n{BODY_EN}", "en", "2023-09-05"),
    (f"Northwind names a new chief\n2024-03-14T08:00:00Z\n{BODY_EN}", None, "2024-03-14"),
])
def test_byline(text: str, lang: str | None, value: str) -> None:
    assert find_publication_date(text, lang) == (DateValue(value), "byline")


@pytest.mark.parametrize(("text", "lang", "value"), [
    (f"Neue Chefin bei Falk Robotik\n\nBERLIN, 3. März 2021 – {BODY_DE}", "de", "2021-03-03"),
    (f"Neue Chefin bei Falk Robotik\n\nWien (apa) 3. März 2021: {BODY_DE}", "de", "2021-03-03"),
    (f"Northwind names a new chief\n\nMarch 3, 2021 — {BODY_EN}", "en", "2021-03-03"),
    (f"Northwind names a new chief\n\nSPRINGFIELD, Ohio, March 3, 2021 - {BODY_EN}", "en", "2021-03-03"),
])
def test_dateline(text: str, lang: str, value: str) -> None:
    assert find_publication_date(text, lang) == (DateValue(value), "dateline")


def test_embedded_posts_give_the_latest_signature_date() -> None:
    text = (f"Neue Chefin bei Falk Robotik\n\n{BODY_DE}\n\nFalk schrieb dazu auf X:\n"
            "Danke für alles, es war eine großartige Zeit.\n"
            "— Jonas Falk (@jfalk) 8. März 2024\n"
            "Lind antwortete wenig später.\n"
            "Ich freue mich auf die Aufgabe!\n"
            "— Vera Lind (@vlind) 11. März 2024\n"
            "Die Aktie reagierte kaum.")
    assert find_publication_date(text, "de") == (DateValue("2024-03-11"), "embedded")


def test_embedded_english_signature_and_date_alone_on_a_line() -> None:
    text = (f"Northwind names a new chief\n\n{BODY_EN}\n\nOkafor wrote:\n"
            "Excited for what comes next.\n— Jane Okafor (@jokafor) March 11, 2024\n\n"
            "Further reading\n12 March 2024\n")
    assert find_publication_date(text, "en") == (DateValue("2024-03-12"), "embedded")


def test_byline_wins_over_embedded_dates() -> None:
    text = (f"Neue Chefin\nVon Max Muster | 14. März 2024\n{BODY_DE}\n"
            "— Vera Lind (@vlind) 2. April 2024")
    assert find_publication_date(text, "de") == (DateValue("2024-03-14"), "byline")


@pytest.mark.parametrize(("text", "lang"), [
    (f"Neue Chefin bei Falk Robotik\n\n{BODY_DE}", "de"),  # "ab 1. Jänner 2017" is a plan
    (f"Northwind names a new chief\n\n{BODY_EN}", "en"),  # "on May 6, 2019" ends a sentence, it does not sign one
    ("Die Sitzung ist am 3. Mai 2021.\nDer Termin steht seit dem 1. April 2021.", "de"),
    ("Am Mittwoch trat er zurück.\nGestern folgte die Nachfolgerin.", "de"),
    ("Rückblick\nIm Jahr 2015 wurde die Firma gegründet.", "de"),
    ("", None),
    ("\n\n\n", "en"),
    ("\x00\x1d ### |||| 99.99.9999", None),
])
def test_no_publication_date(text: str, lang: str | None) -> None:
    assert find_publication_date(text, lang) is None


def test_language_unknown_or_unsupported_still_reads_dates() -> None:
    text = f"Neue Chefin\nVon Max Muster | 14. März 2024\n{BODY_DE}"
    assert find_publication_date(text, None) == (DateValue("2024-03-14"), "byline")
    assert find_publication_date("Titre\nPar Jean Dupont | 14.03.2024\nTexte.", "fr") == (
        DateValue("2024-03-14"), "byline")


def test_wrong_type_raises() -> None:
    with pytest.raises(TypeError):
        find_publication_date(None, "de")  # type: ignore[arg-type]


@pytest.mark.parametrize(("given", "value"), [
    ("2024-03-14T10:00:00Z", "2024-03-14"),
    ("2024-03-14T23:30:00-05:00", "2024-03-14"),
    ("2024-03-14 10:00", "2024-03-14"),
    ("2024-03-14", "2024-03-14"),
    ("2024/03/14", "2024-03-14"),
    ("20240314", "2024-03-14"),
    ("2024-03", "2024-03"),
    ("2024", "2024"),
    ("  2024-03-14  ", "2024-03-14"),
    ("Thu, 14 Mar 2024 10:00:00 GMT", "2024-03-14"),
    ("Thu, 14 Mar 2024 10:00:00 +0100", "2024-03-14"),
    ("14.03.2024", "2024-03-14"),
    ("14. März 2024, 10:15 Uhr", "2024-03-14"),
    ("March 14, 2024 at 10:15 am", "2024-03-14"),
    ("14 Mar 2024", "2024-03-14"),
    ("März 2024", "2024-03"),
])
def test_parse_given_date(given: str, value: str) -> None:
    assert parse_given_date(given) == DateValue(value)


@pytest.mark.parametrize("junk", ["", "   ", "junk", "2024-02-30", "2024-13-01", "1850-01-01", "gestern",
                                  "vor 3 Stunden", "Mittwoch", "00000000", "T10:00", None, 20240314, ["2024"]])
def test_parse_given_date_rejects_junk(junk: object) -> None:
    assert parse_given_date(junk) is None  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------------- shared data


def _seed_articles() -> list[tuple[str, dict]]:
    out = []
    for line in (SHARED / "gold" / "seeds.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        path = SHARED / "seeds" / gold["doc"]
        if path.is_file():
            out.append((path.read_text(encoding="utf-8"), gold))
    return out


@needs_shared
def test_seed_articles_dates_fall_inside_their_gold_windows() -> None:
    seeds = _seed_articles()
    assert seeds, "no seed articles found"
    dated = 0
    for text, gold in seeds:
        found = find_publication_date(text, gold.get("lang"))
        window = (gold.get("published") or {}).get("window")
        basis = (gold.get("published") or {}).get("basis") or ""
        if found is None:
            assert not basis.startswith("byline"), f"{gold['doc']}: missed the byline"
            continue
        dated += 1
        assert window, f"{gold['doc']}: found {found} where gold has no date"
        assert window[0] <= str(found[0]) <= window[1], (gold["doc"], found, window)
    assert dated >= 2


@needs_shared
def test_dev_articles_never_get_a_date_outside_a_known_window() -> None:
    golds = {}
    for line in (SHARED / "eval" / "dev" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        gold = json.loads(line)
        golds[gold.get("doc") or gold.get("id")] = gold
    for line in (SHARED / "eval" / "dev" / "docs.jsonl").read_text(encoding="utf-8").splitlines():
        doc = json.loads(line)
        found = find_publication_date(doc["text"], doc.get("lang"))
        window = ((golds.get(doc["id"]) or {}).get("published") or {}).get("window")
        if found is not None and window:
            assert window[0] <= str(found[0]) <= window[1], (doc["id"], found, window)
