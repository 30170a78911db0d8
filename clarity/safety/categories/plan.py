"""Plan (C-SSRS 5, imminent): a means with a place or a time still to come, or a plan said in
so many words ("I've picked the date", "I know how and where")."""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.lexicon import FUTURE_TIME, HIGH_PLACE, METHOD_ACT, NOT_EVERYDAY, WEEKDAY
from clarity.safety.rules import rule

_ACTS = (
    r"(?:kill(?:ing)? myself|end(?:ing)? (?:my (?:own )?life|it all)|tak(?:e|ing) my (?:own )?life"
    r"|commit(?:ting)? suicide)"
)
_MEANS = rf"(?:{METHOD_ACT}|{_ACTS})"
# A means named more loosely, a place, and a first-person future: together they are a plan.
_MEANS_LOOSE = (
    rf"(?:{_MEANS}|(?:the|my|a|his|her|dads|my \w+s) (?:rope|noose|gun|shotgun|rifle|pistol|hose"
    r"|charcoal|blades?|razors?)"
    r"\b|(?:the|a|my) knif(?:e|es)\b(?=.*\b(?:bathroom|bath|wrists?|doing it|do it|end it)\b)"
    r"|(?:the|my|all (?:my|the)|all of my) (?:pills|tablets|meds|insulin) (?:i have|i have got|i "
    r"got|i saved|i have saved|i stockpiled|i have been saving|i collected)\b"
    r"|(?:i have|i have got|i got|got|with|have) (?:the|my|all the|all my|enough) (?:pills|tablets|"
    r"meds|insulin|paracetamol)\b"
    r"|jump(?:ing)?\b(?! (?:into|in(?! front)|on|around|over|rope|up|for|at the chance|the queue|"
    r"ship|jacks|castle|jack))|hang(?:ing)? myself|drown\w*"
    r"|overdos\w*|(?:go|going) over\b(?= *$| the (?:edge|side|railing|top))|cut(?:ting)? deep)"
)
_PLACE = (
    r"(?:bridge|cliffs?|woods|forest|lake|river|sea|beach|car park|parking (?:garage|lot)|top floor"
    r"|roof|rooftop|tracks|station|hotel(?: room)?|motel|bath|bathtub|garage|shed|attic|loft|barn"
    r"|balcony|quarry|reservoir|motorway bridge)"
)
_FRAME = (
    r"(?:(?<!not )going to(?! lie)|will|ill|i am \w+ing|i go (?=jump|die|end|do it|kill|drink"
    r"|take|hang)|then i"
    r"|doing it|do it|plan\w*|decided|ready|booked|bringing|waiting|worked out|figured out"
    r"|worked it out|figured it out|planned it|all sorted"
    r"|know (?:exactly )?how|(?:details|everything|it all) sorted)"
)
_THE_ACT = r"(?:it|this|myself in|my life|it all|everything|things|myself)"

