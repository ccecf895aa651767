"""Entity identity across articles: one row per real-world thing, found again by key or surname."""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import (
    CompoundSelect,
    Insert,
    Select,
    Table,
    Update,
    bindparam,
    func,
    null,
    select,
    text,
    union_all,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.elements import TextClause
from sqlmodel import Session

from app import nlp
from app.models import Entity, Quote, utcnow


def normalise(name: str) -> str:
    """Lower case, no accents, single spaces: the form names are compared in."""
    if name.isascii():  # nothing to decompose: the same result, without a pass over each character
        return " ".join(name.lower().split())
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(bare.replace("’", "'").casefold().split())


def agency_key(agency: str | None) -> str | None:
    """The form an agency (or a source standing for one) is stored and filtered in: normalised, cut to the
    width of its column (a source may be longer), so the agency filter compares the same prefix on both
    stores."""
    return normalise(agency or "")[:100] or None


def surname_of(entity_type: str, norm_name: str) -> str | None:
    """The last word of a person's name, the handle a bare surname mention links by."""
    if entity_type != "PERSON" or not norm_name:
        return None
    return norm_name.split()[-1][:100]


ENTITIES: Table = Entity.__table__  # type: ignore[attr-defined]


@functools.cache
def _insert_statement(dialect: str) -> Insert:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return insert(ENTITIES).on_conflict_do_nothing(index_elements=["key"]).returning(ENTITIES.c.key, ENTITIES.c.id)


def _insert_missing(session: Session, rows: list[dict[str, object]]) -> dict[str, int]:
    """Insert entities in key order, leaving rows another writer inserted first as they are; the ids of
    the rows this call inserted, by key."""
    stmt = _insert_statement(session.get_bind().dialect.name)
    return {key: entity_id for key, entity_id in session.execute(stmt, rows)}


def _ids_by_key(session: Session, keys: list[str]) -> dict[str, int]:
    stmt = select(ENTITIES.c.key, ENTITIES.c.id).where(ENTITIES.c.key.in_(keys))
    return {key: entity_id for key, entity_id in session.execute(stmt)}


class _Person(NamedTuple):
    """A stored person, as much as surname linking needs."""

    id: int
    norm_name: str
    name: str


class LinkedIds(dict[str, int]):
    """Stored entity ids by the article's entity keys, the stored (canonical) name of each entity the article
    names differently (a bare "Ushakov" linked to the stored "Yuri Ushakov" is named "Yuri Ushakov"), and the
    stored entities this article gave a new name (a stored "Ushakov" taken over by "Yuri Ushakov")."""

    def __init__(self) -> None:
        super().__init__()
        self.names: dict[str, str] = {}
        self.renamed: list[int] = []


# Linking by surname only asks whether exactly one stored person with a surname has a full name, or
# exactly one only the bare surname: two of each kind (the first two by id) answer that as well as all.
NAMESAKES_PER_KIND = 2


@functools.cache
def _stored_query(with_people: bool) -> Select[Any] | CompoundSelect[Any]:
    """Stored entities by key (surname NULL), and when asked, people by surname (up to NAMESAKES_PER_KIND
    with a full name and as many with the bare surname, for each surname)."""
    table = ENTITIES
    by_key = select(table.c.id, table.c.key, table.c.norm_name, table.c.name, null().label("surname")).where(
        table.c.key.in_(bindparam("keys", expanding=True))
    )
    if not with_people:
        return by_key
    kind = table.c.norm_name.contains(" ")
    rank = func.row_number().over(partition_by=(table.c.surname, kind), order_by=table.c.id).label("rank")
    people = (
        select(table.c.id, table.c.key, table.c.norm_name, table.c.name, table.c.surname, rank)
        .where(table.c.type == "PERSON", table.c.surname.in_(bindparam("surnames", expanding=True)))
        .subquery()
    )
    namesakes = select(people.c.id, people.c.key, people.c.norm_name, people.c.name, people.c.surname).where(
        people.c.rank <= NAMESAKES_PER_KIND
    )
    return union_all(by_key, namesakes)


def _stored(session: Session, keys: list[str], surnames: list[str]) -> tuple[LinkedIds, dict[str, list[_Person]]]:
    """In one query: the ids of stored entities by key, and stored people by surname."""
    ids = LinkedIds()
    found: dict[str, list[_Person]] = {}
    params = {"keys": keys, "surnames": surnames} if surnames else {"keys": keys}
    for entity_id, key, norm_name, name, surname in session.execute(_stored_query(bool(surnames)), params):
        if surname is None:
            ids[key] = entity_id
        else:
            found.setdefault(surname, []).append(_Person(entity_id, norm_name, name))
    return ids, found


QUOTES: Table = Quote.__table__  # type: ignore[attr-defined]


def _take_over(session: Session, entity_id: int, found: nlp.Entity, norm_name: str) -> None:
    """Give a stored bare-surname person the key and full name of the person it turns out to be, and the
    quotes stored under the bare surname that full name (a speaker is named canonically across articles)."""
    values = {"key": found.key, "name": found.name, "norm_name": norm_name}
    session.execute(update(ENTITIES).where(ENTITIES.c.id == entity_id).values(**values))
    session.execute(
        update(QUOTES)
        .where(QUOTES.c.speaker_entity_id == entity_id, QUOTES.c.speaker_norm != norm_name)
        .values(speaker_name=found.name, speaker_norm=norm_name)
    )


def link_entities(session: Session, entities: Sequence[nlp.Entity]) -> LinkedIds:
    """The stored entity id for each of an article's entities (by key): found by key, or a person by an
    unambiguous surname, or created. A few statements per article, whatever its number of entities.

    "Trump" alone links to the one stored person surnamed Trump (and `names` gives "Donald Trump" for its
    key); "Donald Trump" arriving after a bare "Trump" takes that row over and gives it the full name.
    Rows are written in key order, so two articles naming the same new entities take their locks in the
    same order (no deadlock).
    """
    ordered = sorted({e.key: e for e in entities}.values(), key=lambda e: e.key)
    if not ordered:
        return LinkedIds()
    person_norms = {e.key: normalise(e.name) for e in ordered if e.type == "PERSON"}
    surnames = {key: surname_of("PERSON", norm_name) for key, norm_name in person_norms.items()}
    ids, namesakes = _stored(session, [e.key for e in ordered], sorted({s for s in surnames.values() if s}))
    missing = [e for e in ordered if e.key not in ids]
    norms = {e.key: person_norms.get(e.key) or normalise(e.name) for e in missing}
    rows: list[dict[str, object]] = []
    for found in missing:
        norm_name, surname = norms[found.key], surnames.get(found.key)
        people = namesakes.get(surname or "", [])
        full = [p for p in people if " " in p.norm_name]
        bare = [p for p in people if " " not in p.norm_name]
        if surname and " " not in norm_name and len(full) == 1:
            ids[found.key] = full[0].id
            ids.names[found.key] = full[0].name
            continue
        if surname and " " in norm_name and len(bare) == 1 and not full:
            entity_id = bare[0].id
            _take_over(session, entity_id, found, norm_name)
            ids.renamed.append(entity_id)
            namesakes[surname] = [_Person(entity_id, norm_name, found.name)]
            ids[found.key] = entity_id
            continue
        rows.append(
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
            }
        )
    if rows:
        ids.update(_insert_missing(session, rows))
        taken = [str(r["key"]) for r in rows if r["key"] not in ids]  # inserted by a concurrent writer
        if taken:
            ids.update(_ids_by_key(session, taken))
    return ids


