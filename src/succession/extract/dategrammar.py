"""The date grammar of one language: regular expressions built from ``succession.lang.<code>.dates``.

``grammar(lang)`` compiles, once per language, the patterns ``succession.extract.dates`` scans with (dates
written with numbers and month names, and expressions that only mean something against the publication
date). The words come from the language's data module (same UPPERCASE names in every language), so nothing
here knows which language it builds.
"""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from functools import lru_cache
from types import ModuleType
from typing import Iterable

from succession.lang import SUPPORTED

__all__ = ["Grammar", "date_vocabulary", "grammar"]

_YEAR = r"(?:1[89]\d\d|20\d\d|2100)(?!\w)(?![.,]\d)"


@lru_cache(maxsize=None)
def date_vocabulary(lang: str) -> ModuleType:
    """``succession.lang.<lang>.dates``, imported on its own so it works before the other concerns exist."""
    if lang not in SUPPORTED:
        raise KeyError(f"no date vocabulary for {lang!r} (supported: {', '.join(SUPPORTED)})")
    return importlib.import_module(f"succession.lang.{lang}.dates")


def _alt(words: Iterable[str], *, capital: bool = False, dot: bool = False) -> str:
    """A regex matching any of ``words``, built as a trie so that each position is tested in a few steps
    (a flat alternation of 50 words made every pattern 3x slower). ``capital`` demands an upper-case
    initial (months, weekdays: "May" is a month, "may" is not); ``dot`` allows an abbreviation's full stop."""
    trie: dict[str, dict] = {}
    for word in {w.lower() for w in words}:
        node = trie
        for ch in " ".join(word.split()):
            node = node.setdefault(ch, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie, capital, dot) + ")" if trie else "(?!)"


def _trie_regex(node: dict[str, dict], capital: bool, dot: bool) -> str:
    branches = []
    for ch in sorted(k for k in node if k):
        piece = r"\s+" if ch == " " else re.escape(ch)
        if capital and ch.isalpha():
            piece = "(?-i:" + re.escape(ch.upper()) + ")"
        branches.append(piece + _trie_regex(node[ch], False, dot))
    end = r"\.?" if dot else ""
    if not branches:
        return end
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return f"(?:{body}|{end})" if end else f"(?:{body})?"


@dataclass(frozen=True)
class Grammar:
    """One language's compiled date patterns and the vocabulary their resolvers look words up in."""

    vocab: ModuleType
    months: dict[str, int]  # full names and abbreviations
    abbreviations: frozenset[str]
    weekdays: dict[str, int]  # full names and abbreviations
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    amount_before: re.Pattern[str]
    quantity_after: re.Pattern[str]


@dataclass(frozen=True)
class _Pieces:
    """Regex fragments shared by the patterns of one language."""

    prep: str
    part: str
    wd_prefix: str
    month: str
    season_or_month: str
    day: str
    year: str
    year_after: str  # ", 2022" / " 2022" / " of 2009" after a month or day
    mod: str
    arts: str
    count: str


def _pieces(v: ModuleType) -> _Pieces:
    year = _YEAR + rf"(?!\s*[%‰])(?!\s+{_alt(v.UNIT_NOUNS)})"
    joiner = rf"(?:{_alt(v.DAY_MONTH_JOINERS)}\s+)?" if v.DAY_MONTH_JOINERS else ""
    months = rf"{_alt(v.MONTHS, capital=True)}|{_alt(v.MONTH_ABBREVIATIONS, capital=True, dot=True)}"
    weekdays = rf"{_alt(v.WEEKDAYS, capital=True)}|{_alt(v.WEEKDAY_ABBREVIATIONS, capital=True, dot=True)}"
    suffix = rf"(?:\.|{_alt(v.DAY_SUFFIXES)})?" if v.DAY_SUFFIXES else r"\.?"
    arts = _alt(v.ARTICLES)
    return _Pieces(
        prep=rf"(?:(?P<prep>{_alt(v.PREPOSITIONS)})\s+)?",
        part=rf"(?:(?P<part>{_alt(v.PARTS)})(?:\s*-\s*|\s+))?",
        wd_prefix=rf"(?:(?P<wd>{weekdays})(?:\s?{_alt(v.DAYPARTS)})?(?!\w),?\s+(?:{arts}\s+)?)?",
        month=rf"(?P<month>{months})(?!\w)",
        season_or_month=rf"(?P<month>{months}|{_alt(v.SEASONS)})(?!\w)",
        day=rf"(?<![\d.])(?P<day>[0-3]?\d){suffix}(?!\d)",
        year=rf"(?P<year>{year})",
        year_after=rf"(?:,?\s+{joiner}|\s*,\s*)(?P<year>{year})",
        mod=_alt(v.MODIFIERS),
        arts=arts,
        count=rf"(?:(?P<hedge>{_alt(v.HEDGES)})\s+)?(?P<num>\d{{1,3}}|{_alt(v.NUMBER_WORDS)})\s+"
        rf"(?P<unit>{_alt(v.UNITS)})",
    )


