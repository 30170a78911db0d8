"""The `clarity` command: migrate, check, create-user, and chat / demo against a live server."""

from __future__ import annotations

import builtins
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from httpx_sse import connect_sse

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


@pytest.fixture
def slow_server(database_url: str) -> Iterator[str]:
    """A coach that writes a word every 0.1 s: a reply can be caught half-written."""
    with hypercorn_server(server_env(database_url, coach_token_delay="0.1")) as base_url:
        yield base_url


def _flat(output: str) -> str:
    return " ".join(output.split())


def _register(http: httpx.Client, email: str) -> None:
    response = http.post("/auth/register", json={"email": email, "password": "long enough"})
    assert response.status_code == 201, response.text
    http.headers["Authorization"] = f"Bearer {response.json()['token']}"


def _login_code(server: str, email: str, password: str) -> int:
    return httpx.post(
        f"{server}/auth/login", json={"email": email, "password": password}
    ).status_code


@pytest.mark.live
def test_chat_session_shows_the_conversation_so_far_and_follows_a_reply_being_written(
    slow_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (the package's `chat` attribute is the click command, hence sys.modules)
    monkeypatch.setattr(
        sys.modules["clarity.cli.chat"], "HISTORY_PAGE", 1
    )  # page through every message
    first, second = "My manager keeps piling work on me.", "Every Monday I get three new projects."
    with httpx.Client(base_url=slow_server, timeout=30) as http:
        _register(http, "resume@example.com")
        session_id = http.post("/sessions", json={}).json()["session"]["id"]
        with connect_sse(
            http, "POST", f"/sessions/{session_id}/messages", json={"content": first}
        ) as source:
            assert [event.event for event in source.iter_sse()][-1] == "done"
        with connect_sse(
            http, "POST", f"/sessions/{session_id}/messages", json={"content": second}
        ) as source:
            tokens = 0
            for event in source.iter_sse():
                tokens += event.event == "token"
                if tokens == 3:
                    break  # the client goes away; the reply goes on being written
        assert http.get(f"/sessions/{session_id}").json()["reply"]["status"] == "generating"

    args = ["chat", "--url", slow_server, "--email", "resume@example.com"]
    result = CliRunner().invoke(
        main, [*args, "--password", "long enough", "--session", session_id], input="/quit\n"
    )
    assert result.exit_code == 0, result.output
    output = _flat(result.output)
    expected = [
        f"You: {first}",
        f"Coach: {REPLIES[SolveStep.RECEIVE]}",
        f"You: {second}",
        f"Coach: {REPLIES[SolveStep.CLARIFY]}",  # the text so far, then the rest as it came
        "next step: reframe",  # the followed reply's `done`
        "[reframe] You:",
    ]
    positions = [output.find(part) for part in expected]
    assert -1 not in positions, (expected, output)
    assert positions == sorted(positions), output
    assert output.count(REPLIES[SolveStep.CLARIFY]) == 1  # nothing shown twice


@pytest.mark.live
def test_ctrl_c_and_quit_say_how_to_come_back(server: str, monkeypatch: pytest.MonkeyPatch) -> None:
    typed = builtins.input

    def input_with_ctrl_c(prompt: str = "") -> str:
        line = typed(prompt)
        if line == "<ctrl-c>":
            raise KeyboardInterrupt
        return line

    monkeypatch.setattr(builtins, "input", input_with_ctrl_c)
    args = ["chat", "--url", server, "--email", "back@example.com", "--password", "long enough"]
    runner = CliRunner()
    interrupted = runner.invoke(
        main, args, input="y\nMy manager keeps piling work on me.\n<ctrl-c>\n"
    )
    assert interrupted.exit_code == 0, interrupted.output
    found = re.search(r"Session ([0-9a-f-]{36})", interrupted.output)
    assert found, interrupted.output
    session_id = found.group(1)
    assert f"Your session {session_id} is saved" in _flat(interrupted.output)
    assert f"clarity chat --session {session_id} --url {server}\n" in interrupted.output

    quit_ = runner.invoke(main, [*args, "--session", session_id], input="/quit\n")
    assert quit_.exit_code == 0, quit_.output
    assert "Coach: " + REPLIES[SolveStep.RECEIVE] in _flat(quit_.output)
    assert f"clarity chat --session {session_id} --url {server}\n" in quit_.output


@pytest.mark.live
def test_chat_asks_for_a_new_password_twice(server: str) -> None:
    runner = CliRunner()
    args = ["chat", "--url", server, "--email", "twice@example.com"]
    differ = runner.invoke(main, args, input="long enough\ny\nlong enuogh\n")
    assert differ.exit_code == 1
    assert "Repeat the password to create the account" in differ.output
    assert "The two passwords differ: no account was created." in differ.output
    assert _login_code(server, "twice@example.com", "long enough") == 401
    assert _login_code(server, "twice@example.com", "long enuogh") == 401
    same = runner.invoke(main, args, input="long enough\ny\nlong enough\n/quit\n")
    assert same.exit_code == 0, same.output
    assert "Account created for twice@example.com" in same.output
    assert _login_code(server, "twice@example.com", "long enough") == 200


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
    assert "is saved; come back to it with: clarity chat --session" in output
    wrong = runner.invoke(
        main, ["chat", "--url", server, "--email", "c@example.com", "--password", "wrong pass"],
        input="y\n",
    )  # fmt: skip
    assert wrong.exit_code == 1
    assert "Wrong password" in wrong.output


def _throwaway(output: str) -> str:
    found = re.search(r"registered (demo-[0-9a-f]{12}@example\.com)", output)
    assert found, output
    return found.group(1)


@pytest.mark.live
def test_demo_walks_five_steps_and_passes(server: str) -> None:
    result = CliRunner().invoke(main, ["demo", "--url", server])
    assert result.exit_code == 0, result.output
    assert result.output.count("Coach:") == 5
    assert "all five steps walked" in result.output
    email = _throwaway(result.output)
    assert f"deleted {email}" in result.output
    # Gone: no account answers to that email any more (DELETE /me).
    with httpx.Client(base_url=server) as http:
        _register(http, email)


@pytest.fixture
def server_without_quota(database_url: str) -> Iterator[str]:
    with hypercorn_server(server_env(database_url, free_sessions_per_day="0")) as base_url:
        yield base_url


@pytest.mark.live
def test_demo_deletes_its_account_when_it_fails_but_never_the_users_own(
    server_without_quota: str,
) -> None:
    runner = CliRunner()
    failed = runner.invoke(main, ["demo", "--url", server_without_quota])
    assert failed.exit_code == 1
    assert "(quota_exceeded)" in failed.output  # it failed midway, after registering
    email = _throwaway(failed.output)
    assert f"deleted {email}" in failed.output
    with httpx.Client(base_url=server_without_quota) as http:
        _register(http, email)  # the email is free again

    with httpx.Client(base_url=server_without_quota) as http:
        _register(http, "mine@example.com")
    own = runner.invoke(
        main,
        ["demo", "--url", server_without_quota, "--email", "mine@example.com"],
        input="long enough\n",
    )
    assert own.exit_code == 1
    assert "deleted" not in own.output
    assert _login_code(server_without_quota, "mine@example.com", "long enough") == 200


def test_demo_fails_loudly_without_a_server() -> None:
    result = CliRunner().invoke(main, ["demo", "--url", "http://127.0.0.1:9"])
    assert result.exit_code == 1
    assert "cannot reach the server" in result.output
