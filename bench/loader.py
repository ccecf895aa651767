"""Bulk-load synthetic rows (articles, entities, mentions, quotes) straight into a migrated database.

No spaCy: a pool of synthetic stories is composed once, its structure parsed (pure regular
expressions), and the names and quotes the composer planted become the entity, mention and quote
rows. Article i reuses pool story i % size, published a few minutes after article i - 1, and gets
a reporter sign-off with a generated name, so the entity table grows with the article count the way
a real archive's long tail does. Rows go in with SQLAlchemy core executemany, in chunks.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import Engine, create_engine, event, text

from bench.corpus import FIRST_NAMES, Story, synthetic

SYLLABLES = (
    "ba", "ren", "tol", "vik", "mar", "sen", "do", "lin", "kra", "pe", "zu", "hal", "mo", "ric", "ta", "ven",
    "gor", "li", "sa", "nov", "bre", "ek", "ul", "fa",
)  # fmt: skip
VERSION = "bench-synthetic"
CHUNK = 2000  # articles per transaction


def _fast_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # A bulk load into a throw-away file: no fsync, a large page cache for the index B-trees.
    cursor = dbapi_connection.cursor()
    for pragma in ("PRAGMA synchronous=OFF", "PRAGMA cache_size=-262144", "PRAGMA temp_store=MEMORY"):
        cursor.execute(pragma)
    cursor.close()


def summary_json(row: dict[str, Any]) -> bytes:
    """An article's list summary as the app stores it, from its row (summary_out reads attributes only: a
    namespace of the row serves, where building an Article model took most of the load's time)."""
    from app.services.queries import summary_out

    return summary_out(SimpleNamespace(cluster_id=None, **row)).model_dump_json().encode("utf-8")  # type: ignore[arg-type]


@dataclass(frozen=True)
class PoolItem:
    """A story with everything derived from it that does not depend on its id."""

    text: str
    headline: str | None
    standfirst: str | None
    body: str
    dateline: Any
    structure: dict[str, Any]
    source: str | None
    entities: tuple[tuple[str, str, str, tuple[tuple[str, int, int], ...]], ...]  # key, name, type, mentions
    quotes: tuple[tuple[str, str, int, int, str | None, str | None, str | None], ...]  # ..., speaker, norm, key
    agency_norm: str | None


def _key(kind: str, name: str) -> str:
    from app.services.linking import normalise

    return f"{kind.lower()}:{normalise(name)}"


def prepare(story: Story) -> PoolItem:
    """Parse a story's structure and group its planted names into entities."""
    from app.nlp.structure import parse_structure
    from app.nlp.types import paragraph_text
    from app.services.linking import normalise

    s = parse_structure(story.text, story.published_at)

    def seg(x: Any) -> str | None:
        return None if x is None else paragraph_text(story.text, x)

    def span(x: Any) -> list[int] | None:
        return None if x is None else [x.start, x.end]

    grouped: dict[str, tuple[str, str, list[tuple[str, int, int]]]] = {}
    quotes = []
    for p in story.planted:
        if p.kind.startswith("quote:"):
            who = p.speaker
            norm, key = (normalise(who), _key("PERSON", who)) if who else (None, None)
            quotes.append((p.kind[6:], p.text, p.start, p.end, who, norm, key))
        else:
            grouped.setdefault(_key(p.kind, p.text), (p.text, p.kind, []))[2].append((p.text, p.start, p.end))
    return PoolItem(
        text=story.text,
        headline=seg(s.headline),
        standfirst=seg(s.standfirst),
        body="\n\n".join(paragraph_text(story.text, p) for p in s.paragraphs),
        dateline=s.dateline,
        structure={
            "headline": span(s.headline),
            "standfirst": span(s.standfirst),
            "dateline": None if s.dateline is None else [s.dateline.start, s.dateline.end],
            "subheadings": [span(x) for x in s.subheadings],
            "paragraphs": [span(x) for x in s.paragraphs],
            "dropped": [span(x) for x in s.dropped],
        },
        source=story.source,
        entities=tuple((k, name, kind, tuple(ms)) for k, (name, kind, ms) in grouped.items()),
        quotes=tuple(quotes),
        agency_norm=normalise(s.dateline.agency) if s.dateline and s.dateline.agency else None,
    )


