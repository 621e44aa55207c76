"""The demo corpus (demo/articles) and its gold answers (demo/gold.jsonl) are well-formed and consistent.

The corpus is hand-written fiction; these checks keep the gold honest when an article is edited: every
evidence, quote and boilerplate string must still be in its article, every date must be ISO and inside
its window, and the shared scorer must read the gold and give a perfect score to a copy of it.
"""
from __future__ import annotations

import calendar
import json
import re
import subprocess
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import pytest

from succession.models import EventType, Modality

DEMO = Path(__file__).resolve().parents[1] / "demo"
ARTICLES = DEMO / "articles"
GOLD = DEMO / "gold.jsonl"
FEED = ARTICLES / "feed.jsonl"
SHARED = Path("/work/shared")
SCORER = SHARED / "tools" / "score.py"

needs_shared = pytest.mark.skipif(not SCORER.is_file(), reason="/work/shared (scorer, real articles) is not present")

_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")
FEED_FIELDS = {"id", "text", "title", "published", "url", "lang"}
WIRE_LINE = "© Meridian Wire Service - all rights reserved. Reproduction only with permission."


@lru_cache(maxsize=None)
def gold() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=None)
def feed_rows() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip())


@lru_cache(maxsize=None)
def texts() -> dict[str, str]:
    """Document id -> the text the gold refers to (whole file; the `text` field for JSON Lines rows)."""
    out = {p.name: p.read_text(encoding="utf-8") for p in ARTICLES.iterdir() if p.suffix in (".txt", ".html")}
    out.update({row["id"]: row["text"] for row in feed_rows()})
    return out


def content(doc: str) -> str:
    """The part of a document that holds the article: the <article> element of an HTML page."""
    text = texts()[doc]
    if doc.endswith(".html"):
        return text[text.index("<article"):text.index("</article>")]
    return text


def interval(value: str) -> tuple[str, str]:
    m = _ISO.fullmatch(value)
    assert m, f"not ISO: {value!r}"
    y, mo, d = m.groups()
    if d:
        calendar.monthrange(int(y), int(mo))  # raises on a bad month
        assert 1 <= int(d) <= calendar.monthrange(int(y), int(mo))[1], value
        return value, value
    if mo:
        return f"{y}-{mo}-01", f"{y}-{mo}-{calendar.monthrange(int(y), int(mo))[1]:02d}"
    return f"{y}-01-01", f"{y}-12-31"


def check_dated(date: str | None, window: list[str] | None, where: str) -> None:
    if window is not None:
        assert len(window) == 2, where
        lo, hi = interval(window[0])[0], interval(window[1])[1]
        assert lo <= hi, f"{where}: window reversed {window}"
    if date is not None:
        first, last = interval(date)
        assert window is not None, f"{where}: dated without a window"
        assert window[0] <= first and last <= window[1], f"{where}: {date} outside {window}"


def events() -> list[tuple[str, dict[str, Any]]]:
    return [(d["doc"], e) for d in gold() for e in d["events"]]


def test_every_article_has_gold_and_every_gold_doc_exists() -> None:
    docs = [d["doc"] for d in gold()]
    assert len(docs) == len(set(docs))
    assert set(docs) == set(texts())
    assert 10 <= len(docs) <= 14


def test_file_names_and_formats() -> None:
    files = sorted(p.name for p in ARTICLES.iterdir())
    named = [f for f in files if f != "feed.jsonl"]
    assert all(re.fullmatch(r"\d\d_[a-z0-9-]+\.(txt|html)", f) for f in named), named
    assert sum(f.endswith(".html") for f in named) == 2
    rows = feed_rows()
    assert len(rows) == 2 and all(set(r) == FEED_FIELDS for r in rows)
    for r in rows:
        interval(r["published"][:10])


def test_txt_files_start_with_a_short_title_line() -> None:
    for name, text in texts().items():
        if name.endswith(".txt"):
            title, blank = text.split("\n")[:2]
            assert 0 < len(title) <= 120 and blank == "", name


def test_html_pages_look_real() -> None:
    for name, text in texts().items():
        if name.endswith(".html"):
            for marker in ("<title>", "<nav", "<header", "<footer", "<article", 'property="article:published_time"',
                           "cookie"):
                assert marker in text, f"{name} lacks {marker}"


def test_evidence_is_an_exact_substring_of_the_article() -> None:
    for doc, e in events():
        assert e["evidence"] in content(doc), f"{doc}: {e['evidence']!r}"
        assert not set(e["evidence"]) & set("<>&"), f"{doc}: markup inside evidence {e['evidence']!r}"


def test_quotes_boilerplate_and_variants_are_in_the_article() -> None:
    for d in gold():
        text = texts()[d["doc"]]
        for q in d["quotes"]:
            assert q["text"] in content(d["doc"]), (d["doc"], q["text"])
        for b in d["boilerplate"]:
            assert b in text, (d["doc"], b)
        for ent in d["entities"]:
            assert ent["kind"] in ("person", "org")
            for v in ent["variants"]:
                assert v in text, (d["doc"], v)


def test_dates_are_iso_and_inside_their_windows() -> None:
    for d in gold():
        pub = d["published"]
        check_dated(pub["date"], pub["window"], f"{d['doc']} published")
        for e in d["events"]:
            check_dated(e["date"], e["window"], f"{d['doc']} {e['holder']} {e['type']}")


