"""Event coreference: which drafts are one engagement.

A noun with no one named ("the visit, slated for next month") refers back
to the engagement drafted before it and gives it its time and status; a
meeting verb after "During the call" is part of that call. Drafts of one
engagement are merged, conversation verbs folded into the call they tell,
the headline's engagements added where the body lacks them, an engagement
named by its countries joined to the one its people's names report, a
companion's trip joined to the trip accompanied, and an undated meeting
takes the time and place of the visit or call it belongs to.
"""

from __future__ import annotations

import datetime as dt
import re

from alliancekit.model import EventType, Status
from alliancekit.rules import cues
from alliancekit.rules.document import Draft, Reading, SentenceLayer, person_key
from alliancekit.rules.mentions import PlaceMention
from alliancekit.rules.timing import span_of, times_agree

__all__ = [
    "MERGE_WINDOW",
    "add_headline_drafts",
    "fold_into_calls",
    "inherit",
    "join_companions",
    "join_country_sides",
    "merge",
    "part_of_earlier",
    "refer_back",
]

MERGE_WINDOW = 64
"""How many of the latest engagements a draft is compared with for merging."""
_CONVERSATION = re.compile(
    r"\b(?:exchang\w*\s+(?:views|opinions)|talk\w*|confer\w*|discuss\w*|sat\s+down|sit\s+down)\b"
)


def part_of_earlier(reading: Reading, draft: Draft, layer: SentenceLayer) -> bool:
    """Whether a meeting verb belongs to an event already reported ("During the call, ...")."""
    during = cues.DURING_EVENT.match(layer.sentence.text)
    if (
        during is None
        or during.group("noun").lower() in cues.TRIP_NOUNS
        or draft.type is not EventType.MEETING
        or draft.trigger.start < layer.sentence.start + during.end()
    ):
        return False
    noun = during.group("noun").lower()
    wanted = (
        EventType.CALL
        if noun in {"conversation", "call", "phone call", "video call", "videoconference"}
        else EventType.VISIT
        if noun in cues.TRIP_NOUNS
        else EventType.MEETING
    )
    for earlier in reversed(reading.drafts):
        if layer.sentence.index - earlier.sentence > 4:
            return False
        if earlier.type is wanted:
            for code in draft.topics:
                if code not in earlier.topics:
                    earlier.topics.append(code)
            return True
    return False


def refer_back(reading: Reading, reference: Draft, layer: SentenceLayer) -> None:
    """A noun like "the visit" with no participants: enrich the latest draft it names."""
    text = reading.text
    start = max(layer.sentence.start, reference.trigger.start - 20)
    if not cues.REFERENCE.match(text[start : reference.trigger.start].split(",")[-1]):
        return
    if re.search(
        r"\b(?:will|would|to|may|might|could|should|must|shall)\s+$",
        text[start : reference.trigger.start],
    ):
        return  # "will stay in Tokyo": a verb, not a reference to a trip
    # "hoped to visit the two countries in January, but the trip was put off": the trip is the
    # one this sentence has just named, not an earlier one.
    named_here = any(t.type is reference.type and t.end <= reference.trigger.start for t in layer.triggers)
    for draft in reversed(reading.drafts):
        if layer.sentence.index - draft.sentence > 6:
            return
        if named_here and draft.sentence != layer.sentence.index:
            return
        if draft.type is not reference.type:
            continue
        if reference.time is not None and reference.time.start not in {
            d.time.start for d in reading.drafts if d.time is not None
        }:
            if draft.time is None:
                draft.time = reference.time
            else:
                draft.alt_times.append(reference.time)
        if reference.explicit_status and reference.status is Status.PLANNED and not draft.explicit_status:
            draft.status, draft.explicit_status = reference.status, True
        if reference.status is Status.CANCELLED:
            draft.status, draft.explicit_status = Status.CANCELLED, True
        draft.location = draft.location or reference.location
        for code in reference.topics:
            if code not in draft.topics:
                draft.topics.append(code)
        return


def add_headline_drafts(body: list[Draft], headline: list[Draft]) -> list[Draft]:
    """Add the engagements only the headline or standfirst reports; fill what the body leaves out.

    A headline never duplicates an engagement of the body: a body draft of
    the same type with a person in common is that engagement, and takes
    from the headline a time it lacks and a place more specific than its own,
    and lists the headline among its evidence.
    """
    for draft in headline:
        same = next(
            (kept for kept in body if kept.type is draft.type and kept.person_keys() & draft.person_keys()),
            None,
        )
        if same is None:
            body.append(draft)
            continue
        if same.time is None and same.inherited_time is None and draft.time is not None:
            same.time = draft.time
        same.location = more_specific_place(same.location, draft.location)
        same.spans.extend(draft.spans)
    return body


