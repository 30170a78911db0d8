"""The SSE clients the mobile app may use, for real, against a live hypercorn: react-native-sse
(over the `xmlhttprequest` polyfill) and the npm `eventsource`, each driven by
tests/js/client.mjs in Node.

Both reconnect and re-send on their own: react-native-sse re-sends the same POST 5 s after every
close (its default pollingInterval), with `Last-Event-ID` once it has seen an id; eventsource
reconnects about 3 s after a stream ends or breaks, with `Last-Event-ID`. The server must treat
those as reconnections, never as new messages: one send is one user message and one reply, and
the client ends with exactly the reply's text, no event missed or repeated.

Needs Node 20 and `npm ci --prefix tests/js`; skipped without them unless CLARITY_REQUIRE_NODE=1
(CI sets it).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.helpers.live import ROOT, LiveServer, hypercorn_process, server_env
from tests.helpers.reliability import record
from tests.helpers.tcp_proxy import CuttableProxy

pytestmark = [pytest.mark.live, pytest.mark.reliability]

NODE = shutil.which("node")
CLIENT = ROOT / "tests" / "js" / "client.mjs"
NODE_MODULES = ROOT / "tests" / "js" / "node_modules"
# .ci/run installs the packages and sets this, so that a missing Node fails CI instead of skipping.
REQUIRED = os.environ.get("CLARITY_REQUIRE_NODE") == "1"

KINDS = ["react-native-sse", "eventsource"]
# What the rows of the reliability report call each client (both with their default options).
CLIENT_NAMES = {
    "react-native-sse": "react-native-sse, default pollingInterval",
    "eventsource": "eventsource, default options",
}
CONTENT = "I keep putting off a hard talk with my sister."
TERMINAL = {"done", "interrupted"}


@pytest.fixture
def node() -> str:
    missing = []
    if NODE is None:
        missing.append("`node` is not on PATH (Node 20)")
    if not NODE_MODULES.is_dir():
        missing.append("tests/js/node_modules is missing (npm ci --prefix tests/js)")
    if missing:
        reason = "; ".join(missing)
        if REQUIRED:
            pytest.fail(
                f"the JavaScript SSE clients are required (CLARITY_REQUIRE_NODE=1): {reason}"
            )
        pytest.skip(f"JavaScript SSE clients not available: {reason}")
    assert NODE is not None
    return NODE


@dataclass
class Account:
    server: LiveServer
    token: str
    session_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


def _start(database_url: str, token_delay: str) -> Iterator[Account]:
    env = server_env(database_url, coach_token_delay=token_delay, free_sessions_per_day="unlimited")
    with hypercorn_process(env) as server, httpx.Client(base_url=server.url, timeout=30) as http:
        registered = http.post(
            "/auth/register", json={"email": "js-client@example.com", "password": "long enough"}
        )
        assert registered.status_code == 201, registered.text
        token = registered.json()["token"]
        created = http.post("/sessions", headers={"Authorization": f"Bearer {token}"})
        assert created.status_code == 201, created.text
        yield Account(server, token, created.json()["session"]["id"])


@pytest.fixture
def account(database_url: str) -> Iterator[Account]:
    """A live server whose coach sends a word every 50 ms, a user and a fresh session."""
    yield from _start(database_url, "0.05")


@pytest.fixture
def slow_account(database_url: str) -> Iterator[Account]:
    """The same with a word every 500 ms: the first reply (12 words) takes about 5.5 s."""
    yield from _start(database_url, "0.5")


async def _run_client(
    node: str,
    kind: str,
    account: Account,
    seconds: float,
    *options: str,
    proxy_url: str | None = None,
) -> dict[str, Any]:
    """Run client.mjs to its end and return what it printed."""
    arguments = [kind, account.server.url, account.token, account.session_id, CONTENT]
    arguments += [str(seconds), *([proxy_url] if proxy_url else []), *options]
    process = await asyncio.create_subprocess_exec(
        node,
        str(CLIENT),
        *arguments,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    stdout, stderr = await asyncio.wait_for(process.communicate(), timeout=seconds + 30)
    assert process.returncode == 0, stderr.decode()
    result: dict[str, Any] = json.loads(stdout)
    return result


async def _stored_messages(account: Account) -> list[dict[str, Any]]:
    async with httpx.AsyncClient(base_url=account.server.url, timeout=30) as http:
        response = await http.get(
            f"/sessions/{account.session_id}/messages", headers=account.headers
        )
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()["items"]
    return items


def _tokens(result: dict[str, Any]) -> list[dict[str, Any]]:
    return [event for event in result["events"] if event["type"] == "token"]


def _types(result: dict[str, Any], types: set[str]) -> list[str]:
    """The types of the events of ``types`` the client received, in order."""
    return [event["type"] for event in result["events"] if event["type"] in types]


def _position(event_id: str) -> int:
    """The position an event id names: `<reply_id>/<n>` (n characters delivered so far)."""
    return int(event_id.rsplit("/", 1)[-1])


def _figures(result: dict[str, Any], messages: list[dict[str, Any]]) -> str:
    roles = [message["role"] for message in messages]
    replies = [message for message in messages if message["role"] == "coach"]
    ids = [event["id"] for event in _tokens(result)]
    whole = len(replies) == 1 and result["tokens"] == replies[0]["content"]
    terminals = sum(event["type"] in TERMINAL for event in result["events"])
    return (
        f"user messages stored: {roles.count('user')}, replies: {len(replies)}; "
        f"token events: {len(ids)} ({len(ids) - len(set(ids))} repeated ids), "
        f"text = the stored reply: {'yes' if whole else 'no'}; terminal events: {terminals}; "
        f"requests answered: {result['opens']}"
    )


def _explain(result: dict[str, Any]) -> str:
    """What the client saw, for a failing assertion's message (event data left out)."""
    seen = [(event["type"], event["id"], event["t"]) for event in result["events"]]
    return f"events: {seen}\nlifecycle: {result['lifecycle']}"


