"""Word lists the rules read: titles, ranks, organization words, countries.

These are facts about English news language, not about any person: which
words make up an office title, which capitalized words are never part of a
personal name, and how countries and their adjectives are written. Country
names and demonyms come from ``actors/data/countries.json``.

>>> country_of_word("Japanese"), country_of_word("U.S."), country_of_word("Tokyo")
('JPN', 'USA', None)
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable
from importlib import resources
from typing import Any

import pycountry

__all__ = [
    "CONNECTORS",
    "FUNCTION_WORDS",
    "HONORIFICS",
    "ORG_WORDS",
    "POST_NOMINALS",
    "RANK_WORDS",
    "TITLE_HEADS",
    "TITLE_WORDS",
    "country_name",
    "country_names",
    "country_of_word",
    "country_pattern",
    "country_words",
    "is_title_word",
    "trie_alternation",
]

TITLE_HEADS = frozenset(
    """
    minister secretary president adviser advisor ambassador envoy premier chancellor chairman
    chairwoman chair director director-general commander spokesperson spokesman spokeswoman governor
    speaker representative senator chief leader head undersecretary vice-minister counselor
    counsellor administrator coordinator attaché attache consul consul-general deputy official
    officials mayor lawmaker legislator congressman congresswoman parliamentarian
    """.split()
)
"""Nouns that end an office title ("Vice Foreign *Minister*")."""

TITLE_WORDS = frozenset(
    """
    prime vice deputy assistant under acting senior state parliamentary special chief principal
    defense defence foreign finance trade economy economic treasury war commerce energy interior
    home justice unification national security press policy digital industry agriculture health
    education environment transport transportation labor labour cabinet affairs general staff joint
    forces homeland political military international public diplomacy intelligence operations
    relations asian pacific east south north southeast indo-pacific asia-pacific american european
    eurasian office executive fleet command region wing army navy air marine marines corps
    self-defense maritime ground coast guard forces chiefs combatant minister ministry secretary
    president adviser advisor ambassador envoy commander director director-general chairman chair
    governor speaker representative senator leader head spokesperson spokesman spokeswoman and of
    for to the revitalization revitalisation reconstruction reform regional arms control
    nonproliferation strategy strategic planning resources allied alliance cooperation indo asia
    pacific sea land capability capabilities acquisition sustainment research engineering personnel
    readiness first second third peace issues
    """.split()
)
"""Words that may appear inside an office title (lower-cased)."""

RANK_WORDS = frozenset(
    """
    adm. adm admiral gen. gen general rear vice brig. brig brigadier lt. lt lieutenant col. col
    colonel maj. maj major capt. capt captain cmdr. cmdr commander cdr. sgt. sgt sergeant cpl. pvt.
    ens. ensign marshal air chief commodore
    """.split()
)
"""Military ranks that may precede a name (lower-cased)."""

HONORIFICS = frozenset(
    """
    mr. mr mrs. mrs ms. ms dr. dr prof. sir dame sen. sen rep. rep gov. gov hon. hon honorable
    honourable rt rt. lord lady madam president premier king queen emperor crown prince princess his
    her excellency
    """.split()
)
"""Honorifics and courtesy titles that may precede a name (lower-cased)."""

ORG_WORDS = frozenset(
    """
    department ministry house office base camp corps region force forces command park festival
    council agency party congress senate parliament diet university institute center centre news
    times post journal group summit alliance strait sea ocean peninsula islands island street palace
    hall hotel airport station bureau committee commission bank fund association organization
    organisation union treaty dialogue forum conference wing fleet navy army guard memorial cemetery
    ranking article administration government cabinet embassy consulate company corporation inc corp
    ltd co airlines agency service services daily herald tribune network television radio press
    review magazine foundation council centre school college museum square tower bridge port harbor
    harbour bay river mountain valley county province prefecture state states kingdom republic
    federation emirates initiative program programme project strategy doctrine act law bill accord
    agreement declaration statement framework partnership quad aukus nato asean g7 g20 un eu apec
    visit visits trip tour ceremony talks meeting meetings session consultations residence villa
    compound building headquarters zone
    """.split()
)
"""Words that mark a capitalized run as an organization or place, not a person."""

FUNCTION_WORDS = frozenset(
    """
    the a an in on at during after before however further furthermore according both this that these
    those it he she they we his her their its our as with without against most some many several
    meanwhile also and but or if when while since until although though because so yet then there
    here what why how who whom whose which where all any each every no not other such more less
    following despite amid among between from to of for by via into onto upon over under about
    across along around behind beyond inside outside near per than like unlike i you your my me us
    them him one two three four five first second new last next earlier later today yesterday
    tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april
    may june july august september october november december jan feb mar apr jun jul aug sep sept
    oct nov dec spring summer autumn fall winter week month year morning afternoon evening night mid
    early late upcoming senior top key former current incoming outgoing additionally separately
    elsewhere earlier observers officials analysts experts sources reporters critics citizens north
    south east west northern southern eastern western central western indo-pacific asia-pacific
    pacific atlantic indian
    """.split()
)
"""Capitalized-at-sentence-start words that never begin a personal name (lower-cased)."""

POST_NOMINALS = frozenset(
    """
    mp mla mep mhk msp qc kc sc obe cbe kbe mbe dbe gcmg kcmg cmg ac ao am phd
    """.split()
)
"""Letters written after a name for a seat, an honour or a degree ("Jane Roe MP"), lower-cased."""

CONNECTORS = frozenset({"of", "for", "to", "the", "and", "on", "in"})
"""Lower-case words that may join the parts of an office title."""


@functools.lru_cache(maxsize=8192)
def is_title_word(word: str) -> bool:
    """Whether ``word`` can be part of an office title or rank (remembered per word: titles repeat).

    >>> is_title_word("Secretary"), is_title_word("Adm."), is_title_word("Campbell")
    (True, True, False)
    """
    lowered = word.lower().strip(",")
    return (
        lowered in TITLE_WORDS
        or lowered in TITLE_HEADS
        or lowered in RANK_WORDS
        or lowered in HONORIFICS
        or country_of_word(word) is not None
    )


@functools.cache
def _countries() -> tuple[dict[str, str], dict[str, str]]:
    text = (
        resources.files("alliancekit.actors").joinpath("data", "countries.json").read_text(encoding="utf-8")
    )
    data = json.loads(text)
    names: dict[str, str] = {}
    words: dict[str, str] = {}
    entries = [(entry["code"], entry["names"], entry["demonyms"]) for entry in data["countries"]]
    # Every other country by its usual English name (ISO 3166 through pycountry), after the
    # curated entries, which also know demonyms and metonyms.
    entries += [(code, [name], []) for code, name in _iso_country_names()]
    for code, country_names_, demonyms in entries:
        for name in country_names_:
            names.setdefault(name.lower(), code)
        for name in (*country_names_, *demonyms):
            for form in (name.lower(), name.lower() + "'s", name.lower() + "’s"):
                words.setdefault(form, code)
    return names, words


def _iso_country_names() -> list[tuple[str, str]]:
    """(alpha-3, name) of every ISO 3166 country whose usual name reads as one in running text."""
    found = []
    for country in pycountry.countries:
        name = getattr(country, "common_name", None) or country.name
        if "," not in name and "(" not in name:
            found.append((country.alpha_3, name))
    return found


def country_names() -> dict[str, str]:
    """Country names and capitals-as-metonyms (lower-cased) to alpha-3 codes.

    >>> country_names()["south korea"]
    'KOR'
    """
    return _countries()[0]


@functools.cache
def _display_names() -> dict[str, str]:
    text = (
        resources.files("alliancekit.actors").joinpath("data", "countries.json").read_text(encoding="utf-8")
    )
    return {entry["code"]: entry["name"] for entry in json.loads(text)["countries"]}


def country_name(code: str) -> str:
    """The usual English name of a country, by its alpha-3 code (the code itself when unknown).

    >>> country_name("KOR")
    'South Korea'
    """
    return _display_names().get(code, code)


def country_words() -> frozenset[str]:
    """Every lower-cased form that names a country: names, demonyms and their possessives.

    >>> {"japan", "japanese", "japan's"} <= country_words()
    True
    """
    return frozenset(_countries()[1])


@functools.lru_cache(maxsize=8192)
def country_of_word(word: str) -> str | None:
    """The country a name, demonym or possessive denotes, if any (remembered per word).

    >>> country_of_word("Japan’s"), country_of_word("South Korean")
    ('JPN', 'KOR')
    """
    return _countries()[1].get(word.lower())


@functools.cache
def country_pattern() -> re.Pattern[str]:
    """A regex matching any country name or demonym as whole words.

    >>> [m.group() for m in country_pattern().finditer("the U.S. and South Korean talks")]
    ['U.S.', 'South Korean']
    """
    names = sorted(_countries()[1], key=len, reverse=True)
    # Case-sensitive on purpose: "us" the pronoun is not "US" the country.
    variants = {variant for name in names for variant in _cased_variants(name)}
    # One branch per first letter, the look-behind after that letter: a pattern whose branches open
    # with letters is tried only where one of them stands, one that opens with a look-behind everywhere.
    rests: dict[str, list[str]] = {}
    for variant in variants:
        rests.setdefault(variant[0], []).append(variant[1:])
    branches = [
        rf"{re.escape(first)}(?<![\w.]{re.escape(first)})(?:{trie_alternation(rests[first])})"
        for first in sorted(rests)
    ]
    return re.compile(rf"(?:{'|'.join(branches)})(?![\w])")


def trie_alternation(words: Iterable[str]) -> str:
    """A regex alternation of literal words, factored by shared prefixes.

    Matching tries a position's first character once instead of once per
    word, so hundreds of words cost little more than a few. Longer words win
    over their own prefixes, as in an alternation sorted longest first.

    >>> trie_alternation(["Japan", "Japanese", "Jordan"])
    'J(?:apan(?:ese)?|ordan)'
    >>> bool(re.fullmatch(trie_alternation(["U.S.", "US"]), "U.S."))
    True
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict[str, Any]) -> str:
    ends_here = "" in node
    branches = [re.escape(char) + _trie_regex(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends_here:
        if len(branches) == 1 and len(body) > 1 and not body.startswith("(?:"):
            body = "(?:" + body + ")"
        return body + "?"
    return body


@functools.cache
def _canonical_forms() -> dict[str, str]:
    text = (
        resources.files("alliancekit.actors").joinpath("data", "countries.json").read_text(encoding="utf-8")
    )
    forms: dict[str, str] = {}
    for entry in json.loads(text)["countries"]:
        for name in (*entry["names"], *entry["demonyms"]):
            forms[name.lower()] = name
    return forms


def _cased_variants(lowered: str) -> list[str]:
    base = lowered.removesuffix("'s").removesuffix("’s")
    suffix = lowered[len(base) :]
    original = _canonical_forms().get(base)
    if original is None:
        return []
    return [original + suffix]
