"""German recall on fictional articles: names the model cuts short, anaphors for the one named before,
and who a change is about when the trigger and the name stand apart (see docs/accuracy.md)."""
from __future__ import annotations

from succession.extract.mentions import find_mentions
from succession.extract.ner import NamedSpan
from succession.extract.pipeline import Annotated, annotate, candidates_for, prepare
from succession.extract.sentences import split_sentences
from succession.models import Document


def _annotated(text: str, lang: str = "de") -> Annotated:
    p = prepare(Document(id="t", text=text, lang=lang, published="2025-03-14"))
    return annotate(p)


def _persons(text: str, lang: str = "de") -> set[str]:
    return {p.text for sm in _annotated(text, lang).sents for p in sm.persons}


def _holders(text: str, lang: str = "de") -> set[tuple[str, str]]:
    return {(c.holder, c.etype.value) for c in candidates_for(_annotated(text, lang))}


def _with_model_spans(sentence: str, surnames: list[str]) -> set[str]:
    """The persons found in one sentence when the model tags only ``surnames`` (as it does with given
    names it does not know)."""
    spans = [NamedSpan(sentence.index(s), sentence.index(s) + len(s), "PER") for s in surnames]
    sents = split_sentences(sentence, "de")
    return {p.text for sm in find_mentions(sentence, sents, "de", [spans], cands=sents) for p in sm.persons}


def test_an_unknown_given_name_joins_the_surname() -> None:
    assert _with_model_spans("Nun hat auch Ortwinia Quastberg-Lemm ihren Rücktritt erklärt.",
                             ["Quastberg-Lemm"]) == {"Ortwinia Quastberg-Lemm"}
    assert _with_model_spans("Am Montag trat Regierungschef Ortwinio Dalbert Quastberg zurück.",
                             ["Dalbert Quastberg"]) == {"Ortwinio Dalbert Quastberg"}


def test_a_title_or_a_noun_before_the_name_stays_out() -> None:
    assert _with_model_spans("Am Montag wurde der Schiit Ortwin Brennholt zum Minister ernannt.",
                             ["Ortwin Brennholt"]) == {"Ortwin Brennholt"}
    assert _with_model_spans("Der langjährige Staatsrechtler Quastberg tritt zurück.",
                             ["Quastberg"]) == {"Quastberg"}
    assert _with_model_spans("Dann hat Sportdirektor Quastberg den Trainer entlassen.",
                             ["Quastberg"]) == {"Quastberg"}
    # a noun for a person the lexicon does not hold ("Machthaber", "Diktator") is no given name either
    assert _with_model_spans("Nach dem Sturz von Machthaber Ortwinio Quastberg kam die Wende.",
                             ["Ortwinio Quastberg"]) == {"Ortwinio Quastberg"}


def test_a_name_particle_joined_by_a_hyphen_is_part_of_the_name() -> None:
    text = "Ministerpräsident Kadir al-Wendani ist am Montag zurückgetreten."
    assert any(p.endswith("al-Wendani") for p in _persons(text))


def test_a_demonstrative_means_the_one_just_named() -> None:
    text = ("Der Verband wählt im Mai. Verbandschef Ortwin Quastberg sprach am Montag in Linz. Quastberg will "
            "bleiben. Ursprünglich sollte Vizechef Jakob Brennholt für die Liste antreten. Dieser trat "
            "allerdings vor einigen Monaten zurück.")
    assert ("Jakob Brennholt", "departed") in _holders(text)
    assert ("Ortwin Quastberg", "departed") not in _holders(text)


def test_an_age_noun_means_the_one_named_before() -> None:
    text = ("Der Klub hat einen neuen Trainer. Jakob Brennholt kommt aus Graz. Der 51-Jährige übernimmt "
            "die Mannschaft am Montag.")
    assert ("Jakob Brennholt", "appointed") in _holders(text)


