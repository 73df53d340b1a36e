"""Clauses: where a trigger's clause begins and ends, and the asides and frames inside a sentence.

A trigger's people, tense and time are read from its clause, so the clause
must stop where another one starts: at a semicolon, a dash, a reporting verb,
a conjunction before a new subject. Relative clauses set off by commas are
asides ("X, who arrived on Monday, held talks"), and a sentence opening
"During the talks, ..." frames a main clause that follows the comma.

>>> text = "Rubio met Motegi on Friday, and Lee will visit Tokyo next week."
>>> breaks = ClauseBreaks(text)
>>> text[: breaks.right_of(text.index("met") + 3)]
'Rubio met Motegi on Friday'
"""

from __future__ import annotations

import array
import bisect
import re
from collections.abc import Callable

from alliancekit.model import EventType
from alliancekit.rules.text import Sentence
from alliancekit.rules.triggers import Trigger
from alliancekit.temporal import TimeMention

__all__ = [
    "CLAUSE_BREAK",
    "CLAUSE_REACH",
    "ClauseBreaks",
    "aside_around",
    "frame_main",
    "in_aside",
    "subordinate_start",
]

# A clause break: a semicolon, a dash, a comma before a conjunction or relative word, a reporting
# verb, or "and" before a new subject or a new verb. The alternatives are grouped by what opens them
# (";", ",", white space, a word, the start), so a position is tried only against those that can open
# there; within a group, the alternatives that open with the same white space share it, for the
# same reason (each of them opens with a letter after it).
CLAUSE_BREAK = re.compile(
    r";|"
    # After a comma: a conjunction or relative word, "in which", "days after", "and that", a reporter named
    # before their verb, "plus", "as well as", "and" before another engagement or a new subject.
    r",\s+(?:(?:as|while|whereas|where|which|who|after|before|but|although|though|when)\b|"
    r"(?:in|at|during|under|after)\s+which\b|(?:(?:a|one|two|three|several|a\s+few)\s+)?(?:days?|weeks?|hours?)\s+"
    r"(?:after|before)\b|and\s+that\b|"
    # ", Foreign Ministry spokesman X announced ...": the reporter and their title are no part of
    # the clause before them.
    r"(?=(?:(?:[A-Z][\w.'’-]*|spokes(?:man|woman|person)|chief|deputy|press|cabinet|secretary|"
    r"minister|ministry|officials?|foreign|senior|of|the|for|a)\s+){1,8}"
    r"(?:said|says|announced|told|added|noted|stated)\b)|"
    # "talks with A and B, plus a trilateral with C and D" are two engagements.
    r"plus\s+(?=(?:an?|the|separate)\s)|"
    r"as\s+well\s+as\b|and\s+(?=(?:an?\s+|the\s+)?(?:separate|another|second|further|other)\s)|and\s+(?:(?:earlier|later)\s+(?:this|that|last|next)\s+(?:week|month|year)\s+|"
    r"(?:last|next|this)\s+(?:week|month|year)\s+)?(?=(?:then\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\s+(?:will|would|is|was|has|had|then|also|later|"
    r"held|met|spoke|flew|went|paid|made|took|sat|[a-z]+ed|[a-z]+s)\b)|"
    r"and\s+(?:then\s+|later\s+|tomorrow\s+|today\s+|(?:on\s+)?[A-Z][a-z]+day\s+)?(?=(?:he|she|they)\s+(?:will|would|is|"
    r"was|are|were|has|had|then|also|later|[a-z]+ed|[a-z]+s)\b))|"
    # After white space: a dash, "plus", "and" before a new verb, "before" or "after" before a gerund.
    r"\s(?:[—–]\s|\s*(?:plus\s+(?=(?:an?|the|separate)\s)|"
    r"and\s+(?=(?:is|are|was|were|will|would|has|have|had)\s+(?:also\s+)?(?:expected|scheduled|set|slated|due|likely|"
    r"to|going|planning|poised)\b)|"
    r"and\s+(?:to\s+|also\s+|then\s+|later\s+)?(?=(?:hold|meet|visit|pay|make|travel|tour|host|attend|co-chair|chair)\s))|(?:before|after|while|besides|(?:in\s+addition|on\s+top)\s+to)\s+(?=[a-z]+ing\b)|"
    r"(?:and|but)\s+(?:also\s+|then\s+|later\s+)?(?=(?:agreed|said|discussed|confirmed|reaffirmed|pledged|vowed|"
    r"expressed|emphasized|emphasised|stressed|urged|affirmed|noted|shared|underscored|highlighted|"
    r"announced|signed|welcomed|thanked|asked|called|praised|laid|offered|received|reviewed|explored)\b))|"
    # At the start of a word: a reporting verb, "according to ...,", "as" before a name.
    r"\b(?:(?:said|says|told\s+\w+|announced|reported|added|noted|stated)\b(?:\s+(?:on\s+)?\w+day)?(?:\s+that)?|"
    r"according\s+to\b[^,]*,|as\s+(?=[A-Z]))|"
    # A fronted concession ("Despite Okafor's cancellation, X will still meet Y") is not the main clause's.
    r"^\s*(?:Despite|Notwithstanding|Regardless\s+of)\b[^,;]*,"
)
# The characters a clause break can begin with, by the openings of CLAUSE_BREAK's alternatives (keep
# the two in step): a ";", a "," or white space, the first letter of a reporting verb, "according" or
# "as", or that of a fronted concession ("Despite"). The same breaks are found searching for
# CLAUSE_BREAK behind this look-ahead, which turns most positions away at once instead of trying
# every alternative there (a class of characters is one quick test; whether a word or the text
# starts there is left to the alternatives).
_BREAK_OPENING = r"(?=[;,\sanrstDNR])"
_GUARDED_CLAUSE_BREAK = re.compile(f"{_BREAK_OPENING}(?:{CLAUSE_BREAK.pattern})")
# How far a trigger's clause reaches on either side at most, in characters: far beyond
# any clause of news prose, and a bound on the work each trigger costs.
CLAUSE_REACH = 400
# A relative clause opened after a comma: ", who", ", which", ", whose".
RELATIVE_BREAK = re.compile(r",\s+(?:who|which|whose)\b")
# Words that open a subordinate clause, whose events keep their own status.
SUBORDINATOR = re.compile(r"\b(?:after|because|since|when|while|as|so\s+that)\b")
# Conjunctions after which a new subject starts its own clause: "was cancelled after Vohra flew",
# "the two ministers confirmed that vice ministers will meet".
CLAUSE_OPENER = re.compile(r"\b(?:after|because|since|when|while|that)\s+")
# A relative clause closed by a comma, whose tense is its own: ", who will accompany the Prime Minister,".
CLOSED_ASIDE = re.compile(r",\s+(?:who|which|whose)\b[^,]*,")
# A sentence opening that frames an engagement: "During the talks", "At their meeting on Friday".
FRAME_OPENING = re.compile(
    r"\s*(?:During|At|In|Over|Throughout)\s+(?:the|their|his|her|[A-Z][a-z]+day['’]s)\s+"
    r"(?:[\w-]+\s+){0,3}"
)
# A relative clause right after a comma.
RELATIVE_START = re.compile(r"\s*(?:which|who|where|when)\b")
# The start of a prepositional aside: ", on a three-day visit to Japan through Friday,".
ASIDE_START = re.compile(
    r"\s*(?:on|during|in|for|as\s+part\s+of|fresh\s+from|after)\s+(?:a|an|the|his|her|their)\b"
)
# What follows a relative clause when it was an aside of the main clause: its verb.
FINITE_AFTER_ASIDE = re.compile(r"\s+(?:had|has|have|was|were|is|are|will|would|[a-z]+ed)\b")
# The opening of a relative clause set off by a comma.
RELATIVE_ASIDE = re.compile(r",\s+(?:who|which|whose)\b")


