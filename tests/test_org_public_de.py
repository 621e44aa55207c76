"""Where a German public office is held (issue 8, the organisation of a change), on fictional articles written
for these tests: a region's office in the region the article names only by its adjective ("der wendmärkische
Landtag"), not in the capital city it names more often; a successor named with no post of his own in the
predecessor's post and its seat."""
from __future__ import annotations

import pytest
from conftest import events_by_article

from succession.learned.seats import regions_named
from succession.models import EventType

END = (EventType.DEPARTED, EventType.DISMISSED)

ARTICLES = {
    # the region only by its adjective; its capital city named three times
    "region": ("de", "Neuer Landtag in Ostrellingen\n\n"
                     "Ostrellingen – Am Dienstag trat der neue wendmärkische Landtag in Ostrellingen zur ersten "
                     "Sitzung zusammen. Der scheidende Landeshauptmann Bertold Kranzhuber trat nach zwölf Jahren "
                     "zurück. In Ostrellingen blieb es ruhig.\n"),
    # a successor named with no post of his own: the predecessor's, a title in the same sentence
    "successor": ("de", "Wechsel im Kabinett\n\n"
                        "Weil Küstenschutzminister Anton Weidrich am Freitag überraschend zurücktrat, soll sein "
                        "Nachfolger Konrad Maibach (Bürgerbund) am Montag vereidigt werden. Das "
                        "Küstenschutzministerium bestätigte den Wechsel.\n"),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list]:
    return events_by_article(ARTICLES)


def test_a_regions_office_is_held_in_the_region_named_by_its_adjective(events: dict[str, list]) -> None:
    ended = [e for e in events["region"] if e.holder.endswith("Kranzhuber") and e.type in END]
    assert ended and ended[0].org == "Wendmark"


def test_a_successor_takes_the_predecessors_post_and_its_seat(events: dict[str, list]) -> None:
    started = [e for e in events["successor"] if e.holder.endswith("Maibach") and e.type is EventType.APPOINTED]
    assert started and started[0].role == "Küstenschutzminister"  # the post's title as written
    assert started[0].org == "Küstenschutzministerium"


@pytest.mark.parametrize(("text", "places", "found"), [
    # the stem ends as regions' names do: the adjective's umlaut undone
    ("Der wendmärkische Landtag tagte.", [], {"Wendmark": 1}),
    ("Im burgländischen Landtag und in der burgländischen Landesregierung.", [], {"Burgland": 2}),
    ("Der ober-wendreichische Landtag.", [], {"Ober-Wendreich": 1}),
    # a place the article names that the stem opens, counted with the adjectives
    ("Im ostrischen Landtag. In Ostrien.", ["Ostrien"], {"Ostrien": 2}),
    # a capitalised adjective in "-er"
    ("Der Wendburger Landtag.", [], {"Wendburg": 1}),
    # no region: a stem that names none, a country's adjective (a national body), no region's body after it
    ("Der ostrische Landtag.", [], {}),
    ("Die österreichische Landesregierung.", [], {}),
    ("Der wendmärkische Wein.", [], {}),
    ("Dieser Landtag.", [], {}),
])
def test_regions_named_by_an_adjective(text: str, places: list[str], found: dict[str, int]) -> None:
    assert dict(regions_named(text, "de", places)) == found
