"""Event coreference in the rules extractor: the mentions of one engagement and how each field is decided.

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType, Role, Status
from alliancekit.pipeline import explain, extract
from alliancekit.plugins import Plugins
from alliancekit.rules.clusters import inherit
from alliancekit.rules.document import Draft, Party
from alliancekit.rules.mentions import PersonMention, PlaceMention
from alliancekit.rules.text import Sentence
from alliancekit.rules.triggers import Trigger
from helpers import persons

FEBRUARY = dt.date(2026, 2, 10)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins) -> list[Event]:
    return extract(text, published=FEBRUARY, plugins=plugins)


def test_a_summit_postponed_then_given_a_new_date_is_planned_on_that_date(plugins: Plugins) -> None:
    text = (
        "The summit between Prime Minister Kenji Arata and President Mara Velsen was postponed last week.\n"
        "The summit has been rescheduled for March 3.\n"
    )
    [event] = run(text, plugins)
    assert event.status is Status.PLANNED
    assert event.time is not None
    assert event.time.start == event.time.end == dt.date(2026, 3, 3)
    assert len(event.evidence) == 2  # both mentions


def test_bilateral_talks_of_two_members_are_not_the_trilateral_they_attended(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Arata met Secretary of State Marco Rubio and Foreign Minister Cho Hyun "
        "in Munich on Saturday for trilateral talks.\n"
        "Also in Munich, Arata and Cho held bilateral talks on trade.\n"
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert sorted(len(persons(e)) for e in meetings) == [2, 3]


def test_a_listed_stop_does_not_give_its_city_to_the_whole_tour(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth's trip to Asia began over the weekend.\n"
        "His week-long tour includes visits to Manila and Jakarta.\n"
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert sorted(e.location.name for e in visits if e.location is not None) == ["Jakarta", "Manila"]
    assert all(e.time is None for e in visits)  # the weekend dates the tour, not one stop


def test_a_reference_dated_otherwise_is_another_occasion(plugins: Plugins) -> None:
    text = (
        "European Council President Antonio Costa and Prime Minister Sanae Takaichi will hold a summit "
        "in Brussels this summer.\n"
        "The last summit, held in Tokyo in July 2025, produced a joint statement.\n"
    )
    summit = next(e for e in run(text, plugins) if e.type is EventType.MEETING)
    assert summit.status is Status.PLANNED
    assert summit.location is not None
    assert summit.location.name == "Brussels"
    assert summit.time is not None
    assert summit.time.start == dt.date(2026, 6, 1)


def test_the_explanation_names_the_mention_that_decided_each_field(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Arata will visit Japan next week, officials said.\n"
        "The trip, expected to begin on Monday, will take him to Tokyo.\n"
    )
    [explained] = explain(text, published=FEBRUARY, plugins=plugins)
    assert explained.event.location is not None
    assert explained.event.location.name == "Tokyo"
    time = explained.reason("time") or ""
    assert "'on Monday'" in time
    assert "of its 3 mentions, 'trip' (sentence 2) decided it: the most specific time" in time
    location = explained.reason("location") or ""
    assert "decided it: the most specific place, in the country the others give" in location


def test_what_the_people_of_a_held_meeting_were_expected_to_do_is_that_meeting(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Arata and President Mara Velsen met in Vienna on Saturday. "
        "The two were expected to exchange views on export controls.\n"
    )
    [event] = run(text, plugins)
    assert event.status is Status.OCCURRED
    assert persons(event) == {"Kenji Arata", "Mara Velsen"}


def test_a_called_off_stop_keeps_the_dates_of_the_trip_it_was_part_of(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Arata will travel to Canberra but will not go to Fiji and Samoa as "
        "first planned, his ministry said.\n"
        "Arata was scheduled to visit Australia, Fiji and Samoa between March 4 and March 9.\n"
    )
    off = [e for e in run(text, plugins) if e.status is Status.CANCELLED]
    assert sorted(e.location.name for e in off if e.location is not None) == ["Fiji", "Samoa"]
    for event in off:
        assert event.time is not None
        assert (event.time.start, event.time.end) == (dt.date(2026, 3, 4), dt.date(2026, 3, 9))


def test_a_meeting_on_the_same_day_takes_that_day_over_a_vaguer_time(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Cho Hyun will hold bilateral and trilateral talks with his U.S. and Japanese "
        "counterparts in Seoul next week, the ministry said.\n"
        "Cho is scheduled to meet separately with Secretary of State Marco Rubio and Foreign Minister "
        "Toshimitsu Motegi on Monday. The three will also meet trilaterally on the same day.\n"
    )
    [trilateral] = [e for e in run(text, plugins) if len(persons(e)) == 3]
    assert trilateral.time is not None
    assert trilateral.time.start == trilateral.time.end == dt.date(2026, 2, 16)


def test_an_undated_planned_trip_is_the_dated_one_its_companion_joins_later(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Arata delayed naming his cabinet so he can travel to Japan for talks.\n"
        "Arata and Foreign Minister Lina Varga will fly to Tokyo on Monday.\n"
    )
    [visit] = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert persons(visit) == {"Kenji Arata", "Lina Varga"}
    assert visit.location is not None
    assert visit.location.name == "Tokyo"
    assert visit.status is Status.PLANNED


def test_what_a_called_off_trip_was_scheduled_to_be_is_that_trip(plugins: Plugins) -> None:
    text = (
        "A trip to Washington by trade envoy Kenji Arata was abruptly cancelled on Thursday.\n"
        "Arata was scheduled to depart for the United States on Thursday morning.\n"
    )
    [visit] = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert visit.status is Status.CANCELLED
    assert len(visit.evidence) == 2


SUMMIT_OF_SIDES = (
    "A trilateral summit among South Korea, China and Japan is expected to take place in Chengdu, China, "
    "late next month.\n"
    "Foreign Minister Hana Seo and Chinese Foreign Minister Li Wenhao are scheduled to meet on Wednesday, "
    "with their agenda likely to include preparations for the envisioned summit among South Korean "
    "President Park Jun-ho, Chinese Premier Zhao Ming and Japanese Prime Minister Kenji Arata.\n"
)


def test_a_meeting_verb_does_not_take_the_sides_a_later_summit_lists(plugins: Plugins) -> None:
    events = run(SUMMIT_OF_SIDES, plugins)
    talks = [e for e in events if "Hana Seo" in persons(e)]
    assert [persons(e) for e in talks] == [{"Hana Seo", "Li Wenhao"}]


def test_a_dated_summit_of_countries_is_the_undated_one_naming_their_leaders(plugins: Plugins) -> None:
    events = run(SUMMIT_OF_SIDES, plugins)
    [summit] = [e for e in events if "Kenji Arata" in persons(e)]
    assert persons(summit) == {"Park Jun-ho", "Zhao Ming", "Kenji Arata"}
    assert summit.time is not None
    assert summit.time.start == dt.date(2026, 3, 21)
    assert summit.location is not None
    assert summit.location.name == "Chengdu"
    assert len(events) == 2


def test_a_headline_naming_the_two_governments_is_the_body_engagement_of_those_governments(
    plugins: Plugins,
) -> None:
    text = (
        "Japan-Vietnam talks called off\n\n"
        "A high-level Japan-Vietnam meeting has been called off as the two countries failed to agree on "
        "the level of their delegates. The two-day meeting was originally scheduled to open in Hanoi on "
        "Thursday.\n"
    )
    [event] = run(text, plugins)
    assert event.status is Status.CANCELLED
    assert event.time is not None
    assert event.time.start == dt.date(2026, 2, 12)


def test_another_person_too_visiting_the_place_of_a_reported_trip_joins_that_trip(plugins: Plugins) -> None:
    text = (
        "South Korean National Security Adviser Park Min-ho visited Hanoi on Monday to brief Vietnamese "
        "leaders.\n"
        "Vice Foreign Minister Choi Dae-sung too visited Hanoi as part of the five-member delegation.\n"
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert [persons(e) for e in visits] == [{"Park Min-ho", "Choi Dae-sung"}]


def _draft(kind: EventType, status: Status | None, sentence: int, place: str | None) -> Draft:
    venn = PersonMention(0, 4, "Arlo Venn", "President", "USA")
    ryu = PersonMention(10, 13, "Hana Ryu", "Prime Minister", "KOR")
    people = [venn] if kind is EventType.VISIT else [venn, ryu]
    trigger = Trigger(
        kind, "verbal", 20 + sentence, 24 + sentence, "meet", destination=kind is EventType.VISIT
    )
    draft = Draft.start(
        Sentence(0, 100, "", 0, sentence), trigger, [Party(p, None, Role.PARTICIPANT) for p in people]
    )
    draft.status = status
    if place is not None:
        draft.location = PlaceMention(30, 34, place, "PNG", "country", place)
    return draft


def test_an_undecided_meeting_does_not_take_the_place_of_a_visit_called_off() -> None:
    called_off = _draft(EventType.VISIT, Status.CANCELLED, 0, "Papua New Guinea")
    meeting = _draft(EventType.MEETING, None, 1, None)
    inherit([called_off, meeting])
    assert meeting.location is None


def test_talks_lasting_three_days_are_no_trilateral_and_one_with_the_bilateral_told_before(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Kenji Arata held bilateral talks with Foreign Minister Cho Hyun in Seoul "
        "on Monday. Arata and Cho held the three-day talks to settle the dispute, the ministry said."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert len(meetings) == 1
    assert persons(meetings[0]) == {"Kenji Arata", "Cho Hyun"}


def test_a_flight_made_to_tour_a_site_is_one_trip_with_the_tour(plugins: Plugins) -> None:
    text = (
        "Defense Minister Kenji Arata will arrive in Canberra on the 13th and hold talks with Defence "
        "Minister Ruth Hale the following day. He will then fly to Western Australia to tour a shipyard "
        "near Perth on the 15th."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert len(visits) == 2  # Canberra, and the one trip west


def test_people_who_joined_the_two_leaders_are_at_the_same_meeting(plugins: Plugins) -> None:
    text = (
        "President Mara Velsen welcomed Prime Minister Kenji Arata to the presidential palace today. "
        "The two leaders met in the Blue Room, where they were joined by Ambassador Lena Quist."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert len(meetings) == 1
    assert persons(meetings[0]) == {"Mara Velsen", "Kenji Arata", "Lena Quist"}


def test_a_delegation_dated_within_its_announced_trip_is_that_trip_with_one_more_member(
    plugins: Plugins,
) -> None:
    text = (
        "Sens. Ann Mercer (R-Kan.) and Paul Ortiz (D-N.M.) will lead a bipartisan congressional delegation "
        "to Canberra over next week's recess, aides said. The group, which also includes Sen. Dale Fisk "
        "(R-Idaho), is set to land in Canberra on Feb. 16 and meet Prime Minister Ruth Hale the next day."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert len(visits) == 1
    assert persons(visits[0]) == {"Ann Mercer", "Paul Ortiz", "Dale Fisk"}


def test_a_flight_on_a_day_to_visit_a_site_that_day_is_one_trip(plugins: Plugins) -> None:
    text = (
        "Defence Minister Ruth Hale arrived in Manila on Tuesday. Hale is scheduled to fly to Palawan on "
        "Thursday to visit the Armed Forces' Western Command headquarters in Puerto Princesa City before "
        "leaving the country."
    )
    visits = [
        e for e in extract(text, published=dt.date(2026, 3, 4), plugins=plugins) if e.type is EventType.VISIT
    ]
    assert len(visits) == 2  # Manila, and the one trip to Palawan
