"""Extraction on Dask: alliancekit mapped over a :mod:`dask.bag` of documents.

Install the extra: ``pip install 'alliancekit[dask]'`` (``dask[bag]`` and
``distributed``). Three steps, each lazy until computed:

1. a bag of documents: :func:`read_bag` reads files (one partition per
   file), or build your own with ``dask.bag.from_sequence(documents)``;
2. :func:`extract_bag` maps extraction over it, partition by partition;
   each worker process builds its plugins and extractor once and reuses them;
3. :func:`collect_events` gathers the events, or :func:`store_results` adds
   the results to an :class:`~alliancekit.store.EventStore`, a few
   partitions at a time so the client never holds the whole corpus.

Running on a real cluster
-------------------------

Every worker needs alliancekit (and any plugin and model you extract with)
installed in the same versions as the client, and the input files on a path
every worker can read (a shared file system or object store); the event
store stays on the client. Start a scheduler and workers, one thread each
(extraction is CPU-bound Python; use processes for parallelism)::

    dask scheduler                                  # on one machine
    dask worker tcp://scheduler:8786 --nworkers 8 --nthreads 1   # on each machine

then connect a client and run::

    from distributed import Client
    from alliancekit.dask import read_bag, extract_bag, store_results
    from alliancekit.store import EventStore

    client = Client("tcp://scheduler:8786")
    results = extract_bag(read_bag(["/shared/news/2026/"]).repartition(npartitions=64))
    with EventStore("events.db") as store:
        print(store_results(results, store).render())

Plugins load on the workers from their environment: set
``ALLIANCEKIT_LOAD_PLUGINS`` there (e.g. with ``dask worker --preload`` or
the worker's environment) if you restrict them. On a managed cluster
(Kubernetes, YARN, HPC job queues), ``dask-kubernetes``,
``dask-jobqueue`` and friends start the same workers; nothing else changes.

>>> import datetime as dt
>>> import dask, dask.bag
>>> from alliancekit.model import Document
>>> text = "Secretary of State Marco Rubio spoke by phone with Foreign Minister Toshimitsu Motegi on Friday."
>>> bag = dask.bag.from_sequence([Document("a", text, dt.date(2026, 5, 4))], npartitions=1)
>>> with dask.config.set(scheduler="sync"):
...     [event.type.value for event in collect_events(extract_bag(bag))]
['call']
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, cast

try:
    import dask
    import dask.bag
except ImportError as error:  # pragma: no cover - depends on the environment
    raise ImportError("alliancekit.dask needs dask: pip install 'alliancekit[dask]'") from error

from alliancekit.io.readers import ReadError, input_files, read_file
from alliancekit.model import Document, Event
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import Plugins, get_plugins
from alliancekit.store import AddSummary, EventStore

__all__ = ["collect_events", "extract_bag", "read_bag", "store_results"]

PluginsFactory = Callable[[], Plugins]

_plugins: dict[PluginsFactory, Plugins] = {}
_plugins_lock = threading.Lock()


def _worker_plugins(factory: PluginsFactory) -> Plugins:
    """The plugins ``factory`` builds, once per process."""
    with _plugins_lock:
        if factory not in _plugins:
            _plugins[factory] = factory()
        return _plugins[factory]


def _untyped(bag: dask.bag.Bag) -> Any:
    """The bag, for calling its methods, which dask leaves without type annotations."""
    return bag


def _bag(items: list[Any], npartitions: int) -> dask.bag.Bag:
    from_sequence: Any = dask.bag.from_sequence
    return cast("dask.bag.Bag", from_sequence(items, npartitions=npartitions))


_InputFile = tuple[str, str | None] | ReadError


def _input_files(paths: Iterable[Path | str]) -> list[_InputFile]:
    """Each input file with the name its id-less documents take, as read_documents finds them."""
    return [item if isinstance(item, ReadError) else (str(item[0]), item[1]) for item in input_files(paths)]


def _read_partition(files: list[_InputFile], published: dt.date | None) -> list[Document | ReadError]:
    documents: list[Document | ReadError] = []
    for item in files:
        if isinstance(item, ReadError):  # a folder that cannot be searched
            documents.append(item)
            continue
        file, name = item
        documents += read_file(Path(file), published=published, name=name)
    return documents


def read_bag(paths: Iterable[Path | str], *, published: dt.date | None = None) -> dask.bag.Bag:
    r"""A bag of the documents (or :class:`~alliancekit.io.readers.ReadError`) in files.

    Directories are listed here, on the client; each file becomes one
    partition, read on a worker, so the paths must be readable there.
    Repartition a bag of a few large files to spread it over more workers.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"id": "a1", "text": "Hello."}\\n')
    >>> read_bag([folder]).npartitions
    1
    """
    files = _input_files(paths)
    if not files:
        return _bag([], 1)
    bag: dask.bag.Bag = _untyped(_bag(files, len(files))).map_partitions(_read_partition, published=published)
    return bag


def _extract_partition(
    items: Iterable[Document | ReadError], extractor: str, plugins_factory: PluginsFactory
) -> list[DocumentResult | ReadError]:
    plugins = _worker_plugins(plugins_factory)
    items = list(items)
    documents = [item for item in items if isinstance(item, Document)]
    results = iter(run(documents, extractor=extractor, plugins=plugins))
    # Read errors keep their place among the results.
    return [next(results) if isinstance(item, Document) else item for item in items]


def extract_bag(
    documents: dask.bag.Bag, *, extractor: str = "rules", plugins_factory: PluginsFactory = get_plugins
) -> dask.bag.Bag:
    """Map extraction over a bag of documents: a bag of :class:`~alliancekit.pipeline.DocumentResult`.

    :param documents: a bag of :class:`~alliancekit.model.Document`;
        :class:`~alliancekit.io.readers.ReadError` items pass through.
    :param extractor: the registered extractor's name.
    :param plugins_factory: builds the plugins in each worker process, once
        (module-level, so that it pickles); the default honours the
        ``ALLIANCEKIT_*`` environment variables of the worker.
    """
    results: dask.bag.Bag = _untyped(documents).map_partitions(_extract_partition, extractor, plugins_factory)
    return results


def _partition_events(results: Iterable[DocumentResult | ReadError]) -> list[Event]:
    return [event for result in results if isinstance(result, DocumentResult) for event in result.events]


def collect_events(results: dask.bag.Bag) -> list[Event]:
    """Compute the bag and return every event found, in document order."""
    events: list[Event] = _untyped(results).map_partitions(_partition_events).compute()
    return events


def _partitions(results: dask.bag.Bag, window: int) -> Iterator[list[DocumentResult | ReadError]]:
    """Compute the partitions ``window`` at a time, yielding them in order."""
    parts: list[Any] = _untyped(results).to_delayed()
    compute: Any = getattr(dask, "compute")  # noqa: B009 - dask does not export it for type checkers
    for start in range(0, len(parts), window):
        yield from compute(*parts[start : start + window])


def store_results(
    results: dask.bag.Bag,
    store: EventStore,
    *,
    window: int = 8,
    on_error: Callable[[str], None] | None = None,
) -> AddSummary:
    """Add the results of :func:`extract_bag` to an event store, partition by partition.

    Each partition is one transaction. At most ``window`` partitions are
    computed and held on the client at a time.

    :param on_error: called with a message for each read error and failed
        document (by default they are only counted, as ``failed``).
    """
    summary = AddSummary()
    for part in _partitions(results, window):
        found: list[DocumentResult] = []
        for item in part:
            if isinstance(item, ReadError):
                summary.failed += 1
                if on_error is not None:
                    on_error(str(item))
                continue
            if item.error is not None and on_error is not None:
                on_error(f"document {item.document.id}: {item.error}")
            found.append(item)
        added = store.add(found)
        if on_error is not None:
            for clash in added.clashes:
                on_error(clash)
        summary.update(added)
    return summary
