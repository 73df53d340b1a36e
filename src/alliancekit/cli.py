"""The ``alliancekit`` command line: ``extract``, ``events``, ``timeline``, ``evaluate``, ``schema``...

Each command is a thin layer over the library: readers make documents,
:func:`alliancekit.pipeline.run` extracts, a registered output format writes.
Problems with single inputs are reported on standard error and the batch goes
on; the exit status then is 1. Usage errors exit with 2.

>>> import json
>>> from click.testing import CliRunner
>>> result = CliRunner().invoke(main, ["schema"])
>>> result.exit_code, json.loads(result.output)["title"]
(0, 'alliancekit event')
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import inspect
import json
import logging
import os
import re
import signal
import sqlite3
import stat
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs
import click

from alliancekit import __version__
from alliancekit.actors import country_code
from alliancekit.evaluate import GoldDocument, load_gold_dir, score
from alliancekit.io.escaping import terminal_safe
from alliancekit.io.gate import DocumentGate
from alliancekit.io.readers import (
    MAX_DOCUMENT_BYTES,
    ReadError,
    ReadLimits,
    parse_published,
    parse_size,
    read_documents,
    read_stream,
    read_text_file,
)
from alliancekit.io.sources import RecentSources, SourceInfo, citing
from alliancekit.model import Document, Event, EventType, Status
from alliancekit.pipeline import DocumentResult, run
from alliancekit.pipeline import explain as explain_events
from alliancekit.plugins import LOAD_ENV, Plugins, UnknownNameError, get_plugins, reset_plugins
from alliancekit.serialize import ENGAGEMENT_SCHEMA, EVENT_SCHEMA
from alliancekit.store import AddSummary, EventStore

__all__ = ["main"]

_GOLD_SUFFIX = ".gold.json"

if TYPE_CHECKING:  # click >= 8.4 makes ParamType generic; older releases are not subscriptable
    _DateType = click.ParamType[dt.date]
    _NameType = click.ParamType[str]
    _SizeType = click.ParamType[int]
else:
    _DateType = _NameType = _SizeType = click.ParamType


class _Size(_SizeType):
    """A size in bytes, with an optional unit: ``16M``, ``500K``, ``2G``."""

    name = "size"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int:
        if isinstance(value, int):
            return value
        try:
            return parse_size(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class _IsoDate(_DateType):
    """A command-line date in ISO form (``2026-01-13``)."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            parsed = parse_published(value)
        except ValueError:
            reason = _why_not(value)
            if reason is not None:
                self.fail(f"{value!r} is not a date: {reason}", param, ctx)
            self.fail(f"{value!r} is not a date in the form YYYY-MM-DD, such as 2026-01-13", param, ctx)
        if parsed is None:
            self.fail("an empty date is not a date", param, ctx)
        return parsed


def _why_not(value: str) -> str | None:
    """Why text of the form YYYY-MM-DD is no date; ``None`` for other text.

    >>> _why_not("2026-02-30"), _why_not("01/01/2026")
    ('day is out of range for month', None)
    """
    text = value.strip()[:10]
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return None
    try:
        dt.date.fromisoformat(text)
    except ValueError as error:
        return str(error)
    return None


class _Country(_NameType):
    """A country, by ISO alpha-3 or alpha-2 code or by name; converted to its alpha-3 code."""

    name = "country"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        try:
            return country_code(str(value))
        except ValueError as error:
            self.fail(str(error), param, ctx)


class _RegisteredName(_NameType):
    """The name of a registered extractor or output format.

    The names are read from the plugins when the value is checked, not when
    the module is imported, so a plugin's format or extractor is accepted.
    """

    def __init__(self, kind: Literal["extractor", "format"]) -> None:
        self.kind = kind
        self.name = kind

    def _names(self) -> list[str]:
        plugins = get_plugins()
        return plugins.extractor_names() if self.kind == "extractor" else plugins.format_names()

    def get_metavar(self, param: click.Parameter, ctx: click.Context | None = None) -> str:
        return "[" + "|".join(self._names()) + "]"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        name = str(value)
        names = self._names()
        # Extractors combine with "+" ("rules+spacy"); formats do not.
        parts = name.split("+") if self.kind == "extractor" else [name]
        unknown = [part for part in parts if part not in names]
        if unknown:
            self.fail(f"no {self.kind} named {unknown[0]!r}; installed: {', '.join(names)}", param, ctx)
        return name


@attrs.define
class _Tally:
    """What a run of the ``extract`` or ``evaluate`` command met."""

    documents: int = 0
    failed: int = 0
    events: int = 0
    skipped: collections.Counter[str] = attrs.field(factory=collections.Counter)
    """Inputs deliberately not read, by reason (the pages of a crawl that are no English articles)."""
    gated: int = 0
    """Documents read that the document gate passed over: they cannot report an engagement."""
    passed: int = 0
    """Events handed on so far: the count written when the run is interrupted."""

    def render(self) -> str:
        """The summary line closing a run of ``extract``."""
        parts = [f"documents read: {self.documents}"]
        if self.skipped:
            reasons = ", ".join(f"{count} {reason}" for reason, count in self.skipped.most_common())
            parts.append(f"skipped: {self.skipped.total()} ({reasons})")
        if self.gated:
            parts.append(f"gated out: {self.gated}")
        parts += [f"failed: {self.failed}", f"events written: {self.events}"]
        return ", ".join(parts)


