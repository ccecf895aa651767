"""PLACEHOLDER: replaced by the quote extractor."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from app.nlp.types import Entity, Quote, Segment, Structure


def extract_quotes(
    text: str, structure: Structure, docs: Sequence[tuple[Segment, Doc]], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Quotes with speakers (placeholder: none)."""
    return ()
