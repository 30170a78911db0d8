"""Solve sessions, their messages, and the events of the message stream."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal
from uuid import UUID

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, WithJsonSchema
from pydantic.dataclasses import dataclass

from clarity.schemas.usage import Usage

SessionStatusName = Literal["active", "completed", "abandoned"]
StepName = Literal["receive", "clarify", "reframe", "options", "commit"]
# Far past any real list, and within every database's integer range (a larger OFFSET overflows).
MAX_OFFSET = 2_147_483_647
# What an event id looks like (the server's own; clients treat it as opaque).
_EVENT_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/(?:end|0|[1-9][0-9]{0,8})"
EVENT_ID_PATTERN = f"^{_EVENT_ID}$"
# In a request: an event id, or empty (none, as EventSource sends it).
EVENT_ID_OR_EMPTY = f"^(?:{_EVENT_ID})?$"
EmotionName = Literal["neutral", "anxious", "sad", "angry", "overwhelmed", "hopeful"]


@dataclass
class SessionCreate:
    """No fields today: send an empty body or `{}`. Unknown fields are ignored."""


@dataclass
class ReplyState:
    """The coach's reply being generated right now (follow it with `GET /sessions/{id}/reply`)."""

    message_id: UUID
    status: Literal["generating"]
    started_at: datetime


@dataclass
class Session:
    id: UUID
    status: SessionStatusName
    current_step: StepName
    device_id: str | None
    created_at: datetime
    completed_at: datetime | None
    # A reply in progress, or null.
    reply: ReplyState | None = None


@dataclass
class SessionCreated:
    session: Session
    usage: Usage


def _plain_decimal(value: Any) -> Any:
    """A query-string number is spelled one way: ASCII digits, no sign, no leading zero.

    pydantic's lax mode (and ``int()``) would also read ``5_0``, ``+5``, `` 5``, ``1.0`` and
    other scripts' digits; a client sending those has a bug it should hear about (422).
    """
    if isinstance(value, str) and not (
        value.isascii() and value.isdigit() and (value == "0" or value[0] != "0")
    ):
        raise ValueError("must be a whole number in plain decimal digits (no sign, no leading 0)")
    return value


# An integer from the query string, in its one plain spelling (after the Field, so that the
# bounds stay in the JSON Schema as minimum/maximum).
PLAIN_DECIMAL = BeforeValidator(_plain_decimal)


@dataclass(config=ConfigDict(extra="forbid"))
class SessionListQuery:
    """`limit` 1-100, `offset` ≥ 0, optional `status` (empty means all). Anything else is 422."""

    limit: Annotated[int, Field(ge=1, le=100), PLAIN_DECIMAL] = 20
    offset: Annotated[int, Field(ge=0, le=MAX_OFFSET), PLAIN_DECIMAL] = 0
    status: Annotated[
        Literal["active", "completed", "abandoned", ""],
        Field(description="Only sessions with this status; empty or absent means all."),
    ] = ""


@dataclass
class SessionList:
    """Newest first."""

    items: list[Session]
    total: int
    limit: int
    offset: int


@dataclass
class SessionUpdate:
    status: Literal["completed", "abandoned"]


@dataclass(config=ConfigDict(extra="forbid"))
class MessageListQuery:
    limit: Annotated[int, Field(ge=1, le=100), PLAIN_DECIMAL] = 50
    offset: Annotated[int, Field(ge=0, le=MAX_OFFSET), PLAIN_DECIMAL] = 0


@dataclass
class Message:
    id: UUID
    role: Literal["user", "coach"]
    content: str
    step: StepName
    emotion: EmotionName
    # `generating`: a coach reply still being written; `content` is the text so far.
    status: Literal["generating", "complete", "interrupted"]
    created_at: datetime


@dataclass
class MessageList:
    """Oldest first."""

    items: list[Message]
    total: int
    limit: int
    offset: int


# What JSON Schema (ECMAScript) patterns call whitespace. The server trims exactly these, so that
# the documented pattern and the server agree on every character (Python's str.strip() also
# strips \x1c-\x1f and \x85, which JSON Schema does not count as whitespace).
JSON_WHITESPACE = "\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff" + "".join(
    chr(code) for code in range(0x2000, 0x200B)
)
_WS = "\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff"
MAX_CONTENT = 4000
# 1 to 4000 characters once leading and trailing whitespace is trimmed, and no NUL character
# (PostgreSQL cannot store one in text).
CONTENT_PATTERN = (
    f"^[{_WS}]*[^{_WS}\\u0000](?:[^\\u0000]{{0,{MAX_CONTENT - 2}}}[^{_WS}\\u0000])?[{_WS}]*$"
)


def _trimmed_content(value: str) -> str:
    if "\x00" in value:
        raise ValueError("must not contain NUL characters")
    trimmed = value.strip(JSON_WHITESPACE)
    if not trimmed:
        raise ValueError("must contain something other than whitespace")
    if len(trimmed) > MAX_CONTENT:
        raise ValueError(f"must be at most {MAX_CONTENT} characters after trimming")
    return trimmed


