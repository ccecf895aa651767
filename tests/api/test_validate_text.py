"""validate_text on its own: what marks a text as binary."""

from __future__ import annotations

import unicodedata

import pytest

from app.errors import BadInput
from app.services.ingest import BINARY_CONTROLS, validate_text

PROSE = "The mayor said the water pipes would be replaced by June. " * 20


def test_binary_controls_are_exactly_the_unicode_controls_but_tab_newlines_and_form_feed() -> None:
    controls = {chr(i) for i in range(0x110000) if unicodedata.category(chr(i)) == "Cc"}
    assert {c for c in controls if BINARY_CONTROLS.match(c)} == controls - {"\t", "\n", "\x0c", "\r"}


@pytest.mark.parametrize("control", ["\x01", "\x1b", "\x7f", "\x85", "\x9f"])
def test_a_flood_of_any_control_character_is_refused_as_binary(control: str) -> None:
    with pytest.raises(BadInput, match="binary"):
        validate_text(PROSE.replace(" ", control, 40), 10_000)


def test_a_few_controls_and_any_amount_of_tabs_and_form_feeds_pass() -> None:
    text = PROSE.replace(" ", "\t", 40).replace(".", ".\x0c", 10).replace("the", "th\x07e", 2)
    assert validate_text(text, 10_000)
