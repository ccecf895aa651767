"""PLACEHOLDER: replaced by the entity extractor."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from app.nlp.types import Entity, Mention, Segment, Structure

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "LANGUAGE"}


def extract_entities(text: str, structure: Structure, docs: Sequence[tuple[Segment, Doc]]) -> tuple[Entity, ...]:
    """spaCy's named entities, one Entity per distinct name and label (placeholder)."""
    found: dict[tuple[str, str], list[Mention]] = {}
    for segment, doc in docs:
        for ent in doc.ents:
            if ent.label_ in LABELS:
                start = segment.start + ent.start_char
                end = segment.start + ent.end_char
                found.setdefault((ent.text, ent.label_), []).append(Mention(text[start:end], start, end))
    return tuple(
        Entity(name=name, type=label, key=f"{label.lower()}:{name.lower()}", mentions=tuple(ms))
        for (name, label), ms in found.items()
    )
