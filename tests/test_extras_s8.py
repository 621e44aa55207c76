"""The extras of a person whose real change is reported elsewhere, session 8 (issue 8, scopes 1 and 5): one
change told twice in an article, once where its sentence places it and once where the rules fell back on the
article's organisation or on a post word of the sentence. Fictional sentences written for these tests, in
English and German; the candidates are built by hand so that only the decisions are under test."""
from __future__ import annotations

from succession.learned import EventModel, LinearModel, decide
from succession.learned.candidates import Candidate, OrgOption
from succession.models import DateValue, Event, EventType, MentionKind, Modality, Span

# every candidate passes; one bearing "sure" is trusted more, so it is met first when reports fold
_MODEL = EventModel(LinearModel({"bias": 3.0, "sure": 2.0}, 0.0), LinearModel({}, 0.0), 0.2, {},
                    threshold_new=0.6)


def _report(text: str, start: int, etype: EventType, role: str | None, orgs: list[OrgOption], *,
            holder: str = "Orla Vennick", ruled_org: str | None = None, sure: bool = False,
            features: dict[str, float] | None = None, date: str | None = None) -> Candidate:
    """A candidate of ``text`` at ``start``; with ``ruled_org`` the rules report it there too."""
    sentence = Span(start, start + len(text), text)
    when = DateValue(date) if date else None
    source = None
    f = {"bias": 1.0, **(features or {})}
    if ruled_org is not None:
        source = Event("doc", etype, holder, MentionKind.PERSON, role, ruled_org, when, Modality.ASSERTED,
                       sentence, sentence, "test")
        f["rule"] = 1.0
    if sure:
        f["sure"] = 1.0
    return Candidate(holder, MentionKind.PERSON, etype, sentence, sentence, role, Modality.ASSERTED, when, None,
                     "test", f, tuple(orgs), source)


def _changes(cands: list[Candidate]) -> list[tuple[str, str | None, str | None]]:
    return [(e.type.value, e.role, e.org) for e in decide("doc", cands, _MODEL)]


def test_a_bare_report_at_the_fallback_folds_into_the_placed_one_whoever_is_trusted_more() -> None:
    """"Orla Vennick has had no club since she was sacked" (no post, and the rules fell back on the club
    the article is about) beside "she left the Harlow club last season" (the club her trigger acts on): one end,
    at Harlow, even where the model trusts the bare report more and meets it first. Years apart they stay two."""
    main = OrgOption("Drellby Rovers", {"from_rule": 1.0, "main": 1.0})
    for bare_text, placed_text in [
            ("Orla Vennick has had no club since she was sacked.",
             "She left Harlow Athletic early last season."),
            ("Orla Vennick ist seit ihrer Entlassung ohne Verein.",
             "Sie verließ Harlow Athletic in der vergangenen Saison.")]:
        harlow = OrgOption("Harlow Athletic", {"from_rule": 1.0, "moved_to": 1.0, "in_sentence": 1.0})
        bare = _report(bare_text, 0, EventType.DISMISSED, None, [main], ruled_org="Drellby Rovers", sure=True)
        placed = _report(placed_text, 100, EventType.DEPARTED, None, [harlow], ruled_org="Harlow Athletic")
        assert _changes([bare, placed]) == [("departed", None, "Harlow Athletic")]
        # the bare report years before the other is a change of its own
        early = _report(bare_text, 0, EventType.DISMISSED, None, [main], ruled_org="Drellby Rovers", sure=True,
                        date="2003")
        later = _report(placed_text, 100, EventType.DEPARTED, None, [harlow], ruled_org="Harlow Athletic",
                        date="2011")
        assert _changes([early, later]) == [("dismissed", None, "Drellby Rovers"),
                                            ("departed", None, "Harlow Athletic")]


