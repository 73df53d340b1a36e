r"""The document gate: a quick scan of a document to tell whether it can report an engagement at all.

In a news crawl perhaps one page in twenty is about an engagement between
officials. The gate lets the others go before the extractor reads them. It
runs Aho-Corasick automata (`pyahocorasick
<https://pyahocorasick.readthedocs.io>`_) over the document's words
(:func:`scanned_text`: lower-cased, every run of characters that are no
letters or digits made one space) and passes the document when it finds

* an **engagement cue**: for at least one trigger pattern of the built-in
  rules (:mod:`alliancekit.rules.triggers`), one of the phrases of each set
  that every match of the pattern must contain (``" met "``, ``"by phone"``,
  ``"held talks"``...). The phrases are read off the patterns themselves by
  :func:`required_literals`, so the gate follows the patterns as they
  change; and
* an **actor cue**: a person of the knowledge base by full name or alias,
  or by surname after a title ("President Lee"); or a country's name or
  demonym (the lexicon of the rules, :mod:`alliancekit.rules.lexicon`) with
  the head of an office title within :data:`OFFICE_REACH` characters
  ("Japanese Foreign Minister", "South Korea's president", "U.S. officials":
  the title heads of the lexicon),

each within a sentence's reach of the other (:data:`REACH` characters).
Every event of the built-in extractor comes from a trigger whose clause
names its participants; in news of diplomacy a participant is a known
person, or comes with the office and the country they speak for. A country
alone is no actor cue: "Japan will meet Australia in the final" is sport.
Actor cues are rarer than engagement wording, so they are looked for
first, and a document without any is let go at once.

The gate is a filter for speed, and it errs on the side of reading: a
pattern so loose that it requires no phrase of three letters or more counts
on the story's other wordings. It is tested on every annotated corpus of the
project, none of whose documents with an event it ever holds back.

>>> from alliancekit.actors import KnowledgeBase
>>> gate = DocumentGate.build(KnowledgeBase())
>>> gate.passes("Japanese Foreign Minister Toshimitsu Motegi met U.S. Secretary of State Marco Rubio.")
True
>>> gate.passes("The company's board met on Monday and approved the dividend; shares rose 2 percent.")
False
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from alliancekit.actors import KnowledgeBase

__all__ = ["OFFICE_REACH", "REACH", "DocumentGate", "required_literals", "scanned_text"]

REACH = 200
"""How far apart, in characters of the scanned text, an engagement cue and an actor cue may be."""

OFFICE_REACH = 60
"""How far from a country an office word must stand for the country to name an official's side."""

# The fewest letters a phrase must hold to be worth looking for: "in", "to" are in every text.
_MIN_LETTERS = 3
# The most strings an alternation or a run of literals is spelled out into.
_MAX_EXACT = 64
_NOT_WORD = re.compile(r"\W+")
_WORD_CHARACTER = re.compile(r"\w")


# For text whose word characters are all ASCII: each byte as the scanned text has it, a word
# character in lower case and any other character (a non-ASCII one encodes as "?") a space.
_ASCII_SCAN = bytes(
    ord(chr(code).lower()) if code < 128 and _WORD_CHARACTER.match(chr(code)) else ord(" ")
    for code in range(256)
)
_NON_ASCII_WORD_CHARACTER = re.compile(r"[^\W\x00-\x7f]")


