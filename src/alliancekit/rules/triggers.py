"""Event triggers: the words that say a meeting, visit, call or invitation happens.

Each trigger pattern carries the event type and its form: ``verbal``
triggers ("met", "will visit") take their participants from the subject
before them and the object after; ``nominal`` ones ("Suga's visit to",
"talks between A and B", "a phone call between the two leaders") take them
from a possessor, or from ``between``/``with``/``by`` phrases.

>>> [(t.type.value, t.form, t.text) for t in find_triggers("Campbell met Okano on Jan. 16.", 0)]
[('meeting', 'verbal', 'met')]
"""

from __future__ import annotations

import bisect
import re

import attrs

from alliancekit.model import EventType

__all__ = ["Trigger", "find_triggers", "leading_words", "pattern_sources"]


@attrs.frozen
class Trigger:
    """One trigger found in a sentence (offsets are document offsets).

    ``hosting`` marks triggers whose subject is the host ("hosted",
    "welcomed"); ``needs_person_object`` those that count only when a person
    follows ("received X", "welcomed X"); ``destination`` those whose object
    is a place ("visited Guam", "trip to Japan"); ``abroad`` those that are
    a visit only to another country than the visitor's ("return to Japan" is
    a trip for a U.S. president, a homecoming for a Japanese minister);
    ``proposal`` those that propose an engagement ("proposed a summit");
    ``traveller_inside`` those that name the traveller within or just before
    themselves ("take him to", "Macron's final destination will be").
    """

    type: EventType
    form: str
    start: int
    end: int
    text: str
    hosting: bool = False
    needs_person_object: bool = False
    destination: bool = False
    invites_visit: bool = False
    needs_call_context: bool = False
    arrival: bool = False
    companion: bool = False
    abroad: bool = False
    proposal: bool = False
    traveller_inside: bool = False


_M, _V, _C, _I = EventType.MEETING, EventType.VISIT, EventType.CALL, EventType.INVITATION

_TALK_NOUN = (
    r"(?i:talks?|meetings?|summit(?:\s+(?:meeting|talks))?|discussions|consultations|dialogue|luncheon|lunch|"
    r"dinner|breakfast|conversation|courtesy\s+call|2\s*\+\s*2)"
)
_TALK_NOUNS = (
    r"(?:talks|a meeting|meetings|a summit|summit talks|discussions|a bilateral meeting|bilateral talks|"
    r"consultations|a dialogue|a working lunch|a working dinner|a luncheon|lunch|dinner|breakfast|"
    r"a courtesy call|a conversation|an? (?:in-person |face-to-face |bilateral )?(?:meeting|talks)|"
    r"a (?:[\w-]+ )?(?:ministerial |vice-ministerial |leaders['’] |foreign ministers['’] |defense ministers['’] )?meeting|"
    r"a (?:[\w-]+ )?summit|(?:[\w-]+ )?talks)"
)

