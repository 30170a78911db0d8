"""A task beside the code under test that counts the event loop's turns: what other requests on
the same worker would get while that code runs."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager


class Ticker:
    def __init__(self, interval: float) -> None:
        self.interval = interval
        self.ticks = 0

    async def run(self) -> None:
        while True:
            await asyncio.sleep(self.interval)
            self.ticks += 1


@asynccontextmanager
async def ticking(interval: float = 0.0) -> AsyncIterator[Ticker]:
    """A running ``Ticker`` that sleeps ``interval`` seconds between ticks, stopped on exit."""
    ticker = Ticker(interval)
    task = asyncio.create_task(ticker.run())
    try:
        await asyncio.sleep(0)
        yield ticker
    finally:
        task.cancel()
