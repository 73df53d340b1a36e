"""Drafting: each trigger of a sentence becomes a draft with its parties attached.

A verbal trigger takes its subject and object (or the subject shared with
the verb before it, a delegation's leader, the visitor of "the visit"); a
nominal one its possessor or its ``between``/``with``/``by``/``of`` phrase,
or the sides a compound names ("the Bae-Ro summit"). Triggers that state
no engagement (negated, habitual, asked about, a pleasantry) are dropped;
each draft is given its status, time and place by the stages that decide
them, then split where the text says the people met apart.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

import attrs

from alliancekit.actors import load_builtin_offices
from alliancekit.model import EventType, Role, Status
from alliancekit.rules import clauses, cues, lexicon, sides, syntax
from alliancekit.rules.clauses import aside_around, frame_main, subordinate_start
from alliancekit.rules.clusters import part_of_earlier, refer_back
from alliancekit.rules.coreference import (
    antecedent_outside,
    listed_from,
    names_someone,
    persons_between,
    resolve_pronoun,
    subject_of,
)
from alliancekit.rules.document import (
    Draft,
    Party,
    Reading,
    SentenceLayer,
    between_countries,
    countries_in,
    cue_matches,
    governments,
    person_key,
    unique_parties,
    unique_persons,
)
from alliancekit.rules.mentions import GroupMention, PersonMention, PlaceMention
from alliancekit.rules.places import (
    location_for,
    more_destinations,
    stop_time,
    topics_for_previous,
    topics_of,
)
from alliancekit.rules.status import (
    call_off_leg,
    called_off_before,
    overturned_after,
    past_plan_called_off,
    status_of,
    time_ahead,
)
from alliancekit.rules.text import SectionKind
from alliancekit.rules.timing import after_event, during_event, span_of, time_for
from alliancekit.rules.triggers import Trigger

__all__ = [
    "draft_sentences",
]


def draft_sentences(reading: Reading) -> None:
    """Draft the engagements of every sentence, in text order, into ``reading.drafts``.

    The headline's and the standfirst's own drafts go to
    ``reading.headline_drafts``, kept apart so that the body never leans on
    them. A sentence that asks a question drafts nothing.
    """
    for layer in reading.sentences:
        drafted = len(reading.drafts)
        if cues.ASKS.search(layer.sentence.text):
            continue  # a sentence that asks ("Varga and Tanabe to meet?") announces nothing
        if not layer.triggers:
            layer.triggers = _continued_trigger(reading, layer)
        _draft_events(reading, layer)
        if layer.sentence.section is not SectionKind.BODY:
            reading.headline_drafts.extend(reading.drafts[drafted:])
            del reading.drafts[drafted:]


def _draft_events(reading: Reading, layer: SentenceLayer) -> None:
    """Draft each trigger of one sentence, and give each draft its status, time, place and topics."""
    sentence, text = layer.sentence, reading.text
    if layer.triggers and (
        (layer.may_hold(cues.DELEGATION) and cues.DELEGATION.search(sentence.text))
        or (layer.may_hold(_ALSO_INCLUDES) and _ALSO_INCLUDES.search(sentence.text))
    ):
        _note_leader(reading, layer)
    previous_subjects: list[Party] = []
    sentence_status: Status | None = None
    negated_until = -1
    last_verbal: Draft | None = None
    for index, trigger in enumerate(layer.triggers):
        if trigger.needs_call_context and not _call_context(reading, layer):
            spoke = trigger.text.split()[0].lower() in _SPOKE and not _in_person(
                reading, layer, layer.clause(trigger, index)
            )
            # "spoke to X to express his regret", with nothing putting them in one place: a call
            trigger = attrs.evolve(
                trigger, type=EventType.CALL if spoke else EventType.MEETING, needs_call_context=False
            )
        left, right = layer.clause(trigger, index)
        if trigger.form == "verbal":
            draft = _verbal(reading, layer, trigger, left, right, previous_subjects)
        else:
            draft = _nominal(reading, layer, trigger, left, right, previous_subjects)
        if draft is None:
            continue
        draft.parties = _two_plus_two_ministers(reading, layer, trigger, draft.parties)
        if (
            draft.type is EventType.MEETING
            and layer.may_hold_within(cues.REMOTE_MEANS, trigger.end, right)
            and cues.REMOTE_MEANS.search(text, trigger.end, right)
        ):
            draft.type = EventType.CALL  # "held the 2+2 with X and Y via video conference": a call
        if trigger.form == "verbal":
            previous_subjects = [
                p for p in draft.parties if p.person is not None and p.person.start < trigger.start
            ] or previous_subjects
        if layer.may_hold_within(cues.NEGATED, left, trigger.start) and cues.found(
            cues.NEGATED, text[left : trigger.start]
        ):
            continue
        if trigger.form == "nominal" and _NONE_OF.search(text, max(left, trigger.start - 30), trigger.start):
            continue  # "No meeting between the two leaders has been scheduled": there is none
        if trigger.form == "verbal" and cues.NOT_DONE.search(
            text, max(left, trigger.start - 30), trigger.start
        ):
            negated_until = right
            continue  # "did not meet Okafor during the summit": nothing happened
        if trigger.form == "nominal" and trigger.start < negated_until:
            continue  # the summit of that negated clause is its setting, not a meeting of theirs
        if (
            layer.may_hold_within(cues.HABITUAL, trigger.end, right)
            and cues.HABITUAL.match(text, trigger.end, right)
        ) or (
            trigger.form == "nominal"
            and cues.HABITUAL_BEFORE.search(text, max(left, trigger.start - 40), trigger.start)
        ):
            # "agreed to meet at least once a year", "promised regular meetings": a commitment, not one
            continue
        if cues.WHETHER.search(text, max(left, trigger.start - 40), trigger.start):
            continue  # "Asked whether he might stop in Tokyo": a question, not a plan
        if layer.may_hold_within(cues.BACKGROUND_COUNT, left, right) and cues.found(
            cues.BACKGROUND_COUNT, text[left:right]
        ):
            continue  # "they have spoken by phone several times since": a tally, not one engagement
        pleasantry_start = max(left, trigger.start - 40)
        if (
            layer.may_hold_within(cues.PLEASANTRY, pleasantry_start, trigger.end)
            and cue_matches(cues.PLEASANTRY, text[pleasantry_start : trigger.end])
        ) or (
            layer.may_hold_within(cues.WISH, left, trigger.start)
            and cues.found(cues.WISH, text[left : trigger.start])
            and not _arranged(draft, trigger)
            and not time_ahead(text, trigger.end, right)  # "looks forward to visiting Seoul next month"
        ):
            continue  # "pleased to meet X again": the meeting under way, not a plan
        draft.status, draft.explicit_status = status_of(reading, layer, trigger, left, right)
        if trigger.traveller_inside and cues.found(cues.WISH, text[left : trigger.start]):
            draft.status, draft.explicit_status = Status.PLANNED, True  # "looks forward to welcoming X to"
        draft.in_headline = layer.sentence.section is not SectionKind.BODY
        adjunct = cues.PARTICIPLE_ADJUNCT.search(text[max(0, trigger.start - 12) : trigger.start])
        if adjunct and trigger.text.split()[0].lower().endswith("ing"):
            # "... tomorrow before flying on to Manila": the trip is as planned as the main clause,
            # and what the main clause reports happens before it, elsewhere.
            draft.onward = adjunct.group(1).lower() == "before"
            draft.status_from = last_verbal
        if (
            trigger.form == "nominal"
            and not draft.explicit_status
            and sentence_status is not None
            # "will travel to explain the outcome of his trip": the trip is known, not planned with it
            and not cue_matches(cues.PRESUPPOSED, text[left : trigger.start])
        ):
            # "Brandt held talks with Mireles, as well as a meeting with Zhou": one tense for both.
            draft.status = sentence_status
            # "is to hold a meeting with A, and separate meetings with B and C": the verb is shared.
            draft.explicit_status = cues.ELIDED_VERB.fullmatch(text, left, trigger.start) is not None
        elif trigger.form == "verbal" and draft.explicit_status:
            sentence_status = Status.PLANNED if trigger.proposal else draft.status
        if draft.undated:
            draft.status, draft.explicit_status = Status.OCCURRED, True  # "at the invitation of": made
        own_left, own_right = aside_around(text, layer.sentence, trigger, left, right)
        draft.counterfactual = layer.may_hold_within(cues.COUNTERFACTUAL, own_left, own_right) and cues.found(
            cues.COUNTERFACTUAL, text[own_left:own_right]
        )
        if (
            not draft.counterfactual
            and last_verbal is not None
            and last_verbal.counterfactual
            and re.search(r"\band\s+(?:to\s+)?$", text[max(0, trigger.start - 10) : trigger.start])
            and cues.BASE_FORM.fullmatch(trigger.text.split()[0].lower())
        ):
            # "had been due to arrive ... and to hold talks", "had been expected to visit X and meet Y"
            draft.counterfactual = True
        frame = _visit_subject(reading, layer) if draft.counterfactual else None
        if frame is not None and frame.status is Status.CANCELLED:
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if draft.counterfactual and layer.cancelled:
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if draft.status is not Status.CANCELLED and (
            # "... were supposed to host the ministers": what a call-off a few sentences before undid
            (draft.counterfactual and called_off_before(reading, layer, reach=3))
            or past_plan_called_off(reading, layer, draft, left)
        ):
            # "X has postponed the trip. X had been due to meet Y on Thursday.", "... She was scheduled
            # to meet Y there on Friday.": it will not happen then.
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if (
            draft.counterfactual
            and draft.status is Status.PLANNED
            and overturned_after(reading, layer, trigger)
        ):
            # "X had been expected to stop in Tokyo. However, he will fly home": it will not happen.
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if draft.invited and draft.status is not Status.CANCELLED:
            draft.status, draft.explicit_status = Status.PLANNED, True
        if not draft.undated:
            draft.time = time_for(reading, layer, trigger, draft.status is Status.PLANNED, (left, right))
        if draft.time is None and not draft.undated:
            draft.inherited_time = during_event(reading, layer, draft.person_keys()) or after_event(
                reading, layer
            )
            if draft.inherited_time is not None and draft.type is EventType.INVITATION:
                draft.location = draft.location or draft.inherited_time.location
        if draft.companion_of is None:  # a companion goes where the one accompanied goes
            # "Tokyo is the second stop on X's tour after a summit in Y": the place named first
            draft.location = draft.location or _stop_named_first(reading, layer, trigger)
            draft.location = draft.location or location_for(reading, layer, trigger, draft, left, right)
            draft.location = draft.location or _destination_after_visitor(reading, layer, trigger, draft)
            draft.location = draft.location or _leg_of_trip(reading, layer, trigger)
            draft.location = draft.location or _speakers_country(reading, layer, trigger, draft)
        draft.topics = topics_of(layer, draft)
        if trigger.abroad and _at_home(draft):
            continue  # "he was in Washington for talks", said of an American: no trip
        if draft.type is EventType.VISIT and _AS_A_PRIVATE_TRAVELLER.search(text, trigger.end, right):
            continue  # "hoped to visit Japan one day as an ordinary traveler": no official trip
        if draft.status is Status.PLANNED and _leg_called_off(reading, layer, draft):
            # "... will not go to Mongolia. He was to visit Japan and Mongolia.": that stop is off
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if (
            draft.status in (None, Status.PLANNED)
            and cues.ARRANGED_BEFORE.search(text, max(left, trigger.start - 40), trigger.start)
            and _engagement_called_off(reading, layer, draft)
        ):
            # "Okafor's meeting with Halvorsen was axed ... Okafor had also lined up meetings with X":
            # what the same person had arranged went with the call-off.
            draft.status, draft.explicit_status = Status.CANCELLED, True
        if not draft.has_person():
            if draft.status is Status.CANCELLED:
                reading.drafting.pending_cancel = draft
            if not draft.parties:
                draft.parties = _sides_of_planned_in_sentence(reading, layer, draft)
            if not draft.parties:
                refer_back(reading, draft, layer)
                continue
        pending = reading.drafting.pending_cancel
        if (
            pending is not None
            and pending.type is draft.type
            and 0 < layer.sentence.index - pending.sentence <= 2
            and draft.status in (Status.PLANNED, Status.CANCELLED)
            and draft.counterfactual
        ):
            draft.status, draft.explicit_status = Status.CANCELLED, True
            draft.time = draft.time or pending.time
            draft.location = draft.location or pending.location
            reading.drafting.pending_cancel = None
        if part_of_earlier(reading, draft, layer):
            continue
        if not draft.has_person() and not between_countries(draft):
            continue
        clause_before = text[left : trigger.start]
        draft.distinct = _may_hold_spaced(layer, cues.DISTINCT, left, trigger) and cue_matches(
            cues.DISTINCT, clause_before + " " + trigger.text
        )
        draft.previous_occasion = _may_hold_spaced(
            layer, cues.PREVIOUS_OCCASION, left, trigger
        ) and cue_matches(cues.PREVIOUS_OCCASION, clause_before + " " + trigger.text)
        for second in more_destinations(reading, layer, trigger, draft, right):
            # "will travel to Seoul, Republic of Korea, and Manila": a stop in each. The trip's dates
            # span every stop; a later stop keeps them only if nothing later dates it on its own.
            stop = attrs.evolve(
                draft,
                location=second,
                parties=list(draft.parties),
                spans=list(draft.spans),
                time=stop_time(reading, layer, second),  # "and to Seoul on Thursday": its own day
                alt_times=[],
                inherited_time=draft,
            )
            if stop.status is Status.PLANNED and _leg_called_off(reading, layer, stop):
                stop.status, stop.explicit_status = Status.CANCELLED, True
            reading.drafts.append(stop)
        if trigger.form == "verbal" and draft.status_from is None:
            last_verbal = draft
        if trigger.proposal:
            # "proposed a summit with X on Nov. 2": the time is the proposed meeting's.
            draft.time, draft.alt_times = None, []
        reading.drafts.extend(_separate(reading, draft))
        reading.drafts.extend(_invited_to_attend(reading, layer, draft))
        reading.drafts.extend(_invited_to_a_place(reading, layer, draft))
    if not layer.triggers:
        topics_for_previous(reading, layer)
    if layer.cancelled:
        call_off_leg(reading, layer)
    del sentence


def _may_hold_spaced(layer: SentenceLayer, cue: re.Pattern[str], left: int, trigger: Trigger) -> bool:
    """:meth:`~SentenceLayer.may_hold_within` for the clause from ``left`` to ``trigger``, spaced before it.

    Where the trigger cuts a word, the space makes words of the word's two
    parts that the sentence lacks: then either half says it may.
    """
    return layer.may_hold_within(cue, left, trigger.start) or layer.may_hold_within(
        cue, trigger.start, trigger.end
    )


# A sentence without a verb that goes on from the one before: "Okafor also with President Lehto."
_VERBLESS_WITH = re.compile(
    r"\s*(?:[A-Z][\w.’'-]*\s+){0,6}[A-Z][\w.’'-]*\s+(?:(?:also|then|later|separately|again)\s+)?with\s+"
)


def _continued_trigger(reading: Reading, layer: SentenceLayer) -> list[Trigger]:
    """The trigger a verbless sentence takes from a sentence before it: "Okafor also with X".

    "Okafor also met Y. Okafor also with Finnish President X." drops the
    verb: the "with" goes on with the latest meeting or call of the three
    sentences before, when its subject (no more than a name and title) took
    part in it.
    """
    if layer.sentence.index == 0 or len(layer.persons) < 2:
        return []  # no sentence before it, or not a subject and someone it is with
    match = _VERBLESS_WITH.match(layer.sentence.text)
    if match is None:
        return []
    start = layer.sentence.start
    subjects = [p for p in layer.persons if p.end <= start + match.end()]
    objects = [p for p in layer.persons if p.start >= start + match.end()]
    if not subjects or not objects:
        return []
    previous = [
        d
        for d in reading.drafts
        if 0 < layer.sentence.index - d.sentence <= 3
        and d.trigger.form == "verbal"
        and d.type in (EventType.MEETING, EventType.CALL)
    ]
    if not previous or person_key(subjects[0]) not in previous[-1].person_keys():
        return []
    with_start = reading.text.rindex("with", start, start + match.end())
    return [
        attrs.evolve(
            previous[-1].trigger, start=with_start, end=with_start + len("with"), text="with", hosting=False
        )
    ]


# A "2+2": the meeting of two countries' foreign and defence ministers, by its name.
_TWO_PLUS_TWO = re.compile(r"2\s*\+\s*2|two-plus-two", re.IGNORECASE)
_TWO_PLUS_TWO_OFFICES = ("foreign minister", "defense minister")


def _two_plus_two_ministers(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, parties: list[Party]
) -> list[Party]:
    """The four ministers of a "2+2" of two sides ("the India-US 2+2 Dialogue").

    Each side takes part as its foreign and its defence minister: the ones
    the story has named, else whoever the knowledge base says held the office
    on the publication day. The sides are two governments, or people of two
    countries who hold those offices ("the allies' defense ministers met for
    the 2+2"); anyone else among the parties ("their Philippine
    counterparts"), or one of the four unknown, leaves the parties as they are.
    """
    if not _TWO_PLUS_TWO.search(trigger.text) or len(parties) < 2:
        return parties
    offices = load_builtin_offices()
    roles: dict[str, Role] = {}
    for party in parties:
        if party.person is not None:
            office = getattr(offices.office_of(party.person.title), "name", None)
            if office not in _TWO_PLUS_TWO_OFFICES or party.person.country is None:
                return parties
            roles.setdefault(party.person.country, party.role)
        elif party.group is not None and party.group.country is not None:
            if party.group.text != lexicon.country_name(party.group.country):
                return parties  # "their Philippine counterparts": a group the wording names as such
            roles.setdefault(party.group.country, party.role)
        else:
            return parties
    if len(roles) != 2:
        return parties
    named = [
        *(p.person for p in parties if p.person is not None),
        *(p for f in reversed(reading.sentences_to(layer)) for p in reversed(f.persons) if not p.former),
    ]
    ministers = []
    for code, role in roles.items():
        for office in _TWO_PLUS_TWO_OFFICES:
            holder = next(
                (
                    p
                    for p in named
                    if p.country == code and getattr(offices.office_of(p.title), "name", None) == office
                ),
                None,
            )
            if holder is None:
                record = reading.knowledge_base.holder_of_office(office, code, reading.document.anchor)
                if record is None:
                    return parties
                holder = PersonMention(
                    trigger.start,
                    trigger.end,
                    record.name,
                    record.title_on(reading.document.anchor) or office,
                    record.country,
                    record.id,
                    "title",
                )
            ministers.append(Party(attrs.evolve(holder, start=trigger.start, end=trigger.end), None, role))
    return ministers


def _at_home(draft: Draft) -> bool:
    """Whether every visitor of a draft is known to be of the country its place is in."""
    destination = draft.location.country if draft.location is not None else None
    homes = {p.country for p in draft.parties}
    return destination is not None and homes == {destination}


def _invited_to_attend(reading: Reading, layer: SentenceLayer, invitation: Draft) -> list[Draft]:
    """The trip of one invited to a gathering abroad: "the summit in Canada, where Lee has been invited".

    A passive invitation with no trip of its own in the sentence, to a
    meeting the sentence places in another country than the invitee's, is
    a planned visit there, at the meeting's time.
    """
    trigger = invitation.trigger
    if invitation.type is not EventType.INVITATION or invitation.status is Status.CANCELLED:
        return []
    if not cues.PASSIVE.search(reading.text, max(0, trigger.start - 16), trigger.start):
        return []
    if any(t.type is EventType.VISIT and t.start > trigger.end for t in layer.triggers):
        return []  # "has been invited to visit Seoul": that trip is drafted from its own verb
    invitees = [p for p in invitation.parties if p.role is Role.INVITEE and p.person is not None]
    text = reading.text
    place = next(
        (
            place
            for place in layer.places
            if place.country is not None
            and any(
                t.type is EventType.MEETING and _GATHERING_AT.fullmatch(text, t.end, place.start)
                for t in layer.triggers
                if t.end <= place.start
            )
        ),
        None,
    )
    if len(invitees) != 1 or place is None or invitees[0].country in (None, place.country):
        return []
    visit = Draft.start(
        layer.sentence,
        attrs.evolve(trigger, type=EventType.VISIT, form="verbal", destination=True, invites_visit=False),
        [Party(invitees[0].person, None, Role.VISITOR)],
    )
    visit.status, visit.explicit_status = Status.PLANNED, True
    visit.location = place
    if invitation.time is not None and invitation.time.start > place.start:
        visit.time = invitation.time  # "the summit in Canada, scheduled for June 15-17": the gathering's
    visit.spans = list(invitation.spans)
    return [visit]


# Between a gathering's noun and its place: "the summit in Canada", "summit in" (the trigger's own "in").
_GATHERING_AT = re.compile(r"\s*(?:(?:in|at)\s+)?(?:the\s+)?")


def _destination_after_visitor(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, draft: Draft
) -> PlaceMention | None:
    """Where "the visit of Secretary Pryce to Seoul" goes: the place right after the visitor's "to"."""
    if trigger.type is not EventType.VISIT or trigger.form != "nominal":
        return None
    if _VISIT_OF_PERSON.match(reading.text, trigger.end) is None:
        return None
    visitors = [p.person for p in draft.parties if p.person is not None and p.person.start > trigger.end]
    if not visitors:
        return None
    end = visitors[-1].end
    return next(
        (p for p in layer.places if re.fullmatch(r"\s+to\s+(?:the\s+)?", reading.text[end : p.start])), None
    )


# "The Korea portion of Secretary X's trip": a part of a trip named by its place.
_LEG_OF = re.compile(r"\s+(?:portion|leg|part|stretch|segment)\s+of\s+[^.;,]{0,80}$")


def _leg_of_trip(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> PlaceMention | None:
    """The place of "the Korea portion of X's trip": that leg of the trip is a visit there."""
    if trigger.type is not EventType.VISIT or trigger.form != "nominal":
        return None
    return next(
        (
            p
            for p in layer.places
            if p.end < trigger.start and _LEG_OF.fullmatch(reading.text, p.end, trigger.start)
        ),
        None,
    )


def _invited_to_a_place(reading: Reading, layer: SentenceLayer, invitation: Draft) -> list[Draft]:
    """The trip of one invited straight to a place: "invited President Ellery to Japan"."""
    trigger = invitation.trigger
    if invitation.type is not EventType.INVITATION or trigger.form != "verbal":
        return []
    if cues.PASSIVE.search(reading.text, max(0, trigger.start - 16), trigger.start):
        return []  # "has been invited to the summit in Canada": see _invited_to_attend
    invitees = [p.person for p in invitation.parties if p.role is Role.INVITEE and p.person is not None]
    if len(invitees) != 1 or any(t.type is EventType.VISIT and t.start > trigger.end for t in layer.triggers):
        return []
    end = invitees[0].apposition_end or invitees[0].end
    place = next(
        (p for p in layer.places if re.fullmatch(r",?\s+to\s+(?:the\s+)?", reading.text[end : p.start])), None
    )
    if place is None or place.country is None or invitees[0].country in (None, place.country):
        return []
    visit = Draft.start(
        layer.sentence,
        attrs.evolve(trigger, type=EventType.VISIT, destination=True),
        [Party(invitees[0], None, Role.VISITOR)],
    )
    visit.status, visit.explicit_status = Status.PLANNED, True
    visit.location = place
    # "invited Admiral X to the observation unit in Yonaguni on May 17": the day of the trip
    visit.time = next(
        (
            m
            for m in layer.times
            if 0 <= m.start - place.end <= 120
            and not any(place.end <= t.start < m.start for t in layer.triggers)
            and not re.search(r"[;(]", reading.text[place.end : m.start])
        ),
        None,
    )
    visit.spans = list(invitation.spans)
    return [visit]


def _stop_named_first(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> PlaceMention | None:
    """The place that opens "Korea is the last leg of his Asia swing": the subject of the copula."""
    if not (trigger.destination and trigger.traveller_inside and _COPULA.match(trigger.text)):
        return None
    return next((p for p in layer.places if 0 < trigger.start - p.end <= 2), None)


_COPULA = re.compile(r"(?:is|was|will\s+be|would\s+be)\s")


def _engagement_called_off(reading: Reading, layer: SentenceLayer, draft: Draft) -> bool:
    """Whether an engagement of the same type and a person in common was called off before."""
    return any(
        earlier.type is draft.type
        and earlier.status is Status.CANCELLED
        and 0 < layer.sentence.index - earlier.sentence <= _CALL_OFF_REACH
        and earlier.person_keys() & draft.person_keys()
        for earlier in reading.drafts
    )


# How many sentences back a call-off reaches a past-perfect arrangement of the same person.
_CALL_OFF_REACH = 10


def _leg_called_off(reading: Reading, layer: SentenceLayer, draft: Draft) -> bool:
    """Whether a visit of the two sentences before, to the same place by the same people, is called off."""
    if draft.type is not EventType.VISIT or draft.location is None:
        return False
    for earlier in reversed(reading.drafts):
        if layer.sentence.index - earlier.sentence > 2:
            return False
        if (
            earlier.type is EventType.VISIT
            and earlier.status is Status.CANCELLED
            and earlier.sentence < layer.sentence.index
            and earlier.location is not None
            and earlier.location.name == draft.location.name
            and earlier.person_keys() & draft.person_keys()
        ):
            return True
    return False


def _arranged(draft: Draft, trigger: Trigger) -> bool:
    """Whether a trigger names someone's own engagement ("President Zhou's state visit"), not a wish.

    "Looking forward to meeting him" hopes for an engagement; "looking
    forward to President Zhou's state visit" awaits one already arranged, and
    so does a host "looking forward to welcoming Varga to Australia".
    """
    if draft.type is EventType.VISIT and trigger.traveller_inside and draft.has_person():
        return True
    return (
        trigger.form == "nominal"
        and draft.type is EventType.VISIT
        and any(p.person is not None and p.person.possessive for p in draft.parties)
    )


def _separate(reading: Reading, draft: Draft) -> list[Draft]:
    """Split a meeting into one per counterpart where the text says they were apart.

    "Held separate meetings with A and B", or a visitor who "will meet
    Prime Minister A and Foreign Minister B" of one country.
    """
    if draft.type is EventType.VISIT:
        return _visits_by_government(draft)
    if draft.type is EventType.CALL and _calls_several_apart(reading, draft):
        return _one_with_each(draft)
    if draft.type is not EventType.MEETING:
        return [draft]
    if (
        not cues.SEPARATE.search(draft.trigger.text)
        and not _calls_on_leader_and_minister(draft)
        and not _meets_several_apart(reading, draft)
        and not _courtesy_calls(draft, reading.text)
    ):
        return [draft]
    if _courtesy_calls(draft, reading.text):
        # "A, B and C also called on Prime Minister D": each paid a call of their own.
        named = [p for p in draft.parties if p.person is not None]
        host = [p for p in named if p.person is not None and p.person.start > draft.trigger.start]
        callers = [p for p in named if p.person is not None and p.person.start < draft.trigger.start]
        first = min(p.person.start for p in callers if p.person is not None)
        verbs = [
            t
            for t in reading.sentences[draft.sentence].triggers
            if t.form == "verbal" and first < t.start and t.end <= draft.trigger.start
        ]
        # "X held talks with Y and paid a courtesy call on Z": Y, the earlier verb's object, called on no one.
        callers = [
            p for p in callers if p.person is not None and not any(t.end <= p.person.start for t in verbs)
        ]
        return [
            attrs.evolve(draft, parties=[caller, *host], spans=[*draft.spans], topics=[*draft.topics])
            for caller in callers
        ]
    return _one_with_each(draft)


def _one_with_each(draft: Draft) -> list[Draft]:
    """The draft's first person with each of the others, one draft each."""
    subjects = [p for p in draft.parties if p.role in (Role.HOST, Role.PARTICIPANT) and p.person is not None][
        :1
    ]
    delegation = [
        p
        for p in draft.parties
        if p.person is not None and p.person.cue == "pronoun" and p.person.start < draft.trigger.start
    ]
    if (
        len(delegation) >= 2
        and subjects
        and subjects[0] in delegation
        and len({p.country for p in delegation}) == 1
    ):
        subjects = (
            delegation  # "The senators will hold separate meetings with A and B": all of them, each time
        )
    others = [p for p in draft.parties if p not in subjects and p.person is not None]
    if not subjects or len(others) < 2:
        return [draft]
    return [
        attrs.evolve(
            draft,
            parties=[*subjects, other],
            spans=list(draft.spans),
            topics=list(draft.topics),
            distinct=True,
        )
        for other in others
    ]


def _calls_several_apart(reading: Reading, draft: Draft) -> bool:
    """One person on the phone with several, "respectively" or "separately": a call with each."""
    subjects = [p for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start]
    objects = [p for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start]
    if len(subjects) != 1 or len(objects) < 2:
        return False
    left, right = _clause_of(reading, draft)
    return bool(cues.APART.search(reading.text, left, right)) and not cues.TOGETHER.search(
        reading.text, left, right
    )


def _courtesy_calls(draft: Draft, text: str) -> bool:
    """Several visitors who "called on" one host: courtesy calls are paid one by one.

    Not when one goes with another: "X, accompanied by Ambassador Y, paid a
    courtesy call on Z" is one call of both.
    """
    if not cues.COURTESY_CALL.search(draft.trigger.text):
        return False
    callers = [
        p.person for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start
    ]
    hosts = [p for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start]
    if len(callers) >= 2 and _ACCOMPANIED.search(text, callers[0].end, callers[-1].start):
        return False
    return len(callers) >= 2 and len(hosts) == 1


_ACCOMPANIED = re.compile(r"\b(?:accompanied\s+by|along\s+with|together\s+with)\b", re.IGNORECASE)


def _meets_several_apart(reading: Reading, draft: Draft) -> bool:
    """One person meeting several named people, and nothing saying they met together.

    "Kessler is expected to hold talks with Morrow and Ibarra": a meeting
    with each. "A trilateral with X and Y", "met X and Y together" or a
    summit of them all is one occasion.
    """
    # "lined up meetings with A, B and C": a plural event noun is one meeting with each.
    plural = cues.PLURAL_MEETINGS.search(draft.trigger.text) is not None
    if draft.hosting or (draft.trigger.form != "verbal" and not plural):
        return False
    subjects = [p for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start]
    objects = [p for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start]
    one_party = len({person_key(p.person) for p in subjects if p.person is not None}) == 1 or (
        len(subjects) >= 2
        and all(p.person is not None and p.person.cue == "pronoun" for p in subjects)
        and len({p.country for p in subjects}) == 1
    )  # one person, or the delegation of one country a description stands for
    if not one_party or len(objects) < 2:
        return False
    sentence = (
        reading.sentences[draft.sentence].sentence.text if draft.sentence < len(reading.sentences) else ""
    )
    if plural or _listed_as_members(reading, draft, objects):
        # "met senior officials, including Prime Minister A, Foreign Minister B ...": one by one
        return cues.TOGETHER.search(cues.PROPER_JOINT.sub("", sentence)) is None
    left, right = _clause_of(reading, draft)
    if cues.JOINT.search(reading.text, left, right):
        return False
    if cues.TOGETHER.search(sentence, right - reading.sentences[draft.sentence].sentence.start):
        return True  # "talks with A, B and C, plus a trilateral with D and E": the others one by one
    countries = {p.country for p in objects}
    # People of one country (the hosts), or two people ("talks with Morrow and Ibarra"), are met one
    # by one; three or more of several countries may be one gathering ("met Nakaya, Haddad and
    # Lindqvist for an hour") unless the text says bilateral.
    return (
        (len(countries) == 1 and None not in countries)
        or len(objects) == 2
        or bool(cues.BILATERAL.search(sentence))
    )


def _clause_of(reading: Reading, draft: Draft) -> tuple[int, int]:
    """The clause of a draft's trigger, in document offsets (its sentence when the trigger is gone)."""
    layer = reading.sentences[draft.sentence]
    for index, trigger in enumerate(layer.triggers):
        if trigger.start == draft.trigger.start:
            return layer.clause(trigger, index)
    return layer.sentence.start, layer.sentence.end


def _listed_as_members(reading: Reading, draft: Draft, objects: list[Party]) -> bool:
    """Whether the people met are listed as members of a group: "met officials, including A, B"."""
    first = min(p.person.start for p in objects if p.person is not None)
    return cues.INCLUDING_LIST.search(reading.text, draft.trigger.end, first) is not None


# A verb of meeting, perhaps planned: "meets", "to meet", "will meet".
_MEETS = re.compile(r"(?:to\s+|will\s+)?(?:meet|meets|met)\b")


def _calls_on_leader_and_minister(draft: Draft) -> bool:
    if not _MEETS.match(draft.trigger.text) or draft.hosting:
        return False
    objects = [
        p.person for p in draft.parties if p.person is not None and p.person.start > draft.trigger.start
    ]
    subjects = [
        p.person for p in draft.parties if p.person is not None and p.person.start < draft.trigger.start
    ]
    countries = {p.country for p in objects}
    heads = [
        p for p in objects if p.title and cues.LEADER_TITLE.search(p.title) and "vice" not in p.title.lower()
    ]
    return (
        len(objects) >= 2
        and len(countries) == 1
        and None not in countries
        and bool(heads)
        and all(p.country not in countries for p in subjects)
    )


def _call_context(reading: Reading, layer: SentenceLayer) -> bool:
    """Whether "spoke with" is a call: the sentence or the next one says so."""
    text = reading.text
    following = text[layer.sentence.end : layer.sentence.end + 250]
    if cues.CALL_WORDS.search(layer.sentence.text) or cues.CALL_WORDS.search(following):
        return True
    # A readout titled "Secretary's Call with ..." reports the call as "spoke with".
    return bool(cues.CALL_WORDS.search(reading.title_lines))


_SPOKE = frozenset({"spoke", "spoken", "speaks"})


def _in_person(reading: Reading, layer: SentenceLayer, clause: tuple[int, int]) -> bool:
    """Whether the sentence puts people in one place: a visit, a summit, a dinner, "in" a city.

    A country named in passing ("regret at the U.S. having to postpone") or a
    ministry named for a speaker places no one.
    """
    left, right = clause
    text = reading.text
    return (
        any(
            place.kind != "country"
            and left <= place.start < right
            and re.search(r"\b(?:in|at)\s+(?:the\s+)?$", text[max(0, place.start - 8) : place.start])
            for place in layer.places
        )
        or cues.IN_PERSON_WORDS.search(layer.sentence.text) is not None
    )


# A relative clause that the verb closes: "X and Y, who were both visiting the UK, ...".
_WHO_CLAUSE_BEFORE = re.compile(r",\s+who\s+[^,;]*$")
# "and", "and then", "and also" right before a verb: "will arrive on Thursday and hold talks".
_AND_BEFORE = re.compile(r"\band\s+(?:then\s+|also\s+)?$")


def _verbal(
    reading: Reading,
    layer: SentenceLayer,
    trigger: Trigger,
    left: int,
    right: int,
    previous_subjects: list[Party],
) -> Draft | None:
    text = reading.text
    left = subordinate_start(reading.text, trigger, left, functools.partial(names_someone, reading, layer))
    if _FIRST_PERSON_SUBJECT.search(text, max(left, trigger.start - 30), trigger.start) and not any(
        left <= p.start < trigger.start for p in layer.persons
    ):
        return None  # "When we sit down with him, ...": a speaker's own words, no one the story names
    subjects = persons_between(reading, layer, left, trigger.start)
    subjects = [s for s in subjects if not s.possessive or s.cue == "pronoun"]
    asides = []
    for match in clauses.RELATIVE_ASIDE.finditer(text, left, trigger.start):
        closing = text.rfind(",", match.end(), trigger.start)
        if closing > match.end():
            asides.append((match.start(), closing))
    subjects = [s for s in subjects if not any(a <= s.start < b for a, b in asides)] or subjects
    if not subjects:
        relative = _WHO_CLAUSE_BEFORE.search(reading.text[layer.sentence.start : trigger.start])
        if relative is not None:
            head = layer.sentence.start + relative.start()
            subjects = [
                p
                for p in layer.persons
                if 0 <= head - p.end <= 2 or (p.apposition_end and 0 <= head - p.apposition_end <= 2)
            ]
            if subjects and cues.PLURAL_RELATIVE.match(relative.group()):
                # "X and Y, who were both visiting the UK": every one of the coordinated subject.
                subjects = _coordinated_before(reading, layer, subjects[0])
            if not subjects:
                # "The two leaders, who are visiting Lima for the summit,": the people they stand for,
                # each found as the head of the relative clause (so each travels as their government)
                subjects = [
                    attrs.evolve(person, cue="relative")
                    for pronoun in layer.pronouns
                    if pronoun.plural and not pronoun.possessive and 0 <= head - pronoun.end <= 2
                    for person in resolve_pronoun(reading, layer, pronoun)
                ]
    if (
        not subjects
        and trigger.text.split()[0].lower().endswith("ing")
        and cues.REPORTED_AFTER.search(text[max(layer.sentence.start, trigger.start - 60) : trigger.start])
    ):
        # "X said after meeting Y": who met is who said so.
        said_by = persons_between(reading, layer, layer.sentence.start, trigger.start)
        subjects = [p for p in said_by if not p.possessive][-1:]
    elif (
        not subjects
        and trigger.text.split()[0].lower().endswith("ing")
        and cues.SOME_TIME_AFTER.search(text[max(layer.sentence.start, trigger.start - 60) : trigger.start])
    ):
        # "X said he spoke with Y, days after hosting her": the sentence's subject hosted.
        subjects = [p for p in layer.persons if p.end <= trigger.start and not p.possessive][:1]
    if (
        not subjects
        and not previous_subjects
        and _AND_BEFORE.search(text[max(0, trigger.start - 12) : trigger.start])
    ):
        # "X will arrive on Thursday and hold talks with Y": the sentence's subject.
        subjects = [
            p
            for p in persons_between(reading, layer, layer.sentence.start, trigger.start)
            if not p.possessive and not cues.OBJECT_BEFORE.search(text[max(0, p.start - 60) : p.start])
        ][:1]
    shared = [p.person for p in previous_subjects if p.person is not None]
    if (
        shared
        and len(subjects) > len(shared)
        and {person_key(p) for p in shared} <= {person_key(p) for p in subjects}
        and _AND_BEFORE.search(text[max(0, trigger.start - 12) : trigger.start])
    ):
        # "X had talks with Y and Z and exchanged views on ...": the people between the verbs are
        # the first verb's objects; the second verb's subject is still X.
        subjects = shared
    elif shared and subjects and _AND_THEN.search(text[max(0, trigger.start - 40) : trigger.start]):
        # "X held talks with Y, chief of staff of Z, and paid a courtesy call on W": Y is the first
        # verb's object, not the second verb's subject.
        earlier = next(
            (
                d
                for d in reversed(reading.drafts)
                if d.sentence == layer.sentence.index
                and d.trigger.form == "verbal"
                and d.trigger.end < trigger.start
            ),
            None,
        )
        met = (
            {
                person_key(p.person)
                for p in earlier.parties
                if p.person is not None and p.person.start > earlier.trigger.end
            }
            if earlier is not None
            else set()
        )
        own = {person_key(p) for p in shared}
        others = [p for p in subjects if person_key(p) not in own]
        if met and others and all(person_key(p) in met for p in others):
            subjects = shared
    objects = [
        p
        for p in persons_between(reading, layer, trigger.start + 1, right)
        if not p.possessive and not _SENDER_BEFORE.search(text, max(0, p.start - 40), p.start)
    ]
    objects = _before_own_sides(reading, layer, trigger, objects)
    # syntax: a subject the word order missed; a passive's subject is acted on, its agent acts
    subjects, agents = syntax.subjects_and_agents(reading, layer, trigger, subjects)
    groups = [g for g in layer.groups if trigger.end <= g.start and g.end <= right]
    subject_groups = [g for g in layer.groups if left <= g.start and g.end <= trigger.start]
    text = reading.text
    infinitive = text[max(0, trigger.start - 3) : trigger.start].lower() == "to "
    if trigger.needs_person_object:
        gap = text[trigger.end : objects[0].start] if objects else ""
        group_follows = (
            bool(groups) and not text[trigger.end : groups[0].start].strip(" ,").replace("the", "").strip()
        )
        counterpart = cues.COUNTERPART_GAP.fullmatch(gap) is not None  # "host his Japanese counterpart, X,"
        if (
            not group_follows
            and not counterpart
            and (
                not objects
                or len(gap.split()) > 8
                or re.search(
                    r"[,;.]", gap.replace("U.S.", "US").replace("Adm.", "Adm").replace("Gen.", "Gen")
                )
                # "welcomed the upcoming visit of Secretary X": the visit is welcomed, not its visitor
                or _EVENT_WELCOMED.search(gap)
                # "to see the defences and they toured ...": the pronoun opens a clause of its own
                or (objects[0].cue == "pronoun" and re.search(r"\b(?:and|but)\s*$", gap) is not None)
            )
        ):
            return None
        if trigger.hosting and objects and text.startswith(("’s ", "'s "), objects[0].end):
            return None  # "welcomed the pair's face-to-face": what the two do is welcomed, not a guest
        if trigger.hosting and objects and _HOSTED_FOR_A_VISIT.match(text, objects[0].end):
            return None  # "will host X for a state visit": the hosting is X's visit, told by its own noun
    parties: list[Party] = []
    if trigger.companion:
        return _companion(reading, layer, trigger, subjects, previous_subjects, left, right)
    if trigger.type is EventType.VISIT and trigger.traveller_inside:
        parties = [Party(p, None, Role.VISITOR) for p in _traveller_inside(reading, layer, trigger, left)]
    elif trigger.type is EventType.VISIT:
        delegation = _delegation_subject(reading, layer, trigger)
        if delegation:
            visitors = delegation  # "The senators will then fly to Tokyo": the delegation named before
        elif infinitive:
            before = [p for p in layer.persons if p.end <= trigger.start and p.start >= left - 200] + [
                person
                for pronoun in layer.pronouns
                if pronoun.end <= trigger.start and not pronoun.possessive
                for person in resolve_pronoun(reading, layer, pronoun)
            ]
            before.sort(key=lambda p: p.start)
            visitors = before[-1:] if before else subjects[-1:]
            if visitors and visitors[0].cue != "pronoun":
                # "for President A and Premier B to visit Japan", "A and B had been scheduled to
                # travel to": each of the coordinated travels
                visitors = _coordinated_before(reading, layer, visitors[0])
            invited = [t for t in layer.triggers if t.type is EventType.INVITATION and t.end <= trigger.start]
            if invited and _invitees_in(reading, layer):
                visitors = _invitees_in(reading, layer)[:1]  # "X was invited by Y to visit": X visits
            shared = [p.person for p in previous_subjects if p.person is not None]
            if shared and re.search(
                r"\band\s+(?:then\s+)?to\s+$", text[max(0, trigger.start - 16) : trigger.start]
            ):
                visitors = shared  # "X was expected to meet Y ... and to tour the base": X tours
        else:
            visitors = (
                subjects
                or _leaders(reading, layer, subject_groups)
                or [p.person for p in previous_subjects if p.person is not None]
                or _main_subject_after_opening(reading, layer, trigger)
                or _readout_principal(reading, layer, trigger)
            )
        parties = [Party(p, None, Role.VISITOR) for p in visitors]
    elif trigger.type is EventType.INVITATION and cues.PASSIVE.search(
        text, max(0, trigger.start - 16), trigger.start
    ):
        # "Varga has been invited to the summit (by X)": the subject is invited, the agent invites.
        invitees = subjects or [p.person for p in previous_subjects if p.person is not None]
        agent = re.match(r"\s+(?:[\w-]+\s+){0,6}?by\s+", text[trigger.end : right])
        inviters = (
            [p for p in objects if p.start >= trigger.end + agent.end()][:1] if agent is not None else []
        )
        parties = [Party(p, None, Role.INVITER) for p in inviters]
        parties += [Party(p, None, Role.INVITEE) for p in invitees[:1]]
    elif trigger.type is EventType.INVITATION:
        inviters = subjects or [p.person for p in previous_subjects if p.person is not None]
        parties = [Party(p, None, Role.INVITER) for p in inviters]
        invitees = listed_from(reading.text, objects) if objects else []
        parties += [Party(p, None, Role.INVITEE) for p in invitees]
        if not invitees:
            parties += [Party(None, g, Role.INVITEE) for g in groups[:1]]
    else:
        governments = (
            _subject_governments(reading, layer, trigger, left)
            if not (subjects or subject_groups or objects)
            and trigger.type in (EventType.MEETING, EventType.CALL)
            else []
        )
        if governments:
            # "Japan and South Korea will hold talks", "The two countries held talks"
            draft = Draft.start(layer.sentence, trigger, governments)
            draft.spans = [_span(layer, trigger, governments, left, right)]
            return draft
        if not subjects:
            # "In Taipei, the group expects to meet X": the delegation the story named
            subjects = _delegation_subject(reading, layer, trigger)
            subject_groups = [] if subjects else subject_groups
        if not subjects and not subject_groups:
            subjects = [p.person for p in previous_subjects if p.person is not None]
        frame = _visit_subject(reading, layer) if not subjects and trigger.type is EventType.MEETING else None
        if frame is not None:
            # "The visit would have included talks with his counterpart": the visitor talks.
            subjects = [p.person for p in frame.parties if p.person is not None]
        if agents:  # syntax: "X was received by Y": Y receives X
            objects = unique_persons([*subjects, *(p for p in objects if person_key(p) not in _keys(agents))])
            subjects = agents
        if _AGENTS_WITHIN.match(trigger.text):
            # "agreed to implement the consensus reached by X and Y on the sidelines of": the
            # people the participle names met, not the subject of the sentence
            subjects, subject_groups = [], []
        first_role = Role.HOST if trigger.hosting else Role.PARTICIPANT
        other_role = Role.GUEST if trigger.hosting else Role.PARTICIPANT
        if not subjects:
            subjects = _leaders(reading, layer, subject_groups)
            subject_groups = [] if subjects else subject_groups
        parties = [Party(p, None, first_role) for p in subjects]
        parties += [Party(None, g, first_role) for g in subject_groups]
        if subjects and not subject_groups:
            # "Ferreira and the leaders of the U.S. and South Korea met": those governments too.
            parties += _unnamed_leaders(text[left : trigger.start], trigger, subjects)
        parties += [Party(p, None, other_role) for p in objects]
        if not objects:
            leaders = _leaders(reading, layer, groups)
            parties += [Party(p, None, other_role) for p in leaders]
            if not leaders:
                parties += [Party(None, g, other_role) for g in groups]
    parties = unique_parties(parties)
    if not parties:
        return None
    draft = Draft.start(layer.sentence, trigger, parties)
    draft.spans = [_span(layer, trigger, parties, left, right)]
    return draft


# The sender of what a visitor carries: "to deliver a message from the North Korean leader", "a letter
# from Prime Minister X": the sender takes no part in the engagement.
_SENDER_BEFORE = re.compile(
    r"\b(?:message|messages|letter|letters|note|greetings)\s+from\s+(?:the\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}$"
)
# A first-person subject right before a verb: "we sit down with", "I will meet".
_FIRST_PERSON_SUBJECT = re.compile(
    r"\b(?:I|[Ww]e)\s+(?:(?:will|would|can|could|should|must|shall|also|to)\s+)*$"
)


def _before_own_sides(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, objects: list[PersonMention]
) -> list[PersonMention]:
    """A verb's objects stop at a later engagement noun that lists its own sides.

    "X and Y will meet on Monday, to prepare the summit among A, B and C": A,
    B and C are the summit's sides, not the people X and Y meet.
    """
    for later in layer.triggers:
        if (
            later.start > trigger.end
            and later.form == "nominal"
            and later.type is trigger.type
            and re.match(r"\s+(?:among|between)\s", reading.text[later.end : later.end + 10])
        ):
            return [p for p in objects if p.start < later.start]
    return objects


def _keys(persons: Sequence[PersonMention]) -> set[frozenset[str]]:
    return {person_key(p) for p in persons}


def _leaders(reading: Reading, layer: SentenceLayer, groups: list[GroupMention]) -> list[PersonMention]:
    """Who stands for a delegation: "a delegation, led by X," or the leader named earlier.

    The delegation's leader is remembered for the document, so "the
    delegation" of a later sentence is that person too.
    """
    _note_leader(reading, layer)
    leader = reading.drafting.delegation_leader
    if leader is None:
        return []
    text = reading.text
    return [
        attrs.evolve(leader, start=group.start, end=group.end)
        for group in groups
        if cues.DELEGATION.search(group.text)
        # "The lawmakers are to meet ...": the delegation's members, once one was named
        or (
            cues.MEMBERS.fullmatch(group.text)
            and text[max(0, group.start - 4) : group.start].lower() == "the "
        )
    ][:1]


# "The group, which also includes Sen. C,": a member of the delegation the story named.
_ALSO_INCLUDES = re.compile(
    r"\b(?:group|delegation|codel|senators|lawmakers|legislators)\b,?\s+(?:which|who)\s+(?:also\s+)?"
    r"(?:includes?|included)\s+",
    re.IGNORECASE,
)
# A sentence whose subject is the delegation: "The group ...", "The senators will then fly to".
_DELEGATION_SUBJECT = re.compile(
    r"\s*(?:(?:In|On|At|From|After|Then|Later)\b[^,]{0,40},\s+)?(?P<subject>[Tt]he\s+"
    r"(?:group|delegation|codel|senators|lawmakers|legislators|congressmen|members))\b",
)


def _delegation_subject(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention]:
    """The delegation's people when the sentence's subject is the delegation ("The senators will fly")."""
    delegation = reading.drafting.delegation
    opening = _DELEGATION_SUBJECT.match(reading.text, layer.sentence.start)
    if not delegation or opening is None or opening.end() > trigger.start:
        return []
    if any(layer.sentence.start <= p.start < trigger.start and not p.possessive for p in layer.persons) and (
        _ALSO_INCLUDES.search(reading.text, layer.sentence.start, trigger.start) is None
    ):
        return []  # someone named before the verb is its subject
    start, end = opening.span("subject")
    return [attrs.evolve(p, start=start, end=end, cue="pronoun") for p in delegation]


def _note_leader(reading: Reading, layer: SentenceLayer) -> None:
    """Remember who leads the delegation a sentence names: "a delegation, led by X,"."""
    if layer.sentence.index in reading.drafting.leaders_read:
        return
    reading.drafting.leaders_read.add(layer.sentence.index)
    text = reading.text
    leads = (
        cues.LEADS_DELEGATION.search(text, layer.sentence.start, layer.sentence.end)
        if layer.may_hold(cues.LEADS_DELEGATION)
        else None
    )
    if leads is not None and not cues.ASKED_TO.search(text, max(0, leads.start() - 60), leads.start()):
        # "Rep. Dana Whitfield will lead a bipartisan delegation to Tokyo"; not "invited X to lead one"
        before = [p for p in layer.persons if p.end <= leads.start() and not p.possessive]
        if before:
            reading.drafting.delegation_leader = before[-1]
            # "Sens. A and B will lead a delegation": both lead it, and both travel.
            reading.drafting.delegation = _coordinated_before(reading, layer, before[-1])
    members = (
        _ALSO_INCLUDES.search(text, layer.sentence.start, layer.sentence.end)
        if layer.may_hold(_ALSO_INCLUDES)
        else None
    )
    if members is not None and reading.drafting.delegation:
        # "The group, which also includes Sen. C, is set to land in Taipei": C travels with them.
        joining = [p for p in layer.persons if p.start >= members.end() and not p.possessive][:1]
        known = {person_key(p) for p in reading.drafting.delegation}
        reading.drafting.delegation.extend(p for p in joining if person_key(p) not in known)
    for group in layer.groups:
        led = (
            cues.LED_BY.match(text, group.end, group.end + 60) if cues.DELEGATION.search(group.text) else None
        )
        if led is None:
            continue
        leader = next((p for p in layer.persons if 0 <= p.start - led.end() < 80), None)
        if leader is not None:
            reading.drafting.delegation_leader = leader


def _traveller_inside(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, left: int
) -> list[PersonMention]:
    """Who travels: "take him to X" (the pronoun), "welcome Varga to X", "Ibarra's final destination is X"."""
    for pronoun in layer.pronouns:
        if trigger.start <= pronoun.start and pronoun.end <= trigger.end:
            return resolve_pronoun(reading, layer, pronoun)[:1]
    guests = [p for p in layer.persons if trigger.start < p.start and p.end <= trigger.end]
    if guests:
        return guests[:1]
    owners = [p for p in layer.persons if left <= p.start and p.end <= trigger.start and p.possessive]
    if owners:
        return owners[-1:]
    owned = [p for p in layer.pronouns if left <= p.start and p.end <= trigger.start and p.possessive]
    return resolve_pronoun(reading, layer, owned[-1])[:1] if owned else []


# A trigger that opens with a participle and its agents: "reached by X and Y on the sidelines of".
_AGENTS_WITHIN = re.compile(
    r"[a-z]+\s+(?:upon\s+)?by\s.*\b(?:sidelines|margins?)\s+of$", re.IGNORECASE | re.DOTALL
)


def _companion(
    reading: Reading,
    layer: SentenceLayer,
    trigger: Trigger,
    subjects: list[PersonMention],
    previous_subjects: list[Party],
    left: int,
    right: int,
) -> Draft | None:
    """A trip made as someone's companion: "X will accompany Y", "X is to travel with him".

    In the passive ("Y was accompanied by X and Z") the companions follow
    the verb. Companions of a trip drafted in the sentences just before
    are among its visitors rather than on a trip of their own.
    """
    text = reading.text
    if re.search(
        r"(?:\bnot|\bnever|n['’]t)\s+(?:\w+\s+)?$", text[max(0, trigger.start - 24) : trigger.start]
    ):
        return None  # "will not accompany": no trip
    if trigger.text.endswith(" by"):
        stated = cues.PASSIVE.search(text, max(0, trigger.start - 16), trigger.start) is not None
        if not stated and any(t.type is not EventType.VISIT for t in layer.triggers):
            return None  # "X, accompanied by Ambassador Y, paid a courtesy call on Z": Y went to the call
        companions = [p for p in persons_between(reading, layer, trigger.end, right) if not p.possessive]
        accompanied = subjects or [p.person for p in previous_subjects if p.person is not None]
        if _joined_trip(reading, layer, trigger, companions, accompanied[:1], left, right):
            return None
        if not stated and companions and accompanied:
            # "Tanabe, accompanied by Quist, landed at Andrews for a visit": one trip of both.
            both = [Party(p, None, Role.VISITOR) for p in [accompanied[0], *companions]]
            draft = Draft.start(layer.sentence, trigger, both)
            draft.spans = [_span(layer, trigger, both, left, right)]
            return draft
        return _companions_trip(layer, trigger, companions, accompanied[:1], left, right)
    visitors = subjects or [p.person for p in previous_subjects if p.person is not None]
    keys = {person_key(p) for p in visitors}
    named = [p for p in layer.persons if trigger.end <= p.start < right and person_key(p) not in keys]
    accompanied = named[:1]
    if not accompanied:
        pronoun = next(
            (p for p in layer.pronouns if trigger.end <= p.start < trigger.end + 12 and not p.plural),
            None,
        )
        if pronoun is not None:
            # "X and Y will travel with him": not X or Y, but who the story was about just before.
            accompanied = antecedent_outside(reading, layer, keys)
    return _companions_trip(layer, trigger, visitors, accompanied, left, right)


def _companions_trip(
    layer: SentenceLayer,
    trigger: Trigger,
    companions: list[PersonMention],
    accompanied: list[PersonMention],
    left: int,
    right: int,
) -> Draft | None:
    """The companions' own trip, which goes where the one they accompany goes."""
    if not companions or not accompanied:
        return None
    draft = Draft.start(layer.sentence, trigger, [Party(p, None, Role.VISITOR) for p in companions])
    draft.companion_of = person_key(accompanied[0])
    draft.spans = [_span(layer, trigger, draft.parties, left, right)]
    return draft


def _joined_trip(
    reading: Reading,
    layer: SentenceLayer,
    trigger: Trigger,
    companions: list[PersonMention],
    accompanied: list[PersonMention],
    left: int,
    right: int,
) -> bool:
    """Whether the people a visitor "was accompanied by" joined a trip of theirs drafted just before.

    "Castell visited Japan ... Castell was accompanied by Ambassador X": X is
    one of the visit's visitors.
    """
    if not companions or not accompanied:
        return False
    key = person_key(accompanied[0])
    for earlier in reversed(reading.drafts):
        if layer.sentence.index - earlier.sentence > 6:
            return False
        if earlier.type is EventType.VISIT and earlier.companion_of is None and key in earlier.person_keys():
            keys = earlier.person_keys()
            joining = [Party(p, None, Role.VISITOR) for p in companions if person_key(p) not in keys]
            earlier.parties.extend(joining)
            earlier.spans.append(_span(layer, trigger, joining, left, right))
            return True
    return False


# Where a noun's sides follow it: "talks between", "a meeting with", "a visit by"; or its words end on it.
_SIDES_FOLLOW = re.compile(r"\s*(?:between|with|by|from|among|involving)\b")
_ENDS_ON_BETWEEN_OR_WITH = re.compile(r"\b(?:between|with)$")
_ENDS_ON_SIDES_WORD = re.compile(r"\b(?:between|among|with)$")
# "the meeting of", "a summit in", "talks at": a phrase of the meeting's own; or its words end on it.
_OF_IN_OR_AT_FOLLOWS = re.compile(r"\s*(?:of|in|at)\b")
_ENDS_ON_OF_IN_OR_AT = re.compile(r"\b(?:of|in|at)$")
_OF_FOLLOWS = re.compile(r"\s*of\b")
# The means or setting right before an engagement noun: "agreed in a video conference", "by phone".
_MEANS_BEFORE = re.compile(
    r"\b(?:in|at|during|via|by|over|through)\s+(?:(?:an?|the|their)\s+(?:[\w-]+\s+){0,2})?$"
)


def _nominal(
    reading: Reading,
    layer: SentenceLayer,
    trigger: Trigger,
    left: int,
    right: int,
    previous_subjects: list[Party],
) -> Draft | None:
    text = reading.text
    parties: list[Party] = []
    possessor = _possessor(reading, layer, trigger)
    after = text[trigger.end : right]
    between = (
        _SIDES_FOLLOW.match(after)
        or _ENDS_ON_BETWEEN_OR_WITH.search(trigger.text)
        # "The talks were held in Manila on May 2 between A and B"
        or cues.HELD_BETWEEN.match(after)
    )
    objects: list[PersonMention] = []
    groups: list[GroupMention] = []
    if between:
        # "her conversation with A, who briefed her on his phone conversation with B": B is the later
        # engagement's, not this one's.
        later = next(
            (t.start for t in layer.triggers if t.start > trigger.end and t.type is not trigger.type), right
        )
        objects = persons_between(reading, layer, trigger.end, min(right, later))
        groups = [g for g in layer.groups if trigger.end <= g.start and g.end <= right]
    elif (
        _OF_IN_OR_AT_FOLLOWS.match(after) or _ENDS_ON_OF_IN_OR_AT.search(trigger.text)
    ) and trigger.type is EventType.MEETING:
        groups = [g for g in layer.groups if trigger.end <= g.start and g.end <= min(right, trigger.end + 80)]
        of_phrase = cues.OF_PHRASE.match(after if _OF_FOLLOWS.match(after) else " of" + after)
        if (_OF_FOLLOWS.match(after) or trigger.text.endswith("of")) and not groups and of_phrase:
            # "the meeting of Presidents A and B held on ...": the people of the "of" phrase.
            phrase_end = trigger.end + len(of_phrase.group())
            objects = [p for p in layer.persons if trigger.end <= p.start and p.end <= phrase_end]
    if (
        trigger.type is EventType.INVITATION
        and cues.INVITATION_OF.search(text[max(0, trigger.start - 12) : trigger.start])
        and _OF_FOLLOWS.match(after)
    ):
        # "X arrives in Manila ... at the invitation of Y": Y invited X.
        inviters = [p for p in layer.persons if trigger.end < p.start <= trigger.end + 80][:1]
        guests = [
            p
            for p in persons_between(reading, layer, layer.sentence.start, trigger.start)
            if not p.possessive
        ]
        if not guests:
            guests = [p.person for p in previous_subjects if p.person is not None]
        if not guests:
            # "His visit has been arranged at the invitation of Y": the visitor of the sentence's visit
            guests = next(
                (
                    [p.person for p in draft.parties if p.person is not None]
                    for draft in reversed(reading.drafts)
                    if draft.sentence == layer.sentence.index and draft.type is EventType.VISIT
                ),
                [],
            )
        parties = [Party(p, None, Role.INVITER) for p in inviters]
        parties += [Party(p, None, Role.INVITEE) for p in guests[:1]]
        draft = Draft.start(layer.sentence, trigger, unique_parties(parties))
        draft.undated = True
        draft.spans = [_span(layer, trigger, draft.parties, trigger.start, right)]
        return draft
    if trigger.type is EventType.INVITATION:
        from_match = re.search(r"\bfrom\b", after)
        to_match = re.search(r"\bto\b", after)
        inviters = [
            p
            for p in objects
            if from_match
            and p.start > trigger.end + from_match.start()
            and (not to_match or p.start < trigger.end + to_match.start())
        ]
        invitees = [p for p in objects if p not in inviters]
        inviting_group: list[Party] = []
        if possessor and not invitees:
            invitees = _answering_invitation(reading, layer, possessor, left)
        if not invitees and not possessor:
            # "Egypt's envoy extended Tanabe an invitation": the indirect object is invited.
            invitees, inviters, inviting_group = _given_an_invitation(reading, layer, trigger, left)
        parties = [Party(p, None, Role.INVITER) for p in (possessor or inviters)] + inviting_group
        parties += [Party(p, None, Role.INVITEE) for p in invitees[:1]]
    elif trigger.type is EventType.VISIT:
        visitors = possessor or [p for p in objects if re.match(r"\s*by\b", after)]
        by_phrase = re.search(r"\bby\s+", after[:100])
        if not visitors and by_phrase is not None:
            # "a visit to the Philippines by Prime Minister Elena Brandt"
            start = trigger.end + by_phrase.end()
            visitors = [p for p in layer.persons if start <= p.start <= start + 45][:1]
        of_visitor = _VISIT_OF_PERSON.match(after)
        if not visitors and of_visitor is not None:
            # "the upcoming visit of Secretary of Commerce Pryce to Seoul": the one of the "of" phrase
            start = trigger.end + of_visitor.end()
            visitors = [p for p in layer.persons if start <= p.start <= start + 45 and not p.possessive][:1]
        if not visitors:
            visitors = _hosted_for_visit(reading, layer, trigger)
        visitors = _one_delegation(visitors)
        invited = False
        if not visitors:
            visitors = _invitees_in(reading, layer)
            invited = bool(visitors)
        parties = [Party(p, None, Role.VISITOR) for p in visitors]
    else:
        if not possessor and between and between.group().strip() == "with":
            # "..., including talks with Mr Halvorsen": the sentence's subject takes part.
            possessor = [p.person for p in previous_subjects if p.person is not None]
            if not possessor:
                # "X is preparing for a summit with Y": the clause's subject takes part.
                possessor = [
                    p for p in persons_between(reading, layer, left, trigger.start) if not p.possessive
                ][:1]
        parties = [Party(p, None, Role.PARTICIPANT) for p in possessor]
        parties += [Party(p, None, Role.PARTICIPANT) for p in objects]
        parties += [Party(None, g, Role.PARTICIPANT) for g in groups]
        if len(parties) == 1 and between and between.group().strip() == "with":
            # "bilateral meetings with each Quad member": the counterpart of each other member
            parties += [
                Party(p, None, Role.PARTICIPANT) for p in _each_member(reading, layer, trigger, possessor)
            ]
    text = reading.text
    if (
        not parties
        and trigger.type is not EventType.VISIT
        and _MEANS_BEFORE.search(text[max(left, trigger.start - 40) : trigger.start])
    ):
        # "Lindqvist and Wren agreed in a video conference": the clause's subjects took part.
        subjects = [p for p in persons_between(reading, layer, left, trigger.start) if not p.possessive]
        if len(subjects) >= 2:
            parties = [Party(p, None, Role.PARTICIPANT) for p in subjects]
    main = frame_main(reading.text, layer.sentence, trigger)
    if not parties and main is not None:
        # "During the talks in Tokyo, which lasted an hour, the two ministers agreed ...": the
        # subjects of the clause the frame opens took part.
        subjects = [p for p in persons_between(reading, layer, main, main + 60) if not p.possessive]
        if len(subjects) >= 2:
            parties = [Party(p, None, Role.PARTICIPANT) for p in subjects]
    if not parties and trigger.type in (EventType.MEETING, EventType.CALL):
        # "a trilateral summit among South Korea, China and Japan": the sides are listed.
        ends_between = _ENDS_ON_SIDES_WORD.search(trigger.text) is not None
        listed = sides.listed_countries(" between" + after if ends_between else after)
        if listed:
            around = text[max(left, trigger.start - 40) : right]
            parties = _sides_or_their_people(reading, layer, trigger, listed, around)
    if trigger.type is EventType.MEETING and any(p.person is not None for p in parties):
        visit = _visit_subject(reading, layer)
        named = {person_key(p.person) for p in parties if p.person is not None}
        if visit is not None and not named & visit.person_keys():
            # "The trip would include a meeting with Ashdown in Manila": the visitor meets him
            parties = [
                Party(p.person, None, Role.GUEST) for p in visit.parties if p.person is not None
            ] + parties
    if not parties and trigger.type is EventType.MEETING:
        visit = _visit_subject(reading, layer)
        if visit is not None:
            # "The visit would have included talks with his counterpart"
            parties = [
                Party(p.person, None, Role.GUEST) for p in visit.parties if p.person is not None
            ] + parties
    if (
        not parties
        and layer.may_hold_within(cues.CANCEL, left, right)
        and cues.found(cues.CANCEL, reading.text[left:right])
    ):
        # "Mr Mireles would also skip a planned stop in ...": the subject is the visitor.
        role = Role.VISITOR if trigger.type is EventType.VISIT else Role.PARTICIPANT
        subjects = [p for p in persons_between(reading, layer, left, trigger.start) if not p.possessive]
        parties = [Party(p, None, role) for p in subjects]
    if (
        parties
        and trigger.type in (EventType.MEETING, EventType.CALL)
        and all(p.person is None and p.group is not None and p.group.country is None for p in parties)
    ):
        # "the meeting of foreign ministers of the four countries": the countries, not the office;
        # "the India-Japan-US ministerial meeting, in which the foreign ministers will ...": the compound's
        parties = (
            _compound_parties(reading, layer, trigger)
            or _country_sides(reading, layer, trigger, left, right)
            or parties
        )
    if not parties:
        parties = _compound_parties(reading, layer, trigger)
    if not parties and trigger.type in (EventType.MEETING, EventType.CALL):
        parties = _country_sides(reading, layer, trigger, left, right)
    parties = unique_parties(parties)
    draft = Draft.start(layer.sentence, trigger, parties)
    if trigger.type is EventType.VISIT and invited:
        draft.invited = True
    span_start = min([trigger.start, *(p.start for p in possessor)])
    draft.spans = [_span(layer, trigger, parties, span_start, right)]
    return draft


# "with each Quad member", "with each of the other AUKUS leaders": one by one, every member.
_EACH_MEMBER = re.compile(
    r"\s*(?:with\s+)?(?:each|every|all)\s+(?:of\s+the\s+)?(?:other\s+)?(?P<grouping>[\w-]+)\s+"
    r"(?:members?|leaders?|partners?|counterparts?|countries)\b"
)


def _each_member(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, takers: list[PersonMention]
) -> list[PersonMention]:
    """The story's holders of the taker's office in every other member of the grouping named.

    "Halvorsen will have bilateral meetings with each Quad member": the
    leaders of the other Quad countries, when the story names each of them.
    """
    each = _EACH_MEMBER.match(reading.text, trigger.end, layer.sentence.end)
    if each is None or len(takers) != 1:
        return []
    taker = takers[0]
    # A taker with no title of the day ("incoming prime minister X") meets the members' leaders.
    office = sides.office_held(taker) if taker.title is not None else "leader"
    codes = [code for code in sides.sides_for_grouping(each.group("grouping")) if code != taker.country]
    if office is None or not codes or taker.country is None:
        return []
    people = [person for sentence in reading.sentences for person in sentence.persons]
    return sides.who_holds_for(codes, office, people, trigger.start) or []


def _answering_invitation(
    reading: Reading, layer: SentenceLayer, inviters: list[PersonMention], left: int
) -> list[PersonMention]:
    """Who answers the inviter's invitation: "Ferreira accepted Okafor's invitation" invites Ferreira."""
    first = min(p.start for p in inviters)
    answered = cues.TOOK_UP_INVITATION.search(reading.text, max(left, first - 80), first)
    if answered is None:
        return []
    keys = _keys(inviters)
    subjects = [
        p
        for p in persons_between(reading, layer, left, answered.start())
        if not p.possessive and person_key(p) not in keys
    ]
    return subjects[-1:]


# "a visit of <title and name> to": the visitor in an "of" phrase, a destination after it.
_VISIT_OF_PERSON = re.compile(r"\s*of\s+(?=(?:[A-Z][\w.’'-]*\s+|of\s+|the\s+){1,8}to\s+[A-Z])")


# A verb that gives an invitation to someone named right after it: "extended Tanabe an invitation".
_GIVES_BEFORE = re.compile(r"\b(?:extend|offer|send|sent|give|gave|issue|hand)\w*\s+$", re.IGNORECASE)
_ARTICLE_BEFORE_NOUN = re.compile(r"\.?\s+(?:an?|the|his|her|their)\s+(?:[\w-]+\s+){0,2}")


def _given_an_invitation(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, left: int
) -> tuple[list[PersonMention], list[PersonMention], list[Party]]:
    """Who is invited by "X extended Tanabe an invitation", and who invites.

    The indirect object is invited; the subject invites: a person named
    there, else the government the subject names ("Egypt's envoy").
    """
    text = reading.text
    for person in layer.persons:
        if not (left <= person.start and person.end <= trigger.start) or person.possessive:
            continue
        if _ARTICLE_BEFORE_NOUN.fullmatch(text, person.end, trigger.start) is None:
            continue
        verb = _GIVES_BEFORE.search(text, max(left, person.start - 20), person.start)
        if verb is None:
            continue
        subjects = [p for p in persons_between(reading, layer, left, verb.start()) if not p.possessive]
        if subjects:
            return [person], subjects[-1:], []
        country = next(iter(countries_in(text[left : verb.start()], exclude={person.country or ""})), None)
        if country is None:
            return [person], [], []
        group = GroupMention(left, verb.start(), lexicon.country_name(country), country)
        return [person], [], [Party(None, group, Role.INVITER)]
    return [], [], []


# A second verb sharing the first one's subject: "... and paid a courtesy call on", "and then met".
_AND_THEN = re.compile(
    r"\band\s+(?:then\s+|also\s+)?(?:(?:paid|pays|pay|made|makes|make)\s+an?\s+(?:courtesy\s+)?)?$"
)

# A trip made in no office: "as an ordinary traveler", "as a tourist", "as a private citizen".
_AS_A_PRIVATE_TRAVELLER = re.compile(
    r"\bas\s+an?\s+(?:ordinary\s+|private\s+|regular\s+)?(?:travell?er|tourist|private\s+citizen)\b",
    re.IGNORECASE,
)
# "no" as the determiner of an engagement's noun: "No meeting", "no bilateral talks"; not "no doubt".
_NONE_OF = re.compile(
    r"(?<![\w-])no\s+(?:(?!doubt\b|matter\b|longer\b|sooner\b|less\b|more\b)[a-z-]+\s+)?$", re.IGNORECASE
)
# The purpose of a hosting that is a visit: "host X for a state visit", "hosted her for a three-day trip".
_HOSTED_FOR_A_VISIT = re.compile(
    r"\s+for\s+(?:a|an|his|her|their)\s+(?:[\w-]+\s+){0,2}?(?:visit|trip|stay)\b", re.IGNORECASE
)
_EVENT_WELCOMED = re.compile(
    r"\b(?:visits?|trips?|tour|stopover|appointment|election|nomination)\s+(?:of|by)\s+"
)


# "host the Chinese leader for a state visit": a host's verb, its guest, then the visit it is for.
_HOSTED_FOR = re.compile(
    r"\b(?:host|hosts|hosted|hosting|welcome|welcomes|welcomed|welcoming|receive|receives|received)\s+"
    r"(?P<guest>[^.;]{1,60}?)\s+for\s+(?:a|an|his|her|their|the)\s+(?:[\w-]+\s+){0,2}$"
)


def _hosted_for_visit(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention]:
    """The guest of "would host the Chinese leader for a state visit": the one who makes the visit."""
    hosted = _HOSTED_FOR.search(reading.text, max(layer.sentence.start, trigger.start - 100), trigger.start)
    if hosted is None:
        return []
    start, end = hosted.span("guest")
    return [p for p in layer.persons if start <= p.start and p.end <= end and not p.possessive][:1]


def _coordinated_before(reading: Reading, layer: SentenceLayer, last: PersonMention) -> list[PersonMention]:
    """``last`` and the people joined to it by "and" before it, with no engagement between them."""
    people = [p for p in layer.persons if p.start <= last.start and not p.possessive]
    chain = [last]
    for person in reversed(people[:-1]):
        gap = (person.end, chain[0].start)
        if any(gap[0] <= t.start < gap[1] for t in layer.triggers):
            break
        between = reading.text[gap[0] : gap[1]]
        if len(between) > 80 or not (re.search(r"\band\b", between) or "," in between):
            break
        if cues.PAST_VERB.search(between) or cue_matches(cues.FUTURE, between):
            break  # "Ro met Quist and Lindqvist, who were ...": Ro is the verb's subject, not theirs
        chain.insert(0, person)
    return chain


def _one_delegation(visitors: list[PersonMention]) -> list[PersonMention]:
    """The people "their trip" stands for travel as one government: those of the first one's country.

    "Ines will meet Sandoval in Tokyo. ... During their trip to the North": the
    pronoun's people of another country (the host met) made no trip with them.
    """
    if len(visitors) < 2 or any(p.cue != "pronoun" for p in visitors):
        return visitors
    country = visitors[0].country
    if country is None:
        return visitors
    return [p for p in visitors if p.country in (country, None)]


def _compound_parties(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[Party]:
    """The sides a compound names before an event noun: "the Bae-Ro summit", "Japan-U.S.-ROK talks".

    Each part is the surname of a person the story names, or a country;
    "inter-Korean" is the two Koreas. Sides that are countries take part
    as their governments.
    """
    text = reading.text
    window = max(layer.sentence.start, trigger.start - 80)
    if _COMPOUND_JOIN.search(text, window, trigger.start) is None:
        return []  # a compound joins its parts with a hyphen, a dash or a slash: none, no compound
    before = cues.COMPOUND_BEFORE.search(text, window, trigger.start)
    if before is None:
        return []
    compound = before.group("compound")
    if compound.lower() == "inter-korean":
        parts = ["South Korea", "North Korea"]
    else:
        parts = [part for part in re.split(r"[-–/]", compound) if part]
    if len(parts) < 2:
        return []
    people = [person for earlier in reading.sentences_to(layer) for person in earlier.persons]
    parties: list[Party] = []
    start = trigger.start - len(before.group()) + before.start("compound") - before.start()
    following = re.match(r"\s*([A-Z][a-z]+)", before.group()[before.end("compound") - before.start() :])
    for index, part in enumerate(parts):
        country = lexicon.country_of_word(part)
        if country is None and index == len(parts) - 1 and following is not None:
            # "the U.S.-North Korea summit": the last side's name goes on past the hyphens
            country = lexicon.country_of_word(f"{part} {following.group(1)}")
        if country is not None:
            group = GroupMention(start, start + len(compound), lexicon.country_name(country), country)
            parties.append(Party(None, group, Role.PARTICIPANT))
            continue
        named = [p for p in people if p.name.split()[-1] == part or p.name.split()[0] == part]
        if not named:
            return []  # a part that is neither a country nor a person of the story: no sides
        parties.append(Party(named[-1], None, Role.PARTICIPANT))
    return parties


# What joins the parts of a compound of sides ("Bae-Ro", "Japan–U.S.", "US/ROK"), and "inter-Korean"'s hyphen.
_COMPOUND_JOIN = re.compile(r"[-–/]")


def _country_sides(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, left: int, right: int
) -> list[Party]:
    """Governments as the sides of an engagement named without people (see :mod:`.sides`).

    A grouping named round the event noun ("the first Quad meeting"), a
    counted plural ("the foreign ministers of the four countries") or the
    countries that open the clause ("Japan and South Korea agreed that the
    summit ...") take part as their governments.
    """
    text = reading.text
    around = text[max(left, trigger.start - 40) : min(right, trigger.end + 60)]
    codes = sides.sides_for_grouping(around)
    if not codes:
        codes = _counted_countries(reading, around, trigger.start)
    if not codes:
        codes = sides.subject_countries(text[layer.sentence.start : trigger.start])
    opening = _OPENING_ADVERBIAL.match(text, layer.sentence.start, trigger.start)
    if not codes and opening is not None:
        # "Following the vote, Seoul and Washington put off a session": the subject after the opening
        codes = sides.subject_countries(text[opening.end() : trigger.start])
    if not codes:
        codes = sides.adjective_countries(text[trigger.end : min(right, trigger.end + 100)])
    if not codes:
        codes = sides.counted_list_before(text[layer.sentence.start : trigger.start], trigger.text.split()[0])
    return _sides_or_their_people(reading, layer, trigger, codes, around)


# An adverbial phrase that opens a sentence before its subject: "Following the vote,", "Separately,".
_OPENING_ADVERBIAL = re.compile(
    r"\s*(?:[A-Z][a-z]+ly|(?:Following|After|Before|During|Amid|Despite|Since|Under|In|On|At|Earlier|"
    r"Later|Last|This)\b[^,;]{0,80}),\s+"
)


def _sides_or_their_people(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, codes: list[str], around: str
) -> list[Party]:
    """Countries as sides, or the people the story names who hold the occasion's office for each.

    "A trilateral summit among South Korea, China and Japan" is a meeting of
    the three leaders when the story names them all; else of the governments
    (those a planned one's own sentences name take part in person later, in
    ``clusters.name_the_sides``).
    """
    # The event noun's own words first: "the summit ... as agreed at the foreign ministers' meeting"
    own = reading.text[max(layer.sentence.start, trigger.start - 40) : trigger.end]
    office = sides.office_of_occasion(own) or sides.office_of_occasion(around)
    if codes and office is not None:
        people = [person for sentence in reading.sentences for person in sentence.persons]
        holders = sides.who_holds_for(codes, office, people, trigger.start)
        if holders is not None:
            return [Party(person, None, Role.PARTICIPANT) for person in holders]
    return _governments(trigger, codes)


def _sides_of_planned_in_sentence(reading: Reading, layer: SentenceLayer, draft: Draft) -> list[Party]:
    """The sides of a planned meeting of the sentence, for a meeting it names in passing as already held.

    "Preparations for the coming summit of A, B and C, as agreed at the
    ministers' meeting in May last year": the earlier meeting is of the same
    countries, and its own occasion (a held meeting cannot be the planned one).
    """
    anchor = reading.document.anchor
    if draft.type is not EventType.MEETING or draft.time is None or anchor is None:
        return []
    span = span_of(draft, anchor)
    if span is None or span.end is None or span.end >= anchor:
        return []
    for planned in reversed(reading.drafts):
        if planned.sentence != layer.sentence.index or planned.type is not EventType.MEETING:
            continue
        if planned.status is not Status.PLANNED:
            return []
        if planned.time is not None and (
            planned.time.start != draft.time.start or draft.time.start < draft.trigger.start
        ):
            return []  # a time of its own, or the one written after the planned meeting's noun
        codes = [p.group.country for p in planned.parties if p.group is not None and p.group.country]
        if len(codes) < 2 or len(codes) != len(planned.parties):
            return []  # only a meeting of governments lends its sides
        planned.time, planned.alt_times = None, []
        draft.status, draft.explicit_status = Status.OCCURRED, True
        return _governments(draft.trigger, codes)
    return []


def _subject_governments(reading: Reading, layer: SentenceLayer, trigger: Trigger, left: int) -> list[Party]:
    """Countries as the subject of a verbal trigger: "Japan and Korea will hold talks"."""
    subject = reading.text[max(left, layer.sentence.start) : trigger.start]
    codes = sides.subject_countries(subject) or _counted_countries(reading, subject, trigger.start)
    return _governments(trigger, codes)


def _counted_countries(reading: Reading, phrase: str, position: int) -> list[str]:
    """The countries a counted plural in ``phrase`` stands for: the last named before ``position``.

    The article's earlier countries are read only for a phrase that counts some ("the two countries").
    """
    if not sides.counts_countries(phrase):
        return []
    return sides.counted_countries(phrase, reading.countries_before(position))


def _governments(trigger: Trigger, codes: list[str]) -> list[Party]:
    """Countries taking part as their governments, their mention spanning the trigger."""
    return governments(trigger.start, trigger.end, codes)


def _visit_subject(reading: Reading, layer: SentenceLayer) -> Draft | None:
    """The visit a sentence opening "The visit ..." or "The trip ..." is about."""
    if not _VISIT_OPENING.match(layer.sentence.text):
        return None
    for draft in reversed(reading.drafts):
        if layer.sentence.index - draft.sentence > 3:
            return None
        if draft.type is EventType.VISIT:
            return draft
    return None


# A sentence opening on a trip: "The visit ...", "His trip to Seoul ...".
_VISIT_OPENING = re.compile(r"\s*(?:The|This|That|His|Her|Their)\s+(?:[\w-]+\s+)?(?:visit|trip|tour)\b")
_SPEAKER_VERB = re.compile(
    r"\s*(?:said|says|told|added|noted|stressed|expressed|welcomed|is\s+looking\s+forward)\b"
)
"""The reporting verb right after the speaker who opens a sentence ("Kirsch said ...")."""


_OPENING_ARRIVAL = re.compile(r"\s*(?:Before|After|Upon|On|Shortly\s+after|Soon\s+after)\s+$")


def _main_subject_after_opening(
    reading: Reading, layer: SentenceLayer, trigger: Trigger
) -> list[PersonMention]:
    """Who arrives in a sentence that opens with the arrival: "Before landing in Tokyo, Aldana said".

    The arrival has no subject of its own; the main clause's subject, right
    after the comma that closes the opening phrase, made it.
    """
    text = reading.text
    if not trigger.destination or not _OPENING_ARRIVAL.fullmatch(text, layer.sentence.start, trigger.start):
        return []
    comma = text.find(",", trigger.end, layer.sentence.end)
    if comma < 0:
        return []
    after = [p for p in layer.persons if p.start > comma and not p.possessive]
    if not after or cues.OBJECT_BEFORE.search(text[comma : after[0].start]) or after[0].start - comma > 40:
        return []
    return after[:1]


# What may come before a readout's subjectless verb: "Departed for", "Then departed for".
_READOUT_OPENING = re.compile(r"\s*(?:(?:Then|Later|Afterwards|Subsequently),?\s+)?")


def _readout_principal(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention]:
    """Who travels in a readout's subjectless sentence ("Departed for the next destination, Hawaii").

    An itinerary readout drops its principal's name: a sentence that opens
    with the verb, capitalised, and names no one is about the person the
    sentence before it (in the same or the previous paragraph) is about.
    """
    if not _READOUT_OPENING.fullmatch(reading.text, layer.sentence.start, trigger.start):
        return []
    if layer.persons or any(not p.possessive for p in layer.pronouns) or layer.groups:
        return []
    previous = [f for f in reading.sentences_to(layer, 2) if f is not layer]
    if not previous or previous[-1].sentence.paragraph < layer.sentence.paragraph - 1:
        return []
    principal = subject_of(reading, previous[-1])
    if principal is None:
        return []
    return [attrs.evolve(principal, start=trigger.start, end=trigger.start, cue="pronoun")]


_LEADERS_OF = re.compile(
    r"\band\s+the\s+(?:leaders|heads\s+of\s+state|foreign\s+ministers|defen[cs]e\s+ministers)\s+(?=of\b)"
)


def _unnamed_leaders(subject: str, trigger: Trigger, named: list[PersonMention]) -> list[Party]:
    """The governments of "X and the leaders of A and B", whose leaders the subject leaves unnamed."""
    match = _LEADERS_OF.search(subject)
    if match is None:
        return []
    own = {p.country for p in named}
    codes = [code for code in sides.listed_countries(subject[match.end() :]) if code not in own]
    return _governments(trigger, codes)


def _speakers_country(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, draft: Draft
) -> PlaceMention | None:
    """Where a guest's visit with no place named goes: the country of the sentence's opening speaker.

    "Kirsch said Japan looks forward to Zhou's state visit in spring": the speaker hosts the visit.
    """
    if trigger.type is not EventType.VISIT or trigger.form != "nominal" or trigger.destination:
        return None
    visitors = {p.person.country for p in draft.parties if p.person is not None}
    if (
        not visitors
        or None in visitors
        or not all(p.person is not None and p.person.possessive for p in draft.parties)
    ):
        return None
    speaker = next((p for p in layer.persons if not p.possessive and p.end <= trigger.start), None)
    if (
        speaker is None
        or speaker.country is None
        or speaker.country in visitors
        or speaker.start - layer.sentence.start > 40
        or not _SPEAKER_VERB.match(reading.text, speaker.end)
    ):
        return None
    name = lexicon.country_name(speaker.country)
    return PlaceMention(0, 0, name, speaker.country, "country", name)


def _invitees_in(reading: Reading, layer: SentenceLayer) -> list[PersonMention]:
    """The people invited in this sentence: they make the visit it names."""
    for draft in reversed(reading.drafts):
        if draft.sentence != layer.sentence.index:
            break
        if draft.type is EventType.INVITATION:
            return [p.person for p in draft.parties if p.role is Role.INVITEE and p.person is not None]
    return []


def _possessor(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention]:
    text = reading.text
    for person in reversed(layer.persons):
        if person.end <= trigger.start and person.possessive:
            mark = cues.POSSESSIVE_MARK.match(text, person.end)  # "'s", "’", or "Jr.'s"
            gap_start = mark.end() if mark is not None else person.end + 1
            if cues.POSSESSOR_GAP.match(text[gap_start : trigger.start]):
                # "A and B's talks": take the coordinated names too.
                return [person]
            break
    for pronoun in reversed(layer.pronouns):
        if pronoun.end <= trigger.start and pronoun.possessive:
            if cues.POSSESSOR_GAP.match(text[pronoun.end : trigger.start] + " "):
                return resolve_pronoun(reading, layer, pronoun)
            break
    return []


def _span(
    layer: SentenceLayer, trigger: Trigger, parties: Sequence[Party], left: int, right: int
) -> tuple[int, int]:
    starts = [trigger.start] + [
        p.person.start for p in parties if p.person is not None and left <= p.person.start < right
    ]
    ends = [trigger.end] + [
        p.person.end for p in parties if p.person is not None and left <= p.person.start < right
    ]
    ends += [g.group.end for g in parties if g.group is not None and g.group.end <= right]
    start, end = max(min(starts), layer.sentence.start), min(max(ends), layer.sentence.end)
    return start, end


def _visits_by_government(draft: Draft) -> list[Draft]:
    """One visit per government: "Along with Sandoval, Luo will arrive in Seoul" is two delegations.

    Visitors of one country (a minister and the aides who go with him) make
    one visit; visitors of different countries named one by one travel as
    their own governments, each on a visit of their own. A host who goes
    along with a visitor, and a group the text names as one ("the three
    visiting ministers"), stay one visit.
    """
    by_country: dict[str, list[Party]] = {}
    for party in draft.parties:
        if party.person is None or party.country is None:
            return [draft]  # someone of unknown country: keep the visit as the text tells it
        if party.person.cue == "pronoun":
            return [draft]  # "the three visiting ministers had flown to ...": the text makes them one party
        by_country.setdefault(party.country, []).append(party)
    destination = draft.location.country if draft.location is not None else None
    if len(by_country) < 2 or destination in by_country:
        return [draft]  # a host who goes along with the visitor: one visit of both
    return [
        attrs.evolve(
            draft, parties=parties, spans=list(draft.spans), topics=list(draft.topics), distinct=True
        )
        for parties in by_country.values()
    ]
