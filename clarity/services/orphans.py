"""Replies that no process will finish: their user message gets an empty ``interrupted`` reply.

A reply is stored by the task that generates it, whatever happens to the client. Only a process
that dies outright (SIGKILL, a lost host) or a database that fails while the reply is being
stored leaves a user message with no reply; its session's lock then lapses with its lease. Such
a reply is settled the next time anyone looks: when the session's messages are read after the
lease has lapsed, and when the next message takes the lock. No sweeper task, no extra query on
the common paths: the session row and the newest messages are read there anyway.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.models import (
    Emotion,
    MessageRole,
    MessageStatus,
    SolveMessage,
    SolveSession,
    SolveStep,
)

# Messages of a session are strictly ordered by created_at; a reply is at least this much later.
TICK = timedelta(microseconds=1)


def after(moment: datetime) -> datetime:
    """Now, or just after ``moment`` if the clock has not moved past it."""
    now = utcnow()
    return now if now > moment else moment + TICK


async def store_interrupted_reply(
    session_id: uuid.UUID, step: SolveStep, emotion: Emotion, answering_at: datetime
) -> datetime:
    """An empty interrupted coach message after the user message made at ``answering_at``;
    returns its time."""
    created_at = after(answering_at)
    await SolveMessage.create(
        session_id=session_id,
        role=MessageRole.COACH,
        content="",
        step=step,
        emotion=emotion,
        status=MessageStatus.INTERRUPTED,
        created_at=created_at,
    )
    return created_at


async def settle_if_lapsed(session: SolveSession) -> None:
    """If ``session``'s reply lock has lapsed, its reply died with its process: release the lock
    and store that reply as interrupted. Safe to race (one conditional UPDATE decides)."""
    token, until = session.reply_lock_token, session.reply_lock_until
    if token is None or until is None or until >= utcnow():
        return
    async with in_transaction():
        released = await SolveSession.filter(
            id=session.id, reply_lock_token=token, reply_lock_until=until
        ).update(reply_lock_token=None, reply_lock_until=None)
        if released:
            newest = (
                await SolveMessage.filter(session_id=session.id)
                .order_by("-created_at", "-id")
                .first()
                .values("role", "step", "emotion", "created_at")
            )
            if newest and newest["role"] == MessageRole.USER:
                await store_interrupted_reply(
                    session.id, newest["step"], newest["emotion"], newest["created_at"]
                )
    session.reply_lock_token = session.reply_lock_until = None
