"""A small client for the Clarity API, used by `clarity chat` and `clarity demo`."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from httpx_sse import aconnect_sse


class ApiError(Exception):
    """The server refused a request: its problem+json `code` and `detail`."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(f"{status} {code}: {detail}")
        self.status = status
        self.code = code
        self.detail = detail


@dataclass
class StreamEvent:
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

    async def get_session(self, session_id: str) -> dict[str, Any]:
        return await self._json("GET", f"/sessions/{session_id}")

    async def send_message(
        self, session_id: str, content: str, step: str | None = None
    ) -> AsyncIterator[StreamEvent]:
        """The reply's events as they arrive (`token`..., then `done` or `error`)."""
        payload: dict[str, Any] = {"content": content}
        if step:
            payload["step"] = step
        async with aconnect_sse(
            self._http,
            "POST",
            f"/sessions/{session_id}/messages",
            json=payload,
            headers=self._auth,
            timeout=httpx.Timeout(30.0, read=None),
        ) as source:
            response = source.response
            if not response.headers.get("content-type", "").startswith("text/event-stream"):
                await response.aread()
                raise _api_error(response)
            async for event in source.aiter_sse():
                if event.event in {"token", "done", "interrupted"}:  # ignore unknown event types
                    yield StreamEvent(event.event, json.loads(event.data))

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


def _api_error(response: httpx.Response) -> ApiError:
    try:
        body = response.json()
        return ApiError(response.status_code, body.get("code", "error"), body.get("detail", ""))
    except ValueError:
        return ApiError(response.status_code, "error", response.text[:200])
