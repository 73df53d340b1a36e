"""Places: where each engagement happens, and which countries it is about.

A visit goes to its destination ("travel to Seoul and Manila": a stop in
each); a meeting is where an ``in``/``at`` phrase, a building ("at her
office"), the trip it is part of or set in ("During his visit to Tokyo"),
"the country" of the story or the dateline puts it. Over the whole story,
a meeting held at a gathering ("on the sidelines of the G20 summit") takes
the place the story gives for that gathering, and one dated within a stay of
its people the stay's (:func:`gathering_places`, :func:`places_within_stays`).
The countries a passage names besides the sides' own are its topics.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterator

import attrs

from alliancekit.literals import ascii_words
from alliancekit.model import EventType, Status, TimeSpan
from alliancekit.rules import cues, lexicon
from alliancekit.rules.document import Draft, DraftMention, Reading, SentenceLayer, cue_matches
from alliancekit.rules.mentions import PlaceMention
from alliancekit.rules.timing import arrival_adjunct, settle_time, times_agree, venues
from alliancekit.rules.triggers import Trigger
from alliancekit.temporal import TimeMention

__all__ = [
    "dateline_places",
    "gathering_places",
    "location_for",
    "more_destinations",
    "places_within_stays",
    "stop_time",
    "topics_for_previous",
    "topics_of",
]


def more_destinations(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, draft: Draft, right: int
) -> list[PlaceMention]:
    """The further stops of "travel to A, B, C and D" or "visit A, <its country>, and B"."""
    first = draft.location
    if trigger.type is not EventType.VISIT or not trigger.destination or first is None or first.end == 0:
        return []
    text = reading.text
    found: list[PlaceMention] = []
    previous = first
    for place in sorted(layer.places, key=lambda mention: mention.start):
        if place.start <= previous.end:
            continue
        if place.start > right + 2:
            break
        gap = text[previous.end : place.start]
        if place.country == previous.country and place.kind == "country" and re.fullmatch(r",\s*", gap):
            previous = place  # "Seoul, South Korea": the stop's country, not another stop
            continue
        if re.match(r"['’]s\b", text[place.end : place.end + 3]):
            break  # "during their stay in Seoul, China's foreign ministry said": a possessive, no stop
        if not (
            cues.LIST_GAP.fullmatch(gap)
            or cues.SECOND_PLACE_GAP.fullmatch(gap)
            or _dated_stop_gap(layer, previous.end, gap)
            or _AND_THEN_TO.fullmatch(gap)
        ):
            break
        found.append(place)
        previous = place
    return found


# "to Tokyo and then to Seoul": the gap between two stops of a trip, each with its "to".
_AND_THEN_TO = re.compile(r",?\s+and\s+(?:then\s+|later\s+)?(?:on\s+)?to\s+(?:the\s+)?")
# "to Beijing on Wednesday and to Seoul on Thursday": the gap between two dated stops of a trip.
_DATED_STOP_GAP = re.compile(r"\s+(?P<time>[^,;.]{2,40}?)" + _AND_THEN_TO.pattern)


def _dated_stop_gap(layer: SentenceLayer, start: int, gap: str) -> bool:
    """Whether the words between two places are the first stop's time and "and to"."""
    match = _DATED_STOP_GAP.fullmatch(gap)
    if match is None:
        return False
    told = (start + match.start("time"), start + match.end("time"))
    return any(time.start == told[0] and time.end == told[1] for time in layer.times)


def stop_time(reading: Reading, layer: SentenceLayer, stop: PlaceMention) -> TimeMention | None:
    """The time written right after a further stop of a trip: "and to Seoul on Thursday".

    Only a stop that follows the first one's own time has one; a stop listed
    with the others ("to Tokyo and Seoul next week") shares the trip's.
    """
    text = reading.text
    follows_dated_stop = any(
        _AND_THEN_TO.fullmatch(text, time.end, stop.start) for time in layer.times if time.end <= stop.start
    )
    if not follows_dated_stop:
        return None
    return next((time for time in layer.times if 0 <= time.start - stop.end <= 1), None)


