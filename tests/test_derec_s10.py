"""German recall, session 10 (fictional articles; see docs/accuracy.md): the previous holder named as "der
bisherige <Titel> <Name>" in news of a change leaves the post; "bisherige" before anything but a role and a
name ("das bisherige Bündnis", a teaser's "Bisheriger Co-Trainer übernimmt ...") or after a possessive reports no one's
change; the one a successor follows, in the dative behind a participle phrase ("folgt dem zu Bar abwandernden
Foo als Trainer"), is replaced."""
from __future__ import annotations

from conftest import candidate_changes, rule_changes

from succession.extract.pipeline import Annotated, annotate, prepare
from succession.models import Document


def _annotated(text: str) -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))


_rules = rule_changes
_candidates = candidate_changes


def test_the_previous_holder_named_after_his_title_leaves_the_post() -> None:
    text = ("Quastland hat einen neuen Regierungschef. Der Rat wählte Jana Welkerbaum zur Premierministerin. "
            "Applaus bekam auch der bisherige Premier Udo Brammstedt, der im Saal saß.")
    assert ("Udo Brammstedt", "departed") in _rules(text)
    text = ("Die neue Innenministerin heißt Jana Welkerbaum. Sie durchkreuzt die Pläne des bisherigen "
            "Innenministers Udo Brammstedt.")
    assert ("Udo Brammstedt", "departed") in _rules(text)


def test_previous_before_no_role_and_name_is_no_change() -> None:
    text = "Jakob Brennholt hat das bisherige Bündnis seiner Liste mit der Partei Talbrück im Mai gelöst."
    assert ("Jakob Brennholt", "departed") not in _candidates(text)
    text = "Bisheriger Co-Trainer übernimmt ab Montag beim FC Talbrück – Brennholt beginnt im Mai."
    assert ("Brennholt", "departed") not in _candidates(text)


def test_the_successors_former_post_after_a_possessive_is_no_departure() -> None:
    text = ("Der Trainer des FC Talbrück, Jakob Brennholt, wurde durch seinen bisherigen Assistenten Marta "
            "Liebenau ersetzt.")
    assert ("Marta Liebenau", "departed") not in _rules(text)


def test_previous_holder_in_a_list_of_names_is_no_change() -> None:
    text = ("In den Landtag ziehen Jakob Brennholt, die bisherige Zweite Landtagspräsidentin Marta Liebenau und "
            "Udo Brammstedt ein.")
    assert ("Marta Liebenau", "departed") not in _rules(text)


def test_the_one_followed_behind_a_participle_phrase_is_replaced() -> None:
    text = ("Der frühere Stürmer Jakob Brennholt folgt dem als Sportdirektor zum SV Quastberg abwandernden Udo "
            "Brammstedt ab Juli als Cheftrainer des FC Talbrück.")
    rules = {(e.holder, e.type.value) for e in _annotated(text).rule_events}
    assert ("Jakob Brennholt", "appointed") in rules
    assert ("Udo Brammstedt", "departed") in rules
    assert ("Udo Brammstedt", "appointed") not in rules
