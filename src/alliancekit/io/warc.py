r"""Web crawls: one document per HTML news page of a WARC file.

A WARC file (``crawl.warc`` or ``crawl.warc.gz``, as Common Crawl's
CC-NEWS and most crawlers write them) is read one record at a time with
`warcio <https://github.com/webrecorder/warcio>`_, never whole. Each
``response`` (or ``resource``) record holding an HTML page becomes one
:class:`~alliancekit.model.Document`:

* its text is the page's main text (:func:`~alliancekit.io.pages.main_text`,
  trafilatura): the headline and the article's paragraphs, never the
  navigation, banners, related links or comments around them;
* its ``id`` is the address the page was fetched from and the record's id,
  ``https://example.com/news/1#urn:uuid:...``, unique even when a page was
  fetched twice;
* ``published`` is the publication date the page's metadata declares; a
  page that declares none gets the ``published`` default, or none at all,
  and the dateline and timestamp readers of the pipeline then have their
  say;
* the outlet is the site's name (``og:site_name``), else the host name,
  and the address is the record's.

Other records are no pages and pass unnoticed (requests, metadata,
``warcinfo``, revisits). Pages that are no English news articles are
skipped and counted, by reason (:data:`SKIP_REASONS`), in the ``skipped``
counter the caller hands in: answers that are not HTML (a PDF, an image),
redirects and errors, pages in which no article is found or whose metadata
says they are not one (``og:type`` of a home page), pages in another
language. A record that cannot be read is a
:class:`~alliancekit.io.readers.ReadError` naming the file and the record's
number and offset; reading resumes at the next record.

Needs the ``web`` extra: ``pip install 'alliancekit[web]'``.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as dt
import io
import re
import urllib.parse
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

from alliancekit.io.decoding import DecodeError, declared_html_charset, decode_text
from alliancekit.io.markup import looks_like_html
from alliancekit.io.pages import MainText, is_english, main_text
from alliancekit.io.readers import ReadError, _absolute, parse_published
from alliancekit.model import Document, Source

__all__ = ["MAX_PAGE_BYTES", "SKIP_REASONS", "WARC_SUFFIXES", "read_warc"]

WARC_SUFFIXES = (".warc", ".warc.gz")
"""The file name endings read as WARC files."""

MAX_PAGE_BYTES = 20_000_000
"""The largest page read, in bytes (trafilatura's own limit): larger answers are skipped as ``too large``."""

SKIP_REASONS = {
    "not HTML": "the answer is not an HTML page (a PDF, an image, a feed...)",
    "not a page": "a redirect or an error (HTTP status other than 2xx)",
    "too large": f"a page larger than {MAX_PAGE_BYTES:,} bytes",
    "not an article": "no article text found, or the page declares itself no article (og:type)",
    "not in English": "the article's text is in another language",
}
"""Why a WARC record holding an answer is not made into a document, as counted in ``skipped``."""

_PAGE_RECORDS = ("response", "resource")
_HTML_TYPES = ("text/html", "application/xhtml+xml")
# og:type values of pages that are articles; any other declared type is no article.
_ARTICLE_TYPES = re.compile(r"article|news|story|blog", re.IGNORECASE)
_GZIP_MAGIC = b"\x1f\x8b\x08"
_WARC_LINE = b"\nWARC/1."
_SCAN_BLOCK = 1 << 20
_NO_BLANK_LINE = "not followed by the blank lines that end a record (its Content-Length may be wrong)"


def read_warc(
    path: Path,
    *,
    published: dt.date | None = None,
    skipped: collections.Counter[str] | None = None,
) -> Iterator[Document | ReadError]:
    """Stream the English news articles of a WARC file (``.warc`` or ``.warc.gz``) as documents.

    :param published: a default publication date for pages that declare none.
    :param skipped: counts the pages skipped, by reason (:data:`SKIP_REASONS`).
    """
    try:
        from warcio.archiveiterator import ArchiveIterator
        from warcio.exceptions import ArchiveLoadFailed
    except ImportError:
        yield ReadError(str(path), "reading WARC files needs warcio: pip install 'alliancekit[web]'")
        return
    tally = skipped if skipped is not None else collections.Counter()
    failures = (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError)
    try:
        handle = path.open("rb")
    except OSError as error:
        yield ReadError(str(path), f"cannot read: {error.strerror or error}")
        return
    with handle:
        compressed = handle.read(2) == _GZIP_MAGIC[:2]
        position, number = 0, 0
        while True:
            handle.seek(position)
            iterator = ArchiveIterator(handle)
            fresh = True  # nothing read since (re)starting here
            reported = False  # whether the latest record was reported broken
            try:
                while True:
                    warned = iterator.err_count
                    with contextlib.redirect_stderr(io.StringIO()):  # warcio prints its warnings there
                        record = next(iterator, None)
                    if iterator.err_count > warned and number and not reported:
                        yield ReadError(str(path), f"record {number}: {_NO_BLANK_LINE}")
                    if record is None:
                        break
                    number += 1
                    fresh = False
                    item = _record_document(record, path, number, published, tally)
                    reported = isinstance(item, ReadError)
                    if item is not None:
                        yield item
                break
            except failures as error:
                failed_at = iterator.offset
                if not fresh or position == 0:
                    # A record already reported broken is not reported again for each place tried in it.
                    number += 1
                    yield ReadError(str(path), f"record {number} (at byte {failed_at}): {_problem(error)}")
                resumed = _next_record_start(handle, max(failed_at, position) + 1, compressed)
                if resumed is None:
                    break
                position = resumed
        if number == 0:
            yield ReadError(str(path), "no WARC records in the file")


def _problem(error: BaseException) -> str:
    message = " ".join(str(error).split())[:200]
    if isinstance(error, zlib.error | EOFError):
        return f"corrupt or truncated gzip data ({message or type(error).__name__})"
    return f"not a valid WARC record ({message or type(error).__name__})"


def _next_record_start(handle: BinaryIO, start: int, compressed: bool) -> int | None:
    """Where the next record may begin at or after ``start``: a gzip member, or a ``WARC/1.`` line."""
    marker = _GZIP_MAGIC if compressed else _WARC_LINE
    handle.seek(start)
    offset = start
    carry = b""
    while True:
        block = handle.read(_SCAN_BLOCK)
        if not block:
            return None
        data = carry + block
        index = data.find(marker)
        if index >= 0:
            found = offset - len(carry) + index
            return found if compressed else found + 1  # past the line break
        carry = data[-(len(marker) - 1) :]
        offset += len(block)


def _record_document(
    record: Any,
    path: Path,
    number: int,
    published: dt.date | None,
    skipped: collections.Counter[str],
) -> Document | ReadError | None:
    """The document of one record, the error that makes it unreadable, or ``None`` (skipped, or no page)."""
    if record.format != "warc":  # warcio reads anything that is not WARC as the older ARC format
        return ReadError(
            str(path), f"record {number}: not a valid WARC record (it does not start with 'WARC/')"
        )
    if record.rec_type not in _PAGE_RECORDS:
        return None
    headers = record.rec_headers
    url = headers.get_header("WARC-Target-URI") or None
    record_id = (headers.get_header("WARC-Record-ID") or "").strip("<>") or f"record-{number}"
    where = f"record {number} ({url or record_id})"
    content_type = headers.get_header("Content-Type") or ""
    reason: str | None = None
    if record.rec_type == "response":
        http = record.http_headers
        if http is None:
            return ReadError(str(path), f"{where}: a response without HTTP headers")
        if not (http.get_statuscode() or "").startswith("2"):
            reason = "not a page"
        content_type = http.get_header("Content-Type") or ""
    mime = content_type.split(";", 1)[0].strip().lower()
    if reason is None and mime and mime not in _HTML_TYPES:
        reason = "not HTML"
    raw = b""
    if reason is None:
        try:
            raw = record.content_stream().read(MAX_PAGE_BYTES + 1)
        except Exception as error:  # a broken chunked or compressed body: this record only
            return ReadError(str(path), f"{where}: cannot read the page: {type(error).__name__}: {error}")
    missing = _missing_bytes(record)
    if missing:
        return ReadError(str(path), f"{where}: cut short, {missing} bytes of it missing (a truncated file?)")
    if reason is None and len(raw) > MAX_PAGE_BYTES:
        reason = "too large"
    elif reason is None and not raw.strip():
        reason = "not an article"
    if reason is not None:
        skipped[reason] += 1
        return None
    markup = _page_text(raw, content_type)
    if isinstance(markup, DecodeError):
        return ReadError(str(path), f"{where}: {markup.message}")
    if not mime and not looks_like_html(markup):
        skipped["not HTML"] += 1
        return None
    page = main_text(markup, url=url, fallback=False)
    if page is None or not _is_article(page):
        skipped["not an article"] += 1
        return None
    if not is_english(page.text):
        skipped["not in English"] += 1
        return None
    try:
        own_date = parse_published(page.published)
    except ValueError:
        own_date = None  # a malformed declared date is no date, not an error
    source = Source(
        outlet=page.outlet or _host(url),
        url=url or page.url,
        converted_by=page.converted_by,
        path=_absolute(path),
    )
    document_id = f"{url}#{record_id}" if url else record_id
    return Document(id=document_id, text=page.text, published=own_date or published, source=source)


def _missing_bytes(record: Any) -> int:
    """Read what is left of a record; how many of the bytes its length announces the file lacks."""
    stream = record.raw_stream
    while stream.read(_SCAN_BLOCK):
        pass
    return int(getattr(stream, "limit", 0) or 0)


def _page_text(raw: bytes, content_type: str) -> str | DecodeError:
    """The page's markup as text: in the charset its HTTP header or its ``<meta>`` declares, else UTF-8."""
    declared = _charset(content_type) or declared_html_charset(raw)
    try:
        return decode_text(raw, declared=declared)
    except DecodeError as error:
        if declared is None:
            return error
    try:
        return decode_text(raw)  # a wrong declaration: the bytes may still be UTF-8
    except DecodeError as error:
        return error


def _charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type, re.IGNORECASE)
    if match is None:
        return None
    name = match.group(1)
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _is_article(page: MainText) -> bool:
    return page.page_type is None or _ARTICLE_TYPES.search(page.page_type) is not None


def _host(url: str | None) -> str | None:
    if not url:
        return None
    host = urllib.parse.urlsplit(url).hostname
    return host.removeprefix("www.") if host else None
