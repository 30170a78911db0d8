"""A small client for the Clarity API, used by `clarity chat` and `clarity demo`."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from httpx_sse import aconnect_sse

DEFAULT_URL = "http://127.0.0.1:8000"
STREAM_EVENTS = {"start", "token", "done", "interrupted"}


class ServerProblem(Exception):
    """The server refused a request: its problem+json `code` and `detail`."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail


@dataclass
class ReplyEvent:
    event: str
    data: dict[str, Any]


class ApiClient:
    def __init__(self, base_url: str, timeout: float = 30.0) -> None:
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/"), timeout=timeout)
        self.token: str | None = None

    async def __aenter__(self) -> ApiClient:
        return self

    async def __aexit__(self, *_: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    @property
    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def register(self, email: str, password: str, device_id: str | None = None) -> None:
        body = await self._json("POST", "/auth/register", _credentials(email, password, device_id))
        self.token = body["token"]

    async def login(self, email: str, password: str, device_id: str | None = None) -> None:
        body = await self._json("POST", "/auth/login", _credentials(email, password, device_id))
        self.token = body["token"]

    async def me(self) -> dict[str, Any]:
        return await self._json("GET", "/me")

    async def create_session(self) -> dict[str, Any]:
        body = await self._json("POST", "/sessions", {})
        session: dict[str, Any] = body["session"]
        return session

    async def delete_me(self) -> None:
        """Delete the account and everything in it."""
        response = await self._http.delete("/me", headers=self._auth)
        if response.status_code >= 400:
            raise _api_error(response)
        self.token = None

    async def get_session(self, session_id: str) -> dict[str, Any]:
        return await self._json("GET", f"/sessions/{session_id}")

    async def messages(self, session_id: str, page: int = 100) -> AsyncIterator[dict[str, Any]]:
        """Every message of a session, oldest first, a page of `page` at a time."""
        offset = 0
        while True:
            body = await self._json(
                "GET", f"/sessions/{session_id}/messages?limit={page}&offset={offset}"
            )
            for message in body["items"]:
                yield message
            offset += len(body["items"])
            if not body["items"] or offset >= body["total"]:
                return

    def send_message(
        self, session_id: str, content: str, step: str | None = None
    ) -> AsyncIterator[ReplyEvent]:
        """The reply's events as they arrive (`start`, `token`..., then `done` or
        `interrupted`)."""
        payload: dict[str, Any] = {"content": content}
        if step:
            payload["step"] = step
        return self._stream("POST", f"/sessions/{session_id}/messages", json=payload)

    def follow_reply(self, session_id: str) -> AsyncIterator[ReplyEvent]:
        """The session's latest reply from its start, then live to its end (nothing when the
        session has no reply to follow)."""
        return self._stream("GET", f"/sessions/{session_id}/reply")

    async def _stream(self, method: str, path: str, **kwargs: Any) -> AsyncIterator[ReplyEvent]:
        async with aconnect_sse(
            self._http,
            method,
            path,
            headers=self._auth,
            timeout=httpx.Timeout(30.0, read=None),
            **kwargs,
        ) as source:
            response = source.response
            if response.status_code == 204:
                return
            if not response.headers.get("content-type", "").startswith("text/event-stream"):
                await response.aread()
                raise _api_error(response)
            async for event in source.aiter_sse():
                if event.event in STREAM_EVENTS:  # ignore unknown event types
                    yield ReplyEvent(event.event, json.loads(event.data))

    async def _json(self, method: str, path: str, body: Any = None) -> dict[str, Any]:
        response = await self._http.request(method, path, json=body, headers=self._auth)
        if response.status_code >= 400:
            raise _api_error(response)
        data: dict[str, Any] = response.json()
        return data


def _credentials(email: str, password: str, device_id: str | None) -> dict[str, Any]:
    body: dict[str, Any] = {"email": email, "password": password}
    if device_id:
        body["device_id"] = device_id
    return body


def _api_error(response: httpx.Response) -> ServerProblem:
    try:
        body = response.json()
        return ServerProblem(
            response.status_code, body.get("code", "error"), body.get("detail", "")
        )
    except ValueError:
        return ServerProblem(response.status_code, "error", response.text[:200])
