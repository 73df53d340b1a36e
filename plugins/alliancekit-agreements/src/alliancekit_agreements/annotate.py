"""Marking the events at which agreements were signed (the ``postprocess_events`` hook).

Whatever extractor found a meeting, the sentence that tells it, or the next
one when it goes on about the same people ("The two also signed ..."), may
say that an agreement was signed there. Such a meeting is recoded CAMEO 057
("Sign formal agreement"), and the words of the signing are added to its
evidence; a joint statement, or "agreed to" in the meeting's own sentence,
is added to the evidence only.

>>> from alliancekit.model import Actor, Document, Event, Evidence, Participant
>>> text = "Abe met Lee in Seoul on Monday. The two signed a fisheries accord."
>>> people = [Participant(Actor("Shinzo Abe")), Participant(Actor("Lee Jae-myung"))]
>>> met = Event("meeting", "occurred", people, evidence=[Evidence.from_text(text, 0, 11)])
>>> [(e.cameo, [span.text for span in e.evidence]) for e in annotate_agreements(Document("d", text), [met])]
[('057', ['Abe met Lee', 'signed a fisheries accord'])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from alliancekit.model import Document, Event, EventType, Evidence, Status
from alliancekit.reading import Sentence, body_sentences

from alliancekit_agreements.agreements import SIGN_CAMEO, find_agreements, is_planned_signing

__all__ = ["annotate_agreements"]

_REFERS_BACK = re.compile(
    r"\b(?:the\s+two|both|they|the\s+(?:ministers|leaders|officials|sides))\b", re.IGNORECASE
)


def annotate_agreements(document: Document, events: Sequence[Event]) -> list[Event]:
    """The events, with meetings where an agreement was signed recoded and their evidence extended."""
    sentences = body_sentences(document.text)
    return [
        _annotate(document, sentences, event) if event.type is EventType.MEETING else event
        for event in events
    ]


def _annotate(document: Document, sentences: Sequence[Sentence], event: Event) -> Event:
    own = [s for s in sentences if any(span.start < s.end and s.start < span.end for span in event.evidence)]
    if not own:
        return event
    following = [
        s
        for s in sentences
        if s.index == own[-1].index + 1 and s.paragraph == own[-1].paragraph and _about(s, event)
    ]
    cameo = event.cameo
    added: list[Evidence] = []
    for sentence in [*own, *following]:
        for mention in find_agreements(sentence.text):
            if mention.kind == "agreed" and sentence not in own:
                continue
            if mention.kind == "signed":
                planned = is_planned_signing(sentence.text, mention)
                if planned is not (event.status is Status.PLANNED):
                    continue
                cameo = SIGN_CAMEO
            span = Evidence.from_text(
                document.text, sentence.start + mention.start, sentence.start + mention.end
            )
            if span not in event.evidence and span not in added:
                added.append(span)
    if not added:
        return event
    return attrs.evolve(event, cameo=cameo, evidence=(*event.evidence, *added))


def _about(sentence: Sentence, event: Event) -> bool:
    """Whether a sentence goes on about the event's people: by pronoun, "the two", or a surname."""
    if _REFERS_BACK.search(sentence.text):
        return True
    surnames = {actor.name.split()[-1] for actor in event.persons() if actor.name.split()}
    return any(re.search(rf"\b{re.escape(name)}\b", sentence.text) for name in surnames)
