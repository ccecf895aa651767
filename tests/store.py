"""The suite's store: emptying every table between tests."""

from __future__ import annotations

from sqlalchemy import create_engine, text

TABLES = (
    "jobs",
    "batches",
    "article_bands",
    "article_json",
    "quotes",
    "statements",
    "mentions",
    "entities",
    "articles",
    "idempotency_keys",
)


def wipe(database_url: str) -> None:
    """Empty every table of the suite's database."""
    engine = create_engine(database_url)
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":
            conn.execute(text(f"TRUNCATE {', '.join(TABLES)} RESTART IDENTITY CASCADE"))
        else:
            for table in TABLES:
                conn.execute(text(f"DELETE FROM {table}"))
    engine.dispose()
