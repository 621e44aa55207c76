"""Temporal expressions (succession.extract.dates): grammar, resolution against the anchor, tense direction, guards.

All sentences are invented; people and companies are fictional.
"""
from __future__ import annotations

import datetime as dt
import importlib
import time

import pytest

from succession.extract.dates import TimeExpression, date_vocabulary, find_full_dates, find_time_expressions
from succession.lang import SUPPORTED, get_language
from succession.models import Precision

THU = dt.date(2024, 3, 14)  # a Thursday
WED = dt.date(2024, 3, 13)


def found(text: str, lang: str, anchor: dt.date | None = THU, tense: str | None = None) -> dict[str, str | None]:
    """expression text -> resolved value (or None)."""
    exprs = find_time_expressions(text, lang, anchor, tense=tense)
    return {e.text: (e.value.value if e.value else None) for e in exprs}


def only(text: str, lang: str, anchor: dt.date | None = THU, tense: str | None = None) -> TimeExpression:
    exprs = find_time_expressions(text, lang, anchor, tense=tense)
    assert len(exprs) == 1, exprs
    return exprs[0]


# ---------------------------------------------------------------------------------------------- absolute

ABSOLUTE = [
    ("de", "Die Hartmann Logistik AG nannte am 17. Oktober 2022 den Termin.", "am 17. Oktober 2022", "2022-10-17"),
    ("de", "Der Vertrag von Lena Vogt endet am 17.10.2022 regulär.", "am 17.10.2022", "2022-10-17"),
    ("de", "Laut Register vom 2022-10-17 ist sie Geschäftsführerin.", "vom 2022-10-17", "2022-10-17"),
    ("de", "Ortwin Kessler kam im Oktober 1997 zur Brenner GmbH.", "im Oktober 1997", "1997-10"),
    ("de", "Anfang 2012 übernahm Petra Lindholm den Vorsitz.", "Anfang 2012", "2012"),
    ("de", "Im Herbst 2009 verließ er die Firma.", "Im Herbst 2009", "2009"),
    ("de", "Im Jahr 2017 gründete Jonas Falk die Falk Robotik.", "Im Jahr 2017", "2017"),
    ("de", "Die 2019 gegründete Firma sucht einen Chef.", "2019", "2019"),
    ("de", "Sie leitet ab 1. Jänner 2017 das Werk.", "ab 1. Jänner 2017", "2017-01-01"),
    ("de", "Seit Juli 2006 leitet Heike Brand das Werk.", "Seit Juli 2006", "2006-07"),
    ("de", "Er ist seit 2016 Mitglied des Vorstands.", "seit 2016", "2016"),
    ("de", "Ende 2021 soll der Umbau abgeschlossen sein.", "Ende 2021", "2021"),
    ("de", "Mitte Juni 2021 wurde die Sparte verkauft.", "Mitte Juni 2021", "2021-06"),
    ("de", "Veröffentlicht: Do., 14. März 2024", "Do., 14. März 2024", "2024-03-14"),
    ("en", "Northwind Corp said on October 17, 2022 that its chief would leave.", "on October 17, 2022", "2022-10-17"),
    ("en", "The appointment took effect on 17 October 2022.", "on 17 October 2022", "2022-10-17"),
    ("en", "Records dated 2022-10-17 list her as director.", "2022-10-17", "2022-10-17"),
    ("en", "Omar Lindqvist joined Acme Ltd in October 1997.", "in October 1997", "1997-10"),
    ("en", "The founder died in March, 2011, leaving two heirs.", "in March, 2011", "2011-03"),
    ("en", "Early 2012 saw a change at the top.", "Early 2012", "2012"),
    ("en", "She left in the autumn of 2009.", "in the autumn of 2009", "2009"),
    ("en", "The lab was founded in the year 2017.", "in the year 2017", "2017"),
    ("en", "He became chairman in 1996.", "in 1996", "1996"),
    ("en", "Ruth Adebayo has run the unit since 2006.", "since 2006", "2006"),
    ("en", "The merger should close by the end of 2021.", "by the end of 2021", "2021"),
    ("en", "A new plant will open in mid-2026.", "in mid-2026", "2026"),
    ("en", "Monday, December 12, 2022 was her last day.", "Monday, December 12, 2022", "2022-12-12"),
    ("en", "Thu, 14 Mar 2024 10:00:00 GMT", "Thu, 14 Mar 2024", "2024-03-14"),
    ("en", "The filing of 10/17/2022 names him.", "of 10/17/2022", "2022-10-17"),
]


