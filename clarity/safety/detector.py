"""Reading one message, and the latest message in the light of the recent ones.

Each message yields strong signals (categories that count on their own) and weak ones
(ambiguous alone: "I'm ready", "said my goodbyes", giving things away). A weak signal in the
latest message counts, with the category it points to, only when one of the recent messages
showed risk by a strong signal. History never flags an ordinary latest message by itself: each
earlier message was assessed when it was sent.

When the rules see nothing at all in the latest message (no strong or weak pattern, and no risk
words they read as a report on someone else), the learned layer (``learned/``) reads the same
text and may flag it with one category. It never removes or changes what the rules found, never
overrides their judgement that a phrase is ambiguous or a report, and reads the latest message
only (history stays the rules').
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from clarity.safety.assessment import NO_RISK, Assessment, Level
from clarity.safety.categories import RULES
from clarity.safety.exclusions import mask, reported
from clarity.safety.learned import flag as learned_flag
from clarity.safety.normalise import disguised, normalise

_LEVELS = {rule.category: rule.level for rule in RULES}
# The caller passes the last three messages; more would let old risk colour new small talk.
HISTORY_WINDOW = 3


@dataclass(frozen=True)
class Signals:
    strong: frozenset[str]
    weak: frozenset[str]
    # Whether any pattern matched at all, even when the message was then read as a report on
    # someone else: the learned layer reads only messages in which the rules saw nothing.
    seen: bool = False


_NOTHING = Signals(frozenset(), frozenset())
_REPORTED = Signals(frozenset(), frozenset(), seen=True)


def reading(message: str) -> str:
    """``message`` as the rules and the learned layer read it: normalised, idioms masked."""
    return mask(normalise(message))


def signals(message: str, with_weak: bool = True) -> Signals:
    """``with_weak=False`` skips the weak patterns, for when they could not count (no history,
    or an earlier message, where only strong signals are read)."""
    return _signals_in(message, reading(message), with_weak)


def _signals_in(message: str, text: str, with_weak: bool) -> Signals:
    strong: set[str] = set()
    weak: set[str] = set()
    for rule in RULES:
        if rule.strong_in(text):
            strong.add(rule.category)
        elif with_weak and rule.weak is not None and rule.weak.search(text):
            weak.add(rule.category)
    if not (strong or weak):
        return _NOTHING
    if reported(text):
        return _REPORTED
    if strong and disguised(message):
        strong.add("slang")
    return Signals(frozenset(strong), frozenset(weak), seen=True)


def assessment_of(categories: frozenset[str]) -> Assessment:
    if not categories:
        return NO_RISK
    return Assessment(categories=categories, level=max(_LEVELS[c] for c in categories))


def assess(message: str, history: Sequence[str] = (), *, learned_layer: bool = True) -> Assessment:
    """The risk shown by ``message``, the user's latest, given ``history`` (their previous
    messages in the session, oldest first). ``learned_layer=False``: the rules alone (to
    measure them)."""
    recent = history[-HISTORY_WINDOW:]
    text = reading(message)
    # Weak patterns are read even without history: a message with one is ambiguous by the
    # rules' judgement, and left to the history, not to the learned layer.
    latest = _signals_in(message, text, with_weak=bool(recent) or learned_layer)
    categories = latest.strong
    if (
        latest.weak
        and recent
        and any(signals(earlier, with_weak=False).strong for earlier in recent)
    ):
        categories = categories | latest.weak
    if learned_layer and not latest.seen:
        categories = learned_categories(message, text)
    return assessment_of(categories)


def learned_categories(message: str, text: str) -> frozenset[str]:
    """The learned layer's flag for ``message`` (read as ``text``), as the rules would give it:
    a disguised spelling adds slang."""
    found = learned_flag(text)
    if found is None:
        return frozenset()
    return frozenset({found, "slang"}) if disguised(message) else frozenset({found})


def merge(first: Assessment, second: Assessment) -> Assessment:
    """Both opinions at once: a flag from either stays."""
    categories = first.categories | second.categories
    return Assessment(categories=categories, level=max(first.level, second.level))


__all__ = ["Level", "assess", "merge", "signals"]
