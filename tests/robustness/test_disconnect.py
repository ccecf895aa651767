"""A client that disconnects during its parse cancels it: nothing is stored, the model is freed."""

from __future__ import annotations

import socket
import time
from collections.abc import Callable

from tests.robustness.server import API_KEY, Server
from tests.robustness.textgen import story


def long_story(chars: int) -> str:
    """Invented stories back to back, about `chars` characters: seconds of parsing."""
    parts: list[str] = []
    seed = 100
    while sum(len(p) for p in parts) < chars:
        parts.append(story(seed))
        seed += 1
    return "\n\n".join(parts)


def test_a_client_that_disconnects_mid_parse_gets_nothing_stored(start_server: Callable[..., Server]) -> None:
    server = start_server()
    with server.client() as client:
        before = client.get("/v1/articles", params={"limit": 1}).json()["total"]  # the suite's database
    body = long_story(60_000).encode("utf-8")
    head = (
        f"POST /v1/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {API_KEY}\r\n"
        f"Content-Type: text/plain\r\nContent-Length: {len(body)}\r\n\r\n"
    ).encode()
    with socket.create_connection(("127.0.0.1", server.port)) as sock:
        sock.sendall(head + body)
        time.sleep(0.5)  # the parse has started; leave before it ends
    with server.client(timeout=120) as client:
        # Parses take turns on the model, so this one is parsed once the abandoned one let go of it.
        after = client.post("/v1/articles", json={"text": story(7)})
        assert after.status_code == 201, after.text
        listed = client.get("/v1/articles", params={"limit": 1}).json()
    assert listed["total"] == before + 1  # the second article alone: the abandoned one was never stored