@pytest.mark.parametrize(("lang", "sentence", "expr", "value"), ABSOLUTE)
def test_absolute_dates_resolve_without_the_anchor(lang: str, sentence: str, expr: str, value: str) -> None:
    for anchor in (THU, None):
        e = only(sentence, lang, anchor)
        assert (e.text, e.value and e.value.value, e.relative) == (expr, value, False)
        assert sentence[e.start:e.end] == e.text


# ---------------------------------------------------------------------------------------------- relative

RELATIVE = [
    ("de", "Am Mittwoch trat Gregor Aumann zurück.", "Am Mittwoch", "2024-03-13"),
    ("de", "Montagabend bestätigte der Aufsichtsrat die Wahl.", "Montagabend", "2024-03-11"),
    ("de", "Gestern Nachmittag wurde Jana Roth abberufen.", "Gestern Nachmittag", "2024-03-13"),
    ("de", "Heute gab die Firma den Abgang bekannt.", "Heute", "2024-03-14"),
    ("de", "Vor fünf Tagen hatte er noch gesprochen.", "Vor fünf Tagen", "2024-03-09"),
    ("de", "Letzte Woche war sie noch im Amt.", "Letzte Woche", "2024-03"),
    ("de", "Letzten Monat wechselte der Finanzchef.", "Letzten Monat", "2024-02"),
    ("de", "Letztes Jahr lief das Geschäft schlecht.", "Letztes Jahr", "2023"),
    ("de", "Vergangenes Jahr verließ sie den Konzern.", "Vergangenes Jahr", "2023"),
    ("de", "Im vergangenen Jahr stieg der Umsatz.", "Im vergangenen Jahr", "2023"),
    ("de", "Im Vorjahr war er noch Vorstand.", "Im Vorjahr", "2023"),
    ("de", "Er wurde im Oktober letzten Jahres entlassen.", "im Oktober letzten Jahres", "2023-10"),
    ("de", "Sie wurde im Oktober des Vorjahres befördert.", "im Oktober des Vorjahres", "2023-10"),
    ("de", "Im Januar dieses Jahres kündigte er an.", "Im Januar dieses Jahres", "2024-01"),
    ("de", "Dieses Jahr wird ein neuer Chef gesucht.", "Dieses Jahr", "2024"),
    ("de", "Er bleibt bis Ende dieses Jahres im Amt.", "bis Ende dieses Jahres", "2024"),
    ("de", "Nächstes Jahr will die Firma expandieren.", "Nächstes Jahr", "2025"),
    ("de", "Kommendes Jahr endet sein Vertrag.", "Kommendes Jahr", "2025"),
    ("de", "Anfang Februar sprach sie mit den Eigentümern.", "Anfang Februar", "2024-02"),
    ("de", "Diesen Sommer gab es Streit im Vorstand.", "Diesen Sommer", "2024"),
    ("de", "Vor fast 7 Jahren gründete er das Start-up.", "Vor fast 7 Jahren", "2017"),
    ("de", "Heute vor drei Jahren ging die Plattform online.", "Heute vor drei Jahren", "2021-03-14"),
    ("de", "Vor einem Jahr wechselte sie nach Graz.", "Vor einem Jahr", "2023"),
    ("de", "Bis zum Jahresende leitet sie die Sparte.", "Bis zum Jahresende", "2024"),
    ("en", "Northwind said on Wednesday that Jane Okafor had resigned.", "on Wednesday", "2024-03-13"),
    ("en", "The board met on Monday to discuss it.", "on Monday", "2024-03-11"),
    ("en", "Monday evening the news broke.", "Monday evening", "2024-03-11"),
    ("en", "Yesterday the chief financial officer quit.", "Yesterday", "2024-03-13"),
    ("en", "Acme confirmed the change today.", "today", "2024-03-14"),
    ("en", "She spoke five days ago.", "five days ago", "2024-03-09"),
    ("en", "He was still in charge last week.", "last week", "2024-03"),
    ("en", "Sales fell last month.", "last month", "2024-02"),
    ("en", "The firm lost money last year.", "last year", "2023"),
    ("en", "He was fired in October last year.", "in October last year", "2023-10"),
    ("en", "She joined last October.", "last October", "2023-10"),
    ("en", "Profits rose this year.", "this year", "2024"),
    ("en", "A successor is due to be named later this year.", "later this year", "2024"),
    ("en", "The unit will be sold next year.", "next year", "2025"),
    ("en", "He will start in February next year.", "in February next year", "2025-02"),
    ("en", "They met in early February.", "in early February", "2024-02"),
    ("en", "The deal closes at the end of the month.", "at the end of the month", "2024-03"),
    ("en", "Tension grew this summer.", "this summer", "2024"),
    ("en", "He founded the company seven years ago.", "seven years ago", "2017"),
    ("en", "A year ago today the product launched.", "A year ago today", "2023-03-14"),
    ("en", "She will stay until the end of the year.", "until the end of the year", "2024"),
    ("en", "The role was created three weeks ago.", "three weeks ago", "2024-02"),
]


