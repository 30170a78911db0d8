"""Beginning an exchange: the session's reply lock taken, the user's message and its reply-to-be
stored, all before the stream sends its first byte."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import orjson

from clarity.cancellation import finish_despite_cancellation
from clarity.coach import HistoryEntry
from clarity.coach.emotion import detect_emotion
from clarity.db.rows import as_datetime, select
from clarity.errors import APIError
from clarity.models import (
    Emotion,
    IdempotencyKey,
    MessageRole,
    MessageStatus,
    SolveStep,
    User,
)
from clarity.safety.assessment import NO_RISK, Assessment
from clarity.services import reply_locks, reply_store

log = logging.getLogger(__name__)

HISTORY_MESSAGES = 20
# The user's previous messages the crisis detector reads with the new one (and the messages read
# to find them: theirs and the coach's alternate).
SAFETY_HISTORY = 3
SAFETY_WINDOW = 2 * SAFETY_HISTORY


# The session's newest messages, newest first (a plain read: clarity.db.rows).
_RECENT = (
    "SELECT role, content, step, status, outcome, created_at FROM solve_messages "
    "WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2"
)


@dataclass(slots=True, kw_only=True)
class Exchange:
    """One message and its reply in progress: plain values, kept for as long as the reply runs."""

    session_id: uuid.UUID
    # The coach message being generated; also the token of the session's reply lock.
    reply_id: uuid.UUID
    step: SolveStep
    content: str
    user_message_id: uuid.UUID
    user_message_at: datetime
    emotion: Emotion
    # The user's previous messages in the session, oldest first (read with this one for risk).
    recent_user_messages: tuple[str, ...]
    # The session's previous reply was the crisis reply: this one checks in first.
    after_crisis: bool
    history: list[HistoryEntry]
    # The Idempotency-Key this exchange answers, if any: completed with the reply.
    idempotency: IdempotencyKey | None = None
    # The message's crisis assessment (categories and level, never text), made by the reply.
    safety: Assessment = NO_RISK


async def begin_exchange(
    user: User,
    raw_session_id: str,
    content: str,
    *,
    client_step: SolveStep | None,
    lease: float,
    idempotency: IdempotencyKey | None = None,
    load_history: bool = True,
) -> Exchange:
    """Lock the session for one reply and store the user's message; refuse with 404/409."""
    reply_id = uuid.uuid4()
    session_id, step = await reply_locks.acquire(user, raw_session_id, reply_id, lease)
    try:
        if client_step is not None and client_step != step:
            raise APIError(
                409,
                "step_mismatch",
                f"The session is on the {step.value} step, not {client_step.value}.",
            )
        # The newest messages: history for the coach (when it uses it), and the last timestamp.
        rows = await select(
            _RECENT, session_id, max(HISTORY_MESSAGES if load_history else 0, SAFETY_WINDOW)
        )
        recent = [
            {
                "role": MessageRole(row[0]),
                "content": row[1],
                "step": SolveStep(row[2]),
                "status": MessageStatus(row[3]),
                "outcome": row[4],
                "created_at": as_datetime(row[5]),
            }
            for row in rows
        ]
        if recent and recent[0]["status"] == MessageStatus.GENERATING:
            # We hold the lock, so nothing runs it: its process died and the lease lapsed.
            await reply_store.interrupt_orphans(session_id)
        history = (
            [HistoryEntry(m["role"], m["content"], m["step"]) for m in reversed(recent)]
            if load_history
            else []
        )
        emotion = detect_emotion(content)
        user_message_id, user_message_at = await reply_store.store_exchange(
            session_id=session_id,
            reply_id=reply_id,
            step=step,
            content=content,
            emotion=emotion,
            last_at=recent[0]["created_at"] if recent else None,
        )
    except BaseException:
        await finish_despite_cancellation(_abandon(session_id, reply_id))
        raise
    return Exchange(
        session_id=session_id,
        reply_id=reply_id,
        step=step,
        content=content,
        user_message_id=user_message_id,
        user_message_at=user_message_at,
        emotion=emotion,
        recent_user_messages=tuple(
            m["content"] for m in reversed(recent) if m["role"] == MessageRole.USER
        )[-SAFETY_HISTORY:],
        after_crisis=_was_crisis_reply(recent),
        history=history,
        idempotency=idempotency,
    )


async def _abandon(session_id: uuid.UUID, reply_id: uuid.UUID) -> None:
    """Undo a begun exchange that will not run (refused, or its request was cancelled): a reply
    already stored as generating is interrupted, and the lock released."""
    await reply_store.interrupt_orphans(session_id)
    await reply_locks.release(session_id, reply_id)


def _was_crisis_reply(recent: list[dict[str, Any]]) -> bool:
    """Whether the session's latest reply (``recent`` is newest first) was the crisis reply."""
    reply = next((m for m in recent if m["role"] == MessageRole.COACH), None)
    if reply is None or not reply["outcome"]:
        return False
    data = orjson.loads(reply["outcome"]).get("data", {})
    return bool((data.get("safety") or {}).get("crisis"))
