"""Engagements the ``rules`` extractor should not miss, and the status it gives them.

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from helpers import of_type, persons

SUNDAY = dt.date(2026, 3, 15)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = SUNDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_a_weekday_right_after_a_name_is_the_meetings_day_not_part_of_the_name(plugins: Plugins) -> None:
    text = (
        "Chinese Vice Foreign Minister Li Dongwei met with Japanese Foreign Minister Fumio Kishida "
        "Friday in Tokyo."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Li Dongwei", "Fumio Kishida"}
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 3, 13)


def test_informal_interactions_with_several_leaders_are_one_meeting_with_each(plugins: Plugins) -> None:
    text = (
        "Prime Minister Narendra Modi had informal interactions with US President Joe Biden and "
        "French President Emmanuel Macron on the sidelines of the summit on Saturday."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Emmanuel Macron", "Narendra Modi"],
        ["Joe Biden", "Narendra Modi"],
    ]


def test_a_second_verb_after_and_keeps_the_first_verbs_subject(plugins: Plugins) -> None:
    text = (
        "Prime Minister Narendra Modi held talks with US President Joe Biden and French President "
        "Emmanuel Macron on Saturday and exchanged views on trade."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert all(len(persons(m)) == 2 for m in meetings), meetings


def test_he_in_a_clause_after_the_meeting_is_who_met_not_whom_he_met(plugins: Plugins) -> None:
    text = "Prime Minister Narendra Modi met President Cyril Ramaphosa, hours after he arrived in Kenya."
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Narendra Modi"}


def test_a_dotted_country_before_a_surname_is_no_given_name(plugins: Plugins) -> None:
    text = (
        "Attending were Japan's Ambassador to the U.S. Tanaka and others. "
        "Foreign Minister Koichiro Gemba said Prime Minister Yoshihiko Noda's visit to the U.S. "
        "in April was a success."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2012, 7, 8)), EventType.VISIT)
    assert persons(visit) == {"Yoshihiko Noda"}
    assert visit.location is not None
    assert visit.location.country == "USA"


def test_looking_forward_to_someones_state_visit_awaits_a_planned_visit(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Taro Kono said Japan is looking forward to President Xi Jinping's state visit "
        "to Japan in the spring."
    )
    (visit,) = of_type(run(text, plugins, dt.date(2019, 8, 11)), EventType.VISIT)
    assert persons(visit) == {"Xi Jinping"}
    assert visit.status is Status.PLANNED


def test_looking_forward_to_meeting_someone_is_still_only_a_wish(plugins: Plugins) -> None:
    text = "Foreign Minister Taro Kono said he is looking forward to meeting President Xi Jinping one day."
    assert of_type(run(text, plugins, dt.date(2019, 8, 11)), EventType.MEETING) == []


def test_two_ministers_who_fly_somewhere_on_a_weekday_state_a_schedule(plugins: Plugins) -> None:
    text = (
        "Defence Minister Richard Marles and Foreign Minister Penny Wong fly to Washington on Monday "
        "to meet Secretary of State Marco Rubio."
    )
    (visit,) = of_type(run(text, plugins, None), EventType.VISIT)
    assert visit.status is Status.PLANNED


def test_arrangements_for_someone_to_also_meet_another_are_a_plan(plugins: Plugins) -> None:
    text = (
        "Arrangements are being made for Premier Li Keqiang to also meet bilaterally with "
        "Prime Minister Shinzo Abe."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2015, 10, 28)), EventType.MEETING)
    assert meeting.status is Status.PLANNED


def test_a_visit_someone_is_to_cut_short_is_under_way(plugins: Plugins) -> None:
    text = "Prime Minister Shinzo Abe is to cut short his visit to Indonesia because of the crisis."
    (visit,) = of_type(run(text, plugins, dt.date(2013, 1, 17)), EventType.VISIT)
    assert visit.status is Status.OCCURRED


def test_a_visit_someone_will_begin_is_still_planned(plugins: Plugins) -> None:
    text = "Prime Minister Shinzo Abe will begin his visit to Indonesia in the coming days."
    (visit,) = of_type(run(text, plugins, dt.date(2013, 1, 17)), EventType.VISIT)
    assert visit.status is Status.PLANNED


def test_stops_someone_will_not_go_to_as_planned_are_cancelled(plugins: Plugins) -> None:
    text = (
        "Secretary of State Mike Pompeo will travel to Tokyo for the meeting but will not go to Mongolia "
        "as originally planned, the State Department said. Pompeo was scheduled to visit Japan and "
        "Mongolia between October 4 and October 8."
    )
    visits = of_type(run(text, plugins, dt.date(2020, 10, 1)), EventType.VISIT)
    by_place = {v.location.name: v.status for v in visits if v.location is not None}
    assert by_place["Mongolia"] is Status.CANCELLED
    assert by_place["Tokyo"] is Status.PLANNED


def test_a_session_held_with_a_counterpart_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Leon Panetta was due to hold a longer session with his counterpart, "
        "Defence Minister Satoshi Morimoto, on Tuesday."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2012, 9, 17)), EventType.MEETING)
    assert persons(meeting) == {"Leon Panetta", "Satoshi Morimoto"}
    assert meeting.status is Status.PLANNED


def test_a_tour_that_includes_visits_names_stops_still_ahead(plugins: Plugins) -> None:
    text = "Defense Secretary Leon Panetta's week-long Asian tour includes visits to Beijing and Auckland."
    visits = of_type(run(text, plugins, dt.date(2012, 9, 17)), EventType.VISIT)
    assert {v.location.name for v in visits if v.location is not None} == {"Beijing", "Auckland"}
    assert {v.status for v in visits} == {Status.PLANNED}


def test_a_quotation_reporting_what_named_people_will_do_is_read_without_a_parse(plugins: Plugins) -> None:
    text = (
        "“Defense Minister Haruto Ishimori is scheduled to meet with Defense Secretary Mark Dellinger "
        "in Manila on Saturday,” the ministry spokesman told reporters."
    )
    [meeting] = run(text, plugins)
    assert meeting.type is EventType.MEETING
    assert persons(meeting) == {"Haruto Ishimori", "Mark Dellinger"}
    assert meeting.status is Status.PLANNED


def test_a_quotation_in_the_speakers_own_voice_stays_speech(plugins: Plugins) -> None:
    spoken = (
        "“Defense Minister Haruto Ishimori and I will meet again in Manila soon,” "
        "Defense Secretary Mark Dellinger told reporters.",
        "“We will meet Defense Minister Haruto Ishimori again soon,” Defense Secretary Mark Dellinger said.",
    )
    for text in spoken:
        assert run(text, plugins) == []


def test_a_nationality_as_a_noun_is_the_one_person_of_that_country_named_with_an_office(
    plugins: Plugins,
) -> None:
    text = (
        "U.S. Secretary of State Mark Dellinger arrived in Beijing on Monday for talks with Chinese "
        "Foreign Minister Wen Shulan. The American also invited Wen to visit Washington next year."
    )
    [invitation] = of_type(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Mark Dellinger", "Wen Shulan"}


def test_a_nationality_as_a_noun_names_no_one_when_two_people_of_that_country_fit(
    plugins: Plugins,
) -> None:
    text = (
        "Australian Foreign Minister Claire Hobart and Australian Defence Minister Tom Ridley met "
        "Chinese Foreign Minister Wen Shulan on Monday. The Australian invited Wen to visit Canberra."
    )
    assert of_type(run(text, plugins), EventType.INVITATION) == []


def test_a_country_and_an_office_name_the_story_s_holder_before_the_knowledge_base_s(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Prime Minister Kenji Morota arrived in Manila on Saturday for a two-day visit. "
        "The Japanese premier met Philippine Foreign Secretary Rosa Dalisay on Sunday."
    )
    [meeting] = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Kenji Morota", "Rosa Dalisay"}


def test_a_country_s_leader_is_the_one_leader_of_that_country_the_story_named(plugins: Plugins) -> None:
    text = (
        "Fijian Prime Minister Jone Tabua arrived in Wellington on Saturday. "
        "The Fijian leader held talks with New Zealand Foreign Minister Kate Marsh on Sunday."
    )
    [meeting] = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Jone Tabua", "Kate Marsh"}


def test_a_country_s_leader_names_no_one_when_the_story_named_two_who_fit(plugins: Plugins) -> None:
    text = (
        "Fijian President Sela Vunaki and Fijian Prime Minister Jone Tabua arrived in Wellington on "
        "Saturday. The Fijian leader held talks with New Zealand Foreign Minister Kate Marsh on Sunday."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert all(persons(meeting) & {"Sela Vunaki", "Jone Tabua"} == set() for meeting in meetings)


def test_a_courtesy_call_paid_to_a_leader_is_a_meeting_with_him(plugins: Plugins) -> None:
    text = (
        "While in Tokyo, U.S. Secretary of State Mark Dalton will meet with Japanese Foreign Minister "
        "Hiroshi Tanabe and pay a courtesy call to Japanese Prime Minister Yuko Sawada."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert {"Mark Dalton", "Yuko Sawada"} in [persons(m) for m in meetings]


def test_having_an_exchange_of_views_with_someone_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Chinese Premier Zhou Wenbo said he will have a candid exchange of views with Japanese Prime "
        "Minister Yuko Sawada on regional security."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Zhou Wenbo", "Yuko Sawada"}
    assert meeting.status is Status.PLANNED


def test_who_accepts_an_invitation_is_the_one_invited_and_the_one_who_travels(plugins: Plugins) -> None:
    text = (
        "At the talks in Manila, Philippine Defense Secretary Ramon Aquino accepted Australian Defence "
        "Minister Grant Ellison's invitation to visit Australia later this year."
    )
    events = run(text, plugins)
    (invitation,) = of_type(events, EventType.INVITATION)
    assert persons(invitation) == {"Ramon Aquino", "Grant Ellison"}
    (visit,) = of_type(events, EventType.VISIT)
    assert persons(visit) == {"Ramon Aquino"}
    assert visit.status is Status.PLANNED


def test_an_official_who_is_in_a_foreign_capital_this_week_is_visiting_it(plugins: Plugins) -> None:
    text = (
        "South Korean Prime Minister Han Jae-won is in Washington this week for meetings with "
        "administration officials and members of Congress."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Han Jae-won"}
    assert visit.location is not None
    assert visit.location.name == "Washington"
    assert visit.status is Status.OCCURRED


def test_an_official_in_his_own_capital_is_no_visit_and_lends_no_one_to_the_next_sentence(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Foreign Minister Hiroshi Tanabe met U.S. Secretary of State Mark Dalton in Washington "
        "on Monday, the day after U.S. President Tom Ellery's inauguration, while he was in the U.S. "
        "capital for a gathering of Quad ministers. The two also agreed to meet again in Canada next month."
    )
    events = run(text, plugins)
    assert all("Tom Ellery" not in persons(v) for v in of_type(events, EventType.VISIT))
    assert all("Tom Ellery" not in persons(m) for m in of_type(events, EventType.MEETING))


def test_a_compound_whose_last_side_is_a_two_word_country_names_both_governments(plugins: Plugins) -> None:
    text = "Officials in Seoul said the U.S.-North Korea summit would be held in Singapore next month."
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"USA", "PRK"}
    assert meeting.status is Status.PLANNED


def test_a_quoted_summit_whose_sides_the_compound_names_is_reported(plugins: Plugins) -> None:
    text = (
        '"Both ministers pledged to build on the results of the inter-Korean summit on April 27," '
        "the ministry said in a statement."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2018, 5, 14)), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"KOR", "PRK"}
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2018, 4, 27)


def test_a_conference_the_three_countries_planned_to_hold_is_their_meeting(plugins: Plugins) -> None:
    text = (
        "Japan, Australia and India had planned to hold a trilateral conference on maritime security in "
        "Canberra on Thursday and Friday. Officials gave a joint press conference afterwards."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert [{p.actor.country for p in m.participants} for m in meetings] == [{"JPN", "AUS", "IND"}]


def test_negotiations_held_at_a_named_place_are_a_meeting_of_the_two_sides(plugins: Plugins) -> None:
    text = "Japan and Australia announced a deal on gas supplies during negotiations in Perth on Friday."
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"JPN", "AUS"}
    assert meeting.status is Status.OCCURRED


def test_the_members_listed_after_a_delegations_destination_travel_with_its_leader(plugins: Plugins) -> None:
    text = (
        "The White House said Secretary of State Mark Dalton would lead a U.S. delegation to Canberra, "
        "which includes Secretary of Commerce Ellen Pryce and Trade Representative Victor Haines."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Mark Dalton", "Ellen Pryce", "Victor Haines"}
    assert visit.location is not None
    assert visit.location.name == "Canberra"


def test_speaking_to_someone_with_nothing_placing_them_together_is_a_call(plugins: Plugins) -> None:
    text = (
        "A Foreign Ministry spokesperson said U.S. Secretary of State Mark Dalton spoke to Australian "
        "Foreign Minister Claire Hollis on Saturday to express his thanks for the deal."
    )
    events = run(text, plugins)
    (call,) = of_type(events, EventType.CALL)
    assert persons(call) == {"Mark Dalton", "Claire Hollis"}
    assert of_type(events, EventType.MEETING) == []


def test_speaking_with_someone_at_a_dinner_in_a_city_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "U.S. Secretary of State Mark Dalton spoke with Australian Foreign Minister Claire Hollis at a "
        "dinner in Sydney on Saturday."
    )
    events = run(text, plugins)
    assert of_type(events, EventType.CALL) == []
    (meeting,) = of_type(events, EventType.MEETING)
    assert persons(meeting) == {"Mark Dalton", "Claire Hollis"}


def test_bilateral_meetings_with_each_member_of_a_grouping_are_one_with_each_members_leader(
    plugins: Plugins,
) -> None:
    text = (
        "Australian Prime Minister Dana Whitcombe will fly to Tokyo on Monday for the Quad summit. "
        "Ms Whitcombe will also have bilateral meetings with each Quad member before flying home on "
        "Wednesday. U.S. President Tom Ellery congratulated her on her election win. India's Prime "
        "Minister Ravi Menon and Japanese Prime Minister Kenji Arata did so too."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    pairs = [persons(m) for m in meetings if len(m.participants) == 2]
    for leader in ("Tom Ellery", "Ravi Menon", "Kenji Arata"):
        assert {"Dana Whitcombe", leader} in pairs


def test_a_grouping_summit_takes_the_leader_the_sentence_names_and_the_other_governments(
    plugins: Plugins,
) -> None:
    text = (
        "U.S. President Tom Ellery said on Friday that he is expected to visit Tokyo in late May for a "
        "summit meeting of the Quad."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert [persons(m) for m in meetings] == [{"Tom Ellery"}]
    assert {p.actor.country for p in meetings[0].participants} == {"USA", "JPN", "AUS", "IND"}


def test_a_foreign_minister_urging_a_leaders_summit_is_not_one_of_its_leaders(plugins: Plugins) -> None:
    text = (
        "South Korean Foreign Minister Park Min-ho urged efforts to prepare the next trilateral summit "
        "meeting between the leaders of South Korea, China and Japan as agreed at the foreign "
        "ministers' meeting in November."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert all("Park Min-ho" not in persons(m) for m in meetings if m.status is Status.PLANNED)


def test_a_visit_arranged_at_someones_invitation_makes_the_visitor_the_one_invited(plugins: Plugins) -> None:
    text = (
        "Chinese Foreign Minister Zhou Wenbo will travel to Seoul this week. His visit on Wednesday and "
        "Thursday has been arranged at the invitation of South Korean Foreign Minister Park Min-ho."
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Zhou Wenbo", "Park Min-ho"}


def test_a_place_named_as_the_last_leg_of_someones_trip_is_a_stop_of_it(plugins: Plugins) -> None:
    text = (
        "U.S. Defense Secretary Mark Dalton left Washington on Sunday. Korea is the last leg of his Asia "
        "swing that will also take him to Japan."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    places = {v.location.name for v in visits if v.location is not None}
    assert {"Korea", "Japan"} <= places
    assert all(persons(v) == {"Mark Dalton"} for v in visits)


def test_a_session_of_a_body_the_two_capitals_put_off_is_their_cancelled_meeting(plugins: Plugins) -> None:
    text = (
        "Following the turmoil, Canberra and Tokyo put off a session of the Joint Security Board, "
        "which was scheduled for Dec. 4-5."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2026, 12, 1)), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"AUS", "JPN"}
    assert meeting.status is Status.CANCELLED


def test_a_meeting_of_officials_named_by_their_countries_adjectives_is_of_those_governments(
    plugins: Plugins,
) -> None:
    text = (
        "Separately, a trilateral meeting of the U.S., Japanese and Australian chiefs of defense that "
        "had been set for late February in Honolulu has been postponed."
    )
    (meeting,) = of_type(run(text, plugins), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"USA", "JPN", "AUS"}
    assert meeting.status is Status.CANCELLED


def test_each_of_two_leaders_coordinated_before_to_visit_makes_the_visit(plugins: Plugins) -> None:
    text = (
        "The talks set the stage for South Korean President Han Jae-won and Chinese Premier Zhou Wenbo "
        "to visit Japan in December."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    assert sorted(sorted(persons(v)) for v in visits) == [["Han Jae-won"], ["Zhou Wenbo"]]


def test_one_invited_to_a_summit_abroad_plans_a_visit_there(plugins: Plugins) -> None:
    text = "Japanese Prime Minister Kenji Arata has been invited to the Group of Seven summit in Canada."
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Kenji Arata"}
    assert visit.location is not None
    assert visit.location.name == "Canada"
    assert visit.status is Status.PLANNED


def test_one_invited_to_a_summit_at_home_makes_no_visit(plugins: Plugins) -> None:
    text = "Japanese Prime Minister Kenji Arata has been invited to the Pacific summit in Tokyo."
    assert of_type(run(text, plugins), EventType.VISIT) == []


def test_a_host_welcoming_a_guest_whose_title_has_of_in_it_to_a_city_is_the_guests_visit(
    plugins: Plugins,
) -> None:
    text = (
        "Japanese Prime Minister Yuko Sawada will welcome U.S. Deputy Secretary of State Mark Dalton to "
        "Tokyo later this month."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Mark Dalton"}
    assert visit.location is not None
    assert visit.location.name == "Tokyo"


def test_two_ministers_who_discussed_something_in_telephone_talks_held_a_call(plugins: Plugins) -> None:
    text = (
        "Japanese Foreign Minister Hiroshi Tanabe and U.S. Secretary of State Mark Dalton discussed the "
        "timing in telephone talks on the evening of March 5."
    )
    (call,) = of_type(run(text, plugins), EventType.CALL)
    assert persons(call) == {"Hiroshi Tanabe", "Mark Dalton"}


def test_the_visit_of_a_titled_person_to_a_city_is_that_persons_visit(plugins: Plugins) -> None:
    text = (
        "The two discussed the upcoming visit of Secretary of Commerce Ellen Pryce to Seoul later this month."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Ellen Pryce"}
    assert visit.location is not None
    assert visit.location.name == "Seoul"
    assert visit.status is Status.PLANNED


def test_telling_someone_one_would_like_to_meet_them_is_an_invitation(plugins: Plugins) -> None:
    text = (
        "Japanese Foreign Minister Hiroshi Tanabe told South Korean Foreign Minister Park Min-ho that he "
        "would like to meet her in Tokyo in July."
    )
    (invitation,) = of_type(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Hiroshi Tanabe", "Park Min-ho"}
    assert [p.role.value for p in invitation.participants] == ["inviter", "invitee"]


def test_the_place_named_portion_of_someones_trip_is_where_that_visit_goes(plugins: Plugins) -> None:
    text = "The Japan portion of Defense Secretary Mark Dalton's trip to Asia this week was also canceled."
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Mark Dalton"}
    assert visit.location is not None
    assert visit.location.name == "Japan"
    assert visit.status is Status.CANCELLED


def test_a_trilateral_summit_naming_no_sides_is_of_the_three_countries_its_sentence_lists(
    plugins: Plugins,
) -> None:
    text = (
        "The talks covered North Korea's missile launches and cooperation between Japan, Philippine and "
        "U.S. forces following April's first-ever trilateral summit."
    )
    (meeting,) = of_type(run(text, plugins, dt.date(2026, 6, 1)), EventType.MEETING)
    assert {p.actor.country for p in meeting.participants} == {"JPN", "PHL", "USA"}
    assert meeting.status is Status.OCCURRED


def test_welcoming_the_visit_of_someone_is_no_meeting_with_them(plugins: Plugins) -> None:
    text = (
        "U.S. Vice President Tom Ellery welcomed the upcoming visit of Secretary of Commerce Ellen Pryce "
        "to Seoul later this month."
    )
    events = run(text, plugins)
    assert of_type(events, EventType.MEETING) == []
    assert [persons(v) for v in of_type(events, EventType.VISIT)] == [{"Ellen Pryce"}]


def test_the_object_of_a_first_verb_is_not_the_subject_of_a_second_joined_by_and(plugins: Plugins) -> None:
    text = (
        "In Tokyo, U.S. Admiral Carl Brenner held talks with Adm. Kenji Mori, chief of staff of the Japan "
        "Maritime Self-Defense Force, and paid a courtesy call on Japanese Defense Minister Hiroshi Tanabe."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    pairs = [persons(m) for m in meetings]
    assert {"Carl Brenner", "Hiroshi Tanabe"} in pairs
    assert {"Kenji Mori", "Hiroshi Tanabe"} not in pairs


def test_a_quoted_clause_reporting_a_named_third_persons_trip_is_read(plugins: Plugins) -> None:
    text = (
        '"The president noted our shared commitment to the region, and said that Secretary of State Mark '
        'Dalton would travel to Manila in his place," the White House said.'
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Mark Dalton"}
    assert visit.location is not None
    assert visit.location.name == "Manila"


def test_a_quoted_clause_with_the_speakers_own_pronoun_is_not_read(plugins: Plugins) -> None:
    text = '"We will travel to Manila with Secretary of State Mark Dalton next week," the spokesman said.'
    assert of_type(run(text, plugins), EventType.VISIT) == []


def test_the_guest_a_leader_will_host_for_a_state_visit_makes_that_visit(plugins: Plugins) -> None:
    text = (
        "U.S. President Tom Ellery said he would host Chinese Premier Zhou Wenbo for a state visit in "
        "the United States later this year."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Zhou Wenbo"}
    assert visit.location is not None
    assert visit.location.country == "USA"
    assert visit.status is Status.PLANNED


def test_an_arrival_on_a_named_day_is_a_visit_to_where_the_story_is_filed(plugins: Plugins) -> None:
    text = (
        "TAIPEI, March 16 (Wire) - A delegation of Japanese lawmakers, led by Lower House member Kenji "
        "Arata, arrived on Sunday for a four-day visit."
    )
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Kenji Arata"}
    assert visit.location is not None
    assert visit.location.name == "Taipei"
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 3, 15)


def test_one_invited_straight_to_a_foreign_country_plans_a_visit_there(plugins: Plugins) -> None:
    text = "Japanese Prime Minister Kenji Arata invited U.S. President Tom Ellery to Japan for the summit."
    events = run(text, plugins)
    (invitation,) = of_type(events, EventType.INVITATION)
    assert persons(invitation) == {"Kenji Arata", "Tom Ellery"}
    (visit,) = of_type(events, EventType.VISIT)
    assert persons(visit) == {"Tom Ellery"}
    assert visit.location is not None
    assert visit.location.name == "Japan"
    assert visit.status is Status.PLANNED


def test_a_place_named_as_a_stop_of_a_named_persons_tour_is_a_visit_there(plugins: Plugins) -> None:
    text = "Seoul is the last leg of U.S. Defense Secretary Mark Dalton's Asia swing."
    (visit,) = of_type(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Mark Dalton"}
    assert visit.location is not None
    assert visit.location.name == "Seoul"
