"""Countries as the sides of an engagement the text names without people.

Real news often reports a meeting by the governments that hold it: "the
two countries will hold talks", "the first Quad meeting was held in
September", "Japan, China and South Korea agreed that the trilateral summit
...", "Seoul and Washington put off a session of the group". This module
finds those sides, as alpha-3 country codes, from three general cues:

* a **grouping** the text names (the Quad, AUKUS), whose members are data
  (``data/sides.json``), not code;
* a **counted plural** ("the two countries", "the four nations", "both
  governments") standing for the countries the article named last;
* the **subject** of the clause: two or more countries (or capitals used
  for their governments) joined by "and", with no person among them.

>>> sides_for_grouping("the Quad leaders' summit")
['AUS', 'IND', 'JPN', 'USA']
>>> counted_countries("talks between the two countries", ["JPN", "USA", "CHN"])
['USA', 'CHN']
>>> subject_countries("Japan and South Korea agreed to resume talks")
['JPN', 'KOR']
"""

from __future__ import annotations

import functools
import json
import re
from importlib import resources
from typing import Any

from alliancekit.actors import load_builtin_offices
from alliancekit.literals import ascii_words
from alliancekit.rules import lexicon
from alliancekit.rules.mentions import PersonMention

__all__ = [
    "GROUPINGS",
    "adjective_countries",
    "counted_countries",
    "counted_list_before",
    "counts_countries",
    "holders_among",
    "listed_countries",
    "office_held",
    "office_of_occasion",
    "sides_for_grouping",
    "subject_countries",
    "who_holds_for",
]


@functools.cache
def _data() -> dict[str, Any]:
    text = resources.files("alliancekit.rules").joinpath("data", "sides.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


@functools.cache
def _groupings() -> dict[str, tuple[str, ...]]:
    data = _data()
    table: dict[str, tuple[str, ...]] = {}
    for entry in data["groupings"]:
        members = tuple(sorted(entry["members"]))
        for name in entry["names"]:
            table[name] = members
    return table


GROUPINGS = _groupings
"""The minilateral groupings whose meetings are engagements of their members, by every name they go by."""


@functools.cache
def _grouping_pattern() -> re.Pattern[str]:
    names = sorted(_groupings(), key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{lexicon.trie_alternation(names)})(?![\w-])")


def sides_for_grouping(phrase: str) -> list[str]:
    """The member countries of the one grouping a phrase names, or ``[]``.

    >>> sides_for_grouping("an AUKUS defence ministers' meeting")
    ['AUS', 'GBR', 'USA']
    >>> sides_for_grouping("the summit of the Group of 20")
    []
    """
    found = {_groupings()[match.group()] for match in _grouping_pattern().finditer(phrase)}
    return list(found.pop()) if len(found) == 1 else []


_NUMBERS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5}
_COUNTED = re.compile(
    r"\b(?P<count>two|both|three|four|five)\s+(?:(?:neighbou?ring|allied|Asian|member|partner)\s+)?"
    r"(?P<noun>countries|nations|governments)\b",
    re.IGNORECASE,
)


def counts_countries(phrase: str) -> bool:
    """Whether ``phrase`` holds a counted plural of countries ("the two countries", "both nations").

    Only then does :func:`counted_countries` need the countries named before it.

    >>> counts_countries("the foreign ministers of the four countries"), counts_countries("the talks")
    (True, False)
    """
    return _COUNTED.search(phrase) is not None


def counted_countries(phrase: str, named_before: list[str]) -> list[str]:
    """The countries a counted plural in ``phrase`` stands for: the last ones the article named.

    ``named_before`` lists the countries the article named before the
    phrase, in order of mention (repeats allowed). "the two countries"
    stands for the last two distinct ones, when there are that many.

    >>> counted_countries("the foreign ministers of the four countries", ["USA", "JPN", "AUS", "IND", "JPN"])
    ['USA', 'AUS', 'IND', 'JPN']
    >>> counted_countries("the three countries", ["JPN", "USA"])
    []
    """
    match = _COUNTED.search(phrase)
    if match is None:
        return []
    count = _NUMBERS[match.group("count").lower()]
    latest: list[str] = []
    for code in reversed(named_before):
        if code not in latest:
            latest.append(code)
        if len(latest) == count:
            return list(reversed(latest))
    return []


