"""Wish to be dead (C-SSRS 1, passive): wishing to be dead, not to exist, not to wake up.

"I don't want to die" states the opposite of this wish and is not matched; any stronger
statement in the same message (kill myself, can't go on) is still read by its own category.
"""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.lexicon import ANYMORE
from clarity.safety.rules import rule

_NOT = r"(?<!not )(?<!never )(?<!no )"
_NOT_WAKE = (
    r"(?:not|never|did not|do not|would not|will not|no longer) (?:want to )?(?:wake up|"
    r"wake(?! up)|to wake up|waking up)\b(?! (?:early|at|before|for|on time|in time|late|so"
    r"|this early|until|till|when|to my alarm|in the night))"
)
TIRED_OF_LIVING = (
    r"\b(?:tired|sick|exhausted|weary) of (?:living|being alive|existing|life|waking up|this life"
    r"|being here)\b(?! (?:in|with|at|near|next to|so far|on|under|out of|off|like a|without (?:a"
    r"|my) \w+ )\b)"
)

# Not existing on social media or online is leaving an app, not life.
_ONLINE = (
    r"(?!(?: \w+){0,3} (?:on|from) (?:social media|online|instagram|facebook|tiktok|twitter|the"
    r" internet))"
)
# Broad frames (any wording): a wish, hope or prayer, then not existing, death, or being taken.
_DEATH_END = (
    r"(?:be dead|die|died|not be (?:alive|here|around|a person|anyone|anything|real)|not exist"
    r"|stop existing|stop being|cease to exist|be erased|be deleted|be gone|be nothing"
    r"|be no more|not wake up|never wake up|never open my eyes again|not see another (?:day"
    r"|morning)|(?:vanish|disappear|fade away) (?:and never come back|forever|for good"
    r"|permanently|completely))"
)
_DIED = (
    r"(?:died|was dead|were dead|cark\w* it|kick\w* the bucket|pop\w* my clogs|snuff\w* it"
    r"|croak\w*|passed away|bit the dust|did not wake up|never woke up|was gone|never (?:opened"
    r"|open) my eyes again|did not see another (?:day|morning)|never saw another (?:day|morning))"
)
_BROAD = [
    r"\b(?:happier|better|more peaceful|at peace|at rest) (?:being )?dead\b",
    r"\bif i could (?:just )?(?:die|disappear|not exist|stop existing|go)\b(?: \w+){0,3} i"
    r" would\b(?! (?:go|visit|buy|travel|move|live|do it (?:again|differently)))",
    rf"(?<!not )(?<!never )\b(?:want|wish|wanna|would like|would love|give anything|long|longing"
    rf"|yearn\w*|crave|craving|ache|aching) (?:\w+ ){{0,2}}?(?:to )?(?:just |simply )?"
    rf"{_DEATH_END}\b(?! (?:for (?:a|the|an|some|two|three|\d+) (?!ever)|to (?:the|my|a|work"
    rf"|school)|into|on (?:holiday|a)|from (?:work|school|class|the|this (?:party|meeting)))\b)"
    + _ONLINE,
    rf"\b(?:my )?(?:wish|dream|hope|prayer) (?:is|was) (?:to|that i) (?:just )?{_DEATH_END}\b",
    r"\bwish\w*\b(?: \w+){0,8} (?:be gone|be dead|stop existing|not exist|never wake up|not wake"
    r" up)\b",
    r"\bwish i (?:just )?(?:would not|did not|could not|was not|were not) (?:be|exist|be here"
    r"|be alive)\b(?= *$| anymore| any more| you know| at all)",
    r"\bi (?:\w+ ){0,3}lived long enough\b",
    r"\b(?:candle|light|flame)\b(?: \w+){0,4} (?:ready to|about to|going to|waiting to) go out\b",
    r"\bnothing (?:is )?(?:keeping|left for|holding|to keep) me (?:here|alive|going)\b",
    r"\b(?:better|rather|prefer|sooner) (?:that )?(?:i am|to be|i was|i were|be|i be) dead\b",
    r"\b(?:disappointed|sad|upset|gutted|annoyed|angry|sorry|hate|frustrated)\b(?: \w+){0,3}"
    r" (?:that )?i (?:woke|wake|am still|still wake|survived|made it through)\b",
    r"\b(?:would not|will not|not|never) (?:fight|resist|mind|care)\b(?: \w+){0,3} if (?:something"
    r"|anything|a \w+|someone|god|it|death|cancer) (?:\w+ ){0,3}?(?:happened|happens|hit|hits"
    r"|took|takes|killed|kills|came for|comes for|got) (?:to )?me\b",
    r"\bif (?:a \w+|something|someone|god|cancer|death|it) (?:\w+ ){0,2}?(?:hit|hits|took|killed"
    r"|ran over|happened to|came for) me\b(?: \w+){0,10} (?:mind|care|fight|sad|upset|bothered"
    r"|relieved|grateful|glad)\b",
    r"\b(?:pray\w*|hop\w*|wish\w*|ready|waiting|want\w*|ask\w*|beg\w*|long\w*)\b(?: \w+){0,4}"
    r" (?:god|the lord|lord|jesus|death|the end|heaven|he) (?:\w+ ){0,2}?(?:to )?(?:take|takes"
    r"|call|calls|come for|comes for|took) me\b(?! to (?:ministry|serve|the priesthood|preach|be)"
    r"| where| into| through| off| out| to (?:the|a|his|her) \w+)",
    r"\b(?:hop\w*|wish\w*|pray\w*)\b(?: \w+){0,3} i (?:will|ill|would|could|might|get|catch)"
    r" (?:get |catch |develop )?(?:some |an? |a terminal )?(?:illness|disease|cancer|tumou?r"
    r"|heart attack|accident|virus|infection)\b(?! research| ward| nurse| charity| uk| trust"
    r"| awareness| screening)",
    r"\b(?:hop\w*|wish\w*|pray\w*)\b(?: \w+){0,8} (?:it|everything|this) (?:will|would|could)"
    r" (?:all )?(?:be over|end|stop)\b",
    r"\b(?:press|push|click) a button and (?:just )?(?:be gone|disappear|die|not exist|stop"
    r" existing|be dead|vanish)\b",
    r"\b(?:fine|ok|okay|happy|at peace|content|comfortable|alright|relieved)\b(?: \w+){0,2}"
    r" (?:with|about) (?:the idea of )?(?:not existing|not being alive|not being here|dying"
    r"|death|being dead|not waking up)\b",
    r"\b(?:wish\w*|hop\w*|pray\w*)\b(?: \w+){0,3} my heart (?:would|will|could|might) (?:just )?"
    r"(?:stop|give out|give up)\b",
    rf"\b(?:happy|glad|fine|ok|okay|relieved|grateful|thankful|not mind|mercy|blessing|relief)\b"
    rf"(?: \w+){{0,3}} if i (?:just )?{_DIED}\b",
    r"\b(?:grave|coffin|death|dying|eternal rest|the void|oblivion|nothingness)\b(?: \w+){0,3}"
    r" (?:seems|sounds|looks|feels|would be|is) (?:so |really |very |quite )?(?:nice|peaceful"
    r"|appealing|inviting|tempting|good|welcoming|lovely|comforting)\b",
    r"\b(?:i want|i wish|want|wish|i just want) (?:it|everything|it all) (?:all )?(?:to|would)"
    r" (?:end|stop|be over)\b(?= *$| forever| for good| permanently| not just| all of it| every)",
    r"\b(?:would|i would|will|i will) welcome (?:the end|death|dying)\b",
    r"\b(?:want|like|long|ready|wish)\w* to (?:go and )?be with (?:my )?(?:late )?(?:wife|husband"
    r"|mum|mom|dad|mother|father|son|daughter|partner|parents|\w+) again\b(?=.*\b(?:lived long"
    r" enough|nothing (?:keeping|left)|had enough|ready to go|heaven|the lord|god|gone)\b)",
    r"\b(?:want|like|long|ready|wish)\w* to (?:go and )?be with (?:my )?(?:late |dead )?(?:wife"
    r"|husband|mum|mom|dad|mother|father|son|daughter|partner|parents) (?:now|again)\b"
    r"(?=.*\bnothing (?:keeping|left|holding))",
    # envy of the dead, said after the death or the hearse: "he died and i was jealous"
    r"\b(?:(?:died|dying|dead|killed|passed away|passed (?:on )?(?:last|this|in) (?:week|month"
    r"|year|\w+day|the night|hospital|her sleep|his sleep))\b(?: \w+){0,8} (?:i was|i am|i felt|i"
    r" feel|made me|and i)(?: \w+){0,3}|hearse\b(?!.*\b(?:paint|vintage|classic|colou?r)\b)(?: \w+)"
    r"{0,8}) (?:jealous|envious|envy)\b",
    # a fatal diagnosis or an accident welcomed; safety let go
    r"\b(?:fine|ok|okay|happy|glad|relieved|grateful|not mind)\b(?: \w+){0,2} if\b(?: \w+){0,6}"
    r" (?<!no )(?<!not )(?:cancer|terminal|a tumou?r|months to live|weeks to live)\b",
    r"\bif (?:a \w+|the \w+|something|it) (?:hits|kills|takes|gets|happens to) me(?: \w+)? (?:it"
    r"|then it|so be it|whatever)\b|\bif i (?:die|do not wake up|do not make it) (?:i die|so be"
    r" it|then so be it|whatever)\b",
    r"\b(?:do not|no longer|stopped|never) (?:really |even |bother\w* )?(?:look\w*|check\w*)"
    r" (?:\w+ ){0,2}(?:when|before) (?:i )?cross\w*\b|\b(?:stopped|do not|no longer) (?:even )?"
    r"(?:wear\w*|bother\w* with|put\w* on) (?:my |a )?seat ?belt\b",
    r"\bwhy (?:could not|did not|can not|could) i (?:have )?(?:just )?(?:died|die|been killed"
    r"|not survived)\b|\b(?:should have|should of|wish i had|wish i would have) (?:just )?"
    r"(?:died|not survived|not woken up|been killed)\b(?! (?:of|laughing|from))",
    r"\b(?:wish\w*|hop\w*|pray\w*)\b(?: \w+){0,3} (?:it was|it were|it had been|that was) me\b"
    r"(?= (?:in (?:the|that) (?:coffin|casket|grave|ground|box|urn|car|crash|accident)|instead"
    r"|who died|not (?:him|her|them)|lying there))",
    r"\b(?:i|i keep|i always|i still) (?:think|thought) (?:a lot |constantly |all the time "
    r"|so much )?(?:about|of) (?:dying|being dead|not existing|not being here|not waking up)\b",
    r"\blucky (?:her|him|them|you)\b(?: \w+){0,3} (?:gets? to|got to) (?:rest|sleep|go|be at"
    r" peace|leave)\b|\bwish\w* (?:i|mi|me) (?:\w+ ){0,3}(?:drop (?:down )?dead|keel over)\b",
    r"\b(?:want|wants|wish\w*|hop\w*|pray\w*)\b(?: \w+){0,5} (?:it is|its|it was|i am|i was)"
    r" (?:terminal|cancer|fatal|dying|incurable)\b",
    r"\bhop\w* (?:a|the) (?:car|bus|truck|lorry|train) (?:comes|hits|will hit|would hit|gets me)\b"
    r"|\bcross\w* (?:the )?(?:road|street)\b(?: \w+){0,3} (?:do not|no longer|never) (?:even )?"
    r"(?:look|check)\b",
    r"\b(?:ground|earth) (?:to |would |could |will )?(?:just )?(?:swallow|swallows) me(?: up)?\b"
    r"(?: \w+){0,4} (?:and never|forever|for good|permanently|never)\b",
    r"\b(?:daydream\w*|fantasi[sz]\w*|keep (?:imagining|picturing)) (?:about )?(?:my own|my)"
    r" (?:funeral|grave|death|dying)\b(?! scene| in (?:the|a|my) (?:play|film|movie|game|book"
    r"|story))",
    r"\blet me (?:not|never) wake up\b(?! before| until| till| early)|\b(?:ask\w*|beg\w*|pray\w*)"
    r" (?:the lord|god|allah|jesus)(?: \w+){0,3} (?:to )?(?:let me (?:die|not wake)|take me)\b"
    r"(?= *$| home| now| in my sleep| tonight| away)",
    r"\b(?:glad|happy|relieved|fine|okay|ok|not mind|would not mind)\b(?: \w+){0,2} if (?:the|a|my)"
    r" (?:tractor|truck|lorry|bus|car|train|tree|roof|ceiling|plane|building|wall) (?:rolled over"
    r" on|fell on|ran over|crushed|hit) me\b",
    r"\b(?:hop\w*|wish\w*|pray\w*) (?:that )?i (?:get|catch|develop|have got|had) (?:something"
    r" (?:terminal|fatal|incurable)|cancer(?= *$| so| and| or))\b",
    r"\bif i (?:die|died|never wake up)\b(?: \w+){0,4} (?:that is"
    r"|thats|it is|its|it would be|that would be) (?:ok|okay|fine|alright|a relief)\b",
    r"\b(?:died|dead|passed away|die)\b(?: \w+){0,8} (?:lucky (?:them|him|her|bastards?)"
    r"|so lucky)\b",
    r"\bi should (?:just )?(?:not exist|stop existing|not be alive|be dead)\b",
    # a few words of the languages users mix in (Spanish, Hindi in Latin letters, Tagalog)
    r"\b(?:quiero morir(?:me)?|me quiero morir|ojala no despert\w*|marna chaht[ai] h(?:u|oo)n"
    r"|mar jaana chaht[ai] h(?:u|oo)n|mawala na lang ako|sana mawala na (?:lang )?ako)\b",
]

