"""One exchange of a solve session: the user's message in, the coach's reply out.

``begin_exchange`` takes the session's reply lock and stores the user's message (before the
stream sends a byte); ``run_reply`` then runs as a background task, independent of the client's
connection, feeding the stream's events into a channel. Whatever happens to the connection, the
reply is stored: complete (and the step advances), or interrupted when generation fails or the
server shuts down. The lock (``reply_locks``) is a lease in the session row, renewed while the
reply runs, so it works across workers and hosts and frees itself after a crash.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from clarity.cancellation import finish_despite_cancellation
from clarity.clock import utcnow
from clarity.coach import Coach, CoachTurn, HistoryEntry
from clarity.coach.emotion import detect_emotion
from clarity.coach.safety import CRISIS_REPLY, shows_crisis
from clarity.coach.scripted import split_words
from clarity.config import Settings
from clarity.errors import APIError, is_database_unavailable
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
from clarity.services import idempotency, reply_locks
from clarity.services.orphans import after, store_interrupted_reply
from clarity.services.reply_locks import LeaseKeeper
from clarity.sse import EventChannel, event_record

log = logging.getLogger(__name__)

HISTORY_MESSAGES = 20
CRISIS_WORDS = tuple(split_words(CRISIS_REPLY))
RESEND = "Send your message again."
# The failure event's detail by (code, whether the partial reply was stored): it never claims
# that something was saved when it was not.
FAILURE_DETAILS = {
    ("coach_failed", True): f"The coach could not finish this reply; it was saved as "
    f"interrupted. {RESEND}",
    ("coach_failed", False): f"The coach could not finish this reply, and it could not be "
    f"saved. {RESEND}",
    ("server_shutting_down", True): "The server restarted before the reply finished; it was "
    f"saved as interrupted. {RESEND}",
    ("server_shutting_down", False): f"The server restarted before the reply finished. {RESEND}",
}
SESSION_DELETED = "The session was deleted while the coach was replying."


class CoachError(Exception):
    """The coach failed to produce a usable reply."""


@dataclass(slots=True)
class Exchange:
    """One message and its reply in progress: plain values, kept for as long as the stream runs."""

    session_id: uuid.UUID
    lock_token: uuid.UUID
    step: SolveStep
    content: str
    user_message_id: uuid.UUID
    user_message_at: datetime
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
    session_id, lock_token, step = await reply_locks.acquire(user, raw_session_id, lease)
    try:
        if client_step is not None and client_step != step:
            raise APIError(
                409,
                "step_mismatch",
                f"The session is on the {step.value} step, not {client_step.value}.",
            )
        # The newest messages: history for the coach (when it uses it), and the last timestamp.
        recent = (
            await SolveMessage.filter(session_id=session_id)
            .order_by("-created_at", "-id")
            .limit(HISTORY_MESSAGES if load_history else 1)
            .values("role", "content", "step", "emotion", "created_at")
        )
        history = (
            [HistoryEntry(m["role"], m["content"], m["step"]) for m in reversed(recent)]
            if load_history
            else []
        )
        last_at = recent[0]["created_at"] if recent else None
        if recent and recent[0]["role"] == MessageRole.USER:
            # Holding the lock, no reply runs: the last message's reply died with its process.
            newest = recent[0]
            last_at = await store_interrupted_reply(
                session_id, newest["step"], newest["emotion"], newest["created_at"]
            )
        now = after(last_at) if last_at is not None else utcnow()
        emotion = detect_emotion(content)
        crisis = shows_crisis(content)
        user_message = await SolveMessage.create(
            session_id=session_id,
            role=MessageRole.USER,
            content=content,
            step=step,
            emotion=emotion,
            status=MessageStatus.COMPLETE,
            created_at=now,
        )
    except BaseException:
        await finish_despite_cancellation(reply_locks.release(session_id, lock_token))
        raise
    if crisis:
        # Never log the message itself.
        log.warning("crisis support shown (session %s)", session_id)
    return Exchange(
        session_id,
        lock_token,
        step,
        content,
        user_message.id,
        now,
        emotion,
        crisis,
        history,
        idempotency_key,
    )


async def run_reply(
    exchange: Exchange,
    coach: Coach,
    settings: Settings,
    leases: LeaseKeeper,
    events: EventChannel,
) -> None:
    """Generate, relay and store the coach's reply. Runs as a background task."""
    parts: list[str] = []
    started = time.perf_counter()
    outcome = "error"
    leases.hold(exchange.lock_token)
    try:
        async for delta in _deltas(exchange, coach, settings):
            parts.append(delta)
            events.put(TokenEvent(content=delta))
        text = "".join(parts)
        if not text.strip():
            raise CoachError("the coach produced an empty reply")
        events.put(await _finish(exchange, text, settings))  # also releases the lock
        outcome = "completed"
    except asyncio.CancelledError:
        outcome = "interrupted_by_shutdown"
        # The server is shutting down before the reply finished.
        events.put(
            await finish_despite_cancellation(_interrupt(exchange, parts, "server_shutting_down"))
        )
        raise
    except Exception as error:
        if not await _session_exists(exchange.session_id):
            # The user deleted the session (or their account) while the coach replied: an
            # ordinary action, not a fault, and nothing is left to store the reply in.
            outcome = "session_deleted"
            log.info("reply dropped: its session was deleted (session %s)", exchange.session_id)
            events.put(ErrorEvent(code="session_deleted", detail=SESSION_DELETED))
        else:
            if is_database_unavailable(error):
                log.warning("reply failed: database unavailable (session %s)", exchange.session_id)
            else:
                log.exception("reply failed (session %s)", exchange.session_id)
            events.put(await _interrupt(exchange, parts, "coach_failed"))
    finally:
        leases.drop(exchange.lock_token)
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
            await finish_despite_cancellation(
                reply_locks.release(exchange.session_id, exchange.lock_token)
            )


