"""A category's rule set: strong patterns (a signal on their own) and weak ones (a signal only
after recent risk in the conversation). Patterns run on normalised text (see ``normalise.py``):
lower case, ``[a-z0-9]`` words separated by single spaces, padded with a space at each end, with
idioms already masked out (see ``exclusions.py``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from clarity.safety.assessment import Level


@dataclass(frozen=True)
class Rule:
    category: str
    level: Level
    strong: re.Pattern[str]
    weak: re.Pattern[str] | None


def any_of(patterns: Sequence[str]) -> str:
    """One non-capturing alternation of ``patterns``."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def rule(category: str, level: Level, strong: Sequence[str], weak: Sequence[str] = ()) -> Rule:
    return Rule(
        category=category,
        level=level,
        strong=re.compile(any_of(strong)),
        weak=re.compile(any_of(weak)) if weak else None,
    )
