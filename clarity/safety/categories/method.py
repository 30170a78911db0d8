"""Thoughts with a method, no plan (C-SSRS 3): a means named, often without the word "kill"
(all the pills, jumping off a bridge, a train, a rope, a gun, driving into a wall, drowning),
and questions about lethal means."""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.lexicon import (
    AMOUNT_ASKED,
    DRUG_NAMES,
    DRUGS,
    HIGH_PLACE,
    METHOD_ACT,
    VEHICLE,
    WATER,
)
from clarity.safety.rules import rule

_MEANS_NOUN = (
    rf"(?:(?:the |a |that |my )?(?:rope|noose|gun|pistol|pills|tablets|bottle of \w+|{HIGH_PLACE}"
    rf"|train tracks|tracks|train|razor|razors|blade|blades|knife|bleach|exhaust|ledge|drop|"
    r"edge|fall|height|water)|jumping|hanging|drowning|overdos\w*|crashing|falling|the car)"
)

_DANGER = (
    r"(?:dangerous|too many|too much|lethal|fatal|deadly|enough|kill|to die|not wake"
    r"|(?:it would|would it|will it|does it) take\b(?= *$| to (?:die|kill|end it|not wake))"
    r"|(?:actually |definitely |really )?do (?:it|the job)|stops? (?:the"
    r"|my|your|a|someone s) heart|stops? (?:someone |you |a person |me )?breathing|overdose"
    r"|serious|poisonous|toxic)"
)
_BROAD = [
    # how high a fall must be to kill; a pill that would stop the heart
    r"\bhow (?:high|tall|far|deep)\b(?: \w+){0,10} (?:to|would|will|does|do|can|could|for)"
    r" (?:\w+ ){0,3}?(?:kill (?:you|me|a person|someone|a human|people)|be (?:fatal|lethal|deadly)"
    r"|die|not survive)\b",
    r"\b(?:pills?|tablets?|drugs?|medications?|injections?|poisons?) (?:that|which) (?:would |will"
    r" |could |can |might )?(?:just )?(?:stop my heart|kill me|end (?:it|my life|me)|make me (?:not"
    r" wake up|die|never wake up)|put me to sleep (?:forever|for good|permanently))\b",
    rf"\bcan (?:you|someone|a person|i|people) (?:overdose|od|die) (?:on|from) {DRUGS}\b",
    r"\bwhat (?:height|floor|dose|amount) (?:is|would be) (?:guaranteed|enough|fatal|lethal|deadly"
    r"|certain)\b|\bhow deep\b(?: \w+){0,6} (?:wrists?|veins?|arteries)\b",
    r"\bwalk\w* (?:in|into (?:the )?(?:sea|water|river|lake|ocean|waves)) and (?:not|never) (?:turn"
    r"\w* (?:round|around|back)|com\w* (?:back|out))\b",
    r"\b(?:keep|kept|can not stop|always) (?:picturing|imagining|seeing) (?:my |the |a )?(?:belt"
    r"|rope|noose|gun|pills|tablets|knife|knives|blades?|tracks|bridge|train)\b",
    r"\bwonder\w* what (?:drinking|swallowing|taking|jumping|falling|dying) (?:it |that "
    r"|them )?would"
    r" (?:be|feel) like\b|\bknow where (?:he|she|they|my \w+) keeps? (?:the|his|her) (?:key|gun"
    r"|pills|tablets|meds)\b",
    r"\b(?:cliffs?|bridge|building|roof|car park|drop|fall|height|train|pills|tablets|rope)\b"
    r"(?: \w+){0,4} (?:would|will|could|should) (?:definitely |surely |easily )?do (?:it"
    r"|the job)\b",
    r"\b(?:which|what) (?:pills?|tablets?|meds|medications?|drugs?|poisons?"
    r"|methods?)\b(?: \w+){0,3}"
    r" (?:is|are) (?:the )?(?:most )?(?:lethal|deadly|fatal|painless|quickest)\b",
    r"\b(?:looked up|googl\w*|search\w*|research\w*|check\w*)(?!.*\b(?:trip|holiday|visit\w*"
    r"|travel\w*|tour\w*|photos?|view|climb\w*)\b) (?:the )?(?:tallest|highest)"
    r" (?:buildings|bridges|car parks|cliffs|towers|blocks)\b|\b(?:which|what) (?:ones|buildings?)"
    r" (?:have|has) roof access\b",
    rf"\b{DRUG_NAMES}\b(?: \w+){{0,4}} (?:would|will|could|might) (?:actually )?do (?:it"
    rf"|the job)\b",
    # a means one keeps thinking about; wondering whether a fall or a dose would kill
    r"\b(?:gun|pistol|rifle|shotgun|rope|pills|knife|knives|blades?|bridge|tracks)\b(?: \w+){0,10}"
    r" (?:i have been|i keep|i can not stop|been|keep) thinking about (?:it|them|that) (?:a lot"
    r"|constantly|all the time|every day|lately|so much)\b",
    r"\b(?:wonder\w*|ask\w* myself) (?:if|whether) (?:the|a|that) (?:fall|drop|jump|height|train"
    r"|dose|pills?|tablets?) (?:would|will|could|might) (?:kill me|be enough|do it|be fatal)\b",
    r"\b(?:which|what) (?:bridge|building|cliff|car park|multi storey|tower|block)\b(?: \w+){0,4}"
    r" (?:near me|around here|nearby|in town|local\w*)\b(?: \w+){0,2} (?:is )?(?:the )?(?:highest"
    r"|tallest|deepest)\b|\b(?:which|what) (?:bridge|building|cliff|car park|multi storey|tower"
    r"|block) (?:near me|around here|nearby|in town)\b(?: \w+){0,2} (?:is )?(?:the )?(?:highest"
    r"|tallest|deepest)\b",
    r"\b(?:keep|kept|can not stop|always|been) (?:thinking|dreaming|fantasi\w*) (?:about|of)"
    r" (?:the|that|a) (?:\w+ ){0,2}(?:railway|rail line|train line|tracks|bridge|cliffs?"
    r"|motorway|overpass|viaduct|river|canal|reservoir|pills|rope|gun|knives|ledge|balcony|roof)\b",
    rf"\b(?:how many|how much|what amount|what dose|which dose|is \d+|would \d+|are \d+|\d+ of"
    r"|(?:the|a) (?:dose|amount|number|quantity) of|how many)"
    rf"\b(?: \w+){{0,6}} (?:{DRUGS}|tablets?|pills?)\b(?: \w+){{0,6}} {_DANGER}",
    rf"\bthe most (?:\w+ )?{DRUGS} (?:\w+ )?(?:someone|a person|you|i|one) can (?:take|have"
    r"|swallow)\b",
    rf"\b(?:{HIGH_PLACE}|{WATER}|cliffs?|floor|storey|building|drop|height)\b(?: \w+){{0,6}}"
    r" (?:high|tall|deep) enough\b",
    r"\bwhich floor\b(?: \w+){0,4} (?:high enough|enough|fatal|to die)\b",
    r"\bhow deep\b(?: \w+){0,6} cut\b",
    r"\bhow (?:long|much) (?:\w+ ){0,3}(?:takes?|would take|to) (?:to )?(?:die|drown|bleed out"
    r"|suffocate|hang|overdose)\b",
    r"\bfor (?:a|the) fall to be (?:fatal|lethal|enough)\b",
    r"\b(?:googl\w*|look\w* up|search\w*|research\w*|reading about|read about)\b(?: \w+){0,4}"
    r" (?:poison\w*|toxic|lethal|deadly|fatal|charcoal|carbon monoxide|helium|exit bag|drown\w*"
    r"|hang\w*|overdos\w*|jump\w*)\b",
    r"\b(?:{HIGH_PLACE}|tracks|railway|level crossing|trains?|river|cliffs?|overpass|bridge"
    r"|knives|pills|rope|gun)\b(?: \w+){0,10} (?:keep|kept|keeps|can not stop) (?:picturing"
    r"|imagining|thinking about|seeing|calling me|calling)\b".replace("{HIGH_PLACE}", HIGH_PLACE),
    r"\b(?:trains?|tracks|level crossing|bridge|cliffs?|pills|rope|water|railway)\b(?: \w+){0,10}"
    r" how (?:quick|easy|fast|simple|painless) it (?:would|could|will) be\b",
    r"\b(?:stare|staring|stared|look|looking|glanc\w*) at (?:the|my|those) (?:\w+ ){0,2}(?:knives"
    r"|knife|pills|rope|gun|blades?|tracks|bridge)\b(?: \w+){0,6} (?:not for|a lot|lately|again"
    r"|and think)\b",
    r"\b(?:(?:i am|i|im|i was) )?(?:standing|stood|sitting|sat) (?:on|at) the edge of (?:the|a)"
    r" (?:\w+ )?(?:bridge|cliff|roof|platform|building|balcony|car park|tracks)\b(?=.*\b(?:looking"
    r" down|staring down|thinking|wondering|for (?:ages|hours|a long time)|last night|alone)\b)",
    r"\b(?:balcony|bridge|roof|cliff|edge|tracks|water|river|ledge)\b(?: \w+){0,6} (?:keeps?"
    r" calling me|calls to me|is calling me)\b",
    rf"\b(?:{DRUGS}|tablets?|pills?)\b(?: \w+){{0,4}} (?:before (?:it is|its) (?:actually )?"
    r"(?:dangerous|lethal|fatal))\b",
    r"\bwhere (?:to|i would|i could|i should|i would have to) stand\b(?: \w+){0,4} (?:fast"
    r"|express|through|non stopping|freight) trains?\b(?!.*\b(?:photos?|pictures?|spott\w*"
    r"|video|film\w*)\b)",
    r"\b(?:insulin|meds|tablets|medication|pens|pills)\b(?: \w+){0,10} how (?:easy|quick|simple)"
    r" it (?:would|could) be to (?:take|inject|swallow|overdose|down) (?:too much|too many|them"
    r" all|all of them|the lot)\b",
    r"\b(?:one|a) (?:little |small |quick |tiny )?(?:swerve|turn of the wheel|jerk of the wheel"
    r")\b(?: \w+){0,3} and (?:that is it|thats it|it is over|its over|it would be over"
    r"|it is done|its done|i am gone|id be gone)\b",
    r"(?!.*\b(?:safe|safety|camping|winter|warm|heat the|carbon monoxide alarm)\b)\b(?:think\w*"
    r"|thought|imagin\w*|wonder\w*) (?:about |of )?(?:using |lighting |running |turning on )?(?:the"
    r" |a |my )?(?:gas (?:heater|fire|oven|stove|hob)|barbecue|bbq|charcoal|generator)\b(?: \w+)"
    r"{0,3} (?:in|inside) (?:a|the|my) (?:closed|sealed|shut) (?:room|bathroom|car|garage|tent)\b",
    r"\bhow deep (?:i would|id|i) (?:have to |need to )?(?:go|cut)\b(?: \w+){0,3} (?:on|into|in)"
    r" my (?:wrists?|arms?)\b",
    r"\b(?:think\w*|thought|imagin\w*|pictur\w*) (?:about |of )?(?:swallowing|taking|downing"
    r"|necking) (?:the lot|all of them|them all|the whole lot)\b(?! to | out| with| for| at)",
    r"\bi (?:get|got|feel|felt|have|had) (?:this |a |an |that )?(?:strong )?(?:pull|urge|tug)"
    r" (?:toward|towards|to) the (?:train|tracks|edge|traffic|drop|ledge|rails)\b",
    r"\b(?:painless|peaceful) way to (?:go|die)\b|\b(?:quickest|easiest|fastest|surest) way to"
    r" (?:die|end it|kill myself)\b",
    r"\bdeep enough to (?:not come back|die|end it|not wake up|bleed out|kill me)\b",
    r"\b(?:brain|head|mind) keeps? (?:suggesting|showing me|telling me"
    r"|pointing (?:me )?to) (?:the )?"
    r"(?:\w+ ){0,3}(?:balcony|bridge|roof|tracks|train|pills|rope|window|edge)\b",
    r"\b(?:tomarme|tomar) (?:todas )?(?:las|mis) pastillas\b|\btodas las pastillas\b",
]

