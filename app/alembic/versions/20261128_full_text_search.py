"""full text search: FTS5 tables on SQLite, tsvector and GIN indexes on PostgreSQL

Revision ID: 862abd4afd5c
Revises: a9316c518bcf
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "862abd4afd5c"
down_revision: str | None = "a9316c518bcf"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SQLITE_UP = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        headline, standfirst, body, content='articles', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, headline, standfirst, body)
        VALUES (new.id, new.headline, new.standfirst, new.body);
    END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, headline, standfirst, body)
        VALUES ('delete', old.id, old.headline, old.standfirst, old.body);
    END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, headline, standfirst, body)
        VALUES ('delete', old.id, old.headline, old.standfirst, old.body);
        INSERT INTO articles_fts(rowid, headline, standfirst, body)
        VALUES (new.id, new.headline, new.standfirst, new.body);
    END""",
    "INSERT INTO articles_fts(rowid, headline, standfirst, body) SELECT id, headline, standfirst, body FROM articles",
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, content='quotes', content_rowid='id', tokenize='porter unicode61')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
    END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
        INSERT INTO quotes_fts(rowid, text) VALUES (new.id, new.text);
    END""",
    "INSERT INTO quotes_fts(rowid, text) SELECT id, text FROM quotes",
]
SQLITE_DOWN = [
    "DROP TRIGGER IF EXISTS quotes_fts_update",
    "DROP TRIGGER IF EXISTS quotes_fts_delete",
    "DROP TRIGGER IF EXISTS quotes_fts_insert",
    "DROP TABLE IF EXISTS quotes_fts",
    "DROP TRIGGER IF EXISTS articles_fts_update",
    "DROP TRIGGER IF EXISTS articles_fts_delete",
    "DROP TRIGGER IF EXISTS articles_fts_insert",
    "DROP TABLE IF EXISTS articles_fts",
]
POSTGRES_UP = [
    """ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(headline, '')), 'A') ||
        setweight(to_tsvector('english', coalesce(standfirst, '')), 'B') ||
        setweight(to_tsvector('english', body), 'C')) STORED""",
    "CREATE INDEX ix_fts_articles_search ON articles USING gin (search)",
    "CREATE INDEX ix_fts_quotes_text ON quotes USING gin (to_tsvector('english', text))",
]
POSTGRES_DOWN = [
    "DROP INDEX IF EXISTS ix_fts_quotes_text",
    "DROP INDEX IF EXISTS ix_fts_articles_search",
    "ALTER TABLE articles DROP COLUMN IF EXISTS search",
]


def _run(statements: list[str]) -> None:
    for statement in statements:
        op.execute(statement)


def upgrade() -> None:
    _run(POSTGRES_UP if op.get_bind().dialect.name == "postgresql" else SQLITE_UP)


def downgrade() -> None:
    _run(POSTGRES_DOWN if op.get_bind().dialect.name == "postgresql" else SQLITE_DOWN)
