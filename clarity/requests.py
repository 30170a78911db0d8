"""The request class: JSON bodies are parsed strictly, whatever the Content-Type says.

Quart returns ``None`` for a body without a JSON Content-Type and decodes invalid UTF-8 with
replacement characters. Mobile clients get both wrong often enough that silently treating their
body as absent (or altered) would be worse than a clear 400 ``malformed_request``.
"""

from __future__ import annotations

import json
from typing import Any

from quart import Request
from werkzeug.exceptions import BadRequest


class ClarityRequest(Request):
    async def get_json(self, force: bool = False, silent: bool = False, cache: bool = True) -> Any:
        if cache and self._cached_json[silent] is not Ellipsis:
            return self._cached_json[silent]
        raw = await self.get_data(cache=cache, as_text=False)
        try:
            result = json.loads(raw if isinstance(raw, str) else raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            if not silent:
                raise BadRequest() from None
            result = None
        if cache:
            self._cached_json[silent] = result
        return result

    async def body_is_empty(self) -> bool:
        return not (await self.get_data(cache=True, as_text=False)).strip()
