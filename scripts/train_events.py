#!/usr/bin/env python3
"""Train the learned event decisions (``src/succession/resources/events_<lang>.json``) from annotated articles.

    .venv/bin/python scripts/train_events.py --corpus ../shared/eval/train           # train and save
    .venv/bin/python scripts/train_events.py --corpus ../shared/eval/train --cv 5    # 5-fold figures only
    ... --cache /tmp/c.pkl     # reuse the candidates (and, beside them, the unannotated ones) while tuning

A corpus is a folder with ``docs.jsonl`` (engine input: id, text, optional title, published, lang) and
``gold.jsonl`` (answers in the format of ``../shared/gold/README.md``). Every candidate the engine makes
(``succession.extract.pipeline.candidates_for``) is labelled by the gold: a candidate is a change when a gold event
of the same person and kind of change has its evidence in the candidate's sentence; an organisation option
is right when its words and the gold organisation's contain one another. Two logistic regressions per
language learn from them (scikit-learn, L-BFGS: deterministic, CPU, seconds): the organisation ranker first,
then the event model, in which a change the decisions would place at another organisation than the gold's
weighs less (``--misplaced-weight``: reporting it scores an extra and a miss); the event model is then
trained again with the candidates of unannotated articles it is very sure of (``--unlabelled``, by default
``../shared/corpus/news.jsonl``: self-training, ``event_selftrain.py``). ``--cv K`` reports K-fold
cross-validated figures by article, for the learned decisions and for the rules alone, with the scorer
given by ``--scorer`` (default ``../shared/tools/score.py``).
"""
from __future__ import annotations

import argparse
import difflib
import importlib.util
import json
import pickle
import sys
import time
import zlib
from dataclasses import replace
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
sys.path.insert(0, str(REPO / "src"))

from succession.extract.events import tidy  # noqa: E402
from succession.extract.titles import written_titles  # noqa: E402
from succession.learned import EventModel, LinearModel, decide  # noqa: E402
from succession.learned.candidates import Candidate  # noqa: E402
from succession.models import Document, EventType  # noqa: E402
from succession.extract.pipeline import Annotated, annotate_many, candidates_for  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from event_selftrain import SelfTraining, article_keys, load_unlabelled, pseudo_examples  # noqa: E402
from event_bagging import Bagging, fit_bagged  # noqa: E402

# the labels from the answers (``event_labels.py``); re-exported: the tests and other scripts read them here
from event_labels import (ELSEWHERE, ORG_NOISE, compatible, evidence_span, forms, label, labels, norm,  # noqa: E402,F401
                          same_org, same_person)


