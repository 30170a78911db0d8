"""The crisis detector against sentence tables written apart from its rules.

``tests/data/safety/{crisis,negatives,context}.tsv`` come from a helper who never saw the
rules; ``own_*.tsv`` are the sentences the rules were first developed against; ``dev2_*.tsv`` a
second set by another independent writer, in many voices and registers (the rules were then
widened to pass it, so it measures generalisation no longer); ``own2_*.tsv`` probes the second
rule author wrote in the styles the held-out misses suggested (older adults' euphemisms, dose
and height questions, news and prevention texts); ``dev3_*.tsv`` a third independent set, which
the rules had never seen when the learned layer came (``clarity/safety/learned/``, trained on
all these tables); the rules were then widened for what its misses and false alarms had in
common, so it no longer measures them either; ``dev4_*.tsv`` a fourth independent set (300
crisis sentences, 30 per category, and 300 hard negatives), read in two halves: the rules were
widened for the first half's misses, then measured on the second, then widened for it too;
``dev5_*.tsv`` a fifth (200 crisis sentences in harder, indirect voices, and 240 hard
negatives), held out until the dev4 work was done, measured, then widened for; ``dev6_*.tsv``
a sixth (200 and 240, plain voices), the same way after dev5; ``dev7_*.tsv`` a seventh (300
and 240, plain voices), the same way after dev6; ``dev8_*.tsv`` an eighth (200 and 240, more
voices and self-harm by other means), the same way after dev7; ``dev9_*.tsv`` a ninth (200
and 240, indirect voices: older people, farmers, carers, veterans, believers, English from
several countries), the same way after dev8; ``dev11_*.tsv`` an eleventh (200 and 240, young
voices online: slang, emoji, gaming talk, Spanish, Hindi and Tagalog mixed in), the same way
after dev9; ``dev12_*.tsv`` a twelfth (200 and 240, phone-typed voices, imminent risk told by
its arrangements), the same way after dev11; ``dev14_*.tsv`` and ``dev15_*.tsv`` a fourteenth
and a fifteenth (200 and 240 each: adults of 35 to 80, and people of 13 to 30), measured held
out and committed unread, as training data for the learned layer, with no rule written for them;
``dev16_*.tsv`` a sixteenth (200 and 240, people in particular lives: chronic pain, veterans,
farmers, nurses, new parents, second-language English), measured held out, then read and widened
for, with the fourteenth and fifteenth sets' misses; ``dev17_*.tsv`` to ``dev22_*.tsv`` six more
(200 and 240 each: older adults; teenagers; trades and uniformed work; women, long messages;
English as a second language; indirect and clinical voices), measured held out and committed
unread for the learned layer (their counts of each dev16 rule's matches chose which of those
rules were kept); ``dev23_*.tsv`` to ``dev26_*.tsv`` four more (200 and 240 each: students and
young workers; addiction and debt; men who say it sideways; English mixed with another
language), written after this round's choices were made, measured held out on them, then
committed unread for the layer. (A tenth and a thirteenth set, and three of 7 Dec, held-out A,
B and C, are held out, not committed: measured, never read.)
``review_negatives.tsv`` is adversarial, not independent: 213 ordinary messages a reviewer wrote
after reading the rules added for dev8-dev11, aimed at their false alarms (184 of 215 were
flagged before the rules were tightened; two, "im on the bridge now" and "i am on the roof right
now", were left out as the same words as a crisis row). ``review2_negatives.tsv`` is a second
reviewer's 671 ordinary messages, about two thirds aimed at the words of every rule and one
third plain everyday coaching talk; the ones still flagged are ``known_false_alarms.tsv``.
``review3_*.tsv`` is a third reviewer's, after reading the rules added for dev12: 60 ordinary
messages aimed at them (those rules were tightened until none of them flagged any; the 9 still
flagged are older rules' false alarms) and 7 crisis messages their exclusions had hidden.
``review4_*.tsv`` is a fourth reviewer's, after reading the rules added for dev16: 121 ordinary
messages aimed at them (108 were flagged before those rules were tightened; the ones still
flagged are listed as known false alarms) and 17 crisis messages their exclusions hide.
``review5_*.tsv`` is a fifth reviewer's: 42 crisis messages that tell of recovery and of risk now
("2 years clean but tonight i just want to cut so bad") and 42 of recovery alone, written to
break a recovery frame that was then not adopted (it hid 24 of the 42 crisis messages).
Every crisis sentence must be flagged with its category among the categories and at exactly its
level; every negative must be ``Level.NONE``; every conversation must end as expected. The
crisis rows the detector does not pass yet are listed in ``known_misses.tsv`` with the reason,
as strict expected failures: never deleted, and struck off the list as soon as the detector
passes them (``make safety-model`` rewrites it).
"""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from clarity.safety import Assessment, Level, assess
from clarity.safety.categories import CATEGORIES

