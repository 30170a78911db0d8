"""Tortoise models: the whole persistent state of Clarity. Migrations live in ``migrations/``."""

from clarity.models.accounts import Plan, SignIn, UsageCounter, User
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
    "Emotion",
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
