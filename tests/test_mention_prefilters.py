"""The cheap looks and remembered facts that spare the mention finders work, and what they return.

Each look stands before a pattern and must let through every sentence the
pattern could match: these tests hold each one to the pattern it guards.
Every text here is written for these tests; the people in it are invented.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from alliancekit.actors import KnowledgeBase, Place, load_builtin_offices, name_key
from alliancekit.rules import lexicon
from alliancekit.rules.mentions import (
    _CAP,
    _DEFINITE_TITLE,
    _FORMER_OWN_TITLE,
    _FORMER_SHARED_TITLE,
    _PLACE_WINDOW,
    PersonFinder,
    PersonMention,
    _bare_word,
    _institution_head_pattern,
    _may_name_an_office,
    _name_run_start,
    _no_word_character_at,
    _office_looks,
    _place_tokens,
    _split_window,
    _title_case,
    about_both_koreas,
    find_groups,
    find_places,
    iter_name_windows,
)

# The office descriptions as whole words in any case: what the office look stands for.
_OFFICE_WORDS = re.compile(rf"(?i:\b(?:{lexicon.trie_alternation(load_builtin_offices().descriptions())})\b)")

SENTENCES = [
    "The Japanese prime minister arrived in Manila on Tuesday.",
    "Seoul's top diplomat, Hana Kwon, will travel to Canberra.",
    "The PM's office declined to comment.",
    "Development aid rose by a fifth, the ministry said.",
    "Leadership talks resumed after a pause.",
    "The presidential palace was closed to visitors.",
    "A Foreign-Minister-level meeting is planned.",
    "Officials from both sides met in Geneva.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_office_look_agrees_with_the_office_words(sentence: str) -> None:
    assert _may_name_an_office(sentence) == (_OFFICE_WORDS.search(sentence) is not None)


def test_office_look_keeps_whole_words_only() -> None:
    assert _may_name_an_office("The prime minister met her counterpart.")
    assert not _may_name_an_office("Development aid rose by a fifth.")  # "pm" inside a word
    assert not _may_name_an_office("Leadership talks resumed.")  # "leader" inside a word


def test_office_look_lets_a_sentence_with_letters_beyond_ascii_through() -> None:
    assert _may_name_an_office("Renée Okafor opened the café.")


TITLED_SENTENCES = [
    "The Prime Minister arrived in Manila on Tuesday.",
    "Officials said the Deputy Secretary of State would attend.",
    "Talks with the EAM's team ended early.",
    "the PM met reporters.",
    "The governor and the Japanese envoy spoke.",
    "A Secretary-General was elected.",
    "The Pentagon chief flew to Seoul.",
    "The State Department's head of Asia policy spoke.",
    "Officials from both sides met in Geneva.",
    "The talks ended without a date.",
    "Sources at the kremlin denied it.",
    "Renée Okafor met the Pentagon chief.",
    "The Deputy Secretary met Renée Okafor.",
    "The Kremlin’s head of protocol met Zoë Brandt.",
]


@pytest.mark.parametrize("sentence", TITLED_SENTENCES)
def test_office_looks_let_through_every_sentence_their_patterns_match(sentence: str) -> None:
    looks = _office_looks(sentence)
    assert looks.definite_title or _DEFINITE_TITLE.search(sentence) is None
    institutions = _institution_head_pattern()
    assert looks.institution or institutions is None or institutions.search(sentence) is None


def test_office_looks_tell_which_office_words_a_sentence_holds() -> None:
    assert _office_looks("The Pentagon chief met the Japanese prime minister.") == (True, True, True)
    assert _office_looks("Officials from both sides met in Geneva.") == (False, False, False)
    assert _office_looks("Talks with the EAM ended.") == (False, True, False)  # two capitals
    assert _office_looks("Renée Okafor opened the café.") == (True, False, False)  # descriptions: the pattern
    assert _office_looks("The Kremlin chief met Renée Okafor.") == (True, True, True)


def test_bare_word_leaves_out_a_possessive_and_a_closing_dot_or_comma() -> None:
    assert [_bare_word(word) for word in ("Okafor’s", "Varga'", "Roe,", "Jr.", "U.S.")] == [
        "Okafor",
        "Varga",
        "Roe",
        "Jr",
        "U.S",
    ]


def test_no_word_character_at_a_space_or_outside_the_text() -> None:
    assert [_no_word_character_at("the minister", position) for position in (-1, 3, 4, 12)] == [
        True,
        True,
        False,
        True,
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The Hague hosted the talks.",
        "They will bathe Japan's ministers in praise.",
        "the the Republic of Korea and Tokyo",
        "in the  Philippines, the Gulf of Thailand and the U.S. Embassy",
        "Minister of the Interior Dale Rask",
    ],
)
def test_place_window_finds_what_the_plain_pattern_finds(text: str) -> None:
    plain = re.compile(rf"(?:the\s+)?{_CAP}(?:[\s,-]+(?:(?:of|the|de|du|al)\s+)?{_CAP})*")
    assert [m.span() for m in _PLACE_WINDOW.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_place_tokens_keep_the_comma_before_an_abbreviation() -> None:
    assert _place_tokens("Washington, D.C.") == ((0, 11), (12, 16))
    assert _place_tokens("Oslo, Norway") == ((0, 4), (6, 12))


def test_a_city_and_its_country_after_a_comma_are_found() -> None:
    places = find_places("The envoy flew to Nagano, Japan, on Monday.", 0, KnowledgeBase())
    assert [(p.name, p.country) for p in places] == [("Nagano", "JPN"), ("Japan", "JPN")]


def test_a_city_named_as_the_possessor_of_its_district_is_found() -> None:
    kb = KnowledgeBase()
    kb.add_places([Place("Seoul", "KOR")])
    places = find_places("They met in Seoul’s Yongsan district.", 0, kb)
    assert [(p.name, p.text) for p in places] == [("Seoul", "Seoul")]


def test_korea_names_need_their_own_words() -> None:
    assert about_both_koreas("North Korea fired a missile, and S. Korea protested.")
    assert not about_both_koreas("Both leaders visited the North.")
    assert not about_both_koreas("UNorth Korea and South Korea")  # "North" must start a word


def test_a_window_nothing_is_cut_from_is_its_own_piece() -> None:
    sentence = "Foreign Minister Ken Sato met reporters."
    window = next(iter_name_windows(sentence))
    assert list(_split_window(sentence, window)) == [window]


def test_a_window_of_one_word_is_its_own_piece() -> None:
    sentence = "Okafor met Varga, then Tanabe."
    windows = list(iter_name_windows(sentence))
    assert [w.group() for w in windows] == ["Okafor", "Varga", "Tanabe."]
    assert [list(_split_window(sentence, window)) for window in windows] == [[window] for window in windows]


def test_name_run_start_is_the_first_word_of_the_name() -> None:
    assert _name_run_start("Foreign Minister Ken Sato") == 2
    assert _name_run_start("The") == 1  # no name at all


def test_title_case_leaves_small_words_inside_a_title() -> None:
    assert _title_case("minister of defense") == "Minister of Defense"
    assert _title_case("the vice president") == "The Vice President"


def test_name_key_is_remembered_and_unchanged() -> None:
    assert name_key("Okafor Lena") == name_key("Lena Okafor") == frozenset({"okafor", "lena"})


def test_groups_need_one_of_their_nouns() -> None:
    assert find_groups("Markets rose on Tuesday.", 0) == []
    assert [g.text for g in find_groups("Members of Congress arrived.", 0)] == ["Congress"]
    assert [g.text for g in find_groups("Japanese officials said so.", 0)] == ["Japanese officials"]


def test_a_surname_is_found_for_people_added_to_known_after_a_lookup() -> None:
    finder = PersonFinder(KnowledgeBase(), dt.date(2025, 3, 1))
    assert finder.find("Okafor arrived.", 0) == []  # looked up before anyone is known
    finder.known.append(PersonMention(0, 11, "Lena Okafor", "Minister", "GBR", cue="title"))
    [mention] = finder.find("Okafor arrived.", 100)
    assert (mention.name, mention.cue, mention.country) == ("Lena Okafor", "surname", "GBR")


def test_the_latest_bearer_of_a_surname_not_introduced_as_former_is_meant() -> None:
    finder = PersonFinder(KnowledgeBase(), dt.date(2025, 3, 1))
    finder.find("Defense Minister Ada Varga met reporters.", 0)
    finder.find("Former President Ivo Varga was there.", 100)
    [mention] = finder.find("Varga said the talks went well.", 200)
    assert mention.name == "Ada Varga"


@pytest.mark.parametrize(
    "before",
    [
        "Former President ",
        "the former Prime Minister ",
        "Ex-Premier ",
        "ex- Governor ",
        "former Presidents Roh and ",
    ],
)
def test_the_former_look_lets_through_every_title_the_former_patterns_match(before: str) -> None:
    assert _FORMER_OWN_TITLE.search(before) or _FORMER_SHARED_TITLE.search(before)
    assert "ormer" in before or "x-" in before


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Former President Ivo Varga was there.", [("Ivo Varga", True)]),
        ("Envoy Sam Roe met ex-Premier Ada Kwon.", [("Sam Roe", False), ("Ada Kwon", True)]),
        ("President Ivo Varga was there.", [("Ivo Varga", False)]),
    ],
)
def test_a_person_introduced_as_former_is_marked_so(sentence: str, found: list[tuple[str, bool]]) -> None:
    finder = PersonFinder(KnowledgeBase(), dt.date(2025, 3, 1))
    assert [(mention.name, mention.former) for mention in finder.find(sentence, 0)] == found


def test_a_nationality_noun_stands_for_the_one_person_of_that_country() -> None:
    finder = PersonFinder(KnowledgeBase(), dt.date(2025, 3, 1))
    finder.find("U.S. Secretary of State Jane Roe met Foreign Minister Ken Sato.", 0)
    found = finder.find("The American also invited Sato to Washington.", 100)
    assert [m.name for m in found] == ["Jane Roe", "Ken Sato"]
