"""scripts/cv_splits.py: the shipped line of each split's log and the means over splits."""
from __future__ import annotations

import importlib
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def _module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(REPO / "scripts"))
    return importlib.import_module("cv_splits")


LOG = """rules alone        P 0.3 R 0.4 F1 0.34   de F1 0.2 (tp 2 fp 7 fn 6)  en F1 0.43 (tp 5 fp 8 fn 5)
learned t=0.2/0.6/0.25 rule-org P 0.8 R 0.6 F1 0.7   de F1 0.6 (tp 5 fp 1 fn 3)  en F1 0.75 (tp 7 fp 2 fn 2)   role 0.6
learned t=0.2/0.6/0.25 P 0.6 R 0.5 F1 0.55   de F1 0.5 (tp 4 fp 2 fn 4)  en F1 0.6 (tp 6 fp 3 fn 3)
"""


def test_the_shipped_line_is_the_rule_org_one() -> None:
    line = _module().shipped_line(LOG)
    assert line is not None and line.startswith("P 0.8 R 0.6 F1 0.7 ")
    assert _module().shipped_line("no figures here") is None


def test_means_over_splits() -> None:
    other = "P 0.6 R 0.6 F1 0.6   de F1 0.5 (tp 1 fp 1 fn 1)  en F1 0.65 (tp 1 fp 1 fn 1)"
    m = _module().means([_module().shipped_line(LOG), other])
    assert {k: round(v, 3) for k, v in m.items()} == {"F1": 0.65, "P": 0.7, "de F1": 0.55, "en F1": 0.7}