# Wishes to be dead said sideways (a held-out set, 3 Dec 2026): switched off, done being alive,
# a coffin swapped into, surgery not survived, tonight hoped to be the last (tightened after a
# review, tests/data/safety/review3_negatives.tsv).
_SWITCHED_OFF = [
    r"\b(?:wish|want|if only) (?:someone|somebody|they|god|you) (?:would|could) (?:just )?(?:switch"
    r"|turn|shut) me off\b",
    r"\b(?:done|finished|so done) being alive\b",
    r"\b(?:am not|i am not|not) (?:planning|intending|expecting) (?:on |to )?(?:wak\w* up|wake"
    r" up again)\b(?! (?:early|at|before|till|until|for|in time|on time)\b)",
    r"\bswap (?:places )?with (?:anyone|someone|anybody) (?:in a|who is in a|in their) (?:coffin"
    r"|grave|casket)\b",
    r"\bhop(?:e|es|ing|in) i (?:do not|will not|never) (?:survive|wake up from|come out of|make it"
    r" through) (?:the|my|this) (?:surgery|operation|op|night|procedure)\b",
    r"\b(?:go|going|get|getting) to (?:bed|sleep) hop(?:e|es|ing|in) (?:this|it|tonight) (?:is"
    r"|will be) the last (?:time|night|one) *$",
]

