"""German verb-second inversion, session 10 (fictional articles; see docs/accuracy.md): after a fronted phrase
the subject stands between the finite verb and its separable particle ("Am Freitag trat Foo das Amt an"); a
pattern with a gap holds that subject, and the learned candidates read it against the verb alone, as the rules
do, instead of leaving it out as part of the trigger."""
from __future__ import annotations

from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.models import Document


def _annotated(text: str) -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))


def _candidates(text: str) -> dict[tuple[str, str], dict[str, float]]:
    return {(c.holder, c.etype.value): c.features for c in candidates_for(_annotated(text))}


def test_the_subject_inside_a_separable_verb_is_a_full_candidate() -> None:
    text = ("Der Stadtrat von Quastberg hat eine neue Spitze. Nach langem Streit trat die Juristin Marta Liebenau "
            "am Montag das Amt der Oberbürgermeisterin an.")
    cands = _candidates(text)
    assert ("Marta Liebenau", "appointed") in cands
    f = cands[("Marta Liebenau", "appointed")]
    # a candidate of its own, with its position read against the verb "trat", not the rules' bare report
    assert "rule_only" not in f
    assert any(k.startswith("pos=after") for k in f)


def test_a_resignation_with_the_subject_after_the_verb_is_a_full_candidate() -> None:
    text = ("Im Verein Talbrück gibt es Unruhe. Am Dienstag trat Vorsitzender Jakob Brennholt nach elf Jahren "
            "überraschend zurück.")
    cands = _candidates(text)
    assert ("Jakob Brennholt", "departed") in cands
    assert "rule_only" not in cands[("Jakob Brennholt", "departed")]


def test_a_name_before_the_verb_still_is_not_inside_the_gap() -> None:
    text = "Jakob Brennholt trat am Dienstag als Vorsitzender des Vereins Talbrück zurück."
    cands = _candidates(text)
    assert ("Jakob Brennholt", "departed") in cands
    assert any(k.startswith("pos=before") for k in cands[("Jakob Brennholt", "departed")])


def _rules(text: str) -> set[tuple[str, str]]:
    return {(e.holder, e.type.value) for e in _annotated(text).rule_events}


def test_after_a_fronted_phrase_the_first_name_replaces_the_second() -> None:
    text = ("Der Verein Talbrück hat eine neue Spitze. Im Mai löste Jana Welkerbaum ihren Kollegen Udo Brammstedt "
            "ab.")
    rules = _rules(text)
    assert ("Jana Welkerbaum", "appointed") in rules
    assert ("Udo Brammstedt", "departed") in rules
    assert ("Udo Brammstedt", "appointed") not in _candidates(text)


def test_in_plain_order_the_name_inside_the_gap_is_the_one_replaced() -> None:
    text = "Der Verein Talbrück hat eine neue Spitze. Jana Welkerbaum löste den Vorsitzenden Udo Brammstedt im Mai ab."
    rules = _rules(text)
    assert ("Jana Welkerbaum", "appointed") in rules
    assert ("Udo Brammstedt", "departed") in rules
    assert ("Udo Brammstedt", "appointed") not in _candidates(text)


def test_a_dative_pronoun_before_the_successor_after_the_verb() -> None:
    text = ("Udo Brammstedt leitete den Verein Talbrück zwölf Jahre lang. 1990 folgte ihm Bodo Pfeil als "
            "Vorsitzender.")
    assert ("Bodo Pfeil", "appointed") in _rules(text)


def test_a_name_after_a_preposition_inside_the_gap_is_no_subject() -> None:
    text = ("Jakob Brennholt war drei Jahre Sprecher des Vereins Talbrück. Nach der Wahl kehrt er als Berater zu "
            "Marta Liebenau zurück.")
    assert ("Marta Liebenau", "returned") not in _candidates(text)
