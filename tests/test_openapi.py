"""The OpenAPI document describes every route, the bearer scheme and every error status."""

from __future__ import annotations

import re
from typing import Any

from openapi_spec_validator import validate
from quart.typing import TestClientProtocol as Client

from tests.helpers.support import assert_problem


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
        ("/sessions", "post"): {201, 400, 401, 413, 422, 429, 500, 503},
        ("/sessions", "get"): {200, 401, 422, 500, 503},
        ("/sessions/{session_id}", "get"): {200, 401, 404, 500, 503},
        ("/sessions/{session_id}", "patch"): {200, 400, 401, 404, 409, 413, 422, 500, 503},
        ("/sessions/{session_id}", "delete"): {204, 401, 404, 500, 503},
        ("/sessions/{session_id}/messages", "get"): {200, 401, 404, 422, 500, 503},
        ("/sessions/{session_id}/messages", "post"): {
            200,
            400,
            401,
            404,
            409,
            413,
            422,
            429,
            500,
            503,
        },
    }
    for (path, method), statuses in expected.items():
        responses = document["paths"][path][method]["responses"]
        assert {int(status) for status in responses} >= statuses, (path, method)
        for status, response in responses.items():
            if int(status) >= 400:
                assert list(response["content"]) == ["application/problem+json"], (path, status)


async def test_the_document_is_valid_openapi(client: Client) -> None:
    validate(await _document(client))  # openapi-spec-validator: raises on any violation


async def test_the_docs_page_uses_only_assets_served_by_the_app(client: Client) -> None:
    response = await client.get("/docs")
    assert response.status_code == 200
    assert "text/html" in response.headers["Content-Type"]
    page = await response.get_data(as_text=True)
    assert '"/openapi.json"' in page
    sources = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert sources
    for source in sources:
        assert source.startswith("/docs/assets/"), source  # nothing from a CDN
        asset = await client.get(source)
        assert asset.status_code == 200, source
        assert await asset.get_data(), source
    await assert_problem(await client.get("/docs/assets/index.html"), 404, "not_found")


async def test_the_stream_is_documented_as_server_sent_events(client: Client) -> None:
    document = await _document(client)
    ok = document["paths"]["/sessions/{session_id}/messages"]["post"]["responses"]["200"]
    assert list(ok["content"]) == ["text/event-stream"]
    stream = ok["content"]["text/event-stream"]
    assert "event: done" in stream["examples"]["reply"]["value"]
    events = {
        variant["properties"]["event"]["const"]: variant["properties"]["data"]
        for variant in stream["schema"]["oneOf"]
    }
    assert set(events) == {"start", "token", "done", "interrupted"}
    assert events["done"] == {
        "type": "string",
        "contentMediaType": "application/json",
        "contentSchema": {"$ref": "#/components/schemas/DoneEvent"},
    }
    schemas = document["components"]["schemas"]
    assert {"StartEvent", "TokenEvent", "DoneEvent", "InterruptedEvent"} <= set(schemas)
    assert set(schemas["DoneEvent"]["properties"]) == {
        "message_id", "user_message_id", "next_step", "emotion_detected", "session_status",
        "safety",
    }  # fmt: skip
