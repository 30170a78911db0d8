"""Solve sessions and their messages."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from clarity.models.accounts import User


class SessionStatus(StrEnum):
    ACTIVE = "active"
    COMPLETED = "completed"
    ABANDONED = "abandoned"


class SolveStep(StrEnum):
    RECEIVE = "receive"
    CLARIFY = "clarify"
    REFRAME = "reframe"
    OPTIONS = "options"
    COMMIT = "commit"

    @property
    def next(self) -> SolveStep | None:
        """The step after this one, or None after the last."""
        steps = list(SolveStep)
        index = steps.index(self)
        return steps[index + 1] if index + 1 < len(steps) else None


class MessageRole(StrEnum):
    USER = "user"
    COACH = "coach"


class MessageStatus(StrEnum):
    # A coach message exists from the moment its user message is accepted: generating until
    # its reply is stored complete or interrupted.
    GENERATING = "generating"
    COMPLETE = "complete"
    INTERRUPTED = "interrupted"


class Emotion(StrEnum):
    NEUTRAL = "neutral"
    ANXIOUS = "anxious"
    SAD = "sad"
    ANGRY = "angry"
    OVERWHELMED = "overwhelmed"
    HOPEFUL = "hopeful"


# Enum columns get an explicit description and a roomy max_length, so that adding a member later
# changes neither the column comment nor its type (neither can be altered on SQLite).


class SolveSession(Model):
    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="solve_sessions", on_delete=fields.CASCADE
    )
    device_id = fields.CharField(max_length=128, null=True)
    status = fields.CharEnumField(
        SessionStatus, max_length=16, default=SessionStatus.ACTIVE, description="Session status"
    )
    current_step = fields.CharEnumField(
        SolveStep, max_length=16, default=SolveStep.RECEIVE, description="Current step"
    )
    created_at = fields.DatetimeField(auto_now_add=True)
    completed_at = fields.DatetimeField(null=True)
    # The one-reply-at-a-time lock: a lease that the reply in progress renews while it runs.
    # A lock left behind by a crashed process frees itself when reply_lock_until has passed.
    reply_lock_token = fields.UUIDField(null=True)
    reply_lock_until = fields.DatetimeField(null=True)

    messages: fields.ReverseRelation[SolveMessage]

    class Meta:
        table = "solve_sessions"
        # "My sessions, newest first", with and without the status filter.
        indexes = (
            Index(fields=("user_id", "created_at")),
            Index(fields=("user_id", "status", "created_at")),
        )


class SolveMessage(Model):
    id = fields.UUIDField(primary_key=True)
    session: fields.ForeignKeyRelation[SolveSession] = fields.ForeignKeyField(
        "models.SolveSession", related_name="messages", on_delete=fields.CASCADE
    )
    role = fields.CharEnumField(MessageRole, max_length=16, description="Message author")
    content = fields.TextField()
    step = fields.CharEnumField(SolveStep, max_length=16, description="Step of the exchange")
    # On a user message: detected in it. On a coach message: the emotion it answered.
    emotion = fields.CharEnumField(Emotion, max_length=16, description="Detected emotion")
    status = fields.CharEnumField(MessageStatus, max_length=16, description="Message status")
    # Set by the service, strictly increasing within a session (a reply is never stored at the
    # same instant as the message it answers), so ordering by it is the conversation's order.
    created_at = fields.DatetimeField()
    # On a coach message: the user message it answers.
    reply_to_id = fields.UUIDField(null=True)
    # On a finished coach message: its stream's terminal event, {"event": ..., "data": {...}}
    # as JSON, so that any worker can replay the reply exactly.
    outcome = fields.TextField(null=True)
    # On a generating coach message: the app's stop button was pressed at this time.
    stop_requested_at = fields.DatetimeField(null=True)

    class Meta:
        table = "solve_messages"
        # "This session's messages, oldest first".
        indexes = (Index(fields=("session_id", "created_at")),)
