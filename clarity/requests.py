"""The request class: JSON bodies are parsed strictly, whatever the Content-Type says.

Quart returns ``None`` for a body without a JSON Content-Type and decodes invalid UTF-8 with
replacement characters. Mobile clients get both wrong often enough that silently treating their
body as absent (or altered) would be worse than a clear 400 ``malformed_request``.

The parser is orjson, not Python's ``json``: ``json`` accepts ``NaN``/``Infinity`` and numbers
that overflow to infinity, recurses (a few KB nested a thousand deep raise RecursionError: a 500
on every JSON route) and lets lone surrogate escapes (``"\\ud800"``, what a JS client sends when it
cuts a string mid-emoji) through, which no database can store and ``str.encode`` refuses. orjson
refuses all four (RFC 8259 plus a nesting limit of 1,024), so each is a 400 here and ``silent=True``
answers ``None`` instead of raising.
"""

from __future__ import annotations

from typing import Any

import orjson
from quart import Request

from clarity.errors import APIError


class ClarityRequest(Request):
    async def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        if cache and self._cached_json[silent] is not Ellipsis:
            return self._cached_json[silent]
        raw = await self.get_data(cache=cache, as_text=False)
        try:
            result = orjson.loads(raw)
        except orjson.JSONDecodeError as error:
            if not silent:
                raise malformed_body(error) from None
            result = None
        if cache:
            self._cached_json[silent] = result
        return result

    async def body_is_empty(self) -> bool:
        return not (await self.get_data(cache=True, as_text=False)).strip()


def malformed_body(error: orjson.JSONDecodeError) -> APIError:
    """400 ``malformed_request`` saying what is wrong and where (never quoting the body).

    orjson's messages are fixed phrases ("number is infinity when parsed as double", "no low
    surrogate in string", "depth limit exceeded") with a position, so they are safe to return.
    """
    return APIError(
        400,
        "malformed_request",
        f"The request body is not valid UTF-8 JSON: {error.msg} at character {error.pos}.",
    )
