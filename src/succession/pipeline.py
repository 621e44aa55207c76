"""One article's way through the engine: clean → language → publication date → sentences → mentions →
people → events. ``analyse`` is pure: the same document and options give the same ``Analysis``."""
from __future__ import annotations

import datetime as dt
import logging
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from .clean import blank, boilerplate_spans
from .coref import People, fold
from .dating import find_publication_date, parse_given_date
from .events import DocContext, extract_events
from .lang import SUPPORTED, get_language
from .language import detect_language
from .mentions import SentenceMentions, add_known_names, add_known_orgs, candidates, find_mentions
from .ner import NamedSpan, load_ner
from .quotes import find_quotes
from .models import Analysis, DateValue, Document, Entity, MentionKind, Span
from .sentences import split_sentences

__all__ = ["Prepared", "analyse", "analyse_many", "cleaned_text", "finish", "mentions_of", "prepare"]

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
    return Prepared(doc, text, boiler, lang, published, basis, sentences, tuple(candidates(sentences, lang)))


def finish(p: Prepared, named: Sequence[Sequence[NamedSpan]] | None = None) -> Analysis:
    """Mentions, people and events of a prepared document (``named``: its candidates' entity spans)."""
    sents, people = mentions_of(p.text, p.lang, p.sentences, named, p.candidates)
    person_ms = [(m.start, m.end, m.text) for sm in sents for m in sm.persons]
    ctx = DocContext(p.doc.id, p.text, p.lang, _anchor_day(p.published), people, _main_org(sents, p.text),
                     _title_end(p.doc))
    events, facts = extract_events(ctx, sents)
    entities = people.entities(person_ms) + _org_entities(sents)
    quotes = find_quotes(p.doc.id, p.text, p.lang, p.sentences, entities, people)  # who said what (issue 13)
    return Analysis(document=p.doc, lang=p.lang, published=p.published, published_basis=p.basis,
                    boilerplate=p.boilerplate, entities=entities, events=tuple(events), facts=tuple(facts),
                    quotes=quotes)


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
    named: dict[int, list] = {}
    for lang in {p.lang for p in items if isinstance(p, Prepared)}:
        group = [(i, p) for i, p in enumerate(items) if isinstance(p, Prepared) and p.lang == lang]
        texts = [s.text for _, p in group for s in p.candidates]
        spans = load_ner(lang)(texts) if texts else []
        pos = 0
        for i, p in group:
            named[i] = spans[pos:pos + len(p.candidates)]
            pos += len(p.candidates)
    for i, p in enumerate(items):
        yield p if isinstance(p, Analysis) else finish(p, named.get(i))


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


def _main_org(sents: list[SentenceMentions], text: str) -> str | None:
    """The organisation the article is about: of the names found, the one the whole text repeats most."""
    # words of full names only: a lone word the model once called a person may still be the company
    people = {w for sm in sents for p in sm.persons if len(p.text.split()) > 1 for w in p.text.split()}
    names = Counter(o.text for sm in sents for o in sm.orgs if o.text not in people)
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
