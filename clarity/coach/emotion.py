"""A small deterministic emotion classifier: a lexicon of cues per label, with negation.

Each cue that matches adds its weight to its label, unless a negator ("not", "never", "don't",
...) stands in the three words before it; a negated *hopeful* cue ("not hopeful") counts towards
*sad* instead. The highest score wins, ties go to the more urgent label (overwhelmed, anxious,
angry, sad, hopeful), and a message with no cue is neutral. Cheap enough to run on every message.
"""

from __future__ import annotations

import re

from clarity.models import Emotion

# (pattern, weight) per label. Patterns are matched on the lower-cased message at word bounds.
_LEXICON: dict[Emotion, list[tuple[str, float]]] = {
    Emotion.OVERWHELMED: [
        (r"overwhelm\w*", 2.0),
        (r"too much (?:to (?:do|handle)|going on|on my plate)", 2.0),
        (r"too much", 1.0),
        (r"swamped|snowed under|drowning|buried (?:in|under)", 1.5),
        (r"can(?:'t|not| ?not) (?:cope|keep up|handle (?:it|this|everything))", 2.0),
        (r"burn(?:ed|t)[ -]?out|burnout", 1.5),
        (r"exhausted|worn out|stretched (?:too )?thin|at my limit", 1.0),
        (r"falling apart|don'?t know where to (?:start|begin)|so much to do", 1.5),
    ],
    Emotion.ANXIOUS: [
        (r"anxious|anxiety", 2.0),
        (r"worr(?:y|ied|ies|ying)", 1.5),
        (r"nervous|panick?\w*|on edge|uneasy|jittery", 1.5),
        (r"scared|afraid|fear\w*|terrified|frightened|dread\w*", 1.5),
        (r"stress(?:ed|ful)?", 1.0),
        (r"can'?t (?:sleep|stop thinking)|what if", 1.0),
    ],
    Emotion.ANGRY: [
        (r"angry|anger|furious|livid|enraged|rage", 2.0),
        (r"annoy\w*|irritat\w*|frustrat\w*|pissed(?: off)?", 1.5),
        (r"fed up|sick of|resent\w*|hate|so unfair|not fair", 1.5),
        (r"mad at", 1.5),
    ],
    Emotion.SAD: [
        (r"sad|sadness|unhappy|miserable|depress\w*|heartbroken|grie(?:f|ving|ve)", 2.0),
        (r"lonely|alone|empty|hopeless|worthless|numb", 1.5),
        (r"cry(?:ing)?|cried|tears", 1.5),
        (r"feel(?:ing)? (?:so )?(?:down|low|blue)|disappoint\w*|hurt", 1.0),
        (r"miss (?:him|her|them|my)|lost my", 1.0),
    ],
    Emotion.HOPEFUL: [
        (r"hopeful|optimistic|hope", 1.5),
        (r"excited|looking forward|can'?t wait", 1.5),
        (r"confident|motivated|determined|relieved|grateful|positive", 1.5),
        (r"better|happy|glad|good about|i can do (?:this|it)", 1.0),
    ],
}

# Ties go to the label listed first: the more urgent one.
_PRIORITY = [Emotion.OVERWHELMED, Emotion.ANXIOUS, Emotion.ANGRY, Emotion.SAD, Emotion.HOPEFUL]
_NEGATORS = frozenset(
    {
        "not", "no", "never", "without", "hardly", "barely", "nothing", "neither", "nor",
        "don't", "dont", "doesn't", "didn't", "isn't", "wasn't", "aren't", "won't", "can't",
        "cannot", "couldn't", "shouldn't", "wouldn't", "haven't", "hasn't", "ain't",
    }
)  # fmt: skip
_NEGATION_WINDOW = 3
_WORD = re.compile(r"[a-z']+")
_COMPILED = {
    label: [(re.compile(rf"\b(?:{pattern})\b"), weight) for pattern, weight in cues]
    for label, cues in _LEXICON.items()
}


def detect_emotion(message: str) -> Emotion:
    text = message.lower().replace("\u2019", "'")
    scores = dict.fromkeys(_PRIORITY, 0.0)
    for label, cues in _COMPILED.items():
        for pattern, weight in cues:
            for match in pattern.finditer(text):
                if _negated(text, match.start()):
                    if label is Emotion.HOPEFUL:
                        scores[Emotion.SAD] += weight
                    continue
                scores[label] += weight
    best = max(_PRIORITY, key=lambda label: (scores[label], -_PRIORITY.index(label)))
    return best if scores[best] > 0 else Emotion.NEUTRAL


def _negated(text: str, start: int) -> bool:
    preceding = _WORD.findall(text[:start])[-_NEGATION_WINDOW:]
    return any(word in _NEGATORS for word in preceding)
