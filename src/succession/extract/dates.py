"""Temporal expressions in news text, resolved against the article's publication date.

``find_time_expressions(text, lang, anchor, tense=...)`` finds dates ("17. Oktober 2022", "Anfang 2012"),
relative expressions ("am Mittwoch", "last month", "vor fünf Tagen") and resolves each to a ``DateValue`` at
the precision the text gives. The patterns are built in ``succession.extract.dategrammar`` from the words of
``succession.lang.<code>.dates``; this module scans with them and resolves what they match, so nothing here
knows which language it reads.

Resolution rules (the anchor is the publication date):

- weekday ("am Mittwoch"): past tense -> the one on or before the anchor; future -> on or after.
  "last/letzten Freitag" is strictly before, "next/nächsten Freitag" strictly after, "this/diesen" in the
  anchor's Monday-based week. A weekday in front of a date ("Dienstag, den 12. März") only picks the year.
- day and month without year, bare month or season: past -> the latest not after the anchor; future -> the
  earliest not before it. "seit/since" always looks back. Tense None means past, unless a preposition such
  as "ab/zum/effective" hints at a plan.
- weeks ("last week", "vergangene Woche") give the MONTH holding most of that Monday-based week (its
  Thursday): a day would claim more than the text says.
- "vor zwei Wochen"/"two weeks ago" -> month precision; days -> day; months -> month; years -> year; with
  "heute"/"today" ("Heute vor zwei Jahren") -> day precision.
- "Anfang/Mitte/Ende", "early/mid/late" keep the precision of what they modify ("Ende 2021" -> 2021).
- a bare four-digit number is a year only between 1900 and 2100 and when no amount word surrounds it
  ("2015 Mitarbeiter", "USD 2015", "2015 employees" are not years); after a preposition only a unit
  ("um 2000 Euro") disqualifies it.
"""
from __future__ import annotations

import bisect
import calendar
import datetime as dt
import logging
import re
from dataclasses import dataclass
from types import ModuleType
from typing import Callable

from succession.extract.dategrammar import Grammar, date_vocabulary, grammar
from succession.models import DateValue, Precision

__all__ = ["TimeExpression", "date_vocabulary", "find_full_dates", "find_time_expressions", "reported_as_news"]

LOGGER = logging.getLogger(__name__)

PAST, FUTURE = "past", "future"
_STEPS = {"past": -1, "next": 1, "this": 0}  # modifier direction -> step in periods
_DIRECTIONS = {"past": PAST, "next": FUTURE}
_NUMBER_NEARBY = (re.compile(r"\s\d"), re.compile(r"\d\s$"))
_NEXT_WORD = re.compile(r"\s+(\w)")


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression; offsets are relative to the string that was searched."""

    start: int
    end: int
    text: str
    value: DateValue | None  # None when it needs an anchor that was not given
    relative: bool  # resolution needed the anchor
    future: bool  # points after the anchor
    prep: str | None = None  # the preposition that introduced it ("seit", "on"), lower case


def find_time_expressions(
    text: str, lang: str, anchor: dt.date | None, *, tense: str | None = None
) -> list[TimeExpression]:
    """Temporal expressions in ``text``, sorted by start, non-overlapping (the longest match wins).

    ``anchor`` is the publication date (None: relative expressions keep ``value=None``); ``tense`` ("past",
    "future" or None = past) decides the direction of ambiguous ones such as "am Mittwoch".
    """
    grammar = _grammar_for(text, lang)
    if grammar is None:
        return []
    ctx = _Context(text, grammar, anchor, tense if tense in (PAST, FUTURE) else None)
    found = [e for kind, pattern in grammar.patterns for e in _scan(kind, pattern, ctx)]
    return _non_overlapping(found)


def _grammar_for(text: object, lang: str) -> Grammar | None:
    """The language's date grammar (None, logged, for a language without one); ``text`` must be a str."""
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    try:
        return grammar(lang)
    except (KeyError, ImportError):
        LOGGER.debug("no date grammar for language %r", lang)
        return None


