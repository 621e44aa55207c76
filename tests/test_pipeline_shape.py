"""The shape of one article's way through the engine (issue 8, scope 7): an ``ArticleDoc`` carried through
named components in order, replaceable by name, the language data fetched once; the library's functions
are thin calls into that pipeline and give the same results. Fictional articles only."""
from __future__ import annotations

from dataclasses import replace

import pytest

import succession.extract.components as components
import succession.extract.context as context
import succession.extract.lexicon as lexicon
import succession.extract.mentions as mentions
import succession.extract.pipeline as pipeline
from succession.extract.components import default_pipeline
from succession.extract.doc import ArticleDoc, Pipeline
from succession.extract.pipeline import analyse, analyse_many, annotate, annotate_many, candidates_for, finish, prepare
from succession.models import Analysis, Document, EventType

EN = ("Brightwater Widgets names new chief executive\n\n"
      "LONDON, 3 March 2025 - Brightwater Widgets said on Monday that Mara Velloten has been appointed chief "
      "executive, succeeding Tobias Quernby, who resigned in January. "
      "\"I am delighted to lead such a fine team,\" Velloten said in a statement. "
      "Quernby had run the company for ten years.\n")
DE = ("Neue Chefin bei Falkenhain Maschinenbau\n\n"
      "Hamburg, 3. März 2025 - Die Falkenhain Maschinenbau AG hat Ilka Brandtmoor zur Vorstandsvorsitzenden "
      "ernannt. Sie folgt auf Ruprecht Wendel, der im Januar zurückgetreten war. "
      "\"Ich freue mich sehr auf die Aufgabe\", sagte Brandtmoor. "
      "Wendel hatte das Unternehmen zehn Jahre lang geführt.\n")
EN_DOC = Document(id="fict-en", text=EN, title="Brightwater Widgets names new chief executive")
DE_DOC = Document(id="fict-de", text=DE, lang="de")

ORDER = ["clean", "language", "date", "sentences", "candidates", "tokens", "triggers", "ner", "mentions", "rules", "parse", "decide",
         "entities", "quotes"]


@pytest.fixture(scope="module")
def full() -> dict[str, Analysis]:
    return {d.id: analyse(d) for d in (EN_DOC, DE_DOC)}


def test_default_components_in_order() -> None:
    assert default_pipeline().pipe_names == ORDER


def test_fictional_articles_give_changes_and_quotes(full: dict[str, Analysis]) -> None:
    # the baseline the replacements below are measured against
    for doc_id, holder in (("fict-en", "Mara Velloten"), ("fict-de", "Ilka Brandtmoor")):
        a = full[doc_id]
        assert any(e.type == EventType.APPOINTED and e.holder == holder for e in a.events), a.events
        assert any(q.speaker == holder for q in a.quotes), a.quotes


def test_replacing_candidates_by_name_drops_every_change(full: dict[str, Analysis]) -> None:
    def no_candidates(doc: ArticleDoc) -> ArticleDoc:
        return replace(doc, candidates=(), tagged=())

    nlp = default_pipeline().replace("candidates", no_candidates)
    assert nlp.pipe_names == ORDER and nlp.get("candidates") is no_candidates
    a = nlp(EN_DOC).to_analysis()
    assert a.events == () and a.facts == ()
    assert full["fict-en"].events  # not so without the replacement


def test_without_quotes_gives_no_quotations_and_the_same_changes(full: dict[str, Analysis]) -> None:
    nlp = default_pipeline().without("quotes")
    assert "quotes" not in nlp.pipe_names
    for doc in (EN_DOC, DE_DOC):
        a = nlp(doc).to_analysis()
        assert a.quotes == ()
        assert a.events == full[doc.id].events and a.entities == full[doc.id].entities


def test_without_decide_leaves_the_rules_events() -> None:
    d = default_pipeline().without("decide")(EN_DOC)
    assert d.events == d.rule_events and d.rule_events


