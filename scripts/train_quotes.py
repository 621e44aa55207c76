#!/usr/bin/env python3
"""Train the German quotation models on ../shared/eval/quotes (train split), tune the thresholds on dev,
write src/succession/resources/quotes_de.json and print the dev scores (and the test scores with --test:
for the report only; nothing is chosen on test).

    .venv/bin/python scripts/train_quotes.py [--data ../shared/eval/quotes] [--out PATH] [--test]
    .venv/bin/python scripts/train_quotes.py --cv 5 [--errors]   # cross-validate on train, write nothing

Besides the scorer's figures each result has "strict_speaker" (a gold quotation without a speaker must
get none, which the scorer does not ask), "spurious" (those given one) and "unattributed" (quotations
with a gold speaker given none).

Deterministic (fixed iterations, no sampling), CPU, about a minute. The data's licence (CC BY-NC-SA 4.0
annotations, CC BY 2.5 texts) is named in docs/models.md; no text of it goes into the model, only
feature weights.
"""
from __future__ import annotations

import argparse
import re
import json
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from succession.quotes import RESOURCES, QuoteModels, find_quotes
from succession.quotes.detect import fragment_features, is_unit_quote, quote_span
from succession.quotes.linear import LinearModel, train, train_ranker
from succession.quotes.marks import marked_spans
from succession.models import Span
from succession.quotes.speakers import Mentions, Speaker, candidates, resolve
from succession.quotes.units import build_units, cues, unit_features
from succession.extract.sentences import split_sentences
from succession.extract.coref import People

ROOT = Path(__file__).resolve().parent.parent
WORD = re.compile(r"\w+(?:[-’']\w+)*")
LANG = "de"


def chars(spans: list[list[int]]) -> set[int]:
    return {i for a, b in spans for i in range(a, b)}


def name_words(rows: list[dict]) -> frozenset[str]:
    """Words that may name a person or organisation of the training articles: every word of a name the
    engine's passes find there, every first name, every capitalised word the German lemma dictionary does
    not know, and every word seen in fewer than three articles. Features on them are dropped from the
    models, so that no name of the corpus goes into the package."""
    import simplemma

    from succession.extract.ner import first_names

    out = {n.casefold() for n in first_names()}
    general = cues(LANG).general
    seen: dict[str, int] = {}
    for r in rows:
        text = r["text"]
        people = People(text, [])
        mentions = Mentions(text, people.entities(people.mentions_before(len(text))), people, ())
        for a, b, _, _ in mentions.spans:
            out.update(w.casefold() for w in text[a:b].split())
        words = set()
        for m in WORD.finditer(text):
            w = m.group()
            words.add(w.casefold())
            if w[:1].isupper() and not simplemma.is_known(w, lang=LANG):
                out.add(w.casefold())
            # capitalised inside a sentence and no general word: a name or a noun, never learned as a word
            if w[:1].isupper() and w.casefold() not in general and re.search(r"[a-zäöüß,] +$", text[max(0, m.start() - 3):m.start()]):
                out.add(w.casefold())
        for w in words:
            seen[w] = seen.get(w, 0) + 1
    out.update(w for w, n in seen.items() if n < 3)
    return frozenset(out)


def is_name_feature(feature: str, names: frozenset[str]) -> bool:
    """Whether a feature names a word of ``names`` ("w:NAME", "pu:prev:NAME", ...)."""
    return any(part in names for part in feature.split(":")[1:])


def without_names(samples: list, names: frozenset[str]) -> list:
    """The samples (feature lists, or groups of them) without the features on names: the models are
    trained without them, so their weights are spread over the general features they would shadow."""
    if samples and samples[0] and isinstance(samples[0][0], (list, tuple)):
        return [[[f for f in feats if not is_name_feature(f, names)] for feats in group] for group in samples]
    return [[f for f in feats if not is_name_feature(f, names)] for feats in samples]


