"""Register, log in, log out, /me and account deletion, per the API contract."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.models import SignIn, User
from tests.helpers.support import DEFAULT_PASSWORD, UserFactory, assert_problem


def _parse_time(value: str) -> datetime:
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


async def test_register_returns_a_token_and_the_normalised_user(
    client: Client,
) -> None:
    response = await client.post(
        "/auth/register",
        json={"email": "  Ada.Lovelace@Example.COM ", "password": "analytical", "device_id": "d1"},
    )
    assert response.status_code == 201
    body = await response.get_json()
    assert set(body) == {"token", "token_type", "expires_at", "user"}
    assert body["token_type"] == "bearer"
    assert set(body["user"]) == {"id", "email", "plan", "created_at"}
    assert body["user"]["email"] == "ada.lovelace@example.com"
    assert body["user"]["plan"] == "free"
    expires_in = _parse_time(body["expires_at"]) - datetime.now(UTC)
    assert timedelta(days=29, hours=23) < expires_in <= timedelta(days=30)
    assert _parse_time(body["user"]["created_at"]).tzinfo is not None
    sign_in = await SignIn.get(user_id=body["user"]["id"])
    assert sign_in.device_id == "d1"


async def test_password_is_stored_as_an_argon2id_hash(users: UserFactory) -> None:
    user = await users.create(password="analytical engine")
    stored = await User.get(id=user.id)
    assert stored.password_hash.startswith("$argon2id$")
    assert "analytical engine" not in stored.password_hash


async def test_register_twice_with_the_same_email_in_any_case_is_email_taken(
    client: Client, users: UserFactory
) -> None:
    await users.create(email="grace@example.com")
    response = await client.post(
        "/auth/register", json={"email": "GRACE@example.com ", "password": "different-pass"}
    )
    await assert_problem(response, 409, "email_taken")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"email": "not-an-email", "password": "long enough"}, "email"),
        ({"email": "someone@mail.test", "password": "long enough"}, "email"),  # reserved name
        ({"email": "a@example.com", "password": "long enough", "device_id": "a\x00b"}, "device_id"),
        ({"email": "a@example.com", "password": "short"}, "password"),
        ({"email": "a@example.com", "password": "x" * 129}, "password"),
        (
            {"email": "a@example.com", "password": "long enough", "device_id": "d" * 129},
            "device_id",
        ),
        ({"password": "long enough"}, "email"),
        ({"email": "a@example.com"}, "password"),
        ({"email": 42, "password": "long enough"}, "email"),
    ],
)
async def test_register_validation_errors_name_the_field(
    client: Client, payload: dict[str, Any], field: str
) -> None:
    response = await client.post("/auth/register", json=payload)
    body = await assert_problem(response, 422, "validation_failed")
    assert ["body", field] in [issue["loc"][:2] for issue in body["errors"]]


async def test_register_ignores_mass_assignment_fields(client: Client) -> None:
    response = await client.post(
        "/auth/register",
        json={"email": "m@example.com", "password": "long enough", "plan": "plus", "id": "x"},
    )
    assert response.status_code == 201
    assert (await response.get_json())["user"]["plan"] == "free"


async def test_login_gives_a_new_token_for_each_device(client: Client, users: UserFactory) -> None:
    user = await users.create(email="Lin@example.com")
    phone = await users.login(user, device_id="phone")
    tablet = await users.login(user, device_id="tablet")
    assert len({user.token, phone.token, tablet.token}) == 3
    assert phone.body["user"]["id"] == user.id
    devices = await SignIn.filter(user_id=user.id).values_list("device_id", flat=True)
    assert sorted(d or "" for d in devices) == ["", "phone", "tablet"]


async def test_login_email_is_matched_case_blind(client: Client, users: UserFactory) -> None:
    await users.create(email="case@example.com")
    response = await client.post(
        "/auth/login", json={"email": " CASE@Example.com", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 200


async def test_unknown_email_and_wrong_password_answer_identically(
    app: Quart, client: Client, users: UserFactory
) -> None:
    await users.create(email="known@example.com")
    wrong_password = await client.post(
        "/auth/login", json={"email": "known@example.com", "password": "not the password"}
    )
    unknown_email = await client.post(
        "/auth/login", json={"email": "nobody@example.com", "password": "not the password"}
    )
    first = await assert_problem(wrong_password, 401, "invalid_credentials")
    second = await assert_problem(unknown_email, 401, "invalid_credentials")
    assert first == second


async def test_unknown_email_still_runs_one_password_verification(
    app: Quart, client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Same work on both failure paths is what keeps their timing alike.
    passwords = app.extensions["clarity"].passwords

    class CountingHasher:
        def __init__(self, inner: Any) -> None:
            self.inner = inner
            self.verified: list[str] = []

        def verify(self, hash_: str, password: str) -> bool:
            self.verified.append(hash_)
            return bool(self.inner.verify(hash_, password))

    counting = CountingHasher(passwords._hasher)
    monkeypatch.setattr(passwords, "_hasher", counting)
    response = await client.post(
        "/auth/login", json={"email": "ghost@example.com", "password": "whatever123"}
    )
    assert response.status_code == 401
    assert len(counting.verified) == 1
    assert counting.verified[0].startswith("$argon2id$")


async def test_me_returns_the_account_and_usage(client: Client, users: UserFactory) -> None:
    user = await users.create()
    response = await client.get("/me", headers=user.headers)
    assert response.status_code == 200
    body = await response.get_json()
    assert body["id"] == user.id
    assert body["email"] == user.email
    assert body["plan"] == "free"
    usage = body["usage"]
    assert usage["plan"] == "free"
    assert usage["period"] == "day"
    assert (usage["used"], usage["limit"], usage["remaining"]) == (0, 5, 5)
    resets_at = _parse_time(usage["resets_at"])
    assert resets_at > datetime.now(UTC)
    assert (resets_at.hour, resets_at.minute, resets_at.second) == (0, 0, 0)
    assert "password_hash" not in str(body)


async def test_logout_revokes_only_that_token(client: Client, users: UserFactory) -> None:
    user = await users.create()
    other_device = await users.login(user, device_id="tablet")
    response = await client.post("/auth/logout", headers=user.headers)
    assert response.status_code == 204
    assert await response.get_data() == b""
    await assert_problem(await client.get("/me", headers=user.headers), 401, "unauthorized")
    await assert_problem(
        await client.post("/auth/logout", headers=user.headers), 401, "unauthorized"
    )
    assert (await client.get("/me", headers=other_device.headers)).status_code == 200


async def test_delete_me_removes_the_user_and_kills_every_token(
    client: Client, users: UserFactory
) -> None:
    user = await users.create(email="leaving@example.com")
    other_device = await users.login(user)
    response = await client.delete("/me", headers=user.headers)
    assert response.status_code == 204
    for token_holder in (user, other_device):
        await assert_problem(
            await client.get("/me", headers=token_holder.headers), 401, "unauthorized"
        )
    assert await User.filter(id=user.id).count() == 0
    assert await SignIn.filter(user_id=user.id).count() == 0
    # The address is free again.
    await users.create(email="leaving@example.com")


async def test_expired_sign_in_is_refused(client: Client, users: UserFactory) -> None:
    user = await users.create()
    await SignIn.filter(user_id=user.id).update(expires_at=datetime.now(UTC) - timedelta(seconds=1))
    await assert_problem(await client.get("/me", headers=user.headers), 401, "unauthorized")


@pytest.mark.parametrize(
    "authorization",
    [
        None,
        "",
        "Bearer",
        "Bearer not-a-token",
        "Basic dXNlcjpwYXNz",
        "Token {token}",
        "Bearer {token}x",
        "Bearer {tampered}",
    ],
)
async def test_bad_authorization_headers_are_unauthorized(
    client: Client, users: UserFactory, authorization: str | None
) -> None:
    user = await users.create()
    payload, _, signature = user.token.rpartition(".")
    tampered = f"{payload}.{signature[::-1]}"
    headers = {}
    if authorization is not None:
        headers["Authorization"] = authorization.format(token=user.token, tampered=tampered)
    response = await client.get("/me", headers=headers)
    await assert_problem(response, 401, "unauthorized")
    assert response.headers.get("WWW-Authenticate", "").startswith("Bearer")


async def test_a_rotated_key_keeps_old_tokens_only_while_it_is_a_fallback(
    settings_overrides: dict[str, Any],
) -> None:
    old_key, new_key = "old-key-" + "o" * 40, "new-key-" + "n" * 40
    old_app = create_app({**settings_overrides, "secret_key": old_key})
    async with old_app.test_app():
        token = (await UserFactory(old_app.test_client()).create()).token
    headers = {"Authorization": f"Bearer {token}"}

    rotated = create_app(
        {**settings_overrides, "secret_key": new_key, "secret_key_fallbacks": (old_key,)}
    )
    async with rotated.test_app():
        assert (await rotated.test_client().get("/me", headers=headers)).status_code == 200

    rotated_out = create_app({**settings_overrides, "secret_key": new_key})
    async with rotated_out.test_app():
        response = await rotated_out.test_client().get("/me", headers=headers)
        await assert_problem(response, 401, "unauthorized")
