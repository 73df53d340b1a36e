"""Cues: the word classes the stages look for around a trigger, as regular expressions.

Each pattern names one class of wording (calling off, future, past,
negation, habits, time framing, possessors, places...), grouped by what it
decides; :func:`found` searches a case-insensitive pattern the fast way,
:func:`spans` finds where it matches, and :func:`may_match` tells at a
glance whether a text may match it.

The wording is data: each cue built by ``_cue("NAME")`` (or ``_words``) is
an entry of ``rules/data/cues.toml``, compiled by
:func:`alliancekit.rules.patterns.builtin_cues` (see :doc:`/howto/cues`),
so that a new phrasing is a line of that file. The few cues that are
structure rather than vocabulary stay here as code: the gaps between a
trigger and its parties or places (``POSSESSOR_GAP``, ``LIST_GAP``,
``SECOND_PLACE_GAP``, ``COUNTERPART_GAP``, ``BY_VISITOR_TO``, ``LED_BY``,
``OF_PHRASE``, ``INVITED_TO``), the shapes of words and names
(``QUOTE``, ``POSSESSIVE``, ``POSSESSIVE_MARK``, ``COMPOUND``,
``COMPOUND_BEFORE``, ``PRESENT_TENSE``, ``YEAR_WRITTEN``, ``BARE_YEAR``,
``REFERENCE``), the shapes of sentences and datelines (``ASKS``,
``DATELINE_AFTER``) and the anchors of time expressions (``SINCE_WORD``,
``SINCE_CLAUSE``, ``WHEN_AFTER``, ``FIRST_BEFORE``, ``IN_PROGRESS_BEFORE``).

>>> bool(FUTURE.search("Varga will meet Okafor"))
True
"""

from __future__ import annotations

import re

import ahocorasick
import attrs

from alliancekit.literals import ascii_words, required_literals, scanned_if_ascii, selectivity
from alliancekit.rules.patterns import builtin_cues

__all__ = [
    "AFTER_EVENT",
    "APART",
    "ARRANGED_BEFORE",
    "ARRIVAL_ADJUNCT",
    "ARRIVAL_WORD",
    "ASKED_TO",
    "ASKS",
    "AUXILIARY_BEFORE",
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
    "DATELINE_AFTER",
    "DEADLINE_OF_A_PLAN",
    "DELEGATION",
    "DEMONYM_BEFORE",
    "DISTINCT",
    "DURING",
    "DURING_EVENT",
    "ELIDED_VERB",
    "ENGAGEMENT_FRAME",
    "ENGAGEMENT_NOUN_END",
    "FIRST_BEFORE",
    "FUTURE",
    "FUTURE_AFTER",
    "HABITUAL",
    "HABITUAL_BEFORE",
    "HELD_BETWEEN",
    "INCLUDING_LIST",
    "INVITATION_OF",
    "INVITED_TO",
    "IN_PERSON_WORDS",
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
    "OTHER_PREDICATE",
    "PARTICIPLE_ADJUNCT",
    "PASSIVE",
    "PAST",
    "PAST_FORMS",
    "PAST_VERB",
    "PLACE_MODIFIER",
    "PLEASANTRY",
    "PLURAL_MEETINGS",
    "PLURAL_RELATIVE",
    "POSSESSIVE",
    "POSSESSIVE_MARK",
    "POSSESSOR_GAP",
    "PREDICATIVE",
    "PRESENT_TENSE",
    "PRESUPPOSED",
    "PREVIOUS_OCCASION",
    "PROPER_JOINT",
    "PURPOSE",
    "QUOTE",
    "REFERENCE",
    "RELATION_BEFORE",
    "RELATIVE_INFINITIVE",
    "REMOTE_MEANS",
    "REPORTED_AFTER",
    "RESCHEDULED",
    "SCHEDULE_WORDS",
    "SECOND_PLACE_GAP",
    "SEPARATE",
    "SETTING_OF",
    "SEVERAL_STOPS",
    "SINCE_BEFORE",
    "SINCE_CLAUSE",
    "SINCE_WORD",
    "SOME_TIME_AFTER",
    "SPEAKERS_OWN",
    "TOGETHER",
    "TOOK_UP_INVITATION",
    "TOPIC_CUE",
    "TOPIC_OF_TALK",
    "TRIP_ENDED",
    "TRIP_NOUNS",
    "TRIP_PART",
    "UNDER_WAY_AFTER",
    "VENUE_CLAUSE",
    "VENUE_CLAUSE_END",
    "VISIT_LENGTH",
    "WHEN_AFTER",
    "WHETHER",
    "WHILE_IN",
    "WISH",
    "WITH_BEFORE",
    "YEAR_WRITTEN",
    "found",
    "may_match",
    "spans",
]


