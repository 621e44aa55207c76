"""The ``succession extract`` command: records on stdout, one message per bad input on stderr, exit codes.

A folder of fictional articles mixed with junk (binary, invalid UTF-8, empty, 50 MB, a malformed JSON
Lines line, HTML without an article, an unsupported file type) goes through the real installed command
once (a subprocess: real stdout, stderr and exit code); the variations run in-process with Typer's
CliRunner, which keeps stdout and stderr apart in this Click version.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from scoring import check_records, parse_jsonl
from succession.cli import app

COMMAND = shutil.which("succession", path=str(Path(sys.executable).parent)) or "succession"

APPOINTMENT = ("Norbrook Widgets names new chief\n\n"
               "Norbrook Widgets Ltd said on Monday that it had appointed Harriet Quell as chief executive. "
               "Quell, 52, joins from a packaging group.\n")
GERMAN = ("Wechsel bei Kesselbach Armaturen\n\n"
          "Die Kesselbach Armaturen GmbH hat Finanzchef Anselm Trautwein mit sofortiger Wirkung abberufen. "
          "Das teilte das Unternehmen am Dienstag in Bremen mit.\n")
FEED_GOOD_1 = {"id": "feed-quillmoor", "text": "Quillmoor Ltd appointed Tobias Renwick as chief financial officer."}
FEED_GOOD_3 = {"id": "feed-harlow", "text": "Harlow Dynamics said its chief executive Imogen Frayne resigned."}
NO_ARTICLE = ("<html><head><title>Brackwater Gazette</title></head><body><nav><a href='/news'>News</a> "
              "<a href='/sport'>Sport</a></nav><div class='cookie-banner'>We use cookies. <button>Accept</button>"
              "</div><footer>Copyright 2025 Brackwater Gazette. All rights reserved.</footer></body></html>")

# ids: path inside the folder given; JSON Lines records by their id field
GOOD_DOCS = {"news/norbrook.txt", "news/de/2025/kesselbach.txt", "feed-quillmoor", "feed-harlow"}
# input (relative to the folder) -> words its one message must contain
BAD_INPUTS = {
    "junk/photo.txt": "binary",
    "junk/latin1.txt": "UTF-8",
    "junk/empty.txt": "empty",
    "junk/huge.txt": "too large",
    "news/feed.jsonl:2": "not valid JSON",
    "junk/not-found.html": "no article",
    "junk/notes.md": "not a supported input type",
}


def write_inputs(root: Path) -> Path:
    """The mixed folder: good articles (one three folders down) and one of each kind of junk."""
    (root / "news" / "de" / "2025").mkdir(parents=True)
    (root / "junk").mkdir()
    (root / "news" / "norbrook.txt").write_text(APPOINTMENT, encoding="utf-8")
    (root / "news" / "de" / "2025" / "kesselbach.txt").write_text(GERMAN, encoding="utf-8")
    (root / "news" / "feed.jsonl").write_text(
        json.dumps(FEED_GOOD_1) + "\n" + '{"id": "feed-broken", "text": \n' + json.dumps(FEED_GOOD_3) + "\n",
        encoding="utf-8")
    (root / "junk" / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    (root / "junk" / "latin1.txt").write_bytes("Gewinnwarnung der Möwenwerft".encode("latin-1"))
    (root / "junk" / "empty.txt").write_bytes(b"")
    with (root / "junk" / "huge.txt").open("wb") as f:  # 50 MB of text, made here and never committed
        f.write(b"The harbour board met again and adjourned without a vote.\n" * 900_000)
    (root / "junk" / "not-found.html").write_text(NO_ARTICLE, encoding="utf-8")
    (root / "junk" / "notes.md").write_text("# notes\n", encoding="utf-8")
    return root


# document id -> the text written to its file (what evidence offsets must point into)
TEXTS = {"news/norbrook.txt": APPOINTMENT, "news/de/2025/kesselbach.txt": GERMAN,
         FEED_GOOD_1["id"]: FEED_GOOD_1["text"], FEED_GOOD_3["id"]: FEED_GOOD_3["text"]}


@dataclass(frozen=True)
class Outcome:
    code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_inputs(tmp_path_factory.mktemp("inputs"))


@pytest.fixture(scope="module")
def mixed(inputs: Path) -> Outcome:
    """The installed command on the mixed folder, as a user runs it."""
    proc = subprocess.run([COMMAND, "extract", str(inputs)], capture_output=True, text=True, timeout=300,
                          env={**os.environ, "COLUMNS": "80"})
    return Outcome(proc.returncode, proc.stdout, proc.stderr)


def run_cli(*args: str, columns: int = 80) -> Outcome:
    result = CliRunner(env={"COLUMNS": str(columns)}).invoke(app, list(args))
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return Outcome(result.exit_code, result.stdout, result.stderr)


def documents(out: str) -> set[str]:
    return {r["doc"] for r in parse_jsonl(out) if r["kind"] == "document"}


# --- the mixed folder through the real command ----------------------------------------------------------

@pytest.mark.parametrize("name, words", BAD_INPUTS.items(), ids=list(BAD_INPUTS))
def test_each_bad_input_gets_one_clear_message(inputs: Path, mixed: Outcome, name: str, words: str) -> None:
    named = [line for line in mixed.stderr.splitlines() if f"{inputs / name}:" in line]
    assert len(named) == 1, mixed.stderr
    assert words in named[0]


def test_every_message_is_one_line_naming_its_input(inputs: Path, mixed: Outcome) -> None:
    lines = mixed.stderr.splitlines()
    skipped = [line for line in lines if line.startswith("skipped ")]
    assert len(skipped) == len(BAD_INPUTS), mixed.stderr
    assert all(str(inputs) in line for line in skipped)
    assert re.fullmatch(rf"{len(GOOD_DOCS)} documents, \d+ events, {len(BAD_INPUTS)} inputs skipped", lines[-1])


def test_good_inputs_are_still_processed(mixed: Outcome) -> None:
    assert documents(mixed.stdout) == GOOD_DOCS  # one three folders down; the JSON Lines ids


def test_exit_code_1_when_something_was_skipped(mixed: Outcome) -> None:
    assert mixed.code == 1


def test_stdout_holds_only_json_lines_with_valid_evidence(mixed: Outcome) -> None:
    recs = parse_jsonl(mixed.stdout)
    assert {r["kind"] for r in recs} == {"document", "entity", "event", "quote"}
    check_records(recs, TEXTS)


def test_events_of_the_good_inputs(mixed: Outcome) -> None:
    found = {(r["doc"], r["holder"], r["type"]) for r in parse_jsonl(mixed.stdout) if r["kind"] == "event"}
    assert {("news/norbrook.txt", "Harriet Quell", "appointed"), ("feed-quillmoor", "Tobias Renwick", "appointed"),
            ("feed-harlow", "Imogen Frayne", "departed"),
            ("news/de/2025/kesselbach.txt", "Anselm Trautwein", "dismissed")} <= found


# --- variations, in-process -----------------------------------------------------------------------------

def test_exit_code_0_when_everything_was_read(inputs: Path) -> None:
    out = run_cli("extract", str(inputs / "news" / "norbrook.txt"), str(inputs / "news" / "de"))
    assert out.code == 0, out.stderr
    assert documents(out.stdout) == {"norbrook.txt", "2025/kesselbach.txt"}  # named directly; inside "de"
    assert not [line for line in out.stderr.splitlines() if line.startswith("skipped ")], out.stderr


def test_quiet_suppresses_warnings_but_not_the_exit_code(inputs: Path) -> None:
    out = run_cli("extract", "--quiet", str(inputs / "junk"), str(inputs / "news" / "norbrook.txt"))
    assert out.code == 1
    assert out.stderr == ""
    assert documents(out.stdout) == {"norbrook.txt"}


def test_nonexistent_input_is_named_and_the_rest_processed(inputs: Path, tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    out = run_cli("extract", str(missing), str(inputs / "news" / "norbrook.txt"))
    assert out.code == 1
    assert f"skipped {missing}: no such file or folder" in out.stderr.splitlines()
    assert documents(out.stdout) == {"norbrook.txt"}


def test_only_junk_prints_no_records(inputs: Path) -> None:
    out = run_cli("extract", str(inputs / "junk"))
    assert (out.code, out.stdout) == (1, "")
    skipped = len(BAD_INPUTS) - 1  # all but the feed line
    assert out.stderr.splitlines()[-1] == f"0 documents, 0 events, {skipped} inputs skipped"


def test_file_names_with_brackets_are_printed_as_they_are(tmp_path: Path) -> None:
    """Rich markup must not eat '[draft]' out of a file name."""
    (tmp_path / "memo[draft].txt").write_bytes(b"")
    (tmp_path / "[bold]x.txt").write_bytes(b"")
    out = run_cli("extract", str(tmp_path))
    assert f"skipped {tmp_path / 'memo[draft].txt'}: empty file" in out.stderr.splitlines()
    assert f"skipped {tmp_path / '[bold]x.txt'}: empty file" in out.stderr.splitlines()


def test_same_file_name_in_two_folders_gives_two_documents(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "release.txt").write_text(APPOINTMENT, encoding="utf-8")
    out = run_cli("extract", str(tmp_path))
    assert out.code == 0, out.stderr
    assert documents(out.stdout) == {"a/release.txt", "b/release.txt"}


def test_same_file_name_given_twice_directly_keeps_the_first(tmp_path: Path) -> None:
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "release.txt").write_text(APPOINTMENT, encoding="utf-8")
    out = run_cli("extract", str(tmp_path / "a" / "release.txt"), str(tmp_path / "b" / "release.txt"))
    assert out.code == 1
    assert documents(out.stdout) == {"release.txt"}
    assert any(str(tmp_path / "b" / "release.txt") in line and "duplicate" in line
               for line in out.stderr.splitlines()), out.stderr


def test_table_format(inputs: Path) -> None:
    out = run_cli("extract", "--format", "table", str(inputs / "news" / "norbrook.txt"), columns=250)
    assert out.code == 0
    assert "Leadership changes" in out.stdout
    row = next(line for line in out.stdout.splitlines() if "norbrook.txt" in line)
    assert all(cell in row for cell in ("Harriet Quell", "appointed", "CEO", "Norbrook Widgets", "asserted"))
    assert not out.stdout.lstrip().startswith("{")


def test_max_bytes_option(inputs: Path) -> None:
    out = run_cli("extract", "--max-bytes", "50", str(inputs / "news" / "norbrook.txt"))
    assert out.code == 1 and out.stdout == ""
    assert "too large" in out.stderr


# --- usage errors: exit code 2, nothing on stdout (the real command; no model is loaded) ----------------

@pytest.mark.parametrize("args, words", [
    ([], "Missing argument"),
    (["--bogus", "."], "No such option"),
    (["--format", "xml", "."], "'xml' is not one of"),
    (["--max-bytes", "many", "."], "Invalid value for '--max-bytes'"),
    (["--max-bytes", "0", "."], "Invalid value for '--max-bytes'"),
], ids=["no-input", "unknown-option", "bad-format", "bad-number", "zero-bytes"])
def test_usage_errors_exit_2(args: list[str], words: str) -> None:
    proc = subprocess.run([COMMAND, "extract", *args], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "200"})
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert words in proc.stderr


def test_help_and_version() -> None:
    out = run_cli("extract", "--help")
    assert out.code == 0 and "--format" in out.stdout and "--quiet" in out.stdout
    out = run_cli("--version")
    assert out.code == 0 and out.stdout.startswith("succession ")
