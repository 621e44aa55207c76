"""The date a change of position is given (issue 8, dates): a date fronted in an earlier clause of the sentence,
and the publication day for a change told as news with no date of its own.

All sentences are invented; people and organisations are fictional.
"""
from __future__ import annotations

import pytest

from succession.extract.dates import reported_as_news
from succession.extract.pipeline import analyse
from succession.models import Document, Event


def _events(text: str, lang: str, published: str | None = None) -> list[Event]:
    return list(analyse(Document(id="t", text=text, lang=lang, published=published)).events)


def _date_of(events: list[Event], surname: str) -> str | None:
    mine = [e for e in events if surname in e.holder]
    assert mine, f"no change of {surname} in {[e.holder for e in events]}"
    return mine[0].date.value if mine[0].date else None


# ------------------------------------------------------------------------- a date of an earlier clause

@pytest.mark.parametrize(("lang", "text", "surname", "date"), [
    ("en", "Tobias Quellmann was beaten in the club election of 2003, and resigned as chairman of the "
           "Northfield Rowing Club.", "Quellmann", "2003"),
    ("de", "2012 folgte ihm Karla Wendrich: Sie wurde Präsidentin des Ruderverbands Nordheide.",
     "Wendrich", "2012"),
])
def test_a_date_fronted_in_an_earlier_clause_dates_the_change(lang: str, text: str, surname: str, date: str) -> None:
    assert _date_of(_events(text, lang), surname) == date


def test_a_later_clause_does_not_lend_its_date() -> None:
    """Only a date BEFORE the change's clause sets its time: "... and in 1999 ..." after it is another story."""
    text = ("Jane Pfeffel resigned as chairwoman of the Eastbrook Chess Union, and the union moved its "
            "office to Westham in 1999.")
    events = _events(text, "en")
    assert _date_of(events, "Pfeffel") is None


# ------------------------------------------------------------------------- news of the publication day

@pytest.mark.parametrize(("lang", "clause", "news"), [
    ("en", "Foo has resigned as chief of Bar", True),
    ("en", "Foo is now chief executive of Bar", True),
    ("en", "Foo was chief of Bar and has left", False),
    ("en", "Foo resigned as chief of Bar", False),
    ("de", "Neuer Chef wird Foo", True),
    ("de", "Foo hat Bar verlassen", True),
    ("de", "Foo wurde damals Chef von Bar", False),
    ("de", "Foo trat als Chef von Bar zurück", False),
])
def test_reported_as_news(lang: str, clause: str, news: bool) -> None:
    assert reported_as_news(clause, lang) is news


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Melvin Ostrowe has resigned as chief executive of Harlow Tinworks, the company said."),
    ("de", "Markus Ostrowe hat den Vorsitz des Ruderclubs Nordheide übernommen."),
])
def test_a_change_told_as_news_takes_the_publication_day(lang: str, text: str) -> None:
    assert _date_of(_events(text, lang, published="2031-05-14"), "Ostrowe") == "2031-05-14"


@pytest.mark.parametrize(("lang", "text"), [
    # told in the past: it may have happened long before the article
    ("en", "Melvin Ostrowe resigned as chief executive of Harlow Tinworks after the merger."),
    ("de", "Markus Ostrowe übernahm damals den Vorsitz des Ruderclubs Nordheide."),
])
def test_a_change_told_in_the_past_is_not_dated_by_the_publication(lang: str, text: str) -> None:
    assert _date_of(_events(text, lang, published="2031-05-14"), "Ostrowe") is None


def test_the_publication_day_keeps_its_precision() -> None:
    """An article known only to be of 2031 dates such a change 2031, not 31 December."""
    text = "Melvin Ostrowe has resigned as chief executive of Harlow Tinworks, the company said."
    assert _date_of(_events(text, "en", published="2031"), "Ostrowe") == "2031"


def test_a_date_read_from_the_words_beats_the_publication_day() -> None:
    """Two reports of one change: the one whose date the text states gives the change its date."""
    text = ("Melvin Ostrowe has resigned as chief executive of Harlow Tinworks. "
            "Ostrowe resigned as chief executive of Harlow Tinworks on 2 May 2031.")
    assert _date_of(_events(text, "en", published="2031-05-14"), "Ostrowe") == "2031-05-02"


# ------------------------------------------------------------------------- a date owned by another noun

def test_a_possessive_date_dates_its_noun_not_the_change() -> None:
    """"after Saturday's defeat": Saturday is the match's day; the sacking, told as news, is the article's."""
    text = "Millbrook Athletic have sacked manager Rowan Tesselby following Saturday's 3-0 defeat by Dunmore."
    assert _date_of(_events(text, "en", published="2031-05-14"), "Tesselby") == "2031-05-14"
