"""Rate limits per API key (or per client address without one): fixed windows, shared through Redis
when REDIS_URL is set so every worker counts together, in process memory otherwise."""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Verdict:
    """Whether a request may proceed, and what to tell the client about its budget."""

    allowed: bool
    limit: int
    remaining: int
    reset_after: int  # seconds until the window restarts


class Counter(Protocol):
    """Counts hits of one client in one window."""

    def hit(self, bucket: str, window: int) -> int:
        """Count one hit; the number of hits in this window so far."""
        ...


class MemoryCounter:
    """Counts in this process (one worker): right for a single process, per-worker otherwise."""

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._lock = threading.Lock()
        self._window_seen = 0

    def hit(self, bucket: str, window: int) -> int:
        with self._lock:
            if window != self._window_seen:  # forget finished windows so memory stays bounded
                self._counts = {k: v for k, v in self._counts.items() if k.endswith(f":{window}")}
                self._window_seen = window
            key = f"{bucket}:{window}"
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]


class RedisCounter:
    """Counts in Redis, shared by every worker and replica."""

    def __init__(self, url: str, period: int) -> None:
        import redis

        self._redis = redis.Redis.from_url(url, socket_timeout=1.0, socket_connect_timeout=1.0)
        self._period = period

    def hit(self, bucket: str, window: int) -> int:
        key = f"dateline:rl:{bucket}:{window}"
        pipe = self._redis.pipeline()
        pipe.incr(key)
        pipe.expire(key, self._period * 2)
        count, _ = pipe.execute()
        return int(count)


class RateLimiter:
    """A fixed-window limit of `limit` requests per `period` seconds for each client."""

    def __init__(self, limit: int, period: int = 60, redis_url: str | None = None) -> None:
        self.limit = limit
        self.period = period
        self.counter: Counter = RedisCounter(redis_url, period) if redis_url else MemoryCounter()
        self.remote = redis_url is not None  # whether a check waits on the network

    def check(self, client: str, now: float | None = None) -> Verdict:
        """Count a request from a client and judge it."""
        moment = time.time() if now is None else now
        window = int(moment // self.period)
        used = self.counter.hit(client, window)
        # Rounded up: a client that waits it out (Retry-After) is in the next window.
        reset_after = max(1, math.ceil((window + 1) * self.period - moment))
        return Verdict(used <= self.limit, self.limit, max(0, self.limit - used), reset_after)
