"""Session 10, true changes the learned decisions rejected: a surname standing for a person the article names in
full is told apart from a lone word (``surname_only`` against ``one_word``), and a candidate of another trigger of
the sentence than the one the answers' evidence holds is learnt as a repeat, not as a change
(``scripts/train_events.py --other-trigger``). Fictional articles written for these tests (English and German)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from succession.extract.pipeline import Annotated, annotate_many, candidates_for
from succession.learned.candidates import Candidate
from succession.models import Document, EventType, MentionKind, Modality, Span

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    sys.path.insert(0, str(REPO / "scripts"))
    return importlib.import_module("train_events")


def _candidates(text: str, lang: str) -> list[Candidate]:
    (a,) = list(annotate_many([Document(id="t", text=text, lang=lang)]))
    assert isinstance(a, Annotated)
    return candidates_for(a)


SURNAMES = {
    "en": ("Jane Quillfeather was appointed chief executive of Marrowby Foods in 2019. "
           "Last week Quillfeather resigned as chief executive of Marrowby Foods.", "Last week"),
    "de": ("Jana Quillfeder wurde 2019 zur Geschäftsführerin der Marrowbyer Backwaren GmbH ernannt. "
           "Vergangene Woche ist Quillfeder als Geschäftsführerin der Marrowbyer Backwaren GmbH zurückgetreten.",
           "Vergangene Woche"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_surname_of_a_person_named_in_full_is_no_lone_word(lang: str) -> None:
    """The later report names the person by surname only: its candidate bears ``surname_only`` (the holder is
    the full name), never ``one_word``, which stays for a name the article never writes in full."""
    text, later = SURNAMES[lang]
    at = text.index(later)
    mine = [c for c in _candidates(text, lang) if c.sentence.start == at and c.etype is EventType.DEPARTED]
    assert mine, "no departure candidate in the later sentence"
    assert all(c.holder.split()[-1] in ("Quillfeather", "Quillfeder") and len(c.holder.split()) == 2 for c in mine)
    assert any(c.features.get("surname_only") for c in mine)
    assert not any(c.features.get("one_word") for c in mine)
    first = [c for c in _candidates(text, lang) if c.sentence.start == 0]
    assert first and not any(c.features.get("surname_only") or c.features.get("one_word") for c in first)


def _cand(text: str, sentence: str, trigger: str, etype: EventType) -> Candidate:
    at = text.index(sentence)
    t0 = text.index(trigger, at)
    return Candidate("Foo Bar", MentionKind.PERSON, etype, Span(at, at + len(sentence), sentence),
                     Span(t0, t0 + len(trigger), trigger), None, Modality.ASSERTED, None, None, "test",
                     {"bias": 1.0, "trig=" + trigger: 1.0})


TWO_TRIGGERS = {
    # the answers cite the clause of the second trigger; the first trigger's object is the same person
    "en": ("Baz United named Qux their first choice to replace Foo Bar, who left Baz United for Quux Rovers in May.",
           "replace", "left Baz United for Quux Rovers in May"),
    "de": ("Baz United nannte Qux als ersten Kandidaten, um Foo Bar zu ersetzen, der Baz United im Mai in Richtung "
           "Quux Rovers verlassen hatte.", "ersetzen", "der Baz United im Mai in Richtung Quux Rovers verlassen hatte"),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_candidate_of_another_trigger_than_the_evidence_is_a_repeat(lang: str) -> None:
    """Two candidates of one person and kind in one sentence: the one whose trigger the answers' evidence holds
    is the change (weight 1); the other is learnt as a repeat told elsewhere (against a change, weight
    ``elsewhere``) by default, and as a change with ``other_trigger`` 1 (before session 10). A single candidate
    whose trigger lies outside the evidence stays a change: nothing else in its sentence tells it."""
    train_events = _script()
    text, other, evidence = TWO_TRIGGERS[lang]
    verb = "left" if lang == "en" else "verlassen"
    told = _cand(text, text, verb, EventType.DEPARTED)
    again = _cand(text, text, other, EventType.DEPARTED)
    gold = {"holder": "Foo Bar", "type": "departed", "org": "Baz United", "evidence": evidence}
    art = {"text": text, "cands": [told, again], "gold": [gold]}
    x, y, w = train_events.event_examples([art], 1, None, 1.0, 0.35, None)
    assert (y, w) == ([1, 0], [1.0, 0.35])
    x, y, w = train_events.event_examples([art], 1, None, 1.0, 0.35, 1.0)
    assert (y, w) == ([1, 1], [1.0, 1.0])
    alone = {"text": text, "cands": [again], "gold": [gold]}
    assert train_events.event_examples([alone], 1, None, 1.0, 0.35, None)[1:] == ([1], [1.0])


def test_shipped_models_record_the_other_trigger_label() -> None:
    """The shipped models were trained with candidates of another trigger than the evidence's as repeats."""
    from succession.learned import load_event_model

    for lang in ("en", "de"):
        model = load_event_model(f"events_{lang}")
        assert model is not None
        assert model.meta.get("other_trigger") == "repeat"
