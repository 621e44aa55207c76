"""Which articles report the same story (the same event, the same interview), in any language.

Each article becomes a sketch: a MinHash of its word shingles (near-copies in one language), a
multilingual sentence embedding (USE-multilingual v3: the mean over the article's chunks, title and lead
first, so a translation that added its own introduction still lines up), the names it mentions (folded,
so damaged spellings still overlap) and the numbers and dates it gives. A new article is compared with
earlier ones whose publication dates are within ``max_gap_days`` (unknown dates never block), and joins
the story of the best one that scores as "same story"; otherwise it starts a story of its own. Story
ids are stable: "s-" plus a hash of the first member's document id, and earlier assignments never change.

Score (see ``StoryConfig``): a weighted mean of embedding cosine, name overlap and number/date overlap;
articles whose MinHash Jaccard is at least ``duplicate_jaccard`` are the same story outright. The sketches
and their score are in ``sketches.py``; this module keeps the index.
"""
from __future__ import annotations

import base64
import bisect
import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

from ..errors import ConfigError
from ..models import Analysis, DateValue
from .sketches import (_SCHEME, DIM, Encoder, PairScore, StoryConfig, UseEncoder, _compare, _days, _NoEncoder,
                       _own_date, _Sketch, _sketches, story_id_for)

__all__ = ["DIM", "Encoder", "PairScore", "StoryConfig", "StoryIndex", "UseEncoder", "story_id_for"]

LOGGER = logging.getLogger(__name__)


STATE_VERSION = 2


@dataclass
class _Story:
    members: list[int] = field(default_factory=list)
    min_hi: int | None = None  # earliest last-possible day among dated members
    max_lo: int | None = None  # latest first-possible day among dated members

    def admits(self, sk: _Sketch, gap: int) -> bool:
        """A dated article must be within ``gap`` days of every dated member (so a story spans days)."""
        if sk.lo is None or sk.hi is None or self.min_hi is None or self.max_lo is None:
            return True
        return sk.lo - self.min_hi <= gap and self.max_lo - sk.hi <= gap

    def take(self, pos: int, sk: _Sketch) -> None:
        self.members.append(pos)
        if sk.lo is not None and sk.hi is not None:
            self.min_hi = sk.hi if self.min_hi is None else min(self.min_hi, sk.hi)
            self.max_lo = sk.lo if self.max_lo is None else max(self.max_lo, sk.lo)


_FAR = 10**9  # stands for an unknown first/last day: never "too far apart"


class _Matrix:
    """A growable matrix of unit vectors (rows), with each row's index position and date range."""

    def __init__(self) -> None:
        self.vecs = np.zeros((64, DIM), dtype=np.float32)
        self.pos = np.zeros(64, dtype=np.int64)
        self.lo = np.zeros(64, dtype=np.int64)
        self.hi = np.zeros(64, dtype=np.int64)
        self.n = 0

    def append(self, pos: int, sk: _Sketch) -> None:
        if self.n == len(self.pos):
            for name in ("vecs", "pos", "lo", "hi"):
                arr = getattr(self, name)
                setattr(self, name, np.concatenate([arr, np.zeros_like(arr)]))
        self.vecs[self.n], self.pos[self.n] = sk.vector, pos
        self.lo[self.n] = -_FAR if sk.lo is None else sk.lo
        self.hi[self.n] = _FAR if sk.hi is None else sk.hi
        self.n += 1


_SHORT = 31  # dates known to within a month are kept sorted by day; vaguer ones are scanned


