"""Cues: the word classes the stages look for around a trigger, as regular expressions.

Each pattern names one class of wording (calling off, future, past,
negation, habits, time framing, possessors, places...), grouped by what it
decides; :func:`found` searches a case-insensitive pattern the fast way.

>>> bool(FUTURE.search("Rubio will meet Motegi"))
True
"""

from __future__ import annotations

import re

__all__ = [
    "AFTER_EVENT",
    "ASKED_TO",
    "BACKGROUND_COUNT",
    "BARE_YEAR",
    "BASE_FORM",
    "BILATERAL",
    "BY_VISITOR_TO",
    "CALLED_OFF_PREDICATE",
    "CALL_WORDS",
    "CANCEL",
    "COMPOUND",
    "COMPOUND_BEFORE",
    "COUNTERFACTUAL",
    "COUNTERPART_GAP",
    "COURTESY_CALL",
    "DEADLINE_OF_A_PLAN",
    "DELEGATION",
    "DEMONYM_BEFORE",
    "DISTINCT",
    "DURING",
    "DURING_EVENT",
    "ENGAGEMENT_FRAME",
    "FIRST_BEFORE",
    "FUTURE",
    "FUTURE_AFTER",
    "HABITUAL",
    "HELD_BETWEEN",
    "INVITATION_OF",
    "INVITED_TO",
    "IN_PROGRESS_BEFORE",
    "IN_THE_DAY",
    "JOINT",
    "LEADER_TITLE",
    "LEADS_DELEGATION",
    "LED_BY",
    "LIST_GAP",
    "MEMBERS",
    "MINISTER_TITLE",
    "NAMED_REFERENCE",
    "NEGATED",
    "NEW_THREAD",
    "NOT_DONE",
    "NOT_EVENT_TIME",
    "OBJECT_BEFORE",
    "OF_PHRASE",
    "OTHER_EVENT_CLAUSE",
    "PARTICIPLE_ADJUNCT",
    "PASSIVE",
    "PAST",
    "PAST_FORMS",
    "PAST_VERB",
    "PLACE_MODIFIER",
    "PLEASANTRY",
    "PLURAL_MEETINGS",
    "POSSESSIVE",
    "POSSESSIVE_MARK",
    "POSSESSOR_GAP",
    "PREDICATIVE",
    "PRESENT_TENSE",
    "PRESUPPOSED",
    "PREVIOUS_OCCASION",
    "PURPOSE",
    "QUOTE",
    "REFERENCE",
    "RELATION_BEFORE",
    "RELATIVE_INFINITIVE",
    "REPORTED_AFTER",
    "RESCHEDULED",
    "SCHEDULE_WORDS",
    "SECOND_PLACE_GAP",
    "SEPARATE",
    "SEVERAL_STOPS",
    "SINCE_BEFORE",
    "SINCE_CLAUSE",
    "SINCE_WORD",
    "SOME_TIME_AFTER",
    "TOGETHER",
    "TOPIC_CUE",
    "TRIP_ENDED",
    "TRIP_NOUNS",
    "TRIP_PART",
    "VISIT_LENGTH",
    "WHEN_AFTER",
    "WHETHER",
    "WISH",
    "WITH_BEFORE",
    "YEAR_WRITTEN",
    "found",
]

# ---- Status: calling off, negation, counterfactuals and rescheduling.

