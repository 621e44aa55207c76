"""English precision, session 10 (issue 8: English precision on every fold split), on fictional articles written
for these tests: a double surname written with a hyphen ("Mr Foo-Bar") is the person the article names once with
a space ("Baz Foo Bar"), so that one person's changes fold into one."""
from __future__ import annotations

from conftest import events_by_article


def test_a_hyphenated_double_surname_is_the_full_name_written_with_a_space() -> None:
    from succession.extract.coref import People

    text = ("Former host Martin Carrow Vale founded the Lantern Party. Mr Carrow-Vale quit the Bright Party last "
            "year. Mira Hollis-Dunn and Anna Dunn spoke.")
    names = ("Martin Carrow Vale", "Carrow-Vale", "Mira Hollis-Dunn", "Anna Dunn")
    people = People(text, [(text.index(n), text.index(n) + len(n), n) for n in names])
    assert people.canonical("Carrow-Vale") == "Martin Carrow Vale"
    # a hyphenated surname whose parts end no full name stays itself, and its last part alone is another person
    assert people.canonical("Hollis-Dunn") == "Mira Hollis-Dunn"
    assert people.canonical("Dunn") == "Anna Dunn"


def test_a_change_told_under_the_hyphenated_surname_is_the_full_names() -> None:
    text = ("Lantern Party gains defectors\n\nThe Bright Party may sue two councillors who defected to Martin Carrow "
            "Vale's Lantern Party. The Lantern Party was formed by Mr Carrow-Vale this month after he quit the "
            "Bright Party.\n")
    events = events_by_article({"a": ("en", text)})["a"]
    holders = {e.holder for e in events}
    assert "Carrow-Vale" not in holders
    assert any(e.holder == "Martin Carrow Vale" for e in events)
