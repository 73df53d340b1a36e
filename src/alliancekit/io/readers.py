r"""Document readers: files in, :class:`~alliancekit.model.Document` values out.

Readers stream: they yield one document at a time and never hold a corpus in
memory. A bad input never stops a batch: it becomes a :class:`ReadError`
that names the file and line, yielded in the document's place.

Supported inputs:

* ``article.txt``, with an optional ``article.meta.json`` sidecar holding
  ``published`` (ISO date), ``outlet`` and ``url``;
* a directory, searched recursively for ``.txt`` and ``.jsonl`` files;
* ``corpus.jsonl``: one JSON object per line with ``id``, ``text`` and the
  optional ``published``, ``outlet``, ``url``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "x", "text": "Hi."}\nnot json\n')
>>> [type(item).__name__ for item in read_documents([folder])]
['Document', 'ReadError']
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from alliancekit.model import Document, Source

__all__ = ["ReadError", "parse_published", "read_documents", "read_jsonl", "read_text_file"]


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

    >>> parse_published("2026-01-13")
    datetime.date(2026, 1, 13)
    >>> parse_published("2026-01-13T09:30:00+09:00")
    datetime.date(2026, 1, 13)
    >>> parse_published(None) is None
    True
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise _BadFieldError(f"published must be an ISO date string, got {type(value).__name__}")
    text = value.strip()
    try:
        if len(text) == 10:
            return dt.date.fromisoformat(text)
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        raise _BadFieldError(f"published is not a valid ISO date: {value!r}") from None


def _optional_str(data: dict[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadFieldError(f"{key} must be a string, got {type(value).__name__}")
    return value


def _decode(raw: bytes, path: Path) -> str | ReadError:
    if not raw.strip():
        return ReadError(str(path), "empty file")
    if b"\x00" in raw[:8192]:
        return ReadError(str(path), "binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return ReadError(
            str(path), f"not valid UTF-8 (byte {error.start}: {raw[error.start : error.start + 1]!r})", line
        )


def read_text_file(path: Path, *, published: dt.date | None = None) -> Document | ReadError:
    """Read one ``.txt`` article and its optional ``.meta.json`` sidecar.

    :param published: a default publication date when the sidecar has none.
    """
    try:
        raw = path.read_bytes()
    except OSError as error:
        return ReadError(str(path), f"cannot read: {error.strerror or error}")
    text = _decode(raw, path)
    if isinstance(text, ReadError):
        return text
    meta_path = path.with_name(path.name.removesuffix(".txt") + ".meta.json")
    meta: dict[str, Any] = {}
    if meta_path.exists():
        try:
            loaded = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            return ReadError(str(meta_path), f"unreadable metadata: {error}")
        if not isinstance(loaded, dict):
            return ReadError(str(meta_path), "metadata must be a JSON object")
        meta = loaded
    try:
        own_date = parse_published(meta.get("published"))
        source = Source(outlet=_optional_str(meta, "outlet"), url=_optional_str(meta, "url"))
    except _BadFieldError as error:
        return ReadError(str(meta_path), str(error))
    doc_id = str(meta.get("id") or path.name.removesuffix(".txt"))
    return Document(id=doc_id, text=text, published=own_date or published, source=source)


def read_jsonl(path: Path, *, published: dt.date | None = None) -> Iterator[Document | ReadError]:
    """Stream documents from a JSON-lines file, one object per line."""
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            yield _document_from_line(raw, path, number, published)


def _document_from_line(
    raw: bytes, path: Path, number: int, published: dt.date | None
) -> Document | ReadError:
    try:
        # A file saved with a byte-order mark carries it on its first line only.
        data = json.loads(raw.decode("utf-8-sig" if number == 1 else "utf-8"))
    except UnicodeDecodeError:
        return ReadError(str(path), "not valid UTF-8", number)
    except json.JSONDecodeError as error:
        return ReadError(str(path), f"not valid JSON ({error.msg} at column {error.colno})", number)
    if not isinstance(data, dict):
        return ReadError(str(path), "a line must hold a JSON object", number)
    text = data.get("text")
    if not isinstance(text, str):
        return ReadError(str(path), "missing or non-string field 'text'", number)
    try:
        own_date = parse_published(data.get("published"))
        source = Source(outlet=_optional_str(data, "outlet"), url=_optional_str(data, "url"))
    except _BadFieldError as error:
        return ReadError(str(path), str(error), number)
    doc_id = data.get("id")
    if doc_id is None or doc_id == "":
        doc_id = f"{path.stem}:{number}"
    return Document(id=str(doc_id), text=text, published=own_date or published, source=source)


def _files_under(directory: Path) -> Iterator[Path]:
    for path in sorted(directory.rglob("*")):
        if path.is_file() and (path.suffix == ".jsonl" or path.suffix == ".txt"):
            yield path


def read_documents(
    paths: Iterable[Path | str], *, published: dt.date | None = None
) -> Iterator[Document | ReadError]:
    """Stream documents from files and directories, in a stable order.

    :param paths: ``.txt`` files, ``.jsonl`` files or directories of them.
    :param published: default publication date for documents without one.
    """
    for given in paths:
        path = Path(given)
        if path.is_dir():
            files: Iterable[Path] = _files_under(path)
        elif path.exists():
            files = [path]
        else:
            yield ReadError(str(path), "no such file or directory")
            continue
        for file in files:
            if file.suffix == ".jsonl":
                yield from read_jsonl(file, published=published)
            elif file.suffix == ".txt":
                yield read_text_file(file, published=published)
            else:
                yield ReadError(str(file), "unsupported file type (expected .txt, .jsonl or a directory)")
