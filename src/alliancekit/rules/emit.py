"""Emitting: a finished draft becomes an :class:`~alliancekit.model.Event`, with its explanation.

Drafts that are no diplomatic engagement (one party, a trip home, a meeting
within one government) are dropped here. :func:`explanation` gives the
passages and the reason for each field that ``alliancekit explain`` shows.
"""

from __future__ import annotations

import re

from alliancekit.explain import Explanation, Mention
from alliancekit.model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    Location,
    Participant,
    Role,
    Status,
    TimeSpan,
)
from alliancekit.rules import cues
from alliancekit.rules.document import Draft, DraftMention, Party, Reading, between_countries, unique_spans
from alliancekit.rules.timing import settle_time, time_source
from alliancekit.temporal import Direction, resolve

__all__ = [
    "explanation",
    "to_event",
]

_CUE_REASONS = {
    "kb": "named, known to the knowledge base",
    "name": "named with a title",
    "none": "named with a title",
    "kb-surname": "a surname the knowledge base knows for a title holder on the day",
    "surname": "a surname of someone named earlier",
    "title": "named by office; the knowledge base's holder on the day",
    "pronoun": "a pronoun or description resolved to the person it stands for",
    "counterpart": "'counterpart': the holder of the same office in the other country",
    "counterparts": "'counterparts': the people the story names for each country",
}


def explanation(reading: Reading, event: Event, draft: Draft) -> Explanation:
    """The passages an event was read from, and why each of its fields has its value."""
    text = reading.text
    sections_by_start = [
        (f.sentence.start, f.sentence.end, f.sentence.section.value) for f in reading.sentences
    ]
    mentions = []
    for start, end in unique_spans(draft.spans):
        section = next((name for s, e, name in sections_by_start if s <= start < e), "body")
        mentions.append(Mention(start, end, text[start:end], section))
    reasons = [
        ("participants", _participants_reason(draft) + _joined(draft)),
        ("status", _status_reason(event, draft) + _decider(reading, draft, "status")),
        ("time", _time_reason(reading, event, draft) + _decider(reading, draft, "time", event.time)),
        ("location", _location_reason(event, draft) + _decider(reading, draft, "location", event.location)),
    ]
    return Explanation(event, mentions, reasons)


_QUOTE_LENGTH = 70


def _quote(reading: Reading, mention: DraftMention) -> str:
    """A mention as the reader finds it: its passage (shortened) and the part of the page."""
    passage = " ".join(reading.text[mention.start : mention.end].split())
    if len(passage) > _QUOTE_LENGTH:
        passage = passage[: _QUOTE_LENGTH - 3].rstrip() + "..."
    layer = next((f for f in reading.sentences if f.sentence.start <= mention.start < f.sentence.end), None)
    if layer is None or layer.sentence.section.value == "headline":
        return f"'{passage}' (the headline)"
    return f"'{passage}' (sentence {layer.sentence.index + 1})"


def _decider(reading: Reading, draft: Draft, field: str, value: object = True) -> str:
    """Which of an engagement's several mentions decided a field, and by which rule."""
    count = draft.mention_count
    if count < 2 or value is None:
        return ""
    decided = draft.decided_by(field)
    if decided is None:
        first = DraftMention.of(draft)
        return f"; of its {count} mentions, the first decided it, {_quote(reading, first)}"
    mention, rule = decided
    return f"; of its {count} mentions, {_quote(reading, mention)} decided it: {rule}"


def _joined(draft: Draft) -> str:
    """For an engagement of several mentions: that its participants are those of every mention."""
    if draft.mention_count < 2:
        return ""
    return f"; every participant of its {draft.mention_count} mentions"


def _participants_reason(draft: Draft) -> str:
    described = []
    for party in draft.parties:
        if party.person is not None:
            how = _CUE_REASONS.get(party.person.cue, party.person.cue)
            described.append(f"{party.person.name} ({how})")
        elif party.group is not None:
            described.append(f"{party.group.text} (a group or government, not a named person)")
    return "; ".join(described)


def _status_reason(event: Event, draft: Draft) -> str:
    decided = draft.decided_by("status")
    if decided is not None and decided[1].startswith("a new date") and event.status is Status.PLANNED:
        return "called off, then given a new date: planned on that date"
    if draft.status_from is not None:
        return f"the tense of the main clause ('{draft.status_from.trigger.text}')"
    stated = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
    if draft.counterfactual and event.status is Status.CANCELLED and stated is not Status.CANCELLED:
        return "a plan told as what was to have happened, at a time already past"
    if stated is not event.status and event.time is not None:
        side = "before" if event.status is Status.OCCURRED else "after"
        return f"no tense decides it; its time lies {side} the publication date"
    if draft.explicit_status:
        return f"stated by the wording of its clause ('{draft.trigger.text}')"
    return "no cue in its clause; a report of what happened unless a plan is said"


