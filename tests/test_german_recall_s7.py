"""German recall, session 7 (fictional articles; see docs/accuracy.md): a mandate to form a government starts
its head, a role the model's person span swallowed after the name is no part of the name, and a surname alone
is a person where an unknown given name stands before it elsewhere."""
from __future__ import annotations

from succession.extract.ner import RuleNer
from succession.extract.pipeline import Annotated, annotate, prepare
from succession.models import Document


def _annotated(text: str) -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))


def _rules(text: str) -> set[tuple[str, str]]:
    return {(e.holder, e.type.value) for e in _annotated(text).rule_events}


def test_a_mandate_to_form_a_government_is_a_start() -> None:
    text = ("Ministerpräsident bleibt der parteilose Jakob Brennholt, der von Staatspräsident Peter Kranz am "
            "Donnerstag mit der Regierungsbildung beauftragt wurde.")
    assert ("Jakob Brennholt", "appointed", "prime minister") in {(e.holder, e.type.value, e.role)
                                                                  for e in _annotated(text).rule_events}
    assert ("Peter Kranz", "appointed") not in _rules(text)


def test_a_role_after_the_name_is_no_part_of_it() -> None:
    text = "Bis 2004 war Jakob Brennholt Chef der Luftwaffe. Danach trat Brennholt zurück."
    persons = {p.text for sm in _annotated(text).sents for p in sm.persons}
    assert "Jakob Brennholt" in persons
    assert not any("Chef" in p for p in persons)


def test_the_cheap_name_pass_stops_before_a_role() -> None:
    text = "Bis 2004 war Jakob Brennholt Chef der Luftwaffe, dann kam Jakob Maria Brennholt."
    found = {text[s.start:s.end] for s in RuleNer()([text])[0]}
    assert found == {"Jakob Brennholt", "Jakob Maria Brennholt"}


def test_a_surname_alone_is_a_holder_where_a_given_name_stands_before_it_elsewhere() -> None:
    # the full name stands only in a sentence no model reads (no trigger, no role), its given name in no list
    text = ("Mal was Neues: Kostas Quastberg hat seine Jacke abgelegt. Die Partei ist neu. Zwar scheiterte "
            "Quastberg als Minister, aber jetzt hat er eine Mission. Er gründet am Dienstag in Berlin eine neue "
            "Bewegung.")
    assert ("Quastberg", "founded") in _rules(text)
    # a noun before the name (one that names a thing, or one with its article) gives no such support
    for before in ("Die Zeitung Quastberg erscheint täglich.", "Die Partei debattierte den Abgang Quastbergs."):
        text = (before + " Die Partei ist neu. Zwar scheiterte Quastberg als Blatt, aber jetzt hat er eine "
                "Mission. Er gründet am Dienstag in Berlin eine neue Bewegung.")
        assert ("Quastberg", "founded") not in _rules(text)
