"""Everyday language that only sounds like risk, masked out before any rule runs.

Each entry is a phrase, not a word: masking "killing me" after "this deadline is" leaves "and i
want to die" in the same message to be read. A masked span is replaced by `` | ``, which no
rule can match across, so that the words either side never join into a new phrase. Masks that
speak of other people (news, fiction, grief) stop at "i", "me" or "my": "my mum found out about
my suicide attempt" keeps its risk.
"""

from __future__ import annotations

import re

from clarity.safety.rules import at_word_starts

# Words that end a span about someone else: past them the message is about the user again.
_NOT_ME = r"(?:(?!(?:i|me|my|myself|i am|im|ive|mine)\b)[a-z0-9]+ )"
# "my mums painkillers" (mum's, the apostrophe dropped) names a means within reach, not her.
_NOT_A_MEANS = (
    r"(?! (?:pills|tablets|meds|medication|painkillers|sleeping|insulin|gun|shotgun|rifle|car"
    r"|garage|razors?|blades?|knife|knives|rope|belt)\b)"
)
OTHERS = (
    r"(?<!so )(?:he|she|they|his|her|their|him|them|someone|somebody|a (?:man|woman|guy|girl|boy"
    r"|kid|teen|teenager|student|celebrity|singer|actor|rapper|character|classmate|colleague|patient)"
    r"|the (?:\w+ )?(?:man|woman|guy|girl|boy|kid|teen|teenager|student|singer|actor|rapper"
    r"|character|victim|patient|driver|author|star|hero|villain|protagonist|narrator|soldier"
    r"|stuntman|stuntwoman|daredevil|climber|racer|rider)"
    r"|(?:the|that|this) (?:\w+ )?(?:streamer|youtuber|tiktoker|gamer)"
    r"|(?:my|our|a|his|her|their) (?:(?:teen|teenage|little|older|younger|big|eldest|youngest"
    r"|oldest|baby|twin|step|\d+ year old) )?(?:friend|best friend|brother|sister|mum|mom|dad"
    r"|father|mother"
    r"|uncle|aunt|auntie|cousin|grandpa|grandma|grandad|granddad|grandfather|grandmother|nan|son"
    r"|daughter|husband|wife|partner|ex|boyfriend|girlfriend|colleague|coworker|neighbour"
    r"|neighbor|classmate|teacher|student|client|patient|flatmate|roommate|child|kid|niece"
    r"|nephew|stepdad|stepmum|stepmom|friends|parents|mate|fiance|fiancee|housemate|character)(?:s"
    + _NOT_A_MEANS
    + r")?"
    r"|(?<!of )(?:people|persons?|men|women|teens|teenagers|kids|students|patients|clients|"
    r"someone|soldiers|veterans|users|callers|young people|victims))"
)
_MEDIA = (
    r"(?:article|documentary|book|film|movie|show|series|episode|podcast|novel|story|report|news"
    r"|study|research|essay|paper|lecture|class|talk|play|song|album|poem|video|post|thread"
    r"|chapter|scene|game|campaign|charity|fundraiser|walk|run|training|course|module|statistics"
    r"|stats|data|headline|case|anime|manga|comic|tv|netflix|lyrics?|dissertation|thesis|project"
    r"|presentation|assignment|posters?|workshop|webinar|seminar|shift|screenplay|script|piece"
    r"|lessons?|assembly|assemblies|pshe|curriculum|leaflets?|policy|resources?|guidance|toolkit)"
)

_GAME = (
    r"(?:game|games|minecraft|fortnite|roblox|gta|zelda|elden ring|skyrim|sims|cod|warzone|apex|"
    r"valorant|overwatch|league|dota|lobby|server|ranked|dark souls|call of duty|halo|pubg"
    r"|cutscenes?|checkpoint)"
)
# Words a gaming mask never reaches across: the user's own risk stays readable.
_GAME_SAFE = (
    r"(?:(?!(?:myself|kill\w*|suicid\w*|die|dying|dead|end\w*|want|wanna|going|real|life|irl)\b)"
    r"[a-z0-9]+ )"
)