def _time_reason(reading: Reading, event: Event, draft: Draft) -> str:
    anchor = reading.document.anchor
    if event.time is None:
        return "no time stated for it or for the engagement it belongs to"
    if event.time.start is None:
        return f"'{event.time.text}' is relative and the document has no publication date"
    if draft.fixed_time is not None:
        return f"'{draft.fixed_time.text}', counted from a day the text gives"
    if draft.time is not None:
        direction = "backward" if event.status is Status.OCCURRED else "forward"
        base = f"the publication date {anchor}" if anchor is not None else "the year the text states"
        return f"'{draft.time.text}', read {direction} from {base}"
    source = time_source(draft)
    if source is not None:
        return f"the time of the {source.type.value} it is part of ('{source.trigger.text}')"
    return f"'{event.time.text}'"


def _location_reason(event: Event, draft: Draft) -> str:
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
    decided = draft.decided_by("location")
    if decided is not None and draft.mention_count < 2:
        return f"'{place.text}': {decided[1]}"  # placed over the whole story, not by its own passage
    return f"'{place.text}', named in the passage"


def to_event(reading: Reading, draft: Draft) -> Event | None:
    """The event a finished draft reports, or ``None`` when it is no diplomatic engagement."""
    persons = [p for p in draft.parties if p.person is not None]
    if not persons and not between_countries(draft):
        return None
    if draft.type in (EventType.MEETING, EventType.CALL) and len(draft.parties) < 2:
        return None
    if (
        draft.type is EventType.INVITATION
        and len(draft.parties) < 2
        and not cues.PASSIVE.search(reading.text, max(0, draft.trigger.start - 16), draft.trigger.start)
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
    anchor = reading.document.anchor
    main = draft.status_from
    if main is not None and status is not Status.CANCELLED:
        # "before flying on to Manila": the main clause's tense, as its own time settles it
        status = main.status or (Status.PLANNED if main.future_hint else Status.OCCURRED)
        if main.time is not None:
            status = settle_time(main, status, anchor)[0]
    time: TimeSpan | None = None
    if draft.time is not None:
        status, time = settle_time(draft, status, anchor)
        if (
            draft.counterfactual
            and status is Status.PLANNED
            and anchor is not None
            and time is not None
            and time.end is not None
            and time.end < anchor
        ):
            status = Status.CANCELLED  # "was to have visited Berlin in May", told in June: it did not happen
    elif (source := time_source(draft)) is not None and source.time is not None:
        if source.fixed_time is not None:
            time = source.fixed_time  # "two days later", counted when the source was dated
        else:
            # read as the status of the engagement it is part of, once that one's own time settles it
            settled = settle_time(source, source.status or status, anchor)[0]
            inherited_direction: Direction = "forward" if settled is not Status.OCCURRED else "backward"
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
        written = _LEADING_THE.sub("", draft.location.text).strip()
        name = written if written and written[0].isupper() else draft.location.name
        name = _TRAILING_PARENTHESES.sub("", name) or name
        location = Location(name, draft.location.country, draft.location.text, draft.location.kind)
    participants = tuple(_participant(p, location) for p in draft.parties)
    evidence = tuple(Evidence.from_text(reading.text, start, end) for start, end in unique_spans(draft.spans))
    return Event(
        type=draft.type,
        status=status,
        participants=participants,
        time=time,
        location=location,
        topics=tuple(dict.fromkeys(draft.topics)),
        evidence=evidence,
        document_id=reading.document.id,
        extractor="rules",
        confidence=0.9 if draft.trigger.form == "verbal" else 0.7,
        cameo=_cameo(draft, location),
    )


# What a place's written name loses as an event's location: "the" before it, "(South Korea)" after it.
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_TRAILING_PARENTHESES = re.compile(r"\s*\([^)]*\)\s*$")


def _participant(party: Party, location: Location | None) -> Participant:
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


def _within_one_government(draft: Draft) -> bool:
    """Whether every party of a meeting, call or invitation is known to be of one and the same country."""
    countries = [party.country for party in draft.parties]
    return len(countries) >= 2 and None not in countries and len(set(countries)) == 1


def _cameo(draft: Draft, location: Location | None) -> str:
    if draft.type is EventType.MEETING:
        if draft.hosting:
            return "043"
        countries = {p.country for p in draft.parties if p.country}
        if location is not None and location.country and countries and location.country not in countries:
            return "044"
    return draft.type.cameo
