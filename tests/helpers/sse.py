"""The one way the tests read a reply stream (Server-Sent Events).

Three entry points, one parsing, one ``Event``:

- ``parse(raw)`` / ``Parser``: raw SSE bytes (a whole body or chunks as they come) into events;
- ``read(http, method, url, ...)`` / ``send_message``: an httpx client reading a stream as it
  arrives, with options: drop the connection after N tokens, observe each event as it comes
  (``on_event``, or a ``StreamResult`` shared with another task), stop at the terminal event,
  survive a connection that breaks (``cut``). Arrival times are always recorded;
- ``open_stream`` with ``read_events`` / ``drain`` / ``read_until``: the Quart test client's
  raw connection, chunk by chunk (its ``post`` buffers the whole body). ``read_until`` returns the
  bytes themselves, for the tests that check the framing.

Parsing is httpx-sse's, for every transport: the public ``EventSource`` for httpx responses and
its line and event decoders for raw bytes (the package exports only the httpx-bound reader; the
private module is pinned by requirements-dev.lock). Deliberate difference from httpx-sse: an
event with no data is not dispatched, as the SSE spec and EventSource do not; httpx-sse
dispatches an empty "message" for a comment block (``: ping``) once an event has had an id.
"""

from __future__ import annotations

import asyncio
import codecs
import json
import time
from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from httpx_sse import EventSource, ServerSentEvent
from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from quart.testing.connections import TestHTTPConnection as Connection
from quart.typing import TestClientProtocol as Client

from tests.helpers.support import SignedInUser

TERMINAL = frozenset({"done", "interrupted"})
DEFAULT_CONTENT = "I keep putting off a hard conversation with my sister."


@dataclass(frozen=True)
class Event:
    """One dispatched event: its name, id (``<reply id>/<position>``), data as sent, retry."""

    event: str
    id: str | None
    data: str
    retry: int | None = None

    @property
    def json(self) -> Any:
        return json.loads(self.data)


def _event(sse: ServerSentEvent) -> Event | None:
    if sse.data == "":  # nothing to dispatch (see the module's docstring)
        return None
    return Event(sse.event, sse.id or None, sse.data, sse.retry)


class Parser:
    """Raw SSE bytes in, in chunks of any size, events out."""

    def __init__(self) -> None:
        self._text = codecs.getincrementaldecoder("utf-8")()  # a chunk may end mid-character
        self._lines = SSELineDecoder()
        self._events = SSEDecoder()

    def feed(self, chunk: bytes) -> list[Event]:
        found = []
        decoded = self._text.decode(chunk)
        for line in self._lines.decode(decoded) if decoded else []:
            sse = self._events.decode(line)
            event = _event(sse) if sse is not None else None
            if event is not None:
                found.append(event)
        return found


def parse(raw: bytes) -> list[Event]:
    """The events of a whole raw stream (comments skipped)."""
    return Parser().feed(raw)


def tokens(events: Iterable[Event]) -> list[str]:
    return [str(e.json["content"]) for e in events if e.event == "token"]


def text(events: Iterable[Event]) -> str:
    """The reply's text: its tokens' content, joined."""
    return "".join(tokens(events))


@dataclass
class StreamResult:
    """A stream read with httpx: its events as they came, and when each came."""

    status: int = 0
    headers: httpx.Headers = field(default_factory=httpx.Headers)
    events: list[Event] = field(default_factory=list)
    body: Any = None  # the body of a refusal (parsed when it is JSON)
    arrivals: list[float] = field(default_factory=list)  # time.monotonic() per event
    cut: bool = False  # the connection broke before the body ended
    client_port: int = 0  # the local port of the connection that carried it

    @property
    def names(self) -> list[str]:
        return [e.event for e in self.events]

    @property
    def tokens(self) -> list[str]:
        return tokens(self.events)

    @property
    def text(self) -> str:
        return text(self.events)

    @property
    def last(self) -> Any:
        """The last event's data."""
        return self.events[-1].json

    @property
    def last_id(self) -> str | None:
        return self.events[-1].id

    @property
    def terminal(self) -> str | None:
        """The terminal event's name, if the stream got that far."""
        return self.events[-1].event if self.events and self.events[-1].event in TERMINAL else None

    @property
    def done(self) -> bool:
        return self.terminal == "done"

    def token_arrivals(self) -> list[float]:
        return [t for e, t in zip(self.events, self.arrivals, strict=True) if e.event == "token"]


