"""Extraction that generalises (issue 8), on fictional articles written for these tests: organisation
grounding (scope 1), holder and direction (scope 2), morphology-aware triggers (scope 3), public offices
(scope 4) and the learned decisions themselves (scope 5), in English and German."""
from __future__ import annotations

import importlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import events_by_article

from succession.learned import EventModel, LinearModel, decide, load_event_model
from succession.learned.candidates import Candidate, OrgOption
from succession.learned.lemmas import lemma_hits
from succession.models import EventType, MentionKind, Modality, Span

REPO = Path(__file__).resolve().parents[1]
START = (EventType.APPOINTED, EventType.RETURNED)
END = (EventType.DEPARTED, EventType.DISMISSED)

ARTICLES = {
    "club-de": ("de", "Trainerwechsel beim SV Kaltenbruck 09\n\n"
                      "Der SV Kaltenbruck 09 hat sich von Trainer Ansgar Wiedemeyer getrennt. Der entlassene Trainer "
                      "war erst seit dem Sommer im Amt.\n\n"
                      "Nachfolger wird der bisherige Co-Trainer Lukas Quellbrunner, teilte der Verein am Montag mit.\n"),
    "club-en": ("en", "Harwick Town appoint new manager\n\n"
                      "Harwick Town have appointed Daniel Orrey as their new manager on a two-year contract.\n\n"
                      "Orrey replaces Colin Mabbott, who was sacked last month after a run of seven defeats.\n"),
    "minister-en": ("en", "Minister quits over housing row\n\n"
                          "Brenna Solway has resigned as housing minister, the government of Castavia said on "
                          "Tuesday.\n\nShe will be replaced by Tomas Verrick. Ms Solway had been in the post since "
                          "2019.\n"),
    "firm-de": ("de", "Chefwechsel bei der Wendelfurt Logistik GmbH\n\n"
                      "Geschäftsführer Armin Rotbacher wird durch Sabine Hollerich ersetzt, teilte die Wendelfurt "
                      "Logistik GmbH mit.\n"),
    "mayor-de": ("de", "Ostrellingen sucht neue Führung\n\n"
                       "Die Bürgermeisterin von Ostrellingen, Margit Sonnleitner, trat am Mittwoch nach monatelangem "
                       "Streit im Gemeinderat zurück.\n"),
    "copula-de": ("de", "Neue Spitze im Rathaus von Wendtal\n\n"
                        "Die Stadträtin Ilka Brandmoser wird Vizebürgermeisterin von Wendtal. Die Wahl im "
                        "Gemeinderat fiel am Dienstag einstimmig aus.\n"),
    "follow-de": ("de", "Wechsel beim FC Ostermoor\n\n"
                        "Der frühere Stürmer Jannik Holzapfel folgt dem scheidenden Bertram Quendt als Cheftrainer "
                        "des FC Ostermoor, teilte der Verein am Freitag mit.\n"),
    "premier-en": ("en", "New prime minister for Lauravia\n\n"
                         "The parliament of Lauravia elected Mara Quellington of the Unity Party as prime minister "
                         "on Monday. Quellington, 52, succeeds Doran Vesk, who resigned last month after a "
                         "corruption scandal. The Unity Party won the most seats in Lauravia in the March election.\n"),
    "mayor-party-de": ("de", "Neuer Bürgermeister in Wendtal\n\n"
                             "Der Gemeinderat von Wendtal hat am Montag Hubert Lanzinger von der Bürgerliste Mitte "
                             "zum Bürgermeister gewählt. Lanzinger folgt auf Gerda Pfanzelt, die im Mai "
                             "zurückgetreten war. Die Bürgerliste Mitte stellt in Wendtal seit 2019 die stärkste "
                             "Fraktion.\n"),
    "voted-out-en": ("en", "Shareholders revolt at Pellham Foods\n\n"
                           "Finance director Agnes Morrow was voted out by shareholders of Pellham Foods at the annual "
                           "meeting on Thursday. The company said a successor would be named soon.\n"),
    "split-en": ("en", "Talvo changes coach\n\n"
                       "Rina Talvo has split from coach Boris Kettering after two seasons together, her agent said "
                       "on Friday.\n"),
    "office-en": ("en", "Ostmark's new governor\n\n"
                        "Governor Lena Haberkorn took office in Ostmark on Monday, promising to cut the region's "
                        "debt.\n"),
    "presented-de": ("de", "Neuer Trainer in Kaltenbruck\n\n"
                           "Der SV Kaltenbruck hat am Montag Ansgar Wiedemeyer als neuen Cheftrainer vorgestellt.\n"),
    "presented-en": ("en", "Harwick Town unveil manager\n\n"
                           "Harwick Town presented Daniel Orrey as their new manager on Monday.\n"),
}