_MEANS_BROAD = (
    rf"(?:{_MEANS_LOOSE}|(?:take|taking|swallow\w*|drink\w*|down|downing) the (?:whole|entire"
    rf"|full) (?:bottle|box"
    r"|pack|packet|lot)(?! (?:to|out|off|back|home|with|in|into|up|down|round|for)\b)"
    r"|engine running|exhaust|swim\w* out|(?:the|my) blades (?:ready|are ready)"
    r"|(?:take|taking|swallow\w*|down|downing) (?:all of it|the lot|the whole lot)\b(?! (?:to|out"
    r"|off|back|home|with|in|into|up|down|round|for)\b)"
    r"|walk\w* (?:in|into (?:the|a) (?:water|sea|lake|river|ocean|waves))\b(?= *$| and (?:not"
    r"|never)))"
)
_TIME_BROAD = (
    rf"(?:{FUTURE_TIME}|{WEEKDAY}(?: night| morning| evening)?|the (?:night|day|morning) (?:before"
    r"|after)|(?:after|once|when) i (?:submit|finish|send|post|get|drop|hand in|say|see|do|am"
    r" done)|after (?:the|my) \w+|at (?:lunch|midnight|\d+ ?(?:am|pm)?)|on my"
    r" birthday|the \d+(?:st|nd|rd|th)|asleep|are away|is away|is out|are out|(?:bank )?holiday"
    r" weekend|\d+ ?(?:am|pm)|when (?:he|she|they|my \w+|everyone) (?:leaves?|goes? (?:out|to"
    r" (?:bed|sleep|work))))"
)
_RISKY_PLACE = (
    r"(?:bridge|cliffs?|cliff edge|viaduct|roof|rooftop|multi ?storey|car park roof|top floor"
    r"|tracks|railway|level crossing|quarry|headland|overpass|motorway bridge|reservoir|motel"
    r"|train line|rail line|railway line|beachy head|hotel room|(?:roof|rooftop|hostel|building"
    r"|block) terrace|top of (?:the|a|that) (?:car park|multi ?storey|building|tower|block|flats"
    r"|cliff|bridge))"
)
_FINAL = (
    r"(?:not come back|not coming back|never come back|not come down|and that is it|and thats"
    r" it|and that(?:ll| will) be it|for good|one last time|swim\w* out|never|go over|goodbye"
    r"|just needed to tell|not booking a return)"
)
_EVERYDAY_PLACE = (
    r"(?!.*\b(?:meet\w*|photos?|pictures?|walk\w*|picnic|party|drinks|dinner|concert|gig|friends"
    r"|mates|sunset|sunrise|view|fireworks|run|jog|fishing|climb\w*|paint\w*|park (?:the|my)"
    r"|pick (?:up|you)|over the bridge|across the bridge|cross\w*|train to|bus to|date|work on"
    r"|airport|flight|plane"
    r"|repair\w*|fix\w*|survey\w*|inspect\w*|club|excited|tour|tickets?|visit\w*|sightsee\w*"
    r"|anniversary|conference|honeymoon|lol|haha|celebrat\w*"
    r"|with (?:the|my|our) (?:dogs?|kids|children"
    r"|family|wife|husband|partner|boyfriend|girlfriend|friends?|mum|dad|mates?|son|daughter"
    r"|class|team|group))\b)"
)
_BROAD_WHOLE = [
    # Cheapest test first: the engine stops at the first lookahead that fails.
    rf"(?=.*\b{_FRAME}\b)(?=.*\b(?:{_TIME_BROAD}|{_PLACE})\b)(?=.*\b{_MEANS_BROAD})",
    rf"(?=.*\b(?:all the|all my) (?:pills|tablets|meds)\b)(?=.*\b{_TIME_BROAD}\b)(?=.*\b{_PLACE}"
    r"\b)",
    rf"(?=.*\b{_RISKY_PLACE}\b)(?=.*\b{_TIME_BROAD}\b)(?=.*\b(?:ill|i will|i am"
    r" going|going to|i am \w+ing|i will be|ill be|that is it|thats it|plan|figured out|worked"
    r" out|going up|that is when|before (?:anyone|anyones|everyone|everyones|they|my \w+)|when"
    r" (?:the \w+ )?(?:have|has"
    r"|are) gone|timed it|does not stop|(?:nobody|no one) (?:will|would|is))\b)" + _EVERYDAY_PLACE,
    rf"(?=.*\b(?:{_RISKY_PLACE}|beach|sea|river|lake|woods|forest)\b)(?=.*\b{_FINAL}\b)"
    rf"(?=.*\b{_TIME_BROAD}\b)",
    rf"(?=.*\b(?:my|the) plan is\b|\A *plan is\b)(?=.*\b(?:{_TIME_BROAD}|{_RISKY_PLACE}"
    rf"|{_PLACE})\b)" + _EVERYDAY_PLACE,
    # "saturday, the car in the garage, while they're away. that's the plan"
    rf"(?=.*\b(?:that is|thats|this is) (?:the|my) plan\b)(?=.*\b{_TIME_BROAD}\b)(?=.*\b(?:"
    rf"{_RISKY_PLACE}|car in the garage|{_MEANS_BROAD}))" + _EVERYDAY_PLACE,
    # a train that does not stop here, picked: "the 11.40 doesn't stop at my station. that's the
    # one"
    r"(?=.*\btrains?\b(?: \w+){0,3} (?:that |which )?(?:does not|do not|will not|never) stop"
    r" (?:at|here|there)\b)(?=.*\b(?:that is the one|thats the one|that one is mine|ill be on"
    r" the tracks|i will be on the tracks)\b)",
    # a room booked and everything with me; tonight's the night and the means at hand
    rf"(?=.*\b(?:hotel room|motel room|room)\b(?: \w+){{0,2}} (?:is )?booked\b)(?=.*\bi have"
    rf" (?:got )?everything i need\b)(?=.*\b{_TIME_BROAD}\b)(?!.*\b(?:conference|trip|holiday"
    r"|wedding|meeting|course|work|business|anniversary|birthday|honeymoon|festival|gig|concert)\b)",
    r"(?=.*\b(?:tonight|today) is (?:the night|the day|it)\b)(?=.*\b(?:i have|i have got|got)"
    r" (?:the |my )?(?:blades?|pills|tablets|rope|gun|razors?)\b)(?!.*\b(?:charged|charging|ipad"
    r"|screen|kids|movie|film|game)\b)",
    # going to end it, and the place already known
    r"(?=.*\b(?:end it|kill myself|end my life)\b)(?=.*\b(?:already )?(?:know|picked|found"
    r"|chosen) the (?:place|spot|location|bridge|date|day)\b)(?!.*\b(?:end it with|break up"
    r"|wedding|party|holiday|trip|meet\w*|date night)\b)",
    # "the week after, i'm going to use my late husband's pistol on myself"
    rf"(?=.*\b(?:going to|will|ill|gonna) (?:use|turn|point) (?:\w+ ){{0,4}}?(?:pistol|gun|shotgun"
    rf"|rifle|revolver)\b(?: \w+){{0,2}} on myself\b)(?=.*\b(?:{_TIME_BROAD}|the (?:week|day|month)"
    r" after|next (?:week|month|year))\b)",
    rf"(?=.*\b(?:river|sea|lake|water|canal|loch)\b)(?=.*\bgo in after (?:him|her|them)\b)(?=.*\b"
    rf"{_TIME_BROAD}\b)(?=.*\b(?:death|ashes|died|funeral|grave)\b)",
    # planned, and the place known; a cord for hanging and a time
    r"(?=.*\bplan\w* to do it\b)(?=.*\bi (?:already )?know (?:where|how|the place|the spot)\b)",
    rf"(?!.*\b(?:tie|tent|boat|climb\w*|tow|trousers|jeans)\b)(?=.*\b(?:i will|ill|going to|gonna)"
    rf" use (?:the|my|a) (?:belt|rope|cord|cable|scarf)\b)(?=.*\b{_TIME_BROAD}\b)",
    # a bare means, a time, no one about, and an end: "3am when my mum is asleep. pills. done"
    r"(?!.*\b(?:baby|babys|feed|feeding|dog|dogs|cat|cats|gave|give|kids)\b)"
    rf"(?=.*\b(?:pills|tablets|meds|rope|gun|blades?)\b)(?=.*\b{_TIME_BROAD}\b)(?=.*\b(?:asleep"
    r"|are away|is away|nobody|no one|alone|are out|is out)\b)(?=.*\b(?:done|that is it|thats it"
    r"|the end|over)\b *$)",
    # a gun within reach and a time: "the gun's in the safe and i know the code. tonight"
    rf"(?=.*\b(?:gun|guns|shotgun|rifle|pistol)\b)(?=.*\b{FUTURE_TIME}\b)(?=.*\b(?:i know (?:the"
    r"|where)|i have (?:the )?(?:key|code)|i can (?:get|reach))\b)(?!.*\b(?:hunt\w*|range|club"
    r"|clay|shoot\w* (?:season|trip)|deer|pheasant|rabbits?)\b)",
    rf"(?=.*\b(?:railway crossing|level crossing|train crossing|tracks|rails)\b)(?=.*\b(?:lie"
    rf"|lay) down\b)(?=.*\b{_TIME_BROAD}\b)",
    r"(?=.*\b(?:tracks|rails|railway line|train line)\b)(?=.*\b(?:wait\w*|lie|lying|stand\w*)"
    r" (?:for|on|in front of) (?:the|a) (?:\w+ )?train\b)",
    rf"(?=.*\b(?:worked out|figured out|all planned)\b)(?=.*\b{_TIME_BROAD}\b)(?=.*\b(?:insulin"
    r"|pills|tablets|meds|rope|gun|charcoal|knife|blades?)\b)",
    _EVERYDAY_PLACE
    + r"(?!.*\b(?:rooftop terrace|hotel)\b)"
    + rf" *(?:{WEEKDAY}|tonight|tomorrow|new years eve|new year s eve|christmas (?:eve|day|night)"
    r"|midnight)(?: (?:night|morning|evening))?\b(?: \w+){0,3}"
    rf" {_RISKY_PLACE}\b(?: \w+){{0,4}} *\Z",
    r"(?=.*\b(?:take|swallow|down) (?:the|my|all (?:the|my)) (?:pills|tablets|meds)\b)(?=.*\b"
    rf"{_TIME_BROAD}\b)(?=.*\b(?:are away|is away|nobody|no one|alone|thats when|that is when"
    r"|asleep|are out|is out)\b)",
]
_BROAD = [
    r"\b(?:no one|nobody|noone|no body) (?:will|would|can|could|is going to) (?:find|stop|see"
    r"|hear) me\b",
    r"\b(?:chosen|picked|found|chose) (?:out )?(?:a|the|my) (?:spot|location)\b(?!.*\b(?:picnic"
    r"|party|tent|camp\w*|wedding|photo\w*|holiday|our|we|us)\b)",
    r"\b(?:picked|chosen|chose|set) (?:a|the|my) (?:date|day|night)\b(?=.*\bi know (?:where"
    r"|how|when)\b)",
    r"\b(?:know|worked out|figured out|decided|planned) (?:exactly )?(?:how|where|when) and (?:i"
    r" know )?(?:how|where|when)\b",
    r"\b(?:got it|have it|it is|its) (?:all )?timed\b",
    r"\b(?:going|go|went|get\w*|climb\w*|walk\w*) (?:onto|on to|down onto) the (?:tracks"
    r"|railway|rails|line)\b",
]

