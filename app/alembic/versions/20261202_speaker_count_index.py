"""speaker count index: a speaker's quotes counted from the speaker indexes alone

Revision ID: 5e8b2d4f6a13
Revises: 9c3f5a1d7e28
Create Date: 2026-12-02

ix_quotes_speaker_entity_order also carries speaker_norm, so `/v1/quotes?speaker=` counts an entity's quotes
stored under another name without reading a row of quotes (app/services/queries.py speaker_quote_count).
"""

from collections.abc import Sequence

from alembic import op

revision: str = "5e8b2d4f6a13"
down_revision: str | None = "9c3f5a1d7e28"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_index("ix_quotes_speaker_entity_order", table_name="quotes")
    op.create_index(
        "ix_quotes_speaker_entity_order", "quotes", ["speaker_entity_id", "article_id", "start", "speaker_norm"]
    )


def downgrade() -> None:
    op.drop_index("ix_quotes_speaker_entity_order", table_name="quotes")
    op.create_index("ix_quotes_speaker_entity_order", "quotes", ["speaker_entity_id", "article_id", "start"])
