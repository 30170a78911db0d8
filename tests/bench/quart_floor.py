"""Quart alone: the floor's two routes in a bare Quart app (no auth, no validation, no database).

Measured in the same run as Clarity and the raw ASGI floor, it shows how much of the distance to
the floor is the framework's own per-request cost, which no change inside Clarity can remove.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from quart import Quart, Response, request

from tests.bench.floor import DELAY, DONE_EVENT, TINY, WORDS, token_event

app = Quart(__name__)


@app.post("/stream")
async def stream() -> Response:
    await request.get_data()

    async def events() -> AsyncIterator[bytes]:
        for index, word in enumerate(WORDS):
            if index and DELAY:
                await asyncio.sleep(DELAY)
            yield token_event(index + 1, word)
        yield DONE_EVENT

    response = Response(events(), content_type="text/event-stream")
    response.timeout = None
    return response


@app.get("/tiny")
async def tiny() -> Response:
    return Response(TINY, content_type="application/json")
