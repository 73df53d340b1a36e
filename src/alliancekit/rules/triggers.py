"""Event triggers: the words that say a meeting, visit, call or invitation happens.

The patterns are data: the entries of the trigger lexicon,
``rules/data/triggers.toml``, which :mod:`alliancekit.rules.patterns` reads
and compiles. Each carries the event type and its form: ``verbal``
triggers ("met", "will visit") take their participants from the subject
before them and the object after; ``nominal`` ones ("Ibarra's visit to",
"talks between A and B", "a phone call between the two leaders") take them
from a possessor, or from ``between``/``with``/``by`` phrases.

>>> [(t.type.value, t.form, t.text) for t in find_triggers("Campbell met Okano on Jan. 16.", 0)]
[('meeting', 'verbal', 'met')]
"""

from __future__ import annotations

import bisect
import re

import ahocorasick
import attrs

from alliancekit.literals import required_literals, scanned_if_ascii
from alliancekit.model import EventType
from alliancekit.rules.patterns import Lexicon, builtin_lexicon

__all__ = ["Trigger", "TriggerFinder", "find_triggers", "leading_words", "pattern_sources"]


@attrs.frozen
class Trigger:
    """One trigger found in a sentence (offsets are document offsets).

    ``hosting`` marks triggers whose subject is the host ("hosted",
    "welcomed"); ``needs_person_object`` those that count only when a person
    follows ("received X", "welcomed X"); ``destination`` those whose object
    is a place ("visited Guam", "trip to Japan"); ``abroad`` those that are
    a visit only to another country than the visitor's ("return to Japan" is
    a trip for a U.S. president, a homecoming for a Japanese minister);
    ``proposal`` those that propose an engagement ("proposed a summit");
    ``traveller_inside`` those that name the traveller within or just before
    themselves ("take him to", "Ibarra's final destination will be").
    """

    type: EventType
    form: str
    start: int
    end: int
    text: str
    hosting: bool = False
    needs_person_object: bool = False
    destination: bool = False
    invites_visit: bool = False
    needs_call_context: bool = False
    arrival: bool = False
    companion: bool = False
    abroad: bool = False
    proposal: bool = False
    traveller_inside: bool = False


_LITERAL_WORD = re.compile(r"[A-Za-z0-9]+")


def leading_words(source: str) -> frozenset[str] | None:
    r"""The words that every match of the pattern ``source`` begins with, case-folded.

    Read off the pattern's text, which must open each of its top-level
    alternatives with ``\b``: a leading word, or a leading group of
    alternatives each of which begins with a word; an optional group adds
    the words of what follows it. A character followed by ``?``, ``*`` or
    ``{`` is optional, so the word stops before it. When an alternative
    opens with anything else (a lookahead, a class, a repeated group) or
    lacks its ``\b``, the answer is ``None``: nothing is known, and the
    pattern always runs.

    >>> sorted(leading_words(r"\b(?:held|hold|talks?)\s+with"))
    ['held', 'hold', 'talk']
    >>> sorted(leading_words(r"\b(?:(?:tele)?phone|video)\s+call"))
    ['phone', 'tele', 'video']
    >>> leading_words(r"\bvideo-?conference|virtual") is None
    True

    Look-behinds match no characters, so the words are those after them:

    >>> sorted(leading_words(r"(?<!so-)\b(?:met|(?:(?<=is )|(?<=was ))meeting)"))
    ['meeting', 'met']
    """
    alternatives = _top_level_alternatives(source)
    if not all(
        alternative.startswith(r"\b", _past_look_behinds(alternative, 0)) for alternative in alternatives
    ):
        return None
    found = _leading(source, 0)
    return None if found is None else frozenset(word.casefold() for word in found[0])


def _leading(source: str, position: int) -> tuple[set[str], int] | None:
    """The leading words of the alternatives from ``position`` to the closing parenthesis, and its index."""
    found: set[str] = set()
    while True:
        words = _leading_one(source, position)
        if words is None:
            return None
        found |= words
        position = _alternative_end(source, position)
        if position >= len(source) or source[position] == ")":
            return found, position
        position += 1  # past the "|"