def _cue(name: str) -> re.Pattern[str]:
    """The cue ``name`` of the cue lexicon, compiled."""
    return builtin_cues().entry(name).compiled


def _words(name: str) -> frozenset[str]:
    """The set of words ``name`` of the cue lexicon."""
    words = builtin_cues().entry(name).words
    if words is None:
        raise ValueError(f"{builtin_cues().origin}: cue {name!r} is a pattern, not a set of words")
    return words


# ---- Status: calling off, negation, counterfactuals and rescheduling.

CANCEL = _cue("CANCEL")
# A predicate that calls its subject off: "has been postponed", "will not take place".
CALLED_OFF_PREDICATE = _cue("CALLED_OFF_PREDICATE")
RESCHEDULED = _cue("RESCHEDULED")
# A part of a trip, named when it is called off: "the Tokyo leg", "that stop", "the Seoul stopover".
TRIP_PART = _cue("TRIP_PART")
NEGATED = _cue("NEGATED")
# A past negation right before a verb: "did not meet", "has never visited", "hasn't met".
NOT_DONE = _cue("NOT_DONE")
COUNTERFACTUAL = _cue("COUNTERFACTUAL")
# "the talks ... are still under way": an engagement going on, right after its trigger.
UNDER_WAY_AFTER = _cue("UNDER_WAY_AFTER")
# What a talk was about, right before the thing talked of: "spoke with X about the cancellation".
TOPIC_OF_TALK = _cue("TOPIC_OF_TALK")

# ---- Tense: future and planning cues, past forms, and what makes a clause's tense not the event's own.

FUTURE = _cue("FUTURE")
FUTURE_AFTER = _cue("FUTURE_AFTER")
PREDICATIVE = _cue("PREDICATIVE")
PAST_FORMS = _words("PAST_FORMS")
PAST_VERB = _cue("PAST_VERB")
PAST = _cue("PAST")
PRESENT_TENSE = re.compile(r"[a-z]+[^s]s$|[a-z]+ches$|[a-z]+shes$|[a-z]+ies$")
# A passive auxiliary right before a participle: "was invited", "has been invited".
PASSIVE = _cue("PASSIVE")
# The bare form of a trigger verb, as it follows "and" in a shared infinitive ("to visit X and meet Y").
BASE_FORM = _cue("BASE_FORM")
# A gerund trigger after a reporting verb in the past: "said after meeting", "told reporters after visiting".
REPORTED_AFTER = _cue("REPORTED_AFTER")
# A gerund trigger dated by the main clause: ", days after hosting her", "shortly after landing in".
SOME_TIME_AFTER = _cue("SOME_TIME_AFTER")
PARTICIPLE_ADJUNCT = _cue("PARTICIPLE_ADJUNCT")
# An infinitive that names what someone was the first, last or one of many to do.
RELATIVE_INFINITIVE = _cue("RELATIVE_INFINITIVE")
# An event noun framed by "during": "during a video call", "during their talks".
DURING = _cue("DURING")
# What refers to an engagement as already known: the tense of the clause around it is not its own.
PRESUPPOSED = _cue("PRESUPPOSED")
# An arrangement told in the past perfect: "had also lined up meetings with".
ARRANGED_BEFORE = _cue("ARRANGED_BEFORE")
# What opens a clause whose verb is the one before it: "..., and separate meetings with B".
ELIDED_VERB = _cue("ELIDED_VERB")

# ---- What is not one engagement: habits, tallies, questions, pleasantries and wishes.

