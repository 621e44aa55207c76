"""Names and days as fusion compares them: name keys, role families, aliases, date windows."""
from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from enum import Enum
from functools import lru_cache

from ..extract.titles import post_class
from ..models import DateValue, Entity, EventType, MentionKind
from .types import DEFAULT_RULES, MAX_DAY, MIN_DAY, Conflict, FusedEvent, FusionRules, Tenure, _words, name_key

# ------------------------------------------------------------------------------------------- names

@lru_cache(maxsize=1 << 12)
def role_family(role: str | None, rules: FusionRules = DEFAULT_RULES) -> str:
    """The seat a role occupies: 'interim CEO' and 'acting CEO' sit in the 'ceo' seat, 'Finanzministerin' and
    'home secretary' in the 'minister' seat."""
    words = _words(role)
    while len(words) > 1 and words[0] in rules.interim_words:
        words = words[1:]
    # a public office's title as written ("Finanzministerin", "home secretary") sits in its class's seat, where
    # the same post told in the other language and a role word typed in a query meet it
    written = (role or "").split()
    while len(written) > 1 and written[0].casefold() in rules.interim_words:
        written = written[1:]
    cls = post_class(" ".join(written)) if written else None
    if cls:
        words = _words(cls)
    if words and len(words[-1]) > 6:
        last = words[-1]
        for ending, base in rules.feminine_endings:
            if last.endswith(ending):
                words = [*words[:-1], last[:-len(ending)] + base]
                break
    return "".join(words)


def is_interim(role: str | None, rules: FusionRules = DEFAULT_RULES) -> bool:
    words = _words(role)
    return len(words) > 1 and words[0] in rules.interim_words


def build_aliases(entities: Iterable[Entity]) -> dict[str, str]:
    """Variant key -> canonical name, from every article's entities; ambiguous variants are left out."""
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for ent in entities:
        for variant in (ent.name, *ent.variants):
            if name_key(variant):
                votes[name_key(variant)][ent.name] += 1
    aliases: dict[str, str] = {}
    for key, names in votes.items():
        canonical = {name_key(n) for n in names}
        # ties go to the smallest spelling, so the aliases never depend on the order articles arrived in
        if len(canonical) == 1:  # a variant shared by two different entities ("Miller") means nothing
            aliases[key] = min(names, key=lambda n: (-names[n], n))
        elif key in canonical:
            aliases[key] = min(n for n in names if name_key(n) == key)
    return aliases


def short_name_proposals(aliases: Mapping[str, str], docs: Iterable[Sequence[Entity]]) -> dict[str, set[str]]:
    """Short organisation name key -> the full names the articles that use it name beside it."""
    proposals: dict[str, set[str]] = defaultdict(set)
    for entities in docs:
        orgs = {tuple(_words(e.name)): e.name for e in entities if e.kind == MentionKind.ORG and _words(e.name)}
        for words in orgs:
            longer = [full for full in orgs if len(full) > len(words) and full[:len(words)] == words]
            if len(longer) == 1:
                proposals[name_key(orgs[words])].add(aliases.get(name_key(orgs[longer[0]]), orgs[longer[0]]))
    return proposals


def short_name(key: str, alias: str | None, targets: set[str]) -> str | None:
    """What a short name ``key`` (known as ``alias``) stands for, given the full names proposed for it."""
    if len(targets) == 1 and name_key(alias or "") in ("", key):
        return next(iter(targets))
    return alias


def with_short_names(aliases: Mapping[str, str], docs: Iterable[Sequence[Entity]]) -> dict[str, str]:
    """``aliases`` plus organisations' short names: an organisation an article names by the first words of
    another it names in full ("Grauwald" beside "Grauwald Feinmechanik") is that one, when exactly one
    full name fits in every article that does so and the short name means nothing else."""
    out = dict(aliases)
    for key, targets in short_name_proposals(aliases, docs).items():
        name = short_name(key, aliases.get(key), targets)
        if name is not None:
            out[key] = name
    return out


def record_orders(t: Tenure | None = None, e: FusedEvent | None = None, c: Conflict | None = None) -> str:
    """The order :func:`fuse` gives a tenure, event or conflict, as a string that sorts the same way by code
    point (name keys hold letters and digits only, so a control character separates the parts), for stores that keep
    parts of a timeline and read it back in order."""
    if t is not None:
        parts = [name_key(t.org), min(t.start_latest, t.end_earliest).isoformat(), role_family(t.role),
                 name_key(t.holder), t.id]
    elif e is not None:
        parts = [_sort_day(e.earliest, e.latest).isoformat(), name_key(e.holder), e.id]
    elif c is not None:
        parts = [c.kind, c.description]
    else:
        raise ValueError("record_orders: give a tenure, an event or a conflict")
    return "\x01".join(parts)


def recency_key(e: FusedEvent) -> str:
    """The "most recently reported first" order of events, as a string that sorts (descending, by code point)
    the way ``(last reported, latest day of the change, id)`` does: days are ISO dates of one width (an
    unknown report date is the smallest day, an unbounded window is dated by its start)."""
    reported = e.last_reported or MIN_DAY
    day = e.latest if e.latest != MAX_DAY else e.earliest
    return f"{reported.isoformat()}\x01{day.isoformat()}\x01{e.id}"


# ------------------------------------------------------------------------------------------- dates

class _Change(str, Enum):
    START = "start"
    END = "end"
    LEAVE = "leave"
    FOUNDED = "founded"


_CHANGE = {
    EventType.APPOINTED: _Change.START, EventType.RETURNED: _Change.START,
    EventType.REASSIGNED: _Change.START, EventType.DEPARTED: _Change.END,
    EventType.DISMISSED: _Change.END, EventType.LEAVE: _Change.LEAVE, EventType.FOUNDED: _Change.FOUNDED,
}
# when stories disagree on the kind of change, the more specific wins a tie
_TYPE_PRIORITY = [EventType.RETURNED, EventType.DISMISSED, EventType.REASSIGNED, EventType.APPOINTED,
                  EventType.DEPARTED, EventType.LEAVE, EventType.FOUNDED]


@lru_cache(maxsize=1 << 16)
def _days(value: DateValue) -> tuple[dt.date, dt.date]:
    return value.first_day, value.last_day


def _window(date: DateValue | None, published: DateValue | None) -> tuple[dt.date, dt.date, bool]:
    """(earliest, latest, dated): an undated change happened on or before the publication day."""
    if date is not None:
        return (*_days(date), True)
    return MIN_DAY, _days(published)[1] if published else MAX_DAY, False


def _sort_day(lo: dt.date, hi: dt.date) -> dt.date:
    return lo if lo != MIN_DAY else hi


def _iso(day: dt.date) -> str:
    return "?" if day in (MIN_DAY, MAX_DAY) else day.isoformat()


def _short_id(prefix: str, parts: Iterable[str]) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def _canonical(aliases: Mapping[str, str], name: str | None) -> str | None:
    return None if name is None else aliases.get(name_key(name), name)
