"""Answering with a response schema, written by pydantic-core straight to bytes.

quart-schema's ``validate_response`` validates what a handler returns (a second time: the schemas
are pydantic dataclasses, validated when they are built), turns it into dicts with
``model_dump``, and Quart's JSON provider then runs ``json.dumps`` on those: about a tenth of the
CPU of a ``GET /sessions``. The routes that run most declare their schema with
``document_response`` (the same OpenAPI entry) and return ``schema_response(value)``: the value
is built, and so validated, as its schema, and its schema's TypeAdapter writes the JSON in one
call (the same JSON; ``tests/test_fuzz.py`` runs schemathesis with every check, which holds each
response to its documented schema).
"""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter
from quart import Response

_ADAPTERS: dict[type, TypeAdapter[Any]] = {}


def _adapter(schema: type) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(schema)
    if adapter is None:
        adapter = _ADAPTERS[schema] = TypeAdapter(schema)
    return adapter


def schema_response(
    value: Any, status: int = 200, headers: dict[str, str] | None = None
) -> Response:
    """``value`` (an instance of a response schema) as a JSON response."""
    return Response(
        _adapter(type(value)).dump_json(value),
        status=status,
        headers=headers,
        content_type="application/json",
    )
