"""Web crawls: a WARC file's English news articles are documents, its other pages are skipped and counted."""

from __future__ import annotations

import collections
import datetime as dt
import gzip
import io
import re
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from warcio.warcwriter import WARCWriter

from alliancekit.cli import main
from alliancekit.io.readers import ReadError, read_documents
from alliancekit.io.warc import read_warc
from alliancekit.model import Document
from webpages import STORIES, news_page, warc_record

GERMAN = (
    "Außenministerin trifft Amtskollegen in Canberra\n\n"
    "CANBERRA, 12. November -- Die australische Außenministerin Penny Wong hat am Dienstag in Canberra "
    "ihren britischen Amtskollegen David Lammy getroffen. Die beiden Minister vereinbarten, die "
    "Zusammenarbeit beim U-Boot-Programm zu beschleunigen, und sprachen über den Krieg in der Ukraine.\n\n"
    "Lammy reist am Donnerstag weiter nach Wellington, teilte das Außenministerium mit."
)
HOME_PAGE = (
    '<html><head><title>The Harbour Times</title><meta property="og:type" content="website"></head><body>'
    + "".join(
        f'<div class="teaser"><h2><a href="/n/{n}">Leaders meet for talks on trade, story {n}</a></h2>'
        f"<p>Ministers from both countries met on Monday and agreed to keep talking about tariffs "
        f"and supply chains, officials said in a statement released after the session {n}.</p></div>"
        for n in range(6)
    )
    + "</body></html>"
)
SITE = "https://news.example.com"


def _published(name: str) -> str:
    return f"{STORIES[name][1].isoformat()}T08:00:00+00:00"


