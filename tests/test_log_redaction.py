"""No user text in any log line: exception messages are redacted from tracebacks and arguments,
in both formats, for Clarity's loggers and for libraries' that reach the root logger.

These read what the real handler writes (its formatted text), not the records.
"""

from __future__ import annotations

import io
import json
import logging
import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import pytest
from quart import Quart

from clarity.app import create_app
from clarity.logs import HANDLER_NAME, REDACTED

SECRET = "the user's words about my sister and the money"


class DataError(Exception):
    """Stands for a driver error whose message quotes a query parameter (asyncpg's DataError)."""


@contextmanager
def handler_output() -> Iterator[io.StringIO]:
    """What Clarity's handler writes, while the block runs."""
    handler = next(h for h in logging.getLogger().handlers if h.get_name() == HANDLER_NAME)
    assert isinstance(handler, logging.StreamHandler)
    captured = io.StringIO()
    previous = handler.setStream(captured)
    try:
        yield captured
    finally:
        handler.setStream(previous or sys.stderr)


@asynccontextmanager
async def app_with_failing_route(overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    app = create_app(overrides)

    @app.post("/explode")
    async def explode() -> str:
        try:
            raise ValueError(f"while storing {SECRET!r}")
        except ValueError as error:
            raise DataError(f"invalid input for query argument $3: {SECRET!r}") from error

    async with app.test_app():
        yield app


@pytest.mark.parametrize("env", ["test", "production"])
async def test_an_unexpected_error_logs_its_type_and_frames_but_not_its_message(
    settings_overrides: dict[str, Any], env: str
) -> None:
    overrides = {**settings_overrides, "env": env}
    if env == "production":
        overrides["password_hashing"] = "standard"
    async with app_with_failing_route(overrides) as app:
        with handler_output() as output:
            response = await app.test_client().post("/explode")
        body = await response.get_json()
    assert response.status_code == 500
    assert body["code"] == "internal_error"
    text = output.getvalue()
    assert SECRET not in text
    if env == "production":
        records = [json.loads(line) for line in text.splitlines()]
        failure = next(r for r in records if r["level"] == "ERROR")
        assert body["request_id"] in failure["message"]
        text = failure["exc_info"]
    else:
        assert body["request_id"] in text
    assert f"test_log_redaction.DataError: {REDACTED}" in text
    assert f"ValueError: {REDACTED}" in text  # the cause, also redacted
    assert "in explode" in text  # the frames are kept
    assert "direct cause" in text


async def test_library_loggers_reaching_the_root_are_redacted_too(
    settings_overrides: dict[str, Any],
) -> None:
    async with app_with_failing_route(settings_overrides):
        with handler_output() as output:
            try:
                raise DataError(SECRET)
            except DataError as error:
                logging.getLogger("quart.app").error("Exception on request", exc_info=True)
                logging.getLogger("some.library").warning("failed: %s / %r", error, error)
                logging.getLogger("asyncio").error(
                    "Task exception was never retrieved\n"
                    f"future: <Task finished exception=DataError({SECRET!r})>",
                    exc_info=error,
                )
    text = output.getvalue()
    assert SECRET not in text
    assert "quart.app: Exception on request" in text
    assert "failed: tests.test_log_redaction.DataError / tests.test_log_redaction.DataError" in text
    assert "Task exception was never retrieved" in text
    assert text.count(f"DataError: {REDACTED}") == 2


def test_a_traceback_another_handler_formatted_first_is_not_reused() -> None:
    from clarity.logs import RedactingFormatter

    try:
        raise DataError(SECRET)
    except DataError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "boom", None, sys.exc_info())
    logging.Formatter().format(record)  # caches the full traceback on the record
    assert record.exc_text is not None
    assert SECRET in record.exc_text
    assert SECRET not in RedactingFormatter().format(record)
    assert SECRET in record.exc_text  # the record is left as it was for other handlers
