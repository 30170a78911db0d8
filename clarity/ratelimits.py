"""Abuse limits on sign-up and sign-in (quart-rate-limiter's GCRA), per client and per account.

The client is the socket's peer address. Behind N trusted proxies (``CLARITY_TRUSTED_PROXY_COUNT``)
it is the N-th address from the right of ``X-Forwarded-For``: the one the outermost trusted proxy
saw, which a client cannot forge (quart-rate-limiter's default takes the leftmost entry, which it
can). State lives in Redis when ``CLARITY_REDIS_URL`` is set, so that every worker and host shares
it; otherwise in this process's memory (one store per app).

Sign-in follows OWASP's Authentication Cheat Sheet: slow a guesser down without locking the
owner out. A tight limit keyed by the account alone (the obvious design) lets anyone lock any
account by sending ten wrong passwords for its email. So the tight limit is per account *and*
client address (``login_limit_per_account``, 10 per 5 minutes): a guesser at one address is
throttled, the owner at another is not. Beside it, the per-client limit (30 per 5 minutes, every
account) stops one address from walking through many accounts, and a much higher ceiling per
account across all addresses (``login_limit_per_account_total``, 100 per 5 minutes) bounds
guessing spread over many addresses: at that rate a botnet gets ~29,000 guesses a day, and only
an attacker with that many addresses can keep the owner out at all (OWASP's next step, device
cookies that exempt a device the owner already signed in from, is not built).

When Redis cannot be reached, the limits fall back to this process's memory (see
``FallbackStore``) rather than failing every sign-in: a dead limiter store must not be an outage.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

from quart import Quart, current_app, request
from quart_rate_limiter import RateLimiter, RateLimitExceeded, rate_limit
from quart_rate_limiter.redis_store import RedisStore
from quart_rate_limiter.store import MemoryStore, RateLimiterStoreABC
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from clarity import metrics
from clarity.config import Settings
from clarity.extensions import app_state
from clarity.schemas.accounts import normalise_email

log = logging.getLogger(__name__)

KeyFunction = Callable[[], Awaitable[str]]
# A Redis that does not answer costs a sign-in at most this long (connect or reply), once: no
# retries (redis-py retries three times with back-off by default).
REDIS_TIMEOUT_SECONDS = 0.5
# While Redis is down, one request tries it again this often; the others use memory meanwhile.
REDIS_RETRY_SECONDS = 5.0
# What "Redis cannot be used" looks like: refused, timed out (redis-py wraps socket errors in its
# ConnectionError and TimeoutError), but also something else answering on the port
# (InvalidResponse) or a replica refusing writes (ReadOnlyError): memory beats a 500 for all.
REDIS_UNREACHABLE = (RedisError, OSError)
STORE_EXTENSION = "clarity.rate_limit_store"


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

    async def ping(self) -> None:
        await self._redis.ping()  # type: ignore[union-attr]

    async def after_serving(self) -> None:
        if self._redis is not None:
            await self._redis.aclose()  # the stock store calls the deprecated close()
            self._redis = None


class ExpiringMemoryStore(MemoryStore):
    """quart-rate-limiter's memory store, but entries whose arrival time has passed are dropped
    (the stock store keeps one per key forever: a client varying emails would grow it without end).
    """

    SWEEP_EVERY = 1000

    def __init__(self) -> None:
        super().__init__()
        self._sets = 0

    async def set(self, key: str, tat: datetime) -> None:
        await super().set(key, tat)
        self._sets += 1
        if self._sets % self.SWEEP_EVERY == 0:
            now = datetime.now(UTC)
            for stale in [k for k, v in self._tats.items() if v < now]:
                del self._tats[stale]


class FallbackStore(RateLimiterStoreABC):
    """Redis while it answers, this process's memory while it does not.

    quart-rate-limiter has no fallback of its own: a Redis error in its before-request hook is a
    500 on every limited route. Here any Redis error (refused, a timeout after
    ``REDIS_TIMEOUT_SECONDS``, a protocol error) switches to memory, logs one WARNING for the
    outage (no traceback) and tries Redis again every ``REDIS_RETRY_SECONDS``; once it answers,
    limits are shared again. Limits in memory are per
    process and start afresh, which is looser but far better than refusing every sign-in.
    redis-py connects lazily, so a dead Redis at start-up does not stop the app starting.
    """

    def __init__(self, url: str) -> None:
        self.redis = ExpiringRedisStore(
            url,
            socket_connect_timeout=REDIS_TIMEOUT_SECONDS,
            socket_timeout=REDIS_TIMEOUT_SECONDS,
            retry=Retry(NoBackoff(), 0),
        )
        self.memory = ExpiringMemoryStore()
        # monotonic time before which Redis is not tried again; None while it answers.
        self._down_until: float | None = None

    @property
    def redis_available(self) -> bool:
        return self._down_until is None

    async def before_serving(self) -> None:
        await self.redis.before_serving()

    async def after_serving(self) -> None:
        await self.redis.after_serving()

    async def get(self, key: str, default: datetime) -> datetime:
        if self._redis_worth_trying():
            try:
                value = await self.redis.get(key, default)
            except REDIS_UNREACHABLE as error:
                self._went_down(error)
            else:
                self._answered()
                return value
        return await self.memory.get(key, default)

    async def set(self, key: str, tat: datetime) -> None:
        if self._redis_worth_trying():
            try:
                await self.redis.set(key, tat)
            except REDIS_UNREACHABLE as error:
                self._went_down(error)
            else:
                self._answered()
                return
        await self.memory.set(key, tat)

    async def check(self) -> bool:
        """Ask Redis now (for ``/ready``), whatever the retry schedule says."""
        try:
            await self.redis.ping()
        except REDIS_UNREACHABLE as error:
            self._went_down(error)
            return False
        self._answered()
        return True

    def _redis_worth_trying(self) -> bool:
        if self._down_until is None:
            return True
        now = time.monotonic()
        if now < self._down_until:
            return False
        self._down_until = now + REDIS_RETRY_SECONDS  # this request probes; others use memory
        return True

    def _went_down(self, error: BaseException) -> None:
        if self._down_until is None:
            log.warning(
                "rate limits: Redis is unreachable (%s); using this process's memory until it "
                "answers again",
                type(error).__name__,
            )
        self._down_until = time.monotonic() + REDIS_RETRY_SECONDS

    def _answered(self) -> None:
        if self._down_until is not None:
            log.info("rate limits: Redis answers again; limits are shared again")
            self._down_until = None
            self.memory = ExpiringMemoryStore()


class CountingRateLimiter(RateLimiter):
    """quart-rate-limiter's limiter, counting its refusals (``clarity_rate_limited_total``).

    It has no hook for a refusal, and the 429 it raises is handled with every other HTTP error
    (``clarity.errors``), where a quota's 429 looks the same: so its before-request check is
    wrapped here."""

    async def _before_request(self) -> None:
        try:
            await super()._before_request()
        except RateLimitExceeded:
            metrics.rate_limited(request.url_rule.rule if request.url_rule else None)
            raise


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
    """The account a sign-in is for, across all clients (hashed: no addresses in clear)."""
    return f"{app_state().settings.rate_limit_namespace}:account:{await _account_digest()}"


async def by_account_and_client() -> str:
    """The account a sign-in is for, from this client address."""
    account = await _account_digest()
    client = hashlib.sha256(client_address().encode()).hexdigest()[:16]
    return f"{app_state().settings.rate_limit_namespace}:account-client:{account}:{client}"


async def _account_digest() -> str:
    """The email in its canonical form (the one sign-up stored), so every spelling of an address
    counts against one account. A string that is not an address is counted as sent, trimmed and
    lower-cased (no account has it; its sign-ins fail anyway)."""
    body = await request.get_json(silent=True)
    email = body.get("email") if isinstance(body, dict) else None
    if not isinstance(email, str):
        email = ""
    try:
        canonical = normalise_email(email)
    except ValueError:
        canonical = email.strip().lower()
    return hashlib.sha256(canonical.encode()).hexdigest()[:32]


def limited(*limits: ConfiguredLimit) -> Callable[[Any], Any]:
    return rate_limit(limits=list(limits))  # type: ignore[arg-type]


REGISTER_LIMITS = (ConfiguredLimit("register_limit_per_client", timedelta(minutes=10), by_client),)
LOGIN_LIMITS = (
    ConfiguredLimit("login_limit_per_client", timedelta(minutes=5), by_client),
    ConfiguredLimit("login_limit_per_account", timedelta(minutes=5), by_account_and_client),
    ConfiguredLimit("login_limit_per_account_total", timedelta(minutes=5), by_account),
)


def init_rate_limits(app: Quart, settings: Settings) -> None:
    store: RateLimiterStoreABC = (
        FallbackStore(settings.redis_url) if settings.redis_url else ExpiringMemoryStore()
    )
    app.extensions[STORE_EXTENSION] = store
    CountingRateLimiter(
        app, key_function=by_client, store=store, enabled=settings.rate_limits_enabled
    )


async def redis_status() -> Literal["ok", "unavailable", "not_configured"]:
    """Whether the limiter's Redis answers now (``/ready``)."""
    store = current_app.extensions.get(STORE_EXTENSION)
    if not isinstance(store, FallbackStore):
        return "not_configured"
    return "ok" if await store.check() else "unavailable"
