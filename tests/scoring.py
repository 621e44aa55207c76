"""Test helpers: check ``succession extract`` records and score events against gold, without ../shared.

The scorer is a deliberately small stand-in for ../shared/tools/score.py (which is not in the repository):
an extracted event matches a gold event when it is in the same document, names the same holder
(same surname), the same coarse kind of change (appointed/returned = start, departed/dismissed = end;
reassigned may stand for either) and an overlapping organisation (some distinctive word in common;
a gold event without organisation takes any). Optional gold events absorb matching extractions
without counting either way.
"""
from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Score", "check_records", "parse_jsonl", "score_events"]

KINDS = frozenset({"document", "entity", "event", "quote"})
COARSE = {"appointed": "start", "returned": "start", "departed": "end", "dismissed": "end"}
ORG_NOISE = frozenset({"the", "ag", "se", "gmbh", "inc", "ltd", "plc", "llc", "co", "corp", "group", "of", "and",
                       "und", "der", "die", "das"})


def parse_jsonl(text: str) -> list[dict[str, Any]]:
    """Every line of ``text`` as a JSON object; fails the test on a line that is not one."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        rec = json.loads(line)  # raises (fails the test) on anything but JSON
        assert isinstance(rec, dict), f"line {n} is not a JSON object: {line[:80]}"
        out.append(rec)
    return out


def check_records(recs: Sequence[Mapping[str, Any]], texts: Mapping[str, str]) -> None:
    """Records are well formed: known kinds, events of printed documents, evidence offsets into the text.

    ``texts`` maps a document id to the text its offsets refer to (read independently of the engine).
    """
    assert {r.get("kind") for r in recs} <= KINDS, {r.get("kind") for r in recs} - KINDS
    docs = {r["doc"] for r in recs if r["kind"] == "document"}
    for r in recs:
        if r["kind"] == "entity":
            assert r["name"] and r["entity_type"] in ("person", "org") and r["name"] in r["variants"], r
        if r["kind"] == "quote":  # quoted words and the speaker's words are where the offsets say
            text = texts[r["doc"]]
            assert r["doc"] in docs and text[r["start"]:r["end"]] == r["text"], r
            if r["speaker_start"] is not None:
                assert text[r["speaker_start"]:r["speaker_end"]] == r["speaker_text"], r
        if r["kind"] != "event":
            continue
        assert r["doc"] in docs, f"event of a document that was not printed: {r['doc']}"
        assert r["holder"] and r["type"] and r["modality"], r
        ev = r["evidence"]
        text = texts[r["doc"]]
        assert 0 <= ev["start"] < ev["end"] <= len(text), (r["doc"], ev)
        assert text[ev["start"]:ev["end"]] == ev["text"], (r["doc"], ev["start"], ev["end"], ev["text"][:60])


def _fold(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in s if not unicodedata.combining(c)).casefold()).strip()


def _surname(name: str | None) -> str:
    words = _fold(re.sub(r"\([^)]*\)", " ", name or "")).split()
    return words[-1] if words else ""


def _org_words(org: str | None) -> set[str]:
    return {w for w in _fold(org).split() if w not in ORG_NOISE}


def _kinds_match(pred: str, gold: str) -> bool:
    a, b = COARSE.get(pred, pred), COARSE.get(gold, gold)
    return a == b or ("reassigned" in (a, b) and {a, b} <= {"reassigned", "start", "end"})


def _matches(pred: Mapping[str, Any], gold: Mapping[str, Any]) -> bool:
    if not _kinds_match(pred.get("type", ""), gold["type"]):
        return False
    if not _surname(pred.get("holder")) or _surname(pred.get("holder")) != _surname(gold["holder"]):
        return False
    return not gold.get("org") or bool(_org_words(pred.get("org")) & _org_words(gold["org"]))


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = field(default_factory=list)  # (gold, extracted)
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report(self) -> str:
        head = f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} (tp {self.tp} fp {self.fp} fn {self.fn})"
        return "\n".join([head] + [f"  missed {m}" for m in self.misses] + [f"  extra  {x}" for x in self.extras])


def _describe(e: Mapping[str, Any]) -> str:
    return f"{e.get('doc', '')}: {e.get('holder')} {e.get('type')} {e.get('role')} @ {e.get('org')}"


def score_events(gold_docs: Iterable[Mapping[str, Any]], preds: Iterable[Mapping[str, Any]]) -> Score:
    """Match extracted event records against the events of gold records (format of ../shared/gold)."""
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for p in preds:
        if p.get("kind") == "event":
            by_doc.setdefault(p["doc"], []).append(dict(p))
    score = Score()
    for g_doc in gold_docs:
        cands = by_doc.pop(g_doc["doc"], [])
        for g in sorted(g_doc.get("events", []), key=lambda e: bool(e.get("optional"))):  # required first
            hit = next((p for p in cands if _matches(p, g)), None)
            if hit is not None:
                cands.remove(hit)
            if g.get("optional"):
                continue
            if hit is None:
                score.fn += 1
                score.misses.append(_describe({**g, "doc": g_doc["doc"]}))
            else:
                score.tp += 1
                score.pairs.append(({**g, "doc": g_doc["doc"]}, hit))
        score.fp += len(cands)
        score.extras += [_describe(p) for p in cands]
    return score
