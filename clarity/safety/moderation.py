"""A moderation model's second opinion, next to the rules.

The client speaks the OpenAI-compatible moderation API: ``POST {base_url}/moderations`` with
``{"model": ..., "input": text}``, answered by ``results[0].categories`` with ``self-harm``,
``self-harm/intent`` and ``self-harm/instructions`` booleans. The model can only add a flag:
``self-harm/intent`` reads as ``intent`` (imminent), ``self-harm`` as ``active_thoughts`` and
``self-harm/instructions`` as ``method`` (active). When it is late, down or answers nonsense, the
rules decide alone and the call still returns within its deadline.

Only the latest message is sent (not the history), and nothing of it is logged: a failure is
logged by its kind alone (``timeout``, ``status 500``, ``malformed``, ``connect``), never with
the server's error body, which may quote the input.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Protocol

import httpx
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictFloat, ValidationError

from clarity.safety.assessment import NO_RISK, Assessment, Level
from clarity.safety.detector import HISTORY_WINDOW, assess, assessment_of, merge

log = logging.getLogger("clarity.safety.moderation")


class Moderator(Protocol):
    async def assess(self, message: str) -> Assessment:
        """The model's reading of ``message``; raises ``ModerationError`` when it has none."""
        ...


class ModerationError(Exception):
    """The model gave no usable answer. ``kind`` is safe to log; nothing else is kept."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


class _Categories(BaseModel):
    model_config = ConfigDict(extra="ignore")

    self_harm: StrictBool = Field(alias="self-harm")
    self_harm_intent: StrictBool = Field(default=False, alias="self-harm/intent")
    self_harm_instructions: StrictBool = Field(default=False, alias="self-harm/instructions")


class _Result(BaseModel):
    model_config = ConfigDict(extra="ignore")

    categories: _Categories
    category_scores: dict[str, StrictFloat | int] = Field(default_factory=dict)


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore")

    results: list[_Result] = Field(min_length=1)


def reading(categories: _Categories) -> Assessment:
    """What the model's flags mean in the detector's terms."""
    flagged: set[str] = set()
    if categories.self_harm_intent:
        flagged.add("intent")
    if categories.self_harm:
        flagged.add("active_thoughts")
    if categories.self_harm_instructions:
        flagged.add("method")
    return assessment_of(frozenset(flagged))


class HTTPModerator:
    """An OpenAI-compatible moderation endpoint over httpx."""

    def __init__(
        self,
        *,
        base_url: str,
        model: str,
        api_key: str | None = None,
        timeout: float = 10.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._url = base_url.rstrip("/") + "/moderations"
        self._model = model
        self._client = client or httpx.AsyncClient(timeout=timeout, headers=headers)
        self._owns_client = client is None

    async def assess(self, message: str) -> Assessment:
        try:
            response = await self._client.post(
                self._url, json={"model": self._model, "input": message}
            )
        except httpx.TimeoutException:
            raise ModerationError("timeout") from None
        except httpx.ConnectError:
            raise ModerationError("connect") from None
        except httpx.HTTPError:
            raise ModerationError("transport") from None
        if not response.is_success:
            raise ModerationError(f"status {response.status_code}")
        try:
            parsed = _Response.model_validate_json(response.content)
        except ValidationError:
            raise ModerationError("malformed") from None
        return reading(parsed.results[0].categories)

    async def aclose(self) -> None:
        if self._owns_client:
            await self._client.aclose()


# The rules cost about 7 µs a character of what they read (a typical chat message: under a
# millisecond; a 4,000-character one with three as long before it: about 40 ms). From this
# many characters they run in a worker thread, so that the event loop serves other requests
# between the interpreter's thread switches (every 5 ms) instead of waiting for the whole read.
OFF_LOOP_CHARACTERS = 500


async def rules_assessment(message: str, history: Sequence[str]) -> Assessment:
    """``assess(message, history)``, off the event loop when the text it reads is long. A
    cancelled caller leaves the thread to finish: it only computes, and its answer is dropped."""
    recent = history[-HISTORY_WINDOW:]
    if len(message) + sum(len(earlier) for earlier in recent) < OFF_LOOP_CHARACTERS:
        return assess(message, recent)
    return await asyncio.to_thread(assess, message, recent)


async def assess_with_second_opinion(
    message: str,
    history: Sequence[str],
    moderator: Moderator | None,
    deadline: float,
) -> Assessment:
    """The rules' assessment, raised (never lowered) by the model's if it answers in time.

    The rules run first: they take under a millisecond on a typical message, so the
    deadline is all the model's. A message the rules already find imminent is not sent at all:
    no answer could raise it.
    """
    rules = await rules_assessment(message, history)
    if moderator is None or rules.level is Level.IMMINENT:
        return rules
    second = NO_RISK
    try:
        async with asyncio.timeout(deadline):
            second = await moderator.assess(message)
    except TimeoutError:
        log.warning("moderation second opinion unavailable: timeout")
    except ModerationError as error:
        log.warning("moderation second opinion unavailable: %s", error.kind)
    except Exception as error:  # a faulty moderator must not take the rules' answer with it
        log.warning("moderation second opinion unavailable: %s", type(error).__name__)
    return merge(rules, second)
