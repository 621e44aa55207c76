"""The engine's components, in order: each fills some fields of an ``ArticleDoc`` (``doc.py``).

clean → language → date → sentences → candidates → tokens → triggers → ner → mentions → rules → parse →
decide → entities → quotes. ``default_pipeline()`` lists them; replace one by name
(``default_pipeline().replace("quotes", fn)``) to try another. Every component after ``language`` reads the
language data from the document (``doc.language``) rather than looking it up again; the models (named
entities, event decisions) are loaded by the name the language data gives, once per process. What several
stages read is found once per candidate sentence and carried: tokens with lemmas, trigger hits, the parse.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ..lang import SUPPORTED, LanguageData, get_language
from ..learned import Candidate, candidates_of, decide as decide_events, load_event_model
from ..learned.lemmas import lemma_hits, tokens_of
from ..learned.syntax import parse_sentences
from ..models import DateValue, Document, Entity, MentionKind, Span
from ..quotes import find_quotes
from .clean import blank, boilerplate_spans
from .context import DocContext
from .coref import People, companies_named_like_people, fold
from .dating import find_publication_date, parse_given_date
from .doc import ArticleDoc, Pipeline
from .events import SentenceHits, extract_events, person_roles, tidy, trigger_hits
from .language import detect_language
from .lexicon import lexicon
from .mentions import (NameMention, SentenceMentions, add_known_names, add_known_orgs, clean_name, find_mentions,
                       with_number)
from .ner import NamedSpan, load_ner
from .sentences import split_sentences
from .titles import written_titles
from .triggers import candidates as candidate_sentences

__all__ = ["Ner", "clean", "cleaned_text", "decide", "default_pipeline", "doc_candidates", "entities", "language", "date",
           "mentions", "mentions_of", "parse", "quotes", "rules", "sentences", "candidates", "tokens",
           "triggers"]


# ------------------------------------------------------------------------------------------ cheap stages
def clean(doc: ArticleDoc) -> ArticleDoc:
    """Blank the boilerplate (lines repeated across the corpus, navigation, bylines' furniture)."""
    text, spans = cleaned_text(doc.document, doc.repeated)
    return replace(doc, text=text, boilerplate=spans)


def cleaned_text(doc: Document, repeated: frozenset[str] = frozenset()) -> tuple[str, tuple[Span, ...]]:
    """The text with its boilerplate blanked (same length: offsets stay valid), and the blanked spans."""
    spans = boilerplate_spans(doc.text, repeated=repeated)
    return blank(doc.text, spans), spans


def language(doc: ArticleDoc) -> ArticleDoc:
    """The document's language (given, else detected) and its language data, fetched once; a document in
    a language succession does not read is halted with a warning."""
    lang = doc.document.lang if doc.document.lang in SUPPORTED else detect_language(doc.text)
    if lang not in SUPPORTED:
        note = f"language {lang or 'unknown'} is not supported ({', '.join(SUPPORTED)}); not analysed"
        return replace(doc, lang=lang, halted=note)
    return replace(doc, lang=lang, language=get_language(lang))


def date(doc: ArticleDoc) -> ArticleDoc:
    """The publication date: given, else found in the text, else the run's anchor."""
    published, basis = _published(doc.document, doc.text, _lang(doc))
    if published is None and doc.anchor is not None:
        published, basis = doc.anchor, doc.anchor_basis
    return replace(doc, published=published, basis=basis)


def sentences(doc: ArticleDoc) -> ArticleDoc:
    return replace(doc, sentences=tuple(split_sentences(doc.text, _lang(doc))))


def candidates(doc: ArticleDoc) -> ArticleDoc:
    """The sentences with a trigger or role word, and those the named-entity model is to read."""
    cands = tuple(candidate_sentences(doc.sentences, _lang(doc)))
    return replace(doc, candidates=cands, tagged=_tagged(doc.sentences, cands))


def tokens(doc: ArticleDoc) -> ArticleDoc:
    """Each candidate sentence's words with their lemmas, once (the trigger hits by lemma read them)."""
    lang = _lang(doc)
    return replace(doc, tokens=tuple(tokens_of(s.text, lang) for s in doc.candidates))


def triggers(doc: ArticleDoc) -> ArticleDoc:
    """Each candidate sentence's trigger hits, found once: the patterns' (the rules read them) and, beside
    them, the hits by lemma from the sentence's tokens (the learned candidates read both)."""
    lang = _lang(doc)
    lx = lexicon(lang)
    found = []
    for i, s in enumerate(doc.candidates):
        pats = trigger_hits(s.text, lx)
        toks = doc.tokens[i] if doc.tokens is not None else None  # without a "tokens" component: found here
        found.append(SentenceHits(s, tuple(pats), tuple(lemma_hits(s.text, lang, [(h.start, h.end) for h in pats],
                                                                   toks))))
    return replace(doc, hits=tuple(found))


# ------------------------------------------------------------------------------------------ named entities
class Ner:
    """The named-entity model over the ``tagged`` sentences (the model the language data names). A
    document whose spans are already known (``named``) is left as it is."""

    def __call__(self, doc: ArticleDoc) -> ArticleDoc:
        if doc.named is not None:
            return doc
        return replace(doc, named=tuple(load_ner(_lang(doc))([s.text for s in doc.tagged]) if doc.tagged else []))

    def pipe(self, docs: Sequence[ArticleDoc]) -> list[ArticleDoc]:
        """One call of the model per language over the whole batch: its cost is mostly per call."""
        out = list(docs)
        todo = [i for i, d in enumerate(docs) if d.named is None]
        for lang in dict.fromkeys(_lang(docs[i]) for i in todo):
            group = [i for i in todo if docs[i].lang == lang]
            texts = [s.text for i in group for s in docs[i].tagged]
            spans = load_ner(lang)(texts) if texts else []
            pos = 0
            for i in group:
                n = len(docs[i].tagged)
                out[i] = replace(docs[i], named=tuple(spans[pos:pos + n]))
                pos += n
        return out


# ------------------------------------------------------------------------------------------ rules
def mentions(doc: ArticleDoc) -> ArticleDoc:
    """Persons, organisations and roles of the candidate sentences, the document's people, and the
    organisations and places the model found around them."""
    text, lang = doc.text, _lang(doc)
    named = doc.named or ()
    by_start = {s.start: spans for s, spans in zip(doc.tagged, named)}
    sents, people = mentions_of(text, lang, doc.sentences, [by_start.get(s.start, []) for s in doc.candidates],
                                doc.candidates, language=doc.language)
    places = tuple(NameMention(*m, n.label) for s, spans in zip(doc.tagged, named) for n in spans
                   if n.label in ("ORG", "LOC")
                   and (m := clean_name(text, s.start + n.start, with_number(text, s.start + n.end), lang,
                                        digits=True)))
    return replace(doc, sents=tuple(sents), people=people, places=places)


def rules(doc: ArticleDoc) -> ArticleDoc:
    """The rules' changes and stated roles; they are the document's events until ``decide`` runs."""
    sents = list(doc.sents)
    people = doc.people if doc.people is not None else People(doc.text, [])
    ctx = DocContext(doc.document.id, doc.text, _lang(doc), doc.anchor_day, people,
                     _main_org(sents, doc.text, [n for n in doc.places if n.kind == "ORG"]),
                     _title_end(doc.document), doc.published, language=doc.language)
    events, facts = extract_events(ctx, sents, doc.hits)
    return replace(doc, ctx=ctx, rule_events=tuple(events), facts=tuple(facts), events=tuple(events))


def parse(doc: ArticleDoc) -> ArticleDoc:
    """The candidates' dependency parse, run once here (None where the language names no parser): the learned
    candidates read it from the document."""
    return replace(doc, parse=parse_sentences(_lang(doc), [(s.start, s.text) for s in doc.candidates]))


# ------------------------------------------------------------------------------------------ decisions
def doc_candidates(doc: ArticleDoc) -> list[Candidate]:
    """The learned decisions' candidates (trigger or role cue, person, organisation) of the document."""
    if doc.ctx is None:
        raise ValueError(f"document {doc.document.id!r} has no rules' context: run the 'rules' component first")
    return candidates_of(doc.ctx, doc.sents, doc.rule_events, person_roles(list(doc.facts)), doc.places, doc.parse,
                         doc.hits)


def decide(doc: ArticleDoc) -> ArticleDoc:
    """The learned model's changes in place of the rules' (the model the language data names; without one
    the rules' stand)."""
    model = load_event_model(_language(doc).names.EVENT_MODEL)
    if model is None:
        return doc
    title_end = doc.ctx.title_end if doc.ctx is not None else _title_end(doc.document)
    events = tidy(decide_events(doc.document.id, doc_candidates(doc), model), title_end)
    return replace(doc, events=tuple(written_titles(events, _language(doc).code)))


def entities(doc: ArticleDoc) -> ArticleDoc:
    """People and organisations, each with its variants and mentions."""
    people = doc.people if doc.people is not None else People(doc.text, [])
    person_ms = [(m.start, m.end, m.text) for sm in doc.sents for m in sm.persons]
    return replace(doc, entities=companies_named_like_people(people.entities(person_ms),
                                                             _org_entities(list(doc.sents))))


def quotes(doc: ArticleDoc) -> ArticleDoc:
    """Who said what."""
    people = doc.people if doc.people is not None else People(doc.text, [])
    return replace(doc, quotes=find_quotes(doc.document.id, doc.text, _lang(doc), doc.sentences, doc.entities,
                                           people))


def default_pipeline() -> Pipeline:
    """The engine's components in order (a new object each time: nothing global to change by accident)."""
    return Pipeline((("clean", clean), ("language", language), ("date", date), ("sentences", sentences),
                     ("candidates", candidates), ("tokens", tokens), ("triggers", triggers), ("ner", Ner()),
                     ("mentions", mentions), ("rules", rules), ("parse", parse), ("decide", decide),
                     ("entities", entities), ("quotes", quotes)))


# ------------------------------------------------------------------------------------------ helpers
def mentions_of(text: str, lang: str, sentences: Sequence[Span] | None = None,
                named: Sequence[Sequence[NamedSpan]] | None = None, cands: Sequence[Span] | None = None, *,
                language: LanguageData | None = None) -> tuple[list[SentenceMentions], People]:
    """Candidate sentences with their mentions, and the document's people (``language``: the document's
    language data, when the caller has it)."""
    data = language if language is not None else get_language(lang)
    sentences = split_sentences(text, lang) if sentences is None else sentences
    sents = find_mentions(text, sentences, lang, named, cands=cands, language=data)
    people = People(text, [(p.start, p.end, p.text) for sm in sents for p in sm.persons])
    known = {**people.first_names(), **people.surnames()}  # "Jane, 45, has stepped down": a first name alone
    sents = add_known_orgs(add_known_names(sents, known), text)
    people.add_mentions((p.start, p.end, p.text) for sm in sents for p in sm.persons)
    people.learn_genders(text, data.names.HONORIFIC_GENDER)
    return sents, people


def _lang(doc: ArticleDoc) -> str:
    # the components after "language" need it; a pipeline without that component is a caller's mistake
    if doc.lang is None:
        raise ValueError(f"document {doc.document.id!r} has no language: run the 'language' component first")
    return doc.lang


def _language(doc: ArticleDoc) -> LanguageData:
    if doc.language is None:
        raise ValueError(f"document {doc.document.id!r} has no language data: run the 'language' component first")
    return doc.language


def _published(doc: Document, text: str, lang: str) -> tuple[DateValue | None, str | None]:
    if doc.published:
        given = parse_given_date(doc.published)
        if given is not None:
            return given, "given"
    found = find_publication_date(text, lang)
    return found if found else (None, None)


def _tagged(sentences: tuple[Span, ...], cands: tuple[Span, ...], lead: int = 3) -> tuple[Span, ...]:
    """Candidate sentences, the sentences around them and the lead: where the organisations a change
    happened at are named (the sentence itself often says only "the club" or "the company")."""
    starts = {c.start for c in cands}
    keep = set(range(min(lead, len(sentences))))
    for i, s in enumerate(sentences):
        if s.start in starts:
            keep.update((i - 1, i, i + 1))
    return tuple(s for i, s in enumerate(sentences) if i in keep)


def _title_end(doc: Document) -> int:
    if doc.title and doc.text.startswith(doc.title):
        return len(doc.title)
    return 0


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