# A habit or standing commitment after a trigger: "meet at least once a year", "hold talks regularly".
HABITUAL = _cue("HABITUAL")
# "regular trilateral meetings": a habit named before the noun.
HABITUAL_BEFORE = _cue("HABITUAL_BEFORE")
BACKGROUND_COUNT = _cue("BACKGROUND_COUNT")
WHETHER = _cue("WHETHER")
# A sentence that asks, its question mark last (before closing quotes): "Varga and Tanabe to meet?"
ASKS = re.compile(r"\?[\s\"'”’)]*$")
PLEASANTRY = _cue("PLEASANTRY")
WISH = _cue("WISH")

# ---- Time: which time expressions date an event, and which date something else.

NOT_EVENT_TIME = _cue("NOT_EVENT_TIME")
# "by" times that bound a plan ("visit by the end of March") rather than date a goal ("by 2027").
DEADLINE_OF_A_PLAN = _cue("DEADLINE_OF_A_PLAN")
# "since Thursday" dates an engagement only as the start of one still going on, or of a "when" clause.
SINCE_WORD = re.compile(r"since\s+", re.IGNORECASE)
WHEN_AFTER = re.compile(r",?\s+when\b")
# "the first trip since 2019, when ...": background to the story, not one of its engagements
FIRST_BEFORE = re.compile(r"\bfirst\b(?:\s+[\w’'.-]+){0,6}\s*$", re.IGNORECASE)
IN_PROGRESS_BEFORE = re.compile(r"\b(?:has|have|had)\s+been\b(?:\s+[\w’'.-]+){0,8}\s*$", re.IGNORECASE)
SINCE_BEFORE = _cue("SINCE_BEFORE")
SINCE_CLAUSE = re.compile(r"\bsince\s+(?:[\w’'.,-]+\s+){0,12}?[a-z]+(?:ed|ld|met|made|took|paid)\b")
BARE_YEAR = re.compile(r"(?:in|during|throughout)\s+((?:19|20)\d\d)", re.IGNORECASE)
YEAR_WRITTEN = re.compile(r"(?:19|20)\d\d")
POSSESSIVE = re.compile(r"['’]s\b")
RELATION_BEFORE = _cue("RELATION_BEFORE")
# "during their tele-summit on Monday": the time of an engagement named just before it
ENGAGEMENT_FRAME = _cue("ENGAGEMENT_FRAME")
# A clause about another event between a trigger and a later time: "came a day after ... fired".
OTHER_EVENT_CLAUSE = _cue("OTHER_EVENT_CLAUSE")
# What an invitation asks for, between it and a later time: "for X to lead ...", "to Tokyo".
INVITED_TO = re.compile(r"\bto\s+(?:[a-z]+|[A-Z][\w.-]+)\b")
SCHEDULE_WORDS = _cue("SCHEDULE_WORDS")
# A clause that tells where and when an engagement takes place: ", which is expected to take place in".
VENUE_CLAUSE = _cue("VENUE_CLAUSE")
# An engagement held at another: "will meet her on the sidelines of the summit".
SETTING_OF = _cue("SETTING_OF")
# "the meeting is scheduled for": a venue clause that is the predicate of its subject.
AUXILIARY_BEFORE = _cue("AUXILIARY_BEFORE")
# A verbal trigger that ends on the noun of a gathering: "held a summit".
ENGAGEMENT_NOUN_END = _cue("ENGAGEMENT_NOUN_END")
# An arrival told by an adjunct: "after arriving in Tokyo", "upon landing".
ARRIVAL_WORD = _cue("ARRIVAL_WORD")
ARRIVAL_ADJUNCT = _cue("ARRIVAL_ADJUNCT")
# Another verb between a trigger and a place: "an agreement to invest in the US".
OTHER_PREDICATE = _cue("OTHER_PREDICATE")
# What follows the place of a dateline: "SEOUL, March 3 (Yonhap) — ", "TOKYO: ".
DATELINE_AFTER = re.compile(r"(?:,\s*[A-Z][\w .]{0,20})?\s*(?:\([^)]{1,30}\)\s*)?(?::|\s[-—–])\s")
# Where a venue clause ends: ", according to", ";".
VENUE_CLAUSE_END = _cue("VENUE_CLAUSE_END")
# "two days after the talks", "the eve of the summit": counted from an engagement the text names
NAMED_REFERENCE = _cue("NAMED_REFERENCE")
IN_THE_DAY = _cue("IN_THE_DAY")
# A sentence opening a new thread of the story, whose "earlier in the day" is the report's day.
NEW_THREAD = _cue("NEW_THREAD")

