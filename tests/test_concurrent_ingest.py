"""Two ``succession ingest`` processes on one store give the same store, stories included, as one.

Each half of a small fictional corpus (a story told in English and German, split across the halves, and
two unrelated articles) is ingested by its own process, both started at once. Without the ingest lock
each process saved its own story index and the last one won; then later articles could not join the
stories of the other half. Afterwards the store must hold every article, the saved story index must know
every article under the story the documents table gives it, and the grouping must equal that of a
single ingest of both halves. It runs on SQLite (a lock file) and on PostgreSQL (an advisory lock).
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import store_target
from succession.store import open_store

COMMAND = str(Path(sys.executable).with_name("succession"))

HALF_1 = [
    {"id": "ostervald-en", "published": "2031-03-10", "lang": "en", "text":
     "Ostervald Rail appoints Henrike Saalfeld as chief executive\n\nOstervald Rail said on Monday that its board "
     "had appointed Henrike Saalfeld as chief executive with effect from 1 April. Saalfeld, 52, joins from the "
     "freight operator Kessmoor Logistik, where she ran operations for eight years. She succeeds Matthis "
     "Brenning, who is retiring after twelve years in the role. The company said the search had taken six months."},
    {"id": "pellham-en", "published": "2031-03-11", "lang": "en", "text":
     "Pellham Dairy names a new finance chief\n\nPellham Dairy has named Corin Ashdale as chief financial officer. "
     "Ashdale was previously treasurer of a cooperative bank. The dairy reported flat sales for the year."},
]
HALF_2 = [
    {"id": "ostervald-de", "published": "2031-03-10", "lang": "de", "text":
     "Ostervald Rail beruft Henrike Saalfeld zur Vorstandschefin\n\nDer Bahnbetreiber Ostervald Rail hat Henrike "
     "Saalfeld mit Wirkung zum 1. April zur Vorstandschefin ernannt, wie das Unternehmen am Montag mitteilte. "
     "Die 52-Jährige kommt vom Güterverkehrsunternehmen Kessmoor Logistik, wo sie acht Jahre lang das operative "
     "Geschäft leitete. Sie folgt auf Matthis Brenning, der nach zwölf Jahren in den Ruhestand geht. Die Suche "
     "habe sechs Monate gedauert."},
    {"id": "lindmoor-de", "published": "2031-05-02", "lang": "de", "text":
     "Lindmoor Versicherung: Aufsichtsratschef tritt zurück\n\nDer Aufsichtsratsvorsitzende der Lindmoor "
     "Versicherung, Egon Thalbach, ist zurückgetreten. Sein Stellvertreter Arvid Kleist übernimmt bis auf "
     "Weiteres."},
]


def _write(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def _store(db: str) -> tuple[dict[str, str], dict[str, str], set[frozenset[str]]]:
    """(doc -> story in the documents table, doc -> story in the saved index, the stories as sets of docs)."""
    with open_store(db) as store:
        stories = dict(store.rows("SELECT id, story FROM documents"))
        state = json.loads(store.rows("SELECT value FROM meta WHERE key = 'story_index'")[0][0])
    indexed = {a["doc"]: a["story"] for a in state["articles"]}
    groups: dict[str, set[str]] = {}
    for doc, story in stories.items():
        groups.setdefault(story, set()).add(doc)
    return stories, indexed, {frozenset(g) for g in groups.values()}


def test_two_concurrent_ingests_equal_one(tmp_path: Path, backend: str) -> None:
    one, two = _write(tmp_path / "one.jsonl", HALF_1), _write(tmp_path / "two.jsonl", HALF_2)
    db = store_target(backend, tmp_path / "shared.db")
    procs = [subprocess.Popen([COMMAND, "ingest", str(f), "--db", str(db)], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for f in (one, two)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert not any("Traceback" in err for _, err in outs)

    reference = store_target(backend, tmp_path / "reference.db")
    single = subprocess.run([COMMAND, "ingest", str(one), str(two), "--db", str(reference)],
                            capture_output=True, text=True, timeout=600)
    assert single.returncode == 0, single.stderr

    stories, indexed, groups = _store(db)
    ref_stories, ref_indexed, ref_groups = _store(reference)
    every = {r["id"] for r in HALF_1 + HALF_2}
    assert set(stories) == set(indexed) == every  # no article lost from the index
    assert indexed == stories  # the index and the documents agree
    assert groups == ref_groups  # the same stories as one ingest
    assert set(ref_stories) == set(ref_indexed) == every
