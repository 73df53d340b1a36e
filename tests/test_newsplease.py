"""Articles saved by news-please are read from their own fields, without renaming anything."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alliancekit.io.readers import ReadError, read_documents
from alliancekit.model import Document
from alliancekit.pipeline import run
from alliancekit.plugins import Plugins

# What news-please writes for one article (the fields it fills for a typical news page).
ARTICLE = {
    "authors": ["Harbour Staff"],
    "date_download": "2025-02-05 06:12:44",
    "date_modify": None,
    "date_publish": "2025-02-04 10:30:00",
    "description": "The two ministers discussed tariffs in a 20-minute call.",
    "filename": "https%3A%2F%2Fnews.example.com%2Fasia%2Fcho-rubio.json",
    "image_url": "https://news.example.com/img/cho.jpg",
    "language": "en",
    "localpath": None,
    "maintext": "SEOUL, Feb. 4 (Harbour) -- South Korean Foreign Minister Cho Tae-yul spoke by phone with "
    "U.S. Secretary of State Marco Rubio on Monday and asked for Washington's understanding on tariffs, "
    "the Foreign Ministry said.\nThe call lasted about 20 minutes, the ministry said.",
    "source_domain": "news.example.com",
    "title": "Cho, Rubio hold phone talks on tariffs",
    "title_page": None,
    "title_rss": None,
    "url": "https://news.example.com/asia/cho-rubio",
}


def test_a_news_please_file_is_one_document_in_its_own_fields(tmp_path: Path) -> None:
    (tmp_path / "news.example.com").mkdir()
    path = tmp_path / "news.example.com" / "cho-rubio.json"
    path.write_text(json.dumps(ARTICLE), encoding="utf-8")

    [document] = read_documents([tmp_path])

    assert isinstance(document, Document)
    assert document.id == "https://news.example.com/asia/cho-rubio"
    assert document.published == dt.date(2025, 2, 4)
    assert (document.source.outlet, document.source.url) == ("news.example.com", ARTICLE["url"])
    assert document.text.startswith("Cho, Rubio hold phone talks on tariffs\n\nSEOUL, Feb. 4 (Harbour)")


def test_a_news_please_article_gives_the_events_of_its_text(plugins: Plugins, tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(ARTICLE), encoding="utf-8")
    [document] = read_documents([tmp_path / "a.json"])
    assert isinstance(document, Document)
    [result] = run([document], plugins=plugins)
    assert [(e.type.value, e.status.value, str(e.time.start) if e.time else None) for e in result.events] == [
        ("call", "occurred", "2025-02-03")
    ]


def test_news_please_json_lines_are_read_next_to_records_in_alliancekit_fields(tmp_path: Path) -> None:
    other = dict(ARTICLE, url=None, date_publish=None, title=None)
    lines = [json.dumps(ARTICLE), json.dumps({"id": "own", "text": "Abe met Lee."}), json.dumps(other)]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    documents = list(read_documents([tmp_path / "crawl.jsonl"], published=dt.date(2025, 1, 1)))

    assert [d.id for d in documents if isinstance(d, Document)] == [ARTICLE["url"], "own", "crawl:3"]
    third = documents[2]
    assert isinstance(third, Document)
    assert third.published == dt.date(2025, 1, 1)
    assert third.text == ARTICLE["maintext"]


def test_a_broken_news_please_record_is_an_error_naming_the_file_and_line(tmp_path: Path) -> None:
    lines = [json.dumps(dict(ARTICLE, maintext=None)), json.dumps(dict(ARTICLE, date_publish="someday"))]
    (tmp_path / "crawl.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    errors = list(read_documents([tmp_path / "crawl.jsonl"]))

    assert [(e.line, e.message) for e in errors if isinstance(e, ReadError)] == [
        (1, "missing or non-string field 'text'"),
        (2, "published is not a valid ISO date: 'someday'"),
    ]


def test_a_json_file_that_is_no_article_is_an_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "config.json").write_text('{"threads": 4}', encoding="utf-8")
    (tmp_path / "list.json").write_text("[1, 2]", encoding="utf-8")
    (tmp_path / "cut.json").write_text('{"maintext": "Abe', encoding="utf-8")

    errors = {Path(e.path).name: e.message for e in read_documents([tmp_path]) if isinstance(e, ReadError)}

    assert errors == {
        "config.json": "not an article: no 'maintext' (news-please) or 'text' field",
        "cut.json": "not valid JSON (Unterminated string starting at line 1 column 14)",
        "list.json": "an article file must hold one JSON object, not an array",
    }


def test_a_directory_search_leaves_out_sidecars_and_gold_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Abe met Lee.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    (tmp_path / "a.gold.json").write_text('{"events": []}', encoding="utf-8")

    [document] = read_documents([tmp_path])

    assert isinstance(document, Document)
    assert document.published == dt.date(2026, 1, 13)
