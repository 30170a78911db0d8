"""Tortoise models: the whole persistent state of Clarity. Migrations live in ``migrations/``."""

from clarity.models.accounts import Plan, SignIn, UsageCounter, User

__all__ = ["Plan", "SignIn", "UsageCounter", "User"]
