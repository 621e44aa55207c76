"""The document one article is carried through the engine in, and the ordered list of components that fill it.

As in spaCy (``Doc`` plus ``Language.pipeline``): an ``ArticleDoc`` holds the text, the language data
(looked up once, by the ``language`` component), the sentences, candidates, tokens with lemmas, trigger hits,
entity spans, mentions, parse and events; each component is a small function ``(doc) -> doc`` that returns a
copy with its own fields filled (``dataclasses.replace``), and a ``Pipeline`` names them in order. A component may also offer
``pipe(docs) -> docs`` for a batch (the named-entity model: its cost is mostly per call), which
``Pipeline.pipe`` uses. The default components are in ``components.py``.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from ..lang import LanguageData
from ..models import Analysis, DateValue, Document, Entity, Event, Quote, RoleFact, Span

if TYPE_CHECKING:  # the types only: importing them here would load the rules and models for nothing
    from ..learned.lemmas import Token
    from ..learned.syntax import Parse
    from .context import DocContext
    from .coref import People
    from .events import SentenceHits
    from .mentions import NameMention, SentenceMentions
    from .ner import NamedSpan

__all__ = ["ArticleDoc", "BatchComponent", "Component", "Pipeline"]


@dataclass(frozen=True)
class ArticleDoc:
    """One article on its way through the components; each field is filled by the component named in its
    comment and read by those after it. Frozen: a component returns a new document, so what an earlier
    stage produced cannot change under a later one (the ``People`` inside is the one mutable part: the
    ``mentions`` component builds it, later ones only read it)."""

    document: Document
    # options of the run, not results: boilerplate lines repeated across the corpus, and the date a
    # document that cannot be dated from itself gets (with its basis)
    repeated: frozenset[str] = frozenset()
    anchor: DateValue | None = None
    anchor_basis: str = "story"
    text: str = ""  # clean: the text with boilerplate blanked (same length: offsets stay valid)
    boilerplate: tuple[Span, ...] = ()  # clean
    lang: str | None = None  # language
    language: LanguageData | None = None  # language: fetched once here, every later component reads it
    halted: str | None = None  # language: why the document is not analysed further (a warning), if it is not
    published: DateValue | None = None  # date
    basis: str | None = None  # date: where the publication date came from
    sentences: tuple[Span, ...] = ()  # sentences
    candidates: tuple[Span, ...] = ()  # candidates: sentences with a trigger or role word
    tagged: tuple[Span, ...] = ()  # candidates: the sentences the named-entity model reads
    # tokens: each candidate sentence's words with their lemmas (one tuple per candidate, in order)
    tokens: tuple[tuple[Token, ...], ...] | None = None
    hits: tuple[SentenceHits, ...] | None = None  # triggers: each candidate sentence's trigger hits
    named: tuple[Sequence[NamedSpan], ...] | None = None  # ner: entity spans of each ``tagged`` sentence
    sents: tuple[SentenceMentions, ...] = ()  # mentions: candidate sentences with their mentions
    people: People | None = None  # mentions: the document's people (coreference)
    places: tuple[NameMention, ...] = ()  # mentions: organisations and places the model found
    ctx: DocContext | None = None  # rules: what every rule reads
    rule_events: tuple[Event, ...] = ()  # rules
    facts: tuple[RoleFact, ...] = ()  # rules: roles stated as facts
    parse: Parse | None = None  # parse: the candidates' dependency parse, where the language has a parser
    events: tuple[Event, ...] = ()  # rules (their events), then decide (the learned decisions')
    entities: tuple[Entity, ...] = ()  # entities
    quotes: tuple[Quote, ...] = ()  # quotes

    @property
    def anchor_day(self) -> dt.date | None:
        """The day relative dates count from: a month- or year-precise publication date anchors at its last
        day, since relative dates look backwards."""
        return None if self.published is None else self.published.last_day

    def to_analysis(self) -> Analysis:
        """The library's result for this document."""
        if self.halted is not None:
            return Analysis(document=self.document, lang=self.lang, published=None, published_basis=None,
                            boilerplate=self.boilerplate, warnings=(self.halted,))
        return Analysis(document=self.document, lang=self.lang, published=self.published,
                        published_basis=self.basis, boilerplate=self.boilerplate, entities=self.entities,
                        events=self.events, facts=self.facts, quotes=self.quotes)