# A death welcomed if it came by itself, in one's own situation's words (a sixteenth round,
# tightened on review4_negatives.tsv): a truck or a plane that would not be minded; envy of
# those who did not come home; a heart hoped to give up; going before the person one cares for;
# disappearing off the face of the earth for good.
_OWN_WORDS = [
    r"\bif (?:a|the) (?:truck|lorry|car|bus|train|van|tractor) (?:hit|hits|ran over|runs over"
    r"|knocked down|knocks down) me\b(?: \w+){0,10} (?:would not|wouldnt|do not) (?:even"
    r" |honestly |really |be that |really be |that )*(?:be )?(?:mind|care|bothered|mad|upset|sad"
    r"|sorry|complain)\b|\bif i (?:got|get) (?:hit|run over|knocked down) by (?:a|the) \w+\b"
    r"(?!.*\b(?:team|docs|documentation|handover|colleagues|project|code|lol|haha)\b)"
    r"(?: \w+){0,8} (?:would not|wouldnt|do not) (?:even |honestly |really |be that |that )*(?:be"
    r" )?(?:mind|care|bothered|mad|upset|sad|sorry)\b",
    r"\b(?:would not|wouldnt|do not|dont) (?:even |really |honestly )?(?:mind|care) if (?:the|my)"
    r" (?:plane|flight|helicopter) (?:went down|crashed|crashes|goes down)\b",
    r"\b(?:envy|jealous of) (?:\w+ ){0,5}(?:who|that) (?:did not|didnt|never) (?:come home|make it"
    r" (?:back|home|out)|survive\w*)\b|\b(?:envy|jealous of) (?:the dead|dead people)\b",
    r"\bhop(?:ed|ing|e) (?:that was it|it was the end|it would be the end|it was my time|it kills"
    r" me|it would kill me)\b(?! for (?:the|my|this|that) (?:job|exam|team|season|day|week"
    r"|project))|\bhop\w* my (?:heart|body|lungs) (?:just )?(?:gives? up|stops?|gives out|quits"
    r"|packs in|fails)\b",
    r"\bwish (?:i would|i could|i had|i might) (?:go|die|pass|be taken|have gone|have died)"
    r" before (?:her|him|them|my \w+)\b",
    r"\b(?:i|me) (?:could |would |want to |wanted to |just )*(?:disappear|vanish)\w* (?:off|from)"
    r" the face of the (?:earth|planet)\b(?: \w+){0,2} (?:permanently|forever|for good|for ever)\b",
]