IDIOMS = (
    # kill: performing well, switching off, passing time, hyperbole about things and other people
    r"\bkill(?:s|ed|ing)? (?:it|them all|the (?:lights?|engine|music|mood|vibe|process|tab|app"
    r"|bug|power|game|boss|spider|fly|flies|weeds?|germs)|time|some time|two birds)\b",
    r"\b(?:is|are|was|were|keeps?|kept|be|been) (?:literally |actually |honestly |really |slowly "
    r")?killing (?:me|my \w+)\b",
    r"\bkilling me (?:softly|with)\b",
    # not "the fall would kill me": a means that would, not a person who will
    r"(?<!fall )(?<!drop )(?<!impact )(?<!height )(?<!pills )(?<!tablets )(?<!enough )\b(?:going"
    r" to|will|would|is going to|gonna|might|could|is to) (?:literally |actually )?kill (?:me|us)"
    r"\b(?! myself)",
    r"\bkill me now\b(?= (?:lol|haha|ha|ugh|another|this|that|please lol|(?:my \w+|mum|mom|dad"
    r"|he|she|they|someone) (?:just|has just|is))\b)",
    # first aid and games: "trained to reverse an overdose", "unalived by a creeper"
    r"\b(?:reverse|reversing|reversed|treat\w*|respond\w* to|recogni[sz]\w*|spot\w*) (?:an |the |a"
    r" )?(?:opioid |drug )?overdoses?\b",
    r"\b(?:got |get |getting )?unalived by (?:a|an|the|some|this|that) \w+",
    r"\baccidental(?:ly)? (?:overdos\w*|od)\b|\b(?:warned|told|reminded|advised) (?:me|us|you|him"
    r"|her) (?:not )?to (?:not )?(?:accidentally )?overdose\b",
    r"\bprevent\w* (?:suicide|self harm)\b",
    r"\bunaliv\w* (?:this|that|the|a|these|those|all the|my) (?:\w+ )?(?:spider|bug|fly|flies|wasp"
    r"|mosquito|plant|zombies?|mobs?|boss|enemies|enemy|creeper|ants?|roach\w*|cockroach\w*|rats?"
    r"|mice|mouse)\b",
    r"\b(?:took|taking|taken|take|swallowed)\b(?: \w+){0,6} by accident\b",
    r"\boverdos\w* on (?:hot |spicy )?(?:cheetos|chips|crisps|sugar|chocolate|candy|sweets|caffeine"
    r"|coffee|pizza|netflix|anime|memes|tiktok|k ?dramas?)\b",
    r"\bctb\b(?= (?:means|stands for|is short for) (?!catch the bus))",
    # a surfeit of something that is not a medicine ("od on chocolate"); idioms of the body
    r"\b(?:overdos\w*|od|oding|od ing) on (?:hot |spicy |mince )?(?:chocolate|pies|sugar|caffeine"
    r"|coffee|sweets|candy|cheetos|crisps|chips|pizza|cake|biscuits|cookies|netflix|tv|anime|memes"
    r"|tiktok|k ?dramas?|easter eggs|carbs|cheese|junk food|food|christmas|pudding|takeaways?)\b",
    r"\bwith a gun to my head\b(?= i| you| id| could)|\bopen (?:up )?my throat\b",
    r"\b(?:jump|fall|drop)\w* off (?:the |a )?\w+ to (?:skip|respawn|reset|reach|save time)\b",
    # "not asking for a friend" is asking for oneself: the friend is no one reported on
    r"\bnot asking for a friend\b",
    # the ending of a story, a season or a film, named as such or judged as one ("honestly the
    # ending ruined it"); "a peaceful ending", "it is all ending tonight" stay readable
    r"\b(?:the|that|its|a|an) (?:happy |sad |twist |alternate |alternative |surprise |open )?ending"
    r" (?:of|to|in) (?:the|this|that|a) (?:film|movie|book|show|series|season|game|episode|story"
    r"|novel|play|anime|manga|drama)\b|\bthe ending (?:ruined|made|was|is) (?:it|so|really|kind of"
    r"|kinda|a bit|such|the best|the worst|good|bad|sad|great|terrible|awful|rubbish"
    r"|disappointing|perfect|amazing|confusing|rushed|weird|predictable|brilliant)\b",
    r"\b(?:goodbye|bye) (?:forever )?to (?:that|the|my|this) (?:\w+ )?(?:job|manager|boss|place"
    r"|company|school|office|team|workplace|ex|commute|house|flat|city)\b",
    r"\b(?:i would|id) rather die than (?:wear|eat|watch|listen to|be seen|sit through|support"
    r"|lose|go to|sing)\b|\b(?:wear|eat|watch|support|sing)\b(?: \w+){0,6} (?:i would|id) rather"
    r" die\b(?= *$)",
    r"\bno point (?:staying|working|applying) (?:where|at|in|on|with|there|for)\b",
    r"\brope (?:to|for) (?:tie|tying|secure|securing|lash\w*|pull\w*|tow\w*)\b(?! (?:myself|me"
    r"|round my|around my))",
    r"\b(?:could|would|i will|ill|going to|gonna) kill (?:for|him|her|them|you|that)\b",
    r"\bmakes? me want to (?:kill|die)\b(?= (?:lol|haha|laughing|of))",
    # die / dying / dead
    r"\b(?:die|dying|died|dead) (?:of|from|with|laughing|inside lol) (?:laughter|laughing|"
    r"embarrassment|shame|boredom|the heat|heat|cold|thirst|hunger|curiosity|cringe|cuteness|"
    r"excitement|jealousy|happiness|exhaustion|old age|suspense|anticipation)\b",
    r"\b(?:dying|die|dead|died) laughing\b",
    r"\bdying to (?:see|try|know|meet|go|get|hear|read|watch|eat|tell|find out|visit|play|have|do"
    r"|ask|show|talk|catch up)\b",
    r"\bto die for\b",
    r"\bdie hard\b",
    r"\bdie alone\b",
    r"\b(?:would|could|will|i would|id) die for (?:you|her|him|them|my \w+|a|this|that|some)\b",
    r"\bdie (?:my|her|his|your|the) (?:hair|clothes|shirt|jeans|beard|eyebrows)\b",
    r"\b(?:i am|i was) (?:so |literally |actually )?(?:dead|dying|deceased)\b(?= (?:lol|haha|"
    r"lmao|lmfao|hahaha|omg|xd))",
    r"\b(?:battery|phone|laptop|car|plant|plants|fish|goldfish|hamster|engine|wifi|server|"
    r"game|character|avatar) (?:is |was |has |just |finally )?(?:died|dead|dying|die)\b",
    r"\b(?:dead|bone) tired\b",
    r"\bdeadlines?\b",
    r"\bdead ?end\b",
    r"\bover my dead body\b",
    # hurt / cut / burn / hang / rope / jump / shoot / trigger, in their everyday senses
    r"\b(?:accidentally|by accident) (?:cut|burnt|burned|hurt|injured|hit|shot|stabbed) myself\b",
    r"\b(?:cut|burnt|burned|hurt|injured|hit|bruised|scratched|stabbed) myself (?:shaving|cooking"
    r"|chopping|slicing|gardening|by accident|accidentally|at the gym|at work|at football|"
    r"playing \w+|running|lifting|skiing|skating|training|working out|exercising|climbing|"
    r"falling|tripping|on (?:a|the|some) (?!purpose)\w+|with (?:a|the) (?:kitchen )?(?:knife|"
    r"door|hammer|saw|scissors|stapler) (?:while|when|by|making|cooking)|while \w+ing|"
    r"making \w+|in the kitchen|again at work)\b",
    r"\bcut (?:the (?:cord|onions?|cake|grass|lawn|tension|crap|power|check|deal|rope)|to the "
    r"chase|corners|costs|ties|class|my losses|our losses|my (?:hair|nails|fringe|bangs|"
    r"losses|toenails|finger|thumb)|back|down|it out|it close|(?:him|her|them) off|"
    r"out (?:sugar|carbs|coffee|alcohol|meat|dairy))\b",
    r"\bcutting (?:the (?:cord|onions?|cake|grass|lawn)|corners|costs|back|down|edge|board|"
    r"ties|class|it close|my (?:hair|nails))\b",
    r"\btie(?:d|s|ing)? the knot\b",
    r"\bhang(?:ing|s)? (?:out|in there|on|up|around|tight|over|(?:a|the|some|my|these|those|our) "
    r"(?:pictures?|paintings?|shel(?:f|ves)|mirrors?|washing|laundry|clothes|curtains?|frames?|"
    r"clock|coats?|lights|decorations|door|tv|art|posters?|blinds|bunting|hammock|swing))\b",
    r"\bhung ?over\b",
    r"\bgoodbye cruel world\b(?=.*\b(?:lol|haha|lmao|logging off|weekend|holiday|vacation"
    r"|emails?|work|office)\b)",
    # a dose that would harm an animal: "a toxic dose of chocolate for a labrador"
    r"\b(?:(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity)\b(?: \w+){0,4} (?:for|in)"
    r"|(?:an |a )?overdose (?:for|in|on)) (?:a |an |my |the |our )?(?:\w+ ){0,2}(?:dogs?|cats?"
    r"|puppy|kitten|pets?|labrador|lab|terrier|spaniel|retriever|rabbit|hamster|horse)\b",
    r"\b(?:old|ancient) and (?:going to|about to|will) die\b",
    r"\b(?:hangover|tequila|vodka|shots)\b(?: \w+){0,8} (?:last words|final words)\b",
    r"\bif i (?:hear|see|have to|get|read|watch)\b(?: \w+){0,6} one more time\b(?: \w+){0,10}"
    r" (?:lol|haha|lmao|xd)\b",
    r"\bkill me now\b(?= (?:my|our|the|this) (?:mother in law|mum in law|boss|manager|teacher"
    r"|in laws|neighbours?|kids?|toddler|wife|husband))",
    r"\bsleep forever (?:and then|then|before|until|till)\b",
    r"\brope (?:of )?(?:fairy )?lights\b|\b(?:my )?body (?:can not|cannot|could not) take"
    r" (?:it|this|the \w+)\b(?: any ?more)?",
    r"\b(?:broke|broken|sprained|twisted|hurt) my \w+ (?:jumping|falling|diving)\b(?: \w+){0,4}",
    r"\b(?:shell|hell|theyll|mumll|dadll) (?:literally |actually )?kill (?:me|us)\b",
    r"\bunaliv\w* (?:my|the|this|that) (?:laptop|phone|computer|printer|pc|tv|router|alarm|car"
    r"|plants?)\b|\bcut\w* weight\b",
    r"\benough rope to hang (?:myself|yourself|himself|herself|themselves|ourselves)\b",
    r"\b(?:jump|skipping|skip|tow|climbing|tent|washing|clothes|rope) ?ropes?\b(?! around)",
    r"\bropes? (?:course|swing|bridge|access|for (?:the|my|a) (?:tent|swing|boat|hammock|"
    r"climbing|dog|camping|trailer|clothesline|washing|garden|kids|tyre|tire))\b",
    r"\b(?:learn|learning|know|knows|show me|showed me|showing me) the ropes\b",
    r"\bropes? (?:in|into) (?:a|the) (?:deal|project|plan|scheme)\b",
    r"\brope (?:you|him|her|them|me) in\b",
    r"\bbungee(?: jump\w*)?|cliff (?:jumping|diving)|diving board|jump(?:ing|ed)? (?:rope|the gun"
    r"|ship|the queue|in the (?:pool|lake|sea)|on the (?:trampoline|bandwagon)|to conclusions)\b",
    r"\bpull(?:ed|ing)? the trigger on\b",
    r"\bshoot (?:me|us) (?:a|an) (?:message|text|email|dm|line|note)\b",
    r"\bshoot(?:ing)? myself in the foot\b",
    r"\b(?:hunting|target|paintball|nerf|water|glue|staple) (?:gun|rifle|pistol)s?\b",
    r"\b(?:gun|rifle|shotgun)s? (?:for|at) (?:hunting|the range|sport|target|deer|the club)\b",
    r"\bin front of (?:the|a) (?:train|bus) station\b",
    r"\bcatch(?:ing)? the (?:bus|train) (?:to(?! be honest)|home|into|from|back|at|every|this"
    r"|in the|with)\b",
    r"\bovers?leep\w*|sleep (?:in|on it|over)\b",
    r"\b(?:take|taking|took|forgot|forget|forgetting|remember|remembered) (?:to take )?my "
    r"(?:pills|meds|medication|tablets|vitamins)(?! all| at once| together)\b",
    r"\b(?:blood|burning|burn|cut|ice|power|drowning|drown)(?: out)? (?:pressure|calories|"
    r"bridge|sauce|notice|cream|noise|the noise|my sorrows|in (?:work|paperwork|emails))\b",
    r"\bdrowning in (?:work|paperwork|emails|homework|debt|assignments|laundry|tasks)\b",
    r"\b(?:the|this|our|my) (?:show|game|party|match) must go on\b",
    r"\bno point (?:in )?(?:arguing|asking|trying to explain|waiting|complaining|worrying)\b",
    r"\bbanging my head against (?:a|the) (?:brick )?wall\b",
    r"\bsuicide (?:squad|doors?|mission|run|sprints?|drills?|bomb\w*|attack\w*|king|pass|ball"
    r"|tackle|note (?:in|from) the (?:book|film|movie|show))\b",
    r"\bsuicide (?:prevention|awareness|research|statistics|stats|rates?|figures|bereavement|loss"
    r"|helplines?|hotlines?|line|crisis line|survivors?|support|hotline volunteer)\b",
    r"\b(?:wrote|made|did|drew up|updated|sorted|write|make|do) (?:a|our) will (?:with|together|"
    r"after|because|since|now that|when we|for the (?:house|baby|kids))\b",
    r"\b(?:eats?|ate|eating) (?:a|my) (?:whole|entire) (?:cake|pizza|tub|pack)\b",
    # suicide as a figure of speech (a career move, a pass in sport), skydiving, gym bars,
    # money worries, a pill's onset, a helpline number saved
    r"\b(?:political|career|social|commercial|electoral|financial|professional|brand|fashion"
    r"|reputational) suicide\b",
    r"\bjump\w* out of (?:a|an|the) (?:plane|aeroplane|airplane|aircraft|helicopter)\b"
    r"|\bsky ?div\w*|\bparachut\w*",
    r"\bhang\w* (?:from|on) (?:a|the) (?:pull ?up |chin ?up |monkey )?bars?\b",
    r"\b(?:tired of |sick of )?living (?:paycheck to paycheck|pay ?cheque to pay ?cheque|hand to"
    r" mouth|week to week|month to month|out of (?:a|my) suitcase)\b",
    r"\bhow long (?:does|do|will|would|did|should) (?:the|a|an|this|my|these|your) (?:\w+ )?"
    r"(?:pill|pills|tablets?|meds|medication|antibiotics?|antidepressants?|dose|jab|injection)"
    r" (?:take to|to) (?:work|kick in|start working|wear off)\b",
    r"\bsave (?:them|it|this|these|the numbers?|that number) (?:in|on|to|into) (?:your|my|their)"
    r" (?:phone|phones|contacts)\b",
    # gaming
    r"\b(?:killed|kill|kills|killing) myself (?:with|on|in) (?:my own |a |the )?(?:grenade|"
    r"rocket|c4|explosive|fall damage|lava|barrel|sticky|game|minecraft|fortnite|level)\b",
    r"\b(?:kill|kills|killed|killing|killstreak|kill streak|killcam|kill count|k d|kd|headshots?"
    r"|respawn\w*|spawn\w*|one shot|oneshot)\b(?= (?:in|on) (?:the )?(?:game|match|round|level"
    r"|lobby|ranked|raid|fortnite|minecraft|warzone|valorant|apex|cod|overwatch|roblox))",
    r"\bi (?:died|keep dying|kept dying) (?:to|on|in) (?:the|that|this) (?:boss|level|game|raid"
    r"|match|round|dungeon)\b",
)