@pytest.mark.parametrize(("lang", "sentence", "expr", "value"), RELATIVE)
def test_relative_expressions_resolve_against_the_anchor(lang: str, sentence: str, expr: str, value: str) -> None:
    e = only(sentence, lang, THU)
    assert (e.text, e.value and e.value.value, e.relative) == (expr, value, True)


@pytest.mark.parametrize(("lang", "sentence"), [(lang, s) for lang, s, _, _ in RELATIVE])
def test_relative_expressions_without_anchor_have_no_value(lang: str, sentence: str) -> None:
    e = only(sentence, lang, None)
    assert e.value is None and e.relative


# ---------------------------------------------------------------------------------------------- direction

TENSE = [
    # weekday: past = on or before the anchor, future = on or after
    ("de", "am Mittwoch", THU, "past", "2024-03-13"),
    ("de", "am Mittwoch", THU, "future", "2024-03-20"),
    ("de", "am Mittwoch", WED, "past", "2024-03-13"),
    ("de", "am Donnerstag", THU, "past", "2024-03-14"),
    ("de", "am Freitag", THU, "past", "2024-03-08"),
    ("de", "am Freitag", THU, "future", "2024-03-15"),
    ("de", "letzten Freitag", THU, "future", "2024-03-08"),
    ("de", "nächsten Mittwoch", WED, "past", "2024-03-20"),
    ("en", "on Wednesday", THU, "past", "2024-03-13"),
    ("en", "on Wednesday", THU, "future", "2024-03-20"),
    ("en", "on Wednesday", WED, "past", "2024-03-13"),
    ("en", "on Wednesday", THU, None, "2024-03-13"),
    ("en", "last Wednesday", WED, "past", "2024-03-06"),
    ("en", "next Friday", THU, "past", "2024-03-15"),
    # bare month: past = latest not after the anchor month, future = next, the anchor's month counts
    ("de", "im Februar", THU, "past", "2024-02"),
    ("de", "im Februar", THU, "future", "2025-02"),
    ("de", "im Februar", dt.date(2024, 2, 10), "past", "2024-02"),
    ("de", "im Februar", dt.date(2024, 2, 10), "future", "2024-02"),
    ("en", "in December", THU, "past", "2023-12"),
    ("en", "in December", THU, "future", "2024-12"),
    ("en", "in February", THU, None, "2024-02"),
    ("de", "Anfang Februar", THU, "future", "2025-02"),
    # day and month without year
    ("de", "am 31. März", THU, "past", "2023-03-31"),
    ("de", "zum 31. März", THU, "future", "2024-03-31"),
    ("de", "zum 31. März", THU, None, "2024-03-31"),  # "zum" hints at a plan
    ("de", "am 14. März", THU, "future", "2024-03-14"),
    ("en", "on 12 January", THU, "past", "2024-01-12"),
    ("en", "on January 12", THU, "future", "2025-01-12"),
    ("en", "effective January 12", THU, None, "2025-01-12"),
    # "seit/since" always looks back, whatever the tense
    ("de", "seit Juli", THU, "future", "2023-07"),
    ("en", "since December", THU, "future", "2023-12"),
]


