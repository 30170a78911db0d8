"""Liveness and readiness, for load balancers and orchestrators."""

from __future__ import annotations

from quart import Blueprint
from quart_schema import tag_blueprint, validate_response

from clarity.db import ping
from clarity.errors import APIError
from clarity.extensions import app_state
from clarity.openapi import no_database
from clarity.schemas.ops import Health

blueprint = Blueprint("ops", __name__)
tag_blueprint(blueprint, ["operations"])


@blueprint.get("/health")
@validate_response(Health, 200)
@no_database
async def health() -> Health:
    """The process is up (no authentication, no database)."""
    return Health(status="ok")


@blueprint.get("/ready")
@validate_response(Health, 200)
async def ready() -> Health:
    """The database answers within 2 s; 503 `service_unavailable` otherwise."""
    database = app_state().database
    if database is None or not await ping(database):
        raise APIError(503, "service_unavailable", "The database is not answering.")
    return Health(status="ok")
