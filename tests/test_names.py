"""Who a news text names: people read from titles, surnames and the knowledge base.

Every text here is written for these tests. Invented officials show that a
rule works from the wording alone; real ones are used where the knowledge
base is what the rule relies on.
"""

from __future__ import annotations

import datetime as dt

import pytest

import alliancekit
from alliancekit.plugins import Plugins
from alliancekit.rules.mentions import PersonFinder


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def names_in(
    text: str, plugins: Plugins, published: dt.date | None = dt.date(2024, 5, 14)
) -> list[list[str]]:
    """The names found in each line of ``text``, read in order as one document."""
    finder = PersonFinder(plugins.knowledge_base, published, document_text=text)
    found = []
    offset = 0
    for line in text.split("\n"):
        found.append([mention.name for mention in finder.find(line, offset)])
        offset += len(line) + 1
    return found


def test_words_of_an_office_about_peace_and_issues_are_not_a_name(plugins: Plugins) -> None:
    text = (
        "The delegation will be led by Special Representative for Korean Peninsula Peace and "
        "Security Issues Min-ho Cha, officials said."
    )
    assert names_in(text, plugins) == [["Min-ho Cha"]]


def test_a_surname_that_reads_as_a_common_word_is_read_before_and_or_a_date(plugins: Plugins) -> None:
    text = (
        "Foreign Minister Park Tae-won will host Prime Minister Elena Varga in Seoul.\n"
        "Talks between Park and Varga are due on Friday.\n"
        "Varga is also scheduled to meet Park on Saturday."
    )
    assert names_in(text, plugins) == [
        ["Park Tae-won", "Elena Varga"],
        ["Park Tae-won", "Elena Varga"],
        ["Elena Varga", "Park Tae-won"],
    ]


def test_a_bare_surname_names_the_storys_person_not_a_former_namesake(plugins: Plugins) -> None:
    text = (
        "President Kang Min-jun arrived in Hanoi on Sunday for a three-day visit.\n"
        "Earlier visits by former Presidents Roh and Kang Dae-ho lasted a day.\n"
        "On Tuesday, Kang will meet Prime Minister Tran Van Loc."
    )
    assert names_in(text, plugins)[2] == ["Kang Min-jun", "Tran Van Loc"]


def test_a_former_namesake_keeps_the_surname_when_no_one_else_bears_it(plugins: Plugins) -> None:
    text = "Former President Kang Dae-ho arrived in Hanoi on Sunday.\nKang will meet students on Monday."
    assert names_in(text, plugins)[1] == ["Kang Dae-ho"]


def test_a_surname_with_a_generational_suffix_is_the_known_office_holder(plugins: Plugins) -> None:
    text = "Secretary Lloyd Austin will meet President Marcos Jr in Manila on Thursday."
    names = names_in(text, plugins, published=dt.date(2023, 2, 1))
    assert names == [["Lloyd Austin", "Ferdinand Marcos Jr."]]


def test_a_misspelled_known_name_is_reported_as_the_knowledge_base_writes_it(plugins: Plugins) -> None:
    text = "Trump had also lined up talks with Ukrainian President Volodymr Zelenskyy."
    assert names_in(text, plugins, published=dt.date(2025, 6, 17))[0][-1] == "Volodymyr Zelensky"


def test_a_known_spelling_of_a_name_is_reported_as_written(plugins: Plugins) -> None:
    text = "President Joseph R. Biden met Prime Minister Fumio Kishida at the White House."
    assert names_in(text, plugins, published=dt.date(2023, 1, 14)) == [["Joseph R. Biden", "Fumio Kishida"]]


def test_letters_after_a_name_do_not_hide_it(plugins: Plugins) -> None:
    text = (
        "The ministers met The Rt Hon Jane Holloway MP, Secretary of State for Defence, "
        "and Sir Tom Ashby KC in London."
    )
    assert names_in(text, plugins) == [["Jane Holloway", "Tom Ashby"]]


def test_a_charge_d_affaires_introduces_the_name_after_it(plugins: Plugins) -> None:
    text = "Norway's Chargé d’Affaires Ingrid Solberg invited the president to a conference in Oslo."
    assert names_in(text, plugins) == [["Ingrid Solberg"]]