class StoryIndex:
    """Incremental story grouping. ``add`` returns the story id; earlier ids never change.

    The sentence encoder is created lazily on the first article with text (pass ``encoder`` to share
    one, e.g. in tests). ``to_state``/``from_state`` give and take a JSON-able dict.
    """

    def __init__(self, config: StoryConfig | None = None, *, encoder: Encoder | None = None) -> None:
        from datasketch import MinHashLSH  # noqa: PLC0415 - slow import (scipy), only when indexing
        self.config = config or StoryConfig()
        self._encoder = encoder
        self._lent: Mapping[str, _Sketch] = {}  # sketches computed elsewhere (Dask workers), by document id
        self._sketches: list[_Sketch] = []
        self._pos: dict[str, int] = {}
        self._story: list[str] = []
        self._stories: dict[str, _Story] = {}
        self._all = _Matrix()  # every article, row = position
        self._vague = _Matrix()  # articles without a date, or dated only to the year
        self._by_day: list[tuple[int, int]] = []  # (first day, position) of the others, sorted
        # rows scanned for candidates, pairs scored in full, sketches computed here and lent (``lend``)
        self._work = {"scanned": 0, "compared": 0, "sketched": 0, "lent": 0}
        # LSH only proposes candidates (each is scored in full), so its threshold may be looser
        lsh_threshold = min(0.9, max(0.1, self.config.duplicate_jaccard))
        self._lsh = MinHashLSH(threshold=lsh_threshold, num_perm=self.config.num_perm)

    def __len__(self) -> int:
        return len(self._sketches)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._pos

    # public queries
    def story_of(self, doc_id: str) -> str | None:
        pos = self._pos.get(doc_id)
        return None if pos is None else self._story[pos]

    def members(self, story_id: str) -> tuple[str, ...]:
        story = self._stories.get(story_id)
        return tuple(self._sketches[p].doc_id for p in story.members) if story else ()

    def stories(self) -> dict[str, tuple[str, ...]]:
        """Every story id with its member document ids, in the order they joined."""
        return {sid: self.members(sid) for sid in self._stories}

    def published_of(self, doc_id: str) -> DateValue | None:
        """The publication date an article was indexed with: its own, not one taken over from its story
        (None when unknown or not indexed)."""
        pos = self._pos.get(doc_id)
        value = self._sketches[pos].published if pos is not None else None
        return DateValue(value) if value else None

    def work(self) -> dict[str, int]:
        """Counters of the work done so far: candidate rows scanned, article pairs scored in full, sketches
        computed here and sketches lent."""
        return dict(self._work)

    def compare(self, doc_a: str, doc_b: str) -> PairScore:
        """The features and verdict for two indexed articles (KeyError if either is not indexed)."""
        return _compare(self._sketches[self._pos[doc_a]], self._sketches[self._pos[doc_b]], self.config)

    def swap_encoder(self, encoder: Encoder | None) -> Encoder | None:
        """Use ``encoder`` for the articles added from now on (None: the default, loaded when needed); the
        one used so far. A distributed ingest lends one that holds vectors its workers computed."""
        previous, self._encoder = self._encoder, encoder
        return previous

    def lend(self, sketches: Mapping[str, Any]) -> None:
        """Use these sketches (by document id, computed from the same analyses elsewhere, e.g. on Dask
        workers: ``succession.distributed``) instead of computing them again, for the articles added from
        now on; ``{}`` ends the loan. A sketch whose article's own date differs is computed again."""
        self._lent = sketches

    # adding
    def add(self, analysis: Analysis) -> str:
        return self.add_many([analysis])[0]

    def add_many(self, analyses: Iterable[Analysis], *, batch: int = 256) -> list[str]:
        """Add articles in the given order (sketches are computed in batches); their story ids.
        An article already indexed keeps its story."""
        items = list(analyses)
        out: list[str] = []
        for start in range(0, len(items), batch):
            part = items[start:start + batch]
            new = [a for a in part if a.document.id not in self._pos]
            new = list({a.document.id: a for a in new}.values())
            for sk in self._sketch(new):
                self._insert(sk)
            out += [self._story[self._pos[a.document.id]] for a in part]
        return out

    def _sketch(self, new: Sequence[Analysis]) -> list[_Sketch]:
        """Sketches of new articles; without a usable sentence encoder, names and text overlap decide
        alone (logged once: cross-language stories are then missed)."""
        if not new:
            return []
        lent = {a.document.id: sk for a in new if (sk := self._lent.get(a.document.id)) is not None
                and sk.published == _own_published(a)}
        if lent:
            self._work["lent"] += len(lent)
            rest = iter(self._sketch([a for a in new if a.document.id not in lent]) if len(lent) < len(new) else [])
            return [lent[a.document.id] if a.document.id in lent else next(rest) for a in new]
        self._work["sketched"] += len(new)
        if self._encoder is None:
            self._encoder = UseEncoder()
        try:
            return _sketches(new, self._encoder, self.config)
        except ConfigError as exc:
            LOGGER.warning("story grouping without sentence embeddings: %s", exc)
            self._encoder = _NoEncoder()
            return _sketches(new, self._encoder, self.config)

    def _insert(self, sk: _Sketch, story_id: str | None = None) -> str:
        if story_id is None:
            story_id, why = self._assign(sk)
            LOGGER.debug("%s -> %s (%s)", sk.doc_id, story_id, why)
        pos = len(self._sketches)
        self._sketches.append(sk)
        self._pos[sk.doc_id] = pos
        self._story.append(story_id)
        self._stories.setdefault(story_id, _Story()).take(pos, sk)
        self._all.append(pos, sk)
        if sk.lo is None or sk.hi is None or sk.hi - sk.lo > _SHORT:
            self._vague.append(pos, sk)
        else:
            bisect.insort(self._by_day, (sk.lo, pos))
        self._lsh.insert(sk.doc_id, _lean(sk.minhash))
        return story_id

    def _assign(self, sk: _Sketch) -> tuple[str, str]:
        """The story a new article joins (best-scoring time-compatible candidate), or a new one."""
        best: tuple[float, str] | None = None
        for sid, members in self._by_story(sk, self._candidates(sk)).items():
            if not self._stories[sid].admits(sk, self.config.max_gap_days):
                continue
            for pos in members:
                self._work["compared"] += 1
                ps = _compare(sk, self._sketches[pos], self.config)
                if ps.same and (best is None or ps.score > best[0]):
                    best = (ps.score, sid)
        if best is None:
            return story_id_for(sk.doc_id), "new story"
        return best[1], f"joins with score {best[0]:.3f}"

    def _by_story(self, sk: _Sketch, candidates: Sequence[int], per_story: int = 3) -> dict[str, list[int]]:
        """Candidates grouped by story, at most ``per_story`` each (the most similar in embedding):
        a story of many near-copies is judged on its best few, which keeps the work per article bounded."""
        groups: dict[str, list[int]] = defaultdict(list)
        for pos in candidates:
            groups[self._story[pos]].append(pos)
        for sid, members in groups.items():
            if len(members) > per_story:
                sims = _dot(self._all.vecs[members], sk.vector)
                groups[sid] = [members[i] for i in sorted(np.argsort(-sims, kind="stable")[:per_story])]
        return groups

    def _candidates(self, sk: _Sketch) -> list[int]:
        """Earlier articles worth a full comparison: close in embedding (among those not too far apart
        in time) or sharing MinHash LSH buckets; positions in index order."""
        if not self._sketches:
            return []
        found: set[int] = {self._pos[d] for d in self._lsh.query(_lean(sk.minhash))}
        pos, sims = self._similar(sk)
        self._work["scanned"] += int(pos.size)
        if np.any(sk.vector):
            keep = np.flatnonzero(sims >= self.config.candidate_cosine)
            if keep.size > self.config.max_candidates:
                keep = keep[np.argsort(-sims[keep], kind="stable")[:self.config.max_candidates]]
        else:  # no embedding (no text, no encoder): the most recent time-compatible articles
            keep = np.arange(max(0, pos.size - self.config.max_candidates), pos.size)
        found |= set(pos[keep].tolist())
        return sorted(found)

    def _similar(self, sk: _Sketch) -> tuple[np.ndarray, np.ndarray]:
        """Positions of the articles a new one may share a story with (time allowing) and their cosines.

        Undated: every article. Dated: those dated within the gap (a range scan of the sorted days)
        plus the undated and vaguely dated ones; so cost grows with articles per day, not in total."""
        if sk.lo is None or sk.hi is None:
            return self._all.pos[:self._all.n], _dot(self._all.vecs[:self._all.n], sk.vector)
        gap = self.config.max_gap_days
        lo = bisect.bisect_left(self._by_day, (sk.lo - gap - _SHORT, -1))
        hi = bisect.bisect_right(self._by_day, (sk.hi + gap, len(self._sketches)))
        near = np.fromiter((p for _, p in self._by_day[lo:hi]), dtype=np.int64, count=hi - lo)
        m, v = self._all, self._vague
        pos = np.concatenate([near, v.pos[:v.n]])
        sims = np.concatenate([_dot(m.vecs[near], sk.vector), _dot(v.vecs[:v.n], sk.vector)])
        lo, hi = np.concatenate([m.lo[near], v.lo[:v.n]]), np.concatenate([m.hi[near], v.hi[:v.n]])
        ok = (sk.lo - hi <= gap) & (lo - sk.hi <= gap)
        return pos[ok], sims[ok]

    # persistence
    def to_state(self) -> dict[str, Any]:
        """A JSON-able snapshot: config, and per article its sketch and story (vectors as float16)."""
        return {
            "version": STATE_VERSION,
            "config": asdict(self.config),
            "articles": [_sketch_state(sk, self._story[i]) for i, sk in enumerate(self._sketches)],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any], *, encoder: Encoder | None = None) -> "StoryIndex":
        """Rebuild an index from ``to_state`` output; stories and ids are kept exactly.

        A snapshot from another version, or a malformed one, raises ValueError (the caller re-indexes)."""
        if not isinstance(state, dict) or state.get("version") != STATE_VERSION:
            raise ValueError(f"not a story index state of version {STATE_VERSION}")
        try:
            index = cls(StoryConfig(**state["config"]), encoder=encoder)
            for item in state["articles"]:
                index._insert(_sketch_from_state(item, index.config), item["story"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"malformed story index state: {exc}") from exc
        return index


def _own_published(a: Analysis) -> str | None:
    own = _own_date(a)
    return str(own) if own else None


def _dot(rows: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """Row-wise dot products without BLAS: as fast as one BLAS thread for a matrix-vector product,
    and immune to the thread oversubscription that makes multi-threaded BLAS crawl on a busy machine."""
    return np.einsum("ij,j->i", rows, vec)


def _lean(hashvalues: np.ndarray) -> Any:
    from datasketch import LeanMinHash  # noqa: PLC0415
    return LeanMinHash(seed=1, hashvalues=hashvalues, scheme=_SCHEME)


def _b64(arr: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(arr).tobytes()).decode("ascii")


def _sketch_state(sk: _Sketch, story: str) -> dict[str, Any]:
    return {"doc": sk.doc_id, "lang": sk.lang, "published": sk.published, "story": story,
            "minhash": _b64(sk.minhash.astype(np.uint32)), "vector": _b64(sk.vector.astype(np.float16)),
            "names": [list(n) for n in sk.names], "facts": sorted(sk.facts)}


def _sketch_from_state(item: dict[str, Any], cfg: StoryConfig) -> _Sketch:
    mh = np.frombuffer(base64.b64decode(item["minhash"]), dtype=np.uint32).copy()
    vec = np.frombuffer(base64.b64decode(item["vector"]), dtype=np.float16).astype(np.float32)
    if mh.shape != (cfg.num_perm,) or vec.shape != (DIM,):
        raise ValueError(f"sketch of {item.get('doc')!r} has the wrong shape")
    lo, hi = _days(DateValue(item["published"]) if item["published"] else None)
    names = tuple((str(k), float(w), str(s)) for k, w, s in item["names"])
    return _Sketch(str(item["doc"]), item["lang"], item["published"], lo, hi, mh, vec, names,
                   frozenset(item["facts"]))