def location_for(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, draft: Draft, left: int, right: int
) -> PlaceMention | None:
    """Where the engagement of a trigger happens: its destination, or the place its clause names."""
    text = reading.text
    before = text[max(left, trigger.start - 40) : trigger.start]
    for_purpose = cues.PURPOSE.search(before) is not None
    to_purpose = trigger.form == "verbal" and _TO_PURPOSE.search(before) is not None
    if trigger.type is EventType.MEETING and (for_purpose or to_purpose):
        # "will fly to Tokyo on Saturday for talks with X", "visited Seoul in March to attend a
        # trilateral meeting": the talks are where the trip goes.
        for other, place in _placed_visits_before(reading, layer, trigger):
            if other.person_keys() & draft.person_keys() and (
                for_purpose
                or (
                    times_agree(other, draft, reading.document.anchor)
                    and not _placed_elsewhere(text, layer, trigger, right, place)
                )
            ):
                return place
    places = layer.places
    if trigger.destination or trigger.type is EventType.VISIT:
        for place in places:
            gap = text[trigger.end : place.start]
            if (
                trigger.end <= place.start <= right + 2
                and (
                    len(gap.split()) <= (2 if trigger.form == "nominal" else 6)
                    # "a visit by President Tomas to Washington"
                    or (trigger.form == "nominal" and cues.BY_VISITOR_TO.fullmatch(gap) is not None)
                )
                and not _OTHER_RELATION.search(gap)
                and not (trigger.form == "nominal" and _OF_WORD.search(gap))
                # "a ceremony for the new US envoy": not a place gone to, but whose envoy
                and not (_country_as_modifier(text, place) and not _MOTION_WORD_BEFORE.search(gap))
            ):
                return place
        if trigger.form == "nominal":
            # "a Tokyo visit", "his Washington trip": the place that names the trip.
            for place in places:
                if 0 <= trigger.start - place.end <= 2 and cues.PLACE_MODIFIER.search(
                    text, max(layer.sentence.start, place.start - 12), place.start
                ):
                    return place
            if re.match(r"\s+here\b", text[trigger.end : trigger.end + 8]):
                # "his first official visit here": where the story is filed, else the country it is about
                homes = {p.country for p in draft.parties if p.person is not None and p.country is not None}
                return (
                    _dateline_place(reading)
                    or _inline_dateline(reading, layer)
                    or _country_in_focus(reading, layer, homes)
                )
            # "Okafor's British visit", "his first Japanese trip": the country its demonym names.
            demonym = cues.DEMONYM_BEFORE.search(
                text, max(layer.sentence.start, trigger.start - 40), trigger.start
            )
            if demonym is not None:
                country = lexicon.country_of_word(demonym.group("word"))
                home = {p.person.country for p in draft.parties if p.person is not None}
                if country is not None and country not in home:
                    name = lexicon.country_name(country)
                    start = demonym.start("word")
                    return PlaceMention(
                        start, start + len(demonym.group("word")), name, country, "country", name
                    )
            return None
    if trigger.type is EventType.CALL:
        return None
    destination = _destination_before(reading, layer, trigger)
    if destination is not None:
        return destination  # "before heading to Seoul and a meeting with Park": the meeting is there
    named = _naming_place(layer, trigger)
    if named is not None:
        return named  # "the Camp David summit", "the Osaka meeting": the place that names it
    own_venue, other_venues = venues(reading, layer, trigger)
    if own_venue is not None:
        for place in places:
            if own_venue[0] <= place.start < own_venue[1] and _after_in_or_at(text, layer, place):
                return place  # "a summit, which will be held in Hanoi": its own venue
    stay = cues.WHILE_IN.match(layer.sentence.text) if trigger.form == "verbal" else None
    for place in places:
        if any(start <= place.start < end for start, end in other_venues):
            continue  # the venue of another engagement
        if (
            not (left <= place.start and place.end <= right + 2)
            and not place.start - layer.sentence.start < 4
            # "While in Japan, X will meet A and pay a call on B": both verbs are done there
            and not (stay is not None and place.start - layer.sentence.start == stay.end())
        ):
            continue
        if place.start >= trigger.end and cues.OTHER_PREDICATE.search(text, trigger.end, place.start):
            continue  # "the meeting ... will be an agreement to invest in the US": another verb's place
        if _after_in_or_at(text, layer, place):
            return place
    if trigger.type is EventType.MEETING:
        venue = _VENUE_NOUN.search(text, trigger.end, min(layer.sentence.end, right + 2))
        if venue is not None and not re.search(r"[;:]", text[trigger.end : venue.start()]):
            # "paid a courtesy call on her at her office", "a dinner at his private residence"
            return _venue_of(venue, draft)
        framing = _framing_trip_place(text, layer, trigger)
        if framing is not None:
            return framing  # "During his visit to Tokyo, Venn met Aoyama": where the trip is
    for arrival in layer.triggers:
        if trigger.form == "verbal" and arrival.destination and arrival_adjunct(text, arrival):
            # "met the Emperor after arriving in Tokyo": where the arrival is
            arrived = [p for p in places if 0 <= p.start - arrival.end <= 5]
            if arrived:
                return arrived[0]
    if _THE_COUNTRY.search(text[trigger.start : right]):
        visitors_home: set[str] = set()
        for party in draft.parties if draft.type is EventType.VISIT else []:
            if party.person is not None and party.person.country is not None:
                visitors_home.add(party.person.country)
        in_focus = _country_in_focus(reading, layer, visitors_home)
        if in_focus is not None:
            return in_focus  # "arrived in the country on Tuesday": the country the story is about
    if _HERE.search(text[trigger.start : right]):
        here = _dateline_place(reading) or _inline_dateline(reading, layer)
        if here is not None:
            return here  # "met his counterpart here": where the story is filed
    where = _WHERE_BEFORE.search(text, max(layer.sentence.start, left - 12), left)
    if where is not None:
        # "fresh from Washington, where he held talks with Pellegrini": the place the clause hangs on
        comma = left - len(where.group())
        for place in reversed(places):
            if place.end <= comma:
                return place if comma - place.end <= 2 else None
    if trigger.type is EventType.MEETING and _DURING_WHICH.search(text, layer.sentence.start, trigger.start):
        # "arrived in Tokyo for a three-day visit, during which he will meet Aoyama": the visit's place
        return next((place for _, place in _placed_visits_before(reading, layer, trigger)), None)
    return None


