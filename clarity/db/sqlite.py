"""Tortoise's SQLite client: its writes driven from the event loop, transactions that are safe to
cancel, and a connection for reads.

Named as the Tortoise engine for SQLite URLs (``clarity.db.tortoise_config``).

- Its connection is a ``LoopSqliteConnection`` instead of aiosqlite's: statements run on the
  loop's thread, commits and waits for another process's lock on a thread of its own
  (``clarity.db.sqlite_connection`` says why).
- Tortoise 1.1.9's SQLite transaction takes the client's one lock (which every query also
  takes), then awaits ``BEGIN``; a cancellation there skips ``__aexit__``, so the lock is never
  released and every later query waits for ever. See ``clarity.db.transactions``.
- Tortoise gives SQLite one connection, behind one lock, for everything: a read would wait for
  every write transaction queued before it. The write-ahead log (Tortoise's default journal)
  lets readers run beside the writer, each seeing the last committed state, so the hand-written
  reads every request makes (``clarity.db.rows``: the sign-in lookup, the session list and read,
  a session's recent messages) go through a second, read-only connection that needs no lock.
  They run on the loop (``LoopReader``), within a budget of SQLite steps; a read past it, or
  one that finds the file busy, runs again on a read-only aiosqlite connection's own thread,
  which waits for the file when it must. A read inside a transaction stays on the
  transaction's connection, where it sees the transaction's own writes.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Sequence
from typing import Any

import aiosqlite
from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionWrapper,
    translate_exceptions,
)

from clarity.cancellation import finish_despite_cancellation
from clarity.db.sqlite_connection import LoopReader, LoopSqliteConnection
from clarity.db.transactions import SqliteTransaction

# How long a read waits on a lock held by a checkpoint or a recovering log, instead of failing.
READER_BUSY_TIMEOUT_MS = 5000


class ClaritySqliteClient(SqliteClient):
    def __init__(self, file_path: str, **kwargs: Any) -> None:
        super().__init__(file_path, **kwargs)
        self._loop_reader: LoopReader | None = None
        self._reader: aiosqlite.Connection | None = None
        self._reader_opening = asyncio.Lock()

    async def create_connection(self, with_db: bool) -> None:
        if self._connection is None:
            connection = LoopSqliteConnection.open(self.filename)
            for pragma, value in self.pragmas.items():
                await connection.execute(f"PRAGMA {pragma}={value}")
            # Not the URL's busy_timeout (database_url adds 5000), which Tortoise applied above:
            # on the loop a statement must never wait; the waits on the connection's thread set
            # their own (sqlite_connection.BUSY_TIMEOUT_MS).
            await connection.execute("PRAGMA busy_timeout = 0")
            self._connection = connection  # type: ignore[assignment]
            await self._post_connect()

    def _in_transaction(self) -> TransactionContext:
        return SqliteTransaction(SqliteTransactionWrapper(self), self._lock)

    @translate_exceptions
    async def execute_read(self, query: str, values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        """The rows of one read-only statement, on the reading connection (on the main one for an
        in-memory database, which a second connection would not see)."""
        if self.filename == ":memory:" or "mode=memory" in self.filename:
            rows: Sequence[Sequence[Any]] = (await self.execute_query(query, list(values)))[1]
            return rows
        if self._loop_reader is None:
            self._loop_reader = LoopReader.open(self.filename)
        on_loop = self._loop_reader.fetchall(query, values)
        if on_loop is not None:
            return on_loop
        reader = self._reader
        if reader is None:
            reader = await finish_despite_cancellation(self._open_reader())
        return list(await reader.execute_fetchall(query, values))

    async def _open_reader(self) -> aiosqlite.Connection:
        # Run to its end whatever cancels the request that asked (finish_despite_cancellation):
        # a connection half-open would strand its thread.
        async with self._reader_opening:
            if self._reader is not None:
                return self._reader
            reader = await aiosqlite.connect(self.filename, isolation_level=None)
            reader.row_factory = sqlite3.Row
            await reader.execute("PRAGMA query_only = ON")
            await reader.execute(f"PRAGMA busy_timeout = {READER_BUSY_TIMEOUT_MS}")
            self._reader = reader
            return reader

    async def close(self) -> None:
        if self._loop_reader is not None:
            loop_reader, self._loop_reader = self._loop_reader, None
            loop_reader.close()
        if self._reader is not None:
            reader, self._reader = self._reader, None
            await reader.close()
        await super().close()


client_class = ClaritySqliteClient
