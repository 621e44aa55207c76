"""The organisation of German changes, session 8 (fictional articles; see docs/accuracy.md): a verb-last trigger
with a gap ("wird ... leiten", "trat ... zurück") is placed at the organisation inside the gap, not at one the
clause before it names."""
from __future__ import annotations

from succession.extract.pipeline import Annotated, annotate, prepare
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
