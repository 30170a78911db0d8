"""OpenAPI: every route documents its errors (as problem+json) and the stream as text/event-stream.

quart-schema hard-wires ``application/json`` for every response; this provider lets a model name
its own media type (``__media_type__``) and adds the error statuses each route can answer:
500 everywhere, 503 wherever the database is used, 401 on authenticated routes, 400/413/422 where
a body or query string is parsed, plus the route's own (``@errors(404, 409)``).
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
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


def errors(*statuses: int) -> Callable[[F], F]:
    """Document the route-specific error statuses (the common ones are added automatically)."""

    def decorator(func: F) -> F:
        for status in statuses:
            func = document_response(Problem, status)(func)
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
            common += [400, 413, 422]
        if getattr(func, QUART_SCHEMA_QUERYSTRING_ATTRIBUTE, None) is not None:
            common.append(422)
        problem_object, problem_components = self.build_response_object(Problem, None)
        components.update(problem_components)
        for operations in paths.values():
            for operation in operations.values():
                if "requestBody" in operation:
                    body = dict(operation["requestBody"])
                    body["required"] = not getattr(func, OPTIONAL_BODY_ATTRIBUTE, False)
                    operation["requestBody"] = body
                if getattr(func, NO_CONTENT_ATTRIBUTE, False):
                    operation["responses"][204] = {"description": "Done; no body."}
                for status in common:
                    operation["responses"].setdefault(status, problem_object)
        return paths, components
