"""Model → response-schema conversions shared by several blueprints."""

from __future__ import annotations

from clarity.models import User
from clarity.schemas.accounts import Account


def account(user: User) -> Account:
    return Account(id=user.id, email=user.email, plan=user.plan.value, created_at=user.created_at)
