"""Event coreference: which drafts are one engagement.

A noun with no one named ("the visit, slated for next month") refers back
to the engagement drafted before it and gives it its time and status; a
meeting verb after "During the call" is part of that call. Drafts of one
engagement are merged, conversation verbs folded into the call they tell,
the headline's engagements added where the body lacks them, an engagement
named by its countries joined to the one its people's names report, a
companion's trip joined to the trip accompanied, and an undated meeting
takes the time and place of the visit or call it belongs to.

Every mention of one engagement is kept (:attr:`Draft.mentions
<alliancekit.rules.document.Draft.mentions>`) and each field is decided over
them as they join, by the rules of :func:`join_mention`: the time of the
most specific mention that dates the engagement itself, the status of the
first mention that states one unless a later one calls it off or gives it a
new date, the most specific place consistent with the others, and every
participant. Which mention decided a field is kept for the explanation.
"""

from __future__ import annotations

import datetime as dt
import re

from alliancekit.actors import load_builtin_offices
from alliancekit.model import EventType, Role, Status, TimeSpan
from alliancekit.rules import cues, lexicon, sides
from alliancekit.rules.document import (
    Draft,
    DraftMention,
    Party,
    Reading,
    SentenceLayer,
    governments,
    person_key,
    unique_parties,
)
from alliancekit.rules.mentions import PlaceMention
from alliancekit.rules.timing import frame_type, settle_time, span_of, time_source, times_agree
from alliancekit.temporal import Direction, day_offset, resolve

__all__ = [
    "MERGE_WINDOW",
    "add_headline_drafts",
    "attend_groupings",
    "fold_into_calls",
    "frame_engagements",
    "inherit",
    "join_companions",
    "join_country_sides",
    "join_fellow_visitors",
    "join_mention",
    "merge",
    "name_the_sides",
    "part_of_earlier",
    "refer_back",
    "same_scale",
    "trips_to_called_off",
]

MERGE_WINDOW = 64
"""How many of the latest engagements a draft is compared with for merging."""
_CONVERSATION = re.compile(
    r"\b(?:exchang\w*\s+(?:views|opinions)|talk\w*|confer\w*|discuss\w*|conversations?|sat\s+down|sit\s+down)\b"
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
    wanted = frame_type(during.group("noun"))
    for earlier in reversed(reading.drafts):
        if layer.sentence.index - earlier.sentence > 4:
            return False
        if earlier.type is wanted:
            for code in draft.topics:
                if code not in earlier.topics:
                    earlier.topics.append(code)
            return True
    return False


_ANOTHER_OCCASION = re.compile(r"\b(?:next|previous|upcoming|following|future)\b", re.IGNORECASE)
# "a"/"an" right before a reference: "a three-party liaison meeting" is a new one.
_INDEFINITE_BEFORE = re.compile(r"(?:^|\s)(?:a|an)\s+$", re.IGNORECASE)
# A modal or "to" right before it: "will stay in Tokyo" is a verb.
_MODAL_BEFORE = re.compile(r"\b(?:will|would|to|may|might|could|should|must|shall)\s+$")
# What ends the clause around a trigger's wording.
_CLAUSE_MARK = re.compile(r"[,;:.]")


def refer_back(reading: Reading, reference: Draft, layer: SentenceLayer) -> None:
    """A noun like "the visit" with no participants: enrich the latest draft it names."""
    text = reading.text
    start = max(layer.sentence.start, reference.trigger.start - 20)
    # whole words only: "a three-party liaison meeting" is not "three-party liaison meeting"
    while start > layer.sentence.start and not text[start - 1].isspace():
        start -= 1
    if not cues.REFERENCE.match(text[start : reference.trigger.start].split(",")[-1]):
        return
    if _INDEFINITE_BEFORE.search(text[max(layer.sentence.start, start - 4) : start]):
        return  # "a three-party liaison meeting": a new one, not one told before
    if _ANOTHER_OCCASION.search(text[start : reference.trigger.start].split(",")[-1]):
        return  # "the next summit will be held in Tokyo": not the one just reported, nor its place
    if _MODAL_BEFORE.search(text[start : reference.trigger.start]):
        return  # "will stay in Tokyo": a verb, not a reference to a trip
    # "hoped to visit the two countries in January, but the trip was put off": the trip is the
    # one this sentence has just named, not an earlier one.
    named_here = any(t.type is reference.type and t.end <= reference.trigger.start for t in layer.triggers)
    candidates = list(reversed(reading.drafts))
    named = {person_key(p) for p in layer.persons}
    own = [
        draft
        for draft in candidates
        if draft.type is reference.type
        and layer.sentence.index - draft.sentence <= 6
        and draft.person_keys() & named
    ]
    if own and not named_here:
        # "On the three-day trip, Sato will meet ...": the trip of the people the sentence is about
        candidates = own[:1]
    for draft in candidates:
        if layer.sentence.index - draft.sentence > 6:
            return
        if named_here and draft.sentence != layer.sentence.index:
            return
        if draft.type is not reference.type:
            continue
        if reference.time is not None and reference.time.start in {
            d.time.start for d in reading.drafts if d.time is not None
        }:
            reference.time = None  # the time of another engagement
        anchor = reading.document.anchor
        if (
            reference.time is not None
            and draft.time is None
            and cues.POSSESSIVE.match(text, reference.time.end)
            and reference.time.end <= reference.trigger.start
        ):
            return  # "following April's summit": an occasion named by its own date, not the one told
        if not times_agree(draft, reference, anchor) and not _new_date(reference, text):
            return  # "the last summit, in Tokyo in July 2025": another occasion than the one planned
        if reference.status is Status.OCCURRED:
            # A bare noun's past tense ("after the talks") tells of the story's time, not its status.
            reference.status, reference.explicit_status = None, False
        join_mention(draft, reference, anchor, text)
        return


def add_headline_drafts(
    body: list[Draft], headline: list[Draft], anchor: dt.date | None = None
) -> list[Draft]:
    """Add the engagements only the headline or standfirst reports; fill what the body leaves out.

    A headline never duplicates an engagement of the body: a body draft of
    the same type with a person in common is that engagement, and takes
    from the headline a time it lacks and a place more specific than its own,
    and lists the headline among its evidence. So is a body draft of the
    same type between the same governments ("Inter-Korean talks called off").
    """
    for draft in headline:
        same = next(
            (kept for kept in body if kept.type is draft.type and kept.person_keys() & draft.person_keys()),
            None,
        ) or next((kept for kept in body if _same_sides(kept, draft, anchor)), None)
        if same is None:
            body.append(draft)
            continue
        if same.time is not None or same.inherited_time is not None:
            draft.time = None  # the body dates it
        join_mention(same, draft, anchor, supporting=True)
    return body


def _same_sides(kept: Draft, draft: Draft, anchor: dt.date | None) -> bool:
    """Whether two drafts naming no one are one engagement of the same two or more governments."""
    sides = group_countries(draft)
    return (
        kept.type is draft.type
        and not kept.has_person()
        and not draft.has_person()
        and len(sides) >= 2
        and group_countries(kept) == sides
        and times_agree(kept, draft, anchor)
    )


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

    "The trilateral meeting in Tokyo on October 17" and "Tamura will meet
    Rennick and Lim in Tokyo" are one engagement when the type agrees, the
    people's countries are among the sides, and the times do not conflict:
    the named one is kept and takes the time and place it lacks. A dated
    mention of the sides joins an undated one of people only when those people
    come from exactly those countries ("the summit among Bae, Luo and Sandoval").
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
                and (draft.time is None or other.time is not None or _person_countries(other) == sides)
                and times_agree(other, draft, anchor)
            ),
            None,
        )
        if same is None:
            kept.append(draft)
            continue
        if same.inherited_time is not None:
            draft.time = None
        join_mention(same, draft, anchor, supporting=True)
    return kept


