"""How ``scripts/train_events.py`` labels a candidate from the answers: the same person (surname, allowing
transliteration), a compatible kind of change, the answers' evidence in the candidate's sentence; and when two
organisation names are the same. Kept apart so that the training script stays one module's size."""
from __future__ import annotations

import difflib
import re
import unicodedata

from succession.learned import COARSE
from succession.extract.coref import fold
from succession.learned.candidates import Candidate

__all__ = ["ELSEWHERE", "ORG_NOISE", "compatible", "evidence_span", "forms", "label", "labels", "norm", "same_org",
           "same_person"]

ELSEWHERE = None  # label() of a candidate of a gold change the answers cite in another sentence (see event_examples)
ORG_NOISE = {"the", "inc", "corp", "co", "company", "plc", "ltd", "llc", "ag", "gmbh", "se", "sa", "group",
             "holding", "der", "die", "das", "of", "und", "and"}


def norm(s: str | None) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", s.casefold()).strip()


def forms(s: str | None) -> list[str]:
    """'Name (Alias)' -> the name outside and the name inside the brackets."""
    inside = re.findall(r"\(([^)]*)\)", s or "")
    return [f for f in (norm(re.sub(r"\([^)]*\)", " ", s or "")), *map(norm, inside)) if f]


def same_person(pred: str, gold: str) -> bool:
    p = norm(pred).split()
    if not p:
        return False
    for g in (f.split() for f in forms(gold)):
        if difflib.SequenceMatcher(None, p[-1], g[-1]).ratio() < 0.8:
            continue
        if len(p) == 1 or len(g) == 1 or p[0][0] == g[0][0]:
            return True
    return False


def same_org(pred: str | None, gold: str | None) -> bool:
    if not gold or not pred:
        return False
    p = {w for w in norm(pred).replace("-", " ").split() if w not in ORG_NOISE}
    for g in forms(gold):
        gw = {w for w in g.split() if w not in ORG_NOISE}
        if p and gw and (p <= gw or gw <= p):
            return True
    return False


def compatible(pred_type: str, gold_type: str) -> bool:
    a, b = COARSE[pred_type], COARSE.get(gold_type)
    return a == b or "re" in (a, b) and {a, b} <= {"re", "start", "end"}


def evidence_span(text: str, evidence: str) -> tuple[int, int] | None:
    at = text.find(evidence)
    if at >= 0:
        return at, at + len(evidence)
    words = evidence.split()
    if not words:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words[:12])
    m = re.search(pattern, text)
    return (m.start(), m.start() + len(evidence)) if m else None


def label(c: Candidate, text: str, gold_events: list[dict]) -> tuple[float | None, dict | None]:
    """1 when a gold event of this person and kind has its evidence in the candidate's sentence, 0 when
    none of the article has, None (not learnt from) when one does but elsewhere."""
    elsewhere = False
    for g in gold_events:
        if not (compatible(c.etype.value, g["type"]) and same_person(c.holder, g["holder"])):
            continue
        span = evidence_span(text, g.get("evidence") or "")
        if span and span[0] < c.sentence.end and c.sentence.start < span[1]:
            return 1.0, g
        elsewhere = True
    return (ELSEWHERE, None) if elsewhere else (0.0, None)


def labels(cands: list[Candidate], text: str, gold_events: list[dict], other_trigger: float | None = 1.0
           ) -> list[tuple[float | None, dict | None]]:
    """``label`` of each candidate of one article, where a sentence holds several triggers of one person's kind of
    change: a candidate whose trigger lies outside the answers' evidence, while another candidate of that person
    and kind in the sentence has its trigger inside it ("the first choice to replace Foo, who left Bar for Baz":
    the change is told by "left", not by "replace"), is labelled ``other_trigger`` (1: a change, as ``label``
    has it; None: a repeat told elsewhere, see ``ELSEWHERE``). Learnt as a change, such a candidate teaches the
    model that the object of "replace" starts; as a repeat, the model keeps the change the evidence tells."""
    out = [label(c, text, gold_events) for c in cands]
    if other_trigger == 1.0:
        return out

    def inside(c: Candidate, g: dict) -> bool:
        span = evidence_span(text, g.get("evidence") or "")
        return bool(span) and span[0] <= c.trigger.start and c.trigger.end <= span[1]

    for i, (c, (y, g)) in enumerate(zip(cands, out)):
        if not y or g is None or inside(c, g):
            continue
        if any(d is not c and fold(d.holder) == fold(c.holder) and d.coarse == c.coarse
               and d.sentence.start == c.sentence.start and yd and gd is g and inside(d, gd)
               for d, (yd, gd) in zip(cands, out)):
            out[i] = (other_trigger, g if other_trigger else None)
    return out
