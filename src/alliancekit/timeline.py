"""Timelines: engagements drawn over time, one row per set of participants.

:func:`render_timeline` writes a picture of engagements: who met whom (a row
for each set of participants), when (the horizontal axis), what kind of
engagement (the marker's shape: meeting ●, visit ▲, call ◆, invitation ■),
and its status (occurred: filled; planned: hollow, and larger, so that a plan
and its outcome on the same day both show; cancelled: grey, hollow and
crossed, in the legend as in the picture). Every marker sits on its row's
line, level with the row's label. A span of several days is drawn as a bar;
a dashed line joins a planned engagement to the one reporting its outcome.

The format follows the file name: ``.png`` and ``.svg`` are drawn with
matplotlib (install ``alliancekit[timeline]``); ``.html`` is one
self-contained page, an SVG drawn here with no script, stylesheet or font
fetched from anywhere, whose markers show details on hover.

>>> import datetime as dt, pathlib, tempfile
>>> from alliancekit.engagements import Engagement, Report
>>> from alliancekit.model import Actor, Event, Participant, TimeSpan
>>> people = [Participant(Actor("Marco Rubio")), Participant(Actor("Toshimitsu Motegi"))]
>>> event = Event("meeting", "occurred", people, time=TimeSpan.day(dt.date(2026, 3, 2)))
>>> path = pathlib.Path(tempfile.mkdtemp()) / "timeline.html"
>>> render_timeline([Engagement.from_reports("e1", [Report(event)])], path)
1
>>> "<svg" in path.read_text() and "<script" not in path.read_text()
True
"""

from __future__ import annotations

import datetime as dt
import html
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, cast

import attrs

from alliancekit.engagements import Engagement
from alliancekit.model import EventType, Status

__all__ = ["FORMATS", "TimelineLayout", "layout_timeline", "render_timeline"]

FORMATS = (".png", ".svg", ".html")
"""The file name endings :func:`render_timeline` writes."""

_COLOURS = {
    EventType.MEETING: "#1f77b4",
    EventType.VISIT: "#d62728",
    EventType.CALL: "#2ca02c",
    EventType.INVITATION: "#9467bd",
}
_CANCELLED = "#8c8c8c"
_MPL_MARKERS = {EventType.MEETING: "o", EventType.VISIT: "^", EventType.CALL: "D", EventType.INVITATION: "s"}
_MAX_LABEL = 48
# Spans at least this long do not widen the time axis.
_SHORT_SPAN_DAYS = 62


# A planned engagement's hollow marker is this much larger, and drawn first: a plan and its
# outcome on the same day show as a ring around the outcome's marker, both on the row's line.
_PLANNED_GROWTH = 5
# Drawing order: plans below, then what was cancelled, then what occurred.
_DRAW_ORDER = {Status.PLANNED: 0, Status.CANCELLED: 1, Status.OCCURRED: 2}


@attrs.frozen
class _Item:
    engagement: Engagement
    row: int
    start: dt.date
    end: dt.date

    @property
    def y(self) -> float:
        """The vertical position, in rows: the row's line, whatever the status."""
        return float(self.row)


@attrs.frozen
class TimelineLayout:
    """Where each engagement goes: the rows, the dated items, the plan-outcome links.

    Build one with :func:`layout_timeline`.
    """

    rows: tuple[str, ...]
    items: tuple[_Item, ...]
    links: tuple[tuple[_Item, _Item], ...]
    undated: int
    hidden_rows: int
    start: dt.date
    end: dt.date


def _row_label(engagement: Engagement) -> str:
    label = " – ".join(sorted(engagement.names()))
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1] + "…"


