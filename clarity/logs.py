"""Logging: readable lines in development, one JSON object per line in production.

Only Clarity's own loggers are configured (hypercorn configures its own). Nothing a user wrote
is ever logged: requests are logged by method, path, status, duration and request id; replies by
outcome, length and duration.
"""

from __future__ import annotations

import logging
import time

from pythonjsonlogger.json import JsonFormatter
from quart import Quart, Response, g, request

from clarity.config import Settings
from clarity.errors import request_id

REQUEST_LOGGER = "clarity.requests"
# Libraries that log what users wrote at DEBUG or INFO (SQL parameters, model requests). Pinned
# to WARNING so that no log level setting can put a user's words into the logs.
QUIET_LIBRARIES = ("tortoise", "aiosqlite", "asyncpg", "openai", "httpx", "httpcore")
_PRETTY = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(settings: Settings) -> None:
    for name in QUIET_LIBRARIES:
        logging.getLogger(name).setLevel(logging.WARNING)
    logger = logging.getLogger("clarity")
    logger.setLevel(settings.log_level.upper())
    logger.propagate = False
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    handler = logging.StreamHandler()
    if settings.env == "production":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
                timestamp=False,
            )
        )
    else:
        handler.setFormatter(logging.Formatter(_PRETTY, datefmt="%H:%M:%S"))
    logger.addHandler(handler)


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