def examples(rows: list[dict], resolved_targets: bool = True, carry: int = 3) -> tuple[list, list, list, list, list, list]:
    c = cues(LANG)
    ux, uy, fx, fy, sx, sy = [], [], [], [], [], []
    for r in rows:
        text = r["text"]
        units = build_units(text, split_sentences(text, LANG), marked_spans(text))
        gold = [(chars(q["quote"]), chars(q["speaker"])) for q in r["quotes"] if q["quote"]]
        owner: list[int | None] = []
        for u in units:
            span = set(range(u.start, u.end))
            best = None
            for gi, (g, _) in enumerate(gold):
                inter = len(g & span)
                if inter and inter >= 0.5 * min(len(g), len(span)) and inter >= 0.25 * len(span):
                    if best is None or inter > len(gold[best][0] & span):
                        best = gi
            owner.append(best)
        people = People(text, [])
        mentions = Mentions(text, people.entities(people._mentions), people, c.org_references)  # noqa: SLF001
        last: tuple[int, set[int]] | None = None  # unit and speaker characters of the quotation before
        spoken: set[str] = set()  # the names of the speakers so far
        for i, u in enumerate(units):
            label = "O" if owner[i] is None else ("I" if i and owner[i - 1] == owner[i] else "B")
            ux.append(unit_features(text, units, i, c))
            uy.append(label)
            parts, _, _, cue_k = quote_span(text, u, c)
            used = u.marks if label != "O" and is_unit_quote(u) else ()
            for m in u.marks:
                if m in used:
                    continue
                ms = set(range(m.inner_start, m.inner_end))
                yes = any(len(g & ms) >= 0.5 * min(len(g), len(ms)) and len(g) <= 2 * len(ms) for g, _ in gold)
                fx.append(fragment_features(text, u, m, label, c))
                fy.append("yes" if yes else "no")
            if label != "B":
                continue
            g, spk = gold[owner[i]]
            back = i - last[0] if last is not None and i - last[0] <= carry else None
            cands = candidates(text, units, i, parts, cue_k, c, mentions, back, frozenset(spoken))
            if spk:
                target = []
                gold_last = _last_word(text, spk)
                for cand in cands:
                    if cand.kind == "token" and cand.unit is not None:
                        # right as the scorer counts it: the word is in the annotated speaker, or the name it
                        # resolves to ends like the annotated speaker ("er" -> the person named before)
                        t = cand.unit.tokens[cand.k]
                        hit = any(j in spk for j in range(t.start, t.end))
                        if not hit and resolved_targets:
                            who = resolve(text, cand.unit, cand.k, c, mentions,
                                          _speaker_at(text, last[1], mentions) if back is not None and last else None)
                            hit = _name_last(who.name) == gold_last or bool(
                                set(range(who.span.start, who.span.end)) & spk)
                        target.append(float(hit))
                    elif cand.kind == "carry" and last is not None:
                        target.append(float(bool(last[1] & spk) or _last_word(text, last[1]) == _last_word(text, spk)))
                    else:
                        target.append(0.0)
                if not any(target):
                    target[-1] = 1.0  # "none": the speaker is not among the candidates
                total = sum(target)
                sx.append([cand.features for cand in cands])
                sy.append([t / total for t in target])
            last = (i, spk) if spk else last
            spoken.update(m[2] for m in mentions.spans if any(j in spk for j in range(m[0], m[1])))
    return ux, uy, fx, fy, sx, sy


def _speaker_at(text: str, where: set[int], mentions: Mentions) -> Speaker:
    """The annotated speaker characters ``where`` as the engine would name them (the speaker carried on)."""
    a, b = min(where), max(where) + 1
    hit = mentions.inside(a, b) or mentions.at(a, b)
    if hit is not None:
        return Speaker(hit[2], hit[3], Span(hit[0], hit[1], text[hit[0]:hit[1]]))
    return Speaker(text[a:b], None, Span(a, b, text[a:b]))


def _last_word(text: str, where: set[int]) -> str:
    """The last word of the annotated characters ``where`` (spans joined by a space, as the scorer does)."""
    out, prev = [], None
    for j in sorted(where):
        if prev is not None and j != prev + 1:
            out.append(" ")
        out.append(text[j])
        prev = j
    return _name_last("".join(out))


