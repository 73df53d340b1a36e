"""Where an engagement takes place, as real writers give it.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType
from alliancekit.pipeline import explain, extract
from alliancekit.plugins import Plugins
from alliancekit.rules.mentions import find_places
from alliancekit.rules.places import _may_name_gathering


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_a_city_the_gazetteer_lacks_is_placed_by_the_country_after_it(plugins: Plugins) -> None:
    text = (
        "Vice Foreign Minister Takeo Akiba held talks with his Chinese counterpart Le Yucheng on Saturday "
        "in Matsumoto, Japan."
    )
    (meeting,) = [e for e in run(text, plugins, dt.date(2019, 10, 7)) if e.type is EventType.MEETING]
    assert meeting.location is not None
    assert (meeting.location.name, meeting.location.country) == ("Matsumoto", "JPN")


def test_every_iso_country_is_a_place_not_only_the_curated_ones(plugins: Plugins) -> None:
    places = find_places("The leaders met in Peru and later flew to Namibia.", 0, plugins.knowledge_base)
    assert [(p.name, p.country) for p in places] == [("Peru", "PER"), ("Namibia", "NAM")]


def test_here_is_the_dateline_city(plugins: Plugins) -> None:
    text = (
        "JOHANNESBURG (Wire) - Prime Minister Narendra Modi on Friday met his Australian counterpart "
        "Anthony Albanese here, officials said."
    )
    (meeting,) = [e for e in run(text, plugins, dt.date(2025, 11, 22)) if e.type is EventType.MEETING]
    assert meeting.location is not None
    assert meeting.location.name.lower() == "johannesburg"


def test_here_without_a_dateline_leaves_the_place_open(plugins: Plugins) -> None:
    text = "Prime Minister Narendra Modi on Friday met his Australian counterpart Anthony Albanese here."
    (meeting,) = [e for e in run(text, plugins, dt.date(2025, 11, 22)) if e.type is EventType.MEETING]
    assert meeting.location is None


def visits(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type is EventType.VISIT]


def test_every_stop_of_a_listed_itinerary_is_a_visit(plugins: Plugins) -> None:
    text = "Defense Secretary Pete Hegseth will travel to Japan, Malaysia, Vietnam and South Korea next week."
    stops = {e.location.name for e in visits(run(text, plugins, dt.date(2025, 10, 30))) if e.location}
    assert stops == {"Japan", "Malaysia", "Vietnam", "South Korea"}


def test_a_trip_that_takes_him_somewhere_sends_him_and_a_trip_home_is_no_visit(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth arrived in Seoul on Monday. Korea is the last leg of an Asia swing "
        "that will also take him to Hawaii, Japan and Malaysia."
    )
    stops = {e.location.name for e in visits(run(text, plugins, dt.date(2025, 10, 30))) if e.location}
    assert stops == {"Seoul", "Japan", "Malaysia"}


def test_a_final_destination_is_a_stop_of_the_one_whose_trip_it_is(plugins: Plugins) -> None:
    text = (
        "French President Emmanuel Macron landed in Indonesia on Tuesday. "
        "Macron's final destination will be Singapore on Friday."
    )
    singapore = [
        e for e in visits(run(text, plugins, dt.date(2025, 5, 28))) if e.location.name == "Singapore"
    ]
    assert len(singapore) == 1
    assert singapore[0].time is not None
    assert singapore[0].time.start == dt.date(2025, 5, 30)


def test_a_visit_by_someone_to_a_place_and_a_place_that_names_the_visit(plugins: Plugins) -> None:
    by_to = "Biden praised the talks held during a visit by President Yoon Suk Yeol to Washington this week."
    (visit,) = visits(run(by_to, plugins, dt.date(2023, 5, 1)))
    assert (visit.location.name, visit.status.value) == ("Washington", "occurred")
    modifier = "Kishida's trip returns a Tokyo visit by President Yoon Suk Yeol last month."
    (visit,) = visits(run(modifier, plugins, dt.date(2023, 5, 1)))
    assert visit.location.name == "Tokyo"
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (dt.date(2023, 4, 1), dt.date(2023, 4, 30))


def test_a_name_ending_in_a_month_is_still_a_name(plugins: Plugins) -> None:
    text = "Prime Minister Theresa May's visit to Japan last August strengthened ties."
    (visit,) = visits(run(text, plugins, dt.date(2017, 11, 1)))
    assert {p.actor.name for p in visit.participants} == {"Theresa May"}


def test_a_named_site_after_at_the_is_the_place_but_a_summit_is_not(plugins: Plugins) -> None:
    site = "Prime Minister Narendra Modi called on Prime Minister Lee Hsien Loong at the Istana on Friday."
    (meeting,) = [e for e in run(site, plugins, dt.date(2018, 6, 2)) if e.type is EventType.MEETING]
    assert meeting.location is not None
    assert meeting.location.name == "Istana"
    summit = "President Yoon Suk Yeol met President Joe Biden at the Group of Seven summit on Friday."
    (meeting,) = [e for e in run(summit, plugins, dt.date(2023, 5, 22)) if e.type is EventType.MEETING]
    assert meeting.location is None


def test_the_country_is_the_country_the_story_last_named(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Lloyd Austin is on his third trip to the Philippines. "
        "He arrived in the country on Tuesday night, officials said."
    )
    arrivals = [e for e in visits(run(text, plugins, dt.date(2024, 7, 31))) if e.time and e.time.start]
    assert [(e.location.name, e.time.start) for e in arrivals] == [("Philippines", dt.date(2024, 7, 30))]


def test_a_demonym_before_a_visit_names_its_country_and_a_possessive_ends_the_name(plugins: Plugins) -> None:
    text = "President Donald Trump's British visit, July 13-16, will include talks with Theresa May."
    (visit,) = visits(run(text, plugins, dt.date(2018, 7, 5)))
    assert {p.actor.name for p in visit.participants} == {"Donald Trump"}
    assert (visit.location.country, visit.status.value) == ("GBR", "planned")
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (dt.date(2018, 7, 13), dt.date(2018, 7, 16))


def test_arriving_here_is_a_visit_to_the_dateline_city(plugins: Plugins) -> None:
    text = "TOKYO (Wire) - President Barack Obama arrived here Wednesday to begin an eight-day Asia tour."
    (visit,) = visits(run(text, plugins, dt.date(2014, 4, 24)))
    assert visit.location is not None
    assert visit.location.name == "Tokyo"
    assert visit.time is not None
    assert visit.time.start == dt.date(2014, 4, 23)


def test_leaders_of_two_countries_arriving_together_make_a_visit_each(plugins: Plugins) -> None:
    text = (
        "Along with Prime Minister Shinzo Abe, Chinese Premier Li Keqiang will arrive in Seoul "
        "for a three-day visit on Saturday."
    )
    found = visits(run(text, plugins, dt.date(2015, 10, 29)))
    assert sorted(tuple(p.actor.name for p in e.participants) for e in found) == [
        ("Li Keqiang",),
        ("Shinzo Abe",),
    ]


def test_a_host_who_goes_along_with_the_visitor_shares_the_visit(plugins: Plugins) -> None:
    text = "Defense Secretary Pete Hegseth and Prime Minister Shigeru Ishiba flew to Iwo Jima on Saturday."
    (visit,) = visits(run(text, plugins, dt.date(2025, 3, 31)))
    assert {p.actor.name for p in visit.participants} == {"Pete Hegseth", "Shigeru Ishiba"}


def test_the_north_is_north_korea_in_a_story_about_both_koreas(plugins: Plugins) -> None:
    text = (
        "South Korean envoy Park Ji-won said on Tuesday that talks with North Korea could resume soon.\n\n"
        "Park visited the North in March for a meeting with officials in Pyongyang."
    )
    visits = [e for e in run(text, plugins, dt.date(2025, 6, 4)) if e.type is EventType.VISIT]
    assert [(v.location.name, v.location.country) for v in visits if v.location] == [("North Korea", "PRK")]


def test_the_north_is_no_country_when_the_story_is_not_about_the_koreas(plugins: Plugins) -> None:
    text = "The minister visited the North in March, touring farms near the border with Canada."
    visits = [e for e in run(text, plugins, dt.date(2025, 6, 4)) if e.type is EventType.VISIT]
    assert all(v.location is None or v.location.country != "PRK" for v in visits)


def meetings(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type is EventType.MEETING]


def test_a_meeting_dated_within_a_visit_of_its_guest_is_where_the_visit_is(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn of Freedonia arrived in Hanoi on Sunday for a four-day state visit, his "
        "office said.\n\n"
        "On Tuesday, Venn will meet Vietnamese Prime Minister Dao Minh Quoc and attend a luncheon."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 5, 26)))
    assert meeting.location is not None
    assert meeting.location.name == "Hanoi"


def test_a_meeting_on_the_day_of_a_placed_meeting_of_the_same_envoy_is_there(plugins: Plugins) -> None:
    text = (
        "Nuclear envoy Hwang Do-yun will host the U.S. Special Representative Rebecca Marsh and Japanese "
        "envoy Kenta Ogiwara for trilateral talks in Seoul on Monday.\n\n"
        "Hwang is also scheduled to meet bilaterally with Ogiwara on Monday."
    )
    events = meetings(run(text, plugins, dt.date(2025, 6, 18)))
    (bilateral,) = [e for e in events if len(e.participants) == 2]
    assert bilateral.location is not None
    assert bilateral.location.name == "Seoul"


def test_a_meeting_on_the_sidelines_of_a_summit_is_where_the_story_puts_the_summit(plugins: Plugins) -> None:
    text = (
        "Prime Minister Arjun Mehra held talks with Chancellor Ilse Brandt on the sidelines of the G20 "
        "summit on Tuesday, officials said.\n\n"
        "Climate finance dominated the first day of the G20 summit in Bali, where leaders also discussed "
        "food security."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 11, 20)))
    assert meeting.location is not None
    assert meeting.location.name == "Bali"


def test_a_meeting_on_the_sidelines_of_a_gathering_a_city_will_host_is_in_that_city(plugins: Plugins) -> None:
    text = (
        "President Hana Ryu has proposed that Prime Minister Kenji Aoyama hold a summit with her on "
        "Nov. 2, on the sidelines of a trilateral meeting Seoul is likely to host this weekend."
    )
    found = [e for e in meetings(run(text, plugins, dt.date(2025, 10, 28))) if e.time is not None]
    assert found
    assert all(e.location is not None and e.location.name == "Seoul" for e in found)


def test_a_meeting_at_a_summit_held_elsewhere_than_another_one_takes_no_wrong_place(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn met Prime Minister Dao Minh Quoc on the sidelines of the APEC summit on "
        "Friday.\n\n"
        "Japan hosted the G7 summit in Hiroshima in May."
    )
    found = [e for e in meetings(run(text, plugins, dt.date(2025, 11, 20))) if e.time is not None]
    assert all(e.location is None or e.location.name != "Hiroshima" for e in found)


def test_capitals_and_summit_cities_abroad_are_in_the_gazetteer(plugins: Plugins) -> None:
    text = "Foreign Minister Arlo Venn met Chancellor Ilse Brandt in Glasgow, and later flew to Yogyakarta."
    places = find_places(text, 0, plugins.knowledge_base)
    assert [(p.name, p.country) for p in places] == [("Glasgow", "GBR"), ("Yogyakarta", "IDN")]


def test_here_is_a_dateline_city_joined_to_the_story_by_a_double_dash(plugins: Plugins) -> None:
    text = (
        "Finance chiefs hold first talks\n\n"
        "WASHINGTON--Finance Minister Kenji Aoyama said Treasury Secretary Dale Whitfield made no request "
        "on the yen during their trade talks here on Thursday."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 4, 25)))
    assert meeting.location is not None
    assert meeting.location.name.startswith("Washington")


def test_a_place_described_before_its_name_is_the_venue(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn and Chairman Pak Song-chol held their second summit on May 26 in the border "
        "village of Panmunjom."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 1)))
    assert meeting.location is not None
    assert meeting.location.name == "Panmunjom"


def test_a_meeting_a_trip_was_made_to_attend_is_where_the_trip_went(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Arlo Venn made his last visit to Seoul in March 2015 to attend a trilateral "
        "meeting with Foreign Minister Hana Ryu and Foreign Minister Kenji Aoyama."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 1)))
    assert meeting.location is not None
    assert meeting.location.name == "Seoul"


def test_a_building_named_by_a_common_noun_is_the_venue(plugins: Plugins) -> None:
    text = "Defense Minister Arlo Venn met Defence Minister Ilse Brandt at the ministry on Monday."
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "the ministry"


def test_a_prime_ministers_own_office_is_the_prime_ministers_office(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Hana Ryu paid a courtesy call on Prime Minister Kenji Aoyama at his office on "
        "Wednesday evening."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 5)))
    assert meeting.location is not None
    assert meeting.location.name == "Prime Minister's Office"


def test_going_home_after_a_stop_does_not_move_the_stop_home(plugins: Plugins) -> None:
    text = (
        "The lawmakers, led by Japanese lawmaker Kenta Ogiwara, are to meet the minister today and tour "
        "a semiconductor facility in Zhubei tomorrow before returning to Japan."
    )
    found = visits(run(text, plugins, dt.date(2025, 12, 9)))
    assert all(v.location is None or v.location.country != "JPN" for v in found)


def test_a_meeting_dated_before_a_trip_is_not_held_where_the_trip_goes(plugins: Plugins) -> None:
    text = (
        "The lawmakers, led by Japanese lawmaker Kenta Ogiwara, are to meet the minister today and tour "
        "a semiconductor facility in Busan tomorrow."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 12, 9)))
    assert meeting.location is None


def test_a_meeting_set_during_a_trip_by_an_opening_phrase_is_where_the_trip_went(plugins: Plugins) -> None:
    text = "During his visit to Tokyo, Foreign Minister Arlo Venn met Prime Minister Kenji Aoyama on Tuesday."
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Tokyo"


def test_a_country_s_capital_named_by_its_demonym_is_that_city(plugins: Plugins) -> None:
    text = "Foreign Minister Arlo Venn met Prime Minister Kenji Aoyama in the Japanese capital on Tuesday."
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert (meeting.location.name, meeting.location.country) == ("Tokyo", "JPN")


def test_capital_in_another_sense_is_no_place(plugins: Plugins) -> None:
    places = find_places("The Japanese capital markets rallied on Tuesday.", 0, plugins.knowledge_base)
    assert places == []


def test_a_meeting_the_day_after_an_arrival_is_where_the_visitor_arrived(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn arrived in Jakarta on Tuesday. On Wednesday he will meet President Budi "
        "Hartono. Later, Venn will travel to Yogyakarta in Central Java to tour a military academy."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Jakarta"


def test_a_ministry_that_owns_the_building_named_after_it_is_not_the_venue(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Arlo Venn held talks with Foreign Minister Kenji Aoyama on Monday at the foreign "
        "ministry's Iikura guest house."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is None or meeting.location.name != "the foreign ministry"


def test_a_visit_here_goes_to_the_dateline_city(plugins: Plugins) -> None:
    text = (
        "SINGAPORE (Wire) - Malaysian Defence Minister Arlo Venn called on Prime Minister Dao Minh Quoc "
        "on Friday. Venn is on his first official visit here since taking office."
    )
    found = visits(run(text, plugins, dt.date(2025, 6, 4)))
    assert [v.location.name for v in found if v.location] == ["Singapore"]


def test_a_second_dated_stop_of_a_trip_is_a_visit_of_its_own_day(plugins: Plugins) -> None:
    text = "President Arlo Venn heads to Beijing on Wednesday and to Seoul on Thursday."
    found = visits(run(text, plugins, dt.date(2025, 6, 2)))
    days = {v.location.name: str(v.time.start) for v in found if v.location and v.time}
    assert days == {"Beijing": "2025-06-04", "Seoul": "2025-06-05"}


def test_a_country_named_as_a_possessor_after_a_stop_is_no_further_stop(plugins: Plugins) -> None:
    text = (
        "Arrangements are being made for Premier Wei Lan to meet Prime Minister Kenji Aoyama during their "
        "stay in Seoul, China’s foreign ministry spokeswoman said."
    )
    found = visits(run(text, plugins, dt.date(2025, 6, 2)))
    assert all(v.location is not None and v.location.name == "Seoul" for v in found)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        (
            "Foreign Minister Arlo Venn met Foreign Minister Hana Ryu during COP29 on Tuesday. "
            "COP29 is being held in Baku.",
            "Baku",
        ),
        (
            "Defense Minister Arlo Venn met Defense Minister Hana Ryu at the Shangri-La Dialogue on "
            "Saturday. The Shangri-La Dialogue, held in Singapore, ended on Sunday.",
            "Singapore",
        ),
        (
            "Foreign Minister Arlo Venn met Foreign Minister Hana Ryu on the sidelines of the Munich "
            "Security Conference on Saturday.",
            "Munich",
        ),
    ],
)
def test_a_gathering_s_place_is_read_from_how_the_story_names_or_holds_it(
    plugins: Plugins, text: str, place: str
) -> None:
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == place


def test_the_g7_is_the_group_of_seven_summit_the_story_places(plugins: Plugins) -> None:
    text = (
        "Prime Minister Arlo Venn met Chancellor Ilse Brandt on the sidelines of the G7 on Saturday. "
        "Leaders gathered for the Group of Seven summit in Hiroshima this weekend."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Hiroshima"


def test_a_meeting_this_weekend_is_not_held_on_a_visit_planned_for_later_this_year(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn invited Prime Minister Hana Ryu to make an official visit to Washington "
        "later this year. Venn and Ryu will hold talks this weekend, officials said."
    )
    found = [e for e in meetings(run(text, plugins, dt.date(2025, 6, 4))) if e.time is not None]
    assert found
    assert all(e.location is None for e in found)


def test_a_meeting_is_not_held_on_a_visit_that_was_called_off(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn called off a planned stop in Papua New Guinea. Venn and Prime Minister "
        "Hana Ryu will still hold talks this weekend, officials said."
    )
    found = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert found
    assert all(e.location is None or e.location.country != "PNG" for e in found)


def test_a_meeting_during_which_clause_of_a_visit_is_where_the_visit_is(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn arrived in Tokyo on Monday for a three-day visit, during which he will meet "
        "Prime Minister Kenji Aoyama."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Tokyo"


def test_a_place_after_a_possessive_is_the_venue(plugins: Plugins) -> None:
    text = "President Arlo Venn will host Prime Minister Kenji Aoyama at his Mar-a-Lago resort next week."
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Mar-a-Lago"


def test_a_base_toured_on_a_trip_to_a_country_is_a_stop_of_its_own(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Arlo Venn will travel to Japan next week, where he will visit Yokosuka Naval "
        "Base and meet Defense Minister Kenji Aoyama."
    )
    found = visits(run(text, plugins, dt.date(2025, 6, 4)))
    assert sorted(v.location.name for v in found if v.location) == ["Japan", "Yokosuka Naval Base"]


def test_the_explanation_says_a_meeting_takes_the_place_of_its_gathering(plugins: Plugins) -> None:
    text = (
        "Prime Minister Arlo Venn held talks with Chancellor Ilse Brandt on the sidelines of the G20 "
        "summit on Tuesday.\n\nClimate finance dominated the first day of the G20 summit in Bali."
    )
    (explained,) = explain(text, published=dt.date(2025, 11, 20), plugins=plugins)
    reasons = dict(explained.reasons)
    assert "gathering" in reasons["location"]


def test_a_meeting_to_come_after_an_earlier_trip_is_not_held_where_that_trip_went(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Arlo Venn, who visited Tokyo in May, is expected to meet Foreign Minister Hana "
        "Ryu in Seoul next week.\n\n"
        "Foreign Minister Kenta Ogiwara visited Hanoi in May and is scheduled to meet Foreign Minister "
        "Hana Ryu next week."
    )
    found = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert {e.location.name if e.location else None for e in found} == {"Seoul", None}


def test_two_gatherings_sharing_only_a_region_word_are_not_one(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn met Prime Minister Hana Ryu on the sidelines of the East Asia Summit on "
        "Friday. The Asia-Pacific Economic Cooperation summit in Gyeongju follows next week."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is None


def test_the_next_summit_s_place_is_not_the_place_of_one_just_held(plugins: Plugins) -> None:
    text = (
        "President Arlo Venn met Prime Minister Hana Ryu on the sidelines of the summit on Friday. "
        "The next summit will be held in Tokyo."
    )
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is None


@pytest.mark.parametrize(
    "text",
    [
        "President Arlo Venn and Prime Minister Hana Ryu met at a hotel in central Seoul on Monday.",
        "President Arlo Venn and Prime Minister Hana Ryu met in Seoul's Yongsan district on Monday.",
    ],
)
def test_a_city_given_with_a_part_of_it_is_the_venue(plugins: Plugins, text: str) -> None:
    (meeting,) = meetings(run(text, plugins, dt.date(2025, 6, 4)))
    assert meeting.location is not None
    assert meeting.location.name == "Seoul"


def test_a_trip_to_one_city_and_then_to_another_is_a_visit_to_each(plugins: Plugins) -> None:
    text = "Defense Secretary Arlo Venn will travel to Tokyo and then to Seoul next week."
    found = visits(run(text, plugins, dt.date(2025, 6, 4)))
    assert sorted(v.location.name for v in found if v.location) == ["Seoul", "Tokyo"]


def test_a_stop_on_the_way_does_not_become_the_trip_s_destination(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Aoyama will visit the United States next month, with a stop in Hawaii on "
        "the way."
    )
    found = visits(run(text, plugins, dt.date(2025, 6, 4)))
    assert "United States" in {v.location.name for v in found if v.location}


@pytest.mark.parametrize(
    "text",
    [
        "Defense Minister Aiko Tanabe attended a ceremony for the new US envoy on Friday.",
        "Defense Minister Aiko Tanabe attended a change-of-command ceremony for the new U.S. Forces "
        "Japan commander on Friday.",
    ],
)
def test_a_country_naming_whose_envoy_or_forces_is_no_place_gone_to(plugins: Plugins, text: str) -> None:
    found = visits(run(text, plugins, dt.date(2025, 12, 22)))
    assert all(v.location is None or v.location.country != "USA" for v in found)


def test_a_trip_to_a_country_before_the_title_of_whom_it_meets_goes_there(plugins: Plugins) -> None:
    text = "Foreign Minister Aiko Tanabe will travel to Canada Monday to meet her counterpart."
    found = visits(run(text, plugins, dt.date(2025, 12, 22)))
    assert [v.location.name for v in found if v.location] == ["Canada"]


def test_only_a_text_with_a_gatherings_noun_or_code_may_name_one() -> None:
    assert _may_name_gathering("on the sidelines of the ASEAN SUMMIT in Jakarta")
    assert _may_name_gathering("during COP26 in Glasgow")
    assert not _may_name_gathering("Varga met President Tanabe in Hanoi on Monday.")
    assert _may_name_gathering("Varga met Président Tanabe in Hanoi on Monday.")  # letters beyond ASCII
