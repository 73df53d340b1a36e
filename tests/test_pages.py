"""HTML pages are read as their article's main text: the page around the story never reaches an extractor."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from alliancekit.io.pages import is_english, main_text
from alliancekit.io.readers import read_documents, read_text_file
from alliancekit.model import Document, Event
from alliancekit.pipeline import run
from alliancekit.plugins import Plugins
from webpages import CORPUS_FOLDERS, STORIES, corpus_articles, news_page

# A page laid out with bare <div>s, the story's paragraphs among a "Most read" list, a newsletter box
# and a comment thread: no <article>, <nav> or <aside> to go by.
DIV_PAGE = """<html><head><title>Wong and Lammy agree to deepen AUKUS cooperation - Harbour News</title>
</head><body><div class="top"><div class="menu"><a href="/">Home</a> | <a href="/au">Australia</a> |
<a href="/world">World</a> | <a href="/markets">Markets</a></div></div>
<div class="wrap"><div class="main"><div class="headline">
<h1>Wong and Lammy agree to deepen AUKUS cooperation</h1></div><div class="story">{paragraphs}</div>
<div class="newsletter">
<p>Sign up for our morning briefing: the news that matters, in your inbox before 7 a.m.</p></div></div>
<div class="sidebar"><h3>Most read</h3>
<ol><li><a href="/1">Albanese to visit Beijing for talks with Xi</a></li>
<li><a href="/2">Premier meets farmers over drought relief</a></li>
<li><a href="/3">Opposition leader calls for inquiry</a></li></ol></div></div>
<div class="comments"><h3>Join the conversation</h3><div class="c"><p>Bruce: Wong should have met
Wang Yi instead of flying to London.</p></div></div>
<div class="foot">Harbour News Pty Ltd. Terms of use. Privacy policy.</div></body></html>"""


def _summary(event: Event) -> tuple[Any, ...]:
    """What an event says, without the offsets of its evidence."""
    return (
        event.type.value,
        event.status.value,
        tuple((p.actor.name, p.role.value, p.actor.country) for p in event.participants),
        (event.time.start, event.time.end) if event.time else None,
        event.location.name if event.location else None,
        event.topics,
        tuple(span.text for span in event.evidence),
    )


def _events(plugins: Plugins, document: Document) -> list[tuple[Any, ...]]:
    [result] = run([document], plugins=plugins)
    assert result.ok, result
    return [_summary(event) for event in result.events]


@pytest.mark.parametrize("name", sorted(STORIES))
def test_a_page_with_heavy_boilerplate_gives_the_events_of_its_plain_text(
    plugins: Plugins, tmp_path: Path, name: str
) -> None:
    text, published = STORIES[name]
    (tmp_path / f"{name}.html").write_text(news_page(text), encoding="utf-8")
    page = read_text_file(tmp_path / f"{name}.html", published=published)
    assert isinstance(page, Document)
    plain = Document(name, text, published)
    assert _events(plugins, page) == _events(plugins, plain)
    assert _events(plugins, plain)  # the story does report something
    for boilerplate in ("cookies", "Related articles", "Reader123", "Copyright", "Politics"):
        assert boilerplate not in page.text


def test_a_page_of_bare_divs_gives_the_events_of_its_plain_text(plugins: Plugins, tmp_path: Path) -> None:
    text, published = STORIES["canberra"]
    paragraphs = "".join(f"<p>{line}</p>" for line in text.split("\n\n")[1:])
    (tmp_path / "divs.html").write_text(DIV_PAGE.format(paragraphs=paragraphs), encoding="utf-8")
    page = read_text_file(tmp_path / "divs.html", published=published)
    assert isinstance(page, Document)
    assert _events(plugins, page) == _events(plugins, Document("plain", text, published))
    for boilerplate in ("Most read", "Albanese", "Bruce", "newsletter", "morning briefing", "Markets"):
        assert boilerplate not in page.text


def test_a_page_records_that_its_text_is_its_main_text(tmp_path: Path) -> None:
    text, _ = STORIES["seoul"]
    (tmp_path / "seoul.html").write_text(news_page(text, published="2025-02-04T10:00:00+09:00"), "utf-8")
    page = read_text_file(tmp_path / "seoul.html")
    assert isinstance(page, Document)
    assert page.source.converted_by == "trafilatura"
    assert page.source.outlet == "The Harbour Times"
    assert page.published == dt.date(2025, 2, 4)
    assert page.text.startswith("Cho, Rubio hold phone talks on tariffs\n\nSEOUL, Feb. 4 (Harbour)")


def test_a_page_without_an_article_is_read_as_its_visible_text() -> None:
    found = main_text("<html><body><footer>Abe met Lee.</footer></body></html>")
    assert found is not None
    assert (found.text, found.converted_by) == ("Abe met Lee.", "markup")
    assert main_text("<html><body><footer>Abe met Lee.</footer></body></html>", fallback=False) is None


def test_a_plain_text_article_records_no_conversion(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Abe met Lee in Tokyo.", encoding="utf-8")
    [document] = read_documents([tmp_path / "a.txt"])
    assert isinstance(document, Document)
    assert document.source.converted_by is None


def test_a_json_line_holding_a_page_is_read_as_its_main_text(tmp_path: Path) -> None:
    text, published = STORIES["manila"]
    line = {"id": "m1", "text": news_page(text), "published": published.isoformat()}
    (tmp_path / "pages.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    [document] = read_documents([tmp_path / "pages.jsonl"])
    assert isinstance(document, Document)
    assert document.source.converted_by == "trafilatura"
    assert "Reader123" not in document.text
    assert "will host Japanese Prime Minister Shigeru Ishiba" in document.text


def test_the_language_of_a_text_is_told() -> None:
    assert is_english(STORIES["manila"][0])
    assert not is_english(
        "Der philippinische Präsident wird den japanischen Ministerpräsidenten im nächsten Monat in "
        "Manila empfangen, teilte der Präsidentenpalast am Freitag mit."
    )


def _gold_date(article: Path) -> dt.date | None:
    gold = json.loads(article.with_name(article.name.removesuffix(".txt") + ".gold.json").read_text("utf-8"))
    published = gold.get("published")
    return dt.date.fromisoformat(published) if published else None


@pytest.mark.parametrize("article", corpus_articles(*CORPUS_FOLDERS), ids=lambda path: path.stem)
def test_every_article_of_the_corpora_as_a_page_gives_the_events_of_its_plain_text(
    plugins: Plugins, tmp_path: Path, article: Path
) -> None:
    text = article.read_text(encoding="utf-8")
    published = _gold_date(article)
    (tmp_path / "page.html").write_text(news_page(text), encoding="utf-8")
    page = read_text_file(tmp_path / "page.html", published=published)
    assert isinstance(page, Document)
    assert page.source.converted_by == "trafilatura"
    assert _events(plugins, page) == _events(plugins, Document("plain", text, published))