# only these patterns read a day, a month and a year without an anchor (the others give a month, a year or
# something relative), and each needs this character between its numbers (None: none in particular)
_FULL_DATE_KINDS = {"iso": "-", "dotted": ".", "slash": "/", "dmy": None, "mdy": None}
_FOUR_DIGITS = re.compile(r"\d{4}")


def find_full_dates(text: str, lang: str) -> list[TimeExpression]:
    """The absolute dates with day, month and year among ``find_time_expressions(text, lang, None)``, at a
    fraction of its cost: the other patterns run only when a full-date pattern found one (they may
    overlap it and win), so a text without a full date, the usual case, costs five patterns, not all."""
    grammar = _grammar_for(text, lang)
    if grammar is None:
        return []
    if not _FOUR_DIGITS.search(text):
        return []  # every full date has a four-digit year
    ctx = _Context(text, grammar, None, None)
    scanned = {i: (_scan(kind, pattern, ctx) if (char := _FULL_DATE_KINDS[kind]) is None or char in text else [])
               for i, (kind, pattern) in enumerate(grammar.patterns) if kind in _FULL_DATE_KINDS}
    if not any(_is_full_date(e) for found in scanned.values() for e in found):
        return []
    found = [e for i, (kind, pattern) in enumerate(grammar.patterns)
             for e in (scanned[i] if i in scanned else _scan(kind, pattern, ctx))]
    return [e for e in _non_overlapping(found) if _is_full_date(e)]


_WORD = re.compile(r"\w+")


def reported_as_news(clause_text: str, lang: str) -> bool:
    """Whether a clause tells its change as news of the day, in the present or present perfect ("Foo has
    resigned", "Neuer Chef wird Foo"): a word of the language's REPORT_PRESENT and none of REPORT_PAST.
    Such a change, when its sentence names no date, happened about when the article was published."""
    try:
        v = date_vocabulary(lang)
    except KeyError:
        return False
    words = {w.casefold() for w in _WORD.findall(clause_text)}
    return bool(words & set(v.REPORT_PRESENT)) and not words & set(v.REPORT_PAST)


def _is_full_date(e: TimeExpression) -> bool:
    return e.value is not None and not e.relative and e.value.precision is Precision.DAY


def _norm(s: str | None) -> str:
    return " ".join(s.lower().split()).rstrip(".") if s else ""



# ---------------------------------------------------------------------------------------------- scanning


@dataclass(frozen=True, slots=True)
class _Context:
    text: str
    grammar: Grammar
    anchor: dt.date | None
    tense: str | None


@dataclass(frozen=True, slots=True)
class _Reading:
    """What one match says: its value, whether it needed the anchor, and any direction its words give."""

    value: DateValue | None
    relative: bool
    direction: str | None = None  # PAST/FUTURE when the words say so ("next", "ago", "gestern")
    part: str | None = None  # start/mid/end/later/earlier


_Groups = dict[str, "str | None"]
_Resolver = Callable[[re.Match[str], _Groups, _Context], "_Reading | None"]


def _scan(kind: str, pattern: re.Pattern[str], ctx: _Context) -> list[TimeExpression]:
    """All readings of one pattern; after a rejected match the search resumes one character later, so a
    valid expression inside a rejected one ("Mai" in a rejected "Mai 2000 Mitarbeiter") is still found."""
    resolve = _RESOLVERS[kind]
    out: list[TimeExpression] = []
    pos = 0
    while (m := pattern.search(ctx.text, pos)) is not None:
        groups = m.groupdict()
        reading = resolve(m, groups, ctx)
        if reading is None:
            pos = m.start() + 1
            continue
        out.append(TimeExpression(m.start(), m.end(), m.group(), reading.value, reading.relative,
                                  _future(reading, ctx), _norm(groups.get("prep")) or None))
        pos = m.end()
    return out