def _leading_one(source: str, position: int) -> set[str] | None:
    """The words that one alternative, starting at ``position``, may begin with."""
    position = _past_look_behinds(source, position)
    if source.startswith(r"\b", position):
        position += 2
    position = _past_look_behinds(source, position)
    for opening in ("(?:", "(?i:"):
        if source.startswith(opening, position):
            inner = _leading(source, position + len(opening))
            if inner is None:
                return None
            close = inner[1]
            if close + 1 < len(source) and source[close + 1] in "*{":
                return None
            if close + 1 < len(source) and source[close + 1] == "?":
                rest = _leading_one(source, close + 2)  # an optional group: or what follows it
                return None if rest is None else inner[0] | rest
            return inner[0]
    match = _LITERAL_WORD.match(source, position)
    if match is None:
        return None
    word = match.group()
    if match.end() < len(source) and source[match.end()] in "?*{":
        word = word[:-1]
    return {word} if word else None


def _past_look_behinds(source: str, position: int) -> int:
    """Where ``source`` goes on after the look-behinds at ``position``, which match no characters.

    A group whose every alternative is look-behinds ("(?:(?<=is )|(?<=was ))")
    is skipped too.
    """
    while True:
        if source.startswith(("(?<=", "(?<!"), position):
            position = _group_end(source, position + 4) + 1
        elif source.startswith("(?:", position) and source.startswith(("(?<=", "(?<!"), position + 3):
            inner = position + 3
            while True:
                inner = _past_look_behinds(source, inner)
                if inner >= len(source) or source[inner] not in "|)":
                    return position  # an alternative that matches characters
                if source[inner] == ")":
                    break
                inner += 1
            position = inner + 1
        else:
            return position


def _group_end(source: str, position: int) -> int:
    """The index of the ``)`` that closes the group whose content starts at ``position``."""
    while True:
        position = _alternative_end(source, position)
        if position >= len(source) or source[position] == ")":
            return position
        position += 1


def _top_level_alternatives(source: str) -> list[str]:
    """``source`` split at the ``|`` that stand outside every group."""
    parts: list[str] = []
    position = 0
    while True:
        end = _alternative_end(source, position)
        parts.append(source[position:end])
        if end >= len(source):
            return parts
        if source[end] == ")":
            raise ValueError(f"unbalanced parenthesis at {end} in {source!r}")
        position = end + 1


def _alternative_end(source: str, position: int) -> int:
    """The index of the ``|`` or ``)`` that ends the alternative starting at ``position``."""
    depth = 0
    index = position
    while index < len(source):
        char = source[index]
        if char == "\\":
            index += 2
            continue
        if char == "[":
            index = source.index("]", index + 2)  # a class: "]" right after "[" is a member
        elif char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return index
            depth -= 1
        elif char == "|" and depth == 0:
            return index
        index += 1
    return index


@attrs.frozen
class _TriggerPattern:
    regex: re.Pattern[str]
    type: EventType
    form: str
    flags: dict[str, bool]
    words: frozenset[str] | None


def _requirements(pattern: _TriggerPattern) -> tuple[frozenset[str], ...]:
    """Sets of phrases of scanned text, one of each of which every sentence the pattern matches in holds."""
    required = required_literals(pattern.regex) or ()
    if pattern.words is None:
        # Nothing else would keep it from running on every sentence: shorter phrases ("2 2") will do.
        return required or required_literals(pattern.regex, min_letters=2) or ()
    starts = frozenset(f" {word}" for word in pattern.words)
    if any(_each_holds_one(options, starts) for options in required):
        # Each phrase of a set holds a leading word (" held talks with" holds " held"): looking for the
        # words too would tell nothing more, and short ones (" a", " to") begin many words of a sentence.
        return required
    # Shorter phrases may spell the words out whole (" go " for " go", which begins " government").
    shorter = required_literals(pattern.regex, min_letters=2) or ()
    words = next((options for options in shorter if _each_holds_one(options, starts)), starts)
    return (words, *required)


def _each_holds_one(phrases: frozenset[str], words: frozenset[str]) -> bool:
    """Whether each of ``phrases`` holds one of ``words``: finding one of them finds one of ``words``.

    >>> _each_holds_one(frozenset({" held talks", " hold talks"}), frozenset({" held", " hold"}))
    True
    >>> _each_holds_one(frozenset({" talks with"}), frozenset({" held", " hold"}))
    False
    """
    return all(any(word in phrase for word in words) for phrase in phrases)


