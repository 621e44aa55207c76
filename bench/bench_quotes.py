"""Benchmark of the quotation stage against the rest of per-article extraction (not a test).

In one process, on the same articles, after everything is loaded and warmed up:
- baseline: ``analyse_documents(docs, link=False)`` with the quotation stage switched off (extraction as
            it was before quotations);
- engine:   the same with the quotation stage, which is also timed on its own (every call of
            ``find_quotes`` inside the run, summed).
The figure that matters is the quotation stage's time per article over the baseline's, in wall and in
CPU time (target: at most a third). Input: the dev articles (../shared/eval/dev/docs.jsonl) and the German quotation corpus's dev
split (../shared/eval/quotes/dev.jsonl, which is full of quotations), repeated to ``--n`` with varied copies
(bench_extract.vary).

    .venv/bin/python bench/bench_quotes.py               # --n 400: about 2 minutes on 2 busy cores
Result JSON: bench/results/quotes.json (``--out``).
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import succession.extract.components as pipeline  # noqa: E402 - its "quotes" component calls find_quotes
from bench_extract import timed, vary  # noqa: E402
from succession.api import analyse_documents  # noqa: E402
from succession.models import Document  # noqa: E402

SOURCES = (ROOT.parent / "shared" / "eval" / "dev" / "docs.jsonl", ROOT.parent / "shared" / "eval" / "quotes" / "dev.jsonl")
OUT = ROOT / "bench" / "results" / "quotes.json"


def corpus(n: int, seed: int = 11) -> list[Document]:
    base = [json.loads(line) for path in SOURCES for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    return [Document(id=f"{base[i % len(base)]['id']}#{i}",
                     text=base[i % len(base)]["text"] if i < len(base) else vary(base[i % len(base)]["text"], rng))
            for i in range(n)]


class Stage:
    """``find_quotes`` as the pipeline calls it, timed (or switched off)."""

    def __init__(self) -> None:
        self.real = pipeline.find_quotes
        self.seconds = 0.0
        self.cpu = 0.0
        self.calls = 0
        self.quotes = 0
        self.enabled = True

    def __call__(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if not self.enabled:
            return ()
        t0, c0 = time.perf_counter(), time.process_time()
        out = self.real(*args, **kwargs)
        self.seconds += time.perf_counter() - t0
        self.cpu += time.process_time() - c0
        self.calls += 1
        self.quotes += len(out)
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=400)
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    docs = corpus(a.n)
    stage = Stage()
    pipeline.find_quotes = stage  # the one call the pipeline's "quotes" component makes
    analyse_documents(docs[:40], link=False)  # load every model, both languages, quotation models included
    stage.enabled = False
    base = timed("extraction without quotations", len(docs), lambda: float(len(analyse_documents(docs, link=False).analyses)))
    stage.enabled, stage.seconds, stage.cpu, stage.calls, stage.quotes = True, 0.0, 0.0, 0, 0
    full = timed("extraction with quotations", len(docs), lambda: float(len(analyse_documents(docs, link=False).analyses)))
    per_article_base = base.wall_s / len(docs)
    per_article_stage = stage.seconds / max(1, stage.calls)
    res = {"articles": len(docs), "baseline_wall_s": round(base.wall_s, 2), "with_quotes_wall_s": round(full.wall_s, 2),
           "stage_s": round(stage.seconds, 2), "stage_ms_per_article": round(1000 * per_article_stage, 2),
           "baseline_ms_per_article": round(1000 * per_article_base, 2),
           "stage_over_baseline": round(per_article_stage / per_article_base, 3),
           "stage_cpu_over_baseline_cpu": round(stage.cpu / max(1e-9, base.cpu_s), 3),
           "quotes_per_article": round(stage.quotes / max(1, stage.calls), 2), "target": "stage_over_baseline <= 0.333"}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1) + "\n", encoding="utf-8")
    for k, v in res.items():
        print(f"{k:28} {v}")
    return 0 if max(res["stage_over_baseline"], res["stage_cpu_over_baseline_cpu"]) <= 1 / 3 else 1


if __name__ == "__main__":
    sys.exit(main())