CANCEL = re.compile(
    r"\b(?:called\s+off|call\s+off|cancel(?:l?ed|s|ing|lation)?|scrapped|scrap|shelved|axed|"
    r"postponed|postpone|postponement|put\s+off|suspended|delayed\s+indefinitely|skip|skips|skipped|skipping|"
    r"pull(?:ed|s|ing)?\s+out\s+of|(?:will|would|did)\s+not\s+go\s+ahead|won['’]t\s+go\s+ahead|"
    r"was\s+(?:cancell?ed|scrapped|called\s+off)|will\s+not\s+(?:visit|travel|meet|attend|go\s+to)|"
    r"won['’]t\s+(?:visit|travel|meet|attend|go\s+to)|no\s+longer\s+(?:visit|travel|meet|attend|plans?)|"
    r"(?:will|would|did)\s+not\s+(?:take\s+place|happen)|won['’]t\s+(?:take\s+place|happen)|"
    r"off\s+the\s+(?:schedule|agenda|calendar|itinerary))\b",
    re.IGNORECASE,
)
# A predicate that calls its subject off: "has been postponed", "will not take place".
CALLED_OFF_PREDICATE = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are|will\s+be|would\s+be)\s+(?:been\s+)?(?:now\s+)?"
    r"(?:cancell?ed|postponed|called\s+off|scrapped|shelved|put\s+off|axed|suspended)|"
    r"(?:will|would|did)\s+not\s+(?:take\s+place|happen|go\s+ahead)|won['’]t\s+(?:take\s+place|happen|go\s+ahead))\b"
)
RESCHEDULED = re.compile(
    r"\b(?:postponed|postpone|put\s+off|delayed|pushed\s+back|moved)\s+(?:it\s+)?(?:to|until|till)\b"
)
# A part of a trip, named when it is called off: "the Tokyo leg", "that stop", "the Seoul stopover".
TRIP_PART = re.compile(
    r"\b(?:the|that|this|its|his|her|their)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:leg|stop|stopover|portion)\b"
)
NEGATED = re.compile(
    r"\b(?:no|not\s+any)\s+(?:immediate\s+|current\s+)?plans?\s+to\b|\b(?:ruled\s+out|rules\s+out|denied|denies|"
    r"declined\s+to\s+(?:say|confirm)|has\s+not\s+decided|have\s+not\s+decided|no\s+decision)\b",
    re.IGNORECASE,
)
# A past negation right before a verb: "did not meet", "has never visited", "hasn't met".
NOT_DONE = re.compile(
    r"\b(?:(?:did|does|do|has|have|had)(?:\s+not|n['’]t)|never)\s+(?:yet\s+|even\s+|actually\s+)?$",
    re.IGNORECASE,
)
COUNTERFACTUAL = re.compile(
    r"\bhad\s+been\s+(?:due|expected|scheduled|set|slated|planned|planning|supposed|poised|tipped)\b|"
    r"\bwould\s+have\b|\b(?:was|were)\s+to\s+have\b|\b(?:was|were)\s+supposed\s+to\b",
    re.IGNORECASE,
)

# ---- Tense: future and planning cues, past forms, and what makes a clause's tense not the event's own.

