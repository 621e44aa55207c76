"""German recall, session 11 (fictional articles; see docs/accuracy.md): changes for which the engine had no
candidate at all. A sitting holder confirmed in office ("wurde in seinem Amt bestätigt") is re-elected, in the post
the article titles the holder with elsewhere."""
from __future__ import annotations

from conftest import candidate_changes

_candidates = candidate_changes


def test_confirmed_in_office_is_a_reelection() -> None:
    text = ("Quastland hat gewählt. Staatschef Udo Brammstedt bleibt: Die Abgeordneten haben den 61-Jährigen "
            "am Montag im Amt bestätigt.")
    assert ("Udo Brammstedt", "appointed") in _candidates(text)


def test_a_confirmation_in_office_keeps_the_post_the_holder_is_titled_with() -> None:
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    text = ("Quastland hat gewählt. Der quastländische Staatschef Udo Brammstedt eröffnete am Montag eine Brücke. "
            "Im Herbst wurde Brammstedt vom Parlament in seinem Amt bestätigt.")
    a = annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))
    roles = {(e.holder, e.type.value, e.role) for e in a.rule_events}
    assert ("Udo Brammstedt", "appointed", "head of state") in roles