def _report(kind: str, message: object) -> None:
    """One line on standard error; control characters in file names or ids cannot forge another."""
    click.echo(f"{kind}: {terminal_safe(str(message))}", err=True)


def _shown(path: object) -> str:
    """A file name as printed: control characters and undecodable bytes as escapes."""
    return terminal_safe(str(path))


_TRACEBACK_KEY = "alliancekit.traceback"


def _tracebacks_wanted() -> bool:
    """Whether ``alliancekit --traceback`` asked to see the tracebacks of failures."""
    context = click.get_current_context(silent=True)
    return bool(context is not None and context.meta.get(_TRACEBACK_KEY))


def _show_traceback(trace: str | None) -> None:
    """Print a failure's traceback on standard error, when ``--traceback`` asked for it."""
    if trace and _tracebacks_wanted():
        click.echo(trace.rstrip("\n"), err=True)


def _report_result(result: DocumentResult) -> None:
    document_id = result.document.id
    if result.error is not None:
        _report("error", f"document {document_id}: {result.error}")
        _show_traceback(result.traceback)
    for reason in result.rejected:
        _report("error", f"document {document_id}: rejected event: {reason}")


def _documents(items: Iterable[Document | ReadError], tally: _Tally, fail_fast: bool) -> Iterator[Document]:
    """Pass documents on; report read errors and count both."""
    for item in items:
        if isinstance(item, ReadError):
            tally.failed += 1
            _report("error", item)
            if fail_fast:
                return
            continue
        tally.documents += 1
        yield item


def _through_gate(documents: Iterable[Document], gate: DocumentGate, tally: _Tally) -> Iterator[Document]:
    """Pass on the documents the gate lets through; count the others."""
    for document in documents:
        if gate.passes(document.text):
            yield document
        else:
            tally.gated += 1


def _read_inputs(
    paths: Sequence[Path],
    published: dt.date | None,
    *,
    limits: ReadLimits,
    skipped: collections.Counter[str],
    exclude: Sequence[Path],
) -> Iterator[Document | ReadError]:
    """The documents of the inputs in the order given; ``-`` is standard input."""
    files: list[Path] = []

    def read_files() -> Iterator[Document | ReadError]:
        return read_documents(files, published=published, skipped=skipped, limits=limits, exclude=exclude)

    for path in paths:
        if str(path) != "-":
            files.append(path)
            continue
        yield from read_files()
        files = []
        yield from read_stream(sys.stdin.buffer, published=published, limits=limits)
    yield from read_files()


def _not_stored(documents: Iterable[Document], store: EventStore, summary: AddSummary) -> Iterator[Document]:
    """Pass on the documents ``store`` does not hold yet; count the others as unchanged.

    Adding a document the store holds with the same id and text again would
    leave it unchanged. A document is in the store only once the transaction
    holding it and all its events committed, so a run that was stopped, even
    by ``kill -9``, resumes where it stopped instead of extracting everything
    again.
    """
    for document in documents:
        if store.has_document(document):
            summary.documents_unchanged += 1
            continue
        yield document


def _extractor_ready(plugins: Plugins, name: str) -> None:
    """Build the extractor now, so that a failure to load it is one clear error.

    Plugins that could not be loaded are reported first, as warnings: the
    run goes on without them.
    """
    for plugin, reason in sorted(plugins.load_errors.items()):
        _report("warning", f"plugin {plugin!r} {reason}")
        _show_traceback(plugins.load_tracebacks.get(plugin))
    try:
        plugins.extractor(name)
    except UnknownNameError as error:
        raise click.BadParameter(str(error), param_hint="'--extractor'") from None
    except Exception as error:
        _show_traceback("".join(traceback.format_exception(error)))
        raise click.ClickException(
            f"cannot load extractor {name!r}: {type(error).__name__}: {error}"
        ) from None


def _with_progress(results: Iterable[DocumentResult], show: bool | None) -> Iterator[DocumentResult]:
    """Pass results on, drawing a progress bar on standard error when it is a terminal.

    ``show=None`` decides by whether standard error is a terminal.
    """
    if show is None:
        show = sys.stderr.isatty()
    if not show:
        yield from results
        return
    started = time.perf_counter()
    counted = {"documents": 0, "events": 0}

    def counting() -> Iterator[DocumentResult]:
        for result in results:
            counted["documents"] += 1
            counted["events"] += len(result.events)
            yield result

    def status(_: DocumentResult | None) -> str:
        rate = counted["documents"] / max(time.perf_counter() - started, 1e-9)
        return f"{counted['events']} events, {rate:.1f} documents/s"

    # A stream's length is not known in advance: the bar shows a count, not a percentage.
    with click.progressbar(
        counting(), label="documents", show_pos=True, item_show_func=status, file=sys.stderr
    ) as bar:
        yield from bar


def _close(iterator: Iterator[Any]) -> None:
    """Close a generator now, so that it releases what it holds (a process pool)."""
    close = getattr(iterator, "close", None)
    if callable(close):
        close()


