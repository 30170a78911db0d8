"""Solve sessions, their messages, and the coach's reply as a Server-Sent Events stream."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

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
from clarity.cancellation import finish_despite_cancellation
from clarity.extensions import app_state
from clarity.models import SessionStatus, SolveMessage, SolveSession, SolveStep
from clarity.openapi import errors, no_content, optional_body
from clarity.schemas.sessions import (
    IdempotencyHeaders,
    Message,
    MessageList,
    MessageListQuery,
    MessageRequest,
    Session,
    SessionCreate,
    SessionCreated,
    SessionList,
    SessionListQuery,
    SessionUpdate,
    StreamEvent,
)
from clarity.schemas.usage import Usage
from clarity.services import idempotency, sessions
from clarity.services.idempotency import Replay, replay_events
from clarity.services.replies import begin_exchange, run_reply
from clarity.sse import EventChannel, relay

blueprint = Blueprint("sessions", __name__)
# Set on a response that replays the first outcome of an Idempotency-Key.
REPLAYED_HEADER = "Idempotent-Replayed"
SESSION_CREATED = TypeAdapter(SessionCreated)
tag_blueprint(blueprint, ["sessions"])


@blueprint.post("/sessions")
@auth_required
@optional_body
@document_request(SessionCreate)
@document_headers(IdempotencyHeaders)
@validate_response(SessionCreated, 201)
@errors(400, 413, 422, 429)
async def create_session() -> (
    tuple[SessionCreated, int] | tuple[SessionCreated, int, dict[str, str]]
):
    """Start a solve session at the `receive` step.

    Send an empty body or `{}`. Counts against the free plan's daily quota:
    429 `quota_exceeded` with `Retry-After` when it is used up.
    """
    await _empty_or_json_object()
    state = app_state()
    me = caller()
    claimed = None
    if key := idempotency.requested_key():
        outcome = await idempotency.claim(me.user, key)
        if isinstance(outcome, Replay):
            replayed = SessionCreated(**json.loads(outcome.body or "{}"))
            return replayed, outcome.status, {REPLAYED_HEADER: "true"}
        claimed = outcome
    remember = None
    if claimed is not None:
        key_claim = claimed

        async def remember(session: SolveSession, usage: Usage) -> None:
            # Inside the create transaction: the session, the charge and the outcome, or none.
            created = SessionCreated(session=_session(session), usage=usage)
            body = SESSION_CREATED.dump_python(created, mode="json")
            await idempotency.complete(key_claim, 201, body)

    try:
        session, usage = await sessions.create_session(
            me.user, me.sign_in.device_id, state.settings.free_sessions_per_day, remember
        )
    except BaseException:
        await finish_despite_cancellation(idempotency.release(claimed))
        raise
    return SessionCreated(session=_session(session), usage=usage), 201


@blueprint.get("/sessions")
@auth_required
@validate_querystring(SessionListQuery)
@validate_response(SessionList, 200)
async def list_sessions(query_args: SessionListQuery) -> SessionList:
    """The caller's sessions, newest first, `limit` (1-100) at a time from `offset`."""
    items, total = await sessions.list_sessions(
        caller().user,
        limit=query_args.limit,
        offset=query_args.offset,
        status=SessionStatus(query_args.status) if query_args.status else None,
    )
    return SessionList(
        items=[_session(s) for s in items],
        total=total,
        limit=query_args.limit,
        offset=query_args.offset,
    )


@blueprint.get("/sessions/<session_id>")
@auth_required
@validate_response(Session, 200)
@errors(404)
async def get_session(session_id: str) -> Session:
    """One session. 404 for an unknown, malformed or someone else's id alike."""
    return _session(await sessions.get_session(caller().user, session_id))


@blueprint.patch("/sessions/<session_id>")
@auth_required
@validate_request(SessionUpdate)
@validate_response(Session, 200)
@errors(404, 409)
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
@validate_response(MessageList, 200)
@errors(404)
async def list_messages(session_id: str, query_args: MessageListQuery) -> MessageList:
    """A session's messages, oldest first."""
    items, total = await sessions.list_messages(
        caller().user, session_id, limit=query_args.limit, offset=query_args.offset
    )
    return MessageList(
        items=[_message(m) for m in items],
        total=total,
        limit=query_args.limit,
        offset=query_args.offset,
    )


@blueprint.post("/sessions/<session_id>/messages")
@auth_required
@validate_request(MessageRequest)
@document_headers(IdempotencyHeaders)
@document_response(StreamEvent, 200)
@errors(404, 409, 429)
async def send_message(session_id: str, data: MessageRequest) -> Response:
    """Send a message; the coach's reply streams back as Server-Sent Events.

    Refusals come before the stream as JSON: 404, 409 `session_not_active`,
    `reply_in_progress` or `step_mismatch`, 422. The message is stored before the first byte;
    the reply is stored even if the connection drops.
    """
    state = app_state()
    settings = state.settings
    user = caller().user
    claimed = None
    if key := idempotency.requested_key():
        outcome = await idempotency.claim(user, key)
        if isinstance(outcome, Replay):
            return _event_stream(replay_events(outcome), {REPLAYED_HEADER: "true"})
        claimed = outcome
    try:
        exchange = await begin_exchange(
            user,
            session_id,
            data.content,
            SolveStep(data.step) if data.step else None,
            settings.reply_lock_lease_seconds,
            claimed,
            load_history=getattr(state.coach, "uses_history", True),
        )
    except BaseException:
        await finish_despite_cancellation(idempotency.release(claimed))
        raise
    events = EventChannel()
    current_app.add_background_task(
        run_reply, exchange, state.coach, settings, state.leases, events
    )
    return _event_stream(relay(events, settings.stream_heartbeat_seconds))


def _event_stream(body: AsyncIterator[bytes], headers: dict[str, str] | None = None) -> Response:
    response = Response(
        body,
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


def _session(session: SolveSession) -> Session:
    return Session(
        id=session.id,
        status=session.status.value,
        current_step=session.current_step.value,
        device_id=session.device_id,
        created_at=session.created_at,
        completed_at=session.completed_at,
    )


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
