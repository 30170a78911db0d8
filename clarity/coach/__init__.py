"""The coach: what answers the user at each step. A Protocol, so that configuration picks it.

Emotion detection and crisis safety are local and run before any coach is asked, whatever the
coach is: see ``emotion.py`` and ``safety.py``.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Protocol

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
