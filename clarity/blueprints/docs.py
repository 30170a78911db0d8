"""The API docs page, with Swagger UI served by the app itself (no CDN: works offline).

The assets come from the ``openapi-ui-bundles`` package (Swagger UI 5, which renders OpenAPI 3.1).
"""

from __future__ import annotations

from openapi_ui_bundles import swagger_ui
from quart import Blueprint, Response, send_from_directory, url_for
from quart_schema import hide

from clarity.errors import not_found

blueprint = Blueprint("docs", __name__)

ASSETS = {"swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "favicon-16x16.png"}

PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title}</title>
  <link rel="stylesheet" href="{css}">
  <link rel="icon" type="image/png" href="{icon}">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{js}"></script>
  <script>
    window.ui = SwaggerUIBundle({{
      url: "{spec}",
      dom_id: "#swagger-ui",
      deepLinking: true,
      presets: [SwaggerUIBundle.presets.apis],
      layout: "BaseLayout",
    }});
  </script>
</body>
</html>
"""


@blueprint.get("/docs")
@hide
async def docs_page() -> Response:
    """Swagger UI for /openapi.json."""
    page = PAGE.format(
        title="Clarity API",
        css=url_for("docs.docs_asset", name="swagger-ui.css"),
        icon=url_for("docs.docs_asset", name="favicon-32x32.png"),
        js=url_for("docs.docs_asset", name="swagger-ui-bundle.js"),
        spec=url_for("openapi"),
    )
    return Response(page, content_type="text/html; charset=utf-8")


@blueprint.get("/docs/assets/<name>")
@hide
async def docs_asset(name: str) -> Response:
    """One of Swagger UI's files."""
    if name not in ASSETS:
        raise not_found("Asset")
    response = await send_from_directory(swagger_ui.static_path, name)
    # Versioned by the installed package; safe to cache for a day.
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response
