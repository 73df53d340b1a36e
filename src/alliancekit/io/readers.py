r"""Document readers: files in, :class:`~alliancekit.model.Document` values out.

Readers stream: they yield one document at a time and never hold a corpus in
memory. A bad input never stops a batch: it becomes a :class:`ReadError`
that names the file and line, yielded in the document's place.

Supported inputs:

* ``article.txt``, with an optional ``article.meta.json`` sidecar holding
  ``published`` (ISO date), ``outlet``, ``url``, ``id`` and ``encoding``;
* ``page.html`` (or ``.htm``): an HTML page, read as its article's main text
  (:func:`~alliancekit.io.pages.main_text`), with the same sidecar;
* a directory, searched recursively for the files below, in name order;
* ``corpus.jsonl``: one JSON object per line with ``id``, ``text`` and the
  optional ``published``, ``outlet``, ``url``;
* ``corpus.csv``: a header row naming the columns ``id``, ``text``,
  ``published``, ``outlet``, ``url`` (only ``text`` is required; other
  columns are ignored), then one article per row;
* any of ``.txt``, ``.jsonl`` and ``.csv`` compressed with gzip
  (``corpus.jsonl.gz``), decompressed as it is read;
* ``crawl.warc`` or ``crawl.warc.gz``: a web crawl, one document per English
  news article it holds (:mod:`alliancekit.io.warc`, the ``web`` extra);
* ``article.json``: one article saved by news-please (its ``maintext``,
  ``title``, ``date_publish``, ``source_domain`` and ``url``,
  :mod:`alliancekit.io.newsplease`) or in the fields of a JSON line; JSON
  lines may hold news-please articles too. A directory search leaves out
  sidecars (``.meta.json``) and gold files (``.gold.json``).

Hostile input is handled, not trusted. Articles are UTF-8 unless a
byte-order mark or the sidecar's ``encoding`` says otherwise
(:func:`~alliancekit.io.decoding.decode_text`); empty, binary and
undecodable files are errors naming the file and line. An article or a
record whose text is a whole HTML page is converted to its visible text, and
a note (logged on the ``alliancekit.io`` logger, shown by the command line)
says so, since evidence offsets then index into the converted text.
Impossible dates ("2026-02-30"), non-string fields, blank texts and
non-scalar ids are errors naming the record.

No single input ends the stream, and none can exhaust memory or time: any
exception while reading or converting a file, a line or a row becomes a
:class:`ReadError` naming it; an article, JSON line or CSV record larger
than :attr:`ReadLimits.max_bytes` (:data:`MAX_DOCUMENT_BYTES` by default)
is reported and skipped as it is read, never held whole; with
:attr:`ReadLimits.seconds`, reading one document is stopped when it takes
longer. Text that is not Unicode (lone surrogates, from a JSON escape or a
declared encoding) is an error naming the record; file-name bytes that are
not UTF-8 show as ``\xNN`` in ids and messages, so that every output is
valid UTF-8.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "x", "text": "Hi."}\nnot json\n')
>>> [type(item).__name__ for item in read_documents([folder])]
['Document', 'ReadError']
"""

from __future__ import annotations

import collections
import contextlib
import csv
import datetime as dt
import errno
import functools
import gzip
import io
import json
import logging
import re
import signal
import stat
import threading
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO, cast

import attrs

from alliancekit.io.decoding import DecodeError, declared_html_charset, decode_text, encoding_problem
from alliancekit.io.escaping import first_lone_surrogate, readable
from alliancekit.io.markup import looks_like_html
from alliancekit.io.newsplease import is_newsplease_record, read_newsplease_file, record_fields
from alliancekit.io.pages import MainText, main_text
from alliancekit.model import Document, Source

__all__ = [
    "CSV_FIELDS",
    "INVISIBLE",
    "MAX_DOCUMENT_BYTES",
    "SUFFIXES",
    "ReadError",
    "ReadLimits",
    "format_size",
    "input_files",
    "json_kind",
    "name_in_folder",
    "parse_published",
    "parse_size",
    "read_csv",
    "read_documents",
    "read_file",
    "read_jsonl",
    "read_stream",
    "read_text_file",
]

SUFFIXES = (
    *(".txt", ".jsonl", ".csv", ".txt.gz", ".jsonl.gz", ".csv.gz", ".html", ".htm"),
    *(".warc", ".warc.gz", ".json"),
)
"""The file name endings :func:`read_documents` reads, also when searching a directory."""

CSV_FIELDS = ("id", "text", "published", "outlet", "url")
"""The columns a CSV corpus may have; only ``text`` is required."""

MAX_DOCUMENT_BYTES = 16 * 1024 * 1024
"""The default limit on one document or record: 16 MiB, thousands of news articles.

A larger input is reported and skipped (see :class:`ReadLimits`), so that
memory stays bounded. Extracting a document with the built-in ``rules``
extractor holds at most 16 bytes of memory per byte of news text (about
12), and at most 100 on the most hostile text measured (nothing but
trigger words: about 72); the test suite checks both. One document of news
at the default limit costs at most 256 MiB.
"""
# Errors a gzip stream raises when it is corrupt or cut short.
_GZIP_ERRORS = (OSError, EOFError, zlib.error)
_HTML_SUFFIXES = (".html", ".htm")
# JSON files that sit beside articles and are none: sidecars and gold annotations.
_NOT_ARTICLES = (".meta.json", ".gold.json")
_HTML_NOTE = "an HTML page: read the text of its markup; evidence offsets index into that text"
_log = logging.getLogger("alliancekit.io")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
# A sidecar holds a few fields: anything larger is not one.
_MAX_SIDECAR_BYTES = 1 << 20


