"""The message stream: SSE framing, the step machine, refusals, one reply at a time, and that
nothing is lost when the client disconnects or the coach fails."""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.coach.crisis import CRISIS_REPLY
from clarity.coach.scripted import REPLIES
from clarity.config import DEFAULT_CRISIS_RESOURCES
from clarity.models import MessageRole, SolveMessage, SolveSession, SolveStep
from tests.helpers.coaches import (
    EmptyCoach,
    FailingCoach,
    GarbageCoach,
    GatedCoach,
    HangingCoach,
    SlowCoach,
    use_coach,
)
from tests.helpers.reliability import record
from tests.helpers.sse import drain, open_stream, read_until, send_message
from tests.helpers.support import SignedInUser, UserFactory, assert_problem, create_session

STEPS = [step.value for step in SolveStep]


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, Any]) -> dict[str, Any]:
    return {**settings_overrides, "free_sessions_per_day": None}


@asynccontextmanager
async def own_app(
    overrides: dict[str, Any], coach: Any = None
) -> AsyncIterator[tuple[Quart, Client, SignedInUser, str]]:
    """An app of the test's own (other settings than the fixture's), a user and a session."""
    app = create_app(overrides)
    if coach is not None:
        use_coach(app, coach)
    async with app.test_app():
        client = app.test_client()
        user = await UserFactory(client).create()
        yield app, client, user, str((await create_session(client, user))["id"])


async def wait_for_reply_stored(session_id: str, timeout: float = 5) -> SolveSession:
    """Poll until the session's lock is released (its reply has been stored)."""
    async with asyncio.timeout(timeout):
        while True:
            session = await SolveSession.get(id=session_id)
            coach_messages = await SolveMessage.filter(
                session_id=session_id, role=MessageRole.COACH
            ).count()
            if session.reply_lock_token is None and coach_messages:
                return session
            await asyncio.sleep(0.02)


