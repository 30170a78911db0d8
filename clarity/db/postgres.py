"""Tortoise's asyncpg client, made safe to cancel and bounded in how long it waits for the pool.

Named as the Tortoise engine for PostgreSQL URLs (``clarity.db.tortoise_config``), so every query
and every ``in_transaction()`` of the app goes through it. What it changes, and why:

- A transaction whose task is cancelled while it begins (a phone dropping its request at the
  wrong moment) rolls back and hands its connection back. Tortoise 1.1.9 acquires a connection,
  then awaits ``BEGIN``; a cancellation there skips ``__aexit__`` and leaves the connection checked
  out and "idle in transaction" for ever: enough of them and every request hangs. See
  ``clarity.db.transactions``.
- Waiting for a free connection is bounded (``acquire_timeout``): past it the request fails with
  ``TimeoutError``, which the app answers 503 ``service_unavailable`` instead of hanging.
- A connection goes back to the pool without asyncpg's reset query (``_keep_session``): one round
  trip fewer per query.
"""

from __future__ import annotations

from typing import Any, cast

import asyncpg
from tortoise.backends.asyncpg.client import AsyncpgDBClient, TransactionWrapper
from tortoise.backends.base.client import PoolConnectionWrapper, TransactionContext

from clarity.db.transactions import PooledTransaction


class _BoundedAcquire(PoolConnectionWrapper[asyncpg.Connection]):
    async def __aenter__(self) -> asyncpg.Connection:
        await self.ensure_connection()
        client = cast(ClarityAsyncpgClient, self.client)
        self.connection = await client.acquire_from_pool()
        return self.connection


async def _keep_session(connection: asyncpg.Connection) -> None:
    """What the pool does to a connection given back, beyond rolling back a transaction left open
    (asyncpg does that before calling this): nothing.

    asyncpg's default runs ``SELECT pg_advisory_unlock_all(); CLOSE ALL; UNLISTEN *; RESET ALL``,
    a round trip on every release, that is after every query outside a transaction (about 7% of
    the CPU of a ``GET /sessions`` on PostgreSQL, and its latency). Clarity takes no advisory
    locks, keeps no cursor past a transaction, listens to nothing and sets nothing per session:
    its settings are connection parameters, which ``RESET ALL`` would keep anyway.
    """


class ClarityAsyncpgClient(AsyncpgDBClient):
    def __init__(self, *args: Any, acquire_timeout: float | str = 30.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.acquire_timeout = float(acquire_timeout)

    async def acquire_from_pool(self) -> asyncpg.Connection:
        """A connection from the pool; ``TimeoutError`` after ``acquire_timeout`` seconds.

        asyncpg gives the connection back to the pool itself if the wait is cancelled.
        """
        assert self._pool is not None
        connection: asyncpg.Connection = await self._pool.acquire(timeout=self.acquire_timeout)
        return connection

    async def create_pool(self, **kwargs: Any) -> asyncpg.Pool:
        return await asyncpg.create_pool(None, reset=_keep_session, **kwargs)

    def acquire_connection(self) -> Any:
        return _BoundedAcquire(self, self._pool_init_lock)

    def _in_transaction(self) -> TransactionContext:
        return PooledTransaction(TransactionWrapper(self), self._pool_init_lock)


client_class = ClarityAsyncpgClient
