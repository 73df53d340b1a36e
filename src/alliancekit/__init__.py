"""alliancekit: evidence-linked diplomatic events from English news.

>>> import alliancekit
>>> events = alliancekit.extract(
...     "Prime Minister Anthony Albanese will visit Washington next month, his office said.",
...     published="2026-01-13")
>>> [(e.type.value, e.status.value, str(e.time.start), str(e.time.end)) for e in events]
[('visit', 'planned', '2026-02-01', '2026-02-28')]
"""

from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.hookspecs import hookimpl
from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Granularity,
    Location,
    Participant,
    Role,
    Source,
    Status,
    TimeSpan,
)
from alliancekit.pipeline import extract, extract_many, run

__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "ExtractionContext",
    "Extractor",
    "Granularity",
    "Location",
    "Participant",
    "Role",
    "Source",
    "Status",
    "TimeSpan",
    "extract",
    "extract_many",
    "hookimpl",
    "run",
]

__version__ = "0.1.0"
