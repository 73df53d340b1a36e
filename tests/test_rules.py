"""Behaviour of the built-in ``rules`` extractor on short news-style texts.

Every text here is written for these tests. Names of real officials are
used where the knowledge base matters; invented officers show the rules work
without it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import ActorKind, Event, EventType, Role, Status
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from helpers import only, persons

TUESDAY = dt.date(2026, 1, 13)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = TUESDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_titled_names_meeting_in_the_past_is_occurred_and_dated_backward(plugins: Plugins) -> None:
    events = run(
        "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday.", plugins
    )
    meeting = only(events, EventType.MEETING)
    assert persons(meeting) == {"Toshimitsu Motegi", "Marco Rubio"}
    assert meeting.status is Status.OCCURRED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 1, 12)
    assert meeting.location is not None
    assert meeting.location.name == "Tokyo"
    assert meeting.location.country == "JPN"


def test_planned_visit_resolves_weekday_forward_and_keeps_evidence(plugins: Plugins) -> None:
    text = "Defense Secretary Pete Hegseth will travel to Manila on Thursday for talks with his counterpart."
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 1, 15)
    assert visit.location is not None
    assert visit.location.name == "Manila"
    assert all(text[span.start : span.end] == span.text for span in visit.evidence)


def test_apposition_gives_the_title_and_the_country(plugins: Plugins) -> None:
    text = (
        "The Ruritanian foreign ministry said that Marta Kovel, the country's deputy foreign minister, "
        "will visit Seoul next week."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    (participant,) = visit.participants
    assert participant.actor.name == "Marta Kovel"
    assert participant.actor.title == "Deputy Foreign Minister"
    assert participant.role is Role.VISITOR
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (
        dt.date(2026, 1, 19),
        dt.date(2026, 1, 25),
    )


def test_rank_introduces_an_unknown_officer(plugins: Plugins) -> None:
    text = (
        "Rear Adm. Lena Okafor, commander of a naval logistics group, met Capt. Hiro Tanabe "
        "in Yokosuka on Friday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Lena Okafor", "Hiro Tanabe"}


def test_surname_first_name_is_reported_given_name_first(plugins: Plugins) -> None:
    text = "Prime Minister Takaichi Sanae held talks with President Donald Trump in Tokyo on Monday."
    meeting = only(run(text, plugins), EventType.MEETING)
    assert "Sanae Takaichi" in persons(meeting)


def test_name_damaged_by_encoding_is_repaired_from_the_knowledge_base(plugins: Plugins) -> None:
    text = "Defence Minister Shinjir? Koizumi met Defense Secretary Pete Hegseth at the Pentagon on Monday."
    meeting = only(run(text, plugins), EventType.MEETING)
    assert "Shinjiro Koizumi" in persons(meeting)


def test_surname_and_pronoun_resolve_to_people_named_earlier(plugins: Plugins) -> None:
    text = (
        "Vice Foreign Minister Takehiro Funakoshi will be in Washington for two days starting Thursday. "
        "During his visit, he will talk with Deputy Secretary of State Christopher Landau."
    )
    events = run(text, plugins)
    meeting = only(events, EventType.MEETING)
    assert persons(meeting) == {"Takehiro Funakoshi", "Christopher Landau"}
    assert meeting.status is Status.PLANNED
    # the meeting happens during the visit: its time and place
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 1, 15)
    assert meeting.location is not None
    assert meeting.location.country == "USA"


def test_invitation_in_a_phone_call_gives_call_invitation_and_planned_visit(plugins: Plugins) -> None:
    text = (
        "President Lee Jae-myung invited Prime Minister Anthony Albanese to visit Seoul this spring. "
        "The invitation was made during a phone call between the two leaders on Monday."
    )
    events = run(text, plugins)
    call = only(events, EventType.CALL)
    invitation = only(events, EventType.INVITATION)
    visit = only(events, EventType.VISIT)
    assert persons(call) == {"Lee Jae-myung", "Anthony Albanese"}
    assert call.status is Status.OCCURRED
    roles = {p.actor.name: p.role for p in invitation.participants}
    assert roles == {"Lee Jae-myung": Role.INVITER, "Anthony Albanese": Role.INVITEE}
    assert visit.status is Status.PLANNED
    assert persons(visit) == {"Anthony Albanese"}
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 5, 31),
    )


def test_month_alternatives_give_the_whole_interval(plugins: Plugins) -> None:
    text = "Prime Minister Sanae Takaichi's visit to the United States is tentatively set for March or April."
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time is not None
    assert (visit.time.start, visit.time.end) == (
        dt.date(2026, 3, 1),
        dt.date(2026, 4, 30),
    )


def test_relative_time_without_publication_date_stays_unresolved(plugins: Plugins) -> None:
    text = "Prime Minister Fumio Kishida will visit Washington next month for talks with President Joe Biden."
    for event in run(text, plugins, published=None):
        assert event.time is None or not event.time.resolved


def test_timestamp_printed_in_the_text_anchors_relative_dates(plugins: Plugins) -> None:
    text = (
        "Officials pose for a photo before the talks.\n"
        "16:35 JST, March 10, 2022\n"
        "Defense Minister Nobuo Kishi met Defense Secretary Lloyd Austin in Tokyo on Thursday.\n"
    )
    meeting = only(run(text, plugins, published=None), EventType.MEETING)
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2022, 3, 10)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Foreign Minister Takeshi Iwaya is expected to visit Canberra next week.", Status.PLANNED),
        ("Foreign Minister Takeshi Iwaya is slated to visit Canberra next week.", Status.PLANNED),
        ("Foreign Minister Takeshi Iwaya visited Canberra last week.", Status.OCCURRED),
        (
            "Foreign Minister Takeshi Iwaya has called off a visit to Canberra planned for next week.",
            Status.CANCELLED,
        ),
        ("Foreign Minister Takeshi Iwaya postponed his visit to Canberra indefinitely.", Status.CANCELLED),
    ],
)
def test_status_follows_tense_and_modality(sentence: str, status: Status, plugins: Plugins) -> None:
    visit = only(run(sentence, plugins), EventType.VISIT)
    assert visit.status is status


def test_call_by_phone_is_a_call_not_a_meeting(plugins: Plugins) -> None:
    text = "Foreign Minister Cho Hyun spoke by phone with Secretary of State Marco Rubio on Friday."
    call = only(run(text, plugins), EventType.CALL)
    assert persons(call) == {"Cho Hyun", "Marco Rubio"}
    assert call.time is not None
    assert call.time.start == dt.date(2026, 1, 9)


def test_separate_meetings_are_one_event_per_counterpart(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio hosted Foreign Minister Penny Wong and "
        "Foreign Minister Takeshi Iwaya at the State Department on Monday. "
        "Rubio also held separate meetings with Wong and Iwaya."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert sorted(len(persons(m)) for m in meetings) == [2, 2, 3]


def test_headlines_captions_and_link_lists_give_no_events(plugins: Plugins) -> None:
    text = (
        "Motegi to meet Rubio in Washington\n"
        "Foreign Minister Toshimitsu Motegi is seen at the ministry in Tokyo. (Kyodo Photo)\n"
        "Related articles\n"
        "- Takaichi to visit Seoul for summit with Lee\n"
        "- Hegseth meets Koizumi at the Pentagon\n"
    )
    assert run(text, plugins) == []


def test_analysis_without_engagements_gives_no_events(plugins: Plugins) -> None:
    text = (
        "The alliance between Japan and the United States has weathered many storms. Officials from both "
        "countries are expected to keep working together on deterrence, and analysts say the partnership "
        "remains the cornerstone of regional stability."
    )
    assert run(text, plugins) == []


def test_negated_plans_are_not_events(plugins: Plugins) -> None:
    text = (
        "Defense Minister Gen Nakatani has no plans to visit the United States this month, the ministry said."
    )
    assert run(text, plugins) == []


def test_the_two_leaders_refers_to_the_people_of_the_previous_event(plugins: Plugins) -> None:
    text = (
        "President Donald Trump spoke by phone with Prime Minister Sanae Takaichi on Monday. "
        "The two leaders also agreed to meet in Washington next month."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Donald Trump", "Sanae Takaichi"}
    assert meeting.status is Status.PLANNED
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 2, 1)


def test_events_carry_cameo_and_plover_codes(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth hosted Defense Minister Shinjiro Koizumi at the Pentagon on Monday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert meeting.cameo == "043"
    assert meeting.plover == "CONSULT"
    assert {p.role for p in meeting.participants} == {Role.HOST, Role.GUEST}


def test_nominal_event_with_a_bare_month_is_read_on_the_nearer_side(plugins: Plugins) -> None:
    text = (
        "Officials reviewed the results of the summit between Prime Minister Sanae Takaichi "
        "and President Lee Jae-myung in Gyeongju in December."
    )
    event = only(run(text, plugins), EventType.MEETING)
    assert event.status is Status.OCCURRED
    assert (event.time.start, event.time.end) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_present_tense_with_a_coming_day_is_a_schedule(plugins: Plugins) -> None:
    text = "Foreign Minister Toshimitsu Motegi travels to Canberra on Thursday for talks."
    event = only(run(text, plugins), EventType.VISIT)
    assert event.status is Status.PLANNED
    assert event.time.start == dt.date(2026, 1, 15)


def test_event_dated_wholly_before_publication_has_occurred(plugins: Plugins) -> None:
    text = (
        "The talks between Prime Minister Sanae Takaichi and President Lee Jae-myung "
        "last December set the tone."
    )
    event = only(run(text, plugins), EventType.MEETING)
    assert event.status is Status.OCCURRED


def test_days_later_count_from_the_event_dated_just_before(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi met President Lee Jae-myung in Seoul on Jan. 5. "
        "Two days later, Takaichi held talks with Prime Minister Anthony Albanese in Canberra."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    dates = {frozenset(persons(e)): e.time.start for e in meetings if e.time}
    assert dates[frozenset({"Sanae Takaichi", "Anthony Albanese"})] == dt.date(2026, 1, 7)


def test_bare_day_of_month_resolves_to_the_coming_day_for_a_plan(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi will hold talks with Secretary of State Marco Rubio on the 22nd."
    )
    event = only(run(text, plugins), EventType.MEETING)
    assert event.time.start == dt.date(2026, 1, 22)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("External Affairs Minister S. Jaishankar will visit Tokyo next week.", "Subrahmanyam Jaishankar"),
        ("First Vice Foreign Minister Park Yoon-joo will visit Tokyo next week.", "Park Yoon-joo"),
        ("Commission President Ursula von der Leyen will visit Tokyo next week.", "Ursula von der Leyen"),
        ("Deputy Minister Kang Min-seo will visit Tokyo next week.", "Kang Min-seo"),
        ("Mayor Daniel R. Okafor will visit Tokyo next week.", "Daniel R. Okafor"),
    ],
)
def test_initials_particles_common_word_surnames_and_mayors_are_names(
    text: str, name: str, plugins: Plugins
) -> None:
    event = only(run(text, plugins), EventType.VISIT)
    assert persons(event) == {name}


def test_readout_capitals_with_honorific_initial_and_suffix_are_recognised(plugins: Plugins) -> None:
    text = (
        "Mr. HAYASHI Yoshimasa, Chief Cabinet Secretary, held a meeting with the Hon. "
        "Gilberto C. TEODORO, Jr., Secretary of National Defense of the Philippines, on January 9."
    )
    event = only(run(text, plugins), EventType.MEETING)
    assert persons(event) == {"Yoshimasa Hayashi", "Gilberto Teodoro"}
    assert event.status is Status.OCCURRED


def test_readout_capitals_surname_before_a_given_name_that_is_also_a_rank(plugins: Plugins) -> None:
    text = (
        "A meeting was held in Tokyo on March 30, 2025, between Minister of Defense "
        "NAKATANI Gen and Secretary HEGSETH."
    )
    event = only(run(text, plugins), EventType.MEETING)
    assert persons(event) == {"Gen Nakatani", "Pete Hegseth"}


@pytest.mark.parametrize(
    "caption",
    [
        "Prime Minister Sanae Takaichi (L) shakes hands with President Lee Jae-myung in Seoul on Monday.",
        "Minister Shinjiro Koizumi, left, talks with Secretary Pete Hegseth at the Pentagon on Friday.",
        "Motegi meets Rubio in Washington on Oct. 3 in this file photo. (Kyodo)",
    ],
)
def test_photo_captions_marked_by_positions_or_file_photo_give_no_events(
    caption: str, plugins: Plugins
) -> None:
    assert run(caption, plugins) == []


def test_background_tallies_of_calls_are_not_events(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi and President Lee Jae-myung have spoken by phone several times "
        "since their first meeting."
    )
    assert [e for e in run(text, plugins) if e.type is EventType.CALL] == []


def test_an_event_referred_to_as_known_keeps_its_own_tense(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi will visit Seoul next week to discuss the results of the "
        "summit between Prime Minister Sanae Takaichi and President Lee Jae-myung in Gyeongju in December."
    )
    summit = only(run(text, plugins), EventType.MEETING)
    assert summit.status is Status.OCCURRED
    assert summit.time.start == dt.date(2025, 12, 1)


def test_a_definite_title_stands_for_the_official_named_with_it_earlier(plugins: Plugins) -> None:
    text = (
        "Deputy Secretary of State Christopher Landau will travel to Tokyo next week. "
        "In Tokyo, the Deputy Secretary will meet with Vice Foreign Minister Takehiro Funakoshi."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Christopher Landau", "Takehiro Funakoshi"}


def test_a_nationality_and_a_lower_case_title_stand_for_the_official_of_that_country(
    plugins: Plugins,
) -> None:
    text = (
        "Defense Minister Shinjiro Koizumi held talks with Secretary Pete Hegseth on Monday. "
        "On Friday, the Japanese minister will visit Manila."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Shinjiro Koizumi"}


def test_the_initials_of_a_title_stand_for_its_holder(plugins: Plugins) -> None:
    text = (
        "External Affairs Minister Subrahmanyam Jaishankar arrived in Tokyo on Sunday. "
        "The EAM and Foreign Minister Toshimitsu Motegi last spoke by phone on Jan. 5."
    )
    call = only(run(text, plugins), EventType.CALL)
    assert persons(call) == {"Subrahmanyam Jaishankar", "Toshimitsu Motegi"}


def test_the_two_ministers_prefers_the_one_named_later_in_the_sentence(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi spoke by phone with Secretary of State Marco Rubio on Monday. "
        "Motegi will also meet Treasury Secretary Scott Bessent next week. "
        "The two ministers last met in Tokyo on Oct. 28, when Rubio accompanied President Donald Trump."
    )
    past = [e for e in run(text, plugins) if e.type is EventType.MEETING and e.status is Status.OCCURRED]
    assert [persons(e) for e in past] == [{"Toshimitsu Motegi", "Marco Rubio"}]


def test_a_where_clause_takes_the_place_it_hangs_on(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi will fly on to Canberra, where she is slated to meet "
        "Prime Minister Anthony Albanese on Friday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert meeting.location is not None
    assert meeting.location.name == "Canberra"


def test_a_second_clause_with_he_keeps_its_own_subject_and_the_onward_trip_its_tense(
    plugins: Plugins,
) -> None:
    text = (
        "Today Defense Secretary Pete Hegseth holds talks with Defense Minister Shinjiro Koizumi, and "
        "tomorrow he pays a courtesy call on Prime Minister Sanae Takaichi before flying on to Manila."
    )
    events = run(text, plugins)
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert {frozenset(persons(e)) for e in meetings} == {
        frozenset({"Pete Hegseth", "Shinjiro Koizumi"}),
        frozenset({"Pete Hegseth", "Sanae Takaichi"}),
    }
    assert all(e.location is None or e.location.name != "Manila" for e in meetings)
    visit = only(events, EventType.VISIT)
    assert persons(visit) == {"Pete Hegseth"}
    assert visit.status is Status.PLANNED


def test_a_trip_put_off_in_the_sentence_that_names_it_is_not_an_earlier_trip(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi will travel to Canberra next week. "
        "She had hoped to visit the region in January, but the trip was put off."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time.start == dt.date(2026, 1, 19)


def test_a_companion_in_a_sentence_of_their_own_travels_where_the_leader_goes(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi will travel to Canberra on Feb. 2 for talks with Prime Minister "
        "Anthony Albanese. Foreign Minister Toshimitsu Motegi will accompany Takaichi and is expected "
        "to meet Foreign Minister Penny Wong."
    )
    events = run(text, plugins)
    visits = {frozenset(persons(e)): e for e in events if e.type is EventType.VISIT}
    motegi = visits[frozenset({"Toshimitsu Motegi"})]
    assert motegi.location is not None
    assert motegi.location.name == "Canberra"
    assert motegi.time.start == dt.date(2026, 2, 2)
    meetings = [persons(e) for e in events if e.type is EventType.MEETING]
    assert {"Toshimitsu Motegi", "Sanae Takaichi"} not in meetings


def test_travel_with_him_follows_the_trip_of_the_one_named_before(plugins: Plugins) -> None:
    text = (
        "President Donald Trump will visit Seoul next week. Secretary of State Marco Rubio and "
        "Treasury Secretary Scott Bessent are expected to travel with him."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    companions = [e for e in visits if "Donald Trump" not in persons(e)]
    assert [persons(e) for e in companions] == [{"Marco Rubio", "Scott Bessent"}]
    assert companions[0].location is not None
    assert companions[0].location.name == "Seoul"


def test_a_companion_on_the_trip_named_in_the_same_sentence_joins_it(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio accompanied President Donald Trump on his visit to Seoul last week."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Marco Rubio", "Donald Trump"}


def test_not_accompanying_is_no_trip(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi will visit Canberra next week. Foreign Minister Toshimitsu Motegi "
        "will not accompany the prime minister."
    )
    assert [persons(e) for e in run(text, plugins) if e.type is EventType.VISIT] == [{"Sanae Takaichi"}]


def test_two_coordinated_engagements_are_two_meetings(plugins: Plugins) -> None:
    text = (
        "External Affairs Minister Subrahmanyam Jaishankar is expected to call on Prime Minister "
        "Sanae Takaichi and hold a meeting with Defense Minister Shinjiro Koizumi on Tuesday."
    )
    meetings = {frozenset(persons(e)) for e in run(text, plugins) if e.type is EventType.MEETING}
    assert meetings == {
        frozenset({"Subrahmanyam Jaishankar", "Sanae Takaichi"}),
        frozenset({"Subrahmanyam Jaishankar", "Shinjiro Koizumi"}),
    }


def test_co_chairing_a_dialogue_with_someone_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Penny Wong will co-chair the annual Australia-Japan Ministerial Economic "
        "Dialogue with Foreign Minister Toshimitsu Motegi in Tokyo on Monday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Penny Wong", "Toshimitsu Motegi"}
    assert meeting.status is Status.PLANNED


def test_hosting_a_counterpart_named_in_apposition_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Defence Minister Richard Marles will host his Japanese counterpart, Shinjiro Koizumi, "
        "in Canberra in the first week of March."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Richard Marles", "Shinjiro Koizumi"}
    assert (meeting.time.start, meeting.time.end) == (dt.date(2026, 3, 1), dt.date(2026, 3, 7))


def test_what_had_been_due_after_a_postponement_is_cancelled(plugins: Plugins) -> None:
    text = (
        "Treasury Secretary Scott Bessent has postponed a trip to Japan. "
        "Bessent had been due to arrive in Tokyo on Jan. 20 and to hold talks with Finance Minister "
        "Satsuki Katayama the following day."
    )
    events = run(text, plugins)
    meeting = only(events, EventType.MEETING)
    assert meeting.status is Status.CANCELLED
    assert meeting.time.start == dt.date(2026, 1, 21)


def test_at_the_invitation_of_is_an_invitation_already_made(plugins: Plugins) -> None:
    text = (
        "Defense Minister Shinjiro Koizumi will arrive in Manila on Wednesday at the invitation of "
        "Defense Secretary Gilberto Teodoro."
    )
    invitation = only(run(text, plugins), EventType.INVITATION)
    roles = {p.actor.name: p.role for p in invitation.participants}
    assert roles == {"Gilberto Teodoro": Role.INVITER, "Shinjiro Koizumi": Role.INVITEE}
    assert invitation.status is Status.OCCURRED
    assert invitation.time is None


def test_a_relative_clause_after_a_name_with_a_suffix_dates_the_visit_it_states(plugins: Plugins) -> None:
    text = (
        "On January 9, Defense Minister Shinjiro Koizumi held a meeting with the Hon. Gilberto C. "
        "TEODORO, Jr., Secretary of National Defense, who is visiting Japan from January 8 to 11. "
        "Afterwards the Secretary reviewed an honor guard. "
        "In the afternoon of the same day, he visited the Joint Staff Office."
    )
    visits = sorted(
        (e for e in run(text, plugins) if e.type is EventType.VISIT), key=lambda e: e.evidence[0].start
    )
    assert [persons(e) for e in visits] == [{"Gilberto Teodoro"}, {"Gilberto Teodoro"}]
    assert (visits[0].time.start, visits[0].time.end) == (dt.date(2026, 1, 8), dt.date(2026, 1, 11))
    assert visits[1].time.start == dt.date(2026, 1, 9)
    assert visits[1].location is not None
    assert visits[1].location.name == "Joint Staff Office"


def test_would_see_a_leader_in_a_city_is_a_planned_meeting_of_its_own_clause(plugins: Plugins) -> None:
    text = (
        "President Donald Trump said he spoke by phone with Prime Minister Sanae Takaichi on Sunday, "
        "and that he would see President Lee Jae-myung in Seoul next month."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Donald Trump", "Lee Jae-myung"}
    assert meeting.status is Status.PLANNED
    assert meeting.location is not None
    assert meeting.location.name == "Seoul"


def test_a_trip_to_two_places_is_a_visit_to_each(plugins: Plugins) -> None:
    text = (
        "Deputy Secretary of State Christopher Landau will travel to Tokyo, Japan, and Canberra, "
        "Australia, February 2-6."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert sorted(e.location.name for e in visits if e.location) == ["Canberra", "Tokyo, Japan"]
    assert all((e.time.start, e.time.end) == (dt.date(2026, 2, 2), dt.date(2026, 2, 6)) for e in visits)


def test_a_summit_being_prepared_and_a_call_in_the_next_clause_keep_their_own_people(
    plugins: Plugins,
) -> None:
    text = (
        "Prime Minister Sanae Takaichi is preparing for a summit with President Lee Jae-myung in Seoul "
        "in March, and earlier this month Foreign Minister Toshimitsu Motegi held talks by phone with "
        "Foreign Minister Cho Hyun."
    )
    events = run(text, plugins)
    summit = only(events, EventType.MEETING)
    assert persons(summit) == {"Sanae Takaichi", "Lee Jae-myung"}
    assert summit.time.start == dt.date(2026, 3, 1)
    call = only(events, EventType.CALL)
    assert persons(call) == {"Toshimitsu Motegi", "Cho Hyun"}
    assert call.status is Status.OCCURRED


def test_a_leg_called_off_in_the_next_sentence_cancels_the_trip_and_its_talks(plugins: Plugins) -> None:
    text = (
        "Treasury Secretary Scott Bessent, who arrived in Jakarta on Monday, had been due to fly to Seoul "
        "on Thursday for talks with Finance Minister Koo Yun-cheol.\n\n"
        "On Wednesday, however, a Treasury spokesperson said the Seoul leg had been called off."
    )
    events = run(text, plugins)
    visit = next(e for e in events if e.type is EventType.VISIT and e.location and e.location.name == "Seoul")
    assert visit.status is Status.CANCELLED
    talks = only(events, EventType.MEETING)
    assert talks.status is Status.CANCELLED
    assert talks.location is not None
    assert talks.location.name == "Seoul"  # the talks are where the trip was going
    arrival = next(e for e in events if e.type is EventType.VISIT and e is not visit)
    assert arrival.status is Status.OCCURRED  # the trip under way is not what was called off


def test_a_trip_that_will_not_take_place_is_cancelled(plugins: Plugins) -> None:
    text = (
        "The presidential office said President Ferdinand Marcos Jr.'s trip to Canberra, which had been "
        "pencilled in for May, will not take place as scheduled."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert visit.status is Status.CANCELLED


def test_a_new_indefinite_meeting_is_not_read_as_the_earlier_one(plugins: Plugins) -> None:
    text = (
        "Defense Minister Shinjiro Koizumi met Gen. Charles Flynn in Tokyo on Monday.\n\n"
        "Separately, a trilateral meeting of army chiefs that had been set for March has been postponed."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert meeting.status is Status.OCCURRED
    assert meeting.time.start == dt.date(2026, 1, 12)


def test_he_at_the_start_of_a_sentence_is_the_previous_subject_not_its_object(plugins: Plugins) -> None:
    text = (
        "Adm. Koji Yamada, the navy's chief of staff, arrived in Washington on Sunday. "
        "He met Chief of Naval Operations Adm. Daryl Caudle at the Pentagon on Monday. "
        "He also held talks that day with Under Secretary of the Navy Hung Cao."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    second = next(e for e in meetings if "Hung Cao" in persons(e))
    assert persons(second) == {"Koji Yamada", "Hung Cao"}
    assert second.time.start == dt.date(2026, 1, 12)  # "that day": the day of the meeting before


def test_said_after_meeting_is_a_meeting_that_happened(plugins: Plugins) -> None:
    text = (
        "The two countries will hold more joint drills, Defense Secretary Gilberto Teodoro Jr. said after "
        "meeting Defense Minister Shinjiro Koizumi at Camp Aguinaldo on Monday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Gilberto Teodoro Jr.", "Shinjiro Koizumi"} or persons(meeting) == {
        "Gilberto Teodoro Jr",
        "Shinjiro Koizumi",
    }
    assert meeting.status is Status.OCCURRED
    assert meeting.time.start == dt.date(2026, 1, 12)


def test_a_trip_taken_after_a_cancellation_keeps_its_own_subject_and_status(plugins: Plugins) -> None:
    text = (
        "A planned meeting between Koizumi's deputy and Foreign Secretary Theresa Lazaro was cancelled "
        "after Lazaro flew to Jakarta for an emergency ASEAN session on Monday."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Theresa Lazaro"}
    assert visit.status is Status.OCCURRED


def test_a_delegation_stands_for_the_lawmaker_who_leads_it(plugins: Plugins) -> None:
    text = (
        "A delegation of Japanese lawmakers, led by Lower House member Takumi Senda, met President "
        "Lai Ching-te in Taipei on Monday.\n\n"
        "On Monday evening, Legislative Speaker Han Kuo-yu hosted the delegation for dinner, during which "
        "Senda extended an invitation for Han to lead a delegation to Tokyo next year."
    )
    events = run(text, plugins)
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert {frozenset(persons(e)) for e in meetings} == {
        frozenset({"Takumi Senda", "Lai Ching-te"}),
        frozenset({"Han Kuo-yu", "Takumi Senda"}),
    }
    invitation = only(events, EventType.INVITATION)
    assert persons(invitation) == {"Takumi Senda", "Han Kuo-yu"}
    assert invitation.status is Status.OCCURRED
    assert invitation.time is None or invitation.time.start != dt.date(
        2027, 1, 1
    )  # "next year" is the trip's


def test_advice_against_travel_is_no_trip(plugins: Plugins) -> None:
    text = (
        "Beijing advised its citizens against traveling to Japan after Prime Minister Sanae Takaichi spoke."
    )
    assert not [e for e in run(text, plugins) if e.type is EventType.VISIT]


def test_a_call_by_someone_who_will_travel_later_has_happened(plugins: Plugins) -> None:
    text = (
        "Prime Minister Anthony Albanese will travel to Jakarta next week. Foreign Minister Penny Wong, "
        "who will accompany the Prime Minister, spoke with Foreign Minister Sugiono by phone on Sunday."
    )
    events = run(text, plugins)
    call = only(events, EventType.CALL)
    assert call.status is Status.OCCURRED
    assert call.time.start == dt.date(2026, 1, 11)
    companions = [e for e in events if e.type is EventType.VISIT and "Penny Wong" in persons(e)]
    assert companions
    assert all(e.location and e.location.name == "Jakarta" for e in companions)


def test_talks_framing_a_sentence_take_the_main_clause_people_and_the_previous_date(
    plugins: Plugins,
) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi and his Indian counterpart Subrahmanyam Jaishankar agreed "
        "Monday to deepen maritime cooperation.\n\n"
        "During the talks in New Delhi, which ran over two hours, the two ministers also confirmed that "
        "their deputies will meet in Tokyo next month."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Toshimitsu Motegi", "Subrahmanyam Jaishankar"}
    assert meeting.status is Status.OCCURRED
    assert meeting.time.start == dt.date(2026, 1, 12)


def test_an_outlet_banner_over_a_timestamp_is_no_dateline(plugins: Plugins) -> None:
    text = (
        "METRO WIRE NEWS - Jan 13, 2026 - 10:41\n\n"
        "Foreign Minister Toshimitsu Motegi held talks with Foreign Minister Cho Hyun on Monday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert meeting.location is None


def test_asking_someone_to_visit_is_an_invitation_and_him_is_the_one_asked(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Penny Wong held talks by phone with Foreign Minister Toshimitsu Motegi on Monday "
        "and asked him to visit Canberra at an early date."
    )
    events = run(text, plugins)
    invitation = only(events, EventType.INVITATION)
    assert persons(invitation) == {"Penny Wong", "Toshimitsu Motegi"}
    assert invitation.status is Status.OCCURRED
    visit = only(events, EventType.VISIT)
    assert persons(visit) == {"Toshimitsu Motegi"}
    assert visit.status is Status.PLANNED
    assert visit.time is None  # "on Monday" dates the call, not the trip asked for


def test_talks_that_came_after_another_event_are_not_dated_by_it(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Cho Hyun spoke by phone with Secretary of State Marco Rubio on Friday.\n\n"
        "During the call, the two agreed to review steps taken last year. The phone talks came a day after "
        "North Korea fired a missile on Thursday."
    )
    calls = [e for e in run(text, plugins) if e.type is EventType.CALL]
    assert len(calls) == 1
    assert calls[0].time.start == dt.date(2026, 1, 9)


def test_a_lower_case_title_held_by_one_person_of_the_story_refers_to_them(plugins: Plugins) -> None:
    text = (
        "U.S. Ambassador to Japan George Glass met Gov. Denny Tamaki in Naha on Monday.\n\n"
        "Tamaki also asked the ambassador to come back to the prefecture later this year."
    )
    invitation = only(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Denny Tamaki", "George Glass"}


def test_talks_with_an_institutions_officials_are_a_meeting(plugins: Plugins) -> None:
    text = (
        "Vice Finance Minister Atsushi Mimura traveled to Washington in mid-April and held talks with "
        "Treasury officials there."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Atsushi Mimura"}
    assert any(p.actor.kind is ActorKind.ORGANIZATION for p in meeting.participants)


def test_a_stop_in_a_city_is_a_visit_but_a_question_about_one_is_not(plugins: Plugins) -> None:
    visit = only(
        run("Secretary of State Marco Rubio will stop in Manila on Friday.", plugins), EventType.VISIT
    )
    assert visit.location is not None
    assert visit.location.name == "Manila"
    asked = (
        "Asked whether he might stop in Manila on his way home, Secretary of State Marco Rubio said maybe."
    )
    assert not [e for e in run(asked, plugins) if e.type is EventType.VISIT]


def test_returning_abroad_is_a_visit_and_returning_home_is_not(plugins: Plugins) -> None:
    text = (
        "President Donald Trump said he would return to Japan soon after Prime Minister Sanae Takaichi "
        "extended an invitation during their meeting in the Oval Office on Monday. Takaichi returned "
        "to Tokyo on Tuesday."
    )
    events = run(text, plugins)
    visits = [e for e in events if e.type is EventType.VISIT]
    assert [persons(e) for e in visits] == [{"Donald Trump"}]
    assert visits[0].status is Status.PLANNED
    invitation = only(events, EventType.INVITATION)
    assert invitation.status is Status.OCCURRED  # "would" is Trump's, not the invitation's
    assert invitation.time.start == dt.date(2026, 1, 12)  # made during the meeting


def test_meetings_in_two_countries_are_two_engagements(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi hosted President Donald Trump in Tokyo in October.\n\n"
        "On Monday the two leaders held talks at the White House."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert sorted(e.location.name for e in meetings if e.location) == ["Tokyo", "White House"]


def test_wrapping_up_a_swing_through_a_city_is_a_visit_there(plugins: Plugins) -> None:
    text = "Under Secretary of State Allison Hooker wrapped up a two-day swing through Manila on Monday."
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Allison Hooker"}
    assert visit.location is not None
    assert visit.location.name == "Manila"
    assert visit.status is Status.OCCURRED


def test_the_leader_of_a_delegation_travels_and_its_members_are_them(plugins: Plugins) -> None:
    text = (
        "Rep. Joe Wilson will lead a bipartisan delegation to Manila next week, his office said. "
        "The lawmakers are to meet President Ferdinand Marcos Jr. there."
    )
    events = run(text, plugins)
    visit = only(events, EventType.VISIT)
    assert persons(visit) == {"Joe Wilson"}
    assert visit.status is Status.PLANNED
    meeting = only(events, EventType.MEETING)
    assert "Joe Wilson" in persons(meeting)


def test_huddling_with_counterparts_is_a_meeting(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth plans to huddle with Defense Minister Shinjiro Koizumi "
        "in Singapore next week."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Pete Hegseth", "Shinjiro Koizumi"}
    assert meeting.status is Status.PLANNED


def test_a_request_made_at_the_meeting_takes_the_meeting_not_an_earlier_one(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi held talks with Foreign Minister Cho Hyun in Tokyo on Monday. "
        "The two last met in Gyeongju in late October.\n\n"
        "At the meeting, Cho asked Motegi to come to Seoul at a convenient time."
    )
    events = run(text, plugins)
    invitation = only(events, EventType.INVITATION)
    assert invitation.time.start == dt.date(2026, 1, 12)
    assert invitation.location is not None
    assert invitation.location.name == "Tokyo"
    visit = only(events, EventType.VISIT)
    assert persons(visit) == {"Toshimitsu Motegi"}
    assert visit.location is not None
    assert visit.location.name == "Seoul"
    meetings = [e for e in events if e.type is EventType.MEETING]
    assert len(meetings) == 2  # the talks and the earlier meeting in Gyeongju stay apart


def test_a_liveblog_surname_above_the_full_name_is_the_known_person(plugins: Plugins) -> None:
    text = (
        "16:20 JST\n"
        "Hegseth has left the Defense Ministry after talks with Koizumi.\n\n"
        "09:10 JST\n"
        "Hegseth's trip to Okinawa on Wednesday has been scrapped, the embassy says.\n\n"
        "08:00 JST\n"
        "Secretary of War Pete Hegseth landed in Tokyo late Monday. Today he holds talks with Defense "
        "Minister Shinjiro Koizumi under the Trump administration's new strategy."
    )
    events = run(text, plugins, published=dt.date(2026, 4, 14))
    trip = next(
        e for e in events if e.type is EventType.VISIT and e.location and e.location.name == "Okinawa"
    )
    assert persons(trip) == {"Pete Hegseth"}
    assert trip.status is Status.CANCELLED
    assert all("Donald Trump" not in persons(e) for e in events)  # "the Trump administration" is no one


def test_a_visit_by_the_end_of_a_month_runs_from_publication_to_then(plugins: Plugins) -> None:
    text = "Trade Minister Akazawa Ryosei is arranging to visit Washington by the end of March for talks."
    visit = only(run(text, plugins, published=dt.date(2026, 2, 24)), EventType.VISIT)
    assert (visit.time.start, visit.time.end) == (dt.date(2026, 2, 24), dt.date(2026, 3, 31))


def test_days_after_hosting_her_is_a_meeting_the_subject_held(plugins: Plugins) -> None:
    text = (
        "President Donald Trump said Monday that he spoke by phone with Prime Minister Sanae Takaichi "
        "over the weekend, days after hosting her at the White House."
    )
    events = run(text, plugins, published=dt.date(2026, 3, 23))
    meeting = only(events, EventType.MEETING)
    assert persons(meeting) == {"Donald Trump", "Sanae Takaichi"}
    assert meeting.status is Status.OCCURRED
    host = next(p for p in meeting.participants if p.actor.name == "Donald Trump")
    assert host.role is Role.HOST


def test_a_common_word_surname_named_before_is_the_person(plugins: Plugins) -> None:
    text = (
        "First Vice Foreign Minister Park Yoon-joo will visit Washington this week. Park will arrive on "
        "Thursday and hold talks with Deputy Secretary of State Christopher Landau."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Park Yoon-joo", "Christopher Landau"}


def test_legislators_are_known_by_their_party_tag(plugins: Plugins) -> None:
    text = (
        "Sens. Thomas Radley (R-Kan.) and Maria Esquivel (D-N.M.) will lead a delegation to Taipei next week."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Thomas Radley", "Maria Esquivel"}
    assert all(p.actor.country == "USA" for p in visit.participants)


def test_earlier_in_the_day_is_the_report_day_in_a_new_thread_and_the_told_day_otherwise(
    plugins: Plugins,
) -> None:
    new_thread = (
        "Foreign Minister Cho Hyun met Secretary of State Marco Rubio on Dec. 30.\n\n"
        "Later, the two ministers discussed tariffs.\n\nMeanwhile, Defense Minister Ahn Gyu-back held "
        "telephone talks with Defense Minister Shinjiro Koizumi earlier in the day."
    )
    call = only(run(new_thread, plugins), EventType.CALL)
    assert call.time.start == TUESDAY
    same_story = (
        "Foreign Minister Toshimitsu Motegi hosted Secretary of State Marco Rubio in Tokyo on Sunday.\n\n"
        "In a separate session earlier in the day, Motegi held talks with Foreign Minister Penny Wong."
    )
    meetings = [e for e in run(same_story, plugins) if e.type is EventType.MEETING]
    assert {e.time.start for e in meetings} == {dt.date(2026, 1, 11)}


def test_a_relative_clause_dates_its_own_arrival_not_the_meeting_after_it(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio urged Seoul on Monday to move faster on shipbuilding, as he opened "
        "an Asia trip.\n\nRubio, who arrived in Seoul late Sunday, sat down with Foreign Minister Cho Hyun "
        "at the Foreign Ministry. Rubio travels Tuesday to Tokyo."
    )
    events = run(text, plugins)
    meeting = only(events, EventType.MEETING)
    assert meeting.time.start == dt.date(2026, 1, 12)
    tokyo = next(e for e in events if e.type is EventType.VISIT and e.location and e.location.name == "Tokyo")
    assert tokyo.status is Status.PLANNED
    assert tokyo.time.start == TUESDAY


def test_a_trip_that_would_include_a_meeting_brings_the_visitor_to_it(plugins: Plugins) -> None:
    text = (
        "MANILA/WASHINGTON, Jan 13 (Reuters) - Secretary of War Pete Hegseth plans to visit the "
        "Philippines next month, officials said.\n\nThe trip, which has not been announced, would include "
        "a meeting with Defense Secretary Gilberto Teodoro Jr. in Manila."
    )
    events = run(text, plugins)
    meeting = only(events, EventType.MEETING)
    assert "Pete Hegseth" in persons(meeting)
    assert meeting.status is Status.PLANNED
    assert only(events, EventType.VISIT).location.name == "Philippines"


# --------------------------------------------------------------------------- times composed (issue 12)


def span(event: Event) -> tuple[dt.date | None, dt.date | None]:
    assert event.time is not None
    return event.time.start, event.time.end


def test_a_visit_planned_for_this_spring_in_a_december_article_is_next_spring(plugins: Plugins) -> None:
    text = "Prime Minister Sanae Takaichi will visit the United States this spring, officials in Tokyo said."
    visit = only(run(text, plugins, published=dt.date(2025, 12, 1)), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert span(visit) == (dt.date(2026, 3, 1), dt.date(2026, 5, 31))


def test_a_month_of_last_year_is_dated_in_last_year(plugins: Plugins) -> None:
    text = "Foreign Minister Toshimitsu Motegi visited Washington in September last year."
    visit = only(run(text, plugins, published=dt.date(2026, 10, 13)), EventType.VISIT)
    assert visit.status is Status.OCCURRED
    assert span(visit) == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def test_a_month_of_next_year_is_dated_in_next_year(plugins: Plugins) -> None:
    text = "Foreign Minister Toshimitsu Motegi will visit Washington in March next year."
    visit = only(run(text, plugins, published=dt.date(2026, 2, 10)), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert span(visit) == (dt.date(2027, 3, 1), dt.date(2027, 3, 31))


def test_a_day_before_a_dated_summit_is_counted_from_its_date(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio met Foreign Minister Toshimitsu Motegi in Tokyo "
        "a day before the March 3 summit."
    )
    meeting = only(run(text, plugins, published=dt.date(2026, 3, 10)), EventType.MEETING)
    assert span(meeting) == (dt.date(2026, 3, 2), dt.date(2026, 3, 2))


def test_the_day_before_the_meeting_counts_from_the_meeting_of_the_same_people(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth hosted Defense Minister Shinjiro Koizumi at the Pentagon on March 3. "
        "Koizumi is scheduled to meet Secretary of State Marco Rubio on Thursday. "
        "The day before the meeting, Hegseth spoke by phone with Defense Secretary Gilberto Teodoro."
    )
    call = only(run(text, plugins, published=dt.date(2026, 3, 4)), EventType.CALL)
    assert span(call) == (dt.date(2026, 3, 2), dt.date(2026, 3, 2))


def test_a_day_earlier_counts_back_from_the_engagement_told_before(plugins: Plugins) -> None:
    text = (
        "Prime Minister Narendra Modi met Prime Minister Anthony Albanese in Johannesburg on Friday. "
        "A day earlier, Foreign Minister Penny Wong held talks with External Affairs Minister "
        "Subrahmanyam Jaishankar in Delhi."
    )
    events = run(text, plugins, published=dt.date(2025, 11, 22))
    wong = next(e for e in events if "Penny Wong" in persons(e))
    assert span(wong) == (dt.date(2025, 11, 20), dt.date(2025, 11, 20))


def test_since_a_month_when_dates_the_engagement_the_when_clause_tells(plugins: Plugins) -> None:
    text = (
        "Ties have warmed since March, when Secretary of State Marco Rubio met "
        "Foreign Minister Toshimitsu Motegi in Tokyo."
    )
    meeting = only(run(text, plugins, published=dt.date(2026, 5, 10)), EventType.MEETING)
    assert meeting.status is Status.OCCURRED
    assert span(meeting) == (dt.date(2026, 3, 1), dt.date(2026, 3, 31))


def test_a_visit_in_progress_since_a_weekday_runs_to_the_publication_day(plugins: Plugins) -> None:
    text = "Secretary of State Marco Rubio has been visiting Manila since Thursday."
    visit = only(run(text, plugins, published=dt.date(2026, 5, 10)), EventType.VISIT)
    assert visit.status is Status.OCCURRED
    assert span(visit) == (dt.date(2026, 5, 7), dt.date(2026, 5, 10))


@pytest.mark.parametrize("published", [dt.date(2026, 1, 13), None])
def test_a_day_takes_the_year_its_sentence_opens_with(plugins: Plugins, published: dt.date | None) -> None:
    text = "In 2019, President Donald Trump met Prime Minister Shinzo Abe in Osaka on June 28."
    meeting = only(run(text, plugins, published=published), EventType.MEETING)
    assert span(meeting) == (dt.date(2019, 6, 28), dt.date(2019, 6, 28))


def test_without_a_publication_date_a_day_takes_the_year_of_its_paragraph(plugins: Plugins) -> None:
    text = (
        "Leaders of the Group of 20 gathered in Osaka in 2019 for a two-day summit on trade. "
        "President Donald Trump met Prime Minister Shinzo Abe on June 28."
    )
    meeting = only(run(text, plugins, published=None), EventType.MEETING)
    assert span(meeting) == (dt.date(2019, 6, 28), dt.date(2019, 6, 28))


def test_an_invitation_made_during_a_call_takes_the_calls_day_and_the_visit_does_not(
    plugins: Plugins,
) -> None:
    text = (
        "President Ferdinand Marcos Jr. invited Prime Minister Sanae Takaichi to visit Manila "
        "as the two leaders discussed maritime security during their phone call on Monday, March 9."
    )
    events = run(text, plugins, published=dt.date(2026, 3, 11))
    invitation = only(events, EventType.INVITATION)
    assert span(invitation) == (dt.date(2026, 3, 9), dt.date(2026, 3, 9))
    visit = only(events, EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time is None


def test_a_caption_in_the_present_with_yesterdays_weekday_tells_the_past(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Cho Hyun speaks over the phone with Foreign Minister Wang Yi "
        "on Tuesday. (Yonhap)\n\n"
        "Foreign Minister Cho Hyun spoke by phone with Foreign Minister Wang Yi on Tuesday, his office said."
    )
    call = only(run(text, plugins, published=dt.date(2026, 2, 11)), EventType.CALL)
    assert call.status is Status.OCCURRED
    assert span(call) == (dt.date(2026, 2, 10), dt.date(2026, 2, 10))


def test_a_time_in_a_since_clause_dates_that_clause_not_the_call(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi held phone talks with President Lee Jae-myung. "
        "It was their first phone conversation since Takaichi hosted Lee "
        "in her home prefecture of Nara in January."
    )
    call = only(run(text, plugins, published=dt.date(2026, 6, 13)), EventType.CALL)
    assert call.time is None


def test_a_month_in_the_possessive_after_following_dates_only_its_own_noun(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio met Foreign Minister Toshimitsu Motegi in Tokyo to build on "
        "the cooperation following April's trilateral summit."
    )
    meeting = next(
        e for e in run(text, plugins, published=dt.date(2026, 6, 10)) if "Marco Rubio" in persons(e)
    )
    assert meeting.time is None


def test_a_day_of_the_month_before_a_past_verb_dates_the_visit(plugins: Plugins) -> None:
    text = "President Lee Jae-myung on the 4th paid a state visit to Beijing at the invitation of Xi Jinping."
    visit = only(run(text, plugins, published=dt.date(2026, 1, 4)), EventType.VISIT)
    assert span(visit) == (dt.date(2026, 1, 4), dt.date(2026, 1, 4))


def test_a_visit_expected_in_the_coming_weeks_is_dated_ahead(plugins: Plugins) -> None:
    text = "Prime Minister Sanae Takaichi is expected to visit Seoul in the coming weeks."
    visit = only(run(text, plugins, published=dt.date(2026, 4, 30)), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert span(visit) == (dt.date(2026, 5, 1), dt.date(2026, 6, 11))


def test_the_day_before_alone_counts_from_the_day_told_before(plugins: Plugins) -> None:
    text = (
        "Defense Secretary Pete Hegseth met Defense Minister Shinjiro Koizumi in Singapore "
        "on Saturday, May 30. "
        "Koizumi, who had met Defense Minister Chan Chun Sing the day before, praised the talks."
    )
    events = run(text, plugins, published=dt.date(2026, 5, 31))
    chan = next(e for e in events if "Chan Chun Sing" in persons(e))
    assert span(chan) == (dt.date(2026, 5, 29), dt.date(2026, 5, 29))


def test_being_the_first_minister_to_visit_tells_of_the_visit_under_way(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Arata landed in Hanoi on Sunday for a two-day trip.\n"
        "Arata is the 1st Japanese foreign minister to visit Vietnam in six years.\n"
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert [e.status for e in visits] == [Status.OCCURRED]


def test_hosting_someone_for_a_state_visit_is_the_visit_alone(plugins: Plugins) -> None:
    text = (
        "President Piotr Kowal said he would host Prime Minister Ana Lima for a state visit in Warsaw "
        "later this year."
    )
    events = run(text, plugins)
    assert [e.type for e in events] == [EventType.VISIT]
    assert persons(events[0]) == {"Ana Lima"}
    assert events[0].status is Status.PLANNED
    talks = run(
        "President Piotr Kowal hosted Prime Minister Ana Lima for talks in Warsaw on Monday.", plugins
    )
    assert [e.type for e in talks] == [EventType.MEETING]


def test_a_verbless_sentence_going_on_from_a_meeting_names_another_meeting(plugins: Plugins) -> None:
    text = (
        "Prime Minister Ravi Mehta also met Prime Minister Anna Berg on Monday. "
        "Mehta also with Dutch Prime Minister Pieter Visser."
    )
    meetings = [e for e in run(text, plugins) if e.type is EventType.MEETING]
    assert {frozenset(persons(e)) for e in meetings} == {
        frozenset({"Ravi Mehta", "Anna Berg"}),
        frozenset({"Ravi Mehta", "Pieter Visser"}),
    }
    assert all(e.status is Status.OCCURRED for e in meetings)


def test_welcoming_what_two_leaders_do_is_no_meeting_with_them(plugins: Plugins) -> None:
    text = (
        "President Piotr Kowal will leave the summit early, said Prime Minister Anna Berg, "
        "who had just welcomed the pair’s face-to-face."
    )
    assert [e for e in run(text, plugins) if e.status is Status.OCCURRED] == []


def test_calling_on_a_leader_to_act_is_an_appeal_not_a_courtesy_call(plugins: Plugins) -> None:
    appeal = "President Piotr Kowal called on Prime Minister Anna Berg to release the detained sailors."
    assert run(appeal, plugins) == []
    renewed = "President Piotr Kowal renewed his calls on Prime Minister Anna Berg for them to be withdrawn."
    assert run(renewed, plugins) == []
    visit = "President Piotr Kowal will call on Prime Minister Anna Berg to discuss trade on Monday."
    assert [e.type for e in run(visit, plugins)] == [EventType.MEETING]


def test_an_engagement_with_no_as_its_determiner_is_none(plugins: Plugins) -> None:
    assert (
        run(
            "No talks between Foreign Minister Rosa Vidal and Foreign Minister Anna Berg are planned.",
            plugins,
        )
        == []
    )
    held = run(
        "There is no doubt the meeting between President Piotr Kowal and Prime Minister Anna Berg on Monday "
        "went well.",
        plugins,
    )
    assert [e.type for e in held] == [EventType.MEETING]


def test_a_trip_hoped_for_as_an_ordinary_traveller_is_no_official_visit(plugins: Plugins) -> None:
    text = (
        "President Piotr Kowal said he hoped to visit Japan one day "
        '"as an ordinary traveler to see the temples."'
    )
    assert run(text, plugins) == []


def test_holding_a_summit_meeting_is_one_meeting_on_its_own_day(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Arata is planning a trip abroad. Under the current plan, Arata will depart "
        "Tokyo on April 29, hold a summit meeting with Australian Prime Minister Ruth Hale in Canberra on "
        "April 30 and leave for Manila on May 1."
    )
    meetings = [e for e in run(text, plugins, published=dt.date(2026, 4, 10)) if e.type is EventType.MEETING]
    assert len(meetings) == 1
    assert meetings[0].time is not None
    assert meetings[0].time.start == dt.date(2026, 4, 30)


def test_seeing_the_defences_before_a_new_clause_is_no_meeting_and_the_invited_trip_keeps_its_day(
    plugins: Plugins,
) -> None:
    text = (
        "Defense Minister Gen Nakatani invited Defense Secretary Pete Hegseth to Yokosuka Naval Base on "
        "May 17 to see JSDF defensive capabilities and they toured facilities with General Ken Ota."
    )
    events = run(text, plugins, published=dt.date(2025, 5, 20))
    assert [e for e in events if e.type is EventType.MEETING] == []
    (visit,) = [e for e in events if e.type is EventType.VISIT]
    assert visit.time is not None
    assert visit.time.start == dt.date(2025, 5, 17)
