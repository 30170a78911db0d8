"""The database goes away under load: clients get JSON 503s (never a traceback), /ready says so
within 2 s, and everything recovers when it comes back."""

from __future__ import annotations

import asyncio
import time
from urllib.parse import urlsplit, urlunsplit

import httpx
import pytest

from tests.helpers import databases
from tests.helpers.live import hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.helpers.tcp_proxy import CuttableProxy

pytestmark = [
    pytest.mark.live,
    pytest.mark.reliability,
    pytest.mark.skipif(not databases.ON_POSTGRES, reason="a database server that goes away"),
]


def _through(proxy: CuttableProxy, url: str) -> str:
    parts = urlsplit(url)
    user = parts.netloc.rsplit("@", 1)[0]
    return urlunsplit(parts._replace(netloc=f"{user}@127.0.0.1:{proxy.port}"))


async def test_a_database_outage_gives_503s_and_full_recovery(database_url: str) -> None:
    parts = urlsplit(database_url)
    proxy = CuttableProxy(parts.hostname or "127.0.0.1", parts.port or 5432)
    await proxy.start()
    env = server_env(_through(proxy, database_url), rate_limits_enabled="false")
    outage_seconds, workers = 3.0, 20
    try:
        with hypercorn_process(env) as server:
            async with httpx.AsyncClient(base_url=server.url, timeout=30) as http:
                token = (
                    await http.post(
                        "/auth/register",
                        json={"email": "outage@example.com", "password": "long enough"},
                    )
                ).json()["token"]
                headers = {"Authorization": f"Bearer {token}"}
                during: list[httpx.Response] = []
                stop = asyncio.Event()

                async def load() -> None:
                    while not stop.is_set():
                        during.append(await http.get("/me", headers=headers))

                proxy.take_down()
                cut_at = time.monotonic()
                ready = await http.get("/ready")
                ready_after = time.monotonic() - cut_at
                tasks = [asyncio.create_task(load()) for _ in range(workers)]
                await asyncio.sleep(outage_seconds)
                stop.set()
                await asyncio.gather(*tasks)
                proxy.bring_back()
                back_at = time.monotonic()
                recovered_after = None
                while time.monotonic() - back_at < 30:
                    if (await http.get("/me", headers=headers)).status_code == 200:
                        recovered_after = time.monotonic() - back_at
                        break
                    await asyncio.sleep(0.1)
                after = [await http.get("/me", headers=headers) for _ in range(20)]
                created = await http.post("/sessions", headers=headers)
            log = server.log_text()
    finally:
        await proxy.stop()
    statuses: dict[int, int] = {}
    for response in during:
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
    not_json = [
        r for r in during if not r.headers.get("content-type", "").startswith("application/")
    ]
    record(
        "database outage under load",
        f"{len(during)} requests over a {outage_seconds:.0f} s outage ({workers} clients)",
        f"{statuses.get(500, 0)} x 500, {len(not_json)} non-JSON, "
        f"/ready 503 in {ready_after:.2f} s, recovered in {recovered_after or -1:.1f} s",
    )
    assert ready.status_code == 503
    assert ready_after < 2.0
    assert during
    assert set(statuses) == {503}, statuses
    assert not not_json
    assert all(r.json()["code"] == "service_unavailable" for r in during)
    assert all("Traceback" not in r.text for r in during)
    assert recovered_after is not None
    assert all(r.status_code == 200 for r in after)
    assert created.status_code == 201
    assert "database unavailable" in log  # logged for operators, with the request id
