"""list query indexes: a speaker's quotes in quote order, by entity and by name

Revision ID: 7c3f2a91d5e0
Revises: 5b1e0c7d9a42
Create Date: 2026-11-28
"""

from collections.abc import Sequence

from alembic import op

revision: str = "7c3f2a91d5e0"
down_revision: str | None = "5b1e0c7d9a42"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Plain index statements, no batch mode: quotes must not be rebuilt on SQLite (its FTS5 triggers).
def upgrade() -> None:
    op.create_index("ix_quotes_speaker_entity_order", "quotes", ["speaker_entity_id", "article_id", "start"])
    op.create_index("ix_quotes_speaker_norm_order", "quotes", ["speaker_norm", "article_id", "start"])
    op.drop_index("ix_quotes_speaker_entity", table_name="quotes")
    op.drop_index("ix_quotes_speaker_norm", table_name="quotes")


def downgrade() -> None:
    op.create_index("ix_quotes_speaker_norm", "quotes", ["speaker_norm"])
    op.create_index("ix_quotes_speaker_entity", "quotes", ["speaker_entity_id", "article_id"])
    op.drop_index("ix_quotes_speaker_norm_order", table_name="quotes")
    op.drop_index("ix_quotes_speaker_entity_order", table_name="quotes")
