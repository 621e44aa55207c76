"""Story grouping: translations join, different stories about one company stay apart, ids are stable.

The articles under tests/data/stories are fictional and written for these tests. Calibration of
``StoryConfig.threshold`` (0.73): pair scores measured on them and on /work/shared (seeds, dev set),
with hand-listed entities and with the entities of succession.extract.pipeline:

* same story: translation 0.94, damaged back-translation 0.92-0.94, seeds 0.86-0.92 (gold entities)
  and 0.77-0.85 (pipeline entities);
* different stories: same company three days later 0.66-0.70, interview after the return 0.49-0.57,
  seeds (same crisis ten days earlier, nine months later) 0.50-0.69, dev-set follow-ups on the same
  affair (two trial days, two steps of a family feud) 0.59-0.70.
"""
from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from succession.errors import ConfigError
from succession.models import (
    Analysis, DateValue, Document, Entity, MentionKind, Span,
)
from succession.across.stories import STATE_VERSION, PairScore, StoryConfig, StoryIndex, UseEncoder, story_id_for

from storydata import load_articles
SHARED = Path(__file__).resolve().parents[2] / "shared"


class CachingEncoder:
    """The real encoder, remembering texts already encoded (tests index the same articles many times)."""

    def __init__(self) -> None:
        self.inner = UseEncoder()
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if todo:
            self.cache.update(zip(todo, self.inner.encode(todo)))
        return np.stack([self.cache[t] for t in texts]) if texts else self.inner.encode([])


@pytest.fixture(scope="session")
def encoder() -> CachingEncoder:
    """One sentence encoder for the whole session (UseEncoder instances also share the loaded model)."""
    return CachingEncoder()


@pytest.fixture(scope="module")
def arts() -> dict[str, Analysis]:
    return load_articles()


def partition(index: StoryIndex) -> set[frozenset[str]]:
    return {frozenset(m) for m in index.stories().values()}