def _write_crawl(path: Path, *, broken: bool = True) -> None:
    """A crawl: three articles, a PDF, a German article, a home page, a redirect and a broken record."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    writer.write_record(writer.create_warcinfo_record("crawl.warc.gz", {"software": "test crawler"}))
    page = news_page(STORIES["canberra"][0], published=_published("canberra"))
    warc_record(writer, f"{SITE}/world/wong-lammy", page.encode())
    warc_record(writer, f"{SITE}/report.pdf", b"%PDF-1.7\n%binary report\n", content_type="application/pdf")
    if broken:
        # A record some tool damaged: a gzip member whose content is no WARC record at all.
        buffer.write(gzip.compress(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>lost</p>\r\n"))
    warc_record(writer, f"{SITE}/de/wong-lammy", news_page(GERMAN, outlet="Hafenzeitung").encode())
    page = news_page(STORIES["seoul"][0], published=_published("seoul"))
    warc_record(writer, f"{SITE}/asia/cho-rubio", page.encode())
    warc_record(writer, f"{SITE}/", HOME_PAGE.encode())
    warc_record(writer, f"{SITE}/old", b"", status="301 Moved Permanently")
    page = news_page(STORIES["manila"][0], published=_published("manila"))
    warc_record(
        writer, f"{SITE}/asia/marcos-ishiba", page.encode("cp1252"), content_type="text/html; charset=cp1252"
    )
    path.write_bytes(buffer.getvalue())


def _invoke(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_a_crawl_is_extracted_into_a_store_its_other_pages_counted_and_the_broken_record_reported(
    tmp_path: Path,
) -> None:
    crawl, database = tmp_path / "crawl.warc.gz", tmp_path / "events.db"
    _write_crawl(crawl)

    result = _invoke("extract", crawl, "--store", database)

    assert result.exit_code == 1, result.output  # the broken record is a failure
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1
    assert re.fullmatch(
        r"error: .*crawl\.warc\.gz: record 4 \(at byte \d+\): not a valid WARC record .*", errors[0]
    )
    summary = result.stderr.splitlines()[-1]
    assert summary.startswith(
        "documents read: 3, skipped: 4 (1 not HTML, 1 not in English, 1 not an article, 1 not a page), "
        "failed: 1, events written: "
    )
    with sqlite3.connect(database) as db:
        urls = sorted(url for (url,) in db.execute("SELECT url FROM documents"))
        kinds = sorted(db.execute("SELECT type, status FROM events").fetchall())
    assert urls == [f"{SITE}/asia/cho-rubio", f"{SITE}/asia/marcos-ishiba", f"{SITE}/world/wong-lammy"]
    assert ("call", "occurred") in kinds
    assert ("meeting", "occurred") in kinds
    assert ("visit", "planned") in kinds


def test_the_events_of_a_crawl_are_those_of_its_articles_as_plain_text(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _write_crawl(crawl, broken=False)
    plain = tmp_path / "plain"
    plain.mkdir()
    for name, (text, published) in STORIES.items():
        (plain / f"{name}.txt").write_text(text, encoding="utf-8")
        (plain / f"{name}.meta.json").write_text(f'{{"published": "{published}"}}', encoding="utf-8")

    from_crawl = _invoke("extract", crawl, "--format", "csv")
    from_text = _invoke("extract", plain, "--format", "csv")

    assert from_crawl.exit_code == 0, from_crawl.output
    columns = ("type", "status", "participants", "start", "end", "location")

    def rows(result: Result) -> list[tuple[str, ...]]:
        import csv

        return sorted(tuple(row[c] for c in columns) for row in csv.DictReader(io.StringIO(result.stdout)))

    assert rows(from_crawl) == rows(from_text)
    assert len(rows(from_crawl)) >= 3


def test_a_crawl_page_becomes_a_document_named_by_its_address_and_record(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _write_crawl(crawl, broken=False)
    skipped: collections.Counter[str] = collections.Counter()

    documents = list(read_warc(crawl, skipped=skipped))

    assert all(isinstance(item, Document) for item in documents)
    first = documents[0]
    assert isinstance(first, Document)
    assert re.fullmatch(rf"{SITE}/world/wong-lammy#urn:uuid:[0-9a-f-]+", first.id)
    assert first.published == dt.date(2024, 11, 12)
    assert (first.source.outlet, first.source.url) == ("The Harbour Times", f"{SITE}/world/wong-lammy")
    assert first.source.converted_by == "trafilatura"
    assert first.source.origin == str(crawl.resolve())  # where it came from, as for any file
    assert first.text.startswith("Wong and Lammy agree to deepen AUKUS cooperation\n\nCANBERRA, Nov. 12")
    assert "cookies" not in first.text
    manila = documents[2]
    assert isinstance(manila, Document)
    assert "Philippine President Ferdinand Marcos Jr. will host" in manila.text  # read as cp1252
    assert skipped == {"not HTML": 1, "not in English": 1, "not an article": 1, "not a page": 1}


def test_a_page_that_declares_no_date_gets_the_default_one(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    warc_record(writer, f"{SITE}/a", news_page(STORIES["seoul"][0]).encode())
    (tmp_path / "crawl.warc").write_bytes(buffer.getvalue())

    [document] = read_documents([tmp_path], published=dt.date(2025, 2, 4))

    assert isinstance(document, Document)
    assert document.published == dt.date(2025, 2, 4)


def test_a_crawl_cut_short_keeps_the_pages_before_the_cut(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _write_crawl(crawl, broken=False)
    data = crawl.read_bytes()
    crawl.write_bytes(data[: len(data) - 300])

    items = list(read_documents([crawl]))

    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, ReadError)]
    assert len(documents) == 2
    assert len(errors) == 1
    assert errors[0].path == str(crawl)
    assert re.fullmatch(
        r"record 8 \(https://news\.example\.com/asia/marcos-ishiba\): cut short, \d+ bytes .*",
        errors[0].message,
    )


def test_an_uncompressed_crawl_with_a_damaged_record_reads_on(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    warc_record(writer, f"{SITE}/a", news_page(STORIES["seoul"][0]).encode())
    buffer.write(b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: banana\r\n\r\nlost\r\n\r\n")
    warc_record(writer, f"{SITE}/b", news_page(STORIES["canberra"][0]).encode())
    (tmp_path / "crawl.warc").write_bytes(buffer.getvalue())

    items = list(read_documents([tmp_path / "crawl.warc"]))

    assert [type(item).__name__ for item in items] == ["Document", "ReadError", "Document"]
    assert isinstance(items[1], ReadError)
    assert items[1].message.startswith("record 2 ")


def test_a_file_that_is_no_crawl_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "notes.warc").write_text("Just some notes, not a crawl.\n", encoding="utf-8")
    [error] = list(read_documents([tmp_path / "notes.warc"]))
    assert isinstance(error, ReadError)
    assert "not a valid WARC record" in error.message


def test_a_crawl_is_extracted_the_same_with_two_jobs(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl.warc.gz"
    _write_crawl(crawl, broken=False)

    one = _invoke("extract", crawl)
    two = _invoke("extract", crawl, "--jobs", "2")

    assert one.exit_code == two.exit_code == 0, two.output
    assert one.stdout == two.stdout
    assert one.stdout.count("\n") >= 3


@pytest.mark.parametrize("suffix", [".warc", ".warc.gz"])
def test_a_directory_search_finds_crawls(tmp_path: Path, suffix: str) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=suffix.endswith(".gz"))
    warc_record(writer, f"{SITE}/a", news_page(STORIES["seoul"][0]).encode())
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / f"crawl{suffix}").write_bytes(buffer.getvalue())

    [document] = read_documents([tmp_path])

    assert isinstance(document, Document)
    assert document.source.url == f"{SITE}/a"


def test_a_crawl_holding_no_article_is_read_its_pages_counted_and_no_error(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=True)
    warc_record(writer, f"{SITE}/", HOME_PAGE.encode())
    warc_record(writer, f"{SITE}/report.pdf", b"%PDF-1.7\n", content_type="application/pdf")
    crawl = tmp_path / "crawl.warc.gz"
    crawl.write_bytes(buffer.getvalue())

    result = _invoke("extract", crawl)

    assert result.exit_code == 0, result.output
    assert "no documents found" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "documents read: 0, skipped: 2 (1 not an article, 1 not HTML), failed: 0, events written: 0"
    )