def more_specific_place(kept: PlaceMention | None, other: PlaceMention | None) -> PlaceMention | None:
    """Of two places given for one engagement, the more specific: a city of a country over the country.

    >>> japan = PlaceMention(0, 5, "Japan", "JPN", "country", "Japan")
    >>> tokyo = PlaceMention(9, 14, "Tokyo", "JPN", "city", "Tokyo")
    >>> chosen = more_specific_place(japan, tokyo), more_specific_place(None, japan)
    >>> [place.name for place in chosen if place is not None]
    ['Tokyo', 'Japan']
    """
    if kept is None:
        return other
    if other is None:
        return kept
    if kept.kind == "country" and other.kind != "country" and other.country == kept.country:
        return other
    return kept


def join_country_sides(drafts: list[Draft], anchor: dt.date | None) -> list[Draft]:
    """Fold an engagement named by its countries into the one its people's names report.

    "The trilateral meeting in Tokyo on October 17" and "Davies will meet
    Sugiyama and Lim in Tokyo" are one engagement when the type agrees, the
    people's countries are among the sides, and the times do not conflict:
    the named one is kept and takes the time and place it lacks.
    """
    kept: list[Draft] = []
    named = [draft for draft in drafts if draft.has_person()]
    for draft in drafts:
        if draft.has_person():
            kept.append(draft)
            continue
        sides = {party.country for party in draft.parties if party.country is not None}
        same = next(
            (
                other
                for other in named
                if other.type is draft.type
                and len(other.person_keys()) >= 2
                and _person_countries(other)
                and _person_countries(other) <= sides
                and (draft.time is None or other.time is not None)
                and times_agree(other, draft, anchor)
            ),
            None,
        )
        if same is None:
            kept.append(draft)
            continue
        if same.time is None and same.inherited_time is None:
            same.time = draft.time
        same.location = same.location or draft.location
        same.spans.extend(draft.spans)
    return kept


def _person_countries(draft: Draft) -> set[str]:
    """The known countries of a draft's named people."""
    return {
        party.country for party in draft.parties if party.person is not None and party.country is not None
    }


def _compatible(first: Draft, second: Draft, anchor: dt.date | None) -> bool:
    if first.type is not second.type:
        return False
    if (first.previous_occasion or second.previous_occasion) and first.sentence != second.sentence:
        return False  # "they last met in October" is not the meeting the story is about
    if (second.distinct and first.sentence != second.sentence) or (first.distinct and second.distinct):
        return False
    if first.distinct and not second.person_keys() <= first.person_keys():
        return False
    if (
        second.person_keys() > first.person_keys()
        and second.sentence != first.sentence
        and second.trigger.form == "verbal"
        and not any(p.group is not None for p in first.parties)
    ):
        return False  # "X and Y also joined A and B for a four-way meeting"
    shared = first.person_keys() & second.person_keys()
    if not shared and not (first.has_person() or second.has_person()):
        sides = group_countries(first)
        if len(sides) < 2 or sides != group_countries(second):
            return False  # governments as sides: one engagement when the sides are the same
    elif not shared:
        return False
    if first.person_keys() - shared and second.person_keys() - shared:
        # Each names someone the other does not: two engagements of one person.
        return False
    if first.status is not None and second.status is not None and first.status is not second.status:
        statuses = {first.status, second.status}
        planned = first if first.status is Status.PLANNED else second
        called_off = statuses == {Status.CANCELLED, Status.PLANNED} and planned.counterfactual
        if first.explicit_status and second.explicit_status and not called_off:
            return False
    if (
        first.time is not None
        and second.time is not None
        and first.time.text.lower() != second.time.text.lower()
    ):
        first_span, second_span = span_of(first, anchor), span_of(second, anchor)
        if first_span is None or second_span is None:
            return False
        assert first_span.start
        assert first_span.end
        assert second_span.start
        assert second_span.end
        if first_span.start > second_span.end or second_span.start > first_span.end:
            return False
    if (
        first.location is not None
        and second.location is not None
        and first.location.country
        and second.location.country
        and first.location.country != second.location.country
    ):
        return False  # "their meeting in the Oval Office" is not the one in Tokyo
    if first.location is not None and second.location is not None and first.type is EventType.VISIT:
        if first.location.country != second.location.country:
            return False
        # Two cities of one country are two stops; a country and its city are one trip.
        both_local = "country" not in (first.location.kind, second.location.kind)
        return not (both_local and first.location.name != second.location.name)
    return True


def merge(drafts: list[Draft], anchor: dt.date | None) -> list[Draft]:
    """Merge drafts of one engagement, then fill times and places from related drafts."""
    merged: list[Draft] = []
    for draft in drafts:
        # An article reports a few engagements; only in a document of thousands does the window
        # bite, and it keeps merging linear there.
        for kept in merged[-MERGE_WINDOW:]:
            if _compatible(kept, draft, anchor):
                _absorb(kept, draft)
                break
        else:
            merged.append(draft)
    return merged


def fold_into_calls(drafts: list[Draft]) -> list[Draft]:
    """Drop conversation verbs ("exchanged views") that describe an earlier call, not a meeting."""
    kept: list[Draft] = []
    for draft in drafts:
        call = next(
            (
                earlier
                for earlier in kept
                if earlier.type is EventType.CALL
                and draft.type is EventType.MEETING
                and draft.location is None
                and _CONVERSATION.search(draft.trigger.text)
                and draft.person_keys()
                and draft.person_keys() <= earlier.person_keys()
                and draft.status is earlier.status
                and draft.sentence - earlier.sentence <= 8
            ),
            None,
        )
        if call is None:
            kept.append(draft)
            continue
        for code in draft.topics:
            if code not in call.topics:
                call.topics.append(code)
    return kept


