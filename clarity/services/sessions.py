"""Solve sessions: create (against the quota), list, read, end, delete; and their messages."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.db.rows import (
    as_datetime,
    as_optional_datetime,
    as_optional_uuid,
    as_uuid,
    execute,
    select,
)
from clarity.errors import APIError, not_found
from clarity.models import (
    MessageStatus,
    SessionStatus,
    SolveMessage,
    SolveSession,
    SolveStep,
    User,
)
from clarity.schemas.usage import Usage
from clarity.services.reply_store import settle_if_lapsed
from clarity.services.usage import charge_new_session


def parse_id(raw: str) -> uuid.UUID | None:
    """The id in the one spelling the server emits (lower-case, hyphenated), else None.

    ``uuid.UUID`` also reads upper case, braces, ``urn:uuid:`` and bare hex: one resource would
    answer at five URLs (caches and idempotency keys see five), so those are 404 like any
    malformed id.
    """
    try:
        parsed = uuid.UUID(raw)
    except ValueError:
        return None
    return parsed if str(parsed) == raw else None


async def create_session(
    user: User,
    device_id: str | None,
    free_sessions_per_day: int | None,
    on_created: Callable[[SessionRow, Usage], Awaitable[None]] | None = None,
) -> tuple[SessionRow, Usage]:
    """A new active session at the first step, charged to today's quota in one transaction.

    ``on_created`` runs inside that transaction (it stores an idempotent outcome: all or none).
    """
    now = utcnow()
    session = SessionRow(
        uuid.uuid4(), SessionStatus.ACTIVE, SolveStep.RECEIVE, device_id, now, completed_at=None
    )
    async with in_transaction():
        usage = await charge_new_session(user, free_sessions_per_day, now)
        await execute(
            _INSERT_SESSION,
            session.id,
            user.id,
            device_id,
            session.status.value,
            session.current_step.value,
            now,
        )
        if on_created is not None:
            await on_created(session, usage)
    return session, usage


# Every new session: written once, with the row's values known beforehand (Tortoise's
# ``Model.create`` built a model instance and its INSERT anew each time; clarity.db.rows).
_INSERT_SESSION = (
    "INSERT INTO solve_sessions (id, user_id, device_id, status, current_step, created_at) "
    "VALUES ($1, $2, $3, $4, $5, $6)"
)


async def get_session(user: User, raw_id: str) -> SolveSession:
    """The user's session, or the same 404 for a missing, malformed or someone else's id."""
    session_id = parse_id(raw_id)
    session = await SolveSession.get_or_none(id=session_id, user_id=user.id) if session_id else None
    if session is None:
        raise not_found("Session")
    return session


@dataclass(slots=True)
class SessionRow:
    """A session as the read routes answer it: plain values, no model instance
    (``clarity.db.rows`` says why). The attributes are the model's."""

    id: uuid.UUID
    status: SessionStatus
    current_step: SolveStep
    device_id: str | None
    created_at: datetime
    completed_at: datetime | None
    reply_lock_token: uuid.UUID | None = None
    reply_lock_until: datetime | None = None

    @classmethod
    def read(cls, row: Sequence[Any]) -> SessionRow:
        """From the first eight columns of ``_SESSION_BY_ID`` or ``_PAGE``."""
        return cls(
            as_uuid(row[0]),
            SessionStatus(row[1]),
            SolveStep(row[2]),
            row[3],
            as_datetime(row[4]),
            as_optional_datetime(row[5]),
            as_optional_uuid(row[6]),
            as_optional_datetime(row[7]),
        )


# The columns SessionRow.read takes, in order. (Whole statements, not assembled: nothing but
# parameters varies.)
_SESSION_BY_ID = (
    "SELECT id, status, current_step, device_id, created_at, completed_at, reply_lock_token, "
    "reply_lock_until FROM solve_sessions WHERE id = $1 AND user_id = $2"
)
_PAGE = (
    "SELECT id, status, current_step, device_id, created_at, completed_at, reply_lock_token, "
    "reply_lock_until, (SELECT COUNT(*) FROM solve_sessions WHERE user_id = $1) "
    "FROM solve_sessions WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
)
_PAGE_WITH_STATUS = (
    "SELECT id, status, current_step, device_id, created_at, completed_at, reply_lock_token, "
    "reply_lock_until, (SELECT COUNT(*) FROM solve_sessions WHERE user_id = $1 AND status = $4) "
    "FROM solve_sessions WHERE user_id = $1 AND status = $4 "
    "ORDER BY created_at DESC, id DESC LIMIT $2 OFFSET $3"
)
_COUNT = "SELECT COUNT(*) FROM solve_sessions WHERE user_id = $1"
_COUNT_WITH_STATUS = "SELECT COUNT(*) FROM solve_sessions WHERE user_id = $1 AND status = $2"


async def get_session_and_reply(user: User, raw_id: str) -> tuple[SessionRow, SolveMessage | None]:
    """The user's session, and the reply being generated in it if there is one (settling a reply
    whose process died)."""
    session_id = parse_id(raw_id)
    rows = await select(_SESSION_BY_ID, session_id, user.id) if session_id else ()
    if not rows:
        raise not_found("Session")
    session = SessionRow.read(rows[0])
    await settle_if_lapsed(session)
    reply = None
    if session.reply_lock_token is not None:  # the lock is the running reply's id
        reply = await SolveMessage.get_or_none(
            id=session.reply_lock_token, status=MessageStatus.GENERATING
        )
    return session, reply


async def list_sessions(
    user: User, *, limit: int, offset: int, status: SessionStatus | None
) -> tuple[list[SessionRow], int]:
    """A page of the user's sessions, newest first, and how many there are in all: one query
    (the total rides on each row as an uncorrelated subquery, which both databases evaluate once
    and answer from the index, where ``COUNT(*) OVER ()`` would read and sort every row of the
    user's; a page past the end counts apart)."""
    if status is None:
        rows = await select(_PAGE, user.id, limit, offset)
    else:
        rows = await select(_PAGE_WITH_STATUS, user.id, limit, offset, status.value)
    if rows:
        return [SessionRow.read(row) for row in rows], int(rows[0][-1])
    if offset == 0:
        return [], 0
    if status is None:
        counted = await select(_COUNT, user.id)
    else:
        counted = await select(_COUNT_WITH_STATUS, user.id, status.value)
    return [], int(counted[0][0])


async def end_session(user: User, raw_id: str, status: SessionStatus) -> SolveSession:
    """Mark an active session completed or abandoned; 409 when it has already ended."""
    session = await get_session(user, raw_id)
    now = utcnow()
    changes: dict[str, object] = {"status": status}
    if status is SessionStatus.COMPLETED:
        changes["completed_at"] = now
    # Conditional, so that two racing requests cannot both end it.
    updated = await SolveSession.filter(id=session.id, status=SessionStatus.ACTIVE).update(
        **changes
    )
    if not updated:
        raise APIError(409, "session_not_active", "This session has already ended.")
    await session.refresh_from_db()
    return session


async def delete_session(user: User, raw_id: str) -> None:
    session = await get_session(user, raw_id)
    await SolveSession.filter(id=session.id).delete()


async def list_messages(
    user: User, raw_id: str, *, limit: int, offset: int
) -> tuple[list[SolveMessage], int]:
    session = await get_session(user, raw_id)
    await settle_if_lapsed(session)
    query = SolveMessage.filter(session_id=session.id)
    items = await query.order_by("created_at", "id").offset(offset).limit(limit)
    return items, await query.count()
