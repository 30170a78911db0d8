"""Server-Sent Events: encoding, and the stream that relays a reply's events to the client."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

from pydantic import TypeAdapter

from clarity.schemas.sessions import DoneEvent, ErrorEvent, TokenEvent

log = logging.getLogger(__name__)

StreamPayload = TokenEvent | DoneEvent | ErrorEvent
EVENT_NAMES: dict[type[Any], str] = {TokenEvent: "token", DoneEvent: "done", ErrorEvent: "error"}
PING = b": ping\n\n"


# Built once: a TypeAdapter per call would cost more than the rest of the event.
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {kind: TypeAdapter(kind) for kind in EVENT_NAMES}


def event_record(payload: StreamPayload) -> dict[str, Any]:
    """The event as JSON-ready data, ``{"event": name, "data": {...}}`` (kept for replays)."""
    kind = type(payload)
    return {"event": EVENT_NAMES[kind], "data": _ADAPTERS[kind].dump_python(payload, mode="json")}


def event_from_record(record: dict[str, Any]) -> StreamPayload:
    """The event ``event_record`` stored, rebuilt (and validated) for a replay."""
    kind = next(k for k, name in EVENT_NAMES.items() if name == record["event"])
    payload: StreamPayload = _ADAPTERS[kind].validate_python(record["data"])
    return payload


def encode_event(event_id: int, payload: StreamPayload) -> bytes:
    """One event: `id`, `event` and a single line of JSON `data` (JSON never contains a newline)."""
    kind = type(payload)
    data = _ADAPTERS[kind].dump_json(payload)
    return b"id: %d\nevent: %s\ndata: %s\n\n" % (event_id, EVENT_NAMES[kind].encode(), data)


class EventChannel:
    """A reply's events on their way from the reply task to the stream: one writer, one reader.

    Hand-rolled instead of an ``asyncio.Queue``: a Queue carries four deques and an Event (about
    3 KiB), a tenth of what an open stream costs in all; this needs a list and, while the reader
    waits, one future.
    """

    __slots__ = ("_items", "_waiter")

    def __init__(self) -> None:
        self._items: list[StreamPayload] = []
        self._waiter: asyncio.Future[None] | None = None

    def put(self, payload: StreamPayload) -> None:
        self._items.append(payload)
        if self._waiter is not None:
            _wake(self._waiter)

    async def take(self) -> list[StreamPayload]:
        """The events put since the last call, oldest first; waits for one if there are none."""
        if not self._items:
            self._waiter = asyncio.get_running_loop().create_future()
            try:
                await self._waiter
            finally:
                self._waiter = None
        items, self._items = self._items, []
        return items


def _wake(waiter: asyncio.Future[None]) -> None:
    if not waiter.done():  # a reader that timed out or went away cancelled it
        waiter.set_result(None)


async def relay(events: EventChannel, heartbeat: float) -> AsyncIterator[bytes]:
    """Yield the reply's events as they come, a ping after each `heartbeat` seconds of silence.

    Only reads: when the client goes away, this generator is cancelled and the reply, which
    runs in its own task, carries on and is stored all the same.
    """
    event_id = 0
    try:
        while True:
            try:
                async with asyncio.timeout(heartbeat):
                    payloads = await events.take()
            except TimeoutError:
                yield PING
                continue
            for payload in payloads:
                event_id += 1
                yield encode_event(event_id, payload)
                if not isinstance(payload, TokenEvent):
                    return
    except asyncio.CancelledError:
        log.info("stream closed by the client after %d events (the reply goes on)", event_id)
        raise
