"""Syntax: what a parser can tell the reading, and where the stages ask for it.

The rules read clauses and arguments with regular expressions, which are
weakest where word order misleads: a passive ("Lee was received by X"), a
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
>>> isinstance(OneVerb(), Syntax)
True
>>> OneVerb().arguments(10, 13).subjects
((0, 9),)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from alliancekit.rules.mentions import PersonMention

if TYPE_CHECKING:
    from alliancekit.rules.document import Reading, SentenceLayer
    from alliancekit.rules.triggers import Trigger

__all__ = [
    "Arguments",
    "Span",
    "Syntax",
    "parsed_agents",
    "parsed_subjects",
    "reported_in_quotation",
    "reported_triggers",
    "subjects_and_agents",
]

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
    verb they are its grammatical subjects, who are acted on ("Lee was
    *received* by X": Lee), and ``passive`` is true; ``agents`` are then the
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

    "“Secretary Kerry invited Minister Yun to Washington in their phone
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
    """A verbal trigger's subjects, as word order ``found`` them or else as the parse gives them, and its agents.

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