FUTURE = re.compile(
    r"\b(?:will|would|shall|may|might|could|can|should)\b|['’]ll\b|"
    r"\b(?:is|are|was|were|be)\s+(?:also\s+|now\s+|still\s+)?(?:to|set|expected|scheduled|slated|due|poised|likely|"
    r"going\s+to|planning|preparing|tipped|tentatively)\b|"
    r"\b(?:plans?|planned|planning|aims?|aiming|intends?|intending|hopes?|hoping|seeks?|seeking|wants?|"
    r"expected|scheduled|slated|upcoming|forthcoming|coming|tentatively|prospective|proposed|"
    r"arranging|arranged|lined\s+up)\b",
    re.IGNORECASE,
)
FUTURE_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+)?(?:tentatively\s+)?(?:slated|set|scheduled|planned|expected|due)\s+"
    r"(?:for|to|on|in)\b|^[^.;]{0,30}?\bis\s+(?:to|expected\s+to)\b",
    re.IGNORECASE,
)
PREDICATIVE = re.compile(
    r"\bwhat\s+(?:is|was|are|were)\s+(?:likely|expected|set|poised)\s+to\s+be\b", re.IGNORECASE
)
PAST_FORMS = frozenset(
    [
        "met",
        "held",
        "had",
        "spoke",
        "spoken",
        "talked",
        "flew",
        "went",
        "came",
        "took",
        "made",
        "paid",
        "sat",
        "left",
        "arrived",
        "visited",
        "hosted",
        "welcomed",
        "received",
        "toured",
        "traveled",
        "travelled",
        "exchanged",
        "conferred",
        "attended",
        "joined",
        "invited",
        "extended",
        "phoned",
        "telephoned",
        "called",
        "landed",
        "headed",
        "returned",
        "departed",
        "participated",
        "was",
        "were",
    ]
)
PAST_VERB = re.compile(
    r"\b(?:met|held|had\s+(?:held|met)|visited|hosted|spoke|took\s+place|was\s+held|were\s+held|agreed|"
    r"confirmed|discussed|reaffirmed|pledged|vowed|exchanged|signed|said|announced|built|began|made|took|gave|"
    r"saw|went|came|brought|told|sat|[a-z]{3,}ed)\b"
)
PAST = re.compile(
    r"\b(?:met|held|had|visited|hosted|welcomed|received|spoke|talked|exchanged|made|took|traveled|travelled|"
    r"arrived|toured|paid|conferred|discussed|agreed|signed|attended|joined|extended|invited|phoned|"
    r"telephoned|was|were|did|marked|concluded|wrapped|began|started|ended)\b",
    re.IGNORECASE,
)
PRESENT_TENSE = re.compile(r"[a-z]+[^s]s$|[a-z]+ches$|[a-z]+shes$|[a-z]+ies$")
# A passive auxiliary right before a participle: "was invited", "has been invited".
PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:also\s+|formally\s+)?$")
# The bare form of a trigger verb, as it follows "and" in a shared infinitive ("to visit X and meet Y").
BASE_FORM = re.compile(r"meet|visit|hold|travel|attend|call|host|tour|sit|speak|talk|join|stop|fly|go")
# A gerund trigger after a reporting verb in the past: "said after meeting", "told reporters after visiting".
REPORTED_AFTER = re.compile(
    r"\b(?:said|told|wrote|announced|declared|stressed|insisted|posted|[a-z]{3,}ed)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:shortly\s+|soon\s+|right\s+|just\s+)?(?:after|while|when)\s+$"
)
# A gerund trigger dated by the main clause: ", days after hosting her", "shortly after landing in".
SOME_TIME_AFTER = re.compile(
    r",\s+(?:(?:a|one|two|three|several|few|many)\s+)?(?:days?|weeks?|hours?|months?|shortly|soon|just|right)\s+"
    r"after\s+$"
)
PARTICIPLE_ADJUNCT = re.compile(r"\b(before|after|while|when|upon)\s+$", re.IGNORECASE)
# An infinitive that names what someone was the first, last or one of many to do.
RELATIVE_INFINITIVE = re.compile(
    r"\b(?:the\s+(?:first|last|latest|only|second|third)\b[^.;,]{0,50}|among\s+[^.;,]{1,60})\s+to\s+$"
)
# An event noun framed by "during": "during a video call", "during their talks".
DURING = re.compile(r"\bduring\s+(?:an?|the|their|his|her|its)\s+(?:[\w-]+\s+){0,3}$")
# What refers to an engagement as already known: the tense of the clause around it is not its own.
PRESUPPOSED = re.compile(
    r"\b(?:follow-?ups?(?:\s+[a-z]+)?\s+(?:to|on|of)|outcomes?\s+of|results?\s+of|agreements?\s+(?:reached\s+)?"
    r"(?:at|during)|(?:momentum|progress)\s+(?:of|from|since)|since|following|after)\s+(?:the|their|last)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)

# ---- What is not one engagement: habits, tallies, questions, pleasantries and wishes.

# A habit or standing commitment after a trigger: "meet at least once a year", "hold talks regularly".
HABITUAL = re.compile(
    r"[^.;]{0,60}?\b(?:(?:at\s+least\s+)?(?:once|twice|(?:two|three|four)\s+times)\s+(?:a|per|every)\s+"
    r"(?:year|month|week)|every\s+(?:year|month|week|other\s+year)|on\s+a\s+regular\s+basis|regularly|annually)\b",
    re.IGNORECASE,
)
BACKGROUND_COUNT = re.compile(
    r"\b(?:several|many|multiple|numerous|countless|(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+times\b|"
    r"\bmore\s+(?:often|frequently)\s+than\b|\bon\s+(?:several|many|multiple|numerous)\s+occasions\b|"
    r"\b(?:repeatedly|regularly|frequently)\b",
    re.IGNORECASE,
)
WHETHER = re.compile(r"\bwhether\s+(?:[\w’']+\s+){0,4}$")
PLEASANTRY = re.compile(
    r"\b(?:pleased|glad|happy|delighted|honou?red|thrilled|grateful)\s+to\s+(?:meet|see|welcome|host|visit)\b",
    re.IGNORECASE,
)
WISH = re.compile(
    r"\blook(?:s|ed|ing)?\s+forward\s+to\b|\bhopes?\s+to\s+(?:one\s+day|someday)\b", re.IGNORECASE
)

# ---- Time: which time expressions date an event, and which date something else.

NOT_EVENT_TIME = re.compile(
    r"(?:\bsince(?:\s+[\w’']+){0,7}|\bsworn\s+in|\bassum\w+\s+office|\b(?:leaves?|left|takes?|took|enters?)\s+office(?:\s+in)?|\b(?:said|announced|reported|told\s+\w+|stated|added)(?:\s+on)?|"
    r"\b(?:entered|enters|entering|came|comes|went|goes)\s+into\s+(?:force|effect)(?:\s+in)?|\bas\s+of|\bdecision|\b(?:issued|released|published|posted|dated)(?:\s+on)?|\bfounded|\bestablished|\belected|\bappointed|\btook\s+office(?:\s+in)?)\s*$",
    re.IGNORECASE,
)
# "by" times that bound a plan ("visit by the end of March") rather than date a goal ("by 2027").
DEADLINE_OF_A_PLAN = re.compile(r"by\s+the\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?[a-z]+", re.IGNORECASE)
# "since Thursday" dates an engagement only as the start of one still going on, or of a "when" clause.
SINCE_WORD = re.compile(r"since\s+", re.IGNORECASE)
WHEN_AFTER = re.compile(r",?\s+when\b")
# "the first trip since 2019, when ...": background to the story, not one of its engagements
FIRST_BEFORE = re.compile(r"\bfirst\b(?:\s+[\w’'.-]+){0,6}\s*$", re.IGNORECASE)
IN_PROGRESS_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\b(?:\s+[\w’'.-]+){0,8}\s*$", re.IGNORECASE)
SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w’'.,-]+\s+){0,12}?[a-z]+(?:ed|ld|met|made|took|paid)\b")
BARE_YEAR = re.compile(r"(?:in|during|throughout)\s+((?:19|20)\d\d)", re.IGNORECASE)
YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")
POSSESSIVE = re.compile(r"['’]s\b")
RELATION_BEFORE = re.compile(r"\b(?:after|following|before|since|ahead\s+of|prior\s+to)\s+$", re.IGNORECASE)
# "during their tele-summit on Monday": the time of an engagement named just before it
ENGAGEMENT_FRAME = re.compile(
    r"\b(?:during|at|in|on|over)\s+(?:the|their|a|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?P<remote>(?:phone|telephone|video|virtual|tele)[\s-]?(?:call|talks|conversation|summit|meeting|conference)"
    r"|call|teleconference|videoconference)|talks|meeting|summit|visit|trip)\s+$",
    re.IGNORECASE,
)
# A clause about another event between a trigger and a later time: "came a day after ... fired".
OTHER_EVENT_CLAUSE = re.compile(
    r"\b(?:came|comes|come|coming)\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|four|five|several)\s+"
    r"(?:days?|weeks?|months?)\s+)?(?:after|before|as|amid)\b"
)
# What an invitation asks for, between it and a later time: "for X to lead ...", "to Tokyo".
INVITED_TO = re.compile(r"\bto\s+(?:[a-z]+|[A-Z][\w.-]+)\b")
SCHEDULE_WORDS = re.compile(
    r"\b(?:set|scheduled|planned|expected|slated|due|held|take\s+place|begins?|starts?|runs?)\b"
)
# The clause that places and dates the engagement a noun names: "a summit, which is expected to
# take place in Chengdu late next month", "the dialogue scheduled to be held in Washington on July 6".
VENUE_CLAUSE = re.compile(
    r",?\s*(?:(?:which|that)\s+(?:[\w’'-]+\s+){0,4}?)?(?:now\s+|tentatively\s+|currently\s+)?"
    r"(?:(?:take|takes|took)\s+place|(?:be|is|are|was|were)\s+held|happen|happens|happened|convene|convenes"
    r"|(?:scheduled|set|slated|due|planned|expected)\s+(?:to\s+(?:be\s+held|take\s+place|happen|convene)|for))\b",
    re.IGNORECASE,
)
# An engagement held at another: "meet on the sidelines of the summit", "talks during the forum".
SETTING_OF = re.compile(
    r"\b(?:(?:on|at)\s+the\s+(?:sidelines|margins?)\s+of|at|during)\s+"
    r"(?:the|a|an|this|next|their|its)\s+(?:[\w’'-]+\s+){0,4}$",
    re.IGNORECASE,
)
AUXILIARY_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|will|would)\s*$", re.IGNORECASE
)
ENGAGEMENT_NOUN_END = re.compile(
    r"\b(?:summit|meeting|conference|talks|dialogue|forum|consultations?|session)s?$", re.IGNORECASE
)
ARRIVAL_WORD = re.compile(r"(?:arriv|land|touch|reach)", re.IGNORECASE)
ARRIVAL_ADJUNCT = re.compile(r"\b(?:after|upon|on|shortly\s+after|soon\s+after)\s+$", re.IGNORECASE)
# A verb of its own between an engagement and a later place: "talks ... to invest in the US".
OTHER_PREDICATE = re.compile(
    r"\b(?:to|will|would|should|could|can|may|might|must)\s+(?!(?:be|the|a|an|his|her|their|its)\b)[a-z]{3,}\b"
)
# What follows the city of a dateline that opens a sentence: "Johannesburg:", "SEOUL (Wire) -".
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w .]{0,20})?\s*(?:\([^)]{1,30}\)\s*)?(?::|\s[-—–])\s")
# Where a venue clause stops: the next clause of the sentence.
VENUE_CLAUSE_END = re.compile(
    r",\s+(?:and|but|while|whereas|as|with|requiring|according|amid|after|before|where|who)\b|[;:—–]|\s-\s"
)
# "two days after the talks", "the eve of the summit": counted from an engagement the text names
NAMED_REFERENCE = re.compile(
    r"\b(?:after|before|following|ahead\s+of|prior\s+to|eve\s+of)\s+(?:the|their|his|her|its)\b",
    re.IGNORECASE,
)
IN_THE_DAY = re.compile(r"\bin\s+the\s+day\b", re.IGNORECASE)
# A sentence opening a new thread of the story, whose "earlier in the day" is the report's day.
NEW_THREAD = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In\s+other\s+news)\b")

