"""Session 9, the learned decisions: a candidate of a change the answers cite in another sentence is a weak
example against a change (``scripts/train_events.py --elsewhere-weight``), on fictional articles written for
these tests (English and German)."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

import pytest

from succession.learned import load_event_model
from succession.learned.candidates import Candidate
from succession.models import EventType, MentionKind, Modality, Span

REPO = Path(__file__).resolve().parents[1]


def _script() -> ModuleType:
    sys.path.insert(0, str(REPO / "scripts"))
    return importlib.import_module("train_events")


def _cand(text: str, sentence: str, features: dict[str, float]) -> Candidate:
    at = text.index(sentence)
    span = Span(at, at + len(sentence), sentence)
    return Candidate("Foo Bar", MentionKind.PERSON, EventType.DEPARTED, span, span, "chair", Modality.ASSERTED,
                     None, None, "test", features)


ARTICLES = {
    "en": ("Foo Bar resigned as chair of Baz Press on Monday. Since his resignation the board has met twice.",
           "Foo Bar resigned as chair of Baz Press on Monday.", "Since his resignation the board has met twice."),
    "de": ("Foo Bar ist als Vorsitzender der Baz Presse zurückgetreten. Seit seinem Rücktritt tagte der Vorstand "
           "zweimal.", "Foo Bar ist als Vorsitzender der Baz Presse zurückgetreten.",
           "Seit seinem Rücktritt tagte der Vorstand zweimal."),
}


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_change_told_in_another_sentence_is_a_weak_example_against(lang: str) -> None:
    """The candidate of the sentence the answers cite is a change (weight 1); the same person's candidate of the
    same kind in a later sentence is learnt against a change with the weight ``elsewhere``, and not at all with
    0 (as before)."""
    train_events = _script()
    text, told, again = ARTICLES[lang]
    gold = {"holder": "Foo Bar", "type": "departed", "role": "chair", "org": "Baz Press", "evidence": told}
    art = {"text": text, "cands": [_cand(text, told, {"bias": 1.0, "rule": 1.0}),
                                   _cand(text, again, {"bias": 1.0, "nominal": 1.0})], "gold": [gold]}
    x, y, w = train_events.event_examples([art], 1, None, 1.0, 0.35)
    assert (y, w) == ([1, 0], [1.0, 0.35])
    assert x[1].get("nominal") == 1.0
    x, y, w = train_events.event_examples([art], 1, None, 1.0, 0.0)
    assert (y, w) == ([1], [1.0])
    # an article whose answers hold no change of the person: the later candidate is an example against, weight 1
    art["gold"] = []
    assert train_events.event_examples([art], 1, None, 1.0, 0.35)[1:] == ([0, 0], [1.0, 1.0])


@pytest.mark.parametrize("lang", ["en", "de"])
def test_shipped_models_record_the_elsewhere_weight(lang: str) -> None:
    """docs/models.md: the shipped models were trained with repeats learnt against a change (weight 0.35) and
    judge the rules' changes at 0.2."""
    model = load_event_model(f"events_{lang}")
    assert model is not None
    assert model.meta.get("elsewhere_weight") == 0.35
    assert model.threshold == 0.2
