"""Regression tests for issue 9, point by point: hostile records, memory caps, nothing half-done, control
characters, messages instead of tracebacks, ids, invented dates. Fictional articles only; the tests
that analyse text load the language models once per session."""
from __future__ import annotations

import dataclasses
import errno
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

sys.path.insert(0, str(Path(__file__).resolve().parent))

from test_fuse import Article  # noqa: E402

from succession.sources import files as ingest_module  # noqa: E402
from succession.cli import app  # noqa: E402
from succession.sources.files import _record_from_line, document_from_record, iter_inputs  # noqa: E402
from succession.models import Document, Rejected  # noqa: E402
from succession.sanitize import MAX_TOKEN_CHARS, clean_text, printable, xml_safe  # noqa: E402
from succession.extract.sentences import MAX_SENTENCE_CHARS, split_sentences  # noqa: E402
from succession.store import SQLiteStore  # noqa: E402

ARTICLE = ("Brackmoor Freight names Ilse Varnum chief executive\n\n"
           "Brackmoor Freight said on Tuesday that it had appointed Ilse Varnum as chief executive. "
           "She succeeds Aldo Pennick, who retires in June after eleven years.\n")


def cli(*args: str):  # type: ignore[no-untyped-def]
    result = CliRunner(env={"COLUMNS": "200"}).invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.stderr
    return result


# --- 1. one bad record never costs the others -------------------------------------------------------

