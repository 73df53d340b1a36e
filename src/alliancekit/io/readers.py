r"""Document readers: files in, :class:`~alliancekit.model.Document` values out.

Readers stream: they yield one document at a time and never hold a corpus in
memory. A bad input never stops a batch: it becomes a :class:`ReadError`
that names the file and line, yielded in the document's place.

Supported inputs:

* ``article.txt``, with an optional ``article.meta.json`` sidecar holding
  ``published`` (ISO date), ``outlet``, ``url``, ``id`` and ``encoding``;
* ``page.html`` (or ``.htm``): an HTML page, read as the text a browser
  shows (:func:`~alliancekit.io.markup.html_to_text`), with the same sidecar;
* a directory, searched recursively for the files below, in name order;
* ``corpus.jsonl``: one JSON object per line with ``id``, ``text`` and the
  optional ``published``, ``outlet``, ``url``;
* ``corpus.csv``: a header row naming the columns ``id``, ``text``,
  ``published``, ``outlet``, ``url`` (only ``text`` is required; other
  columns are ignored), then one article per row;
* any of ``.txt``, ``.jsonl`` and ``.csv`` compressed with gzip
  (``corpus.jsonl.gz``), decompressed as it is read.

Hostile input is handled, not trusted. Articles are UTF-8 unless a
byte-order mark or the sidecar's ``encoding`` says otherwise
(:func:`~alliancekit.io.decoding.decode_text`); empty, binary and
undecodable files are errors naming the file and line. An article or a
record whose text is a whole HTML page is converted to its visible text, and
a note (logged on the ``alliancekit.io`` logger, shown by the command line)
says so, since evidence offsets then index into the converted text.
Impossible dates ("2026-02-30"), non-string fields, blank texts and
non-scalar ids are errors naming the record.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "x", "text": "Hi."}\nnot json\n')
>>> [type(item).__name__ for item in read_documents([folder])]
['Document', 'ReadError']
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import itertools
import json
import logging
import re
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, BinaryIO, TextIO

import attrs

from alliancekit.io.decoding import DecodeError, declared_html_charset, decode_text, encoding_problem
from alliancekit.io.markup import html_to_text, looks_like_html
from alliancekit.model import Document, Source

__all__ = [
    "CSV_FIELDS",
    "SUFFIXES",
    "ReadError",
    "json_kind",
    "name_in_folder",
    "parse_published",
    "read_csv",
    "read_documents",
    "read_file",
    "read_jsonl",
    "read_stream",
    "read_text_file",
]

SUFFIXES = (".txt", ".jsonl", ".csv", ".txt.gz", ".jsonl.gz", ".csv.gz", ".html", ".htm")
"""The file name endings :func:`read_documents` reads, also when searching a directory."""

CSV_FIELDS = ("id", "text", "published", "outlet", "url")
"""The columns a CSV corpus may have; only ``text`` is required."""

# A CSV article may be longer than the csv module's default field limit (128 KiB).
_CSV_FIELD_LIMIT = 1 << 27
# Errors a gzip stream raises when it is corrupt or cut short.
_GZIP_ERRORS = (OSError, EOFError, zlib.error)
_HTML_SUFFIXES = (".html", ".htm")
_HTML_NOTE = "an HTML page: read the text of its markup; evidence offsets index into that text"
_log = logging.getLogger("alliancekit.io")
_DATE_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")


@attrs.frozen
class ReadError:
    """An input that could not be read, and why.

    >>> str(ReadError("corpus.jsonl", "not valid JSON", line=3))
    'corpus.jsonl:3: not valid JSON'
    """

    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class _BadFieldError(ValueError):
    pass


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


def _document_id(value: Any, default: str) -> str:
    """A record's ``id``: a non-empty string or an integer, else ``default`` when absent."""
    if value is None or value == "":
        return default
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
    """The sidecar's fields, or the error that makes it unusable; ``{}`` when there is none."""
    if not meta_path.exists():
        return {}
    try:
        loaded = json.loads(meta_path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
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
    path: Path, *, published: dt.date | None = None, name: str | None = None
) -> Document | ReadError:
    """Read one ``.txt`` (or ``.txt.gz``, ``.html``) article and its optional ``.meta.json`` sidecar.

    The sidecar of ``news.txt`` or ``news.txt.gz`` is ``news.meta.json``.
    Its ``encoding`` names the article's encoding when it is not UTF-8. An
    HTML page (by name, or by its opening ``<!DOCTYPE html>`` or
    ``<html>``) is read as its visible text; its declared publication date,
    site name and address fill in what the sidecar does not give.

    :param published: a default publication date when the sidecar has none.
    :param name: the document's id when the sidecar gives none (default:
        the file name without its suffix; :func:`read_documents` passes the
        path relative to the folder it searches, ``jan/story``).
    """
    try:
        raw = gzip.decompress(path.read_bytes()) if path.name.endswith(".gz") else path.read_bytes()
    except OSError as error:
        return ReadError(str(path), f"cannot read: {error.strerror or error}")
    except (EOFError, zlib.error) as error:
        return ReadError(str(path), f"cannot read: corrupt gzip data ({error})")
    stem = _stem(path)
    meta_path = path.with_name(stem + ".meta.json")
    meta = _read_meta(meta_path)
    if isinstance(meta, ReadError):
        return meta
    text = _decode(raw, path, meta.get("encoding"))
    if isinstance(text, ReadError):
        return text
    page_meta: dict[str, Any] = {}
    named_html = path.name.removesuffix(".gz").endswith(_HTML_SUFFIXES)
    if named_html or looks_like_html(text):
        page = html_to_text(text)
        if not page.text.strip():
            return ReadError(str(path), "an HTML page without any text")
        if not named_html:
            _log.info("%s: %s", path, _HTML_NOTE)
        text = page.text
        page_meta = {"published": page.published, "outlet": page.outlet, "url": page.url}
    try:
        own_date = parse_published(meta.get("published"))
        source = Source(outlet=_optional_str(meta, "outlet"), url=_optional_str(meta, "url"))
        doc_id = _document_id(meta.get("id"), name or stem)
    except ValueError as error:
        return ReadError(str(meta_path), str(error))
    if page_meta:
        own_date = own_date or _page_date(page_meta["published"])
        source = Source(outlet=source.outlet or page_meta["outlet"], url=source.url or page_meta["url"])
    source = attrs.evolve(source, path=_absolute(path))
    return Document(id=doc_id, text=text, published=own_date or published, source=source)


