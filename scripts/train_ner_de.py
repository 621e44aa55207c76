#!/usr/bin/env python3
"""Train succession's small German NER model (PER/ORG/LOC) from freely licensed data.

Reproducible end to end: fixed seed, committed config (``scripts/ner_de.cfg``), data read from
``../shared/data/ner`` (or ``--data``). Steps:

1. read GermEval 2014 dev+test (outer column, counted twice), the prose sentences of WikiANN-de
   train and Europeana DE (cut into ~40-token windows, titles cut off person spans) and map every
   tag set to PER/ORG/LOC;
2. write ``train.spacy`` / ``dev.spacy`` / ``eval_de_pud.spacy`` DocBins into a scratch dir outside
   the repository; dev = every 10th GermEval sentence, UNER de_pud is held out for evaluation;
3. ``spacy train`` on CPU;
4. copy ``model-best`` into ``src/succession/resources/ner_de`` with an ``entity_ruler`` for
   "Name + legal form" companies, a clean config and meta (no optimizer state, no corpus);
5. evaluate on UNER de_pud (per-label P/R/F), measure tokens/s, store both in meta.json.

Usage (see docs/models.md)::

    .venv/bin/python scripts/train_ner_de.py                  # everything (~11 min on 2 idle cores)
    .venv/bin/python scripts/train_ner_de.py --eval-only      # evaluate the committed model

Options tried for issue 8 (none changes the default, which rebuilds the shipped model; figures in
docs/models.md): ``--oth o`` (GermEval OTH as O, not missing), ``--hyphens`` (second GermEval copy in
the UD tokenisation of UNER), ``--vectors`` (static vectors from ``ner_de_vectors.py``; ``--vectors-nc``
adds CC BY-NC-SA text to them).
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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example
from spacy.vocab import Vocab

sys.path.insert(0, str(Path(__file__).resolve().parent))
from ner_de_data import (  # noqa: E402,F401  (scripts/ is not a package; names re-exported for build_first_names)
    LABELS,
    TITLES,
    Sentence,
    is_clean_running_text,
    map_germeval,
    normalise_tag,
    read_blocks,
    read_europeana,
    read_germeval,
    read_germeval_raw,
    read_uner,
    read_wikiann,
    repair_iob,
    spaces_for,
    split_hyphens,
)

LOGGER = logging.getLogger("train_ner_de")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_DATA = REPO.parent / "shared" / "data" / "ner"
DEFAULT_BUILD = Path(tempfile.gettempdir()) / "succession-ner-de-build"  # scratch, outside the repo
DEFAULT_OUT = REPO / "src" / "succession" / "resources" / "ner_de"
DEFAULT_CONFIG = REPO / "scripts" / "ner_de.cfg"

SEED = 0
DEV_EVERY = 10  # every n-th GermEval sentence goes to the dev set used for model selection

MODEL_NAME = "ner_de"
MODEL_VERSION = "0.1.0"
LICENSE_NOTE = (
    "Model weights trained on GermEval 2014 (CC BY 4.0), Europeana Newspapers NER DE (CC0) and "
    "WikiANN-de (licence not stated by the authors; text from Wikipedia, CC BY-SA). "
    "Attribution: Benikova et al. 2014; Neudecker 2016; Pan et al. 2017."
)
SOURCES = [
    {
        "name": "GermEval 2014 NER (NoSta-D), dev+test, outer layer",
        "url": "https://sites.google.com/site/germeval2014ner/",
        "license": "CC BY 4.0",
        "author": "Benikova, Biemann, Reznicek (LREC 2014)",
    },
    {
        "name": "Europeana Newspapers NER corpora, German (LFT, ONB, SBB)",
        "url": "https://github.com/EuropeanaNewspapers/ner-corpora",
        "license": "CC0",
        "author": "Neudecker (LREC 2016)",
    },
    {
        "name": "WikiANN (PAN-X) German, train split of Rahimi et al. 2019",
        "url": "https://github.com/afshinrahimi/mmner",
        "license": "not stated by the authors (Wikipedia text, CC BY-SA)",
        "author": "Pan et al. (ACL 2017); Rahimi, Li, Cohn (ACL 2019)",
    },
]
# only when --vectors is used (scripts/ner_de_vectors.py; with --vectors-nc 10kGNAD's CC BY-NC-SA applies too)
VECTORS_LICENSE_NOTE = (
    " Static vectors learnt from German Wikinews (CC BY 2.5), the token text of the corpora above and "
    "UD German-GSD (CC BY-SA 4.0)."
)
VECTORS_SOURCES = [
    {"name": "German Wikinews articles (via corpus/news.jsonl and eval/quotes of the project data)",
     "url": "https://de.wikinews.org", "license": "CC BY 2.5", "author": "Wikinews contributors"},
    {"name": "UD German-GSD dev+test (token text only)", "url": "https://github.com/UniversalDependencies/UD_German-GSD",
     "license": "CC BY-SA 4.0", "author": "Universal Dependencies"},
]
EVAL_SOURCE = "UNER German-PUD test (CC BY-SA 3.0; Mayhew et al., NAACL 2024), held out"

GERMEVAL_FILES = ("NER-de-dev.tsv", "NER-de-test.tsv")
GERMEVAL_REPEAT = 2  # gold news text counts twice against the silver/historical data
# Legal forms that end a company name (general language) and words that never start one.
LEGAL_FORMS = frozenset(
    "AG GmbH gGmbH mbH SE KG KGaA OHG eG e.V. AöR Ltd Ltd. Inc Inc. Corp Corp. PLC plc LLC S.A. N.V. B.V. S.p.A."
    .split()
)
NOT_NAME_WORDS = frozenset(
    """
    der die das den dem des ein eine einer eines einem einen und oder aber sowie sondern bei beim von vom
    mit für nach seit wie auch auf aus über unter gegen durch um an in im am zum zur zu laut dass ob als
    wenn weil so da doch nun jetzt heute gestern ihr ihre ihrem ihren ihrer sein seine seinem seinen
    seiner unser unsere diese dieser dieses diesem diesen alle viele mehrere neue neuen neuer neues
    the a an of and at by for with from to in on
    """.split()
)

# ---------------------------------------------------------------- corpus assembly


@dataclass(frozen=True)
class Corpus:
    train: tuple[Sentence, ...]
    dev: tuple[Sentence, ...]
    test: tuple[Sentence, ...]


def load_corpus(data: Path, oth: str = "missing", hyphens: str = "no") -> Corpus:
    """Training, dev (every DEV_EVERY-th GermEval sentence) and held-out test (UNER de_pud) sentences."""
    raw = [s for name in GERMEVAL_FILES for s in read_germeval_raw(data / "germeval2014" / name)]
    germeval = [Sentence(words, map_germeval(tags, oth)) for words, tags in raw]
    dev = tuple(s for i, s in enumerate(germeval) if i % DEV_EVERY == DEV_EVERY - 1)
    train = [s for i, s in enumerate(germeval) if i % DEV_EVERY != DEV_EVERY - 1]
    split = [split_hyphens(*s, oth) for i, s in enumerate(raw) if i % DEV_EVERY != DEV_EVERY - 1]
    # hyphens="replace": the second copy in UD tokenisation (see split_hyphens); "add": a third copy
    train = train + split if hyphens == "replace" else train * GERMEVAL_REPEAT + (split if hyphens == "add" else [])
    train += filter(is_clean_running_text, read_wikiann(data / "wikiann" / "de" / "train"))
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):
        train += read_europeana(data / "europeana" / name)
    test = tuple(read_uner(data / "uner" / "de" / "de_pud-ud-test.iob2"))
    return Corpus(train=tuple(s for s in train if s.words), dev=dev, test=test)


def to_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    return Doc(vocab, words=list(sentence.words), spaces=spaces_for(sentence.words), ents=list(sentence.tags))


def write_docbin(vocab: Vocab, sentences: Iterable[Sentence], path: Path) -> int:
    docbin = DocBin(attrs=["ORTH", "ENT_IOB", "ENT_TYPE"], store_user_data=False)
    count = 0
    for sentence in sentences:
        docbin.add(to_doc(vocab, sentence))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def describe(sentences: Sequence[Sentence]) -> str:
    tokens = sum(len(s.words) for s in sentences)
    ents = {label: sum(t == f"B-{label}" for s in sentences for t in s.tags) for label in LABELS}
    return f"{len(sentences)} sent., {tokens} tok., " + ", ".join(f"{k} {v}" for k, v in ents.items())


# ---------------------------------------------------------------- training and packaging


def train(config: Path, build: Path, max_steps: int | None, vectors: Path | None = None, seed: int = SEED) -> Path:
    """Run `spacy train` on CPU in a subprocess; returns the model-best directory."""
    cmd = [
        sys.executable, "-m", "spacy", "train", str(config),
        "--output", str(build / "training"),
        "--paths.train", str(build / "train.spacy"),
        "--paths.dev", str(build / "dev.spacy"),
        "--system.seed", str(seed),
        "--gpu-id", "-1",
    ]
    if max_steps is not None:
        cmd += ["--training.max_steps", str(max_steps)]
    if vectors is not None:
        cmd += ["--paths.vectors", str(vectors), "--components.tok2vec.model.embed.include_static_vectors", "true"]
    LOGGER.info("running: %s", " ".join(cmd))
    started = time.monotonic()
    subprocess.run(cmd, check=True)
    LOGGER.info("training took %.1f min", (time.monotonic() - started) / 60)
    return build / "training" / "model-best"


def org_patterns() -> list[dict[str, object]]:
    """Token patterns 'Capitalised Name(s) + legal form' ("Beispiel AG", "Muster & Söhne GmbH & Co. KG").

    The statistical model, trained on ~7k gold sentences, often tags only the legal form ("AG") or
    misses a company it has never seen; company names ending in a legal form are the organisations
    succession cares most about, and the legal form makes them unambiguous.
    """
    name = {"TEXT": {"REGEX": r"^[A-ZÄÖÜ0-9][\w\-.'’]*$"}, "LOWER": {"NOT_IN": sorted(NOT_NAME_WORDS)}, "OP": "+"}
    legal = {"ORTH": {"IN": sorted(LEGAL_FORMS)}}
    amp = {"ORTH": {"IN": ["&", "+"]}}
    co_kg = [{"ORTH": "GmbH"}, amp, {"ORTH": "Co."}, {"ORTH": {"IN": ["KG", "KGaA", "OHG"]}}]
    shapes = [[name, legal], [name, amp, name, legal], [name, *co_kg], [name, amp, name, *co_kg]]
    return [{"label": "ORG", "pattern": shape, "id": "legal_form"} for shape in shapes]


def package(best: Path, out: Path) -> None:
    """Copy model-best to `out` with the ORG ruler, meta (name, licence, sources), no machine paths."""
    nlp = spacy.load(best)
    ruler = nlp.add_pipe("entity_ruler", name="org_ruler", after="ner", config={"overwrite_ents": True})
    ruler.add_patterns(org_patterns())  # type: ignore[attr-defined]
    has_vectors = nlp.vocab.vectors.shape[0] > 0
    nlp.meta.update(
        name=MODEL_NAME, version=MODEL_VERSION,
        license=LICENSE_NOTE + (VECTORS_LICENSE_NOTE if has_vectors else ""),
        sources=SOURCES + (VECTORS_SOURCES if has_vectors else []),
        description="Small German NER (PER/ORG/LOC) for succession: blank('de') + HashEmbedCNN tok2vec + ner "
        + ("(with PPMI-SVD static vectors) " if has_vectors else "(no static vectors) ")
        + "+ an entity_ruler for 'Name + legal form' organisations. Built by scripts/train_ner_de.py.",
        author="succession", url="", email="",
    )
    for key in ("train", "dev"):
        nlp.config["paths"][key] = None  # build-dir paths mean nothing on another machine
    if out.exists():
        shutil.rmtree(out)
    nlp.to_disk(out)
    LOGGER.info("wrote %s (%.1f MB)", out, dir_size(out) / 1e6)


def record_performance(out: Path, scores: dict[str, object]) -> None:
    """Store the evaluation figures in the packaged model's meta.json ('performance')."""
    meta_path = out / "meta.json"
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["performance"] = scores
    meta_path.write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


