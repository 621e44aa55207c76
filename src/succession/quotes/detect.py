"""Which units are quotations, and which characters of them are quoted.

A unit model (labels B: a quotation starts here, I: it goes on from the unit before, O: none) reads
every unit; a fragment model decides for each quoted stretch inside a unit that is not itself the
quotation ("nannte den Plan „gewagt“") whether it is a quotation of its own or a name or title."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ..models import QuoteType
from .linear import LinearModel
from .marks import MarkedSpan
from .units import Cues, Unit, first_person_share, lex, unit_features

__all__ = ["Found", "DIRECT_SHARE", "fragment_features", "quote_span", "find_in_units", "is_unit_quote", "unit_cue"]

DIRECT_SHARE = 0.4  # quotation marks over this much of a unit: the marked words are the quotation
_TRIM = " \t\n,;:.–—-"


@dataclass(frozen=True)
class Found:
    unit: int
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    type: QuoteType
    cue: tuple[int, int] | None
    cue_token: int | None  # index into the unit's tokens
    continues: bool
    score: float


def is_unit_quote(u: Unit) -> bool:
    return bool(u.marks) and u.marked_share() >= DIRECT_SHARE


def unit_cue(text: str, u: Unit, c: Cues) -> tuple[tuple[int, int] | None, int | None, bool]:
    """The cue of a unit outside its quotation marks: (span, token index, is an 'according to' cue)."""
    def outside(a: int) -> bool:
        return not any(m.start <= a < m.end for m in u.marks)

    for k, t in enumerate(u.tokens):
        if t.lower in c.speech and outside(t.start):
            return (t.start, t.end), k, False
    for k, t in enumerate(u.tokens):  # "..., so der Sprecher": the source after a comma and "so"
        if k and t.lower in c.trailing and text[u.tokens[k - 1].end:t.start].strip().endswith(",") and outside(t.start):
            return (t.start, t.end), k, True
    m = c.according_before.search(text, u.start, u.end)
    while m is not None and not outside(m.start()):
        m = c.according_before.search(text, m.end(), u.end)
    if m is not None:
        k = next((i for i, t in enumerate(u.tokens) if t.start >= m.start()), None)
        return (m.start(), m.end()), k, True
    for k, t in enumerate(u.tokens):
        if t.lower in c.according_after and outside(t.start):
            return (t.start, t.end), k, True
    return None, None, False


def _outside(u: Unit, a: int) -> bool:
    return not any(m.start <= a < m.end for m in u.marks)


def _reported_clause(text: str, u: Unit, c: Cues) -> int | None:
    """Where the reported statement of a unit with no verb of saying starts, when a clause of its own holds
    it: a clause after a comma that opens with a complementiser ("Der Verband geht davon aus, dass ...", "...
    prüft, ob ..."), or the clause after the first comma when it is an infinitive clause ("Der Verband
    forderte die Stadt auf, die Radwege zu räumen"). The words before it (the holder of the view, mostly) are
    then outside the quotation, as the corpus annotates them, and its speaker a candidate like any subject.
    Not when a Konjunktiv form comes first ("Man wisse noch nicht, ob ..."): then all of it is reported."""
    toks = u.tokens
    first_comma = True
    for k, t in enumerate(toks):
        if t.lower in c.reported:
            return None
        if not k or text[toks[k - 1].end:t.start].strip() != "," or not _outside(u, t.start):
            continue
        if t.lower in c.clause_openers:
            return t.start
        if first_comma and c.infinitive_clause is not None:
            first_comma = False
            end = next((toks[j - 1].end for j in range(k + 1, len(toks)) if "," in text[toks[j - 1].end:toks[j].start]),
                       toks[-1].end)
            if c.infinitive_clause.search(text, t.start, end):
                return t.start
    return None


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def quote_span(text: str, u: Unit, c: Cues) -> tuple[tuple[tuple[int, int], ...], QuoteType,
                                                       tuple[int, int] | None, int | None]:
    """The quoted parts of a unit taken as a quotation, its type and its cue."""
    cue, cue_k, according = unit_cue(text, u, c)
    if is_unit_quote(u):
        return tuple((m.inner_start, m.inner_end) for m in u.marks), QuoteType.DIRECT, cue, cue_k
    qtype = QuoteType.REPORTED if according else QuoteType.INDIRECT
    if cue is None:
        opener = _reported_clause(text, u, c)
        if opener is None:
            return (_trim(text, u.start, u.end),), qtype, None, None
        return (_trim(text, opener, u.end),), qtype, None, None
    # clauses split at commas and colons outside quotation marks; the cue's clause is the attribution
    cuts = [i for i in range(u.start, u.end) if text[i] in ",:;" and not any(m.start < i < m.end for m in u.marks)]
    bounds = [u.start] + [i + 1 for i in cuts] + [u.end]
    clauses = list(zip(bounds, bounds[1:]))
    at = next((j for j, (a, b) in enumerate(clauses) if a <= cue[0] < b), 0)
    if len(clauses) == 1:
        return (_trim(text, u.start, u.end),), qtype, cue, cue_k
    if at == 0:
        span = _trim(text, clauses[1][0], u.end)
    elif at == len(clauses) - 1:
        span = _trim(text, u.start, clauses[at][0])
    else:
        return (_trim(text, u.start, clauses[at][0]), _trim(text, clauses[at][1], u.end)), qtype, cue, cue_k
    return ((span if span[1] > span[0] else _trim(text, u.start, u.end)),), qtype, cue, cue_k


def fragment_features(text: str, u: Unit, m: MarkedSpan, unit_label: str, c: Cues) -> list[str]:
    inner = text[m.inner_start:m.inner_end]
    words = inner.split()
    f = ["bias", f"unit:{unit_label}", "nw" + ("1" if len(words) == 1 else "2-3" if len(words) <= 3
                                               else "4-8" if len(words) <= 8 else "9+")]
    if inner[:1].isupper():
        f.append("upper")
    if inner.rstrip()[-1:] in ".!?…":
        f.append("ends_punct")
    before = text[max(u.start, m.start - 3):m.start].strip()
    if before.endswith(":"):
        f.append("after_colon")
    after = text[m.end:m.end + 2].strip()
    if after.startswith(","):
        f.append("comma_after")
    if first_person_share(text, m.inner_start, m.inner_end):
        f.append("first_person")
    prev = [t for t in u.tokens if t.end <= m.start]
    f.append(f"prev:{lex(prev[-1], c)}" if prev else "prev:^")
    words_u = {t.lower for t in u.tokens if not (m.start <= t.start < m.end)}
    if words_u & c.speech:
        f.append("speech")
    if words_u & c.reported:
        f.append("reported")
    return f


def _unit_label(model: LinearModel, feats: list[str], prev_quote: bool, threshold: float) -> tuple[str, float]:
    """B, I or O, and how sure the model is that the unit is (part of) a quotation."""
    p = model.probabilities(feats)
    score = 1.0 - p.get("O", 0.0)
    if score < threshold:
        return "O", score
    return ("I" if prev_quote and p.get("I", 0.0) > p.get("B", 0.0) else "B"), score


def find_in_units(text: str, units: Sequence[Unit], c: Cues, unit_model: LinearModel,
                  fragment_model: LinearModel, fragment_threshold: float, skip: Sequence[tuple[int, int]] = (),
                  quote_threshold: float = 0.5) -> list[Found]:
    """Quotations in ``units`` (those inside the ``skip`` ranges are left to other readers)."""
    out: list[Found] = []
    prev_quote = False
    last_unit_quote = -1  # index in ``out`` of the quotation the unit before belongs to
    for i, u in enumerate(units):
        if any(a <= u.start < b for a, b in skip):
            prev_quote = False
            continue
        label, score = _unit_label(unit_model, unit_features(text, units, i, c), prev_quote, quote_threshold)
        used_marks: tuple[MarkedSpan, ...] = ()
        if label != "O":
            parts, qtype, cue, cue_k = quote_span(text, u, c)
            if label == "I" and last_unit_quote >= 0:
                last = out[last_unit_quote]
                whole = _trim(text, u.start, u.end)
                out[last_unit_quote] = Found(last.unit, last.start, max(last.end, whole[1]), last.parts + (whole,),
                                             last.type, last.cue, last.cue_token, last.continues, last.score)
            else:
                out.append(Found(i, parts[0][0], parts[-1][1], parts, qtype, cue, cue_k, False, score))
                last_unit_quote = len(out) - 1
            if qtype is QuoteType.DIRECT:
                used_marks = u.marks
        else:
            last_unit_quote = -1
        prev_quote = label != "O"
        for m in u.marks:
            if m in used_marks:
                continue
            p = fragment_model.probabilities(fragment_features(text, u, m, label, c)).get("yes", 0.0)
            if p >= fragment_threshold:
                cue, cue_k, _ = unit_cue(text, u, c)
                out.append(Found(i, m.inner_start, m.inner_end, ((m.inner_start, m.inner_end),), QuoteType.DIRECT,
                                 cue, cue_k, False, p))
    return out
