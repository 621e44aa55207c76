"""Dependency features for candidates, where the language has a parser (English: the one inside the
English model already shipped). A candidate asks how its holder hangs on its trigger."""
from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from ..lang import get_language

__all__ = ["Parse", "load_parser", "parse_sentences"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class _Tok:
    start: int  # document offsets
    end: int
    dep: str
    head: int  # index into the tokens of the same parse
    lemma: str
    pos: str


@dataclass(frozen=True)
class Parse:
    """The parsed candidate sentences of one article: tokens with document offsets."""

    tokens: tuple[_Tok, ...]

    @classmethod
    def from_docs(cls, docs: Sequence[object], offsets: Sequence[int]) -> "Parse":
        toks: list[_Tok] = []
        for doc, off in zip(docs, offsets):
            base = len(toks)
            for t in doc:  # type: ignore[attr-defined]
                toks.append(_Tok(off + t.idx, off + t.idx + len(t.text), t.dep_, base + t.head.i, t.lemma_.casefold(),
                                 t.pos_))
        return cls(tuple(toks))

    def _token_at(self, start: int, end: int) -> int | None:
        """The syntactic head of the tokens inside ``start:end``."""
        inside = [i for i, t in enumerate(self.tokens) if start <= t.start and t.end <= end]
        if not inside:
            return None
        ins = set(inside)
        for i in inside:
            if self.tokens[i].head not in ins or self.tokens[i].head == i:
                return i
        return inside[-1]

    def _path_up(self, i: int) -> list[int]:
        path = [i]
        while self.tokens[path[-1]].head != path[-1] and len(path) < 12:
            path.append(self.tokens[path[-1]].head)
        return path

    def features(self, p_start: int, p_end: int, t_start: int, t_end: int) -> dict[str, float]:
        p, t = self._token_at(p_start, p_end), self._token_at(t_start, t_end)
        if p is None or t is None:
            return {"dep_none": 1.0}
        pt = self.tokens[p]
        f = {"dep=" + pt.dep: 1.0, "dep_head=" + pt.dep + ">" + self.tokens[pt.head].lemma: 1.0}
        up_p, up_t = self._path_up(p), self._path_up(t)
        common = next((x for x in up_p if x in up_t), None)
        if common is None:
            return {**f, "dep_unlinked": 1.0}
        steps_p, steps_t = up_p.index(common), up_t.index(common)
        f["dep_steps=" + str(min(steps_p, 4)) + "_" + str(min(steps_t, 4))] = 1.0
        if steps_p >= 1:
            f["dep_rel=" + self.tokens[up_p[steps_p - 1]].dep + ("@t" if common == t else "@x")] = 1.0
        if common == t:
            f["dep_governed_by_trigger=" + pt.dep] = 1.0
        if steps_t == 0 and steps_p <= 2:
            f["dep_close"] = 1.0
        return f


@lru_cache(maxsize=None)
def load_parser(lang: str):  # type: ignore[no-untyped-def]
    """The dependency parser the language data names (``names.PARSER_MODEL``), or None where there is none
    (the candidates then go without syntax features)."""
    name = getattr(get_language(lang).names, "PARSER_MODEL", None)
    if not name:
        return None
    try:
        import spacy

        return spacy.load(name, exclude=["ner"])
    except (OSError, ImportError, ValueError) as e:
        log.warning("parser %s for %r not available (%s); candidates go without syntax", name, lang, e)
        return None


def parse_sentences(lang: str, sentences: Sequence[tuple[int, str]]) -> Parse | None:
    """The parse of ``(offset, text)`` sentences of one article, or None without a parser."""
    nlp = load_parser(lang)
    if nlp is None or not sentences:
        return None
    return Parse.from_docs(list(nlp.pipe([t for _, t in sentences], batch_size=64)), [o for o, _ in sentences])
