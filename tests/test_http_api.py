"""The HTTP API (succession.web) against a real server on loopback: reads, paging, validation, writes.

The store is built from hand-made analyses of fictional articles (no NLP), so every answer is known;
the writes that go through the extractor use fictional articles too. ``test_schemathesis_finds_no_5xx``
fuzzes every operation of the OpenAPI spec (bounded: 30 examples per operation, no deadline).
"""
from __future__ import annotations

import datetime as dt
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from succession.timeline import query
from succession.models import (
    Analysis, DateValue, Document, Entity, Event, EventType, MentionKind, Modality, RoleFact, Span,
)
from succession.store import open_store
from succession.web import Settings, create_app, serve_in_thread
from succession.web.settings import TOKEN_ENV

from conftest import store_target

TOKEN = "test-token-7f3a"
AUTH = {"Authorization": f"Bearer {TOKEN}"}

# ------------------------------------------------------------------------------ fictional corpus

QW1 = ("Quillon Werke names Hedda Morrow chief executive\n\n"
       "Quillon Werke said on Monday that Hedda Morrow will become chief executive on 2 March 2031, "
       "replacing Tobias Venn, who was dismissed on 1 March. Chair Ottilie Brandt praised the decision.")
QW2 = ("Quillon Werke: Hedda Morrow wird Vorstandschefin\n\n"
       "Die Quillon Werke haben Hedda Morrow zur Vorstandschefin ernannt. Sie folgt auf Tobias Venn.")
QW3 = ("Morrow may leave Quillon Werke\n\n"
       "Hedda Morrow could leave Quillon Werke for Larchmont Bank, people familiar with the talks said.")
LB1 = ("Larchmont Bank hires a finance chief\n\n"
       "Larchmont Bank appointed Tobias Venn as chief financial officer in January 2030.")


def _span(text: str, sentence: str) -> Span:
    start = text.index(sentence)
    return Span(start, start + len(sentence), sentence)


def _event(doc: str, text: str, sentence: str, etype: EventType, holder: str, role: str | None, org: str,
           date: str | None, modality: Modality = Modality.ASSERTED) -> Event:
    return Event(doc, etype, holder, MentionKind.PERSON, role, org, DateValue(date) if date else None, modality,
                 _span(text, sentence), confidence=0.8)


def _people(*names: tuple[str, tuple[str, ...]]) -> tuple[Entity, ...]:
    return tuple(Entity(n, MentionKind.PERSON, v) for n, v in names)


def corpus() -> list[Analysis]:
    s1 = "Quillon Werke said on Monday that Hedda Morrow will become chief executive on 2 March 2031, " \
         "replacing Tobias Venn, who was dismissed on 1 March."
    s2 = "Die Quillon Werke haben Hedda Morrow zur Vorstandschefin ernannt."
    s3 = "Hedda Morrow could leave Quillon Werke for Larchmont Bank, people familiar with the talks said."
    s4 = "Larchmont Bank appointed Tobias Venn as chief financial officer in January 2030."
    people = _people(("Hedda Morrow", ("Morrow", "H. Morrow")), ("Tobias Venn", ("Venn",)))
    return [
        Analysis(Document("qw-1", QW1, "Quillon Werke names Hedda Morrow chief executive", "https://news.example/qw-1",
                          "2031-03-02", "en", "fixture/qw-1.txt"), "en", DateValue("2031-03-02"), "given",
                 entities=people, story="s-qw",
                 events=(_event("qw-1", QW1, s1, EventType.DISMISSED, "Tobias Venn", "CEO", "Quillon Werke", "2031-03-01"),
                         _event("qw-1", QW1, s1, EventType.APPOINTED, "Hedda Morrow", "CEO", "Quillon Werke", "2031-03-02")),
                 facts=(RoleFact("qw-1", "Ottilie Brandt", "chair", "Quillon Werke",
                                 _span(QW1, "Chair Ottilie Brandt praised the decision.")),)),
        Analysis(Document("qw-2", QW2, "Quillon Werke: Hedda Morrow wird Vorstandschefin", None, "2031-03-03", "de",
                          "fixture/qw-2.txt"), "de", DateValue("2031-03-03"), "given", entities=people, story="s-qw",
                 events=(_event("qw-2", QW2, s2, EventType.APPOINTED, "Hedda Morrow", "CEO", "Quillon Werke", "2031-03-02"),)),
        Analysis(Document("qw-3", QW3, "Morrow may leave Quillon Werke", None, "2031-06-10", "en", "fixture/qw-3.txt"),
                 "en", DateValue("2031-06-10"), "given", entities=people, story="s-qw3",
                 events=(_event("qw-3", QW3, s3, EventType.DEPARTED, "Morrow", "CEO", "Quillon Werke", None,
                                Modality.RUMOURED),)),
        Analysis(Document("lb-1", LB1, "Larchmont Bank hires a finance chief", None, "2030-01-20", "en", "fixture/lb-1.txt"),
                 "en", DateValue("2030-01-20"), "given", entities=people, story="s-lb",
                 events=(_event("lb-1", LB1, s4, EventType.APPOINTED, "Venn", "CFO", "Larchmont Bank", "2030-01"),)),
    ]


