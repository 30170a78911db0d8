"""A SQLite connection whose statements run on the event loop's own thread.

Tortoise reaches SQLite through aiosqlite, which runs every statement on a thread of its own: each
statement is a hand-off there and back (a queue, a wake-up, a callback the loop runs when it gets
round to it), and Tortoise holds its one lock, which every write waits for, across all of them.
Under load the hand-offs cost more than the statements (an indexed insert takes tens of
microseconds in SQLite; each hand-off waits for the busy loop's next turn), so a transaction held
the lock for several turns of the loop. Measured with ``POST /sessions`` (a transaction of an
upsert and an insert), alternated runs on one box: 171-202 -> 245-250 requests a second, server
CPU 4.1-5.0 -> 3.8-3.9 ms per request (README, Performance).

So statements run here, on the loop, without yielding, except the two kinds that wait on the
disk or on another process, which go to a thread so the loop keeps serving meanwhile:

- ``COMMIT`` and writes outside a transaction (each its own commit): an ``fsync`` of the log
  (``PRAGMA synchronous=FULL``, SQLite's default, kept: a commit survives a power cut);
- a statement refused with ``SQLITE_BUSY`` (another process holds the write lock: the CLI, or a
  second worker on the same file) is retried on the thread with SQLite's busy wait, never on
  the loop.

The class offers the part of ``aiosqlite.Connection`` that Tortoise's SQLite client uses
(``execute``, ``execute_insert``, ``execute_fetchall``, ``executemany``, ``executescript``,
``commit``, ``rollback``, ``close``, ``total_changes``, ``in_transaction``). Its users are
serialised by Tortoise's lock (every query and transaction holds it), so the connection is never
used by the loop and the thread at once. Hand-written because aiosqlite has no such mode and no
other maintained driver offers one.

``LoopReader`` is the same idea for the reads every request makes (``clarity.db.sqlite``): on a
read-only connection, on the loop, within a budget of SQLite's virtual-machine steps; a read that
would run past it (or finds the file busy) is stopped and left to the caller to run on a thread.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from clarity.cancellation import finish_despite_cancellation

T = TypeVar("T")

# How long a statement waits, on the thread, for another process's write lock (sqlite3's default).
BUSY_TIMEOUT_MS = 5000
# How much of one read may run on the loop, in SQLite virtual-machine steps, checked every
# _STEPS_PER_CHECK steps by a progress handler. A page of 20 of a user's 1,000 sessions and their
# count takes about 1,600 steps (about 40 µs); the budget stops a read at a millisecond or two of
# the loop's time (a count over some 60,000 sessions), after which it runs on the reading thread.
READ_STEPS_ON_LOOP = 100_000
_STEPS_PER_CHECK = 1_000
# Statements that never commit when run outside a transaction (so never wait on the disk).
_NO_COMMIT = ("SELECT", "PRAGMA", "BEGIN", "SAVEPOINT", "ROLLBACK")


def _primary_code(error: sqlite3.OperationalError) -> int | None:
    # sqlite3 reports SQLite's extended result codes (SQLITE_BUSY_RECOVERY is 261, SQLITE_BUSY
    # with a reason): the primary code is their low byte.
    code = getattr(error, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _is_busy(error: sqlite3.OperationalError) -> bool:
    # SQLITE_BUSY_SNAPSHOT (a transaction that read before another process wrote) is not
    # among them: waiting cannot cure it, the transaction must fail.
    if getattr(error, "sqlite_errorcode", None) == sqlite3.SQLITE_BUSY_SNAPSHOT:
        return False
    return _primary_code(error) in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def _refused(error: sqlite3.OperationalError) -> bool:
    """Busy (a checkpoint, a recovering log), stopped by the step budget, or refused by the
    log's locking protocol after SQLite's own retries: the read may be run again elsewhere."""
    return _is_busy(error) or _primary_code(error) in (
        sqlite3.SQLITE_INTERRUPT,
        sqlite3.SQLITE_PROTOCOL,
    )


def _commits(sql: str) -> bool:
    """Whether ``sql``, run outside a transaction, may write (and so commit)."""
    return not sql.lstrip()[:9].upper().startswith(_NO_COMMIT)


class LoopSqliteConnection:
    """One ``sqlite3`` connection, driven from the event loop (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        # Its own thread, as aiosqlite had: commits never queue behind password hashing on the
        # loop's default executor.
        self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite-commit")

    @classmethod
    def open(cls, path: str) -> LoopSqliteConnection:
        # Opening a file is a few system calls, no wait: done on the loop, so no await can be
        # cancelled half-way through it.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0)
        connection.row_factory = sqlite3.Row
        return cls(connection)

    @property
    def total_changes(self) -> int:
        return self._conn.total_changes

    @property
    def in_transaction(self) -> bool:
        return self._conn.in_transaction

    async def _run(self, sql: str, work: Callable[[], T]) -> T:
        if self._conn.in_transaction or not _commits(sql):  # no commit, so no fsync
            try:
                return work()
            except sqlite3.OperationalError as error:
                if not _is_busy(error):
                    raise
        return await self._off_loop(work)

    async def _off_loop(self, work: Callable[[], T]) -> T:
        """Run ``work`` on a thread, waiting there for another process's lock if need be. A
        cancellation arriving meanwhile is let through only once the statement has ended, so the
        connection is never used by the loop while the thread still runs it."""

        def waiting() -> T:
            self._conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            try:
                return work()
            finally:
                self._conn.execute("PRAGMA busy_timeout = 0")

        future = asyncio.get_running_loop().run_in_executor(self._thread, waiting)
        return await finish_despite_cancellation(future)

    async def execute(self, sql: str, parameters: Iterable[Any] | None = None) -> sqlite3.Cursor:
        # (Tortoise reads nothing from the cursor but ``lastrowid``: no async cursor is needed.)
        values = tuple(parameters or ())  # once: a statement refused as busy is run again
        return await self._run(sql, lambda: self._conn.execute(sql, values))

    async def execute_insert(
        self, sql: str, parameters: Iterable[Any] | None = None
    ) -> tuple[Any, ...]:
        cursor = await self.execute(sql, parameters)
        return (cursor.lastrowid,)

    async def execute_fetchall(
        self, sql: str, parameters: Iterable[Any] | None = None
    ) -> Sequence[Any]:
        values = tuple(parameters or ())
        return await self._run(sql, lambda: self._conn.execute(sql, values).fetchall())

    async def executemany(self, sql: str, parameters: Iterable[Iterable[Any]]) -> sqlite3.Cursor:
        rows = [tuple(p) for p in parameters]
        return await self._run(sql, lambda: self._conn.executemany(sql, rows))

    async def executescript(self, script: str) -> sqlite3.Cursor:
        # A script commits as it goes (schema and migrations only): always on the thread.
        return await self._off_loop(lambda: self._conn.executescript(script))

    async def commit(self) -> None:
        if self._conn.in_transaction:
            await self._off_loop(self._conn.commit)

    async def rollback(self) -> None:
        if self._conn.in_transaction:  # nothing written to disk: no wait
            self._conn.rollback()

    async def close(self) -> None:
        self._conn.close()
        self._thread.shutdown(wait=False)


class LoopReader:
    """A read-only connection whose short reads run on the event loop.

    Every request reads (its sign-in, then a page or a session's messages), each read a few tens
    of microseconds in SQLite. Handed to a thread, as aiosqlite does, each cost more than the
    read itself: a queue, a wake-up, the loop's callback and the GIL passed back and forth. On
    the loop ``GET /sessions`` served 720-770 -> 1,250-1,320 requests a second, with no change in
    a 1,000-reply burst (README, Performance). A read that runs past ``READ_STEPS_ON_LOOP`` steps
    (a count over a huge table) is interrupted, so it never holds the loop for long.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._conn = connection
        self._checks_left = 0
        connection.set_progress_handler(self._over_budget, _STEPS_PER_CHECK)

    @classmethod
    def open(cls, path: str) -> LoopReader:
        # A few system calls, no wait (like LoopSqliteConnection.open); never waits for a lock.
        connection = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=0)
        connection.execute("PRAGMA query_only = ON")
        return cls(connection)

    def _over_budget(self) -> bool:
        self._checks_left -= 1
        return self._checks_left < 0

    def fetchall(self, sql: str, values: Sequence[Any]) -> list[Any] | None:
        """The rows of one read, or None when it must run elsewhere: over the step budget, or
        the file busy (a checkpoint, a recovering log). Nothing is left open either way: a read
        outside a transaction ends with its statement."""
        self._checks_left = READ_STEPS_ON_LOOP // _STEPS_PER_CHECK
        try:
            return self._conn.execute(sql, values).fetchall()
        except sqlite3.OperationalError as error:
            if _refused(error):
                return None
            raise

    def close(self) -> None:
        self._conn.close()
