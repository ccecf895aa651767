"""real copy: web pages kept as sent, languages, story clusters, statements

Revision ID: c4d1e2f3a5b6
Revises: 3d8e61c0b7a4
Create Date: 2026-12-01 21:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op


revision: str = "c4d1e2f3a5b6"
down_revision: str | None = "3d8e61c0b7a4"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN (no batch copy of the table on SQLite, which would drop the full-text triggers).
    op.add_column("articles", sa.Column("html", sa.Text(), nullable=True))
    op.add_column("articles", sa.Column("extraction", sa.JSON(), nullable=True))
    op.add_column("articles", sa.Column("cluster_id", sa.Integer(), nullable=True))
    op.add_column("articles", sa.Column("minhash", sa.LargeBinary(), nullable=True))
    op.create_index("ix_articles_cluster", "articles", ["cluster_id", "id"])
    op.create_table(
        "article_bands",
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("band", sa.SmallInteger(), nullable=False),
        sa.Column("hash", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name=op.f("fk_article_bands_article_id_articles"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("article_id", "band", name=op.f("pk_article_bands")),
    )
    op.create_index("ix_article_bands_hash", "article_bands", ["hash"])
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_norm", sa.String(length=300), nullable=False),
        sa.Column("speaker_name", sa.String(length=300), nullable=False),
        sa.Column("speaker_entity_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("words_key", sa.String(length=32), nullable=False),
        sa.Column("head_key", sa.String(length=32), nullable=False),
        sa.Column("tail_key", sa.String(length=32), nullable=False),
        sa.Column("article_count", sa.Integer(), server_default="0", nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"],
            ["entities.id"],
            name=op.f("fk_statements_speaker_entity_id_entities"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statements")),
    )
    op.create_index("ix_statements_words", "statements", ["speaker_norm", "words_key"])
    op.create_index("ix_statements_head", "statements", ["speaker_norm", "head_key"])
    op.create_index("ix_statements_tail", "statements", ["speaker_norm", "tail_key"])
    op.create_index("ix_statements_carried", "statements", ["article_count", "id"])
    op.add_column("quotes", sa.Column("statement_id", sa.Integer(), nullable=True))
    op.create_index("ix_quotes_statement", "quotes", ["statement_id", "article_id"])


def downgrade() -> None:
    op.drop_index("ix_quotes_statement", table_name="quotes")
    with op.batch_alter_table("quotes", schema=None) as batch_op:
        batch_op.drop_column("statement_id")
    op.drop_index("ix_statements_carried", table_name="statements")
    op.drop_index("ix_statements_tail", table_name="statements")
    op.drop_index("ix_statements_head", table_name="statements")
    op.drop_index("ix_statements_words", table_name="statements")
    op.drop_table("statements")
    op.drop_index("ix_article_bands_hash", table_name="article_bands")
    op.drop_table("article_bands")
    op.drop_index("ix_articles_cluster", table_name="articles")
    with op.batch_alter_table("articles", schema=None) as batch_op:
        batch_op.drop_column("minhash")
        batch_op.drop_column("cluster_id")
        batch_op.drop_column("extraction")
        batch_op.drop_column("html")
