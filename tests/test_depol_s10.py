"""The organisation of public offices, session 10 (fictional articles; see docs/accuracy.md): a national post
another person bears with its country's adjective or name ("die palauische Bundeskanzlerin Foo") is that
person's, so the article's other holder of the same post holds it in another country it names; a holder's own
title names his state before a country he visits; a government named as led by the holder ("Landesregierung
unter Foo-Chef X") makes him its head; a public body the trigger acts on ("Rückzug ... aus dem Landtag") is
where the change happens; an envoy is placed at the state sending him."""
from __future__ import annotations

from succession.extract.pipeline import analyse, annotate, prepare
from succession.learned.seats import country_before
from succession.models import Document


def _doc(text: str, lang: str = "de") -> Document:
    return Document(id="t", text=text, lang=lang, published="2025-03-14")


def _orgs(text: str, lang: str = "de") -> dict[tuple[str, str], str | None]:
    return {(e.holder, e.type.value): e.org for e in analyse(_doc(text, lang)).events}


def test_the_country_before_a_title_by_adjective_or_name() -> None:
    text = "die palauische Kanzlerin Foo und Tuvalus Kanzler Bar"
    assert country_before(text, text.index("Kanzlerin"), "de") == "Palau"
    assert country_before(text, text.index("Kanzler Bar"), "de") == "Tuvalu"
    assert country_before(text, text.index("Foo"), "de") is None


_TWO_CHANCELLORS = (
    "Bundeskanzlerin Edda Morvik empfing ihren Gast in Palau. Palau und Tuvalu pflegen enge Beziehungen. "
    "Die palauische Bundeskanzlerin Edda Morvik sprach mit dem Gast über die palauische Wirtschaft und die "
    "palauische Fischerei. Das Gespräch galt auch dem Rücktritt von Bundeskanzler Ferdinand Quast, "
    "den der Gast aus Funafuti erläuterte.")


def test_a_chancellor_beside_another_countrys_chancellor_holds_his_post_in_his_own() -> None:
    # Palau is named most, but its chancellorship is Morvik's: Quast's is the other country named
    assert _orgs(_TWO_CHANCELLORS)[("Ferdinand Quast", "departed")] == "Tuvalu"


def test_the_same_in_english() -> None:
    text = ("Prime Minister Edda Morvik welcomed her guest in Palau. Palau and Tuvalu have close ties. The "
            "Palauan prime minister Edda Morvik spoke about the Palauan economy and Palauan fishing. The talks "
            "also covered the resignation of Prime Minister Ferdinand Quast, which the guest explained.")
    assert _orgs(text, "en")[("Ferdinand Quast", "departed")] == "Tuvalu"


def test_a_country_adjective_in_esisch_names_its_country() -> None:
    text = "der bhutanesische Präsident Foo"
    assert country_before(text, text.index("Präsident"), "de") == "Bhutan"


def test_a_presidents_own_title_names_his_state_before_a_country_he_visits() -> None:
    text = ("Palau empfängt hohen Besuch. In Palau und auf den Inseln Palaus wird gefeiert. Der tuvaluische "
            "Präsident Ferdinand Quast ist bei seinem Besuch in Palau überraschend zurückgetreten.")
    assert _orgs(text)[("Ferdinand Quast", "departed")] == "Tuvalu"


def test_the_head_of_a_regional_government_led_by_a_party_chief_holds_the_regions_office() -> None:
    text = ("Der fooländische Landtag tagte am Montag zum ersten Mal. Gewählt wurde die Landesregierung unter "
            "Barpartei-Chef Ferdinand Quast. Danach bestimmten die Abgeordneten ihre Präsidenten.")
    assert _orgs(text)[("Ferdinand Quast", "appointed")] == "Fooland"


def test_a_mayor_leaving_the_assembly_leaves_the_assembly_not_his_town() -> None:
    text = ("Im Landtag wird umgebaut. Nach dem Rückzug des Fooburger Bürgermeisters Ferdinand Quast aus dem "
            "Landtag rückt ein Neuer nach. Fooburg bleibt gelassen.")
    assert _orgs(text)[("Ferdinand Quast", "departed")] == "Landtag"


def test_an_envoy_is_placed_at_the_state_sending_him_not_the_one_he_is_sent_to() -> None:
    text = ("Palau names a new envoy. The government of Palau said on Monday that Ferdinand Quast has been "
            "appointed ambassador to Tuvalu. Palau and Tuvalu signed a fishing treaty last year, and Palau "
            "hopes for more trade.")
    assert _orgs(text, "en")[("Ferdinand Quast", "appointed")] == "Palau"