_TEXT_WORD = re.compile(r"\w+")
# The patterns a text word lets run, remembered for the words seen (news has a bounded vocabulary).
_REMEMBERED_WORDS = 200_000


class TriggerFinder:
    """Finds the triggers of a lexicon's entries in sentences; :func:`find_triggers` uses the built-in one.

    Before running the patterns it asks which can match at all: a pattern
    whose leading words (:func:`leading_words`) begin no word of the
    sentence is skipped, and so is one lacking every phrase of a set that
    each of its matches holds (:func:`~alliancekit.literals.required_literals`:
    " joined by " for "was joined by"). The words and the phrases are looked
    for in one Aho-Corasick pass over the sentence's scanned text
    (:func:`~alliancekit.literals.scanned_text`, whose words are spaced, so
    " met" finds the words that begin with "met"). Each look-alike of the
    lexicon ("called off") takes its span first, so no trigger overlapping
    it is found.

    >>> from alliancekit.rules.patterns import parse_lexicon
    >>> finder = TriggerFinder(parse_lexicon('''
    ... [[trigger]]
    ... name = "broke-bread"
    ... type = "meeting"
    ... form = "verbal"
    ... pattern = "(broke|breaks) bread with"
    ... note = "a meal together"
    ... example = "broke bread with"
    ... '''))
    >>> [(t.type.value, t.text) for t in finder("Rubio broke bread with Motegi.", 0)]
    [('meeting', 'broke bread with')]
    """

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        self.patterns = [
            _TriggerPattern(
                re.compile(entry.source),
                entry.type,
                entry.form,
                dict.fromkeys(sorted(entry.flags), True),
                leading_words(entry.source),
            )
            for entry in lexicon.triggers
        ]
        self.look_alikes = re.compile(lexicon.look_alike_source)
        # Which patterns each leading word lets run; patterns with no known words always run.
        self._always = frozenset(
            index for index, pattern in enumerate(self.patterns) if pattern.words is None
        )
        self._enabled_by: dict[str, frozenset[int]] = {
            word: frozenset(
                index for index, pattern in enumerate(self.patterns) if word in (pattern.words or ())
            )
            for pattern in self.patterns
            for word in pattern.words or ()
        }
        self._word_lengths = sorted({len(word) for word in self._enabled_by})
        self._patterns_of_word: dict[str, frozenset[int]] = {}
        # What each pattern requires of a sentence's scanned text: sets of phrases, one of each of which
        # must be there (a word it begins with, as " " and the word, the scanned text spacing its words,
        # unless the phrases hold it; the phrases each of its matches holds). The automaton finds every
        # phrase of every set at once; each phrase tells which sets it meets, a bit per set of each pattern.
        requirements = [_requirements(pattern) for pattern in self.patterns]
        self._all_met = [(1 << len(sets)) - 1 for sets in requirements]
        self._unconditional = [index for index, sets in enumerate(requirements) if not sets]
        meets: dict[str, dict[int, int]] = {}
        for index, sets in enumerate(requirements):
            for position, options in enumerate(sets):
                for phrase in options:
                    met = meets.setdefault(phrase, {})
                    met[index] = met.get(index, 0) | 1 << position
        self._phrases = ahocorasick.Automaton()
        for phrase, met in meets.items():
            self._phrases.add_word(phrase, tuple(met.items()))
        if meets:
            self._phrases.make_automaton()

    def candidates(self, sentence: str) -> list[int]:
        """The indices, in order, of the patterns that can match in ``sentence``.

        A pattern with known leading words matches only at a word boundary,
        so where one of its words begins a word of the sentence (matched
        case-insensitively, as case folding may widen but never narrow a
        match).
        """
        chosen = set(self._always)
        for word in set(_TEXT_WORD.findall(sentence.casefold())):
            enabled = self._patterns_of_word.get(word)
            if enabled is None:
                enabled = self._patterns_of(word)
            if enabled:
                chosen |= enabled
        return sorted(chosen)

    def runnable(self, sentence: str, scanned: str | None = None) -> list[int]:
        """The indices, in order, of the patterns worth running on ``sentence``.

        Those whose every requirement the sentence's scanned text meets: one
        of their leading words begins a word of it (the :meth:`candidates`),
        and it holds one phrase of each set that their matches hold. In a
        sentence with a word character beyond ASCII, whose case folding the
        scanned text may not follow, the candidates all run.

        :param scanned: the sentence's
            :func:`~alliancekit.literals.scanned_if_ascii`, when the caller has
            it already; found here otherwise.
        """
        if not self._phrases:
            return self.candidates(sentence)
        if scanned is None:
            scanned = scanned_if_ascii(sentence)
        if scanned is None:
            return self.candidates(sentence)
        met: dict[int, int] = {}  # for each pattern, which of its sets of phrases the sentence meets
        for _, meets in self._phrases.iter(scanned):
            for index, sets in meets:
                met[index] = met.get(index, 0) | sets
        all_met = self._all_met
        return sorted(
            [*self._unconditional, *(index for index, sets in met.items() if sets == all_met[index])]
        )

    def _patterns_of(self, word: str) -> frozenset[int]:
        enabled: set[int] = set()
        for length in self._word_lengths:
            if length > len(word):
                break
            enabled |= self._enabled_by.get(word[:length], frozenset())
        found = frozenset(enabled)
        if len(self._patterns_of_word) < _REMEMBERED_WORDS:
            self._patterns_of_word[word] = found
        return found

    def find(self, sentence: str, offset: int, chosen: list[int]) -> list[Trigger]:
        """The triggers of the patterns ``chosen`` (indices, in order), earliest first, overlaps dropped."""
        matches = [
            (index, match) for index in chosen for match in self.patterns[index].regex.finditer(sentence)
        ]
        if not matches:  # most sentences: no need to look for look-alikes
            return []
        # What is taken so far: disjoint spans, sorted, so an overlap is a lookup on either side.
        starts: list[int] = []
        ends: list[int] = []
        for match in self.look_alikes.finditer(sentence):
            starts.append(match.start())
            ends.append(match.end())
        found: list[Trigger] = []
        for index, match in matches:
            start, end = match.start(), match.end()
            place = bisect.bisect_right(starts, start)
            if (place and ends[place - 1] > start) or (place < len(starts) and starts[place] < end):
                continue
            starts.insert(place, start)
            ends.insert(place, end)
            pattern = self.patterns[index]
            found.append(
                Trigger(
                    pattern.type, pattern.form, offset + start, offset + end, match.group(), **pattern.flags
                )
            )
        found.sort(key=lambda trigger: trigger.start)
        return found

    def __call__(self, sentence: str, offset: int) -> list[Trigger]:
        """Every trigger in a sentence, earliest first, overlapping matches dropped."""
        return self.find(sentence, offset, self.runnable(sentence))


