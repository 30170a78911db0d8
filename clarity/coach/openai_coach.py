"""A language-model coach behind the same stream, through any OpenAI-compatible server.

The official ``openai`` client does the HTTP: it streams ``chat.completion.chunk`` events and
retries 429, 5xx, timeouts and connection errors with exponential backoff (honouring
``Retry-After``) before the response starts. Those retries are bounded by ``timeout``, the
deadline for the first token. Once text has streamed, a failure ends the reply (the reply task
stores the partial text as interrupted). Safety and emotion stay local: crisis messages never
reach this class.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

import openai
from openai import AsyncOpenAI
from openai.types.chat import ChatCompletionMessageParam

from clarity.coach import CoachTurn, HistoryEntry
from clarity.models import MessageRole, SolveStep

# What every step asks of the model. Shared preamble first, then the step's own task.
PREAMBLE = (
    "You are Clarity, a warm, practical coach who helps one person work through a problem they "
    "are stuck on, in five steps: receive, clarify, reframe, options, commit. Write plain text "
    "(no markdown, no lists with symbols), at most 90 words, in the person's language. Never "
    "diagnose or give medical, legal or financial advice. Stay on the current step."
)
STEP_PROMPTS: dict[SolveStep, str] = {
    SolveStep.RECEIVE: (
        "Step: receive. Reflect back what you heard in one or two sentences and validate how it "
        "feels. Do not offer solutions yet."
    ),
    SolveStep.CLARIFY: (
        "Step: clarify. Ask exactly one focused question that makes the problem more concrete "
        "(what, when, what would be different if it were solved)."
    ),
    SolveStep.REFRAME: (
        "Step: reframe. Offer a kinder, more workable way to see the problem, and point to one "
        "part of it that is within the person's control."
    ),
    SolveStep.OPTIONS: (
        "Step: options. Suggest two or three concrete, different options, each in one sentence, "
        "and ask which feels most doable."
    ),
    SolveStep.COMMIT: (
        "Step: commit. Help the person choose one small next action and name when they will do "
        "it (a day and a time). End with brief encouragement."
    ),
}
# The SDK wants a key even for local servers that ignore it.
PLACEHOLDER_API_KEY = "not-needed"


class CoachUpstreamError(Exception):
    """The model server failed. The message never contains the API key."""


class OpenAICoach:
    uses_history = True

    def __init__(
        self,
        *,
        model: str,
        base_url: str | None,
        api_key: str | None,
        timeout: float,
        history_chars: int,
        max_retries: int = 4,
    ) -> None:
        self.model = model
        self.timeout = timeout
        self.history_chars = history_chars
        self._api_key = api_key or PLACEHOLDER_API_KEY
        self._client = AsyncOpenAI(
            base_url=base_url, api_key=self._api_key, timeout=timeout, max_retries=max_retries
        )

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        messages = build_messages(turn, self.history_chars)
        try:
            async with asyncio.timeout(self.timeout):
                stream = await self._client.chat.completions.create(
                    model=self.model, messages=messages, stream=True
                )
        except TimeoutError:
            raise CoachUpstreamError("the model did not answer before the deadline") from None
        except openai.OpenAIError as error:
            raise self._upstream_error(error) from None
        try:
            async with stream:
                async for chunk in stream:
                    for choice in chunk.choices:
                        if choice.delta.content:
                            yield choice.delta.content
        except openai.OpenAIError as error:
            raise self._upstream_error(error) from None

    async def aclose(self) -> None:
        await self._client.close()

    def _upstream_error(self, error: openai.OpenAIError) -> CoachUpstreamError:
        status = getattr(error, "status_code", None)
        what = f"status {status}" if status else type(error).__name__
        # Only the kind of failure, never the server's text: it may echo the request.
        return CoachUpstreamError(f"the model server failed ({what})")


def build_messages(turn: CoachTurn, history_chars: int) -> list[ChatCompletionMessageParam]:
    """System prompt for the step, then as much recent history as fits, then the message."""
    messages: list[ChatCompletionMessageParam] = [
        {"role": "system", "content": f"{PREAMBLE}\n\n{STEP_PROMPTS[turn.step]}"}
    ]
    for entry in _recent(turn.history, history_chars - len(turn.message)):
        if entry.role is MessageRole.USER:
            messages.append({"role": "user", "content": entry.content})
        else:
            messages.append({"role": "assistant", "content": entry.content})
    messages.append({"role": "user", "content": turn.message})
    return messages


def _recent(history: Sequence[HistoryEntry], budget: int) -> list[HistoryEntry]:
    """The newest entries whose text fits in ``budget`` characters, oldest first."""
    kept: list[HistoryEntry] = []
    for entry in reversed(history):
        budget -= len(entry.content)
        if budget < 0:
            break
        kept.append(entry)
    kept.reverse()
    return kept
