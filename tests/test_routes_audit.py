"""Every route is either authenticated or on an explicit public allow-list."""

from __future__ import annotations

import uuid

from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.openapi import AUTH_REQUIRED_ATTRIBUTE
from tests.helpers.routes import PUBLIC_ENDPOINTS, all_routes
from tests.helpers.support import assert_problem


def _routes(app: Quart) -> list[tuple[str, str, str]]:
    return [
        (endpoint, method, path.replace("{id}", str(uuid.uuid4())))
        for endpoint, method, path in all_routes(app)
    ]


def test_every_route_is_authenticated_or_explicitly_public(app: Quart) -> None:
    unaudited = [
        f"{method} {endpoint}"
        for endpoint, method, _ in _routes(app)
        if endpoint not in PUBLIC_ENDPOINTS
        and not getattr(app.view_functions[endpoint], AUTH_REQUIRED_ATTRIBUTE, False)
    ]
    assert unaudited == [], "add auth_required, or list the endpoint in PUBLIC_ENDPOINTS"


def test_the_public_list_names_only_existing_endpoints(app: Quart) -> None:
    assert set(app.view_functions) >= PUBLIC_ENDPOINTS


async def test_every_protected_route_refuses_a_request_without_a_token(
    app: Quart, client: Client
) -> None:
    protected = [r for r in _routes(app) if r[0] not in PUBLIC_ENDPOINTS]
    assert protected, "expected some protected routes"
    for _, method, path in protected:
        response = await client.open(path, method=method, json={})
        await assert_problem(response, 401, "unauthorized")