def attend_groupings(reading: Reading, drafts: list[Draft]) -> None:
    """Give the other member governments to one country's people attending a grouping's meeting.

    "Varga will travel to Tokyo to attend the ministerial meeting of the
    Quad": the meeting is of the four members, Varga one of them; the others
    take part as their governments until someone of theirs is named, so
    that another member's minister attending it is one engagement with Varga's.
    """
    text = reading.text
    for draft in drafts:
        if draft.type is not EventType.MEETING or not draft.has_person():
            continue
        if any(party.group is not None for party in draft.parties):
            continue
        countries = {party.country for party in draft.parties}
        if len(countries) != 1 or None in countries:
            continue
        trigger = draft.trigger
        wording = trigger.text + _CLAUSE_MARK.split(text[trigger.end : trigger.end + 80])[0]
        members = sides.sides_for_grouping(wording)
        if not members or not countries <= set(members):
            continue
        draft.parties.extend(governments(trigger.start, trigger.end, sorted(set(members) - countries)))


def _one_grouping_meeting(first: Draft, second: Draft) -> bool:
    """Whether two mentions without a person in common name the same three or more sides as governments.

    "Varga will attend the Quad meeting" and "Ito will attend the Quad
    meeting": one meeting of the four members, two of whose people are named.
    """
    if not any(p.group is not None for p in first.parties) or not any(
        p.group is not None for p in second.parties
    ):
        return False
    if first.status is not None and second.status is not None and first.status is not second.status:
        return False  # the grouping's last meeting is not the one planned
    sides_of = [{p.country for p in draft.parties} for draft in (first, second)]
    return None not in sides_of[0] | sides_of[1] and len(sides_of[0]) >= 3 and sides_of[0] == sides_of[1]


def _drop_named_sides(draft: Draft) -> None:
    """A government stays a side only while none of its people is named in the engagement."""
    named = {p.country for p in draft.parties if p.person is not None}
    draft.parties = [
        p
        for p in draft.parties
        if p.group is None or p.country not in named or p.group.text != lexicon.country_name(p.country or "")
    ]


def name_the_sides(reading: Reading, drafts: list[Draft]) -> None:
    """Name the office holders among the governments of a planned meeting of countries.

    "Bae and Ro decided to host the Japan-Australia-India-US summit in Tokyo":
    a summit is the leaders', and the sentence names two of the four; they
    take part as themselves, the other two sides stay their governments. Only
    people named in the engagement's own sentences count (the story's other
    holders may be those of another occasion), only those who hold the office
    the occasion's wording names, and only for a plan: a meeting held in the
    past had the holders of its own day.
    """
    for draft in drafts:
        if draft.type is not EventType.MEETING or not (
            draft.status is Status.PLANNED or (draft.status is None and draft.future_hint)
        ):
            continue
        codes = sorted(group_countries(draft))
        if draft.has_person() and not _one_grouping_meeting(draft, draft):
            continue
        office = _office_of_wording(reading.text, draft)
        if len(codes) < 2 or office is None:
            continue
        indexes = {draft.sentence} | {
            layer.sentence.index
            for layer in reading.sentences
            if any(layer.sentence.start <= start < layer.sentence.end for start, _ in draft.spans)
        }
        present = [
            *(person for index in sorted(indexes) for person in reading.sentences[index].persons),
            *(
                party.person
                for other in reading.drafts
                if other.sentence in indexes
                for party in other.parties
                if party.person is not None
            ),
        ]
        named = sides.holders_among(codes, office, present, draft.trigger.start)
        if not named:
            continue
        draft.parties.extend(Party(person, None, Role.PARTICIPANT) for person in named)
        draft.parties = unique_parties(draft.parties)
        _drop_named_sides(draft)


