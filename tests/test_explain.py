"""Explanations: the passages that report each event and why each field has its value."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliancekit.cli import main
from alliancekit.explain import ExplainingExtractor
from alliancekit.pipeline import explain, extract
from alliancekit.plugins import Plugins

STORY = (
    "Rubio to meet Japan's foreign minister in Tokyo\n"
    "Secretary of State Marco Rubio arrived in Tokyo on Monday for a two-day visit. "
    "He will meet his Japanese counterpart on Tuesday to discuss tariffs.\n"
)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def test_explanations_match_the_events_extract_reports_one_for_one(plugins: Plugins) -> None:
    published = dt.date(2026, 3, 10)
    explained = explain(STORY, published=published, plugins=plugins)
    assert [e.event for e in explained] == extract(STORY, published=published, plugins=plugins)


def test_every_mention_quotes_the_article_at_its_offsets(plugins: Plugins) -> None:
    for explanation in explain(STORY, published=dt.date(2026, 3, 10), plugins=plugins):
        assert explanation.mentions
        for mention in explanation.mentions:
            assert STORY[mention.start : mention.end] == mention.text


def test_reasons_say_where_a_counterpart_and_a_relative_day_came_from(plugins: Plugins) -> None:
    explained = explain(STORY, published=dt.date(2026, 3, 10), plugins=plugins)
    meeting = next(e for e in explained if e.event.type.value == "meeting")
    participants = meeting.reason("participants") or ""
    assert "Toshimitsu Motegi (" in participants
    assert "counterpart" in participants or "office" in participants
    assert (meeting.reason("time") or "").startswith(
        "'on Tuesday', read forward from the publication date 2026-03-10"
    )
    assert meeting.reason("status") is not None


def test_the_rules_extractor_can_explain_itself(plugins: Plugins) -> None:
    assert isinstance(plugins.extractor("rules"), ExplainingExtractor)


def test_the_explain_command_prints_each_event_with_its_mentions_and_reasons(tmp_path: Path) -> None:
    article = tmp_path / "story.txt"
    article.write_text(STORY, encoding="utf-8")
    result = CliRunner().invoke(main, ["explain", str(article), "--published", "2026-03-10"])
    assert result.exit_code == 0, result.output
    assert "meeting planned 2026-03-10" in result.output
    assert "mentions:" in result.output
    assert "why:" in result.output


def test_the_explain_command_says_when_an_article_has_no_events(tmp_path: Path) -> None:
    article = tmp_path / "weather.txt"
    article.write_text(
        "Heavy rain is expected across Kyushu on Thursday, forecasters said.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["explain", str(article), "--published", "2026-03-10"])
    assert result.exit_code == 0, result.output
    assert "no events" in result.output