@pytest.fixture(scope="module")
def events() -> dict[str, list]:
    return events_by_article(ARTICLES)


def find(events: list, surname: str, types: tuple[EventType, ...]) -> list:
    return [e for e in events if e.holder.split()[-1] == surname and e.type in types]


# ------------------------------------------------------------------------------ scope 1: organisations
def test_a_club_keeps_its_number(events: dict[str, list]) -> None:
    fired = find(events["club-de"], "Wiedemeyer", END)
    assert fired and fired[0].org == "SV Kaltenbruck 09"


def test_a_role_prefix_is_no_organisation(events: dict[str, list]) -> None:
    """'Co-Trainer Lukas Quellbrunner' succeeds at the club, not at an organisation called 'Co'."""
    started = find(events["club-de"], "Quellbrunner", START)
    assert started and all(e.org != "Co" for e in started)
    assert started[0].org and "Kaltenbruck" in started[0].org


def test_a_club_named_like_a_town_is_the_organisation(events: dict[str, list]) -> None:
    hired = find(events["club-en"], "Orrey", START)
    assert hired and hired[0].org == "Harwick Town" and hired[0].role == "manager"


# ------------------------------------------------------------------------------ scope 2: holder and direction
def test_passive_replacement_in_english(events: dict[str, list]) -> None:
    """'She will be replaced by Y': Y starts, the woman named before leaves (not the other way round)."""
    started = find(events["minister-en"], "Verrick", START)
    assert started and started[0].role == "minister"  # the post the one replaced leaves
    assert not find(events["minister-en"], "Verrick", END)
    assert not find(events["minister-en"], "Solway", START)


def test_passive_replacement_in_german(events: dict[str, list]) -> None:
    """'X wird durch Y ersetzt': Y starts, X leaves."""
    assert find(events["firm-de"], "Hollerich", START)
    assert find(events["firm-de"], "Rotbacher", END)
    assert not find(events["firm-de"], "Rotbacher", START)


def test_the_one_replaced_leaves(events: dict[str, list]) -> None:
    assert find(events["club-en"], "Mabbott", END)


# ------------------------------------------------------------------------------ scope 3: morphology
def test_separable_verb_split_across_the_clause() -> None:
    """'trat am Mittwoch ... zurück' is 'zurücktreten'; the hit is the verb, where the clause starts."""
    sentence = "Die Bürgermeisterin trat am Mittwoch nach langem Streit zurück."
    hits = lemma_hits(sentence, "de", [])
    assert [(sentence[h.start:h.end], h.trigger.type) for h in hits] == [("trat", "departed")]


def test_inflected_participle_is_a_trigger() -> None:
    sentence = "Der entlassene Trainer schwieg."
    assert [h.trigger.type for h in lemma_hits(sentence, "de", [])] == ["dismissed"]


def test_an_honour_is_no_lemma_trigger() -> None:
    assert not lemma_hits("She was named Manager of the Year by the forum.", "en", [])


def test_separable_resignation_of_a_mayor(events: dict[str, list]) -> None:
    left = find(events["mayor-de"], "Sonnleitner", END)
    assert left and left[0].role == "Bürgermeisterin"  # a public office reports its written title


def test_a_copula_before_a_role_starts_the_post(events: dict[str, list]) -> None:
    """'X wird Vizebürgermeisterin': the post after the copula, not the title before the name."""
    started = find(events["copula-de"], "Brandmoser", START)
    assert started and started[0].role == "Vizebürgermeisterin"


def test_a_copula_with_a_preposition_is_no_predicate() -> None:
    """'wird als Beobachter dem Vorstand beitreten': the role is no predicate of 'wird'."""
    from succession.extract.events import _hits
    from succession.extract.lexicon import lexicon

    hits = _hits("Die Firma wird ebenfalls als Beobachter dem Vorstand beitreten.", lexicon("de"))
    assert all(h.trigger.pattern != "wird <role>" for h in hits)


