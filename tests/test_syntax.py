"""The reading with a parser's syntax: the stages ask it where word order is a weak guide.

The syntax here is a stand-in that answers from spans written by hand, so
these tests need no parser; ``plugins/alliancekit-spacy`` tests spaCy's.
"""

from __future__ import annotations

import datetime as dt

import attrs

from alliancekit.model import Document, Event, EventType, Role
from alliancekit.plugins import Plugins
from alliancekit.reading import Arguments, Reading, Span, Syntax, read_article

PUBLISHED = dt.date(2026, 5, 8)
KNOWLEDGE_BASE = Plugins.create(load_entrypoints=False).knowledge_base


@attrs.define
class HandSyntax:
    """A syntax that knows the arguments of some words and some names, given by their text."""

    text: str
    subjects: dict[str, list[str]] = attrs.field(factory=dict)
    agents: dict[str, list[str]] = attrs.field(factory=dict)
    people: list[str] = attrs.field(factory=list)

    def _span(self, words: str) -> Span:
        start = self.text.index(words)
        return start, start + len(words)

    def arguments(self, start: int, end: int) -> Arguments | None:
        for word, subjects in {**{word: [] for word in self.agents}, **self.subjects}.items():
            word_start, word_end = self._span(word)
            if start <= word_start and word_end <= end:
                return Arguments(
                    subjects=tuple(self._span(s) for s in subjects),
                    passive=word in self.agents,
                    agents=tuple(self._span(a) for a in self.agents.get(word, [])),
                )
        return None

    def clause(self, start: int, end: int) -> Span | None:
        return None

    def names(self, start: int, end: int) -> list[Span] | None:
        return [span for name in self.people if start <= (span := self._span(name))[0] and span[1] <= end]


def _read(text: str, syntax: Syntax | None) -> list[Event]:
    reading = Reading(Document("t", text, PUBLISHED), KNOWLEDGE_BASE, syntax=syntax)
    return [event for event, _ in read_article(reading)]


def _roles(event: Event) -> dict[str, Role]:
    return {p.actor.name: p.role for p in event.participants}


def test_the_stand_in_is_a_syntax() -> None:
    assert isinstance(HandSyntax(""), Syntax)


def test_a_passive_agent_is_the_host_and_its_subject_the_guest() -> None:
    text = "Prime Minister Kenji Morioka was received by President Elena Varga in Lisbon on Tuesday."
    syntax = HandSyntax(text, agents={"received": ["President Elena Varga"]})
    syntax.subjects["received"] = ["Prime Minister Kenji Morioka"]
    [meeting] = _read(text, syntax)
    assert _roles(meeting) == {"Elena Varga": Role.HOST, "Kenji Morioka": Role.GUEST}
    [without] = _read(text, None)
    assert _roles(without) == {"Kenji Morioka": Role.HOST, "Elena Varga": Role.GUEST}


def test_a_subject_word_order_misses_is_taken_from_the_parse() -> None:
    text = (
        "Defense Secretary Mark Dellinger, after a week of consultations with allies, "
        "met Defense Minister Haruto Ishimori on Thursday."
    )
    syntax = HandSyntax(text, subjects={"met": ["Defense Secretary Mark Dellinger"]})
    assert [e.type for e in _read(text, None)] == []
    [meeting] = _read(text, syntax)
    assert set(_roles(meeting)) == {"Mark Dellinger", "Haruto Ishimori"}


def test_a_quotation_is_read_when_the_parse_gives_its_verb_named_subjects() -> None:
    text = (
        "“Foreign Minister Aiko Tanabe invited Secretary of State Mark Dellinger to Tokyo during "
        "their phone call on Monday,” a ministry spokesman told reporters."
    )
    syntax = HandSyntax(text, subjects={"invited": ["Foreign Minister Aiko Tanabe"]})
    events = _read(text, syntax)
    assert sorted(e.type.value for e in events) == ["call", "invitation"]
    speech = HandSyntax(text, subjects={"invited": ["their"]})
    assert _read(text, speech) == []


def test_a_name_only_the_parser_finds_takes_part() -> None:
    text = "After the vote, Ruslan Petrenko was planning to visit Tokyo from June 2 to 4, his office said."
    assert _read(text, None) == []
    [visit] = _read(text, HandSyntax(text, people=["Ruslan Petrenko"]))
    assert visit.type is EventType.VISIT
    assert [p.actor.name for p in visit.participants] == ["Ruslan Petrenko"]


def test_a_place_the_parser_takes_for_a_name_is_no_one() -> None:
    text = "After the vote, Ruslan Petrenko was planning to visit Tokyo from June 2 to 4, his office said."
    assert _read(text, HandSyntax(text, people=["Tokyo from"])) == []


def test_a_site_named_after_someone_that_the_parser_takes_for_a_name_is_no_one() -> None:
    text = (
        "Prime Minister Kenji Morioka first visited the Ode Tanabe Presidential Library and Museum in "
        "Lisbon on Sunday."
    )
    plain = _read(text, None)
    parsed = _read(text, HandSyntax(text, people=["Tanabe Presidential Library"]))
    assert [(e.type, e.location and e.location.name) for e in parsed] == [
        (e.type, e.location and e.location.name) for e in plain
    ]
    assert all("Tanabe Presidential Library" not in [p.actor.name for p in e.participants] for e in parsed)
