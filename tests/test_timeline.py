"""Timelines: PNG, SVG and self-contained HTML pictures of engagements over time."""

from __future__ import annotations

import datetime as dt
import re
import xml.dom.minidom
from pathlib import Path

import pytest

from alliancekit.engagements import Engagement, Report, merge_reports
from alliancekit.model import Actor, Event, Evidence, Location, Participant, TimeSpan
from alliancekit.timeline import layout_timeline, render_timeline


def _report(
    document: str, status: str, day: int, *, kind: str = "visit", who: str = "Toshimitsu Motegi"
) -> Report:
    words = "Motegi <visited> Washington & met Rubio"
    event = Event(
        kind,
        status,
        [Participant(Actor(who)), Participant(Actor("Marco Rubio"))],
        time=TimeSpan.day(dt.date(2026, 1, day)),
        location=Location("Washington, D.C.", "USA"),
        evidence=[Evidence.from_text(words, 0, len(words))],
        document_id=document,
    )
    return Report(event, outlet="Kyodo")


@pytest.fixture
def engagements() -> list[Engagement]:
    reports = [
        _report("plan", "planned", 15),
        _report("done-1", "occurred", 15),
        _report("done-2", "occurred", 16),
        _report("call", "occurred", 20, kind="call", who="Cho Hyun"),
        _report("off", "cancelled", 28, kind="meeting", who="Penny Wong"),
    ]
    undated = Event("meeting", "planned", [Participant(Actor("Ann Lee"))], document_id="undated")
    return [*merge_reports(reports), Engagement.from_reports("e-undated", [Report(undated)])]


def test_layout_has_a_row_per_set_of_participants_and_links_plans_to_outcomes(
    engagements: list[Engagement],
) -> None:
    layout = layout_timeline(engagements)

    assert layout.rows == (
        "Marco Rubio – Toshimitsu Motegi",
        "Cho Hyun – Marco Rubio",
        "Marco Rubio – Penny Wong",
    )
    assert len(layout.items) == 4
    assert layout.undated == 1
    [(planned, outcome)] = layout.links
    assert (planned.engagement.status.value, outcome.engagement.status.value) == ("planned", "occurred")


def test_only_the_busiest_rows_are_kept(engagements: list[Engagement]) -> None:
    layout = layout_timeline(engagements, max_rows=1)

    assert layout.rows == ("Marco Rubio – Toshimitsu Motegi",)
    assert layout.hidden_rows == 2


def test_html_timeline_is_self_contained(engagements: list[Engagement], tmp_path: Path) -> None:
    path = tmp_path / "timeline.html"

    drawn = render_timeline(engagements, path, title="Allies <2026>")

    page = path.read_text(encoding="utf-8")
    assert drawn == 4
    assert page.startswith("<!DOCTYPE html>")
    for external in ("<script", "<link", "<img", "<iframe", "@import", "url(http", "src=", "href="):
        assert external not in page.lower(), external
    assert "Allies &lt;2026&gt;" in page
    assert "Motegi &lt;visited&gt; Washington &amp; met Rubio" in page
    svg = re.search(r"<svg xmlns.*?</svg>\n", page, re.S)
    assert svg is not None
    xml.dom.minidom.parseString(svg.group(0))  # well-formed
    assert "1 engagements without dates not shown" in page


def test_an_empty_timeline_is_still_a_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"

    assert render_timeline([], path) == 0
    assert "none with dates" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize(("name", "magic"), [("timeline.png", b"\x89PNG"), ("timeline.svg", b"<?xml")])
def test_png_and_svg_timelines_are_drawn_with_matplotlib(
    engagements: list[Engagement], tmp_path: Path, name: str, magic: bytes
) -> None:
    pytest.importorskip("matplotlib")
    path = tmp_path / name

    assert render_timeline(engagements, path, since=dt.date(2026, 1, 1), until=dt.date(2026, 1, 31)) == 4
    assert path.read_bytes().startswith(magic)


def test_another_suffix_is_refused(engagements: list[Engagement], tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.png, \.svg or \.html"):
        render_timeline(engagements, tmp_path / "timeline.pdf")


# --------------------------------------------------------------------------- the picture's geometry


def _meetings_of_every_status() -> list[Engagement]:
    """A plan, its outcome and a cancelled meeting of the same people on one day; one long label."""
    long_names = "Alexandra Konstantinopoulou-Vasilakopoulou"
    reports = [
        _report("plan", "planned", 15, kind="meeting"),
        _report("done", "occurred", 15, kind="meeting"),
        _report("off", "cancelled", 15, kind="meeting"),
        _report("long", "occurred", 20, kind="meeting", who=long_names),
    ]
    return merge_reports(reports)


def _svg_of(page: str) -> xml.dom.minidom.Document:
    svg = re.search(r"<svg xmlns.*?</svg>\n", page, re.S)
    assert svg is not None
    return xml.dom.minidom.parseString(svg.group(0))


def test_html_row_labels_have_room_and_every_marker_sits_on_its_rows_line(tmp_path: Path) -> None:
    path = tmp_path / "timeline.html"
    render_timeline(_meetings_of_every_status(), path)
    svg = _svg_of(path.read_text(encoding="utf-8"))

    labels = [text for text in svg.getElementsByTagName("text") if text.getAttribute("class") == "row"]
    for label in labels:
        words = label.firstChild.data  # type: ignore[union-attr]
        # Right-aligned at x: it needs x pixels to the left; a sans-serif letter of 12 px is under 0.6 em.
        assert float(label.getAttribute("x")) >= len(words) * 0.6 * 12, words
        assert label.getAttribute("dominant-baseline") == "central"
    rows = {float(label.getAttribute("y")) for label in labels}
    centres = [float(circle.getAttribute("cy")) for circle in svg.getElementsByTagName("circle")]
    assert len(centres) == 4
    assert set(centres) <= rows


def test_html_legend_draws_cancelled_as_the_picture_does(tmp_path: Path) -> None:
    path = tmp_path / "timeline.html"
    render_timeline(_meetings_of_every_status(), path)
    page = path.read_text(encoding="utf-8")

    legend = re.search(r'<span class="cancelled">(.*?)</span>', page)
    assert legend is not None
    drawn = [
        group
        for group in re.findall(r'<g class="engagement">(.*?)</g>', page, re.S)
        if "meeting, cancelled" in group
    ]
    assert len(drawn) == 1

    def look(markup: str) -> tuple[str, str, bool]:
        circle = re.search(r'<circle [^>]*fill="([^"]+)" stroke="([^"]+)"', markup)
        assert circle is not None
        return circle[1], circle[2], 'class="cancelled"' in markup

    assert look(legend[1]) == look(drawn[0]) == ("#ffffff", "#8c8c8c", True)


def test_matplotlib_legend_draws_each_status_as_the_picture_does() -> None:
    pytest.importorskip("matplotlib")
    from alliancekit.model import EventType, Status
    from alliancekit.timeline import _matplotlib_legend, _matplotlib_markers

    handles, labels = _matplotlib_legend()
    cancelled = handles[labels.index("cancelled")]

    assert isinstance(cancelled, tuple)
    drawn = _matplotlib_markers(EventType.MEETING, Status.CANCELLED, "#8c8c8c", 10)
    assert [line.get_marker() for line in cancelled] == [arguments["marker"] for arguments in drawn]
    assert cancelled[0].get_markerfacecolor() == drawn[0]["markerfacecolor"] == "white"
