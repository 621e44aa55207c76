"""One article's way through the engine: clean → language → publication date → sentences → mentions →
people → events. ``analyse`` is pure: the same document and options give the same ``Analysis``."""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .clean import blank, boilerplate_spans
from .coref import People, companies_named_like_people, fold
from .dating import find_publication_date, parse_given_date
from .events import DocContext, extract_events, person_roles, tidy
from ..learned import Candidate, candidates_of, decide, load_event_model
from ..learned.syntax import Parse, parse_sentences
from ..lang import SUPPORTED, get_language
from .language import detect_language
from .mentions import (NameMention, SentenceMentions, add_known_names, add_known_orgs, clean_name, find_mentions,
                       with_number)
from .triggers import candidates
from .ner import NamedSpan, load_ner
from ..models import Analysis, DateValue, Document, Entity, Event, MentionKind, RoleFact, Span
from ..quotes import find_quotes
from .sentences import split_sentences

__all__ = ["Annotated", "Prepared", "analyse", "analyse_many", "annotate", "annotate_many", "candidates_for",
           "cleaned_text", "finish", "mentions_of", "prepare"]

log = logging.getLogger(__name__)


def cleaned_text(doc: Document, repeated: frozenset[str] = frozenset()) -> tuple[str, tuple[Span, ...]]:
    spans = boilerplate_spans(doc.text, repeated=repeated)
    return blank(doc.text, spans), spans


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


def prepare(doc: Document, *, repeated: frozenset[str] = frozenset(), anchor: DateValue | None = None,
            anchor_basis: str = "story") -> Prepared | Analysis:
    """Clean, identify the language, date and split a document; an Analysis (with a warning) when its
    language is not one succession reads."""
    text, boiler = cleaned_text(doc, repeated)
    lang = doc.lang if doc.lang in SUPPORTED else detect_language(text)
    if lang not in SUPPORTED:
        note = f"language {lang or 'unknown'} is not supported ({', '.join(SUPPORTED)}); not analysed"
        return Analysis(document=doc, lang=lang, published=None, published_basis=None, boilerplate=boiler,
                        warnings=(note,))
    published, basis = _published(doc, text, lang)
    if published is None and anchor is not None:
        published, basis = anchor, anchor_basis
    sentences = tuple(split_sentences(text, lang))
    cands = tuple(candidates(sentences, lang))
    return Prepared(doc, text, boiler, lang, published, basis, sentences, cands, _tagged(sentences, cands))


def _tagged(sentences: tuple[Span, ...], cands: tuple[Span, ...], lead: int = 3) -> tuple[Span, ...]:
    """Candidate sentences, the sentences around them and the lead: where the organisations a change
    happened at are named (the sentence itself often says only "the club" or "the company")."""
    starts = {c.start for c in cands}
    keep = set(range(min(lead, len(sentences))))
    for i, s in enumerate(sentences):
        if s.start in starts:
            keep.update((i - 1, i, i + 1))
    return tuple(s for i, s in enumerate(sentences) if i in keep)


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


def annotate(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None = None) -> Annotated:
    """Mentions, people, the rules' candidate events and the places of a prepared document."""
    if named is None:
        named = load_ner(p.lang)([s.text for s in p.tagged]) if p.tagged else []
    by_start = {s.start: spans for s, spans in zip(p.tagged, named)}
    sents, people = mentions_of(p.text, p.lang, p.sentences, [by_start.get(s.start, []) for s in p.candidates],
                                p.candidates)
    places = tuple(NameMention(*m, n.label) for s, spans in zip(p.tagged, named) for n in spans
                   if n.label in ("ORG", "LOC")
                   and (m := clean_name(p.text, s.start + n.start, with_number(p.text, s.start + n.end), p.lang,
                                        digits=True)))
    ctx = DocContext(p.doc.id, p.text, p.lang, _anchor_day(p.published), people,
                     _main_org(sents, p.text, [n for n in places if n.kind == "ORG"]), _title_end(p.doc),
                     p.published)
    events, facts = extract_events(ctx, sents)
    parse = parse_sentences(p.lang, [(s.start, s.text) for s in p.candidates])
    return Annotated(p, ctx, tuple(sents), people, tuple(events), tuple(facts), places, parse)


def candidates_for(a: Annotated) -> list[Candidate]:
    """The learned decisions' candidates of an annotated document."""
    return candidates_of(a.ctx, a.sents, a.rule_events, person_roles(list(a.facts)), a.places, a.parse)


def finish(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None = None) -> Analysis:
    """Mentions, people and events of a prepared document (``named``: its candidates' entity spans)."""
    a = annotate(p, named)
    model = load_event_model(get_language(p.lang).names.EVENT_MODEL)
    events = a.rule_events if model is None else tuple(tidy(decide(p.doc.id, candidates_for(a), model),
                                                            a.ctx.title_end))
    person_ms = [(m.start, m.end, m.text) for sm in a.sents for m in sm.persons]
    entities = companies_named_like_people(a.people.entities(person_ms), _org_entities(list(a.sents)))
    quotes = find_quotes(p.doc.id, p.text, p.lang, p.sentences, entities, a.people)  # who said what
    return Analysis(document=p.doc, lang=p.lang, published=p.published, published_basis=p.basis,
                    boilerplate=p.boilerplate, entities=entities, events=events, facts=a.facts, quotes=quotes)


