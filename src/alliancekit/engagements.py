"""Engagements: the reports of one real engagement, merged across documents.

Several outlets report the same meeting; one article announces a visit and a
later one reports that it took place. An :class:`Engagement` gathers the
events (each a :class:`Report` from one document) that describe the same
engagement with the same status, keeping every source and every evidence
span; a planned engagement is *linked* to the engagement that reports its
outcome.

The rules
---------

Two reports are **the same engagement** when all of these hold:

1. **Same type** (meeting, visit, call, invitation) and **same status**
   (planned, occurred, cancelled). A planned visit and the report that it
   happened are two engagements, joined by a link (below).
2. **Same participants.** Each participant has a key: its knowledge-base id
   (``kb_id``) when known, else its kind and the order-free token set of its
   name (:func:`alliancekit.actors.name_key`), so "Motegi Toshimitsu" and
   "Toshimitsu Motegi" agree. When a report names people, only the people
   count; otherwise its countries and organizations do. The two reports must
   have the *same set* of keys; roles do not matter ("A visited B" and "B
   hosted A" agree). A report without participants is never merged.
3. **Close in time.** Both time spans are resolved, and they overlap or the
   gap between them is at most :attr:`MergeRules.tolerance_days` days (1 by
   default: outlets in different time zones date the same talks a day
   apart). Reports join an engagement one by one in date order, and an
   engagement's span grows to cover its reports. A *vague* span, longer than
   :attr:`MergeRules.max_span_days` ("later this year"), merges only with a
   report of exactly the same span. A report whose time is unresolved is
   never merged.
4. **Compatible places.** When both name the country of their location, it
   is the same country. A report without a location fits anywhere.

A **planned engagement is linked to its outcome**, an occurred (or, failing
that, a cancelled) engagement with the same type and participants and a
compatible place, whose first day lies inside the planned span widened by
:attr:`MergeRules.link_tolerance_days` (3 by default) on each side. A visit
announced on Tuesday for Thursday and reported done on Friday is linked.
Of several candidates the occurred one nearest the planned start wins.

Merging is deterministic and does not depend on the order reports arrive in:
the same reports always give the same engagements, with the same ids.

>>> import datetime as dt
>>> from alliancekit.model import Actor, Event, Evidence, Participant, TimeSpan
>>> def report(doc, status, day):
...     people = [Participant(Actor("Marco Rubio")), Participant(Actor("Toshimitsu Motegi"))]
...     event = Event("meeting", status, people, time=TimeSpan.day(dt.date(2026, 3, day)),
...                   evidence=[Evidence(0, 4, "text")], document_id=doc, extractor="rules")
...     return Report(event)
>>> merged = merge_reports([report("kyodo", "occurred", 2), report("ap", "occurred", 3),
...                         report("nhk", "planned", 2)])
>>> [(e.status.value, len(e.reports)) for e in merged]
[('planned', 1), ('occurred', 2)]
>>> merged[0].outcome_id == merged[1].id
True
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from alliancekit.actors import fold, name_key
from alliancekit.model import (
    Actor,
    ActorKind,
    Event,
    EventType,
    Evidence,
    Location,
    Participant,
    Status,
    TimeSpan,
)
from alliancekit.serialize import converter, dumps_event, unstructure_event

__all__ = [
    "Engagement",
    "MergeRules",
    "Report",
    "ReportKey",
    "actor_key",
    "block_key",
    "cluster",
    "engagement_id",
    "engagement_order",
    "event_fingerprint",
    "fingerprint_line",
    "link_outcomes",
    "merge_reports",
    "participants_key",
]


@attrs.frozen
class MergeRules:
    """The tolerances of the "same engagement" rules (see the module docstring).

    :param tolerance_days: largest gap, in days, between two reports' spans
        for them to be merged.
    :param link_tolerance_days: days by which a planned span is widened on
        each side when looking for its outcome.
    :param max_span_days: spans longer than this are vague: they merge only
        with identical spans.

    >>> MergeRules().tolerance_days
    1
    """

    tolerance_days: int = attrs.field(default=1, validator=attrs.validators.ge(0))
    link_tolerance_days: int = attrs.field(default=3, validator=attrs.validators.ge(0))
    max_span_days: int = attrs.field(default=62, validator=attrs.validators.ge(1))


def actor_key(actor: Actor) -> str:
    """The key an actor is matched by across documents.

    The knowledge-base id when known, else the kind and the sorted tokens of
    the name.

    >>> actor_key(Actor("Motegi Toshimitsu")) == actor_key(Actor("Toshimitsu Motegi"))
    True
    >>> actor_key(Actor("Japan", kind="country", country="JPN"))
    'country:JPN'
    """
    if actor.kb_id:
        return actor.kb_id
    if actor.kind is ActorKind.COUNTRY and actor.country:
        return f"country:{actor.country}"
    tokens = sorted(name_key(actor.name)) or [fold(actor.name)]
    return f"{actor.kind.value}:{' '.join(tokens)}"


def participants_key(event: Event) -> str:
    """The sorted keys of an event's people, or of all its actors when it names none.

    Empty when the event has no participants.

    >>> people = [Participant(Actor("Bo Kim")), Participant(Actor("Ann Lee"))]
    >>> participants_key(Event("call", "occurred", people))
    'person:ann lee|person:bo kim'
    """
    persons = [p.actor for p in event.participants if p.actor.kind is ActorKind.PERSON]
    actors = persons or [p.actor for p in event.participants]
    return "|".join(sorted({actor_key(actor) for actor in actors}))


def event_fingerprint(event: Event) -> str:
    """A stable identifier of an event: a hash of its serialized form.

    The same event read from the same document always has the same
    fingerprint; the document id is part of it.

    >>> len(event_fingerprint(Event("visit", "planned", document_id="d1")))
    24
    """
    return fingerprint_line(dumps_event(event))


def fingerprint_line(line: str) -> str:
    """The fingerprint of an event given as its :func:`~alliancekit.serialize.dumps_event` line.

    >>> event = Event("call", "occurred")
    >>> fingerprint_line(dumps_event(event)) == event_fingerprint(event)
    True
    """
    return hashlib.sha256(line.encode("utf-8")).hexdigest()[:24]


def block_key(event: Event, fingerprint: str | None = None) -> str:
    """The type and participants two events must share to be merged.

    An event without participants gets a block of its own.

    >>> block_key(Event("call", "occurred", [Participant(Actor("Ann Lee"))]))
    'call|person:ann lee'
    """
    key = participants_key(event)
    if not key:
        return f"{event.type.value}|#{fingerprint or event_fingerprint(event)}"
    return f"{event.type.value}|{key}"


@attrs.frozen
class ReportKey:
    """What the merging rules look at in one report: enough to cluster without parsing it.

    >>> ReportKey("f1", "call|x", Status.OCCURRED, None, None, None).resolved
    False
    """

    fingerprint: str
    block: str
    status: Status = attrs.field(converter=Status)
    start: dt.date | None
    end: dt.date | None
    country: str | None

    @property
    def resolved(self) -> bool:
        """Whether the report's time span holds real dates."""
        return self.start is not None and self.end is not None

    @classmethod
    def of(cls, event: Event, fingerprint: str | None = None) -> ReportKey:
        """The key of an event.

        >>> ReportKey.of(Event("call", "occurred")).status
        <Status.OCCURRED: 'occurred'>
        """
        fingerprint = fingerprint or event_fingerprint(event)
        time = event.time
        return cls(
            fingerprint,
            block_key(event, fingerprint),
            event.status,
            time.start if time is not None else None,
            time.end if time is not None else None,
            event.location.country if event.location is not None else None,
        )


