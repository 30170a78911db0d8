"""Transactions that always end: rolled back (or committed) and their connection handed back,
whatever cancels the task that runs them and wherever it is cancelled.

Tortoise's own transaction contexts (1.1.9) acquire a connection or a lock and then await
``BEGIN`` inside ``__aenter__``; a cancellation there means ``__aexit__`` never runs. Their
``__aexit__`` awaits ``COMMIT``/``ROLLBACK`` and can be cancelled half-way too. These subclasses
run each of those steps to completion despite cancellation (``finish_despite_cancellation``),
undo a half-begun transaction, and only then let the cancellation through. The context variable
that makes queries inside the block use the transaction is set and reset in the caller's own task
(a context variable cannot be reset from another task).

Hand-written because no release of Tortoise fixes this yet; they use Tortoise's internals
(``_parent``, ``_pool``, ``_trxlock``), pinned by the lock file and covered by
tests/test_cancellation.py on both databases.
"""

from __future__ import annotations

from typing import Any

from tortoise.backends.base.client import TransactionalDBClient, TransactionContextPooled
from tortoise.backends.sqlite.client import SqliteTransactionContext
from tortoise.connection import get_connections
from tortoise.exceptions import TransactionManagementError

from clarity.cancellation import finish_despite_cancellation


async def _end(client: Any, exc_type: Any) -> None:
    """Commit, or roll back after an error; nothing if the transaction was ended already."""
    if client._finalized:
        return
    if exc_type is None:
        await client.commit()
    elif exc_type is not TransactionManagementError:  # a failed transaction cannot roll back
        await client.rollback()


class PooledTransaction(TransactionContextPooled):
    """PostgreSQL: a connection from the pool for the length of the transaction."""

    async def __aenter__(self) -> TransactionalDBClient:
        await self.ensure_connection()
        client: Any = self.client
        # asyncpg hands the connection back to the pool itself if this wait is cancelled.
        client._connection = await client._parent.acquire_from_pool()
        self.token = get_connections().set(self.connection_name, client)
        try:
            await finish_despite_cancellation(client.begin())
        except BaseException:
            # Begun or not, giving the connection back resets it (asyncpg rolls back an open
            # transaction, or closes a connection that is still busy).
            await finish_despite_cancellation(self._release())
            get_connections().reset(self.token)
            raise
        return self.client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            await finish_despite_cancellation(self._end_and_release(exc_type))
        finally:
            get_connections().reset(self.token)

    async def _end_and_release(self, exc_type: Any) -> None:
        try:
            await _end(self.client, exc_type)
        finally:
            await self._release()

    async def _release(self) -> None:
        pool = self.client._parent._pool
        if pool is not None:
            await pool.release(self.client._connection)


class SqliteTransaction(SqliteTransactionContext):
    """SQLite: the client's one connection, held under its lock for the transaction."""

    async def __aenter__(self) -> TransactionalDBClient:
        # A cancellation while waiting for the lock leaves it untouched (asyncio.Lock's promise).
        await self._trxlock.acquire()
        token = None
        try:
            await finish_despite_cancellation(self.ensure_connection())
            token = self.token = get_connections().set(self.connection_name, self.connection)
            await finish_despite_cancellation(self.connection.begin())
        except BaseException:
            await finish_despite_cancellation(self._roll_back_if_open())
            if token is not None:
                get_connections().reset(token)
            self._trxlock.release()
            raise
        client: TransactionalDBClient = self.connection
        return client

    async def __aexit__(self, exc_type: Any, exc_val: Any, exc_tb: Any) -> None:
        try:
            await finish_despite_cancellation(self._end_or_roll_back(exc_type))
        finally:
            get_connections().reset(self.token)
            self._trxlock.release()

    async def _end_or_roll_back(self, exc_type: Any) -> None:
        try:
            await _end(self.connection, exc_type)
        finally:
            # A COMMIT that failed (the file was busy, say) leaves the transaction open.
            await self._roll_back_if_open()

    async def _roll_back_if_open(self) -> None:
        raw = self.connection._connection
        if raw is not None and raw.in_transaction:
            await raw.rollback()
