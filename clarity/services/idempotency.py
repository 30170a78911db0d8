"""Idempotency keys (Stripe's semantics) for the two POSTs a flaky network may resend.

A request that carries ``Idempotency-Key`` first *claims* the key for its user. The same key
with the same request replays the first outcome; with another request it is 422
``idempotency_key_reused``; while the first is still running it is 409 ``idempotency_in_progress``.
A request refused before it did anything (404, 409, 422, 429) releases its key, so that the
client can retry with it. Keys are kept for 24 hours.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import orjson
from quart import request
from tortoise.exceptions import IntegrityError

from clarity.clock import utcnow
from clarity.errors import APIError
from clarity.models import IdempotencyKey, IdempotencyState, SolveMessage, User
from clarity.schemas.sessions import TokenEvent
from clarity.sse import StreamPayload, encode_event, event_from_record

HEADER = "Idempotency-Key"
KEY_TTL = timedelta(hours=24)
# A claim still running after this long belongs to a process that died: it may be taken over.
ABANDONED_AFTER = timedelta(minutes=10)
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


@dataclass(frozen=True)
class Replay:
    """The stored first outcome of a request."""

    status: int
    body: str | None
    coach_message_id: uuid.UUID | None


def requested_key() -> str | None:
    """The request's Idempotency-Key, or None; 422 when it is malformed."""
    key = request.headers.get(HEADER)
    if key is None:
        return None
    if not _VALID_KEY.match(key):
        raise APIError(
            422,
            "validation_failed",
            "The Idempotency-Key header must be 1-255 visible ASCII characters.",
            extra={"errors": [{"loc": ["header", HEADER], "msg": "1-255 visible ASCII"}]},
        )
    return key


async def fingerprint() -> str:
    """What makes two requests "the same": method, path and the JSON body, canonically.

    Serialised by orjson with sorted keys (``json.dumps`` recursed: a deeply nested body was a
    RecursionError, a 500), then escaped to ASCII as ``json.dumps`` wrote it, so that keys stored
    before the switch still match a retry. orjson writes at most 254 levels while a body may nest
    1,024 (the parser's limit): such a body is fingerprinted by its bytes, so only a byte-identical
    retry of it is "the same" (no real client nests like that).
    """
    body = await request.get_json(silent=True)
    try:
        canonical = orjson.dumps([request.method, request.path, body], option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        raw = await request.get_data(cache=True, as_text=False)
        raw_bytes = raw.encode() if isinstance(raw, str) else raw
        canonical = orjson.dumps([request.method, request.path]) + b"\n" + raw_bytes
    else:
        canonical = _ASCII_ESCAPABLE.sub(_json_ascii_escape, canonical.decode()).encode()
    return hashlib.sha256(canonical).hexdigest()


# What ``json.dumps(ensure_ascii=True)`` escapes beyond what orjson does.
_ASCII_ESCAPABLE = re.compile(r"[^\x00-\x7e]")


def _json_ascii_escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


async def claim(user: User, key: str) -> IdempotencyKey | Replay:
    """Claim ``key`` for this request, or return the outcome stored for it."""
    now = utcnow()
    request_print = await fingerprint()
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


async def replay_events(replay: Replay) -> AsyncIterator[bytes]:
    """The stored reply of an Idempotency-Key as one `token` event, then its `done` or `error`."""
    stored = json.loads(replay.body or "{}")
    message = (
        await SolveMessage.get_or_none(id=replay.coach_message_id)
        if replay.coach_message_id
        else None
    )
    payloads: list[StreamPayload] = []
    if message is not None and message.content:
        payloads.append(TokenEvent(content=message.content))
    payloads.append(event_from_record(stored))
    for event_id, payload in enumerate(payloads, start=1):
        yield encode_event(event_id, payload)