async def test_a_reply_streams_as_server_sent_events(
    http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    result = await send_message(http, session_id, user.headers, "I feel stuck at work.")
    assert result.status == 200
    assert result.headers["content-type"] == "text/event-stream"
    assert result.headers["cache-control"] == "no-store"
    assert result.headers["x-accel-buffering"] == "no"
    assert "content-encoding" not in result.headers
    names = [event.event for event in result.events]
    assert names == ["start"] + ["token"] * (len(names) - 2) + ["done"]
    start = json.loads(result.events[0].data)
    # Every id names the reply and the position in it: characters delivered, then the end.
    ids = [event.id for event in result.events]
    reply_id = start["message_id"]
    assert ids[0] == f"{reply_id}/0"
    assert ids[-1] == f"{reply_id}/end"
    positions = [int(i.split("/")[1]) for i in ids[1:-1]]
    assert positions == [len("".join(result.tokens[: n + 1])) for n in range(len(positions))]
    assert all(event.retry is None for event in result.events)
    assert result.text == REPLIES[SolveStep.RECEIVE]
    assert result.tokens[:2] == ["I", " understand"]

    done = result.last
    assert (start["message_id"], start["user_message_id"]) == (
        done["message_id"],
        done["user_message_id"],
    )
    assert set(done) == {
        "message_id", "user_message_id", "next_step", "emotion_detected", "session_status",
        "safety",
    }  # fmt: skip
    assert (done["next_step"], done["session_status"], done["safety"]) == (
        "clarify",
        "active",
        None,
    )
    coach_message = await SolveMessage.get(id=done["message_id"])
    user_message = await SolveMessage.get(id=done["user_message_id"])
    assert coach_message.content == result.text  # what streamed is exactly what is stored
    assert (coach_message.role, coach_message.status.value) == (MessageRole.COACH, "complete")
    assert (user_message.role, user_message.content) == (MessageRole.USER, "I feel stuck at work.")
    assert done["emotion_detected"] == user_message.emotion.value == coach_message.emotion.value


async def test_the_raw_stream_has_no_retry_field_and_one_line_of_data_per_event(
    client: Client, user: SignedInUser, session_id: str
) -> None:
    response = await client.post(
        f"/sessions/{session_id}/messages", headers=user.headers, json={"content": "hi"}
    )
    raw = (await response.get_data()).decode()
    assert "retry:" not in raw
    for block in raw.strip().split("\n\n"):
        lines = block.split("\n")
        assert [line.split(":")[0] for line in lines] == ["id", "event", "data"], block


async def test_five_exchanges_walk_the_steps_and_complete_the_session(
    http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    next_steps = []
    for step in STEPS:
        result = await send_message(http, session_id, user.headers, f"about {step}", step=step)
        assert result.text == REPLIES[SolveStep(step)]
        next_steps.append(result.last["next_step"])
        status = result.last["session_status"]
    assert next_steps == [*STEPS[1:], None]
    assert status == "completed"
    session = await (await client.get(f"/sessions/{session_id}", headers=user.headers)).get_json()
    assert (session["status"], session["current_step"]) == ("completed", "commit")
    assert session["completed_at"] is not None
    history = await (
        await client.get(f"/sessions/{session_id}/messages", headers=user.headers)
    ).get_json()
    assert [m["step"] for m in history["items"]] == [s for s in STEPS for _ in (0, 1)]
    after = await send_message(http, session_id, user.headers, "one more thing")
    assert (after.status, after.body["code"]) == (409, "session_not_active")


async def test_step_mismatch_is_refused_before_the_stream_and_stores_nothing(
    http: httpx.AsyncClient, user: SignedInUser, session_id: str
) -> None:
    result = await send_message(http, session_id, user.headers, "hi", step="options")
    assert (result.status, result.body["code"]) == (409, "step_mismatch")
    assert result.headers["content-type"].startswith("application/problem+json")
    assert await SolveMessage.filter(session_id=session_id).count() == 0
    # The lock taken for the check was released.
    assert (await send_message(http, session_id, user.headers, "hi", "receive")).status == 200


async def test_an_ended_session_takes_no_messages(
    http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    await client.patch(
        f"/sessions/{session_id}", headers=user.headers, json={"status": "abandoned"}
    )
    result = await send_message(http, session_id, user.headers)
    assert (result.status, result.body["code"]) == (409, "session_not_active")


@pytest.mark.parametrize(
    "payload",
    [
        {"content": ""},
        {"content": "   \n\t "},
        {"content": "x" * 4001},
        {"content": "hello\x00world"},  # once a 500 on PostgreSQL, which cannot store NUL
        {"content": "hello", "step": "finale"},
        {"content": 42},
        {},
    ],
)
async def test_invalid_messages_are_422(
    client: Client, user: SignedInUser, session_id: str, payload: dict[str, Any]
) -> None:
    response = await client.post(
        f"/sessions/{session_id}/messages", headers=user.headers, json=payload
    )
    await assert_problem(response, 422, "validation_failed")
    assert await SolveMessage.filter(session_id=session_id).count() == 0


async def test_content_is_trimmed_and_4000_characters_fit(
    client: Client, user: SignedInUser, session_id: str
) -> None:
    content = "y" * 4000
    response = await client.post(
        f"/sessions/{session_id}/messages",
        headers=user.headers,
        json={"content": f"  {content}\n"},
    )
    assert response.status_code == 200
    await response.get_data()
    stored = await SolveMessage.get(session_id=session_id, role=MessageRole.USER)
    assert stored.content == content


async def test_the_message_is_stored_before_the_first_byte_and_a_second_waits_its_turn(
    app: Quart, http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    async with open_stream(client, session_id, user, "first message") as connection:
        await asyncio.wait_for(coach.started.wait(), 5)
        stored = await SolveMessage.filter(session_id=session_id).order_by("created_at")
        # The reply exists from the first byte, generating.
        assert [(m.content, m.role, m.status.value) for m in stored] == [
            ("first message", MessageRole.USER, "complete"),
            ("", MessageRole.COACH, "generating"),
        ]
        second = await send_message(http, session_id, user.headers, "second message")
        assert (second.status, second.body["code"]) == (409, "reply_in_progress")
        coach.release()
        await read_until(connection, b"event: done")
    third = await send_message(http, session_id, user.headers, "third message")
    assert third.status == 200
    assert third.last["next_step"] == "reframe"


async def test_parallel_messages_to_one_session_give_exactly_one_reply(
    app: Quart, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    tasks = [
        asyncio.create_task(
            client.post(
                f"/sessions/{session_id}/messages", headers=user.headers, json={"content": f"m{i}"}
            )
        )
        for i in range(12)
    ]
    await asyncio.wait_for(coach.started.wait(), 5)
    async with asyncio.timeout(5):
        while sum(task.done() for task in tasks) < len(tasks) - 1:
            await asyncio.sleep(0.01)
    coach.release()
    responses = await asyncio.gather(*tasks)
    statuses = sorted(r.status_code for r in responses)
    assert statuses == [200] + [409] * 11
    for response in responses:
        if response.status_code == 409:
            await assert_problem(response, 409, "reply_in_progress")
    assert await SolveMessage.filter(session_id=session_id).count() == 2


async def test_a_client_that_disconnects_still_gets_its_reply_stored(
    app: Quart, http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    use_coach(app, SlowCoach(delay=0.02))
    async with open_stream(client, session_id, user) as connection:
        received = await read_until(connection, b'data: {"content":" understand"}')
        assert received.count(b"event: token") == 2
        await connection.disconnect()
    session = await wait_for_reply_stored(session_id)
    reply = await SolveMessage.get(session_id=session_id, role=MessageRole.COACH)
    assert (reply.content, reply.status.value) == (REPLIES[SolveStep.RECEIVE], "complete")
    assert session.current_step is SolveStep.CLARIFY  # advanced as if it had been read
    assert session.reply_lock_token is None
    use_coach(app, SlowCoach(delay=0))
    assert (await send_message(http, session_id, user.headers, step="clarify")).status == 200


@pytest.mark.reliability
@pytest.mark.parametrize(
    ("coach", "partial"),
    [(FailingCoach(), "Half a"), (GarbageCoach(), "Hello"), (EmptyCoach(), "  \n")],
    ids=["raises", "garbage", "empty"],
)
async def test_a_failing_coach_ends_the_stream_with_an_error_and_stores_the_partial_reply(
    app: Quart,
    http: httpx.AsyncClient,
    user: SignedInUser,
    session_id: str,
    coach: Any,
    partial: str,
) -> None:
    use_coach(app, coach)
    result = await send_message(http, session_id, user.headers)
    assert result.status == 200
    assert result.events[-1].event == "interrupted"
    assert set(result.last) == {"code", "detail"}
    assert result.last["code"] == "coach_failed"
    assert "the model fell over" not in result.last["detail"]
    stored = await SolveMessage.filter(session_id=session_id).order_by("created_at")
    assert [(m.role, m.status.value) for m in stored] == [
        (MessageRole.USER, "complete"),
        (MessageRole.COACH, "interrupted"),
    ]
    assert stored[1].content == partial
    session = await SolveSession.get(id=session_id)
    assert (session.current_step, session.reply_lock_token) == (SolveStep.RECEIVE, None)
    use_coach(app, SlowCoach(delay=0))
    retry = await send_message(http, session_id, user.headers, step="receive")
    assert retry.last["next_step"] == "clarify"
    record(
        f"coach fails: {type(coach).__name__}",
        "one reply",
        f"error event sent, partial ({len(partial)} chars) stored interrupted, "
        "lock released, next message answered",
    )


@pytest.mark.reliability
async def test_a_coach_that_hangs_past_the_deadline_fails_the_reply(
    settings_overrides: dict[str, Any],
) -> None:
    overrides = {**settings_overrides, "coach_idle_timeout_seconds": 0.2}
    async with own_app(overrides, HangingCoach()) as (_, client, user, session_id):
        response = await client.post(
            f"/sessions/{session_id}/messages", headers=user.headers, json={"content": "hi"}
        )
        raw = await response.get_data()
        assert b"event: interrupted" in raw
        reply = await SolveMessage.get(session_id=session_id, role=MessageRole.COACH)
        assert (reply.content, reply.status.value) == ("Well", "interrupted")
        assert (await SolveSession.get(id=session_id)).reply_lock_token is None
    record(
        "coach hangs past the 0.2 s deadline",
        "one reply",
        "error event sent, partial stored interrupted, lock released",
    )


async def test_silence_is_filled_with_pings_that_clients_ignore(
    settings_overrides: dict[str, Any],
) -> None:
    overrides = {**settings_overrides, "stream_heartbeat_seconds": 0.015}
    async with own_app(overrides, SlowCoach(delay=0.05)) as (app, client, user, session_id):
        response = await client.post(
            f"/sessions/{session_id}/messages", headers=user.headers, json={"content": "hi"}
        )
        raw = await response.get_data()
        assert raw.count(b": ping\n\n") >= 5
        transport = httpx.ASGITransport(app=app)
        another_session = (await create_session(client, user))["id"]
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            parsed = await send_message(http, another_session, user.headers)
        assert parsed.text == REPLIES[SolveStep.RECEIVE]
        assert {event.event for event in parsed.events} == {"start", "token", "done"}


async def test_a_crisis_message_gets_the_support_reply_and_resources(
    http: httpx.AsyncClient,
    user: SignedInUser,
    session_id: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    message = "Honestly I want to end my life"
    with caplog.at_level(logging.INFO):
        result = await send_message(http, session_id, user.headers, message)
    assert result.text == CRISIS_REPLY
    done = result.last
    assert done["safety"] == {"crisis": True, "resources": list(DEFAULT_CRISIS_RESOURCES)}
    assert (done["next_step"], done["session_status"]) == ("receive", "active")
    assert "crisis" in caplog.text
    assert message not in caplog.text
    assert "end my life" not in caplog.text


async def test_crisis_resources_are_configurable(settings_overrides: dict[str, Any]) -> None:
    resources = ({"name": "Samaritans", "contact": "116 123"},)
    overrides = {**settings_overrides, "crisis_resources": resources}
    async with own_app(overrides) as (app, _, user, session_id):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
            result = await send_message(http, session_id, user.headers, "I want to kill myself")
    assert result.last["safety"]["resources"] == [{"name": "Samaritans", "contact": "116 123"}]


async def test_a_lock_left_by_a_crashed_process_expires(
    http: httpx.AsyncClient, user: SignedInUser, session_id: str
) -> None:
    now = datetime.now(UTC)
    await SolveSession.filter(id=session_id).update(
        reply_lock_token=uuid.uuid4(), reply_lock_until=now + timedelta(seconds=30)
    )
    held = await send_message(http, session_id, user.headers)
    assert (held.status, held.body["code"]) == (409, "reply_in_progress")
    await SolveSession.filter(id=session_id).update(reply_lock_until=now - timedelta(seconds=1))
    assert (await send_message(http, session_id, user.headers)).status == 200


async def test_a_reply_that_outlasts_its_lease_keeps_the_lock(
    settings_overrides: dict[str, Any],
) -> None:
    """The lease is renewed while the reply runs: three leases later, another message is still
    refused, and the first reply completes and advances the session."""
    coach, lease = GatedCoach(), 0.3
    overrides = {**settings_overrides, "reply_lock_lease_seconds": lease}
    async with (
        own_app(overrides, coach) as (_, client, user, session_id),
        open_stream(client, session_id, user) as connection,
    ):
        await asyncio.wait_for(coach.started.wait(), 5)
        await asyncio.sleep(3 * lease)
        locked = await SolveSession.get(id=session_id)
        assert locked.reply_lock_until is not None
        assert locked.reply_lock_until > datetime.now(UTC)
        second = await client.post(
            f"/sessions/{session_id}/messages", json={"content": "me too"}, headers=user.headers
        )
        assert (second.status_code, (await second.get_json())["code"]) == (
            409,
            "reply_in_progress",
        )
        coach.release()
        assert b"event: done" in await read_until(connection, b"event: done")
        session = await wait_for_reply_stored(session_id)
        assert (session.current_step, session.reply_lock_until) == (SolveStep.CLARIFY, None)


async def test_shutdown_mid_reply_stores_it_as_interrupted(
    settings_overrides: dict[str, Any],
) -> None:
    coach = GatedCoach()
    overrides = {**settings_overrides, "reply_shutdown_grace_seconds": 0.1}
    async with (
        own_app(overrides, coach) as (_, client, user, session_id),
        open_stream(client, session_id, user) as connection,
    ):
        await asyncio.wait_for(coach.started.wait(), 5)
        coach.release(words=3)
        await read_until(connection, b'data: {"content":" how"}')
        await connection.disconnect()
    # Read what was stored, with a fresh app on the same database.
    reader = create_app(settings_overrides)
    async with reader.test_app():
        stored = await SolveMessage.filter(session_id=session_id).order_by("created_at")
        session = await SolveSession.get(id=session_id)
    assert [(m.role, m.status.value) for m in stored] == [
        (MessageRole.USER, "complete"),
        (MessageRole.COACH, "interrupted"),
    ]
    assert stored[1].content == "I understand how"
    assert (session.current_step, session.reply_lock_token) == (SolveStep.RECEIVE, None)


async def test_ending_a_session_during_a_reply_keeps_the_reply_and_the_ended_status(
    app: Quart, http: httpx.AsyncClient, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    async with open_stream(client, session_id, user) as connection:
        await asyncio.wait_for(coach.started.wait(), 5)
        ended = await client.patch(
            f"/sessions/{session_id}", headers=user.headers, json={"status": "abandoned"}
        )
        assert ended.status_code == 200
        coach.release()
        events = await drain(connection)
    assert events[-1].event == "done"
    done = events[-1].json
    assert (done["session_status"], done["next_step"]) == ("abandoned", None)
    session = await SolveSession.get(id=session_id)
    assert (session.status.value, session.current_step) == ("abandoned", SolveStep.RECEIVE)
    assert session.reply_lock_token is None
    reply = await SolveMessage.get(session_id=session_id, role=MessageRole.COACH)
    assert (reply.content, reply.status.value) == (REPLIES[SolveStep.RECEIVE], "complete")