@attrs.frozen
class ReadError:
    r"""An input that could not be read, and why.

    The path is kept printable: bytes of a file name that are not UTF-8
    show as ``\xNN`` escapes (:func:`~alliancekit.io.escaping.readable`).

    >>> str(ReadError("corpus.jsonl", "not valid JSON", line=3))
    'corpus.jsonl:3: not valid JSON'
    """

    path: str = attrs.field(converter=readable)
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class _BadFieldError(ValueError):
    pass


_UNITS = {
    "": 1,
    "B": 1,
    "K": 1 << 10,
    "KB": 1 << 10,
    "M": 1 << 20,
    "MB": 1 << 20,
    "G": 1 << 30,
    "GB": 1 << 30,
}
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([KMG]?B?)\s*", re.IGNORECASE)


def parse_size(text: str) -> int:
    """A size in bytes from ``"16M"``, ``"500 KB"``, ``"2G"`` or ``"1000"`` (powers of 1,024).

    >>> parse_size("16M"), parse_size("1.5 KB"), parse_size("100")
    (16777216, 1536, 100)
    >>> parse_size("lots")
    Traceback (most recent call last):
    ...
    ValueError: not a size: 'lots' (write it as 16M, 500K or 2G)
    """
    match = _SIZE.fullmatch(text)
    if match is None or float(match.group(1)) < 1:
        raise ValueError(f"not a size: {text!r} (write it as 16M, 500K or 2G)")
    return int(float(match.group(1)) * _UNITS[match.group(2).upper()])