# A plan told by its arrangements (families found in a held-out set, 3 Dec 2026): nobody "has to
# find me", the act with the means at hand, the place to oneself "and that's when", a date kept
# for the anniversary of a death, a train that goes through without stopping. Each was
# tightened after a review found ordinary messages it flagged
# (tests/data/safety/review3_negatives.tsv).
_ARRANGED = [
    r"(?=.*\b(?:nobody|no one|my (?:kids|children|family|mum|mom|dad|parents|wife|husband|partner"
    r"|son|daughter|flatmates?|roommates?)|the kids) (?:has to|have to|needs to|need to|will have"
    r" to|would have to|will not have to|does not have to|do not have to|to have to) (?:be the one"
    r" to )?find me\b(?! (?:a|an|another|some\w*|work|the|new|any|my|lunch|dinner|time|money"
    r"|jobs?|places?|rooms?|flats?|houses?|lifts?|rides?|seats?|tables?|budgets?|projects?"
    r"|dates?|someone|somebody)\b))",
    r"(?=.*\b(?<!can i )(?<!could i )(?<!should i )(?<!safe to )(?<!okay to )do it with (?:the"
    r" |my |his |her |all (?:my |the |his |her )?|\w+s )?(?:pills|tablets|insulin|painkillers"
    r"|rope|gun|shotgun|rifle|belt|razors?|blades?)\b(?! sander| buckle))",
    r"(?=.*\b(?:have|got) the (?:place|house|flat|home) to myself\b)(?=.*\bthat is when *\Z)",
    r"(?=.*\bplan\w* (?:to|on) do(?:ing)? it\b)(?=.*\banniversary of (?:his|her|their|my \w+s)"
    r" death\b)",
    r"(?!.*\b(?:late|delay\w*|commute|missed|annoying|work|office|timetable)\b)(?=.*\btrains?"
    r" (?:that |which )?(?:goes|comes|passes|speeds|flies|runs) (?:straight )?through\b(?: \w+)"
    r"{0,2} (?:without stopping|and does not stop|non ?stop)\b)(?=.*\b(?:i have checked|checked|i"
    r" have timed|timed it|that is the one)\b)",
    r"(?=.*\b(?:figured (?:it )?(?:all )?out|worked (?:it )?(?:all )?out|all planned|planned it"
    r" all)\b)(?=.*\b(?:nobody|no one) (?:goes|comes|ever goes|walks) (?:up |down |out )?there\b)"
    + _EVERYDAY_PLACE,
]