def _check_output(output: Path | None, inputs: Sequence[Path] = (), store: Path | None = None) -> None:
    """Refuse, before any work, an output in a folder that does not exist, or that is an input or the store.

    Writing to an input would destroy it (``extract copy.jsonl --output
    copy.jsonl``), and opening the event store for writing would empty it;
    an output inside an input folder is passed over when the folder is
    read.
    """
    if output is None:
        return
    folder = output.parent
    if not folder.is_dir():
        raise _OutputError(f"--output {_shown(output)}: the folder {_shown(folder)!r} does not exist")
    if any(_same_file(given, output) for given in inputs if str(given) != "-"):
        raise _OutputError(f"--output {_shown(output)} is also an input: writing to it would destroy it")
    if store is not None and _same_file(output, store):
        raise _OutputError(
            f"--output {_shown(output)} is also the event store given to --store: "
            "writing to it would destroy it"
        )


class _OutputError(click.ClickException):
    """An ``--output`` that cannot be written: one line on standard error, exit status 2 (a usage error)."""

    exit_code = 2


def _same_file(first: Path, second: Path) -> bool:
    """Whether two paths name one file (through links and relative parts), existing or not."""
    try:
        if first.exists() and second.exists():
            return os.path.samefile(first, second)
        return first.resolve() == second.resolve()
    except OSError:
        return False


@contextlib.contextmanager
def _replacing(path: Path, *, keep_suffix: bool = False) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; moved into place when the block ends without error.

    When the block raises (or is interrupted) the temporary file is
    removed and ``path`` is left as it was: an output is never left half
    written. Its name ends in ``.part`` (a name no reader reads) unless
    ``keep_suffix``, for writers that choose the format by the suffix. A
    path that is not a regular file (``/dev/stdout``, a named pipe) is
    written directly.
    """
    if path.exists() and not path.is_file():
        yield path
        return
    suffix = path.suffix if keep_suffix else ".part"
    handle, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=suffix, dir=path.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        temporary.chmod(_file_mode(path))
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def _file_mode(path: Path) -> int:
    """The permissions a file written at ``path`` gets: those of the file it replaces, else the usual."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[list[int]]:
    """Within the block, ``SIGTERM`` stops the run as Ctrl-C does; the list receives the signal caught.

    The run then ends as an interrupted one: its summary is printed, its
    output left as it was, and its worker processes stopped.
    """
    caught: list[int] = []

    def interrupt(number: int, frame: object) -> None:
        caught.append(number)
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, interrupt)
    except ValueError:  # not the main thread: signals are not ours to handle
        yield caught
        return
    try:
        yield caught
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_stdout(write: Callable[[TextIO], object]) -> None:
    """Write to standard output; a closed pipe ends quietly, a full disk with a clear error."""
    try:
        write(sys.stdout)
        sys.stdout.flush()
    except BrokenPipeError:  # `alliancekit extract ... | head` closed the pipe
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
    except OSError as error:
        raise click.ClickException(f"cannot write to standard output: {error.strerror or error}") from None


def _write_file(output: Path, write: Callable[[TextIO], object]) -> None:
    """Write ``output`` whole or not at all.

    It is written to a temporary file beside it, moved into place once
    complete: a failure (a full disk, a damaged store) or an interruption
    leaves ``output`` as it was, and a failure to write is one clear error.
    """
    try:
        with _replacing(output) as temporary, temporary.open("w", encoding="utf-8", newline="") as stream:
            write(stream)
    except OSError as error:
        raise click.ClickException(
            f"cannot write {_shown(output)}: {error.strerror or error}; nothing of it was kept"
        ) from None


def _open_store(path: Path, *, read_only: bool = False) -> EventStore:
    """Open the event store at ``path``, for queries only when ``read_only``; a clear error if it is none."""
    try:
        return EventStore(path, read_only=read_only)
    except (sqlite3.Error, ValueError, OSError) as error:
        raise click.ClickException(f"cannot open the event store {_shown(path)}: {_shown(error)}") from None


class _NoteHandler(logging.Handler):
    """Shows the library's notes (an HTML page read as text, ...) on standard error."""

    def emit(self, record: logging.LogRecord) -> None:
        _report("note" if record.levelno < logging.WARNING else "warning", record.getMessage())


def _show_notes() -> None:
    logger = logging.getLogger("alliancekit")
    if not any(isinstance(handler, _NoteHandler) for handler in logger.handlers):
        logger.addHandler(_NoteHandler())
    logger.setLevel(logging.INFO)


def _choose_plugins(allow: str | None, none: bool) -> None:
    """Restrict third-party plugin loading, here and in every worker process.

    The choice goes into ``ALLIANCEKIT_LOAD_PLUGINS``, which worker
    processes inherit, and the process-wide plugins are rebuilt from it.
    """
    if none:
        os.environ[LOAD_ENV] = ""
    elif allow is not None:
        os.environ[LOAD_ENV] = ",".join(name.strip() for name in allow.split(",") if name.strip())
    else:
        return
    reset_plugins()


