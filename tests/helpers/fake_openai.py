"""A fake OpenAI-compatible server on loopback, for the openai coach's tests.

It streams ``chat.completion.chunk`` events like the real API and follows a script, one entry
per request: a reply (optionally slow), an error status, a stream cut off midway, a malformed
chunk, or a body that echoes the caller's Authorization header (to prove keys are not logged).

Run it by hand for a demo:  python -m tests.helpers.fake_openai --port 8765
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import socket
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from hypercorn.asyncio import serve
from hypercorn.config import Config
from quart import Quart, Response, request


@dataclass
class Reply:
    text: str = "Thank you for telling me. What matters most to you here?"
    delay: float = 0.0  # before each chunk
    first_delay: float = 0.0  # before the response starts


@dataclass
class Status:
    status: int
    echo_authorization: bool = False


@dataclass
class Cut:
    """Stream this text, then drop the connection without finishing the stream."""

    text: str


@dataclass
class Malformed:
    """Stream this text, then a chunk that is not JSON."""

    text: str


Step = Reply | Status | Cut | Malformed


@dataclass
class Moderation:
    """A moderation answer with these self-harm flags (after ``delay`` seconds)."""

    self_harm: bool = False
    intent: bool = False
    instructions: bool = False
    delay: float = 0.0


@dataclass
class Garbage:
    """A 200 answer whose body is this text, whatever the route expects."""

    body: str


ModerationStep = Moderation | Status | Garbage


class StreamCut(Exception):
    pass


@dataclass
class FakeOpenAI:
    script: list[Step] = field(default_factory=list)
    default: Step = field(default_factory=Reply)
    requests: list[dict[str, Any]] = field(default_factory=list)
    authorizations: list[str] = field(default_factory=list)
    base_url: str = ""
    # /v1/moderations follows its own script, one entry per request.
    moderation_script: list[ModerationStep] = field(default_factory=list)
    moderation_default: ModerationStep = field(default_factory=Moderation)
    moderation_requests: list[dict[str, Any]] = field(default_factory=list)

    def app(self) -> Quart:
        app = Quart("fake_openai")

        @app.post("/v1/chat/completions")
        async def completions() -> Response:
            body = await request.get_json()
            self.requests.append(body)
            self.authorizations.append(request.headers.get("Authorization", ""))
            step = self.script.pop(0) if self.script else self.default
            if isinstance(step, Status):
                detail = (
                    f"bad request from {request.headers.get('Authorization')}"
                    if step.echo_authorization
                    else "upstream trouble"
                )
                return Response(
                    json.dumps({"error": {"message": detail, "type": "server_error"}}),
                    status=step.status,
                    content_type="application/json",
                    # Keeps the SDK's retries fast in tests.
                    headers={"retry-after-ms": "10"},
                )
            if isinstance(step, Reply) and step.first_delay:
                await asyncio.sleep(step.first_delay)
            response = Response(
                self._stream(step, body.get("model", "fake")), content_type="text/event-stream"
            )
            response.timeout = None
            return response

        @app.post("/v1/moderations")
        async def moderations() -> Response:
            body = await request.get_json()
            self.moderation_requests.append(body)
            self.authorizations.append(request.headers.get("Authorization", ""))
            step = (
                self.moderation_script.pop(0) if self.moderation_script else self.moderation_default
            )
            if isinstance(step, Status):
                error = {"error": {"message": f"upstream trouble with {body.get('input')!r}"}}
                return Response(
                    json.dumps(error), status=step.status, content_type="application/json"
                )
            if isinstance(step, Garbage):
                return Response(step.body, content_type="application/json")
            await asyncio.sleep(step.delay)
            return Response(json.dumps(_moderation(step)), content_type="application/json")

        return app

    async def _stream(self, step: Step, model: str) -> AsyncIterator[bytes]:
        assert not isinstance(step, Status)
        created = int(time.time())
        delay = step.delay if isinstance(step, Reply) else 0.0
        yield _chunk(model, created, {"role": "assistant", "content": ""})
        for word in re.findall(r"\s*\S+", step.text):
            if delay:
                await asyncio.sleep(delay)
            yield _chunk(model, created, {"content": word})
        if isinstance(step, Cut):
            raise StreamCut("cut off mid-stream")
        if isinstance(step, Malformed):
            yield b'data: {"id": "chatcmpl-fake", "choices": [{"delta": {"content": \n\n'
            return
        yield _chunk(model, created, {}, finish_reason="stop")
        yield b"data: [DONE]\n\n"


def _chunk(
    model: str, created: int, delta: dict[str, str], finish_reason: str | None = None
) -> bytes:
    payload = {
        "id": "chatcmpl-fake",
        "object": "chat.completion.chunk",
        "created": created,
        "model": model,
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason}],
    }
    return f"data: {json.dumps(payload)}\n\n".encode()


def _moderation(step: Moderation) -> dict[str, Any]:
    flags = {
        "self-harm": step.self_harm or step.intent or step.instructions,
        "self-harm/intent": step.intent,
        "self-harm/instructions": step.instructions,
        "harassment": False,
        "violence": False,
    }
    return {
        "id": "modr-fake",
        "model": "omni-moderation-latest",
        "results": [
            {
                "flagged": any(flags.values()),
                "categories": flags,
                "category_scores": {name: 0.9 if on else 0.01 for name, on in flags.items()},
            }
        ],
    }


@asynccontextmanager
async def running(fake: FakeOpenAI) -> AsyncIterator[FakeOpenAI]:
    """Serve ``fake`` on a free loopback port in this event loop."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = Config()
    config.bind = [f"127.0.0.1:{port}"]
    config.accesslog = None
    config.graceful_timeout = 0.1
    stop = asyncio.Event()
    task = asyncio.create_task(serve(fake.app(), config, shutdown_trigger=stop.wait))  # type: ignore[arg-type]
    async with asyncio.timeout(10):
        while True:
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                await asyncio.sleep(0.02)
                continue
            writer.close()
            break
    fake.base_url = f"http://127.0.0.1:{port}/v1"
    try:
        yield fake
    finally:
        stop.set()
        await task


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--delay", type=float, default=0.08, help="seconds between chunks")
    args = parser.parse_args()
    fake = FakeOpenAI(default=Reply(text=Reply().text, delay=args.delay))
    config = Config()
    config.bind = [f"127.0.0.1:{args.port}"]
    print(f"fake OpenAI-compatible server on http://127.0.0.1:{args.port}/v1")
    asyncio.run(serve(fake.app(), config))  # type: ignore[arg-type]


if __name__ == "__main__":
    main()
