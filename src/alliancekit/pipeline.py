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

import contextlib
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Iterator, Sequence
from traceback import format_exception

import attrs

from alliancekit.combine import CombinedExtractor, merge_events
from alliancekit.explain import ExplainingExtractor, Explanation
from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.io.readers import parse_published
from alliancekit.isolation import ExtractorError, ExtractorWorker, RemoteError
from alliancekit.model import Document, Event
from alliancekit.plugins import PluginError, Plugins, get_plugins
from alliancekit.serialize import event_problems
from alliancekit.temporal import read_dateline, read_timestamp

__all__ = [
    "DocumentResult",
    "check_events",
    "explain",
    "extract",
    "extract_many",
    "prepare_document",
    "run",
]


@attrs.frozen
class DocumentResult:
    """What one document gave: its events, and the problems met on the way.

    ``error`` is set when the extractor, a part of a combined extractor or
    a processing plugin failed on the document, naming which (several
    failures are joined by ``"; "``); ``events`` then holds what the parts
    that worked found. ``traceback`` then holds the tracebacks of the
    failures, for the author of the code at fault (``alliancekit
    --traceback`` shows them), also when the extractor ran in another
    process; ``exception`` is the first exception itself, when it was
    raised in this process (it is not pickled). ``rejected`` lists the
    results dropped for breaking the contract (not events, invalid fields,
    evidence that does not match the text), with the reason; they never
    reach an output.
    """

    document: Document
    events: list[Event]
    error: str | None = None
    rejected: list[str] = attrs.field(factory=list)
    traceback: str | None = None
    exception: BaseException | None = attrs.field(default=None, eq=False, repr=False)

    def __getstate__(self) -> dict[str, object]:
        """Everything but ``exception``, which may not pickle: ``traceback`` tells it."""
        return {field.name: getattr(self, field.name) for field in attrs.fields(DocumentResult)} | {
            "exception": None
        }

    def __setstate__(self, state: dict[str, object]) -> None:
        for name, value in state.items():
            object.__setattr__(self, name, value)

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
    document: Document, events: Iterable[object], extractor: str
) -> tuple[list[Event], list[str]]:
    r"""Split events into those honouring the contract and the reasons for the rest.

    An event must be an :class:`~alliancekit.model.Event` that serializes to
    JSON valid against the output schema
    (:func:`~alliancekit.serialize.event_problems`), carry evidence whose
    offsets match the document text, and name this document when it names
    one. The document id and extractor name are filled in when the event
    left them empty. Nothing here raises, whatever ``events`` holds.

    >>> from alliancekit.model import Evidence
    >>> document = Document("d1", "Abe met Lee.")
    >>> good = Event("meeting", "occurred", evidence=[Evidence.from_text(document.text, 0, 11)])
    >>> bad = Event("meeting", "occurred", evidence=[Evidence(0, 3, "Lee")])
    >>> kept, rejected = check_events(document, [good, bad, "a string"], "mine")
    >>> [(event.document_id, event.extractor) for event in kept]
    [('d1', 'mine')]
    >>> print(*rejected, sep="\n")
    mine: event 1 (meeting) has evidence that does not match the text
    mine: result 2 is not a valid event: a str, not an Event
    """
    kept: list[Event] = []
    rejected: list[str] = []
    for index, event in enumerate(events):
        try:
            problem = _event_problem(document, event, index)
            if problem is None and isinstance(event, Event):
                if not event.document_id or not event.extractor:
                    event = attrs.evolve(
                        event,
                        document_id=event.document_id or document.id,
                        extractor=event.extractor or extractor,
                    )
                kept.append(event)
                continue
        except Exception as error:  # an Event subclass whose methods raise
            problem = f"result {index} cannot be checked: {type(error).__name__}: {error}"
        rejected.append(f"{extractor}: {problem}")
    return kept, rejected


def _event_problem(document: Document, event: object, index: int) -> str | None:
    """Why one result of an extractor breaks the contract, or ``None`` when it does not."""
    problems = event_problems(event)
    if problems or not isinstance(event, Event):
        return f"result {index} is not a valid event: {'; '.join(problems)}"
    if not event.evidence or not event.evidence_matches(document.text):
        return f"event {index} ({event.type.value}) has evidence that does not match the text"
    if event.document_id and event.document_id != document.id:
        return f"event {index} ({event.type.value}) names document {event.document_id!r}, not {document.id!r}"
    return None


