"""Who said it, where the speaker ranker used to go wrong: a name in the genitive ("Zu Salms Rücktritt
äußerte sich Grabowski"), a source behind small words ("laut einem Sprecher", "according to a spokesman"),
the addressee after the verb ("sagte der Tageszeitung", "told the Gazette"), words capitalised only by
their place ("Zunächst erklärte ..."), a report running on over several sentences. Fictional articles,
through the whole pipeline; and the pieces the ranker's features are made of."""
from __future__ import annotations

import pytest

from succession.extract.coref import People
from succession.models import Analysis, Document, QuoteType
from succession.extract.pipeline import analyse
from succession.quotes.phrases import layout, lemma_is_lower
from succession.quotes.speakers import Mentions, candidate_tokens
from succession.quotes.units import build_units, cues
from succession.extract.sentences import split_sentences

DE = """Wechsel an der Spitze der Nordhafen Werft

Die Nordhafen Werft hat Lotte Grabowski zur Geschäftsführerin ernannt. Ihr Vorgänger ist Henrik Salm.
Bezüglich Salms Abschied äußerte sich Grabowski im Netz: „Er hat die Werft durch schwere Jahre geführt.“
Laut einem Sprecher der Werft soll der Umbau im Frühjahr beginnen.
Der Betriebsratschef Udo Kranich lobte den Wechsel.
Bezüglich Salms Abschied schrieb Kranich im Netz: „Wir verlieren einen guten Chef.“
Salm sagte der Tageszeitung, er habe den Schritt lange geplant.
Zunächst erklärte Grabowski, die Belegschaft werde nicht verkleinert.

Grabowski sagte bei der Betriebsversammlung, die Auftragsbücher seien voll. Die Werft habe Aufträge für drei Jahre.
Der Umbau der Halle koste rund zwölf Millionen Euro. Die Stadt beteilige sich daran.
Neue Stellen würden vor allem in der Fertigung entstehen. Auch Auszubildende seien willkommen.
"""

EN = """New head for Harlow Shipyards

Harlow Shipyards appointed Nadia Brook as managing director. She succeeds Owen Pike.
On Pike's departure, Brook said: "He steered the yard through hard years."
According to a spokesman for the yard, the refit will begin in spring.
Pike told the Gazette that he had planned the step for a long time.

Brook spoke to the staff on Tuesday. "We have work for three years," she said.
"The town is helping with the new hall."
Pike was not at the meeting. "Apprentices are welcome too," Brook added.
"""


@pytest.fixture(scope="module")
def articles() -> dict[str, Analysis]:
    return {lang: analyse(Document(id=f"speakers_{lang}", text=text, lang=lang))
            for lang, text in (("de", DE), ("en", EN))}


@pytest.mark.parametrize(("lang", "words", "speaker", "span"), [
    ("de", "Er hat die Werft durch schwere Jahre geführt", "Lotte Grabowski", "Grabowski"),  # not "Salms"
    ("de", "Wir verlieren einen guten Chef", "Udo Kranich", "Kranich"),  # not "Salms"
    ("en", "He steered the yard through hard years", "Nadia Brook", "Brook"),  # not "Pike's"
    ("de", "soll der Umbau im Frühjahr beginnen", "Sprecher", "Sprecher"),  # laut einem Sprecher
    ("en", "the refit will begin in spring", "spokesman", "spokesman"),  # according to a spokesman
    ("de", "er habe den Schritt lange geplant", "Henrik Salm", "Salm"),  # not the newspaper he spoke to
    ("en", "he had planned the step for a long time", "Owen Pike", "Pike"),  # not the Gazette
    ("de", "die Belegschaft werde nicht verkleinert", "Lotte Grabowski", "Grabowski"),  # not "Zunächst"
    ("de", "die Auftragsbücher seien voll", "Lotte Grabowski", "Grabowski"),
    ("de", "Auch Auszubildende seien willkommen", "Lotte Grabowski", None),  # the report runs on
    ("en", "The town is helping with the new hall", "Nadia Brook", None),  # the quotations run on
    ("en", "Apprentices are welcome too", "Nadia Brook", "Brook"),
])
def test_the_speaker_of_each_construction(articles: dict[str, Analysis], lang: str, words: str, speaker: str,
                                         span: str | None) -> None:
    found = [q for q in articles[lang].quotes if words in q.text.text]
    assert found, (words, [q.text.text for q in articles[lang].quotes])
    q = found[0]
    assert q.speaker == speaker, (words, q.speaker, q.speaker_span)
    if span is not None:
        assert q.speaker_span is not None and q.speaker_span.text == span, (words, q.speaker_span)
    assert q.type in (QuoteType.DIRECT, QuoteType.INDIRECT, QuoteType.REPORTED)


def _units(text: str, lang: str):  # type: ignore[no-untyped-def]
    return build_units(text, split_sentences(text, lang), [])


def test_runs_of_capitalised_words_and_clauses() -> None:
    text = "Der Minister, Jonas Quell, sagte der Zeitung Morgenblatt, alles sei gut."
    u = _units(text, "de")[0]
    lay = layout(text, u, "de")
    words = [t.text for t in u.tokens]
    k = words.index("Quell")
    assert words[lay.run_start[k]] == "Jonas" and lay.run_end[k] == k
    z = words.index("Zeitung")
    assert words[lay.run_end[z]] == "Morgenblatt"  # a noun and the name after it are one run
    assert lay.clause[words.index("Minister")] != lay.clause[k] != lay.clause[words.index("sagte")]
    assert lay.clause[words.index("sagte")] == lay.clause[z] != lay.clause[words.index("alles")]


@pytest.mark.parametrize(("word", "placed"), [("Zunächst", True), ("Egal", True), ("Diese", True),
                                              ("Sprecher", False), ("Werft", False)])
def test_words_capitalised_only_by_their_place(word: str, placed: bool) -> None:
    assert lemma_is_lower(word, "de") is placed


def test_candidates_leave_out_placed_capitals_and_take_speaker_nouns() -> None:
    de = "Zunächst erklärte die Sprecherin, alles sei gut."
    u = _units(de, "de")[0]
    mentions = Mentions(de, [], People(de, []), ())
    assert [u.tokens[k].text for k in candidate_tokens(u, cues("de"), (), mentions)] == ["Sprecherin"]
    en = "According to a spokesman, everything is fine."
    u = _units(en, "en")[0]
    assert "spokesman" in [u.tokens[k].text for k in candidate_tokens(u, cues("en"), (), None)]


def test_a_surname_in_the_genitive_with_its_noun_is_no_person() -> None:
    text = "Henrik Salm geht. Salms Rücktritt kam überraschend."
    people = People(text, [])
    mentions = Mentions(text, people.entities(people.mentions_before(len(text))), people, ())
    at = text.index("Salms")
    hit = mentions.at(at, at + 5)
    assert hit is None or hit[2] == "Henrik Salm"
    assert not any(text[a:b] == "Salms Rücktritt" for a, b, _, _ in mentions.spans)
