"""Reporting views that BI tools read with SQL agree with the API."""

from __future__ import annotations

from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text

from tests.api.test_reads import ingest_all


def test_views_match_what_the_api_serves(client: TestClient, database_url: str) -> None:
    arts = ingest_all(client)
    engine = create_engine(database_url)
    with engine.connect() as conn:
        quotes = conn.execute(text("SELECT quote_id, speaker_name, headline FROM v_quotes ORDER BY quote_id")).all()
        daily = conn.execute(
            text(
                "SELECT day, entity_name, mentions FROM v_daily_mentions WHERE entity_name = 'Alan Brooks' ORDER BY day"
            )
        ).all()
    engine.dispose()
    api_quotes = client.get("/v1/quotes", params={"limit": 100}).json()["items"]
    assert [q[0] for q in quotes] == sorted(q["id"] for q in api_quotes)
    headlines = {a["id"]: a["headline"] for a in arts.values()}
    by_id = {q["id"]: q for q in api_quotes}
    for quote_id, speaker, headline in quotes:
        assert speaker == (by_id[quote_id]["speaker"] or {}).get("name")
        assert headline == headlines[by_id[quote_id]["article_id"]]
    assert [(str(d)[:10], n) for d, _, n in daily] == [("2024-03-07", 2), ("2024-03-11", 3)]
