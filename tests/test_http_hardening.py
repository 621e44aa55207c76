"""The HTTP server under hostile use (issue 9): the hostile corpus posted as uploads and JSON gives no 5xx,
reads never fail while a writer commits, half-sent requests are cut off, every answer carries the
security headers, only allowed Host names are answered, and any document id can be opened."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402
from test_fuse import Article  # noqa: E402
from test_http_api import AUTH, TOKEN, build_store  # noqa: E402

from succession.sanitize import printable  # noqa: E402
from succession.store import SQLiteStore  # noqa: E402
from succession.web import Settings, create_app, serve_in_thread  # noqa: E402


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = build_store(tmp_path_factory.mktemp("hardening") / "store.db")
    with SQLiteStore(path) as store:  # ids a URL path cannot carry
        store.add_analyses([Article("..", "2031-01-05").event("appointed", "Runa Vik", "CEO", "Tessel Bank").build(),
                            Article("a/../b", "2031-01-06").event("appointed", "Ewan Tarr", "CFO", "Tessel Bank").build()])
    return path


@pytest.fixture(scope="module")
def base(db: Path) -> Iterator[str]:
    settings = Settings(db, token=TOKEN, request_timeout=1.0, max_connections=20)
    with serve_in_thread(create_app(settings)) as url:
        yield url


def _host_port(base: str) -> tuple[str, int]:
    host, port = base.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


# --- 11. security headers and the Host allow-list ----------------------------------------------------

@pytest.mark.parametrize("method, path", [
    ("GET", "/"), ("GET", "/health"), ("GET", "/documents"), ("GET", "/documents/nope"), ("GET", "/static/app.js"),
    ("GET", "/docs"), ("GET", "/openapi.json"), ("POST", "/articles"), ("GET", "/who?org=x"),
])
def test_security_headers_on_every_response(base: str, method: str, path: str) -> None:
    r = httpx.request(method, base + path)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in r.headers["content-security-policy"]
    assert r.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("host, status", [
    ("evil.example", 400), ("evil.example:80", 400), ("127.0.0.1.evil.example", 400), ("", 400),
    ("localhost", 200), ("LOCALHOST:1234", 200), ("127.0.0.1", 200), ("[::1]:8000", 200),
])
def test_only_allowed_host_names_are_answered(base: str, host: str, status: int) -> None:
    r = httpx.get(base + "/health", headers={"Host": host})
    assert r.status_code == status
    assert r.headers["x-content-type-options"] == "nosniff"


def test_allowed_hosts_come_from_the_environment(db: Path) -> None:
    settings = Settings.from_env(db, {"SUCCESSION_ALLOWED_HOSTS": "news.example, Intranet"})
    assert {"news.example", "intranet", "localhost"} <= set(settings.allowed_hosts)


# --- 12. any id can be opened ---------------------------------------------------------------------

@pytest.mark.parametrize("doc_id", ["..", "a/../b", "qw-1"])
def test_document_by_query_opens_any_id(base: str, doc_id: str) -> None:
    r = httpx.get(base + "/document", params={"id": doc_id})
    assert r.status_code == 200, r.text
    assert r.json()["id"] == doc_id
    assert httpx.get(base + "/document", params={"id": "missing"}).status_code == 404


# --- 10. slow clients are cut off -----------------------------------------------------------------

@pytest.mark.parametrize("partial", [
    b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n",  # headers never finished
    b"POST /articles HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{",
])
def test_half_sent_request_is_closed_after_the_timeout(base: str, partial: bytes) -> None:
    t = time.monotonic()
    with socket.create_connection(_host_port(base), timeout=10) as sock:
        sock.sendall(partial)
        rest = b""
        try:
            while chunk := sock.recv(4096):
                rest += chunk
        except ConnectionResetError:
            pass
    assert time.monotonic() - t < 5  # request_timeout is 1 s here
    assert not rest.startswith(b"HTTP/1.1 200")


def test_connection_limit(db: Path) -> None:
    settings = Settings(db, max_connections=3, request_timeout=5.0)
    with serve_in_thread(create_app(settings)) as url:
        idle = [socket.create_connection(_host_port(url)) for _ in range(3)]
        try:
            time.sleep(0.2)
            assert httpx.get(url + "/health").status_code == 503  # beyond the limit: refused, not queued
        finally:
            for s in idle:
                s.close()
        time.sleep(0.3)
        assert httpx.get(url + "/health").status_code == 200


# --- the hostile corpus over HTTP -------------------------------------------------------------------

def test_hostile_corpus_posted_gives_no_5xx(base: str, tmp_path: Path) -> None:
    corpus = hostile.build(tmp_path / "corpus", tiny=0)
    # every bad file that is a file (names with control characters are listed escaped: not found here)
    files = [p for p in map(Path, (s for s in corpus.bad if ".jsonl:" not in s)) if p.is_file() and not p.is_symlink()]
    files += [p for p in (corpus.root / rel for rel in sorted(corpus.good)) if p.is_file()][:6]
    files.append(corpus.root / "feeds" / "wire.jsonl")
    statuses: dict[int, int] = {}
    with httpx.Client(base_url=base, headers=AUTH, timeout=120) as client:
        for path in files:
            data = path.read_bytes()
            for r in (client.post("/articles", files={"file": (printable(path.name), data)}),
                      client.post("/articles", content=data, headers={"content-type": "application/json"})):
                statuses[r.status_code] = statuses.get(r.status_code, 0) + 1
                assert r.status_code < 500, (path, r.status_code, r.text[:300])
        for line in (corpus.root / "feeds" / "wire.jsonl").read_bytes().splitlines():
            r = client.post("/articles", content=line, headers={"content-type": "application/json"})
            assert r.status_code < 500, (line[:80], r.status_code, r.text[:300])
    assert len(files) >= 75 and statuses.get(200, 0) >= 6, statuses


# --- 6. reads see one snapshot while a writer commits --------------------------------------------------

WRITER = """
import sys
sys.path.insert(0, {tests!r})
from test_crash_safety import synthetic
from succession.store import SQLiteStore
import dataclasses, time
store = SQLiteStore({db!r})
end = time.monotonic() + {seconds}
round = 0
while time.monotonic() < end:
    round += 1
    batch = []
    for i in range(40):
        a = synthetic(i)
        doc = dataclasses.replace(a.document, id=f"w{{i}}", text=a.document.text + " " * (round % 7))
        batch.append(dataclasses.replace(a, document=doc, events=tuple(dataclasses.replace(e, doc_id=doc.id)
                                                                      for e in a.events)))
    store.add_analyses(batch, batch_size=1)  # one article per commit: the most chances to fall between reads
