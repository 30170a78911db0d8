"""Benchmark Clarity against a floor, on one box: `make bench` (python -m tests.bench).

Clarity, the floor (tests/bench/floor.py: raw ASGI, no framework, no database) and Quart
alone (tests/bench/quart_floor.py: the same routes in bare Quart) each run
under hypercorn with the project's hypercorn.toml on a loopback port; this process seeds data
through the API and drives the load. SQLite by default, PostgreSQL with --database-url. Prints a
table and writes it to bench-results.txt.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
import time
from collections import Counter
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import aiohttp

from tests.bench.load import json_load, percentile, rss_bytes, stream
from tests.bench.setup import (
    clarity_env,
    drop_database,
    fresh_database,
    insert_sessions,
    seed,
    serve,
)

ROWS: list[tuple[str, str, str, str]] = []  # (measure, clarity, floor, ratio or target)


def ms(values: list[float]) -> str:
    """p50/p99 in milliseconds."""
    return f"{percentile(values, 0.5) * 1000:.1f}/{percentile(values, 0.99) * 1000:.1f} ms"


def say(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def row(measure: str, clarity: str, floor: str = "", note: str = "") -> None:
    ROWS.append((measure, clarity, floor, note))
    say(f"{measure}: {clarity} | floor {floor} | {note}")


async def burst(
    http: aiohttp.ClientSession, url: str, floor: str, bare: str, n: int, delay: float
) -> None:
    pairs = await seed(http, url, users=n, sessions_each=1)
    payload = {"content": "I keep putting off a hard conversation."}
    say(f"stream burst: {n} replies at once")
    results = await asyncio.gather(
        *(stream(http, f"{url}/sessions/{s}/messages", h, payload) for h, s in pairs)
    )
    floor_results = await asyncio.gather(*(stream(http, f"{floor}/stream", {}, {}) for _ in pairs))
    bare_results = await asyncio.gather(*(stream(http, f"{bare}/stream", {}, {}) for _ in pairs))
    done = [r for r in results if r.done]
    floor_done = [r for r in floor_results if r.done]
    ideal = 11 * delay
    totals = [r.total or 0 for r in done]
    floor_totals = [r.total or 0 for r in floor_done]
    ttft = [r.first_token or 0 for r in done]
    floor_ttft = [r.first_token or 0 for r in floor_done]
    row(f"burst {n}: completed", f"{len(done)}/{n}", f"{len(floor_done)}/{n}", "target 100%")
    row(
        f"burst {n}: first token p50/p99",
        f"{percentile(ttft, 0.5) * 1000:.0f}/{percentile(ttft, 0.99) * 1000:.0f} ms",
        f"{percentile(floor_ttft, 0.5) * 1000:.0f}/{percentile(floor_ttft, 0.99) * 1000:.0f} ms",
        "target p50 ≤ 1000 ms" if n == 1000 else "",
    )
    p99, floor_p99 = percentile(totals, 0.99), percentile(floor_totals, 0.99)
    bare_totals = [r.total or 0 for r in bare_results if r.done]
    bare_p99 = percentile(bare_totals, 0.99)
    row(
        f"burst {n}: whole reply p50/p99 (ideal {ideal:.2f} s)",
        f"{percentile(totals, 0.5):.2f}/{p99:.2f} s",
        f"{percentile(floor_totals, 0.5):.2f}/{floor_p99:.2f} s",
        f"p99 ratio to Quart alone {p99 / bare_p99:.2f}" + (" (target ≤ 2)" if n == 1000 else ""),
    )
    row(
        f"burst {n}: Quart alone, {len(bare_totals)}/{n} done, p50/p99",
        f"{percentile(bare_totals, 0.5):.2f}/{bare_p99:.2f} s",
        f"{percentile(floor_totals, 0.5):.2f}/{floor_p99:.2f} s",
        f"p99 ratio {bare_p99 / floor_p99:.2f} (the framework's own share)",
    )


async def hold(
    http: aiohttp.ClientSession,
    clarity: tuple[str, int],  # (url, server pid) of each
    floor_server: tuple[str, int],
    bare_server: tuple[str, int],
    n: int,
) -> None:
    (url, pid), (floor, floor_pid), (bare, bare_pid) = clarity, floor_server, bare_server
    pairs = await seed(http, url, users=max(1, n // 100), sessions_each=min(100, n))
    payload = {"content": "Hold this stream open."}

    async def held(target: str, path_of: Any, server_pid: int) -> tuple[int, int, float]:
        idle = rss_bytes(server_pid)
        started = [asyncio.Event() for _ in pairs]
        tasks = [
            asyncio.create_task(stream(http, path_of(s), h if target == url else {}, payload, e))
            for (h, s), e in zip(pairs, started, strict=True)
        ]
        waiting = asyncio.gather(*(e.wait() for e in started))
        with suppress(TimeoutError):
            await asyncio.wait_for(waiting, timeout=60)
        opened = sum(e.is_set() for e in started)
        loaded = rss_bytes(server_pid)
        results = await asyncio.gather(*tasks)
        errors = sum(not r.done for r in results)
        if errors:
            kinds = Counter(r.error for r in results if not r.done)
            say(f"{target}: failed streams by cause: {dict(kinds.most_common(5))}")
        return opened, errors, (loaded - idle) / max(1, opened)

    say(f"open streams held: {n} slow replies (1 s between tokens)")
    opened, errors, per_stream = await held(url, lambda s: f"{url}/sessions/{s}/messages", pid)
    f_opened, f_errors, f_per_stream = await held(floor, lambda s: f"{floor}/stream", floor_pid)
    b_opened, b_errors, b_per_stream = await held(bare, lambda s: f"{bare}/stream", bare_pid)
    row(
        f"open streams held ({n} tried)",
        f"{opened} open, {errors} errors",
        f"{f_opened} open, {f_errors} errors",
        "target ≥ 5000 with 0 errors",
    )
    row(
        "server RSS per open stream",
        f"{per_stream / 1024:.1f} KiB",
        f"{f_per_stream / 1024:.1f} KiB",
        f"ratio to Quart alone {per_stream / max(1.0, b_per_stream):.2f} (target ≤ 1.3)",
    )
    row(
        f"Quart alone: {b_opened} open, {b_errors} errors; RSS per stream",
        f"{b_per_stream / 1024:.1f} KiB",
        f"{f_per_stream / 1024:.1f} KiB",
        f"ratio {b_per_stream / max(1.0, f_per_stream):.2f} (the framework's own share)",
    )


# Each JSON route is measured in slices alternated with slices of Quart alone, and its ratio is
# taken over the same stretch of time: this box's speed drifts by a third within minutes (another
# tenant's load), which made a ratio to a Quart alone measured once, minutes apart, say more about
# the moment than about Clarity.
SLICES = 4


@dataclass
class Slices:
    """What one side's slices answered, and the time they really took (a slice ends once the
    requests in flight at its deadline are answered), so its rate is over that time."""

    ok: int = 0
    failed: int = 0
    took: float = 0.0
    latencies: list[float] = field(default_factory=list)

    async def run(
        self,
        http: aiohttp.ClientSession,
        method: str,
        url: str,
        headers: dict[str, str],
        seconds: float,
    ) -> None:
        started = time.perf_counter()
        ok, failed, latencies = await json_load(http, method, url, headers, 50, seconds)
        self.took += time.perf_counter() - started
        self.ok, self.failed = self.ok + ok, self.failed + failed
        self.latencies.extend(latencies)

    def rate(self) -> float:
        return self.ok / self.took if self.took else 0.0


async def json_api(
    http: aiohttp.ClientSession, url: str, floor: str, bare: str, seconds: float
) -> None:
    pairs = await seed(http, url, users=1, sessions_each=1)
    headers, session_id = pairs[0]
    gate = asyncio.Semaphore(50)

    async def create() -> None:
        async with gate, http.post(f"{url}/sessions", headers=headers) as response:
            await response.read()

    await asyncio.gather(*(create() for _ in range(999)))  # a user with 1,000 sessions
    floor_ok, _, floor_lat = await json_load(http, "GET", f"{floor}/tiny", {}, 50, seconds)
    floor_rps = floor_ok / seconds
    row("floor tiny JSON, 50 clients", f"{floor_rps:.0f} req/s", note=f"p50/p99 {ms(floor_lat)}")
    bare_ok, _, bare_lat = await json_load(http, "GET", f"{bare}/tiny", {}, 50, seconds)
    row(
        "Quart alone, tiny JSON, 50 clients",
        f"{bare_ok / seconds:.0f} req/s, p50/p99 {ms(bare_lat)}",
        note=f"{bare_ok / seconds / floor_rps:.0%} of floor (the framework's own ceiling)",
    )
    piece = seconds / SLICES
    for label, method, path, target in (
        ("GET /sessions (page of 20 of 1,000)", "GET", "/sessions", "≥ 50%, p99 ≤ 100 ms"),
        ("GET /sessions/{id}", "GET", f"/sessions/{session_id}", "≥ 60%"),
        ("POST /sessions", "POST", "/sessions", "≥ 35%"),
    ):
        route, quart = Slices(), Slices()
        for _ in range(SLICES):
            await quart.run(http, "GET", f"{bare}/tiny", {}, piece / 2)
            await route.run(http, method, f"{url}{path}", headers, piece)
            await quart.run(http, "GET", f"{bare}/tiny", {}, piece / 2)
        rps, bare_rps = route.rate(), quart.rate()
        share = f"{rps / bare_rps:.0%}" if quart.ok else "n/a (none answered)"
        note = (
            f"{share} of Quart alone ({bare_rps:.0f} req/s in slices between; "
            f"target {target}); {route.failed} failed"
        )
        row(f"{label}, 50 clients", f"{rps:.0f} req/s, p50/p99 {ms(route.latencies)}", note=note)


async def growth(database_url: str, seconds: float, extra_rows: int) -> None:
    """GET /sessions latency for one user with 1,000 sessions, before and after the table
    grows to a million rows (inserted directly, spread over a thousand users)."""
    samples: dict[str, float] = {}
    user_id: str | None = None
    headers: dict[str, str] = {}
    for phase in ("1,000", f"{1000 + extra_rows:,}"):
        if phase != "1,000":
            say(f"growth: inserting {extra_rows:,} sessions")
            await insert_sessions(database_url, extra_rows)
        with serve("clarity.app:create_app()", clarity_env(database_url)) as (url, _):
            async with aiohttp.ClientSession() as http:
                if user_id is None:
                    pairs = await seed(http, url, users=1, sessions_each=1000)
                    headers = pairs[0][0]
                    user_id = "seeded"
                _, _, lat = await json_load(http, "GET", f"{url}/sessions", headers, 1, seconds)
        samples[phase] = percentile(lat, 0.5)
    small, large = samples.values()
    row(
        f"GET /sessions p50, table of {' vs '.join(samples)} rows",
        f"{small * 1000:.2f} vs {large * 1000:.2f} ms",
        note=f"ratio {large / small:.2f} (target ≤ 1.5)",
    )


async def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        delay = 0.05
        floor_env = {"FLOOR_TOKEN_DELAY": str(delay)}
        limits = aiohttp.TCPConnector(limit=0)
        timeout = aiohttp.ClientTimeout(total=None, sock_connect=30)
        database = await fresh_database(args.database_url, workdir, "main")
        try:
            async with aiohttp.ClientSession(connector=limits, timeout=timeout) as http:
                env = clarity_env(database, coach_token_delay=str(delay))
                with (
                    serve("clarity.app:create_app()", env) as (url, _),
                    serve("tests.bench.floor:app", floor_env) as (floor, _),
                    serve("tests.bench.quart_floor:app", floor_env) as (bare, _),
                ):
                    if "burst" in args.phases:
                        for n in args.burst:
                            await burst(http, url, floor, bare, n, delay)
                    if "json" in args.phases:
                        await json_api(http, url, floor, bare, args.seconds)
                env = clarity_env(database, coach_token_delay="1")
                if "hold" in args.phases:
                    slow_floor = {"FLOOR_TOKEN_DELAY": "1"}
                    with (
                        serve("clarity.app:create_app()", env) as (url, server),
                        serve("tests.bench.floor:app", slow_floor) as (floor, floor_server),
                        serve("tests.bench.quart_floor:app", slow_floor) as (bare, bare_server),
                    ):
                        await hold(
                            http,
                            (url, server.pid),
                            (floor, floor_server.pid),
                            (bare, bare_server.pid),
                            args.hold,
                        )
            if "growth" in args.phases:
                growth_db = await fresh_database(args.database_url, workdir, "growth")
                try:
                    await growth(growth_db, args.seconds, args.growth_rows)
                finally:
                    await drop_database(args.database_url, growth_db)
        finally:
            await drop_database(args.database_url, database)


def render(args: argparse.Namespace) -> str:
    kind = "PostgreSQL" if args.database_url else "SQLite"
    header = ("measure", "Clarity", "floor", "ratio / target")
    widths = [max(len(r[i]) for r in [header, *ROWS]) for i in range(4)]
    lines = [f"Clarity benchmark on {kind}, {os.cpu_count()} cores, one hypercorn worker"]
    for values in (header, tuple("-" * w for w in widths), *ROWS):
        lines.append(" | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)))
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--database-url", help="postgres://... (default: a fresh SQLite file)")
    parser.add_argument("--burst", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--hold", type=int, default=5000)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--growth-rows", type=int, default=999_000)
    parser.add_argument("--output", default="bench-results.txt")
    parser.add_argument(
        "--phases",
        nargs="+",
        default=["burst", "json", "hold", "growth"],
        choices=["burst", "json", "hold", "growth"],
    )
    args = parser.parse_args()
    asyncio.run(run(args))
    table = render(args)
    print("\n" + table)
    Path(args.output).write_text(table + "\n")
    say(f"table written to {args.output}")


if __name__ == "__main__":
    main()