def test_language_data_fetched_once_per_document(monkeypatch: pytest.MonkeyPatch) -> None:
    list(default_pipeline().pipe([EN_DOC, DE_DOC]))  # warm the per-language caches (lexicons, compiled cues)
    calls: list[str] = []
    real = components.get_language

    def counting(code: str):  # type: ignore[no-untyped-def]
        calls.append(code)
        return real(code)

    for module in (components, context, lexicon, mentions, pipeline):
        monkeypatch.setattr(module, "get_language", counting)
    d = default_pipeline()(EN_DOC)
    assert calls == ["en"]
    # and every stage holds that one object
    assert d.language is real("en") and d.ctx is not None and d.ctx.language is d.language
    # the old entry points carry it from one to the next too
    calls.clear()
    p = prepare(DE_DOC)
    assert not isinstance(p, Analysis) and annotate(p).ctx.language is p.language and finish(p).events
    assert calls == ["de"]


def test_old_functions_give_the_pipelines_analysis(full: dict[str, Analysis]) -> None:
    nlp = default_pipeline()
    for doc in (EN_DOC, DE_DOC):
        a = full[doc.id]
        assert nlp(doc).to_analysis() == a
        p = prepare(doc)
        assert not isinstance(p, Analysis)
        assert finish(p) == a
        ann = annotate(p)
        d = nlp.upto("parse")(doc)
        assert (ann.rule_events, ann.facts, ann.places, ann.sents) == (d.rule_events, d.facts, d.places, d.sents)
        assert candidates_for(ann) == components.doc_candidates(d)
    assert list(analyse_many([EN_DOC, DE_DOC, EN_DOC])) == [full["fict-en"], full["fict-de"], full["fict-en"]]
    many = list(annotate_many([DE_DOC]))
    assert not isinstance(many[0], Analysis) and many[0].rule_events == annotate(prepare(DE_DOC)).rule_events


def test_the_named_entity_model_runs_once_per_language_per_batch(monkeypatch: pytest.MonkeyPatch,
                                                                  full: dict[str, Analysis]) -> None:
    calls: list[tuple[str, int]] = []
    real = components.load_ner

    def counting(lang: str):  # type: ignore[no-untyped-def]
        model = real(lang)
        return lambda texts: (calls.append((lang, len(texts))), model(texts))[1]

    monkeypatch.setattr(components, "load_ner", counting)
    out = list(analyse_many([EN_DOC, DE_DOC, EN_DOC, DE_DOC], batch=4))
    assert sorted(lang for lang, _ in calls) == ["de", "en"]
    assert out == [full["fict-en"], full["fict-de"], full["fict-en"], full["fict-de"]]


def test_an_unsupported_language_halts_with_a_warning() -> None:
    doc = Document(id="fict-xx", lang="xx",
                   text="Le conseil municipal a voté hier une nouvelle loi sur les transports publics de la ville.")
    d = default_pipeline()(doc)
    assert d.halted and d.sentences == ()
    a = d.to_analysis()
    assert a.warnings and a.events == () and a == analyse(doc) == prepare(doc)


def test_pipeline_names_its_mistakes() -> None:
    nlp = default_pipeline()
    with pytest.raises(KeyError, match="no component 'nope'.*clean, language"):
        nlp.replace("nope", lambda d: d)
    with pytest.raises(ValueError, match="repeated: clean"):
        Pipeline((("clean", components.clean), ("clean", components.clean)))
    with pytest.raises(TypeError, match="component 'date' returned NoneType"):
        nlp.replace("date", lambda d: None)(EN_DOC)  # type: ignore[arg-type, return-value]
    # a replaced pipeline is a new object: the default is untouched
    assert default_pipeline().get("date") is components.date