_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`~?(?:[\w.]+\.)?([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``|`([^`]+)`", re.DOTALL)


def _plain_help(text: str | None) -> str:
    """A command's docstring as a terminal shows it: without reStructuredText markup.

    The docstrings are written for the reference documentation (literal
    ``text`` in double backticks, roles such as :func:); ``--help`` prints
    their words.

    >>> _plain_help("Reads ``.txt`` files; see :func:`~alliancekit.pipeline.run` and `alliancekit events`.")
    'Reads .txt files; see run and alliancekit events.'
    """
    if not text:
        return ""
    text = inspect.cleandoc(text).partition("\f")[0]
    text = _ROLE.sub(r"\1", text)
    return _LITERAL.sub(lambda match: match[1] or match[2], text)


class _PlainHelpCommand(click.Command):
    """A command whose ``--help`` shows its docstring without reStructuredText markup."""

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_help(_plain_help(self.help), formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return self.short_help or _first_sentence(_plain_help(self.help), limit)


class _PlainHelpGroup(click.Group):
    """The command group, with plain help like its commands'."""

    command_class = _PlainHelpCommand

    def format_help_text(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        _write_help(_plain_help(self.help), formatter)


def _first_sentence(text: str, limit: int) -> str:
    """The first sentence of a help text, cut at a word and ended with "..." when longer than ``limit``.

    >>> _first_sentence("Score an extractor. More.", 45)
    'Score an extractor.'
    >>> _first_sentence("Query a store: by actor or date.", 20)
    'Query a store: by...'
    """
    paragraph = " ".join(text.split("\n\n", 1)[0].split())
    sentence = re.split(r"(?<=\.)\s", paragraph, maxsplit=1)[0]
    if len(sentence) <= limit:
        return sentence
    return sentence[: limit - 2].rsplit(" ", 1)[0].rstrip(",;:") + "..."


def _write_help(text: str, formatter: click.HelpFormatter) -> None:
    if text:
        formatter.write_paragraph()
        with formatter.indentation():
            formatter.write_text(text)


def _extractor_option(purpose: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--extractor`` option, with the help text saying what the extractor is for."""
    return click.option(
        "--extractor",
        "-e",
        default="rules",
        show_default=True,
        type=_RegisteredName("extractor"),
        help=f"The registered extractor {purpose}.",
    )


def _published_option(when: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The ``--published`` option: the default publication date, and when it applies."""
    return click.option(
        "--published", type=_IsoDate(), default=None, help=f"Publication date (YYYY-MM-DD) {when}."
    )


@click.group(cls=_PlainHelpGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="alliancekit")
@click.option(
    "--plugins",
    "allow_plugins",
    metavar="NAMES",
    default=None,
    help="Load only these third-party plugins (comma-separated entry-point names).",
)
@click.option(
    "--no-plugins",
    is_flag=True,
    help="Load no third-party plugin at all: only the built-in extractor and formats.",
)
@click.option(
    "--traceback",
    "show_tracebacks",
    is_flag=True,
    help="Print the traceback of every failure (an extractor's, a plugin's) after its error line.",
)
@click.pass_context
def main(context: click.Context, allow_plugins: str | None, no_plugins: bool, show_tracebacks: bool) -> None:
    """Extract evidence-linked diplomatic events from English news.

    Meetings, visits, calls and invitations between officials, with their
    status (planned, occurred, cancelled), time, place and the exact words
    of the article that state them.

    Third-party plugins are loaded from the ``alliancekit`` entry-point
    group, never from the current directory; ``--plugins a,b`` or
    ``ALLIANCEKIT_LOAD_PLUGINS=a,b`` loads only those, ``--no-plugins`` or
    ``ALLIANCEKIT_LOAD_PLUGINS=`` none, ``ALLIANCEKIT_BLOCK_PLUGINS`` skips
    some. A plugin that fails to load is reported and left out.
    ``--traceback`` shows plugin authors the stack of their code's failures.
    """
    context.meta[_TRACEBACK_KEY] = show_tracebacks
    if allow_plugins is not None and no_plugins:
        raise click.UsageError("--plugins and --no-plugins exclude each other")
    _choose_plugins(allow_plugins, no_plugins)
    _show_notes()


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(allow_dash=True, path_type=Path))
@_extractor_option("to use; join names with '+' to combine several")
@_published_option("for documents that do not state their own")
@click.option(
    "--format",
    "-f",
    "output_format",
    default="jsonl",
    show_default=True,
    type=_RegisteredName("format"),
    help="Output format; plugins may register more.",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write the events to this file instead of standard output.",
)
@click.option("--fail-fast", is_flag=True, help="Stop at the first input or document that fails.")
@click.option(
    "--jobs",
    "-j",
    default=1,
    show_default=True,
    type=click.IntRange(min=1),
    help="Extract in this many processes; the output keeps the documents' order.",
)
@click.option(
    "--store",
    "store_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Add the documents and events to this event store (SQLite, created when missing); "
    "events are then written out only with --output.",
)
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Show a progress bar on standard error [default: when it is a terminal].",
)
@click.option(
    "--timeout",
    default=60.0,
    show_default=True,
    type=click.FloatRange(min=0),
    metavar="SECONDS",
    help="Stop an extractor that spends longer on one document, report it and go on; "
    "reading one document is held to the same limit. 0: no limit, and no worker process.",
)
@click.option(
    "--max-document-size",
    default=f"{MAX_DOCUMENT_BYTES >> 20}M",
    show_default=True,
    type=_Size(),
    metavar="SIZE",
    help="Report and skip a document, JSON line or CSV record larger than this (16M, 500K, 2G), "
    "so that memory stays bounded.",
)
@click.option(
    "--gate/--no-gate",
    default=None,
    help="Pass over documents that cannot report an engagement (no wording of one near a country or a "
    "known person), counted in the summary  [default: on with the 'rules' extractor alone].",
)
def extract(
    paths: Sequence[Path],
    extractor: str,
    published: dt.date | None,
    output_format: str,
    output: Path | None,
    fail_fast: bool,
    jobs: int,
    store_path: Path | None,
    progress: bool | None,
    timeout: float,
    gate: bool | None,
    max_document_size: int,
) -> None:
    """Extract events from articles and write them out.

    PATHS are ``.txt`` articles and ``.html`` pages (each with an optional
    ``<name>.meta.json`` sidecar holding ``published``, ``outlet``, ``url``,
    ``id`` and ``encoding``), ``.jsonl`` files with one ``{"id", "text",
    "published"}`` object per line, or directories searched for them. ``-``
    reads standard input: JSON lines when its first line is a JSON object,
    else one article, named ``stdin``.

    An input that cannot be read, or a document the extractor fails on, is
    reported on standard error and the others are still processed. A summary
    line closes the run: the documents read, the failures (inputs and records
    that could not be read, documents an extractor failed on or returned
    rejected events for) and the events written (with ``--store`` alone, the
    events extracted into the store). The exit status is 0 when everything
    went well and 1 when anything failed; the events found are written either
    way.

    ``.csv`` files (columns ``id``, ``text``, ``published``, ``outlet``,
    ``url``) are read too, and ``.txt``, ``.jsonl`` and ``.csv`` files may be
    gzip-compressed (``corpus.jsonl.gz``). Inputs are streamed, never held in
    memory. ``--jobs N`` extracts in N processes. ``--store events.db`` adds
    documents and events to an event store, merging reports of the same
    engagement, one transaction per batch; re-running over the same
    documents adds nothing twice. Without ``--output``, documents the store
    already holds are not extracted again, so a run that was stopped (even
    killed) resumes where it stopped.

    Extractors run in a worker process: one that spends longer than
    ``--timeout`` seconds on a document is stopped and the document reported
    as failed; one that raises or returns malformed events is reported by
    name, and the other documents (and the other parts of a combined
    extractor such as ``rules+spacy``) go on. Only events that validate
    against the output schema, with evidence matching the text, are written.
    HTML pages are read as their article's main text (with a note when the
    file is not named ``.html``); evidence offsets then index into that text.
    Reading one document is held to ``--timeout`` too, and a document, JSON
    line or CSV record larger than ``--max-document-size`` (16M by default)
    is reported and skipped without being held in memory, so that no single
    input can exhaust the time or the memory of a run.

    Web crawls (``.warc``, ``.warc.gz``) give one document per English news
    article; their other pages (not HTML, no article, another language,
    redirects) are skipped and counted in the summary. Articles saved by
    news-please (``.json`` files, or ``.jsonl`` lines with ``maintext``) are
    read from their own fields. With the ``rules`` extractor, documents that
    cannot report an engagement are passed over by a fast gate, and counted
    (``--no-gate`` reads every one).

    \b
    Example:
        alliancekit extract seeds/ --published 2026-01-13 --format table
        alliancekit extract corpus.jsonl.gz --jobs 4 --store events.db
        alliancekit extract crawl.warc.gz --format parquet -o events.parquet
        curl -s https://example.org/article.html | alliancekit extract - -f table
    """  # noqa: D301
    _check_output(output, paths, store_path)
    plugins = get_plugins()
    _extractor_ready(plugins, extractor)
    writer = plugins.writer(output_format)
    if output is not None or store_path is None:
        _format_ready(writer, output_format, output)
    sources = RecentSources()
    writer = citing(writer, sources)
    document_gate = DocumentGate.build(plugins.knowledge_base) if _gate_wanted(gate, extractor) else None
    tally = _Tally()
    store = _open_store(store_path) if store_path is not None else None
    if store is not None:
        click.get_current_context().call_on_close(store.close)
    stored = AddSummary()

    def events() -> Generator[Event, None, None]:
        limits = ReadLimits(max_bytes=max_document_size, seconds=timeout or None)
        exclude = [output] if output is not None else []
        read = _read_inputs(paths, published, limits=limits, skipped=tally.skipped, exclude=exclude)
        documents = _documents(read, tally, fail_fast)
        if document_gate is not None:
            documents = _through_gate(documents, document_gate, tally)
        if store is not None and output is None:
            documents = _not_stored(documents, store, stored)
        if jobs > 1:
            from alliancekit.parallel import run_parallel

            results: Iterator[DocumentResult] = run_parallel(
                documents, extractor=extractor, jobs=jobs, timeout=timeout or None
            )
        else:
            results = run(documents, extractor=extractor, plugins=plugins, timeout=timeout or None)
        results = _with_progress(results, progress)
        if store is not None:
            results = store.add_batches(results, summary=stored)
        try:
            for result in results:
                if not result.ok:
                    tally.failed += 1
                    _report_result(result)
                sources.add(result.document)
                tally.passed += len(result.events)
                yield from result.events
                if fail_fast and tally.failed:
                    return
        finally:
            _close(results)

    def write(stream: TextIO) -> None:
        produced = events()
        try:
            tally.events = writer(_marking_failures(produced), stream)
        except (_UpstreamError, BrokenPipeError, KeyboardInterrupt):
            raise
        except Exception as error:  # a format plugin's bug: one clear line
            if isinstance(error, OSError) and error.errno is not None:
                raise  # the output's own failure (a full disk), which writing it reports
            _show_traceback("".join(traceback.format_exception(error)))
            raise click.ClickException(
                f"the {output_format!r} output format failed: {type(error).__name__}: {error}"
            ) from error
        finally:
            produced.close()  # stop extracting, and release the worker processes, now

    stopped_by: int | None = None
    signals: list[int] = []
    try:
        with _sigterm_interrupts() as signals:
            try:
                if store is not None and output is None:
                    tally.events = sum(1 for _ in events())
                elif output is None:
                    _write_stdout(write)
                else:
                    _write_file(output, write)
            except _UpstreamError as failure:  # not the output's fault: raised as it was
                raise failure.original from None
    except KeyboardInterrupt:  # Ctrl-C, or SIGTERM: say what was done, as at the end of a run
        stopped_by = signals[0] if signals else signal.SIGINT
        tally.events = 0 if output is not None else tally.passed
        if output is not None:
            kept = f"; {_shown(output)} was left as it was"
        elif store is not None:
            kept = "; what is stored is kept, and the same command resumes from there"
        else:
            kept = ""
        _report("interrupted", f"the run was stopped before the end of its inputs{kept}")
    except sqlite3.Error as error:  # a full disk, or damage found late inside the store
        if store is not None:
            store.close()
        raise click.ClickException(
            f"the event store {_shown(store_path)}: {error}; the batch being added was rolled back "
            f"(what was stored before it is kept: {stored.render()})"
        ) from None
    if store is not None:
        store.close()
        click.echo(f"{stored.render()} in {_shown(store_path)}", err=True)
    if stopped_by is not None:
        click.echo(tally.render(), err=True)
        click.get_current_context().exit(128 + stopped_by)
    found_nothing = not tally.documents and not tally.failed and not tally.skipped
    if found_nothing:
        _report(
            "error",
            f"no documents found in {', '.join(map(str, paths))}: alliancekit reads .txt, .html, .json, "
            ".jsonl, .csv and .warc files (also gzip-compressed, .jsonl.gz) and folders of them",
        )
    click.echo(tally.render(), err=True)
    if tally.failed or found_nothing:
        click.get_current_context().exit(1)


class _UpstreamError(Exception):
    """An exception raised while the events were being produced, passing through an output format."""

    def __init__(self, original: Exception) -> None:
        super().__init__(str(original))
        self.original = original


def _marking_failures(events: Iterable[Event]) -> Iterator[Event]:
    """Pass events on; an exception raised producing them is marked as not the writer's own."""
    try:
        yield from events
    except Exception as error:
        raise _UpstreamError(error) from error


def _format_ready(writer: Callable[..., int], name: str, output: Path | None) -> None:
    """Stop before reading anything when a format cannot be written here.

    A writer may say so itself: ``check()`` raises when something it needs
    is missing (pyarrow for Parquet); ``binary = True`` keeps it off a
    terminal.
    """
    check = getattr(writer, "check", None)
    if callable(check):
        try:
            check()
        except ImportError as error:
            raise click.ClickException(str(error)) from None
    if getattr(writer, "binary", False) and output is None and sys.stdout.isatty():
        raise click.UsageError(f"--format {name} is binary: write it with --output FILE, or pipe it on")


def _gate_wanted(gate: bool | None, extractor: str) -> bool:
    """Whether to run the document gate: as asked, else with the built-in extractor alone.

    Its cues are those of the built-in rules: another extractor may find
    what they do not, so it is gated only when asked.
    """
    return gate if gate is not None else extractor == "rules"


def _query_options(command: Callable[..., None]) -> Callable[..., None]:
    """The ``--store`` and filter options shared by ``events`` and ``timeline``."""
    options = [
        click.option(
            "--store",
            "store_path",
            required=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="The event store written by 'alliancekit extract --store'.",
        ),
        click.option(
            "--actor",
            "actors",
            multiple=True,
            help="A participant's name (any word order) or knowledge-base id; "
            "repeat for engagements in which all of them take part.",
        ),
        click.option(
            "--country",
            "countries",
            multiple=True,
            type=_Country(),
            help="A participant's country or the place's: ISO code (JPN) or name (Japan); "
            "repeat: all must match.",
        ),
        click.option(
            "--type",
            "types",
            multiple=True,
            type=click.Choice([kind.value for kind in EventType]),
            help="Only this type of engagement; repeat for several.",
        ),
        click.option(
            "--status",
            "statuses",
            multiple=True,
            type=click.Choice([status.value for status in Status]),
            help="Only this status; repeat for several.",
        ),
        click.option(
            "--since", type=_IsoDate(), default=None, help="Only engagements ending on or after this day."
        ),
        click.option(
            "--until", type=_IsoDate(), default=None, help="Only engagements starting on or before this day."
        ),
    ]
    for option in reversed(options):
        command = option(command)
    return command


@main.command()
@_query_options
@click.option(
    "--level",
    type=click.Choice(["engagements", "events"]),
    default="engagements",
    show_default=True,
    help="One record per engagement (with its sources and events), or one per event.",
)
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["jsonl", "json", "csv", "table", "parquet", "plover", "cameo"]),
    default="jsonl",
    show_default=True,
    help="Output format: JSON lines, one JSON array, CSV, a table for reading, Parquet; "
    "plover and cameo write events (--level events).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def events(
    store_path: Path,
    actors: tuple[str, ...],
    countries: tuple[str, ...],
    types: tuple[str, ...],
    statuses: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    level: str,
    output_format: str,
    output: Path | None,
) -> None:
    """Query an event store: engagements (or events) by actor, country, type, status and date.

    Reports of the same engagement from several documents are one
    engagement, listing every source; a planned engagement names the one
    that reports its outcome (``outcome_id``). Filters combine: every one
    given must match. A count closes the run on standard error.

    \b
    Example:
        alliancekit events --store events.db --actor Rubio --country JPN --since 2026-01-01
        alliancekit events --store events.db --status planned --format csv -o planned.csv
        alliancekit events --store events.db --level events --format parquet -o events.parquet
    """  # noqa: D301
    from alliancekit.io.parquet import ParquetFormat, write_engagements_parquet
    from alliancekit.io.writers import (
        write_engagements_csv,
        write_engagements_json,
        write_engagements_jsonl,
        write_engagements_table,
    )

    if level == "engagements" and output_format in ("plover", "cameo"):
        raise click.UsageError(f"--format {output_format} writes events: add --level events")
    if output_format == "parquet":
        _format_ready(ParquetFormat(), output_format, output)
    _check_output(output, store=store_path)
    store = _open_store(store_path, read_only=True)
    found = store.iter_engagements(
        actors=actors, countries=countries, types=types, statuses=statuses, since=since, until=until
    )
    if level == "events":
        known = RecentSources()
        event_writer = citing(get_plugins().writer(output_format), known)

        def reported() -> Iterator[Event]:
            for engagement in found:
                for report in engagement.reports:
                    known.put(report.document_id, SourceInfo(report.published, report.outlet, report.url))
                    yield report.event

        rows = reported()

        def write(stream: TextIO) -> int:
            return event_writer(rows, stream)
    else:
        engagement_writer = {
            "jsonl": write_engagements_jsonl,
            "json": write_engagements_json,
            "csv": write_engagements_csv,
            "table": write_engagements_table,
            "parquet": write_engagements_parquet,
        }[output_format]

        def write(stream: TextIO) -> int:
            return engagement_writer(found, stream)

    written: list[int] = []
    try:
        if output is None:
            _write_stdout(lambda stream: written.append(write(stream)))
        else:
            _write_file(output, lambda stream: written.append(write(stream)))
    except sqlite3.Error as error:  # damage found inside the store
        raise click.ClickException(f"cannot read the event store {_shown(store_path)}: {error}") from None
    finally:
        store.close()
    click.echo(f"{level} written: {written[0]}", err=True)


@main.command()
@_query_options
@click.option(
    "--output",
    "-o",
    required=True,
    type=click.Path(dir_okay=False, writable=True, path_type=Path),
    help="The picture to write: .png or .svg (needs matplotlib) or a self-contained .html page.",
)
@click.option("--title", default=None, help="A heading for the picture.")
@click.option(
    "--max-rows",
    default=40,
    show_default=True,
    type=click.IntRange(min=1),
    help="Most rows (sets of participants) drawn; the busiest are kept.",
)
def timeline(
    store_path: Path,
    actors: tuple[str, ...],
    countries: tuple[str, ...],
    types: tuple[str, ...],
    statuses: tuple[str, ...],
    since: dt.date | None,
    until: dt.date | None,
    output: Path,
    title: str | None,
    max_rows: int,
) -> None:
    """Draw the engagements of an event store over time.

    One row per set of participants (who met whom); the marker's shape is
    the type (meeting ●, visit ▲, call ◆, invitation ■); filled markers
    occurred, hollow ones are planned, grey crossed ones were cancelled; a
    dashed line joins a plan to the engagement reporting its outcome. The
    filters are those of ``alliancekit events``.

    \b
    Example:
        alliancekit timeline --store events.db --country JPN --output japan.html
        alliancekit timeline --store events.db --since 2026-01-01 --output 2026.png
    """  # noqa: D301
    from alliancekit.timeline import FORMATS, render_timeline

    if output.suffix.lower() not in FORMATS:
        raise click.BadParameter(f"use a file name ending in {', '.join(FORMATS)}", param_hint="'--output'")
    _check_output(output, store=store_path)
    store = _open_store(store_path, read_only=True)
    try:
        found = store.query(
            actors=actors, countries=countries, types=types, statuses=statuses, since=since, until=until
        )
    except sqlite3.Error as error:  # damage found inside the store
        raise click.ClickException(f"cannot read the event store {_shown(store_path)}: {error}") from None
    finally:
        store.close()
    try:
        with _replacing(output, keep_suffix=True) as temporary:
            drawn = render_timeline(
                found, temporary, title=title, max_rows=max_rows, since=since, until=until
            )
    except ImportError as error:
        raise click.ClickException(str(error)) from None
    except OSError as error:
        raise click.ClickException(
            f"cannot write {_shown(output)}: {error.strerror or error}; nothing of it was kept"
        ) from None
    click.echo(f"engagements drawn: {drawn} of {len(found)}, in {_shown(output)}", err=True)


def _gold_text(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name.removesuffix(_GOLD_SUFFIX) + ".txt")


@main.command()
@click.argument("gold_dir", type=click.Path(exists=True, file_okay=False, path_type=Path))
@_extractor_option("to evaluate; join names with '+' to combine several")
@click.option(
    "--format",
    "-f",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Print the report as text or as JSON.",
)
@click.option(
    "--summary",
    is_flag=True,
    help="Print the figures only, without the list of missed, spurious and wrong events.",
)
def evaluate(gold_dir: Path, extractor: str, output_format: str, summary: bool) -> None:
    """Score an extractor against gold annotations.

    GOLD_DIR holds ``<stem>.gold.json`` files (see the annotation guide),
    each next to its article ``<stem>.txt``. The extractor is given the
    publication date the gold file states (``document.published``), not the
    one in the article's sidecar, so every extractor is scored on the same
    input.

    Gold files that do not follow the format, and articles that cannot be
    read, are reported on standard error and left out; the rest is scored and
    the exit status is then 1. When nothing is left to score, only the
    errors are printed. The report lists the figures, then every missed,
    spurious and wrong event.

    \b
    Example:
        alliancekit evaluate seeds/ --extractor rules
    """  # noqa: D301
    plugins = get_plugins()
    _extractor_ready(plugins, extractor)
    gold, gold_errors = load_gold_dir(gold_dir)
    tally = _Tally(failed=len(gold_errors))
    for gold_error in gold_errors:
        _report("error", gold_error)
    if not gold and not gold_errors:
        _report("error", f"no *{_GOLD_SUFFIX} files in {gold_dir}")
        tally.failed += 1

    documents: list[Document] = []
    scored: list[GoldDocument] = []
    for gold_document in gold:
        text_path = _gold_text(gold_document.path or gold_dir / f"{gold_document.id}{_GOLD_SUFFIX}")
        read = read_text_file(text_path)
        if isinstance(read, ReadError):
            tally.failed += 1
            _report("error", read)
            continue
        # The gold's publication date is the one the extractor is given, even when it is null.
        documents.append(attrs.evolve(read, id=gold_document.id, published=gold_document.published))
        scored.append(gold_document)
    if not scored:  # a report on nothing would show perfect figures
        _report("error", f"nothing to score in {gold_dir}: no gold file with a readable article")
        click.get_current_context().exit(1)

    predictions: dict[str, list[Event]] = {}
    for result in run(documents, extractor=extractor, plugins=plugins):
        if not result.ok:
            tally.failed += 1
            _report_result(result)
        predictions[result.document.id] = result.events

    report = score(scored, predictions)
    if output_format == "json":
        click.echo(json.dumps(report.to_dict(), indent=2, ensure_ascii=False))
    else:
        click.echo(report.render(details=not summary))
    if tally.failed:
        click.get_current_context().exit(1)


@main.command()
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_extractor_option("to explain; it must be able to explain itself")
@_published_option("when the article's sidecar does not give one")
def explain(path: Path, extractor: str, published: dt.date | None) -> None:
    """Show, for each event of one article, the passages that report it and why each field has its value.

    PATH is one article (``.txt`` with an optional ``.meta.json`` sidecar,
    or ``.html``). This is how to debug what an extractor makes of an
    article it has never seen.

    \b
    Example:
        alliancekit explain seeds/000_56d61070ac31c156.txt
    """  # noqa: D301
    plugins = get_plugins()
    _extractor_ready(plugins, extractor)
    read = read_text_file(path, published=published)
    if isinstance(read, ReadError):
        raise click.ClickException(str(read))
    try:
        explanations = explain_events(read, extractor=extractor, plugins=plugins)
    except TypeError as error:
        raise click.BadParameter(str(error), param_hint="'--extractor'") from None
    except Exception as error:
        _show_traceback("".join(traceback.format_exception(error)))
        raise click.ClickException(f"{extractor}: {type(error).__name__}: {error}") from None
    if not explanations:
        click.echo(f"{path}: no events")
    for explanation in explanations:
        click.echo(explanation.render())
        click.echo("")


@main.command()
@click.argument("record", type=click.Choice(["event", "engagement"]), default="event")
def schema(record: str) -> None:
    """Print the JSON Schema (draft 2020-12) of one event, or of one engagement.

    Every line ``alliancekit extract --format jsonl`` writes validates
    against the event schema; every line ``alliancekit events`` writes (at
    its default level, engagements) against ``alliancekit schema
    engagement``.
    """
    click.echo(json.dumps(EVENT_SCHEMA if record == "event" else ENGAGEMENT_SCHEMA, indent=2))


@main.command()
@click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
def plugins(as_json: bool) -> None:
    """List the loaded plugins, their versions and hooks, and what they registered.

    Third-party plugins are found in the ``alliancekit`` entry-point group;
    set ``ALLIANCEKIT_LOAD_PLUGINS`` (an allow-list) or
    ``ALLIANCEKIT_BLOCK_PLUGINS`` to choose which load.
    """
    loaded = get_plugins()
    infos = loaded.describe()
    if as_json:
        data = {
            "plugins": [
                {"name": info.name, "version": info.version, "hooks": list(info.hooks)} for info in infos
            ],
            "extractors": loaded.extractor_names(),
            "formats": loaded.format_names(),
            "not_loaded": dict(sorted(loaded.load_errors.items())),
        }
        click.echo(json.dumps(data, indent=2))
        return
    rows = [(info.name, info.version or "-", ", ".join(info.hooks) or "-") for info in infos]
    name_width = max(len("plugin"), *(len(row[0]) for row in rows))
    version_width = max(len("version"), *(len(row[1]) for row in rows))
    click.echo(f"{'plugin':<{name_width}}  {'version':<{version_width}}  hooks")
    for name, version, hooks in rows:
        click.echo(f"{name:<{name_width}}  {version:<{version_width}}  {hooks}")
    click.echo("")
    click.echo(f"extractors: {', '.join(loaded.extractor_names())}")
    click.echo(f"formats: {', '.join(loaded.format_names())}")
    for name, reason in sorted(loaded.load_errors.items()):
        click.echo(f"not loaded: {name}: {reason}")


if __name__ == "__main__":  # python -m alliancekit.cli
    main()
