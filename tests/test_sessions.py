"""The session API: create, list, read, end, delete, and the message history."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from quart.typing import TestClientProtocol as Client

from clarity.models import SolveMessage, SolveSession
from tests.helpers.support import SignedInUser, UserFactory, assert_problem, create_session


@pytest.fixture
def settings_overrides(settings_overrides: dict[str, Any]) -> dict[str, Any]:
    return {**settings_overrides, "free_sessions_per_day": None}


@pytest.fixture
async def user(users: UserFactory) -> SignedInUser:
    """Signed in from a named device (conftest's user has none): the sessions carry it."""
    return await users.create(device_id="pixel-8")


async def test_create_returns_the_session_and_usage(client: Client, user: SignedInUser) -> None:
    response = await client.post("/sessions", headers=user.headers)
    assert response.status_code == 201
    body = await response.get_json()
    session = body["session"]
    assert set(session) == {
        "id",
        "status",
        "current_step",
        "device_id",
        "created_at",
        "completed_at",
        "reply",
    }
    assert session["status"] == "active"
    assert session["current_step"] == "receive"
    assert session["device_id"] == "pixel-8"  # the device of the token that created it
    assert session["completed_at"] is None
    uuid.UUID(session["id"])
    assert set(body["usage"]) == {"plan", "period", "used", "limit", "remaining", "resets_at"}
    assert body["usage"]["used"] == 1


@pytest.mark.parametrize(
    "kwargs",
    [
        {},
        {"json": {}},
        {"json": {"status": "completed", "current_step": "commit", "user_id": "x", "plan": "plus"}},
    ],
)
async def test_create_accepts_an_empty_body_or_object_and_ignores_extra_fields(
    client: Client, user: SignedInUser, kwargs: dict[str, Any]
) -> None:
    response = await client.post("/sessions", headers=user.headers, **kwargs)
    assert response.status_code == 201
    session = (await response.get_json())["session"]
    assert (session["status"], session["current_step"]) == ("active", "receive")


async def test_create_refuses_a_body_that_is_not_a_json_object(
    client: Client, user: SignedInUser
) -> None:
    headers = {**user.headers, "Content-Type": "application/json"}
    await assert_problem(
        await client.post("/sessions", headers=headers, data=b"[1]"), 422, "validation_failed"
    )
    await assert_problem(
        await client.post("/sessions", headers=headers, data=b"{"), 400, "malformed_request"
    )


async def test_get_returns_the_session(client: Client, user: SignedInUser) -> None:
    created = await create_session(client, user)
    response = await client.get(f"/sessions/{created['id']}", headers=user.headers)
    assert response.status_code == 200
    assert await response.get_json() == created


async def test_missing_malformed_and_foreign_ids_get_the_same_404(
    client: Client, users: UserFactory, user: SignedInUser
) -> None:
    other = await users.create()
    foreign = await create_session(client, other)
    bodies = []
    for session_id in (str(uuid.uuid4()), "not-a-uuid", "1", foreign["id"]):
        for method, suffix, kwargs in [
            ("GET", "", {}),
            ("PATCH", "", {"json": {"status": "abandoned"}}),
            ("DELETE", "", {}),
            ("GET", "/messages", {}),
            ("POST", "/messages", {"json": {"content": "hello"}}),
        ]:
            response = await client.open(
                f"/sessions/{session_id}{suffix}", method=method, headers=user.headers, **kwargs
            )
            body = await assert_problem(response, 404, "not_found")
            bodies.append(body)
    assert all(body == bodies[0] for body in bodies)
    # And the other user's session is untouched.
    assert (await SolveSession.get(id=foreign["id"])).status.value == "active"


async def test_list_is_newest_first_with_paging(client: Client, user: SignedInUser) -> None:
    created = [await create_session(client, user) for _ in range(5)]
    newest_first = [s["id"] for s in reversed(created)]
    response = await client.get("/sessions", headers=user.headers)
    body = await response.get_json()
    assert response.status_code == 200
    assert (body["total"], body["limit"], body["offset"]) == (5, 20, 0)
    assert [s["id"] for s in body["items"]] == newest_first
    pages = []
    for offset in (0, 2, 4, 6):
        page = await (
            await client.get(f"/sessions?limit=2&offset={offset}", headers=user.headers)
        ).get_json()
        assert (page["total"], page["limit"], page["offset"]) == (5, 2, offset)
        pages.extend(s["id"] for s in page["items"])
    assert pages == newest_first


async def test_list_shows_only_the_callers_sessions(
    client: Client, users: UserFactory, user: SignedInUser
) -> None:
    mine = await create_session(client, user)
    await create_session(client, await users.create())
    body = await (await client.get("/sessions", headers=user.headers)).get_json()
    assert [s["id"] for s in body["items"]] == [mine["id"]]
    assert body["total"] == 1


async def test_list_filters_by_status(client: Client, user: SignedInUser) -> None:
    active, done, dropped = [await create_session(client, user) for _ in range(3)]
    await client.patch(
        f"/sessions/{done['id']}", headers=user.headers, json={"status": "completed"}
    )
    await client.patch(
        f"/sessions/{dropped['id']}", headers=user.headers, json={"status": "abandoned"}
    )
    for status, expected in [
        ("active", [active]),
        ("completed", [done]),
        ("abandoned", [dropped]),
        ("", [dropped, done, active]),
    ]:
        body = await (
            await client.get(f"/sessions?status={status}", headers=user.headers)
        ).get_json()
        assert [s["id"] for s in body["items"]] == [s["id"] for s in expected], status
        assert body["total"] == len(expected)
        past_the_end = await (
            await client.get(f"/sessions?status={status}&offset=3", headers=user.headers)
        ).get_json()
        assert (past_the_end["items"], past_the_end["total"]) == ([], len(expected)), status


@pytest.mark.parametrize(
    "query",
    [
        "limit=0",
        "limit=101",
        "limit=-1",
        "limit=abc",
        "limit=1.5",
        "offset=-1",
        "offset=x",
        "offset=2147483648",  # past the documented maximum
        "offset=9055629330657301023948800",  # once a 500: it overflowed the database's integer
        "status=paused",
        "limit=1&limit=2",
        "page=2",
    ],
)
async def test_list_rejects_bad_query_strings(
    client: Client, user: SignedInUser, query: str
) -> None:
    response = await client.get(f"/sessions?{query}", headers=user.headers)
    body = await assert_problem(response, 422, "validation_failed")
    assert body["errors"][0]["loc"][0] == "query"


async def test_list_accepts_the_bounds(client: Client, user: SignedInUser) -> None:
    for query in ("limit=1", "limit=100", "offset=0", "offset=1000"):
        assert (await client.get(f"/sessions?{query}", headers=user.headers)).status_code == 200


@pytest.mark.parametrize("status", ["completed", "abandoned"])
async def test_patch_ends_a_session_once(client: Client, user: SignedInUser, status: str) -> None:
    session = await create_session(client, user)
    response = await client.patch(
        f"/sessions/{session['id']}", headers=user.headers, json={"status": status}
    )
    assert response.status_code == 200
    body = await response.get_json()
    assert body["status"] == status
    assert (body["completed_at"] is not None) == (status == "completed")
    again = await client.patch(
        f"/sessions/{session['id']}", headers=user.headers, json={"status": "abandoned"}
    )
    await assert_problem(again, 409, "session_not_active")


@pytest.mark.parametrize("payload", [{"status": "active"}, {"status": "bogus"}, {}, {"status": 1}])
async def test_patch_validates_the_status(
    client: Client, user: SignedInUser, payload: dict[str, Any]
) -> None:
    session = await create_session(client, user)
    response = await client.patch(f"/sessions/{session['id']}", headers=user.headers, json=payload)
    await assert_problem(response, 422, "validation_failed")


async def test_delete_removes_the_session_and_its_messages(
    client: Client, user: SignedInUser
) -> None:
    session = await create_session(client, user)
    stream = await client.post(
        f"/sessions/{session['id']}/messages", headers=user.headers, json={"content": "hello"}
    )
    await stream.get_data()
    assert await SolveMessage.filter(session_id=session["id"]).count() == 2
    response = await client.delete(f"/sessions/{session['id']}", headers=user.headers)
    assert response.status_code == 204
    await assert_problem(
        await client.get(f"/sessions/{session['id']}", headers=user.headers), 404, "not_found"
    )
    assert await SolveMessage.filter(session_id=session["id"]).count() == 0


async def test_messages_are_listed_oldest_first_with_paging(
    client: Client, user: SignedInUser
) -> None:
    session = await create_session(client, user)
    for text in ("first", "second", "third"):
        response = await client.post(
            f"/sessions/{session['id']}/messages", headers=user.headers, json={"content": text}
        )
        await response.get_data()
    url = f"/sessions/{session['id']}/messages"
    body = await (await client.get(url, headers=user.headers)).get_json()
    assert (body["total"], body["limit"], body["offset"]) == (6, 50, 0)
    items = body["items"]
    assert [m["role"] for m in items] == ["user", "coach"] * 3
    assert [m["content"] for m in items[::2]] == ["first", "second", "third"]
    assert [m["step"] for m in items] == ["receive"] * 2 + ["clarify"] * 2 + ["reframe"] * 2
    assert set(items[0]) == {"id", "role", "content", "step", "emotion", "status", "created_at"}
    assert all(m["status"] == "complete" for m in items)
    page = await (await client.get(f"{url}?limit=2&offset=2", headers=user.headers)).get_json()
    assert [m["id"] for m in page["items"]] == [m["id"] for m in items[2:4]]
    for query in ("limit=0", "limit=101", "offset=-1", "extra=1"):
        await assert_problem(
            await client.get(f"{url}?{query}", headers=user.headers), 422, "validation_failed"
        )