@pytest.mark.parametrize(("lang", "text", "anchor", "tense", "value"), TENSE)
def test_tense_decides_the_direction_of_ambiguous_expressions(
    lang: str, text: str, anchor: dt.date, tense: str | None, value: str
) -> None:
    e = only(text, lang, anchor, tense)
    assert e.text == text and e.value is not None and e.value.value == value


@pytest.mark.parametrize(("lang", "text", "tense", "future"), [
    ("de", "nächstes Jahr", None, True),
    ("de", "letztes Jahr", "future", False),
    ("de", "Ende dieses Jahres", "past", True),
    ("de", "Anfang dieses Jahres", "past", False),
    ("de", "dieses Jahr", "future", True),
    ("de", "zum 31. März", "future", True),
    ("de", "ab 1. Jänner 2017", "future", False),
    ("de", "in zwei Wochen", "future", True),
    ("de", "vor zwei Wochen", "future", False),
    ("en", "later this year", "past", True),
    ("en", "earlier this year", "future", False),
    ("en", "in February next year", None, True),
    ("en", "on Wednesday", "future", True),
    ("en", "on Wednesday", "past", False),
    ("en", "yesterday", "future", False),
])
def test_future_flag(lang: str, text: str, tense: str | None, future: bool) -> None:
    assert only(text, lang, THU, tense).future is future


@pytest.mark.parametrize(("lang", "sentence", "tense", "expected"), [
    ("de", "In drei Jahren soll die Nachfolge geregelt sein.", "future", {"In drei Jahren": "2027"}),
    ("en", "He will retire in two years.", "future", {"in two years": "2026"}),
    ("en", "The loss was the largest in 40 years.", "past", {}),
    ("de", "Es war der höchste Verlust in zehn Jahren.", None, {}),
])
def test_counts_ahead_are_dates_only_in_future_sentences(
    lang: str, sentence: str, tense: str | None, expected: dict[str, str]
) -> None:
    assert found(sentence, lang, THU, tense) == expected


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("de", "am Dienstag dieser Woche", "2024-03-12"),
    ("de", "am Montag der vergangenen Woche", "2024-03-04"),
    ("en", "on Monday of last week", "2024-03-04"),
    ("en", "Tuesday next week", "2024-03-19"),
])
def test_weekday_in_a_named_week(lang: str, text: str, value: str) -> None:
    assert found(text, lang, THU) == {text: value}


def test_weekday_with_explicit_date_is_one_expression_and_the_date_wins() -> None:
    e = only("Sie tritt am Dienstag, den 12. März an.", "de", dt.date(2024, 3, 8), "future")
    assert (e.text, e.value and e.value.value) == ("am Dienstag, den 12. März", "2024-03-12")
    # the weekday picks the year the date falls on it, even against the tense
    e = only("Er ging am Dienstag, den 12. März.", "de", dt.date(2024, 3, 1), "past")
    assert e.value is not None and e.value.value == "2024-03-12"


@pytest.mark.parametrize(("anchor", "value"), [
    (dt.date(2024, 3, 14), "2024-03"),  # Mon 4 - Sun 10 Mar
    (dt.date(2023, 10, 5), "2023-09"),  # Mon 25 Sep - Sun 1 Oct: most days in September
    (dt.date(2023, 11, 2), "2023-10"),  # Mon 23 - Sun 29 Oct
])
def test_last_week_gives_the_month_holding_most_of_the_week(anchor: dt.date, value: str) -> None:
    for lang, text in (("de", "letzte Woche"), ("en", "last week")):
        e = only(text, lang, anchor)
        assert e.value is not None and e.value.value == value


