"""One canonical spelling for what people type, so that each rule is written once.

Lower case; curly quotes and apostrophes unified, then apostrophes dropped (``don't`` and
``dont`` read the same); contractions and chat spellings expanded (``dont`` -> ``do not``,
``im`` -> ``i am``, ``gonna`` -> ``going to``, ``tmrw`` -> ``tomorrow``); a few common typos of
the words the rules need (``sucide``, ``myslef``); letters held for emphasis shortened
(``sooo``, ``dieee``); cheap leetspeak and censoring inside words (``k1ll``, ``s*icide``); every
other character becomes a space. The result is ``[a-z0-9]`` words separated by single spaces,
with one space at each end so that rules can anchor on `` word ``.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_EMOJI = {
    "\U0001f52a": " knife ",
    "\U0001f48a": " pills ",
    "\U0001faa2": " rope ",
    "\U0001f682": " train ",
    "\U0001f686": " train ",
    "\U0001f684": " train ",
    "\U0001faa6": " grave ",
    "\u26b0": " coffin ",
}
_EMOJI_RE = re.compile("|".join(_EMOJI))

# Overdose shorthands, before apostrophes go ("od'd" would otherwise read as "odd").
_OD = re.compile(r"\bod(?:'d|'ed|ed|'ing|ing)\b")
# "s/h" and "s.h." for self-harm.
_SH = re.compile(r"\bs\s*[/.]\s*h\b\.?")
# A digit or symbol between two letters is a letter in disguise: k1ll, su!c!de, d3ad.
_LEET_MAP = str.maketrans("013457@$!|", "oieastasii")
_LEET = re.compile(r"(?<=[a-z])[013457@$!|]+(?=[a-z])")
# Words censored with asterisks: s*icide, k*ll, unal*ve.
_CENSORABLE = [
    "suicide",
    "suicidal",
    "kill",
    "killing",
    "myself",
    "die",
    "dead",
    "unalive",
    "harm",
    "overdose",
    "hang",
    "cut",
    "cutting",
]
_CENSORED = re.compile(r"[a-z]*\*+[a-z*]*")
_DISGUISE = re.compile(r"(?=[a-z0-9@$!|*]*[a-z])[a-z0-9@$!|*]*[0-9@$!|*][a-z0-9@$!|*]*")
_DISGUISABLE = frozenset(_CENSORABLE) | {"dying", "kms"}
# Letters held for emphasis. Inside a word, letters that double in ordinary words keep two
# (sleeep -> sleep, killll -> kill) and others keep one (nowww -> now, tireddd -> tired); at the
# end of a word a held e or o keeps two only in words that end that way (seee -> see, but
# byeee -> bye, sooo -> so).
_HELD_DOUBLE = re.compile(r"([lsefo])\1{2,}")
_HELD_SINGLE = re.compile(r"([a-dghi-kmnp-rt-z])\1{2,}")
_HELD = re.compile(r"([a-z])\1\1")
_HELD_END = re.compile(r"\b([a-z]*?)([eo])\2{2,}\b")
_EE_OO = frozenset(
    [
        "see",
        "free",
        "tree",
        "agree",
        "three",
        "too",
        "zoo",
        "knee",
        "fee",
        "bee",
        "glee",
        "wee",
        "coffee",
        "degree",
        "flee",
        "pee",
        "tee",
        "boo",
        "goo",
        "loo",
        "woo",
        "poo",
        "moo",
        "shampoo",
        "tattoo",
        "taboo",
        "igloo",
        "bamboo",
        "guarantee",
        "committee",
        "employee",
    ]
)
# Words spelt out letter by letter: k m s, u n a l i v e.
_SINGLES = re.compile(r"\b[a-z] [a-z] [a-z]\b")
_SPELT = re.compile(r"\b(?:[a-z] ){2,}[a-z]\b")
_SPELT_WORDS = frozenset({"kms", "unalive", "suicide", "ctb", "kill", "die", "dead", "myself"})
_NON_WORD = re.compile(r"[^a-z0-9]+")

# Contractions (with or without the apostrophe), chat spellings, and typos of the words the
# rules need, as "written:read" pairs.
_WORD_PAIRS = """
dont:do not, doesnt:does not, didnt:did not, cant:can not, cannot:can not, couldnt:could not,
wont:will not, wouldnt:would not, shouldnt:should not, isnt:is not, arent:are not,
wasnt:was not, werent:were not, havent:have not, hasnt:has not, hadnt:had not, aint:am not,
im:i am, ive:i have, id:i would, youre:you are, theyre:they are, theyd:they would,
theyll:they will, thats:that is, whats:what is, theres:there is, itll:it will, shes:she is,
hes:he is, youd:you would, youll:you will, itd:it would, wouldve:would have,
couldve:could have, shouldve:should have, gonna:going to, wanna:want to, gotta:got to,
imma:i am going to, ima:i am going to, finna:going to, tryna:trying to, u:you, ur:your,
rn:right now, tonights:tonight is, todays:today is, tn:tonight, tonite:tonight,
2nite:tonight, 2night:tonight, tonigt:tonight, tmrw:tomorrow, tmr:tomorrow, tmw:tomorrow,
tmrow:tomorrow, tomoz:tomorrow, 2moro:tomorrow, 2morrow:tomorrow, tomorow:tomorrow,
tommorow:tomorrow, tommorrow:tomorrow, tomorro:tomorrow, bc:because, cuz:because,
coz:because, cos:because, bcuz:because, becuase:because, pls:please, plz:please, ppl:people,
every1:everyone, evry1:everyone, evryone:everyone, everone:everyone, any1:anyone,
some1:someone, noone:no one, no1:no one, nobdy:nobody, thru:through, alot:a lot, b4:before,
w:with, wo:without, wihtout:without, witout:without, wthout:without, withot:without,
anymor:anymore, anymroe:anymore, nemore:anymore, nomore:no more, cba:can not be bothered,
idk:i do not know, idc:i do not care, ngl:not going to lie, tbh:to be honest, lol:lol,
kil:kill, kms:kms, myslef:myself, mysef:myself, myslf:myself, mself:myself, meself:myself,
myelf:myself, mysefl:myself, myseld:myself, mysel:myself, msyelf:myself, myselff:myself,
pils:pills, pillz:pills, tablests:tablets, wnat:want, wnt:want, watn:want, beter:better,
burdon:burden, burdan:burden, tierd:tired, lfie:life, liek:like, al:all, stil:still,
dyeing:dying, sleap:sleep, goodby:goodbye, gudbye:goodbye, herre:here, wsh:wish, ded:dead,
wud:would, shud:should, cud:could, anymre:anymore, wat:what, wats:what is, wht:what,
nothin:nothing, evrything:everything, everyting:everything, avery1:everyone,
sumtimes:sometimes, sometmes:sometimes, dissapointed:disappointed, disapointed:disappointed,
definately:definitely, definatly:definitely, deffo:definitely, prolly:probably,
rly:really, rlly:really, realy:really, relly:really, kinda:kind of, sorta:sort of
"""
_WORDS = dict(pair.strip().split(":") for pair in _WORD_PAIRS.split(",") if pair.strip())
_SUICIDE_TYPO = re.compile(r"\bsu[ia]?[cs]{1,2}i?de?\b")
_SUICIDAL_TYPO = re.compile(r"\bsu[ia]?[cs]{1,2}i?d[aei]?a?l(?=\b|ly\b)")
_MY_SELF = re.compile(r"\bmy self\b")


def _uncensor(match: re.Match[str]) -> str:
    word = match.group(0)
    for candidate in _CENSORABLE:
        if len(candidate) == len(word) and all(
            w in ("*", c) for w, c in zip(word, candidate, strict=True)
        ):
            return candidate
    return word


def _held_end(match: re.Match[str]) -> str:
    stem, letter = match.group(1), match.group(2)
    double = f"{stem}{letter}{letter}"
    return double if double in _EE_OO else f"{stem}{letter}"


def _spelt(match: re.Match[str]) -> str:
    joined = match.group(0).replace(" ", "")
    return joined if joined in _SPELT_WORDS else match.group(0)


def disguised(text: str) -> bool:
    """Whether ``text`` hides a word the rules know behind digits or symbols (k1ll, s*icide):
    people do this to pass filters, so it counts as slang."""
    lowered = text.lower()
    return any(
        _CENSORED.sub(_uncensor, m.group(0).translate(_LEET_MAP)) in _DISGUISABLE
        for m in _DISGUISE.finditer(lowered)
    )


def normalise(text: str) -> str:
    t = unicodedata.normalize("NFKC", text).lower().translate(_QUOTES)
    t = _EMOJI_RE.sub(lambda m: _EMOJI[m.group(0)], t)
    t = _OD.sub(" overdosed ", t)
    t = _SH.sub(" sh ", t)
    t = t.replace("w/o", " without ")
    t = _LEET.sub(lambda m: m.group(0).translate(_LEET_MAP), t)
    t = _CENSORED.sub(_uncensor, t)
    t = t.replace("'", "")
    t = _NON_WORD.sub(" ", t)
    if _HELD.search(t):
        t = _HELD_END.sub(_held_end, t)
        t = _HELD_DOUBLE.sub(r"\1\1", t)
        t = _HELD_SINGLE.sub(r"\1", t)
    if _SINGLES.search(t):
        t = _SPELT.sub(_spelt, t)
    # Word by word through the table: a dict look-up per word is several times faster than
    # one regex alternation of every entry tried at each word start.
    t = " ".join([_WORDS.get(w, w) for w in t.split()])
    t = f" {t} "
    t = _SUICIDE_TYPO.sub("suicide", t)
    t = _SUICIDAL_TYPO.sub("suicidal", t)
    t = _MY_SELF.sub("myself", t)
    return f" {' '.join(t.split())} "
