"""link_corpus: stories set, undated articles dated from their story, canonical names everywhere.

Uses the fictional articles of tests/data/stories (see test_stories.py for how they were calibrated).
"""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from succession.across.corpus import CorpusResult, link_corpus
from succession.models import (
    Analysis, DateValue, Document, Entity, MentionKind,
)
from succession.across.stories import StoryIndex, UseEncoder

from storydata import load_articles


@pytest.fixture(scope="module")
def arts() -> dict[str, Analysis]:
    return load_articles()


@pytest.fixture(scope="module")
def encoder() -> UseEncoder:
    return UseEncoder()  # shares the model loaded by any other UseEncoder in the session


class Recorder:
    """A stand-in for the pipeline's re-analysis: remembers its calls, marks its output."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[tuple[str, DateValue]] = []
        self.fail = fail

    def __call__(self, document: Document, anchor: DateValue) -> Analysis:
        self.calls.append((document.id, anchor))
        if self.fail:
            raise RuntimeError("extractor broke")
        original = load_articles()[document.id]
        return replace(original, warnings=("reanalysed",))


@pytest.fixture(scope="module")
def linked(arts, encoder) -> tuple[CorpusResult, Recorder]:  # type: ignore[no-untyped-def]
    rec = Recorder()
    return link_corpus(list(arts.values()), reanalyse=rec, index=StoryIndex(encoder=encoder)), rec


def by_id(result: CorpusResult) -> dict[str, Analysis]:
    return {a.document.id: a for a in result.analyses}


def test_stories_are_set_and_order_is_kept(linked, arts) -> None:  # type: ignore[no-untyped-def]
    result, _ = linked
    assert [a.document.id for a in result.analyses] == list(arts)
    got = by_id(result)
    assert got["veltrano-firing-en"].story == got["veltrano-firing-de"].story == got["veltrano-firing-back"].story
    assert len({a.story for a in result.analyses}) == 3


def test_undated_articles_take_the_story_date_and_are_reanalysed(linked) -> None:  # type: ignore[no-untyped-def]
    result, rec = linked
    got = by_id(result)
    assert sorted(rec.calls) == [("veltrano-firing-back", DateValue("2031-03-04")),
                                 ("veltrano-firing-de", DateValue("2031-03-04"))]
    for doc_id in ("veltrano-firing-de", "veltrano-firing-back"):
        a = got[doc_id]
        assert a.published == DateValue("2031-03-04") and a.published_basis == "story"
        assert a.warnings == ("reanalysed",)  # the re-analysed result is the one kept
    assert got["veltrano-firing-en"].published_basis == "given"


def test_events_facts_and_entities_use_canonical_names(linked) -> None:  # type: ignore[no-untyped-def]
    result, _ = linked
    back = by_id(result)["veltrano-firing-back"]
    assert {(e.holder, e.org) for e in back.events} == {("Henrike Aldebrand", "Veltrano Systems"),
                                                        ("Mirela Kostadin", "Veltrano Systems")}
    assert {f.holder for f in back.facts} == {"Tobias Wendergast"}
    assert "Jürgen Faltermaier" in {e.name for e in back.entities}
    assert "Jurgen Faltermeier" in {v for e in back.entities for v in e.variants}  # as written, kept


def test_entity_table(linked) -> None:  # type: ignore[no-untyped-def]
    result, _ = linked
    names = {e.name: e for e in result.entities}
    ceo = names["Henrike Aldebrand"]
    assert {"Henrike Aldebrant", "Aldebrands"} <= set(ceo.variants)
    assert len(ceo.docs) == 5 and len(ceo.stories) == 3
    assert ceo.evidence and all(ev.reasons for ev in ceo.evidence)
    assert "Veltrano System" in names["Veltrano Systems"].variants
    assert "Tobbias Wendergast" not in names


def test_linking_linked_analyses_again_changes_nothing(linked, encoder) -> None:  # type: ignore[no-untyped-def]
    first, _ = linked
    again = link_corpus(list(first.analyses), index=StoryIndex(encoder=encoder))
    assert again.analyses == first.analyses
    assert [(e.name, e.variants, e.docs) for e in again.entities] == [(e.name, e.variants, e.docs)
                                                                      for e in first.entities]
    ceo = next(e for e in again.entities if e.name == "Henrike Aldebrand")
    assert any(any("similar spelling" in r for r in ev.reasons) for ev in ceo.evidence)


def test_failed_reanalysis_keeps_the_article_and_says_why(arts, encoder) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder(fail=True)
    result = link_corpus(list(arts.values()), reanalyse=rec, index=StoryIndex(encoder=encoder))
    de = by_id(result)["veltrano-firing-de"]
    assert de.published == DateValue("2031-03-04") and de.published_basis == "story"
    assert any("extractor broke" in w for w in de.warnings)


def test_without_reanalyse_dates_are_still_filled(arts, encoder) -> None:  # type: ignore[no-untyped-def]
    result = link_corpus(list(arts.values()), index=StoryIndex(encoder=encoder))
    assert by_id(result)["veltrano-firing-back"].published == DateValue("2031-03-04")


def test_index_is_continued_across_runs(arts, encoder) -> None:  # type: ignore[no-untyped-def]
    index = StoryIndex(encoder=encoder)
    first = link_corpus([arts["veltrano-firing-en"], arts["veltrano-investors-en"]], index=index)
    restored = StoryIndex.from_state(json.loads(json.dumps(index.to_state())), encoder=encoder)
    second = link_corpus([arts["veltrano-firing-back"]], index=restored)
    assert second.analyses[0].story == by_id(first)["veltrano-firing-en"].story
    assert second.analyses[0].published == DateValue("2031-03-04")  # from a sibling indexed in an earlier run


def test_undated_story_stays_undated(arts, encoder) -> None:  # type: ignore[no-untyped-def]
    undated = [replace(a, published=None) for a in arts.values()]
    rec = Recorder()
    result = link_corpus(undated, reanalyse=rec, index=StoryIndex(encoder=encoder))
    assert rec.calls == [] and all(a.published is None for a in result.analyses)


def test_empty_and_junk_corpus(encoder) -> None:  # type: ignore[no-untyped-def]
    assert link_corpus([], index=StoryIndex(encoder=encoder)) == CorpusResult((), ())
    junk = Analysis(Document("junk", "\x00\x01 ??"), None, None, None,
                    entities=(Entity("", MentionKind.PERSON),))
    result = link_corpus([junk, junk], index=StoryIndex(encoder=encoder))
    assert len(result.analyses) == 2 and result.analyses[0].story is not None
