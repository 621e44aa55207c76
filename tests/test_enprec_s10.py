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
    text = ("New party in the county\n\nThree Bright Party activists now back Martin Carrow Vale's new Lantern "
            "Party. Mr Carrow-Vale set up the Lantern Party in May, a fortnight after he left the Bright Party.\n")
    events = events_by_article({"a": ("en", text)})["a"]
    holders = {e.holder for e in events}
    assert "Carrow-Vale" not in holders
    assert any(e.holder == "Martin Carrow Vale" for e in events)


_JOIN = ("Oakes back at the Hawks\n\nThe Dorrington Hawks will present Bram Oakes as head coach on Friday. Oakes "
         "left Varley Town in October. Varley coach Linus Fettle expects to join Oakes, who returns to the Hawks "
         "after four years away.\n")


def test_joining_a_person_leaves_the_organisation_of_the_present_title() -> None:
    """"Bar coach X expects to join Foo": X comes from Bar; the start is not at Bar."""
    events = events_by_article({"a": ("en", _JOIN)})["a"]
    fettle = [e for e in events if e.holder == "Linus Fettle" and e.type.value == "appointed"]
    assert fettle and all(e.org != "Varley" for e in fettle)


def test_the_present_title_is_an_origin_only_beside_joining_a_person() -> None:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    def origins(text: str) -> set[str]:
        cands = candidates_for(annotate(prepare(Document(id="j", text=text, lang="en"))))
        return {o.name for c in cands if c.holder == "Linus Fettle" for o in c.orgs if o.features.get("moved_from")}

    assert "Varley" in origins(_JOIN)
    # joining an organisation, or a title with no verb of joining: the title's organisation is no origin
    assert "Varley" not in origins("Club news\n\nVarley coach Linus Fettle will join the Dorrington Hawks.\n")
    assert "Varley" not in origins("Club news\n\nVarley coach Linus Fettle was named manager on Friday.\n")


def test_a_noun_of_change_the_holder_owns_is_the_change_told_again() -> None:
    """"Once Foo's appointment is approved, Bar has its third coach in two years": the appointment told before,
    not a second one at the organisation this sentence names."""
    text = ("New coach for United\n\nDorrington United have appointed Bram Oakes as manager. Oakes, 49, left Varley "
            "Town in the spring. Once Oakes's appointment is approved by the league, the Hawks will have had three "
            "managers in two seasons.\n")
    starts = [e for e in events_by_article({"a": ("en", text)})["a"]
              if e.holder == "Bram Oakes" and e.type.value == "appointed"]
    assert [e.org for e in starts] == ["Dorrington United"]


def test_a_noun_of_change_alone_stays_a_change() -> None:
    text = ("Hawks news\n\nThe Hawks confirmed Bram Oakes's appointment as manager on Friday, a week after he quit "
            "Varley Town.\n")
    starts = [e for e in events_by_article({"a": ("en", text)})["a"]
              if e.holder == "Bram Oakes" and e.type.value == "appointed"]
    assert starts


_PARTED = ("Varga and Hallam go separate ways\n\nTamsin Varga will play next season without coach Dirk Hallam. "
           "\"I chose not to re-hire Dirk Hallam,\" Varga told reporters. Varga took on Hallam when she chose to "
           "part from coach Olek Brandt at the end of a poor clay season.\n")


def _acting(text: str) -> set[tuple[str, str]]:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    cands = candidates_for(annotate(prepare(Document(id="o", text=text, lang="en"))))
    return {(c.holder, c.trigger.text) for c in cands if c.features.get("object_after")}


def test_a_person_before_an_active_trigger_whose_object_is_named_acts_on_it() -> None:
    """"Varga took on Hallam when she chose to part from coach Brandt": Brandt is the one parted from, Hallam is
    no holder of that departure."""
    assert ("Dirk Hallam", "part from") in _acting(_PARTED)
    # nor of a departure the decisions report
    events = events_by_article({"a": ("en", _PARTED)})["a"]
    assert any(e.holder == "Olek Brandt" and e.type.value == "departed" for e in events)
    assert not any(e.holder == "Dirk Hallam" and e.trigger is not None and e.trigger.text == "part from"
                   for e in events)


def test_a_passive_or_a_noun_names_its_holder_before_the_trigger() -> None:
    assert not _acting("Club news\n\nBram Oakes was sacked by chairman Linus Fettle on Friday.\n")
    assert not _acting("Club news\n\nBram Oakes welcomed the appointment of Linus Fettle as chairman.\n")


def test_a_participle_after_another_persons_name_is_that_persons_change() -> None:
    """"He waved away talk of Bar, lately sacked as manager": the sacking is Bar's, not his."""
    text = ("Oakes stays calm\n\nBram Oakes insists he is going nowhere as Dorrington coach. Yet he brushed aside "
            "the parallel fans keep drawing with Linus Fettle, recently sacked as Varley manager in March.\n")
    assert ("Bram Oakes", "sacked") in _acting(text)  # the pronoun's candidate is marked as not the one sacked
    sacked = {e.holder for e in events_by_article({"a": ("en", text)})["a"] if e.type.value == "dismissed"}
    assert sacked == {"Linus Fettle"}


def test_a_change_naming_no_post_of_someone_called_by_a_noun_of_no_post_is_none() -> None:
    """"Their candidate, Foo, was sacked": a candidate holds no post of leadership."""
    text = ("Ward contest\n\nDorrington United have sacked Bram Oakes for missing training. The Lantern Party will "
            "field Jon Hilton in the ward after its candidate, Colin Ardale, was sacked over rude posts online.\n")
    assert not [e for e in events_by_article({"a": ("en", text)})["a"] if e.holder == "Colin Ardale"]


def test_a_noun_of_no_post_leaves_a_named_post_alone() -> None:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    text = "Club news\n\nDorrington United have sacked manager Colin Ardale after six defeats in a row.\n"
    cands = candidates_for(annotate(prepare(Document(id="n", text=text, lang="en"))))
    assert not any(c.features.get("no_post") for c in cands)
    events = events_by_article({"a": ("en", text)})["a"]
    assert any(e.holder == "Colin Ardale" and e.type.value == "dismissed" for e in events)
