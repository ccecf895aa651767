"""bounded search vectors: PostgreSQL never refuses a text for its search vector's size

A tsvector holds at most 1 MB; to_tsvector over a long text of many distinct words passes that and the
INSERT failed (a 500 where SQLite stores the article). The vectors now come from two functions that build
the vector of the whole text, and when it would be too large, of its first 100,000 characters, then of its
first 20,000: such a text is found by the words of that beginning only. SQLite's FTS5 has no such limit
and is unchanged.

Revision ID: b7d41e2c9f30
Revises: c4d1e2f3a5b6
Create Date: 2026-12-01
"""

from collections.abc import Sequence

from alembic import op

revision: str = "b7d41e2c9f30"
down_revision: str | None = "c4d1e2f3a5b6"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# 54000 is program_limit_exceeded: "string is too long for tsvector".
POSTGRES_UP = [
    """CREATE FUNCTION dateline_tsvector(doc text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
        RETURN to_tsvector('english', coalesce(doc, ''));
    EXCEPTION WHEN program_limit_exceeded THEN
        BEGIN
            RETURN to_tsvector('english', left(doc, 100000));
        EXCEPTION WHEN program_limit_exceeded THEN
            RETURN to_tsvector('english', left(doc, 20000));
        END;
    END $$""",
    """CREATE FUNCTION dateline_article_search(headline text, standfirst text, body text) RETURNS tsvector
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
    BEGIN
        RETURN setweight(dateline_tsvector(headline), 'A') || setweight(dateline_tsvector(standfirst), 'B')
            || setweight(dateline_tsvector(body), 'C');
    EXCEPTION WHEN program_limit_exceeded THEN
        RETURN setweight(dateline_tsvector(left(headline, 2000)), 'A')
            || setweight(dateline_tsvector(left(standfirst, 2000)), 'B')
            || setweight(dateline_tsvector(left(body, 20000)), 'C');
    END $$""",
    "ALTER TABLE articles DROP COLUMN search",
    """ALTER TABLE articles ADD COLUMN search tsvector
        GENERATED ALWAYS AS (dateline_article_search(headline, standfirst, body)) STORED""",
    "CREATE INDEX ix_fts_articles_search ON articles USING gin (search)",
    "DROP INDEX ix_fts_quotes_text",
    "CREATE INDEX ix_fts_quotes_text ON quotes USING gin (dateline_tsvector(text))",
]
POSTGRES_DOWN = [
    "DROP INDEX ix_fts_quotes_text",
    "CREATE INDEX ix_fts_quotes_text ON quotes USING gin (to_tsvector('english', text))",
    "ALTER TABLE articles DROP COLUMN search",
    """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
        setweight(to_tsvector('english', body), 'C')) STORED""",
    "CREATE INDEX ix_fts_articles_search ON articles USING gin (search)",
    "DROP FUNCTION dateline_article_search(text, text, text)",
    "DROP FUNCTION dateline_tsvector(text)",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_UP:
            op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for statement in POSTGRES_DOWN:
            op.execute(statement)
