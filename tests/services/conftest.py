"""Service tests: the services called directly on the test's own migrated database (the ``app``
fixture opens it), no HTTP, so that edge cases are set up by writing rows, not by timing."""

from __future__ import annotations

import uuid

import pytest
from quart import Quart

from clarity.models import SolveSession, User


@pytest.fixture
async def account(app: Quart) -> User:
    return await User.create(email=f"{uuid.uuid4().hex[:12]}@example.com", password_hash="x")


@pytest.fixture
async def solve_session(account: User) -> SolveSession:
    return await SolveSession.create(user=account)
