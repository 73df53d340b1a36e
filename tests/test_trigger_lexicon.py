"""The trigger lexicon is data: it loads, a mistake in it is named, a new line of it is a new phrasing."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import attrs
import pytest

from alliancekit.model import EventType
from alliancekit.rules.patterns import (
    TRIGGER_FLAGS,
    LexiconError,
    builtin_lexicon,
    parse_lexicon,
    read_lexicon,
)
from alliancekit.rules.triggers import (
    Trigger,
    TriggerFinder,
    _requirements,
    _TriggerPattern,
    find_triggers,
    leading_words,
    pattern_sources,
)

BUILTIN_TEXT = (
    resources.files("alliancekit.rules").joinpath("data", "triggers.toml").read_text(encoding="utf-8")
)


def _entry(name: str = "broke-bread", pattern: str = "(broke|breaks) bread with", **keys: str) -> str:
    """One [[trigger]] table, as a user would write it."""
    lines = {
        "name": name,
        "type": "meeting",
        "form": "verbal",
        "pattern": pattern,
        "note": "a meal shared",
        "example": "broke bread with",
        **keys,
    }
    return "\n[[trigger]]\n" + "".join(f"{key} = '{value}'\n" for key, value in lines.items())


def _found(finder: TriggerFinder, sentence: str) -> list[tuple[str, str]]:
    return [(trigger.type.value, trigger.text) for trigger in finder(sentence, 0)]


# --------------------------------------------------------------------------------- the shipped file


def test_the_shipped_lexicon_loads_and_every_entry_compiles() -> None:
    lexicon = builtin_lexicon()
    assert len(lexicon.triggers) > 60
    assert len(lexicon.look_alikes) >= 8
    for entry in lexicon.triggers:
        assert re.compile(entry.source).search(entry.example), entry.name
        assert entry.note
    assert pattern_sources() == [entry.source for entry in lexicon.triggers]
    assert len({entry.name for entry in lexicon.triggers}) == len(lexicon.triggers)


def test_every_flag_an_entry_may_set_is_a_field_of_a_trigger() -> None:
    flag_fields = {field.name for field in attrs.fields(Trigger) if field.type in ("bool", bool)}
    assert set(TRIGGER_FLAGS) == flag_fields


def test_the_shipped_file_read_as_a_file_gives_the_shipped_lexicon(tmp_path: Path) -> None:
    path = tmp_path / "triggers.toml"
    path.write_text(BUILTIN_TEXT, encoding="utf-8")
    lexicon = read_lexicon(path)
    assert lexicon.triggers == builtin_lexicon().triggers
    assert lexicon.origin == str(path)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Prime Minister Ishiba held a telephone conversation with President Lee on Tuesday.",
            [("call", "held a telephone conversation")],
        ),
        ("Defense Secretary Hegseth will visit Manila next week.", [("visit", "visit")]),
        ("Foreign Minister Wong paid a three-day visit to Tokyo.", [("visit", "paid a three-day visit to")]),
        (
            "The ministers held a working lunch at the Iikura guesthouse.",
            [("meeting", "held a working lunch")],
        ),
        (
            "Albanese invited Takaichi to visit Canberra later this year.",
            [("invitation", "invited"), ("visit", "visit")],
        ),
        ("Talks were held between the two delegations.", [("meeting", "Talks were held between")]),
        ("The summit was called off after the storm.", [("meeting", "summit")]),
        ("Visitors lined up outside the state visitor center.", []),
        ("The plant must meet the demands of its customers.", []),
        ("Kim was meeting with his counterpart in Seoul.", [("meeting", "meeting with")]),
        ("The so-called Quad has grown.", []),
        (
            "Marcos will welcome Albanese to Manila in May.",
            [("visit", "welcome Albanese to")],
        ),
        (
            "Lee had a frank discussion with Ishiba on Saturday.",
            [("meeting", "discussion with")],
        ),
        (
            "Motegi told Wong on the sidelines of the forum that ties were strong.",
            [("meeting", "told Wong on the sidelines of")],
        ),
    ],
)
def test_the_shipped_lexicon_finds_these_triggers(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(t.type.value, t.text) for t in find_triggers(sentence, 0)] == expected


# --------------------------------------------------------------------------------- a phrasing added as data


def test_a_phrasing_added_as_an_entry_is_found() -> None:
    sentence = "Secretary Rubio broke bread with Foreign Minister Motegi in Tokyo."
    assert not find_triggers(sentence, 0)
    finder = TriggerFinder(parse_lexicon(BUILTIN_TEXT + _entry()))
    assert ("meeting", "broke bread with") in _found(finder, sentence)


def test_a_word_added_to_a_word_class_is_found_wherever_the_class_is_used() -> None:
    sentence = "The two leaders staged talks in Canberra."
    assert not any(t.text.startswith("staged") for t in find_triggers(sentence, 0))
    text = BUILTIN_TEXT.replace('HOLD = ["held",', 'HOLD = ["staged", "held",', 1)
    finder = TriggerFinder(parse_lexicon(text))
    assert ("meeting", "staged talks") in _found(finder, sentence)


def test_a_new_entry_is_found_through_its_leading_words() -> None:
    finder = TriggerFinder(parse_lexicon(_entry()))
    assert finder.patterns[0].words == frozenset({"broke", "breaks"})
    assert finder.candidates("They broke bread.") == [0]
    assert finder.candidates("They shared a meal.") == []


def test_a_pattern_runs_only_where_the_sentence_holds_the_phrases_every_match_of_it_holds() -> None:
    finder = TriggerFinder(parse_lexicon(_entry()))
    assert finder.runnable("They broke bread.") == []  # every match holds "bread with"
    assert finder.runnable("The envoys broke bread with the mayor on Monday.") == [0]
    assert finder.runnable("They broke  Bread,\nwith the mayor.") == [0]  # spacing and case aside
    # A word character beyond ASCII may fold to one of the phrase's letters: the pattern runs.
    assert finder.runnable("Die Gäste broke bread.") == [0]
    assert _found(finder, "They broke bread with the mayor.") == [("meeting", "broke bread with")]


def test_leading_words_are_looked_for_only_where_the_required_phrases_do_not_hold_them() -> None:
    held = TriggerFinder(parse_lexicon(_entry()))
    # " broke bread with " holds " broke": the phrases are the whole requirement
    assert _requirements(held.patterns[0]) == ((frozenset({" broke bread with ", " breaks bread with "})),)
    # the word may go on ("dinedout"): no phrase holds " dined", so the leading words are a set of their own
    source = r"\b(?:dined|lunched)\w*\s+with\s+the\s+mayor"
    apart = _TriggerPattern(
        re.compile(source), EventType.MEETING, "verbal", {}, frozenset(leading_words(source) or ())
    )
    assert _requirements(apart) == (frozenset({" dined", " lunched"}), frozenset({" with the mayor"}))
    # " go" begins " government": the words spelled out whole, " go " and " goes ", are looked for instead
    source = r"\b(?:go|goes)\s+(?:[a-z]+\s+){0,2}?to\s+the\s+summit"
    short = _TriggerPattern(
        re.compile(source), EventType.VISIT, "verbal", {}, frozenset(leading_words(source) or ())
    )
    assert _requirements(short) == (frozenset({" go ", " goes "}), frozenset({"to the summit"}))


def test_a_user_lexicon_is_read_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(_entry(), encoding="utf-8")
    finder = TriggerFinder(read_lexicon(path))
    assert _found(finder, "Rubio broke bread with Motegi.") == [("meeting", "broke bread with")]


# --------------------------------------------------------------------------------- the pattern language


@pytest.mark.parametrize(
    ("toml", "finds", "misses"),
    [
        # words are separated by any white space; an optional word may be left out
        ("pattern = 'held the? talks'", ["held  talks", "held the talks"], ["held a talks"]),
        # a bounded run of words, from a fragment
        (
            "pattern = 'held {W:0-2} talks'\n[fragments]\nW = '[a-z]+'",
            ["held two rounds talks"],
            ["held three long tense talks"],
        ),
        # alternatives, nested
        ("pattern = '(phoned|(will|to) phone)'", ["will phone", "phoned"], ["phones"]),
        # a pattern ends at the end of a word unless its last item is open
        ("pattern = 'call'", ["a call"], ["calls"]),
        ("pattern = 'call*'", ["calls"], ["recall"]),
        # what must and must not follow
        (
            "pattern = 'visited'\nfollowed_by = '{CAP}'\n[fragments]\nCAP = '[A-Z]'",
            ["visited Guam"],
            ["visited it"],
        ),
        ("pattern = 'host'\nnot_followed_by = 'country'", ["host Lee"], ["host country"]),
        # a word class in any case; a verb's forms
        (
            "pattern = '{N}'\n[words]\nN = { any_case = true, words = ['summit'] }",
            ["the SUMMIT"],
            ["summits"],
        ),
        ("pattern = '<meet> with'\n[verbs]\nmeet = ['meet', 'met']", ["met with"], ["meets with"]),
        # a span of the clause, then a word
        (
            "pattern = 'chaired'\nfollowed_by = '{C:0-20} with'\n[spans]\nC = '[^.]'",
            ["chaired it with"],
            ["chaired. with"],
        ),
        # the escape hatch, with a class in it
        ("regex = '(?<!so-)\\bcalled\\b'", ["he called"], ["so-called"]),
    ],
)
def test_the_pattern_language(toml: str, finds: list[str], misses: list[str]) -> None:
    head, _, tables = toml.partition("\n[")
    text = (
        "[[trigger]]\nname = 'x'\ntype = 'meeting'\nform = 'verbal'\nnote = 'n'\n"
        f"example = '{finds[0]}'\n{head}\n" + (f"[{tables}\n" if tables else "")
    )
    regex = re.compile(parse_lexicon(text).triggers[0].source)
    for phrase in finds:
        assert regex.search(phrase), phrase
    for phrase in misses:
        assert not regex.search(phrase), phrase


def test_look_alikes_take_their_span_first() -> None:
    text = _entry(pattern="(called|calls)*") + "\n[[not_trigger]]\nname = 'off'\npattern = 'called off'\n"
    text += "note = 'cancelled'\nexample = 'called off'\n"
    finder = TriggerFinder(parse_lexicon(text.replace("example = 'broke bread with'", "example = 'called'")))
    assert _found(finder, "The talks were called off; Lee called Abe.") == [("meeting", "called")]


# --------------------------------------------------------------------------------- mistakes


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            _entry(pattern="{HOLDS} bread"),
            "trigger 'broke-bread' (entry 1): no word class or fragment {HOLDS}",
        ),
        (_entry(pattern="<break> bread"), "trigger 'broke-bread' (entry 1): no verb <break>"),
        (_entry(pattern="(broke bread"), "unbalanced '('"),
        (_entry(pattern="broke | "), "an empty alternative"),
        (_entry(type="summit"), "type must be one of meeting, visit, call, invitation, not 'summit'"),
        (_entry(form="adjectival"), "form must be one of verbal, nominal"),
        (_entry(example="shared a meal"), "the pattern does not find its example 'shared a meal'"),
        (_entry(regex="(broke"), "give either pattern or regex"),
        (_entry(pattern="bread", colour="red"), "unknown key colour"),
        (_entry(pattern="{CLAUSE} bread") + "[spans]\nCLAUSE = '[^.]'\n", "needs its length"),
        ("[words]\nhold = ['held']\n", "[words] hold: names are capital letters"),
        ("[[trigger]]\nname = 'x'\n", "trigger 'x' (entry 1): type must be one of"),
    ],
)
def test_a_malformed_entry_is_named_with_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(LexiconError) as error:
        parse_lexicon(text, origin="mine.toml")
    assert message in str(error.value)
    assert str(error.value).startswith("mine.toml: ")


def test_a_bad_flag_is_named() -> None:
    text = _entry().replace("note =", "flags = ['hosting', 'hostile']\nnote =")
    with pytest.raises(LexiconError, match=r"trigger 'broke-bread' \(entry 1\): flags must be a list of"):
        parse_lexicon(text)


def test_every_mistake_of_a_file_is_reported_at_once(tmp_path: Path) -> None:
    path = tmp_path / "mine.toml"
    path.write_text(
        _entry(name="one", pattern="{NONE}") + _entry(name="two", type="dinner"), encoding="utf-8"
    )
    with pytest.raises(LexiconError) as error:
        read_lexicon(path)
    lines = str(error.value).splitlines()
    assert len(lines) == 2
    assert all(line.startswith(f"{path}: ") for line in lines)
    assert "trigger 'one' (entry 1)" in lines[0]
    assert "trigger 'two' (entry 2)" in lines[1]


def test_a_toml_syntax_error_names_the_file_and_line() -> None:
    with pytest.raises(LexiconError, match=r"mine\.toml: not valid TOML: .*line 3"):
        parse_lexicon("[[trigger]]\nname = 'x'\npattern = unquoted\nform = 'verbal'\n", origin="mine.toml")


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match=r"missing\.toml: cannot be read"):
        read_lexicon(tmp_path / "missing.toml")