# ---- Frames: a sentence that opens on an engagement already told.

DURING_EVENT = re.compile(
    r"^\s*(?:During|In|At|Over|Throughout)\s+(?:the|their|this|that|a|his|her)\s+(?:[\w-]+\s+){0,4}?"
    r"(?P<noun>conversation|call|phone\s+call|video\s+call|talks|meeting|summit|talk|videoconference|conference|"
    r"stay|visit|trip|tour)\b"
)
# "While in Japan, ...", "While he is in Seoul, ...": the stay the sentence's engagements are part of
WHILE_IN = re.compile(
    r"\s*(?:While|When)\s+(?:(?:he|she|they|[A-Z][\w.’'-]+)\s+(?:is|was|are|were)\s+)?(?:in|at)\s+(?:the\s+)?"
)
TRIP_NOUNS = frozenset({"stay", "visit", "trip", "tour"})
# "for a four-day visit", "a four-day, three-night itinerary": how many days a trip lasts
VISIT_LENGTH = re.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|[2-9]|1[0-4])[-\s]day\b"
    r"(?:,?\s+(?:one|two|three|four|five|six|seven|eight|nine|[1-9]|1[0-3])[-\s]nights?\b)?"
    r"(?:\s+(?:official|working|state|formal|bilateral|regional|overseas|foreign|diplomatic)){0,2}"
    r"\s+(?:visit|trip|tour|stay|itinerary|swing|journey|mission)s?\b",
    re.IGNORECASE,
)
# "an eight-day tour of Asian allies": a trip of several stops, not the length of one stay
SEVERAL_STOPS = re.compile(
    r"\s+(?:of|through|across|around)\b|\s+(?:to|in)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?:region|allies|nations|countries|capitals|partners|Asia|Europe|Africa|Indo-Pacific|Pacific|Middle\s+East)\b"
)
# "wrapped up a three-day visit on Wednesday": the day told is the trip's last
TRIP_ENDED = re.compile(
    r"\b(?:wrap(?:s|ped|ping)\s+up|wrap\s+up|end(?:s|ed|ing)|conclud(?:e|es|ed|ing)|w(?:ound|inds?|inding)\s+up|"
    r"clos(?:ed|ing)|cap(?:ped|ping)|finish(?:es|ed|ing)?)\b",
    re.IGNORECASE,
)
AFTER_EVENT = re.compile(
    r"^\s*(?:After|Following|Shortly\s+after|Right\s+after)\s+(?:the|their|his|her|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|call|conversation|session)\b"
)

