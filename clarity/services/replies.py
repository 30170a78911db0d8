"""One exchange of a solve session: the user's message in, the coach's reply out.

``begin_exchange`` takes the session's reply lock and stores the user's message (before the
stream sends a byte); ``run_reply`` then runs as a background task, independent of the client's
connection, feeding the stream's events into a queue. Whatever happens to the connection, the
reply is stored: complete (and the step advances), or interrupted when generation fails or the
server shuts down. The lock is a lease in the session row, renewed while the reply runs, so it
works across workers and hosts and frees itself after a crash.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from clarity.clock import utcnow
from clarity.coach import Coach, CoachTurn, HistoryEntry
from clarity.coach.emotion import detect_emotion
from clarity.coach.safety import CRISIS_REPLY, shows_crisis
from clarity.coach.scripted import split_words
from clarity.config import Settings
from clarity.errors import APIError, not_found
from clarity.models import (
    Emotion,
    IdempotencyKey,
    MessageRole,
    MessageStatus,
    SessionStatus,
    SolveMessage,
    SolveSession,
    SolveStep,
    User,
)
from clarity.schemas.sessions import DoneEvent, ErrorEvent, Resource, Safety, TokenEvent
from clarity.services import idempotency
from clarity.services.sessions import parse_id
from clarity.sse import StreamPayload, event_record

log = logging.getLogger(__name__)

HISTORY_MESSAGES = 20
TICK = timedelta(microseconds=1)


class CoachError(Exception):
    """The coach failed to produce a usable reply."""


@dataclass
class Exchange:
    session_id: uuid.UUID
    lock_token: uuid.UUID
    step: SolveStep
    user_message: SolveMessage
    emotion: Emotion
    crisis: bool
    history: list[HistoryEntry]
    # The Idempotency-Key this exchange answers, if any: completed with the reply.
    idempotency: IdempotencyKey | None = None


async def begin_exchange(
    user: User,
    raw_session_id: str,
    content: str,
    client_step: SolveStep | None,
    lease: float,
    idempotency_key: IdempotencyKey | None = None,
    load_history: bool = True,
) -> Exchange:
    """Lock the session for one reply and store the user's message; refuse with 404/409."""
    session, lock_token = await _acquire_lock(user, raw_session_id, lease)
    try:
        if client_step is not None and client_step != session.current_step:
            raise APIError(
                409,
                "step_mismatch",
                f"The session is on the {session.current_step.value} step, "
                f"not {client_step.value}.",
            )
        # The newest messages: history for the coach (when it uses it), and the last timestamp.
        recent = (
            await SolveMessage.filter(session_id=session.id)
            .order_by("-created_at", "-id")
            .limit(HISTORY_MESSAGES if load_history else 1)
        )
        history = (
            [HistoryEntry(m.role, m.content, m.step) for m in reversed(recent)]
            if load_history
            else []
        )
        now = utcnow()
        if recent and now <= recent[0].created_at:
            now = recent[0].created_at + TICK
        emotion = detect_emotion(content)
        crisis = shows_crisis(content)
        user_message = await SolveMessage.create(
            session_id=session.id,
            role=MessageRole.USER,
            content=content,
            step=session.current_step,
            emotion=emotion,
            status=MessageStatus.COMPLETE,
            created_at=now,
        )
    except BaseException:
        await release_lock(session.id, lock_token)
        raise
    if crisis:
        # Never log the message itself.
        log.warning("crisis support shown (session %s)", session.id)
    return Exchange(
        session.id,
        lock_token,
        session.current_step,
        user_message,
        emotion,
        crisis,
        history,
        idempotency_key,
    )


