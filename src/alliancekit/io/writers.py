"""Event writers: the built-in output formats.

A writer is a callable ``writer(events, stream) -> int`` that writes events
to a text stream and returns how many it wrote. Formats are plugins: these
are registered by :mod:`alliancekit.default_plugins.formats`.

>>> import io
>>> from alliancekit.model import Event
>>> buffer = io.StringIO()
>>> write_jsonl([Event("call", "occurred", document_id="d1")], buffer)
1
>>> buffer.getvalue().startswith('{"type": "call"')
True
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable
from typing import Any, TextIO

from alliancekit.model import Event
from alliancekit.serialize import dumps_event, unstructure_event

__all__ = ["CSV_COLUMNS", "Writer", "event_row", "write_csv", "write_json", "write_jsonl", "write_table"]

Writer = Callable[[Iterable[Event], TextIO], int]
"""The signature of an output format: write events, return their count."""


def write_jsonl(events: Iterable[Event], stream: TextIO) -> int:
    """Write one JSON object per line."""
    count = 0
    for event in events:
        stream.write(dumps_event(event))
        stream.write("\n")
        count += 1
    return count


def write_json(events: Iterable[Event], stream: TextIO) -> int:
    r"""Write one JSON array of events.

    >>> import io
    >>> buffer = io.StringIO()
    >>> write_json([], buffer)
    0
    >>> buffer.getvalue()
    '[]\n'
    """
    data = [unstructure_event(event) for event in events]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(data)


CSV_COLUMNS = (
    "document_id",
    "type",
    "status",
    "participants",
    "countries",
    "start",
    "end",
    "time_text",
    "location",
    "location_country",
    "topics",
    "evidence",
    "extractor",
    "confidence",
    "cameo",
    "plover",
)
"""The columns of the CSV format, one row per event."""


def event_row(event: Event) -> dict[str, Any]:
    """Flatten an event into one table row (lists joined with ``"; "``).

    >>> event_row(Event("visit", "planned"))["type"]
    'visit'
    """
    return {
        "document_id": event.document_id,
        "type": event.type.value,
        "status": event.status.value,
        "participants": "; ".join(f"{p.actor.name} ({p.role.value})" for p in event.participants),
        "countries": "; ".join(sorted({p.actor.country for p in event.participants if p.actor.country})),
        "start": event.time.start.isoformat() if event.time and event.time.start else "",
        "end": event.time.end.isoformat() if event.time and event.time.end else "",
        "time_text": event.time.text if event.time else "",
        "location": event.location.name if event.location else "",
        "location_country": (event.location.country or "") if event.location else "",
        "topics": "; ".join(event.topics),
        "evidence": " | ".join(span.text for span in event.evidence),
        "extractor": event.extractor,
        "confidence": f"{event.confidence:.2f}",
        "cameo": event.cameo,
        "plover": event.plover + (f" ({event.plover_mode})" if event.plover_mode else ""),
    }


def write_csv(events: Iterable[Event], stream: TextIO) -> int:
    """Write a CSV table with a header row, one row per event."""
    writer = csv.DictWriter(stream, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for event in events:
        writer.writerow(event_row(event))
        count += 1
    return count


def write_table(events: Iterable[Event], stream: TextIO) -> int:
    """Write a plain-text table for reading in a terminal."""
    columns = ("document_id", "type", "status", "participants", "start", "end", "location")
    rows = [{key: str(event_row(event)[key]) for key in columns} for event in events]
    widths = {key: min(48, max([len(key)] + [len(row[key]) for row in rows])) for key in columns}
    stream.write("  ".join(key.ljust(widths[key]) for key in columns).rstrip() + "\n")
    for row in rows:
        cells = (_clip(row[key], widths[key]).ljust(widths[key]) for key in columns)
        stream.write("  ".join(cells).rstrip() + "\n")
    return len(rows)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
