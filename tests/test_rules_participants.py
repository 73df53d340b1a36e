"""Who takes part in an engagement, and how many engagements a sentence reports (``rules`` extractor).

Every text here is written for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.model import Event, EventType
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins
from helpers import of_type, only, persons

TUESDAY = dt.date(2026, 1, 13)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = TUESDAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def test_a_spokesperson_who_announces_a_meeting_does_not_take_part_in_it(plugins: Plugins) -> None:
    text = (
        "During the visit from Monday to Wednesday, Chinese Foreign Minister Wang Yi will co-chair the "
        "annual strategic dialogue with Japanese Foreign Minister Takeshi Iwaya, Foreign Ministry "
        "spokeswoman Mao Ning announced on Friday."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Wang Yi", "Takeshi Iwaya"}


def test_an_official_who_tells_reporters_of_talks_does_not_take_part_in_them(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi will hold talks with Secretary of State Marco Rubio in Tokyo "
        "next week, chief cabinet secretary Yoshimasa Hayashi told reporters."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Toshimitsu Motegi", "Marco Rubio"}


def test_a_two_plus_two_held_by_video_conference_is_a_call(plugins: Plugins) -> None:
    text = (
        "On Monday, Foreign Minister Toshimitsu Motegi and Defense Minister Gen Nakatani held the annual "
        "two-plus-two meeting with Secretary of State Marco Rubio and Defense Secretary Pete Hegseth "
        "via video conference."
    )
    events = run(text, plugins)
    assert not of_type(events, EventType.MEETING)
    call = only(events, EventType.CALL)
    assert persons(call) == {"Toshimitsu Motegi", "Gen Nakatani", "Marco Rubio", "Pete Hegseth"}
    assert call.location is None


def test_officials_met_including_a_list_of_people_are_met_one_by_one(plugins: Plugins) -> None:
    text = (
        "Gen. Lena Ortiz, commander of U.S. Indo-Pacific Command, met with senior Japanese officials in "
        "Tokyo on Monday, including Defense Minister Gen Nakatani, Joint Staff chief Gen. Ivo Maruta and "
        "Deputy National Security Adviser Kenji Sato."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Gen Nakatani", "Lena Ortiz"],
        ["Ivo Maruta", "Lena Ortiz"],
        ["Kenji Sato", "Lena Ortiz"],
    ]


def test_talks_with_a_list_plus_a_trilateral_are_one_meeting_with_each_and_the_trilateral(
    plugins: Plugins,
) -> None:
    text = (
        "Despite the summit's early end, Prime Minister Anthony Albanese will still hold talks with "
        "British Prime Minister Keir Starmer and German Chancellor Friedrich Merz, plus a trilateral with "
        "European Commission President Ursula von der Leyen and European Council President António Costa."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Anthony Albanese", "António Costa", "Ursula von der Leyen"],
        ["Anthony Albanese", "Friedrich Merz"],
        ["Anthony Albanese", "Keir Starmer"],
    ]
    assert {m.status.value for m in meetings} == {"planned"}


def test_talks_with_two_leaders_of_different_countries_are_a_meeting_with_each(plugins: Plugins) -> None:
    text = (
        "Prime Minister Narendra Modi is expected to hold talks with British Prime Minister Keir Starmer "
        "and French President Emmanuel Macron, in addition to holding a meeting with Indonesian President "
        "Prabowo Subianto on Wednesday."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Emmanuel Macron", "Narendra Modi"],
        ["Keir Starmer", "Narendra Modi"],
        ["Narendra Modi", "Prabowo Subianto"],
    ]


def test_a_meeting_and_separate_meetings_after_it_are_one_with_each_person_all_planned(
    plugins: Plugins,
) -> None:
    text = (
        "Premier Li Qiang is scheduled to hold a bilateral meeting with President Lee Jae-myung on Saturday, "
        "and separate meetings with National Assembly Speaker Woo Won-shik and Prime Minister Kim Min-seok."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Kim Min-seok", "Li Qiang"],
        ["Lee Jae-myung", "Li Qiang"],
        ["Li Qiang", "Woo Won-shik"],
    ]
    assert {m.status.value for m in meetings} == {"planned"}


def test_meeting_bilaterally_with_someone_is_a_meeting(plugins: Plugins) -> None:
    text = "Premier Li Qiang will also meet bilaterally with Prime Minister Shigeru Ishiba in Seoul."
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Li Qiang", "Shigeru Ishiba"}


def test_speaking_by_phone_with_two_leaders_respectively_is_a_call_with_each_that_took_place(
    plugins: Plugins,
) -> None:
    text = (
        "Prime Minister Anthony Albanese spoke by phone on Monday with Philippine President Ferdinand "
        "Marcos Jr. and Malaysian Prime Minister Anwar Ibrahim respectively about the cancellation of his "
        "planned visits to the two countries."
    )
    calls = of_type(run(text, plugins), EventType.CALL)
    assert sorted(sorted(persons(c)) for c in calls) == [
        ["Anthony Albanese", "Anwar Ibrahim"],
        ["Anthony Albanese", "Ferdinand Marcos Jr."],
    ]
    assert {c.status.value for c in calls} == {"occurred"}


def test_people_a_visitor_was_accompanied_by_are_visitors_of_the_trip_told_before(plugins: Plugins) -> None:
    text = (
        "Adm. Samuel Paparo, commander of U.S. Indo-Pacific Command, visited Japan from May 27-29. "
        "He discussed regional security with Japanese officials. "
        "Paparo was accompanied by U.S. Ambassador to Japan George Glass and Brig. Gen. Neil Harlow."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Samuel Paparo", "George Glass", "Neil Harlow"}


def test_a_visitor_accompanied_by_a_minister_on_landing_makes_one_trip_with_them(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi, accompanied by Foreign Minister Toshimitsu Motegi, landed at "
        "Joint Base Andrews on Tuesday night for a visit to Washington that runs through Friday."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Sanae Takaichi", "Toshimitsu Motegi"}


def test_an_ambassador_accompanying_a_minister_to_a_courtesy_call_does_not_join_the_trip(
    plugins: Plugins,
) -> None:
    text = (
        "Defence Minister Richard Marles, accompanied by Ambassador Margaret Tully, paid a courtesy call on "
        "President Ferdinand Marcos Jr. on Wednesday, a day after arriving in Manila for a three-day visit."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    assert all("Margaret Tully" not in persons(v) for v in visits)


def test_two_ministers_who_were_both_visiting_a_country_each_make_the_visit(plugins: Plugins) -> None:
    text = (
        "On Tuesday Foreign Minister Takeshi Iwaya and Defense Minister Gen Nakatani, who were both "
        "visiting Australia, held talks with Foreign Minister Penny Wong and Defence Minister Richard Marles."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Takeshi Iwaya", "Gen Nakatani"}


def test_their_trip_after_a_meeting_abroad_is_not_made_by_the_host_met(plugins: Plugins) -> None:
    text = (
        "National security adviser Wi Sung-lac will visit Japan for a meeting with Prime Minister Shigeru "
        "Ishiba on Monday. Wi visited Pyongyang in March. During their one-day trip to the North, the "
        "envoys met with officials."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    assert visits
    assert all("Shigeru Ishiba" not in persons(v) for v in visits)


def test_a_headline_that_asks_whether_leaders_will_meet_is_no_plan(plugins: Plugins) -> None:
    text = (
        "Lee Jae-myung and Sanae Takaichi to meet in Tokyo next month?\n\n"
        "Officials in Seoul said on Tuesday that no date had been discussed for any summit, and analysts "
        "said ties between the two neighbours remained strained after months of disputes.\n"
    )
    assert run(text, plugins) == []


def test_everyone_listed_after_the_inviter_is_invited(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Arata invited President Mara Velsen and Chancellor Otto Brandt "
        "to a trilateral summit in Osaka."
    )
    [invitation] = [e for e in run(text, plugins) if e.type is EventType.INVITATION]
    names = {p.actor.name for p in invitation.participants}
    assert names == {"Kenji Arata", "Mara Velsen", "Otto Brandt"}


def test_a_wife_named_with_the_visitor_takes_part_in_the_visit(plugins: Plugins) -> None:
    text = "Governor Sam Ortega and his wife Lena Ortega arrived in Manila on Monday for a three-day visit."
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Sam Ortega", "Lena Ortega"}


def test_a_husband_who_accompanies_the_visitor_takes_part_in_the_visit(plugins: Plugins) -> None:
    text = "Governor Ana Velez arrived in Hanoi on Sunday, accompanied by her husband, Tomas Velez."
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Ana Velez", "Tomas Velez"}


def test_a_first_lady_named_without_a_title_takes_part_in_the_visit(plugins: Plugins) -> None:
    text = "Governor Ben Alder and first lady Mara Alder landed in Seoul on Friday."
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Ben Alder", "Mara Alder"}


def test_a_country_named_with_the_article_is_no_nationality_standing_for_a_person(
    plugins: Plugins,
) -> None:
    text = (
        "U.S. Secretary of State Hal Brody arrived in Manila on Monday. "
        "The United States is not the first country to invite Philippine President Rosa Dalisay "
        "to visit, Egypt having extended her an invitation last week."
    )
    for event in run(text, plugins):
        if event.type is EventType.INVITATION:
            assert "Hal Brody" not in persons(event)


def test_whoever_is_extended_an_invitation_is_its_invitee(plugins: Plugins) -> None:
    text = (
        "Philippine President Rosa Dalisay returned to Manila on Friday. "
        "Norway's envoy also extended Dalisay an invitation to attend a conference in Oslo."
    )
    invitation = only(run(text, plugins), EventType.INVITATION)
    assert persons(invitation) == {"Rosa Dalisay"}


def test_an_invitation_from_a_government_is_not_one_made_by_a_named_leader(plugins: Plugins) -> None:
    text = (
        "U.S. President Hal Brody has invited Philippine President Rosa Dalisay to Washington. "
        "Norway's envoy also extended Dalisay an invitation to attend a conference in Oslo."
    )
    invitations = of_type(run(text, plugins), EventType.INVITATION)
    assert sorted(sorted(persons(invitation)) for invitation in invitations) == [
        ["Hal Brody", "Rosa Dalisay"],
        ["Rosa Dalisay"],
    ]


def test_a_general_named_with_a_numeral_after_his_name_accompanies_the_visit(plugins: Plugins) -> None:
    text = (
        "Adm. Dale Whitcomb, commander of U.S. Pacific Fleet, visited Japan from Jan. 5-7. "
        "Whitcomb was accompanied by Brig. Gen. Owen Pryce IV, deputy commander of U.S. Forces Japan."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Dale Whitcomb", "Owen Pryce"}


def test_the_prime_minister_in_lower_case_is_the_one_the_story_names(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Morota will visit Australia next month, government sources said. "
        "Economic Security Minister Aiko Tanabe is expected to accompany the prime minister."
    )
    companion = next(e for e in run(text, plugins) if "Aiko Tanabe" in persons(e))
    assert companion.location is not None
    assert companion.location.name == "Australia"


def test_both_people_of_a_coordinated_subject_are_scheduled_to_travel(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Morota and Defense Minister Aiko Tanabe had been scheduled to travel to "
        "Washington to meet with Secretary of State Hal Brody in mid-April."
    )
    visit = only(run(text, plugins), EventType.VISIT)
    assert persons(visit) == {"Kenji Morota", "Aiko Tanabe"}


def test_an_ambassador_accompanying_a_minister_on_a_courtesy_call_is_one_call(plugins: Plugins) -> None:
    text = (
        "Defence Minister Ivo Varga of Australia, accompanied by Ambassador Lena Holt, paid a courtesy call "
        "on President Rosa Dalisay in Manila on Wednesday."
    )
    call = only(run(text, plugins), EventType.MEETING)
    assert persons(call) == {"Ivo Varga", "Lena Holt", "Rosa Dalisay"}


def test_two_leaders_who_are_visiting_a_city_each_make_a_visit(plugins: Plugins) -> None:
    text = (
        "Chinese President Wen Shulan met South Korean President Bae Tae-ho on Friday. "
        "The two leaders, who are visiting Lima for the regional summit, sat down for an hour."
    )
    visits = of_type(run(text, plugins), EventType.VISIT)
    assert sorted(sorted(persons(v)) for v in visits) == [["Bae Tae-ho"], ["Wen Shulan"]]
    assert all(v.location is not None and v.location.name == "Lima" for v in visits)


def test_the_senators_are_the_delegation_its_leaders_and_members_make(plugins: Plugins) -> None:
    text = (
        "Senator Dana Whitfield and Senator Omar Castell will lead a congressional delegation to Asia "
        "next week. "
        "The group, which also includes Senator Ines Bardot, is set to land in Manila on Monday. "
        "The senators will then fly to Tokyo on Wednesday."
    )
    tokyo = next(
        e for e in of_type(run(text, plugins), EventType.VISIT) if e.location and e.location.name == "Tokyo"
    )
    assert persons(tokyo) == {"Dana Whitfield", "Omar Castell", "Ines Bardot"}


def test_the_group_after_an_opening_phrase_is_the_delegation_that_meets(plugins: Plugins) -> None:
    text = (
        "Rep. Dana Whitfield will lead a bipartisan delegation to Tokyo and Taipei next week. "
        "In Taipei, the group expects to meet President Lai Wen-hsiung."
    )
    meeting = only(run(text, plugins), EventType.MEETING)
    assert persons(meeting) == {"Dana Whitfield", "Lai Wen-hsiung"}


def test_whom_a_visitor_held_talks_with_pays_no_courtesy_call_of_their_own(plugins: Plugins) -> None:
    text = (
        "Adm. Dale Whitcomb held talks with Adm. Kenji Morota, chief of staff of the navy, and paid a "
        "courtesy call on Defense Minister Aiko Tanabe in Tokyo on Tuesday."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Aiko Tanabe", "Dale Whitcomb"],
        ["Dale Whitcomb", "Kenji Morota"],
    ]


def test_a_conversation_told_after_a_call_is_that_call_not_a_meeting_with_whom_a_later_call_names(
    plugins: Plugins,
) -> None:
    text = (
        "Prime Minister Aiko Tanabe spoke by phone with President Hal Brody on Tuesday. "
        "Tanabe said her conversation with Brody had been at the request of the president, who briefed "
        "her on his phone conversation with Chinese President Wen Shulan on Monday."
    )
    events = run(text, plugins)
    assert of_type(events, EventType.MEETING) == []
    assert any(persons(c) == {"Aiko Tanabe", "Hal Brody"} for c in of_type(events, EventType.CALL))


def test_a_delegation_holds_separate_meetings_with_each_minister_all_of_them_each_time(
    plugins: Plugins,
) -> None:
    text = (
        "Senator Dana Whitfield and Senator Omar Castell will lead a congressional delegation to Asia "
        "next week. The senators will fly to Tokyo on Wednesday for separate meetings with Foreign "
        "Minister Kenji Morota and Defense Minister Aiko Tanabe."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Aiko Tanabe", "Dana Whitfield", "Omar Castell"],
        ["Dana Whitfield", "Kenji Morota", "Omar Castell"],
    ]


def test_a_speaker_saying_we_will_sit_down_with_him_drafts_no_meeting(plugins: Plugins) -> None:
    from alliancekit.model import Document
    from alliancekit.rules.document import Reading
    from alliancekit.rules.extractor import read_article

    text = (
        "Senator Dana Whitfield spoke by phone with President Lai Wen-hsiung on Monday. "
        "Whitfield told reporters: “Beijing reacts to everything. When we sit down with him, I want to "
        "hear where the bottlenecks are.”"
    )
    reading = Reading(Document("d", text, TUESDAY), plugins.knowledge_base)
    read_article(reading)
    quoted = text.index("When we")
    assert [d for d in reading.drafts if d.trigger.start > quoted] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The first Japan-U.S. 2+2 Dialogue will be held in Tokyo on July 28, officials said.",
        "The two-plus-two talks between Japan and the United States will be held in Tokyo on July 28.",
    ],
)
def test_a_two_plus_two_of_two_governments_is_their_foreign_and_defence_ministers(
    sentence: str, plugins: Plugins
) -> None:
    meeting = only(run(sentence, plugins, published=dt.date(2024, 7, 20)), EventType.MEETING)
    assert persons(meeting) == {"Yoko Kamikawa", "Minoru Kihara", "Antony Blinken", "Lloyd Austin"}


def test_a_two_plus_two_takes_the_ministers_the_story_named(plugins: Plugins) -> None:
    text = (
        "Japanese Foreign Minister Kenji Tanabe and Japanese Defense Minister Aiko Mori will travel to "
        "Washington next week. The Japan-U.S. 2+2 Dialogue will be held there on July 28."
    )
    meeting = only(run(text, plugins, published=dt.date(2024, 7, 20)), EventType.MEETING)
    assert persons(meeting) == {"Kenji Tanabe", "Aiko Mori", "Antony Blinken", "Lloyd Austin"}


def test_a_two_plus_two_with_counterparts_named_as_such_keeps_them(plugins: Plugins) -> None:
    text = (
        "Secretary of State Antony Blinken and Defense Secretary Lloyd Austin fly to Manila on Monday "
        "to hold a 2+2 meeting with their Philippine counterparts."
    )
    meetings = of_type(run(text, plugins, published=dt.date(2024, 7, 29)), EventType.MEETING)
    assert meetings
    assert all("Enrique Manalo" not in persons(meeting) for meeting in meetings)


def test_a_verbless_sentence_goes_on_with_the_meeting_before_it(plugins: Plugins) -> None:
    text = (
        "Prime Minister Daniel Okafor met President Elena Varga on the sidelines of the summit.\n"
        "Okafor also with Finnish President Kari Lehto."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert sorted(sorted(persons(m)) for m in meetings) == [
        ["Daniel Okafor", "Elena Varga"],
        ["Daniel Okafor", "Kari Lehto"],
    ]


def test_a_verbless_sentence_of_someone_outside_the_meeting_before_is_no_meeting(plugins: Plugins) -> None:
    text = (
        "Prime Minister Daniel Okafor met President Elena Varga on the sidelines of the summit.\n"
        "Foreign Minister Aiko Sato also with Finnish President Kari Lehto."
    )
    meetings = of_type(run(text, plugins), EventType.MEETING)
    assert [sorted(persons(m)) for m in meetings] == [["Daniel Okafor", "Elena Varga"]]


def test_a_host_meets_someone_described_as_anothers_predecessor(plugins: Plugins) -> None:
    text = "President Elena Varga hosted Kishida's successor, Shigeru Ishiba, in Budapest last April."
    meeting = only(run(text, plugins, published=dt.date(2025, 6, 2)), EventType.MEETING)
    assert persons(meeting) == {"Elena Varga", "Shigeru Ishiba"}
