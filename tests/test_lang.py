"""Language data: every language package has the same modules with the same UPPERCASE names, so that
code never needs to know which language it reads (adding a language = adding a package + tests)."""
from __future__ import annotations

import importlib

import pytest

from succession.lang import CONCERNS, SUPPORTED, get_language
from succession.extract.lexicon import lexicon


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
