"""Articles serialised at write time: the reply of `GET /v1/articles/{id}` and each article's list summary,
rendered from the tables in the transaction that stores, re-extracts or renames what they show, and sent
on read as the bytes they are (table `article_json`).

The full article names its entities and speakers canonically, and a later article can change a name (a
stored "Ushakov" taken over by "Yuri Ushakov", app/services/linking.py): that writer calls `renamed`, which
renders the articles naming the entity again, or marks them (article NULL) to be computed on read. Nothing
else another article does changes what one article's JSON says (its cluster id and statement ids are set
once, when it is stored), and a deletion takes the row with it. A missing or NULL row is never wrong, only
slower: the read computes the reply from the tables, as before this table existed.
"""

from __future__ import annotations

import contextlib
import functools
from collections.abc import Iterable, Sequence

from sqlalchemy import Connection, Insert, Table, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from app.db import Database, TooCostly
from app.models import Article, ArticleJson, Entity, Mention
from app.schemas import ArticleOut, ArticleSummary
from app.services import queries

TABLE: Table = ArticleJson.__table__  # type: ignore[attr-defined]
ARTICLES: Table = Article.__table__  # type: ignore[attr-defined]
ENTITIES: Table = Entity.__table__  # type: ignore[attr-defined]
MENTIONS: Table = Mention.__table__  # type: ignore[attr-defined]
# How many articles naming a renamed entity are rendered again in the renaming transaction (the newest);
# the others are computed on read until `dateline db render` writes them. A bare surname stored in
# thousands of articles must not hold the write lock for seconds when its first full name arrives.
RENDER_RENAMED_AT_MOST = 100


def summary_of(article: ArticleOut) -> ArticleSummary:
    """The list summary of an article."""
    return ArticleSummary(
        id=article.id,
        headline=article.headline,
        dateline=article.dateline,
        published_at=article.published_at,
        url=article.url,
        source=article.source,
        language=article.language,
        cluster_id=article.cluster_id,
        created_at=article.created_at,
    )


def render(session: Session, article_id: int) -> dict[str, object]:
    """An article's row of article_json, rendered from the session's view of the tables."""
    article = queries.get_article(session, article_id)
    return {
        "article_id": article_id,
        "summary": summary_of(article).model_dump_json().encode("utf-8"),
        "article": article.model_dump_json().encode("utf-8"),
    }


@functools.cache
def _upsert(dialect: str) -> Insert:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert(TABLE)
    # In place, not deleted and inserted: a concurrent rename's UPDATE of the row waits for this one and
    # then applies to what it wrote (PostgreSQL re-checks an updated row; it would not see a new one).
    return stmt.on_conflict_do_update(
        index_elements=["article_id"], set_={"summary": stmt.excluded.summary, "article": stmt.excluded.article}
    )


def store(session: Session, article_ids: Sequence[int], hold_names: bool = True) -> None:
    """Render articles and store their JSON, in the caller's transaction (after everything they show is
    written). hold_names=False when the transaction holds its entities' rows already (an ingest, which
    has updated their counts)."""
    if not article_ids:
        return
    if hold_names and session.get_bind().dialect.name == "postgresql":
        # Hold the names being rendered: a concurrent rename (which updates the entity's key) waits for this
        # commit and then marks what was rendered here, or this waits for the rename and renders the new name.
        named = select(MENTIONS.c.entity_id).where(MENTIONS.c.article_id.in_(article_ids))
        session.execute(select(ENTITIES.c.id).where(ENTITIES.c.id.in_(named)).with_for_update(key_share=True))
    rows = [render(session, article_id) for article_id in article_ids]
    session.execute(_upsert(session.get_bind().dialect.name), rows)


def renamed(session: Session, entity_ids: Iterable[int]) -> None:
    """Entities were given another canonical name in this transaction: every article naming them is marked to
    be computed on read, and the newest RENDER_RENAMED_AT_MOST of them are rendered again at once."""
    ids = sorted(set(entity_ids))
    if not ids:
        return
    naming = select(MENTIONS.c.article_id).where(MENTIONS.c.entity_id.in_(ids)).distinct()
    session.execute(update(TABLE).where(TABLE.c.article_id.in_(naming)).values(article=None))
    newest = naming.order_by(MENTIONS.c.article_id.desc()).limit(RENDER_RENAMED_AT_MOST)
    store(session, list(session.execute(newest).scalars()))


def missing(session: Session, limit: int) -> list[int]:
    """Up to `limit` articles, newest first, whose full JSON is not stored (from before this table, or marked
    by a rename)."""
    stmt = (
        select(ARTICLES.c.id)
        .outerjoin(TABLE, TABLE.c.article_id == ARTICLES.c.id)
        .where(TABLE.c.article.is_(None))
        .order_by(ARTICLES.c.id.desc())
        .limit(limit)
    )
    return list(session.execute(stmt).scalars())


def fill_missing(database: Database, batch: int = 200) -> int:
    """Render every article whose full JSON is not stored, newest first, a batch per transaction; how many."""
    done = 0
    while True:
        with database.write() as session:
            ids = missing(session, batch)
            store(session, ids)
            session.commit()
        done += len(ids)
        if len(ids) < batch:
            return done


STORED_ARTICLE = select(TABLE.c.article).where(TABLE.c.article_id == bindparam("article_id"))


def _stored_on(conn: Connection, article_id: int) -> bytes | None:
    found = conn.execute(STORED_ARTICLE, {"article_id": article_id}).scalar()
    return bytes(found) if found is not None else None


def stored(database: Database, article_id: int) -> bytes | None:
    """An article's stored JSON; None when it has none (computed on read then). Blocking: one statement,
    outside a transaction on PostgreSQL (a single statement sees one moment of the store anyway)."""
    with database.reader.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="AUTOCOMMIT")
        return _stored_on(conn, article_id)


def read_inline(database: Database, article_id: int) -> bytes | None:
    """An article's stored JSON read inline on SQLite (a lookup by key, app/db.py InlineReads); None when it has
    none, when the store is not SQLite, or when the read proved costly (the caller's worker thread then reads
    it with `stored`)."""
    inline = database.inline
    if inline is None:
        return None
    with contextlib.suppress(TooCostly):
        found = inline.run(lambda _: inline.rows(STORED_ARTICLE, {"article_id": article_id}))
        return found[0][0] if found else None
    return None
