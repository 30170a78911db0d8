"""Faults against a live hypercorn, each counting what it tried and what was lost:
clients that vanish mid-reply, SIGTERM with live streams, and SIGKILL followed by a restart."""

from __future__ import annotations

import asyncio
import random
import signal
import time
from typing import Any

import httpx
import pytest

from clarity.coach.scripted import REPLIES
from clarity.models import SolveStep
from tests.helpers.databases import scalar
from tests.helpers.live import hypercorn_process, server_env, users_with_sessions
from tests.helpers.reliability import record
from tests.helpers.sse import StreamResult, send_message

pytestmark = [pytest.mark.live, pytest.mark.reliability]

RECEIVE_REPLY = REPLIES[SolveStep.RECEIVE]
LOCKED = "SELECT count(*) FROM solve_sessions WHERE reply_lock_token IS NOT NULL"
USER_MESSAGES = "SELECT count(*) FROM solve_messages WHERE role = 'user'"
CONTENT = "I keep going round in circles."


async def _reply(
    http: httpx.AsyncClient,
    headers: dict[str, str],
    session_id: str,
    first_token: asyncio.Event | None = None,
) -> StreamResult:
    """A reply read whole (or until the connection breaks); ``first_token`` set at its first."""
    return await send_message(
        http, session_id, headers, CONTENT, first_token=first_token, tolerate_cut=True
    )


async def _when_set(event: asyncio.Event) -> float:
    await event.wait()
    return time.monotonic()


async def _wait_for(url: str, sql: str, expected: Any, timeout: float = 30) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await scalar(url, sql)
        if value == expected or time.monotonic() > deadline:
            return value
        await asyncio.sleep(0.1)