async def read(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    headers: dict[str, str],
    *,
    json_body: Any = None,
    into: StreamResult | None = None,
    stop_after_tokens: int | None = None,
    stop_at_terminal: bool = False,
    on_event: Callable[[StreamResult], None] | None = None,
    first_token: asyncio.Event | None = None,
    expect_ok: bool = False,
    tolerate_cut: bool = False,
) -> StreamResult:
    """Read one stream with httpx as it arrives.

    ``into``: a result another task watches while it fills. ``stop_after_tokens``: leave after
    that many tokens (leaving closes the connection, as a phone going to sleep does).
    ``stop_at_terminal``: leave at ``done``/``interrupted`` without waiting for the body to end.
    ``on_event``: called after each event; ``first_token``: set at the first token.
    ``expect_ok``: assert a 200 event stream.
    ``tolerate_cut``: a broken connection marks the result ``cut`` instead of raising.
    A refusal (not an event stream) leaves its body in ``body`` (parsed when it is JSON).
    """
    result = into if into is not None else StreamResult()
    # What EventSource (and httpx-sse's aconnect_sse) send.
    headers = {**headers, "Accept": "text/event-stream", "Cache-Control": "no-store"}
    try:
        async with http.stream(method, url, headers=headers, json=json_body) as response:
            result.status, result.headers = response.status_code, response.headers
            network = response.extensions.get("network_stream")
            if network is not None and (address := network.get_extra_info("client_addr")):
                result.client_port = address[1]
            content_type = response.headers.get("content-type", "")
            if not content_type.startswith("text/event-stream"):
                await response.aread()
                assert not expect_ok, (response.status_code, response.text)
                result.body = response.json() if "json" in content_type else response.text
                return result
            assert not expect_ok or response.status_code == 200, response.status_code
            async for sse in EventSource(response).aiter_sse():
                event = _event(sse)
                if event is None:
                    continue
                result.events.append(event)
                result.arrivals.append(time.monotonic())
                if on_event is not None:
                    on_event(result)
                if first_token is not None and event.event == "token":
                    first_token.set()
                tokens_so_far = result.names.count("token")
                if stop_after_tokens is not None and tokens_so_far >= stop_after_tokens:
                    break
                if stop_at_terminal and event.event in TERMINAL:
                    break
    except httpx.TransportError:  # e.g. the worker died: the body ends without its last chunk
        if not tolerate_cut:
            raise
        result.cut = True
    return result


async def send_message(
    http: httpx.AsyncClient,
    session_id: str,
    headers: dict[str, str],
    content: str = DEFAULT_CONTENT,
    step: str | None = None,
    **options: Any,
) -> StreamResult:
    """POST a message and read its reply (``options`` as for ``read``)."""
    payload: dict[str, Any] = {"content": content}
    if step is not None:
        payload["step"] = step
    return await read(
        http,
        "POST",
        f"/sessions/{session_id}/messages",
        headers=headers,
        json_body=payload,
        **options,
    )


# The Quart test client, raw.


@asynccontextmanager
async def open_stream(
    client: Client, session_id: str, user: SignedInUser, content: str = "hello"
) -> AsyncIterator[Connection]:
    """A raw streaming request, read chunk by chunk (the test client buffers `post`)."""
    headers = {**user.headers, "Content-Type": "application/json"}
    async with client.request(
        f"/sessions/{session_id}/messages", method="POST", headers=headers
    ) as connection:
        await connection.send(json.dumps({"content": content}).encode())
        await connection.send_complete()
        yield connection


async def read_until(connection: Connection, marker: bytes, timeout: float = 5) -> bytes:
    """The raw bytes received until ``marker`` is among them (for checks of the framing)."""
    received = b""
    async with asyncio.timeout(timeout):
        while marker not in received:
            received += await connection.receive()
    return received


async def read_events(connection: Connection, count: int, timeout: float = 5) -> list[Event]:
    """At least ``count`` events, up to the end of a whole event."""
    raw = b""
    async with asyncio.timeout(timeout):
        while len(parse(raw)) < count or not raw.endswith(b"\n\n"):
            raw += await connection.receive()
    return parse(raw)


async def drain(connection: Connection, timeout: float = 5) -> list[Event]:
    """The events up to and including the terminal one."""
    parser, events = Parser(), []
    async with asyncio.timeout(timeout):
        while not events or events[-1].event not in TERMINAL:
            events += parser.feed(await connection.receive())
    return events