# (pattern, type, form, flags)
_PATTERNS: list[tuple[str, EventType, str, dict[str, bool]]] = [
    # --- calls (before meetings, so "phone talks" is a call) ---
    (
        r"\b(?:held|hold|holds|holding|had|have|has)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:tele)?phone\s+(?:call|conversation|talks?|conference)",
        _C,
        "verbal",
        {},
    ),
    (
        r"\b(?:held|hold|holds|holding|had|have|has)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?(?:video|virtual|online)"
        r"(?:[\s-]*(?:link|conference))?\s*(?:call|conference|link|talks?|meeting|summit|conversation)",
        _C,
        "verbal",
        {},
    ),
    (
        r"\b(?:spoke|spoken|speak|speaks|speaking|talked|talk|talks|conferred|chatted)\s+(?:[\w.,]+\s+){0,6}?(?:by|over\s+the|on\s+the|via)\s+(?:tele)?phone\b",
        _C,
        "verbal",
        {},
    ),
    (
        r"\b(?:spoke|speak|speaks|talked|talk|talks|met|meet|meets|conferred)\s+(?:\w+\s+){0,4}?(?:by|via|over|through)\s+(?:a\s+)?"
        r"video(?:[\s-]*(?:link|conference|call))?\b",
        _C,
        "verbal",
        {},
    ),
    (r"\b(?:phoned|telephoned|(?:will|to)\s+(?:phone|telephone))\b", _C, "verbal", {}),
    # "met virtually", "held a teleconference with", "spoke by videoconference"
    (
        r"\b(?:met|meet|meets|meeting|spoke|speak|speaks|talked)\s+(?:virtually|online|remotely)\b",
        _C,
        "verbal",
        {},
    ),
    (
        r"\b(?:held|hold|holds|holding|had|joined|join|joins)\s+(?:a\s+|an\s+)?(?:[\w-]+\s+){0,2}?"
        r"(?:teleconference|videoconference|video-conference|tele-summit|virtual\s+summit)\b",
        _C,
        "verbal",
        {},
    ),
    # The plain verb: "President A called Prime Minister B on Friday to discuss trade". A person must
    # follow, and a purpose or a day after them, so "called X a friend" is no call.
    (
        r"(?<!so-)\b(?:called|calls)\b(?!\s+(?:on|for|off|in|up|out|it|back|him\s+a|her\s+a)\b)"
        r"(?=\s+(?:his|her|their|[A-Z])[^.;]{0,90}?\b(?:to\s+(?:discuss|talk|congratulate|express|thank|offer|convey|"
        r"brief|urge|reaffirm|confirm|share|exchange|coordinate)|on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|"
        r"Saturday|Sunday)|(?:late|early|earlier)\s+(?:on|in|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
        r"Sunday)|yesterday|last\s+(?:night|week)|(?:this|on\s+the)\s+(?:morning|evening)|and\s+(?:discussed|talked|"
        r"spoke|agreed|congratulated|thanked|expressed)))",
        _C,
        "verbal",
        {"needs_person_object": True},
    ),
    (
        r"\b(?:spoke|spoken|speaks)\s+(?:(?:today|yesterday|separately|again|briefly|on\s+(?:Monday|Tuesday|"
        r"Wednesday|Thursday|Friday|Saturday|Sunday))\s+)?(?:with|to)\b(?=\s+(?:[A-Z]|his\b|her\b|the\b))",
        _C,
        "verbal",
        {"needs_call_context": True},
    ),
    (
        r"\b(?:(?:tele)?phone|video(?:[\s-]*link)?)\s+(?:call|conversation|talks?|conference|summit|meeting)s?\b",
        _C,
        "nominal",
        {},
    ),
    (
        r"\bvideo-?conference\b|\bvirtual\s+(?:meeting|summit|talks|conversation)\b|\bteleconference\b|"
        r"\btele-summit\b",
        _C,
        "nominal",
        {},
    ),
    (r"\bin\s+a\s+call\b|\ba\s+call\s+(?:with|between)\b", _C, "nominal", {}),
    # --- invitations ---
    (
        r"\b(?:invited|invites|invite|inviting)\b(?=\s+(?:[A-Z]|his|her|their|him|them|the)[^.;]{0,120}?\bto\s+(?:visit|come|attend|travel|make))",
        _I,
        "verbal",
        {"invites_visit": True},
    ),
    (r"\b(?:invited|invites|invite|inviting)\b", _I, "verbal", {}),
    # "proposed a summit with X", "offered to host the talks": the proposer invites.
    (
        r"\b(?:proposed|proposes|propose|proposing|offered|offers|offer)\b(?=\s+(?:for\s+[^.;,]{3,60}?\s+)?"
        r"(?:to\s+(?:host|hold|meet)\b|(?:a|an|the|holding\s+a|hosting\s+a)\s+(?:[\w-]+\s+){0,2}?"
        r"(?:meeting|summit|talks)\b))",
        _I,
        "verbal",
        {"proposal": True},
    ),
    # "asked him to visit Seoul at an early date": a request to come is an invitation.
    (
        r"\b(?:asked|asks|ask|urged|urges|requested|requests)\b(?=\s+(?:him|her|them|the\s+[a-z]+(?:\s+[a-z]+)?|"
        r"[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,3})\s+to\s+(?:visit|come(?:\s+back)?\s+to|return\s+to|"
        r"make\s+a\s+(?:trip|visit)|travel\s+to)\b)",
        _I,
        "verbal",
        {"invites_visit": True},
    ),
    (
        r"\b(?:extended|extends|extend|extending|issued|sent|delivered|conveyed|renewed)\s+(?:an?\s+|his\s+|her\s+|the\s+)?(?:formal\s+|official\s+|personal\s+)?invitation\b",
        _I,
        "verbal",
        {"invites_visit": True},
    ),
    (r"\binvitation\b", _I, "nominal", {"invites_visit": True}),
    # --- visits ---
    # A companion's trip: "X will accompany Y", "X and Z are expected to travel with him".
    (
        r"\b(?:accompany|accompanies|accompanied|accompanying)\b(?=\s+(?:[A-Z]|him\b|her\b|them\b|the\s+[A-Za-z]))",
        _V,
        "verbal",
        {"companion": True},
    ),
    (
        r"\b(?:travel|travels|traveling|travelling|traveled|travelled|fly|flies|flew|go|goes|went)\s+with\b"
        r"(?=\s+(?:him|her|them|the\s+(?i:prime|president|foreign|defen[cs]e)|[A-Z]))",
        _V,
        "verbal",
        {"companion": True},
    ),
    (
        r"\b(?:will|would|to|may|might|could|shall)\s+be\s+in\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:visited|visits|visiting|visit)\b(?=\s+(?!to\b|of\b|with\b|by\b|in\b|at\b|on\b|from\b)(?:the\s+)?(?:[A-Z]|[a-z]+\s+[A-Z]))",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:paid|pay|pays|paying|made|make|makes|making)\s+(?:a|an|his|her|their|its)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip)\s+to\b",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:traveled|travelled|travels|travel|traveling|travelling|flew|flown|fly|flies|flying|headed|heads|head|went|go|goes)\s+(?:[a-z]+\s+){0,3}?"
        r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\s+)?"
        r"(?:from\s+(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}\s+)?to\b(?=\s+(?:the\s+)?(?:[A-Z]|country\b))",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:leave|leaves|left|leaving|depart|departs|departed|departing|set\s+off|sets\s+off|bound)\s+for\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:arrived|arrives|arrive|arriving|landed|lands|land)\s+in\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:toured|tours|tour|touring)\b(?=\s+(?:the\s+)?[A-Z]|\s+(?:the|a|an)\s+(?:[a-z-]+\s+){0,3}?"
        r"(?:base|facility|site|plant|shipyard|port|headquarters|factory|camp|station|museum|memorial)\s+"
        r"(?:at|in|of|near)\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    # "wrapped up a two-day swing through Seoul", "began a three-day visit to Manila": the subject went.
    (
        r"\b(?:wrapped\s+up|wraps\s+up|wrapping\s+up|concluded|concludes|concluding|began|begins|beginning|"
        r"started|starts|starting|kicked\s+off|kicks\s+off|ended|ends|completed|completes|cut\s+short|cuts\s+short)"
        r"\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,3}?(?:visit|trip|tour|swing)\s+(?:to|of|through|in)\b"
        r"(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    # "a swing that will also take him to Hawaii and Japan": the one taken travels.
    (
        r"\b(?:take|takes|took|taking|bring|brings|brought|bringing)\s+(?:him|her|them)\s+(?:on\s+)?to\b"
        r"(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True, "traveller_inside": True},
    ),
    # "His final destination will be Singapore", "the next stop is Manila": a stop of the trip.
    (
        r"\b(?:destination|stop|leg)\s+(?:will\s+be|would\s+be|is|was|is\s+to\s+be)\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True, "traveller_inside": True},
    ),
    # "asked Motegi to come to Seoul": the one asked would travel; "will come to Tokyo".
    (
        r"\b(?:come|comes|came|coming)\s+(?:back\s+)?to\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    # "will lead a bipartisan delegation to Tokyo": the leader travels.
    (
        r"\b(?:lead|leads|led|leading|head|heads|headed|heading)\s+(?:a|an|the|his|her)\s+(?:[\w-]+\s+){0,3}?"
        r"delegation\s+to\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:return|returns|returned|returning)\s+to\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True, "abroad": True},
    ),
    (
        r"\b(?:stop|stops|stopped|stopping)\s+(?:over\s+)?in\b(?=\s+(?:the\s+)?[A-Z])",
        _V,
        "verbal",
        {"destination": True},
    ),
    (
        r"\b(?:attended|attend|attends|attending)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:ceremony|commemoration|memorial\s+service|parade|wreath-laying)\b",
        _V,
        "verbal",
        {"destination": True},
    ),
    (r"\b(?:flew|flown|arrived|landed)\s+in\b(?!\s+(?:the\s+)?[A-Z])", _V, "verbal", {"arrival": True}),
    # "arrived here Wednesday": where the story is filed (the dateline's city).
    (r"\b(?:arrived|arrives|arriving|landed|lands)\s+here\b", _V, "verbal", {"arrival": True}),
    (
        r"\b(?i:visit|visits|trip|trips|tour|stopover|journey|travels)\b(?=\s+(?:to|of)\s+(?:the\s+)?[A-Z])",
        _V,
        "nominal",
        {"destination": True},
    ),
    (r"\b(?:stop|stopover|stay)\b(?=\s+in\s+(?:the\s+)?[A-Z])", _V, "nominal", {"destination": True}),
    (r"\b(?:visit|trip|tour|stopover|journey)\b", _V, "nominal", {}),
    # --- meetings ---
    (
        r"\b(?:hosted|hosts|host|hosting)\b(?!\s+(?:country|nation|city))",
        _M,
        "verbal",
        {"hosting": True, "needs_person_object": True},
    ),
    (
        r"\b(?:welcomed|welcomes|welcome|welcoming|received|receives|receive|receiving)\b",
        _M,
        "verbal",
        {"hosting": True, "needs_person_object": True},
    ),
    (
        r"\b(?:met|meets|meet|(?:(?<=is )|(?<=are )|(?<=was )|(?<=ere )|(?<= be )|(?<=een )|(?<=after )|(?<=before )|(?<=while ))meeting)(?:\s+with)?\b(?=\s+(?:[A-Z]|his\b|her\b|their\b|the\b|top\b|senior\b))",
        _M,
        "verbal",
        {},
    ),
    (r"\bmet\b", _M, "verbal", {}),
    (r"\b(?:convened|convene|convenes|gathered|gather|gathers)\b(?=\s+(?:in|at|on|for)\b)", _M, "verbal", {}),
    (
        r"\b(?:joined|join|joins)\b(?=[^.;]{0,160}?\bfor\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,4}(?:meeting|talks|summit|dialogue|session)\b)",
        _M,
        "verbal",
        {},
    ),
    (
        r"\bmeet\b(?=\s+(?:on|in|at|next|later|this|for|again|during|over|face-to-face|in\s+person)\b)",
        _M,
        "verbal",
        {},
    ),
    (rf"\b(?:held|hold|holds|holding|had|have|has|conducted|conduct)\s+{_TALK_NOUNS}", _M, "verbal", {}),
    (
        rf"\b(?:held|hold|holds|holding|conducted|conduct|convened|convene)\s+(?:an?\s+|the\s+|their\s+|its\s+)?(?:[\w.’'+()\"-]+\s+){{0,6}}?{_TALK_NOUN}\b",
        _M,
        "verbal",
        {},
    ),
    (
        rf"\b{_TALK_NOUN}\s+(?:was|were|is|are|will\s+be|would\s+be|had\s+been|has\s+been)\s+(?:held|convened)\s+(?:between|with|among)\b",
        _M,
        "nominal",
        {},
    ),
    (
        r"\b(?:to|will|would|could|may|might|agreed\s+to|plan\s+to|plans\s+to)\s+(?:meet|talk)\b",
        _M,
        "verbal",
        {},
    ),
    (
        r"\b(?:call|calls|calling)\s+on\b(?=\s+(?:[A-Z]|the\s+(?:prime\s+minister|president|emperor|king)))",
        _M,
        "verbal",
        {},
    ),
    (r"\b(?:exchanged|exchange|exchanges|exchanging)\s+(?:views|opinions|ideas)\b", _M, "verbal", {}),
    # "he would see Xi in Beijing": a meeting when a modal plans it and a person follows
    (
        r"\b(?:will|would|to|could|may|might|shall)\s+see\b(?=\s+(?:[A-Z]|his\b|her\b|their\b))",
        _M,
        "verbal",
        {"needs_person_object": True},
    ),
    (
        r"\b(?:co-chair|co-chairs|co-chaired|co-chairing|chair|chairs|chaired|chairing)\b(?=[^.;]{0,120}?\bwith\b)",
        _M,
        "verbal",
        {},
    ),
    (r"\b(?:was|were|is|are|will\s+be)\s+joined\s+by\b", _M, "verbal", {}),
    (
        r"\b(?:talked|talk|talks|talking|conferred|confer|confers|sat\s+down|sit\s+down|sits\s+down|"
        r"huddled|huddle|huddles|huddling|consulted|consult|consults)\s+with\b",
        _M,
        "verbal",
        {},
    ),
    (r"\b(?:sat|sit|sits)\s+down\b", _M, "verbal", {}),
    # "discussed the tariffs with Secretary Doe", "to discuss the issue with his counterpart"
    (
        r"\b(?:discussed|discuss|discusses|discussing)\b(?=[^.;:]{0,90}?\bwith\s+(?:his\b|her\b|their\b|the\s+[A-Z]|[A-Z]))",
        _M,
        "verbal",
        {"needs_call_context": True},
    ),
    (r"\b(?:talked|talk)\b(?=\s+about\b)", _M, "verbal", {}),
    (
        r"\b(?:paid|pay|pays|paying|made|make)\s+a\s+courtesy\s+call\s+on\b|\bcalled\s+on\b(?=\s+[A-Z])",
        _M,
        "verbal",
        {},
    ),
    (
        r"\b(?:participated|participate|participates|participating|took\s+part|take\s+part|takes\s+part|attended|attend|attends|attending|joined|join|joins|joining)\s+(?:in\s+)?(?:the\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,4}?(?:meetings?|talks|summit|dialogue|consultations|conference)\b",
        _M,
        "verbal",
        {},
    ),
    (rf"\b{_TALK_NOUN}\s+(?:between|with)\b", _M, "nominal", {}),
    # "The talks took place between A and B", "a bilateral with X on the sidelines"
    (rf"\b{_TALK_NOUN}\s+(?:took|take|takes|will\s+take)\s+place\b", _M, "nominal", {}),
    (r"\b(?:a|the)\s+(?:bi|tri)lateral\b(?=\s+(?:with|between|among|on|in|at)\b)", _M, "nominal", {}),
    (r"\b(?i:meetings?|talks|summit)\s+(?:of|in|at)\b", _M, "nominal", {}),
    (r"\b(?i:meeting|meetings|talks|summit)\b", _M, "nominal", {}),
]


_LITERAL_WORD = re.compile(r"[A-Za-z0-9]+")


def leading_words(source: str) -> frozenset[str] | None:
    r"""The words that every match of the pattern ``source`` begins with, case-folded.

    Read off the pattern's text, which must open each of its top-level
    alternatives with ``\b``: a leading word, or a leading group of
    alternatives each of which begins with a word; an optional group adds
    the words of what follows it. A character followed by ``?``, ``*`` or
    ``{`` is optional, so the word stops before it. When an alternative
    opens with anything else (a lookaround, a class, a repeated group) or
    lacks its ``\b``, the answer is ``None``: nothing is known, and the
    pattern always runs.

    >>> sorted(leading_words(r"\b(?:held|hold|talks?)\s+with"))
    ['held', 'hold', 'talk']
    >>> sorted(leading_words(r"\b(?:(?:tele)?phone|video)\s+call"))
    ['phone', 'tele', 'video']
    >>> leading_words(r"\bvideo-?conference|virtual") is None
    True
    """
    alternatives = _top_level_alternatives(source)
    if not all(alternative.startswith(r"\b") for alternative in alternatives):
        return None
    found = _leading(source, 0)
    return None if found is None else frozenset(word.casefold() for word in found[0])


def _leading(source: str, position: int) -> tuple[set[str], int] | None:
    """The leading words of the alternatives from ``position`` to the closing parenthesis, and its index."""
    found: set[str] = set()
    while True:
        words = _leading_one(source, position)
        if words is None:
            return None
        found |= words
        position = _alternative_end(source, position)
        if position >= len(source) or source[position] == ")":
            return found, position
        position += 1  # past the "|"


def _leading_one(source: str, position: int) -> set[str] | None:
    """The words that one alternative, starting at ``position``, may begin with."""
    if source.startswith(r"\b", position):
        position += 2
    for opening in ("(?:", "(?i:"):
        if source.startswith(opening, position):
            inner = _leading(source, position + len(opening))
            if inner is None:
                return None
            close = inner[1]
            if close + 1 < len(source) and source[close + 1] in "*{":
                return None
            if close + 1 < len(source) and source[close + 1] == "?":
                rest = _leading_one(source, close + 2)  # an optional group: or what follows it
                return None if rest is None else inner[0] | rest
            return inner[0]
    match = _LITERAL_WORD.match(source, position)
    if match is None:
        return None
    word = match.group()
    if match.end() < len(source) and source[match.end()] in "?*{":
        word = word[:-1]
    return {word} if word else None


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at the ``|`` that stand outside every group."""
    parts: list[str] = []
    position = 0
    while True:
        end = _alternative_end(source, position)
        parts.append(source[position:end])
        if end >= len(source):
            return parts
        if source[end] == ")":
            raise ValueError(f"unbalanced parenthesis at {end} in {source!r}")
        position = end + 1


def _alternative_end(source: str, position: int) -> int:
    """The index of the ``|`` or ``)`` that ends the alternative starting at ``position``."""
    depth = 0
    index = position
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = source.index("]", index + 2)  # a class: "]" right after "[" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        elif char == "|" and depth == 0:
            return index
        index += 1
    return index


@attrs.frozen
class _TriggerPattern:
    regex: re.Pattern[str]
    type: EventType
    form: str
    flags: dict[str, bool]
    words: frozenset[str] | None


_COMPILED = [
    _TriggerPattern(re.compile(source), kind, form, flags, leading_words(source))
    for source, kind, form, flags in _PATTERNS
]

# Triggers that are really something else.
_FALSE = re.compile(
    r"\b(?:called\s+(?:off|for)|phone\s+(?:number|line)s?|against\s+(?:travel(?:l?ing)?|visiting)\s+to\b|state\s+visit(?:or)?s?\s+center|visitors?\b|"
    r"meet(?:s|ing)?\s+(?:the\s+)?(?:needs?|demands?|targets?|goals?|requirements?|expectations?|deadline|standards?)|"
    r"talk(?:s|ed)?\s+(?:about|of)\s+(?:the\s+)?(?:need|importance)|visit\s+(?:the\s+)?(?:website|site|page))"
)


# Which patterns each leading word lets run; patterns with no known words always run.
_ALWAYS = frozenset(index for index, pattern in enumerate(_COMPILED) if pattern.words is None)
_ENABLED_BY: dict[str, frozenset[int]] = {
    word: frozenset(index for index, pattern in enumerate(_COMPILED) if word in (pattern.words or ()))
    for pattern in _COMPILED
    for word in pattern.words or ()
}
_WORD_LENGTHS = sorted({len(word) for word in _ENABLED_BY})
_TEXT_WORD = re.compile(r"\w+")


def _patterns_for(sentence: str) -> list[int]:
    """The indices, in order, of the patterns that can match in ``sentence``.

    A pattern with known leading words matches only at a word boundary, so
    where one of its words begins a word of the sentence (matched case-
    insensitively, as case folding may widen but never narrow a match).
    """
    chosen = set(_ALWAYS)
    for word in set(_TEXT_WORD.findall(sentence.casefold())):
        enabled = _PATTERNS_OF_WORD.get(word)
        if enabled is None:
            enabled = _patterns_of_word(word)
        if enabled:
            chosen |= enabled
    return sorted(chosen)


# The patterns a text word lets run, remembered for the words seen (news has a bounded vocabulary).
_PATTERNS_OF_WORD: dict[str, frozenset[int]] = {}
_REMEMBERED_WORDS = 200_000


def _patterns_of_word(word: str) -> frozenset[int]:
    enabled: set[int] = set()
    for length in _WORD_LENGTHS:
        if length > len(word):
            break
        enabled |= _ENABLED_BY.get(word[:length], frozenset())
    found = frozenset(enabled)
    if len(_PATTERNS_OF_WORD) < _REMEMBERED_WORDS:
        _PATTERNS_OF_WORD[word] = found
    return found


def pattern_sources() -> list[str]:
    """The regular expressions of every trigger pattern, in the order they are tried.

    For tools that must know what can start an engagement (the document gate
    of :mod:`alliancekit.io.gate` derives its cue words from them).

    >>> any("phone" in source for source in pattern_sources())
    True
    """
    return [source for source, *_ in _PATTERNS]


def find_triggers(sentence: str, offset: int) -> list[Trigger]:
    """Every trigger in a sentence, earliest first, overlapping matches dropped.

    >>> [t.type.value for t in find_triggers("Trump invited Ishiba to visit Washington during a phone call.", 0)]
    ['invitation', 'visit', 'call']
    """
    chosen = _patterns_for(sentence)  # most sentences let only a few patterns run
    if not chosen:
        return []
    # What is taken so far: disjoint spans, sorted, so an overlap is a lookup on either side.
    starts: list[int] = []
    ends: list[int] = []
    for match in _FALSE.finditer(sentence):
        starts.append(match.start())
        ends.append(match.end())
    found: list[Trigger] = []
    for index in chosen:
        pattern = _COMPILED[index]
        kind, form, flags = pattern.type, pattern.form, pattern.flags
        for match in pattern.regex.finditer(sentence):
            start, end = match.start(), match.end()
            place = bisect.bisect_right(starts, start)
            if (place and ends[place - 1] > start) or (place < len(starts) and starts[place] < end):
                continue
            starts.insert(place, start)
            ends.insert(place, end)
            found.append(Trigger(kind, form, offset + start, offset + end, match.group(), **flags))
    found.sort(key=lambda trigger: trigger.start)
    return found
