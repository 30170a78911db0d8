"""Replies being generated, as feeds that any number of clients can follow from any position.

In this process a running reply is a ``LiveReply``: its text so far and, once it ends, its
terminal event; each client that follows it gets a ``LiveFeed`` that catches up from where the
client stands and then waits for what comes next. With several workers or hosts, a reply running
in another process is followed through Redis (``RedisReplies``: a Redis Stream per reply, the
engine made for this fan-out), or, without Redis, by waiting for it to be stored. See
``clarity.services.reply_feeds`` for how a feed is chosen.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import Iterable
from typing import Any

import orjson
from redis.asyncio import Redis
from redis.exceptions import RedisError

from clarity.schemas.sessions import StartEvent, TokenEvent
from clarity.sse import Event, Position, Terminal, event_record, terminal_from_json

log = logging.getLogger(__name__)


def stored_events(
    reply_id: uuid.UUID,
    start: StartEvent,
    text: str,
    terminal: Terminal,
    after: Position | None,
) -> list[Event]:
    """A finished reply's events after ``after`` (all of them, with ``start``, when None): the
    rest of its text as one token, then its terminal event."""
    events: list[Event] = []
    chars = 0
    if after is None:
        events.append(Event(Position(reply_id, 0), start))
    elif after.at_end:
        return []
    else:
        chars = min(after.chars, len(text))
    if text[chars:]:
        events.append(Event(Position(reply_id, len(text)), TokenEvent(content=text[chars:])))
    events.append(Event(Position(reply_id, 0, at_end=True), terminal))
    return events


class LiveReply:
    """A reply being generated in this process, followed by the clients attached to it."""

    __slots__ = ("_length", "_parts", "_waiters", "reply_id", "start", "stop", "task", "terminal")

    def __init__(self, reply_id: uuid.UUID, start: StartEvent) -> None:
        self.reply_id = reply_id
        self.start = start
        self._parts: list[str] = []
        self._length = 0
        self.terminal: Terminal | None = None
        self._waiters: list[asyncio.Future[None]] = []
        # Set when the app's stop button asked for this reply to end; the task that runs it.
        self.stop = False
        self.task: asyncio.Task[None] | None = None

    @property
    def text(self) -> str:
        return "".join(self._parts)

    def token(self, content: str) -> None:
        self._parts.append(content)
        self._length += len(content)
        self._wake()

    def request_stop(self) -> None:
        if not self.stop and self.task is not None and self.terminal is None:
            self.stop = True
            self.task.cancel()

    def end(self, terminal: Terminal) -> None:
        self.terminal = terminal
        self._wake()

    def follow(self, after: Position | None) -> LiveFeed:
        return LiveFeed(self, after)

    def _wake(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():  # a follower that timed out or went away cancelled it
                waiter.set_result(None)
        self._waiters.clear()


class LiveFeed:
    """One client's view of a ``LiveReply``: catch-up from its position, then each new piece."""

    __slots__ = ("_chars", "_ended", "_index", "_reply", "_started")

    def __init__(self, reply: LiveReply, after: Position | None) -> None:
        self._reply = reply
        self._started = after is not None
        self._ended = after is not None and after.at_end
        self._chars = 0 if after is None or after.at_end else after.chars
        self._index = -1  # the part to send next; -1 until caught up

    async def take(self) -> list[Event]:
        while True:
            events = self._ready()
            if events or self._ended:
                return events
            waiter = asyncio.get_running_loop().create_future()
            self._reply._waiters.append(waiter)
            try:
                await waiter
            finally:  # the relay's heartbeat timeout cancels this wait every so often
                if not waiter.done() and waiter in self._reply._waiters:
                    self._reply._waiters.remove(waiter)

    def _ready(self) -> list[Event]:
        reply, events = self._reply, []
        reply_id = reply.reply_id
        if not self._started:
            self._started = True
            events.append(Event(Position(reply_id, 0), reply.start))
        if self._index < 0:  # catch up with what was generated before this client came
            if self._chars < reply._length:
                rest = reply.text[self._chars :]
                self._chars = reply._length
                events.append(Event(Position(reply_id, self._chars), TokenEvent(content=rest)))
            self._index = len(reply._parts)
        while self._index < len(reply._parts):
            content = reply._parts[self._index]
            self._index += 1
            self._chars += len(content)
            events.append(Event(Position(reply_id, self._chars), TokenEvent(content=content)))
        if reply.terminal is not None and not self._ended:
            self._ended = True
            events.append(Event(Position(reply_id, 0, at_end=True), reply.terminal))
        return events


class LiveReplies:
    """This process's running replies, by reply id."""

    def __init__(self) -> None:
        self._running: dict[uuid.UUID, LiveReply] = {}

    def __len__(self) -> int:
        return len(self._running)

    def add(self, reply: LiveReply) -> None:
        self._running[reply.reply_id] = reply

    def get(self, reply_id: uuid.UUID) -> LiveReply | None:
        return self._running.get(reply_id)

    def remove(self, reply_id: uuid.UUID) -> None:
        self._running.pop(reply_id, None)

    def ids(self) -> Iterable[uuid.UUID]:
        return list(self._running)


