"""The built-in coach, the emotion classifier and crisis detection, table-tested."""

from __future__ import annotations

import pytest

from clarity.coach import CoachTurn
from clarity.coach.emotion import detect_emotion
from clarity.coach.scripted import REPLIES, ScriptedCoach, split_words
from clarity.models import Emotion, SolveStep
from clarity.safety import assess

EMOTIONS = [
    # anxious
    ("I'm so anxious about my exam tomorrow", Emotion.ANXIOUS),
    ("I keep worrying that I'll lose my job", Emotion.ANXIOUS),
    ("I'm scared the test results will be bad", Emotion.ANXIOUS),
    ("My heart races and I panic before every meeting", Emotion.ANXIOUS),
    ("I can't sleep because I keep thinking about the interview", Emotion.ANXIOUS),
    ("I feel nervous and on edge all the time", Emotion.ANXIOUS),
    ("I dread opening my email in the morning", Emotion.ANXIOUS),
    # sad
    ("I feel so sad since my dog died", Emotion.SAD),
    ("I've been crying every night and I feel empty", Emotion.SAD),
    ("I'm lonely since I moved to a new city", Emotion.SAD),
    ("I'm really disappointed in how things turned out", Emotion.SAD),
    ("I'm not hopeful that anything will change", Emotion.SAD),
    ("I miss my mom so much", Emotion.SAD),
    # angry
    ("I'm so angry at my boss for taking credit for my work", Emotion.ANGRY),
    ("My roommate never cleans up and I'm fed up with it", Emotion.ANGRY),
    ("It's so frustrating when people ignore my messages", Emotion.ANGRY),
    ("I'm furious that they cancelled without telling me", Emotion.ANGRY),
    ("I'm sick of being treated like this, it's not fair", Emotion.ANGRY),
    # overwhelmed
    ("I'm completely overwhelmed with work and family stuff", Emotion.OVERWHELMED),
    ("There is too much on my plate and I can't cope", Emotion.OVERWHELMED),
    ("I have so much to do I don't know where to start", Emotion.OVERWHELMED),
    ("I'm burnt out and can't keep up with anything", Emotion.OVERWHELMED),
    ("I'm drowning in deadlines", Emotion.OVERWHELMED),
    # hopeful
    ("I feel hopeful that things will get better", Emotion.HOPEFUL),
    ("I'm excited about starting my new job next week", Emotion.HOPEFUL),
    ("I'm looking forward to finally fixing this", Emotion.HOPEFUL),
    ("I'm feeling more confident and motivated today", Emotion.HOPEFUL),
    ("I think I can do this", Emotion.HOPEFUL),
    # neutral, including negated cues
    ("I need to decide which apartment to rent", Emotion.NEUTRAL),
    ("My problem is choosing between two job offers", Emotion.NEUTRAL),
    ("I'm not worried about it, I just want a plan", Emotion.NEUTRAL),
    ("I'm not angry, just trying to figure out what to say", Emotion.NEUTRAL),
    ("The meeting is on Tuesday at 3pm", Emotion.NEUTRAL),
    ("", Emotion.NEUTRAL),
]


@pytest.mark.parametrize(("message", "expected"), EMOTIONS, ids=[m for m, _ in EMOTIONS])
def test_emotion_is_detected(message: str, expected: Emotion) -> None:
    assert detect_emotion(message) is expected


def test_emotion_table_covers_every_label() -> None:
    assert {expected for _, expected in EMOTIONS} == set(Emotion)
    assert len(EMOTIONS) >= 30


CRISIS = [
    "I want to kill myself",
    "I've been thinking about killing myself",
    "I want to end my life",
    "I'm going to end it all tonight",
    "I have been having suicidal thoughts",
    "I think about suicide every day",
    "I want to die",
    "Sometimes I wish I was dead",
    "Everyone would be better off without me",
    "I'd be better off dead",
    "I don't want to live anymore",
    "I don't want to be here anymore",
    "There is no reason to live",
    "I've been cutting myself again",
    "I keep hurting myself when I'm upset",
    "I've thought about self-harm",
    "I'm thinking of taking an overdose",
    "I want to take my own life",
    "I just don't want to wake up tomorrow",
    "I WANT TO KILL MYSELF",
    "i want to die, nothing matters",
    "I\u2019m going to kill myself",
]

NOT_CRISIS = [
    "This deadline is killing me",
    "My feet are killing me after that hike",
    "I'm dying to see that movie",
    "I could die of embarrassment",
    "That cake is to die for",
    "My phone battery died",
    "I killed it at my presentation today",
    "I want to kill this bug in my code",
    "I'm so tired I could sleep for a week",
    "I feel stuck in my career",
    "I don't want to be here at this boring party",
    "I didn't wake up on time this morning",
    "My boss is going to kill me if I'm late",
    "I'm sad about my breakup",
    "I want to cut back on coffee",
    "I hurt my knee running",
    "He hurt me with what he said",
    "The plant will die if I don't water it",
    "I want to end my contract early",
    "I'm overwhelmed and need a break",
    "Just shoot me a message when you're free",
]


@pytest.mark.parametrize("message", CRISIS)
def test_crisis_language_is_detected(message: str) -> None:
    assert assess(message).crisis


@pytest.mark.parametrize("message", NOT_CRISIS)
def test_ordinary_language_is_not_a_crisis(message: str) -> None:
    assert not assess(message).crisis


def test_crisis_tables_are_big_enough() -> None:
    assert len(CRISIS) >= 20
    assert len(NOT_CRISIS) >= 20


@pytest.mark.parametrize(
    "text", ["I understand how you feel.", "  leading space", "one", "a  b\tc\nd", ""]
)
def test_split_words_concatenates_back_exactly(text: str) -> None:
    assert "".join(split_words(text)) == text


async def test_scripted_coach_streams_the_receive_reply_word_by_word() -> None:
    coach = ScriptedCoach(token_delay=0)
    turn = CoachTurn(step=SolveStep.RECEIVE, message="hi", emotion=Emotion.NEUTRAL)
    deltas = [delta async for delta in coach.reply(turn)]
    assert "".join(deltas) == "I understand how you feel. Let me help you work through this."
    assert deltas[:3] == ["I", " understand", " how"]


async def test_scripted_coach_has_a_distinct_prompt_for_every_step() -> None:
    coach = ScriptedCoach(token_delay=0)
    texts = []
    for step in SolveStep:
        turn = CoachTurn(step=step, message="hi", emotion=Emotion.NEUTRAL)
        texts.append("".join([delta async for delta in coach.reply(turn)]))
    assert texts == [REPLIES[step] for step in SolveStep]
    assert len(set(texts)) == len(SolveStep)