def build_store(path: Path | str) -> Path | str:
    with open_store(path) as store:
        report = store.add_analyses(corpus())
        assert report.added == 4, report
        store.ensure_fused()
    return path


# -------------------------------------------------------------------------------------- servers

@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, backend: str) -> Path | str:
    """The store behind the server: a SQLite file, or a schema of the test PostgreSQL (every test here runs
    on both)."""
    return build_store(store_target(backend, tmp_path_factory.mktemp("http") / "store.db"))


@pytest.fixture(scope="module")
def base(db: Path) -> Iterator[str]:
    with serve_in_thread(create_app(Settings(db, token=TOKEN))) as url:
        yield url


@pytest.fixture(scope="module")
def client(base: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base, timeout=60) as c:
        yield c


# ------------------------------------------------------------------------------------------ reads

def test_health_and_openapi(client: httpx.Client) -> None:
    assert client.get("/health").json() == {"status": "ok", "documents": 4, "events": 5, "writable": True}
    spec = client.get("/openapi.json").json()
    for path in ("/documents", "/documents/{doc_id}", "/stories", "/stories/{story_id}", "/entities", "/events",
                 "/tenures", "/timeline", "/who", "/where", "/search", "/sources/{record_id}", "/articles"):
        assert path in spec["paths"], path
    assert set(spec["paths"]["/articles"]["post"]["requestBody"]["content"]) == {"application/json", "multipart/form-data"}


def test_docs_and_page_are_served_without_a_cdn(client: httpx.Client) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200 and "/docs-assets/swagger-ui-bundle.js" in docs.text
    assert "cdn" not in docs.text.lower() and client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    page = client.get("/")
    assert page.status_code == 200 and "script-src 'self'" in page.headers["content-security-policy"]
    assert "/static/app.js" in page.text and "http" not in page.text.replace('href="/docs"', "")
    js = client.get("/static/app.js").text
    assert "innerHTML" not in js and "insertAdjacentHTML" not in js and "eval(" not in js


def test_documents_page_and_detail(client: httpx.Client) -> None:
    first = client.get("/documents", params={"limit": 2}).json()
    assert (first["total"], first["limit"], first["offset"]) == (4, 2, 0)
    assert [d["id"] for d in first["items"]] == ["lb-1", "qw-1"]
    second = client.get("/documents", params={"limit": 2, "offset": 2}).json()
    assert [d["id"] for d in second["items"]] == ["qw-2", "qw-3"]
    assert client.get("/documents", params={"offset": 10}).json()["items"] == []
    doc = client.get("/documents/qw-1").json()
    assert doc["text"] == QW1 and doc["story"] == "s-qw" and doc["published"] == "2031-03-02"
    for ev in doc["events"]:
        assert doc["text"][ev["evidence"]["start"]:ev["evidence"]["end"]] == ev["evidence"]["text"]
    assert doc["facts"][0]["holder"] == "Ottilie Brandt"
    missing = client.get("/documents/nope")
    assert missing.status_code == 404 and missing.json() == {"detail": "no document with id 'nope'"}


@pytest.mark.parametrize("params", [{"limit": 0}, {"limit": 501}, {"offset": -1}, {"limit": "many"}])
def test_paging_is_validated(client: httpx.Client, params: dict[str, object]) -> None:
    r = client.get("/documents", params=params)
    assert r.status_code == 422 and isinstance(r.json()["detail"], list)


