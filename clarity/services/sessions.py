"""Solve sessions: create (against the quota), list, read, end, delete; and their messages."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.errors import APIError, not_found
from clarity.models import MessageStatus, SessionStatus, SolveMessage, SolveSession, User
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
    on_created: Callable[[SolveSession, Usage], Awaitable[None]] | None = None,
) -> tuple[SolveSession, Usage]:
    """A new active session at the first step, charged to today's quota in one transaction.

    ``on_created`` runs inside that transaction (it stores an idempotent outcome: all or none).
    """
    now = utcnow()
    async with in_transaction():
        usage = await charge_new_session(user, free_sessions_per_day, now)
        session = await SolveSession.create(user=user, device_id=device_id, created_at=now)
        if on_created is not None:
            await on_created(session, usage)
    return session, usage


async def get_session(user: User, raw_id: str) -> SolveSession:
    """The user's session, or the same 404 for a missing, malformed or someone else's id."""
    session_id = parse_id(raw_id)
    session = await SolveSession.get_or_none(id=session_id, user_id=user.id) if session_id else None
    if session is None:
        raise not_found("Session")
    return session


async def get_session_and_reply(
    user: User, raw_id: str
) -> tuple[SolveSession, SolveMessage | None]:
    """The user's session, and the reply being generated in it if there is one (settling a reply
    whose process died)."""
    session = await get_session(user, raw_id)
    await settle_if_lapsed(session)
    reply = None
    if session.reply_lock_token is not None:  # the lock is the running reply's id
        reply = await SolveMessage.get_or_none(
            id=session.reply_lock_token, status=MessageStatus.GENERATING
        )
    return session, reply


async def list_sessions(
    user: User, *, limit: int, offset: int, status: SessionStatus | None
) -> tuple[list[SolveSession], int]:
    query = SolveSession.filter(user_id=user.id)
    if status is not None:
        query = query.filter(status=status)
    items = await query.order_by("-created_at", "-id").offset(offset).limit(limit)
    return items, await query.count()


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
