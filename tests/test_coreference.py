"""People named by office or as someone's counterpart, resolved across the article.

Every text here is written for these tests; the knowledge base supplies who
held an office on the publication day when the article does not name them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alliancekit.actors import load_builtin_offices
from alliancekit.model import ActorKind, Event, EventType
from alliancekit.pipeline import extract
from alliancekit.plugins import Plugins

SPRING_DAY = dt.date(2026, 3, 10)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def run(text: str, plugins: Plugins, published: dt.date | None = SPRING_DAY) -> list[Event]:
    return extract(text, published=published, plugins=plugins)


def persons(event: Event) -> set[str]:
    return {p.actor.name for p in event.participants if p.actor.kind is ActorKind.PERSON}


def meetings(events: list[Event]) -> list[Event]:
    return [e for e in events if e.type is EventType.MEETING]


def test_a_counterpart_in_the_country_visited_holds_the_same_office_there(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio arrived in Tokyo on Monday for a two-day stay. "
        "He will meet his counterpart on Tuesday to discuss tariffs, a visit Motegi welcomed."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Marco Rubio", "Toshimitsu Motegi"}


def test_a_counterpart_the_story_never_names_stays_a_description(plugins: Plugins) -> None:
    text = (
        "Secretary of State Marco Rubio arrived in Tokyo on Monday for a two-day stay. "
        "While in Japan, he will meet his Japanese counterpart to discuss tariffs."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Marco Rubio"}
    assert any(p.actor.country == "JPN" for p in meeting.participants)


def test_a_counterpart_with_a_demonym_takes_that_country(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Toshimitsu Motegi held talks with his U.S. counterpart in Osaka on Sunday. "
        "Rubio arrived on Saturday."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Toshimitsu Motegi", "Marco Rubio"}


def test_a_counterpart_named_elsewhere_in_the_story_is_that_person(plugins: Plugins) -> None:
    text = (
        "Defense Minister Ravi Mehra of India will fly to Canberra next week. "
        "Mehra is due to meet his Australian counterpart on Thursday.\n\n"
        "Australian Defence Minister Helen Okafor said the visit would deepen ties."
    )
    (meeting,) = meetings(run(text, plugins))
    assert "Helen Okafor" in persons(meeting)


def test_a_leaders_counterpart_is_the_other_countrys_leader_whatever_the_title(plugins: Plugins) -> None:
    text = (
        "President Lee Jae-myung told reporters he would meet his Japanese counterpart in Nara next month. "
        "Takaichi has not confirmed the date."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Lee Jae-myung", "Sanae Takaichi"}


def test_an_office_named_by_country_resolves_to_its_holder_on_the_day(plugins: Plugins) -> None:
    text = "Secretary of State Marco Rubio met Japan's top diplomat on Monday in Washington."
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Marco Rubio", "Toshimitsu Motegi"}


def test_a_countrys_leader_is_its_president_or_prime_minister_as_the_data_says(plugins: Plugins) -> None:
    text = "President Donald Trump will meet the South Korean leader in Gyeongju on Wednesday."
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Donald Trump", "Lee Jae-myung"}


def test_a_counterpart_of_an_unknown_office_stays_a_description(plugins: Plugins) -> None:
    text = "Governor Joan Ortiz of Guam met her Japanese counterpart in Hagatna on Friday."
    events = run(text, plugins)
    assert all("Toshimitsu Motegi" not in persons(e) for e in events)


def test_every_office_title_belongs_to_one_office_and_every_description_to_one() -> None:
    table = load_builtin_offices()
    for office in table.offices:
        for description in office.descriptions:
            assert table.describe(description) is not None
        for title in office.titles:
            assert table.office_of(title) is not None


def test_a_bare_surname_with_a_title_is_the_namesake_who_held_that_office(plugins: Plugins) -> None:
    text = "President Moon said on Tuesday he would meet Prime Minister Yoshihide Suga in Tokyo next month."
    (meeting,) = meetings(run(text, plugins, published=dt.date(2021, 6, 1)))
    assert persons(meeting) == {"Moon Jae-in", "Yoshihide Suga"}


def test_a_known_name_ending_in_a_word_like_in_is_still_a_name(plugins: Plugins) -> None:
    text = "President Moon Jae In met President Donald Trump in Washington on Tuesday."
    (meeting,) = meetings(run(text, plugins, published=dt.date(2019, 4, 12)))
    kb_ids = {p.actor.kb_id for p in meeting.participants}
    assert "kor/moon-jae-in" in kb_ids


def test_a_short_form_of_a_given_name_is_the_same_person(plugins: Plugins) -> None:
    text = "Defense Secretary Peter Hegseth met Defense Minister Shinjiro Koizumi in Tokyo on Tuesday."
    (meeting,) = meetings(run(text, plugins, published=dt.date(2025, 10, 30)))
    assert {p.actor.kb_id for p in meeting.participants} >= {"usa/hegseth-pete"}


def test_he_and_she_stand_only_for_people_of_that_gender(plugins: Plugins) -> None:
    text = (
        "Prime Minister Sanae Takaichi held a call with President Donald Trump on Monday, "
        "hours after he spoke with President Xi Jinping."
    )
    calls = [e for e in run(text, plugins, published=dt.date(2025, 11, 25)) if e.type is EventType.CALL]
    assert sorted(sorted(persons(e)) for e in calls) == [
        ["Donald Trump", "Sanae Takaichi"],
        ["Donald Trump", "Xi Jinping"],
    ]


def test_an_office_opening_a_sentence_without_an_article_is_its_holder(plugins: Plugins) -> None:
    text = "U.S. Secretary of Defense arrived in China on Monday for his first visit in the post."
    (visit,) = [e for e in run(text, plugins, published=dt.date(2014, 4, 8)) if e.type is EventType.VISIT]
    assert persons(visit) == {"Chuck Hagel"}


def test_a_titled_surname_that_reads_as_a_month_is_the_office_holder(plugins: Plugins) -> None:
    text = "Officials said Prime Minister May's visit to Japan in August had been a success."
    (visit,) = [e for e in run(text, plugins, published=dt.date(2017, 10, 19)) if e.type is EventType.VISIT]
    assert persons(visit) == {"Theresa May"}
    assert visit.location is not None
    assert visit.location.name == "Japan"


def test_the_three_stands_for_the_three_people_just_named(plugins: Plugins) -> None:
    text = (
        "South Korean envoy Park Min-ho is scheduled to meet separately with Special Representative "
        "David Lane and Director-General Kenji Ota in Seoul on Monday. "
        "The three will also meet trilaterally on the same day."
    )
    assert {"Park Min-ho", "David Lane", "Kenji Ota"} in [persons(m) for m in meetings(run(text, plugins))]


def test_the_pentagon_chief_is_the_us_defense_secretary_the_story_names(plugins: Plugins) -> None:
    text = (
        "U.S. Defense Secretary Dana Whitfield landed in Manila on Monday. "
        "The Pentagon chief will hold talks with Defense Secretary Gilberto Teodoro on Tuesday."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Dana Whitfield", "Gilberto Teodoro"}


def test_the_pentagon_chief_unnamed_is_whoever_held_the_office_on_the_day(plugins: Plugins) -> None:
    text = "The Pentagon chief will hold talks with Defense Minister Gen Nakatani in Tokyo on Friday."
    (meeting,) = meetings(run(text, plugins, published=dt.date(2025, 3, 24)))
    assert persons(meeting) == {"Pete Hegseth", "Gen Nakatani"}


def test_the_names_after_the_two_leaders_say_who_they_are(plugins: Plugins) -> None:
    text = (
        "President Mara Velsen spoke with Prime Minister Otto Brandt on Monday.\n\n"
        "The two leaders, Velsen and Prime Minister Kenji Arata, had a session in Glasgow last year."
    )
    assert [persons(m) for m in meetings(run(text, plugins)) if "Kenji Arata" in persons(m)] == [
        {"Mara Velsen", "Kenji Arata"}
    ]


def test_a_pronoun_after_a_possessor_is_the_possessor_and_keeps_its_own_tense(plugins: Plugins) -> None:
    text = (
        "South Korean national security adviser Kim Dae-ho will visit Beijing on Friday to meet "
        "Chinese foreign minister Wang Yi, officials said.\n\n"
        "Kim's scheduled trip to Beijing comes after he held telephone talks with his U.S. "
        "counterpart John Bolton on Monday."
    )
    calls = [e for e in run(text, plugins) if e.type is EventType.CALL]
    assert len(calls) == 1
    assert persons(calls[0]) == {"Kim Dae-ho", "John Bolton"}
    assert calls[0].status.value == "occurred"


def test_counterparts_of_several_countries_are_the_people_named_for_them(plugins: Plugins) -> None:
    text = (
        "South Korea's chief nuclear negotiator Lee Han-sol will hold trilateral talks with his U.S. and "
        "Japanese counterparts in Seoul next week, the ministry said on Tuesday.\n\n"
        "Lee will first meet U.S. Special Envoy Ray Dalton and Japanese Special Envoy Kenta Mori on Monday. "
        "The three envoys will also meet as a group that same day."
    )
    events = meetings(run(text, plugins))
    trilateral = [e for e in events if len(e.participants) == 3]
    assert len(trilateral) == 1
    assert persons(trilateral[0]) == {"Lee Han-sol", "Ray Dalton", "Kenta Mori"}
    assert not any(p.actor.kind is not ActorKind.PERSON for e in events for p in e.participants)


def test_his_after_an_apposition_stands_for_its_head_not_the_possessor_inside_it(plugins: Plugins) -> None:
    text = (
        "Ivo Varga, President Tomas Bae's chief of staff, will travel to Tokyo this week to explain "
        "the outcome of his trip to Wellington on Wednesday."
    )
    trips = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    wellington = next(e for e in trips if e.location is not None and e.location.name == "Wellington")
    assert persons(wellington) == {"Ivo Varga"}


def test_a_bare_surname_in_an_undated_story_is_the_one_leader_who_bore_it() -> None:
    from alliancekit.actors import ActorRecord, KnowledgeBase, Position
    from alliancekit.rules.mentions import PersonFinder

    kb = KnowledgeBase()
    kb.add_actors(
        [
            ActorRecord(
                "kor/bae-a", "Bae Tae-ho", "KOR", family_name="Bae",
                positions=(Position("President", dt.date(2017, 5, 10), dt.date(2022, 5, 10)),),
            ),
            ActorRecord(
                "kor/bae-b", "Bae Min-su", "KOR", family_name="Bae",
                positions=(Position("Minister of Trade, Industry and Energy", dt.date(2021, 5, 1), None),),
            ),
        ]
    )  # fmt: skip
    text = "Bae sends envoys to Tokyo. Bae is set to travel to Pyongyang next month."
    finder = PersonFinder(kb, None, document_text=text)
    assert [p.name for p in finder.find("Bae sends envoys to Tokyo.", 0)] == ["Bae Tae-ho"]
    lower_case = "Bae sends envoys to Tokyo. A bae of the story."
    finder = PersonFinder(kb, None, document_text=lower_case)
    assert finder.find("Bae sends envoys to Tokyo.", 0) == []


def test_a_member_the_delegation_included_is_one_of_its_visitors(plugins: Plugins) -> None:
    text = (
        "South Korean National Security Adviser Ivo Varga visited Pyongyang on Wednesday as part of a "
        "five-member delegation that also included Vice Unification Minister Paek Dong-su."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert any(persons(v) == {"Ivo Varga", "Paek Dong-su"} for v in visits)


def test_the_officials_of_a_country_are_the_delegation_the_story_sent(plugins: Plugins) -> None:
    text = (
        "South Korean National Security Adviser Ivo Varga and South Korean Vice Foreign Minister Tomas Bae "
        "visited Pyongyang on Wednesday. During the trip, the South Korean officials met with North Korean "
        "Foreign Minister Ri Chol-su."
    )
    (meeting,) = meetings(run(text, plugins))
    assert persons(meeting) == {"Ivo Varga", "Tomas Bae", "Ri Chol-su"}


def test_the_leaders_of_named_countries_are_only_people_of_those_countries(plugins: Plugins) -> None:
    text = (
        "South Korean National Security Adviser Ivo Varga will meet Japanese Prime Minister Kenji Morota "
        "on Monday. Varga met North Korean President Ri Chol-su in March for talks that later led to the "
        "summit between the leaders of the two Koreas."
    )
    for event in meetings(run(text, plugins)):
        assert {"Ri Chol-su", "Kenji Morota"} - persons(event)


def test_the_officials_are_everyone_the_story_sent_to_that_country(plugins: Plugins) -> None:
    text = (
        "South Korean National Security Adviser Ivo Varga will travel to Tokyo this week to explain the "
        "outcome of his trip to Pyongyang on Wednesday. South Korean Vice Foreign Minister Tomas Bae too "
        "visited Pyongyang as part of a delegation that also included Vice Unification Minister Paek "
        "Dong-su. During their trip to the North, the South Korean officials met with North Korean "
        "Foreign Minister Ri Chol-su."
    )
    ri = [m for m in meetings(run(text, plugins)) if "Ri Chol-su" in persons(m)]
    assert [persons(m) for m in ri] == [{"Ivo Varga", "Tomas Bae", "Paek Dong-su", "Ri Chol-su"}]


def test_the_vice_president_is_not_an_adviser_to_the_vice_president(plugins: Plugins) -> None:
    text = (
        "Vice President Hal Brody welcomed Prime Minister Kenji Morota to Washington on Tuesday. "
        "They were joined by Tomas Bae, National Security Advisor to the Vice President. "
        "Morota invited the Vice President to visit Japan."
    )
    (invitation,) = [e for e in run(text, plugins) if e.type is EventType.INVITATION]
    assert persons(invitation) == {"Kenji Morota", "Hal Brody"}


def test_capitals_the_knowledge_base_knows_as_a_given_name_belong_to_the_name() -> None:
    from alliancekit.actors import ActorRecord, KnowledgeBase
    from alliancekit.rules.mentions import PersonFinder

    kb = KnowledgeBase()
    kb.add_actors([ActorRecord("usa/brody-aj", "AJ Brody", "USA", family_name="Brody")])
    finder = PersonFinder(kb, dt.date(2026, 1, 1))
    (person,) = finder.find("Vice President AJ Brody welcomed the delegation.", 0)
    assert (person.name, person.title) == ("AJ Brody", "Vice President")


def test_the_sender_of_a_message_takes_no_part_in_the_call_that_delivers_it(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Ivo Varga of South Korea held telephone talks with Secretary of State Hal Brody "
        "on Monday to deliver a direct message from President Tomas Bae."
    )
    (call,) = [e for e in run(text, plugins) if e.type is EventType.CALL]
    assert persons(call) == {"Ivo Varga", "Hal Brody"}


def test_a_countrys_leader_by_office_in_an_undated_story_is_the_one_the_story_named() -> None:
    from alliancekit.actors import ActorRecord, KnowledgeBase, Position
    from alliancekit.rules.mentions import PersonFinder

    kb = KnowledgeBase()
    party_leader = Position("General Secretary of the Workers' Party of Korea", dt.date(2012, 1, 1), None)
    kb.add_actors([ActorRecord("prk/ri", "Ri Chol-su", "PRK", family_name="Ri", positions=(party_leader,))])
    finder = PersonFinder(kb, None)
    finder.find("The envoys met North Korean leader Ri Chol-su in Pyongyang.", 0)
    (leader,) = finder.find("They carried a message to the North Korean leader.", 100)
    assert leader.name == "Ri Chol-su"


def test_a_reason_given_after_a_comma_is_the_subjects_not_the_person_it_does_not_join(
    plugins: Plugins,
) -> None:
    text = (
        "Prime Minister Dario Velez will travel to Nairobi next week, his office said.\n\n"
        "Trade Minister Ines Duarte will not join the prime minister, because she is due to visit Ottawa "
        "at the same time."
    )
    (ottawa,) = [
        e
        for e in run(text, plugins)
        if e.type is EventType.VISIT and e.location is not None and e.location.name == "Ottawa"
    ]
    assert persons(ottawa) == {"Ines Duarte"}


@pytest.mark.parametrize(
    ("reference", "traveller"), [("the former", "Daniel Okafor"), ("the latter", "Elena Varga")]
)
def test_the_former_and_the_latter_name_the_first_and_second_of_two_people(
    reference: str, traveller: str, plugins: Plugins
) -> None:
    text = (
        "Prime Minister Daniel Okafor of Nigeria and President Elena Varga of Hungary held talks "
        f"in Tokyo on Monday. On Tuesday, {reference} flew to Seoul."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert [persons(e) for e in visits] == [{traveller}]


def test_the_former_before_an_office_is_a_title_not_a_reference(plugins: Plugins) -> None:
    text = (
        "Prime Minister Daniel Okafor of Nigeria and President Elena Varga of Hungary held talks "
        "in Tokyo on Monday. On Tuesday, the former president of Ghana flew to Seoul."
    )
    assert all(e.type is not EventType.VISIT for e in run(text, plugins))


def test_a_readouts_subjectless_departure_is_its_principals_trip(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Kenji Tanabe met Foreign Minister Ana Lucero in Canberra on Saturday.\n\n"
        "Departed for the next destination, Hawaii, where the meeting will be held."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert [(persons(e), e.location.name if e.location else None) for e in visits] == [
        ({"Kenji Tanabe"}, "Hawaii")
    ]


def test_a_subjectless_departure_after_a_sentence_naming_no_one_has_no_traveller(plugins: Plugins) -> None:
    text = "The talks in Canberra ended on Saturday.\n\nDeparted for Hawaii, the fleet reached port."
    assert all(e.type is not EventType.VISIT for e in run(text, plugins))


def test_the_leaders_of_a_grouping_are_not_the_two_leaders_named_before(plugins: Plugins) -> None:
    text = (
        "Prime Minister Daniel Okafor met President Elena Varga in Lima on Monday.\n"
        "Okafor said he was sure that when the leaders of the grouping meet in Abuja next year, "
        "a trade pact will follow."
    )
    assert [sorted(persons(m)) for m in meetings(run(text, plugins))] == [["Daniel Okafor", "Elena Varga"]]


def test_the_prime_minister_may_be_someone_the_sentence_names_only_as_a_possessor(plugins: Plugins) -> None:
    text = (
        "Prime Minister Kenji Tanabe met President Elena Varga in Tokyo on Monday. The two discussed "
        "Prime Minister Tanabe's planned visit to Budapest, which President Varga announced after her "
        "March 3 telephone call with the Prime Minister."
    )
    calls = [e for e in run(text, plugins) if e.type is EventType.CALL]
    assert [persons(e) for e in calls] == [{"Elena Varga", "Kenji Tanabe"}]


def test_an_object_pronoun_is_not_its_own_verbs_subject_and_the_next_he_goes_on_with_it(
    plugins: Plugins,
) -> None:
    text = (
        "Governor Kenji Tanabe leaves next Monday for a trip to Washington. "
        "Vice Governor Aiko Mori will accompany him. He will then travel to New York on April 23."
    )
    new_york = [e for e in run(text, plugins) if e.type is EventType.VISIT and e.location is not None]
    assert any("Kenji Tanabe" in persons(e) and e.location.name == "New York" for e in new_york)


def test_a_pronoun_of_another_clause_may_stand_for_the_subject(plugins: Plugins) -> None:
    text = "Governor Kenji Tanabe said on Monday that President Elena Varga had invited him to Budapest."
    invitations = [e for e in run(text, plugins) if e.type is EventType.INVITATION]
    assert [persons(e) for e in invitations] == [{"Elena Varga", "Kenji Tanabe"}]


def test_the_next_he_stays_with_the_subject_when_the_sentence_before_named_two(plugins: Plugins) -> None:
    text = (
        "Prime Minister Daniel Okafor met Governor Kenji Tanabe in Osaka on Monday and thanked him. "
        "He then flew to Seoul on Tuesday."
    )
    visits = [e for e in run(text, plugins) if e.type is EventType.VISIT]
    assert [persons(e) for e in visits] == [{"Daniel Okafor"}]
