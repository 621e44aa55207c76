"""Who is who across articles: one person or organisation, however translation spelt the name.

Every document-local person/organisation (an ``Entity`` of an ``Analysis``) is a node. Nodes merge when

* their normalised names are the same (case, accents, doubled letters folded; for organisations legal
  suffixes and compound heads such as "-Vorstand" stripped), or
* the names are close in spelling or sound (one letter changed, "Kostadin"/"Kostadinn", "Pyotr"/"Pjotr") AND
  the two share context: same story, same organisation or role, people mentioned alongside.

A single-word person name ("Aldebrand", "Pjotr") attaches to the full name it fits in the same document,
else the same story, else, when exactly one person in the corpus fits and shares context, to that one;
a one-word organisation name ("Veltrano") likewise to the one longer name it begins ("Veltrano
Systems"). Different first names (or initials) never merge, so two Müllers stay two people. An
"organisation" named exactly like a person found elsewhere (an extractor's slip) is taken for that
person. No table of particular people is used anywhere.

The canonical spelling of a merged entity is the full-name variant with the most independent support:
distinct stories using it, an article that looks like a translation counting half (see
``translation_flags``); ties go to the longer, then the lexicographically smaller name.
"""
from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import combinations

from rapidfuzz import fuzz

from ..models import Analysis, MentionKind
from .names import (_name_lexicon, _person_tokens, fold, name_similarity, org_display, org_key,
                    person_key, phonetic_key)
from .nodes import Node, build_nodes
from .translation import translation_flags

__all__ = [
    "CorpusEntity", "MergeEvidence", "Resolution", "find_entity", "fold", "name_similarity", "org_display",
    "org_key", "person_key", "phonetic_key", "resolve_entities", "translation_flags",
]

LOGGER = logging.getLogger(__name__)

# Thresholds (see module docstring). Spelling scores are in [0, 1].
SURNAME_MIN = 0.8      # "murata"/"morata" 0.85 (same sound), "aldebrand"/"aldebrant" 0.89; "meier"/"schmidt" 0.33
NAME_MIN = 0.8         # 0.7 * surname + 0.3 * given name
CONTEXT_MIN = 2        # same story alone (2), or shared organisation (2), or two shared neighbours (1 + 1)
SINGLE_SURNAME_MIN = 0.85  # a lone word against a surname: "Brammerts"/"Brammertz" yes, "Bramm"/"Brammertz" no
TRANSLATED_WEIGHT = 0.5    # support a variant gets from a story whose only users look machine-translated

_PERSON, _ORG = MentionKind.PERSON, MentionKind.ORG
# a generic fallback for international legal forms, used on top of the language data's ORG_NOISE


@dataclass(frozen=True, slots=True)
class MergeEvidence:
    """Why two names were taken for one entity."""

    kept: str
    merged: str
    score: float
    reasons: tuple[str, ...]
    docs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CorpusEntity:
    """A person or organisation across the corpus: canonical name, every spelling seen, and why."""

    name: str
    kind: MentionKind
    variants: tuple[str, ...]
    docs: tuple[str, ...]
    stories: tuple[str, ...]
    support: tuple[tuple[str, float], ...] = ()  # candidate canonical spellings with their support, best first
    evidence: tuple[MergeEvidence, ...] = ()


@dataclass(frozen=True)
class Resolution:
    """The entity table and, per document, each local name's canonical name."""

    entities: tuple[CorpusEntity, ...]
    names: Mapping[tuple[str, str], str]  # (doc id, folded local name or variant) -> canonical name
    org_names: Mapping[str, str]  # org_key -> canonical organisation name, corpus-wide

    def name_for(self, doc_id: str, name: str | None, kind: MentionKind | None = None) -> str | None:
        """The canonical form of a name as written in one document (unchanged when unknown)."""
        if not name:
            return name
        hit = self.names.get((doc_id, fold(name)))
        if hit is not None:
            return hit
        if kind == _ORG or kind is None:
            org = self.org_names.get(org_key(name))
            if org is not None:
                return org
        return name


# --- nodes ----------------------------------------------------------------------------------------

def _rekind_person_like_orgs(nodes: list[Node]) -> None:
    """Organisation nodes named like a person found elsewhere become persons (extractors do take
    "Jane Doe" for an organisation): the same full name anywhere, or a close one in the same story."""
    for _ in range(3):  # a re-kinded name can vouch for the same name elsewhere
        people: dict[str, list[Node]] = defaultdict(list)
        for n in nodes:
            if n.kind == _PERSON and n.given:
                people[phonetic_key(n.surname)].append(n)
        changed = False
        for i, n in enumerate(nodes):
            given, sur = person_key(n.name) if n.kind == _ORG else ((), "")
            if given and any(_could_be(given, sur, n.story, p) for p in people.get(phonetic_key(sur), ())):
                nodes[i] = replace(n, kind=_PERSON, given=given, surname=sur)
                changed = True
        if not changed:
            return


