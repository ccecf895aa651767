"""Frozen results of extraction: every piece is a span over the article text as submitted."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of the article text that carries prose: headline, standfirst, subheading or paragraph."""

    kind: str  # "headline" | "standfirst" | "subheading" | "paragraph"
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place/date/agency prefix of a wire story, e.g. ``BISHKEK, March 28. /TASS/.``."""

    place: str | None  # title case: "Bishkek"
    date_text: str | None  # as written: "March 28"
    date: dt.date | None  # resolved with published_at when given
    agency: str | None  # "TASS"
    start: int  # span of the whole prefix in the text
    end: int
    place_start: int | None = None  # span of the place as written ("BISHKEK")
    place_end: int | None = None
    agency_start: int | None = None  # span of the agency as written, when it stands in the text
    agency_end: int | None = None


@dataclass(frozen=True, slots=True)
class Structure:
    """The parsed layout of one article."""

    headline: Segment | None
    standfirst: Segment | None
    dateline: Dateline | None
    byline: str | None
    subheadings: tuple[Segment, ...]
    paragraphs: tuple[Segment, ...]  # body paragraphs, the first starting after the dateline prefix
    dropped: tuple[Segment, ...] = ()  # page and wire furniture left out of the body

    def segments(self) -> tuple[Segment, ...]:
        """Every prose segment in text order (what the NLP pipeline reads)."""
        parts = [s for s in (self.headline, self.standfirst) if s is not None]
        parts += [*self.subheadings, *self.paragraphs]
        return tuple(sorted(parts, key=lambda s: s.start))


@dataclass(frozen=True, slots=True)
class Mention:
    """One place in the text where an entity is named."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing named in an article, with all its mentions there."""

    name: str  # canonical: "Donald Trump", "United States"
    type: str  # OntoNotes label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, ...
    key: str  # normalised identity key, stable across articles: "person:donald trump"
    mentions: tuple[Mention, ...]
    country_code: str | None = None  # ISO 3166-1 alpha-2 for countries


@dataclass(frozen=True, slots=True)
class Speaker:
    """Who a quote is attributed to."""

    name: str  # canonical full name, never a pronoun
    entity_key: str | None  # the Entity.key it resolves to, when it is a named entity
    mention: str | None  # what stands at the attribution ("he", "Ushakov"); None when carried over
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: direct (in quotation marks), mixed, or indirect."""

    type: str  # "direct" | "mixed" | "indirect"
    text: str  # text[start:end]; a direct quote without its quotation marks
    start: int
    end: int
    speaker: Speaker | None
    cue: str | None  # the cue verb as written ("told", "said"), or None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything extracted from one article."""

    text: str
    structure: Structure
    entities: tuple[Entity, ...]
    quotes: tuple[Quote, ...]
    language: str
    extractor_version: str
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body(self) -> str:
        """Body paragraphs joined by blank lines."""
        return "\n\n".join(paragraph_text(self.text, p) for p in self.structure.paragraphs)


def paragraph_text(text: str, segment: Segment) -> str:
    """A segment's words with hard-wrapped line breaks folded to spaces."""
    return " ".join(text[segment.start : segment.end].split())
