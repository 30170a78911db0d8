"""Fragments shared by several categories: means, times, acts. Plain strings, compiled inside
each category's rule."""

from __future__ import annotations

ANYMORE = r"(?:anymore|any more|any longer|no more|no longer)"
# Suicide named outright (active thoughts); "suicide" masked first where it is about others.
KILL_SELF = (
    r"(?:kill(?:ing|ed|s)? myself|suicid\w*|(?:dying|die|death|end\w*) by my own hand|end(?:ing"
    r"|ed)? (?:my (?:own )?life|it all|myself"
    r"|my existence|everything)|finish(?:ing|ed)? (?:my (?:own )?life|myself)"
    r"|tak(?:e|ing) my (?:own )?life|take myself out|end(?:ing)? it"
    r"(?! (?:with|between|off|early|there|here|on|at|before|for now))|end(?:ing)? things"
    r"(?= *$| for good| permanently| tonight| now| once| forever| today| soon))"
)
# Medicines and drugs by name (a few by their endings: "-pam", "-xetine"), one word or two.
_DRUG_WORDS = (
    r"pills?|tablets?|meds|medication|medicine|painkillers?|paracetamol|tylenol|acetaminophen"
    r"|ibuprofen|aspirin|antidepressants?|sleeping pills|sleeping tablets|insulin|opioids?"
    r"|oxy\w*|xanax|benzos|lithium|sertraline|citalopram|fluoxetine|prozac|zoloft|codeine"
    r"|co codamol|tramadol|morphine|propranolol|quetiapine|seroquel|diazepam|valium|lorazepam"
    r"|amitriptyline|mirtazapine|venlafaxine|pregabalin|gabapentin|fentanyl|heroin|ambien"
    r"|zopiclone|naproxen|adderall|ritalin|vyvanse|concerta|melatonin|nytol|benadryl"
    r"|antihistamines|\w+pam|\w+xetine|\w+ipram|\w+triptyline|\w+codone|\w+apine"
)
# The means, named.
DRUG_NAMES = rf"(?:{_DRUG_WORDS})"
# The same, or the pronoun that stands for them once named ("take them all").
DRUGS = rf"(?:{_DRUG_WORDS}|them)"
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
    rf"(?:(?:take|taking|took|swallow\w*|(?<!wrote )(?<!write )(?<!written )(?<!writing )down"
    rf"|downing|neck|necking|chug\w*|inject\w*) {QUANTITY}\b"
    rf"(?: \w+){{0,4}}? {DRUGS}\b"
    r"|overdos\w*|\bod\b(?= on| tonight| tomorrow| today| soon| again| *$)"
    r"|(?:swallow\w*|take|taking|down|downing|neck|necking) (?:them|these|those|it) all\b"
    r"|(?:alcohol|vodka|booze|wine|whisky|whiskey|drink) (?:with|and) (?:\w+ ){0,4}(?:pills|tablets"
    r"|meds|sleeping|painkillers)"
    r"|(?:meds|pills|tablets|medication|painkillers) (?:with|and) (?:a bottle of |some |the )?"
    r"(?:vodka|alcohol|wine|whisky|whiskey|booze|gin|rum|drink)"
    r"|hose (?:and|with) (?:duct )?tape|exit bag"
    r"|(?:take|taking|swallow\w*) (?:everything|all of it|the lot|whatever is|all the \w+) (?:in|"
    r"from) (?:the|my) (?:medicine cabinet|medicine cupboard|bathroom cabinet|first aid box"
    r"|pill box|cabinet)"
    r"|how easy it (?:would|could|will|might) be to (?:just )?(?:step (?:off|out|forward|in front)"
    r"|jump"
    r"|fall|let go|lean (?:over|out|forward)|drive (?:off|into)|swerve|walk (?:into|off|in front)|"
    r"swallow|take (?:them all|all of them|the lot|all the)|end it|end (?:my|it all)|go over|do it|"
    r"die)|(?:use|using|turn|turning) (?:it|them|that|those|one|the \w+) on myself"
    r"|(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity)"
    rf"|(?:jump\w*|leap\w*|throw\w* myself|step\w*|fall\w*|walk\w*|lie down|lay down|lying"
    rf"|laying|stand\w*|driv\w*|drove|swerv\w*|steer\w*|crash\w*|dive|diving|hurl\w* myself)"
    rf"(?: my car| the car| myself| off)? (?:off|from|in front of|under|onto|into|out of|on|of)"
    rf"(?: the| a| that| this| an| my| our| some)?(?: \w+){{0,2}}? (?:{HIGH_PLACE}|{VEHICLE}"
    rf"|oncoming \w+|{WATER}|tree|wall|pillar|barrier)\b"
    rf"|hang\w* myself|noose|(?:rope|belt|cord|cable|scarf|ligature) (?:around|round) my neck"
    r"|(?:shoot|shooting|shot) myself|(?:gun|pistol|barrel|revolver) (?:to|against|in|into)"
    r" my (?:head|mouth|temple|chin)|blow\w* my (?:brains|head) (?:out|off)|eat(?:ing)? a "
    r"(?:bullet|gun)|bullet (?:in|through|into) my (?:head|brain|skull)"
    r"|(?:use|using) (?:the|my) car in the garage"
    r"|(?:use|using) (?:my |the |a |his |dads |my dads )?(?:gun|pistol|rifle"
    r"|shotgun)\b(?: \w+){0,4} on myself"
    r"|drown\w* myself|(?:stones|rocks) in my pockets|let (?:the )?(?:water|waves|current|river"
    r"|sea) take me|swim out (?:until|till|and (?:never|not))"
    r"|(?:slit|slice|slash|slitting|slicing|slashing|open|opening|cut|cutting) (?:my |both )?"
    r"(?:wrists?|throat|veins|arteries|artery)"
    r"|(?:drink|drinking|drank|swallow\w*) (?:the |some |a bottle of )?(?:bleach|antifreeze|"
    r"poison|weed ?killer|rat poison|pesticide)|poison\w* myself"
    r"|electrocut\w* myself|toaster (?:in|into) the bath|set\w* myself on fire|set fire to "
    r"myself|self immolat\w*|suffocat\w* myself|plastic bag over my head|stab\w* myself"
    r"|(?:knife|knives|blade|blades|razor|razors)\b(?: \w+){0,2} (?:to|into|in|through|against"
    r"|across|on|over) my (?:chest|heart|throat|neck|stomach|wrists?|veins)"
    r"|(?:exhaust fumes|carbon monoxide|hose (?:to|from|into|on) the exhaust|car running in the"
    r" garage|charcoal (?:in|burning)|garage\b(?: \w+){0,3} (?:the )?car (?:running|engine on"
    r"|engine running)|car (?:engine )?running\b(?: \w+){0,3} (?:in )?(?:the )?garage)"
    r"|starv\w* myself to death|drink myself to death"
    r"|(?:painless|quickest|quick|easiest|easy|surest|best|fastest|peaceful) (?:way|ways|method"
    r"|methods) to (?:die|go|end it|do it|end my life|kill myself|not wake up)"
    r"|(?:least painful|most painless|painless) (?:way|ways|method|methods|death)"
    r"|how (?:many|much) (?:\w+ ){0,3}(?:it would take|it takes|would be enough|is enough|are "
    r"enough|would it take|does it take|would kill|to die|to kill|to"
    r" overdose|is (?:lethal|fatal|too much)|until i die|to not wake up)"
    r"|how (?:high|tall|far) (?:\w+ ){0,3}(?:to (?:die|jump|fall)|would i need|do i need to"
    r"|before (?:it kills|you die))|hanging myself|hung myself)"
)
WEEKDAY = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A time still to come, or a moment the person is waiting for.
FUTURE_TIME = (
    rf"(?:tonight|tomorrow|today|this (?:evening|afternoon|morning|weekend|week|{WEEKDAY})"
    rf"|on (?:{WEEKDAY}|my birthday|the \d+\w*|new years|christmas)|at \d+(?: ?(?:am|pm))?\b"
    r"|at \d+(?:am|pm)"
    r"|(?:when|once|after) i (?:get|am) (?:home|back|off work|out|there)|(?:once|after"
    r"|when) i (?:send|post)"
    r" this|after (?:this|my) (?:message|chat|conversation|shift|exam)|(?:till|until|once|when"
    r"|after) "
    r"(?:my \w+|everyone|everyones|they|he|she|the kids|it is|its|it) (?:\w+ )?(?:falls asleep"
    r"|fall asleep|goes to bed"
    r"|go to bed|is asleep|are asleep|leaves|leave|goes out|go out|dark|gets dark"
    r"|on (?:night )?shift)"
    r"|when (?:he|she|they|my \w+) (?:is|are) (?:on (?:night )?shift|on holiday|not home|out)"
    r"|(?:next|this coming) (?:week"
    rf"|month|weekend|{WEEKDAY})|at (?:\d+|midnight|dawn|noon|sunrise|sunset)|in (?:an|a few|"
    r"\d+|two|three|a couple of) (?:hours?|days?|minutes?|weeks?)|later (?:today|tonight|on)"
    r"|right now|when (?:everyone|everyones|they|my \w+|the house|nobody|no one|everybody|the kids"
    r"|he|she)(?: \w+){0,3} (?:asleep|goes to sleep|go to sleep|gone|out|away|at work|leaves?|left|"
    r"empty|alone)|once (?:everyone|everyones|they|my \w+|the kids|he|she)(?: \w+){0,3} (?:asleep"
    r"|gone|"
    r"out|away|left)|before (?:anyone|they|my \w+|he|she) (?:\w+ )?(?:wakes?|gets? home|comes "
    r"home|back)|by (?:the end of \w+|{WEEKDAY}|morning|tomorrow|tonight|the weekend))"
)

# Decisions and plans about ordinary life ("decided to finally do it, booking the tattoo").
NOT_EVERYDAY = (
    r"(?!.*\b(?:job|tattoo|book\w*|quit\w*|apply\w*|course|trip|holiday|car|house|flat|move|moving"
    r"|marathon|exam|interview|haircut|diet|gym|propos\w*|party|surprise|wedding|degree|uni|"
    r"college|piercing|dye|sign\w* up|enrol\w*|resign\w*|leave him|leave her|break up|breaking up"
    r"|marry|ask her|ask him|boyfriend|girlfriend|relationship|end it with)\b)"
)
