"""One way to fail: every error leaves as RFC 9457 ``application/problem+json`` with a stable code.

Handlers and services raise ``APIError``; ``register_error_handlers`` turns that, validation
errors, the framework's HTTP errors and anything unexpected into the same shape. Exception text
never reaches a client: a 500 carries the request id that the log line carries too.
"""

from __future__ import annotations

import json
import logging
import re
import uuid
from http import HTTPStatus
from typing import Any

from pydantic import ValidationError
from quart import Quart, Response, g, has_request_context, request
from quart_schema import RequestSchemaValidationError
from quart_schema.validation import QuerystringValidationError
from tortoise.exceptions import DBConnectionError
from werkzeug.exceptions import HTTPException

log = logging.getLogger(__name__)

PROBLEM_JSON = "application/problem+json"
REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")

# The code a client switches on, for errors the framework raises itself.
_CODE_BY_STATUS = {
    400: "malformed_request",
    401: "unauthorized",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_failed",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}

_DETAIL_BY_STATUS = {
    400: "The request body is not valid UTF-8 JSON.",
    401: "A valid bearer token is required.",
    404: "Not found.",
    405: "This method is not allowed here.",
    408: "The request body took too long to arrive.",
    413: "The request body is too large.",
    429: "Too many requests; retry later.",
    500: "Something went wrong on our side. Quote the request id if you report it.",
    503: "The service is temporarily unavailable; retry later.",
}


class APIError(Exception):
    """An error a client is meant to see: status, stable code, human detail."""

    def __init__(
        self,
        status: int,
        code: str,
        detail: str,
        *,
        headers: dict[str, str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra or {}


def not_found(what: str = "Resource") -> APIError:
    return APIError(404, "not_found", f"{what} not found")


def request_id() -> str:
    """This request's id: the client's X-Request-ID when it is sane, else a new one."""
    if not has_request_context():
        return uuid.uuid4().hex
    rid: str | None = g.get("request_id")
    if rid is None:
        supplied = request.headers.get(REQUEST_ID_HEADER, "")
        rid = supplied if _CLIENT_REQUEST_ID.match(supplied) else uuid.uuid4().hex
        g.request_id = rid
    return rid


def problem(
    status: int,
    code: str,
    detail: str,
    *,
    headers: dict[str, str] | None = None,
    extra: dict[str, Any] | None = None,
) -> Response:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _title(status),
        "status": status,
        "detail": detail,
        "code": code,
    }
    if extra:
        body.update(extra)
    headers = dict(headers or {})
    if status == 401:
        # RFC 9110: a 401 names the scheme the client should use.
        headers.setdefault("WWW-Authenticate", "Bearer")
    return Response(_json_dumps(body), status=status, content_type=PROBLEM_JSON, headers=headers)


def is_database_unavailable(error: BaseException) -> bool:
    """True for errors that mean "the database cannot be reached", which answer 503."""
    if isinstance(error, DBConnectionError | ConnectionError | TimeoutError):
        return True
    try:
        import asyncpg
    except ImportError:  # pragma: no cover - asyncpg is a dependency
        return False
    return isinstance(
        error,
        asyncpg.PostgresConnectionError
        | asyncpg.CannotConnectNowError
        | asyncpg.InterfaceError
        | asyncpg.exceptions.AdminShutdownError
        # "too many connections" (the server's max_connections, or a role's or database's limit)
        | asyncpg.exceptions.InsufficientResourcesError,
    )


def register_error_handlers(app: Quart) -> None:
    @app.errorhandler(APIError)
    async def handle_api_error(error: APIError) -> Response:
        return problem(
            error.status, error.code, error.detail, headers=error.headers, extra=error.extra
        )

    @app.errorhandler(RequestSchemaValidationError)
    async def handle_validation_error(error: RequestSchemaValidationError) -> Response:
        where = "query" if isinstance(error, QuerystringValidationError) else "body"
        return problem(
            422,
            "validation_failed",
            "The request does not match the schema.",
            extra={"errors": _validation_errors(error.validation_error, where)},
        )

    @app.errorhandler(HTTPException)
    async def handle_http_exception(error: HTTPException) -> Response:
        status = error.code or 500
        headers = {
            name: value
            for name, value in error.get_headers()
            if name.lower() not in {"content-type", "content-length"}
        }
        retry_after = getattr(error, "retry_after", None)
        if status == 429 and retry_after is not None:
            headers["Retry-After"] = str(retry_after)
        code = _CODE_BY_STATUS.get(status) or _snake(_title(status))
        return problem(status, code, _DETAIL_BY_STATUS.get(status, _title(status)), headers=headers)

    @app.errorhandler(Exception)
    async def handle_unexpected(error: Exception) -> Response:
        rid = request_id()
        if is_database_unavailable(error):
            log.warning("database unavailable (request %s): %r", rid, error)
            return problem(
                503,
                "service_unavailable",
                _DETAIL_BY_STATUS[503],
                headers={"Retry-After": "1"},
                extra={"request_id": rid},
            )
        log.exception("unhandled error (request %s)", rid)
        return problem(500, "internal_error", _DETAIL_BY_STATUS[500], extra={"request_id": rid})


def _validation_errors(error: Exception, where: str) -> list[dict[str, Any]]:
    if isinstance(error, ValidationError):
        return [
            {"loc": [where, *item["loc"]], "msg": item["msg"]}
            for item in error.errors(include_url=False, include_input=False, include_context=False)
        ]
    # quart-schema wraps non-pydantic failures (e.g. a body that is not an object) as TypeError.
    return [{"loc": [where], "msg": "Input should be a JSON object with the documented fields"}]


def _title(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_")


def _json_dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False, default=str)
