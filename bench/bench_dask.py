"""Distributed ingest on a Dask LocalCluster: 1 worker against 2 workers (and, with --local, no Dask).

Each configuration runs in its own fresh Python process (no cache of one run helps the next) and does
what ``succession ingest INPUT --workers N`` does, through the same library calls: start the cluster
(workers load their models), read and analyse on the workers (the per-article stages and each article's
story sketch), group stories and resolve names in the client, store and fuse into a new SQLite store.
Phases are timed from the client: ``start`` (cluster up, models loaded), ``analyse`` (until the last
batch is back), ``link`` (stories, names: client only), ``store`` (write and fuse: client only).

CPU time is measured too, because the machine is shared: the client process's own (scheduler and nannies
included: a LocalCluster runs them in the client), per phase and for its main thread alone (the rest is
Dask's event loop), and each worker process's, plus the 1-minute load average
sampled every 2 s during the run. A speed-up far below the worker count with a load average above the
number of cores says the cores were busy with something else.

    .venv/bin/python bench/bench_dask.py                 # all 2,898 articles, 1 and 2 workers
    .venv/bin/python bench/bench_dask.py --n 300 --local # a quick look, plus the in-process baseline

Output: a table on stdout, and the JSON in ``bench/results/dask.json`` (``--out`` for another path).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "news.jsonl"


def _subset(path: Path, n: int | None, folder: Path) -> Path:
    """The first ``n`` lines of the input (the whole input when n is None)."""
    if n is None:
        return path
    out = folder / f"first-{n}.jsonl"
    with path.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return out


class _Load:
    """The 1-minute load average, sampled every 2 s in a thread."""

    def __init__(self) -> None:
        self.samples: list[float] = [os.getloadavg()[0]]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.wait(2.0):
            self.samples.append(os.getloadavg()[0])

    def stop(self) -> dict[str, float]:
        self._stop.set()
        self._thread.join()
        return {"load_start": self.samples[0], "load_mean": sum(self.samples) / len(self.samples),
                "load_max": max(self.samples)}


def _cpu() -> tuple[float, float]:
    """This process's CPU seconds (every thread) and its main thread's."""
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime, time.thread_time()


def _worker_cpu() -> float:
    import psutil

    t = psutil.Process().cpu_times()
    return t.user + t.system


def one(input_path: Path, workers: int, batch_size: int) -> dict[str, Any]:
    """One ingest into a new store, ``workers`` = 0: in this process, without Dask."""
    from contextlib import nullcontext

    from succession import api
    from succession.store import SQLiteStore
    from succession.storing import load_story_index, store_run

    load = _Load()
    cpu0, t0 = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    marks: dict[str, float] = {}
    cpu_marks: dict[str, tuple[float, float]] = {"t0": _cpu()}  # (process, main thread) CPU at each mark
    worker_cpu: dict[str, float] = {}

    def on_progress(done: int, total: int, _doc: str) -> None:
        if done == total:
            marks["analysed"] = time.perf_counter()
            cpu_marks["analysed"] = _cpu()

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        if workers:
            from succession.distributed import dask_runner

            context: Any = dask_runner(workers=workers, batch_size=batch_size, connect_timeout=120)
        else:
            context = nullcontext(None)
        with context as runner:
            marks["started"] = time.perf_counter()
            cpu_marks["started"] = _cpu()
            with SQLiteStore(db) as store:
                stories, _ = load_story_index(store)
            run = api.analyse_paths([input_path], stories=stories, keep_unanalysed=False, runner=runner,
                                    on_progress=on_progress)
            marks["linked"] = time.perf_counter()
            cpu_marks["linked"] = _cpu()
            with SQLiteStore(db) as store:
                report = store_run(store, run.analyses, run.rejected, stories)
                counts = store.counts()
            marks["stored"] = time.perf_counter()
            cpu_marks["stored"] = _cpu()
            if runner is not None:
                worker_cpu = runner.client.run(_worker_cpu)
                stats = runner.stats()
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    marks.setdefault("analysed", marks["linked"])
    cpu_marks.setdefault("analysed", cpu_marks["linked"])
    phases = list(zip(("t0", "started", "analysed", "linked"), ("started", "analysed", "linked", "stored")))
    out = {"workers": workers, "articles": report.added + report.replaced + report.unchanged,
           "rejected": len(run.rejected) + len(report.rejected), "counts": counts,
           "wall": marks["stored"] - t0, "start": marks["started"] - t0,
           "analyse": marks["analysed"] - marks["started"], "link": marks["linked"] - marks["analysed"],
           "store": marks["stored"] - marks["linked"],
           "cpu_client": (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime),
           "cpu_workers": sum(worker_cpu.values()), "cpu_per_worker": sorted(worker_cpu.values()),
           # the client's CPU seconds per phase: the whole process's, and its main thread's (the rest is Dask's
           # event loop: the scheduler of a LocalCluster, the client's communication, (de)serialisation)
           "cpu_client_phases": {b: round(cpu_marks[b][0] - cpu_marks[a][0], 2) for a, b in phases},
           "cpu_client_main_phases": {b: round(cpu_marks[b][1] - cpu_marks[a][1], 2) for a, b in phases},
           **load.stop()}
    if workers:
        out["model_loads"] = {w: s["loads"] for w, s in stats.items()}
        out["batches"] = {w: s["batches"] for w, s in stats.items()}
    return out


def _in_subprocess(input_path: Path, workers: int, batch_size: int) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--one", str(workers), "--input", str(input_path),
           "--batch-size", str(batch_size)]
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise SystemExit(f"run with {workers} workers failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def _dedicated(r: dict[str, Any]) -> float:
    """The wall time the run would take if every process had a core of its own: the client's CPU time
    (its work is mostly serial to the workers') plus the busiest worker's. An estimate for a busy machine."""
    return r["cpu_client"] + max(r["cpu_per_worker"] or [0.0])


def _table(results: list[dict[str, Any]]) -> str:
    head = (f"{'workers':>8} {'articles':>8} {'wall s':>8} {'start':>7} {'analyse':>8} {'link':>7} {'store':>7} "
            f"{'art/s':>7} {'CPU client':>10} {'CPU workers':>11} {'load mean':>9} {'load max':>8}")
    rows = [head, "-" * len(head)]
    for r in results:
        name = "no Dask" if r["workers"] == 0 else str(r["workers"])
        rows.append(f"{name:>8} {r['articles']:>8} {r['wall']:>8.1f} {r['start']:>7.1f} {r['analyse']:>8.1f} "
                    f"{r['link']:>7.1f} {r['store']:>7.1f} {r['articles'] / r['wall']:>7.2f} "
                    f"{r['cpu_client']:>10.1f} {r['cpu_workers']:>11.1f} {r['load_mean']:>9.2f} {r['load_max']:>8.2f}")
    return "\n".join(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=CORPUS, help="JSON Lines articles (default: the shared corpus)")
    ap.add_argument("--n", type=int, default=None, help="only the first N articles (default: all)")
    ap.add_argument("--workers", default="1,2", help="worker counts to compare, comma-separated (default 1,2)")
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--local", action="store_true", help="also the in-process ingest without Dask")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "dask.json")
    ap.add_argument("--one", type=int, default=None, help=argparse.SUPPRESS)  # internal: one run, JSON out
    args = ap.parse_args()
    if args.one is not None:
        print(json.dumps(one(args.input, args.one, args.batch_size)))
        return
    if not args.input.exists():
        raise SystemExit(f"no input at {args.input} (the shared corpus is ../shared/corpus/news.jsonl)")
    counts = [int(w) for w in args.workers.split(",")] + ([0] if args.local else [])
    with tempfile.TemporaryDirectory() as tmp:
        data = _subset(args.input, args.n, Path(tmp))
        results = []
        for w in counts:
            print(f"ingest with {w or 'no Dask'} worker(s)...", file=sys.stderr, flush=True)
            results.append(_in_subprocess(data, w, args.batch_size))
            print(_table(results[-1:]).splitlines()[-1], file=sys.stderr, flush=True)
    by = {r["workers"]: r for r in results}
    summary: dict[str, Any] = {"cores": os.cpu_count(), "batch_size": args.batch_size,
                               "input": str(args.input), "n": args.n}
    if 1 in by and 2 in by:
        one_w, two_w = by[1], by[2]
        summary.update(speedup_wall=one_w["wall"] / two_w["wall"],
                       speedup_analyse=one_w["analyse"] / two_w["analyse"],
                       speedup_dedicated_cores=_dedicated(one_w) / max(_dedicated(two_w), 1e-9),
                       same_counts=one_w["counts"] == two_w["counts"])
    print(_table(results))
    if "speedup_wall" in summary:
        print(f"\nspeed-up 1 -> 2 workers: {summary['speedup_wall']:.2f}x wall (target >= 1.7), "
              f"{summary['speedup_analyse']:.2f}x in the analyse phase; same store counts: {summary['same_counts']}")
        print(f"estimate with a free core per process (client CPU + busiest worker's CPU): "
              f"{_dedicated(by[1]):.0f} s -> {_dedicated(by[2]):.0f} s = {summary['speedup_dedicated_cores']:.2f}x")
        print(f"cores {summary['cores']}; load average during the runs: "
              + ", ".join(f"{r['workers'] or 'no Dask'}: {r['load_mean']:.1f} (max {r['load_max']:.1f})"
                          for r in results))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"summary": summary, "runs": results}, indent=2), encoding="utf-8")
    print(f"\nJSON: {args.out}")


if __name__ == "__main__":
    main()
