"""One error shape: every failure the app can produce is problem+json with the contract's code."""

from __future__ import annotations

import uuid
from typing import Any

import pytest
from quart.testing.app import LifespanError
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from tests.helpers import databases
from tests.helpers.support import UserFactory, assert_problem

JSON = {"Content-Type": "application/json"}

BAD_REQUESTS: list[tuple[str, str, dict[str, Any], int, str]] = [
    # (method, path, request kwargs, status, code)
    ("POST", "/auth/register", {"data": b"{not json", "headers": JSON}, 400, "malformed_request"),
    ("POST", "/auth/register", {"data": b"", "headers": JSON}, 400, "malformed_request"),
    ("POST", "/auth/register", {"data": b"\xff\xfe{}", "headers": JSON}, 400, "malformed_request"),
    (
        "POST",
        "/auth/register",
        {"data": b'{"email": "a@example.com"}', "headers": {"Content-Type": "text/plain"}},
        422,
        "validation_failed",
    ),
    ("POST", "/auth/register", {"json": []}, 422, "validation_failed"),
    ("POST", "/auth/register", {"json": "a string"}, 422, "validation_failed"),
    ("POST", "/auth/register", {"json": {"email": "a@example.com"}}, 422, "validation_failed"),
    ("POST", "/auth/login", {"json": {"email": "a@example.com"}}, 422, "validation_failed"),
    (
        "POST",
        "/auth/login",
        {"json": {"email": "a\u0000@example.com", "password": "long enough"}},
        422,
        "validation_failed",
    ),
    ("GET", "/no/such/route", {}, 404, "not_found"),
    ("GET", "/auth/register", {}, 405, "method_not_allowed"),
    ("PUT", "/me", {}, 405, "method_not_allowed"),
    ("GET", "/me", {}, 401, "unauthorized"),
    ("DELETE", "/me", {}, 401, "unauthorized"),
    ("POST", "/auth/logout", {}, 401, "unauthorized"),
    (
        "POST",
        "/auth/register",
        {"data": b'{"email": "' + b"a" * 70_000 + b'"}', "headers": JSON},
        413,
        "payload_too_large",
    ),
]


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "status", "code"),
    BAD_REQUESTS,
    ids=[f"{m} {p} -> {s} {c}" for m, p, _, s, c in BAD_REQUESTS],
)
async def test_bad_requests_get_problem_json(
    client: Client,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    status: int,
    code: str,
) -> None:
    response = await client.open(path, method=method, **kwargs)
    await assert_problem(response, status, code)


async def test_405_carries_an_allow_header(client: Client) -> None:
    response = await client.put("/me")
    await assert_problem(response, 405, "method_not_allowed")
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"GET", "DELETE"}


async def test_validation_errors_list_each_field(client: Client) -> None:
    response = await client.post("/auth/register", json={"email": "nope", "password": "x"})
    body = await assert_problem(response, 422, "validation_failed")
    locs = {tuple(issue["loc"]) for issue in body["errors"]}
    assert locs == {("body", "email"), ("body", "password")}
    assert all(isinstance(issue["msg"], str) and issue["msg"] for issue in body["errors"])


async def test_validation_errors_do_not_echo_the_input(client: Client) -> None:
    response = await client.post(
        "/auth/register", json={"email": "a@example.com", "password": "tiny"}
    )
    body = await assert_problem(response, 422, "validation_failed")
    assert "tiny" not in str(body)


async def test_unexpected_errors_are_500_with_a_request_id_and_no_exception_text(
    settings_overrides: dict[str, Any],
) -> None:
    app = create_app(settings_overrides)

    @app.get("/boom")
    async def boom() -> str:
        raise RuntimeError("secret internal detail: SELECT * FROM users")

    async with app.test_app():
        response = await app.test_client().get("/boom", headers={"X-Request-ID": "req-123"})
        body = await assert_problem(response, 500, "internal_error")
    assert body["request_id"] == "req-123"
    assert response.headers["X-Request-ID"] == "req-123"
    text = str(body)
    assert "secret internal detail" not in text
    assert "RuntimeError" not in text
    assert "Traceback" not in text


async def test_every_response_has_a_request_id_and_security_headers(
    client: Client, users: UserFactory
) -> None:
    user = await users.create()
    for response in (
        await client.get("/me", headers=user.headers),
        await client.get("/me"),
        await client.get("/health"),
    ):
        assert len(response.headers["X-Request-ID"]) >= 16
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Cache-Control"] == "no-store"


async def test_a_client_request_id_that_is_not_sane_is_replaced(client: Client) -> None:
    response = await client.get("/health", headers={"X-Request-ID": "bad id\u00e9" * 10})
    assert response.headers["X-Request-ID"] != "bad id\u00e9" * 10


@pytest.mark.skipif(not databases.ON_POSTGRES, reason="a server that goes away is PostgreSQL")
async def test_database_down_gives_503_json(settings_overrides: dict[str, Any]) -> None:
    unreachable = "postgres://postgres@127.0.0.1:1/unreachable"
    broken = create_app({**settings_overrides, "database_url": unreachable})
    async with broken.test_app():
        token = broken.extensions["clarity"].auth.dump_token(str(uuid.uuid4()), app=broken)
        client = broken.test_client()
        assert (await client.get("/health")).status_code == 200
        await assert_problem(await client.get("/ready"), 503, "service_unavailable")
        for response in (
            await client.get("/me", headers={"Authorization": f"Bearer {token}"}),
            await client.post(
                "/auth/login", json={"email": "a@example.com", "password": "whatever1"}
            ),
        ):
            body = await assert_problem(response, 503, "service_unavailable")
            assert "Traceback" not in str(body)
            assert "request_id" in body


@pytest.mark.skipif(databases.ON_POSTGRES, reason="one database kind per test run")
async def test_an_sqlite_file_that_cannot_be_opened_stops_start_up_with_the_reason(
    settings_overrides: dict[str, Any],
) -> None:
    url = "sqlite:///nonexistent-dir-for-clarity-tests/clarity.db"
    app = create_app({**settings_overrides, "database_url": url})
    with pytest.raises(LifespanError, match="cannot open the SQLite database"):
        async with app.test_app():
            pass
