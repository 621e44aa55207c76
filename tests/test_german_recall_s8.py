"""German recall, session 8 (fictional articles; see docs/accuracy.md): the future of a verb of leading with a
body near starts a post, giving up a further term ends one, an installation in office told as a noun starts one,
and a transliterated name joined by a particle is a person."""
from __future__ import annotations

from conftest import candidate_changes, rule_changes

from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.models import Document


def _annotated(text: str) -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))


_rules = rule_changes
_candidates = candidate_changes


def test_the_future_of_leading_a_body_is_a_start() -> None:
    text = ("Die Stiftung Quellgrund hat einen neuen Beirat. Marta Liebenau wird auch den Beirat der Stiftung "
            "Quellgrund leiten.")
    assert ("Marta Liebenau", "appointed") in _rules(text)
    text = "Der Verband Talbrück wählt heute. Jakob Brennholt wird die Partei Talbrück weitere fünf Jahre anführen."
    assert ("Jakob Brennholt", "appointed") in _candidates(text)


def test_leading_a_session_or_a_training_is_no_post() -> None:
    for thing in ("die Sitzung des Vereins Talbrück", "das erste Training des FC Talbrück",
                  "die Ermittlungen der Behörde Talbrück"):
        text = f"Der Verein Talbrück ist neu. Marta Liebenau wird am Montag {thing} leiten."
        assert ("Marta Liebenau", "appointed") not in _candidates(text), thing


def test_giving_up_a_further_term_ends_the_post() -> None:
    text = ("Bürgermeister Jakob Brennholt verzichtete nach langem Zögern auf eine Kandidatur für eine weitere "
            "Amtszeit in Talbrück.")
    assert ("Jakob Brennholt", "departed") in _candidates(text)
    text = "Bürgermeister Jakob Brennholt verzichtet auf eine Wiederwahl."
    assert ("Jakob Brennholt", "departed") in _candidates(text)


def test_giving_up_a_first_candidacy_is_no_departure() -> None:
    text = "Die Unternehmerin Marta Liebenau verzichtet auf eine Kandidatur für das Amt der Bürgermeisterin."
    assert ("Marta Liebenau", "departed") not in _candidates(text)


def test_an_installation_told_as_a_noun_starts_the_post() -> None:
    text = ("Der Bischof Jakob Brennholt besuchte das Heim. Seit Brennholts Weihe zum Bischof im Juni hat das Heim "
            "viel Geld gesammelt.")
    assert ("Jakob Brennholt", "appointed") in _candidates(text)


def test_a_name_joined_by_a_particle_is_a_person() -> None:
    text = "Neuer Innenminister wird der Schiit Dschamir al-Quastir."
    persons = {p.text for sm in _annotated(text).sents for p in sm.persons}
    assert "Dschamir al-Quastir" in persons
    assert ("Dschamir al-Quastir", "appointed") in _rules(text)
    # a word that is no name (a role, a noun for a person, the first word of the sentence) stays out
    text = "Der Minister traf den Sprecher al-Quastir. Auch al-Quastir kam zur Wahl des Präsidenten."
    persons = {p.text for sm in _annotated(text).sents for p in sm.persons}
    assert not any(p.startswith(("Sprecher", "Auch")) for p in persons)


def test_giving_up_a_further_term_ends_the_post_in_english_too() -> None:
    text = "Mayor Jane Quastberg of Fooville said on Monday she would not seek re-election in May."
    a = annotate(prepare(Document(id="t", text=text, lang="en", published="2025-03-14")))
    found = {(c.holder, c.etype.value, c.modality.value) for c in candidates_for(a)}
    assert ("Jane Quastberg", "departed", "asserted") in found or ("Jane Quastberg", "departed", "planned") in found


def test_a_post_now_held_after_a_change_is_a_start() -> None:
    text = ("Die Juristin Marta Liebenau, lange Professorin an der Universität Talbrück, ist seit dem Frühjahr "
            "nun kommissarische Dekanin der Fakultät.")
    assert ("Marta Liebenau", "appointed") in _candidates(text)

