"""``GET /metrics`` for Prometheus, and the request hooks that feed the request metrics.

The route exists only when a metrics token is configured, and then answers only a request that
carries it (``Authorization: Bearer <token>``, compared in constant time): off the public API by
default, a 404 like any unknown route. It is kept out of the OpenAPI document.
"""

from __future__ import annotations

import asyncio
import hmac
import time
from contextlib import suppress

from quart import Blueprint, Quart, Response, current_app, g, request
from quart_schema import hide

from clarity import metrics
from clarity.errors import APIError
from clarity.extensions import AppState, app_state
from clarity.openapi import AUTH_REQUIRED_ATTRIBUTE

TOKEN_EXTENSION = "clarity.metrics_token"
# How often each worker writes its pool usage for the others' scrapes (multiprocess mode only;
# a single process reads its pool when scraped).
POOL_SAMPLE_SECONDS = 1.0

blueprint = Blueprint("metrics", __name__)


@blueprint.get("/metrics")
@hide
async def scrape() -> Response:
    """Prometheus text exposition (every worker's figures)."""
    _check_token()
    body, content_type = metrics.render(refresh=_sample_pool)
    return Response(body, status=200, content_type=content_type)


# Audited like the authenticated routes (tests/test_routes_audit.py): it refuses a request
# without its token with 401 `unauthorized`. Its token is not a user's, hence no auth_required.
setattr(scrape, AUTH_REQUIRED_ATTRIBUTE, True)


def _check_token() -> None:
    expected = current_app.extensions[TOKEN_EXTENSION].encode()
    scheme, _, given = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), expected):
        raise APIError(
            401,
            "unauthorized",
            "The metrics token is missing or wrong.",
            headers={"WWW-Authenticate": "Bearer"},
        )


def init_metrics(app: Quart, state: AppState) -> None:
    """Time and count every request (on the clock ``clarity.logs.log_requests`` starts); serve
    ``/metrics`` when a token is configured."""
    token = metrics.access_token(state.settings)
    if token is not None:
        app.extensions[TOKEN_EXTENSION] = token
        app.register_blueprint(blueprint)

    @app.after_request
    async def count_request(response: Response) -> Response:
        started = g.get("request_started")  # the request's clock, started by log_requests
        seconds = time.perf_counter() - started if started is not None else None
        rule = request.url_rule
        metrics.request_answered(
            rule.rule if rule is not None else None, request.method, response.status_code, seconds
        )
        return response

    if metrics.multiprocess():
        sampler: list[asyncio.Task[None]] = []

        @app.before_serving
        async def start_sampling() -> None:
            sampler.append(asyncio.create_task(_sample_pool_forever(state)))

        @app.after_serving
        async def stop_sampling() -> None:
            for task in sampler:
                task.cancel()
                with suppress(asyncio.CancelledError):
                    await task


def _sample_pool(state: AppState | None = None) -> None:
    database = (state or app_state()).database
    if database is None:
        metrics.pool_in_use(0)
        return
    with suppress(Exception):  # not connected yet: leave the last figure
        metrics.pool_in_use(metrics.connections_in_use(database.db()))


async def _sample_pool_forever(state: AppState) -> None:
    while True:
        _sample_pool(state)
        await asyncio.sleep(POOL_SAMPLE_SECONDS)
