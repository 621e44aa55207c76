"""Speakers of reported statements: a pronoun that is the subject of reported speech ("Er werde ...") is
a word of the statement, so the speaker is the mention it stands for; a compound that names a source
("Nach Polizeiangaben ...") is the speaker as "Angaben" is, and so is a compound of a speaker noun
("der Feuerwehrsprecher"). Fictional articles, through the whole pipeline."""
from __future__ import annotations

import pytest

from succession.models import Analysis, Document
from succession.extract.pipeline import analyse

DE = """Neue Leitung bei den Stadtwerken Kelmsdorf

Die Stadtwerke Kelmsdorf haben Jonas Querbach zum Geschäftsführer ernannt. Er folgt auf Beate Roloff.
Der Aufsichtsratschef Malte Hinrichs stellte den neuen Chef am Montag vor. Er werde die Netze ausbauen lassen.
Nach Polizeiangaben blieben beim Brand im Umspannwerk alle Beschäftigten unversehrt.
Am Abend teilte der Feuerwehrsprecher mit, das Feuer sei gelöscht.
Roloff sagte, sie habe das Amt gern geführt.
"""

EN = """New head for Kelmsford Utilities

Kelmsford Utilities appointed Jonas Fieldwick as chief executive. He succeeds Beth Quarrey.
Board chairman Malcolm Vantrell presented the new chief on Monday. He would expand the grid, he said.
According to police reports, all staff at the substation were unharmed by the fire.
The blaze was out by the evening, a fire service spokesman said.
"""


@pytest.fixture(scope="module")
def articles() -> dict[str, Analysis]:
    return {lang: analyse(Document(id=f"reported_{lang}", text=text, lang=lang))
            for lang, text in (("de", DE), ("en", EN))}


def _quote(articles: dict[str, Analysis], lang: str, words: str):  # type: ignore[no-untyped-def]
    found = [q for q in articles[lang].quotes if words in q.text.text]
    assert found, (words, [q.text.text for q in articles[lang].quotes])
    return found[0]


def test_a_pronoun_in_reported_speech_points_at_the_mention_it_stands_for(articles: dict[str, Analysis]) -> None:
    q = _quote(articles, "de", "Er werde die Netze ausbauen lassen")
    assert q.speaker is not None and q.speaker.endswith("Hinrichs"), q.speaker
    assert q.speaker_span is not None and q.speaker_span.text != "Er"
    assert q.speaker_span.end <= q.text.start  # the mention in the sentence before
    # with a verb of saying in the sentence, its subject speaks, not the pronoun of the reported words
    q = _quote(articles, "de", "sie habe das Amt gern geführt")
    assert q.speaker is not None and q.speaker.endswith("Roloff") and q.speaker_span is not None
    assert q.speaker_span.text == "Roloff"
    en = _quote(articles, "en", "He would expand the grid")
    assert en.speaker is not None and en.speaker.endswith("Vantrell"), en.speaker
    assert en.speaker_span is not None and en.speaker_span.text == "he"  # "he said": the pronoun speaks


def test_a_compound_naming_a_source_is_the_speaker(articles: dict[str, Analysis]) -> None:
    q = _quote(articles, "de", "alle Beschäftigten unversehrt")
    assert q.speaker == "Polizeiangaben", q.speaker
    en = _quote(articles, "en", "were unharmed")
    assert en.speaker is not None and "police" in en.speaker, en.speaker


def test_a_compound_of_a_speaker_noun_is_the_speaker(articles: dict[str, Analysis]) -> None:
    q = _quote(articles, "de", "das Feuer sei gelöscht")
    assert q.speaker == "Feuerwehrsprecher", q.speaker  # not "Abend" before the verb
    en = _quote(articles, "en", "The blaze was out")
    assert en.speaker is not None and "spokesman" in en.speaker, en.speaker