@pytest.mark.parametrize("line, reason", [
    ('{"id": "d", "text": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested too deeply"),
    ('{"id": ' + "7" * 4400 + ', "text": "x y"}', "4300 digits"),
    ('{"id": "a", "text": "Kestrel \\ud800 Bank"}', "'text' holds a lone surrogate (\\ud800)"),
    ('{"id": "\\ud800", "text": "Kestrel Bank"}', "'id' holds a lone surrogate"),
    ('{"id": "a", "title": "\\udc00", "text": "Kestrel Bank"}', "'title' holds a lone surrogate"),
    ('{"id": "' + "i" * 501 + '", "text": "Kestrel Bank"}', "at most 500"),
    ('{"id": "a\\u001b[2J", "text": "Kestrel Bank"}', "control characters"),
    ('{"id": true, "text": "Kestrel Bank"}', "'id'"),
    ('{"id": 1.5, "text": "Kestrel Bank"}', "'id'"),
])
def test_hostile_json_record_is_one_rejection(line: str, reason: str) -> None:
    item = _record_from_line(line, "feed.jsonl:3")
    assert isinstance(item, Rejected) and item.source == "feed.jsonl:3"
    assert reason in item.reason
    assert "\x1b" not in item.reason


def test_overlong_metadata_is_dropped_and_the_title_capped() -> None:
    doc = document_from_record({"id": 7, "text": "Kestrel Bank met.", "title": "T " * 600_000, "url": "u" * 3000,
                                "published": "2031" * 100, "lang": {"x": 1}}, "s")
    assert isinstance(doc, Document) and doc.id == "7"
    assert doc.title is not None and len(doc.title) <= 301 and doc.url is None and doc.published is None
    assert doc.lang is None


def test_file_name_that_is_not_utf8_is_skipped_with_an_escaped_name(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/r\xe9sum\xe9.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLE.encode())
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    assert [i.id for i in items if isinstance(i, Document)] == ["good.txt"]
    [bad] = [i for i in items if isinstance(i, Rejected)]
    assert bad.source.endswith("r\\udce9sum\\udce9.txt") and "not valid UTF-8" in bad.reason
    bad.source.encode("utf-8")  # printable: storable and printable everywhere


# --- 2. memory: tokens, fields and sentences are capped ---------------------------------------------

def test_long_tokens_are_cut_and_controls_removed() -> None:
    text, cut = clean_text("a\x00b\x1bc " + "x" * 1_000_000 + " end\r\n")
    assert cut == 1 and text.startswith("a b c ") and text.endswith(" end\n")
    assert max(len(w) for w in text.split()) == MAX_TOKEN_CHARS


def test_a_text_without_stops_is_cut_into_bounded_sentences() -> None:
    text = "harbour board river market " * 5000
    spans = split_sentences(text, "en")
    assert len(spans) > 1 and max(s.end - s.start for s in spans) <= MAX_SENTENCE_CHARS
    assert all(text[s.start:s.end] == s.text for s in spans)


def test_story_chunks_of_a_huge_title_stay_small() -> None:
    from succession.across.sketches import StoryConfig, _chunks

    chunks = _chunks("T " * 500_000, "body text " * 1000, StoryConfig())
    assert len(chunks) <= StoryConfig().max_chunks and max(len(c) for c in chunks) < 10_000


# --- 3. every document analysed or reported ---------------------------------------------------------

def test_unanalysable_and_failing_documents_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from succession import api

    docs = [Document("digits.txt", "0417 · 22:05 · 3,5 %\n", source="digits.txt"),
            Document("boom.txt", "Kestrel Bank met.\n", source="boom.txt")]
    real = api.analyse

    def analyse(doc, **kw):  # type: ignore[no-untyped-def]
        if doc.id == "boom.txt":
            raise MemoryError("simulated")
        return real(doc, **kw)

    monkeypatch.setattr(api, "analyse", analyse)
    monkeypatch.setattr(api, "analyse_many", lambda docs, **kw: (_ for _ in ()).throw(RuntimeError("batch")))
    run = api.analyse_documents(docs, keep_unanalysed=False, link=False)
    assert run.analyses == []
    reasons = {r.source: r.reason for r in run.rejected}
    assert "not supported" in reasons["digits.txt"] and "MemoryError: simulated" in reasons["boom.txt"]


# --- 4. control characters are removed or escaped ---------------------------------------------------

def test_printable_and_xml_safe() -> None:
    assert printable("a\nskipped b\x1b[2J\udcff\u202e") == "a\\x0askipped b\\x1b[2J\\udcff\\u202e"
    assert xml_safe("Kestrel\x00 Bank\x1b\ud800") == "Kestrel\ufffd Bank\ufffd\ufffd"


def test_graphml_export_survives_control_characters_in_names(tmp_path: Path) -> None:
    a = Article("nul", "2031-01-02").event("appointed", "Runa\x00 Vik", "CEO", "Tessel\x1b Bank", "2031-01-02").build()
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_analyses([a])
    result = cli("export", "--format", "graphml", "--db", str(tmp_path / "s.db"))
    import xml.dom.minidom

    xml.dom.minidom.parseString(result.stdout.encode("utf-8"))


# --- 5. messages instead of tracebacks -------------------------------------------------------------

def test_unreadable_file_named_directly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    real = os.open

    def deny(p, *a, **kw):  # type: ignore[no-untyped-def]
        if str(p) == str(path):  # what chmod 000 does for anyone but root (tests may run as root)
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real(p, *a, **kw)

    monkeypatch.setattr(ingest_module.os, "open", deny)
    result = cli("extract", str(path))
    assert result.exit_code == 1
    assert f"skipped {path}: cannot read: Permission denied" in result.stderr.splitlines()


def test_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "closed").mkdir()
    (tmp_path / "closed" / "a.txt").write_text(ARTICLE, encoding="utf-8")
    real = os.scandir

    def deny(p):  # type: ignore[no-untyped-def]
        if str(p).endswith("closed"):
            raise PermissionError(errno.EACCES, "Permission denied", str(p))
        return real(p)

    monkeypatch.setattr(ingest_module.os, "scandir", deny)
    [item] = iter_inputs([tmp_path])
    assert item == Rejected(str(tmp_path / "closed"), "cannot read folder: Permission denied")


def test_fifo_is_never_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.txt")
    assert [i.reason for i in iter_inputs([tmp_path / "pipe.txt"])] == ["not a regular file or folder"]
    assert [i.reason for i in ingest_module.read_file(tmp_path / "pipe.txt")] == ["not a regular file"]


def test_ingest_into_a_read_only_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "ro.db"
    SQLiteStore(db).close()
    (tmp_path / "empty.txt").write_bytes(b"")
    real = sqlite3.connect
    from succession import store as store_module

    def read_only(path, *a, **kw):  # type: ignore[no-untyped-def]
        return real(f"file:{path}?mode=ro", *a, uri=True, **kw)  # read-only even for root

    monkeypatch.setattr(store_module.sqlite3, "connect", read_only)
    result = cli("ingest", str(tmp_path / "empty.txt"), "--db", str(db))
    assert result.exit_code == 2
    assert "read-only" in result.stderr or "readonly" in result.stderr


def test_export_into_a_missing_folder(tmp_path: Path) -> None:
    SQLiteStore(tmp_path / "s.db").close()
    result = cli("export", "--db", str(tmp_path / "s.db"), "-o", str(tmp_path / "missing" / "out.json"))
    assert result.exit_code == 2 and "cannot write" in result.stderr and "No such file" in result.stderr


