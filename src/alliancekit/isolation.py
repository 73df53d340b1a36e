"""Running extractors in a worker process, with a time limit per document.

:class:`ExtractorWorker` runs ``extractor.extract(document, context)`` in a
child process and waits at most ``timeout`` seconds for the answer. When the
time is up it kills the child, raises :class:`ExtractorTimeoutError` naming the
extractor and the document, and starts a fresh child for the next document.
A child that dies (a crash in a C extension, ``os._exit`` in a plugin, the
out-of-memory killer) becomes a :class:`WorkerCrashedError` error the same way.

Why a process, and not a thread or an alarm signal:

* a thread cannot be stopped from outside; a runaway extractor would go on
  burning a core, and holding whatever state it shares with the next
  document, after we stopped waiting for it;
* the regular-expression engine (:mod:`re`) does not release the GIL, nor
  run Python signal handlers, while it matches; a catastrophic regular
  expression therefore blocks a watchdog thread and ``signal.alarm`` alike,
  and that is the likeliest way for a rule-based extractor to hang;
* a process can be killed at any instant, and takes all its state with it.

The child is forked from the calling process (the ``fork`` start method),
so it inherits the plugins, the loaded models and the knowledge base at no
cost and sees exactly the extractors the caller registered, test plugins
included. Where ``fork`` does not exist (Windows) the child is spawned and
loads the plugins afresh (:func:`~alliancekit.plugins.get_plugins`), from
the entry points and the ``ALLIANCEKIT_*_PLUGINS`` environment variables.
Each call pickles the document there and the events back: a fraction of a
millisecond for a news article, small next to extraction itself.

>>> from alliancekit.plugins import Plugins
>>> from alliancekit.model import Document
>>> plugins = Plugins.create(load_entrypoints=False)
>>> text = "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo."
>>> with ExtractorWorker(plugins, timeout=30) as worker:
...     events = worker.extract("rules", Document("d1", text))
>>> [event.type.value for event in events]
['meeting']
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import multiprocessing
import multiprocessing.connection
import os
import signal
import sys
import threading
import time
import traceback
from types import TracebackType
from typing import TYPE_CHECKING, Any

from alliancekit.model import Document

if TYPE_CHECKING:
    from multiprocessing.context import ForkContext, SpawnContext
    from multiprocessing.process import BaseProcess

    from alliancekit.extractor import ExtractionContext
    from alliancekit.plugins import Plugins

__all__ = [
    "ExtractorError",
    "ExtractorTimeoutError",
    "ExtractorWorker",
    "RemoteError",
    "WorkerCrashedError",
    "die_with_parent",
]

# How long a worker may take to stop when asked before it is killed.
_STOP_GRACE = 2.0


class ExtractorError(Exception):
    """An extractor raised in the worker process; the message is ``"<Type>: <message>"``.

    ``traceback`` holds the worker's traceback of the original exception,
    as text, and the error's ``__cause__`` is a :class:`RemoteError`
    showing it, so that a traceback printed here shows the extractor's own
    stack.

    >>> str(ExtractorError("RuntimeError: boom"))
    'RuntimeError: boom'
    """

    def __init__(self, message: str, traceback: str | None = None) -> None:
        super().__init__(message)
        self.traceback = traceback
        if traceback is not None:
            self.__cause__ = RemoteError(traceback)


class RemoteError(Exception):
    r"""An exception raised in another process, shown by its traceback there: the cause of the error here.

    >>> print(RemoteError("Traceback (most recent call last):\n  ...\nKeyError: 'x'\n"))
    <BLANKLINE>
    Traceback (most recent call last):
      ...
    KeyError: 'x'
    """

    def __str__(self) -> str:
        return "\n" + str(self.args[0]).rstrip("\n")


class ExtractorTimeoutError(ExtractorError):
    """An extractor took longer than the time limit on one document.

    The document's length, when given, is part of the message: a very long
    document may just need a longer limit.

    >>> print(ExtractorTimeoutError("rules", "d1", 60))
    timed out after 60 s on document 'd1' (the extractor was stopped; see --timeout)
    >>> print(ExtractorTimeoutError("rules", "d2", 60, characters=10_000_000))
    timed out after 60 s on document 'd2' of 10,000,000 characters (the extractor was stopped; see --timeout)
    """

    def __init__(
        self, extractor: str, document_id: str, seconds: float, *, characters: int | None = None
    ) -> None:
        size = "" if characters is None else f" of {characters:,} characters"
        super().__init__(
            f"timed out after {seconds:g} s on document {document_id!r}{size} "
            "(the extractor was stopped; see --timeout)"
        )
        self.extractor = extractor
        self.document_id = document_id
        self.seconds = seconds
        self.characters = characters


class WorkerCrashedError(ExtractorError):
    """The worker process died while an extractor worked on one document.

    >>> print(WorkerCrashedError("rules", "d1", -9))
    the worker process died (exit code -9) on document 'd1'
    """

    def __init__(self, extractor: str, document_id: str, exitcode: int | None) -> None:
        super().__init__(f"the worker process died (exit code {exitcode}) on document {document_id!r}")
        self.extractor = extractor
        self.document_id = document_id
        self.exitcode = exitcode


_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
_ORPHAN_CHECK_SECONDS = 0.5


def die_with_parent() -> None:
    """Make this worker process end when its parent does, even when the parent is killed.

    A worker is blocked reading its next task; a parent that dies of
    ``kill -9`` (or of a ``SIGTERM`` it does not handle) never tells it,
    and it would go on, orphaned, forever. On Linux the kernel kills it
    with its parent (``prctl(PR_SET_PDEATHSIG)``), whatever it is doing;
    elsewhere a daemon thread checks twice a second whether it was
    orphaned, and ends it.
    """
    parent = os.getppid()
    if not _kill_with_parent():
        threading.Thread(target=_end_when_orphaned, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # pragma: no cover - the parent died while this was being set up
        os._exit(1)


def _kill_with_parent() -> bool:
    """Ask Linux to kill this process when its parent ends; whether it could."""
    if not sys.platform.startswith("linux"):  # pragma: no cover - other systems
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl to call
        return False


def _end_when_orphaned(parent: int) -> None:  # pragma: no cover - other systems than Linux
    while os.getppid() == parent:
        time.sleep(_ORPHAN_CHECK_SECONDS)
    os._exit(1)


def _context() -> ForkContext | SpawnContext:
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")  # pragma: no cover - Windows


def _serve(
    connection: multiprocessing.connection.Connection,
    other_end: multiprocessing.connection.Connection | None,
    plugins: Plugins | None,
    context: ExtractionContext | None,
) -> None:
    """The worker's loop: ``(extractor name, document)`` in, ``(status, payload)`` out.

    ``None`` in, or the caller's end of the pipe closing, ends the loop.
    """
    # The caller stops this worker when it needs to: Ctrl-C is the caller's to handle, and
    # a caller killed outright takes the worker with it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # not the parent's handler, inherited by forking
    die_with_parent()
    if other_end is not None:
        other_end.close()  # so that the caller's death reads as end of file here
    if plugins is None:  # pragma: no cover - spawned workers (Windows)
        from alliancekit.plugins import get_plugins

        plugins = get_plugins()
    if context is None:  # pragma: no cover - spawned workers (Windows)
        context = plugins.context()
    while True:
        try:
            request = connection.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        name, document = request
        try:
            events = list(plugins.extractor(name).extract(document, context))
        except Exception as error:  # reported to the caller, who decides
            trace = "".join(traceback.format_exception(error))
            connection.send(("error", (f"{type(error).__name__}: {error}", trace)))
            continue
        try:
            connection.send(("ok", events))
        except Exception as error:  # the results do not pickle: not events at all
            message = f"its results cannot be passed on: {type(error).__name__}: {error}"
            connection.send(("error", (message, "".join(traceback.format_exception(error)))))


class ExtractorWorker:
    """A worker process that runs extractors, one document at a time, under a time limit.

    :param plugins: the plugins whose extractors run (inherited by the
        worker where processes fork).
    :param timeout: seconds one extractor may spend on one document.

    The worker starts on the first :meth:`extract` and is stopped by
    :meth:`close` (or leaving a ``with`` block); it is a daemon, so it never
    outlives the calling process, and it ends by itself when the calling
    process dies (its end of the pipe closes).

    Memory: the worker shares the caller's pages until it writes to them,
    and Python's reference counting writes to every object it touches; with
    a large model the worker ends up holding a copy of what it uses.

    >>> from alliancekit.plugins import Plugins
    >>> ExtractorWorker(Plugins.create(load_entrypoints=False), timeout=0)
    Traceback (most recent call last):
    ...
    ValueError: the time limit must be positive, got 0
    """

    def __init__(self, plugins: Plugins, timeout: float) -> None:
        if not timeout > 0:
            raise ValueError(f"the time limit must be positive, got {timeout!r}")
        self.plugins = plugins
        self.timeout = timeout
        self._mp = _context()
        self._process: BaseProcess | None = None
        self._connection: multiprocessing.connection.Connection | None = None
        self._extraction_context: ExtractionContext | None = None

    def __enter__(self) -> ExtractorWorker:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    def _start(self) -> multiprocessing.connection.Connection:
        forking = self._mp.get_start_method() == "fork"
        if forking and self._extraction_context is None:
            # Built once here, so that every (re)started worker inherits it.
            self._extraction_context = self.plugins.context()
        mine, theirs = self._mp.Pipe()
        args: tuple[Any, ...] = (
            (theirs, mine, self.plugins, self._extraction_context) if forking else (theirs, None, None, None)
        )
        process = self._mp.Process(target=_serve, args=args, name="alliancekit-extractor", daemon=True)
        # A forked child flushes its copy of the standard streams when it ends:
        # empty them first, or buffered output would be written twice.
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError, AttributeError):
                stream.flush()
        # Objects the child inherits are kept out of its garbage collections: walking them
        # would copy every page they live on (see the gc.freeze documentation).
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()
        theirs.close()
        self._process, self._connection = process, mine
        return mine

    def _kill(self) -> int | None:
        process, connection = self._process, self._connection
        self._process = self._connection = None
        if connection is not None:
            connection.close()
        if process is None:
            return None
        process.kill()
        process.join()
        code = process.exitcode
        process.close()
        return code

    def extract(self, extractor: str, document: Document) -> list[Any]:
        """What the extractor registered as ``extractor`` returns for ``document``.

        The result is passed back unchecked: the caller validates it.

        :raises ExtractorTimeoutError: when the extractor takes longer than ``timeout``.
        :raises WorkerCrashedError: when the worker process dies on the document.
        :raises ExtractorError: when the extractor raises; the message is
            the original error's type and message.
        """
        if self._process is not None and not self._process.is_alive():
            self._kill()  # it died while idle: this document is not to blame
        connection = self._connection or self._start()
        try:
            connection.send((extractor, document))
        except OSError:  # the idle worker died since the last document: start another
            self._kill()
            connection = self._start()
            connection.send((extractor, document))
        if not connection.poll(self.timeout):
            self._kill()
            raise ExtractorTimeoutError(extractor, document.id, self.timeout, characters=len(document.text))
        try:
            status, payload = connection.recv()
        except (EOFError, OSError):
            process = self._process
            if process is not None:
                process.join(_STOP_GRACE)
            raise WorkerCrashedError(extractor, document.id, self._kill()) from None
        if status == "error":
            message, trace = payload if isinstance(payload, tuple) else (payload, None)
            raise ExtractorError(message, trace)
        result: list[Any] = payload
        return result

    def close(self) -> None:
        """Stop the worker process, if one is running."""
        process, connection = self._process, self._connection
        if process is None or connection is None:
            return
        with contextlib.suppress(OSError):
            connection.send(None)
        process.join(_STOP_GRACE)
        self._kill()
