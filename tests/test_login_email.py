"""Sign-in finds the account whatever spelling of its address sign-up was given.

Sign-up, sign-in and the per-account sign-in limit share one canonical form (email-validator's:
NFC Unicode, IDNA domains, lower case).
"""

from __future__ import annotations

from typing import Any

import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.passwords import Passwords
from tests.helpers.support import DEFAULT_PASSWORD, assert_problem

DECOMPOSED = "jose\u0301@example.com"  # e + combining acute accent
COMPOSED = "jos\u00e9@example.com"
PUNYCODE = "ada@xn--mnchen-3ya.de"
UNICODE_DOMAIN = "ada@M\u00fcnchen.de"


async def _register(client: Client, email: str) -> None:
    response = await client.post(
        "/auth/register", json={"email": email, "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 201, await response.get_json()


async def _login(client: Client, email: str, password: str = DEFAULT_PASSWORD) -> Any:
    return await client.post("/auth/login", json={"email": email, "password": password})


@pytest.mark.parametrize(
    ("registered", "other"),
    [
        (DECOMPOSED, COMPOSED),
        (COMPOSED, DECOMPOSED),
        (PUNYCODE, UNICODE_DOMAIN),
        (UNICODE_DOMAIN, PUNYCODE),
    ],
)
async def test_login_with_the_registered_string_and_with_its_other_form(
    client: Client, registered: str, other: str
) -> None:
    await _register(client, registered)
    for email in (registered, other, f"  {other.upper()} "):
        response = await _login(client, email)
        body = await response.get_json()
        assert response.status_code == 200, (email, body)
    # Either spelling is the same account: it cannot be registered twice.
    taken = await client.post("/auth/register", json={"email": other, "password": "another one"})
    await assert_problem(taken, 409, "email_taken")


@pytest.mark.parametrize(
    "email", ["not an address", "a@b.test", "@example.com", "x" * 70 + "@example.com", ""]
)
async def test_a_login_email_that_is_not_an_address_is_401_after_the_same_work(
    client: Client, app: Quart, monkeypatch: pytest.MonkeyPatch, email: str
) -> None:
    verified: list[str | None] = []
    original = Passwords.verify

    async def counting(self: Passwords, password_hash: str | None, password: str) -> bool:
        verified.append(password_hash)
        return await original(self, password_hash, password)

    monkeypatch.setattr(Passwords, "verify", counting)
    response = await _login(client, email)
    body = await assert_problem(response, 401, "invalid_credentials")
    assert body["detail"] == "The email or password is not correct."
    assert verified == [None]  # one verification against the dummy hash, as for an unknown email


async def test_the_per_account_ceiling_counts_every_spelling_as_one_account(
    settings_overrides: dict[str, Any],
) -> None:
    overrides = {**settings_overrides, "login_limit_per_account_total": 2, "trusted_proxy_count": 1}
    app = create_app(overrides)
    async with app.test_app():
        client = app.test_client()
        spellings = [DECOMPOSED, COMPOSED, "JOS\u00c9@EXAMPLE.COM"]
        for n, email in enumerate(spellings):
            response = await client.post(
                "/auth/login",
                json={"email": email, "password": "wrong guess"},
                headers={"X-Forwarded-For": f"192.0.2.{n + 1}"},
            )
            expected = (401, "invalid_credentials") if n < 2 else (429, "rate_limited")
            await assert_problem(response, *expected)