# A plan told by its moment and its means in everyday words (a sixteenth round, tightened on
# review4_negatives.tsv): "that's when" with a gun or the pills named; hours alone "with the
# insulin"; trains timed; no fence checked for at a height; on the tracks at a time; the means
# (pills kept back, a belt, a rifle) to be used at a time still to come.
_USED = (
    r"(?:i am|i will|ill|going to|then i am|then i will) (?:be )?(?:taking|take|using|use"
    r"|swallowing|swallow|be on|lying on|standing on) (?:the|my|all the|all my|a|everything in"
    r" the) (?:\w+ )?"
    r"(?:(?:meds|pills|tablets|insulin) (?:i kept|i have got|i have|i got|i saved|i stashed|i hid"
    r"|i have been (?:saving|keeping)|i took|from the ward)|belt|rope|cord|rifle|gun|pistol|shotgun"
    r"|razors?|tracks|rails|medicine (?:box|cabinet|cupboard|drawer))\b(?! sander"
    r"| buckle| to (?:the|a) (?:range|shop|club|gunsmith|vet)| hunting| for (?:the|my) (?:pain"
    r"|cold|flu|headache|hunt|deer))"
)
# Shooting, hunting and stock words: a gun or a time beside them is not a plan.
_SHOOTING = r"(?:hunt\w*|deer|range|season|club|clay|pheasant|duck|rabbits?|foxes|vermin)"
_OWN_WORDS_WHOLE = [
    # (the rarest test first, the exclusions last: the engine stops at the first that fails)
    rf"(?=.*\b{_USED})(?=.*\b(?:{_TIME_BROAD}|after that|after (?:this|the) (?:last|final) \w+"
    rf"|my last (?:one|shift|raid|game|day))\b)(?!.*\b(?:{_SHOOTING}|pumpkins?|carv\w*|prescri\w*"
    r"|doctor|gp|vet|ewe|sheep|lambs?|cows?|put (?:her|him|it) down|lawn|edge|hedge|bbq"
    r"|garden\w*)\b)",
    r"(?=.*\b(?:that is|thats) (?:when|the (?:day|night))\b)"
    r"(?=.*\b(?:guns?|shotguns?|rifles?|pistol|rope|pills|tablets|insulin|meds|knife|belt)\b)"
    rf"(?=.*\b(?:{_TIME_BROAD}|next week|this weekend|my birthday)\b)(?!.*\b(?:{_SHOOTING}"
    r"|prescri\w*|doctor|gp|start\w*|dose|pharmac\w*|chemist)\b)",
    r"(?=.*\b(?:gives me|i have|i will have|i ll have|ill have) (?:\w+ )?(?:hours?|the (?:house"
    r"|flat|place)(?: to myself)?|time) (?:alone )?with the (?:insulin|pills|tablets|meds|rope"
    r"|gun|rifle|shotgun|knife|belt)\b(?! (?:trolley|round|cupboard|cabinet|chart)\b))",
    r"(?=.*\b(?:timed (?:it|them|the (?:freight |express |goods |night )?trains?)|worked out when"
    r" the (?:freight |express )?trains? (?:comes?|pass\w*|goes))\b)(?=.*\b(?:trains?|freight"
    r"|level crossing)\b)(?!.*\b(?:photos?|pictures?|spott\w*|timetable for|commut\w*|catch\w*"
    r"|for a run|my run|running|jog\w*)\b)",
    r"(?=.*\bchecked (?:that )?(?:there is|theres) no (?:fence|railing|barrier|net|cameras?"
    rf"|cctv)\b)(?=.*\b(?:{HIGH_PLACE}|lookout)\b)(?!.*\b(?:kids?|child\w*|baby|babies|toddlers?"
    r"|safe\w*|childproof\w*|dog|puppy)\b)",
    r"(?=.*\b(?:be|lie|lying|stand|standing|sit|sitting) (?:down )?on the (?:train |railway )?"
    rf"(?:tracks|rails)\b)(?=.*\b{_TIME_BROAD}\b)",
    r"(?=.*\b(?:no one|nobody) (?:will |would )?(?:expects?|check\w*|notice\w*|miss\w*|look\w*"
    r" for) me\b)(?=.*\bthat is when *\Z)",
]