def _absolute(path: Path) -> str:
    """The file's absolute path, the part of a document's identity that says where it came from."""
    try:
        return str(path.resolve())
    except (OSError, RuntimeError):  # pragma: no cover - a symlink loop, an unreadable folder
        return str(path.absolute())


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
    """Open a UTF-8 file for reading text as the csv module wants it (``newline=""``)."""
    if path.name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8-sig", newline="")
    return path.open(encoding="utf-8-sig", newline="")


def read_jsonl(
    path: Path, *, published: dt.date | None = None, name: str | None = None
) -> Iterator[Document | ReadError]:
    r"""Stream documents from a JSON-lines file (or ``.jsonl.gz``), one object per line.

    A record without an ``id`` is named ``<name>:<line>``, ``name`` being
    the file name without its suffix unless given (:func:`read_documents`
    passes the path relative to the folder it searches).

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.jsonl.gz"
    >>> _ = path.write_bytes(gzip.compress(b'{"text": "Hi."}\n'))
    >>> [document.id for document in read_jsonl(path)]
    ['news:1']
    """
    try:
        handle = _open_binary(path)
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    origin = _Origin(path, name or _stem(path))
    with handle:
        number = 0
        records = 0
        try:
            for number, raw in enumerate(handle, start=1):
                if number == 1:
                    unreadable = _not_json_lines(raw)
                    if unreadable is not None:
                        yield ReadError(str(path), unreadable)
                        return
                if not raw.strip():
                    continue
                records += 1
                yield _document_from_line(raw, origin, number, published)
        except _GZIP_ERRORS as error:
            yield ReadError(str(path), f"cannot read on: corrupt or truncated data ({error})", number + 1)
            return
        if not records:
            yield ReadError(str(path), "empty file")


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


