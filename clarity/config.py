"""All configuration in one place: each setting declared once, with its type, default and rule.

``Settings.from_env()`` reads the ``CLARITY_*`` variables; ``create_app(config_overrides=...)``
replaces settings by field name (tests do). Both go through the same validation, so an override
is held to the same rules as the environment (``"unlimited"``, comma lists and JSON included).
A wrong value refuses the start with one line naming the variable. Nothing else in the package
reads ``os.environ``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import (
    ConfigDict,
    Field,
    NonNegativeFloat,
    NonNegativeInt,
    PositiveFloat,
    PositiveInt,
    ValidationError,
    field_validator,
    model_validator,
    with_config,
)
from pydantic_settings import (
    BaseSettings,
    EnvSettingsSource,
    NoDecode,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
)
from pydantic_settings.sources.utils import parse_env_vars
from typing_extensions import TypedDict

log = logging.getLogger(__name__)

ENV_PREFIX = "CLARITY_"

Environment = Literal["development", "test", "production"]
CoachKind = Literal["scripted", "openai"]
PasswordHashing = Literal["standard", "fast"]
CrisisCountry = Literal["US", "GB", "IE", "CA", "AU", "NZ"]

# A stable key so that development tokens survive a restart. Refused in production.
DEV_SECRET_KEY = "clarity-development-secret-key-do-not-use-in-production"
KNOWN_WEAK_SECRETS = frozenset(
    {DEV_SECRET_KEY, "", "secret", "changeme", "change-me", "dev", "development", "test"}
)
MIN_SECRET_BYTES = 32


@with_config(ConfigDict(extra="ignore"))
class CrisisResource(TypedDict):
    """One line shown beside a crisis reply (a plain dict at run time; other keys are dropped)."""

    name: str
    contact: str


CRISIS_RESOURCES_BY_COUNTRY: dict[CrisisCountry, tuple[CrisisResource, ...]] = {
    "US": (
        {"name": "988 Suicide & Crisis Lifeline", "contact": "Call or text 988"},
        {"name": "Emergency services", "contact": "Call 911"},
    ),
    "GB": (
        {"name": "Samaritans", "contact": "Call 116 123 (free, 24/7)"},
        {"name": "Emergency services", "contact": "Call 999"},
    ),
    "IE": (
        {"name": "Samaritans", "contact": "Call 116 123 (free, 24/7)"},
        {"name": "Emergency services", "contact": "Call 112 or 999"},
    ),
    "CA": (
        {"name": "9-8-8 Suicide Crisis Helpline", "contact": "Call or text 988"},
        {"name": "Emergency services", "contact": "Call 911"},
    ),
    "AU": (
        {"name": "Lifeline", "contact": "Call 13 11 14 or text 0477 13 11 14"},
        {"name": "Emergency services", "contact": "Call 000"},
    ),
    "NZ": (
        {"name": "Need to talk?", "contact": "Call or text 1737"},
        {"name": "Emergency services", "contact": "Call 111"},
    ),
}
DEFAULT_CRISIS_RESOURCES: tuple[CrisisResource, ...] = CRISIS_RESOURCES_BY_COUNTRY["US"]

_RESOURCES_SHAPE = 'must be a JSON list of {"name": ..., "contact": ...}'


class ConfigError(SystemExit):
    """A configuration the app refuses to start with.

    A ``SystemExit`` so that hypercorn (or any launcher) exits printing the one-line reason
    instead of a traceback.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"clarity: refusing to start: {reason}")
        self.reason = reason


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        frozen=True,
        extra="forbid",
        # Environment strings arrive as strings: empty means "not set" for optional settings,
        # handled by the validators below rather than by the source.
        env_ignore_empty=False,
    )

    env: Environment = "development"
    database_url: str = "sqlite://clarity.db"
    # Upper bound of the PostgreSQL connection pool (ignored on SQLite, which has one connection).
    database_pool_max: PositiveInt = 20
    # How long a request waits for a free PostgreSQL connection before it is answered 503. Long
    # enough for a burst of 5,000 new replies on one worker to queue through (`make bench`: at
    # 10 s, 3,846 of them were refused), well inside a proxy's or client's 60 s.
    database_acquire_timeout_seconds: PositiveFloat = 30.0
    secret_key: str | None = Field(default=None, repr=False)
    # Old keys whose tokens are still accepted after a key rotation (comma-separated in the env).
    secret_key_fallbacks: Annotated[tuple[str, ...], NoDecode] = Field(default=(), repr=False)
    token_ttl_days: PositiveInt = 30
    # None means unlimited (the variable empty or "unlimited").
    free_sessions_per_day: NonNegativeInt | None = 5
    coach: CoachKind = "scripted"
    coach_token_delay: NonNegativeFloat = 0.05
    # The "openai" coach: any OpenAI-compatible server (OpenAI, vLLM, Ollama, LM Studio).
    coach_base_url: str | None = None
    coach_model: str = "gpt-4o-mini"
    coach_api_key: str | None = Field(default=None, repr=False)
    # Deadline for the model's first token, retries of 429/5xx/timeouts included.
    coach_timeout: PositiveFloat = 30.0
    # How much of the conversation (in characters) is sent to the model as history.
    coach_history_chars: PositiveInt = 12_000
    max_body_bytes: PositiveInt = 65536
    redis_url: str | None = None
    # Sign-up and sign-in limits (per client address, and per account for sign-in).
    rate_limits_enabled: bool = True
    register_limit_per_client: PositiveInt = 20  # per 10 minutes
    login_limit_per_client: PositiveInt = 30  # per 5 minutes
    login_limit_per_account: PositiveInt = 10  # per 5 minutes, per account and client address
    # Per account across every client address (distributed guessing); see clarity/ratelimits.py.
    login_limit_per_account_total: PositiveInt = 100  # per 5 minutes
    # Prefix of the limiter's keys (several deployments or test runs can share one Redis).
    rate_limit_namespace: str = "clarity"
    # Proxies in front of the app that append to X-Forwarded-For; 0 = use the socket's address.
    trusted_proxy_count: NonNegativeInt = 0
    # A request body that takes longer than this to arrive is refused with 408.
    body_timeout_seconds: PositiveFloat = 30.0
    # A reply holds its session's lock for this long and renews it while it runs; a lock left
    # behind by a crashed process frees itself once the lease has passed.
    reply_lock_lease_seconds: PositiveFloat = 30.0
    # A reply fails (stored as interrupted) when the coach is silent for this long (to 1.25 times
    # it: clarity/timeouts.py).
    coach_idle_timeout_seconds: PositiveFloat = 60.0
    # A `: ping` comment is sent after this many seconds without an event (to 1.25 times it).
    stream_heartbeat_seconds: PositiveFloat = 15.0
    # How long shutdown waits for replies still being generated before storing them interrupted.
    reply_shutdown_grace_seconds: NonNegativeFloat = 10.0
    # The moderation model's second opinion on crisis detection: an OpenAI-compatible server
    # (e.g. https://api.openai.com/v1); None = the rules decide alone.
    moderation_base_url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None
    moderation_model: Annotated[str, Field(min_length=1)] = "omni-moderation-latest"
    moderation_api_key: str | None = Field(default=None, repr=False)
    # Past this the rules decide alone; a reply never waits longer for the model.
    moderation_deadline_seconds: Annotated[float, Field(gt=0, le=2)] = 0.5
    # The bearer token that opens GET /metrics; None = no metrics route (404).
    metrics_token: str | None = Field(default=None, repr=False)
    # Which built-in set of crisis resources is shown; `crisis_resources` set explicitly wins.
    crisis_country: CrisisCountry = "US"
    # A JSON list of {"name": ..., "contact": ...} in the env; None = the country's set.
    crisis_resources: (
        Annotated[tuple[CrisisResource, ...], NoDecode, Field(min_length=1)] | None
    ) = None
    # "fast" is argon2's cheapest profile, for tests and benchmarks; refused in production.
    password_hashing: PasswordHashing = "standard"
    log_level: str = "INFO"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # `Settings(field=value)` is a plain value, as it was before pydantic-settings: the
        # environment is read by `from_env` alone, which can be given a mapping instead.
        return (init_settings,)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings from ``CLARITY_*`` variables of ``environ`` (default ``os.environ``)."""
        values = _EnvironSource(cls, os.environ if environ is None else environ)()
        return cls._validated(values)

    def with_overrides(self, overrides: Mapping[str, Any] | None) -> Settings:
        """These settings with some replaced by field name, validated like the environment."""
        if not overrides:
            return self
        current = {name: getattr(self, name) for name in type(self).model_fields}
        return self._validated({**current, **overrides})

    @classmethod
    def _validated(cls, values: Mapping[str, Any]) -> Settings:
        try:
            return cls.model_validate(dict(values))
        except ValidationError as error:
            raise _refusal(error) from None

    @model_validator(mode="before")
    @classmethod
    def _strip_strings(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: v.strip() if isinstance(v, str) else v for k, v in data.items()}
        return data

    @field_validator(
        "secret_key",
        "coach_base_url",
        "coach_api_key",
        "redis_url",
        "moderation_base_url",
        "moderation_api_key",
        "metrics_token",
        mode="before",
    )
    @classmethod
    def _empty_means_unset(cls, value: Any) -> Any:
        return None if value == "" else value

    @field_validator("free_sessions_per_day", mode="before")
    @classmethod
    def _unlimited(cls, value: Any) -> Any:
        if isinstance(value, str) and value.lower() in {"", "unlimited"}:
            return None
        return value

    @field_validator("secret_key_fallbacks", mode="before")
    @classmethod
    def _comma_list(cls, value: Any) -> Any:
        if isinstance(value, str):
            return tuple(item.strip() for item in value.split(",") if item.strip())
        return value

    @field_validator("crisis_resources", mode="before")
    @classmethod
    def _json_resources(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        if value == "":
            return None
        try:
            return json.loads(value)
        except json.JSONDecodeError:
            raise ValueError(_RESOURCES_SHAPE) from None

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    def check_production(self) -> None:
        """The one production check: refuse what a production deployment must never run with.

        A method called once by ``create_app`` (and by ``clarity check`` through
        ``effective_secret_key``) rather than a model validator, so that a ``Settings`` with
        ``env="production"`` can still be built and inspected (logging tests, ``clarity check``
        reporting the configuration it read before the refusal).
        """
        if self.env != "production":
            return
        weak_reason = _weak_secret_reason(self.secret_key)
        if weak_reason is not None:
            # "CLARITY_SECRET_KEY is ..." (no colon), the wording `clarity check` users know.
            raise ConfigError(f"{ENV_PREFIX}SECRET_KEY {weak_reason}")
        if self.password_hashing == "fast":
            raise ConfigError(f"{ENV_PREFIX}PASSWORD_HASHING=fast is for tests, not production")

    def effective_secret_key(self) -> str:
        """The signing key, or a ConfigError saying why this one is unacceptable here."""
        self.check_production()
        key = self.secret_key
        weak_reason = _weak_secret_reason(key)
        if weak_reason is None:
            assert key is not None
            return key
        if self.env == "development":
            log.warning(
                "CLARITY_SECRET_KEY %s; using the built-in development key (never in production)",
                weak_reason,
            )
        return key if key else DEV_SECRET_KEY

    def effective_crisis_resources(self) -> tuple[CrisisResource, ...]:
        """The resources shown beside a crisis reply: the explicit list, or the country's set."""
        if self.crisis_resources is not None:
            return self.crisis_resources
        return CRISIS_RESOURCES_BY_COUNTRY[self.crisis_country]


