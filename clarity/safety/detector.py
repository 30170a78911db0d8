"""Reading one message, and the latest message in the light of the recent ones.

Each message yields strong signals (categories that count on their own) and weak ones
(ambiguous alone: "I'm ready", "said my goodbyes", giving things away). A weak signal in the
latest message counts, with the category it points to, only when one of the recent messages
showed risk by a strong signal. History never flags an ordinary latest message by itself: each
earlier message was assessed when it was sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clarity.safety.assessment import NO_RISK, Assessment, Level
from clarity.safety.categories import RULES
from clarity.safety.exclusions import mask, reported
from clarity.safety.normalise import disguised, normalise

_LEVELS = {rule.category: rule.level for rule in RULES}
# The caller passes the last three messages; more would let old risk colour new small talk.
HISTORY_WINDOW = 3


@dataclass(frozen=True)
class Signals:
    strong: frozenset[str]
    weak: frozenset[str]


_NOTHING = Signals(frozenset(), frozenset())


def signals(message: str, with_weak: bool = True) -> Signals:
    """``with_weak=False`` skips the weak patterns, for when they could not count (no history,
    or an earlier message, where only strong signals are read)."""
    text = mask(normalise(message))
    strong: set[str] = set()
    weak: set[str] = set()
    for rule in RULES:
        if rule.strong_in(text):
            strong.add(rule.category)
        elif with_weak and rule.weak is not None and rule.weak.search(text):
            weak.add(rule.category)
    if (strong or weak) and reported(text):
        return _NOTHING
    if strong and disguised(message):
        strong.add("slang")
    return Signals(frozenset(strong), frozenset(weak))


def assessment_of(categories: frozenset[str]) -> Assessment:
    if not categories:
        return NO_RISK
    return Assessment(categories=categories, level=max(_LEVELS[c] for c in categories))


def assess(message: str, history: Sequence[str] = ()) -> Assessment:
    """The risk shown by ``message``, the user's latest, given ``history`` (their previous
    messages in the session, oldest first)."""
    recent = history[-HISTORY_WINDOW:]
    latest = signals(message, with_weak=bool(recent))
    categories = latest.strong
    if latest.weak and any(signals(earlier, with_weak=False).strong for earlier in recent):
        categories = categories | latest.weak
    return assessment_of(categories)


def merge(first: Assessment, second: Assessment) -> Assessment:
    """Both opinions at once: a flag from either stays."""
    categories = first.categories | second.categories
    return Assessment(categories=categories, level=max(first.level, second.level))


__all__ = ["Level", "assess", "merge", "signals"]
