"""Parallel extraction: :func:`alliancekit.pipeline.run` over several processes.

:func:`run_parallel` sends documents in chunks to a pool of worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`) and yields the results in
document order, exactly as :func:`~alliancekit.pipeline.run` would. Only a
bounded number of chunks is in flight at a time, so a corpus of any size
streams through in constant memory.

Each worker builds its own plugins once, when it starts, by calling
``plugins_factory`` (by default :func:`~alliancekit.plugins.get_plugins`,
which honours ``ALLIANCEKIT_LOAD_PLUGINS`` and ``ALLIANCEKIT_BLOCK_PLUGINS``),
and its own extractor from them. The factory must be picklable: a function
defined at module level.

>>> import datetime as dt
>>> from alliancekit.model import Document
>>> docs = [Document(f"d{n}", "Secretary of State Marco Rubio spoke by phone with Foreign Minister "
...                  "Toshimitsu Motegi on Friday.", dt.date(2026, 5, 4)) for n in range(3)]
>>> [(r.document.id, len(r.events)) for r in run_parallel(docs, jobs=1)]
[('d0', 1), ('d1', 1), ('d2', 1)]
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import multiprocessing.context
import multiprocessing.process
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor

from alliancekit.isolation import die_with_parent
from alliancekit.model import Document
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import Plugins, get_plugins

__all__ = ["DEFAULT_CHUNKSIZE", "run_parallel"]

DEFAULT_CHUNKSIZE = 32
"""Documents sent to a worker at a time: enough to amortise the transfer, small enough to balance."""

PluginsFactory = Callable[[], Plugins]

_worker_plugins: Plugins | None = None
_worker_extractor = "rules"
_worker_timeout: float | None = None


def _start_worker(factory: PluginsFactory, extractor: str, timeout: float | None = None) -> None:
    """Build this worker's plugins and extractor, once.

    The worker ignores Ctrl-C, which reaches every process of the
    terminal: the parent handles it and stops the workers. It ends with its
    parent, even one killed outright.
    """
    global _worker_plugins, _worker_extractor, _worker_timeout
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by forking
    die_with_parent()
    _worker_plugins = factory()
    _worker_extractor = extractor
    _worker_timeout = timeout
    _worker_plugins.extractor(extractor)


def _extract_chunk(documents: list[Document]) -> list[DocumentResult]:
    """Run the worker's extractor over one chunk of documents."""
    return list(run(documents, extractor=_worker_extractor, plugins=_worker_plugins, timeout=_worker_timeout))


def run_parallel(
    documents: Iterable[Document],
    *,
    extractor: str = "rules",
    jobs: int = 2,
    chunksize: int = DEFAULT_CHUNKSIZE,
    plugins_factory: PluginsFactory = get_plugins,
    mp_context: multiprocessing.context.BaseContext | None = None,
    timeout: float | None = None,
) -> Iterator[DocumentResult]:
    """Extract from documents in ``jobs`` processes, yielding results in document order.

    :param jobs: worker processes; with 1, extraction runs in this process.
    :param chunksize: documents per task sent to a worker.
    :param plugins_factory: builds each worker's plugins (picklable).
    :param mp_context: the :mod:`multiprocessing` context of the pool
        (default: the platform's).
    :param timeout: seconds an extractor may spend on one document, as in
        :func:`~alliancekit.pipeline.run` (each worker then runs its
        extractor in a child process of its own).
    :raises concurrent.futures.process.BrokenProcessPool: when a worker dies
        (killed, or crashed in native code); the results before it are yielded.

    The workers end with the calling process, even when it is killed
    (:func:`~alliancekit.isolation.die_with_parent`), and ignore Ctrl-C: the
    caller gets the :exc:`KeyboardInterrupt`. Whenever the results stop
    before the end (an exception, an interruption, the generator closed
    early), the workers are stopped at once, not left to finish their
    chunks.
    """
    if jobs < 1:
        raise ValueError("jobs must be at least 1")
    if chunksize < 1:
        raise ValueError("chunksize must be at least 1")
    if jobs == 1:
        yield from run(documents, extractor=extractor, plugins=plugins_factory(), timeout=timeout)
        return
    chunks = _chunks(documents, chunksize)
    # Two chunks per worker in flight: each has the next one ready when it finishes.
    window = 2 * jobs
    pool = ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=mp_context,
        initializer=_start_worker,
        initargs=(plugins_factory, extractor, timeout),
    )
    pending: collections.deque[Future[list[DocumentResult]]] = collections.deque()
    finished = False
    try:
        for chunk in itertools.islice(chunks, window):
            pending.append(pool.submit(_extract_chunk, chunk))
        while pending:
            results = pending.popleft().result()
            following = next(chunks, None)
            if following is not None:
                pending.append(pool.submit(_extract_chunk, following))
            yield from results
        finished = True
    finally:
        for future in pending:
            future.cancel()
        if not finished:
            _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)


def _stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool's worker processes now, in the middle of their chunks."""
    processes: dict[int, multiprocessing.process.BaseProcess] = getattr(pool, "_processes", None) or {}
    for process in list(processes.values()):
        with contextlib.suppress(OSError, ValueError):  # it ended meanwhile
            process.terminate()


def _chunks(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