def test_translation_chain_is_one_story_others_stay_apart(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    index.add_many(arts.values())
    assert partition(index) == {
        frozenset({"veltrano-firing-en", "veltrano-firing-de", "veltrano-firing-back"}),
        frozenset({"veltrano-investors-en"}), frozenset({"veltrano-interview-de"}),
    }
    assert index.story_of("veltrano-firing-back") == story_id_for("veltrano-firing-en")


def test_different_stories_stay_apart_without_dates(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    undated = [replace(a, published=None) for a in arts.values()]
    index = StoryIndex(encoder=encoder)
    index.add_many(undated)
    assert len(index.stories()) == 3
    score = index.compare("veltrano-firing-en", "veltrano-investors-en")
    assert not score.same and score.names is not None and score.names > 0.5  # same cast, different story


def test_pair_scores_explain_the_verdict(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    index.add_many(arts.values())
    ps = index.compare("veltrano-firing-en", "veltrano-firing-de")
    assert isinstance(ps, PairScore) and ps.same
    assert ps.cosine > 0.8 and ps.names == pytest.approx(1.0) and ps.facts is not None and ps.facts > 0.5
    assert ps.jaccard < 0.2  # different languages: no shared shingles, the embedding did it
    with pytest.raises(KeyError):
        index.compare("veltrano-firing-en", "no-such-doc")


def test_dates_far_apart_are_never_one_story(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    base = arts["veltrano-firing-en"]
    reprint = replace(base, document=replace(base.document, id="reprint-later"), published=DateValue("2031-05-20"))
    same_week = replace(base, document=replace(base.document, id="reprint-soon"), published=DateValue("2031-03-06"))
    undated = replace(base, document=replace(base.document, id="reprint-undated"), published=None)
    index = StoryIndex(encoder=encoder)
    first, later, soon, unknown = index.add_many([base, reprint, same_week, undated])
    assert later != first and soon == first and unknown == first
    assert index.compare("veltrano-firing-en", "reprint-later").reason == "near-duplicate text"


def test_month_precision_dates_do_not_block(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    base = arts["veltrano-firing-en"]
    vague = replace(arts["veltrano-firing-de"], published=DateValue("2031-03"))
    index = StoryIndex(encoder=encoder)
    assert index.add(base) == index.add(vague)


def test_edited_copy_in_the_same_language_is_a_near_duplicate(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    base = arts["veltrano-investors-en"]
    words = base.document.text.split(" ")
    edited = " ".join(w for i, w in enumerate(words) if i % 17 != 5)  # drop every 17th word
    copy = replace(base, document=Document("investors-copy", edited), entities=(), published=None)
    index = StoryIndex(encoder=encoder)
    assert index.add(base) == index.add(copy)
    assert index.compare("veltrano-investors-en", "investors-copy").jaccard >= 0.5


def test_ids_are_stable_and_additions_are_incremental(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    first = index.add(arts["veltrano-firing-de"])
    assert first == story_id_for("veltrano-firing-de") and first.startswith("s-")
    index.add(arts["veltrano-interview-de"])
    before = index.stories()
    assert index.add(arts["veltrano-firing-en"]) == first
    assert index.add(arts["veltrano-firing-de"]) == first  # re-adding is a no-op
    after = index.stories()
    assert all(after[sid][:len(m)] == m for sid, m in before.items())
    assert len(index) == 3 and "veltrano-firing-en" in index and index.story_of("nope") is None


def test_grouping_does_not_depend_on_order(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    forward, backward = StoryIndex(encoder=encoder), StoryIndex(encoder=encoder)
    forward.add_many(arts.values())
    backward.add_many(reversed(list(arts.values())))
    assert partition(forward) == partition(backward)


def test_state_round_trip_keeps_stories_and_keeps_working(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    items = list(arts.values())
    index = StoryIndex(encoder=encoder)
    index.add_many([a for a in items if a.document.id != "veltrano-firing-back"])
    state = json.loads(json.dumps(index.to_state()))
    restored = StoryIndex.from_state(state, encoder=encoder)
    assert restored.stories() == index.stories()
    assert restored.published_of("veltrano-firing-en") == DateValue("2031-03-04")
    assert restored.add(arts["veltrano-firing-back"]) == index.story_of("veltrano-firing-en")


@pytest.mark.parametrize("state", [None, {}, {"version": 99},
                                   {"version": STATE_VERSION, "config": {}, "articles": [{"doc": 1}]},
                                   {"version": STATE_VERSION, "config": {"no_such": 1}, "articles": []}])
def test_bad_state_is_a_value_error(state) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        StoryIndex.from_state(state)


def test_junk_articles_do_not_crash(encoder) -> None:  # type: ignore[no-untyped-def]
    empty = Analysis(Document("empty", ""), None, None, None)
    symbols = Analysis(Document("symbols", "§§§ --- ### 123"), "en", None, None)
    boiler = Analysis(Document("boiler", "Subscribe now! Cookie settings."), "en", None, None,
                      boilerplate=(Span(0, 14, "Subscribe now!"), Span(15, 99, "Cookie settings.")))
    index = StoryIndex(encoder=encoder)
    ids = index.add_many([empty, symbols, boiler])
    assert len(ids) == 3 and all(i.startswith("s-") for i in ids)


def test_empty_texts_are_not_duplicates_of_each_other(encoder) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    a, b = index.add_many([Analysis(Document("e1", ""), None, None, None),
                           Analysis(Document("e2", " "), None, None, None)])
    assert a != b and index.compare("e1", "e2").jaccard == 0.0


def test_without_an_encoder_names_and_text_still_group(arts) -> None:  # type: ignore[no-untyped-def]
    class Broken:
        def encode(self, texts):  # type: ignore[no-untyped-def]
            raise ConfigError("no model here")
    index = StoryIndex(encoder=Broken())
    base = arts["veltrano-investors-en"]
    copy = replace(base, document=replace(base.document, id="copy"), published=None)
    assert index.add(base) == index.add(copy)  # the text overlap is enough
    assert index.compare("veltrano-investors-en", "copy").cosine == 0.0


def test_config_is_honoured(encoder, arts) -> None:  # type: ignore[no-untyped-def]
    strict = StoryIndex(StoryConfig(threshold=0.99, duplicate_jaccard=0.99), encoder=encoder)
    strict.add_many(arts.values())
    assert len(strict.stories()) == 5


# --- the real articles in /work/shared (read at run time, never copied) -----------------------------

@pytest.fixture(scope="module")
def seeds() -> list[Analysis]:
    gold_path, seed_dir = SHARED / "gold" / "seeds.jsonl", SHARED / "seeds"
    if not gold_path.exists() or not seed_dir.is_dir():
        pytest.skip("/work/shared (seed articles and gold) is not available")
    gold = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    out = []
    for g in gold:
        text = (seed_dir / g["doc"]).read_text(encoding="utf-8")
        # entities as a good extractor would give them: the gold names, with their spans in the text
        ents = tuple(Entity(e["name"], MentionKind(e["kind"]), tuple(e["variants"]),
                            tuple(Span(m.start(), m.end(), m.group(0)) for v in e["variants"]
                                  for m in re.finditer(re.escape(v), text)))
                     for e in g["entities"])
        out.append(Analysis(Document(g["doc"][:3], text), g["lang"], None, None, entities=ents))
    return out


def test_seed_stories(encoder, seeds) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    index.add_many(seeds)
    assert partition(index) == {frozenset({"000", "001", "002"}), frozenset({"003"}), frozenset({"004"})}


def test_seed_stories_with_the_pipeline_if_available(encoder) -> None:  # type: ignore[no-untyped-def]
    pipeline = pytest.importorskip("succession.extract.pipeline")
    analyse = getattr(pipeline, "analyse", None) or getattr(pipeline, "analyse_document", None)
    if analyse is None or not (SHARED / "seeds").is_dir():
        pytest.skip("no succession.extract.pipeline.analyse or no /work/shared/seeds")
    docs = [Document(p.name[:3], p.read_text(encoding="utf-8")) for p in sorted((SHARED / "seeds").glob("*.txt"))]
    index = StoryIndex(encoder=encoder)
    index.add_many([analyse(d) for d in docs])
    assert {"000", "001", "002"} in [set(m) for m in index.stories().values()]
    assert len(index.stories()) == 3
