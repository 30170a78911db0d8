"""What is stored of an exchange: the user's message and the coach's reply, from the moment the
message is accepted (the reply ``generating``) until the reply is stored complete or interrupted.

Every write that ends a reply also keeps its stream's terminal event (``outcome``), so that any
worker can replay the reply exactly. A reply whose process died (SIGKILL, a lost host) stays
``generating`` while its session's lock lapses; it is settled as interrupted the next time anyone
looks: when the session or its messages are read, when a client follows the reply, and when the
next message takes the lock. No sweeper, no extra query on the common paths.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Protocol

import orjson
from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.db.rows import execute
from clarity.models import (
    Emotion,
    MessageRole,
    MessageStatus,
    SolveMessage,
    SolveSession,
    SolveStep,
)
from clarity.schemas.sessions import InterruptedEvent
from clarity.sse import Terminal, event_record

# Messages of a session are strictly ordered by created_at: each is at least this much later.
TICK = timedelta(microseconds=1)
RESEND = "Send your message again."
# The interruption's detail by (code, whether the partial reply was stored): it never claims that
# something was saved when it was not.
DETAILS = {
    ("coach_failed", True): f"The coach could not finish this reply; it was saved as "
    f"interrupted. {RESEND}",
    ("coach_failed", False): f"The coach could not finish this reply, and it could not be "
    f"saved. {RESEND}",
    ("server_shutting_down", True): "The server restarted before the reply finished; it was "
    f"saved as interrupted. {RESEND}",
    ("server_shutting_down", False): f"The server restarted before the reply finished. {RESEND}",
    ("reply_lost", True): f"The server writing this reply stopped before it finished. {RESEND}",
    ("stopped", True): "The reply was stopped; what was written so far is kept.",
    ("stopped", False): "The reply was stopped.",
    ("session_deleted", False): "The session was deleted while the coach was replying.",
}


def interruption(code: str, saved: bool) -> InterruptedEvent:
    return InterruptedEvent(code=code, detail=DETAILS[code, saved])


def after(moment: datetime) -> datetime:
    """Now, or just after ``moment`` if the clock has not moved past it."""
    now = utcnow()
    return now if now > moment else moment + TICK


def outcome_json(terminal: Terminal) -> str:
    return orjson.dumps(event_record(terminal)).decode()


# The user's message, then the coach's reply to it (empty, generating): one statement, so both
# rows or neither (clarity.db.rows says why it is written by hand).
_INSERT_EXCHANGE = (
    "INSERT INTO solve_messages "
    "(id, session_id, role, content, step, emotion, status, created_at, reply_to_id) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL), ($9, $2, $10, '', $5, $6, $11, $12, $1)"
)


async def store_exchange(
    *,
    session_id: uuid.UUID,
    reply_id: uuid.UUID,
    step: SolveStep,
    content: str,
    emotion: Emotion,
    last_at: datetime | None,
) -> tuple[uuid.UUID, datetime]:
    """The user's message and its reply-to-be (``generating``), in one INSERT; returns the user
    message's id and time."""
    user_at = after(last_at) if last_at is not None else utcnow()
    user_message_id = uuid.uuid4()
    await execute(
        _INSERT_EXCHANGE,
        user_message_id,
        session_id,
        MessageRole.USER.value,
        content,
        step.value,
        emotion.value,
        MessageStatus.COMPLETE.value,
        user_at,
        reply_id,
        MessageRole.COACH.value,
        MessageStatus.GENERATING.value,
        user_at + TICK,
    )
    return user_message_id, user_at


# Every reply ends with it: written once (clarity.db.rows says why).
_END_REPLY = (
    "UPDATE solve_messages SET content = $1, status = $2, outcome = $3 "
    "WHERE id = $4 AND status = $5"
)


async def end_reply(
    reply_id: uuid.UUID, text: str, status: MessageStatus, terminal: Terminal
) -> bool:
    """Store the reply's text, final status and terminal event; False if it is gone (deleted)."""
    updated = await execute(
        _END_REPLY,
        text,
        status.value,
        outcome_json(terminal),
        reply_id,
        MessageStatus.GENERATING.value,
    )
    return bool(updated)


async def interrupt_orphans(session_id: uuid.UUID) -> None:
    """Replies of this session still ``generating`` while nobody runs them (the caller holds the
    lock, or the lock lapsed): stored as interrupted, code ``reply_lost``."""
    await SolveMessage.filter(session_id=session_id, status=MessageStatus.GENERATING).update(
        status=MessageStatus.INTERRUPTED,
        outcome=outcome_json(interruption("reply_lost", True)),
    )


class LockedSession(Protocol):
    """A session as read with its reply lock: the model, or a read route's plain row."""

    id: uuid.UUID
    reply_lock_token: uuid.UUID | None
    reply_lock_until: datetime | None


async def settle_if_lapsed(session: LockedSession) -> None:
    """If ``session``'s reply lock has lapsed, its reply died with its process: release the lock
    and store the reply as interrupted. Safe to race (one conditional UPDATE decides)."""
    token, until = session.reply_lock_token, session.reply_lock_until
    if token is None or until is None or until >= utcnow():
        return
    async with in_transaction():
        released = await SolveSession.filter(
            id=session.id, reply_lock_token=token, reply_lock_until=until
        ).update(reply_lock_token=None, reply_lock_until=None)
        if released:
            await interrupt_orphans(session.id)
    session.reply_lock_token = session.reply_lock_until = None