def test_follows_as_is_a_succession(events: dict[str, list]) -> None:
    """'X folgt dem scheidenden Y als Cheftrainer': X starts, Y is the one replaced."""
    started = find(events["follow-de"], "Holzapfel", START)
    assert started and started[0].role == "coach"
    assert not find(events["follow-de"], "Quendt", START)


@pytest.mark.parametrize(("doc", "surname", "place"), [("premier-en", "Quellington", "Lauravia"),
                                                    ("mayor-party-de", "Lanzinger", "Wendtal"),
                                                    ("copula-de", "Brandmoser", "Wendtal")])
def test_a_public_office_is_held_in_a_place_not_a_party(events: dict[str, list], doc: str, surname: str,
                                                        place: str) -> None:
    started = find(events[doc], surname, START)
    assert started and started[0].org == place


def test_english_phrasal_changes(events: dict[str, list]) -> None:
    """'was voted out', 'split from coach X' (the coach is the one who goes), 'took office'."""
    ousted = find(events["voted-out-en"], "Morrow", END)
    assert ousted and ousted[0].type is EventType.DISMISSED and ousted[0].org == "Pellham Foods"
    assert find(events["split-en"], "Kettering", END) and not find(events["split-en"], "Talvo", END)
    took = find(events["office-en"], "Haberkorn", START)
    assert took and took[0].role == "governor" and took[0].org == "Ostmark"


@pytest.mark.parametrize(("doc", "surname", "role"), [("presented-de", "Wiedemeyer", "coach"),
                                                   ("presented-en", "Orrey", "manager")])
def test_the_one_named_as_new_post_starts_it(events: dict[str, list], doc: str, surname: str, role: str) -> None:
    """'stellte X als neuen Trainer vor', 'presented X as their new manager'."""
    started = find(events[doc], surname, START)
    assert started and started[0].role == role


# ------------------------------------------------------------------------------ scope 4: public offices
def test_public_offices_are_roles(events: dict[str, list]) -> None:
    quit_ = find(events["minister-en"], "Solway", END)
    assert quit_ and quit_[0].role == "housing minister"  # the title with its portfolio


# ------------------------------------------------------------------------------ scope 5: the learned decisions
def test_linear_model_round_trip() -> None:
    m = LinearModel({"a": 2.0, "b": -1.0}, 0.5)
    back = LinearModel.from_json(json.loads(json.dumps(m.to_json())))
    assert back == m
    assert back.probability({"a": 1.0}) > 0.9 > back.probability({"b": 1.0, "c": 3.0})


def test_a_rare_kind_of_change_keeps_the_lenient_threshold() -> None:
    """A kind of change with few true training examples (a return) is judged at the rules' lenient threshold;
    the kinds the model has learnt at the stricter one. The split survives the JSON round trip."""
    m = EventModel(LinearModel({}, 0.0), LinearModel({}, 0.0), 0.2, {}, threshold_rare=0.1,
                   rare_types=frozenset({"returned", "leave"}))
    assert (m.threshold_for("returned"), m.threshold_for("appointed")) == (0.1, 0.2)
    back = EventModel.from_json(json.loads(json.dumps(m.to_json())))
    assert back == m
    old = EventModel.from_json({k: v for k, v in m.to_json().items() if k not in ("threshold_rare", "rare_types")})
    assert old.threshold_for("returned") == 0.2  # a model file without the split: one threshold for all


def _candidate(etype: EventType, features: dict[str, float],
               text: str = "Foo Bar founded Baz Press in 1978.") -> Candidate:
    sentence = Span(0, len(text), text)
    return Candidate("Foo Bar", MentionKind.PERSON, etype, sentence, sentence, None, Modality.ASSERTED, None, None,
                     "test", features)