def _office_of_wording(text: str, draft: Draft) -> str | None:
    """The office whose holders meet at an occasion, as its mentions' own words say.

    Each mention's words first ("summit"), then the words before them ("a
    foreign ministers' meeting"), then those after ("the meeting of foreign
    ministers"), each within its clause.
    """
    passages = [(draft.trigger.start, draft.trigger.end), *draft.spans]
    for reach in ("own", "before", "after"):
        for start, end in passages:
            if reach == "own":
                wording = text[start:end]
            elif reach == "before":
                wording = _CLAUSE_MARK.split(text[max(0, start - 40) : start])[-1]
            else:
                wording = _CLAUSE_MARK.split(text[end : end + 60])[0]
            office = sides.office_of_occasion(wording)
            if office is not None:
                return office
    return None


def _person_countries(draft: Draft) -> set[str]:
    """The known countries of a draft's named people."""
    return {
        party.country for party in draft.parties if party.person is not None and party.country is not None
    }


def _compatible(first: Draft, second: Draft, anchor: dt.date | None, text: str = "") -> bool:
    if first.type is not second.type:
        return False
    if _homecoming(first) or _homecoming(second):
        return False  # "tour a plant in Hsinchu before returning to Japan": going home is no stop of the trip
    if not same_scale(first, second, text):
        return False  # "also held bilateral talks": not the trilateral they attended
    if _trip_for_its_purpose(first, second, text):
        return True  # "will fly to Western Australia to tour a shipyard near Perth": one trip
    if any(not _agree(mention, second, anchor) for mention in first.mentions):
        return False  # dated otherwise than one of the engagement's mentions
    if (first.previous_occasion or second.previous_occasion) and first.sentence != second.sentence:
        return False  # "they last met in October" is not the meeting the story is about
    if (second.distinct and first.sentence != second.sentence) or (first.distinct and second.distinct):
        return False
    if first.distinct and not second.person_keys() <= first.person_keys():
        return False
    if (
        not _one_planned_trip(first, second, anchor)
        and second.person_keys() > first.person_keys()
        and second.sentence != first.sentence
        and second.trigger.form == "verbal"
        and not any(p.group is not None for p in first.parties)
        and not _JOINED_BY.search(second.trigger.text)
    ):
        return False  # "X and Y also joined A and B for a four-way meeting"; not "they were joined by X"
    if first.person_keys() != second.person_keys() and any(
        p.person is not None and p.person.cue == "counterparts" for p in (*first.parties, *second.parties)
    ):
        return False  # "a trilateral with his Korean and Japanese counterparts" is not a meeting of two
    if _other_office_than_counterpart(first, second) or _other_office_than_counterpart(second, first):
        return False  # "meet his Japanese counterpart and pay a courtesy call to Prime Minister X": two
    inviters = (_inviters(first), _inviters(second)) if first.type is EventType.INVITATION else (set(), set())
    if all(inviters) and not inviters[0] & inviters[1]:
        return False  # "X asked Y to visit, and then Y invited X": two invitations
    shared = first.person_keys() & second.person_keys()
    if not shared and _one_grouping_meeting(first, second):
        pass  # one grouping's meeting, a different member's people named in each mention
    elif not shared and not (first.has_person() or second.has_person()):
        sides = group_countries(first)
        if len(sides) < 2 or sides != group_countries(second):
            return False  # governments as sides: one engagement when the sides are the same
    elif not shared:
        return False
    if (
        first.person_keys() - shared
        and second.person_keys() - shared
        and not _one_grouping_meeting(first, second)
    ):
        # Each names someone the other does not: two engagements of one person.
        return False
    if first.status is not None and second.status is not None and first.status is not second.status:
        statuses = {first.status, second.status}
        planned = first if first.status is Status.PLANNED else second
        called_off = statuses == {Status.CANCELLED, Status.PLANNED} and (
            planned.counterfactual
            or (planned is second and _new_date(second, text))
            or _was_expected(planned, text)
        )
        if (
            first.explicit_status
            and second.explicit_status
            and not called_off
            and not _expected_at_the_time(first, second, text)
            and not _under_way_today(first, second, text)
        ):
            return False
    if (
        first.time is not None
        and second.time is not None
        and first.time.text.lower() != second.time.text.lower()
    ):
        first_span, second_span = _open_span(first, anchor), _open_span(second, anchor)
        if first.person_keys() == second.person_keys() and (
            (first_span is None and _counted_from_another(first.time.text))
            or (second_span is None and _counted_from_another(second.time.text))
        ):
            # "the three will also meet on the same day", "hold talks ... the following day": the same
            # people, a day counted from another mention's
            pass
        elif first_span is None or second_span is None:
            return False
        else:
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
    if first.type is EventType.VISIT and (first.location is None) is not (second.location is None):
        placed = first if second.location is None else second
        if placed.one_stop:
            return False  # "visits to Beijing and Auckland" are stops of the tour, not the tour
    if first.location is not None and second.location is not None and first.type is EventType.VISIT:
        if first.location.country != second.location.country:
            return False
        # Two cities of one country are two stops; a country and its city are one trip; a base or a
        # site toured is a stop of its own ("travel to Japan, where he will visit Yokosuka Naval Base").
        kinds = {first.location.kind, second.location.kind}
        if "country" in kinds and kinds & _SITE_KINDS:
            return False
        both_local = "country" not in kinds
        return not (both_local and first.location.name != second.location.name)
    return True


