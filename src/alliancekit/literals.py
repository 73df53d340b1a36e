r"""The phrases a regular expression's matches must hold, and text in the form they are looked for in.

Two fast filters stand on this: the document gate
(:mod:`alliancekit.io.gate`), which skips documents that hold no
engagement wording, and the rules' trigger finder
(:class:`alliancekit.rules.triggers.TriggerFinder`), which tries a trigger
pattern on a sentence only when the sentence holds the phrases every match
of the pattern holds. Both compare :func:`required_literals` of a pattern
with :func:`scanned_text` of the text.

>>> [sorted(options) for options in required_literals(r"\bmet\s+with\b")]
[[' met with ']]
>>> " met with " in scanned_text("Okafor met with Varga.")
True
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "MIN_LETTERS",
    "PARAGRAPH_BREAK",
    "ascii_words",
    "letters",
    "required_literals",
    "scanned_if_ascii",
    "scanned_paragraphs",
    "scanned_text",
    "selectivity",
]

MIN_LETTERS = 3
"""The fewest letters a phrase must hold to be worth looking for: "in", "to" are in every text."""

# The most strings an alternation or a run of literals is spelled out into.
_MAX_EXACT = 64
_NOT_WORD = re.compile(r"\W+")
_SPACES = re.compile(rb"  +")
_WORD_CHARACTER = re.compile(r"\w")


# For text whose word characters are all ASCII: each byte as the scanned text has it, a word
# character in lower case and any other character (a non-ASCII one encodes as "?") a space.
_ASCII_SCAN = bytes(
    ord(chr(code).lower()) if code < 128 and _WORD_CHARACTER.match(chr(code)) else ord(" ")
    for code in range(256)
)
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\x00-\x7f]")

PARAGRAPH_BREAK = "|"
"""What stands for the end of a paragraph in :func:`scanned_paragraphs`."""

# A blank line (white space between two line ends) and the white space after it: a paragraph's end.
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_BLANK_LINE_BYTES = re.compile(rb"\n[^\S\n]*\n\s*")
# As _ASCII_SCAN, but NUL, put in for a paragraph's end, is the break's mark.
_ASCII_SCAN_PARAGRAPHS = PARAGRAPH_BREAK.encode("ascii") + _ASCII_SCAN[1:]
_NOT_WORD_OR_NUL = re.compile(r"[^\w\x00]+")


def scanned_text(text: str) -> str:
    """A text as the phrase filters read it: lower case, each run of non-word characters one space.

    >>> scanned_text("Okafor met Varga (in Seoul), on Monday.")
    ' okafor met varga in seoul on monday '
    >>> scanned_text("“Café” talks—in Seoul")
    ' café talks in seoul '
    """
    scanned = scanned_if_ascii(text)
    return f" {_NOT_WORD.sub(' ', text).strip().lower()} " if scanned is None else scanned


def scanned_paragraphs(text: str) -> str:
    r""":func:`scanned_text`, with each paragraph's end marked by :data:`PARAGRAPH_BREAK`, spaced like a word.

    Paragraphs end at blank lines; a line wrapped at a width does not end one.
    No phrase of the scanned text is found across a paragraph's end.

    >>> scanned_paragraphs("Talks in Seoul.\n\nRivals in France, too.\nMore.")
    ' talks in seoul | rivals in france too more '
    """
    if ascii_words(text):
        raw = text.encode("ascii", "replace")
        if b"\n" in raw:
            raw = _BLANK_LINE_BYTES.sub(b" \x00 ", raw)
        return f" {_SPACES.sub(b' ', raw.translate(_ASCII_SCAN_PARAGRAPHS)).strip().decode('ascii')} "
    marked = _BLANK_LINE.sub(" \x00 ", text) if "\n" in text else text
    return f" {_NOT_WORD_OR_NUL.sub(' ', marked).strip().lower().replace(chr(0), PARAGRAPH_BREAK)} "


def scanned_if_ascii(text: str) -> str | None:
    """:func:`scanned_text` of a text whose word characters are all ASCII; ``None`` for another text.

    For the filters that must not trust the scanned text of other text:
    ignoring case, a pattern's "s" matches "ſ", which the scanned text keeps.

    >>> scanned_if_ascii("“Talks” in Seoul—today")
    ' talks in seoul today '
    >>> scanned_if_ascii("Talks in Zürich") is None
    True
    """
    if ascii_words(text):
        # Made with byte operations: its letters are ASCII, its other characters spaces, each run of
        # them one space (a regular expression does that quicker than splitting into words).
        spaced = text.encode("ascii", "replace").translate(_ASCII_SCAN)
        return f" {_SPACES.sub(b' ', spaced).strip().decode('ascii')} "
    return None


def ascii_words(text: str) -> bool:
    """Whether every word character of ``text`` (letter, digit, "_") is ASCII.

    Only then do lower case and :func:`scanned_text` stand for every case a
    pattern that ignores case matches: folding case, its "s" matches "ſ" and
    its "k" the Kelvin sign, which lower-casing keeps apart.

    >>> ascii_words("“Talks” in Seoul—today"), ascii_words("Talks in Zürich")
    (True, False)
    """
    return text.isascii() or _NON_ASCII_WORD_CHARACTER.search(text) is None


def _join(left: str, right: str) -> str:
    """Two pieces of scanned text, one after the other: a space between them is one space."""
    if left.endswith(" ") and right.startswith(" "):
        return left + right[1:]
    return left + right


@attrs.frozen
class _Facts:
    """What a piece of a regular expression tells about the scanned text around its matches.

    ``exact``: every string the piece can match, as scanned text, when
    they are few; ``None`` when they are not. ``required``: sets of strings
    of which the scanned text holds at least one, set by set. ``starts``:
    strings one of which every match begins with, when they are few and
    ``exact`` is not known (" is" for "is (?:now )?expected"), so that what
    comes before the piece joins them (" is", not "is", after a word boundary).
    """

    exact: frozenset[str] | None
    required: tuple[frozenset[str], ...] = ()
    starts: frozenset[str] | None = None


_ANYTHING = _Facts(None)
_EMPTY = _Facts(frozenset([""]))
_SPACE = _Facts(frozenset([" "]))


def letters(option: str) -> int:
    """The letters and digits of a phrase of scanned text: spaces do not count.

    >>> letters(" met with ")
    7
    """
    return len(option.replace(" ", ""))


def selectivity(options: Iterable[str]) -> tuple[int, int]:
    """How selective a set of options is: more letters in the shortest first, then fewer options."""
    listed = list(options)
    return (min((letters(option) for option in listed), default=0), -len(listed))


def _best(facts: _Facts) -> frozenset[str] | None:
    """The most selective single set of strings one of which the text around a match holds, if any."""
    candidates = [*facts.required, *_exact_set(facts)]
    candidates = [options for options in candidates if options and "" not in options]
    return max(candidates, key=selectivity) if candidates else None


def _exact_set(facts: _Facts) -> tuple[frozenset[str], ...]:
    if facts.exact is None or "" in facts.exact or " " in facts.exact:
        return ()
    return (facts.exact,)


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_EXACT:
        return None
    return frozenset(_join(a, b) for a in left for b in right)


def _starts(facts: _Facts) -> frozenset[str] | None:
    """The strings one of which every match of a piece begins with, if known and none is empty."""
    starts = facts.exact if facts.exact is not None else facts.starts
    return None if starts is None or "" in starts else starts


def _sequence(items: Sequence[_Facts]) -> _Facts:
    """Pieces one after another: runs of exact pieces spell out phrases, joined to how the next one starts."""
    required: list[frozenset[str]] = []
    nothing = frozenset([""])
    run: frozenset[str] = nothing
    exact: frozenset[str] | None = nothing
    starts: frozenset[str] | None = None  # how the sequence starts, once a piece that is not exact ends it
    for facts in items:
        required.extend(facts.required)
        if facts.exact is None:
            following = _starts(facts)
            joined = _product(run, following) if following is not None else None
            required.extend(_exact_set(_Facts(run if joined is None else joined)))
            if exact is not None:
                starts = joined if joined is not None else _starts(_Facts(exact))
            run, exact = nothing, None
            continue
        grown = _product(run, facts.exact)
        if grown is None:  # too many spellings: keep what the run had, start afresh
            required.extend(_exact_set(_Facts(run)))
            if exact is not None:
                starts = _starts(_Facts(exact))
            grown = facts.exact
        run = grown
        exact = _product(exact, facts.exact) if exact is not None else None
    required.extend(_exact_set(_Facts(run)))
    return _Facts(exact, tuple(required), None if exact is not None else starts)


def _branch(alternatives: Sequence[_Facts]) -> _Facts:
    """Alternatives: each match holds what one of them requires."""
    exact: frozenset[str] | None = frozenset()
    for facts in alternatives:
        if facts.exact is None or exact is None or len(exact) + len(facts.exact) > _MAX_EXACT:
            exact = None
            break
        exact = exact | facts.exact
    bests = [_best(facts) for facts in alternatives]
    required: tuple[frozenset[str], ...] = ()
    if all(best is not None for best in bests):
        required = (frozenset(itertools.chain.from_iterable(best for best in bests if best is not None)),)
    starts: frozenset[str] | None = frozenset() if exact is None else None  # exact tells how it starts
    for facts in alternatives:
        options = _starts(facts)
        if starts is None or options is None or len(starts) + len(options) > _MAX_EXACT:
            starts = None
            break
        starts = starts | options
    return _Facts(exact, required, starts)


def _character(code: int) -> str:
    character = chr(code)
    return character.lower() if _WORD_CHARACTER.match(character) else " "


def _characters(items: Sequence[tuple[Any, Any]]) -> _Facts:
    """A character class: the characters it lists, when it lists a few and nothing else."""
    from re import _constants as codes  # type: ignore[attr-defined]

    characters = set()
    for opcode, value in items:
        if opcode is codes.LITERAL:
            characters.add(_character(value))
        elif opcode is codes.CATEGORY and value in (codes.CATEGORY_SPACE, codes.CATEGORY_NOT_WORD):
            characters.add(" ")
        else:
            return _ANYTHING
    return _Facts(frozenset(characters)) if characters else _ANYTHING


def _analyse(parsed: Iterable[tuple[Any, Any]]) -> _Facts:
    from re import _constants as codes  # type: ignore[attr-defined]

    items: list[_Facts] = []
    for opcode, value in parsed:
        if opcode is codes.LITERAL:
            items.append(_Facts(frozenset([_character(value)])))
        elif opcode is codes.SUBPATTERN:
            items.append(_analyse(value[-1]))
        elif opcode is codes.ATOMIC_GROUP:
            items.append(_analyse(value))
        elif opcode is codes.BRANCH:
            items.append(_branch([_analyse(alternative) for alternative in value[1]]))
        elif opcode in (codes.MAX_REPEAT, codes.MIN_REPEAT, codes.POSSESSIVE_REPEAT):
            items.append(_repeat(*value))
        elif opcode is codes.IN:
            items.append(_characters(value))
        elif opcode is codes.CATEGORY and value in (codes.CATEGORY_SPACE, codes.CATEGORY_NOT_WORD):
            items.append(_SPACE)
        elif opcode is codes.AT and value is codes.AT_BOUNDARY:
            items.append(_SPACE)  # next to a letter, a word boundary is a space of the scanned text
        elif opcode is codes.ASSERT:
            # A lookaround that must match: what it requires is in the text, though not in the match.
            inner = _analyse(value[1])
            items.append(_Facts(frozenset([""]), (*inner.required, *_exact_set(inner))))
        elif opcode in (codes.AT, codes.ASSERT_NOT):
            items.append(_EMPTY)  # zero width: nothing of its own in the match
        else:  # any character, a word or digit category, a back reference, a negated literal
            items.append(_ANYTHING)
    return _sequence(items)


def _repeat(low: int, high: int, inner: Iterable[tuple[Any, Any]]) -> _Facts:
    facts = _analyse(inner)
    if facts.exact == _SPACE.exact:  # a run of white space is one space of the scanned text
        return _SPACE if low else _Facts(frozenset(["", " "]))
    if low == 0:
        return _Facts(facts.exact | {""} if high == 1 and facts.exact is not None else None)
    if low == high == 1:
        return facts
    best = _best(facts)
    return _Facts(None, (*facts.required, best) if best else facts.required, _starts(facts))


def _implied(options: frozenset[str], others: Iterable[frozenset[str]]) -> bool:
    """Whether another set makes ``options`` redundant: each of its strings contains one of ``options``."""
    return any(
        other != options and all(any(option in string for option in options) for string in other)
        for other in others
    )


def _minimal(options: frozenset[str]) -> frozenset[str]:
    """The options without those that contain another: finding " phone" is enough for " telephone"."""
    result: list[str] = []
    for option in sorted(options, key=len):
        if not any(shorter in option for shorter in result):
            result.append(option)
    return frozenset(result)


def required_literals(
    pattern: str | re.Pattern[str], min_letters: int = MIN_LETTERS
) -> tuple[frozenset[str], ...] | None:
    r"""Sets of phrases such that the scanned text of any match of ``pattern`` holds one phrase of each set.

    Read off the pattern's syntax, on :func:`scanned_text`: literal runs
    (with the spaces that white space and word boundaries become),
    alternations, repeats and lookarounds that must match; optional parts
    and broad character classes ask for nothing. Sets with a phrase of fewer
    than ``min_letters`` letters are left out, as they say nothing of a text
    (three letters by default: "in", "to" are in every text). ``None``
    when nothing is left: the pattern may match a text without any
    particular phrase.

    >>> [sorted(options) for options in required_literals(r"\b(?:held|had)\s+(?:tele)?phone\s+talks")]
    [[' had phone talks', ' had telephone talks', ' held phone talks', ' held telephone talks']]
    >>> required_literals(r"\b\w+\s+in\b") is None
    True
    >>> [sorted(options) for options in required_literals(r"\b2\s*\+\s*2\b", min_letters=2)]
    [[' 2 2 ']]

    What comes before a part that is not spelled out whole joins the ways it
    begins: " is ", not "is" (in "this"), after a word boundary.

    >>> [sorted(options) for options in required_literals(r"\b(?:is|are)\s+(?:\w+\s+)?due", min_letters=2)]
    [[' are ', ' is '], ['due']]
    """
    return _required_literals_of(pattern.pattern if isinstance(pattern, re.Pattern) else pattern, min_letters)


@functools.lru_cache(maxsize=1024)
def _required_literals_of(source: str, min_letters: int) -> tuple[frozenset[str], ...] | None:
    """:func:`required_literals` of a source, read once: the gate and the trigger finder both ask."""
    from re import _parser as parser  # type: ignore[attr-defined]

    facts = _analyse(parser.parse(source))
    sets = [*facts.required, *_exact_set(facts)]
    useful = {
        _minimal(options)
        for options in sets
        if options and min(letters(option) for option in options) >= min_letters
    }
    kept = [options for options in useful if not _implied(options, useful)]
    return tuple(sorted(kept, key=sorted)) or None