@attrs.define
class _Cluster:
    members: list[ReportKey]
    start: dt.date | None
    end: dt.date | None
    country: str | None
    vague: bool

    def accepts(self, key: ReportKey, vague: bool, rules: MergeRules) -> bool:
        if self.start is None or self.end is None or key.start is None or key.end is None:
            return False
        if key.country is not None and self.country is not None and key.country != self.country:
            return False
        if vague or self.vague:
            return vague and self.vague and (key.start, key.end) == (self.start, self.end)
        gap = (max(key.start, self.start) - min(key.end, self.end)).days
        return gap <= rules.tolerance_days

    def add(self, key: ReportKey) -> None:
        self.members.append(key)
        if self.start is None or self.end is None or key.start is None or key.end is None:
            raise ValueError("only reports with resolved time spans join a cluster")
        self.start, self.end = min(self.start, key.start), max(self.end, key.end)
        self.country = self.country or key.country


def _order(key: ReportKey) -> tuple[bool, dt.date, dt.date, str]:
    """Resolved reports first, by date, then by fingerprint: an order independent of arrival."""
    return (not key.resolved, key.start or dt.date.min, key.end or dt.date.min, key.fingerprint)


def _is_vague(key: ReportKey, rules: MergeRules) -> bool:
    return (
        key.start is not None and key.end is not None and (key.end - key.start).days + 1 > rules.max_span_days
    )


