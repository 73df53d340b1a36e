r"""CAMEO-coded events as a tab-separated table, in the column layout of the ICEWS event data.

Tools written for ICEWS and its CAMEO-coded kin read one row per *dyad*: a
source actor doing something (a CAMEO code) to a target actor on a date.
``--format cameo`` writes such a table, with ICEWS's columns first:

``Event ID``
    ``"ak-"``, the event's fingerprint, and the dyad's number.
``Event Date``
    The engagement's first day, else the story's publication date.
``Source Name``, ``Source Country``, ``Target Name``, ``Target Country``
    The dyad: a visitor or guest and the host, an inviter and the invitee,
    a host and the guest of a hosted meeting (043); for a meeting or call
    without such roles, every ordered pair of participants. A visit
    without a host has the visited country as target. Countries are
    named as in ICEWS ("Japan").
``Event Text``, ``CAMEO Code``, ``Intensity``
    The code's name, the code and its Goldstein score. A planned
    engagement is coded 036, "Express intent to meet or negotiate".
``Story ID``, ``Publisher``
    The document's id and outlet.
``City``, ``Country``
    The place, when the text names one.

``Source Sectors``, ``Target Sectors``, ``Sentence Number``, ``District``,
``Province``, ``Latitude`` and ``Longitude`` are left empty: alliancekit
does not code them. It adds ``Status``, ``End Date``, ``Evidence`` (the
words, spans joined by " | ") and ``URL``.

>>> import io
>>> from alliancekit.model import Actor, Event, Participant
>>> event = Event("meeting", "occurred", [Participant(Actor("Marco Rubio", country="USA")),
...               Participant(Actor("Toshimitsu Motegi", country="JPN"))], document_id="d1")
>>> [(row["Source Name"], row["Target Country"], row["CAMEO Code"]) for row in cameo_rows(event)]
[('Marco Rubio', 'Japan', '040'), ('Toshimitsu Motegi', 'United States', '040')]
"""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from alliancekit.engagements import event_fingerprint
from alliancekit.io.sources import SourceInfo, SourceLookup
from alliancekit.model import Actor, ActorKind, Event, EventType, Role, Status

__all__ = ["CAMEO_COLUMNS", "cameo_rows", "write_cameo"]

CAMEO_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
    "Status",
    "End Date",
    "Evidence",
    "URL",
)
"""The columns of ``--format cameo``: ICEWS's, then alliancekit's own."""

# The CAMEO codes alliancekit and its plugins write: name and Goldstein score.
_CODES = {
    "036": ("Express intent to meet or negotiate", 4.0),
    "040": ("Consult, not specified below", 1.0),
    "041": ("Discuss by telephone", 1.0),
    "042": ("Make a visit", 1.9),
    "043": ("Host a visit", 2.8),
    "044": ("Meet at a 'third' location", 2.5),
    "045": ("Mediate", 5.0),
    "046": ("Engage in negotiation", 7.0),
    "057": ("Sign formal agreement", 8.0),
}
_INTENT = "036"
_HOSTING = "043"
_ACTING = {Role.GUEST, Role.VISITOR, Role.INVITER, Role.PARTICIPANT}
_RECEIVING = {Role.HOST, Role.INVITEE}


def _country(code: str | None) -> str:
    if not code:
        return ""
    from alliancekit.rules.lexicon import country_name

    return country_name(code)


def _dyads(event: Event, code: str) -> list[tuple[Actor, Actor | None]]:
    """Who does the event to whom; see the module."""
    people = list(event.participants)
    hosts = [p.actor for p in people if p.role is Role.HOST]
    if code == _HOSTING and hosts:
        return [(host, p.actor) for host in hosts for p in people if p.role is not Role.HOST] or [
            (host, None) for host in hosts
        ]
    acting = [p.actor for p in people if p.role in _ACTING]
    receiving = [p.actor for p in people if p.role in _RECEIVING]
    if acting and receiving:
        return [(source, target) for source in acting for target in receiving]
    location = event.location
    if event.type is EventType.VISIT and location is not None and location.country:
        visited = Actor(_country(location.country), ActorKind.COUNTRY, country=location.country)
        visitors = [a for a in acting or receiving if a.country != location.country]
        if visitors:
            return [(visitor, visited) for visitor in visitors]
    everyone = [p.actor for p in people]
    if len(everyone) < 2:
        return [(actor, None) for actor in everyone]
    return list(itertools.permutations(everyone, 2))


def _clean(text: str) -> str:
    """Text for one cell: a tab or a line break inside would end it."""
    return " ".join(text.split())


def cameo_rows(event: Event, source: SourceInfo | None = None) -> Iterator[dict[str, Any]]:
    """The rows of one event, one per dyad (see the module); ``source`` is its story's."""
    code = _INTENT if event.status is Status.PLANNED else event.cameo
    name, intensity = _CODES.get(code, ("", None))
    time = event.time
    resolved = time is not None and time.start is not None and time.end is not None
    story_date = source.published.isoformat() if source and source.published else ""
    location = event.location
    base = {
        "Event Date": time.start.isoformat() if resolved and time and time.start else story_date,
        "Event Text": name,
        "CAMEO Code": code,
        "Intensity": "" if intensity is None else f"{intensity:.1f}",
        "Story ID": event.document_id,
        "Publisher": (source.outlet or "") if source else "",
        "City": location.name if location is not None and location.kind == "city" else "",
        "Country": _country(location.country) if location is not None else "",
        "Status": event.status.value,
        "End Date": time.end.isoformat() if resolved and time and time.end else "",
        "Evidence": " | ".join(_clean(span.text) for span in event.evidence),
        "URL": (source.url or "") if source else "",
    }
    fingerprint = event_fingerprint(event)
    for number, (actor, target) in enumerate(_dyads(event, code), start=1):
        row = dict.fromkeys(CAMEO_COLUMNS, "")
        row.update(base)
        row["Event ID"] = f"ak-{fingerprint}-{number}"
        row["Source Name"] = _clean(actor.name)
        row["Source Country"] = _country(actor.country)
        if target is not None:
            row["Target Name"] = _clean(target.name)
            row["Target Country"] = _country(target.country)
        yield row


def write_cameo(events: Iterable[Event], stream: TextIO, *, sources: SourceLookup | None = None) -> int:
    r"""Write a tab-separated CAMEO table with a header row; returns the number of events written.

    :param sources: the stories' dates, outlets and addresses, by document id.

    >>> import io
    >>> from alliancekit.model import Participant
    >>> buffer = io.StringIO()
    >>> write_cameo([Event("call", "occurred", [Participant(Actor("Cho Hyun", country="KOR"))])], buffer)
    1
    >>> buffer.getvalue().splitlines()[1].split("\t")[2:8]
    ['Cho Hyun', '', 'South Korea', 'Consult, not specified below', '040', '1.0']
    """
    writer = csv.DictWriter(stream, fieldnames=CAMEO_COLUMNS, delimiter="\t", lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        source = sources(event.document_id) if sources is not None else None
        writer.writerows(cameo_rows(event, source))
        count += 1
    return count
