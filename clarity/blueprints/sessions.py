"""Solve sessions, their messages, and the coach's reply as a Server-Sent Events stream."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter
from quart import Blueprint, Response, current_app, request
from quart_schema import (
    RequestSchemaValidationError,
    document_headers,
    document_request,
    document_response,
    tag_blueprint,
    validate_querystring,
    validate_request,
    validate_response,
)

from clarity.auth import auth_required, caller
from clarity.blueprints.responses import schema_response
from clarity.errors import APIError
from clarity.extensions import app_state
from clarity.idempotent_requests import idempotent_request, replay_feed
from clarity.models import MessageStatus, SessionStatus, SolveMessage, SolveSession, SolveStep
from clarity.openapi import errors, no_content, optional_body
from clarity.schemas.sessions import (
    FollowHeaders,
    FollowQuery,
    IdempotencyHeaders,
    Message,
    MessageHeaders,
    MessageList,
    MessageListQuery,
    MessageRequest,
    ReplyState,
    ReplyStream,
    Session,
    SessionCreate,
    SessionCreated,
    SessionList,
    SessionListQuery,
    SessionUpdate,
)
from clarity.schemas.usage import Usage
from clarity.services import idempotency, reply_feeds, reply_stops, sessions
from clarity.services.exchanges import begin_exchange
from clarity.services.idempotency import Replay
from clarity.services.replies import launch_reply, start_reply
from clarity.services.sessions import SessionRow
from clarity.sse import Feed, Position, relay

blueprint = Blueprint("sessions", __name__)
# Set on a response that replays the first outcome of an Idempotency-Key.
REPLAYED_HEADER = "Idempotent-Replayed"
SESSION_CREATED = TypeAdapter(SessionCreated)
# A page is validated as a whole from plain values, in one call into pydantic-core: building its
# twenty ``Session`` instances one by one took five times as long (121 against 25 µs a page).
SESSION_LIST = TypeAdapter(SessionList)
tag_blueprint(blueprint, ["sessions"])


@blueprint.post("/sessions")
@auth_required
@optional_body
@document_request(SessionCreate)
@document_headers(IdempotencyHeaders)
@document_response(SessionCreated, 201)
@errors(
    400,
    408,
    409,
    413,
    422,
    429,
    codes=(
        "idempotency_in_progress",
        "quota_exceeded",
        "validation_failed",
        "idempotency_key_reused",
    ),
)
async def create_session() -> Response:
    """Start a solve session at the `receive` step.

    Send an empty body or `{}`. Counts against the free plan's daily quota:
    429 `quota_exceeded` with `Retry-After` when it is used up.
    """
    await _empty_or_json_object()
    state = app_state()
    me = caller()
    async with idempotent_request(me.user) as claim:
        if isinstance(claim, Replay):
            replayed = SessionCreated(**json.loads(claim.body or "{}"))
            return schema_response(replayed, claim.status, {REPLAYED_HEADER: "true"})
        remember = None
        if claim is not None:
            key_claim = claim

            async def remember(session: SessionRow, usage: Usage) -> None:
                # Inside the create transaction: the session, the charge and the outcome, or none.
                created = SessionCreated(session=_session(session), usage=usage)
                body = SESSION_CREATED.dump_python(created, mode="json")
                await idempotency.complete(key_claim, 201, body)

        session, usage = await sessions.create_session(
            me.user, me.sign_in.device_id, state.settings.free_sessions_per_day, remember
        )
    return schema_response(SessionCreated(session=_session(session), usage=usage), 201)


@blueprint.get("/sessions")
@auth_required
@validate_querystring(SessionListQuery)
@document_response(SessionList, 200)
async def list_sessions(query_args: SessionListQuery) -> Response:
    """The caller's sessions, newest first, `limit` (1-100) at a time from `offset`."""
    items, total = await sessions.list_sessions(
        caller().user,
        limit=query_args.limit,
        offset=query_args.offset,
        status=SessionStatus(query_args.status) if query_args.status else None,
    )
    page = {"items": [_session_fields(s) for s in items], "total": total, **_paging(query_args)}
    return schema_response(SESSION_LIST.validate_python(page))


@blueprint.get("/sessions/<session_id>")
@auth_required
@document_response(Session, 200)
@errors(404)
async def get_session(session_id: str) -> Response:
    """One session, with the reply being generated if there is one. 404 for an unknown,
    malformed or someone else's id alike."""
    session, reply = await sessions.get_session_and_reply(caller().user, session_id)
    return schema_response(_session(session, reply))


@blueprint.patch("/sessions/<session_id>")
@auth_required
@validate_request(SessionUpdate)
@validate_response(Session, 200)
@errors(404, 409, codes=("session_not_active",))
async def update_session(session_id: str, data: SessionUpdate) -> Session:
    """End a session: `completed` or `abandoned`. 409 `session_not_active` if it already ended."""
    session = await sessions.end_session(caller().user, session_id, SessionStatus(data.status))
    return _session(session)


@blueprint.delete("/sessions/<session_id>")
@auth_required
@no_content
@errors(404)
async def delete_session(session_id: str) -> tuple[str, int]:
    """Delete a session and its messages."""
    await sessions.delete_session(caller().user, session_id)
    return "", 204


@blueprint.get("/sessions/<session_id>/messages")
@auth_required
@validate_querystring(MessageListQuery)
@document_response(MessageList, 200)
@errors(404)
async def list_messages(session_id: str, query_args: MessageListQuery) -> Response:
    """A session's messages, oldest first."""
    items, total = await sessions.list_messages(
        caller().user, session_id, limit=query_args.limit, offset=query_args.offset
    )
    for item in items:
        if item.status is MessageStatus.GENERATING:
            item.content = await reply_feeds.text_so_far(item.id, app_state().replies)
    return schema_response(
        MessageList(items=[_message(m) for m in items], total=total, **_paging(query_args))
    )


