"""Tests for alliancekit.temporal: finding, resolving and reading article timestamps and datelines."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancekit import temporal
from alliancekit.model import Granularity, TimeSpan
from alliancekit.temporal import (
    Dateline,
    Direction,
    TimeMention,
    day_offset,
    find_time_expressions,
    read_dateline,
    read_timestamp,
    resolve,
    stated_year,
)

D = dt.date
TUESDAY = D(2026, 1, 13)  # AP seed: published on a Tuesday
THURSDAY = D(2022, 3, 10)  # Japan News seed: timestamped on a Thursday
SATURDAY = D(2026, 1, 17)  # IANS seed: published on a Saturday
SUNDAY = D(2026, 1, 18)
MID_MARCH = D(2026, 3, 15)  # a Sunday

DAY, WEEK, MONTH, SEASON, YEAR = (
    Granularity.DAY,
    Granularity.WEEK,
    Granularity.MONTH,
    Granularity.SEASON,
    Granularity.YEAR,
)


def texts(text: str) -> list[str]:
    return [mention.text for mention in find_time_expressions(text)]


def span_of(expression: str, anchor: dt.date | None, direction: Direction = "forward") -> tuple[object, ...]:
    span = resolve(expression, anchor, direction)
    assert span is not None, f"{expression!r} is not recognised"
    return span.start, span.end, span.granularity


def test_anchor_dates_fall_on_the_weekdays_the_tables_assume() -> None:
    assert [TUESDAY.weekday(), THURSDAY.weekday(), SATURDAY.weekday(), SUNDAY.weekday()] == [1, 3, 5, 6]
    assert MID_MARCH.weekday() == 6


# --------------------------------------------------------------------------- finding


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks are on Jan. 16 in Tokyo.", ["on Jan. 16"]),
        ("On January 15, Oue visited Camp Blaz.", ["On January 15"]),
        ("He met Katayama on January 12.", ["on January 12"]),
        ("Talks on 16 January and Sept. 3.", ["on 16 January", "Sept. 3"]),
        (
            "Signed January 16, 2026 and Jan. 16, 2026 and 2026-01-16.",
            ["January 16, 2026", "Jan. 16, 2026", "2026-01-16"],
        ),
        ("Washington, Jan 17 (IANS) The United States", ["Jan 17"]),
        ("Meetings Jan. 15-17 and January 15 to 17.", ["Jan. 15-17", "January 15 to 17"]),
        ("From Jan. 15 through Jan. 17 they met.", ["From Jan. 15 through Jan. 17"]),
        (
            "It runs between March 3 and 5, then March 30-April 2.",
            ["between March 3 and 5", "March 30-April 2"],
        ),
        ("The summit on Thursday, Jan. 15 went well.", ["on Thursday, Jan. 15"]),
        ("The ministry said on Tuesday that he will come.", ["on Tuesday"]),
        ("He leaves this Thursday and returns next Thursday.", ["this Thursday", "next Thursday"]),
        ("They spoke last Thursday and will meet Thursday morning.", ["last Thursday", "Thursday morning"]),
        ("during their visit to Japan from Thursday through Saturday.", ["from Thursday through Saturday"]),
        (
            "Talks run Thursday to Saturday, or between Monday and Wednesday.",
            ["Thursday to Saturday", "between Monday and Wednesday"],
        ),
        (
            "He will be in Washington, D.C. for three days starting this Thursday.",
            ["for three days starting this Thursday"],
        ),
        ("Talks for three days from Monday.", ["for three days from Monday"]),
        ("She begins a two-day visit starting Tuesday.", ["a two-day visit starting Tuesday"]),
        ("A 3-day summit starting Jan. 15 ends soon.", ["A 3-day summit starting Jan. 15"]),
        (
            "They met yesterday, meet today and tomorrow; the day before was quiet.",
            ["yesterday", "today", "tomorrow", "the day before"],
        ),
        ("They met this week, last week and will meet next week.", ["this week", "last week", "next week"]),
        (
            "He called earlier this week; more talks later this week and early next week.",
            ["earlier this week", "later this week", "early next week"],
        ),
        ("The visit, slated for next month, follows talks last month.", ["for next month", "last month"]),
        (
            "It happened earlier this month and continues later this month.",
            ["earlier this month", "later this month"],
        ),
        ("Talks this month, then the end of the month.", ["this month", "the end of the month"]),
        ("The visit is tentatively set for March or April.", ["March or April"]),
        ("A visit in March or April, or in March 2026.", ["in March or April", "in March 2026"]),
        (
            "March is busy: early March; mid-March; late March; the end of March.",
            ["March", "early March", "mid-March", "late March", "the end of March"],
        ),
        ("Talks in March and April.", ["in March and April"]),
        ("Talks on Monday and Thursday.", ["on Monday", "Thursday"]),
        ("The visit is expected to occur this spring.", ["this spring"]),
        (
            "In the spring, next summer, this fall, this autumn and last winter.",
            ["In the spring", "next summer", "this fall", "this autumn", "last winter"],
        ),
        ("Planned for spring 2026 or early spring.", ["for spring 2026", "early spring"]),
        ("This year, next year and last year.", ["This year", "next year", "last year"]),
        (
            "Due in 2027, later this year or early next year.",
            ["in 2027", "later this year", "early next year"],
        ),
        ("since assuming office in October 2021", ["in October 2021"]),
    ],
)
def test_find_time_expressions_finds_each_expression_with_its_preposition(
    text: str, expected: list[str]
) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They met in May.", ["in May"]),
        ("They meet early May.", ["early May"]),
        ("They meet mid-May.", ["mid-May"]),
        ("They meet late May.", ["late May"]),
        ("Talks since May.", ["since May"]),
        ("Talks until May.", ["until May"]),
        ("Talks by May.", ["by May"]),
        ("Talks this May.", ["this May"]),
        ("Talks next May.", ["next May"]),
        ("Talks last May.", ["last May"]),
        ("By the end of May.", ["By the end of May"]),
        ("In the first week of May.", ["In the first week of May"]),
        ("Talks on May 5.", ["on May 5"]),
        ("Talks in May 2026.", ["in May 2026"]),
    ],
)
def test_may_is_a_month_only_in_a_date_context(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Officials may meet again.",
        "Officials May Meet Again",
        "This may take time.",
        "Theresa May met the press.",
        "Troops march on the capital.",
        "The commander of the 36th Wing spoke.",
        "Only 22% of respondents trust the U.S.",
        "Figures rose 5 percent to 1,200.",
        "The drill lasted three days.",
        "Posted 3 Years Ago",
        "Celebrating the 250th anniversary of the alliance.",
        "We now know what we want.",
        "The week started with a meeting.",
        "April Ryan asked a question.",
        "Since the fall of Kabul, prices fall.",
        "A spring in his step; the summer heat.",
        "The vote was 3-1 May said.",
        "Troops increased by 2000.",
    ],
)
def test_find_time_expressions_skips_traps(text: str) -> None:
    assert texts(text) == []


def test_longest_candidate_wins_where_expressions_overlap() -> None:
    text = "He arrives for three days starting this Thursday, Jan. 15."
    assert texts(text) == ["for three days starting this Thursday, Jan. 15"]


def test_mentions_carry_their_offsets() -> None:
    text = "Talks resume next week in Tokyo."
    (mention,) = find_time_expressions(text)
    assert mention == TimeMention(13, 22, "next week")
    assert text[mention.start : mention.end] == mention.text


def test_find_time_expressions_on_empty_text_is_empty() -> None:
    assert find_time_expressions("") == []


@pytest.mark.parametrize("unit", ["Jan. Jan. Jan. ", "March or April or ", "Jan. 1-"])
def test_find_time_expressions_handles_long_adversarial_text(unit: str) -> None:
    # Speed on adversarial input is measured by the benchmark, not asserted here.
    text = unit * (200_000 // len(unit))
    mentions = find_time_expressions(text)
    assert all(text[m.start : m.end] == m.text for m in mentions)


# --------------------------------------------------------------------------- resolving


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "expected"),
    [
        # explicit dates
        ("Jan. 16", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("January 16", TUESDAY, "backward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("Jan 16", SATURDAY, "backward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("16 January", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("the 16th of January", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("January 16, 2026", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("Jan. 16, 2026", D(2030, 6, 1), "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("2026-01-16", TUESDAY, "backward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("on January 15", SATURDAY, "backward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("On January 15", SATURDAY, "backward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("Sept. 3", D(2025, 8, 20), "forward", (D(2025, 9, 3), D(2025, 9, 3), DAY)),
        ("Dec. 30", TUESDAY, "forward", (D(2025, 12, 30), D(2025, 12, 30), DAY)),
        ("Jan. 5", D(2025, 12, 20), "backward", (D(2026, 1, 5), D(2026, 1, 5), DAY)),
        ("July 15", TUESDAY, "forward", (D(2026, 7, 15), D(2026, 7, 15), DAY)),
        ("July 15", TUESDAY, "backward", (D(2025, 7, 15), D(2025, 7, 15), DAY)),
        ("Thursday, Jan. 15", TUESDAY, "backward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        # day ranges
        ("Jan. 15-17", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("January 15 to 17", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("Jan. 15 through Jan. 17", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("between March 3 and 5", TUESDAY, "forward", (D(2026, 3, 3), D(2026, 3, 5), DAY)),
        ("March 30-April 2", TUESDAY, "forward", (D(2026, 3, 30), D(2026, 4, 2), DAY)),
        ("15-17 January", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("Dec. 30 through Jan. 2, 2026", None, "forward", (D(2025, 12, 30), D(2026, 1, 2), DAY)),
        ("Dec. 30 to Jan. 2", D(2025, 12, 1), "forward", (D(2025, 12, 30), D(2026, 1, 2), DAY)),
        # weekdays
        ("Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("Thursday", TUESDAY, "backward", (D(2026, 1, 8), D(2026, 1, 8), DAY)),
        ("on Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("this Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("last Thursday", TUESDAY, "forward", (D(2026, 1, 8), D(2026, 1, 8), DAY)),
        ("next Thursday", TUESDAY, "backward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("Thursday morning", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 15), DAY)),
        ("Thursday night", TUESDAY, "backward", (D(2026, 1, 8), D(2026, 1, 8), DAY)),
        ("on Tuesday", TUESDAY, "backward", (TUESDAY, TUESDAY, DAY)),
        ("Thursday", THURSDAY, "forward", (THURSDAY, THURSDAY, DAY)),
        ("Thursday", THURSDAY, "backward", (THURSDAY, THURSDAY, DAY)),
        ("last Thursday", THURSDAY, "backward", (D(2022, 3, 3), D(2022, 3, 3), DAY)),
        ("next Thursday", THURSDAY, "forward", (D(2022, 3, 17), D(2022, 3, 17), DAY)),
        # weekday ranges and durations
        ("from Thursday through Saturday", THURSDAY, "forward", (D(2022, 3, 10), D(2022, 3, 12), DAY)),
        ("Thursday to Saturday", THURSDAY, "backward", (D(2022, 3, 10), D(2022, 3, 12), DAY)),
        ("between Monday and Wednesday", THURSDAY, "forward", (D(2022, 3, 14), D(2022, 3, 16), DAY)),
        ("between Monday and Wednesday", THURSDAY, "backward", (D(2022, 3, 7), D(2022, 3, 9), DAY)),
        ("three days starting this Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("for three days starting this Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 17), DAY)),
        ("for three days from Monday", TUESDAY, "forward", (D(2026, 1, 19), D(2026, 1, 21), DAY)),
        ("a two-day visit starting Tuesday", TUESDAY, "forward", (D(2026, 1, 13), D(2026, 1, 14), DAY)),
        ("2 days starting Thursday", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 16), DAY)),
        ("ten days from Jan. 15", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 24), DAY)),
        ("three days starting Friday, Jan. 16", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 18), DAY)),
        # relative days
        ("today", TUESDAY, "forward", (TUESDAY, TUESDAY, DAY)),
        ("yesterday", TUESDAY, "backward", (D(2026, 1, 12), D(2026, 1, 12), DAY)),
        ("tomorrow", TUESDAY, "forward", (D(2026, 1, 14), D(2026, 1, 14), DAY)),
        # weeks
        ("this week", TUESDAY, "forward", (TUESDAY, SATURDAY, WEEK)),
        ("this week", TUESDAY, "backward", (D(2026, 1, 12), TUESDAY, WEEK)),
        ("this week", SATURDAY, "backward", (D(2026, 1, 12), SATURDAY, WEEK)),
        ("this week", SUNDAY, "forward", (SUNDAY, D(2026, 1, 24), WEEK)),
        ("last week", TUESDAY, "backward", (D(2026, 1, 5), D(2026, 1, 11), WEEK)),
        ("next week", TUESDAY, "forward", (D(2026, 1, 19), D(2026, 1, 25), WEEK)),
        ("earlier this week", THURSDAY, "backward", (D(2022, 3, 7), D(2022, 3, 9), WEEK)),
        ("later this week", TUESDAY, "forward", (D(2026, 1, 14), SATURDAY, WEEK)),
        ("early next week", TUESDAY, "forward", (D(2026, 1, 19), D(2026, 1, 21), WEEK)),
        ("this weekend", TUESDAY, "forward", (SATURDAY, SUNDAY, DAY)),
        ("over the weekend", TUESDAY, "backward", (D(2026, 1, 10), D(2026, 1, 11), DAY)),
        # months
        ("this month", TUESDAY, "forward", (TUESDAY, D(2026, 1, 31), MONTH)),
        ("this month", TUESDAY, "backward", (D(2026, 1, 1), TUESDAY, MONTH)),
        ("next month", TUESDAY, "forward", (D(2026, 2, 1), D(2026, 2, 28), MONTH)),
        ("for next month", TUESDAY, "forward", (D(2026, 2, 1), D(2026, 2, 28), MONTH)),
        ("last month", TUESDAY, "backward", (D(2025, 12, 1), D(2025, 12, 31), MONTH)),
        ("earlier this month", TUESDAY, "backward", (D(2026, 1, 1), D(2026, 1, 12), MONTH)),
        ("later this month", TUESDAY, "forward", (D(2026, 1, 14), D(2026, 1, 31), MONTH)),
        ("the end of the month", TUESDAY, "forward", (D(2026, 1, 21), D(2026, 1, 31), MONTH)),
        ("in March", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 3, 31), MONTH)),
        ("in March", TUESDAY, "backward", (D(2025, 3, 1), D(2025, 3, 31), MONTH)),
        ("March", MID_MARCH, "forward", (D(2026, 3, 1), D(2026, 3, 31), MONTH)),
        ("March", MID_MARCH, "backward", (D(2026, 3, 1), D(2026, 3, 31), MONTH)),
        ("in October", SATURDAY, "backward", (D(2025, 10, 1), D(2025, 10, 31), MONTH)),
        ("March 2026", D(2020, 1, 1), "backward", (D(2026, 3, 1), D(2026, 3, 31), MONTH)),
        ("in March or April", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 4, 30), MONTH)),
        ("March or April", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 4, 30), MONTH)),
        ("March or April", TUESDAY, "backward", (D(2025, 3, 1), D(2025, 4, 30), MONTH)),
        ("March or April", D(2026, 4, 20), "forward", (D(2026, 3, 1), D(2026, 4, 30), MONTH)),
        ("early March", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 3, 10), MONTH)),
        ("mid-March", TUESDAY, "forward", (D(2026, 3, 11), D(2026, 3, 20), MONTH)),
        ("late March", TUESDAY, "forward", (D(2026, 3, 21), D(2026, 3, 31), MONTH)),
        ("end of March", TUESDAY, "forward", (D(2026, 3, 21), D(2026, 3, 31), MONTH)),
        ("late February", D(2024, 1, 10), "forward", (D(2024, 2, 21), D(2024, 2, 29), MONTH)),
        ("next March", MID_MARCH, "forward", (D(2027, 3, 1), D(2027, 3, 31), MONTH)),
        ("last May", TUESDAY, "backward", (D(2025, 5, 1), D(2025, 5, 31), MONTH)),
        # seasons
        ("this spring", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 5, 31), SEASON)),
        ("in the spring", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 5, 31), SEASON)),
        ("in the spring", TUESDAY, "backward", (D(2025, 3, 1), D(2025, 5, 31), SEASON)),
        ("next summer", TUESDAY, "forward", (D(2026, 6, 1), D(2026, 8, 31), SEASON)),
        ("this fall", TUESDAY, "forward", (D(2026, 9, 1), D(2026, 11, 30), SEASON)),
        ("this autumn", TUESDAY, "backward", (D(2026, 9, 1), D(2026, 11, 30), SEASON)),
        ("this winter", TUESDAY, "forward", (D(2025, 12, 1), D(2026, 2, 28), SEASON)),
        ("this winter", D(2026, 6, 1), "forward", (D(2026, 12, 1), D(2027, 2, 28), SEASON)),
        ("last winter", D(2026, 6, 1), "backward", (D(2025, 12, 1), D(2026, 2, 28), SEASON)),
        ("spring 2026", None, "forward", (D(2026, 3, 1), D(2026, 5, 31), SEASON)),
        ("winter 2023", None, "forward", (D(2023, 12, 1), D(2024, 2, 29), SEASON)),
        ("early spring", TUESDAY, "forward", (D(2026, 3, 1), D(2026, 3, 31), SEASON)),
        # years
        ("this year", TUESDAY, "forward", (TUESDAY, D(2026, 12, 31), YEAR)),
        ("this year", TUESDAY, "backward", (D(2026, 1, 1), TUESDAY, YEAR)),
        ("next year", TUESDAY, "forward", (D(2027, 1, 1), D(2027, 12, 31), YEAR)),
        ("last year", SATURDAY, "backward", (D(2025, 1, 1), D(2025, 12, 31), YEAR)),
        ("in 2027", TUESDAY, "forward", (D(2027, 1, 1), D(2027, 12, 31), YEAR)),
        ("later this year", TUESDAY, "forward", (D(2026, 1, 14), D(2026, 12, 31), YEAR)),
        ("early next year", TUESDAY, "forward", (D(2027, 1, 1), D(2027, 4, 30), YEAR)),
        ("the end of 2026", None, "forward", (D(2026, 9, 1), D(2026, 12, 31), YEAR)),
        ("by the end of the year", TUESDAY, "forward", (TUESDAY, D(2026, 12, 31), YEAR)),
        ("by the end of the month", TUESDAY, "forward", (TUESDAY, D(2026, 1, 31), MONTH)),
        # counted ahead of the anchor
        ("in two weeks", TUESDAY, "forward", (D(2026, 1, 27), D(2026, 1, 27), DAY)),
        ("in three days", TUESDAY, "forward", (D(2026, 1, 16), D(2026, 1, 16), DAY)),
        ("in a week's time", TUESDAY, "forward", (D(2026, 1, 20), D(2026, 1, 20), DAY)),
        ("in two months", D(2026, 12, 31), "forward", (D(2027, 2, 28), D(2027, 2, 28), DAY)),
        ("in a couple of weeks", TUESDAY, "forward", (D(2026, 1, 23), D(2026, 1, 30), DAY)),
        ("in a few days", TUESDAY, "forward", (D(2026, 1, 15), D(2026, 1, 18), DAY)),
        ("within two weeks", TUESDAY, "forward", (TUESDAY, D(2026, 1, 27), DAY)),
        ("within days", TUESDAY, "forward", (TUESDAY, D(2026, 1, 20), DAY)),
    ],
)
def test_resolve_table(
    expression: str, anchor: dt.date | None, direction: Direction, expected: tuple[object, ...]
) -> None:
    assert span_of(expression, anchor, direction) == expected


def test_weekday_resolves_forward_for_planned_events() -> None:
    assert span_of("this Thursday", TUESDAY, "forward")[0] == D(2026, 1, 15)


def test_weekday_resolves_backward_for_events_that_occurred() -> None:
    assert span_of("on Thursday", TUESDAY, "backward")[0] == D(2026, 1, 8)


def test_weekday_on_its_own_day_is_that_day_in_both_directions() -> None:
    assert (
        span_of("Thursday", THURSDAY, "forward")[0]
        == span_of("Thursday", THURSDAY, "backward")[0]
        == THURSDAY
    )


def test_last_and_next_weekday_never_name_the_anchor_day() -> None:
    assert span_of("last Thursday", THURSDAY)[0] == THURSDAY - dt.timedelta(days=7)
    assert span_of("next Thursday", THURSDAY)[0] == THURSDAY + dt.timedelta(days=7)


def test_day_without_year_takes_the_year_nearest_the_anchor() -> None:
    assert span_of("Dec. 30", TUESDAY, "forward")[0] == D(2025, 12, 30)
    assert span_of("Jan. 5", D(2025, 12, 20), "backward")[0] == D(2026, 1, 5)


def test_near_tie_between_years_is_settled_by_direction() -> None:
    assert span_of("July 15", TUESDAY, "forward")[0] == D(2026, 7, 15)
    assert span_of("July 15", TUESDAY, "backward")[0] == D(2025, 7, 15)


def test_the_span_keeps_the_expression_exactly_as_given() -> None:
    span = resolve("  On January 15 ", SATURDAY, "backward")
    assert span is not None
    assert span.text == "  On January 15 "
    assert span.start == D(2026, 1, 15)


def test_resolve_accepts_a_datetime_anchor_as_its_date() -> None:
    assert resolve("tomorrow", dt.datetime(2026, 1, 13, 23, 59)) == resolve("tomorrow", TUESDAY)


def test_resolve_is_cached() -> None:
    assert resolve("next month", TUESDAY) is resolve("next month", TUESDAY)


def test_resolve_rejects_an_unknown_direction() -> None:
    with pytest.raises(ValueError, match="direction"):
        resolve("Thursday", TUESDAY, "sideways")  # type: ignore[arg-type]


def test_impossible_date_stays_unresolved() -> None:
    assert resolve("Feb. 30, 2026", TUESDAY) == TimeSpan.unresolved("Feb. 30, 2026")
    assert resolve("Feb. 29", TUESDAY) == TimeSpan.unresolved("Feb. 29")
    assert span_of("Feb. 29", D(2024, 2, 1))[0] == D(2024, 2, 29)


@pytest.mark.parametrize(
    "expression",
    [
        "Thursday",
        "this Thursday",
        "from Thursday through Saturday",
        "three days starting this Thursday",
        "today",
        "this week",
        "next month",
        "March",
        "in March or April",
        "this spring",
        "next year",
        "Jan. 16",
        "Jan. 15-17",
        "early March",
    ],
)
def test_relative_expression_without_anchor_stays_unresolved(expression: str) -> None:
    assert resolve(expression, None) == TimeSpan.unresolved(expression)
    assert resolve(expression, None, "backward") == TimeSpan.unresolved(expression)


@pytest.mark.parametrize(
    ("expression", "start"),
    [
        ("March 10, 2022", D(2022, 3, 10)),
        ("2026-01-15", D(2026, 1, 15)),
        ("in March 2024", D(2024, 3, 1)),
        ("Jan. 15-17, 2026", D(2026, 1, 15)),
        ("March or April 2026", D(2026, 3, 1)),
        ("spring 2026", D(2026, 3, 1)),
        ("in 2027", D(2027, 1, 1)),
        ("Thursday, Jan. 15, 2026", D(2026, 1, 15)),
    ],
)
def test_absolute_expression_resolves_without_anchor(expression: str, start: dt.date) -> None:
    span = resolve(expression, None)
    assert span is not None
    assert span.start == start


@pytest.mark.parametrize(
    "expression",
    [
        "may",
        "now",
        "we",
        "march",
        "36th",
        "22%",
        "three days",
        "3 Years Ago",
        "the 250th anniversary",
        "",
        "officials may meet",
    ],
)
def test_resolve_returns_none_for_what_is_no_time_expression(expression: str) -> None:
    assert resolve(expression, TUESDAY) is None


# --------------------------------------------------------------------------- article timestamp and dateline

JAPAN_NEWS = (
    "\n"
    "The flags of the United States and Japan are seen at the White House in Washington, D.C. "
    "in February 2017.\n"
    "16:35 JST, March 10, 2022\n"
    "Daniel Kritenbrink ... were to participate in meetings in Tokyo from Thursday through Saturday.\n"
)


def test_timestamp_line_wins_over_a_caption_date() -> None:
    assert read_timestamp(JAPAN_NEWS) == dt.datetime(2022, 3, 10, 16, 35)


def test_timestamp_anchors_the_japan_news_visit() -> None:
    stamp = read_timestamp(JAPAN_NEWS)
    assert stamp is not None
    (mention,) = [m for m in find_time_expressions(JAPAN_NEWS) if "Thursday" in m.text]
    assert span_of(mention.text, stamp.date()) == (D(2022, 3, 10), D(2022, 3, 12), DAY)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("16:35 JST, March 10, 2022", dt.datetime(2022, 3, 10, 16, 35)),
        ("March 10, 2022 16:35 JST", dt.datetime(2022, 3, 10, 16, 35)),
        ("Published: 2024-06-04 09:12", dt.datetime(2024, 6, 4, 9, 12)),
        ("Updated June 4, 2024", dt.datetime(2024, 6, 4)),
        ("June 4, 2024 at 9:12 a.m.", dt.datetime(2024, 6, 4, 9, 12)),
        ("June 4, 2024 at 9 p.m. ET", dt.datetime(2024, 6, 4, 21, 0)),
        ("Last updated: 12:05 p.m. June 4, 2024", dt.datetime(2024, 6, 4, 12, 5)),
        ("2024-06-04T09:12:00Z", dt.datetime(2024, 6, 4, 9, 12)),
        ("Thursday, March 10, 2022", dt.datetime(2022, 3, 10)),
        ("10 March 2022 | 16:35 GMT", dt.datetime(2022, 3, 10, 16, 35)),
        ("By Jane Doe | June 4, 2024 9:12 AM EDT | Reuters", dt.datetime(2024, 6, 4, 9, 12)),
    ],
)
def test_read_timestamp_formats(line: str, expected: dt.datetime) -> None:
    assert read_timestamp(f"Headline\n{line}\nBody text follows.") == expected


def test_read_timestamp_ignores_dates_in_running_sentences() -> None:
    assert read_timestamp("Headline\nOfficials said on March 10, 2022 that they would meet again.\n") is None


def test_read_timestamp_looks_only_near_the_top() -> None:
    text = "\n".join([f"Paragraph {n}." for n in range(20)] + ["March 10, 2022"])
    assert read_timestamp(text) is None


def test_read_timestamp_without_any_date_is_none() -> None:
    assert read_timestamp("International |  IANS  | Published :\n\nBody.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "US, Japan underscore alliance\n\nInternational |  IANS  | Published :\n\n"
            "Washington, Jan 17 (IANS) The United States and Japan reaffirmed ...",
            Dateline("Washington", "Jan 17", "IANS", "Washington, Jan 17 (IANS)"),
        ),
        (
            "TOKYO, May 3 (Kyodo) -- Japan said",
            Dateline("Tokyo", "May 3", "Kyodo", "TOKYO, May 3 (Kyodo) --"),
        ),
        (
            "SEOUL, Feb. 2 (Yonhap) -- South Korea",
            Dateline("Seoul", "Feb. 2", "Yonhap", "SEOUL, Feb. 2 (Yonhap) --"),
        ),
        ("MANILA (Reuters) - The Philippines", Dateline("Manila", None, "Reuters", "MANILA (Reuters) -")),
        (
            "NEW YORK, March 3 (Reuters) - Stocks",
            Dateline("New York", "March 3", "Reuters", "NEW YORK, March 3 (Reuters) -"),
        ),
        ("WASHINGTON \u2014 The talks", Dateline("Washington", None, None, "WASHINGTON \u2014")),
    ],
)
def test_read_dateline_formats(text: str, expected: Dateline) -> None:
    assert read_dateline(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In Washington, Landau met Funakoshi on Jan. 16.",
        "On Jan. 16, Landau met Funakoshi.",
        "Japan (JPN) is an ally.",
        "US, Japan underscore alliance in security, economic talks",
        "",
    ],
)
def test_read_dateline_ignores_ordinary_sentences(text: str) -> None:
    assert read_dateline(text) is None


def test_dateline_month_day_resolves_backward_against_the_anchor() -> None:
    dateline = read_dateline("Washington, Jan 17 (IANS) The United States")
    assert dateline is not None
    assert dateline.month_day is not None
    assert span_of(dateline.month_day, SATURDAY, "backward")[0] == SATURDAY


# --------------------------------------------------------------------------- properties

WORDS = """
    on in this next last early mid- late the end of from through to between and or for since by
    a starting visit two-day three days Thursday Monday Saturday January Jan. March April May may
    Sept. march spring fall winter week weekend month year today yesterday tomorrow day before
    15 3rd 30 2026 2026-01-16 16:35 JST , - % 36th Ago