def _as_document(
    text_or_document: str | Document, published: dt.date | str | None, document_id: str = "document"
) -> Document:
    """A document as given, or one made of a text (named ``document_id``); anything else is a TypeError."""
    if isinstance(text_or_document, Document):
        if published is not None and text_or_document.published is None:
            return attrs.evolve(text_or_document, published=parse_published(published))
        return text_or_document
    if not isinstance(text_or_document, str):
        raise TypeError(f"expected a text (str) or a Document, got {type(text_or_document).__name__}")
    return Document(id=document_id, text=text_or_document, published=parse_published(published))


def _only_documents(documents: Iterable[Document]) -> Iterator[Document]:
    """Pass documents on; anything else is a TypeError saying what to do."""
    for index, document in enumerate(documents):
        if not isinstance(document, Document):
            hint = "; extract_many() takes texts" if isinstance(document, str) else ""
            raise TypeError(
                f"run() takes Document values, got a {type(document).__name__} at position {index}{hint}"
            )
        yield document


def run(
    documents: Iterable[Document],
    *,
    extractor: str = "rules",
    plugins: Plugins | None = None,
    timeout: float | None = None,
) -> Iterator[DocumentResult]:
    """Extract from each document in turn, isolating failures per document.

    An extractor or a processing plugin that raises on one document yields
    a :class:`DocumentResult` with ``error`` set, and the batch goes on. The
    parts of a combined extractor (``"rules+spacy"``) run one by one: a part
    that fails is reported and the others' events are kept. Every event is
    checked (:func:`check_events`) before it is yielded, after the
    extractor and again after merging the parts' events and after the
    post-processing plugins, when there are any.

    An extractor with an ``extract_batch`` method (a spaCy pipeline, which
    gains from processing many texts at once) is handed :data:`BATCH_SIZE`
    documents at a time when ``timeout`` is ``None``; the results still come
    one per document, in order, and a batch that raises is run again one
    document at a time so that only the document at fault fails.

    :param timeout: seconds an extractor may spend on one document. When
        set, extractors run in a worker process
        (:class:`~alliancekit.isolation.ExtractorWorker`) that is killed when
        the time is up; the document then fails with a "timed out" error.
        ``None`` (the default) runs them in this process, without a limit.
    """
    documents = _only_documents(documents)
    plugins = plugins or get_plugins()
    chosen = plugins.extractor(extractor)
    # Each part with the name it is registered under, which a worker process looks it up by.
    names = extractor.split("+") if isinstance(chosen, CombinedExtractor) else [extractor]
    parts = [(name, plugins.extractor(name)) for name in names]
    context = plugins.context()
    with contextlib.ExitStack() as stack:
        call: _Call
        if timeout is None:
            call = functools.partial(_call_here, context=context)
        else:
            worker = stack.enter_context(ExtractorWorker(plugins, timeout))
            call = functools.partial(_call_worker, worker=worker)
        if timeout is None and any(callable(getattr(part, "extract_batch", None)) for _, part in parts):
            for chunk in _chunks(documents, BATCH_SIZE):
                yield from _run_batch(chunk, parts, context, plugins)
            return
        for document in documents:
            yield _run_one(document, parts, call, plugins)


BATCH_SIZE = 32
"""Documents handed at once to an extractor with ``extract_batch`` (a spaCy pipeline)."""


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _run_batch(
    chunk: list[Document],
    parts: Sequence[tuple[str, Extractor]],
    context: ExtractionContext,
    plugins: Plugins,
) -> Iterator[DocumentResult]:
    """:func:`_run_one` for a chunk of documents, each batching part called once for all of them.

    A batch that raises is run again one document at a time, so that the
    failure is reported for the document it belongs to and the others keep
    their events.
    """
    ready: list[Document] = []
    failed: dict[int, DocumentResult] = {}
    for index, document in enumerate(chunk):
        prepared = _prepare(document, plugins)
        if isinstance(prepared, DocumentResult):
            failed[index] = prepared
        else:
            ready.append(prepared)
    found: dict[str, list[list[object] | Exception]] = {}
    for name, part in parts:
        found[name] = _batched(part, ready, context)
    position = 0
    for index in range(len(chunk)):
        if index in failed:
            yield failed[index]
            continue
        given = {name: found[name][position] for name, _ in parts}
        yield _finish(ready[position], parts, functools.partial(_given, answers=given), plugins)
        position += 1


