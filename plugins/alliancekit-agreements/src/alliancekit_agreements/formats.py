"""The ``agreements-md`` output format: a Markdown table for a briefing note.

One row per event, with its CAMEO code and the agreement it records, if
any (read from the event's evidence, where the ``postprocess_events`` hook
put it).

>>> import io
>>> from alliancekit.model import Event, Evidence
>>> text = "Abe and Lee signed a trade pact."
>>> event = Event("meeting", "occurred", evidence=[Evidence.from_text(text, 0, 31)],
...               document_id="d1", cameo="057")
>>> buffer = io.StringIO()
>>> write_agreements_markdown([event], buffer)
1
>>> print(buffer.getvalue().splitlines()[2])
| d1 | meeting | occurred |  |  |  | 057 | signed: trade pact |
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TextIO

from alliancekit.model import Event

from alliancekit_agreements.agreements import find_agreements

__all__ = ["write_agreements_markdown"]

_HEADER = ("document", "type", "status", "date", "place", "participants", "CAMEO", "agreement")


def _cell(value: str) -> str:
    return " ".join(value.replace("|", "\\|").split())


def _date(event: Event) -> str:
    if event.time is None or event.time.start is None:
        return ""
    if event.time.start == event.time.end:
        return event.time.start.isoformat()
    return f"{event.time.start.isoformat()} to {event.time.end.isoformat() if event.time.end else ''}"


def _agreement(event: Event) -> str:
    for span in event.evidence:
        for mention in find_agreements(span.text):
            return f"{mention.kind}: {mention.instrument}"
    return ""


def write_agreements_markdown(events: Iterable[Event], stream: TextIO) -> int:
    """Write events as a Markdown table; return how many rows were written."""
    stream.write("| " + " | ".join(_HEADER) + " |\n")
    stream.write("|" + "---|" * len(_HEADER) + "\n")
    count = 0
    for event in events:
        cells = (
            event.document_id,
            event.type.value,
            event.status.value,
            _date(event),
            event.location.name if event.location else "",
            ", ".join(p.actor.name for p in event.participants),
            event.cameo,
            _agreement(event),
        )
        stream.write("| " + " | ".join(_cell(cell) for cell in cells) + " |\n")
        count += 1
    return count