async def _deltas(exchange: Exchange, coach: Coach, settings: Settings) -> AsyncIterator[str]:
    if exchange.crisis:
        # Safety stays on our side: a crisis gets the fixed support reply, never the coach.
        for word in CRISIS_WORDS:
            yield word
        return
    turn = CoachTurn(
        step=exchange.step,
        message=exchange.content,
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
        # Released before `done` goes out, so the client's next message is never refused.
        if exchange.crisis:  # a crisis reply does not move the session on
            status, current_step = await reply_locks.release_and_read(
                exchange.session_id, exchange.lock_token
            )
        else:
            status, current_step = await reply_locks.advance_and_release(
                exchange.session_id, exchange.lock_token, exchange.step
            )
        active = status is SessionStatus.ACTIVE
        done = DoneEvent(
            message_id=coach_message.id,
            user_message_id=exchange.user_message_id,
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


async def _interrupt(exchange: Exchange, parts: list[str], code: str) -> ErrorEvent:
    """Store what was generated as an interrupted reply; the failure event that says truly
    whether it was stored. Never raises (the caller is unwinding)."""
    saved = ErrorEvent(code=code, detail=FAILURE_DETAILS[code, True])
    try:
        async with in_transaction():
            message = await _store_coach_message(
                exchange, "".join(parts), MessageStatus.INTERRUPTED
            )
            await _remember(exchange, saved, message)
    except Exception as error:  # the database is away, or the session was deleted meanwhile
        log.warning(
            "could not store interrupted reply (session %s): %s",
            exchange.session_id,
            type(error).__name__,
        )
        try:
            await idempotency.release(exchange.idempotency)
        except Exception:  # the key's claim lapses on its own (idempotency.ABANDONED_AFTER)
            log.warning("could not release the idempotency key (session %s)", exchange.session_id)
        return ErrorEvent(code=code, detail=FAILURE_DETAILS[code, False])
    return saved


async def _session_exists(session_id: uuid.UUID) -> bool:
    try:
        return await SolveSession.exists(id=session_id)
    except Exception:  # cannot tell (the database is away): treat it as there
        return True


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
        created_at=after(exchange.user_message_at),
    )
