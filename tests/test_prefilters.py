"""The shortcuts that keep the rules fast must give what the long way gives.

Both finders first ask which patterns can match at all (a time pattern's
cues and required phrases, a trigger pattern's leading words) and run only those: these tests run
every pattern over real and generated text without that shortcut and check
that each match it finds would have been let through. Clause breaks are
found once per sentence and looked up by bisection: they must agree with
searching the sentence for each trigger.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancekit import temporal
from alliancekit.literals import scanned_if_ascii, scanned_text
from alliancekit.rules import attach, clauses, cues, status, timing, triggers
from alliancekit.rules import text as text_module
from alliancekit.rules.text import LONGEST_SENTENCE, body_sentences
from alliancekit.rules.triggers import find_triggers, leading_words
from alliancekit.temporal import _PATTERNS as TIME_PATTERNS
from alliancekit.temporal import find_time_expressions

ROOT = Path(__file__).resolve().parent.parent
CORPUS_TEXTS = [
    path.read_text(encoding="utf-8")
    for folder in (ROOT / "seeds", ROOT / "tests" / "gold")
    for path in sorted(folder.glob("*.txt"))
]

# Words from both finders' vocabularies, cased several ways, with fillers between them.
VOCABULARY = [
    "met", "Met", "MEET", "meeting", "Meetings", "talks", "Talked", "held", "holding", "had", "has",
    "a", "an", "the", "phone", "Telephone", "video", "call", "calls", "called", "on", "in", "with",
    "visit", "Visited", "trip", "tour", "will", "be", "to", "invited", "invitation", "flew", "landed",
    "summit", "2+2", "2 + 2", "courtesy", "sat", "down", "joined", "by", "exchanged", "views", "hosted",
    "Monday", "thursday", "Jan.", "January", "Sept.", "May", "may", "15", "2026", "2026-01-15", "3rd",
    "next", "last", "this", "week", "weekend", "month", "year", "spring", "fall", "early", "mid-",
    "three", "days", "two-day", "starting", "from", "through", "or", "today", "Tomorrow", "night",
    "Tokyo", "Washington", "Varga", "Okafor", "upheld", "remet", "ſ", "K", "İ", ",", ".", "-", "–",
]  # fmt: skip
sentences = st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=25).map(" ".join)


def _time_matches_lacking_cues(text: str) -> list[tuple[str, str]]:
    folded = text.casefold()
    return [
        (pattern.name, match.group())
        for pattern in TIME_PATTERNS
        for match in pattern.regex.finditer(text)
        if not all(any(word in folded for word in cue) for cue in pattern.cues)
        or (pattern.written and not any(word in match.group() for word in pattern.written))
    ]


def _time_matches_not_let_through(text: str) -> list[tuple[str, str]]:
    allowed = temporal._patterns_for(text)
    return [
        (pattern.name, match.group())
        for pattern in TIME_PATTERNS
        for match in pattern.regex.finditer(text)
        if pattern not in allowed
    ]


def _trigger_matches_not_let_through(text: str) -> list[str]:
    allowed = set(triggers._patterns_for(text))
    return [
        match.group()
        for index, pattern in enumerate(triggers._COMPILED)
        for match in pattern.regex.finditer(text)
        if index not in allowed
    ]


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_no_time_match_in_the_corpora_lacks_its_cues(text: str) -> None:
    assert _time_matches_lacking_cues(text) == []


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_no_time_match_in_the_corpora_is_skipped(text: str) -> None:
    # Line by line too: a text with a word character beyond ASCII is filtered by its cues alone.
    for passage in (text, *text.splitlines()):
        assert _time_matches_not_let_through(passage) == []


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_no_trigger_match_in_the_corpora_is_skipped(text: str) -> None:
    assert _trigger_matches_not_let_through(text) == []


@pytest.mark.property
@given(sentences)
def test_no_generated_time_match_lacks_its_cues(text: str) -> None:
    assert _time_matches_lacking_cues(text) == []


@pytest.mark.property
@given(sentences)
def test_no_generated_time_match_is_skipped(text: str) -> None:
    assert _time_matches_not_let_through(text) == []


@pytest.mark.property
@given(sentences)
def test_no_generated_trigger_match_is_skipped(text: str) -> None:
    assert _trigger_matches_not_let_through(text) == []


@pytest.mark.property
@given(sentences)
def test_the_finders_agree_with_running_every_pattern(text: str) -> None:
    """find_triggers and find_time_expressions give what an unfiltered run gives."""
    every = list(range(len(triggers._COMPILED)))
    filtered_triggers, filtered_times = find_triggers(text, 0), find_time_expressions(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(triggers, "_patterns_for", lambda sentence, scanned=None: every)
        patch.setattr(temporal, "_patterns_for", lambda text, scanned=None: TIME_PATTERNS)
        assert find_triggers(text, 0) == filtered_triggers
        assert find_time_expressions(text) == filtered_times


def test_every_time_pattern_has_cues() -> None:
    assert all(pattern.cues for pattern in TIME_PATTERNS)


def test_the_month_patterns_ask_for_a_month_written_with_a_capital() -> None:
    month_patterns = {pattern.name for pattern in TIME_PATTERNS if "Jan" in pattern.written}
    assert {"date", "month", "month-alternatives", "abbreviated-month-year"} <= month_patterns
    chosen = {pattern.name for pattern in temporal._patterns_for("Ministers may meet on the 15th.")}
    assert chosen.isdisjoint(month_patterns)
    assert "date" in {pattern.name for pattern in temporal._patterns_for("Ministers will meet May 15.")}
    assert "date" in {pattern.name for pattern in temporal._patterns_for("MINISTERS MEET MAY 15.")}


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor met Varga in Lagos on Monday and may visit Seoul in March.",
        "Talks in Zürich were held on May 3.",
        "",
    ],
)
def test_the_finders_give_the_same_with_the_scanned_text_given(sentence: str) -> None:
    scanned = scanned_if_ascii(sentence)
    assert find_triggers(sentence, 7, scanned) == find_triggers(sentence, 7)
    assert find_time_expressions(sentence, scanned) == find_time_expressions(sentence)


def test_most_trigger_patterns_have_leading_words() -> None:
    """The shortcut is worth its keep only while nearly every pattern has known leading words."""
    known = [pattern for pattern in triggers._COMPILED if pattern.words is not None]
    assert len(known) >= 0.85 * len(triggers._COMPILED)


@pytest.mark.parametrize(
    ("source", "words"),
    [
        (r"\b(?:held|hold|holds)\s+talks", {"held", "hold", "holds"}),
        (r"\b(?i:Talks?|meetings?)\b", {"talk", "meeting"}),
        (r"\binvitation\b", {"invitation"}),
        (r"\bin\s+a\s+call\b|\ba\s+call\b", {"in", "a"}),
        (r"\b(?:will|to)\s+(?:phone|call)", {"will", "to"}),
        (
            r"\b(?:(?:tele)?phone|video)\s+call",
            {"tele", "phone", "video"},
        ),  # an optional group, or what follows
        (r"\b(?:tele)*phone", None),  # a repeated group opens it
        (r"\bvideo-?conference\b|virtual", None),  # the second alternative has no \b
        (r"\b(?:met|(?<=is )meeting)\b", {"met", "meeting"}),  # a lookbehind matches no characters
        (r"(?<!so-)\b(?:called|(?:(?<=is )|(?<=was ))calling)", {"called", "calling"}),  # nor do these
        (r"\b(?:(?<=is )|now\s+)meeting", None),  # only some alternatives of the group are look-behinds
        (r"(?<=is )meeting", None),  # still no word boundary
        (r"\b(?=is)\w+", None),  # a lookahead opens it
        (r"\b[Mm]et\b", None),  # a class opens it
        (r"met\b", None),  # no word boundary: it may match inside a word
    ],
)
def test_leading_words_read_off_a_pattern(source: str, words: set[str] | None) -> None:
    assert leading_words(source) == (None if words is None else frozenset(words))
    if words is not None:
        regex = re.compile(source)
        for text in ("Talks held in a call will hold", "the invitation to phone", "A meeting"):
            for match in regex.finditer(text):
                assert any(match.group().casefold().startswith(word) for word in words)


# --------------------------------------------------------------------------- cues

# The cues searched ignoring case, as the stages ask cues.found about them.
CASE_FREE_CUES = [
    (name, value)
    for name, value in vars(cues).items()
    if isinstance(value, re.Pattern) and value.flags & re.IGNORECASE
]
CUE_WORDS = [
    *VOCABULARY, "called", "off", "Postponed", "not", "take", "place", "won’t", "WON'T", "no", "longer",
    "times", "several", "had", "been", "due", "look", "forward", "hope", "one", "day", "plans", "’ll",
    "scheduled", "for", "Zürich", "canceLLed", "“", "”",
]  # fmt: skip
cue_texts = st.lists(st.sampled_from(CUE_WORDS), min_size=0, max_size=25).map(" ".join)


def _cues_found_otherwise_than_searched(text: str) -> list[str]:
    """The cues that cues.found says of ``text`` otherwise than a plain search of the lower-cased text."""
    wrong = []
    for name, cue in CASE_FREE_CUES:
        cased = re.search(r"(?<!\\)[A-Z]", cue.pattern) is not None
        plain = cue if cased else re.compile(cue.pattern, cue.flags & ~re.IGNORECASE)
        if cues.found(cue, text) != (plain.search(text.lower()) is not None):
            wrong.append(name)
    return wrong


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_cues_are_found_in_the_corpora_where_a_plain_search_finds_them(text: str) -> None:
    for sentence in body_sentences(text):
        assert _cues_found_otherwise_than_searched(sentence.text) == []


@pytest.mark.property
@given(cue_texts)
def test_cues_are_found_in_generated_text_where_a_plain_search_finds_them(text: str) -> None:
    assert _cues_found_otherwise_than_searched(text) == []


def _cues_spanned_otherwise_than_found(text: str) -> list[str]:
    """The cues whose spans cues.spans gives otherwise than the pattern's own finditer."""
    return [
        name
        for name, cue in CASE_FREE_CUES
        if cues.spans(cue, text) != [match.span() for match in cue.finditer(text)]
    ]


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_cue_spans_in_the_corpora_are_those_the_pattern_finds(text: str) -> None:
    for sentence in body_sentences(text):
        assert _cues_spanned_otherwise_than_found(sentence.text) == []