def scanned_text(text: str) -> str:
    """A text as the gate reads it: lower case, each run of non-word characters one space, spaced at the ends.

    >>> scanned_text("Abe met Lee (in Seoul), on Monday.")
    ' abe met lee in seoul on monday '
    >>> scanned_text("“Café” talks—in Seoul")
    ' café talks in seoul '
    """
    if text.isascii() or _NON_ASCII_WORD_CHARACTER.search(text) is None:
        # The same text, made with byte operations: its letters are ASCII, its other characters spaces.
        words = text.encode("ascii", "replace").translate(_ASCII_SCAN).split()
        return f" {b' '.join(words).decode('ascii')} "
    return f" {_NOT_WORD.sub(' ', text).strip().lower()} "


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
    of which the scanned text holds at least one, set by set.
    """

    exact: frozenset[str] | None
    required: tuple[frozenset[str], ...] = ()


_ANYTHING = _Facts(None)
_EMPTY = _Facts(frozenset([""]))
_SPACE = _Facts(frozenset([" "]))


def _letters(option: str) -> int:
    return len(option.replace(" ", ""))


def _score(options: Iterable[str]) -> tuple[int, int]:
    """How selective a set of options is: more letters in the shortest first, then fewer options."""
    listed = list(options)
    return (min((_letters(option) for option in listed), default=0), -len(listed))


def _best(facts: _Facts) -> frozenset[str] | None:
    """The most selective single set of strings one of which the text around a match holds, if any."""
    candidates = [*facts.required, *_exact_set(facts)]
    candidates = [options for options in candidates if options and "" not in options]
    return max(candidates, key=_score) if candidates else None


def _exact_set(facts: _Facts) -> tuple[frozenset[str], ...]:
    if facts.exact is None or "" in facts.exact or " " in facts.exact:
        return ()
    return (facts.exact,)


def _product(left: frozenset[str], right: frozenset[str]) -> frozenset[str] | None:
    if len(left) * len(right) > _MAX_EXACT:
        return None
    return frozenset(_join(a, b) for a in left for b in right)


def _sequence(items: Sequence[_Facts]) -> _Facts:
    """Pieces one after another: runs of exact pieces spell out phrases."""
    required: list[frozenset[str]] = []
    nothing = frozenset([""])
    run: frozenset[str] = nothing
    exact: frozenset[str] | None = nothing
    for facts in items:
        required.extend(facts.required)
        if facts.exact is None:
            required.extend(_exact_set(_Facts(run)))
            run, exact = nothing, None
            continue
        grown = _product(run, facts.exact)
        if grown is None:  # too many spellings: keep what the run had, start afresh
            required.extend(_exact_set(_Facts(run)))
            grown = facts.exact
        run = grown
        exact = _product(exact, facts.exact) if exact is not None else None
    required.extend(_exact_set(_Facts(run)))
    return _Facts(exact, tuple(required))


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
    return _Facts(exact, required)


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
    return _Facts(None, (*facts.required, best) if best else facts.required)


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


def required_literals(pattern: str | re.Pattern[str]) -> tuple[frozenset[str], ...] | None:
    r"""Sets of phrases such that the scanned text of any match of ``pattern`` holds one phrase of each set.

    Read off the pattern's syntax, on :func:`scanned_text`: literal runs
    (with the spaces that white space and word boundaries become),
    alternations, repeats and lookarounds that must match; optional parts
    and broad character classes ask for nothing. Sets with a phrase of fewer
    than three letters are left out, as they say nothing of a text. ``None``
    when nothing is left: the pattern may match a text without any
    particular phrase.

    >>> [sorted(options) for options in required_literals(r"\b(?:held|had)\s+(?:tele)?phone\s+talks")]
    [[' had phone talks', ' had telephone talks', ' held phone talks', ' held telephone talks']]
    >>> required_literals(r"\b\w+\s+in\b") is None
    True
    """
    return _required_literals_of(pattern.pattern if isinstance(pattern, re.Pattern) else pattern)


@functools.lru_cache(maxsize=1024)
def _required_literals_of(source: str) -> tuple[frozenset[str], ...] | None:
    """:func:`required_literals` of a source, read once: the gate and the trigger finder both ask."""
    from re import _parser as parser  # type: ignore[attr-defined]

    facts = _analyse(parser.parse(source))
    sets = [*facts.required, *_exact_set(facts)]
    useful = {
        _minimal(options)
        for options in sets
        if options and min(_letters(option) for option in options) >= _MIN_LETTERS
    }
    kept = [options for options in useful if not _implied(options, useful)]
    return tuple(sorted(kept, key=sorted)) or None


def _trigger_patterns() -> list[str]:
    """The sources of the built-in rules' trigger patterns."""
    from alliancekit.rules import triggers

    return triggers.pattern_sources()


# Country forms that, lower-cased, are everyday words: "US" is "us".
_AMBIGUOUS_COUNTRY_FORMS = frozenset(["us", "us's", "us’s"])


def _scanned_phrases(words: Iterable[str]) -> set[str]:
    scanned = (scanned_text(word) for word in words)
    return {word for word in scanned if _letters(word) >= _MIN_LETTERS}


def _person_words(knowledge_base: KnowledgeBase) -> set[str]:
    """The people of the knowledge base, as scanned text.

    A person by full name or alias, or by surname right after an office
    title, rank or honorific ("President Doe", "Mr. Roe"), as the rules
    resolve a surname.
    """
    from alliancekit.rules import lexicon

    titles = set(lexicon.TITLE_HEADS) | set(lexicon.RANK_WORDS)
    titles |= set(lexicon.HONORIFICS) - set(lexicon.FUNCTION_WORDS)  # "his", "her" are no titles
    words: set[str] = set()
    for record in knowledge_base.actors():
        words.update((record.name, *record.aliases))
        words.update(f"{title} {record.surname}" for title in titles)
    return _scanned_phrases(words)