# ---- Participants: possessors, objects, delegations, counterparts, invitations and titles.

QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")  # an unclosed “ stops at the next one: linear
POSSESSOR_GAP = re.compile(r"^\s*(?:[“\"‘]?[\w-]+[”\"’]?\s+){0,4}$")  # words, perhaps quoted
# The possessive ending after a name as found: "'s", "’", or ".'s" after "Jr".
POSSESSIVE_MARK = re.compile(r"\.?['’]s?")
WITH_BEFORE = re.compile(r"\bwith\s+(?:[A-Z][\w.’'-]*\s+|(?:of|for|the|and)\s+){0,8}$")
# What makes a person an object: a preposition or a verb right before the name and its title.
OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|on|by|from|for|met|meet|meets|meeting|hosted|hosts|host|called|invited|invites|told|"
    r"tells|asked|asks|thanked|thanks|welcomed|welcomes|received|receives)\s+"
    r"(?:[A-Z][\w.’'-]*\s+|(?:of|for|the|and)\s+){0,8}$"
)
# The "of" phrase after an event noun, up to the verb or clause break that ends it.
OF_PHRASE = re.compile(
    r"\s*of\s+(?:[^,;:()]|\([A-Z][\w.]{0,12}\))*?"
    r"(?=\s+(?:held|was|were|is|are|in|on|at|that|which)\b|[,;:]|\((?![A-Z][\w.]{0,12}\))|$)"
)
# A compound of sides right before an event noun: "the second Moon-Kim summit", "the inter-Korean talks".
COMPOUND_BEFORE = re.compile(
    r"(?P<compound>(?i:inter-korean)|(?:[A-Z][\w.]*(?:[-–/](?=[A-Z]))){1,3}[A-Z][\w.]*)"
    r"(?:\s+(?:[a-z][\w'’-]*|[A-Z][a-z]+(?:['’]s?)?)){0,3}\s+$"
)
HELD_BETWEEN = re.compile(
    r"\s*(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|is\s+to\s+be|are\s+to\s+be)\s+"
    r"(?:held|conducted|convened)\b[^.;]{0,80}?\b(?:between|among)\b"
)
COUNTERPART_GAP = re.compile(r"\s*(?:his|her|their|its|the)\s+(?:[\w.-]+\s+){0,2}counterparts?,\s*")
INVITATION_OF = re.compile(r"\b(?:at|on|upon)\s+the\s+$", re.IGNORECASE)
# A delegation and who leads it: "a delegation of lawmakers, led by X,".
DELEGATION = re.compile(r"\bdelegations?\b", re.IGNORECASE)
LEADS_DELEGATION = re.compile(
    r"\b(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\b"
)
ASKED_TO = re.compile(r"\b(?:for|invited|invites|asked|asks|urged|urges)\s+(?:[\w.-]+\s+){1,3}to\s+$")
MEMBERS = re.compile(r"(?:lawmakers|legislators|delegates|parliamentarians)", re.IGNORECASE)
LED_BY = re.compile(r"[\w\s-]{0,30}?,?\s+(?:led|headed)\s+by\s+")
LEADER_TITLE = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|king|emperor|leader)\b", re.IGNORECASE
)
MINISTER_TITLE = re.compile(r"\b(?:minister|secretary)\b", re.IGNORECASE)