def test_a_fronted_role_before_a_copula_is_the_post_of_the_one_after() -> None:
    text = ("Das Parlament hat die Regierung bestätigt. Neuer Innenminister wird der Jurist Ortwin Brennholt. "
            "Verteidigungsminister wird ein General, Oberst Jakob Quastberg.")
    cands = candidates_for(_annotated(text))
    by_holder = {c.holder: c for c in cands if c.etype.value == "appointed"}
    assert by_holder["Ortwin Brennholt"].role == "minister"
    assert by_holder["Jakob Quastberg"].role == "minister"


def test_a_role_with_its_article_is_the_subject_not_a_fronted_post() -> None:
    from succession.extract.events import _hits
    from succession.extract.lexicon import lexicon

    hits = _hits("Der Innenminister wurde am Montag in Linz gesehen.", lexicon("de"))
    assert not any("<fronted>" in h.trigger.pattern for h in hits)


def test_a_demonstrative_inside_the_sentence_or_an_age_adjective_is_no_anaphor() -> None:
    from succession.extract.anaphora import _anaphor_regexes

    for sentence in ("Mit dieser würden sich die Länder verpflichten.",
                     "Ihr Nachfolger ist der 38-jährige Zahntechniker Jakob Brennholt."):
        assert not any(rx.search(sentence) for rx, _ in _anaphor_regexes("de"))
    assert any(rx.search("Der 38-Jährige übernimmt im Mai.") for rx, _ in _anaphor_regexes("de"))


def test_reported_speech_in_the_subjunctive_is_a_trigger() -> None:
    text = ("Der Regierungschef nimmt eine Auszeit. Er habe vorgeschlagen, dass sein Stellvertreter Ortwin "
            "Quastberg das Regierungsamt vorübergehend übernehme. Der Minister Jakob Brennholt trete im Mai zurück, "
            "hieß es.")
    holders = {(c.holder, c.etype.value) for c in candidates_for(_annotated(text))}
    assert ("Ortwin Quastberg", "appointed") in holders
    assert ("Jakob Brennholt", "departed") in holders


def test_the_one_a_successor_replaces_is_no_appointment_candidate() -> None:
    text = ("Die Bank sucht einen Nachfolger für Vorstand Ortwin Quastberg, der im April zurücktrat. "
            "Die Suche läuft.")
    holders = {(c.holder, c.etype.value) for c in candidates_for(_annotated(text)) if c.source is None}
    assert ("Ortwin Quastberg", "appointed") not in holders


def _changes(text: str, lang: str = "de") -> set[tuple[str, str]]:
    """What the rules report (holder, kind of change): the model's candidates carry the rules' verdict."""
    return {(e.holder, e.type.value) for e in _annotated(text, lang).rule_events}


def test_a_participle_before_a_role_reports_a_change_that_happened() -> None:
    text = ("Der Talbrückhainer Ruderverband wählt im Mai. Er sucht einen Nachfolger des zurückgetretenen Präsidenten "
            "Ortwin Quastberg.")
    assert ("Ortwin Quastberg", "departed") in _changes(text)
    text = "Der designierte Geschäftsführer Jakob Brennholt stellte am Montag in Talbrückhain die Pläne vor."
    assert ("Jakob Brennholt", "appointed") in _changes(text)


def test_the_narrative_past_of_an_appointment() -> None:
    text = "Die Landesregierung bestellte im März Jakob Brennholt zum Geschäftsführer der Talbrückhain Verkehrs GmbH."
    assert ("Jakob Brennholt", "appointed") in _changes(text)


def test_the_agent_of_a_verb_final_passive_is_not_the_one_dismissed() -> None:
    text = ("Dass Landesparteichef Ortwin Quastberg am Montag von seinem Vorsitzenden Jakob Brennholt abserviert "
            "wurde, sorgte für Unmut.")
    assert ("Ortwin Quastberg", "dismissed") in _changes(text)
    assert ("Jakob Brennholt", "dismissed") not in _changes(text)
    # "von" outside the passive relative clause is no agent: the one it names is the one elected
    text = ("Es ist die erste Entscheidung von Ilse Wendberg, die im Mai zur Vorsitzenden des Aufsichtsrats der "
            "Talbrückhain Verkehrs AG gewählt worden war.")
    assert ("Ilse Wendberg", "appointed") in _changes(text)