def _country_words() -> set[str]:
    """Countries by name or demonym, as scanned text."""
    from alliancekit.rules import lexicon

    words = set(lexicon.country_names()) | set(lexicon.country_words())
    return _scanned_phrases(words - _AMBIGUOUS_COUNTRY_FORMS)


def _office_words() -> set[str]:
    """The heads of office titles ("minister", "president", "envoy"), as scanned text."""
    from alliancekit.rules import lexicon

    return _scanned_phrases(lexicon.TITLE_HEADS)


# The kinds of actor cue a phrase is, as bits: a phrase may be of several.
_PERSON, _COUNTRY, _OFFICE = 1, 2, 4


@attrs.frozen
class DocumentGate:
    """Aho-Corasick scans telling whether a document may report an engagement; see the module.

    The actor cues are looked for first, in an automaton of their own: few
    documents name a known person, or a country with an office beside it,
    and the others are passed over without their engagement cues, which
    everyday news is full of ("met", "talks", "called"), being read at all.

    Build one with :meth:`build`; :meth:`passes` may be called from
    several threads.
    """

    _actor_automaton: Any
    """The actor cues: each phrase's length and its kinds (``_PERSON | _COUNTRY | _OFFICE``)."""
    _cue_automaton: Any
    """The engagement cues: each phrase's length and its bit."""
    _patterns: tuple[tuple[int, ...], ...]
    """For each trigger pattern, one bit mask per set of phrases it requires."""
    _anchors: tuple[int, ...]
    """For each trigger pattern, the mask of its most selective set: where the trigger is."""

    @classmethod
    def build(cls, knowledge_base: KnowledgeBase, patterns: Iterable[str] | None = None) -> DocumentGate:
        """The gate for the built-in trigger patterns (or ``patterns``) and a knowledge base's people."""
        import ahocorasick

        sources = list(patterns) if patterns is not None else _trigger_patterns()
        phrases: dict[str, int] = {}

        def mask(options: Iterable[str]) -> int:
            bits = 0
            for phrase in options:
                bits |= 1 << phrases.setdefault(phrase, len(phrases))
            return bits

        requirements = [required for required in map(required_literals, sources) if required is not None]
        pattern_masks = tuple(tuple(mask(options) for options in required) for required in requirements)
        anchors = tuple(mask(max(required, key=_score)) for required in requirements)
        cue_automaton = ahocorasick.Automaton()
        for phrase, index in phrases.items():
            cue_automaton.add_word(phrase, (len(phrase), 1 << index))
        cue_automaton.make_automaton()
        kinds: dict[str, int] = {}
        for kind, words in (
            (_PERSON, _person_words(knowledge_base)),
            (_COUNTRY, _country_words()),
            (_OFFICE, _office_words()),
        ):
            for phrase in words:
                kinds[phrase] = kinds.get(phrase, 0) | kind
        actor_automaton = ahocorasick.Automaton()
        for phrase, kind in kinds.items():
            actor_automaton.add_word(phrase, (len(phrase), kind))
        actor_automaton.make_automaton()
        return cls(actor_automaton, cue_automaton, pattern_masks, anchors)

    def passes(self, text: str) -> bool:
        """Whether ``text`` has an engagement cue and an actor cue within :data:`REACH` of each other."""
        scanned = scanned_text(text)
        persons: list[int] = []
        countries: list[int] = []
        offices: list[int] = []
        for end, (length, kinds) in self._actor_automaton.iter(scanned):
            start = end - length + 1
            if kinds & _PERSON:
                persons.append(start)
            if kinds & _COUNTRY:
                countries.append(start)
            if kinds & _OFFICE:
                offices.append(start)
        if not persons and not (countries and offices):
            return False
        actors = persons + [start for start in countries if _near([start], offices, OFFICE_REACH)]
        if not actors:
            return False
        actors.sort()
        hits: list[tuple[int, int]] = []
        found = 0
        for end, (length, bit) in self._cue_automaton.iter(scanned):
            hits.append((end - length + 1, bit))
            found |= bit
        anchors = 0
        for required, anchor in zip(self._patterns, self._anchors, strict=True):
            # A pattern's anchor is one of its sets: without it in the text, the pattern cannot match.
            if found & anchor and anchor & ~anchors and all(found & options for options in required):
                anchors |= anchor
        if not anchors:
            return False
        cues = [start for start, bit in hits if bit & anchors]
        return _near(cues, actors, REACH)


def _near(cues: list[int], actors: list[int], reach: int) -> bool:
    """Whether a position of ``cues`` is at most ``reach`` from a position of ``actors`` (both sorted)."""
    index = 0
    for cue in cues:
        while index < len(actors) and actors[index] < cue - reach:
            index += 1
        if index < len(actors) and actors[index] <= cue + reach:
            return True
    return False
