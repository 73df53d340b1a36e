"""The ``agreements`` extractor: the meetings at which agreements were signed.

A signing ceremony is a meeting: "Defense Minister A and Secretary B signed
a memorandum on ... in Tokyo on Monday" is an engagement between A and B,
whether or not the text also says they met. For each body sentence with a
signing (:func:`~alliancekit_agreements.agreements.find_agreements`) the
extractor reports a meeting whose participants are the people named before
the verb (the signers) and after a following "with"; its CAMEO code is 057,
"Sign formal agreement". It reuses the core for everything else: body
sentences, people (:class:`~alliancekit.reading.PersonFinder` and the
knowledge base), places and time expressions.

Combine it with another extractor: ``--extractor rules+agreements``.

>>> import datetime as dt
>>> from alliancekit.plugins import Plugins
>>> context = Plugins.create(load_entrypoints=False).context()
>>> text = ("Defense Minister Gen Nakatani and Defense Secretary Lloyd Austin signed an agreement "
...         "on missile coproduction in Tokyo on Sunday.")
>>> [(e.type.value, e.cameo, str(e.time.start), e.location.name) for e in
...  AgreementsExtractor().extract(Document("d", text, dt.date(2025, 3, 31)), context)]
[('meeting', '057', '2025-03-30', 'Tokyo')]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alliancekit.extractor import ExtractionContext
from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Location,
    Participant,
    Role,
    Status,
    TimeSpan,
)
from alliancekit.reading import (
    Direction,
    PersonFinder,
    PersonMention,
    body_sentences,
    find_places,
    find_time_expressions,
    resolve,
)

from alliancekit_agreements.agreements import (
    SIGN_CAMEO,
    AgreementMention,
    find_agreements,
    is_planned_signing,
)

__all__ = ["AgreementsExtractor"]

_CLAUSE_START = re.compile(r"[;:]|,\s+(?:who|which|while|as|after|before)\b|\b(?:said|says|told)\b")
_PLACE_CUE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?$")


class AgreementsExtractor:
    """Reports a meeting for each signing of an agreement between named people."""

    name = "agreements"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        """The signing ceremonies of one document."""
        finder = PersonFinder(context.knowledge_base, document.anchor, document_text=document.text)
        events: list[Event] = []
        for sentence in body_sentences(document.text):
            persons = finder.find(sentence.text, sentence.start)
            for mention in find_agreements(sentence.text):
                if mention.kind != "signed":
                    continue
                event = self._event(document, context, sentence.text, sentence.start, mention, persons)
                if event is not None:
                    events.append(event)
        return events

    def _event(
        self,
        document: Document,
        context: ExtractionContext,
        text: str,
        offset: int,
        mention: AgreementMention,
        persons: Sequence[PersonMention],
    ) -> Event | None:
        clause_start = 0
        for match in _CLAUSE_START.finditer(text, 0, mention.start):
            clause_start = match.end()
        signers = [p for p in persons if clause_start <= p.start - offset < mention.start]
        with_match = re.search(r"\bwith\b", text[mention.end :])
        if with_match is not None:
            after = mention.end + with_match.end()
            signers += [p for p in persons if after <= p.start - offset <= after + 80]
        unique = {p.name: p for p in signers}
        if len(unique) < 2:
            return None
        status = Status.PLANNED if is_planned_signing(text, mention) else Status.OCCURRED
        participants = tuple(
            Participant(Actor(p.name, ActorKind.PERSON, p.country, p.title, (), p.kb_id), Role.PARTICIPANT)
            for p in unique.values()
        )
        start = min([mention.start, *(p.start - offset for p in unique.values())])
        end = max([mention.end, *(p.end - offset for p in unique.values())])
        return Event(
            type=EventType.MEETING,
            status=status,
            participants=participants,
            time=self._time(text, mention, document, status),
            location=self._location(text, offset, mention, context),
            evidence=(Evidence.from_text(document.text, offset + start, offset + end),),
            document_id=document.id,
            extractor=self.name,
            confidence=0.7,
            cameo=SIGN_CAMEO,
        )

    def _time(
        self, text: str, mention: AgreementMention, document: Document, status: Status
    ) -> TimeSpan | None:
        times = find_time_expressions(text)
        if not times:
            return None
        nearest = min(times, key=lambda t: abs(t.start - mention.end))
        direction: Direction = "backward" if status is Status.OCCURRED else "forward"
        return resolve(nearest.text, document.anchor, direction)

    def _location(
        self, text: str, offset: int, mention: AgreementMention, context: ExtractionContext
    ) -> Location | None:
        for place in find_places(text, offset, context.knowledge_base):
            local = place.start - offset
            if _PLACE_CUE.search(text[max(0, local - 8) : local]):
                return Location(place.name, place.country, place.text, place.kind)
        return None