# The words in the gap between a visit and a place that make the place another relation's: "visit
# since Seoul", "a trip of the Seoul delegation"; and those that make it a destination after all.
_OTHER_RELATION = re.compile(r"\b(?:since|after|before|while|when|from)\b")
_OF_WORD = re.compile(r"\bof\b")
_MOTION_WORD_BEFORE = re.compile(r"\b(?:to|in|at|into|towards?)\s+(?:the\s+)?$")
# "arrived in the country on Tuesday", "met his counterpart here" (not "here is ...").
_THE_COUNTRY = re.compile(r"\b(?:in|to)\s+the\s+country\b")
_HERE = re.compile(r"\bhere\b(?!\s+(?:is|are|was|were)\b)")
# The relative clause a trigger opens after a place: "fresh from Washington, where he held talks".
_WHERE_BEFORE = re.compile(r",\s+where$")
# A relative clause of a trip, before its engagement: "a three-day visit, during which he will meet".
_DURING_WHICH = re.compile(r",\s+(?:during|in\s+the\s+course\s+of)\s+which\b")


def _country_as_modifier(text: str, place: PlaceMention) -> bool:
    """Whether a country names whose office or body the next word is: "the US envoy", "US Forces Korea".

    >>> _country_as_modifier("a ceremony for the US Navy", PlaceMention(19, 21, "US", "USA", "country", "US"))
    True
    """
    if place.kind != "country":
        return False
    following = re.match(r"\s+([A-Za-z]+)\b", text[place.end : place.end + 30])
    if following is None:
        return False
    word = following.group(1).lower()
    return word in lexicon.ORG_WORDS or word in lexicon.TITLE_HEADS


def _placed_visits_before(
    reading: Reading, layer: SentenceLayer, trigger: Trigger
) -> Iterator[tuple[Draft, PlaceMention]]:
    """The visits drafted with a place in the trigger's sentence before it, the latest first."""
    for other in reversed(reading.drafts):
        if other.sentence != layer.sentence.index:
            return
        placed = other.location
        if other.type is EventType.VISIT and placed is not None and other.trigger.end <= trigger.start:
            yield other, placed


# A building named by a common noun, where people meet: "at her office", "at the prime minister's
# office", "at his private residence", "at the ministry".
_VENUE_NOUN = re.compile(
    r"\bat\s+(?P<venue>(?:the|his|her|their)\s+(?:(?:[a-z]+['’]s|[a-z]+)\s+){0,2}"
    r"(?:office|residence|ministry|headquarters|embassy|guesthouse|guest\s+house|official\s+residence))\b"
    r"(?![’']s\b|\s+(?:of|for)\b)"
)


def _venue_of(venue: re.Match[str], draft: Draft) -> PlaceMention:
    """The building a common noun names, its owner's when a pronoun gives one ("at her office").

    The owner is the last of the engagement's people named before it; a
    prime minister's office is the Prime Minister's Office.
    """
    written = venue.group("venue")
    start, end = venue.start("venue"), venue.end("venue")
    owned = re.fullmatch(r"(?:his|her|their)\s+(?P<rest>.+)", written)
    if owned is None:
        return PlaceMention(start, end, written, None, "facility", written)
    people = [p.person for p in draft.parties if p.person is not None and p.person.end <= start]
    owner = max(people, key=lambda person: person.end) if people else None
    if owner is None:
        return PlaceMention(start, end, written, None, "facility", written)
    title = (owner.title or "").lower()
    if owned.group("rest") == "office" and "prime minister" in title and not re.search(r"deputy|vice", title):
        return PlaceMention(start, end, "Prime Minister's Office", owner.country, "facility", written)
    return PlaceMention(start, end, written, owner.country, "facility", written)


# "visited Seoul to attend", "flew to Hanoi in May to meet": a trip's purpose, the infinitive after it.
_TO_PURPOSE = re.compile(r"\w\s+(?:in\s+order\s+)?to\s+(?:also\s+)?$")


