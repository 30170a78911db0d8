"""What a reply that cannot be stored says and leaves behind: a failure event that tells the
truth, no ERROR for a user deleting their session mid-reply, and user messages that never stay
without a reply (an orphan of a dead process is stored as interrupted once its lease lapses)."""

from __future__ import annotations

import asyncio
import logging
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client
from tortoise.exceptions import DBConnectionError

from clarity.coach.scripted import ScriptedCoach
from clarity.models import MessageRole, MessageStatus, SolveMessage, SolveSession, SolveStep
from clarity.services import replies, reply_store
from tests.helpers.coaches import FailingCoach, GatedCoach, use_coach
from tests.helpers.sse import drain, open_stream, send_message
from tests.helpers.support import SignedInUser

FIRST = "I keep putting off a hard conversation with my sister."


async def _conversation(session_id: str) -> list[tuple[str, str, str]]:
    stored = await SolveMessage.filter(session_id=session_id).order_by("created_at", "id")
    return [(m.role.value, m.status.value, m.content) for m in stored]


async def test_a_failure_event_never_claims_a_save_that_did_not_happen(
    app: Quart,
    http: httpx.AsyncClient,
    user: SignedInUser,
    session_id: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The coach fails and the database refuses the partial reply too: the event says it was
    not saved; the next message still gets its turn, and the lost reply shows as interrupted."""
    use_coach(app, FailingCoach())

    async def database_away(*args: Any, **kwargs: Any) -> bool:
        raise DBConnectionError("connection refused")

    monkeypatch.setattr(reply_store, "end_reply", database_away)
    failed = await send_message(http, session_id, user.headers, content=FIRST)
    assert (failed.events[-1].event, failed.last["code"]) == ("interrupted", "coach_failed")
    assert "saved as interrupted" not in failed.last["detail"]
    assert "could not be saved" in failed.last["detail"]
    assert await _conversation(session_id) == [
        ("user", "complete", FIRST),
        ("coach", "generating", ""),
    ]

    monkeypatch.undo()
    use_coach(app, ScriptedCoach(token_delay=0))
    again = await send_message(http, session_id, user.headers, content="trying again")
    assert again.events[-1].event == "done"
    roles = [(role, status) for role, status, _ in await _conversation(session_id)]
    assert roles == [
        ("user", "complete"),
        ("coach", "interrupted"),  # the reply lost with the database, settled on the next turn
        ("user", "complete"),
        ("coach", "complete"),
    ]


async def test_a_fault_at_the_end_of_a_reply_is_logged_and_never_escapes_its_task(
    app: Quart,
    http: httpx.AsyncClient,
    user: SignedInUser,
    session_id: str,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A bug in a reply's last steps (here its log line fails) is logged as an error, and the
    task still ends without an exception: Quart's shutdown gathers the reply tasks, and one
    that raised would stop the shutdown half-way (the database never closed)."""
    use_coach(app, ScriptedCoach(token_delay=0))
    launched: list[asyncio.Task[Any]] = []

    class Recorded(set[asyncio.Task[Any]]):
        def add(self, task: asyncio.Task[Any]) -> None:
            launched.append(task)
            super().add(task)

    monkeypatch.setattr(app, "background_tasks", Recorded())

    def broken_log(*args: Any) -> None:
        raise RuntimeError("a bug in the outcome's log line")

    monkeypatch.setattr(replies, "_log_outcome", broken_log)
    with caplog.at_level(logging.ERROR, logger="clarity"):
        result = await send_message(http, session_id, user.headers, content=FIRST)
        assert result.events[-1].event == "done"  # sent before the fault
        (task,) = launched
        await asyncio.wait_for(asyncio.gather(task), 5)  # as Quart's shutdown does: no raise
    escaped = [r for r in caplog.records if r.getMessage().startswith("a reply's task failed")]
    assert len(escaped) == 1
    assert escaped[0].exc_info is not None
    assert isinstance(escaped[0].exc_info[1], RuntimeError)
    session = await SolveSession.get(id=session_id)
    assert (session.current_step, session.reply_lock_token) == (SolveStep.CLARIFY, None)


async def test_when_the_partial_reply_is_stored_the_event_says_so(
    app: Quart, http: httpx.AsyncClient, user: SignedInUser, session_id: str
) -> None:
    use_coach(app, FailingCoach())
    failed = await send_message(http, session_id, user.headers)
    assert "saved as interrupted" in failed.last["detail"]


@pytest.mark.parametrize("what", ["session", "account"])
async def test_deleting_during_a_reply_is_an_ordinary_action_not_an_error(
    app: Quart,
    client: Client,
    user: SignedInUser,
    session_id: str,
    what: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    with caplog.at_level(logging.INFO, logger="clarity"):
        async with open_stream(client, session_id, user) as connection:
            await asyncio.wait_for(coach.started.wait(), 5)
            path = f"/sessions/{session_id}" if what == "session" else "/me"
            deleted = await client.delete(path, headers=user.headers)
            assert deleted.status_code == 204
            coach.release()
            events = await drain(connection)
    assert events[-1].event == "interrupted"
    assert events[-1].json["code"] == "session_deleted"
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING], caplog.text
    assert "reply dropped: its session was deleted" in caplog.text
    assert await SolveMessage.filter(session_id=session_id).count() == 0


async def _orphan(session_id: str, lapsed: bool) -> None:
    """What a process killed mid-reply leaves: a user message, its reply still generating, and
    the session's lock (the reply's id) with its lease."""
    now = datetime.now(UTC)
    user_message = await SolveMessage.create(
        session_id=session_id,
        role=MessageRole.USER,
        content="a message whose reply died",
        step=SolveStep.RECEIVE,
        emotion="neutral",
        status=MessageStatus.COMPLETE,
        created_at=now - timedelta(seconds=5),
    )
    reply = await SolveMessage.create(
        session_id=session_id,
        role=MessageRole.COACH,
        content="",
        step=SolveStep.RECEIVE,
        emotion="neutral",
        status=MessageStatus.GENERATING,
        created_at=now - timedelta(seconds=4),
        reply_to_id=user_message.id,
    )
    until = now - timedelta(seconds=1) if lapsed else now + timedelta(seconds=30)
    await SolveSession.filter(id=session_id).update(
        reply_lock_token=reply.id, reply_lock_until=until
    )


async def test_an_orphaned_reply_shows_as_interrupted_once_its_lease_lapses(
    client: Client, user: SignedInUser, session_id: str
) -> None:
    await _orphan(session_id, lapsed=False)
    url = f"/sessions/{session_id}/messages"
    during = await (await client.get(url, headers=user.headers)).get_json()
    # The lease still runs: the reply may still come.
    assert [(m["role"], m["status"]) for m in during["items"]] == [
        ("user", "complete"),
        ("coach", "generating"),
    ]
    session = await (await client.get(f"/sessions/{session_id}", headers=user.headers)).get_json()
    assert session["reply"]["status"] == "generating"

    await SolveSession.filter(id=session_id).update(
        reply_lock_until=datetime.now(UTC) - timedelta(seconds=1)
    )
    after = await (await client.get(url, headers=user.headers)).get_json()
    assert [(m["role"], m["status"], m["content"]) for m in after["items"]] == [
        ("user", "complete", "a message whose reply died"),
        ("coach", "interrupted", ""),
    ]
    assert (await SolveSession.get(id=session_id)).reply_lock_token is None
    session = await (await client.get(f"/sessions/{session_id}", headers=user.headers)).get_json()
    assert session["reply"] is None
    again = await (await client.get(url, headers=user.headers)).get_json()
    assert again["total"] == 2  # settled once


async def test_the_next_message_settles_an_orphan_before_its_own(
    http: httpx.AsyncClient, user: SignedInUser, session_id: str
) -> None:
    await _orphan(session_id, lapsed=True)
    result = await send_message(http, session_id, user.headers, content="hello again")
    assert result.events[-1].event == "done"
    assert [(role, status) for role, status, _ in await _conversation(session_id)] == [
        ("user", "complete"),
        ("coach", "interrupted"),
        ("user", "complete"),
        ("coach", "complete"),
    ]
