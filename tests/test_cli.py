"""The `clarity` command: migrate, check, create-user, and chat / demo against a live server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from clarity.cli import main
from clarity.coach.crisis import CRISIS_REPLY
from clarity.coach.scripted import REPLIES
from clarity.models import SolveStep
from tests.helpers import databases
from tests.helpers.live import TEST_SECRET, hypercorn_server, server_env

# The CLI runs its own event loop (asyncio.run), so these tests are synchronous.


@pytest.fixture
def fresh_sqlite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite://{tmp_path}/cli.db"
    monkeypatch.setenv("CLARITY_DATABASE_URL", url)
    monkeypatch.setenv("CLARITY_ENV", "development")
    monkeypatch.setenv("CLARITY_SECRET_KEY", TEST_SECRET)
    return url


@pytest.mark.skipif(databases.ON_POSTGRES, reason="one database kind per test run")
def test_check_says_what_to_fix_and_migrate_fixes_it(fresh_sqlite: str) -> None:
    runner = CliRunner()
    before = runner.invoke(main, ["check"])
    assert before.exit_code == 1
    assert "migration(s) not applied" in before.output
    assert "run `clarity migrate`" in before.output
    migrated = runner.invoke(main, ["migrate"])
    assert migrated.exit_code == 0, migrated.output
    assert "applied 0_" in migrated.output
    again = runner.invoke(main, ["migrate"])
    assert "the database is up to date" in again.output
    after = runner.invoke(main, ["check"])
    assert after.exit_code == 0, after.output
    assert "the database answers" in after.output
    assert "migrations up to date" in after.output


@pytest.mark.skipif(databases.ON_POSTGRES, reason="one database kind per test run")
def test_check_reports_a_weak_production_secret(
    fresh_sqlite: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CLARITY_ENV", "production")
    monkeypatch.setenv("CLARITY_SECRET_KEY", "short")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "CLARITY_SECRET_KEY is shorter than 32 bytes" in result.output


def test_check_reports_a_bad_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLARITY_TOKEN_TTL_DAYS", "soon")
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "CLARITY_TOKEN_TTL_DAYS" in result.output


@pytest.mark.skipif(databases.ON_POSTGRES, reason="one database kind per test run")
def test_create_user_prompts_for_the_password_and_refuses_duplicates(fresh_sqlite: str) -> None:
    runner = CliRunner()
    assert runner.invoke(main, ["migrate"]).exit_code == 0
    created = runner.invoke(
        main, ["create-user", "Grace@Example.com"], input="long enough\nlong enough\n"
    )
    assert created.exit_code == 0, created.output
    assert "created grace@example.com" in created.output
    duplicate = runner.invoke(main, ["create-user", "grace@example.com", "--password", "x" * 10])
    assert duplicate.exit_code == 1
    assert "already exists" in duplicate.output
    invalid = runner.invoke(main, ["create-user", "not-an-email", "--password", "short"])
    assert invalid.exit_code == 1
    assert "email" in invalid.output
    assert "password" in invalid.output


@pytest.fixture
def server(database_url: str) -> Iterator[str]:
    env = server_env(database_url)
    with hypercorn_server(env) as base_url:
        yield base_url


@pytest.mark.live
def test_chat_registers_and_walks_a_session_to_the_end(server: str) -> None:
    messages = [
        "My manager keeps piling work on me.",
        "Every Monday I get three new projects.",
        "",  # an empty line is ignored
        "I could say no to one of them.",
        "Ask for priorities, delegate, or push back on deadlines.",
        "I'll ask for priorities on Monday at 10.",
    ]
    result = CliRunner().invoke(
        main,
        ["chat", "--url", server, "--email", "chat@example.com", "--password", "long enough"],
        input="y\n" + "\n".join(messages) + "\n",
    )
    assert result.exit_code == 0, result.output
    assert "Account created for chat@example.com" in result.output
    for step in SolveStep:
        assert REPLIES[step] in " ".join(result.output.split()), step
    assert "next step: clarify" in result.output
    assert "Session complete." in result.output


@pytest.mark.live
def test_chat_shows_crisis_resources_and_quits_on_request(server: str) -> None:
    runner = CliRunner()
    args = ["chat", "--url", server, "--email", "c@example.com", "--password", "long enough"]
    result = runner.invoke(main, args, input="y\nI want to end my life\n/quit\n")
    assert result.exit_code == 0, result.output
    output = " ".join(result.output.split())
    assert CRISIS_REPLY in output
    assert "988 Suicide & Crisis Lifeline" in output
    assert "You don't have to face this alone" in output
    assert "Your session is saved" in output
    wrong = runner.invoke(
        main, ["chat", "--url", server, "--email", "c@example.com", "--password", "wrong pass"],
        input="y\n",
    )  # fmt: skip
    assert wrong.exit_code == 1
    assert "Wrong password" in wrong.output


@pytest.mark.live
def test_demo_walks_five_steps_and_passes(server: str) -> None:
    result = CliRunner().invoke(main, ["demo", "--url", server])
    assert result.exit_code == 0, result.output
    assert result.output.count("Coach:") == 5
    assert "all five steps walked" in result.output


def test_demo_fails_loudly_without_a_server() -> None:
    result = CliRunner().invoke(main, ["demo", "--url", "http://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the server" in result.output
