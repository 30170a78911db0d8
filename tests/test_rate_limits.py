"""Abuse limits on sign-up and sign-in: per client address (not forgeable) and per account."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest
import redis.asyncio as aioredis
from quart import Quart

from clarity.app import create_app
from tests.helpers.support import assert_problem

REDIS_URL = os.environ.get("CLARITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


@asynccontextmanager
async def running(overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    app = create_app(overrides)
    async with app.test_app():
        yield app


def _register(n: int) -> dict[str, str]:
    return {"email": f"rl{n}-{uuid.uuid4().hex[:6]}@example.com", "password": "long enough"}


async def test_register_is_limited_per_client_and_a_forged_forwarded_for_does_not_help(
    settings_overrides: dict[str, Any],
) -> None:
    async with running({**settings_overrides, "register_limit_per_client": 3}) as app:
        client = app.test_client()
        for n in range(3):
            assert (await client.post("/auth/register", json=_register(n))).status_code == 201
        refused = await client.post("/auth/register", json=_register(3))
        body = await assert_problem(refused, 429, "rate_limited")
        assert int(refused.headers["Retry-After"]) > 0
        assert "Retry-After" not in body
        forged = await client.post(
            "/auth/register", json=_register(4), headers={"X-Forwarded-For": "203.0.113.9"}
        )
        await assert_problem(forged, 429, "rate_limited")


async def test_behind_a_trusted_proxy_the_proxy_seen_address_counts(
    settings_overrides: dict[str, Any],
) -> None:
    overrides = {**settings_overrides, "register_limit_per_client": 2, "trusted_proxy_count": 1}
    async with running(overrides) as app:
        client = app.test_client()

        async def register(forwarded_for: str) -> int:
            response = await client.post(
                "/auth/register", json=_register(0), headers={"X-Forwarded-For": forwarded_for}
            )
            return response.status_code

        # The proxy appends the address it saw; whatever the client put before it is ignored.
        assert [await register(f"{fake}, 198.51.100.7") for fake in ("1.1.1.1", "2.2.2.2")] == [
            201,
            201,
        ]
        assert await register("3.3.3.3, 198.51.100.7") == 429
        assert await register("198.51.100.8") == 201  # another client


async def test_login_has_a_ceiling_per_account_across_clients(
    settings_overrides: dict[str, Any],
) -> None:
    overrides = {
        **settings_overrides,
        "login_limit_per_account_total": 3,
        "trusted_proxy_count": 1,
    }
    async with running(overrides) as app:
        client = app.test_client()
        attempt = {"email": "target@example.com", "password": "guess-guess"}
        for n in range(3):
            response = await client.post(
                "/auth/login", json=attempt, headers={"X-Forwarded-For": f"10.0.0.{n}"}
            )
            await assert_problem(response, 401, "invalid_credentials")
        blocked = await client.post(
            "/auth/login", json=attempt, headers={"X-Forwarded-For": "10.0.0.99"}
        )
        await assert_problem(blocked, 429, "rate_limited")
        # Case and spaces do not make a new account key.
        variant = {**attempt, "email": "  TARGET@example.com"}
        refused = await client.post(
            "/auth/login", json=variant, headers={"X-Forwarded-For": "10.0.0.98"}
        )
        await assert_problem(refused, 429, "rate_limited")
        other = await client.post(
            "/auth/login", json={**attempt, "email": "someone-else@example.com"}
        )
        await assert_problem(other, 401, "invalid_credentials")


async def test_limits_can_be_switched_off(settings_overrides: dict[str, Any]) -> None:
    overrides = {**settings_overrides, "register_limit_per_client": 1, "rate_limits_enabled": False}
    async with running(overrides) as app:
        client = app.test_client()
        for n in range(3):
            assert (await client.post("/auth/register", json=_register(n))).status_code == 201


async def _redis_or_skip() -> aioredis.Redis:
    connection = aioredis.from_url(REDIS_URL)
    try:
        await connection.ping()
    except Exception:
        await connection.aclose()
        if os.environ.get("CLARITY_TEST_REDIS_URL"):
            raise
        pytest.skip(f"no Redis at {REDIS_URL} (set CLARITY_TEST_REDIS_URL; .ci/run does)")
    return connection


async def test_with_redis_every_worker_shares_the_limit_and_keys_expire(
    settings_overrides: dict[str, Any],
) -> None:
    redis = await _redis_or_skip()
    namespace = f"test-shared-{uuid.uuid4().hex}"
    shared = {
        **settings_overrides,
        "redis_url": REDIS_URL,
        "rate_limit_namespace": namespace,
        "register_limit_per_client": 2,
    }
    try:
        # Two apps, one after the other, as two workers would be: the second sees the first's use.
        async with running(shared) as worker_a:
            for n in range(2):
                response = await worker_a.test_client().post("/auth/register", json=_register(n))
                assert response.status_code == 201
        async with running(shared) as worker_b:
            refused = await worker_b.test_client().post("/auth/register", json=_register(9))
            await assert_problem(refused, 429, "rate_limited")
        keys = [key async for key in redis.scan_iter(match=f"*{namespace}*")]
        assert keys
        for key in keys:
            assert 0 < await redis.ttl(key) <= 601, key
    finally:
        async for key in redis.scan_iter(match=f"*{namespace}*"):
            await redis.delete(key)
        await redis.aclose()