_LISTED = re.compile(
    r"^\s*(?:between|among|amongst|involving|of)\s+(?:the\s+)?"
    # "between the leaders of South Korea, China and Japan": the countries whose leaders meet
    r"(?:(?:leaders|heads\s+of\s+state|foreign\s+ministers|defen[cs]e\s+ministers|governments)\s+of\s+(?:the\s+)?)?"
    r"(?P<list>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?"
    r"(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)*,?\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*)?)\b"
)


def listed_countries(after: str) -> list[str]:
    """The countries listed right after an event noun: "summit among South Korea, China and Japan".

    >>> listed_countries(" between Japan and the Philippines in Manila")
    ['JPN', 'PHL']
    >>> listed_countries(" between the leaders of South Korea, China and Japan")
    ['KOR', 'CHN', 'JPN']
    >>> listed_countries(" between President Lee and Japan")
    []
    """
    match = _LISTED.match(after)
    return _countries_of_list(match.group("list")) if match is not None else []


_SUBJECT_LIST = re.compile(
    r"^\s*(?:(?:But|And|Meanwhile|Separately|On\s+\w+),?\s+)?(?:the\s+)?(?P<list>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?"
    r"(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)*,?\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*"
    r"(?:\s+[A-Z][\w.’'-]*)?)\s+(?=[a-z])"
)
_LIST_SPLIT = re.compile(r",\s+(?:and\s+)?|\s+and\s+")


def subject_countries(clause: str) -> list[str]:
    """The countries that open a clause as its subject: "Japan and South Korea agreed ...".

    Every member of the list must be a country or a capital standing for its
    government; a list with a person or an organisation in it gives ``[]``.

    >>> subject_countries("Seoul and Washington put off a session of the group")
    ['KOR', 'USA']
    >>> subject_countries("Smith and Japan signed the deal")
    []
    """
    match = _SUBJECT_LIST.match(clause)
    return _countries_of_list(match.group("list")) if match is not None else []


# "a meeting of the U.S., Japanese and Australian chiefs of defense": the adjectives of a list.
_OF_ADJECTIVES = re.compile(
    r"\s*(?:(?:of|among|between)\s+)?(?:the\s+)?(?P<list>[A-Z][\w.’'-]*(?:,\s+[A-Z][\w.’'-]*)*,?\s+and\s+"
    r"[A-Z][\w.’'-]*)\s+[a-z]"
)


def adjective_countries(after: str) -> list[str]:
    """The countries whose officials an event noun names by adjectives: "of the U.S. and Japanese envoys".

    >>> adjective_countries(" of the U.S., Japanese and Australian chiefs of defense")
    ['USA', 'JPN', 'AUS']
    """
    match = _OF_ADJECTIVES.match(after)
    if match is None:
        return []
    codes: list[str] = []
    for item in _LIST_SPLIT.split(match.group("list")):
        code = lexicon.country_of_word(item)
        if code is None:
            return []
        codes.append(code)
    return list(dict.fromkeys(codes)) if len(set(codes)) >= 2 else []


# "a trilateral summit", "bilateral talks": wording that counts an engagement's sides.
_SIDES_COUNTED = re.compile(
    r"\b(?P<kind>bilateral|trilateral|two-way|three-way)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE
)
# A coordinated list of capitalized names: "Japan, Philippine and U.S.", "the U.S. and Japan".
_COUNTRY_LIST = re.compile(
    r"(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?(?:,\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)*"
    r",?\s+and\s+(?:the\s+)?[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?"
)


# "the" opening a list's item: "the Philippines" is the country "Philippines".
_LEADING_THE = re.compile(r"^the\s+")


def counted_list_before(sentence_before: str, noun: str) -> list[str]:
    """The sides of "a trilateral summit" that names none: the countries its sentence lists before it.

    ``sentence_before`` is the sentence up to the event ``noun``. Only a
    list of exactly as many countries as the wording counts is taken (the
    last one), not a country named in passing.

    >>> counted_list_before("Drills of Japan, Philippine and U.S. forces followed a trilateral ", "summit")
    ['JPN', 'PHL', 'USA']
    """
    counted = _SIDES_COUNTED.search(sentence_before[-60:] + noun + " ")
    if counted is None:
        return []
    count = 3 if counted.group("kind").lower() in ("trilateral", "three-way") else 2
    found: list[str] = []
    for listed in _COUNTRY_LIST.finditer(sentence_before):
        items = [_LEADING_THE.sub("", item) for item in _LIST_SPLIT.split(listed.group())]
        codes = [lexicon.country_of_word(item) for item in items]
        if len(codes) == count and None not in codes and len(set(codes)) == count:
            found = [code for code in codes if code is not None]
    return found