@pytest.mark.property
@given(cue_texts)
def test_cue_spans_in_generated_text_are_those_the_pattern_finds(text: str) -> None:
    assert _cues_spanned_otherwise_than_found(text) == []


def test_cue_spans_are_found_whatever_the_case() -> None:
    text = "The summit, which will be HELD in Lagos, and talks Set For June"
    assert cues.spans(cues.VENUE_CLAUSE, text) == [(10, 30), (50, 58)]
    assert cues.spans(cues.VENUE_CLAUSE, "Die Gäste met in Zürich.") == []


def _cues_ruled_out_though_they_match(text: str) -> list[str]:
    """The cues that cues.may_match rules out for ``text`` although they match it."""
    scanned = scanned_if_ascii(text)
    if scanned is None:
        return []
    return [name for name, cue in CASE_FREE_CUES if cue.search(text) and not cues.may_match(cue, scanned)]


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_no_cue_that_matches_a_sentence_of_the_corpora_is_ruled_out(text: str) -> None:
    for sentence in body_sentences(text):
        assert _cues_ruled_out_though_they_match(sentence.text) == []


@pytest.mark.property
@given(cue_texts)
def test_no_cue_that_matches_generated_text_is_ruled_out(text: str) -> None:
    assert _cues_ruled_out_though_they_match(text) == []


