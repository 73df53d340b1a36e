r"""PLOVER records: events in the JSON field layout of the PLOVER specification, as POLECAT uses it.

`PLOVER <https://github.com/openeventdata/PLOVER>`_ is the event ontology
and interchange format of the POLECAT data set. ``--format plover`` writes
one JSON object per event and per line, so the records can be concatenated
with POLECAT's, or with any other PLOVER data:

``id``
    ``"ak-"`` and the event's fingerprint (stable across runs).
``date``, ``enddate``
    The days the engagement takes place (``enddate`` only when it spans
    more than one). An event whose time the text leaves open gets the
    story's publication date, as POLECAT dates events by their story.
``event``
    ``CONSULT`` for a meeting, visit or call that took place (or was
    cancelled); ``AGREE`` for one that is planned and for an invitation,
    as the specification codes promised and future meetings.
``mode``
    ``visit`` for a visit, or a meeting of a host and a guest; ``phone``
    for a call; none otherwise.
``context``
    ``diplomatic``; a cancelled engagement adds the auxiliary
    ``negation``, which the specification lets users drop.
``actor``, ``recipient``
    Lists of entities (``code``: the ISO alpha-3 country, ``identifier_text``:
    the name, ``identifier_id``: the knowledge-base id, ``office``: the
    title). Visitors and guests are actors and hosts recipients; an inviter
    is the actor of an invitation, the invitee its recipient; without such
    roles every participant is an actor. A visit without a host names the
    country visited as recipient.
``event_loc``
    The place: ``extracted_place`` (the words), ``resolved_place`` (the
    name), ``country_code``.
``event_text``, ``text_info``
    The evidence, and the offsets of its first span in the story.
``quad_code``, ``event_scale``
    1 (verbal cooperation), and the specification's score of the category
    and mode (``CONSULT`` 2.5, visit 4, phone 1.5; ``AGREE`` 2.5).
``cite_info``, ``coder``
    The story's ``url``, ``publication`` (outlet) and ``language``; the
    extractor.

alliancekit adds what PLOVER has no field for under ``alliancekit``: the
``status``, the time interval with its granularity and words, every
evidence span with its offsets, the ``document_id``, the ``story_date``,
the ``topics``, the ``cameo`` code and the ``confidence``.

>>> import io, json
>>> from alliancekit.model import Actor, Event, Participant, TimeSpan
>>> import datetime as dt
>>> event = Event("visit", "occurred", [Participant(Actor("Marco Rubio", country="USA"), "visitor")],
...               time=TimeSpan.day(dt.date(2026, 3, 2)), document_id="d1", extractor="rules")
>>> record = plover_record(event)
>>> record["event"], record["mode"], record["date"], record["actor"][0]["code"]
(['CONSULT'], ['visit'], '2026-03-02', 'USA')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from alliancekit.engagements import event_fingerprint
from alliancekit.io.sources import SourceInfo, SourceLookup
from alliancekit.model import Actor, Event, EventType, Participant, Role, Status

__all__ = ["PLOVER_FIELDS", "plover_record", "write_plover"]

PLOVER_FIELDS = (
    "id",
    "date",
    "enddate",
    "actor",
    "recipient",
    "event",
    "mode",
    "context",
    "event_loc",
    "event_text",
    "quad_code",
    "event_scale",
    "text_info",
    "cite_info",
    "coder",
    "alliancekit",
)
"""The fields of every record, in order: PLOVER's, then alliancekit's own (``alliancekit``)."""

# Scores of the PLOVER specification's table of category and mode scores.
_SCALE = {("CONSULT", None): 2.5, ("CONSULT", "visit"): 4.0, ("CONSULT", "phone"): 1.5, ("AGREE", None): 2.5}
_VERBAL_COOPERATION = 1
_ACTING = {Role.GUEST, Role.VISITOR, Role.INVITER, Role.PARTICIPANT}
_RECEIVING = {Role.HOST, Role.INVITEE}


def _category(event: Event) -> str:
    if event.type is EventType.INVITATION or event.status is Status.PLANNED:
        return "AGREE"
    return "CONSULT"


def _mode(event: Event, category: str) -> str | None:
    if category != "CONSULT":
        return None
    if event.type is EventType.CALL:
        return "phone"
    roles = {participant.role for participant in event.participants}
    if event.type is EventType.VISIT or (Role.HOST in roles and roles & {Role.GUEST, Role.VISITOR}):
        return "visit"
    return None


def _entity(actor: Actor, role: Role | None = None) -> dict[str, Any]:
    return {
        "code": actor.country,
        "identifier_text": actor.name,
        "identifier_id": actor.kb_id,
        "office": actor.title,
        "kind": actor.kind.value,
        "role": role.value if role is not None else None,
    }


def _sides(event: Event) -> tuple[list[Participant], list[Participant]]:
    """The participants who act and those who receive: visitors and hosts, inviters and invitees."""
    acting = [p for p in event.participants if p.role in _ACTING]
    receiving = [p for p in event.participants if p.role in _RECEIVING]
    if not acting:
        return receiving, []
    return acting, receiving


def plover_record(event: Event, source: SourceInfo | None = None) -> dict[str, Any]:
    """One event as a PLOVER record (see the module for the fields); ``source`` is its story's."""
    category = _category(event)
    mode = _mode(event, category)
    acting, receiving = _sides(event)
    recipient = [_entity(p.actor, p.role) for p in receiving]
    location = event.location
    visitors = {p.actor.country for p in acting}
    visited = location.country if location is not None else None
    if event.type is EventType.VISIT and not recipient and visited is not None and visited not in visitors:
        from alliancekit.rules.lexicon import country_name

        recipient = [_entity(Actor(country_name(visited), "country", country=visited))]
    time = event.time
    story_date = source.published.isoformat() if source and source.published else None
    if time is not None and time.start is not None and time.end is not None:
        date: str | None = time.start.isoformat()
        enddate = time.end.isoformat() if time.end != time.start else None
    else:
        date, enddate = story_date, None
    evidence = [{"start": span.start, "end": span.end, "text": span.text} for span in event.evidence]
    return {
        "id": f"ak-{event_fingerprint(event)}",
        "date": date,
        "enddate": enddate,
        "actor": [_entity(p.actor, p.role) for p in acting],
        "recipient": recipient,
        "event": [category],
        "mode": [mode] if mode else [],
        "context": ["diplomatic", "negation"] if event.status is Status.CANCELLED else ["diplomatic"],
        "event_loc": {
            "extracted_place": location.text or location.name,
            "resolved_place": location.name,
            "country_code": location.country,
        }
        if location is not None
        else None,
        "event_text": [span.text for span in event.evidence],
        "quad_code": _VERBAL_COOPERATION,
        "event_scale": _SCALE[(category, mode)],
        "text_info": {"start": evidence[0]["start"], "end": evidence[0]["end"]} if evidence else None,
        "cite_info": {
            "url": source.url if source else None,
            "publication": source.outlet if source else None,
            "language": "en",
        },
        "coder": f"alliancekit/{event.extractor}" if event.extractor else "alliancekit",
        "alliancekit": {
            "document_id": event.document_id,
            "type": event.type.value,
            "status": event.status.value,
            "time": {
                "start": time.start.isoformat() if time and time.start else None,
                "end": time.end.isoformat() if time and time.end else None,
                "granularity": time.granularity.value if time and time.granularity else None,
                "text": time.text if time else "",
            }
            if time is not None
            else None,
            "story_date": story_date,
            "evidence": evidence,
            "topics": list(event.topics),
            "cameo": event.cameo,
            "confidence": event.confidence,
        },
    }


def write_plover(events: Iterable[Event], stream: TextIO, *, sources: SourceLookup | None = None) -> int:
    """Write one PLOVER record per event and per line (JSON lines); returns the count.

    :param sources: the stories' dates, outlets and addresses, by document id.

    >>> import io
    >>> from alliancekit.model import Event
    >>> buffer = io.StringIO()
    >>> write_plover([Event("call", "occurred", document_id="d1")], buffer)
    1
    >>> json.loads(buffer.getvalue())["mode"]
    ['phone']
    """
    count = 0
    for event in events:
        source = sources(event.document_id) if sources is not None else None
        stream.write(json.dumps(plover_record(event, source), ensure_ascii=False).translate(_LINE_BREAKS))
        stream.write("\n")
        count += 1
    return count


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
