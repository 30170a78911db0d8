"""Non-specific active suicidal thoughts (C-SSRS 2): thoughts of killing oneself, suicide named.

Negation is not honoured here: "I won't kill myself" still counts, because the words are on
the person's mind and a false alarm costs only a caring reply.
"""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.lexicon import KILL_SELF
from clarity.safety.rules import rule

_BROAD = [
    r"\b(?:voice|voices|brain|head|mind)\b(?: \w+){0,4} (?:saying|says|going|tells me|telling me"
    r"|keeps saying)\b(?: \w+){0,2} (?:kill yourself|kys|end it|you should die|do it|jump)\b",
    r"\b(?:thinking|thought|thoughts) (?:about|of) (?:taking your (?:own )?life|killing yourself"
    r"|ending your life)\b",
    r"\b(?:i do not feel|i am not|not feeling|do not feel|i never feel) (?:\w+ )?safe (?:with"
    r"|around|from) (?:myself|my (?:own )?(?:thoughts|mind|head|brain))\b",
    r"\b(?:think\w*|thought\w*|idea|ideas|urges?|plan\w*) (?:about|of|to) (?:just )?(?:ending"
    r"|end|finish\w*|topping|top|doing|do|taking|take|offing|off) (?:it all|things|myself|my"
    r" (?:own )?life|me)(?: in| out| off)?\b",
    r"\bways? out\b(?: \w+){0,3} (?:permanent|for good|forever)\b",
    r"\bsuicidal (?:thoughts|feelings|urges|ideation)\b(?: \w+){0,3} (?:are|is|have|keep|came"
    r"|come) (?:back|again)\b",
    r"\b(?:matarme|suicidarme|quitarme la vida|me voy a matar|me quiero matar|khudkushi"
    r"|khud ko (?:khatam|maar)|magpakamatay|patayin ang sarili ko)\b",
]

RULE = rule(
    "active_thoughts",
    Level.ACTIVE,
    whole=[
        # "does anyone else get thoughts about killing themselves? mine have been louder"
        r"(?=.*\b(?:anyone|anybody) else\b)(?=.*\bthoughts? (?:about|of) (?:killing(?= +\|| myself"
        r"| themselves| yourself)|ending (?:it all|my life|their li\w+|themselves|it\b)))"
        r"(?=.*\b(?:mine|i have|i get|me too|for me|i keep)\b)",
        # a wish not to live, then the thought of bringing it about
        r"(?=.*\b(?:do not want to (?:be here|live|be alive|exist)|want to (?:die|be dead))\b)"
        r"(?=.*\bmak(?:e|ing) (?:that|it) happen\b)",
    ],
    strong=[
        *_BROAD,
        r"\b" + KILL_SELF,
        r"\bthoughts? (?:of|about) (?:ending (?:it|my life|things|everything)|killing myself|"
        r"taking my life|not being alive|self destruct\w*)\b",
        r"\bthinking (?:about|of) (?:ending (?:it|my life|things|everything)|killing myself|"
        r"taking my life|how to die|ways to die)\b",
        r"\b(?:want|wanna|wanting|need|going|plan\w*|ready|decided|tempted|urge|urges) to "
        r"(?:end (?:my life|it all|everything)|die by my own hand)\b",
        r"\bkill me\b(?= *$| please| now(?! lol)| already)",
        r"\b(?:make|made|let|want) (?:it|the pain|everything|this|all of it) (?:all )?(?:stop|end)"
        r" (?:for good|forever|permanently)\b",
        r"\b(?:leave|leaving|exit|exiting|quit|quitting|escape|escaping) (?:this|the) (?:world|"
        r"earth|life|planet) (?:for good|forever|early|behind|permanently)?\b(?! (?:of|for a"
        r"|tour|cup))",
        r"\b(?:i|me) (?:should|deserve to|need to|ought to) die\b",
        r"\b(?:a )?danger to myself\b(?! (?:in|with|on|when|at|around) )|\b(?:not|do not feel"
        r"|never feel) safe (?:with|around|from) "
        r"myself\b|\b(?:can not|could not|do not) (?:keep myself safe|trust myself)\b",
        r"\b(?:not being alive|dying|death|not existing|ending it"
        r"|not being here)\b(?: \w+){0,4} (?:"
        r"and )?(?:actually )?(?:do|doing|act|acting) (?:something )?(?:about it|on it)\b",
        r"\b(?:think\w*|thought\w*) (?:about|of) (?:actually )?(?:doing it myself"
        r"|actually doing it|"
        r"going through with it|acting on (?:it|them|these thoughts|the thoughts))\b",
        r"\b(?:i have|i) (?:no|little|zero) (?:will|desire|wish) to (?:live|be alive|exist|go on)"
        r"\b",
    ],
)
