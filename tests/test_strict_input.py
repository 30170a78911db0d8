"""Strict input: JSON that Python's parser would bend, numbers and ids in other spellings.

Every malformed body is a 400 ``malformed_request`` (never a 500, never a traceback in the log,
never the sent text in the log) on the routes that read JSON, with sign-in limits on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import uuid

import pytest
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.idempotent_requests import fingerprint
from tests.helpers.support import SignedInUser, UserFactory, assert_problem, create_session

MARKER = "a sentence only the user wrote"
DEEP = 1_100  # past orjson's 1,024 and Python's recursion limit; ~4.4 KB

# Each is what a client really sends; the email/content carries MARKER so that the log can be
# searched for it.
MALFORMED = {
    "nan": '{"email": "%s@example.com", "password": NaN, "content": "%s"}',
    "infinity": '{"email": "%s@example.com", "password": Infinity, "content": "%s"}',
    "huge_number": '{"email": "%s@example.com", "password": 1e999999, "content": "%s"}',
    "deep": '{"email": "%s@example.com", "content": "%s", "x": ' + "[" * DEEP + "]" * DEEP + "}",
    # A JS client cutting a message at 4,000 UTF-16 units, mid-emoji.
    "lone_surrogate": (
        '{"email": "%s\\ud83d@example.com", "password": "x", "content": "%s \\ud83d"}'
    ),
}


def _body(kind: str) -> bytes:
    marker = MARKER.replace(" ", "-")
    return (MALFORMED[kind] % (marker, MARKER)).encode()


def _assert_quiet_log(caplog: pytest.LogCaptureFixture) -> None:
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert not errors, [r.getMessage() for r in errors]
    assert MARKER not in caplog.text
    assert MARKER.replace(" ", "-") not in caplog.text


@pytest.mark.parametrize("kind", sorted(MALFORMED))
async def test_malformed_login_is_400_with_rate_limits_on(
    client: Client, app: Quart, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    assert app.extensions["clarity"].settings.rate_limits_enabled
    with caplog.at_level(logging.DEBUG):
        for _ in range(2):  # the limiter parses the body too: a second try must be as quiet
            response = await client.post(
                "/auth/login", data=_body(kind), headers={"Content-Type": "application/json"}
            )
            body = await assert_problem(response, 400, "malformed_request")
            assert "not valid UTF-8 JSON" in body["detail"]
            assert MARKER not in body["detail"]
    _assert_quiet_log(caplog)


@pytest.mark.parametrize("kind", sorted(MALFORMED))
async def test_malformed_register_is_400(
    client: Client, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    with caplog.at_level(logging.DEBUG):
        response = await client.post(
            "/auth/register", data=_body(kind), headers={"Content-Type": "application/json"}
        )
        await assert_problem(response, 400, "malformed_request")
    _assert_quiet_log(caplog)


@pytest.mark.parametrize("kind", sorted(MALFORMED))
async def test_malformed_message_is_400_and_stores_nothing(
    client: Client, users: UserFactory, caplog: pytest.LogCaptureFixture, kind: str
) -> None:
    user = await users.create()
    session = await create_session(client, user)
    path = f"/sessions/{session['id']}/messages"
    with caplog.at_level(logging.DEBUG):
        response = await client.post(
            path, data=_body(kind), headers={**user.headers, "Content-Type": "application/json"}
        )
        await assert_problem(response, 400, "malformed_request")
    _assert_quiet_log(caplog)
    listed = await (await client.get(path, headers=user.headers)).get_json()
    assert listed["total"] == 0


async def test_each_malformed_body_says_what_is_wrong(client: Client) -> None:
    details = {}
    for kind in ("nan", "huge_number", "deep", "lone_surrogate"):
        response = await client.post(
            "/auth/register", data=_body(kind), headers={"Content-Type": "application/json"}
        )
        details[kind] = (await assert_problem(response, 400, "malformed_request"))["detail"]
    assert "infinity" in details["huge_number"]
    assert "depth" in details["deep"]
    assert "surrogate" in details["lone_surrogate"]
    assert "at character" in details["nan"]


async def test_a_surrogate_pair_is_a_character_not_an_error(
    client: Client, users: UserFactory
) -> None:
    user = await users.create()
    session = await create_session(client, user)
    path = f"/sessions/{session['id']}/messages"
    body = b'{"content": "I feel stuck \\ud83d\\ude14"}'
    response = await client.post(
        path, data=body, headers={**user.headers, "Content-Type": "application/json"}
    )
    assert response.status_code == 200
    await response.get_data()
    listed = await (await client.get(path, headers=user.headers)).get_json()
    assert listed["items"][0]["content"] == "I feel stuck \U0001f614"


async def test_an_idempotent_create_with_a_deeply_nested_body_replays(
    client: Client, users: UserFactory
) -> None:
    # 1,000 levels: valid JSON for orjson; json.dumps in the fingerprint recursed (a 500).
    body = ('{"x": ' + "[" * 1_000 + "]" * 1_000 + "}").encode()
    headers = {"Content-Type": "application/json", "Idempotency-Key": "deep-1"}
    user = await users.create()
    first = await client.post("/sessions", data=body, headers={**user.headers, **headers})
    assert first.status_code == 201, await first.get_data()
    again = await client.post("/sessions", data=body, headers={**user.headers, **headers})
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert (await again.get_json())["session"]["id"] == (await first.get_json())["session"]["id"]


@pytest.mark.parametrize(
    "payload",
    [
        {"content": 'caf\u00e9 \U0001f614 \x7f \x01 "quoted" \\ back', "b": [1, True, None]},
        {"z": {"y": ["\u4e2d\u6587"], "a": 2**63 - 1}, "a": -5},
        None,
    ],
)
async def test_the_fingerprint_is_the_one_stored_before_the_switch_to_orjson(
    app: Quart, payload: object
) -> None:
    """Keys stored before the parser changed still match a retry of the same request."""
    data = json.dumps(payload, ensure_ascii=False).encode() if payload is not None else b""
    path = f"/sessions/{uuid.uuid4()}/messages"
    async with app.test_request_context(path, method="POST", data=data):
        new = await fingerprint()
    old = json.dumps(["POST", path, payload], sort_keys=True, separators=(",", ":"))
    assert new == hashlib.sha256(old.encode()).hexdigest()


async def test_equal_bodies_in_any_key_order_and_spacing_have_one_fingerprint(app: Quart) -> None:
    prints = set()
    for data in (b'{"a": 1, "b": [1, 2]}', b'{"b":[1,2],"a":1}', b'\n{ "b" : [ 1 , 2 ] , "a":1 }'):
        async with app.test_request_context("/sessions", method="POST", data=data):
            prints.add(await fingerprint())
    assert len(prints) == 1


# --- query strings and ids: one spelling each


NOT_PLAIN_NUMBERS = ["5_0", "+5", "1.0", " 5", "5 ", "\u0665", "05", "-0", "0x5", "\u00b2"]


@pytest.fixture
async def user_with_session(user: SignedInUser, session_id: str) -> tuple[SignedInUser, str]:
    return user, session_id


@pytest.mark.parametrize("raw", NOT_PLAIN_NUMBERS)
@pytest.mark.parametrize("name", ["limit", "offset"])
async def test_a_number_in_another_spelling_is_422(
    client: Client, user_with_session: tuple[SignedInUser, str], raw: str, name: str
) -> None:
    user, session_id = user_with_session
    for path in ("/sessions", f"/sessions/{session_id}/messages"):
        response = await client.get(path, query_string={name: raw}, headers=user.headers)
        body = await assert_problem(response, 422, "validation_failed")
        assert body["errors"][0]["loc"] == ["query", name]


async def test_plain_numbers_are_read(
    client: Client, user_with_session: tuple[SignedInUser, str]
) -> None:
    user, session_id = user_with_session
    for path in ("/sessions", f"/sessions/{session_id}/messages"):
        response = await client.get(
            path, query_string={"limit": "50", "offset": "0"}, headers=user.headers
        )
        body = await response.get_json()
        assert response.status_code == 200, body
        assert (body["limit"], body["offset"]) == (50, 0)


async def test_a_session_id_is_found_only_in_its_canonical_spelling(
    client: Client, user_with_session: tuple[SignedInUser, str]
) -> None:
    user, session_id = user_with_session
    assert (await client.get(f"/sessions/{session_id}", headers=user.headers)).status_code == 200
    plain = uuid.UUID(session_id)
    for other in (
        session_id.upper(),
        f"{{{session_id}}}",
        f"urn:uuid:{session_id}",
        plain.hex,
        plain.hex.upper(),
    ):
        for path in (f"/sessions/{other}", f"/sessions/{other}/messages"):
            response = await client.get(path, headers=user.headers)
            await assert_problem(response, 404, "not_found")
