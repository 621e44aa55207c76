"""Who said what: every quotation construction in both languages, on fictional articles, through the
whole pipeline (so the speaker is resolved with the people the engine finds); the store and the API."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from succession.models import Analysis, Document, MentionKind, Quote, QuoteType
from succession.extract.pipeline import analyse
from succession.quotes.marks import marked_spans
from succession.records import records
from succession.store import SQLiteStore
from succession.web import Settings, create_app, serve_in_thread

EN = """Brightwater Mills names Clara Finch chief executive

Brightwater Mills appointed Clara Finch as chief executive on Monday. "I am honoured to lead this company," Finch said in a statement.
"We will grow," she said, "and we will hire in every region." The company said that it expected revenue to rise next year.
According to Finch, the board had approved the plan unanimously.
Tomas Reed, the outgoing chief, told reporters: "It was time for me to go. The mills are in good hands."
'It is a fresh start,' said Reed.
"""

DE = """Neue Chefin bei der Kesselwerk AG

Die Kesselwerk AG hat Johanna Brenner zur Vorstandsvorsitzenden ernannt. „Ich freue mich auf die Aufgabe“, sagte Brenner am Montag.
„Wir wollen wachsen“, sagte sie, „und wir stellen in allen Regionen ein.“ Das Unternehmen teilte mit, der Umsatz werde im nächsten Jahr steigen.
Laut Brenner hat der Aufsichtsrat den Plan einstimmig gebilligt.
Ihr Vorgänger Martin Kahl sagte, er sei froh über die Entscheidung. Er habe das Unternehmen gern geführt.
»Es ist Zeit für mich zu gehen. Die Werke sind in guten Händen«, erklärte Kahl.
"""

INTERVIEW_DE = """Ortrun Feldkamp im Gespräch

Ortrun Feldkamp leitet seit März die Lindgraf Logistik AG. Wir haben mit ihr gesprochen.

Frage: Warum haben Sie den Posten angenommen?

Feldkamp: Weil die Mitarbeiter mich darum gebeten haben. Ich konnte nicht ablehnen.

Was haben Sie als Erstes geändert?

Wir haben die Standorte zusammengelegt. Das war überfällig.
"""

INTERVIEW_EN = """Five questions for Idris Calloway

Idris Calloway became chairman of Norrow Freight in June.

Q: What comes first?

A: The ships. We will modernise the whole fleet within three years.
"""

POST_DE = """Abschied bei der Quellbrunn Bank

Finanzvorstand Edda Marwitz hat die Quellbrunn Bank verlassen. Auf ihrem Konto schrieb sie:

Heute war mein letzter Tag. Ich danke allen Kolleginnen und Kollegen für zwölf wunderbare Jahre.

