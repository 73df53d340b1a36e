"""Where an event's document came from, for the output formats that cite it.

An :class:`~alliancekit.model.Event` names its document only by id. Formats
made to be merged with other event data (PLOVER records, CAMEO tables,
Parquet) also give the story's publication date, outlet and address. A
writer that wants them takes a keyword argument ``sources``: a
:data:`SourceLookup` from a document id to its :class:`SourceInfo`. The
command line hands one to every writer that accepts it
(:func:`accepts_sources`); writers that do not are called as before.

>>> from alliancekit.model import Document, Source
>>> recent = RecentSources()
>>> recent.add(Document("d1", "Text.", "2026-01-13", Source(outlet="Kyodo")))
>>> recent("d1").outlet, recent("d2") is None
('Kyodo', True)
"""

from __future__ import annotations

import collections
import datetime as dt
import functools
import inspect
from collections.abc import Callable, Iterable
from typing import TextIO, cast

import attrs

from alliancekit.model import Document, Event

__all__ = ["RecentSources", "SourceInfo", "SourceLookup", "accepts_sources", "citing"]


@attrs.frozen
class SourceInfo:
    """What is known of the document an event was read from.

    >>> SourceInfo(published=dt.date(2026, 1, 13), outlet="Kyodo").outlet
    'Kyodo'
    """

    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None

    @classmethod
    def of(cls, document: Document) -> SourceInfo:
        """The source of a document.

        >>> SourceInfo.of(Document("d", "Text.", "2026-01-13")).published
        datetime.date(2026, 1, 13)
        """
        return cls(document.published, document.source.outlet, document.source.url)


SourceLookup = Callable[[str], SourceInfo | None]
"""A document id to its :class:`SourceInfo`, or ``None`` when unknown."""


def accepts_sources(writer: Callable[..., object]) -> bool:
    """Whether an output writer takes a ``sources`` keyword argument.

    >>> def plain(events, stream): ...
    >>> def citing(events, stream, *, sources=None): ...
    >>> accepts_sources(plain), accepts_sources(citing)
    (False, True)
    """
    try:
        parameters = inspect.signature(writer).parameters
    except (TypeError, ValueError):  # a builtin without a signature
        return False
    return "sources" in parameters


def citing(
    writer: Callable[[Iterable[Event], TextIO], int], sources: SourceLookup
) -> Callable[[Iterable[Event], TextIO], int]:
    """The writer, handed ``sources`` when it takes them (:func:`accepts_sources`); else as it is.

    >>> def citing_writer(events, stream, *, sources=None):
    ...     return len([sources(event.document_id) for event in events])
    >>> citing(citing_writer, lambda document_id: None)([Event("call", "occurred")], None)
    1
    """
    if not accepts_sources(writer):
        return writer
    return functools.partial(cast("Callable[..., int]", writer), sources=sources)


@attrs.define
class RecentSources:
    """The sources of the documents seen last, as a :data:`SourceLookup`.

    Events are written just after the document they come from is read, so
    the latest few thousand documents are enough, in constant memory
    however long the stream.
    """

    limit: int = 4096
    _known: collections.OrderedDict[str, SourceInfo] = attrs.field(factory=collections.OrderedDict)

    def add(self, document: Document) -> None:
        """Remember a document's source, forgetting the oldest beyond :attr:`limit`."""
        self.put(document.id, SourceInfo.of(document))

    def put(self, document_id: str, source: SourceInfo) -> None:
        """Remember the source of the document ``document_id``."""
        self._known[document_id] = source
        self._known.move_to_end(document_id)
        while len(self._known) > self.limit:
            self._known.popitem(last=False)

    def __call__(self, document_id: str) -> SourceInfo | None:
        """The source of the document ``document_id``, when it is among the latest seen."""
        return self._known.get(document_id)
