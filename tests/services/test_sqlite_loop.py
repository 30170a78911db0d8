"""SQLite driven from the event loop (``clarity.db.sqlite_connection``): what runs on the loop never
waits there. While another process holds the file's write lock (the CLI, a second worker), writes
wait for it on their own thread and the loop keeps serving; reads answer from the last committed
state at once; a write cancelled while it waits leaves the connection usable. Short reads are
answered on the loop; a long one, or one that finds the file locked, runs on the reading thread."""

from __future__ import annotations

import asyncio
import sqlite3
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from tortoise import connections
from tortoise.transactions import in_transaction

from clarity.db.rows import select
from clarity.db.sqlite import ClaritySqliteClient
from clarity.db.sqlite_connection import LoopReader
from clarity.models import SolveSession, User
from tests.helpers.loop import Ticker, ticking

_COUNT = "SELECT COUNT(*) FROM solve_sessions WHERE user_id = $1"


@pytest.fixture
def client(account: User) -> ClaritySqliteClient:
    db = connections.get("default")
    if not isinstance(db, ClaritySqliteClient) or db.filename == ":memory:":
        pytest.skip("SQLite files only")
    return db


@pytest.fixture
def other_process(client: ClaritySqliteClient) -> Iterator[sqlite3.Connection]:
    """A connection of another process's kind: its own, to the same file."""
    connection = sqlite3.connect(client.filename, isolation_level=None, timeout=0)
    try:
        yield connection
    finally:
        if connection.in_transaction:
            connection.rollback()
        connection.close()


@pytest.fixture
async def ticker() -> AsyncIterator[Ticker]:
    """Counts how often the loop got round to it while a statement waited."""
    async with ticking(0.01) as ticker:
        yield ticker


async def _waits_then_finishes(work: asyncio.Task[object], other: sqlite3.Connection) -> None:
    await asyncio.sleep(0.3)
    assert not work.done(), "the write should wait for the other process's lock"
    other.commit()
    await asyncio.wait_for(work, timeout=5)


async def test_a_write_outside_a_transaction_waits_off_the_loop(
    account: User, other_process: sqlite3.Connection, ticker: Ticker
) -> None:
    other_process.execute("BEGIN IMMEDIATE")
    write = asyncio.create_task(SolveSession.create(user=account))
    await _waits_then_finishes(write, other_process)  # type: ignore[arg-type]
    assert ticker.ticks >= 10  # the loop kept turning (about 30 in 0.3 s): it was not blocked
    assert await SolveSession.filter(user_id=account.id).count() == 1


async def test_a_write_inside_a_transaction_waits_off_the_loop(
    account: User, other_process: sqlite3.Connection, ticker: Ticker
) -> None:
    async def transaction() -> None:
        async with in_transaction():
            await SolveSession.create(user=account)
            await SolveSession.create(user=account)

    other_process.execute("BEGIN IMMEDIATE")
    work = asyncio.create_task(transaction())
    await _waits_then_finishes(work, other_process)  # type: ignore[arg-type]
    assert ticker.ticks >= 10
    assert await SolveSession.filter(user_id=account.id).count() == 2


async def test_a_read_answers_at_once_while_another_process_writes(
    account: User, other_process: sqlite3.Connection
) -> None:
    await SolveSession.create(user=account)
    other_process.execute("BEGIN IMMEDIATE")
    other_process.execute(
        "INSERT INTO solve_sessions (id, status, current_step, created_at, user_id) "
        "VALUES ('00000000-0000-4000-8000-000000000001', 'active', 'receive', "
        "'2026-01-01 00:00:00+00:00', ?)",
        (str(account.id),),
    )
    rows = await asyncio.wait_for(select(_COUNT, account.id), timeout=0.5)
    assert rows[0][0] == 1  # the committed state, not the other process's pending row
    other_process.commit()
    assert (await select(_COUNT, account.id))[0][0] == 2


async def test_a_commit_cancelled_on_its_thread_leaves_the_connection_usable(
    account: User, other_process: sqlite3.Connection
) -> None:
    async def transaction() -> None:
        async with in_transaction():
            await SolveSession.create(user=account)

    other_process.execute("BEGIN IMMEDIATE")  # the insert, then, waits on the thread
    work = asyncio.create_task(transaction())
    await asyncio.sleep(0.2)
    work.cancel()
    await asyncio.sleep(0.1)
    assert not work.done(), "the statement on the thread is waited for before cancelling"
    other_process.commit()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(work, timeout=5)
    # Rolled back, nothing half-written, and the next statements run.
    assert await SolveSession.filter(user_id=account.id).count() == 0
    await SolveSession.create(user=account)
    assert (await select(_COUNT, account.id))[0][0] == 1


