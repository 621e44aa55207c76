"""No input loses data or takes the run down: the hostile corpus of tests/hostile.py through ``succession
ingest`` as a user runs it (a child process, its peak memory measured), then over HTTP.

Every bad input gets exactly one ``skipped PATH[:LINE]: reason`` line, every good article is stored and
analysed, nothing prints a traceback, and the exit code says "something was skipped" (1).
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import hostile  # noqa: E402

COMMAND = str(Path(sys.executable).with_name("succession"))
MAX_RSS = 1 << 30  # bytes: the whole corpus in one ingest stays under 1 GB

# runs the command as its own child and reports the child's peak memory (RUSAGE_CHILDREN: max over children)
_MEASURE = """
import json, resource, subprocess, sys, time
t = time.monotonic()
p = subprocess.run(sys.argv[1:], capture_output=True, text=True, errors="replace")
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024
print(json.dumps({"code": p.returncode, "stdout": p.stdout, "stderr": p.stderr, "rss": rss,
                  "seconds": time.monotonic() - t}))
"""


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> hostile.Corpus:
    return hostile.build(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture(scope="module")
def ingested(corpus: hostile.Corpus, tmp_path_factory: pytest.TempPathFactory) -> dict:
    db = tmp_path_factory.mktemp("hostile-db") / "store.db"
    proc = subprocess.run([sys.executable, "-c", _MEASURE, COMMAND, "ingest", str(corpus.root), "--db", str(db)],
                          capture_output=True, text=True, timeout=900, env={**os.environ, "COLUMNS": "80"})
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    out["db"] = db
    print(f"hostile corpus: {out['seconds']:.1f} s, peak RSS {out['rss'] / 1e6:.0f} MB")
    return out


def skipped_sources(stderr: str, expected: list[str]) -> Counter[str]:
    """How often each expected source starts a 'skipped' line (longest match wins: 'f.jsonl:2' vs ':21')."""
    by_length = sorted(expected, key=len, reverse=True)
    found: Counter[str] = Counter()
    for line in stderr.splitlines():
        if line.startswith("skipped "):
            rest = line[len("skipped "):]
            found[next((s for s in by_length if rest.startswith(s + ": ")), "?" + rest)] += 1
    return found


def test_corpus_is_big_and_varied(corpus: hostile.Corpus) -> None:
    hostile_inputs = len(corpus.bad) - corpus.tiny
    assert hostile_inputs >= 90 and hostile_inputs + len(corpus.good) >= 200  # besides the tiny files
    assert corpus.tiny == hostile.TINY


def test_no_traceback_and_the_documented_exit_code(ingested: dict) -> None:
    assert "Traceback" not in ingested["stderr"] and "Error:" not in ingested["stderr"]
    assert ingested["code"] == 1, ingested["stderr"][-2000:]


def test_one_skipped_line_per_bad_input(corpus: hostile.Corpus, ingested: dict) -> None:
    found = skipped_sources(ingested["stderr"], corpus.bad)
    assert not [s for s in found if s.startswith("?")], [s for s in found if s.startswith("?")][:5]
    assert found == Counter(corpus.bad)
    lines = ingested["stderr"].splitlines()
    assert re.fullmatch(rf"\d+ added, 0 replaced, 0 unchanged, {len(corpus.bad)} skipped → .*", lines[-1])
    assert all(line.startswith(("skipped ", "note ")) for line in lines[:-1]), [
        line for line in lines[:-1] if not line.startswith(("skipped ", "note "))][:5]


def test_escape_sequences_in_names_never_reach_the_terminal(ingested: dict) -> None:
    assert "\x1b" not in ingested["stderr"] and "\\x1b[2J" in ingested["stderr"]
    assert not any(line.startswith("skipped x.txt") for line in ingested["stderr"].splitlines())


def test_every_good_article_is_stored_and_analysed(corpus: hostile.Corpus, ingested: dict) -> None:
    with sqlite3.connect(ingested["db"]) as conn:
        rows = conn.execute("SELECT id, lang, story, text, title FROM documents").fetchall()
        failures = conn.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert {r[0] for r in rows} == corpus.good
    assert all(lang in ("en", "de") and story for _, lang, story, _, _ in rows)
    assert failures == len(corpus.bad)
    texts = {r[0]: r[3] for r in rows}
    assert "\x00" not in texts["odd/controls.txt"] and "\x1b" not in texts["feed-3"]
    assert max(len(w) for w in texts["odd/long-token.txt"].split()) <= 300
    assert len(next(r[4] for r in rows if r[0] == "feed-2")) <= 301
    # the same file name in two folders: both kept
    assert {"y2024/report.txt", "y2025/report.txt"} <= set(texts)


def test_control_characters_never_reach_names_or_graphml(ingested: dict) -> None:
    from succession.timeline.export import export
    from succession.store import SQLiteStore

    with SQLiteStore(ingested["db"]) as store:
        names = [e.name for a in store.analyses() for e in a.entities]
        graphml = export(store, "graphml")
    assert names and not any(re.search(r"[\x00-\x08\x0b-\x1f\x7f]", n) for n in names)
    import xml.dom.minidom

    xml.dom.minidom.parseString(graphml.encode("utf-8"))  # well-formed


def test_peak_memory_of_the_whole_corpus(ingested: dict) -> None:
    assert ingested["rss"] < MAX_RSS, ingested["rss"]


def test_reingest_changes_nothing(corpus: hostile.Corpus, ingested: dict) -> None:
    """Run last: the same corpus again stores nothing new and reports the same inputs."""
    t = time.monotonic()
    proc = subprocess.run([COMMAND, "ingest", str(corpus.root), "--db", str(ingested["db"])],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines()[-1].startswith(f"0 added, 0 replaced, {len(corpus.good)} unchanged, "
                                                   f"{len(corpus.bad)} skipped"), proc.stderr[-500:]
    assert time.monotonic() - t < 300
