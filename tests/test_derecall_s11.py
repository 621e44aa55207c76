"""German recall, session 11 (fictional articles; see docs/accuracy.md): changes for which the engine had no
candidate at all. A sitting holder confirmed in office ("wurde in seinem Amt bestätigt") is re-elected; a post
held until a date ("bis 2019 war er Chef der Flotte") was left; an office that someone else held before
("Vorher wurde es von Foo bekleidet") was left by that one."""
from __future__ import annotations

from conftest import candidate_changes

_candidates = candidate_changes


def test_confirmed_in_office_is_a_reelection() -> None:
    text = ("Wahl in Quastland. Der quastländische Staatschef Udo Brammstedt regiert seit Jahren. "
            "Brammstedt war zuletzt 2019 mit großer Mehrheit in seinem Amt bestätigt worden.")
    assert ("Udo Brammstedt", "appointed") in _candidates(text)


def test_an_office_held_before_by_someone_else_was_left() -> None:
    text = ("Seit April ist das Amt des Präsidenten von Quastland vakant. Vorher wurde es von "
            "Parteichef Udo Brammstedt bekleidet.")
    assert ("Udo Brammstedt", "departed") in _candidates(text)


def test_a_subject_pronoun_does_not_mean_a_person_its_sentence_names_after_it() -> None:
    text = ("Esther Quandtberg will ihre Bäckerei in Talbrück retten. Quandtberg sucht seit Monaten Geld. "
            "Im Frühjahr traf sie Marta Liebenau, eine Beraterin aus Quastberg. Seither führt sie den Verein "
            "Brotretter, sie übernahm den Vorsitz, nachdem Quandtberg abgelehnt hatte.")
    assert ("Marta Liebenau", "appointed") in _candidates(text)


def test_a_lone_surname_read_as_a_person_once_is_one_everywhere() -> None:
    # the model reads the unknown surname as a person in one sentence only ("beruft sich Foo auf Bar"); the
    # others, where it misses it, still name that person
    from succession.extract.components import mentions_of
    from succession.extract.ner import NamedSpan
    from succession.extract.triggers import candidates

    from succession.extract.sentences import split_sentences

    text = ("Wien – Vukasinac war lange Sprecher. Vukasinac beruft sich auf Udo Brammstedt. "
            "Und Brammstedt holte Vukasinac in die Zentrale, er wurde Kommunikationschef der Partei.")
    cands = candidates(split_sentences(text, "de"), "de")
    named = []
    for s in cands:  # the model's reading: persons only in the second sentence
        spans = []
        if s.text.startswith("Vukasinac beruft"):
            spans = [NamedSpan(0, 9, "PER"), NamedSpan(s.text.index("Udo"), s.text.index("Udo") + 14, "PER")]
        named.append(spans)
    sents, _ = mentions_of(text, "de", named=named, cands=cands)
    last = next(sm for sm in sents if sm.sentence.text.startswith("Und"))
    assert "Vukasinac" in [p.text for p in last.persons]


def test_a_lone_word_the_text_also_writes_in_lower_case_is_no_name() -> None:
    from succession.extract.lexicon import lexicon
    from succession.extract.namepass import lone_names
    from succession.extract.rolewords import not_names

    text = "Irgendwann kam Foo. Irgendwann ging er. Er kam irgendwann wieder."
    assert lone_names(text, ["Irgendwann"], {}, not_names("de"), lexicon("de")) == {}


def test_a_confirmation_in_office_keeps_the_post_the_holder_is_titled_with() -> None:
    from succession.extract.pipeline import annotate, prepare
    from succession.models import Document

    text = ("Wahl in Quastland. Der quastländische Staatschef Udo Brammstedt hat drei Gefangene begnadigt. "
            "Brammstedt war zuletzt 2019 mit großer Mehrheit in seinem Amt bestätigt worden.")
    a = annotate(prepare(Document(id="t", text=text, lang="de", published="2025-03-14")))
    roles = {(e.holder, e.type.value, e.role) for e in a.rule_events}
    assert ("Udo Brammstedt", "appointed", "head of state") in roles