def test_a_report_naming_neither_post_nor_organisation_is_the_post_told_again() -> None:
    """"I congratulate Orla on her new appointment": post (her title elsewhere) and organisation (the party the
    article is about) both come from outside the sentence; beside "Orla Vennick is to become Quenland's ambassador
    to Harlowland" it is that appointment again. A post taken up at two organisations, each named in its own
    sentence, stays two changes."""
    for again_text, named_text in [
            ('"I congratulate Orla on her new appointment."',
             "Orla Vennick is to become Quenland's ambassador to Harlowland."),
            ("„Ich gratuliere Orla zu ihrer neuen Aufgabe.“",
             "Orla Vennick wird Botschafterin Quenlands in Harlowland.")]:
        party = OrgOption("Brask Party", {"from_rule": 1.0, "main": 1.0, "holder_known_org": 1.0})
        quenland = OrgOption("Quenland", {"from_rule": 1.0, "in_sentence": 1.0, "role_linked": 1.0})
        again = _report(again_text, 0, EventType.APPOINTED, "ambassador", [party], ruled_org="Brask Party",
                        sure=True, features={"no_role_in_sentence": 1.0})
        named = _report(named_text, 100, EventType.APPOINTED, "ambassador", [quenland], ruled_org="Quenland")
        assert _changes([again, named]) == [("appointed", "ambassador", "Quenland")]
        # with its post named in its own sentence the first report is a change of its own
        posted = _report(again_text, 0, EventType.APPOINTED, "ambassador", [party], ruled_org="Brask Party",
                         sure=True)
        assert len(_changes([posted, named])) == 2


def test_one_sentence_reports_the_change_at_its_triggers_object() -> None:
    """"The election of the new Quenland government under Brask party leader Orla Vennick": one start, at the
    government the trigger acts on, not a second at the party her title names. Where the triggers of one
    sentence act on several organisations ("began with Drellby before moving on to Harlow") each is a change."""
    for text in ["The election of the new Quenland government under Brask leader Orla Vennick.",
                 "Wahl der neuen Quenländer Landesregierung unter Brask-Chefin Orla Vennick."]:
        government = OrgOption("Quenland government", {"from_rule": 1.0, "moved_to": 1.0, "in_sentence": 1.0})
        party = OrgOption("Brask", {"from_rule": 1.0, "role_compound": 1.0, "in_sentence": 1.0})
        at_party = _report(text, 0, EventType.APPOINTED, "leader", [party], ruled_org="Brask", sure=True)
        at_government = _report(text, 0, EventType.APPOINTED, "leader", [government], ruled_org="Quenland government")
        assert _changes([at_party, at_government]) == [("appointed", "leader", "Quenland government")]
    for text in ["Orla Vennick began as coach with Drellby Rovers before moving on to Harlow Athletic.",
                 "Orla Vennick begann als Trainerin bei Drellby Rovers, bevor sie zu Harlow Athletic wechselte."]:
        first = OrgOption("Drellby Rovers", {"from_rule": 1.0, "moved_to": 1.0, "in_sentence": 1.0})
        second = OrgOption("Harlow Athletic", {"from_rule": 1.0, "moved_to": 1.0, "in_sentence": 1.0})
        steps = [_report(text, 0, EventType.APPOINTED, "coach", [first], ruled_org="Drellby Rovers", sure=True),
                 _report(text, 0, EventType.APPOINTED, "coach", [second], ruled_org="Harlow Athletic")]
        assert sorted(org for _, _, org in _changes(steps)) == ["Drellby Rovers", "Harlow Athletic"]


def test_the_triggers_object_places_a_change_the_rules_put_at_a_post_word() -> None:
    """"She applied for the post of Quenland manager and was linked with a return to Drellby Rovers": the rules
    placed the return at the organisation joined to the post word ("Quenland manager"), but the trigger acts on
    Drellby Rovers. A place named by its adjective right after the trigger modifies the post and does not count
    ("die designierte Fooburger Brask-Klubchefin": the party her title names stays)."""
    for text in ["She applied for the post of Quenland manager and was linked with a return to Drellby Rovers.",
                 "Sie bewarb sich um den Posten der Quenland-Trainerin und soll vor einer Rückkehr zu Drellby Rovers "
                 "stehen."]:
        compound = OrgOption("Quenland", {"from_rule": 1.0, "role_compound": 1.0, "in_sentence": 1.0})
        club = OrgOption("Drellby Rovers", {"moved_to": 1.0, "in_sentence": 1.0})
        back = _report(text, 0, EventType.RETURNED, "manager", [compound, club], ruled_org="Quenland")
        assert _changes([back]) == [("returned", "manager", "Drellby Rovers")]
    for text in ["Orla Vennick, the designated Fooburg Brask whip, said so.",
                 "So die designierte Fooburger Brask-Klubchefin Orla Vennick."]:
        party = OrgOption("Brask", {"from_rule": 1.0, "role_compound": 1.0, "in_sentence": 1.0})
        city = OrgOption("Fooburg", {"moved_to": 1.0, "in_sentence": 1.0, "place_adjective": 1.0})
        named = _report(text, 0, EventType.APPOINTED, "party leader", [party, city], ruled_org="Brask")
        assert _changes([named]) == [("appointed", "party leader", "Brask")]


