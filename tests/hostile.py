"""A corpus of hostile inputs, generated on demand, with what reading it must give.

``build(root)`` writes more than 200 files of every kind of junk a feed or a folder can hold (each
must give exactly one ``skipped PATH[:LINE]: reason`` line), beside good articles with odd names and
odd content (each must be stored and analysed), plus ``TINY`` tiny files that are in no language
(each reported as not analysed). Every article is fiction written for these tests.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

from succession.sanitize import printable

TINY = 10_000

ARTICLES = {
    "brackmoor.txt": ("Brackmoor Freight names Ilse Varnum chief executive\n\n"
                      "Brackmoor Freight said on Tuesday that it had appointed Ilse Varnum as chief executive. "
                      "She succeeds Aldo Pennick, who retires in June after eleven years.\n"),
    "wendelfurt.txt": ("Wendelfurt Stahl beruft neue Finanzchefin\n\n"
                       "Die Wendelfurt Stahl AG hat Marit Ohlsen zur Finanzchefin ernannt. Sie folgt auf "
                       "Bruno Kessler, der das Unternehmen Ende März verlässt.\n"),
    "corvale.txt": ("Corvale Insurance chair resigns\n\n"
                    "Corvale Insurance said its chairman Pieter Ambrose had resigned with immediate effect. "
                    "Deputy chair Selma Roux will lead the board until a successor is found.\n"),
}
HTML_ARTICLE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Tallow Gazette</title>
<meta property="article:published_time" content="2031-05-06T08:00:00+00:00"></head><body>
<article><h1>Ferrow Mills names a new finance chief</h1>
<p>Ferrow Mills, the paper maker, has appointed Oona Castell as chief financial officer. Castell joins from
a shipping group, where she ran the treasury for six years.</p>
<p>She replaces Davin Holt, who left the company in April to run a charity. The board thanked him for his
service and said the search had been short.</p></article>
<footer>&copy; Tallow Gazette 2024. All rights reserved.</footer></body></html>
"""
TINY_GOOD = 150  # tiny English notes: analysed and stored (nothing to extract)
_WORDS = ("harbour", "meadow", "lantern", "orchard", "bakery", "ferry", "museum", "garden", "bridge", "river",
          "market", "library", "station", "festival", "school", "council")


@dataclass
class Corpus:
    root: Path
    good: set[str] = field(default_factory=set)  # document ids that must be stored and analysed
    bad: list[str] = field(default_factory=list)  # sources that must each get one "skipped" line
    tiny: int = 0  # files in no language: each reported, none stored


def _line(**fields: object) -> str:
    return json.dumps(fields, ensure_ascii=False) + "\n"


def build(root: Path, *, tiny: int = TINY) -> Corpus:
    c = Corpus(root)
    root.mkdir(parents=True, exist_ok=True)
    _good_files(c)
    _bad_files(c)
    _feed(c)
    _special(c)
    folder = root / "tiny"
    folder.mkdir()
    for i in range(tiny):  # no letters at all: no language can be told, so nothing can be analysed
        path = folder / f"t{i:05d}.txt"
        path.write_text(f"{i:05d} · {i % 24:02d}:{i % 60:02d} · {i % 97},{i % 10} %\n", encoding="utf-8")
        c.bad.append(str(path))
    c.tiny = tiny
    return c


def _good(c: Corpus, rel: str, content: str | bytes) -> None:
    path = c.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    c.good.add(rel)


def _bad(c: Corpus, rel: str, content: bytes, *, suffix_line: int | None = None) -> Path:
    path = c.root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    c.bad.append(printable(str(path)) + (f":{suffix_line}" if suffix_line else ""))
    return path


def _good_files(c: Corpus) -> None:
    for name, text in ARTICLES.items():
        _good(c, f"news/{name}", text)
    # the same file name in two folders: two documents, ids by path inside the folder given
    _good(c, "y2024/report.txt", ARTICLES["brackmoor.txt"].replace("Tuesday", "Monday"))
    _good(c, "y2025/report.txt", ARTICLES["corvale.txt"].replace("chairman", "chair"))
    _good(c, "web/ferrow.html", HTML_ARTICLE)
    # odd but valid names
    for name in ("with space (1).txt", "Ärger – Überblick.txt", "[bold]markup.txt", "-dash.txt", "a" * 180 + ".txt",
                 "dots..txt", "UPPER.TXT", "emoji 📰.txt", "quote'\"mark.txt", "semi;colon&amp.txt"):
        _good(c, f"odd/{name}", ARTICLES["wendelfurt.txt"].replace("Marit", "Marit " + str(len(name))))
    # control characters and a NUL inside the text (after the part checked for binary data)
    _good(c, "odd/controls.txt", "Tessel Bank names a chair\n\n" + "The bank said little more. " * 400
          + "Tessel\x00 Bank\x1b[31m appointed Runa Vik as chair.\x07\n")
    # one unbroken token of a megabyte in a text under the size limit
    _good(c, "odd/long-token.txt", "Harlow Dock names a chief\n\nHarlow Dock appointed Ewan Tarr as chief executive. "
          + "x" * 1_000_000 + "\n")
    for i in range(TINY_GOOD):
        w = [_WORDS[(i * k + k) % len(_WORDS)] for k in range(1, 6)]
        _good(c, f"notes/n{i:03d}.txt",
              f"The {w[0]} and the {w[1]} near the {w[2]} were quiet on day {i}, and the {w[3]} waited by the {w[4]}.\n")