def layout_timeline(
    engagements: Iterable[Engagement],
    *,
    max_rows: int = 40,
    window: tuple[dt.date | None, dt.date | None] = (None, None),
) -> TimelineLayout:
    """Lay engagements out: a row per set of participants, the busiest ``max_rows`` kept.

    Rows are ordered by their first engagement. Engagements without dates
    are counted in ``undated`` and not drawn. The time axis runs over
    ``window`` where given, else from the first start to the last start or
    end of a short span: a vague span ("later this year") does not stretch it.

    >>> layout_timeline([]).rows
    ()
    """
    dated: list[tuple[Engagement, dt.date, dt.date]] = []
    undated = 0
    for engagement in engagements:
        time = engagement.time
        if time is None or time.start is None or time.end is None:
            undated += 1
            continue
        dated.append((engagement, time.start, time.end))
    counts = Counter(_row_label(engagement) for engagement, _, _ in dated)
    kept = {label for label, _ in sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:max_rows]}
    first: dict[str, dt.date] = {}
    for engagement, start, _ in dated:
        label = _row_label(engagement)
        if label in kept:
            first[label] = min(first.get(label, start), start)
    rows = tuple(sorted(first, key=lambda label: (first[label], label)))
    index = {label: number for number, label in enumerate(rows)}
    items = tuple(
        _Item(engagement, index[_row_label(engagement)], start, end)
        for engagement, start, end in dated
        if _row_label(engagement) in index
    )
    by_id = {item.engagement.id: item for item in items}
    links = tuple(
        (item, by_id[item.engagement.outcome_id])
        for item in items
        if item.engagement.outcome_id is not None and item.engagement.outcome_id in by_id
    )
    today = dt.date.today()
    short_ends = [item.end for item in items if (item.end - item.start).days < _SHORT_SPAN_DAYS]
    start = window[0] or min((item.start for item in items), default=today)
    end = window[1] or max([item.start for item in items] + short_ends, default=today)
    return TimelineLayout(
        rows=rows,
        items=items,
        links=links,
        undated=undated,
        hidden_rows=len(counts) - len(rows),
        start=min(start, end),
        end=max(start, end),
    )


