"""Settling a reply whose process died, called directly: a lapsed lease, not a killed server."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

from clarity.clock import utcnow
from clarity.models import Emotion, MessageStatus, SolveMessage, SolveSession, SolveStep
from clarity.schemas.sessions import DoneEvent
from clarity.services.reply_store import (
    DETAILS,
    end_reply,
    interrupt_orphans,
    settle_if_lapsed,
    store_exchange,
)


async def _generating(session: SolveSession, lease_left: float) -> uuid.UUID:
    """A reply being generated under a lock whose lease ends ``lease_left`` seconds from now."""
    reply_id = uuid.uuid4()
    await SolveSession.filter(id=session.id).update(
        reply_lock_token=reply_id, reply_lock_until=utcnow() + timedelta(seconds=lease_left)
    )
    await store_exchange(
        session_id=session.id,
        reply_id=reply_id,
        step=SolveStep.RECEIVE,
        content="hello",
        emotion=Emotion.NEUTRAL,
        last_at=None,
    )
    await SolveMessage.filter(id=reply_id).update(content="Half a")
    await session.refresh_from_db()
    return reply_id


async def test_a_lapsed_lock_interrupts_the_reply_with_reply_lost(
    solve_session: SolveSession,
) -> None:
    reply_id = await _generating(solve_session, lease_left=-1)
    await settle_if_lapsed(solve_session)
    assert (solve_session.reply_lock_token, solve_session.reply_lock_until) == (None, None)
    await solve_session.refresh_from_db()
    assert (solve_session.reply_lock_token, solve_session.reply_lock_until) == (None, None)
    reply = await SolveMessage.get(id=reply_id)
    assert (reply.status, reply.content) == (MessageStatus.INTERRUPTED, "Half a")
    assert reply.outcome is not None
    assert json.loads(reply.outcome) == {
        "event": "interrupted",
        "data": {"code": "reply_lost", "detail": DETAILS["reply_lost", True]},
    }


async def test_a_lock_within_its_lease_is_left_alone(solve_session: SolveSession) -> None:
    reply_id = await _generating(solve_session, lease_left=30)
    token = solve_session.reply_lock_token
    await settle_if_lapsed(solve_session)
    assert solve_session.reply_lock_token == token
    await solve_session.refresh_from_db()
    assert solve_session.reply_lock_token == token
    assert (await SolveMessage.get(id=reply_id)).status is MessageStatus.GENERATING


async def test_a_lock_taken_over_meanwhile_is_left_to_its_new_holder(
    solve_session: SolveSession,
) -> None:
    reply_id = await _generating(solve_session, lease_left=-1)
    newer = uuid.uuid4()  # another request took the lapsed lock after this copy was read
    await SolveSession.filter(id=solve_session.id).update(
        reply_lock_token=newer, reply_lock_until=utcnow() + timedelta(seconds=30)
    )
    await settle_if_lapsed(solve_session)
    await solve_session.refresh_from_db()
    assert solve_session.reply_lock_token == newer
    assert (await SolveMessage.get(id=reply_id)).status is MessageStatus.GENERATING


async def test_interrupt_orphans_settles_only_generating_replies(
    solve_session: SolveSession,
) -> None:
    finished = await _generating(solve_session, lease_left=30)
    done = DoneEvent(
        message_id=finished,
        user_message_id=uuid.uuid4(),
        next_step="clarify",
        emotion_detected="neutral",
        session_status="active",
        safety=None,
    )
    assert await end_reply(finished, "All of it.", MessageStatus.COMPLETE, done)
    orphan = await _generating(solve_session, lease_left=30)
    await interrupt_orphans(solve_session.id)
    kept = await SolveMessage.get(id=finished)
    assert (kept.status, kept.content) == (MessageStatus.COMPLETE, "All of it.")
    lost = await SolveMessage.get(id=orphan)
    assert lost.status is MessageStatus.INTERRUPTED
    assert lost.outcome is not None
    assert json.loads(lost.outcome)["data"]["code"] == "reply_lost"
    # A reply already settled is not written again.
    assert not await end_reply(orphan, "late", MessageStatus.COMPLETE, done)
    assert (await SolveMessage.get(id=orphan)).content == "Half a"
