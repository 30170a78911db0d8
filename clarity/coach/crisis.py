"""The crisis-support reply, as a coach of its own: chosen instead of the configured coach when
the user's message shows a risk of self-harm, before anything is generated. Safety stays on our
side: such a message never reaches a model."""

from __future__ import annotations

from collections.abc import AsyncIterator

from clarity.coach import CoachTurn
from clarity.coach.scripted import split_words

CRISIS_REPLY = (
    "I'm really sorry you're going through this, and I'm glad you told me. You don't have to "
    "face it alone. If you might act on these thoughts or you are in danger, please contact one "
    "of the services below right now, or someone you trust who can be with you. I'm still here "
    "when you want to keep talking."
)
_WORDS = tuple(split_words(CRISIS_REPLY))


class CrisisCoach:
    uses_history = False

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        for word in _WORDS:
            yield word


CRISIS_COACH = CrisisCoach()
