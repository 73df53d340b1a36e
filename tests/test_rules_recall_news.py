"""Engagements of real-news phrasing the ``rules`` extractor should not miss.

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import ActorKind, Event, EventType, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from helpers import of_type, persons


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_a_guests_visit_with_no_place_goes_to_the_speakers_country(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Taro Kono said Tokyo is eager to welcome President Xi Jinping's state visit "
        "in the autumn."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2019, 5, 2)), EventType.VISIT)
    assert persons(visit) == {"Xi Jinping"}
    assert visit.location is not None
    assert visit.location.name == "Japan"
    assert visit.status is Status.PLANNED


def test_a_visit_the_speaker_makes_is_not_placed_in_their_own_country(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Taro Kono said Prime Minister Shinzo Abe's visit in the autumn is being prepared."
    )
    assert of_type(run(text, plugins, dt.date(2019, 5, 2)), EventType.VISIT) == []


def test_the_two_leaders_include_a_party_general_secretary(plugins: Plugins) -> None:
    text = (
        "President Lee Jae-myung arrived in Beijing on Sunday for a three-day state visit. "
        "Former President Moon Jae-in made the last such trip in 2017. "
        "Lee will dine with Korean residents on Sunday evening. "
        "His summit with Xi Jinping is set for Monday. "
        "The two leaders last met in Gyeongju in November last year."
    )
    meetings = of_type(run(text, plugins, dt.date(2026, 1, 4)), EventType.MEETING)
    earlier = [m for m in meetings if m.status is Status.OCCURRED]
    assert [persons(m) for m in earlier] == [{"Lee Jae-myung", "Xi Jinping"}]


def test_a_summit_between_the_leaders_of_listed_countries_has_those_countries_as_sides(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Cho Tae-yul called for work to begin on the next summit between the leaders "
        "of South Korea, China and Japan."
    )
    (summit,) = of_type(run(text, plugins, dt.date(2025, 3, 22)), EventType.MEETING)
    assert {p.actor.country for p in summit.participants} == {"KOR", "CHN", "JPN"}
    assert summit.status is Status.PLANNED


def test_a_leader_meeting_unnamed_leaders_of_listed_countries_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Prime Minister Fumio Kishida and the leaders of the United States and South Korea met last week "
        "at Camp David."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2023, 8, 25)), EventType.MEETING)
    assert persons(meeting) == {"Fumio Kishida"}
    assert {p.actor.country for p in meeting.participants} == {"JPN", "USA", "KOR"}
    assert meeting.status is Status.OCCURRED


def test_a_visitor_arriving_in_the_country_arrives_in_the_host_country_not_home(plugins: Plugins) -> None:
    text = (
        "U.S. Defense Secretary Lloyd Austin is in the country for talks with Philippine officials. "
        "He arrived in the country on Tuesday night."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2023, 2, 2)), EventType.VISIT)
    assert persons(visit) == {"Lloyd Austin"}
    assert visit.location is not None
    assert visit.location.country == "PHL"


def test_an_arrival_opening_the_sentence_is_made_by_the_main_clauses_subject(plugins: Plugins) -> None:
    text = (
        "Before landing in Seoul on Monday evening, Secretary of State Antony Blinken told reporters "
        "that the alliance had never been stronger."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2024, 3, 19)), EventType.VISIT)
    assert persons(visit) == {"Antony Blinken"}
    assert visit.location is not None
    assert visit.location.name == "Seoul"
    assert visit.status is Status.OCCURRED


def test_a_meeting_of_the_ministers_of_counted_countries_has_those_countries_as_sides(
    plugins: Plugins,
) -> None:
    text = (
        "Australia, India, Japan and the United States will send ministers to Tokyo next month. "
        "The last meeting of defence ministers of the four countries was held in Sydney in March."
    )
    meetings = of_type(run(text, plugins, dt.date(2024, 6, 10)), EventType.MEETING)
    held = [m for m in meetings if m.status is Status.OCCURRED]
    assert [{p.actor.country for p in m.participants} for m in held] == [{"AUS", "IND", "JPN", "USA"}]


def test_words_said_to_someone_on_the_sidelines_of_a_gathering_are_a_meeting(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi told Penny Wong on the sidelines of the ASEAN meetings in "
        "Vientiane on Saturday that the two countries must stand together."
    )
    meetings = of_type(run(text, plugins, dt.date(2024, 7, 28)), EventType.MEETING)
    assert {frozenset(persons(m)) for m in meetings} == {frozenset({"Toshimitsu Motegi", "Penny Wong"})}
    assert {m.status for m in meetings} == {Status.OCCURRED}


def test_invitations_each_way_between_two_leaders_are_two_invitations(plugins: Plugins) -> None:
    text = (
        "At their talks in Lima, President Xi Jinping asked President Yoon Suk Yeol to visit China, "
        "and Yoon then invited Xi to visit South Korea."
    )
    invitations = of_type(run(text, plugins, dt.date(2024, 11, 16)), EventType.INVITATION)
    inviters = sorted(p.actor.name for i in invitations for p in i.participants if p.role.value == "inviter")
    assert inviters == ["Xi Jinping", "Yoon Suk Yeol"]


def test_plural_counterparts_with_a_two_word_nationality_are_the_people_named(plugins: Plugins) -> None:
    text = (
        "Chinese Foreign Minister Wang Yi will fly to Tokyo on Friday. Wang will see Foreign Minister "
        "Takeshi Iwaya and Foreign Minister Cho Tae-yul separately on Saturday. He will then hold a "
        "trilateral meeting with his Japanese and South Korean counterparts on Saturday afternoon."
    )
    meetings = of_type(run(text, plugins, dt.date(2025, 3, 19)), EventType.MEETING)
    assert {"Wang Yi", "Takeshi Iwaya", "Cho Tae-yul"} in [persons(m) for m in meetings]
    assert all(p.actor.kind is ActorKind.PERSON for m in meetings for p in m.participants)


def test_a_discussion_with_a_leader_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "President Lee Jae-myung had a frank discussion with Prime Minister Shigeru Ishiba in Osaka "
        "on Saturday."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2025, 6, 23)), EventType.MEETING)
    assert persons(meeting) == {"Lee Jae-myung", "Shigeru Ishiba"}


def test_a_host_looking_forward_to_welcoming_a_guest_to_a_country_announces_a_visit(
    plugins: Plugins,
) -> None:
    text = (
        "President Ferdinand Marcos Jr. said he looked forward to welcoming Prime Minister Anthony "
        "Albanese to the Philippines later this year."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2025, 3, 3)), EventType.VISIT)
    assert persons(visit) == {"Anthony Albanese"}
    assert visit.location is not None
    assert visit.location.country == "PHL"
    assert visit.status is Status.PLANNED


def test_a_call_on_a_leader_is_apart_from_talks_with_a_ministers_unnamed_counterpart(
    plugins: Plugins,
) -> None:
    text = (
        "U.S. Defense Secretary Lloyd Austin arrived in Tokyo on Tuesday. While in Japan, Austin will "
        "hold talks with his Japanese counterpart and pay a courtesy call to Prime Minister Fumio Kishida."
    )
    meetings = of_type(run(text, plugins, dt.date(2023, 6, 1)), EventType.MEETING)
    with_leader = [m for m in meetings if "Fumio Kishida" in persons(m)]
    assert len(meetings) == 2
    assert len(with_leader) == 1
    assert persons(with_leader[0]) == {"Lloyd Austin", "Fumio Kishida"}
    assert with_leader[0].location is not None
    assert with_leader[0].location.country == "JPN"


def test_an_understanding_two_leaders_reached_on_the_sidelines_of_a_summit_is_their_meeting(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Wang Yi and Secretary of State Antony Blinken held talks in Washington on "
        "Friday. The two sides agreed to carry out the understanding reached by President Joe Biden and "
        "President Xi Jinping on the sidelines of the Group of 20 summit in Bali last November."
    )
    meetings = of_type(run(text, plugins, dt.date(2023, 10, 28)), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Antony Blinken", "Wang Yi"],
        ["Joe Biden", "Xi Jinping"],
    ]
    (leaders,) = [m for m in meetings if "Joe Biden" in persons(m)]
    assert leaders.status is Status.OCCURRED
    assert leaders.location is not None
    assert leaders.location.name == "Bali"


@pytest.mark.parametrize(
    "gathering",
    [
        "the G20 summit in Indonesia’s Bali",
        "a summit of the Group of 20 (G20) major economies in Indonesia’s Bali",
    ],
)
def test_a_gathering_in_a_countrys_city_places_the_meeting_held_at_it_in_the_city(
    plugins: Plugins, gathering: str
) -> None:
    text = (
        "Foreign Minister Wang Yi and Secretary of State Antony Blinken held talks in Washington on "
        "Friday. The two sides agreed to carry out the understanding reached by President Joe Biden and "
        f"President Xi Jinping on the sidelines of {gathering} last November."
    )
    meetings = of_type(run(text, plugins, dt.date(2023, 10, 28)), EventType.MEETING)
    (leaders,) = [m for m in meetings if "Joe Biden" in persons(m)]
    assert leaders.location is not None
    assert leaders.location.name == "Bali"


def test_a_library_and_museum_toured_in_a_city_visited_is_a_stop_of_its_own(plugins: Plugins) -> None:
    text = (
        "On Sunday, President Lee Jae-myung visited Boston. The President first visited the Carter "
        "Presidential Library and Museum located in the city of Boston, and then attended a dinner."
    )
    visits = of_type(run(text, plugins, dt.date(2025, 8, 25)), EventType.VISIT)
    places = sorted(v.location.name for v in visits if v.location is not None)
    assert places == ["Boston", "Carter Presidential Library and Museum"]
    assert all(persons(v) == {"Lee Jae-myung"} for v in visits)


def test_a_trip_made_in_hopes_of_meeting_a_leader_plans_that_meeting(plugins: Plugins) -> None:
    text = (
        "Former Foreign Minister Taro Kono is planning to visit China from Sept. 3 to 5 in hopes of "
        "meeting China's President Xi Jinping."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2025, 8, 20)), EventType.MEETING)
    assert persons(meeting) == {"Taro Kono", "Xi Jinping"}
    assert meeting.status is Status.PLANNED
