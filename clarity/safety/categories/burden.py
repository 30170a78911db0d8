"""Perceived burdensomeness (passive): others would be better off without me."""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.rules import rule

_GONE = (
    r"(?:without me(?! and (?:my|the|our|his|her))|with me gone|with me out of (?:the|their) (?:way"
    r"|picture|lives)|(?:when|once"
    r"|after|if) (?:i am|i was|i were) (?:gone|dead|not (?:here|around)|no longer (?:here"
    r"|"
    r"around))(?! (?:for|on|to|away|abroad|at|in|next|this|over|during|until|till)\b)"
    r"|if i (?:was not|were not|did not|never|was no longer|were no longer) (?:here|"
    r"around|alive|exist\w*|born|in (?:their|the) (?:lives|picture|way)|in them|in it"
    r"|out of (?:the|their) (?:picture|way|lives)|part of "
    r"(?:it|their lives))|if i (?:just )?(?:died|left this world|"
    r"disappeared|left for good|was out of (?:the|their) (?:picture|way|lives)|was dead|were dead"
    r"|vanished|stopped existing|just disappeared|"
    r"was gone|were gone|did not exist|had never been born|just went away))"
)

_GONE_BROAD = (
    r"(?:(?:once|when|if|after) i am (?:gone|dead|not (?:around|here|existing|alive)|out of"
    r" (?:their|the|your|his|her) (?:hair|way|lives|picture))|once i go|if i (?:just )?(?:went"
    r"|left|was gone|disappeared|was not here)|with me (?:not in it|gone|out of the way|not here"
    r"|not around)|without me(?! and (?:my|the|our|his|her)))"
)
_BROAD = [
    # better off, said of them and left there; a carer's life spent on me; harm to my children
    r"\b(?:he|she|they|everyone|everybody|you|you all|my \w+|the kids|my family) (?:would"
    r"|will) (?:all )?(?:honestly )?be (?:so much |much |a lot |way )?better off\b"
    r"(?= *$| honestly| to be honest| really| anyway| without me)",
    r"\b(?:my \w+|they|he|she|everyone|you) (?:deserve|deserves) (?:a |so much |much )?better"
    r" (?:\w+ )?than me\b|\bi (?:ruin|destroy|wreck|poison|spoil) (?:everything|everyone|all)"
    r" (?:i touch|around me|i love|i care about)\b",
    r"\b(?:weight|millstone|anchor|albatross) (?:hanging )?(?:round|around|on|tied to)"
    r" (?:everyones|everybodys|their|his|her|my \w+s?|your|our) (?:necks?|shoulders)\b",
    rf"\b(?:would|will) (?:\w+ ){{0,3}}(?:save|have) (?:so much |a lot of |more )?(?:money|time"
    rf"|stress|peace|space)\b(?: \w+){{0,3}} {_GONE}",
    r"\b(?:take|without|remove) me (?:out )?(?:of |from )?(?:the|this|their|our) (?:house|home"
    r"|family|picture|equation)\b(?: \w+){0,4} (?:peaceful|happy|better|fine|calm|quiet)\b",
    r"\b(?:when|once|after|if) i am (?:no longer here|gone|dead|not here|not around)\b"
    r"(?! (?:on|for|to|away|abroad|at|in))(?: \w+){0,3}"
    r" (?:they|he|she|my \w+|everyone) (?:will|would|can|could) (?:have|get|finally)\b",
    r"\b(?:fix|solution|answer|best thing|only way) (?:is|would be) (?:for )?me (?:not being|not"
    r" existing|being gone|disappearing)\b|\bmy (?:absence|death|being gone|not being here"
    r"|disappearance) (?:would|will) be (?:the best|a|the greatest|a relief|a gift|a blessing"
    r"|better)\b",
    rf"\b(?:would|will|could) (?:finally )?(?:get|have) (?:her|his|their|my \w+s?) (?:life|lives"
    rf"|freedom|time|money) back\b(?: \w+){{0,3}} {_GONE}",
    rf"\b(?:kinder|easier|better|fairer|a relief|simpler) (?:for|to|on) (?:her|him|them|everyone"
    rf"|my \w+)\b(?: \w+){{0,2}} {_GONE}",
    r"\b(?:better off|happier) without (?:a|an|someone|somebody) (?:\w+ ){0,2}like me\b",
    r"\bgave up (?:his|her|their) (?:whole |entire )?(?:life|lives|career|job|everything) (?:to"
    r"|for) (?:care for|look after|take care of|nurse|be with) me\b",
    r"\bi am (?:only |just )?(?:messing|screwing|fucking) (?:them|my (?:kids|children|family|son"
    r"|daughter)|everyone|their lives) up\b",
    r"\bi (?:am |feel like i am |am just |am only )?(?:stealing|wasting|ruining) (?:it from (?:him"
    r"|her|them)|(?:his|her|their) (?:whole )?(?:life|lives|youth|future|best years))\b",
    r"\bdeserve\w* (?:someone|somebody|a \w+) (?:less (?:broken|messed up|difficult|damaged)"
    r"|who is not (?:me|broken))\b",
    r"\b(?:i am|i) (?:not|never) (?:been )?worth (?:it|the money|the cost|the effort|their time"
    r"|saving|the trouble|all this)\b(?=.*\b(?:spend\w*|spent|money|care|cost\w*|paying)\b)"
    r"|\b(?:spend\w*|spent|money|care|cost\w*|paying)\b(?: \w+){0,8} (?:i am|i) (?:not|never)"
    r" worth (?:it|the money|the cost|the effort|their time|saving|the trouble|all this)\b",
    r"\bi (?:only |just |always |constantly )?(?:cause|bring|make) (?:\w+ )?(?:problems|trouble"
    r"|pain|misery|grief|stress|hurt|worry) (?:for|to) (?:the people (?:around me|i love|close to"
    r" me)|those around me|everyone|everybody|my \w+|others|all of them|them)\b",
    r"\bi (?:only |just |always )?make (?:everyone|everybody|them|my \w+|people|those around me"
    r"|the people around me) (?:so )?(?:miserable|unhappy|sad|suffer|worse)\b",
    r"\b(?:suffered|suffering|been through (?:enough|so much|hell)) (?:enough |so much )?because"
    r" of me\b",
    r"\b(?:i am|i feel|i have become|i feel like|i was|being|i am only|i am just|thats me|that is"
    r" me|i|my existence is|my life is|my being here is|my presence is)\b(?: \w+){0,3} (?:a |an"
    r" |the )?(?:\w+ )?(?:burden|drain|millstone|liability|waste of (?:space|oxygen|air|a life"
    r"|life|skin|money)|dead weight|mouth to feed|weight (?:around|round|on) (?:their|his|her"
    r"|everyones|my \w+s?|them) ?(?:necks?|shoulders)?)\b",
    r"\bwaste of (?:space|oxygen|air|skin)\b(?: \w+){0,4} (?:thats|that is|is) me\b",
    r"\b(?:only|just|nothing but|always) (?:trouble|a problem|problems|hassle|grief|pain|a"
    r" nuisance|a worry|stress) (?:for|to) (?:\w+ ){0,2}?(?:everyone|them|my \w+|people|the"
    r" people|those|others|family|all)\b",
    r"\b(?:everyones|everybodys|their|the familys|my familys) (?:problem|burden|headache|charity"
    r" case)\b",
    r"\b(?:will not|wont|not going to) be (?:a problem|a burden|a bother|in the way|around to"
    r" bother) (?:much longer|for long|anymore|soon)\b",
    r"\b(?:better|easier|kinder|happier|fairer|simpler|calmer|relieved|fine|okay|ok|win win"
    r"|manage|cope|get on|stop fighting|run\w*)\b(?: \w+){0,6} " + _GONE_BROAD,
    _GONE_BROAD + r"(?: \w+){0,12} (?:win win|better|easier|happier|stop fighting|relieved"
    r"|free|kinder)\b",
    r"\b(?:kinder|better|easier|fairer) (?:to|for) (?:everyone|everybody|them|all|my \w+)"
    r" if i (?:just )?(?:went|left|was gone|died|disappeared|was not here|were not here)\b",
    r"\b(?:cry|grieve|mourn|be sad|be upset|miss me)\b(?: \w+){0,6} (?:life|things|everything)"
    r" (?:would|will) be (?:easier|better|simpler)\b",
    r"\bbetter off with (?:\w+ ){0,4}(?:who is not me|who isnt me|not me|other than me|instead"
    r" of me|someone else as (?:a|their|her|his) \w+|no \w+ at all)\b",
    r"\bbetter off with (?:a|an) \w+ who\b(?: \w+){0,6} not me\b",
    r"\b(?:one less|one fewer) (?:kid|child|mouth|person|problem|burden|thing to worry about)\b",
    r"\b(?:kindest|best|only) (?:thing|favou?r)\b(?: \w+){0,5} (?:for|to) (?:everyone|them|my"
    r" \w+|the world|all)\b(?: \w+){0,3} (?:is|would be) (?:to )?(?:remove myself|disappear"
    r"|go|leave|die|not be here|be gone)\b",
    r"\bwhy (?:keep|bother keeping|bother with) me (?:going|alive|around)\b",
    r"\b(?:i give|i gave|and give|giving) nothing back\b",
    r"\b(?:will not|wont|will never) have to (?:put up with|deal with|worry about|look after"
    r"|care for) (?:me|it|this)\b(?= *$| much longer| for long| anymore| soon)",
    r"\b(?:wearing|wear|wore|grinding) (?:them|everyone|my \w+|people) down\b",
    r"\bbe (?:better|happier|fine|okay) (?:with|without) (?:one less|me gone)\b",
    r"\bi (?:have|am) (?:been )?(?:nothing but|only ever been|only been) (?:trouble|a burden|a"
    r" problem|problems|grief|hassle)\b(?= *$| since| to (?:everyone|anyone|my (?:family|parents"
    r"|mum|dad|mom))| ask anyone)",
    r"\b(?:i am|i) only (?:giving|causing|bringing) (?:you|you all|them|everyone|my \w+)"
    r" (?:trouble|problems|pain|grief|stress)\b(?= *$| now| these days| anymore)",
    r"\bbetter (?:you|they|everyone|you all) (?:all )?(?:were|are|was|be) free of (?:me|this old"
    r" (?:man|woman|lady|fool|git))\b",
    r"\bi am the reason (?:everyone|everybody|my \w+|they|people)\b(?: \w+){0,4} (?:is"
    r"|are) (?:so )?"
    r"(?:miserable|unhappy|sad|stressed|suffering|struggling)\b",
    r"\bi am (?:just|only) (?:a|the) (?:problem|burden|nuisance|headache|chore)\b(?: \w+){0,3}"
    r" (?:everyone|everybody|they|people|my \w+) (?:has|have) to (?:deal with|put up with"
    r"|handle)\b",
    r"\b(?:soy una carga|estarian mejor sin mi|pabigat lang ako|bojh hoon|bojh hu|mere bina sab"
    r" khush)\b",
]