@blueprint.post("/sessions/<session_id>/messages")
@auth_required
@validate_request(MessageRequest)
@document_headers(MessageHeaders)
@document_response(ReplyStream, 200)
@no_content
@errors(
    404,
    409,
    429,
    codes=(
        "session_not_active",
        "reply_in_progress",
        "step_mismatch",
        "idempotency_in_progress",
        "validation_failed",
        "idempotency_key_reused",
    ),
)
async def send_message(session_id: str, data: MessageRequest) -> Response:
    """Send a message; the coach's reply streams back as Server-Sent Events.

    Refusals come before the stream as JSON: 404, 409 `session_not_active`,
    `reply_in_progress` or `step_mismatch`, 422. The message is stored before the first byte;
    the reply is stored even if the connection drops. With a `Last-Event-ID` header this is a
    reconnection, never a new message: the rest of that reply after that event (live or stored),
    or 204 when the client has it all.
    """
    state = app_state()
    if (after := _last_event_id()) is not None:
        return await _follow(session_id, after)
    user = caller().user
    async with idempotent_request(user) as claim:
        if isinstance(claim, Replay):
            return _event_stream(await replay_feed(claim), {REPLAYED_HEADER: "true"})
        exchange = await begin_exchange(
            user,
            session_id,
            data.content,
            client_step=SolveStep(data.step) if data.step else None,
            lease=state.settings.reply_lock_lease_seconds,
            idempotency=claim,
            load_history=getattr(state.replies.coach, "uses_history", True),
        )
    reply = start_reply(exchange, state.replies)
    launch_reply(exchange, reply, state.replies, current_app.background_tasks)
    return _event_stream(reply.follow(None))


@blueprint.get("/sessions/<session_id>/reply")
@auth_required
@document_headers(FollowHeaders)
@validate_querystring(FollowQuery)
@document_response(ReplyStream, 200)
@no_content
@errors(404)
async def follow_reply(session_id: str, query_args: FollowQuery) -> Response:
    """Follow the session's current or latest reply: what the client missed, then live events,
    then the terminal event (from the event after `Last-Event-ID` or `?after=`, or from the start
    without either). 204 when there is nothing to follow. The app's wake-up call."""
    after = _last_event_id()
    if after is None and query_args.after:
        after = _position(query_args.after)
    return await _follow(session_id, after)


@blueprint.post("/sessions/<session_id>/reply/stop")
@auth_required
@validate_response(Message, 200)
@no_content
@errors(404)
async def stop_reply(session_id: str) -> Message | tuple[str, int]:
    """Stop the reply being generated: it ends within a second, on whichever server runs it, and
    is stored as `interrupted` with what was written so far; every stream following it ends with
    `interrupted` (code `stopped`). Answers the latest reply as it ends up; stopping a reply that
    has already finished changes nothing and answers it as it is; 204 when the session has no
    reply yet."""
    reply = await reply_stops.stop_reply(caller().user, session_id, app_state().replies.live)
    return _message(reply) if reply is not None else ("", 204)


async def _follow(session_id: str, after: Position | None) -> Response:
    state = app_state()
    feed = await reply_feeds.open_feed(caller().user, session_id, after, state.replies)
    if feed is None:
        return Response("", status=204)
    return _event_stream(feed)


def _last_event_id() -> Position | None:
    """The client's ``Last-Event-ID``; an empty one means none (as EventSource sends it)."""
    raw = request.headers.get("Last-Event-ID", "").strip()
    return _position(raw) if raw else None


def _position(raw: str) -> Position:
    position = Position.parse(raw)
    if position is None:
        raise APIError(
            422,
            "validation_failed",
            "The event id is not one this server sent.",
            extra={"errors": [{"loc": ["header", "Last-Event-ID"], "msg": "unknown event id"}]},
        )
    return position


def _event_stream(feed: Feed, headers: dict[str, str] | None = None) -> Response:
    response = Response(
        relay(feed, app_state().heartbeat),
        status=200,
        content_type="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no", **(headers or {})},
    )
    # Quart cuts responses after RESPONSE_TIMEOUT (60 s) by default; a reply may take longer.
    response.timeout = None
    return response


async def _empty_or_json_object() -> None:
    if await request.body_is_empty():  # type: ignore[attr-defined]
        return
    if not isinstance(await request.get_json(), dict):
        raise RequestSchemaValidationError(TypeError("the body must be a JSON object"))


def _paging(query: SessionListQuery | MessageListQuery) -> dict[str, int]:
    """The page a list answers, as asked for."""
    return {"limit": query.limit, "offset": query.offset}


def _session(session: SolveSession | SessionRow, reply: SolveMessage | None = None) -> Session:
    return Session(
        **_session_fields(session),
        reply=(
            ReplyState(message_id=reply.id, status="generating", started_at=reply.created_at)
            if reply is not None
            else None
        ),
    )


def _session_fields(session: SolveSession | SessionRow) -> dict[str, Any]:
    """A session's fields as the ``Session`` schema takes them, without a reply."""
    return {
        "id": session.id,
        "status": session.status.value,
        "current_step": session.current_step.value,
        "device_id": session.device_id,
        "created_at": session.created_at,
        "completed_at": session.completed_at,
    }


def _message(message: SolveMessage) -> Message:
    return Message(
        id=message.id,
        role=message.role.value,
        content=message.content,
        step=message.step.value,
        emotion=message.emotion.value,
        status=message.status.value,
        created_at=message.created_at,
    )