def _placed_elsewhere(
    text: str, layer: SentenceLayer, trigger: Trigger, right: int, trip: PlaceMention
) -> bool:
    """Whether the trigger's clause names a place of its own in another country than the trip's.

    "who visited Tokyo in May, is expected to meet her in Seoul": not the trip's meeting.
    """
    return any(
        trigger.end <= place.start <= right + 2
        and _after_in_or_at(text, layer, place)
        and place.country is not None
        and place.country != trip.country
        for place in layer.places
    )


_MOTION_TO = re.compile(
    r"\b(?:head(?:s|ed|ing)?|travel(?:s|led|ling|ed|ing)?|fl(?:y|ies|ew|ying)|go(?:es|ing)?|went|mov(?:e|es|ed|ing)|"
    r"continu(?:e|es|ed|ing)|proceed(?:s|ed|ing)?|on)\s+(?:on\s+)?to\s+$",
    re.IGNORECASE,
)


# What frames a trip the rest of the sentence happens during: "During his visit to", "While visiting".
_TRIP_FRAME_NOUN = re.compile(
    r"\b(?i:during|on|while\s+on|in\s+the\s+course\s+of|over|throughout)\s+"
    r"(?:(?i:his|her|their|the|a|an|its|this|that)\s+)?(?:[\w’'-]+\s+){0,3}$"
)
_TRIP_FRAME_VERB = re.compile(r"\b(?i:while|when)\s+(?:(?i:he|she|they)\s+(?:was|were)\s+)?$")


def _framing_trip_place(text: str, layer: SentenceLayer, trigger: Trigger) -> PlaceMention | None:
    """The place of a trip an earlier phrase of the sentence sets the engagement in.

    "During his visit to Tokyo, Venn met Aoyama", "While visiting Hanoi, she
    held talks with ...": the meeting is where the trip went.
    """
    for trip in layer.triggers:
        if trip.type is not EventType.VISIT or trip.end > trigger.start:
            continue
        before = text[max(layer.sentence.start, trip.start - 40) : trip.start]
        frame = _TRIP_FRAME_NOUN if trip.form == "nominal" else _TRIP_FRAME_VERB
        if frame.search(before) is None:
            continue
        for place in layer.places:
            if trip.end <= place.start < trigger.start and re.fullmatch(
                r"\s*(?:(?:to|in)\s+)?(?:the\s+)?", text[trip.end : place.start]
            ):
                return place
    return None