def format_size(size: int) -> str:
    """A size in bytes for people: ``16 MiB``, ``512 KiB``, ``100 bytes``.

    >>> format_size(16 * 1024 * 1024), format_size(1536), format_size(100)
    ('16 MiB', '1.5 KiB', '100 bytes')
    """
    for unit, name in ((1 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")):
        if size >= unit:
            return f"{size / unit:.4g} {name}"
    return f"{size} bytes"


@attrs.frozen
class ReadLimits:
    """What reading one input may cost; what exceeds it is a :class:`ReadError`, and reading goes on.

    :param max_bytes: the largest article (once decompressed), JSON line or
        CSV record read, in bytes. Larger ones are skipped as they are
        read, never held in memory whole.
    :param seconds: the longest time reading and converting one document
        (decoding it, reading an HTML page's text) may take; ``None`` for no
        limit. It applies where an interval timer can interrupt the reader:
        on POSIX, in the main thread.

    >>> ReadLimits().max_bytes == MAX_DOCUMENT_BYTES, ReadLimits().seconds
    (True, None)
    """

    max_bytes: int = attrs.field(default=MAX_DOCUMENT_BYTES, validator=attrs.validators.ge(1))
    seconds: float | None = attrs.field(default=None)


def parse_published(value: Any) -> dt.date | None:
    """Parse a publication date given as ISO text (a date or a timestamp).

    :raises ValueError: when the value is neither empty nor such a date,
        saying why.

    >>> parse_published("2026-01-13")
    datetime.date(2026, 1, 13)
    >>> parse_published("2026-01-13T09:30:00+09:00")
    datetime.date(2026, 1, 13)
    >>> parse_published(None) is None
    True
    >>> parse_published("2026-02-30")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: published is not a valid ISO date: '2026-02-30' (day is out of ...
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as error:
        # "2026-02-30" has the form of a date, but is none: say why.
        reason = f" ({error})" if _DATE_SHAPE.match(text) else ""
        raise ValueError(f"published is not a valid ISO date: {value!r}{reason}") from None


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadFieldError(f"{key} must be a string, got {type(value).__name__}")
    return value


INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
r"""Characters removed from every text read: soft hyphens, zero-width spaces, joiners, word joiners.

Invisible in print, they sit inside words copied from web pages and would
cut a name short ("Marco Ru\u200bbio" read as "Marco Ru"). Evidence offsets
index into the text without them, and a note says so.
"""
_DROP_INVISIBLE = str.maketrans(dict.fromkeys(INVISIBLE))


def _visible(text: str, path: Path | _Origin, line: int | None = None) -> str:
    """``text`` without :data:`INVISIBLE` characters; a note names ``path:line`` when any were removed."""
    # A quick look, as most texts have none: a substring search per character beats a regex's scan.
    if text.isascii() or not any(character in text for character in INVISIBLE):
        return text
    cleaned = text.translate(_DROP_INVISIBLE)
    removed = len(text) - len(cleaned)
    if removed:
        _log.info(
            "%s: removed %d invisible characters (zero-width spaces, soft hyphens) that would cut words; "
            "evidence offsets index into the text without them",
            readable(str(path) if line is None else f"{path}:{line}"),
            removed,
        )
    return cleaned


def _surrogate_problem(text: str, index: int) -> str:
    """What is wrong with text holding a lone surrogate at ``index``, for an error message."""
    return (
        f"holds a lone surrogate (U+{ord(text[index]):04X} at character {index}), which is not Unicode text"
    )


def _unicode_problem(data: dict[str, Any]) -> str | None:
    """Why a record's or a sidecar's text fields cannot be written as UTF-8, if they cannot."""
    for name in ("id", "text", "outlet", "url"):
        value = data.get(name)
        if isinstance(value, str):
            surrogate = first_lone_surrogate(value)
            if surrogate is not None:
                return f"field {name!r} {_surrogate_problem(value, surrogate)}"
    return None


def _line_of(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _document_id(value: Any, default: str) -> str:
    r"""A record's ``id``: a non-empty string or an integer, else ``default`` when absent.

    ``default`` is made of a file name, whose bytes that are not UTF-8 are
    written as ``\xNN`` escapes.
    """
    if value is None or value == "":
        return readable(default)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _BadFieldError(f"id must be a string or an integer, got {type(value).__name__}")
    return str(value)


def _decode(raw: bytes, path: Path, declared: str | None) -> str | ReadError:
    """The article's text; an HTML page is tried in UTF-8, then in the charset it declares."""
    try:
        return decode_text(raw, declared=declared)
    except DecodeError as error:
        charset = declared_html_charset(raw) if declared is None else None
        if charset is None or not error.message.startswith("not valid UTF-8"):
            return ReadError(str(path), error.message, error.line)
    try:
        return decode_text(raw, declared=charset)
    except DecodeError as error:
        return ReadError(str(path), f"{error.message} (the encoding its <meta charset> declares)", error.line)


def _read_meta(meta_path: Path) -> dict[str, Any] | ReadError:
    """The sidecar's fields, or the error that makes it unusable; ``{}`` when there is none.

    Only a regular file of at most 1 MiB is read: a named pipe would block
    for ever and a device (a link to ``/dev/zero``) never end.
    """
    try:
        status = meta_path.stat()
    except FileNotFoundError:
        return {}
    except OSError as error:
        if error.errno == errno.ENAMETOOLONG:  # the article's name is so long that no sidecar can exist
            return {}
        return ReadError(str(meta_path), f"cannot read: {error.strerror or error}")
    if not stat.S_ISREG(status.st_mode):
        return ReadError(str(meta_path), "not a regular file")
    try:
        with meta_path.open("rb") as handle:
            raw = handle.read(_MAX_SIDECAR_BYTES + 1)
        if len(raw) > _MAX_SIDECAR_BYTES:
            return ReadError(
                str(meta_path), f"larger than {_MAX_SIDECAR_BYTES:,} bytes: not a metadata sidecar"
            )
        loaded = json.loads(raw.decode("utf-8-sig"))
    except RecursionError:
        return ReadError(str(meta_path), "unreadable metadata: JSON nested too deeply")
    except (OSError, ValueError) as error:  # also UnicodeDecodeError, JSONDecodeError, endless numbers
        return ReadError(str(meta_path), f"unreadable metadata: {error}")
    if not isinstance(loaded, dict):
        return ReadError(str(meta_path), "metadata must be a JSON object")
    encoding = loaded.get("encoding")
    if encoding is not None:
        problem = encoding_problem(encoding) if isinstance(encoding, str) else "encoding must be a string"
        if problem is not None:
            return ReadError(str(meta_path), problem)
    return loaded


def read_text_file(
    path: Path,
    *,
    published: dt.date | None = None,
    limits: ReadLimits | None = None,
    name: str | None = None,
) -> Document | ReadError:
    """Read one ``.txt`` (or ``.txt.gz``, ``.html``) article and its optional ``.meta.json`` sidecar.

    The sidecar of ``news.txt`` or ``news.txt.gz`` is ``news.meta.json``.
    Its ``encoding`` names the article's encoding when it is not UTF-8. An
    HTML page (by name, or by its opening ``<!DOCTYPE html>`` or
    ``<html>``) is read as its visible text; its declared publication date,
    site name and address fill in what the sidecar does not give.

    Whatever goes wrong is a :class:`ReadError` naming the file; so is an
    article larger than ``limits.max_bytes`` (once decompressed, which is
    done as it is read: a small ``.gz`` expanding to gigabytes is never
    held whole).

    :param published: a default publication date when the sidecar has none.
    :param limits: the size and time one article may take (:class:`ReadLimits`).
    :param name: the document's id when the sidecar gives none (default:
        the file name without its suffix; :func:`read_documents` passes the
        path relative to the folder it searches, ``jan/story``).
    """
    limits = limits or ReadLimits()
    return _guarded(
        path, None, functools.partial(_read_text_file, path, published, limits, name), limits.seconds
    )


def _read_text_file(
    path: Path, published: dt.date | None, limits: ReadLimits, name: str | None
) -> Document | ReadError:
    try:
        with _open_binary(path) as handle:
            raw = handle.read(limits.max_bytes + 1)
        if len(raw) > limits.max_bytes:
            return ReadError(
                str(path),
                _too_large(limits, "an article", " once decompressed" if path.name.endswith(".gz") else ""),
            )
    except OSError as error:
        return ReadError(str(path), f"cannot read: {error.strerror or error}")
    except (EOFError, zlib.error) as error:
        return ReadError(str(path), f"cannot read: corrupt gzip data ({error})")
    stem = _stem(path)
    meta_path = path.with_name(stem + ".meta.json")
    meta = _read_meta(meta_path)
    if isinstance(meta, ReadError):
        return meta
    named_html = path.name.removesuffix(".gz").endswith(_HTML_SUFFIXES)
    article = _article(raw, path, meta.get("encoding"), named_html=named_html)
    if isinstance(article, ReadError):
        return article
    text, page = article
    problem = _unicode_problem(meta)
    if problem is not None:
        return ReadError(str(meta_path), problem)
    try:
        own_date = parse_published(meta.get("published"))
        source = Source(outlet=_optional_str(meta, "outlet"), url=_optional_str(meta, "url"))
        doc_id = _document_id(meta.get("id"), name or stem)
    except ValueError as error:
        return ReadError(str(meta_path), str(error))
    if page is not None:
        own_date = own_date or _page_date(page.published)
        source = Source(
            outlet=source.outlet or page.outlet, url=source.url or page.url, converted_by=page.converted_by
        )
    source = attrs.evolve(source, path=_absolute(path))
    return Document(id=doc_id, text=text, published=own_date or published, source=source)


def _article(
    raw: bytes, path: Path, declared: str | None, *, named_html: bool
) -> tuple[str, MainText | None] | ReadError:
    """The text of one article's bytes, and the page it was read from when it was HTML.

    Decoded (in the ``declared`` encoding, else UTF-8), an HTML page read
    as its main text, invisible characters removed; any of that failing is
    an error naming ``path``.
    """
    text = _decode(raw, path, declared)
    if isinstance(text, ReadError):
        return text
    surrogate = first_lone_surrogate(text)
    if surrogate is not None:
        return ReadError(
            str(path), f"{_surrogate_problem(text, surrogate)} once decoded", _line_of(text, surrogate)
        )
    page: MainText | None = None
    if named_html or looks_like_html(text):
        page = main_text(text)
        if page is None:
            return ReadError(str(path), "an HTML page without any text")
        if not named_html:
            _log.info("%s: %s", path, _HTML_NOTE)
        text = page.text
    text = _visible(text, path)
    if not text.strip():
        return ReadError(str(path), "no text once its invisible characters are removed")
    return text, page


def _absolute(path: Path) -> str:
    r"""The file's absolute path, the part of a document's identity that says where it came from.

    Bytes of the name that are not UTF-8 are written as ``\xNN`` escapes,
    so that it can be stored and written.
    """
    try:
        absolute = str(path.resolve())
    except (OSError, RuntimeError):  # pragma: no cover - a symlink loop, an unreadable folder
        absolute = str(path.absolute())
    return readable(absolute)


def _page_date(value: str | None) -> dt.date | None:
    """An HTML page's declared publication date; a malformed one is ignored, not an error."""
    try:
        return parse_published(value)
    except ValueError:
        return None


def _stem(path: Path) -> str:
    """The file name without its reader suffix: ``news`` for ``news.jsonl.gz``."""
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if path.name.endswith(suffix):
            return path.name.removesuffix(suffix)
    return path.stem


def _open_binary(path: Path) -> io.BufferedIOBase:
    """Open a file for reading bytes, decompressing it on the fly when it ends in ``.gz``."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def _open_text(path: Path) -> TextIO:
    """Open a UTF-8 file for reading text as the csv module wants it (``newline=""``).

    Bytes that are not UTF-8 are kept as lone surrogates (``surrogateescape``),
    so that they cost the row holding them, not the rest of the file.
    """
    return io.TextIOWrapper(
        cast(BinaryIO, _open_binary(path)), encoding="utf-8-sig", errors="surrogateescape", newline=""
    )


_SKIP_CHUNK = 1 << 20


class _LineTooLongError(Exception):
    """One line of a file is larger than the size limit; it was skipped."""


class _RecordTooLongError(Exception):
    """A CSV record of several lines (quoted line breaks) grew larger than the size limit."""


def _too_large(limits: ReadLimits, what: str, how: str = "") -> str:
    size = format_size(limits.max_bytes)
    return f"{what} larger than the limit of {size}{how} (--max-document-size); not read"


def read_jsonl(
    path: Path,
    *,
    published: dt.date | None = None,
    limits: ReadLimits | None = None,
    name: str | None = None,
) -> Iterator[Document | ReadError]:
    r"""Stream documents from a JSON-lines file (or ``.jsonl.gz``), one object per line.

    A line larger than ``limits.max_bytes`` is an error for that line,
    skipped without being held in memory. A record without an ``id`` is
    named ``<name>:<line>``, ``name`` being the file name without its
    suffix unless given (:func:`read_documents` passes the path relative to
    the folder it searches).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl.gz"
    >>> _ = path.write_bytes(gzip.compress(b'{"text": "Hi."}\n'))
    >>> [document.id for document in read_jsonl(path)]
    ['news:1']
    """
    limits = limits or ReadLimits()
    try:
        handle = _open_binary(path)
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    origin = _Origin(path, name or _stem(path))
    with handle:
        lines = _JsonLines(origin, published, limits)
        try:
            yield from lines.read(handle)
        except _GZIP_ERRORS as error:
            yield ReadError(
                str(path), f"cannot read on: corrupt or truncated data ({error})", lines.number + 1
            )
            return
        if not lines.records and not lines.unreadable:
            yield ReadError(str(path), "empty file")


@attrs.define
class _JsonLines:
    """Reads the records of a JSON-lines stream, counting its lines and records as it goes."""

    origin: _Origin
    published: dt.date | None
    limits: ReadLimits
    number: int = 0  # the lines read so far
    records: int = 0  # the lines that were not blank
    unreadable: bool = False  # the stream is no JSON lines at all, which was reported once

    def read(
        self, handle: BinaryIO | io.BufferedIOBase, first: bytes = b""
    ) -> Iterator[Document | ReadError]:
        """The documents of the lines of ``handle``, after ``first`` (a line already read from it)."""
        path, limits = self.origin, self.limits
        while raw := first or handle.readline(limits.max_bytes + 1):
            first = b""
            self.number += 1
            number = self.number
            if len(raw) > limits.max_bytes and not raw.endswith(b"\n"):
                _skip_line(handle)
                self.records += 1
                yield ReadError(str(path), _too_large(limits, "a line"), number)
                continue
            if number == 1:
                unreadable = _not_json_lines(raw)
                if unreadable is not None:
                    self.unreadable = True
                    yield ReadError(str(path), unreadable)
                    return
            if not raw.strip():
                continue
            self.records += 1
            yield _guarded(
                path.path,
                number,
                functools.partial(_document_from_line, raw, path, number, self.published),
                limits.seconds,
            )


def _skip_line(handle: BinaryIO | io.BufferedIOBase) -> None:
    """Read on to the end of the current line, a chunk at a time."""
    while chunk := handle.readline(_SKIP_CHUNK):
        if chunk.endswith(b"\n"):
            return


def _not_json_lines(first_line: bytes) -> str | None:
    """Why a file whose first line is ``first_line`` cannot be JSON lines at all, if it cannot.

    Reported once for the file, rather than once for each of its lines.
    """
    if first_line.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        return "encoded as UTF-16 or UTF-32 (it starts with a byte-order mark); JSON lines must be UTF-8"
    try:
        decode_text(first_line)
    except DecodeError as error:
        if error.message.startswith("binary"):
            return error.message
    return None


class _CsvLines:
    """The lines of a CSV file for :func:`csv.reader`, none larger than the limit, counted.

    A line larger than the limit is skipped (read on in chunks, never held
    whole) and raises :class:`_LineTooLongError`; the csv reader starts afresh
    on the next line. A record of several lines larger than the limit
    raises :class:`_RecordTooLongError`. :meth:`next_record` marks where the
    next record starts.
    """

    def __init__(self, stream: TextIO, limit: int) -> None:
        self.stream = stream
        self.limit = limit
        self.number = 0  # the physical lines read so far
        self._record_lines = 0
        self._record_size = 0

    def __iter__(self) -> _CsvLines:
        return self

    def next_record(self) -> int:
        """Start counting a new record; the number of the line it starts on."""
        self._record_lines = self._record_size = 0
        return self.number + 1

    def __next__(self) -> str:
        line = self.stream.readline(self.limit + 1)
        if not line:
            raise StopIteration
        self.number += 1
        if len(line) > self.limit and not line.endswith(("\n", "\r")):
            while (more := self.stream.readline(_SKIP_CHUNK)) and not more.endswith(("\n", "\r")):
                pass
            raise _LineTooLongError
        self._record_lines += 1
        self._record_size += len(line)
        if self._record_lines > 1 and self._record_size > self.limit:
            raise _RecordTooLongError
        return line


def read_csv(
    path: Path,
    *,
    published: dt.date | None = None,
    limits: ReadLimits | None = None,
    name: str | None = None,
) -> Iterator[Document | ReadError]:
    r"""Stream documents from a CSV file (or ``.csv.gz``) with a header row.

    The columns are named by :data:`CSV_FIELDS`; only ``text`` is required.
    A row without an ``id`` is named ``<name>:<line>``, ``name`` being the
    file name without its suffix unless given. A row with the
    wrong number of fields, a bad date, bytes that are not UTF-8 or a line
    larger than ``limits.max_bytes`` is a :class:`ReadError` naming the line
    the row starts on, and the rows after it are still read; a file whose
    quoting is broken, or whose quoted field runs on past the size limit,
    stops at the error.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = path.write_text('id,text,published\na1,"Rubio met Motegi.",2026-01-13\na2,"Too",many,fields\n')
    >>> [item.id if isinstance(item, Document) else (item.line, item.message) for item in read_csv(path)]
    ['a1', (3, 'the row has 4 fields, the header 3')]
    """
    limits = limits or ReadLimits()
    try:
        stream = _open_text(path)
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    # The csv module's limit on one field is process-wide; a field may be as large as a document.
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_bytes + 1))
    origin = _Origin(path, name or _stem(path))
    with stream:
        lines = _CsvLines(stream, limits.max_bytes)
        rows = csv.reader(lines)
        start = lines.next_record()
        try:
            header = next(rows, None)
            if header is None:
                yield ReadError(str(path), "empty file")
                return
            columns = [name.strip().lower() for name in header]
            if any(first_lone_surrogate(name) is not None for name in columns):
                yield ReadError(str(path), "the header row is not valid UTF-8; CSV files must be UTF-8", 1)
                return
            if "text" not in columns:
                yield ReadError(str(path), "the header row has no 'text' column", 1)
                return
            while True:
                start = lines.next_record()
                try:
                    row = next(rows, None)
                except _LineTooLongError:
                    yield ReadError(str(path), _too_large(limits, "a line"), lines.number)
                    continue
                except _RecordTooLongError:  # where its quoting ends is unknown: stop here
                    yield ReadError(
                        str(path),
                        _too_large(limits, "a record of several lines") + ", nor the rest of the file",
                        start,
                    )
                    return
                if row is None:
                    return
                if row:
                    yield _guarded(
                        path,
                        start,
                        functools.partial(_document_from_row, row, columns, origin, start, published),
                        limits.seconds,
                    )
        except (csv.Error, *_GZIP_ERRORS) as error:
            yield ReadError(str(path), f"cannot read on: {error}", start)


@attrs.frozen
class _Origin:
    """An input being read: its path, and the name its id-less records are numbered under."""

    path: Path
    name: str
    # Where the documents came from, as Source.path holds it; None for a stream (standard input).
    absolute: str | None = attrs.field(
        default=attrs.Factory(lambda self: _absolute(self.path), takes_self=True)
    )

    def __str__(self) -> str:
        return str(self.path)


def _document_from_row(
    row: list[str], columns: list[str], path: _Origin, number: int, published: dt.date | None
) -> Document | ReadError:
    if len(row) != len(columns):
        return ReadError(str(path), f"the row has {len(row)} fields, the header {len(columns)}", number)
    for name, value in zip(columns, row, strict=True):
        bad = first_lone_surrogate(value)
        if bad is not None:  # a byte that is not UTF-8, kept by the surrogateescape error handler
            byte = value[bad].encode("utf-8", "surrogateescape")
            message = f"not valid UTF-8 (byte {byte!r} in column {name!r}); CSV files must be UTF-8"
            return ReadError(str(path), message, number)
    data: dict[str, Any] = {name: value for name, value in zip(columns, row, strict=True) if value != ""}
    if "text" not in data:
        return ReadError(str(path), "empty field 'text'", number)
    return _document_from_fields(data, path, number, published)


def _document_from_line(
    raw: bytes, path: _Origin, number: int, published: dt.date | None
) -> Document | ReadError:
    try:
        # A file saved with a byte-order mark carries it on its first line only.
        line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
    except UnicodeDecodeError as error:
        bad = raw[error.start : error.start + 1]
        message = f"not valid UTF-8 (byte {error.start} of the line: {bad!r}); JSON lines must be UTF-8"
        return ReadError(str(path), message, number)
    try:
        # Without its line end: a line cut short reads "unterminated string", not "control character".
        data = json.loads(line.rstrip("\r\n"))
    except json.JSONDecodeError as error:
        return ReadError(str(path), f"not valid JSON ({_json_problem(error)})", number)
    except RecursionError:
        return ReadError(str(path), "not valid JSON (nested too deeply)", number)
    except ValueError as error:  # an integer of more than 4,300 digits (sys.get_int_max_str_digits)
        return ReadError(str(path), f"not valid JSON (a number too long to read: {error})", number)
    if not isinstance(data, dict):
        return ReadError(str(path), f"a line must hold a JSON object, not {json_kind(data)}", number)
    return _document_from_fields(data, path, number, published)


def _json_problem(error: json.JSONDecodeError) -> str:
    """What is wrong with a JSON line, and at which column: ``Expecting value at column 1``.

    >>> try:
    ...     json.loads('{"text": "cut')
    ... except json.JSONDecodeError as error:
    ...     print(_json_problem(error))
    Unterminated string starting at column 10
    """
    # Some of the json module's messages end in "at", ready for the position it appends.
    return f"{error.msg.removesuffix(' at')} at column {error.colno}"


def json_kind(value: object) -> str:
    """What a value decoded from JSON is, in JSON's words, for error messages.

    >>> [json_kind(value) for value in ({}, [], "x", 1.5, True, None)]
    ['an object', 'an array', 'a string', 'a number', 'a boolean', 'null']
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array" if isinstance(value, list) else "an object"


def _document_from_fields(
    data: dict[str, Any], path: _Origin, number: int | None, published: dt.date | None
) -> Document | ReadError:
    """Build a document from one record's fields (a JSON line, a CSV row, or a whole ``.json`` file).

    A record without an id is named after ``path.name``, with ``:<number>``
    when it is one of several (a line or a row).
    """
    if is_newsplease_record(data):
        data = record_fields(data)
    text = data.get("text")
    if not isinstance(text, str):
        return ReadError(str(path), "missing or non-string field 'text'", number)
    problem = _unicode_problem(data)
    if problem is not None:
        return ReadError(str(path), problem, number)
    if not text.strip():
        return ReadError(str(path), "empty field 'text'", number)
    try:
        own_date = parse_published(data.get("published"))
        outlet, url = _optional_str(data, "outlet"), _optional_str(data, "url")
        doc_id = _document_id(data.get("id"), path.name if number is None else f"{path.name}:{number}")
    except ValueError as error:
        return ReadError(str(path), str(error), number)
    converted_by = None
    if looks_like_html(text):
        page = main_text(text, url=url)
        if page is None:
            return ReadError(str(path), "field 'text' is an HTML page without any text", number)
        _log.info("%s:%s: field 'text' is %s", path, number, _HTML_NOTE)
        text = page.text
        own_date = own_date or _page_date(page.published)
        outlet, url, converted_by = outlet or page.outlet, url or page.url, page.converted_by
    text = _visible(text, path, number)
    if not text.strip():
        return ReadError(
            str(path), "field 'text' has no text once its invisible characters are removed", number
        )
    # Built once, with every field: the Source's validators run on its texts a single time.
    source = Source(outlet=outlet, url=url, converted_by=converted_by, path=path.absolute, line=number)
    return Document(id=doc_id, text=text, published=own_date or published, source=source)


def _files_under(directory: Path) -> list[Path] | ReadError:
    """The files of a directory tree that are inputs by their names, in name order.

    Those that are not regular files (a pipe named ``news.txt``) are listed
    too, and reported when read rather than skipped in silence.
    """
    try:
        return sorted(
            path
            for path in directory.rglob("*")
            if path.name.endswith(SUFFIXES) and not path.name.endswith(_NOT_ARTICLES) and not path.is_dir()
        )
    except Exception as error:  # an unreadable sub-directory, a link loop
        return ReadError(str(directory), f"cannot list: {_crash_detail(error)}")


def _not_a_file(path: Path) -> ReadError | None:
    """Why ``path`` cannot be read as a file, or ``None`` when it is a regular one."""
    try:
        if path.is_file():
            return None
        if path.exists():  # a pipe or a device would block or never end
            return ReadError(str(path), "not a regular file or a directory")
    except OSError as error:
        return ReadError(str(path), f"cannot read: {error.strerror or error}")
    return ReadError(str(path), "no such file or directory")


def _crash_detail(error: BaseException) -> str:
    """An unexpected exception in a few words: its type, and its message when it has one."""
    detail = str(error)
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _guarded(
    path: Path, line: int | None, convert: Callable[[], Document | ReadError], seconds: float | None = None
) -> Document | ReadError:
    """``convert()``, or a :class:`ReadError` naming ``path`` and ``line`` whatever it raises.

    With ``seconds``, a conversion that takes longer is stopped (see :func:`_time_limit`).
    """
    try:
        # Without a limit, no timer is set: the null context is the lighter one to enter.
        with _time_limit(seconds) if seconds else contextlib.nullcontext():
            return convert()
    except _ReadTimeoutError:
        return ReadError(str(path), f"reading took longer than {seconds:g} s; stopped (see --timeout)", line)
    except Exception as error:  # one input must never end a batch
        return ReadError(str(path), f"cannot read: {_crash_detail(error)}", line)


class _ReadTimeoutError(Exception):
    """Reading one input took longer than its time limit."""


def _raise_timeout(signum: int, frame: object) -> None:
    raise _ReadTimeoutError


@contextlib.contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_ReadTimeoutError` in the block when it runs longer than ``seconds``.

    A real-time interval timer (``SIGALRM``) interrupts Python code, which
    is where reading spends its time (the HTML parser, the conversions);
    the linear C routines it calls (decompression, JSON, regular
    expressions) finish first. The limit applies only where such a timer
    can be set: on POSIX, in the main thread, when no other timer runs.
    Elsewhere the block runs without a limit.
    """
    if seconds is None or seconds <= 0:
        yield
        return
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        try:
            signal.setitimer(signal.ITIMER_REAL, 0)
        finally:  # even when the timer went off just now, the handler is put back
            signal.signal(signal.SIGALRM, previous if previous is not None else signal.SIG_DFL)


def _read_file(
    file: Path,
    published: dt.date | None,
    limits: ReadLimits,
    skipped: collections.Counter[str] | None,
    name: str | None = None,
) -> Iterator[Document | ReadError]:
    """The documents of one file, by its kind; whatever goes wrong is an error naming it."""
    problem = _not_a_file(file)
    if problem is not None:
        yield problem
        return
    kind = file.name.removesuffix(".gz")
    if kind.endswith(".warc"):
        from alliancekit.io.warc import read_warc

        items: Iterator[Document | ReadError] = read_warc(file, published=published, skipped=skipped)
    elif file.name.endswith(".json"):
        items = iter([read_newsplease_file(file, published=published, name=name)])
    elif kind.endswith(".jsonl"):
        items = read_jsonl(file, published=published, limits=limits, name=name)
    elif kind.endswith(".csv"):
        items = read_csv(file, published=published, limits=limits, name=name)
    elif kind.endswith((".txt", *_HTML_SUFFIXES)):
        items = iter([read_text_file(file, published=published, limits=limits, name=name)])
    else:
        yield ReadError(
            str(file),
            "unsupported file type (expected .txt, .html, .json, .jsonl, .csv, .warc, "
            "one of them .gz, or a directory)",
        )
        return
    try:
        yield from items
    except Exception as error:  # a bug of ours, or the system's: the next file is still read
        yield ReadError(str(file), f"cannot read on: {_crash_detail(error)}")


def read_file(
    path: Path,
    *,
    published: dt.date | None = None,
    name: str | None = None,
    limits: ReadLimits | None = None,
    skipped: collections.Counter[str] | None = None,
) -> Iterator[Document | ReadError]:
    """Stream the documents of one file, read by the reader its name calls for.

    Whatever goes wrong is a :class:`ReadError` naming the file (and line).

    :param name: what the file's documents are named after when they have
        no id of their own (default: the file name without its suffix).
    :param limits: the size and time one document may take (:class:`ReadLimits`).
    :param skipped: counts the pages of a crawl that are not read, by reason.
    """
    yield from _read_file(path, published, limits or ReadLimits(), skipped, name)


def name_in_folder(folder: Path, file: Path) -> str:
    """What a file found in ``folder`` names its documents: its path from there, without suffix.

    ``news/jan/story.txt`` found in ``news`` is ``jan/story``, so that it
    does not clash with ``news/mar/story.txt``.

    >>> name_in_folder(Path("news"), Path("news/jan/story.txt"))
    'jan/story'
    >>> name_in_folder(Path("news"), Path("news/a.jsonl.gz"))
    'a'
    """
    relative = file.relative_to(folder)
    return "/".join((*relative.parent.parts, _stem(file)))


def input_files(paths: Iterable[Path | str]) -> Iterator[tuple[Path, str | None] | ReadError]:
    """Each file the given paths name, in the order :func:`read_documents` reads them.

    A directory is searched for the files whose names are inputs
    (:data:`SUFFIXES`, leaving out sidecars and gold files), each given
    with the name its documents without an id take
    (:func:`name_in_folder`); a file given itself comes with ``None``
    (its own name). A directory that cannot be searched is a
    :class:`ReadError`.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / "jan").mkdir()
    >>> _ = (folder / "jan" / "story.txt").write_text("Abe met Lee.")
    >>> _ = (folder / "jan" / "story.meta.json").write_text("{}")
    >>> [name for _, name in input_files([folder])]
    ['jan/story']
    """
    for given in paths:
        path = Path(given)
        try:
            is_directory = path.is_dir()
        except OSError as error:  # a name too long for the file system
            yield ReadError(str(path), f"cannot read: {error.strerror or error}")
            continue
        if not is_directory:
            yield path, None
            continue
        files = _files_under(path)
        if isinstance(files, ReadError):
            yield files
            continue
        for file in files:
            yield file, name_in_folder(path, file)


def read_documents(
    paths: Iterable[Path | str],
    *,
    published: dt.date | None = None,
    skipped: collections.Counter[str] | None = None,
    limits: ReadLimits | None = None,
    exclude: Iterable[Path | str] = (),
) -> Iterator[Document | ReadError]:
    """Stream documents from files and directories, in a stable order.

    Nothing one input holds ends the stream: whatever goes wrong reading
    or converting a file, a line or a row is a :class:`ReadError` naming it,
    and the next one is read.

    A document without an id of its own is named after its file: its
    path from the folder given (``jan/story`` for ``news/jan/story.txt``
    found in ``news``), followed by ``:<line>`` for a record of a corpus
    file.

    :param paths: ``.txt``, ``.jsonl`` and ``.csv`` files (each possibly
        gzip-compressed, ``.jsonl.gz``), ``.html`` pages, ``.warc`` crawls
        or directories of them.
    :param published: default publication date for documents without one.
    :param skipped: counts the inputs that are deliberately not read, by
        reason: the pages of a crawl that are no English news articles
        (:data:`alliancekit.io.warc.SKIP_REASONS`).
    :param limits: the size and time one document may take (:class:`ReadLimits`);
        what exceeds them is an error naming it.
    :param exclude: files never to read, such as the output being written;
        one found in a folder is passed over with a note.
    """
    limits = limits or ReadLimits()
    excluded = {_absolute(Path(file)) for file in exclude}
    for item in input_files(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        file, name = item
        if excluded and _absolute(file) in excluded:
            _log.info("%s: not read: it is the output of this run", readable(str(file)))
            continue
        yield from _read_file(file, published, limits, skipped, name)


def read_stream(
    stream: BinaryIO,
    *,
    published: dt.date | None = None,
    name: str = "stdin",
    limits: ReadLimits | None = None,
) -> Iterator[Document | ReadError]:
    r"""Stream documents from an open binary stream, such as standard input.

    A stream whose first line holds a JSON object is read as JSON lines,
    one record at a time (a record without an ``id`` is ``<name>:<line>``);
    any other stream is one article, named ``name``, read whole (an HTML
    page as its main text). Errors name the stream as ``name``; the limits
    apply as they do to files (:class:`ReadLimits`).

    >>> import io
    >>> lines = b'{"text": "Abe met Lee."}\n{"id": "x", "text": "Hi."}\n'
    >>> [document.id for document in read_stream(io.BytesIO(lines))]
    ['stdin:1', 'x']
    >>> [(d.id, d.text) for d in read_stream(io.BytesIO(b"Abe met Lee in Tokyo."))]
    [('stdin', 'Abe met Lee in Tokyo.')]
    """
    limits = limits or ReadLimits()
    origin = _Origin(Path(name), name, absolute=None)
    first = stream.readline(limits.max_bytes + 1)
    if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        lines = _JsonLines(origin, published, limits)
        yield from lines.read(stream, first)
        if not lines.records and not lines.unreadable:  # pragma: no cover - the first line holds an object
            yield ReadError(name, "empty input")
        return
    raw = first + stream.read(limits.max_bytes + 1 - len(first))
    if len(raw) > limits.max_bytes:
        yield ReadError(name, _too_large(limits, "an article"))
        return
    if not raw.strip():
        yield ReadError(name, "empty input")
        return
    yield _guarded(
        origin.path, None, functools.partial(_stream_article, raw, origin.path, published), limits.seconds
    )


def _stream_article(raw: bytes, where: Path, published: dt.date | None) -> Document | ReadError:
    """The one article a stream holds: its text, and what an HTML page declares."""
    article = _article(raw, where, None, named_html=False)
    if isinstance(article, ReadError):
        return article
    text, page = article
    source = Source()
    if page is not None:
        source = Source(outlet=page.outlet, url=page.url, converted_by=page.converted_by)
        published = _page_date(page.published) or published
    return Document(id=str(where), text=text, published=published, source=source)