def _other_office_than_counterpart(described: Draft, named: Draft) -> bool:
    """Whether one draft's unnamed counterpart cannot be the person another draft names.

    "Y will meet his Japanese counterpart and pay a courtesy call to Prime
    Minister X": a defense chief's counterpart is the other defense chief, so
    the prime minister of that country, another office, is met apart.
    """
    offices = load_builtin_offices()
    for party in described.parties:
        group = party.group
        if group is None or group.country is None or not _ONE_COUNTERPART.fullmatch(group.text):
            continue
        wanted = {
            offices.counterpart_office(p.person.title)
            for p in described.parties
            if p.person is not None and p.person.country != group.country
        } - {None}
        if len(wanted) != 1:
            continue
        for other in named.parties:
            person = other.person
            if person is None or person.country != group.country:
                continue
            office = offices.counterpart_office(person.title)
            if office is not None and office not in wanted:
                return True
    return False


# One country's counterpart as the group finder writes it: "Japanese counterpart", "counterpart".
_ONE_COUNTERPART = re.compile(r"(?:[\w.’'-]+\s+)?counterpart", re.IGNORECASE)


_SITE_KINDS = frozenset({"base", "site", "facility"})
"""The kinds of place a trip tours as a stop of its own, not the country or city it goes to."""


# A passive join: the ones met were joined by more people at the same occasion.
_JOINED_BY = re.compile(r"\bjoined\s+by\b", re.IGNORECASE)


def _trip_for_its_purpose(first: Draft, second: Draft, text: str) -> bool:
    """Whether a trip's verb is followed at once by the visit it is made for, with no other time.

    "He will then fly to Western Australia to tour a shipyard near Perth on the
    15th": the flight and the tour are one trip of the same people, in one clause.
    """
    if not text or first.type is not EventType.VISIT or first.sentence != second.sentence:
        return False
    same_time = first.time is None or (second.time is not None and first.time.start == second.time.start)
    if not same_time or first.mention_count > 1 or first.person_keys() != second.person_keys():
        return False  # "fly to Palawan on Thursday to visit the command there": one day, one trip
    if first.location is None or second.location is None:
        return False
    if second.location.country not in (None, first.location.country):
        return False  # a site of no known country is taken to be where the flight goes
    between = text[first.trigger.end : second.trigger.start]
    return len(between) <= 60 and _PURPOSE_GAP.fullmatch(between) is not None


# From a trip's destination to the infinitive of what it is for: " Western Australia to ".
_PURPOSE_GAP = re.compile(r"[^,;:.()]*?\bto\s+(?:also\s+)?")


def _open_span(draft: Draft, anchor: dt.date | None) -> TimeSpan | None:
    """A draft's interval, read on the side its time settles when no wording fixed its tense.

    "with X making his first visit starting on Sunday": the participle leaves the tense open,
    and Sunday said on a Thursday is the coming one.
    """
    span = span_of(draft, anchor)
    if span is None or draft.explicit_status or draft.status is None:
        return span
    return settle_time(draft, draft.status, anchor)[1] or span


def _homecoming(draft: Draft) -> bool:
    """Whether a visit draft tells its people going back to their own country ("returned to Tokyo")."""
    if draft.type is not EventType.VISIT or not draft.trigger.abroad or draft.location is None:
        return False
    home = {p.person.country for p in draft.parties if p.person is not None}
    return bool(home) and home <= {draft.location.country, None}


def _one_planned_trip(first: Draft, second: Draft, anchor: dt.date | None = None) -> bool:
    """Whether a later plan to travel with companions is the trip an earlier plan announced.

    "Halvorsen paused forming his government so he can travel to Japan. Halvorsen
    and Nakaya will fly to Tokyo on Monday": one trip, its companion named later.
    So is one dated within the days of the first: "A and B will lead a delegation
    to Taipei next week. The group, which also includes C, lands there on the 16th."
    """
    if not (
        first.type is EventType.VISIT and first.status is Status.PLANNED and second.status is Status.PLANNED
    ):
        return False
    if first.time is None:
        return True
    first_span, second_span = span_of(first, anchor), span_of(second, anchor)
    return (
        first_span is not None
        and second_span is not None
        and first_span.start is not None
        and first_span.end is not None
        and second_span.start is not None
        and second_span.end is not None
        and first_span.start <= second_span.start
        and second_span.end <= first_span.end
    )


def _inviters(draft: Draft) -> set[frozenset[str] | str]:
    """Who an invitation draft names as the ones who invite: people, or a government ("Egypt's envoy")."""
    return {
        p.key if p.person is not None or p.country is None else f"country:{p.country}"
        for p in draft.parties
        if p.role is Role.INVITER
    }


# A time that names the day of another engagement: "on the same day", "that evening".
_SAME_TIME = re.compile(
    r"(?:on\s+)?(?:(?:the|that)\s+same|that)\s+(?:day|date|evening|morning|afternoon)", re.IGNORECASE
)


def _counted_from_another(time_text: str) -> bool:
    """Whether a time is counted from another engagement's day: "that same day", "the following day"."""
    return _SAME_TIME.fullmatch(time_text) is not None or day_offset(time_text) is not None


