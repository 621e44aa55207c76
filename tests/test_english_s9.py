"""English extraction, session 9 (issue 8, English margin), on fictional articles written for these tests: the
organisation the sentence right before names (last) is flagged on a report whose own sentence names none, for
the organisation ranker; English phrasings of a change the triggers read ("splits from",
"not to re-hire", "the head of Bar until last year", "was started by") and of no change the modality reads ("no intention of quitting")."""
from __future__ import annotations

import pytest


def _candidates(text: str) -> list:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    return candidates_for(annotate(prepare(Document(id="s9en", text=text, lang="en"))))


def _flagged(text: str, holder: str, flag: str) -> set[str]:
    return {o.name for c in _candidates(text) if c.holder.endswith(holder) for o in c.orgs if o.features.get(flag)}


_SLUMP = ("Trouble in the dugout\n\nThe Dorrington Hawks have lost six games in a row and sit bottom of the Varley "
          "League. Harwick Rovers meanwhile keep winning. The Hawks have not had a season this poor since 1990. Coach "
          "Bram Oakes, who took over from Linus Fettle in May, has lost his best players.\n")


def test_the_organisation_the_sentence_before_names_last_is_flagged() -> None:
    """"The Hawks are in a slump. Coach Foo, who took over in May, ...": the sentence naming no organisation is about
    the one just named, not the one named first or most."""
    last = _flagged(_SLUMP, "Oakes", "prev_last|none_here")
    assert last == {"Hawks"} or last == {"The Hawks"}
    assert not _flagged(_SLUMP, "Oakes", "prev_last") & {"Harwick Rovers", "Varley League"}


def test_an_organisation_in_the_sentence_itself_leaves_none_here_off() -> None:
    text = ("Trouble in the dugout\n\nThe Dorrington Hawks have lost six games in a row. Coach Bram Oakes joined "
            "Harwick Rovers in May.\n")
    assert not _flagged(text, "Oakes", "prev_last|none_here")


def test_the_sentence_before_is_found_past_a_closing_quotation_mark() -> None:
    from succession.learned.previous import previous_sentence_start as _previous_sentence_start

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
    ("Music news\n\nMartin Oakes, the head of Quillfold Records until last year, told the BBC that sales had slumped.\n",
     "Oakes", "departed"),
    ("Web news\n\nThe Committee for Open Ledgers was started by US engineer Martin Oakes and counts ten members.\n",
     "Oakes", "founded"),
])
def test_english_phrasings_of_a_change(text: str, holder: str, kind: str) -> None:
    assert any(e.holder.endswith(holder) and e.type.value == kind for e in _rules(text))


def test_no_intention_of_quitting_is_negated() -> None:
    text = ("Rugby news\n\nHead coach Tamsin Varga insists she has no intention of quitting as coach of the "
            "Fooville Rams.\n")
    found = [e for e in _rules(text) if e.holder.endswith("Varga")]
    assert found and all(e.modality.value == "negated" for e in found)


def test_a_change_its_sentence_does_not_place_goes_to_the_one_just_named() -> None:
    """"The Hawks are in a slump. Coach Foo, who took over in May, ...": with no rule, seat or name of its own sentence,
    the change is placed at the organisation the sentence before names last, not the ranker's liking for the
    article's most frequent name; one flagged as where a start comes from is never it."""
    from succession.learned import EventModel, LinearModel, decide
    from succession.learned.candidates import Candidate, OrgOption
    from succession.models import EventType, MentionKind, Modality, Span

    def cand(orgs: list[OrgOption]) -> Candidate:
        text = "Coach Bram Oakes, who took over in May, has lost his best players."
        sentence = Span(0, len(text), text)
        return Candidate("Bram Oakes", MentionKind.PERSON, EventType.APPOINTED, sentence, sentence, "coach",
                         Modality.ASSERTED, None, None, "test", {"bias": 1.0}, tuple(orgs))

    m = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({"doc_rank=0": 3.0}, 0.0), 0.2, {},
                   threshold_new=0.6)
    frequent = OrgOption("Harwick Rovers", {"doc_rank=0": 1.0})
    assert [e.org for e in decide("doc", [cand([frequent, OrgOption("Hawks", {"prev_last|none_here": 1.0})])], m)] \
        == ["Hawks"]
    left = OrgOption("Hawks", {"prev_last|none_here": 1.0, "moved_from": 1.0})
    assert [e.org for e in decide("doc", [cand([frequent, left])], m)] == ["Harwick Rovers"]


def test_until_without_a_post_is_no_change() -> None:
    """"until last year" beside no post ("Foo's fans cheered until last year") reports no change."""
    text = "Football news\n\nThe fans of Martin Oakes cheered every Sunday until last year, a survey shows.\n"
    assert not [e for e in _rules(text) if e.holder.endswith("Oakes")]
