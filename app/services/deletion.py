"""Taking articles out of the archive: what extraction stored for an article (its quotes, its mentions and
its share of its entities' counts) and, for a deletion, the article itself. Each runs in the caller's
transaction, so readers see the article as it was or as it is after, never half-removed."""

from __future__ import annotations

from sqlalchemy import Table, delete, exists, func, select
from sqlmodel import Session

from app.db import Database
from app.models import Article, ArticleBand, ArticleJson, Entity, IdempotencyRecord, Mention, Quote
from app.services import statements
from app.services.linking import count_mentions

ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
ENTITIES: Table = Entity.__table__  # type: ignore[attr-defined]
MENTIONS: Table = Mention.__table__  # type: ignore[attr-defined]
QUOTES: Table = Quote.__table__  # type: ignore[attr-defined]
BANDS: Table = ArticleBand.__table__  # type: ignore[attr-defined]
SERIALISED: Table = ArticleJson.__table__  # type: ignore[attr-defined]
IDEMPOTENCY: Table = IdempotencyRecord.__table__  # type: ignore[attr-defined]


def remove_extraction(session: Session, article_id: int) -> list[int]:
    """Delete an article's quotes and mentions and take them out of their entities' counts; the ids of the
    entities it mentioned (for drop_unmentioned once the caller has written whatever replaces them)."""
    per_entity = session.execute(
        select(MENTIONS.c.entity_id, func.count())
        .where(MENTIONS.c.article_id == article_id)
        .group_by(MENTIONS.c.entity_id)
    ).all()
    counts = {entity_id: -n for entity_id, n in per_entity}
    statements.forget_article(session, article_id)
    session.execute(delete(QUOTES).where(QUOTES.c.article_id == article_id))
    session.execute(delete(MENTIONS).where(MENTIONS.c.article_id == article_id))
    count_mentions(session, counts, articles=-1)
    return sorted(counts)


def drop_unmentioned(session: Session, entity_ids: list[int]) -> None:
    """Delete those of the entities that no article mentions and no quote names as its speaker any more, so
    lists, prefix search and surname linking no longer find them."""
    if not entity_ids:
        return
    mentioned = exists().where(MENTIONS.c.entity_id == ENTITIES.c.id)
    quoted = exists().where(QUOTES.c.speaker_entity_id == ENTITIES.c.id)
    session.execute(delete(ENTITIES).where(ENTITIES.c.id.in_(entity_ids), ~mentioned, ~quoted))


def delete_article(database: Database, article_id: int) -> bool:
    """Delete an article with its quotes, mentions, search rows and replayable ingest replies, and take it out
    of its entities' counts, in one transaction; False when there is no such article."""
    with database.write() as session:
        # Locks the row on PostgreSQL, so a concurrent deletion waits here and then finds nothing (SQLite's
        # write transaction is exclusive from its BEGIN).
        found = session.execute(select(ARTICLES.c.id).where(ARTICLES.c.id == article_id).with_for_update()).scalar()
        if found is None:
            return False
        touched = remove_extraction(session, article_id)
        session.execute(delete(BANDS).where(BANDS.c.article_id == article_id))
        session.execute(delete(SERIALISED).where(SERIALISED.c.article_id == article_id))
        session.execute(delete(ARTICLES).where(ARTICLES.c.id == article_id))  # search rows follow (triggers)
        drop_unmentioned(session, touched)
        session.execute(delete(IDEMPOTENCY).where(IDEMPOTENCY.c.location == f"/v1/articles/{article_id}"))
        session.commit()
        return True