def render_timeline(
    engagements: Iterable[Engagement],
    path: Path | str,
    *,
    title: str | None = None,
    max_rows: int = 40,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> int:
    """Draw engagements over time into ``path`` (``.png``, ``.svg`` or ``.html``).

    :param title: a heading; by default, the number of engagements and dates.
    :param max_rows: most rows (sets of participants) drawn; the busiest win.
    :param since: the first day of the time axis (default: from the data).
    :param until: the last day of the time axis (default: from the data).
    :returns: the number of engagements drawn.
    :raises ValueError: for another file name ending.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ValueError(
            f"cannot draw a timeline as {suffix or 'a file without suffix'}: use .png, .svg or .html"
        )
    layout = layout_timeline(engagements, max_rows=max_rows, window=(since, until))
    heading = title or _default_title(layout)
    if suffix == ".html":
        path.write_text(_html(layout, heading), encoding="utf-8")
    else:
        _draw_matplotlib(layout, heading, path)
    return len(layout.items)


def _default_title(layout: TimelineLayout) -> str:
    if not layout.items:
        return "Engagements: none with dates"
    return f"{len(layout.items)} engagements, {layout.start:%d %b %Y} to {layout.end:%d %b %Y}"


def _notes(layout: TimelineLayout) -> str:
    notes = []
    if layout.hidden_rows:
        notes.append(f"{layout.hidden_rows} less frequent pairings not shown")
    if layout.undated:
        notes.append(f"{layout.undated} engagements without dates not shown")
    return "; ".join(notes)


def _tooltip(engagement: Engagement) -> str:
    time = engagement.time
    when = ""
    if time is not None and time.start is not None:
        when = str(time.start) if time.start == time.end else f"{time.start} to {time.end}"
    lines = [
        f"{engagement.type.value}, {engagement.status.value}: {', '.join(engagement.names())}",
        when + (f" in {engagement.location.name}" if engagement.location else ""),
        f"{len(engagement.reports)} report(s): {', '.join(engagement.outlets or engagement.sources)}",
    ]
    if engagement.evidence:
        document_id, span = engagement.evidence[0]
        lines.append(f"“{span.text[:160]}” ({document_id})")
    return "\n".join(line for line in lines if line)


def _colour(engagement: Engagement) -> str:
    return _CANCELLED if engagement.status is Status.CANCELLED else _COLOURS[engagement.type]


def _size(engagement: Engagement) -> int:
    """A marker's size: larger with more reports, and for a plan (see :data:`_PLANNED_GROWTH`)."""
    growth = _PLANNED_GROWTH if engagement.status is Status.PLANNED else 0
    return 9 + min(len(engagement.reports), 5) + growth


def _in_drawing_order(items: Iterable[_Item]) -> list[_Item]:
    return sorted(items, key=lambda item: _DRAW_ORDER[item.engagement.status])


# ---------------------------------------------------------------------------- matplotlib


def _matplotlib_markers(kind: EventType, status: Status, colour: str, size: float) -> list[dict[str, Any]]:
    """The ``plot`` arguments drawing one engagement's marker; the legend uses the same."""
    marker: dict[str, Any] = {
        "marker": _MPL_MARKERS[kind],
        "markersize": size,
        "markerfacecolor": colour if status is Status.OCCURRED else "white",
        "markeredgecolor": colour,
        "markeredgewidth": 1.6,
        "linestyle": "none",
        "zorder": 3,
    }
    if status is not Status.CANCELLED:
        return [marker]
    return [marker, {"marker": "x", "markersize": 7, "color": "#333333", "linestyle": "none", "zorder": 4}]


def _matplotlib_legend() -> tuple[list[object], list[str]]:
    """The legend's handles and labels: each status drawn as the picture draws it."""
    from matplotlib.lines import Line2D

    def drawn(kind: EventType, status: Status, colour: str) -> tuple[Line2D, ...]:
        size = 8 + (_PLANNED_GROWTH - 2 if status is Status.PLANNED else 0)
        return tuple(
            Line2D([], [], **arguments) for arguments in _matplotlib_markers(kind, status, colour, size)
        )

    handles: list[object] = [drawn(kind, Status.OCCURRED, _COLOURS[kind]) for kind in EventType]
    labels = [kind.value for kind in EventType]
    for status in (Status.OCCURRED, Status.PLANNED, Status.CANCELLED):
        handles.append(
            drawn(EventType.MEETING, status, _CANCELLED if status is Status.CANCELLED else "#444444")
        )
        labels.append(status.value)
    handles.append(Line2D([], [], linestyle=(0, (3, 2)), color="#555555"))
    labels.append("planned → outcome")
    return handles, labels


def _draw_matplotlib(layout: TimelineLayout, heading: str, path: Path) -> None:
    try:
        from matplotlib import dates as mdates
        from matplotlib.figure import Figure
        from matplotlib.legend_handler import HandlerTuple
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "PNG and SVG timelines need matplotlib: pip install 'alliancekit[timeline]'"
        ) from error

    date2num = cast("Callable[[dt.date], float]", mdates.date2num)
    rows = max(len(layout.rows), 1)
    label_width = max((len(label) for label in layout.rows), default=10)
    figure = Figure(figsize=(13, 1.9 + 0.42 * rows), layout="constrained")
    axes = figure.add_subplot()
    for item in _in_drawing_order(layout.items):
        engagement = item.engagement
        colour = _colour(engagement)
        start, end = date2num(item.start), date2num(item.end + dt.timedelta(days=1))
        if item.end > item.start:
            alpha = 0.35 if engagement.status is Status.OCCURRED else 0.15
            axes.barh(item.y, end - start, left=start, height=0.22, color=colour, alpha=alpha, linewidth=0)
        for handle in _matplotlib_markers(engagement.type, engagement.status, colour, _size(engagement) - 3):
            axes.plot(start, item.y, **handle)
    for planned, outcome in layout.links:
        axes.plot(
            [date2num(planned.start), date2num(outcome.start)],
            [planned.y, outcome.y],
            linestyle=(0, (3, 2)),
            color="#555555",
            linewidth=1,
            zorder=2,
        )
    axes.set_yticks(range(len(layout.rows)), list(layout.rows), fontsize=9 if label_width < 40 else 8)
    axes.set_ylim(rows - 0.5, -0.5)
    axes.grid(axis="x", color="#dddddd", linewidth=0.8)
    axes.set_axisbelow(True)
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    span = max((layout.end - layout.start).days, 6)
    margin = dt.timedelta(days=max(2, span // 30))
    axes.set_xlim(date2num(layout.start - margin), date2num(layout.end + margin + dt.timedelta(1)))
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)
    axes.set_title(heading, loc="left", fontsize=12, fontweight="bold")
    handles, labels = _matplotlib_legend()
    axes.legend(
        handles=handles,
        labels=labels,
        handler_map={tuple: HandlerTuple(ndivide=1)},
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        frameon=False,
        fontsize=9,
        borderaxespad=0,
    )
    notes = _notes(layout)
    if notes:
        axes.set_xlabel(notes, fontsize=8, color="#666666", loc="left")
    figure.savefig(path, dpi=110)


# ---------------------------------------------------------------------------- HTML (inline SVG)

_ROW_HEIGHT = 36
_RIGHT = 30
_TOP = 40
_PLOT_WIDTH = 810
_LABEL_FONT = 12
# The widest a character of the labels' font is, on average, in ems: a label of n characters
# is given n * 0.62 * 12 pixels, more than system fonts need, so that none is ever cut off.
_CHARACTER_EMS = 0.62


def _label_space(rows: Sequence[str]) -> int:
    """The width, in pixels, left of the plot for the row labels: enough for the longest one.

    >>> _label_space(["Marco Rubio – Toshimitsu Motegi"]) >= 31 * 0.62 * 12
    True
    """
    longest = max((len(label) for label in rows), default=10)
    return int(24 + longest * _CHARACTER_EMS * _LABEL_FONT)


def _ticks(start: dt.date, end: dt.date) -> list[tuple[dt.date, str]]:
    """Dates to label on the axis, at a step that gives a handful of ticks."""
    days = (end - start).days
    if days > 3 * 366:
        return [(dt.date(year, 1, 1), str(year)) for year in range(start.year + 1, end.year + 1)]
    if days > 75:
        step = 1 if days <= 400 else 3
        ticks: list[tuple[dt.date, str]] = []
        year, month = start.year, start.month
        while True:
            month += 1
            if month > 12:
                year, month = year + 1, 1
            day = dt.date(year, month, 1)
            if day > end:
                return ticks
            if (month - 1) % step == 0:
                ticks.append((day, f"{day:%b %Y}" if month == 1 or not ticks else f"{day:%b}"))
    step = 1 if days <= 14 else 7
    first = start + dt.timedelta(days=(7 - start.weekday()) % 7) if step == 7 else start
    return [
        (first + dt.timedelta(days=offset), f"{first + dt.timedelta(days=offset):%d %b}")
        for offset in range(0, days + 1, step)
        if first + dt.timedelta(days=offset) <= end
    ]


def _engagement_marker_svg(
    kind: EventType, status: Status, x: float, y: float, size: float, colour: str
) -> str:
    """One engagement's marker as the picture draws it, by type and status; the legend uses the same."""
    fill = colour if status is Status.OCCURRED else "#ffffff"
    marker = _marker_svg(kind, x, y, size, fill, colour)
    if status is not Status.CANCELLED:
        return marker
    cross = (
        f'<path class="cancelled" d="M{x - 4:.1f},{y - 4:.1f} L{x + 4:.1f},{y + 4:.1f} '
        f'M{x - 4:.1f},{y + 4:.1f} L{x + 4:.1f},{y - 4:.1f}" stroke="#333333" stroke-width="1.5"/>'
    )
    return marker + cross


def _marker_svg(kind: EventType, x: float, y: float, size: float, fill: str, stroke: str) -> str:
    r = size / 2
    style = f'fill="{fill}" stroke="{stroke}" stroke-width="1.8"'
    if kind is EventType.MEETING:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" {style}/>'
    if kind is EventType.VISIT:
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y + r * 0.8:.1f} {x - r:.1f},{y + r * 0.8:.1f}"
        return f'<polygon points="{points}" {style}/>'
    if kind is EventType.CALL:
        points = f"{x:.1f},{y - r:.1f} {x + r:.1f},{y:.1f} {x:.1f},{y + r:.1f} {x - r:.1f},{y:.1f}"
        return f'<polygon points="{points}" {style}/>'
    side = r * 1.6
    corner = f'x="{x - side / 2:.1f}" y="{y - side / 2:.1f}"'
    return f'<rect {corner} width="{side:.1f}" height="{side:.1f}" {style}/>'


