"""Cross-validated event F1 on several splits of the articles into folds, and their mean.

One split of 508 articles into five folds moves the figure by 0.01-0.02 (session 9), about the size of the
changes being judged, so a change is kept or dropped on the mean over several splits. This runs
``scripts/train_events.py --cv K --fold-seed N`` once per seed on one candidate cache (the first run builds
it, the others reuse it), prints the shipped ('rule-org') line of each split and the means, and leaves each
split's log and error list beside the cache::

    python scripts/cv_splits.py --cache /tmp/x.pkl            # seeds 0-3
    python scripts/cv_splits.py --cache /tmp/x.pkl --seeds 0 1 -- --threshold 0.15

Arguments after ``--`` go to ``train_events.py`` unchanged.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHIPPED = re.compile(r"rule-org (P [\d.]+ R [\d.]+ F1 [\d.]+ .*)")
FIGURES = {"F1": r" F1 ([\d.]+)", "P": r"^P ([\d.]+)", "de F1": r"de F1 ([\d.]+)", "en F1": r"en F1 ([\d.]+)"}


def shipped_line(log: str) -> str | None:
    """The shipped configuration's line of one ``train_events.py --cv`` log, without its prefix."""
    m = SHIPPED.search(log)
    return m.group(1).strip() if m else None


def means(lines: list[str]) -> dict[str, float]:
    """The mean of each figure in ``FIGURES`` over the splits' shipped lines (a figure missing from a line,
    a language with no articles, is left out of its mean)."""
    out = {}
    for name, rx in FIGURES.items():
        values = [float(m.group(1)) for line in lines if (m := re.search(rx, line))]
        if values:
            out[name] = sum(values) / len(values)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    extra = argv[argv.index("--") + 1:] if "--" in argv else []
    own = argv[:argv.index("--")] if "--" in argv else argv
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cache", type=Path, required=True, help="candidate cache (built by the first split if absent)")
    ap.add_argument("--corpus", default=str(HERE.parent.parent / "shared" / "eval" / "train"))
    ap.add_argument("--cv", type=int, default=5)
    ap.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2, 3])
    a = ap.parse_args(own)
    lines = []
    for seed in a.seeds:
        stem = a.cache.with_suffix("")
        cmd = [sys.executable, str(HERE / "train_events.py"), "--corpus", a.corpus, "--cv", str(a.cv), "--errors",
               "--cache", str(a.cache), "--fold-seed", str(seed), "--errors-out", f"{stem}_errors_s{seed}.txt", *extra]
        run = subprocess.run(cmd, capture_output=True, text=True)
        Path(f"{stem}_cv_s{seed}.log").write_text(run.stdout + run.stderr, encoding="utf-8")
        line = shipped_line(run.stdout)
        if run.returncode != 0 or line is None:
            print(f"split {seed}: train_events.py failed (exit {run.returncode}); see {stem}_cv_s{seed}.log",
                  file=sys.stderr)
            return 1
        lines.append(line)
        print(f"split {seed}: {line}", flush=True)
    print("mean over splits " + " ".join(map(str, a.seeds)) + ": "
          + "  ".join(f"{k} {v:.4f}" for k, v in means(lines).items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