# ---- Frames: a sentence that opens on an engagement already told.

DURING_EVENT = _cue("DURING_EVENT")
TRIP_NOUNS = _words("TRIP_NOUNS")
AFTER_EVENT = _cue("AFTER_EVENT")
# A sentence opening in the place of a stay: "While in Japan, ...".
WHILE_IN = _cue("WHILE_IN")
# The length of a trip, and where it goes when it has several stops: "a five-day tour of Asia".
VISIT_LENGTH = _cue("VISIT_LENGTH")
SEVERAL_STOPS = _cue("SEVERAL_STOPS")
# A trip told as it ends: "wrapped up a three-day visit".
TRIP_ENDED = _cue("TRIP_ENDED")

# ---- Participants: possessors, objects, delegations, counterparts, invitations and titles.

QUOTE = re.compile(r"“[^“”]*”|\"[^\"]*\"")  # an unclosed “ stops at the next one: linear
# A first- or second-person pronoun ("we", "our"; not the country "US"): a quotation with one is speech.
SPEAKERS_OWN = _cue("SPEAKERS_OWN")
POSSESSOR_GAP = re.compile(r"^\s*(?:[“\"‘]?[\w-]+[”\"’]?\s+){0,4}$")  # words, perhaps quoted
# The possessive ending after a name as found: "'s", "’", or ".'s" after "Jr".
POSSESSIVE_MARK = re.compile(r"\.?['’]s?")
WITH_BEFORE = _cue("WITH_BEFORE")
# What makes a person an object: a preposition or a verb right before the name and its title.
OBJECT_BEFORE = _cue("OBJECT_BEFORE")
# The "of" phrase after an event noun, up to the verb or clause break that ends it.
OF_PHRASE = re.compile(
    r"\s*of\s+(?:[^,;:()]|\([A-Z][\w.]{0,12}\))*?"
    r"(?=\s+(?:held|was|were|is|are|in|on|at|that|which)\b|[,;:]|\((?![A-Z][\w.]{0,12}\))|$)"
)
# A compound of sides right before an event noun: "the second Bae-Ro summit", "the inter-Korean talks".
COMPOUND_BEFORE = re.compile(
    r"(?P<compound>(?i:inter-korean)|(?:[A-Z][\w.]*(?:[-–/](?=[A-Z]))){1,3}[A-Z][\w.]*)"
    r"(?:\s+(?:[a-z][\w'’-]*|[A-Z][a-z]+(?:['’]s?)?)){0,3}\s+$"
)
HELD_BETWEEN = _cue("HELD_BETWEEN")
# "his Japanese counterpart, X,", "Tanabe's predecessor, X,": a description of the person who follows.
COUNTERPART_GAP = re.compile(
    r"\s*(?:his|her|their|its|the|[A-Z][\w.-]*['’]s?)\s+(?:[\w.-]+\s+){0,2}"
    r"(?:counterparts?|predecessor|successor),\s*"
)
INVITATION_OF = _cue("INVITATION_OF")
# The subject of "accepted X's invitation" is the one invited.
TOOK_UP_INVITATION = _cue("TOOK_UP_INVITATION")
# A delegation and who leads it: "a delegation of lawmakers, led by X,".
DELEGATION = _cue("DELEGATION")
LEADS_DELEGATION = _cue("LEADS_DELEGATION")
ASKED_TO = _cue("ASKED_TO")
MEMBERS = _cue("MEMBERS")
LED_BY = re.compile(r"[\w\s-]{0,30}?,?\s+(?:led|headed)\s+by\s+")
LEADER_TITLE = _cue("LEADER_TITLE")
MINISTER_TITLE = _cue("MINISTER_TITLE")
# People met, named as members of a group: "met senior officials, including Prime Minister A, ...".
INCLUDING_LIST = _cue("INCLUDING_LIST")
# A relative clause about several people: ", who were both visiting", ", who are in Tokyo".
PLURAL_RELATIVE = _cue("PLURAL_RELATIVE")

# ---- Together or apart: one occasion of several people, or one engagement each.

