"""The extractor end to end: the demo corpus against its gold, key facts and traps, and the real articles.

The demo corpus (demo/articles, gold demo/gold.jsonl) is fiction written for this project; the library
runs over it once per session (``demo_run`` in conftest.py). Thresholds are the levels the engine
reached when these tests were written, less a small margin: raise them as the engine improves.
Tests marked xfail name what the engine does not get right yet (they pass quietly once it does).

../shared (real articles, gold and the scorer) is read at run time only: without it those tests skip,
in CI they fail.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import conftest
from conftest import DEMO_ARTICLES, DEMO_GOLD, require_shared
from scoring import check_records, parse_jsonl, score_events
from succession.api import CorpusRun, analyse_paths
from succession.cli import app
from succession.sources.files import read_file
from succession.models import Event, EventType, Modality
from succession.records import records

DEMO_MIN_PRECISION = 0.78  # measured 0.84 (tp 38, fp 7)
DEMO_MIN_RECALL = 0.68  # measured 0.73 (tp 38, fn 14)
SEEDS_MIN_F1 = 0.85  # ../shared/tools/score.py on ../shared/seeds; measured 0.90
DEV_MIN_F1 = 0.65  # the same on ../shared/eval/dev (unlinked); measured 0.71

START = (EventType.APPOINTED, EventType.RETURNED)


def gold_docs(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def demo_texts() -> dict[str, str]:
    """Document id -> the text offsets refer to, read here rather than taken from the engine.

    Text files and JSON Lines rows are read directly; HTML pages go through the reader (the article text
    is what trafilatura extracts, which this test cannot restate).
    """
    texts: dict[str, str] = {}
    for path in sorted(DEMO_ARTICLES.iterdir()):
        if path.suffix == ".txt":
            texts[path.name] = path.read_text(encoding="utf-8-sig")
        elif path.suffix == ".html":
            texts[path.name] = next(iter(read_file(path))).text  # type: ignore[union-attr]
        elif path.suffix == ".jsonl":
            texts.update({row["id"]: row["text"] for row in gold_docs(path)})
    return texts


def events(run: CorpusRun, doc: str, surname: str = "", *types: EventType) -> list[Event]:
    """Events of one demo document, optionally only of a holder (by surname) and of some types."""
    found = [e for a in run.analyses if a.document.id == doc for e in a.events]
    return [e for e in found if e.holder.endswith(surname) and (not types or e.type in types)]


def the_event(run: CorpusRun, doc: str, surname: str, *types: EventType) -> Event:
    found = events(run, doc, surname, *types)
    assert found, f"no {'/'.join(t.value for t in types)} event of {surname} in {doc}: {events(run, doc)}"
    return found[0]


# --- the demo corpus as a whole -------------------------------------------------------------------------

def test_demo_reads_every_article_under_its_id(demo_run: CorpusRun) -> None:
    ids = {a.document.id for a in demo_run.analyses}
    assert ids == set(demo_texts()) == {g["doc"] for g in gold_docs(DEMO_GOLD)}
    assert demo_run.rejected == []


def test_demo_records_are_well_formed_with_valid_evidence(demo_run: CorpusRun) -> None:
    recs = list(records(demo_run.analyses, demo_run.entities))
    recs = parse_jsonl("\n".join(json.dumps(r, ensure_ascii=False) for r in recs))  # survives JSON
    check_records(recs, demo_texts())
    assert sum(r["kind"] == "event" for r in recs) >= 30


def test_demo_precision_and_recall(demo_run: CorpusRun) -> None:
    score = score_events(gold_docs(DEMO_GOLD), records(demo_run.analyses, demo_run.entities))
    assert score.precision >= DEMO_MIN_PRECISION, score.report()
    assert score.recall >= DEMO_MIN_RECALL, score.report()


def test_demo_publication_dates_fall_in_their_gold_windows(demo_run: CorpusRun) -> None:
    windows = {g["doc"]: g["published"]["window"] for g in gold_docs(DEMO_GOLD)}
    for a in demo_run.analyses:
        assert a.published is not None, a.document.id
        first, last = windows[a.document.id]
        assert first <= a.published.first_day.isoformat() <= a.published.last_day.isoformat() <= last, \
            (a.document.id, a.published.value)


def test_demo_stories_group_the_versions_of_one_report(demo_run: CorpusRun) -> None:
    story = {a.document.id: a.story for a in demo_run.analyses}
    gold = {g["doc"]: g["story"] for g in gold_docs(DEMO_GOLD)}
    for a in gold:
        for b in gold:
            if a < b:
                assert (story[a] == story[b]) == (gold[a] == gold[b]), (a, b)


# --- key facts that work (and are right) ----------------------------------------------------------------

def test_ceo_departure_in_the_english_original(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "01_grauwald-ceo-steps-down-en.txt", "Sattelmayer", EventType.DEPARTED)
    assert (e.role, e.modality, e.date and e.date.value) == ("CEO", Modality.PLANNED, "2025-04-30")
    assert e.org and "Grauwald" in e.org


def test_past_career_step_is_a_dated_start(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "01_grauwald-ceo-steps-down-en.txt", "Sattelmayer", EventType.APPOINTED)
    assert e.date and e.date.value == "2019-11"
    assert e.modality is Modality.ASSERTED


def test_sacked_manager_is_dismissed(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "06_fenwick-rovers-manager-sacked.txt", "Ferrisby", EventType.DISMISSED)
    assert e.role == "manager" and e.modality is Modality.ASSERTED


def test_resignation_dated_by_month(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "06_fenwick-rovers-manager-sacked.txt", "Kewley-Strand", EventType.DEPARTED)
    assert (e.role, e.date and e.date.value) == ("sporting director", "2025-07")


@pytest.mark.parametrize("doc, words", [
    ("06_fenwick-rovers-manager-sacked.txt", "tear gas"),  # another sense of "fire"
    ("10_tessaray-new-cto-en.txt", "fired a rocket"),
    ("07_lindgruen-pacher-rueckkehr-de.txt", "bleibt"),  # stays chairman: a fact, no change
])
def test_traps_give_no_event(demo_run: CorpusRun, doc: str, words: str) -> None:
    assert [e for e in events(demo_run, doc) if words in e.evidence.text] == []


def test_death_is_not_a_departure(demo_run: CorpusRun) -> None:
    for e in events(demo_run, "08_quillfeather-founder-obituary-en.html"):
        assert not (e.trigger and "died" in e.trigger.text), e


def test_rumoured_appointment_is_not_asserted(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "04_felsquell-chefwechsel-geruecht-de.html", "Weidenfels", EventType.APPOINTED)
    assert e.modality in (Modality.RUMOURED, Modality.PLANNED)
    assert e.date and e.date.value == "2025-07-01"


def test_denied_appointment_is_negated(demo_run: CorpusRun) -> None:
    found = events(demo_run, "05_felsquell-names-ceo-en.txt", "Weidenfels", EventType.APPOINTED)
    assert any(e.modality is Modality.NEGATED and e.role == "CEO" for e in found), found


def test_planned_departure_at_the_end_of_a_month(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "05_felsquell-names-ceo-en.txt", "Eschholz", EventType.DEPARTED)
    assert (e.role, e.modality, e.date and e.date.value) == ("CEO", Modality.PLANNED, "2025-06")


def test_founding_and_past_chairmanship(demo_run: CorpusRun) -> None:
    doc = "08_quillfeather-founder-obituary-en.html"
    founded = the_event(demo_run, doc, "Vantongeren", EventType.FOUNDED)
    assert (founded.date and founded.date.value, founded.org) == ("1978", "Quillfeather Press")
    dated = {(e.type, e.role, e.date.value if e.date else None) for e in events(demo_run, doc, "Vantongeren")}
    assert {(EventType.APPOINTED, "chair", "1996"), (EventType.DEPARTED, "chair", "2011")} <= dated
    assert the_event(demo_run, doc, "Achterberg", EventType.APPOINTED).role == "CEO"


def test_german_leave_and_planned_return(demo_run: CorpusRun) -> None:
    doc = "09_kranichsee-geschaeftsfuehrerin-auszeit-de.txt"
    leave = the_event(demo_run, doc, "Olbertz", EventType.LEAVE)
    assert leave.role == "CEO" and leave.modality is Modality.ASSERTED
    back = the_event(demo_run, doc, "Olbertz", EventType.RETURNED)
    assert back.modality is Modality.PLANNED and back.date and back.date.value == "2025"


def test_german_reinstatement_is_a_return(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "07_lindgruen-pacher-rueckkehr-de.txt", "Pacher", EventType.RETURNED)
    assert e.role == "CEO" and e.modality is Modality.ASSERTED


def test_weekday_resolved_against_the_feed_date(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "feed-quorvik-board-2025-04-09", "Marchbank", EventType.DEPARTED)
    assert (e.role, e.date and e.date.value) == ("board member", "2025-04-08")


def test_german_dismissal_with_weekday(demo_run: CorpusRun) -> None:
    e = the_event(demo_run, "feed-rauhenstein-cfo-2025-09-25", "Quastenberg", EventType.DISMISSED)
    assert (e.role, e.modality, e.date and e.date.value) == ("CFO", Modality.ASSERTED, "2025-09-24")


# --- more behaviour; the xfail ones are known gaps: what the engine does not get right yet ---------------

def _no_event_from(run: CorpusRun, doc: str, words: str) -> bool:
    return not [e for e in events(run, doc) if words in e.evidence.text]


CHECKS = [  # (id, what the engine should do, check, works already)
    ("de-planned-departure", "German 'werde sein Amt zum 30. April niederlegen' is a planned CEO departure",
     lambda r: any(e.date and e.date.value == "2025-04-30"
                   for e in events(r, "02_grauwald-vorstandschef-de.txt", "Sattelmayer", EventType.DEPARTED)), False),
    ("planned-interim-appointment", "'appointed ... as interim CEO from May 1' is planned and dated 2025-05-01",
     lambda r: any(e.modality is Modality.PLANNED and e.date and e.date.value == "2025-05-01"
                   for e in events(r, "01_grauwald-ceo-steps-down-en.txt", "Randegger", *START)), False),
    ("chairman-said-trap", "'Chairman X said the board expected to name a new chief executive' is no event of X",
     lambda r: not events(r, "01_grauwald-ceo-steps-down-en.txt", "Tanner"), True),
    ("award-trap", "'was named Manager of the Year' is an award, not an appointment",
     lambda r: _no_event_from(r, "08_quillfeather-founder-obituary-en.html", "Manager of the Year")
     and _no_event_from(r, "10_tessaray-new-cto-en.txt", "Manager of the Year"), True),
    ("denied-report", "a denied report ('Reports ... were wrong') gives no asserted appointment",
     lambda r: all(e.modality is not Modality.ASSERTED
                   for e in events(r, "05_felsquell-names-ceo-en.txt", "Weidenfels", *START)), True),
    ("de-rumour-role", "German rumour 'soll ... den Vorstandsvorsitz übernehmen' has role CEO",
     lambda r: any(e.role == "CEO"
                   for e in events(r, "04_felsquell-chefwechsel-geruecht-de.html", "Weidenfels", *START)), False),
    ("de-separable-abberufen", "German headline 'beruft ... ab' (separable abberufen) is no appointment",
     lambda r: not events(r, "feed-rauhenstein-cfo-2025-09-25", "Quastenberg", EventType.APPOINTED), False),
    ("refused-resignation", "a resignation offered and refused is no change at all",
     lambda r: not events(r, "07_lindgruen-pacher-rueckkehr-de.txt", "Eisenbart"), False),
    ("mt-chairman-announced", "'like supervisory council boss X announced' (machine translation) is no event of X",
     lambda r: not events(r, "03_grauwald-ceo-mt-en.txt", "Tanner"), False),
    ("joined-last-week", "the new CTO who 'joined the company last week' is found",
     lambda r: bool(events(r, "10_tessaray-new-cto-en.txt", "Arbogast", *START)), True),
    ("club-as-organisation", "the club is the organisation of its sacked manager",
     lambda r: any(e.org for e in events(r, "06_fenwick-rovers-manager-sacked.txt", "Ferrisby")), True),
    ("successor-to", "'a successor to CTO X, who quit in late April' is X's departure, not an appointment",
     lambda r: not events(r, "05_felsquell-names-ceo-en.txt", "Oosterhuis", EventType.APPOINTED), True),
    ("confirmed-on-monday", "the sacking is dated the day the club confirmed it (Monday), not the match day",
     lambda r: any(e.date and e.date.value == "2025-10-13" for e in events(
         r, "06_fenwick-rovers-manager-sacked.txt", "Ferrisby", EventType.DISMISSED)), False),
]


@pytest.mark.parametrize("check", [
    pytest.param(check, id=check_id, marks=() if works else pytest.mark.xfail(reason=what, strict=False))
    for check_id, what, check, works in CHECKS])
def test_behaviour(demo_run: CorpusRun, check: Any) -> None:
    assert check(demo_run)


# --- the real articles in ../shared (read at run time, never copied) ------------------------------------

def test_missing_shared_skips_locally_and_fails_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(conftest, "SHARED", tmp_path / "absent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="absent"):
        require_shared("seeds")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI must run with ../shared"):
        require_shared("seeds")
    monkeypatch.setattr(conftest, "SHARED", tmp_path)
    assert require_shared() == tmp_path


def extract_cli(*inputs: Path) -> str:
    """``succession extract INPUTS`` in this process (the models are loaded already); its stdout."""
    result = CliRunner().invoke(app, ["extract", "--quiet", *map(str, inputs)])
    assert result.exit_code == 0, (result.exit_code, result.stderr[-2000:], result.exception)
    return result.stdout


def score_with_shared_scorer(gold: Path, pred: str, tmp_path: Path) -> dict[str, Any]:
    pred_file = tmp_path / "pred.jsonl"
    pred_file.write_text(pred, encoding="utf-8")
    scorer = require_shared("tools", "score.py")
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred_file), "--json"],
                         capture_output=True, text=True, timeout=120, check=True)
    return json.loads(out.stdout)


def test_shared_seeds(shared_dir: Path, tmp_path: Path) -> None:
    seeds, gold = require_shared("seeds"), require_shared("gold", "seeds.jsonl")
    out = extract_cli(seeds)
    texts = {p.name: p.read_text(encoding="utf-8-sig") for p in seeds.iterdir() if p.suffix == ".txt"}
    recs = parse_jsonl(out)
    check_records(recs, texts)
    assert {r["doc"] for r in recs if r["kind"] == "document"} == set(texts)
    res = score_with_shared_scorer(gold, out, tmp_path)
    assert res["events"]["f1"] >= SEEDS_MIN_F1, res["events"]
    matched = res["on_matched"]
    assert matched["role"] >= 0.85 and matched["date"] >= 0.80 and matched["modality"] >= 0.85, matched
    assert res["published"]["correct"] == res["published"]["of"], res["published"]
    assert res["stories"]["found"] == res["stories"]["pairs_same"] and res["stories"]["false"] == 0, res["stories"]
    assert res["entities"]["unresolved"] == [], res["entities"]


def test_shared_dev_set(shared_dir: Path, tmp_path: Path) -> None:
    """The dev set through the library, without cross-article linking: 47 unrelated articles, and the story
    embeddings would take 20 s of the 25 (the event score does not move: F1 0.613 either way)."""
    docs, gold = require_shared("eval", "dev", "docs.jsonl"), require_shared("eval", "dev", "gold.jsonl")
    run = analyse_paths([docs], link=False)
    assert run.rejected == []
    out = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records(run.analyses, run.entities))
    texts = {row["id"]: row["text"] for row in gold_docs(docs)}
    recs = parse_jsonl(out)
    check_records(recs, texts)
    assert {r["doc"] for r in recs if r["kind"] == "document"} == set(texts)
    res = score_with_shared_scorer(gold, out, tmp_path)
    assert res["events"]["f1"] >= DEV_MIN_F1, res["events"]