# ---- Together or apart: one occasion of several people, or one engagement each.

COURTESY_CALL = re.compile(r"\bcall(?:s|ed)?\s+on\b|\bcourtesy\s+call", re.IGNORECASE)
BILATERAL = re.compile(r"\b(?:bilateral(?:ly)?|one-on-one|each|respectively|separately)\b", re.IGNORECASE)
# Words that make several people's meeting one occasion.
JOINT = re.compile(
    r"\b(?:tri-?lateral(?:ly)?|three-way|four-way|quadrilateral|joint(?:ly)?|together|all\s+three|the\s+three|"
    r"the\s+four|2\s*\+\s*2|two-plus-two|ministerial|multilateral|summit|dialogue|group|among|Quad|"
    r"roundtable|round-table|plenary|conference)\b",
    re.IGNORECASE,
)
# Words that make several people's meeting one occasion even when the event noun is plural.
TOGETHER = re.compile(
    r"\b(?:tri-?lateral(?:ly)?|three-way|four-way|quadrilateral|joint(?:ly)?|together|all\s+(?:three|four))\b",
    re.IGNORECASE,
)
# "meetings with A, B and C": one meeting with each.
PLURAL_MEETINGS = re.compile(r"\b(?i:meetings|summits|bilaterals|interactions)\b")
SEPARATE = re.compile(
    r"\b(?:separate|individual|one-on-one|bilateral)\s+(?:[\w-]+\s+)?(?:meetings|talks)\b", re.IGNORECASE
)