def test_tokens_with_lemmas_on_the_document_and_read_from_there(monkeypatch: pytest.MonkeyPatch) -> None:
    import succession.learned.lemmas as lemmas

    doc = Document(id="fict-de-lemma", lang="de", text="Die Mitglieder kürten Ilka Brandtmoor zur neuen Vorsitzenden.")
    d = default_pipeline().upto("tokens")(doc)
    assert len(d.tokens) == len(d.candidates) == 1
    assert [(t.text, t.lemma) for t in d.tokens[0]][:3] == [("Die", "der"), ("Mitglieder", "mitglied"),
                                                              ("kürten", "küren")]
    # the trigger hits by lemma are found from the carried tokens, not from a second lemmatisation
    monkeypatch.setattr(lemmas, "tokens_of", lambda *a: pytest.fail("sentence tokenised again"))
    d = default_pipeline().after("tokens").upto("triggers")(d)
    s = d.hits[0].sentence.text
    assert [(s[h.start:h.end], h.trigger.type) for h in d.hits[0].lemmas] == [("kürten", "appointed")]
    # a replaced "tokens" component is what the lemma hits read
    odd = [replace(t, lemma="wohnen") for t in d.tokens[0]]
    again = default_pipeline().after("tokens").upto("triggers")(replace(d, tokens=(tuple(odd),), hits=None))
    assert again.hits[0].lemmas == ()


def test_trigger_hits_found_once_on_the_document(monkeypatch: pytest.MonkeyPatch, full: dict[str, Analysis]) -> None:
    d = default_pipeline().upto("triggers")(EN_DOC)
    assert [h.sentence for h in d.hits] == list(d.candidates)
    words = {h.sentence.text[x.start:x.end].casefold() for h in d.hits for x in (*h.patterns, *h.lemmas)}
    assert "appointed" in words and "resigned" in words, words
    # the rules and the learned candidates read them from the document: no sentence is searched again
    import succession.extract.events as events
    import succession.learned.candidates as learned_candidates

    calls: list[str] = []
    real = events.trigger_hits

    def counting(sentence, lx):  # type: ignore[no-untyped-def]
        calls.append(sentence)
        return real(sentence, lx)

    for module in (events, components):
        monkeypatch.setattr(module, "trigger_hits", counting)
    monkeypatch.setattr(learned_candidates, "lemma_hits", lambda *a: pytest.fail("lemma hits searched again"))
    nlp = default_pipeline()
    out = nlp(EN_DOC)
    assert len(calls) == len(out.candidates)  # once each, in the "triggers" component
    assert out.to_analysis() == full["fict-en"]
    # a replaced "triggers" component is what the rules read: without hits, no change is reported
    calls.clear()
    empty = nlp.replace("triggers", lambda doc: replace(doc, hits=()))(EN_DOC)
    assert empty.rule_events == () and empty.events == () and calls == []


def test_the_parse_runs_once_and_the_candidates_read_it_from_the_document(monkeypatch: pytest.MonkeyPatch) -> None:
    import re

    from succession.learned.syntax import Parse, _Tok

    calls: list[int] = []
    real = components.parse_sentences

    def counting(lang, sentences):  # type: ignore[no-untyped-def]
        calls.append(len(sentences))
        return real(lang, sentences)

    monkeypatch.setattr(components, "parse_sentences", counting)
    d = default_pipeline()(EN_DOC)
    assert calls == [len(d.candidates)]  # once per document, over its candidate sentences, in "parse"
    # no language names a parser today (docs/accuracy.md): no parse, no syntax features
    assert d.parse is None
    assert not [k for c in components.doc_candidates(d) for k in c.features if k.startswith("dep")]

    def flat(doc: ArticleDoc) -> ArticleDoc:  # a parse of every word hanging on itself
        words = [m for s in doc.candidates for m in re.finditer(r"\S+", doc.text[:s.end]) if m.start() >= s.start]
        return replace(doc, parse=Parse(tuple(_Tok(m.start(), m.end(), "x", i, m.group(), "X")
                                              for i, m in enumerate(words))))

    # the candidates' syntax features come from the parse the document carries
    parsed = default_pipeline().replace("parse", flat).upto("parse")(EN_DOC)
    assert parsed.parse is not None
    assert [k for c in components.doc_candidates(parsed) for k in c.features if k.startswith("dep")]
