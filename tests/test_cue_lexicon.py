"""The cue lexicon is data: it loads, a mistake in it is named, a new line of it changes a decision."""

from __future__ import annotations

import inspect
import re
from importlib import resources
from pathlib import Path

import pytest

import alliancekit
from alliancekit.model import EventType, Status
from alliancekit.rules import cues
from alliancekit.rules.patterns import LexiconError, builtin_cues, parse_cues, read_cues

BUILTIN_TEXT = resources.files("alliancekit.rules").joinpath("data", "cues.toml").read_text(encoding="utf-8")


def _cue(name: str = "SNUB", pattern: str = "(snubbed|rebuffed)", **keys: str) -> str:
    """One [[cue]] table, as a user would write it."""
    lines = {
        "name": name,
        "pattern": pattern,
        "note": "a refusal",
        "example": "Lee snubbed the envoy",
        **keys,
    }
    return "\n[[cue]]\n" + "".join(f"{key} = '{value}'\n" for key, value in lines.items())


# --------------------------------------------------------------------------------- the shipped file


def test_the_shipped_cue_file_loads_and_every_example_is_found() -> None:
    lexicon = builtin_cues()
    assert len(lexicon.entries) > 50
    assert len({entry.name for entry in lexicon.entries}) == len(lexicon.entries)
    for entry in lexicon.entries:
        assert entry.note, entry.name
        if entry.words is not None:
            assert entry.example in entry.words
        else:
            assert entry.compiled.search(entry.example), entry.name


def test_every_cue_of_the_file_is_the_attribute_of_the_cues_module_of_its_name() -> None:
    for entry in builtin_cues().entries:
        attribute = getattr(cues, entry.name)
        if entry.words is not None:
            assert attribute == entry.words
        else:
            assert isinstance(attribute, re.Pattern)
            assert attribute.pattern == entry.source
            assert bool(attribute.flags & re.IGNORECASE) == entry.ignore_case


def test_the_cues_left_in_code_are_the_ones_the_module_names_as_structure() -> None:
    in_data = {entry.name for entry in builtin_cues().entries}
    functions = {name for name in cues.__all__ if inspect.isfunction(getattr(cues, name))}
    in_code = {name for name in cues.__all__ if name not in functions and name not in in_data}
    assert cues.__doc__ is not None
    assert in_code == {name for name in in_code if f"``{name}``" in cues.__doc__}


@pytest.mark.parametrize(
    ("name", "text", "found"),
    [
        ("CANCEL", "The Seoul leg was scrapped on Friday.", True),
        ("CANCEL", "Officials say the summit will not go ahead.", True),
        ("CANCEL", "The summit went ahead as planned.", False),
        ("FUTURE", "Lee’ll fly to Tokyo on Monday.", True),
        ("FUTURE", "Lee flew to Tokyo on Monday.", False),
        ("NOT_DONE", "The two leaders haven’t yet ", True),
        ("NOT_DONE", "The two leaders have yet ", False),
        ("HABITUAL", " at least twice a year, the statement said", True),
        ("AFTER_EVENT", "  Shortly after the two-hour summit, Lee left.", True),
        ("AFTER_EVENT", "Lee left shortly after the summit.", False),
        ("REMOTE_MEANS", "Austin held the 2+2 with Kihara via secure video link.", True),
        ("REMOTE_MEANS", "Austin held the 2+2 with Kihara in Tokyo.", False),
        ("VISIT_LENGTH", "Lee begins a four-day state visit to Hanoi on Sunday.", True),
        ("VISIT_LENGTH", "Lee begins a state visit to Hanoi on Sunday.", False),
        ("APART", "Wong spoke with Peters and Hwang in separate calls.", True),
        ("TRIP_ENDED", "Albanese wound up his three-day visit to Beijing.", True),
        ("VENUE_CLAUSE", "a summit, which is tentatively slated for late May", True),
    ],
)
def test_a_shipped_cue_finds_its_wording_and_not_another(name: str, text: str, found: bool) -> None:
    assert (getattr(cues, name).search(text) is not None) is found


# --------------------------------------------------------------------------------- mistakes