def test_a_bare_report_at_the_fallback_beside_another_named_organisation_is_dropped() -> None:
    """"Orla Vennick resigned after leaking the budget to the Barchester Herald", in an article about Drellby
    Rovers: no post, the rules fell back on the article's club, and the organisation the sentence names is not
    what the trigger acts on: no change is reported. The same report naming a post, or in a sentence naming no
    other organisation, or with that organisation as the trigger's object, stays."""
    for text in ["Orla Vennick resigned after leaking the budget to the Barchester Herald.",
                 "Orla Vennick trat zurück, nachdem sie den Haushalt dem Barchester Kurier zugespielt hatte."]:
        main = OrgOption("Drellby Rovers", {"from_rule": 1.0, "main": 1.0})
        paper = OrgOption("Barchester Herald", {"in_sentence": 1.0, "near_rank=0": 1.0})
        assert _changes([_report(text, 0, EventType.DEPARTED, None, [main, paper], ruled_org="Drellby Rovers")]) == []
        with_post = _report(text, 0, EventType.DEPARTED, "chair", [main, paper], ruled_org="Drellby Rovers")
        assert _changes([with_post]) == [("departed", "chair", "Drellby Rovers")]
        alone = _report(text, 0, EventType.DEPARTED, None, [main], ruled_org="Drellby Rovers")
        assert _changes([alone]) == [("departed", None, "Drellby Rovers")]
        # a name the sentence gives another person's title ("Herald editor Tam Olsky") is no rival reading
        titled = OrgOption("Barchester Herald", {"in_sentence": 1.0, "near_rank=0": 1.0, "other_holder": 1.0})
        assert len(_changes([_report(text, 0, EventType.DEPARTED, None, [main, titled],
                                     ruled_org="Drellby Rovers")])) == 1


def test_the_fallback_stands_beside_its_own_short_name_or_a_name_said_of_the_holder() -> None:
    """The other organisation of the sentence does not count where it is the fallback written short ("takes his
    assistant Orla Vennick with him to Drellby" in an article about Drellby Rovers) or where it stands only in a
    relative clause said of the holder ("Orla Vennick, who often argued with the Barchester Herald, steps
    down")."""
    main = OrgOption("Drellby Rovers", {"from_rule": 1.0, "main": 1.0})
    for text, other in [("Tam Olsky takes his assistant Orla Vennick with him to Drellby.", "Drellby"),
                        ("Tam Olsky nimmt seine Assistentin Orla Vennick mit nach Drellby.", "Drellby")]:
        short = OrgOption(other, {"in_sentence": 1.0, "near_rank=0": 1.0, "kind=LOC": 1.0})
        assert _changes([_report(text, 0, EventType.APPOINTED, None, [main, short], ruled_org="Drellby Rovers")]) \
            == [("appointed", None, "Drellby Rovers")]
    for text, outside in [("Orla Vennick, who often argued with the Barchester Herald, steps down in May.",
                           "Orla Vennick steps down in May, the Barchester Herald reports."),
                          ("Orla Vennick, die oft mit dem Barchester Herald stritt, tritt im Mai zurück.",
                           "Orla Vennick tritt im Mai zurück, berichtet der Barchester Herald.")]:
        paper = OrgOption("Barchester Herald", {"in_sentence": 1.0, "near_rank=0": 1.0})
        assert _changes([_report(text, 0, EventType.DEPARTED, None, [main, paper], ruled_org="Drellby Rovers")]) \
            == [("departed", None, "Drellby Rovers")]
        # outside a relative clause the paper is a rival reading again
        assert _changes([_report(outside, 0, EventType.DEPARTED, None, [main, paper], ruled_org="Drellby Rovers")]) \
            == []
