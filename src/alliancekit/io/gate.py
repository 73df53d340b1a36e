r"""The document gate: a quick scan of a document to tell whether it can report an engagement at all.

In a news crawl perhaps one page in twenty is about an engagement between
officials. The gate lets the others go before the extractor reads them. It
runs Aho-Corasick automata (`pyahocorasick
<https://pyahocorasick.readthedocs.io>`_) over the document's words
(:func:`~alliancekit.literals.scanned_paragraphs`: lower-cased, every run of characters that
are no letters or digits made one space, paragraph ends marked) and passes the document when it finds

* an **engagement cue**: for at least one trigger pattern of the built-in
  rules (:mod:`alliancekit.rules.triggers`), one of the phrases of each set
  that every match of the pattern must contain (``" met "``, ``"by phone"``,
  ``"held talks"``...). The phrases are read off the patterns themselves by
  :func:`~alliancekit.literals.required_literals`, so the gate follows the patterns as they
  change; and
* an **actor cue**: a person of the knowledge base by full name or alias,
  or by surname after a title ("President Lee"); or a country's name or
  demonym (the lexicon of the rules, :mod:`alliancekit.rules.lexicon`) with
  the head of an office title within :data:`OFFICE_REACH` characters of it
  in the same paragraph ("Japanese Foreign Minister", "South Korea's
  president", "U.S. officials": the title heads of the lexicon),

each within a sentence's reach of the other (:data:`REACH` characters).
Every event of the built-in extractor comes from a trigger whose clause
names its participants; in news of diplomacy a participant is a known
person, or comes with the office and the country they speak for. A country
alone is no actor cue: "Japan will meet Australia in the final" is sport.
Actor cues are rarer than engagement wording, so they are looked for
first, and a document without any is let go at once. Paragraphs are the
text's parts between blank lines (a text wrapped at a line width keeps its
sentences whole): an office and a country paragraphs apart name no one
("... stay on as an adviser. // Rivals in France ..."), and no phrase is
found across a paragraph's end.

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

from collections.abc import Iterable
from typing import Any

import attrs

from alliancekit.actors import KnowledgeBase
from alliancekit.literals import (
    MIN_LETTERS,
    PARAGRAPH_BREAK,
    letters,
    required_literals,
    scanned_paragraphs,
    scanned_text,
    selectivity,
)

__all__ = ["OFFICE_REACH", "REACH", "DocumentGate"]

REACH = 200
"""How far apart, in characters of the scanned text, an engagement cue and an actor cue may be."""

OFFICE_REACH = 60
"""How far from a country an office word must stand for the country to name an official's side."""


def _trigger_patterns() -> list[str]:
    """The sources of the built-in rules' trigger patterns."""
    from alliancekit.rules import triggers

    return triggers.pattern_sources()


# Country forms that, lower-cased, are everyday words: "US" is "us".
_AMBIGUOUS_COUNTRY_FORMS = frozenset(["us", "us's", "us’s"])


def _scanned_phrases(words: Iterable[str]) -> set[str]:
    scanned = (scanned_text(word) for word in words)
    return {word for word in scanned if letters(word) >= MIN_LETTERS}


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
    _lone_sets: int
    """The phrases of every trigger pattern that requires a single set of them: one is enough."""
    _patterns: tuple[tuple[int, ...], ...]
    """For each other trigger pattern, one bit mask per set of phrases it requires."""
    _anchors: tuple[int, ...]
    """For each other trigger pattern, the mask of its most selective set: where the trigger is."""

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
        lone_sets = 0
        for required in requirements:
            if len(required) == 1:
                lone_sets |= mask(required[0])
        several = [required for required in requirements if len(required) > 1]
        pattern_masks = tuple(tuple(mask(options) for options in required) for required in several)
        anchors = tuple(mask(max(required, key=selectivity)) for required in several)
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
        return cls(actor_automaton, cue_automaton, lone_sets, pattern_masks, anchors)

    def passes(self, text: str) -> bool:
        """Whether ``text`` has an engagement cue and an actor cue within :data:`REACH` of each other."""
        scanned = scanned_paragraphs(text)
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
        actors = persons + [start for start in countries if _beside(start, offices, scanned)]
        if not actors:
            return False
        actors.sort()
        hits: list[tuple[int, int]] = []
        found = 0
        for end, (length, bit) in self._cue_automaton.iter(scanned):
            hits.append((end - length + 1, bit))
            found |= bit
        # A pattern that requires one set of phrases is there as far as the gate can tell wherever
        # a phrase of the set is: those phrases are where its triggers may be.
        anchors = found & self._lone_sets
        for required, anchor in zip(self._patterns, self._anchors, strict=True):
            # A pattern's anchor is one of its sets: without it in the text, the pattern cannot match.
            if found & anchor and anchor & ~anchors and all(found & options for options in required):
                anchors |= anchor
        if not anchors:
            return False
        cues = [start for start, bit in hits if bit & anchors]
        return _near(cues, actors, REACH)


def _beside(country: int, offices: list[int], scanned: str) -> bool:
    """Whether an office starts within :data:`OFFICE_REACH` of a country, in its paragraph of ``scanned``."""
    for office in offices:
        if abs(office - country) <= OFFICE_REACH:
            start, end = min(office, country), max(office, country)
            if PARAGRAPH_BREAK not in scanned[start:end]:
                return True
    return False


def _near(cues: list[int], actors: list[int], reach: int) -> bool:
    """Whether a position of ``cues`` is at most ``reach`` from a position of ``actors`` (both sorted)."""
    index = 0
    for cue in cues:
        while index < len(actors) and actors[index] < cue - reach:
            index += 1
        if index < len(actors) and actors[index] <= cue + reach:
            return True
    return False
