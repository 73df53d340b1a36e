"""Combining extractors: one event list from several extractors, without duplicates.

Two events are the same engagement when they have the same type and share a
person (by order-free name key), or, without named persons, the same set of
participant countries. The merged event keeps the first extractor's fields,
the union of participants, topics and evidence, and fills a missing time or
location from the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from alliancekit.actors import name_key
from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.model import Document, Event

__all__ = ["CombinedExtractor", "merge_events", "same_engagement"]


def _person_keys(event: Event) -> set[frozenset[str]]:
    return {name_key(actor.name) for actor in event.persons()}


def same_engagement(first: Event, second: Event) -> bool:
    """Whether two events from one document describe the same engagement.

    >>> from alliancekit.model import Participant, Actor
    >>> a = Event("call", "occurred", [Participant(Actor("Marco Rubio"))])
    >>> b = Event("call", "occurred", [Participant(Actor("Rubio Marco"))])
    >>> same_engagement(a, b)
    True
    """
    if first.type is not second.type:
        return False
    persons_a, persons_b = _person_keys(first), _person_keys(second)
    if persons_a or persons_b:
        return bool(persons_a & persons_b)
    countries_a = {p.actor.country for p in first.participants}
    countries_b = {p.actor.country for p in second.participants}
    return countries_a == countries_b


def _merge_pair(kept: Event, other: Event) -> Event:
    known = {name_key(p.actor.name) for p in kept.participants}
    extra = [p for p in other.participants if name_key(p.actor.name) not in known]
    evidence = list(kept.evidence) + [span for span in other.evidence if span not in kept.evidence]
    topics = list(kept.topics) + [code for code in other.topics if code not in kept.topics]
    extractor = (
        kept.extractor
        if other.extractor in kept.extractor.split("+")
        else f"{kept.extractor}+{other.extractor}"
    )
    return attrs.evolve(
        kept,
        participants=(*kept.participants, *extra),
        evidence=tuple(evidence),
        topics=tuple(topics),
        time=kept.time if kept.time is not None and kept.time.resolved else other.time or kept.time,
        location=kept.location or other.location,
        extractor=extractor,
        confidence=max(kept.confidence, other.confidence),
    )


def merge_events(groups: Sequence[Iterable[Event]]) -> list[Event]:
    """Merge the event lists of several extractors over one document.

    Events are matched one-to-one *across* lists only: two events that one
    extractor reported separately stay separate, and each event of a later
    list merges into at most one kept event not yet matched from that list.

    >>> from alliancekit.model import Participant, Actor
    >>> a = Event("call", "occurred", [Participant(Actor("Marco Rubio"))], extractor="x")
    >>> b = Event("call", "occurred", [Participant(Actor("Marco Rubio"))], extractor="y")
    >>> [e.extractor for e in merge_events([[a, a], [b]])]
    ['x+y', 'x']
    """
    merged: list[Event] = []
    for events in groups:
        taken: set[int] = set()
        additions: list[Event] = []
        for event in events:
            for index, kept in enumerate(merged):
                if index not in taken and same_engagement(kept, event):
                    merged[index] = _merge_pair(kept, event)
                    taken.add(index)
                    break
            else:
                additions.append(event)
        merged.extend(additions)
    return merged


@attrs.define
class CombinedExtractor:
    """An extractor that runs several and merges their events.

    Registered implicitly: ask for ``"rules+spacy"`` to combine two.
    """

    parts: Sequence[Extractor]
    name: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        self.name = "+".join(part.name for part in self.parts)

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        """Run every part and merge what they found."""
        return merge_events([list(part.extract(document, context)) for part in self.parts])
