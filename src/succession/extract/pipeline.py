"""One article's way through the engine: clean → language → publication date → sentences → candidates →
named entities → mentions → rules → parse → learned decisions → entities → quotations.

The work is done by the components of ``components.default_pipeline()`` on an ``ArticleDoc`` (``doc.py``);
the functions here are the library's stable entry points into it. ``prepare`` runs the cheap components
(up to ``candidates``), ``annotate`` the ones the learned decisions read (up to ``parse``), ``finish`` the
rest. ``analyse`` is pure: the same document and options give the same ``Analysis``.
"""
from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from ..lang import LanguageData, get_language
from ..learned import Candidate, candidates_of
from ..learned.syntax import Parse
from ..models import Analysis, DateValue, Document, Event, RoleFact, Span
from .components import _published, cleaned_text, default_pipeline, mentions_of  # noqa: F401 - _published: bench
from .coref import People
from .doc import ArticleDoc
from .events import DocContext, SentenceHits, person_roles
from .mentions import NameMention, SentenceMentions
from .ner import NamedSpan

__all__ = ["Annotated", "Prepared", "analyse", "analyse_many", "annotate", "annotate_many", "candidates_for",
           "cleaned_text", "finish", "mentions_of", "prepare"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Prepared:
    """A document after the cheap stages, waiting for the named-entity model on its candidate sentences."""

    doc: Document
    text: str
    boilerplate: tuple[Span, ...]
    lang: str
    published: DateValue | None
    basis: str | None
    sentences: tuple[Span, ...]
    candidates: tuple[Span, ...]
    tagged: tuple[Span, ...] = ()  # the sentences the named-entity model reads: candidates, their neighbours, the lead
    # the language data the "language" component fetched, carried on so that it is not fetched again
    language: LanguageData | None = field(default=None, repr=False, compare=False)


@dataclass(frozen=True)
class Annotated:
    """A document with everything the decisions read: mentions, people, the rules' events and facts, and
    the organisations and places the named-entity model found."""

    prepared: Prepared
    ctx: DocContext
    sents: tuple[SentenceMentions, ...]
    people: People
    rule_events: tuple[Event, ...]
    facts: tuple[RoleFact, ...]
    places: tuple[NameMention, ...]  # organisations and places the model found (kind: ORG or LOC)
    parse: Parse | None = None  # the candidate sentences' dependency parse, where the language has a parser
    hits: tuple[SentenceHits, ...] | None = None  # the candidate sentences' trigger hits, found once


def prepare(doc: Document, *, repeated: frozenset[str] = frozenset(), anchor: DateValue | None = None,
            anchor_basis: str = "story") -> Prepared | Analysis:
    """Clean, identify the language, date and split a document; an Analysis (with a warning) when its
    language is not one succession reads."""
    d = default_pipeline().upto("candidates")(doc, repeated=repeated, anchor=anchor, anchor_basis=anchor_basis)
    return d.to_analysis() if d.halted is not None else _prepared(d)


def annotate(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None = None) -> Annotated:
    """Mentions, people, the rules' candidate events and the places of a prepared document."""
    return _annotated(default_pipeline().after("candidates").upto("parse")(_article(p, named)))


def candidates_for(a: Annotated) -> list[Candidate]:
    """The learned decisions' candidates of an annotated document."""
    return candidates_of(a.ctx, a.sents, a.rule_events, person_roles(list(a.facts)), a.places, a.parse, a.hits)


def finish(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None = None) -> Analysis:
    """Mentions, people and events of a prepared document (``named``: its candidates' entity spans)."""
    return default_pipeline().after("candidates")(_article(p, named)).to_analysis()


def analyse(doc: Document, *, repeated: frozenset[str] = frozenset(), anchor: DateValue | None = None,
            anchor_basis: str = "story") -> Analysis:
    """Everything one document says. ``anchor`` dates a document that cannot be dated from itself."""
    return default_pipeline()(doc, repeated=repeated, anchor=anchor, anchor_basis=anchor_basis).to_analysis()


def analyse_many(docs: Iterable[Document], *, repeated: frozenset[str] = frozenset(), batch: int = 64
                 ) -> Iterator[Analysis]:
    """Analyses of many documents, in order; the named-entity model runs once per language per batch
    (its cost is mostly per call, not per sentence)."""
    for d in default_pipeline().pipe(docs, repeated=repeated, batch_size=batch):
        yield d.to_analysis()


def annotate_many(docs: Iterable[Document], *, batch: int = 64) -> Iterator[Annotated | Analysis]:
    """Annotated documents in order (an Analysis for those not analysed): what training reads."""
    for d in default_pipeline().upto("parse").pipe(docs, batch_size=batch):
        yield d.to_analysis() if d.halted is not None else _annotated(d)


def _prepared(d: ArticleDoc) -> Prepared:
    assert d.lang is not None  # a document not halted by the "language" component has one
    return Prepared(d.document, d.text, d.boilerplate, d.lang, d.published, d.basis, d.sentences, d.candidates,
                    d.tagged, d.language)


def _article(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None) -> ArticleDoc:
    """The document a prepared one stands for (its language data carried over, not fetched again)."""
    return ArticleDoc(p.doc, text=p.text, boilerplate=p.boilerplate, lang=p.lang,
                      language=p.language if p.language is not None else get_language(p.lang),
                      published=p.published, basis=p.basis, sentences=p.sentences, candidates=p.candidates,
                      tagged=p.tagged, named=None if named is None else tuple(named))


def _annotated(d: ArticleDoc) -> Annotated:
    assert d.ctx is not None and d.people is not None  # set by the "mentions" and "rules" components
    return Annotated(_prepared(d), d.ctx, d.sents, d.people, d.rule_events, d.facts, d.places, d.parse, d.hits)
