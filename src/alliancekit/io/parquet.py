r"""Events (and engagements) as Parquet tables, for pandas, polars, DuckDB and Arrow.

``--format parquet`` writes one flat table, one row per event, with a fixed
schema (:func:`event_schema`): scalar columns for what an event has once,
list columns for what it has several of (``participants``, ``countries``,
``topics``, ``evidence``), dates as dates. ``pandas.read_parquet``,
``polars.read_parquet`` and DuckDB's ``read_parquet`` read it as it is.
``alliancekit events --format parquet`` writes the engagements of an event
store the same way (:func:`engagement_schema`).

Needs the ``parquet`` extra (pyarrow): ``pip install 'alliancekit[parquet]'``.
Parquet is binary: write it to a file (``--output events.parquet``) or a
pipe, not to a terminal.

>>> import io, datetime as dt, pyarrow.parquet as pq
>>> from alliancekit.model import Actor, Event, Participant, TimeSpan
>>> event = Event("call", "occurred", [Participant(Actor("Cho Hyun", country="KOR"))],
...               time=TimeSpan.day(dt.date(2026, 3, 2)), document_id="d1")
>>> stream = io.TextIOWrapper(io.BytesIO())
>>> write_parquet([event], stream)
1
>>> table = pq.read_table(io.BytesIO(stream.buffer.getvalue()))
>>> table.column("start").to_pylist(), table.column("countries").to_pylist()
([datetime.date(2026, 3, 2)], [['KOR']])
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO, ClassVar, TextIO

import attrs

from alliancekit.engagements import Engagement, event_fingerprint
from alliancekit.io.sources import SourceInfo, SourceLookup
from alliancekit.model import Event, Participant, TimeSpan

__all__ = [
    "EVENT_COLUMNS",
    "ParquetFormat",
    "engagement_record",
    "engagement_schema",
    "event_record",
    "event_schema",
    "write_engagements_parquet",
    "write_parquet",
]

EVENT_COLUMNS = (
    ("event_id", "string", '"ak-" and the event\'s fingerprint, as in the PLOVER and CAMEO formats'),
    ("document_id", "string", "the document the event was read from"),
    ("type", "string", "meeting, visit, call or invitation"),
    ("status", "string", "planned, occurred or cancelled"),
    ("start", "date", "the first day of the engagement; null when the text leaves it open"),
    ("end", "date", "the last day (equal to start for one day)"),
    ("granularity", "string", "day, week, month, season or year"),
    ("time_text", "string", "the words the time was read from"),
    ("location", "string", "the place's name"),
    ("location_country", "string", "ISO alpha-3 code of the place's country"),
    (
        "participants",
        "list<struct<name, kind, country, title, role, kb_id: string>>",
        "the actors, with their role",
    ),
    ("countries", "list<string>", "the participants' countries, sorted, each once"),
    ("topics", "list<string>", "ISO alpha-3 codes of third countries discussed"),
    ("evidence", "list<struct<start, end: int64; text: string>>", "the words stating it, with offsets"),
    ("extractor", "string", "the extractor that found it"),
    ("confidence", "double", "the extractor's confidence, 0 to 1"),
    ("cameo", "string", "CAMEO code"),
    ("plover", "string", "PLOVER category"),
    ("plover_mode", "string", "PLOVER mode"),
    ("published", "date", "the story's publication date, when known"),
    ("outlet", "string", "the story's outlet, when known"),
    ("url", "string", "the story's address, when known"),
)
"""The columns of the events table: name, type and meaning, in order."""

_BATCH = 10_000


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as error:
        raise ImportError("the Parquet format needs pyarrow: pip install 'alliancekit[parquet]'") from error
    return pyarrow, pyarrow.parquet


def _participant_type(pa: Any) -> Any:
    return pa.struct([(name, pa.string()) for name in ("name", "kind", "country", "title", "role", "kb_id")])


def event_schema() -> Any:
    """The Arrow schema of the events table (:data:`EVENT_COLUMNS`).

    >>> event_schema().field("evidence").type
    ListType(list<item: struct<start: int64, end: int64, text: string>>)
    """
    pa, _ = _pyarrow()
    span = pa.struct([("start", pa.int64()), ("end", pa.int64()), ("text", pa.string())])
    types = {
        "date": pa.date32(),
        "double": pa.float64(),
        "list<string>": pa.list_(pa.string()),
        "participants": pa.list_(_participant_type(pa)),
        "evidence": pa.list_(span),
    }
    fields = []
    for name, kind, _ in EVENT_COLUMNS:
        arrow = types.get(name) or types.get(kind) or pa.string()
        fields.append(pa.field(name, arrow))
    return pa.schema(fields)


def engagement_schema() -> Any:
    """The Arrow schema of the engagements table.

    >>> engagement_schema().names[:4]
    ['engagement_id', 'type', 'status', 'start']
    """
    pa, _ = _pyarrow()
    strings = pa.list_(pa.string())
    return pa.schema(
        [
            ("engagement_id", pa.string()),
            ("type", pa.string()),
            ("status", pa.string()),
            ("start", pa.date32()),
            ("end", pa.date32()),
            ("granularity", pa.string()),
            ("location", pa.string()),
            ("location_country", pa.string()),
            ("participants", pa.list_(_participant_type(pa))),
            ("countries", strings),
            ("topics", strings),
            ("reports", pa.int32()),
            ("documents", strings),
            ("outlets", strings),
            ("outcome_id", pa.string()),
            ("plan_ids", strings),
        ]
    )


def _participants(participants: Iterable[Participant]) -> list[dict[str, Any]]:
    return [
        {
            "name": p.actor.name,
            "kind": p.actor.kind.value,
            "country": p.actor.country,
            "title": p.actor.title,
            "role": p.role.value,
            "kb_id": p.actor.kb_id,
        }
        for p in participants
    ]


def _time(time: TimeSpan | None) -> dict[str, Any]:
    return {
        "start": time.start if time else None,
        "end": time.end if time else None,
        "granularity": time.granularity.value if time and time.granularity else None,
    }


def event_record(event: Event, source: SourceInfo | None = None) -> dict[str, Any]:
    """One event as a row of the events table; ``source`` is its story's.

    >>> event_record(Event("visit", "planned"))["plover_mode"]
    'visit'
    """
    location = event.location
    return {
        "event_id": f"ak-{event_fingerprint(event)}",
        "document_id": event.document_id,
        "type": event.type.value,
        "status": event.status.value,
        **_time(event.time),
        "time_text": event.time.text if event.time else None,
        "location": location.name if location else None,
        "location_country": location.country if location else None,
        "participants": _participants(event.participants),
        "countries": sorted({p.actor.country for p in event.participants if p.actor.country}),
        "topics": list(event.topics),
        "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in event.evidence],
        "extractor": event.extractor,
        "confidence": event.confidence,
        "cameo": event.cameo,
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "published": source.published if source else None,
        "outlet": source.outlet if source else None,
        "url": source.url if source else None,
    }


def engagement_record(engagement: Engagement) -> dict[str, Any]:
    """One engagement as a row of the engagements table.

    >>> from alliancekit.engagements import Report
    >>> engagement_record(Engagement.from_reports("e1", [Report(Event("call", "occurred"))]))["reports"]
    1
    """
    location = engagement.location
    time = _time(engagement.time)
    return {
        "engagement_id": engagement.id,
        "type": engagement.type.value,
        "status": engagement.status.value,
        **time,
        "location": location.name if location else None,
        "location_country": location.country if location else None,
        "participants": _participants(engagement.participants),
        "countries": sorted({p.actor.country for p in engagement.participants if p.actor.country}),
        "topics": list(engagement.topics),
        "reports": len(engagement.reports),
        "documents": list(engagement.sources),
        "outlets": list(engagement.outlets),
        "outcome_id": engagement.outcome_id,
        "plan_ids": list(engagement.plan_ids),
    }


def _binary(stream: TextIO) -> BinaryIO:
    """The bytes under a text stream, for a binary format; an error for a terminal or a text buffer."""
    if stream.isatty():
        raise ValueError("Parquet is binary: write it to a file (--output events.parquet) or a pipe")
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        raise TypeError("Parquet is binary: give a stream with a binary buffer (a file opened in text mode)")
    stream.flush()
    return buffer  # type: ignore[no-any-return]


def _write(rows: Iterable[dict[str, Any]], schema: Any, stream: TextIO) -> int:
    pa, pq = _pyarrow()
    target = _binary(stream)
    count = 0
    batch: list[dict[str, Any]] = []
    with pq.ParquetWriter(pa.PythonFile(target, mode="w"), schema) as writer:
        for row in rows:
            batch.append(row)
            count += 1
            if len(batch) >= _BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                batch.clear()
        if batch:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
    target.flush()
    return count


def write_parquet(events: Iterable[Event], stream: TextIO, *, sources: SourceLookup | None = None) -> int:
    """Write the events table to the binary buffer of ``stream``; returns the number of events.

    :param sources: the stories' dates, outlets and addresses, by document id.
    :raises ImportError: without pyarrow.
    :raises ValueError: when ``stream`` is a terminal.
    """
    schema = event_schema()
    rows = (event_record(event, sources(event.document_id) if sources else None) for event in events)
    return _write(rows, schema, stream)


def write_engagements_parquet(engagements: Iterable[Engagement], stream: TextIO) -> int:
    """Write the engagements table to the binary buffer of ``stream``; returns the number of engagements."""
    return _write((engagement_record(e) for e in engagements), engagement_schema(), stream)


@attrs.frozen
class ParquetFormat:
    """The ``parquet`` output format, as registered: :func:`write_parquet`, marked binary.

    ``binary`` tells the command line not to write it to a terminal, and
    :meth:`check` that pyarrow is there before a run starts.

    >>> ParquetFormat.binary
    True
    """

    binary: ClassVar[bool] = True

    def check(self) -> None:
        """Raise :class:`ImportError` when pyarrow is missing."""
        _pyarrow()

    def __call__(
        self, events: Iterable[Event], stream: TextIO, *, sources: SourceLookup | None = None
    ) -> int:
        """Write the events table: :func:`write_parquet`."""
        return write_parquet(events, stream, sources=sources)