def test_month_arithmetic_crosses_year_boundaries() -> None:
    jan = dt.date(2024, 1, 15)
    assert found("letzten Monat", "de", jan) == {"letzten Monat": "2023-12"}
    assert found("next month", "en", dt.date(2023, 12, 5)) == {"next month": "2024-01"}
    assert found("last December", "en", jan) == {"last December": "2023-12"}
    assert found("Heute vor zwei Jahren", "de", dt.date(2024, 2, 29)) == {"Heute vor zwei Jahren": "2022-02-28"}


# ---------------------------------------------------------------------------------------------- guards


@pytest.mark.parametrize(("lang", "sentence"), [
    ("de", "Die Brenner GmbH beschäftigt 2015 Mitarbeiter an zwölf Standorten."),
    ("de", "Der Umbau kostete 2000 Euro pro Arbeitsplatz."),
    ("de", "Das Paket wog um 2000 Kilogramm weniger und hatte Nr. 2015."),
    ("de", "Rund 2000 Menschen demonstrierten."),
    ("de", "Die Aktie stieg um 2015 Punkte."),
    ("de", "Die Maschine 2015 Turbo ist neu."),
    ("en", "Acme Ltd employs 2015 people in Ohio."),
    ("en", "The fee was $2,015 and later $2015."),
    ("en", "It paid USD 2015 to each worker."),
    ("en", "Some 2000 staff were affected."),
    ("en", "Shareholders may reject the plan."),
    ("en", "The march began at noon."),
    ("en", "Call 0800 2015 4411 for details."),
    ("en", "The index rose 2050 points."),
    ("en", "Margins could fall sharply."),
    ("de", "Die heute-Sendung beginnt später."),
    ("en", "Only 1850 units were built."),
])
def test_numbers_and_words_that_are_not_dates(lang: str, sentence: str) -> None:
    assert find_time_expressions(sentence, lang, THU) == []


@pytest.mark.parametrize(("lang", "sentence", "expr"), [
    ("de", "Im Mai 2000 Euro zu zahlen, wäre falsch.", "Im Mai"),
    ("de", "Die 2018 ernannte Chefin bleibt.", "2018"),
    ("en", "The 2015 report named her.", "2015"),
    ("en", "In May, the board met.", "In May"),
])
def test_dates_next_to_amounts_are_still_found(lang: str, sentence: str, expr: str) -> None:
    assert list(found(sentence, lang)) == [expr]


# ---------------------------------------------------------------------------------------------- shape


def test_results_are_sorted_non_overlapping_and_offsets_match() -> None:
    text = ("Gestern Mittag teilte die Falk Robotik mit, dass Vera Lind ab 1. Jänner 2017 den Vorsitz übernimmt; "
            "sie war seit Juli 2006 im Haus und wurde im Oktober letzten Jahres befördert.")
    exprs = find_time_expressions(text, "de", THU, tense="past")
    assert [e.text for e in exprs] == ["Gestern Mittag", "ab 1. Jänner 2017", "seit Juli 2006",
                                       "im Oktober letzten Jahres"]
    assert all(text[e.start:e.end] == e.text for e in exprs)
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))
    assert [e.prep for e in exprs] == [None, "ab", "seit", "im"]


def test_longest_match_wins() -> None:
    assert list(found("Anfang März 2021 kam sie.", "de")) == ["Anfang März 2021"]
    assert list(found("He left on Monday, December 12, 2022.", "en")) == ["on Monday, December 12, 2022"]


FULL_DATE_LINES = [  # invented bylines, datelines and signatures, with things around the dates that could overlap
    "Von Jana Roth | Dienstag, den 12. März 2024, 10:15 Uhr", "Berlin (dpa) 14.03.2024 - Die Firma meldet",
    "By Omar Lindqvist · Published Monday, December 12, 2022 at 9:30", "2024-03-14T10:00:00Z", "the 3/4/2024 filing",
    "— Vera Lind (@vlind) March 11, 2024", "am 1. Mai 2000 Mitarbeiter", "ab 1. Jänner 2017 bis Ende 2018",
    "Mitte Juni 2021, am Freitag, 18.06.2021, vor zwei Wochen", "on the 1st of May, 2023 and on 2 May 2023",
    "12. März", "2019 2020 2021", "Monday 12 December 2022 last week", "Q3 2024: 1,200 staff (14.3.2024)",
]


