"""The load side of the benchmark: aiohttp clients that time streams and JSON requests."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp


@dataclass
class StreamResult:
    done: bool
    first_token: float | None = None  # seconds from the request to the first token
    total: float | None = None  # seconds from the request to `done`
    error: str | None = None


async def stream(
    http: aiohttp.ClientSession,
    url: str,
    headers: dict[str, str],
    payload: dict[str, Any],
    first_token: asyncio.Event | None = None,
) -> StreamResult:
    started = time.perf_counter()
    first: float | None = None
    tail = b""
    try:
        async with http.post(url, json=payload, headers=headers) as response:
            if response.status != 200:
                return StreamResult(False, error=f"status {response.status}")
            async for chunk in response.content.iter_any():
                window = tail + chunk
                if first is None and b"event: token" in window:
                    first = time.perf_counter() - started
                    if first_token is not None:
                        first_token.set()
                if b"event: done" in window:
                    return StreamResult(True, first, time.perf_counter() - started)
                if b"event: interrupted" in window or b"event: error" in window:
                    return StreamResult(False, first, error="interrupted event")
                tail = window[-32:]
    except (aiohttp.ClientError, TimeoutError) as error:
        return StreamResult(False, first, error=type(error).__name__)
    return StreamResult(False, first, error="stream ended without done")


async def json_load(
    http: aiohttp.ClientSession,
    method: str,
    url: str,
    headers: dict[str, str],
    concurrency: int,
    seconds: float,
    body: Any = None,
) -> tuple[int, int, list[float]]:
    """(successes, failures, latencies) of `concurrency` clients looping for `seconds`."""
    deadline = time.perf_counter() + seconds
    latencies: list[float] = []
    failures = 0

    async def client() -> None:
        nonlocal failures
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            async with http.request(method, url, headers=headers, json=body) as response:
                await response.read()
                if response.status >= 400:
                    failures += 1
                    continue
            latencies.append(time.perf_counter() - started)

    await asyncio.gather(*(client() for _ in range(concurrency)))
    return len(latencies), failures, latencies


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


def rss_bytes(pid: int) -> int:
    """Resident memory of a process and all its descendants (hypercorn serves from a child)."""
    total = 0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
        pending.extend(int(child) for child in children)
    return total
