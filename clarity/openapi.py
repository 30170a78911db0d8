"""OpenAPI: every route documents its errors (as problem+json) and the stream as text/event-stream.

quart-schema hard-wires ``application/json`` for every response; this provider lets a model name
its own media type (``__media_type__``) and adds the error statuses each route can answer:
500 everywhere, 503 wherever the database is used, 401 on authenticated routes, 400/408/413/422
where a body is read, 422 where a query string is parsed, plus the route's own
(``@errors(404, 409)``). Each error status shows an example problem from ``PROBLEM_EXAMPLES`` with
the contract's code for it, or the route's own codes (``@errors(409, codes=("email_taken",))``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from http import HTTPStatus
from typing import Any, TypeVar

from pydantic import TypeAdapter
from pydantic.dataclasses import dataclass
from quart_schema import OpenAPIProvider, document_response
from quart_schema.validation import (
    QUART_SCHEMA_QUERYSTRING_ATTRIBUTE,
    QUART_SCHEMA_REQUEST_ATTRIBUTE,
)
from werkzeug.routing.rules import Rule

F = TypeVar("F", bound=Callable[..., Any])

AUTH_REQUIRED_ATTRIBUTE = "_clarity_auth_required"
NO_DATABASE_ATTRIBUTE = "_clarity_no_database"
NO_CONTENT_ATTRIBUTE = "_clarity_no_content"
OPTIONAL_BODY_ATTRIBUTE = "_clarity_optional_body"
ERROR_CODES_ATTRIBUTE = "_clarity_error_codes"
BEARER_SCHEME = "bearerAuth"
REF_TEMPLATE = "#/components/schemas/{model}"


@dataclass
class ValidationIssue:
    loc: list[str | int]
    msg: str


@dataclass
class Problem:
    """An error (RFC 9457). Switch on `code`."""

    __media_type__ = "application/problem+json"

    type: str
    title: str
    status: int
    detail: str
    code: str
    errors: list[ValidationIssue] | None = None
    request_id: str | None = None


# What /docs shows for each error status: the contract's codes (API-CONTRACT.md, and the extra
# codes in the README's contract notes) with a typical detail. The first code of a status is its
# example unless the route names its own with `@errors(..., codes=...)`.
PROBLEM_EXAMPLES: dict[int, dict[str, str]] = {
    400: {"malformed_request": "The request body is not valid UTF-8 JSON."},
    401: {
        "unauthorized": "A valid bearer token is required.",
        "invalid_credentials": "The email or password is not correct.",
    },
    404: {"not_found": "Session not found"},
    405: {"method_not_allowed": "This method is not allowed here."},
    408: {"request_timeout": "The request body took too long to arrive."},
    409: {
        "email_taken": "An account with this email already exists.",
        "session_not_active": "This session has already ended.",
        "reply_in_progress": "The coach is still replying to the previous message.",
        "step_mismatch": "The session is on the clarify step, not receive.",
        "idempotency_in_progress": "Retry with this Idempotency-Key.",
    },
    413: {"payload_too_large": "The request body is too large."},
    422: {
        "validation_failed": "The request does not match the schema.",
        "idempotency_key_reused": "This Idempotency-Key was used for a different request.",
    },
    429: {
        "rate_limited": "Too many requests; retry later.",
        "quota_exceeded": "The free plan allows 3 new sessions per day; more from 00:00 UTC.",
    },
    500: {
        "internal_error": "Something went wrong on our side. Quote the request id if you report it."
    },
    503: {"service_unavailable": "The service is temporarily unavailable; retry later."},
}
# Fields some problems add to the common five.
_PROBLEM_EXTRAS: dict[str, dict[str, Any]] = {
    "validation_failed": {
        "errors": [{"loc": ["body", "content"], "msg": "Field required"}],
    },
    "internal_error": {"request_id": "4f9c2a7e1b3d4c5e8f6a0b1c2d3e4f5a"},
    "service_unavailable": {"request_id": "4f9c2a7e1b3d4c5e8f6a0b1c2d3e4f5a"},
}
_STATUS_OF_CODE = {code: status for status, codes in PROBLEM_EXAMPLES.items() for code in codes}


def problem_examples(status: int, route_codes: Iterable[str] = ()) -> dict[str, Any]:
    """The `examples` of a problem+json response: the route's codes for this status, else the
    status's usual one."""
    codes = [code for code in route_codes if _STATUS_OF_CODE[code] == status]
    if not codes and status in PROBLEM_EXAMPLES:
        codes = [next(iter(PROBLEM_EXAMPLES[status]))]
    return {
        code: {
            "summary": f"{status} {code}",
            "value": {
                "type": "about:blank",
                "title": HTTPStatus(status).phrase,
                "status": status,
                "detail": PROBLEM_EXAMPLES[status][code],
                "code": code,
                **_PROBLEM_EXTRAS.get(code, {}),
            },
        }
        for code in codes
    }


