"""The reply lock, called directly: a lease in the session's row."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from datetime import timedelta

import pytest

from clarity.clock import utcnow
from clarity.errors import APIError
from clarity.models import SessionStatus, SolveSession, SolveStep, User
from clarity.services import reply_locks

LEASE = 30.0


async def _lock(session: SolveSession) -> tuple[uuid.UUID | None, object]:
    await session.refresh_from_db()
    return session.reply_lock_token, session.reply_lock_until


async def test_acquire_takes_a_free_lock_for_the_lease(
    account: User, solve_session: SolveSession
) -> None:
    token = uuid.uuid4()
    before = utcnow()
    taken = await reply_locks.acquire(account, str(solve_session.id), token, LEASE)
    assert taken == (solve_session.id, SolveStep.RECEIVE)
    held_by, until = await _lock(solve_session)
    assert held_by == token
    assert isinstance(until, type(before))
    assert before + timedelta(seconds=LEASE) <= until <= utcnow() + timedelta(seconds=LEASE)


async def test_acquire_refuses_a_held_lock(account: User, solve_session: SolveSession) -> None:
    first = uuid.uuid4()
    await reply_locks.acquire(account, str(solve_session.id), first, LEASE)
    with pytest.raises(APIError) as refused:
        await reply_locks.acquire(account, str(solve_session.id), uuid.uuid4(), LEASE)
    assert (refused.value.status, refused.value.code) == (409, "reply_in_progress")
    assert (await _lock(solve_session))[0] == first


async def test_acquire_takes_a_lapsed_lock(account: User, solve_session: SolveSession) -> None:
    crashed = uuid.uuid4()
    await SolveSession.filter(id=solve_session.id).update(
        reply_lock_token=crashed, reply_lock_until=utcnow() - timedelta(seconds=1)
    )
    token = uuid.uuid4()
    assert await reply_locks.acquire(account, str(solve_session.id), token, LEASE) == (
        solve_session.id,
        SolveStep.RECEIVE,
    )
    assert (await _lock(solve_session))[0] == token


async def test_acquire_refuses_missing_foreign_and_ended_sessions(
    account: User, solve_session: SolveSession
) -> None:
    someone = await User.create(email="someone@example.com", password_hash="x")
    for owner, raw_id in [
        (account, "not-a-uuid"),
        (account, str(uuid.uuid4())),
        (someone, str(solve_session.id)),
    ]:
        with pytest.raises(APIError) as refused:
            await reply_locks.acquire(owner, raw_id, uuid.uuid4(), LEASE)
        assert (refused.value.status, refused.value.code) == (404, "not_found")
    await SolveSession.filter(id=solve_session.id).update(status=SessionStatus.ABANDONED)
    with pytest.raises(APIError) as ended:
        await reply_locks.acquire(account, str(solve_session.id), uuid.uuid4(), LEASE)
    assert (ended.value.status, ended.value.code) == (409, "session_not_active")
    assert (await _lock(solve_session)) == (None, None)


async def test_release_only_with_the_holding_token(
    account: User, solve_session: SolveSession
) -> None:
    token = uuid.uuid4()
    await reply_locks.acquire(account, str(solve_session.id), token, LEASE)
    await reply_locks.release(solve_session.id, uuid.uuid4())
    assert (await _lock(solve_session))[0] == token
    await reply_locks.release(solve_session.id, token)
    assert await _lock(solve_session) == (None, None)


async def test_advance_and_release_moves_the_step_and_completes_after_commit(
    account: User, solve_session: SolveSession
) -> None:
    steps = list(SolveStep)
    for step, following in itertools.pairwise(steps):
        token = uuid.uuid4()
        assert await reply_locks.acquire(account, str(solve_session.id), token, LEASE) == (
            solve_session.id,
            step,
        )
        state = await reply_locks.advance_and_release(solve_session.id, token, step)
        assert state == (SessionStatus.ACTIVE, following)
        assert await _lock(solve_session) == (None, None)
    token = uuid.uuid4()
    await reply_locks.acquire(account, str(solve_session.id), token, LEASE)
    assert await reply_locks.advance_and_release(solve_session.id, token, SolveStep.COMMIT) == (
        SessionStatus.COMPLETED,
        SolveStep.COMMIT,
    )
    await solve_session.refresh_from_db()
    assert solve_session.status is SessionStatus.COMPLETED
    assert solve_session.completed_at is not None
    assert solve_session.reply_lock_token is None


async def test_advance_and_release_keeps_a_session_ended_meanwhile(
    account: User, solve_session: SolveSession
) -> None:
    token = uuid.uuid4()
    await reply_locks.acquire(account, str(solve_session.id), token, LEASE)
    await SolveSession.filter(id=solve_session.id).update(status=SessionStatus.ABANDONED)
    assert await reply_locks.advance_and_release(solve_session.id, token, SolveStep.RECEIVE) == (
        SessionStatus.ABANDONED,
        SolveStep.RECEIVE,
    )
    assert await _lock(solve_session) == (None, None)


async def test_the_lease_keeper_renews_held_locks_and_stops_renewing_dropped_ones(
    account: User, solve_session: SolveSession
) -> None:
    lease = 0.3
    keeper = reply_locks.LeaseKeeper(lease)
    token = uuid.uuid4()
    await reply_locks.acquire(account, str(solve_session.id), token, lease)
    _, first_until = await _lock(solve_session)
    keeper.hold(token)
    try:
        await asyncio.sleep(lease * 2)  # two leases later, still held and still in the future
        held_by, until = await _lock(solve_session)
        assert held_by == token
        assert isinstance(until, type(first_until))
        assert until > first_until
        assert until > utcnow()
        keeper.drop(token)
        await asyncio.sleep(lease * 1.5)  # no longer renewed: lapsed, another request takes it
        _, lapsed = await _lock(solve_session)
        assert isinstance(lapsed, type(first_until))
        assert lapsed < utcnow()
        assert await reply_locks.acquire(account, str(solve_session.id), uuid.uuid4(), LEASE)
    finally:
        await keeper.stop()
