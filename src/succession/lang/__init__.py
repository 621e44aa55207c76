"""Language knowledge as data: one package per language, one module per concern.

``get_language("de").roles.ROLES`` and so on. Every language has the same modules with the same
UPPERCASE names (a test checks it), so code never branches on a language code: adding a language is
adding a package here plus tests.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType

__all__ = ["LanguageData", "SUPPORTED", "get_language", "CONCERNS"]

SUPPORTED = ("en", "de")
# the modules every language package has
CONCERNS = ("roles", "triggers", "modality", "names", "boilerplate", "dates")


@dataclass(frozen=True)
class LanguageData:
    code: str
    roles: ModuleType
    triggers: ModuleType
    modality: ModuleType
    names: ModuleType
    boilerplate: ModuleType
    dates: ModuleType


@lru_cache(maxsize=None)
def get_language(code: str) -> LanguageData:
    """The language data for an ISO 639-1 code; KeyError for a language succession does not read."""
    if code not in SUPPORTED:
        raise KeyError(f"no language data for {code!r} (supported: {', '.join(SUPPORTED)})")
    mods = {c: importlib.import_module(f"succession.lang.{code}.{c}") for c in CONCERNS}
    return LanguageData(code=code, **mods)
