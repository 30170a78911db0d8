"""Work that must finish even when the task running it is cancelled.

A phone that drops its connection cancels the request's task at whatever ``await`` it is on;
shutdown cancels a reply's task, sometimes twice. Some work must not stop half-way whatever
happens: rolling back a transaction and handing its connection back, storing a partial reply,
releasing a lock. ``finish_despite_cancellation`` runs such work to its end and only then lets the
cancellation through.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

T = TypeVar("T")


async def finish_despite_cancellation(work: Awaitable[T]) -> T:
    """Await ``work`` to completion even if this task is cancelled (once or more) meanwhile.

    The work runs in a task of its own (with a copy of this task's context), shielded from the
    caller's cancellation; once it is done, a cancellation that arrived meanwhile is re-raised,
    so the caller still unwinds. The work's own result or exception is returned or raised when
    nothing cancelled the caller.
    """
    task = asyncio.ensure_future(work)
    cancelled = False
    while not task.done():
        try:
            await asyncio.shield(task)
        except asyncio.CancelledError:
            if task.cancelled():  # the work itself was cancelled, not only the caller
                raise
            cancelled = True
    if cancelled:
        # The work may have failed too; the cancellation wins, but the failure is not lost.
        if not task.cancelled() and task.exception() is not None:
            raise asyncio.CancelledError from task.exception()
        raise asyncio.CancelledError
    return task.result()
