"""German recall, session 7 (fictional articles; see docs/accuracy.md): a mandate to form a government starts
its head, and a role the model's person span swallowed after the name is no part of the name."""
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
    text = "Bis 2004 war Jakob Brennholt Chef der Marine. Danach trat Brennholt zurück."
    persons = {p.text for sm in _annotated(text).sents for p in sm.persons}
    assert "Jakob Brennholt" in persons
    assert not any("Chef" in p for p in persons)


def test_the_cheap_name_pass_stops_before_a_role() -> None:
    text = "Bis 2004 war Jakob Brennholt Chef der Marine, dann kam Jakob Maria Brennholt."
    found = {text[s.start:s.end] for s in RuleNer()([text])[0]}
    assert found == {"Jakob Brennholt", "Jakob Maria Brennholt"}
