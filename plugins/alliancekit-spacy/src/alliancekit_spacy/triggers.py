"""Event triggers found in the dependency parse.

A trigger is a token whose lemma states a meeting, visit, call or
invitation. Most are single words ("met", "visited", "invited", "talks");
the rest are verb-object or verb-preposition pairs that spaCy's
:class:`~spacy.matcher.DependencyMatcher` finds in the tree whatever stands
between the two words: "held (three hours of) talks", "exchanged views",
"spoke (with Rubio) by phone", "flew (by helicopter) to Yokosuka", "paid a
visit to", "extended an invitation".

>>> import spacy
>>> from spacy.tokens import Doc
>>> nlp = spacy.blank("en")
>>> doc = Doc(nlp.vocab, words=["Abe", "met", "Biden"], heads=[1, 1, 1],
...           deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"],
...           lemmas=["Abe", "meet", "Biden"])
>>> [(t.type.value, t.form, doc[t.token].text) for t in TriggerFinder(nlp.vocab)(doc)]
[('meeting', 'verbal', 'met')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
from alliancekit.model import EventType
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc, Token
from spacy.vocab import Vocab

from alliancekit_spacy.chains import ChainMatcher

__all__ = ["CALL_MEDIA", "PATTERNS", "REQUIRED_WORDS", "Trigger", "TriggerFinder"]

_M, _V, _C, _I = EventType.MEETING, EventType.VISIT, EventType.CALL, EventType.INVITATION

CALL_MEDIA = frozenset(
    {"phone", "telephone", "video", "videoconference", "teleconference", "videolink", "virtual"}
)
"""Words that turn talks or a meeting into a call."""

_TALK_NOUNS = [
    "talk", "talks", "meeting", "summit", "consultation", "consultations", "discussion", "discussions",
    "dialogue", "conversation", "session", "lunch", "luncheon", "dinner", "breakfast", "conference",
    "call", "teleconference", "videoconference", "meet",
]  # fmt: skip
_VISIT_NOUNS = ["visit", "trip", "tour", "journey", "stopover"]
_VERB = {"IN": ["VERB", "AUX"]}
_NOUN = {"IN": ["NOUN", "PROPN"]}


@attrs.frozen
class Trigger:
    """One trigger in a parsed sentence.

    :param type: the event type it states.
    :param form: ``"verbal"`` (a verb with a subject) or ``"nominal"`` (a noun).
    :param token: index of the trigger word in the sentence's :class:`~spacy.tokens.Doc`.
    :param noun: index of the event noun of a light verb ("held *talks*"), if any.
    :param hosting: the subject is the host ("hosted", "received", "welcomed").
    :param label: the name of the pattern that matched, for debugging.
    """

    type: EventType
    form: str
    token: int
    noun: int | None = None
    hosting: bool = False
    label: str = ""


def _one(label: str, attrs_: dict[str, Any]) -> tuple[str, list[dict[str, Any]]]:
    return label, [{"RIGHT_ID": "anchor", "RIGHT_ATTRS": attrs_}]


def _pair(
    label: str, anchor: dict[str, Any], relation: str, child: dict[str, Any]
) -> tuple[str, list[dict[str, Any]]]:
    return label, [
        {"RIGHT_ID": "anchor", "RIGHT_ATTRS": anchor},
        {"LEFT_ID": "anchor", "REL_OP": relation, "RIGHT_ID": "child", "RIGHT_ATTRS": child},
    ]


def _triple(
    label: str, anchor: dict[str, Any], prep: dict[str, Any], pobj: dict[str, Any]
) -> tuple[str, list[dict[str, Any]]]:
    return label, [
        {"RIGHT_ID": "anchor", "RIGHT_ATTRS": anchor},
        {"LEFT_ID": "anchor", "REL_OP": ">", "RIGHT_ID": "prep", "RIGHT_ATTRS": prep},
        {"LEFT_ID": "prep", "REL_OP": ">", "RIGHT_ID": "child", "RIGHT_ATTRS": pobj},
    ]


# label -> (type, form, hosting); the patterns themselves follow.
_SPECS: dict[str, tuple[EventType, str, bool]] = {
    "call-by-phone": (_C, "verbal", False),
    "phone": (_C, "verbal", False),
    "call-person": (_C, "verbal", False),
    "hold-talks": (_M, "verbal", False),
    "held-talks-passive": (_M, "nominal", False),
    "exchange-views": (_M, "verbal", False),
    "talk-with": (_M, "verbal", False),
    "call-on": (_M, "verbal", False),
    "courtesy-call": (_M, "verbal", False),
    "meet": (_M, "verbal", False),
    "host": (_M, "verbal", True),
    "invite": (_I, "verbal", False),
    "extend-invitation": (_I, "verbal", False),
    "pay-visit": (_V, "verbal", False),
    "visit": (_V, "verbal", False),
    "travel-to": (_V, "verbal", False),
    "leave-for": (_V, "verbal", False),
    "arrive-in": (_V, "verbal", False),
    "be-in": (_V, "verbal", False),
    "call-noun": (_C, "nominal", False),
    "call-compound": (_C, "nominal", False),
    "talks-noun": (_M, "nominal", False),
    "visit-noun": (_V, "nominal", False),
    "invitation-noun": (_I, "nominal", False),
}

PATTERNS: list[tuple[str, list[dict[str, Any]]]] = [
    _triple(
        "call-by-phone",
        {"LEMMA": {"IN": ["talk", "speak", "confer", "chat", "meet", "hold"]}, "POS": _VERB},
        {"DEP": "prep", "LOWER": {"IN": ["by", "over", "via", "on"]}},
        {"DEP": "pobj", "LOWER": {"IN": sorted(CALL_MEDIA | {"link", "call", "conference"})}},
    ),
    _one("phone", {"LEMMA": {"IN": ["phone", "telephone"]}, "POS": "VERB"}),
    _pair("call-person", {"LEMMA": "call", "POS": "VERB"}, ">", {"DEP": "dobj", "POS": "PROPN"}),
    _pair(
        "hold-talks",
        {"LEMMA": {"IN": ["hold", "have", "conduct"]}, "POS": _VERB},
        ">",
        {"DEP": "dobj", "LOWER": {"IN": _TALK_NOUNS}},
    ),
    _pair(
        "held-talks-passive",
        {"LEMMA": {"IN": ["hold", "conduct"]}, "POS": _VERB},
        ">",
        {"DEP": "nsubjpass", "LOWER": {"IN": _TALK_NOUNS}},
    ),
    _pair(
        "exchange-views", {"LEMMA": "exchange"}, ">", {"DEP": "dobj", "LEMMA": {"IN": ["view", "opinion"]}}
    ),
    _pair(
        "talk-with",
        {"LEMMA": {"IN": ["talk", "speak", "confer", "chat", "sit"]}, "POS": "VERB"},
        ">",
        {"DEP": "prep", "LOWER": "with"},
    ),
    _triple("call-on", {"LEMMA": "call", "POS": "VERB"}, {"DEP": "prep", "LOWER": "on"}, {"POS": "PROPN"}),
    _pair(
        "courtesy-call",
        {"LEMMA": {"IN": ["pay", "make", "receive"]}, "POS": "VERB"},
        ">",
        {"DEP": "dobj", "LOWER": "call"},
    ),
    _one("meet", {"LEMMA": "meet", "POS": "VERB"}),
    _one("host", {"LEMMA": {"IN": ["host", "welcome", "receive"]}, "POS": "VERB"}),
    _one("invite", {"LEMMA": "invite", "POS": "VERB"}),
    _pair(
        "extend-invitation",
        {"LEMMA": {"IN": ["extend", "issue", "send", "deliver", "convey", "renew"]}, "POS": "VERB"},
        ">",
        {"DEP": "dobj", "LEMMA": "invitation"},
    ),
    _pair(
        "pay-visit",
        {"LEMMA": {"IN": ["pay", "make"]}, "POS": "VERB"},
        ">",
        {"DEP": "dobj", "LOWER": {"IN": [*_VISIT_NOUNS, "visits", "trips"]}},
    ),
    _one("visit", {"LEMMA": {"IN": ["visit", "tour"]}, "POS": "VERB"}),
    _pair(
        "travel-to",
        {"LEMMA": {"IN": ["travel", "fly", "head", "go", "journey"]}, "POS": "VERB"},
        ">",
        {"DEP": "prep", "LOWER": "to"},
    ),
    _pair(
        "leave-for",
        {"LEMMA": {"IN": ["leave", "depart", "head"]}, "POS": "VERB"},
        ">",
        {"DEP": "prep", "LOWER": "for"},
    ),
    _pair("be-in", {"LEMMA": "be", "POS": _VERB}, ">", {"DEP": "prep", "LOWER": "in"}),
    _pair(
        "arrive-in", {"LEMMA": {"IN": ["arrive", "land"]}, "POS": "VERB"}, ">", {"DEP": "prep", "LOWER": "in"}
    ),
    _pair(
        "call-noun",
        {
            "LOWER": {
                "IN": ["call", "calls", "conversation", "talk", "talks", "conference", "meeting", "summit"]
            },
            "POS": _NOUN,
        },
        ">",
        {"DEP": {"IN": ["compound", "amod", "nmod"]}, "LOWER": {"IN": sorted(CALL_MEDIA)}},
    ),
    _one("call-compound", {"LOWER": {"IN": ["teleconference", "videoconference"]}, "POS": _NOUN}),
    _one(
        "talks-noun",
        {
            "LOWER": {"IN": ["talks", "meeting", "meetings", "summit", "consultations", "discussions"]},
            "POS": _NOUN,
        },
    ),
    _one("visit-noun", {"LOWER": {"IN": [*_VISIT_NOUNS, "visits", "trips"]}, "POS": _NOUN}),
    _one("invitation-noun", {"LEMMA": "invitation", "POS": _NOUN}),
]
"""The ``DependencyMatcher`` patterns, ``(label, pattern)``, in priority order.

