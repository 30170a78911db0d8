"""Two hypercorn processes on one PostgreSQL database, as two workers or hosts would be:
the quota and the one-reply-at-a-time lock hold across them."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Iterator

import httpx
import pytest

from tests.helpers import databases
from tests.helpers.live import hypercorn_server, server_env
from tests.helpers.reliability import record

pytestmark = [
    pytest.mark.live,
    pytest.mark.reliability,
    pytest.mark.skipif(not databases.ON_POSTGRES, reason="several processes need PostgreSQL"),
]

LIMIT = 5
RACERS = 50


@pytest.fixture
def two_workers(database_url: str) -> Iterator[list[str]]:
    env = server_env(
        database_url,
        free_sessions_per_day=str(LIMIT),
        rate_limits_enabled="false",
        database_pool_max="30",
        # Replies of about 4 s: every racer reaches the lock while the first reply still runs,
        # even on a loaded box (a reply that finished first would let a second one in, rightly).
        coach_token_delay="0.3",
    )
    with hypercorn_server(env) as first, hypercorn_server(env) as second:
        yield [first, second]


async def _register(http: httpx.AsyncClient, base_url: str, n: int) -> dict[str, str]:
    response = await http.post(
        f"{base_url}/auth/register",
        json={"email": f"worker-race-{n}@example.com", "password": "long enough"},
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


async def test_the_quota_never_goes_over_when_creates_race_across_workers(
    two_workers: list[str], database_url: str
) -> None:
    repetitions = 100
    over_limit, statuses_seen = 0, {201: 0, 429: 0}
    connection = await databases.postgres_connection(database_url)
    limits = httpx.Limits(max_connections=RACERS * 2)
    try:
        async with httpx.AsyncClient(timeout=30, limits=limits) as http:
            for repetition in range(repetitions):
                headers = await _register(http, two_workers[repetition % 2], repetition)
                # Spend all but one place directly in the database: the race is for the last one.
                user_id = (await http.get(f"{two_workers[0]}/me", headers=headers)).json()["id"]
                await connection.execute(
                    "INSERT INTO usage_counters (user_id, day, used) "
                    "VALUES ($1, (now() AT TIME ZONE 'utc')::date, $2)",
                    user_id,
                    LIMIT - 1,
                )
                workers = itertools.cycle(two_workers)
                responses = await asyncio.gather(
                    *(
                        http.post(f"{next(workers)}/sessions", headers=headers)
                        for _ in range(RACERS)
                    )
                )
                statuses = [r.status_code for r in responses]
                for status in statuses:
                    statuses_seen[status] = statuses_seen.get(status, 0) + 1
                used = await connection.fetchval(
                    "SELECT used FROM usage_counters WHERE user_id = $1", user_id
                )
                created = await connection.fetchval(
                    "SELECT count(*) FROM solve_sessions WHERE user_id = $1", user_id
                )
                if statuses.count(201) != 1 or used != LIMIT or created != 1:
                    over_limit += 1
    finally:
        await connection.close()
    record(
        "quota race, 2 workers",
        f"{repetitions} x {RACERS} creates at limit-1",
        f"{over_limit} over the limit ({statuses_seen[201]} x 201, {statuses_seen[429]} x 429)",
    )
    assert over_limit == 0
    assert statuses_seen == {201: repetitions, 429: repetitions * (RACERS - 1)}


async def test_parallel_messages_across_workers_give_exactly_one_reply(
    two_workers: list[str], database_url: str
) -> None:
    repetitions, wrong = 5, 0
    limits = httpx.Limits(max_connections=RACERS * 2)
    totals = {200: 0, 409: 0}
    connection = await databases.postgres_connection(database_url)
    try:
        async with httpx.AsyncClient(timeout=30, limits=limits) as http:
            headers = await _register(http, two_workers[0], 1000)
            for _ in range(repetitions):
                created = await http.post(f"{two_workers[1]}/sessions", headers=headers)
                session_id = created.json()["session"]["id"]
                workers = itertools.cycle(two_workers)
                responses = await asyncio.gather(
                    *(
                        http.post(
                            f"{next(workers)}/sessions/{session_id}/messages",
                            headers=headers,
                            json={"content": f"message {n}"},
                        )
                        for n in range(RACERS)
                    )
                )
                statuses = sorted(r.status_code for r in responses)
                codes = {r.json()["code"] for r in responses if r.status_code == 409}
                for status in statuses:
                    totals[status] = totals.get(status, 0) + 1
                stored = await connection.fetchval(
                    "SELECT count(*) FROM solve_messages WHERE session_id = $1", session_id
                )
                if statuses != [200] + [409] * (RACERS - 1) or codes != {"reply_in_progress"}:
                    wrong += 1
                if stored != 2:
                    wrong += 1
            # Free sessions per day would stop new sessions after LIMIT; stay under it.
            assert repetitions <= LIMIT
    finally:
        await connection.close()
    record(
        "one reply per session, 2 workers",
        f"{repetitions} x {RACERS} parallel messages",
        f"{wrong} wrong ({totals[200]} x 200, {totals[409]} x 409 reply_in_progress)",
    )
    assert wrong == 0
