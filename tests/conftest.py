"""Fixtures: a fresh, migrated database for every test; the app; a client; user factories; a
signed-in user and a session of theirs."""

from __future__ import annotations

import asyncio
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.config import Settings
from clarity.db import apply_migrations
from tests.helpers import databases, reliability
from tests.helpers.live import TEST_SECRET
from tests.helpers.support import SignedInUser, UserFactory, create_session


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """One database per test run with every migration applied (the schema under test)."""
    if databases.ON_POSTGRES:
        url = asyncio.run(databases.create_postgres_database())
        asyncio.run(apply_migrations(Settings(database_url=url)))
        yield url
        asyncio.run(databases.drop_postgres_database(url))
    else:
        path = tmp_path_factory.mktemp("template") / "template.db"
        asyncio.run(apply_migrations(Settings(database_url=f"sqlite://{path}")))
        yield str(path)


@pytest.fixture
async def database_url(migrated_template: str, tmp_path: Path) -> str:
    """A database of this test's own: a copy of the template (SQLite) or the emptied template."""
    if databases.ON_POSTGRES:
        await databases.truncate_postgres(migrated_template)
        return migrated_template
    path = tmp_path / "clarity.db"
    shutil.copyfile(migrated_template, path)
    return f"sqlite://{path}"


@pytest.fixture
def settings_overrides(database_url: str) -> dict[str, Any]:
    """Override per test with ``@pytest.mark.parametrize`` or by requesting and updating it."""
    return {
        "env": "test",
        "database_url": database_url,
        "secret_key": TEST_SECRET,
        "password_hashing": "fast",
        "coach_token_delay": 0.0,
        # Each app its own limiter keys, even when test apps share one Redis.
        "rate_limit_namespace": f"test-{uuid.uuid4().hex}",
    }


@pytest.fixture
async def app(settings_overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    application = create_app(settings_overrides)
    async with application.test_app():
        yield application


@pytest.fixture
def client(app: Quart) -> Client:
    return app.test_client()


@pytest.fixture
async def http(app: Quart) -> AsyncIterator[httpx.AsyncClient]:
    """An httpx client talking to the running app in-process (for SSE parsing with httpx-sse)."""
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://clarity.test") as client:
        yield client


@pytest.fixture
def users(client: Client) -> UserFactory:
    return UserFactory(client)


@pytest.fixture
async def user(users: UserFactory) -> SignedInUser:
    """A signed-in user (a module that needs another kind overrides this)."""
    return await users.create()


@pytest.fixture
async def session_id(client: Client, user: SignedInUser) -> str:
    """A new session of ``user``'s."""
    return str((await create_session(client, user))["id"])


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    reliability.print_table(terminalreporter)
