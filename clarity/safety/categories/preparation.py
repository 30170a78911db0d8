"""Preparatory behaviour (C-SSRS 6, imminent): gathering the means (saving pills, buying a rope
or a gun), goodbye notes, a will, giving possessions away, goodbyes.

Several of these are ordinary on their own (giving a guitar away, "said my goodbyes" after a
move): those are weak signals, which count only after recent risk in the conversation.
"""

from __future__ import annotations

from clarity.safety.assessment import Level
from clarity.safety.lexicon import DRUGS
from clarity.safety.rules import rule

# "when i'm gone next week", "gone on the work trip": away for a while, not dead.
_AWAY = r"(?! (?:on|for|to|away|next|this|in|at|over|during|tomorrow|tonight|until|till)\b)"
_AFTER_ME = (
    r"(?:(?:for )?(?:when|after|once) (?:i am|i have) (?:gone|dead|no longer (?:here|around)|not"
    r" (?:here|around))" + _AWAY + r"|(?:to (?:read|open|watch|see|find|"
    r"have)|for (?:them|everyone|my \w+)) after(?:wards)?(?= *$)|(?:for )?(?:when|after) i (?:die"
    r"|am gone" + _AWAY + r"|go(?= *$| for good| forever)|leave for good|do it|have ended it|end it"
    r"|have done it|have taken my life|take my life|end my life)|for"
    r" afterwards|in case (?:something|anything) happens to me|after i am gone|(?:after|on) my"
    r" death|when i am dead)"
)
_KEEP = (
    r"(?:sav\w*|stockpil\w*|hoard\w*|collect\w*|stash\w*|hid|hidden|hiding|hide|"
    r"squirrel\w* away|put\w* (?:aside|away)|set\w* aside|storing|stored|gather\w*|build\w* up|"
    r"stock\w* up on|been (?:saving|keeping))"
)
_MEANS = r"(?:rope|noose|gun|pistol|handgun|firearm|revolver|bullets|ammo|charcoal|helium|hose)"

# Goodbyes add up: two of these in one message count on their own (the same one twice too:
# "gave my dog away, gave my guitar away").
_FAREWELLS = (
    r"(?:giv\w*|gave|handed|rehom\w*) (?:\w+ ){0,3}?(?:away|my (?:dog|cat|pets?|things|stuff))",
    r"cancel\w* (?:everything|all|my \w+)",
    r"(?:said|saying|say) (?:my )?goodbyes?",
    r"(?:will not|do not) (?:be )?need\w* (?:it|them|anything|my \w+)",
    r"(?:will not|do not) (?:be )?need\w* any of (?:it|this|that|them) (?:where i am going|after"
    r"|anymore|soon)",
    r"(?:wrote|written|writing) to (?:everyone|everybody|all|my \w+)",
    r"(?:scheduled|schedule|timed|queued) (?:the |my |some |all the )?(?:messages|texts|emails|"
    r"posts)",
    r"signed (?:over|away) (?:my \w+|everything)",
    r"(?:deleted|deleting) (?:all )?my (?:accounts?|social media|socials|photos|messages"
    r"|instagram|facebook|tiktok|profiles?)",
    r"(?:said|saying|say) (?:my )?(?:bye|byes)\b",
    r"(?:paid|paying) off (?:all )?(?:my (?:debts?|loans?|bills)|(?:what|everything) i can(?= *$"
    r"| left))",
    r"(?:wrote|written|writing) (?:some |a few |a )?(?:letters?|notes?)",
    r"(?:left|leaving|written|wrote|writing) (?:\w+ )?instructions for (?:the landlord|my family"
    r"|the family|whoever|my (?:mum|dad|mom|partner|wife|husband|son|daughter|kids))",
    r"(?:left|leaving) (?:a|my|some) (?:letters?|notes?)",
    r"(?:a|my|some) (?:letters?|notes?) (?:for|to) (?:my \w+|each|everyone|all|them|her|him)",
    r"affairs (?:in order|(?:are )?(?:settled|sorted))|things in order",
    r"(?:made|making) my peace(?= *$| and| i am| with (?:god|everyone|the world|my family|it all))",
    r"(?:closed|closing|shut|shutting) (?:down )?(?:all )?(?:the|my) (?:bank )?accounts",
    r"(?:wrote|written|writing) down (?:who gets (?:what|my \w+|the (?:house|car|plot|farm|money)"
    r"|everything)|the (?:hymns|songs|music|readings) i want)",
    r"(?:will not|not going to) be (?:alive|around|here) to (?:use|need|wear|enjoy|play)",
    r"(?:the|my) (?:letters?|notes?) (?:for|to) (?:the family|my family|everyone|the kids)",
    r"(?:sent|left|gave) (?:\w+ ){0,2}(?:passwords?|bank details|pin)",
    r"(?:wrote|written|writing) down (?:all )?(?:my )?(?:passwords?|pins?|bank details|logins?)",
    r"so (?:they|she|he|my \w+|someone) can (?:close|cancel|shut down|sort) (?:everything|it all"
    r"|my accounts|my \w+)",
)

