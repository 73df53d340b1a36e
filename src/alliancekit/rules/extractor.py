"""The rule-based extractor: the pipeline of its stages, in one function.

:func:`read_article` builds a :class:`~alliancekit.rules.document.Reading`
of the article and runs the stages over it in order; each stage is a module
with one job:

1. segment the page and read each sentence's people and triggers
   (:mod:`~alliancekit.rules.text`, :mod:`~alliancekit.rules.mentions`,
   :mod:`~alliancekit.rules.triggers`, gathered by
   :func:`~alliancekit.rules.document.read_sentences`);
2. draft an engagement per trigger with its parties attached
   (:mod:`~alliancekit.rules.attach`), each given its status
   (:mod:`~alliancekit.rules.status`), time (:mod:`~alliancekit.rules.timing`)
   and place (:mod:`~alliancekit.rules.places`) from its clause
   (:mod:`~alliancekit.rules.clauses`);
3. resolve "his Japanese counterpart" to the person it stands for
   (:mod:`~alliancekit.rules.coreference`);
4. merge the drafts of one engagement and let related ones fill each other's
   time and place (:mod:`~alliancekit.rules.clusters`), then date and place
   what is left over the whole document;
5. turn each draft into an :class:`~alliancekit.model.Event`
   (:mod:`~alliancekit.rules.emit`).
"""

from __future__ import annotations

from alliancekit.explain import Explanation
from alliancekit.extractor import ExtractionContext
from alliancekit.model import Document, Event
from alliancekit.rules.attach import draft_sentences
from alliancekit.rules.clusters import (
    add_headline_drafts,
    attend_groupings,
    fold_into_calls,
    frame_engagements,
    inherit,
    join_companions,
    join_country_sides,
    join_fellow_visitors,
    merge,
    name_the_sides,
    trips_to_called_off,
)
from alliancekit.rules.coreference import join_delegation_members, resolve_counterparts, resolve_delegations
from alliancekit.rules.document import Draft, Reading, read_sentences
from alliancekit.rules.emit import explanation, to_event
from alliancekit.rules.places import dateline_places, gathering_places, places_within_stays
from alliancekit.rules.timing import (
    borrow_times,
    bounded_before,
    count_from_earlier,
    day_of_trip,
    days_apart,
    held_later,
    hours_apart,
    same_period,
    sidelines_dates,
    speaking_days,
    stamp_checked,
    stops_of_trips,
    visit_lengths,
    years_from_paragraph,
)

__all__ = ["RulesExtractor", "read_article"]


def read_article(reading: Reading) -> list[tuple[Event, Draft]]:
    """Every event of the article with the merged draft it was made from: the whole pipeline.

    ``reading`` is a fresh :class:`~alliancekit.rules.document.Reading`; each
    stage adds its layer to it, so that :func:`~alliancekit.rules.emit.explanation`
    can read it afterwards.

    >>> import datetime as dt
    >>> from alliancekit.actors import KnowledgeBase
    >>> doc = Document("d", "Secretary of State Marco Rubio will visit Japan on Friday.", dt.date(2026, 2, 3))
    >>> read = read_article(Reading(doc, KnowledgeBase()))
    >>> [(event.type.value, event.status.value, str(event.time.start)) for event, _ in read]
    [('visit', 'planned', '2026-02-06')]
    """
    reading.document = stamp_checked(reading.document, reading.knowledge_base)  # a page's banner date
    anchor = reading.document.anchor
    reading.sentences = read_sentences(reading)  # segment; find people and triggers
    draft_sentences(reading)  # attach parties; decide each draft's status, time and place
    resolve_counterparts(reading)  # "his Japanese counterpart": the person meant
    join_delegation_members(reading)  # "a delegation that also included X": X travelled too
    resolve_delegations(reading, reading.drafts)  # "the South Korean officials": the delegation sent
    attend_groupings(reading, reading.drafts)  # "to attend the Quad meeting": its other members too
    engagements = fold_into_calls(merge(reading.drafts, anchor, reading.text))  # one per engagement
    engagements = add_headline_drafts(engagements, reading.headline_drafts, anchor)
    engagements = join_country_sides(engagements, anchor)
    frame_engagements(engagements)  # a frame that was one mention of an engagement: that engagement
    name_the_sides(reading, engagements)  # "Bae and Ro will host the Quad summit": two of its leaders
    borrow_times(reading, engagements)  # an undated engagement: the time of the sentence before
    speaking_days(reading, engagements)  # "said Wednesday ... told him during their call"
    trips_to_called_off(reading, engagements)  # a trip to a summit called off goes with it
    inherit(engagements, anchor)  # the time and place of the visit or call it belongs to
    engagements = join_companions(engagements)
    engagements = join_fellow_visitors(engagements, anchor, reading.text)  # "Ines too visited"
    years_from_paragraph(reading, engagements)
    count_from_earlier(reading, engagements)  # "two days later"
    days_apart(reading, engagements)  # "The talks came a day after X and Y met"
    visit_lengths(reading, engagements)  # "arrived on Monday for a four-day visit"
    day_of_trip(reading, engagements)  # "On the last day of the trip, ..."
    same_period(reading, engagements)  # "in France during the same period"
    sidelines_dates(reading, engagements)  # "talks on the sidelines of the summit", dated elsewhere
    held_later(reading, engagements)  # "The fourth dialogue will be held in Tokyo on Monday"
    stops_of_trips(reading, engagements)  # "a trip to Japan and Manila ... in Tokyo on Monday"
    hours_apart(reading, engagements)  # "a call with Okafor, hours after he spoke with Zhou"
    bounded_before(reading, engagements)  # "in coming weeks ... before the summit from May 19"
    gathering_places(reading, engagements)  # "on the sidelines of the G20 summit": where that is
    places_within_stays(reading, engagements)  # "On the 6th, Varga will meet ...": where the stay is
    dateline_places(reading, engagements)
    return [(event, draft) for draft in engagements if (event := to_event(reading, draft)) is not None]


class RulesExtractor:
    """The built-in rule-based extractor, registered as ``rules``.

    Pure Python: no model to download. See :mod:`alliancekit.rules` for what
    it reads and how.

    >>> import datetime as dt
    >>> from alliancekit.plugins import Plugins
    >>> plugins = Plugins.create(load_entrypoints=False)
    >>> doc = Document("d", "Foreign Minister Toshimitsu Motegi spoke by phone with Secretary of State "
    ...                "Marco Rubio on Friday.", dt.date(2026, 2, 3))
    >>> [(e.type.value, str(e.time.start)) for e in RulesExtractor().extract(doc, plugins.context())]
    [('call', '2026-01-30')]
    """

    name = "rules"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        """Find the events of one document."""
        return [event for event, _ in read_article(Reading(document, context.knowledge_base))]

    def explain(self, document: Document, context: ExtractionContext) -> list[Explanation]:
        """Find the events of one document, each with its mentions and the reason for each field."""
        reading = Reading(document, context.knowledge_base)
        return [explanation(reading, event, draft) for event, draft in read_article(reading)]
