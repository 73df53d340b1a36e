"""Governments as the sides of an engagement the text names without people."""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.literals import ascii_words
from alliancekit.model import ActorKind, Event, EventType, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from alliancekit.rules.sides import (
    _OCCASION_OFFICES,
    _OCCASION_WORDS,
    counted_countries,
    counts_countries,
    office_of_occasion,
    sides_for_grouping,
    subject_countries,
)
from helpers import persons


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def meetings(text: str, plugins: Plugins, published: dt.date) -> list[Event]:
    return [e for e in extract(text, published=published, plugins=plugins) if e.type is EventType.MEETING]


def countries(event: Event) -> set[str | None]:
    return {p.actor.country for p in event.participants if p.actor.kind is ActorKind.ORGANIZATION}


def test_a_grouping_named_before_the_event_noun_gives_its_members_as_sides(plugins: Plugins) -> None:
    text = "The inaugural Quad foreign ministers' meeting took place in Tokyo in October last year."
    (meeting,) = meetings(text, plugins, dt.date(2021, 2, 2))
    assert countries(meeting) == {"AUS", "IND", "JPN", "USA"}
    assert meeting.status is Status.OCCURRED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2020, 10, 1)


def test_the_countries_that_open_the_clause_are_the_sides_of_the_summit_it_plans(plugins: Plugins) -> None:
    text = (
        "Japan, China and South Korea agreed on Tuesday that their trilateral summit, expected in "
        "Beijing in late May, would go ahead."
    )
    (meeting,) = meetings(text, plugins, dt.date(2025, 3, 4))
    assert countries(meeting) == {"JPN", "CHN", "KOR"}
    assert meeting.status is Status.PLANNED


def test_the_two_countries_are_the_last_two_the_story_named(plugins: Plugins) -> None:
    text = (
        "Relations between Japan and the Philippines have deepened. "
        "The two countries held defence talks in Manila on Monday."
    )
    (meeting,) = meetings(text, plugins, dt.date(2025, 6, 4))
    assert countries(meeting) == {"JPN", "PHL"}


def test_mentions_of_one_meeting_of_governments_are_one_event(plugins: Plugins) -> None:
    text = (
        "The second AUKUS defence ministers' meeting will be held in London on June 12. "
        "The AUKUS meeting in London will focus on submarines."
    )
    (meeting,) = meetings(text, plugins, dt.date(2025, 6, 1))
    assert countries(meeting) == {"AUS", "GBR", "USA"}
    assert meeting.location is not None
    assert meeting.location.name == "London"


def test_side_cues_ask_for_all_their_countries() -> None:
    assert sides_for_grouping("a Quad summit and an AUKUS meeting") == []  # which one: no sides
    assert counted_countries("the three countries", ["JPN", "USA"]) == []
    assert subject_countries("Prime Minister Smith and Japan signed the pact") == []
    assert subject_countries("Washington and Tokyo will hold talks") == ["USA", "JPN"]


def test_a_phrase_counts_countries_only_with_a_number_and_a_plural_of_countries() -> None:
    assert counts_countries("the leaders of both nations met in Hanoi")
    assert counts_countries("the three neighbouring countries")
    assert not counts_countries("the two leaders met in Hanoi")
    assert not counts_countries("the country's ministers")


def test_a_summit_among_listed_countries_is_their_leaders_when_the_story_names_them(plugins: Plugins) -> None:
    text = (
        "President Joe Biden will welcome President Yoon Suk Yeol and Prime Minister Fumio Kishida to "
        "Maryland. Officials confirmed a trilateral summit among the United States, Japan and South Korea "
        "at Camp David on August 18."
    )
    summits = [m for m in meetings(text, plugins, dt.date(2023, 8, 10)) if m.time and m.time.start]
    assert any(
        persons(m) == {"Joe Biden", "Yoon Suk Yeol", "Fumio Kishida"} and m.time.start == dt.date(2023, 8, 18)
        for m in summits
        if m.time
    )


def test_a_summit_among_listed_countries_whose_leaders_go_unnamed_is_of_their_governments(
    plugins: Plugins,
) -> None:
    text = "Officials confirmed talks between Japan and the Philippines in Manila on August 18."
    (meeting,) = meetings(text, plugins, dt.date(2023, 8, 10))
    assert countries(meeting) == {"JPN", "PHL"}


