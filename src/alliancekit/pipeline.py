"""The pipeline: document -> prepare -> extractor -> check -> post-process -> events.

Data flows one way. :func:`prepare_document` reads what the text itself says
about its source (a printed timestamp, a wire dateline); the extractor finds
events; :func:`check_events` keeps only events that honour the contract
(evidence that matches the text), reporting the rest; plugins then
post-process.

>>> events = extract("Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio "
...                  "in Tokyo on Monday.", published="2026-03-04")
>>> [(e.type.value, e.status.value, str(e.time.start)) for e in events]
[('meeting', 'occurred', '2026-03-02')]
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Iterator

import attrs

from alliancekit.extractor import Extractor
from alliancekit.io.readers import parse_published
from alliancekit.model import Document, Event
from alliancekit.plugins import Plugins, get_plugins
from alliancekit.temporal import read_dateline, read_timestamp

__all__ = ["DocumentResult", "check_events", "extract", "extract_many", "prepare_document", "run"]


@attrs.frozen
class DocumentResult:
    """What one document gave: its events, and the problems met on the way.

    ``error`` is set when the extractor failed on the document (its events
    are then empty); ``rejected`` lists events dropped for breaking the
    contract, with the reason.
    """

    document: Document
    events: list[Event]
    error: str | None = None
    rejected: list[str] = attrs.field(factory=list)

    @property
    def ok(self) -> bool:
        """Whether the document went through without any problem."""
        return self.error is None and not self.rejected


def prepare_document(document: Document) -> Document:
    r"""Fill the source fields that the text itself states.

    Reads a printed timestamp ("16:35 JST, March 10, 2022") and a wire
    dateline ("TOKYO, May 3 (Kyodo) -") when the source lacks them.

    >>> doc = prepare_document(Document("d", "Caption.\n16:35 JST, March 10, 2022\nText."))
    >>> doc.anchor
    datetime.date(2022, 3, 10)
    """
    source = document.source
    if source.timestamp is None:
        timestamp = read_timestamp(document.text)
        if timestamp is not None:
            source = attrs.evolve(source, timestamp=timestamp)
    if source.dateline is None:
        dateline = read_dateline(document.text)
        if dateline is not None:
            source = attrs.evolve(source, dateline=dateline.place)
    if source is document.source:
        return document
    return attrs.evolve(document, source=source)


def check_events(
    document: Document, events: Iterable[Event], extractor: str
) -> tuple[list[Event], list[str]]:
    """Split events into those honouring the contract and the reasons for the rest.

    An event must carry evidence whose offsets match the document text. The
    document id and extractor name are filled in when the extractor left
    them empty.
    """
    kept: list[Event] = []
    rejected: list[str] = []
    for index, event in enumerate(events):
        if not isinstance(event, Event):
            rejected.append(f"{extractor}: result {index} is a {type(event).__name__}, not an Event")
            continue
        if not event.evidence or not event.evidence_matches(document.text):
            rejected.append(
                f"{extractor}: event {index} ({event.type.value}) has evidence that does not match the text"
            )
            continue
        if not event.document_id or not event.extractor:
            event = attrs.evolve(
                event, document_id=event.document_id or document.id, extractor=event.extractor or extractor
            )
        kept.append(event)
    return kept, rejected


def _as_document(text_or_document: str | Document, published: dt.date | str | None) -> Document:
    if isinstance(text_or_document, Document):
        if published is not None and text_or_document.published is None:
            return attrs.evolve(text_or_document, published=parse_published(published))
        return text_or_document
    return Document(id="document", text=text_or_document, published=parse_published(published))


def run(
    documents: Iterable[Document], *, extractor: str = "rules", plugins: Plugins | None = None
) -> Iterator[DocumentResult]:
    """Extract from each document in turn, isolating failures per document.

    An extractor that raises on one document yields a :class:`DocumentResult`
    with ``error`` set, and the batch goes on.
    """
    plugins = plugins or get_plugins()
    chosen = plugins.extractor(extractor)
    context = plugins.context()
    for document in documents:
        prepared = prepare_document(plugins.preprocess(document))
        yield _run_one(chosen, prepared, context, plugins)


def _run_one(chosen: Extractor, document: Document, context: object, plugins: Plugins) -> DocumentResult:
    try:
        found = list(chosen.extract(document, context))  # type: ignore[arg-type]
    except Exception as error:  # an extractor bug must not stop the batch
        return DocumentResult(document, [], error=f"{chosen.name}: {type(error).__name__}: {error}")
    events, rejected = check_events(document, found, chosen.name)
    try:
        events = plugins.postprocess(document, events)
    except Exception as error:
        return DocumentResult(document, events, error=f"postprocess_events: {type(error).__name__}: {error}")
    return DocumentResult(document, events, rejected=rejected)


def extract(
    text_or_document: str | Document,
    *,
    published: dt.date | str | None = None,
    extractor: str = "rules",
    plugins: Plugins | None = None,
) -> list[Event]:
    """Extract the events of one text or document.

    :param text_or_document: raw text, or a :class:`~alliancekit.model.Document`.
    :param published: publication date (a date or ISO string), the anchor
        for relative dates; ignored when the document has its own.
    :param extractor: the registered extractor's name.
    :raises RuntimeError: when the extractor fails on the document.
    """
    document = _as_document(text_or_document, published)
    result = next(run([document], extractor=extractor, plugins=plugins))
    if result.error is not None:
        raise RuntimeError(result.error)
    return result.events


def extract_many(
    documents: Iterable[Document], *, extractor: str = "rules", plugins: Plugins | None = None
) -> Iterator[Event]:
    """Stream the events of many documents, one document at a time.

    Documents the extractor fails on are skipped; use :func:`run` to see why.

    >>> docs = [Document("a", "Secretary of State Marco Rubio spoke by phone with Foreign Minister "
    ...                  "Toshimitsu Motegi on Friday.", dt.date(2026, 5, 4))]
    >>> [e.type.value for e in extract_many(docs)]
    ['call']
    """
    results = run(documents, extractor=extractor, plugins=plugins)
    return itertools.chain.from_iterable(result.events for result in results)
