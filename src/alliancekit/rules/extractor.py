"""The rule-based extractor: sentences -> mentions -> triggers -> drafts -> events.

For each body sentence the extractor finds people, places, times and
triggers, and turns each trigger into a *draft* event: participants from
the trigger's subject and object (or a possessor, or ``between``/``with``
phrases for nominal triggers), status from tense and modality, time from
the nearest time expression, location from the destination or an ``in``/
``at`` phrase. Nominal triggers with no participants ("The visit, slated
for next month, ...") refer back: they give their time, status and topics
to the latest matching draft. Drafts of one engagement are then merged, and
times resolved forward for planned events and backward for past ones.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence

import attrs

from alliancekit.actors import KnowledgeBase, name_key
from alliancekit.explain import Explanation, Mention
from alliancekit.extractor import ExtractionContext
from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Granularity,
    Location,
    Participant,
    Role,
    Status,
    TimeSpan,
)
from alliancekit.rules import lexicon
from alliancekit.rules.coreference import COUNTERPART, resolve_counterpart
from alliancekit.rules.mentions import (
    GroupMention,
    PersonFinder,
    PersonMention,
    PlaceMention,
    PronounMention,
    find_groups,
    find_places,
    find_pronouns,
)
from alliancekit.rules.text import Section, SectionKind, Sentence, article_sentences, sections
from alliancekit.rules.triggers import Trigger, find_triggers
from alliancekit.temporal import (
    Direction,
    TimeMention,
    day_offset,
    find_time_expressions,
    resolve,
    stated_year,
)

__all__ = ["RulesExtractor"]

_CLAUSE_BREAK = re.compile(
    r";|\s[—–]\s|,\s+(?:as|while|whereas|where|which|who|after|before|but|although|though|when)\b|"
    r",\s+(?:in|at|during|under|after)\s+which\b|,\s+(?:(?:a|one|two|three|several|a\s+few)\s+)?(?:days?|weeks?|hours?)\s+"
    r"(?:after|before)\b|,\s+and\s+that\b|"
    r"\b(?:said|says|told\s+\w+|announced|reported|added|noted|stated)\b(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?|"
    r"\baccording\s+to\b[^,]*,|\bas\s+(?=[A-Z])|"
    r",\s+as\s+well\s+as\b|,\s+and\s+(?:(?:earlier|later)\s+(?:this|that|last|next)\s+(?:week|month|year)\s+|"
    r"(?:last|next|this)\s+(?:week|month|year)\s+)?(?=(?:then\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:will|would|is|was|has|had|then|also|later|"
    r"held|met|spoke|flew|went|paid|made|took|sat|[a-z]+ed|[a-z]+s)\b)|"
    r",\s+and\s+(?:then\s+|later\s+|tomorrow\s+|today\s+|(?:on\s+)?[A-Z][a-z]+day\s+)?(?=(?:he|she|they)\s+(?:will|would|is|"
    r"was|are|were|has|had|then|also|later|[a-z]+ed|[a-z]+s)\b)|"
    r"\s+and\s+(?=(?:is|are|was|were|will|would|has|have|had)\s+(?:also\s+)?(?:expected|scheduled|set|slated|due|likely|"
    r"to|going|planning|poised)\b)|"
    r"\s+and\s+(?:to\s+|also\s+|then\s+|later\s+)?(?=(?:hold|meet|visit|pay|make|travel|tour|host|attend|co-chair|chair)\s)|\s(?:before|after|while)\s+(?=[a-z]+ing\b)|"
    r"\s(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?=(?:agreed|said|discussed|confirmed|reaffirmed|pledged|vowed|"
    r"expressed|emphasized|emphasised|stressed|urged|affirmed|noted|shared|underscored|highlighted|"
    r"announced|signed|welcomed|thanked|asked|called|praised|laid|offered|received|reviewed|explored)\b)"
)
# How far a trigger's clause reaches on either side at most, in characters: far beyond
# any clause of news prose, and a bound on the work each trigger costs.
_CLAUSE_REACH = 400
_RELATIVE_BREAK = re.compile(r",\s+(?:who|which|whose)\b")
_CANCEL = re.compile(
    r"\b(?:called\s+off|call\s+off|cancel(?:l?ed|s|ing|lation)?|scrapped|scrap|shelved|axed|"
    r"postponed|postpone|postponement|put\s+off|suspended|delayed\s+indefinitely|skip|skips|skipped|skipping|"
    r"pull(?:ed|s|ing)?\s+out\s+of|(?:will|would|did)\s+not\s+go\s+ahead|won['’]t\s+go\s+ahead|"
    r"was\s+(?:cancell?ed|scrapped|called\s+off)|will\s+not\s+(?:visit|travel|meet|attend)|"
    r"won['’]t\s+(?:visit|travel|meet|attend)|no\s+longer\s+(?:visit|travel|meet|attend|plans?)|"
    r"(?:will|would|did)\s+not\s+(?:take\s+place|happen)|won['’]t\s+(?:take\s+place|happen)|"
    r"off\s+the\s+(?:schedule|agenda|calendar|itinerary))\b",
    re.IGNORECASE,
)
_NEGATED = re.compile(
    r"\b(?:no|not\s+any)\s+(?:immediate\s+|current\s+)?plans?\s+to\b|\b(?:ruled\s+out|rules\s+out|denied|denies|"
    r"declined\s+to\s+(?:say|confirm)|has\s+not\s+decided|have\s+not\s+decided|no\s+decision)\b",
    re.IGNORECASE,
)
_COUNTERFACTUAL = re.compile(
    r"\bhad\s+been\s+(?:due|expected|scheduled|set|slated|planned|planning|supposed|poised|tipped)\b|"
    r"\bwould\s+have\b|\b(?:was|were)\s+to\s+have\b|\b(?:was|were)\s+supposed\s+to\b",
    re.IGNORECASE,
)
_RESCHEDULED = re.compile(
    r"\b(?:postponed|postpone|put\s+off|delayed|pushed\s+back|moved)\s+(?:it\s+)?(?:to|until|till)\b"
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|may|might|could|can|should)\b|['’]ll\b|"
    r"\b(?:is|are|was|were|be)\s+(?:also\s+|now\s+|still\s+)?(?:to|set|expected|scheduled|slated|due|poised|likely|"
    r"going\s+to|planning|preparing|tipped|tentatively)\b|"
    r"\b(?:plans?|planned|planning|aims?|aiming|intends?|intending|hopes?|hoping|seeks?|seeking|wants?|"
    r"expected|scheduled|slated|upcoming|forthcoming|coming|tentatively|prospective|proposed|"
    r"arranging|arranged)\b",
    re.IGNORECASE,
)
_PAST_FORMS = frozenset(
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
_PREDICATIVE = re.compile(
    r"\bwhat\s+(?:is|was|are|were)\s+(?:likely|expected|set|poised)\s+to\s+be\b", re.IGNORECASE
)
_PAST_VERB = re.compile(
    r"\b(?:met|held|had\s+(?:held|met)|visited|hosted|spoke|took\s+place|was\s+held|were\s+held|agreed|"
    r"confirmed|discussed|reaffirmed|pledged|vowed|exchanged|signed|said|announced|built|began|made|took|gave|"
    r"saw|went|came|brought|told|sat|[a-z]{3,}ed)\b"
)
_FUTURE_AFTER = re.compile(
    r"^[^.;]{0,40}?\b(?:(?:is|are|was|were)\s+)?(?:tentatively\s+)?(?:slated|set|scheduled|planned|expected|due)\s+"
    r"(?:for|to|on|in)\b|^[^.;]{0,30}?\bis\s+(?:to|expected\s+to)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:met|held|had|visited|hosted|welcomed|received|spoke|talked|exchanged|made|took|traveled|travelled|"
    r"arrived|toured|paid|conferred|discussed|agreed|signed|attended|joined|extended|invited|phoned|"
    r"telephoned|was|were|did|marked|concluded|wrapped|began|started|ended)\b",
    re.IGNORECASE,
)
_NOT_EVENT_TIME = re.compile(
    r"(?:\bsince(?:\s+[\w’']+){0,7}|\bsworn\s+in|\bassum\w+\s+office|\b(?:leaves?|left|takes?|took|enters?)\s+office(?:\s+in)?|\b(?:said|announced|reported|told\s+\w+|stated|added)(?:\s+on)?|"
    r"\b(?:entered|enters|entering|came|comes|went|goes)\s+into\s+(?:force|effect)(?:\s+in)?|\bas\s+of|\bdecision|\b(?:issued|released|published|posted|dated)(?:\s+on)?|\bfounded|\bestablished|\belected|\bappointed|\btook\s+office(?:\s+in)?)\s*$",
    re.IGNORECASE,
)
_DURING_EVENT = re.compile(
    r"^\s*(?:During|In|At|Over|Throughout)\s+(?:the|their|this|that|a|his|her)\s+(?:[\w-]+\s+){0,4}?"
    r"(?P<noun>conversation|call|phone\s+call|video\s+call|talks|meeting|summit|talk|videoconference|conference|"
    r"stay|visit|trip|tour)\b"
)
_TRIP_NOUNS = frozenset({"stay", "visit", "trip", "tour"})
_AFTER_EVENT = re.compile(
    r"^\s*(?:After|Following|Shortly\s+after|Right\s+after)\s+(?:the|their|his|her|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:talks|meeting|summit|call|conversation|session)\b"
)
_POSSESSOR_GAP = re.compile(r"^\s*(?:[\w-]+\s+){0,4}$")
_REFERENCE = re.compile(
    r"^(?!\s*(?:a|an)\s)\s*(?:the|this|that|these|those|such)?\s*(?:[a-z][\w-]*\s+){0,2}$", re.IGNORECASE
)
# A predicate that calls its subject off: "has been postponed", "will not take place".
_CALLED_OFF_PREDICATE = re.compile(
    r"\b(?:(?:has|have|had|was|were|is|are|will\s+be|would\s+be)\s+(?:been\s+)?(?:now\s+)?"
    r"(?:cancell?ed|postponed|called\s+off|scrapped|shelved|put\s+off|axed|suspended)|"
    r"(?:will|would|did)\s+not\s+(?:take\s+place|happen|go\s+ahead)|won['’]t\s+(?:take\s+place|happen|go\s+ahead))\b"
)
# A gerund trigger after a reporting verb in the past: "said after meeting", "told reporters after visiting".
_REPORTED_AFTER = re.compile(
    r"\b(?:said|told|wrote|announced|declared|stressed|insisted|posted|[a-z]{3,}ed)\s+(?:[a-z]+\s+){0,2}?"
    r"(?:shortly\s+|soon\s+|right\s+|just\s+)?(?:after|while|when)\s+$"
)
# Words that open a subordinate clause, whose events keep their own status.
_SUBORDINATOR = re.compile(r"\b(?:after|because|since|when|while|as|so\s+that)\b")
# Conjunctions after which a new subject starts its own clause: "was cancelled after Lazaro flew",
# "the two ministers confirmed that vice ministers will meet".
_CLAUSE_OPENER = re.compile(r"\b(?:after|because|since|when|while|that)\s+")
# A delegation and who leads it: "a delegation of lawmakers, led by X,".
_DELEGATION = re.compile(r"\bdelegations?\b", re.IGNORECASE)
_LEADS_DELEGATION = re.compile(
    r"\b(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?delegation\b"
)
_ASKED_TO = re.compile(r"\b(?:for|invited|invites|asked|asks|urged|urges)\s+(?:[\w.-]+\s+){1,3}to\s+$")
_MEMBERS = re.compile(r"(?:lawmakers|legislators|delegates|parliamentarians)", re.IGNORECASE)
_LED_BY = re.compile(r"[\w\s-]{0,30}?,?\s+(?:led|headed)\s+by\s+")
# What an invitation asks for, between it and a later time: "for X to lead ...", "to Tokyo".
_INVITED_TO = re.compile(r"\bto\s+(?:[a-z]+|[A-Z][\w.-]+)\b")
# A relative clause closed by a comma, whose tense is its own: ", who will accompany the Prime Minister,".
_CLOSED_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,")
# A sentence opening that frames an engagement: "During the talks", "At their meeting on Friday".
_FRAME_OPENING = re.compile(
    r"\s*(?:During|At|In|Over|Throughout)\s+(?:the|their|his|her|[A-Z][a-z]+day['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}"
)
_RELATIVE_START = re.compile(r"\s*(?:which|who|where|when)\b")
# The start of a prepositional aside: ", on a three-day visit to Japan through Friday,".
_ASIDE_START = re.compile(
    r"\s*(?:on|during|in|for|as\s+part\s+of|fresh\s+from|after)\s+(?:a|an|the|his|her|their)\b"
)
# What follows a relative clause when it was an aside of the main clause: its verb.
_FINITE_AFTER_ASIDE = re.compile(r"\s+(?:had|has|have|was|were|is|are|will|would|[a-z]+ed)\b")
# The possessive ending after a name as found: "'s", "’", or ".'s" after "Jr".
_POSSESSIVE_MARK = re.compile(r"\.?['’]s?")
# A clause about another event between a trigger and a later time: "came a day after ... fired".
_OTHER_EVENT_CLAUSE = re.compile(
    r"\b(?:came|comes|come|coming)\s+(?:just\s+|only\s+)?(?:(?:a|one|two|three|four|five|several)\s+"
    r"(?:days?|weeks?|months?)\s+)?(?:after|before|as|amid)\b"
)
# An engagement asked about, not announced: "whether he might stop in Tokyo".
# A past negation right before a verb: "did not meet", "has never visited", "hasn't met".
_NOT_DONE = re.compile(
    r"\b(?:(?:did|does|do|has|have|had)(?:\s+not|n['’]t)|never)\s+(?:yet\s+|even\s+|actually\s+)?$",
    re.IGNORECASE,
)
# A habit or standing commitment after a trigger: "meet at least once a year", "hold talks regularly".
_HABITUAL = re.compile(
    r"[^.;]{0,60}?\b(?:(?:at\s+least\s+)?(?:once|twice|(?:two|three|four)\s+times)\s+(?:a|per|every)\s+"
    r"(?:year|month|week)|every\s+(?:year|month|week|other\s+year)|on\s+a\s+regular\s+basis|regularly|annually)\b",
    re.IGNORECASE,
)
# The "of" phrase after an event noun, up to the verb or clause break that ends it.
_OF_PHRASE = re.compile(
    r"\s*of\s+(?:[^,;:()]|\([A-Z][\w.]{0,12}\))*?"
    r"(?=\s+(?:held|was|were|is|are|in|on|at|that|which)\b|[,;:]|\((?![A-Z][\w.]{0,12}\))|$)"
)
# A compound of sides right before an event noun: "the second Moon-Kim summit", "the inter-Korean talks".
_COMPOUND_BEFORE = re.compile(
    r"(?P<compound>(?i:inter-korean)|(?:[A-Z][\w.]*(?:[-–/](?=[A-Z]))){1,3}[A-Z][\w.]*)"
    r"(?:\s+(?:[a-z][\w'’-]*|[A-Z][a-z]+(?:['’]s?)?)){0,3}\s+$"
)
# An infinitive that names what someone was the first, last or one of many to do.
_RELATIVE_INFINITIVE = re.compile(
    r"\b(?:the\s+(?:first|last|latest|only|second|third)\b[^.;,]{0,50}|among\s+[^.;,]{1,60})\s+to\s+$"
)
# An event noun framed by "during": "during a video call", "during their talks".
_DURING = re.compile(r"\bduring\s+(?:an?|the|their|his|her|its)\s+(?:[\w-]+\s+){0,3}$")
_BY_VISITOR_TO = re.compile(r"\s+by\s+[^,;.()]{1,60}?\s+to\s+(?:the\s+)?")
_PLACE_MODIFIER = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its)|['’]s)\s+(?:(?:first|second|last|recent)\s+)?$"
)
_DEMONYM_BEFORE = re.compile(
    r"(?:\b(?:a|an|the|his|her|their|its)|['’]s)\s+(?:(?:first|second|last|recent|official|state|working)\s+)*"
    r"(?P<word>[A-Z][a-z]+)\s+$"
)
_COURTESY_CALL = re.compile(r"\bcall(?:s|ed)?\s+on\b|\bcourtesy\s+call", re.IGNORECASE)
_BILATERAL = re.compile(r"\b(?:bilateral(?:ly)?|one-on-one|each|respectively|separately)\b", re.IGNORECASE)
# Words that make several people's meeting one occasion.
_JOINT = re.compile(
    r"\b(?:tri-?lateral(?:ly)?|three-way|four-way|quadrilateral|joint(?:ly)?|together|all\s+three|the\s+three|"
    r"the\s+four|2\s*\+\s*2|two-plus-two|ministerial|multilateral|summit|dialogue|group|among|Quad|"
    r"roundtable|round-table|plenary|conference)\b",
    re.IGNORECASE,
)
# A passive auxiliary right before a participle: "was invited", "has been invited".
_PASSIVE = re.compile(r"\b(?:was|were|is|are|be|been|being|get|gets|got)\s+(?:also\s+|formally\s+)?$")
_WHETHER = re.compile(r"\bwhether\s+(?:[\w’']+\s+){0,4}$")
# The bare form of a trigger verb, as it follows "and" in a shared infinitive ("to visit X and meet Y").
_BASE_FORM = re.compile(r"meet|visit|hold|travel|attend|call|host|tour|sit|speak|talk|join|stop|fly|go")
# "by" times that bound a plan ("visit by the end of March") rather than date a goal ("by 2027").
_DEADLINE_OF_A_PLAN = re.compile(r"by\s+the\s+end\s+of\s+(?:the\s+|this\s+|next\s+)?[a-z]+", re.IGNORECASE)
# A gerund trigger dated by the main clause: ", days after hosting her", "shortly after landing in".
_SOME_TIME_AFTER = re.compile(
    r",\s+(?:(?:a|one|two|three|several|few|many)\s+)?(?:days?|weeks?|hours?|months?|shortly|soon|just|right)\s+"
    r"after\s+$"
)
# "earlier in the day": the day of the last past event told, else the day of the report.
# "two days after the talks", "the eve of the summit": counted from an engagement the text names
_NAMED_REFERENCE = re.compile(
    r"\b(?:after|before|following|ahead\s+of|prior\s+to|eve\s+of)\s+(?:the|their|his|her|its)\b",
    re.IGNORECASE,
)
_YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")
_BARE_YEAR = re.compile(r"(?:in|during|throughout)\s+((?:19|20)\d\d)", re.IGNORECASE)
# "since Thursday" dates an engagement only as the start of one still going on, or of a "when" clause.
_SINCE_WORD = re.compile(r"since\s+", re.IGNORECASE)
# "during their tele-summit on Monday": the time of an engagement named just before it
_ENGAGEMENT_FRAME = re.compile(
    r"\b(?:during|at|in|on|over)\s+(?:the|their|a|his|her)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:(?P<remote>(?:phone|telephone|video|virtual|tele)[\s-]?(?:call|talks|conversation|summit|meeting|conference)"
    r"|call|teleconference|videoconference)|talks|meeting|summit|visit|trip)\s+$",
    re.IGNORECASE,
)
_SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w’'.,-]+\s+){0,12}?[a-z]+(?:ed|ld|met|made|took|paid)\b")
_POSSESSIVE = re.compile(r"['’]s\b")
_RELATION_BEFORE = re.compile(r"\b(?:after|following|before|since|ahead\s+of|prior\s+to)\s+$", re.IGNORECASE)
_SINCE_BEFORE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# "the first trip since 2019, when ...": background to the story, not one of its engagements
_FIRST_BEFORE = re.compile(r"\bfirst\b(?:\s+[\w’'.-]+){0,6}\s*$", re.IGNORECASE)
_WHEN_AFTER = re.compile(r",?\s+when\b")
_IN_PROGRESS_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\b(?:\s+[\w’'.-]+){0,8}\s*$", re.IGNORECASE)
_IN_THE_DAY = re.compile(r"\bin\s+the\s+day\b", re.IGNORECASE)
# A sentence opening a new thread of the story, whose "earlier in the day" is the report's day.
_NEW_THREAD = re.compile(r"\s*(?:Meanwhile|Separately|Elsewhere|In\s+other\s+news)\b")
# What a trip is for: "for talks with", "for a day of meetings with".
_PURPOSE = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,4}$")
# A part of a trip, named when it is called off: "the Tokyo leg", "that stop", "the Seoul stopover".
_TRIP_PART = re.compile(
    r"\b(?:the|that|this|its|his|her|their)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:leg|stop|stopover|portion)\b"
)
_TOPIC_CUE = re.compile(
    r"\b(?:talks?|discussions?|discuss(?:ed|es|ing)?|agenda|topics?|issues?|cover(?:ed|s|ing)?|focus(?:ed|es)?|"
    r"concerns?|situation|exchange(?:d)? views|address(?:ed)?|review(?:ed)?|dialogue|meeting|visit|call)\b",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:[A-Z][\w.’'-]*\s+|(?:of|for|the|and)\s+){0,8}$")
# What makes a person an object: a preposition or a verb right before the name and its title.
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|to|on|by|from|for|met|meet|meets|meeting|hosted|hosts|host|called|invited|invites|told|"
    r"tells|asked|asks|thanked|thanks|welcomed|welcomes|received|receives)\s+"
    r"(?:[A-Z][\w.’'-]*\s+|(?:of|for|the|and)\s+){0,8}$"
)
_PREVIOUS_OCCASION = re.compile(r"\blast\s+(?:met|held|spoke|talked|sat|visited|hosted)\b", re.IGNORECASE)
_DISTINCT = re.compile(
    r"\b(?:then|separate|separately|another|a\s+second|subsequent|later\s+held|"
    r"last\s+(?:met|held|spoke|talked|sat|visited|hosted))\b",
    re.IGNORECASE,
)
_SEPARATE = re.compile(
    r"\b(?:separate|individual|one-on-one|bilateral)\s+(?:[\w-]+\s+)?(?:meetings|talks)\b", re.IGNORECASE
)
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\b")
_PLEASANTRY = re.compile(
    r"\b(?:pleased|glad|happy|delighted|honou?red|thrilled|grateful)\s+to\s+(?:meet|see|welcome|host|visit)\b",
    re.IGNORECASE,
)
_WISH = re.compile(
    r"\blook(?:s|ed|ing)?\s+forward\s+to\b|\bhopes?\s+to\s+(?:one\s+day|someday)\b", re.IGNORECASE
)
_SCHEDULE_WORDS = re.compile(
    r"\b(?:set|scheduled|planned|expected|slated|due|held|take\s+place|begins?|starts?|runs?)\b"
)
_QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")  # an unclosed “ stops at the next one: linear
_COUNTERPART_GAP = re.compile(r"\s*(?:his|her|their|its|the)\s+(?:[\w.-]+\s+){0,2}counterparts?,\s*")
_INVITATION_OF = re.compile(r"\b(?:at|on|upon)\s+the\s+$", re.IGNORECASE)
_LIST_GAP = re.compile(r",\s+")
_SECOND_PLACE_GAP = re.compile(
    r"(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3})?,?\s+and\s+(?:then\s+)?"
)
_PARTICIPLE_ADJUNCT = re.compile(r"\b(before|after|while|when|upon)\s+$", re.IGNORECASE)
_BACKGROUND_COUNT = re.compile(
    r"\b(?:several|many|multiple|numerous|countless|(?:two|three|four|five|six|seven|eight|nine|ten|\d+))\s+times\b|"
    r"\bmore\s+(?:often|frequently)\s+than\b|\bon\s+(?:several|many|multiple|numerous)\s+occasions\b|"
    r"\b(?:repeatedly|regularly|frequently)\b",
    re.IGNORECASE,
)
# What refers to an engagement as already known: the tense of the clause around it is not its own.
_PRESUPPOSED = re.compile(
    r"\b(?:follow-?ups?(?:\s+[a-z]+)?\s+(?:to|on|of)|outcomes?\s+of|results?\s+of|agreements?\s+(?:reached\s+)?"
    r"(?:at|during)|(?:momentum|progress)\s+(?:of|from|since)|since|following|after)\s+(?:the|their|last)\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)
_HELD_BETWEEN = re.compile(
    r"\s*(?:was|were|has\s+been|have\s+been|had\s+been|will\s+be|is\s+to\s+be|are\s+to\s+be)\s+"
    r"(?:held|conducted|convened)\b[^.;]{0,80}?\b(?:between|among)\b"
)
_CALL_WORDS = re.compile(r"\b(?:call|phone|telephone|video|virtual)\b", re.IGNORECASE)
_COMPOUND = re.compile(r"\b[A-Z][\w.]*(?:-[A-Z][\w.]*)+")


# Case-insensitive patterns, each with a case-sensitive twin searched for in the lower-cased
# text instead: Python's regular expressions are several times slower ignoring case.
_TWINS: dict[re.Pattern[str], re.Pattern[str]] = {}
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(?<!\\)[A-Z]")


def _found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the case-insensitive ``pattern`` matches somewhere in ``text``.

    >>> _found(_CANCEL, "The trip was CALLED OFF on Monday")
    True
    """
    twin = _TWINS.get(pattern)
    if twin is None:
        # A pattern naming capitals (a lookahead for "[A-Z]") keeps ignoring case.
        cased = _UPPER_OUTSIDE_ESCAPES.search(pattern.pattern) is not None
        twin = pattern if cased else re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        _TWINS[pattern] = twin
    return twin.search(text.lower()) is not None