# A past expectation just before a trigger: "they were expected to exchange views".
_PAST_EXPECTATION = re.compile(
    r"\b(?:was|were)\s+(?:expected|set|scheduled|due|likely)\s+to\s+(?:also\s+)?$", re.IGNORECASE
)


def _was_expected(planned: Draft, text: str) -> bool:
    """Whether a plan is told as what was expected before it was called off.

    "Olsen's trip to Washington was cancelled on Thursday. He was scheduled
    to depart for the United States that morning": the plan is the trip called off.
    """
    before = text[max(0, planned.trigger.start - 40) : planned.trigger.start]
    return bool(text) and _PAST_EXPECTATION.search(before) is not None


def _expected_at_the_time(first: Draft, second: Draft, text: str) -> bool:
    """Whether a later mention tells what was expected of a meeting just reported as held.

    "Ahlberg, Barros and Quist met in Munich on Saturday. The three were expected to
    exchange views on ...": the second sentence describes the meeting the first
    reports, though its wording is that of a plan. It names no time of its own,
    no one the meeting lacks, and follows it within two sentences.
    """
    if not text or first.status is not Status.OCCURRED or second.status is not Status.PLANNED:
        return False
    if second.time is not None or not 0 <= second.sentence - first.sentence <= 2:
        return False
    if not second.person_keys() or not second.person_keys() <= first.person_keys():
        return False
    before = text[max(0, second.trigger.start - 40) : second.trigger.start]
    return _PAST_EXPECTATION.search(before) is not None


# A time that names the publication day: "today", "this afternoon".
_TODAY = re.compile(r"(?:today|tonight|this\s+(?:morning|afternoon|evening))", re.IGNORECASE)


def _under_way(draft: Draft, text: str) -> bool:
    """Whether a mention tells its engagement going on ("the talks ... are still under way")."""
    return (
        bool(text)
        and draft.status is Status.OCCURRED
        and cues.UNDER_WAY_AFTER.match(text, draft.trigger.end) is not None
    )


def _under_way_today(first: Draft, second: Draft, text: str) -> bool:
    """Whether one mention tells an engagement under way and the other plans it for today.

    A live report: "08:00 Today Okafor holds talks with Tamura" and "13:30 The
    talks between the two are still under way" are one meeting, begun since.
    """
    for going, planned in ((first, second), (second, first)):
        if (
            _under_way(going, text)
            and planned.status is Status.PLANNED
            and planned.time is not None
            and _TODAY.fullmatch(planned.time.text.strip())
        ):
            return True
    return False


def merge(drafts: list[Draft], anchor: dt.date | None, text: str = "") -> list[Draft]:
    """Join the drafts of one engagement into one, its mentions kept and its fields decided over them.

    ``text`` is the document's, which the mentions' offsets point into: it
    tells a "bilateral" mention from a "trilateral" one and a new date.
    """
    mark_mentions(drafts)
    merged: list[Draft] = []
    for draft in drafts:
        # An article reports a few engagements; only in a document of thousands does the window
        # bite, and it keeps merging linear there.
        for kept in merged[-MERGE_WINDOW:]:
            if _compatible(kept, draft, anchor, text):
                join_mention(kept, draft, anchor, text)
                _drop_named_sides(kept)
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
        draft.joined_into = call
        for code in draft.topics:
            if code not in call.topics:
                call.topics.append(code)
    return kept


_BILATERAL = re.compile(r"\b(?:bilateral(?:ly)?|one-on-one|two-way|head-to-head)\b", re.IGNORECASE)
_MULTILATERAL = re.compile(
    r"\b(?:trilateral(?:ly)?|three-way|four-way|three-nation|four-nation|multilateral|quadrilateral)\b"
    r"|\bthe\s+three\b(?!-)",
    re.IGNORECASE,
)
_NEW_DATE = re.compile(
    r"\b(?:re-?scheduled|re-?set|moved|pushed\s+back|brought\s+forward|postponed|put\s+off|delayed)\s+"
    r"(?:it\s+|them\s+)?(?:for|to|until|till)\b",
    re.IGNORECASE,
)
_WORDING_BEFORE = 30
_WORDING_AFTER = 40


def _wording(draft: Draft, text: str) -> str:
    """The words of a mention's trigger with the few around it, within its clause."""
    trigger = draft.trigger
    before = _CLAUSE_MARK.split(text[max(0, trigger.start - _WORDING_BEFORE) : trigger.start])[-1]
    after = _CLAUSE_MARK.split(text[trigger.end : trigger.end + _WORDING_AFTER])[0]
    return f"{before}{trigger.text}{after}"


def _scale(draft: Draft, text: str) -> str | None:
    """Whether a mention is worded as a two-party ("bilateral") or a larger ("trilateral") occasion."""
    wording = _wording(draft, text) if text else draft.trigger.text
    if _MULTILATERAL.search(wording):
        return "multilateral"
    if _BILATERAL.search(wording):
        return "bilateral"
    if len(draft.person_keys()) >= 3:
        return "multilateral"
    return None


def same_scale(first: Draft, second: Draft, text: str = "") -> bool:
    """Whether two mentions may be one occasion by their scale: never a bilateral and a trilateral.

    "Ahlberg and Quist also held bilateral talks" is not the trilateral
    meeting of Ahlberg, Quist and Barros reported before it, though both of
    its people took part in that one.
    """
    scales = (
        {mention.scale for mention in first.mentions} if first.mention_count > 1 else {_scale(first, text)}
    )
    scales.add(_scale(second, text))
    return not {"bilateral", "multilateral"} <= scales


