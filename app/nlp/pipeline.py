"""The one parse entry point: raw article text in, an Analysis out."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache

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

    def analyze(self, text: str, published_at: dt.date | None = None) -> Analysis:
        """Extract structure, entities and quotes from one article."""
        return next(self.analyze_many([(text, published_at)]))

    def analyze_many(self, items: Iterable[tuple[str, dt.date | None]]) -> Iterator[Analysis]:
        """Extract many articles, batching their segments through spaCy together."""
        batch: list[tuple[str, dt.date | None]] = []
        for item in items:
            batch.append(item)
            if len(batch) >= 8:
                yield from self._run(batch)
                batch = []
        if batch:
            yield from self._run(batch)

    def _run(self, batch: Sequence[tuple[str, dt.date | None]]) -> Iterator[Analysis]:
        parsed: list[tuple[str, Structure]] = []
        sources: list[str] = []
        for raw, published_at in batch:
            text = fold_text(raw)
            structure = parse_structure(text, published_at)
            parsed.append((text, structure))
            sources.extend(segment_source(text, s) for s in structure.segments())
        docs = iter(self.nlp.pipe(sources, batch_size=self.batch_size))
        for text, structure in parsed:
            pairs = [(segment, next(docs)) for segment in structure.segments()]
            entities = extract_entities(text, structure, pairs)
            quotes = extract_quotes(text, structure, pairs, entities)
            yield Analysis(
                text=text,
                structure=structure,
                entities=entities,
                quotes=quotes,
                language=self.language,
                extractor_version=self.version,
            )


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Load a spaCy pipeline (an installed package's name, or a path) once per process."""
    return spacy.load(name)
