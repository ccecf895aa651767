"""The one parse entry point: raw article text in, an Analysis out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from app.nlp.entities import extract_entities
from app.nlp.quotes import extract_quotes
from app.nlp.structure import parse_structure
from app.nlp.types import Analysis, Segment, Structure

EXTRACTOR_VERSION = "0.1.0"
MAX_RUN = 100  # characters spaCy sees without a space; longer runs get one every MAX_RUN

SegmentDoc = tuple[Segment, Doc]
# spaCy pays a fixed price per doc (about a millisecond, what two or three tokens cost: each component's
# call, batching, arrays), which 50,000 one-letter paragraphs turn into a minute. Segments shorter than
# PACK_BELOW characters (a few words: past that the fixed price is small beside the words') are parsed
# packed together, PACK_CHARS at most per doc (cutting a segment out reads its pack's entities: packs stay
# small), each then cut back out as a doc of its own. Longer segments are parsed alone, as packing would
# let the parser and the recogniser see their neighbours.
PACK_BELOW = 24
PACK_CHARS = 300
PACK_SEPARATOR = "\n\n"
# The pipeline runs over groups of about this many characters, its deadline checked between steps.
GROUP_CHARS = 20_000
Check = Callable[[], None]


class ParseAborted(Exception):
    """Raised by a check function to stop a parse (its time is up, or nobody waits for it any more)."""


def _no_check() -> None:
    return None


def fold_text(text: str) -> str:
    """Line endings folded to \\n, as the contract stores the text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# spaCy's tokenizer peels affixes off a whitespace-free run one at a time, which is quadratic in the
# run's length: 20,000 quotation marks in a row take minutes. No real word is this long.
LONG_RUN = re.compile(r"\S{%d,}" % (MAX_RUN + 1))  # noqa: UP031


def _break_run(match: re.Match[str]) -> str:
    # Every MAX_RUN-th character becomes a space: the length, hence every offset, stays the same.
    run = match.group()
    spaced = " ".join(run[i : i + MAX_RUN - 1] for i in range(0, len(run), MAX_RUN))
    return spaced.ljust(len(run))


def segment_source(text: str, segment: Segment) -> str:
    """What spaCy reads for a segment: its text with line breaks as spaces, so offsets map 1:1."""
    return LONG_RUN.sub(_break_run, text[segment.start : segment.end].replace("\n", " "))


class Extractor:
    """Runs structure parsing, the spaCy pipeline, entity and quote extraction over articles."""

    def __init__(self, nlp: Language, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        self.language: str = nlp.lang or "en"
        self.version = f"{EXTRACTOR_VERSION}+{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '0')}"

    def analyze(self, text: str, published_at: dt.date | None = None, check: Check = _no_check) -> Analysis:
        """Extract structure, entities and quotes from one article. `check` is called between the steps
        of the parse; an exception it raises (ParseAborted, say, once a deadline passes) ends the parse."""
        return next(self.analyze_many([(text, published_at)], check))

    def analyze_many(self, items: Iterable[tuple[str, dt.date | None]], check: Check = _no_check) -> Iterator[Analysis]:
        """Extract many articles, batching their segments through spaCy together."""
        batch: list[tuple[str, dt.date | None]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= 8:
                yield from self._run(batch, check)
                batch = []
        if batch:
            yield from self._run(batch, check)

    def parse_segments(self, sources: Sequence[str], check: Check = _no_check) -> list[Doc]:
        """One spaCy doc per segment source; short ones are parsed packed together (see PACK_BELOW)."""
        packed, layout = pack_sources(sources)
        docs: list[Doc] = []
        for group in char_groups(packed, GROUP_CHARS):
            check()
            batch = [self.nlp.make_doc(t) for t in group]
            for _, component in self.nlp.pipeline:
                check()
                batch = list(component.pipe(batch, batch_size=self.batch_size))  # type: ignore[attr-defined]
            docs.extend(batch)
        check()
        return unpack_docs(self.nlp, sources, docs, layout)

    def _run(self, batch: Sequence[tuple[str, dt.date | None]], check: Check) -> Iterator[Analysis]:
        parsed: list[tuple[str, Structure]] = []
        sources: list[str] = []
        for raw, published_at in batch:
            check()
            text = fold_text(raw)
            structure = parse_structure(text, published_at)
            parsed.append((text, structure))
            sources.extend(segment_source(text, s) for s in structure.segments())
        docs = iter(self.parse_segments(sources, check))
        for text, structure in parsed:
            check()
            pairs = [(segment, next(docs)) for segment in structure.segments()]
            entities = extract_entities(text, structure, pairs)
            check()
            quotes = extract_quotes(text, structure, pairs, entities)
            yield Analysis(
                text=text,
                structure=structure,
                entities=entities,
                quotes=quotes,
                language=self.language,
                extractor_version=self.version,
            )


# Where a segment's doc comes from: the index of the text parsed, and the segment's character offset in it
# (None when the segment was parsed alone).
Placement = tuple[int, int | None]


def pack_sources(sources: Sequence[str]) -> tuple[list[str], list[Placement]]:
    """The texts spaCy parses: each long segment alone, runs of short ones joined (blank line between)."""
    packed: list[str] = []
    layout: list[Placement] = []
    current: list[str] = []
    size = 0

    def flush() -> None:
        nonlocal current, size
        if current:
            packed.append(PACK_SEPARATOR.join(current))
            current, size = [], 0

    for source in sources:
        if len(source) >= PACK_BELOW or source != source.strip():
            flush()
            layout.append((len(packed), None))
            packed.append(source)
            continue
        if current and size + len(PACK_SEPARATOR) + len(source) > PACK_CHARS:
            flush()
        offset = size + len(PACK_SEPARATOR) if current else 0
        current.append(source)
        size = offset + len(source)
        layout.append((len(packed), offset))
    flush()
    return packed, layout


def unpack_docs(nlp: Language, sources: Sequence[str], docs: Sequence[Doc], layout: Sequence[Placement]) -> list[Doc]:
    """One doc per source: a packed segment's tokens cut out of its packed doc (reparsed alone in the
    unlikely case its tokens do not line up with it exactly)."""
    out: list[Doc] = []
    arrays: dict[int, tuple[Any, Any]] = {}  # a packed doc's attributes as one array, read once
    for source, (which, offset) in zip(sources, layout, strict=True):
        packed = docs[which]
        if offset is None:
            out.append(packed)
            continue
        if which not in arrays:
            head = packed._get_array_attrs()
            arrays[which] = (head, packed.to_array(list(head)))
        head, array = arrays[which]
        span = packed.char_span(offset, offset + len(source))
        # as_doc reads the whole packed doc into an array unless given it: given once per packed doc here
        # (spaCy's stubs leave these keyword arguments out).
        doc = span.as_doc(array_head=head, array=array) if span is not None else None  # type: ignore[call-arg]
        out.append(doc if doc is not None and doc.text == source else nlp(source))
    return out


def char_groups(texts: Sequence[str], size: int) -> Iterator[list[str]]:
    """Consecutive texts in groups of about `size` characters (a longer text makes a group alone)."""
    group: list[str] = []
    total = 0
    for text in texts:
        if group and total + len(text) > size:
            yield group
            group, total = [], 0
        group.append(text)
        total += len(text)
    if group:
        yield group


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline (an installed package's name, or a path) once per process."""
    return spacy.load(name)