async def run_reply(
    exchange: Exchange,
    coach: Coach,
    settings: Settings,
    events: asyncio.Queue[StreamPayload],
) -> None:
    """Generate, relay and store the coach's reply. Runs as a background task."""
    parts: list[str] = []
    started = time.perf_counter()
    outcome = "error"
    keeper = asyncio.create_task(_keep_lock(exchange, settings.reply_lock_lease_seconds))
    try:
        async for delta in _deltas(exchange, coach, settings):
            parts.append(delta)
            events.put_nowait(TokenEvent(content=delta))
        text = "".join(parts)
        if not text.strip():
            raise CoachError("the coach produced an empty reply")
        keeper.cancel()
        events.put_nowait(await _finish(exchange, text, settings))  # also releases the lock
        outcome = "completed"
    except asyncio.CancelledError:
        outcome = "interrupted_by_shutdown"
        # The server is shutting down before the reply finished.
        error = ErrorEvent(
            code="server_shutting_down",
            detail="The server restarted before the reply finished; it was saved as "
            "interrupted. Send your message again.",
        )
        await _despite_cancellation(_interrupt(exchange, parts, error))
        events.put_nowait(error)
        raise
    except Exception:
        log.exception("reply failed (session %s)", exchange.session_id)
        error = ErrorEvent(
            code="coach_failed",
            detail="The coach could not finish this reply; it was saved as interrupted. "
            "Send your message again.",
        )
        await _interrupt(exchange, parts, error)
        events.put_nowait(error)
    finally:
        keeper.cancel()
        chars, duration_ms = sum(map(len, parts)), (time.perf_counter() - started) * 1000
        # The outcome and sizes only: never the text.
        log.info(
            "reply %s: %d pieces, %d chars, %.0fms (session %s)",
            outcome,
            len(parts),
            chars,
            duration_ms,
            exchange.session_id,
            extra={
                "event": "reply",
                "outcome": outcome,
                "session_id": str(exchange.session_id),
                "pieces": len(parts),
                "chars": chars,
                "duration_ms": round(duration_ms, 1),
                "crisis": exchange.crisis,
            },
        )
        if outcome != "completed":  # a completed reply released the lock in _finish
            await _despite_cancellation(release_lock(exchange.session_id, exchange.lock_token))


async def _despite_cancellation(cleanup: Coroutine[Any, Any, None]) -> None:
    """Run ``cleanup`` to the end even if this task is cancelled (again) meanwhile.

    Shutdown cancels a reply task twice (Quart's wait times out, then it cancels what is left):
    the second cancellation must not stop the writes that store the partial reply and release
    the lock. The cancellation is re-raised once they are done.
    """
    task = asyncio.ensure_future(cleanup)
    cancelled = False
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            cancelled = True
    if cancelled:
        raise asyncio.CancelledError
    task.result()


async def release_lock(session_id: uuid.UUID, lock_token: uuid.UUID) -> None:
    await SolveSession.filter(id=session_id, reply_lock_token=lock_token).update(
        reply_lock_token=None, reply_lock_until=None
    )


async def _acquire_lock(
    user: User, raw_session_id: str, lease: float
) -> tuple[SolveSession, uuid.UUID]:
    session_id = parse_id(raw_session_id)
    if session_id is None:
        raise not_found("Session")
    now = utcnow()
    lock_token = uuid.uuid4()
    # Compare-and-set in one UPDATE: exactly one of any number of racing requests wins, on any
    # worker or host, and a lease left by a crashed process no longer counts once it has passed.
    taken = await SolveSession.filter(
        Q(reply_lock_until__isnull=True) | Q(reply_lock_until__lt=now),
        id=session_id,
        user_id=user.id,
        status=SessionStatus.ACTIVE,
    ).update(reply_lock_token=lock_token, reply_lock_until=now + timedelta(seconds=lease))
    session = await SolveSession.get_or_none(id=session_id, user_id=user.id)
    if session is None:
        raise not_found("Session")
    if not taken:
        if session.status is not SessionStatus.ACTIVE:
            raise APIError(409, "session_not_active", "This session has ended.")
        raise APIError(
            409,
            "reply_in_progress",
            "The coach is still replying to the previous message.",
            headers={"Retry-After": "1"},
        )
    return session, lock_token


async def _keep_lock(exchange: Exchange, lease: float) -> None:
    """Renew the lease every third of its length while the reply runs."""
    while True:
        await asyncio.sleep(lease / 3)
        renewed = await SolveSession.filter(
            id=exchange.session_id, reply_lock_token=exchange.lock_token
        ).update(reply_lock_until=utcnow() + timedelta(seconds=lease))
        if not renewed:
            log.warning("reply lock lost (session %s)", exchange.session_id)
            return


