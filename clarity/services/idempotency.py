"""Idempotency keys (Stripe's semantics) for the two POSTs a flaky network may resend.

A request that carries ``Idempotency-Key`` first *claims* the key for its user. The same key
with the same request replays the first outcome; with another request it is 422
``idempotency_key_reused``; while the first is still running it is 409 ``idempotency_in_progress``.
A request refused before it did anything (404, 409, 422, 429) releases its key, so that the
client can retry with it. Keys are kept for 24 hours.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from tortoise.exceptions import IntegrityError

from clarity.clock import utcnow
from clarity.errors import APIError
from clarity.models import IdempotencyKey, IdempotencyState, User

KEY_TTL = timedelta(hours=24)
# A claim still running after this long belongs to a process that died: it may be taken over.
ABANDONED_AFTER = timedelta(minutes=10)


@dataclass(frozen=True)
class Replay:
    """The stored first outcome of a request."""

    status: int
    body: str | None
    coach_message_id: uuid.UUID | None


async def claim(user: User, key: str, request_print: str) -> IdempotencyKey | Replay:
    """Claim ``key`` for the request whose fingerprint is ``request_print``, or return the
    outcome stored for it."""
    now = utcnow()
    # Housekeeping, per user and cheap: expired keys go before a new one is stored.
    await IdempotencyKey.filter(user_id=user.id, expires_at__lt=now).delete()
    for _ in range(2):
        try:
            return await IdempotencyKey.create(
                user=user,
                key=key,
                fingerprint=request_print,
                state=IdempotencyState.IN_PROGRESS,
                created_at=now,
                expires_at=now + KEY_TTL,
            )
        except IntegrityError:
            existing = await IdempotencyKey.get_or_none(user_id=user.id, key=key)
            if existing is None:
                continue  # released meanwhile: claim it again
        if existing.fingerprint != request_print:
            raise APIError(
                422,
                "idempotency_key_reused",
                "This Idempotency-Key was used for a different request.",
            )
        if existing.state is IdempotencyState.DONE:
            return Replay(
                existing.response_status or 200,
                existing.response_body,
                existing.coach_message_id,
            )
        if now - existing.created_at > ABANDONED_AFTER:
            await IdempotencyKey.filter(id=existing.id).delete()
            continue
        raise APIError(
            409,
            "idempotency_in_progress",
            "A request with this Idempotency-Key is still being processed.",
            headers={"Retry-After": "1"},
        )
    raise APIError(409, "idempotency_in_progress", "Retry with this Idempotency-Key.")


async def complete(
    claimed: IdempotencyKey,
    status: int,
    body: Any,
    coach_message_id: uuid.UUID | None = None,
) -> None:
    """Store the outcome to replay (call inside the transaction that did the work)."""
    await IdempotencyKey.filter(id=claimed.id).update(
        state=IdempotencyState.DONE,
        response_status=status,
        response_body=json.dumps(body, separators=(",", ":"), default=str),
        coach_message_id=coach_message_id,
    )


async def release(claimed: IdempotencyKey | None) -> None:
    """Forget a claim whose request did nothing, so that it can be retried with the same key."""
    if claimed is not None:
        await IdempotencyKey.filter(id=claimed.id).delete()
