"""Checks that hold for every stored article, whatever happened to the server on the way."""

from __future__ import annotations

from typing import Any

from sqlalchemy import create_engine, text


def assert_spans_slice_text(article: dict[str, Any]) -> None:
    """Every quote, cue, speaker and mention span of an article slices its text exactly."""
    body = article["text"]
    for quote in article["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(body), quote
        assert body[quote["start"] : quote["end"]] == quote["text"], quote
        if quote.get("cue_start") is not None:
            assert body[quote["cue_start"] : quote["cue_end"]] == quote["cue"], quote
        speaker = quote["speaker"]
        if speaker and speaker["start"] is not None:
            assert body[speaker["start"] : speaker["end"]] == speaker["mention"], quote
    for entity in article["entities"]:
        for mention in entity["mentions"]:
            assert 0 <= mention["start"] <= mention["end"] <= len(body), mention
            assert body[mention["start"] : mention["end"]] == mention["text"], mention


def comparable(article: dict[str, Any]) -> dict[str, Any]:
    """An article reply without what later articles may legitimately change (entity names)."""
    out = {k: v for k, v in article.items() if k != "entities"}
    out["entities"] = sorted(
        (e["id"], e["type"], tuple((m["text"], m["start"], m["end"]) for m in e["mentions"]))
        for e in article["entities"]
    )
    return out


def scalar(conn: Any, sql: str) -> Any:
    """The single value a query returns."""
    return conn.execute(text(sql)).scalar_one()


def store_problems(database_url: str) -> list[str]:
    """Everything wrong with the stored rows as a whole: orphans, counters that disagree, corruption."""
    engine = create_engine(database_url)
    problems: list[str] = []
    try:
        with engine.connect() as conn:
            checks = {
                "quotes without an article": (
                    "SELECT count(*) FROM quotes q "
                    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = q.article_id)"
                ),
                "mentions without an article": (
                    "SELECT count(*) FROM mentions m "
                    "WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = m.article_id)"
                ),
                "mentions without an entity": (
                    "SELECT count(*) FROM mentions m "
                    "WHERE NOT EXISTS (SELECT 1 FROM entities e WHERE e.id = m.entity_id)"
                ),
                "entities whose mention_count disagrees with their mentions": (
                    "SELECT count(*) FROM entities e WHERE e.mention_count <> "
                    "(SELECT count(*) FROM mentions m WHERE m.entity_id = e.id)"
                ),
                "entities whose article_count disagrees with their mentions": (
                    "SELECT count(*) FROM entities e WHERE e.article_count <> "
                    "(SELECT count(DISTINCT m.article_id) FROM mentions m WHERE m.entity_id = e.id)"
                ),
                "duplicate content hashes": (
                    "SELECT count(*) FROM (SELECT content_hash FROM articles GROUP BY content_hash "
                    "HAVING count(*) > 1) d"
                ),
            }
            for label, sql in checks.items():
                n = scalar(conn, sql)
                if n:
                    problems.append(f"{n} {label}")
            if engine.dialect.name == "sqlite":
                integrity = [row[0] for row in conn.execute(text("PRAGMA integrity_check"))]
                if integrity != ["ok"]:
                    problems.append(f"integrity_check: {integrity[:5]}")
                foreign = list(conn.execute(text("PRAGMA foreign_key_check")))
                if foreign:
                    problems.append(f"foreign_key_check: {foreign[:5]}")
    finally:
        engine.dispose()
    return problems


def stored_counts(database_url: str) -> dict[int, tuple[str, int, int]]:
    """For every stored article: its text, how many quotes and how many mentions it has."""
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                text(
                    "SELECT a.id, a.text, "
                    "(SELECT count(*) FROM quotes q WHERE q.article_id = a.id), "
                    "(SELECT count(*) FROM mentions m WHERE m.article_id = a.id) FROM articles a"
                )
            )
            return {int(r[0]): (str(r[1]), int(r[2]), int(r[3])) for r in rows}
    finally:
        engine.dispose()