Component = Callable[[ArticleDoc], ArticleDoc]


@runtime_checkable
class BatchComponent(Protocol):
    """A component that is cheaper on many documents at once (``pipe``) than on each alone."""

    def __call__(self, doc: ArticleDoc) -> ArticleDoc: ...

    def pipe(self, docs: Sequence[ArticleDoc]) -> list[ArticleDoc]: ...


@dataclass(frozen=True)
class Pipeline:
    """Named components in order. Immutable: ``replace``, ``without``, ``upto`` and ``after`` return new
    pipelines, so changing one for an experiment changes nothing another caller uses."""

    components: tuple[tuple[str, Component], ...]
    _index: dict[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        names = [n for n, _ in self.components]
        for name, fn in self.components:
            if not isinstance(name, str) or not name or "." in name:
                raise ValueError(f"a component name is a non-empty string without '.', not {name!r}")
            if not callable(fn):
                raise TypeError(f"component {name!r} is not callable ({type(fn).__name__})")
        dupes = sorted({n for n in names if names.count(n) > 1})
        if dupes:
            raise ValueError(f"component names must be unique; repeated: {', '.join(dupes)}")
        object.__setattr__(self, "_index", {n: i for i, n in enumerate(names)})

    @property
    def pipe_names(self) -> list[str]:
        return [n for n, _ in self.components]

    def _at(self, name: str) -> int:
        if name not in self._index:
            raise KeyError(f"no component {name!r} in the pipeline (components: {', '.join(self.pipe_names)})")
        return self._index[name]

    def get(self, name: str) -> Component:
        return self.components[self._at(name)][1]

    def replace(self, name: str, fn: Component) -> Pipeline:
        """This pipeline with ``fn`` in the place of the component ``name`` (same name)."""
        i = self._at(name)
        return Pipeline(self.components[:i] + ((name, fn),) + self.components[i + 1:])

    def without(self, name: str) -> Pipeline:
        i = self._at(name)
        return Pipeline(self.components[:i] + self.components[i + 1:])

    def upto(self, name: str) -> Pipeline:
        """The components up to and including ``name``."""
        return Pipeline(self.components[:self._at(name) + 1])

    def after(self, name: str) -> Pipeline:
        """The components after ``name``."""
        return Pipeline(self.components[self._at(name) + 1:])

    def __call__(self, doc: Document | ArticleDoc, *, repeated: frozenset[str] = frozenset(),
                 anchor: DateValue | None = None, anchor_basis: str = "story") -> ArticleDoc:
        """One document through every component (options apply when ``doc`` is a plain ``Document``)."""
        d = doc if isinstance(doc, ArticleDoc) else ArticleDoc(doc, repeated, anchor, anchor_basis)
        for name, fn in self.components:
            if d.halted is not None:
                break
            d = _checked(name, fn(d))
        return d

    def pipe(self, docs: Iterable[Document | ArticleDoc], *, repeated: frozenset[str] = frozenset(),
             batch_size: int = 64) -> Iterator[ArticleDoc]:
        """Documents through every component, in order, ``batch_size`` at a time: a component with a
        ``pipe`` method gets the batch's documents at once."""
        pending: list[ArticleDoc] = []
        for doc in docs:
            pending.append(doc if isinstance(doc, ArticleDoc) else ArticleDoc(doc, repeated))
            if len(pending) >= batch_size:
                yield from self._batch(pending)
                pending = []
        yield from self._batch(pending)

    def _batch(self, docs: list[ArticleDoc]) -> list[ArticleDoc]:
        for name, fn in self.components:
            live = [i for i, d in enumerate(docs) if d.halted is None]
            if not live:
                break
            if isinstance(fn, BatchComponent):
                done = fn.pipe([docs[i] for i in live])
            else:
                done = [fn(docs[i]) for i in live]
            for i, d in zip(live, done, strict=True):
                docs[i] = _checked(name, d)
        return docs


def _checked(name: str, doc: object) -> ArticleDoc:
    # a component that forgets to return the document would otherwise fail far later, in another one
    if not isinstance(doc, ArticleDoc):
        raise TypeError(f"component {name!r} returned {type(doc).__name__}, not an ArticleDoc")
    return doc