def _bad_files(c: Corpus) -> None:
    for i in range(20):
        _bad(c, f"junk/binary{i:02d}.txt", b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)) * (i + 1))
        _bad(c, f"junk/latin1-{i:02d}.txt", f"Ärger bei der Möwenwerft {i}".encode("latin-1"))
        _bad(c, f"junk/utf16-{i:02d}.txt", f"Kestrel Bank named a chief {i}.".encode("utf-16"))
    _bad(c, "junk/binary.html", b"\x00\x01\x02\x03" * 500)
    _bad(c, "junk/empty.txt", b"")
    _bad(c, "junk/blank.txt", b"   \n\n\t \n")
    _bad(c, "junk/empty.jsonl", b"")
    _bad(c, "junk/notes.md", b"# notes\n")
    _bad(c, "junk/report.pdf", b"%PDF-1.7\n")
    huge = _bad(c, "junk/huge.txt", b"")
    with huge.open("r+b") as f:
        f.truncate(6_000_000)  # over the 5 MB limit, and never read
    _bad(c, "junk/no-article.html", b"<html><head><title>Gazette</title></head><body><img src='a.png'></body></html>")
    _bad(c, "junk/deep.html", b"<html><body>" + b"<div>" * 100_000 + b"</div>" * 100_000 + b"</body></html>")
    _bad(c, "junk/tags-only.htm", b"<p></p>" * 10_000)
    # names a terminal must not see raw, and a name that is not UTF-8
    _bad(c, "names/fake\nskipped x.txt: pwned.txt", ARTICLES["brackmoor.txt"].encode())
    _bad(c, "names/esc\x1b[2Jclear.txt", ARTICLES["brackmoor.txt"].encode())
    raw = os.fsencode(c.root / "names") + b"/latin\xff.txt"
    with open(raw, "wb") as f:
        f.write(ARTICLES["brackmoor.txt"].encode())
    c.bad.append(printable(os.fsdecode(raw)))


def _feed(c: Corpus) -> None:
    """One JSON Lines file with good records among every kind of bad one."""
    lines: list[tuple[str, bool]] = [
        (_line(id="feed-1", text=ARTICLES["brackmoor.txt"], published="2031-02-03", lang="en"), True),
        ('{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n", False),
        ('{"id": ' + "9" * 5000 + ', "text": "Kestrel Bank met."}\n', False),
        ('{"id": "s1", "text": "Kestrel Bank \\ud800 met."}\n', False),
        ('{"id": "\\udfff", "text": "Kestrel Bank met."}\n', False),
        ('{"id": "s3", "title": "bad \\ud800", "text": "Kestrel Bank met."}\n', False),
        ('{"id": "x", "text": "unterminated\n', False),
        ("[1, 2, 3]\n", False),
        ('"just a string"\n', False),
        ("null\n", False),
        (_line(id=["a"], text="Kestrel Bank met."), False),
        (_line(id=True, text="Kestrel Bank met."), False),
        (_line(id="t5", text=5), False),
        (_line(id="t6", text=None), False),
        (_line(id="x" * 600, text="Kestrel Bank met."), False),
        (_line(id="ctl\x1b[2J", text="Kestrel Bank met."), False),
        (_line(id="feed-2", text=ARTICLES["corvale.txt"], title="T" * 1_000_000), True),  # title capped
        (_line(id="feed-1", text="A second record with the first one's id."), False),  # duplicate id
        (_line(id="feed-3", text="Bremmer Werft ernennt Lotte Faber\n\nDie Bremmer Werft hat Lotte Faber "
               "zur Vorstandschefin ernannt.\x00\x1b", lang="de", url="u" * 5000, published={"x": 1}), True),
        ("\n", True),  # blank: ignored
    ]
    path = c.root / "feeds" / "wire.jsonl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="\n") as f:
        for n, (text, ok) in enumerate(lines, 1):
            f.write(text)
            if not ok:
                c.bad.append(f"{path}:{n}")
        f.write('{"id": "big", "text": "' + "word " * 1_100_000 + '"}\n')  # over the 5 MB per record
        c.bad.append(f"{path}:{len(lines) + 1}")
    with path.open("ab") as f:
        f.write('\u00ff\u00fe not JSON\n'.encode("utf-8"))
        f.write(b'{"id": "inv", "text": "M\xf6wenwerft"}\n')  # not UTF-8
    c.bad += [f"{path}:{len(lines) + 2}", f"{path}:{len(lines) + 3}"]
    c.good |= {"feed-1", "feed-2", "feed-3"}


def _special(c: Corpus) -> None:
    """Things that are not files: a FIFO, links that go nowhere or in a circle, a folder named like a file."""
    links = c.root / "links"
    links.mkdir()
    os.mkfifo(links / "pipe.txt")
    c.bad.append(str(links / "pipe.txt"))
    (links / "gone.txt").symlink_to(links / "missing.txt")
    c.bad.append(str(links / "gone.txt"))
    (links / "self.txt").symlink_to(links / "self.txt")
    c.bad.append(str(links / "self.txt"))
    (links / "up").symlink_to("..")  # a loop: the corpus root again
    c.bad.append(str(links / "up"))
    (links / "folder.txt").mkdir()  # a folder named like a file is read as a folder
    _good(c, "links/folder.txt/inside.txt", ARTICLES["corvale.txt"].replace("Pieter", "Piet"))