def errors(*statuses: int, codes: Iterable[str] = ()) -> Callable[[F], F]:
    """Document the route-specific error statuses (the common ones are added automatically) and
    the codes the route answers them with, where they are not the status's usual one."""
    codes = tuple(codes)
    for code in codes:
        if code not in _STATUS_OF_CODE:
            raise ValueError(f"{code!r} is not in PROBLEM_EXAMPLES")

    def decorator(func: F) -> F:
        for status in statuses:
            func = document_response(Problem, status)(func)
        setattr(func, ERROR_CODES_ATTRIBUTE, codes)
        return func

    return decorator


def no_database(func: F) -> F:
    """Mark a route that never touches the database (it cannot answer 503)."""
    setattr(func, NO_DATABASE_ATTRIBUTE, True)
    return func


def optional_body(func: F) -> F:
    """Document the request body as optional (by default a documented body is required)."""
    setattr(func, OPTIONAL_BODY_ATTRIBUTE, True)
    return func


def no_content(func: F) -> F:
    """Document a 204 answer with no body."""
    setattr(func, NO_CONTENT_ATTRIBUTE, True)
    return func


class ClarityOpenAPIProvider(OpenAPIProvider):
    def build_response_object(
        self, model: type[Any], headers_model: type[Any] | None
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        events = getattr(model, "__sse_events__", None)
        if events is not None:
            return self._event_stream(model, events)
        response_object, definitions = super().build_response_object(model, headers_model)
        media_type = getattr(model, "__media_type__", "application/json")
        content = response_object["content"]
        if media_type != "application/json" and "application/json" in content:
            content[media_type] = content.pop("application/json")
        examples = getattr(model, "__examples__", None)
        if examples:
            content[media_type]["examples"] = examples
        return response_object, definitions

    def _event_stream(
        self, model: type[Any], events: dict[str, type[Any]]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """A `text/event-stream` response: its `schema` describes one event (OpenAPI < 3.2).

        Each event's `data` is a line of JSON, described with `contentMediaType` and
        `contentSchema`, so that tools such as schemathesis can check every event.
        """
        definitions: dict[str, Any] = {}
        variants = []
        for name, event_model in events.items():
            ref = REF_TEMPLATE.format(model=event_model.__name__)
            schema = TypeAdapter(event_model).json_schema(
                ref_template=REF_TEMPLATE, mode="serialization"
            )
            definitions.update(schema.pop("$defs", {}))
            definitions[event_model.__name__] = schema
            variants.append(
                {
                    "type": "object",
                    "properties": {
                        "event": {"const": name},
                        "id": {"type": "string", "pattern": model.__sse_id_pattern__},
                        "data": {
                            "type": "string",
                            "contentMediaType": "application/json",
                            "contentSchema": {"$ref": ref},
                        },
                    },
                    "required": ["event", "id", "data"],
                }
            )
        media: dict[str, Any] = {"schema": {"oneOf": variants}}
        if examples := getattr(model, "__examples__", None):
            media["examples"] = examples
        description = inspect.getdoc(model) or ""
        return {"description": description, "content": {model.__media_type__: media}}, definitions

    def build_paths(self, rule: Rule) -> tuple[dict[str, Any], dict[str, Any]]:
        paths, components = super().build_paths(rule)
        func = self._app.view_functions[rule.endpoint]
        common: list[int] = [500]
        if not getattr(func, NO_DATABASE_ATTRIBUTE, False):
            common.append(503)
        if getattr(func, AUTH_REQUIRED_ATTRIBUTE, False):
            common.append(401)
        if getattr(func, QUART_SCHEMA_REQUEST_ATTRIBUTE, None) is not None:
            common += [400, 408, 413, 422]
        if getattr(func, QUART_SCHEMA_QUERYSTRING_ATTRIBUTE, None) is not None:
            common.append(422)
        problem_object, problem_components = self.build_response_object(Problem, None)
        components.update(problem_components)
        route_codes: tuple[str, ...] = getattr(func, ERROR_CODES_ATTRIBUTE, ())
        for operations in paths.values():
            for operation in operations.values():
                if "requestBody" in operation:
                    body = dict(operation["requestBody"])
                    body["required"] = not getattr(func, OPTIONAL_BODY_ATTRIBUTE, False)
                    operation["requestBody"] = body
                if getattr(func, NO_CONTENT_ATTRIBUTE, False):
                    operation["responses"][204] = {"description": "Done; no body."}
                responses = operation["responses"]
                for status in common:
                    responses.setdefault(status, problem_object)
                for status, response in list(responses.items()):
                    if int(status) >= 400:
                        responses[status] = _with_examples(response, int(status), route_codes)
        return paths, components


def _with_examples(
    response: dict[str, Any], status: int, route_codes: tuple[str, ...]
) -> dict[str, Any]:
    """A copy of a problem+json response object (shared between statuses) with this status's
    examples."""
    content = {
        media_type: {**media, "examples": problem_examples(status, route_codes)}
        for media_type, media in response["content"].items()
    }
    return {**response, "content": content}