def read_csv(
    path: Path, *, published: dt.date | None = None, name: str | None = None
) -> Iterator[Document | ReadError]:
    r"""Stream documents from a CSV file (or ``.csv.gz``) with a header row.

    The columns are named by :data:`CSV_FIELDS`; only ``text`` is required.
    A row without an ``id`` is named ``<name>:<line>``, ``name`` being the
    file name without its suffix unless given. A row with the
    wrong number of fields or a bad date is a :class:`ReadError` naming the
    line the row starts on, and the rows after it are still read; a file
    whose quoting is broken stops at the error.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "news.csv"
    >>> _ = path.write_text('id,text,published\na1,"Rubio met Motegi.",2026-01-13\na2,"Too",many,fields\n')
    >>> [item.id if isinstance(item, Document) else (item.line, item.message) for item in read_csv(path)]
    ['a1', (3, 'the row has 4 fields, the header 3')]
    """
    try:
        stream = _open_text(path)
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    csv.field_size_limit(max(csv.field_size_limit(), _CSV_FIELD_LIMIT))
    origin = _Origin(path, name or _stem(path))
    with stream:
        rows = csv.reader(stream)
        line = 1
        try:
            header = next(rows, None)
            if header is None:
                yield ReadError(str(path), "empty file")
                return
            columns = [name.strip().lower() for name in header]
            if "text" not in columns:
                yield ReadError(str(path), "the header row has no 'text' column", 1)
                return
            line = rows.line_num + 1
            for row in rows:
                start, line = line, rows.line_num + 1
                if not row:
                    continue
                yield _document_from_row(row, columns, origin, start, published)
        except (csv.Error, UnicodeDecodeError, *_GZIP_ERRORS) as error:
            yield ReadError(str(path), f"cannot read on: {error}", line)


@attrs.frozen
class _Origin:
    """A corpus file being read: its path, and the name its id-less records are numbered under."""

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
    data: dict[str, Any], path: _Origin, number: int, published: dt.date | None
) -> Document | ReadError:
    """Build a document from one record's fields (a JSON line or a CSV row)."""
    text = data.get("text")
    if not isinstance(text, str):
        return ReadError(str(path), "missing or non-string field 'text'", number)
    if not text.strip():
        return ReadError(str(path), "empty field 'text'", number)
    try:
        own_date = parse_published(data.get("published"))
        source = Source(outlet=_optional_str(data, "outlet"), url=_optional_str(data, "url"))
        doc_id = _document_id(data.get("id"), f"{path.name}:{number}")
    except ValueError as error:
        return ReadError(str(path), str(error), number)
    if looks_like_html(text):
        page = html_to_text(text)
        if not page.text.strip():
            return ReadError(str(path), "field 'text' is an HTML page without any text", number)
        _log.info("%s:%s: field 'text' is %s", path, number, _HTML_NOTE)
        text = page.text
        own_date = own_date or _page_date(page.published)
        source = Source(outlet=source.outlet or page.outlet, url=source.url or page.url)
    source = attrs.evolve(source, path=path.absolute, line=number)
    return Document(id=doc_id, text=text, published=own_date or published, source=source)