# The drafting and status stages' own patterns that a sentence's layer rules out before trying them.
STAGE_PATTERNS = [
    *(pattern for patterns in status._PREDICATES.values() for pattern, _ in patterns),
    status._LEAVES_BEFORE,
    status._CHOSE_TO,
    status._TRAVELLED_TO_DO,
    attach._ALSO_INCLUDES,
    cues.LEADS_DELEGATION,
]
STAGE_TEXTS = [
    "Brandt's visit to Lima, his first in office, began on Sunday.",
    "The talks between Brandt and Mireles, which will last an hour, begin on Tuesday.",
    "The summit is scheduled to open in Hanoi.",
    "The group, which also includes Sen. Ito, is set to land in Taipei.",
    "Rep. Dana Whitfield will lead a bipartisan delegation to Tokyo.",
    "Hale will leave the G7 summit early before his scheduled meeting with Varga.",
    "Okafor chose to visit Seoul first, and she flew to New York to see Hale.",
]


def _stage_patterns_ruled_out_though_they_match(sentence: str) -> list[str]:
    """The stage patterns ruled out for ``sentence`` that match it, or a part of it up to a word.

    Those ending in "$" are searched up to a trigger: each word's start stands for one.
    """
    scanned = scanned_if_ascii(sentence)
    if scanned is None:
        return []
    ends = [len(sentence), *(match.end() for match in re.finditer(r"\s+", sentence))]
    return [
        pattern.pattern
        for pattern in STAGE_PATTERNS
        if any(pattern.search(sentence, 0, end) for end in ends) and not cues.may_match(pattern, scanned)
    ]


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_no_stage_pattern_that_matches_a_sentence_of_the_corpora_is_ruled_out(text: str) -> None:
    for sentence in body_sentences(text):
        assert _stage_patterns_ruled_out_though_they_match(sentence.text) == []


