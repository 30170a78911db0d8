"""The language-model coach against a fake OpenAI-compatible server on loopback."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from quart import Quart

from clarity.app import create_app
from clarity.coach import CoachTurn, HistoryEntry
from clarity.coach.crisis import CRISIS_REPLY
from clarity.coach.openai_coach import PREAMBLE, STEP_PROMPTS, OpenAICoach, build_messages
from clarity.extensions import app_state
from clarity.models import Emotion, MessageRole, MessageStatus, SolveMessage, SolveStep
from tests.helpers.fake_openai import Cut, FakeOpenAI, Malformed, Reply, Status, running
from tests.helpers.sse import StreamResult, send_message
from tests.helpers.support import SignedInUser, UserFactory, create_session

API_KEY = "sk-test-0123456789abcdef-SECRET"


@dataclass
class Harness:
    app: Quart
    fake: FakeOpenAI
    http: httpx.AsyncClient
    user: SignedInUser
    session_id: str

    async def send(self, content: str = "My flatmate never pays on time.") -> StreamResult:
        return await send_message(self.http, self.session_id, self.user.headers, content)


@asynccontextmanager
async def serving(settings_overrides: dict[str, Any]) -> AsyncIterator[Harness]:
    """The app with the model coach against a fake model server, serving until the block ends."""
    async with running(FakeOpenAI()) as fake:
        app = create_app(
            {
                **settings_overrides,
                "coach": "openai",
                "coach_base_url": fake.base_url,
                "coach_model": "fake-model",
                "coach_api_key": API_KEY,
                "coach_timeout": 2.0,
                "free_sessions_per_day": None,
            }
        )
        async with app.test_app():
            client = app.test_client()
            user = await UserFactory(client).create()
            session_id = str((await create_session(client, user))["id"])
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
                yield Harness(app, fake, http, user, session_id)


@pytest.fixture
async def harness(settings_overrides: dict[str, Any]) -> AsyncIterator[Harness]:
    async with serving(settings_overrides) as running_harness:
        yield running_harness


async def _stored(session_id: str) -> list[SolveMessage]:
    return await SolveMessage.filter(session_id=session_id).order_by("created_at")


async def test_the_five_steps_stream_model_replies_with_a_prompt_per_step(
    harness: Harness,
) -> None:
    harness.fake.script = [Reply(text=f"Model reply {n}.") for n in range(5)]
    for n, step in enumerate(SolveStep):
        result = await harness.send(f"message {n}")
        assert result.text == f"Model reply {n}."
        assert result.tokens == ["Model", " reply", f" {n}."]  # the model's deltas, as sent
        assert result.last["session_status"] == ("completed" if n == 4 else "active")
        system = harness.fake.requests[n]["messages"][0]
        assert system == {"role": "system", "content": f"{PREAMBLE}\n\n{STEP_PROMPTS[step]}"}
    assert {r["model"] for r in harness.fake.requests} == {"fake-model"}
    assert all(r["stream"] is True for r in harness.fake.requests)
    assert set(harness.fake.authorizations) == {f"Bearer {API_KEY}"}


async def test_the_history_goes_to_the_model_in_order(harness: Harness) -> None:
    harness.fake.script = [Reply(text="First answer."), Reply(text="Second answer.")]
    await harness.send("first question")
    await harness.send("second question")
    await harness.send("third question")
    messages = harness.fake.requests[2]["messages"]
    assert [(m["role"], m["content"]) for m in messages[1:]] == [
        ("user", "first question"),
        ("assistant", "First answer."),
        ("user", "second question"),
        ("assistant", "Second answer."),
        ("user", "third question"),
    ]


def test_the_history_is_bounded_by_a_character_budget() -> None:
    history = [
        HistoryEntry(MessageRole.USER, "a" * 50, SolveStep.RECEIVE),
        HistoryEntry(MessageRole.COACH, "b" * 50, SolveStep.RECEIVE),
        HistoryEntry(MessageRole.USER, "c" * 50, SolveStep.CLARIFY),
        HistoryEntry(MessageRole.COACH, "d" * 50, SolveStep.CLARIFY),
    ]
    turn = CoachTurn(SolveStep.REFRAME, "now", Emotion.NEUTRAL, history)
    messages = build_messages(turn, history_chars=110)
    assert [m["content"] for m in messages[1:]] == ["c" * 50, "d" * 50, "now"]
    assert build_messages(turn, history_chars=10)[1:] == [{"role": "user", "content": "now"}]


async def test_a_crisis_message_never_reaches_the_model(harness: Harness) -> None:
    result = await harness.send("I want to kill myself")
    assert result.text == CRISIS_REPLY
    assert result.last["safety"]["crisis"] is True
    assert harness.fake.requests == []


@pytest.mark.parametrize(
    "failures",
    [[Status(429)], [Status(500), Status(503)], [Status(429), Status(502)]],
    ids=["429", "500-503", "429-502"],
)
async def test_upstream_errors_before_the_first_token_are_retried(
    harness: Harness, failures: list[Status]
) -> None:
    harness.fake.script = [*failures, Reply(text="Recovered fine.")]
    result = await harness.send()
    assert result.text == "Recovered fine."
    assert result.events[-1].event == "done"
    assert len(harness.fake.requests) == len(failures) + 1


async def test_an_upstream_that_keeps_failing_ends_the_stream_with_an_error(
    harness: Harness,
) -> None:
    harness.fake.default = Status(500)
    result = await harness.send()
    assert result.events[-1].event == "interrupted"
    assert result.last["code"] == "coach_failed"
    reply = (await _stored(harness.session_id))[-1]
    assert (reply.role, reply.status, reply.content) == (
        MessageRole.COACH,
        MessageStatus.INTERRUPTED,
        "",
    )
    assert len(harness.fake.requests) == 5  # the first try and four retries


async def test_a_model_slower_than_the_deadline_fails_the_reply(harness: Harness) -> None:
    harness.fake.default = Reply(first_delay=5)
    result = await harness.send()
    assert result.events[-1].event == "interrupted"
    assert (await _stored(harness.session_id))[-1].status is MessageStatus.INTERRUPTED


@pytest.mark.parametrize(
    "step", [Cut("Half of a"), Malformed("Half of a")], ids=["cut-off", "malformed-chunk"]
)
async def test_a_failure_after_the_first_token_keeps_the_partial_reply(
    harness: Harness, step: Cut | Malformed
) -> None:
    harness.fake.script = [step]
    result = await harness.send()
    assert result.text == "Half of a"
    assert result.events[-1].event == "interrupted"
    reply = (await _stored(harness.session_id))[-1]
    assert (reply.content, reply.status) == ("Half of a", MessageStatus.INTERRUPTED)
    # The session is usable again at the same step.
    harness.fake.script = [Reply(text="Back again.")]
    retry = await harness.send()
    assert (retry.text, retry.last["next_step"]) == ("Back again.", "clarify")


@pytest.mark.parametrize("text", ["", "   "], ids=["nothing", "whitespace"])
async def test_an_empty_model_reply_is_an_error(harness: Harness, text: str) -> None:
    harness.fake.script = [Reply(text=text)]
    result = await harness.send()
    assert result.events[-1].event == "interrupted"
    assert (await _stored(harness.session_id))[-1].status is MessageStatus.INTERRUPTED


async def test_the_api_key_never_reaches_logs_or_clients(
    harness: Harness, caplog: pytest.LogCaptureFixture
) -> None:
    harness.fake.default = Status(400, echo_authorization=True)
    with caplog.at_level(logging.DEBUG):
        result = await harness.send()
    assert result.events[-1].event == "interrupted"
    assert harness.fake.requests, "the request reached the fake server"
    assert API_KEY in harness.fake.authorizations[0]
    assert API_KEY not in caplog.text
    assert all(API_KEY not in event.data for event in result.events)
    assert API_KEY not in repr(harness.app.extensions["clarity"].settings)


async def test_the_model_client_is_closed_when_the_app_stops(
    settings_overrides: dict[str, Any],
) -> None:
    """Its connections closed on the app's own loop, not left to the SDK's finaliser (which
    schedules the close on whatever loop runs when it is collected)."""
    async with serving(settings_overrides) as harness:
        harness.fake.script = [Reply(text="Hello.")]
        assert (await harness.send("hello")).text == "Hello."
        async with harness.app.app_context():
            coach = app_state().replies.coach
        assert isinstance(coach, OpenAICoach)
        assert not coach._client.is_closed()
    assert coach._client.is_closed()