def _batched(
    part: Extractor, ready: list[Document], context: ExtractionContext
) -> list[list[object] | Exception]:
    """What ``part`` finds in each document: by one batch when it can, else one by one."""
    batch = getattr(part, "extract_batch", None)
    if callable(batch):
        try:
            answers: list[list[object] | Exception] = [list(events) for _, events in batch(ready, context)]
        except Exception:  # found again one by one, where the failure is told which document it is
            answers = []
        if len(answers) == len(ready):
            return answers
    return [_try(part, document, context) for document in ready]


def _try(part: Extractor, document: Document, context: ExtractionContext) -> list[object] | Exception:
    try:
        return list(part.extract(document, context))
    except Exception as error:  # reported for this document by _finish
        return error


def _given(
    name: str, extractor: Extractor, document: Document, *, answers: dict[str, list[object] | Exception]
) -> Iterable[object]:
    """What a part already found for the document (or the error it raised), as a :data:`_Call`."""
    answer = answers[name]
    if isinstance(answer, Exception):
        raise answer
    return answer


_Call = Callable[[str, Extractor, Document], Iterable[object]]


def _call_here(
    name: str, extractor: Extractor, document: Document, *, context: ExtractionContext
) -> Iterable[object]:
    return list(extractor.extract(document, context))


def _call_worker(
    name: str, extractor: Extractor, document: Document, *, worker: ExtractorWorker
) -> Iterable[object]:
    return worker.extract(name, document)


def _describe(error: Exception) -> str:
    if isinstance(error, ExtractorError | PluginError):  # they say what went wrong, and where
        return str(error)
    return f"{type(error).__name__}: {error}"


def _traceback(error: BaseException) -> str:
    """The traceback of a failure as text; for an extractor run in a worker, the worker's."""
    remote = error.traceback if isinstance(error, ExtractorError) else None
    return remote or "".join(format_exception(error))


def _failed(document: Document, error: Exception, message: str) -> DocumentResult:
    return DocumentResult(document, [], error=message, traceback=_traceback(error), exception=error)


def _run_one(
    document: Document, parts: Sequence[tuple[str, Extractor]], call: _Call, plugins: Plugins
) -> DocumentResult:
    prepared = _prepare(document, plugins)
    if isinstance(prepared, DocumentResult):
        return prepared
    return _finish(prepared, parts, call, plugins)


def _prepare(document: Document, plugins: Plugins) -> Document | DocumentResult:
    """The document as extractors see it, or the failed result when that cannot be had."""
    try:
        document = plugins.preprocess(document)
    except Exception as error:  # a plugin bug must not stop the batch
        return _failed(document, error, _describe(error))
    try:
        return prepare_document(document)
    except Exception as error:  # pragma: no cover - a bug of ours, reported like a plugin's
        return _failed(document, error, f"prepare_document: {_describe(error)}")


def _finish(
    document: Document, parts: Sequence[tuple[str, Extractor]], call: _Call, plugins: Plugins
) -> DocumentResult:
    """Each part's events for a prepared document, checked, merged and post-processed."""
    groups: list[list[Event]] = []
    errors: list[str] = []
    raised: list[Exception] = []
    rejected: list[str] = []
    for name, part in parts:
        try:
            found = call(name, part, document)
        except Exception as error:  # an extractor bug must not stop the batch
            errors.append(f"{part.name}: {_describe(error)}")
            raised.append(error)
            continue
        kept, dropped = check_events(document, found, part.name)
        groups.append(kept)
        rejected.extend(dropped)
    events = merge_events(groups) if len(parts) > 1 else [event for group in groups for event in group]
    # Merged events are new, and plugins may change any; one extractor's events alone were just checked.
    if len(parts) > 1 or plugins.postprocesses:
        try:
            processed = plugins.postprocess(document, events)
        except Exception as error:
            errors.append(_describe(error))
            raised.append(error)
        else:
            events, dropped = check_events(document, processed, "postprocess_events")
            rejected.extend(dropped)
    return DocumentResult(
        document,
        events,
        error="; ".join(errors) or None,
        rejected=rejected,
        traceback="\n".join(_traceback(error) for error in raised) or None,
        exception=raised[0] if raised else None,
    )