def test_corrupt_story_index_is_a_note(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with SQLiteStore(db) as store, store._write() as conn:
        store._set_meta(conn, "story_index", '{"version": 2, "articles": [')
    (tmp_path / "empty.txt").write_bytes(b"")
    result = cli("ingest", str(tmp_path / "empty.txt"), "--db", str(db))
    assert result.exit_code == 1
    assert any(line.startswith("note ") and "story index" in line for line in result.stderr.splitlines())


@pytest.mark.parametrize("content", [b"this is not a store\n" * 100, b"SQLite format 3\x00" + b"\x07" * 200])
def test_commands_on_a_file_that_is_not_a_store(tmp_path: Path, content: bytes) -> None:
    db = tmp_path / "notes.db"
    db.write_bytes(content)
    for args in (("timeline",), ("serve",), ("ingest", str(db))):
        result = cli(*args, "--db", str(db))
        assert result.exit_code == 2, (args, result.stderr)
        assert "cannot open store" in result.stderr


def test_serve_refuses_a_missing_store_unless_create(tmp_path: Path) -> None:
    result = cli("serve", "--db", str(tmp_path / "typo.db"))
    assert result.exit_code == 2 and "--create" in result.stderr
    assert not (tmp_path / "typo.db").exists()


# --- 8. ids by path inside the folder; replacing from another source is announced --------------------

def test_ids_are_paths_inside_the_folder_given(tmp_path: Path) -> None:
    for year in ("y2024", "y2025"):
        (tmp_path / "news" / year).mkdir(parents=True)
        (tmp_path / "news" / year / "report.txt").write_text(ARTICLE, encoding="utf-8")
    ids = [i.id for i in iter_inputs([tmp_path / "news"])]
    assert ids == ["y2024/report.txt", "y2025/report.txt"]
    assert [i.id for i in iter_inputs([tmp_path / "news" / "y2025" / "report.txt"])] == ["report.txt"]


def test_replacing_an_article_from_another_file_is_announced(tmp_path: Path) -> None:
    first = Article("report.txt", "2031-01-02").event("appointed", "Ilse Varnum", "CEO", "Brackmoor").build()
    second = Article("report.txt", "2032-01-02").event("departed", "Aldo Pennick", "CEO", "Brackmoor").build()
    first = dataclasses.replace(first, document=dataclasses.replace(first.document, source="y2024/report.txt"))
    second = dataclasses.replace(second, document=dataclasses.replace(second.document, source="y2025/report.txt"))
    with SQLiteStore(tmp_path / "s.db") as store:
        store.add_analyses([first])
        report = store.add_analyses([second])
        same_file = store.add_analyses([dataclasses.replace(first, document=dataclasses.replace(
            first.document, source="y2025/report.txt"))])
    assert report.replaced == 1
    assert [(r.source, r.reason) for r in report.moved] == [
        ("y2025/report.txt", "replaces document 'report.txt' stored from y2024/report.txt")]
    assert same_file.replaced == 1 and same_file.moved == []


# --- 9. only real metadata is a given date -----------------------------------------------------------

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tallow Gazette</title>{meta}</head>
<body><article><h1>Ferrow Mills names a new finance chief</h1>
<p>{dateline}Ferrow Mills, a client of the bank since 2001, has appointed Oona Castell as chief financial
officer. Castell joins from a shipping group, where she ran the treasury for six years.</p>
<p>She replaces Davin Holt, who left the company in April to run a charity. The board thanked him for his
service and said the search had been short.</p></article>
<footer><p>&copy; Tallow Gazette 2024. All rights reserved.</p></footer></body></html>
"""


@pytest.mark.parametrize("meta, dateline, published, basis", [
    ("", "", None, None),  # the footer's year and "since 2001" are not publication dates
    ("", "LONDON, 14 March 2031 - ", "2031-03-14", "dateline"),
    ('<meta property="article:published_time" content="2025-05-06T08:00:00+00:00">', "", "2025-05-06", "given"),
])
def test_html_dates_come_from_metadata_or_the_text_only(tmp_path: Path, meta: str, dateline: str,
                                                         published: str | None, basis: str | None) -> None:
    from succession.extract.pipeline import prepare

    path = tmp_path / "page.html"
    path.write_text(PAGE.format(meta=meta, dateline=dateline), encoding="utf-8")
    [doc] = iter_inputs([path])
    assert isinstance(doc, Document)
    assert doc.published == (published if basis == "given" else None)
    p = prepare(doc)
    assert (str(p.published) if p.published else None, p.basis) == (published, basis)
