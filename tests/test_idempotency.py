"""Idempotency-Key on POST /sessions and POST /sessions/{id}/messages (Stripe's semantics)."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.coach.scripted import REPLIES
from clarity.models import IdempotencyKey, SolveMessage, SolveSession, SolveStep, UsageCounter
from tests.helpers.coaches import FailingCoach, GatedCoach, use_coach
from tests.helpers.sse import parse
from tests.helpers.support import SignedInUser, UserFactory, assert_problem, create_session


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, Any]) -> dict[str, Any]:
    return {**settings_overrides, "free_sessions_per_day": 2}


def keyed(user: SignedInUser, key: str) -> dict[str, str]:
    return {**user.headers, "Idempotency-Key": key}


async def test_a_resent_create_replays_the_first_outcome_without_a_second_charge(
    client: Client, user: SignedInUser
) -> None:
    first = await client.post("/sessions", headers=keyed(user, "create-1"), json={})
    again = await client.post("/sessions", headers=keyed(user, "create-1"), json={})
    assert (first.status_code, again.status_code) == (201, 201)
    assert await again.get_json() == await first.get_json()
    assert again.headers["Idempotent-Replayed"] == "true"
    assert "Idempotent-Replayed" not in first.headers
    assert await SolveSession.filter(user_id=user.id).count() == 1
    assert (await UsageCounter.get(user_id=user.id)).used == 1
    other = await client.post("/sessions", headers=keyed(user, "create-2"), json={})
    assert (await other.get_json())["session"]["id"] != (await first.get_json())["session"]["id"]


async def test_keys_belong_to_their_user(
    client: Client, users: UserFactory, user: SignedInUser
) -> None:
    someone = await users.create()
    mine = await client.post("/sessions", headers=keyed(user, "shared-name"))
    theirs = await client.post("/sessions", headers=keyed(someone, "shared-name"))
    assert (mine.status_code, theirs.status_code) == (201, 201)
    assert "Idempotent-Replayed" not in theirs.headers
    assert (await theirs.get_json())["session"]["id"] != (await mine.get_json())["session"]["id"]


async def test_the_same_key_for_another_request_is_422(client: Client, user: SignedInUser) -> None:
    created = await client.post("/sessions", headers=keyed(user, "k"), json={})
    session_id = (await created.get_json())["session"]["id"]
    different_body = await client.post("/sessions", headers=keyed(user, "k"), json={"a": 1})
    await assert_problem(different_body, 422, "idempotency_key_reused")
    other_route = await client.post(
        f"/sessions/{session_id}/messages", headers=keyed(user, "k"), json={"content": "hi"}
    )
    await assert_problem(other_route, 422, "idempotency_key_reused")


async def test_a_refused_request_releases_its_key(client: Client, user: SignedInUser) -> None:
    for _ in range(2):
        await create_session(client, user)
    refused = await client.post("/sessions", headers=keyed(user, "after-quota"))
    await assert_problem(refused, 429, "quota_exceeded")
    # Tomorrow: the same request with the same key runs (it was not stored as a 429).
    await UsageCounter.filter(user_id=user.id).update(
        day=datetime.now(UTC).date() - timedelta(days=1)
    )
    retried = await client.post("/sessions", headers=keyed(user, "after-quota"))
    assert retried.status_code == 201
    assert "Idempotent-Replayed" not in retried.headers


@pytest.mark.parametrize("key", ["", "x" * 256, "naïve", "two words"])
async def test_a_malformed_key_is_422(client: Client, user: SignedInUser, key: str) -> None:
    response = await client.post("/sessions", headers=keyed(user, key))
    body = await assert_problem(response, 422, "validation_failed")
    assert body["errors"][0]["loc"] == ["header", "Idempotency-Key"]
    assert await SolveSession.filter(user_id=user.id).count() == 0


async def test_keys_expire_after_a_day(client: Client, user: SignedInUser) -> None:
    first = await client.post("/sessions", headers=keyed(user, "old"))
    day_ago = datetime.now(UTC) - timedelta(hours=25)
    await IdempotencyKey.filter(user_id=user.id).update(
        created_at=day_ago, expires_at=day_ago + timedelta(hours=24)
    )
    later = await client.post("/sessions", headers=keyed(user, "old"))
    assert later.status_code == 201
    assert "Idempotent-Replayed" not in later.headers
    assert (await later.get_json())["session"]["id"] != (await first.get_json())["session"]["id"]


async def test_a_resent_message_replays_the_stored_reply_once(
    client: Client, user: SignedInUser
) -> None:
    session_id = (await create_session(client, user))["id"]
    url = f"/sessions/{session_id}/messages"
    first = await client.post(url, headers=keyed(user, "m1"), json={"content": "hello"})
    first_events = parse(await first.get_data())
    again = await client.post(url, headers=keyed(user, "m1"), json={"content": "hello"})
    replay = parse(await again.get_data())
    assert again.status_code == 200
    assert again.headers["Content-Type"] == "text/event-stream"
    assert again.headers["Idempotent-Replayed"] == "true"
    # The same reply, with the same ids, its text in one piece.
    assert [(e.event, e.id, e.json) for e in replay] == [
        (first_events[0].event, first_events[0].id, first_events[0].json),
        ("token", replay[1].id, {"content": REPLIES[SolveStep.RECEIVE]}),
        (first_events[-1].event, first_events[-1].id, first_events[-1].json),
    ]
    assert await SolveMessage.filter(session_id=session_id).count() == 2
    assert (await SolveSession.get(id=session_id)).current_step is SolveStep.CLARIFY


async def test_a_resent_message_while_the_first_is_running_is_409(
    app: Quart, http: httpx.AsyncClient, client: Client, user: SignedInUser
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    session_id = (await create_session(client, user))["id"]
    url = f"/sessions/{session_id}/messages"
    first = asyncio.create_task(
        client.post(url, headers=keyed(user, "slow"), json={"content": "hello"})
    )
    await asyncio.wait_for(coach.started.wait(), 5)
    during = await client.post(url, headers=keyed(user, "slow"), json={"content": "hello"})
    await assert_problem(during, 409, "idempotency_in_progress")
    coach.release()
    await (await first).get_data()
    after = await client.post(url, headers=keyed(user, "slow"), json={"content": "hello"})
    assert after.headers["Idempotent-Replayed"] == "true"
    assert parse(await after.get_data())[-1].event == "done"
    assert await SolveMessage.filter(session_id=session_id).count() == 2


async def test_an_interrupted_reply_replays_as_its_partial_text_and_error(
    app: Quart, client: Client, user: SignedInUser
) -> None:
    use_coach(app, FailingCoach())
    session_id = (await create_session(client, user))["id"]
    url = f"/sessions/{session_id}/messages"
    await (await client.post(url, headers=keyed(user, "f"), json={"content": "hi"})).get_data()
    replay = parse(
        await (await client.post(url, headers=keyed(user, "f"), json={"content": "hi"})).get_data()
    )
    assert [e.event for e in replay] == ["start", "token", "interrupted"]
    assert replay[1].json == {"content": "Half a"}
    assert replay[2].json["code"] == "coach_failed"


async def test_a_message_refused_before_the_stream_releases_its_key(
    client: Client, user: SignedInUser
) -> None:
    session_id = (await create_session(client, user))["id"]
    url = f"/sessions/{session_id}/messages"
    wrong = {"content": "hi", "step": "commit"}
    for _ in range(2):  # not stored: the identical retry runs again
        response = await client.post(url, headers=keyed(user, "s"), json=wrong)
        await assert_problem(response, 409, "step_mismatch")
    fixed = await client.post(url, headers=keyed(user, "s"), json={"content": "hi"})
    assert fixed.status_code == 200
    assert "Idempotent-Replayed" not in fixed.headers