@dataclass
class Loader:
    """Appends synthetic articles to one database, keeping ids and entity identities across calls."""

    url: str
    pool_size: int = 1500
    seed: int = 7
    loaded: int = 0
    entity_ids: dict[str, int] = field(default_factory=dict)
    pool: list[PoolItem] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.engine: Engine = create_engine(self.url)
        if self.engine.dialect.name == "sqlite":
            event.listen(self.engine, "connect", _fast_sqlite)
        self.start = dt.datetime(2023, 1, 1, tzinfo=dt.UTC)

    def resume(self) -> int:
        """Continue a database this loader (same seed and pool) filled earlier: the articles and entities
        there are kept, the next article gets the next id and the same reporter a fresh load would give it.
        How many articles it holds."""
        with self.engine.connect() as conn:
            self.loaded = int(conn.execute(text("SELECT coalesce(max(id), 0) FROM articles")).scalar_one())
            self.entity_ids = {str(k): int(i) for k, i in conn.execute(text("SELECT key, id FROM entities"))}
        self.rng = random.Random(self.seed)
        for _ in range(self.loaded):  # the reporters of the articles already there
            self._reporter()
        return self.loaded

    def prepare_pool(self) -> None:
        """Compose and parse the pool of stories now rather than on the first load."""
        self._pool()

    def _pool(self) -> list[PoolItem]:
        if not self.pool:
            self.pool = [prepare(s) for s in synthetic(self.pool_size, seed=self.seed)]
        return self.pool

    def _entity(self, key: str, name: str, kind: str, rows: list[dict[str, Any]]) -> int:
        from app.services.linking import normalise, surname_of

        found = self.entity_ids.get(key)
        if found is not None:
            return found
        eid = len(self.entity_ids) + 1
        self.entity_ids[key] = eid
        norm = normalise(name)
        rows.append(
            {
                "id": eid,
                "key": key,
                "name": name,
                "norm_name": norm,
                "surname": surname_of(kind, norm),
                "type": kind,
                "country_code": None,
                "mention_count": 0,
                "article_count": 0,
                "created_at": self.start,
            }
        )
        return eid

    def _reporter(self) -> str:
        r = self.rng
        surname = "".join(r.choice(SYLLABLES) for _ in range(r.randint(2, 3))).capitalize()
        return f"{r.choice(FIRST_NAMES)} {surname}"

    def _article(self, aid: int, rows: dict[str, list[dict[str, Any]]]) -> None:
        item = self._pool()[aid % len(self.pool)]
        reporter = self._reporter()
        sign_off = f"\nReporting by {reporter}\n"
        text = item.text + sign_off
        rstart = len(item.text) + len("\nReporting by ")
        stamp = self.start + dt.timedelta(minutes=7 * aid)
        d = item.dateline
        rows["articles"].append(
            {
                "id": aid,
                "text": text,
                "content_hash": hashlib.sha256(f"{aid}\n{text}".encode()).hexdigest(),
                "headline": item.headline,
                "standfirst": item.standfirst,
                "byline": None,
                "body": item.body,
                "dateline_place": d.place if d else None,
                "dateline_date_text": d.date_text if d else None,
                "dateline_date": d.date if d else None,
                "agency": d.agency if d else None,
                "agency_norm": item.agency_norm,
                "subheadings": [],
                "structure": item.structure,
                "published_at": stamp,
                "published_is_date": False,
                "url": f"https://news.example/{aid}",
                "source": item.source,
                "language": "en",
                "extractor_version": VERSION,
                "created_at": stamp,
                "updated_at": stamp,
            }
        )
        rows["article_json"].append({"article_id": aid, "summary": summary_json(rows["articles"][-1]), "article": None})
        ids: dict[str, int] = {}
        entities = [
            *item.entities,
            (_key("PERSON", reporter), reporter, "PERSON", ((reporter, rstart, rstart + len(reporter)),)),
        ]
        for key, name, kind, mentions in entities:
            eid = ids[key] = self._entity(key, name, kind, rows["entities"])
            for mtext, start, end in mentions:
                rows["mentions"].append(
                    {
                        "article_id": aid,
                        "entity_id": eid,
                        "text": mtext,
                        "start": start,
                        "end": end,
                        "local_type": kind,
                        "extractor_version": VERSION,
                    }
                )
        for qtype, qtext, start, end, speaker, speaker_norm, speaker_key in item.quotes:
            rows["quotes"].append(
                {
                    "article_id": aid,
                    "type": qtype,
                    "text": qtext,
                    "start": start,
                    "end": end,
                    "cue": "said",
                    "cue_start": None,
                    "cue_end": None,
                    "speaker_name": speaker,
                    "speaker_norm": speaker_norm,
                    "speaker_mention": speaker,
                    "speaker_start": None,
                    "speaker_end": None,
                    "speaker_entity_id": ids.get(speaker_key) if speaker_key else None,
                    "extractor_version": VERSION,
                }
            )

    def load_to(self, total: int) -> int:
        """Append articles until the database holds `total` of them; how many were added."""
        from app.models import Article, ArticleJson, Entity, Mention, Quote

        tables = {
            "entities": Entity.__table__,  # type: ignore[attr-defined]
            "articles": Article.__table__,  # type: ignore[attr-defined]
            "article_json": ArticleJson.__table__,  # type: ignore[attr-defined]
            "mentions": Mention.__table__,  # type: ignore[attr-defined]
            "quotes": Quote.__table__,  # type: ignore[attr-defined]
        }
        added = 0
        if self.loaded >= total:
            return 0
        indexes = self._drop_indexes()  # building them once afterwards is far faster than row by row
        while self.loaded < total:
            rows: dict[str, list[dict[str, Any]]] = {name: [] for name in tables}
            upto = min(total, self.loaded + CHUNK)
            for aid in range(self.loaded + 1, upto + 1):
                self._article(aid, rows)
            with self.engine.begin() as conn:
                for name, table in tables.items():  # entities before the rows that refer to them
                    if rows[name]:
                        self._insert(conn, table, rows[name])
            added += upto - self.loaded
            self.loaded = upto
        with self.engine.begin() as conn:
            for ddl in indexes:
                conn.execute(text(ddl))
        self._finish()
        return added

    def render(self) -> int:
        """Store the full JSON of every article, as ingest would have (the loader stores only summaries, which
        need no query); how many. About a millisecond an article: for the read benchmark, not for 1M rows."""
        from app.db import make_database
        from app.services import article_json

        database = make_database(self.url)
        try:
            return article_json.fill_missing(database, batch=1000)
        finally:
            database.dispose()

    def _drop_indexes(self) -> list[str]:
        """Drop the secondary indexes of the loaded tables; the DDL that recreates them exactly."""
        tables = ("articles", "entities", "mentions", "quotes")
        with self.engine.begin() as conn:
            if self.engine.dialect.name == "postgresql":
                found = conn.execute(
                    text(
                        "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = current_schema() "
                        "AND i.tablename = ANY(:tables) AND NOT EXISTS (SELECT 1 FROM pg_constraint c "
                        "WHERE c.conname = i.indexname)"
                    ),
                    {"tables": list(tables)},
                ).all()
            else:
                found = conn.execute(
                    text(
                        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                        f"AND tbl_name IN ({', '.join(repr(t) for t in tables)})"
                    )
                ).all()
            for name, _ in found:
                conn.execute(text(f'DROP INDEX "{name}"'))
        return [ddl for _, ddl in found]

    def _insert(self, conn: Any, table: Any, rows: list[dict[str, Any]]) -> None:
        """SQLite: core executemany. PostgreSQL: COPY through the same connection (executemany there
        sends one statement per row and would make the 100k load take many minutes)."""
        if self.engine.dialect.name != "postgresql":
            conn.execute(table.insert(), rows)
            return
        from psycopg.types.json import Json

        columns = list(rows[0])
        json_columns = {c.name for c in table.columns if c.type.__class__.__name__ == "JSON"}
        cursor = conn.connection.driver_connection.cursor()
        names = ", ".join(f'"{c}"' for c in columns)
        with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row([Json(row[c]) if c in json_columns else row[c] for c in columns])

    def _finish(self) -> None:
        """Entity counts from the mentions, sequences past the explicit ids, fresh planner statistics (and, on
        PostgreSQL, a vacuumed visibility map)."""
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "UPDATE entities SET "
                    "mention_count = (SELECT count(*) FROM mentions m WHERE m.entity_id = entities.id), "
                    "article_count = (SELECT count(DISTINCT m.article_id) FROM mentions m "
                    "WHERE m.entity_id = entities.id)"
                )
            )
            if self.engine.dialect.name == "postgresql":
                for table in ("articles", "entities", "mentions", "quotes"):
                    conn.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                            f"(SELECT coalesce(max(id), 1) FROM {table}))"
                        )
                    )
        with self.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # PostgreSQL: VACUUM too, as autovacuum would soon after a bulk load on a live server (this
            # machine's has it off), so the visibility map lets counts be answered from indexes alone.
            conn.execute(text("VACUUM ANALYZE" if self.engine.dialect.name == "postgresql" else "ANALYZE"))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        with self.engine.connect() as conn:
            return {
                t: int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                for t in ("articles", "entities", "mentions", "quotes")
            }

    def dispose(self) -> None:
        """Close the loader's connections."""
        self.engine.dispose()