def _destination_before(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> PlaceMention | None:
    """The destination an engagement noun is coordinated with: "heading to Seoul and a meeting with Park"."""
    if trigger.form != "nominal" or trigger.type is not EventType.MEETING:
        return None
    text = reading.text
    for place in layer.places:
        if not 0 <= trigger.start - place.end <= 16:
            continue
        if not re.fullmatch(r"\s+and\s+(?:(?:a|an|the|his|her|their)\s+)?", text[place.end : trigger.start]):
            continue
        if _MOTION_TO.search(text, max(layer.sentence.start, place.start - 30), place.start):
            return place
    return None


def _naming_place(layer: SentenceLayer, trigger: Trigger) -> PlaceMention | None:
    """A city or site just before an engagement noun, naming it: "the Camp David summit".

    A country there ("the China-Japan summit") names its sides, not its venue.
    """
    if trigger.form != "nominal" or trigger.type is not EventType.MEETING:
        return None
    return next(
        (p for p in layer.places if p.kind != "country" and 0 <= trigger.start - p.end <= 1),
        None,
    )


def _after_in_or_at(text: str, layer: SentenceLayer, place: PlaceMention) -> bool:
    """Whether "in" or "at" introduces a place: "in Hanoi", "at the Blue House", "in the city of Busan"."""
    preceding = text[max(layer.sentence.start, place.start - 48) : place.start]
    return _IN_OR_AT.search(preceding) is not None


# "in Hanoi", "at the Blue House", "in the border village of Panmunjom", "at the resort island of Bali",
# "at his Mar-a-Lago resort", "in central Seoul"
_IN_OR_AT = re.compile(
    r"\b(?i:in|at)\s+(?:(?i:the)\s+(?:[a-z][a-z-]*\s+){1,3}of\s+|(?i:the|his|her|their|its)\s+)?"
    r"(?:(?:central|downtown|northern|southern|eastern|western|suburban|greater)\s+)?$"
)


def topics_of(layer: SentenceLayer, draft: Draft) -> list[str]:
    """The countries the sentence names besides the draft's sides and its place: what it is about."""
    own = {p.country for p in draft.parties if p.country}
    if draft.location is not None and draft.location.country:
        own.add(draft.location.country)
    return [code for code in layer.countries if code not in own]


def topics_for_previous(reading: Reading, layer: SentenceLayer) -> None:
    """Give a sentence without triggers that speaks of the talks' topics to the latest engagements."""
    if not reading.drafts or layer.sentence.index - reading.drafts[-1].sentence > 3:
        return
    if not layer.may_hold(cues.TOPIC_CUE) or not cue_matches(cues.TOPIC_CUE, layer.sentence.text):
        return
    latest = reading.drafts[-1]
    recent = reading.drafts[-12:]  # a bounded window keeps long documents linear
    related = [
        d
        for d in recent
        if d is latest or (d.person_keys() & latest.person_keys() and d.status is latest.status)
    ]
    for draft in related:
        own = {p.country for p in draft.parties if p.country}
        if draft.location is not None and draft.location.country:
            own.add(draft.location.country)
        for code in (code for code in layer.countries if code not in own):
            if code not in draft.topics:
                draft.topics.append(code)


def _country_in_focus(reading: Reading, layer: SentenceLayer, home: set[str]) -> PlaceMention | None:
    """The country last named before this sentence (else the dateline's), which "the country" means.

    A visitor does not arrive "in the country" of their own ``home``: it is the
    last other country named, by its name or by a demonym ("Philippine officials").
    """
    for earlier in reading.sentences_before(layer):
        countries = [
            place for place in earlier.places if place.kind == "country" and place.country not in home
        ]
        if countries:
            return countries[-1]
        abroad = [code for code in earlier.countries if code not in home] if home else []
        if abroad:
            name = lexicon.country_name(abroad[-1])
            return PlaceMention(0, 0, name, abroad[-1], "country", name)
    dateline = _dateline_place(reading)
    if dateline is not None and dateline.country is not None:
        name = lexicon.country_name(dateline.country)
        return PlaceMention(0, 0, name, dateline.country, "country", name)
    return None


_DATELINE_REACH = 12
"""How many sentences back a dateline opening one may be the "here" of a later one."""


def _inline_dateline(reading: Reading, layer: SentenceLayer) -> PlaceMention | None:
    """A dateline opening the sentence or an earlier one ("Johannesburg: Prime Minister ... met ... here")."""
    for candidate in (layer, *itertools.islice(reading.sentences_before(layer), _DATELINE_REACH)):
        start = candidate.sentence.start
        for place in candidate.places:
            if place.start - start < 2 and cues.DATELINE_AFTER.match(reading.text, place.end):
                return place
    return None


def _dateline_place(reading: Reading) -> PlaceMention | None:
    """The place the story was filed from, by its dateline, or ``None`` without one."""
    dateline = reading.document.source.dateline
    if not dateline:
        return None
    place = reading.knowledge_base.find_place(dateline)
    if place is not None:
        return PlaceMention(0, 0, place.name, place.country, place.kind, dateline)
    return PlaceMention(0, 0, dateline, None, "city", dateline)


def dateline_places(reading: Reading, drafts: list[Draft]) -> None:
    """Occurred meetings with no stated place happened where the story was filed."""
    mention = _dateline_place(reading)
    if mention is None:
        return
    for draft in drafts:
        if draft.location is not None or draft.status is not Status.OCCURRED:
            continue
        if draft.type is EventType.MEETING or draft.trigger.arrival:
            draft.location = mention  # "Delgado flew in from Manila": to where the story is filed


_LONGEST_STAY = 21
"""How many days a visit may last and still place the meetings dated within it."""


def _interval(draft: Draft, anchor: dt.date | None) -> TimeSpan | None:
    """The resolved interval a draft will be reported with, or ``None``."""
    source = draft if draft.time is not None or draft.fixed_time is not None else draft.inherited_time
    if source is None or (source.time is None and source.fixed_time is None):
        return None
    if source.fixed_time is not None:
        span: TimeSpan | None = source.fixed_time
    else:
        status = source.status or (Status.PLANNED if source.future_hint else Status.OCCURRED)
        span = settle_time(source, status, anchor)[1]
    return span if span is not None and span.start is not None and span.end is not None else None


def _within(inner: TimeSpan, outer: TimeSpan) -> bool:
    assert inner.start is not None
    assert inner.end is not None
    assert outer.start is not None
    assert outer.end is not None
    return outer.start <= inner.start and inner.end <= outer.end


def _dated_in_own_sentence(reading: Reading, draft: Draft) -> bool:
    """Whether a draft's time is told in a sentence of its own mentions, not borrowed from another."""
    if draft.time is None:
        return False
    told = draft.time.start
    sentence = next(
        (layer.sentence for layer in reading.sentences if layer.sentence.start <= told < layer.sentence.end),
        None,
    )
    if sentence is None:
        return False
    starts = [start for start, _ in draft.spans] or [draft.trigger.start]
    return any(sentence.start <= start < sentence.end for start in starts)


def places_within_stays(reading: Reading, drafts: list[Draft]) -> None:
    """An unplaced meeting dated within a stay of one of its people happens where that stay is.

    "Varga paid a state visit to Hanoi on the 4th ... On the 6th, Varga will
    meet the premier": the meeting is in Hanoi. A stay told by its arrival
    ("arrived in Hanoi on Tuesday") lasts a few days, until the next stop; of
    several stays, the one begun last before the meeting decides. A meeting
    held on the day, and by the same person, of a meeting whose place is told
    ("will meet Ines in Hanoi on Monday. He will also meet Oskar on Monday")
    is there too. Places in different countries decide nothing.
    """
    anchor = reading.document.anchor
    spans = {id(draft): _interval(draft, anchor) for draft in drafts}
    for draft in drafts:
        own = spans[id(draft)]
        if draft.type is not EventType.MEETING or draft.location is not None or own is None:
            continue
        people = draft.person_keys()
        same_day: list[PlaceMention] = []
        stays: list[tuple[dt.date, int, PlaceMention]] = []
        for other in drafts:
            span = spans[id(other)]
            if (
                other is draft
                or other.location is None
                or span is None
                or span.start is None
                or not _dated_in_own_sentence(reading, other)
                or not other.person_keys() & people
                or (other.status is Status.CANCELLED) is not (draft.status is Status.CANCELLED)
            ):
                continue
            days = span.days or 0
            if other.type is EventType.MEETING and days <= 1 and other.status is draft.status:
                if _within(own, span):
                    same_day.append(other.location)
            elif other.type is EventType.VISIT and days <= _LONGEST_STAY and not other.onward:
                begun = span.start
                assert begun is not None
                if days <= 1 and (other.trigger.arrival or cues.ARRIVAL_WORD.search(other.trigger.text)):
                    span = TimeSpan(begun, begun + dt.timedelta(days=_ARRIVAL_STAY))
                if _within(own, span):
                    stays.append((begun, days, other.location))
        if same_day:
            chosen = same_day
        elif stays:
            latest = max(start for start, _, _ in stays)
            narrowest = min(days for start, days, _ in stays if start == latest)
            chosen = [place for start, days, place in stays if start == latest and days == narrowest]
        else:
            continue
        if len({place.country for place in chosen}) == 1:
            draft.location = chosen[0]
            draft.decide(
                "location", DraftMention.of(draft), "the place of the stay or meeting it is dated within"
            )


_ARRIVAL_STAY = 3
"""How many days after an arrival a stay told only by it is taken to last."""


# A gathering named by the words before its noun ("the G20 summit", "the Asia-Pacific Economic
# Cooperation (APEC) summit", "@forumhandle summit"), or by a code with a number ("COP26", "G7").
_GATHERING_NAME_WORD = r"(?:Group\s+of|@?[A-Z0-9][\w&.’'-]*|\([A-Z0-9][\w-]*\)|@[a-z0-9]\w*)"
_GATHERING_NOUNS = "summit|meeting|conference|forum|dialogue|gathering|session|assembly|olympics|games|expo"
_GATHERING = re.compile(
    rf"(?P<name>(?:{_GATHERING_NAME_WORD}\s+){{0,5}}?)(?:(?i:trilateral|leaders['’]?|ministerial|annual)\s+)?"
    rf"(?P<noun>(?i:{_GATHERING_NOUNS}))s?\b"
    r"|\b(?P<code>(?:COP|G|G-)\d{1,2})\b(?!\s+(?i:summit|meeting|conference|forum|leaders|session))"
)
# What every gathering holds, its noun or its code, in lower case: quick to look for, where the
# name before the noun is tried at every word.
_GATHERING_NOUN_OR_CODE = re.compile(rf"{_GATHERING_NOUNS}|cop\d|g-?\d")
# Words that open a gathering's name without naming it: "The", "This", a weekday.
_NOT_NAMING = frozenset(
    "the this that a an its their his her last next first second third annual upcoming".split()
)
# "on the sidelines of", "at", "during": the gathering another engagement is held at.
_SETTING = re.compile(
    r"\b(?:(?:on|in|at)\s+the\s+(?:sidelines|margins?|fringes?)\s+of|at|during|while\s+attending)\s+"
    r"(?:(?:the|a|an|this|last|next|their|its)\s+(?:(?:year|week|month)['’]s\s+)?)?$",
    re.IGNORECASE,
)
_ASIDE_SETTING = re.compile(r"(?:sidelines|margins?|fringes?)\s+of\s+(?:\w+\s+)?$", re.IGNORECASE)
# Between a gathering and the place it is held in: ", which will be held in", " in the resort town of".
_HELD_IN = re.compile(
    r"^,?(?:\s+(?:which|that))?(?:\s+(?:is|are|was|were|will\s+be))?(?:\s+(?:to\s+be|being))?"
    r"(?:\s+(?:expected\s+to\s+be\s+|set\s+to\s+be\s+|due\s+to\s+be\s+|scheduled\s+to\s+be\s+)?"
    r"(?:held|hosted|convened|taking\s+place|(?:set|scheduled|due|expected)\s+to\s+take\s+place))?"
    r"\s+(?:in|at)\s+(?:the\s+(?:[a-z-]+\s+){0,3}of\s+|the\s+)?$"
)
# Between a place and the gathering it hosts: "Seoul will host the", "in Glasgow during".
_HOSTS = re.compile(
    r"^\s+(?:(?:is|was|will|would)\s+)?(?:(?:likely|set|expected|due|scheduled|slated)\s+to\s+)?"
    r"host(?:s|ed|ing)?\s+(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+)?$"
)
_AT_GATHERING = re.compile(
    r"^(?:,\s*)?\s+(?:for|during|to\s+attend|at|while\s+attending|on\s+the\s+sidelines\s+of)\s+"
    r"(?:the\s+|a\s+|an\s+|this\s+year['’]s\s+)?$"
)
# After a gathering's code in brackets, the rest of its name: "Group of 20 (G20) major economies".
_NAME_AFTER_CODE = re.compile(r"^\)(?:\s+(?!(?:in|at|on|to|with|for|and)\b)[a-z]+){1,3}(?=\s+(?:in|at)\s)")
# A country owning the place that follows: "Japan's " (in "Japan's Osaka").
_COUNTRY_OWNER = re.compile(r"(?P<owner>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2})['’]s\s+$")
_INTO_PLACE = re.compile(r"\b(?:in|at|to|visiting|visited|visits|visit)\s+(?:the\s+)?$")
# After a gathering, the place that is the subject of a clause hosting it: "a summit Seoul will host".
_HOSTED_BY_NEXT = re.compile(
    r"\s+(?:(?:is|was|will|would)\s+)?(?:(?:likely|set|expected|due|scheduled|slated)\s+to\s+)?host\b"
)


@attrs.frozen
class _Gathering:
    """A named gathering in the text: its name's words and the place the text gives for it."""

    start: int
    end: int
    words: frozenset[str]
    noun: str
    place: PlaceMention | None
    another_occasion: bool = False
    """Named as another occasion than the story's ("the next summit", "last year's summit")."""


def _name_words(match: re.Match[str]) -> frozenset[str]:
    if match.group("code"):
        return frozenset({match.group("code").lower().replace("-", "")})
    words = re.findall(r"[\w&.’'-]+", match.group("name").lower())
    named = {word.lstrip("@").strip(".’'-") for word in words if word not in _NOT_NAMING and len(word) > 1}
    if "group" in named:
        # "the Group of Seven summit" is the G7's
        named |= {_GROUP_CODES[word] for word in named if word in _GROUP_CODES}
    return frozenset(named)


_GROUP_CODES = {"seven": "g7", "7": "g7", "eight": "g8", "8": "g8", "twenty": "g20", "20": "g20"}


# "the next summit", "last year's summit", "a previous meeting": another occasion than the story's.
_ANOTHER_OCCASION = re.compile(
    r"\b(?i:next|last|previous|upcoming|following|prior|earlier|future|first|second|third)"
    r"(?:\s+(?i:year|month|week)['’]s)?\s+(?:[\w-]+\s+){0,2}$"
)


def _gatherings(reading: Reading, layer: SentenceLayer) -> list[_Gathering]:
    """The gatherings a sentence names, each with the place the sentence gives for it."""
    if not _may_name_gathering(layer.sentence.text):
        return []
    text = reading.text
    found: list[_Gathering] = []
    for match in _GATHERING.finditer(text, layer.sentence.start, layer.sentence.end):
        start = match.start()
        noun = (match.group("noun") or "summit").lower()
        before = text[max(layer.sentence.start, start - 24) : start]
        found.append(
            _Gathering(
                start,
                match.end(),
                _name_words(match),
                noun,
                _place_of(reading, layer, match),
                _ANOTHER_OCCASION.search(before) is not None,
            )
        )
    return found


def _may_name_gathering(text: str) -> bool:
    """Whether ``text`` holds a gathering's noun or code, as every name of a gathering does.

    Lower case stands for any case when the text's letters are ASCII; a text
    with others, whose case folding lower-casing may not follow, may always.

    >>> _may_name_gathering("At the G20 in Bali"), _may_name_gathering("Varga met Lee in Bali")
    (True, False)
    """
    if not ascii_words(text):
        return True
    return _GATHERING_NOUN_OR_CODE.search(text.lower()) is not None


def _place_of(reading: Reading, layer: SentenceLayer, match: re.Match[str]) -> PlaceMention | None:
    """Where the sentence says a gathering is held: in its name, after "in", or as its host."""
    text = reading.text
    places = layer.places
    for place in places:
        if match.start() < place.end <= match.end() and place.kind != "country":
            return place  # "the Camp David summit", "the G7 Evian Summit"
    after = [place for place in places if place.start >= match.end()]
    if after:
        first = after[0]
        gap = text[match.end() : first.start]
        owner = _COUNTRY_OWNER.search(gap)
        if owner is not None and lexicon.country_of_word(owner.group("owner")) == first.country:
            gap = gap[: owner.start()]  # "in Japan's Osaka": the city of its country
        gap = _NAME_AFTER_CODE.sub("", gap, count=1)  # "(G20) major economies in": the name goes on
        if _HELD_IN.match(gap) or _HELD_IN.match(gap.rstrip() + " "):
            return first
        if re.fullmatch(r"\s*", gap) and _HOSTED_BY_NEXT.match(text, first.end):
            return first  # "a trilateral meeting Seoul is likely to host"
    before = [place for place in places if place.end <= match.start()]
    if before:
        last = before[-1]
        gap = text[last.end : match.start()]
        if _HOSTS.match(gap):
            return last  # "Seoul will host the summit"
        if _AT_GATHERING.match(gap):
            # "visiting Lima, Peru, for the APEC summit": the city before its country
            if last.kind == "country" and len(before) > 1:
                city = before[-2]
                if city.country == last.country and re.fullmatch(r",\s*", text[city.end : last.start]):
                    last = city
            if _INTO_PLACE.search(text, max(layer.sentence.start, last.start - 14), last.start):
                return last  # "had a session in Glasgow during COP26"
    return None


def _same_gathering(first: _Gathering, second: _Gathering) -> bool:
    """Whether two names may name one gathering: a distinctive word or a code ("G20") in common.

    A code may start the other's word ("@g20org"); words any gathering may
    bear ("Asia", "Security", "Economic") tell none apart.
    """
    return any(
        a == b or _code_prefix(a, b) or _code_prefix(b, a)
        for a in first.words - _GENERIC_NAME_WORDS
        for b in second.words - _GENERIC_NAME_WORDS
    )


def _code_prefix(code: str, word: str) -> bool:
    return len(code) >= 2 and any(c.isdigit() for c in code) and word.startswith(code)


_GENERIC_NAME_WORDS = frozenset(
    """
    asia asian pacific asia-pacific east west north south europe european africa african america american
    economic cooperation security regional international world global national leaders ministers
    ministerial defense defence foreign group of and un united nations general summit
    """.split()
)


def gathering_places(reading: Reading, drafts: list[Draft]) -> None:
    """An unplaced meeting held at a gathering takes the place the story gives for that gathering.

    "Ferreira met Ong on the sidelines of the G20 summit on Tuesday ... the
    G20 summit in Bali": the meeting is in Bali, however far from it the
    story says so; "on the sidelines of a meeting Seoul will host": in Seoul.
    """
    named: list[_Gathering] | None = None
    for draft in drafts:
        if draft.type is not EventType.MEETING or draft.location is not None:
            continue
        if draft.sentence >= len(reading.sentences):
            continue
        layer = reading.sentences[draft.sentence]
        setting = _setting_of(reading, layer, draft.trigger)
        if setting is None:
            continue
        if setting.place is not None:
            draft.location = setting.place
            draft.decide("location", DraftMention.of(draft), "the place of the gathering it is held at")
            continue
        if named is None:
            named = [
                gathering
                for other in reading.sentences
                for gathering in _gatherings(reading, other)
                if gathering.place is not None and not gathering.another_occasion
            ]
        same = [
            g for g in named if (_same_gathering(g, setting) if setting.words else g.noun == setting.noun)
        ]
        countries = {g.place.country for g in same if g.place is not None}
        if len(countries) == 1:
            draft.location = next(g.place for g in same if g.place is not None)
            draft.decide("location", DraftMention.of(draft), "the place the story gives for the gathering")


def _setting_of(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> _Gathering | None:
    """The gathering the sentence holds an engagement at: "met X on the sidelines of the G20 summit"."""
    text = reading.text
    for gathering in _gatherings(reading, layer):
        if gathering.start <= trigger.start < gathering.end:
            continue  # the engagement itself
        before = text[max(layer.sentence.start, gathering.start - 40) : gathering.start]
        if not _SETTING.search(before):
            continue
        if _ASIDE_SETTING.search(before) is not None:
            return gathering  # "on the sidelines of" holds whatever the sentence reports
        opening = re.fullmatch(r"\s*\W*\s*(?:\w+\s+){0,5}", text[layer.sentence.start : gathering.start])
        gap = text[trigger.end : gathering.start]
        if opening is not None or (
            0 <= len(gap) <= 100 and not re.search(r"[;:]|,\s+(?:and|but|while)\b", gap)
        ):
            return gathering  # "At the summit, X met Y"; "X met Y at the summit"
    return None
