"""Pure extraction library: text in, frozen dataclasses out. Imports no web, database or settings code."""

from app.nlp.pipeline import EXTRACTOR_VERSION, Extractor, fold_text, load_model
from app.nlp.types import Analysis, Dateline, Entity, Mention, Quote, Segment, Speaker, Structure

__all__ = [
    "EXTRACTOR_VERSION",
    "Analysis",
    "Dateline",
    "Entity",
    "Extractor",
    "Mention",
    "Quote",
    "Segment",
    "Speaker",
    "Structure",
    "fold_text",
    "load_model",
]
