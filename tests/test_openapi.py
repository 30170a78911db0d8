"""The OpenAPI document describes every route, the bearer scheme and every error status."""

from __future__ import annotations

import re
from typing import Any

from openapi_spec_validator import validate
from pydantic import TypeAdapter
from quart.typing import TestClientProtocol as Client

from clarity.openapi import Problem
from tests.helpers.support import assert_problem

PROBLEM = TypeAdapter(Problem)


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
        ("/auth/register", "post"): {201, 400, 408, 409, 413, 422, 500, 503},
        ("/auth/login", "post"): {200, 400, 401, 408, 413, 422, 500, 503},
        ("/auth/logout", "post"): {204, 401, 500, 503},
        ("/me", "get"): {200, 401, 500, 503},
        ("/me", "delete"): {204, 401, 500, 503},
        ("/health", "get"): {200, 500},
        ("/ready", "get"): {200, 500, 503},
        ("/sessions", "post"): {201, 400, 401, 408, 409, 413, 422, 429, 500, 503},
        ("/sessions", "get"): {200, 401, 422, 500, 503},
        ("/sessions/{session_id}", "get"): {200, 401, 404, 500, 503},
        ("/sessions/{session_id}", "patch"): {200, 400, 401, 404, 408, 409, 413, 422, 500, 503},
        ("/sessions/{session_id}", "delete"): {204, 401, 404, 500, 503},
        ("/sessions/{session_id}/messages", "get"): {200, 401, 404, 422, 500, 503},
        ("/sessions/{session_id}/messages", "post"): {
            200,
            400,
            401,
            404,
            408,
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


# The codes of API-CONTRACT.md's error table, and the extra ones in the README's contract notes.
CONTRACT_CODES = {
    400: {"malformed_request"},
    401: {"unauthorized", "invalid_credentials"},
    404: {"not_found"},
    405: {"method_not_allowed"},
    408: {"request_timeout"},
    409: {
        "email_taken",
        "session_not_active",
        "reply_in_progress",
        "step_mismatch",
        "idempotency_in_progress",
    },
    413: {"payload_too_large"},
    422: {"validation_failed", "idempotency_key_reused"},
    429: {"quota_exceeded", "rate_limited"},
    500: {"internal_error"},
    503: {"service_unavailable"},
}


async def test_the_message_content_example_is_a_sentence_not_noise(client: Client) -> None:
    document = await _document(client)
    body = document["paths"]["/sessions/{session_id}/messages"]["post"]["requestBody"]
    schema = body["content"]["application/json"]["schema"]
    if "$ref" in schema:
        schema = document["components"]["schemas"][schema["$ref"].rsplit("/", 1)[-1]]
    content = schema["properties"]["content"]
    assert content["examples"] == ["I keep putting off a hard conversation with my sister."]


def _example_codes(document: dict[str, Any], path: str, method: str, status: int) -> set[str]:
    media = document["paths"][path][method]["responses"][str(status)]["content"]
    return {
        example["value"]["code"]
        for example in media["application/problem+json"]["examples"].values()
    }


async def test_every_error_response_shows_a_problem_with_the_contracts_code(
    client: Client,
) -> None:
    document = await _document(client)
    checked = 0
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            for status, response in operation["responses"].items():
                if int(status) < 400:
                    continue
                examples = response["content"]["application/problem+json"]["examples"]
                assert examples, (path, method, status)
                for example in examples.values():
                    value = example["value"]
                    assert value["status"] == int(status), (path, method, status)
                    assert value["code"] in CONTRACT_CODES[int(status)], (path, method, value)
                    problem = PROBLEM.validate_python(value)  # the documented shape
                    assert problem.type == "about:blank"
                    assert problem.detail
                    if problem.code == "validation_failed":
                        assert problem.errors
                    if int(status) in {500, 503}:
                        assert value["request_id"]
                    checked += 1
    assert checked > 50
    # The route's own codes, where the contract gives it some.
    assert _example_codes(document, "/auth/register", "post", 409) == {"email_taken"}
    assert _example_codes(document, "/auth/login", "post", 401) == {"invalid_credentials"}
    assert _example_codes(document, "/me", "get", 401) == {"unauthorized"}
    assert _example_codes(document, "/sessions", "post", 429) == {"quota_exceeded"}
    assert _example_codes(document, "/auth/login", "post", 429) == {"rate_limited"}
    assert _example_codes(document, "/auth/register", "post", 429) == {"rate_limited"}
    assert _example_codes(document, "/sessions/{session_id}/messages", "post", 409) == {
        "session_not_active",
        "reply_in_progress",
        "step_mismatch",
        "idempotency_in_progress",
    }
    assert _example_codes(document, "/sessions/{session_id}", "patch", 409) == {
        "session_not_active"
    }
