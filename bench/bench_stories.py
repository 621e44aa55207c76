"""Benchmark: story grouping of 5,000 / 10,000 / 20,000 articles (not a test).

Articles come from the dev set (/work/shared/eval/dev/docs.jsonl), with random edits (words dropped,
inserted, swapped), shuffled random publication dates (one in ten undated) and cheap pseudo-entities
(capitalised word sequences), so no extractor runs. ``--data mixed`` (default) plants stories: a text of
twelve dev sentences reported by one to four edited copies within three days, so the grouping can be
scored (pairwise precision/recall against the planted stories); ``--data repeat`` repeats the 47 dev
articles themselves (every article gets ever more near-copies as the corpus grows: a stress case).
Dates spread over a period that grows with the corpus (``--per-day`` articles a day, like a feed) or,
with ``--per-day 0``, over a fixed three years (denser as it grows). Each size runs in a fresh process
so its peak memory (ru_maxrss) is its own. "scanned/art" counts candidate rows looked at per article
(the undated articles are scanned in full: the one quadratic term), "scored/art" pairs scored in full.

The sentence encoder is the one cost that is linear by construction (a fixed amount of text per
article), so by default the index runs with a cheap hashing encoder and USE throughput is measured
separately on a sample and reported per 1,000 articles; ``--encoder use`` runs USE inside the index.

    .venv/bin/python bench/bench_stories.py                      # 5k, 10k, 20k with the hashing encoder
    .venv/bin/python bench/bench_stories.py --sizes 2000 --encoder use
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import resource
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from succession.models import Analysis, DateValue, Document, Entity, MentionKind, Span  # noqa: E402
from succession.across.stories import DIM, StoryIndex, UseEncoder  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs.jsonl"
CAPS = re.compile(r"\b[A-ZÄÖÜ][\w'\-]+(?:\s+[A-ZÄÖÜ][\w'\-]+)*")
START = dt.date(2020, 1, 1)


class HashEncoder:
    """Feature-hashed word unigrams and bigrams as unit vectors: cheap, deterministic, monolingual."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, text in enumerate(texts):
            words = text.casefold().split()
            feats = words + [a + " " + b for a, b in zip(words, words[1:])]
            idx = np.fromiter((int.from_bytes(hashlib.blake2b(f.encode(), digest_size=4).digest(), "little")
                               for f in feats), dtype=np.uint32, count=len(feats))
            np.add.at(out[i], idx % DIM, np.where(idx & (1 << 31), 1.0, -1.0).astype(np.float32))
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


def edit(text: str, rng: random.Random, rate: float = 0.05) -> str:
    """Drop, insert (a word from the same text) or swap about ``rate`` of the words, line by line."""
    lines = []
    for line in text.split("\n"):
        words = line.split(" ")
        for _ in range(int(len(words) * rate) + (1 if words and rng.random() < rate * 4 else 0)):
            op, at = rng.choice("dis"), rng.randrange(len(words)) if words else 0
            if op == "d" and len(words) > 1:
                del words[at]
            elif op == "i" and words:
                words.insert(at, rng.choice(words))
            elif op == "s" and at + 1 < len(words):
                words[at], words[at + 1] = words[at + 1], words[at]
        lines.append(" ".join(words))
    return "\n".join(lines)


def pseudo_analysis(doc_id: str, text: str, lang: str, published: DateValue | None) -> Analysis:
    """An Analysis with capitalised word sequences as entities (two or more words: a person)."""
    counts = Counter(m.group(0) for m in CAPS.finditer(text) if len(m.group(0)) > 3)
    ents = tuple(Entity(name, MentionKind.PERSON if len(name.split()) >= 2 else MentionKind.ORG, (name,),
                        (Span(0, 0, ""),) * n) for name, n in counts.most_common(15))
    return Analysis(Document(doc_id, text), lang, published, "given" if published else None, entities=ents)


def _sentences() -> list[str]:
    texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [x for t in texts for x in re.split(r"(?<=[.!?])\s+|\n+", t) if len(x.split()) >= 5]


def articles(n: int, per_day: float = 0.0, seed: int = 7, data: str = "mixed") -> list[tuple[Analysis, int]]:
    """n articles with the story each was planted in.

    ``mixed``: each story is a new text of twelve sentences drawn from the whole dev set, reported by
    one to four edited copies published within three days (stories of bounded size, as in a feed).
    ``repeat``: the dev articles themselves repeated with edits (ever more copies of 47 texts: every
    article has more and more near-copies as the corpus grows; a stress case)."""
    rng = random.Random(seed)
    span = max(1, round(n / per_day)) if per_day > 0 else 3 * 365
    base = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    pool = _sentences()
    out: list[tuple[Analysis, int]] = []
    story = 0
    while len(out) < n:
        story += 1
        if data == "repeat":
            src = base[story % len(base)]
            text, lang, copies = src["text"], src["id"][:2], 1
        else:
            sents = rng.sample(pool, 12)
            text = "\n".join(" ".join(sents[i:i + 3]) for i in range(0, 12, 3))
            lang, copies = "en", rng.choice((1, 1, 2, 3, 4))
        day = START + dt.timedelta(days=rng.randrange(span))
        for _ in range(min(copies, n - len(out))):
            when = day + dt.timedelta(days=rng.randrange(3))
            published = None if rng.random() < 0.1 else DateValue(when.isoformat())
            doc_id = f"a{len(out)}"
            out.append((pseudo_analysis(doc_id, edit(text, rng), lang, published), story))
    rng.shuffle(out)
    return out


