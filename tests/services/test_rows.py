"""The hand-written reads and writes of ``clarity.db.rows``, called directly on both databases: they
see what was committed, a read inside a transaction sees the transaction's own writes, the
exchange insert stores both rows or neither, a session's insert stores the row the ORM would (and
is undone with its charge when the transaction fails), and on SQLite the reading connection
cannot write."""

from __future__ import annotations

import uuid

import pytest
from tortoise import connections
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.db.rows import as_datetime, as_uuid, select
from clarity.db.sqlite import ClaritySqliteClient
from clarity.models import Emotion, MessageStatus, SolveMessage, SolveSession, SolveStep, User
from clarity.schemas.usage import Usage
from clarity.services.accounts import live_sign_in, revoke
from clarity.services.reply_store import store_exchange
from clarity.services.sessions import SessionRow, create_session, list_sessions

_SESSION = "SELECT id, status, created_at FROM solve_sessions WHERE id = $1"


async def test_a_read_sees_a_write_committed_just_before(account: User) -> None:
    session = await SolveSession.create(user=account)
    rows = await select(_SESSION, session.id)
    assert [(as_uuid(r[0]), r[1], as_datetime(r[2])) for r in rows] == [
        (session.id, "active", session.created_at)
    ]
    await SolveSession.filter(id=session.id).update(status="completed")
    assert (await select(_SESSION, session.id))[0][1] == "completed"


async def test_a_read_inside_a_transaction_sees_its_uncommitted_writes(account: User) -> None:
    async with in_transaction():
        session = await SolveSession.create(user=account)
        assert len(await select(_SESSION, session.id)) == 1
        items, total = await list_sessions(account, limit=20, offset=0, status=None)
        assert ([s.id for s in items], total) == ([session.id], 1)


async def test_a_revoked_sign_in_is_refused_by_the_next_lookup(account: User) -> None:
    from clarity.models import SignIn

    now = utcnow()
    sign_in = await SignIn.create(
        user=account, last_used_at=now, expires_at=now.replace(year=now.year + 1)
    )
    found = await live_sign_in(str(sign_in.id))
    assert found is not None
    assert (found.user.id, found.user.email) == (account.id, account.email)
    await revoke(found)
    assert await live_sign_in(str(sign_in.id)) is None


async def _store(session: SolveSession, reply_id: uuid.UUID) -> uuid.UUID:
    user_message_id, _ = await store_exchange(
        session_id=session.id,
        reply_id=reply_id,
        step=SolveStep.RECEIVE,
        content="hello",
        emotion=Emotion.NEUTRAL,
        last_at=None,
    )
    return user_message_id


async def test_the_exchange_insert_stores_both_rows_or_neither(solve_session: SolveSession) -> None:
    reply_id = uuid.uuid4()
    user_message_id = await _store(solve_session, reply_id)
    stored = await SolveMessage.filter(session_id=solve_session.id).order_by("created_at")
    assert [(m.id, m.status, m.reply_to_id) for m in stored] == [
        (user_message_id, MessageStatus.COMPLETE, None),
        (reply_id, MessageStatus.GENERATING, user_message_id),
    ]
    # The same reply id again: the second row clashes, and the first is not stored either.
    with pytest.raises(IntegrityError):
        await _store(solve_session, reply_id)
    assert await SolveMessage.filter(session_id=solve_session.id).count() == 2


async def test_the_sqlite_reading_connection_cannot_write(account: User) -> None:
    client = connections.get("default")
    if not isinstance(client, ClaritySqliteClient):
        pytest.skip("SQLite only: PostgreSQL reads and writes share the pool")
    session = await SolveSession.create(user=account)
    with pytest.raises(Exception, match=r"readonly|read-only"):
        await client.execute_read(
            "UPDATE solve_sessions SET status = 'completed' WHERE id = ?1", [str(session.id)]
        )
    assert (await SolveSession.get(id=session.id)).status == "active"


_STORED = (
    "SELECT id, user_id, device_id, status, current_step, created_at, completed_at, "
    "reply_lock_token, reply_lock_until FROM solve_sessions WHERE id = $1"
)


async def test_a_new_session_is_stored_as_the_orm_stores_one(account: User) -> None:
    created, usage = await create_session(account, "phone-1", free_sessions_per_day=3)
    by_orm = await SolveSession.create(
        user=account, device_id="phone-1", created_at=created.created_at
    )
    # The same columns, spelled alike by the driver (text on SQLite), but for the id.
    stored, orm_stored = [(await select(_STORED, s.id))[0] for s in (created, by_orm)]
    assert list(stored)[1:] == list(orm_stored)[1:]
    assert as_uuid(stored[0]) == created.id
    # The model reads it back as the row the route answered with.
    model = await SolveSession.get(id=created.id)
    assert (model.status, model.current_step, model.device_id, model.created_at) == (
        created.status,
        created.current_step,
        created.device_id,
        created.created_at,
    )
    assert (usage.used, usage.remaining) == (1, 2)


async def test_a_new_session_whose_outcome_fails_is_neither_stored_nor_charged(
    account: User,
) -> None:
    async def outcome_not_stored(session: SessionRow, usage: Usage) -> None:
        assert await SolveSession.filter(id=session.id).count() == 1  # inserted by then
        raise RuntimeError("the idempotent outcome could not be stored")

    with pytest.raises(RuntimeError):
        await create_session(account, None, free_sessions_per_day=3, on_created=outcome_not_stored)
    assert await SolveSession.filter(user_id=account.id).count() == 0
    _, usage = await create_session(account, None, free_sessions_per_day=3)
    assert usage.used == 1