class ClauseBreaks:
    """The clause breaks of one sentence, found once, for every trigger's clause.

    A trigger's clause runs from the last break before it to the first break
    after it. A relative clause closed by a comma before the trigger ("X,
    who also serves as Y, held talks") is an aside and no break.
    """

    def __init__(self, text: str) -> None:
        starts: list[int] = []
        ends: list[int] = []
        relative: list[bool] = []
        plain_before: list[int] = []  # for each break, the nearest at or before it not a relative one
        latest = -1
        for match in _GUARDED_CLAUSE_BREAK.finditer(text):
            start, end = match.span()
            opens_relative = RELATIVE_BREAK.match(text, start, end) is not None
            if not opens_relative:
                latest = len(starts)
            starts.append(start)
            ends.append(end)
            relative.append(opens_relative)
            plain_before.append(latest)
        self._text = text
        # Offsets kept as machine integers (array), not lists of int objects: every sentence of a long
        # document holds its breaks until the document is done.
        self._starts = array.array("l", starts)
        self._ends = array.array("l", ends)
        self._relative = array.array("b", relative)
        self._plain_before = array.array("l", plain_before)  # -1: none

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
            match = CLAUSE_BREAK.search(self._text, end)
            return len(self._text) if match is None else match.start()
        return self._starts[following] if following < len(self._starts) else len(self._text)

    def _comma_between(self, start: int, end: int) -> bool:
        return self._text.find(",", start, end) >= 0


