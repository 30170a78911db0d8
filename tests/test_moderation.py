"""The moderation model's second opinion, against a fake OpenAI-compatible server on loopback.

What a user would notice: a message the rules miss still gets the crisis reply when the model
flags it; a message the rules flag is never cleared by the model; and a slow, failing or
confused model neither delays the reply past its deadline nor changes the rules' answer. What
an operator would notice: the log says what went wrong, never what the user wrote.
"""

from __future__ import annotations

import logging
import socket
import time
from collections.abc import AsyncIterator, Iterator

import pytest

from clarity.safety import Assessment, Level, assess
from clarity.safety.moderation import (
    OFF_LOOP_CHARACTERS,
    HTTPModerator,
    assess_with_second_opinion,
)
from clarity.schemas.sessions import MAX_CONTENT
from tests.helpers.fake_openai import (
    FakeOpenAI,
    Garbage,
    Moderation,
    ModerationStep,
    Status,
    running,
)
from tests.helpers.loop import Ticker, ticking

# The rules find nothing here (checked below); only a model could.
QUIET = "everything feels heavy and grey today"
ACTIVE = "i want to kill myself"
KEY = "sk-moderation-test-key"


@pytest.fixture
async def fake() -> AsyncIterator[FakeOpenAI]:
    async with running(FakeOpenAI()) as server:
        yield server


@pytest.fixture
async def moderator(fake: FakeOpenAI) -> AsyncIterator[HTTPModerator]:
    client = HTTPModerator(base_url=fake.base_url, model="omni-moderation-latest", api_key=KEY)
    yield client
    await client.aclose()


class Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(record.getMessage())


@pytest.fixture
def logged() -> Iterator[list[str]]:
    logger = logging.getLogger("clarity.safety.moderation")
    handler = Records()
    logger.addHandler(handler)
    old_level = logger.level
    logger.setLevel(logging.DEBUG)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def test_the_quiet_message_is_one_the_rules_miss() -> None:
    assert not assess(QUIET).crisis
    assert assess(ACTIVE).level is Level.ACTIVE


@pytest.mark.parametrize(
    ("answer", "categories", "level"),
    [
        (Moderation(intent=True), {"intent", "active_thoughts"}, Level.IMMINENT),
        (Moderation(self_harm=True), {"active_thoughts"}, Level.ACTIVE),
        (Moderation(instructions=True), {"method", "active_thoughts"}, Level.ACTIVE),
    ],
    ids=["intent", "self-harm", "instructions"],
)
async def test_the_model_adds_a_flag_the_rules_missed(
    fake: FakeOpenAI,
    moderator: HTTPModerator,
    answer: Moderation,
    categories: set[str],
    level: Level,
) -> None:
    fake.moderation_script = [answer]
    result = await assess_with_second_opinion(QUIET, [], moderator, deadline=2.0)
    assert (result.crisis, set(result.categories), result.level) == (True, categories, level)
    assert fake.moderation_requests == [{"model": "omni-moderation-latest", "input": QUIET}]
    assert fake.authorizations == [f"Bearer {KEY}"]


async def test_the_model_never_removes_a_flag(fake: FakeOpenAI, moderator: HTTPModerator) -> None:
    fake.moderation_script = [Moderation()]
    result = await assess_with_second_opinion(ACTIVE, [], moderator, deadline=2.0)
    assert result == assess(ACTIVE)
    assert result.crisis
    assert len(fake.moderation_requests) == 1


async def test_an_imminent_message_is_not_sent_to_the_model(
    fake: FakeOpenAI, moderator: HTTPModerator
) -> None:
    message = "i am going to take all my pills tonight"
    result = await assess_with_second_opinion(message, [], moderator, deadline=2.0)
    assert result.level is Level.IMMINENT
    assert fake.moderation_requests == []


async def test_only_the_latest_message_is_sent(fake: FakeOpenAI, moderator: HTTPModerator) -> None:
    history = ["i cant go on anymore", "my sister called"]
    await assess_with_second_opinion(QUIET, history, moderator, deadline=2.0)
    assert [r["input"] for r in fake.moderation_requests] == [QUIET]


