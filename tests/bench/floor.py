"""The floor: a minimal raw ASGI app (no framework, no database) that streams the same SSE bytes
as a Clarity reply and answers a tiny JSON. Clarity's figures are reported as ratios to it."""

from __future__ import annotations

import asyncio
import json
import os
from typing import Any

from clarity.coach.scripted import REPLIES, split_words
from clarity.models import SolveStep

DELAY = float(os.environ.get("FLOOR_TOKEN_DELAY", "0.05"))
WORDS = split_words(REPLIES[SolveStep.RECEIVE])
TINY = b'{"status":"ok"}'
_DONE_DATA = json.dumps(
    {
        "message_id": "00000000-0000-0000-0000-000000000000",
        "user_message_id": "00000000-0000-0000-0000-000000000000",
        "next_step": "clarify",
        "emotion_detected": "neutral",
        "session_status": "active",
        "safety": None,
    },
    separators=(",", ":"),
).encode()
DONE_EVENT = b"id: %d\nevent: done\ndata: %s\n\n" % (len(WORDS) + 1, _DONE_DATA)

Scope = dict[str, Any]


async def app(scope: Scope, receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.complete"})
                return
    if scope["path"] == "/stream":
        await _drain(receive)
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [
                    (b"content-type", b"text/event-stream"),
                    (b"cache-control", b"no-store"),
                    (b"x-accel-buffering", b"no"),
                ],
            }
        )
        for index, word in enumerate(WORDS):
            if index and DELAY:
                await asyncio.sleep(DELAY)
            event = token_event(index + 1, word)
            await send({"type": "http.response.body", "body": event, "more_body": True})
        await send({"type": "http.response.body", "body": DONE_EVENT, "more_body": False})
        return
    await _drain(receive)
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json")],
        }
    )
    await send({"type": "http.response.body", "body": TINY})


def token_event(event_id: int, word: str) -> bytes:
    data = json.dumps({"content": word}, separators=(",", ":")).encode()
    return b"id: %d\nevent: token\ndata: %s\n\n" % (event_id, data)


async def _drain(receive: Any) -> None:
    while (await receive()).get("more_body"):
        pass
