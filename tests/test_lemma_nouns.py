"""Lemma triggers and German nouns (issue 8), on fictional sentences: a capitalised word inside a sentence
that the lemmatiser reads as a noun is not the verb its lower-case spelling would be."""
from __future__ import annotations

import pytest

from succession.learned.lemmas import lemma_hits


@pytest.mark.parametrize(("sentence", "found"), [
    ("Er lehnte das Angebot aus persönlichen Gründen ab.", []),  # the noun "Grund", not "gründen"
    ("Sie will im Herbst in Wendtal einen Verein gründen.", ["lemma:gründen"]),
    ("Gründen will sie den Verein im Herbst.", ["lemma:gründen"]),  # a verb opening the sentence
    ("Der Abtritt des Trainers kam spät.", ["lemma:abtritt"]),  # a noun trigger stays one
])
def test_a_capitalised_noun_is_no_verb_trigger(sentence: str, found: list[str]) -> None:
    assert [h.trigger.pattern for h in lemma_hits(sentence, "de", [])] == found
