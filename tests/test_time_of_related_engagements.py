"""An engagement with no time of its own takes the time of the one it is part of or told in.

Every sentence here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.actors import ActorRecord, KnowledgeBase, Position
from alliancekit.model import Document, Event, EventType
from alliancekit.pipeline import extract, prepare_document
from alliancekit.plugins import Plugins
from alliancekit.rules.document import Reading
from alliancekit.rules.extractor import read_article

WEDNESDAY = dt.date(2025, 6, 4)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = WEDNESDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def of_type(events: list[Event], kind: EventType) -> list[Event]:
    return [e for e in events if e.type is kind]


def interval(event: Event) -> tuple[str, str] | None:
    if event.time is None or event.time.start is None:
        return None
    return str(event.time.start), str(event.time.end)


def test_invitations_during_a_meeting_told_twice_take_the_day_of_the_dated_telling(plugins: Plugins) -> None:
    text = (
        "Chinese President Wen Bo held a summit with South Korean President Lee Min-ho in Lima on Friday.\n\n"
        "The two leaders, who are in Peru for a regional forum, sat down for the first time in two years.\n\n"
        "During the meeting, Wen asked Lee to visit China, and Lee invited Wen to visit South Korea."
    )
    invitations = of_type(run(text, plugins), EventType.INVITATION)
    assert len(invitations) == 2
    assert {interval(e) for e in invitations} == {("2025-05-30", "2025-05-30")}


TRIP_STORY = (
    "Japanese Foreign Minister Kenji Sato's visit to the United States was unexpected, as Secretary of "
    "State Tom Hale is slated to visit Japan later this month.\n\n"
    '"He will fine-tune policies with the administration," the ministry said.\n\n'
    "On the three-day trip, which runs until Friday, Sato will meet with senior US officials.\n\n"
    "The minister will be accompanied by envoy Aiko Mori, who is slated to meet Ann Reyes, the US "
    "special representative for North Korea policy."
)
TUESDAY = dt.date(2025, 6, 3)


def test_the_trip_a_sentence_opens_on_is_the_trip_of_the_person_it_is_about(plugins: Plugins) -> None:
    events = of_type(run(TRIP_STORY, plugins, TUESDAY), EventType.VISIT)
    (sato,) = [e for e in events if "Kenji Sato" in {p.actor.name for p in e.participants}]
    (hale,) = [e for e in events if "Tom Hale" in {p.actor.name for p in e.participants}]
    assert interval(sato) == ("2025-06-04", "2025-06-06")
    assert interval(hale) == ("2025-06-04", "2025-06-30")


def test_a_companions_meeting_takes_the_dates_of_the_trip_told_first_in_the_past_tense(
    plugins: Plugins,
) -> None:
    (meeting,) = [
        e
        for e in of_type(run(TRIP_STORY, plugins, TUESDAY), EventType.MEETING)
        if "Ann Reyes" in {p.actor.name for p in e.participants}
    ]
    assert interval(meeting) == ("2025-06-04", "2025-06-06")


def _bannered_story(kb_term_end: dt.date, lede: str = "") -> list[tuple[str, tuple[str, str] | None]]:
    knowledge_base = KnowledgeBase()
    knowledge_base.add_actors(
        [
            ActorRecord(
                "usa/doering-pat",
                "Pat Doering",
                "USA",
                positions=(Position("Secretary of Defense", dt.date(2021, 1, 22), kb_term_end),),
            ),
            ActorRecord(
                "phl/cruz-ramon",
                "Ramon Cruz",
                "PHL",
                positions=(Position("Secretary of National Defense", dt.date(2021, 6, 1), None),),
            ),
        ]
    )
    text = lede or (
        "Monday, September 15, 2031\n\n"
        "US defense chief in Manila; talks set today\n\n"
        "US Defense Secretary Pat Doering is in the country to discuss security issues with Philippine "
        "officials.\n\n"
        "Doering is set to meet Defense Secretary Ramon Cruz at Camp Aguinaldo this morning.\n\n"
        "He arrived in the country on Tuesday night.\n"
    )
    document = prepare_document(Document("banner", text))
    return [(e.type.value, interval(e)) for e, _ in read_article(Reading(document, knowledge_base))]


def test_a_top_date_the_named_officials_did_not_serve_on_leaves_relative_times_unresolved() -> None:
    events = _bannered_story(dt.date(2025, 1, 20))
    assert ("meeting", None) in events
    assert all(span is None for _, span in events)


def test_a_top_date_the_named_officials_served_on_dates_the_story() -> None:
    events = _bannered_story(dt.date(2035, 1, 20))
    assert ("meeting", ("2031-09-15", "2031-09-15")) in events


def test_a_call_takes_the_day_of_the_clause_it_frames_not_the_time_of_the_summit_proposed_in_it(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Prime Minister Kenji Sato expressed on Friday his willingness to host a summit of the "
        "four partner countries in the second half of the year in Japan during a video call with US "
        "President Tom Hale."
    )
    (call,) = of_type(run(text, plugins), EventType.CALL)
    assert interval(call) == ("2025-05-30", "2025-05-30")


def test_a_summit_named_by_its_own_month_is_another_occasion_than_the_undated_meeting_before(
    plugins: Plugins,
) -> None:
    text = (
        "Adm. Tom Hale, commander of US forces in the region, visited Japan from May 27-29.\n\n"
        "Hale met with senior Japanese officials, including Defense Minister Kenji Sato and Deputy "
        "National Security Adviser Aiko Mori. Discussions included cooperation among the three "
        "countries' forces following April's first-ever leaders-level trilateral summit."
    )
    meetings = of_type(run(text, plugins, dt.date(2025, 5, 31)), EventType.MEETING)
    (mori,) = [e for e in meetings if "Aiko Mori" in {p.actor.name for p in e.participants}]
    assert interval(mori) == ("2025-05-27", "2025-05-29")


def test_an_invitation_at_talks_held_during_a_dated_visit_takes_the_visits_day(plugins: Plugins) -> None:
    text = (
        "US Secretary of State Tom Hale landed in Beijing on Sunday for an official visit.\n\n"
        "It is the first such trip in five years.\n\n"
        "Ties have been strained by trade disputes.\n\n"
        "Hale met Chinese Foreign Minister Wen Bo at the state guest house.\n\n"
        "The two discussed trade and security.\n\n"
        "They also spoke about regional tensions.\n\n"
        "A spokesman called the talks candid.\n\n"
        "Hale also invited Wen on a visit to Washington."
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert interval(invitation) == ("2025-06-01", "2025-06-01")


def test_a_nameless_meeting_after_and_gives_the_meeting_told_before_its_day(plugins: Plugins) -> None:
    text = (
        "South Korean President Lee Min-ho will hold a trilateral meeting with US President Tom Hale and "
        "Japanese Prime Minister Kenji Sato on the sidelines of a regional summit in Peru this week.\n\n"
        "Lee is set to depart for Lima on Thursday, and the trilateral meeting is scheduled for Friday, "
        "the presidential office said."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert interval(meeting) == ("2025-06-06", "2025-06-06")


def test_the_visit_a_planned_summit_would_be_takes_the_summits_day(plugins: Plugins) -> None:
    text = (
        "US President Tom Hale revealed plans for a summit in Japan during a video call with Indian "
        "Prime Minister Ravi Rao on Monday.\n\n"
        "If the summit with the leaders of the four countries is realized, it would be Hale's first "
        "visit to Japan since he took office.\n\n"
        '"I look forward to seeing you in Japan around the 24th of June," Hale told Rao during their talks.'
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert interval(visit) == ("2025-06-24", "2025-06-24")


def test_talks_the_following_day_after_an_aside_are_one_meeting_on_the_day_after_arrival(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Defense Minister Kenji Sato will visit Australia next week for talks with Australian "
        "Defence Minister Ann Reyes, the ministry said Wednesday.\n\n"
        "Sato will arrive in Canberra on the 13th and hold talks with Reyes, who is also deputy prime "
        "minister, the following day, the ministry said."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert [interval(e) for e in meetings] == [("2025-06-14", "2025-06-14")]


def test_talks_the_trilateral_came_a_day_after_are_dated_the_day_before_it(plugins: Plugins) -> None:
    text = (
        "Japanese Foreign Minister Kenji Sato, US Secretary of State Tom Hale and Philippine Foreign "
        "Secretary Ana Cruz met in Manila on Friday.\n\n"
        '"We stand together," the three said in a joint statement.\n\n'
        "The trilateral came a day after Hale and Cruz held bilateral talks at the foreign ministry."
    )
    (talks,) = [e for e in of_type(run(text, plugins), EventType.MEETING) if len(e.participants) == 2]
    assert interval(talks) == ("2025-05-29", "2025-05-29")


def test_an_invitation_during_the_conference_is_made_in_the_video_call_not_the_called_off_talks(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Defense Minister Kenji Sato and Australian Defence Minister Ann Reyes held a video "
        "conference on Tuesday and agreed to speed up talks on a frigate deal.\n\n"
        "The two ministers had originally planned to hold face-to-face talks in Tokyo this month. That "
        "meeting was postponed indefinitely.\n\n"
        "During the roughly 50-minute conference, Sato extended an invitation for Reyes to visit Japan "
        "next spring."
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert interval(invitation) == ("2025-06-03", "2025-06-03")


def test_a_plan_made_during_the_trip_takes_the_trips_dates_paragraphs_later(plugins: Plugins) -> None:
    text = "\n\n".join(
        [
            "Japanese Economy Minister Kenji Sato will travel to Washington from June 16 to 18.",
            "Sato is set to hold a working lunch with Commerce Secretary Tom Hale on June 17.",
            "The two sides agreed on a list of projects last year.",
            "Officials said the first projects could start by autumn.",
            "Power plants and shipyards are among them.",
            "Business groups have welcomed the plans.",
            "Some analysts remain cautious about the costs.",
            "During the Washington trip, Sato also plans to invite Hale to Japan this summer.",
        ]
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert interval(invitation) == ("2025-06-16", "2025-06-18")


def test_an_invitation_made_when_the_leaders_held_phone_talks_takes_the_calls_month(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Prime Minister Kenji Sato will visit Australia next month.\n\n"
        "With Australian Prime Minister Tom Hale, she is expected to discuss the frigates Australia "
        "selected last year. Hale invited Sato to visit Australia when the two leaders held telephone "
        "talks in November."
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert interval(invitation) == ("2024-11-01", "2024-11-30")


def test_the_visit_an_invitation_asks_for_is_not_dated_by_the_call_it_was_made_in(plugins: Plugins) -> None:
    text = (
        "Australian Prime Minister Tom Hale invited Japanese Prime Minister Kenji Sato to visit Australia "
        "when the two leaders held telephone talks in November."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert interval(visit) is None


def test_a_stop_of_a_listed_trip_takes_the_days_of_its_travellers_engagements_there(
    plugins: Plugins,
) -> None:
    text = (
        "US Navy chief Adm. Tom Hale wrapped up a six-day trip to Japan and the Philippines on Saturday, "
        "the Navy said.\n\n"
        "Hale arrived in Yokosuka on Sept. 7 and toured the ship repair facility there.\n\n"
        "The next day in Tokyo, Hale held talks with Japanese Defense Minister Kenji Sato.\n\n"
        "Hale then flew to Manila on Sept. 10."
    )
    visits = of_type(run(text, plugins, dt.date(2025, 9, 14)), EventType.VISIT)
    (japan,) = [e for e in visits if e.location is not None and e.location.name == "Japan"]
    assert interval(japan) == ("2025-09-07", "2025-09-08")


def test_a_later_sentence_on_when_the_dialogue_is_held_narrows_the_dialogues_dates(plugins: Plugins) -> None:
    text = (
        "Chinese Foreign Minister Wang Bo will make his first official visit to Japan starting on Sunday.\n\n"
        "During the visit from Sunday to Tuesday, Wang will co-chair the fifth China-Japan High-level "
        "Economic Dialogue with Japanese Foreign Minister Kenji Sato, a spokesman said.\n\n"
        "The fifth dialogue will be held in Tokyo on Monday, officials said."
    )
    (dialogue,) = of_type(run(text, plugins), EventType.MEETING)
    assert interval(dialogue) == ("2025-06-09", "2025-06-09")


def test_the_month_of_a_past_summit_named_later_in_the_sentence_does_not_date_the_proposed_meeting(
    plugins: Plugins,
) -> None:
    text = (
        "South Korean President Lee Min-ho will hold a trilateral meeting with US President Tom Hale and "
        "Japanese Prime Minister Kenji Sato on the sidelines of a regional summit in Peru this week.\n\n"
        "Hale proposed the meeting with Lee and Sato to build on the progress made during the historic "
        "Camp Hill summit in August 2023."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert [interval(e) for e in meetings] == [("2025-06-04", "2025-06-07")]


def test_a_meeting_introduced_with_a_is_no_reference_to_the_meeting_told_before(plugins: Plugins) -> None:
    text = (
        "Okinawa Governor Kenji Sato will leave for the United States on June 8 for a weeklong trip to "
        "Washington, where he plans to meet members of Congress.\n\n"
        "Meanwhile, a bureau chief told the prefectural assembly on Tuesday that a three-party liaison "
        "meeting among the bureau, the prefecture and US forces, initially set for late May, had been "
        "pushed back to mid-June."
    )
    meetings = of_type(run(text, plugins, dt.date(2026, 5, 21)), EventType.MEETING)
    assert all(interval(e) != ("2026-05-21", "2026-05-31") for e in meetings)


def test_a_trip_during_the_same_period_takes_the_dates_of_the_trip_told_before(plugins: Plugins) -> None:
    text = (
        "Japanese Prime Minister Kenji Sato will visit Australia and New Zealand from June 10 through "
        "June 14, the government said.\n\n"
        "Foreign Minister Aiko Mori will not accompany the prime minister, as she is scheduled to be in "
        "France during the same period for a meeting of Group of Seven foreign ministers."
    )
    (mori,) = [
        e
        for e in of_type(run(text, plugins), EventType.VISIT)
        if "Aiko Mori" in {p.actor.name for p in e.participants}
    ]
    assert interval(mori) == ("2025-06-10", "2025-06-14")


def test_a_plan_on_the_last_day_of_the_trip_is_dated_the_trips_last_day(plugins: Plugins) -> None:
    text = (
        "South Korean President Lee Min-ho will fly to Washington on June 16 for a three-day visit, "
        "officials said.\n\n"
        "On the last day of the trip, Lee plans to visit Philadelphia."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    (shipyard,) = [e for e in visits if e.location is not None and e.location.name != "Washington"]
    assert interval(shipyard) == ("2025-06-18", "2025-06-18")


def test_an_official_named_far_below_the_lede_does_not_drop_the_printed_date() -> None:
    filler = "Analysts said the alliance faces a busy year of drills and talks.\n\n" * 25
    lede = (
        "Monday, September 15, 2031\n\n"
        "Defense chiefs to meet in Manila today\n\n"
        "Philippine Defense Secretary Ramon Cruz is set to meet his Japanese counterpart Kenji Sato at "
        "Camp Aguinaldo this morning.\n\n"
        f"{filler}"
        "In 2023, US Defense Secretary Pat Doering visited the same camp.\n"
    )
    events = _bannered_story(dt.date(2025, 1, 20), lede)
    assert ("meeting", ("2031-09-15", "2031-09-15")) in events


def test_a_meeting_after_an_arrival_for_a_four_day_visit_is_not_dated_by_the_arrival_day(
    plugins: Plugins,
) -> None:
    text = (
        "A delegation led by Japanese lawmaker Kenji Sato arrived in Manila on Sunday for a four-day "
        "visit and met Philippine President Ana Cruz at the presidential palace."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert interval(meeting) != ("2025-06-01", "2025-06-01")


def test_the_body_does_not_borrow_the_time_of_the_standfirst(plugins: Plugins) -> None:
    text = (
        "Sato meets Cruz\n\n"
        "VISIT: The delegation is to tour a chip plant today and return home tomorrow\n\n"
        "Japanese lawmaker Kenji Sato met Philippine President Ana Cruz at the presidential palace in "
        "Manila, the palace said."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert interval(meeting) != ("2025-06-04", "2025-06-04")


def test_talks_before_the_palace_visit_are_on_the_day_of_the_courtesy_call(plugins: Plugins) -> None:
    text = (
        "Philippine President Ana Cruz on Friday received a courtesy call from US Defense Secretary Tom "
        "Hale at the presidential palace.\n\n"
        "Hale, who arrived in Manila on Thursday night, assured Cruz of US support.\n\n"
        "Before the Palace visit, Hale held talks with Philippine Defense Secretary Ramon Reyes at Camp "
        "Aguinaldo."
    )
    (talks,) = [
        e
        for e in of_type(run(text, plugins), EventType.MEETING)
        if "Ramon Reyes" in {p.actor.name for p in e.participants}
    ]
    assert interval(talks) == ("2025-05-30", "2025-05-30")


def test_talks_on_the_sidelines_of_a_summit_take_its_dates_told_elsewhere(plugins: Plugins) -> None:
    text = (
        "Australian Prime Minister Tom Hale will hold talks with Japanese Prime Minister Kenji Sato on the "
        "sidelines of the regional summit in Shenzhen next week.\n\n"
        "The two leaders last met in March.\n\n"
        "Hale will fly to Shenzhen on Monday for the leaders' meeting on 11 and 12 June, his office said."
    )
    (talks,) = [
        e
        for e in of_type(run(text, plugins), EventType.MEETING)
        if e.status.value == "planned" and "Kenji Sato" in {p.actor.name for p in e.participants}
    ]
    assert interval(talks) == ("2025-06-11", "2025-06-12")
