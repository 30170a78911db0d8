"""Against a live server, as an attacker or a buggy client would: malformed bodies on every JSON
route, and sign-ins while Redis is unreachable. Counted for the reliability table: 500s, and the
user's words anywhere in the server's output (its logs, hypercorn's included)."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.helpers.live import hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.test_strict_input import MALFORMED, MARKER, _body

pytestmark = [pytest.mark.live, pytest.mark.reliability]

ROUNDS = 20


async def test_malformed_input_is_never_a_500_and_never_logged(database_url: str) -> None:
    env = server_env(database_url, log_level="DEBUG")
    with hypercorn_process(env) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            token = (
                await http.post(
                    "/auth/register", json={"email": "fuzz@example.com", "password": "x" * 12}
                )
            ).json()["token"]
            auth = {"Authorization": f"Bearer {token}"}
            session = (await http.post("/sessions", headers=auth)).json()["session"]["id"]
            routes = [
                ("/auth/login", {}),
                ("/auth/register", {}),
                ("/sessions", auth),
                (f"/sessions/{session}/messages", auth),
            ]
            responses = await asyncio.gather(
                *(
                    http.post(path, content=_body(kind), headers={**headers, "Content-Type": "x/y"})
                    for _ in range(ROUNDS)
                    for path, headers in routes
                    for kind in MALFORMED
                )
            )
        log = server.log_text()
    statuses: dict[int, int] = {}
    for response in responses:
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    leaked = log.count(MARKER) + log.count(MARKER.replace(" ", "-"))
    record(
        "malformed input",
        f"{len(responses)} bodies ({', '.join(sorted(MALFORMED))}) on 4 JSON routes, log DEBUG",
        f"500s: {statuses.get(500, 0)}, user words in logs: {leaked}, statuses {statuses}",
    )
    assert statuses.get(500, 0) == 0
    assert set(statuses) <= {400, 429}, statuses  # 429: the sign-in limits count them too
    assert leaked == 0
    assert "Traceback" not in log


async def test_sign_in_works_while_redis_is_unreachable(database_url: str) -> None:
    env = server_env(database_url, redis_url="redis://127.0.0.1:1/0")
    with hypercorn_process(env) as server:
        async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
            registered = [
                await http.post(
                    "/auth/register", json={"email": f"r{n}@example.com", "password": "x" * 12}
                )
                for n in range(10)
            ]
            logins = [
                await http.post(
                    "/auth/login", json={"email": f"r{n % 10}@example.com", "password": "x" * 12}
                )
                for n in range(20)
            ]
            ready = await http.get("/ready")
        log = server.log_text()
    answers = registered + logins
    errors = sum(r.status_code >= 500 for r in answers)
    record(
        "Redis down",
        f"{len(answers)} sign-ups and sign-ins with CLARITY_REDIS_URL unreachable",
        f"500s: {errors}; /ready {ready.status_code} {ready.json()['status']}, "
        f"redis {ready.json()['checks']['redis']}",
    )
    assert errors == 0
    assert [r.status_code for r in registered] == [201] * 10
    assert all(r.status_code == 200 for r in logins)
    assert ready.json()["status"] == "degraded"
    assert "Traceback" not in log
