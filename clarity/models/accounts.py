"""Users, their sign-ins (one per token) and their daily usage counters."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from tortoise import fields
from tortoise.models import Model

if TYPE_CHECKING:
    from clarity.models.solve import SolveSession


class Plan(StrEnum):
    FREE = "free"
    PLUS = "plus"


class User(Model):
    id = fields.UUIDField(primary_key=True)
    # Normalised (trimmed, lower-cased) before it is stored; 254 is the SMTP path limit.
    email = fields.CharField(max_length=254, unique=True)
    password_hash = fields.CharField(max_length=255)
    # Explicit description: SQLite cannot alter a column comment when a member is added.
    plan = fields.CharEnumField(Plan, max_length=16, default=Plan.FREE, description="Billing plan")
    created_at = fields.DatetimeField(auto_now_add=True)

    sign_ins: fields.ReverseRelation[SignIn]
    solve_sessions: fields.ReverseRelation[SolveSession]

    class Meta:
        table = "users"


# One sign-in on one device. A bearer token names its sign-in; revoking the row kills it.
# (Models carry comments, not docstrings: Tortoise would store a docstring as a table comment,
# which SQLite cannot alter in a later migration.)
class SignIn(Model):
    id = fields.UUIDField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="sign_ins", on_delete=fields.CASCADE, db_index=True
    )
    device_id = fields.CharField(max_length=128, null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    last_used_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    revoked_at = fields.DatetimeField(null=True)

    class Meta:
        table = "sign_ins"


# How many solve sessions a user started on one UTC day. A counter row, not a COUNT over
# sessions: it is incremented with one conditional UPDATE, which is exact under concurrent
# requests on every backend, and deleting a session gives no refund.
class UsageCounter(Model):
    id = fields.BigIntField(primary_key=True)
    user: fields.ForeignKeyRelation[User] = fields.ForeignKeyField(
        "models.User", related_name="usage_counters", on_delete=fields.CASCADE
    )
    day = fields.DateField()
    used = fields.IntField(default=0)

    class Meta:
        table = "usage_counters"
        unique_together = (("user", "day"),)
