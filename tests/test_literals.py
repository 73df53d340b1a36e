"""The phrases a pattern's matches must hold: joined to what comes before, and held by every match."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alliancekit import temporal
from alliancekit.literals import required_literals, scanned_text
from alliancekit.rules import cues


def test_a_word_boundary_joins_how_each_alternative_begins() -> None:
    # "is" alone would be found in "this" and "visit"; " is " only as a word.
    assert required_literals(r"\b(?:(?:is|are)\s+(?:now\s+)?(?:set|due)\s+to)\b") == (
        frozenset({" is set to ", " is due to ", " are set to ", " are due to ", " is now set to ",
                   " is now due to ", " are now set to ", " are now due to "}),
    )  # fmt: skip
    assert required_literals(r"\b(?:is|are)\s+(?:\w+\s+)?due", min_letters=2) == (
        frozenset({" is ", " are "}),
        frozenset({"due"}),
    )
    assert required_literals(r"(?:in|during)\s+(?:19|20)\d\d") == (
        frozenset({"in 19", "in 20", "during 19", "during 20"}),
    )


def test_an_alternative_that_may_begin_with_any_word_leaves_the_word_boundary_alone() -> None:
    # "(?:\w+\s+)?late" may begin with any word: "late" is held, not " late".
    assert required_literals(r"\b(?:(?:\w+\s+)?late|early)\s+talks", min_letters=2) == (
        frozenset({" talks"}),
        frozenset({"early", "late"}),
    )


_CUES = [
    (name, value)
    for name in cues.__all__
    if isinstance(value := getattr(cues, name), re.Pattern) and value.flags & re.IGNORECASE
]
_PATTERNS = [(name, value) for name, value in _CUES] + [
    (pattern.name, pattern.regex) for pattern in temporal._PATTERNS
]
_WORDS = sorted(
    {word for _, pattern in _PATTERNS for word in re.findall(r"[A-Za-z]{2,}", pattern.pattern)}
    | {"Varga", "Lagos", "the", "a", "on", "2019", "15", "3rd", "-", "’ll", "won't", ",", "."}
)


@pytest.mark.property
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12), st.sampled_from([" ", "  ", "\n"]))
def test_a_text_a_cue_or_time_pattern_matches_holds_a_phrase_of_every_set_it_requires(
    words: list[str], separator: str
) -> None:
    text = separator.join(words)
    scanned = scanned_text(text)
    for name, pattern in _PATTERNS:
        if pattern.search(text):
            for options in required_literals(pattern, min_letters=2) or ():
                assert any(option in scanned for option in options), (name, text, sorted(options))
