"""The organisation of German changes, session 8 (fictional articles; see docs/accuracy.md): a verb-last trigger
with a gap ("wird ... leiten", "trat ... zurück") is placed at the organisation inside the gap, not at one the
clause before it names; the club a verb-final clause names by a common noun ("hat den Verein verlassen") is one
named before its sentence, not an opponent its own sentence names, and is no anaphor when its name follows."""
from __future__ import annotations

from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.models import Document


def _annotated(text: str, lang: str = "de") -> Annotated:
    return annotate(prepare(Document(id="t", text=text, lang=lang, published="2025-03-14")))


def _rules(text: str, lang: str = "de") -> dict[tuple[str, str], str | None]:
    return {(e.holder, e.type.value): e.org for e in _annotated(text, lang).rule_events}


_LEAD = "Die Stiftung Quellgrund feiert. Marta Liebenau wird Chefin der Stiftung Quellgrund. "


def test_the_organisation_inside_a_split_trigger_is_the_posts() -> None:
    text = _LEAD + ("Wie die Stiftung Quellgrund mitteilte, wird Jakob Brennholt künftig den Beirat der Talbrück AG "
                    "leiten.")
    assert _rules(text)[("Jakob Brennholt", "appointed")] == "Talbrück AG"


def test_a_split_trigger_with_no_organisation_inside_keeps_the_clauses() -> None:
    text = _LEAD + "Bei der Talbrück AG wird Jakob Brennholt künftig den Beirat leiten."
    assert _rules(text)[("Jakob Brennholt", "appointed")] == "Talbrück AG"


_FIRM = "Die Quellgrund GmbH feiert. Marta Liebenau wird Chefin der Quellgrund GmbH. "


def test_the_organisation_of_the_triggers_own_clause_beats_the_articles_after_a_comma() -> None:
    # the article's organisation named only in the clause after the verb ("..., teilte Bar mit") says who
    # reported it, not where the change happened
    text = _FIRM + "Jakob Brennholt hat die Talbrück AG nach drei Jahren verlassen, teilte die Quellgrund GmbH mit."
    assert _rules(text)[("Jakob Brennholt", "departed")] == "Talbrück AG"
    text = _FIRM + "Jakob Brennholt ist als Vorstand der Quellgrund GmbH zurückgetreten, teilte die Talbrück AG mit."
    assert _rules(text)[("Jakob Brennholt", "departed")] == "Quellgrund GmbH"


def test_english_the_organisation_left_beats_the_one_reporting_it() -> None:
    text = ("Quellgrund Group is growing. Marta Liebenau became chief executive of Quellgrund Group. Jakob "
            "Brennholt has left Talbrück Bank after three years, Quellgrund Group said on Monday.")
    assert _rules(text, "en")[("Jakob Brennholt", "departed")] == "Talbrück Bank"


def _ruled(text: str, holder: str) -> set[str]:
    """The organisation options of the holder's candidates that the decisions take as the rules' choice."""
    return {o.name for c in candidates_for(_annotated(text)) if c.holder == holder for o in c.orgs
            if o.features.get("from_rule")}


def test_the_club_left_is_named_before_the_sentence_not_the_opponent_in_it() -> None:
    text = ("Der FC Talbrück steckt in Nöten. Nach der Niederlage gegen den FC Quellgrund hat Trainer Olaf "
            "Quastberg den Verein verlassen.")
    assert _ruled(text, "Olaf Quastberg") == {"FC Talbrück"}


def test_a_club_noun_followed_by_its_name_is_no_anaphor() -> None:
    text = "Der FC Talbrück steckt in Nöten. Trainer Olaf Quastberg hat den Verein Quellgrund im Mai verlassen."
    assert _ruled(text, "Olaf Quastberg") == {"Quellgrund"}
