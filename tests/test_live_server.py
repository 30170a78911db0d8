"""Against a live hypercorn on loopback: the stream parsed by a real SSE client, and a reply
slower than Quart's 60 s response timeout arriving whole."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

import httpx
import pytest

from clarity.coach.scripted import REPLIES
from clarity.models import SolveStep
from tests.helpers import databases
from tests.helpers.live import hypercorn_process, hypercorn_server, server_env
from tests.helpers.sse import send_message

pytestmark = pytest.mark.live

ServerFactory = Callable[..., AbstractContextManager[str]]


@pytest.fixture
def live_server(database_url: str) -> ServerFactory:
    def start(**settings: str) -> AbstractContextManager[str]:
        # The test's own settings win over the default of an unlimited quota.
        return hypercorn_server(
            server_env(database_url, **{"free_sessions_per_day": "unlimited", **settings})
        )

    return start


async def _signed_in_session(http: httpx.AsyncClient) -> tuple[dict[str, str], str]:
    registered = await http.post(
        "/auth/register", json={"email": "live@example.com", "password": "long enough"}
    )
    headers = {"Authorization": f"Bearer {registered.json()['token']}"}
    created = await http.post("/sessions", headers=headers)
    return headers, created.json()["session"]["id"]


CONTENT = "I can't decide whether to change jobs."


async def test_a_live_server_streams_a_reply_word_by_word(live_server: ServerFactory) -> None:
    with live_server(coach_token_delay="0.05") as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            headers, session_id = await _signed_in_session(http)
            started = time.monotonic()
            reply = await send_message(http, session_id, headers, CONTENT)
    assert reply.status == 200
    assert reply.headers["content-type"] == "text/event-stream"
    assert reply.headers["x-accel-buffering"] == "no"
    names, arrivals = reply.names, reply.arrivals
    assert names[-1] == "done"
    assert names[0] == "start"
    assert set(names[1:-1]) == {"token"}
    assert reply.text == REPLIES[SolveStep.RECEIVE]
    # Word by word: the tokens arrive spread over the reply, not in one burst at the end.
    words = len(names) - 2
    assert arrivals[-1] - arrivals[1] >= 0.05 * (words - 1) * 0.8
    assert arrivals[0] - started < 0.05 * (words - 1)
    assert reply.last["next_step"] == "clarify"


@pytest.mark.skipif(databases.ON_POSTGRES, reason="about the HTTP layer; runs in the SQLite pass")
async def test_a_reply_slower_than_sixty_seconds_is_not_cut(live_server: ServerFactory) -> None:
    # The receive reply has 12 words: 11 pauses of 6 s make 66 s, past RESPONSE_TIMEOUT (60 s).
    with live_server(coach_token_delay="6") as base_url:
        async with httpx.AsyncClient(base_url=base_url, timeout=30) as http:
            headers, session_id = await _signed_in_session(http)
            reply = await send_message(http, session_id, headers, CONTENT)
    assert reply.status == 200
    assert reply.arrivals[-1] - reply.arrivals[0] > 60
    assert reply.names[-1] == "done"
    assert reply.text == REPLIES[SolveStep.RECEIVE]


@pytest.mark.skipif(databases.ON_POSTGRES, reason="about the HTTP layer; runs in the SQLite pass")
async def test_a_body_that_trickles_in_too_slowly_is_refused_with_408(
    live_server: ServerFactory,
) -> None:
    with live_server(body_timeout_seconds="1") as base_url:
        host, port = base_url.removeprefix("http://").split(":")
        reader, writer = await asyncio.open_connection(host, int(port))
        writer.write(
            b"POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b'Content-Length: 100\r\n\r\n{"email"'
        )
        await writer.drain()
        started = time.monotonic()
        head = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
        waited = time.monotonic() - started
        body = await asyncio.wait_for(reader.read(2000), timeout=5)
        writer.close()
    assert head.startswith(b"HTTP/1.1 408"), head
    assert b"application/problem+json" in head
    assert json.loads(body.split(b"\r\n\r\n")[-1] or body)["code"] == "request_timeout"
    assert 0.8 < waited < 5


@pytest.mark.skipif(databases.ON_POSTGRES, reason="an empty SQLite file is the newcomer's case")
def test_a_server_on_an_unmigrated_database_refuses_to_start_and_says_what_to_run(
    tmp_path: Path,
) -> None:
    env = server_env(f"sqlite://{tmp_path / 'empty.db'}")
    with pytest.raises(RuntimeError) as refused, hypercorn_process(env, startup_timeout=20):
        pass
    assert "migration(s) not applied: run `clarity migrate`" in str(refused.value)
