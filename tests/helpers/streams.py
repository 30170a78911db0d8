"""Reading the message stream in tests, with a real SSE client library (httpx-sse)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx
from httpx_sse import ServerSentEvent, aconnect_sse


@dataclass
class StreamResult:
    status: int
    headers: httpx.Headers
    events: list[ServerSentEvent] = field(default_factory=list)
    body: Any = None  # the JSON body of a refusal

    @property
    def tokens(self) -> list[str]:
        return [json.loads(e.data)["content"] for e in self.events if e.event == "token"]

    @property
    def text(self) -> str:
        return "".join(self.tokens)

    @property
    def last(self) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(self.events[-1].data)
        return data


async def send_message(
    http: httpx.AsyncClient,
    session_id: str,
    headers: dict[str, str],
    content: str = "I keep putting off a hard conversation with my sister.",
    step: str | None = None,
) -> StreamResult:
    payload: dict[str, Any] = {"content": content}
    if step is not None:
        payload["step"] = step
    async with aconnect_sse(
        http, "POST", f"/sessions/{session_id}/messages", json=payload, headers=headers
    ) as source:
        response = source.response
        result = StreamResult(response.status_code, response.headers)
        if response.headers.get("content-type", "").startswith("text/event-stream"):
            result.events = [
                event
                async for event in source.aiter_sse()
                # httpx-sse dispatches an empty "message" for a comment block (`: ping`) once an
                # event has had an id; the SSE spec (and EventSource) dispatch nothing when the
                # data buffer is empty. Drop them as a browser would.
                if not (event.event == "message" and event.data == "")
            ]
        else:
            await response.aread()
            result.body = response.json()
    return result
