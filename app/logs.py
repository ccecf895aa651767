"""Logs: one line per record (JSON, or plain text with the fields), each carrying its request's id, written
by a thread of their own so that a log stream nobody reads never stalls the server."""

from __future__ import annotations

import atexit
import contextlib
import contextvars
import copy
import datetime as dt
import json
import logging
import os
import queue
import sys
import threading
from logging.handlers import QueueHandler, QueueListener
from typing import Any

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar("request_id", default=None)

# Attributes every LogRecord has; anything else was passed in `extra=` and is logged as a field.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "request_id"}
# uvicorn passes a copy of its message with ANSI colour codes for terminals; neither format wants it.
_NOT_FIELDS = {"color_message"}
# Records waiting for the writer thread. A stream that is read keeps this near empty; one that is not
# (a pipe whose reader stalled: a full 64 KiB buffer blocks every write) fills it, and records past it
# are dropped and counted instead of blocking the thread that logs: the event loop, above all.
LOG_QUEUE_RECORDS = 10_000


def _fields(record: logging.LogRecord) -> dict[str, Any]:
    """What a record carries beyond the standard attributes (the `extra=` of its call)."""
    return {k: v for k, v in vars(record).items() if k not in _STANDARD and k not in _NOT_FIELDS and k[0] != "_"}


class RequestIdFilter(logging.Filter):
    """Stamp each record with the current request's id."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "request_id", None) is None:
            record.request_id = request_id_var.get()
        return True


class JsonFormatter(logging.Formatter):
    """A log record as one line of JSON."""

    def format(self, record: logging.LogRecord) -> str:
        payload: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
        }
        payload.update(_fields(record))
        error = self.formatException(record.exc_info) if record.exc_info else record.exc_text
        if error:
            payload["error"] = error
        return json.dumps(payload, ensure_ascii=False, default=str)


class TextFormatter(logging.Formatter):
    """A log record as one line for people: level, logger, message, then its fields as key=value."""

    def format(self, record: logging.LogRecord) -> str:
        parts = [record.levelname, record.name, record.getMessage()]
        fields = _fields(record)
        request_id = getattr(record, "request_id", None)
        if request_id:
            fields["request_id"] = request_id
        parts += [f"{key}={value}" for key, value in fields.items()]
        line = " ".join(parts)
        error = self.formatException(record.exc_info) if record.exc_info else record.exc_text
        return f"{line}\n{error}" if error else line


class DroppingQueueHandler(QueueHandler):
    """Queue records for the writer thread without ever waiting: when the queue is full, a record is dropped
    and counted, and the count is logged as soon as there is room again."""

    def __init__(self, records: queue.Queue[Any]) -> None:
        super().__init__(records)
        self.dropped = 0
        self._lock = threading.Lock()

    def prepare(self, record: logging.LogRecord) -> logging.LogRecord:
        """A copy that crosses threads safely: message and traceback rendered now, fields kept."""
        record = copy.copy(record)
        record.msg = record.getMessage()
        record.args = None
        if record.exc_info:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
            record.exc_info = None
        return record

    def enqueue(self, record: logging.LogRecord) -> None:
        with self._lock:
            try:
                if self.dropped:
                    notice = logging.LogRecord(
                        "dateline.logs", logging.WARNING, __file__, 0,
                        "%d log records dropped: the log stream was not being read", (self.dropped,), None,
                    )  # fmt: skip
                    self.queue.put_nowait(self.prepare(notice))
                    self.dropped = 0
                self.queue.put_nowait(record)
            except queue.Full:
                self.dropped += 1


class _Writer(QueueListener):
    """The thread that writes queued records; stopping it never waits long on a stream that is stuck."""

    def enqueue_sentinel(self) -> None:
        with contextlib.suppress(queue.Full):
            self.queue.put(self._sentinel, timeout=1)  # type: ignore[attr-defined]

    def stop(self) -> None:
        thread = self._thread
        if thread is not None:
            self.enqueue_sentinel()
            thread.join(timeout=2)
            self._thread = None


_writer: _Writer | None = None


def flush_logs() -> None:
    """Write what is queued before the process exits (waiting a moment at most on a stuck stream)."""
    if _writer is not None:
        _writer.stop()


atexit.register(flush_logs)  # before logging's own shutdown, which atexit runs later


def _start_writer(sink: logging.Handler) -> DroppingQueueHandler:
    """A queue handler for the root logger, and a writer thread draining it into the sink."""
    global _writer
    if _writer is not None:
        _writer.stop()
    records: queue.Queue[Any] = queue.Queue(LOG_QUEUE_RECORDS)
    front = DroppingQueueHandler(records)
    front.addFilter(RequestIdFilter())  # in the thread that logs, where the request's context is
    _writer = _Writer(records, sink)
    _writer.start()
    return front


def configure_logging(level: str, fmt: str = "json") -> None:
    """Send dateline's and uvicorn's logs to stderr, as JSON lines or plain text, through a writer thread."""
    sink = logging.StreamHandler(sys.stderr)
    sink.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    root = logging.getLogger()
    for handler in root.handlers:
        handler.close()
    root.handlers = [_start_writer(sink)]
    root.setLevel(level)
    for name in ("uvicorn", "uvicorn.error"):
        logger = logging.getLogger(name)
        logger.handlers = []
        logger.propagate = True
    # The access log is written by the app's own middleware, with the request id.
    logging.getLogger("uvicorn.access").disabled = True
    # Warnings would otherwise be written straight to stderr, by whichever thread raised them.
    logging.captureWarnings(True)


def _restart_writer_in_child() -> None:
    """A forked child has the queue but not the writer thread: give it its own."""
    global _writer
    root = logging.getLogger()
    front = next((h for h in root.handlers if isinstance(h, DroppingQueueHandler)), None)
    if front is None or _writer is None:
        return
    sinks = _writer.handlers
    _writer = None
    root.handlers = [_start_writer(sinks[0])]


os.register_at_fork(after_in_child=_restart_writer_in_child)
