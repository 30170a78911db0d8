"""The coach: what answers the user at each step. A Protocol, so that configuration picks it.

Emotion detection and crisis safety are local and run before any coach is asked, whatever the
coach is: see ``emotion.py`` and ``safety.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from clarity.config import Settings
from clarity.models import Emotion, MessageRole, SolveStep


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    role: MessageRole
    content: str
    step: SolveStep


@dataclass(frozen=True, slots=True)
class CoachTurn:
    """Everything a coach may use to answer one user message."""

    step: SolveStep
    message: str
    emotion: Emotion
    history: Sequence[HistoryEntry] = field(default_factory=tuple)


class Coach(Protocol):
    # Whether `turn.history` is used: the history is only read from the database when it is.
    uses_history: bool

    def reply(self, turn: CoachTurn) -> AsyncIterator[str]:
        """Yield the reply as text deltas that concatenate to the whole reply."""
        ...


def make_coach(settings: Settings) -> Coach:
    """The coach ``CLARITY_COACH`` names (imported lazily: each pulls its own dependencies)."""
    if settings.coach == "openai":
        from clarity.coach.openai_coach import OpenAICoach

        return OpenAICoach(
            model=settings.coach_model,
            base_url=settings.coach_base_url,
            api_key=settings.coach_api_key,
            timeout=settings.coach_timeout,
            history_chars=settings.coach_history_chars,
        )
    from clarity.coach.scripted import ScriptedCoach

    return ScriptedCoach(token_delay=settings.coach_token_delay)