def _files_under(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and path.name.endswith(SUFFIXES):
            yield path


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


def read_documents(
    paths: Iterable[Path | str], *, published: dt.date | None = None, skip: Iterable[Path | str] = ()
) -> Iterator[Document | ReadError]:
    """Stream documents from files and directories, in a stable order.

    A document without an id of its own is named after its file: its
    path from the folder given (``jan/story`` for ``news/jan/story.txt``
    found in ``news``), followed by ``:<line>`` for a record of a corpus
    file.

    :param paths: ``.txt``, ``.jsonl`` and ``.csv`` files (each possibly
        gzip-compressed, ``.jsonl.gz``) or directories of them.
    :param published: default publication date for documents without one.
    :param skip: files never to read, such as the output being written; one
        found in a folder is passed over with a note.
    """
    skipped = {_absolute(Path(file)) for file in skip}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files: Iterable[Path] = _files_under(path)
            folder: Path | None = path
        elif path.is_file():
            files = [path]
            folder = None
        elif path.exists():  # a pipe or a device would block or never end
            yield ReadError(str(path), "not a regular file or a directory")
            continue
        else:
            yield ReadError(str(path), "no such file or directory")
            continue
        for file in files:
            if skipped and _absolute(file) in skipped:
                _log.info("%s: not read: it is the output of this run", file)
                continue
            yield from read_file(
                file, published=published, name=None if folder is None else name_in_folder(folder, file)
            )


def read_file(
    path: Path, *, published: dt.date | None = None, name: str | None = None
) -> Iterator[Document | ReadError]:
    """Stream the documents of one file, read by the reader its name calls for.

    :param name: what the file's documents are named after when they have
        no id of their own (default: the file name without its suffix).
    """
    kind = path.name.removesuffix(".gz")
    if kind.endswith(".jsonl"):
        yield from read_jsonl(path, published=published, name=name)
    elif kind.endswith(".csv"):
        yield from read_csv(path, published=published, name=name)
    elif kind.endswith((".txt", *_HTML_SUFFIXES)):
        yield read_text_file(path, published=published, name=name)
    else:
        yield ReadError(
            str(path),
            "unsupported file type (expected .txt, .html, .jsonl, .csv, one of them .gz, or a directory)",
        )


def read_stream(
    stream: BinaryIO, *, published: dt.date | None = None, name: str = "stdin"
) -> Iterator[Document | ReadError]:
    r"""Stream documents from an open binary stream, such as standard input.

    A stream whose first line holds a JSON object is read as JSON lines,
    one record at a time (a record without an ``id`` is ``<name>:<line>``);
    any other stream is one article, named ``name``, read whole. Errors name
    the stream as ``name``.

    >>> import io
    >>> lines = b'{"text": "Abe met Lee."}\n{"id": "x", "text": "Hi."}\n'
    >>> [document.id for document in read_stream(io.BytesIO(lines))]
    ['stdin:1', 'x']
    >>> [(d.id, d.text) for d in read_stream(io.BytesIO(b"Abe met Lee in Tokyo."))]
    [('stdin', 'Abe met Lee in Tokyo.')]
    """
    origin = _Origin(Path(name), name, absolute=None)
    first = stream.readline()
    if first.lstrip(b"\xef\xbb\xbf \t").startswith(b"{"):
        number = records = 0
        for number, raw in enumerate(itertools.chain([first], stream), start=1):
            if raw.strip():
                records += 1
                yield _document_from_line(raw, origin, number, published)
        if not records:  # pragma: no cover - the first line holds an object
            yield ReadError(name, "empty input")
        return
    raw = first + stream.read()
    try:
        text = decode_text(raw)
    except DecodeError as error:
        yield ReadError(name, "empty input" if not raw.strip() else error.message, error.line)
        return
    source = Source()
    if looks_like_html(text):
        page = html_to_text(text)
        if not page.text.strip():
            yield ReadError(name, "an HTML page without any text")
            return
        _log.info("%s: %s", name, _HTML_NOTE)
        text = page.text
        source = Source(outlet=page.outlet, url=page.url)
        published = _page_date(page.published) or published
    yield Document(id=name, text=text, published=published, source=source)
