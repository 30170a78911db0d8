"""Resumable replies across workers and hosts: two Clarity processes on one PostgreSQL database
and one Redis, as two workers or two hosts behind a load balancer would be. A phone that drops
its stream on one re-attaches through the other and gets exactly the rest; the stop button works
from either; a reply that finished meanwhile comes from the database; and when the process
generating a reply is killed, the client that re-attaches gets the terminal event, not a hang."""

from __future__ import annotations

import asyncio
import os
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from tests.helpers import databases
from tests.helpers.live import LiveServer, hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.helpers.sse import StreamResult, read

pytestmark = [
    pytest.mark.live,
    pytest.mark.reliability,
    pytest.mark.skipif(not databases.ON_POSTGRES, reason="several processes need PostgreSQL"),
]

REDIS_URL = os.environ.get("CLARITY_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
LEASE = 2.0


def _env(database_url: str, *, redis: bool, delay: float) -> dict[str, str]:
    settings = {
        "free_sessions_per_day": "unlimited",
        "rate_limits_enabled": "false",
        "coach_token_delay": str(delay),
        "reply_lock_lease_seconds": str(LEASE),
        "rate_limit_namespace": f"test-{uuid.uuid4().hex}",
    }
    if redis:
        settings["redis_url"] = REDIS_URL
    return server_env(database_url, **settings)


@contextmanager
def two_servers(env: dict[str, str]) -> Iterator[tuple[LiveServer, LiveServer]]:
    with hypercorn_process(env) as first, hypercorn_process(env) as second:
        yield first, second


async def _session(http: httpx.AsyncClient, base: str) -> tuple[dict[str, str], str]:
    email = f"resume-{uuid.uuid4().hex[:8]}@example.com"
    token = (
        await http.post(f"{base}/auth/register", json={"email": email, "password": "x" * 12})
    ).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    session_id = (await http.post(f"{base}/sessions", headers=headers)).json()["session"]["id"]
    return headers, session_id


async def _stored(http: httpx.AsyncClient, base: str, headers: dict[str, str], session: str) -> Any:
    return (await http.get(f"{base}/sessions/{session}/messages", headers=headers)).json()["items"]


async def _wait_finished(
    http: httpx.AsyncClient, base: str, headers: dict[str, str], session: str
) -> list[Any]:
    async with asyncio.timeout(30):
        while True:
            items = await _stored(http, base, headers, session)
            if items[-1]["status"] != "generating":
                return list(items)
            await asyncio.sleep(0.1)


@pytest.mark.parametrize("redis", [True, False], ids=["redis", "no-redis"])
async def test_a_phone_re_attaches_through_the_other_worker_and_gets_exactly_the_rest(
    database_url: str, redis: bool
) -> None:
    with two_servers(_env(database_url, redis=redis, delay=0.15)) as (a, b):
        async with httpx.AsyncClient(timeout=60) as http:
            headers, session = await _session(http, a.url)
            body = {"content": "I keep putting off a hard talk with my sister."}
            first = await read(
                http,
                "POST",
                f"{a.url}/sessions/{session}/messages",
                headers,
                stop_after_tokens=2,
                expect_ok=True,
                json_body=body,
            )
            asleep_at = time.monotonic()
            mid = (await http.get(f"{b.url}/sessions/{session}", headers=headers)).json()
            rest = await read(
                http,
                "GET",
                f"{b.url}/sessions/{session}/reply",
                {**headers, "Last-Event-ID": first.last_id},
                expect_ok=True,
            )
            items = await _wait_finished(http, a.url, headers, session)
    stored = items[-1]["content"]
    live = rest.arrivals[0] - asleep_at
    ids = [e.id for e in first.events + rest.events]
    record(
        f"re-attach through the other worker ({'Redis' if redis else 'no Redis'})",
        "stream dropped after 2 tokens on worker A, GET /reply with Last-Event-ID on worker B",
        f"missed: {len(stored) - len(first.text + rest.text)} chars, repeated ids: "
        f"{len(ids) - len(set(ids))}, first event on B after {live:.2f} s, "
        f"user messages: {sum(i['role'] == 'user' for i in items)}",
    )
    assert mid["reply"]["status"] == "generating"
    assert first.text + rest.text == stored
    assert len(ids) == len(set(ids))
    assert rest.terminal == "done"
    assert [i["role"] for i in items] == ["user", "coach"]
    if redis:
        assert live < 1.0  # live through Redis, not after the whole reply (about 5 s)


async def test_stop_through_the_other_worker_ends_the_reply_within_a_second(
    database_url: str,
) -> None:
    with two_servers(_env(database_url, redis=True, delay=0.3)) as (a, b):
        async with httpx.AsyncClient(timeout=60) as http:
            headers, session = await _session(http, a.url)
            url = f"{a.url}/sessions/{session}/messages"
            received = StreamResult()

            async def listen() -> None:
                await read(
                    http, "POST", url, headers, json_body={"content": "hello"}, into=received
                )

            listening = asyncio.create_task(listen())
            async with asyncio.timeout(10):
                while len(received.tokens) < 2:
                    await asyncio.sleep(0.02)
            stop_at = time.monotonic()
            stopped = await http.post(f"{b.url}/sessions/{session}/reply/stop", headers=headers)
            answered = time.monotonic() - stop_at
            await asyncio.wait_for(listening, 10)
            ended = received.arrivals[-1] - stop_at
            again = await http.post(f"{b.url}/sessions/{session}/reply/stop", headers=headers)
            nxt = await read(
                http, "POST", url, headers, json_body={"content": "let's go on"}, expect_ok=True
            )
    record(
        "stop through the other worker",
        "reply running on worker A, POST /reply/stop on worker B",
        f"stream ended {ended:.2f} s after the stop (answered in {answered:.2f} s), "
        f"stored {stopped.json()['status']}, next message: {nxt.terminal}",
    )
    assert stopped.status_code == 200
    assert stopped.json()["status"] == "interrupted"
    assert stopped.json()["content"] == received.text
    assert received.terminal == "interrupted"
    assert received.last["code"] == "stopped"
    assert ended < 1.0
    assert again.json() == stopped.json()  # stopping a finished reply changes nothing
    assert nxt.terminal == "done"


async def test_a_reply_that_finished_while_away_comes_from_the_database(
    database_url: str,
) -> None:
    with two_servers(_env(database_url, redis=True, delay=0.02)) as (a, b):
        async with httpx.AsyncClient(timeout=60) as http:
            headers, session = await _session(http, a.url)
            first = await read(
                http,
                "POST",
                f"{a.url}/sessions/{session}/messages",
                headers,
                stop_after_tokens=2,
                expect_ok=True,
                json_body={"content": "hello"},
            )
            items = await _wait_finished(http, b.url, headers, session)
            rest = await read(
                http,
                "POST",
                f"{b.url}/sessions/{session}/messages",
                {**headers, "Last-Event-ID": first.last_id},
                json_body={"content": "hello"},
                expect_ok=True,
            )
            done_id = rest.last_id
            finished = await http.post(
                f"{b.url}/sessions/{session}/messages",
                headers={**headers, "Last-Event-ID": done_id},
                json={"content": "hello"},
            )
            after = await _stored(http, a.url, headers, session)
    record(
        "re-attach after the reply finished",
        "stream dropped after 2 tokens on A, reconnect (POST + Last-Event-ID) on B later",
        f"missed: {len(items[-1]['content']) - len(first.text + rest.text)} chars; "
        f"reconnect after done: {finished.status_code}; user messages: "
        f"{sum(i['role'] == 'user' for i in after)}",
    )
    assert first.text + rest.text == items[-1]["content"]
    assert finished.status_code == 204
    assert [i["role"] for i in after] == ["user", "coach"]


async def test_killing_the_generating_worker_ends_a_follower_with_the_terminal_event(
    database_url: str,
) -> None:
    with two_servers(_env(database_url, redis=True, delay=0.5)) as (a, b):
        async with httpx.AsyncClient(timeout=60) as http:
            headers, session = await _session(http, a.url)
            first = await read(
                http,
                "POST",
                f"{a.url}/sessions/{session}/messages",
                headers,
                stop_after_tokens=2,
                expect_ok=True,
                json_body={"content": "hello"},
            )
            a.crash()  # SIGKILL the worker generating the reply
            killed_at = time.monotonic()
            rest = await read(
                http,
                "GET",
                f"{b.url}/sessions/{session}/reply",
                {**headers, "Last-Event-ID": first.last_id},
                expect_ok=True,
            )
            ended = time.monotonic() - killed_at
            items = await _stored(http, b.url, headers, session)
    record(
        "SIGKILL of the worker generating a reply",
        f"a client re-attaches through the other worker (lease {LEASE:.0f} s)",
        f"terminal event after {ended:.1f} s ({rest.last.get('code')}); user messages "
        f"kept: {sum(i['role'] == 'user' for i in items)}; reply stored {items[-1]['status']}",
    )
    assert rest.terminal == "interrupted"
    assert rest.last["code"] == "reply_lost"
    assert ended < LEASE + 3
    assert [(i["role"], i["status"]) for i in items] == [
        ("user", "complete"),
        ("coach", "interrupted"),
    ]