# ---- Places: destinations, place modifiers and lists of stops.

BY_VISITOR_TO = re.compile(r"\s+by\s+[^,;.()]{1,60}?\s+to\s+(?:the\s+)?")
PLACE_MODIFIER = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its)|['’]s)\s+(?:(?:first|second|last|recent)\s+)?$"
)
DEMONYM_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its)|['’]s)\s+(?:(?:first|second|last|recent|official|state|working)\s+)*"
    r"(?P<word>[A-Z][a-z]+)\s+$"
)
# What a trip is for: "for talks with", "for a day of meetings with".
PURPOSE = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,4}$")
LIST_GAP = re.compile(r",\s+")
SECOND_PLACE_GAP = re.compile(
    r"(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3})?,?\s+and\s+(?:then\s+)?"
)

# ---- References: an engagement told before, an earlier occasion, another one, a call's wording, topics.

REFERENCE = re.compile(
    r"^(?!\s*(?:a|an)\s)\s*(?:the|this|that|these|those|such)?\s*(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE
)
PREVIOUS_OCCASION = re.compile(r"\blast\s+(?:met|held|spoke|talked|sat|visited|hosted)\b", re.IGNORECASE)
DISTINCT = re.compile(
    r"\b(?:then|separate|separately|another|a\s+second|subsequent|later\s+held|"
    r"last\s+(?:met|held|spoke|talked|sat|visited|hosted))\b",
    re.IGNORECASE,
)
CALL_WORDS = re.compile(r"\b(?:call|phone|telephone|video|virtual)\b", re.IGNORECASE)
TOPIC_CUE = re.compile(
    r"\b(?:talks?|discussions?|discuss(?:ed|es|ing)?|agenda|topics?|issues?|cover(?:ed|s|ing)?|focus(?:ed|es)?|"
    r"concerns?|situation|exchange(?:d)? views|address(?:ed)?|review(?:ed)?|dialogue|meeting|visit|call)\b",
    re.IGNORECASE,
)
COMPOUND = re.compile(r"\b[A-Z][\w.]*(?:-[A-Z][\w.]*)+")