COURTESY_CALL = _cue("COURTESY_CALL")
BILATERAL = _cue("BILATERAL")
# Words that make several people's meeting one occasion.
JOINT = _cue("JOINT")
# Words that make several people's meeting one occasion even when the event noun is plural.
TOGETHER = _cue("TOGETHER")
# "meetings with A, B and C": one meeting with each.
PLURAL_MEETINGS = _cue("PLURAL_MEETINGS")
SEPARATE = _cue("SEPARATE")
# Words that make one person's engagement with several people one with each.
APART = _cue("APART")
# "Joint" in a name or title ("Japan Joint Staff", "the Joint Chiefs"): not met together.
PROPER_JOINT = _cue("PROPER_JOINT")
# A meeting held at a distance, which makes it a call: "held the 2+2 with X via video conference".
REMOTE_MEANS = _cue("REMOTE_MEANS")

# ---- Places: destinations, place modifiers and lists of stops.

BY_VISITOR_TO = re.compile(r"\s+by\s+[^,;.()]{1,60}?\s+to\s+(?:the\s+)?")
PLACE_MODIFIER = _cue("PLACE_MODIFIER")
DEMONYM_BEFORE = _cue("DEMONYM_BEFORE")
# What a trip is for: "for talks with", "for a day of meetings with".
PURPOSE = _cue("PURPOSE")
LIST_GAP = re.compile(r",\s+")
SECOND_PLACE_GAP = re.compile(
    r"(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+(?:of\s+)?[A-Z][\w.’'-]*){0,3})?,?\s+and\s+(?:then\s+)?"
)

# ---- References: an engagement told before, an earlier occasion, another one, a call's wording, topics.

REFERENCE = re.compile(
    # "On the three-day trip, ...", "..., and the trilateral meeting is scheduled for Friday"
    r"^(?:\s*(?:on|during|throughout|over|and|but|while)\s+(?=the\s|this\s|that\s))?"
    r"(?!\s*(?:a|an)\s)\s*(?:the|this|that|these|those|such)?\s*(?:[a-z][\w-]*\s+){0,2}$",
    re.IGNORECASE,
)
PREVIOUS_OCCASION = _cue("PREVIOUS_OCCASION")
DISTINCT = _cue("DISTINCT")
CALL_WORDS = _cue("CALL_WORDS")
IN_PERSON_WORDS = _cue("IN_PERSON_WORDS")
TOPIC_CUE = _cue("TOPIC_CUE")
COMPOUND = re.compile(r"\b[A-Z][\w.]*(?:-[A-Z][\w.]*)+")


@attrs.frozen
class _CueSearch:
    """How :func:`found` searches for a case-insensitive cue.

    Python's regular expressions are several times slower ignoring case, so
    the cue's case-sensitive twin is searched for in the lower-cased text
    instead; a cue naming capitals (a lookahead for "[A-Z]") keeps ignoring
    case. Most cues are found in few clauses: ``phrases``, when the cue has
    them, finds first whether the text holds one of the phrases every match
    holds (:func:`~alliancekit.literals.required_literals`), in one pass;
    ``options`` are those phrases.
    """

    twin: re.Pattern[str]
    phrases: ahocorasick.Automaton | None
    options: frozenset[str] = frozenset()

    @classmethod
    def of(cls, pattern: re.Pattern[str]) -> _CueSearch:
        cased = _UPPER_OUTSIDE_ESCAPES.search(pattern.pattern) is not None
        twin = pattern if cased else re.compile(pattern.pattern, pattern.flags & ~re.IGNORECASE)
        # A cue of short words ("is", "will") has phrases only of two letters, which spaced as whole
        # words (" is ") still rule out most clauses.
        required = required_literals(twin) or required_literals(twin, min_letters=2)
        if required is None:
            return cls(twin, None)
        options = max(required, key=selectivity)
        phrases = ahocorasick.Automaton()
        for phrase in options:
            phrases.add_word(phrase, phrase)
        phrases.make_automaton()
        return cls(twin, phrases, options)

    def may_match(self, scanned: str) -> bool:
        """Whether a text, as its scanned text ``scanned`` tells, holds one of the phrases."""
        return self.phrases is None or next(self.phrases.iter(scanned), None) is not None

    def found(self, text: str) -> bool:
        lowered = text.lower()
        scanned = scanned_if_ascii(lowered) if self.phrases is not None else None
        if scanned is not None and not self.may_match(scanned):
            return False
        return self.twin.search(lowered) is not None


