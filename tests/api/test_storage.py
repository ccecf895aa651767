"""Storing analysed articles (Ingestor.store): rows, counts, entity linking across articles, twins and retries,
on the suite's database, with hand-made analyses (no model)."""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, event, text
from sqlalchemy.exc import OperationalError

from app import nlp
from app.db import Database, make_database
from app.services import ingest
from app.services.ingest import Ingestor, Submission, content_hash
from app.services.linking import link_entities, normalise

VERSION = "test-1"


@pytest.fixture
def database(client: TestClient, database_url: str) -> Iterator[Database]:
    """The suite's database, emptied (by the client fixture), opened for the service."""
    db = make_database(database_url)
    yield db
    db.dispose()


@pytest.fixture
def ingestor(database: Database) -> Ingestor:
    """An Ingestor that only stores: the analyses are made by hand."""
    return Ingestor(database, None, 1_000_000)  # type: ignore[arg-type]


def person(name: str) -> tuple[str, str]:
    """(type, key) of a person, keyed as the extractor keys them."""
    return "PERSON", f"person:{name.lower()}"


def analysis(*names: tuple[str, str, str], quote_by: str | None = None, salt: str = "") -> nlp.Analysis:
    """An article naming each (name, type, key) once, in that order; one quote, attributed to quote_by."""
    body = f"{salt} " + " and ".join(name for name, _, _ in names) + ' met. "We agreed," she said.'
    entities = []
    for name, kind, key in names:
        start = body.index(name)
        entities.append(nlp.Entity(name, kind, key, (nlp.Mention(name, start, start + len(name)),)))
    start = body.index("We agreed,")
    speaker = None
    if quote_by is not None:
        by = next(e for e in entities if e.name == quote_by)
        speaker = nlp.Speaker(by.name, by.key, "she", body.index("she"), body.index("she") + 3)
    quote = nlp.Quote(
        "direct", "We agreed,", start, start + 10, speaker, "said", body.index("said"), body.index("said") + 4
    )
    structure = nlp.Structure(None, None, None, None, (), (nlp.Segment("paragraph", 0, len(body)),))
    return nlp.Analysis(body, structure, tuple(entities), (quote,), "en", VERSION)


def store(ingestor: Ingestor, a: nlp.Analysis) -> ingest.IngestResult:
    """Store an analysis as the API would after parsing."""
    return ingestor.store(a, Submission(a.text, source="Reuters"), content_hash(a.text))


def rows(database: Database, sql: str, **params: Any) -> list[tuple[Any, ...]]:
    """Rows of a query, as tuples."""
    with database.read() as session:
        return [tuple(r) for r in session.execute(text(sql), params)]


def entity_ids(database: Database, article_id: int) -> dict[str, int]:
    """The entity id each mention of an article links to, by the mention's text."""
    found = rows(database, "SELECT text, entity_id FROM mentions WHERE article_id = :a", a=article_id)
    return dict(found)  # type: ignore[arg-type]


def test_stored_rows_carry_the_analysis_and_the_counts_follow_the_mentions(
    ingestor: Ingestor, database: Database
) -> None:
    ana, oslo = ("Ana Ruiz", *person("Ana Ruiz")), ("Oslo", "GPE", "gpe:oslo")
    first = store(ingestor, analysis(ana, oslo, quote_by="Ana Ruiz"))
    second = store(ingestor, analysis(("Oslo", "GPE", "gpe:oslo"), ("Acme", "ORG", "org:acme"), salt="Later"))
    assert first.created and second.created and first.article_id != second.article_id

    counts = rows(database, "SELECT key, mention_count, article_count FROM entities ORDER BY key")
    assert counts == [("gpe:oslo", 2, 2), ("org:acme", 1, 1), ("person:ana ruiz", 1, 1)]
    ids = entity_ids(database, first.article_id)
    assert entity_ids(database, second.article_id)["Oslo"] == ids["Oslo"]

    quotes = rows(
        database,
        "SELECT article_id, type, text, cue, speaker_name, speaker_norm, speaker_mention, speaker_entity_id "
        "FROM quotes ORDER BY article_id",
    )
    assert quotes == [
        (first.article_id, "direct", "We agreed,", "said", "Ana Ruiz", "ana ruiz", "she", ids["Ana Ruiz"]),
        (second.article_id, "direct", "We agreed,", "said", None, None, None, None),
    ]
    spans = rows(database, 'SELECT m.text, m.start, m."end", m.local_type FROM mentions m ORDER BY m.id')
    a = analysis(ana, oslo)
    assert spans[0] == ("Ana Ruiz", a.text.index("Ana Ruiz"), a.text.index("Ana Ruiz") + 8, "PERSON")
    article = rows(
        database, "SELECT content_hash, agency_norm, extractor_version FROM articles WHERE id = :i", i=first.article_id
    )
    assert article == [(content_hash(a.text), "reuters", VERSION)]


