"""A sentence with no verb of saying whose reported statement is a clause of its own ("Der Verband geht
davon aus, dass ..."): the quotation is that clause, and the holder of the view before it is outside the
quoted words and its speaker; a short name in marks inside a reported quotation ("Laut „Kreisbote“ ...")
is a speaker candidate. Fictional sentences: the span rule alone, and the whole pipeline."""
from __future__ import annotations

import pytest

from succession.extract.pipeline import analyse
from succession.extract.sentences import split_sentences
from succession.models import Analysis, Document
from succession.quotes.detect import quote_span
from succession.quotes.marks import marked_spans
from succession.quotes.units import build_units, cues

DE = """Neuer Vorstand beim Radverband Lenzhausen

Der Radverband Lenzhausen hat Edda Maibohm zur Vorsitzenden gewählt. Sie folgt auf Gregor Twesten.
Der Radverband Lenzhausen geht davon aus, dass die neuen Radwege bis zum Herbst fertig werden.
Die Stadtverwaltung prüft noch, ob die Brücke schon im Sommer befahren werden kann.
Man wisse noch nicht, ob die Arbeiten länger dauern.
Der Radverband Lenzhausen forderte die Stadt auf, die Radwege im Winter täglich zu räumen.
Laut „Kreisbote“ soll die Brücke im Mai eröffnet werden.
"""


def _span(text: str, words: str) -> str:
    c = cues("de")
    for u in build_units(text, split_sentences(text, "de"), marked_spans(text)):
        if words in text[u.start:u.end]:
            parts, _, _, _ = quote_span(text, u, c)
            return " ".join(text[a:b] for a, b in parts)
    raise AssertionError(words)


def test_the_statement_starts_at_its_complementiser_after_the_holder() -> None:
    assert _span(DE, "geht davon aus") == "dass die neuen Radwege bis zum Herbst fertig werden"
    assert _span(DE, "prüft noch") == "ob die Brücke schon im Sommer befahren werden kann"


def test_an_infinitive_clause_after_the_first_comma_is_the_statement() -> None:
    assert _span(DE, "forderte die Stadt auf") == "die Radwege im Winter täglich zu räumen"


def test_a_sentence_already_in_reported_speech_is_quoted_whole() -> None:
    # "wisse" is a Konjunktiv form: the sentence before the complementiser is itself reported
    assert _span(DE, "Man wisse").startswith("Man wisse noch nicht")


def test_english_has_no_such_clause_cut() -> None:
    text = "The union expects, that the talks will fail."
    c = cues("en")
    u = build_units(text, split_sentences(text, "en"), marked_spans(text))[0]
    parts, _, _, _ = quote_span(text, u, c)
    assert text[parts[0][0]:].startswith("The union")


@pytest.fixture(scope="module")
def article() -> Analysis:
    return analyse(Document(id="clauses_de", text=DE, lang="de"))


def test_the_holder_before_the_clause_is_the_speaker(article: Analysis) -> None:
    found = [q for q in article.quotes if "Radwege" in q.text.text]
    assert found, [q.text.text for q in article.quotes]
    q = found[0]
    assert q.text.text.startswith("dass"), q.text.text
    assert q.speaker is not None and q.speaker.endswith("Lenzhausen"), q.speaker


def test_a_short_name_in_marks_inside_a_reported_quotation_is_its_speaker(article: Analysis) -> None:
    found = [q for q in article.quotes if "Brücke im Mai" in q.text.text]
    assert found, [q.text.text for q in article.quotes]
    assert found[0].speaker == "Kreisbote", found[0].speaker
