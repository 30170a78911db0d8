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
    # Signals that are weak once but strong twice in one message (goodbyes add up).
    twice: re.Pattern[str] | None = None
    # Everyday contexts in which none of the strong patterns counts (a will before surgery).
    unless: re.Pattern[str] | None = None
    # Everyday contexts in which weak signals do not add up ("i've made up my mind, i'm taking
    # the job in leeds. thanks for trying to help"): the strong patterns still count there.
    twice_unless: re.Pattern[str] | None = None

    def strong_in(self, text: str) -> bool:
        if self.unless is not None and self.unless.search(text):
            return False
        if self.strong.search(text):
            return True
        if self.twice is None or (self.twice_unless is not None and self.twice_unless.search(text)):
            return False
        found = self.twice.finditer(text)
        return next(found, None) is not None and next(found, None) is not None


def any_of(patterns: Sequence[str]) -> str:
    """One non-capturing alternation of ``patterns``."""
    return "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")"


def at_word_starts(patterns: Sequence[str], whole: Sequence[str] = ()) -> re.Pattern[str]:
    """``patterns`` tried only where a word starts (after a space), ``whole`` only once at the
    start of the text (for lookahead conjunctions). ``re`` tries every alternative at every
    position; the literal lookbehind lets it skip the inside of words, about three times faster
    on chat-length messages."""
    branches = [f"(?<= ){any_of(patterns)}"]
    if whole:
        branches.append(rf"\A{any_of(whole)}")
    return re.compile("|".join(branches))


def rule(
    category: str,
    level: Level,
    strong: Sequence[str],
    weak: Sequence[str] = (),
    whole: Sequence[str] = (),
    twice: Sequence[str] = (),
    unless: str | None = None,
    twice_unless: str | None = None,
) -> Rule:
    """``whole``: strong patterns matched once from the start of the text, e.g. ``(?=.*a)(?=.*b)``
    for "a and b anywhere"."""
    return Rule(
        category=category,
        level=level,
        strong=at_word_starts(strong, whole),
        weak=at_word_starts(weak) if weak else None,
        twice=at_word_starts(twice) if twice else None,
        unless=re.compile(unless) if unless else None,
        twice_unless=re.compile(twice_unless) if twice_unless else None,
    )
