"""The application factory: ``hypercorn "clarity.app:create_app()"``."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from quart import Quart, Response

from clarity.blueprints import auth, docs, me, ops, sessions
from clarity.blueprints.metrics import init_metrics
from clarity.coach.factory import make_coach
from clarity.coach.openai_coach import OpenAICoach
from clarity.config import ConfigError, Settings
from clarity.db import close_database, open_database, pending_migrations, ping
from clarity.errors import REQUEST_ID_HEADER, register_error_handlers, request_id
from clarity.extensions import AppState, NoCookieSessions, make_auth, make_schema
from clarity.live import LiveReplies, RedisReplies
from clarity.logs import configure_logging, log_requests
from clarity.passwords import Passwords
from clarity.ratelimits import init_rate_limits
from clarity.requests import ClarityRequest
from clarity.safety import learned
from clarity.safety.moderation import HTTPModerator
from clarity.schemas.sessions import Resource
from clarity.services.replies import ReplyRuntime
from clarity.services.reply_locks import LeaseKeeper
from clarity.services.reply_stops import StopWatcher
from clarity.timeouts import SharedTimeout

SECONDS_PER_DAY = 24 * 60 * 60


def create_app(config_overrides: Mapping[str, Any] | None = None) -> Quart:
    """Build the app from ``CLARITY_*`` settings, with ``config_overrides`` (by field) on top."""
    settings = Settings.from_env().with_overrides(config_overrides)
    settings.check_production()
    secret_key = settings.effective_secret_key()
    configure_logging(settings)

    app = Quart("clarity", static_folder=None)
    app.request_class = ClarityRequest
    app.session_interface = NoCookieSessions()
    app.config.update(
        SECRET_KEY=secret_key,
        SECRET_KEY_FALLBACKS=list(settings.secret_key_fallbacks) or None,
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        BACKGROUND_TASK_SHUTDOWN_TIMEOUT=settings.reply_shutdown_grace_seconds,
        BODY_TIMEOUT=settings.body_timeout_seconds,
    )

    token_auth = make_auth(settings.token_ttl_days * SECONDS_PER_DAY)
    token_auth.init_app(app)
    make_schema().init_app(app)
    state = AppState(
        settings=settings,
        passwords=Passwords(fast=settings.password_hashing == "fast"),
        auth=token_auth,
        heartbeat=SharedTimeout(settings.stream_heartbeat_seconds),
        replies=ReplyRuntime(
            coach=make_coach(settings),
            leases=LeaseKeeper(settings.reply_lock_lease_seconds),
            stops=StopWatcher(),
            live=LiveReplies(),
            shared=(
                RedisReplies(settings.redis_url, settings.rate_limit_namespace)
                if settings.redis_url
                else None
            ),
            coach_idle=SharedTimeout(settings.coach_idle_timeout_seconds),
            crisis_resources=tuple(Resource(**r) for r in settings.effective_crisis_resources()),
            moderator=(
                HTTPModerator(
                    base_url=settings.moderation_base_url,
                    model=settings.moderation_model,
                    api_key=settings.moderation_api_key,
                )
                if settings.moderation_base_url
                else None
            ),
            moderation_deadline=settings.moderation_deadline_seconds,
        ),
    )
    app.extensions["clarity"] = state

    register_error_handlers(app)
    # Before the rate limiter: the request's clock (one, for the log line and the metrics)
    # starts before a request can be refused.
    log_requests(app)
    init_metrics(app, state)
    init_rate_limits(app, settings)
    for blueprint in (
        ops.blueprint,
        docs.blueprint,
        auth.blueprint,
        me.blueprint,
        sessions.blueprint,
    ):
        app.register_blueprint(blueprint)

    @app.before_serving
    async def connect() -> None:
        # The crisis detector's learned layer: its weights (a few hundred KB of JSON, about 30 ms)
        # are parsed now, not on the event loop while the first user's message waits.
        learned.model()
        state.database = await open_database(settings)
        # A database that answers but was never migrated would answer every request with a 500:
        # refuse to start, saying what to run. (One that does not answer yet is /ready's 503.)
        if await ping(state.database) and (pending := await pending_migrations(state.database)):
            await close_database(state.database)
            raise ConfigError(
                f"the database has {len(pending)} migration(s) not applied: run `clarity "
                "migrate` (or `make migrate`) first"
            )

    @app.after_serving
    async def disconnect() -> None:
        # After the replies still running (Quart waits for them first).
        await state.replies.leases.stop()
        await state.replies.stops.stop()
        state.replies.coach_idle.close()
        state.heartbeat.close()
        if state.replies.shared is not None:
            await state.replies.shared.close()
        if isinstance(state.replies.moderator, HTTPModerator):
            await state.replies.moderator.aclose()
        if isinstance(state.replies.coach, OpenAICoach):
            # Its connection pool, closed on this loop: left to the garbage collector, the SDK
            # closes it in a task on whatever loop runs then, which fails if this one is gone.
            await state.replies.coach.aclose()
        if state.database is not None:
            await close_database(state.database)
            state.database = None

    @app.after_request
    async def common_headers(response: Response) -> Response:
        response.headers[REQUEST_ID_HEADER] = request_id()
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        if "Cache-Control" not in response.headers:
            response.headers["Cache-Control"] = "no-store"
        return response

    return app
