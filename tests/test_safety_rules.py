"""The rules' fast matcher (``clarity.safety.rules.WordStarts``) answers exactly as the one big
alternation it replaces (``at_word_starts``): for every category, on every message of every
table, on variations of them no table holds, and on the shapes of pattern it has to read."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import pytest

from clarity.safety.categories import RULES
from clarity.safety.detector import reading
from clarity.safety.rules import Rule, WordStarts, at_word_starts

DATA = Path(__file__).parent / "data" / "safety"


def _messages() -> list[str]:
    """Every cell of every table that reads like a message, as the rules read it."""
    found: dict[str, None] = {}
    for path in sorted(DATA.glob("*.tsv")):
        with path.open(newline="", encoding="utf-8") as f:
            for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                for cell in row:
                    for message in cell.split(" || "):  # a conversation's messages
                        if " " in message.strip():
                            found[message] = None
    return list(found)


def _variations(messages: list[str], count: int) -> list[str]:
    """Messages no table holds: a word dropped, the words shuffled, two messages run together."""
    pick = random.Random(20261203)
    varied = []
    for _ in range(count):
        words = pick.choice(messages).split()
        kind = pick.randrange(3)
        if kind == 0 and len(words) > 2:
            del words[pick.randrange(len(words))]
        elif kind == 1:
            pick.shuffle(words)
        else:
            words += pick.choice(messages).split()
        varied.append(" ".join(words))
    return varied


MESSAGES = _messages()
READINGS = [reading(m) for m in MESSAGES + _variations(MESSAGES, 3000)]


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.category)
def test_the_fast_matcher_answers_as_the_alternation_on_every_message(rule: Rule) -> None:
    strong = rule.strong
    reference = at_word_starts(strong.patterns, strong.whole)
    differ = [t for t in READINGS if strong.found_in(t) != (reference.search(t) is not None)]
    assert not differ, f"{len(differ)} messages read differently, e.g. {differ[:3]}"
    assert len(READINGS) > 9_000
    # Not vacuous: the category's strong patterns match some of them.
    assert any(strong.found_in(t) for t in READINGS)


@pytest.mark.parametrize(
    ("patterns", "whole", "text", "found"),
    [
        # An optional first character: the match may begin with what follows it.
        (["a?b c"], [], " b c ", True),
        # A class, a repeated group, a group of branches with a long shared rest.
        (["[xy]z"], [], " yz ", True),
        (["(?:ab)+ c"], [], " abab c ", True),
        (["\\b(?:no|yes|maybe) (?:thanks|please)\\b"], [], " maybe please ", True),
        (["\\b(?:no|yes|maybe) (?:thanks|please)\\b"], [], " maybe not ", False),
        # Lookarounds before and inside, which see past the word start.
        (["(?<!not )\\b(?:want|wish) to go"], [], " i do not want to go ", False),
        (["(?<!not )\\b(?:want|wish) to go"], [], " i really wish to go ", True),
        (["(?!.*\\bcamping\\b)(?:rope|noose)\\b"], [], " a rope for camping ", False),
        # A pattern that can match empty, or begins with anything: tried at every word start,
        # and at the very end, after the last space.
        (["x*$"], [], " a b ", True),
        (["\\w+ed\\b"], [], " it ended ", True),
        # Whole patterns: once, from the start of the text.
        (["zzz"], ["(?=.*\\bbridge\\b)(?=.*\\btonight\\b)"], " tonight the bridge ", True),
        (["zzz"], ["(?=.*\\bbridge\\b)(?=.*\\btonight\\b)"], " the bridge ", False),
        # Not inside a word: only where one starts.
        (["end it"], [], " friend it ", False),
    ],
)
def test_the_fast_matcher_reads_each_shape_of_pattern(
    patterns: list[str], whole: list[str], text: str, found: bool
) -> None:
    assert WordStarts(patterns, whole).found_in(text) is found
    assert (at_word_starts(patterns, whole).search(text) is not None) is found


@pytest.mark.parametrize("pattern", ["(a) b", "(?P<word>a) b", "(?:a|(b)) c"])
def test_a_capturing_group_is_refused(pattern: str) -> None:
    # Split and regrouped, its number would change (and a backreference to it with it).
    with pytest.raises(ValueError, match="capturing group"):
        WordStarts([pattern])