# ---------------------------------------------------------------- evaluation


def evaluate(nlp: Language, sentences: Sequence[Sentence]) -> dict[str, object]:
    """Entity P/R/F overall and per label on gold tokenisation (predicted docs get no gold labels)."""
    examples = []
    for sentence in sentences:
        reference = to_doc(nlp.vocab, sentence)
        predicted = Doc(nlp.vocab, words=list(sentence.words), spaces=spaces_for(sentence.words))
        examples.append(Example(predicted, reference))
    scores = nlp.evaluate(examples)
    per_type = {
        label: {k: round(v, 4) for k, v in scores["ents_per_type"].get(label, {}).items()} for label in LABELS
    }
    return {
        "ents_p": round(scores["ents_p"], 4),
        "ents_r": round(scores["ents_r"], 4),
        "ents_f": round(scores["ents_f"], 4),
        "ents_per_type": per_type,
    }


def measure_speed(nlp: Language, texts: Sequence[str], rounds: int = 3) -> float:
    """Tokens per second through the whole pipeline (tokeniser included), best of `rounds`."""
    best = 0.0
    for _ in range(rounds):
        started = time.perf_counter()
        n_tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=256))
        best = max(best, n_tokens / (time.perf_counter() - started))
    return best


def report(nlp: Language, corpus: Corpus, build: Path) -> dict[str, object]:
    texts = [" ".join(s.words) for s in corpus.test]
    scores = {
        "uner_de_pud": evaluate(nlp, corpus.test),
        "germeval_dev_heldout": evaluate(nlp, corpus.dev),
        "tokens_per_second_cpu": round(measure_speed(nlp, texts)),
    }
    (build / "eval.json").write_text(json.dumps(scores, indent=2), encoding="utf-8")
    LOGGER.info("evaluation:\n%s", json.dumps(scores, indent=2))
    return scores