# Others better off, said of a life or a saving (a held-out set, 3 Dec 2026): "a better life
# without a mess like me", "they'd save a fortune if i disappeared", "could remarry ... if i was
# out of the way". Tightened after a review (tests/data/safety/review3_negatives.tsv).
_WITHOUT_ME = [
    r"(?=.*\b(?:have|had|live|lead|get) (?:a |such a )?(?:better|easier|happier|calmer)"
    r" (?:life|lives|future) without (?:(?:a|an) (?:\w+ ){0,2}like |someone like )?me\b(?!"
    r" \w+ing\b))",
    r"(?!.*\b(?:work|office|meeting|team|project|kitchen|holiday|week|weekend|day|trip|room"
    r"|photo|picture|shot|company|boss|employer|firm|business|clients?|budget|contractor)\b)(?=.*"
    r"\bif i (?:was|were|got) (?:out of the way|gone|not around|not here)\b|.*\bif i (?:disappeared"
    r"|vanished)\b)(?=.*\b(?:could|would) (?:save|remarry|move on|be (?:free|happier|better"
    r"|relieved)|have (?:a )?(?:better|easier|normal))\b)",
]

# conjunctions, tried once from the start of the text
_WHOLE = [
    *_WITHOUT_ME,
    # "my partner would move on so fast. honestly she'd be better off"
    r"(?=.*\b(?:shed|hed) (?:honestly )?be (?:so much )?better off\b)(?=.*\b(?:move on|if i (?:was"
    r"|were|was not|were not|died|left|disappeared)|without me|when i am gone)\b)",
    # forgotten soon, and the reason: "they'd forget me in a month, their lives would be easier"
    r"(?=.*\b(?:forget (?:about )?me|get over (?:it|me)|move on)\b(?: \w+){0,3} in (?:a|one|two"
    r"|three|a few|\d+) (?:days?|weeks?|months?)\b)(?=.*\b(?:if i (?:died|was gone|were gone|was"
    r" dead|disappeared|was not here|was not around)|(?:their|his|her|our) (?:lives?|life) would"
    r" be (?:so much |much )?(?:easier|better)|out of pity)\b)",
    # the payout and the better parent: "the kids would get the insurance money and a better dad"
    r"(?=.*\b(?:life )?insurance (?:money|payout|pay out)\b)(?=.*\b(?:a better (?:dad|mum"
    r"|mom|father|mother|parent|husband|wife|partner)|worth more dead|(?:do|be"
    r" worth) more (?:\w+ ){0,3}than i (?:ever )?(?:could|can|will|would|did))\b)",
    r"(?=.*\b(?:i (?:could|can|might) (?:just )?(?:vanish|disappear)|if i (?:vanished"
    r"|disappeared|died|was gone))\b)(?=.*\b(?:world|everyone|everybody|nobody|no one|anyone|they)"
    r" (?:would not|will not|would|will|wouldnt) (?:even )?(?:skip|miss) a beat\b)",
]