# Each cue's search, by the pattern's source and flags (whose hash is kept, unlike a compiled pattern's).
_SEARCHES: dict[tuple[str, int], _CueSearch] = {}
_UPPER_OUTSIDE_ESCAPES = re.compile(r"(?<!\\)[A-Z]")
# The flag as a plain integer: a pattern's flags tested against the enum member take 40 times as long.
_IGNORECASE = re.IGNORECASE.value


def found(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the case-insensitive ``pattern`` matches somewhere in ``text``.

    >>> found(CANCEL, "The trip was CALLED OFF on Monday")
    True
    """
    return _search_of(pattern).found(text)


def spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """Where the case-insensitive ``pattern`` matches in ``text``: the spans ``pattern.finditer`` finds.

    In a text whose word characters are all ASCII
    (:func:`~alliancekit.literals.ascii_words`), lower case keeps each
    character where it is and stands for every case the pattern matches, so
    the cue's case-sensitive twin finds the same spans in the text in lower
    case, several times quicker.

    >>> spans(VENUE_CLAUSE, "The summit, which will be HELD in May, and talks set for June")
    [(10, 30), (48, 56)]
    """
    search = _search_of(pattern)
    if pattern.flags & _IGNORECASE and search.twin is not pattern and ascii_words(text):
        return [match.span() for match in search.twin.finditer(text.lower())]
    return [match.span() for match in pattern.finditer(text)]


def may_match(pattern: re.Pattern[str], scanned: str) -> bool:
    """Whether a text may match the case-insensitive ``pattern``, as its scanned text ``scanned`` tells.

    ``False`` when it holds none of the phrases one of which every match of
    ``pattern`` holds (:func:`~alliancekit.literals.required_literals`): a
    quick look before the pattern, for text whose word characters are all
    ASCII (:func:`~alliancekit.literals.scanned_if_ascii` gives its scanned
    text); for other text, only the pattern can tell.

    >>> may_match(CANCEL, " the trip was called off "), may_match(CANCEL, " they met on monday ")
    (True, False)
    """
    key = (pattern.pattern, pattern.flags)
    look = _LOOK
    bit = look.bits.get(key)
    if bit is None:
        if _search_of(pattern).phrases is None:
            return True
        look = _look_for(key)
        bit = look.bits[key]
    return look.cues_in(scanned) & bit != 0


class _PhraseLook:
    """The phrases of the cues asked about so far, all in one automaton, each with a bit of its cue.

    A sentence's cues are asked about one after another, of its one scanned
    text: one pass over it tells which of them it may match, kept for the
    next question (five passes, one per cue, took twice as long).
    """

    def __init__(self, bits: dict[tuple[str, int], int], phrases: dict[str, int]) -> None:
        self.bits = bits
        self.phrases = phrases
        self._automaton = ahocorasick.Automaton()
        for phrase, cue_bits in phrases.items():
            self._automaton.add_word(phrase, cue_bits)
        if phrases:
            self._automaton.make_automaton()
        self._last: tuple[str, int] = ("", 0)

    def cues_in(self, scanned: str) -> int:
        """The bits of the cues one of whose phrases ``scanned`` holds."""
        last, found = self._last
        if scanned is not last and scanned != last:
            found = 0
            for _, cue_bits in self._automaton.iter(scanned):
                found |= cue_bits
            self._last = (scanned, found)
        return found


_LOOK = _PhraseLook({}, {})


def _look_for(key: tuple[str, int]) -> _PhraseLook:
    """The look with the phrases of the cue ``key`` too, made anew (a new cue is rare: a few per run)."""
    global _LOOK
    bit = 1 << len(_LOOK.bits)
    phrases = dict(_LOOK.phrases)
    for phrase in _SEARCHES[key].options:
        phrases[phrase] = phrases.get(phrase, 0) | bit
    _LOOK = _PhraseLook({**_LOOK.bits, key: bit}, phrases)
    return _LOOK


def _search_of(pattern: re.Pattern[str]) -> _CueSearch:
    """The search for a cue, made the first time it is asked for."""
    key = (pattern.pattern, pattern.flags)
    search = _SEARCHES.get(key)
    if search is None:
        search = _SEARCHES[key] = _CueSearch.of(pattern)
    return search
