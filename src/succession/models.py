"""The typed records that flow through succession.

Every fact carries provenance: the document id and character offsets into ``Document.text`` (the text
the engine reports; cleaning blanks boilerplate in place, so offsets into the cleaned text are offsets
into the original too).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field
from enum import Enum

__all__ = [
    "DateValue", "Document", "Entity", "Event", "EventType", "Mention", "MentionKind", "Modality",
    "Precision", "Quote", "QuoteType", "Rejected", "RoleFact", "Span", "Analysis",
]


class EventType(str, Enum):
    APPOINTED = "appointed"
    DEPARTED = "departed"
    DISMISSED = "dismissed"
    RETURNED = "returned"
    LEAVE = "leave"
    REASSIGNED = "reassigned"
    FOUNDED = "founded"


class Modality(str, Enum):
    ASSERTED = "asserted"
    PLANNED = "planned"
    RUMOURED = "rumoured"
    NEGATED = "negated"
    UNCERTAIN = "uncertain"


class MentionKind(str, Enum):
    PERSON = "person"
    ORG = "org"
    ROLE = "role"
    DATE = "date"


class Precision(str, Enum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


_ISO = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date at the precision the text gives: '2024', '2024-02' or '2024-02-05'."""

    value: str

    def __post_init__(self) -> None:
        if not _ISO.fullmatch(self.value):
            raise ValueError(f"not an ISO date at year, month or day precision: {self.value!r}")

    @property
    def precision(self) -> Precision:
        return (Precision.YEAR, Precision.MONTH, Precision.DAY)[self.value.count("-")]

    @property
    def first_day(self) -> dt.date:
        y, m, d = (int(p) for p in (self.value.split("-") + ["1", "1"])[:3])
        return dt.date(y, m, d)

    @property
    def last_day(self) -> dt.date:
        parts = [int(p) for p in self.value.split("-")]
        if len(parts) == 3:
            return dt.date(*parts)
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
        return dt.date(parts[0], 12, 31)

    @classmethod
    def of(cls, day: dt.date, precision: Precision = Precision.DAY) -> "DateValue":
        text = {Precision.DAY: day.isoformat(), Precision.MONTH: day.isoformat()[:7],
                Precision.YEAR: day.isoformat()[:4]}[precision]
        return cls(text)

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a document's text, with the text itself for convenience."""

    start: int
    end: int
    text: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}:{self.end}")


@dataclass(frozen=True, slots=True)
class Document:
    """One article as read from its source. ``text`` is what offsets refer to."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None  # as given by the source (JSON field, HTML metadata), unparsed
    lang: str | None = None  # as given by the source
    source: str = ""  # path (and line) it was read from


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that could not be read as an article, and why (the message names the input)."""

    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class Mention:
    doc_id: str
    start: int
    end: int
    text: str
    kind: MentionKind
    norm: str  # canonical form: a person's full name, an organisation's name, a role's canonical English name
    entity: int | None = None  # index of the document-local entity it belongs to


@dataclass(frozen=True, slots=True)
class Entity:
    """A person or organisation as resolved inside one document (later: across documents)."""

    name: str
    kind: MentionKind
    variants: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    """A change of position: who, what kind of change, which role, where, when, how certain, and the evidence."""

    doc_id: str
    type: EventType
    holder: str
    holder_kind: MentionKind
    role: str | None
    org: str | None
    date: DateValue | None
    modality: Modality
    evidence: Span
    trigger: Span | None = None
    rule: str = ""  # which rule produced it (provenance)
    confidence: float = 0.5
    date_text: str | None = None  # the expression the date was resolved from


@dataclass(frozen=True, slots=True)
class RoleFact:
    """A role stated as held ("Foo Corp CEO Jane Roe"): no change, but evidence for the timeline."""

    doc_id: str
    holder: str
    role: str
    org: str | None
    evidence: Span
    current: bool = True  # False for "former CEO"
    as_of: DateValue | None = None


class QuoteType(str, Enum):
    DIRECT = "direct"  # in quotation marks, or an interview answer
    INDIRECT = "indirect"  # reported speech: "sagte, er sei ...", "said that ..."
    REPORTED = "reported"  # a statement given with its source: "laut X", "according to X"


@dataclass(frozen=True, slots=True)
class Quote:
    """Who said what: the quoted words (``text``; ``parts`` when a speech verb splits them), the speaker as
    the article names them (resolved from pronouns, titles, "the company") and where the text says so."""

    doc_id: str
    text: Span
    type: QuoteType
    speaker: str | None = None
    speaker_kind: MentionKind | None = None
    speaker_span: Span | None = None  # the words that name the speaker here (may be a pronoun)
    cue: Span | None = None  # "sagte", "said", "laut"
    sentence: Span | None = None  # the sentence(s) it stands in, for showing it highlighted
    parts: tuple[Span, ...] = ()
    confidence: float = 0.5


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything the engine learnt from one document."""

    document: Document
    lang: str | None
    published: DateValue | None
    published_basis: str | None  # 'given', 'metadata', 'byline', 'dateline', 'embedded', 'story', None
    boilerplate: tuple[Span, ...] = ()
    mentions: tuple[Mention, ...] = ()
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    facts: tuple[RoleFact, ...] = ()
    quotes: tuple[Quote, ...] = ()
    story: str | None = None
    warnings: tuple[str, ...] = field(default=())
