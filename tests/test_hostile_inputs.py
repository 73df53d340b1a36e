"""Hostile inputs: each is read, converted, or a clear error naming the file and line; the rest goes on.

Empty and binary files, invalid UTF-8 and other encodings, HTML pages,
malformed JSON lines, impossible dates, missing or mistyped fields, very
large documents, and paths that are not files.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import json
import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.io.decoding import DecodeError, decode_text
from alliancekit.io.markup import html_to_text, looks_like_html
from alliancekit.io.readers import ReadError, parse_published, read_documents, read_jsonl
from alliancekit.model import Document, Event
from alliancekit.plugins import Plugins
from alliancekit.store import EventStore
from helpers import meetings


def _one(path: Path) -> Document | ReadError:
    [item] = read_documents([path])
    return item


def _error(path: Path) -> ReadError:
    item = _one(path)
    assert isinstance(item, ReadError), item
    return item


def _document(path: Path) -> Document:
    item = _one(path)
    assert isinstance(item, Document), item
    return item


# --------------------------------------------------------------------------- empty and binary files


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("blank.txt", b" \n\t\n"),
        ("empty.jsonl", b""),
        ("blank.jsonl", b"\n\n   \n"),
        ("empty.csv", b""),
        ("empty.jsonl.gz", gzip.compress(b"")),
    ],
)
def test_an_empty_file_of_any_kind_is_an_error_naming_it(tmp_path: Path, name: str, content: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = _error(path)
    assert error.message == "empty file"
    assert error.path == str(path)


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (gzip.compress(b"Abe met Biden."), "gzip data; name the file .gz to have it decompressed"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00", "zip archive"),
        (b"text with a \x00 NUL byte", "contains NUL bytes"),
    ],
)
def test_a_binary_file_named_txt_is_an_error_saying_what_it_is(
    tmp_path: Path, content: bytes, kind: str
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(content)
    assert _error(path).message == f"binary file ({kind}), not text"


def test_a_binary_file_named_jsonl_is_one_error_not_one_per_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b"\x00\x01\x02\n" * 1000)
    assert [str(item) for item in read_jsonl(path)] == [f"{path}: binary file (contains NUL bytes), not text"]


# --------------------------------------------------------------------------- encodings


def test_invalid_utf8_names_the_byte_and_line_and_says_how_to_declare_the_encoding(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes("First line.\nCaf\u00e9 talks.".encode("latin-1"))
    error = _error(path)
    assert error.line == 2
    assert error.message.startswith("not valid UTF-8 (byte 15: b'\\xe9')")
    assert '"encoding" field of its .meta.json sidecar' in error.message


def test_the_sidecar_encoding_reads_a_legacy_file(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_bytes("Caf\u00e9 talks in S\u00e3o Paulo.".encode("cp1252"))
    (tmp_path / "article.meta.json").write_text('{"encoding": "cp1252"}', encoding="utf-8")
    assert _document(tmp_path / "article.txt").text == "Caf\u00e9 talks in S\u00e3o Paulo."


@pytest.mark.parametrize(
    ("encoding", "message"),
    [("klingon", "unknown encoding 'klingon'"), ("rot13", "'rot13' is not a text encoding"), (7, "string")],
)
def test_an_unusable_sidecar_encoding_is_an_error_naming_the_sidecar(
    tmp_path: Path, encoding: object, message: str
) -> None:
    (tmp_path / "article.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "article.meta.json").write_text(json.dumps({"encoding": encoding}), encoding="utf-8")
    error = _error(tmp_path / "article.txt")
    assert error.path.endswith("article.meta.json")
    assert message in error.message


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_a_byte_order_mark_names_the_encoding(tmp_path: Path, codec: str) -> None:
    text = "Abe met Biden in K\u014dchi."
    bom = {"utf-16-be": codecs.BOM_UTF16_BE}.get(codec, b"")
    (tmp_path / "article.txt").write_bytes(bom + text.encode(codec))
    assert _document(tmp_path / "article.txt").text == text


def test_a_utf16_jsonl_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes('{"text": "Abe met Biden."}\n'.encode("utf-16"))
    [error] = read_jsonl(path)
    assert isinstance(error, ReadError)
    assert "JSON lines must be UTF-8" in error.message


def test_a_sidecar_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_bytes(codecs.BOM_UTF8 + b'{"published": "2026-01-13"}')
    assert _document(tmp_path / "a.txt").published == dt.date(2026, 1, 13)


def test_decode_text_raises_only_decode_errors() -> None:
    with pytest.raises(DecodeError, match="not valid UTF-16"):
        decode_text(codecs.BOM_UTF16_LE + b"\x00\xd8")  # a lone surrogate


# --------------------------------------------------------------------------- HTML pages

_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Abe and Biden meet</title>
<meta property="article:published_time" content="2026-01-13T09:00:00+09:00">
<meta property="og:site_name" content="Kyodo News">
<link rel="canonical" href="https://example.com/abe-biden">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script>
</head><body>
<nav><ul><li>Home</li><li>World</li></ul></nav>
<article><h1>Abe and Biden meet</h1>
<p>Prime Minister Shinzo Abe met
   President Joe Biden in <b>Tokyo</b> on Monday &amp; discussed trade.</p>
<!-- an ad slot -->
<p>They will meet again in May.</p></article>
</body></html>
"""


