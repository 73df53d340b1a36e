"""The status the ``rules`` extractor gives an engagement: planned, occurred or cancelled.

Every text here is written for these tests, with invented officials.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType, Status
from alliancekit.pipeline import explain, extract
from alliancekit.plugins import Plugins
from helpers import of_type, only, persons

THURSDAY = dt.date(2026, 6, 4)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = THURSDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_a_hope_quoted_before_a_talk_on_the_sidelines_leaves_the_talk_occurred(plugins: Plugins) -> None:
    text = (
        "“I hope our two countries can lead these efforts together,” Prime Minister Ingrid Halvorsen "
        "told Prime Minister Tomas Okafor on the sidelines of the regional summit in Jakarta on Sunday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Ingrid Halvorsen", "Tomas Okafor"}
    assert meeting.status is Status.OCCURRED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 5, 31)


def test_a_call_cancelling_a_planned_meeting_took_place_and_cancelled_the_meeting(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles and Prime Minister Kenji Tamura spoke by video on Monday, cancelling "
        "their previously planned in-person meeting because of the storm."
    )
    events = run(text, plugins)
    call = only(events, EventType.CALL)
    assert call.status is Status.OCCURRED
    assert call.time is not None
    assert call.time.start == dt.date(2026, 6, 1)
    meeting = only(events, EventType.MEETING)
    assert persons(meeting) == {"Ana Mireles", "Kenji Tamura"}
    assert meeting.status is Status.CANCELLED


def test_a_summit_named_as_the_cause_of_a_postponement_is_still_planned(plugins: Plugins) -> None:
    text = (
        "Talks between the two defence ministries set for July 6 in Manila have been postponed, possibly "
        "due to the upcoming summit between President Ana Mireles and Chancellor Lukas Brandt that might "
        "take place in mid-July."
    )
    summit = next(e for e in run(text, plugins) if e.type is EventType.MEETING and e.location is None)
    assert persons(summit) == {"Ana Mireles", "Lukas Brandt"}
    assert summit.status is Status.PLANNED
    assert summit.time is not None
    assert (summit.time.start, summit.time.end) == (dt.date(2026, 7, 11), dt.date(2026, 7, 20))


def test_a_summit_postponed_by_its_countries_cancels_the_plan_naming_its_leaders_and_their_trips(
    plugins: Plugins,
) -> None:
    text = (
        "South Korea, China and Japan have decided to postpone their trilateral summit until next year, "
        "which had been slated for this month in Tokyo, officials said Tuesday. The nations sought to hold "
        "a trilateral summit on Dec. 19-20 in Tokyo, setting the stage for South Korean President Mina Seo "
        "and Chinese Premier Wei Lan to visit Japan for the first time."
    )
    events = run(text, plugins, published=dt.date(2026, 12, 8))
    summit = only(events, EventType.MEETING)
    assert persons(summit) == {"Mina Seo", "Wei Lan"}
    assert summit.status is Status.CANCELLED
    assert summit.time is not None
    assert (summit.time.start, summit.time.end) == (dt.date(2026, 12, 19), dt.date(2026, 12, 20))
    visits = of_type(events, EventType.VISIT)
    assert {name for visit in visits for name in persons(visit)} == {"Mina Seo", "Wei Lan"}
    assert all(visit.status is Status.CANCELLED for visit in visits)


def test_a_trip_still_made_though_its_meeting_is_cancelled_stays_planned(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Tomas Okafor will still visit Norway on Friday, though his meeting with "
        "Prime Minister Ingrid Halvorsen in Oslo was cancelled."
    )
    events = run(text, plugins)
    assert only(events, EventType.VISIT).status is Status.PLANNED
    assert only(events, EventType.MEETING).status is Status.CANCELLED


def test_a_meeting_whose_venue_could_be_a_summit_is_planned(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles and Prime Minister Kenji Tamura held their first phone talks on Monday. "
        "One possible setting for their first face-to-face meeting could be the Group of Seven summit in "
        "Canada, scheduled for June 15-17, where Mireles has been invited as a guest."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Ana Mireles", "Kenji Tamura"}
    assert meeting.status is Status.PLANNED


def test_a_discussion_that_a_planned_meeting_comes_before_is_planned(plugins: Plugins) -> None:
    text = (
        "Later this week, Prime Minister Ingrid Halvorsen is scheduled to meet President Ana Mireles. "
        "This engagement comes before Halvorsen's first face-to-face discussion with President Wei Lan."
    )
    discussion = next(e for e in run(text, plugins) if "Wei Lan" in persons(e))
    assert discussion.type is EventType.MEETING
    assert discussion.status is Status.PLANNED


def test_the_month_may_is_no_modal_and_a_summit_on_april_27_named_after_it_occurred(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles met Chancellor Lukas Brandt on May 26 in the border town of Valdera, "
        "also the venue of their first-ever summit on April 27."
    )
    events = run(text, plugins, published=None)
    assert [(persons(e), e.status) for e in events if e.type is EventType.MEETING] == [
        ({"Ana Mireles", "Lukas Brandt"}, Status.OCCURRED),
        ({"Ana Mireles", "Lukas Brandt"}, Status.OCCURRED),
    ]


def test_a_trip_one_heads_on_next_week_is_planned_and_lends_its_time_to_its_talks(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Tomas Okafor heads to Singapore next week for the regional security forum. "
        "Officials say the secretary plans to huddle with Defense Minister Kenji "
        "Tamura and Defense Minister Ingrid Halvorsen for a trilateral on the sidelines."
    )
    events = run(text, plugins, published=dt.date(2026, 5, 22))
    visit = only(events, EventType.VISIT)
    assert visit.status is Status.PLANNED
    trilateral = only(events, EventType.MEETING)
    assert trilateral.status is Status.PLANNED
    assert trilateral.time is not None
    assert trilateral.location is not None
    assert trilateral.location.name == "Singapore"


def test_a_stay_in_which_arrangements_are_made_for_a_meeting_is_the_planned_trip(plugins: Plugins) -> None:
    text = (
        "Premier Wei Lan will arrive in Seoul for a three-day visit on Saturday. Wei's visit was also "
        "announced by the foreign ministry. Arrangements are being made for Wei to also meet bilaterally "
        "with Prime Minister Kenji Tamura during their stay in Seoul, a spokeswoman told reporters."
    )
    visits = [e for e in run(text, plugins, published=dt.date(2026, 10, 28)) if e.type is EventType.VISIT]
    assert len(visits) == 1
    assert "Wei Lan" in persons(visits[0])
    assert visits[0].status is Status.PLANNED


def test_talks_still_under_way_have_begun_though_the_morning_entry_had_them_ahead(plugins: Plugins) -> None:
    text = (
        "13:30: The talks between Defense Minister Kenji Tamura and Defense Secretary Tomas Okafor are "
        "still under way at the ministry in Oslo, a spokesperson says.\n"
        "08:00: Good morning. Today Okafor holds talks with Tamura, and tomorrow he is scheduled to fly "
        "to Lima."
    )
    talks = only(run(text, plugins), EventType.MEETING)
    assert persons(talks) == {"Kenji Tamura", "Tomas Okafor"}
    assert talks.status is Status.OCCURRED


def test_a_stop_someone_had_also_been_expected_to_make_then_did_otherwise_is_cancelled(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Tomas Okafor had also been expected to stop in Tokyo on his way back from "
        "Paris. On Monday, however, the ministry said he would return directly to Lagos."
    )
    stop = next(e for e in run(text, plugins) if e.type is EventType.VISIT)
    assert stop.location is not None
    assert stop.location.name == "Tokyo"
    assert stop.status is Status.CANCELLED


def test_regular_meetings_a_summit_promised_are_a_habit_not_an_engagement(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles will hold a trilateral meeting with Chancellor Lukas Brandt and Prime "
        "Minister Kenji Tamura in Lima this week. Mireles proposed the meeting with Brandt and Tamura to "
        "build on the progress made during the summit in Quito in August 2025, which promised regular "
        "trilateral meetings between the leaders."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert sorted(e.status.value for e in meetings) == ["occurred", "planned"]


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        (
            "President Ana Mireles's planned visit to Berlin has been put on hold.",
            EventType.VISIT,
            Status.CANCELLED,
        ),
        (
            "President Ana Mireles called off her trip to Berlin and will instead meet Chancellor Lukas "
            "Brandt in Paris on Friday.",
            EventType.MEETING,
            Status.PLANNED,
        ),
        (
            "The meeting between President Ana Mireles and Chancellor Lukas Brandt has yet to be scheduled.",
            EventType.MEETING,
            Status.PLANNED,
        ),
        (
            "Prime Minister Kenji Tamura's decision to put on hold the formation of his government so he can "
            "travel to Japan for security talks was welcomed in Canberra.",
            EventType.VISIT,
            Status.PLANNED,
        ),
    ],
)
def test_the_status_a_clause_states_reaches_only_the_engagement_it_governs(
    text: str, kind: EventType, status: Status, plugins: Plugins
) -> None:
    assert only(run(text, plugins), kind).status is status


def test_a_visit_someone_was_to_have_made_last_month_is_cancelled(plugins: Plugins) -> None:
    text = "President Ana Mireles was to have visited Berlin in May."
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.CANCELLED
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 5, 1)


@pytest.mark.parametrize(
    "predicate", ["was possible but not yet confirmed", "is in the works", "is under consideration"]
)
def test_a_meeting_told_as_a_prospect_is_planned(predicate: str, plugins: Plugins) -> None:
    text = f"Officials said a meeting between President Ana Mireles and Chancellor Lukas Brandt {predicate}."
    assert only(run(text, plugins), EventType.MEETING).status is Status.PLANNED


def test_the_explanation_of_a_plan_that_was_to_have_happened_says_why_it_is_cancelled(
    plugins: Plugins,
) -> None:
    (explained,) = explain(
        "President Ana Mireles was to have visited Berlin in May.", published=THURSDAY, plugins=plugins
    )
    assert explained.event.status is Status.CANCELLED
    assert (explained.reason("status") or "").startswith("a plan told as what was to have happened")


def test_talks_a_trip_was_for_go_with_the_trip_called_off_in_the_next_sentence(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles was due to fly to Berlin on Friday for talks with Chancellor Lukas Brandt. "
        "The visit has been postponed indefinitely."
    )
    events = run(text, plugins)
    assert only(events, EventType.VISIT).status is Status.CANCELLED
    assert only(events, EventType.MEETING).status is Status.CANCELLED


def test_what_someone_was_scheduled_to_do_on_a_trip_just_postponed_is_cancelled(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles has postponed her planned trip to Berlin. She was scheduled to meet "
        "Chancellor Lukas Brandt there on Friday."
    )
    assert only(run(text, plugins), EventType.MEETING).status is Status.CANCELLED


def test_a_postponed_summit_given_a_new_date_is_planned_on_it(plugins: Plugins) -> None:
    text = (
        "The postponed summit between President Ana Mireles and Chancellor Lukas Brandt will now take "
        "place on June 20."
    )
    summit = only(run(text, plugins), EventType.MEETING)
    assert summit.status is Status.PLANNED
    assert summit.time is not None
    assert summit.time.start == dt.date(2026, 6, 20)


def test_a_meeting_held_after_another_was_called_off_occurred(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles met Chancellor Lukas Brandt on Monday after an earlier meeting was called off."
    )
    held = next(e for e in run(text, plugins) if e.type is EventType.MEETING)
    assert held.status is Status.OCCURRED


def test_a_visit_judged_unexpected_takes_its_status_from_the_plans_told_of_it(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Tomas Okafor holds talks with Foreign Minister Kenji Tamura in Tokyo today. "
        "Okafor's visit to Japan was unexpected. During his visit to Japan, Okafor will also meet "
        "Prime Minister Ingrid Halvorsen."
    )
    visit = only(run(text, plugins, published=None), EventType.VISIT)
    assert visit.status is Status.PLANNED


def test_a_meeting_a_cancelled_trip_was_to_bring_is_cancelled(plugins: Plugins) -> None:
    text = (
        "President Ana Mireles has cancelled her trip to Berlin, where she was to meet Chancellor Lukas "
        "Brandt next week, citing the floods at home."
    )
    events = run(text, plugins)
    assert only(events, EventType.VISIT).status is Status.CANCELLED
    assert only(events, EventType.MEETING).status is Status.CANCELLED


def test_a_call_in_which_someone_was_invited_to_a_country_took_place(plugins: Plugins) -> None:
    text = (
        "Secretary of State Tomas Okafor invited Foreign Minister Kenji Tamura to the United States in "
        "their phone conversation on March 16, 2026, a ministry official said."
    )
    call = only(run(text, plugins, published=None), EventType.CALL)
    assert call.status is Status.OCCURRED


def test_a_plan_that_had_been_made_two_one_sentence_paragraphs_after_its_call_off_is_cancelled(
    plugins: Plugins,
) -> None:
    text = (
        "Chancellor Lukas Brandt has called off his trip to Lima, where a regional summit was to open "
        "next week.\n\n"
        "Brandt had been due to arrive in Lima next Tuesday.\n\n"
        "Brandt's meeting with President Ana Mireles had been planned for Wednesday next week.\n"
    )
    meeting = next(e for e in run(text, plugins) if "Ana Mireles" in persons(e))
    assert meeting.status is Status.CANCELLED


@pytest.mark.parametrize(
    ("moved", "status"),
    [("was postponed to later this year", Status.CANCELLED), ("was postponed to July 15", Status.PLANNED)],
)
def test_a_summit_moved_to_a_vague_time_loses_its_slot_and_one_moved_to_a_day_keeps_its_plan(
    moved: str, status: Status, plugins: Plugins
) -> None:
    text = (
        "The summit between President Ana Mireles and Chancellor Lukas Brandt, originally set for "
        f"June 20, {moved}."
    )
    assert only(run(text, plugins), EventType.MEETING).status is status


def test_a_wish_to_travel_with_a_time_ahead_is_a_plan_and_one_without_is_no_event(plugins: Plugins) -> None:
    planned = "Chancellor Lukas Brandt said he looked forward to traveling to Lima later this year."
    visit = only(run(planned, plugins), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert persons(visit) == {"Lukas Brandt"}
    wished = "Chancellor Lukas Brandt said he looked forward to traveling to Lima."
    assert [e for e in run(wished, plugins) if e.type is EventType.VISIT] == []


def test_a_visit_whose_predicate_past_an_aside_says_it_began_occurred(plugins: Plugins) -> None:
    text = (
        "Chancellor Lukas Brandt's three-day visit to Lima, his first since taking office, began on Sunday."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.OCCURRED
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 5, 31)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "Chancellor Lukas Brandt's visit to Lima, his first since taking office, is scheduled to begin "
            "on Sunday.",
            Status.PLANNED,
        ),
        (
            "The talks between Chancellor Lukas Brandt and President Ana Mireles, which will last two hours, "
            "begin on Tuesday.",
            Status.PLANNED,
        ),
        (
            "The talks between Chancellor Lukas Brandt and President Ana Mireles, which lasted two hours, "
            "ended on Tuesday.",
            Status.OCCURRED,
        ),
    ],
)
def test_an_engagement_noun_takes_the_status_of_its_own_predicate(
    text: str, status: Status, plugins: Plugins
) -> None:
    assert (
        next(e for e in run(text, plugins) if e.type in (EventType.VISIT, EventType.MEETING)).status is status
    )


def test_a_past_choice_to_visit_is_a_trip_made_and_a_plan_when_its_time_is_ahead(plugins: Plugins) -> None:
    made = only(
        run(
            "That Defense Minister Piotr Kowal chose to visit Canberra on his first trip abroad shows "
            "his priorities.",
            plugins,
        ),
        EventType.VISIT,
    )
    assert made.status is Status.OCCURRED
    ahead = only(
        run("Defense Minister Piotr Kowal chose to visit Canberra next week.", plugins), EventType.VISIT
    )
    assert ahead.status is Status.PLANNED
    announced = only(
        run("Defense Minister Piotr Kowal has opted to visit Canberra.", plugins), EventType.VISIT
    )
    assert announced.status is Status.PLANNED


def test_a_visit_told_by_a_participle_after_with_takes_its_tense_from_its_time(plugins: Plugins) -> None:
    text = (
        "Oslo and Lima have agreed to revive their economic dialogue, with Foreign Minister Rosa Vidal "
        "making her first official visit to Norway starting on Sunday. Vidal will be in Norway from "
        "Sunday to Tuesday, the ministry said."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 6, 7)


def test_a_meeting_that_was_supposed_to_happen_three_sentences_after_its_postponement_is_cancelled(
    plugins: Plugins,
) -> None:
    text = (
        "The first Norway-Brazil ministerial dialogue, set for Oslo on July 6, has been postponed. "
        "Officials cited scheduling conflicts. "
        "The two sides agreed to find new dates as soon as possible. "
        "Foreign Minister Ingrid Halvorsen and Defence Minister Lars Berg were supposed to host "
        "Foreign Minister Ana Lima at the meeting."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert meetings
    assert all(m.status is Status.CANCELLED for m in meetings if "Ana Lima" in persons(m))


def test_what_the_sides_had_planned_right_after_a_postponement_is_called_off_on_its_days(
    plugins: Plugins,
) -> None:
    text = (
        "A planned trilateral forum between South Korea, the United States and Japan was postponed due to "
        "unforeseen circumstances, the ministry said Thursday. The three countries had planned to hold the "
        "Trilateral Conference on Fisheries at the State Department in Washington on Wednesday and Thursday."
    )
    meeting = only(run(text, plugins, published=dt.date(2026, 6, 5)), EventType.MEETING)
    assert meeting.status is Status.CANCELLED
    assert meeting.time is not None
    assert (meeting.time.start, meeting.time.end) == (dt.date(2026, 6, 3), dt.date(2026, 6, 4))


def test_a_meeting_a_past_trip_was_made_for_occurred_and_one_ahead_is_planned(plugins: Plugins) -> None:
    made = of_type(
        run(
            "Prime Minister Kenji Arata flew to New York to see President Mara Velsen at her office.", plugins
        ),
        EventType.MEETING,
    )
    assert [m.status for m in made] == [Status.OCCURRED]
    ahead = of_type(
        run("Prime Minister Kenji Arata flew to New York to see President Mara Velsen next week.", plugins),
        EventType.MEETING,
    )
    assert [m.status for m in ahead] == [Status.PLANNED]


def test_leaving_a_summit_before_a_meeting_there_calls_the_meeting_off(plugins: Plugins) -> None:
    text = (
        "President Piotr Kowal will make a swift exit from the regional summit before his scheduled "
        "meeting with Prime Minister Anna Berg, officials said."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert meeting.status is Status.CANCELLED