def test_no_stage_pattern_is_ruled_out_of_its_examples() -> None:
    for text in STAGE_TEXTS:
        assert _stage_patterns_ruled_out_though_they_match(text) == []
    # Each pattern matches one of them, up to a word.
    for pattern in STAGE_PATTERNS:
        assert any(
            pattern.search(text, 0, match.end())
            for text in STAGE_TEXTS
            for match in re.finditer(r"\S+\s+", text)
        ), pattern.pattern


def test_a_cue_is_ruled_out_by_a_text_without_its_words() -> None:
    assert cues.may_match(cues.CANCEL, scanned_text("The visit was postponed until the spring."))
    assert not cues.may_match(cues.CANCEL, scanned_text("Okafor met Varga in Lagos on Monday."))


def test_each_cue_asked_of_a_text_gets_the_answer_of_its_own_phrases() -> None:
    # One pass over a text tells every cue asked so far; a text asked again, or a cue asked later, the same.
    first = scanned_text("The visit was postponed, and they will not hold regular talks.")
    second = scanned_text("Okafor met Varga in Lagos on Monday.")
    asked = (cues.CANCEL, cues.NEGATED, cues.HABITUAL, cues.WISH, cues.TRIP_ENDED, cues.BILATERAL)
    for text in (first, second, first, "", second):
        for cue in asked:
            assert cues.may_match(cue, text) == cues._search_of(cue).may_match(text), (cue.pattern, text)
    assert cues.may_match(cues.CANCEL, first)
    assert not cues.may_match(cues.CANCEL, second)


# --------------------------------------------------------------------------- clause breaks

CLAUSE_WORDS = [
    "Okafor", "met", "Lee", ",", ", who", ", which", "said", "; ", " — ", "as", "Varga", "and", "agreed",
    "according to officials", ",", "while", "the", "visit", "talks", "before", "holding", "then",
]  # fmt: skip
clause_sentences = st.lists(st.sampled_from(CLAUSE_WORDS), min_size=1, max_size=30).map(" ".join)