def test_event_records_use_the_engine_vocabulary() -> None:
    types, modalities = {t.value for t in EventType}, {m.value for m in Modality}
    for doc, e in events():
        assert e["type"] in types and e["modality"] in modalities, (doc, e)
        assert e["holder_kind"] in ("person", "org")
    names = {(d["doc"], ent["name"]) for d in gold() for ent in d["entities"]}
    assert all((doc, e["holder"]) in names for doc, e in events())


def test_corpus_covers_every_event_type_modality_and_language() -> None:
    required = [e for _, e in events() if not e.get("optional")]
    assert {e["type"] for e in required} == {t.value for t in EventType}
    assert {"asserted", "planned", "rumoured", "negated"} <= {e["modality"] for e in required}
    assert {d["lang"] for d in gold()} == {"en", "de"}
    roles = {e["role"] for e in required}
    assert {"CEO", "interim CEO", "chair", "CFO", "CTO", "president", "board member", "co-founder"} <= roles


def test_bilingual_story_has_three_versions_and_two_are_undated() -> None:
    story = [d for d in gold() if d["story"] == "grauwald-ceo-change"]
    assert sorted(d["lang"] for d in story) == ["de", "en", "en"]
    undated = [d["doc"] for d in story if "byline" not in d["published"]["basis"]]
    assert len(undated) == 2
    for doc in undated:
        assert not re.search(r"\b2025\b|\bMarch\b|\bMärz\b", texts()[doc]), doc
    damaged = texts()["03_grauwald-ceo-mt-en.txt"]
    for form in ("Jurgen", "Elsa Randegger", "George Taner", "Marec Wolnik"):
        assert form in damaged


def test_rumour_is_denied_by_a_later_article() -> None:
    by_doc = {d["doc"]: d for d in gold()}
    rumour = [(doc, e) for doc, e in events() if e["modality"] == "rumoured" and e["type"] == "appointed"]
    denial = [(doc, e) for doc, e in events() if e["modality"] == "negated"]
    assert rumour and denial
    (r_doc, r_ev), (n_doc, n_ev) = rumour[0], denial[0]
    assert r_ev["holder"] == n_ev["holder"] and r_ev["role"] == n_ev["role"]
    assert by_doc[r_doc]["published"]["date"] < by_doc[n_doc]["published"]["date"]


def test_one_boilerplate_line_repeats_across_articles() -> None:
    assert sum(WIRE_LINE in t for t in texts().values()) >= 3


def as_written(doc: str, holder: str) -> str:
    """The holder's first full-name spelling in this article (damaged in the machine translation)."""
    ent = next(x for d in gold() if d["doc"] == doc for x in d["entities"] if x["name"] == holder)
    return next((v for v in ent["variants"] if len(v.split()) > 1), holder)


def perfect_predictions(spelling_of_article: bool = False) -> str:
    """The gold restated as engine output: a correct engine's records."""
    lines = [{"kind": "document", "doc": d["doc"], "lang": d["lang"], "published": d["published"]["date"],
              "story": d["story"]} for d in gold()]
    for doc, e in events():
        start = content(doc).index(e["evidence"])
        rec = {k: e[k] for k in ("holder", "holder_kind", "type", "role", "org", "date", "modality")}
        if spelling_of_article:
            rec["holder"] = as_written(doc, e["holder"])
        lines.append({"kind": "event", "doc": doc, **rec,
                      "evidence": {"start": start, "end": start + len(e["evidence"]), "text": e["evidence"]}})
    return "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n"


def run_scorer(pred: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(SCORER), "--gold", str(GOLD), "--pred", str(pred), "--json"],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert "skipped" not in done.stderr, done.stderr
    return json.loads(done.stdout)


@needs_shared
def test_scorer_reads_the_gold_with_no_predictions() -> None:
    res = run_scorer(Path("/dev/null"))
    required = sum(not e.get("optional") for _, e in events())
    assert res["events"]["tp"] == 0 and res["events"]["fn"] == required


@needs_shared
@pytest.mark.parametrize("spelling_of_article", [False, True], ids=["canonical", "as-written"])
def test_scorer_gives_the_gold_itself_a_perfect_score(tmp_path: Path, spelling_of_article: bool) -> None:
    pred = tmp_path / "pred.jsonl"
    pred.write_text(perfect_predictions(spelling_of_article), encoding="utf-8")
    res = run_scorer(pred)
    assert res["events"]["precision"] == 1.0 and res["events"]["recall"] == 1.0, res["misses"] + res["extras"]
    assert all(v == 1.0 for k, v in res["on_matched"].items() if k != "dated"), res["on_matched"]
    assert res["published"]["correct"] == res["published"]["of"]
    assert res["stories"]["found"] == res["stories"]["pairs_same"] and res["stories"]["false"] == 0


@needs_shared
def test_names_are_not_taken_from_the_real_articles() -> None:
    real = " ".join(p.read_text(encoding="utf-8", errors="replace").casefold()
                    for p in [*(SHARED / "seeds").glob("*"), *(SHARED / "eval").rglob("*.jsonl")] if p.is_file())
    names = {ent["name"] for d in gold() for ent in d["entities"]}
    persons = {ent["name"] for d in gold() for ent in d["entities"] if ent["kind"] == "person"}
    surnames = {n.split()[-1] for n in persons if len(n.split()[-1]) >= 5}
    clashes = sorted(n for n in names | surnames if re.search(rf"\b{re.escape(n.casefold())}\b", real))
    assert clashes == [], clashes