def test_tenures_who_and_where(client: httpx.Client, db: Path) -> None:
    ceo = client.get("/tenures", params={"org": "Quillon Werke", "role": "CEO"}).json()
    assert sorted(t["holder"] for t in ceo["items"]) == ["Hedda Morrow", "Tobias Venn"]
    assert all(t["seat"] == "ceo" for t in ceo["items"])
    who = client.get("/who", params={"org": "quillon werke", "role": "CEO", "on": "2031-04-01"}).json()
    assert who["holders"] == ["Hedda Morrow"]
    with open_store(db) as store:  # the API answers what the library answers
        assert who["holders"] == query.who(store, "Quillon Werke", "CEO", dt.date(2031, 4, 1))
        assert client.get("/who", params={"org": "Quillon Werke", "role": "CEO", "on": "2031-02-01"}).json()["holders"] \
            == query.who(store, "Quillon Werke", "CEO", "2031-02-01")
    where = client.get("/where", params={"person": "H. Morrow", "on": "2031-04-01"}).json()  # a known variant
    assert where["orgs"] == ["Quillon Werke"]
    cfo = client.get("/tenures", params={"person": "Venn", "on": "2031-06-01"}).json()
    assert [t["org"] for t in cfo["items"]] == ["Larchmont Bank"]
    # role words in German, inflected names; an empty answer says why and names the nearest organisation
    assert client.get("/who", params={"org": "Quillon Werken", "role": "Vorstandschefin", "on": "2031-04-01"}
                      ).json()["holders"] == ["Hedda Morrow"]
    assert client.get("/tenures", params={"org": "Quillon Werke", "role": "Konzernchef"}).json()["total"] == 2
    none = client.get("/who", params={"org": "Quilon Werk", "role": "CEO", "on": "2031-04-01"}).json()
    assert none["holders"] == [] and "Quillon Werke" in none["why"]


@pytest.mark.parametrize("params", [
    {"org": "Quillon Werke", "role": "CEO", "on": "2031-02-30"},
    {"org": "Quillon Werke", "role": "CEO", "on": "0000-01-01"},
    {"org": "Quillon Werke", "role": "CEO", "on": "yesterday"},
    {"org": "Quillon Werke", "role": "CEO"},
    {"org": "", "role": "CEO", "on": "2031-01-01"},
    {"org": "x" * 201, "role": "CEO", "on": "2031-01-01"},
])
def test_who_rejects_bad_input_with_json_detail(client: httpx.Client, params: dict[str, str]) -> None:
    r = client.get("/who", params=params)
    assert r.status_code == 422 and r.headers["content-type"] == "application/json" and r.json()["detail"]


def test_timeline_events_sources_and_markers(client: httpx.Client) -> None:
    tl = client.get("/timeline", params={"org": "Quillon Werke"}).json()
    assert tl["total_tenures"] == len(tl["tenures"]) >= 3
    assert {t["holder"] for t in tl["tenures"]} >= {"Hedda Morrow", "Tobias Venn", "Ottilie Brandt"}
    markers = client.get("/events", params={"org": "Quillon Werke", "status": "marker"}).json()["items"]
    assert [(e["holder"], e["modality"]) for e in markers] == [("Hedda Morrow", "rumoured")]
    hedda = next(t for t in tl["tenures"] if t["holder"] == "Hedda Morrow")
    assert client.get(f"/tenures/{hedda['id']}").json() == hedda
    sources = client.get(f"/sources/{hedda['id']}").json()
    assert {s["doc_id"] for s in sources} == {"qw-1", "qw-2"}
    assert {s["title"] for s in sources} == {"Quillon Werke names Hedda Morrow chief executive",
                                             "Quillon Werke: Hedda Morrow wird Vorstandschefin"}
    event_id = hedda["events"][0]
    assert client.get(f"/events/{event_id}").json()["id"] == event_id
    assert client.get(f"/events/{hedda['id']}").status_code == 404  # a tenure id is not an event
    assert client.get("/sources/t-0000").status_code == 404


def test_stories_and_versions(client: httpx.Client) -> None:
    stories = client.get("/stories", params={"min_documents": 2}).json()
    assert stories["total"] == 1 and [d["id"] for d in stories["items"][0]["documents"]] == ["qw-1", "qw-2"]
    story = client.get("/stories/s-qw").json()
    assert story["total"] == 2 and [d["id"] for d in story["documents"]] == ["qw-1", "qw-2"]
    assert story["documents"][1]["text"] == QW2
    assert client.get("/documents", params={"story": "s-qw"}).json()["total"] == 2
    assert client.get("/stories/none").status_code == 404


