"""Security: every bad token is refused everywhere, ids do not leak across users, clients cannot
set what they should not, and no response carries a password hash or another user's data."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from itsdangerous import URLSafeTimedSerializer
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.extensions import TOKEN_SALT
from clarity.models import SignIn, SolveSession
from tests.helpers.routes import PUBLIC_ENDPOINTS, all_routes
from tests.helpers.support import UserFactory, assert_problem, create_session


def _foreign_key_token(auth_id: str) -> str:
    """A well-formed token for a real sign-in, signed with a key the server does not know."""
    from hashlib import sha512

    serializer = URLSafeTimedSerializer(
        "a-rotated-out-key-" + "x" * 40, TOKEN_SALT, signer_kwargs={"digest_method": sha512}
    )
    return serializer.dumps(auth_id)


async def _authenticated_routes(app: Quart, session_id: str) -> list[tuple[str, str]]:
    return [
        (method, path.replace("{id}", session_id))
        for endpoint, method, path in all_routes(app)
        if endpoint not in PUBLIC_ENDPOINTS
    ]


@pytest.mark.parametrize(
    "kind", ["tampered", "expired", "revoked", "wrong-scheme", "rotated-out-key", "garbage"]
)
async def test_every_authenticated_route_refuses_a_bad_token(
    app: Quart, client: Client, users: UserFactory, kind: str
) -> None:
    user = await users.create()
    session_id = (await create_session(client, user))["id"]
    sign_in = await SignIn.get(user_id=user.id)
    header = f"Bearer {user.token}"
    if kind == "tampered":
        payload, _, signature = user.token.rpartition(".")
        header = f"Bearer {payload}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"
    elif kind == "expired":
        await SignIn.filter(id=sign_in.id).update(expires_at=datetime.now(UTC) - timedelta(1))
    elif kind == "revoked":
        assert (await client.post("/auth/logout", headers=user.headers)).status_code == 204
    elif kind == "wrong-scheme":
        header = f"Basic {user.token}"
    elif kind == "rotated-out-key":
        header = f"Bearer {_foreign_key_token(str(sign_in.id))}"
    else:
        header = "Bearer " + "z" * 300
    routes = await _authenticated_routes(app, session_id)
    assert len(routes) >= 10
    for method, path in routes:
        response = await client.open(
            path, method=method, headers={"Authorization": header}, json={"content": "hi"}
        )
        await assert_problem(response, 401, "unauthorized")
    # Nothing was done on the user's behalf.
    assert (await SolveSession.get(id=session_id)).status.value == "active"


async def test_patch_changes_only_the_status(client: Client, users: UserFactory) -> None:
    owner, other = await users.create(), await users.create()
    session = await create_session(client, owner)
    response = await client.patch(
        f"/sessions/{session['id']}",
        headers=owner.headers,
        json={
            "status": "abandoned",
            "current_step": "commit",
            "user_id": other.id,
            "device_id": "evil",
            "id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 200
    stored = await SolveSession.get(id=session["id"])
    assert (stored.status.value, stored.current_step.value) == ("abandoned", "receive")
    assert (str(stored.user_id), stored.device_id) == (owner.id, session["device_id"])  # type: ignore[attr-defined]


async def test_no_response_leaks_a_password_hash_or_another_users_data(
    app: Quart, client: Client, users: UserFactory
) -> None:
    me, other = await users.create(), await users.create()
    my_session = await create_session(client, me)
    other_session = await create_session(client, other)
    await client.post(
        f"/sessions/{other_session['id']}/messages",
        headers=other.headers,
        json={"content": "other user's private words"},
    )
    bodies: list[str] = [str(me.body), str(other.body)]
    for endpoint, method, path in all_routes(app):
        if method != "GET" or endpoint.startswith("docs."):
            continue
        for session_id in (my_session["id"], other_session["id"]):
            response = await client.get(path.replace("{id}", session_id), headers=me.headers)
            body = await response.get_data(as_text=True)
            bodies.append(body)
            if response.headers["Content-Type"].startswith("application/"):
                assert response.headers["Cache-Control"] == "no-store", path
                assert response.headers["X-Content-Type-Options"] == "nosniff", path
    text = "\n".join(bodies)
    assert "$argon2" not in text
    assert "password_hash" not in text
    for secret in (other.email, other.id, "other user's private words"):
        assert secret not in "\n".join(bodies[2:]), secret


async def test_tokens_are_not_accepted_in_the_query_string_or_cookies(
    client: Client, users: UserFactory
) -> None:
    user = await users.create()
    await assert_problem(await client.get(f"/me?token={user.token}"), 401, "unauthorized")
    client.set_cookie("localhost", "QUART_AUTH", user.token)  # type: ignore[attr-defined]
    await assert_problem(await client.get("/me"), 401, "unauthorized")