def _date_patterns(v: ModuleType, p: _Pieces) -> list[tuple[str, str]]:
    """Patterns for dates written with numbers and month names."""
    joiner = rf"(?:{_alt(v.DAY_MONTH_JOINERS)}\s+)?" if v.DAY_MONTH_JOINERS else ""
    out = [
        ("iso", rf"{p.prep}(?P<year>\d{{4}})-(?P<mon>\d{{1,2}})-(?P<day>\d{{1,2}})(?!\d)"),
        ("dotted", rf"{p.prep}{p.wd_prefix}(?P<day>\d{{1,2}})\.\s?(?P<mon>\d{{1,2}})\.(?:\s?(?P<year>\d{{4}}))?(?!\d)"),
        ("slash", rf"{p.prep}{p.wd_prefix}(?P<a>\d{{1,2}})/(?P<b>\d{{1,2}})/(?P<year>\d{{4}})(?!\d)"),
        ("month", rf"{p.prep}{p.part}(?:(?P<pmod>{p.mod})\s+)?{p.season_or_month}(?:{p.year_after}"
         rf"|\s+(?:{p.arts}\s+)?(?:(?P<qmod>{p.mod})\s+(?P<qunit>{_alt(_year_periods(v))})"
         rf"|(?P<qrel>{_alt(_year_compounds(v))}))(?!\w))?"),
        ("year", rf"{p.prep}{p.part}(?:(?P<yprefix>{_alt(v.YEAR_PREFIXES)})\s+)?(?<![\w.,/$€£¥]){p.year}"),
    ]
    if "DMY" in v.DATE_ORDERS:
        out.append(("dmy", rf"{p.prep}{p.wd_prefix}(?:{p.arts}\s+)?{p.day}\s*{joiner}{p.month}(?:{p.year_after})?"))
    if "MDY" in v.DATE_ORDERS:
        out.append(("mdy", rf"{p.prep}{p.wd_prefix}{p.month}\s+{p.day}(?!\s*[%‰])(?:{p.year_after})?"))
    return out


def _relative_patterns(v: ModuleType, p: _Pieces) -> list[tuple[str, str]]:
    """Patterns that only mean something against the publication date."""
    today = _alt(w for w, off in v.RELATIVE_DAYS.items() if off == 0)
    joiner = rf"(?:{_alt(v.DAY_MONTH_JOINERS)}\s+)?" if v.DAY_MONTH_JOINERS else ""
    periods = rf"(?:(?P<mod>{p.mod})\s+)?(?P<unit>{_alt(v.PERIODS)})|(?P<comp>{_alt(v.PERIOD_COMPOUNDS)})"
    out = [
        ("weekday", rf"{p.prep}(?:(?P<mod>{p.mod})\s+)?(?P<wd>{_alt(v.WEEKDAYS, capital=True)})"
         rf"(?:\s?{_alt(v.DAYPARTS)})?(?!\w)(?!-\w)(?:\s+{joiner}(?:{p.arts}\s+)?(?P<wmod>{p.mod})\s+"
         rf"(?P<wunit>{_alt(w for w, unit in v.PERIODS.items() if unit == 'week')})(?!\w))?"),
        ("relday", rf"{p.prep}(?P<rel>{_alt(v.RELATIVE_DAYS)})(?:\s?{_alt(v.DAYPARTS)})?(?!\w)(?!-\w)"),
        ("period", rf"{p.prep}{p.part}(?:(?P<art>{p.arts})\s+)?(?:{periods})(?!\w)"),
    ]
    for group, before, after in (("ago", v.AGO_BEFORE, v.AGO_AFTER), ("later", v.LATER_BEFORE, v.LATER_AFTER)):
        if before:
            out.append(("offset", rf"(?:(?P<today>{today})\s+)?(?P<{group}>{_alt(before)})\s+{p.count}(?!\w)"))
        if after:
            out.append(("offset", rf"{p.count}\s+(?P<{group}>{_alt(after)})(?:\s+(?P<today>{today}))?(?!\w)"))
    return out


def _year_periods(v: ModuleType) -> list[str]:
    return [w for w, unit in v.PERIODS.items() if unit == "year"]


def _year_compounds(v: ModuleType) -> list[str]:
    return [w for w, (unit, _, part) in v.PERIOD_COMPOUNDS.items() if unit == "year" and part is None]


@lru_cache(maxsize=None)
def grammar(lang: str) -> Grammar:
    v = date_vocabulary(lang)
    p = _pieces(v)
    specs = _date_patterns(v, p) + _relative_patterns(v, p)
    return Grammar(
        vocab=v,
        months={**v.MONTHS, **v.MONTH_ABBREVIATIONS},
        abbreviations=frozenset(v.MONTH_ABBREVIATIONS),
        weekdays={**v.WEEKDAYS, **v.WEEKDAY_ABBREVIATIONS},
        patterns=tuple((kind, re.compile(r"(?<!\w)" + rx, re.IGNORECASE)) for kind, rx in specs),
        amount_before=re.compile(rf"(?:[$€£¥]|(?<!\w){_alt(v.AMOUNT_PREFIXES)}\.?)\s*$", re.IGNORECASE),
        quantity_after=re.compile(rf"\s*[%‰]|\s+{_alt(tuple(v.QUANTITY_NOUNS) + tuple(v.UNIT_NOUNS))}", re.I),
    )
