"""Configuration: environment parsing and the production safety checks."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from clarity.app import create_app
from clarity.config import (
    CRISIS_RESOURCES_BY_COUNTRY,
    DEFAULT_CRISIS_RESOURCES,
    DEV_SECRET_KEY,
    ConfigError,
    Settings,
)
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


def test_an_override_is_held_to_the_same_rule_as_the_environment() -> None:
    with pytest.raises(ConfigError) as caught:
        create_app({"token_ttl_days": 0})
    assert "CLARITY_TOKEN_TTL_DAYS" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("raw", ["unlimited", "", " Unlimited "])
def test_an_override_reads_unlimited_like_the_environment(raw: str) -> None:
    assert Settings().with_overrides({"free_sessions_per_day": raw}).free_sessions_per_day is None
    app = create_app({"env": "test", "free_sessions_per_day": raw})
    assert app.extensions["clarity"].settings.free_sessions_per_day is None


def test_a_bad_value_is_named_without_echoing_it() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({"CLARITY_TOKEN_TTL_DAYS": "hunter2-not-a-number"})
    assert "CLARITY_TOKEN_TTL_DAYS" in str(caught.value)
    assert "hunter2" not in str(caught.value)  # values can be secrets: never repeated


def test_several_unknown_overrides_are_all_named() -> None:
    with pytest.raises(ConfigError) as caught:
        Settings().with_overrides({"tokn_ttl_days": 7, "coach_modle": "x"})
    assert "coach_modle" in str(caught.value)
    assert "tokn_ttl_days" in str(caught.value)


def test_unknown_clarity_variables_in_the_environment_are_not_settings() -> None:
    # CI and tests set CLARITY_TEST_* variables of their own beside the app's.
    settings = Settings.from_env({"CLARITY_TEST_DATABASE_URL": "postgres://x/y"})
    assert settings.database_url == "sqlite://clarity.db"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one", ("one",)),
        (" one , two ,, three ", ("one", "two", "three")),
        ("", ()),
        (",", ()),
    ],
)
def test_comma_lists_are_split_and_trimmed(raw: str, expected: tuple[str, ...]) -> None:
    variable = "CLARITY_SECRET_KEY_FALLBACKS"
    assert Settings.from_env({variable: raw}).secret_key_fallbacks == expected
    assert Settings().with_overrides({"secret_key_fallbacks": raw}).secret_key_fallbacks == expected


def test_secrets_stay_out_of_repr() -> None:
    settings = Settings(
        secret_key="k" * 40,
        secret_key_fallbacks=("old-signing-key",),
        moderation_api_key="sk-moderation-secret",
        coach_api_key="sk-coach-secret",
    )
    for secret in ("k" * 40, "old-signing-key", "sk-moderation-secret", "sk-coach-secret"):
        assert secret not in repr(settings)
    assert settings.moderation_api_key == "sk-moderation-secret"  # a plain str for callers


def test_optional_strings_are_unset_when_empty() -> None:
    settings = Settings.from_env(
        {
            "CLARITY_MODERATION_BASE_URL": "  ",
            "CLARITY_MODERATION_API_KEY": "",
            "CLARITY_REDIS_URL": "",
            "CLARITY_SECRET_KEY": " ",
        }
    )
    assert settings.moderation_base_url is None
    assert settings.moderation_api_key is None
    assert settings.redis_url is None
    assert settings.secret_key is None


def test_moderation_settings_are_read() -> None:
    defaults = Settings.from_env({})
    assert defaults.moderation_base_url is None
    assert defaults.moderation_model == "omni-moderation-latest"
    assert defaults.moderation_api_key is None
    assert defaults.moderation_deadline_seconds == 0.5
    settings = Settings.from_env(
        {
            "CLARITY_MODERATION_BASE_URL": " https://api.openai.com/v1 ",
            "CLARITY_MODERATION_MODEL": "text-moderation-stable",
            "CLARITY_MODERATION_API_KEY": "sk-moderation",
            "CLARITY_MODERATION_DEADLINE_SECONDS": "2",
        }
    )
    assert settings.moderation_base_url == "https://api.openai.com/v1"
    assert settings.moderation_model == "text-moderation-stable"
    assert settings.moderation_api_key == "sk-moderation"
    assert settings.moderation_deadline_seconds == 2.0


@pytest.mark.parametrize(
    ("variable", "raw"),
    [
        ("CLARITY_MODERATION_DEADLINE_SECONDS", "0"),
        ("CLARITY_MODERATION_DEADLINE_SECONDS", "2.5"),
        ("CLARITY_MODERATION_DEADLINE_SECONDS", "-1"),
        ("CLARITY_MODERATION_DEADLINE_SECONDS", "nan"),
        ("CLARITY_MODERATION_DEADLINE_SECONDS", "soon"),
        ("CLARITY_MODERATION_BASE_URL", "api.openai.com/v1"),
        ("CLARITY_MODERATION_MODEL", ""),
        ("CLARITY_CRISIS_COUNTRY", "FR"),
        ("CLARITY_CRISIS_COUNTRY", "gb"),
        ("CLARITY_CRISIS_RESOURCES", "[]"),
        ("CLARITY_CRISIS_RESOURCES", '[{"name": "Line"}]'),
        ("CLARITY_CRISIS_RESOURCES", "not json"),
    ],
)
def test_a_bad_new_setting_names_its_variable(variable: str, raw: str) -> None:
    with pytest.raises(ConfigError) as caught:
        Settings.from_env({variable: raw})
    assert variable in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("country", sorted(CRISIS_RESOURCES_BY_COUNTRY))
def test_each_country_shows_its_own_crisis_resources(country: str) -> None:
    settings = Settings.from_env({"CLARITY_CRISIS_COUNTRY": country})
    resources = settings.effective_crisis_resources()
    assert resources == CRISIS_RESOURCES_BY_COUNTRY[country]  # type: ignore[index]
    assert {"name": "Emergency services"}.items() <= resources[-1].items()


def test_crisis_resources_default_to_the_us_set() -> None:
    settings = Settings.from_env({})
    assert settings.crisis_resources is None
    assert settings.effective_crisis_resources() == DEFAULT_CRISIS_RESOURCES
    assert DEFAULT_CRISIS_RESOURCES[0]["contact"] == "Call or text 988"
    samaritans = Settings.from_env({"CLARITY_CRISIS_COUNTRY": "GB"}).effective_crisis_resources()
    assert samaritans[0] == {"name": "Samaritans", "contact": "Call 116 123 (free, 24/7)"}


def test_explicit_crisis_resources_win_over_the_country() -> None:
    settings = Settings.from_env(
        {
            "CLARITY_CRISIS_COUNTRY": "GB",
            "CLARITY_CRISIS_RESOURCES": '[{"name": "Line", "contact": "Call 1", "extra": "x"}]',
        }
    )
    assert settings.effective_crisis_resources() == ({"name": "Line", "contact": "Call 1"},)
    overridden = settings.with_overrides({"crisis_resources": [{"name": "A", "contact": "B"}]})
    assert overridden.effective_crisis_resources() == ({"name": "A", "contact": "B"},)


@pytest.mark.parametrize(
    ("overrides", "variable"),
    [
        ({"secret_key": None}, "CLARITY_SECRET_KEY"),
        ({"secret_key": STRONG_SECRET, "password_hashing": "fast"}, "CLARITY_PASSWORD_HASHING"),
    ],
)
def test_the_production_check_is_one_method(overrides: dict[str, Any], variable: str) -> None:
    settings = Settings(env="production").with_overrides(overrides)  # built and inspectable
    with pytest.raises(ConfigError) as caught:
        settings.check_production()
    assert str(caught.value).startswith(f"clarity: refusing to start: {variable}")
    settings.with_overrides({"env": "test"}).check_production()  # only production refuses


def test_test_environment_accepts_a_weak_key_silently(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="clarity"):
        settings = Settings(env="test", secret_key="test")
        assert settings.effective_secret_key() == "test"
    assert "CLARITY_SECRET_KEY" not in caplog.text


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
