"""Finding agreements in text: signings, joint statements, "agreed to".

:func:`find_agreements` returns one :class:`AgreementMention` per statement,
with its kind and, for signings, the instrument signed:

* ``"signed"`` - "signed a memorandum of cooperation", "inked a defense pact";
* ``"joint statement"`` - "issued a joint statement", "in a joint declaration";
* ``"agreed"`` - "agreed to", "agreed on".

Only a signing changes an event's CAMEO code (057, "Sign formal agreement");
the other two are recorded as evidence.

>>> text = "They signed a memorandum of cooperation on defense equipment and issued a joint statement."
>>> [(m.kind, m.instrument) for m in find_agreements(text)]
[('signed', 'memorandum of cooperation on defense equipment'), ('joint statement', 'joint statement')]
"""

from __future__ import annotations

import re

import attrs

__all__ = ["SIGN_CAMEO", "AgreementMention", "find_agreements", "is_planned_signing"]

SIGN_CAMEO = "057"
"""CAMEO "Sign formal agreement"."""

_INSTRUMENT = (
    r"(?:agreements?|accords?|memorand(?:um|a)|MOUs?|MoUs?|MOCs?|treat(?:y|ies)|pacts?|deals?|arrangements?|"
    r"declarations?|letters?\s+of\s+intent|protocols?|contracts?|charters?)"
)
_SIGNED = re.compile(
    r"\b(?P<verb>signed|sign|signs|signing|inked|ink|initialed|initialled)\s+"
    r"(?:(?:an?|the|two|three|four|several|their|its)\s+)?(?:new\s+)?"
    r"(?P<instrument>(?:[\w'’-]+\s+){0,4}?"
    + _INSTRUMENT
    + r"(?:\s+(?:on|of|for|to)\s+[\w'’-]+(?:\s+[\w'’-]+){0,3})?)",
    re.IGNORECASE,
)
_JOINT = re.compile(
    r"\b(?:(?:issued|released|adopted|published|announced|unveiled)\s+(?:a|an|the|their)\s+|in\s+(?:a|an|the|their)\s+)"
    r"(?:[\w'’-]+\s+){0,2}?(?P<instrument>joint\s+(?:statement|declaration|communiqu[eé]|press\s+statement|"
    r"vision\s+statement|fact\s+sheet))\b",
    re.IGNORECASE,
)
_AGREED = re.compile(r"\bagreed\s+(?:to|on|that)\b", re.IGNORECASE)
_PLANNED = re.compile(
    r"\b(?:will|would|to|plans?\s+to|expected\s+to|set\s+to|due\s+to|scheduled\s+to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# Trailing words that belong to the sentence, not to the instrument's name.
_TAIL = re.compile(r"\s+(?:on|of|for|to)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b.*$")


@attrs.frozen
class AgreementMention:
    """One statement of an agreement in a text (offsets into that text).

    >>> AgreementMention("signed", 0, 10, "signed a deal", "deal").kind
    'signed'
    """

    kind: str
    start: int
    end: int
    text: str
    instrument: str


def find_agreements(text: str) -> list[AgreementMention]:
    """Every agreement statement in ``text``, earliest first, none overlapping.

    >>> [m.text for m in find_agreements("They agreed to meet again.")]
    ['agreed to']
    """
    found: list[AgreementMention] = []
    for kind, pattern in (("signed", _SIGNED), ("joint statement", _JOINT), ("agreed", _AGREED)):
        for match in pattern.finditer(text):
            if any(match.start() < m.end and m.start < match.end() for m in found):
                continue
            instrument = match.groupdict().get("instrument") or match.group()
            instrument = _TAIL.sub("", instrument).strip()
            end = (
                match.start("instrument") + len(instrument)
                if "instrument" in match.groupdict()
                else match.end()
            )
            found.append(AgreementMention(kind, match.start(), end, text[match.start() : end], instrument))
    return sorted(found, key=lambda m: m.start)


def is_planned_signing(text: str, mention: AgreementMention) -> bool:
    """Whether a signing is still to come ("are expected to sign", "will sign").

    >>> text = "The two are expected to sign a treaty."
    >>> is_planned_signing(text, find_agreements(text)[0])
    True
    """
    return bool(_PLANNED.search(text[max(0, mention.start - 40) : mention.start]))
