"""A solve session's one-reply-at-a-time lock: a lease in the session's row.

Taken by one compare-and-set UPDATE (exactly one of any number of racing requests wins, on any
worker or host), renewed by the process's ``LeaseKeeper`` while the reply runs, and released
when the reply is stored. A lock left behind by a crashed process frees itself once its lease has
passed, because a lapsed lease no longer counts.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from datetime import timedelta

from clarity.clock import utcnow
from clarity.db.rows import execute, returning
from clarity.errors import APIError, not_found
from clarity.models import SessionStatus, SolveSession, SolveStep, User
from clarity.services.sessions import parse_id

log = logging.getLogger(__name__)

# Leases renewed per statement (well under SQLite's limit on bound parameters).
RENEW_BATCH = 500

# The statements every message runs are written once, as clarity.db.rows' statements are
# (Tortoise's query builder took about a twentieth of the loop in a burst for the lock alone).
# The compare-and-set that takes the lock:
_ACQUIRE = (
    "UPDATE solve_sessions SET reply_lock_token = $1, reply_lock_until = $2 "
    "WHERE id = $3 AND user_id = $4 AND status = $5 "
    "AND (reply_lock_until IS NULL OR reply_lock_until < $6) RETURNING current_step"
)


# After a complete reply, in the common case (still active, this reply still holds the lock):
# the session moves on a step, or completes after the last one, and the lock is released.
_ADVANCE = (
    "UPDATE solve_sessions SET current_step = $1, reply_lock_token = NULL, "
    "reply_lock_until = NULL WHERE id = $2 AND reply_lock_token = $3 AND status = $4"
)
_COMPLETE = (
    "UPDATE solve_sessions SET status = $1, completed_at = $2, reply_lock_token = NULL, "
    "reply_lock_until = NULL WHERE id = $3 AND reply_lock_token = $4 AND status = $5"
)


async def acquire(
    user: User, raw_session_id: str, lock_token: uuid.UUID, lease: float
) -> tuple[uuid.UUID, SolveStep]:
    """Lock the user's session for one reply, with ``lock_token`` (the reply's id): (the
    session's id, its current step).

    404 for a missing, malformed or someone else's session; 409 when it has ended or another
    reply holds the lock.
    """
    session_id = parse_id(raw_session_id)
    if session_id is None:
        raise not_found("Session")
    now = utcnow()
    taken = await returning(
        _ACQUIRE,
        lock_token,
        now + timedelta(seconds=lease),
        session_id,
        user.id,
        SessionStatus.ACTIVE.value,
        now,
    )
    if taken:
        return session_id, SolveStep(taken[0]["current_step"])
    # Refused: read the session only now, to say why.
    found = await SolveSession.filter(id=session_id, user_id=user.id).values("status")
    if not found:
        raise not_found("Session")
    if found[0]["status"] != SessionStatus.ACTIVE:
        raise APIError(409, "session_not_active", "This session has ended.")
    raise APIError(
        409,
        "reply_in_progress",
        "The coach is still replying to the previous message.",
        headers={"Retry-After": "1"},
    )


async def release(session_id: uuid.UUID, lock_token: uuid.UUID) -> None:
    """Release the lock if this token still holds it."""
    await SolveSession.filter(id=session_id, reply_lock_token=lock_token).update(
        reply_lock_token=None, reply_lock_until=None
    )


async def advance_and_release(
    session_id: uuid.UUID, lock_token: uuid.UUID, step: SolveStep
) -> tuple[SessionStatus, SolveStep]:
    """After a complete reply to ``step``: move the session on (or complete it after the last
    step) and release the lock. Returns the session's status and current step afterwards.

    One UPDATE in the common case (still active, lock still held); otherwise the session is
    moved on only if still active (the user may have ended it meanwhile), and read back.
    """
    next_step = step.next
    changes: dict[str, object] = (
        {"current_step": next_step}
        if next_step is not None
        else {"status": SessionStatus.COMPLETED, "completed_at": utcnow()}
    )
    if next_step is not None:
        moved = await execute(
            _ADVANCE, next_step.value, session_id, lock_token, SessionStatus.ACTIVE.value
        )
    else:
        moved = await execute(
            _COMPLETE,
            SessionStatus.COMPLETED.value,
            changes["completed_at"],
            session_id,
            lock_token,
            SessionStatus.ACTIVE.value,
        )
    if moved:
        if next_step is None:
            return SessionStatus.COMPLETED, step
        return SessionStatus.ACTIVE, next_step
    await SolveSession.filter(id=session_id, status=SessionStatus.ACTIVE).update(**changes)
    await release(session_id, lock_token)
    return await _state(session_id)


async def release_and_read(
    session_id: uuid.UUID, lock_token: uuid.UUID
) -> tuple[SessionStatus, SolveStep]:
    """Release the lock without moving the session on; its status and current step."""
    await release(session_id, lock_token)
    return await _state(session_id)


async def _state(session_id: uuid.UUID) -> tuple[SessionStatus, SolveStep]:
    status, step = await SolveSession.get(id=session_id).values_list("status", "current_step")
    return SessionStatus(status), SolveStep(step)


class LeaseKeeper:
    """Renews the leases of every reply lock this process holds, a third of a lease apart.

    One task and one UPDATE per interval for all running replies, instead of a task and a query
    per reply: with thousands of streams open that is most of their cost in memory and queries.
    The task stops when no reply runs and starts again with the next one. If the process dies,
    the renewals stop and the leases lapse, which frees the locks.
    """

    def __init__(self, lease: float) -> None:
        self.lease = lease
        self._held: set[uuid.UUID] = set()
        self._task: asyncio.Task[None] | None = None

    def hold(self, lock_token: uuid.UUID) -> None:
        self._held.add(lock_token)
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._renew(), name="clarity-lease-keeper")

    def drop(self, lock_token: uuid.UUID) -> None:
        self._held.discard(lock_token)

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _renew(self) -> None:
        while self._held:
            await asyncio.sleep(self.lease / 3)
            tokens = list(self._held)
            until = utcnow() + timedelta(seconds=self.lease)
            for start in range(0, len(tokens), RENEW_BATCH):
                batch = tokens[start : start + RENEW_BATCH]
                try:
                    renewed = await SolveSession.filter(reply_lock_token__in=batch).update(
                        reply_lock_until=until
                    )
                except Exception as error:  # e.g. the database is away: try again next time
                    log.warning("could not renew %d reply locks: %s", len(batch), error)
                    continue
                # A lock whose reply ended meanwhile is missing for a good reason; others lapsed.
                lost = sum(token in self._held for token in batch) - renewed
                if lost > 0:
                    log.warning("%d reply locks lost (their leases lapsed)", lost)