def _naive_left(text: str, start: int) -> int:
    """The clause start as first written: every break before the trigger, asides skipped."""
    left = 0
    for match in clauses.CLAUSE_BREAK.finditer(text):
        if match.end() > start:
            break
        closed = re.match(r",\s+(?:who|which|whose)\b", match.group()) and "," in text[match.end() : start]
        if not closed:
            left = match.end()
    return left


def _naive_right(text: str, end: int) -> int:
    following = clauses.CLAUSE_BREAK.search(text, end)
    return len(text) if following is None else following.start()


@pytest.mark.property
@given(clause_sentences, st.data())
def test_clause_breaks_found_once_agree_with_searching_each_time(text: str, data: st.DataObject) -> None:
    breaks = clauses.ClauseBreaks(text)
    position = data.draw(st.integers(0, len(text)))
    assert breaks.left_of(position) == _naive_left(text, position)
    assert breaks.right_of(position) == _naive_right(text, position)


def test_every_clause_break_opens_where_the_guarded_search_looks() -> None:
    """ClauseBreaks searches only where a break can open: each alternative must open there."""
    words = r"\b(?:(?:said|says|told\s+\w+|announced|reported|added|noted|stated)\b"
    concession = r"^\s*(?:Despite|Notwithstanding|Regardless\s+of)\b"
    for alternative in triggers._top_level_alternatives(clauses.CLAUSE_BREAK.pattern):
        assert alternative.startswith((";", ",", r"\s", words, concession)), alternative
    assert r"|according\s+to\b[^,]*,|as\s+(?=[A-Z]))" in clauses.CLAUSE_BREAK.pattern  # the other words
    opening = re.compile(clauses._BREAK_OPENING)
    firsts = ["said", "told", "announced", "reported", "added", "noted", "according", "as", "Despite"]
    for start in [";", ",", " ", "\n", *firsts, "Notwithstanding", "Regardless"]:
        assert opening.match(start), start


@pytest.mark.parametrize("text", CORPUS_TEXTS, ids=lambda text: text[:30])
def test_the_guarded_search_finds_the_clause_breaks_of_the_corpora(text: str) -> None:
    guarded = [match.span() for match in clauses._GUARDED_CLAUSE_BREAK.finditer(text)]
    assert guarded == [match.span() for match in clauses.CLAUSE_BREAK.finditer(text)]


def test_long_sentences_are_read_in_pieces_with_their_offsets() -> None:
    text = "Officials met, " * 200 + "and Okafor met Lee."
    sentences = body_sentences(text)
    assert len(sentences) > 1
    assert all(len(sentence.text) <= LONGEST_SENTENCE for sentence in sentences)
    assert all(text[s.start : s.end] == s.text for s in sentences)
    assert "".join(s.text for s in sentences).replace(" ", "") == text.replace(" ", "")


# --------------------------------------------------------------------------- venue clauses and page parts


@pytest.mark.property
@given(st.from_regex(cues.VENUE_CLAUSE))
def test_every_venue_clause_has_a_venue_word(text: str) -> None:
    """A sentence, or the stretch after a noun, without one of the words is not searched for venue clauses."""
    match = cues.VENUE_CLAUSE.search(text)
    assert match is not None
    assert any(word in match.group().casefold() for word in timing._VENUE_WORDS)


@pytest.mark.parametrize(
    "text",
    [
        "Summit set for June 20",
        "a dialogue, which is now expected to take place in Oslo",
        "THE TALKS HAPPENED",
    ],
)
def test_venue_clauses_of_real_wordings_have_a_venue_word(text: str) -> None:
    match = cues.VENUE_CLAUSE.search(text)
    assert match is not None
    assert any(word in match.group().casefold() for word in timing._VENUE_WORDS)


@pytest.mark.property
@given(st.from_regex(text_module._LIST_HEADER, fullmatch=True))
def test_a_list_header_has_few_words(line: str) -> None:
    """A line of more words is not matched against the list headers."""
    assert len(text_module._WORD.findall(line.strip())) <= text_module._LIST_HEADER_WORDS
