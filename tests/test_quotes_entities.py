"""The speaker is chosen by whom the candidates name, not by the single best word: a name and a pronoun
for the same person pool their probability against another word that scores higher alone, while two
words resolved to nobody ("der Sprecher" in two sentences) stay two speakers. Fictional articles."""
from __future__ import annotations

import pytest

from succession.extract.coref import People
from succession.extract.sentences import split_sentences
from succession.quotes.linear import LinearModel
from succession.quotes.speakers import Candidate, Mentions, pick_speaker
from succession.quotes.units import build_units, cues

ARTICLES = {
    # the quotation's sentence names a tunnel (an unresolved capitalised word, scored highest alone) and a
    # pronoun for the minister named in the sentence before
    "de": ("Ministerin Marlene Valkenhorst besuchte am Montag Orlen. Sie sagte, der Tunnel Brückfeld werde "
           "in Orlen gebaut.", "Valkenhorst", "Sie", "Brückfeld"),
    "en": ("Minister Marlene Valkenhorst visited Orlen on Monday. She said the Brookfield tunnel would be built "
           "in Orlen.",
           "Valkenhorst", "She", "Brookfield"),
}
MODEL = LinearModel(("score",), {"name": (0.6,), "pronoun": (0.6,), "other": (1.0,), "none": (-2.0,)})


def _setup(lang: str):  # type: ignore[no-untyped-def]
    text, name, pronoun, other = ARTICLES[lang]
    c = cues(lang)
    units = build_units(text, split_sentences(text, lang), [])
    people = People(text, [])
    mentions = Mentions(text, people.entities(people.mentions_before(len(text))), people, c.org_references)

    def cand(unit: int, word: str, feature: str) -> Candidate:
        u = units[unit]
        return Candidate("token", u, [t.text for t in u.tokens].index(word), (feature,))

    return text, c, mentions, cand, name, pronoun, other


@pytest.mark.parametrize("lang", ["de", "en"])
def test_a_name_and_its_pronoun_pool_their_probability(lang: str) -> None:
    text, c, mentions, cand, name, pronoun, other = _setup(lang)
    cands = [cand(0, name, "name"), cand(1, pronoun, "pronoun"), cand(1, other, "other"),
             Candidate("none", None, -1, ("none",))]
    got = pick_speaker(text, cands, c, MODEL, mentions, None)
    # alone the tunnel wins (1.0 against 0.6); the minister's two mentions together outweigh it
    assert got is not None and got.name.endswith("Valkenhorst"), got
    # her likeliest mention names her; the tie goes to the first candidate, the name itself
    assert got.span.text.endswith("Valkenhorst"), got.span
    # without the pronoun the tunnel wins again: the pooling is by whom the words name, not by count
    alone = pick_speaker(text, [cands[0], cands[2], cands[3]], c, MODEL, mentions, None)
    assert alone is not None and alone.name.endswith(other), alone


@pytest.mark.parametrize("lang", ["de", "en"])
def test_words_resolved_to_nobody_are_not_pooled(lang: str) -> None:
    text, c, mentions, cand, name, pronoun, other = _setup(lang)
    # the town named twice, resolved to no person or organisation: two words that may be two speakers
    # (as "der Sprecher" in two sentences may be two spokesmen), so they pool nothing
    model = LinearModel(("score",), {"name": (1.0,), "town": (0.8,)})
    cands = [cand(0, name, "name"), cand(0, "Orlen", "town"), cand(1, "Orlen", "town")]
    assert cands[1].unit is not cands[2].unit
    got = pick_speaker(text, cands, c, model, mentions, None)
    assert got is not None and got.name.endswith("Valkenhorst"), got


def test_a_company_named_like_a_person_is_no_antecedent_of_she() -> None:
    """A headline's "Velgrath Feinguss" (no first name) is the company "Velgrath Feinguss AG" the article names:
    the "she" after a quotation means the woman named in its sentence, not the company."""
    from succession.extract.pipeline import analyse
    from succession.models import Document, MentionKind

    text = ("Velgrath Feinguss names Carla Imbrecht interim chief\n\n"
            "BREMEN - Velgrath Feinguss AG, the maker of cast valves, said on Tuesday that finance chief Carla "
            "Imbrecht will run the company from June.\n\n"
            "Imbrecht, 48, joined Velgrath in 2015. \"I am looking forward to this task,\" she said.\n")
    a = analyse(Document(id="velgrath", text=text, lang="en"))
    kinds = {e.name: e.kind for e in a.entities}
    assert "Velgrath Feinguss" not in kinds, kinds
    assert kinds.get("Velgrath Feinguss AG") is MentionKind.ORG, kinds
    quote = next(q for q in a.quotes if "looking forward" in q.text.text)
    assert quote.speaker == "Carla Imbrecht", quote.speaker


def test_a_headline_labelled_with_a_company_is_no_interview() -> None:
    """"Brennhagen Werkzeug: Chefin tritt ab" is a headline, not the first turn of an interview: the paragraphs
    after it are the article's own words, and a quotation in them is its speaker's, not the company's."""
    from succession.extract.pipeline import analyse
    from succession.models import Document

    text = ("Brennhagen Werkzeug: Vorstandschefin Lindmoor tritt ab\n\n"
            "Die Brennhagen Werkzeug AG sucht eine neue Vorstandschefin. Greta Lindmoor lege ihr Amt zum Jahresende "
            "nieder, teilte das Unternehmen mit.\n\n"
            "„Ich gehe mit einem guten Gefühl“, sagte Lindmoor am Dienstag.\n")
    a = analyse(Document(id="brennhagen", text=text, lang="de"))
    assert not any(q.text.text.startswith("Die Brennhagen") for q in a.quotes), [q.text.text for q in a.quotes]
    quote = next(q for q in a.quotes if "guten Gefühl" in q.text.text)
    assert quote.speaker == "Greta Lindmoor", quote.speaker


@pytest.mark.parametrize("title", ["club president", "Harrowgate Albion chairwoman"])
def test_a_word_qualifying_the_speakers_title_is_not_the_speaker(title: str) -> None:
    """"said club president Jane Roe": "club" names the club whose president speaks, not the speaker, and
    neither does the organisation before a title ("said Foo chairwoman Jane Roe")."""
    from succession.extract.pipeline import analyse
    from succession.models import Document

    text = ("Harrowgate Albion part ways with coach Ewan Brannagh\n\n"
            "Harrowgate Albion have dismissed head coach Ewan Brannagh after a run of six defeats.\n\n"
            f"\"Ewan has given everything to this club, and today is a hard day,\" said {title} Maud Pellow.\n")
    a = analyse(Document(id="albion", text=text, lang="en"))
    quote = next(q for q in a.quotes if "hard day" in q.text.text)
    assert quote.speaker == "Maud Pellow", quote.speaker


def test_she_after_a_quotation_is_not_a_woman_named_in_its_words() -> None:
    """'"Jane Roe knows our markets," she said' after a sentence naming the speaker: "she" is the speaker
    named before the quotation, not the woman the quotation talks about."""
    from succession.extract.pipeline import analyse
    from succession.models import Document

    text = ("Marwick Foods names Tamsin Elderby chief executive\n\n"
            "Marwick Foods has named Tamsin Elderby as its next chief executive.\n\n"
            "Outgoing chief executive Hester Quayle welcomed the choice. \"Tamsin Elderby knows our markets "
            "better than anyone,\" she said.\n")
    a = analyse(Document(id="marwick", text=text, lang="en"))
    quote = next(q for q in a.quotes if "knows our markets" in q.text.text)
    assert quote.speaker == "Hester Quayle", quote.speaker