# One statement for all of an article's entities. The rows are locked in id order first (ORDER BY under
# a locking clause locks in that order; NO KEY UPDATE is the lock the UPDATE itself takes, which lets
# other writers' mention inserts check the entity foreign key meanwhile), so two articles sharing
# entities never wait on each other crosswise.
PG_COUNT_MENTIONS = """
UPDATE entities SET mention_count = entities.mention_count + counts.mentions,
                    article_count = entities.article_count + CAST(:articles AS integer)
FROM (SELECT e.id, c.mentions
      FROM entities e JOIN unnest(CAST(:ids AS integer[]), CAST(:mentions AS integer[])) AS c(id, mentions)
           ON e.id = c.id
      ORDER BY e.id
      FOR NO KEY UPDATE OF e) AS counts
WHERE entities.id = counts.id
"""


@functools.cache
def _pg_count_mentions() -> TextClause:
    return text(PG_COUNT_MENTIONS)


@functools.cache
def _count_statement() -> Update:
    table = ENTITIES
    counts = {
        "mention_count": table.c.mention_count + bindparam("mentions"),
        "article_count": table.c.article_count + bindparam("articles"),
    }
    return update(table).where(table.c.id == bindparam("entity_id")).values(**counts)


def count_mentions(session: Session, counts: dict[int, int], articles: int = 1) -> None:
    """Add one article and its mentions to each entity's running counts (articles=-1 and negative counts take
    one away), in id order."""
    if not counts:
        return
    ordered = sorted(counts.items())
    if session.get_bind().dialect.name == "postgresql":
        params = {"ids": [i for i, _ in ordered], "mentions": [n for _, n in ordered], "articles": articles}
        session.execute(_pg_count_mentions(), params)
        return
    session.execute(_count_statement(), [{"entity_id": i, "mentions": n, "articles": articles} for i, n in ordered])
