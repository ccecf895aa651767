"""Entity identity across articles: one row per real-world thing, found again by key or surname."""

from __future__ import annotations

import unicodedata

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, select

from app import nlp
from app.models import Entity, utcnow


def normalise(name: str) -> str:
    """Lower case, no accents, single spaces: the form names are compared in."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").casefold().split())


def surname_of(entity_type: str, norm_name: str) -> str | None:
    """The last word of a person's name, the handle a bare surname mention links by."""
    if entity_type != "PERSON" or not norm_name:
        return None
    return norm_name.split()[-1][:100]


def _insert_ignoring_conflict(session: Session, values: dict[str, object]) -> None:
    dialect = session.get_bind().dialect.name
    table = Entity.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        session.execute(postgresql.insert(table).values(**values).on_conflict_do_nothing(index_elements=["key"]))
    else:
        session.execute(sqlite.insert(table).values(**values).on_conflict_do_nothing(index_elements=["key"]))


def _by_key(session: Session, key: str) -> Entity | None:
    return session.exec(select(Entity).where(Entity.key == key)).first()


def _people_with_surname(session: Session, surname: str) -> list[Entity]:
    stmt = select(Entity).where(Entity.type == "PERSON", Entity.surname == surname).limit(3)
    return list(session.exec(stmt))


def link_entity(session: Session, found: nlp.Entity) -> Entity:
    """The stored Entity for an article's entity: by key, or a person by an unambiguous surname.

    "Trump" alone links to the one stored person surnamed Trump; "Donald Trump" arriving after a
    bare "Trump" takes that row over and gives it the full name.
    """
    existing = _by_key(session, found.key)
    if existing is not None:
        return existing
    norm_name = normalise(found.name)
    surname = surname_of(found.type, norm_name)
    if surname is not None:
        namesakes = _people_with_surname(session, surname)
        if " " not in norm_name:
            full = [e for e in namesakes if " " in e.norm_name]
            if len(full) == 1:
                return full[0]
        else:
            bare = [e for e in namesakes if " " not in e.norm_name]
            others = [e for e in namesakes if " " in e.norm_name]
            if len(bare) == 1 and not others:
                entity = bare[0]
                entity.key, entity.name, entity.norm_name = found.key, found.name, norm_name
                session.add(entity)
                session.flush()
                return entity
    _insert_ignoring_conflict(
        session,
        {
            "key": found.key,
            "name": found.name,
            "norm_name": norm_name,
            "surname": surname,
            "type": found.type,
            "country_code": found.country_code,
            "mention_count": 0,
            "article_count": 0,
            "created_at": utcnow(),
        },
    )
    stored = _by_key(session, found.key)
    assert stored is not None  # inserted above, or by a concurrent writer
    return stored


def count_mentions(session: Session, entity_id: int, mentions: int) -> None:
    """Add one article and its mentions to an entity's running counts."""
    session.execute(
        update(Entity)
        .where(Entity.id == entity_id)  # type: ignore[arg-type]
        .values(mention_count=Entity.mention_count + mentions, article_count=Entity.article_count + 1)
    )