def test_the_same_text_stored_again_yields_the_stored_article_and_writes_nothing(
    ingestor: Ingestor, database: Database
) -> None:
    a = analysis(("Ana Ruiz", *person("Ana Ruiz")), quote_by="Ana Ruiz")
    first = store(ingestor, a)
    again = store(ingestor, a)
    assert (again.article_id, again.created) == (first.article_id, False)
    assert rows(database, "SELECT count(*) FROM mentions") == [(1,)]
    assert rows(database, "SELECT count(*) FROM quotes") == [(1,)]
    assert rows(database, "SELECT mention_count, article_count FROM entities") == [(1, 1)]


def test_surnames_link_to_the_one_full_name_and_a_full_name_takes_over_a_bare_surname(
    ingestor: Ingestor, database: Database
) -> None:
    full = store(ingestor, analysis(("Alan Brooks", *person("Alan Brooks"))))
    bare = store(ingestor, analysis(("Brooks", *person("Brooks")), salt="Then"))
    brooks = entity_ids(database, full.article_id)["Alan Brooks"]
    assert entity_ids(database, bare.article_id)["Brooks"] == brooks

    lone = store(ingestor, analysis(("Dunmore", *person("Dunmore")), salt="First"))
    dunmore = entity_ids(database, lone.article_id)["Dunmore"]
    named = store(ingestor, analysis(("Claire Dunmore", *person("Claire Dunmore")), salt="Next"))
    assert entity_ids(database, named.article_id)["Claire Dunmore"] == dunmore
    assert rows(database, "SELECT key, name, norm_name, surname FROM entities WHERE id = :i", i=dunmore) == [
        ("person:claire dunmore", "Claire Dunmore", "claire dunmore", "dunmore")
    ]
    # The taken-over row is found by its new key from now on, and counts every article.
    again = store(ingestor, analysis(("Claire Dunmore", *person("Claire Dunmore")), salt="Again"))
    assert entity_ids(database, again.article_id)["Claire Dunmore"] == dunmore
    assert rows(database, "SELECT mention_count, article_count FROM entities WHERE id = :i", i=dunmore) == [(3, 3)]


def test_a_quote_by_a_bare_surname_is_named_as_the_stored_full_name_across_articles(
    ingestor: Ingestor, database: Database
) -> None:
    store(ingestor, analysis(("Alan Brooks", *person("Alan Brooks"))))
    later = store(ingestor, analysis(("Brooks", *person("Brooks")), quote_by="Brooks", salt="Then"))
    sql = "SELECT speaker_name, speaker_norm, speaker_mention FROM quotes WHERE article_id = :a"
    assert rows(database, sql, a=later.article_id) == [("Alan Brooks", "alan brooks", "she")]


def test_quotes_stored_under_a_bare_surname_take_the_full_name_that_takes_the_row_over(
    ingestor: Ingestor, database: Database
) -> None:
    first = store(ingestor, analysis(("Dunmore", *person("Dunmore")), quote_by="Dunmore", salt="First"))
    store(ingestor, analysis(("Claire Dunmore", *person("Claire Dunmore")), salt="Next"))
    sql = "SELECT speaker_name, speaker_norm FROM quotes WHERE article_id = :a"
    assert rows(database, sql, a=first.article_id) == [("Claire Dunmore", "claire dunmore")]


