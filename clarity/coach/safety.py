"""Crisis safety: messages that show a risk of self-harm or suicide get the crisis-support reply.

Explicit self-harm language always counts, even negated ("I won't kill myself"): a false alarm
costs a caring message and a list of helplines, a miss costs far more. Idioms that only sound
like it ("this deadline is killing me", "dying to", "to die for") do not match.
"""

from __future__ import annotations

import re

_PATTERNS = [
    r"\b(?:kill|hurt|harm|cut|injur|shoot|hang|poison|starv)\w* my ?self\b",
    r"\bsuicid\w*",
    r"\bself[- ]?harm\w*",
    r"\bend(?:ing)? (?:my (?:own )?life|it all|things for good)\b",
    r"\btake my (?:own )?life\b",
    r"\b(?:want|wanna|wish|going|plan(?:ning)?|ready) (?:to )?die\b(?! (?:of|from|laughing))",
    r"\bwish (?:i|i'd) (?:was|were|had) (?:never been born|dead)\b",
    r"\bbetter off (?:dead|without me)\b",
    r"\b(?:don't|do not|dont) want to (?:live|be alive|exist)\b",
    r"\b(?:don't|do not|dont) want to be here any ?more\b",
    r"\bno (?:reason|point) (?:to|in) (?:live|living|going on|being alive)\b",
    r"\boverdos\w*",
    r"\b(?:don't|do not|never) want to wake up\b",
    r"\bhope i (?:don't|never) wake up\b",
]
_CRISIS = re.compile("|".join(f"(?:{p})" for p in _PATTERNS))


def shows_crisis(message: str) -> bool:
    text = " ".join(message.lower().replace("\u2019", "'").split())
    return _CRISIS.search(text) is not None
