"""The actor knowledge base: known officials, their offices, and places.

Knowledge lives in data files (``actors/data/*.json``) and in what plugins
register through the ``register_actors`` and ``register_places`` hooks; the
code here only indexes and looks it up. Lookups answer the questions an
extractor asks:

* who is "Motegi" or "Motegi Toshimitsu" (surname, surname-first order)?
* who is "Yoshimas? Hayashi" (a name damaged by encoding)?
* who was "the Japanese prime minister" on a given date?
* where is "Camp Humphreys", and in which country?

>>> kb = KnowledgeBase()
>>> kb.add_actors([ActorRecord(id="x/ada-lovelace", name="Ada Lovelace", country="GBR",
...     family_name="Lovelace", positions=(Position("Prime Minister", dt.date(2020, 1, 1), None),))])
>>> kb.find_person("Lovelace Ada").name
'Ada Lovelace'
>>> kb.office_holder("Prime Minister", "GBR", dt.date(2021, 5, 1)).name
'Ada Lovelace'
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from importlib import resources
from typing import Any

import attrs
import pycountry
from rapidfuzz import fuzz, process

from alliancekit.actors.offices import Office, OfficeTable, load_builtin_offices

__all__ = [
    "GENDERS",
    "ActorRecord",
    "KnowledgeBase",
    "KnowledgeBaseError",
    "Office",
    "OfficeTable",
    "Place",
    "Position",
    "TitleVariant",
    "country_code",
    "fold",
    "load_builtin_actors",
    "load_builtin_offices",
    "load_builtin_places",
    "load_builtin_titles",
    "name_key",
]


class KnowledgeBaseError(ValueError):
    """A knowledge-base record is malformed or duplicated."""


def fold(text: str) -> str:
    """Case-fold and strip accents, for comparisons.

    >>> fold("Yōko KAMIKAWA")
    'yoko kamikawa'
    """
    if text.isascii():
        return text.lower()  # no accents to strip, and case folding is lowering
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


@functools.lru_cache(maxsize=8192)
def name_key(name: str) -> frozenset[str]:
    """The order-free token set of a name, for matching.

    >>> name_key("Okano Masataka") == name_key("Masataka Okano")
    True
    """
    return frozenset(token for token in _TOKEN.findall(fold(name)) if len(token) > 1)


@attrs.frozen
class Position:
    """An office held by a person over an interval of dates.

    >>> Position("Prime Minister", dt.date(2025, 10, 21), None).holds_on(dt.date(2026, 1, 1))
    True
    """

    title: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, date: dt.date) -> bool:
        """Whether the office was held on ``date``."""
        if self.start is not None and date < self.start:
            return False
        return not (self.end is not None and date > self.end)


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _tuple_of_positions(values: Iterable[Position]) -> tuple[Position, ...]:
    return tuple(values)


GENDERS = ("female", "male")
"""The values :attr:`ActorRecord.gender` may take, besides ``None``."""


def _check_gender(record: ActorRecord, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and value not in GENDERS:
        raise KnowledgeBaseError(f"actor {record.id!r}: gender must be 'female' or 'male', not {value!r}")


@attrs.frozen
class ActorRecord:
    """One known actor: a person or an organization.

    ``gender`` is "female" or "male" where the public record states it, and
    ``None`` where it is not known (and for organizations); it tells which
    people "she" or "he" can refer to. Give it by keyword.

    >>> ActorRecord(id="usa/x", name="Pat Doe", country="USA").kind
    'person'
    >>> ActorRecord(id="jpn/x", name="Aki Sato", gender="female").gender
    'female'
    >>> ActorRecord(id="jpn/y", name="Ken Sato", gender="m")
    Traceback (most recent call last):
    ...
    alliancekit.actors.KnowledgeBaseError: actor 'jpn/y': gender must be 'female' or 'male', not 'm'
    """

    id: str
    name: str
    country: str | None = None
    kind: str = "person"
    family_name: str | None = None
    given_name: str | None = None
    gender: str | None = attrs.field(default=None, kw_only=True, validator=_check_gender)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    positions: tuple[Position, ...] = attrs.field(default=(), converter=_tuple_of_positions)

    @property
    def surname(self) -> str:
        """The family name, or the last word of the name."""
        return self.family_name or self.name.split()[-1]

    def title_on(self, date: dt.date | None) -> str | None:
        """The title held on ``date`` (the latest one when ``date`` is None).

        >>> r = ActorRecord("a", "A B", positions=(Position("Minister", dt.date(2020, 1, 1), None),))
        >>> r.title_on(None)
        'Minister'
        """
        if not self.positions:
            return None
        if date is None:
            return max(self.positions, key=lambda p: p.start or dt.date.min).title
        held = [p for p in self.positions if p.holds_on(date)]
        return held[0].title if held else None


@attrs.frozen
class Place:
    """A named place in the gazetteer.

    >>> Place("Camp Humphreys", "KOR", "base", region="Pyeongtaek").region
    'Pyeongtaek'
    """

    name: str
    country: str
    kind: str = "city"
    region: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)


@attrs.frozen
class TitleVariant:
    """A way news writes an office, with the canonical title it means.

    >>> TitleVariant("defence minister", "Minister of Defense").canonical
    'Minister of Defense'
    """

    text: str
    canonical: str
    countries: tuple[str, ...] = ()


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as error:
        raise KnowledgeBaseError(f"{where}: not an ISO date: {value!r}") from error


def _actor_from_json(entry: dict[str, Any], where: str) -> ActorRecord:
    try:
        positions = tuple(
            Position(p["title"], _date(p.get("start"), where), _date(p.get("end"), where))
            for p in entry.get("positions", ())
        )
        try:
            return ActorRecord(
                id=entry["id"],
                name=entry["name"],
                country=entry.get("country"),
                kind=entry.get("kind", "person"),
                family_name=entry.get("family_name"),
                given_name=entry.get("given_name"),
                gender=entry.get("gender"),
                aliases=tuple(entry.get("aliases", ())),
                positions=positions,
            )
        except KnowledgeBaseError as error:  # a field value the record rejects
            raise KnowledgeBaseError(f"{where}: {error}") from error
    except (KeyError, TypeError) as error:
        raise KnowledgeBaseError(f"{where}: malformed actor record: {error}") from error


def _read_data(name: str) -> dict[str, Any]:
    text = resources.files("alliancekit.actors").joinpath("data", name).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def load_builtin_actors() -> list[ActorRecord]:
    """The officials shipped with alliancekit (``data/officials.json``).

    >>> any(r.country == "JPN" for r in load_builtin_actors())
    True
    """
    data = _read_data("officials.json")
    return [
        _actor_from_json(entry, f"officials.json: actors[{index}]")
        for index, entry in enumerate(data.get("actors", ()))
    ]


def load_builtin_places() -> list[Place]:
    """The places shipped with alliancekit (``data/places.json``).

    >>> any(p.name == "Tokyo" for p in load_builtin_places())
    True
    """
    data = _read_data("places.json")
    places = []
    for index, entry in enumerate(data.get("places", ())):
        try:
            places.append(
                Place(
                    entry["name"],
                    entry["country"],
                    entry.get("kind", "city"),
                    entry.get("region"),
                    tuple(entry.get("aliases", ())),
                )
            )
        except (KeyError, TypeError) as error:
            raise KnowledgeBaseError(f"places.json: places[{index}]: malformed place: {error}") from error
    return places


def load_builtin_titles() -> list[TitleVariant]:
    """Title variants shipped with alliancekit (``data/titles.json``).

    >>> any(v.text == "prime minister" for v in load_builtin_titles())
    True
    """
    data = _read_data("titles.json")
    variants = []
    for entry in data.get("titles", ()):
        canonical = entry["title"]
        countries = tuple(entry.get("countries", ()))
        for text in {canonical.lower(), *(v.lower() for v in entry.get("variants", ()))}:
            variants.append(TitleVariant(text, canonical, countries))
    return variants


@functools.cache
def _given_name_forms() -> dict[str, frozenset[str]]:
    """Each English given name (folded) to the other forms of it (``data/nicknames.json``)."""
    data = _read_data("nicknames.json")
    forms: dict[str, set[str]] = defaultdict(set)
    for formal, shorts in data.get("names", {}).items():
        for short in shorts:
            forms[formal].add(short)
            forms[short].add(formal)
    return {name: frozenset(other) for name, other in forms.items()}


def _short_form_keys(name: str) -> list[frozenset[str]]:
    """The name keys of a full name with its given name in another form ("Jim Mattis" for "James Mattis").

    >>> sorted(sorted(key) for key in _short_form_keys("James Mattis"))
    [['jim', 'mattis'], ['jimmy', 'mattis']]
    """
    words = fold(name).split()
    if len(words) < 2:
        return []
    return [name_key(" ".join([form, *words[1:]])) for form in sorted(_given_name_forms().get(words[0], ()))]


def _country_names() -> dict[str, str]:
    """Every code, name and demonym of the shipped countries, folded, to its alpha-3 code."""
    codes: dict[str, str] = {}
    for entry in _read_data("countries.json")["countries"]:
        for name in (entry["code"], entry["name"], *entry["names"], *entry["demonyms"]):
            codes.setdefault(fold(name), entry["code"])
    return codes


def country_code(country: str) -> str:
    """The ISO 3166-1 alpha-3 code of a country given by its code or its name.

    Takes alpha-3 and alpha-2 codes in any case, the names and demonyms
    alliancekit knows ("South Korea", "ROK", "Japanese"), and any official
    or common name :mod:`pycountry` knows.

    :raises ValueError: when no country has that code or name.

    >>> [country_code(name) for name in ("JPN", "jpn", "Japan", "jp", "South Korea", "U.S.", "Viet Nam")]
    ['JPN', 'JPN', 'JPN', 'JPN', 'KOR', 'USA', 'VNM']
    >>> country_code("Japn")
    Traceback (most recent call last):
    ...
    ValueError: no country has the code or name 'Japn'; give an ISO code (JPN) or a name (Japan)
    """
    text = " ".join(str(country).split())
    known = _country_names().get(fold(text))
    if known is not None:
        return known
    try:
        found: Any = pycountry.countries.lookup(text)
    except LookupError:
        raise ValueError(
            f"no country has the code or name {country!r}; give an ISO code (JPN) or a name (Japan)"
        ) from None
    return str(found.alpha_3)


def _damaged_pattern(name: str) -> re.Pattern[str] | None:
    """A regex for a name with replacement characters ("Yoshimas? Hayashi")."""
    if "?" not in name and "\ufffd" not in name:
        return None
    parts = re.split(r"[?\ufffd]", fold(name))
    return re.compile(r"[^\s]{1,2}".join(re.escape(part) for part in parts))


_FUZZY_REMEMBERED = 4096
"""How many names' fuzzy matches a knowledge base remembers at most."""


