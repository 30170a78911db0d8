"""Idempotency-Key at the HTTP edge: read the header, claim the key for the request, replay a
stored outcome, and release the claim when the request fails before it did anything.

The rules and the storage are in ``clarity.services.idempotency`` (request-free, callable from
tests); this module only connects them to the request.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import orjson
from quart import request

from clarity import metrics
from clarity.cancellation import finish_despite_cancellation
from clarity.errors import APIError, not_found
from clarity.live import stored_events
from clarity.models import IdempotencyKey, SolveMessage, User
from clarity.schemas.sessions import StartEvent
from clarity.services import idempotency
from clarity.services.idempotency import Replay
from clarity.services.reply_feeds import StoredFeed
from clarity.sse import event_from_record

HEADER = "Idempotency-Key"
_VALID_KEY = re.compile(r"^[\x21-\x7e]{1,255}$")


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


@asynccontextmanager
async def idempotent_request(user: User) -> AsyncIterator[IdempotencyKey | Replay | None]:
    """Claim the request's Idempotency-Key for the block: yields the claim (complete it with the
    outcome), the stored outcome to replay, or None without a key. A block that raises (a
    refusal, a cancelled request) releases the claim, so the same request can be retried."""
    key = requested_key()
    if key is None:
        yield None
        return
    claim = await idempotency.claim(user, key, await fingerprint())
    if isinstance(claim, Replay):
        metrics.idempotent_replay(request.url_rule.rule if request.url_rule else None)
        yield claim
        return
    try:
        yield claim
    except BaseException:
        await finish_despite_cancellation(idempotency.release(claim))
        raise


async def replay_feed(replay: Replay) -> StoredFeed:
    """A stored reply, replayed whole: its start, its text as one token, its terminal event."""
    terminal = event_from_record(orjson.loads(replay.body or "{}"))
    message = (
        await SolveMessage.get_or_none(id=replay.coach_message_id)
        if replay.coach_message_id
        else None
    )
    if message is None:
        raise not_found("Session")  # deleted since the first request
    start = StartEvent(message_id=message.id, user_message_id=message.reply_to_id or message.id)
    return StoredFeed(stored_events(message.id, start, message.content, terminal, None))
