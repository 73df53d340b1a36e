"""The plugin contract: every hook a plugin may implement.

Plugins implement these functions, decorated with :data:`hookimpl`, in a
module registered under the ``alliancekit`` entry-point group. The built-in
extractor, knowledge base and output formats are themselves plugins
(:mod:`alliancekit.default_plugins`).

Registration hooks take a ``register`` callback, so a plugin can register any
number of things, and a name registered twice is an error.

>>> from alliancekit.hookspecs import hookimpl
>>> @hookimpl
... def register_extractors(register):
...     pass
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from alliancekit.actors import ActorRecord, Place
    from alliancekit.extractor import ExtractorFactory
    from alliancekit.io.writers import Writer
    from alliancekit.model import Document, Event

__all__ = ["hookimpl", "hookspec"]

hookspec = pluggy.HookspecMarker("alliancekit")
"""Marks a function in this module as a hook specification."""

hookimpl = pluggy.HookimplMarker("alliancekit")
"""Marks a plugin function as an implementation of a hook."""


@hookspec
def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
    """Register event extractors by name.

    Call ``register(name, factory)`` once per extractor; ``factory`` is a
    zero-argument callable building the extractor the first time it is used,
    so a heavy model loads only when asked for.

    :param register: the callback that records one extractor factory.
    """


@hookspec
def register_actors(register: Callable[[Iterable[ActorRecord]], None]) -> None:
    """Add people and organizations to the actor knowledge base.

    Call ``register(records)`` with :class:`~alliancekit.actors.ActorRecord`
    values. Records with an ``id`` already registered are an error.

    :param register: the callback that records actor entries.
    """


@hookspec
def register_places(register: Callable[[Iterable[Place]], None]) -> None:
    """Add places (cities, bases, sites) to the gazetteer.

    Call ``register(places)`` with :class:`~alliancekit.actors.Place` values.

    :param register: the callback that records places.
    """


@hookspec
def register_formats(register: Callable[[str, Writer], None]) -> None:
    """Register output formats by name.

    Call ``register(name, writer)`` where ``writer(events, stream)`` writes
    an iterable of events to a text stream and returns how many it wrote.

    A writer that also takes a keyword argument ``sources`` is handed a
    :data:`~alliancekit.io.sources.SourceLookup`, from a document id to the
    story's publication date, outlet and address, to cite them. A writer
    of a binary format (:class:`~alliancekit.io.parquet.ParquetFormat`)
    writes to ``stream.buffer`` and has ``binary = True``, which keeps it
    off a terminal; one with a ``check()`` method has it called before a
    run, to raise :class:`ImportError` when something it needs is missing.

    :param register: the callback that records one writer.
    """


@hookspec
def preprocess_document(document: Document) -> Document | None:
    """Clean or enrich a document before extraction.

    Implementations run in plugin order, each seeing the previous one's
    result. Return a new document (``attrs.evolve(document, ...)``) or
    ``None`` to leave it unchanged. Evidence offsets index into the text an
    extractor sees, so change ``text`` only when that is what you want.
    Hook wrappers are not run for this hook.

    :param document: the document as read.
    :returns: a replacement document, or ``None``.
    """


@hookspec
def postprocess_events(document: Document, events: list[Event]) -> list[Event] | None:
    """Filter, correct or enrich the events found in one document.

    Implementations run in plugin order, each seeing the previous one's
    result. Return the new list, or ``None`` to leave it unchanged.
    Hook wrappers are not run for this hook.

    :param document: the document the events were read from.
    :param events: the events so far.
    :returns: a replacement list, or ``None``.
    """
