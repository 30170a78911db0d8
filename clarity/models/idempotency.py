"""Idempotency keys: the first outcome of a request, replayed when a flaky network resends it."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from clarity.models.accounts import User


class IdempotencyState(StrEnum):
    IN_PROGRESS = "in_progress"
    DONE = "done"


class IdempotencyKey(Model):
    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="idempotency_keys", on_delete=fields.CASCADE
    )
    key = fields.CharField(max_length=255)
    # sha256 of the method, path and canonical JSON body: the same key for another request is 422.
    fingerprint = fields.CharField(max_length=64)
    state = fields.CharEnumField(IdempotencyState, max_length=16, description="Key state")
    response_status = fields.IntField(null=True)
    # The response body (JSON); for a message, the stream's final event.
    response_body = fields.TextField(null=True)
    # For a message: the stored reply, replayed as one token event.
    coach_message_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()

    class Meta:
        table = "idempotency_keys"
        unique_together = (("user", "key"),)
        indexes = (Index(fields=("user_id", "expires_at")),)