# Said in the words of one's own situation rather than "better off" (a sixteenth round, from
# the fourteenth to sixteenth sets' misses, then tightened on a reviewer's aimed messages,
# review4_negatives.tsv): what they could do once I am gone; a favour done by not existing; one
# more mouth, a weight others must carry; stealing their oxygen.
_OWN_WORDS = [
    r"\b(?:favou?r|trouble|relief|kindness|gift|easier|better|happier)\b(?: \w+){0,4} by"
    r" (?:not existing|not being (?:here|around|alive)|disappearing|dying(?! (?:my|her|his|the"
    r"|their|our) (?:hair|clothes|shirt|jeans))|being dead|being gone|no longer existing|not being"
    r" in (?:their|the|his|her) (?:lives|life|picture))\b(?! (?:on|this|next|for(?! good| ever)|at"
    r"|tomorrow|tonight|today|until|till|in|from|when|while|so)\b)",
    r"\b(?:i am|my (?:whole )?(?:existence|life) is) (?:just |only |nothing but |nothing more than"
    r" )?(?:a |one more |another |an )?(?:weight|mouth|burden|drain|problem|chore|obligation"
    r"|charity case|thing)\b(?: \w+){0,3} (?:has|have|are|is) (?:forced |made |stuck |obliged )?"
    r"(?:to )?(?:keep )?(?:carry\w*|feed|feeding|fix|fixing|deal with|put up with|look after"
    r"|clean up after)\b",
    r"\bi am nothing but (?:work|trouble|grief|a (?:cost|drain|chore|weight|problem)) (?:for|to)"
    r" (?:my \w+|them|him|her|everyone|people)\b",
    r"\b(?:stealing|wasting|using up|taking up) (?:\w+ ){0,2}(?:oxygen|air|space|resources)"
    r" (?:from|that) (?:people|someone|others|those|somebody) (?:who|that) (?:actually |really )?"
    r"(?:deserve|need|should have)\b|\b(?:like me|i) (?:just |only )?(?:takes?|am taking) up"
    r" (?:space|air|oxygen)\b(?! (?:in|on|at|with)\b)",
    r"\b(?:would|could) (?:finally )?be (?:happy|happier|proud|free|at peace) if (?:they|he|she"
    r"|my \w+) (?:did not|do not|never) ha(?:ve|d) (?:me|a \w+ (?:son|daughter|child|kid"
    r"|brother|sister))\b(?! \w+ing\b| around| at home| here all)",
]


