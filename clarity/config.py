"""All configuration in one place: typed defaults, overridden by ``CLARITY_*`` variables.

``Settings.from_env()`` reads the environment; ``create_app(config_overrides=...)`` may replace any
field by name (tests do). Nothing else in the package reads ``os.environ``.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Literal, get_args

log = logging.getLogger(__name__)

Environment = Literal["development", "test", "production"]
CoachKind = Literal["scripted", "openai"]
PasswordHashing = Literal["standard", "fast"]

# A stable key so that development tokens survive a restart. Refused in production.
DEV_SECRET_KEY = "clarity-development-secret-key-do-not-use-in-production"
KNOWN_WEAK_SECRETS = frozenset(
    {DEV_SECRET_KEY, "", "secret", "changeme", "change-me", "dev", "development", "test"}
)
MIN_SECRET_BYTES = 32

DEFAULT_CRISIS_RESOURCES: tuple[dict[str, str], ...] = (
    {"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988"},
    {"name": "Emergency services", "contact": "Call 911 or your local emergency number"},
)


class ConfigError(SystemExit):
    """A configuration the app refuses to start with.

    A ``SystemExit`` so that hypercorn (or any launcher) exits printing the one-line reason
    instead of a traceback.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"clarity: refusing to start: {reason}")
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Settings:
    env: Environment = "development"
    database_url: str = "sqlite://clarity.db"
    # Upper bound of the PostgreSQL connection pool (ignored on SQLite, which has one connection).
    database_pool_max: int = 20
    # How long a request waits for a free PostgreSQL connection before it is answered 503.
    database_acquire_timeout_seconds: float = 10.0
    secret_key: str | None = None
    # Old keys whose tokens are still accepted after a key rotation (comma-separated in the env).
    secret_key_fallbacks: tuple[str, ...] = ()
    token_ttl_days: int = 30
    # None means unlimited.
    free_sessions_per_day: int | None = 5
    coach: CoachKind = "scripted"
    coach_token_delay: float = 0.05
    # The "openai" coach: any OpenAI-compatible server (OpenAI, vLLM, Ollama, LM Studio).
    coach_base_url: str | None = None
    coach_model: str = "gpt-4o-mini"
    coach_api_key: str | None = field(default=None, repr=False)
    # Deadline for the model's first token, retries of 429/5xx/timeouts included.
    coach_timeout: float = 30.0
    # How much of the conversation (in characters) is sent to the model as history.
    coach_history_chars: int = 12_000
    max_body_bytes: int = 65536
    redis_url: str | None = None
    # Sign-up and sign-in limits (per client address, and per account for sign-in).
    rate_limits_enabled: bool = True
    register_limit_per_client: int = 20  # per 10 minutes
    login_limit_per_client: int = 30  # per 5 minutes
    login_limit_per_account: int = 10  # per 5 minutes, per account and client address
    # Per account across every client address (distributed guessing); see clarity/ratelimits.py.
    login_limit_per_account_total: int = 100  # per 5 minutes
    # Prefix of the limiter's keys (several deployments or test runs can share one Redis).
    rate_limit_namespace: str = "clarity"
    # Proxies in front of the app that append to X-Forwarded-For; 0 = use the socket's address.
    trusted_proxy_count: int = 0
    # A request body that takes longer than this to arrive is refused with 408.
    body_timeout_seconds: float = 30.0
    # A reply holds its session's lock for this long and renews it while it runs; a lock left
    # behind by a crashed process frees itself once the lease has passed.
    reply_lock_lease_seconds: float = 30.0
    # A reply fails (stored as interrupted) when the coach is silent for this long.
    coach_idle_timeout_seconds: float = 60.0
    # A `: ping` comment is sent after this many seconds without an event.
    stream_heartbeat_seconds: float = 15.0
    # How long shutdown waits for replies still being generated before storing them interrupted.
    reply_shutdown_grace_seconds: float = 10.0
    crisis_resources: tuple[dict[str, str], ...] = DEFAULT_CRISIS_RESOURCES
    # "fast" is argon2's cheapest profile, for tests and benchmarks; refused in production.
    password_hashing: PasswordHashing = "standard"
    log_level: str = "INFO"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in fields(cls):
            raw = environ.get(f"CLARITY_{f.name.upper()}")
            if raw is not None:
                values[f.name] = _parse(f.name, raw)
        return cls(**values)

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> Settings:
        if not overrides:
            return self
        known = {f.name for f in fields(self)}
        unknown = set(overrides) - known
        if unknown:
            raise ConfigError(f"unknown setting(s): {', '.join(sorted(unknown))}")
        return dataclasses.replace(self, **overrides)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    def effective_secret_key(self) -> str:
        """The signing key, or a ConfigError saying why this one is unacceptable here."""
        key = self.secret_key
        weak_reason = _weak_secret_reason(key)
        if weak_reason is None:
            assert key is not None
            return key
        if self.env == "production":
            raise ConfigError(f"CLARITY_SECRET_KEY {weak_reason}")
        if self.env == "development":
            log.warning(
                "CLARITY_SECRET_KEY %s; using the built-in development key (never in production)",
                weak_reason,
            )
        return key if key else DEV_SECRET_KEY


