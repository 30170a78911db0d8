"""Prometheus metrics at ``GET /metrics``: off unless a token is set, closed without it, and the
figures a dashboard shows follow what users did; with two workers they add up across both."""

from __future__ import annotations

import asyncio
import math
import os
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.multiprocess import MultiProcessCollector
from prometheus_client.parser import text_string_to_metric_families
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.openapi import AUTH_REQUIRED_ATTRIBUTE
from clarity.safety import assess
from tests.helpers.coaches import SlowCoach, use_coach
from tests.helpers.live import hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.helpers.serving import Stream, client_ports, read_stream, worker_pids
from tests.helpers.sse import open_stream, read_until, send_message
from tests.helpers.support import UserFactory, assert_problem, create_session
from tests.test_stream import wait_for_reply_stored

TOKEN = "metrics-test-token-0123456789"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
MESSAGES = "/sessions/<session_id>/messages"
CRISIS_MESSAGE = "i've been saving my pills"

Samples = dict[tuple[str, frozenset[tuple[str, str]]], float]


def parse(text: str) -> Samples:
    return {
        (sample.name, frozenset(sample.labels.items())): sample.value
        for family in text_string_to_metric_families(text)
        for sample in family.samples
    }


def total(samples: Samples, name: str, **labels: str) -> float:
    """The sum of ``name``'s samples whose labels include ``labels``."""
    wanted = set(labels.items())
    return sum(v for (n, ls), v in samples.items() if n == name and wanted <= ls)


async def scrape(client: Client) -> Samples:
    response = await client.get("/metrics", headers=AUTH)
    assert response.status_code == 200
    assert response.content_type.startswith("text/plain")
    return parse(await response.get_data(as_text=True))


