"""The error table of ``docs/accuracy.md``: every missed and every extra change of a cross-validated run,
counted once, by its first cause in a fixed order. Used by ``train_events.py --cv K --errors``.

Misses (a required gold change no prediction matches):
  no candidate             no candidate of the article names the gold person
  no trigger of that kind  candidates name the person, none with a compatible kind of change
  model rejected           a candidate of the person and kind exists, no prediction of the person and kind
  other kind               a prediction names the person with another kind of change
  wrong organisation       a prediction of the person and kind names another organisation
Extras (a prediction no gold change, required or optional, matches):
  no change in article     the article has no gold change at all (a hard negative)
  gold person, other org or kind   the person has a gold change in the article
  no such change           anything else
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

MISSES = ("no candidate", "no trigger of that kind", "model rejected", "other kind", "wrong organisation")
EXTRAS = ("no change in article", "gold person, other org or kind", "no such change")


def error_table(articles: list[dict], gold: dict[str, dict], recs: list[dict], scorer: Any,
                items: list[str] | None = None) -> dict[str, Counter]:
    """Cause -> errors per language, for cross-validated predictions ``recs`` of ``articles``; with ``items``,
    one line per error is appended to it as well (cause, language, article, the change), to read them one by one."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for r in recs:
        if r.get("kind") == "event":
            by_doc[r["doc"]].append(r)
    variants: dict[str, set[str]] = defaultdict(set)
    for d in gold.values():
        for e in d.get("entities", []):
            for v in e["variants"]:
                if len(v.split()) > 1:
                    variants[scorer.norm(e["name"])].add(scorer.norm(v))
    table: dict[str, Counter] = defaultdict(Counter)
    for art in articles:
        doc = gold.get(art["id"])
        if doc is None:
            continue
        lang, preds = art["lang"], list(by_doc.get(art["id"], []))
        golds = sorted(doc.get("events", []), key=lambda e: bool(e.get("optional")))
        unmatched_gold = []
        for g in golds:  # the scorer's own matching, so the table adds up to its counts
            fits = [p for p in preds if scorer.kinds_match(p.get("type"), g["type"])
                    and scorer.person_match(p.get("holder"), g["holder"], variants)
                    and scorer.org_match(p.get("org"), g.get("org"))]
            if fits:
                preds.remove(fits[0])
            elif not g.get("optional"):
                unmatched_gold.append(g)
        everything = list(by_doc.get(art["id"], []))
        for g in unmatched_gold:
            cause = _miss(g, art, everything, scorer, variants)
            table[cause][lang] += 1
            if items is not None:
                items.append(f"miss: {cause}\t{lang}\t{art['id']}\t{_show(g)}")
        for p in preds:
            cause = _extra(p, golds, scorer, variants)
            table[cause][lang] += 1
            if items is not None:
                items.append(f"extra: {cause}\t{lang}\t{art['id']}\t{_show(p)}")
    return table


def _show(e: dict) -> str:
    return f"{e.get('holder')} {e.get('type')} {e.get('role')} @ {e.get('org')}"


def _miss(g: dict, art: dict, preds: list[dict], scorer: Any, variants: dict) -> str:
    person = [c for c in art["cands"] if scorer.person_match(c.holder, g["holder"], variants)]
    if not person:
        return MISSES[0]
    if not any(scorer.kinds_match(c.etype.value, g["type"]) for c in person):
        return MISSES[1]
    mine = [p for p in preds if scorer.person_match(p.get("holder"), g["holder"], variants)]
    if not mine:
        return MISSES[2]
    if not any(scorer.kinds_match(p.get("type"), g["type"]) for p in mine):
        return MISSES[3]
    return MISSES[4]


def _extra(p: dict, golds: list[dict], scorer: Any, variants: dict) -> str:
    if not golds:
        return EXTRAS[0]
    if any(scorer.person_match(p.get("holder"), g["holder"], variants) for g in golds):
        return EXTRAS[1]
    return EXTRAS[2]


def format_table(table: dict[str, Counter]) -> str:
    langs = sorted({lang for c in table.values() for lang in c})
    rows = ["| cause | " + " | ".join(langs) + " |", "| --- |" + " ---: |" * len(langs)]
    for cause in (*(f"miss: {m}" for m in MISSES), *(f"extra: {e}" for e in EXTRAS)):
        kind, name = cause.split(": ", 1)
        counts = table.get(name, Counter())
        rows.append(f"| {cause} | " + " | ".join(str(counts.get(lang, 0)) for lang in langs) + " |")
    return "\n".join(rows)