def extract(
    text_or_document: str | Document,
    *,
    published: dt.date | str | None = None,
    extractor: str = "rules",
    plugins: Plugins | None = None,
    timeout: float | None = None,
) -> list[Event]:
    """Extract the events of one text or document.

    :param text_or_document: raw text, or a :class:`~alliancekit.model.Document`.
    :param published: publication date (a date or ISO string), the anchor
        for relative dates; ignored when the document has its own.
    :param extractor: the registered extractor's name.
    :param timeout: seconds the extractor may take, as in :func:`run`.
    :raises RuntimeError: when the extractor fails on the document (or
        takes longer than ``timeout``); the extractor's own exception is
        its ``__cause__`` (when the extractor ran in a worker process, an
        :class:`~alliancekit.isolation.ExtractorError` caused by a
        :class:`~alliancekit.isolation.RemoteError` showing the worker's
        traceback).

    >>> from alliancekit.hookspecs import hookimpl
    >>> class Broken:
    ...     name = "broken"
    ...     def extract(self, document, context):
    ...         return {}["missing"]
    >>> class BrokenPlugin:
    ...     @hookimpl
    ...     def register_extractors(self, register):
    ...         register("broken", Broken)
    >>> plugins = Plugins.create(load_entrypoints=False, extra=[BrokenPlugin()])
    >>> try:
    ...     extract("Abe met Lee.", extractor="broken", plugins=plugins)
    ... except RuntimeError as error:
    ...     print(error, "|", repr(error.__cause__))
    broken: KeyError: 'missing' | KeyError('missing')
    """
    document = _as_document(text_or_document, published)
    [result] = run([document], extractor=extractor, plugins=plugins, timeout=timeout)
    if result.error is not None:
        cause = result.exception or RemoteError(result.traceback or "")
        raise RuntimeError(result.error) from cause
    return result.events


def explain(
    text_or_document: str | Document,
    *,
    published: dt.date | str | None = None,
    extractor: str = "rules",
    plugins: Plugins | None = None,
) -> list[Explanation]:
    """Extract the events of one text or document, each with its mentions and the reason for each field.

    The document is prepared as :func:`extract` prepares it (plugins'
    preprocessing, the timestamp and dateline it states); the extractor's
    post-processing and checks are not applied, so what is explained is what
    the extractor itself found.

    :raises TypeError: when the extractor cannot explain itself (it has no
        ``explain`` method, see :class:`~alliancekit.explain.ExplainingExtractor`).

    >>> text = "Defense Minister Shinjiro Koizumi visited Manila on Tuesday."
    >>> [why for field, why in explain(text, published="2026-03-12")[0].reasons if field == "time"]
    ["'on Tuesday', read backward from the publication date 2026-03-12"]
    """
    plugins = plugins or get_plugins()
    found = plugins.extractor(extractor)
    if not isinstance(found, ExplainingExtractor):
        raise TypeError(f"extractor {extractor!r} cannot explain its events (it has no explain method)")
    prepared = _prepare(_as_document(text_or_document, published), plugins)
    if isinstance(prepared, DocumentResult):
        raise RuntimeError(prepared.error)
    return found.explain(prepared, plugins.context())


def extract_many(
    documents: Iterable[Document | str],
    *,
    published: dt.date | str | None = None,
    extractor: str = "rules",
    plugins: Plugins | None = None,
    timeout: float | None = None,
) -> Iterator[Event]:
    """Stream the events of many documents or texts, one at a time.

    Documents the extractor fails on (or takes longer than ``timeout`` on,
    as in :func:`run`) are skipped; use :func:`run` to see why.

    :param documents: :class:`~alliancekit.model.Document` values, or
        plain texts, as :func:`extract` takes them; the n-th text (from 1)
        is named ``document:n``. Anything else raises :class:`TypeError`.
    :param published: the publication date of the texts, and of the
        documents that do not have their own.

    >>> docs = [Document("a", "Secretary of State Marco Rubio spoke by phone with Foreign Minister "
    ...                  "Toshimitsu Motegi on Friday.", dt.date(2026, 5, 4))]
    >>> [e.type.value for e in extract_many(docs)]
    ['call']
    >>> texts = ["Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio on Monday."]
    >>> [(e.document_id, str(e.time.start)) for e in extract_many(texts, published="2026-03-04")]
    [('document:1', '2026-03-02')]
    """
    prepared = (
        _as_document(item, published, f"document:{number}") for number, item in enumerate(documents, start=1)
    )
    results = run(prepared, extractor=extractor, plugins=plugins, timeout=timeout)
    return itertools.chain.from_iterable(result.events for result in results)
