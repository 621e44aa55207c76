#!/usr/bin/env python3
"""Static German word vectors for the NER model, learned by this project from freely licensed text.

The small NER model has no pretrained vectors, so a company or party it never saw in its ~20k labelled
sentences has only its spelling to go on. Word vectors learned from unlabelled text place a company
name near the words that share its contexts (other companies, "Konzern", "Aktie"), which the NER model
can use. The method is the classic count-based one (Levy, Goldberg, Dagan, TACL 2015): co-occurrence counts in
a +-WINDOW token window weighted 1/distance, positive PMI with context-distribution smoothing (0.75), then a
truncated SVD (fixed random state: deterministic), rows = U * sqrt(S), L2-normalised.

Keys are spaCy's NORM (the lower-cased form), so "Beispielbank" and "beispielbank" share a row, and the table is
pruned to the MAX_ROWS most frequent words to keep the shipped model small.

Text (see docs/models.md for licences; never UNER de_pud or UD de_pud, which are evaluation data):
- German Wikinews articles (CC BY 2.5): the German Wikinews articles of ``corpus/news.jsonl`` and the texts
  of ``eval/quotes/*.jsonl`` (texts only; the quotation annotations are not used);
- the token text of the German NER files (GermEval 2014 dev+test, WikiANN-de train/dev/test, Europeana DE)
  and of UD German-GSD dev+test.
10kGNAD (derStandard, CC BY-NC-SA) articles are left out so the NER weights carry no non-commercial terms.

Usage: ``.venv/bin/python scripts/ner_de_vectors.py --out /tmp/vec`` writes a spaCy pipeline directory
holding only the vectors; ``scripts/train_ner_de.py --vectors`` calls it.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy as np
import spacy
from scipy import sparse
from sklearn.utils.extmath import randomized_svd
from spacy.vectors import Vectors

__all__ = ["build_vectors", "german_segments", "ppmi_svd"]

LOGGER = logging.getLogger("ner_de_vectors")

REPO = Path(__file__).resolve().parent.parent
DEFAULT_SHARED = REPO.parent / "shared"
WINDOW = 3
DIMS = 100
MAX_ROWS = 25_000
MIN_COUNT = 3
SMOOTHING = 0.75
SVD_SEED = 0
WIKINEWS_REPO = "uhh-lt/german-news-quotation-attribution-2024"  # the CC BY 2.5 German articles of corpus/


def _jsonl_texts(path: Path, keep: callable = lambda rec: True) -> Iterator[str]:  # type: ignore[valid-type]
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if keep(rec):
                yield "\n".join(x for x in (rec.get("title"), rec.get("text")) if x)


def _is_wikinews_de(rec: dict) -> bool:
    source = rec.get("source")
    repo = source.get("source_repo") if isinstance(source, dict) else None
    return rec.get("lang") == "de" and repo == WIKINEWS_REPO


def _conll_token_lines(path: Path, column: int, strip_lang: bool = False) -> Iterator[list[str]]:
    """Token column of a blank-line separated CoNLL-style file, one list per sentence/block."""
    block: list[str] = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.rstrip("\r\n").split("\t") if "\t" in line else line.split()
            if not fields or not fields[0]:
                if block:
                    yield block
                block = []
                continue
            if fields[0].startswith("#") or len(fields) <= column:
                continue
            if "-" in fields[0] or "." in fields[0]:  # CoNLL-U multiword / empty-node lines
                continue
            token = fields[column]
            if strip_lang and ":" in token:
                token = token.split(":", 1)[1]
            block.append(token)
    if block:
        yield block


def german_segments(shared: Path, non_commercial: bool = False) -> Iterator[list[str]]:
    """NORM token lists from every permitted source; held-out de_pud is never read.

    `non_commercial` adds the 10kGNAD (derStandard) articles of corpus/, whose CC BY-NC-SA terms would
    then apply to the vectors and the NER weights trained with them.
    """
    nlp = spacy.blank("de")
    texts: list[str] = []
    keep = (lambda rec: rec.get("lang") == "de") if non_commercial else _is_wikinews_de
    texts += _jsonl_texts(shared / "corpus" / "news.jsonl", keep)
    for split in ("train", "dev", "test"):
        texts += _jsonl_texts(shared / "eval" / "quotes" / f"{split}.jsonl")
    seen: set[str] = set()
    for text in texts:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if digest in seen:  # corpus/ and eval/quotes/ draw on the same Wikinews collection
            continue
        seen.add(digest)
        for paragraph in text.split("\n"):
            if paragraph.strip():
                yield [t.norm_ for t in nlp(paragraph) if not t.is_space]
    ner = shared / "data" / "ner"
    conll: list[tuple[Path, int, bool]] = [(ner / "germeval2014" / n, 1, False) for n in ("NER-de-dev.tsv", "NER-de-test.tsv")]
    conll += [(ner / "wikiann" / "de" / n, 0, True) for n in ("train", "dev", "test")]
    conll += [(shared / "data" / "ud" / n, 1, False) for n in ("de_gsd-ud-dev.conllu", "de_gsd-ud-test.conllu")]
    for path, column, strip in conll:
        for tokens in _conll_token_lines(path, column, strip):
            yield [nlp.vocab[t].norm_ for t in tokens]
    for name in ("enp_DE.lft.bio", "enp_DE.onb.bio", "enp_DE.sbb.bio"):  # one stream per file
        tokens = [f.split()[0] for f in (ner / "europeana" / name).read_text(encoding="utf-8").splitlines()
                  if f.strip() and not f.startswith("#")]
        yield [nlp.vocab[t].norm_ for t in tokens]


def ppmi_svd(segments: Iterable[Sequence[str]], *, window: int = WINDOW, dims: int = DIMS,
             max_rows: int = MAX_ROWS, min_count: int = MIN_COUNT) -> tuple[list[str], np.ndarray]:
    """Words (most frequent first) and their L2-normalised PPMI-SVD vectors (float32)."""
    segments = [list(s) for s in segments]
    counts = Counter(t for s in segments for t in s)
    # ties broken by the word itself so the row order never depends on hash seeds
    words = [w for w, c in sorted(counts.items(), key=lambda wc: (-wc[1], wc[0])) if c >= min_count][:max_rows]
    index = {w: i for i, w in enumerate(words)}
    rows: list[np.ndarray] = []
    cols: list[np.ndarray] = []
    vals: list[np.ndarray] = []
    for seg in segments:
        ids = np.array([index.get(t, -1) for t in seg], dtype=np.int64)
        for d in range(1, window + 1):
            if len(ids) <= d:
                break
            a, b = ids[:-d], ids[d:]
            ok = (a >= 0) & (b >= 0)
            for x, y in ((a[ok], b[ok]), (b[ok], a[ok])):  # symmetric window
                rows.append(x)
                cols.append(y)
                vals.append(np.full(len(x), 1.0 / d))
    n = len(words)
    cooc = sparse.coo_matrix((np.concatenate(vals), (np.concatenate(rows), np.concatenate(cols))), shape=(n, n)).tocsr()
    cooc.sum_duplicates()
    total = cooc.sum()
    row_sum = np.asarray(cooc.sum(axis=1)).ravel()
    ctx = np.asarray(cooc.sum(axis=0)).ravel() ** SMOOTHING
    ctx_p = ctx / ctx.sum()
    coo = cooc.tocoo()
    pmi = np.log((coo.data / total) / ((row_sum[coo.row] / total) * ctx_p[coo.col]))
    keep = pmi > 0
    ppmi = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
    u, s, _ = randomized_svd(ppmi, n_components=dims, n_iter=7, random_state=SVD_SEED)
    vecs = u * np.sqrt(s)
    # SVD signs are arbitrary; fix them so reruns on other BLAS builds give the same table
    signs = np.sign(vecs[np.abs(vecs).argmax(axis=0), np.arange(dims)])
    vecs = vecs * signs
    vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-8)
    LOGGER.info("vectors: %d tokens, %d types, %d rows x %d dims", sum(counts.values()), len(counts), n, dims)
    return words, vecs.astype(np.float32)


def build_vectors(shared: Path, out: Path, non_commercial: bool = False, **kwargs: int) -> Path:
    """Write a blank German spaCy pipeline whose vocab holds the NORM-keyed vectors (for [initialize] vectors)."""
    words, vecs = ppmi_svd(german_segments(shared, non_commercial), **kwargs)
    nlp = spacy.blank("de")
    vectors = Vectors(strings=nlp.vocab.strings, shape=vecs.shape, attr="NORM")
    for i, word in enumerate(words):
        vectors.add(nlp.vocab.strings.add(word), row=i)
    vectors.data[:] = vecs
    nlp.vocab.vectors = vectors
    nlp.to_disk(out)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    parser.add_argument("--out", type=Path, required=True, help="where the vectors pipeline goes")
    parser.add_argument("--rows", type=int, default=MAX_ROWS)
    parser.add_argument("--dims", type=int, default=DIMS)
    parser.add_argument("--non-commercial", action="store_true", help="add the CC BY-NC-SA 10kGNAD articles")
    args = parser.parse_args(argv)
    build_vectors(args.shared, args.out, args.non_commercial, max_rows=args.rows, dims=args.dims)
    return 0


if __name__ == "__main__":
    sys.exit(main())