def test_a_surname_two_stored_people_share_links_to_neither(ingestor: Ingestor, database: Database) -> None:
    store(ingestor, analysis(("Ann Lee", *person("Ann Lee")), ("Bo Lee", *person("Bo Lee"))))
    bare = store(ingestor, analysis(("Lee", *person("Lee")), salt="Later"))
    lee = entity_ids(database, bare.article_id)["Lee"]
    assert rows(database, "SELECT name FROM entities WHERE id = :i", i=lee) == [("Lee",)]
    assert rows(database, "SELECT count(*) FROM entities WHERE surname = 'lee'") == [(3,)]


def test_storing_takes_a_few_statements_whatever_the_number_of_entities(ingestor: Ingestor, database: Database) -> None:
    statements: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        statements.append(statement)

    people = [(f"Person{i} Name{i}", *person(f"Person{i} Name{i}")) for i in range(40)]
    places = [(f"Place{i}", "GPE", f"gpe:place{i}") for i in range(40)]
    event.listen(database.writer, "before_cursor_execute", count)
    try:
        store(ingestor, analysis(*people, *places, quote_by=people[0][0]))
        new = len(statements)
        statements.clear()
        store(ingestor, analysis(*people, *places, ("Newcomer", "ORG", "org:newcomer"), salt="Again"))
        known = len(statements)
    finally:
        event.remove(database.writer, "before_cursor_execute", count)
    # 8, and a fixed few for the story's cluster (find, index its bands) and its statements (find, add, count).
    assert new <= 8 + 5, statements
    assert known <= 8 + 5, statements
    assert rows(database, "SELECT sum(mention_count), sum(article_count) FROM entities") == [(161, 161)]


def test_a_deadlock_victim_is_stored_on_the_next_attempt(
    ingestor: Ingestor, database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Deadlock(Exception):
        sqlstate = "40P01"

    real = ingest.write_article_rows
    calls: list[int] = []

    def write_once_aborted(session: Any, *rows: Any) -> None:
        calls.append(1)
        real(session, *rows)  # written, then aborted: nothing the attempt wrote may remain
        if len(calls) == 1:
            raise OperationalError("UPDATE entities ...", {}, Deadlock())

    monkeypatch.setattr(ingest, "write_article_rows", write_once_aborted)
    result = store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), quote_by="Ana Ruiz"))
    assert result.created and len(calls) == 2
    assert rows(database, "SELECT count(*) FROM articles") == [(1,)]
    assert rows(database, "SELECT count(*) FROM mentions") == [(1,)]
    assert rows(database, "SELECT count(*) FROM quotes") == [(1,)]
    assert rows(database, "SELECT mention_count, article_count FROM entities") == [(1, 1)]


def test_other_database_errors_are_not_retried(ingestor: Ingestor, monkeypatch: pytest.MonkeyPatch) -> None:
    class DiskFull(Exception):
        sqlstate = "53100"

    def write_fails(*_: Any) -> None:
        raise OperationalError("UPDATE entities ...", {}, DiskFull())

    monkeypatch.setattr(ingest, "write_article_rows", write_fails)
    with pytest.raises(OperationalError):
        store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz"))))


