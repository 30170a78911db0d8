"""Configuration: environment parsing and the production safety checks."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from clarity.app import create_app
from clarity.config import DEV_SECRET_KEY, ConfigError, Settings
from clarity.db import database_url

STRONG_SECRET = "s" * 40


def test_defaults_match_the_documented_ones() -> None:
    settings = Settings.from_env({})
    assert settings.env == "development"
    assert settings.database_url == "sqlite://clarity.db"
    assert settings.token_ttl_days == 30
    assert settings.free_sessions_per_day == 5
    assert settings.coach_token_delay == 0.05
    assert settings.max_body_bytes == 65536
    assert settings.redis_url is None


def test_environment_variables_are_parsed_to_their_types() -> None:
    settings = Settings.from_env(
        {
            "CLARITY_ENV": "production",
            "CLARITY_DATABASE_URL": "postgres://u@db/clarity",
            "CLARITY_TOKEN_TTL_DAYS": "7",
            "CLARITY_FREE_SESSIONS_PER_DAY": "3",
            "CLARITY_COACH_TOKEN_DELAY": "0",
            "CLARITY_MAX_BODY_BYTES": "1024",
            "CLARITY_REDIS_URL": "redis://127.0.0.1:6379/0",
            "CLARITY_SECRET_KEY_FALLBACKS": "old-one, older-one",
            "CLARITY_CRISIS_RESOURCES": '[{"name": "Line", "contact": "Call 1"}]',
        }
    )
    assert settings.env == "production"
    assert settings.database_url == "postgres://u@db/clarity"
    assert settings.token_ttl_days == 7
    assert settings.free_sessions_per_day == 3
    assert settings.coach_token_delay == 0.0
    assert settings.max_body_bytes == 1024
    assert settings.redis_url == "redis://127.0.0.1:6379/0"
    assert settings.secret_key_fallbacks == ("old-one", "older-one")
    assert settings.crisis_resources == ({"name": "Line", "contact": "Call 1"},)


def test_the_per_account_sign_in_ceiling_is_read_and_checked() -> None:
    assert Settings.from_env({}).login_limit_per_account_total == 100
    variable = "CLARITY_LOGIN_LIMIT_PER_ACCOUNT_TOTAL"
    assert Settings.from_env({variable: " 250 "}).login_limit_per_account_total == 250
    for raw in ("0", "-1", "many"):
        with pytest.raises(ConfigError, match=variable):
            Settings.from_env({variable: raw})


@pytest.mark.parametrize("raw", ["", "unlimited", "UNLIMITED"])
def test_free_quota_can_be_unlimited(raw: str) -> None:
    assert Settings.from_env({"CLARITY_FREE_SESSIONS_PER_DAY": raw}).free_sessions_per_day is None


@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("CLARITY_ENV", "staging"),
        ("CLARITY_TOKEN_TTL_DAYS", "0"),
        ("CLARITY_TOKEN_TTL_DAYS", "thirty"),
        ("CLARITY_FREE_SESSIONS_PER_DAY", "-1"),
        ("CLARITY_COACH_TOKEN_DELAY", "nan"),
        ("CLARITY_MAX_BODY_BYTES", "-5"),
        ("CLARITY_CRISIS_RESOURCES", '{"name": "x"}'),
    ],
)
def test_a_bad_value_names_its_variable(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({variable: raw})
    assert variable in str(caught.value)


@pytest.mark.parametrize(
    ("secret", "reason"),
    [
        (None, "is not set"),
        (DEV_SECRET_KEY, "is a known default"),
        ("changeme", "is a known default"),
        ("short-but-not-default", "shorter than 32 bytes"),
    ],
)
def test_production_refuses_to_start_with_a_weak_secret(secret: str | None, reason: str) -> None:
    with pytest.raises(ConfigError) as caught:
        create_app({"env": "production", "secret_key": secret})
    message = str(caught.value)
    assert reason in message
    assert "\n" not in message  # one line, printed by the launcher instead of a traceback
    assert caught.value.code != 0


def test_production_refuses_fast_password_hashing() -> None:
    with pytest.raises(ConfigError, match="PASSWORD_HASHING"):
        create_app({"env": "production", "secret_key": STRONG_SECRET, "password_hashing": "fast"})


def test_production_starts_with_a_strong_secret() -> None:
    app = create_app({"env": "production", "secret_key": STRONG_SECRET})
    assert app.config["SECRET_KEY"] == STRONG_SECRET


def test_development_warns_and_uses_the_stable_dev_key(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="clarity"):
        app = create_app({"env": "development", "secret_key": None})
    assert app.config["SECRET_KEY"] == DEV_SECRET_KEY
    assert "CLARITY_SECRET_KEY is not set" in caplog.text


def test_unknown_override_is_refused() -> None:
    overrides: dict[str, Any] = {"no_such_setting": 1}
    with pytest.raises(ConfigError, match="no_such_setting"):
        create_app(overrides)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite://clarity.db", "sqlite://clarity.db?busy_timeout=5000"),
        ("sqlite:///tmp/c.db", "sqlite:///tmp/c.db?busy_timeout=5000"),
        ("sqlite:////tmp/c.db", "sqlite:////tmp/c.db?busy_timeout=5000"),
        ("sqlite://c.db?busy_timeout=1", "sqlite://c.db?busy_timeout=1"),
        ("postgres://u:p@db:5432/c", "postgres://u:p@db:5432/c?maxsize=20&timeout=5"),
        ("postgres://u@db/c?maxsize=50", "postgres://u@db/c?maxsize=50&timeout=5"),
    ],
)
def test_database_url_gets_connection_defaults_and_keeps_its_path(url: str, expected: str) -> None:
    assert database_url(Settings(database_url=url)) == expected
