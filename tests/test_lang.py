"""Language data: every language package has the same modules with the same UPPERCASE names, so that
code never needs to know which language it reads (adding a language = adding a package + tests)."""
from __future__ import annotations

import dataclasses
import importlib

import pytest

from succession.lang import CONCERNS, SUPPORTED, get_language
from succession.extract.lexicon import lexicon
from succession.extract.triggers import possible_triggers


def _names(code: str, concern: str) -> set[str]:
    mod = importlib.import_module(f"succession.lang.{code}.{concern}")
    return {n for n in vars(mod) if n.isupper()}


@pytest.mark.parametrize("concern", CONCERNS)
def test_every_language_defines_the_same_names(concern: str) -> None:
    reference = _names(SUPPORTED[0], concern)
    assert reference, f"{SUPPORTED[0]}.{concern} defines nothing"
    for code in SUPPORTED[1:]:
        assert _names(code, concern) == reference, f"{code}.{concern} differs from {SUPPORTED[0]}.{concern}"


@pytest.mark.parametrize("code", SUPPORTED)
def test_language_data_compiles(code: str) -> None:
    lx = lexicon(code)
    assert lx.triggers and lx.roles
    # every trigger's type is one the records know, and every role maps to a canonical English role
    assert {t.type for t in lx.triggers} <= {"appointed", "departed", "dismissed", "returned", "leave",
                                             "reassigned", "founded", "moved"}
    assert all(isinstance(v, str) and v for v in lx.roles.values())


def test_unknown_language_is_refused_clearly() -> None:
    with pytest.raises(KeyError, match="no language data"):
        get_language("xx")


@pytest.mark.parametrize(("code", "sentence", "expected"), [
    ("en", "The board appointed Jane Roe as chief executive.", True),
    ("en", "Police fired tear gas at the crowd.", True),  # a trigger word: the events stage decides
    ("en", "Sales rose by four percent in the quarter.", False),
    ("de", "Der Aufsichtsrat hat den Vorstandschef entlassen.", True),
    ("de", "Der Umsatz stieg im Quartal um vier Prozent.", False),
])
def test_cheap_prefilter_never_hides_a_candidate(code: str, sentence: str, expected: bool) -> None:
    lx = lexicon(code)
    full = bool(lx.any_trigger.search(sentence) or lx.role_regex.search(sentence))
    assert full == expected
    assert lx.maybe_candidate(sentence) or not full  # the prefilter is a superset of the full test


def _sentence_for(pattern: str) -> str:
    """An invented sentence that the trigger pattern can match ('word*' inflected, '...' a short gap)."""
    words = ["der Vorstand" if t == "..." else t[:-1] + "en" if t.endswith("*") else t for t in pattern.split()]
    return "Am Montag sagte Lena Vogt, " + " ".join(words) + " sei klar."


@pytest.mark.parametrize("code", SUPPORTED)
def test_trigger_word_index_keeps_every_match(code: str) -> None:
    """Only the triggers whose words a sentence holds are searched (possible_triggers): every trigger that
    matches must be among them, in the lexicon's order, and a lexicon with other triggers gets its own index."""
    lx = lexicon(code)
    sentences = [_sentence_for(t.pattern) for t in lx.triggers] + [
        "The board appointed Jane Roe as chief executive.", "Der Aufsichtsrat hat den Vorstandschef entlassen."]
    matched = 0
    for s in sentences:
        chosen = possible_triggers(s, lx)
        must = [t for t in lx.triggers if t.regex.search(s)]
        assert set(must) <= set(chosen), s
        assert list(chosen) == [t for t in lx.triggers if t in chosen]
        matched += bool(must)
    assert matched >= len(lx.triggers) // 2  # not vacuous: most invented sentences hold their trigger
    other = dataclasses.replace(lx, triggers=lx.triggers[::-1])
    s = sentences[0]
    assert list(possible_triggers(s, other)) == list(possible_triggers(s, lx))[::-1]