def _telling(mention: DraftMention) -> tuple[DraftMention, ...]:
    """The mention, if later ones are to be compared with it: it has its own time or a scale."""
    return (mention,) if mention.time is not None or mention.scale is not None else ()


def _agree(mention: DraftMention, draft: Draft, anchor: dt.date | None) -> bool:
    """Whether an earlier mention's own time and a draft's may be one time."""
    if mention.time is None or draft.time is None:
        return True
    direction: Direction = "backward" if mention.status is Status.OCCURRED else "forward"
    first = resolve(mention.time.text, anchor, direction, mention.time.year)
    second = span_of(draft, anchor)
    if first is None or not first.resolved or second is None:
        return True
    assert first.start is not None
    assert first.end is not None
    assert second.start is not None
    assert second.end is not None
    return first.start <= second.end and second.start <= first.end


def _new_date(draft: Draft, text: str) -> bool:
    """Whether a mention reports the engagement moved to a new date ("rescheduled for March 3")."""
    return draft.time is not None and bool(text) and _NEW_DATE.search(_wording(draft, text)) is not None


# A trip's stop named as such: "a stop in Hawaii", "a stopover in Darwin", "a layover in Dubai".
_STOP_WORD = re.compile(r"(?:stop|stopover|layover)s?\b", re.IGNORECASE)


def mark_mentions(drafts: list[Draft]) -> None:
    """Mark the drafts whose time was stated for another engagement, and the stops of a listed trip.

    "travel to Asia October 16-20 to take part in a trilateral dialogue":
    the dates are the trip's, nearer its trigger than the dialogue's; the
    dialogue takes them only when none of its mentions dates it. "visits to
    Beijing and Auckland": each is one stop, which gives its city to no
    other mention of a trip.
    """
    _date_same_day(drafts)
    by_sentence: dict[int, list[Draft]] = {}
    places_by_trigger: dict[int, set[str]] = {}
    for draft in drafts:
        by_sentence.setdefault(draft.sentence, []).append(draft)
        if draft.type is EventType.VISIT and draft.location is not None:
            places_by_trigger.setdefault(draft.trigger.start, set()).add(draft.location.name)
    for draft in drafts:
        draft.one_stop = draft.type is EventType.VISIT and (
            len(places_by_trigger.get(draft.trigger.start, ())) > 1
            or _STOP_WORD.match(draft.trigger.text) is not None  # "with a stop in Hawaii on the way"
        )
        if draft.time is None:
            continue
        time = draft.time
        own = _distance(draft.trigger.start, draft.trigger.end, time.start, time.end)
        draft.borrowed_time = any(
            other.type is not draft.type
            and other.time is not None
            and other.time.start == time.start
            and _distance(other.trigger.start, other.trigger.end, time.start, time.end) < own
            for other in by_sentence[draft.sentence]
        )


def _date_same_day(drafts: list[Draft]) -> None:
    """Give "on the same day" the day it names: that of the same people's engagement just before.

    "Kovac will meet Dellinger and Mendel separately on Monday. The three will also
    meet on the same day.": the trilateral is on Monday, which then dates it
    more narrowly than "next week" of another of its mentions.
    """
    for position, draft in enumerate(drafts):
        if draft.time is None or _SAME_TIME.fullmatch(draft.time.text) is None:
            continue
        for other in reversed(drafts[:position]):
            if draft.sentence - other.sentence > 1:
                break
            if (
                other.time is not None
                and _SAME_TIME.fullmatch(other.time.text) is None
                and other.person_keys() & draft.person_keys()
            ):
                draft.time, draft.alt_times = other.time, []
                break


def _distance(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, b_start - a_end, a_start - b_end)


def join_mention(
    kept: Draft, other: Draft, anchor: dt.date | None, text: str = "", *, supporting: bool = False
) -> None:
    """Add a mention to an engagement and decide each field over its mentions.

    - participants, topics, evidence: every mention's, each once;
    - status: an explicit cue beats none; the first stated stands, unless a
      later mention calls the engagement off, and a new date reported after
      that ("postponed, then rescheduled for March 3") makes it planned again;
    - time: the new date, else the most specific time among the mentions
      that date the engagement itself (a time stated for another engagement
      of the sentence, or in the headline, only when no other dates it);
    - place: the first given, made more specific by a later one in the same
      country ("Japan", then "Tokyo"); never one from a mention whose time
      conflicts with the engagement's.

    A ``supporting`` mention (the headline's, or one naming only the
    countries) adds no participant and decides no status: it only dates and
    places what the body reports. ``kept.decisions`` records the mention
    that decided each field.
    """
    other.joined_into = kept
    if kept.mention_count == 1:
        kept.mentions = _telling(DraftMention.of(kept, _scale(kept, text)))
    mention = DraftMention.of(other, _scale(other, text))
    kept.mentions = (*kept.mentions, *(other.mentions if other.mention_count > 1 else _telling(mention)))
    kept.mention_count += other.mention_count
    if not supporting:
        keys = {p.key for p in kept.parties}
        kept.parties.extend(p for p in other.parties if p.key not in keys)
        kept.hosting = kept.hosting or other.hosting
        for code in other.topics:
            if code not in kept.topics:
                kept.topics.append(code)
        _decide_status(kept, other, mention, text)
    elif (
        other.status is Status.CANCELLED
        and other.explicit_status
        and kept.status in (None, Status.PLANNED)
        and not _new_date(kept, text)
    ):
        # "the three countries have postponed their summit", then "the nations sought to hold the
        # summit in Tokyo" with its leaders named: the plan the leaders' mention tells is called off.
        kept.status, kept.explicit_status = Status.CANCELLED, True
        kept.decide("status", mention, "a report naming its sides calls it off")
    kept.spans.extend(other.spans)
    _decide_time(kept, other, mention, anchor, text)
    _decide_place(kept, other, mention, anchor)