def _could_be(given: tuple[str, ...], surname: str, story: str | None, p: Node) -> bool:
    if (given, surname) == (p.given, p.surname):
        return True
    if story is None or story != p.story:
        return False
    sur, giv = name_similarity(surname, p.surname), _given_similarity(given, p.given)
    return sur >= SURNAME_MIN and giv > 0.0 and 0.7 * sur + 0.3 * giv >= NAME_MIN


# --- clusters ------------------------------------------------------------------------------------

@dataclass
class _Pool:
    """The context of a cluster (or of one node), pooled: kept up to date as clusters merge."""

    docs: set[str]
    stories: set[str]
    linked_orgs: set[str]
    roles: set[str]
    doc_orgs: set[str]
    peers: set[str]
    full_names: set[tuple[tuple[str, ...], str]]

    @classmethod
    def of(cls, n: Node) -> "_Pool":
        return cls({n.doc_id}, {n.story} if n.story else set(), set(n.linked_orgs), set(n.roles),
                   set(n.doc_orgs), set(n.peers), {(n.given, n.surname)} if n.given else set())

    def absorb(self, other: "_Pool") -> None:
        for name in ("docs", "stories", "linked_orgs", "roles", "doc_orgs", "peers", "full_names"):
            getattr(self, name).update(getattr(other, name))