@pytest.mark.parametrize("kind", KINDS)
async def test_a_client_left_open_sends_the_message_once_and_gets_the_reply_once(
    node: str, account: Account, kind: str
) -> None:
    # Left open 12 s after one send: react-native-sse re-sends 5 s after each answer ends (so
    # twice), eventsource reconnects 3 s after the stream ends (a 204 then stops it).
    result = await _run_client(node, kind, account, 12)
    messages = await _stored_messages(account)
    record(
        f"{CLIENT_NAMES[kind]} (left open)",
        "one send, open 12 s, nothing closes it",
        _figures(result, messages),
    )

    assert [message["role"] for message in messages] == ["user", "coach"], _explain(result)
    user, reply = messages
    assert user["content"] == CONTENT
    assert reply["status"] == "complete"
    assert result["tokens"] == reply["content"], _explain(result)
    token_ids = [event["id"] for event in _tokens(result)]
    assert len(token_ids) == len(set(token_ids)), _explain(result)
    assert _types(result, TERMINAL) == ["done"], _explain(result)
    assert _types(result, {"start"}) == ["start"], _explain(result)
    assert result["terminal"] == "done"
    started = next(event for event in result["events"] if event["type"] == "start")
    assert started["data"]["message_id"] == reply["id"]
    assert started["data"]["user_message_id"] == user["id"]


def _read_progress(progress: Path) -> list[dict[str, Any]]:
    lines = progress.read_text().splitlines() if progress.exists() else []
    # The last line may be half-written while the client appends it.
    return [json.loads(line) for line in lines if line.endswith("}")]


async def _stored_reply_complete(account: Account) -> None:
    """Returns once the session's reply is stored whole."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while True:
        messages = await _stored_messages(account)
        if any(m["role"] == "coach" and m["status"] == "complete" for m in messages):
            return
        assert loop.time() < deadline, f"the reply was never stored whole: {messages}"
        await asyncio.sleep(0.05)


async def _cut_after_tokens(
    progress: Path, proxy: CuttableProxy, tokens: int, outage: Callable[[], Awaitable[None]]
) -> list[dict[str, Any]]:
    """Once the client has received ``tokens`` token events, drop its connection and refuse new
    ones until ``outage`` is over; returns what it had received when the connection went."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 20
    while True:
        received = await asyncio.to_thread(_read_progress, progress)
        if sum(entry.get("type") == "token" for entry in received) >= tokens:
            break
        assert loop.time() < deadline, f"the client never received {tokens} tokens: {received}"
        await asyncio.sleep(0.01)
    proxy.take_down()
    await outage()
    proxy.bring_back()
    return received


# react-native-sse never reconnects after a broken connection on its own (see the next test), so
# the app reopens it; eventsource reconnects by itself.
RECONNECTING = {"react-native-sse": ("--reopen-on-error",), "eventsource": ()}
CUT_CLIENT_NAMES = {
    "react-native-sse": "react-native-sse, default pollingInterval, app reopens on network error",
    "eventsource": CLIENT_NAMES["eventsource"],
}


