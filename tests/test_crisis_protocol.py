"""The crisis protocol through the API: what the user sees (the support reply with resources, then
a check-in before coaching resumes, the step held meanwhile), risk read over the conversation,
and the counts an operator reports (SB 243), which identify no one and outlive the account."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
from quart.typing import TestClientProtocol as Client

from clarity.app import create_app
from clarity.coach.crisis import CHECK_IN_REPLY, CRISIS_REPLY
from clarity.coach.scripted import REPLIES
from clarity.models import CrisisReferral, SolveStep
from tests.helpers.fake_openai import FakeOpenAI, Moderation, running
from tests.helpers.live import ROOT
from tests.helpers.sse import send_message
from tests.helpers.support import UserFactory, create_session

CLARITY = Path(sys.executable).parent / "clarity"


async def test_after_a_crisis_reply_the_next_exchange_checks_in_then_coaching_resumes(
    http: httpx.AsyncClient, client: Client, users: UserFactory
) -> None:
    user = await users.create()
    session_id = (await create_session(client, user))["id"]
    crisis = await send_message(http, session_id, user.headers, "i've been saving my pills")
    assert crisis.text == CRISIS_REPLY
    assert crisis.last["safety"]["crisis"] is True
    assert crisis.last["next_step"] == "receive"  # not coaching: the step stays
    check_in = await send_message(http, session_id, user.headers, "ok. thanks i guess")
    assert check_in.text == CHECK_IN_REPLY
    assert check_in.last["safety"] is None
    assert check_in.last["next_step"] == "receive"
    resumed = await send_message(http, session_id, user.headers, "i'm safe, let's go on")
    assert resumed.text == REPLIES[SolveStep.RECEIVE]
    assert resumed.last["next_step"] == "clarify"


async def test_risk_that_builds_over_the_conversation_is_caught(
    http: httpx.AsyncClient, client: Client, users: UserFactory
) -> None:
    user = await users.create()
    session_id = (await create_session(client, user))["id"]
    first = await send_message(http, session_id, user.headers, "honestly i cant go on like this")
    assert first.last["safety"] is not None
    await send_message(http, session_id, user.headers, "ok")  # the check-in
    giving_away = "anyway i gave my guitar to my brother and sorted who gets the cat"
    later = await send_message(http, session_id, user.headers, giving_away)
    assert later.last["safety"] is not None, "read with the earlier message, it shows risk"
    # The same words in a conversation without risk are ordinary.
    fresh = (await create_session(client, user))["id"]
    await send_message(http, fresh, user.headers, "this project is killing me lol")
    plain = await send_message(http, fresh, user.headers, giving_away)
    assert plain.last["safety"] is None


async def test_referrals_are_counted_by_day_and_level_and_outlive_the_account(
    http: httpx.AsyncClient, client: Client, users: UserFactory, database_url: str
) -> None:
    user = await users.create()
    session_id = (await create_session(client, user))["id"]
    for message in ["i wish i could just not wake up", "tonight i'm taking all of them"]:
        await send_message(http, session_id, user.headers, message)
        await send_message(http, session_id, user.headers, "ok")  # the check-in
    assert (await client.delete("/me", headers=user.headers)).status_code == 204
    rows = await CrisisReferral.all().order_by("level").values_list("level", "count")
    assert rows == [("imminent", 1), ("passive", 1)]
    assert set(CrisisReferral._meta.fields_map) == {"id", "day", "level", "count"}
    report = await asyncio.to_thread(_crisis_report, database_url, "--json")
    today = datetime.now(UTC).date().isoformat()
    assert [json.loads(line) for line in report.stdout.splitlines()] == [
        {"day": today, "level": "imminent", "count": 1},
        {"day": today, "level": "passive", "count": 1},
    ]
    table = await asyncio.to_thread(_crisis_report, database_url)
    assert "total" in table.stdout
    assert table.stdout.split()[-1] == "2"


def _crisis_report(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`clarity crisis-report` as an operator runs it, on the test's database."""
    return subprocess.run(
        [str(CLARITY), "crisis-report", *args],
        cwd=ROOT,
        env={**os.environ, "CLARITY_DATABASE_URL": database_url, "CLARITY_ENV": "test"},
        capture_output=True,
        text=True,
        check=True,
    )


async def test_a_configured_moderation_model_adds_a_crisis_the_rules_missed(
    settings_overrides: dict[str, Any],
) -> None:
    """Through the API: with CLARITY_MODERATION_BASE_URL set, the model's flag makes a reply the
    crisis reply; a model that is down changes nothing and delays nothing past the deadline."""
    async with running(FakeOpenAI(moderation_default=Moderation(intent=True))) as fake:
        overrides = {
            **settings_overrides,
            "moderation_base_url": fake.base_url,
            "moderation_deadline_seconds": 0.5,
        }
        app = create_app(overrides)
        async with app.test_app():
            client = app.test_client()
            user = await UserFactory(client).create()
            session_id = (await create_session(client, user))["id"]
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://t") as http:
                flagged = await send_message(http, session_id, user.headers, "an ordinary day")
                assert flagged.text == CRISIS_REPLY
                assert fake.moderation_requests[-1]["input"] == "an ordinary day"
                fake.moderation_default = Moderation(delay=5)  # slower than the deadline
                fresh = (await create_session(client, user))["id"]
                started = time.monotonic()
                plain = await send_message(http, fresh, user.headers, "an ordinary day")
                assert plain.text == REPLIES[SolveStep.RECEIVE]
                assert time.monotonic() - started < 2
