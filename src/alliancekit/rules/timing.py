"""Timing: the time of each engagement.

Per trigger, :func:`time_for` picks the time expression of its clause (not
one that dates another clause, an aside or another event), or the time of
the engagement a sentence opening "During the call" refers to. Over the
document, an undated engagement borrows the time of the sentence before,
a day without a year takes its paragraph's year, "two days later" counts
from the engagement dated before, and :func:`settle_time` resolves a time
against the publication date and lets it settle a status the wording left
open.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from alliancekit.actors import KnowledgeBase
from alliancekit.actors.offices import load_builtin_offices
from alliancekit.model import Document, EventType, Granularity, Status, TimeSpan
from alliancekit.rules import clauses, cues
from alliancekit.rules.clauses import frame_main, in_aside
from alliancekit.rules.document import Draft, Reading, SentenceLayer, VenueClauses, person_key
from alliancekit.rules.triggers import Trigger
from alliancekit.temporal import (
    Direction,
    TimeMention,
    count_word,
    day_offset,
    find_time_expressions,
    resolve,
    stated_year,
)

__all__ = [
    "after_event",
    "arrival_adjunct",
    "borrow_times",
    "bounded_before",
    "count_from_earlier",
    "day_of_trip",
    "days_apart",
    "during_event",
    "held_later",
    "hours_apart",
    "same_period",
    "settle_time",
    "sidelines_dates",
    "span_of",
    "speaking_days",
    "stamp_checked",
    "stops_of_trips",
    "time_for",
    "time_source",
    "times_agree",
    "venue_clause",
    "venues",
    "visit_lengths",
    "years_from_paragraph",
]

# "before Sato hosts a summit", "ahead of when he leaves": a clause of its own, with its own time
_CLAUSE_BEFORE = re.compile(
    r"\b(?:before|ahead\s+of|prior\s+to)\s+(?:he|she|they|it|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)?)\s+"
    r"(?:will\s+)?(?!is\b|was\b|has\b)[a-z]{2,}s\b"
)

_VENUE_WORDS = (
    "place",
    "held",
    "happen",
    "convene",
    "scheduled",
    "set",
    "slated",
    "due",
    "planned",
    "expected",
)
"""Every venue clause (:data:`~alliancekit.rules.cues.VENUE_CLAUSE`) has one of these words, case-folded.