# Other people: news, fiction and grief. These stop at the user's own words (see _NOT_ME).
ABOUT_OTHERS = (
    rf"\b{OTHERS} {_NOT_ME}{{0,8}}(?:suicid\w*|overdos\w*|self harm\w*|selfharm\w*|unaliv\w*|"
    r"killed (?:himself|herself|themselves)|took (?:his|her|their) (?:own )?life|cut\w*|burn\w*"
    r"|attempt\w*|hang\w*|jump\w*|driv\w*|drove|shot|shoot\w*|drown\w*|sleeps? forever"
    r"|saving|stockpil\w*|hoard\w*|hiding|giving away|gave away|relaps\w*|kms|end\w* (?:it all|it|"
    r"things|his life|her life|their lives?)|ready to (?:die|go)|wants? to die|wanted "
    r"to die|wanting to die|(?:not )?wanting to (?:live|be alive|be here|die)|scars?|kill\w*)\b",
    rf"\b(?:died|dies|death|deaths|lost|losing|loss|killed) (?:{_NOT_ME}{{0,3}})?(?:by|to|from|"
    r"of|through) (?:a |an )?(?:accidental )?(?:drug |opioid |heroin |fentanyl )?(?:suicide|"
    r"overdose)\b",
    rf"\b{_MEDIA} (?:{_NOT_ME}{{0,3}})?(?:about|on|of|for|where|in which|that) {_NOT_ME}{{0,3}}"
    r"(?:suicid\w*|self harm\w*|overdos\w*|killing (?:himself|herself|themselves)|hang\w*|"
    r"unaliv\w*|kills? (?:himself|herself|themselves))",
    r"\b(?:suicide|suicides|overdose|overdoses) (?:in|of|on) (?:the|this|that) (?:book|film|"
    r"movie|show|novel|series|game|episode|play|song|news|story)\b",
    r"\b(?:opioid|drug|fentanyl|heroin|teen|youth|male|veteran|murder|student|farmer|prison"
    r"|campus|child|celebrity|workplace) (?:overdose|suicide)s?\b",
    r"\b(?:suicide|self harm|overdose)s? (?:is|was|remains|are) (?:the|a) (?:leading|biggest|main|"
    r"second|major|common|top)\b",
    r"\bself harm (?:\w+ )?(?:rates?|admissions|charity|charities|statistics|stats|figures"
    r"|awareness|services|team|nurse|training|policy|research|prevention|support group)\b",
    r"\b(?:after|following|about) (?:a|the) (?:suicide|overdose)\b",
    r"\b(?:after|following) (?:an|his|her|their) overdose\b",
    r"\b(?:shoot|shot|shooting) myself in the foot\b",
    r"\b(?:nearly|almost|accidentally) (?:\w+ )?(?:killed|electrocuted|cut|burned|burnt|hurt|"
    r"stabbed|poisoned|gassed|drowned) myself (?:changing|fixing|repairing|installing|wiring|"
    r"replacing|putting|taking|doing|on (?:the|a|my) \w+|with (?:the|a) \w+|while|when|cooking|"
    r"falling|tripping|at)\b",
    r"\bclay (?:shooting|pigeon\w*)\b|\b(?:lend|lending|lent|borrow\w*) (?:me )?(?:his|her|my "
    r"\w+s) (?:gun|shotgun|rifle)\b",
    r"\bmy will (?:now|since|because|as|after|before) (?:the|that|we|our|i am getting|i got)\b",
    r"\b(?:pill|pills|meds|medication|tablet) (?:organi[sz]er|box|reminder|dispenser|schedule)\b",
    r"\b(?:hang|hanging|hung) (?:a |the )?(?:hammock|swing|curtains?|ham|bunting|lights|shelf|"
    r"picture|painting|washing)\b",
    r"\b(?:the )?death of me\b",
    r"\b(?:my )?life is (?:literally )?over\b(?=.*\b(?:lol|haha|lmao|show|series|season|cancelled|"
    r"canceled|sold out|tickets|game|match|phone|wifi|spoiler\w*)\b)",
    r"\b(?:jump|jumping)\b(?: \w+){0,4} (?:i am so |so |for )(?:happy|excited|thrilled|glad|joy)\b",
    r"\bhang myself (?:a|an|some|the) \w+",
    r"\b(?:burn\w*|wore|wear\w*|work\w*|ran|run\w*) myself (?:out|into the ground|ragged)\b",
    r"\bthere (?:was|has been|were|have been|is) (?:a|another|two|three|several|\d+) (?:suicides?|"
    r"overdoses?)\b|\ba suicide on the (?:train|line|tracks|railway|bridge|underground|tube)\b",
    r"\bjump\w* (?:in|into) the (?:pool|swimming pool|hot tub|jacuzzi|paddling pool)\b",
    r"\bkill\w* myself (?:laughing|with laughter)\b",
    r"\bcould (?:literally |honestly |easily )?sleep (?:forever|for (?:a|days|weeks|ever|a \w+))\b",
    r"\boverdos\w* on (?:garlic|salt|chill?i|spice|butter|junk food|food|pasta|bread|tea|puns"
    r"|memes|anime|kdramas|chocolate|sugar|caffeine|coffee|cake|sweets|candy|netflix|tv|carbs|"
    r"vitamin \w+|supplements|"
    r"cheese|pizza|christmas|social media|tiktok|energy drinks|red bull|vitamins|sun|\w+ lol)\b",
    r"\boverdose (?:symptoms|signs|risks?|treatment|limit|threshold|warning|info|information|advice"
    r"|in (?:children|kids|babies|toddlers))\b",
    r"\bsleep (?:forever|all day) (?:on (?:sundays|weekends|\w+days)|this weekend|after (?:this|"
    r"the|that) \w+|in (?:this|the) (?:bed|hotel))\b",
    r"\b(?:\w+ )?suicides\b(?! attempts?)",
    r"\bjump\w* (?:in|into|off) (?:the|a) (?:\w+ )?(?:lake|pool|sea|river|water|ocean|waves)\b(?="
    r" (?:with|for a swim|to cool|for fun|on holiday|at|in (?:the )?summer|together|naked|fully))",
    r"\b(?:one|the|for the) last time before (?:he|she|they|my \w+) (?:died|passed|went)\b",
    r"\b(?:overdose|suicide) (?:deaths|crisis|epidemic|rates?|numbers|cases|cluster)\b",
    r"\b(?:his|her|their) (?:own )?(?:suicide|overdose|attempt|death)\b",
    r"\b(?:himself|herself|themselves)\b",
)