def test_a_rare_kind_of_change_needs_the_rules_report() -> None:
    """A kind of change the model has too few true examples of ("Foo Bar, founder of Baz Press, dies": no
    founding) is not reported on the model's word alone, however sure it is; the rules' report of it stands,
    and a kind the model has learnt still needs only ``threshold_new``."""
    m = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({}, 0.0), 0.2, {}, threshold_new=0.6,
                   threshold_rare=0.1, rare_types=frozenset({"founded"}))
    assert (m.threshold_new_for("founded"), m.threshold_new_for("appointed")) == (float("inf"), 0.6)
    alone = _candidate(EventType.FOUNDED, {"bias": 1.0})
    assert decide("doc", [alone], m) == []
    assert [e.type for e in decide("doc", [_candidate(EventType.APPOINTED, {"bias": 1.0})], m)] == [EventType.APPOINTED]
    ruled = _candidate(EventType.FOUNDED, {"bias": 1.0, "rule": 1.0})
    assert [e.type for e in decide("doc", [ruled], m)] == [EventType.FOUNDED]


def _placed_candidate(text: str, role: str | None, orgs: list[OrgOption]) -> Candidate:
    sentence = Span(0, len(text), text)
    return Candidate("Foo Bar", MentionKind.PERSON, EventType.DISMISSED, sentence, sentence, role,
                     Modality.ASSERTED, None, None, "test", {"bias": 1.0}, tuple(orgs))


def test_a_report_only_the_ranker_places_folds_into_the_placed_one() -> None:
    """Beside "Baz Press fired its chief executive Foo Bar", a later "he was fired" whose sentence names no
    organisation is the same change, not a second one at the name the article mentions most; two guesses stay
    two, and so does a report of another post."""
    m = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({"doc_rank=0": 2.0}, 0.0), 0.2, {},
                   threshold_new=0.6)
    named = _placed_candidate("Baz Press fired its chief executive Foo Bar.", "CEO",
                              [OrgOption("Baz Press", {"near_rank=0": 1.0})])
    again = _placed_candidate("He was fired after a week.", "CEO", [OrgOption("Qux Media", {"doc_rank=0": 1.0})])
    assert [e.org for e in decide("doc", [named, again], m)] == ["Baz Press"]
    guessed = _placed_candidate("Foo Bar was fired.", "CEO", [OrgOption("Baz Press", {})])
    assert sorted(e.org for e in decide("doc", [guessed, again], m)) == ["Baz Press", "Qux Media"]
    other_post = _placed_candidate("He was fired as chair.", "chair", [OrgOption("Qux Media", {"doc_rank=0": 1.0})])
    assert sorted(e.org for e in decide("doc", [named, other_post], m)) == ["Baz Press", "Qux Media"]


def test_a_start_is_never_placed_where_it_comes_from() -> None:
    """The organisation a start comes from (``moved_from``: "hired from Qux Media", "former Qux Media
    director Foo Bar") is never the ranker's choice, however it ranks."""
    m = EventModel(LinearModel({"bias": 5.0}, 0.0), LinearModel({"doc_rank=0": 3.0}, 0.0), 0.2, {},
                   threshold_new=0.6)
    text = "Former Qux Media director Foo Bar will join the board."
    cand = Candidate("Foo Bar", MentionKind.PERSON, EventType.APPOINTED, Span(0, len(text), text),
                     Span(0, len(text), text), "board member", Modality.ASSERTED, None, None, "test", {"bias": 1.0},
                     (OrgOption("Qux Media", {"doc_rank=0": 1.0, "moved_from": 1.0}), OrgOption("Baz Press", {})))
    assert [e.org for e in decide("doc", [cand], m)] == ["Baz Press"]


def test_a_change_placed_at_another_organisation_weighs_less() -> None:
    """scripts/train_events.py: a true change the decisions would place at another organisation than the
    gold's is learnt with the weight ``misplaced`` (reporting it scores an extra and a miss); one placed
    right, or whose gold names no organisation, weighs 1."""
    sys.path.insert(0, str(REPO / "scripts"))
    train_events = importlib.import_module("train_events")
    text = "Baz Press appointed Foo Bar as editor."
    cand = _candidate(EventType.APPOINTED, {"bias": 1.0, "rule": 1.0}, text)
    gold = {"holder": "Foo Bar", "type": "appointed", "org": "Baz Press", "evidence": text}
    art = {"text": text, "cands": [cand], "gold": [gold]}
    for place, weight in (("Qux Media", 0.35), ("Baz Press Ltd", 1.0), (None, 0.35)):
        x, y, w = train_events.event_examples([art], 1, lambda c, at=place: at, 0.35)
        assert (y, w) == ([1], [weight])
    art["gold"] = [{**gold, "org": None}]
    assert train_events.event_examples([art], 1, lambda c: "Qux Media", 0.35)[2] == [1.0]
    assert train_events.event_examples([art], 1, lambda c: "Qux Media", 0.0)[1] == [1]
    art["gold"] = [gold]
    assert train_events.event_examples([art], 1, lambda c: "Qux Media", 0.0)[1] == []  # 0: not learnt from


