"""What the headline says, as evidence for the learned event model (``learned/evidence.py``), and the English
adjective triggers before a role word, on fictional articles written for these tests (English and German)."""
from __future__ import annotations

from succession.extract.pipeline import Annotated, annotate_many, candidates_for
from succession.learned.candidates import Candidate
from succession.learned.evidence import headline_kinds
from succession.models import Document, EventType, Modality


def _candidates(lang: str, text: str) -> list[Candidate]:
    (a,) = list(annotate_many([Document(id="t", text=text, lang=lang)]))
    assert isinstance(a, Annotated)
    return candidates_for(a)


def _features(cands: list[Candidate], surname: str, trigger: str) -> dict[str, float]:
    found = [c for c in cands if surname in c.holder and c.trigger.text == trigger]
    assert found, [(c.holder, c.trigger.text) for c in cands]
    return found[0].features


def test_the_headline_names_the_kind_of_change() -> None:
    assert headline_kinds("en", "Harwick Town boss quits") == frozenset({"end"})
    assert headline_kinds("de", "Bürgermeisterin von Ostrellingen tritt zurück") == frozenset({"end"})
    cands = _candidates("en", "Quennell quits Dovebridge bank\n\nMarla Quennell resigned as chairman of the "
                              "Dovebridge Savings Bank on Monday.\n")
    f = _features(cands, "Quennell", "resigned")
    assert f.get("headline_kind") == 1.0 and f.get("headline_holder_kind") == 1.0


def test_outgoing_and_incoming_before_a_role_in_english() -> None:
    cands = _candidates("en", "Deal for Harwick Town\n\nOutgoing Harwick chairman Walter Quibble said the sale "
                              "was good for the club. The incoming chief executive Nora Pellcastle starts in May.\n")
    out = [c for c in cands if "Quibble" in c.holder and c.trigger.text == "Outgoing"]
    assert out and out[0].etype is EventType.DEPARTED and out[0].source is not None
    # someone outgoing has not left yet, someone incoming not started: both changes are planned
    assert out[0].modality is Modality.PLANNED and out[0].source.modality is Modality.PLANNED
    inc = [c for c in cands if "Pellcastle" in c.holder and c.trigger.text == "incoming"]
    assert inc and inc[0].etype is EventType.APPOINTED and inc[0].modality is Modality.PLANNED
    # "outgoing calls" stands before no role: no change is reported by the rules
    none = _candidates("en", "Phone bill row\n\nWalter Quibble said outgoing calls were free.\n")
    assert not [c for c in none if c.source is not None]


def test_german_data_leaves_the_headline_evidence_off() -> None:
    # measured without gain in German (and its refit took a wrongly placed second report): no features there,
    # though the headline's kinds are still read
    de = _candidates("de", "Bürgermeisterin Sonnleitner tritt nach Streit zurück. Ostrellingen – Die Bürgermeisterin "
                           "von Ostrellingen, Margit Sonnleitner, trat am Mittwoch nach monatelangem Streit im "
                           "Gemeinderat zurück.\n")
    body = [c for c in de if "Sonnleitner" in c.holder and c.sentence.start > 40]
    assert body and not body[0].features.get("headline_kind") and not body[0].features.get("headline_holder_kind")


def test_a_headline_of_another_kind() -> None:
    en = _candidates("en", "New coach at Ostermoor Rovers\n\nOstermoor Rovers have appointed Jannik Holzapfel as "
                           "head coach. Bertram Quendt had resigned in May.\n")
    start = [c for c in en if "Holzapfel" in c.holder and c.etype is EventType.APPOINTED]
    assert start and start[0].features.get("headline_kind") == 1.0
    assert not start[0].features.get("headline_holder_kind")  # the headline names no one
    # the headline names a start: the body's departure gets no word from it
    end = [c for c in en if "Quendt" in c.holder and c.etype is EventType.DEPARTED]
    assert end and not end[0].features.get("headline_kind")


def test_a_teaser_before_an_english_dateline() -> None:
    en = _candidates("en", "Castavia minister Solway resigns over housing row. Castavia City – Brenna Solway "
                           "resigned as housing minister on Tuesday, the government said.\n")
    body = [c for c in en if "Solway" in c.holder and c.sentence.start > 40]
    assert body and body[0].features.get("headline_holder_kind") == 1.0