print(round)
"""


def _writer(db: Path, seconds: float) -> subprocess.Popen[str]:
    code = WRITER.format(tests=str(Path(__file__).resolve().parent), db=str(db), seconds=seconds)
    return subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_store_reads_never_see_half_a_commit(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    SQLiteStore(db).close()
    writer = _writer(db, 4.0)
    reads = 0
    with SQLiteStore(db) as store:
        while writer.poll() is None:
            reports = list(store.event_reports()) + list(store.fact_reports())
            assert all(r.doc.doc_id for r in reports)
            store.documents_info()
            reads += 1
    out, err = writer.communicate()
    assert writer.returncode == 0, err
    assert reads > 10 and int(out) > 1


def test_http_reads_during_a_running_ingest_never_fail(tmp_path: Path) -> None:
    db = build_store(tmp_path / "busy.db")
    failures: list[str] = []
    counts = [0]
    with serve_in_thread(create_app(Settings(db))) as url:
        writer = _writer(db, 6.0)

        def read() -> None:
            with httpx.Client(base_url=url, timeout=60) as client:
                while writer.poll() is None:
                    for path in ("/events?limit=5", "/documents?limit=5", "/timeline?limit=5", "/tenures",
                                 "/document?id=w3", "/stories?limit=3", "/health"):
                        r = client.get(path)
                        counts[0] += 1
                        if r.status_code not in (200, 404):
                            failures.append(f"{path}: {r.status_code} {r.text[:200]}")

        readers = [threading.Thread(target=read) for _ in range(4)]
        for t in readers:
            t.start()
        for t in readers:
            t.join(120)
        writer.communicate()
    print(f"{counts[0]} HTTP reads during the writer, {len(failures)} failed")
    assert failures == [] and counts[0] > 50, (failures[:5], counts)


# --- 12. `succession serve` as a user runs it ---------------------------------------------------------

def test_serve_says_serving_only_once_it_answers(db: Path) -> None:
    command = str(Path(sys.executable).with_name("succession"))
    proc = subprocess.Popen([command, "serve", "--db", str(db), "--port", "0", "--allow-host", "news.example"],
                            stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    try:
        assert proc.stderr is not None
        line = ""
        deadline = time.monotonic() + 120
        while not line.startswith("serving") and time.monotonic() < deadline:
            line = proc.stderr.readline()
            assert line or proc.poll() is None, "serve exited early"
        url = line.split(" on http://", 1)[1].split("/", 1)[0]
        url = "http://" + url
        assert httpx.get(url + "/health").status_code == 200  # at once: printed after the bind and the store
        assert httpx.get(url + "/health", headers={"Host": "news.example"}).status_code == 200
        assert httpx.get(url + "/health", headers={"Host": "evil.example"}).status_code == 400
        taken = subprocess.run([command, "serve", "--db", str(db), "--port", url.rsplit(":", 1)[1]],
                               capture_output=True, text=True, timeout=120)
        assert taken.returncode == 2 and "cannot listen" in taken.stderr and "Traceback" not in taken.stderr
    finally:
        proc.terminate()
        proc.wait(30)


def test_replacing_an_article_from_another_upload_is_announced(base: str) -> None:
    text = b"Tessel Bank names Runa Vik chair\n\nTessel Bank has appointed Runa Vik as chair of its board.\n"
    with httpx.Client(base_url=base, headers=AUTH, timeout=120) as client:
        first = client.post("/articles", files={"file": ("notice.jsonl", b'{"id": "notice", "text": "' + text.replace(b"\n", b"\\n") + b'"}\n')})
        again = client.post("/articles", json={"id": "notice", "text": text.decode() + " Updated."})
    assert first.status_code == again.status_code == 200, (first.text, again.text)
    assert again.json()["replaced"] == 1
    assert again.json()["moved"] == [{"source": "api:notice",
                                      "reason": "replaces document 'notice' stored from upload:notice.jsonl:1"}]
