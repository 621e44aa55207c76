"""Publication date of an article: from metadata strings, or from the article's own text.

``parse_given_date`` reads what a source states ("2024-03-14T10:00:00Z", "Thu, 14 Mar 2024 10:00:00 GMT",
"14.03.2024"). ``find_publication_date`` looks in the text when nothing is stated, in this order:

1. byline: a short line among the first few that carries a full date and either starts with a cue
   ("By", "Published", "Von", "Veröffentlicht am"), contains a separator ("|", "·") or is nothing but the
   date (with weekday and clock time);
2. dateline: a body line that opens with an optional place ("BERLIN, ", "Wien (dpa) ") and a full date,
   followed by a dash or colon and the story;
3. embedded: the latest full date that ends a line or stands alone on it without a preposition, the way
   embedded social-media posts are signed ("— Jane Doe (@jdoe) March 11, 2024"). Dates inside
   sentences are never used: "ab 1. Jänner 2017" is a plan, not a publication date.

Only dates with day, month and year count; nothing is resolved against today's date.
"""
from __future__ import annotations

import datetime as dt
import email.utils
import logging
import re
from functools import lru_cache
from typing import Callable

from succession.extract.dates import TimeExpression, date_vocabulary, find_full_dates, find_time_expressions
from succession.lang import SUPPORTED
from succession.models import DateValue, Precision

__all__ = ["find_publication_date", "parse_given_date"]

LOGGER = logging.getLogger(__name__)

_HEAD_LINES = 6  # a byline sits among the first non-empty lines (title, standfirst, byline ...)
_BYLINE_MAX_CHARS = 160
_DATELINE_LINES = 12
_DATELINE_PREFIX_CHARS = 60
_DATELINE_MIN_BODY = 20  # characters of story after the date
_SEPARATORS = re.compile(r"[|·•]")
_CLOCK = re.compile(r"(?<!\d)T?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?(?!\d)")
_PLACE = re.compile(r"(?:[^\W\d_][\w.,'’/ -]{0,40}?(?:\s*\([^()]{1,40}\))?\s*[,:–—-]?\s*)?")
_AFTER_DATELINE = re.compile(r"\s*(?:[-–—:|/]|\()")
_LINE_END_PUNCT = " \t.,;:)]\"'”“»«’"
_ISO_LIKE = re.compile(r"(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:[T ]\d.*)?")  # optional clock time
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")