— Edda Marwitz (@emarwitz) 3. März 2031
"""


@pytest.fixture(scope="module")
def articles() -> dict[str, Analysis]:
    docs = {"en": (EN, "en"), "de": (DE, "de"), "iv_de": (INTERVIEW_DE, "de"), "iv_en": (INTERVIEW_EN, "en"),
            "post_de": (POST_DE, "de")}
    return {k: analyse(Document(id=k, text=t, lang=lang)) for k, (t, lang) in docs.items()}


def quote(a: Analysis, words: str) -> Quote:
    found = [q for q in a.quotes if words in q.text.text]
    assert found, f"no quotation with {words!r} in {a.document.id}: {[q.text.text for q in a.quotes]}"
    return found[0]


def said_by(a: Analysis, words: str, speaker: str, qtype: QuoteType | None = None) -> Quote:
    q = quote(a, words)
    assert q.speaker == speaker, (words, q.speaker, q.speaker_span)
    if qtype is not None:
        assert q.type is qtype, (words, q.type)
    text = a.document.text
    assert text[q.text.start:q.text.end] == q.text.text
    if q.speaker_span is not None:
        assert text[q.speaker_span.start:q.speaker_span.end] == q.speaker_span.text
    return q


@pytest.mark.parametrize(("text", "inner"), [
    ("Sie sagte: „Wir bleiben.“ Dann ging sie.", "Wir bleiben."),
    ("Er rief »Weiter so« und lachte.", "Weiter so"),
    ("On dit «bien joué» ici.", "bien joué"),
    ('She said "we stay" and left.', "we stay"),
    ("She said “we stay” and left.", "we stay"),
    ("Er schrieb ‚vielleicht‘ an den Rand.", "vielleicht"),
    ("He wrote 'maybe later' in the margin, didn't he?", "maybe later"),
])
def test_every_quotation_mark_style(text: str, inner: str) -> None:
    spans = marked_spans(text)
    assert [text[s.inner_start:s.inner_end] for s in spans] == [inner]


def test_apostrophes_and_nested_marks_are_not_quotations() -> None:
    assert marked_spans("The company's chief didn't say.") == []
    text = "„Er sagte ‚nie‘ zu mir“, erzählte sie."
    assert [text[s.inner_start:s.inner_end] for s in marked_spans(text)] == ["Er sagte ‚nie‘ zu mir"]


@pytest.mark.parametrize(("doc", "words", "speaker", "qtype"), [
    ("en", "I am honoured to lead this company", "Clara Finch", QuoteType.DIRECT),  # speaker after the quotation
    ("en", "It was time for me to go. The mills are in good hands.", "Tomas Reed", QuoteType.DIRECT),  # two sentences
    ("en", "It is a fresh start", "Tomas Reed", QuoteType.DIRECT),  # single marks, inverted verb
    ("en", "it expected revenue to rise", "Brightwater Mills", QuoteType.INDIRECT),  # "the company said that"
    ("en", "the board had approved the plan", "Clara Finch", QuoteType.REPORTED),  # according to
    ("de", "Ich freue mich auf die Aufgabe", "Johanna Brenner", QuoteType.DIRECT),
    ("de", "Es ist Zeit für mich zu gehen. Die Werke sind in guten Händen", "Martin Kahl", QuoteType.DIRECT),
    ("de", "der Umsatz werde im nächsten Jahr steigen", "Kesselwerk AG", QuoteType.INDIRECT),  # das Unternehmen
    ("de", "er sei froh über die Entscheidung", "Martin Kahl", QuoteType.INDIRECT),  # sagte, er sei
    ("de", "Er habe das Unternehmen gern geführt", "Martin Kahl", None),  # reported speech goes on
    ("de", "Laut Brenner hat der Aufsichtsrat", "Johanna Brenner", QuoteType.REPORTED),  # laut
])
def test_constructions_and_their_speakers(articles: dict[str, Analysis], doc: str, words: str, speaker: str,
                                          qtype: QuoteType | None) -> None:
    said_by(articles[doc], words, speaker, qtype)


@pytest.mark.parametrize(("doc", "first", "second", "speaker"), [
    ("en", "We will grow", "and we will hire in every region", "Clara Finch"),
    ("de", "Wir wollen wachsen", "und wir stellen in allen Regionen ein", "Johanna Brenner"),
])
def test_a_quotation_split_by_its_speech_verb_is_one_quotation_of_two_parts(
        articles: dict[str, Analysis], doc: str, first: str, second: str, speaker: str) -> None:
    q = said_by(articles[doc], first, speaker, QuoteType.DIRECT)
    assert [p.text.rstrip(".") for p in q.parts] == [first, second]
    assert q.speaker_span is not None and q.speaker_span.text.casefold() in ("she", "sie")  # the pronoun, resolved
    assert q.cue is not None and q.cue.text in ("said", "sagte")


def test_interview_answers_belong_to_the_named_speaker_and_questions_to_nobody(articles: dict[str, Analysis]) -> None:
    a = articles["iv_de"]
    said_by(a, "Weil die Mitarbeiter mich darum gebeten haben", "Ortrun Feldkamp", QuoteType.DIRECT)
    said_by(a, "Wir haben die Standorte zusammengelegt", "Ortrun Feldkamp", QuoteType.DIRECT)  # no label: same speaker
    assert not any("Warum haben Sie" in q.text.text or "Was haben Sie" in q.text.text for q in a.quotes)
    assert not quote(a, "Weil die Mitarbeiter").text.text.startswith("Feldkamp")  # the label is not quoted


def test_q_and_a_interview_answers_belong_to_the_interviewee(articles: dict[str, Analysis]) -> None:
    a = articles["iv_en"]
    q = said_by(a, "The ships. We will modernise the whole fleet", "Idris Calloway", QuoteType.DIRECT)
    assert not q.text.text.startswith("A:")
    assert not any("What comes first" in x.text.text for x in a.quotes)


def test_a_signed_post_is_quoted_with_its_author(articles: dict[str, Analysis]) -> None:
    said_by(articles["post_de"], "Heute war mein letzter Tag", "Edda Marwitz", QuoteType.DIRECT)


def test_extract_records_carry_offsets_into_the_text(articles: dict[str, Analysis]) -> None:
    recs = [r for r in records([articles["de"]]) if r["kind"] == "quote"]
    assert recs and all(DE[r["start"]:r["end"]] == r["text"] for r in recs)
    r = next(r for r in recs if r["text"].startswith("Ich freue mich"))
    assert (r["speaker"], r["type"], r["speaker_kind"]) == ("Johanna Brenner", "direct", "person")
    assert DE[r["speaker_start"]:r["speaker_end"]] == "Brenner"


@pytest.fixture(scope="module")
def served(articles: dict[str, Analysis], tmp_path_factory: pytest.TempPathFactory) -> Iterator[httpx.Client]:
    db: Path = tmp_path_factory.mktemp("quotes") / "store.db"
    with SQLiteStore(db) as store:
        assert store.add_analyses(articles.values()).added == len(articles)
    with serve_in_thread(create_app(Settings(db))) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


def test_quotations_survive_the_store(articles: dict[str, Analysis], tmp_path: Path) -> None:
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_analyses([articles["de"]])
        back = store.analysis("de")
        assert back is not None
        assert [(q.text, q.speaker, q.type, q.speaker_span, q.cue) for q in back.quotes] == \
            [(q.text, q.speaker, q.type, q.speaker_span, q.cue) for q in articles["de"].quotes]
        assert {q.quote.speaker for q in store.quotes(person="martin kahl")} == {"Martin Kahl"}  # case ignored


def test_quotes_api_by_person_and_organisation(served: httpx.Client) -> None:
    by_person = served.get("/quotes", params={"person": "Johanna Brenner"}).json()
    assert by_person["items"] and {q["speaker"] for q in by_person["items"]} == {"Johanna Brenner"}
    q = by_person["items"][0]
    assert q["doc_id"] == "de" and q["sentence"]["start"] <= q["quote"]["start"] <= q["quote"]["end"] <= q["sentence"]["end"]
    by_org = served.get("/quotes", params={"org": "Kesselwerk AG"}).json()["items"]
    assert any(x["speaker"] == "Kesselwerk AG" for x in by_org)
    assert {x["doc_id"] for x in by_org} == {"de"}
    doc = served.get("/documents/iv_de").json()
    assert any(x["speaker"] == "Ortrun Feldkamp" for x in doc["quotes"])
    assert served.get("/quotes", params={"person": ""}).status_code == 422


def test_speaker_kinds(articles: dict[str, Analysis]) -> None:
    assert quote(articles["de"], "der Umsatz werde").speaker_kind is MentionKind.ORG
    assert quote(articles["de"], "Ich freue mich").speaker_kind is MentionKind.PERSON


def test_json_export_carries_the_quotations(articles: dict[str, Analysis], tmp_path: Path) -> None:
    import json

    from succession.timeline.export import export

    with SQLiteStore(tmp_path / "e.db") as store:
        store.add_analyses([articles["de"], articles["en"]])
        everything = json.loads(export(store, "json"))
        kahl = json.loads(export(store, "json", person="Martin Kahl"))
    assert {q["doc"] for q in everything["quotes"]} == {"de", "en"}
    assert kahl["quotes"] and {q["speaker"] for q in kahl["quotes"]} == {"Martin Kahl"}
    assert all(q["id"].startswith("qu-") for q in kahl["quotes"]) and "de" in kahl["documents"]
