"""The built-in deterministic coach: one short, useful prompt per step, streamed word by word."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator

from clarity.coach import CoachTurn
from clarity.models import SolveStep

REPLIES: dict[SolveStep, str] = {
    SolveStep.RECEIVE: "I understand how you feel. Let me help you work through this.",
    SolveStep.CLARIFY: (
        "Let's get clear on what is really going on. In a sentence or two: what exactly is the "
        "problem, when does it show up, and what would be different if it were solved?"
    ),
    SolveStep.REFRAME: (
        "Now let's look at it from another angle. If a good friend brought you this exact "
        "problem, what would you tell them? Name one part of it that is within your control."
    ),
    SolveStep.OPTIONS: (
        "Let's find some ways forward. Write down three options, even imperfect ones: one small "
        "step, one bold move, and one that involves asking someone for help. Which feels most "
        "doable?"
    ),
    SolveStep.COMMIT: (
        "Pick the one option you will act on, and make it small enough to start today. Decide "
        "exactly what you will do first and when. You have done real work here; well done."
    ),
}

_WORDS = re.compile(r"\s*\S+")


def split_words(text: str) -> list[str]:
    """Word-sized deltas that keep their leading whitespace, so they concatenate to ``text``."""
    return _WORDS.findall(text)


# The fixed replies' words, split once: every open stream shares them instead of holding a copy.
_REPLY_WORDS: dict[SolveStep, tuple[str, ...]] = {
    step: tuple(split_words(text)) for step, text in REPLIES.items()
}


class ScriptedCoach:
    uses_history = False

    def __init__(self, token_delay: float) -> None:
        self.token_delay = token_delay

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        for index, word in enumerate(_REPLY_WORDS[turn.step]):
            if index and self.token_delay:
                await asyncio.sleep(self.token_delay)
            yield word
