"""Coaches for tests: each misbehaves (or waits) in one specific way."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from quart import Quart

from clarity.coach import CoachTurn
from clarity.coach.scripted import REPLIES, split_words


def use_coach(app: Quart, coach: Any) -> None:
    """Make ``app`` reply with ``coach`` from its next message on."""
    app.extensions["clarity"].replies.coach = coach


class GatedCoach:
    """The scripted reply, but each word waits until the test lets it through."""

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.gate = asyncio.Semaphore(0)
        self.turns: list[CoachTurn] = []

    def release(self, words: int = 10_000) -> None:
        for _ in range(words):
            self.gate.release()

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        self.turns.append(turn)
        self.started.set()
        for word in split_words(REPLIES[turn.step]):
            await self.gate.acquire()
            yield word


class SlowCoach:
    """The scripted reply with a fixed pause before every word."""

    def __init__(self, delay: float) -> None:
        self.delay = delay

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        for word in split_words(REPLIES[turn.step]):
            await asyncio.sleep(self.delay)
            yield word


class FailingCoach:
    """Two words, then an exception."""

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        yield "Half"
        yield " a"
        raise RuntimeError("the model fell over")


class GarbageCoach:
    """A word, then something that is not text."""

    async def reply(self, turn: CoachTurn) -> AsyncIterator[Any]:
        yield "Hello"
        yield {"not": "text"}


class HangingCoach:
    """A word, then silence forever."""

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        yield "Well"
        await asyncio.Event().wait()
        yield "never"


class EmptyCoach:
    """Only whitespace."""

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        yield "  "
        yield "\n"