# A reply's Redis Stream is kept this long after it ends (a phone that wakes later reads the
# database instead), and capped in length (a reply is a few hundred tokens).
REDIS_KEEP_SECONDS = 600
REDIS_MAX_ENTRIES = 20_000
REDIS_BLOCK_MS = 1000


class RedisReplies:
    """Running replies shared by every worker and host through Redis: a Stream per reply.

    The process generating a reply appends each token and then its terminal event (XADD); a
    client on another worker reads the Stream from the start and then blocks for new entries
    (XREAD). Redis failures never fail a reply: the generator stops publishing, and followers
    fall back to waiting for the stored reply.
    """

    def __init__(self, url: str, namespace: str) -> None:
        self._redis: Redis = Redis.from_url(url, socket_timeout=2, socket_connect_timeout=1)
        self._namespace = namespace

    def _key(self, reply_id: uuid.UUID) -> str:
        return f"{self._namespace}:reply:{reply_id}"

    async def close(self) -> None:
        await self._redis.aclose()

    async def publish(self, reply_id: uuid.UUID, fields: dict[str | bytes, str | bytes]) -> bool:
        try:
            await self._redis.xadd(
                self._key(reply_id),
                fields,  # type: ignore[arg-type]  # redis-py's dict type is invariant
                maxlen=REDIS_MAX_ENTRIES,
                approximate=True,
            )
        except (RedisError, OSError) as error:
            log.warning("live events not shared (reply %s): %s", reply_id, type(error).__name__)
            return False
        return True

    async def token(self, reply_id: uuid.UUID, content: str) -> bool:
        return await self.publish(reply_id, {"t": content})

    async def end(self, reply_id: uuid.UUID, terminal: Terminal) -> None:
        if await self.publish(reply_id, {"e": orjson.dumps(event_record(terminal))}):
            with contextlib.suppress(RedisError, OSError):  # the Stream is capped: it lingers
                await self._redis.expire(self._key(reply_id), REDIS_KEEP_SECONDS)

    async def read(
        self, reply_id: uuid.UUID, after_entry: str, block_ms: int
    ) -> list[tuple[str, dict[bytes, bytes]]] | None:
        """Entries after ``after_entry`` ("0" for all), waiting up to ``block_ms``; None when the
        reply's Stream does not exist (not shared, or gone) or Redis cannot be reached."""
        key = self._key(reply_id)
        try:
            if after_entry == "0" and not await self._redis.exists(key):
                return None
            found: Any = await self._redis.xread({key: after_entry}, block=block_ms, count=1000)
        except (RedisError, OSError) as error:
            log.warning("cannot follow a reply through Redis: %s", type(error).__name__)
            return None
        entries: list[tuple[str, dict[bytes, bytes]]] = []
        for _, items in found or []:
            entries += [(entry.decode(), fields) for entry, fields in items]
        return entries

    async def text(self, reply_id: uuid.UUID) -> str:
        """The reply's text so far, as shared (empty when it is not, or Redis is away)."""
        try:
            entries: Any = await self._redis.xrange(self._key(reply_id))
        except (RedisError, OSError):
            return ""
        return "".join(fields[b"t"].decode() for _, fields in entries if b"t" in fields)


class RedisFeed:
    """One client following, through Redis, a reply that runs in another process."""

    def __init__(
        self,
        replies: RedisReplies,
        reply_id: uuid.UUID,
        start: StartEvent,
        after: Position | None,
    ) -> None:
        self._replies = replies
        self._reply_id = reply_id
        self._start = start
        self._started = after is not None
        self._chars = 0 if after is None or after.at_end else after.chars
        self._seen = 0  # characters of the reply read from the Stream so far
        self._entry = "0"
        self.gone = False  # the Stream is not there: the caller falls back

    async def take(self) -> list[Event]:
        """The next events; [] after about a second with nothing new, or when the Stream is not
        there (``gone``): the caller then checks the database."""
        if not self._started:
            self._started = True
            return [Event(Position(self._reply_id, 0), self._start)]
        entries = await self._replies.read(self._reply_id, self._entry, REDIS_BLOCK_MS)
        if entries is None:
            self.gone = True
            return []
        events: list[Event] = []
        for entry, fields in entries:
            self._entry = entry
            if b"e" in fields:
                terminal = terminal_from_json(fields[b"e"].decode())
                events.append(Event(Position(self._reply_id, 0, at_end=True), terminal))
                break
            content = fields[b"t"].decode()
            seen_before, self._seen = self._seen, self._seen + len(content)
            if self._seen <= self._chars:
                continue  # the client has this piece already
            piece = content[max(0, self._chars - seen_before) :]
            self._chars = self._seen
            events.append(Event(Position(self._reply_id, self._chars), TokenEvent(content=piece)))
        return events