@attrs.define
class _Party:
    """A participant while drafting: a person or a group."""

    person: PersonMention | None
    group: GroupMention | None
    role: Role

    @property
    def key(self) -> frozenset[str] | str:
        if self.person is not None:
            return _key(self.person)
        assert self.group is not None
        return f"group:{self.group.text.lower()}"

    @property
    def country(self) -> str | None:
        if self.person is not None:
            return self.person.country
        return self.group.country if self.group is not None else None


@attrs.define
class _Draft:
    """An event being assembled; becomes an :class:`Event` once merged."""

    type: EventType
    status: Status | None
    explicit_status: bool
    parties: list[_Party]
    time: TimeMention | None
    inherited_time: _Draft | None
    location: PlaceMention | None
    topics: list[str]
    spans: list[tuple[int, int]]
    sentence: int
    paragraph: int
    trigger: Trigger
    hosting: bool = False
    future_hint: bool = False
    alt_times: list[TimeMention] = attrs.field(factory=list)
    invited: bool = False
    counterfactual: bool = False
    previous_occasion: bool = False  # "they last met in October": an earlier occasion, for background
    distinct: bool = False
    fixed_time: TimeSpan | None = None
    onward: bool = False
    undated: bool = False
    companion_of: frozenset[str] | None = None
    status_from: _Draft | None = None
    in_headline: bool = False  # read from the headline or standfirst, whose present tense reports the past

    @classmethod
    def start(cls, sentence: Sentence, trigger: Trigger, parties: list[_Party]) -> _Draft:
        """A fresh draft for one trigger of one sentence; the rest is filled in later."""
        return cls(
            trigger.type,
            None,
            False,
            parties,
            None,
            None,
            None,
            [],
            [],
            sentence.index,
            sentence.paragraph,
            trigger,
            hosting=trigger.hosting,
        )

    def person_keys(self) -> set[frozenset[str]]:
        return {_key(p.person) for p in self.parties if p.person is not None}

    def has_person(self) -> bool:
        return any(p.person is not None for p in self.parties)


class _ClauseBreaks:
    """The clause breaks of one sentence, found once, for every trigger's clause.

    A trigger's clause runs from the last break before it to the first break
    after it. A relative clause closed by a comma before the trigger ("X,
    who also serves as Y, held talks") is an aside and no break.
    """

    def __init__(self, text: str) -> None:
        found = list(_CLAUSE_BREAK.finditer(text))
        self._text = text
        self._starts = [match.start() for match in found]
        self._ends = [match.end() for match in found]
        self._relative = [_RELATIVE_BREAK.match(match.group()) is not None for match in found]
        self._commas = [position for position, char in enumerate(text) if char == ","]
        # For each break, the nearest break at or before it that is not a relative one (-1: none).
        self._plain_before: list[int] = []
        latest = -1
        for position, relative in enumerate(self._relative):
            if not relative:
                latest = position
            self._plain_before.append(latest)

    def left_of(self, start: int) -> int:
        """Where the clause of a trigger starting at ``start`` begins."""
        last = bisect.bisect_right(self._ends, start) - 1  # the breaks ending by the trigger
        if last < 0:
            return 0
        if self._relative[last] and self._comma_between(self._ends[last], start):
            # Closed asides: every earlier relative break is closed by the same comma.
            last = self._plain_before[last]
            if last < 0:
                return 0
        return self._ends[last]

    def right_of(self, end: int) -> int:
        """Where the clause of a trigger ending at ``end`` ends: the next break, searched from there."""
        following = bisect.bisect_left(self._starts, end)
        inside = following > 0 and self._ends[following - 1] > end
        if inside:  # the trigger ends inside a break: search afresh, as the breaks found may differ
            match = _CLAUSE_BREAK.search(self._text, end)
            return len(self._text) if match is None else match.start()
        return self._starts[following] if following < len(self._starts) else len(self._text)

    def _comma_between(self, start: int, end: int) -> bool:
        place = bisect.bisect_left(self._commas, start)
        return place < len(self._commas) and self._commas[place] < end


class _SentenceFacts:
    """What one sentence holds, in document offsets.

    People and triggers are read at once: the person finder remembers who
    was named for later surnames, and triggers decide whether the sentence
    drafts anything. Times, places, pronouns and groups are read the first
    time something asks for them, since most sentences never need them.
    """

    def __init__(
        self,
        sentence: Sentence,
        persons: list[PersonMention],
        knowledge_base: KnowledgeBase,
    ) -> None:
        self.sentence = sentence
        self.persons = persons
        self._knowledge_base = knowledge_base
        text, offset = sentence.text, sentence.start
        quoted = [
            (offset + m.start(), offset + m.end())
            for m in _QUOTE.finditer(text)
            if len(m.group().split()) >= 3
        ]
        self.triggers = [
            t
            for t in find_triggers(text, offset)
            if not any(start <= t.start and t.end <= end for start, end in quoted)
        ]

    @functools.cached_property
    def cancelled(self) -> bool:
        """Whether the sentence speaks of calling something off."""
        return _found(_CANCEL, self.sentence.text)

    @functools.cached_property
    def future(self) -> bool:
        """Whether the sentence has a future or planning cue."""
        return _found(_FUTURE, self.sentence.text)

    @functools.cached_property
    def future_outside_predicates(self) -> bool:
        """Whether it has one outside "what is expected to be" phrases."""
        return _FUTURE.search(_PREDICATIVE.sub(" ", self.sentence.text)) is not None

    @functools.cached_property
    def countries(self) -> list[str]:
        """The countries the sentence names, in order, each once."""
        return _countries_in(self.sentence.text, exclude=set())

    @functools.cached_property
    def clause_breaks(self) -> _ClauseBreaks:
        return _ClauseBreaks(self.sentence.text)

    def next_verbal_start(self, index: int, after: int) -> int:
        """Where the first verbal trigger after trigger ``index`` and past ``after`` starts (local offsets).

        The sentence's length when there is none.
        """
        following = self._next_verbal[index]
        while following < len(self.triggers):
            start = self.triggers[following].start - self.sentence.start
            if start > after:
                return start
            following = self._next_verbal[following]
        return len(self.sentence.text)

    @functools.cached_property
    def _next_verbal(self) -> list[int]:
        """For each trigger, the index of the next verbal one (``len(triggers)`` when none)."""
        following = [len(self.triggers)] * len(self.triggers)
        upcoming = len(self.triggers)
        for position in range(len(self.triggers) - 1, -1, -1):
            following[position] = upcoming
            if self.triggers[position].form == "verbal":
                upcoming = position
        return following

    @functools.cached_property
    def times(self) -> list[TimeMention]:
        text, offset = self.sentence.text, self.sentence.start
        times = []
        for m in find_time_expressions(text):
            if _NOT_EVENT_TIME.search(text[max(0, m.start - 60) : m.start]) or m.text.lower().startswith(
                "until"
            ):
                continue
            if m.text.lower().startswith("by ") and not _DEADLINE_OF_A_PLAN.match(m.text):
                continue
            since = _SINCE_WORD.match(m.text)
            if (
                since is not None
                and _WHEN_AFTER.match(text, m.end)
                and not _FIRST_BEFORE.search(text[max(0, m.start - 60) : m.start])
            ):
                # "since March, when they met": the time of what the clause tells
                m = TimeMention(m.start + since.end(), m.end, m.text[since.end() :], m.year)
            elif since is not None and not _IN_PROGRESS_BEFORE.search(text[max(0, m.start - 80) : m.start]):
                continue  # "the first talks since 2019": another time than the event's
            times.append(TimeMention(offset + m.start, offset + m.end, m.text, m.year))
        return times

    @functools.cached_property
    def places(self) -> list[PlaceMention]:
        persons, times = self.persons, self.times
        return [
            p
            for p in find_places(self.sentence.text, self.sentence.start, self._knowledge_base)
            if not any(
                _overlaps(p.start, p.end, person.start, person.apposition_end or person.end)
                for person in persons
            )
            and not any(_overlaps(p.start, p.end, t.start, t.end) for t in times)
        ]

    @functools.cached_property
    def pronouns(self) -> list[PronounMention]:
        return [
            p
            for p in find_pronouns(self.sentence.text, self.sentence.start)
            if not any(_overlaps(p.start, p.end, m.start, m.end) for m in self.persons)
        ]

    @functools.cached_property
    def groups(self) -> list[GroupMention]:
        persons, pronouns = self.persons, self.pronouns
        return [
            g
            for g in find_groups(self.sentence.text, self.sentence.start)
            if not any(_overlaps(g.start, g.end, p.start, p.end) for p in persons)
            and not any(_overlaps(g.start, g.end, p.start, p.end) for p in pronouns)
        ]