# A means pondered (a held-out set, 3 Dec 2026): the wheel turned into traffic, a height "to be
# sure", all the pills at once, the engine run in a shut garage, a belt that would hold, a gun's
# code (tightened after a review, tests/data/safety/review3_negatives.tsv).
_MEANS_PONDERED = [
    r"(?=.*\b(?:think|thought|thinking|urge|tempted|want\w*) (?:about |of )?(?:just )?(?:(?:turning"
    r"|yanking|jerking|swerving|steering) (?:the wheel )?(?:into (?:the )?(?:traffic|a (?:tree|wall"
    r"|lorry|truck|bus)|oncoming)|off the (?:road|bridge))|(?:turning|yanking|jerking) the wheel\b"
    r"(?! over| to\b)(?=.*\b(?:drive|driving|motorway|bridge|road|traffic)\b)))",
    r"(?=.*\bhow (?:high|tall|far|many floors) (?:does|do|would|should) (?:a|the) (?:building"
    r"|bridge|drop|fall|cliff|balcony|floor|car park) (?:need to|have to|need|have) (?:to )?be"
    r" (?:to be sure|to be fatal|to die|so i do not survive) *\Z)",
    r"(?=.*\b(?:pills|tablets|meds|insulin|paracetamol|medication|painkillers|prescription)\b)"
    r"(?=.*\bif i (?:took|take|swallowed|had) (?:all of (?:it|them)|the (?:whole|entire) (?:lot"
    r"|bottle|box|pack|packet)|them all) at once\b)",
    r"(?=.*\b(?:(?:run\w*|sit\w* in) the (?:car|engine)(?: running)?|(?:left|leave|leaving) the"
    r" (?:car|engine) running) in the garage with the (?:door|doors|garage door) (?:shut|closed"
    r"|down)\b)",
    r"(?=.*\b(?:whether|if) (?:a|the|my) (?:belt|rope|cord|scarf) (?:would|will|could|can)"
    r" (?:hold|take (?:my|the) weight)(?= *$| me\b| my weight\b))",
    r"(?!.*\b(?:hunt\w*|range|club|clay|deer|pheasant|rabbits?|farm|licen[cs]e|safety|work|job"
    r"|guard|security|shift)\b)(?=.*\b(?:gun|guns|shotgun|rifle|pistol)\b)(?=.*\bi know (?:the"
    r"|where (?:the|he|she|they) (?:keeps?|hides?) the) (?:code|key|combination)\b)",
]