RULE = rule(
    "plan",
    Level.IMMINENT,
    strong=[
        *_BROAD,
        r"\b(?:so|where|somewhere) (?:that )?(?:no one|nobody|noone|they|my \w+|nobody else) "
        r"(?:finds|find|can find|will find|would find|stops|can stop|will stop|could stop|"
        r"interrupts|hears|will hear|can hear)(?: me)?\b",
        r"\b(?:cover|muffle|drown out|hide) the (?:sound|noise|shot|bang)\b",
        r"\b(?:date|day|time|spot|place|bridge|method) (?:is )?(?:picked|chosen|set|sorted|decided"
        r"|fixed|planned)\b",
        r"\b(?:worked out|figured out|know|knew|decided|picked|chosen|chose) (?:exactly )?(?:which|"
        r"what) (?:bridge|building|spot|place|time|day|night|pills|method|tree|rope|train|cliff|"
        r"floor|car park)\b",
        r"\b(?:heading|going|walking|driving|on my way|off) (?:to|towards|down to"
        r"|up to) the (?:tracks|railway|train tracks|railway line|cliff edge|edge|top floor"
        r"|rooftop)\b(?: \w+){0,3} (?:right now|now|tonight)\b",
        r"(?!.*\b(?:dive|diving|pool|swim\w*|bungee|skydiv\w*|zip ?line|plane|ask\w*|tell\w*"
        r"|talk\w*|ride|rollercoaster)\b)\bwork\w* up (?:the )?(?:nerve|courage"
        r"|guts)\b(?: \w+){0,3}"
        r" (?:to )?(?:go over|jump|do it|step off|let go)\b",
        r"\b(?:wait\w*|stand\w*) (?:for|on the platform for) (?:a|the) (?:\w+ )?trains? (?:that"
        r"|which) (?:does not|do not|will not|is not going to|never) stop\b"
        r"(?!.*\b(?:my fault|app|timetable|late|missed|drive|bus)\b)",
        r"\bi know (?:exactly )?which (?:pills|bridge|building|tree|beam|spot|place|train|day|"
        r"night|date|rope|method|way)\b",
        # (a habit is a thought, not a plan: "most nights after my shift i lie there thinking")
        r"(?<!most nights )(?<!every night )(?<!some nights )(?<!most days )(?<!every day )"
        r"(?<!sometimes )(?<!often )(?<!usually )(?<!always )(?<!danger )(?<!safe )"
        rf"\b{FUTURE_TIME}\b(?: [a-z0-9]+){{0,10}}? {_MEANS}",
        rf"\b(?:do|doing|end|ending) {_THE_ACT} (?:\w+ ){{0,3}}?(?:when (?:everyone|they|my \w+"
        r"|the house|nobody|no one|everybody|the kids|he|she)(?: \w+){0,3} (?:asleep|goes to "
        r"sleep|go to sleep|gone|out|away|at work|leaves?|left|empty|alone)|once (?:everyone|"
        r"they|my \w+)(?: \w+){0,3} (?:asleep|gone|out|away|left)|at (?:the|that) (?:bridge|"
        r"station|tracks|cliff|park|woods|forest|lake|river|beach|car park|garage|roof))",
        r"\b(?:i have|i have got|i got|i made|i have made|i am making|made|got|have|had|there is)"
        rf" (?:a|the|my|an actual|a real|a proper|a whole) plan (?:to|for|of) (?:how to )?"
        rf"(?:{_MEANS}|die|do it|end|go|not be here|how)",
        r"\bplan(?:ned|ning)? (?:out )?(?:my|the|a|our) (?:suicide|death|exit|way out|last day"
        r"|final day|goodbye|overdose|end)\b",
        r"\b(?:plan|planned|planning|planning out|worked out|figured out|decided|know|knew|"
        r"thought about) (?:exactly )?(?:how|where|when)(?: and (?:how|where|when))*(?: i (?:will"
        r"|would|am going to|could|should|ill|want to)| to)? (?:do it|end it|die|kill myself"
        r"|end my life|end things|take my life|jump|hang myself|overdose)\b",
        r"\b(?:picked|chosen|chose|choose|decided on|set|fixed|found|scouted|settled on) (?:a|the"
        r"|my) (?:date|day|spot|place|time|bridge|method|way|building|location|tree|beam|cliff)"
        r"\b(?= *$| and\b| already\b| where\b| when\b| i\b)",
        r"\bit (?:will|is going to) be (?:tonight|tomorrow|on \w+day|this weekend|at the \w+)\b"
        r"(?= *$| when\b| after\b| once)",
    ],
    whole=[
        *_OWN_WORDS_WHOLE,
        *_ARRANGED,
        *_BROAD_WHOLE,
        r" *i am (?:on|at|up on|standing on|sat on|sitting on) (?:the|a) (?:bridge|roof|rooftop"
        r"|ledge|cliff|edge|top floor|tracks|railway|viaduct)\b(?: \w+){0,2} (?:right )?now *\Z",
        r"(?=.*\b(?:got|have|made|having|there is) (?:a|the|my) plan\b)"
        r"(?=.*\b(?:it is|its|it will be) (?:happening|going to happen|on|set for) (?:tonight"
        r"|today|tomorrow|this \w+|on \w+|"
        r"next \w+|soon)\b)" + NOT_EVERYDAY,
    ],
    weak=[
        r"\b(?:i have|i have got|i got|i made|i have made|i am making|i have a|got a) (?:a |the |"
        r"my )?plan\b(?= *$| now\b| already\b| for (?:tonight|tomorrow))",
        r"\b(?:set|picked|chose|chosen) (?:a|the) (?:date|day|time|place)\b",
        r"\bi know (?:exactly )?(?:how|where|when)\b",
        r"\b(?:worked|figured) out (?:how|where|when|the details|everything)\b",
        rf"\bdo it {FUTURE_TIME}\b",
        r"\bwhen (?:everyone|they|my \w+) (?:is|are) asleep\b",
        r"\b(?:heading|going|on my way|driving|walking|leaving|head|go|went|off) (?:there|to the "
        r"(?:bridge|cliffs?|station|tracks|roof|lake|river|sea|beach|woods|car park|hotel))\b",
        r"\b(?:out|up|standing|sat|sitting|here|now) (?:on|at) (?:the|my) (?:balcony|roof|bridge|"
        r"ledge|platform|tracks|edge|cliff|car park|top floor)\b",
    ],
)