def aside_around(text: str, sentence: Sentence, trigger: Trigger, left: int, right: int) -> tuple[int, int]:
    """The relative clause set off by commas that holds the trigger, or the clause itself.

    "X, who arrived in Jakarta on Monday, had been due to fly to Seoul":
    the arrival's clause is the aside, so "had been due" is not its tense.
    """
    openers = list(RELATIVE_ASIDE.finditer(text, max(sentence.start, left - 12), trigger.start))
    opened = openers[-1] if openers else None
    if opened is None or "," in text[opened.end() : trigger.start]:
        return left, right
    closed = text.find(",", trigger.end, sentence.end)
    if closed < 0 or not FINITE_AFTER_ASIDE.match(text, closed + 1):
        return left, right
    return max(left, opened.start()), closed


def subordinate_start(
    text: str,
    trigger: Trigger,
    left: int,
    names_someone: Callable[[int, int], bool],
    *,
    of_any_type: bool = False,
) -> int:
    """Where the clause of a verbal trigger starts when a conjunction opens it with its own subject.

    "... was cancelled after Vohra flew to Jakarta": the flight's clause
    starts at "Vohra"; "the two confirmed that vice ministers will meet":
    at "vice ministers". Otherwise ``left`` itself. Invitations keep their
    whole clause for their people, so only ``of_any_type`` (for reading
    a status) cuts theirs too. ``names_someone(start, end)`` tells whether
    a subject (a person, not a possessor, or a group) is named in a span.
    """
    if trigger.type is EventType.INVITATION and not of_any_type:
        return left  # who invites whom is read from the whole clause
    openers = list(CLAUSE_OPENER.finditer(text, left, trigger.start))
    opening = openers[-1] if openers else None
    if opening is None:
        return left
    if "," in text[opening.end() : trigger.start] and not opening.group().startswith("that"):
        return left
    if names_someone(opening.end(), trigger.start):
        return opening.end()
    return left


def frame_main(text: str, sentence: Sentence, trigger: Trigger) -> int | None:
    """Where the main clause starts when a sentence opens with a frame round this trigger.

    "During the talks in Tokyo, which lasted an hour, the two ministers
    agreed ...": the frame ends at the comma that no relative clause
    opens, and the main clause follows it. ``None`` for other triggers.
    """
    if trigger.type not in (EventType.MEETING, EventType.CALL) or trigger.form != "nominal":
        return None
    if not FRAME_OPENING.fullmatch(text, sentence.start, trigger.start):
        return None
    position = trigger.end
    for _ in range(3):
        comma = text.find(",", position, sentence.end)
        if comma < 0:
            return None
        if not RELATIVE_START.match(text, comma + 1):
            return comma + 1
        position = comma + 1
        closing = text.find(",", position, sentence.end)
        if closing < 0:
            return None
        position = closing + 1
        if not RELATIVE_START.match(text, position):
            return position
    return None


def in_aside(text: str, sentence: Sentence, mention: TimeMention, trigger: Trigger) -> bool:
    """Whether a time before the trigger sits in an aside set off by commas.

    A prepositional aside (", on a visit through Friday,") or a relative
    clause (", who arrived in Seoul late Sunday,"): its time is its own.
    """
    opened = text.rfind(",", sentence.start, mention.start)
    closed = text.find(",", mention.end, trigger.start)
    return (
        opened >= 0
        and closed >= 0
        and (
            ASIDE_START.match(text, opened + 1) is not None
            or RELATIVE_START.match(text, opened + 1) is not None
        )
    )