def test_an_entity_a_concurrent_writer_inserts_first_is_linked_to_its_row(
    database: Database, database_url: str
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite writers take the write lock at BEGIN: no two link entities at once")
    other = create_engine(database_url)
    entity = nlp.Entity("Ana Ruiz", "PERSON", "person:ana ruiz", ())
    linked: dict[str, int] = {}
    try:
        with other.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO entities (key, name, norm_name, surname, type, created_at) "
                    "VALUES ('person:ana ruiz', 'Ana Ruiz', 'ana ruiz', 'ruiz', 'PERSON', now())"
                )
            )

            def link() -> None:
                with database.write() as session:
                    linked.update(link_entities(session, [entity]))
                    session.commit()

            # The link looks the key up before the other transaction commits, so it inserts, waits on the
            # uncommitted row, and then has to find the committed one.
            thread = threading.Thread(target=link)
            thread.start()
            thread.join(timeout=1)
            assert thread.is_alive(), "the insert did not wait for the concurrent writer"
        thread.join(timeout=30)
        with other.connect() as conn:
            stored = conn.execute(text("SELECT id FROM entities WHERE key = 'person:ana ruiz'")).scalar_one()
            assert conn.execute(text("SELECT count(*) FROM entities")).scalar_one() == 1
        assert linked == {"person:ana ruiz": stored}
    finally:
        other.dispose()


def test_names_and_quotes_outside_ascii_are_stored_exactly(ingestor: Ingestor, database: Database) -> None:
    zoe = "Zoë Ødegård-Łukasz 😀"
    a = analysis((zoe, *person(zoe)), ('Back\\slash "Co"', "ORG", "org:backslash"), quote_by=zoe)
    stored = store(ingestor, a)
    assert set(entity_ids(database, stored.article_id)) == {zoe, 'Back\\slash "Co"'}
    assert rows(database, "SELECT speaker_name, speaker_norm FROM quotes") == [(zoe, "zoe ødegard-łukasz 😀")]


def test_the_stored_text_check_finds_articles_and_leaves_pooled_connections_transactional(
    ingestor: Ingestor, database: Database
) -> None:
    a = analysis(("Ana Ruiz", *person("Ana Ruiz")))
    assert ingestor.stored_id(content_hash(a.text)) is None
    stored = store(ingestor, a)
    assert ingestor.stored_id(content_hash(a.text)) == stored.article_id
    for _ in range(3):  # whichever pooled connection the check used, a write on it still rolls back
        with database.write() as session:
            session.execute(text("DELETE FROM articles"))
            session.rollback()
    assert ingestor.stored_id(content_hash(a.text)) == stored.article_id


def test_a_speakers_quote_count_adds_its_name_and_its_entities_without_counting_a_quote_twice(
    client: TestClient, ingestor: Ingestor
) -> None:
    store(ingestor, analysis(("Ana Ruiz", *person("Ana Ruiz")), quote_by="Ana Ruiz"))
    unlinked = analysis(("Oslo", "GPE", "gpe:oslo"), salt="Later")
    quote = unlinked.quotes[0]
    speaker = nlp.Speaker("Ruiz", None, "Ruiz", None, None)  # a bare name the extractor linked to no entity
    store(ingestor, dataclasses.replace(unlinked, quotes=(dataclasses.replace(quote, speaker=speaker),)))
    for ref, expected in (("ruiz", 2), ("Ana Ruiz", 1), ("Ruiz", 2), ("nobody", 0)):
        page = client.get("/v1/quotes", params={"speaker": ref}).json()
        assert page["total"] == len(page["items"]) == expected, ref
    entity_id = client.get("/v1/quotes", params={"speaker": "Ana Ruiz"}).json()["items"][0]["speaker"]["entity_id"]
    assert client.get("/v1/quotes", params={"speaker": str(entity_id)}).json()["total"] == 1


@pytest.mark.parametrize(
    ("names", "compared"),
    [
        (["José Müller", "JOSE  MULLER", "jose muller", " Jose\tMüller "], "jose muller"),
        (["O’Neill", "O'Neill", "o'neill"], "o'neill"),
        (["ŁÓDŹ", "Łódź"], "łodz"),  # Ł has no decomposition: kept, lower-cased
        (["Straße", "STRASSE", "strasse"], "strasse"),  # case folded, not only lowered
    ],
)
def test_names_are_compared_without_case_accents_or_spacing(names: list[str], compared: str) -> None:
    assert {normalise(name) for name in names} == {compared}