MASK = at_word_starts(IDIOMS + ABOUT_OTHERS)
# Up to six words either side of a game's name. Run only when a game is named: tried at every
# word start, the six optional words cost more than all the other masks together.
_GAMING = re.compile(rf"(?<= )(?:{_GAME})(?= )")
GAME_MASK = at_word_starts(
    [
        rf"\b(?:in|on) (?:the |this |that |my )?(?:\w+ )?{_GAME} {_GAME_SAFE}{{0,6}}",
        rf"\b{_GAME_SAFE}{{0,6}}(?:in|on|playing) (?:the |this |that |my )?(?:\w+ )?{_GAME}\b",
    ]
)


def mask(text: str) -> str:
    """``text`` (normalised) with everyday and other-people phrases replaced by `` | ``."""
    masked = MASK.sub(" | ", text)
    if _GAMING.search(masked):
        masked = GAME_MASK.sub(" | ", masked)
    return masked


# A message that reports on suicide (news, statistics, research, a campaign, a helpline, a
# volunteer's shift, a patient or client) or on fiction. Its risk words are read only when the
# speaker also speaks of themselves: "I" outside the frames a reporter, reader or helper uses
# ("I read", "I volunteer", "what should I do") - see ``reported``.
_REPORT_WORDS = (
    r"(?:police|reported|reports?|reporting|according to|coroner|inquest|journalists?|article"
    r"|headlines?|news|newspaper|study|studies|research(?!ing)\w*|survey|surveys|percent|per cent"
    r"|statistics|stats|figures|rates?|data|charity|charities|campaign\w*|awareness"
    r"|volunteer\w*|helplines?|hotlines?|crisis line|crisis text line|samaritans|lifeline|988"
    r"|116 123|prevention|fundrais\w*|sponsored|workshop|webinar|counsell?ors?|patients?"
    r"|clients?|callers?|novel|film|movie|chapter|character|characters|episode|series|poem"
    r"|lyrics|screenplay|script|protagonist|narrator|heroine|villain|documentary|podcast|anime"
    r"|manga|fiction|essay|dissertation|thesis|lecture|module|was found|were found|body of"
    r"|pronounced dead|died in hospital|(?:a|the) (?:\d+ year old |young |local |teenage )?(?:man"
    r"|woman|teenager|teen|boy|girl|student|pupil|person|mother|father|pensioner|soldier"
    r"|veteran)\b(?! (?:who|that) i)|(?:man|woman|teenager|teen|boy|girl|pensioner) (?:aged|\d+)"
    r"|training|intervention|theory|review|exam|leaflets?|session|hearings?|investigation"
    r"|influencers?|viewers|breaking|pharmacists?|customers|students|nursing|literature"
    r"|transcripts?|interviews?|survivors|ethics|memorial|club|songs?|story|drama|kdrama|ep \d+"
    r"|event|movember|pshe|lesson|class|asking about|talk about|talking about|gossip\w*"
    r"|is it true|the difference between|explain|ideation|videos?|senator|the lead|player"
    r"|raid|boss|speedrun\w*|friend|husband|wife|partner|boyfriend|girlfriend|brother|sister"
    r"|son|daughter|child|children|niece|nephew|grandson|granddaughter|cousin|mystery|murder"
    r"|mate|bestie|bff|pal|stunt\w*|daredevil|footage|should i (?:say|tell|do|talk|ask|be worried)"
    r"|(?:keeps?|kept) (?:saying|telling (?:me|us|people)|talking about)|thriller|plot|whodunn?it"
    r"|coworkers?|colleagues?|flatmates?|roommates?|posters?|youth"
    r"|(?:a|the) (?:girl|boy|guy|lad|kid) in my"
    r"|(?:if|when) (?:you|someone|somebody|a friend|anyone|a loved one) (?:are|is|feel\w*|has"
    r"|have|says?|tells? you|mentions?|talks?)|people who|those who|anyone who|someone who)"
)
# "no job no wife no kids" names nobody being reported on.
REPORTED = at_word_starts([r"(?<!no )" + _REPORT_WORDS + r"\b"])
# "I", "me", "my" in a reporter's, reader's or helper's frame: not the speaker's own risk.
_ONLOOKER = at_word_starts(
    [
        r"i (?:just |have just |recently |once |also )?(?:read|saw|seen|heard|watched|learned"
        r"|learnt|volunteer\w*|work|am working|am training|trained|study|am"
        r" studying|am reading|was reading|am writing|was writing|wrote|found|do|did|raised|ran"
        r"|am running|help|helped|support|answer|answered|listen|listened|noticed|think (?:it|"
        r"that|this)|thought (?:it|that|this)|agree|disagree|cried|sobbed|loved|liked|hated"
        r"|recommend|want to (?:help|know|understand|learn|support|raise))\b",
        r"(?:what|how) (?:should|do|can|could|would) i\b|i (?:do not|did not|never) know (?:what"
        r"|how|if|whether)\b|i (?:am|was|feel) (?:so )?(?:worried|scared|afraid|concerned)"
        r" (?:about|for) \w+",
        r"(?:should|do|can|could) i (?:say|tell|do|talk|ask|help|call|report|reach|message|text"
        r"|contact|check|be (?:worried|concerned|scared))\b|(?:anything"
        r"|something) (?:else )?i (?:should|can|could) do\b"
        r"|i (?:have )?(?:referred|reported|called|rang|phoned|contacted|messaged|texted)\b"
        r"|i am (?:so |really )?(?:worried|concerned)\b"
        r"|i (?:think|suspect|believe|worry|fear|noticed|know) (?=(?:my|our|he|she|they|his|her)\b)"
        r"|(?:worried|scared|concerned|anxious) (?:about|for) (?:my|our) \w+"
        r"|i am (?:going|heading|driving|on my way) (?:round|over|to (?:her|his|their|see|check))"
        r"|i should (?:report|tell|say|do|call|ask)\b|i am not sure (?:if|whether|how|what)\b"
        r"|i do not know (?:if|whether|how|what)\b|i am (?:organi[sz]ing|doing|writing|running"
        r"|making|designing|printing|putting up|planning|hosting) (?:a|an|the|my)\b"
        r"|as a \w+ i\b|i want to (?:save|share|print)\b"
        r"|i (?:am|was) (?:a|an) (?:nurse|teacher|volunteer|student|doctor|counsell?or|researcher"
        r"|writer|parent|mum|mom|dad|gp|paramedic|\w+ worker|carer|pharmacist|mentor|coach"
        r"|\w+ist)\b",
        r"(?:lyrics|song|line|quote|chorus|verse|poem) (?:go|goes|says?|reads?|is)\b(?: \w+){0,10}",
        r"(?:told|tells|telling|asked|asks|showed|shows|show|showing|sent|called|gave|gives|handed)"
        r" me\b|(?:help|helps|helped|teach|"
        r"taught) me (?:to )?(?:understand|learn|write|with)\b",
        r"my (?:patients?|clients?|callers?|students?|pupils?|shift|course|training|essay|"
        r"dissertation|thesis|novel|story|screenplay|script|team|charity|class|job|work|research"
        r"|article|paper|book|volunteering|role|colleagues?|year|school|uni|office|street|town"
        r"|area|community|literature|exam|character|avatar|sim|short story|villain|hero|heroine"
        r"|protagonist|antagonist|oc"
        r"|nursing|students?)s?\b|my (?:best )?(?:mum|mom|dad|husband|wife|partner|son|daughter"
        r"|brother|sister|friend|boyfriend|girlfriend|parents|flatmate|roommate|cousin|uncle"
        r"|aunt|grandad|grandma|nan|mate|colleague|coworker|neighbour|neighbor)s? (?:s )?(?:is"
        r"|was|has|had|keeps|kept|been|says|said|told|tells|talks|talked|is talking|wants"
        r"|wanted|thinks|thought|tried|attempted|self harms|cuts|mentioned|texted|posted|sent|types"
        r"|writes|posts|uses|jokes|wrote|gave|gives|is giving|has given)\b(?: me\b)?"
        r"|my (?:\w+ ){1,3}(?:training"
        r"|review|exam|essay|story|students|class|course|thesis|dissertation)\b",
    ]
)
_SPEAKER = at_word_starts([r"(?:i|me|my|myself|mine)\b"])


def reported(text: str) -> bool:
    """Whether ``text`` (normalised, masked) reports on suicide, on someone else's risk or on
    fiction, and never has the speaker speak of themselves outside an onlooker's frame."""
    if REPORTED.search(text) is None:
        return False
    return _SPEAKER.search(_ONLOOKER.sub(" | ", text)) is None