def _absorb(kept: Draft, other: Draft) -> None:
    keys = {p.key for p in kept.parties}
    kept.parties.extend(p for p in other.parties if p.key not in keys)
    if (
        kept.status is None
        or (not kept.explicit_status and other.explicit_status)
        or other.status is Status.CANCELLED
    ):
        kept.status, kept.explicit_status = other.status, other.explicit_status
    if kept.time is None:
        kept.time = other.time
    elif other.time is not None:
        kept.alt_times.append(other.time)
    kept.location = kept.location or other.location
    kept.spans.extend(other.spans)
    kept.hosting = kept.hosting or other.hosting
    for code in other.topics:
        if code not in kept.topics:
            kept.topics.append(code)


def join_companions(drafts: list[Draft]) -> list[Draft]:
    """A companion's trip goes where and when the trip of the one accompanied goes.

    A companion named in the sentence of that trip ("Rubio accompanied Trump on
    his visit to Japan") is one of its visitors rather than a trip of their own.
    """
    joined: set[int] = set()
    for position, draft in enumerate(drafts):
        if draft.companion_of is None or draft.location is not None:
            continue
        nearby = [
            other
            for other in drafts[max(0, position - MERGE_WINDOW) : position + 8]
            if other is not draft
            and other.type is EventType.VISIT
            and other.companion_of is None
            and other.location is not None
            and draft.companion_of in other.person_keys()
            and -8 <= other.sentence - draft.sentence <= 3
        ]
        if not nearby:
            continue
        trip = min(
            nearby, key=lambda other: (abs(other.sentence - draft.sentence), other.sentence > draft.sentence)
        )
        if trip.sentence == draft.sentence:
            keys = trip.person_keys()
            trip.parties.extend(
                p for p in draft.parties if p.person is not None and person_key(p.person) not in keys
            )
            trip.spans.extend(draft.spans)
            joined.add(id(draft))
            continue
        draft.location = trip.location
        if draft.time is None:
            draft.time, draft.alt_times = trip.time, list(trip.alt_times)
            draft.inherited_time = draft.inherited_time or trip.inherited_time
    return [draft for draft in drafts if id(draft) not in joined]


def inherit(drafts: list[Draft]) -> None:
    """Fill undated or unplaced events from the related events around them.

    A meeting takes the time and place of the visit it happens during; an
    invitation those of the call or meeting it was made in; a visit made
    "to attend" a meeting in the same sentence takes the meeting's date.
    """
    for position, draft in enumerate(drafts):
        if draft.time is not None and draft.location is not None:
            continue
        earlier = list(reversed(drafts[:position]))
        later = [d for d in drafts[position + 1 :] if d.sentence - draft.sentence <= 3]
        for other in earlier + later:
            if not (draft.person_keys() & other.person_keys()):
                continue
            if other.previous_occasion:
                continue  # "They last met in October": background, not the occasion of this one
            if (
                other.trigger.form == "nominal"
                and not other.trigger.destination
                and other.type is not EventType.CALL
                and not (draft.type is EventType.INVITATION and other.sentence == draft.sentence)
            ):
                # "their productive meeting in March": a reference, not the scene; but "invited him
                # during their meeting" was made there.
                continue
            if other.status is not None and draft.status is not None and other.status is not draft.status:
                continue
            if abs(draft.paragraph - other.paragraph) > 4:
                continue
            ahead = other.sentence > draft.sentence
            if ahead and not (
                (draft.type is EventType.INVITATION and other.type in (EventType.CALL, EventType.MEETING))
                or (
                    draft.type is EventType.VISIT
                    and other.type is EventType.MEETING
                    and other.sentence == draft.sentence
                )
            ):
                continue
            same_trip = draft.type is other.type is EventType.VISIT
            if (
                draft.time is None
                and draft.inherited_time is None
                and other.time is not None
                and not same_trip
            ):
                draft.inherited_time = other
                if draft.location is None and other.type is draft.type is EventType.MEETING:
                    draft.location = other.location  # the same occasion: the same place
            if (
                draft.location is None
                and other.type is EventType.VISIT
                and draft.type is EventType.MEETING
                and not (other.onward and other.sentence == draft.sentence)
            ):
                draft.location = other.location
            if (
                draft.location is None
                and draft.type is EventType.INVITATION
                and other.type is EventType.MEETING
            ):
                draft.location = other.location
            if (draft.time is not None or draft.inherited_time is not None) and (
                draft.location is not None or draft.type is not EventType.MEETING
            ):
                break


def group_countries(draft: Draft) -> set[str]:
    """The countries of a draft's sides that are named as governments, not people."""
    return {p.country for p in draft.parties if p.group is not None and p.country is not None}