def _decide_status(kept: Draft, other: Draft, mention: DraftMention, text: str) -> None:
    status, explicit = other.status, other.explicit_status
    if kept.status is Status.CANCELLED and other.status is not Status.CANCELLED and _new_date(other, text):
        # "postponed", then "rescheduled for March 3": planned again, its date telling whether past
        status, explicit = Status.PLANNED, False
        rule = "a new date reported after it was called off"
    elif status is None or (kept.explicit_status and not explicit):
        return
    elif kept.status is None or (explicit and not kept.explicit_status):
        rule = "the first mention that states it" if explicit else "the only mention with a status"
    elif status is Status.CANCELLED and kept.status is not Status.CANCELLED:
        rule = "a later report calls it off"
    else:
        return
    kept.status, kept.explicit_status = status, explicit
    kept.decide("status", mention, rule)


def _rank(mention: Draft, direction: Direction, anchor: dt.date | None) -> tuple[bool, bool, int]:
    """How well a mention dates its engagement: its own time, not the headline's, the narrowest."""
    assert mention.time is not None
    span = resolve(mention.time.text, anchor, direction, mention.time.year)
    days = span.days if span is not None and span.resolved and span.days is not None else 10**6
    if _counted_from_another(mention.time.text):
        days = 1  # "the following day": one day, counted once the day it follows is known
    return (mention.borrowed_time, mention.in_headline, days)


def _decide_time(kept: Draft, other: Draft, mention: DraftMention, anchor: dt.date | None, text: str) -> None:
    if other.time is None:
        frame, offered = kept.inherited_time, other.inherited_time
        if (
            kept.time is None
            and (frame is None or frame.time is None)
            and offered is not None
            and offered.time is not None
        ):
            # "will not go to Mongolia", then "was to visit Japan and Mongolia October 4-8": the
            # called-off stop keeps the dates of the trip it was part of.
            kept.inherited_time = other.inherited_time
            kept.decide("time", mention, "the time of the trip it is part of")
        return
    status_source = kept.decided_by("status")
    if (
        status_source is not None
        and status_source[0] is mention
        and status_source[1].startswith("a new date")
    ):
        rule = "the new date it was moved to"
    elif kept.time is None:
        rule = "the only mention that dates it"
    else:
        direction: Direction = "backward" if kept.status is Status.OCCURRED else "forward"
        if not _rank(other, direction, anchor) < _rank(kept, direction, anchor):
            return
        rule = "the most specific time among its mentions"
    kept.time, kept.alt_times = other.time, []
    kept.borrowed_time = other.borrowed_time
    kept.decide("time", mention, rule)


def _decide_place(kept: Draft, other: Draft, mention: DraftMention, anchor: dt.date | None) -> None:
    place = other.location
    if place is None:
        return
    if other.time is not None and not other.borrowed_time and not times_agree(kept, other, anchor):
        return  # a mention dated otherwise does not place it
    dating = kept.decided_by("time")
    if kept.location is None:
        rule = "the first mention that places it"
    elif (
        dating is not None
        and dating[0] is mention
        and not other.borrowed_time
        and place.country != kept.location.country
    ):
        rule = "the place of the mention that dates it, where the mentions disagree"
    elif (
        not other.one_stop
        and more_specific_place(kept.location, place) is place
        and place is not kept.location
    ):
        rule = "the most specific place, in the country the others give"
    else:
        return
    kept.location = place
    kept.decide("location", mention, rule)


def join_companions(drafts: list[Draft]) -> list[Draft]:
    """A companion's trip goes where and when the trip of the one accompanied goes.

    A companion named in the sentence of that trip ("Pellegrini accompanied Okafor on
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
            draft.joined_into = trip
            joined.add(id(draft))
            continue
        draft.location = trip.location
        if draft.time is None:
            draft.time, draft.alt_times = trip.time, list(trip.alt_times)
            draft.inherited_time = draft.inherited_time or trip.inherited_time
    return [draft for draft in drafts if id(draft) not in joined]


# "Ines too visited", "Ines also went to", "... visited Pyongyang as well": another's trip joined.
_TOO_BEFORE = re.compile(r"\b(?:too|also)\s+$", re.IGNORECASE)
_AS_WELL_AFTER = re.compile(r"^[^,;.]{0,60}?\b(?:as\s+well|too)\b", re.IGNORECASE)


def join_fellow_visitors(drafts: list[Draft], anchor: dt.date | None, text: str) -> list[Draft]:
    """A visit by someone else "too" to the place of a trip just reported is that trip.

    "Hana arrived in Pyongyang on Wednesday ... Ines too visited Pyongyang":
    Ines is one more visitor of Hana's trip, not a trip of his own, when the
    place, the status and the time agree.
    """
    joined: set[int] = set()
    for position, draft in enumerate(drafts):
        trigger = draft.trigger
        if (
            draft.type is not EventType.VISIT
            or draft.location is None
            or draft.mention_count > 1
            or not (
                _TOO_BEFORE.search(text[max(0, trigger.start - 8) : trigger.start])
                or _AS_WELL_AFTER.match(text[trigger.end : trigger.end + 80])
            )
        ):
            continue
        trip = next(
            (
                other
                for other in reversed(drafts[:position])
                if id(other) not in joined
                and other.type is EventType.VISIT
                and other.location is not None
                and other.location.name == draft.location.name
                and other.status in (None, draft.status)
                and 0 <= draft.sentence - other.sentence <= 4
                and not other.person_keys() & draft.person_keys()
                and other.has_person()
                and times_agree(other, draft, anchor)
            ),
            None,
        )
        if trip is None:
            continue
        join_mention(trip, draft, anchor, text)
        joined.add(id(draft))
    return [draft for draft in drafts if id(draft) not in joined]


def frame_engagements(drafts: list[Draft]) -> None:
    """Point each draft's frame at the engagement it was joined into.

    "The two sat down on Friday ... During the meeting, Wen asked Bae to
    visit": the invitation was framed by the meeting verb of the sentence
    before, which is one mention of Friday's meeting; it takes that
    meeting's time, not the mention's lack of one.
    """
    for draft in drafts:
        if draft.inherited_time is not None:
            draft.inherited_time = draft.inherited_time.engagement()


def _settled_status(draft: Draft, anchor: dt.date | None) -> Status | None:
    """A draft's status as its own time settles it: a trip dated after the publication is planned."""
    if draft.status is None or draft.time is None:
        return draft.status
    return settle_time(draft, draft.status, anchor)[0]


