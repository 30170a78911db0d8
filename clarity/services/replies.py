"""Running a reply: the coach generates, every piece goes to the clients following the reply,
and the reply is stored whatever happens to them.

``run_reply`` runs as a background task, independent of any connection. Its outcome is always
stored and always ends the reply's feed with one terminal event: ``done`` (complete; the step
advances), or ``interrupted`` when the coach fails, the user stops it, the session is deleted, or
the server shuts down. See ``exchanges`` for how an exchange begins and ``reply_feeds`` for how
clients follow a reply.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from clarity import metrics
from clarity.cancellation import finish_despite_cancellation
from clarity.clock import utcnow
from clarity.coach import Coach, CoachTurn
from clarity.coach.crisis import CHECK_IN_COACH, CRISIS_COACH
from clarity.errors import is_database_unavailable
from clarity.live import LiveReplies, LiveReply, RedisReplies
from clarity.models import MessageStatus, SessionStatus, SolveSession
from clarity.safety.moderation import Moderator, assess_with_second_opinion
from clarity.schemas.sessions import DoneEvent, Resource, Safety, StartEvent
from clarity.services import idempotency, reply_locks, reply_store
from clarity.services.crisis_records import record_referral
from clarity.services.exchanges import Exchange
from clarity.services.reply_locks import LeaseKeeper
from clarity.services.reply_stops import StopWatcher
from clarity.sse import Terminal, event_record
from clarity.timeouts import SharedTimeout

log = logging.getLogger(__name__)


class CoachError(Exception):
    """The coach failed to produce a usable reply."""


@dataclass(slots=True, kw_only=True)
class ReplyRuntime:
    """What a running reply needs from the app, and nothing more."""

    coach: Coach
    leases: LeaseKeeper
    live: LiveReplies
    shared: RedisReplies | None  # live events for other workers and hosts, when configured
    stops: StopWatcher
    coach_idle: SharedTimeout  # a coach silent this long fails the reply
    crisis_resources: tuple[Resource, ...]
    # A moderation model's second opinion on crisis risk, and how long it may take.
    moderator: Moderator | None = None
    moderation_deadline: float = 0.5


def start_reply(exchange: Exchange, runtime: ReplyRuntime) -> LiveReply:
    """Register the exchange's reply in this process (clients can follow it from now on)."""
    reply = LiveReply(
        exchange.reply_id,
        StartEvent(message_id=exchange.reply_id, user_message_id=exchange.user_message_id),
    )
    runtime.live.add(reply)
    return reply


def launch_reply(
    exchange: Exchange,
    reply: LiveReply,
    runtime: ReplyRuntime,
    background_tasks: set[asyncio.Task[Any]],
) -> None:
    """Run the reply in a task of its own, kept in ``background_tasks`` until it ends: the app's,
    which Quart waits for at shutdown (``BACKGROUND_TASK_SHUTDOWN_TIMEOUT``) and then cancels.

    Not ``Quart.add_background_task``: its wrapper pushes a second app context (a URL adapter,
    ``g``) and keeps a coroutine of its own for the reply's whole life, about 1 KiB of every
    open stream's memory (README, Performance), and a reply needs neither (it runs in a copy of
    the request's context, as any task does). The wrapper's other duty, logging an exception
    that escapes, ``run_reply`` does itself: it never raises but ``CancelledError``, because
    Quart's shutdown gathers these tasks and an exception there would stop it half-way.
    """
    task = asyncio.get_running_loop().create_task(run_reply(exchange, reply, runtime))
    background_tasks.add(task)
    task.add_done_callback(background_tasks.discard)


async def run_reply(exchange: Exchange, reply: LiveReply, runtime: ReplyRuntime) -> None:
    """Generate, publish and store the coach's reply. Runs in a task of its own
    (``launch_reply``); raises nothing but ``CancelledError`` (the server is stopping)."""
    parts: list[str] = []
    started, outcome = time.perf_counter(), "error"
    terminal: Terminal | None = None
    shared = runtime.shared
    try:  # one frame: an inner function would add a coroutine to every open stream
        reply.task = asyncio.current_task()
        runtime.leases.hold(exchange.reply_id)
        runtime.stops.watch(runtime.live)
        try:
            coach = await _coach_for(exchange, runtime)
            async for delta in _deltas(exchange, coach, runtime.coach_idle):
                parts.append(delta)
                reply.token(delta)
                if len(parts) == 1:  # from the message stored (the handler) to its first token
                    metrics.first_token((utcnow() - exchange.user_message_at).total_seconds())
                if shared is not None and not await shared.token(exchange.reply_id, delta):
                    shared = None  # Redis failed: other workers fall back to the stored reply
            if not "".join(parts).strip():
                raise CoachError("the coach produced an empty reply")
            terminal = await _complete(exchange, "".join(parts), runtime)
            outcome = "completed"
        except asyncio.CancelledError:
            if not reply.stop:  # the server is shutting down before the reply finished
                outcome = "interrupted_by_shutdown"
                terminal = await finish_despite_cancellation(
                    _interrupt(exchange, parts, "server_shutting_down")
                )
                raise
            # The user pressed stop (``reply_stops`` cancelled this task): not a fault.
            asyncio.current_task().uncancel()  # type: ignore[union-attr]
            outcome = "stopped"
            terminal = await _interrupt(exchange, parts, "stopped")
        except Exception as error:
            outcome, terminal = await _failed(exchange, parts, error)
        finally:
            metrics.reply_finished(outcome, time.perf_counter() - started)  # before clients hear
            runtime.leases.drop(exchange.reply_id)
            runtime.live.remove(exchange.reply_id)
            if terminal is not None:
                reply.end(terminal)
                if shared is not None:
                    await finish_despite_cancellation(shared.end(exchange.reply_id, terminal))
            _log_outcome(exchange, outcome, parts, started)
    except Exception:  # a bug: everything above handles its own failures
        log.exception("a reply's task failed (session %s)", exchange.session_id)


