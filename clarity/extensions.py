"""The app's extensions and shared state.

quart-auth and quart-schema keep per-app settings on the extension object itself (token lifetime,
the OpenAPI provider), so each app gets its own instances, created unbound here and bound with
``init_app`` in ``create_app``; a module-level instance would carry one app's settings into the
next (tests build many apps).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, cast

from quart import Quart, Response, current_app
from quart.sessions import SecureCookieSessionInterface, SessionMixin
from quart.wrappers import BaseRequestWebsocket
from quart_auth import QuartAuth
from quart_schema import QuartSchema
from quart_schema.openapi import HttpSecurityScheme, Info
from quart_schema.typing import PydanticDumpOptions
from werkzeug.wrappers import Response as WerkzeugResponse

from clarity.auth import CurrentUser
from clarity.openapi import BEARER_SCHEME, ClarityOpenAPIProvider

if TYPE_CHECKING:
    from tortoise.context import TortoiseContext

    from clarity.config import Settings
    from clarity.passwords import Passwords
    from clarity.services.replies import ReplyRuntime
    from clarity.timeouts import SharedTimeout

TOKEN_SALT = "clarity-bearer-token"


class NoCookieSessions(SecureCookieSessionInterface):
    """Clarity is a bearer-token API and keeps no cookie session, but Quart opens a signed one for
    every request by default (itsdangerous builds a serializer and test-encodes ``{}`` each time,
    1-2% of a request's CPU). Every request gets Quart's null session instead."""

    async def open_session(self, app: Quart, request: BaseRequestWebsocket) -> None:
        return None

    async def save_session(
        self, app: Quart, session: SessionMixin, response: Response | WerkzeugResponse | None
    ) -> None:
        return None


def make_auth(token_ttl_seconds: int) -> QuartAuth:
    return QuartAuth(
        mode="bearer", user_class=CurrentUser, salt=TOKEN_SALT, duration=token_ttl_seconds
    )


def make_schema() -> QuartSchema:
    return QuartSchema(
        info=Info(
            title="Clarity API",
            version="1",
            description=(
                "Guided solve sessions with a streaming coach. Errors are RFC 9457 "
                "problem+json with a stable `code`."
            ),
        ),
        security_schemes={
            BEARER_SCHEME: HttpSecurityScheme(scheme="bearer", bearer_format="signed token")
        },
        openapi_provider_class=ClarityOpenAPIProvider,
        redoc_ui_path=None,
        scalar_ui_path=None,
        # /docs is served by clarity.blueprints.docs, with assets from a package, not a CDN.
        swagger_ui_path=None,
        # ISO 8601 datetimes and UUID strings in every JSON body. `mode` is passed through to
        # pydantic's model_dump, though quart-schema's TypedDict does not list it.
        pydantic_dump_options=cast(PydanticDumpOptions, {"mode": "json"}),
    )


@dataclass
class AppState:
    """What request handlers share for the app's lifetime (``app.extensions["clarity"]``)."""

    settings: Settings
    passwords: Passwords
    auth: QuartAuth
    heartbeat: SharedTimeout  # the pings on every open stream
    # The coach, this process's running replies and what they share.
    replies: ReplyRuntime
    database: TortoiseContext | None = None


def app_state() -> AppState:
    state: AppState = current_app.extensions["clarity"]
    return state