def _non_overlapping(found: list[TimeExpression]) -> list[TimeExpression]:
    """Longest first (earlier patterns win ties); the kept spans stay sorted, so each check is a bisection."""
    starts: list[int] = []
    chosen: list[TimeExpression] = []
    for e in sorted(found, key=lambda e: (e.start - e.end, e.start)):
        i = bisect.bisect_left(starts, e.start)
        if (i > 0 and chosen[i - 1].end > e.start) or (i < len(chosen) and chosen[i].start < e.end):
            continue
        starts.insert(i, e.start)
        chosen.insert(i, e)
    return chosen


def _future(r: _Reading, ctx: _Context) -> bool:
    if r.part in ("later", "earlier"):
        return r.part == "later"
    if r.direction is not None:
        return r.direction == FUTURE
    a = ctx.anchor
    if r.value is None or a is None:
        return ctx.tense == FUTURE
    if r.value.first_day > a or r.value.last_day < a:
        return r.value.first_day > a
    if r.part == "end":  # "Ende dieses Jahres": the period holds the anchor, its end lies ahead
        return r.value.last_day > a
    return ctx.tense == FUTURE


def _direction(g: _Groups, ctx: _Context) -> str:
    """Which side of the anchor an ambiguous expression lies on."""
    prep, v = _norm(g.get("prep")), ctx.grammar.vocab
    if prep in v.PAST_PREPOSITIONS:
        return PAST
    if ctx.tense is not None:
        return ctx.tense
    return FUTURE if prep in v.FUTURE_PREPOSITIONS else PAST


def _part(g: _Groups, v: ModuleType) -> str | None:
    return v.PARTS.get(_norm(g.get("part"))) if g.get("part") else None


# ---------------------------------------------------------------------------------------------- calendar


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _add_months(day: dt.date, k: int) -> dt.date:
    y, m = divmod(day.month - 1 + k, 12)
    year, month = day.year + y, m + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _add_years(day: dt.date, k: int) -> dt.date:
    return _date(day.year + k, day.month, day.day) or dt.date(day.year + k, day.month, 28)


def _weekday_date(anchor: dt.date, weekday: int, modifier: str | None, direction: str) -> dt.date:
    back, ahead = (anchor.weekday() - weekday) % 7, (weekday - anchor.weekday()) % 7
    if modifier == "past":
        return anchor - dt.timedelta(days=back or 7)
    if modifier == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if modifier == "this":
        return anchor + dt.timedelta(days=weekday - anchor.weekday())
    return anchor + dt.timedelta(days=ahead) if direction == FUTURE else anchor - dt.timedelta(days=back)


def _nearest_day(anchor: dt.date, month: int, day: int, direction: str, weekday: int | None) -> dt.date | None:
    """The day-month nearest the anchor on the side ``direction`` says; a weekday given with it picks the
    year it falls on when one of the neighbouring years fits."""
    cands = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1) if (d := _date(y, month, day))]
    fitting = [d for d in cands if d.weekday() == weekday]
    cands = fitting or cands
    if not cands:
        return None
    if direction == FUTURE:
        return min((d for d in cands if d >= anchor), default=max(cands))
    return max((d for d in cands if d <= anchor), default=min(cands))


def _month_year(anchor: dt.date, month: int, modifier: str | None, direction: str) -> int:
    """Year of a month named without one ("last November", "im Februar")."""
    if modifier == "this":
        return anchor.year
    if modifier == "past":  # "last November": strictly before the anchor's month
        return anchor.year if month < anchor.month else anchor.year - 1
    if modifier == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if direction == FUTURE:  # a bare month: the anchor's own month counts
        return anchor.year if month >= anchor.month else anchor.year + 1
    return anchor.year if month <= anchor.month else anchor.year - 1


def _period_value(anchor: dt.date, unit: str, step: int) -> DateValue:
    if unit == "week":  # the month holding most of the Monday-based week, i.e. its Thursday's month
        monday = anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(weeks=step)
        return DateValue.of(monday + dt.timedelta(days=3), Precision.MONTH)
    if unit == "month":
        return DateValue.of(_add_months(anchor.replace(day=1), step), Precision.MONTH)
    return DateValue(f"{anchor.year + step:04d}")