class RulesExtractor:
    """The built-in rule-based extractor, registered as ``rules``.

    Pure Python: no model to download. See :mod:`alliancekit.rules` for what
    it reads and how.

    >>> from alliancekit.plugins import Plugins
    >>> plugins = Plugins.create(load_entrypoints=False)
    >>> doc = Document("d", "Foreign Minister Toshimitsu Motegi spoke by phone with Secretary of State "
    ...                "Marco Rubio on Friday.", dt.date(2026, 2, 3))
    >>> [(e.type.value, str(e.time.start)) for e in RulesExtractor().extract(doc, plugins.context())]
    [('call', '2026-01-30')]
    """

    name = "rules"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        """Find the events of one document."""
        return _DocumentRun(document, context.knowledge_base).events()

    def explain(self, document: Document, context: ExtractionContext) -> list[Explanation]:
        """Find the events of one document, each with its mentions and the reason for each field."""
        run = _DocumentRun(document, context.knowledge_base)
        return [run.explanation(event, draft) for event, draft in run.explained()]


@attrs.define
class _DocumentRun:
    """The state of one extraction over one document."""

    document: Document
    knowledge_base: KnowledgeBase
    drafts: list[_Draft] = attrs.field(factory=list)
    facts: list[_SentenceFacts] = attrs.field(factory=list)
    pending_cancel: _Draft | None = None
    delegation_leader: PersonMention | None = None
    leaders_read: set[int] = attrs.field(factory=set)

    @functools.cached_property
    def _sections(self) -> list[Section]:
        """The parts of the page, found once for the sentences and the title lines."""
        return sections(self.document.text)

    @functools.cached_property
    def _title_lines(self) -> str:
        """The headline and standfirst, whatever their case (title case is not read for events)."""
        return "\n".join(
            section.text
            for section in self._sections
            if section.kind in (SectionKind.HEADLINE, SectionKind.STANDFIRST)
        )

    def events(self) -> list[Event]:
        return [event for event, _ in self.explained()]

    def explained(self) -> list[tuple[Event, _Draft]]:
        """Every event of the document with the merged draft it was made from."""
        anchor = self.document.anchor
        finder = PersonFinder(self.knowledge_base, anchor, document_text=self.document.text)
        headline_drafts: list[_Draft] = []
        for sentence in article_sentences(self.document.text, self._sections):
            facts = self._read_sentence(sentence, finder)
            self.facts.append(facts)
            drafted = len(self.drafts)
            self._draft_events(facts)
            if sentence.section is not SectionKind.BODY:
                # The headline's own reading: kept apart so that the body never leans on it.
                headline_drafts.extend(self.drafts[drafted:])
                del self.drafts[drafted:]
        self.drafts.extend(headline_drafts)
        self._resolve_counterparts()
        del self.drafts[len(self.drafts) - len(headline_drafts) :]
        merged = _add_headline_drafts(_fold_into_calls(_merge(self.drafts, anchor)), headline_drafts)
        merged = _join_country_sides(merged, anchor)
        self._borrow_times(merged)
        _inherit(merged)
        merged = _join_companions(merged)
        self._years_from_paragraph(merged)
        self._count_from_earlier(merged)
        self._dateline_places(merged)
        return [(event, draft) for draft in merged if (event := self._to_event(draft)) is not None]

    # ------------------------------------------------------------ explaining

    def explanation(self, event: Event, draft: _Draft) -> Explanation:
        """The passages an event was read from, and why each of its fields has its value."""
        text = self.document.text
        sections_by_start = [(f.sentence.start, f.sentence.end, f.sentence.section.value) for f in self.facts]
        mentions = []
        for start, end in _unique_spans(draft.spans):
            section = next((name for s, e, name in sections_by_start if s <= start < e), "body")
            mentions.append(Mention(start, end, text[start:end], section))
        reasons = [
            ("participants", self._participants_reason(draft)),
            ("status", self._status_reason(event, draft)),
            ("time", self._time_reason(event, draft)),
            ("location", self._location_reason(event, draft)),
        ]
        return Explanation(event, mentions, reasons)

    def _participants_reason(self, draft: _Draft) -> str:
        described = []
        for party in draft.parties:
            if party.person is not None:
                how = _CUE_REASONS.get(party.person.cue, party.person.cue)
                described.append(f"{party.person.name} ({how})")
            elif party.group is not None:
                described.append(f"{party.group.text} (a group or government, not a named person)")
        return "; ".join(described)

    def _status_reason(self, event: Event, draft: _Draft) -> str:
        if draft.status_from is not None:
            return f"the tense of the main clause ('{draft.status_from.trigger.text}')"
        stated = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
        if stated is not event.status and event.time is not None:
            side = "before" if event.status is Status.OCCURRED else "after"
            return f"no tense decides it; its time lies {side} the publication date"
        if draft.explicit_status:
            return f"stated by the wording of its clause ('{draft.trigger.text}')"
        return "no cue in its clause; a report of what happened unless a plan is said"

    def _time_reason(self, event: Event, draft: _Draft) -> str:
        anchor = self.document.anchor
        if event.time is None:
            return "no time stated for it or for the engagement it belongs to"
        if event.time.start is None:
            return f"'{event.time.text}' is relative and the document has no publication date"
        if draft.fixed_time is not None:
            return f"'{draft.fixed_time.text}', counted from the engagement dated before it"
        if draft.time is not None:
            direction = "backward" if event.status is Status.OCCURRED else "forward"
            base = f"the publication date {anchor}" if anchor is not None else "the year the text states"
            return f"'{draft.time.text}', read {direction} from {base}"
        if draft.inherited_time is not None:
            source = draft.inherited_time
            return f"the time of the {source.type.value} it is part of ('{source.trigger.text}')"
        return f"'{event.time.text}'"

    def _location_reason(self, event: Event, draft: _Draft) -> str:
        if event.type is EventType.CALL:
            return "a call has no place"
        place = draft.location
        if event.location is None or place is None:
            return "no place stated for it"
        if place.start == 0 and place.end == 0:
            if place.kind == "country":
                return "'the country': the country the story last named"
            return "the dateline: where the story was filed"
        frame = draft.inherited_time
        if frame is not None and frame.location is place:
            return f"the place of the {frame.type.value} it is part of ('{place.text}')"
        return f"'{place.text}', named in the passage"

    # -------------------------------------------------------------- coreference

    def _resolve_counterparts(self) -> None:
        """Replace "his Japanese counterpart" in each draft by the person it stands for."""
        people = [person for facts in self.facts for person in facts.persons]
        for draft in self.drafts:
            anchors = [p.person for p in draft.parties if p.person is not None and p.person.title]
            if not anchors:
                continue
            for index, party in enumerate(draft.parties):
                group = party.group
                if group is None or COUNTERPART.fullmatch(group.text) is None:
                    continue
                named = [p for p in people if group.end <= p.start <= group.end + 2]
                if named:
                    draft.parties[index] = _Party(named[0], None, party.role)  # "his counterpart, X,"
                    continue
                anchor = anchors[0]
                country = self._counterpart_country(draft, anchor, group)
                on = self.document.anchor
                person = resolve_counterpart(anchor, country, people, self.knowledge_base, on)
                if person is None:
                    continue
                if person.cue == "counterpart":
                    person = attrs.evolve(person, start=group.start, end=group.end)
                draft.parties[index] = _Party(person, None, party.role)
        for draft in self.drafts:
            draft.parties = _unique_parties(draft.parties)

    def _counterpart_country(self, draft: _Draft, anchor: PersonMention, group: GroupMention) -> str | None:
        """A counterpart's country: as written, else the event's place, else the story's other country."""
        written = COUNTERPART.fullmatch(group.text)
        modifier = written.group("modifier") if written is not None else None
        if modifier:
            country = lexicon.country_of_word(modifier)
            if country is not None:
                return country
        if draft.location is not None and draft.location.country not in (None, anchor.country):
            return draft.location.country
        # The visit this meeting belongs to: the anchor's latest trip abroad drafted so far.
        for other in reversed(self.drafts[: self.drafts.index(draft)]):
            if (
                other.type is EventType.VISIT
                and other.location is not None
                and other.location.country not in (None, anchor.country)
                and _key(anchor) in other.person_keys()
            ):
                return other.location.country
        counts: dict[str, int] = {}
        for facts in self.facts:
            for person in facts.persons:
                if person.country is not None and person.country != anchor.country:
                    counts[person.country] = counts.get(person.country, 0) + 1
        if len(counts) == 1:
            return next(iter(counts))
        return None

    # ------------------------------------------------------------------ reading

    def _read_sentence(self, sentence: Sentence, finder: PersonFinder) -> _SentenceFacts:
        return _SentenceFacts(sentence, finder.find(sentence.text, sentence.start), self.knowledge_base)

    # ---------------------------------------------------------------- drafting

    def _draft_events(self, facts: _SentenceFacts) -> None:
        sentence = facts.sentence
        if facts.triggers and _DELEGATION.search(sentence.text):
            self._note_leader(facts)
        previous_subjects: list[_Party] = []
        sentence_status: Status | None = None
        negated_until = -1
        last_verbal: _Draft | None = None
        for index, trigger in enumerate(facts.triggers):
            if trigger.needs_call_context and not self._call_context(facts):
                trigger = attrs.evolve(trigger, type=EventType.MEETING, needs_call_context=False)
            left, right = self._clause(facts, trigger, index)
            if trigger.form == "verbal":
                draft = self._verbal(facts, trigger, left, right, previous_subjects)
            else:
                draft = self._nominal(facts, trigger, left, right, previous_subjects)
            if draft is None:
                continue
            if trigger.form == "verbal":
                previous_subjects = [
                    p for p in draft.parties if p.person is not None and p.person.start < trigger.start
                ] or previous_subjects
            if _found(_NEGATED, self.document.text[left : trigger.start]):
                continue
            if trigger.form == "verbal" and _NOT_DONE.search(
                self.document.text, max(left, trigger.start - 30), trigger.start
            ):
                negated_until = right
                continue  # "did not meet Trump during the summit": nothing happened
            if trigger.form == "nominal" and trigger.start < negated_until:
                continue  # the summit of that negated clause is its setting, not a meeting of theirs
            if _HABITUAL.match(self.document.text, trigger.end, right):
                continue  # "agreed to meet at least once a year": a commitment, not one engagement
            if _WHETHER.search(self.document.text, max(left, trigger.start - 40), trigger.start):
                continue  # "Asked whether he might stop in Tokyo": a question, not a plan
            if _found(_BACKGROUND_COUNT, self.document.text[left:right]):
                continue  # "they have spoken by phone several times since": a tally, not one engagement
            if _PLEASANTRY.search(self.document.text[max(left, trigger.start - 40) : trigger.end]) or _found(
                _WISH, self.document.text[left : trigger.start]
            ):
                continue  # "pleased to meet X again": the meeting under way, not a plan
            draft.status, draft.explicit_status = self._status(facts, trigger, left, right)
            draft.in_headline = facts.sentence.section is not SectionKind.BODY
            adjunct = _PARTICIPLE_ADJUNCT.search(
                self.document.text[max(0, trigger.start - 12) : trigger.start]
            )
            if adjunct and trigger.text.split()[0].lower().endswith("ing"):
                # "... tomorrow before flying on to Manila": the trip is as planned as the main clause,
                # and what the main clause reports happens before it, elsewhere.
                draft.onward = adjunct.group(1).lower() == "before"
                draft.status_from = last_verbal
            if trigger.form == "nominal" and not draft.explicit_status and sentence_status is not None:
                # "Ishiba held talks with Biden, as well as a meeting with Xi": one tense for both.
                draft.status = sentence_status
            elif trigger.form == "verbal" and draft.explicit_status:
                sentence_status = Status.PLANNED if trigger.proposal else draft.status
            if draft.undated:
                draft.status, draft.explicit_status = Status.OCCURRED, True  # "at the invitation of": made
            own_left, own_right = self._aside_around(facts, trigger, left, right)
            draft.counterfactual = _found(_COUNTERFACTUAL, self.document.text[own_left:own_right])
            if (
                not draft.counterfactual
                and last_verbal is not None
                and last_verbal.counterfactual
                and re.search(
                    r"\band\s+(?:to\s+)?$", self.document.text[max(0, trigger.start - 10) : trigger.start]
                )
                and _BASE_FORM.fullmatch(trigger.text.split()[0].lower())
            ):
                # "had been due to arrive ... and to hold talks", "had been expected to visit X and meet Y"
                draft.counterfactual = True
            frame = self._visit_subject(facts)
            if draft.counterfactual and frame is not None and frame.status is Status.CANCELLED:
                draft.status, draft.explicit_status = Status.CANCELLED, True
            if draft.counterfactual and facts.cancelled:
                draft.status, draft.explicit_status = Status.CANCELLED, True
            if (
                draft.counterfactual
                and draft.status is not Status.CANCELLED
                and self._called_off_before(facts)
            ):
                # "X has postponed the trip. X had been due to meet Y on Thursday.": it will not happen then.
                draft.status, draft.explicit_status = Status.CANCELLED, True
            if draft.invited and draft.status is not Status.CANCELLED:
                draft.status, draft.explicit_status = Status.PLANNED, True
            if not draft.undated:
                draft.time = self._time_for(facts, trigger, draft.status is Status.PLANNED, (left, right))
            if draft.time is None and not draft.undated:
                draft.inherited_time = self._during_event(facts, draft.person_keys()) or self._after_event(
                    facts
                )
                if draft.inherited_time is not None and draft.type is EventType.INVITATION:
                    draft.location = draft.location or draft.inherited_time.location
            if not trigger.companion:  # a companion goes where the one accompanied goes
                draft.location = draft.location or self._location_for(facts, trigger, draft, left, right)
            draft.topics = self._topics(facts, draft)
            if not draft.has_person():
                if draft.status is Status.CANCELLED:
                    self.pending_cancel = draft
                if not draft.parties:
                    self._refer_back(draft, facts)
                    continue
            pending = self.pending_cancel
            if (
                pending is not None
                and pending.type is draft.type
                and 0 < facts.sentence.index - pending.sentence <= 2
                and draft.status in (Status.PLANNED, Status.CANCELLED)
                and draft.counterfactual
            ):
                draft.status, draft.explicit_status = Status.CANCELLED, True
                draft.time = draft.time or pending.time
                draft.location = draft.location or pending.location
                self.pending_cancel = None
            if self._part_of_earlier(draft, facts):
                continue
            if not draft.has_person() and not _between_countries(draft):
                continue
            clause_before = self.document.text[left : trigger.start]
            draft.distinct = bool(_DISTINCT.search(clause_before + " " + trigger.text))
            draft.previous_occasion = bool(_PREVIOUS_OCCASION.search(clause_before + " " + trigger.text))
            for second in self._more_destinations(facts, trigger, draft, right):
                # "will travel to Seoul, Republic of Korea, and Manila": a stop in each. The trip's dates
                # span every stop; a later stop keeps them only if nothing later dates it on its own.
                self.drafts.append(
                    attrs.evolve(
                        draft,
                        location=second,
                        parties=list(draft.parties),
                        spans=list(draft.spans),
                        time=None,
                        alt_times=[],
                        inherited_time=draft,
                    )
                )
            if trigger.form == "verbal" and draft.status_from is None:
                last_verbal = draft
            if trigger.proposal:
                # "proposed a summit with X on Nov. 2": the time is the proposed meeting's.
                draft.time, draft.alt_times = None, []
            self.drafts.extend(self._separate(draft))
        if not facts.triggers:
            self._topics_for_previous(facts)
        if facts.cancelled:
            self._call_off_leg(facts)
        del sentence

    def _call_off_leg(self, facts: _SentenceFacts) -> None:
        """Cancel a plan when a later sentence calls off a part of its trip.

        "X had been due to fly to Tokyo on Saturday. The Tokyo leg has been
        called off.": the flight and its talks are cancelled.

        A sentence that calls off a part of a trip ("the Tokyo leg", "that
        stop") cancels the latest planned visit of the two sentences before,
        with the planned meetings that the visit's sentence names after it.
        """
        text = facts.sentence.text
        if _TRIP_PART.search(text) is None or _RESCHEDULED.search(text):
            return
        if any(d.sentence == facts.sentence.index and not d.trigger.abroad for d in self.drafts):
            return  # the sentence names its own engagement, and its status was read there
        for draft in reversed(self.drafts):
            gap = facts.sentence.index - draft.sentence
            if gap > 2:
                return
            if gap == 0:
                continue  # "... so that Rubio could return to Washington": not the leg called off
            if draft.type is EventType.VISIT and draft.status is Status.PLANNED:
                for other in self.drafts:
                    if other is draft or (
                        other.sentence == draft.sentence
                        and other.trigger.start > draft.trigger.start
                        and (other.status is Status.PLANNED or other.counterfactual)
                        and draft.person_keys() & other.person_keys()
                    ):
                        other.status, other.explicit_status = Status.CANCELLED, True
                return

    def _separate(self, draft: _Draft) -> list[_Draft]:
        """Split a meeting into one per counterpart where the text says they were apart.

        "Held separate meetings with A and B", or a visitor who "will meet
        Prime Minister A and Foreign Minister B" of one country.
        """
        if draft.type is EventType.VISIT:
            return _visits_by_government(draft)
        if draft.type is not EventType.MEETING:
            return [draft]
        if (
            not _SEPARATE.search(draft.trigger.text)
            and not self._calls_on_leader_and_minister(draft)
            and not self._meets_several_apart(draft)
            and not self._courtesy_calls(draft)
        ):
            return [draft]
        if self._courtesy_calls(draft):
            # "A, B and C also called on Prime Minister D": each paid a call of their own.
            named = [p for p in draft.parties if p.person is not None]
            host = [p for p in named if p.person is not None and p.person.start > draft.trigger.start]
            callers = [p for p in named if p.person is not None and p.person.start < draft.trigger.start]
            return [
                attrs.evolve(draft, parties=[caller, *host], spans=[*draft.spans], topics=[*draft.topics])
                for caller in callers
            ]
        subjects = [
            p for p in draft.parties if p.role in (Role.HOST, Role.PARTICIPANT) and p.person is not None
        ][:1]
        others = [p for p in draft.parties if p not in subjects and p.person is not None]
        if not subjects or len(others) < 2:
            return [draft]
        return [
            attrs.evolve(
                draft,
                parties=[*subjects, other],
                spans=list(draft.spans),
                topics=list(draft.topics),
                distinct=True,
            )
            for other in others
        ]

    def _courtesy_calls(self, draft: _Draft) -> bool:
        """Several visitors who "called on" one host: courtesy calls are paid one by one."""
        if not _COURTESY_CALL.search(draft.trigger.text):
            return False
        callers = [p for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start]
        hosts = [p for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start]
        return len(callers) >= 2 and len(hosts) == 1

    def _meets_several_apart(self, draft: _Draft) -> bool:
        """One person meeting several named people, and nothing saying they met together.

        "Modi is expected to hold talks with Sunak and Macron": a meeting
        with each. "A trilateral with X and Y", "met X and Y together" or a
        summit of them all is one occasion.
        """
        if draft.hosting or draft.trigger.form != "verbal":
            return False
        subjects = [p for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start]
        objects = [p for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start]
        if len(subjects) != 1 or len(objects) < 2:
            return False
        sentence = self.facts[draft.sentence].sentence.text if draft.sentence < len(self.facts) else ""
        if _JOINT.search(sentence):
            return False
        countries = {p.country for p in objects}
        # People of one country (the hosts) are met one by one; people of several countries may be
        # one gathering ("met Wong, Jaishankar and Iwaya for an hour") unless the text says bilateral.
        return (len(countries) == 1 and None not in countries) or bool(_BILATERAL.search(sentence))

    def _calls_on_leader_and_minister(self, draft: _Draft) -> bool:
        if not re.match(r"(?:to\s+|will\s+)?(?:meet|meets|met)\b", draft.trigger.text) or draft.hosting:
            return False
        objects = [
            p.person for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start
        ]
        subjects = [
            p.person for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start
        ]
        countries = {p.country for p in objects}
        heads = [
            p for p in objects if p.title and _LEADER_TITLE.search(p.title) and "vice" not in p.title.lower()
        ]
        return (
            len(objects) >= 2
            and len(countries) == 1
            and None not in countries
            and bool(heads)
            and all(p.country not in countries for p in subjects)
        )

    def _call_context(self, facts: _SentenceFacts) -> bool:
        """Whether "spoke with" is a call: the sentence or the next one says so."""
        text = self.document.text
        following = text[facts.sentence.end : facts.sentence.end + 250]
        if _CALL_WORDS.search(facts.sentence.text) or _CALL_WORDS.search(following):
            return True
        # A readout titled "Secretary's Call with ..." reports the call as "spoke with".
        return bool(_CALL_WORDS.search(self._title_lines))

    def _clause(self, facts: _SentenceFacts, trigger: Trigger, index: int) -> tuple[int, int]:
        sentence = facts.sentence
        local_start = trigger.start - sentence.start
        local_end = trigger.end - sentence.start
        breaks = facts.clause_breaks
        left = max(breaks.left_of(local_start), local_start - _CLAUSE_REACH)
        right = min(
            breaks.right_of(local_end), facts.next_verbal_start(index, local_end), local_end + _CLAUSE_REACH
        )
        return sentence.start + left, sentence.start + right

    def _persons_between(self, facts: _SentenceFacts, start: int, end: int) -> list[PersonMention]:
        found = [p for p in facts.persons if start <= p.start and p.end <= end]
        for pronoun in facts.pronouns:
            if start <= pronoun.start and pronoun.end <= end and not pronoun.possessive:
                found.extend(self._resolve_pronoun(facts, pronoun))
        found.sort(key=lambda p: p.start)
        return _unique_persons(found)

    def _resolve_pronoun(self, facts: _SentenceFacts, pronoun: PronounMention) -> list[PersonMention]:
        """Resolve a pronoun or "the two leaders" to earlier people."""
        earlier = [p for p in facts.persons if p.end <= pronoun.start]
        if pronoun.plural:
            return self._resolve_plural(facts, pronoun, earlier)
        # "he" is no one the knowledge base knows as a woman, "she" no one it knows as a man.
        earlier = [p for p in earlier if self._gender_agrees(p, pronoun)]
        text = self.document.text
        if not pronoun.possessive and pronoun.text.lower() in ("him", "her") and len(earlier) > 1:
            # "Cho held talks with Rubio and asked him to visit": an object is not its verb's subject.
            subjects = [p for p in earlier if not _OBJECT_BEFORE.search(text[max(0, p.start - 60) : p.start])]
            others = [p for p in earlier if not subjects or _key(p) != _key(subjects[-1])]
            if others:
                return [attrs.evolve(others[-1], start=pronoun.start, end=pronoun.end, cue="pronoun")]
        # Someone met "with" in this sentence is not who "his" or "she" stands for.
        candidates = [p for p in earlier if not _WITH_BEFORE.search(text[max(0, p.start - 60) : p.start])]
        if not candidates:
            # "Today he holds talks with X, and tomorrow he ...": the same "he" as before.
            before = [
                other
                for other in facts.pronouns
                if other.end <= pronoun.start
                and not other.plural
                and other.text.lower() == pronoun.text.lower()
            ]
            if before:
                resolved = self._resolve_pronoun(facts, before[0])
                if resolved:
                    return [attrs.evolve(p, start=pronoun.start, end=pronoun.end) for p in resolved]
        if candidates or earlier:
            chosen = (candidates or earlier)[-1]
            return [attrs.evolve(chosen, start=pronoun.start, end=pronoun.end, cue="pronoun")]
        for previous in reversed([f for f in self.facts[-4:] if f is not facts]):
            if previous.sentence.paragraph < facts.sentence.paragraph - 2:
                break
            subject = self._subject_of(previous)
            if subject is not None and self._gender_agrees(subject, pronoun):
                return [attrs.evolve(subject, start=pronoun.start, end=pronoun.end, cue="pronoun")]
        return []

    def _gender_agrees(self, person: PersonMention, pronoun: PronounMention) -> bool:
        """Whether a singular pronoun can stand for the person (unknown genders always can)."""
        wanted = _PRONOUN_GENDER.get(pronoun.text.lower())
        if wanted is None or person.kb_id is None:
            return True
        record = self.knowledge_base.get(person.kb_id)
        return record is None or record.gender is None or record.gender == wanted

    def _resolve_plural(
        self, facts: _SentenceFacts, pronoun: PronounMention, earlier: list[PersonMention]
    ) -> list[PersonMention]:
        """Resolve "they", "the two ministers" and the like to the people they name."""
        lowered = pronoun.text.lower()
        count = 4 if "four" in lowered else 3 if "three" in lowered else 2
        fits = _plural_filter(lowered)
        if "visiting" in lowered:
            hosts = {
                _key(p.person)
                for draft in self.drafts
                if facts.sentence.index - draft.sentence <= 6
                for p in draft.parties
                if p.person is not None and (p.role is Role.HOST or (draft.hosting and p is draft.parties[0]))
            }
            base = fits
            fits = lambda person: base(person) and _key(person) not in hosts  # noqa: E731
        candidates: list[PersonMention] = []
        if lowered in {"they", "their", "them"} or len(_unique_persons(earlier)) >= 2:
            candidates = [p for p in _unique_persons(earlier) if fits(p)]
            if len(candidates) >= 2:
                return [
                    attrs.evolve(p, start=pronoun.start, end=pronoun.end, cue="pronoun") for p in candidates
                ]
        for draft in reversed(self.drafts):
            if facts.sentence.index - draft.sentence > 8:
                break
            persons = [p.person for p in draft.parties if p.person is not None and fits(p.person)]
            for person in persons:
                if all(_key(person) != _key(c) for c in candidates):
                    candidates.append(person)
            if len(candidates) >= count + 2:
                break
        named_here = {_key(p) for p in facts.persons if p.start > pronoun.end}
        if len(candidates) > count and named_here:
            # "The two ministers last met ..., when Rubio accompanied ...": one of them is named here.
            order = {id(p): i for i, p in enumerate(candidates)}
            candidates.sort(key=lambda p: (_key(p) not in named_here, order[id(p)]))
        if len(candidates) < 2:
            for previous in reversed(self.facts[-4:]):
                for person in reversed(previous.persons):
                    if fits(person) and all(_key(person) != _key(c) for c in candidates):
                        candidates.append(person)
        if len(candidates) < 2:
            return []
        return [
            attrs.evolve(p, start=pronoun.start, end=pronoun.end, cue="pronoun") for p in candidates[:count]
        ]

    def _subject_of(self, facts: _SentenceFacts) -> PersonMention | None:
        subject = next(
            (
                pronoun
                for pronoun in facts.pronouns
                if not pronoun.plural
                and pronoun.text.lower() in ("he", "she")
                and not (facts.persons and facts.persons[0].start < pronoun.start)
            ),
            None,
        )
        if subject is not None:
            # "He met the minister on Tuesday.": the subject is whom "He" was read as, not the minister.
            for draft in reversed(self.drafts):
                if draft.sentence != facts.sentence.index:
                    continue
                for party in draft.parties:
                    if party.person is not None and party.person.start == subject.start:
                        return party.person
        if facts.persons:
            return facts.persons[0]
        for draft in reversed(self.drafts):
            if draft.sentence == facts.sentence.index:
                persons = [p.person for p in draft.parties if p.person is not None]
                if persons:
                    return persons[0]
        return None

    def _verbal(
        self, facts: _SentenceFacts, trigger: Trigger, left: int, right: int, previous_subjects: list[_Party]
    ) -> _Draft | None:
        text = self.document.text
        left = self._subordinate_start(facts, trigger, left)
        subjects = self._persons_between(facts, left, trigger.start)
        subjects = [s for s in subjects if not s.possessive or s.cue == "pronoun"]
        asides = []
        for match in _RELATIVE_ASIDE.finditer(text, left, trigger.start):
            closing = text.rfind(",", match.end(), trigger.start)
            if closing > match.end():
                asides.append((match.start(), closing))
        subjects = [s for s in subjects if not any(a <= s.start < b for a, b in asides)] or subjects
        if not subjects:
            relative = re.search(
                r",\s+who\s+[^,;]*$", self.document.text[facts.sentence.start : trigger.start]
            )
            if relative is not None:
                head = facts.sentence.start + relative.start()
                subjects = [
                    p
                    for p in facts.persons
                    if 0 <= head - p.end <= 2 or (p.apposition_end and 0 <= head - p.apposition_end <= 2)
                ]
        if (
            not subjects
            and trigger.text.split()[0].lower().endswith("ing")
            and _REPORTED_AFTER.search(text[max(facts.sentence.start, trigger.start - 60) : trigger.start])
        ):
            # "X said after meeting Y": who met is who said so.
            said_by = self._persons_between(facts, facts.sentence.start, trigger.start)
            subjects = [p for p in said_by if not p.possessive][-1:]
        elif (
            not subjects
            and trigger.text.split()[0].lower().endswith("ing")
            and _SOME_TIME_AFTER.search(text[max(facts.sentence.start, trigger.start - 60) : trigger.start])
        ):
            # "X said he spoke with Y, days after hosting her": the sentence's subject hosted.
            subjects = [p for p in facts.persons if p.end <= trigger.start and not p.possessive][:1]
        if (
            not subjects
            and not previous_subjects
            and re.search(r"\band\s+(?:then\s+|also\s+)?$", text[max(0, trigger.start - 12) : trigger.start])
        ):
            # "X will arrive on Thursday and hold talks with Y": the sentence's subject.
            subjects = [
                p
                for p in self._persons_between(facts, facts.sentence.start, trigger.start)
                if not p.possessive and not _OBJECT_BEFORE.search(text[max(0, p.start - 60) : p.start])
            ][:1]
        objects = [p for p in self._persons_between(facts, trigger.start + 1, right) if not p.possessive]
        groups = [g for g in facts.groups if trigger.end <= g.start and g.end <= right]
        subject_groups = [g for g in facts.groups if left <= g.start and g.end <= trigger.start]
        text = self.document.text
        infinitive = text[max(0, trigger.start - 3) : trigger.start].lower() == "to "
        if trigger.needs_person_object:
            gap = text[trigger.end : objects[0].start] if objects else ""
            group_follows = (
                bool(groups)
                and not text[trigger.end : groups[0].start].strip(" ,").replace("the", "").strip()
            )
            counterpart = _COUNTERPART_GAP.fullmatch(gap) is not None  # "host his Japanese counterpart, X,"
            if (
                not group_follows
                and not counterpart
                and (
                    not objects
                    or len(gap.split()) > 8
                    or re.search(
                        r"[,;.]", gap.replace("U.S.", "US").replace("Adm.", "Adm").replace("Gen.", "Gen")
                    )
                )
            ):
                return None
        parties: list[_Party] = []
        if trigger.companion:
            return self._companion(facts, trigger, subjects, previous_subjects, left, right)
        if trigger.type is EventType.VISIT and trigger.traveller_inside:
            parties = [_Party(p, None, Role.VISITOR) for p in self._traveller_inside(facts, trigger, left)]
        elif trigger.type is EventType.VISIT:
            if infinitive:
                before = [p for p in facts.persons if p.end <= trigger.start and p.start >= left - 200] + [
                    person
                    for pronoun in facts.pronouns
                    if pronoun.end <= trigger.start and not pronoun.possessive
                    for person in self._resolve_pronoun(facts, pronoun)
                ]
                before.sort(key=lambda p: p.start)
                visitors = before[-1:] if before else subjects[-1:]
                invited = [
                    t for t in facts.triggers if t.type is EventType.INVITATION and t.end <= trigger.start
                ]
                if invited and self._invitees_in(facts):
                    visitors = self._invitees_in(facts)[:1]  # "X was invited by Y to visit": X visits
                shared = [p.person for p in previous_subjects if p.person is not None]
                if shared and re.search(
                    r"\band\s+(?:then\s+)?to\s+$", text[max(0, trigger.start - 16) : trigger.start]
                ):
                    visitors = shared  # "X was expected to meet Y ... and to tour the base": X tours
            else:
                visitors = (
                    subjects
                    or self._leaders(facts, subject_groups)
                    or [p.person for p in previous_subjects if p.person is not None]
                )
            parties = [_Party(p, None, Role.VISITOR) for p in visitors]
        elif trigger.type is EventType.INVITATION and _PASSIVE.search(
            text, max(0, trigger.start - 16), trigger.start
        ):
            # "Lee has been invited to the summit (by X)": the subject is invited, the agent invites.
            invitees = subjects or [p.person for p in previous_subjects if p.person is not None]
            agent = re.match(r"\s+(?:[\w-]+\s+){0,6}?by\s+", text[trigger.end : right])
            inviters = (
                [p for p in objects if p.start >= trigger.end + agent.end()][:1] if agent is not None else []
            )
            parties = [_Party(p, None, Role.INVITER) for p in inviters]
            parties += [_Party(p, None, Role.INVITEE) for p in invitees[:1]]
        elif trigger.type is EventType.INVITATION:
            inviters = subjects or [p.person for p in previous_subjects if p.person is not None]
            parties = [_Party(p, None, Role.INVITER) for p in inviters]
            invitees = objects[:1] if objects else []
            parties += [_Party(p, None, Role.INVITEE) for p in invitees]
            if not invitees:
                parties += [_Party(None, g, Role.INVITEE) for g in groups[:1]]
        else:
            if not subjects and not subject_groups:
                subjects = [p.person for p in previous_subjects if p.person is not None]
            frame = self._visit_subject(facts) if not subjects and trigger.type is EventType.MEETING else None
            if frame is not None:
                # "The visit would have included talks with his counterpart": the visitor talks.
                subjects = [p.person for p in frame.parties if p.person is not None]
            first_role = Role.HOST if trigger.hosting else Role.PARTICIPANT
            other_role = Role.GUEST if trigger.hosting else Role.PARTICIPANT
            if not subjects:
                subjects = self._leaders(facts, subject_groups)
                subject_groups = [] if subjects else subject_groups
            parties = [_Party(p, None, first_role) for p in subjects]
            parties += [_Party(None, g, first_role) for g in subject_groups]
            parties += [_Party(p, None, other_role) for p in objects]
            if not objects:
                leaders = self._leaders(facts, groups)
                parties += [_Party(p, None, other_role) for p in leaders]
                if not leaders:
                    parties += [_Party(None, g, other_role) for g in groups]
        parties = _unique_parties(parties)
        if not parties:
            return None
        draft = _Draft.start(facts.sentence, trigger, parties)
        draft.spans = [self._span(facts, trigger, parties, left, right)]
        return draft

    def _leaders(self, facts: _SentenceFacts, groups: list[GroupMention]) -> list[PersonMention]:
        """Who stands for a delegation: "a delegation, led by X," or the leader named earlier.

        The delegation's leader is remembered for the document, so "the
        delegation" of a later sentence is that person too.
        """
        self._note_leader(facts)
        leader = self.delegation_leader
        if leader is None:
            return []
        text = self.document.text
        return [
            attrs.evolve(leader, start=group.start, end=group.end)
            for group in groups
            if _DELEGATION.search(group.text)
            # "The lawmakers are to meet ...": the delegation's members, once one was named
            or (
                _MEMBERS.fullmatch(group.text)
                and text[max(0, group.start - 4) : group.start].lower() == "the "
            )
        ][:1]

    def _note_leader(self, facts: _SentenceFacts) -> None:
        """Remember who leads the delegation a sentence names: "a delegation, led by X,"."""
        if facts.sentence.index in self.leaders_read:
            return
        self.leaders_read.add(facts.sentence.index)
        text = self.document.text
        leads = _LEADS_DELEGATION.search(text, facts.sentence.start, facts.sentence.end)
        if leads is not None and not _ASKED_TO.search(text, max(0, leads.start() - 60), leads.start()):
            # "Rep. Dana Whitfield will lead a bipartisan delegation to Tokyo"; not "invited X to lead one"
            before = [p for p in facts.persons if p.end <= leads.start() and not p.possessive]
            if before:
                self.delegation_leader = before[-1]
        for group in facts.groups:
            led = _LED_BY.match(text, group.end, group.end + 60) if _DELEGATION.search(group.text) else None
            if led is None:
                continue
            leader = next((p for p in facts.persons if 0 <= p.start - led.end() < 80), None)
            if leader is not None:
                self.delegation_leader = leader

    def _aside_around(
        self, facts: _SentenceFacts, trigger: Trigger, left: int, right: int
    ) -> tuple[int, int]:
        """The relative clause set off by commas that holds the trigger, or the clause itself.

        "X, who arrived in Jakarta on Monday, had been due to fly to Seoul":
        the arrival's clause is the aside, so "had been due" is not its tense.
        """
        text = self.document.text
        openers = list(_RELATIVE_ASIDE.finditer(text, max(facts.sentence.start, left - 12), trigger.start))
        opened = openers[-1] if openers else None
        if opened is None or "," in text[opened.end() : trigger.start]:
            return left, right
        closed = text.find(",", trigger.end, facts.sentence.end)
        if closed < 0 or not _FINITE_AFTER_ASIDE.match(text, closed + 1):
            return left, right
        return max(left, opened.start()), closed

    def _subordinate_start(
        self, facts: _SentenceFacts, trigger: Trigger, left: int, *, of_any_type: bool = False
    ) -> int:
        """Where the clause of a verbal trigger starts when a conjunction opens it with its own subject.

        "... was cancelled after Lazaro flew to Jakarta": the flight's clause
        starts at "Lazaro"; "the two confirmed that vice ministers will meet":
        at "vice ministers". Otherwise ``left`` itself. Invitations keep their
        whole clause for their people, so only ``of_any_type`` (for reading
        a status) cuts theirs too.
        """
        if trigger.type is EventType.INVITATION and not of_any_type:
            return left  # who invites whom is read from the whole clause
        text = self.document.text
        openers = list(_CLAUSE_OPENER.finditer(text, left, trigger.start))
        opening = openers[-1] if openers else None
        if opening is None:
            return left
        if "," in text[opening.end() : trigger.start] and not opening.group().startswith("that"):
            return left
        if any(not p.possessive for p in self._persons_between(facts, opening.end(), trigger.start)) or any(
            opening.end() <= g.start and g.end <= trigger.start for g in facts.groups
        ):
            return opening.end()
        return left

    def _traveller_inside(self, facts: _SentenceFacts, trigger: Trigger, left: int) -> list[PersonMention]:
        """Who travels in "take him to X" (the pronoun) or "Macron's final destination will be X"."""
        for pronoun in facts.pronouns:
            if trigger.start <= pronoun.start and pronoun.end <= trigger.end:
                return self._resolve_pronoun(facts, pronoun)[:1]
        owners = [p for p in facts.persons if left <= p.start and p.end <= trigger.start and p.possessive]
        if owners:
            return owners[-1:]
        owned = [p for p in facts.pronouns if left <= p.start and p.end <= trigger.start and p.possessive]
        return self._resolve_pronoun(facts, owned[-1])[:1] if owned else []

    def _more_destinations(
        self, facts: _SentenceFacts, trigger: Trigger, draft: _Draft, right: int
    ) -> list[PlaceMention]:
        """The further stops of "travel to A, B, C and D" or "visit A, <its country>, and B"."""
        first = draft.location
        if trigger.type is not EventType.VISIT or not trigger.destination or first is None or first.end == 0:
            return []
        text = self.document.text
        found: list[PlaceMention] = []
        previous = first
        for place in sorted(facts.places, key=lambda mention: mention.start):
            if place.start <= previous.end:
                continue
            if place.start > right + 2:
                break
            gap = text[previous.end : place.start]
            if place.country == previous.country and place.kind == "country" and re.fullmatch(r",\s*", gap):
                previous = place  # "Seoul, South Korea": the stop's country, not another stop
                continue
            if not (_LIST_GAP.fullmatch(gap) or _SECOND_PLACE_GAP.fullmatch(gap)):
                break
            found.append(place)
            previous = place
        return found

    def _called_off_before(self, facts: _SentenceFacts) -> bool:
        """Whether one of the two sentences before, in this paragraph or the one before, calls a plan off."""
        for previous in self.facts[-3:]:
            if previous is facts or facts.sentence.index - previous.sentence.index > 2:
                continue
            if facts.sentence.paragraph - previous.sentence.paragraph > 1:
                continue
            if previous.cancelled and not _RESCHEDULED.search(previous.sentence.text):
                return True
        return False

    def _companion(
        self,
        facts: _SentenceFacts,
        trigger: Trigger,
        subjects: list[PersonMention],
        previous_subjects: list[_Party],
        left: int,
        right: int,
    ) -> _Draft | None:
        """A trip made as someone's companion: "X will accompany Y", "X is to travel with him"."""
        text = self.document.text
        if re.search(
            r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?$", text[max(0, trigger.start - 24) : trigger.start]
        ):
            return None  # "will not accompany": no trip
        visitors = subjects or [p.person for p in previous_subjects if p.person is not None]
        keys = {_key(p) for p in visitors}
        named = [p for p in facts.persons if trigger.end <= p.start < right and _key(p) not in keys]
        accompanied = named[:1]
        if not accompanied:
            pronoun = next(
                (p for p in facts.pronouns if trigger.end <= p.start < trigger.end + 12 and not p.plural),
                None,
            )
            if pronoun is not None:
                # "X and Y will travel with him": not X or Y, but who the story was about just before.
                accompanied = self._antecedent_outside(facts, keys)
        if not visitors or not accompanied:
            return None
        draft = _Draft.start(facts.sentence, trigger, [_Party(p, None, Role.VISITOR) for p in visitors])
        draft.companion_of = _key(accompanied[0])
        draft.spans = [self._span(facts, trigger, draft.parties, left, right)]
        return draft

    def _antecedent_outside(
        self, facts: _SentenceFacts, excluded: set[frozenset[str]]
    ) -> list[PersonMention]:
        """The subject of the nearest earlier sentence that is none of ``excluded``."""
        for previous in reversed(self.facts[-4:]):
            if previous is facts:
                continue
            for person in previous.persons:
                if _key(person) not in excluded:
                    return [person]
        return []

    def _nominal(
        self, facts: _SentenceFacts, trigger: Trigger, left: int, right: int, previous_subjects: list[_Party]
    ) -> _Draft | None:
        text = self.document.text
        parties: list[_Party] = []
        possessor = self._possessor(facts, trigger)
        after = text[trigger.end : right]
        between = (
            re.match(r"\s*(?:between|with|by|from|among|involving)\b", after)
            or re.search(r"\b(?:between|with)$", trigger.text)
            # "The talks were held in Manila on May 2 between A and B"
            or _HELD_BETWEEN.match(after)
        )
        objects: list[PersonMention] = []
        groups: list[GroupMention] = []
        if between:
            objects = self._persons_between(facts, trigger.end, right)
            groups = [g for g in facts.groups if trigger.end <= g.start and g.end <= right]
        elif (
            re.match(r"\s*(?:of|in|at)\b", after) or re.search(r"\b(?:of|in|at)$", trigger.text)
        ) and trigger.type is EventType.MEETING:
            groups = [
                g for g in facts.groups if trigger.end <= g.start and g.end <= min(right, trigger.end + 80)
            ]
            of_phrase = _OF_PHRASE.match(after if re.match(r"\s*of\b", after) else " of" + after)
            if (re.match(r"\s*of\b", after) or trigger.text.endswith("of")) and not groups and of_phrase:
                # "the meeting of Presidents A and B held on ...": the people of the "of" phrase.
                phrase_end = trigger.end + len(of_phrase.group())
                objects = [p for p in facts.persons if trigger.end <= p.start and p.end <= phrase_end]
        if (
            trigger.type is EventType.INVITATION
            and _INVITATION_OF.search(text[max(0, trigger.start - 12) : trigger.start])
            and re.match(r"\s*of\b", after)
        ):
            # "X arrives in Manila ... at the invitation of Y": Y invited X.
            inviters = [p for p in facts.persons if trigger.end < p.start <= trigger.end + 80][:1]
            guests = [
                p
                for p in self._persons_between(facts, facts.sentence.start, trigger.start)
                if not p.possessive
            ]
            if not guests:
                guests = [p.person for p in previous_subjects if p.person is not None]
            parties = [_Party(p, None, Role.INVITER) for p in inviters]
            parties += [_Party(p, None, Role.INVITEE) for p in guests[:1]]
            draft = _Draft.start(facts.sentence, trigger, _unique_parties(parties))
            draft.undated = True
            draft.spans = [self._span(facts, trigger, draft.parties, trigger.start, right)]
            return draft
        if trigger.type is EventType.INVITATION:
            from_match = re.search(r"\bfrom\b", after)
            to_match = re.search(r"\bto\b", after)
            inviters = [
                p
                for p in objects
                if from_match
                and p.start > trigger.end + from_match.start()
                and (not to_match or p.start < trigger.end + to_match.start())
            ]
            invitees = [p for p in objects if p not in inviters]
            parties = [_Party(p, None, Role.INVITER) for p in (possessor or inviters)]
            parties += [_Party(p, None, Role.INVITEE) for p in invitees[:1]]
        elif trigger.type is EventType.VISIT:
            visitors = possessor or [p for p in objects if re.match(r"\s*by\b", after)]
            by_phrase = re.search(r"\bby\s+", after[:100])
            if not visitors and by_phrase is not None:
                # "a visit to the Philippines by Prime Minister Shigeru Ishiba"
                start = trigger.end + by_phrase.end()
                visitors = [p for p in facts.persons if start <= p.start <= start + 45][:1]
            invited = False
            if not visitors:
                visitors = self._invitees_in(facts)
                invited = bool(visitors)
            parties = [_Party(p, None, Role.VISITOR) for p in visitors]
        else:
            if not possessor and between and between.group().strip() == "with":
                # "..., including talks with Mr Albanese": the sentence's subject takes part.
                possessor = [p.person for p in previous_subjects if p.person is not None]
                if not possessor:
                    # "X is preparing for a summit with Y": the clause's subject takes part.
                    possessor = [
                        p for p in self._persons_between(facts, left, trigger.start) if not p.possessive
                    ][:1]
            parties = [_Party(p, None, Role.PARTICIPANT) for p in possessor]
            parties += [_Party(p, None, Role.PARTICIPANT) for p in objects]
            parties += [_Party(None, g, Role.PARTICIPANT) for g in groups]
        text = self.document.text
        if (
            not parties
            and trigger.type is not EventType.VISIT
            and re.search(
                r"\b(?:in|at|during|via|by|over|through)\s+(?:an?|the|their)\s+(?:[\w-]+\s+){0,2}$",
                text[max(left, trigger.start - 40) : trigger.start],
            )
        ):
            # "Iwaya and Manalo agreed in a video conference": the clause's subjects took part.
            subjects = [p for p in self._persons_between(facts, left, trigger.start) if not p.possessive]
            if len(subjects) >= 2:
                parties = [_Party(p, None, Role.PARTICIPANT) for p in subjects]
        main = self._frame_main(facts, trigger)
        if not parties and main is not None:
            # "During the talks in Tokyo, which lasted an hour, the two ministers agreed ...": the
            # subjects of the clause the frame opens took part.
            subjects = [p for p in self._persons_between(facts, main, main + 60) if not p.possessive]
            if len(subjects) >= 2:
                parties = [_Party(p, None, Role.PARTICIPANT) for p in subjects]
        if trigger.type is EventType.MEETING and any(p.person is not None for p in parties):
            visit = self._visit_subject(facts)
            named = {_key(p.person) for p in parties if p.person is not None}
            if visit is not None and not named & visit.person_keys():
                # "The trip would include a meeting with Teodoro in Manila": the visitor meets him
                parties = [
                    _Party(p.person, None, Role.GUEST) for p in visit.parties if p.person is not None
                ] + parties
        if not any(p.person is not None for p in parties) and trigger.type is EventType.MEETING:
            visit = self._visit_subject(facts)
            if visit is not None:
                # "The visit would have included talks with his counterpart"
                parties = [
                    _Party(p.person, None, Role.GUEST) for p in visit.parties if p.person is not None
                ] + parties
        if not parties and _found(_CANCEL, self.document.text[left:right]):
            # "Mr Biden would also skip a planned stop in ...": the subject is the visitor.
            role = Role.VISITOR if trigger.type is EventType.VISIT else Role.PARTICIPANT
            subjects = [p for p in self._persons_between(facts, left, trigger.start) if not p.possessive]
            parties = [_Party(p, None, role) for p in subjects]
        if not parties:
            parties = self._compound_parties(facts, trigger)
        parties = _unique_parties(parties)
        draft = _Draft.start(facts.sentence, trigger, parties)
        if trigger.type is EventType.VISIT and invited:
            draft.invited = True
        span_start = min([trigger.start, *(p.start for p in possessor)])
        draft.spans = [self._span(facts, trigger, parties, span_start, right)]
        return draft

    def _compound_parties(self, facts: _SentenceFacts, trigger: Trigger) -> list[_Party]:
        """The sides a compound names before an event noun: "the Moon-Kim summit", "Japan-U.S.-ROK talks".

        Each part is the surname of a person the story names, or a country;
        "inter-Korean" is the two Koreas. Sides that are countries take part
        as their governments.
        """
        text = self.document.text
        before = _COMPOUND_BEFORE.search(text, max(facts.sentence.start, trigger.start - 80), trigger.start)
        if before is None:
            return []
        compound = before.group("compound")
        if compound.lower() == "inter-korean":
            parts = ["South Korea", "North Korea"]
        else:
            parts = [part for part in re.split(r"[-–/]", compound) if part]
        if len(parts) < 2:
            return []
        people = [person for earlier in self.facts for person in earlier.persons]
        parties: list[_Party] = []
        start = trigger.start - len(before.group()) + before.start("compound") - before.start()
        for part in parts:
            country = lexicon.country_of_word(part)
            if country is not None:
                group = GroupMention(start, start + len(compound), lexicon.country_name(country), country)
                parties.append(_Party(None, group, Role.PARTICIPANT))
                continue
            named = [p for p in people if p.name.split()[-1] == part or p.name.split()[0] == part]
            if not named:
                return []  # a part that is neither a country nor a person of the story: no sides
            parties.append(_Party(named[-1], None, Role.PARTICIPANT))
        return parties

    def _frame_main(self, facts: _SentenceFacts, trigger: Trigger) -> int | None:
        """Where the main clause starts when a sentence opens with a frame round this trigger.

        "During the talks in Tokyo, which lasted an hour, the two ministers
        agreed ...": the frame ends at the comma that no relative clause
        opens, and the main clause follows it. ``None`` for other triggers.
        """
        if trigger.type not in (EventType.MEETING, EventType.CALL) or trigger.form != "nominal":
            return None
        text = self.document.text
        if not _FRAME_OPENING.fullmatch(text, facts.sentence.start, trigger.start):
            return None
        position = trigger.end
        for _ in range(3):
            comma = text.find(",", position, facts.sentence.end)
            if comma < 0:
                return None
            if not _RELATIVE_START.match(text, comma + 1):
                return comma + 1
            position = comma + 1
            closing = text.find(",", position, facts.sentence.end)
            if closing < 0:
                return None
            position = closing + 1
            if not _RELATIVE_START.match(text, position):
                return position
        return None

    def _visit_subject(self, facts: _SentenceFacts) -> _Draft | None:
        """The visit a sentence opening "The visit ..." or "The trip ..." is about."""
        if not re.match(
            r"\s*(?:The|This|That|His|Her|Their)\s+(?:[\w-]+\s+)?(?:visit|trip|tour)\b", facts.sentence.text
        ):
            return None
        for draft in reversed(self.drafts):
            if facts.sentence.index - draft.sentence > 3:
                return None
            if draft.type is EventType.VISIT:
                return draft
        return None

    def _invitees_in(self, facts: _SentenceFacts) -> list[PersonMention]:
        """The people invited in this sentence: they make the visit it names."""
        for draft in reversed(self.drafts):
            if draft.sentence != facts.sentence.index:
                break
            if draft.type is EventType.INVITATION:
                return [p.person for p in draft.parties if p.role is Role.INVITEE and p.person is not None]
        return []

    def _possessor(self, facts: _SentenceFacts, trigger: Trigger) -> list[PersonMention]:
        text = self.document.text
        for person in reversed(facts.persons):
            if person.end <= trigger.start and person.possessive:
                mark = _POSSESSIVE_MARK.match(text, person.end)  # "'s", "’", or "Jr.'s"
                gap_start = mark.end() if mark is not None else person.end + 1
                if _POSSESSOR_GAP.match(text[gap_start : trigger.start]):
                    # "A and B's talks": take the coordinated names too.
                    return [person]
                break
        for pronoun in reversed(facts.pronouns):
            if pronoun.end <= trigger.start and pronoun.possessive:
                if _POSSESSOR_GAP.match(text[pronoun.end : trigger.start] + " "):
                    return self._resolve_pronoun(facts, pronoun)
                break
        return []

    def _span(
        self, facts: _SentenceFacts, trigger: Trigger, parties: Sequence[_Party], left: int, right: int
    ) -> tuple[int, int]:
        starts = [trigger.start] + [
            p.person.start for p in parties if p.person is not None and left <= p.person.start < right
        ]
        ends = [trigger.end] + [
            p.person.end for p in parties if p.person is not None and left <= p.person.start < right
        ]
        ends += [g.group.end for g in parties if g.group is not None and g.group.end <= right]
        start, end = max(min(starts), facts.sentence.start), min(max(ends), facts.sentence.end)
        return start, end

    # ------------------------------------------------------------ attributes

    def _status(
        self, facts: _SentenceFacts, trigger: Trigger, left: int, right: int
    ) -> tuple[Status | None, bool]:
        text = self.document.text
        # "X said he would return after Y extended an invitation": the clause's own tense.
        left = self._subordinate_start(facts, trigger, left, of_any_type=True)
        if trigger.form == "verbal":
            left, right = self._aside_around(facts, trigger, left, right)
        clause = text[left:right]
        before = text[left : trigger.start]
        after = text[trigger.end : right]
        if (
            _found(_CANCEL, clause)
            and not _RESCHEDULED.search(clause)
            and self._cancel_applies(trigger, left, right)
        ):
            return Status.CANCELLED, True
        main = self._frame_main(facts, trigger)
        if main is not None:
            # "During the talks, the two agreed ...": the main clause's tense is the talks'.
            predicate = text[main : min(facts.sentence.end, main + 120)]
            future, past = _FUTURE.search(predicate), _PAST_VERB.search(predicate)
            if past is not None and (future is None or past.start() < future.start()):
                return Status.OCCURRED, True
            if future is not None:
                return Status.PLANNED, True
        if trigger.form == "nominal" and len(facts.triggers) == 1:
            # "Lee's trip to Washington, which had been planned for April, will not take place": the
            # sentence's one engagement is the subject its predicate calls off.
            rest = text[trigger.end : facts.sentence.end]
            if _CALLED_OFF_PREDICATE.search(rest) and not _RESCHEDULED.search(rest):
                return Status.CANCELLED, True
        if trigger.form == "nominal" and _PRESUPPOSED.search(before):
            return None, False  # "follow-up measures to the summit in January": its own time decides
        infinitive_end = trigger.start + (3 if trigger.text.lower().startswith("to ") else 0)
        if trigger.form == "verbal" and _RELATIVE_INFINITIVE.search(
            text, max(facts.sentence.start, trigger.start - 80), infinitive_end
        ):
            # "was among the leaders to phone him", "the first president to visit": the tense of "was".
            tense = re.search(r"\b(?:was|were|had\s+been|became)\b", before)
            if tense is not None:
                return Status.OCCURRED, True
        if trigger.form == "nominal" and _DURING.search(before):
            # "revealed plans for a summit during a video call on Monday": the governing verb's tense.
            future, past = _FUTURE.search(before), _PAST_VERB.search(before)
            if past is not None and (future is None or past.start() < future.start()):
                return Status.OCCURRED, True
        if trigger.form == "verbal" and (
            text[max(0, trigger.start - 3) : trigger.start].lower() == "to "
            or re.search(r"\b(?:to|will|would|may|might|could)\s+\w+$", trigger.text)
        ):
            return Status.PLANNED, True
        if trigger.type is EventType.INVITATION:
            return (Status.PLANNED, True) if _found(_FUTURE, before) else (Status.OCCURRED, True)
        if "what" in before.lower():
            before = _PREDICATIVE.sub(" ", before)
        if "," in before:
            before = _CLOSED_ASIDE.sub(",", before)  # "Wong, who will accompany him, spoke with": past
        if _found(_FUTURE, before) or _found(_FUTURE_AFTER, after):
            return Status.PLANNED, True
        if trigger.form == "nominal" and re.search(
            r"\b(?:to\s+[a-z]+|toward|towards|ahead\s+of|in\s+preparation\s+for|prepare\s+for|preparations\s+for)\s+(?:[\w-]+\s+){0,5}$",
            before,
        ):
            return Status.PLANNED, True  # "agreed to arrange a visit", "plans to hold talks"
        local = before.rsplit(",", 1)[-1]
        if trigger.form == "nominal" and _PAST_VERB.search(local) and not _found(_FUTURE, local):
            return Status.OCCURRED, True
        if trigger.form == "nominal" and facts.future_outside_predicates and not _PAST_VERB.search(clause):
            return Status.PLANNED, False
        if trigger.form == "verbal":
            first = trigger.text.split()[0].lower()
            preceding = text[max(facts.sentence.start, trigger.start - 60) : trigger.start]
            if first.endswith("ing") and (
                _REPORTED_AFTER.search(preceding) or _SOME_TIME_AFTER.search(preceding)
            ):
                return Status.OCCURRED, True  # "X said after meeting Y", ", days after hosting her": done
            if first not in _PAST_FORMS and not first.endswith("ed") and facts.future:
                # "... later this month, when Austin and Blinken travel to Manila"
                return Status.PLANNED, True
            return Status.OCCURRED, True
        if _found(_PAST, clause):
            return Status.OCCURRED, False
        return None, False

    def _cancel_applies(self, trigger: Trigger, left: int, right: int) -> bool:
        """Whether a word that calls something off in the clause speaks of this trigger.

        Not when a subordinate clause stands between them: in "the meeting
        was cancelled after Lazaro flew to Kuala Lumpur", the flight happened.
        """
        text = self.document.text
        for match in _CANCEL.finditer(text, left, right):
            if match.end() <= trigger.start and _SUBORDINATOR.search(text, match.end(), trigger.start):
                continue
            return True
        return False

    def _time_for(
        self,
        facts: _SentenceFacts,
        trigger: Trigger,
        planned: bool = False,
        clause: tuple[int, int] | None = None,
    ) -> TimeMention | None:
        if not facts.times:
            return None
        text = self.document.text
        best: TimeMention | None = None
        best_cost = 10**9
        later = [t.start for t in facts.triggers if t.start > trigger.end]
        # "held talks on Thursday and asked him to visit Seoul": the trip is dated after the request.
        request = next(
            (
                t.start
                for t in reversed(facts.triggers)
                if t.type is EventType.INVITATION
                and t.end <= trigger.start
                and trigger.type is EventType.VISIT
            ),
            None,
        )
        frame_main = self._frame_main(facts, trigger)
        for mention in facts.times:
            if request is not None and mention.end <= request:
                continue
            framing_year = _BARE_YEAR.fullmatch(mention.text)
            if framing_year and any(m.year == int(framing_year[1]) for m in facts.times):
                continue  # "In 2019, ... met on June 28": the year frames the day, which dates the event
            if trigger.start < mention.end and _SINCE_BEFORE.search(
                text, max(0, mention.start - 8), mention.start
            ):
                continue  # "the first trip since 2019, when he met ...": the year is the when clause's
            if mention.start >= trigger.end and _SINCE_CLAUSE.search(text, trigger.end, mention.start):
                continue  # "their first call since Lee hosted her in January": the clause's time
            if (
                _POSSESSIVE.match(text, mention.end)
                and _RELATION_BEFORE.search(text, max(0, mention.start - 16), mention.start)
                and not 0 <= trigger.start - mention.end <= 40
            ):
                continue  # "talks following April's summit": April dates the summit only
            if frame_main is not None and mention.start >= frame_main:
                continue  # "During the call, they agreed on steps taken last year": the main clause's time
            framed = _ENGAGEMENT_FRAME.search(text, max(0, mention.start - 80), mention.start)
            if (
                trigger.type is EventType.INVITATION
                and later
                and mention.start > later[0]
                and not framed
                and not re.search(
                    r"\b(?:when|while|as|during)\s+(?:[\w’']+\s+){0,4}$",
                    text[max(0, later[0] - 40) : later[0]],
                )
            ):
                continue  # "invited X to visit Y next year": the time is the visit's
            if (
                trigger.type is EventType.INVITATION
                and mention.start >= trigger.end
                and _INVITED_TO.search(text, trigger.end, mention.start)
                and not framed  # "invited X to visit ... during their call on Monday": the invitation's day
            ):
                continue  # "an invitation for Han to lead a delegation to Tokyo next year": the trip's time
            if (
                trigger.type is EventType.VISIT
                and framed
                and framed["remote"]
                and mention.start >= trigger.end
            ):
                continue  # "to visit Manila, ... during their phone call on Monday": the call's day
            opening = (
                mention.start - facts.sentence.start <= 3
                and text[mention.end : mention.end + 1] == ","
                # ", who is visiting Japan from February 4 to 7": a clause's own time beats the opening one
                and not (
                    clause is not None
                    and clause[0] > mention.end
                    and any(clause[0] <= m.start and m.end <= clause[1] for m in facts.times)
                )
            )
            if (
                clause is not None
                and not opening
                and mention.start > clause[1]
                and _RELATIVE_ASIDE.search(text[clause[1] : mention.start])
                and not _SCHEDULE_WORDS.search(text[clause[1] : mention.start])
            ):
                continue  # ", which was acquired last year": a relative clause dates something else
            distance = (
                0
                if opening
                else (
                    mention.start - trigger.end
                    if mention.start >= trigger.end
                    else trigger.start - mention.end
                )
            )
            owners = [
                t
                for t in facts.triggers
                if t is trigger or (t.form == "verbal" and not t.needs_person_object)
            ]
            if clause is not None and clause[0] <= mention.start and mention.end <= clause[1]:
                # a time inside this trigger's clause is not another clause's
                owners = [t for t in owners if t is trigger or clause[0] <= t.start < clause[1]]
            nearest = min(
                owners, key=lambda t: abs((t.start + t.end) // 2 - (mention.start + mention.end) // 2)
            )
            if (
                not opening
                and nearest is not trigger
                and trigger.form == "nominal"
                and not any(d.trigger is nearest for d in self.drafts)
            ):
                # Another trigger owns this time; a referring noun does not take it.
                pass
            framing = re.search(
                r"\b(?:during|when|while)\s+(?:[\w’'-]+[\s-]+){0,4}$",
                text[max(0, nearest.start - 40) : nearest.start],
            )
            invited_during = framed is not None and trigger.type is EventType.INVITATION
            if (
                not opening
                and nearest is not trigger
                and distance > 40
                and not framing
                and not invited_during
            ):
                continue  # the time belongs to another trigger of the sentence
            cost = distance + (0 if nearest is trigger or opening else 60)
            if planned and mention.end <= trigger.start and not opening:
                cost += 60  # a plan's date usually follows it: "a visit ... in May or June"
            if (
                not opening
                and mention.start >= trigger.end
                and _OTHER_EVENT_CLAUSE.search(text, trigger.end, mention.start)
            ):
                continue  # "The talks came a day after the North fired missiles on Wednesday"
            if not opening and mention.end <= trigger.start and self._in_aside(facts, mention, trigger):
                continue  # "Cho, on a visit through Friday, paid a call ... on Wednesday": the aside's date
            if cost < best_cost:
                best, best_cost = mention, cost
        return best

    def _in_aside(self, facts: _SentenceFacts, mention: TimeMention, trigger: Trigger) -> bool:
        """Whether a time before the trigger sits in an aside set off by commas.

        A prepositional aside (", on a visit through Friday,") or a relative
        clause (", who arrived in Seoul late Sunday,"): its time is its own.
        """
        text = self.document.text
        opened = text.rfind(",", facts.sentence.start, mention.start)
        closed = text.find(",", mention.end, trigger.start)
        return (
            opened >= 0
            and closed >= 0
            and (
                _ASIDE_START.match(text, opened + 1) is not None
                or _RELATIVE_START.match(text, opened + 1) is not None
            )
        )

    def _location_for(
        self, facts: _SentenceFacts, trigger: Trigger, draft: _Draft, left: int, right: int
    ) -> PlaceMention | None:
        text = self.document.text
        if trigger.type is EventType.MEETING and _PURPOSE.search(
            text[max(left, trigger.start - 40) : trigger.start]
        ):
            # "will fly to Tokyo on Saturday for talks with X": the talks are where the trip goes.
            for other in reversed(self.drafts):
                if other.sentence != facts.sentence.index:
                    break
                if (
                    other.type is EventType.VISIT
                    and other.location is not None
                    and other.trigger.end <= trigger.start
                    and other.person_keys() & draft.person_keys()
                ):
                    return other.location
        places = facts.places
        if trigger.destination or trigger.type is EventType.VISIT:
            for place in places:
                gap = text[trigger.end : place.start]
                if (
                    trigger.end <= place.start <= right + 2
                    and (
                        len(gap.split()) <= (2 if trigger.form == "nominal" else 6)
                        # "a visit by President Yoon to Washington"
                        or (trigger.form == "nominal" and _BY_VISITOR_TO.fullmatch(gap) is not None)
                    )
                    and not re.search(r"\b(?:since|after|before|while|when|from)\b", gap)
                    and not (trigger.form == "nominal" and re.search(r"\bof\b", gap))
                ):
                    return place
            if trigger.form == "nominal":
                # "a Tokyo visit", "his Washington trip": the place that names the trip.
                for place in places:
                    if 0 <= trigger.start - place.end <= 2 and _PLACE_MODIFIER.search(
                        text, max(facts.sentence.start, place.start - 12), place.start
                    ):
                        return place
                # "Trump's British visit", "his first Japanese trip": the country its demonym names.
                demonym = _DEMONYM_BEFORE.search(
                    text, max(facts.sentence.start, trigger.start - 40), trigger.start
                )
                if demonym is not None:
                    country = lexicon.country_of_word(demonym.group("word"))
                    home = {p.person.country for p in draft.parties if p.person is not None}
                    if country is not None and country not in home:
                        name = lexicon.country_name(country)
                        start = demonym.start("word")
                        return PlaceMention(
                            start, start + len(demonym.group("word")), name, country, "country", name
                        )
                return None
        if trigger.type is EventType.CALL:
            return None
        for place in places:
            if (
                not (left <= place.start and place.end <= right + 2)
                and not place.start - facts.sentence.start < 4
            ):
                continue
            preceding = text[max(facts.sentence.start, place.start - 12) : place.start].lower()
            if re.search(r"\b(?:in|at)\s+(?:the\s+)?$", preceding):
                return place
        if re.search(r"\b(?:in|to)\s+the\s+country\b", text[trigger.start : right]):
            in_focus = self._country_in_focus(facts)
            if in_focus is not None:
                return in_focus  # "arrived in the country on Tuesday": the country the story is about
        if re.search(r"\bhere\b(?!\s+(?:is|are|was|were)\b)", text[trigger.start : right]):
            here = self._dateline_place()
            if here is not None:
                return here  # "met his counterpart here": where the story is filed
        where = re.search(r",\s+where$", text[max(facts.sentence.start, left - 12) : left])
        if where is not None:
            # "fresh from Washington, where he held talks with Rubio": the place the clause hangs on
            comma = left - len(where.group())
            for place in reversed(places):
                if place.end <= comma:
                    return place if comma - place.end <= 2 else None
        return None

    def _topics(self, facts: _SentenceFacts, draft: _Draft) -> list[str]:
        own = {p.country for p in draft.parties if p.country}
        if draft.location is not None and draft.location.country:
            own.add(draft.location.country)
        return [code for code in facts.countries if code not in own]

    def _topics_for_previous(self, facts: _SentenceFacts) -> None:
        if not self.drafts or not _TOPIC_CUE.search(facts.sentence.text):
            return
        latest = self.drafts[-1]
        if facts.sentence.index - latest.sentence > 3:
            return
        recent = self.drafts[-12:]  # a bounded window keeps long documents linear
        related = [
            d
            for d in recent
            if d is latest or (d.person_keys() & latest.person_keys() and d.status is latest.status)
        ]
        for draft in related:
            own = {p.country for p in draft.parties if p.country}
            if draft.location is not None and draft.location.country:
                own.add(draft.location.country)
            for code in (code for code in facts.countries if code not in own):
                if code not in draft.topics:
                    draft.topics.append(code)

    def _during_event(
        self, facts: _SentenceFacts, people: set[frozenset[str]] | None = None
    ) -> _Draft | None:
        """The earlier event a sentence opening "During the call, ..." refers to.

        Within four sentences any event of the right type; further back, one
        with the same people (``people``) as the event being read, the story's
        main engagement ("At the meeting, Cho asked Motegi ..." paragraphs on).
        """
        during = _DURING_EVENT.match(facts.sentence.text)
        if during is None:
            return None
        noun = during.group("noun").lower()
        wanted = (
            EventType.CALL
            if noun in {"conversation", "call", "phone call", "video call", "videoconference"}
            else EventType.VISIT
            if noun in _TRIP_NOUNS
            else EventType.MEETING
        )
        for earlier in reversed(self.drafts):
            distance = facts.sentence.index - earlier.sentence
            if distance > 12 or (distance > 4 and not people):
                return None
            if earlier.type is not wanted or distance <= 0 or earlier.previous_occasion:
                continue
            if distance > 4 and len(earlier.person_keys() & (people or set())) < min(2, len(people or ())):
                continue
            return earlier
        return None

    def _after_event(self, facts: _SentenceFacts) -> _Draft | None:
        """The event a sentence opening "After their talks, ..." follows on the same day."""
        after = _AFTER_EVENT.match(facts.sentence.text)
        if after is None:
            return None
        named = {_key(p) for p in facts.persons}
        candidates = [
            earlier
            for earlier in self.drafts
            if facts.sentence.index - earlier.sentence <= 6
            and earlier.type in (EventType.MEETING, EventType.CALL)
            and earlier.trigger.form == "verbal"
            and earlier.time is not None
        ]
        if not candidates:
            return None
        # the talks of the people this sentence is about, the latest first
        return max(reversed(candidates), key=lambda d: len(d.person_keys() & named))

    def _part_of_earlier(self, draft: _Draft, facts: _SentenceFacts) -> bool:
        """Whether a meeting verb belongs to an event already reported ("During the call, ...")."""
        during = _DURING_EVENT.match(facts.sentence.text)
        if (
            during is None
            or during.group("noun").lower() in _TRIP_NOUNS
            or draft.type is not EventType.MEETING
            or draft.trigger.start < facts.sentence.start + during.end()
        ):
            return False
        noun = during.group("noun").lower()
        wanted = (
            EventType.CALL
            if noun in {"conversation", "call", "phone call", "video call", "videoconference"}
            else EventType.VISIT
            if noun in _TRIP_NOUNS
            else EventType.MEETING
        )
        for earlier in reversed(self.drafts):
            if facts.sentence.index - earlier.sentence > 4:
                return False
            if earlier.type is wanted:
                for code in draft.topics:
                    if code not in earlier.topics:
                        earlier.topics.append(code)
                return True
        return False

    def _refer_back(self, reference: _Draft, facts: _SentenceFacts) -> None:
        """A noun like "the visit" with no participants: enrich the latest draft it names."""
        text = self.document.text
        start = max(facts.sentence.start, reference.trigger.start - 20)
        if not _REFERENCE.match(text[start : reference.trigger.start].split(",")[-1]):
            return
        if re.search(
            r"\b(?:will|would|to|may|might|could|should|must|shall)\s+$",
            text[start : reference.trigger.start],
        ):
            return  # "will stay in Tokyo": a verb, not a reference to a trip
        # "hoped to visit the two countries in January, but the trip was put off": the trip is the
        # one this sentence has just named, not an earlier one.
        named_here = any(
            t.type is reference.type and t.end <= reference.trigger.start for t in facts.triggers
        )
        for draft in reversed(self.drafts):
            if facts.sentence.index - draft.sentence > 6:
                return
            if named_here and draft.sentence != facts.sentence.index:
                return
            if draft.type is not reference.type:
                continue
            if reference.time is not None and reference.time.start not in {
                d.time.start for d in self.drafts if d.time is not None
            }:
                if draft.time is None:
                    draft.time = reference.time
                else:
                    draft.alt_times.append(reference.time)
            if reference.explicit_status and reference.status is Status.PLANNED and not draft.explicit_status:
                draft.status, draft.explicit_status = reference.status, True
            if reference.status is Status.CANCELLED:
                draft.status, draft.explicit_status = Status.CANCELLED, True
            draft.location = draft.location or reference.location
            for code in reference.topics:
                if code not in draft.topics:
                    draft.topics.append(code)
            return

    def _country_in_focus(self, facts: _SentenceFacts) -> PlaceMention | None:
        """The country last named before this sentence (else the dateline's), which "the country" means."""
        for earlier in reversed(self.facts):
            if earlier is facts:
                continue
            countries = [place for place in earlier.places if place.kind == "country"]
            if countries:
                return countries[-1]
        dateline = self._dateline_place()
        if dateline is not None and dateline.country is not None:
            name = lexicon.country_name(dateline.country)
            return PlaceMention(0, 0, name, dateline.country, "country", name)
        return None

    def _dateline_place(self) -> PlaceMention | None:
        """The place the story was filed from, by its dateline, or ``None`` without one."""
        dateline = self.document.source.dateline
        if not dateline:
            return None
        place = self.knowledge_base.find_place(dateline)
        if place is not None:
            return PlaceMention(0, 0, place.name, place.country, place.kind, dateline)
        return PlaceMention(0, 0, dateline, None, "city", dateline)

    def _dateline_places(self, drafts: list[_Draft]) -> None:
        """Occurred meetings with no stated place happened where the story was filed."""
        mention = self._dateline_place()
        if mention is None:
            return
        for draft in drafts:
            if draft.location is not None or draft.status is not Status.OCCURRED:
                continue
            if draft.type is EventType.MEETING or draft.trigger.arrival:
                draft.location = mention  # "Austin flew in from Manila": to where the story is filed

    def _borrow_times(self, drafts: list[_Draft]) -> None:
        """An undated event takes the time of the sentence just before that names its people.

        "Austin and Nakatani agreed on Sunday to ... The two met at the
        Defense Ministry": the meeting is dated by the sentence before.
        """
        by_index = {facts.sentence.index: facts for facts in self.facts}
        for draft in drafts:
            if draft.time is not None or draft.inherited_time is not None:
                continue
            keys = draft.person_keys()
            for index in (draft.sentence - 1, draft.sentence - 2):
                facts = by_index.get(index)
                if facts is None or draft.paragraph - facts.sentence.paragraph > 1:
                    break
                named = {_key(p) for p in facts.persons}
                scene = not facts.persons and bool(facts.triggers)
                # "Rubio urged Seoul on Monday ..., as he opened an Asia trip": the day is the main clause's
                trip_frame = bool(
                    facts.times
                    and facts.triggers
                    and all(t.type is EventType.VISIT for t in facts.triggers)
                    and facts.times[0].end <= facts.triggers[0].start
                )
                if facts.times and ((keys & named and (not facts.triggers or trip_frame)) or scene):
                    draft.time = facts.times[0]
                    break

    def _years_from_paragraph(self, drafts: list[_Draft]) -> None:
        """Without a publication date, a day without a year takes the year its paragraph states.

        "The summit opened in Osaka in 2019. Trump met Abe there on June 28":
        the meeting is on June 28, 2019.
        """
        if self.document.anchor is not None:
            return
        text = self.document.text
        for draft in drafts:
            time = draft.time
            if time is None or time.year is not None or _YEAR_WRITTEN.search(time.text):
                continue
            first = draft.sentence
            while first > 0 and self.facts[first - 1].sentence.paragraph == draft.paragraph:
                first -= 1
            year = stated_year(text[self.facts[first].sentence.start : time.start])
            if year is not None:
                draft.time = attrs.evolve(time, year=year)

    def _count_from_earlier(self, drafts: list[_Draft]) -> None:
        """Date "the following day" and "two days later" from the event dated just before.

        "Trump met Lee on October 28. Two days later, he sat down with Xi":
        the second meeting is on October 30.
        """
        anchor = self.document.anchor
        last: TimeSpan | None = None
        last_sentence = last_paragraph = -1
        dated: list[tuple[TimeSpan, int, set[frozenset[str]]]] = []
        for draft in sorted(drafts, key=lambda d: d.trigger.start):
            if draft.time is None:
                continue
            offset = day_offset(draft.time.text)
            if offset is None:
                status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
                span = _settle_time(draft, status, anchor)[1]
                if span is not None and span.end is not None and span.start == span.end:
                    last, last_sentence = span, draft.sentence  # a day, not a trip of several
                    last_paragraph = draft.paragraph
                    dated.append((span, draft.sentence, draft.person_keys()))
                continue
            if _NAMED_REFERENCE.search(draft.time.text):
                # "the day before the meeting": the latest dated engagement of the same people
                keys = draft.person_keys()
                shared = next((d for d in reversed(dated) if d[2] & keys), None)
                if shared is not None:
                    last, last_sentence = shared[0], shared[1]
            if (
                anchor is not None
                and _IN_THE_DAY.search(draft.time.text)
                and (
                    last is None
                    or last.end is None
                    or last.end > anchor
                    or draft.paragraph - last_paragraph > 2
                    or _NEW_THREAD.match(self.document.text, self._sentence_start(draft))
                )
            ):
                # "earlier in the day" with no past day told before: the day of the report
                draft.fixed_time = TimeSpan(anchor, anchor, Granularity.DAY, draft.time.text)
                continue
            if last is None or last.end is None or draft.sentence - last_sentence > 12:
                continue
            assert last.start is not None
            day = (last.end if offset >= 0 else last.start) + dt.timedelta(days=offset)
            draft.fixed_time = last = TimeSpan(day, day, Granularity.DAY, draft.time.text)
            last_sentence = draft.sentence

    def _sentence_start(self, draft: _Draft) -> int:
        return self.facts[draft.sentence].sentence.start if draft.sentence < len(self.facts) else 0

    # ------------------------------------------------------------ finishing

    def _to_event(self, draft: _Draft) -> Event | None:
        persons = [p for p in draft.parties if p.person is not None]
        if not persons and not _between_countries(draft):
            return None
        if draft.type in (EventType.MEETING, EventType.CALL) and len(draft.parties) < 2:
            return None
        if (
            draft.type is EventType.INVITATION
            and len(draft.parties) < 2
            and not _PASSIVE.search(self.document.text, max(0, draft.trigger.start - 16), draft.trigger.start)
        ):
            return None
        if draft.type is EventType.VISIT and draft.location is None:
            return None
        if draft.type is not EventType.VISIT and _within_one_government(draft):
            return None  # a prime minister and his own finance minister: domestic, not diplomacy
        destination = draft.location.country if draft.location is not None else None
        if draft.type is EventType.VISIT and destination is not None:
            home = {p.person.country for p in persons if p.person is not None}
            if draft.trigger.abroad and home <= {destination, None}:
                return None  # "the minister returned to Tokyo": home, not a visit
            if home == {destination}:
                return None  # a trip at home or to the country's own territory is no diplomatic visit
        status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
        anchor = self.document.anchor
        main = draft.status_from
        if main is not None and status is not Status.CANCELLED:
            # "before flying on to Manila": the main clause's tense, as its own time settles it
            status = main.status or (Status.PLANNED if main.future_hint else Status.OCCURRED)
            if main.time is not None:
                status = _settle_time(main, status, anchor)[0]
        time: TimeSpan | None = None
        if draft.time is not None:
            status, time = _settle_time(draft, status, anchor)
        elif draft.inherited_time is not None and draft.inherited_time.time is not None:
            source = draft.inherited_time
            inherited_direction: Direction = (
                "forward" if (source.status or status) is not Status.OCCURRED else "backward"
            )
            if source.fixed_time is not None:
                time = source.fixed_time  # "two days later", counted when the source was dated
            else:
                time = (
                    resolve(source.time.text, anchor, inherited_direction, source.time.year)
                    if source.time
                    else None
                )
        frame = draft.inherited_time
        if (
            draft.location is None
            and frame is not None
            and frame.type is EventType.VISIT
            and draft.type is EventType.MEETING
        ):
            draft.location = frame.location
        location = None
        if draft.location is not None:
            written = re.sub(r"^(?:the|The)\s+", "", draft.location.text).strip()
            name = written if written and written[0].isupper() else draft.location.name
            name = re.sub(r"\s*\([^)]*\)\s*$", "", name) or name
            location = Location(name, draft.location.country, draft.location.text, draft.location.kind)
        participants = tuple(self._participant(p, location) for p in draft.parties)
        evidence = tuple(
            Evidence.from_text(self.document.text, start, end) for start, end in _unique_spans(draft.spans)
        )
        return Event(
            type=draft.type,
            status=status,
            participants=participants,
            time=time,
            location=location,
            topics=tuple(dict.fromkeys(draft.topics)),
            evidence=evidence,
            document_id=self.document.id,
            extractor="rules",
            confidence=0.9 if draft.trigger.form == "verbal" else 0.7,
            cameo=_cameo(draft, location),
        )

    def _participant(self, party: _Party, location: Location | None) -> Participant:
        role = party.role
        if role is Role.PARTICIPANT and location is not None and location.country and party.country:
            role = Role.HOST if party.country == location.country else Role.GUEST
        if party.person is not None:
            person = party.person
            actor = Actor(person.name, ActorKind.PERSON, person.country, person.title, (), person.kb_id)
        else:
            assert party.group is not None
            actor = Actor(party.group.text, ActorKind.ORGANIZATION, party.group.country)
        return Participant(actor, role)


_LEADER_TITLE = re.compile(
    r"\b(?:president|prime minister|premier|chancellor|king|emperor|leader)\b", re.IGNORECASE
)
_MINISTER_TITLE = re.compile(r"\b(?:minister|secretary)\b", re.IGNORECASE)


def _add_headline_drafts(body: list[_Draft], headline: list[_Draft]) -> list[_Draft]:
    """Add the engagements only the headline or standfirst reports; fill what the body leaves out.

    A headline never duplicates an engagement of the body: a body draft of
    the same type with a person in common is that engagement, and takes
    from the headline only a time it lacks.
    """
    for draft in headline:
        same = next(
            (kept for kept in body if kept.type is draft.type and kept.person_keys() & draft.person_keys()),
            None,
        )
        if same is None:
            body.append(draft)
        elif same.time is None and same.inherited_time is None and draft.time is not None:
            same.time = draft.time
    return body


def _join_country_sides(drafts: list[_Draft], anchor: dt.date | None) -> list[_Draft]:
    """Fold an engagement named by its countries into the one its people's names report.

    "The trilateral meeting in Tokyo on October 17" and "Davies will meet
    Sugiyama and Lim in Tokyo" are one engagement when the type agrees, the
    people's countries are among the sides, and the times do not conflict:
    the named one is kept and takes the time and place it lacks.
    """
    kept: list[_Draft] = []
    named = [draft for draft in drafts if draft.has_person()]
    for draft in drafts:
        if draft.has_person():
            kept.append(draft)
            continue
        sides = {party.country for party in draft.parties if party.country is not None}
        same = next(
            (
                other
                for other in named
                if other.type is draft.type
                and len(other.person_keys()) >= 2
                and _person_countries(other)
                and _person_countries(other) <= sides
                and (draft.time is None or other.time is not None)
                and _times_agree(other, draft, anchor)
            ),
            None,
        )
        if same is None:
            kept.append(draft)
            continue
        if same.time is None and same.inherited_time is None:
            same.time = draft.time
        same.location = same.location or draft.location
        same.spans.extend(draft.spans)
    return kept


def _person_countries(draft: _Draft) -> set[str]:
    """The known countries of a draft's named people."""
    return {
        party.country for party in draft.parties if party.person is not None and party.country is not None
    }


def _times_agree(first: _Draft, second: _Draft, anchor: dt.date | None) -> bool:
    """Whether two drafts' times may be one time (either is undated, or the intervals overlap)."""
    first_span, second_span = _span_of(first, anchor), _span_of(second, anchor)
    if first_span is None or second_span is None or first_span.start is None or second_span.start is None:
        return True
    assert first_span.end is not None
    assert second_span.end is not None
    return first_span.start <= second_span.end and second_span.start <= first_span.end


def _visits_by_government(draft: _Draft) -> list[_Draft]:
    """One visit per government: "Along with Abe, Li will arrive in Seoul" is two delegations.

    Visitors of one country (a minister and the aides who go with him) make
    one visit; visitors of different countries named one by one travel as
    their own governments, each on a visit of their own. A host who goes
    along with a visitor, and a group the text names as one ("the three
    visiting ministers"), stay one visit.
    """
    by_country: dict[str, list[_Party]] = {}
    for party in draft.parties:
        if party.person is None or party.country is None:
            return [draft]  # someone of unknown country: keep the visit as the text tells it
        if party.person.cue == "pronoun":
            return [draft]  # "the three visiting ministers had flown to ...": the text makes them one party
        by_country.setdefault(party.country, []).append(party)
    destination = draft.location.country if draft.location is not None else None
    if len(by_country) < 2 or destination in by_country:
        return [draft]  # a host who goes along with the visitor: one visit of both
    return [
        attrs.evolve(
            draft, parties=parties, spans=list(draft.spans), topics=list(draft.topics), distinct=True
        )
        for parties in by_country.values()
    ]


def _between_countries(draft: _Draft) -> bool:
    """Whether a draft without named people is an engagement of two or more governments.

    "The Japan-U.S.-ROK vice ministers' meeting was held on November 17":
    its sides are countries. It counts when it is dated or its status is
    stated, so that a passing "alliance talks" is no event.
    """
    if draft.type not in (EventType.MEETING, EventType.CALL):
        return False
    countries = {party.country for party in draft.parties if party.group is not None}
    countries.discard(None)
    return len(countries) >= 2 and (draft.time is not None or draft.explicit_status)


def _within_one_government(draft: _Draft) -> bool:
    """Whether every party of a meeting, call or invitation is known to be of one and the same country."""
    countries = [party.country for party in draft.parties]
    return len(countries) >= 2 and None not in countries and len(set(countries)) == 1


_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_CUE_REASONS = {
    "kb": "named, known to the knowledge base",
    "name": "named with a title",
    "none": "named with a title",
    "kb-surname": "a surname the knowledge base knows for a title holder on the day",
    "surname": "a surname of someone named earlier",
    "title": "named by office; the knowledge base's holder on the day",
    "pronoun": "a pronoun or description resolved to the person it stands for",
    "counterpart": "'counterpart': the holder of the same office in the other country",
}


def _plural_filter(phrase: str) -> Callable[[PersonMention], bool]:
    """Which people a plural phrase can stand for ("the two leaders": heads of government)."""
    if re.search(r"\b(?:leaders|presidents|premiers|heads)\b", phrase):
        return lambda person: person.title is None or bool(_LEADER_TITLE.search(person.title))
    if re.search(r"\b(?:defen[cs]e\s+(?:chiefs|ministers|secretaries|heads))\b", phrase):
        return lambda person: (
            person.title is None or bool(re.search(r"defen[cs]e|war", person.title, re.IGNORECASE))
        )
    if re.search(r"\b(?:foreign\s+ministers|top\s+diplomats|diplomats|foreign\s+chiefs)\b", phrase):
        return lambda person: (
            person.title is None
            or bool(re.search(r"foreign|secretary of state|external affairs", person.title, re.IGNORECASE))
        )
    if re.search(r"\b(?:ministers|secretaries|top diplomats|defense chiefs|diplomats)\b", phrase):
        return lambda person: (
            person.title is None
            or (
                bool(_MINISTER_TITLE.search(person.title))
                and not re.fullmatch(r"(?:the\s+)?prime\s+minister", person.title.strip(), re.IGNORECASE)
            )
        )
    return lambda person: True


def _cameo(draft: _Draft, location: Location | None) -> str:
    if draft.type is EventType.MEETING:
        if draft.hosting:
            return "043"
        countries = {p.country for p in draft.parties if p.country}
        if location is not None and location.country and countries and location.country not in countries:
            return "044"
    return draft.type.cameo


def _key(person: PersonMention) -> frozenset[str]:
    """Who a mention denotes: its knowledge-base id, else its order-free name."""
    return _identity(person.kb_id, person.name)


@functools.lru_cache(maxsize=8192)
def _identity(kb_id: str | None, name: str) -> frozenset[str]:
    return frozenset({"kb:" + kb_id}) if kb_id is not None else name_key(name)


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _unique_persons(persons: Iterable[PersonMention]) -> list[PersonMention]:
    seen: set[frozenset[str]] = set()
    unique = []
    for person in persons:
        key = _key(person)
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique


def _unique_parties(parties: Iterable[_Party]) -> list[_Party]:
    seen: set[object] = set()
    unique = []
    for party in parties:
        if party.key not in seen:
            seen.add(party.key)
            unique.append(party)
    return unique


def _unique_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(set(spans))


def _countries_in(text: str, *, exclude: set[str]) -> list[str]:
    masked = _COMPOUND.sub(lambda m: " " * len(m.group()), text)
    found: list[str] = []
    for match in lexicon.country_pattern().finditer(masked):
        code = lexicon.country_of_word(match.group())
        if code and code not in exclude and code not in found:
            found.append(code)
    return found


def _resolve_draft_time(draft: _Draft, anchor: dt.date | None, direction: Direction) -> TimeSpan | None:
    """A draft's time in one direction: the narrowest of its resolved times."""
    assert draft.time is not None
    spans = [resolve(m.text, anchor, direction, m.year) for m in (draft.time, *draft.alt_times)]
    resolved = [span for span in spans if span is not None and span.resolved]
    return min(resolved, key=lambda span: span.days or 0) if resolved else spans[0]


def _distance(span: TimeSpan | None, anchor: dt.date) -> int:
    """How many days a resolved span lies from the anchor (0 when it contains it)."""
    if span is None or span.start is None or span.end is None:
        return 10**6
    if span.start <= anchor <= span.end:
        return 0
    return min(abs((span.start - anchor).days), abs((span.end - anchor).days))


_PRESENT_TENSE = re.compile(r"[a-z]+[^s]s$|[a-z]+ches$|[a-z]+shes$|[a-z]+ies$")


def _present_schedule(draft: _Draft) -> bool:
    """Whether a verbal trigger is in the simple present: "flies to Tokyo today" is a schedule."""
    if draft.trigger.form != "verbal":
        return False
    first = draft.trigger.text.split()[0].lower()
    return first not in _PAST_FORMS and bool(_PRESENT_TENSE.fullmatch(first))


def _settle_time(draft: _Draft, status: Status, anchor: dt.date | None) -> tuple[Status, TimeSpan | None]:
    """Resolve a draft's time and let it settle the status the wording left open.

    A time that lies wholly before the publication date is of something that
    occurred, wholly after it of something planned. When the wording does not
    fix the tense (a noun such as "the summit in January", a cancelled or
    counterfactual plan), an ambiguous time ("January", "Thursday") is read
    on the side nearer the publication date; a verb in the simple present
    with a time not yet past ("arrives on Wednesday") states a schedule.
    """
    forward: TimeSpan | None
    backward: TimeSpan | None
    if draft.fixed_time is not None:
        forward = backward = draft.fixed_time
    else:
        forward = _resolve_draft_time(draft, anchor, "forward")
        backward = _resolve_draft_time(draft, anchor, "backward")
    chosen = forward if status is not Status.OCCURRED else backward
    if anchor is None and status is Status.OCCURRED and not draft.in_headline and _present_schedule(draft):
        # "He heads to Beijing on Wednesday" in an undated story: the news present of a schedule
        return Status.PLANNED, forward
    if anchor is None or forward is None or backward is None:
        return status, chosen
    fixed = forward == backward
    open_tense = not draft.explicit_status or status is Status.CANCELLED or draft.counterfactual
    if (
        status is Status.OCCURRED
        and _present_schedule(draft)
        and forward.end is not None
        and forward.end >= anchor
        and _distance(forward, anchor) <= _distance(backward, anchor)
    ):
        # "arrives on Wednesday" said on Tuesday; a caption's "speaks ... on Tuesday" on Wednesday is past
        return Status.PLANNED, forward
    if open_tense and not fixed:
        chosen = forward if _distance(forward, anchor) <= _distance(backward, anchor) else backward
    if status is Status.CANCELLED or draft.counterfactual or chosen is None:
        return status, chosen
    if (open_tense or fixed) and chosen.end is not None and chosen.end < anchor:
        return Status.OCCURRED, chosen
    if (open_tense or fixed) and chosen.start is not None and chosen.start > anchor:
        return Status.PLANNED, chosen
    return status, chosen


def _span_of(draft: _Draft, anchor: dt.date | None) -> TimeSpan | None:
    """The resolved interval of a draft's time, or ``None``."""
    if draft.time is None:
        return None
    direction: Direction = "backward" if draft.status is Status.OCCURRED else "forward"
    span = resolve(draft.time.text, anchor, direction, draft.time.year)
    return span if span is not None and span.resolved else None


def _compatible(first: _Draft, second: _Draft, anchor: dt.date | None) -> bool:
    if first.type is not second.type:
        return False
    if (first.previous_occasion or second.previous_occasion) and first.sentence != second.sentence:
        return False  # "they last met in October" is not the meeting the story is about
    if (second.distinct and first.sentence != second.sentence) or (first.distinct and second.distinct):
        return False
    if first.distinct and not second.person_keys() <= first.person_keys():
        return False
    if (
        second.person_keys() > first.person_keys()
        and second.sentence != first.sentence
        and second.trigger.form == "verbal"
        and not any(p.group is not None for p in first.parties)
    ):
        return False  # "X and Y also joined A and B for a four-way meeting"
    shared = first.person_keys() & second.person_keys()
    if not shared:
        return False
    if first.person_keys() - shared and second.person_keys() - shared:
        # Each names someone the other does not: two engagements of one person.
        return False
    if first.status is not None and second.status is not None and first.status is not second.status:
        statuses = {first.status, second.status}
        planned = first if first.status is Status.PLANNED else second
        called_off = statuses == {Status.CANCELLED, Status.PLANNED} and planned.counterfactual
        if first.explicit_status and second.explicit_status and not called_off:
            return False
    if (
        first.time is not None
        and second.time is not None
        and first.time.text.lower() != second.time.text.lower()
    ):
        first_span, second_span = _span_of(first, anchor), _span_of(second, anchor)
        if first_span is None or second_span is None:
            return False
        assert first_span.start
        assert first_span.end
        assert second_span.start
        assert second_span.end
        if first_span.start > second_span.end or second_span.start > first_span.end:
            return False
    if (
        first.location is not None
        and second.location is not None
        and first.location.country
        and second.location.country
        and first.location.country != second.location.country
    ):
        return False  # "their meeting in the Oval Office" is not the one in Tokyo
    if first.location is not None and second.location is not None and first.type is EventType.VISIT:
        if first.location.country != second.location.country:
            return False
        # Two cities of one country are two stops; a country and its city are one trip.
        both_local = "country" not in (first.location.kind, second.location.kind)
        return not (both_local and first.location.name != second.location.name)
    return True


_MERGE_WINDOW = 64
"""How many of the latest engagements a draft is compared with for merging."""


def _merge(drafts: list[_Draft], anchor: dt.date | None) -> list[_Draft]:
    """Merge drafts of one engagement, then fill times and places from related drafts."""
    merged: list[_Draft] = []
    for draft in drafts:
        # An article reports a few engagements; only in a document of thousands does the window
        # bite, and it keeps merging linear there.
        for kept in merged[-_MERGE_WINDOW:]:
            if _compatible(kept, draft, anchor):
                _absorb(kept, draft)
                break
        else:
            merged.append(draft)
    return merged


_CONVERSATION = re.compile(
    r"\b(?:exchang\w*\s+(?:views|opinions)|talk\w*|confer\w*|discuss\w*|sat\s+down|sit\s+down)\b"
)


def _fold_into_calls(drafts: list[_Draft]) -> list[_Draft]:
    """Drop conversation verbs ("exchanged views") that describe an earlier call, not a meeting."""
    kept: list[_Draft] = []
    for draft in drafts:
        call = next(
            (
                earlier
                for earlier in kept
                if earlier.type is EventType.CALL
                and draft.type is EventType.MEETING
                and draft.location is None
                and _CONVERSATION.search(draft.trigger.text)
                and draft.person_keys()
                and draft.person_keys() <= earlier.person_keys()
                and draft.status is earlier.status
                and draft.sentence - earlier.sentence <= 8
            ),
            None,
        )
        if call is None:
            kept.append(draft)
            continue
        for code in draft.topics:
            if code not in call.topics:
                call.topics.append(code)
    return kept


def _absorb(kept: _Draft, other: _Draft) -> None:
    keys = {p.key for p in kept.parties}
    kept.parties.extend(p for p in other.parties if p.key not in keys)
    if (
        kept.status is None
        or (not kept.explicit_status and other.explicit_status)
        or other.status is Status.CANCELLED
    ):
        kept.status, kept.explicit_status = other.status, other.explicit_status
    if kept.time is None:
        kept.time = other.time
    elif other.time is not None:
        kept.alt_times.append(other.time)
    kept.location = kept.location or other.location
    kept.spans.extend(other.spans)
    kept.hosting = kept.hosting or other.hosting
    for code in other.topics:
        if code not in kept.topics:
            kept.topics.append(code)


def _join_companions(drafts: list[_Draft]) -> list[_Draft]:
    """A companion's trip goes where and when the trip of the one accompanied goes.

    A companion named in the sentence of that trip ("Rubio accompanied Trump on
    his visit to Japan") is one of its visitors rather than a trip of their own.
    """
    joined: set[int] = set()
    for position, draft in enumerate(drafts):
        if draft.companion_of is None or draft.location is not None:
            continue
        nearby = [
            other
            for other in drafts[max(0, position - _MERGE_WINDOW) : position + 8]
            if other is not draft
            and other.type is EventType.VISIT
            and other.companion_of is None
            and other.location is not None
            and draft.companion_of in other.person_keys()
            and -8 <= other.sentence - draft.sentence <= 3
        ]
        if not nearby:
            continue
        trip = min(
            nearby, key=lambda other: (abs(other.sentence - draft.sentence), other.sentence > draft.sentence)
        )
        if trip.sentence == draft.sentence:
            keys = trip.person_keys()
            trip.parties.extend(
                p for p in draft.parties if p.person is not None and _key(p.person) not in keys
            )
            trip.spans.extend(draft.spans)
            joined.add(id(draft))
            continue
        draft.location = trip.location
        if draft.time is None:
            draft.time, draft.alt_times = trip.time, list(trip.alt_times)
            draft.inherited_time = draft.inherited_time or trip.inherited_time
    return [draft for draft in drafts if id(draft) not in joined]


def _inherit(drafts: list[_Draft]) -> None:
    """Fill undated or unplaced events from the related events around them.

    A meeting takes the time and place of the visit it happens during; an
    invitation those of the call or meeting it was made in; a visit made
    "to attend" a meeting in the same sentence takes the meeting's date.
    """
    for position, draft in enumerate(drafts):
        if draft.time is not None and draft.location is not None:
            continue
        earlier = list(reversed(drafts[:position]))
        later = [d for d in drafts[position + 1 :] if d.sentence - draft.sentence <= 3]
        for other in earlier + later:
            if not (draft.person_keys() & other.person_keys()):
                continue
            if other.previous_occasion:
                continue  # "They last met in October": background, not the occasion of this one
            if (
                other.trigger.form == "nominal"
                and not other.trigger.destination
                and other.type is not EventType.CALL
                and not (draft.type is EventType.INVITATION and other.sentence == draft.sentence)
            ):
                # "their productive meeting in March": a reference, not the scene; but "invited him
                # during their meeting" was made there.
                continue
            if other.status is not None and draft.status is not None and other.status is not draft.status:
                continue
            if abs(draft.paragraph - other.paragraph) > 4:
                continue
            ahead = other.sentence > draft.sentence
            if ahead and not (
                (draft.type is EventType.INVITATION and other.type in (EventType.CALL, EventType.MEETING))
                or (
                    draft.type is EventType.VISIT
                    and other.type is EventType.MEETING
                    and other.sentence == draft.sentence
                )
            ):
                continue
            same_trip = draft.type is other.type is EventType.VISIT
            if (
                draft.time is None
                and draft.inherited_time is None
                and other.time is not None
                and not same_trip
            ):
                draft.inherited_time = other
                if draft.location is None and other.type is draft.type is EventType.MEETING:
                    draft.location = other.location  # the same occasion: the same place
            if (
                draft.location is None
                and other.type is EventType.VISIT
                and draft.type is EventType.MEETING
                and not (other.onward and other.sentence == draft.sentence)
            ):
                draft.location = other.location
            if (
                draft.location is None
                and draft.type is EventType.INVITATION
                and other.type is EventType.MEETING
            ):
                draft.location = other.location
            if (draft.time is not None or draft.inherited_time is not None) and (
                draft.location is not None or draft.type is not EventType.MEETING
            ):
                break
