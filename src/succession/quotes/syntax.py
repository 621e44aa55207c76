"""The dependency relation between a would-be speaker and its cue: who is the subject of "sagte".

German word order leaves open which noun is the subject ("Dem Blatt sagte der Minister", "sagte der
Sprecher der Zeitung"); a dependency parse answers it. The quotation models name the parser they were
trained with (``QuoteModels.parser``, a spaCy pipeline in succession/resources); it is loaded once per
process, when first needed, and runs only on units that hold a cue and offer a candidate. Without the
parser (spaCy missing, or a model trained without it) the features are simply absent.
"""
from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .units import Unit, bucket

__all__ = ["Parse", "Parser", "dep_features", "load_parser", "parse_unit", "parse_units"]

log = logging.getLogger(__name__)

RESOURCES = Path(__file__).resolve().parent.parent / "resources"

Parser = Callable[[str], object]  # a spaCy Language: text -> Doc with .head and .dep_ per token


@dataclass(frozen=True, slots=True)
class Parse:
    """Per token of a unit (the quotation tokens, not spaCy's): the unit token its head word belongs to
    (itself at a root) and the UD relation, both of the parser token that covers the word's first character."""

    head: tuple[int, ...]
    dep: tuple[str, ...]
    case: tuple[str, ...]  # the grammatical case when the pipeline tags it ("Nom", "Dat"), else ""
    verb: tuple[bool, ...]  # a verb or auxiliary, when the pipeline tags parts of speech


@lru_cache(maxsize=None)
def load_parser(name: str) -> Parser | None:
    """The parser shipped under succession/resources/NAME, or None (logged) when it cannot be loaded."""
    path = RESOURCES / name
    try:
        import spacy

        if not path.exists():
            raise OSError(f"no parser model at {path} (scripts/train_parser_de.py makes it)")
        return spacy.load(path)  # type: ignore[no-any-return]
    except (OSError, ImportError, ValueError) as e:
        log.warning("dependency parser %s not available (%s); speakers without syntax features", name, e)
        return None


def parse_units(text: str, units: Sequence[Unit], parser: Parser) -> None:
    """Parse the units not parsed yet in one batch (a call per unit costs more than the parse of a short
    sentence) and cache each parse on its unit."""
    todo = [u for u in dict.fromkeys(units) if u.__dict__.get("_parse") is None and u.tokens]
    if not todo:
        return
    for u, doc in zip(todo, parser.pipe([text[u.start:u.end] for u in todo], batch_size=64)):  # type: ignore[attr-defined]
        object.__setattr__(u, "_parse", _mapped(u, doc))


def parse_unit(text: str, u: Unit, parser: Parser) -> Parse:
    """Parse a unit once (cached on it) and map the parse onto the unit's tokens."""
    cached = u.__dict__.get("_parse")
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out = _mapped(u, parser(text[u.start:u.end]))
    object.__setattr__(u, "_parse", out)
    return out


def _mapped(u: Unit, doc: object) -> Parse:
    starts = [t.idx + u.start for t in doc]  # type: ignore[attr-defined]
    # unit token -> parser token covering its first character; parser token -> first unit token in it
    own = []
    j = 0
    for t in u.tokens:
        while j + 1 < len(starts) and starts[j + 1] <= t.start:
            j += 1
        own.append(j)
    first_of: dict[int, int] = {}
    for k, j in enumerate(own):
        first_of.setdefault(j, k)
    heads, deps, cases, verbs = [], [], [], []
    for k, j in enumerate(own):
        tok = doc[j]  # type: ignore[index]
        h = tok.head.i
        # a head outside the unit's words (punctuation, a quotation mark): climb until one is a word
        seen = 0
        while h not in first_of and doc[h].head.i != h and seen < 8:  # type: ignore[index]
            h = doc[h].head.i  # type: ignore[index]
            seen += 1
        heads.append(first_of.get(h, k))
        deps.append(tok.dep_.casefold())
        cases.append(next(iter(tok.morph.get("Case")), ""))
        verbs.append(tok.pos_ in ("VERB", "AUX"))
    return Parse(tuple(heads), tuple(deps), tuple(cases), tuple(verbs))


_CORE = ("nsubj", "nsubj:pass", "obj", "iobj", "obl", "obl:arg", "nmod", "appos", "flat", "flat:name", "conj",
         "compound", "det", "case", "root")


def _rel(dep: str) -> str:
    return dep if dep in _CORE else "other"


def _ancestors(p: Parse, k: int) -> list[int]:
    out = []
    while p.head[k] != k and len(out) < 12 and p.head[k] not in out:
        k = p.head[k]
        out.append(k)
    return out


def dep_features(text: str, u: Unit, k: int, cue: int | None, parser: Parser | None,
                 run: tuple[int, int] | None = None) -> list[str]:
    """Token ``k``'s relation to the cue token ``cue`` of its unit: "sbj" when it (or a word of its
    capitalised run ``run``) is the cue's subject, the relation it bears to the cue, whether the cue has a
    subject elsewhere, how far apart they are in the tree."""
    if parser is None or cue is None or not u.tokens:
        return []
    p = parse_unit(text, u, parser)
    variant = os.environ.get("SUCCESSION_DP_VARIANT", "full")  # experiment switch: full, lean, lean_anchor
    if variant == "lean_anchor":  # the cue is "laut" or a noun: the verb it hangs on
        for _ in range(3):
            if p.verb[cue] or p.head[cue] == cue:
                break
            cue = p.head[cue]
    a, b = run if run is not None else (k, k)
    members = range(a, b + 1)
    lean = variant.startswith("lean")  # only the subject, the relation to the cue and the case
    f = [] if lean else [f"dp:{_rel(p.dep[k])}"]
    if p.case[k]:  # nominative: a subject; dative: "sagte der Zeitung"
        f.append(f"dp_case:{p.case[k]}")
    # the relation of the run's word that hangs on the cue (a title, the name, or the phrase head)
    on_cue = [m for m in members if p.head[m] == cue and m != cue]
    if on_cue:
        rel = _rel(p.dep[on_cue[0]])
        f.append(f"dp_cue:{rel}")
        if rel.startswith("nsubj"):
            f.append("dp_subject")
        if p.case[on_cue[0]]:
            f.append(f"dp_cue_case:{p.case[on_cue[0]]}")
    elif p.head[cue] in members and cue not in members:
        f.append(f"dp_cue_on_me:{_rel(p.dep[cue])}")  # "laut" hangs on its noun: case
    subjects = [m for m in range(len(p.dep)) if p.head[m] == cue and p.dep[m].startswith("nsubj") and m != cue]
    if subjects and not any(m in members for m in subjects):
        f.append("dp_other_subject")
    if lean:
        return f
    if not subjects:
        f.append("dp_cue_no_subject")
    up = _ancestors(p, k)
    if cue in up:
        f.append("dp_under_cue:" + bucket(up.index(cue) + 1, (1, 2, 3)))
    else:
        cue_up = _ancestors(p, cue)
        if k in cue_up:
            f.append("dp_above_cue")
        else:
            common = next((x for x in up if x in cue_up), None)
            f.append("dp_apart" if common is None else "dp_sibling_path:" + bucket(up.index(common) + 1, (1, 2, 3)))
    return f
