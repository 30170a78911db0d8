"""The OpenAPI document describes every route, the bearer scheme and every error status."""

from __future__ import annotations

from typing import Any

from quart.typing import TestClientProtocol as Client


async def _document(client: Client) -> dict[str, Any]:
    response = await client.get("/openapi.json")
    assert response.status_code == 200
    document: dict[str, Any] = await response.get_json()
    return document


async def test_bearer_scheme_is_declared_and_used_by_protected_routes(client: Client) -> None:
    document = await _document(client)
    assert document["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "signed token",
    }
    assert document["paths"]["/me"]["get"]["security"] == [{"bearerAuth": []}]
    assert "security" not in document["paths"]["/auth/login"]["post"]


async def test_every_route_is_documented_with_its_errors_as_problem_json(client: Client) -> None:
    document = await _document(client)
    expected = {
        ("/auth/register", "post"): {201, 400, 409, 413, 422, 500, 503},
        ("/auth/login", "post"): {200, 400, 401, 413, 422, 500, 503},
        ("/auth/logout", "post"): {204, 401, 500, 503},
        ("/me", "get"): {200, 401, 500, 503},
        ("/me", "delete"): {204, 401, 500, 503},
        ("/health", "get"): {200, 500},
        ("/ready", "get"): {200, 500, 503},
    }
    for (path, method), statuses in expected.items():
        responses = document["paths"][path][method]["responses"]
        assert {int(status) for status in responses} >= statuses, (path, method)
        for status, response in responses.items():
            if int(status) >= 400:
                assert list(response["content"]) == ["application/problem+json"], (path, status)


async def test_docs_page_renders_the_document(client: Client) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "text/html" in response.headers["Content-Type"]
    assert "/openapi.json" in (await response.get_data(as_text=True))