def _sorted_words(text: str) -> str:
    """A text's words in sorted order, as :func:`rapidfuzz.fuzz.token_sort_ratio` compares them.

    >>> _sorted_words("yeol  yoon suk")
    'suk yeol yoon'
    """
    return " ".join(sorted(text.split()))


@attrs.define
class KnowledgeBase:
    """An index over actor records and places.

    Build one empty and :meth:`add_actors` / :meth:`add_places`, or get the
    merged one from :attr:`alliancekit.plugins.Plugins.knowledge_base`.
    """

    _actors: dict[str, ActorRecord] = attrs.field(factory=dict)
    _by_key: dict[frozenset[str], list[ActorRecord]] = attrs.field(factory=lambda: defaultdict(list))
    _by_surname: dict[str, list[ActorRecord]] = attrs.field(factory=lambda: defaultdict(list))
    _by_title: dict[tuple[str, str | None], list[tuple[Position, ActorRecord]]] = attrs.field(
        factory=lambda: defaultdict(list)
    )
    _places: dict[str, Place] = attrs.field(factory=dict)
    _choices: dict[str, ActorRecord] = attrs.field(factory=dict)
    _fuzzy_found: dict[str, str | None] = attrs.field(factory=dict, eq=False, repr=False)
    """The name of :attr:`_choices` each folded name matched by :meth:`_fuzzy`, or ``None``: a
    news stream names the same people again and again. Forgotten when records are added."""
    _fuzzy_choices: tuple[list[str], list[str]] | None = attrs.field(
        default=None, init=False, eq=False, repr=False
    )
    """The names of :attr:`_choices` in order, and each with its words sorted (:func:`_sorted_words`),
    as :meth:`_fuzzy` compares them: made on its first call, forgotten when records are added."""

    def add_actors(self, records: Iterable[ActorRecord]) -> None:
        """Index actor records; an ``id`` seen before is an error."""
        self._fuzzy_found.clear()
        self._fuzzy_choices = None
        for record in records:
            if record.id in self._actors:
                raise KnowledgeBaseError(f"actor id {record.id!r} is registered twice")
            self._actors[record.id] = record
            for name in (record.name, *record.aliases):
                for key in (name_key(name), *_short_form_keys(name)):
                    if key and record not in self._by_key[key]:
                        self._by_key[key].append(record)
                self._choices[fold(name)] = record
            self._by_surname[fold(record.surname)].append(record)
            for position in record.positions:
                self._by_title[(position.title, record.country)].append((position, record))

    def add_places(self, places: Iterable[Place]) -> None:
        """Index places by name and alias; later entries do not override earlier ones."""
        for place in places:
            for name in (place.name, *place.aliases):
                self._places.setdefault(fold(name), place)

    def __len__(self) -> int:
        return len(self._actors)

    def actors(self) -> Iterator[ActorRecord]:
        """Every indexed actor record."""
        return iter(self._actors.values())

    def get(self, actor_id: str) -> ActorRecord | None:
        """The record with this id, if any."""
        return self._actors.get(actor_id)

    def find_person(self, name: str, *, country: str | None = None) -> ActorRecord | None:
        """The record a full name refers to, in any word order, or ``None``.

        Repairs names damaged by encoding ("Yoshimas? Hayashi"). When several
        records share the name, ``country`` breaks the tie.
        """
        key = name_key(name)
        candidates = self._by_key.get(key, []) if key else []
        if not candidates:
            pattern = _damaged_pattern(name)
            if pattern is not None:
                candidates = [r for folded, r in self._choices.items() if pattern.fullmatch(folded)]
        if not candidates and key and len(key) >= 2:
            candidates = self._fuzzy(name)
        return self._pick(candidates, country)

    def knows_name(self, name: str) -> bool:
        """Whether ``name`` is exactly the name or an alias of a known actor (no repair, no fuzzing).

        >>> kb = KnowledgeBase()
        >>> kb.add_actors([ActorRecord("kor/x", "Moon Jae-in", aliases=("Moon Jae In",))])
        >>> kb.knows_name("Moon Jae In"), kb.knows_name("Moon Jae")
        (True, False)
        """
        key = name_key(name)
        return bool(key) and bool(self._by_key.get(key))

    def _fuzzy(self, name: str) -> list[ActorRecord]:
        folded = fold(name)
        if folded in self._fuzzy_found:
            found = self._fuzzy_found[folded]
        else:
            if self._fuzzy_choices is None:
                names = list(self._choices)
                self._fuzzy_choices = names, [_sorted_words(name) for name in names]
            names, sorted_names = self._fuzzy_choices
            # The token sort ratio of two names is the ratio of their sorted words: each known name's
            # words are sorted once, not at every comparison.
            match = process.extractOne(
                _sorted_words(folded), sorted_names, scorer=fuzz.ratio, score_cutoff=92
            )
            found = names[match[2]] if match else None
            if len(self._fuzzy_found) >= _FUZZY_REMEMBERED:
                self._fuzzy_found.clear()
            self._fuzzy_found[folded] = found
        return [self._choices[found]] if found is not None else []

    def find_by_surname(
        self,
        surname: str,
        *,
        country: str | None = None,
        on: dt.date | None = None,
        title: str | None = None,
    ) -> ActorRecord | None:
        """The one record with this family name, preferring office holders on ``on``.

        ``title`` is the office the text gives ("President Moon", "Foreign
        Minister Wang"): among several people of that name, the one who held
        that kind of office (on ``on``, when given) is meant. Returns ``None``
        when the surname is unknown or stays ambiguous.

        >>> kb = KnowledgeBase()
        >>> kb.add_actors([
        ...     ActorRecord("x/lee-a", "Lee A", "KOR", family_name="Lee",
        ...                 positions=(Position("President", dt.date(2025, 6, 4), None),)),
        ...     ActorRecord("x/lee-b", "Lee B", "KOR", family_name="Lee",
        ...                 positions=(Position("Minister of Foreign Affairs", dt.date(2024, 1, 1), None),))])
        >>> kb.find_by_surname("Lee", on=dt.date(2025, 7, 1), title="President").name
        'Lee A'
        """
        candidates = list(self._by_surname.get(fold(surname), []))
        if country is not None:
            candidates = [r for r in candidates if r.country == country] or candidates
        if len(candidates) > 1 and on is not None:
            serving = [r for r in candidates if any(p.holds_on(on) for p in r.positions)]
            candidates = serving or candidates
        if len(candidates) > 1 and title:
            offices = load_builtin_offices()
            office = offices.office_of(title)
            if office is not None:
                holding = [
                    r
                    for r in candidates
                    if any(
                        offices.office_of(p.title) == office and (on is None or p.holds_on(on))
                        for p in r.positions
                    )
                ]
                candidates = holding or candidates
        return candidates[0] if len(candidates) == 1 else None

    def bearers_of_surname(self, surname: str) -> list[ActorRecord]:
        """Every record with this family name, in the order added.

        >>> kb = KnowledgeBase()
        >>> kb.add_actors([ActorRecord("x/lee-a", "Lee A", "KOR", family_name="Lee")])
        >>> [record.name for record in kb.bearers_of_surname("lee")]
        ['Lee A']
        """
        return list(self._by_surname.get(fold(surname), []))

    def _pick(self, candidates: list[ActorRecord], country: str | None) -> ActorRecord | None:
        if not candidates:
            return None
        if country is not None:
            same = [r for r in candidates if r.country == country]
            if same:
                return same[0]
        return candidates[0]

    def office_holder(self, title: str, country: str | None, on: dt.date | None) -> ActorRecord | None:
        """Who held ``title`` in ``country`` on ``on``; ``None`` when unknown or undated."""
        if on is None:
            return None
        held = [
            (position, record)
            for position, record in self._by_title.get((title, country), [])
            if position.holds_on(on)
        ]
        if len({record.id for _, record in held}) > 1:
            # On a handover day the outgoing holder's term ends as the next one's starts.
            held = [(position, record) for position, record in held if position.start == on] or held
        unique = {record.id: record for _, record in held}
        return next(iter(unique.values())) if len(unique) == 1 else None

    def holder_of_office(self, office: str, country: str | None, on: dt.date | None) -> ActorRecord | None:
        """Who held ``office`` (an :class:`Office` name such as "foreign minister") in ``country`` on ``on``.

        The office's titles are tried in the order of :meth:`OfficeTable.titles_in`;
        ``None`` when no title has exactly one known holder on that day.

        >>> kb = KnowledgeBase()
        >>> kb.add_actors([ActorRecord(id="x/ada-lovelace", name="Ada Lovelace", country="GBR",
        ...     positions=(Position("Foreign Secretary", dt.date(2020, 1, 1), None),))])
        >>> kb.holder_of_office("foreign minister", "GBR", dt.date(2021, 5, 1)).name
        'Ada Lovelace'
        """
        for title in load_builtin_offices().titles_in(office, country):
            record = self.office_holder(title, country, on)
            if record is not None:
                return record
        return None

    def find_place(self, name: str) -> Place | None:
        """The place with this name or alias, or ``None``.

        >>> kb = KnowledgeBase()
        >>> kb.add_places([Place("Washington, D.C.", "USA", aliases=("Washington",))])
        >>> kb.find_place("washington").name
        'Washington, D.C.'
        """
        return self._places.get(fold(name.strip()))