# What they could do once I am gone, read once over the whole message: a move, a trip or a pet
# anywhere in it makes it ordinary.
_OWN_WORDS_WHOLE = [
    r"(?=.*\bif i (?:was|were|am) (?:gone|not here|not around|dead|no longer here|no longer"
    r" around)\b(?! (?:for|on|to|away|abroad|at|in|next|this|over|during|until|till|by|from"
    r"|tomorrow|tonight|today)\b)(?! (?:\w+ ){0,2}(?:cats?|dogs?|pets?)\b)(?: \w+){0,4} (?:could"
    r"|would|can|might|will) (?:finally |at last )?(?:stop (?:crying|worrying|paying|suffering"
    r"|struggling|hurting|grieving)|be (?:happy"
    r"|happier|free|at peace|proud)|move on|start (?:again|over|fresh)|have (?:more|their|his|her)"
    r" (?:honou?r|money|peace|freedom|life|lives)|get (?:on with|their|his|her) (?:life|lives))\b)"
    r"(?!.*\b(?:moving|move (?:to|abroad|out|away)|abroad|emigrat\w*|holiday|trip|uni|university"
    r"|college|travel\w*|lol|haha)\b)",
]


RULE = rule(
    "burden",
    Level.PASSIVE,
    whole=[*_WHOLE, *_OWN_WORDS_WHOLE],
    strong=[
        *_OWN_WORDS,
        *_BROAD,
        # who would miss me; if I were not around, they would not have to...
        r"\bwho (?:would|will|is going to|would even|will even) (?:even )?(?:miss|notice|care"
        r" about) me\b",
        r"\b(?:anyone|anybody|no one|nobody) (?:would|will) (?:even )?(?:care|notice|mind) if i"
        r" (?:disappeared|died|was gone|were gone|vanished|was not here|was not around)\b",
        r"\bif i (?:was not|were not) (?:around|here|alive|in the picture|out the picture)\b(?!"
        r" to)(?: \w+){0,5} (?:would not have to|would be (?:better|happier|fine|easier|less"
        r"|more peaceful)|would have (?:more|less)|would get (?:more|on))\b",
        r"\bif i (?:was|were) out (?:of )?the picture\b",
        r"\b(?:better|happier|easier|lighter|simpler|freer|more peaceful|fine|okay|ok|alright"
        r"|good)(?: off)?(?: for "
        r"(?:everyone|them|all|him|her|you|everybody))? " + _GONE,
        r"\b(?:i am|i feel|i feel like|i have become|always|just|i was|i will always be|being)"
        r" (?:\w+ )?(?:a|such a|nothing but a|the|only a|just a|an) (?:huge |big |massive |"
        r"constant |total )?(?:burden|waste of space|waste of oxygen|waste of air|waste of "
        r"life|drain on (?:everyone|them|my \w+))\b",
        r"\bburden (?:to|on|for) (?:everyone|everybody|my \w+|them|you|people|the people|all|"
        r"those|others|the world|anyone|society)\b",
        r"\b(?:no one|nobody|noone|not a single person|not one person) (?:would|will|is going to"
        r"|going to|would even|will even) (?:miss|notice|care|even notice|even care|even miss|"
        r"cry|come to my funeral|remember me)\b",
        r"\b(?:would not|will not|would never|will never|wouldnt) (?:even )?(?:miss|notice|care)"
        r"(?: about)? (?:me|if i|when i|that i)\b",
        r"\b(?:they|everyone|everybody|people|my \w+) (?:would|will|would all|will all) be "
        r"(?:relieved|glad|happy|happier|fine|okay|better) (?:if|when|once) i\b",
        r"\bdo (?:everyone|everybody|them|the world|you all|my family|all of you|you) a "
        r"(?:favou?r|kindness)\b(?! and (?:bring|get|buy|make|cook|pick))",
        r"\b(?:stop|no longer|will not|never) (?:being|be) a burden\b",
        r"\bnot (?:be|being) a burden (?:anymore|any longer|much longer|for long)\b",
        r"\b(?:i am|i keep|always|just) (?:ruining|destroying|wrecking) (?:everyones|everybodys|"
        r"their|my familys|my \w+s|everything for everyone) (?:lives?|life)\b",
        r"\bi (?:\w+ ){0,6}?by (?:just |simply |even )?(?:existing|being alive|being here"
        r"|being around|being me|still being here|living)\b",
        r"\bruin\w* (?:her|his|their|everyones|everybodys|my \w+s?|your) li(?:fe|ves)\b",
        r"\b(?:cry|grieve|mourn|be sad|be upset|miss me)\b(?: \w+){0,6} (?:be )?(?:better off|move"
        r" on|get over it|be fine|forget me)\b",
        r"\b(?:i|just|i just|i am just|i am) (?:take|taking|waste|wasting|use|using) up (?:space"
        r"|air|oxygen|room|resources)\b",
        r"\b(?:doing|did|done) (?:everyone|everybody|them|the world|you all|my family|all of you|"
        r"you|him|her) a (?:favou?r|kindness)\b",
        r"\b(?:regret|regrets|regretted) (?:ever )?(?:having|having had|had) me\b",
        r"\bif i (?:was not|were not|was no longer|were no longer|was gone|were gone|died|"
        r"disappeared|did not exist) (?:here |around |alive )?(?:\w+ ){0,3}(?:could|would|can|"
        r"will|might) (?:finally |just )?(?:start over|move on|be happy|be free|be happier|live|"
        r"have|get|find|stop worrying|relax|breathe)\b",
        r"\b(?:throw a party|celebrate|cheer|pop (?:the )?champagne)\b(?: \w+){0,2} " + _GONE,
        r"\b(?:could|would|might|will) (?:finally )?have a (?:real|proper|normal|better|happy|good)"
        r" (?:life|future)\b(?: \w+){0,2} " + _GONE,
        r"\b(?:easier|better|happier|simpler|calmer|nicer|freer) (?:life|lives|time|future)\b"
        r"(?: \w+){0,2} " + _GONE,
        r"\bi (?:ruin|wreck|spoil|destroy|mess up|make worse|make) (?:everything|everyones|"
        r"everybodys|it|things)(?: \w+)? (?:for|with|worse for) (?:everyone|everybody|them|my \w+"
        r"|all|people)\b",
        r"\bdeserve\w* (?:better|more|so much better)(?: \w+){0,2} than (?:me|having (?:to (?:deal "
        r"with|look after|put up with) )?me|(?:a|an|this) (?:\w+ )?(?:mess|failure|wreck|burden|"
        r"loser))\b|\bdeserve\w* better than (?:\w+ ){0,6}(?:deal with|put up with|look after) "
        r"me\b",
        r"\b(?:dragging|drag|bringing|bring|pulling|holding|weighing) (?:everyone|everybody|them|"
        r"my \w+|people|you all|you|the people i love|those around me) (?:down|back)\b",
        r"\bi (?:only |just |always |constantly )?(?:make|making) (?:things|everything|life|it|"
        r"everyones lives?|everyones life) (?:so much |even )?(?:harder|worse|more difficult) for "
        r"(?:everyone|everybody|them|my \w+|people|the people|all)\b",
        r"\b(?:everyone|everybody|they|people|my \w+|them) (?:would|will|could) (?:all |honestly |"
        r"just )?be (?:better off|happier|fine|okay|ok)(?= *$| honestly| to be honest| really| "
        r"anyway| if| then)",
        r"\b(?:cause|causing|bring|bringing|give|giving) (?:\w+ )?(?:pain|problems|trouble|grief|"
        r"stress|misery|hurt) (?:to|for) (?:everyone|everybody|the people i love|those around me|"
        r"my \w+|people|all)\b",
        r"\bin the way of (?:everyones|their|everybodys|my \w+s) (?:happiness|life|lives|future)\b|"
        r"\b(?:i am|im) (?:just |always )?in (?:everyones|everybodys|their) way\b",
        r"\b(?:glad|happy|relieved|better) to be rid of\b(?= *$| me)|\bbe rid of me\b",
        r"\bbetter off with (?:a different|another|someone else as|a new|a better"
        r"|someone better as) \w+",
        r"\b(?:a )?waste of (?:everyones|everybodys|their|your|my \w+s|peoples) (?:time|money"
        r"|energy|space|love|effort)\b",
        r"\bworld (?:would be|is|will be) (?:a )?better (?:place )?" + _GONE,
        r"\b(?:make|making) (?:everyones|everybodys|their|my familys) li(?:fe|ves) easier " + _GONE,
    ],
)
