"""Following a reply from where a client stands, on any worker: a reconnecting stream
(``Last-Event-ID``), the app waking up (``GET /sessions/{id}/reply``), or a replayed request.

Which feed serves it, in order:
1. the reply runs in this process: its ``LiveFeed`` (catch-up from memory, then live);
2. the reply has finished: its stored text and terminal event (any worker, database only);
3. it runs in another process: through Redis when configured (``RedisFeed``); without Redis,
   by waiting for it to be stored. Either way the database is looked at every second or so, so
   a reply whose process died ends with its terminal event once its lease lapses, not a hang.
Never a wrong or partial answer: a feed either continues exactly from the client's position or
waits until it can.
"""

from __future__ import annotations

import asyncio
import time
import uuid

from clarity.errors import not_found
from clarity.live import RedisFeed, RedisReplies, stored_events
from clarity.models import MessageRole, MessageStatus, SolveMessage, SolveSession, User
from clarity.schemas.sessions import StartEvent
from clarity.services import reply_store
from clarity.services.replies import ReplyRuntime
from clarity.services.sessions import get_session
from clarity.sse import Event, Feed, Position, terminal_from_json

# How often a feed of a reply running elsewhere looks at the database.
CHECK_SECONDS = 1.0


class StoredFeed:
    """A finished reply's remaining events, all at once."""

    def __init__(self, events: list[Event]) -> None:
        self._events = events

    async def take(self) -> list[Event]:
        events, self._events = self._events, []
        return events


async def open_feed(
    user: User, raw_session_id: str, after: Position | None, runtime: ReplyRuntime
) -> Feed | None:
    """The feed of the session's reply that ``after`` names (its latest reply when None), from
    just after ``after``; None when there is nothing to follow (no reply yet, or the client has
    its terminal event). 404 for someone else's session or a reply not of this session."""
    session = await get_session(user, raw_session_id)
    await reply_store.settle_if_lapsed(session)
    query = SolveMessage.filter(session_id=session.id, role=MessageRole.COACH)
    if after is not None:
        query = query.filter(id=after.reply_id)
    reply = await query.order_by("-created_at", "-id").first()
    if reply is None:
        if after is not None:
            raise not_found("Reply")
        return None
    if after is not None and after.at_end:
        return None
    if (running := runtime.live.get(reply.id)) is not None:
        return running.follow(after)
    start = StartEvent(message_id=reply.id, user_message_id=_user_message_id(reply))
    if reply.status is not MessageStatus.GENERATING:
        return StoredFeed(_stored(reply, start, after))
    return ElsewhereFeed(session, reply, start, after, runtime.shared)


async def text_so_far(reply_id: uuid.UUID, runtime: ReplyRuntime) -> str:
    """What a reply still being generated has said so far: from this process, or through Redis
    from another; empty when neither can tell (without Redis, a reply on another worker shows
    its text once it is stored)."""
    if (running := runtime.live.get(reply_id)) is not None:
        return running.text
    if runtime.shared is not None:
        return await runtime.shared.text(reply_id)
    return ""


def _user_message_id(reply: SolveMessage) -> uuid.UUID:
    return reply.reply_to_id or reply.id  # rows from before replies named their message


def _stored(reply: SolveMessage, start: StartEvent, after: Position | None) -> list[Event]:
    terminal = (
        terminal_from_json(reply.outcome)
        if reply.outcome
        else reply_store.interruption("reply_lost", saved=True)  # rows from before outcomes
    )
    return stored_events(reply.id, start, reply.content, terminal, after)


class ElsewhereFeed:
    """A reply running in another process: through Redis when it is shared there, and from the
    database once it is stored (or settled, if its process died)."""

    def __init__(
        self,
        session: SolveSession,
        reply: SolveMessage,
        start: StartEvent,
        after: Position | None,
        shared: RedisReplies | None,
    ) -> None:
        self._session = session
        self._reply = reply
        self._start = start
        self._after = after
        self._redis = RedisFeed(shared, reply.id, start, after) if shared is not None else None
        self._checked = time.monotonic()

    async def take(self) -> list[Event]:
        while True:
            if self._redis is not None and not self._redis.gone:
                events = await self._redis.take()
                if events:
                    self._after = events[-1].position
                    return events
            else:
                await asyncio.sleep(CHECK_SECONDS)
            if time.monotonic() - self._checked >= CHECK_SECONDS or self._redis is None:
                self._checked = time.monotonic()
                if (stored := await self._from_storage()) is not None:
                    return stored

    async def _from_storage(self) -> list[Event] | None:
        """The rest of the reply if it has been stored by now; None while it still runs."""
        session = await SolveSession.get_or_none(id=self._session.id)
        if session is not None:
            await reply_store.settle_if_lapsed(session)
        reply = await SolveMessage.get_or_none(id=self._reply.id)
        if reply is None:  # deleted with its session
            terminal = reply_store.interruption("session_deleted", saved=False)
            return [Event(Position(self._reply.id, 0, at_end=True), terminal)]
        if reply.status is MessageStatus.GENERATING:
            return None
        return _stored(reply, self._start, self._after)