def test_an_html_page_is_read_as_its_visible_text_with_its_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(_PAGE, encoding="utf-8")
    document = _document(path)
    paragraphs = document.text.split("\n\n")
    assert (
        "Prime Minister Shinzo Abe met President Joe Biden in Tokyo on Monday & discussed trade."
        in paragraphs
    )
    assert "They will meet again in May." in paragraphs
    assert "<" not in document.text
    assert "color" not in document.text
    assert "not text" not in document.text
    assert document.id == "page"
    assert document.published == dt.date(2026, 1, 13)
    assert (document.source.outlet, document.source.url) == ("Kyodo News", "https://example.com/abe-biden")


def test_an_html_page_saved_as_txt_is_converted_with_a_note(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(_PAGE, encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="alliancekit.io"):
        document = _document(path)
    assert "They will meet again in May." in document.text
    assert [record.getMessage() for record in caplog.records] == [
        f"{path}: an HTML page: read the text of its markup; evidence offsets index into that text"
    ]


def test_an_html_page_in_a_jsonl_record_is_converted_with_a_note_naming_the_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "corpus.jsonl"
    records = [{"id": "plain", "text": "A <b>bold</b> claim."}, {"id": "page", "text": _PAGE}]
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    with caplog.at_level(logging.INFO, logger="alliancekit.io"):
        plain, page = read_jsonl(path)
    assert isinstance(plain, Document)
    assert isinstance(page, Document)
    assert plain.text == "A <b>bold</b> claim."  # prose with a tag is not a page
    assert "<" not in page.text
    assert page.published == dt.date(2026, 1, 13)
    assert [record.getMessage().split(": ")[0] for record in caplog.records] == [f"{path}:2"]


def test_an_html_page_in_a_legacy_charset_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Caf\u00e9 talks.</p></body></html>'
    (tmp_path / "page.htm").write_bytes(page.encode("cp1252"))
    assert _document(tmp_path / "page.htm").text == "Caf\u00e9 talks."


def test_an_html_page_without_text_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text("<html><script>only()</script></html>", encoding="utf-8")
    assert _error(tmp_path / "page.html").message == "an HTML page without any text"


def test_an_html_page_with_a_bad_declared_date_keeps_the_default(tmp_path: Path) -> None:
    page = '<html><meta property="article:published_time" content="2026-02-30"><p>Text.</p></html>'
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    [document] = read_documents([tmp_path / "page.html"], published=dt.date(2025, 1, 1))
    assert isinstance(document, Document)
    assert document.published == dt.date(2025, 1, 1)


@pytest.mark.parametrize(
    "markup",
    ["<a " * 2000, "<!--" * 2000, "</" * 2000, "<a b=c " * 2000, "<?" * 2000, "<![CDATA[" * 500, "<" * 5000],
)
def test_unclosed_markup_that_stalls_html_parser_is_escaped_or_dropped(markup: str) -> None:
    # Linear time is shown by bench/adversarial.py; here, the content is what it should be.
    text = html_to_text("<html><body><p>Kept.</p>" + markup).text
    assert text.startswith("Kept.")
    assert "<!--" not in text


def test_prose_that_mentions_a_tag_does_not_look_like_html() -> None:
    assert not looks_like_html("Use the <html> tag, the editor said.")
    assert looks_like_html("<!-- saved -->\n<!doctype html><p>x</p>")


# --------------------------------------------------------------------------- records and dates


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ({"id": "a", "text": ""}, "empty field 'text'"),
        ({"id": "a", "text": " \n "}, "empty field 'text'"),
        ({"id": "a"}, "missing or non-string field 'text'"),
        ({"id": "a", "text": None}, "missing or non-string field 'text'"),
        ({"id": "a", "text": ["Abe"]}, "missing or non-string field 'text'"),
        ({"id": ["a"], "text": "T."}, "id must be a string or an integer, got list"),
        ({"id": {"a": 1}, "text": "T."}, "id must be a string or an integer, got dict"),
        ({"id": True, "text": "T."}, "id must be a string or an integer, got bool"),
        ({"text": "T.", "outlet": 7}, "outlet must be a string, got int"),
        ({"text": "T.", "published": "2026-02-30"}, "'2026-02-30' (day is out of range for month)"),
        ({"text": "T.", "published": "2026-13-01"}, "'2026-13-01' (month must be in 1..12)"),
        ({"text": "T.", "published": "2026-01-13T25:00"}, "(hour must be in 0..23"),
        ({"text": "T.", "published": "13/01/2026"}, "not a valid ISO date: '13/01/2026'"),
        ({"text": "T.", "published": 20260113}, "published must be an ISO date string, got int"),
    ],
)
def test_a_bad_record_is_an_error_naming_the_file_and_line(
    tmp_path: Path, record: dict[str, object], message: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    good = json.dumps({"id": "ok", "text": "Fine."})
    path.write_text(f"{good}\n{json.dumps(record)}\n{good}\n", encoding="utf-8")
    first, error, last = read_jsonl(path)
    assert isinstance(first, Document)
    assert isinstance(last, Document)
    assert isinstance(error, ReadError)
    assert (error.path, error.line) == (str(path), 2)
    assert message in error.message


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (b'{"id": "cut", "text": "Rubio', "not valid JSON (Unterminated string starting at column 23)"),
        (b'{"id": "a" "text": "T."}', "not valid JSON (Expecting ',' delimiter at column 12)"),
        (b'{"text": "T."} trailing', "not valid JSON (Extra data at column 16)"),
        (
            b'{"text": "Caf\xe9."}',
            "not valid UTF-8 (byte 13 of the line: b'\\xe9'); JSON lines must be UTF-8",
        ),
        (b"[1, 2]", "a line must hold a JSON object, not an array"),
        (b'"text"', "a line must hold a JSON object, not a string"),
        (b"17", "a line must hold a JSON object, not a number"),
        (b"true", "a line must hold a JSON object, not a boolean"),
        (b"null", "a line must hold a JSON object, not null"),
    ],
)
def test_a_malformed_json_line_is_an_error_saying_what_is_wrong_and_where(
    tmp_path: Path, line: bytes, message: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_bytes(b'{"text": "Fine."}\n' + line + b'\n{"text": "Fine."}\n')
    first, error, last = read_jsonl(path)
    assert isinstance(first, Document)
    assert isinstance(last, Document)
    assert str(error) == f"{path}:2: {message}"


def test_an_impossible_date_in_a_sidecar_names_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2025-02-29"}', encoding="utf-8")
    error = _error(tmp_path / "a.txt")
    assert error.path.endswith("a.meta.json")
    assert "'2025-02-29' (day is out of range for month)" in error.message


def test_an_impossible_date_in_a_csv_row_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text('id,text,published\na,"Fine.",2026-01-13\nb,"Bad date.",2026-04-31\n', encoding="utf-8")
    first, error = read_documents([path])
    assert isinstance(first, Document)
    assert isinstance(error, ReadError)
    assert error.line == 3
    assert "'2026-04-31' (day is out of range for month)" in error.message


def test_a_numeric_id_is_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text('{"id": 17, "text": "Fine."}\n', encoding="utf-8")
    [document] = read_jsonl(path)
    assert isinstance(document, Document)
    assert document.id == "17"


@pytest.mark.parametrize("value", ["0001-01-01", "9999-12-31", "2024-02-29"])
def test_extreme_but_real_dates_are_accepted(value: str) -> None:
    assert parse_published(value) == dt.date.fromisoformat(value)


# --------------------------------------------------------------------------- size and odd paths


def test_a_10_mb_article_and_a_10_mb_json_line_are_read_whole(tmp_path: Path) -> None:
    body = "Abe met Biden in Tokyo. " * (10_000_000 // 24)
    (tmp_path / "big.txt").write_text(body, encoding="utf-8")
    (tmp_path / "big.jsonl").write_text(json.dumps({"id": "big-line", "text": body}) + "\n", encoding="utf-8")
    documents = [item for item in read_documents([tmp_path]) if isinstance(item, Document)]
    assert [(document.id, len(document.text)) for document in documents] == [
        ("big-line", len(body)),  # big.jsonl comes before big.txt
        ("big", len(body)),
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_named_pipe_is_an_error_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    assert _error(fifo).message == "not a regular file or a directory"


# --------------------------------------------------------------------------- the whole batch


class Stub:
    name = "stub"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return meetings(document)


class StubPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("stub", Stub)


@pytest.fixture
def hostile_folder(tmp_path: Path) -> Path:
    """A folder of every kind of hostile input, beside good ones: 9 documents read, 9 failures."""
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "a_empty.txt").write_bytes(b"")
    (folder / "b_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (folder / "c_latin1.txt").write_bytes("Caf\u00e9 met Bar.".encode("latin-1"))
    (folder / "d_page.html").write_text("<html><body><p>Abe met Lee.</p></body></html>", encoding="utf-8")
    (folder / "e_scraped.txt").write_text("<!doctype html><p>Kim met Moon.</p>", encoding="utf-8")
    (folder / "g_utf16.txt").write_bytes("Cho met Wong.".encode("utf-16"))  # with its byte-order mark
    (folder / "h_big.txt").write_text("Nothing happened here. " * (10_000_000 // 23) + "Ito met Hegseth.")
    (folder / "h_big.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    (folder / "i_bad_date.txt").write_text("Lee met Ishiba.", encoding="utf-8")
    (folder / "i_bad_date.meta.json").write_text('{"published": "2026-02-30"}', encoding="utf-8")
    lines = [
        json.dumps({"id": "good", "text": "Rubio met Motegi.", "published": "2026-01-13"}),
        '{"id": "cut", "text": "Rubio',
        json.dumps({"id": "impossible", "text": "Rubio met Motegi.", "published": "2026-02-30"}),
        json.dumps({"id": "textless"}),
        json.dumps({"id": "dateless", "text": "Wong met Cho."}),  # no date: read, times unresolved
        "[1, 2]",
    ]
    (folder / "f_corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


_HOSTILE_ERRORS = [
    r"a_empty\.txt: empty file",
    r"b_binary\.txt: binary file \(PNG image\), not text",
    r"c_latin1\.txt:1: not valid UTF-8 \(byte 3",
    r"f_corpus\.jsonl:2: not valid JSON \(Unterminated string starting at column 23\)",
    r"f_corpus\.jsonl:3: published is not a valid ISO date: '2026-02-30' \(day is out of range",
    r"f_corpus\.jsonl:4: missing or non-string field 'text'",
    r"f_corpus\.jsonl:6: a line must hold a JSON object, not an array",
    r"i_bad_date\.meta\.json: published is not a valid ISO date: '2026-02-30'",
]
_HOSTILE_DOCUMENTS = ["d_page", "dateless", "e_scraped", "g_utf16", "good", "h_big"]


def test_a_hostile_corpus_is_read_around_its_failures_with_a_summary_and_status_one(
    hostile_folder: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())

    result: Result = CliRunner().invoke(main, ["extract", str(hostile_folder), "--extractor", "stub"])

    assert result.exit_code == 1
    assert (
        sorted(json.loads(line)["document_id"] for line in result.stdout.splitlines()) == _HOSTILE_DOCUMENTS
    )
    stderr = result.stderr
    for expected in _HOSTILE_ERRORS:
        assert re.search(rf"^error: .*{expected}", stderr, re.MULTILINE), expected
    assert len(re.findall("^error: ", stderr, re.MULTILINE)) == len(_HOSTILE_ERRORS)
    assert re.search(r"^note: .*e_scraped\.txt: an HTML page", stderr, re.MULTILINE)
    assert stderr.strip().splitlines()[-1] == "documents read: 6, failed: 8, events written: 6"


def test_a_hostile_corpus_goes_into_a_store_around_its_failures(
    hostile_folder: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())
    database = hostile_folder.parent / "events.db"
    command = ["extract", str(hostile_folder), "--extractor", "stub", "--store", str(database)]

    first = CliRunner().invoke(main, command)
    again = CliRunner().invoke(main, command)

    assert (first.exit_code, again.exit_code) == (1, 1)  # the same inputs fail again
    assert first.stdout == again.stdout == ""
    assert "stored: 6 new documents, 0 replaced, 0 unchanged, 6 new events" in first.stderr
    # Stored documents are not extracted again; the unreadable inputs are reported again.
    assert "stored: 0 new documents, 0 replaced, 6 unchanged, 0 new events" in again.stderr
    assert again.stderr.strip().splitlines()[-1] == "documents read: 6, failed: 8, events written: 0"
    with EventStore(database) as store:
        assert store.counts()["documents"] == 6
        assert sorted(event.document_id for event in store.query().events()) == _HOSTILE_DOCUMENTS