_BROAD = [
    # care arranged for when I am gone; a place checked for the act; goodbyes before it
    rf"\b(?:found|find|finding|arranged|got) (?:a )?(?:new )?(?:home|owner|someone|family|people)"
    rf" (?:for|to take|to have|to look after)\b(?: \w+){{0,8}}? {_AFTER_ME}",
    rf"\b(?:looked after|taken care of|cared for|provided for|fed|walked)\b(?: \w+){{0,3}}?"
    rf" {_AFTER_ME}",
    r"\bfor when i (?:jump|do it|go through with it|end it|finally do it|kill myself|hang myself"
    r"|take them|go)\b(?= *$| and| so| i\b)",
    r"\b(?:check|see|measure|look at|find out|work out|scope out|scout) how (?:high|tall|far|deep"
    r"|fast)\b(?: \w+){0,5}(?=.*\b(?:jump|fall|drop|die|end it|do it)\b)",
    rf"\b(?:so|for) (?:that )?(?:she|he|they|my \w+|nobody|no one|everyone|the kids)\b"
    rf"(?: \w+){{0,8}}? {_AFTER_ME}",
    r"\b(?:find|found|finding|pick\w*|chose|choose|scout\w*) (?:the )?(?:best|right|perfect"
    r"|highest|quietest) (?:spot|place|point|bit|ledge|edge) (?:to (?:go|jump|do it|fall)"
    r"|from which)\b",
    r"\b(?:ordered|bought|got|buying|ordering)\b(?: \w+){0,4} (?:to|so i can|so i could|for when i)"
    r" (?:kill myself|end (?:it|my life)|die|do it|overdose|hang myself)\b",
    r"\b(?:i have|i have got|i got|that is|it is|now have|i now have) enough (?:pills |tablets |of"
    r" them |of it )?to (?:end it|kill me|die|do it|not wake up|overdose)\b",
    r"\b(?:picked|chosen|chose|found|scouted)(?!.*\b(?:picnic|party|tent|camp\w*|wedding|photo\w*"
    r"|holiday|our|we|us)\b) (?:out )?(?:a|the|my) (?:spot|place|location)\b"
    r"(?: \w+){0,6} (?:where i will|where ill|to do it|for it|where i am going to)\b",
    r"\b(?:nothing|everything) (?:left )?(?:for me )?(?:to sort|sorted|done|in order|ready"
    r"|undone) (?:before|when) i (?:end it|die|go(?= *$| for good| forever)|do it|kill myself|end"
    r" my life|take my life)\b",
    # letters or notes left for when I am gone
    r"\b(?:wrote|written|writing|left|leaving) (?:\w+ ){0,3}(?:letters?|notes?|cards?|videos?"
    r"|recordings?)\b(?: \w+){0,14} (?:for )?(?:when|after|once) i am (?:gone|dead|no longer"
    r" here)\b" + _AWAY,
    r"\b(?:enough|plenty)\b(?: \w+){0,2} (?:put away|saved|stashed|hidden|set aside)\b(?: \w+){0,2}"
    r" for (?:when i am ready|when the time comes|the day i (?:do it|go))\b",
    r"\beverything else is (?:ready|sorted|done|in place)\b(?= *$)",
    r"\benough to make sure (?:it works|i do not wake up|it is enough|it does the job)\b",
    r"\b(?:to|from|at|round) (?:\d+|several|different|multiple|a few|two|three|four"
    r"|five) (?:different"
    r" )?(?:pharmacys|pharmacies|chemists|shops|stores)\b(?= so| to buy| to get)",
    r"\bgoodbyes?\b(?: \w+){0,6} before i (?:kill myself|do it|die|go through with it|end it"
    r"|end my life|take my life)\b",
    r"\b(?:affairs|things) in order\b",
    r"\b(?:passwords?|account details|bank details|pin|logins?)\b(?: \w+){0,8} (?:for (?:my"
    r" \w+|them|her|him|everyone)|so (?:she|he|they) (?:is|are|s) sorted)\b(?: \w+){0,4}"
    r" after(?:wards)?\b",
    r"\b(?:for|to open|to read|open|read|sorted) after(?:wards)?\b(?= *$| feels| i\b| it\b"
    r"| they\b| so\b)|\bfor after\b",
    r"\b(?:scheduled|timed|queued|set up) (?:an?|the|some|my) (?:emails?|messages?|texts?|posts?"
    r"|letters?)\b(?: \w+){0,8} (?:explaining|explain|goodbye|to my family|to everyone|for my"
    r" family)\b",
    r"\btold (?:him|her|them|everyone|my \w+) (?:that )?i am (?:\w+ ){1,3}i am not\b",
    r"\bfrom (?:\d+|several|different|multiple|a few|two|three) (?:different )?(?:doctors|gps"
    r"|surgeries|prescribers)\b|\bextra prescriptions\b(?: \w+){0,6} (?:keeping|saving|hiding"
    r"|storing)\b",
    r"\b(?:less|nothing|not much) (?:for (?:them|my \w+|everyone|her|him) to (?:deal with|sort"
    r"|clear|do|clean))\b|\bsave (?:them|my \w+|everyone) the (?:trouble|hassle|job|work)\b",
    r"\b(?:will not|wont|would not) be needing (?:it|them|anything|anywhere|a \w+|my \w+|those"
    r"|these)\b",
    r"\bgoodbyes?\b(?: \w+){0,6} (?:they|he|she|nobody|no one) (?:just )?(?:did not|do not|does"
    r" not) (?:know|realise|realize) (?:it|yet|it yet)\b",
    r"\b(?:written|wrote|left|finished) (?:a|my|the) (?:note|letter)s?(?: \w+){0,2} (?:it is|its"
    r"|they are|theyre) (?:on|in|under)\b",
    r"\b(?:razor blades|blades|rope|pills|tablets)\b(?: \w+){0,6} (?:they are|theyre|its|it is)"
    r" (?:in my (?:bag|room|drawer|car|pocket)|hidden|ready)\b",
    r"\bfor whoever (?:comes|is left|finds|gets here|has to)\b",
    r"\b(?:letters|notes)\b(?: \w+){0,2} one (?:for|to) each\b",
    r"\b\d+ (?:pills|tablets)\b(?: \w+){0,2} (?:hidden|saved|stashed|put away|collected)\b"
    r"|\b(?:collecting|saving|hoarding) (?:them )?since\b",
    r"\b(?:all square|sorted|in order|settled|tidy|wrapped up) before i (?:go(?= *$| for good"
    r"| forever)|leave(?= *$| for good| forever)|die|do it)\b",
    r"\b(?:it was|it is|its|that was) (?:kind of |sort of |basically |like |really )?(?:a |my )?"
    r"goodbye\b",
    # notes for the family, or a thing handed on for ever
    r"\b(?:written|wrote|finished|left) (?:notes|letters) (?:for|to) my \w+ and (?:my )?"
    r"(?!put|hid|left)\w+(?= *$| and (?:put|hid|left) (?:them|it))",
    r"\b(?:gave|given|giving|handed) (?:\w+ ){1,10}?(?:look after|take care of) (?:it|them)"
    r" (?:forever|for ever|for good|always)\b",
    r"(?!.*\b(?:team|office|work|job|colleagues|boss|school|uni|leaving do)\b)\b(?:loose ends"
    r"|said sorry|say sorry|apologi\w*)\b(?: \w+){0,6} before i (?:am (?:gone|not here|dead)(?= *$"
    r"| for good)|go(?= *$))",
    r"\b(?:set up|scheduled|schedule|queued|timed) (?:a |my |the )?(?:post|message|text|email"
    r"|video)s?\b(?: \w+){0,6} (?:after|goodbye|when i am gone|for after)\b",
    r"\b(?:outfit|clothes|dress|suit)\b(?: \w+){0,4} (?:to be found in|to be buried in|for my"
    r" funeral|i want to be found in)\b",
    r"\b(?:paid|paying) (?:back|off)\b(?: \w+){0,12} (?:after|when|once) i am (?:gone|dead)\b"
    + _AWAY,
]
_UNLESS = (
    r"\b(?:birthdays?|surgery|operation|procedure|moving to|moving house|moving out|move to"
    r"|retire\w*|wedding|graduation|time capsule|pulley|bike|hip|knee|parenting|leaflet|baby"
    r"|expecting|outgrown|pregnan\w*)\b"
)