def find_publication_date(text: str, lang: str | None) -> tuple[DateValue, str] | None:
    """(date, basis) with basis "byline", "dateline" or "embedded"; None when the text does not say."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    # the article's language first, then the others: bylines are often left untranslated
    langs = tuple(sorted(SUPPORTED, key=lambda code: code != lang))
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    finders: tuple[tuple[Callable[[list[str], tuple[str, ...]], DateValue | None], str], ...] = (
        (_byline, "byline"), (_dateline, "dateline"), (_embedded, "embedded"))
    for finder, basis in finders:
        found = finder(lines, langs)
        if found is not None:
            return found, basis
    return None


def parse_given_date(value: str) -> DateValue | None:
    """A date stated by a source (metadata, feed, JSON field) at the precision it gives; None if unreadable.
    Time zones are ignored: the date is the one written."""
    if not isinstance(value, str):
        LOGGER.debug("not a date string: %r", value)
        return None
    text = " ".join(value.split())
    iso = _ISO_LIKE.fullmatch(text) or _COMPACT.fullmatch(text)
    if iso is not None:  # shaped like ISO: valid or nothing ("2024-02-30" is not the year 2024)
        return _iso_value(iso)
    return _parse_rfc2822(text) or _parse_in_text(text)


# ---------------------------------------------------------------------------------------------- text


@lru_cache(maxsize=512)
def _full_dates(line: str, langs: tuple[str, ...]) -> tuple[TimeExpression, ...]:
    """Absolute day-precision dates in a line, in the first language that finds any. Cached: the byline
    and dateline finders read the same first lines."""
    for lang in langs:
        found = find_full_dates(line, lang)
        if found:
            return tuple(found)
    return ()


def _byline(lines: list[str], langs: tuple[str, ...]) -> DateValue | None:
    for line in lines[:_HEAD_LINES]:
        if len(line) > _BYLINE_MAX_CHARS:
            continue
        for expr in _full_dates(line, langs):
            if _looks_like_byline(line, expr, langs):
                return expr.value
    return None


def _looks_like_byline(line: str, expr: TimeExpression, langs: tuple[str, ...]) -> bool:
    if _SEPARATORS.search(line):
        return True
    head = line.lstrip(" \t-–—*#:").lower()
    vocabs = [date_vocabulary(lang) for lang in langs]
    if any(_starts_with_word(head, cue) for v in vocabs for cue in v.BYLINE_CUES):
        return True
    rest = _CLOCK.sub(" ", line[:expr.start] + " " + line[expr.end:]).lower()
    words = re.findall(r"\w+", rest)
    noise = {w for v in vocabs for w in (*v.TIME_WORDS, *v.WEEKDAYS, *v.WEEKDAY_ABBREVIATIONS)}
    return all(w in noise for w in words)


def _starts_with_word(text: str, word: str) -> bool:
    return text.startswith(word) and not text[len(word):len(word) + 1].isalnum()


def _dateline(lines: list[str], langs: tuple[str, ...]) -> DateValue | None:
    for line in lines[:_DATELINE_LINES]:
        dates = _full_dates(line, langs)
        if not dates:
            continue
        expr = dates[0]
        prefix, rest = line[:expr.start], line[expr.end:]
        if (expr.start <= _DATELINE_PREFIX_CHARS and expr.prep is None and _PLACE.fullmatch(prefix)
                and _AFTER_DATELINE.match(rest) and len(rest) >= _DATELINE_MIN_BODY):
            return expr.value
    return None


_ENDS_IN_DIGIT = re.compile(r"\d\W{0,3}$")


def _embedded(lines: list[str], langs: tuple[str, ...]) -> DateValue | None:
    found: list[DateValue] = []
    for line in lines:
        if not _ENDS_IN_DIGIT.search(line):
            continue  # the date must end the line, and every full date ends in a number
        line = line[-80:]  # ... so its last characters hold it; long lines are not scanned whole
        for expr in _full_dates(line, langs):
            if expr.prep is None and expr.value is not None and not line[expr.end:].strip(_LINE_END_PUNCT):
                found.append(expr.value)
    return max(found, key=lambda v: v.first_day, default=None)


# ---------------------------------------------------------------------------------------------- metadata


def _iso_value(m: re.Match[str]) -> DateValue | None:
    """'2024-03-14', '2024-03-14T10:00:00Z', '2024/03/14', '2024-03', '2024', '20240314'."""
    parts = [int(p) for p in m.groups() if p is not None]
    if not 1900 <= parts[0] <= 2100:
        return None
    try:
        day = dt.date(*(parts + [1, 1])[:3])
    except ValueError:
        return None
    return DateValue.of(day, (Precision.YEAR, Precision.MONTH, Precision.DAY)[len(parts) - 1])


def _parse_rfc2822(text: str) -> DateValue | None:
    """'Thu, 14 Mar 2024 10:00:00 GMT' (feeds, HTTP headers)."""
    try:
        stamp = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return DateValue.of(stamp.date()) if 1900 <= stamp.year <= 2100 else None


def _parse_in_text(text: str) -> DateValue | None:
    """Anything the date grammar reads without an anchor ('14.03.2024', '17. Oktober 2022, 10:15 Uhr'); the
    most precise reading over all languages wins ("14. März 2024" is only a year to the English grammar)."""
    readings = [(e.value.precision is Precision.DAY, e.value.precision is Precision.MONTH, e.end - e.start, e.value)
                for lang in SUPPORTED for e in find_time_expressions(text, lang, None)
                if e.value is not None and not e.relative]
    return max(readings, key=lambda r: r[:3])[3] if readings else None