# ---- Participants and how many engagements a sentence reports.

__all__ += [
    "APART",
    "ASKS",
    "ELIDED_VERB",
    "INCLUDING_LIST",
    "PLURAL_RELATIVE",
    "PROPER_JOINT",
    "REMOTE_MEANS",
    "TOPIC_OF_TALK",
]

# Words that make one person's engagement with several people one with each.
APART = re.compile(r"\b(?:respectively|separately|in\s+separate\s+(?:calls|conversations|meetings|talks))\b")
# What a talk was about, right before the thing talked of: "spoke with X about the cancellation".
TOPIC_OF_TALK = re.compile(
    r"\b(?:about|over|regarding|concerning|to\s+(?:discuss|explain))\s+(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$"
)
# A relative clause about several people: ", who were both visiting", ", who are in Tokyo".
PLURAL_RELATIVE = re.compile(r",\s+who\s+(?:were|are|have|both|all|together)\b")
# A sentence that asks, its question mark last (before closing quotes): "Lee and Takaichi to meet?"
ASKS = re.compile(r"\?[\s\"'”’)]*$")
# What opens a clause whose verb is the one before it: "..., and separate meetings with B".
ELIDED_VERB = re.compile(r"\s*(?:(?:an?|the|separate|another|second|further|other|bilateral)\s+)+")
# "Joint" in a name or title ("Japan Joint Staff", "the Joint Chiefs"): not met together.
PROPER_JOINT = re.compile(r"\bJoint(?=\s+[A-Z])")

# People met, named as members of a group: "met senior officials, including Prime Minister A, ...".
INCLUDING_LIST = re.compile(
    r"\b(?:officials|leaders|counterparts|ministers|dignitaries|officers|figures|members|representatives)"
    r"(?:\s+[\w-]+){0,5}?,?\s+(?:including|among\s+them|such\s+as)\s"
)

# A meeting held at a distance, which makes it a call: "held the 2+2 with X via video conference".
REMOTE_MEANS = re.compile(
    r"\b(?:by|via|over|through)\s+(?:an?\s+|the\s+)?(?:(?:secure\s+)?video(?:[\s-]*(?:link|conference|call))?|"
    r"videoconference|video-conference|teleconference|tele-conference|(?:tele)?phone|virtual\s+(?:link|meeting|format))\b",
    re.IGNORECASE,
)


# Case-insensitive patterns, each with a case-sensitive twin searched for in the lower-cased
# text instead: Python's regular expressions are several times slower ignoring case.
_TWINS: dict[re.Pattern[str], re.Pattern[str]] = {}
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(?<!\\)[A-Z]")


def found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the case-insensitive ``pattern`` matches somewhere in ``text``.

    >>> found(CANCEL, "The trip was CALLED OFF on Monday")
    True
    """
    twin = _TWINS.get(pattern)
    if twin is None:
        # A pattern naming capitals (a lookahead for "[A-Z]") keeps ignoring case.
        cased = _UPPER_OUTSIDE_ESCAPES.search(pattern.pattern) is not None
        twin = pattern if cased else re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        _TWINS[pattern] = twin
    return twin.search(text.lower()) is not None