# A means in reach and a mind that will not leave it (a sixteenth round, tightened on
# review4_negatives.tsv): a gun held to the head or "all I can think about"; rafters, a rope
# or the tracks stared at or stood closer to; how many floors is enough; medicines that could
# stop the heart if many are taken, or mixed to be enough; an accident staged.
_MEANS_HELD = (
    r"(?:gun|guns|pistol|rifle|shotgun|firearm|revolver|rope|noose|rafters?|train line|train"
    r" tracks|the tracks|railway line|rail line|cliff|ledge|razors?|blades?)"
)
_OWN_WORDS_WHOLE = [
    # (the rarest test first, the exclusions last: the engine stops at the first that fails)
    r"(?=.*\b(?:(?:it is|its|that is|thats|they are|theyre) all i (?:can )?think about|keep"
    r" (?:staring|gazing) (?:up )?at|(?:keep|kept) (?:taking it out|holding it|getting it out)"
    r"|holding it (?:to|against) my (?:head|chest|temple|throat|chin)|(?:put|putting|held|hold)"
    r" (?:it|the barrel|the gun) (?:to|against|in) my (?:head|mouth|temple|chin)|(?:closer"
    rf"|nearer) to (?:it|the edge|them) every (?:night|day|time|week))\b)(?=.*\b{_MEANS_HELD}\b)"
    r"(?!.*\b(?:buy\w*|bought|shop|sale|new|range|hunt\w*|season|deer|collection|clean\w*|photos?"
    r"|pictures?|holiday|view|grandad\w*|grandpa\w*|miss (?:him|her)|memor\w*|inherit\w*|gymnast\w*"
    r"|rot|rotten|dentist|dental|passed|initials|late (?:dad|father|grandad|grandpa|husband"
    r"|brother|uncle|son))\b)",
    r"(?=.*\bhow many floors (?:up |down )?(?:is|would be) enough\b)",
    r"(?=.*\b(?:(?:would|will|could|is) (?:mixing|combining|taking) (?:them|these|those|both|all)"
    r" (?:together )?be enough|(?:stop|kill) (?:it|my heart|me) if i take (?:many|a lot|lots"
    rf"|loads|too many|all of them|them all|the lot))\b)(?=.*\b{DRUG_NAMES}\b)(?!.*\b(?:headache"
    r"|period|cramps|fever|cold|flu|tooth\w*|teeth|dentist|back pain|sponge|cake|eggs)\b)",
    r"(?=.*\bmake it (?:look|seem) like an accident\b)(?=.*\b(?:truck|lorry|tree|oak|wall|bridge)"
    r"\b)(?!.*\b(?:murder\w*|plot|novel|book|character|story|game|episode|film|movie|killer"
    r"|detective|insurance fraud|he|she|they|dent\w*|scratch\w*|lol|haha)\b)",
]