@dataclass
class MessageRequest:
    content: Annotated[
        str,
        AfterValidator(_trimmed_content),
        WithJsonSchema(
            {
                "type": "string",
                "pattern": CONTENT_PATTERN,
                "description": "1-4000 characters after trimming leading and trailing space.",
                # Without it, Swagger UI makes up ~900 random characters from the pattern.
                "examples": ["I keep putting off a hard conversation with my sister."],
            }
        ),
    ]
    # The step the client believes the session is on; 409 `step_mismatch` when it is not.
    step: StepName | None = None


def _without_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


@dataclass
class IdempotencyHeaders:
    """Resend a request with the same key to get its first outcome back, not a second one."""

    idempotency_key: Annotated[
        str | None,
        Field(
            default=None,
            description=(
                "1-255 visible ASCII characters, kept per user for 24 hours. The same key with "
                "the same request replays the first outcome (header Idempotent-Replayed: true); "
                "with another request it is 422 idempotency_key_reused; while the first is "
                "still running it is 409 idempotency_in_progress."
            ),
            # An absent header is not a null one: document no default.
            json_schema_extra=_without_default,
        ),
        WithJsonSchema({"type": "string", "pattern": "^[\\x21-\\x7e]{1,255}$"}),
    ] = None


@dataclass
class MessageHeaders(IdempotencyHeaders):
    """Optional headers of `POST /sessions/{id}/messages`."""

    last_event_id: Annotated[
        str | None,
        Field(
            default=None,
            description=(
                "Sent by SSE clients when they reconnect: the id of the last event received. "
                "Makes the request a reconnection to that reply, never a new message."
            ),
            json_schema_extra=_without_default,
        ),
        WithJsonSchema({"type": "string", "pattern": EVENT_ID_OR_EMPTY}),
    ] = None


@dataclass
class FollowHeaders:
    last_event_id: Annotated[
        str | None,
        Field(
            default=None,
            description="The id of the last event received: follow from the next one.",
            json_schema_extra=_without_default,
        ),
        WithJsonSchema({"type": "string", "pattern": EVENT_ID_OR_EMPTY}),
    ] = None


@dataclass(config=ConfigDict(extra="forbid"))
class FollowQuery:
    """`after`: the id of the last event received (as `Last-Event-ID`, for clients that cannot
    set headers). Without either, the reply from its start."""

    after: Annotated[str, Field(pattern=EVENT_ID_OR_EMPTY)] = ""


# The stream's events. Each is sent as `event: <name>`, an `id:` and one line of JSON as `data`.


@dataclass
class StartEvent:
    """`event: start`: the first event of a reply: its id, from the first byte."""

    message_id: UUID
    user_message_id: UUID


@dataclass
class TokenEvent:
    """`event: token`: the next piece of the coach's reply (pieces concatenate exactly)."""

    content: str


@dataclass
class Resource:
    name: str
    contact: str


@dataclass
class Safety:
    crisis: Literal[True]
    resources: list[Resource]


@dataclass
class DoneEvent:
    """`event: done`: the last event of a successful reply."""

    message_id: UUID
    user_message_id: UUID
    next_step: StepName | None
    emotion_detected: EmotionName
    session_status: SessionStatusName
    safety: Safety | None


@dataclass
class InterruptedEvent:
    """`event: interrupted`: the reply ended before it was complete (instead of `done`).

    `code`: `coach_failed`, `server_shutting_down`, `reply_lost` (the server running it went
    away), `session_deleted` or `stopped`.
    """

    code: str
    detail: str


class ReplyStream:
    """The coach's reply as Server-Sent Events: `start`, `token`*, then `done` or `interrupted`.

    Every event has an `id:` (opaque: send the last one back as `Last-Event-ID` to resume) and one
    line of JSON as `data:`; `: ping` comments keep the connection open during silences. Ignore
    event types you do not know: new ones may be added.
    """

    __media_type__: ClassVar[str] = "text/event-stream"
    __sse_id_pattern__: ClassVar[str] = EVENT_ID_PATTERN
    __sse_events__: ClassVar[dict[str, type[Any]]] = {
        "start": StartEvent,
        "token": TokenEvent,
        "done": DoneEvent,
        "interrupted": InterruptedEvent,
    }
    __examples__: ClassVar[dict[str, Any]] = {
        "reply": {
            "summary": "A short reply",
            "value": (
                "id: 0b5e…/0\nevent: start\n"
                'data: {"message_id": "0b5e…", "user_message_id": "9c1d…"}\n\n'
                'id: 0b5e…/1\nevent: token\ndata: {"content": "I"}\n\n'
                'id: 0b5e…/12\nevent: token\ndata: {"content": " understand"}\n\n'
                'id: 0b5e…/end\nevent: done\ndata: {"message_id": "0b5e…", '
                '"user_message_id": "9c1d…", "next_step": "clarify", '
                '"emotion_detected": "neutral", "session_status": "active", "safety": null}\n\n'
            ),
        }
    }
