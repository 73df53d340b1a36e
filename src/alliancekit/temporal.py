"""Time expressions in news text, resolved to :class:`~alliancekit.model.TimeSpan` values.

Three jobs live here:

* :func:`find_time_expressions` finds candidate expressions ("this Thursday",
  "Jan. 15-17", "March or April", "early next year") with regular expressions
  compiled once at import. Every quantifier is bounded, so scanning is linear
  in the length of the text.
* :func:`resolve` turns one expression into a :class:`TimeSpan`, anchored on the
  publication date. The :data:`Direction` says which way an ambiguous
  expression leans: ``"forward"`` for planned events, ``"backward"`` for events
  that occurred. Without an anchor only expressions carrying a four-digit year
  resolve; the wall clock is never consulted.
* :func:`read_timestamp` and :func:`read_dateline` read what an article prints
  about itself near its top: a publication timestamp and a wire dateline.

>>> import datetime as dt
>>> text = "Okano will be in Washington for three days starting this Thursday."
>>> [m.text for m in find_time_expressions(text)]
['for three days starting this Thursday']
>>> span = resolve("for three days starting this Thursday", dt.date(2026, 1, 13))
>>> span.start, span.end
(datetime.date(2026, 1, 15), datetime.date(2026, 1, 17))
>>> resolve("next month", None).resolved
False
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import itertools
import operator
import re
from collections.abc import Callable, Iterable
from typing import Any, Literal

import ahocorasick
import attrs
import dateparser  # type: ignore[import-untyped, unused-ignore]

from alliancekit.literals import required_literals, scanned_if_ascii
from alliancekit.model import Granularity, TimeSpan

__all__ = [
    "Dateline",
    "Direction",
    "TimeMention",
    "count_word",
    "day_offset",
    "find_time_expressions",
    "read_dateline",
    "read_timestamp",
    "resolve",
    "stated_year",
]

Direction = Literal["forward", "backward"]
"""Which way an ambiguous expression leans.

