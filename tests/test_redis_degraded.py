"""Redis (the limiter's shared store) unreachable: sign-up and sign-in go on with limits in this
process's memory, one WARNING per outage, /ready says "degraded"; back to Redis when it answers.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
import redis.asyncio as aioredis
from quart import Quart
from redis.exceptions import ConnectionError as RedisConnectionError

from clarity import ratelimits
from clarity.app import create_app
from clarity.ratelimits import FallbackStore
from tests.helpers.support import DEFAULT_PASSWORD, assert_problem

DEAD_REDIS = "redis://127.0.0.1:1/0"  # nothing listens on port 1
REDIS_URL = os.environ.get("CLARITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@asynccontextmanager
async def running(overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    app = create_app(overrides)
    async with app.test_app():  # start-up must not need Redis
        yield app


def _outage_warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r for r in caplog.records if r.name == "clarity.ratelimits" and r.levelno >= logging.WARNING
    ]


async def test_a_dead_redis_degrades_to_memory_limits_and_ready_says_so(
    settings_overrides: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    overrides = {**settings_overrides, "redis_url": DEAD_REDIS, "register_limit_per_client": 3}
    with caplog.at_level(logging.INFO):
        async with running(overrides) as app:
            client = app.test_client()
            started = time.perf_counter()
            email = f"degraded-{uuid.uuid4().hex[:8]}@example.com"
            registered = await client.post(
                "/auth/register", json={"email": email, "password": DEFAULT_PASSWORD}
            )
            assert registered.status_code == 201, await registered.get_json()
            logged_in = await client.post(
                "/auth/login", json={"email": email, "password": DEFAULT_PASSWORD}
            )
            assert logged_in.status_code == 200, await logged_in.get_json()
            assert time.perf_counter() - started < 2.0
            # The limits still hold, in this process's memory.
            statuses = []
            for n in range(3):
                response = await client.post(
                    "/auth/register",
                    json={"email": f"more{n}-{email}", "password": DEFAULT_PASSWORD},
                )
                statuses.append(response.status_code)
            assert statuses == [201, 201, 429]

            ready = await client.get("/ready")
            assert ready.status_code == 200
            assert await ready.get_json() == {
                "status": "degraded",
                "checks": {"database": "ok", "redis": "unavailable"},
            }
    warnings = _outage_warnings(caplog)
    assert len(warnings) == 1, [r.getMessage() for r in warnings]
    assert warnings[0].exc_info is None
    assert "Redis is unreachable" in warnings[0].getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_ready_is_ok_with_redis_up_and_without_redis(
    settings_overrides: dict[str, Any],
) -> None:
    async with running(settings_overrides) as app:
        ready = await app.test_client().get("/ready")
        assert await ready.get_json() == {
            "status": "ok",
            "checks": {"database": "ok", "redis": "not_configured"},
        }
    probe = aioredis.from_url(REDIS_URL)
    try:
        await probe.ping()
    except Exception:
        if os.environ.get("CLARITY_TEST_REDIS_URL"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL}")
    finally:
        await probe.aclose()
    async with running({**settings_overrides, "redis_url": REDIS_URL}) as app:
        ready = await app.test_client().get("/ready")
        assert ready.status_code == 200
        assert await ready.get_json() == {
            "status": "ok",
            "checks": {"database": "ok", "redis": "ok"},
        }


async def test_the_store_goes_back_to_redis_when_it_answers_again(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Service level: an outage, memory meanwhile, one warning, then Redis again."""
    monkeypatch.setattr(ratelimits, "REDIS_RETRY_SECONDS", 0.0)
    store = FallbackStore(REDIS_URL)
    await store.before_serving()
    shared: dict[str, datetime] = {}
    down = True

    async def get(key: str, default: datetime) -> datetime:
        if down:
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379.")
        return shared.get(key, default)

    async def set_(key: str, tat: datetime) -> None:
        if down:
            raise RedisConnectionError("Error 111 connecting to 127.0.0.1:6379.")
        shared[key] = tat

    monkeypatch.setattr(store.redis, "get", get)
    monkeypatch.setattr(store.redis, "set", set_)
    now = datetime.now(UTC)
    later = now + timedelta(minutes=1)
    try:
        with caplog.at_level(logging.INFO, logger="clarity.ratelimits"):
            for _ in range(3):
                await store.set("k", later)
                assert await store.get("k", now) == later  # kept in memory
            assert not store.redis_available
            assert shared == {}
            down = False
            assert await store.get("k", now) == now  # Redis again (it never saw "k")
            await store.set("k", later)
            assert shared == {"k": later}
            assert store.redis_available
    finally:
        await store.after_serving()
    messages = [(r.levelno, r.getMessage()) for r in caplog.records]
    assert [level for level, _ in messages] == [logging.WARNING, logging.INFO], messages
    assert "answers again" in messages[1][1]


async def test_a_redis_that_accepts_but_never_answers_costs_one_short_timeout(
    settings_overrides: dict[str, Any],
) -> None:
    held: list[asyncio.StreamWriter] = []

    async def silent(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)  # accept, then say nothing

    server = await asyncio.start_server(silent, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        async with running(
            {**settings_overrides, "redis_url": f"redis://127.0.0.1:{port}/0"}
        ) as app:
            client = app.test_client()
            started = time.perf_counter()
            for n in range(4):
                response = await client.post(
                    "/auth/register",
                    json={"email": f"silent{n}@example.com", "password": DEFAULT_PASSWORD},
                )
                assert response.status_code == 201
            # One 0.5 s timeout for the outage, not one (or three retries) per request.
            assert time.perf_counter() - started < 1.5
    finally:
        for writer in held:
            writer.close()
        server.close()
        await server.wait_closed()


async def test_limits_fall_back_while_redis_is_down(settings_overrides: dict[str, Any]) -> None:
    overrides = {**settings_overrides, "redis_url": DEAD_REDIS, "login_limit_per_client": 2}
    async with running(overrides) as app:
        client = app.test_client()
        statuses = []
        for _ in range(3):
            response = await client.post(
                "/auth/login", json={"email": "nobody@example.com", "password": "guess"}
            )
            statuses.append(response.status_code)
        assert statuses == [401, 401, 429]
        await assert_problem(response, 429, "rate_limited")