@pytest.mark.parametrize("lang", ["en", "de"])
def test_shipped_models_hold_no_names(lang: str) -> None:
    """Word features are general language only: capitalised words (names, German nouns) are shapes."""
    model = load_event_model(f"events_{lang}")
    assert model is not None
    words = [k.split("=", 1)[1] for k in model.event.weights if k.split("=", 1)[0] in ("pl", "pr", "tl", "tr", "btw")]
    assert words and all(w == "<Cap>" or not w[:1].isupper() for w in words)
    assert 0 < model.threshold < 1


@pytest.mark.parametrize("lang", ["en", "de"])
def test_shipped_models_are_the_documented_ones(lang: str) -> None:
    """docs/models.md: self-trained on the unannotated corpus, and a return (too few true training
    examples) judged at the lenient threshold, an appointment at the stricter one."""
    model = load_event_model(f"events_{lang}")
    assert model is not None and model.meta["pseudo_examples"] > 0
    assert model.threshold_for("returned") < model.threshold_for("appointed") == model.threshold


UNLABELLED = [  # unannotated articles for self-training; the first repeats an annotated one
    {"id": "again", "lang": "en", "text": ARTICLES["club-en"][1]},
    {"id": "plain-en", "lang": "en", "text": "Ferrymoor Rovers sack coach\n\nFerrymoor Rovers have sacked their "
     "coach Ivo Brandtner after a run of six defeats. Brandtner returned home to his family on Sunday.\n"},
    {"id": "plain-de", "lang": "de", "text": "Neuer Vorstand bei der Tallbach Mühlenwerke AG\n\nDie Tallbach "
     "Mühlenwerke AG hat Renate Oberkircher zur Vorstandschefin ernannt. Sie folgt auf Ulrich Sandhaas.\n"},
]


def test_training_script_is_deterministic_on_any_corpus(tmp_path: Path) -> None:
    """scripts/train_events.py trains from a folder in the gold format (here two fictional articles), self-
    trains on unannotated ones (leaving out the one that repeats an annotated article) and writes the same
    model twice."""
    pytest.importorskip("sklearn")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    docs = [{"id": k, "text": text, "lang": lang, "published": "2025-03-14"} for k, (lang, text) in ARTICLES.items()]
    gold = [{"doc": "club-en", "lang": "en", "events": [
                {"holder": "Daniel Orrey", "type": "appointed", "role": "manager", "org": "Harwick Town",
                 "evidence": "Harwick Town have appointed Daniel Orrey as their new manager"}]},
            {"doc": "club-de", "lang": "de", "events": [
                {"holder": "Ansgar Wiedemeyer", "type": "dismissed", "role": "Trainer", "org": "SV Kaltenbruck 09",
                 "evidence": "hat sich von Trainer Ansgar Wiedemeyer getrennt"}]}]
    (corpus / "docs.jsonl").write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    (corpus / "gold.jsonl").write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
    unlabelled = tmp_path / "unlabelled.jsonl"
    unlabelled.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in UNLABELLED), encoding="utf-8")
    outs = []
    for run in ("a", "b"):
        out = tmp_path / run
        out.mkdir()
        done = subprocess.run([sys.executable, str(REPO / "scripts" / "train_events.py"), "--corpus", str(corpus),
                               "--out", str(out), "--min-articles", "1", "--unlabelled", str(unlabelled),
                               "--self-lo", "0.3"], capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        outs.append(sorted(p.read_bytes() for p in out.glob("events_*.json")))
    assert len(outs[0]) == 2 and outs[0] == outs[1]
    meta = json.loads(outs[0][0])["meta"]
    assert meta["unlabelled_articles"] == 2 and meta["pseudo_examples"] > 0
