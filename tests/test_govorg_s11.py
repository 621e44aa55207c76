"""Where a regional government's post is held (issue 8, session 11), on fictional articles written for these
tests: the region the holder's own title names by its adjective ("der wendsächsische Kultusminister X"), not
the holder's party nor a city the article names."""
from __future__ import annotations

import pytest
from conftest import events_by_article

from succession.learned.seats import region_before

ARTICLES = {
    # the region only by the adjective of the minister's title; his party named right after his name, a city
    # named twice
    "land_minister": ("de", "Plagiatsvorwurf gegen Minister\n\n"
                            "Ostrellingen – Der wendsächsische Kultusminister Gerold Pfannstiel (Bürgerbund) ist am "
                            "Mittwoch zurückgetreten. In Ostrellingen bestätigte ein Sprecher des Bürgerbunds den "
                            "Rücktritt. Die Universität Ostrellingen prüft seine Doktorarbeit seit Wochen.\n"),
    # one moving up into a seat another left: the body the sentence names, not the post his title names
    "moved_up": ("de", "Neuer Abgeordneter\n\n"
                       "Wendburg – Weil Karl Weidenhammer, Bürgermeister von Wendburg, sein Mandat im Landtag "
                       "zurückgelegt hat, ist Peter Lindqvist, Bürgermeister von Ostrellingen, nachgerückt. Die "
                       "Fraktion begrüßte ihn am Dienstag.\n"),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list]:
    return events_by_article(ARTICLES)


def test_a_land_ministers_post_is_held_in_the_land_his_title_names(events: dict[str, list]) -> None:
    ended = [e for e in events["land_minister"] if e.holder.endswith("Pfannstiel")]
    assert ended and ended[0].org == "Wendsachsen"


def test_one_moving_up_takes_the_seat_in_the_body_the_sentence_names(events: dict[str, list]) -> None:
    started = [e for e in events["moved_up"] if e.holder.endswith("Lindqvist") and e.type.value == "appointed"]
    assert started and started[0].org == "Landtag"


@pytest.mark.parametrize(("text", "places", "found"), [
    # the adjective's stem is the region's name cut short, or ends as regions' names do
    ("Der wendsächsische Kultusminister", [], "Wendsachsen"),
    ("Die burgländische Landesrätin", [], "Burgland"),
    # a place the article names that the stem opens; a capitalised adjective in "-er"
    ("Der ostrische Innenminister", ["Ostrien"], "Ostrien"),
    ("Der Wendburger Landesrat", [], "Wendburg"),
    # no region: a country's adjective (a national post), a stem naming none, a word that is no adjective
    ("Der österreichische Innenminister", [], None),
    ("Der ostrische Innenminister", [], None),
    ("Der neue Innenminister", [], None),
])
def test_the_region_a_titles_adjective_names(text: str, places: list[str], found: str | None) -> None:
    assert region_before(text, text.rindex(" ") + 1, "de", places) == found


def test_english_names_no_region_by_adjective() -> None:
    assert region_before("the Wendish home secretary", 11, "en") is None



# the one who left is named by a pronoun in the sentence before the successor's: her post is the one taken
PRONOUN_PREDECESSOR = ("Wechsel an der Parteispitze\n\n"
                       "Wendburg – Anna Quellmeier hat am Wochenende viele überrascht. Sie legte am Freitag ihr Amt "
                       "als Bürgerbund-Chefin nieder. Ihr Nachfolger soll der Tischler Paul Brandtner werden.\n")


def test_a_successor_takes_the_post_left_in_the_sentence_before() -> None:
    from succession.extract.pipeline import annotate, candidates_for, prepare
    from succession.models import Document

    annotated = annotate(prepare(Document(id="t", text=PRONOUN_PREDECESSOR, lang="de", published="2025-03-14")))
    started = [c for c in candidates_for(annotated) if c.holder.endswith("Brandtner") and c.etype.value == "appointed"]
    assert started and all(c.role == "CEO" for c in started)  # "-Chefin": the post the one before left
