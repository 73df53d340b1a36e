"""Status: whether an engagement occurred, is planned or was called off, from its clause's wording.

The clause's own tense decides (a subordinate clause and an aside keep
theirs); a word that calls something off cancels the engagement it speaks
of, and a later sentence that calls off a part of a trip cancels its plan.
"""

from __future__ import annotations

import functools
import re

from alliancekit.model import EventType, Status
from alliancekit.rules import clauses, cues
from alliancekit.rules.clauses import aside_around, frame_main, subordinate_start
from alliancekit.rules.coreference import names_someone
from alliancekit.rules.document import Draft, Reading, SentenceLayer, cue_matches
from alliancekit.rules.text import SectionKind
from alliancekit.rules.triggers import Trigger

__all__ = [
    "call_off_leg",
    "called_off_before",
    "overturned_after",
    "past_plan_called_off",
    "status_of",
    "time_ahead",
]


def call_off_leg(reading: Reading, layer: SentenceLayer) -> None:
    """Cancel a plan when a later sentence calls off a part of its trip.

    "X had been due to fly to Tokyo on Saturday. The Tokyo leg has been
    called off.": the flight and its talks are cancelled.

    A sentence that calls off a part of a trip ("the Tokyo leg", "that
    stop") cancels the latest planned visit of the two sentences before,
    with the planned meetings that the visit's sentence names after it.
    """
    text = layer.sentence.text
    if cues.TRIP_PART.search(text) is None or cues.RESCHEDULED.search(text):
        return
    if any(d.sentence == layer.sentence.index and not d.trigger.abroad for d in reading.drafts):
        return  # the sentence names its own engagement, and its status was read there
    for draft in reversed(reading.drafts):
        gap = layer.sentence.index - draft.sentence
        if gap > 2:
            return
        if gap == 0:
            continue  # "... so that Pellegrini could return to Washington": not the leg called off
        if draft.type is EventType.VISIT and draft.status is Status.PLANNED:
            for other in reading.drafts:
                if other is draft or (
                    other.sentence == draft.sentence
                    and other.trigger.start > draft.trigger.start
                    and (other.status is Status.PLANNED or other.counterfactual)
                    and draft.person_keys() & other.person_keys()
                ):
                    other.status, other.explicit_status = Status.CANCELLED, True
            return


