"""Descriptions that stand for a person named elsewhere, or known from the office.

"Rubio will meet his Japanese counterpart": the counterpart is whoever holds,
in Japan, the office Rubio holds in the United States. The story may name
that person in another sentence ("Foreign Minister Toshimitsu Motegi said
..."); if it does not, the knowledge base knows who held the office on the
day. The function here makes that one decision; which country is meant, when
the text does not say, is for the extractor to tell from the event (the
country visited, the other country of the story).

>>> import datetime as dt
>>> from alliancekit.actors import ActorRecord, KnowledgeBase, Position
>>> kb = KnowledgeBase()
>>> kb.add_actors([ActorRecord(id="jpn/a", name="Aki Sato", country="JPN",
...     positions=(Position("Minister for Foreign Affairs", dt.date(2025, 1, 1), None),))])
>>> rubio = PersonMention(0, 5, "Marco Rubio", "Secretary of State", "USA")
>>> resolve_counterpart(rubio, "JPN", [], kb, dt.date(2026, 3, 1)).name
'Aki Sato'
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from alliancekit.actors import KnowledgeBase, load_builtin_offices
from alliancekit.rules.mentions import PersonMention

__all__ = ["COUNTERPART", "resolve_counterpart"]

COUNTERPART = re.compile(r"(?:(?P<modifier>[\w.’'-]+(?:\s+[\w.’'-]+)?)\s+)?counterpart", re.IGNORECASE)
"""A singular counterpart as the group finder writes it ("Japanese counterpart", "counterpart")."""


def resolve_counterpart(
    anchor: PersonMention,
    country: str | None,
    people: Sequence[PersonMention],
    knowledge_base: KnowledgeBase,
    on: dt.date | None,
) -> PersonMention | None:
    """The person of ``country`` who holds the office ``anchor`` holds at home.

    :param anchor: the person whose counterpart is meant ("his counterpart").
    :param country: the counterpart's country; ``None`` when unknown, and then
        there is no answer.
    :param people: the people the document names, in text order: one of them
        who holds the office in that country is the answer, the last named
        before the anchor's mention first, else the first named after it.
    :param on: the day whose office holder the knowledge base names when the
        document does not name one.
    """
    offices = load_builtin_offices()
    wanted = offices.counterpart_office(anchor.title)
    if wanted is None or country is None or country == anchor.country:
        return None
    named = [
        person
        for person in people
        if person.country == country
        and person.name != anchor.name
        and offices.counterpart_office(person.title) == wanted
    ]
    if named:
        before = [person for person in named if person.start < anchor.start]
        return before[-1] if before else named[0]
    record = knowledge_base.holder_of_office(wanted, country, on)
    if record is None:
        return None
    return PersonMention(
        anchor.start,
        anchor.end,
        record.name,
        record.title_on(on),
        record.country,
        record.id,
        "counterpart",
    )
