#!/usr/bin/env python3
"""Train succession's small German dependency parser (with part of speech and grammatical case) from
Universal Dependencies treebanks.

Reproducible end to end: fixed seed, committed config (``scripts/parser_de.cfg``), data read from
``../shared/data/ud`` (or ``--data``). Steps:

1. read UD German-GSD dev+test and UD German-PUD test (CoNLL-U); a multiword token ("zum" = "zu dem")
   becomes one token, as a tokenizer sees the text, carrying the relation of its word that attaches outside;
   of the morphology only the case is kept (a small label set for the morphologizer);
2. split: every 10th GSD sentence is held out for the report (LAS/UAS), every 10th+1 is the dev set that
   picks the best checkpoint, the rest of GSD and all of PUD train (PUD is never scored);
3. ``spacy train`` on CPU, DocBins in a scratch dir outside the repository;
4. copy ``model-best`` to ``--out`` with clean config and meta (default: a scratch dir; the quotation
   experiment of issue 13 reads it from ``src/succession/resources/parser_de``);
5. score the held-out GSD sentences (LAS/UAS, punctuation included, as spaCy scores) and tokens/s,
   stored in meta.json.

Usage (see docs/models.md)::

    .venv/bin/python scripts/train_parser_de.py                  # everything (~13 min on 2 shared cores)
    .venv/bin/python scripts/train_parser_de.py --eval-only      # score the committed model
"""
from __future__ import annotations

import argparse
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.vocab import Vocab

LOGGER = logging.getLogger("train_parser_de")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ud"
DEFAULT_BUILD = Path(tempfile.gettempdir()) / "succession-parser-de-build"  # scratch, outside the repo
# not shipped (it did not help the speaker ranker, docs/models.md): written outside the package by default
DEFAULT_OUT = Path(tempfile.gettempdir()) / "succession-parser-de"
DEFAULT_CONFIG = REPO / "scripts" / "parser_de.cfg"

SEED = 0
HELD_OUT_EVERY = 10  # GSD sentence i with i % 10 == 0: report; == 1: checkpoint selection
GSD_FILES = ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu")
PUD_FILE = "de_pud-ud-test.conllu"  # training only: never scored (its sentences are also UNER de_pud's)

MODEL_NAME = "parser_de"
MODEL_VERSION = "0.1.0"
LICENSE_NOTE = (
    "Model weights trained on Universal Dependencies German-GSD (dev+test) and German-PUD (test), "
    "both CC BY-SA 4.0. Attribution: McDonald et al. 2013 / UD contributors (GSD); Zeman et al. 2017 (PUD)."
)
SOURCES = [
    {"name": "UD German-GSD, dev+test", "url": "https://github.com/UniversalDependencies/UD_German-GSD",
     "commit": "297fcf35", "license": "CC BY-SA 4.0"},
    {"name": "UD German-PUD, test", "url": "https://github.com/UniversalDependencies/UD_German-PUD",
     "commit": "ff80846a", "license": "CC BY-SA 4.0"},
]


@dataclass(frozen=True)
class Sentence:
    """Surface tokens with their head (0-based index within the sentence) and UD relation."""

    words: tuple[str, ...]
    spaces: tuple[bool, ...]
    heads: tuple[int, ...]
    deps: tuple[str, ...]
    pos: tuple[str, ...] = ()
    morphs: tuple[str, ...] = ()


def read_conllu(path: Path) -> Iterator[Sentence]:
    block: list[list[str]] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line:
                if block:
                    yield to_sentence(block)
                block = []
            elif not line.startswith("#"):
                block.append(line.split("\t"))
    if block:
        yield to_sentence(block)


def to_sentence(rows: Sequence[list[str]]) -> Sentence:
    """Words to surface tokens: a multiword token's range becomes one token; the relation of the range
    is the one of its first word that attaches outside it (the preposition of "zum": case)."""
    ranges = {}
    for r in rows:
        if "-" in r[0]:
            a, b = (int(x) for x in r[0].split("-"))
            ranges[a] = (b, r[1], "SpaceAfter=No" in r[9])
    words = {int(r[0]): r for r in rows if r[0].isdigit()}
    token_of: dict[int, int] = {}  # word id -> token index
    toks: list[tuple[str, bool, list[int]]] = []
    i = 1
    while i <= len(words):
        if i in ranges:
            b, form, no_space = ranges[i]
            members = list(range(i, b + 1))
            toks.append((form, not no_space, members))
            i = b + 1
        else:
            toks.append((words[i][1], "SpaceAfter=No" not in words[i][9], [i]))
            i += 1
    for t, (_, _, members) in enumerate(toks):
        for m in members:
            token_of[m] = t
    heads, deps, pos, morphs = [], [], [], []
    for t, (_, _, members) in enumerate(toks):
        outside = [m for m in members if int(words[m][6]) not in members] or members[:1]
        w = words[outside[0]]
        pos.append(w[3])
        # only the case (subject or addressee: Nom, Dat, ...): a small label set, quick to learn and to run;
        # the case of "zum"/"im" is its article's (dative), the member that carries Case
        feats = next((words[m][5] for m in members if "Case=" in words[m][5]), "")
        morphs.append(next((f for f in feats.split("|") if f.startswith("Case=")), ""))
        head = int(w[6])
        if head == 0:
            heads.append(t)
            deps.append("ROOT")
        else:
            heads.append(token_of[head])
            deps.append(w[7])
    return Sentence(tuple(x[0] for x in toks), tuple(x[1] for x in toks), tuple(heads), tuple(deps), tuple(pos),
                    tuple(morphs))


