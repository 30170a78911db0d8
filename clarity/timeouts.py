"""Timeouts of one length that share one timer: ``asyncio.timeout``'s behaviour for less memory.

Every open stream waits under two timeouts at once: its heartbeat (a ping after so many seconds
of silence, ``clarity.sse.relay``) and the coach's idle limit (``clarity.services.replies``).
``asyncio.timeout`` gives each wait a timer of its own; under uvloop that is a timer handle and a
libuv timer, about 0.6 KiB for as long as the wait lasts, so together more than 1 KiB of every
open stream's memory (README, Performance). Waits that all have the same length need no timer
each: one task per length wakes every quarter of that length and expires the waits that are due,
so a wait ends between 1 and 1.25 times its length after it began (never sooner).

Hand-written because no maintained library offers this for asyncio (it is a coarse timer wheel).
The expiry follows ``asyncio.timeout``'s own protocol: cancel the waiting task, then at the end of
the ``async with`` turn that cancellation, and only that one, into ``TimeoutError``, counting
with ``Task.uncancel``; a cancellation from elsewhere (the client went away, the server is
stopping) still goes through as ``CancelledError``.
"""

from __future__ import annotations

import asyncio
import contextvars
from types import TracebackType


class SharedTimeout:
    """``async with timeout():`` raises ``TimeoutError`` when the body runs past ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._waits: set[_Wait] = set()
        self._ticker: asyncio.Task[None] | None = None

    def __call__(self) -> _Wait:
        return _Wait(self)

    def close(self) -> None:
        """Stop the ticker now if nothing waits (when the app stops); otherwise it stops once the
        last wait has ended, and the waits still running keep their timeouts."""
        if self._ticker is not None and not self._waits:
            self._ticker.cancel()
            self._ticker = None

    def _started(self, wait: _Wait, loop: asyncio.AbstractEventLoop) -> None:
        ticker = self._ticker
        if ticker is not None and ticker.get_loop() is not loop:
            # Another loop's waits (a test's, whose loop has gone): they cannot be expired from
            # here, and cancelling their tasks would fail.
            self._waits = {w for w in self._waits if w.loop is loop}
            ticker = None
        if ticker is None or ticker.done():
            # An empty context: the ticker outlives the request that started it and must not
            # keep that request's context alive.
            self._ticker = loop.create_task(
                self._tick(loop), name="clarity-shared-timeout", context=contextvars.Context()
            )
        self._waits.add(wait)

    async def _tick(self, loop: asyncio.AbstractEventLoop) -> None:
        while self._waits:  # ends when nothing waits; the next wait starts a new ticker
            await asyncio.sleep(self.seconds / 4)
            now = loop.time()
            for wait in [w for w in self._waits if w.due <= now]:
                self._waits.discard(wait)
                wait.expire()


class _Wait:
    __slots__ = ("_cancelling", "_expired", "_owner", "_task", "due")

    def __init__(self, owner: SharedTimeout) -> None:
        self._owner = owner
        self._expired = False
        self._task: asyncio.Task[object] | None = None

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        return None if self._task is None else self._task.get_loop()

    async def __aenter__(self) -> None:
        task = asyncio.current_task()
        if task is None:
            raise RuntimeError("SharedTimeout must be used inside a task")
        if self._task is not None:
            raise RuntimeError("a SharedTimeout wait cannot be entered twice")
        loop = task.get_loop()
        self._task = task
        self._cancelling = task.cancelling()
        self.due = loop.time() + self._owner.seconds
        self._owner._started(self, loop)

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._owner._waits.discard(self)
        # As asyncio.timeout does: once expired, take back the cancellation sent on expiry (always,
        # whatever ends the body), and report a timeout only when no other cancellation is pending.
        if (
            self._expired
            and self._task is not None
            and self._task.uncancel() <= self._cancelling
            and exc_type is asyncio.CancelledError
        ):
            raise TimeoutError from exc

    def expire(self) -> None:
        if self._task is not None:
            self._expired = True
            self._task.cancel()
