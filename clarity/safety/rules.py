"""A category's rule set: strong patterns (a signal on their own) and weak ones (a signal only
after recent risk in the conversation). Patterns run on normalised text (see ``normalise.py``):
lower case, ``[a-z0-9]`` words separated by single spaces, padded with a space at each end, with
idioms already masked out (see ``exclusions.py``).

A rule's strong patterns, the bulk of them, are matched by ``WordStarts``: the same answer as one
big alternation tried at every word start, in about half the time.
"""

from __future__ import annotations

import re

# The stdlib's own parser of patterns (no stubs: typeshed has only its deprecated alias sre_parse).
import re._parser as sre_parse  # type: ignore[import-not-found]
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from clarity.safety.assessment import Level


@dataclass(frozen=True)
class Rule:
    category: str
    level: Level
    strong: WordStarts
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
        if self.strong.found_in(text):
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


# Where the first character of a match can be told from a pattern's parse. Opcodes that match
# nothing (\b, lookaheads, lookbehinds) are stepped over: a set read past them only grows.
_ZERO_WIDTH = (sre_parse.AT, sre_parse.ASSERT, sre_parse.ASSERT_NOT)
_REPEATS = (sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, sre_parse.POSSESSIVE_REPEAT)
# Beyond this many characters in a class, a pattern is tried at every word start instead.
_MAX_CLASS = 64


def _class_characters(items: Any) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, av in items:
        if op is sre_parse.LITERAL:
            chars.add(chr(av))
        elif op is sre_parse.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, a category (\w, \d), a wide range
            return None
    return frozenset(chars)


def _first_of(items: list[Any]) -> frozenset[str] | None:
    """The characters a match of the sequence ``items`` (parsed opcodes) can begin with, or None
    when that is not told here (it may be empty, or begin with anything)."""
    if not items:
        return None
    op, av = items[0]
    rest = items[1:]
    if op is sre_parse.LITERAL:
        return frozenset({chr(av)})
    if op is sre_parse.IN:
        return _class_characters(av)
    if op in _ZERO_WIDTH:
        return _first_of(rest)
    if op is sre_parse.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _first_of(list(inner.data) + rest)
    if op is sre_parse.BRANCH:
        found: set[str] = set()
        for branch in av[1]:
            first = _first_of(list(branch.data) + rest)
            if first is None:
                return None
            found |= first
        return frozenset(found)
    if op in _REPEATS:
        low, _, inner = av
        first = _first_of(list(inner.data) + rest)
        if low == 0 and first is not None:
            after = _first_of(rest)
            first = None if after is None else first | after
        return first
    return None


def _first_characters(pattern: str) -> frozenset[str] | None:
    parsed = sre_parse.parse(pattern)
    if parsed.state.flags & (re.IGNORECASE | re.VERBOSE):
        return None
    return _first_of(list(parsed.data))


_LOOKAROUNDS = ("(?<!", "(?<=", "(?!", "(?=")
# How much of a pattern may be copied, to split it or to put it in several groups.
_MAX_COPIED = 2000


def _class_end(pattern: str, start: int) -> int:
    """The index just past the class that opens at ``pattern[start]`` (a ``[``; a ``]`` just
    after ``[`` or ``[^`` is literal)."""
    i = start + (2 if pattern.startswith("[^", start) else 1)
    i += 1 if pattern[i : i + 1] == "]" else 0
    while pattern[i] != "]":
        i += 2 if pattern[i] == "\\" else 1
    return i + 1


def _group_end(pattern: str, start: int) -> int:
    """The index just past the group that opens at ``pattern[start]`` (a ``(``)."""
    depth, i = 0, start
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced group in {pattern!r}")


def _top_level_branches(pattern: str) -> list[str]:
    """``pattern`` cut at its top-level ``|``s."""
    parts, depth, i, last = [], 0, 0, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i = _class_end(pattern, i)
            continue
        if char == "(":
            if pattern[i + 1 : i + 2] != "?" or pattern.startswith("(?P", i):
                # Split and regrouped, a pattern's groups would be numbered anew: refused.
                raise ValueError(f"a capturing group in {pattern!r}: write (?:...) instead")
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(pattern[last:i])
            last = i + 1
        i += 1
    parts.append(pattern[last:])
    return parts


def _zero_width_prefix(pattern: str) -> int:
    """The length of the ``\\b``s and lookarounds ``pattern`` begins with."""
    prefix = 0
    while True:
        if pattern.startswith("\\b", prefix):
            prefix += 2
        elif pattern.startswith(_LOOKAROUNDS, prefix):
            prefix = _group_end(pattern, prefix)
        else:
            return prefix


