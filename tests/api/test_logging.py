"""Logs: JSON lines with the request id, and neither article text nor keys in them."""

from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading

import pytest
from fastapi.testclient import TestClient
from starlette.requests import ClientDisconnect
from starlette.types import Receive, Scope, Send

from app.logs import DroppingQueueHandler, JsonFormatter, RequestIdFilter, TextFormatter, _Writer
from app.middleware import RequestContext
from tests.api.helpers import assert_problem, post_text, story


def test_access_log_carries_request_id_and_no_text_or_key(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    text = story("harbour.txt")
    response = post_text(client, text, source="secret-source-name")
    rid = response.headers["x-request-id"]
    formatter = JsonFormatter()
    lines = []
    for record in caplog.records:
        if not record.name.startswith(("dateline", "uvicorn", "sqlalchemy", "alembic")):
            continue  # the test client's own log lines
        RequestIdFilter().filter(record)
        lines.append(formatter.format(record))
    access = [json.loads(line) for line in lines if '"dateline.access"' in line]
    assert any(entry["request_id"] == rid and entry["path"] == "/v1/articles" for entry in access)
    assert all(entry["status"] for entry in access)
    joined = "\n".join(lines)
    assert "Marieke Jansen said on Tuesday" not in joined
    assert "test-key" not in joined
    assert "secret-source-name" not in joined


def test_a_client_request_id_is_echoed_in_the_problem(client: TestClient) -> None:
    response = client.get("/v1/articles/424242", headers={"X-Request-ID": "trace-abc.123"})
    body = assert_problem(response, 404)
    assert response.headers["x-request-id"] == "trace-abc.123"
    assert body["request_id"] == "trace-abc.123"


def test_an_unsafe_request_id_is_replaced(client: TestClient) -> None:
    response = client.get("/v1/articles/424242", headers={"X-Request-ID": "bad id\twith spaces" * 10})
    assert response.headers["x-request-id"] != "bad id\twith spaces" * 10
    assert len(response.headers["x-request-id"]) == 32


def test_a_log_stream_nobody_reads_never_blocks_logging_and_drops_are_counted() -> None:
    released = threading.Event()
    written: list[logging.LogRecord] = []

    class StuckSink(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            released.wait()
            written.append(record)

    records: queue.Queue[logging.LogRecord] = queue.Queue(100)
    front = DroppingQueueHandler(records)
    writer = _Writer(records, StuckSink())
    writer.start()
    logger = logging.getLogger("dateline.test.stuck")
    logger.propagate = False
    logger.addHandler(front)
    try:
        burst = threading.Thread(target=lambda: [logger.warning("line %d", n) for n in range(5_000)])
        burst.start()
        burst.join(timeout=60)
        assert not burst.is_alive(), "logging waited for a stream that nobody reads"
        assert front.dropped > 4_000
        released.set()
        records.join()  # the writer caught up
        logger.warning("after the stall")
        writer.stop()
    finally:
        released.set()
        logger.removeHandler(front)
    messages = [record.getMessage() for record in written]
    assert any("log records dropped" in m for m in messages)
    assert messages[-1] == "after the stall"


def _served_by_request_context(failure: BaseException) -> TestClient:
    async def failing(scope: Scope, receive: Receive, send: Send) -> None:
        raise failure

    return TestClient(RequestContext(failing), raise_server_exceptions=True)


def test_an_unexpected_error_is_answered_and_logged_once_with_its_request_id(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    response = _served_by_request_context(RuntimeError("boom")).get("/v1/anything")
    body = assert_problem(response, 500)
    assert body["request_id"] == response.headers["x-request-id"]
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1
    assert errors[0].request_id == body["request_id"]  # type: ignore[attr-defined]
    assert errors[0].exc_info is not None
    access = [r for r in caplog.records if r.name == "dateline.access"]
    assert [r.status for r in access] == [500]  # type: ignore[attr-defined]


def test_a_client_that_disconnects_is_not_an_error(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    with pytest.raises(AssertionError, match="did not receive any response"):  # nothing is sent to nobody
        _served_by_request_context(ClientDisconnect()).post("/v1/articles")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    access = [r for r in caplog.records if r.name == "dateline.access"]
    assert [r.status for r in access] == [499]  # type: ignore[attr-defined]


def test_text_logs_show_the_request_fields_and_json_logs_carry_no_terminal_colours() -> None:
    record = logging.LogRecord("dateline.access", logging.INFO, __file__, 0, "request", None, None)
    for key, value in {"method": "GET", "path": "/v1/quotes", "status": 200, "duration_ms": 1.25}.items():
        setattr(record, key, value)
    record.color_message = "\x1b[1mrequest\x1b[0m"
    line = TextFormatter().format(record)
    assert "method=GET" in line and "path=/v1/quotes" in line and "status=200" in line and "duration_ms=1.25" in line
    assert "\x1b" not in line
    assert "\x1b" not in JsonFormatter().format(record)


def test_warnings_come_out_as_log_lines_not_straight_on_stderr() -> None:
    program = (
        "import logging, warnings; from app.logs import configure_logging; configure_logging('INFO');"
        "warnings.warn('a library complains', UserWarning)"
    )
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=60, check=True)
    lines = [json.loads(line) for line in done.stderr.splitlines()]
    assert any(line["logger"] == "py.warnings" and "a library complains" in line["message"] for line in lines)


def test_a_database_error_logs_no_article_text_url_or_source(
    client: TestClient, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    if not database_url.startswith("postgresql"):
        pytest.skip("forces a server-side error with a PostgreSQL trigger")
    from sqlalchemy import create_engine, text

    engine = create_engine(database_url)
    with engine.begin() as conn:
        conn.execute(
            text(
                "CREATE FUNCTION test_refuse_article() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER test_refuse BEFORE INSERT ON articles "
                "FOR EACH ROW EXECUTE FUNCTION test_refuse_article()"
            )
        )
    caplog.set_level(logging.INFO)
    try:
        # A client that gets the 500 reply instead of the exception re-raised (the same app, already started).
        answering = TestClient(client.app, raise_server_exceptions=False, headers=dict(client.headers))
        response = post_text(
            answering, story("harbour.txt"), source="secret-source-name", url="https://secret.example/x"
        )
    finally:
        with engine.begin() as conn:
            conn.execute(text("DROP TRIGGER test_refuse ON articles"))
            conn.execute(text("DROP FUNCTION test_refuse_article()"))
        engine.dispose()
    assert_problem(response, 500)
    formatter = JsonFormatter()
    lines = []
    for record in caplog.records:
        if record.name.startswith("httpx"):
            continue  # the test client's own log lines
        RequestIdFilter().filter(record)
        lines.append(formatter.format(record))
    joined = "\n".join(lines)
    assert "refused by the test" in joined  # the error was logged...
    for secret in ("Marieke Jansen said on Tuesday", "secret-source-name", "secret.example"):
        assert secret not in joined  # ...without the statement's parameters