def _countries_of_list(written: str) -> list[str]:
    """The countries of a written list, or ``[]`` when one of its items is no country."""
    codes: list[str] = []
    for item in _LIST_SPLIT.split(written):
        item = _LEADING_THE.sub("", item.strip())
        code = lexicon.country_names().get(item.lower()) or _data()["capitals"].get(item)
        if code is None:
            return []
        if code not in codes:
            codes.append(code)
    return codes if len(codes) >= 2 else []


# The office an occasion's name implies for each side: a summit is the leaders'.
_OCCASION_OFFICES = (
    (re.compile(r"\bforeign\s+(?:minister|secretar)|\btop\s+diplomats\b", re.IGNORECASE), "foreign minister"),
    (re.compile(r"\bdefen[cs]e\s+(?:minister|secretar|chief)", re.IGNORECASE), "defense minister"),
    (re.compile(r"\btrade\s+minister", re.IGNORECASE), "trade minister"),
    (re.compile(r"\bsummit|\bleaders\b|\bleaders['’]", re.IGNORECASE), "leader"),
    # "the Quad ministerial meeting": a grouping's ministers are its foreign ministers unless named otherwise
    (re.compile(r"\bministerial\b", re.IGNORECASE), "foreign minister"),
)
# A word (in lower case) each of the occasion patterns needs: a phrase holding none names no office.
_OCCASION_WORDS = ("foreign", "diplomats", "defen", "trade", "summit", "leaders", "ministerial")


def office_of_occasion(phrase: str) -> str | None:
    """The office whose holders meet at the occasion a phrase names, if it says.

    >>> office_of_occasion("the trilateral summit"), office_of_occasion("a foreign ministers' meeting")
    ('leader', 'foreign minister')
    >>> office_of_occasion("working-level talks") is None
    True
    """
    # Most phrases hold none of the words: a look for them first, in the lower-cased phrase, whose
    # case only a phrase with a word character beyond ASCII may fold otherwise than the patterns do.
    if ascii_words(phrase):
        lowered = phrase.lower()
        if not any(word in lowered for word in _OCCASION_WORDS):
            return None
    for pattern, office in _OCCASION_OFFICES:
        if pattern.search(phrase):
            return office
    return None


def who_holds_for(
    codes: list[str], office: str, people: list[PersonMention], near: int
) -> list[PersonMention] | None:
    """The people the story names who hold ``office`` for each country of ``codes``, or ``None``.

    "A trilateral summit among South Korea, China and Japan" is a meeting of
    the three leaders when the story names each of them: for each country,
    the named person of that country whose title is one of the office's,
    the one named closest to ``near`` when there are several. When one side
    has no such person, the sides stay countries (``None``).
    """
    chosen = holders_among(codes, office, people, near)
    return chosen if len(chosen) == len(codes) else None


def holders_among(
    codes: list[str], office: str, people: list[PersonMention], near: int
) -> list[PersonMention]:
    """The people among ``people`` who hold ``office`` for a country of ``codes``: one per country at most.

    For each country, the person of that country whose title is one of the
    office's (not a former holder), the one named closest to ``near`` when
    there are several; a country with no such person is left out.
    """
    offices = load_builtin_offices()
    chosen: list[PersonMention] = []
    for code in codes:
        titles = {title.lower() for title in offices.titles_in(office, code)}
        holders = [
            person
            for person in people
            if person.country == code
            and not person.former
            and person.title is not None
            and person.title.lower() in titles
        ]
        if holders:
            chosen.append(min(holders, key=lambda person: abs(person.start - near)))
    return chosen


_OFFICES_MET_AS_COUNTERPARTS = ("leader", "foreign minister", "defense minister", "trade minister")


def office_held(person: PersonMention) -> str | None:
    """The office a named person holds for their country, of those whose holders meet as counterparts.

    The leader, the foreign, defence or trade minister; ``None`` for any
    other title or an unknown one.
    """
    if person.title is None:
        return None
    offices = load_builtin_offices()
    title = person.title.lower()
    for office in _OFFICES_MET_AS_COUNTERPARTS:
        if title in {held.lower() for held in offices.titles_in(office, person.country)}:
            return office
    return None
