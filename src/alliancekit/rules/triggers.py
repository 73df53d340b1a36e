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

import re

import attrs

from alliancekit.model import EventType

__all__ = ["Trigger", "find_triggers"]


@attrs.frozen
class Trigger:
    """One trigger found in a sentence (offsets are document offsets).

    ``hosting`` marks triggers whose subject is the host ("hosted",
    "welcomed"); ``needs_person_object`` those that count only when a person
    follows ("received X", "welcomed X"); ``destination`` those whose object
    is a place ("visited Guam", "trip to Japan").
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
        r"\b(?:held|hold|holds|holding|had|have|has)\s+(?:a\s+|an\s+)?(?:\w+\s+)?(?:tele)?phone\s+(?:call|conversation|talks?|conference)",
        _C,
        "verbal",
        {},
    ),
    (
        r"\b(?:held|hold|holds|holding|had)\s+(?:a\s+|an\s+)?(?:\w+\s+)?video\s*(?:call|conference|link|talks?|meeting|summit)",
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
        r"\b(?:spoke|speak|speaks|talked|talk|talks|met)\s+(?:\w+\s+){0,4}?(?:by|via|over)\s+video(?:\s*(?:link|conference|call))?\b",
        _C,
        "verbal",
        {},
    ),
    (r"\b(?:phoned|telephoned|(?:will|to)\s+(?:phone|telephone))\b", _C, "verbal", {}),
    (
        r"\b(?:spoke|spoken|speaks)\s+with\b(?=\s+(?:[A-Z]|his\b|her\b|the\b))",
        _C,
        "verbal",
        {"needs_call_context": True},
    ),
    (
        r"\b(?:(?:tele)?phone|video)\s+(?:call|conversation|talks?|conference|summit|meeting)s?\b",
        _C,
        "nominal",
        {},
    ),
    (r"\bvideo-?conference\b|\bvirtual\s+(?:meeting|summit|talks)\b|\bteleconference\b", _C, "nominal", {}),
    (r"\bin\s+a\s+call\b|\ba\s+call\s+(?:with|between)\b", _C, "nominal", {}),
    # --- invitations ---
    (
        r"\b(?:invited|invites|invite|inviting)\b(?=\s+(?:[A-Z]|his|her|their|him|them|the)[^.;]{0,120}?\bto\s+(?:visit|come|attend|travel|make))",
        _I,
        "verbal",
        {"invites_visit": True},
    ),
    (r"\b(?:invited|invites|invite|inviting)\b", _I, "verbal", {}),
    (
        r"\b(?:extended|extends|extend|extending|issued|sent|delivered|conveyed|renewed)\s+(?:an?\s+|his\s+|her\s+|the\s+)?(?:formal\s+|official\s+|personal\s+)?invitation\b",
        _I,
        "verbal",
        {"invites_visit": True},
    ),
    (r"\binvitation\b", _I, "nominal", {"invites_visit": True}),
    # --- visits ---
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
        r"\b(?:traveled|travelled|travels|travel|traveling|travelling|flew|flown|fly|flies|flying|headed|heads|head|went|go|goes)\s+(?:[a-z]+\s+){0,3}?to\b(?=\s+(?:the\s+)?[A-Z])",
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
    (r"\b(?:toured|tours|tour|touring)\b(?=\s+(?:the\s+)?[A-Z])", _V, "verbal", {"destination": True}),
    (
        r"\b(?:attended|attend|attends|attending)\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}?(?:ceremony|commemoration|memorial\s+service|parade|wreath-laying)\b",
        _V,
        "verbal",
        {"destination": True},
    ),
    (r"\b(?:flew|flown|arrived|landed)\s+in\b(?!\s+(?:the\s+)?[A-Z])", _V, "verbal", {"arrival": True}),
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
        r"\b(?:met|meets|meet|(?:(?<=is )|(?<=are )|(?<=was )|(?<=ere )|(?<= be )|(?<=een ))meeting)(?:\s+with)?\b(?=\s+(?:[A-Z]|his\b|her\b|their\b|the\b|top\b|senior\b))",
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
    (r"\b(?:was|were|is|are|will\s+be)\s+joined\s+by\b", _M, "verbal", {}),
    (
        r"\b(?:talked|talk|talks|talking|conferred|confer|confers|sat\s+down|sit\s+down|sits\s+down)\s+with\b",
        _M,
        "verbal",
        {},
    ),
    (r"\b(?:sat|sit|sits)\s+down\b", _M, "verbal", {}),
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
    (r"\b(?i:meetings?|talks|summit)\s+(?:of|in|at)\b", _M, "nominal", {}),
    (r"\b(?i:meeting|meetings|talks|summit)\b", _M, "nominal", {}),
]

_COMPILED = [(re.compile(pattern), kind, form, flags) for pattern, kind, form, flags in _PATTERNS]

# Triggers that are really something else.
_FALSE = re.compile(
    r"\b(?:called\s+(?:off|for)|phone\s+(?:number|line)s?|state\s+visit(?:or)?s?\s+center|visitors?\b|"
    r"meet(?:s|ing)?\s+(?:the\s+)?(?:needs?|demands?|targets?|goals?|requirements?|expectations?|deadline|standards?)|"
    r"talk(?:s|ed)?\s+(?:about|of)\s+(?:the\s+)?(?:need|importance)|visit\s+(?:the\s+)?(?:website|site|page))"
)


# Every pattern above contains one of these stems; a sentence with none has no trigger.
_ANY_TRIGGER_WORD = re.compile(
    r"(?i:meet|met\b|talk|visit|trip|tour|travel|flew|flown|fly|flies|arriv|land|host|welcom|receiv|call|"
    r"phone|video|virtual|invit|summit|confer|exchang|down|dialogue|consultation|discussion|conven|gather|"
    r"join|attend|participat|part\b|stop|stay|leave|left|depart|head|went|\bgo\b|goes|came|come|return|"
    r"journey|lunch|dinner|breakfast|courtesy|be\s+in|held|hold|had\b|have\b|has\b|conduct|2\s*\+\s*2|"
    r"bound|set\s+off|pa(?:y|id)|ma(?:ke|de|king)|spoke|speak|sat\b|sit\b)"
)


def find_triggers(sentence: str, offset: int) -> list[Trigger]:
    """Every trigger in a sentence, earliest first, overlapping matches dropped.

    >>> [t.type.value for t in find_triggers("Trump invited Ishiba to visit Washington during a phone call.", 0)]
    ['invitation', 'visit', 'call']
    """
    if _ANY_TRIGGER_WORD.search(sentence) is None:
        return []  # most sentences name no engagement: one cheap scan instead of every pattern
    taken: list[tuple[int, int]] = [(m.start(), m.end()) for m in _FALSE.finditer(sentence)]
    found: list[Trigger] = []
    for pattern, kind, form, flags in _COMPILED:
        for match in pattern.finditer(sentence):
            start, end = match.start(), match.end()
            if any(start < stop and begin < end for begin, stop in taken):
                continue
            taken.append((start, end))
            found.append(Trigger(kind, form, offset + start, offset + end, match.group(), **flags))
    found.sort(key=lambda trigger: trigger.start)
    return found