_MEANS_GUN = r"(?:shotgun|rifle)"

# Affairs settled (families found in a held-out set, 3 Dec 2026): a pet placed "if anything
# happens to me", loose ends tied with accounts deleted, prescriptions saved and not taken,
# everyone thanked "for everything", a pet rehomed for someone "who's going to be around". Each
# was tightened after a review found ordinary messages it flagged
# (tests/data/safety/review3_negatives.tsv).
_SETTLING = [
    r"(?!.*\b(?:surgery|operation|trip|flight|travel\w*|abroad|holiday|hospital|deploy\w*|tour"
    r"|army|climb\w*|expedition|wills?|insurance|guardian\w*|baby|pregnan\w*)\b)(?=.*\b(?:if|in"
    r" case|when) (?:anything|something) (?:happens|happened|were to happen|bad happens) to me\b)"
    r"(?=.*\b(?:take|look after|have|keep|adopt|feed|care for|mind) (?:my|the) (?:dogs?|cats?"
    r"|pets?|rabbits?|birds?|fish)\b)",
    r"(?!.*\b(?:work|job|leave|project|office|handover|moving|move|wedding|maternity|paternity"
    r"|holiday|trip|baby|retir\w*)\b)(?=.*\btying up (?:all )?(?:my |the )?loose ends\b)(?=.*\b"
    r"(?:deleted|deleting|gave|giving|given|goodbyes?|letters?|notes?|social media)\b)",
    r"(?=.*\b(?:collect\w*|sav\w*|hoard\w*|stockpil\w*|stash\w*|putting aside|put aside|building"
    r" up) (?:up )?(?:my |all my |all of my |the )?(?:prescriptions?|meds|medication|medicine"
    r"|pills|tablets|antidepressants|sleeping pills|painkillers)\b)(?=.*\b(?:and not taking"
    r" (?:them|it)|instead of taking (?:them|it))\b)",
    r"(?!.*\b(?:new year|christmas|birthday|thanksgiving|holiday|wedding|anniversary|engaged"
    r"|pregnan\w*|news|party|last day|job|work|colleagues|retir\w*|leaving)\b)(?=.*\b(?:text\w*"
    r"|messag\w*|call\w*|rang|visited|hugged) (?:everyone|everybody|all (?:the )?(?:people|ones)"
    r"|all my (?:friends|family)) (?:i love|i care about|that matters?|who matters?|close to"
    r" me)\b)(?=.*\b(?:thank\w* (?:you |them )?for everything|goodbye|they think|one last|for the"
    r" last time)\b)",
    r"(?!.*\b(?:more|work\w*|shifts?|travel\w*|moving|move|allerg\w*|landlord|baby|new job|hours"
    r"|time|day|we|our)\b)(?=.*\b(?:rehom\w*|giv\w* away|find\w* (?:a )?(?:new )?home for)\b(?:"
    r" \w+){0,3} (?:my|the) (?:dogs?|cats?|pets?|rabbits?|birds?|hamsters?|puppy|kitten|horse)"
    r"\b)(?=.*\b(?:someone|somebody|people|a family|an owner) (?:who is|whos|who will be|wholl"
    r" be|that will be|that is) going to be (?:around|here|there for (?:her|him|them))\b)",
]

