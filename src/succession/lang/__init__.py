"""Language knowledge as data: one package per language, one module per concern.

``get_language("de").roles.ROLES`` and so on. Every language has the same modules with the same
UPPERCASE names (a test checks it), so code never branches on a language code: adding a language is
adding a package here plus tests.
"""
from __future__ import annotations

import importlib
from functools import lru_cache
from types import ModuleType

__all__ = ["LanguageData", "SUPPORTED", "get_language", "CONCERNS"]

SUPPORTED = ("en", "de")
# the modules every language package has
CONCERNS = ("roles", "triggers", "modality", "names", "boilerplate", "dates", "quotes", "orgs")


class LanguageData:
    """One language's data; each concern module is imported on first use."""

    __slots__ = ("code", "_modules")

    def __init__(self, code: str) -> None:
        self.code = code
        self._modules: dict[str, ModuleType] = {}

    def __getattr__(self, concern: str) -> ModuleType:
        if concern not in CONCERNS:
            raise AttributeError(f"language data has no {concern!r} (concerns: {', '.join(CONCERNS)})")
        mod = self._modules.get(concern)
        if mod is None:
            mod = self._modules[concern] = importlib.import_module(f"succession.lang.{self.code}.{concern}")
        return mod

    def __repr__(self) -> str:
        return f"LanguageData({self.code!r})"


@lru_cache(maxsize=None)
def get_language(code: str) -> LanguageData:
    """The language data for an ISO 639-1 code; KeyError for a language succession does not read."""
    if code not in SUPPORTED:
        raise KeyError(f"no language data for {code!r} (supported: {', '.join(SUPPORTED)})")
    return LanguageData(code)
