"""Sign-in throttling slows a guesser down without locking the account's owner out (OWASP).

The tight limit is per account and client address; a higher ceiling per account holds across
addresses. The client address comes from X-Forwarded-For behind one trusted proxy.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from quart import Quart

from clarity.app import create_app
from clarity.config import Settings
from tests.helpers.support import DEFAULT_PASSWORD, assert_problem

OWNER = "owner@example.com"
ATTACKER = "198.51.100.66"


@asynccontextmanager
async def running(overrides: dict[str, Any]) -> AsyncIterator[Quart]:
    app = create_app({**overrides, "trusted_proxy_count": 1})
    async with app.test_app():
        yield app


async def _login(app: Quart, address: str, password: str) -> Any:
    return await app.test_client().post(
        "/auth/login",
        json={"email": OWNER, "password": password},
        headers={"X-Forwarded-For": address},
    )


async def _register_owner(app: Quart) -> None:
    response = await app.test_client().post(
        "/auth/register",
        json={"email": OWNER, "password": DEFAULT_PASSWORD},
        headers={"X-Forwarded-For": "203.0.113.200"},
    )
    assert response.status_code == 201


async def test_the_owner_signs_in_from_another_address_after_ten_failures_elsewhere(
    settings_overrides: dict[str, Any],
) -> None:
    defaults = Settings()
    assert defaults.login_limit_per_account == 10  # the documented figures, used as they are
    assert defaults.login_limit_per_account_total == 100
    async with running(settings_overrides) as app:
        await _register_owner(app)
        for _ in range(10):
            await assert_problem(
                await _login(app, ATTACKER, "a wrong guess"), 401, "invalid_credentials"
            )
        owner = await _login(app, "203.0.113.7", DEFAULT_PASSWORD)
        assert owner.status_code == 200, await owner.get_json()
        # The guesser's address stays throttled for this account, right password or not.
        for password in ("another guess", DEFAULT_PASSWORD):
            refused = await _login(app, ATTACKER, password)
            await assert_problem(refused, 429, "rate_limited")
            assert 0 < int(refused.headers["Retry-After"]) <= 5 * 60


async def test_the_ceiling_per_account_holds_across_addresses(
    settings_overrides: dict[str, Any],
) -> None:
    async with running({**settings_overrides, "login_limit_per_account_total": 5}) as app:
        await _register_owner(app)
        for n in range(5):
            response = await _login(app, f"10.1.0.{n}", "a wrong guess")
            await assert_problem(response, 401, "invalid_credentials")
        for address in ("10.1.0.99", "203.0.113.7"):
            refused = await _login(app, address, DEFAULT_PASSWORD)
            await assert_problem(refused, 429, "rate_limited")
            assert int(refused.headers["Retry-After"]) > 0
        # Other accounts are not affected.
        other = await app.test_client().post(
            "/auth/login",
            json={"email": "someone@example.com", "password": "x"},
            headers={"X-Forwarded-For": "10.1.0.99"},
        )
        await assert_problem(other, 401, "invalid_credentials")


async def test_one_address_trying_many_accounts_is_limited_per_client(
    settings_overrides: dict[str, Any],
) -> None:
    async with running({**settings_overrides, "login_limit_per_client": 3}) as app:
        client = app.test_client()
        statuses = []
        for n in range(4):
            response = await client.post(
                "/auth/login",
                json={"email": f"victim{n}@example.com", "password": "guess"},
                headers={"X-Forwarded-For": ATTACKER},
            )
            statuses.append(response.status_code)
        assert statuses == [401, 401, 401, 429]
