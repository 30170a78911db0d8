"""Logging: readable lines in development, one JSON object per line in production.

Clarity's loggers, and library loggers that propagate to the root logger (``quart.app``,
``asyncio``, ...), go through one handler (hypercorn's loggers keep their own). Nothing a user
wrote is ever logged: requests are logged by method, path, status, duration and request id;
replies by outcome, length and duration. Exception *messages* are never logged either: a driver's
message quotes query parameters (asyncpg: "invalid input for query argument $3: '<the user's
text>'"), so the formatters print a traceback's frames and exception types with each message
redacted, and an exception passed as a log argument as its type alone.
"""

from __future__ import annotations

import copy
import logging
import time
import traceback
from collections.abc import Iterator
from types import TracebackType
from typing import Any

from pythonjsonlogger.json import JsonFormatter
from quart import Quart, Response, g, request

from clarity.config import Settings
from clarity.errors import request_id

REQUEST_LOGGER = "clarity.requests"
# Libraries that log what users wrote at DEBUG or INFO (SQL parameters, model requests). Pinned
# to WARNING so that no log level setting can put a user's words into the logs.
QUIET_LIBRARIES = ("tortoise", "aiosqlite", "asyncpg", "openai", "httpx", "httpcore")
_PRETTY = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
HANDLER_NAME = "clarity"
REDACTED = "<message redacted>"
# hypercorn's loggers have their own handlers and also propagate: printed once is enough.
OWN_HANDLERS = ("hypercorn.",)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def configure_logging(settings: Settings) -> None:
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    handler = logging.StreamHandler()
    handler.set_name(HANDLER_NAME)
    handler.addFilter(lambda record: not record.name.startswith(OWN_HANDLERS))
    formatter: logging.Formatter
    if settings.env == "production":
        formatter = RedactingJsonFormatter(
            "%(asctime)s %(levelname)s %(name)s %(message)s",
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            timestamp=False,
        )
    else:
        formatter = RedactingFormatter(_PRETTY, datefmt="%H:%M:%S")
    handler.setFormatter(formatter)
    logger = logging.getLogger("clarity")
    logger.setLevel(settings.log_level.upper())
    # On the root logger: Clarity's records reach it at Clarity's level, every library's that
    # propagates at the root's (WARNING unless set), and each is formatted without user text.
    logger.propagate = True
    for target in (logger, logging.getLogger()):
        for old in [h for h in target.handlers if h.get_name() == HANDLER_NAME]:
            target.removeHandler(old)
    logging.getLogger().addHandler(handler)


class _Redacting(logging.Formatter):
    """Formats a copy of the record without exception messages (the record itself is left as
    it is for other handlers, and a traceback another handler cached is not reused)."""

    def format(self, record: logging.LogRecord) -> str:
        safe = copy.copy(record)
        safe.exc_text = None
        if isinstance(safe.msg, BaseException):
            safe.msg = _type_name(safe.msg)
        elif record.name == "asyncio" and isinstance(safe.msg, str):
            # asyncio's unhandled-exception message is a fixed phrase, then reprs of the task or
            # future, which quote the exception (``exception=DataError('...')``).
            safe.msg = safe.msg.split("\n", 1)[0]
        if isinstance(safe.args, tuple):
            safe.args = tuple(_safe_argument(arg) for arg in safe.args)
        elif isinstance(safe.args, dict):
            safe.args = {key: _safe_argument(value) for key, value in safe.args.items()}
        return super().format(safe)

    def formatException(self, ei: ExcInfo) -> str:
        if ei[1] is None:
            return ""
        return redacted_traceback(ei[1])


class RedactingFormatter(_Redacting):
    pass


class RedactingJsonFormatter(_Redacting, JsonFormatter):
    pass


def redacted_traceback(error: BaseException) -> str:
    """The traceback of ``error`` (with its causes and contexts): frames and exception types,
    every exception message replaced by ``<message redacted>``."""
    trace = traceback.TracebackException.from_exception(error)
    for part in _chain(trace):
        # The standard library has no option for this: ``_str`` is the message it prints (3.11
        # to 3.13); notes can carry data too.
        part._str = REDACTED  # type: ignore[attr-defined]
        part.__notes__ = None
    return "".join(trace.format()).rstrip("\n")


def _chain(trace: traceback.TracebackException) -> Iterator[traceback.TracebackException]:
    seen: set[int] = set()
    pending = [trace]
    while pending:
        part = pending.pop()
        if id(part) in seen:
            continue
        seen.add(id(part))
        yield part
        pending.extend(p for p in (part.__cause__, part.__context__) if p is not None)
        pending.extend(getattr(part, "exceptions", None) or ())  # an ExceptionGroup's members


def _safe_argument(value: Any) -> Any:
    return _type_name(value) if isinstance(value, BaseException) else value


class _TypeName(str):
    """An exception's type name, the same for ``%s`` and ``%r``."""

    def __repr__(self) -> str:
        return str.__str__(self)


def _type_name(error: BaseException) -> str:
    kind = type(error)
    module = "" if kind.__module__ == "builtins" else f"{kind.__module__}."
    return _TypeName(f"{module}{kind.__qualname__}")


def log_requests(app: Quart) -> None:
    """One line per request, when its response starts."""
    log = logging.getLogger(REQUEST_LOGGER)

    @app.before_request
    async def start_clock() -> None:
        g.request_started = time.perf_counter()

    @app.after_request
    async def log_request(response: Response) -> Response:
        started = g.get("request_started")
        duration_ms = (time.perf_counter() - started) * 1000 if started else 0.0
        rid = request_id()
        log.info(
            "%s %s %s %.1fms %s",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            rid,
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round(duration_ms, 2),
                "request_id": rid,
            },
        )
        return response
