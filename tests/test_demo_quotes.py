"""The engine on the demo's own quotation gold (demo/gold.jsonl: fictional English and German articles):
every annotated quotation is found, and with its speaker (the gold's name, a variant it lists for a damaged
translation, or the name behind a title such as "Analyst Jane Roe")."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "demo"


@pytest.fixture(scope="module")
def predicted() -> dict[str, list[dict[str, object]]]:
    out = subprocess.run([sys.executable, "-m", "succession", "extract", "-q", str(DEMO / "articles")],
                         capture_output=True, text=True, check=True).stdout
    by_doc: dict[str, list[dict[str, object]]] = {}
    for line in out.splitlines():
        r = json.loads(line)
        if r.get("kind") == "quote":
            by_doc.setdefault(str(r["doc"]), []).append(r)
    return by_doc


def _gold() -> list[tuple[str, str, str, dict[str, str]]]:
    rows = []
    for line in (DEMO / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        d = json.loads(line)
        names = {v: e["name"] for e in d["entities"] for v in (e["name"], *e.get("variants", ()))}
        rows += [(d["doc"], q["text"], q["speaker"], names) for q in d["quotes"]]
    return rows


@pytest.mark.parametrize(("doc", "text", "speaker", "names"), _gold(), ids=lambda x: x if isinstance(x, str) and len(x) < 40 else "")
def test_each_demo_quotation_has_its_speaker(predicted: dict[str, list[dict[str, object]]], doc: str, text: str,
                                            speaker: str, names: dict[str, str]) -> None:
    found = [p for p in predicted.get(doc, []) if text[:40] in str(p["text"]) or str(p["text"])[:40] in text]
    assert found, f"{doc}: quotation not found: {text[:60]!r}"
    said = [str(p.get("speaker")) for p in found]
    assert any(names.get(s, s) == speaker or s.endswith(" " + speaker) for s in said), (doc, speaker, said)