def _shift(anchor: dt.date, unit: str, k: int, exact: bool) -> DateValue:
    """The date ``k`` units from the anchor, at the precision such a count carries ("vor fünf Tagen": day;
    "vor zwei Wochen": month; "vor sieben Jahren": year); ``exact`` ("Heute vor zwei Jahren") gives the day."""
    if unit == "day":
        return DateValue.of(anchor + dt.timedelta(days=k))
    coarse = Precision.DAY if exact else (Precision.YEAR if unit == "year" else Precision.MONTH)
    if unit == "week":
        return DateValue.of(anchor + dt.timedelta(weeks=k), coarse)
    if unit == "month":
        return DateValue.of(_add_months(anchor, k), coarse)
    return DateValue.of(_add_years(anchor, k), coarse)


# ---------------------------------------------------------------------------------------------- resolvers


def _absolute_day(year: int, month: int, day: int) -> _Reading | None:
    found = _date(year, month, day) if 1900 <= year <= 2100 else None
    return _Reading(DateValue.of(found), False) if found else None


def _day_month(g: _Groups, ctx: _Context, month: int, day: int) -> _Reading | None:
    if g.get("year"):
        return _absolute_day(int(g["year"] or 0), month, day)
    if _date(2000, month, day) is None:  # 2000 is a leap year: only impossible days fail
        return None
    if ctx.anchor is None:
        return _Reading(None, True)
    weekday = ctx.grammar.weekdays.get(_norm(g.get("wd")))
    found = _nearest_day(ctx.anchor, month, day, _direction(g, ctx), weekday)
    return _Reading(DateValue.of(found) if found else None, True)


