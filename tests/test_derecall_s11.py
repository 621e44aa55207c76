"""German recall, session 11 (fictional articles; see docs/accuracy.md): changes for which the engine had no
candidate at all. A sitting holder confirmed in office ("wurde in seinem Amt bestätigt") is re-elected; a post
held until a date ("bis 2019 war er Chef der Flotte") was left; an office that someone else held before
("Vorher wurde es von Foo bekleidet") was left by that one."""
from __future__ import annotations

from conftest import candidate_changes

_candidates = candidate_changes


def test_confirmed_in_office_is_a_reelection() -> None:
    text = ("Wahl in Quastland. Der quastländische Staatschef Udo Brammstedt regiert seit Jahren. "
            "Brammstedt war zuletzt 2019 mit großer Mehrheit in seinem Amt bestätigt worden.")
    assert ("Udo Brammstedt", "appointed") in _candidates(text)


def test_a_post_held_until_a_year_was_left() -> None:
    text = ("Der Sultan hat drei Vertraute. Sein Bruder Jakob Brennholt ist Berater, bis 2019 war er "
            "Chef der Flotte.")
    assert ("Jakob Brennholt", "departed") in _candidates(text)


def test_an_office_held_before_by_someone_else_was_left() -> None:
    text = ("Seit April ist das Amt des Präsidenten von Quastland vakant. Vorher wurde es von "
            "Parteichef Udo Brammstedt bekleidet.")
    assert ("Udo Brammstedt", "departed") in _candidates(text)
