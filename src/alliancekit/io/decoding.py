r"""Raw bytes to article text: encodings, byte-order marks and binary files.

Articles are expected in UTF-8. :func:`decode_text` also reads, in this order:

1. text that starts with a byte-order mark, in the encoding the mark names
   (UTF-8, UTF-16 or UTF-32, either byte order);
2. text in a *declared* encoding: the ``encoding`` field of a ``.meta.json``
   sidecar, or the ``<meta charset>`` of an HTML page;
3. otherwise strict UTF-8.

It never guesses: a file that is not valid in the encoding it is read with is
a :class:`DecodeError` naming the byte offset and line, with a hint on how to
declare the right encoding. Empty files and binary files (NUL bytes, or the
signature of gzip, zip, PDF or a common image format) are errors too.

>>> decode_text("Caf\u00e9".encode("utf-16"))
'Café'
>>> decode_text("Caf\u00e9".encode("latin-1"), declared="latin-1")
'Café'
>>> decode_text(b"\x89PNG\r\n\x1a\n")
Traceback (most recent call last):
...
alliancekit.io.decoding.DecodeError: binary file (PNG image), not text
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "declared_html_charset", "decode_text", "encoding_problem"]

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SIGNATURES = (
    (b"\x1f\x8b", "gzip data; name the file .gz to have it decompressed"),
    (b"PK\x03\x04", "zip archive"),
    (b"%PDF-", "PDF document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_SNIFF = 8192


class DecodeError(ValueError):
    """Bytes that are not readable text; ``line`` is the line of the first bad byte, when known.

    >>> error = DecodeError("not valid UTF-8", line=3)
    >>> str(error), error.line
    ('not valid UTF-8', 3)
    """

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


def encoding_problem(name: str) -> str | None:
    """Why ``name`` cannot be used to decode text, or ``None`` when it can.

    >>> encoding_problem("latin-1") is None
    True
    >>> encoding_problem("klingon")
    "unknown encoding 'klingon'"
    >>> encoding_problem("rot13")
    "'rot13' is not a text encoding"
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        return f"unknown encoding {name!r}"
    if not getattr(info, "_is_text_encoding", True):
        return f"{name!r} is not a text encoding"
    return None


def declared_html_charset(raw: bytes) -> str | None:
    """The encoding an HTML page declares in ``<meta charset>`` within its first 8 KiB, if any.

    >>> declared_html_charset(b'<html><head><meta charset="windows-1252">')
    'windows-1252'
    >>> declared_html_charset(b'<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">')
    'Shift_JIS'
    """
    match = _CHARSET.search(raw[:_SNIFF])
    return match.group(1).decode("ascii") if match else None


def _binary_kind(raw: bytes) -> str | None:
    for signature, kind in _SIGNATURES:
        if raw.startswith(signature):
            return kind
    if b"\x00" in raw[:_SNIFF]:
        return "contains NUL bytes"
    return None


def _failure(raw: bytes, encoding: str, error: UnicodeDecodeError, *, declared: bool) -> DecodeError:
    start = error.start
    line = raw[:start].count(b"\n") + 1
    what = raw[start : start + 1]
    hint = (
        ""
        if declared
        else '; save it as UTF-8, or declare its encoding (the "encoding" field of its .meta.json sidecar)'
    )
    return DecodeError(f"not valid {encoding} (byte {start}: {what!r}){hint}", line)


def decode_text(raw: bytes, *, declared: str | None = None) -> str:
    r"""Decode an article's bytes; see the module documentation for the rules.

    :param declared: the encoding the article's metadata declares, if any.
    :raises DecodeError: for empty, binary or undecodable input.

    >>> decode_text("\ufeffAbe met Biden.".encode())
    'Abe met Biden.'
    >>> decode_text(b"Caf\xe9 talks.")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    alliancekit.io.decoding.DecodeError: not valid UTF-8 (byte 3: b'\xe9'); save it as UTF-8, or declare ...
    >>> decode_text(b"Talks.", declared="undefined")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    alliancekit.io.decoding.DecodeError: cannot be decoded as 'undefined' (...)
    """
    text = _decode(raw, declared)
    if not text.strip():  # also blank: "\x1c", "\u2028", no-break spaces
        raise DecodeError("empty file")
    return text


def _decode(raw: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding).removeprefix("\ufeff")
            except UnicodeDecodeError as error:
                raise _failure(raw, encoding.upper(), error, declared=True) from None
    if not raw.strip():
        raise DecodeError("empty file")
    kind = _binary_kind(raw)
    if kind is not None:
        raise DecodeError(f"binary file ({kind}), not text")
    if declared is not None:
        problem = encoding_problem(declared)
        if problem is not None:
            raise DecodeError(problem)
        try:
            return raw.decode(declared)
        except UnicodeDecodeError as error:
            raise _failure(raw, declared, error, declared=True) from None
        except (UnicodeError, LookupError, TypeError, ValueError) as error:
            # A codec that cannot decode text at all ("undefined"), or fails without saying where.
            raise DecodeError(f"cannot be decoded as {declared!r} ({error})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _failure(raw, "UTF-8", error, declared=False) from None
