"""Every way an ingest can fail leaves the server whole: after failures in parsing, storage, a pool timeout,
serialisation, a bad charset, and clients that vanish mid-body or mid-parse, a real server (its output going
to a pipe nobody reads, the condition under which anything held on an error path wedged it) still answers
1,000 requests, health included, and stores nothing half-done."""

from __future__ import annotations

import socket
from collections.abc import Callable

import httpx
import pytest

from tests.api.helpers import story
from tests.robustness import faulty_app
from tests.robustness.server import API_KEY, Server

REQUESTS_AFTER_EACH = 1_000
REPEATS = 3
WRITE = {"Authorization": f"Bearer {API_KEY}"}


def _text(marker: str, n: int) -> str:
    return f"{story('senate.txt')}\n\nReference {marker} number {n}.\n"


def _post(server: Server, body: bytes, content_type: str = "text/plain") -> int:
    with httpx.Client(base_url=server.base_url, timeout=60) as client:
        reply = client.post("/v1/articles", content=body, headers={**WRITE, "Content-Type": content_type})
    if reply.status_code >= 500:
        assert reply.headers["content-type"].startswith("application/problem+json")
        assert reply.json()["request_id"] == reply.headers["x-request-id"]
    return reply.status_code


def _vanish(server: Server, body: bytes, declared: int) -> None:
    """Send a POST's head and `body` (declaring `declared` bytes), then close without reading a reply."""
    head = (
        f"POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {API_KEY}\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {declared}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port), timeout=10) as sock:
        sock.sendall(head + body)


def forced(marker: str) -> Callable[[Server, int], None]:
    def fail(server: Server, n: int) -> None:
        assert _post(server, _text(marker, n).encode()) == 500

    return fail


def bad_charset(server: Server, n: int) -> None:
    charset, body = [("undefined", "hello"), ("idna", "xn--" + "a" * 70), ("punycode", "abc-9999999")][n % 3]
    _post(server, body.encode(), f"text/plain; charset={charset}")


def vanish_mid_body(server: Server, n: int) -> None:
    _vanish(server, _text("vanished-mid-body", n).encode()[:500], declared=50_000)


def vanish_mid_parse(server: Server, n: int) -> None:
    body = "\n\n".join([_text("vanished-mid-parse", n), story("harbour.txt"), story("followup.txt")]).encode()
    _vanish(server, body, declared=len(body))


FAILURES: dict[str, Callable[[Server, int], None]] = {
    "parsing": forced(faulty_app.FAIL_PARSE),
    "storage": forced(faulty_app.FAIL_STORE),
    "pool timeout": forced(faulty_app.FAIL_TIMEOUT),
    "serialisation": forced(faulty_app.FAIL_SERIALISE),
    "bad charset": bad_charset,
    "disconnect mid-body": vanish_mid_body,
    "disconnect mid-parse": vanish_mid_parse,
}
NEVER_STORED = (faulty_app.FAIL_PARSE, faulty_app.FAIL_STORE, faulty_app.FAIL_TIMEOUT, "vanished-mid-body")


@pytest.mark.slow
def test_server_keeps_answering_after_every_kind_of_failed_ingest(start_server: Callable[..., Server]) -> None:
    server = start_server(app="tests.robustness.faulty_app:app", unread_output=True, env={"LOG_LEVEL": "INFO"})
    with httpx.Client(base_url=server.base_url, timeout=10) as reader:
        for kind, fail in FAILURES.items():
            for n in range(REPEATS):
                fail(server, n)
            for i in range(REQUESTS_AFTER_EACH):
                path = "/healthz" if i % 2 else "/v1/articles"
                try:
                    status = reader.get(path).status_code
                except httpx.TimeoutException:
                    pytest.fail(f"after failures in {kind}: request {i + 1} ({path}) got no answer")
                assert status == 200, f"after failures in {kind}: {path} answered {status}"
        ids = [item["id"] for item in reader.get("/v1/articles", params={"limit": 100}).json()["items"]]
        texts = [reader.get(f"/v1/articles/{article_id}").json()["text"] for article_id in ids]
    for marker in NEVER_STORED:
        assert not any(marker in text for text in texts), f"an article whose ingest failed ({marker}) was stored"