# ---------------------------------------------------------------- CLI


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with the NER corpora")
    parser.add_argument("--build", type=Path, default=DEFAULT_BUILD, help="scratch dir (DocBins, checkpoints)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="where the packaged model goes")
    parser.add_argument("--config", type=Path, default=DEFAULT_CONFIG)
    parser.add_argument("--max-steps", type=int, default=None, help="override training.max_steps")
    parser.add_argument("--oth", choices=("missing", "o"), default="missing", help="GermEval OTH spans")
    parser.add_argument("--hyphens", nargs="?", const="replace", default="no", choices=("no", "replace", "add"),
                        help="GermEval in UD tokenisation as the second copy (replace) or a third one (add)")
    parser.add_argument("--vectors", action="store_true", help="build and use static vectors (ner_de_vectors)")
    parser.add_argument("--seed", type=int, default=SEED, help="training seed (other seeds: run-to-run spread)")
    parser.add_argument("--vectors-nc", action="store_true", help="vectors also from CC BY-NC-SA 10kGNAD text")
    parser.add_argument("--corpus-only", action="store_true", help="only write the DocBins")
    parser.add_argument("--eval-only", action="store_true", help="only evaluate the model in --out")
    parser.add_argument("--repackage", type=Path, default=None, help="package this trained model dir into --out")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    args = parse_args(argv)
    corpus = load_corpus(args.data, args.oth, args.hyphens)
    args.build.mkdir(parents=True, exist_ok=True)
    if args.eval_only:
        report(spacy.load(args.out), corpus, args.build)
        return 0
    if args.repackage is not None:  # e.g. after changing the ruler: no retraining needed
        package(args.repackage, args.out)
        record_performance(args.out, report(spacy.load(args.out), corpus, args.build))
        return 0
    vocab = spacy.blank("de").vocab
    for name, part in (("train", corpus.train), ("dev", corpus.dev), ("eval_de_pud", corpus.test)):
        write_docbin(vocab, part, args.build / f"{name}.spacy")
        LOGGER.info("%s: %s", name, describe(part))
    if args.corpus_only:
        return 0
    vectors = None
    if args.vectors:
        from ner_de_vectors import build_vectors  # sibling script

        vectors = build_vectors(args.data.parent.parent, args.build / "vectors", args.vectors_nc)
    package(train(args.config, args.build, args.max_steps, vectors, args.seed), args.out)
    record_performance(args.out, report(spacy.load(args.out), corpus, args.build))
    return 0


if __name__ == "__main__":
    sys.exit(main())
