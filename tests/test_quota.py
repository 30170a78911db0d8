"""The free-tier quota: N new sessions per UTC day, exact under concurrent requests."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.models import Plan, UsageCounter, User
from tests.helpers import databases
from tests.helpers.support import UserFactory, assert_problem, create_session


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, Any]) -> dict[str, Any]:
    return {**settings_overrides, "free_sessions_per_day": 3}


def _seconds_to_midnight() -> float:
    now = datetime.now(UTC)
    midnight = datetime.combine(now.date() + timedelta(days=1), datetime.min.time(), tzinfo=UTC)
    return (midnight - now).total_seconds()


async def test_the_limit_is_enforced_with_retry_after(client: Client, users: UserFactory) -> None:
    user = await users.create()
    for used in (1, 2, 3):
        response = await client.post("/sessions", headers=user.headers)
        usage = (await response.get_json())["usage"]
        assert (usage["used"], usage["limit"], usage["remaining"]) == (used, 3, 3 - used)
    refused = await client.post("/sessions", headers=user.headers)
    await assert_problem(refused, 429, "quota_exceeded")
    retry_after = int(refused.headers["Retry-After"])
    assert abs(retry_after - _seconds_to_midnight()) <= 5
    me = await (await client.get("/me", headers=user.headers)).get_json()
    assert (me["usage"]["used"], me["usage"]["remaining"]) == (3, 0)
    listed = await (await client.get("/sessions", headers=user.headers)).get_json()
    assert listed["total"] == 3  # the refused create left nothing behind


async def test_quota_is_per_user(client: Client, users: UserFactory) -> None:
    first, second = await users.create(), await users.create()
    for _ in range(3):
        await create_session(client, first)
    await assert_problem(
        await client.post("/sessions", headers=first.headers), 429, "quota_exceeded"
    )
    assert (await client.post("/sessions", headers=second.headers)).status_code == 201


async def test_the_quota_resets_on_the_next_utc_day(client: Client, users: UserFactory) -> None:
    user = await users.create()
    for _ in range(3):
        await create_session(client, user)
    # What was used today becomes yesterday's usage.
    yesterday = datetime.now(UTC).date() - timedelta(days=1)
    await UsageCounter.filter(user_id=user.id).update(day=yesterday)
    me = await (await client.get("/me", headers=user.headers)).get_json()
    assert (me["usage"]["used"], me["usage"]["remaining"]) == (0, 3)
    assert (await client.post("/sessions", headers=user.headers)).status_code == 201


async def test_deleting_a_session_gives_no_refund(client: Client, users: UserFactory) -> None:
    user = await users.create()
    sessions = [await create_session(client, user) for _ in range(3)]
    await client.delete(f"/sessions/{sessions[0]['id']}", headers=user.headers)
    await assert_problem(
        await client.post("/sessions", headers=user.headers), 429, "quota_exceeded"
    )


async def test_the_plus_plan_is_unlimited(client: Client, users: UserFactory) -> None:
    user = await users.create()
    await User.filter(id=user.id).update(plan=Plan.PLUS)
    for _ in range(5):
        usage = (await (await client.post("/sessions", headers=user.headers)).get_json())["usage"]
    assert (usage["plan"], usage["used"], usage["limit"], usage["remaining"]) == (
        "plus",
        5,
        None,
        None,
    )


async def test_an_unlimited_free_plan_never_refuses(settings_overrides: dict[str, Any]) -> None:
    app = create_app({**settings_overrides, "free_sessions_per_day": None})
    async with app.test_app():
        client = app.test_client()
        user = await UserFactory(client).create()
        for _ in range(6):
            response = await client.post("/sessions", headers=user.headers)
            assert response.status_code == 201
        usage = (await response.get_json())["usage"]
    assert (usage["limit"], usage["remaining"], usage["used"]) == (None, None, 6)


async def test_concurrent_creates_at_the_limit_never_exceed_it(
    client: Client, users: UserFactory
) -> None:
    """Many requests racing for the last places: exactly the limit succeeds, the rest get 429."""
    for round_ in range(5 if databases.ON_POSTGRES else 2):
        user = await users.create()
        await create_session(client, user)  # one place used, two left
        responses = await asyncio.gather(
            *(client.post("/sessions", headers=user.headers) for _ in range(25))
        )
        statuses = sorted(r.status_code for r in responses)
        assert statuses.count(201) == 2, (round_, statuses)
        assert statuses.count(429) == 23, (round_, statuses)
        counter = await UsageCounter.get(user_id=user.id)
        assert counter.used == 3
        listed = await (await client.get("/sessions", headers=user.headers)).get_json()
        assert listed["total"] == 3
