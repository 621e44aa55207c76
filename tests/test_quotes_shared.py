"""Quotations on the real articles in ../shared: the German quotation corpus (dev split, scored by
../shared/tools/score_quotes.py) and the quotes of the seed gold across the versions of the interview."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

from conftest import require_shared

from succession.api import analyse_paths
from succession.extract.coref import People
from succession.quote_store import quote_record
from succession.quotes import find_quotes
from succession.extract.sentences import split_sentences

# measured on the German dev split with this fast path (the rule-found names, no named-entity model):
# quotation F1 0.713, speaker right on 0.824 of the matched quotations (the issue asks 0.80 on test)
MIN_F1 = 0.70
MIN_SPEAKER = 0.81


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s or "")
    return re.sub(r"\s+", " ", "".join(c for c in s if not unicodedata.combining(c)).casefold()).strip()


def test_german_dev_split_quotations_and_speakers(tmp_path: Path) -> None:
    gold = require_shared("eval", "quotes", "dev.jsonl")
    scorer = require_shared("tools", "score_quotes.py")
    pred = tmp_path / "pred.jsonl"
    with pred.open("w", encoding="utf-8") as out:
        for line in gold.open(encoding="utf-8"):
            row = json.loads(line)
            text = row["text"]
            people = People(text, [])
            entities = people.entities(people.mentions_before(len(text)))
            for q in find_quotes(row["id"], text, "de", split_sentences(text, "de"), entities, people):
                out.write(json.dumps(quote_record(q), ensure_ascii=False) + "\n")
    res = json.loads(subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                                    check=True, capture_output=True, text=True).stdout)
    assert res["quotes"]["f1"] >= MIN_F1, res["quotes"]
    assert res["speaker_on_matched"] >= MIN_SPEAKER, res["speaker_on_matched"]


def test_seed_quotes_are_found_with_their_speakers() -> None:
    seeds = require_shared("seeds")
    gold = [json.loads(line) for line in require_shared("gold", "seeds.jsonl").open(encoding="utf-8")]
    found = {a.document.id: a for a in analyse_paths([seeds]).analyses}
    missed = []
    for g in gold:
        quotes = found[g["doc"]].quotes
        for gq in g["quotes"]:
            # the speaker as the gold names them, or as this article spells them (a listed variant)
            names = {_fold(v) for e in g["entities"] if e["name"] == gq["speaker"] for v in e["variants"]}
            names.add(_fold(gq["speaker"]))
            surname = _fold(gq["speaker"]).split()[-1]
            ok = any(_fold(gq["text"]) in _fold(q.text.text) and q.speaker
                     and (_fold(q.speaker) in names or _fold(q.speaker).split()[-1] == surname) for q in quotes)
            if not ok:
                missed.append((g["doc"], gq["speaker"], gq["text"][:40]))
    assert not missed, missed
