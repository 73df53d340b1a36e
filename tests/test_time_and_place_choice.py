"""Which time and which place of a sentence belong to which engagement.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins

WEDNESDAY = dt.date(2025, 6, 4)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date = WEDNESDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def only(events: list[Event], kind: EventType) -> Event:
    (event,) = [e for e in events if e.type is kind]
    return event


def place(event: Event) -> str | None:
    return event.location.name if event.location is not None else None


def interval(event: Event) -> tuple[str, str]:
    assert event.time is not None
    return str(event.time.start), str(event.time.end)


def test_a_summit_takes_the_time_and_place_of_its_own_relative_clause(plugins: Plugins) -> None:
    text = (
        "The visit on Friday was arranged ahead of a summit between Japanese Prime Minister Kenji Sato "
        "and South Korean President Lee Min-ho, which is expected to take place in Busan around mid-July."
    )
    summit = only(run(text, plugins), EventType.MEETING)
    assert interval(summit) == ("2025-07-11", "2025-07-20")
    assert place(summit) == "Busan"


def test_the_date_of_another_nouns_venue_clause_is_not_the_summits(plugins: Plugins) -> None:
    text = (
        "The ministerial dialogue scheduled to be held in Oslo on June 20 has been put off because of a "
        "summit between Japanese Prime Minister Kenji Sato and South Korean President Lee Min-ho "
        "that might happen around mid-July."
    )
    summit = only(run(text, plugins), EventType.MEETING)
    assert interval(summit) == ("2025-07-11", "2025-07-20")


def test_a_meeting_on_the_sidelines_of_a_summit_is_where_and_when_the_summit_is(plugins: Plugins) -> None:
    text = (
        "Japanese Foreign Minister Kenji Sato said he would like to meet South Korean Foreign Minister "
        "Lee Min-ho on the sidelines of the regional summit, expected to take place in Osaka in late July."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert interval(meeting) == ("2025-07-21", "2025-07-31")
    assert place(meeting) == "Osaka"


def test_a_meeting_after_arriving_somewhere_is_there_on_the_day_of_arrival(plugins: Plugins) -> None:
    text = (
        "US President Tom Hale met Japanese Prime Minister Kenji Sato after arriving in Tokyo on Monday, "
        "where he is expected to sign a trade deal."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert interval(meeting) == ("2025-06-02", "2025-06-02")
    assert place(meeting) == "Tokyo"


def test_a_place_of_another_verb_after_the_meeting_is_not_its_venue(plugins: Plugins) -> None:
    text = (
        "US President Tom Hale will hold a meeting with Japanese Prime Minister Kenji Sato on Tuesday to "
        "discuss a pledge by Japan to build factories in the United States."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert place(meeting) is None


def test_a_meeting_while_in_a_country_takes_the_time_of_the_visit_there(plugins: Plugins) -> None:
    text = (
        "US Defense Secretary John Carver arrived in Tokyo on Monday for a four-day visit. "
        "While in Japan, Carver will meet with Prime Minister Kenji Sato."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert interval(meeting) == ("2025-06-02", "2025-06-05")  # the four days of the visit
    assert place(meeting) == "Japan"


def test_a_site_naming_a_summit_is_its_place(plugins: Plugins) -> None:
    text = (
        "The Camp David summit between South Korean President Lee Min-ho and US President Tom Hale "
        "last August produced a security pact."
    )
    summit = only(run(text, plugins, dt.date(2025, 10, 4)), EventType.MEETING)
    assert place(summit) == "Camp David"


def test_countries_naming_a_summit_are_its_sides_not_its_place(plugins: Plugins) -> None:
    text = (
        "The Japan-South Korea summit between South Korean President Lee Min-ho and Japanese Prime "
        "Minister Kenji Sato last August produced a security pact."
    )
    summit = only(run(text, plugins, dt.date(2025, 10, 4)), EventType.MEETING)
    assert place(summit) is None


def test_here_is_the_city_of_a_dateline_opening_the_sentence(plugins: Plugins) -> None:
    text = (
        "Jakarta: Japanese Prime Minister Kenji Sato on Friday met South Korean President Lee Min-ho "
        "here and the two leaders discussed trade."
    )
    meeting = only(run(text, plugins, dt.date(2025, 10, 4)), EventType.MEETING)
    assert place(meeting) == "Jakarta"


def test_a_visit_dated_by_its_arrival_lasts_the_days_its_length_states(plugins: Plugins) -> None:
    text = "US Defense Secretary John Carver arrived in Tokyo on Monday for a four-day visit."
    visit = only(run(text, plugins), EventType.VISIT)
    assert interval(visit) == ("2025-06-02", "2025-06-05")


def test_a_visit_wrapped_up_on_a_day_ends_on_that_day(plugins: Plugins) -> None:
    text = "US Defense Secretary John Carver wrapped up a three-day visit to Seoul on Tuesday."
    visit = only(run(text, plugins), EventType.VISIT)
    assert interval(visit) == ("2025-06-01", "2025-06-03")


def test_the_length_of_a_tour_of_several_countries_is_not_the_length_of_one_stay(plugins: Plugins) -> None:
    text = (
        "US Defense Secretary John Carver arrived in Tokyo on Monday to begin an eight-day tour of "
        "Asian allies."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert interval(visit) == ("2025-06-02", "2025-06-02")


def test_a_time_right_after_a_summit_and_its_place_is_the_summits_not_a_later_calls(plugins: Plugins) -> None:
    text = (
        "US President Tom Hale revealed plans for a summit in Japan in May during a video call with "
        "Indian Prime Minister Raj Mehta on Monday."
    )
    call = only(run(text, plugins), EventType.CALL)
    assert interval(call) == ("2025-06-02", "2025-06-02")


def test_a_call_in_which_someone_told_something_is_on_the_day_they_are_said_to_have_spoken(
    plugins: Plugins,
) -> None:
    text = (
        "South Korean Foreign Minister Lee Min-ho said Monday that the two countries must work together. "
        "Lee told Japanese Foreign Minister Kenji Sato during their first phone conversation that trade "
        "was a priority."
    )
    call = only(run(text, plugins), EventType.CALL)
    assert interval(call) == ("2025-06-02", "2025-06-02")


def test_a_call_told_as_an_earlier_occasion_takes_no_day_of_speaking(plugins: Plugins) -> None:
    text = (
        "South Korean Foreign Minister Lee Min-ho said Monday that trade was a priority. Lee and Japanese "
        "Foreign Minister Kenji Sato last spoke by phone in a call that lasted an hour."
    )
    call = only(run(text, plugins), EventType.CALL)
    assert call.time is None


def test_a_call_hours_after_another_is_on_that_calls_day_or_the_next(plugins: Plugins) -> None:
    text = "\n\n".join(
        [
            "US President Tom Hale said he had a very good phone call with Chinese President Wen Bo "
            "on Monday.",
            "The markets rose on the news.",
            "Analysts said the tone was warm.",
            "Soybean prices climbed.",
            "Shipping stocks also gained.",
            "Tariffs were cut on several goods.",
            "Japanese Prime Minister Kenji Sato reaffirmed close ties during a call with Hale, hours after "
            "Hale spoke with Chinese President Wen Bo.",
        ]
    )
    (call,) = [e for e in run(text, plugins) if "Kenji Sato" in {p.actor.name for p in e.participants}]
    assert interval(call) == ("2025-06-02", "2025-06-03")


def test_a_plan_for_coming_weeks_said_to_come_before_a_dated_event_ends_the_day_before(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Prime Minister Kenji Sato is expected to visit South Korea in coming weeks, officials "
        "said. The visit is expected before Sato hosts a regional summit from June 20."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert interval(visit) == ("2025-06-05", "2025-06-19")


def test_a_meeting_coordinated_with_heading_to_a_city_is_in_that_city(plugins: Plugins) -> None:
    text = (
        "The trip will see US Vice President Tom Hale meet Chinese President Wen Bo in Beijing before "
        "heading to Seoul and a meeting with South Korean President Lee Min-ho."
    )
    (meeting,) = [e for e in run(text, plugins) if "Lee Min-ho" in {p.actor.name for p in e.participants}]
    assert place(meeting) == "Seoul"


def test_a_time_in_a_future_aside_after_a_meeting_held_dates_the_forum_not_the_meeting(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Piotr Kowal and Foreign Minister Ana Lima met on the sidelines of the annual "
        "Vienna Forum in Vienna, which will run through Sunday."
    )
    meeting = next(
        e for e in run(text, plugins, published=dt.date(2026, 3, 7)) if e.type is EventType.MEETING
    )
    assert meeting.time is None


def test_a_stop_told_in_a_future_relative_clause_does_not_take_the_days_of_the_clause_before(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Piotr Kowal urged South Korea on Monday to move faster on its pledge, as he "
        "opened a six-day Asia trip that will also take him to Japan."
    )
    visit = next(e for e in run(text, plugins, published=dt.date(2026, 7, 13)) if e.type is EventType.VISIT)
    assert visit.time is None


def test_the_time_of_the_meeting_someone_would_like_to_hold_does_not_date_the_invitation(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Kenji Arata spoke by phone with Foreign Minister Cho Hyun on Wednesday. Arata "
        "told Cho that he would like to meet her on the sidelines of the trilateral summit, expected to "
        "take place in Japan in late July, if she comes to Japan."
    )
    events = run(text, plugins, published=dt.date(2026, 6, 4))
    invitation = next(e for e in events if e.type is EventType.INVITATION)
    assert invitation.time is not None
    assert invitation.time.start == dt.date(2026, 6, 3)
