"""A report running on without a verb of saying: "Der Verband kritisierte den Aufschub. Die Stadtwerke hätten
früher beginnen müssen." The second sentence is the association's statement, and its subject ("Die
Stadtwerke") is a word of that statement, not its speaker; the same for a subject beside a modal verb of
hearsay ("Die Täter sollen ... sein"). Fictional sentences: the features the speaker ranker reads, and the
speakers the pipeline gives."""
from __future__ import annotations

import pytest

from succession.extract.coref import People
from succession.extract.pipeline import analyse
from succession.extract.sentences import split_sentences
from succession.models import Analysis, Document
from succession.quotes.detect import unit_cue
from succession.quotes.phrases import speaker_features
from succession.quotes.speakers import Mentions, candidates
from succession.quotes.units import build_units, cues

DE = """Streit um die Wasserleitung in Kleinau

Die Stadtwerke Kleinau haben die Sanierung der Wasserleitung in der Birkenweg verschoben.
Der Verband der Hauseigentümer kritisierte den Aufschub scharf. Die Stadtwerke Kleinau hätten die Arbeiten schon vor Jahren beginnen müssen.

Die Feuerwehr Kleinau berichtete über den Brand. Die Bewohner des Hauses sollen sich rechtzeitig ins Freie gerettet haben.

Das Landesamt für Umwelt gab am Freitag eine Warnung heraus. Die Messwerte im Fluss würden in den nächsten Tagen weiter steigen.
"""


def _features(text: str, word: str) -> list[str]:
    c = cues("de")
    u = build_units(text, split_sentences(text, "de"), [])[0]
    k = [t.text for t in u.tokens].index(word)
    _, cue_k, _ = unit_cue(text, u, c)
    return speaker_features(text, u, k, ((u.start, u.end),), cue_k, c, frozenset(), frozenset(), frozenset())


@pytest.mark.parametrize(("text", "word", "feature"), [
    ("Die Betreiber des Netzes hätten ein Interesse an der Einigung.", "Betreiber", "nocue_stmt_subject"),
    ("Die Täter sollen über ein Kellerfenster eingestiegen sein.", "Täter", "nocue_stmt_subject"),  # hearsay
    ("Weitere Gespräche seien für den Herbst geplant.", "Gespräche", "nocue_stmt_subject"),
    ("Im Frühjahr sei die Lage noch ruhig gewesen.", "Lage", "nocue_stmt_subject_inv"),  # verb before subject
])
def test_the_subject_of_a_konjunktiv_or_hearsay_verb_is_marked(text: str, word: str, feature: str) -> None:
    assert feature in _features(text, word)


@pytest.mark.parametrize(("text", "word"), [
    ("Der Minister sagte, die Opposition werde zustimmen.", "Opposition"),  # a verb of saying: other features
    # the verb after the subject is no Konjunktiv: the Konjunktiv is the clause after "dass"
    ("Die Firma Musterbau beruft sich darauf, dass alles rechtens sei.", "Musterbau"),
    ("Im Frühjahr sei nach Angaben der Fachleute alles ruhig gewesen.", "Angaben"),  # the source
    ("Die Stadtwerke haben die Arbeiten verschoben.", "Stadtwerke"),  # no Konjunktiv at all
])
def test_other_subjects_and_sources_are_not(text: str, word: str) -> None:
    assert not any("stmt_subject" in f for f in _features(text, word))


@pytest.fixture(scope="module")
def article() -> Analysis:
    return analyse(Document(id="statements_de", text=DE, lang="de"))


@pytest.mark.parametrize(("words", "subject"), [
    ("Die Stadtwerke Kleinau hätten die Arbeiten", "Der Verband der Hauseigentümer"),
    ("Die Bewohner des Hauses sollen sich", "Die Feuerwehr Kleinau"),
    ("Die Messwerte im Fluss würden", "Das Landesamt für Umwelt"),
])
def test_a_statement_running_on_is_said_by_the_subject_of_the_sentence_before(
        article: Analysis, words: str, subject: str) -> None:
    found = [q for q in article.quotes if q.text.text.startswith(words)]
    assert found, (words, [q.text.text for q in article.quotes])
    span = found[0].speaker_span
    at = DE.index(subject)
    # a word of the subject phrase (the corpus annotates the phrase, and a word of it counts)
    assert span is not None and at <= span.start and span.end <= at + len(subject), (words, found[0].speaker, span)


def test_the_subject_of_a_unit_before_that_holds_no_quotation_is_marked() -> None:
    text = "Der Verband der Hauseigentümer kritisierte den Aufschub. Die Stadtwerke hätten früher beginnen müssen."
    c = cues("de")
    units = build_units(text, split_sentences(text, "de"), [])
    mentions = Mentions(text, [], People(text, []), c.org_references)
    u = units[1]

    def features(carry_back: int | None, word: str) -> tuple[str, ...]:
        cands = candidates(text, units, 1, ((u.start, u.end),), None, c, mentions, carry_back)
        return next(x.features for x in cands if x.unit is units[0] and x.unit.tokens[x.k].text == word)

    # the sentence before names who spoke and quotes nobody: its subject, not its object, is the likely speaker
    assert {"pu:bare", "pu:bare_opens"} <= set(features(None, "Verband"))
    assert "pu:bare" in features(None, "Aufschub") and "pu:bare_opens" not in features(None, "Aufschub")
    # the sentence before is itself the last quotation with a speaker: that speaker goes on by "carry"
    assert not any("bare" in f for f in features(1, "Verband"))