async def test_clients_that_disconnect_mid_reply_lose_nothing(database_url: str) -> None:
    clients = 500
    env = server_env(
        database_url,
        coach_token_delay="0.02",
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_pool_max="30",
    )
    words = len(RECEIVE_REPLY.split())
    rng = random.Random(500)
    with hypercorn_process(env) as server:
        limits = httpx.Limits(max_connections=200)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:
            sessions = await users_with_sessions(http, users=50, sessions_each=clients // 50)
            gate = asyncio.Semaphore(100)

            async def client(headers: dict[str, str], session_id: str) -> StreamResult:
                async with gate:  # each leaves after 0 to words - 1 tokens
                    return await send_message(
                        http, session_id, headers, CONTENT,
                        stop_after_tokens=rng.randint(0, words - 1), tolerate_cut=True,
                    )  # fmt: skip

            results = await asyncio.gather(*(client(h, s) for h, s in sessions))
        assert all("done" not in r.names for r in results), "every client left before done"
        locked = await _wait_for(
            database_url,
            "SELECT count(*) FROM solve_sessions WHERE reply_lock_token IS NOT NULL",
            0,
        )
        replies = await _wait_for(
            database_url,
            "SELECT count(*) FROM solve_messages WHERE role = 'coach' AND status = 'complete' "
            f"AND content = '{RECEIVE_REPLY}'",
            clients,
        )
    user_messages = await scalar(database_url, USER_MESSAGES)
    advanced = await scalar(
        database_url, "SELECT count(*) FROM solve_sessions WHERE current_step = 'clarify'"
    )
    record(
        "clients disconnect mid-reply",
        f"{clients} streams dropped after 0-{words - 1} tokens",
        f"{clients - user_messages} messages lost, {replies}/{clients} replies stored whole, "
        f"{locked} stuck locks",
    )
    assert (user_messages, replies, advanced, locked) == (clients, clients, clients, 0)


async def test_sigterm_finishes_short_replies_and_stores_the_rest_interrupted(
    database_url: str,
) -> None:
    # A long reply must be unable to finish within the grace even when its first token came
    # seconds before SIGTERM (100 streams start over a few seconds on PostgreSQL): at 0.2 s a
    # word, two of 50 long replies once finished in time and were stored complete.
    streams, grace, shutdown_grace, delay = 100, 5, 0.5, 0.3
    env = server_env(
        database_url,
        coach_token_delay=str(delay),
        reply_shutdown_grace_seconds=str(shutdown_grace),
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
        database_pool_max="30",
    )
    short = len(RECEIVE_REPLY.split()) * delay  # 3.6 s: finishes within the grace period
    long = len(REPLIES[SolveStep.CLARIFY].split()) * delay  # about 10 s: does not
    assert short < grace < long - shutdown_grace
    with hypercorn_process(env, ["--graceful-timeout", str(grace)]) as server:
        limits = httpx.Limits(max_connections=300)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:
            sessions = await users_with_sessions(http, users=10, sessions_each=streams // 10)
            # Half the sessions move on to `clarify`, whose reply is long.
            await asyncio.gather(*(_reply(http, h, s) for h, s in sessions[::2]))
            started = [asyncio.Event() for _ in sessions]
            tasks = [
                asyncio.create_task(_reply(http, h, s, first_token=event))
                for (h, s), event in zip(sessions, started, strict=True)
            ]
            first_tokens = await asyncio.wait_for(
                asyncio.gather(*(_when_set(e) for e in started)), timeout=20
            )
            sent_at = time.monotonic()
            server.process.send_signal(signal.SIGTERM)
            results = await asyncio.gather(*tasks)
            exit_code = await asyncio.to_thread(server.process.wait, 30)
            exited_after = time.monotonic() - sent_at
    finished = sum("done" in r.names for r in results)
    complete_short = await scalar(
        database_url,
        "SELECT count(*) FROM solve_messages WHERE role = 'coach' AND step = 'receive' "
        "AND status = 'complete'",
    )
    interrupted_long = await scalar(
        database_url,
        "SELECT count(*) FROM solve_messages WHERE role = 'coach' AND step = 'clarify' "
        "AND status = 'interrupted'",
    )
    user_messages = await scalar(database_url, USER_MESSAGES)
    locked = await scalar(database_url, LOCKED)
    earliest_long = sent_at - min(first_tokens[::2])
    record(
        "SIGTERM with live streams",
        f"{streams} streams ({streams // 2} short, {streams // 2} long), graceful {grace} s",
        f"{finished} finished, {interrupted_long} stored interrupted, "
        f"{streams + streams // 2 - user_messages} messages lost, {locked} locks, "
        f"exit in {exited_after:.1f} s (first long reply began {earliest_long:.1f} s before)",
    )
    assert long - earliest_long > grace + shutdown_grace, "the test's own margin was too small"
    assert exit_code == 0
    assert finished == streams // 2
    assert complete_short == streams  # the setup replies and the short ones
    assert interrupted_long == streams // 2
    assert user_messages == streams + streams // 2
    assert locked == 0
    assert exited_after < grace + shutdown_grace + 3


async def test_after_sigkill_no_session_stays_locked_past_the_lease(database_url: str) -> None:
    streams, lease = 20, 2.0
    env = server_env(
        database_url,
        coach_token_delay="0.5",
        reply_lock_lease_seconds=str(lease),
        free_sessions_per_day="unlimited",
        rate_limits_enabled="false",
    )
    with hypercorn_process(env) as first:
        async with httpx.AsyncClient(base_url=first.url, timeout=60) as http:
            sessions = await users_with_sessions(http, users=2, sessions_each=streams // 2)
            started = [asyncio.Event() for _ in sessions]
            tasks = [
                asyncio.create_task(_reply(http, h, s, first_token=event))
                for (h, s), event in zip(sessions, started, strict=True)
            ]
            await asyncio.wait_for(asyncio.gather(*(e.wait() for e in started)), timeout=20)
            first.crash()
            killed_at = time.monotonic()
            await asyncio.gather(*tasks)
    locked_at_kill = await scalar(database_url, LOCKED)
    with hypercorn_process({**env, "CLARITY_COACH_TOKEN_DELAY": "0"}) as second:
        await asyncio.sleep(max(0.0, lease + 0.5 - (time.monotonic() - killed_at)))
        async with httpx.AsyncClient(base_url=second.url, timeout=60) as http:
            # Read back after the lease: every killed reply shows as interrupted.
            conversations = await asyncio.gather(
                *(http.get(f"/sessions/{s}/messages", headers=h) for h, s in sessions)
            )
            retries = await asyncio.gather(
                *(
                    http.post(f"/sessions/{s}/messages", json={"content": "again"}, headers=h)
                    for h, s in sessions
                )
            )
    still_locked = sum(r.status_code == 409 for r in retries)
    user_messages = await scalar(database_url, USER_MESSAGES)
    shown = [[(m["role"], m["status"]) for m in c.json()["items"]] for c in conversations]
    unanswered = sum(items != [("user", "complete"), ("coach", "interrupted")] for items in shown)
    record(
        "SIGKILL, then restart",
        f"{streams} streams killed mid-reply, lease {lease:.0f} s",
        f"{locked_at_kill} locked at the kill, {still_locked} still locked after the lease, "
        f"{2 * streams - user_messages} messages lost, {unanswered} left with no reply",
    )
    assert unanswered == 0, shown
    assert locked_at_kill == streams
    assert still_locked == 0
    assert all(r.status_code == 200 for r in retries)
    assert user_messages == 2 * streams