@pytest.mark.parametrize(
    ("table", "message"),
    [
        (_cue(example="Lee met the envoy"), "cue 'SNUB' (entry 1): the pattern does not find its example"),
        (_cue(pattern="{SNUBS} the"), "cue 'SNUB' (entry 1): no word class or fragment {SNUBS}"),
        (_cue(note=""), "cue 'SNUB' (entry 1): note must be a non-empty string"),
        (_cue(name="snub"), "cue 'snub' (entry 1): a cue's name is capital letters"),
        (_cue(pattern="snubbed $ $"), "cue 'SNUB' (entry 1): the pattern does not find its example"),
        (_cue(ignore_case="yes"), "cue 'SNUB' (entry 1): ignore_case must be true or false"),
        (_cue(flags="hosting"), "cue 'SNUB' (entry 1): unknown key flags"),
        (
            "\n[[cue]]\nname = 'SITES'\nwords = ['base', 'port']\nnote = 'sites'\nexample = 'plant'\n",
            "cue 'SITES' (entry 1): the example 'plant' is not one of the words",
        ),
        (_cue() + _cue(), "cue 'SNUB': the name is used twice"),
        ("[[cue]\n", "not valid TOML"),
    ],
)
def test_a_malformed_cue_entry_is_reported_with_the_file_and_the_entry(table: str, message: str) -> None:
    with pytest.raises(LexiconError) as caught:
        parse_cues(table, origin="my-cues.toml")
    assert str(caught.value).startswith("my-cues.toml: ")
    assert message in str(caught.value)


def test_every_mistake_of_a_cue_file_is_reported_at_once() -> None:
    text = _cue(name="ONE", example="nothing") + _cue(name="TWO", pattern="{NOWHERE}")
    with pytest.raises(LexiconError) as caught:
        parse_cues(text, origin="my-cues.toml")
    assert "cue 'ONE' (entry 1)" in str(caught.value)
    assert "cue 'TWO' (entry 2)" in str(caught.value)


def test_a_cue_file_that_cannot_be_read_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "cues.toml"
    with pytest.raises(LexiconError, match=r"cues\.toml: cannot be read"):
        read_cues(missing)
    missing.write_text(_cue(), encoding="utf-8")
    assert read_cues(missing).entry("SNUB").source == r"\b(?:snubbed\b|rebuffed\b)"


def test_a_cue_the_file_lacks_is_an_error_naming_the_file() -> None:
    with pytest.raises(LexiconError, match=r"my-cues.toml: no cue 'CANCEL'"):
        parse_cues(_cue(), origin="my-cues.toml").entry("CANCEL")


# --------------------------------------------------------------------------------- the anchors


def test_a_cue_that_ends_at_the_trigger_says_so_with_a_dollar() -> None:
    text = "[fragments]\nWORD = '[\\w-]+'\n" + _cue(
        pattern="(before|after) {WORD:0-1} $", example="left before "
    )
    entry = parse_cues(text).entry("SNUB")
    assert entry.source == r"\b(?:before|after)\s+(?:[\w-]+\s+){0,1}?$"
    assert entry.compiled.search("left before landing") is None


def test_a_cue_that_opens_a_sentence_starts_with_a_caret() -> None:
    entry = parse_cues(
        "[words]\nOPENING = ['After', 'Following']\n"
        + _cue(pattern="^ {OPENING} the", example="  After the talks")
    ).entry("SNUB")
    assert entry.source == r"^\s*(?:After|Following)\s+the\b"
    assert entry.compiled.search("Lee left after the talks") is None


# ------------------------------------------------------------------------- a line of data is a decision


def test_a_calling_off_verb_added_as_data_makes_a_visit_cancelled(monkeypatch: pytest.MonkeyPatch) -> None:
    sentence = "Foreign Minister Penny Wong has nixed her visit to Jakarta."
    before = [e for e in alliancekit.extract(sentence, published="2025-06-04") if e.type is EventType.VISIT]
    assert [e.status for e in before] == [Status.OCCURRED]
    extended = parse_cues(BUILTIN_TEXT.replace("CALL_OFF = [", 'CALL_OFF = [\n  "nixed",', 1))
    monkeypatch.setattr(cues, "CANCEL", extended.entry("CANCEL").compiled)
    after = [e for e in alliancekit.extract(sentence, published="2025-06-04") if e.type is EventType.VISIT]
    assert [e.status for e in after] == [Status.CANCELLED]
