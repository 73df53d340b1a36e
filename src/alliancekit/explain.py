"""Why an extractor reported what it did: the mentions of each event and the reason for each field.

Debugging an unseen article starts here. An extractor that can explain
itself (the built-in ``rules`` extractor can; see
:class:`ExplainingExtractor`) returns one :class:`Explanation` per event:
every passage of the article that mentions the engagement (the headline,
the lead, "the talks" three paragraphs on), and, field by field, where the
value came from ("'on Tuesday', counted back from the publication date",
"the country the story last named"). ``alliancekit explain FILE`` prints
them.

>>> import datetime as dt
>>> from alliancekit.model import Document
>>> from alliancekit.plugins import Plugins
>>> from alliancekit.rules import RulesExtractor
>>> plugins = Plugins.create(load_entrypoints=False)
>>> doc = Document("d", "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio "
...                "in Tokyo on Monday.", dt.date(2026, 3, 10))
>>> (explanation,) = RulesExtractor().explain(doc, plugins.context())
>>> print(explanation.render())  # doctest: +NORMALIZE_WHITESPACE
meeting occurred 2026-03-09 Tokyo: Toshimitsu Motegi, Marco Rubio
  mentions:
    [body 17-69] Toshimitsu Motegi met Secretary of State Marco Rubio
  why:
    participants: Toshimitsu Motegi (named, known to the knowledge base); Marco Rubio (named, known to the
      knowledge base)
    status: stated by the wording of its clause ('met')
    time: 'on Monday', read backward from the publication date 2026-03-10
    location: 'Tokyo', named in the passage
"""

from __future__ import annotations

import textwrap
from typing import Protocol, runtime_checkable

import attrs

from alliancekit.extractor import ExtractionContext
from alliancekit.model import Document, Event

__all__ = ["ExplainingExtractor", "Explanation", "Mention"]


@attrs.frozen
class Mention:
    """One passage of the article that reports the event.

    :param start: document offset of the passage's first character.
    :param end: document offset just past its last character.
    :param text: the passage, ``document.text[start:end]``.
    :param section: the part of the page it is in ("headline", "standfirst", "body").
    """

    start: int
    end: int
    text: str
    section: str = "body"


def _tuple_of_mentions(values: tuple[Mention, ...] | list[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


def _tuple_of_reasons(
    values: tuple[tuple[str, str], ...] | list[tuple[str, str]],
) -> tuple[tuple[str, str], ...]:
    return tuple(values)


@attrs.frozen
class Explanation:
    """An event, the passages that report it, and why each of its fields has its value.

    :param event: the event as the extractor reports it.
    :param mentions: every passage of the article the event was read from.
    :param reasons: ``(field, reason)`` pairs, in the order participants,
        status, time, location.
    """

    event: Event
    mentions: tuple[Mention, ...] = attrs.field(factory=tuple, converter=_tuple_of_mentions)
    reasons: tuple[tuple[str, str], ...] = attrs.field(factory=tuple, converter=_tuple_of_reasons)

    def reason(self, field: str) -> str | None:
        """The reason given for one field ("participants", "status", "time", "location"), if any."""
        return next((why for name, why in self.reasons if name == field), None)

    def render(self) -> str:
        """Plain text for a terminal: the event, its mentions, then the reasons."""
        event = self.event
        when = "no time"
        if event.time is not None and event.time.start is not None:
            when = (
                str(event.time.start)
                if event.time.start == event.time.end
                else f"{event.time.start}..{event.time.end}"
            )
        where = event.location.name if event.location is not None else "no place"
        people = ", ".join(p.actor.name for p in event.participants)
        lines = [f"{event.type.value} {event.status.value} {when} {where}: {people}", "  mentions:"]
        for mention in self.mentions:
            lines.append(f"    [{mention.section} {mention.start}-{mention.end}] {mention.text}")
        lines.append("  why:")
        for field, why in self.reasons:
            wrapped = textwrap.wrap(f"{field}: {why}", width=104, subsequent_indent="  ")
            lines.extend(f"    {line}" for line in wrapped)
        return "\n".join(lines)


@runtime_checkable
class ExplainingExtractor(Protocol):
    """An extractor that can say why: it has :meth:`explain` besides ``extract``."""

    name: str

    def explain(self, document: Document, context: ExtractionContext) -> list[Explanation]:
        """Return one explanation per event that ``extract`` reports for ``document``, in the same order."""
        ...