# About three million SQLite steps, no table needed: far past the loop's budget for one read.
_LONG_READ = (
    "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 300000) "
    "SELECT COUNT(*) FROM n"
)


async def test_a_short_read_is_answered_on_the_loop_without_its_thread(
    client: ClaritySqliteClient, account: User
) -> None:
    await SolveSession.create(user=account)
    assert (await select(_COUNT, account.id))[0][0] == 1
    assert client._reader is None, "a short read should not need the reading thread"


async def test_a_long_read_is_stopped_on_the_loop_and_answered_from_its_thread(
    client: ClaritySqliteClient, ticker: Ticker
) -> None:
    rows = await select(_LONG_READ)
    assert rows[0][0] == 300000  # the whole answer, run again on the thread
    assert client._reader is not None
    assert ticker.ticks >= 3  # the loop kept turning while it ran (it takes 0.1-0.3 s)


def test_the_loop_reader_hands_over_a_read_that_finds_the_file_locked(tmp_path: Path) -> None:
    # A file without a write-ahead log, where a writer's exclusive lock keeps readers out (on
    # the app's log only a checkpoint or a recovery does): the loop must not wait for it.
    path = str(tmp_path / "locked.sqlite3")
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("CREATE TABLE t (x)")
    writer.execute("INSERT INTO t VALUES (1)")
    reader = LoopReader.open(path)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        assert reader.fetchall("SELECT COUNT(*) FROM t", ()) is None
        writer.execute("COMMIT")
        assert reader.fetchall("SELECT COUNT(*) FROM t", ()) == [(1,)]
    finally:
        reader.close()
        writer.close()


# Another process in the middle of recovering the write-ahead log: it holds the log's write and
# recovery locks in the shared-memory file (fcntl locks, so from a process of its own) and has
# cleared its header. Readers are refused with SQLITE_BUSY_RECOVERY meanwhile.
_RECOVERING = """
import fcntl, os, struct, sys, time
fd = os.open(sys.argv[1] + "-shm", os.O_RDWR)
for byte in (120, 122):
    fcntl.fcntl(fd, fcntl.F_SETLK, struct.pack("hhqqi", fcntl.F_WRLCK, 0, byte, 1, 0))
os.pwrite(fd, bytes(136), 0)
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
"""


async def test_a_read_waits_off_the_loop_while_another_process_recovers_the_log(
    client: ClaritySqliteClient, account: User, ticker: Ticker
) -> None:
    await SolveSession.create(user=account)
    recovering = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _RECOVERING, client.filename, "0.6", stdout=asyncio.subprocess.PIPE
    )
    try:
        assert recovering.stdout is not None
        assert await recovering.stdout.readline() == b"locked\n"
        ticks = ticker.ticks
        rows = await asyncio.wait_for(select(_COUNT, account.id), timeout=10)
        assert rows[0][0] == 1  # answered once the log was free, not failed as locked
        assert ticker.ticks - ticks >= 10  # on the reading thread: the loop kept turning
    finally:
        await asyncio.wait_for(recovering.wait(), timeout=10)


async def test_a_fresh_connection_never_waits_on_the_loop_for_another_process(
    tmp_path: Path, ticker: Ticker
) -> None:
    # The database URL asks for busy_timeout=5000; on the loop a statement must not wait.
    path = str(tmp_path / "fresh.sqlite3")
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("CREATE TABLE t (x)")
    fresh = ClaritySqliteClient(path, connection_name="fresh", busy_timeout="5000")
    await fresh.create_connection(with_db=True)
    try:
        connection = fresh._connection
        assert connection is not None
        other.execute("BEGIN IMMEDIATE")
        await connection.execute("BEGIN")
        insert = asyncio.create_task(connection.execute("INSERT INTO t VALUES (1)"))
        await asyncio.sleep(0.3)
        assert not insert.done(), "the insert should wait for the other process's lock"
        assert ticker.ticks >= 10  # it waits on the connection's thread, not on the loop
        other.commit()
        await asyncio.wait_for(insert, timeout=5)
        await connection.rollback()
    finally:
        await fresh.close()
        other.close()