@pytest.fixture
async def metrics_app(settings_overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    overrides = {**settings_overrides, "register_limit_per_client": 1, "metrics_token": TOKEN}
    application = create_app(overrides)
    async with application.test_app():
        yield application


async def test_metrics_are_off_by_default(client: Client) -> None:
    await assert_problem(await client.get("/metrics"), 404, "not_found")
    await assert_problem(await client.get("/metrics", headers=AUTH), 404, "not_found")


async def test_metrics_refuse_a_missing_or_wrong_token_and_stay_out_of_the_api_document(
    metrics_app: Quart,
) -> None:
    client = metrics_app.test_client()
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": f"Basic {TOKEN}"}):
        refused = await client.get("/metrics", headers=headers)
        await assert_problem(refused, 401, "unauthorized")
        assert refused.headers["WWW-Authenticate"] == "Bearer"
    assert (await client.get("/metrics", headers=AUTH)).status_code == 200
    document = await (await client.get("/openapi.json")).get_json()
    assert "/metrics" not in document["paths"]
    # What tests/test_routes_audit.py requires of a route that is not public.
    assert getattr(metrics_app.view_functions["metrics.scrape"], AUTH_REQUIRED_ATTRIBUTE)


async def test_the_figures_follow_what_users_did(metrics_app: Quart) -> None:
    client = metrics_app.test_client()
    before = await scrape(client)
    transport = httpx.ASGITransport(app=metrics_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://clarity.test") as http:
        user = await UserFactory(client).create()
        limited = await client.post(
            "/auth/register", json={"email": "second@example.com", "password": "long enough"}
        )
        await assert_problem(limited, 429, "rate_limited")
        keyed = {**user.headers, "Idempotency-Key": "create-once"}
        first = await client.post("/sessions", headers=keyed)
        replayed = await client.post("/sessions", headers=keyed)
        assert (first.status_code, replayed.headers["Idempotent-Replayed"]) == (201, "true")
        session_id = (await first.get_json())["session"]["id"]
        coaching = await send_message(http, session_id, user.headers)
        assert coaching.events[-1].event == "done"
        crisis = await send_message(http, session_id, user.headers, CRISIS_MESSAGE)
        assert crisis.last["safety"]["crisis"] is True
    response = await client.get("/metrics", headers=AUTH)
    text = await response.get_data(as_text=True)
    after = parse(text)

    def grew(name: str, **labels: str) -> float:
        return total(after, name, **labels) - total(before, name, **labels)

    requests = "clarity_http_requests_total"
    assert grew(requests, route=MESSAGES, method="POST", status="200") == 2
    assert grew(requests, route="/sessions", method="POST", status="201") == 2
    assert grew(requests, route="/auth/register", method="POST", status="201") == 1
    assert grew(requests, route="/auth/register", method="POST", status="429") == 1
    assert grew(requests, route="/metrics", method="GET", status="200") == 1  # the first scrape
    assert grew("clarity_http_request_duration_seconds_count", route=MESSAGES) == 2
    assert grew("clarity_replies_total", outcome="completed") == 2
    assert grew("clarity_replies_total") == 2
    assert grew("clarity_reply_duration_seconds_count", outcome="completed") == 2
    assert grew("clarity_reply_first_token_seconds_count") == 2
    level = assess(CRISIS_MESSAGE).level.value
    assert grew("clarity_crisis_referrals_total", level=level) == 1
    assert grew("clarity_crisis_referrals_total") == 1
    assert grew("clarity_idempotent_replays_total", route="/sessions") == 1
    assert grew("clarity_rate_limited_total", route="/auth/register") == 1
    assert total(after, "clarity_open_streams") == 0
    assert total(after, "clarity_db_pool_in_use") == 0
    # Templates, never what identifies a person or what they wrote.
    assert session_id not in text
    assert user.email not in text
    assert "pills" not in text
    assert "sister" not in text


async def test_an_unknown_route_is_counted_under_one_label(metrics_app: Quart) -> None:
    client = metrics_app.test_client()
    before = await scrape(client)
    for path in ("/nothing-here", "/users/ada@example.com", "/sessions/x/y/z"):
        await assert_problem(await client.get(path), 404, "not_found")
    await client.open("/health", method="BREW")  # a client picks the method
    after = await scrape(client)
    requests = "clarity_http_requests_total"
    unmatched = {"route": "<unmatched>", "method": "GET", "status": "404"}
    assert total(after, requests, **unmatched) - total(before, requests, **unmatched) == 3
    assert total(after, requests, method="other") - total(before, requests, method="other") == 1
    assert not any("ada@" in value for (_, labels) in after for _, value in labels)


async def test_an_open_stream_is_counted_until_the_client_goes_away(metrics_app: Quart) -> None:
    client = metrics_app.test_client()
    use_coach(metrics_app, SlowCoach(delay=0.05))
    user = await UserFactory(client).create()
    session_id = str((await create_session(client, user))["id"])
    async with open_stream(client, session_id, user) as connection:
        await read_until(connection, b"event: token")
        assert total(await scrape(client), "clarity_open_streams") == 1
        await connection.disconnect()
    async with asyncio.timeout(5):
        while total(await scrape(client), "clarity_open_streams") != 0:
            await asyncio.sleep(0.02)
    await wait_for_reply_stored(session_id)  # the reply goes on without its client


# Two workers under `clarity serve`: every worker's figures in one scrape of either.

CLARITY_SERVE = (str(Path(sys.executable).parent / "clarity"), "serve")
REQUESTS, STREAMS, SCRAPES = 60, 8, 6
MAX_REQUESTS = 1000


@pytest.mark.live
@pytest.mark.reliability
async def test_two_workers_add_up(database_url: str, tmp_path: Path) -> None:
    # A directory of the test's own (as an operator may set), to see each worker's share.
    multiproc = tmp_path / "prometheus"
    env = server_env(
        database_url,
        metrics_token=TOKEN,
        rate_limits_enabled="false",
        free_sessions_per_day="unlimited",
        coach_token_delay="0.01",
    )
    env["PROMETHEUS_MULTIPROC_DIR"] = str(multiproc)
    with hypercorn_process(env, ["--workers", "2"], program=CLARITY_SERVE) as server:
        # A new connection for every request, so that both workers accept some.
        limits = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=server.url, timeout=30, limits=limits) as http:
            registered = await http.post(
                "/auth/register", json={"email": "two@example.com", "password": "long enough"}
            )
            headers = {"Authorization": f"Bearer {registered.json()['token']}"}
            sessions = []
            for _ in range(STREAMS):
                created = await http.post("/sessions", headers=headers)
                sessions.append(created.json()["session"]["id"])
            # Which worker accepts a new connection is the kernel's choice, and an idle, quick
            # worker can win every race for a while: batches go on until both have served some
            # (at least REQUESTS in all, at most MAX_REQUESTS).
            sent = 0
            while sent < REQUESTS or (len(_serving(multiproc)) < 2 and sent < MAX_REQUESTS):
                answers = await asyncio.gather(
                    *(http.get("/me", headers=headers) for _ in range(10))
                )
                assert {a.status_code for a in answers} == {200}
                sent += 10
            streams = await asyncio.gather(*(send_message(http, s, headers) for s in sessions))
            assert all(s.events[-1].event == "done" for s in streams)
            await asyncio.sleep(1.5)  # every worker samples its pool each second
            scrapes = []
            for _ in range(SCRAPES):
                response = await http.get("/metrics", headers=AUTH)
                assert response.status_code == 200
                scrapes.append(parse(response.text))
        per_worker = _serving(multiproc)

    me = {"route": "/me", "method": "GET", "status": "200"}
    seen = [total(s, "clarity_http_requests_total", **me) for s in scrapes]
    completed = [total(s, "clarity_replies_total", outcome="completed") for s in scrapes]
    record(
        "metrics, clarity serve with 2 workers",
        f"{sent} GET /me and {STREAMS} streams on new connections (workers served "
        f"{sorted(per_worker.values())} of them), {SCRAPES} scrapes",
        f"/me counted {sorted(set(seen))}, completed replies {sorted(set(completed))}",
    )
    assert len(per_worker) == 2, f"one worker took every request: {per_worker}"
    assert sum(per_worker.values()) == sent
    assert seen == [sent] * SCRAPES
    assert completed == [STREAMS] * SCRAPES
    for samples in scrapes:
        assert total(samples, "clarity_replies_total") == STREAMS
        assert total(samples, "clarity_reply_first_token_seconds_count") == STREAMS
        messages = {"route": MESSAGES, "method": "POST", "status": "200"}
        assert total(samples, "clarity_http_requests_total", **messages) == STREAMS
        assert total(samples, "clarity_http_requests_total", route="/sessions") == STREAMS
        assert total(samples, "clarity_open_streams") == 0
        assert total(samples, "clarity_db_pool_in_use") == 0
        assert not math.isnan(total(samples, "clarity_http_request_duration_seconds_sum"))


def _serving(multiproc: Path) -> dict[str, float]:
    """GET /me requests per worker that has served any, from their counter files."""
    counts = {path.name: _worker_requests(path) for path in multiproc.glob("counter_*.db")}
    return {name: count for name, count in counts.items() if count}


def _worker_requests(path: Path) -> float:
    """GET /me requests one worker's counter file holds."""
    for metric in MultiProcessCollector.merge([str(path)]):  # type: ignore[no-untyped-call]
        if metric.name == "clarity_http_requests":
            return sum(
                s.value
                for s in metric.samples
                if s.labels.get("route") == "/me" and s.name.endswith("_total")
            )
    return 0.0


@pytest.mark.live
@pytest.mark.reliability
async def test_a_dead_workers_streams_leave_the_gauge_and_its_counts_stay(
    database_url: str,
) -> None:
    streams = 8
    env = server_env(
        database_url,
        metrics_token=TOKEN,
        rate_limits_enabled="false",
        free_sessions_per_day="unlimited",
        coach_token_delay="0.4",  # a reply of 12 words takes about 5 s
    )
    with hypercorn_process(env, ["--workers", "2"], program=CLARITY_SERVE) as server:
        port = int(server.url.rsplit(":", 1)[1])
        workers = worker_pids(server.process.pid)
        limits = httpx.Limits(max_keepalive_connections=0)
        async with httpx.AsyncClient(base_url=server.url, timeout=60, limits=limits) as http:

            async def scraped() -> Samples:
                response = await http.get("/metrics", headers=AUTH)
                assert response.status_code == 200
                return parse(response.text)

            registered = await http.post(
                "/auth/register", json={"email": "dies@example.com", "password": "long enough"}
            )
            headers = {"Authorization": f"Bearer {registered.json()['token']}"}
            sessions = [
                (await http.post("/sessions", headers=headers)).json()["session"]["id"]
                for _ in range(streams)
            ]
            readers = [Stream(headers, s) for s in sessions]
            tasks = []
            for reader in readers:
                tasks.append(asyncio.create_task(read_stream(http, reader)))
                await asyncio.sleep(0.02)
            await asyncio.wait_for(asyncio.gather(*(r.started.wait() for r in readers)), 30)
            open_while_running = total(await scraped(), "clarity_open_streams")
            served_by = {pid: client_ports(pid, port) for pid in workers}
            victim = max(workers, key=lambda pid: len(served_by[pid]))
            on_victim = sum(r.client_port in served_by[victim] for r in readers)
            os.kill(victim, signal.SIGKILL)
            async with asyncio.timeout(10):  # until the master has reaped it
                while total(await scraped(), "clarity_open_streams") != streams - on_victim:
                    await asyncio.sleep(0.05)
            await asyncio.gather(*tasks)
            after = await scraped()

    created = {"route": "/sessions", "method": "POST", "status": "201"}
    record(
        "metrics, a worker SIGKILLed under clarity serve",
        f"{streams} streams open, {on_victim} on the killed worker",
        f"open streams {open_while_running:.0f} -> {streams - on_victim} once it was reaped -> "
        f"{total(after, 'clarity_open_streams'):.0f}; its counts kept "
        f"({total(after, 'clarity_http_requests_total', **created):.0f} sessions created)",
    )
    assert on_victim > 0
    assert open_while_running == streams
    assert total(after, "clarity_open_streams") == 0
    assert total(after, "clarity_http_requests_total", **created) == streams  # the dead one's too
    assert sum(r.done for r in readers) == streams - on_victim
    assert total(after, "clarity_replies_total", outcome="completed") == streams - on_victim