# ------------------------------------------------------------------------------------------------ data
def load_corpus(folder: Path, gold: bool = True) -> tuple[list[Document], dict[str, dict]]:
    docs, answers = [], {}
    with open(folder / "docs.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                docs.append(Document(id=r["id"], text=r["text"], title=r.get("title"), published=r.get("published"),
                                     lang=r.get("lang"), source=str(folder)))
    if not gold:  # only the articles (a folder whose articles are merely to be recognised elsewhere)
        return docs, answers
    with open(folder / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                answers[r["doc"]] = r
    return docs, answers


def build(docs: list[Document], gold: dict[str, dict]) -> list[dict]:
    """Per article: its language, text, candidates and the rules' own events."""
    out = []
    start = time.time()
    for i, a in enumerate(annotate_many(docs), 1):
        if not isinstance(a, Annotated):
            continue
        g = gold.get(a.prepared.doc.id, {})
        out.append({"id": a.prepared.doc.id, "lang": a.prepared.lang, "text": a.prepared.text,
                    "cands": candidates_for(a), "rules": list(a.rule_events), "gold": g.get("events", []),
                    "title_end": a.ctx.title_end})
        if i % 100 == 0:
            print(f"  {i}/{len(docs)} articles, {time.time() - start:.0f} s", file=sys.stderr)
    return out


def general(x: list[dict], articles: list[int], min_articles: int) -> list[dict]:
    """Features seen in at least ``min_articles`` different articles: what one article alone says
    (its topic words) is not learnt."""
    seen: dict[str, set[int]] = defaultdict(set)
    for f, a in zip(x, articles):
        for k in f:
            seen[k].add(a)
    keep = {k for k, s in seen.items() if len(s) >= min_articles}
    return [{k: v for k, v in f.items() if k in keep} for f in x]


def org_fits(pred: str | None, gold: str | None) -> bool:
    """Whether the scorer would take ``pred`` for the gold organisation: any, where the gold names none;
    else their words contain one another, or nearly the same words."""
    if not gold:
        return True
    if same_org(pred, gold):
        return True
    p = " ".join(sorted({w for w in norm(pred).replace("-", " ").split() if w not in ORG_NOISE}))
    near = (difflib.SequenceMatcher(None, p, " ".join(sorted(set(g.split()) - ORG_NOISE))).ratio() for g in forms(gold))
    return bool(p) and any(r >= 0.85 for r in near)


def org_examples(articles: list[dict], min_articles: int = 3) -> tuple[list[dict], list[int]]:
    """The organisation ranker's pairs: the right option against each wrong one, both ways round."""
    org_x, org_y, org_a = [], [], []
    for art in articles:
        for c in art["cands"]:
            y, g = label(c, art["text"], art["gold"])
            if not y or g is None or not g.get("org"):
                continue
            right = [o.features for o in c.orgs if same_org(o.name, g["org"])]
            wrong = [o.features for o in c.orgs if not same_org(o.name, g["org"])]
            for r in right[:1]:
                for w in wrong:
                    diff = {k: r.get(k, 0.0) - w.get(k, 0.0) for k in r.keys() | w.keys()}
                    diff = {k: v for k, v in diff.items() if v}
                    org_x += [diff, {k: -v for k, v in diff.items()}]
                    org_y += [1, 0]
                    org_a += [id(art), id(art)]
    return general(org_x, org_a, min_articles), org_y


def event_examples(articles: list[dict], min_articles: int = 3, org_of: Callable[[Candidate], str | None] | None = None,
                   misplaced: float = 1.0, elsewhere: float = 0.0, other_trigger: float | None = 1.0
                   ) -> tuple[list[dict], list[int], list[float]]:
    """The event model's examples and their weights (``grouped_event_examples`` without the articles)."""
    return grouped_event_examples(articles, min_articles, org_of, misplaced, elsewhere, other_trigger)[:3]


def grouped_event_examples(articles: list[dict], min_articles: int = 3,
                           org_of: Callable[[Candidate], str | None] | None = None, misplaced: float = 1.0,
                           elsewhere: float = 0.0, other_trigger: float | None = 1.0
                           ) -> tuple[list[dict], list[int], list[float], list[str]]:
    """The event model's examples and their weights. With ``org_of`` (where the decisions would place a
    candidate's change), a change reported in the candidate's sentence but placed at an organisation the
    gold's does not fit weighs ``misplaced``: accepting it scores an extra and a miss, so it is a weak example
    of a change worth reporting, yet it is a change, so no example against one either.
    A candidate of a gold change that the answers cite in another sentence ("Foo resigned" in the lead, "since
    Foo's resignation" later) is a weak example against a change, weighing ``elsewhere`` (0: not learnt from):
    the change is reported where it is told; a second report of it is folded into that one at best, and
    where its sentence names another organisation it is an extra. A candidate of another trigger of the same
    sentence than the one the answers' evidence holds is labelled ``other_trigger`` (1: a change; None: such a
    repeat; see ``event_labels.labels``).
    The fourth list gives each example's article (its id), for bagging by article."""
    ev_x, ev_y, ev_a, ev_w = [], [], [], []
    for i, art in enumerate(articles):
        key = str(art.get("id", i))
        for c, (y, g) in zip(art["cands"], labels(art["cands"], art["text"], art["gold"], other_trigger)):
            if y is None:
                if elsewhere > 0:
                    ev_x.append(c.features)
                    ev_y.append(0)
                    ev_a.append(key)
                    ev_w.append(elsewhere)
                continue
            w = 1.0
            if y and org_of is not None and g is not None and not org_fits(org_of(c), g.get("org")):
                w = misplaced
            if w <= 0:
                continue
            ev_x.append(c.features)
            ev_y.append(int(y))
            ev_a.append(key)
            ev_w.append(w)
    return general(ev_x, ev_a, min_articles), ev_y, ev_w, ev_a


def placed(org: LinearModel) -> Callable[[Candidate], str | None]:
    """Where ``decide`` places one candidate's change with this organisation ranker (every threshold 0, so
    it reports every candidate): the rules', a seat's, a linked or the ranked organisation. None where it
    reports nothing (a name no person bears)."""
    chooser = EventModel(LinearModel({}, 0.0), org, 0.0, {}, 0.0)

    def org_of(c: Candidate) -> str | None:
        events = decide("", [c], chooser)
        return events[0].org if events else None
    return org_of


def fit(x: list[dict], y: list[int], c: float, intercept: bool = True, weights: list[float] | None = None
        ) -> LinearModel:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    if len(set(y)) < 2:
        return LinearModel({}, 0.0)
    vec = DictVectorizer()
    m = LogisticRegression(C=c, solver="lbfgs", max_iter=2000, fit_intercept=intercept)
    m.fit(vec.fit_transform(x), y, sample_weight=weights)
    return LinearModel(dict(zip(vec.feature_names_, (float(w) for w in m.coef_[0]))), float(m.intercept_[0]))


def support(articles: list[dict]) -> dict[str, int]:
    """How many candidates of each kind of change are right: the true examples the model learns it from."""
    n: dict[str, int] = defaultdict(int)
    for art in articles:
        for c in art["cands"]:
            if label(c, art["text"], art["gold"])[0]:
                n[c.etype.value] += 1
    return dict(sorted(n.items()))


def rare_kinds(articles: list[dict], min_support: int) -> frozenset[str]:
    """Kinds of change with fewer than ``min_support`` true examples: the model has not learnt when
    such a report is right, so the rules' lenient threshold stays for them."""
    n = support(articles)
    return frozenset(t.value for t in EventType if n.get(t.value, 0) < min_support)


def train(articles: list[dict], threshold: float, c_event: float, c_org: float, meta: dict,
          threshold_new: float = 0.6, min_articles: int = 3, threshold_bare: float = 0.0,
          threshold_rare: float | None = None, min_support: int = 10, unlabelled: list[dict] | None = None,
          self_cfg: SelfTraining = SelfTraining(), misplaced: float = 0.5, elsewhere: float = 0.0,
          bagging: Bagging = Bagging(), other_trigger: float | None = 1.0) -> EventModel:
    """Both models of one language from annotated articles: first the organisation ranker, then the event
    model, a change it places wrong weighing ``misplaced`` and a repeat of a change told elsewhere weighing
    ``elsewhere`` against one (see ``event_examples``), trained again with the
    unannotated candidates it is sure of (``unlabelled``; see ``event_selftrain.py``). With ``bagging`` the
    event model is the average of models trained on resamples of the articles (``event_bagging.py``)."""
    org_x, org_y = org_examples(articles, min_articles)
    org = fit(org_x, org_y, c_org, intercept=False)
    ev_x, ev_y, ev_w, ev_a = grouped_event_examples(articles, min_articles, placed(org) if misplaced != 1 else None,
                                                    misplaced, elsewhere, other_trigger)
    rare = rare_kinds(articles, min_support) if threshold_rare is not None else frozenset()
    event = fit_bagged(ev_x, ev_y, c_event, ev_w, ev_a, bagging)
    info = {"event_examples": len(ev_y), "event_positives": sum(ev_y), "org_examples": len(org_y)}
    if unlabelled:
        px, py = pseudo_examples(event, unlabelled, {k for f in ev_x for k in f}, self_cfg)
        event = fit_bagged(ev_x + px, ev_y + py, c_event, ev_w + [self_cfg.weight] * len(py), ev_a + [None] * len(py),
                           bagging)
        info |= {"pseudo_examples": len(py), "pseudo_positives": sum(py)}
    return EventModel(event, org, threshold, {**meta, **info},
                      threshold_new, threshold_bare=threshold_bare, threshold_rare=threshold_rare, rare_types=rare)


def predict(articles: list[dict], model: EventModel | None) -> list[dict]:
    recs = []
    for art in articles:
        recs.append({"kind": "document", "doc": art["id"], "lang": art["lang"]})
        events = art["rules"] if model is None else written_titles(
            tidy(decide(art["id"], art["cands"], model), art["title_end"]), art["lang"])
        for e in events:
            recs.append({"kind": "event", "doc": art["id"], "holder": e.holder, "holder_kind": e.holder_kind.value,
                         "type": e.type.value, "role": e.role, "org": e.org,
                         "date": e.date.value if e.date else None, "modality": e.modality.value, "confidence": e.confidence,
                         "evidence": {"start": e.evidence.start, "end": e.evidence.end, "text": e.evidence.text}})
    return recs


def load_scorer(path: Path):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    return mod


def _pooled(article: dict, lang: str, pool: str) -> bool:
    """Whether a language's model learns from this article: its own language's, or (``pool``) all."""
    return pool == "all" or article["lang"] == lang


def _unlabelled(a: argparse.Namespace) -> list[dict]:
    """The unannotated articles' candidates (built, or read from --unlabelled-cache); none when
    --unlabelled is 'none' or its default file is missing. Sets ``a.unlabelled`` to the file used, or None."""
    path = None if a.unlabelled == "none" else Path(a.unlabelled)
    if path is not None and not path.exists():
        if a.unlabelled != str(SHARED / "corpus" / "news.jsonl"):
            raise SystemExit(f"--unlabelled {a.unlabelled}: no such file")
        print(f"no self-training: {path} is missing", file=sys.stderr)
        path = None
    a.unlabelled = path
    if path is None:
        return []
    cache = a.unlabelled_cache or (a.cache.with_name(a.cache.stem + "_unlabelled.pkl") if a.cache else None)
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    exclude = a.exclude if a.exclude is not None else [p for p in [SHARED / "eval" / "dev"] if p.exists()]
    known = article_keys(d for folder in [*a.corpus, *exclude] for d in load_corpus(folder, gold=False)[0])
    docs = load_unlabelled(path, known)
    print(f"building candidates for {len(docs)} unannotated articles", file=sys.stderr)
    built = build(docs, {})
    if cache:
        cache.write_bytes(pickle.dumps(built))
    return built


def _other_trigger(a: argparse.Namespace) -> float | None:
    """The label ``--other-trigger`` gives a candidate of another trigger than the answers' evidence holds."""
    return 1.0 if a.other_trigger == "change" else ELSEWHERE


def fold_of(doc_id: str, k: int, seed: int = 0) -> int:
    """A stable fold per article (a checksum of its id, not Python's salted hash); another ``seed`` gives
    another split, to see how much a figure owes to one."""
    return sum(doc_id.encode("utf-8")) % k if not seed else zlib.crc32(f"{seed}:{doc_id}".encode()) % k


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", action="append", type=Path, required=True, help="folder with docs.jsonl and gold.jsonl")
    ap.add_argument("--cv", type=int, default=0, help="K-fold cross-validation by article; nothing is saved")
    ap.add_argument("--out", type=Path, default=REPO / "src" / "succession" / "resources")
    ap.add_argument("--scorer", type=Path, default=SHARED / "tools" / "score.py")
    ap.add_argument("--cache", type=Path, help="pickle of the candidates, reused when present (for tuning)")
    ap.add_argument("--threshold", type=float, nargs="+", default=[0.2],
                    help="decision threshold (with --cv, several may be compared)")
    ap.add_argument("--threshold-new", type=float, nargs="+", default=[0.6],
                    help="decision threshold for changes the rules do not report")
    ap.add_argument("--threshold-bare", type=float, nargs="+", default=[0.25],
                    help="decision threshold for changes with no post named (the higher of it and the other applies)")
    ap.add_argument("--threshold-rare", type=float, default=0.1,
                    help="decision threshold for the rules' changes of a kind with few true training examples "
                         "(a return, a leave: see --min-support); a negative value turns it off")
    ap.add_argument("--min-support", type=int, default=10,
                    help="true training candidates a kind of change needs before the stricter --threshold applies")
    ap.add_argument("--pool", choices=("lang", "all"), default="all",
                    help="learn each language's model from its own articles, or from all (the features are mostly "
                         "language-independent)")
    ap.add_argument("--min-articles", type=int, default=3,
                    help="a feature is learnt only when this many articles show it (no topic words of one article)")
    ap.add_argument("--c-event", type=float, default=0.5,
                    help="inverse regularisation of the event model (0.3 before --misplaced-weight)")
    ap.add_argument("--misplaced-weight", type=float, default=0.5,
                    help="weight of a true change the decisions place at another organisation than the gold's "
                         "(1: as any change; 0: not learnt from)")
    ap.add_argument("--elsewhere-weight", type=float, default=0.35,
                    help="weight of a candidate of a gold change the answers cite in another sentence, learnt as an "
                         "example against a change (0: not learnt from, as before session 9)")
    ap.add_argument("--other-trigger", choices=("change", "repeat"), default="repeat",
                    help="label of a candidate whose trigger lies outside the answers' evidence while another trigger "
                         "of the same person and kind in its sentence lies inside: a change (before session 10) or a "
                         "repeat told elsewhere (weighing --elsewhere-weight against a change)")
    ap.add_argument("--c-org", type=float, default=1.0)
    ap.add_argument("--bags", type=int, default=0,
                    help="average the event model over this many models trained on resamples of the articles (0: one)")
    ap.add_argument("--bag-seed", type=int, default=0, help="seed of the resamples (training stays deterministic)")
    ap.add_argument("--bag-fraction", type=float, default=1.0,
                    help="1: bootstrap (an article drawn 0, 1, 2... times); below 1: each article kept with this chance")
    ap.add_argument("--fold-seed", type=int, default=0, help="with --cv: another split of the articles (0: the usual)")
    ap.add_argument("--unlabelled", default=str(SHARED / "corpus" / "news.jsonl"),
                    help="JSON Lines of unannotated articles for self-training (default: ../shared/corpus/news.jsonl "
                         "where it exists; 'none': no self-training); articles repeating one of --corpus or "
                         "--exclude are left out")
    ap.add_argument("--exclude", action="append", type=Path,
                    help="folder with docs.jsonl whose articles must not come back through --unlabelled "
                         "(default: ../shared/eval/dev where it exists)")
    ap.add_argument("--unlabelled-cache", type=Path,
                    help="pickle of the unannotated candidates, reused when present (default with --cache: "
                         "beside it, NAME_unlabelled.pkl)")
    ap.add_argument("--self-hi", type=float, default=SelfTraining.hi,
                    help="self-training: a candidate the model gives at least this is a pseudo-labelled change")
    ap.add_argument("--self-lo", type=float, default=SelfTraining.lo,
                    help="self-training: a candidate the model gives at most this is a pseudo-labelled non-change")
    ap.add_argument("--self-weight", type=float, default=SelfTraining.weight,
                    help="self-training: the weight of a pseudo-labelled candidate (an annotated one weighs 1)")
    ap.add_argument("--pred", type=Path, help="with --cv: write the cross-validated predictions here")
    ap.add_argument("--errors", action="store_true",
                    help="with --cv: print the shipped configuration's errors by cause (docs/accuracy.md)")
    ap.add_argument("--errors-out", type=Path,
                    help="with --cv --errors: write every error here, a line each (cause, language, article, change)")
    a = ap.parse_args()

    if a.cache and a.cache.exists():
        articles, gold = pickle.loads(a.cache.read_bytes())
    else:
        docs, gold = [], {}
        for folder in a.corpus:
            d, g = load_corpus(folder)
            docs += d
            gold.update(g)
        print(f"building candidates for {len(docs)} articles", file=sys.stderr)
        articles = build(docs, gold)
        if a.cache:
            a.cache.write_bytes(pickle.dumps((articles, gold)))
    langs = sorted({art["lang"] for art in articles})
    rare = a.threshold_rare if a.threshold_rare >= 0 else None
    unlabelled = _unlabelled(a)
    self_cfg = SelfTraining(a.self_hi, a.self_lo, a.self_weight)
    bagging = Bagging(a.bags, a.bag_seed, a.bag_fraction)
    if a.cv:
        scorer = load_scorer(a.scorer)
        gold_docs = [gold[art["id"]] for art in articles if art["id"] in gold]
        runs: dict[str, list[dict]] = {"rules alone": predict(articles, None)}
        for k in range(a.cv):
            pooled: EventModel | None = None  # with --pool all, every language's model is the same one
            for lang in langs:
                tr = [x for x in articles if _pooled(x, lang, a.pool) and fold_of(x["id"], a.cv, a.fold_seed) != k]
                te = [x for x in articles if x["lang"] == lang and fold_of(x["id"], a.cv, a.fold_seed) == k]
                model = pooled or train(tr, a.threshold[0], a.c_event, a.c_org, {}, min_articles=a.min_articles,
                                        threshold_rare=rare, min_support=a.min_support,
                                        unlabelled=[x for x in unlabelled if _pooled(x, lang, a.pool)],
                                        self_cfg=self_cfg, misplaced=a.misplaced_weight,
                                        elsewhere=a.elsewhere_weight, bagging=bagging,
                                        other_trigger=_other_trigger(a))
                pooled = model if a.pool == "all" else None
                for t in a.threshold:
                    for tn in a.threshold_new:
                        for tb in a.threshold_bare:
                            for ro in (True, False):
                                runs.setdefault(f"learned t={t}/{tn}/{tb}{' rule-org' if ro else ''}", []).extend(
                                    predict(te, replace(model, threshold=t, threshold_new=tn, threshold_bare=tb,
                                                        rule_org=ro)))
        learned = runs[f"learned t={a.threshold[0]}/{a.threshold_new[0]}/{a.threshold_bare[0]} rule-org"]
        for name, recs in runs.items():
            res = scorer.score(gold_docs, recs)
            ev = res["events"]
            langs_f1 = "  ".join(f"{k} F1 {v['f1']} (tp {v['tp']} fp {v['fp']} fn {v['fn']})"
                                 for k, v in res["by_lang"].items())
            print(f"{name:18} P {ev['precision']} R {ev['recall']} F1 {ev['f1']}   {langs_f1}   "
                  f"role {res['on_matched']['role']} date {res['on_matched']['date']} "
                  f"modality {res['on_matched']['modality']}")
        if a.errors:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from event_errors import error_table, format_table  # noqa: PLC0415

            items: list[str] = []
            print(format_table(error_table(articles, gold, learned, scorer, items)))
            if a.errors_out:
                a.errors_out.write_text("".join(f"{line}\n" for line in sorted(items)), encoding="utf-8")
        if a.pred:
            a.pred.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in learned), encoding="utf-8")
        return 0
    shared: EventModel | None = None
    for lang in langs:
        part = [x for x in articles if _pooled(x, lang, a.pool)]
        meta = {"lang": lang, "articles": len(part), "trained_on": [str(c) for c in a.corpus],
                "c_event": a.c_event, "c_org": a.c_org, "misplaced_weight": a.misplaced_weight,
                "elsewhere_weight": a.elsewhere_weight, "other_trigger": a.other_trigger}
        if a.bags > 1:
            meta |= {"bags": a.bags, "bag_seed": a.bag_seed, "bag_fraction": a.bag_fraction}
        if a.unlabelled:
            meta |= {"self_trained_on": a.unlabelled.name, "unlabelled_articles": len(unlabelled),
                     "self_hi": a.self_hi, "self_lo": a.self_lo, "self_weight": a.self_weight}
        if a.pool == "all" and shared is not None:  # the same articles: the same model, its own language's meta
            model = replace(shared, meta={**shared.meta, **meta})
        else:
            model = train(part, a.threshold[0], a.c_event, a.c_org, meta, a.threshold_new[0], a.min_articles,
                          a.threshold_bare[0], rare, a.min_support,
                          [x for x in unlabelled if _pooled(x, lang, a.pool)], self_cfg, a.misplaced_weight,
                          a.elsewhere_weight, bagging, _other_trigger(a))
            shared = model
        path = a.out / f"events_{lang}.json"
        path.write_text(json.dumps(model.to_json(), ensure_ascii=False, indent=0, sort_keys=True) + "\n",
                        encoding="utf-8")
        print(f"wrote {path} ({len(model.event.weights)} + {len(model.org.weights)} weights)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