def _svg(layout: TimelineLayout) -> str:
    rows = max(len(layout.rows), 1)
    height = _TOP + rows * _ROW_HEIGHT + 40
    left = _label_space(layout.rows)
    width = left + _PLOT_WIDTH + _RIGHT
    span_days = max((layout.end - layout.start).days, 6)
    margin = max(2, span_days // 30)
    first = layout.start - dt.timedelta(days=margin)
    last = layout.end + dt.timedelta(days=margin + 1)
    scale = _PLOT_WIDTH / max((last - first).days, 1)

    def x_of(day: dt.date) -> float:
        return left + (day - first).days * scale

    def y_of(row: float) -> float:
        return _TOP + row * _ROW_HEIGHT + _ROW_HEIGHT / 2

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="timeline of engagements">'
    ]
    for row, label in enumerate(layout.rows):
        y = y_of(row)
        if row % 2 == 0:
            parts.append(
                f'<rect x="0" y="{y - _ROW_HEIGHT / 2:.1f}" width="{width}" height="{_ROW_HEIGHT}" '
                'fill="#f6f8fa"/>'
            )
        parts.append(
            f'<text x="{left - 10}" y="{y:.1f}" text-anchor="end" dominant-baseline="central" class="row">'
            f"{html.escape(label)}</text>"
        )
    axis_y = _TOP + rows * _ROW_HEIGHT
    for day, text in _ticks(first, last):
        x = x_of(day)
        parts.append(f'<line x1="{x:.1f}" y1="{_TOP - 6}" x2="{x:.1f}" y2="{axis_y}" stroke="#dddddd"/>')
        parts.append(f'<text x="{x:.1f}" y="{axis_y + 16}" text-anchor="middle" class="tick">{text}</text>')
    parts.append(
        f'<line x1="{left}" y1="{axis_y}" x2="{left + _PLOT_WIDTH}" y2="{axis_y}" stroke="#888888"/>'
    )
    parts.append(
        f'<clipPath id="plot"><rect x="{left}" y="0" width="{_PLOT_WIDTH}" '
        f'height="{height}"/></clipPath><g clip-path="url(#plot)">'
    )
    for planned, outcome in layout.links:
        parts.append(
            f'<line x1="{x_of(planned.start):.1f}" y1="{y_of(planned.y):.1f}" '
            f'x2="{x_of(outcome.start):.1f}" y2="{y_of(outcome.y):.1f}" '
            'stroke="#555555" stroke-dasharray="4 3"/>'
        )
    for item in _in_drawing_order(layout.items):
        engagement = item.engagement
        colour = _colour(engagement)
        x, y = x_of(item.start), y_of(item.y)
        parts.append(f'<g class="engagement"><title>{html.escape(_tooltip(engagement))}</title>')
        if item.end > item.start:
            bar = x_of(item.end + dt.timedelta(days=1)) - x
            opacity = 0.35 if engagement.status is Status.OCCURRED else 0.15
            parts.append(
                f'<rect x="{x:.1f}" y="{y - 3:.1f}" width="{bar:.1f}" height="6" fill="{colour}" '
                f'fill-opacity="{opacity}"/>'
            )
        parts.append(
            _engagement_marker_svg(engagement.type, engagement.status, x, y, _size(engagement), colour)
        )
        parts.append("</g>")
    parts.append("</g></svg>")
    return "\n".join(parts)