def _first_characters_of(pattern: str) -> frozenset[str] | None:
    """``_first_characters``, read off the text when a plain letter or digit begins the pattern
    (most do: parsing a long pattern whole, over and over, made importing slow)."""
    prefix = _zero_width_prefix(pattern)
    char, after = pattern[prefix : prefix + 1], pattern[prefix + 1 : prefix + 2]
    if char.isascii() and char.isalnum() and after not in ("?", "*", "{"):
        return frozenset(char)
    return _first_characters(pattern)


def _alternatives(pattern: str) -> list[tuple[str, frozenset[str] | None]]:
    """``pattern`` as alternatives that together match where it does, each with the characters
    its matches begin with (None: not told): its top-level branches, and a leading group's
    branches gathered by the characters they begin with, each gathering followed by the rest
    (``\\b(?:ab|ac|d) e`` -> ``\\b(?:ab|ac) e``, ``\\b(?:d) e``)."""
    branches = _top_level_branches(pattern)
    if len(branches) > 1:
        return [a for branch in branches for a in _alternatives(branch)]
    prefix = _zero_width_prefix(pattern)
    if not pattern.startswith("(?:", prefix):
        return [(pattern, _first_characters_of(pattern))]
    end = _group_end(pattern, prefix)
    if pattern[end : end + 1] in ("?", "*", "+", "{"):
        return [(pattern, _first_characters_of(pattern))]  # a repeated group
    head, inner, rest = pattern[:prefix], pattern[prefix + 3 : end - 1], pattern[end:]
    gathered: dict[frozenset[str] | None, list[str]] = {}
    for branch in _top_level_branches(inner):
        # (A branch whose first characters are told cannot match empty: the rest cannot begin.)
        first = _first_characters_of(branch) or _first_characters(f"{head}(?:{branch}){rest}")
        gathered.setdefault(first, []).append(branch)
    if len(gathered) == 1 or len(rest) * (len(gathered) - 1) > _MAX_COPIED:
        # The pattern begins with what its branches begin with (not told if one is not).
        told = [first for first in gathered if first is not None]
        return [(pattern, frozenset().union(*told) if len(told) == len(gathered) else None)]
    return [
        a
        for group in gathered.values()
        for a in _alternatives(f"{head}(?:{'|'.join(group)}){rest}")
    ]


class WordStarts:
    """Patterns tried where a word starts (after a space), and ``whole`` ones once at the start
    of the text: what ``at_word_starts`` compiles, answered as whether any of them matches.

    ``re`` tries every alternative of one big alternation at every word start, and most fail on
    their first character. Here the patterns are split into alternatives (``_alternatives``),
    grouped by the characters a match of each can begin with (read from the stdlib's own parse
    of it), and at each word start only the group of the character there is tried. A long
    alternative that can begin with several characters is compiled once, on its own, rather
    than copied into each group; one whose first character cannot be told is tried everywhere.
    The answer is the same (tests/test_safety_rules.py compares the two on every table message
    and variations of them), in about half the time. No library does this for Python's ``re``
    (RE2 and Hyperscan, which match many patterns at once, have no lookbehind or lookahead)."""

    def __init__(self, patterns: Sequence[str], whole: Sequence[str] = ()) -> None:
        self.patterns = tuple(patterns)
        self.whole = tuple(whole)
        groups: dict[str, list[str]] = {}
        alone: list[tuple[re.Pattern[str], frozenset[str]]] = []
        anywhere: list[str] = []
        for pattern, first in (a for p in patterns for a in _alternatives(p)):
            if first is None:
                anywhere.append(pattern)
            elif len(first) > 1 and len(pattern) * len(first) > _MAX_COPIED:
                alone.append((re.compile(pattern), first))
            else:
                for char in first:
                    groups.setdefault(char, []).append(pattern)
        everywhere = (re.compile(any_of(anywhere)),) if anywhere else ()
        chars = set(groups).union(*(first for _, first in alone))
        self._by_char: dict[str, tuple[re.Pattern[str], ...]] = {
            char: (
                *((re.compile(any_of(groups[char])),) if char in groups else ()),
                *(compiled for compiled, first in alone if char in first),
                *everywhere,
            )
            for char in chars
        }
        self._everywhere = everywhere
        self._whole = re.compile(any_of(whole)) if whole else None

    def found_in(self, text: str) -> bool:
        if self._whole is not None and self._whole.match(text):
            return True
        by_char, everywhere, end = self._by_char, self._everywhere, len(text)
        space = text.find(" ")
        while space != -1:
            start = space + 1
            for pattern in by_char.get(text[start], everywhere) if start < end else everywhere:
                if pattern.match(text, start):
                    return True
            space = text.find(" ", start)
        return False


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
        strong=WordStarts(strong, whole),
        weak=at_word_starts(weak) if weak else None,
        twice=at_word_starts(twice) if twice else None,
        unless=re.compile(unless) if unless else None,
        twice_unless=re.compile(twice_unless) if twice_unless else None,
    )
