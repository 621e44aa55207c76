"""German succession, session 11 (fictional articles; see docs/accuracy.md): "folgen auf" names the one
replaced after its preposition ("Foo folgte auf Bar", "Auf Bar folgte Foo"); the one starting takes the post
the one replaced held, and nobody follows on a rank or a thing ("folgte auf Platz zwei")."""
from __future__ import annotations

from conftest import candidate_changes


def _rule_changes(text: str) -> set[tuple[str, str, str | None]]:
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    a = annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))
    return {(e.holder, e.type.value, e.role) for e in a.rule_events}


def test_fronted_predecessor_then_successor_takes_the_post() -> None:
    text = ("Quastland bekommt einen neuen Staatschef. Staatspräsident Udo Brammstedt regiert seit zehn Jahren. "
            "Auf Brammstedt, dem die Verfassung eine dritte Wahlperiode verwehrt, folgt im Herbst der Jurist "
            "Jens Oltrup.")
    changes = _rule_changes(text)
    assert ("Jens Oltrup", "appointed", "head of state") in changes
    assert ("Jens Oltrup", "appointed") in candidate_changes(text)


def test_successor_follows_on_the_one_named_after_auf() -> None:
    text = ("Fooheim bekommt eine neue Spitze. Bürgermeister Udo Brammstedt regierte die Stadt zwölf Jahre. "
            "Im Mai folgte Jens Oltrup auf Brammstedt.")
    changes = _rule_changes(text)
    assert ("Jens Oltrup", "appointed", "mayor") in changes
    assert not any(h == "Udo Brammstedt" and t == "appointed" for h, t, _ in changes)


def test_following_on_a_rank_is_no_change_of_post() -> None:
    text = ("Das Rennen in Fooheim war spannend. Auf Platz zwei folgte Jens Oltrup vor Udo Brammstedt. "
            "Trainer Udo Brammstedt war zufrieden, auf die Siegerehrung folgte ein Fest.")
    assert not any(r.startswith(("auf", "folgt")) for r in _rules(text))
    assert ("Jens Oltrup", "appointed") not in candidate_changes(text)


def _rules(text: str) -> list[str]:
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    return [e.rule for e in annotate(prepare(Document(id="t", text=text, lang="de"))).rule_events]


def test_a_further_term_given_up_ends_the_one_post_of_the_article() -> None:
    text = ("Fooheim wählt im März. Vor sechs Jahren wurde Jens Oltrup zum Bürgermeister gewählt. Oltrup verzichtet "
            "aus gesundheitlichen Gründen auf eine zweite Amtszeit, teilte er am Montag mit.")
    assert ("Jens Oltrup", "departed", "mayor") in _rule_changes(text)


def test_a_further_term_given_up_takes_no_post_where_the_article_names_several() -> None:
    text = ("Quastland hat gewählt. Im Jahr 1990 wurde Udo Brammstedt zum Staatspräsidenten gewählt, 1992 wurde Eva "
            "Kallweit zur Bürgermeisterin von Fooheim gewählt. Jens Oltrup verzichtete später auf eine zweite Amtszeit.")
    assert ("Jens Oltrup", "departed", None) in _rule_changes(text) or not any(
        h == "Jens Oltrup" for h, _, _ in _rule_changes(text))
    assert not any(h == "Jens Oltrup" and r is not None for h, _, r in _rule_changes(text))
