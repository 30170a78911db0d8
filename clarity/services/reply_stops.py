"""The app's stop button: a running reply ends within a second, on whichever worker runs it.

A stop is written to the reply's row (``stop_requested_at``), so it reaches the process running
the reply wherever that is: each process with running replies looks for stops every
``STOP_POLL_SECONDS`` with one query for all of them (``StopWatcher``), and cancels the reply's
task, which stores what it generated as interrupted (code ``stopped``).
"""

from __future__ import annotations

import asyncio
import logging
import uuid

from clarity.clock import utcnow
from clarity.live import LiveReplies
from clarity.models import MessageRole, MessageStatus, SolveMessage, User
from clarity.services.sessions import get_session

log = logging.getLogger(__name__)

STOP_POLL_SECONDS = 0.4
# How long the stop request waits to answer with the stopped reply.
STOP_WAIT_SECONDS = 3.0
POLL_BATCH = 500


async def stop_reply(user: User, raw_session_id: str, live: LiveReplies) -> SolveMessage | None:
    """Stop the session's running reply, if any; the session's latest reply as it ends up (None
    when it has none yet). 404 when the session does not exist."""
    session = await get_session(user, raw_session_id)
    reply = (
        await SolveMessage.filter(session_id=session.id, role=MessageRole.COACH)
        .order_by("-created_at", "-id")
        .first()
    )
    if reply is None:
        return None
    if reply.status is not MessageStatus.GENERATING:
        return reply  # finished already: stopping it changes nothing
    await SolveMessage.filter(id=reply.id, status=MessageStatus.GENERATING).update(
        stop_requested_at=utcnow()
    )
    if (running := live.get(reply.id)) is not None:
        running.request_stop()  # here: at once; elsewhere, that process's StopWatcher
    deadline = asyncio.get_running_loop().time() + STOP_WAIT_SECONDS
    while reply.status is MessageStatus.GENERATING:
        if asyncio.get_running_loop().time() > deadline:
            # Still running: its process may be gone (the reply is settled once its lease
            # lapses). Answer as it is; the stop request stays on its row.
            break
        await asyncio.sleep(0.05)
        await reply.refresh_from_db(fields=["status", "content"])
    return reply


class StopWatcher:
    """Looks for stop requests on the replies this process runs, while it runs any."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None

    def watch(self, live: LiveReplies) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._poll(live), name="clarity-stop-watcher")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None

    async def _poll(self, live: LiveReplies) -> None:
        while len(live):
            await asyncio.sleep(STOP_POLL_SECONDS)
            ids = list(live.ids())
            for first in range(0, len(ids), POLL_BATCH):
                try:
                    stopped = await SolveMessage.filter(
                        id__in=ids[first : first + POLL_BATCH], stop_requested_at__isnull=False
                    ).values_list("id", flat=True)
                except Exception as error:  # the database is away: look again next time
                    log.warning("could not look for stopped replies: %s", type(error).__name__)
                    continue
                for reply_id in stopped:
                    if (running := live.get(uuid.UUID(str(reply_id)))) is not None:
                        running.request_stop()