async def _deltas(exchange: Exchange, coach: Coach, settings: Settings) -> AsyncIterator[str]:
    if exchange.crisis:
        # Safety stays on our side: a crisis gets the fixed support reply, never the coach.
        for word in split_words(CRISIS_REPLY):
            yield word
        return
    turn = CoachTurn(
        step=exchange.step,
        message=exchange.user_message.content,
        emotion=exchange.emotion,
        history=exchange.history,
    )
    replies = coach.reply(turn)
    try:
        while True:
            # A coach that goes silent for too long fails the reply instead of holding the lock.
            try:
                async with asyncio.timeout(settings.coach_idle_timeout_seconds):
                    delta = await anext(replies)
            except StopAsyncIteration:
                return
            if not isinstance(delta, str):
                raise CoachError(f"the coach yielded {type(delta).__name__}, not text")
            if delta:
                yield delta
    finally:
        aclose = getattr(replies, "aclose", None)
        if aclose is not None:
            await aclose()


async def _finish(exchange: Exchange, text: str, settings: Settings) -> DoneEvent:
    """Store the complete reply and advance the session (unless it was a crisis reply)."""
    async with in_transaction():
        coach_message = await _store_coach_message(exchange, text, MessageStatus.COMPLETE)
        advanced = 0
        next_step = exchange.step.next
        if not exchange.crisis:
            changes: dict[str, object] = (
                {"current_step": next_step}
                if next_step is not None
                else {"status": SessionStatus.COMPLETED, "completed_at": utcnow()}
            )
            # Only while still active: the user may have ended the session meanwhile.
            advanced = await SolveSession.filter(
                id=exchange.session_id, status=SessionStatus.ACTIVE
            ).update(**changes)
        # Released before `done` goes out, so the client's next message is never refused.
        await release_lock(exchange.session_id, exchange.lock_token)
        if advanced:
            # The common case: the state is what the update just wrote, no need to read it back.
            status = SessionStatus.ACTIVE if next_step is not None else SessionStatus.COMPLETED
            current_step = next_step or exchange.step
        else:  # a crisis reply, or a session ended meanwhile
            session = await SolveSession.get(id=exchange.session_id)
            status, current_step = session.status, session.current_step
        active = status is SessionStatus.ACTIVE
        done = DoneEvent(
            message_id=coach_message.id,
            user_message_id=exchange.user_message.id,
            next_step=current_step.value if active else None,
            emotion_detected=exchange.emotion.value,
            session_status=status.value,
            safety=(
                Safety(
                    crisis=True,
                    resources=[Resource(**resource) for resource in settings.crisis_resources],
                )
                if exchange.crisis
                else None
            ),
        )
        await _remember(exchange, done, coach_message)
    return done


async def _interrupt(exchange: Exchange, parts: list[str], error: ErrorEvent) -> None:
    """Store what was generated as an interrupted reply; never raise (the caller is unwinding)."""
    try:
        async with in_transaction():
            message = await _store_coach_message(
                exchange, "".join(parts), MessageStatus.INTERRUPTED
            )
            await _remember(exchange, error, message)
    except Exception:  # e.g. the session was deleted meanwhile: nothing left to attach it to
        log.warning("could not store interrupted reply (session %s)", exchange.session_id)
        await idempotency.release(exchange.idempotency)


async def _remember(
    exchange: Exchange, final: DoneEvent | ErrorEvent, message: SolveMessage
) -> None:
    """Keep the stream's outcome for an Idempotency-Key replay."""
    if exchange.idempotency is not None:
        await idempotency.complete(exchange.idempotency, 200, event_record(final), message.id)


async def _store_coach_message(
    exchange: Exchange, text: str, status: MessageStatus
) -> SolveMessage:
    return await SolveMessage.create(
        session_id=exchange.session_id,
        role=MessageRole.COACH,
        content=text,
        step=exchange.step,
        emotion=exchange.emotion,
        status=status,
        created_at=_after(exchange.user_message.created_at),
    )


def _after(moment: datetime) -> datetime:
    now = utcnow()
    return now if now > moment else moment + TICK