RULE = rule(
    "wish_dead",
    Level.PASSIVE,
    whole=[
        # an ambulance or hearse passing, and wishing it was coming for me
        r"(?=.*\b(?:ambulance|hearse|sirens?|funeral|reaper)\b)(?=.*\bwish\w* (?:it|they|death)"
        r" (?:was|were) (?:coming|here) for me\b)",
        # "it should have been me ... part of me still wishes it had been"
        r"(?=.*\bshould have been me\b)(?=.*\bwish\w* it (?:had been|was)\b)(?=.*\b(?:died|dead"
        r"|death|crash|killed|instead of)\b)",
        # a graveyard, and places swapped with the dead
        r"(?=.*\b(?:graveyard|cemetery|graves?|coffin|the dead|buried)\b)(?=.*\b(?:swap|trade"
        r"|switch) places with (?:any of them|them|him|her|the dead)\b)",
        # a weak heart one hopes will give out
        r"(?=.*\b(?:heart|cardiologist|cardiac)\b)(?=.*\b(?:hop|wish|pray)\w*\b(?: \w+){0,3}"
        r" it (?:would |will |could |might )?(?:just )?(?:gives? out|gave out|stops?|gives? up"
        r"|fails?)\b)",
        # to go and join someone who has died
        r"(?=.*\b(?:passed|died|passing|death|lost (?:my|her|him)|late|heaven|funeral|grave)\b)"
        r"(?=.*\b(?:want|wanna|ready|long\w*|wish\w*)(?: \w+)? to (?:go and be with|go be with"
        r"|join) (?:her|him|them|my \w+)(?: \w+)? (?:now|again|soon|in heaven|up there|forever)\b)",
    ],
    strong=[
        *_OWN_WORDS,
        *_SWITCHED_OFF,
        *_BROAD,
        # wishing to vanish or be erased, to be hit by a bus, to be called home; waking up as a
        # disappointment
        r"\b(?:want|wanted|wanting|wish i could|wanna|would love) (?:to )?(?:just )?(?:disappear"
        r"|vanish|cease to exist|stop existing)\b(?= *$| forever| for good| completely"
        r"| permanently| and never| not run away| not (?:like )?(?:go|run) away| from (?:the world"
        r"|the earth|this world|existence|everyone))",
        r"\b(?:deleted|erased|removed|wiped|gone) from existence\b",
        r"\b(?:would not mind|be fine|would be fine|be happy|would be happy|be glad|hope|hoping"
        r"|wish|pray|praying) (?:if |that )?(?:i )?(?:got |get |was |were |would get |to get )?"
        r"(?:hit|run over|knocked down) by a (?:bus|car|truck|lorry|train)\b",
        r"\bwake up (?:i am |and i am |and feel |feeling )?(?:disappointed|upset|angry|gutted)"
        r" (?:that )?i (?:did|still do|woke up|am still (?:here|alive))\b",
        r"\bterminal (?:diagnosis|illness|cancer)\b(?: \w+){0,8} (?:relieved|relief|glad|happy"
        r"|grateful)\b",
        r"\b(?:lord|god|jesus) (?:please )?(?:just )?(?:call|take|bring) me home\b",
        r"\bcrawl (?:into|in) (?:the ground|a hole|my grave) and (?:stay|never come out|die)\b",
        r"\bwish(?:ing|ed|es)? (?:i (?:was|were|could be|would|had|could|could just|would just)"
        r"|to be|i could have|that i (?:was|were|had)) (?:just )?(?:dead|gone|never born|not born"
        r"|not here|not alive|not exist\w*|disappear\w*(?! (?:to|on|into|off|under|somewhere|"
        r"abroad|when|whenever|every time|from|for (?:a|the|two|three|\d+|some|a few) (?!ever)))"
        r"|die|died|never existed|never been born|"
        r"been born|stop existing|cease to exist|fall asleep and|go to sleep and|sleep and"
        r"|not wake|never wake|be dead|be gone|died instead|be with \w+ again)\b",
        _NOT + r"\b(?:want|wanna|wanting|wants|long|longing|need|needing|wish|wishing|yearn\w*)"
        r" (?:to )?(?:just )?(?:die|be dead|not exist|not be alive|not be here|stop existing|"
        r"cease to exist|cease existing|not be around|disappear (?:forever|for good|"
        r"permanently|completely|from (?:this|the) (?:world|earth))|be gone|vanish forever"
        r"|not to exist|not to be here|not to be alive)\b(?!(?: \w+){0,3} (?:on|from) (?:social"
        r" media|online|instagram|facebook|tiktok|twitter|the internet))",
        r"\b(?:do not|dont|never|no longer|not|really do not) (?:even |really |actually |honestly "
        r")?(?:want|wish|wanna|feel like|"
        r"have the will) (?:to )?(?:live|be alive|exist|be on this earth|be in this world|go on"
        r" living|keep living|carry on living|continue living|stay alive|continue existing|be"
        r" here|be around)\b(?! (?:at|in this (?!world|life)|in (?:that|the) \w+|with (?!myself"
        r"|this)|for (?:the|this|that)|near|next to|on this (?!earth)|without (?:my|a)|like that"
        r"|there|here))",
        r"\b(?:hope|hoping|wish|wishing|pray|praying|want|wanting|rather|would be (?:nice|good|"
        r"easier|better) if i|(?:be|is|it would be) (?:ok|okay|fine|alright) if i|if only i"
        r"|what if i|i could|mind if i|care if i|would not mind|do not mind"
        r"|would mind) (?:\w+ ){0,8}?" + _NOT_WAKE,
        r"\b(?:go|went|going) to sleep and " + _NOT_WAKE,
        r"\b(?:fall|falling|fell) asleep(?: forever| for good| one night| tonight)? and "
        + _NOT_WAKE,
        r"\bsleep and " + _NOT_WAKE,
        r"\b(?:i would|id|i) (?:rather|sooner) (?:be dead|die|not exist|not be alive|not be here)"
        r"\b(?! than (?!live|living|go on|keep|continue|feel|be alive|wake|face|spend|carry on|"
        r"be here|deal))",
        r"\bbetter off dead\b",
        r"\b(?:would not|do not|dont|did not) (?:mind|care|be (?:gutted|sad|upset|bothered|sorry"
        r"|disappointed))(?: \w+){0,2} if i (?:died|was dead"
        r"|were dead|did not wake up|never woke up|got hit|disappeared|stopped existing|was gone"
        r"|die|do not wake|never wake)\b",
        r"\b(?:hope|hoping|wish|pray|praying) (?:that )?(?:i|something|someone|a \w+|god)"
        r" (?:\w+ ){0,3}?(?:die|dies|died|kills? me|takes? me|get hit|gets? me|hits? me|do not "
        r"survive|never come back|crash|end me)\b",
        r"\b(?:someone|somebody|something|god|cancer|a car|a bus|a truck|a train|the universe)"
        r" (?:would|could|to|will|should) (?:just )?(?:kill|take|end|hit) me\b(?! where| to (?:the"
        r"|a|his|her|church|work|school|ministry)| into| through| under| in)",
        r"\bget hit by a (?:bus|car|truck|lorry|train)\b",
        r"\b(?:not|stop) (?:to )?exist(?:ing)? " + ANYMORE + _ONLINE,
        r"\bdo not want to be (?:here|alive|around) " + ANYMORE,
        r"\bthinking (?:about|of) (?:dying|death|being dead|not existing|not being here)\b",
        r"\b(?:i want|i wish|wish|want) (?:it|everything) (?:all )?(?:to|would) (?:end|stop|be "
        r"over)(?: forever| for good| permanently)?(?= *$| forever| for good| permanently)",
        r"\bwant to be with (?:my )?(?:late|dead) \w+\b",
        TIRED_OF_LIVING,
        r"\bi do not want to be alive\b",
        r"\b(?:easier|better|nicer|nice|ok|okay|fine|a relief|relieved|peaceful|good|simpler|"
        r"grateful|happy|glad|worst thing)\b(?: \w+){0,4} if (?:i|god|someone|something|a \w+|my"
        r" \w+|the \w+)\b(?: \w+){0,4}? (?:just )?(?:stopped existing|stop existing|did not exist|"
        r"was not here|were not here|died|was dead|were dead|disappeared|did not wake up|never woke"
        r" up|took me(?! off| out| to| on| home| for| back| with| in| aside| along| under)|did not"
        r" stop|hit me|went down|crashed|did not survive|was gone|were gone)\b",
        r"\bif (?:i|god|someone|something|a \w+|my \w+|the \w+)\b(?: \w+){0,3}? (?:just )?(?:died|"
        r"was dead|took me|did not wake up|never woke up|stopped existing|disappeared|did not stop|"
        r"hit me|went down|crashed|did not survive|was gone)\b(?: \w+){0,8} (?:relieved|grateful|"
        r"glad|happy|fine|ok|okay|easier|better|a relief|at peace|not mind|not care|worst thing|"
        r"thankful|blessing)\b",
        r"\b(?:hope|hoping|wish|wishing|pray|praying)\b(?: that)? (?!(?:\w+ ){1,2}(?:does not|do"
        r" not|will not|would not|did not|goes down before)\b)(?!i (?:do not|will not) (?:crash"
        r"|make it to the))(?:i|my \w+|the \w+|something|"
        r"someone|a \w+|god)\b(?: \w+){0,6}? (?:just go|go down|goes down|crash|crashes|never come "
        r"back|do not make it|does not make it|not make it|end it for me|die|dies|take me|takes me)"
        r"\b",
        r"\b(?:disappointed|sad|upset|annoyed|angry|gutted|frustrated|hate that|sorry)\b(?: \w+)"
        r"{0,4} (?:i am |i )?(?:still (?:alive|here|breathing)|woke up again|survived the night)\b",
        # envy of the dead: "jealous of people who get to die", "envy the man in the coffin"
        r"\b(?:jealous|envious|envy)\b(?!.*\b(?:trip|visit\w*|tour|pics|photos?|holiday)\b)(?:(?:"
        r" \w+){0,4} (?:dead|died|who die|who died|are dead"
        r"|dying|do not wake up|get to die|got to die|die young|died young|are gone|passed away"
        r"|die in their sleep)|(?: \w+){0,6} (?:hearse|coffin|casket|dead people|grave|cemetery"
        r"|graveyard|graves|in the ground|get to rest|get to sleep forever|gets to rest))\b",
        r"\bobituar\w*\b(?: \w+){0,4} (?:jealous|envious|envy)\b",
        r"\b(?:like|wanna|want to|just want to|wish i could) not exist(?:ing)?(?: at all| anymore)?"
        r"\b(?= *$| at all| anymore)(?!.*\b(?:social media|online|instagram|facebook|tiktok|twitter"
        r"|internet)\b)",
        r"\bbe (?:put to sleep|put down) like (?:a|an) (?:old |sick )?(?:dog|cat|pet"
        r"|animal|horse)\b",
        r"\bwish (?:the |that |this |my )?(?:covid|cancer|virus|illness|crash|accident|tumou?r"
        r"|disease|heart attack|stroke|storm|fire|flu) (?:had|would have|would|could have) (?:got"
        r"|gotten|taken|killed|finished) me\b(?! (?:a|an|the|some|one|two|to|into|out|in|on|through"
        r"|there|home|up|down|off|back(?! when)|something|anything|everything|this|that|these"
        r"|those))",
        r"\b(?:do not|dont|did not|could not) (?:really )?care (?:if|whether) i (?:live|die|wake "
        r"up|make it|survive|am alive)\b",
        r"\bwish\w* (?:i could|to) (?:just )?(?:fade (?:out|away)|vanish|not be anyone|be no one|be"
        r" nobody|not be anything|stop being|evaporate|melt away)\b",
        r"\bso (?:that )?i (?:do not|dont|would not|will not|never) wake up\b",
        r"\b(?:hope|hopes|hoped|hoping|wish|wishing|pray\w*)\b(?: \w+){0,3} (?:the )?(?:cancer|"
        r"illness|disease|tumou?r|heart attack|accident|plane|flight|car|bus|train|virus)\b(?: \w+)"
        r"{0,4} (?:comes back|come back|gets me|kills me|takes me|spreads|crashes|goes down|hits me"
        r"|wins|finishes me)\b",
        r"\bif (?:i|a \w+|god|something|someone)\b(?: \w+){0,3}? (?:died|hit me|took me|killed me|"
        r"did not wake up)\b(?: \w+){0,4} (?:not|never) (?:even )?(?:be )?(?:sad|upset|bothered|"
        r"mind|care|fight it|be the worst)\b",
        r"\blying if i (?:said|told you|say) i (?:did not|do not|never) (?:want|wish"
        r"|think about)\w* (?:to )?(?:die|be dead|dying|death|not wake up)\b",
        r"\b(?:relief|peaceful|nice|easier|better|bliss|a mercy|a blessing) to (?:just )?(?:not "
        r"exist|not be here|not be alive|not wake up|die|be dead|stop existing|disappear"
        r"|be gone)\b",
        r"\b(?:hope|hopes|hoping|wish|wishing|pray\w*)\b(?: that)? (?:i|something|someone) (?:\w+ )"
        r"{0,2}?(?:get|got|have|be|am) (?:in |into )?(?:an accident|a crash|a car crash|hit"
        r"|run over|sick and die|cancer|a heart attack|killed|murdered|shot|stabbed)\b(?! research"
        r"| ward| nurse| charity| uk| trust| awareness| screening| jab| vaccine| booster)",
        r"\b(?:death|dying|being dead|not existing|not waking up)\b(?: \w+){0,3} (?:would be|is|"
        r"sounds|seems|feels like|would feel like) (?:(?:a|such a|so|like a|really|very|pretty"
        r"|kind of|quite|actually|honestly) )*(?:relief|peaceful|"
        r"nice|welcome|better|mercy|blessing|easier|the answer|gift|freedom|escape)\b",
        r"\b(?:hope|hoping|wish|wishing|pray\w*)\b(?: that)? i (?:just )?(?:will not|would not|"
        r"wont) (?:be (?:here|around|alive)|wake up|make it)\b",
        r"\b(?:hope|hoping|wish|wishing|pray\w*)\b(?: that)? (?:that is|this is|it is) (?:it"
        r"|the end)\b(?= *$| for me| forever)",
        r"\b(?:terminal|cancer|tumou?r|incurable|fatal)\b(?: \w+){0,10} (?:relieved|glad|grateful"
        r"|a relief|happy|thankful|welcome it|not fight it)\b",
        r"\b(?:died|dead|dying)\b(?: \w+){0,3} (?:is|are|were|was) (?:so )?lucky\b|\blucky (?:to be"
        r" dead|they died|to die|to have died)\b",
        r"\b(?:do not|never|no longer|really do not) (?:want|wish) to (?:wake up"
        r"|wake(?! up))\b(?! (?:early|"
        r"at|before|for|on time|in time|late|so|this early|until|till|when|to my alarm|in the "
        r"night)\b)",
        r"\bi (?:\w+ ){0,8}?(?:stop|cease) (?:to )?exist\w*\b",
        r"\bjust waiting (?:to die|for (?:it to end|the end|death|it all to end))\b",
    ],
    weak=[
        r"\bwant to (?:sleep|rest|go to sleep|be done|stop|disappear|go away|be gone|not feel|feel "
        r"nothing|not be here|not be anything)\b",
    ],
)
