"""Solve sessions, their messages, and the events of the message stream."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, ClassVar, Literal
from uuid import UUID

from pydantic import BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic.dataclasses import dataclass

from clarity.schemas.usage import Usage

SessionStatusName = Literal["active", "completed", "abandoned"]
StepName = Literal["receive", "clarify", "reframe", "options", "commit"]
EmotionName = Literal["neutral", "anxious", "sad", "angry", "overwhelmed", "hopeful"]


def _blank_is_none(value: Any) -> Any:
    return None if value == "" else value


@dataclass
class SessionCreate:
    """No fields today: send an empty body or `{}`. Unknown fields are ignored."""


@dataclass
class Session:
    id: UUID
    status: SessionStatusName
    current_step: StepName
    device_id: str | None
    created_at: datetime
    completed_at: datetime | None


@dataclass
class SessionCreated:
    session: Session
    usage: Usage


@dataclass(config=ConfigDict(extra="forbid"))
class SessionListQuery:
    """`limit` 1-100, `offset` ≥ 0, optional `status` (empty means all). Anything else is 422."""

    limit: Annotated[int, Field(ge=1, le=100)] = 20
    offset: Annotated[int, Field(ge=0)] = 0
    status: Annotated[SessionStatusName | None, BeforeValidator(_blank_is_none)] = None


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
    limit: Annotated[int, Field(ge=1, le=100)] = 50
    offset: Annotated[int, Field(ge=0)] = 0


@dataclass
class Message:
    id: UUID
    role: Literal["user", "coach"]
    content: str
    step: StepName
    emotion: EmotionName
    status: Literal["complete", "interrupted"]
    created_at: datetime


@dataclass
class MessageList:
    """Oldest first."""

    items: list[Message]
    total: int
    limit: int
    offset: int


@dataclass
class MessageRequest:
    content: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]
    # The step the client believes the session is on; 409 `step_mismatch` when it is not.
    step: StepName | None = None


# The stream's events. Each is sent as `event: <name>` with one line of JSON as `data`.


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
class ErrorEvent:
    """`event: error`: the reply failed after the stream began (instead of `done`)."""

    code: str
    detail: str


@dataclass
class StreamEvent:
    """The coach's reply as Server-Sent Events: `token`* then `done` or `error`.

    Every event has an `id:` that increases within the stream; `: ping` comments keep the
    connection open during silences. Ignore event types you do not know.
    """

    __media_type__: ClassVar[str] = "text/event-stream"
    __examples__: ClassVar[dict[str, Any]] = {
        "reply": {
            "summary": "A short reply",
            "value": (
                'id: 1\nevent: token\ndata: {"content": "I"}\n\n'
                'id: 2\nevent: token\ndata: {"content": " understand"}\n\n'
                'id: 3\nevent: done\ndata: {"message_id": "…", "user_message_id": "…", '
                '"next_step": "clarify", "emotion_detected": "neutral", '
                '"session_status": "active", "safety": null}\n\n'
            ),
        }
    }

    id: int
    event: Literal["token", "done", "error"]
    data: TokenEvent | DoneEvent | ErrorEvent