:class:`alliancekit_spacy.gate.SentenceGate` derives from them which words a
sentence needs before it is worth parsing.
"""

_FUTURE_AUXILIARIES = frozenset({"will", "would", "to", "shall", "'ll", "’ll"})

REQUIRED_WORDS: dict[str, frozenset[str]] = {"be-in": _FUTURE_AUXILIARIES}
"""Words a match needs besides its pattern's (one of them), checked after matching.

"Will be in Washington" states a visit, "is in Washington" does not: a
``be-in`` match is kept only when an auxiliary of the verb is one of these.
"""

# When two patterns claim one word, the earlier label wins.
_PRIORITY = {label: index for index, (label, _) in enumerate(PATTERNS)}
# Patterns whose second word is the event noun of a light verb.
_LIGHT = frozenset({"exchange-views", "hold-talks", "courtesy-call", "pay-visit", "extend-invitation"})


class TriggerFinder:
    """Finds triggers in parsed sentences with :class:`~spacy.matcher.DependencyMatcher` patterns.

    Build one per vocabulary and call it on each sentence's ``Doc``. The
    patterns are matched by :class:`~alliancekit_spacy.chains.ChainMatcher`,
    which finds what a ``DependencyMatcher`` finds, faster; a
    ``DependencyMatcher`` serves if a pattern is not a chain.
    """

    def __init__(self, vocab: Vocab) -> None:
        self._chains = ChainMatcher.compile(PATTERNS)
        self._by_label: dict[str, DependencyMatcher] = {}
        if self._chains is None:
            for label, pattern in PATTERNS:
                self._by_label[label] = DependencyMatcher(vocab)
                self._by_label[label].add(label, [pattern])
        self._vocab = vocab

    def matches(self, doc: Doc, labels: Iterable[str] | None = None) -> list[tuple[str, list[int]]]:
        """Every match of the patterns ``labels`` (default: all): ``(label, token indices)``."""
        if self._chains is not None:
            return self._chains(doc, labels)
        return [
            (self._vocab.strings[match_id], list(token_ids))
            for label in (self._by_label if labels is None else labels)
            for match_id, token_ids in self._by_label[label](doc)
        ]

    def __call__(self, doc: Doc, labels: Iterable[str] | None = None) -> list[Trigger]:
        """The triggers of one parsed sentence, in text order, one per word.

        :param labels: try only these patterns, when the others cannot
            match (:meth:`alliancekit_spacy.gate.SentenceGate.passes` tells
            which can); the triggers found are then the same, sooner.
        """
        matches = sorted((_PRIORITY[label], label, ids) for label, ids in self.matches(doc, labels))
        claimed: set[int] = set()
        found: list[Trigger] = []
        for _, label, token_ids in matches:
            anchor = token_ids[0]
            noun = token_ids[1] if label in _LIGHT else None
            if anchor in claimed or (noun is not None and noun in claimed):
                continue
            if label == "held-talks-passive":
                # "The meeting was held between A and B": the noun is the trigger.
                anchor, noun = token_ids[1], token_ids[0]
                if anchor in claimed:
                    continue
            trigger = _build(doc, label, anchor, noun)
            if trigger is None:
                continue
            claimed.update(i for i in (anchor, noun) if i is not None)
            found.append(trigger)
        found.sort(key=lambda t: t.token)
        return found


def _build(doc: Doc, label: str, anchor: int, noun: int | None) -> Trigger | None:
    event_type, form, hosting = _SPECS[label]
    token = doc[anchor]
    if label == "hold-talks" and noun is not None and (_has_medium(doc[noun]) or doc[noun].lower_ == "call"):
        event_type = _C
    if label == "call-noun" and token.lower_ in ("meeting", "summit") and not _has_medium(token):
        return None
    if label == "courtesy-call":
        hosting = token.lemma_ == "receive"
    if label == "call-person" and any(
        child.dep_ in ("oprd", "xcomp", "ccomp", "prt") for child in token.children
    ):
        return None  # "called him a friend", "called off", "called for"
    if label == "talks-noun" and _is_talk_verb_object(token):
        return None
    if label == "be-in" and not _is_future_stay(token):
        return None
    if label == "host" and not _has_object(token):
        return None
    if (
        event_type is _V
        and form == "nominal"
        and token.dep_ == "dobj"
        and token.head.lemma_ in ("pay", "make")
    ):
        return None
    return Trigger(event_type, form, anchor, noun, hosting, label)


def _is_future_stay(token: Token) -> bool:
    """Whether "will be in Washington" or "is to be in Tokyo" states a planned stay, which is a visit."""
    auxiliaries = {child.lower_ for child in token.children if child.dep_ == "aux"}
    has_subject = any(child.dep_ == "nsubj" for child in token.children) or token.dep_ == "xcomp"
    return has_subject and bool(auxiliaries & REQUIRED_WORDS["be-in"])


def _has_medium(token: Token) -> bool:
    return any(child.lower_ in CALL_MEDIA for child in token.children) or token.lower_ in (
        "teleconference",
        "videoconference",
    )


def _has_object(token: Token) -> bool:
    """Whether a hosting verb has a guest: a direct object, or a passive subject."""
    return any(child.dep_ in ("dobj", "nsubjpass") for child in token.children)


def _is_talk_verb_object(token: Token) -> bool:
    """A noun that another pattern already reads with its verb ("held talks")."""
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_ in ("hold", "have", "conduct")


def iter_labels() -> Iterable[str]:
    """The pattern names, in priority order.

    >>> next(iter(iter_labels()))
    'call-by-phone'
    """
    return [label for label, _ in PATTERNS]