def _dated_frame(draft: Draft) -> bool:
    """Whether an undated draft takes a time from the engagement it is part of."""
    source = time_source(draft)
    return source is not None and source.time is not None


def trips_to_called_off(reading: Reading, drafts: list[Draft]) -> None:
    """Cancel the planned trip to a meeting, and the meeting of a trip, that another sentence calls off.

    "The nations sought to hold a summit in Tokyo, setting the stage for Ferro
    and Ortiz to visit Japan", where another sentence reports the summit
    postponed: the trip was for the summit and goes with it. "Ortiz was due to
    fly to Oslo on Friday for talks with Berg. The visit has been postponed":
    the talks were what the trip was for. Both are told in one sentence that
    calls nothing off itself ("will still visit Tokyo, though the meeting was
    cancelled" keeps the trip), the trip's people take part in the meeting, and
    their places do not disagree.
    """
    for called_off in drafts:
        if called_off.status is not Status.CANCELLED or reading.sentences[called_off.sentence].cancelled:
            continue
        for other in drafts:
            if other.status is not Status.PLANNED or other.sentence != called_off.sentence:
                continue
            if called_off.type is EventType.MEETING and other.type is EventType.VISIT:
                trip, meeting = other, called_off
            elif called_off.type is EventType.VISIT and other.type is EventType.MEETING:
                trip, meeting = called_off, other
                if meeting.trigger.start < trip.trigger.start:
                    continue  # the trip's talks are told after it: "to fly to Oslo for talks with Berg"
            else:
                continue
            if (
                not trip.person_keys()
                or not trip.person_keys() <= meeting.person_keys()
                or trip.location is None
            ):
                continue
            if meeting.location is None and called_off is meeting:
                continue  # a meeting with no place is no destination
            if meeting.location is not None and meeting.location.country != trip.location.country:
                continue
            other.status, other.explicit_status = Status.CANCELLED, True
            other.decide("status", DraftMention.of(called_off, None), "what it belongs to is called off")


def inherit(drafts: list[Draft], anchor: dt.date | None = None) -> None:
    """Fill undated or unplaced events from the related events around them.

    A meeting takes the time and place of the visit it happens during; an
    invitation those of the call or meeting it was made in; a visit made
    "to attend" a meeting in the same sentence takes the meeting's date.
    Their statuses must agree once each one's own time has settled it.
    A meeting dated before the visit begins ("meet him today and tour a
    plant in Busan tomorrow"), or to a few days of a visit dated only
    vaguely ("later this year"), or of one called off, does not take its place.
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
                and not (
                    draft.type in (EventType.INVITATION, EventType.VISIT) and other.sentence == draft.sentence
                )
            ):
                # "their productive meeting in March": a reference, not the scene; but "invited him
                # during their meeting" was made there, and "if the summit is held, it would be his
                # first visit to Japan" is the trip to it.
                continue
            if (
                other.status is not None
                and draft.status is not None
                and _settled_status(other, anchor) is not _settled_status(draft, anchor)
            ):
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
                and (other.time is not None or _dated_frame(other))
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
                and not _dated_before(draft, other, anchor)
                and not _vaguer_than(other, draft, anchor)
                and (other.status is not Status.CANCELLED or draft.status is Status.CANCELLED)
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


def _dated_before(draft: Draft, other: Draft, anchor: dt.date | None) -> bool:
    """Whether a draft's own time ends before another's begins."""
    first, second = span_of(draft, anchor), span_of(other, anchor)
    if first is None or second is None or first.end is None or second.start is None:
        return False
    return first.end < second.start


_VAGUE_STAY = 31
"""How many days a visit's time may span and still place a meeting dated to a few days."""


def _vaguer_than(visit: Draft, meeting: Draft, anchor: dt.date | None) -> bool:
    """Whether a visit is dated only vaguely ("later this year") and a meeting to a few days.

    "an official visit to Washington later this year" does not place "a
    meeting this weekend" of the same person: nothing says it happens there.
    """
    stay, own = span_of(visit, anchor), span_of(meeting, anchor)
    if stay is None or own is None or stay.days is None or own.days is None:
        return False
    return stay.days > _VAGUE_STAY and own.days <= 7


def group_countries(draft: Draft) -> set[str]:
    """The countries of a draft's sides that are named as governments, not people."""
    return {p.country for p in draft.parties if p.group is not None and p.country is not None}