"""
VOCABULARY = [*WORDS.split(), "\n"]
sentences = st.lists(st.sampled_from(VOCABULARY), max_size=12).map(" ".join)
any_text = st.one_of(st.text(), sentences)
anchors = st.dates(min_value=D(1990, 1, 1), max_value=D(2040, 12, 31))
directions = st.sampled_from(["forward", "backward"])
YEAR_DIGITS = re.compile(r"\d{4}")


@pytest.mark.property
@settings(deadline=None)
@given(any_text)
def test_find_time_expressions_never_raises_and_mentions_match_the_text(text: str) -> None:
    mentions = find_time_expressions(text)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    for before, after in itertools.pairwise(mentions):
        assert before.end <= after.start


@pytest.mark.property
@settings(deadline=None)
@given(any_text, st.one_of(st.none(), anchors), directions)
def test_resolve_never_raises_and_spans_are_ordered(
    expression: str, anchor: dt.date | None, direction: Direction
) -> None:
    span = resolve(expression, anchor, direction)
    if span is not None and span.resolved:
        assert span.start is not None
        assert span.end is not None
        assert span.start <= span.end
        assert span.text == expression


@pytest.mark.property
@settings(deadline=None)
@given(sentences, anchors, directions)
def test_every_found_mention_resolves(text: str, anchor: dt.date, direction: Direction) -> None:
    for mention in find_time_expressions(text):
        span = resolve(mention.text, anchor, direction)
        assert span is not None
        if span.start is not None and span.end is not None:
            assert span.start <= span.end


@pytest.mark.property
@settings(deadline=None)
@given(sentences, directions)
def test_nothing_resolves_without_an_anchor_unless_it_names_a_year(text: str, direction: Direction) -> None:
    for expression in [text, *(mention.text for mention in find_time_expressions(text))]:
        span = resolve(expression, None, direction)
        if span is not None and span.resolved:
            assert YEAR_DIGITS.search(expression), expression


@pytest.mark.property
@settings(deadline=None)
@given(st.one_of(st.text(), st.lists(st.one_of(sentences, st.text()), max_size=20).map("\n".join)))
def test_article_readers_never_raise(text: str) -> None:
    stamp = read_timestamp(text)
    assert stamp is None or isinstance(stamp, dt.datetime)
    dateline = read_dateline(text)
    assert dateline is None or dateline.place


@pytest.mark.parametrize(
    ("expression", "direction", "start", "end"),
    [
        ("on the 20th", "forward", dt.date(2026, 1, 20), dt.date(2026, 1, 20)),
        ("on the 2nd", "forward", dt.date(2026, 2, 2), dt.date(2026, 2, 2)),
        ("on the 2nd", "backward", dt.date(2026, 1, 2), dt.date(2026, 1, 2)),
        ("from the 28th through Feb. 2", "forward", dt.date(2026, 1, 28), dt.date(2026, 2, 2)),
        ("within the year", "forward", dt.date(2026, 1, 13), dt.date(2026, 12, 31)),
        ("by the end of March", "forward", dt.date(2026, 1, 13), dt.date(2026, 3, 31)),
    ],
)
def test_day_of_month_ranges_and_deadlines_resolve_from_the_anchor(
    expression: str, direction: Direction, start: dt.date, end: dt.date
) -> None:
    span = resolve(expression, dt.date(2026, 1, 13), direction)
    assert span is not None
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["the 3rd Marine Division", "in the 20th century", "the 7th Fleet's commander"]
)
def test_ordinals_naming_things_are_no_days(text: str) -> None:
    assert texts(text) == []


def test_days_counted_from_another_event_stay_unresolved_but_report_their_offset() -> None:
    assert texts("They met again three days later in Seoul.") == ["three days later"]
    span = resolve("three days later", dt.date(2026, 1, 13))
    assert span is not None
    assert not span.resolved
    assert day_offset("the next day") == 1
    assert day_offset("three days later") == 3
    assert day_offset("next week") is None


@pytest.mark.parametrize(
    ("expression", "start", "end"),
    [
        ("in the first week of March", dt.date(2026, 3, 1), dt.date(2026, 3, 7)),
        ("the second week of February", dt.date(2026, 2, 8), dt.date(2026, 2, 14)),
        ("the last week of April 2027", dt.date(2027, 4, 24), dt.date(2027, 4, 30)),
    ],
)
def test_a_week_of_a_month_is_seven_days_of_it(expression: str, start: dt.date, end: dt.date) -> None:
    span = resolve(expression, dt.date(2026, 1, 13))
    assert span is not None
    assert (span.start, span.end) == (start, end)


def test_the_same_day_counts_no_days_from_the_event_before() -> None:
    assert day_offset("In the afternoon of the same day") == 0
    assert day_offset("later that day") == 0


# --------------------------------------------------------------------------- composition (issue 12)

DECEMBER_FIRST = D(2025, 12, 1)
MID_OCTOBER = D(2026, 10, 13)
EARLY_FEBRUARY = D(2026, 2, 10)


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "start", "end"),
    [
        # a season named with "this" just over, told in the past
        ("this winter", D(2026, 3, 20), "backward", D(2025, 12, 1), D(2026, 2, 28)),
        # a month, day or season with a year written relative to the anchor
        ("in September last year", MID_OCTOBER, "backward", D(2025, 9, 1), D(2025, 9, 30)),
        ("in September of last year", MID_OCTOBER, "backward", D(2025, 9, 1), D(2025, 9, 30)),
        ("early September last year", MID_OCTOBER, "backward", D(2025, 9, 1), D(2025, 9, 10)),
        ("on September 3 last year", MID_OCTOBER, "backward", D(2025, 9, 3), D(2025, 9, 3)),
        ("on 3 September last year", MID_OCTOBER, "backward", D(2025, 9, 3), D(2025, 9, 3)),
        ("in March next year", EARLY_FEBRUARY, "forward", D(2027, 3, 1), D(2027, 3, 31)),
        ("in February this year", MID_OCTOBER, "backward", D(2026, 2, 1), D(2026, 2, 28)),
        ("in the spring of next year", EARLY_FEBRUARY, "forward", D(2027, 3, 1), D(2027, 5, 31)),
        ("in spring next year", EARLY_FEBRUARY, "forward", D(2027, 3, 1), D(2027, 5, 31)),
        ("between April and September last year", MID_OCTOBER, "backward", D(2025, 4, 1), D(2025, 9, 30)),
        ("the first week of March next year", EARLY_FEBRUARY, "forward", D(2027, 3, 1), D(2027, 3, 7)),
        ("Jan. 15-17 next year", EARLY_FEBRUARY, "forward", D(2027, 1, 15), D(2027, 1, 17)),
        # parts of a unit with "in"
        ("later in the year", TUESDAY, "forward", D(2026, 1, 14), D(2026, 12, 31)),
        ("later in 2026", TUESDAY, "forward", D(2026, 1, 14), D(2026, 12, 31)),
        ("earlier in the month", TUESDAY, "backward", D(2026, 1, 1), D(2026, 1, 12)),
        ("early in March", TUESDAY, "forward", D(2026, 3, 1), D(2026, 3, 10)),
        ("the latter half of this year", TUESDAY, "forward", D(2026, 7, 1), D(2026, 12, 31)),
        ("in the latter part of this month", TUESDAY, "forward", D(2026, 1, 21), D(2026, 1, 31)),
        # a day counted from a date written in the same phrase
        ("a day before the March 3 summit", D(2026, 3, 10), "backward", D(2026, 3, 2), D(2026, 3, 2)),
        ("two days after the summit on March 3", D(2026, 3, 10), "backward", D(2026, 3, 5), D(2026, 3, 5)),
        ("on the eve of the March 3 summit", D(2026, 3, 10), "backward", D(2026, 3, 2), D(2026, 3, 2)),
        ("a week before March 20", D(2026, 3, 10), "forward", D(2026, 3, 13), D(2026, 3, 13)),
        # a week named by one of its days
        ("the week of March 10", D(2026, 3, 2), "forward", D(2026, 3, 9), D(2026, 3, 15)),
        ("the week of the 10th", D(2026, 3, 2), "forward", D(2026, 3, 9), D(2026, 3, 15)),
        # vague spans ahead
        ("in the coming weeks", TUESDAY, "forward", D(2026, 1, 14), D(2026, 2, 24)),
        ("over the coming days", TUESDAY, "forward", D(2026, 1, 14), D(2026, 1, 23)),
        ("in the next few weeks", TUESDAY, "forward", D(2026, 1, 27), D(2026, 2, 17)),
        # in progress since a day: from it to the anchor
        ("since Thursday", TUESDAY, "backward", D(2026, 1, 8), TUESDAY),
        ("since the 11th", D(2026, 2, 12), "backward", D(2026, 2, 11), D(2026, 2, 12)),
    ],
)
def test_composed_expressions_resolve_to_the_whole_period(
    expression: str, anchor: dt.date, direction: Direction, start: dt.date, end: dt.date
) -> None:
    span = resolve(expression, anchor, direction)
    assert span is not None
    assert (span.start, span.end) == (start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Motegi visited Washington in September last year for talks.", ["in September last year"]),
        ("The envoy returns in the spring of next year.", ["in the spring of next year"]),
        ("They met a day before the March 3 summit in Seoul.", ["a day before the March 3 summit"]),
        ("She is expected there in coming weeks.", ["in coming weeks"]),
        ("The ministers will meet again in two months.", ["in two months"]),
        ("Cho has been in Tokyo since Thursday.", ["since Thursday"]),
        ("President Lee on the 4th paid a state visit to Beijing.", ["on the 4th"]),
        ("A day earlier, the two ministers spoke by phone.", ["A day earlier"]),
        ("Colby called Singh the day before the meeting.", ["the day before the meeting"]),
        ("Landau is expected in Seoul the week of the 10th.", ["the week of the 10th"]),
    ],
)
def test_composed_expressions_are_found_whole(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_a_day_of_the_month_before_a_past_verb_is_a_date_but_a_unit_number_is_not() -> None:
    assert texts("Minister Park on the 12th signed the accord.") == ["on the 12th"]
    assert texts("Troops of the 3rd armored brigade arrived.") == []


@pytest.mark.parametrize(("expression", "month"), [("this spring", 3), ("this March", 3), ("this fall", 9)])
def test_this_season_or_month_already_over_is_next_years_for_a_plan_and_this_years_for_the_past(
    expression: str, month: int
) -> None:
    planned = resolve(expression, DECEMBER_FIRST, "forward")
    occurred = resolve(expression, DECEMBER_FIRST, "backward")
    assert planned is not None
    assert occurred is not None
    assert planned.start == D(2026, month, 1)
    assert occurred.start == D(2025, month, 1)


def test_a_relative_year_without_an_anchor_stays_unresolved() -> None:
    span = resolve("in September last year", None, "backward")
    assert span is not None
    assert not span.resolved


@pytest.mark.parametrize(
    ("expression", "offset"),
    [
        ("A day earlier", -1),
        ("two days before", -2),
        ("the previous day", -1),
        ("the day before", -1),
        ("a week later", 7),
        ("two days after the talks", 2),
        ("The day before the meeting", -1),
        ("the day after the President's address", 1),
        ("on the eve of the summit", -1),
    ],
)
def test_days_counted_before_or_after_another_event_report_a_signed_offset(
    expression: str, offset: int
) -> None:
    assert day_offset(expression) == offset
    span = resolve(expression, TUESDAY, "backward")
    assert span is not None
    assert not span.resolved


def test_a_day_takes_the_year_its_sentence_opens_with() -> None:
    text = "In 2019, the two leaders met in Osaka on June 28."
    mentions = find_time_expressions(text)
    assert [(m.text, m.year) for m in mentions] == [("In 2019", None), ("on June 28", 2019)]
    span = resolve("on June 28", None, "backward", year=2019)
    assert span is not None
    assert span.start == D(2019, 6, 28)


@pytest.mark.parametrize(
    "text",
    [
        "The leaders held the 2019 summit in Osaka, meeting on June 28.",
        "The leaders met on June 27, 2019, and again on June 28.",
        "On June 28 the leaders met at 2019's summit in Osaka.",
    ],
)
def test_a_day_takes_the_year_its_sentence_states_elsewhere(text: str) -> None:
    day = next(m for m in find_time_expressions(text) if m.text.lower() == "on june 28")
    assert day.year == 2019


def test_a_stated_year_is_ignored_where_the_tense_forbids_it() -> None:
    anchor = D(2026, 1, 13)
    planned = resolve("on June 28", anchor, "forward", year=2019)
    assert planned is not None
    assert planned.start == D(2026, 6, 28)
    occurred = resolve("on June 28", anchor, "backward", year=2019)
    assert occurred is not None
    assert occurred.start == D(2019, 6, 28)
    relative = resolve("next June", None, "backward", year=2019)
    assert relative is not None
    assert not relative.resolved


def test_stated_year_reads_the_last_year_a_passage_frames() -> None:
    assert stated_year("The summit opened in Osaka in 2019. Trade topped the agenda.") == 2019
    assert stated_year("Abe first met Trump in 2016. In 2019, they met again.") == 2019
    assert stated_year("They met on Monday and Tuesday.") is None


# --------------------------------------------------------------------------- times read whole in news

WEDNESDAY = D(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # two days joined by "or", or two days in a row joined by "and": one span
        ("The leaders could meet around May 7 or 8, aides said.", ["May 7 or 8"]),
        ("The envoys gather on 18 and 19 November in Lima.", ["on 18 and 19 November"]),
        ("Brussels hosts the allies on July 11 and 12.", ["on July 11 and 12"]),
        ("His visit on Wednesday and Thursday was arranged by Seoul.", ["on Wednesday and Thursday"]),
        ("The call may come on Monday or Tuesday.", ["on Monday or Tuesday"]),
        # days apart joined by "and" stay two days
        ("Talks open on July 3 and resume on July 9.", ["on July 3", "on July 9"]),
        ("The team met on Monday and Thursday.", ["on Monday", "Thursday"]),
        # a weekday placed in a week counted from the publication day
        ("The foreign ministers meet Wednesday next week.", ["Wednesday next week"]),
        ("The envoy arrived on Tuesday of last week.", ["on Tuesday of last week"]),
        ("The summit opens next week on Thursday in Hanoi.", ["next week on Thursday"]),
        # a day after a preposition is a day, not its month
        ("He will stay in Canberra until March 20 for talks.", ["until March 20"]),
        ("The accord is due by April 3, officials said.", ["by April 3"]),
        # a time counted back from the publication day
        ("She flew to Manila two weeks ago.", ["two weeks ago"]),
        ("The premier called him a few days ago.", ["a few days ago"]),
    ],
)
def test_expressions_read_by_news_are_found_whole(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "start", "end"),
    [
        ("May 7 or 8", D(2026, 4, 30), "forward", D(2026, 5, 7), D(2026, 5, 8)),
        ("on March 20 or 22", WEDNESDAY, "forward", D(2026, 3, 20), D(2026, 3, 22)),
        ("on 18 and 19 November", D(2026, 11, 13), "forward", D(2026, 11, 18), D(2026, 11, 19)),
        ("on Wednesday and Thursday", D(2026, 11, 26), "forward", D(2026, 12, 2), D(2026, 12, 3)),
        ("on Monday or Tuesday", WEDNESDAY, "backward", D(2026, 3, 9), D(2026, 3, 10)),
        ("Wednesday next week", WEDNESDAY, "forward", D(2026, 3, 18), D(2026, 3, 18)),
        ("Friday this week", WEDNESDAY, "forward", D(2026, 3, 13), D(2026, 3, 13)),
        ("on Tuesday of last week", WEDNESDAY, "backward", D(2026, 3, 3), D(2026, 3, 3)),
        ("next week on Thursday", D(2026, 3, 15), "forward", D(2026, 3, 19), D(2026, 3, 19)),
        ("until March 20", WEDNESDAY, "forward", D(2026, 3, 20), D(2026, 3, 20)),
        ("by April 3", WEDNESDAY, "forward", D(2026, 4, 3), D(2026, 4, 3)),
        ("three days ago", WEDNESDAY, "backward", D(2026, 3, 8), D(2026, 3, 8)),
        ("two weeks ago", WEDNESDAY, "backward", D(2026, 2, 25), D(2026, 2, 25)),
        ("a month ago", WEDNESDAY, "backward", D(2026, 2, 11), D(2026, 2, 11)),
        ("a year ago", WEDNESDAY, "backward", D(2025, 3, 11), D(2025, 3, 11)),
        ("a few days ago", WEDNESDAY, "backward", D(2026, 3, 6), D(2026, 3, 9)),
        ("a couple of weeks ago", WEDNESDAY, "backward", D(2026, 2, 22), D(2026, 3, 1)),
    ],
)
def test_expressions_read_by_news_resolve_to_the_days_they_name(
    expression: str, anchor: dt.date, direction: Direction, start: dt.date, end: dt.date
) -> None:
    span = resolve(expression, anchor, direction)
    assert span is not None
    assert (span.start, span.end) == (start, end)


def test_a_time_counted_back_needs_an_anchor() -> None:
    span = resolve("two weeks ago", None, "backward")
    assert span is not None
    assert not span.resolved


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The premiers could meet in spring or summer, aides said.", ["in spring or summer"]),
        ("The ministers meet on the 10th of next month in Tokyo.", ["on the 10th of next month"]),
        ("He hopes to visit Seoul before the end of the year.", ["before the end of the year"]),
        ("A summit is planned before the end of March.", ["before the end of March"]),
    ],
)
def test_alternatives_and_deadlines_are_found_whole(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


@pytest.mark.parametrize(
    ("expression", "anchor", "direction", "start", "end"),
    [
        ("in spring or summer", WEDNESDAY, "forward", D(2026, 3, 1), D(2026, 8, 31)),
        ("this summer or fall", WEDNESDAY, "forward", D(2026, 6, 1), D(2026, 11, 30)),
        ("in winter or spring", D(2026, 10, 1), "forward", D(2026, 12, 1), D(2027, 5, 31)),
        ("on the 10th of next month", WEDNESDAY, "forward", D(2026, 4, 10), D(2026, 4, 10)),
        ("on the 3rd of this month", WEDNESDAY, "backward", D(2026, 3, 3), D(2026, 3, 3)),
        ("the 28th of last month", WEDNESDAY, "backward", D(2026, 2, 28), D(2026, 2, 28)),
        ("before the end of the year", WEDNESDAY, "forward", WEDNESDAY, D(2026, 12, 31)),
        ("before the end of March", WEDNESDAY, "forward", WEDNESDAY, D(2026, 3, 31)),
    ],
)
def test_alternatives_and_deadlines_resolve_to_the_whole_period(
    expression: str, anchor: dt.date, direction: Direction, start: dt.date, end: dt.date
) -> None:
    span = resolve(expression, anchor, direction)
    assert span is not None
    assert (span.start, span.end) == (start, end)


def test_a_stay_of_some_days_running_until_a_day_ends_on_that_day() -> None:
    text = "On the three-day trip, which runs until Thursday, the minister meets senators."
    assert texts(text) == ["the three-day trip, which runs until Thursday"]
    span = resolve("the three-day trip, which runs until Thursday", D(2026, 3, 9), "forward")
    assert span is not None
    assert (span.start, span.end) == (D(2026, 3, 10), D(2026, 3, 12))
    span = resolve("a two-day visit through March 20", D(2026, 3, 9), "forward")
    assert span is not None
    assert (span.start, span.end) == (D(2026, 3, 19), D(2026, 3, 20))


# --------------------------------------------------------------------------- stretches, day pairs, year lists


@pytest.mark.parametrize(
    ("expression", "direction", "expected"),
    [
        ("over the next two days", "forward", (D(2026, 1, 14), D(2026, 1, 15), DAY)),
        ("within the next three days", "forward", (TUESDAY, D(2026, 1, 16), DAY)),
        ("in recent days", "backward", (D(2026, 1, 6), TUESDAY, DAY)),
        ("over the past two days", "backward", (D(2026, 1, 11), TUESDAY, DAY)),
        ("in recent weeks", "backward", (D(2025, 12, 2), TUESDAY, DAY)),
    ],
)
def test_a_stretch_of_days_runs_from_the_anchor_on_the_side_it_names(
    expression: str, direction: Direction, expected: tuple[object, ...]
) -> None:
    assert texts(f"The envoys talked {expression}.") == [expression]
    assert span_of(expression, TUESDAY, direction) == expected


def test_the_last_days_of_something_are_no_stretch_of_time() -> None:
    assert texts("He served in the last days of the war.") == []


def test_two_ordinal_days_are_both_days_of_the_nearest_month() -> None:
    assert texts("The envoy will arrive on the 20th or 21st.") == ["on the 20th or 21st"]
    assert span_of("on the 20th or 21st", TUESDAY, "forward") == (D(2026, 1, 20), D(2026, 1, 21), DAY)
    assert span_of("on the 3rd or 4th", TUESDAY, "backward") == (D(2026, 1, 3), D(2026, 1, 4), DAY)


def test_each_year_of_a_list_after_in_is_a_year() -> None:
    assert texts("The forum met in 2007, 2009 and 2010.") == ["in 2007", "2009", "2010"]
    assert texts("Sales of 2009 and 2010 models rose.") == []


_MONTH_FORMS = [
    form
    for word in (*temporal._FULL_MONTHS, *temporal._MONTH_ABBREVIATIONS)
    for form in (word.capitalize(), word.upper())
]


@pytest.mark.parametrize("year", [1900, 1999, 2000, 2023, 2024, 2026, 2099])
def test_the_calendar_reads_a_day_as_dateparser_does(year: int) -> None:
    """Days of the years a text writes are checked by the calendar: the answers must not change."""
    for form in _MONTH_FORMS:
        for day in (1, 15, 28, 29, 30, 31):
            assert temporal._calendar_day.__wrapped__(form, day, year) == temporal._dateparser_day(
                form, day, year
            )


def test_a_day_that_does_not_exist_is_no_date() -> None:
    assert temporal._calendar_day("Feb", 29, 2026) is None
    assert temporal._calendar_day("SEPT", 31, 2025) is None
    assert temporal._calendar_day("February", 29, 2024) == dt.date(2024, 2, 29)


def test_the_opening_class_holds_what_the_first_part_that_must_match_opens_with() -> None:
    assert temporal._opening_class(r"\b(?:in\s+|by\s+)?(?-i:May|June)") == "[JMbi]"
    assert temporal._opening_class(r"(?=\s)[0-3]?\d") == r"[0123\d]"
    assert temporal._opening_class(r"(?:on\s+)?") is None  # matches nothing as well
    assert temporal._opening_class(r"[1-3]st|\w") is None
    assert temporal._opening_class(r"[^a]b") is None


def test_a_guarded_pattern_opens_where_its_pattern_does() -> None:
    season = next(pattern for pattern in temporal._PATTERNS if pattern.name == "season")
    assert season.scanner.pattern.startswith("(?=[")
    assert temporal._with_opening_guard(re.compile(r"\w+day")).pattern == r"\w+day"


@given(st.text(alphabet="aAbdefilmnorstuwyMJS0123456789 ,.-–", max_size=60))
@settings(max_examples=300)
def test_each_scanner_finds_what_its_pattern_finds(text: str) -> None:
    texts = (text, f"Officials met in early {text} on Thursday, Jan. 15, or in March or April {text}.")
    for pattern in temporal._PATTERNS:
        for sample in texts:
            found = [match.span() for match in pattern.scanner.finditer(sample)]
            assert found == [match.span() for match in pattern.regex.finditer(sample)], pattern.name
