"""Wordings real writers use for engagements, each read as the event it reports.

Every sentence here is written for these tests, in the styles of wire copy,
newspaper reports and government readouts.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import ActorKind, Event, EventType, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from helpers import of_type, persons

SPRING_DAY = dt.date(2026, 3, 10)  # a Tuesday


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = SPRING_DAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


@pytest.mark.parametrize(
    ("text", "people", "day"),
    [
        (
            "Prime Minister Anthony Albanese held video talks with President Joe Biden on Monday.",
            {"Anthony Albanese", "Joe Biden"},
            dt.date(2026, 3, 9),
        ),
        (
            "Foreign Minister Toshimitsu Motegi met virtually with Secretary of State Marco Rubio on Monday.",
            {"Toshimitsu Motegi", "Marco Rubio"},
            dt.date(2026, 3, 9),
        ),
        (
            "Prime Minister Anthony Albanese and President Joe Biden held a 30-minute phone conversation "
            "on Sunday.",
            {"Anthony Albanese", "Joe Biden"},
            dt.date(2026, 3, 8),
        ),
        (
            "Foreign Minister Cho Hyun held a teleconference with Foreign Minister Toshimitsu Motegi "
            "on Monday.",
            {"Cho Hyun", "Toshimitsu Motegi"},
            dt.date(2026, 3, 9),
        ),
        (
            "President Donald Trump called Prime Minister Sanae Takaichi on Friday to discuss trade.",
            {"Donald Trump", "Sanae Takaichi"},
            dt.date(2026, 3, 6),
        ),
        (
            "Secretary of State Marco Rubio spoke with Foreign Minister Penny Wong via video link on Monday.",
            {"Marco Rubio", "Penny Wong"},
            dt.date(2026, 3, 9),
        ),
    ],
)
def test_calls_in_every_wording_are_calls_with_their_day(
    plugins: Plugins, text: str, people: set[str], day: dt.date
) -> None:
    (call,) = of_type(run(text, plugins), EventType.CALL)
    assert persons(call) == people
    assert call.status is Status.OCCURRED
    assert call.time is not None
    assert call.time.start == day


def test_a_virtual_meeting_of_three_ministers_is_one_call_with_all_three(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi met virtually with Secretary of State Marco Rubio and "
        "Australian Foreign Minister Penny Wong on Monday."
    )
    (call,) = of_type(run(text, plugins), EventType.CALL)
    assert persons(call) == {"Toshimitsu Motegi", "Marco Rubio", "Penny Wong"}


def test_calling_someone_a_name_is_no_call(plugins: Plugins) -> None:
    text = "President Donald Trump called Prime Minister Sanae Takaichi a great friend of America."
    assert of_type(run(text, plugins), EventType.CALL) == []


def test_a_passive_invitation_names_the_invited_even_without_an_inviter(plugins: Plugins) -> None:
    text = "President Lee Jae-myung has been invited to the G7 summit in Canada as a guest."
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Lee Jae-myung"}
    assert invitation.status is Status.OCCURRED


def test_a_passive_invitation_to_visit_sends_the_invited_not_the_inviter(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi was invited by President Donald Trump to visit Washington "
        "in the spring."
    )
    events = run(text, plugins)
    (invitation,) = of_type(events, EventType.INVITATION)
    assert persons(invitation) == {"Sanae Takaichi", "Donald Trump"}
    (visit,) = of_type(events, EventType.VISIT)
    assert persons(visit) == {"Sanae Takaichi"}
    assert visit.status is Status.PLANNED


def test_a_proposed_meeting_is_an_invitation_and_a_planned_meeting(plugins: Plugins) -> None:
    text = (
        "President Joe Biden proposed a meeting with President Yoon Suk Yeol and Prime Minister "
        "Shigeru Ishiba."
    )
    events = run(text, plugins, published=dt.date(2024, 9, 1))
    (invitation,) = of_type(events, EventType.INVITATION)
    assert "Joe Biden" in persons(invitation)
    (meeting,) = of_type(events, EventType.MEETING)
    assert persons(meeting) == {"Joe Biden", "Yoon Suk Yeol", "Shigeru Ishiba"}
    assert meeting.status is Status.PLANNED


def test_a_bilateral_is_a_meeting(plugins: Plugins) -> None:
    text = "Premier Li Qiang is scheduled to hold a bilateral with President Lee Jae-myung on Saturday."
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Li Qiang", "Lee Jae-myung"}
    assert meeting.status is Status.PLANNED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 3, 14)


def test_talks_that_took_place_between_two_ministers_are_their_meeting(plugins: Plugins) -> None:
    text = (
        "The talks took place between Defense Minister Shinjiro Koizumi and Defense Secretary Pete Hegseth "
        "in Tokyo on Monday."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Shinjiro Koizumi", "Pete Hegseth"}
    assert meeting.location is not None
    assert meeting.location.name == "Tokyo"


def test_a_meeting_that_did_not_happen_is_no_event(plugins: Plugins) -> None:
    text = "Prime Minister Shigeru Ishiba did not meet President Donald Trump during the summit in Canada."
    assert of_type(run(text, plugins), EventType.MEETING) == []


def test_a_standing_commitment_to_meet_is_no_event_but_a_dated_plan_is(plugins: Plugins) -> None:
    habit = "Prime Minister Sanae Takaichi and President Lee Jae-myung agreed to meet at least once a year."
    assert of_type(run(habit, plugins), EventType.MEETING) == []
    plan = (
        "Prime Minister Sanae Takaichi and President Lee Jae-myung agreed to meet again in Seoul next year."
    )
    (meeting,) = of_type(run(plan, plugins), EventType.MEETING)
    assert meeting.status is Status.PLANNED


def test_a_meeting_inside_one_government_is_no_event(plugins: Plugins) -> None:
    text = "Prime Minister Sanae Takaichi met Finance Minister Satsuki Katayama at her office on Monday."
    assert of_type(run(text, plugins), EventType.MEETING) == []


def test_a_compound_of_surnames_names_the_sides_of_a_summit(plugins: Plugins) -> None:
    text = (
        "President Moon Jae-in met Chairman Kim Jong-un in April. "
        "The second Moon-Kim summit was held May 26 at the border village of Panmunjom."
    )
    events = run(text, plugins, published=dt.date(2018, 9, 10))
    days = sorted(e.time.start for e in of_type(events, EventType.MEETING) if e.time and e.time.start)
    assert dt.date(2018, 5, 26) in days
    assert all(persons(e) == {"Moon Jae-in", "Kim Jong-un"} for e in of_type(events, EventType.MEETING))


def test_a_dated_meeting_of_countries_is_an_event_of_their_governments(plugins: Plugins) -> None:
    text = "The Japan-U.S.-ROK vice ministers' meeting was held on November 17 in Tokyo."
    (meeting,) = of_type(run(text, plugins, published=dt.date(2023, 11, 20)), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"JPN", "USA", "KOR"}
    assert all(p.actor.kind is ActorKind.ORGANIZATION for p in meeting.participants)
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2023, 11, 17)


def test_inter_korean_talks_are_between_the_two_koreas(plugins: Plugins) -> None:
    text = "North Korea abruptly postponed the inter-Korean talks scheduled for Wednesday."
    (meeting,) = of_type(run(text, plugins, published=dt.date(2018, 5, 16)), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"KOR", "PRK"}
    assert meeting.status is Status.CANCELLED


def test_an_undated_passing_mention_of_countries_talks_is_no_event(plugins: Plugins) -> None:
    text = "Analysts said the U.S.-China talks had done little to calm markets."
    assert of_type(run(text, plugins), EventType.MEETING) == []


def test_the_meeting_of_two_named_leaders_is_theirs(plugins: Plugins) -> None:
    text = "It follows the meeting of Presidents Joe Biden and Xi Jinping held on November 14, 2022 in Bali."
    (meeting,) = of_type(run(text, plugins, published=dt.date(2023, 2, 1)), EventType.MEETING)
    assert persons(meeting) == {"Joe Biden", "Xi Jinping"}
    assert meeting.status is Status.OCCURRED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2022, 11, 14)


def test_a_country_side_mention_folds_into_the_named_engagement_it_reports(plugins: Plugins) -> None:
    text = (
        "Ambassador Mark Lippert will attend the U.S.-Japan-ROK trilateral meeting in Tokyo on October 17. "
        "Lippert will meet Japanese Ambassador Kenji Hara and South Korean envoy Park Min-soo there "
        "on October 17."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2015, 10, 10)), EventType.MEETING)
    assert all(persons(e) for e in meetings)


def test_one_of_many_to_call_reports_a_call_that_happened(plugins: Plugins) -> None:
    text = "President Joe Biden was among foreign leaders to phone Prime Minister Anthony Albanese on Sunday."
    (call,) = of_type(run(text, plugins, published=dt.date(2022, 5, 31)), EventType.CALL)
    assert call.status is Status.OCCURRED
    assert call.time is not None
    assert call.time.start == dt.date(2022, 5, 29)


def test_an_engagement_during_which_plans_were_revealed_has_happened(plugins: Plugins) -> None:
    text = (
        "President Joe Biden revealed plans for a summit in Tokyo during a virtual meeting with "
        "Prime Minister Narendra Modi on Monday."
    )
    (call,) = of_type(run(text, plugins, published=dt.date(2022, 4, 12)), EventType.CALL)
    assert call.status is Status.OCCURRED


def test_a_visitor_meeting_two_officials_of_the_host_country_has_a_meeting_with_each(
    plugins: Plugins,
) -> None:
    text = (
        "Defense Secretary Pete Hegseth will hold talks with Foreign Minister Toshimitsu Motegi and "
        "Defense Minister Shinjiro Koizumi in Tokyo on Sunday."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2025, 10, 30)), EventType.MEETING)
    assert sorted(sorted(persons(e)) for e in meetings) == [
        ["Pete Hegseth", "Shinjiro Koizumi"],
        ["Pete Hegseth", "Toshimitsu Motegi"],
    ]


def test_ministers_of_several_countries_met_at_once_are_one_meeting(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio met Australia's Penny Wong, India's Subrahmanyam Jaishankar and "
        "Japan's Takeshi Iwaya for about an hour on Tuesday."
    )
    (meeting,) = of_type(run(text, plugins, published=dt.date(2025, 1, 22)), EventType.MEETING)
    assert len(persons(meeting)) == 4


def test_a_trilateral_with_two_officials_of_one_country_stays_one_meeting(plugins: Plugins) -> None:
    text = (
        "Prime Minister Anthony Albanese will hold a trilateral with Commission President "
        "Ursula von der Leyen and Council President Antonio Costa on Monday."
    )
    (meeting,) = of_type(run(text, plugins, published=dt.date(2025, 6, 14)), EventType.MEETING)
    assert len(persons(meeting)) == 3


def test_a_readout_titled_as_a_call_makes_spoke_with_a_call(plugins: Plugins) -> None:
    text = (
        "Secretary Rubio's Call with Japanese Foreign Minister Motegi\n"
        "Secretary of State Marco Rubio spoke today with Japanese Foreign Minister Toshimitsu Motegi "
        "about tariffs.\n"
    )
    (call,) = of_type(run(text, plugins), EventType.CALL)
    assert persons(call) == {"Marco Rubio", "Toshimitsu Motegi"}
    assert call.time is not None
    assert call.time.start == SPRING_DAY


def test_visitors_who_called_on_one_host_each_paid_their_own_call(plugins: Plugins) -> None:
    text = (
        "Prime Minister Narendra Modi and Defence Secretary James Mattis called on Prime Minister "
        "Lee Hsien Loong at the Istana on Friday."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2018, 6, 2)), EventType.MEETING)
    assert sorted(sorted(persons(e)) for e in meetings) == [
        ["James Mattis", "Lee Hsien Loong"],
        ["Lee Hsien Loong", "Narendra Modi"],
    ]


def test_officials_of_one_country_met_including_several_named_are_met_one_by_one(plugins: Plugins) -> None:
    text = (
        "Admiral Samuel Paparo met with senior Japanese officials, including Prime Minister Fumio Kishida "
        "and Foreign Minister Yoko Kamikawa, on Tuesday."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2024, 5, 30)), EventType.MEETING)
    assert sorted(sorted(persons(e)) for e in meetings) == [
        ["Fumio Kishida", "Samuel Paparo"],
        ["Samuel Paparo", "Yoko Kamikawa"],
    ]


def test_speaking_to_a_minister_in_another_capital_after_a_call_word_is_a_call(plugins: Plugins) -> None:
    text = (
        "Secretary of State Mike Pompeo spoke to External Affairs Minister Sushma Swaraj on Wednesday. "
        "The phone call lasted twenty minutes."
    )
    (call,) = of_type(run(text, plugins, published=dt.date(2018, 6, 28)), EventType.CALL)
    assert persons(call) == {"Mike Pompeo", "Sushma Swaraj"}


def test_countries_in_brackets_after_names_do_not_cut_the_meeting_of_phrase(plugins: Plugins) -> None:
    text = "It follows the meeting of Presidents Joe Biden (USA) and Xi Jinping (China) held on November 14."
    (meeting,) = of_type(run(text, plugins, published=dt.date(2023, 2, 1)), EventType.MEETING)
    assert persons(meeting) == {"Joe Biden", "Xi Jinping"}


def test_the_news_present_with_a_day_is_a_schedule_even_in_an_undated_story(plugins: Plugins) -> None:
    planned = "Vice President Joe Biden heads to Beijing on Wednesday."
    (visit,) = of_type(run(planned, plugins, published=None), EventType.VISIT)
    assert visit.status is Status.PLANNED
    past = "Vice President Joe Biden headed to Beijing on Wednesday."
    (visit,) = of_type(run(past, plugins, published=None), EventType.VISIT)
    assert visit.status is Status.OCCURRED


def test_a_trip_to_discuss_an_issue_with_a_counterpart_holds_a_meeting_with_them(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Fumio Kishida plans to head to South Korea on Monday to discuss the issue "
        "with his South Korean counterpart Yun Byung-se."
    )
    (meeting,) = of_type(run(text, plugins, published=dt.date(2015, 12, 27)), EventType.MEETING)
    assert persons(meeting) == {"Fumio Kishida", "Yun Byung-se"}
    assert meeting.status is Status.PLANNED


def test_discussing_with_reporters_is_no_engagement(plugins: Plugins) -> None:
    text = "Prime Minister Shinzo Abe discussed the issue with reporters on Monday."
    assert of_type(run(text, plugins, published=dt.date(2015, 12, 29)), EventType.MEETING) == []


def test_a_trip_someone_was_supposed_to_make_then_postponed_is_cancelled(plugins: Plugins) -> None:
    text = (
        "Secretary of State Antony Blinken has not visited China. He was supposed to go to the country "
        "in February this year, but postponed the trip after the balloon incident."
    )
    (visit,) = of_type(run(text, plugins, published=dt.date(2023, 3, 10)), EventType.VISIT)
    assert visit.status is Status.CANCELLED
    assert visit.location is not None
    assert visit.location.country == "CHN"
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (dt.date(2023, 2, 1), dt.date(2023, 2, 28))


def test_a_quoted_praise_between_their_and_the_meeting_keeps_the_possessor(plugins: Plugins) -> None:
    text = (
        "President Joe Biden spoke with President Lula da Silva on Monday. Biden said the call followed "
        'their "very productive" meeting in Brasilia on February 2.'
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert len(persons(meeting)) == 2
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 2, 2)


def test_meetings_in_the_plural_with_several_leaders_are_one_meeting_with_each(plugins: Plugins) -> None:
    text = (
        "At the summit on Tuesday, Prime Minister Mark Carney held meetings with President Lee Jae-myung, "
        "Prime Minister Narendra Modi and President Claudia Sheinbaum."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2025, 6, 18)), EventType.MEETING)
    assert sorted(len(persons(m)) for m in meetings) == [2, 2, 2]
    assert all("Mark Carney" in persons(m) for m in meetings)


def test_meetings_in_the_plural_held_jointly_stay_one_meeting(plugins: Plugins) -> None:
    text = (
        "On Tuesday Prime Minister Mark Carney held trilateral meetings with President Lee Jae-myung "
        "and Prime Minister Narendra Modi."
    )
    (meeting,) = of_type(run(text, plugins, published=dt.date(2025, 6, 18)), EventType.MEETING)
    assert len(persons(meeting)) == 3


def test_a_trip_whose_outcome_is_to_be_explained_has_been_made(plugins: Plugins) -> None:
    text = (
        "National Security Adviser Park Min-jae will travel to Tokyo this week to explain the outcome "
        "of his trip to Hanoi on Monday, officials said.\n"
    )
    [hanoi] = [
        e for e in of_type(run(text, plugins), EventType.VISIT) if e.location and e.location.name == "Hanoi"
    ]
    assert hanoi.status is Status.OCCURRED
    assert hanoi.time is not None
    assert hanoi.time.start == dt.date(2026, 3, 9)


def test_meetings_lined_up_by_someone_whose_meeting_was_axed_are_called_off(plugins: Plugins) -> None:
    text = (
        "Prime Minister Anthony Albanese's meeting with President Donald Trump was axed on Monday "
        "after Trump flew home early from the summit.\n"
        "Officials said the decision was understandable.\n"
        "Trump had also lined up meetings with Prime Minister Narendra Modi and President Claudia "
        "Sheinbaum.\n"
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    with_modi = [e for e in meetings if "Narendra Modi" in persons(e)]
    assert with_modi
    assert all(e.status is Status.CANCELLED for e in with_modi)
    assert all(e.status is Status.CANCELLED for e in meetings)


def test_a_meeting_canned_at_the_last_minute_is_cancelled(plugins: Plugins) -> None:
    text = (
        "A meeting between Prime Minister Anthony Albanese and President Donald Trump was canned on Monday.\n"
    )
    [meeting] = of_type(run(text, plugins), EventType.MEETING)
    assert meeting.status is Status.CANCELLED
