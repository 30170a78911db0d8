"""PostgreSQL at its limits: the server's (or a role's) connection limit reached, and a pool
whose connections are all busy for longer than a request may wait. Both answer 503
``service_unavailable`` with ``Retry-After`` (never a 500, never a request that hangs), and the
service recovers on its own."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest
from quart import Quart
from tortoise.transactions import in_transaction

from clarity.models import User
from tests.helpers import databases
from tests.helpers.live import hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.helpers.support import UserFactory

pytestmark = pytest.mark.skipif(
    not databases.ON_POSTGRES, reason="connection limits and pools are PostgreSQL's"
)

ROLE_LIMIT = 2


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, Any]) -> dict[str, Any]:
    settings_overrides.update(database_pool_max=1, database_acquire_timeout_seconds=0.3)
    return settings_overrides


async def test_a_pool_busy_past_the_acquire_timeout_answers_503(
    app: Quart, users: UserFactory
) -> None:
    user = await users.create()
    client = app.test_client()
    holding, done = asyncio.Event(), asyncio.Event()

    async def hold_the_only_connection() -> None:
        async with in_transaction():  # in a task of its own, as another request would
            await User.all().count()
            holding.set()
            await done.wait()

    holder = asyncio.create_task(hold_the_only_connection())
    await holding.wait()
    started = time.monotonic()
    response = await client.get("/sessions", headers=user.headers)
    waited = time.monotonic() - started
    done.set()
    await holder
    body = await response.get_json()
    assert response.status_code == 503, body
    assert body["code"] == "service_unavailable"
    assert response.headers["Retry-After"] == "1"
    assert waited < 3
    # The connection is back: the next request is served.
    assert (await client.get("/sessions", headers=user.headers)).status_code == 200


@pytest.fixture
async def limited_role(database_url: str) -> AsyncIterator[str]:
    """A login role allowed ROLE_LIMIT connections, with the app's privileges on the test
    database; the URL that connects as it."""
    role = f"clarity_limited_{uuid.uuid4().hex[:8]}"
    admin = await databases.postgres_connection(database_url)
    try:
        await admin.execute(f'CREATE ROLE "{role}" LOGIN CONNECTION LIMIT {ROLE_LIMIT}')
        await admin.execute(f'GRANT ALL ON ALL TABLES IN SCHEMA public TO "{role}"')
        await admin.execute(f'GRANT ALL ON SCHEMA public TO "{role}"')
        parts = urlsplit(database_url)
        host = parts.netloc.rsplit("@", 1)[-1]
        yield urlunsplit(parts._replace(netloc=f"{role}@{host}"))
    finally:
        await admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1", role
        )
        await admin.execute(f'REVOKE ALL ON ALL TABLES IN SCHEMA public FROM "{role}"')
        await admin.execute(f'REVOKE ALL ON SCHEMA public FROM "{role}"')
        await admin.execute(f'DROP ROLE IF EXISTS "{role}"')
        await admin.close()


@pytest.mark.live
@pytest.mark.reliability
async def test_too_many_clients_answers_503_not_500(limited_role: str) -> None:
    """The database refuses new connections (``too many connections``, SQLSTATE 53300) while the
    app's pool wants to grow past it: every refused request is a JSON 503."""
    env = server_env(
        f"{limited_role}?maxsize=10&minsize=1",
        rate_limits_enabled="false",
        coach_token_delay="0",
    )
    with hypercorn_process(env) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            token = (
                await http.post(
                    "/auth/register", json={"email": "limits@example.com", "password": "x" * 12}
                )
            ).json()["token"]
            headers = {"Authorization": f"Bearer {token}"}
            responses: list[httpx.Response] = []
            for _ in range(5):  # waves of concurrent requests make the pool try to grow
                responses += await asyncio.gather(
                    *(http.get("/sessions", headers=headers) for _ in range(30))
                )
            statuses: dict[int, int] = {}
            for response in responses:
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            after = await http.get("/sessions", headers=headers)
        log = server.log_text()
    record(
        "PostgreSQL at its connection limit",
        f"{len(responses)} requests, pool of 10 against a role limited to {ROLE_LIMIT}",
        f"{statuses.get(500, 0)} x 500, {statuses.get(503, 0)} x 503, {statuses.get(200, 0)} x 200",
    )
    assert statuses.get(503, 0) > 0  # the limit was really hit
    assert set(statuses) <= {200, 503}, statuses
    assert all(r.json()["code"] == "service_unavailable" for r in responses if r.status_code == 503)
    assert after.status_code in {200, 503}
    assert "Traceback" not in log, log[-3000:]
