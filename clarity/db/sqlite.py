"""Tortoise's SQLite client, with statements run on the event loop, transactions that are safe to
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
  reads every request makes (``clarity.db.rows``: the sign-in lookup, the session list and read)
  go through a second, read-only connection that needs no lock. A read inside a transaction
  stays on the transaction's connection, where it sees the transaction's own writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import (
    SqliteClient,
    SqliteTransactionWrapper,
    translate_exceptions,
)

from clarity.db.sqlite_connection import LoopSqliteConnection, is_busy
from clarity.db.transactions import SqliteTransaction


class ClaritySqliteClient(SqliteClient):
    def __init__(self, file_path: str, **kwargs: Any) -> None:
        super().__init__(file_path, **kwargs)
        self._reader: sqlite3.Connection | None = None

    async def create_connection(self, with_db: bool) -> None:
        if self._connection is None:
            connection = LoopSqliteConnection.open(self.filename)
            for pragma, value in self.pragmas.items():
                await connection.execute(f"PRAGMA {pragma}={value}")
            self._connection = connection  # type: ignore[assignment]
            await self._post_connect()

    def _in_transaction(self) -> TransactionContext:
        return SqliteTransaction(SqliteTransactionWrapper(self), self._lock)

    @translate_exceptions
    async def execute_read(self, query: str, values: Sequence[Any]) -> Sequence[Sequence[Any]]:
        """The rows of one read-only statement, on the reading connection (on the main one for an
        in-memory database, which a second connection would not see)."""
        if not (self.filename == ":memory:" or "mode=memory" in self.filename):
            try:
                return (self._reader or self._open_reader()).execute(query, values).fetchall()
            except sqlite3.OperationalError as error:
                # The file is locked for a moment (another process recovering its log, say):
                # wait for it on the main connection, off the loop, instead of failing.
                if not is_busy(error):
                    raise
        rows: Sequence[Sequence[Any]] = (await self.execute_query(query, list(values)))[1]
        return rows

    def _open_reader(self) -> sqlite3.Connection:
        # No await: a cancelled request cannot leave it half-open. A locked file answers at once
        # (timeout 0), and the read goes to the main connection instead (execute_read).
        reader = sqlite3.connect(self.filename, isolation_level=None, timeout=0)
        reader.execute("PRAGMA query_only = ON")
        self._reader = reader
        return reader

    async def close(self) -> None:
        if self._reader is not None:
            reader, self._reader = self._reader, None
            reader.close()
        await super().close()


client_class = ClaritySqliteClient