def cluster(keys: Iterable[ReportKey], rules: MergeRules | None = None) -> list[list[ReportKey]]:
    """Group report keys into engagements by the rules of this module.

    Clusters come in date order; members in date order, then by fingerprint.

    >>> day = dt.date(2026, 3, 2)
    >>> keys = [ReportKey(f"f{n}", "call|x", "occurred", day + dt.timedelta(n), day + dt.timedelta(n), None)
    ...         for n in (0, 1, 5)]
    >>> [[k.fingerprint for k in group] for group in cluster(keys)]
    [['f0', 'f1'], ['f5']]
    """
    rules = rules or MergeRules()
    tolerance = dt.timedelta(days=rules.tolerance_days)
    clusters: list[_Cluster] = []
    # The clusters a later report may still join, in the order they were made (the first that
    # accepts wins). Reports come by start date, so a cluster ending more than the tolerance
    # before a report's start can join none after it either, and is let go: the work stays
    # linear in the reports. A vague cluster only takes reports of its very span.
    open_by_group: dict[tuple[str, Status], list[_Cluster]] = defaultdict(list)
    vague_by_span: dict[tuple[str, Status, dt.date, dt.date], list[_Cluster]] = defaultdict(list)
    for key in sorted(keys, key=_order):
        if key.start is None or key.end is None:  # an unresolved report joins nothing
            clusters.append(_Cluster([key], key.start, key.end, key.country, False))
            continue
        vague = _is_vague(key, rules)
        if vague:
            candidates = vague_by_span[(key.block, key.status, key.start, key.end)]
        else:
            candidates = open_by_group[(key.block, key.status)]
            earliest_end = key.start - tolerance
            if candidates and min(group.end or key.start for group in candidates) < earliest_end:
                candidates[:] = [group for group in candidates if (group.end or key.start) >= earliest_end]
        chosen = next((group for group in candidates if group.accepts(key, vague, rules)), None)
        if chosen is None:
            chosen = _Cluster([key], key.start, key.end, key.country, vague)
            clusters.append(chosen)
            candidates.append(chosen)
        else:
            chosen.add(key)
    return [group.members for group in clusters]


def _cluster_id(members: Sequence[ReportKey]) -> str:
    return "e" + min(key.fingerprint for key in members)[:16]


