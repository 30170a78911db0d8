"""Tortoise models: the whole persistent state of Clarity. Migrations live in ``migrations/``."""

from clarity.models.accounts import Plan, SignIn, UsageCounter, User
from clarity.models.idempotency import IdempotencyKey, IdempotencyState
from clarity.models.safety import CrisisReferral
from clarity.models.solve import (
    Emotion,
    MessageRole,
    MessageStatus,
    SessionStatus,
    SolveMessage,
    SolveSession,
    SolveStep,
)

__all__ = [
    "CrisisReferral",
    "Emotion",
    "IdempotencyKey",
    "IdempotencyState",
    "MessageRole",
    "MessageStatus",
    "Plan",
    "SessionStatus",
    "SignIn",
    "SolveMessage",
    "SolveSession",
    "SolveStep",
    "UsageCounter",
    "User",
]
