"""Abuse limits on sign-up and sign-in (quart-rate-limiter's GCRA), per client and per account.

The client is the socket's peer address. Behind N trusted proxies (``CLARITY_TRUSTED_PROXY_COUNT``)
it is the N-th address from the right of ``X-Forwarded-For``: the one the outermost trusted proxy
saw, which a client cannot forge (quart-rate-limiter's default takes the leftmost entry, which it
can). State lives in Redis when ``CLARITY_REDIS_URL`` is set, so that every worker and host shares
it; otherwise in this process's memory (one store per app).
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

from quart import Quart, request
from quart_rate_limiter import RateLimiter, rate_limit
from quart_rate_limiter.redis_store import RedisStore
from quart_rate_limiter.store import MemoryStore, RateLimiterStoreABC

from clarity.config import Settings
from clarity.extensions import app_state

KeyFunction = Callable[[], Awaitable[str]]


class ConfiguredLimit:
    """A rate limit whose count is read from the running app's settings.

    quart-rate-limiter keeps limits on the (module-level) view function; reading the count at
    request time lets each app (and each test) have its own.
    """

    skip_function = None

    def __init__(self, setting: str, period: timedelta, key_function: KeyFunction) -> None:
        self.setting = setting
        self.period = period
        self.key_function = key_function

    @property
    def count(self) -> int:
        count: int = getattr(app_state().settings, self.setting)
        return count

    @property
    def inverse(self) -> float:
        return self.period.total_seconds() / self.count

    @property
    def key(self) -> str:
        return f"{self.setting}-{self.period.total_seconds()}"


class ExpiringRedisStore(RedisStore):
    """quart-rate-limiter's Redis store, but keys expire once their arrival time has passed
    (the stock store keeps one key per client address forever)."""

    async def set(self, key: str, tat: datetime) -> None:
        await self._redis.set(key, tat.timestamp(), exat=int(tat.timestamp()) + 1)  # type: ignore[union-attr]

    async def after_serving(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()  # the stock store calls the deprecated close()
            self._redis = None


def client_address() -> str:
    settings = app_state().settings
    address = request.remote_addr or "unknown"
    if settings.trusted_proxy_count:
        forwarded = [
            part.strip()
            for part in request.headers.get("X-Forwarded-For", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= settings.trusted_proxy_count:
            address = forwarded[-settings.trusted_proxy_count]
    return address


async def by_client() -> str:
    return f"{app_state().settings.rate_limit_namespace}:client:{client_address()}"


async def by_account() -> str:
    """The email a sign-in is for (hashed: the store never holds addresses in clear)."""
    body = await request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    normalised = email.strip().lower() if isinstance(email, str) else ""
    digest = hashlib.sha256(normalised.encode()).hexdigest()[:32]
    return f"{app_state().settings.rate_limit_namespace}:account:{digest}"


def limited(*limits: ConfiguredLimit) -> Callable[[Any], Any]:
    return rate_limit(limits=list(limits))  # type: ignore[arg-type]


REGISTER_LIMITS = (ConfiguredLimit("register_limit_per_client", timedelta(minutes=10), by_client),)
LOGIN_LIMITS = (
    ConfiguredLimit("login_limit_per_client", timedelta(minutes=5), by_client),
    ConfiguredLimit("login_limit_per_account", timedelta(minutes=5), by_account),
)


def init_rate_limits(app: Quart, settings: Settings) -> None:
    store: RateLimiterStoreABC = (
        ExpiringRedisStore(settings.redis_url) if settings.redis_url else MemoryStore()
    )
    RateLimiter(app, key_function=by_client, store=store, enabled=settings.rate_limits_enabled)