def _weak_secret_reason(key: str | None) -> str | None:
    if not key:
        return "is not set"
    if key in KNOWN_WEAK_SECRETS:
        return "is a known default"
    if len(key.encode()) < MIN_SECRET_BYTES:
        return f"is shorter than {MIN_SECRET_BYTES} bytes"
    return None


def _parse(name: str, raw: str) -> Any:
    """Turn one environment string into the field's type, or say which variable is wrong."""
    variable = f"CLARITY_{name.upper()}"
    try:
        return _PARSERS.get(name, _parse_str)(raw.strip())
    except ValueError as error:
        raise ConfigError(f"{variable}: {error}") from None


def _parse_str(raw: str) -> str:
    return raw


def _parse_optional_str(raw: str) -> str | None:
    return raw or None


def _parse_positive_int(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError("must be a positive whole number")
    return value


def _parse_non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError("must be a whole number ≥ 0")
    return value


def _parse_bool(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ValueError("must be true or false")


def _parse_non_negative_float(raw: str) -> float:
    value = float(raw)
    if not value >= 0:  # also rejects NaN
        raise ValueError("must be a number ≥ 0")
    return value


def _parse_positive_float(raw: str) -> float:
    value = float(raw)
    if not value > 0:  # also rejects NaN
        raise ValueError("must be a number > 0")
    return value


def _parse_quota(raw: str) -> int | None:
    if raw == "" or raw.lower() == "unlimited":
        return None
    value = int(raw)
    if value < 0:
        raise ValueError("must be a whole number ≥ 0, empty, or 'unlimited'")
    return value


def _parse_choice(choices: tuple[str, ...]) -> Any:
    def parse(raw: str) -> str:
        if raw not in choices:
            raise ValueError(f"must be one of {', '.join(choices)}")
        return raw

    return parse


def _parse_list(raw: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in raw.split(",") if item.strip())


def _parse_resources(raw: str) -> tuple[dict[str, str], ...]:
    try:
        items = json.loads(raw)
    except json.JSONDecodeError:
        raise ValueError('must be a JSON list of {"name": ..., "contact": ...}') from None
    if not isinstance(items, list) or not all(
        isinstance(item, dict)
        and isinstance(item.get("name"), str)
        and isinstance(item.get("contact"), str)
        for item in items
    ):
        raise ValueError('must be a JSON list of {"name": ..., "contact": ...}')
    return tuple({"name": item["name"], "contact": item["contact"]} for item in items)


_PARSERS: dict[str, Any] = {
    "env": _parse_choice(get_args(Environment)),
    "coach": _parse_choice(get_args(CoachKind)),
    "password_hashing": _parse_choice(get_args(PasswordHashing)),
    "secret_key": _parse_optional_str,
    "redis_url": _parse_optional_str,
    "coach_base_url": _parse_optional_str,
    "coach_api_key": _parse_optional_str,
    "coach_timeout": _parse_positive_float,
    "coach_history_chars": _parse_positive_int,
    "secret_key_fallbacks": _parse_list,
    "database_pool_max": _parse_positive_int,
    "database_acquire_timeout_seconds": _parse_positive_float,
    "rate_limits_enabled": _parse_bool,
    "register_limit_per_client": _parse_positive_int,
    "login_limit_per_client": _parse_positive_int,
    "login_limit_per_account": _parse_positive_int,
    "login_limit_per_account_total": _parse_positive_int,
    "trusted_proxy_count": _parse_non_negative_int,
    "body_timeout_seconds": _parse_positive_float,
    "token_ttl_days": _parse_positive_int,
    "max_body_bytes": _parse_positive_int,
    "free_sessions_per_day": _parse_quota,
    "coach_token_delay": _parse_non_negative_float,
    "reply_lock_lease_seconds": _parse_positive_float,
    "stream_heartbeat_seconds": _parse_positive_float,
    "coach_idle_timeout_seconds": _parse_positive_float,
    "reply_shutdown_grace_seconds": _parse_non_negative_float,
    "crisis_resources": _parse_resources,
}

__all__ = ["DEV_SECRET_KEY", "ConfigError", "Settings"]