MOON_STORY = (
    "Moon sends envoys to Beijing and Tokyo\n"
    "Moon's national security adviser will fly to Beijing on Friday, the presidential office said."
)


def test_a_leader_named_only_by_surname_is_the_one_office_holder_of_that_name(plugins: Plugins) -> None:
    assert names_in(MOON_STORY, plugins, published=dt.date(2018, 9, 6)) == [["Moon Jae-in"], ["Moon Jae-in"]]


@pytest.mark.parametrize(
    "text",
    [
        MOON_STORY + "\nThe launch was timed for a full moon.",  # the word is a common noun here
        "Moon's national security adviser will fly to Beijing on Friday.",  # one stray use
    ],
)
def test_a_bare_surname_needs_repeated_capitalised_use_to_name_the_office_holder(
    text: str, plugins: Plugins
) -> None:
    lines = names_in(text, plugins, published=dt.date(2018, 9, 6))
    assert all("Moon Jae-in" not in names for names in lines)


def test_a_question_mark_after_a_known_name_ends_the_question(plugins: Plugins) -> None:
    text = (
        "Senator Ruth Calloway will meet President Lai Ching-te in Taipei on Monday.\n"
        "Q: What will you raise with President Lai?\n"
        "Q: Will you also see Calloway?"
    )
    assert names_in(text, plugins, published=dt.date(2026, 2, 9))[1:] == [["Lai Ching-te"], ["Ruth Calloway"]]


def test_a_lost_last_letter_is_still_repaired_from_the_knowledge_base(plugins: Plugins) -> None:
    text = "Foreign Minister Yoshimasa Hayash? met his Australian counterpart in Tokyo."
    assert names_in(text, plugins, published=dt.date(2022, 9, 1)) == [["Yoshimasa Hayashi"]]


def test_and_before_a_courtesy_title_starts_another_person(plugins: Plugins) -> None:
    text = (
        "On May 2, Mr. SATO Kenji, Minister for Foreign Affairs of Japan and Mr. ITO Daichi, "
        "Minister of Defense of Japan, held talks in Tokyo."
    )
    finder = PersonFinder(plugins.knowledge_base, dt.date(2024, 5, 14), document_text=text)
    titles = {mention.name: mention.title for mention in finder.find(text, 0)}
    assert titles["Ito Daichi"] == "Minister of Defense of Japan"


def test_an_untitled_unknown_name_opening_a_sentence_before_its_verb_is_a_person(plugins: Plugins) -> None:
    text = (
        "Beijing agreed on Monday to put off a visit by the head of a Japanese opposition party.\n"
        "Tomoki Arisawa was planning to visit China from Sept. 3 to 5.\n"
        "Golden Week was planning time for many families, and Arisawa said so."
    )
    assert names_in(text, plugins, published=dt.date(2023, 9, 1))[1] == ["Tomoki Arisawa"]
    assert "Golden Week" not in names_in(text, plugins, published=dt.date(2023, 9, 1))[2]


def test_an_untitled_name_of_words_the_story_writes_in_lower_case_is_no_person(plugins: Plugins) -> None:
    text = "Silver Lantern was sold out all week, and the silver lantern shone late."
    assert names_in(text, plugins) == [[]]


def test_an_untitled_unknown_visitor_opening_a_sentence_makes_a_visit() -> None:
    events = alliancekit.extract(
        "Tomoki Arisawa was planning to visit China from Sept. 3 to 5.", published="2023-09-01"
    )
    assert [(e.type.value, [p.actor.name for p in e.participants]) for e in events] == [
        ("visit", ["Tomoki Arisawa"])
    ]


@pytest.mark.parametrize(
    "apposition",
    ["the U.S. consul general in Naha", "the U.K. ambassador", "the director general of the agency"],
)
def test_an_untitled_name_with_an_office_in_apposition_is_a_person(apposition: str, plugins: Plugins) -> None:
    text = f"Governor Kenji Tanabe sat down with Brent Okafor, {apposition}, on Saturday."
    assert names_in(text, plugins) == [["Kenji Tanabe", "Brent Okafor"]]