@pytest.mark.parametrize("lang", SUPPORTED)
def test_full_dates_are_the_full_grammar_s_day_dates(lang: str) -> None:
    """find_full_dates skips most patterns when no full date is in the text: it must find what the whole
    grammar finds (and keeps, when other expressions overlap)."""
    texts = FULL_DATE_LINES + [s for _, s, _, _ in ABSOLUTE] + [s for _, s, *_ in RELATIVE]
    hits = 0
    for text in texts:
        whole = [e for e in find_time_expressions(text, lang, None)
                 if e.value is not None and not e.relative and e.value.precision is Precision.DAY]
        assert find_full_dates(text, lang) == whole, text
        hits += bool(whole)
    assert hits >= 8  # not vacuous: most of these lines hold a full date


@pytest.mark.parametrize("junk", ["", " ", "\x00\x1d", "2023-99-99", "31.02.2023", "99/99/2023", "0" * 5000,
                                  "vor 999 Jahren", "in 999 years", "((((" * 100, "März März März"])
@pytest.mark.parametrize("lang", SUPPORTED)
def test_junk_never_crashes(junk: str, lang: str) -> None:
    for e in find_time_expressions(junk, lang, THU):
        assert junk[e.start:e.end] == e.text


@pytest.mark.parametrize("lang", SUPPORTED)
def test_long_repetitive_input_stays_linear(lang: str) -> None:
    text = "Montag, 1. Mai 2000 Euro, vor vor 2020 2020 Ende Ende " * 400
    start = time.perf_counter()
    exprs = find_time_expressions(text, lang, THU)
    assert time.perf_counter() - start < 2.0
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))


def test_unknown_language_gives_nothing_and_wrong_type_raises() -> None:
    assert find_time_expressions("le 30 novembre 2023", "fr", THU) == []
    with pytest.raises(TypeError):
        find_time_expressions(None, "de", THU)  # type: ignore[arg-type]


def test_impossible_dates_are_rejected() -> None:
    assert found("am 31. Februar 2023", "de") == {"Februar 2023": "2023-02"}  # the day is dropped, not guessed
    assert found("am 29. Februar 2028", "de") == {"am 29. Februar 2028": "2028-02-29"}


# ---------------------------------------------------------------------------------------------- vocabulary


def _upper_names(module: object) -> dict[str, type]:
    return {n: type(getattr(module, n)) for n in dir(module) if n.isupper()}


def test_every_language_defines_the_same_date_vocabulary() -> None:
    names = {lang: _upper_names(importlib.import_module(f"succession.lang.{lang}.dates")) for lang in SUPPORTED}
    first = names[SUPPORTED[0]]
    assert first, "no vocabulary found"
    for lang, these in names.items():
        assert these == first, f"{lang} differs: {set(these) ^ set(first)}"


def test_vocabulary_is_reachable_through_get_language() -> None:
    for lang in SUPPORTED:
        try:
            module = get_language(lang).dates
        except ImportError as exc:  # other concerns may still be missing while the language packages grow
            pytest.skip(f"get_language({lang!r}) cannot load yet: {exc}")
        assert module is date_vocabulary(lang)


def test_vocabulary_keys_are_lower_case() -> None:
    for lang in SUPPORTED:
        v = date_vocabulary(lang)
        for name in ("MONTHS", "MONTH_ABBREVIATIONS", "WEEKDAYS", "MODIFIERS", "PARTS", "RELATIVE_DAYS", "UNITS"):
            assert all(k == k.lower() for k in getattr(v, name)), (lang, name)


# ---------------------------------------------------------------------------------------------- speed


def test_typical_sentences_are_fast() -> None:
    sentences = [(lang, s) for lang, s, _, _ in ABSOLUTE + RELATIVE]
    for lang, s in sentences:  # compile the grammars first
        find_time_expressions(s, lang, THU)
    start = time.perf_counter()
    for _ in range(5):
        for lang, s in sentences:
            find_time_expressions(s, lang, THU, tense="past")
    per_sentence = (time.perf_counter() - start) / (5 * len(sentences))
    assert per_sentence < 0.002, f"{per_sentence * 1000:.3f} ms per sentence"
