"""Where a change happens, session 11 (fictional articles; see docs/accuracy.md): a competition ("the Foo Cup",
"Bundesliga") employs no coach and no player, so a team's change is never placed there, while a league's own
chief still is."""
from __future__ import annotations

from conftest import events_by_article


def _orgs(events: list, holder: str) -> set[str | None]:
    return {e.org for e in events if e.holder == holder}


def test_a_coach_leaving_is_not_placed_at_a_league_de() -> None:
    text = ("In der Quastliga kämpft der Tabellenletzte ums Überleben. Trainer Udo Brammstedt hat den Verein am "
            "Montag verlassen. Für ihn übernimmt Karl Fennig, bisher Co-Trainer, das Team.")
    events = events_by_article({"a": ("de", text)})["a"]
    assert _orgs(events, "Udo Brammstedt")  # the change is still reported, at no league
    assert "Quastliga" not in _orgs(events, "Udo Brammstedt") | _orgs(events, "Karl Fennig")


def test_a_manager_is_not_sacked_at_a_league_en() -> None:
    text = ("Brightwell Rovers are bottom of the Quast League. Manager Tom Harrow was sacked by the club on "
            "Monday after a run of defeats in the Quast League.")
    events = events_by_article({"a": ("en", text)})["a"]
    assert "Quast League" not in _orgs(events, "Tom Harrow")


def test_a_league_chief_is_still_at_the_league_en() -> None:
    text = ("The Quast League has lost its chief. Quast League chief executive Tom Harrow resigned on Monday "
            "after a row over television money.")
    events = events_by_article({"a": ("en", text)})["a"]
    assert "Quast League" in _orgs(events, "Tom Harrow")


def test_a_short_name_of_a_league_is_a_competition() -> None:
    from succession.learned.competitions import poor_seat

    text = "Der Klub bleibt in der Quastliga (QBL). Der Präsident der QBL tritt zurück."
    assert poor_seat("QBL", None, "de", text) and poor_seat("QBL", "coach", "de", text)
    assert not poor_seat("QBL", "president", "de", text)
    assert not poor_seat("QBL", None, "de", "Die QBL hat einen neuen Chef.")