def link_outcomes(clusters: Sequence[Sequence[ReportKey]], rules: MergeRules | None = None) -> dict[str, str]:
    """Link each planned engagement to the engagement reporting its outcome.

    :returns: planned engagement id -> outcome engagement id.

    The outcomes of each block are indexed by first day and country, so a
    plan finds its outcome in logarithmic time, however many engagements
    its participants have.

    >>> planned = ReportKey("p", "visit|x", "planned", dt.date(2026, 1, 15), dt.date(2026, 1, 17), "USA")
    >>> done = ReportKey("d", "visit|x", "occurred", dt.date(2026, 1, 15), dt.date(2026, 1, 15), "USA")
    >>> link_outcomes([[planned], [done]])
    {'ep': 'ed'}
    """
    rules = rules or MergeRules()
    widen = dt.timedelta(days=rules.link_tolerance_days)
    # (block, occurred?) -> country (None: any, "*": all of them) -> [(first day, id)], sorted
    outcomes: dict[tuple[str, bool], dict[str | None, list[tuple[dt.date, str]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for members in clusters:
        if members[0].status is Status.PLANNED:
            continue
        o_start, _, o_country = _span(members)
        if o_start is None:
            continue
        by_country = outcomes[(members[0].block, members[0].status is Status.OCCURRED)]
        entry = (o_start, _cluster_id(members))
        by_country[o_country].append(entry)
        by_country["*"].append(entry)
    for by_country in outcomes.values():
        for entries in by_country.values():
            entries.sort()
    links: dict[str, str] = {}
    for members in clusters:
        if members[0].status is not Status.PLANNED:
            continue
        start, end, country = _span(members)
        if start is None or end is None:
            continue
        for occurred in (True, False):  # an occurred outcome wins over a cancellation
            indexed = outcomes.get((members[0].block, occurred))
            if indexed is None:
                continue
            # A plan without a country fits any outcome; one with a country, those of it or of none.
            lists = (
                [indexed.get("*", [])]
                if country is None
                else [indexed.get(country, []), indexed.get(None, [])]
            )
            found = [
                best for entries in lists if (best := _nearest(entries, start, start - widen, end + widen))
            ]
            if found:
                links[_cluster_id(members)] = min(found)[1]
                break
    return links


def _nearest(
    entries: list[tuple[dt.date, str]], day: dt.date, earliest: dt.date, latest: dt.date
) -> tuple[int, str] | None:
    """Of ``(first day, id)`` entries sorted, the one nearest ``day`` within ``[earliest, latest]``.

    Returned as ``(distance in days, id)``; of two as near, the smaller id.
    """
    found: list[tuple[int, str]] = []
    after = bisect.bisect_left(entries, (day, ""))
    if after < len(entries) and entries[after][0] <= latest:
        found.append(((entries[after][0] - day).days, entries[after][1]))
    if after > 0 and entries[after - 1][0] >= earliest:
        before = entries[after - 1][0]
        first = bisect.bisect_left(entries, (before, ""))  # the smallest id of that day
        found.append(((day - before).days, entries[first][1]))
    return min(found) if found else None


def _span(members: Sequence[ReportKey]) -> tuple[dt.date | None, dt.date | None, str | None]:
    resolved = [key for key in members if key.start is not None and key.end is not None]
    country = next((key.country for key in members if key.country), None)
    if not resolved:
        return None, None, country
    return (
        min(key.start for key in resolved if key.start is not None),
        max(key.end for key in resolved if key.end is not None),
        country,
    )


@attrs.frozen
class Report:
    """One event as one document reported it, with where the document came from.

    >>> Report(Event("call", "occurred", document_id="d1"), outlet="Kyodo").document_id
    'd1'
    """

    event: Event
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None

    @property
    def document_id(self) -> str:
        """The id of the document the event was read from."""
        return self.event.document_id

    @property
    def fingerprint(self) -> str:
        """The event's :func:`event_fingerprint`."""
        return event_fingerprint(self.event)


def _narrowest(events: Sequence[Event]) -> TimeSpan | None:
    spans = [event.time for event in events if event.time is not None and event.time.resolved]
    if not spans:
        return next((event.time for event in events if event.time is not None), None)
    return min(spans, key=lambda span: (span.days, span.start))


@attrs.frozen
class Engagement:
    """One engagement, with every report of it.

    :param id: a stable id, derived from its reports (``e`` + 16 hex digits).
    :param type: meeting, visit, call or invitation.
    :param status: the status every report gives it.
    :param participants: every actor any report names, once each.
    :param time: the most precise time any report gives (the shortest span).
    :param location: where the reports place it.
    :param topics: third countries discussed, over all reports.
    :param reports: the events it was merged from, with their sources.
    :param outcome_id: for a planned engagement, the id of the engagement
        that reports it happened (or was cancelled), when one is known.
    :param plan_ids: for an outcome, the planned engagements it fulfils.

    >>> e = Engagement.from_reports("e1", [Report(Event("call", "occurred", document_id="d"))])
    >>> e.type.value, e.sources
    ('call', ('d',))
    """

    id: str
    type: EventType
    status: Status
    participants: tuple[Participant, ...]
    time: TimeSpan | None
    location: Location | None
    topics: tuple[str, ...]
    reports: tuple[Report, ...]
    outcome_id: str | None = None
    plan_ids: tuple[str, ...] = ()

    @classmethod
    def from_reports(
        cls,
        engagement_id: str,
        reports: Sequence[Report],
        outcome_id: str | None = None,
        plan_ids: Sequence[str] = (),
    ) -> Engagement:
        """Build an engagement from its reports (all of one type and status)."""
        events = [report.event for report in reports]
        seen: set[str] = set()
        participants: list[Participant] = []
        for event in events:
            for participant in event.participants:
                key = actor_key(participant.actor)
                if key not in seen:
                    seen.add(key)
                    participants.append(participant)
        topics = list(dict.fromkeys(code for event in events for code in event.topics))
        time = _narrowest(events)
        location = next((event.location for event in events if event.location is not None), None)
        return cls(
            id=engagement_id,
            type=events[0].type,
            status=events[0].status,
            participants=tuple(participants),
            time=time,
            location=location,
            topics=tuple(topics),
            reports=tuple(reports),
            outcome_id=outcome_id,
            plan_ids=tuple(plan_ids),
        )

    @property
    def events(self) -> tuple[Event, ...]:
        """The merged events, one per report."""
        return tuple(report.event for report in self.reports)

    @property
    def sources(self) -> tuple[str, ...]:
        """The ids of the documents that report it, each once."""
        return tuple(dict.fromkeys(report.document_id for report in self.reports))

    @property
    def outlets(self) -> tuple[str, ...]:
        """The outlets that report it, each once."""
        return tuple(dict.fromkeys(report.outlet for report in self.reports if report.outlet))

    @property
    def evidence(self) -> tuple[tuple[str, Evidence], ...]:
        """Every evidence span, with the id of the document it indexes into."""
        return tuple((report.document_id, span) for report in self.reports for span in report.event.evidence)

    def names(self) -> list[str]:
        """The participants' names, people first.

        >>> japan = Participant(Actor("Japan", kind="country", country="JPN"))
        >>> event = Event("call", "occurred", [japan, Participant(Actor("Ann Lee"))])
        >>> Engagement.from_reports("e", [Report(event)]).names()
        ['Ann Lee', 'Japan']
        """
        people = [p.actor.name for p in self.participants if p.actor.kind is ActorKind.PERSON]
        others = [p.actor.name for p in self.participants if p.actor.kind is not ActorKind.PERSON]
        return people + others

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dictionary: the engagement's fields, its sources and its events.

        >>> sorted(Engagement.from_reports("e", [Report(Event("call", "occurred"))]).to_dict())[:4]
        ['events', 'id', 'location', 'outcome_id']
        """
        return {
            "id": self.id,
            "type": self.type.value,
            "status": self.status.value,
            "participants": converter.unstructure(list(self.participants)),
            "time": converter.unstructure(self.time),
            "location": converter.unstructure(self.location),
            "topics": list(self.topics),
            "outcome_id": self.outcome_id,
            "plan_ids": list(self.plan_ids),
            "sources": [
                {
                    "document_id": report.document_id,
                    "outlet": report.outlet,
                    "url": report.url,
                    "published": report.published.isoformat() if report.published else None,
                }
                for report in self.reports
            ],
            "events": [unstructure_event(report.event) for report in self.reports],
        }


def merge_reports(reports: Iterable[Report], rules: MergeRules | None = None) -> list[Engagement]:
    """Merge reports held in memory into engagements, linking plans to outcomes.

    Engagements come in date order (unresolved last), then by type, status
    and id. :class:`alliancekit.store.EventStore` applies the same rules to
    reports on disk.
    """
    rules = rules or MergeRules()
    by_fingerprint: dict[str, Report] = {}
    keys: list[ReportKey] = []
    for report in reports:
        fingerprint = report.fingerprint
        if fingerprint not in by_fingerprint:
            by_fingerprint[fingerprint] = report
            keys.append(ReportKey.of(report.event, fingerprint))
    clusters = cluster(keys, rules)
    links = link_outcomes(clusters, rules)
    plans: dict[str, list[str]] = defaultdict(list)
    for planned, outcome in sorted(links.items()):
        plans[outcome].append(planned)
    engagements = []
    for members in clusters:
        engagement_id = _cluster_id(members)
        engagements.append(
            Engagement.from_reports(
                engagement_id,
                [by_fingerprint[key.fingerprint] for key in members],
                outcome_id=links.get(engagement_id),
                plan_ids=plans.get(engagement_id, ()),
            )
        )
    return sorted(engagements, key=engagement_order)


_STATUS_ORDER = {status: index for index, status in enumerate(Status)}
_TYPE_ORDER = {kind: index for index, kind in enumerate(EventType)}


def engagement_order(engagement: Engagement) -> tuple[bool, dt.date, int, int, str]:
    """The sort key engagements are listed by: date, type, status, id.

    >>> engagement_order(Engagement.from_reports("e1", [Report(Event("call", "occurred"))]))[0]
    True
    """
    time = engagement.time
    start = time.start if time is not None and time.start is not None else None
    return (
        start is None,
        start or dt.date.min,
        _TYPE_ORDER[engagement.type],
        _STATUS_ORDER[engagement.status],
        engagement.id,
    )


def engagement_id(members: Sequence[ReportKey]) -> str:
    """The id of the engagement made of these reports: ``e`` + the smallest fingerprint's head.

    >>> engagement_id([ReportKey("b" * 24, "x", "planned", None, None, None),
    ...                ReportKey("a" * 24, "x", "planned", None, None, None)])
    'eaaaaaaaaaaaaaaaa'
    """
    return _cluster_id(members)
