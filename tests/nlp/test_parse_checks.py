"""The extractor's check function: called between the steps of a parse, and able to stop it."""

from __future__ import annotations

import pytest

from app.nlp import Extractor, ParseAborted
from app.nlp.pipeline import pack_sources

TEXT = (
    "Council approves new bridge\n\nThe city council approved a new bridge on Monday, mayor Ana Ruiz said.\n\n"
    + "".join(f"Item {i}\n" for i in range(300))
)


def test_a_check_that_raises_stops_the_parse(extractor: Extractor) -> None:
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise ParseAborted("enough")

    with pytest.raises(ParseAborted):
        extractor.analyze(TEXT, None, check)
    assert calls == 3


def test_checks_run_between_steps_and_change_nothing(extractor: Extractor) -> None:
    calls = 0

    def check() -> None:
        nonlocal calls
        calls += 1

    checked = extractor.analyze(TEXT, None, check)
    assert calls > len(extractor.nlp.pipeline)  # at least once per pipeline component
    assert checked == extractor.analyze(TEXT, None)


def test_short_segments_are_parsed_packed_and_each_gets_a_doc_of_its_own_text(extractor: Extractor) -> None:
    sources = ["A long enough paragraph of plain prose to be parsed on its own, as it was.", "Item 1", "Item 2", "B"]
    packed, _ = pack_sources(sources)
    assert len(packed) == 2  # the long one alone, the three short ones together
    docs = extractor.parse_segments(sources)
    assert [doc.text for doc in docs] == sources
    assert all(token.head.i < len(doc) for doc in docs for token in doc)
