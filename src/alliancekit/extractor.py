"""The extractor contract: what a plugin's extractor is given and must return.

An extractor is any object with a ``name`` and an ``extract`` method that
turns one :class:`~alliancekit.model.Document` into events. It receives an
:class:`ExtractionContext` holding the shared services (the actor knowledge
base) so that plugins reuse them instead of writing them again.

>>> class Nothing:
...     name = "nothing"
...     def extract(self, document, context):
...         return []
>>> isinstance(Nothing(), Extractor)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from alliancekit.model import Document, Event

if TYPE_CHECKING:
    from alliancekit.actors import KnowledgeBase

__all__ = ["ExtractionContext", "Extractor", "ExtractorFactory", "extract_each"]


@attrs.frozen
class ExtractionContext:
    """Shared services handed to every extractor call.

    :param knowledge_base: known actors and places, merged from all plugins.
    """

    knowledge_base: KnowledgeBase


@runtime_checkable
class Extractor(Protocol):
    """An event extractor.

    ``extract`` must return events whose evidence spans index into
    ``document.text``; it should not raise on any text. Extractors that gain
    from batching (a spaCy pipeline) may also define ``extract_batch``.
    """

    name: str

    def extract(self, document: Document, context: ExtractionContext) -> Iterable[Event]:
        """Find the events in one document."""
        ...


ExtractorFactory = Callable[[], Extractor]
"""A zero-argument callable that builds an extractor when it is first used."""


def extract_each(
    extractor: Extractor, documents: Iterable[Document], context: ExtractionContext
) -> Iterator[tuple[Document, list[Event]]]:
    """Run ``extractor`` over documents, batching when it supports it.

    Uses ``extractor.extract_batch(documents, context)`` when present (it must
    yield ``(document, events)`` pairs in order), else ``extract`` per document.

    >>> from alliancekit.actors import KnowledgeBase
    >>> class Nothing:
    ...     name = "nothing"
    ...     def extract(self, document, context):
    ...         return []
    >>> ctx = ExtractionContext(KnowledgeBase())
    >>> [(d.id, e) for d, e in extract_each(Nothing(), [Document("a", "")], ctx)]
    [('a', [])]
    """
    batch = getattr(extractor, "extract_batch", None)
    if callable(batch):
        for document, events in batch(documents, context):
            yield document, list(events)
        return
    for document in documents:
        yield document, list(extractor.extract(document, context))