def overturned_after(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> bool:
    """Whether what follows a plan told in the past perfect says it went otherwise.

    "X had been expected to stop in Tokyo. On Monday, however, the ministry said he
    would fly straight home": a contrast after the trigger in its sentence, or
    opening the next sentence of the paragraph, overturns the plan.
    """
    if _CONTRAST.search(reading.text, trigger.end, layer.sentence.end):
        return True
    following = layer.sentence.index + 1
    if following >= len(reading.sentences):
        return False
    after = reading.sentences[following].sentence
    return after.paragraph == layer.sentence.paragraph and _CONTRAST.search(after.text) is not None


def time_ahead(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` names a time still ahead: "later this year", "next month", "in May".

    >>> time_ahead("said he looked forward to traveling to Seoul later this year.", 0, 62)
    True
    """
    return _AHEAD_TIME.search(text, start, end) is not None


def past_plan_called_off(reading: Reading, layer: SentenceLayer, draft: Draft, left: int) -> bool:
    """Whether a plan told in the past ("she was scheduled to meet") follows a call-off of all of it.

    "X has postponed her trip. She was scheduled to meet Y there on Friday", "X has
    cancelled her trip to Oslo, where she was to meet Y": the meeting is off. Not
    when the sentences before still keep a plan of the same people ("will travel
    to Canberra but will not go to Fiji"): then the past plan tells the whole
    trip, of which only a part is off.
    """
    trigger = draft.trigger
    if _PAST_PLAN.search(reading.text, max(layer.sentence.start, trigger.start - 60), trigger.start) is None:
        return False
    if any(
        other.sentence == layer.sentence.index
        and other.status is Status.CANCELLED
        and other.person_keys() & draft.person_keys()
        for other in reading.drafts
    ):
        return True  # "has cancelled her trip to Berlin, where she was to meet X": what the trip was for
    if not called_off_before(reading, layer):
        return False
    return not any(
        0 < layer.sentence.index - other.sentence <= 2
        and other.status is Status.PLANNED
        and other.person_keys() & draft.person_keys()
        for other in reading.drafts
    )


def called_off_before(reading: Reading, layer: SentenceLayer, reach: int = 2) -> bool:
    """Whether one of the ``reach`` sentences before calls a plan off.

    Web news often gives each sentence a paragraph of its own, so the
    sentences before count whether they share this paragraph or not.
    """
    for previous in reading.sentences_to(layer, reach + 1):
        if previous is layer or layer.sentence.index - previous.sentence.index > reach:
            continue
        if previous.cancelled and not cues.RESCHEDULED.search(previous.sentence.text):
            return True
    return False


def status_of(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, left: int, right: int
) -> tuple[Status | None, bool]:
    """The status a trigger's clause ``left``-``right`` states, and whether its wording states it.

    ``(None, False)`` when nothing in the wording decides: the event's time
    settles it later (:func:`~alliancekit.rules.timing.settle_time`).
    """
    # A quotation the trigger is not in tells what someone said, in the speaker's tense:
    # "“I hope we can work together,” Sato told Lindqvist in Oslo on Sunday": the talk is done.
    text, base = reading.text, layer.sentence.start
    quotations = [(start, end) for start, end in layer.quotations if not start <= trigger.start < end]
    # The sentence with those quotations blanked, offsets kept from ``base``: what the cues read.
    sentence = _quotes_blanked(layer.sentence.text, base, quotations)
    # "X said he would return after Y extended an invitation": the clause's own tense.
    left = subordinate_start(
        reading.text, trigger, left, functools.partial(names_someone, reading, layer), of_any_type=True
    )
    if trigger.form == "verbal":
        left, right = aside_around(reading.text, layer.sentence, trigger, left, right)
    clause = sentence[left - base : right - base]
    before = sentence[left - base : trigger.start - base]
    after = sentence[trigger.end - base : right - base]

    def may_hold(cue: re.Pattern[str], start: int, end: int) -> bool:
        # Blanked quotations leave words side by side that the sentence does not have: then only the
        # text itself tells whether it holds the cue's phrases.
        return bool(quotations) or layer.may_hold_within(cue, start, end)

    if (
        may_hold(cues.CANCEL, left, right)
        and cues.found(cues.CANCEL, clause)
        and not _moved_to_a_day(clause)
        and _cancel_applies(text, trigger, left, right, quotations)
    ):
        return Status.CANCELLED, True
    if (
        trigger.form == "nominal"
        and may_hold(_LEAVES_BEFORE, base, trigger.start)
        and _LEAVES_BEFORE.search(sentence[: trigger.start - base])
    ):
        # "Hale to leave G7 summit before meeting with Halvorsen": leaving the gathering first, he misses it
        return Status.CANCELLED, True
    if trigger.type is EventType.VISIT and (_UNDER_WAY.search(before) or _ENDS_UNDER_WAY.match(trigger.text)):
        # "is to cut short his visit to Indonesia", "will wrap up a tour of Asia": the visit is under way
        return Status.OCCURRED, True
    main = frame_main(reading.text, layer.sentence, trigger)
    if main is not None:
        # "During the talks, the two agreed ...": the main clause's tense is the talks'.
        predicate = sentence[main - base : main - base + 120]
        future, past = cues.FUTURE.search(predicate), cues.PAST_VERB.search(predicate)
        if past is not None and (future is None or past.start() < future.start()):
            return Status.OCCURRED, True
        if future is not None:
            return Status.PLANNED, True
    if trigger.form == "nominal" and len(layer.triggers) == 1:
        # "Varga's trip to Washington, which had been planned for April, will not take place": the
        # sentence's one engagement is the subject its predicate calls off.
        rest = sentence[trigger.end - base :]
        if cues.CALLED_OFF_PREDICATE.search(rest) and not _moved_to_a_day(rest):
            return Status.CANCELLED, True
    if (
        trigger.form == "nominal"
        and may_hold(cues.PRESUPPOSED, left, trigger.start)
        and cue_matches(cues.PRESUPPOSED, before)
    ):
        return None, False  # "follow-up measures to the summit in January": its own time decides
    infinitive_end = trigger.start + (3 if trigger.text.lower().startswith("to ") else 0)
    relative = (
        cues.RELATIVE_INFINITIVE.search(text, max(layer.sentence.start, trigger.start - 80), infinitive_end)
        if trigger.form == "verbal"
        else None
    )
    if relative is not None:
        # "was among the leaders to phone him", "the first president to visit": the tense of "was";
        # "is the first secretary to visit China": the news present of the trip under way.
        tense = re.search(r"\b(?:was|were|had\s+been|became)\b", before)
        ranked_now = relative.group().startswith("the") and _PRESENT_RANK.search(
            text, max(layer.sentence.start, relative.start() - 20), relative.start()
        )
        if tense is not None or ranked_now:
            return Status.OCCURRED, True
    if trigger.form == "nominal" and cues.DURING.search(before):
        # "revealed plans for a summit during a video call on Monday": the governing verb's tense;
        # "arrangements are made for Wen to meet Okafor during their stay": the infinitive's, still ahead.
        future, past = cues.FUTURE.search(before), cues.PAST_VERB.search(before)
        infinitives = list(_INFINITIVE.finditer(before))
        if infinitives and (past is None or infinitives[-1].start() > past.start()):
            return Status.PLANNED, True
        if past is not None and (future is None or past.start() < future.start()):
            return Status.OCCURRED, True
    if (
        trigger.form == "verbal"
        and layer.may_hold(_CHOSE_TO)
        and _CHOSE_TO.search(text, max(layer.sentence.start, infinitive_end - 40), infinitive_end)
        and not cues.found(cues.FUTURE, before)
        and not _AHEAD_TIME.search(text, left, right)
    ):
        return Status.OCCURRED, True  # "X chose to visit Seoul first": the choice carried out, a trip made
    if (
        trigger.form == "verbal"
        and trigger.type is EventType.MEETING
        and layer.may_hold(_TRAVELLED_TO_DO)
        and _TRAVELLED_TO_DO.search(text, max(layer.sentence.start, infinitive_end - 80), infinitive_end)
        and not cues.found(cues.FUTURE, before)
        and not _AHEAD_TIME.search(text, left, right)
    ):
        # "Okafor flew to New York to see Hale": a trip made for a meeting; its time may still say otherwise
        return Status.OCCURRED, False
    if trigger.form == "verbal" and (
        text[max(0, trigger.start - 3) : trigger.start].lower() == "to "
        or _SPLIT_INFINITIVE.search(text, max(0, trigger.start - 24), trigger.start)
        or _PLANNED_VERB.search(trigger.text)
    ):
        return Status.PLANNED, True
    may_be_future = may_hold(cues.FUTURE, left, trigger.start)
    if trigger.type is EventType.INVITATION:
        planned = may_be_future and cues.found(cues.FUTURE, before)
        return (Status.PLANNED, True) if planned else (Status.OCCURRED, True)
    dropped = 0
    if "what" in before.lower():
        before, dropped = cues.PREDICATIVE.subn(" ", before)
    if "," in before:
        # "Nakaya, who will accompany him, spoke with": past
        before, asides = clauses.CLOSED_ASIDE.subn(",", before)
        dropped += asides
    # What is dropped may bring together words that the sentence keeps apart: then only ``before`` tells.
    may_be_future = may_be_future or dropped > 0
    if (may_be_future and cues.found(cues.FUTURE, before)) or (
        may_hold(cues.FUTURE_AFTER, trigger.end, right) and cues.found(cues.FUTURE_AFTER, after)
    ):
        return Status.PLANNED, True
    if trigger.form == "nominal" and _AIMED_AT.search(before):
        return Status.PLANNED, True  # "agreed to arrange a visit", "plans to hold talks"
    if trigger.form == "nominal" and _PRESENT_BEFORE.search(before):
        return Status.PLANNED, True  # "the visit comes days before the summit with X": still ahead
    if trigger.form == "nominal" and _ITINERARY.search(before):
        return Status.PLANNED, True  # "his week-long tour includes visits to Beijing": stops still ahead
    if trigger.form == "nominal" and cues.found(cues.WISH, before):
        return Status.PLANNED, True  # "looking forward to President Zhou's state visit": still to come
    local = before.rsplit(",", 1)[-1]
    if (
        trigger.form == "nominal"
        and cues.PAST_VERB.search(local)
        and not (may_be_future and cues.found(cues.FUTURE, local))
    ):
        return Status.OCCURRED, True
    stated = (
        _own_predicate(layer, sentence, trigger, blanked=bool(quotations))
        if trigger.form == "nominal"
        else None
    )
    if stated is not None:
        # "Brandt's visit to Lima, his first in office, began on Sunday" / "is set to begin on Sunday"
        return stated, True
    if trigger.form == "nominal" and cues.UNDER_WAY_AFTER.match(sentence, trigger.end - base):
        return Status.OCCURRED, True  # "the talks between the two are still under way": begun
    if trigger.form == "nominal" and _ANNOUNCED.match(sentence, trigger.end - base):
        return None, False  # "Wen's visit was announced on Monday": the announcement's tense, not the visit's
    if trigger.form == "nominal" and _YET_TO_BE.match(sentence, trigger.end - base):
        return Status.PLANNED, True  # "the meeting between the two has yet to be scheduled"
    if trigger.form == "nominal" and _MODAL_PREDICATE.match(after):
        return Status.PLANNED, True  # "a venue for their first meeting could be the summit": its subject's
    if (
        trigger.form == "nominal"
        and (
            cue_matches(cues.FUTURE, cues.PREDICATIVE.sub(" ", sentence))
            if quotations
            else layer.future_outside_predicates
        )
        and not cues.PAST_VERB.search(clause)
    ):
        return Status.PLANNED, False
    if trigger.form == "verbal":
        first = trigger.text.split()[0].lower()
        preceding = text[max(layer.sentence.start, trigger.start - 60) : trigger.start]
        if first.endswith("ing") and (
            cues.REPORTED_AFTER.search(preceding) or cues.SOME_TIME_AFTER.search(preceding)
        ):
            return Status.OCCURRED, True  # "X said after meeting Y", ", days after hosting her": done
        comma = text.find(",", trigger.end, layer.sentence.end)
        if (
            first.endswith("ing")
            and comma > 0
            and _OPENING_ADJUNCT.fullmatch(text, layer.sentence.start, trigger.start)
        ):
            # "Before landing in Tokyo, Aldana warned ...": the main clause's tense is the arrival's.
            predicate = text[comma : min(layer.sentence.end, comma + 120)]
            future, past = cues.FUTURE.search(predicate), cues.PAST_VERB.search(predicate)
            if past is not None and (future is None or past.start() < future.start()):
                return Status.OCCURRED, True
            if future is not None:
                return Status.PLANNED, True
        if (
            first not in cues.PAST_FORMS
            and cues.PRESENT_TENSE.fullmatch(first)
            and _AHEAD_TIME.search(text, left, right)
        ):
            return Status.PLANNED, True  # "Halvorsen heads to Oslo next week": the news present of a plan
        if (
            first not in cues.PAST_FORMS
            and not first.endswith("ed")
            and (cues.found(cues.FUTURE, sentence) if quotations else layer.future)
        ):
            # "... later this month, when Delgado and Mireles travel to Manila"
            return Status.PLANNED, True
        if (
            first not in cues.PAST_FORMS
            and cues.BASE_FORM.fullmatch(first)
            and layer.sentence.section is SectionKind.BODY
            and _plural_subject(reading, layer, left, trigger)
        ):
            # "Halvorsen and Nakaya fly to Washington on Monday": the news present of a schedule
            return Status.PLANNED, True
        if first.endswith("ing") and _ABSOLUTE_WITH.search(preceding):
            # "agreed to resume talks, with Minister X making his first visit starting on Sunday": the
            # participle has no tense of its own; its time tells whether the trip is done or ahead
            return Status.OCCURRED, False
        return Status.OCCURRED, True
    if may_hold(cues.PAST, left, right) and cues.found(cues.PAST, clause):
        return Status.OCCURRED, False
    return None, False


# An -ing phrase opening the sentence: "Before landing in Tokyo, ...", "Upon arriving in Seoul, ...".
_OPENING_ADJUNCT = re.compile(r"\s*(?:Before|After|Upon|On|Shortly\s+after|Soon\s+after)\s+$")
# A visit someone shortens or lengthens is under way: "cut short his visit", "extended her stay".
_UNDER_WAY = re.compile(
    r"\b(?:cut(?:s|ting)?\s+short|curtail(?:s|ed|ing)?|shorten(?:s|ed|ing)?|extend(?:s|ed|ing)?|"
    r"prolong(?:s|ed|ing)?)\s+(?:his|her|their|its|the|[A-Z][\w.’'-]*['’]s?)\s+(?:[\w-]+\s+){0,3}$"
)
# A trip that someone will end is under way ("will wrap up his trip"); one they will begin is not.
_ENDS_UNDER_WAY = re.compile(
    r"(?:wrap(?:s|ped|ping)?\s+up|conclud(?:e|es|ed|ing)|end(?:s|ed|ing)?|complet(?:e|es|ed|ing)|"
    r"cut(?:s|ting)?\s+short)\s",
    re.IGNORECASE,
)
# A trip's itinerary in the present: "the tour includes visits to Beijing and Auckland".
_ITINERARY = re.compile(r"\b(?:includes|include|takes\s+in)\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}$")
# What an engagement noun is the aim of: "agreed to arrange a", "in preparation for the" (but "invited
# him to the United States in their call" is a place, not an aim).
_AIMED_AT = re.compile(
    r"\b(?:to\s+(?!(?:the|a|an|his|her|their|its|this|that|these|those)\b)[a-z]+|toward|towards|ahead\s+of|"
    r"in\s+preparation\s+for|prepare\s+for|preparations\s+for)\s+(?:[\w-]+\s+){0,5}$"
)
# An infinitive with its own subject, which tells a plan: "arrangements are made for Wen to also meet".
_INFINITIVE = re.compile(r"\bfor\s+(?:[\w.’'-]+\s+){1,4}?to\s+(?:also\s+|then\s+|later\s+)?[a-z]+\b")
# A plan not yet fixed, right after an engagement: "the meeting has yet to be scheduled".
_YET_TO_BE = re.compile(
    r"[^,;.]{0,100}?\b(?:has|have|is|are)\s+yet\s+to\s+be\s+"
    r"(?:scheduled|set|fixed|held|arranged|confirmed|finali[sz]ed|announced)\b"
)
# The past predicate of an engagement noun that is its subject, past a phrase and an aside: "the visit
# to Lima, his first in office, began on Sunday", "the talks between the two ended on Tuesday".
_OBJECT = r"\s+[^,;.]{1,60}?"  # "between Brandt and Mireles", after a trigger that ends on its preposition
_PHRASE = r"(?:\s+(?:to|in|of|by|with|between)\s+[^,;.]{1,60}?)?"  # "to Lima", after a bare noun
_ASIDE = r"(?:\s*,[^,;]{1,80},)?\s+"  # ", his first since taking office,"
_BEGAN_OR_ENDED = (
    r"(?:began|started|ended|concluded|opened|closed|took\s+place|(?:was|were)\s+held|wrapped\s+up|"
    r"went\s+ahead|got\s+under\s*way)\b"
)
# Its predicate of a plan: "... will begin on Sunday", "... is scheduled to open", "... begin on Tuesday"
# (but "opens a new chapter" is no schedule).
_WILL_BEGIN = (
    r"(?:will|(?:is|are)\s+(?:set|scheduled|expected|due|slated|to)\b|(?:begins?|starts?|opens?|kicks?\s+off)"
    r"\s+(?:on|in|at|from|next|this|today|tomorrow|later|early)\b)"
)
_PREDICATES = {
    ending_on_preposition: (
        (
            re.compile((_OBJECT if ending_on_preposition else _PHRASE) + _ASIDE + _BEGAN_OR_ENDED),
            Status.OCCURRED,
        ),
        (re.compile((_OBJECT if ending_on_preposition else _PHRASE) + _ASIDE + _WILL_BEGIN), Status.PLANNED),
    )
    for ending_on_preposition in (False, True)
}
_ENDS_ON_PREPOSITION = re.compile(r"\s(?:to|in|of|by|with|between|among)$", re.IGNORECASE)
# A passive of telling, or a judgement, right after an engagement: "the visit was announced", "the
# trip was unexpected": the tense is the telling's, not the engagement's.
_ANNOUNCED = re.compile(
    r"(?:\s+(?:to|in|of|by|with)\s+[^,;]{1,40}?)?"
    r"\s*(?:,[^,]{0,60},\s*)?(?:was|were|has\s+been|have\s+been)\s+(?:also\s+|first\s+|officially\s+)?"
    r"(?:announced|confirmed|disclosed|revealed|unveiled|reported|made\s+public|"
    r"unexpected|surprising|a\s+surprise|sudden|symbolic|significant)\b"
)
# A plan told in the past right before its trigger: "was scheduled to", "were also due to".
_PAST_PLAN = re.compile(
    r"\b(?:was|were)\s+(?:also\s+|originally\s+|initially\s+)?(?:(?:scheduled|due|expected|set|slated|"
    r"supposed|planning|poised)\s+)?to\s+(?:also\s+)?$",
    re.IGNORECASE,
)
# A contrast that tells a plan went otherwise: "however", "instead", ", but".
_CONTRAST = re.compile(r"\b(?:however|instead)\b|,\s+but\b|^\s*But\b", re.IGNORECASE)
# A time still ahead whichever way it is read: "next week", "tomorrow", "later this month".
_AHEAD_TIME = re.compile(
    r"\b(?:next\s+(?:week|month|year|weekend|[A-Z][a-z]+day)|tomorrow|later\s+(?:this|in\s+the)\s+"
    r"(?:week|month|year)|(?:this|the)\s+coming\s+\w+|in\s+the\s+coming\s+(?:days|weeks|months))\b",
    re.IGNORECASE,
)
# A present "before" that places the engagement after another: "this trip comes two days before".
_PRESENT_BEFORE = re.compile(
    r"\b(?:comes?|is|are)\s+(?:just\s+|only\s+|(?:a|one|two|three|four|five|several|\d+)\s+"
    r"(?:days?|weeks?|months?)\s+)?before\s+(?:[\w’'-]+\s+){0,5}$"
)
# A modal or prospective predicate of the phrase the engagement is in: "a venue for their meeting
# could be Ottawa", "a four-way session is in the works", "a meeting was possible".
_MODAL_PREDICATE = re.compile(
    r"[^,;.]{0,60}?\b(?:(?:will|would|could|may|might|can)\s+(?:also\s+|now\s+|still\s+)?"
    r"(?:be|take|come|happen)|(?:is|are|was|were)\s+(?:still\s+|now\s+)?(?:possible|likely|tentative|"
    r"in\s+the\s+works|under\s+consideration|being\s+(?:arranged|planned|prepared|discussed)))\b"
)
# The news present of a rank just before it: "is the first", "has become the only".
_PRESENT_RANK = re.compile(r"\b(?:is|are|has\s+become|have\s+become)\s+$")
# "with" and a name right before a participle: "with Foreign Minister Wang Yi making his visit".
_ABSOLUTE_WITH = re.compile(r"\bwith\s+[^,;]{0,50}?[A-Z][\w.’'-]*\s+$")
# A trip made, then what it was for: "flew to New York to see", "travelled to Seoul last week to meet".
_TRAVELLED_TO_DO = re.compile(
    r"\b(?:flew|travell?ed|went|headed)\s+(?:back\s+)?to\s+[^,;.]{1,50}?\s+to\s+(?:also\s+|personally\s+)?$",
    re.IGNORECASE,
)
# Leaving a gathering before an engagement to be held there: "will make a swift exit from the G7
# Summit before his scheduled meeting with", "to leave the summit early before".
_LEAVES_BEFORE = re.compile(
    r"\b(?:leave|leaves|leaving|left|exit|exits|exiting|exited|depart|departs|departing|departed)\s+"
    r"(?:from\s+)?(?:the\s+)?[\w’'-]*\s*(?:summit|conference|forum|meeting|gathering)s?\b"
    r"[^,;.]{0,20}\s+before\s+(?:his|her|their|the|a)?\s*(?:scheduled\s+|planned\s+)?$",
    re.IGNORECASE,
)
# A past choice carried out, right before an engagement's infinitive: "chose to visit", "opted to fly".
# Not "has chosen to" / "had opted to": an announced plan, perhaps still ahead.
_CHOSE_TO = re.compile(
    r"(?<!\bhas\s)(?<!\bhad\s)(?<!\bhave\s)\b(?:chose|opted|managed|went\s+on)\s+to\s+"
    r"(?:also\s+|then\s+|first\s+|personally\s+)?$",
    re.IGNORECASE,
)
# A trigger worded as an infinitive or after a modal: "to meet", "will visit", "could travel".
_PLANNED_VERB = re.compile(r"\b(?:to|will|would|may|might|could)\s+\w+$")
# "for Luo to also meet Sandoval", "to then travel to Seoul": an infinitive with an adverb inside it.
_SPLIT_INFINITIVE = re.compile(
    r"\bto\s+(?:also|then|later|further|personally|separately|[a-z]{3,}ly)\s+$", re.IGNORECASE
)


def _plural_subject(reading: Reading, layer: SentenceLayer, left: int, trigger: Trigger) -> bool:
    """Whether the verb's subject, right before it, is several people ("Halvorsen and Nakaya fly")."""
    before = reading.text[left : trigger.start]
    if re.search(r"\b(?:[Tt]hey|both|[Tt]he\s+(?:two|three|four)\s+\w+)\s+(?:also\s+)?$", before):
        return True
    named = [p for p in layer.persons if left <= p.start and p.end <= trigger.start and not p.possessive]
    return (
        len(named) >= 2
        and re.search(r"\band\s", reading.text[named[-2].end : named[-1].start]) is not None
        and re.fullmatch(r"[\s,]*(?:also\s+)?", reading.text[named[-1].end : trigger.start]) is not None
    )


def _own_predicate(layer: SentenceLayer, sentence: str, trigger: Trigger, *, blanked: bool) -> Status | None:
    """The status the predicate of an engagement noun that is its subject states, if it states one.

    "Brandt's visit to Lima, his first in office, began on Sunday": occurred;
    "the talks between Brandt and Mireles, which will last an hour, begin on
    Tuesday": planned. ``sentence`` is the layer's sentence, with its
    quotations blanked when ``blanked``.
    """
    position, end = trigger.end - layer.sentence.start, layer.sentence.end
    for pattern, status in _PREDICATES[_ENDS_ON_PREPOSITION.search(trigger.text) is not None]:
        # The predicates try many ways to reach their verbs: first, whether the sentence has them (the
        # blanked words of a quotation may stand side by side where the sentence has none).
        if (blanked or layer.may_hold_within(pattern, trigger.end, end)) and pattern.match(
            sentence, position
        ):
            return status
    return None


def _moved_to_a_day(clause: str) -> bool:
    """Whether a clause moves an engagement to a new day, which keeps it planned.

    "postponed it to March 3": one engagement, on the new date. "postponed to
    later this year", "put off until next year": the slot it had is called off.
    """
    return any(_A_DAY.match(clause, moved.end()) for moved in cues.RESCHEDULED.finditer(clause))


def _quotes_blanked(text: str, base: int, quotations: list[tuple[int, int]]) -> str:
    """``text``, which starts at document offset ``base``, with the quotations blanked, its length kept."""
    if not quotations:
        return text
    pieces, position = [], 0
    for start, end in quotations:
        pieces += [text[position : start - base], " " * (end - start)]
        position = end - base
    pieces.append(text[position:])
    return "".join(pieces)


def _cancel_applies(
    text: str, trigger: Trigger, left: int, right: int, quotations: list[tuple[int, int]]
) -> bool:
    """Whether a word that calls something off in the clause speaks of this trigger.

    Not when a subordinate clause stands between them: in "the meeting
    was cancelled after Vohra flew to Kuala Lumpur", the flight happened;
    nor when the trigger is the cause of the call-off ("postponed due to
    the summit"); nor when an active call-off after the trigger takes an
    engagement of its own as object ("spoke by video, cancelling their
    meeting"): the call took place.
    """
    for match in cues.CANCEL.finditer(text, left, right):
        if any(start <= match.start() < end for start, end in quotations):
            continue  # "spoke to X “to express regret at having to postpone the talks”": what was said
        if match.end() <= trigger.start and (
            clauses.SUBORDINATOR.search(text, match.end(), trigger.start)
            or _CAUSE.search(text, match.end(), trigger.start)
            or _NEW_PREDICATE.search(text, match.end(), trigger.start)
        ):
            continue  # "called off her trip and will instead meet X in Paris": the meeting is the new plan
        if match.start() >= trigger.end and cues.TOPIC_OF_TALK.search(text, trigger.end, match.start()):
            continue  # "spoke with X about the cancellation of his trip": the call took place
        if match.start() >= trigger.end and clauses.SUBORDINATOR.search(text, trigger.end, match.start()):
            continue  # "met X on Monday after an earlier meeting was called off": another engagement
        if (
            match.end() <= trigger.start
            and _ATTRIBUTIVE_GAP.fullmatch(text, match.end(), trigger.start)
            and _DETERMINER_END.search(text, max(left, match.start() - 12), match.start())
            and cues.found(cues.FUTURE, text[trigger.end : right])
        ):
            continue  # "the postponed summit will now take place on June 20": given a new date
        if (
            match.start() >= trigger.end
            and _ACTIVE_CALL_OFF.fullmatch(match.group())
            and _ENGAGEMENT_OBJECT.match(text, match.end(), right)
        ):
            continue
        return True
    return False


# A day right after "moved to": "March 3", "3 March", "Friday", "the 20th", "Dec. 4-5".
_A_DAY = re.compile(
    r"\s+(?:on\s+)?(?:the\s+)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b"
    r"|\d{1,2}(?:st|nd|rd|th)?\b|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b)"
)
# A cause between a call-off and the trigger: "postponed, possibly due to the summit".
_CAUSE = re.compile(r"\b(?:due\s+to|owing\s+to|because\s+of|in\s+view\s+of|in\s+light\s+of)\b", re.IGNORECASE)
# A conjunct or purpose clause with a predicate of its own: "and will instead", "so he can travel".
_NEW_PREDICATE = re.compile(
    r"\b(?:and|but)\s+(?:(?:will|would|is|are|was|were|has|have|had|plans?|planned|instead)\b|[a-z]+ed\b)"
    r"|\binstead\b"
    r"|\bso\s+(?:that\s+)?[\w’'-]+\s+(?:can|could|will|would|may|might)\b",  # "... so he can travel"
    re.IGNORECASE,
)
# Between an attributive call-off and its noun: "the postponed summit", "the delayed 2+2 talks".
_ATTRIBUTIVE_GAP = re.compile(r"\s+(?:[\w+-]+\s+){0,2}")
_DETERMINER_END = re.compile(r"\b(?:the|a|an|its|his|her|their)\s+$", re.IGNORECASE)
# A call-off verb in the active voice, which takes what it calls off as its object.
_ACTIVE_CALL_OFF = re.compile(r"(?:cancel|postpon|scrap|shelv|call|put)\w*(?:\s+off)?", re.IGNORECASE)
# The object of an active call-off: "their previously planned meeting", "the talks".
_ENGAGEMENT_OBJECT = re.compile(
    r"\s+(?:the|their|his|her|its|a|an)\s+(?:[\w‘’'-]+\s+){0,4}?"
    r"(?:meeting|meetings|talks|summit|visit|trip|call|dialogue|session|conference|tour)\b",
    re.IGNORECASE,
)