class _Clusters:
    """Union-find over node indices, with each cluster's pooled context and each merge's evidence."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.parent = list(range(len(nodes)))
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}
        self.pools: dict[int, _Pool] = {i: _Pool.of(n) for i, n in enumerate(nodes)}
        self.evidence: list[tuple[int, MergeEvidence]] = []

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int, score: float, reasons: Sequence[str]) -> bool:
        ri, rj = self.find(i), self.find(j)
        if ri == rj or self.conflict(ri, rj):
            return False
        if len(self.members[ri]) < len(self.members[rj]):
            ri, rj, i, j = rj, ri, j, i  # the larger cluster absorbs the smaller: its name is "kept"
        self.parent[rj] = ri
        self.members[ri] += self.members.pop(rj)
        self.pools[ri].absorb(self.pools.pop(rj))
        a, b = self.nodes[i], self.nodes[j]
        docs = tuple(sorted({a.doc_id, b.doc_id}))
        self.evidence.append((i, MergeEvidence(a.name, b.name, round(score, 3), tuple(reasons), docs)))
        return True

    def conflict(self, ri: int, rj: int) -> bool:
        """True when the two clusters hold full names that cannot be one person (different first names)."""
        for (gi, si), (gj, sj) in ((x, y) for x in self.pools[ri].full_names for y in self.pools[rj].full_names):
            if _given_similarity(gi, gj) == 0.0 or name_similarity(si, sj) < SURNAME_MIN:
                return True
        return False

    def pool(self, i: int) -> _Pool:
        """The pooled context of the cluster node ``i`` is in."""
        return self.pools[self.find(i)]

    def relabel_orgs(self, label: Mapping[str, str]) -> None:
        """Organisation keys replaced in every node and pool (``label``: key -> its cluster's key)."""
        for i, n in enumerate(self.nodes):
            if n.kind == _PERSON:
                self.nodes[i] = replace(n, linked_orgs=frozenset(label.get(k, k) for k in n.linked_orgs),
                                        doc_orgs=frozenset(label.get(k, k) for k in n.doc_orgs))
        for pool in self.pools.values():
            pool.linked_orgs = {label.get(k, k) for k in pool.linked_orgs}
            pool.doc_orgs = {label.get(k, k) for k in pool.doc_orgs}


def _given_similarity(ga: tuple[str, ...], gb: tuple[str, ...]) -> float:
    """1 same first name, 0.8 an initial or a short form of it, the spelling score if close, else 0."""
    if not ga or not gb:
        return 0.5
    a, b = ga[0], gb[0]
    if a == b:
        return 1.0
    if len(a) == 1 or len(b) == 1:
        return 0.8 if a[0] == b[0] else 0.0
    if min(len(a), len(b)) >= 3 and (a.startswith(b) or b.startswith(a)):
        return 0.8
    s = name_similarity(a, b) if min(len(a), len(b)) >= 4 else fuzz.ratio(a, b) / 100.0
    return s if s >= 0.75 else 0.0


def _context(a: _Pool, b: _Pool) -> tuple[int, tuple[str, ...]]:
    """Points of shared context between two clusters (or nodes), and the reasons in words."""
    pts, why = 0, []
    if a.docs & b.docs:
        pts, why = 3, [f"same article {min(a.docs & b.docs)}"]
    elif a.stories & b.stories:
        pts, why = 2, [f"same story {min(a.stories & b.stories)}"]
    if a.linked_orgs & b.linked_orgs:
        pts += 2
        why.append("same organisation: " + ", ".join(sorted(a.linked_orgs & b.linked_orgs)))
    elif a.doc_orgs & b.doc_orgs:
        pts += 1
        why.append("organisations mentioned in both: " + ", ".join(sorted(a.doc_orgs & b.doc_orgs)[:3]))
    if a.roles & b.roles:
        pts += 1
        why.append("same role: " + ", ".join(sorted(a.roles & b.roles)))
    if a.peers & b.peers:
        pts += min(2, len(a.peers & b.peers))
        why.append("mentioned with: " + ", ".join(sorted(a.peers & b.peers)[:3]))
    return pts, tuple(why)


# --- merging passes ------------------------------------------------------------------------------

def _merge_organisations(cl: _Clusters) -> None:
    """Same key merges; a key one or two letters off merges when the two share a story or people."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        if n.kind == _ORG:
            by_key[n.surname].append(i)
    for key, idx in by_key.items():
        for j in idx[1:]:
            cl.union(idx[0], j, 1.0, (f"same name after normalisation ({key})",))
    reps = sorted(by_key.items())
    for (ka, ia), (kb, ib) in _blocked_pairs(reps, lambda k: (k[:3], k[-3:])):
        if min(len(ka), len(kb)) < 5 or fuzz.ratio(ka, kb) < 90:
            continue
        pts, why = _context(cl.pool(ia[0]), cl.pool(ib[0]))
        if pts >= CONTEXT_MIN:
            cl.union(ia[0], ib[0], fuzz.ratio(ka, kb) / 100.0, (f"similar spelling {ka}/{kb}", *why))


def _org_words(name: str) -> list[str]:
    noise = _name_lexicon()[1]
    words = re.split(r"[\s\-]+", fold(org_display(name)))
    while len(words) > 1 and words[0] in noise:
        words.pop(0)
    return [w for w in words if w]


def _attach_short_org_names(cl: _Clusters) -> None:
    """A one-word organisation name ("Veltrano") joins the one longer name it begins ("Veltrano Systems"):
    the only one in the same article, else story, else corpus (there only with some shared context: a
    person or organisation mentioned alongside in both)."""
    words = {i: _org_words(n.name) for i, n in enumerate(cl.nodes) if n.kind == _ORG}
    longer: dict[str, list[int]] = defaultdict(list)
    for i, w in words.items():
        if len(w) > 1:
            longer[w[0]].append(i)
    for i in (i for i, w in words.items() if len(w) == 1 and len(w[0]) >= 3):
        n = cl.nodes[i]
        for scope in ("article", "story", "corpus"):
            roots = {cl.find(j) for j in longer.get(words[i][0], ()) if _in_scope(cl.nodes[j], n, scope)}
            roots.discard(cl.find(i))
            if scope == "corpus":
                roots = {r for r in roots if _context(cl.pools[r], cl.pool(i))[0] >= 1}
            if len(roots) == 1:
                cl.union(roots.pop(), i, 0.9, (f"short form of the only such name in the same {scope}",))
                break
            if roots:  # ambiguous: "Veltrano" could be either
                break


def _in_scope(m: Node, n: Node, scope: str) -> bool:
    if scope == "article":
        return m.doc_id == n.doc_id
    if scope == "story":
        return n.story is not None and m.story == n.story
    return True


def _relink_organisations(cl: _Clusters) -> None:
    """Persons' organisation keys replaced by their organisation cluster's key, so "Veltrano" and
    "Veltrano Systems" count as the same organisation in context comparisons."""
    cl.relabel_orgs({n.surname: cl.nodes[cl.find(i)].surname for i, n in enumerate(cl.nodes) if n.kind == _ORG})


def _blocked_pairs(items: Sequence[tuple[str, list[int]]], keys):  # type: ignore[no-untyped-def]
    """Pairs of items sharing at least one blocking key (each pair once, in a stable order)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for pos, (k, _) in enumerate(items):
        for b in set(keys(k)):
            blocks[b].append(pos)
    seen: set[tuple[int, int]] = set()
    for b in sorted(blocks):
        for p, q in combinations(blocks[b], 2):
            if (p, q) not in seen:
                seen.add((p, q))
                yield items[p], items[q]


def _merge_full_names(cl: _Clusters) -> None:
    """Persons written with first and last name: same name merges, a close one needs shared context."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i, n in enumerate(cl.nodes):
        if n.kind == _PERSON and n.given:
            by_key[" ".join((*n.given, n.surname))].append(i)
    for key, idx in sorted(by_key.items()):
        for j in idx[1:]:
            cl.union(idx[0], j, 1.0, (f"same name ({key})",))
    reps = sorted(by_key.items())
    for (ka, ia), (kb, ib) in _blocked_pairs(reps, lambda k: _surname_blocks(k.split()[-1])):
        a, b = cl.nodes[ia[0]], cl.nodes[ib[0]]
        sur, giv = name_similarity(a.surname, b.surname), _given_similarity(a.given, b.given)
        score = 0.7 * sur + 0.3 * giv
        if sur < SURNAME_MIN or giv == 0.0 or score < NAME_MIN:
            continue
        pts, why = _context(cl.pool(ia[0]), cl.pool(ib[0]))
        if pts >= CONTEXT_MIN:
            cl.union(ia[0], ib[0], score, (f"similar spelling ({ka} / {kb})", *why))


def _surname_blocks(surname: str) -> tuple[str, ...]:
    return ("p:" + phonetic_key(surname), "a:" + surname[:3], "z:" + surname[-3:])


def _attach_single_names(cl: _Clusters) -> None:
    """One-word person names join the one full name they fit: same article, else story, else corpus."""
    singles = [i for i, n in enumerate(cl.nodes) if n.kind == _PERSON and not n.given]
    scopes: dict[str, dict[str, list[int]]] = {"article": defaultdict(list), "story": defaultdict(list)}
    by_surname: dict[str, list[int]] = defaultdict(list)  # corpus scope: full names by surname
    for j, m in enumerate(cl.nodes):
        if m.kind == _PERSON and m.given:
            scopes["article"][m.doc_id].append(j)
            if m.story:
                scopes["story"][m.story].append(j)
            by_surname[m.surname].append(j)
    blocks: dict[str, set[str]] = defaultdict(set)
    for sur in by_surname:
        for b in _surname_blocks(sur):
            blocks[b].add(sur)
    for i in singles:
        n = cl.nodes[i]
        for scope in ("article", "story", "corpus"):
            if scope == "corpus":
                close = {sur for b in _surname_blocks(n.surname) for sur in blocks.get(b, ())
                         if name_similarity(n.surname, sur) >= SINGLE_SURNAME_MIN}
                fulls = sorted(j for sur in close for j in by_surname[sur])
            else:
                fulls = scopes[scope].get(n.doc_id if scope == "article" else n.story or "", [])
            found = _single_candidates(cl, i, fulls, scope)
            if len(found) == 1:
                (root, (score, how)), = found.items()
                why = _context(cl.pools[root], cl.pool(i))[1] if scope == "corpus" else ()
                cl.union(root, i, score, (f"{how} in the same {scope}", *why))
                break
            if len(found) > 1:
                LOGGER.debug("%r in %s is ambiguous (%d candidates)", n.name, n.doc_id, len(found))
                break
    _merge_leftover_singles(cl, singles)


def _single_candidates(cl: _Clusters, i: int, fulls: Sequence[int], scope: str) -> dict[int, tuple[float, str]]:
    """Clusters (by root) a one-word name (node ``i``) fits, among full-name nodes of a scope, with
    score and how."""
    n = cl.nodes[i]
    found: dict[int, tuple[float, str]] = {}
    rejected: set[int] = set()
    for j in fulls:
        m = cl.nodes[j]
        sur = name_similarity(n.surname, m.surname)
        giv = name_similarity(n.surname, m.given[0]) if scope != "corpus" and len(n.surname) > 2 else 0.0
        if sur >= SINGLE_SURNAME_MIN:
            hit = (sur, "surname")
        elif giv >= SINGLE_SURNAME_MIN:
            hit = (giv, "first name")
        else:
            continue
        root = cl.find(j)
        if root in rejected or (root not in found and scope == "corpus"
                                and _context(cl.pools[root], cl.pool(i))[0] < CONTEXT_MIN):
            rejected.add(root)
            continue
        if root not in found or hit[0] > found[root][0]:
            found[root] = hit
    return found


def _merge_leftover_singles(cl: _Clusters, singles: Sequence[int]) -> None:
    """One-word names with no full name anywhere: the same word merges within a story or with context."""
    by_key: dict[str, list[int]] = defaultdict(list)
    for i in singles:
        if cl.find(i) == i and len(cl.members[i]) == 1:
            by_key[cl.nodes[i].surname].append(i)
    for idx in by_key.values():
        for p, q in combinations(idx, 2):
            if cl.find(p) == cl.find(q):
                continue
            pts, why = _context(cl.pool(p), cl.pool(q))
            if pts >= CONTEXT_MIN:
                cl.union(p, q, 1.0, ("same single name", *why))


# --- the entity table ----------------------------------------------------------------------------

def resolve_entities(analyses: Sequence[Analysis]) -> Resolution:
    """Merge the persons and organisations of many analyses (stories already set) into corpus entities."""
    flags = translation_flags(analyses)
    nodes = build_nodes(analyses, flags)
    _rekind_person_like_orgs(nodes)
    cl = _Clusters(nodes)
    _merge_organisations(cl)
    _attach_short_org_names(cl)
    _relink_organisations(cl)
    _merge_full_names(cl)
    _attach_single_names(cl)
    evidence: dict[int, list[MergeEvidence]] = defaultdict(list)
    for i, ev in cl.evidence:
        evidence[cl.find(i)].append(ev)
    entities, names, orgs = [], {}, {}
    ambiguous: set[tuple[str, str]] = set()
    for root in sorted(cl.members, key=lambda r: cl.nodes[r].doc_id + "\0" + cl.nodes[r].name):
        members = [cl.nodes[k] for k in cl.members[root]]
        ent = _entity(members, evidence.get(root, []))
        entities.append(ent)
        for n in members:
            for v in (n.name, *n.variants):
                key = (n.doc_id, fold(v))
                if names.get(key, ent.name) != ent.name:
                    ambiguous.add(key)
                names[key] = ent.name
            if n.kind == _ORG:
                orgs.setdefault(n.surname, ent.name)
    for key in ambiguous:
        names.pop(key, None)
    entities.sort(key=lambda e: (e.kind.value, fold(e.name), e.name))
    return Resolution(tuple(entities), names, orgs)


def _entity(members: Sequence[Node], evidence: Sequence[MergeEvidence]) -> CorpusEntity:
    kind = members[0].kind
    support = _support(members)
    variants = sorted({v for n in members for v in (n.name, *n.variants)}, key=lambda v: (fold(v), v))
    return CorpusEntity(
        name=support[0][0], kind=kind, variants=tuple(variants),
        docs=tuple(sorted({n.doc_id for n in members})),
        stories=tuple(sorted({n.story for n in members if n.story})),
        support=tuple(support), evidence=tuple(evidence))


def _support(members: Sequence[Node]) -> list[tuple[str, float]]:
    """Candidate spellings ranked by independent support: distinct stories (an article without a
    story is its own), half weight where only translation-looking articles use the spelling."""
    def spelling(n: Node) -> str:
        return org_display(n.name) if n.kind == _ORG else " ".join(_person_tokens(n.name)) or n.name
    pool = [n for n in members if n.kind == _ORG or n.given] or list(members)
    uses: dict[str, dict[str, bool]] = defaultdict(dict)  # spelling -> story -> any original article
    for n in pool:
        story = n.story or "doc:" + n.doc_id
        uses[spelling(n)][story] = uses[spelling(n)].get(story, False) or not n.translated
    scored = [(name, sum(1.0 if orig else TRANSLATED_WEIGHT for orig in by_story.values()))
              for name, by_story in uses.items()]
    scored.sort(key=lambda x: (-x[1], -len(x[0]), x[0]))
    return [(name, round(score, 3)) for name, score in scored]


def find_entity(entities: Iterable[CorpusEntity], name: str) -> CorpusEntity | None:
    """The entity a name refers to: by canonical name or any variant, exact (folded) first, then close."""
    ents = list(entities)
    key = fold(name)
    for e in ents:
        if fold(e.name) == key or key in {fold(v) for v in e.variants}:
            return e
    scored = [(max(fuzz.ratio(key, fold(v)) for v in (e.name, *e.variants)), e.name, e) for e in ents]
    scored = [s for s in scored if s[0] >= 85]
    return max(scored, key=lambda s: (s[0], s[1]))[2] if scored else None