def test_entities_and_search(client: httpx.Client) -> None:
    people = client.get("/entities", params={"kind": "person"}).json()
    names = [p["name"] for p in people["items"]]
    assert {"Hedda Morrow", "Tobias Venn", "Ottilie Brandt"} <= set(names)
    hedda = next(p for p in people["items"] if p["name"] == "Hedda Morrow")
    assert "H. Morrow" in hedda["variants"]
    orgs = client.get("/entities", params={"kind": "org", "q": "quillon"}).json()
    assert [o["name"] for o in orgs["items"]] == ["Quillon Werke"]
    assert client.get("/entities", params={"kind": "ship"}).status_code == 422
    hits = client.get("/search", params={"q": "Vorstandschefin"}).json()["items"]
    assert {h["doc_id"] for h in hits} == {"qw-2"}
    assert client.get("/search", params={"q": "\"OR NEAR( *"}).status_code == 200  # never FTS syntax
    assert client.get("/search", params={"q": ""}).status_code == 422
    assert client.get("/no-such-route").json() == {"detail": "Not Found"}


# ----------------------------------------------------------------------------------------- writes

def test_writes_need_the_token(client: httpx.Client) -> None:
    article = {"id": "w-0", "text": "Nothing happened at Quillon Werke today."}
    missing = client.post("/articles", json=article)
    assert missing.status_code == 401 and missing.headers["www-authenticate"] == "Bearer"
    assert client.post("/articles", json=article, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.post("/articles", json=article, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401


def test_writes_are_refused_without_a_configured_token(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    settings = Settings.from_env(db)
    assert settings.token is None
    with serve_in_thread(create_app(settings)) as url:
        r = httpx.post(f"{url}/articles", json={"id": "x", "text": "x"}, headers=AUTH)
        assert r.status_code == 403 and TOKEN_ENV in r.json()["detail"]
        assert httpx.get(f"{url}/health").json()["writable"] is False
    with pytest.raises(ValueError):
        Settings.from_env(db, {TOKEN_ENV: "secret"}, max_body=0)


def test_request_size_limit(client: httpx.Client, base: str) -> None:
    big = b"x" * 5_000_001
    declared = client.post("/articles", content=big, headers={**AUTH, "content-type": "application/json"})
    assert declared.status_code == 413 and "too large" in declared.json()["detail"]

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted as it arrives
        for _ in range(6):
            yield b" " * 1_000_000

    streamed = client.post("/articles", content=chunks(), headers={**AUTH, "content-type": "application/json"})
    assert streamed.status_code == 413
    # an absurd Content-Length is answered at once, before any body is sent
    host, port = base.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 1000000000000\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 413 ")


@pytest.mark.parametrize("body, kind, status", [
    (b"{not json", "application/json", 400),
    (b'{"id": "", "text": "x"}', "application/json", 422),
    (b'{"id": "a"}', "application/json", 422),
    (b"[]", "application/json", 422),
    (json.dumps([{"id": str(i), "text": "t"} for i in range(101)]).encode(), "application/json", 422),
    (b'{"id": "a", "text": "   "}', "application/json", 422),
    (b"\xff\xfe", "application/json", 400),
    (b"id=a", "application/x-www-form-urlencoded", 415),
    (b"plain", "text/plain", 415),
])
def test_bad_articles_get_clear_4xx(client: httpx.Client, body: bytes, kind: str, status: int) -> None:
    r = client.post("/articles", content=body, headers={**AUTH, "content-type": kind})
    assert r.status_code == status and r.json()["detail"]


def test_bad_uploads_get_clear_4xx(client: httpx.Client) -> None:
    exe = client.post("/articles", headers=AUTH, files={"file": ("tool.exe", b"MZ\x00\x00", "application/octet-stream")})
    assert exe.status_code == 415 and ".jsonl" in exe.json()["detail"]
    binary = client.post("/articles", headers=AUTH, files={"file": ("a.txt", b"\x00\x01\x02" * 100, "text/plain")})
    assert binary.status_code == 422 and "binary" in json.dumps(binary.json()["detail"])
    no_file = client.post("/articles", headers=AUTH, data={"other": "x"}, files={"x": ("a.txt", b"hi", "text/plain")})
    assert no_file.status_code == 422


def test_post_articles_ingests_through_the_library(client: httpx.Client) -> None:
    """One JSON article, one uploaded .txt and a .jsonl with a bad line (the extractor runs: a few seconds)."""
    text = ("Larchmont Bank names Imke Sorensen CEO\n\n"
            "Larchmont Bank on Tuesday named Imke Sorensen as its new chief executive.")
    article = {"id": "2031/lb-2", "text": text, "published": "2031-09-02", "lang": "en",
               "url": "https://news.example/lb-2"}
    r = client.post("/articles", headers=AUTH, json=article)
    assert r.status_code == 200, r.text
    assert r.json() == {"added": 1, "replaced": 0, "unchanged": 0, "documents": ["2031/lb-2"], "rejected": [],
                        "moved": []}
    assert client.post("/articles", headers=AUTH, json=article).json()["unchanged"] == 1
    stored = client.get("/documents/2031%2Flb-2").json()  # an id with a slash is one path segment, encoded
    assert stored["text"] == text and stored["url"] == "https://news.example/lb-2"
    assert any(e["holder"] == "Imke Sorensen" and e["type"] == "appointed" for e in stored["events"])
    assert "Imke Sorensen" in client.get("/who", params={"org": "Larchmont Bank", "role": "CEO", "on": "2031-09-03"}).json()["holders"]

    upload = client.post("/articles", headers=AUTH, files={"file": ("../../etc/note one.txt", b"Quiet day\n\nNothing changed.", "text/plain")})
    assert upload.status_code == 200 and upload.json()["documents"] == ["note_one.txt"]
    lines = b'{"id": "j-1", "text": "Larchmont Bank said nothing."}\n{broken\n'
    jsonl = client.post("/articles", headers=AUTH, files={"file": ("batch.jsonl", lines, "application/octet-stream")})
    body = jsonl.json()
    assert body["documents"] == ["j-1"] and body["rejected"][0]["source"] == "upload:batch.jsonl:2"


def test_concurrent_reads(client: httpx.Client, base: str) -> None:
    """Many threads share the connection pool; every answer is the same."""
    from concurrent.futures import ThreadPoolExecutor

    def ask(_: int) -> list[str]:
        return httpx.get(f"{base}/who", params={"org": "Quillon Werke", "role": "CEO", "on": "2031-04-01"}).json()["holders"]

    with ThreadPoolExecutor(8) as pool:
        assert set(map(tuple, pool.map(ask, range(64)))) == {("Hedda Morrow",)}


# ----------------------------------------------------------------------------------- schemathesis

def _known_ids(url: str) -> dict[str, str]:
    """Real ids for the path parameters, so fuzzing also reaches the answers behind them."""
    tenure = httpx.get(f"{url}/tenures", params={"org": "Quillon Werke", "role": "CEO"}).json()["items"][0]
    return {"doc_id": "qw-1", "story_id": "s-qw", "tenure_id": tenure["id"], "record_id": tenure["id"],
            "event_id": tenure["events"][0]}


def test_schemathesis_finds_no_5xx(tmp_path: Path) -> None:
    """Every operation, 30 examples each of valid input, of invalid input, and of valid input on real ids:
    no answer is a server error."""
    schemathesis = pytest.importorskip("schemathesis")
    from hypothesis import HealthCheck, given, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error

    db = build_store(tmp_path / "fuzz.db")
    started = time.monotonic()
    ran = 0
    with serve_in_thread(create_app(Settings(db, token=TOKEN))) as url:
        schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
        ids = _known_ids(url)
        for result in schema.get_all_operations():
            operation = result.ok()
            fixed = {k: v for k, v in ids.items() if "{" + k + "}" in operation.path}
            strategies = [operation.as_strategy(GenerationMode.POSITIVE), operation.as_strategy(GenerationMode.NEGATIVE)]
            if fixed:
                strategies.append(operation.as_strategy(GenerationMode.POSITIVE, path_parameters=fixed))
            for strategy in strategies:

                @given(case=strategy)
                @settings(max_examples=30, deadline=None, database=None, derandomize=True,
                          suppress_health_check=list(HealthCheck))
                def run(case: schemathesis.Case) -> None:
                    case.call_and_validate(base_url=url, headers=AUTH, checks=[not_a_server_error], timeout=60)

                try:
                    run()
                except Unsatisfiable:  # no invalid input exists (an operation without parameters)
                    continue
                ran += 1
    assert ran >= 15 * 2 + 1 + 5
    assert time.monotonic() - started < 240