_FINDER = TriggerFinder(builtin_lexicon())
_COMPILED = _FINDER.patterns


def _patterns_for(sentence: str, scanned: str | None = None) -> list[int]:
    """The indices, in order, of the built-in patterns that can match in ``sentence``."""
    return _FINDER.runnable(sentence, scanned)


def pattern_sources() -> list[str]:
    """The regular expressions of every trigger pattern, in the order they are tried.

    For tools that must know what can start an engagement (the document gate
    of :mod:`alliancekit.io.gate` derives its cue words from them).

    >>> any("phone" in source for source in pattern_sources())
    True
    """
    return [entry.source for entry in _FINDER.lexicon.triggers]


def find_triggers(sentence: str, offset: int, scanned: str | None = None) -> list[Trigger]:
    """Every trigger of the built-in lexicon in a sentence, earliest first, overlapping matches dropped.

    :param scanned: the sentence's :func:`~alliancekit.literals.scanned_if_ascii`,
        when the caller has it already (a sentence's layer shares it among its finders).

    >>> sentence = "Okafor invited Brandt to visit Washington during a phone call."
    >>> [t.type.value for t in find_triggers(sentence, 0)]
    ['invitation', 'visit', 'call']
    """
    return _FINDER.find(sentence, offset, _patterns_for(sentence, scanned))