async def _coach_for(exchange: Exchange, runtime: ReplyRuntime) -> Coach:
    """The crisis reply when the message shows risk, a check-in right after a crisis reply, the
    configured coach otherwise."""
    exchange.safety = await assess_with_second_opinion(
        exchange.content,
        exchange.recent_user_messages,
        runtime.moderator,
        runtime.moderation_deadline,
    )
    if exchange.safety.crisis:
        # Categories and level only: never the message.
        log.warning(
            "crisis support shown (session %s): %s, %s",
            exchange.session_id,
            exchange.safety.level.value,
            ",".join(sorted(exchange.safety.categories)),
            extra={
                "event": "crisis",
                "level": exchange.safety.level.value,
                "categories": sorted(exchange.safety.categories),
            },
        )
        try:
            await record_referral(exchange.safety.level)
        except Exception as error:  # the count is a record; the reply must still go out
            log.warning("crisis referral not counted: %s", type(error).__name__)
        return CRISIS_COACH
    return CHECK_IN_COACH if exchange.after_crisis else runtime.coach


async def _deltas(exchange: Exchange, coach: Coach, idle: SharedTimeout) -> AsyncIterator[str]:
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
                async with idle():
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


async def _complete(exchange: Exchange, text: str, runtime: ReplyRuntime) -> DoneEvent:
    """Store the complete reply and advance the session (unless it was a crisis reply or the
    check-in after one)."""
    crisis = exchange.safety.crisis
    async with in_transaction():
        # Released before `done` goes out, so the client's next message is never refused.
        if crisis or exchange.after_crisis:  # not coaching: the session stays on its step
            status, current_step = await reply_locks.release_and_read(
                exchange.session_id, exchange.reply_id
            )
        else:
            status, current_step = await reply_locks.advance_and_release(
                exchange.session_id, exchange.reply_id, exchange.step
            )
        active = status is SessionStatus.ACTIVE
        done = DoneEvent(
            message_id=exchange.reply_id,
            user_message_id=exchange.user_message_id,
            next_step=current_step.value if active else None,
            emotion_detected=exchange.emotion.value,
            session_status=status.value,
            safety=(
                Safety(crisis=True, resources=list(runtime.crisis_resources)) if crisis else None
            ),
        )
        if not await reply_store.end_reply(exchange.reply_id, text, MessageStatus.COMPLETE, done):
            raise CoachError("the reply's message is gone")
        await _remember(exchange, done)
    return done


async def _interrupt(exchange: Exchange, parts: list[str], code: str) -> Terminal:
    """Store what was generated as an interrupted reply and release the lock; the event that
    says truly whether it was stored. Never raises (the caller is unwinding)."""
    saved = reply_store.interruption(code, saved=True)
    stored = False
    try:
        async with in_transaction():
            stored = await reply_store.end_reply(
                exchange.reply_id, "".join(parts), MessageStatus.INTERRUPTED, saved
            )
            if stored:
                await _remember(exchange, saved)
    except Exception as error:  # the database is away: the reply is settled later
        log.warning(
            "could not store interrupted reply (session %s): %s",
            exchange.session_id,
            type(error).__name__,
        )
    try:
        await reply_locks.release(exchange.session_id, exchange.reply_id)
        if not stored:
            await idempotency.release(exchange.idempotency)
    except Exception:  # the lock's lease and the key's claim lapse on their own
        log.warning("could not release the reply's lock (session %s)", exchange.session_id)
    return saved if stored else reply_store.interruption(code, saved=False)


async def _failed(exchange: Exchange, parts: list[str], error: Exception) -> tuple[str, Terminal]:
    if not await _session_exists(exchange):
        # The user deleted the session (or their account) while the coach replied: an ordinary
        # action, not a fault, and nothing is left to store the reply in.
        log.info("reply dropped: its session was deleted (session %s)", exchange.session_id)
        return "session_deleted", reply_store.interruption("session_deleted", saved=False)
    if is_database_unavailable(error):
        log.warning("reply failed: database unavailable (session %s)", exchange.session_id)
    else:
        log.exception("reply failed (session %s)", exchange.session_id)
    return "error", await _interrupt(exchange, parts, "coach_failed")


async def _session_exists(exchange: Exchange) -> bool:
    try:
        return await SolveSession.exists(id=exchange.session_id)
    except Exception:  # cannot tell (the database is away): treat it as there
        return True


async def _remember(exchange: Exchange, final: Terminal) -> None:
    """Keep the stream's outcome for an Idempotency-Key replay."""
    if exchange.idempotency is not None:
        await idempotency.complete(
            exchange.idempotency, 200, event_record(final), exchange.reply_id
        )


def _log_outcome(exchange: Exchange, outcome: str, parts: list[str], started: float) -> None:
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
            "crisis": exchange.safety.level.value,
        },
    )