def pair_scores(found: dict[str, str], planted: dict[str, int]) -> tuple[float, float]:
    """Pairwise precision and recall of "same story" against the planted stories."""
    def pairs(groups: Counter) -> int:  # type: ignore[type-arg]
        return sum(c * (c - 1) // 2 for c in groups.values())
    both = pairs(Counter((found[d], planted[d]) for d in found))
    got, want = pairs(Counter(found.values())), pairs(Counter(planted.values()))
    return (both / got if got else 1.0), (both / want if want else 1.0)


def run_one(n: int, encoder_name: str, per_day: float, data: str) -> dict[str, float]:
    """Index n articles in this process; time, peak memory, work done, stories and their quality."""
    labelled = articles(n, per_day, data=data)
    items = [a for a, _ in labelled]
    encoder = UseEncoder() if encoder_name == "use" else HashEncoder()
    if encoder_name == "use":
        encoder.encode(["warm-up"])
    index = StoryIndex(encoder=encoder)  # imports datasketch/scipy before the baseline is taken
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    t0, c0 = time.perf_counter(), _cpu()
    index.add_many(items)
    secs, cpu = time.perf_counter() - t0, _cpu() - c0
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    stories = index.stories()
    work = index.work()
    found = {a.document.id: index.story_of(a.document.id) or "" for a in items}
    precision, recall = pair_scores(found, {a.document.id: story for a, story in labelled})
    return {"precision": precision, "recall": recall, "n": n, "seconds": secs, "cpu": cpu,
            "peak_rss_mb": rss_after, "index_rss_mb": rss_after - rss_before,
            "stories": len(stories), "largest": max(len(m) for m in stories.values()),
            "scanned": work["scanned"] / n, "compared": work["compared"] / n}


def _cpu() -> float:
    """CPU seconds of this process (less disturbed than wall time when the machine is shared)."""
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def use_throughput(sample: int) -> float:
    """Seconds USE needs per 1,000 articles, measured on ``sample`` edited dev articles."""
    from succession.across.sketches import StoryConfig, _article_text, _chunks  # noqa: PLC0415 - bench only
    cfg = StoryConfig()
    chunks = [c for a, _ in articles(sample, seed=11, data="repeat") for c in _chunks(*_article_text(a), cfg)]
    enc = UseEncoder()
    enc.encode(["warm-up"])
    t0 = time.perf_counter()
    enc.encode(chunks)
    return (time.perf_counter() - t0) / sample * 1000


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000])
    ap.add_argument("--encoder", choices=("hash", "use"), default="hash")
    ap.add_argument("--per-day", type=float, default=15.0, help="articles a day (0: all within three years)")
    ap.add_argument("--data", choices=("mixed", "repeat"), default="mixed")
    ap.add_argument("--use-sample", type=int, default=300, help="articles for the USE throughput (0: skip)")
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)  # child process: one size, JSON out
    args = ap.parse_args()
    if not DEV.exists():
        sys.exit(f"{DEV} not found: the bench needs the dev articles")
    if args.one:
        print(json.dumps(run_one(args.one, args.encoder, args.per_day, args.data)))
        return
    rows = []
    for n in args.sizes:
        cmd = [sys.executable, __file__, "--one", str(n), "--encoder", args.encoder, "--per-day", str(args.per_day),
               "--data", args.data]
        rows.append(json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout))
    use_per_k = use_throughput(args.use_sample) if args.use_sample and args.encoder == "hash" else None
    spread = f"{args.per_day:g} articles a day" if args.per_day > 0 else "all within 3 years"
    print(f"data: {args.data}; encoder: {args.encoder}; dates: {spread}, 10% undated; 5% word edits per copy")
    print(f"{'articles':>9} {'wall s':>8} {'CPU s':>8} {'CPU s/1k':>9} {'peak RSS MB':>12} {'index MB':>9} "
          f"{'MB/1k':>6} {'scanned/art':>12} {'scored/art':>11} {'stories':>8} {'largest':>8} "
          f"{'pair P':>7} {'pair R':>7}")
    for r in rows:
        k = r["n"] / 1000
        print(f"{r['n']:>9} {r['seconds']:>8.1f} {r['cpu']:>8.1f} {r['cpu'] / k:>9.2f} {r['peak_rss_mb']:>12.0f} "
              f"{r['index_rss_mb']:>9.0f} {r['index_rss_mb'] / k:>6.1f} {r['scanned']:>12.0f} "
              f"{r['compared']:>11.1f} {r['stories']:>8} {r['largest']:>8} "
              + (f"{r['precision']:>7.3f} {r['recall']:>7.3f}" if args.data == "mixed" else f"{'-':>7} {'-':>7}"))
    if use_per_k is not None:
        print(f"USE encoding (measured on {args.use_sample} articles): {use_per_k:.1f} s per 1,000 articles, "
              "to be added linearly to the times above")


if __name__ == "__main__":
    main()
