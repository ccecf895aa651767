"""PLACEHOLDER: replaced by the structure parser."""

from __future__ import annotations

import datetime as dt

from app.nlp.types import Segment, Structure


def parse_structure(text: str, published_at: dt.date | None = None) -> Structure:
    """Split an article into headline and paragraphs (placeholder: first block is the headline)."""
    blocks: list[Segment] = []
    pos = 0
    for chunk in text.split("\n\n"):
        stripped = chunk.strip()
        if stripped:
            start = text.index(stripped, pos)
            blocks.append(Segment("paragraph", start, start + len(stripped)))
        pos += len(chunk) + 2
    if not blocks:
        return Structure(None, None, None, None, (), ())
    head = Segment("headline", blocks[0].start, blocks[0].end)
    return Structure(head, None, None, None, (), tuple(blocks[1:]))
