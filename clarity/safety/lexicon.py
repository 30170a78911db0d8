"""Fragments shared by several categories: means, times, acts. Plain strings, compiled inside
each category's rule."""

from __future__ import annotations

ANYMORE = r"(?:anymore|any more|any longer|no more|no longer)"
# Suicide named outright (active thoughts); "suicide" masked first where it is about others.
KILL_SELF = (
    r"(?:kill(?:ing|ed|s)? myself|suicid\w*|end(?:ing|ed)? (?:my (?:own )?life|it all|myself"
    r"|my existence|everything)|tak(?:e|ing) my (?:own )?life|take myself out|end(?:ing)? it"
    r"(?! (?:with|between|off|early|there|here|on|at|before|for now))|end(?:ing)? things"
    r"(?= *$| for good| permanently| tonight| now| once| forever| today| soon))"
)
DRUGS = (
    r"(?:pills?|tablets?|meds|medication|medicine|painkillers|paracetamol|tylenol|acetaminophen"
    r"|ibuprofen|aspirin|antidepressants|sleeping pills|sleeping tablets|insulin|opioids|"
    r"oxy\w*|xanax|benzos|lithium|prescription|them)"
)
QUANTITY = (
    r"(?:all|every(?: one| single one| last one)?|the (?:whole|entire|rest)|a (?:whole |full |"
    r"entire )?(?:bottle|box|pack|packet|handful|bunch|load|lot|month s|months|strip|jar|tub)"
    r"|lots|loads|too many|as many|enough|so many|a ton|all of|\d{2,}|twenty|thirty|forty|fifty"
    r"|hundred)"
)
HIGH_PLACE = (
    r"(?:bridge|building|roof|rooftop|cliff|balcony|window|tower|car park|parking (?:garage|lot"
    r"|structure)|multi storey|overpass|ledge|skyscraper|top floor|\d+\w* floor|edge|viaduct"
    r"|quarry|dam)"
)
VEHICLE = r"(?:train|tracks|railway|rail line|subway|tube|metro|bus|truck|lorry|car|traffic)"
WATER = r"(?:sea|ocean|river|lake|water|waves|canal|loch|reservoir)"
# Acts of killing oneself by a means, named without the word "kill".
METHOD_ACT = (
    rf"(?:(?:take|taking|took|swallow\w*|down|downing|neck|necking|chug\w*) {QUANTITY}\b"
    rf"(?: \w+){{0,4}}? {DRUGS}\b"
    r"|overdos\w*|\bod\b(?= on| tonight| tomorrow| today| soon| again| *$)"
    r"|(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity)"
    rf"|(?:jump\w*|leap\w*|throw\w* myself|step\w*|fall\w*|walk\w*|lie down|lay down|lying"
    rf"|laying|stand\w*|drive\w*|drove|swerv\w*|steer\w*|crash\w*|dive|diving|hurl\w* myself)"
    rf"(?: my car| the car| myself| off)? (?:off|from|in front of|under|onto|into|out of|on|of)"
    rf"(?: the| a| that| this| an| my| our| some)?(?: \w+){{0,2}}? (?:{HIGH_PLACE}|{VEHICLE}"
    rf"|oncoming \w+|{WATER}|tree|wall|pillar|barrier)\b"
    rf"|hang\w* myself|noose|(?:rope|belt|cord|cable|scarf|ligature) (?:around|round) my neck"
    r"|(?:shoot|shooting|shot) myself|(?:gun|pistol|barrel|revolver) (?:to|against|in|into)"
    r" my (?:head|mouth|temple|chin)|blow\w* my (?:brains|head) (?:out|off)|eat(?:ing)? a "
    r"(?:bullet|gun)|bullet (?:in|through|into) my (?:head|brain|skull)"
    r"|(?:use|using) (?:my|the|a|his|dads|my dads) (?:gun|pistol|rifle|shotgun) on myself"
    r"|drown\w* myself|(?:stones|rocks) in my pockets|let (?:the )?(?:water|waves|current|river"
    r"|sea) take me|swim out (?:until|till|and (?:never|not))"
    r"|(?:slit|slice|slash|slitting|slicing|slashing|open|opening|cut|cutting) (?:my |both )?"
    r"(?:wrists?|throat|veins|arteries|artery)"
    r"|(?:drink|drinking|drank|swallow\w*) (?:the |some |a bottle of )?(?:bleach|antifreeze|"
    r"poison|weed ?killer|rat poison|pesticide)|poison\w* myself"
    r"|electrocut\w* myself|toaster (?:in|into) the bath|set\w* myself on fire|set fire to "
    r"myself|self immolat\w*|suffocat\w* myself|plastic bag over my head|stab\w* myself"
    r"|(?:knife|blade) (?:to|into|in|through) my (?:chest|heart|throat|neck|stomach)"
    r"|(?:exhaust fumes|carbon monoxide|hose (?:to|from|into|on) the exhaust|car running in the"
    r" garage|charcoal (?:in|burning))"
    r"|starv\w* myself to death|drink myself to death"
    r"|(?:painless|quickest|quick|easiest|easy|surest|best|fastest|peaceful) (?:way|ways|method"
    r"|methods) to (?:die|go|end it|do it|end my life|kill myself|not wake up)"
    r"|(?:least painful|most painless|painless) (?:way|ways|method|methods|death)"
    r"|how (?:many|much) (?:\w+ ){0,2}(?:would it take|does it take|would kill|to die|to kill|to"
    r" overdose|is (?:lethal|fatal|too much)|until i die|to not wake up)"
    r"|how (?:high|tall|far) (?:\w+ ){0,3}(?:to (?:die|jump|fall)|would i need|do i need to"
    r"|before (?:it kills|you die))"
    r"|hanging myself|hung myself"
    r")"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A time still to come, or a moment the person is waiting for.
FUTURE_TIME = (
    rf"(?:tonight|tomorrow|today|this (?:evening|afternoon|morning|weekend|week|{WEEKDAY})"
    rf"|on (?:{WEEKDAY}|my birthday|the \d+\w*|new years|christmas)|(?:next|this coming) (?:week"
    rf"|month|weekend|{WEEKDAY})|at (?:\d+|midnight|dawn|noon|sunrise|sunset)|in (?:an|a few|"
    r"\d+|two|three|a couple of) (?:hours?|days?|minutes?|weeks?)|later (?:today|tonight|on)"
    r"|right now|when (?:everyone|they|my \w+|the house|nobody|no one|everybody|the kids|he|she)"
    r"(?: \w+){0,3} (?:asleep|goes to sleep|go to sleep|gone|out|away|at work|leaves?|left|"
    r"empty|alone)|once (?:everyone|they|my \w+|the kids|he|she)(?: \w+){0,3} (?:asleep|gone|"
    r"out|away|left)|before (?:anyone|they|my \w+|he|she) (?:\w+ )?(?:wakes?|gets? home|comes "
    r"home|back)|by (?:the end of \w+|{WEEKDAY}|morning|tomorrow|tonight|the weekend))"
)