class _EnvironSource(EnvSettingsSource):
    """pydantic-settings' environment source, reading a given mapping instead of ``os.environ``.

    Hand-rolled because the library reads ``os.environ`` only, and tests pass their own mapping.
    """

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]) -> None:
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(
            self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str
        )


def _weak_secret_reason(key: str | None) -> str | None:
    if not key:
        return "is not set"
    if key in KNOWN_WEAK_SECRETS:
        return "is a known default"
    if len(key.encode()) < MIN_SECRET_BYTES:
        return f"is shorter than {MIN_SECRET_BYTES} bytes"
    return None


def _refusal(error: ValidationError) -> ConfigError:
    """One line naming each wrong variable and why; never the value (it may be a secret)."""
    problems = error.errors(include_url=False, include_input=False)
    unknown = sorted(
        str(p["loc"][0]) for p in problems if p["type"] == "extra_forbidden" and len(p["loc"]) == 1
    )
    if unknown:
        return ConfigError(f"unknown setting(s): {', '.join(unknown)}")
    reasons: dict[str, str] = {}
    for problem in problems:
        name, *where = problem["loc"]
        reason = problem["msg"].removeprefix("Value error, ")
        if where:
            reason += f" (at {'.'.join(str(part) for part in where)})"
        reasons.setdefault(f"{ENV_PREFIX}{str(name).upper()}", reason)
    return ConfigError("; ".join(f"{variable}: {reason}" for variable, reason in reasons.items()))


__all__ = [
    "CRISIS_RESOURCES_BY_COUNTRY",
    "DEFAULT_CRISIS_RESOURCES",
    "DEV_SECRET_KEY",
    "ConfigError",
    "CrisisResource",
    "Settings",
]
