"""A reply the phone never loses: every event names its reply and position; a reconnection
(``Last-Event-ID``) gets exactly the rest and never creates a message; the app's wake-up call
(``GET /sessions/{id}/reply``) re-attaches to a live or finished reply; the stop button ends a
reply at once. In one process here; tests/test_resume_workers.py does it across workers."""

from __future__ import annotations

import json

import httpx
from quart import Quart
from quart.typing import TestClientProtocol as Client

from clarity.coach.scripted import REPLIES
from clarity.models import MessageRole, SolveMessage, SolveSession, SolveStep
from tests.helpers.coaches import GatedCoach, use_coach
from tests.helpers.sse import drain, open_stream, parse, read_events, send_message, text
from tests.helpers.support import SignedInUser, UserFactory, assert_problem, create_session

FIRST_REPLY = REPLIES[SolveStep.RECEIVE]


async def test_a_reconnection_gets_exactly_the_rest_and_stores_nothing_new(
    app: Quart, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    async with open_stream(client, session_id, user, "hello") as connection:
        coach.release(words=2)
        first = await read_events(connection, 3)  # start and two tokens
        await connection.disconnect()  # the phone's screen locks
    assert [e.event for e in first] == ["start", "token", "token"]
    last_id = first[-1].id
    coach.release(words=4)
    url = f"/sessions/{session_id}/messages"
    headers = {**user.headers, "Last-Event-ID": last_id}
    async with client.request(url, method="POST", headers=headers) as again:
        await again.send(json.dumps({"content": "hello"}).encode())
        await again.send_complete()
        middle = await read_events(again, 1)  # what came meanwhile, in one piece
        coach.release()  # then the live ones
        rest = middle + await drain(again)
    assert rest[-1].event == "done"
    assert text(first) + text(rest) == FIRST_REPLY
    ids = [event.id for event in first + rest]
    assert len(ids) == len(set(ids))  # nothing repeated
    stored = await SolveMessage.filter(session_id=session_id).order_by("created_at")
    assert [(m.role, m.content) for m in stored] == [
        (MessageRole.USER, "hello"),
        (MessageRole.COACH, FIRST_REPLY),
    ]


async def test_a_reconnection_after_the_reply_finished_is_served_from_storage(
    client: Client, user: SignedInUser, session_id: str
) -> None:
    url = f"/sessions/{session_id}/messages"
    first = parse(
        await (await client.post(url, headers=user.headers, json={"content": "hi"})).get_data()
    )
    after_two = first[2].id
    again = await client.post(
        url, headers={**user.headers, "Last-Event-ID": after_two}, json={"content": "hi"}
    )
    rest = parse(await again.get_data())
    assert text(first[:3]) + text(rest) == FIRST_REPLY
    assert rest[-1] == first[-1]  # the same done, with the same id
    done_id = first[-1].id
    finished = await client.post(
        url, headers={**user.headers, "Last-Event-ID": done_id}, json={"content": "hi"}
    )
    assert finished.status_code == 204  # the client has everything: EventSource stops
    assert await finished.get_data() == b""
    assert await SolveMessage.filter(session_id=session_id).count() == 2
    session = await SolveSession.get(id=session_id)
    assert session.current_step is SolveStep.CLARIFY  # moved on once, not three times


async def test_a_reconnection_naming_no_reply_of_this_session_is_refused(
    client: Client, users: UserFactory, user: SignedInUser, session_id: str
) -> None:
    url = f"/sessions/{session_id}/messages"
    other = await users.create()
    other_session = (await create_session(client, other))["id"]
    their = parse(
        await (
            await client.post(
                f"/sessions/{other_session}/messages", headers=other.headers, json={"content": "x"}
            )
        ).get_data()
    )
    foreign = await client.post(
        url, headers={**user.headers, "Last-Event-ID": their[1].id}, json={"content": "x"}
    )
    await assert_problem(foreign, 404, "not_found")
    garbage = await client.post(
        url, headers={**user.headers, "Last-Event-ID": "13"}, json={"content": "x"}
    )
    await assert_problem(garbage, 422, "validation_failed")
    assert await SolveMessage.filter(session_id=session_id).count() == 0


async def test_waking_up_re_attaches_to_the_live_reply(
    app: Quart, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    assert (
        await client.get(f"/sessions/{session_id}/reply", headers=user.headers)
    ).status_code == 204
    async with open_stream(client, session_id, user, "hello") as connection:
        coach.release(words=2)
        first = await read_events(connection, 3)
        await connection.disconnect()
    # Asleep: the session says a reply runs, the messages show it with its text so far.
    session = await (await client.get(f"/sessions/{session_id}", headers=user.headers)).get_json()
    reply_id = first[0].json["message_id"]
    assert session["reply"]["message_id"] == reply_id
    assert session["reply"]["status"] == "generating"
    listed = await (
        await client.get(f"/sessions/{session_id}/messages", headers=user.headers)
    ).get_json()
    assert [(m["role"], m["status"], m["content"]) for m in listed["items"]] == [
        ("user", "complete", "hello"),
        ("coach", "generating", text(first)),
    ]
    retry = await client.post(
        f"/sessions/{session_id}/messages", headers=user.headers, json={"content": "hello?"}
    )
    await assert_problem(retry, 409, "reply_in_progress")
    # Awake: follow from the last event seen (header or query), missed events first.
    async with client.request(
        f"/sessions/{session_id}/reply?after={first[-1].id}", method="GET", headers=user.headers
    ) as follow:
        await follow.send_complete()
        coach.release()
        rest = await drain(follow)
    assert text(first) + text(rest) == FIRST_REPLY
    assert rest[-1].event == "done"
    whole = parse(
        await (await client.get(f"/sessions/{session_id}/reply", headers=user.headers)).get_data()
    )
    assert [e.event for e in whole] == ["start", "token", "done"]
    assert text(whole) == FIRST_REPLY
    session = await (await client.get(f"/sessions/{session_id}", headers=user.headers)).get_json()
    assert session["reply"] is None


async def test_stop_ends_the_reply_and_every_stream_following_it(
    app: Quart, client: Client, user: SignedInUser, session_id: str
) -> None:
    coach = GatedCoach()
    use_coach(app, coach)
    async with open_stream(client, session_id, user, "hello") as connection:
        coach.release(words=3)
        first = await read_events(connection, 4)
        stopped = await client.post(f"/sessions/{session_id}/reply/stop", headers=user.headers)
        body = await stopped.get_json()
        assert stopped.status_code == 200, body
        assert (body["status"], body["content"]) == ("interrupted", text(first))
        rest = await drain(connection)
    assert rest[-1].event == "interrupted"
    assert rest[-1].json["code"] == "stopped"
    session = await SolveSession.get(id=session_id)
    assert (session.reply_lock_token, session.current_step) == (None, SolveStep.RECEIVE)
    # Stopping again (a finished reply) changes nothing and says how it ended.
    again = await client.post(f"/sessions/{session_id}/reply/stop", headers=user.headers)
    assert (await again.get_json())["status"] == "interrupted"
    use_coach(app, GatedCoach())
    app.extensions["clarity"].replies.coach.release()
    nxt = await client.post(
        f"/sessions/{session_id}/messages", headers=user.headers, json={"content": "go on"}
    )
    assert parse(await nxt.get_data())[-1].event == "done"


async def test_stop_with_no_reply_changes_nothing(
    client: Client, user: SignedInUser, session_id: str
) -> None:
    response = await client.post(f"/sessions/{session_id}/reply/stop", headers=user.headers)
    assert response.status_code == 204
    missing = "00000000-0000-4000-8000-000000000000"
    response = await client.post(f"/sessions/{missing}/reply/stop", headers=user.headers)
    await assert_problem(response, 404, "not_found")


async def test_an_httpx_sse_client_sees_the_same_ids(
    http: httpx.AsyncClient, user: SignedInUser, session_id: str
) -> None:
    result = await send_message(http, session_id, user.headers)
    reply_id = result.last["message_id"]
    assert [e.id for e in result.events][-1] == f"{reply_id}/end"