def analyse(doc: Document, *, repeated: frozenset[str] = frozenset(), anchor: DateValue | None = None,
            anchor_basis: str = "story") -> Analysis:
    """Everything one document says. ``anchor`` dates a document that cannot be dated from itself."""
    p = prepare(doc, repeated=repeated, anchor=anchor, anchor_basis=anchor_basis)
    return p if isinstance(p, Analysis) else finish(p)


def analyse_many(docs: Iterable[Document], *, repeated: frozenset[str] = frozenset(), batch: int = 64
                 ) -> Iterator[Analysis]:
    """Analyses of many documents, in order; the named-entity model runs once per language per batch
    (its cost is mostly per call, not per sentence)."""
    pending: list[Prepared | Analysis] = []
    for doc in docs:
        pending.append(prepare(doc, repeated=repeated))
        if len(pending) >= batch:
            yield from _finish_batch(pending)
            pending = []
    yield from _finish_batch(pending)


def _finish_batch(items: list[Prepared | Analysis]) -> Iterator[Analysis]:
    for p, named in _with_named(items):
        yield p if isinstance(p, Analysis) else finish(p, named)


def annotate_many(docs: Iterable[Document], *, batch: int = 64) -> Iterator[Annotated | Analysis]:
    """Annotated documents in order (an Analysis for those not analysed): what training reads."""
    pending: list[Prepared | Analysis] = []
    for doc in docs:
        pending.append(prepare(doc))
        if len(pending) >= batch:
            yield from (p if isinstance(p, Analysis) else annotate(p, n) for p, n in _with_named(pending))
            pending = []
    yield from (p if isinstance(p, Analysis) else annotate(p, n) for p, n in _with_named(pending))


def _with_named(items: list[Prepared | Analysis]
                ) -> Iterator[tuple[Prepared | Analysis, Sequence[Sequence[NamedSpan]] | None]]:
    """Each item with its candidates' entity spans: the model runs once per language over the batch."""
    named: dict[int, list] = {}
    for lang in {p.lang for p in items if isinstance(p, Prepared)}:
        group = [(i, p) for i, p in enumerate(items) if isinstance(p, Prepared) and p.lang == lang]
        texts = [s.text for _, p in group for s in p.tagged]
        spans = load_ner(lang)(texts) if texts else []
        pos = 0
        for i, p in group:
            named[i] = spans[pos:pos + len(p.tagged)]
            pos += len(p.tagged)
    for i, p in enumerate(items):
        yield p, named.get(i)


def mentions_of(text: str, lang: str, sentences: Sequence[Span] | None = None,
                named: Sequence[Sequence[NamedSpan]] | None = None, cands: Sequence[Span] | None = None
                ) -> tuple[list[SentenceMentions], People]:
    """Candidate sentences with their mentions, and the document's people."""
    sentences = split_sentences(text, lang) if sentences is None else sentences
    sents = find_mentions(text, sentences, lang, named, cands=cands)
    people = People(text, [(p.start, p.end, p.text) for sm in sents for p in sm.persons])
    known = {**people.first_names(), **people.surnames()}  # "Jane, 45, has stepped down": a first name alone
    sents = add_known_orgs(add_known_names(sents, known), text)
    people.add_mentions((p.start, p.end, p.text) for sm in sents for p in sm.persons)
    people.learn_genders(text, get_language(lang).names.HONORIFIC_GENDER)
    return sents, people


def _published(doc: Document, text: str, lang: str) -> tuple[DateValue | None, str | None]:
    if doc.published:
        given = parse_given_date(doc.published)
        if given is not None:
            return given, "given"
    found = find_publication_date(text, lang)
    return found if found else (None, None)


def _title_end(doc: Document) -> int:
    if doc.title and doc.text.startswith(doc.title):
        return len(doc.title)
    return 0


def _anchor_day(published: DateValue | None) -> dt.date | None:
    if published is None:
        return None
    # a month- or year-precise publication date anchors at its last day: relative dates look backwards
    return published.last_day


def _main_org(sents: list[SentenceMentions], text: str, found: Sequence[NameMention] = ()) -> str | None:
    """The organisation the article is about: of the names found (in candidate sentences, and ``found`` by
    the model in the lead and around them), the one the whole text repeats most."""
    # words of full names only: a lone word the model once called a person may still be the company
    people = {w for sm in sents for p in sm.persons if len(p.text.split()) > 1 for w in p.text.split()}
    names = Counter(o.text for sm in sents for o in sm.orgs if o.text not in people)
    names.update(o.text for o in found if o.text not in people and " " in o.text and o.text in names)
    if not names:
        return None
    # the headline and lead name it first: a name there counts extra
    return max(names, key=lambda n: (text.count(n) + names[n] + 2 * (n in text[:400]), len(n)))


def _org_entities(sents: list[SentenceMentions]) -> tuple[Entity, ...]:
    groups: dict[str, list[Span]] = {}
    names: dict[str, Counter[str]] = {}
    for sm in sents:
        for o in sm.orgs:
            groups.setdefault(fold(o.text), []).append(Span(o.start, o.end, o.text))
            names.setdefault(fold(o.text), Counter())[o.text] += 1
    return tuple(Entity(name=names[k].most_common(1)[0][0], kind=MentionKind.ORG,
                        variants=tuple(sorted(names[k])), mentions=tuple(v)) for k, v in sorted(groups.items()))
