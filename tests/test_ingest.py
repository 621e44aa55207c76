"""Reading inputs: text, HTML and JSON Lines files and folders become Documents, junk becomes Rejected.

Every article here is fiction written for this test. No language model is loaded: these tests are fast.
"""
from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest

from succession.sources.files import DEFAULT_MAX_BYTES, document_from_record, guess_title, iter_inputs, read_file
from succession.models import Document, Rejected

ARTICLE = ("Harbourline Ferries appoints new chief executive\n\n"
           "Harbourline Ferries Ltd said on Monday that it had appointed Miriam Calloway as chief executive, "
           "effective June 1. She succeeds Osric Penhale, who retires after nine years.\n")

HTML_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Brackwater Gazette - Tidewell Mills names finance chief</title>
<meta property="og:title" content="Tidewell Mills names finance chief">
<meta property="article:published_time" content="2025-02-18T09:30:00+00:00">
</head><body>
<header><a href="/">Brackwater Gazette</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<article>
<h1>Tidewell Mills names finance chief</h1>
<p>Tidewell Mills, the textile maker, has appointed Corin Ashgrove as chief financial officer. Ashgrove
joins from a logistics group, where he ran the treasury for six years.</p>
<p>He replaces Delphine Marrow, who left the company in January to run a charity. The board thanked her
for eleven years of service and said the search had been short.</p>
</article>
<footer><p>Copyright 2025 Brackwater Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""