async def test_a_slow_model_is_cut_off_at_the_deadline(
    fake: FakeOpenAI, moderator: HTTPModerator, logged: list[str]
) -> None:
    fake.moderation_script = [Moderation(intent=True, delay=2.0)]
    started = time.perf_counter()
    result = await assess_with_second_opinion(ACTIVE, [], moderator, deadline=0.2)
    elapsed = time.perf_counter() - started
    assert elapsed < 0.5
    assert result == assess(ACTIVE)
    assert logged == ["moderation second opinion unavailable: timeout"]


async def test_a_slow_model_cannot_delay_a_quiet_message_either(
    fake: FakeOpenAI, moderator: HTTPModerator
) -> None:
    fake.moderation_script = [Moderation(intent=True, delay=2.0)]
    started = time.perf_counter()
    result = await assess_with_second_opinion(QUIET, [], moderator, deadline=0.2)
    assert time.perf_counter() - started < 0.5
    assert not result.crisis


@pytest.mark.parametrize(
    ("answer", "kind"),
    [
        (Status(500), "status 500"),
        (Status(429), "status 429"),
        (Garbage("<html>bad gateway</html>"), "malformed"),
        (Garbage('{"results": []}'), "malformed"),
        (Garbage('{"results": [{"categories": {"self-harm": "yes"}}]}'), "malformed"),
        (Garbage('{"results": [{"categories": {}}]}'), "malformed"),
        (Garbage("[1, 2, 3]"), "malformed"),
    ],
    ids=["500", "429", "html", "no-results", "string-flag", "no-flags", "list"],
)
@pytest.mark.parametrize("message", [QUIET, ACTIVE], ids=["quiet", "active"])
async def test_a_failing_model_leaves_the_rules_answer(
    fake: FakeOpenAI,
    moderator: HTTPModerator,
    logged: list[str],
    answer: ModerationStep,
    kind: str,
    message: str,
) -> None:
    fake.moderation_script = [answer]
    result = await assess_with_second_opinion(message, [], moderator, deadline=2.0)
    assert result == assess(message)
    assert logged == [f"moderation second opinion unavailable: {kind}"]
    assert not any(message in line or "upstream" in line for line in logged)


async def test_an_unreachable_model_leaves_the_rules_answer(logged: list[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    moderator = HTTPModerator(base_url=f"http://127.0.0.1:{port}/v1", model="m", api_key=KEY)
    try:
        started = time.perf_counter()
        result = await assess_with_second_opinion(ACTIVE, [], moderator, deadline=1.0)
        assert time.perf_counter() - started < 1.2
    finally:
        await moderator.aclose()
    assert result == assess(ACTIVE)
    assert logged == ["moderation second opinion unavailable: connect"]
    assert not any(KEY in line for line in logged)


async def test_without_a_moderator_the_rules_decide() -> None:
    result = await assess_with_second_opinion(ACTIVE, ["hello"], None, deadline=0.1)
    assert result == assess(ACTIVE, ["hello"])


async def _turns_during(ticker: Ticker, message: str, history: list[str]) -> tuple[int, Assessment]:
    before = ticker.ticks
    result = await assess_with_second_opinion(message, history, None, deadline=0.1)
    return ticker.ticks - before, result


async def test_a_long_message_is_read_without_holding_the_event_loop() -> None:
    # Four long messages (the most the rules read at once) take them tens of milliseconds.
    chatter = "work ran late again and the meeting about the budget went round in circles. "
    long = (chatter * 60)[: MAX_CONTENT - len(ACTIVE) - 1] + " " + ACTIVE
    history = [(chatter * 60)[:MAX_CONTENT]] * 3
    assert len(long) + 3 * MAX_CONTENT > OFF_LOOP_CHARACTERS
    async with ticking() as ticker:
        turns, result = await _turns_during(ticker, long, history)
        assert turns > 0, "other tasks waited for the whole read"
        # The same answer as on the loop: the risk at the end of a long message is found.
        assert result == assess(long, history)
        assert result.level is Level.ACTIVE
        # A chat-length message is read in place: no hand-off to a thread for microseconds.
        turns, result = await _turns_during(ticker, ACTIVE, ["hello"])
        assert turns == 0
        assert result.level is Level.ACTIVE
