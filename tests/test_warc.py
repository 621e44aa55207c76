"""WARC input: HTML responses become articles; non-HTML and truncated records are reported with their
offset and skipped, and reading goes on (archives written here with warcio; fictional articles)."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from succession.sources.files import iter_inputs
from succession.models import Document, Rejected

PAGE = ("<html><head><title>Quarzwerk names a new chief</title></head><body><article>"
        "<p>Quarzwerk Ltd appointed Mira Olsen as chief executive officer on Monday, the company said.</p>"
        "<p>Olsen joined the maker of measuring tools from a rival firm in the north of the country.</p>"
        "</article></body></html>").encode()


def _response(writer: WARCWriter, uri: str, ctype: str, body: bytes) -> None:
    head = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record(uri, "response", payload=io.BytesIO(body), http_headers=head))


def _archive(path: Path, *, gzip: bool, truncate_last: bool) -> list[int]:
    """A WARC with a request, a good page, a PDF, a page in Latin-1, and a last page cut in half when asked;
    returns the offsets where each response starts."""
    offsets = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gzip)
        writer.write_record(writer.create_warc_record("http://news.test/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        for uri, ctype, body in (("http://news.test/a", "text/html; charset=utf-8", PAGE),
                                 ("http://news.test/report.pdf", "application/pdf", b"%PDF-1.4 not an article"),
                                 ("http://news.test/b", "text/html; charset=iso-8859-1",
                                  PAGE.replace(b"Mira Olsen", "M\u00e4rta Lind".encode("latin-1"))),
                                 ("http://news.test/c", "text/html", PAGE * 20)):
            offsets.append(out.tell())
            _response(writer, uri, ctype, body)
    if truncate_last:
        data = path.read_bytes()
        path.write_bytes(data[: offsets[-1] + (len(data) - offsets[-1]) // 2])
    return offsets


@pytest.mark.parametrize("gzip", [True, False], ids=["warc.gz", "warc"])
def test_good_non_html_and_truncated_records(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    offsets = _archive(path, gzip=gzip, truncate_last=True)
    items = list(iter_inputs([path]))
    docs = [i for i in items if isinstance(i, Document)]
    bad = [i for i in items if isinstance(i, Rejected)]
    assert [d.id for d in docs] == ["http://news.test/a", "http://news.test/b"]
    assert "Mira Olsen as chief executive officer" in docs[0].text
    assert "M\u00e4rta Lind" in docs[1].text  # the declared charset is honoured
    assert docs[0].url == "http://news.test/a" and docs[0].source == f"{path}@{offsets[0]}"
    assert [b.source for b in bad] == [f"{path}@{offsets[1]}", f"{path}@{offsets[3]}"]
    assert "not HTML (application/pdf)" in bad[0].reason
    assert "truncated" in bad[1].reason


def test_whole_archive_and_too_large_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    offsets = _archive(path, gzip=True, truncate_last=False)
    items = list(iter_inputs([tmp_path], max_bytes=len(PAGE) * 5))  # a folder finds the archive too
    assert [i.id for i in items if isinstance(i, Document)] == ["http://news.test/a", "http://news.test/b"]
    bad = [i for i in items if isinstance(i, Rejected)]
    assert [b.source for b in bad] == [f"{path}@{offsets[1]}", f"{path}@{offsets[3]}"]
    assert "too large" in bad[1].reason


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not an archive\n" * 3)
    items = list(iter_inputs([path]))
    assert items and all(isinstance(i, Rejected) for i in items)
    assert items[0].source == f"{path}@0"
