"""The app's routes, for tests that walk all of them."""

from __future__ import annotations

import re

from quart import Quart

# Endpoints anyone may call. Adding one here is a security decision: say why in review.
PUBLIC_ENDPOINTS = {
    "openapi",  # the API description
    "docs.docs_page",  # the page that renders it
    "docs.docs_asset",  # and its scripts and styles
    "ops.health",
    "ops.ready",
    "auth.register",
    "auth.login",
}


def all_routes(app: Quart) -> list[tuple[str, str, str]]:
    """(endpoint, method, path) for every route; path parameters become `{id}`."""
    routes = []
    for rule in app.url_map.iter_rules():
        for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
            path = re.sub(r"<(?:[^:>]*:)?([^>]+)>", "{id}", rule.rule)
            routes.append((rule.endpoint, method, path))
    return routes
