"""Named-entity backends, one per language, named in the language data (``names.NER_MODEL``).

"resource:NAME" is a spaCy pipeline shipped inside this package (succession/resources/NAME); any other
value is an installed spaCy model package. When neither can be loaded, a rule-based recogniser
(capitalised words after a known first name) stands in, and the downgrade is logged.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from ..lang import get_language

__all__ = ["NamedSpan", "NerBackend", "load_ner", "first_names"]

log = logging.getLogger(__name__)
RESOURCES = Path(__file__).resolve().parents[1] / "resources"
_LABELS = {"PERSON": "PER", "PER": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "NORP": "MISC"}


@dataclass(frozen=True, slots=True)
class NamedSpan:
    start: int  # offsets into the text given to the backend
    end: int
    label: str  # PER, ORG, LOC, MISC


class NerBackend(Protocol):
    def __call__(self, texts: Sequence[str]) -> list[list[NamedSpan]]: ...


class SpacyNer:
    def __init__(self, nlp) -> None:  # type: ignore[no-untyped-def]
        self.nlp = nlp

    def __call__(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        out = []
        # sentences are short: 256 at a time costs the model less per sentence than 64 (each doc's entities
        # are the same whatever batch it is in)
        for doc in self.nlp.pipe(texts, batch_size=256):
            out.append([NamedSpan(e.start_char, e.end_char, _LABELS[e.label_])
                        for e in doc.ents if e.label_ in _LABELS])
        return out


@lru_cache(maxsize=None)
def first_names() -> frozenset[str]:
    path = RESOURCES / "first_names.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(l.strip() for l in lines if l.strip() and not l.startswith("#"))


# a name stays on its line: a headline's name and the next paragraph's first word are no name
_CAP_SEQ = re.compile(r"\b([A-ZÄÖÜ][\w'’\-]+)((?:[^\S\n]+(?:van|von|de|der|den|da|di|le|la|al|bin|ter|zu|Mc)?"
                      r"[^\S\n]*[A-ZÄÖÜ][\w'’\-]+){1,2})")


@lru_cache(maxsize=1)
def _org_words() -> frozenset[str]:
    from ..lang import SUPPORTED

    return frozenset(w.casefold().rstrip(".") for code in SUPPORTED for w in get_language(code).names.ORG_SUFFIXES)


@lru_cache(maxsize=4096)
def _role_word(word: str) -> bool:
    """Whether ``word`` is a role word in a supported language ("Chefin", "Trainer", "Landesrätin")."""
    from ..lang import SUPPORTED
    from .lexicon import lexicon

    return any(lexicon(code).canonical_role(word) or lexicon(code).compound_role(word) for code in SUPPORTED)


class RuleNer:
    """Persons only: a known first name followed by one or two capitalised words (not ending in an
    organisation word: "Otto Foo Media" is a company)."""

    def __call__(self, texts: Sequence[str]) -> list[list[NamedSpan]]:
        names = first_names()
        org_words = _org_words()
        out = []
        for text in texts:
            spans = []
            pos = 0
            while (m := _CAP_SEQ.search(text, pos)) is not None:
                if m.group(1) not in names:
                    # "Bürgermeister Jane Roe", "des früheren Senators Jane Roe": a capitalised noun or title
                    # before the first name; the name may start at the next word
                    pos = m.end(1)
                    continue
                end = m.end()
                words = m.group().split()
                if len(words) == 3 and _role_word(words[-1]):
                    # "war Jane Roe Chefin der Luftwaffe": German puts the predicate's role after the name
                    end = m.start() + m.group().rindex(words[-1])
                    end = m.start() + len(text[m.start():end].rstrip())
                if words[-1].casefold() not in org_words:
                    spans.append(NamedSpan(m.start(), end, "PER"))
                pos = m.end()
            out.append(spans)
        return out


def _without_idle_tok2vec(nlp):  # type: ignore[no-untyped-def]
    """Drop a shared tok2vec that no remaining component listens to (en_core_web_sm's NER has its own):
    it would be computed for nothing, and it is half the time."""
    if "tok2vec" in nlp.pipe_names:
        listeners = getattr(nlp.get_pipe("tok2vec"), "listening_components", [])
        if not any(c in nlp.pipe_names for c in listeners):
            nlp.remove_pipe("tok2vec")
    return nlp


@lru_cache(maxsize=None)
def load_ner(lang: str) -> NerBackend:
    """The named-entity backend for a language (loaded once; a few hundred ms)."""
    name = get_language(lang).names.NER_MODEL
    try:
        import spacy

        exclude = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
        if name.startswith("resource:"):
            path = RESOURCES / name.split(":", 1)[1]
            if not path.exists():
                raise OSError(f"no model at {path}")
            return SpacyNer(_without_idle_tok2vec(spacy.load(path, exclude=exclude)))
        return SpacyNer(_without_idle_tok2vec(spacy.load(name, exclude=exclude)))
    except (OSError, ImportError, ValueError) as e:
        log.warning("named-entity model %s for %r not available (%s); using rules", name, lang, e)
        return RuleNer()