def load(data: Path) -> tuple[list[Sentence], list[Sentence], list[Sentence]]:
    """(train, dev, held-out) sentences."""
    gsd = [s for name in GSD_FILES for s in read_conllu(data / name)]
    held = [s for i, s in enumerate(gsd) if i % HELD_OUT_EVERY == 0]
    dev = [s for i, s in enumerate(gsd) if i % HELD_OUT_EVERY == 1]
    train = [s for i, s in enumerate(gsd) if i % HELD_OUT_EVERY > 1] + list(read_conllu(data / PUD_FILE))
    return train, dev, held


def to_doc(vocab: Vocab, s: Sentence) -> Doc:
    return Doc(vocab, words=list(s.words), spaces=list(s.spaces), heads=list(s.heads), deps=list(s.deps),
               pos=list(s.pos) or None, morphs=list(s.morphs) or None)


def write_docbin(vocab: Vocab, sentences: Sequence[Sentence], path: Path) -> None:
    db = DocBin(attrs=["ORTH", "HEAD", "DEP", "SENT_START", "POS", "MORPH"], store_user_data=False)
    for s in sentences:
        db.add(to_doc(vocab, s))
    path.parent.mkdir(parents=True, exist_ok=True)
    db.to_disk(path)


def train(config: Path, build: Path) -> Path:
    cmd = [sys.executable, "-m", "spacy", "train", str(config), "--output", str(build / "training"),
           "--paths.train", str(build / "train.spacy"), "--paths.dev", str(build / "dev.spacy"),
           "--system.seed", str(SEED), "--gpu-id", "-1"]
    LOGGER.info("running: %s", " ".join(cmd))
    started = time.monotonic()
    subprocess.run(cmd, check=True)
    LOGGER.info("training took %.1f min", (time.monotonic() - started) / 60)
    return build / "training" / "model-best"


def package(best: Path, out: Path) -> None:
    nlp = spacy.load(best)
    nlp.meta.update(
        name=MODEL_NAME, version=MODEL_VERSION, license=LICENSE_NOTE, sources=SOURCES,
        description="Small German dependency parser (UD relations) for succession's quotation speakers: "
        "blank('de') + HashEmbedCNN tok2vec + morphologizer (POS, Case) + parser, no static vectors. Built by scripts/train_parser_de.py.",
        author="succession", url="", email="",
    )
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    LOGGER.info("wrote %s (%.1f MB)", out, sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6)


def evaluate(nlp: Language, sentences: Sequence[Sentence]) -> dict[str, object]:
    """LAS/UAS on gold tokens (the parser's own sentence and token boundaries are not scored)."""
    examples = []
    started = time.perf_counter()
    n_tokens = 0
    for s in sentences:
        gold = to_doc(nlp.vocab, s)
        pred = Doc(nlp.vocab, words=list(s.words), spaces=list(s.spaces))
        for _, proc in nlp.pipeline:
            pred = proc(pred)
        n_tokens += len(s.words)
        examples.append(Example(pred, gold))
    elapsed = time.perf_counter() - started
    scores = Scorer.score_deps(examples, "dep", head_attr="head", ignore_labels=("ROOT",))
    return {"held_out": f"UD German-GSD, every {HELD_OUT_EVERY}th sentence of dev+test ({len(sentences)} sentences, "
            f"{n_tokens} tokens)", "las": round(float(scores["dep_las"]), 4),
            "uas": round(float(scores["dep_uas"]), 4), "tokens_per_s": round(n_tokens / elapsed)}


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--build", type=Path, default=DEFAULT_BUILD)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    ap.add_argument("--eval-only", action="store_true", help="score the model at --out, do not train")
    a = ap.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not a.data.exists():
        print(f"error: UD data not found at {a.data}", file=sys.stderr)
        return 2
    train_s, dev_s, held = load(a.data)
    LOGGER.info("train %d, dev %d, held-out %d sentences", len(train_s), len(dev_s), len(held))
    if not a.eval_only:
        vocab = spacy.blank("de").vocab
        write_docbin(vocab, train_s, a.build / "train.spacy")
        write_docbin(vocab, dev_s, a.build / "dev.spacy")
        package(train(a.config, a.build), a.out)
    nlp = spacy.load(a.out)
    scores = evaluate(nlp, held)
    LOGGER.info("held-out: %s", json.dumps(scores))
    meta_path = a.out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