def _name_last(name: str) -> str:
    """The last word of a name as the scorer compares them (case and accents ignored)."""
    s = unicodedata.normalize("NFKD", name or "")
    words = re.sub(r"[^a-z0-9]+", " ", "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()).split()
    return words[-1] if words else ""


def predict(rows: list[dict], models: QuoteModels, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            text = r["text"]
            people = People(text, [])
            entities = people.entities(people._mentions)  # noqa: SLF001 - the rule-found names, as in training
            for q in find_quotes(r["id"], text, LANG, split_sentences(text, LANG), entities, people, models):
                out.write(json.dumps({"kind": "quote", "doc": r["id"], "start": q.text.start, "end": q.text.end,
                                      "text": q.text.text, "speaker": q.speaker,
                                      "speaker_start": q.speaker_span.start if q.speaker_span else None,
                                      "speaker_end": q.speaker_span.end if q.speaker_span else None,
                                      "type": q.type.value}, ensure_ascii=False) + "\n")


def score(gold: Path, pred: Path, scorer: Path) -> dict:
    out = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                         check=True, capture_output=True, text=True).stdout
    return json.loads(out)


def fit(rows: list[dict], carry: int, speaker_l2: float, speaker_iterations: int
        ) -> tuple[LinearModel, LinearModel, LinearModel]:
    """The unit, fragment and speaker models trained on ``rows`` (features on their names dropped)."""
    ux, uy, fx, fy, sx, sy = examples(rows, carry=carry)
    print(f"units {len(ux)} ({uy.count('B')} B, {uy.count('I')} I), fragments {len(fx)} ({fy.count('yes')} yes), "
          f"speaker groups {len(sx)}", file=sys.stderr)
    names = name_words(rows)
    unit = train(without_names(ux, names), uy, min_count=2, l2=3e-4, iterations=300)
    fragment = train(without_names(fx, names), fy, min_count=2, l2=1e-3, iterations=300)
    # any right candidate will do: every word of a long annotated speaker is right
    # for the speaker, the language's own word lists (articles, prepositions, cue words, speaker nouns) are
    # no names, even where a name holds one ("von", "der") or few articles use one: dropping them hid the
    # determiner before a phrase ("sagte der ..." / "sagte den ...") and the agent of a passive ("von")
    speaker = train_ranker(without_names(sx, names - cues(LANG).general), sy, min_count=2, l2=speaker_l2,
                           iterations=speaker_iterations, any_target=True)
    return unit, fragment, speaker


def cross_validate(rows: list[dict], k: int, gold: Path, scorer: Path, a: argparse.Namespace) -> dict[float, dict]:
    """K-fold cross-validation by article on the train split (article i is in fold i % k): each fold is
    predicted by models trained on the others, at each quotation threshold of ``a.cv_threshold``; the
    pooled predictions are scored against the whole split, one result per threshold."""
    out: dict[float, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        preds = {st: Path(tmp) / f"cv{st}.jsonl" for st in a.cv_threshold}
        for fold in range(k):
            held = [r for i, r in enumerate(rows) if i % k == fold]
            unit, fragment, speaker = fit([r for i, r in enumerate(rows) if i % k != fold], a.carry,
                                          a.speaker_l2, a.speaker_iterations)
            for st, pred in preds.items():
                part = Path(tmp) / "fold.jsonl"
                predict(held, QuoteModels(unit, fragment, speaker, 0.5, st, a.carry), part)
                with pred.open("a", encoding="utf-8") as f:
                    f.write(part.read_text(encoding="utf-8"))
        for st, pred in preds.items():
            out[st] = score(gold, pred, scorer)
            out[st].pop("misses")
            out[st].update(strict(rows, pred))
        if a.errors:
            errors(rows, preds[a.cv_threshold[0]])
    return out


def matched(rows: list[dict], pred: Path):  # type: ignore[no-untyped-def]
    """The (article, gold quotation, predicted quotation) pairs, matched as the scorer matches them."""
    preds: dict[str, list[dict]] = {}
    for line in pred.open(encoding="utf-8"):
        r = json.loads(line)
        preds.setdefault(r["doc"], []).append(r)
    for r in rows:
        gq = [q for q in r["quotes"] if q["quote"]]
        ps = preds.get(r["id"], [])
        pairs = sorted(((len(chars(q["quote"]) & set(range(p["start"], p["end"])))
                         / len(chars(q["quote"]) | set(range(p["start"], p["end"]))), i, j)
                        for i, q in enumerate(gq) for j, p in enumerate(ps)
                        if (x := len(chars(q["quote"]) & set(range(p["start"], p["end"]))))
                        and x >= 0.5 * min(len(chars(q["quote"])), p["end"] - p["start"])), reverse=True)
        used_g: set[int] = set()
        used_p: set[int] = set()
        for _, i, j in pairs:
            if i in used_g or j in used_p:
                continue
            used_g.add(i)
            used_p.add(j)
            yield r, gq[i], ps[j]


def _right(text: str, q: dict, p: dict) -> bool:
    spk = chars(q["speaker"])
    ok = p.get("speaker_start") is not None and bool(spk & set(range(p["speaker_start"], p["speaker_end"])))
    return ok or bool(p.get("speaker")) and _name_last(p["speaker"]) == _last_word(text, spk)


def strict(rows: list[dict], pred: Path) -> dict:
    """Speaker accuracy on matched quotations where a gold quotation without a speaker must get none
    (the scorer lets it take any): "spurious" counts those given one, "unattributed" the quotations with
    a gold speaker given none."""
    n = ok = spurious = unattributed = 0
    for r, q, p in matched(rows, pred):
        n += 1
        if not q["speaker"]:
            spurious += bool(p.get("speaker"))
            ok += not p.get("speaker")
        else:
            unattributed += not p.get("speaker")
            ok += _right(r["text"], q, p)
    return {"strict_speaker": round(ok / n, 4) if n else None, "spurious": spurious, "unattributed": unattributed}


def errors(rows: list[dict], pred: Path) -> None:
    """Every matched quotation whose speaker the scorer counts wrong, with the gold and predicted
    speaker and the text around them (stderr), matched as the scorer matches."""
    for r, q, p in matched(rows, pred):
        text = r["text"]
        if not q["speaker"] or _right(text, q, p):
            continue
        spk = chars(q["speaker"])
        lo = min(min(spk), p["start"], p["speaker_start"] if p.get("speaker_start") is not None else p["start"])
        gold_s = " | ".join(text[x:y] for x, y in q["speaker"])
        print(f"-- {r['id']} gold={gold_s!r} pred={p.get('speaker')!r} "
              f"at={text[p['speaker_start']:p['speaker_end']] if p.get('speaker_start') is not None else None!r} "
              f"quote@{p['start']} gold@{min(spk)} at@{p.get('speaker_start')}\n   {text[max(0, lo - 80):p['start'] + 60]!r}",
              file=sys.stderr)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "eval" / "quotes")
    ap.add_argument("--out", type=Path, default=RESOURCES / "quotes_de.json")
    ap.add_argument("--scorer", type=Path, default=None)
    ap.add_argument("--speaker-l2", type=float, default=1e-3)
    ap.add_argument("--speaker-iterations", type=int, default=400)
    ap.add_argument("--carry", type=int, default=8, help="units back a speaker may go on to an unattributed quotation")
    ap.add_argument("--test", action="store_true", help="also score the test split (report it; never tune on it)")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="K-fold cross-validate on the train split by article, print its scores and stop (writes no model)")
    ap.add_argument("--cv-threshold", type=float, nargs="+", default=[0.2],
                    help="the quotation thresholds of the CV folds (--errors lists the first one's)")
    ap.add_argument("--errors", action="store_true", help="with --cv, or on dev: list the wrong speakers (stderr)")
    a = ap.parse_args()
    scorer = a.scorer or a.data.parent.parent / "tools" / "score_quotes.py"
    load = lambda name: [json.loads(l) for l in (a.data / f"{name}.jsonl").open(encoding="utf-8")]  # noqa: E731
    train_rows, dev_rows, test_rows = load("train"), load("dev"), load("test")
    if a.cv:
        for st, res in cross_validate(train_rows, a.cv, a.data / "train.jsonl", scorer, a).items():
            print(f"train {a.cv}-fold CV quotation>={st}", json.dumps(res, ensure_ascii=False))
        return 0
    unit, fragment, speaker = fit(train_rows, a.carry, a.speaker_l2, a.speaker_iterations)
    best = None
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "dev.jsonl"
        for ft in (0.5,):
            for st in (0.2, 0.25, 0.3, 0.4):
                models = QuoteModels(unit, fragment, speaker, ft, st, a.carry)
                predict(dev_rows, models, pred)
                res = score(a.data / "dev.jsonl", pred, scorer)
                key = res["quotes"]["f1"] + res["attributed_f1"]
                print(f"dev fragment>={ft} quotation>={st}: F1 {res['quotes']['f1']} speaker "
                      f"{res['speaker_on_matched']} attributed {key}", file=sys.stderr)
                if best is None or key > best[0]:
                    best = (key, models)
        assert best is not None
        models = best[1]
        a.out.write_text(json.dumps(models.to_json(), ensure_ascii=False, sort_keys=True), encoding="utf-8")
        for name, rows in (("dev", dev_rows), ("test", test_rows))[:2 if a.test else 1]:
            pred = Path(tmp) / f"{name}.jsonl"
            predict(rows, models, pred)
            if name == "dev" and a.errors:
                errors(rows, pred)
            res = score(a.data / f"{name}.jsonl", pred, scorer)
            res.pop("misses")
            res.update(strict(rows, pred))
            print(name, json.dumps(res, ensure_ascii=False))
    print(f"wrote {a.out} ({a.out.stat().st_size // 1024} KB)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
