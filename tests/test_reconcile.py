"""Reports read against their article and story before fusion (succession.across.reconcile), on fictional news."""
from __future__ import annotations

import datetime as dt

from succession.timeline.fuse import CURRENT, MARKER, fuse_analyses
from test_fuse import Article

ORG = "Halvard Optik"


def _who(tl, role: str, day: str) -> list[str]:  # type: ignore[no-untyped-def]
    d = dt.date.fromisoformat(day)
    held = [t for t in tl.tenures if t.role and t.role.endswith(role) and t.holds_on(d)]
    definite = [t.holder for t in held if t.holds_on(d) == "definite"]
    return sorted(definite or [t.holder for t in held])


def test_translation_keeps_the_original_hedge_and_date() -> None:
    """The English original plans the exit for a date; the German version says it flatly, undated."""
    en = (Article("en", "2031-03-05", "s").event("appointed", "Runa Kolb", "CEO", ORG, "2027")
          .event("departed", "Runa Kolb", "CEO", ORG, "2031-04-30", modality="planned")
          .event("appointed", "Timo Brak", "interim CEO", ORG, "2031-05-01"))
    de = Article("de", "2031-03-05", "s", lang="de").event("departed", "Runa Kolb", "CEO", ORG,
                                                          sentence="Vorstandschefin Kolb tritt ab.")
    tl = fuse_analyses([en.build(), de.build()])
    exits = [e for e in tl.events if e.type.value == "departed"]
    assert len(exits) == 1 and exits[0].status == MARKER and exits[0].date.value == "2031-04-30"
    assert len(exits[0].sources) == 2
    for day, holder in (("2031-04-15", ["Runa Kolb"]), ("2031-06-01", ["Timo Brak"])):
        assert _who(tl, "CEO", day) == holder, day  # one CEO every day, never none, never two


def test_an_appointment_to_the_title_the_sentence_already_gives_is_no_change() -> None:
    a = (Article("a", "2031-05-06").event("appointed", "Jonas Feld", "CFO", ORG, "2031-07-01", modality="planned",
                                          sentence="Finanzvorstand Jonas Feld soll zum 1. Juli übernehmen.")
         .fact("Jonas Feld", "CFO", ORG, sentence="Finanzvorstand Jonas Feld soll zum 1. Juli übernehmen."))
    a.facts[0] = a.facts[0].__class__(a.doc_id, "Jonas Feld", "CFO", ORG, a.events[0].evidence, True, None)
    tl = fuse_analyses([a.build()])
    assert not tl.events
    assert [(t.holder, t.role, t.status) for t in tl.tenures] == [("Jonas Feld", "CFO", CURRENT)]


def test_a_start_announced_as_to_come_was_not_done_before() -> None:
    """'named X as its next CEO ... X joined the board last November' read as 'CEO since November'."""
    a = (Article("a", "2031-05-21").event("appointed", "Mira Sand", "CEO", ORG, "2030-11")
         .event("appointed", "Mira Sand", "CEO", ORG, modality="planned")
         .fact("Elin Roth", "CEO", ORG))
    tl = fuse_analyses([a.build()])
    assert all(e.status == MARKER for e in tl.events if e.holder == "Mira Sand")
    for day in ("2031-01-15", "2031-05-21"):
        assert _who(tl, "CEO", day) == ["Elin Roth"], day


def test_outgoing_is_not_former_while_the_announced_exit_is_ahead() -> None:
    a = Article("a", "2031-05-06").fact("Elin Roth", "CEO", ORG)
    b = (Article("b", "2031-05-21").event("departed", "Elin Roth", "CEO", ORG, "2031-06", modality="planned")
         .fact("Elin Roth", "CEO", ORG, current=False))
    tl = fuse_analyses([a.build(), b.build()])
    assert [(t.holder, t.status) for t in tl.tenures] == [("Elin Roth", CURRENT)]
    assert _who(tl, "CEO", "2031-06-01") == ["Elin Roth"]


def test_a_short_name_beside_the_full_one_is_the_same_organisation() -> None:
    a = (Article("a", "2031-03-05").event("appointed", "Runa Kolb", "CFO", "Halvard", "2029")
         .entity("Halvard", "org").entity("Halvard Optik", "org", "Halvard Optik AG")
         .fact("Timo Brak", "chair", "Halvard Optik"))
    tl = fuse_analyses([a.build()])
    assert {t.org for t in tl.tenures} == {"Halvard Optik"}
    # a short name that fits two full names stays itself
    b = (Article("b", "2031-03-05").event("appointed", "Runa Kolb", "CFO", "Halvard", "2029")
         .entity("Halvard", "org").entity("Halvard Optik", "org").entity("Halvard Bank", "org"))
    assert {t.org for t in fuse_analyses([b.build()]).tenures} == {"Halvard"}
