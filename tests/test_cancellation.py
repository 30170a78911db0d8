"""Database work is safe when its task is cancelled at any await: every transaction rolls back
and every connection (or SQLite's one lock) is handed back, whatever cancels the task.

A phone that drops its request makes Quart cancel the handler wherever it is. Before the fix, a
cancellation while Tortoise awaited BEGIN left the connection checked out and idle in transaction
(PostgreSQL) or SQLite's lock held: enough of them and every request hung.
"""

from __future__ import annotations

import asyncio
import random
import socket
import time
from collections.abc import AsyncIterator

import httpx
import pytest
from tortoise.context import TortoiseContext
from tortoise.transactions import in_transaction

from clarity.config import Settings
from clarity.db import close_database, open_database
from clarity.models import User
from tests.helpers import databases
from tests.helpers.live import hypercorn_process, server_env
from tests.helpers.reliability import record

POOL_SIZE = 5


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[TortoiseContext]:
    url = database_url
    if databases.ON_POSTGRES:
        url = f"{database_url}?maxsize={POOL_SIZE}"
    context = await open_database(Settings(database_url=url, database_acquire_timeout_seconds=5))
    try:
        yield context
    finally:
        await close_database(context)


async def _transaction_that_writes(n: int) -> None:
    async with in_transaction():
        await User.create(email=f"cancel{n}@example.com", password_hash="x")
        await User.filter(email=f"cancel{n}@example.com").update(plan="plus")


async def _idle_in_transaction(url: str) -> int:
    name = url.split("?")[0].rsplit("/", 1)[1]
    count: int = await databases.scalar(
        url,
        "SELECT count(*) FROM pg_stat_activity WHERE state LIKE 'idle in transaction%' "
        f"AND datname = '{name}'",
    )
    return count


async def test_transactions_cancelled_at_every_point_leave_nothing_behind(
    database: TortoiseContext, database_url: str
) -> None:
    """Cancel a writing transaction after 0, 1, 2, ... loop iterations and at random instants:
    afterwards nothing it wrote is half-kept, and the database still answers at once."""
    cancelled = 0
    rng = random.Random(11)
    for n in range(300):
        task = asyncio.ensure_future(_transaction_that_writes(n))
        if n < 100:
            for _ in range(n % 25):  # each await point of the block, in turn
                await asyncio.sleep(0)
        else:
            await asyncio.sleep(rng.uniform(0, 0.004))
        task.cancel()
        try:
            await task
        except asyncio.CancelledError:
            cancelled += 1
        # The database must answer now: no lock or connection left behind.
        async with asyncio.timeout(5):
            created = await User.filter(email=f"cancel{n}@example.com").values_list("plan")
        # All or nothing: never created but not updated.
        assert created in ([], [("plus",)]), (n, created)
    assert cancelled > 100  # the test really cancelled transactions part-way
    if databases.ON_POSTGRES:
        pool = database.db()._pool
        assert pool is not None
        async with asyncio.timeout(5):
            await asyncio.gather(*(User.all().count() for _ in range(POOL_SIZE * 3)))
        assert pool.get_idle_size() == pool.get_size()
        assert await _idle_in_transaction(database_url) == 0


def _abort_after_sending(port: int, request: bytes, delay: float) -> None:
    """Send a request, wait ``delay``, then reset the connection (RST, as a dropped phone)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as conn:
        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        conn.sendall(request)
        time.sleep(delay)


ABORTED_REQUESTS = 1500
AT_ONCE = 100


@pytest.mark.live
@pytest.mark.reliability
async def test_aborted_requests_leak_no_connection(database_url: str) -> None:
    """1,500 POST /sessions, each reset 0-30 ms after it was sent, 100 at a time, against a real
    hypercorn (pool of 5 on PostgreSQL); then the server still answers at once, with no
    connection idle in transaction."""
    url = f"{database_url}?maxsize={POOL_SIZE}" if databases.ON_POSTGRES else database_url
    env = server_env(
        url,
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_acquire_timeout_seconds="5",
    )
    with hypercorn_process(env) as server:
        port = int(server.url.rsplit(":", 1)[1])
        async with httpx.AsyncClient(base_url=server.url, timeout=20) as http:
            registered = await http.post(
                "/auth/register", json={"email": "aborts@example.com", "password": "x" * 12}
            )
            token = registered.json()["token"]
            request = (
                f"POST /sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer {token}\r\n"
                "Content-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
            ).encode()
            rng = random.Random(5)
            started = time.monotonic()
            for first in range(0, ABORTED_REQUESTS, AT_ONCE):
                await asyncio.gather(
                    *(
                        asyncio.to_thread(_abort_after_sending, port, request, rng.uniform(0, 0.03))
                        for _ in range(first, min(first + AT_ONCE, ABORTED_REQUESTS))
                    )
                )
            elapsed = time.monotonic() - started
            # Whatever was still running when its client went away has ended by now.
            await asyncio.sleep(1)
            leaked = await _idle_in_transaction(url) if databases.ON_POSTGRES else 0
            headers = {"Authorization": f"Bearer {token}"}
            check_started = time.monotonic()
            answers = [
                (await http.get("/sessions", headers=headers)).status_code for _ in range(20)
            ]
            me = await http.get("/me", headers=headers)
            check_ms = (time.monotonic() - check_started) * 1000
        log = server.log_text()
    database = "PostgreSQL, pool of 5" if databases.ON_POSTGRES else "SQLite"
    record(
        "aborted requests",
        f"{ABORTED_REQUESTS} POST /sessions reset 0-30 ms after sending ({database}, "
        f"{elapsed:.0f} s)",
        f"connections leaked: {leaked}; then 21 requests answered in {check_ms:.0f} ms, "
        f"{answers.count(200)}/20 GET /sessions 200",
    )
    assert leaked == 0
    assert answers == [200] * 20
    assert me.status_code == 200
    assert "Traceback" not in log, log[-3000:]
