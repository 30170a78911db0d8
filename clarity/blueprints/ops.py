"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from quart import Blueprint
from quart_schema import tag_blueprint, validate_response

from clarity.db import ping
from clarity.errors import APIError
from clarity.extensions import app_state
from clarity.openapi import no_database
from clarity.ratelimits import redis_status
from clarity.schemas.ops import Health, Readiness, ReadinessChecks

blueprint = Blueprint("ops", __name__)
tag_blueprint(blueprint, ["operations"])


@blueprint.get("/health")
@validate_response(Health, 200)
@no_database
async def health() -> Health:
    """The process is up (no authentication, no database)."""
    return Health(status="ok")


@blueprint.get("/ready")
@validate_response(Readiness, 200)
async def ready() -> Readiness:
    """Each dependency's state. The database answers within 2 s, or 503 `service_unavailable`.

    Redis (the rate limiter's shared store, when configured) not answering is `degraded`, still
    200: sign-in and sign-up go on with limits in each process's memory, so a load balancer must
    not take the instance out.
    """
    database = app_state().database
    if database is None or not await ping(database):
        raise APIError(503, "service_unavailable", "The database is not answering.")
    redis = await redis_status()
    return Readiness(
        status="degraded" if redis == "unavailable" else "ok",
        checks=ReadinessChecks(database="ok", redis=redis),
    )