HTML_NO_ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Brackwater Gazette - Page not found</title></head>
<body>
<header><a href="/">Brackwater Gazette</a></header>
<nav><ul><li><a href="/news">News</a></li><li><a href="/business">Business</a></li>
<li><a href="/sport">Sport</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<footer><p>Copyright 2025 Brackwater Gazette. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
</body></html>
"""


def read_one(path: Path, **kw: int) -> Document | Rejected:
    items = list(read_file(path, **kw))
    assert len(items) == 1, items
    return items[0]


def rejected(path: Path, **kw: int) -> Rejected:
    item = read_one(path, **kw)
    assert isinstance(item, Rejected), item
    assert item.source == str(path)
    return item


# --- text files -----------------------------------------------------------------------------------------

def test_text_file_is_a_document_named_after_the_file(tmp_path: Path) -> None:
    path = tmp_path / "harbourline.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document)
    assert (doc.id, doc.text, doc.source) == ("harbourline.txt", ARTICLE, str(path))
    assert doc.title == "Harbourline Ferries appoints new chief executive"


def test_windows_line_ends_and_byte_order_mark_are_normalised(tmp_path: Path) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.replace("\n", "\r\n").encode("utf-8"))
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.text == ARTICLE


@pytest.mark.parametrize("title, text", [
    ("Short headline", "Short headline\n\nBody text follows here."),
    ("Headline without a stop", "Headline without a stop\nBody text follows here."),
    (None, "A first sentence that ends with a stop.\nAnd another one."),
    (None, "Only one line"),
])
def test_guess_title(title: str | None, text: str) -> None:
    assert guess_title(text) == title


# --- bad input: one Rejected naming the input, with a reason a person understands -----------------------

def test_binary_file_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8)
    assert "binary" in rejected(path).reason


def test_invalid_utf8_is_rejected_with_the_byte_offset(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ärger bei der Möwenwerft GmbH".encode("latin-1"))
    reason = rejected(path).reason
    assert "UTF-8" in reason and "byte 0" in reason


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \n"])
def test_empty_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty" in rejected(path).reason


def test_fifty_megabyte_file_is_rejected_fast_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    line = ("The harbour board of Saltmere met again on Thursday and adjourned without a vote. " * 12 + "\n").encode()
    with path.open("wb") as f:
        while f.tell() < 50_000_000:
            f.write(line * 1000)
    tracemalloc.start()
    t0 = time.perf_counter()
    reason = rejected(path).reason
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "too large" in reason and "MB" in reason
    assert elapsed < 0.5, elapsed
    assert peak < 1_000_000, peak  # the file was never read into memory


def test_max_bytes_is_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert "too large" in rejected(path, max_bytes=100).reason
    assert isinstance(read_one(path, max_bytes=len(ARTICLE.encode())), Document)


# --- HTML -----------------------------------------------------------------------------------------------

def test_html_article_text_title_and_date(tmp_path: Path) -> None:
    path = tmp_path / "tidewell.html"
    path.write_text(HTML_ARTICLE, encoding="utf-8")
    doc = read_one(path)
    assert isinstance(doc, Document) and doc.id == "tidewell.html"
    assert "appointed Corin Ashgrove as chief financial officer" in doc.text
    assert "Delphine Marrow" in doc.text
    assert "cookies" not in doc.text and "All rights reserved" not in doc.text and "Privacy" not in doc.text
    assert doc.title and "Tidewell Mills names finance chief" in doc.title
    assert doc.text.startswith(doc.title)
    assert doc.published == "2025-02-18"


def test_html_without_article_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "not-found.htm"
    path.write_text(HTML_NO_ARTICLE, encoding="utf-8")
    assert "no article" in rejected(path).reason


def test_binary_html_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_bytes(b"\x00\x01\x02\x03" * 500)
    assert "binary" in rejected(path).reason


# --- JSON Lines -----------------------------------------------------------------------------------------

def feed_line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def test_jsonl_documents_take_their_ids_and_fields(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(feed_line(id="wire-17", text=ARTICLE, published="2025-03-04", url="https://example.org/a",
                              lang="en") + feed_line(id=42, text="Kestrel Bank named a new chair.", title="Chair"),
                    encoding="utf-8")
    first, second = list(read_file(path))
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (first.id, first.text, first.published, first.url, first.lang) == (
        "wire-17", ARTICLE, "2025-03-04", "https://example.org/a", "en")
    assert first.title == "Harbourline Ferries appoints new chief executive"  # guessed from the text
    assert first.source == f"{path}:1"
    assert (second.id, second.title, second.source) == ("42", "Chair", f"{path}:2")


def test_jsonl_bad_lines_are_rejected_with_line_numbers_and_the_rest_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [
        feed_line(id="a", text="Lowfield Dairy appointed Nia Brandt as chief executive."),
        '{"id": "b", "text": "unterminated\n',  # 2: malformed JSON
        "\n",  # 3: blank, ignored (and still counted)
        '["not", "an", "object"]\n',  # 4
        feed_line(id="e", title="no text"),  # 5
        feed_line(text="Nobody gave this one an id."),  # 6
        feed_line(id="g", text="Pellham Rail said its chair Ivo Strand resigned."),  # 7
    ]
    path.write_text("".join(lines), encoding="utf-8")
    items = list(read_file(path))
    docs = [i for i in items if isinstance(i, Document)]
    bad = {i.source: i.reason for i in items if isinstance(i, Rejected)}
    assert [d.id for d in docs] == ["a", "g"]
    assert set(bad) == {f"{path}:{n}" for n in (2, 4, 5, 6)}
    assert "not valid JSON" in bad[f"{path}:2"]
    assert "not a JSON object" in bad[f"{path}:4"]
    assert "text" in bad[f"{path}:5"] and "id" in bad[f"{path}:6"]


def test_jsonl_line_with_invalid_utf8_is_rejected_alone(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(feed_line(id="a", text="Ashby Tools named a CFO.").encode()
                     + b'{"id": "b", "text": "M\xf6wenwerft"}\n'
                     + feed_line(id="c", text="Ashby Tools named a CTO.").encode())
    items = list(read_file(path))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "c"]
    assert [(i.source, "UTF-8" in i.reason) for i in items if isinstance(i, Rejected)] == [(f"{path}:2", True)]


def test_jsonl_over_long_line_is_skipped_in_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    with path.open("w", encoding="utf-8") as f:
        f.write(feed_line(id="big", text="Harbour news. " * 3_600_000))  # 50 MB on one line
        f.write(feed_line(id="small", text="Ashby Tools named a CTO."))
    tracemalloc.start()
    items = list(read_file(path, max_bytes=1_000_000))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert isinstance(items[0], Rejected) and items[0].source == f"{path}:1" and "too large" in items[0].reason
    assert isinstance(items[1], Document) and items[1].id == "small"
    assert peak < 5_000_000, peak  # never the whole 50 MB line


@pytest.mark.parametrize("max_bytes", [0, -1])
def test_jsonl_with_no_room_rejects_every_line_rather_than_reading_nothing(tmp_path: Path, max_bytes: int) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(feed_line(id="a", text="Ashby Tools named a CFO.") * 2, encoding="utf-8")
    items = list(read_file(path, max_bytes=max_bytes))
    assert [(type(i), i.source) for i in items] == [(Rejected, f"{path}:1"), (Rejected, f"{path}:2")]


@pytest.mark.parametrize("rec, reason", [
    ({"id": "x", "text": "   "}, "text"),
    ({"id": "", "text": "Some text."}, "id"),
    ({"id": {"nested": 1}, "text": "Some text."}, "id"),
    ("just a string", "JSON object"),
])
def test_document_from_record_rejects(rec: object, reason: str) -> None:
    item = document_from_record(rec, "feed.jsonl:9")
    assert isinstance(item, Rejected) and item.source == "feed.jsonl:9" and reason in item.reason


# --- files and folders ----------------------------------------------------------------------------------

def test_folders_are_read_recursively_in_order_and_junk_is_named(tmp_path: Path) -> None:
    (tmp_path / "b" / "deeper").mkdir(parents=True)
    (tmp_path / ".git").mkdir()
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "deeper" / "c.TXT").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "b" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (tmp_path / "b" / "page.htm").write_text(HTML_ARTICLE, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / ".git" / "description.txt").write_text(ARTICLE, encoding="utf-8")
    items = list(iter_inputs([tmp_path]))
    # ids are paths relative to the folder given: two "report.txt" in different folders stay apart
    assert [i.id for i in items if isinstance(i, Document)] == ["a.txt", "b/deeper/c.TXT", "b/page.htm"]
    bad = [i for i in items if isinstance(i, Rejected)]
    assert [r.source for r in bad] == [str(tmp_path / "b" / "notes.md")]
    assert "not a supported input type" in bad[0].reason and ".jsonl" in bad[0].reason


def test_paths_are_read_in_the_order_given(tmp_path: Path) -> None:
    for name in ("x.txt", "y.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    missing = tmp_path / "missing.txt"
    items = list(iter_inputs([tmp_path / "y.txt", missing, tmp_path / "x.txt", tmp_path / "y.txt"]))
    assert [getattr(i, "id", None) for i in items] == ["y.txt", None, "x.txt", "y.txt"]
    assert items[1] == Rejected(str(missing), "no such file or folder")


def test_unsupported_file_given_directly_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    [item] = iter_inputs([path])
    assert isinstance(item, Rejected) and item.source == str(path) and "not a supported input type" in item.reason


def test_default_limit_is_a_few_megabytes() -> None:
    assert 1_000_000 <= DEFAULT_MAX_BYTES <= 50_000_000


def test_an_image_caption_is_no_title() -> None:
    from succession.sources.files import guess_title

    assert guess_title("Lena Fiebig (links) mit Tomasz Weller (rechts)\nAm Wochenende wurde bekannt, dass") is None
    assert guess_title("Jo Park (left) and Ann Lee (right) at the launch\nBody text follows here.") is None
    assert guess_title("Halvard Optik beruft neue Chefin\n\nDer Text.") == "Halvard Optik beruft neue Chefin"