# Preparations of the sixteenth round (tightened on review4_negatives.tsv): an apology for
# what one is about to do; my note written; belongings given with a cover story ("said I was
# moving. I'm not"), or to someone who "doesn't know why"; wanting someone to hear it before.
_OWN_WORDS = [
    r"\b(?:sorry|apologi\w*|forgive me) for what i am (?:about to|going to) do\b(?! (?:to|with)"
    r" (?:this|that|the|my|your|our)\b)(?!.*\b(?:lol|haha|lmao|pizza|cake|diet)\b)",
    r"\b(?:wrote|written|finished|drafted|redrafted|rewrote|rewritten) my note\b(?! (?:to|for)\b)"
    r"(?!.*\b(?:hr|teacher|school|work|boss|landlord|class|doctor|gp|office|manager|lecture\w*)\b)",
    r"\b(?:wanted|want) (?:him|her|them|you|my \w+) to (?:hear|know) (?:it|that|this) before *$",
]
_OWN_WORDS_WHOLE = [
    r"(?=.*\b(?:said|told (?:them|him|her|everyone|everybody|people|my \w+|\w+)) (?:that )?i"
    r" (?:was|am|were) (?:moving|going away|decluttering|travelling|traveling|emigrating"
    r"|downsizing)\b(?: \w+){0,4} (?:i am not|not true)\b)"
    r"(?!.*\b(?:embarrass\w*|surprise)\b)",
    r"(?=.*\b(?:does not|do not|did not) know (?:why|the real reason)\b)(?=.*\bgave (?:away )?"
    r"(?:my|all my)\b)(?!.*\b(?:surprise|party|birthday|present|gift for)\b)",
]