``"forward"`` reads "Thursday" as the next Thursday (planned events),
``"backward"`` as the last one (events that occurred); see :func:`resolve`.
"""


@attrs.frozen
class TimeMention:
    """A candidate time expression found in a text.

    Invariant: ``text == searched_text[start:end]``.

    :param start: offset of the first character in the searched text.
    :param end: offset just past the last character.
    :param text: the expression as written.
    :param year: for an expression written without a year, the year the
        searched text states elsewhere as the frame of what it reports ("In
        2019, ... on June 28", "the 2019 summit ... on March 3"), or ``None``;
        pass it to :func:`resolve`.

    >>> TimeMention(10, 18, "Thursday").text
    'Thursday'
    """

    start: int
    end: int
    text: str
    year: int | None = None


@attrs.frozen
class Dateline:
    """A wire dateline opening a paragraph: ``"TOKYO, May 3 (Kyodo) --"``.

    :param place: the place named, title-cased when printed in capitals
        (``"TOKYO"`` becomes ``"Tokyo"``), otherwise as written.
    :param month_day: the date as written (``"May 3"``), or ``None``. A dateline
        gives no year: resolve it with ``resolve(month_day, anchor, "backward")``.
    :param agency: the news agency in parentheses (``"Kyodo"``), or ``None``.
    :param text: the whole dateline as written, separator included.

    >>> Dateline("Tokyo", "May 3", "Kyodo").agency
    'Kyodo'
    """

    place: str
    month_day: str | None = None
    agency: str | None = None
    text: str = ""


# --------------------------------------------------------------------------- vocabulary

_FULL_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NUMBERS = {name: number for number, name in enumerate(_FULL_MONTHS, start=1)} | _MONTH_ABBREVIATIONS
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_NUMBERS = {name: number for number, name in enumerate(_WEEKDAYS)}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}
_SEASON_FIRST_MONTH = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_RELATIVE_DAYS = {
    "today": 0,
    "earlier today": 0,
    "later today": 0,
    "tonight": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "yesterday": -1,
    "last night": -1,
    "the day before yesterday": -2,
    "tomorrow": 1,
    "the day after tomorrow": 2,
}
# modifiers of week/month/year/season/weekday, reduced to what they mean here
_MODIFIERS = {
    "": "plain",
    "on": "plain",
    "the": "this",
    "this": "this",
    "on this": "this",
    "the current": "this",
    "next": "next",
    "on next": "next",
    "the following": "next",
    "this coming": "coming",
    "coming": "coming",
    "the coming": "coming",
    "the next": "coming",
    "last": "last",
    "on last": "last",
    "the previous": "last",
    "this past": "last",
    "past": "last",
    "the past": "past",
    "the last": "past",
}
# "September last year", "March next year": a year written relative to the publication date
_YEAR_SHIFTS = {"this": 0, "last": -1, "next": 1}
_PARTS = {
    "early": "early",
    "beginning of": "early",
    "start of": "early",
    "mid": "mid",
    "middle of": "mid",
    "late": "late",
    "end of": "late",
    "earlier": "earlier",
    "later": "later",
    "first half of": "first-half",
    "second half of": "second-half",
    "latter half of": "second-half",
    "early part of": "early",
    "later part of": "late",
    "latter part of": "late",
}

# --------------------------------------------------------------------------- regex fragments
# Every quantifier below is bounded, so each match attempt does constant work.

_GAP = r"\s{1,3}"
_DASH = r"\s{0,3}[-\u2013\u2014]\s{0,3}"
_TO = rf"(?:{_DASH}|{_GAP}(?P<to>to|through|thru|until|till|and|or){_GAP})"


def _cased(words: Iterable[str]) -> str:
    """Build an alternation matching each word capitalised or in capitals only."""
    forms = {form for word in words for form in (word.capitalize(), word.upper())}
    return "(?-i:" + "|".join(sorted(forms, key=lambda form: (-len(form), form))) + ")"


_MONTH_FULL = _cased(_FULL_MONTHS) + "(?![a-z])"
_MONTH_ANY = _cased((*_FULL_MONTHS, *_MONTH_ABBREVIATIONS)) + "(?![a-z])"
_MONTH_ABBR = _cased(_MONTH_ABBREVIATIONS) + "(?![a-z])"
_WEEKDAY = "(?:" + "|".join(_WEEKDAYS) + ")(?![a-z])"
_DAY_END = r"(?:st|nd|rd|th)?(?![\w%]|[.:]\d)"
_DAY_NUMBER = r"\b(?:3[01]|[12][0-9]|0?[1-9])" + _DAY_END
_YEAR = r"(?:19|20)\d\d(?![\w%]|[.:]\d)"
_YEAR_JOIN = r"(?:,\s{0,3}|\s{1,3})"
_NUMBER = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
_PART = (
    r"(?:(?:the\s{1,3})?(?:beginning|start|middle|end|(?:first|second|latter)\s{1,3}half|(?:early|later|latter)\s{1,3}part)"
    r"\s{1,3}of|(?:earlier|early|later|late)\s{1,3}in(?=\s)|earlier|early|later|late|mid)"
    r"(?:\s{0,3}-\s{0,3}|\s{1,3})"
)
_SEASON = r"(?:spring|summer|autumn|fall|winter)(?![a-z])"


def _day(name: str) -> str:
    return rf"\b(?P<{name}>3[01]|[12][0-9]|0?[1-9]){_DAY_END}"


def _year(name: str) -> str:
    return rf"(?P<{name}>{_YEAR})"


def _year_after(name: str) -> str:
    """A year written after a day or month: ``2026``, or ``last year`` as group ``<name>_rel``."""
    return rf"(?:{_year(name)}|(?P<{name}_rel>this|last|next){_GAP}year(?![a-z]))"


def _optional_year(name: str) -> str:
    return rf"(?:(?:{_YEAR_JOIN}|{_GAP}of{_GAP}){_year_after(name)})?"


def _weekday_prefix(name: str) -> str:
    return rf"(?:(?P<{name}>{_WEEKDAY}),?{_GAP})?"


# --------------------------------------------------------------------------- small helpers

_Span = tuple[dt.date, dt.date, Granularity]
_Resolver = Callable[[re.Match[str], dt.date | None, Direction], _Span | None]
_Check = Callable[[re.Match[str], str], bool]
_ONE_DAY = dt.timedelta(days=1)


def _norm(value: str | None) -> str:
    return " ".join(value.lower().split()) if value else ""


def _group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def _part(match: re.Match[str], name: str = "part") -> str | None:
    raw = _norm(_group(match, name)).rstrip("- ").removeprefix("the ").removesuffix(" in")
    return _PARTS.get(raw) if raw else None


class _NeedsAnchorError(Exception):
    """A year written relative to the publication date ("last year") when there is none."""


def _stated_year(match: re.Match[str], name: str, anchor: dt.date | None) -> int | None:
    """The year written after a day or month: ``2026`` or ``last year``; ``None`` when none is."""
    written = _group(match, name)
    if written:
        return int(written)
    relative = _group(match, f"{name}_rel")
    if not relative:
        return None
    if anchor is None:
        raise _NeedsAnchorError(relative)
    return anchor.year + _YEAR_SHIFTS[relative.lower()]


def _modifier(match: re.Match[str]) -> str:
    return _MODIFIERS.get(_norm(_group(match, "mod")), "plain")


def _month_number(word: str) -> int:
    return _MONTH_NUMBERS[word.lower().rstrip(".")]


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _month_span(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), _month_end(year, month)


def count_word(word: str) -> int:
    """The number a count is written as, in figures or words up to ten ("a" is one).

    >>> count_word("four"), count_word("12"), count_word("an")
    (4, 12, 1)
    """
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


_number = count_word


def _clip(start: dt.date, end: dt.date, anchor: dt.date, direction: Direction) -> tuple[dt.date, dt.date]:
    """Cut a period containing the anchor down to the part ahead of (behind) it."""
    if not start <= anchor <= end:
        return start, end
    return (anchor, end) if direction == "forward" else (start, anchor)


def _apply_part(
    start: dt.date, end: dt.date, part: str | None, unit: str, anchor: dt.date | None
) -> tuple[dt.date, dt.date]:
    """Narrow a week, month, season or year to its early, mid or late part."""
    if part is None:
        return start, end
    if part in ("earlier", "later"):
        if anchor is not None and start <= anchor <= end:
            if part == "earlier":
                return start, max(start, anchor - _ONE_DAY)
            return min(end, anchor + _ONE_DAY), end
        part = "early" if part == "earlier" else "late"
    if part in ("first-half", "second-half"):
        if unit == "year":
            middle = dt.date(start.year, 6, 30)
        elif unit == "month":
            middle = start.replace(day=15)
        else:
            middle = start + (end - start) // 2
        return (start, middle) if part == "first-half" else (middle + _ONE_DAY, end)
    index = ("early", "mid", "late").index(part)
    if unit == "week":
        first = (0, 1, 3)[index]
        return start + dt.timedelta(days=first), start + dt.timedelta(days=(2, 3, 6)[index])
    if unit == "month":
        return (
            start + dt.timedelta(days=(0, 10, 20)[index]),
            start + dt.timedelta(days=(9, 19)[index]) if index < 2 else end,
        )
    if unit == "year":
        first_month = (1, 5, 9)[index]
        return dt.date(start.year, first_month, 1), _month_end(start.year, first_month + 3)
    # a season: its first, second or third month
    month, year = start.month + index, start.year
    if month > 12:
        month, year = month - 12, year + 1
    return _month_span(year, month)


def _weekday_date(anchor: dt.date, weekday: int, how: str) -> dt.date:
    """Find the date with ``weekday`` nearest the anchor on the side ``how`` says.

    ``forward``: on or after; ``backward``: on or before; ``next``: strictly
    after; ``last``: strictly before.
    """
    ahead = (weekday - anchor.weekday()) % 7
    behind = (anchor.weekday() - weekday) % 7
    if how == "forward":
        return anchor + dt.timedelta(days=ahead)
    if how == "next":
        return anchor + dt.timedelta(days=ahead or 7)
    if how == "last":
        return anchor - dt.timedelta(days=behind or 7)
    return anchor - dt.timedelta(days=behind)


def _weekday_how(modifier: str, direction: Direction) -> str:
    if modifier in ("next", "last"):
        return modifier
    if modifier == "coming":
        return "forward"
    if modifier == "past":
        return "last"
    return direction


def _nearest_year(month: int, day: int, anchor: dt.date, direction: Direction) -> dt.date | None:
    """Place a month and day in the year (anchor year -1, 0, +1) that puts it nearest the anchor.

    When two candidates are within ten days of equally near, the direction
    decides: the later one forward, the earlier one backward.
    """
    candidates: list[dt.date] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    candidates.sort(key=lambda date: (abs((date - anchor).days), date))
    best = candidates[0]
    if len(candidates) > 1:
        second = candidates[1]
        if abs((second - anchor).days) - abs((best - anchor).days) <= 10:
            best = max(best, second) if direction == "forward" else min(best, second)
    return best


def _month_range_year(first: int, last: int, anchor: dt.date, direction: Direction) -> int:
    """Choose the year in which the months ``first`` to ``last`` start, counting the current month.

    Forward: the earliest occurrence not yet over; backward: the latest already begun.
    """
    current = dt.date(anchor.year, anchor.month, 1)
    years = (anchor.year - 1, anchor.year, anchor.year + 1)
    if direction == "forward":
        for year in years:
            end_year = year if last >= first else year + 1
            if dt.date(end_year, last, 1) >= current:
                return year
    else:
        for year in reversed(years):
            if dt.date(year, first, 1) <= current:
                return year
    return anchor.year


def _season_span(season: str, year: int) -> tuple[dt.date, dt.date]:
    first = _SEASON_FIRST_MONTH[season]
    last, end_year = first + 2, year
    if last > 12:
        last, end_year = last - 12, year + 1
    return dt.date(year, first, 1), _month_end(end_year, last)


_CALENDAR_YEARS = (1900, 2099)
"""The years a four-digit year of the text may be (see ``_YEAR``): for them a day is checked by the
calendar alone, which tests/test_temporal.py holds to what :mod:`dateparser` reads."""


@functools.lru_cache(maxsize=4096)
def _calendar_day(month_word: str, day: int, year: int) -> dt.date | None:
    """The day ``month_word day, year``, or ``None`` for no such day ("June 31").

    The month word is one the time patterns match (a month's name or its
    abbreviation, capitalised or in capitals), so for the years a text
    writes the calendar answers as :mod:`dateparser` does, without its cost;
    a year counted from an unusual publication date ("last year") is read
    by dateparser. Either answer is remembered across documents: news
    repeats a few hundred days.
    """
    if _CALENDAR_YEARS[0] <= year <= _CALENDAR_YEARS[1]:
        try:
            return dt.date(year, _month_number(month_word), day)
        except ValueError:
            return None
    return _dateparser_day(month_word, day, year)


def _dateparser_day(month_word: str, day: int, year: int) -> dt.date | None:
    """Read ``month_word day, year`` with :mod:`dateparser`, or ``None`` for no such day.

    The text names its year, so the result does not depend on the relative
    base (given, so the wall clock is never read).
    """
    parsed = dateparser.parse(
        f"{month_word} {day}, {year}",
        languages=["en"],
        settings={"RELATIVE_BASE": dt.datetime(year, 1, 1), "RETURN_AS_TIMEZONE_AWARE": False},
    )
    if not isinstance(parsed, dt.datetime):
        return None
    found = parsed.date()
    return found if (found.year, found.month, found.day) == (year, _month_number(month_word), day) else None


# A leap year: a day written without its year is checked against it, so "Feb. 29" stays possible.
_ANY_YEAR = 2000


def _explicit_day(
    month_word: str, day_text: str, year: int | None, anchor: dt.date | None, direction: Direction
) -> dt.date | None:
    """Read a date written with a month name and a day, with or without its year."""
    month, day = _month_number(month_word), int(day_text)
    if year is not None:
        return _calendar_day(month_word, day, year)
    if anchor is None or _calendar_day(month_word, day, _ANY_YEAR) is None:
        return None
    return _nearest_year(month, day, anchor, direction)


# --------------------------------------------------------------------------- resolvers


def _resolve_date(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    day = _explicit_day(match["m"], match["d"], _stated_year(match, "y", anchor), anchor, direction)
    return None if day is None else (day, day, Granularity.DAY)


def _resolve_iso(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    day = dt.date(int(match["y"]), int(match["mo"]), int(match["d"]))
    return day, day, Granularity.DAY


def _resolve_day_range(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``Jan. 15-17`` and ``15 to 17 January``: one month, two days."""
    start = _explicit_day(match["m"], match["d1"], _stated_year(match, "y", anchor), anchor, direction)
    if start is None:
        return None
    end = dt.date(start.year, start.month, int(match["d2"]))
    return start, end, Granularity.DAY


def _resolve_month_day_range(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``Jan. 15 through Jan. 17`` and ``March 30-April 2``."""
    first_year, last_year = _stated_year(match, "y1", anchor), _stated_year(match, "y2", anchor)
    last_month, last_day = _month_number(match["m2"]), int(match["d2"])
    if first_year is None and last_year is not None:
        end = _explicit_day(match["m2"], match["d2"], last_year, anchor, direction)
        if end is None:
            return None
        start = dt.date(end.year, _month_number(match["m1"]), int(match["d1"]))
        if start > end:
            start = start.replace(year=end.year - 1)
        return start, end, Granularity.DAY
    start_or_none = _explicit_day(match["m1"], match["d1"], first_year, anchor, direction)
    if start_or_none is None:
        return None
    start = start_or_none
    end = dt.date(last_year or start.year, last_month, last_day)
    if end < start and last_year is None:
        end = end.replace(year=end.year + 1)
    return start, end, Granularity.DAY


def _day_in_nearby_month(day: int, anchor: dt.date, direction: Direction) -> dt.date | None:
    """The date with day-of-month ``day`` nearest the anchor on the side ``direction`` says."""
    months = [(anchor.year, anchor.month + shift) for shift in (-2, -1, 0, 1, 2)]
    dates: list[dt.date] = []
    for year, month in months:
        year, month = year + (month - 1) // 12, (month - 1) % 12 + 1
        try:
            dates.append(dt.date(year, month, day))
        except ValueError:
            continue
    if direction == "forward":
        return next((date for date in dates if date >= anchor), None)
    return next((date for date in reversed(dates) if date <= anchor), None)


def _resolve_ordinal_day(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``on the 20th``: the nearest 20th on the side the direction says."""
    if anchor is None:
        return None
    month_shift = _group(match, "omod")
    if month_shift is not None:  # "the 10th of next month"
        index = anchor.year * 12 + anchor.month - 1 + _YEAR_SHIFTS.get(month_shift.lower(), 0)
        year, month = divmod(index, 12)
        named = dt.date(year, month + 1, int(match["d"]))
        return named, named, Granularity.DAY
    day = _day_in_nearby_month(int(match["d"]), anchor, direction)
    return None if day is None else (day, day, Granularity.DAY)


def _resolve_ordinal_day_pair(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``on the 3rd or 4th``: both days of the month nearest the anchor on the side told."""
    if anchor is None:
        return None
    first, last = int(match["d1"]), int(match["d2"])
    if direction == "forward":  # the first day not yet past, and the last of its month
        start = _day_in_nearby_month(first, anchor, direction)
        if start is not None and last <= calendar.monthrange(start.year, start.month)[1]:
            return start, start.replace(day=last), Granularity.DAY
    end = _day_in_nearby_month(last, anchor, direction)
    return None if end is None else (end.replace(day=first), end, Granularity.DAY)


def _resolve_ordinal_day_range(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``from the 29th through May 3``: the first day takes the month of the last."""
    end = _explicit_day(match["m"], match["d2"], _stated_year(match, "y", anchor), anchor, direction)
    if end is None:
        return None
    first = int(match["d1"])
    year, month = end.year, end.month
    if first > end.day:
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return dt.date(year, month, first), end, Granularity.DAY


# How far ahead "in a couple of weeks" and its kin lie, in days: (nearest, furthest).
_VAGUE_AHEAD = {
    ("couple", "day"): (2, 3),
    ("couple", "week"): (10, 17),
    ("couple", "month"): (45, 75),
    ("few", "day"): (2, 5),
    ("few", "week"): (14, 35),
    ("few", "month"): (60, 120),
    ("several", "day"): (3, 8),
    ("several", "week"): (21, 49),
    ("several", "month"): (90, 180),
    ("coming", "day"): (1, 10),
    ("coming", "week"): (1, 42),
    ("coming", "month"): (1, 180),
}
_UNIT_DAYS = {"day": 1, "week": 7, "month": 30}


def _resolve_ahead(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """``in two weeks``, ``in a couple of weeks``, ``within days``: counted ahead of the anchor.

    A stated count is the day that far ahead (months count by the calendar);
    a vague one ("a few", "a couple of", "several") spans the days it can
    mean; ``within`` runs from the anchor to the furthest of them.
    """
    if anchor is None:
        return None
    unit = match["unit"].lower().rstrip("s")
    count, vague = _group(match, "n"), _group(match, "vague") or _group(match, "vague2")
    if vague is not None:
        word = "couple" if "couple" in vague.lower() else vague.lower().split()[-1]
        nearest, furthest = _VAGUE_AHEAD["coming" if word == "upcoming" else word, unit]
    elif count is None:  # "within days", "within weeks"
        nearest, furthest = 0, 7 * _UNIT_DAYS[unit]
    elif unit == "month":
        months = anchor.month - 1 + (1 if count.lower() in ("a", "an") else _number(count))
        year, month = anchor.year + months // 12, months % 12 + 1
        target = dt.date(year, month, min(anchor.day, calendar.monthrange(year, month)[1]))
        return target, target, Granularity.DAY
    else:
        nearest = furthest = (1 if count.lower() in ("a", "an") else _number(count)) * _UNIT_DAYS[unit]
    if (_group(match, "prep") or _group(match, "prep2") or "").lower() == "within":
        nearest = 0
    return anchor + dt.timedelta(days=nearest), anchor + dt.timedelta(days=furthest), Granularity.DAY


def _resolve_stretch(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``over the next two days``, ``in recent days``, ``in the past few weeks``.

    Ahead, the days after the anchor up to the furthest the count can mean;
    behind, the days before it up to and with the anchor.
    """
    if anchor is None:
        return None
    unit = match["unit"].lower().rstrip("s")
    count = _norm(_group(match, "n"))
    if count in ("", "recent"):
        days = {"day": 7, "week": 42, "month": 180}[unit]
    elif count.split()[-1] in ("few", "several", "couple", "of"):
        word = "couple" if "couple" in count else count.split()[-1]
        days = _VAGUE_AHEAD[word, unit][1]
    else:
        days = _number(count) * _UNIT_DAYS[unit]
    ahead = _norm(_group(match, "dir")) in ("next", "coming")
    if ahead:
        nearest = 0 if _norm(_group(match, "prep")) == "within" else 1
        return anchor + dt.timedelta(days=nearest), anchor + dt.timedelta(days=days), Granularity.DAY
    return anchor - dt.timedelta(days=days), anchor, Granularity.DAY


def _resolve_offset(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """``the following day`` counts from another date in the text, not from the anchor."""
    return None


def _offset_days(match: re.Match[str]) -> int:
    """The days "two days before", "a week after" or "the eve of" count, negative before."""
    count = _group(match, "n")
    days = 1 if count is None or count.lower() in ("a", "an", "the") else _number(count)
    if "week" in (_group(match, "unit") or _group(match, "unit2") or "").lower():
        days *= 7
    return -days if _BEFORE.search(match[0]) else days


def _resolve_dated_offset(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``a day before the March 3 summit``: the date written, moved by the days counted."""
    base = _explicit_day(match["m"], match["d"], _stated_year(match, "y", anchor), anchor, direction)
    if base is None:
        return None
    day = base + dt.timedelta(days=_offset_days(match))
    return day, day, Granularity.DAY


def _resolve_weekday(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    if anchor is None:
        return None
    how = _weekday_how(_modifier(match), direction)
    day = _weekday_date(anchor, _WEEKDAY_NUMBERS[match["wd"].lower()], how)
    return day, day, Granularity.DAY


def _resolve_weekday_range(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    if anchor is None:
        return None
    first, last = _WEEKDAY_NUMBERS[match["wd1"].lower()], _WEEKDAY_NUMBERS[match["wd2"].lower()]
    start = _weekday_date(anchor, first, _weekday_how(_modifier(match), direction))
    return start, start + dt.timedelta(days=(last - first) % 7 or 7), Granularity.DAY


def _resolve_duration(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``three days starting this Thursday``, ``a two-day visit starting Tuesday``.

    With ``until`` the date is the last day: ``a three-day trip, which runs until Thursday``.
    """
    count = _number(match["n"]) * (7 if match["unit"].lower().startswith("week") else 1)
    if count < 1:
        return None
    start: dt.date | None
    if _group(match, "wm") is not None:  # "starting Thursday, Jan. 15": the date decides
        start = _explicit_day(
            match["wm"], match["wd_day"], _stated_year(match, "wd_year", anchor), anchor, direction
        )
    elif _group(match, "sm") is not None:
        start = _explicit_day(match["sm"], match["sd"], _stated_year(match, "sy", anchor), anchor, direction)
    elif anchor is None:
        return None
    elif _group(match, "rel") is not None:
        start = anchor + dt.timedelta(days=_RELATIVE_DAYS[_norm(match["rel"])])
    else:
        how = _weekday_how(_modifier(match), direction)
        start = _weekday_date(anchor, _WEEKDAY_NUMBERS[match["wd"].lower()], how)
    if start is None:
        return None
    if _group(match, "until") is not None:  # "a three-day trip, which runs until Thursday": the last day
        return start - dt.timedelta(days=count - 1), start, Granularity.DAY
    return start, start + dt.timedelta(days=count - 1), Granularity.DAY


def _resolve_relative_day(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    if anchor is None:
        return None
    day = anchor + dt.timedelta(days=_RELATIVE_DAYS[_norm(match["rel"])])
    return day, day, Granularity.DAY


def _relative_week(anchor: dt.date, modifier: str, part: str | None, direction: Direction) -> _Span:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if modifier == "past" and part is None:
        return anchor - dt.timedelta(days=7), anchor, Granularity.WEEK
    if modifier == "coming" and part is None:
        return anchor, anchor + dt.timedelta(days=7), Granularity.WEEK
    if modifier in ("next", "coming"):
        monday += dt.timedelta(days=7)
    elif modifier in ("last", "past"):
        monday -= dt.timedelta(days=7)
    else:  # this week: forward it runs to Saturday, or the next six days when published on a Sunday
        saturday = monday + dt.timedelta(days=5)
        week_end = saturday if anchor <= saturday else anchor + dt.timedelta(days=6)
        if part is None:
            if direction == "backward":
                return monday, anchor, Granularity.WEEK
            return anchor, week_end, Granularity.WEEK
        if part == "later":
            start = anchor + _ONE_DAY
            return start, max(start, week_end), Granularity.WEEK
    start, end = _apply_part(monday, monday + dt.timedelta(days=6), part, "week", anchor)
    return start, end, Granularity.WEEK


def _relative_weekend(anchor: dt.date, modifier: str, direction: Direction) -> _Span:
    monday = anchor - dt.timedelta(days=anchor.weekday())
    if modifier in ("next", "coming") or (modifier in ("plain", "this") and direction == "forward"):
        if modifier == "next":
            saturday = monday + dt.timedelta(days=12)
        else:  # the weekend containing or following the anchor
            saturday = anchor - _ONE_DAY if anchor.weekday() == 6 else _weekday_date(anchor, 5, "forward")
    elif modifier == "last":
        saturday = monday - dt.timedelta(days=2)
    else:  # the weekend containing or preceding the anchor
        saturday = _weekday_date(anchor, 5, "backward")
    return saturday, saturday + _ONE_DAY, Granularity.DAY


def _relative_month(anchor: dt.date, modifier: str, part: str | None, direction: Direction) -> _Span:
    if modifier == "past" and part is None:
        return anchor - dt.timedelta(days=30), anchor, Granularity.MONTH
    if modifier == "coming" and part is None:
        return anchor, anchor + dt.timedelta(days=30), Granularity.MONTH
    year, month = anchor.year, anchor.month
    if modifier in ("next", "coming"):
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    elif modifier in ("last", "past"):
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    start, end = _month_span(year, month)
    if part is None:
        start, end = _clip(start, end, anchor, direction)
    else:
        start, end = _apply_part(start, end, part, "month", anchor)
    return start, end, Granularity.MONTH


def _relative_year(anchor: dt.date, modifier: str, part: str | None, direction: Direction) -> _Span:
    if modifier == "past" and part is None:
        return anchor - dt.timedelta(days=365), anchor, Granularity.YEAR
    if modifier == "coming" and part is None:
        return anchor, anchor + dt.timedelta(days=365), Granularity.YEAR
    year = anchor.year
    if modifier in ("next", "coming"):
        year += 1
    elif modifier in ("last", "past"):
        year -= 1
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if part is None:
        start, end = _clip(start, end, anchor, direction)
    else:
        start, end = _apply_part(start, end, part, "year", anchor)
    return start, end, Granularity.YEAR


def _resolve_relative_unit(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``this week``, ``early next week``, ``later this month``, ``the end of the year``."""
    if anchor is None:
        return None
    unit, modifier, part = match["unit"].lower(), _modifier(match), _part(match)
    if unit == "week":
        return _relative_week(anchor, modifier, part, direction)
    if unit == "weekend":
        return _relative_weekend(anchor, modifier, direction)
    if unit == "month":
        return _relative_month(anchor, modifier, part, direction)
    return _relative_year(anchor, modifier, part, direction)


_WEEK_SHIFTS = {"this": 0, "next": 1, "last": -1}


def _resolve_weekday_of_week(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``Wednesday next week`` and ``next week on Thursday``: that day of the week named.

    Weeks run from Monday, as :func:`_relative_week` counts them.
    """
    if anchor is None:
        return None
    shift = _WEEK_SHIFTS[(_group(match, "wmod") or _group(match, "wmod2") or "this").lower()]
    weekday = _WEEKDAY_NUMBERS[(_group(match, "wd") or _group(match, "wd2") or "").lower()]
    day = anchor + dt.timedelta(days=7 * shift + weekday - anchor.weekday())
    return day, day, Granularity.DAY


def _months_before(anchor: dt.date, months: int) -> dt.date:
    """The day ``months`` calendar months before the anchor, kept inside a shorter month."""
    index = anchor.year * 12 + anchor.month - 1 - months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(anchor.day, calendar.monthrange(year, month + 1)[1]))


def _resolve_ago(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``two weeks ago``, ``a year ago``, ``a few days ago``: counted back from the anchor.

    A stated count is the one day that far back (months and years by the
    calendar); a vague one spans the days it can mean, as "in a few days" does ahead.
    """
    if anchor is None:
        return None
    unit = (_group(match, "unit") or _group(match, "unit2") or "").lower().rstrip("s")
    vague = _group(match, "vague")
    if vague is not None:
        word = "couple" if "couple" in vague.lower() else vague.lower().split()[-1]
        nearest, furthest = _VAGUE_AHEAD[word, unit]
        return anchor - dt.timedelta(days=furthest), anchor - dt.timedelta(days=nearest), Granularity.DAY
    count = _number(match["n"])
    if unit in ("month", "year"):
        day = _months_before(anchor, count * (12 if unit == "year" else 1))
    else:
        day = anchor - dt.timedelta(days=count * _UNIT_DAYS[unit])
    return day, day, Granularity.DAY


def _year_of_month(
    month: int, year: int | None, modifier: str | None, anchor: dt.date | None, direction: Direction
) -> int | None:
    """The year of a month named with an optional year and modifier; ``None`` when it needs an anchor."""
    if year is not None:
        return year
    if anchor is None:
        return None
    if modifier == "this":
        # "will visit this March" said in December is next March; said of the past, this year's
        return anchor.year + 1 if month < anchor.month and direction == "forward" else anchor.year
    if modifier == "next":
        return anchor.year if month > anchor.month else anchor.year + 1
    if modifier in ("last", "past"):
        return anchor.year if month < anchor.month else anchor.year - 1
    return _month_range_year(month, month, anchor, "forward" if modifier == "coming" else direction)


def _resolve_month(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``March``, ``in March``, ``early March``, ``next March``, ``March 2026``."""
    month = _month_number(match["m"])
    year = _year_of_month(month, _stated_year(match, "y", anchor), _modifier(match), anchor, direction)
    if year is None:
        return None
    start, end = _month_span(year, month)
    start, end = _apply_part(start, end, _part(match), "month", anchor)
    if anchor is not None and _norm(_group(match, "prep")) == "by" and anchor <= end:
        start = min(start, anchor)  # "by the end of March": any time from now until then
    return start, end, Granularity.MONTH


def _resolve_week_of_month(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``the first week of March``, ``the last week of April 2026``: seven days of the month."""
    month = _month_number(match["m"])
    year = _year_of_month(month, _stated_year(match, "y", anchor), None, anchor, direction)
    if year is None:
        return None
    first, last = _month_span(year, month)
    nth = match["nth"].lower()
    if nth in ("last", "final"):
        return last - dt.timedelta(days=6), last, Granularity.WEEK
    start = first + dt.timedelta(days=7 * ("first", "second", "third", "fourth").index(nth))
    return start, start + dt.timedelta(days=6), Granularity.WEEK


def _resolve_week_of_day(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``the week of March 10``, ``the week of the 10th``: Monday to Sunday round that day."""
    if _group(match, "od") is not None:
        day = None if anchor is None else _day_in_nearby_month(int(match["od"]), anchor, direction)
    else:
        day = _explicit_day(match["m"], match["d"], _stated_year(match, "y", anchor), anchor, direction)
    if day is None:
        return None
    monday = day - dt.timedelta(days=day.weekday())
    return monday, monday + dt.timedelta(days=6), Granularity.WEEK


def _resolve_month_alternatives(
    match: re.Match[str], anchor: dt.date | None, direction: Direction
) -> _Span | None:
    """Resolve ``March or April``, ``late March to early April`` to the whole stretch."""
    first, last = _month_number(match["m1"]), _month_number(match["m2"])
    stated = _stated_year(match, "y", anchor)
    if stated is not None:
        year = stated - (1 if last < first else 0)
    elif anchor is None:
        return None
    else:
        year = _month_range_year(first, last, anchor, direction)
    end_year = year if last >= first else year + 1
    start = _apply_part(*_month_span(year, first), _part(match, "part1"), "month", anchor)[0]
    end = _apply_part(*_month_span(end_year, last), _part(match, "part2"), "month", anchor)[1]
    return start, end, Granularity.MONTH


def _this_season(
    spans: list[tuple[dt.date, dt.date]], anchor: dt.date, direction: Direction
) -> tuple[dt.date, dt.date]:
    """Choose the season "this spring" means among the ``spans`` of one season, in order.

    The one under way at the anchor; otherwise, forward, the next to begin
    ("will visit this spring" in December is next spring) and, backward, the
    latest begun within the anchor's year ("visited this spring" in December).
    A season not yet begun in the anchor's year stays "this" season either way.
    """
    current = next((span for span in spans if span[0] <= anchor <= span[1]), None)
    if current is not None:
        return current
    if direction == "forward":
        return next(span for span in spans if span[0] > anchor)
    begun = [span for span in spans if span[0] <= anchor and anchor.year in (span[0].year, span[1].year)]
    if begun:
        return begun[-1]
    return next(span for span in spans if span[0] > anchor)


def _resolve_season(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``this spring``, ``in the fall``, ``last winter``, ``spring 2026``, ``early spring``."""
    season, stated = match["season"].lower(), _stated_year(match, "y", anchor)
    if stated is not None:
        start, end = _season_span(season, stated)
    elif anchor is None:
        return None
    else:
        modifier = "plain" if _norm(_group(match, "mod")) == "the" else _modifier(match)
        spans = [_season_span(season, year) for year in range(anchor.year - 2, anchor.year + 3)]
        if modifier == "this":
            start, end = _this_season(spans, anchor, direction)
        elif modifier == "next":
            start, end = next(span for span in spans if span[0] > anchor)
        elif modifier in ("last", "past"):
            start, end = [span for span in spans if span[1] < anchor][-1]
        elif modifier == "coming" or direction == "forward":
            start, end = next(span for span in spans if span[1] >= anchor)
        else:
            start, end = [span for span in spans if span[0] <= anchor][-1]
    second = _group(match, "season2")
    if second is not None:  # "spring or summer": from the first to the end of the second after it
        following = _season_span(second.lower(), start.year)
        if following[0] <= start:
            following = _season_span(second.lower(), start.year + 1)
        return start, following[1], Granularity.SEASON
    start, end = _apply_part(start, end, _part(match), "season", anchor)
    return start, end, Granularity.SEASON


def _resolve_year(match: re.Match[str], anchor: dt.date | None, direction: Direction) -> _Span | None:
    """Resolve ``in 2027``, ``early 2027``, ``the end of 2026``."""
    year = int(match["y"])
    start, end = _apply_part(dt.date(year, 1, 1), dt.date(year, 12, 31), _part(match), "year", anchor)
    return start, end, Granularity.YEAR


# --------------------------------------------------------------------------- context checks (finding only)


def _followed_by(match: re.Match[str], text: str, pattern: re.Pattern[str]) -> bool:
    return pattern.match(text, match.end()) is not None


_OF_NOT_YEAR = re.compile(r"\s{1,3}of\s{1,3}(?!(?:19|20)\d\d)", re.IGNORECASE)
_OF = re.compile(r"\s{1,3}of\b", re.IGNORECASE)
_CAPITALISED_WORD = re.compile(r"\s{1,3}[A-Z][a-z]")
_MAY_CONTEXT = re.compile(r"\b(?:of|since|until|till|by|in)\s{1,3}$", re.IGNORECASE)


def _check_month(match: re.Match[str], text: str) -> bool:
    """Keep ``May`` only with a year, a modifier or a preposition; skip ``April Ryan``."""
    if any(_group(match, name) for name in ("prep", "mod", "part", "y", "y_rel")):
        return True
    if match["m"].lower() == "may":
        return _MAY_CONTEXT.search(text, max(0, match.start() - 8), match.start()) is not None
    return not _followed_by(match, text, _CAPITALISED_WORD)


def _check_season(match: re.Match[str], text: str) -> bool:
    """Demand a modifier, a preposition or a year of a season; ``the fall of Kabul`` is no season."""
    if _group(match, "y") or _group(match, "y_rel"):
        return True
    if _followed_by(match, text, _OF_NOT_YEAR):
        return False
    modifier = _norm(_group(match, "mod"))
    return bool(_group(match, "prep") or _group(match, "part") or (modifier and modifier != "the"))


def _check_relative_unit(match: re.Match[str], text: str) -> bool:
    """Reject ``the week`` alone, and ``the last week`` in ``the last week of March``."""
    if _followed_by(match, text, _OF):
        return False
    bare_the = _norm(match["mod"]) == "the" and not _group(match, "part")
    within = _norm(_group(match, "prep")) == "within"
    return not bare_the or within or match["unit"].lower() == "weekend"


_AFTER_ORDINAL_DAY = re.compile(
    r"\s*(?:$|[,.;:)!?\u2013\u2014-]|(?:and|or|to|through|until|in|at|when|with|before|after|as|for|during|while|"
    r"where|but|then|of\s+(?:this|next|last|the)\s+month)\b)",
    re.IGNORECASE,
)


# A verb in the past after "on the 4th": "Lee on the 4th paid a state visit"
_PAST_VERB_AFTER = re.compile(
    r"\s{1,3}(?:paid|met|held|made|left|flew|spoke|took|sent|gave|began|told|[a-z]{2,}ed)\b"
)


def _check_ordinal_day(match: re.Match[str], text: str) -> bool:
    """Keep ``on the 20th`` as a date, not ``the 3rd Marine Division`` or ``the 20th century``."""
    if _group(match, "omod") is not None:
        return True  # "the 10th of next month"
    if match[0][:2].lower() == "on" and _followed_by(match, text, _PAST_VERB_AFTER):
        return True
    return _followed_by(match, text, _AFTER_ORDINAL_DAY)


# "in 2007, 2009 and 2010": the years listed after the first one's "in"
_YEAR_LIST_BEFORE = re.compile(
    r"\b(?:in|during)\s{1,3}(?:(?:19|20)\d\d,\s{0,3})*(?:19|20)\d\d(?:,?\s{1,3}(?:and|or)\s{1,3}|,\s{0,3})$",
    re.IGNORECASE,
)


def _check_year(match: re.Match[str], text: str) -> bool:
    """Reject a bare number as a year: ``in 2027``, ``early 2027``, each of ``in 2007, 2009 and 2010``."""
    if _group(match, "prep") or _group(match, "part"):
        return True
    return _YEAR_LIST_BEFORE.search(text, max(0, match.start() - 60), match.start()) is not None


def _check_stretch(match: re.Match[str], text: str) -> bool:
    """Keep ``over the next two days`` and ``in recent days``: a count, or "recent"."""
    # "in the last days of the war" is no stretch; "in the coming days" is read as ahead
    return _group(match, "n2") is not None or _group(match, "n") is not None


def _check_ordinal_pair(match: re.Match[str], text: str) -> bool:
    """Two days of one month in order, ``the 3rd or 4th``; ``and`` only for days that follow each other."""
    first, last = int(match["d1"]), int(match["d2"])
    return first < last and (_norm(_group(match, "to")) != "and" or last == first + 1)


_SCORE_BEFORE = re.compile(r"\d\s{0,3}[-:\u2013]\s{0,3}$")


def _check_day_first(match: re.Match[str], text: str) -> bool:
    """Reject ``1 May`` in ``3-1 May``: a score, not the first of May."""
    return _SCORE_BEFORE.search(text, max(0, match.start() - 8), match.start()) is None


def _check_range(match: re.Match[str], text: str) -> bool:
    """Read ``X and Y`` as a range only after ``between``: ``on Monday and Thursday`` is two days.

    ``X or Y`` is always the span covering both ("May 7 or 8"), as "March or
    April" is both months.
    """
    return _norm(_group(match, "to")) != "and" or _norm(_group(match, "prep")) == "between"


def _check_one_month_range(match: re.Match[str], text: str) -> bool:
    """Two days of one month in order; "11 and 12" is one span when the days follow each other."""
    first, last = int(match["d1"]), int(match["d2"])
    return first < last and (last == first + 1 or _check_range(match, text))


def _check_weekday_range(match: re.Match[str], text: str) -> bool:
    """Two weekdays; "Wednesday and Thursday" as one span when they follow each other."""
    first, last = _WEEKDAY_NUMBERS[match["wd1"].lower()], _WEEKDAY_NUMBERS[match["wd2"].lower()]
    return last == (first + 1) % 7 or _check_range(match, text)


# "Posted 3 days ago": a web page's age, not a time of what it reports
_PAGE_AGE_BEFORE = re.compile(r"\b(?:posted|updated|published|added|edited|modified)\s{1,3}$", re.IGNORECASE)


def _check_ago(match: re.Match[str], text: str) -> bool:
    """Keep ``two weeks ago`` written in lower case, but not a page's age (``Posted 3 Years Ago``)."""
    unit = _group(match, "unit") or _group(match, "unit2") or ""
    if not unit.islower():
        return False
    return _PAGE_AGE_BEFORE.search(text, max(0, match.start() - 12), match.start()) is None


def _check_count(match: re.Match[str], text: str) -> bool:
    return _number(match["n"]) >= 1


# --------------------------------------------------------------------------- the grammar


@attrs.frozen
class _Pattern:
    """One kind of time expression.

    ``cues`` are cheap tests that every match passes: the pattern runs over a
    text only when it holds one word of each of them (a month name and a
    digit for "Jan. 15"), so most sentences skip most patterns. ``written``,
    when given, is one more: words one of which every match holds as
    written, case and all (a month's name capitalised, which the modal "may"
    is not).
    """

    name: str
    regex: re.Pattern[str]
    resolve: _Resolver
    cues: tuple[tuple[str, ...], ...]
    check: _Check | None = None
    written: tuple[str, ...] = ()
    scanner: re.Pattern[str] = attrs.field(
        default=attrs.Factory(lambda pattern: _with_opening_guard(pattern.regex), takes_self=True)
    )
    """``regex`` with a look-ahead at the characters its matches can open with, to search a text
    with: the same matches, found quicker, as most words of a text open with none of them."""


# What every match of a pattern contains, at least one of each cue's words. Cues are
# looked for in the case-folded text, where a case-insensitive match's letters all turn
# up in lower case. tests/test_prefilters.py checks that no match of a pattern lacks its cues.
_CUE_DIGIT = tuple("0123456789")  # the days and years of the patterns are written in these digits
_CUE_YEAR = ("19", "20")  # the years' first digits
# a day's last digit and its ordinal ending: "15th", "21st"
_CUE_ORDINAL = tuple(digit + suffix for digit in "0123456789" for suffix in ("st", "nd", "rd", "th"))
_CUE_MONTH = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# The same as the month patterns take them, capitalised or in capitals ("Jan", "JAN"): a written cue.
_WRITTEN_MONTH = tuple(form for word in _CUE_MONTH for form in (word.capitalize(), word.upper()))
_CUE_DAY = ("day",)  # every weekday's name ends in it
_CUE_SPAN = ("day", "week")
_CUE_OFFSET = ("day", "week", "eve")
_CUE_AHEAD = ("day", "week", "month")
_CUE_RELATIVE_DAY = ("day", "tonight", "tomorrow", "night", "morning", "afternoon", "evening")
_CUE_UNIT = ("week", "month", "year")
_CUE_SEASON = ("spring", "summer", "autumn", "fall", "winter")
_CUE_AGO = ("ago",)


def _opening_class(source: str) -> str | None:
    r"""A character class of what a match of a regular expression can open with, as written; ``None``: any.

    Read off the pattern's syntax: a literal, the characters of a small
    character class or a digit, each alternative's, past optional parts and
    zero-width assertions. A pattern that may match the empty string, or
    open with a broad class (``\w``, ``.``, a negated set), can open with
    anything. Case is as written: ignoring case, the class's "a" is "A" too.

    >>> print(_opening_class(r"\b(?:on\s+)?(?:Mon|Tues)day"))
    [MTo]
    >>> print(_opening_class(r"(?:\d{1,2}|two)\s+days"))
    [\dt]
    >>> _opening_class(r"\w+day") is None
    True
    """
    from re import _parser as parser  # type: ignore[attr-defined]

    opening, may_be_empty = _opening(parser.parse(source))
    return None if opening is None or may_be_empty else f"[{''.join(sorted(opening))}]"


# A character class opens with each of its characters only when it lists a few.
_FEW_CHARACTERS = 64


def _opening(items: Iterable[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    """What a parsed pattern can open with, as a character class's items (``None``: any), and if nothing."""
    from re import _constants as codes  # type: ignore[attr-defined]

    opening: set[str] = set()
    for opcode, value in items:
        options: set[str] | None
        if opcode is codes.LITERAL:
            options, may_be_empty = {re.escape(chr(value))}, False
        elif opcode is codes.IN:
            options, may_be_empty = _class_items(value), False
        elif opcode is codes.SUBPATTERN:
            options, may_be_empty = _opening(value[-1])
        elif opcode is codes.BRANCH:
            options, may_be_empty = set(), False
            for alternative in value[1]:
                alternative_opening, alternative_empty = _opening(alternative)
                if alternative_opening is None:
                    return None, True
                options |= alternative_opening
                may_be_empty = may_be_empty or alternative_empty
        elif opcode in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT):
            low, _, inner = value
            options, may_be_empty = _opening(inner)
            may_be_empty = may_be_empty or low == 0
        elif opcode in (codes.AT, codes.ASSERT, codes.ASSERT_NOT):
            options, may_be_empty = set(), True  # zero width: what follows opens the match
        else:  # any character, a negated literal, a back reference
            return None, True
        if options is None:
            return None, True
        opening |= options
        if not may_be_empty:
            return opening, False
    return opening, True


def _class_items(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """A character class's items, when it lists a few characters and digits and nothing else."""
    from re import _constants as codes  # type: ignore[attr-defined]

    characters: set[int] = set()
    digits = False
    for opcode, value in items:
        if opcode is codes.LITERAL:
            characters.add(value)
        elif opcode is codes.RANGE and value[1] - value[0] < _FEW_CHARACTERS:
            characters.update(range(value[0], value[1] + 1))
        elif opcode is codes.CATEGORY and value is codes.CATEGORY_DIGIT:
            digits = True
        else:
            return None
    if len(characters) > _FEW_CHARACTERS:
        return None
    return {re.escape(chr(character)) for character in characters} | ({r"\d"} if digits else set())


def _with_opening_guard(regex: re.Pattern[str]) -> re.Pattern[str]:
    """``regex`` behind a look-ahead at the characters its matches open with, when they are few.

    The look-ahead is one test of a character, where the pattern would try
    each of its optional leading words in turn: a text's words that open
    with no such character are passed over at once, with the same matches.
    """
    opening = _opening_class(regex.pattern)
    return regex if opening is None else re.compile(f"(?={opening}){regex.pattern}", regex.flags)


def _pattern(
    name: str,
    source: str,
    resolver: _Resolver,
    check: _Check | None = None,
    *,
    cues: tuple[tuple[str, ...], ...],
) -> _Pattern:
    # A pattern that takes a month's name takes it capitalised or in capitals only (_MONTH_ANY and the like).
    written = _WRITTEN_MONTH if _CUE_MONTH in cues else ()
    return _Pattern(name, re.compile(r"\b" + source, re.IGNORECASE), resolver, cues, check, written)


_ON = rf"(?:on{_GAP})?"
# "until March 20", "by April 3": kept with the day, so that "until March" is not read as the month
_DATE_PREP = rf"(?:(?:on|until|till|through|by){_GAP})?"
_RANGE_PREP = rf"(?:(?P<prep>from|between|on){_GAP})?"
# "before the end of the year" is a deadline, as "by the end of the year" is
_BEFORE_THE_END = rf"before(?={_GAP}the{_GAP}end{_GAP}of\b)"
_UNIT_PREP = (
    rf"(?:(?P<prep>in|during|by|until|till|since|over|for|within|through|throughout"
    rf"|{_BEFORE_THE_END}){_GAP})?"
)
_UNIT_MODIFIER = (
    r"(?P<mod>the\s{1,3}(?:current|coming|following|previous|past|next|last)"
    r"|this\s{1,3}(?:coming|past)|this|next|last|the)"
)
_WEEKDAY_MODIFIER = (
    r"(?P<mod>on\s{1,3}(?:this|next|last)|this\s{1,3}(?:coming|past)|this|next|last|coming|past|on)"
)
_DURATION_START = (
    rf"(?:(?:(?P<mod>this\s{{1,3}}coming|this|next|coming|on){_GAP})?(?P<wd>{_WEEKDAY})"
    rf"(?:,?{_GAP}(?P<wm>{_MONTH_ANY})\.?{_GAP}{_day('wd_day')}{_optional_year('wd_year')})?"
    rf"|{_ON}(?P<sm>{_MONTH_ANY})\.?{_GAP}{_day('sd')}{_optional_year('sy')}"
    r"|(?P<rel>today|tomorrow))"
)
# Words that may stand between "a two-day" and "starting": what the span is of,
# never a place ("a two-day visit to Japan starting ..." is a visit and a date).
_DURATION_FILLER = (
    r"official|working|state|formal|informal|bilateral|visit|trip|stay|tour|swing|journey|mission|"
    r"summit|meeting|talks|conference|session|program|programme|series|round|schedule|event|exercise"
)
# What "a day before the summit" counts from: an engagement named by a noun, dated elsewhere.
_EVENT_NOUNS = (
    *("talks", "meeting", "meetings", "summit", "visit", "trip", "call", "conference", "dialogue"),
    *("address", "speech", "ceremony", "inauguration", "session", "consultations", "negotiations"),
    *("exercise", "exercises", "drills", "forum", "signing", "announcement", "election", "vote"),
    *("arrival", "departure", "bilateral", "gathering", "event", "parade"),
)
_EVENT_NOUN = r"(?:" + "|".join(sorted(_EVENT_NOUNS, key=lambda noun: (-len(noun), noun))) + r")(?![a-z])"
_EVENT_REFERENCE = (
    rf"(?:the|their|his|her|its|this|that)(?:\s{{1,3}}[A-Za-z][\w’'.-]{{0,30}}){{0,3}}?\s{{1,3}}{_EVENT_NOUN}"
)
# "the day before," with no clause after it: not "the day before the North fired missiles"
_CLAUSE_END = (
    r"(?!\s{1,3}(?:(?-i:[A-Z])|(?:the|a|an|he|she|they|it|we|his|her|their|its|this|that|these|those)\b))"
)
_RELATION = rf"(?:after|following|before|ahead{_GAP}of|prior{_GAP}to)"
_BEFORE = re.compile(r"\b(?:earlier|before|ahead|prior|previous|eve)\b", re.IGNORECASE)
_DURATION_VERB = rf"{_GAP}(?:starting|beginning|commencing|from)(?:{_GAP}(?:on|from))?{_GAP}"

_PATTERNS: tuple[_Pattern, ...] = (
    _pattern(
        "date",
        rf"{_DATE_PREP}{_weekday_prefix('wd')}(?P<m>{_MONTH_ANY})\.?{_GAP}{_day('d')}{_optional_year('y')}",
        _resolve_date,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "date-day-first",
        rf"{_DATE_PREP}{_weekday_prefix('wd')}(?:the{_GAP})?{_day('d')}{_GAP}(?:of{_GAP})?(?P<m>{_MONTH_ANY})"
        rf"(?:(?:\.?{_YEAR_JOIN}|{_GAP}of{_GAP}){_year_after('y')})?",
        _resolve_date,
        _check_day_first,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "iso-date",
        rf"{_ON}(?P<y>(?:19|20)\d\d)-(?P<mo>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        _resolve_iso,
        cues=(_CUE_YEAR,),
    ),
    _pattern(
        "day-range",
        rf"{_RANGE_PREP}{_weekday_prefix('wd')}(?P<m>{_MONTH_ANY})\.?{_GAP}{_day('d1')}{_TO}{_day('d2')}"
        rf"{_optional_year('y')}",
        _resolve_day_range,
        _check_one_month_range,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "day-range-day-first",
        rf"{_RANGE_PREP}{_day('d1')}{_TO}{_day('d2')}{_GAP}(?:of{_GAP})?(?P<m>{_MONTH_ANY})"
        rf"(?:\.?{_YEAR_JOIN}{_year_after('y')})?",
        _resolve_day_range,
        _check_one_month_range,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "month-day-range",
        rf"{_RANGE_PREP}{_weekday_prefix('wd')}(?P<m1>{_MONTH_ANY})\.?{_GAP}{_day('d1')}"
        rf"(?:{_YEAR_JOIN}{_year('y1')},?)?{_TO}(?P<m2>{_MONTH_ANY})\.?{_GAP}{_day('d2')}{_optional_year('y2')}",
        _resolve_month_day_range,
        _check_range,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "ordinal-day",
        rf"{_ON}the{_GAP}(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?![\w%])"
        rf"(?:{_GAP}of{_GAP}(?P<omod>this|next|last|the){_GAP}month(?![a-z]))?",
        _resolve_ordinal_day,
        _check_ordinal_day,
        cues=(_CUE_ORDINAL,),
    ),
    _pattern(
        "ordinal-day-pair",
        rf"{_RANGE_PREP}the{_GAP}(?P<d1>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th){_TO}(?:the{_GAP})?"
        rf"(?P<d2>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)(?![\w%])",
        _resolve_ordinal_day_pair,
        _check_ordinal_pair,
        cues=(_CUE_ORDINAL,),
    ),
    _pattern(
        "ordinal-day-range",
        rf"{_RANGE_PREP}the{_GAP}{_day('d1')}{_TO}(?P<m>{_MONTH_ANY})\.?{_GAP}{_day('d2')}{_optional_year('y')}",
        _resolve_ordinal_day_range,
        _check_range,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "ahead",
        rf"(?:(?P<prep>in|within){_GAP}(?:(?P<vague>a{_GAP}couple{_GAP}of|(?:a|the{_GAP}next){_GAP}few"
        rf"|(?:the{_GAP}next{_GAP})?several|(?:the{_GAP})?(?:up)?coming)|(?P<n>a|an|{_NUMBER}))"
        rf"{_GAP}|over{_GAP}(?P<vague2>the{_GAP}(?:up)?coming){_GAP}|(?P<prep2>within){_GAP})"
        rf"(?P<unit>days?|weeks?|months?)(?:['’]s?{_GAP}time|{_GAP}time|{_GAP}from{_GAP}now)?(?![a-z])",
        _resolve_ahead,
        cues=(_CUE_AHEAD,),
    ),
    _pattern(
        "stretch",
        rf"(?P<prep>in|over|during|for|within|throughout){_GAP}(?:the{_GAP}(?P<dir>next|coming|past|last|previous)"
        rf"(?:{_GAP}(?P<n>{_NUMBER}|few|several|couple{_GAP}of))?|(?P<n2>recent))"
        rf"{_GAP}(?P<unit>days|weeks|months)(?![a-z])",
        _resolve_stretch,
        _check_stretch,
        cues=(_CUE_AHEAD,),
    ),
    _pattern(
        "day-offset",
        rf"(?:the{_GAP}(?:following|next|previous){_GAP}day|(?P<n>a|an|{_NUMBER}){_GAP}(?P<unit>days?|weeks?){_GAP}"
        rf"(?:later|earlier|{_RELATION}{_GAP}{_EVENT_REFERENCE}|afterwards?|(?:after|before)(?:{_GAP}that|{_CLAUSE_END}))"
        rf"|the{_GAP}(?P<unit2>day|week){_GAP}(?:{_RELATION}{_GAP}{_EVENT_REFERENCE}|(?:after|before)(?:{_GAP}that|{_CLAUSE_END}))"
        rf"|(?:on{_GAP})?the{_GAP}eve{_GAP}of{_GAP}{_EVENT_REFERENCE}"
        rf"|(?P<same>(?:(?:in|on){_GAP}the{_GAP}(?:morning|afternoon|evening){_GAP}of{_GAP})?(?:the|that){_GAP}same{_GAP}day"
        rf"|(?:later|earlier){_GAP}that{_GAP}(?:day|morning|afternoon|evening)|that{_GAP}day"
        rf"|(?:later|earlier){_GAP}in{_GAP}the{_GAP}day))(?![a-z])",
        _resolve_offset,
        cues=(_CUE_OFFSET,),
    ),
    _pattern(
        "dated-offset",
        rf"(?:(?:on{_GAP})?the{_GAP}eve{_GAP}of|(?P<n>a|an|the|{_NUMBER}){_GAP}(?P<unit>days?|weeks?){_GAP}{_RELATION})"
        rf"{_GAP}(?:(?:the|their|his|her|its){_GAP}(?:(?:[A-Za-z][\w’'.-]{{0,30}}{_GAP}){{1,4}}?(?:on|of){_GAP})?)?"
        rf"(?P<m>{_MONTH_ANY})\.?{_GAP}{_day('d')}{_optional_year('y')}"
        rf"(?:{_GAP}(?:[A-Za-z][\w’'.-]{{0,30}}{_GAP}){{0,2}}?{_EVENT_NOUN})?",
        _resolve_dated_offset,
        cues=(_CUE_MONTH, _CUE_DIGIT),
    ),
    _pattern(
        "weekday",
        rf"(?:{_WEEKDAY_MODIFIER}{_GAP})?(?:(?:early|late){_GAP})?(?P<wd>{_WEEKDAY})"
        rf"(?:{_GAP}(?:morning|afternoon|evening|night))?",
        _resolve_weekday,
        cues=(_CUE_DAY,),
    ),
    _pattern(
        "weekday-range",
        rf"{_RANGE_PREP}(?:(?P<mod>this\s{{1,3}}coming|this|next|last|coming){_GAP})?"
        rf"(?P<wd1>{_WEEKDAY}){_TO}(?P<wd2>{_WEEKDAY})",
        _resolve_weekday_range,
        _check_weekday_range,
        cues=(_CUE_DAY,),
    ),
    _pattern(
        "duration",
        rf"(?:for{_GAP})?(?P<n>{_NUMBER}){_GAP}(?P<unit>days|day|weeks|week)(?![a-z]){_DURATION_VERB}{_DURATION_START}",
        _resolve_duration,
        _check_count,
        cues=(_CUE_SPAN,),
    ),
    _pattern(
        "duration-adjective",
        rf"(?:(?:a|an|the|his|her|their|its){_GAP})?(?P<n>{_NUMBER})(?:-|{_GAP})(?P<unit>day|week)(?![a-z])"
        rf"(?:{_GAP}(?:{_DURATION_FILLER}),?){{0,4}}?{_DURATION_VERB}{_DURATION_START}",
        _resolve_duration,
        _check_count,
        cues=(_CUE_SPAN,),
    ),
    _pattern(
        "weekday-of-week",
        rf"(?:on{_GAP})?(?P<wd>{_WEEKDAY})(?:{_GAP}(?:morning|afternoon|evening|night))?{_GAP}(?:of{_GAP})?"
        rf"(?P<wmod>this|next|last){_GAP}week(?![a-z'’])"
        rf"|(?P<wmod2>this|next|last){_GAP}week,?{_GAP}on{_GAP}(?P<wd2>{_WEEKDAY})",
        _resolve_weekday_of_week,
        cues=(_CUE_DAY, _CUE_UNIT),
    ),
    _pattern(
        "ago",
        rf"(?:(?P<vague>a{_GAP}couple{_GAP}of|a{_GAP}few|several){_GAP}(?P<unit>days|weeks|months)"
        rf"|(?P<n>a|an|{_NUMBER}){_GAP}(?P<unit2>days?|weeks?|months?|years?)){_GAP}(?-i:ago)(?![a-z])",
        _resolve_ago,
        _check_ago,
        cues=(_CUE_AGO,),
    ),
    _pattern(
        "duration-until",
        rf"(?:(?:a|an|the|his|her|their|its){_GAP})?(?P<n>{_NUMBER})(?:-|{_GAP})(?P<unit>day|week)(?![a-z])"
        rf"(?:{_GAP}(?:{_DURATION_FILLER})){{1,3}},?{_GAP}(?:(?:which|that){_GAP})?"
        rf"(?:(?:runs|lasts|continues|ends){_GAP})?(?P<until>until|through|till){_GAP}{_DURATION_START}",
        _resolve_duration,
        _check_count,
        cues=(_CUE_SPAN,),
    ),
    _pattern(
        "relative-day",
        r"(?P<rel>the\s{1,3}day\s{1,3}(?:before\s{1,3}yesterday|after\s{1,3}tomorrow)"
        r"|(?:earlier|later)\s{1,3}today|today|tonight|yesterday|tomorrow|last\s{1,3}night"
        r"|this\s{1,3}(?:morning|afternoon|evening))(?![a-z])",
        _resolve_relative_day,
        cues=(_CUE_RELATIVE_DAY,),
    ),
    _pattern(
        "relative-unit",
        rf"{_UNIT_PREP}(?:(?P<part>{_PART}))?{_UNIT_MODIFIER}{_GAP}(?P<unit>weekend|week|month|year)(?![a-z])",
        _resolve_relative_unit,
        _check_relative_unit,
        cues=(_CUE_UNIT,),
    ),
    _pattern(
        "month",
        rf"(?:(?P<prep>in|during|since|until|till|by|through|throughout|{_BEFORE_THE_END}){_GAP})?"
        rf"(?:(?P<mod>this\s{{1,3}}(?:coming|past)|this|next|last){_GAP})?(?:(?P<part>{_PART}))?"
        rf"(?P<m>{_MONTH_FULL})(?:(?:,?{_GAP}|{_GAP}of{_GAP}){_year_after('y')})?",
        _resolve_month,
        _check_month,
        cues=(_CUE_MONTH,),
    ),
    _pattern(
        "week-of-month",
        rf"(?:(?P<prep>in|during|by|within){_GAP})?(?:the{_GAP})?(?P<nth>first|second|third|fourth|last|final){_GAP}"
        rf"week{_GAP}of{_GAP}(?P<m>{_MONTH_FULL})(?:(?:,?{_GAP}|{_GAP}of{_GAP}){_year_after('y')})?",
        _resolve_week_of_month,
        cues=(_CUE_MONTH, _CUE_UNIT),
    ),
    _pattern(
        "week-of-day",
        rf"(?:(?:in|during){_GAP})?the{_GAP}week{_GAP}of{_GAP}(?:the{_GAP}(?P<od>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)"
        rf"(?![\w%])|(?P<m>{_MONTH_ANY})\.?{_GAP}{_day('d')}{_optional_year('y')})",
        _resolve_week_of_day,
        cues=(_CUE_DIGIT, _CUE_UNIT),
    ),
    _pattern(
        "abbreviated-month-year",
        rf"(?:(?P<prep>in|during|since|until|till|by){_GAP})?(?P<m>{_MONTH_ABBR})\.?,?{_GAP}{_year('y')}",
        _resolve_month,
        cues=(_CUE_MONTH, _CUE_YEAR),
    ),
    _pattern(
        "month-alternatives",
        rf"(?:(?:in|during|between|from|by|until|till|since){_GAP})?(?:(?P<part1>{_PART}))?(?P<m1>{_MONTH_FULL})"
        rf"(?:{_DASH}|{_GAP}(?:or|and|to|through|until|till|into){_GAP})(?:(?P<part2>{_PART}))?"
        rf"(?P<m2>{_MONTH_FULL})(?:(?:,?{_GAP}|{_GAP}of{_GAP}){_year_after('y')})?",
        _resolve_month_alternatives,
        cues=(_CUE_MONTH,),
    ),
    _pattern(
        "season",
        rf"(?:(?P<prep>in|during|by|until|till|since|through|throughout|over|for){_GAP})?(?:(?P<part>{_PART}))?"
        rf"(?:(?P<mod>th(?:is|e)\s{{1,3}}(?:coming|past)|this|next|last|the){_GAP})?(?P<season>{_SEASON})"
        rf"(?:{_GAP}(?:or|and|to|into|through){_GAP}(?:the{_GAP})?(?P<season2>{_SEASON}))?"
        rf"(?:(?:,?{_GAP}|{_GAP}of{_GAP}){_year_after('y')})?",
        _resolve_season,
        _check_season,
        cues=(_CUE_SEASON,),
    ),
    _pattern(
        "year",
        rf"(?:(?P<prep>in|during|until|till|since|through|throughout){_GAP})?(?:(?P<part>{_PART}))?"
        r"(?P<y>(?:19|20)\d\d)(?![\w%]|[.:,]\d|-\d)",
        _resolve_year,
        _check_year,
        cues=(_CUE_YEAR,),
    ),
)


# --------------------------------------------------------------------------- public functions


def find_time_expressions(text: str, scanned: str | None = None) -> list[TimeMention]:
    """Find all candidate time expressions in ``text``, in order and non-overlapping.

    Where candidates overlap the longest wins ("Thursday, Jan. 15" over
    "Thursday", "three days starting this Thursday" over "this Thursday").
    Leading prepositions that belong to the expression stay in it ("on
    Thursday", "in March", "from Thursday through Saturday"). Month names
    count only when capitalised, so "troops march" is no date; "May" needs a
    day, a year or a word such as "in", "early", "this" or "of" before it.

    :param scanned: the text's :func:`~alliancekit.literals.scanned_if_ascii`,
        when the caller has it already; found here otherwise.

    >>> text = "Officials may meet on Thursday, Jan. 15, or in March or April."
    >>> [m.text for m in find_time_expressions(text)]
    ['on Thursday, Jan. 15', 'in March or April']
    >>> find_time_expressions("The 36th Wing grew 22% over three days.")
    []
    """
    candidates: set[tuple[int, int]] = set()
    for pattern in _patterns_for(text, scanned):
        for match in pattern.scanner.finditer(text):
            if pattern.check is None or pattern.check(match, text):
                candidates.add(match.span())
    if not candidates:
        return []
    taken = bytearray(len(text))
    chosen: list[tuple[int, int]] = []
    for start, end in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
        if taken.find(1, start, end) == -1:
            taken[start:end] = b"\x01" * (end - start)
            since = _SINCE_BEFORE.search(text, max(0, start - 9), start)
            chosen.append((since.start() if since else start, end))  # "since Thursday"
    frames = _frame_years(text, loose=False) if _YEAR_DIGITS.search(text) else []
    mentions = []
    for start, end in sorted(chosen):
        written = text[start:end]
        year = None if _YEAR_DIGITS.search(written) else _nearest_frame(frames, start, end)
        mentions.append(TimeMention(start, end, written, year))
    return mentions


def stated_year(text: str) -> int | None:
    """The last year a passage states as the frame of what it reports, or ``None``.

    Counted: a year opening a sentence ("In 2019, ..."), one qualifying a
    noun ("the 2019 summit", "2019's talks"), the year of a full date
    ("June 27, 2019") and "in 2019". Use it for a day written without a year
    when the document has no publication date and the sentences before it,
    in the same paragraph, state the year.

    >>> stated_year("The leaders first met in 2019. Trade was on the agenda.")
    2019
    >>> stated_year("They met on Monday.") is None
    True
    """
    frames = _frame_years(text, loose=True) if _YEAR_DIGITS.search(text) else []
    return frames[-1][2] if frames else None


_YEAR_DIGITS = re.compile(r"(?:19|20)\d\d")
_SINCE_BEFORE = re.compile(r"\bsince\s{1,3}$", re.IGNORECASE)
_FRAME_YEAR = re.compile(
    rf"(?:(?:^|[.!?]\s{{1,3}})[\"“‘(]?(?:back{_GAP})?(?:in|during|throughout){_GAP}(?:{_MONTH_FULL}{_GAP})?"
    rf"(?P<opening>{_YEAR}),"
    rf"|\b(?:the|a|an|its|their|his|her|this|that){_GAP}(?P<adjective>{_YEAR}){_GAP}(?=[A-Za-z])"
    rf"|\b(?P<possessive>{_YEAR})['’]s\b"
    rf"|{_MONTH_ANY}\.?{_GAP}{_DAY_NUMBER},?{_GAP}(?P<date>{_YEAR})"
    rf"|{_DAY_NUMBER}{_GAP}{_MONTH_ANY}\.?,?{_GAP}(?P<day_first>{_YEAR})"
    rf"|\bin{_GAP}(?P<loose>{_YEAR}))",
    re.IGNORECASE,
)


def _frame_years(text: str, *, loose: bool) -> list[tuple[int, int, int]]:
    """The frame years of ``text`` as (start, end, year), in order; "in 2019" only when ``loose``."""
    frames = []
    for match in _FRAME_YEAR.finditer(text):
        name = match.lastgroup
        if name is None or (name == "loose" and not loose):
            continue
        frames.append((match.start(name), match.end(name), int(match[name])))
    return frames


def _nearest_frame(frames: list[tuple[int, int, int]], start: int, end: int) -> int | None:
    """The frame year nearest a mention: the last one before it, else the first after it."""
    before = [year for first, last, year in frames if last <= start]
    if before:
        return before[-1]
    return next((year for first, last, year in frames if first >= end), None)


def _phrase_masks(
    patterns: Iterable[_Pattern],
) -> tuple[
    ahocorasick.Automaton,
    tuple[tuple[_Pattern, tuple[int, ...]], ...],
    tuple[tuple[tuple[str, ...], int, int], ...],
]:
    """The automaton finding the words a pattern's matches hold, each pattern's sets, the written cues.

    A pattern's sets are its cues and the phrases of
    :func:`~alliancekit.literals.required_literals`, each a bit mask of the
    words the automaton reports, and its written cue, a bit of its own. Each
    written cue comes with the mask of its words in lower case, which the
    scanned text holds wherever the text holds them as written, and its bit.
    """
    bits: dict[str, int] = {}

    def mask(options: Iterable[str]) -> int:
        return functools.reduce(operator.or_, (1 << bits.setdefault(word, len(bits)) for word in options))

    patterns = tuple(patterns)
    word_masks = [
        tuple(map(mask, (*pattern.cues, *(required_literals(pattern.regex) or ())))) for pattern in patterns
    ]
    lowered = {
        pattern.written: mask(word.lower() for word in pattern.written)
        for pattern in patterns
        if pattern.written
    }
    # Every word the automaton looks for has its bit now: each written cue takes one after them.
    written = tuple(
        (cue, lower, 1 << (len(bits) + number)) for number, (cue, lower) in enumerate(lowered.items())
    )
    bit_of = {cue: bit for cue, _, bit in written}
    masked = tuple(
        (pattern, (*masks, *((bit_of[pattern.written],) if pattern.written else ())))
        for pattern, masks in zip(patterns, word_masks, strict=True)
    )
    automaton = ahocorasick.Automaton()
    for word, index in bits.items():
        automaton.add_word(word, 1 << index)
    automaton.make_automaton()
    return automaton, masked, written


_WORDS, _PATTERN_MASKS, _WRITTEN_CUES = _phrase_masks(_PATTERNS)


def _holds(folded: str, cue: tuple[str, ...]) -> bool:
    """Whether the case-folded text holds one of a cue's words (a written cue's: the text as written)."""
    return any(word in folded for word in cue)


def _patterns_for(text: str, scanned: str | None = None) -> tuple[_Pattern, ...]:
    """The patterns that can match in ``text``: those whose cues and required phrases it holds.

    The phrases each match of a pattern holds
    (:func:`~alliancekit.literals.required_literals`: "next week" or "last
    year" in "early next year") and its cues are found in one Aho-Corasick
    pass over the scanned text (``scanned``, when the caller has it); in a
    text with a word character beyond ASCII, whose case folding the scanned
    text may not follow, only the cues are asked, of the case-folded text.
    """
    if scanned is None:
        scanned = scanned_if_ascii(text)
    if scanned is None:
        folded = text.casefold()
        return tuple(
            pattern
            for pattern in _PATTERNS
            if all(_holds(folded, cue) for cue in pattern.cues)
            and (not pattern.written or _holds(text, pattern.written))
        )
    found = 0
    for _, bit in _WORDS.iter(scanned):
        found |= bit
    for cue, lowered, bit in _WRITTEN_CUES:  # "May" as well as "may": only then is it looked for as written
        if found & lowered and _holds(text, cue):
            found |= bit
    chosen = _PATTERNS_OF_WORDS.get(found)
    if chosen is None:
        chosen = tuple(pattern for pattern, masks in _PATTERN_MASKS if all(found & mask for mask in masks))
        if len(_PATTERNS_OF_WORDS) < _REMEMBERED_WORD_SETS:
            _PATTERNS_OF_WORDS[found] = chosen
    return chosen


# The patterns each set of words found lets run (bit masks as _WORDS reports them), remembered for
# the sets seen: sentences hold few of the words, so few sets turn up.
_REMEMBERED_WORD_SETS = 50_000
_PATTERNS_OF_WORDS: dict[int, tuple[_Pattern, ...]] = {}


_DAY_OFFSET = next(pattern for pattern in _PATTERNS if pattern.name == "day-offset")


def day_offset(expression: str) -> int | None:
    """How many days after another date of the text an expression such as "two days later" lies.

    Such expressions count from the date of an earlier event in the text, not
    from the publication date, so :func:`resolve` leaves them unresolved;
    ``None`` when ``expression`` is not one of them.

    >>> day_offset("the following day"), day_offset("Two days later"), day_offset("later that day")
    (1, 2, 0)
    >>> day_offset("that day"), day_offset("A day earlier"), day_offset("the day before the talks")
    (0, -1, -1)
    >>> day_offset("on Monday") is None
    True
    """
    match = _DAY_OFFSET.regex.fullmatch(expression.strip())
    if match is None:
        return None
    if _group(match, "same") is not None:
        return 0
    return _offset_days(match)


def resolve(
    expression: str, anchor: dt.date | None, direction: Direction = "forward", year: int | None = None
) -> TimeSpan | None:
    """Resolve one expression, as found by :func:`find_time_expressions`, to a :class:`TimeSpan`.

    :param expression: the expression; the span's ``text`` is this string unchanged.
    :param anchor: the publication date. ``None`` leaves relative expressions
        ("Thursday", "next month", "this spring", "Jan. 16") unresolved, while
        expressions with a year ("March 10, 2022", "2026-01-15", "in March
        2024") still resolve. A :class:`datetime.datetime` counts as its date.
    :param direction: ``"forward"`` for planned events, ``"backward"`` for
        events that occurred. Weekdays go to the nearest one on or after
        (before) the anchor; months and seasons without a year to the next
        (most recent) occurrence, the current one included; a day without a
        year goes to the year that puts it nearest the anchor, the direction
        deciding near-ties. "last"/"next" always look strictly back/ahead.
    :param year: the year the surrounding text states for the event ("In
        2019, ... on June 28", "the 2019 summit ... on March 3"), as
        :attr:`TimeMention.year` carries it. A day, month or season written
        without a year or a relative word is read in it, also without an
        anchor; with one, only when the direction allows (a planned event is
        not put in a year already past, nor an occurred one in a year to come).
        "since Thursday", resolved backward, runs from that day to the anchor.
    :returns: the span, unresolved when the expression needs an anchor or
        names an impossible date, or ``None`` when it is no time expression.

    Results are cached, so calling this once per event is cheap.

    >>> import datetime as dt
    >>> tuesday = dt.date(2026, 1, 13)
    >>> resolve("this Thursday", tuesday).start
    datetime.date(2026, 1, 15)
    >>> span = resolve("March or April", tuesday)
    >>> span.start, span.end, span.granularity.value
    (datetime.date(2026, 3, 1), datetime.date(2026, 4, 30), 'month')
    >>> span = resolve("by the end of the year", tuesday)
    >>> span.start, span.end
    (datetime.date(2026, 1, 13), datetime.date(2026, 12, 31))
    >>> resolve("on Tuesday", tuesday, "backward").start
    datetime.date(2026, 1, 13)
    >>> resolve("Thursday", None)
    TimeSpan(start=None, end=None, granularity=None, text='Thursday')
    >>> resolve("March 10, 2022", None).start
    datetime.date(2022, 3, 10)
    >>> resolve("officials may meet", tuesday) is None
    True
    >>> resolve("on June 28", None, "backward", year=2019).start
    datetime.date(2019, 6, 28)
    """
    if direction not in ("forward", "backward"):
        raise ValueError(f"direction must be 'forward' or 'backward', got {direction!r}")
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    return _resolve_cached(expression, anchor, direction, year)


@functools.lru_cache(maxsize=8192)
def _resolve_cached(
    expression: str, anchor: dt.date | None, direction: Direction, year: int | None = None
) -> TimeSpan | None:
    candidate = expression.strip()
    if not candidate or len(candidate) > 200:
        return None
    since = _SINCE.match(candidate)
    if since is not None and since.end() < len(candidate):
        candidate = candidate[since.end() :]  # "since March": from March on
    for pattern in _PATTERNS:
        match = pattern.regex.fullmatch(candidate)
        if match is None:
            continue
        if year is not None and _takes_stated_year(pattern, match, anchor, direction, year):
            match = pattern.regex.fullmatch(f"{candidate}, {year}") or match
        try:
            span = pattern.resolve(match, anchor, direction)
        except (ValueError, OverflowError, StopIteration, IndexError, _NeedsAnchorError):
            span = None  # an impossible date ("Feb. 30, 2026") or one off the calendar
        if span is None or span[1] < span[0]:
            return TimeSpan.unresolved(expression)
        start, end, granularity = span
        if anchor is not None and _BY_THE_END.match(candidate) and anchor <= end:
            start = anchor  # "by the end of the month": any time from now until then
        if since is not None and anchor is not None and direction == "backward" and start <= anchor:
            end = max(end, anchor)  # "has been in Manila since Thursday": until now
        return TimeSpan(start, end, granularity, expression)
    return None


_BY_THE_END = re.compile(r"(?:by|before)\s+the\s+end\s+of\b", re.IGNORECASE)
_SINCE = re.compile(r"since\s{1,3}", re.IGNORECASE)
# Patterns naming a day, month or season that a year written after them completes ("June 28, 2019").
_YEAR_COMPLETES = frozenset(
    (
        *("date", "date-day-first", "day-range", "day-range-day-first", "month-day-range"),
        *("ordinal-day-range", "month", "month-alternatives", "week-of-month", "season", "dated-offset"),
        "week-of-day",
    )
)


def _takes_stated_year(
    pattern: _Pattern, match: re.Match[str], anchor: dt.date | None, direction: Direction, year: int
) -> bool:
    """Whether an expression is read in the year its text states elsewhere ("In 2019, ... on June 28").

    Only a day, month or season written without a year or a relative word
    ("next March", "this spring") takes it, and only a year on the side of
    the anchor the direction allows: a plan is not dated in a past year.
    """
    if pattern.name not in _YEAR_COMPLETES:
        return False
    if any(_group(match, name) for name in ("y", "y_rel", "y1", "y1_rel", "y2", "y2_rel")):
        return False
    if _norm(_group(match, "mod")) not in ("", "the"):
        return False
    if anchor is None:
        return True
    return year >= anchor.year if direction == "forward" else year <= anchor.year


# --------------------------------------------------------------------------- what an article says of itself

_TOP_CHARS = 10_000
_TIMESTAMP_LINES = 15
_DATELINE_LINES = 10
_SHORT_LINE = 200

_FULL_DATE = (
    rf"(?P<date>{_MONTH_ANY}\.?{_GAP}{_DAY_NUMBER}{_YEAR_JOIN}{_YEAR}"
    rf"|{_DAY_NUMBER}{_GAP}(?:of{_GAP})?{_MONTH_ANY}\.?{_YEAR_JOIN}{_YEAR}"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d))"
)
_TIME = (
    r"(?:(?P<h>[01]?\d|2[0-3])[:.](?P<mi>[0-5]\d)(?::[0-5]\d(?:\.\d{1,6})?)?"
    r"(?:\s{0,2}(?P<ap>[ap])\.?\s?m(?![a-z])\.?)?"
    r"|(?P<h2>1[0-2]|0?[1-9])\s{0,2}(?P<ap2>[ap])\.?\s?m(?![a-z])\.?)"
)
_ZONE = (
    r"(?:\s{0,2}\(?(?-i:(?:UTC|GMT)(?:\s?[+-]\s?\d{1,2}(?::?\d\d)?)?|[A-Z]{2,5}|Z)\)?"
    r"|\s{0,2}[+-]\d\d:?\d\d)?"
)
_DAY_OF_WEEK = rf"(?:{_WEEKDAY},?{_GAP})?"
_TIME_FIRST = rf"{_TIME}{_ZONE},?{_GAP}(?:on{_GAP})?{_DAY_OF_WEEK}{_FULL_DATE}"
_DATE_TIME_JOIN = rf"(?:,?{_GAP}(?:at{_GAP})?|\s{{0,3}}[|\u00b7\u2022\u2013\u2014/-]\s{{0,3}}(?:at{_GAP})?|T)"
_DATE_FIRST = rf"{_DAY_OF_WEEK}{_FULL_DATE}{_DATE_TIME_JOIN}{_TIME}{_ZONE}"
_LABEL = (
    r"(?:(?:(?:first|last)\s{1,3})?(?:published|updated|posted|modified|released|issued)"
    r"(?:\s{1,3}(?:on|at))?|dated|date)\s{0,3}[:|-]?\s{0,3}"
)
_EDGE = r"[\W_]{0,6}"


def _line_pattern(body: str) -> re.Pattern[str]:
    return re.compile(rf"{_EDGE}(?:{_LABEL})?{body}{_EDGE}", re.IGNORECASE)


_DATE_ONLY = rf"{_DAY_OF_WEEK}{_FULL_DATE}"
_TIMESTAMP_LINE_PATTERNS = tuple(_line_pattern(body) for body in (_TIME_FIRST, _DATE_FIRST, _DATE_ONLY))
_TIMESTAMP_SEARCH_PATTERNS = tuple(
    re.compile(body, re.IGNORECASE) for body in (_TIME_FIRST, _DATE_FIRST, rf"\b{_LABEL}{_DATE_ONLY}")
)


_YEAR_IN_LINE = re.compile(r"(?:19|20)\d\d")


def _timestamp_from(match: re.Match[str]) -> dt.datetime | None:
    span = _resolve_cached(" ".join(match["date"].split()), None, "backward")
    if span is None or span.start is None:
        return None
    hour_text, ampm = _group(match, "h") or _group(match, "h2"), _group(match, "ap") or _group(match, "ap2")
    hour = int(hour_text) if hour_text else 0
    minute = int(_group(match, "mi") or 0)
    if ampm and hour <= 12:
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    return dt.datetime(span.start.year, span.start.month, span.start.day, hour, minute)


def _top_lines(text: str, count: int) -> list[str]:
    """The first ``count`` lines of the top of ``text`` that are not blank, stripped."""
    lines = (line.strip() for line in text[:_TOP_CHARS].splitlines())
    return list(itertools.islice(filter(None, lines), count))


def read_timestamp(text: str) -> dt.datetime | None:
    r"""Read a publication timestamp printed near the top of an article, or ``None``.

    Only the first 15 non-blank lines count. A line that is nothing but a
    timestamp wins ("16:35 JST, March 10, 2022", "Published: 2024-06-04
    09:12", "Updated June 4, 2024", "June 4, 2024 at 9:12 a.m."); failing
    that, a short line holding a date with a time of day or a "Published"
    label. Dates in running sentences and dates without a day ("in February
    2017") never count. The time zone is dropped: the result is naive, in
    the local time printed.

    >>> read_timestamp("Flags seen in Washington in February 2017.\n16:35 JST, March 10, 2022\nTalks...")
    datetime.datetime(2022, 3, 10, 16, 35)
    >>> read_timestamp("Officials met on March 3, 2022 to talk.") is None
    True
    """
    fallback: dt.datetime | None = None
    for line in _top_lines(text, _TIMESTAMP_LINES):
        if _YEAR_IN_LINE.search(line) is None:
            continue  # every timestamp pattern needs a full date, hence a year
        for pattern in _TIMESTAMP_LINE_PATTERNS:
            match = pattern.fullmatch(line)
            stamp = _timestamp_from(match) if match else None
            if stamp is not None:
                return stamp
        if fallback is None and len(line) <= _SHORT_LINE:
            for pattern in _TIMESTAMP_SEARCH_PATTERNS:
                match = pattern.search(line)
                fallback = _timestamp_from(match) if match else None
                if fallback is not None:
                    break
    return fallback


_DATELINE = re.compile(
    r"(?P<place>(?-i:[A-Z](?:[A-Za-z.'\u2019]|-(?!-)){0,24}(?: [A-Z](?:[A-Za-z.'\u2019]|-(?!-)){0,24}){0,3}))"
    r"(?:/(?-i:[A-Z][A-Za-z.'\u2019-]{0,24}(?: [A-Z][A-Za-z.'\u2019-]{0,24}){0,2}))?"  # "MANILA/WASHINGTON"
    r"(?P<dc>,\s{0,2}(?-i:D\.\s?C\.))?"
    rf"(?:,{_GAP}(?P<md>{_MONTH_ANY}\.?{_GAP}{_DAY_NUMBER}))?"
    r"(?:\s{0,3}\((?P<agency>(?-i:[A-Z])[\w .&/'\u2019-]{0,40})\))?"
    r"(?P<sep>\s{0,3}(?:--|[-\u2013\u2014:])(?=\s|$)|(?:--|\u2014)(?=(?-i:[A-Z])))?",  # "WASHINGTON--The"
    re.IGNORECASE,
)
_NOT_PLACES = frozenset(
    (
        *("also", "and", "as", "at", "but", "by", "earlier", "from", "however", "in", "last", "later"),
        *("meanwhile", "next", "on", "since", "so", "the", "then", "this", "until"),
    )
)

# Words of outlet names, which a line like "KYODO NEWS - Apr 24" prints where a dateline's place would be.
_MEDIA_WORDS = frozenset(
    (
        *("news", "press", "agency", "times", "post", "herald", "journal", "wire", "media", "shimbun"),
        *("daily", "tribune", "broadcasting", "tv", "radio", "gazette", "reporter", "newswire"),
    )
)


def read_dateline(text: str) -> Dateline | None:
    r"""Read the wire dateline opening one of the first paragraphs, or ``None``.

    Recognised: ``Washington, Jan 17 (IANS)``, ``TOKYO, May 3 (Kyodo) --``,
    ``SEOUL, Feb. 2 (Yonhap) --``, ``MANILA (Reuters) -``, ``WASHINGTON —``.
    A line counts when the place is followed by a date, or by an agency and a
    dash, or is printed in capitals and followed by a dash.

    >>> read_dateline("US, Japan talk\n\nTOKYO, May 3 (Kyodo) -- Japan and ...")
    Dateline(place='Tokyo', month_day='May 3', agency='Kyodo', text='TOKYO, May 3 (Kyodo) --')
    >>> read_dateline("MANILA (Reuters) - The Philippines ...").agency
    'Reuters'
    >>> read_dateline("In Washington, Campbell met Okano.") is None
    True
    >>> read_dateline("ASIA WIRE NEWS - Mar 2, 2026 - 09:15") is None
    True
    """
    for line in _top_lines(text, _DATELINE_LINES):
        match = _DATELINE.match(line)
        if match is None:
            continue
        place, month_day, agency = match["place"], _group(match, "md"), _group(match, "agency")
        if place.split()[0].lower() in _NOT_PLACES or _MEDIA_WORDS.intersection(place.lower().split()):
            continue  # "KYODO NEWS - Apr 24, 2026": the outlet's name over a timestamp, not a place
        capitals = place.isupper() and len(place) > 2
        if not (month_day or (agency and (match["sep"] or capitals)) or (capitals and match["sep"])):
            continue
        place = place + (", D.C." if match["dc"] else "")
        return Dateline(
            place=place.title() if capitals else place,
            month_day=" ".join(month_day.split()) if month_day else None,
            agency=agency.strip() if agency else None,
            text=match[0].strip(),
        )
    return None