def _r_iso(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    return _absolute_day(int(g["year"] or 0), int(g["mon"] or 0), int(g["day"] or 0))


def _r_dotted(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    if not g["year"] and not g["prep"]:  # "3.4." alone is too often something else
        return None
    return _day_month(g, ctx, int(g["mon"] or 0), int(g["day"] or 0))


def _r_slash(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    a, b = int(g["a"] or 0), int(g["b"] or 0)
    month_first = b > 12 or (a <= 12 and ctx.grammar.vocab.SLASH_DATE_ORDER == "MDY")
    month, day = (a, b) if month_first else (b, a)
    return _day_month(g, ctx, month, day)


def _r_named_month(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    return _day_month(g, ctx, ctx.grammar.months[_norm(g["month"])], int(g["day"] or 0))


def _r_month(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    v, token = ctx.grammar.vocab, _norm(g["month"])
    season = v.SEASONS.get(token)
    month = season or ctx.grammar.months[token]
    qualifier = _year_qualifier(g, v)
    cued = g["part"] or g["pmod"] or g["year"] or qualifier is not None or (
        g["prep"] and (season is None or _norm(g["prep"]) in v.SEASON_PREPOSITIONS))  # not "to fall"
    if not cued or (token in ctx.grammar.abbreviations and not g["year"]):
        return None
    precision, part = (Precision.YEAR if season else Precision.MONTH), _part(g, v)
    if g["year"]:
        return _Reading(DateValue.of(dt.date(int(g["year"]), month, 1), precision), False, part=part)
    modifier = v.MODIFIERS.get(_norm(g["pmod"]))
    if ctx.anchor is None:
        return _Reading(None, True, _DIRECTIONS.get(modifier or ""), part)
    if qualifier is not None:
        year = ctx.anchor.year + qualifier
    else:
        year = _month_year(ctx.anchor, month, modifier, _direction(g, ctx))
    value = DateValue.of(dt.date(year, month, 1), precision)
    return _Reading(value, True, _DIRECTIONS.get(modifier or ""), part)


def _year_qualifier(g: _Groups, v: ModuleType) -> int | None:
    """Years from the anchor named after a month: "letzten Jahres" -1, "next year" +1, "des Vorjahres" -1."""
    if g.get("qmod"):
        return _STEPS[v.MODIFIERS[_norm(g["qmod"])]]
    if g.get("qrel"):
        return int(v.PERIOD_COMPOUNDS[_norm(g["qrel"])][1])
    return None


def _r_year(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    cued = bool(g["prep"] or g["part"] or g["yprefix"])
    if not _year_ok(ctx, m.start("year"), m.end("year"), cued):
        return None
    return _Reading(DateValue(g["year"] or ""), False, part=_part(g, ctx.grammar.vocab))


def _year_ok(ctx: _Context, start: int, end: int, cued: bool) -> bool:
    """Whether a four-digit number is a year rather than an amount (the regex already checked the range)."""
    gr, text = ctx.grammar, ctx.text
    before, after = text[max(0, start - 24):start], text[end:end + 40]
    if gr.amount_before.search(before):
        return False
    if cued:
        return True
    if gr.quantity_after.match(after) or _NUMBER_NEARBY[0].match(after) or _NUMBER_NEARBY[1].search(before):
        return False
    nxt = _NEXT_WORD.match(after)
    return not (gr.vocab.CAPITALISED_WORD_AFTER_NUMBER_IS_QUANTITY and nxt and nxt.group(1).isupper())


def _r_weekday(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    v = ctx.grammar.vocab
    weekday = v.WEEKDAYS[_norm(g["wd"])]
    modifier = v.MODIFIERS.get(_norm(g["mod"]))
    week = v.MODIFIERS.get(_norm(g["wmod"]))  # "am Mittwoch dieser Woche", "on Monday last week"
    direction = _DIRECTIONS.get(week or modifier or "")
    if ctx.anchor is None:
        return _Reading(None, True, direction)
    if week is not None:
        monday = ctx.anchor - dt.timedelta(days=ctx.anchor.weekday()) + dt.timedelta(weeks=_STEPS[week])
        found = monday + dt.timedelta(days=weekday)
    else:
        found = _weekday_date(ctx.anchor, weekday, modifier, _direction(g, ctx))
    return _Reading(DateValue.of(found), True, direction)


def _r_relday(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    offset = int(ctx.grammar.vocab.RELATIVE_DAYS[_norm(g["rel"])])
    direction = PAST if offset < 0 else FUTURE if offset > 0 else None
    if ctx.anchor is None:
        return _Reading(None, True, direction)
    return _Reading(DateValue.of(ctx.anchor + dt.timedelta(days=offset)), True, direction)


def _r_offset(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    v, num = ctx.grammar.vocab, g["num"] or ""
    count = int(num) if num.isdigit() else int(v.NUMBER_WORDS[_norm(num)])
    sign, direction = (-1, PAST) if g.get("ago") else (1, FUTURE)
    if sign > 0 and ctx.tense != FUTURE:  # outside a future sentence "in 50 Jahren" is a span, not a date
        return None
    if ctx.anchor is None:
        return _Reading(None, True, direction)
    try:
        value = _shift(ctx.anchor, v.UNITS[_norm(g["unit"])], sign * count, bool(g.get("today")))
    except (OverflowError, ValueError):
        return None
    return _Reading(value, True, direction)


def _r_period(m: re.Match[str], g: _Groups, ctx: _Context) -> _Reading | None:
    v = ctx.grammar.vocab
    part = _part(g, v)
    if g["comp"]:
        unit, step, own_part = v.PERIOD_COMPOUNDS[_norm(g["comp"])]
        part = part or own_part
    elif g["mod"] or (part and g["art"]):  # "letzte Woche"; "Ende des Jahres" is this year's end
        unit, step = v.PERIODS[_norm(g["unit"])], _STEPS[v.MODIFIERS.get(_norm(g["mod"]), "this")]
    else:
        return None
    direction = {-1: PAST, 1: FUTURE}.get(step)
    if ctx.anchor is None:
        return _Reading(None, True, direction, part)
    return _Reading(_period_value(ctx.anchor, unit, step), True, direction, part)


_RESOLVERS: dict[str, _Resolver] = {
    "iso": _r_iso, "dotted": _r_dotted, "slash": _r_slash, "dmy": _r_named_month, "mdy": _r_named_month,
    "month": _r_month, "year": _r_year, "weekday": _r_weekday, "relday": _r_relday, "offset": _r_offset,
    "period": _r_period,
}