The stretch after a noun without one is not searched for a clause.
"""
_VENUE_GAP = 100
"""How far after its noun a venue clause may begin ("a summit among A, B and C, which ...")."""


_TITLE_WORDS_BEFORE = re.compile(r"(?:[A-Za-z.’'-]+\s+){1,5}$")
_NOT_SERVING = re.compile(
    r"\b(?:former|then|ex|late|outgoing|incoming|designate|elect|nominee)\b", re.IGNORECASE
)


def _office_before(text: str, start: int) -> str | None:
    """The office the few words right before a name give it: "US DEFENSE Secretary" -> defense minister."""
    words = _TITLE_WORDS_BEFORE.search(text, max(0, start - 60), start)
    if words is None or _NOT_SERVING.search(words.group()):
        return None
    offices = load_builtin_offices()
    tokens = words.group().split()
    for first in range(len(tokens)):  # the longest phrase that names an office
        phrase = " ".join(tokens[first:])
        office = offices.describe(phrase) or offices.office_of(phrase)
        if office is not None:
            return office.name
    return None


_STAMP_REACH = 1500
"""How far into the text a named official may contradict a printed date (the headline and lede)."""


def stamp_contradicted(text: str, day: dt.date, knowledge_base: KnowledgeBase) -> bool:
    """Whether someone the lede names with an office held that office only on other days than ``day``.

    "US Defense Secretary Pat Doe is in the country" under a printed date
    when, the knowledge base says, Pat Doe held that office years earlier:
    the date is not when the story was written.
    """
    offices = load_builtin_offices()
    top = text[:_STAMP_REACH]  # the headline and lede, which tell the news of the day
    for record in knowledge_base.actors():
        if record.kind != "person" or not record.positions:
            continue
        for name in (record.name, *record.aliases):
            start = top.find(name)
            if start < 0 or len(name.split()) < 2:
                continue
            office = _office_before(text, start)
            if office is None:
                continue
            terms = [p for p in record.positions if (o := offices.office_of(p.title)) and o.name == office]
            if terms and not any(term.holds_on(day) for term in terms):
                return True
    return False


def stamp_checked(document: Document, knowledge_base: KnowledgeBase) -> Document:
    """The document without a printed date that cannot be the story's own.

    A date printed alone at the top of a page ("Monday, September 15,
    2025"), with no time of day, may be the site's banner of the day it was
    saved rather than the story's. When the text names an official with an
    office the knowledge base says they did not hold on that day, the date
    is dropped: relative times ("this morning", "on Tuesday") stay
    unresolved, as for a story without a publication date. A publication
    date the source gives, or a timestamp with a time of day, is kept.
    """
    stamp = document.source.timestamp
    if document.published is not None or stamp is None or stamp.time() != dt.time(0, 0):
        return document
    if not stamp_contradicted(document.text, stamp.date(), knowledge_base):
        return document
    return attrs.evolve(document, source=attrs.evolve(document.source, timestamp=None))


def arrival_adjunct(text: str, trigger: Trigger) -> bool:
    """Whether a trigger is an arrival told by an adjunct: "after arriving in Tokyo", "upon landing".

    What the main clause reports happens there, on the day of the arrival.
    """
    return (
        trigger.type is EventType.VISIT
        and cues.ARRIVAL_WORD.match(trigger.text) is not None
        and cues.ARRIVAL_ADJUNCT.search(text, max(0, trigger.start - 10), trigger.start) is not None
    )


def venue_clause(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> tuple[int, int] | None:
    """The clause after an engagement noun that tells where and when it takes place, or ``None``.

    "a summit among the three, which is expected to take place in Hanoi
    late next month": the place and the time of that clause are the summit's
    own, however far from the noun, and no other engagement's.
    """
    if trigger.form != "nominal" and not cues.ENGAGEMENT_NOUN_END.search(trigger.text):
        return None  # "attend the summit, to be held ...": the verb's object is the engagement named
    text = reading.text
    stop = min([t.start for t in layer.triggers if t.start >= trigger.end] + [layer.sentence.end])
    reach = min(stop, trigger.end + _VENUE_GAP + 40)
    within = text[trigger.end : reach].casefold()
    if not any(word in within for word in _VENUE_WORDS):
        return None  # no clause's word there: the pattern, tried at every character, would find none
    match = cues.VENUE_CLAUSE.search(text, trigger.end, reach)
    if match is None or match.start() - trigger.end > _VENUE_GAP:
        return None
    if re.search(r"[;:]|\b(?:which|that|who|where|when|while)\b", text[trigger.end : match.start()]):
        return None  # the clause hangs on something said after the noun
    end = min(stop, match.end() + 100)
    close = cues.VENUE_CLAUSE_END.search(text, match.end(), end)
    return match.start(), close.start() if close is not None else end


def venues(
    reading: Reading, layer: SentenceLayer, trigger: Trigger
) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    """The venue clause of a trigger (or of the engagement it is held at), and the sentence's other ones.

    "will meet her on the sidelines of the summit, expected to take place in
    Japan in late July": the meeting is where and when the summit is; "will
    fly to Hanoi for a summit set for June 20": so is the trip. The other
    venue clauses, also those of nouns that name no engagement ("the
    dialogue scheduled to be held in Oslo on June 20"), are not the trigger's.
    """
    clauses = _venue_clauses(reading, layer)
    position = next((index for index, other in enumerate(layer.triggers) if other is trigger), None)
    own = venue_clause(reading, layer, trigger) if position is None else clauses.of_triggers[position]
    own_start = None if own is None else own[0]
    others: list[tuple[int, int]] = []
    text = reading.text
    for other, span in zip(layer.triggers, clauses.of_triggers, strict=True):
        if other is trigger or span is None:
            continue
        gap = text[trigger.end : other.start]
        held_at = trigger.end <= other.start and (
            cues.SETTING_OF.search(gap) is not None
            or (trigger.type is EventType.VISIT and len(gap) <= 80 and not re.search(r"[,;:]|\bwhich\b", gap))
        )
        if own is None and held_at:
            own = span  # held at that engagement, or travelling to it
        elif trigger.form == "nominal":
            # a verb may tell the same engagement: "the summit was held in May and Mireles hosted ..."
            others.append(span)
    others.extend(span for span in clauses.loose if span[0] != own_start)
    return own, others


def _venue_clauses(reading: Reading, layer: SentenceLayer) -> VenueClauses:
    """The venue clauses of the sentence's triggers and the loose ones, found the first time asked."""
    if layer.venue_clauses is not None and len(layer.venue_clauses.of_triggers) == len(layer.triggers):
        return layer.venue_clauses
    text, sentence = reading.text, layer.sentence
    # Most sentences hold none of the phrases a venue clause ends on ("take place", "set for").
    if not layer.may_hold(cues.VENUE_CLAUSE):
        layer.venue_clauses = VenueClauses((None,) * len(layer.triggers), ())
        return layer.venue_clauses
    of_triggers = tuple(venue_clause(reading, layer, trigger) for trigger in layer.triggers)
    starts = {span[0] for span in of_triggers if span is not None}
    loose = []
    # The clause looks at nothing before its match, and the search stopped at the sentence's end: its spans
    # in the sentence are those in the text.
    for start, end in cues.spans(cues.VENUE_CLAUSE, sentence.text):
        start, end = sentence.start + start, sentence.start + end
        if (
            start in starts
            or any(t.start < end and start < t.end for t in layer.triggers)
            or cues.AUXILIARY_BEFORE.search(text, sentence.start, start)
        ):
            continue  # a trigger's own, or "the meeting is scheduled for": the predicate of the subject
        stop = min([t.start for t in layer.triggers if t.start >= start] + [sentence.end])
        close = cues.VENUE_CLAUSE_END.search(text, end, min(stop, end + 100))
        loose.append((start, close.start() if close is not None else min(stop, end + 100)))
    layer.venue_clauses = VenueClauses(of_triggers, tuple(loose))
    return layer.venue_clauses


def time_for(
    reading: Reading,
    layer: SentenceLayer,
    trigger: Trigger,
    planned: bool = False,
    clause: tuple[int, int] | None = None,
) -> TimeMention | None:
    """The time expression of the sentence that dates the trigger, or ``None``.

    The nearest time of its clause, ``clause``, wins, unless it dates another
    trigger, an aside, a "since" clause or another event; a ``planned``
    engagement's date usually follows it.
    """
    if not layer.times:
        return None
    text = reading.text
    best: TimeMention | None = None
    best_cost = 10**9
    later = [t.start for t in layer.triggers if t.start > trigger.end]
    # "held talks on Thursday and asked him to visit Seoul": the trip is dated after the request.
    request = next(
        (
            t.start
            for t in reversed(layer.triggers)
            if t.type is EventType.INVITATION and t.end <= trigger.start and trigger.type is EventType.VISIT
        ),
        None,
    )
    main_clause = frame_main(reading.text, layer.sentence, trigger)
    own_venue, other_venues = venues(reading, layer, trigger)
    for mention in layer.times:
        if (
            trigger.type is EventType.INVITATION
            and mention.start >= trigger.end
            and _ENDS_WITH_TO.search(trigger.text)
        ):
            continue  # "told Seo that he would like to meet her ... in late July": the meeting's time
        if own_venue is not None and own_venue[0] <= mention.start and mention.end <= own_venue[1]:
            return mention  # "a summit, which is expected to take place ... late next month"
        if any(start <= mention.start and mention.end <= end for start, end in other_venues):
            continue  # the time of another engagement's venue clause
        if request is not None and mention.end <= request:
            continue
        if _dates_other_noun(reading, layer, trigger, mention):
            continue  # "plans for a summit in Japan in May during a call on Monday": May is the summit's
        framing_year = cues.BARE_YEAR.fullmatch(mention.text)
        if framing_year and any(m.year == int(framing_year[1]) for m in layer.times):
            continue  # "In 2019, ... met on June 28": the year frames the day, which dates the event
        if trigger.start < mention.end and cues.SINCE_BEFORE.search(
            text, max(0, mention.start - 8), mention.start
        ):
            continue  # "the first trip since 2019, when he met ...": the year is the when clause's
        if mention.start >= trigger.end and cues.SINCE_CLAUSE.search(text, trigger.end, mention.start):
            continue  # "their first call since Varga hosted her in January": the clause's time
        if (
            cues.POSSESSIVE.match(text, mention.end)
            and cues.RELATION_BEFORE.search(text, max(0, mention.start - 16), mention.start)
            and not 0 <= trigger.start - mention.end <= 40
        ):
            continue  # "talks following April's summit": April dates the summit only
        if main_clause is not None and mention.start >= main_clause:
            continue  # "During the call, they agreed on steps taken last year": the main clause's time
        # "during their call on Monday": asked of an invitation or a trip only
        framed = (
            cues.ENGAGEMENT_FRAME.search(text, max(0, mention.start - 80), mention.start)
            if trigger.type in (EventType.INVITATION, EventType.VISIT)
            else None
        )
        if (
            trigger.type is EventType.INVITATION
            and later
            and mention.start > later[0]
            and not framed
            and not _FRAMING_CONJUNCTION.search(text[max(0, later[0] - 40) : later[0]])
        ):
            continue  # "invited X to visit Y next year": the time is the visit's
        if (
            trigger.type is EventType.INVITATION
            and mention.start >= trigger.end
            and cues.INVITED_TO.search(text, trigger.end, mention.start)
            and not framed  # "invited X to visit ... during their call on Monday": the invitation's day
        ):
            continue  # "an invitation for Han to lead a delegation to Tokyo next year": the trip's time
        if trigger.type is EventType.VISIT and framed and framed["remote"] and mention.start >= trigger.end:
            continue  # "to visit Manila, ... during their phone call on Monday": the call's day
        if (
            trigger.type is EventType.VISIT
            and mention.start >= trigger.end
            and _WHEN.search(text, trigger.end, mention.start)
            and any(
                t.type in (EventType.CALL, EventType.MEETING) and trigger.end < t.start < mention.start
                for t in layer.triggers
            )
        ):
            continue  # "invited her to visit when the two held phone talks in May": the talks' month
        opening = (
            mention.start - layer.sentence.start <= 3
            and text[mention.end : mention.end + 1] == ","
            # ", who is visiting Japan from February 4 to 7": a clause's own time beats the opening one
            and not (
                clause is not None
                and clause[0] > mention.end
                and any(clause[0] <= m.start and m.end <= clause[1] for m in layer.times)
            )
        )
        if (
            clause is not None
            and not opening
            and mention.start > clause[1]
            and clauses.RELATIVE_ASIDE.search(text[clause[1] : mention.start])
            and not cues.SCHEDULE_WORDS.search(text[clause[1] : mention.start])
            # "hold talks with Ito, who is also deputy premier, the following day": the aside has closed
            and not _CLOSED_ASIDE.fullmatch(text, clause[1], mention.start)
        ):
            continue  # ", which was acquired last year": a relative clause dates something else
        if mention.end <= trigger.start and _FUTURE_RELATIVE.search(text, mention.end, trigger.start):
            continue  # "opened a trip on Monday that will also take him to Japan": Monday is the opening's
        if (
            trigger.form == "verbal"
            and mention.start > trigger.end
            and _future_aside_after_past(text, trigger, mention)
        ):
            continue  # "met at the forum in Munich, which will run through Sunday": the forum's time
        distance = (
            0
            if opening
            else (
                mention.start - trigger.end if mention.start >= trigger.end else trigger.start - mention.end
            )
        )
        owners = [
            t
            for t in layer.triggers
            if t is trigger
            or (
                t.form == "verbal"
                and not t.needs_person_object
                # "said on Friday he hopes to host a summit": the infinitive's time is after its "to";
                # a time opening the clause is still its ("and tomorrow he is scheduled to fly to Lima")
                and not (
                    mention.end <= t.start
                    and _INFINITIVE_BEFORE.search(text, mention.end, t.start)
                    and not _CLAUSE_OPENING_BEFORE.search(text[layer.sentence.start : mention.start])
                )
            )
        ]
        if clause is not None and clause[0] <= mention.start and mention.end <= clause[1]:
            # a time inside this trigger's clause is not another clause's
            owners = [t for t in owners if t is trigger or clause[0] <= t.start < clause[1]]
        nearest = min(owners, key=lambda t: abs((t.start + t.end) // 2 - (mention.start + mention.end) // 2))
        owned_by_other = not opening and nearest is not trigger
        # "met X after arriving in Tokyo on Monday": the main verb's engagement is on that day
        arrival = owned_by_other and _arrival_between(text, layer, trigger, nearest)
        if (
            owned_by_other
            and distance > 40
            and not arrival
            and not (framed is not None and trigger.type is EventType.INVITATION)  # invited during a call
            and not _FRAMING_BEFORE.search(text[max(0, nearest.start - 40) : nearest.start])
        ):
            continue  # the time belongs to another trigger of the sentence
        if (
            trigger.type is not EventType.VISIT
            and mention.end <= trigger.start
            and cues.VISIT_LENGTH.search(text, mention.end, trigger.start)
        ):
            continue  # "arrived on Sunday for a four-day visit and met Lehto": the trip's first day only
        cost = distance + (0 if not owned_by_other or arrival else 60)
        if planned and mention.end <= trigger.start and not opening:
            cost += 60  # a plan's date usually follows it: "a visit ... in May or June"
        if (
            not opening
            and mention.start >= trigger.end
            and cues.OTHER_EVENT_CLAUSE.search(text, trigger.end, mention.start)
        ):
            continue  # "The talks came a day after the North fired missiles on Wednesday"
        if (
            not opening
            and mention.start >= trigger.end
            and _CLAUSE_BEFORE.search(text, trigger.end, mention.start)
        ):
            continue  # "the visit is expected before Sato hosts a summit from May 19": the summit's
        if (
            not opening
            and mention.end <= trigger.start
            and in_aside(reading.text, layer.sentence, mention, trigger)
        ):
            continue  # "Lena, on a visit through Friday, paid a call ... on Wednesday": the aside's date
        if cost < best_cost:
            best, best_cost = mention, cost
    return best


_WHEN = re.compile(r"\b(?:when|while|as)\b")
_ENDS_WITH_TO = re.compile(r"\bto$")
# What opens a clause framing a trigger: "when the two held talks", "during a call".
_FRAMING_CONJUNCTION = re.compile(r"\b(?:when|while|as|during)\s+(?:[\w’']+\s+){0,4}$")
_FRAMING_BEFORE = re.compile(r"\b(?:during|when|while)\s+(?:[\w’'-]+[\s-]+){0,4}$")


def _arrival_between(text: str, layer: SentenceLayer, trigger: Trigger, nearest: Trigger) -> bool:
    """Whether a verbal trigger's time is that of an arrival adjunct, with no other verb between them."""
    between = sorted((trigger.start, nearest.start))
    return (
        trigger.form == "verbal"
        and arrival_adjunct(text, nearest)
        and not any(t.form == "verbal" and between[0] < t.start < between[1] for t in layer.triggers)
    )


# A relative clause in the future between a time and an engagement: "... that will also take him to".
_FUTURE_RELATIVE = re.compile(r"\b(?:that|which)\s+(?:will|would|is\s+to|are\s+to)\b")


def _future_aside_after_past(text: str, trigger: Trigger, mention: TimeMention) -> bool:
    """Whether ``mention`` lies in a relative clause in the future after a verb in the past.

    "X and Y met at the forum in Munich, which will run through Sunday": the
    clause tells of the forum, ahead, not of the meeting already held.
    """
    first = trigger.text.split()[0].lower()
    if first not in cues.PAST_FORMS and not first.endswith("ed"):
        return False
    asides = list(clauses.RELATIVE_ASIDE.finditer(text, trigger.end, mention.start))
    aside = asides[-1] if asides else None
    return aside is not None and cues.found(cues.FUTURE, text[aside.start() : mention.start])


# A relative clause closed before what follows it: ", who is also deputy premier, ".
_CLOSED_ASIDE = re.compile(r"\s*,\s+(?:who|whose)\b[^,;()]{1,80},\s*")

_SIDELINES = re.compile(r"\b(?:sidelines?|margins?)\s+of\b", re.IGNORECASE)

# An infinitive right before a verb: "his willingness to host", "plans to visit".
_INFINITIVE_BEFORE = re.compile(r"\bto\s+$")

# What stands right before a time that opens its clause: the sentence's start, a comma or a conjunction.
_CLAUSE_OPENING_BEFORE = re.compile(r"(?:^|[,;:]|\b(?:and|but|then|while))\s*$")

# What may stand between an engagement's noun and its own time: "a summit of the Quad countries in
# May", "talks between the two ministers on Monday": its complement, with no verb or clause break.
_NOUN_COMPLEMENT = re.compile(
    r"(?:\w+\s+)?(?:of|between|among)\s+(?:the\s+)?"
    r"(?:(?!(?:to|will|would|was|were|is|are|be|been|has|have|had|and|or|but|who|which|that|when|as)\b)"
    r"[\w’'-]+\s+){1,4}(?:in|on|at)?\s*"
)


def _dates_other_noun(reading: Reading, layer: SentenceLayer, trigger: Trigger, mention: TimeMention) -> bool:
    """Whether a time directly follows another kind of engagement's noun: "a summit in Japan in May"."""
    text = reading.text
    for other in layer.triggers:
        # "summit in" may end inside the time it names ("in August 2023")
        if other is trigger or other.form != "nominal" or other.end > mention.start + 3:
            continue
        if other.start >= mention.start or mention.start - other.end > 60:
            continue
        later = not other.start < trigger.start
        if later and (trigger.type is EventType.VISIT or other.start - trigger.end <= 40):
            continue  # "a trip to Hanoi for a summit in May": travelling to it, the trip's time too
        if later and _SIDELINES.search(text, trigger.end, other.start):
            continue  # "a meeting ... on the margins of the G7 summit from June 14 to 16": held at it
        if other.type is trigger.type and not (later and trigger.form == "nominal"):
            # "began the trip at Yokosuka on Sept. 7 and toured ...": the same trip's day; but "the
            # meeting with Ito to build on the progress made at the summit in May": another one's
            continue
        gap = text[min(other.end, mention.start) : mention.start]
        for place in layer.places:
            if other.end <= place.start and place.end <= mention.start:
                gap = gap.replace(text[place.start : place.end], " ", 1)
        if re.fullmatch(r"(?:\s+(?:in|at)\s+(?:the\s+)?\s*)?\s*", gap) or _NOUN_COMPLEMENT.fullmatch(
            text[min(other.end, mention.start) - len(other.text.split()[-1]) : mention.start]
        ):
            return True
    return False


def frame_type(noun: str) -> EventType:
    """The type of engagement a frame's noun names: "During the call" a call, "during the visit" a visit.

    >>> frame_type("phone call").value, frame_type("stay").value, frame_type("talks").value
    ('call', 'visit', 'meeting')
    """
    noun = noun.lower()
    if noun in {"conversation", "call", "phone call", "video call", "videoconference"}:
        return EventType.CALL
    return EventType.VISIT if noun in cues.TRIP_NOUNS else EventType.MEETING


def during_event(
    reading: Reading, layer: SentenceLayer, people: set[frozenset[str]] | None = None
) -> Draft | None:
    """The earlier event a sentence opening "During the call, ..." refers to.

    Within four sentences any event of the right type; further back, one
    with the same people (``people``) as the event being read, the story's
    main engagement ("At the meeting, Lena asked Quist ..." paragraphs on).
    """
    during = cues.DURING_EVENT.match(layer.sentence.text)
    if during is None:
        return _stay_in_place(reading, layer, people)
    noun = during.group("noun").lower()
    wanted = {frame_type(noun)}
    if noun in {"conference", "talks", "talk"}:
        wanted.add(EventType.CALL)  # "During the 50-minute conference": the video conference told before
    trip = wanted == {EventType.VISIT}
    for earlier in reversed(reading.drafts):
        distance = layer.sentence.index - earlier.sentence
        if distance > (16 if trip else 12) or (distance > 4 and not people):
            return None
        if earlier.type not in wanted or distance <= 0 or earlier.previous_occasion:
            continue
        if earlier.status is Status.CANCELLED:
            continue  # a called-off engagement is where nothing took place
        # a trip is its traveller's: "During the Washington trip, Ito also plans to invite Hale"
        needed = 1 if trip else min(2, len(people or ()))
        if distance > 4 and len(earlier.person_keys() & (people or set())) < needed:
            continue
        return earlier
    return None


def _stay_in_place(
    reading: Reading, layer: SentenceLayer, people: set[frozenset[str]] | None
) -> Draft | None:
    """The visit a sentence opening "While in Japan, ..." is part of: its people's latest dated one there."""
    stay = cues.WHILE_IN.match(layer.sentence.text)
    if stay is None:
        return None
    where = layer.sentence.start + stay.end()
    place = next((p for p in layer.places if 0 <= p.start - where <= 4), None)
    if place is None or place.country is None:
        return None
    for earlier in reversed(reading.drafts):
        distance = layer.sentence.index - earlier.sentence
        if distance > 12:
            return None
        if (
            distance > 0
            and earlier.type is EventType.VISIT
            and not earlier.previous_occasion
            and earlier.time is not None
            and earlier.location is not None
            and earlier.location.country == place.country
            and (not people or earlier.person_keys() & people)
        ):
            return earlier
    return None


_BEFORE_EVENT = re.compile(
    r"^\s*(?:Before|Ahead\s+of|Prior\s+to)\s+(?:the|their|his|her|this|that)\s+(?:[\w'’-]+\s+){0,3}?"
    r"(?:visit|talks|meeting|summit|call|conversation|session)\s*,"
)


def after_event(reading: Reading, layer: SentenceLayer) -> Draft | None:
    """The event a sentence opening "After their talks, ..." follows on the same day.

    So does one opening "Before the Palace visit, ...": what it tells came
    just before the dated courtesy call, on its day.
    """
    after = cues.AFTER_EVENT.match(layer.sentence.text) or _BEFORE_EVENT.match(layer.sentence.text)
    if after is None:
        return None
    named = {person_key(p) for p in layer.persons}
    candidates = [
        earlier
        for earlier in reading.drafts
        if layer.sentence.index - earlier.sentence <= 6
        and earlier.type in (EventType.MEETING, EventType.CALL)
        and earlier.trigger.form == "verbal"
        and earlier.time is not None
    ]
    if not candidates:
        return None
    # the talks of the people this sentence is about, the latest first
    return max(reversed(candidates), key=lambda d: len(d.person_keys() & named))


def borrow_times(reading: Reading, drafts: list[Draft]) -> None:
    """An undated event takes the time of the sentence just before that names its people.

    "Delgado and Marsh agreed on Sunday to ... The two met at the
    Defense Ministry": the meeting is dated by the sentence before.
    """
    by_index = {layer.sentence.index: layer for layer in reading.sentences}
    for draft in drafts:
        if draft.time is not None or draft.inherited_time is not None:
            continue
        keys = draft.person_keys()
        if draft.type is EventType.INVITATION and any(
            other.sentence == draft.sentence
            and other.type in (EventType.CALL, EventType.MEETING)
            and other.time is not None
            and other.person_keys() & keys
            for other in drafts
        ):
            continue  # "invited her to visit when the two held phone talks in May": made in that call
        for index in (draft.sentence - 1, draft.sentence - 2):
            layer = by_index.get(index)
            if layer is None or draft.paragraph - layer.sentence.paragraph > 1:
                break
            own = by_index.get(draft.sentence)
            if own is not None and layer.sentence.section is not own.sentence.section:
                break  # the body does not borrow the headline's or the standfirst's time
            named = {person_key(p) for p in layer.persons}
            scene = not layer.persons and bool(layer.triggers)
            # "Pellegrini urged Seoul on Monday ..., as he opened an Asia trip": the day is the main clause's
            trip_frame = bool(
                layer.times
                and layer.triggers
                and all(t.type is EventType.VISIT for t in layer.triggers)
                and layer.times[0].end <= layer.triggers[0].start
            )
            if layer.times and ((keys & named and (not layer.triggers or trip_frame)) or scene):
                draft.time = layer.times[0]
                break


_SAID_ON = re.compile(r"\b(?:said|says|told(?:\s+\w+)?|stated|stressed|added)(?:\s+on)?\s*$", re.IGNORECASE)
_TOLD_DURING = re.compile(
    r"\b(?:said|says|told|tells|stressed|noted|added|asked|urged)\b[^.;]{0,120}?\b(?:during|in|on)\s+"
    r"(?:the|their|a|his|her)\s+(?:[\w-]+\s+){0,3}?$",
    re.IGNORECASE,
)


def _speaking_day(reading: Reading, layer: SentenceLayer) -> TimeMention | None:
    """The day a sentence says its speaker spoke: "Ahlberg said Wednesday that ..."."""
    start = layer.sentence.start
    for mention in find_time_expressions(layer.sentence.text):
        if _SAID_ON.search(layer.sentence.text, max(0, mention.start - 30), mention.start):
            return TimeMention(start + mention.start, start + mention.end, mention.text, mention.year)
    return None


def speaking_days(reading: Reading, drafts: list[Draft]) -> None:
    """An undated call in which someone "told" something is dated by the day they are said to have spoken.

    "Ahlberg said Wednesday that the deal falls short. She told Ferreira so
    during their first phone conversation": the call was on Wednesday. The
    day is in the call's sentence or the one before it, naming its people.
    """
    text = reading.text
    for draft in drafts:
        if (
            draft.type is not EventType.CALL
            or draft.time is not None
            or draft.inherited_time is not None
            or draft.previous_occasion
            or draft.status not in (None, Status.OCCURRED)
        ):
            continue
        layer = reading.sentences[draft.sentence]
        if draft.trigger.start < layer.sentence.start or not _TOLD_DURING.search(
            text, layer.sentence.start, draft.trigger.start
        ):
            continue
        day = _speaking_day(reading, layer)
        before = draft.sentence - 1
        if day is None and before >= 0:
            previous = reading.sentences[before]
            named = {person_key(p) for p in previous.persons}
            if not previous.triggers and named & draft.person_keys():
                day = _speaking_day(reading, previous)
        if day is not None:
            draft.time = day


_HOURS_APART = re.compile(
    r"\s*,?\s+(?:just\s+|only\s+|mere\s+|a\s+few\s+|several\s+|some\s+|\w+\s+)?hours\s+(?P<way>after|before)\s+",
    re.IGNORECASE,
)


def hours_apart(reading: Reading, drafts: list[Draft]) -> None:
    """An undated engagement "hours after" another of the sentence is on its day or the next.

    "Tanabe held a call with Okafor, hours after he spoke with Zhou": the
    day of the earlier call or the day after it (hours may cross midnight).
    """
    anchor = reading.document.anchor
    text = reading.text
    for draft in drafts:
        if draft.time is not None or draft.inherited_time is not None or draft.fixed_time is not None:
            continue
        layer = reading.sentences[draft.sentence]
        cue = _HOURS_APART.search(text, draft.trigger.end, layer.sentence.end)
        if cue is None or cue.start() - draft.trigger.end > 80:
            continue
        other = next(
            (
                d
                for d in drafts
                if d is not draft
                and d.time is not None
                and any(cue.end() <= start <= cue.end() + 60 for start, _ in d.spans)
            ),
            None,
        )
        if other is None:
            continue
        status = other.status or (Status.PLANNED if other.future_hint else Status.OCCURRED)
        span = settle_time(other, status, anchor)[1]
        if span is None or span.start is None or span.end is None or span.start != span.end:
            continue
        one = dt.timedelta(days=1)
        first, last = (
            (span.start, span.end + one) if cue["way"].lower() == "after" else (span.start - one, span.end)
        )
        draft.time = other.time
        draft.fixed_time = TimeSpan(first, last, Granularity.DAY, cue.group().strip(" ,") + f" ({span.text})")


_BEFORE_DATE = re.compile(r"\b(?:before|ahead\s+of|prior\s+to)\s+[^.;]{0,80}?$", re.IGNORECASE)


def bounded_before(reading: Reading, drafts: list[Draft]) -> None:
    """A plan for a vague time ("in coming weeks") said to come before a dated event ends the day before it.

    "Sato is expected to visit Seoul in coming weeks. The visit is expected
    before he hosts a summit from May 19": the visit's time ends on May 18.
    The bound is in the plan's sentence or the next one.
    """
    anchor = reading.document.anchor
    text = reading.text
    for draft in drafts:
        if draft.time is None or draft.fixed_time is not None or draft.status is not Status.PLANNED:
            continue
        span = settle_time(draft, Status.PLANNED, anchor)[1]
        if span is None or span.start is None or span.end is None or (span.end - span.start).days < 7:
            continue
        here = next(
            (la for la in reading.sentences if la.sentence.start <= draft.time.start < la.sentence.end), None
        )
        if here is None:
            continue
        layers = reading.sentences[here.sentence.index : here.sentence.index + 2]
        for layer in layers:
            bound = next(
                (
                    mention
                    for mention in layer.times
                    if mention.start >= draft.time.end
                    and _BEFORE_DATE.search(
                        text, max(layer.sentence.start, mention.start - 90), mention.start
                    )
                ),
                None,
            )
            if bound is None:
                continue
            limit = resolve(bound.text, anchor, "forward", bound.year)
            if limit is not None and limit.start is not None and span.start < limit.start <= span.end:
                last = limit.start - dt.timedelta(days=1)
                draft.fixed_time = TimeSpan(
                    span.start, last, span.granularity, f"{draft.time.text} ... {bound.text}"
                )
            break


def years_from_paragraph(reading: Reading, drafts: list[Draft]) -> None:
    """Without a publication date, a day without a year takes the year its paragraph states.

    "The summit opened in Osaka in 2019. Okafor met Sandoval there on June 28":
    the meeting is on June 28, 2019.
    """
    if reading.document.anchor is not None:
        return
    text = reading.text
    for draft in drafts:
        time = draft.time
        if time is None or time.year is not None or cues.YEAR_WRITTEN.search(time.text):
            continue
        first = draft.sentence
        while first > 0 and reading.sentences[first - 1].sentence.paragraph == draft.paragraph:
            first -= 1
        year = stated_year(text[reading.sentences[first].sentence.start : time.start])
        if year is not None:
            draft.time = attrs.evolve(time, year=year)


def count_from_earlier(reading: Reading, drafts: list[Draft]) -> None:
    """Date "the following day" and "two days later" from the event dated just before.

    "Okafor met Varga on October 28. Two days later, he sat down with Zhou":
    the second meeting is on October 30.
    """
    anchor = reading.document.anchor
    last: TimeSpan | None = None
    last_sentence = last_paragraph = -1
    dated: list[tuple[TimeSpan, int, set[frozenset[str]]]] = []
    for draft in sorted(drafts, key=lambda d: d.trigger.start):
        if draft.time is None:
            continue
        offset = day_offset(draft.time.text)
        if offset is None:
            status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
            span = settle_time(draft, status, anchor)[1]
            if span is not None and span.end is not None and span.start == span.end:
                last, last_sentence = span, draft.sentence  # a day, not a trip of several
                last_paragraph = draft.paragraph
                dated.append((span, draft.sentence, draft.person_keys()))
            continue
        if cues.NAMED_REFERENCE.search(draft.time.text):
            # "the day before the meeting": the latest dated engagement of the same people
            keys = draft.person_keys()
            shared = next((d for d in reversed(dated) if d[2] & keys), None)
            if shared is not None:
                last, last_sentence = shared[0], shared[1]
        if (
            anchor is not None
            and cues.IN_THE_DAY.search(draft.time.text)
            and (
                last is None
                or last.end is None
                or last.end > anchor
                or draft.paragraph - last_paragraph > 2
                or cues.NEW_THREAD.match(reading.text, _sentence_start(reading, draft))
            )
        ):
            # "earlier in the day" with no past day told before: the day of the report
            draft.fixed_time = TimeSpan(anchor, anchor, Granularity.DAY, draft.time.text)
            continue
        if last is None or last.end is None or draft.sentence - last_sentence > 12:
            continue
        assert last.start is not None
        day = (last.end if offset >= 0 else last.start) + dt.timedelta(days=offset)
        draft.fixed_time = last = TimeSpan(day, day, Granularity.DAY, draft.time.text)
        last_sentence = draft.sentence


_CAME_DAYS_APART = re.compile(
    r"^\s*(?:The|It|This|That)\b[^,;:]{0,50}?\b(?:came|comes|come)\s+(?:just\s+|only\s+)?"
    r"(?P<n>a|one|two|three|four|five|six|seven|[1-7])\s+days?\s+(?P<way>after|before)\s+"
)


def days_apart(reading: Reading, drafts: list[Draft]) -> None:
    """An undated engagement told in "The talks came a day after ..." is that many days from the talks.

    "Sato, Hale and Ito met in Manila on Friday. The trilateral came a day
    after Hale and Ito held bilateral talks": those talks were on Thursday.
    The engagement the sentence opens on is the one dated in the sentence
    before, or the latest one dated by a day in the three before.
    """
    anchor = reading.document.anchor
    for layer in reading.sentences:
        cue = _CAME_DAYS_APART.match(layer.sentence.text)
        if cue is None:
            continue
        after = layer.sentence.start + cue.end()
        told = [
            d
            for d in drafts
            if d.sentence == layer.sentence.index
            and d.trigger.start >= after
            and d.time is None
            and d.fixed_time is None
        ]
        if not told:
            continue
        earlier = [d for d in drafts if 0 < layer.sentence.index - d.sentence <= 3 and d.time is not None]
        day: dt.date | None = None
        for other in sorted(earlier, key=lambda d: d.sentence, reverse=True):
            status = other.status or (Status.PLANNED if other.future_hint else Status.OCCURRED)
            span = settle_time(other, status, anchor)[1]
            if span is not None and span.start is not None and span.start == span.end:
                day = span.start
                break
        if day is None:
            continue
        offset = dt.timedelta(days=count_word(cue["n"]))
        counted = day - offset if cue["way"] == "after" else day + offset
        written = cue.group().strip()
        for draft in told:
            draft.time = TimeMention(layer.sentence.start, after, written)
            draft.inherited_time = None
            draft.fixed_time = TimeSpan(counted, counted, Granularity.DAY, written)


def _one_day(draft: Draft, anchor: dt.date | None) -> dt.date | None:
    """The single day an engagement is dated to, or ``None``."""
    if draft.time is None and draft.fixed_time is None:
        return None
    status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
    span = draft.fixed_time if draft.fixed_time is not None else settle_time(draft, status, anchor)[1]
    if span is None or span.start is None or span.start != span.end:
        return None
    return span.start


def stops_of_trips(reading: Reading, drafts: list[Draft]) -> None:
    """A stop of a trip listed with others takes the days its traveller's engagements there are dated.

    "wrapped up a six-day trip to Japan and the Philippines on Saturday ...
    began the trip at Yokosuka on Sept. 7 ... The next day in Tokyo, he held
    talks": the stop in Japan is Sept. 7 to 8, not the day the whole trip
    ended. Only engagements within two weeks of the trip's own time count.
    """
    anchor = reading.document.anchor
    for stop in drafts:
        if (
            stop.type is not EventType.VISIT
            or not stop.one_stop
            or stop.location is None
            or stop.location.country is None
            or stop.status is Status.CANCELLED
        ):
            continue
        source = stop if stop.time is not None else time_source(stop)
        if source is None or source.time is None:
            continue
        status = source.status or (Status.PLANNED if source.future_hint else Status.OCCURRED)
        trip = source.fixed_time or settle_time(source, status, anchor)[1]
        if trip is None or trip.start is None or trip.end is None:
            continue
        window = (trip.start - dt.timedelta(days=14), trip.end + dt.timedelta(days=14))
        keys = stop.person_keys()
        days = sorted(
            [
                (day, other)
                for other in drafts
                if other is not stop
                and other.type in (EventType.VISIT, EventType.MEETING)
                and not other.one_stop
                and not other.previous_occasion
                and other.status is stop.status
                and other.location is not None
                and other.location.country == stop.location.country
                and other.person_keys() & keys
                and (day := _one_day(other, anchor)) is not None
                and window[0] <= day <= window[1]
            ],
            key=lambda found: found[0],
        )
        if not days:
            continue
        first, last = days[0][0], days[-1][0]
        if trip.start <= first and last <= trip.end and (trip.end - trip.start).days <= (last - first).days:
            continue  # the trip's own dates are no wider
        stop.time, stop.alt_times, stop.inherited_time = days[0][1].time, [], None
        stop.fixed_time = TimeSpan(first, last, Granularity.DAY, f"{days[0][1].time} ... {days[-1][1].time}")


_HELD_LATER = re.compile(
    r"^\s*The\s+(?:[\w-]+\s+){0,3}?(?P<noun>[A-Za-z]{4,})\s+(?:will|would|is|was|are|were)\s+"
    r"(?:be\s+|to\s+be\s+)?(?:held|scheduled|set|slated|convened|opened)\b",
)
_NOUN_REACH = 60
"""How far after a passage of an engagement its noun may stand ("co-chair the fourth ... Dialogue")."""


def _names_noun(text: str, draft: Draft, noun: str) -> bool:
    """Whether an engagement is told with ``noun``: "co-chair the fourth ... Dialogue with" for "dialogue"."""
    pattern = re.compile(rf"\b{re.escape(noun)}\b", re.IGNORECASE)
    return any(pattern.search(text, start, end + _NOUN_REACH) for start, end in draft.spans)


def held_later(reading: Reading, drafts: list[Draft]) -> None:
    """A sentence "The fourth dialogue will be held in Tokyo on Monday" dates the dialogue told before.

    The sentence names no one and has no engagement word of its own; its
    noun is the one a meeting told in the few sentences before ends on,
    and its day falls within that meeting's time (the dates of a visit it
    was told in, say), which it narrows.
    """
    anchor = reading.document.anchor
    for layer in reading.sentences:
        held = _HELD_LATER.match(layer.sentence.text)
        if held is None or layer.triggers or not layer.times:
            continue
        after = layer.sentence.start + held.end()
        mention = next((m for m in layer.times if m.start >= after), None)
        noun = held["noun"].lower()
        target = next(
            (
                d
                for d in reversed(drafts)
                if d.type is EventType.MEETING
                and 0 < layer.sentence.index - d.sentence <= 6
                and _names_noun(reading.text, d, noun)
            ),
            None,
        )
        if mention is None or target is None:
            continue
        status = target.status or (Status.PLANNED if target.future_hint else Status.OCCURRED)
        direction: Direction = "backward" if status is Status.OCCURRED else "forward"
        new = resolve(mention.text, anchor, direction, mention.year)
        if new is None or not new.resolved or new.start is None or new.end is None:
            continue
        old = span_of(target, anchor) if target.fixed_time is None else target.fixed_time
        if (
            old is not None
            and old.start is not None
            and old.end is not None
            and (not (old.start <= new.start and new.end <= old.end) or old == new)
        ):
            continue  # another occasion, or no narrower
        target.time, target.alt_times, target.inherited_time, target.fixed_time = mention, [], None, None


_SAME_PERIOD = re.compile(
    r"\b(?:during|in|over|for)\s+(?:the\s+)?same\s+(?:period|time\s+frame|days|dates|week)\b", re.IGNORECASE
)


def same_period(reading: Reading, drafts: list[Draft]) -> None:
    """An undated engagement "during the same period" takes the dates of the trip told just before.

    "Sato will visit Australia from May 1 to 5 ... Ito will not accompany
    her, as he is scheduled to be in France during the same period": Ito's
    trip is May 1 to 5 too. The trip is the latest dated one of several days
    in the eight sentences before.
    """
    anchor = reading.document.anchor
    text = reading.text
    for draft in drafts:
        if (
            draft.time is not None
            or draft.fixed_time is not None
            or draft.status is Status.CANCELLED
            or draft.sentence >= len(reading.sentences)
        ):
            continue
        layer = reading.sentences[draft.sentence]
        cue = _SAME_PERIOD.search(text, layer.sentence.start, layer.sentence.end)
        if cue is None:
            continue
        for other in sorted(drafts, key=lambda d: d.sentence, reverse=True):
            if other.type is not EventType.VISIT or other.time is None or other is draft:
                continue
            if not 0 <= draft.sentence - other.sentence <= 8 or other.time.start >= cue.start():
                continue
            status = other.status or (Status.PLANNED if other.future_hint else Status.OCCURRED)
            direction: Direction = "backward" if status is Status.OCCURRED else "forward"
            span = resolve(other.time.text, anchor, direction, other.time.year)
            if span is None or not span.resolved or span.start is None or span.start == span.end:
                continue
            draft.time, draft.inherited_time = TimeMention(cue.start(), cue.end(), cue.group()), None
            draft.fixed_time = TimeSpan(
                span.start, span.end, span.granularity, f"{cue.group()} ({span.text})"
            )
            break


_DAY_OF_TRIP = re.compile(
    r"^\s*(?:On|During)\s+the\s+(?P<which>first|second|third|last|final)\s+day\s+of\s+"
    r"(?:the|his|her|their|this)\s+(?:[\w-]+\s+){0,2}?(?:trip|visit|tour|stay)\b"
)


def day_of_trip(reading: Reading, drafts: list[Draft]) -> None:
    """An undated engagement "On the last day of the trip" is on that day of its people's dated trip.

    "Lee will be in Washington from Aug. 24 to 26. On the last day of the
    trip, Lee plans to visit a shipyard": Aug. 26. The trip is the latest
    one of several days its people make, in the eight sentences before.
    """
    anchor = reading.document.anchor
    for layer in reading.sentences:
        cue = _DAY_OF_TRIP.match(layer.sentence.text)
        if cue is None:
            continue
        told = [
            d
            for d in drafts
            if d.sentence == layer.sentence.index and d.time is None and d.fixed_time is None
        ]
        for draft in told:
            keys = draft.person_keys()
            trip = next(
                (
                    span
                    for other in sorted(drafts, key=lambda d: d.sentence, reverse=True)
                    if other.type is EventType.VISIT
                    and other is not draft
                    and 0 < layer.sentence.index - other.sentence <= 8
                    and other.person_keys() & keys
                    and (span := span_of(other, anchor) if other.fixed_time is None else other.fixed_time)
                    is not None
                    and span.start is not None
                    and span.end is not None
                    and span.start < span.end
                ),
                None,
            )
            if trip is None or trip.start is None or trip.end is None:
                continue
            which = cue["which"].lower()
            offsets = {"first": 0, "second": 1, "third": 2}
            day = trip.end if which in ("last", "final") else trip.start + dt.timedelta(days=offsets[which])
            if day > trip.end:
                continue
            written = cue.group().strip()
            draft.time = TimeMention(layer.sentence.start, layer.sentence.start + cue.end(), written)
            draft.inherited_time = None
            draft.fixed_time = TimeSpan(day, day, Granularity.DAY, written)


_GATHERING_BEFORE = re.compile(
    r"\b(?:summit|meeting|meetings|conference|forum|gathering|session|dialogue)\s*$", re.IGNORECASE
)


def sidelines_dates(reading: Reading, drafts: list[Draft]) -> None:
    """Talks "on the sidelines of" a gathering dated only loosely take its dates, told elsewhere.

    "Hale will hold talks with Sato on the sidelines of the summit in Lima
    next week ... Hale will fly to Lima on Monday for the leaders' meeting
    on 18 and 19 November": the talks are on the 18th or 19th. The dates must
    follow a gathering's noun in a sentence that names the talks' place, and
    lie within the talks' own time.
    """
    anchor = reading.document.anchor
    text = reading.text
    for draft in drafts:
        if draft.type is not EventType.MEETING or draft.location is None or draft.fixed_time is not None:
            continue
        told_in = {
            layer.sentence.index
            for layer in reading.sentences
            for start, end in draft.spans
            if layer.sentence.start <= start < layer.sentence.end
            and _SIDELINES.search(text, end, layer.sentence.end)
        }
        if not told_in:
            continue
        status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
        loose = settle_time(draft, status, anchor)[1] if draft.time is not None else None
        if loose is None or loose.start is None or loose.end is None or (loose.end - loose.start).days < 4:
            continue
        place = draft.location.text
        found = []
        direction: Direction = "backward" if status is Status.OCCURRED else "forward"
        for other in reading.sentences:
            if other.sentence.index in told_in or place not in other.sentence.text:
                continue
            for mention in other.times:
                opening = max(other.sentence.start, mention.start - 30)
                if not _GATHERING_BEFORE.search(text, opening, mention.start):
                    continue
                span = resolve(mention.text, anchor, direction, mention.year)
                if (
                    span is not None
                    and span.start is not None
                    and span.end is not None
                    and loose.start <= span.start
                    and span.end <= loose.end
                    and (span.end - span.start).days < (loose.end - loose.start).days
                ):
                    found.append(mention)
        if len(found) == 1:
            draft.time, draft.alt_times, draft.inherited_time = found[0], [], None


def visit_lengths(reading: Reading, drafts: list[Draft]) -> None:
    """A visit dated by one day and told as "a four-day visit" lasts that many days from it.

    "Carver arrived in Tokyo on Monday for a four-day visit": Monday to
    Thursday; "wrapped up a three-day visit on Wednesday": Monday to
    Wednesday. The length may follow in the next sentence when that one has
    no time of its own ("Varga begins a four-day, three-night itinerary").
    """
    anchor = reading.document.anchor
    text = reading.text
    for draft in drafts:
        if draft.type is not EventType.VISIT or draft.time is None or draft.fixed_time is not None:
            continue
        mention = draft.time
        here = next(
            (
                layer
                for layer in reading.sentences
                if layer.sentence.start <= mention.start < layer.sentence.end
            ),
            None,
        )
        if here is None:
            continue
        length = cues.VISIT_LENGTH.search(text, here.sentence.start, here.sentence.end)
        following = here.sentence.index + 1
        if (
            length is None
            and following < len(reading.sentences)
            and (after := reading.sentences[following]).sentence.paragraph == here.sentence.paragraph
            and not after.times
        ):
            length = cues.VISIT_LENGTH.search(text, after.sentence.start, after.sentence.end)
        if length is None or _several_stops(reading, length.end()):
            continue
        status = draft.status or (Status.PLANNED if draft.future_hint else Status.OCCURRED)
        span = settle_time(draft, status, anchor)[1]
        if span is None or span.start is None or span.start != span.end:
            continue
        days = dt.timedelta(days=count_word(length["n"]))
        told = min(mention.start, length.start())
        ended = cues.TRIP_ENDED.search(text, max(here.sentence.start, told - 80), told)
        first = span.start - days + dt.timedelta(days=1) if ended else span.start
        draft.fixed_time = TimeSpan(
            first, first + days - dt.timedelta(days=1), Granularity.DAY, f"{mention.text} ... {length[0]}"
        )


def _several_stops(reading: Reading, end: int) -> bool:
    """Whether the trip whose length ends at ``end`` has several stops: "to Seoul and Tokyo", "of Asia"."""
    text = reading.text
    if cues.SEVERAL_STOPS.match(text, end):
        return True
    stop = re.search(r"[,;:.]\s|\s(?:for|on|in|from|starting|beginning)\s", text[end : end + 80])
    limit = end + (stop.start() if stop is not None else 80)
    return sum(1 for layer in reading.sentences for p in layer.places if end <= p.start < limit) >= 2


def _sentence_start(reading: Reading, draft: Draft) -> int:
    return reading.sentences[draft.sentence].sentence.start if draft.sentence < len(reading.sentences) else 0


def time_source(draft: Draft) -> Draft | None:
    """The engagement whose time an undated draft takes, along its frames, or ``None``.

    An invitation made at a meeting held during a dated visit takes the
    visit's time through the meeting.
    """
    source, seen = draft.inherited_time, {id(draft)}
    while source is not None and source.time is None and source.fixed_time is None:
        if id(source) in seen:
            return None
        seen.add(id(source))
        source = source.inherited_time
    return source


def times_agree(first: Draft, second: Draft, anchor: dt.date | None) -> bool:
    """Whether two drafts' times may be one time (either is undated, or the intervals overlap)."""
    first_span, second_span = span_of(first, anchor), span_of(second, anchor)
    if first_span is None or second_span is None or first_span.start is None or second_span.start is None:
        return True
    assert first_span.end is not None
    assert second_span.end is not None
    return first_span.start <= second_span.end and second_span.start <= first_span.end


def _resolve_draft_time(draft: Draft, anchor: dt.date | None, direction: Direction) -> TimeSpan | None:
    """A draft's time in one direction: the narrowest of its resolved times."""
    assert draft.time is not None
    if not draft.alt_times:
        return resolve(draft.time.text, anchor, direction, draft.time.year)
    spans = [resolve(m.text, anchor, direction, m.year) for m in (draft.time, *draft.alt_times)]
    resolved = [span for span in spans if span is not None and span.resolved]
    return min(resolved, key=lambda span: span.days or 0) if resolved else spans[0]


def _distance(span: TimeSpan | None, anchor: dt.date) -> int:
    """How many days a resolved span lies from the anchor (0 when it contains it)."""
    if span is None or span.start is None or span.end is None:
        return 10**6
    if span.start <= anchor <= span.end:
        return 0
    return min(abs((span.start - anchor).days), abs((span.end - anchor).days))


def _present_schedule(draft: Draft) -> bool:
    """Whether a verbal trigger is in the simple present: "flies to Tokyo today" is a schedule."""
    if draft.trigger.form != "verbal":
        return False
    first = draft.trigger.text.split()[0].lower()
    return first not in cues.PAST_FORMS and bool(cues.PRESENT_TENSE.fullmatch(first))


def settle_time(draft: Draft, status: Status, anchor: dt.date | None) -> tuple[Status, TimeSpan | None]:
    """Resolve a draft's time and let it settle the status the wording left open.

    A time that lies wholly before the publication date is of something that
    occurred, wholly after it of something planned. When the wording does not
    fix the tense (a noun such as "the summit in January", a cancelled or
    counterfactual plan), an ambiguous time ("January", "Thursday") is read
    on the side nearer the publication date; a verb in the simple present
    with a time not yet past ("arrives on Wednesday") states a schedule.
    """
    forward: TimeSpan | None
    backward: TimeSpan | None
    if draft.fixed_time is not None:
        forward = backward = draft.fixed_time
    else:
        forward = _resolve_draft_time(draft, anchor, "forward")
        backward = _resolve_draft_time(draft, anchor, "backward")
    chosen = forward if status is not Status.OCCURRED else backward
    if anchor is None and status is Status.OCCURRED and not draft.in_headline and _present_schedule(draft):
        # "He heads to Beijing on Wednesday" in an undated story: the news present of a schedule
        return Status.PLANNED, forward
    if anchor is None or forward is None or backward is None:
        return status, chosen
    fixed = forward == backward
    open_tense = not draft.explicit_status or status is Status.CANCELLED or draft.counterfactual
    if (
        status is Status.OCCURRED
        and _present_schedule(draft)
        and forward.end is not None
        and forward.end >= anchor
        and _distance(forward, anchor) <= _distance(backward, anchor)
    ):
        # "arrives on Wednesday" said on Tuesday; a caption's "speaks ... on Tuesday" on Wednesday is past
        return Status.PLANNED, forward
    if open_tense and not fixed:
        chosen = forward if _distance(forward, anchor) <= _distance(backward, anchor) else backward
    if status is Status.CANCELLED or draft.counterfactual or chosen is None:
        return status, chosen
    if (open_tense or fixed) and chosen.end is not None and chosen.end < anchor:
        return Status.OCCURRED, chosen
    if (open_tense or fixed) and chosen.start is not None and chosen.start > anchor:
        return Status.PLANNED, chosen
    return status, chosen


def span_of(draft: Draft, anchor: dt.date | None) -> TimeSpan | None:
    """The resolved interval of a draft's time, or ``None``."""
    if draft.time is None or (draft.fixed_time is None and day_offset(draft.time.text) is not None):
        return None  # "the following day" counts from another engagement, not from the publication
    direction: Direction = "backward" if draft.status is Status.OCCURRED else "forward"
    span = resolve(draft.time.text, anchor, direction, draft.time.year)
    return span if span is not None and span.resolved else None