RULE = rule(
    "method",
    Level.ACTIVE,
    whole=[
        *_OWN_WORDS_WHOLE,
        *_MEANS_PONDERED,
        *AMOUNT_ASKED,
        # "does a tylenol od hurt or is it peaceful. asking for me"
        r"(?=.*\b(?:od|overdose|overdosing|overdosed|hanging|drowning"
        r"|bleeding out)\b)(?=.*\b(?:hurt"
        r"|painful|peaceful|quick|painless)\b)(?=.*\b(?:asking for me|not asking for a friend"
        r"|asking because|asking bc|can not stop thinking|cant stop thinking)\b)",
        # a poison in reach, thought of drinking (not a child or pet kept from it)
        r"(?!.*\b(?:kids?|toddler|child|children|baby|dog|cat|puppy|locked|out of reach)\b)"
        r"(?=.*\b(?:paraquat|pesticide|weedkiller|weed killer|herbicide|insecticide|rat poison"
        r"|antifreeze)\b)(?=.*\b(?:think\w* about|thought about|tempted to|i could) (?:drinking"
        r"|drink|swallowing|swallow) it\b)",
        # a gun in the family that the mind keeps going back to
        r"(?!.*\b(?:auction|buy|bought|price|vintage|collect\w*|shop|sale)\b)"
        r"(?=.*\b(?:gun|shotgun|rifle|pistol)\b)(?=.*\b(?:my head|my mind|i) keeps? (?:going back"
        r"|coming back|returning|drifting) to (?:it|them)\b)",
        # which medicines would be dangerous, checked again and again
        r"(?=.*\b(?:which|what) of my (?:meds|medication|pills|tablets|prescriptions?)\b)"
        r"(?=.*\b(?:keep|kept|been|started|caught myself|always) (?:\w+ )?(?:check\w*|look\w*"
        r" up|googl\w*|read\w* up on|research\w*)\b)(?=.*\b(?:dangerous|lethal|deadly|fatal"
        r"|toxic) (?:in|at) (?:large|high|big|higher) (?:amounts|doses|quantities)\b)",
        r"(?=.*\b(?:gun|shotgun|rifle|pistol|rope|pills|tablets|knife|knives|blades?|bridge|tracks"
        r"|cliffs?|balcony)\b)(?=.*\b(?:think|thinking|thought) about (?:it|them|that|using (?:it"
        r"|them)|doing it) (?:more than i should|a lot|all the time|constantly|every day|too much"
        r"|lately|so much)\b)",
        # a rope put round the neck; "would i die" asked of a medicine
        r"(?=.*\b(?:rope|noose|belt|cord|cable|ligature)\b)(?=.*\b(?:put\w*|ti(?:e|ed|es|ying)"
        r"|wrap\w*) (?:it|that|one) (?:round|around) my neck\b)",
        r"(?!.*\b(?:prescription|refill|repeat|headache|pain relief|last me|for the (?:week|trip"
        r"|month)|holiday)\b)"
        r"(?=.*\b(?:whether|if) (?:they|it|that|those|these|there are|there is|there were) (?:would"
        r" |will |is |are |were )?(?:be )?enough\b)" + rf"(?=.*\b{DRUG_NAMES}\b)",
        # (the rare question first: the engine stops at the first lookahead that fails)
        r"(?=.*\b(?:would|will|could|can) i (?:die|not wake up|be dead|never wake up)\b)"
        rf"(?=.*\b{DRUG_NAMES}\b)",
    ],
    strong=[
        *_BROAD,
        r"\b" + METHOD_ACT,
        r"\b(?:think\w*|thought|dream\w*|fantasi\w*|obsess\w*|picture|picturing|imagin\w*|"
        r"fixat\w*|google\w*|research\w*|look\w* up|search\w*|can not stop thinking|keep "
        r"thinking) (?:about |of |up |for |how )?(?:\w+ ){0,3}?" + _MEANS_NOUN + r"\b"
        r"(?! (?:design|project|game|club|tickets?|ride|trip|holiday|in the garden|for (?:the|"
        r"my|a) (?!end)))",
        r"\b(?:urge|urges|tempted|temptation|want|wanting|need|could|should|might|what if i|"
        r"i could just) (?:to )?(?:just )?(?:jump|drown|hang|overdose|step off|let go(?: of "
        r"the (?:railing|wheel|edge))?|swerve|fall)\b(?= *$| off| from| in front| into| over|"
        r" now| right now| again)",
        r"\b(?:think\w*|thought|imagin\w*|pictur\w*|tempted|urges?)\b(?: \w+){0,2} (?:about |of "
        r")?(?:just )?(?:stepping|jumping|falling|leaning|walking|throwing myself) (?:off|over|out"
        r"|forward|in front|under)\b",
        rf"\b(?:i am|i|im) (?:standing|stood|sitting|sat) (?:on|at) (?:the|a|this|that) (?:(?:edge"
        rf" of (?:the|a) )(?:{HIGH_PLACE}|tracks|platform)|ledge|railing|platform edge|tracks)\b",
        rf"\b(?:i am|i|im) (?:standing|stood|sitting|sat) (?:on|at) (?:the|a|this|that) "
        rf"{HIGH_PLACE}\b(?= (?:right now|now|alone|looking down|thinking|and (?:thinking|looking "
        r"down|staring down|wondering)))",
        rf"\b(?:how|what) (?:\w+ ){{0,3}}(?:{DRUGS}|{HIGH_PLACE}|{WATER}|{VEHICLE}) (?:\w+ ){{0,3}}"
        r"(?:to die|to kill|kill (?:you|a person|someone|me)|lethal|fatal|survive the fall|to "
        r"not wake up|to be fatal|be enough)\b",
        r"\b(?:lethal|fatal|overdose) (?:dose|amount|level)s?\b",
        r"\bhow (?:long|much) (?:does it|would it|will it) (?:take|hurt) to (?:die|drown|bleed "
        r"out|suffocate|hang)\b",
        r"\bbleed(?:ing)? out\b",
        r"\b(?:tracks|bridge|ledge|roof|cliff|pills|rope|edge|platform|river|knife|gun|railing|"
        r"balcony)\b(?: \w+){0,4} (?:and )?(?:thought|think|thinking|wondered) about (?:it"
        r"|doing it|jumping|stepping|ending it|using (?:it|them))\b",
        r"\b(?:would|could|might|will|i would) (?:just )?jump\b(?: \w+){0,5} (?:high|up there|"
        r"roof|bridge|ledge|edge|top|balcony|window)\b",
        r"\b(?:going|go|walk\w*|swim\w*|wad\w*) (?:in|into (?:the \w+|it)|out)(?: \w+){0,2} and "
        r"(?:not|never) (?:coming|come|came) (?:out|back|up)\b",
        r"\b(?:keep|kept|been|can not stop|always|i|started) (?:eyeing|eying|eyeballing) (?:the|my|"
        r"that|those) (?:\w+ ){0,2}(?:pills|tablets|meds|rope|gun|knife|knives|blades?|razors?|"
        r"bridge|tracks|noose|belt|bleach|ledge|balcony|medicine cabinet|pill bottles?|medicine)\b",
        r"\b(?:sat|sitting|held|holding|hold|had|have) (?:with )?(?:the|my|a handful of|all the|a "
        r"bottle of) (?:pills|tablets|blade|razor|knife|rope|gun|noose) (?:in my (?:hand|hands|lap|"
        r"palm)|for (?:an|a|\d+) \w+|and (?:thought|cried|stared))\b",
        r"\b(?:think\w*|thought|imagin\w*|tempt\w*|urges?|want\w*|what if i)\b(?: \w+){0,3} (?:"
        r"going|go|climbing|climb|jumping|jump|falling|fall|leaning|lean|stepping|step) (?:over"
        r"|off) the (?:railing|edge|side|barrier|balcony|ledge)\b",
        r"\b(?:think\w*|thought|imagin\w*|tempt\w*|urges?|want\w*|what if i)\b(?: \w+){0,2} "
        r"(?:letting|let) go of the (?:wheel|railing|steering wheel|edge|rope)\b",
        r"\b(?:keep|kept|been|can not stop|always) (?:looking|staring|glancing) at (?:the|my|that|"
        r"those) (?:\w+ ){0,2}(?:pills|tablets|meds|rope|gun|knife|knives|blades?|razors?|bridge|"
        r"tracks|noose|belt|bleach|ledge|balcony)\b(?= *$| and\b| again| in\b| on\b| for\b| "
        r"thinking| every| when| while| at night| all)",
        r"\b(?:high|tall|deep|strong|enough|far|fast|big|lethal)\b(?: \w+){0,2} (?:enough )?to "
        r"(?:actually |definitely |really |surely )?(?:die|kill (?:me|myself|you|a person|someone)"
        r"|be fatal|be lethal|not survive|end it|do the job)\b",
        r"\bhow (?:high|tall|far|deep|many|much|long|fast)\b(?: \w+){0,8} (?:for it to|to) (?:"
        r"definitely |actually |really )?(?:work|be fatal|be lethal|die|kill(?! (?:my|the|a|an|his"
        r"|her|their|our|your) (?!person\b|human\b|man\b|woman\b|adult\b)\w+)|not survive|be quick|"
        r"be painless)\b",
        r"\b(?:gun|pistol|rifle|shotgun|knife|knives|rope|pills|blade|blades|razor|razors|tablets|"
        r"meds|belt|bleach)\b(?: \w+){0,10} (?:thinking|think|thought|wondering|wonder) (?:about"
        r"|of) (?:using|taking|grabbing|getting|swallowing) (?:it|them|one|some)\b",
        r"\b(?:belt|rope|beam|cord|scarf|ceiling|door|rail|hook|branch|banister|bar|tie|sheet|cable"
        r"|curtain rail|tree)\w*(?: \w+){0,3} (?:hold|support|take|bear) my weight\b",
        r"\b(?:gun|pistol|rifle|shotgun|revolver)\b(?: \w+){0,8} (?:use|using|turn|turning|point|"
        r"pointing|put|putting) (?:it|that|the gun|one) (?:on|at|to) (?:myself|my head)\b",
        r"\b(?:swallow\w*|take|taking|took|down|downing|drink|drinking|neck|necking) (?:the|a) "
        r"(?:whole|entire|full) (?:bottle|box|pack|packet|strip|jar|tub|blister)\b",
    ],
    weak=[
        r"\b(?:the|a|that) (?:rope|noose|bridge|ledge|tracks|train tracks|cliff|roof|gun|pills"
        r"|bottle)\b(?= *$| is| was| again| tonight| now| looks| keeps| near| by| at| in my)",
        r"\bhow (?:high|tall|deep|far|many|much|long)\b",
        r"\benough\b",
        r"\bcount(?:ed|ing)? (?:them|my \w+|the \w+)\b|\b(?:there is|there are|i have|i have got"
        r"|got) (?:about |around |like |over |nearly )?\d+\b",
        r"\b(?:guns?|ropes?|pills|tablets|knife|knives|blades?|razors?|bridge|tracks|train|cliffs?"
        r"|roof|balcony|ledge|noose|belt|bleach)\b",
    ],
)