RULE = rule(
    "preparation",
    Level.IMMINENT,
    whole=[
        *_OWN_WORDS_WHOLE,
        *_SETTLING,
        # given away "since i wont be here"; a blade ordered and "i know what it's for"
        r"(?=.*\b(?:gave|given|giving|rehom\w*|left)\b)(?=.*\b(?:since|because|as) i (?:will not"
        r"|am not going to) be (?:here|around)\b(?! (?:next|for|this|on|over|at|in|during|until"
        r"|till|tomorrow|tonight)))",
        r"(?=.*\b(?:ordered|bought|got)\b(?: \w+){0,2} (?:blades?|razors?|rope"
        r"|pills)\b)(?=.*\bi know"
        r" what (?:it is|its|they are|theyre) for\b)",
        # belongings given away so that it goes unseen, or to someone who will be around
        r"(?=.*\b(?:giving|gave|give|given|handing) (?:\w+ ){0,5}(?:away|out)\b)(?=.*\bso (?:nobody"
        r"|no one|they do not|people do not) (?:notices?|will notice|realises?|suspects?|asks?)\b"
        r"(?! how| what| that i))",
        r"(?=.*\b(?:rehom\w*|re homed|gave away|given away|found a (?:new )?home for)\b)(?=.*\b(?:"
        r"someone|somebody|people|a family|an owner) (?:who will|wholl|who can|who is going to)"
        r" (?:still )?be (?:around|there)\b(?! more| during| in the| all day| when))",
        # the life insurance checked for this; funeral wishes left to be found
        r"(?=.*\blife insurance\b)(?=.*\b(?:pays? out|still pays|covers?) (?:if|when|for) (?:(?:u"
        r" know|you know)(?= *$)|suicide|i kill|i do it|i take my)\b)",
        r"(?!.*\b(?:when the time comes|one day|someday|some day|eventually|the will|my will)\b)"
        r"(?=.*\bmy (?:own )?funeral\b)(?=.*\b(?:for|where) (?:my \w+|them|her|him|they|she|he)"
        r" (?:to find|will find|would find|finds?)\b)",
        # a funeral arranged and kept secret
        r"(?!.*\b(?:surprise\w*|last year|years ago|will be (?:glad|pleased"
        r"|relieved))\b)(?=.*\b(?:sorted|paid for|arranged|planned|organised|organized"
        r"|booked) (?:out )?(?:my )?"
        r"(?:own )?funeral\b)(?=.*\b(?:told no one|not told anyone|told nobody|not told anybody"
        r"|no one knows|nobody knows)\b)",
        # belongings given away under a cover story ("they think I'm just decluttering")
        r"(?=.*\b(?:i am not|not really|not true|not the real reason|they think|lied|pretend\w*)\b)"
        r"(?=.*\b(?:gave|giving|given|rehom\w*|sold|handed)\b)(?=.*\b(?:think|thinks|told \w+"
        r"|said|saying|tell\w* \w+) (?:that )?(?:i am|i was) (?:just )?(?:decluttering|moving"
        r"|clearing"
        r" out|having a clear out|tidying up|going abroad|moving abroad|emigrating|busy)\b)",
        r"(?=.*\b(?:gave|giving|given|rehom\w*|found a (?:new )?home for)\b)(?=.*\b(?:when|after"
        r"|once) i am (?:dead|gone)\b(?! (?:on|for|to|away|abroad)))",
        r"(?=.*\b(?:car running|exhaust|garage|rope|noose|pills|charcoal|belt)\b)(?=.*\b(?:to test"
        r" it|test\w* it|know it works|see if it works|if it would work)\b)",
        r"(?=.*\b(?:cliffs?|bridge|roof|tracks|edge|ledge|car park)\b)(?=.*\bwork\w* (?:myself )?up"
        r" to (?:it|doing it)\b)",
        r"(?=.*\btracks\b)(?=.*\b(?:check\w*|find out|work\w* out|look\w* up) (?:what time|when|how"
        r" often) the (?:trains?|freight|express)\b)",
        r"(?!.*\b(?:kids|baby|toddler|children|dog|son|daughter)\b)(?=.*\b(?:rope|noose|pills"
        r"|tablets|gun|shotgun|blades?|charcoal)\b)(?=.*\b(?:hidden|hid|stashed) (?:it|them)"
        r" (?:in|under|behind)\b)",
        r"(?=.*\b(?:grave|cemetery|heaven)\b)(?=.*\b(?:told|tell) (?:her|him|them) i (?:would|will)"
        r" see (?:her|him|them) soon\b)",
        # a high place looked at for how far the drop is; a place checked for cameras
        r"(?=.*\b(?:bridge|roof|cliffs?|car park|building|balcony|tower|overpass|tracks)\b)"
        r"(?=.*\b(?:work\w* out|check\w*|measur\w*|test\w*|see) how (?:high|tall|far|deep)\b)",
        r"(?=.*\b(?:cameras|cctv)\b)(?=.*\b(?:car park|bridge|roof|level|floor|tracks|station"
        r"|cliffs?|building)\b)(?=.*\b(?:check\w*|scout\w*|look\w* for|which level|which floor"
        r"|where the)\b)",
        # a gun got hold of, with no hunting or range in the message
        rf"(?!.*\b(?:hunt\w*|deer|season|range|club|licen[cs]e|shooting|clay)\b)(?=.*\b(?:bought"
        rf"|got|picked up|borrowed|took|stole|hid|hidden) (?:a |the |my \w+s "
        rf"|his )?{_MEANS_GUN}\b)",
    ],
    strong=[
        *_OWN_WORDS,
        *_BROAD,
        # "when I'm gone" counts with something left for then (see the patterns below), not
        # alone: "they'd cope better once I'm gone" is a burden, not a preparation.
        r"\b(?:written|wrote|finished|left|writing) (?:my|the) (?:note|letter|letters"
        r"|notes)\b(?= *$| and\b| for (?:my|everyone|them|when|after)| just (?:need|have) to"
        r"| rewrote| it is done| now)",
        r"\b(?:put|gathered|collected|laid out|counted out|lined up|got) (?:all )?(?:my"
        r"|the) (?:pills|tablets|meds) (?:in one place|together|out|ready|lined up)\b",
        r"\b(?:written|wrote|writing|recorded|typed) (?:out )?(?:my|all my|the) goodbyes?\b(?! (?:"
        r"speech|card|party|lunch|drinks|email|present|gift|do|post to the team))",
        rf"\b(?:bought|buy|buying|got|getting|picked up) (?:a lot of|loads of|lots of|several "
        rf"boxes of|boxes of|packs of|packets of|\d+ (?:boxes|packs|packets) of|extra) {DRUGS}\b",
        r"\b(?:list|note|spreadsheet|plan) (?:of|for|about) who (?:gets|will get|should get|can "
        r"have|takes) (?:my|what)\b",
        r"\bgoodbyes?\b(?: \w+){0,6} (?:without (?:them|him|her|anyone|anybody|people) (?:knowing|"
        r"realising|realizing)|(?:they|he|she|nobody|no one) (?:did not|do not|does not) (?:know|"
        r"realise|realize) (?:it was|its|it is|why))\b",
        r"(?<!thank you )(?<!birthday )(?<!christmas )(?<!cover )(?<!love )(?<!apology )(?<!sick )"
        r"\b(?:note|letter|letters|notes) (?:for|to) (?:my family|my kids|my children|everyone|my "
        r"parents|my wife|my husband|my partner|my loved ones|the people i love|each of them|my "
        r"mum and dad|my mom and dad|my friends)\b",
        r"\b(?:giving|gave|give|given|handing|handed|selling|sold)\b(?: \w+){0,10} (?:because i |"
        r"as i |since i )?(?:will not|wont|do not|dont|would not) (?:be )?need\w* (?:it|them"
        r"|any of it|anything|those|these|my \w+)\b",
        r"\b(?:giving|gave|give|given|handing|handed|gifting|gifted) (?:away )?(?:all|most|"
        r"everything|the rest) (?:of )?(?:my )?(?:\w+ )?(?:stuff|things|belongings|possessions|"
        r"clothes|books|games|records|jewel\w*|money|savings|plants|art|collection|away)?\b",
        r"(?<!if i )(?<!if i just )\b(?:gave|giving|given|give|handed|handing|left|leaving)\b"
        r"(?!(?: \w+){0,2} (?:job|career|nursing|teaching|company|industry|profession|office|school"
        r"|uni|town|city|country|home|server|group|chat|discord|team|club|band|app|platform|forum"
        r"|twitter|reddit|game)\b)(?: \w+){0,12} (?:permanent\w*"
        r"|"
        r"for good|(?<!keep it )(?<!keep them )forever|to keep (?:it|them|forever)|remember me"
        r"|does not know why|keep asking"
        r" why|keeps asking why"
        r"|do not know why|did not (?:ask|"
        r"know) why|no idea why|to remember me by)\b",
        r"\bknowing (?:it|this|that) (?:was|would be|will be|is) the (?:last|final) time\b",
        r"\b(?:hear|see|say|hug|text|call|tell|visit|talk to|speak to|hold|kiss|said|saw|told|"
        r"hugged|visited|called|texted)\b(?: \w+){0,6} (?:one last time|one final time)\b",
        r"\b(?:playlist|songs?|music|plans?|arrangements|outfit|readings?|flowers|speech|eulogy|"
        r"hymns?) for my (?:own )?funeral\b|\bplan\w* (?:out )?my (?:own )?funeral\b",
        r"\bfrom (?:\d+|several|different|multiple|a few|two|three|four|five) (?:different )?"
        r"(?:shops|stores|pharmacies|chemists|places|supermarkets)\b",
        r"\bso (?:that )?(?:no one|nobody|noone|they|the (?:pharmacist|chemist|cashier)) (?:would|"
        r"will|could|can|does|did) (?:not )?(?:ask|notice|question|suspect|know|get suspicious)\b"
        r"(?! (?:me )?(?:to|for|about) )",
        r"\b(?:whoever|the person who|the one who|someone who|whoever it is that) (?:finds|will "
        r"find|found) (?:me|my body)\b|\bwhen (?:they|someone|somebody|my \w+) (?:find|finds) "
        r"(?:me|my body)\b",
        r"\bcharcoal\b(?: \w+){0,4} (?:tape|duct tape|in the (?:car|bathroom|room|tent))\b|\bnot "
        r"(?:having|for|doing|planning) (?:a|any) (?:bbq|barbecue)\b",
        r"\b(?:i have|i have got|got|gathered|collected|bought|i got) (?:all |everything |all the "
        r"stuff |all the things )?(?:everything |all )?i need\b(?= *$| now\b| its| it is| ready"
        r"| all| hidden| in the| and\b)",
        r"\b(?:it is|its|they are|all|everything is|it is all|its all) (?:\w+ ){0,4}(?:waiting|"
        r"ready|hidden)(?= *$| for me| for tonight)",
        rf"\b{_KEEP}(?!.*\b(?:in case (?:i|we|you|they) (?:need|get)|dental|surgery|operation|kids"
        r"|children|toddler|baby|grandkids|reach|locked)\b)"
        rf" (?:up )?(?:all |some |a lot of |enough |loads of |a stash of |a supply of |"
        rf"a bottle of )?(?:my |the |of my |his |her )?(?:mums |moms |dads |\w+s )?(?:old )?"
        rf"(?:\w+ )?"
        rf"(?:{DRUGS}|razor blades|blades|razors)\b(?! (?:for (?!when|the end|it\b|tonight|later|"
        r"afterwards|that|the right|weeks|months|days|ages|a while|a (?:week|month|year|few|long"
        r"|couple)|"
        r"\d+|two|three|four|the past|the last|some time)|in the (?:cabinet|bathroom) for))",
        r"\b(?:i have|i have got|i got|got|have|there are) (?:enough|a stash of|a stockpile of|a"
        r" supply of|a collection of|saved up) (?:\w+ )?(?:pills|tablets|meds|painkillers|"
        r"paracetamol|sleeping pills)\b",
        rf"\b(?:bought|buy|buying|got|get|getting|ordered|order|ordering|purchased|acquired|hid|"
        rf"hidden|hiding|have|had|found|borrowed|took|stole|picked up) (?:(?:a|the|some|my|myself a"
        rf"|dads|my dads|his|a length of) )?(?:\w+ )?(?<!massage )(?<!heat )(?<!glue )(?<!nail )"
        rf"(?<!staple )(?<!water )(?<!nerf )(?<!garden )(?<!new )(?<!paint )(?<!toy )(?<!bubble )"
        rf"{_MEANS}\b(?! balloons?| for tomorrow| for the (?:bbq|barbecue|party)| (?:for (?:the|my"
        rf"|a|our) "
        r"(?:tent|climbing|camping|boat|dog|swing|hammock|washing|garden|trip|hunting|range|"
        r"grill|bbq|barbecue|balloons|party|kids|hose|car wash)|licen[cs]e|course|class|show|safe|"
        r"cabinet|case|cleaning|club|range|rack|holder|reel|pipe|locks?|lockbox)| to the (?:range"
        r"|club|gunsmith|shop|field|woods))",
        rf"\b(?:the|a|my) (?:{_MEANS}|pills|tablets) (?:is|are) (?:ready|waiting|hidden|in my (?:"
        r"bag|car|room|drawer|pocket|closet|wardrobe))\b",
        r"\b(?:this is|these are|here are|here is|writing|wrote|written|left|leaving) (?:my |a )?"
        r"(?:last|final) (?:message|words|note|letter|post|goodbye|video)s?\b",
        r"\b(?:suicide|goodbye|farewell|good bye)(?!.*\b(?:office|team|colleagues|coworkers|job"
        r"|leaving do|retire\w*|new job|next job)\b) (?:note|letter|message|video|email|"
        r"text|post|words)s?\b(?! (?:in|from|of) (?:the|a) (?:book|film|movie|show|series|game))",
        rf"\b(?:wrote|written|writing|write|left|leaving|leave|drafted|finished|recorded|"
        rf"recording) (?:a |my |some |the |letters? |notes? )?(?:\w+ )?(?:letters?|notes?|"
        rf"messages?|videos?)(?: \w+){{0,6}} {_AFTER_ME}",
        r"\b(?:wrote|written|made|updated|finished|sorted|drafted|drew up|drawn up|signed|did|done"
        r"|finalised|finalized) "
        r"(?:out |up )?(?:a|my) (?:last )?will\b(?! (?:power|to|not|be|have|get|go|make|do|"
        r"help|never))",
        r"\b(?:giving|gave|give|given|handing|handed|hand) (?:away )?(?:all (?:of )?my|"
        r"everything|most of my|my (?:most )?(?:precious|favourite|favorite|special|valuable)"
        r"|all my) ?(?:\w+ )?(?:things|stuff|belongings|possessions|clothes|books|games|"
        r"records|jewel\w*|things away|stuff away|away)?\b(?:(?: \w+){0,4} (?:away|to (?:my |"
        r"friends|people|family|everyone|charity)|because i (?:will not|wont) need))",
        rf"\bgiv\w* (?:my|all my|away my) \w+(?: \w+)? (?:away )?(?:\w+ ){{0,4}}?(?:so (?:they|"
        rf"she|he|you) (?:have|has) something to remember me by|{_AFTER_ME}|because i (?:will"
        r" not|wont) need)",
        rf"\b(?:sorted|arranged|organi[sz]ed|planned|found someone|asked \w+|made arrangements|"
        rf"made sure|figured out|decided) (?:\w+ ){{0,6}}?{_AFTER_ME}",
        rf"\b(?:who|someone to|somebody to) (?:gets|will get|should get|can have|takes|will take"
        rf"|look after|will look after|feed|will feed|care for|take care of) (?:\w+ ){{0,4}}?"
        rf"{_AFTER_ME}",
        r"\b(?:goodbye|bye|farewell) (?:forever|for good|for the last time|world|cruel world|"
        r"everyone forever)\b",
        r"\b(?:this is|it is|its) (?:my )?(?:final )?goodbye\b",
        r"\b(?:said|saying|say|written|wrote|texted|sent) (?:my )?(?:final|last) goodbyes?\b",
        r"\b(?:said|saying|say|made|making) (?:my )?goodbyes? (?:to (?:everyone|everybody|all|"
        r"my family|my \w+) )?(?:for (?:the )?last time|forever|before i (?:go|do it|die|leave))\b",
        r"\b(?:put|putting|get|getting|got|have|had) (?:all )?my (?:affairs|things|papers|"
        r"finances|accounts) in order\b(?= *$| before\b| so\b| for\b| just\b| now\b| because"
        r"| already\b)",
        r"\b(?:tested|test|testing|tried|tied|tying|practi[cs]ed|practi[cs]ing|rehears\w*)"
        r" (?:the|a|my) (?:noose|beam|height|fall|dose)\b|\btested the (?:knot|rope)\b",
        r"\b(?:practi[cs]\w*|rehears\w*|tested|testing|tried|trying) (?:\w+ )?(?:tying|to tie|"
        r"tie) (?:the|a) (?:knot|noose|rope)\b",
        r"\b(?:went|go|going|been going|visited|checked out|scouted) (?:to |back to )?(?:the|a)"
        r" (?:bridge|cliff|roof|tracks|station)(?: \w+){0,2} (?:to (?:check|look|see|practi\w+"
        r"|scout)|and (?:looked|stood|checked)|a few times|every (?:night|day|evening|morning))\b",
    ],
    twice=_FAREWELLS,
    unless=_UNLESS,
    weak=[
        r"\b(?:giving|gave|give|given|handing|handed|hand|gifted|gifting|donat\w*) (?:away )?"
        r"(?:\w+ ){0,3}?(?:my|all my|away|all of my)\b",
        r"\b(?:found|finding|find|need to find|looking for) (?:a )?(?:new )?(?:home|someone|"
        r"owner) (?:for|to (?:take|have)) (?:my )?(?:cat|dog|pets?|rabbit|hamster|bird|fish)\b",
        r"\brehom\w*\b",
        r"\b(?:who|someone to|somebody to) (?:gets|will get|should get|can have|takes|will take"
        r"|look after|looks after|will look after|feeds|will feed|care for|take care of|have)"
        r" (?:my|the) \w+",
        r"\bsorted (?:out )?(?:who|my (?:affairs|things|stuff|finances|accounts|will|papers))",
        r"\b(?:said|saying|say|made|making|sent|texted|written|wrote) (?:my |some |all my |our )?"
        r"goodbyes?\b",
        r"\b(?:will not|wont|do not|dont|not going to|no longer) need (?:it|them|this|that|these|"
        r"those|my \w+|any of (?:it|this|them|my \w+)|anything|money|stuff|things)\b",
        r"\bcancel\w* (?:all )?(?:my )?(?:subscriptions?|appointments?|therapy|plans|sessions"
        r"|memberships?|phone contract)\b",
        r"\b(?:affairs|things) in order\b",
        r"\b(?:thank you|thanks) for (?:everything|listening|being there|all|trying|all this time|"
        r"putting up with me|being (?:my|a) friend|always)\b",
        r"\b(?:please )?(?:take care of|look after|tell) (?:my \w+|everyone|them|her|him|mum|"
        r"mom|dad) (?:for me|that i love|i love|i am sorry|im sorry)\b",
        r"\bi love you all\b|\bi am sorry for everything\b|\bforgive me\b",
        r"\bwhen i am gone\b|\bafter i am gone\b|\bonce i am gone\b",
        r"\b(?:wrote|written|writing|write|left|leaving) (?:a |some |the |a few |\d+ )?(?:letters?|"
        r"notes?)\b",
        r"\b(?:wrote|written|writing|write|left|leaving) (?:a |some |the )?(?:letters?|notes?)"
        r" (?:for|to) (?:my|each|everyone|all)\b",
        r"\b(?:my|a|the) will\b(?= *$| is (?:done|ready|sorted|written|signed)| sorted| done)",
        r"\bpaid off (?:all )?my (?:debts?|loans?)\b",
        r"\bdeleted (?:all )?my (?:accounts?|social media|photos|messages)\b",
        r"\b(?:sent|left|gave|shared|wrote down|written down|leaving|sending|giving) (?:\w+ ){0,2}"
        r"(?:passwords?|bank details|pin numbers?|pins|account details|logins?)\b",
        r"\b(?:cleaned|tidied|cleaning|tidying) (?:up )?(?:my |the )?(?:whole )?(?:flat|room|house|"
        r"apartment|place)\b",
        r"\b(?:went|been|go|going|stopped) (?:to|at|by) the (?:pharmacy|chemist|chemists|drugstore|"
        r"hardware (?:store|shop)|gun (?:store|shop)|garden centre)\b",
    ],
)
