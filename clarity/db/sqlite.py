"""Tortoise's SQLite client, with transactions that are safe to cancel.

Named as the Tortoise engine for SQLite URLs (``clarity.db.tortoise_config``). Tortoise 1.1.9's
SQLite transaction takes the client's one lock (which every query also takes), then awaits
``BEGIN``; a cancellation there skips ``__aexit__``, so the lock is never released and every later
query waits for ever. See ``clarity.db.transactions``.
"""

from __future__ import annotations

from tortoise.backends.base.client import TransactionContext
from tortoise.backends.sqlite.client import SqliteClient, SqliteTransactionWrapper

from clarity.db.transactions import SqliteTransaction


class ClaritySqliteClient(SqliteClient):
    def _in_transaction(self) -> TransactionContext:
        return SqliteTransaction(SqliteTransactionWrapper(self), self._lock)


client_class = ClaritySqliteClient
