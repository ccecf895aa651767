"""reporting views for BI tools: quotes with speakers and articles, daily mentions per entity

Revision ID: ffd59640d8ef
Revises: 37e50fc1ef4e
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "ffd59640d8ef"
down_revision: str | None = "37e50fc1ef4e"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

QUOTES_VIEW = """
CREATE VIEW v_quotes AS
SELECT q.id AS quote_id, q.article_id, a.headline, a.published_at, a.agency, a.source, a.url,
       q.type, q.text, q.cue, q.speaker_name, q.speaker_entity_id, e.type AS speaker_type,
       q.start AS quote_start, q."end" AS quote_end
FROM quotes q
JOIN articles a ON a.id = q.article_id
LEFT JOIN entities e ON e.id = q.speaker_entity_id
"""
DAILY_MENTIONS_VIEW = """
CREATE VIEW v_daily_mentions AS
SELECT {day} AS day, e.id AS entity_id, e.name AS entity_name, e.type AS entity_type,
       e.country_code, count(*) AS mentions, count(DISTINCT m.article_id) AS articles
FROM mentions m
JOIN articles a ON a.id = m.article_id
JOIN entities e ON e.id = m.entity_id
GROUP BY 1, e.id, e.name, e.type, e.country_code
"""
DAY = {
    "postgresql": "CAST(date_trunc('day', coalesce(a.published_at, a.created_at) AT TIME ZONE 'UTC') AS date)",
    "sqlite": "date(coalesce(a.published_at, a.created_at))",
}


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    op.execute(QUOTES_VIEW)
    op.execute(DAILY_MENTIONS_VIEW.format(day=DAY.get(dialect, DAY["sqlite"])))


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS v_daily_mentions")
    op.execute("DROP VIEW IF EXISTS v_quotes")
