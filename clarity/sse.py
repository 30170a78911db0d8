"""Server-Sent Events: a pure encoder for the reply's events, and the relay that turns a reply's
event feed into the response body (with `: ping` comments during silences).

Event ids name the reply and a position in it, so that any worker can tell from a client's
``Last-Event-ID`` which reply it follows and where to continue: ``<reply id>/<n>`` after the
first ``n`` characters of the reply's text, ``<reply id>/end`` for the terminal event. Clients
treat ids as opaque.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, Protocol

import orjson
from pydantic import TypeAdapter

from clarity import metrics
from clarity.schemas.sessions import DoneEvent, InterruptedEvent, StartEvent, TokenEvent
from clarity.timeouts import SharedTimeout

log = logging.getLogger(__name__)

StreamPayload = StartEvent | TokenEvent | DoneEvent | InterruptedEvent
Terminal = DoneEvent | InterruptedEvent
EVENT_NAMES: dict[type[Any], str] = {
    StartEvent: "start",
    TokenEvent: "token",
    DoneEvent: "done",
    InterruptedEvent: "interrupted",
}
_KINDS = {name: kind for kind, name in EVENT_NAMES.items()}
PING = b": ping\n\n"
END = "end"

# Built once: a TypeAdapter per call would cost more than the rest of the event.
_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {kind: TypeAdapter(kind) for kind in EVENT_NAMES}


@dataclass(frozen=True, slots=True)
class Position:
    """Where a client stands in a reply: after ``chars`` characters, or past its end."""

    reply_id: uuid.UUID
    chars: int  # ignored when ``at_end``
    at_end: bool = False

    def __str__(self) -> str:
        return f"{self.reply_id}/{END if self.at_end else self.chars}"

    @classmethod
    def parse(cls, event_id: str) -> Position | None:
        """The position an event id names, or None when it is not one of ours."""
        reply, _, where = event_id.strip().partition("/")
        try:
            reply_id = uuid.UUID(reply)
        except ValueError:
            return None
        if str(reply_id) != reply:
            return None
        if where == END:
            return cls(reply_id, 0, at_end=True)
        if where.isascii() and where.isdecimal() and len(where) <= 9:
            return cls(reply_id, int(where))
        return None


@dataclass(frozen=True, slots=True)
class Event:
    """One event of a reply's stream, with the position it leaves the client at."""

    position: Position
    payload: StreamPayload


def event_record(payload: Terminal) -> dict[str, Any]:
    """A terminal event as JSON-ready data, ``{"event": name, "data": {...}}`` (kept in storage)."""
    kind = type(payload)
    return {"event": EVENT_NAMES[kind], "data": _ADAPTERS[kind].dump_python(payload, mode="json")}


def event_from_record(record: dict[str, Any]) -> Terminal:
    """The terminal event ``event_record`` stored, rebuilt (and validated)."""
    payload: Terminal = _ADAPTERS[_KINDS[record["event"]]].validate_python(record["data"])
    return payload


def terminal_from_json(raw: str) -> Terminal:
    return event_from_record(orjson.loads(raw))


def encode_event(event: Event) -> bytes:
    """`id`, `event` and a single line of JSON `data` (JSON never contains a newline)."""
    kind = type(event.payload)
    data = _ADAPTERS[kind].dump_json(event.payload)
    return b"id: %s\nevent: %s\ndata: %s\n\n" % (
        str(event.position).encode(),
        EVENT_NAMES[kind].encode(),
        data,
    )


class Feed(Protocol):
    """A reply's events for one client, from where it stands: catch-up first, then live."""

    async def take(self) -> list[Event]:
        """The next events (at least one; the terminal event is the last); waits for them.
        Cancelling the wait loses nothing."""
        ...


async def relay(feed: Feed, heartbeat: SharedTimeout) -> AsyncIterator[bytes]:
    """The response body: each event as it comes, a ping after ``heartbeat.seconds`` (to 1.25
    times that) of silence, until the terminal event.

    Only reads: when the client goes away this generator is cancelled, and the reply, which runs
    in a task of its own, carries on and is stored all the same.
    """
    sent = 0
    # Counted by hand, not with a context manager: a generator-based one is kept (about 0.3
    # KiB) for as long as the stream is open.
    metrics.stream_opened()
    try:
        while True:
            try:
                async with heartbeat():
                    events = await feed.take()
            except TimeoutError:
                yield PING
                continue
            if not events:  # the feed has nothing more to give
                return
            for event in events:
                sent += 1
                yield encode_event(event)
                if isinstance(event.payload, DoneEvent | InterruptedEvent):
                    return
    except asyncio.CancelledError:
        log.info("stream closed by the client after %d events (the reply goes on)", sent)
        raise
    finally:
        metrics.stream_closed()  # however the stream ends: done, disconnect, cancel
