"""Event writers: the built-in output formats.

A writer is a callable ``writer(events, stream) -> int`` that writes events
to a text stream and returns how many it wrote. Formats are plugins: these
are registered by :mod:`alliancekit.default_plugins.formats`.

What a hostile document put in a field cannot act on the reader of the
output: a CSV cell that a spreadsheet would run as a formula (``=``,
``+``, ``-``, ``@`` first) gets a leading apostrophe
(:func:`~alliancekit.io.escaping.spreadsheet_safe`), and a table for the
terminal shows control characters (escape sequences, carriage returns,
line breaks) as escapes (:func:`~alliancekit.io.escaping.terminal_safe`).
JSON output escapes them by itself.

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
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any, TextIO

from alliancekit.io.escaping import spreadsheet_safe, terminal_safe
from alliancekit.model import Event
from alliancekit.serialize import dumps_event, unstructure_event

if TYPE_CHECKING:
    from alliancekit.engagements import Engagement

__all__ = [
    "CSV_COLUMNS",
    "ENGAGEMENT_CSV_COLUMNS",
    "Writer",
    "engagement_row",
    "event_row",
    "write_csv",
    "write_engagements_csv",
    "write_engagements_json",
    "write_engagements_jsonl",
    "write_engagements_table",
    "write_json",
    "write_jsonl",
    "write_table",
]

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
    """Write a CSV table with a header row, one row per event.

    A cell a spreadsheet would run as a formula is neutralised with a
    leading apostrophe:

    >>> import io
    >>> buffer = io.StringIO()
    >>> _ = write_csv([Event("call", "occurred", document_id="=HYPERLINK(1)")], buffer)
    >>> buffer.getvalue().splitlines()[1][:20]
    "'=HYPERLINK(1),call,"
    """
    return _write_csv_rows((event_row(event) for event in events), CSV_COLUMNS, stream)


def write_table(events: Iterable[Event], stream: TextIO) -> int:
    r"""Write a plain-text table for reading in a terminal; control characters show as escapes.

    >>> import io
    >>> buffer = io.StringIO()
    >>> _ = write_table([Event("call", "occurred", document_id="d1[2J")], buffer)
    >>> print(buffer.getvalue().splitlines()[1].split()[0])
    d1\x1b[2J
    """
    columns = ("document_id", "type", "status", "participants", "start", "end", "location")
    return _write_text_table((event_row(event) for event in events), columns, stream)


def _write_csv_rows(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(
            {key: spreadsheet_safe(value) if isinstance(value, str) else value for key, value in row.items()}
        )
        count += 1
    return count


def _write_text_table(rows: Iterable[dict[str, Any]], columns: Sequence[str], stream: TextIO) -> int:
    cells = [{key: terminal_safe(str(row[key])) for key in columns} for row in rows]
    widths = {key: min(48, max([len(key)] + [len(row[key]) for row in cells])) for key in columns}
    stream.write("  ".join(key.ljust(widths[key]) for key in columns).rstrip() + "\n")
    for row in cells:
        line = (_clip(row[key], widths[key]).ljust(widths[key]) for key in columns)
        stream.write("  ".join(line).rstrip() + "\n")
    return len(cells)


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


ENGAGEMENT_CSV_COLUMNS = (
    "id",
    "type",
    "status",
    "participants",
    "countries",
    "start",
    "end",
    "location",
    "location_country",
    "topics",
    "reports",
    "documents",
    "outlets",
    "outcome_id",
    "plan_ids",
    "evidence",
)
"""The columns of an engagement table, one row per engagement."""


def engagement_row(engagement: Engagement) -> dict[str, Any]:
    """Flatten an engagement into one table row (lists joined with ``"; "``).

    ``evidence`` joins every report's evidence as ``document_id: words``.

    >>> from alliancekit.engagements import Engagement, Report
    >>> report = Report(Event("call", "occurred", document_id="d"))
    >>> row = engagement_row(Engagement.from_reports("e1", [report]))
    >>> row["id"], row["reports"], row["documents"]
    ('e1', 1, 'd')
    """
    time = engagement.time
    location = engagement.location
    return {
        "id": engagement.id,
        "type": engagement.type.value,
        "status": engagement.status.value,
        "participants": "; ".join(engagement.names()),
        "countries": "; ".join(sorted({p.actor.country for p in engagement.participants if p.actor.country})),
        "start": time.start.isoformat() if time is not None and time.start else "",
        "end": time.end.isoformat() if time is not None and time.end else "",
        "location": location.name if location is not None else "",
        "location_country": (location.country or "") if location is not None else "",
        "topics": "; ".join(engagement.topics),
        "reports": len(engagement.reports),
        "documents": "; ".join(engagement.sources),
        "outlets": "; ".join(engagement.outlets),
        "outcome_id": engagement.outcome_id or "",
        "plan_ids": "; ".join(engagement.plan_ids),
        "evidence": " | ".join(f"{document_id}: {span.text}" for document_id, span in engagement.evidence),
    }


def write_engagements_jsonl(engagements: Iterable[Engagement], stream: TextIO) -> int:
    """Write one JSON object per engagement per line: its fields, sources and events.

    >>> import io
    >>> from alliancekit.engagements import Engagement, Report
    >>> buffer = io.StringIO()
    >>> write_engagements_jsonl([Engagement.from_reports("e1", [Report(Event("call", "occurred"))])], buffer)
    1
    >>> json.loads(buffer.getvalue())["id"]
    'e1'
    """
    count = 0
    for engagement in engagements:
        stream.write(json.dumps(engagement.to_dict(), ensure_ascii=False).translate(_LINE_BREAKS))
        stream.write("\n")
        count += 1
    return count


def write_engagements_json(engagements: Iterable[Engagement], stream: TextIO) -> int:
    r"""Write one JSON array of engagements, each as :func:`write_engagements_jsonl` writes it.

    >>> import io
    >>> buffer = io.StringIO()
    >>> write_engagements_json([], buffer), buffer.getvalue()
    (0, '[]\n')
    """
    data = [engagement.to_dict() for engagement in engagements]
    json.dump(data, stream, ensure_ascii=False, indent=2)
    stream.write("\n")
    return len(data)


def write_engagements_csv(engagements: Iterable[Engagement], stream: TextIO) -> int:
    """Write a CSV table of engagements with a header row."""
    return _write_csv_rows((engagement_row(e) for e in engagements), ENGAGEMENT_CSV_COLUMNS, stream)


def write_engagements_table(engagements: Iterable[Engagement], stream: TextIO) -> int:
    """Write a plain-text table of engagements for reading in a terminal.

    >>> import io
    >>> from alliancekit.engagements import Engagement, Report
    >>> buffer = io.StringIO()
    >>> write_engagements_table([Engagement.from_reports("e1", [Report(Event("call", "occurred"))])], buffer)
    1
    >>> buffer.getvalue().split()[:3]
    ['id', 'type', 'status']
    """
    columns = ("id", "type", "status", "participants", "start", "end", "location", "reports", "outcome_id")
    return _write_text_table((engagement_row(e) for e in engagements), columns, stream)


_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})
