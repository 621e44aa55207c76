"""Where a public post is held (issue 8, organisation choice), on fictional articles written for these
tests: a minister's government body as the article names it, a national office's country (by noun,
adjective or genitive), in English and German."""
from __future__ import annotations

import pytest
from conftest import events_by_article

from succession.learned.seats import body_fits_role, countries_named, government_bodies, public_bodies
from succession.models import EventType

END = (EventType.DEPARTED, EventType.DISMISSED)

ARTICLES = {
    # a city named more often than the ministry: the post is still held in the ministry
    "body-en": ("en", "Fisheries minister resigns\n\n"
                      "Fisheries Minister Corwin Haldane resigned on Tuesday after a row over quotas, the Ministry "
                      "of Fisheries said in Port Amberly. Haldane had held the post since 2021. The Ministry of "
                      "Fisheries will name a successor in Port Amberly next week.\n"),
    "body-de": ("de", "Ministerin tritt zurück\n\n"
                      "Küstenschutzministerin Almut Rendlsberger ist am Montag zurückgetreten. Das teilte das "
                      "Küstenschutzministerium in Ostrellingen mit. Rendlsberger war seit drei Jahren im Amt.\n"),
    # the country only as an adjective; a town named twice
    "nation-de": ("de", "Regierungskrise im Pazifik\n\n"
                        "Der kiribatische Ministerpräsident Hauke Tammesfeld ist am Dienstag zurückgetreten. In "
                        "Ostrellingen demonstrierten danach Tausende, auch in Wendtal und in Ostrellingen blieb es "
                        "ruhig.\n"),
    "nation-en": ("en", "Tuvalu's prime minister quits\n\n"
                        "Prime Minister Ellery Pascoe resigned on Friday, a week after losing a vote in parliament. "
                        "Crowds gathered in Port Amberly and in Port Amberly's harbour district. Tuvalu will elect "
                        "a new leader next month.\n"),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list]:
    return events_by_article(ARTICLES)


@pytest.mark.parametrize(("doc", "surname", "org"), [("body-en", "Haldane", "Ministry of Fisheries"),
                                                  ("body-de", "Rendlsberger", "Küstenschutzministerium"),
                                                  ("nation-de", "Tammesfeld", "Kiribati"),
                                                  ("nation-en", "Pascoe", "Tuvalu")])
def test_a_public_post_is_held_in_its_body_or_country(events: dict[str, list], doc: str, surname: str,
                                                      org: str) -> None:
    ended = [e for e in events[doc] if e.holder.split()[-1] == surname and e.type in END]
    assert ended and ended[0].org == org


def test_government_bodies_in_english() -> None:
    text = ("The Ministry of Fisheries and the Department for Coastal Affairs and Ports met the Treasury. "
            "The Fisheries Office agreed. He left the department for an Office job.")
    assert [b.text for b in government_bodies(text, "en")] == [
        "Ministry of Fisheries", "Department for Coastal Affairs and Ports", "Treasury", "Fisheries Office"]


def test_government_bodies_in_german() -> None:
    text = ("Die Bundesregierung, das Küstenschutzministerium und das Bundesministerium für Häfen und Schifffahrt. "
            "Das Ministerium schwieg.")
    assert [b.text for b in government_bodies(text, "de")] == [
        "Bundesregierung", "Küstenschutzministerium", "Bundesministerium für Häfen und Schifffahrt"]


@pytest.mark.parametrize(("body", "role", "lang", "fits"), [
    ("Ministry of Fisheries", "fisheries minister", "en", True),
    ("Ministry of Fisheries", "Chief Secretary to the Fisheries", "en", True),
    ("Ministry of Fisheries", "ports minister", "en", False),
    ("Fisheries Office", "fisheries secretary", "en", True),
    ("Küstenschutzministerium", "Küstenschutzministerin", "de", True),
    ("Bundesküstenschutzministerium", "Küstenschutzminister", "de", True),
    ("Bundesregierung", "Küstenschutzministerin", "de", False),
])
def test_a_body_fits_the_post_it_names(body: str, role: str, lang: str, fits: bool) -> None:
    assert body_fits_role(body, role, lang) is fits


def test_countries_by_noun_adjective_and_genitive() -> None:
    de = countries_named("Der kiribatische Minister. Die Regierung Kiribatis. Tuvalu und Kiribati.", "de")
    assert de == {"Kiribati": 3, "Tuvalu": 1}
    # "Upper Tuvalu" is a longer English name, not the country; the possessive is the country
    en = countries_named("Tuvalu's leader met the Upper Tuvalu league and Kiribati.", "en")
    assert en == {"Tuvalu": 1, "Kiribati": 1}


def test_a_country_spelt_one_letter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    """A transliteration changes a letter inside the name ("Kiribeti"), read after a preposition of place;
    a people ("Spanier"), a word with no preposition before it or a first name is no country."""
    de = countries_named("Soldaten wurden auf die Kiribeti geschickt. Die Spanier kamen aus Irland. "
                         "Kiribeti jubelte.", "de")
    assert de == {"Kiribeti": 1, "Irland": 1}
    assert countries_named("Troops were sent to Kiribeti, not to Tuvalu.", "en") == {"Kiribeti": 1, "Tuvalu": 1}
    import succession.learned.seats as seats

    monkeypatch.setattr(seats, "first_names", lambda: frozenset({"Kiribeti"}))
    assert countries_named("Sie schrieb an Kiribeti.", "de") == {}


def test_a_minister_is_held_in_the_government_the_sentence_names() -> None:
    """No department in the sentence: the government it names by a common noun, also in the plural ("in
    beide Regierungen berufen"), before the department the article names most; a department the
    sentence names still comes first."""
    from succession.learned.candidates import Candidate, OrgOption
    from succession.learned.decide import _seat
    from succession.models import MentionKind, Modality, Span

    assert [b.text for b in public_bodies("Er holte ihn in seine Regierungen.", "de")] == ["Regierungen"]

    def seat(*orgs: OrgOption) -> str | None:
        span = Span(0, 1, "x")
        return _seat(Candidate("Hauke Tammesfeld", MentionKind.PERSON, EventType.APPOINTED, span, span, "minister",
                               Modality.ASSERTED, None, None, "bestellte", {}, orgs))

    ministry = OrgOption("Küstenschutzministerium", {"gov_body": 1.0, "gov_rank=0": 1.0})
    government = OrgOption("Regierungen", {"in_sentence": 1.0, "kind=BODY:government": 1.0})
    country = OrgOption("Kiribati", {"country": 1.0, "country_rank=0": 1.0})
    assert seat(ministry, government, country) == "Regierungen"
    assert seat(ministry, country) == "Küstenschutzministerium"
    named = OrgOption("Küstenschutzministerium", {"gov_body": 1.0, "in_sentence": 1.0})
    assert seat(named, government, country) == "Küstenschutzministerium"