def _legend() -> str:
    def entry(kind: EventType, status: Status, colour: str, label: str) -> str:
        marker = _engagement_marker_svg(kind, status, 9, 9, 11, colour)
        return f'<span class="{label}"><svg width="18" height="18">{marker}</svg>{label}</span>'

    items = [entry(kind, Status.OCCURRED, _COLOURS[kind], kind.value) for kind in EventType]
    items.append(entry(EventType.MEETING, Status.OCCURRED, "#444444", "occurred"))
    items.append(entry(EventType.MEETING, Status.PLANNED, "#444444", "planned"))
    items.append(entry(EventType.MEETING, Status.CANCELLED, _CANCELLED, "cancelled"))
    items.append(
        '<span><svg width="26" height="16"><line x1="1" y1="8" x2="25" y2="8" stroke="#555" '
        'stroke-dasharray="4 3"/></svg>planned → outcome</span>'
    )
    return '<p class="legend">' + "".join(items) + "</p>"


def _table(items: Sequence[_Item]) -> str:
    rows = []
    for item in sorted(items, key=lambda item: (item.start, item.row)):
        engagement = item.engagement
        when = str(item.start) if item.start == item.end else f"{item.start} – {item.end}"
        where = engagement.location.name if engagement.location else ""
        sources = ", ".join(engagement.outlets or engagement.sources)
        rows.append(
            "<tr>"
            + "".join(
                f"<td>{html.escape(cell)}</td>"
                for cell in (
                    when,
                    engagement.type.value,
                    engagement.status.value,
                    ", ".join(engagement.names()),
                    where,
                    f"{len(engagement.reports)}: {sources}",
                )
            )
            + "</tr>"
        )
    header = "".join(f"<th>{name}</th>" for name in ("when", "type", "status", "who", "where", "reports"))
    return f"<table><thead><tr>{header}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #222; }
h1 { font-size: 20px; margin: 0 0 8px; }
.legend span { margin-right: 16px; white-space: nowrap; }
.legend svg { vertical-align: middle; margin-right: 4px; }
.notes { color: #666; font-size: 13px; }
svg text.row { font-size: 12px; fill: #222; }
svg { max-width: none; }
svg text.tick { font-size: 11px; fill: #555; }
g.engagement:hover { opacity: 0.7; cursor: default; }
table { border-collapse: collapse; margin-top: 24px; font-size: 13px; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 4px 10px; text-align: left; vertical-align: top; }
"""


def _html(layout: TimelineLayout, heading: str) -> str:
    notes = _notes(layout)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(heading)}</title><style>{_STYLE}</style></head><body>\n"
        f"<h1>{html.escape(heading)}</h1>\n{_legend()}\n"
        + (f'<p class="notes">{html.escape(notes)}</p>\n' if notes else "")
        + _svg(layout)
        + "\n"
        + _table(layout.items)
        + "\n</body></html>\n"
    )