def test_a_dated_past_meeting_named_in_passing_is_its_own_event_of_the_planned_meetings_sides(
    plugins: Plugins,
) -> None:
    text = (
        "The minister called for faster work on the coming trilateral summit between the leaders of "
        "Japan, China and South Korea, as decided at the vice-ministerial meeting in October last year."
    )
    found = meetings(text, plugins, dt.date(2025, 3, 4))
    assert len(found) == 2
    planned = [m for m in found if m.status is Status.PLANNED]
    past = [m for m in found if m.status is Status.OCCURRED]
    assert len(planned) == 1
    assert len(past) == 1
    assert planned[0].time is None
    assert countries(past[0]) == {"JPN", "CHN", "KOR"}
    assert past[0].time is not None
    assert past[0].time.start == dt.date(2024, 10, 1)


def test_the_leaders_a_sentence_names_take_part_in_the_grouping_summit_it_plans(plugins: Plugins) -> None:
    text = (
        "Japanese Prime Minister Kenji Morota told U.S. President Hal Brody on Friday of his wish to host "
        "an in-person summit of the Quad countries in Tokyo in May."
    )
    summits = meetings(text, plugins, dt.date(2026, 1, 24))
    summit = next(m for m in summits if countries(m))
    assert persons(summit) == {"Kenji Morota", "Hal Brody"}
    assert countries(summit) == {"AUS", "IND"}


def test_a_grouping_meeting_held_in_the_past_keeps_its_governments_as_sides(plugins: Plugins) -> None:
    text = (
        "The first Quad summit was held in Washington in March 2021, Japanese Prime Minister Kenji Morota "
        "told reporters on Friday."
    )
    (summit,) = meetings(text, plugins, dt.date(2026, 1, 24))
    assert persons(summit) == set()
    assert countries(summit) == {"AUS", "IND", "JPN", "USA"}


def test_members_named_attending_a_groupings_meeting_are_one_meeting_with_the_other_governments(
    plugins: Plugins,
) -> None:
    text = (
        "Indian External Affairs Minister Ravi Menon will travel to Tokyo on October 6 to attend the "
        "ministerial meeting of the Quad. U.S. Secretary of State Hal Brody will also attend the Quad "
        "ministerial meeting in Tokyo on October 6."
    )
    (meeting,) = meetings(text, plugins, dt.date(2026, 10, 1))
    assert persons(meeting) == {"Ravi Menon", "Hal Brody"}
    assert countries(meeting) == {"AUS", "JPN"}


def test_a_groupings_ministerial_meeting_named_by_its_members_takes_the_foreign_ministers_named_with_it(
    plugins: Plugins,
) -> None:
    text = (
        "The India-Australia-Japan-US ministerial meeting will take place in Tokyo on October 6, in which "
        "the foreign ministers of the four countries will take part. Indian External Affairs Minister "
        "Ravi Menon will travel to Tokyo on October 6 to attend the ministerial meeting of the Quad and "
        "hold talks with Japanese Foreign Minister Kenji Morota."
    )
    quad = [m for m in meetings(text, plugins, dt.date(2026, 10, 1)) if countries(m)]
    assert [persons(m) for m in quad] == [{"Ravi Menon", "Kenji Morota"}]
    assert countries(quad[0]) == {"AUS", "USA"}


def test_a_north_korean_title_places_its_holder_in_north_korea() -> None:
    from alliancekit.actors import KnowledgeBase
    from alliancekit.rules.mentions import PersonFinder

    finder = PersonFinder(KnowledgeBase(), dt.date(2026, 1, 1))
    (minister,) = finder.find("North Korean Foreign Minister Ri Pak-sol will travel to Moscow.", 0)
    assert minister.country == "PRK"


@pytest.mark.parametrize(
    "phrase",
    [
        "the Foreign Ministers' meeting",
        "a meeting of TOP DIPLOMATS",
        "the defence chiefs' talks",
        "a Trade Minister session",
        "the trilateral Summit",
        "the Leaders’ retreat",
        "the Quad ministerial meeting",
        "working-level talks",
        "the ſummit of the two",
    ],
)
def test_the_occasion_look_lets_through_every_phrase_an_occasion_pattern_matches(phrase: str) -> None:
    matched = any(pattern.search(phrase) for pattern, _ in _OCCASION_OFFICES)
    looked = not ascii_words(phrase) or any(word in phrase.lower() for word in _OCCASION_WORDS)
    assert looked or not matched
    assert (office_of_occasion(phrase) is not None) == matched
