"""Pure extraction library: text in, frozen dataclasses out. Imports no web, database or settings code."""

from app.nlp.pipeline import EXTRACTOR_VERSION, Check, Extractor, ParseAborted, fold_text, load_model
from app.nlp.types import Analysis, Dateline, Entity, Mention, Quote, Segment, Speaker, Structure

__all__ = [
    "EXTRACTOR_VERSION",
    "Analysis",
    "Check",
    "Dateline",
    "Entity",
    "Extractor",
    "Mention",
    "ParseAborted",
    "Quote",
    "Segment",
    "Speaker",
    "Structure",
    "fold_text",
    "load_model",
]
