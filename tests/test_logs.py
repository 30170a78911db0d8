"""Logs: one line per request, JSON in production, reply outcomes, and never a user's words."""

from __future__ import annotations

import asyncio
import json
import logging

import httpx
import pytest
from quart.typing import TestClientProtocol as Client

from clarity.config import Settings
from clarity.logs import configure_logging
from tests.helpers.sse import send_message
from tests.helpers.support import UserFactory, create_session

SECRET_WORDS = "my very private words about my sister"


async def test_each_request_logs_method_path_status_duration_and_request_id(
    client: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="clarity.requests"):
        response = await client.get("/health", headers={"X-Request-ID": "trace-42"})
        await client.get("/nowhere")
    records = [r for r in caplog.records if r.name == "clarity.requests"]
    assert len(records) == 2
    first = records[0]
    assert (first.method, first.path, first.status) == ("GET", "/health", 200)  # type: ignore[attr-defined]
    assert first.request_id == "trace-42" == response.headers["X-Request-ID"]  # type: ignore[attr-defined]
    assert first.duration_ms >= 0  # type: ignore[attr-defined]
    assert "GET /health 200" in first.getMessage()
    assert records[1].status == 404  # type: ignore[attr-defined]


def test_production_logs_are_one_json_object_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(env="production"))
    try:
        logging.getLogger("clarity.requests").info(
            "GET /me 200 1.0ms r1", extra={"status": 200, "request_id": "r1"}
        )
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        configure_logging(Settings(env="test"))
    record = json.loads(line)
    assert record["level"] == "INFO"
    assert record["logger"] == "clarity.requests"
    assert record["message"] == "GET /me 200 1.0ms r1"
    assert (record["status"], record["request_id"]) == (200, "r1")
    assert "time" in record


def test_development_logs_are_readable_lines(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(Settings(env="development"))
    try:
        logging.getLogger("clarity.requests").info("GET /me 200 1.0ms r1")
        line = capsys.readouterr().err.strip().splitlines()[-1]
    finally:
        configure_logging(Settings(env="test"))
    assert line.endswith("INFO    clarity.requests: GET /me 200 1.0ms r1")


async def test_a_reply_logs_its_outcome_and_never_the_words(
    http: httpx.AsyncClient, client: Client, users: UserFactory, caplog: pytest.LogCaptureFixture
) -> None:
    user = await users.create()
    session = await create_session(client, user)
    with caplog.at_level(logging.DEBUG):
        result = await send_message(http, session["id"], user.headers, SECRET_WORDS)
        # The reply task logs once it has released the lock, just after `done` went out.
        async with asyncio.timeout(5):
            while not (
                reply_records := [r for r in caplog.records if getattr(r, "event", None) == "reply"]
            ):
                await asyncio.sleep(0.01)
    assert len(reply_records) == 1
    record = reply_records[0]
    assert record.outcome == "completed"  # type: ignore[attr-defined]
    assert record.duration_ms >= 0  # type: ignore[attr-defined]
    assert record.chars == len(result.text)  # type: ignore[attr-defined]
    assert SECRET_WORDS not in caplog.text
    assert result.text not in caplog.text
    for token in result.tokens[1:4]:
        assert f'"{token}"' not in caplog.text
