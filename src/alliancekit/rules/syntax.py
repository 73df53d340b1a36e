"""Syntax: what a parser can tell the reading, and where the stages ask for it.

The rules read clauses and arguments with regular expressions, which are
weakest where word order misleads: a passive ("Varga was received by X"), a
subject far from its verb ("X, after a week of talks in Brussels and Paris,
met Y"), a fact reported inside a quotation. An extractor that brings a
parser gives the reading a :class:`Syntax` (``Reading(..., syntax=...)``),
and the stages consult it at a few marked places, only when it is there and
only where the regular expressions found nothing or the parse contradicts
them; without one (the built-in ``rules`` extractor) nothing changes.

A :class:`Syntax` answers in document offsets and may know only some
sentences (a parser may parse only those that hold a trigger): every
question it cannot answer gets ``None``.

>>> class OneVerb:
...     def arguments(self, start, end):
...         return Arguments(subjects=((0, 9),), passive=False) if start == 10 else None
...     def clause(self, start, end):
...         return None
...     def names(self, start, end):
...         return None
>>> isinstance(OneVerb(), Syntax)
True
>>> OneVerb().arguments(10, 13).subjects
((0, 9),)
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from alliancekit.rules import lexicon
from alliancekit.rules.mentions import PersonMention, names_a_site

if TYPE_CHECKING:
    from alliancekit.actors import KnowledgeBase
    from alliancekit.rules.document import Reading, SentenceLayer
    from alliancekit.rules.triggers import Trigger

__all__ = [
    "Arguments",
    "Span",
    "Syntax",
    "names_found_by_parse",
    "parsed_agents",
    "parsed_subjects",
    "reported_in_quotation",
    "reported_triggers",
    "subjects_and_agents",
]

# A name the parser vouches for: two to four capitalized words ("Aiko Tanabe", "Ro Dae-un").
_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:[-'’][A-Za-z][a-z]*)?")
_POSSESSIVE = re.compile(r"['’]s?\b")

Span = tuple[int, int]
"""A stretch of the document: ``(start, end)`` offsets into its text."""


@attrs.frozen
class Arguments:
    """What a parse says of the head word of a trigger: who acts and who is acted on.

    Every span is a whole noun phrase, in document offsets, and each
    conjunct of "A and B" is its own span.

    ``subjects`` are the word's subjects: its own, or the one it shares with
    the verb it is coordinated with ("arrived in Tokyo and *met* ..."), hangs
    from as an open complement ("plans to *visit*") or, in a relative clause,
    the noun the clause describes ("X, who *arrived* ..."). For a passive
    verb they are its grammatical subjects, who are acted on ("Varga was
    *received* by X": Varga), and ``passive`` is true; ``agents`` are then the
    phrases of its "by" ("X"). ``objects`` are the direct objects and the
    ``with``/``between`` phrases.

    >>> Arguments(subjects=((0, 3),), passive=True, agents=((20, 25),)).objects
    ()
    """

    subjects: tuple[Span, ...] = ()
    objects: tuple[Span, ...] = ()
    passive: bool = False
    agents: tuple[Span, ...] = ()


@runtime_checkable
class Syntax(Protocol):
    """The syntax of an article, as a parser reads it: what a reading may ask, in document offsets.

    Each method answers ``None`` for text it has not parsed.
    """

    def arguments(self, start: int, end: int) -> Arguments | None:
        """The arguments of the head word of the words from ``start`` to ``end`` (a trigger).

        The head is the word the others depend on: the verb of "will
        visit" or "held talks with", the noun of "the summit".
        """

    def clause(self, start: int, end: int) -> Span | None:
        """The clause that holds the words from ``start`` to ``end``, its own subject included.

        A clause ends where a coordinated clause (a conjunct with a verb of
        its own), a subordinate clause or a relative clause begins; a
        relative clause inside it is left in. For a coordinated verb that
        shares its subject ("arrived and met Y") the clause runs from its
        conjunction to the end of its own words.
        """

    def names(self, start: int, end: int) -> list[Span] | None:
        """The people's names a parser's entity recognizer finds between ``start`` and ``end``."""


def parsed_subjects(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention] | None:
    """The people the parse gives as the subject of a trigger, pronouns resolved; ``None`` without a parse.

    For a passive verb these are the people acted on, the agent's people
    are :func:`parsed_agents`.
    """
    arguments = _arguments(reading, trigger)
    if arguments is None:
        return None
    return _people_in(reading, layer, arguments.subjects)


def parsed_agents(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> list[PersonMention] | None:
    """The people of a passive verb's "by" phrase; ``None`` without a parse or when the verb is active."""
    arguments = _arguments(reading, trigger)
    if arguments is None or not arguments.passive:
        return None
    return _people_in(reading, layer, arguments.agents)


def reported_triggers(reading: Reading, layer: SentenceLayer) -> list[Trigger]:
    """The triggers of a sentence's quotations that report facts, as the parse reads them.

    "“Secretary Kessler invited Minister Morrow to Washington in their phone
    call,” an official said": the quotation reports what people it names
    did, so its triggers (the invitation, and the call with them) are read;
    "“We will meet again soon,” he said" is speech, and is not. A
    quotation reports when the parse gives one of its verbal triggers
    subjects that are all named people.
    """
    reported: list[Trigger] = []
    for start, end in layer.quotations:
        inside = [t for t in layer.quoted_triggers if start <= t.start and t.end <= end]
        if any(t.form == "verbal" and reported_in_quotation(reading, layer, t) for t in inside):
            reported.extend(inside)
    return reported


def reported_in_quotation(reading: Reading, layer: SentenceLayer, trigger: Trigger) -> bool:
    """Whether the parse gives a trigger subjects that are all named people (no pronoun, no possessor)."""
    arguments = _arguments(reading, trigger)
    if arguments is None or not arguments.subjects:
        return False
    return all(
        any(span_start <= p.start and p.end <= span_end and not p.possessive for p in layer.persons)
        for span_start, span_end in arguments.subjects
    )


def _arguments(reading: Reading, trigger: Trigger) -> Arguments | None:
    if reading.syntax is None:
        return None
    return reading.syntax.arguments(trigger.start, trigger.end)


def _people_in(reading: Reading, layer: SentenceLayer, spans: tuple[Span, ...]) -> list[PersonMention]:
    from alliancekit.rules.coreference import persons_between

    people: list[PersonMention] = []
    for start, end in spans:
        people.extend(p for p in persons_between(reading, layer, start, end) if not p.possessive)
    return people


def subjects_and_agents(
    reading: Reading, layer: SentenceLayer, trigger: Trigger, found: list[PersonMention]
) -> tuple[list[PersonMention], list[PersonMention]]:
    """A verbal trigger's subjects (as word order ``found`` them, else the parse's) and its agents.

    The parse's subjects are taken only when word order found none ("X,
    after a week of talks in Brussels, met Y"). The agents are the people
    of a passive verb's "by" phrase ("X was received by Y": Y), who act on
    the subjects; none for an active verb or without a parse.
    """
    arguments = _arguments(reading, trigger)
    if arguments is None:
        return found, []
    subjects = found or _people_in(reading, layer, arguments.subjects)
    agents = _people_in(reading, layer, arguments.agents) if arguments.passive else []
    return subjects, agents


def names_found_by_parse(
    syntax: Syntax,
    text: str,
    start: int,
    end: int,
    persons: list[PersonMention],
    knowledge_base: KnowledgeBase,
    anchor: dt.date | None,
) -> list[PersonMention]:
    """People the parser names between ``start`` and ``end`` that ``persons`` (found by the rules) leave out.

    Only a name of two to four capitalized words, none of them a title, an
    organization's word or a function word, and no place or country, is
    taken: "Aiko Tanabe was planning to visit China", named without a
    title, the knowledge base or an apposition. The knowledge base gives
    its country and title when it knows the name.
    """
    found: list[PersonMention] = []
    for name_start, name_end in syntax.names(start, end) or []:
        if any(name_start < p.end and p.start < name_end for p in persons):
            continue
        name = text[name_start:name_end]
        words = name.split()
        if not 2 <= len(words) <= 4 or not all(_NAME_WORD.fullmatch(word) for word in words):
            continue
        if any(
            lexicon.is_title_word(word)
            or word.lower() in lexicon.ORG_WORDS
            or word.lower() in lexicon.FUNCTION_WORDS
            for word in words
        ):
            continue
        if knowledge_base.find_place(name) is not None or lexicon.country_of_word(name) is not None:
            continue
        if names_a_site(text, name_start, name_end):
            continue  # "the Ode Tanabe Presidential Library": a site, or one named after someone
        record = knowledge_base.find_person(name)
        possessive = _POSSESSIVE.match(text, name_end) is not None
        if record is None:
            found.append(PersonMention(name_start, name_end, name, cue="parse", possessive=possessive))
            continue
        title = record.title_on(anchor)
        found.append(
            PersonMention(
                name_start, name_end, record.name, title, record.country, record.id, "parse", possessive
            )
        )
    return found