DATA = Path(__file__).parent / "data" / "safety"
HISTORY_SEPARATOR = " || "


def _rows(*names: str) -> list[dict[str, str]]:
    rows: list[dict[str, str]] = []
    for name in names:
        with (DATA / name).open(newline="", encoding="utf-8") as f:
            rows.extend(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
    return rows


def _id(text: str) -> str:
    return text[:60]


CRISIS = _rows(
    "crisis.tsv",
    "own_crisis.tsv",
    "dev2_crisis.tsv",
    "own2_crisis.tsv",
    "dev3_crisis.tsv",
    "dev4_crisis.tsv",
    "dev5_crisis.tsv",
    "dev6_crisis.tsv",
    "dev7_crisis.tsv",
    "dev8_crisis.tsv",
    "dev9_crisis.tsv",
    "dev11_crisis.tsv",
    "dev12_crisis.tsv",
    "dev14_crisis.tsv",
    "dev15_crisis.tsv",
    "dev16_crisis.tsv",
    "dev17_crisis.tsv",
    "dev18_crisis.tsv",
    "dev19_crisis.tsv",
    "dev20_crisis.tsv",
    "dev21_crisis.tsv",
    "dev22_crisis.tsv",
    "dev23_crisis.tsv",
    "dev24_crisis.tsv",
    "dev25_crisis.tsv",
    "dev26_crisis.tsv",
    "review3_crisis.tsv",
    "review4_crisis.tsv",
    "review5_crisis.tsv",
)
NEGATIVES = _rows(
    "negatives.tsv",
    "own_negatives.tsv",
    "dev2_negatives.tsv",
    "own2_negatives.tsv",
    "dev3_negatives.tsv",
    "dev4_negatives.tsv",
    "dev5_negatives.tsv",
    "dev6_negatives.tsv",
    "dev7_negatives.tsv",
    "dev8_negatives.tsv",
    "dev9_negatives.tsv",
    "dev11_negatives.tsv",
    "dev12_negatives.tsv",
    "dev14_negatives.tsv",
    "dev15_negatives.tsv",
    "dev16_negatives.tsv",
    "dev17_negatives.tsv",
    "dev18_negatives.tsv",
    "dev19_negatives.tsv",
    "dev20_negatives.tsv",
    "dev21_negatives.tsv",
    "dev22_negatives.tsv",
    "dev23_negatives.tsv",
    "dev24_negatives.tsv",
    "dev25_negatives.tsv",
    "dev26_negatives.tsv",
    "review_negatives.tsv",
    "review2_negatives.tsv",
    "review3_negatives.tsv",
    "review4_negatives.tsv",
    "review5_negatives.tsv",
)
CONTEXT = _rows("context.tsv", "own_context.tsv")


# Rows whose level label the rules disagree with, upwards only (the row stays in its file as
# written), listed in disputed_level.tsv with the reason: here the category must still be found
# and the level be at least the label's.
DISPUTED_LEVEL = {r["text"]: r["reason"] for r in _rows("disputed_level.tsv")}
KNOWN_MISSES = {r["text"]: r["reason"] for r in _rows("known_misses.tsv")}
# Negative rows the detector still flags, the same way (strict expected failures).
KNOWN_FALSE_ALARMS = {r["text"]: r["found"] for r in _rows("known_false_alarms.tsv")}


def _crisis_params() -> list[object]:
    params: list[object] = []
    for row in CRISIS:
        reason = KNOWN_MISSES.get(row["text"])
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        params.append(pytest.param(row, marks=marks, id=f"{row['category']}:{_id(row['text'])}"))
    return params


def test_every_known_miss_is_a_crisis_row() -> None:
    assert set(KNOWN_MISSES) <= {r["text"] for r in CRISIS}


@pytest.mark.parametrize("row", _crisis_params())
def test_crisis_sentence_is_flagged_with_its_category_and_level(row: dict[str, str]) -> None:
    result = assess(row["text"])
    level = Level(row["level"])
    if row["text"] in DISPUTED_LEVEL:
        assert row["category"] in result.categories, sorted(result.categories)
        assert result.level >= level, result.level
        return
    assert (row["category"] in result.categories, result.level) == (True, level), sorted(
        result.categories
    )


def _negative_params() -> list[object]:
    params: list[object] = []
    for row in NEGATIVES:
        found = KNOWN_FALSE_ALARMS.get(row["text"])
        marks = [pytest.mark.xfail(strict=True, reason=f"flagged as {found}")] if found else []
        params.append(pytest.param(row, marks=marks, id=f"{row['kind']}:{_id(row['text'])}"))
    return params


def test_every_known_false_alarm_is_a_negative_row() -> None:
    assert set(KNOWN_FALSE_ALARMS) <= {r["text"] for r in NEGATIVES}


@pytest.mark.parametrize("row", _negative_params())
def test_ordinary_sentence_is_not_flagged(row: dict[str, str]) -> None:
    result = assess(row["text"])
    assert result.level is Level.NONE, sorted(result.categories)


def _expected_matches(expected: str, result: Assessment) -> bool:
    """``expected`` is ``none``, a level, a category, or ``crisis``."""
    expected = expected.strip().lower()
    if expected in {"none", "no", "false", "ok", "safe", "not crisis"}:
        return not result.crisis
    if expected in {"crisis", "yes", "true"}:
        return result.crisis
    if expected in {level.value for level in Level}:
        return result.level is Level(expected)
    assert expected in CATEGORIES, f"unknown expectation {expected!r}"
    return expected in result.categories


@pytest.mark.parametrize(
    "row", CONTEXT, ids=[f"{r['expected']}:{_id(r['message'])}" for r in CONTEXT]
)
def test_conversation_ends_as_expected(row: dict[str, str]) -> None:
    history = [m for m in row["history"].split(HISTORY_SEPARATOR) if m.strip()]
    result = assess(row["message"], history)
    assert _expected_matches(row["expected"], result), (result.level, sorted(result.categories))


def test_history_alone_never_flags_an_ordinary_message() -> None:
    from clarity.safety.detector import signals

    # Three crisis rows the rules flag on their own, so that the history shows risk whatever
    # the order of the tables.
    crisis_history = [r["text"] for r in CRISIS if signals(r["text"], with_weak=False).strong][-3:]
    assert len(crisis_history) == 3
    for row in NEGATIVES:
        if row["text"] in KNOWN_FALSE_ALARMS:
            continue  # flagged without any history (listed, expected to fail their own test)
        assert not assess(row["text"], crisis_history).crisis or _weak_only(row["text"])


def _weak_only(text: str) -> bool:
    # A negative that carries a weak signal (e.g. "we said our goodbyes") may become a crisis
    # after crisis history: that is the design, not a false alarm.
    from clarity.safety.detector import signals

    return bool(signals(text).weak)


def test_levels_are_ordered_and_crisis_means_above_none() -> None:
    assert Level.NONE < Level.PASSIVE < Level.ACTIVE < Level.IMMINENT
    assert [level.value for level in Level] == ["none", "passive", "active", "imminent"]
    assert not assess("I'm sad about my breakup").crisis
    assert assess("i want to die").crisis


@pytest.mark.parametrize(
    ("message", "level"),
    [
        ("I won't hurt myself", Level.ACTIVE),
        ("i'm not going to kill myself", Level.ACTIVE),
        ("i am going to kill myself", Level.IMMINENT),
        ("im scared ill kill myself one day", Level.ACTIVE),
    ],
)
def test_a_negated_act_still_counts_but_is_not_intent(message: str, level: Level) -> None:
    assert assess(message).level is level


def test_a_disguised_spelling_is_read_and_counts_as_slang() -> None:
    assert assess("i want to k1ll myself").categories == {"active_thoughts", "slang"}
    assert assess("i want to kill myself").categories == {"active_thoughts"}


def test_a_weak_signal_counts_only_after_recent_risk() -> None:
    message = "gave my guitar to my brother today"
    assert not assess(message).crisis
    assert not assess(message, ["this meeting is killing me"]).crisis
    assert assess(message, ["i can't go on anymore"]).categories == {"preparation"}
    older = ["i can't go on anymore", "ok", "thanks", "hm"]
    assert not assess(message, older).crisis  # only the last three messages are read


# A review of the rules of 7 Dec 2026 wrote these crisis messages aimed at their first version's
# exclusions and at the normaliser ("i'll" is read as "ill", not "i will"); each was missed
# then. The ordinary ones beside them are what those exclusions were for.
REVIEWED_CRISIS = [
    "i'm scared i'll do something stupid tonight",
    "i've made my decision. i'll be gone",
    "i'll be dead by tonight, i'm so tired",
    "i'm going to do it tonight. not going to tell anyone. weirdly calm about it",
    "the kids are staying with their dad. i'm going to do it tonight. weirdly calm about it",
    "i held my hand on the hob to feel something because i feel so numb",
    "i dig my nails into my skin so hard it bleeds",
    "it's late and i keep staring up at the rafters and the rope",
    "ive timed the trains at the level crossing, i know when the fast one runs",
    "i've lost my job, there is nothing left for me now",
    "told my family i was moving abroad. i'm not",
    "walk out with the rifle and not coming back",
    "i would be doing them all a favour by disappearing for good",
    "we had to put the dog down last week. if i was gone my mum could finally stop crying",
    "went hunting with dad years ago. now i'm going to walk out with the rifle and never come back",
    "i keep thinking about a peaceful ending",
    "i know that ending all of this would hurt them",
    "it's all ending tonight",
]
REVIEWED_ORDINARY = [
    "honestly the ending ruined it for me",
    "the ending of the film was so sad",
    "the movie ending where he walks into the ocean was so poetic",
    "ive decided. im going to tell my dad about the baby this weekend, weirdly calm about it",
]


@pytest.mark.parametrize("message", REVIEWED_CRISIS, ids=_id)
def test_a_reviewed_crisis_message_is_flagged(message: str) -> None:
    assert assess(message).crisis


@pytest.mark.parametrize("message", REVIEWED_ORDINARY, ids=_id)
def test_a_reviewed_ordinary_message_is_not_flagged(message: str) -> None:
    assert not assess(message).crisis


def test_assessment_holds_no_text() -> None:
    result = assess("i want to kill myself tonight with the pills in my drawer")
    assert set(vars(result)) == {"categories", "level"}
    assert result.categories <= CATEGORIES


def test_time_per_message(capsys: pytest.CaptureFixture[str]) -> None:
    """Prints the detector's time per message over every table (no assertion: a figure)."""
    messages = [r["text"] for r in CRISIS + NEGATIVES] + [r["message"] for r in CONTEXT]
    started = time.perf_counter()
    rounds = 5
    for _ in range(rounds):
        for message in messages:
            assess(message)
    per_message = (time.perf_counter() - started) / (rounds * len(messages))
    with capsys.disabled():
        print(f"\nsafety detector: {per_message * 1e6:.0f} µs/message ({len(messages)} messages)")
