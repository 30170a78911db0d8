"""Tortoise's SQLite client, with transactions that are safe to cancel and a connection for reads.

Named as the Tortoise engine for SQLite URLs (``clarity.db.tortoise_config``). Tortoise 1.1.9's
SQLite transaction takes the client's one lock (which every query also takes), then awaits
``BEGIN``; a cancellation there skips ``__aexit__``, so the lock is never released and every later
query waits for ever. See ``clarity.db.transactions``.

Tortoise gives SQLite one connection, behind one lock, for everything: a read waits for every
write transaction queued before it (each statement a hand-off to aiosqlite's thread). The
write-ahead log (Tortoise's default journal) lets readers run beside the writer, each seeing the
last committed state, so the hand-written reads every request makes (``clarity.db.rows``: the
sign-in lookup, the session list and read) go through a second, read-only connection with a
thread of its own. A read inside a transaction stays on the transaction's connection, where it
sees the transaction's own writes.
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

from clarity.db.transactions import SqliteTransaction

# How long a read waits on a lock held by a checkpoint or a recovering log, instead of failing.
READER_BUSY_TIMEOUT_MS = 5000


class ClaritySqliteClient(SqliteClient):
    def __init__(self, file_path: str, **kwargs: Any) -> None:
        super().__init__(file_path, **kwargs)
        self._reader: aiosqlite.Connection | None = None
        self._reader_opening = asyncio.Lock()

    def _in_transaction(self) -> TransactionContext:
        return SqliteTransaction(SqliteTransactionWrapper(self), self._lock)

    @translate_exceptions
    async def execute_read(self, query: str, values: Sequence[Any]) -> Sequence[sqlite3.Row]:
        """The rows of one read-only statement, on the reading connection (on the main one for an
        in-memory database, which a second connection would not see)."""
        if self.filename == ":memory:" or "mode=memory" in self.filename:
            rows: Sequence[sqlite3.Row] = (await self.execute_query(query, list(values)))[1]
            return rows
        reader = self._reader or await self._open_reader()
        return list(await reader.execute_fetchall(query, values))

    async def _open_reader(self) -> aiosqlite.Connection:
        async with self._reader_opening:
            if self._reader is None:
                reader = await aiosqlite.connect(self.filename, isolation_level=None)
                reader.row_factory = sqlite3.Row
                await reader.execute("PRAGMA query_only = ON")
                await reader.execute(f"PRAGMA busy_timeout = {READER_BUSY_TIMEOUT_MS}")
                self._reader = reader
            return self._reader

    async def close(self) -> None:
        if self._reader is not None:
            reader, self._reader = self._reader, None
            await reader.close()
        await super().close()


client_class = ClaritySqliteClient
