"""Settings that derive from others."""

from __future__ import annotations

from app.config import Settings


def test_request_threads_suit_the_store_unless_set() -> None:
    assert Settings(database_url="sqlite:///x.db").request_threads == 2
    assert Settings(database_url="postgresql+psycopg://u@h/db").request_threads == 8
    assert Settings(database_url="sqlite:///x.db", threads=5).request_threads == 5
