"""Offices as news names them without a name, and who held them.

Writers often name an official by office alone: "the Japanese foreign
minister", "Seoul's top diplomat", "the South Korean leader", "his U.S.
counterpart". Each country calls the same office by its own title (the U.S.
Secretary of State, Japan's Minister for Foreign Affairs, India's Minister of
External Affairs), so an :class:`Office` groups the titles that hold one kind
of office everywhere, with the descriptions that name it. The table is data
(``data/offices.json``); :class:`OfficeTable` answers the questions a reader
asks of it:

>>> table = load_builtin_offices()
>>> table.describe("top diplomat").name
'foreign minister'
>>> table.office_of("Secretary of State").name
'foreign minister'
>>> table.titles_in("leader", "KOR")
('President',)
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

import attrs

__all__ = ["Office", "OfficeTable", "load_builtin_offices"]


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class Office:
    """One kind of office, whatever each country calls it.

    :param name: the office's short name ("foreign minister").
    :param descriptions: lower-case phrases that name the office without a
        name ("top diplomat", "defence chief").
    :param titles: the canonical titles (as in ``titles.json``) that hold
        this office in one country or another.

    >>> Office("defense minister", ["defence chief"], ["Minister of Defense"]).titles
    ('Minister of Defense',)
    """

    name: str
    descriptions: tuple[str, ...] = attrs.field(converter=_tuple_of_str)
    titles: tuple[str, ...] = attrs.field(converter=_tuple_of_str)


def _tuple_of_offices(values: Iterable[Office]) -> tuple[Office, ...]:
    return tuple(values)


@attrs.frozen
class OfficeTable:
    """The offices, and the title of each country's leader.

    :param offices: the offices, most specific first: a title that several
        offices list belongs to the first (a president is a "president"
        before being a "leader").
    :param leaders: ISO alpha-3 code to the title of that country's leader
        (its president or its prime minister).
    :param institutions: an institution's name to the country and office of
        its head ("Pentagon": ``("USA", "defense minister")``).
    :param institution_heads: the words that name an institution's head.
    """

    offices: tuple[Office, ...] = attrs.field(converter=_tuple_of_offices)
    leaders: Mapping[str, str] = attrs.field(factory=dict)
    institutions: Mapping[str, tuple[str, str]] = attrs.field(factory=dict)
    """Institution name to the country and the office its head holds ("Pentagon": USA's defense minister)."""
    institution_heads: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    """The words that make an institution's name its head ("chief": "the Pentagon chief")."""

    @functools.cached_property
    def _by_description(self) -> dict[str, Office]:
        found: dict[str, Office] = {}
        for office in self.offices:
            for description in office.descriptions:
                found.setdefault(description.casefold(), office)
        return found

    @functools.cached_property
    def _by_title(self) -> dict[str, Office]:
        found: dict[str, Office] = {}
        # "leader" and the like come first in the data but are the least specific: index them last.
        for office in sorted(self.offices, key=lambda office: len(office.titles)):
            for title in office.titles:
                found.setdefault(title.casefold(), office)
        return found

    def descriptions(self) -> list[str]:
        """Every description, longest first (the order a pattern should try them in).

        >>> "foreign minister" in load_builtin_offices().descriptions()
        True
        """
        return sorted(self._by_description, key=len, reverse=True)

    def describe(self, description: str) -> Office | None:
        """The office a description names ("top diplomat"), or ``None``."""
        return self._by_description.get(" ".join(description.casefold().split()))

    def office_of(self, title: str | None) -> Office | None:
        """The office a title holds ("Secretary of State": foreign minister).

        Canonical titles are looked up first, then the title as a description
        ("Defence Minister", as the text wrote it for a person the knowledge
        base does not know).

        >>> load_builtin_offices().office_of("Prime Minister").name
        'prime minister'
        >>> load_builtin_offices().office_of("Defence Minister").name
        'defense minister'
        >>> load_builtin_offices().office_of("Governor of Guam") is None
        True
        """
        if title is None:
            return None
        return self._by_title.get(title.casefold()) or self.describe(title)

    def counterpart_office(self, title: str | None) -> str | None:
        """The office a counterpart of a holder of ``title`` holds.

        A president's or prime minister's counterpart is the other country's
        leader, whichever title that leader has.

        >>> table = load_builtin_offices()
        >>> table.counterpart_office("President"), table.counterpart_office("Minister of Defense")
        ('leader', 'defense minister')
        """
        office = self.office_of(title)
        if office is None:
            return None
        if office.name in {"president", "prime minister", "leader"}:
            return "leader"
        return office.name

    def head_of(self, institution: str) -> tuple[str, str] | None:
        """The country and office of an institution's head, or ``None``.

        >>> load_builtin_offices().head_of("Pentagon")
        ('USA', 'defense minister')
        """
        return self.institutions.get(" ".join(institution.split()))

    def titles_in(self, office: str, country: str | None) -> tuple[str, ...]:
        """The titles that may hold ``office`` in ``country``, the likeliest first.

        For the leader, the country's own leader title when the data knows it.
        """
        if office == "leader" and country is not None and country in self.leaders:
            return (self.leaders[country],)
        for candidate in self.offices:
            if candidate.name == office:
                return candidate.titles
        return ()


def _office_from_json(entry: dict[str, Any], where: str) -> Office:
    try:
        return Office(entry["office"], entry.get("descriptions", ()), entry.get("titles", ()))
    except (KeyError, TypeError) as error:
        raise ValueError(f"{where}: malformed office: {error}") from error


@functools.cache
def load_builtin_offices() -> OfficeTable:
    """The offices shipped with alliancekit (``data/offices.json``), read once."""
    text = resources.files("alliancekit.actors").joinpath("data", "offices.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    offices = [
        _office_from_json(entry, f"offices.json: offices[{index}]")
        for index, entry in enumerate(data.get("offices", ()))
    ]
    institutions = data.get("institutions", {})
    heads: dict[str, tuple[str, str]] = {}
    for name, entry in institutions.get("names", {}).items():
        try:
            heads[name] = (entry["country"], entry["office"])
        except (KeyError, TypeError) as error:
            raise ValueError(f"offices.json: institutions.names[{name!r}]: malformed: {error}") from error
    return OfficeTable(offices, dict(data.get("leaders", {})), heads, institutions.get("heads", ()))
