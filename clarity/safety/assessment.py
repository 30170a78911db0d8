"""What the detector answers: a level and the categories that led to it, never the text.

An ``Assessment`` goes to logs and metrics, so it holds only names from a closed set.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class Level(enum.Enum):
    """Risk levels in the order a clinician escalates them (C-SSRS): compare with ``<``."""

    NONE = "none"
    PASSIVE = "passive"
    ACTIVE = "active"
    IMMINENT = "imminent"

    @property
    def rank(self) -> int:
        return _RANKS[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Level):
            return NotImplemented
        return self.rank >= other.rank


_RANKS = {level: rank for rank, level in enumerate(Level)}


@dataclass(frozen=True)
class Assessment:
    categories: frozenset[str]
    level: Level

    @property
    def crisis(self) -> bool:
        return self.level > Level.NONE


NO_RISK = Assessment(categories=frozenset(), level=Level.NONE)