async def _run_with_a_cut(
    node: str,
    kind: str,
    account: Account,
    seconds: float,
    progress: Path,
    *options: str,
    until_finished: bool = False,
) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """Run the client through a proxy that drops its connection after 2 tokens and refuses
    connections for 1 s, or until the reply is stored whole; returns what the client had
    received at the cut, and its whole record."""
    server_port = int(account.server.url.rsplit(":", 1)[1])
    proxy = CuttableProxy("127.0.0.1", server_port)
    await proxy.start()
    try:
        client = asyncio.create_task(
            _run_client(
                node,
                kind,
                account,
                seconds,
                "--progress-file",
                str(progress),
                *options,
                proxy_url=f"http://127.0.0.1:{proxy.port}",
            )
        )
        outage = (
            partial(_stored_reply_complete, account)
            if until_finished
            else partial(asyncio.sleep, 1.0)
        )
        before_cut = await _cut_after_tokens(progress, proxy, 2, outage)
        result = await client
    finally:
        await proxy.stop()
    # The cut happened mid-reply (otherwise these tests prove nothing about resuming).
    assert not any(entry.get("type") in TERMINAL for entry in before_cut), before_cut
    return before_cut, result


# Resumed while the reply is still being generated (the connection is back 1 s after the cut,
# the 5.5 s reply still has about 3 s to go when eventsource comes back 3 s after the cut), or
# from storage (the connection stays down until the 0.55 s reply is stored): the coach's delay
# between words for each.
RESUMES = {"while generating": "0.5", "after it finished": "0.05"}


@pytest.fixture
def cut_account(database_url: str, resumed: str) -> Iterator[Account]:
    """The server for a test parametrized by ``resumed``."""
    yield from _start(database_url, RESUMES[resumed])


@pytest.mark.parametrize("resumed", RESUMES)
@pytest.mark.parametrize("kind", KINDS)
async def test_a_connection_cut_mid_reply_resumes_without_missing_or_repeating_a_token(
    node: str, kind: str, resumed: str, cut_account: Account, tmp_path: Path
) -> None:
    account = cut_account
    _, result = await _run_with_a_cut(
        node,
        kind,
        account,
        10,
        tmp_path / "progress.jsonl",
        *RECONNECTING[kind],
        until_finished=resumed == "after it finished",
    )
    messages = await _stored_messages(account)
    outage = "until the reply is stored" if resumed == "after it finished" else "for 1 s"
    record(
        f"{CUT_CLIENT_NAMES[kind]} (connection cut)",
        f"one send, connection cut after 2 tokens, down {outage}, open 10 s",
        _figures(result, messages),
    )

    assert result["opens"] >= 2, f"the client never reconnected\n{_explain(result)}"
    assert [message["role"] for message in messages] == ["user", "coach"], _explain(result)
    reply = messages[1]
    assert reply["status"] == "complete"
    assert result["tokens"] == reply["content"], _explain(result)
    positions = [_position(event["id"]) for event in _tokens(result)]
    assert positions == sorted(set(positions)), _explain(result)
    assert _types(result, TERMINAL) == ["done"], _explain(result)
    assert _types(result, {"start"}) == ["start"], _explain(result)


async def test_react_native_sse_on_its_own_never_reconnects_after_a_broken_connection(
    node: str, slow_account: Account, tmp_path: Path
) -> None:
    # Why the app must reopen it (--reopen-on-error): after a network error (xhr status 0) the
    # library reports `error` and stops; its pollingInterval re-sends only after an answer ends.
    # If a release changes that, this fails and the recipe can be simplified.
    _, result = await _run_with_a_cut(
        node, "react-native-sse", slow_account, 7, tmp_path / "progress.jsonl"
    )
    assert result["opens"] == 1, _explain(result)
    assert [error["status"] for error in result["errors"]] == [0], _explain(result)
    assert len(_tokens(result)) == 2, _explain(result)


@pytest.mark.parametrize("kind", KINDS)
async def test_the_recommended_recipe_sends_once_and_closes_on_the_terminal_event(
    node: str, account: Account, kind: str
) -> None:
    result = await _run_client(node, kind, account, 10, "--close-on-terminal", "--reopen-on-error")
    messages = await _stored_messages(account)

    assert [message["role"] for message in messages] == ["user", "coach"]
    assert result["opens"] == 1, _explain(result)
    assert result["terminal"] == "done"
    assert result["events"][-1]["type"] == "done"
    assert result["tokens"] == messages[1]["content"]