def test_a_pronoun_after_a_preposition_is_no_subject() -> None:
    text = ("Sozialministerin Ilse Wendberg wechselt nach Talbrückhain. Für sie übernimmt Stadtrat Jakob Brennholt ab "
            "Mai das Sozialressort.")
    changes = _changes(text)
    assert ("Jakob Brennholt", "appointed") in changes
    assert ("Ilse Wendberg", "appointed") not in changes


def test_a_successor_in_apposition_after_a_possessive() -> None:
    text = ("Finanzminister Ortwin Quastberg scheiterte mit dem Budget, sein Nachfolger Jakob Brennholt legt im Mai "
            "ein neues vor.")
    assert ("Jakob Brennholt", "appointed") in _changes(text)


def test_an_article_after_a_titled_name_is_no_name_particle() -> None:
    # the name read after its title alone (the model found none): it ends before "der Opposition"
    assert _with_model_spans("Am Freitag dankte Ministerpräsident Ortwin Quastberg der Opposition für die "
                             "Debatte.", []) == {"Ortwin Quastberg"}
    assert _with_model_spans("Am Mittwoch trat Ministerpräsident Ortwin van der Quast zurück.", []) == {
        "Ortwin van der Quast"}


def test_sent_into_retirement_is_a_dismissal() -> None:
    text = "Museumsdirektor Ortwin Quastberg wird vom Land zum Jahresende in den Ruhestand versetzt."
    assert ("Ortwin Quastberg", "dismissed") in _changes(text)
    assert ("Ortwin Quastberg", "reassigned") not in _changes(text)

def test_an_age_in_brackets_marks_a_lone_surname_as_a_person() -> None:
    text = ("Die Regierung unterstützt die Kandidatur nicht. Präsident Ortwin Quastberg sagte das am Montag. "
            "Brennholt (52) leitete bis 2019 die Stadtwerke, im Mai übernahm er den Vorsitz des Talbrückhainer "
            "Ruderverbands.")
    assert "Brennholt" in _persons(text)
    assert ("Brennholt", "appointed") in _changes(text)



def test_the_rules_read_a_demonstrative_as_the_one_just_named() -> None:
    text = ("Der Verband wählt im Mai. Verbandschef Ortwin Quastberg sprach am Montag in Talbrückhain. Vizechef Jakob "
            "Brennholt war lange im Gespräch. Dieser ist im Herbst zurückgetreten.")
    assert ("Jakob Brennholt", "departed") in _changes(text)
    assert ("Ortwin Quastberg", "departed") not in _changes(text)


def test_a_genitive_with_a_possessive_after_a_noun_trigger() -> None:
    text = "Die Gemeinde protestierte gegen die Absetzung ihres Bürgermeisters Ortwin Quastberg durch den Landtag."
    assert ("Ortwin Quastberg", "dismissed") in _changes(text)


def test_the_one_whose_succession_is_decided_is_not_appointed() -> None:
    text = ("Im Mai sucht der Talbrückhainer Ruderverband die Nachfolge seines zurückgetretenen Präsidenten Ortwin "
            "Quastberg.")
    assert ("Ortwin Quastberg", "departed") in _changes(text)
    assert ("Ortwin Quastberg", "appointed") not in _changes(text)


def test_a_break_from_the_post_is_a_leave() -> None:
    # "eine Pause einlegen" in its infinitive, present and past forms: a leave of the one named or meant
    for text in ("Regierungschef Ortwin Quastberg kündigte am Montag an, eine Pause einzulegen.",
                 "Regierungschef Ortwin Quastberg legt ab Mai eine Pause ein.",
                 "Regierungschef Ortwin Quastberg legte im Mai eine längere Pause ein."):
        assert ("Ortwin Quastberg", "leave") in _changes(text), text


def test_taking_power_is_the_start_of_a_head_of_state() -> None:
    text = "Der General Ortwin Quastberg war 1971 nach einem Umsturz in Ostravien an die Macht gekommen."
    assert ("Ortwin Quastberg", "appointed") in _changes(text)
    roles = {e.role for e in _annotated(text).rule_events if e.holder == "Ortwin Quastberg"}
    assert roles == {"head of state"}
