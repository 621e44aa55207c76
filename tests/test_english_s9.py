"""English extraction, session 9 (issue 8, English margin), on fictional articles written for these tests: the
organisation the sentence right before names (last) is flagged on a report whose own sentence names none, for
the organisation ranker; English phrasings of a change the triggers read ("splits from",
"not to re-hire") and of no change the modality reads ("no intention of quitting")."""
from __future__ import annotations

import pytest


def _candidates(text: str) -> list:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    return candidates_for(annotate(prepare(Document(id="s9en", text=text, lang="en"))))


def _flagged(text: str, holder: str, flag: str) -> set[str]:
    return {o.name for c in _candidates(text) if c.holder.endswith(holder) for o in c.orgs if o.features.get(flag)}


_SLUMP = ("Quarrels at the top\n\nThe Dorrington Hawks have lost six games in a row and sit bottom of the Varley "
          "League. Harwick Rovers meanwhile keep winning. The Hawks are enduring their worst run since 1990. Coach "
          "Bram Oakes, who took over from Linus Fettle in May, has lost his best players.\n")


def test_the_organisation_the_sentence_before_names_last_is_flagged() -> None:
    """"The Hawks are in a slump. Coach Foo, who took over in May, ...": the sentence naming no organisation is about
    the one just named, not the one named first or most."""
    last = _flagged(_SLUMP, "Oakes", "prev_last|none_here")
    assert last == {"Hawks"} or last == {"The Hawks"}
    assert not _flagged(_SLUMP, "Oakes", "prev_last") & {"Harwick Rovers", "Varley League"}


def test_an_organisation_in_the_sentence_itself_leaves_none_here_off() -> None:
    text = ("Quarrels at the top\n\nThe Dorrington Hawks have lost six games in a row. Coach Bram Oakes joined "
            "Harwick Rovers in May.\n")
    assert not _flagged(text, "Oakes", "prev_last|none_here")


def test_the_sentence_before_is_found_past_a_closing_quotation_mark() -> None:
    from succession.learned.options import _previous_sentence_start

    text = 'It was over. "We lost at Fooville." Coach Bram Oakes left.'
    start = text.index("Coach")
    assert text[_previous_sentence_start(text, start):start].strip() == '"We lost at Fooville."'
    paragraph = "Gone.\n\nThe Hawks lost.\n\nCoach Bram Oakes left."
    start = paragraph.index("Coach")
    assert paragraph[_previous_sentence_start(paragraph, start):start].strip() == "The Hawks lost."


def _rules(text: str) -> list:
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    return list(annotate(prepare(Document(id="s9en", text=text, lang="en"))).rule_events)


@pytest.mark.parametrize(("text", "holder", "kind"), [
    ("Tennis news\n\nThe decision not to re-hire coach Tamsin Varga was made after the season, said the player.\n",
     "Varga", "dismissed"),
    ("Tennis news\n\nThe world number three splits from coach Tamsin Varga after two years together.\n",
     "Varga", "departed"),
])
def test_english_phrasings_of_a_change(text: str, holder: str, kind: str) -> None:
    assert any(e.holder.endswith(holder) and e.type.value == kind for e in _rules(text))


def test_no_intention_of_quitting_is_negated() -> None:
    text = ("Rugby news\n\nHead coach Tamsin Varga insists she has no intention of quitting as coach of the "
            "Fooville Rams.\n")
    found = [e for e in _rules(text) if e.holder.endswith("Varga")]
    assert found and all(e.modality.value == "negated" for e in found)
