"""The crisis-support reply, as a coach of its own: chosen instead of the configured coach when
the user's message shows a risk of self-harm (``clarity.safety``), before anything is generated;
and the check-in that follows it in the session's next exchange. Safety stays on our side: such
a message never reaches a model."""

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


class FixedReplyCoach:
    """A coach that always says the same thing, word by word."""

    uses_history = False

    def __init__(self, text: str) -> None:
        self._words = tuple(split_words(text))

    async def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        for word in self._words:
            yield word


# The exchange after a crisis reply: a check-in before coaching resumes (the step stays).
CHECK_IN_REPLY = (
    "Thank you for coming back to this. Before we carry on: how are you feeling right now, and "
    "are you safe? If those thoughts come back or feel too strong, the services I shared are "
    "there at any hour, and so is someone you trust. Whenever you're ready, tell me where you'd "
    "like to pick up and we'll take it from there."
)
CRISIS_COACH = FixedReplyCoach(CRISIS_REPLY)
CHECK_IN_COACH = FixedReplyCoach(CHECK_IN_REPLY)
