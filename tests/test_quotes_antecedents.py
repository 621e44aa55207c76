"""Who a pronoun stands for, and phrases that look like a subject and are not: a report going on about the
one who spoke last ("Ein Sprecher sagte ... Er wisse nicht", "said a spokesman ... He added"), a pronoun
for a group ("Sie forderten", "They demanded": never the woman named before), the agent of a passive
("wurde von der Bürgerinitiative kritisiert", "was criticised by the residents' group") and a phrase after
"als" ("Als Grund nannte der Bürgermeister ..."). Fictional articles, through the whole pipeline; and the
features and the resolution the ranker's choice rests on."""
from __future__ import annotations

import pytest

from succession.extract.coref import People
from succession.extract.pipeline import analyse
from succession.extract.sentences import split_sentences
from succession.models import Analysis, Document, MentionKind, Span
from succession.quotes.detect import unit_cue
from succession.quotes.phrases import speaker_features
from succession.quotes.speakers import Mentions, Speaker, resolve
from succession.quotes.units import build_units, cues, plural_pronoun

DE = """Neue Leitung bei den Stadtwerken Kellbach

Die Stadtwerke Kellbach haben Marlene Ostrowski zur Leiterin des Netzbetriebs ernannt.
Ein Sprecher der Stadtwerke sagte am Montag, die beschädigte Leitung sei inzwischen repariert. Er wisse aber nicht, wann alle Haushalte wieder Strom hätten.

Die Anwohner der Talstraße beschwerten sich über die lange Störung. Sie forderten eine Entschädigung für verdorbene Lebensmittel.

Als Grund für die Verzögerung nannte der Bürgermeister Feliks Dorn die späte Lieferung der Kabel.
"""

EN = """New head of the grid at Kellbach Utilities

Kellbach Utilities named Marlene Ostrow head of grid operations.
"The damaged line has been repaired," said a spokesman for the utility on Monday. He added that he did not know when every household would have power again.

Residents of Vale Street complained about the long outage. They demanded compensation for spoiled food.

The plan for a new substation was criticised by the residents' group as too expensive.
"""


@pytest.fixture(scope="module")
def articles() -> dict[str, Analysis]:
    return {lang: analyse(Document(id=f"antecedents_{lang}", text=text, lang=lang))
            for lang, text in (("de", DE), ("en", EN))}


def _quote(a: Analysis, words: str):  # type: ignore[no-untyped-def]
    found = [q for q in a.quotes if words in q.text.text]
    assert found, (words, [q.text.text for q in a.quotes])
    return found[0]


@pytest.mark.parametrize(("lang", "words", "speaker", "span"), [
    # the pronoun stands for the spokesman who spoke last, not for the woman named before him
    ("de", "Er wisse aber nicht", "Sprecher", None),
    ("en", "he did not know when every household", "spokesman", "He"),
    ("de", "die späte Lieferung der Kabel", "Feliks Dorn", "Feliks Dorn"),  # not "Grund"
    ("en", "The plan for a new substation was criticised", "group", "group"),  # by the group: not "The plan"
])
def test_the_speaker_of_each_construction(articles: dict[str, Analysis], lang: str, words: str, speaker: str,
                                         span: str | None) -> None:
    q = _quote(articles[lang], words)
    assert q.speaker == speaker, (words, q.speaker, q.speaker_span)
    if span is not None:
        assert q.speaker_span is not None and q.speaker_span.text == span, (words, q.speaker_span)


@pytest.mark.parametrize(("lang", "words", "woman"), [
    ("de", "Sie forderten eine Entschädigung", "Marlene Ostrowski"),
    ("en", "They demanded compensation", "Marlene Ostrow"),
])
def test_a_pronoun_for_a_group_is_never_the_woman_named_before(articles: dict[str, Analysis], lang: str,
                                                               words: str, woman: str) -> None:
    q = _quote(articles[lang], words)
    assert q.speaker != woman, (words, q.speaker)
    assert q.speaker_span is not None and q.speaker_span.text in ("Sie", "They"), q.speaker_span


def _unit(text: str, lang: str, n: int = 0):  # type: ignore[no-untyped-def]
    return build_units(text, split_sentences(text, lang), [])[n]


def _features(text: str, lang: str, word: str, n: int = 0) -> list[str]:
    c = cues(lang)
    u = _unit(text, lang, n)
    k = [t.text for t in u.tokens].index(word)
    _, cue_k, _ = unit_cue(text, u, c)
    return speaker_features(text, u, k, ((u.end, u.end),), cue_k, c, frozenset(), frozenset(), frozenset())


def test_features_of_passive_agents_adverbial_phrases_and_group_pronouns() -> None:
    assert "passive_agent" in _features("Der Plan wurde von der Bürgerinitiative heftig kritisiert.", "de",
                                        "Bürgerinitiative")
    assert "passive_agent" not in _features("Die Kritik von der Bürgerinitiative sei laut.", "de", "Bürgerinitiative")
    assert "passive_agent" in _features("The plan was criticised by the union as too expensive.", "en", "union")
    grund = _features("Als Grund nannte der Bürgermeister die späte Lieferung.", "de", "Grund")
    assert "pp_before_cue" in grund and "subject_before_cue" not in grund
    assert "subject_before_cue" in _features("Der Bürgermeister nannte die späte Lieferung.", "de", "Bürgermeister")
    c = cues("de")
    u = _unit("Sie forderten eine Entschädigung.", "de")
    assert plural_pronoun(u, 0, c)
    assert not plural_pronoun(_unit("Sie forderte eine Entschädigung.", "de"), 0, c)
    assert not plural_pronoun(_unit("Sie nannte den Plan gut.", "de"), 0, c)  # "den" is no verb
    assert plural_pronoun(_unit("They demanded more.", "en"), 0, cues("en"))


def test_a_pronoun_resolves_to_the_speaker_carried_on_unless_a_person_was_named_since() -> None:
    text = "Stefan Vogt ist neu. Der Verband teilte mit, er prüfe das. Er halte das für richtig."
    c = cues("de")
    people = People(text, [])
    mentions = Mentions(text, people.entities(people.mentions_before(len(text))), people, c.org_references)
    at = text.index("Der Verband")
    carried = Speaker("Verband", None, Span(at + 4, at + 11, "Verband"))
    u = _unit(text, "de", 2)
    got = resolve(text, u, 0, c, mentions, carried=carried)
    # a report going on ("Er halte ...": the pronoun belongs to the reported words): the speaker's mention
    assert got.name == "Verband" and got.span.text == "Verband"
    # a person named after the carried speaker is the nearer antecedent
    text2 = "Der Verband teilte mit, er prüfe das. Danach sprach Stefan Vogt. Er halte das für richtig."
    people2 = People(text2, [])
    mentions2 = Mentions(text2, people2.entities(people2.mentions_before(len(text2))), people2, c.org_references)
    carried2 = Speaker("Verband", None, Span(4, 11, "Verband"))
    got2 = resolve(text2, _unit(text2, "de", 2), 0, c, mentions2, carried=carried2)
    assert got2.name == "Stefan Vogt"
    # English: "he" never stands for a company
    en = "Orvel Corp said it would sell the plant. He added more."
    en_mentions = Mentions(en, [], People(en, []), ())
    org = Speaker("Orvel Corp", MentionKind.ORG, Span(0, 10, "Orvel Corp"))
    assert resolve(en, _unit(en, "en", 1), 0, cues("en"), en_mentions, carried=org).name != "Orvel Corp"
