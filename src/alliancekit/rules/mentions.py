"""Finding who and where in a sentence: people, groups, places and countries.

A person is recognised from general cues, never from a list of expected
names: an office title or rank right before a capitalized name
("Secretary of War Ray Dellinger"), an apposition right after one
("Maren Arakawa, the country's Vice Foreign Minister"), a name the
knowledge base knows, or a surname already introduced in the document.
Pronouns and phrases like "the two leaders" are resolved by
:class:`~alliancekit.rules.extractor.RulesExtractor` against what came before.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

import ahocorasick
import attrs

from alliancekit.actors import ActorRecord, KnowledgeBase, Place, fold, load_builtin_offices, name_key
from alliancekit.literals import ascii_words
from alliancekit.rules import lexicon

__all__ = [
    "GroupMention",
    "PersonMention",
    "PlaceMention",
    "PronounMention",
    "about_both_koreas",
    "find_groups",
    "find_korea_sides",
    "find_places",
    "find_pronouns",
    "iter_name_windows",
]

# A capitalized word that may belong to a name or title, including initials
# ("D."), dotted acronyms ("U.S."), hyphenated and apostrophe forms, and words
# with a letter lost to encoding ("Shinjir?").
_CAP_TAIL = r"(?:\.(?:[A-Z]\.)+(?:['’]s)?|[\w’'\-]*(?:[?\ufffd][\w’'\-]*)*\.?)"
_CAP = rf"(?:[A-Z]{_CAP_TAIL})"
# Lower-case particles inside a surname ("Anna von der Heide"), joined to the capitalised parts.
_PARTICLES = frozenset(
    {"von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "ter"}
)
_PARTICLE = "|".join(sorted(_PARTICLES, key=len, reverse=True))
# A window never starts inside a word after an elided article ("d’Affaires", "l'Union"). Its first
# capital comes first, the look-behinds (which step back over it) after: a pattern that opens with a
# letter class is only tried where such a letter stands, one that opens with a look-behind everywhere.
_WINDOW = re.compile(
    rf"[A-Z](?<![^\W\d_][’'][A-Z])(?<![^\W\d_][A-Z])(?<!\d[A-Z]){_CAP_TAIL}(?:\s(?:(?:of|for|to|the|and|on)\s)*{_CAP}|\s(?:(?:{_PARTICLE})\s){{1,2}}(?={_CAP}){_CAP})*"
)
_POSSESSIVE = re.compile(r"['’]s?$")


@functools.lru_cache(maxsize=8192)
def _bare_word(word: str) -> str:
    """A word of a window without its possessive ending and a closing dot or comma (remembered per word).

    >>> _bare_word("Okafor's"), _bare_word("Okafor,"), _bare_word("Jr.")
    ('Okafor', 'Okafor', 'Jr')
    """
    return _POSSESSIVE.sub("", word).rstrip(".,")


@attrs.frozen
class PersonMention:
    """A named person found in the text.

    ``start``/``end`` are document offsets of the name as written;
    ``title`` and ``country`` come from the surrounding words or the
    knowledge base. ``former`` is true when the text introduces the person
    as a former office holder ("former President X"): someone of the
    background, whom a bare surname names only when no one else bears it.
    """

    start: int
    end: int
    name: str
    title: str | None = None
    country: str | None = None
    kb_id: str | None = None
    cue: str = "name"
    possessive: bool = False
    apposition_end: int | None = None
    former: bool = False


@attrs.frozen
class PronounMention:
    """A pronoun or "the two leaders" style phrase to resolve to people."""

    start: int
    end: int
    text: str
    plural: bool
    possessive: bool


@attrs.frozen
class GroupMention:
    """An unnamed group of officials ("Japanese foreign and defense authorities")."""

    start: int
    end: int
    text: str
    country: str | None


@attrs.frozen
class PlaceMention:
    """A place: a country, or a city, base or site from the gazetteer or the text."""

    start: int
    end: int
    name: str
    country: str | None
    kind: str
    text: str


def iter_name_windows(sentence: str) -> Iterator[re.Match[str]]:
    """Runs of capitalized words, joined by title connectors ("Secretary of State X").

    >>> [m.group() for m in iter_name_windows("Deputy Secretary of State Kurt Campbell met him.")]
    ['Deputy Secretary of State Kurt Campbell']
    """
    return _WINDOW.finditer(sentence)


def _split_window(
    sentence: str, window: re.Match[str], is_known_surname: Callable[[str], bool] | None = None
) -> Iterator[re.Match[str]]:
    """Cut a window where a connector follows a name ("... Pellegrini and Defense Secretary ...").

    ``is_known_surname`` tells whether a word is the surname of someone the
    document has introduced: such a word ends a name before a connector even
    when it reads as a common word ("talks between Park and Sandoval", "with Park
    on Saturday").
    """
    tokens = _tokens(window.group())
    if len(tokens) == 1:
        yield window  # one word: no connector to cut at, and no letters after a name to leave out
        return
    start = window.start()
    for index in range(1, len(tokens) - 1):
        word = tokens[index][2]
        if (
            word.endswith(("'s", "’s"))
            and _is_name_token(word)
            and tokens[index + 1][2].lower() not in lexicon.TITLE_HEADS
        ):
            # "Yuki Okafor's British visit": a possessive ends the name, what follows qualifies the noun.
            piece = _WINDOW.match(sentence, start, window.start() + tokens[index][1])
            if piece is not None:
                yield piece
            start = window.start() + tokens[index + 1][0]
            continue
        if word.lower() in lexicon.CONNECTORS and (
            _is_name_token(tokens[index - 1][2])
            or _is_capitals_surname(tokens, index - 1)
            or _is_given_after_capitals(tokens, index - 1)
            or (is_known_surname is not None and is_known_surname(_bare_word(tokens[index - 1][2])))
            or (word.lower() == "and" and tokens[index + 1][2].lower() in _COURTESY_TITLES)
        ):
            piece = _WINDOW.match(sentence, start, window.start() + tokens[index][0] - 1)
            if piece is not None:
                yield piece
            start = window.start() + tokens[index + 1][0]
    end = _before_post_nominals(window, tokens)
    if start == window.start() and end == window.end():
        yield window  # nothing cut off: the window is its own one piece
        return
    piece = _WINDOW.match(sentence, start, end)
    if piece is not None:
        yield piece


_ROMAN_SUFFIXES = frozenset({"II", "III", "IV"})
_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def _before_post_nominals(window: re.Match[str], tokens: _Tokens) -> int:
    """Where a window (of words ``tokens``) ends without the letters or the day after a name.

    "The Rt Hon Jane Roe MP" ends at "Roe"; so does "met Jane Roe Friday in
    Tokyo", where the day is the meeting's time.
    """
    end = len(tokens)
    while end > 1:
        word = tokens[end - 1][2].rstrip(".,")
        written_as_letters = word.isupper() or word.lower() == "phd"
        if (
            not (written_as_letters and word.lower() in lexicon.POST_NOMINALS)
            and word.lower() not in _WEEKDAYS
            and word not in _ROMAN_SUFFIXES  # "Gen. Dale Roe IV": the name ends before the numeral
        ):
            break
        end -= 1
    return window.start() + tokens[end - 1][1]


_Tokens = tuple[tuple[int, int, str], ...]
_TOKEN = re.compile(r"\S+")


@functools.lru_cache(maxsize=4096)
def _tokens(window: str) -> _Tokens:
    """The words of a window with their offsets; a window is cut into words two or three times."""
    return tuple((m.start(), m.end(), m.group()) for m in _TOKEN.finditer(window))


@functools.lru_cache(maxsize=4096)
def _name_run_start(window: str) -> int:
    """Which word of a window starts its trailing run of name-like words: what precedes is a title.

    The words alone decide, so each window (news repeats "President Jane Doe") is read once.
    """
    tokens = _tokens(window)
    index = len(tokens)
    while index > 0 and (
        _is_name_token(tokens[index - 1][2])
        or _is_capitals_surname(tokens, index - 1)
        or _is_given_after_capitals(tokens, index - 1)
        or (
            tokens[index - 1][2] in _PARTICLES
            and index > 1
            and (_is_name_token(tokens[index - 2][2]) or tokens[index - 2][2] in _PARTICLES)
        )
    ):
        index -= 1
    return index


@functools.lru_cache(maxsize=8192)
def _is_name_token(token: str) -> bool:
    bare = _bare_word(token)
    if not bare or not bare[0].isupper():
        return False
    lowered = bare.lower()
    if lowered in lexicon.ORG_WORDS or lowered in lexicon.FUNCTION_WORDS:
        return False
    if lexicon.is_title_word(bare) or lexicon.country_of_word(bare) is not None:
        return False
    if "." in bare and lexicon.country_of_word(bare + ".") is not None:
        return False  # "Ambassador to the U.S. Solberg": the dotted country is no given name
    # Acronyms such as "DPRK" or "ASDF" are not names; an upper-case surname
    # in a readout ("ACHEBE Nora") is judged with its neighbours.
    return not (len(bare) > 1 and bare.isupper() and "." not in bare)


def _is_given_after_capitals(tokens: _Tokens, index: int) -> bool:
    """Whether a token is the given name after a readout-capitals surname ("MARSH Kenta")."""
    if index < 1:
        return False
    word = _bare_word(tokens[index][2])
    surname = tokens[index - 1][2]
    lowered = word.lower()
    return (
        word.isalpha()
        and word[:1].isupper()
        and word[1:].islower()
        and lowered not in lexicon.TITLE_HEADS
        and lowered not in lexicon.TITLE_WORDS
        and lowered not in lexicon.ORG_WORDS
        and lowered not in lexicon.FUNCTION_WORDS
        and lexicon.country_of_word(word) is None
        and len(surname) >= 3
        and surname.isalpha()
        and surname.isupper()
        and lexicon.country_of_word(surname) is None
        and surname.lower() not in lexicon.ORG_WORDS
    )


def _is_capitals_surname(tokens: _Tokens, index: int) -> bool:
    """Whether an all-capitals token is a surname written in readout style ("QUIST Rafael")."""
    token = _bare_word(tokens[index][2])
    if len(token) < 3 or not token.isalpha() or not token.isupper():
        return False
    if lexicon.country_of_word(token) is not None or token.lower() in lexicon.ORG_WORDS:
        return False
    neighbours = []
    for step in (-1, 1):
        position = index + step
        while 0 <= position < len(tokens) and _INITIAL.fullmatch(tokens[position][2]):
            position += step  # "Amara C. ASHDOWN": look past the middle initial
        if 0 <= position < len(tokens):
            neighbours.append(tokens[position][2])
    if any(_is_name_token(word) and not word.isupper() for word in neighbours):
        return True
    if index + 1 < len(tokens) and _is_given_after_capitals(tokens, index + 1):
        return True
    # "Secretary ASHDOWN", "Mr. LINDQVIST": a readout-capitals surname right after a title
    before = tokens[index - 1][2].lower().rstrip(".,") if index > 0 else ""
    last = index == len(tokens) - 1 or tokens[index + 1][2].lower() in lexicon.CONNECTORS
    return len(token) >= 4 and last and (before in lexicon.TITLE_HEADS or before + "." in lexicon.HONORIFICS)


# Honorifics that are also offices: "Minister for Trade and President of the Board" is one title.
_OFFICE_HONORIFICS = frozenset(
    {"president", "premier", "king", "queen", "emperor", "crown", "prince", "princess", "his", "her"}
)
_COURTESY_TITLES = lexicon.HONORIFICS - _OFFICE_HONORIFICS
# "former" right before a name's own title ("former President X", "ex-Prime Minister Y").
_FORMER_OWN_TITLE = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)\s*(?:[A-Z][\w.’'-]*\s+)*$")
# A name after "and" sharing the title before it: "former Presidents X and Y".
_FORMER_SHARED_TITLE = re.compile(r"\b(?:[Ff]ormer|[Ee]x-)\s*(?:[A-Z][\w.’'-]*,?\s+|and\s+)+$")
_INITIAL = re.compile(r"[A-Z]\.")
_INITIAL_OR_LETTER = re.compile(r"[A-Z]\.?")
_INITIAL_AT_END = re.compile(r"\b[A-Z]\.$")
# Two or three capitals, as some given names are written ("AJ Brody").
_SHORT_CAPITALS = re.compile(r"[A-Z]{2,3}")
_GENERATIONAL_SUFFIX = re.compile(r"(?:Jr|Sr|III|II|IV)\.?")
_NAME_SUFFIX = re.compile(r",?\s(?:Jr|Sr|III|II|IV)\b\.?")
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")


_APPOSITION = re.compile(
    r"^,\s+(?!who\b|which\b|whose\b|that\b|where\b|when\b|and\b|but\b|while\b|as\b)"
    r"(?:(?:the|a|an|then|now|former)\s+)?(?P<title>(?:(?!\b(?:is|was|were|are|has|had|have|will|would|said|says|"
    r"arrived|met|visited|held|told)\b)(?:(?:(?-i:[A-Z])\.)+|[^,;:.()“”\"])){0,110}?\b(?:"
    + "|".join(sorted((re.escape(h) for h in lexicon.TITLE_HEADS), key=len, reverse=True))
    + r")(?:\s+general)?\b(?:\s+(?:of|for|to|at|in|on)\s+[^,;:()“”\"]{1,90}?)?)\s*"
    r"(?=[,;:.]|\s+(?:and|said|says|told|who|will|was|is|has|had|were|are)\b|$)",
    re.IGNORECASE,
)
_TITLE_PREFIX = re.compile(
    r"^(?:(?:the|a)\s+)?(?:(?:country|nation|government|kingdom|republic)['’]s\s+)?(?P<rest>.*)$",
    re.IGNORECASE,
)


# "the country's Vice Foreign Minister": the country is the one named last before.
_COUNTRY_OWN = re.compile(r"^(?:the\s+)?(?:country|nation)['’]s\b", re.IGNORECASE)
# The complement that ends a title: "of Japan" in "Prime Minister of Japan".
_COMPLEMENT = re.compile(r"\b(?:of|for)\s+(?:the\s+)?([A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)\s*$")


def _split_title_country(title: str, sentence: str, position: int) -> tuple[str, str | None]:
    """Separate a country word from a title ("U.S. Deputy Secretary" -> USA, "Deputy Secretary")."""
    match = _TITLE_PREFIX.match(title.strip())
    rest = match.group("rest") if match else title.strip()
    country = None
    if _COUNTRY_OWN.match(title.strip()):
        country = _last_country_before(sentence, position)
    words = rest.split()
    while words and lexicon.country_of_word(words[0].rstrip(",")) is not None:
        country = country or lexicon.country_of_word(words[0].rstrip(","))
        words = words[1:]
    if len(words) >= 2 and lexicon.country_of_word(" ".join(words[:2])) is not None:
        country = country or lexicon.country_of_word(" ".join(words[:2]))
        words = words[2:]
    # A country in the complement ("Prime Minister of Japan") also places the person.
    complement = _COMPLEMENT.search(" ".join(words))
    if country is None and complement:
        country = lexicon.country_of_word(complement.group(1))
    return " ".join(words), country


def _last_country_before(sentence: str, position: int) -> str | None:
    found = None
    for match in lexicon.country_pattern().finditer(sentence, 0, position):
        found = lexicon.country_of_word(match.group())
    return found


_TITLE_SMALL_WORDS = frozenset({"of", "for", "to", "the", "and", "on", "in", "at"})


@functools.lru_cache(maxsize=1024)
def _title_case(title: str) -> str:
    """A title with each word capitalised but the small ones inside it; news repeats the same titles."""
    words = title.split()
    return " ".join(
        w if w.lower() in _TITLE_SMALL_WORDS and i else (w[:1].upper() + w[1:]) for i, w in enumerate(words)
    )


# What follows a surname used as a modifier, not for its bearer: "Okafor administration", "Mireles-era".
_MODIFIED_NOUN = re.compile(
    r"(?:-era\b|\s+(?:administration|government|era|team|camp|cabinet|doctrine|policy|policies|presidency|"
    r"years|agenda|tariffs?)\b)"
)
# A finite verb right after a sentence's opening name: "Kenta Hamasaki was planning", "... met".
_FINITE_VERB_AFTER = re.compile(
    r"\s+(?:(?:also|then|later|earlier|had|has|have)\s+)?"
    r"(?:was|is|will|would|has|had|plans|planned|met|visited|arrived|travelled|traveled|flew|held|"
    r"said|told|called|spoke|hosted|invited|left|returned|attended)\b"
)
# A word as a given name or surname is written: "Kenta", "Soo-ah", not "NATO" or "iPhone".
_PLAIN_NAME_WORD = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?")
# The party and state tag after a U.S. legislator's name: "(R-Kan.)", "(D-N.M.)", "(I-Vt.)".
_PARTY_TAG = re.compile(r"\s*\((?:R|D|I)-[A-Z][A-Za-z.]{1,12}\)")
# A lower-case word for an office holder right before a name ("lawmaker", "member", "envoy").
_ROLE_BEFORE = re.compile(
    r"\b(?:lawmaker|legislator|parliamentarian|member|congress(?:wo)?man|assembly(?:wo)?man|"
    r"senator|representative|minister|secretary|ambassador|envoy|governor|mayor|"
    r"spokes(?:person|man|woman)|diplomat|negotiator|advis[eo]r|commander|official|"
    r"(?i:charg[ée]s?\s+d['’]\s?affaires))\s+$"
)
# A spouse or companion named right after the word for them: "and his wife Jodie Doe", "her husband, Sam Roe".
_SPOUSE_BEFORE = re.compile(
    r"\b(?:(?:his|her|their|the)\s+(?:wife|husband|spouse|partner)|first\s+(?:lady|gentleman))\s*,?\s+$"
)


@attrs.define
class PersonFinder:
    """Finds named people in sentences, using the knowledge base when it helps.

    One finder serves one document: it remembers who was introduced, so a
    later "Dellinger" resolves to "Oskar Dellinger".
    """

    knowledge_base: KnowledgeBase
    anchor: dt.date | None
    known: list[PersonMention] = attrs.field(factory=list)
    """The people introduced so far, in order; reading adds to it, and nothing is ever taken away."""
    document_text: str = ""
    """The whole document, when known: a bare surname counts as a person the
    knowledge base knows if their full name appears anywhere in it, so a
    liveblog's "Doe arrives ..." above "Secretary Jane Doe landed ..." is read."""
    _named_in_full_cache: dict[str, bool] = attrs.field(factory=dict, init=False, repr=False)
    """Whether each record's full name is in the document: searched once per record, so that
    a document of many bare surnames takes time linear in its length."""
    _bearers: dict[str, list[PersonMention]] = attrs.field(factory=dict, init=False, repr=False)
    """The people of :attr:`known` by each (folded) surname they bear, in order, as far as indexed."""
    _indexed: int = attrs.field(default=0, init=False, repr=False)
    """How many people of :attr:`known` :attr:`_bearers` holds: indexed when a surname is looked up."""

    def find(self, sentence: str, offset: int) -> list[PersonMention]:
        """All people named in one sentence, in order."""
        found: list[PersonMention] = []
        for window in iter_name_windows(sentence):
            for piece in _split_window(sentence, window, self._is_known_surname):
                mention = self._from_window(sentence, piece, offset)
                if mention is not None:
                    found.append(mention)
                    self._remember(mention)  # "Speaker Han Dae-yu ... invited Han": known at once
        looks = _office_looks(sentence)
        found.extend(self._from_titles_alone(sentence, offset, found, looks))
        found.extend(self._from_definite_titles(sentence, offset, found, looks))
        found.sort(key=lambda m: m.start)
        for mention in found:
            self._remember(mention)
        return found

    def _is_known_without_last_character(self, name: str) -> bool:
        """Whether a name ending in "?" is a known one without it: the mark ends a question."""
        bare = name[:-1]
        if not bare or "?" in bare or "\ufffd" in bare:
            return False
        if " " not in bare:
            return self._prior_by_surname(bare) is not None
        return self.knowledge_base.knows_name(bare) or any(known.name == bare for known in self.known)

    def _is_known_surname(self, word: str) -> bool:
        """Whether ``word`` is the surname of someone introduced earlier in the document."""
        return word[:1].isupper() and word.isalpha() and self._prior_by_surname(word) is not None

    def _remember(self, mention: PersonMention) -> None:
        if mention.cue != "surname" and all(k.name != mention.name for k in self.known):
            self.known.append(mention)

    def _from_window(self, sentence: str, window: re.Match[str], offset: int) -> PersonMention | None:
        written = window.group()
        tokens = _tokens(written)
        index = _name_run_start(written)
        last_word = _bare_word(tokens[-1][2])
        if index == len(tokens) and last_word.lower() in lexicon.FUNCTION_WORDS:
            # "Bae Dae In", "Ada May's": a known name whose last part reads as a function word.
            for length in (4, 3, 2):
                if len(tokens) >= length and self.knowledge_base.knows_name(
                    _POSSESSIVE.sub("", " ".join(t[2] for t in tokens[-length:]))
                ):
                    index = len(tokens) - length
                    break
            else:
                # "Prime Minister May's visit": a titled surname the knowledge base knows for that office.
                if len(tokens) >= 2 and lexicon.is_title_word(tokens[-2][2]):
                    written_title = " ".join(t[2] for t in tokens[:-1])
                    if (
                        self.knowledge_base.find_by_surname(
                            last_word, on=self.anchor, title=_bare_title(written_title)
                        )
                        is not None
                    ):
                        index = len(tokens) - 1
        if index > 0 and index < len(tokens) and self._surname_before(tokens, index):
            index -= 1  # "Park Aiko-ah": a surname that is also a common word
        if (
            0 < index < len(tokens)
            and _SHORT_CAPITALS.fullmatch(tokens[index - 1][2])
            and self.knowledge_base.knows_name(" ".join(t[2] for t in tokens[index - 1 :]).rstrip(".,"))
        ):
            index -= 1  # "Vice President AJ Brody": capitals the knowledge base knows as a given name
        if index == len(tokens) and self._prior_by_surname(last_word):
            index -= 1  # "Park will arrive ...": the surname of someone named before, though a common word
        name_tokens = tokens[index:]
        if not name_tokens:
            return None
        if (
            len(name_tokens) > 2
            and self.knowledge_base.find_person(" ".join(t[2] for t in name_tokens)) is None
        ):
            # "Ambassador to the United Nations Saki Varga": the end of the run may be a known name.
            for cut in range(1, len(name_tokens) - 1):
                tail = " ".join(t[2] for t in name_tokens[cut:])
                if self.knowledge_base.find_person(tail) is not None:
                    index += cut
                    name_tokens = tokens[index:]
                    break
        title_tokens = [
            t for t in tokens[:index] if t[2].lower() not in lexicon.CONNECTORS or t is not tokens[0]
        ]
        start = window.start() + name_tokens[0][0]
        end = window.start() + name_tokens[-1][1]
        raw = sentence[start:end]
        possessive = raw.endswith(("'s", "’s", "'", "’"))
        if not possessive and sentence.startswith(("'s ", "’s ", "'s,", "’s,"), window.end()):
            possessive = True  # "Ivo Tanabe Jr.'s trip": the window stopped at the suffix's dot
        name = _POSSESSIVE.sub("", raw) if possessive else raw
        if not (name.endswith(".") and _INITIAL_AT_END.search(name)):
            name = name.rstrip(".,")  # not the dot of a closing initial ("Jane Q.")
        if name.endswith("?") and self._is_known_without_last_character(name):
            name = name[:-1]  # "What will you raise with President Noor?": a question mark, not a lost letter
        end = start + len(name)
        title_text = sentence[window.start() : window.start() + tokens[index - 1][1]] if index else ""
        leading = title_text.split()
        while (
            len(leading) > 1
            and leading[0].lower().rstrip(",") in lexicon.FUNCTION_WORDS
            # "North Korean Foreign Minister X", "Indian External Affairs Minister Y": the country's words
            and lexicon.country_of_word(" ".join(leading[:2])) is None
            and lexicon.country_of_word(leading[0]) is None
        ):
            leading = leading[1:]  # "Today Defense Secretary X": the title starts after the adverb
        title_text = title_text[title_text.index(leading[0]) :] if leading else title_text
        title_words = title_text.split()
        while title_words and (
            title_words[-1].lower() in lexicon.CONNECTORS or title_words[-1] in _PARTICLES
        ):
            title_text = title_text.rsplit(" ", 1)[0] if " " in title_text else ""
            title_words = title_text.split()
        has_title_head = any(
            _bare_word(t[2]).lower() in lexicon.TITLE_HEADS
            or t[2].lower().rstrip(",") in lexicon.RANK_WORDS
            or t[2].lower() in lexicon.HONORIFICS
            for t in title_tokens
        )
        suffix = _NAME_SUFFIX.match(sentence, end)
        after_name = suffix.end() if suffix else end  # "Amara C. ASHDOWN, Jr., Secretary of ..."
        apposition = (
            _APPOSITION.match(sentence[after_name:])
            if not possessive and sentence.startswith(",", after_name)
            else None
        )
        words = name.split()
        if len(words) > 4:
            return None
        party_tag = _PARTY_TAG.match(sentence, after_name) if len(words) > 1 else None
        if party_tag is not None:
            has_title_head = True  # "Maria Esquivel (D-N.M.)": a U.S. legislator, whatever title came first
        record, cue = self._resolve(name, has_title_head, title_text)
        if (
            cue == "kb-surname"
            and not has_title_head
            and (
                sentence[max(0, start - 4) : start].lower().endswith(("the ", " a ", "an "))
                or _MODIFIED_NOUN.match(sentence, end)
            )
        ):
            return None  # "the Okafor administration": a name used as an adjective
        if record is None and cue == "none" and len(words) > 1 and not has_title_head:
            # "LDP lawmaker Kenta Hamasaki", "a House member Jane Doe": a lower-case role before the name.
            role = _ROLE_BEFORE.search(sentence, max(0, window.start() + name_tokens[0][0] - 30), start)
            spouse = _SPOUSE_BEFORE.search(sentence, max(0, start - 30), start)
            has_title_head = role is not None or spouse is not None
        if (
            record is None
            and cue == "none"
            and not (has_title_head or apposition)
            and self._is_untitled_subject(sentence, name, start, end)
        ):
            has_title_head = True  # "Kenta Hamasaki was planning to visit China": a person, though untitled
        if record is None and cue == "none":
            if not (has_title_head or apposition):
                return None
            if len(words) == 1 and not has_title_head:
                return None
        title: str | None = None
        country: str | None = None
        has_title = any(
            lexicon.is_title_word(t[2]) and t[2].lower() not in lexicon.CONNECTORS for t in title_tokens
        )
        if (
            has_title
            and title_text
            and not all(
                word.lower().rstrip(",") in lexicon.HONORIFICS or word.lower() in lexicon.CONNECTORS
                for word in title_text.split()
            )
        ):
            title, country = _split_title_country(title_text, sentence, window.start())
        apposition_end = None
        if apposition is not None:
            apposition_title, apposition_country = _split_title_country(
                apposition.group("title"), sentence, after_name
            )
            title = title or apposition_title
            country = country or apposition_country
            apposition_end = offset + after_name + apposition.end()
        if party_tag is not None:
            country = country or "USA"
        if record is not None:
            canonical = (
                _display_name(name, record.name, exact=self.knowledge_base.knows_name(name))
                if cue == "kb"
                else record.name
            )
            country = record.country or country
            title = title or record.title_on(self.anchor)
            kb_id: str | None = record.id
        else:
            canonical = _repair_spacing(name)
            kb_id = None
            if cue == "surname":
                prior = self._prior_by_surname(name)
                if prior is not None:
                    canonical, country, kb_id = prior.name, prior.country or country, prior.kb_id
                    title = title or prior.title
        former_title = _FORMER_OWN_TITLE if index else _FORMER_SHARED_TITLE
        # Few sentences hold "former" or "ex-": the pattern, tried at every word before the name, only then.
        former = ("ormer" in sentence or "x-" in sentence) and former_title.search(
            sentence, 0, window.start() + name_tokens[0][0]
        ) is not None
        return PersonMention(
            offset + start,
            offset + end,
            canonical,
            _title_case(title) if title else None,
            country,
            kb_id,
            cue if record is None or cue != "none" else "name",
            possessive,
            apposition_end,
            former,
        )

    def _is_untitled_subject(self, sentence: str, name: str, start: int, end: int) -> bool:
        """Whether an unknown, untitled name opening a sentence is a person, as the clause's subject.

        "Kenta Hamasaki was planning to visit China": two or three given-name-like words (no
        title, organisation, country or calendar word among them, no place first, none that
        the document also writes in lower case, so no common noun) right before a finite verb.
        """
        words = name.split()
        if not 2 <= len(words) <= 3:
            return False
        if sentence[:start].strip(" \"“‘'") or not _FINITE_VERB_AFTER.match(sentence, end):
            return False
        if not all(_PLAIN_NAME_WORD.fullmatch(word) for word in words):
            return False
        for word in words:
            lowered = word.lower()
            if (
                lexicon.is_title_word(word)
                or lowered in lexicon.ORG_WORDS
                or lowered in lexicon.FUNCTION_WORDS
                or lowered in lexicon.HONORIFICS
                or lexicon.country_of_word(word) is not None
                or (word is words[0] and _lookup_place(word, self.knowledge_base) is not None)
                or re.search(rf"(?<![\w-]){re.escape(lowered)}(?![\w-])", self.document_text) is not None
            ):
                return False
        return _lookup_place(name, self.knowledge_base) is None

    def _surname_before(self, tokens: _Tokens, index: int) -> bool:
        """Whether the word before a name run is its surname though it reads as a common word.

        It is when the knowledge base knows the longer name with that surname,
        or when a short capitalised word precedes a hyphenated given name
        ("Park Soo-ah", "Bae Dae-in"), as Korean names are romanised.
        """
        word = tokens[index - 1][2]
        lowered = word.lower()
        if not word.isalpha() or not word[:1].isupper() or not word[1:].islower():
            return False
        if lexicon.is_title_word(word) or lowered in lexicon.FUNCTION_WORDS:
            return False
        name = " ".join(t[2] for t in tokens[index - 1 :])
        record = self.knowledge_base.find_person(name)
        if record is not None and fold(record.surname) == fold(word):
            return True
        return len(word) <= 5 and _HYPHENATED_GIVEN.fullmatch(tokens[index][2].rstrip(".,")) is not None

    def _resolve(self, name: str, titled: bool, title: str = "") -> tuple[ActorRecord | None, str]:
        """Look a name up: earlier in the document, then in the knowledge base (by the title given)."""
        words = name.split()
        if len(words) == 2 and _GENERATIONAL_SUFFIX.fullmatch(words[1]):
            name, words = words[0], words[:1]  # "President Tanabe Jr": a surname with its suffix
        if len(words) == 1:
            prior = self._prior_by_surname(name)
            if prior is not None:
                record = self.knowledge_base.get(prior.kb_id) if prior.kb_id else None
                return record, "surname"
            country = None
            for word in title.split():
                country = country or lexicon.country_of_word(word)
            record = self.knowledge_base.find_by_surname(
                name, country=country, on=self.anchor, title=_bare_title(title)
            )
            if record is not None and (
                titled or self._named_in_full(record) or self._serving_under_surname(record, name)
            ):
                return record, "kb-surname"
            leader = self._leader_under_surname(name, country)
            if leader is not None:
                return leader, "kb-surname"
            return None, "none"
        record = self.knowledge_base.find_person(name)
        if record is not None:
            return record, "kb"
        return None, "none"

    def _serving_under_surname(self, record: ActorRecord, surname: str) -> bool:
        """Whether a bare surname is the one office holder of that name on the publication day.

        Korean and Chinese news name their own leader by surname alone
        ("Bae sends envoys to Beijing"). The surname counts when the
        knowledge base has exactly one bearer in office that day, the
        document uses the surname more than once (a story about that person,
        not a stray capitalised word) and never writes the word in lower case
        (a "moon" or a "park" in the text says it is a common noun there).
        """
        if self.anchor is None or not any(position.holds_on(self.anchor) for position in record.positions):
            return False
        if not self.document_text:
            return False
        uses = re.findall(rf"(?<![\w-])(?i:{re.escape(surname)})(?![\w-])", self.document_text)
        return len(uses) > 1 and all(use[:1].isupper() for use in uses)

    def _leader_under_surname(self, surname: str, country: str | None) -> ActorRecord | None:
        """The one country leader of a bare surname, in a story with no publication date.

        Without a date no one is known to serve ("Bae sends envoys to Beijing"),
        but the knowledge base may know exactly one bearer of the surname who
        ever led a country: the story's subject, when it uses the surname as
        :meth:`_serving_under_surname` asks (more than once, never in lower case).
        """
        if self.anchor is not None or not self.document_text:
            return None
        offices = load_builtin_offices()
        leaders = [
            record
            for record in self.knowledge_base.bearers_of_surname(surname)
            if (country is None or record.country == country)
            and any(offices.counterpart_office(position.title) == "leader" for position in record.positions)
        ]
        if len(leaders) != 1:
            return None
        uses = re.findall(rf"(?<![\w-])(?i:{re.escape(surname)})(?![\w-])", self.document_text)
        return leaders[0] if len(uses) > 1 and all(use[:1].isupper() for use in uses) else None

    def _named_in_full(self, record: ActorRecord) -> bool:
        """Whether the document writes this person's full name (or an alias) somewhere."""
        if not self.document_text:
            return False
        named = self._named_in_full_cache.get(record.id)
        if named is None:
            named = any(name in self.document_text for name in (record.name, *record.aliases) if " " in name)
            self._named_in_full_cache[record.id] = named
        return named

    def _prior_by_surname(self, surname: str) -> PersonMention | None:
        """The person introduced earlier whom a bare surname names: the latest bearer.

        A bearer introduced as a former office holder ("former President
        Varga ...") gives way to an earlier bearer who was not: news name the
        story's own people by surname and the background's in full.
        """
        while self._indexed < len(self.known):
            mention = self.known[self._indexed]
            for key in self._surnames_borne(mention):
                self._bearers.setdefault(key, []).append(mention)
            self._indexed += 1
        bearers = self._bearers.get(fold(surname))
        if not bearers:
            return None
        return next((mention for mention in reversed(bearers) if not mention.former), bearers[-1])

    def _surnames_borne(self, mention: PersonMention) -> set[str]:
        """The words (folded) that name a person as a bare surname."""
        parts = _folded_parts(mention.name)
        borne = set(parts[1:]) - set(parts[:1])
        if len(parts) > 1 and mention.kb_id is None:
            borne.add(parts[0])  # "Park Dae-won": a surname-first name the knowledge base does not know
        if mention.kb_id:
            record = self.knowledge_base.get(mention.kb_id)
            if record is not None:
                borne.add(fold(record.surname))
        return borne

    def _from_titles_alone(
        self, sentence: str, offset: int, named: list[PersonMention], looks: _OfficeLooks
    ) -> list[PersonMention]:
        """People referred to by office alone: "the Japanese prime minister", "the Chinese leader".

        The person is the one of the story who holds that office in that
        country (none when the story named two), else whoever the knowledge
        base says held it on the publication day. ``looks`` tells which
        office patterns may match the sentence.
        """
        found = self._institution_heads(sentence, offset, named) if looks.institution else []
        if not looks.description:
            return found  # most sentences name no office at all: one cheap look first
        for match in _office_description_pattern().finditer(sentence):
            if any(m.start - offset <= match.end() and match.start() <= m.end - offset + 1 for m in named):
                continue
            following = sentence[match.end() : match.end() + 2]
            if following[:1] == " " and following[1:2].isupper():
                continue  # a name follows: handled as a titled name
            country = lexicon.country_of_word(match.group("country") or match.group("owner"))
            office = load_builtin_offices().describe(match.group("title"))
            if office is None or country is None:
                continue
            holders = self._story_holders(office.name, country)
            if holders:
                # "Japanese Prime Minister X ... the Japanese premier": the story's own office holder,
                # whoever the knowledge base says held the office that day; two who fit name no one.
                if len(holders) == 1:
                    found.append(_by_title(holders[0], match, offset))
                continue
            record = self.knowledge_base.holder_of_office(office.name, country, self.anchor)
            if record is None:
                continue
            canonical = record.title_on(self.anchor) or office.name
            found.append(
                PersonMention(
                    offset + match.start(),
                    offset + match.end(),
                    record.name,
                    canonical,
                    record.country,
                    record.id,
                    "title",
                    match.group("possessive") is not None,
                )
            )
        return found

    def _story_holder(self, office: str, country: str) -> PersonMention | None:
        """The person named so far who holds ``office`` in ``country``, the latest first."""
        offices = load_builtin_offices()
        return next(
            (
                earlier
                for earlier in reversed(self.known)
                if earlier.country == country
                and not earlier.former
                and getattr(offices.office_of(earlier.title), "name", None) == office
            ),
            None,
        )

    def _story_holders(self, office: str, country: str) -> list[PersonMention]:
        """The different people named so far who hold ``office`` in ``country``, the latest first.

        The leader is whoever holds the country's leader title ("the Japanese
        leader": its prime minister); for a country whose leader title the
        data does not give, whoever holds a president's, prime minister's or
        other leader's title.
        """
        offices = load_builtin_offices()
        if office == "leader":
            wanted = {
                getattr(offices.office_of(title), "name", None)
                for title in offices.titles_in(office, country)
            }
        else:
            wanted = {office}
        holders: list[PersonMention] = []
        for earlier in reversed(self.known):
            if earlier.country != country or earlier.former or earlier.title is None:
                continue
            held = offices.office_of(earlier.title)
            if held is not None and held.name in wanted and all(h.name != earlier.name for h in holders):
                holders.append(earlier)
        return holders

    def _institution_heads(
        self, sentence: str, offset: int, named: list[PersonMention]
    ) -> list[PersonMention]:
        """The head of an institution named by it: "the Pentagon chief" is the U.S. defense secretary.

        The person is the one of the story who holds that office in that
        country, else whoever the knowledge base says held it on the day.
        """
        pattern = _institution_head_pattern()
        offices = load_builtin_offices()
        if pattern is None:
            return []
        found = []
        for match in pattern.finditer(sentence):
            if any(m.start - offset <= match.end() and match.start() <= m.end - offset + 1 for m in named):
                continue
            following = sentence[match.end() : match.end() + 2]
            if following[:1] == " " and following[1:2].isupper():
                continue  # "Pentagon chief Tomas-ho Okafor": a titled name
            head = offices.head_of(match.group("institution"))
            if head is None:
                continue
            country, office = head
            holder = self._story_holder(office, country)
            if holder is not None:
                found.append(_by_title(holder, match, offset))
                continue
            record = self.knowledge_base.holder_of_office(office, country, self.anchor)
            if record is None:
                continue
            found.append(
                PersonMention(
                    offset + match.start(),
                    offset + match.end(),
                    record.name,
                    record.title_on(self.anchor) or office,
                    record.country,
                    record.id,
                    "title",
                    match.group("possessive") is not None,
                )
            )
        return found

    def _from_definite_titles(
        self, sentence: str, offset: int, named: list[PersonMention], looks: _OfficeLooks
    ) -> list[PersonMention]:
        """People named by a definite title alone, resolved to earlier mentions.

        "The Prime Minister", "the Deputy Secretary" (of State), "the Japanese
        minister" (a Japanese person titled minister), "the EAM" (the initials
        of a title). ``looks`` tells whether the sentence may hold a title.
        """
        found = []
        for match in _DEFINITE_TITLE.finditer(sentence) if looks.definite_title else ():
            if any(m.start - offset <= match.end() and match.start() <= m.end - offset for m in named):
                continue
            following = sentence[match.end() : match.end() + 2]
            if following[:1] == " " and following[1:2].isupper():
                continue
            # Who the sentence names itself is not who its "the Prime Minister" stands for, unless only
            # as a possessor: "Tanabe's planned visit, announced after a call with the Prime Minister".
            in_sentence = {m.name for m in named if not m.possessive}
            words = match.group("title").split()
            country = lexicon.country_of_word(words[0]) if len(words) > 1 else None
            if country is not None:
                words = words[1:]
            wanted = " ".join(words)
            if not wanted[:1].isupper() and country is None:
                # "the ambassador", "the governor", "the prime minister": only when one person of the
                # story holds such an office.
                holders = {
                    earlier.name
                    for earlier in self.known
                    if earlier.title is not None
                    and not earlier.former
                    and _lower_title_fits(wanted, earlier.title)
                }
                if len(holders) == 1 and not holders & in_sentence:
                    earlier = next(k for k in reversed(self.known) if k.name in holders)
                    found.append(_by_title(earlier, match, offset))
                continue
            for earlier in reversed(self.known):
                if earlier.name in in_sentence or earlier.title is None:
                    continue
                if country is not None and earlier.country != country:
                    continue
                if _title_refers_to(wanted, earlier.title, bool(country)):
                    found.append(_by_title(earlier, match, offset))
                    break
        found.extend(self._from_nationality_nouns(sentence, offset, [*named, *found]))
        return found

    def _from_nationality_nouns(
        self, sentence: str, offset: int, named: list[PersonMention]
    ) -> list[PersonMention]:
        """People named by their nationality alone: "The American also invited Lucia to Washington".

        The nationality stands for the one person of that country the story
        has named with an office; when it has named several, or none, it
        names no one.
        """
        found = []
        for match in _NATIONALITY_NOUN.finditer(sentence) if _THE_CAPITALISED.search(sentence) else ():
            if any(m.start - offset < match.end() and match.start() < m.end - offset for m in named):
                continue
            nationality = match.group("nationality")
            country = lexicon.country_of_word(nationality)
            if country is None or nationality.lower() in lexicon.country_names():
                continue  # "The United States is not the first to invite X": the country, not a person
            holders = {
                k.name for k in self.known if k.country == country and k.title is not None and not k.former
            }
            if len(holders) == 1 and not holders & {m.name for m in named}:
                earlier = next(k for k in reversed(self.known) if k.name in holders)
                found.append(_by_title(earlier, match, offset))
        return found


_TITLE_HEAD_WORD = (
    r"(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Pp]remier|[Cc]hancellor|[Aa]mbassador|[Gg]overnor|[Mm]ayor|"
    r"[Ee]nvoy|[Cc]ommander|[Aa]dmiral|General|Chief|Secretary-General|[A-Z]{2,4})"
)


def _by_title(earlier: PersonMention, match: re.Match[str], offset: int) -> PersonMention:
    """An earlier person, mentioned again by the definite title ``match``."""
    return attrs.evolve(
        earlier,
        start=offset + match.start(),
        end=offset + match.end(),
        cue="title",
        possessive=match.group().endswith(("'s", "’s")),
        apposition_end=None,
    )


# The word boundary before "the" is a look-behind after its first letter, as in _WINDOW: a pattern
# that opens with a letter class is only tried where such a letter stands.
_DEFINITE_TITLE = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?P<title>(?:(?:U\.S\.|[A-Z][a-z]+|[a-z]+)\s+){0,3}?"
    + _TITLE_HEAD_WORD
    + r"(?:\s+of\s+State|\s+of\s+Defen[cs]e)?)(?:['’]s)?\b"
)
_SMALL_WORDS = frozenset({"of", "for", "the", "and", "on", "to", "in"})
# "The American", "the South Korean's": a nationality as a noun for one person, before what a single
# person does ("also", "said", "invited", "has", "who") or as a possessor; not "the Japanese side".
_NATIONALITY_NOUN = re.compile(
    r"[Tt](?<!\w[Tt])he\s+(?P<nationality>(?:[A-Z][a-z]+\s+)?[A-Z][a-z]+)"
    r"(?:['’]s\b|(?=,?\s+(?:also|then|later|said|says|told|added|has|had|is|was|will|would|who|[a-z]+ed)\b))"
)
# The "he" of "the" before a capital, which a nationality noun needs: few sentences hold one, and a pattern
# that opens with a literal is searched for fast.
_THE_CAPITALISED = re.compile(r"he\s+[A-Z]")


def _lower_title_fits(wanted: str, title: str) -> bool:
    """Whether a lower-case title ("the ambassador", "the prime minister") can stand for ``title``.

    >>> _lower_title_fits("prime minister", "Prime Minister"), _lower_title_fits("minister", "Prime Minister")
    (True, True)
    >>> _lower_title_fits("prime minister", "Deputy Prime Minister")
    False
    """
    words, held = wanted.lower().split(), title.lower().split()
    if len(words) == 1:
        return words[0] in held
    return held == words or (held[-len(words) :] == words and held[0] not in {"deputy", "vice", "former"})


# The words before an office that another office serves: "National Security Advisor to the".
_SERVING_ANOTHER = re.compile(r"\b(?:to|of|for)(?:\s+the)?$")


def _title_refers_to(wanted: str, title: str, with_country: bool) -> bool:
    """Whether a definite title ("the Deputy Secretary") can stand for someone with ``title``."""
    wanted_lower, title_lower = wanted.lower(), title.lower()
    if wanted.isupper() and 2 <= len(wanted) <= 4:
        initials = "".join(w[0] for w in title.split() if w.lower() not in _SMALL_WORDS)
        return initials.upper() == wanted  # "the EAM": the External Affairs Minister
    if not wanted[:1].isupper() and not with_country:
        return False  # "the minister" alone says too little; "the Japanese minister" does not
    if title_lower == wanted_lower or title_lower.startswith(wanted_lower + " of"):
        return True
    if (
        title_lower.endswith(" " + wanted_lower)
        # "National Security Advisor to the Vice President" serves the office, and holds another
        and not _SERVING_ANOTHER.search(title_lower[: -len(wanted_lower)].rstrip())
        and (wanted_lower.startswith(("vice", "deputy")) or not title_lower.startswith(("vice", "deputy")))
    ):
        return True
    return with_country and len(wanted.split()) == 1 and wanted_lower in title_lower.split()


def _display_name(written: str, canonical: str, *, exact: bool = True) -> str:
    """The name to report: as the text writes it when that is a clean full name.

    "President Hiro R. Mireles" stays "Hiro R. Mireles"; a surname-first
    ("Arakawa Maren"), readout-capitals or damaged ("Kazuhir? Brandt")
    form gives way to the knowledge base's given-name-first name, and so
    does a misspelling the knowledge base recognised only by its likeness
    (``exact`` false: "Volodymr Zelenskyy").

    >>> _display_name("Volodymr Zelenskyy", "Volodymyr Zelensky", exact=False)
    'Volodymyr Zelensky'
    """
    words = written.split()
    clean = (
        exact
        and len(words) >= 2
        and "?" not in written
        and "\ufffd" not in written
        and not any(w.isupper() and len(w) > 2 for w in words)
        and not _INITIAL_OR_LETTER.fullmatch(words[0])  # "S. Haddad": the initial stands for a name
    )
    if not clean or name_key(written) == name_key(canonical):
        return canonical
    return " ".join(words)


def _bare_title(title_text: str) -> str | None:
    """The office words of a written title, without a demonym: "South Korean President" -> "President"."""
    words = [word for word in title_text.split() if lexicon.country_of_word(word) is None]
    if len(words) >= 2 and lexicon.country_of_word(" ".join(title_text.split()[:2])) is not None:
        words = title_text.split()[2:]
    return " ".join(words) or None


def _repair_spacing(name: str) -> str:
    """Normalise spacing and readout-style capitals ("QUIST Rafael" -> "Quist Rafael")."""
    words = name.split()
    if any(not w.isupper() for w in words):
        words = [w.capitalize() if w.isupper() and len(w) > 2 and w.isalpha() else w for w in words]
    return " ".join(words)


class _OfficeLooks(NamedTuple):
    """Which of the patterns of offices named without a name may match a sentence (``False``: none can)."""

    description: bool
    """An office description as whole words, in any case: "the Japanese prime minister"."""
    definite_title: bool
    """A word a definite title ends in ("the Deputy Secretary") or two capitals ("the EAM")."""
    institution: bool
    """An institution whose head is named by it ("the Pentagon chief"), in any case."""


@attrs.frozen
class _OfficeWord:
    """What a word of the office looks is: its length, and which looks it answers."""

    length: int
    description: bool = False
    definite_title: bool = False
    institution: bool = False


# The words, in lower case, one of which every _DEFINITE_TITLE holds unless its title is an acronym.
_DEFINITE_TITLE_WORDS = (
    "minister",
    "secretary",
    "president",
    "premier",
    "chancellor",
    "ambassador",
    "governor",
    "mayor",
    "envoy",
    "commander",
    "admiral",
    "general",
    "chief",
)
# The capitals of an acronym a definite title may be ("the EAM").
_TWO_CAPITALS = re.compile(r"[A-Z][A-Z]")


@functools.cache
def _office_words() -> ahocorasick.Automaton:
    """The office words of :func:`_office_looks`, in lower case, found in one pass over a text.

    They are the office descriptions ("prime minister"), the words definite
    titles end in ("envoy") and the institutions whose heads are named by
    them ("pentagon").
    """
    offices = load_builtin_offices()
    descriptions = set(offices.descriptions())
    institutions = {name.lower() for name in offices.institutions}
    automaton = ahocorasick.Automaton()
    for word in descriptions | set(_DEFINITE_TITLE_WORDS) | institutions:
        automaton.add_word(
            word,
            _OfficeWord(len(word), word in descriptions, word in _DEFINITE_TITLE_WORDS, word in institutions),
        )
    automaton.make_automaton()
    return automaton


def _office_looks(sentence: str) -> _OfficeLooks:
    """Which patterns of offices named without a name may match a sentence: the cheap looks before them.

    Descriptions, title words and institutions are looked for at once in the
    lower-cased sentence. A description's pattern ignores case as Unicode
    folds it, which lower-casing may not follow in a sentence with a word
    character beyond ASCII: there the description's pattern decides, and an
    institution is looked for as written.
    """
    lowered = sentence.lower()
    description = definite_title = institution = False
    for last, word in _office_words().iter(lowered):
        description = description or (
            word.description
            and _no_word_character_at(lowered, last - word.length)
            and _no_word_character_at(lowered, last + 1)
        )
        definite_title = definite_title or word.definite_title
        institution = institution or word.institution
    definite_title = definite_title or _TWO_CAPITALS.search(sentence) is not None
    if not ascii_words(sentence):
        description = True
        institution = any(name in sentence for name in load_builtin_offices().institutions)
    return _OfficeLooks(description, definite_title, institution)


def _may_name_an_office(sentence: str) -> bool:
    """Whether a sentence holds an office description as whole words: the cheap test before the pattern.

    >>> _may_name_an_office("The prime minister arrived."), _may_name_an_office("Development aid rose.")
    (True, False)
    """
    return _office_looks(sentence).description


def _no_word_character_at(text: str, position: int) -> bool:
    """Whether no word character stands at ``position`` (outside ``text`` none does): a word ends by it.

    >>> [_no_word_character_at("the minister", position) for position in (3, 4, 12)]
    [True, False, True]
    """
    return not 0 <= position < len(text) or not (text[position].isalnum() or text[position] == "_")


@functools.cache
def _office_description_pattern() -> re.Pattern[str]:
    """Offices named by country ("the Japanese foreign minister", "Japan's top diplomat"), from data."""
    descriptions = lexicon.trie_alternation(d.casefold() for d in load_builtin_offices().descriptions())
    countries = lexicon.country_pattern().pattern
    return re.compile(
        rf"(?:(?:\b(?:the|The)\s+|^)(?P<country>{countries})|(?P<owner>{countries})['’]s)"
        rf"\s+(?P<title>(?i:{descriptions}))(?P<possessive>['’]s)?\b"
    )


@functools.cache
def _institution_head_pattern() -> re.Pattern[str] | None:
    """An institution's head named by the institution ("the Pentagon chief"), from data."""
    offices = load_builtin_offices()
    if not offices.institutions or not offices.institution_heads:
        return None
    names = lexicon.trie_alternation(offices.institutions)
    heads = lexicon.trie_alternation(offices.institution_heads)
    return re.compile(
        rf"(?:\b(?:the|The)\s+|^)(?P<institution>{names})(?:['’]s)?\s+(?P<head>{heads})"
        r"(?P<possessive>['’]s)?\b(?!\s+(?:of|spokes\w*|press|executive|information|technology|digital)\b)"
    )


# Every reference opens with one of a few letters: looking ahead for them first turns most positions away
# before the word boundary and the alternatives are tried.
_PRONOUN = re.compile(
    r"(?=[tTbBaAhHsS])\b(?P<text>(?:the|both|The|Both|all|All)\s+(?:two|three|four)\s+(?:visiting\s+|top\s+|foreign\s+|defen[cs]e\s+)?(?:leaders|ministers|officials|sides|men|women|"
    r"diplomats|secretaries|envoys|counterparts|presidents|premiers|heads|chiefs|defense chiefs|"
    r"top diplomats|countries|nations|governments|allies)|(?:the|The)\s+(?:leaders|ministers|pair|duo)|"
    r"(?:the|The)\s+(?:two|three|four)(?=\s+(?:also\s+)?[a-z]+(?:ed|s)?\b)|"
    r"[Hh]e|[Ss]he|[Hh]is|[Hh]er|[Hh]im|[Tt]hey|[Tt]heir|[Tt]hem|"
    # "the former accepted", "with the latter accompanying him": one of two people just named, as a
    # clause's subject (not "the former president", "the latter half").
    r"(?:the|The)\s+(?:former|latter)(?=\s+(?:was|is|will|would|has|had|also|then|later|did|does|could|"
    r"can|may|might|should|must|said|says|told|met|flew|went|came|left|held|made|took|gave|spoke|led|"
    r"[a-z]+ed\b|[a-z]+ing\s+(?:him|her|them|his|their|the|a|an)\b)|\s*[,.;:)]))\b"
)

# The references that stand for one of the two people named just before, by their order.
_ONE_OF_TWO = frozenset({"the former", "the latter"})


def find_pronouns(sentence: str, offset: int) -> list[PronounMention]:
    """Pronouns and plural references ("the two leaders") in a sentence.

    >>> [p.text for p in find_pronouns("During his visit, the two leaders met.", 0)]
    ['his', 'the two leaders']
    """
    found = []
    for match in _PRONOUN.finditer(sentence):
        text = match.group("text")
        lowered = text.lower()
        plural = lowered.split()[0] in {"the", "both", "they", "their", "them"} and lowered not in _ONE_OF_TWO
        possessive = lowered in {"his", "their"} or (
            lowered == "her" and _her_is_possessive(sentence, match.end())
        )
        found.append(PronounMention(offset + match.start(), offset + match.end(), text, plural, possessive))
    return found


# Words after which "her" is an object ("hosting her at the White House"), not a possessive.
_AFTER_OBJECT_HER = frozenset(
    """
    at in on to for with and or but as about during after before from that again there here last next
    this when while since by via over into onto than then said says told
    """.split()
)


def _her_is_possessive(sentence: str, end: int) -> bool:
    """Whether the "her" ending at ``end`` is a possessive ("her visit") rather than an object."""
    following = sentence[end : end + 20].split()
    if not following or not following[0][:1].isalpha():
        return False  # "... met her." / "met her, and"
    return following[0].lower() not in _AFTER_OBJECT_HER


# Group nouns that name office holders whatever capitalized words come before them.
_PEOPLE_OF_AN_OFFICE = frozenset({"officials", "diplomats", "negotiators", "officers", "commanders"})
# The nouns of a group of officials, besides "Congress" (and "members of Congress", which holds it).
_GROUP_NOUNS = (
    "officials",
    "authorities",
    "leaders",
    "lawmakers",
    "counterparts",
    "counterpart",
    "delegation",
    "delegates",
    "stakeholders",
    "ministers",
    "envoys",
    "representatives",
    "diplomats",
    "commanders",
    "officers",
    "negotiators",
)
_GROUP = re.compile(
    r"\b(?P<text>(?:(?:senior|top|high-level|key|military|government|defense|defence|foreign|security|"
    r"economic|trade|business|ministry|congressional|[A-Z][\w.]+(?<!['’]s))\s+){0,4}"
    rf"(?:{'|'.join(_GROUP_NOUNS)}|members of (?:the )?(?:U\.S\. )?Congress|Congress)"
    r"(?:\s+of\s+(?:[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?)(?:(?:,\s+|,?\s+and\s+)[A-Z][\w.]+(?:\s+[A-Z][\w.]+)?){0,5})?)\b"
)


def find_groups(sentence: str, offset: int) -> list[GroupMention]:
    """Unnamed groups of officials that can take part in a meeting.

    >>> [g.country for g in find_groups("talks with top U.S. officials", 0)]
    ['USA']
    """
    if "Congress" not in sentence and not any(noun in sentence for noun in _GROUP_NOUNS):
        return []  # most sentences name no group: a look for each noun first
    found = []
    for match in _GROUP.finditer(sentence):
        text = match.group("text")
        start = match.start()
        if text.startswith("The "):
            text, start = text[4:], start + 4  # "The lawmakers are to meet ...": the article is no name
        words = text.split()
        while (
            len(words) > 1
            and words[0][:1].isupper()
            and lexicon.country_of_word(words[0]) is None
            and lexicon.country_of_word(" ".join(words[:2])) is None
        ):
            words = words[1:]  # "Asia-Pacific Economic Cooperation leaders": not a group of officials
        if len(words) != len(text.split()) and not (
            # "Treasury officials", "State Department diplomats": an institution's people.
            len(text.split()) - len(words) <= 2 and words[-1] in _PEOPLE_OF_AN_OFFICE
        ):
            continue
        country = None
        for word in _CAPITALISED_PAIR.findall(text):
            country = country or lexicon.country_of_word(word)
        if country is None:
            preceding = sentence[max(0, match.start() - 40) : match.start()]
            for country_match in lexicon.country_pattern().finditer(preceding):
                country = lexicon.country_of_word(country_match.group())
        found.append(GroupMention(offset + start, offset + match.end(), text, country))
    return found


# One or two capitalised words, as a country's name or demonym is written ("U.S.", "South Korean").
_CAPITALISED_PAIR = re.compile(r"[A-Z][\w.’']*(?:\s[A-Z][\w.’']*)?")
# A run of capitalised words, "the" before it: "Camp Humphreys", "the Republic of Korea". Its first letter
# comes first, the "t" of "the" or a capital (a look-behind tells which), so that, like _WINDOW, it is
# only tried where such a letter stands.
_PLACE_WINDOW = re.compile(
    rf"[tA-Z](?:(?<=t)he\s+[A-Z]|(?<!t)){_CAP_TAIL}(?:[\s,-]+(?:(?:of|the|de|du|al)\s+)?{_CAP})*"
)


def find_places(sentence: str, offset: int, knowledge_base: KnowledgeBase) -> list[PlaceMention]:
    """Countries and gazetteer places named in a sentence, longest match first.

    >>> from alliancekit.actors import KnowledgeBase, Place
    >>> kb = KnowledgeBase()
    >>> kb.add_places([Place("Washington, D.C.", "USA", aliases=("Washington",))])
    >>> [(p.name, p.country) for p in find_places("He will be in Washington, D.C. and Japan.", 0, kb)]
    [('Washington, D.C.', 'USA'), ('Japan', 'JPN')]
    """
    found: list[PlaceMention] = []
    for window in _PLACE_WINDOW.finditer(sentence):
        facility = _facility(window.group(), window.start(), offset, knowledge_base)
        if facility is not None:
            joined = _AND_FACILITY.match(sentence, window.end())
            if joined is not None and joined.group("head").lower() in _FACILITY_HEADS:
                # "the X Library and Museum": one site of two names
                facility = (
                    _facility(window.group() + joined.group(), window.start(), offset, knowledge_base)
                    or facility
                )
            found.append(facility)
            continue
        found.extend(_places_in_window(window.group(), window.start(), offset, knowledge_base))
    for match in _SITE_AFTER_AT.finditer(sentence):
        # "at the Istana", "at the Kantei on Friday": a named site one meets at, known or not.
        start, end = offset + match.start("site"), offset + match.end("site")
        site = match.group("site")
        if any(p.start < end and start < p.end for p in found) or not _could_be_site(site, knowledge_base):
            continue
        found.append(PlaceMention(start, end, site, None, "facility", "the " + site))
    for match in _CITY_DISTRICT.finditer(sentence) if "'s" in sentence or "’s" in sentence else ():
        # "in Seoul's Yongsan district": the city, though written as the district's possessor
        start, end = offset + match.start("city"), offset + match.end("city")
        known = knowledge_base.find_place(match.group("city"))
        if known is None or any(p.start < end and start < p.end for p in found):
            continue
        found.append(PlaceMention(start, end, known.name, known.country, known.kind, match.group("city")))
    for match in _DEMONYM_CAPITAL.finditer(sentence) if "capital" in sentence else ():
        # "in the Japanese capital": the capital the gazetteer gives for that country
        code = lexicon.country_of_word(match.group("demonym"))
        capital = (
            None if code is None else knowledge_base.find_place(f"capital of {lexicon.country_name(code)}")
        )
        start, end = offset + match.start(), offset + match.end()
        if capital is None or any(p.start < end and start < p.end for p in found):
            continue
        found.append(PlaceMention(start, end, capital.name, capital.country, capital.kind, capital.name))
    for match in _CITY_OF_COUNTRY.finditer(sentence) if _COMMA_BEFORE_CAPITAL.search(sentence) else ():
        # "in Nagano, Japan", "to Lima, Peru": a city the gazetteer may not know, placed by its country.
        written = match.group("country")
        code = lexicon.country_names().get(written.lower()) or lexicon.country_names().get(
            written.rstrip(".").lower()
        )
        start, end = offset + match.start("city"), offset + match.end("city")
        if code is None or any(p.start < end and start < p.end for p in found):
            continue
        city = match.group("city")
        found.append(PlaceMention(start, end, city, code, "city", city))
    found.sort(key=lambda place: place.start)
    return found


# "at the Istana": a capitalised name after "at the", ending where the phrase does. (The word boundary
# is a look-behind after "at": a pattern that opens with a literal is only tried where it stands.)
_SITE_AFTER_AT = re.compile(
    r"at(?<!\wat)\s+the\s+(?P<site>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3})(?=\s*(?:[,.;)]|$|\s+(?:on|in|at|for|with|"
    r"and|where|after|before|to|from|during|earlier|later|today|yesterday)\b))"
)


def _could_be_site(name: str, knowledge_base: KnowledgeBase) -> bool:
    """Whether a capitalised name after "at the" may be a site: not a person, country, month or event."""
    words = name.split()
    if words[-1].lower() in {"summit", "meeting", "talks", "conference", "forum", "dialogue", "invitation"}:
        return False
    if words[0].lower() in lexicon.FUNCTION_WORDS or lexicon.country_of_word(name) is not None:
        return False
    return knowledge_base.find_person(name) is None


# "Seoul's Yongsan district", "Tokyo's Nagatacho area": a city named as the possessor of its part.
_CITY_DISTRICT = re.compile(
    r"\b(?P<city>[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)['’]s\s+(?:[A-Z][\w-]+\s+){0,2}"
    r"(?:district|area|neighbou?rhood|suburbs?|outskirts|ward|downtown)\b"
)

# "the Japanese capital", "the South Korean capital": a country's capital named by its demonym.
_DEMONYM_CAPITAL = re.compile(
    r"\b[Tt]he\s+(?P<demonym>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\s+capital\b"
    r"(?!\s+(?:markets?|gains?|investments?|flows?|controls?|spending|budgets?|goods|requirements?)\b)"
)

# A place written as "City, Country" after a preposition or a verb of travel; few sentences hold a comma
# before a capital, as it needs, so that is looked for first.
_COMMA_BEFORE_CAPITAL = re.compile(r",\s+[A-Z]")
_CITY_OF_COUNTRY = re.compile(
    r"\b(?:in|at|to|from|near|visiting|visited|visit|visits)\s+(?:the\s+)?"
    r"(?P<city>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?P<country>[A-Z][\w.]*(?:\s[A-Z][\w.]*){0,2}?)"
    r"(?![\w'’])"
)


# Nouns that end the name of a building or site one can visit or meet at ("Nago City Hall").
_FACILITY_HEADS = frozenset(
    """
    hall office headquarters building ministry base camp station airport plant factory shipyard
    port harbor harbour palace residence embassy consulate academy school university museum memorial
    cemetery center centre command library
    """.split()
)


# Capitalised words running on right after a name: " Presidential Library" in "the Ode Tanabe
# Presidential Library", where the name is the first part of a site's.
_RUN_ON = re.compile(r"(?:\s+[A-Z][\w’'-]*){1,4}")


def names_a_site(text: str, start: int, end: int) -> bool:
    """Whether the capitalised run from ``start`` to ``end`` is, or begins, a building's or site's name.

    >>> names_a_site("the Ode Tanabe Presidential Library in Boston", 4, 14)
    True
    >>> names_a_site("the Tanabe Presidential Library in Boston", 11, 31)
    True
    >>> names_a_site("Ode Tanabe visited the library", 0, 10)
    False
    """
    run = _RUN_ON.match(text, end)
    words = text[start:end].split() + (run.group().split() if run is not None else [])
    return any(word.lower() in _FACILITY_HEADS for word in words)


# The second head of a site named with two: " and Museum" in "the X Library and Museum".
_AND_FACILITY = re.compile(r"\s+and\s+(?:[A-Z][\w’'-]*\s+)*(?P<head>[A-Z][\w’'-]*)\b")


def _facility(window: str, base: int, offset: int, knowledge_base: KnowledgeBase) -> PlaceMention | None:
    """A capitalised run naming a building or site the gazetteer does not know ("Joint Staff Office")."""
    text = window[4:] if window.lower().startswith("the ") else window
    text = text.rstrip(".,")
    words = text.split()
    if len(words) < 2 or words[-1].lower() not in _FACILITY_HEADS or "," in text:
        return None
    if knowledge_base.find_place(text) is not None:
        return None  # the gazetteer's own entry is found the usual way
    country = None
    for place in _places_in_window(text, 0, 0, knowledge_base):
        country = country or place.country
    start = (
        offset + base + (len(window) - len(window.lstrip()) if not window.lower().startswith("the ") else 4)
    )
    return PlaceMention(start, start + len(text), text, country, "facility", text)


# A word of a place's name, with the comma before an abbreviation: "Washington," of "Washington, D.C.".
_PLACE_TOKEN = re.compile(r"[^\s,]+(?:,(?=\s*[A-Z]\.))?")


@functools.lru_cache(maxsize=4096)
def _place_tokens(window: str) -> tuple[tuple[int, int], ...]:
    """Where the words of a place window start and end; news names the same places again and again."""
    return tuple((m.start(), m.end()) for m in _PLACE_TOKEN.finditer(window))


def _places_in_window(
    window: str, base: int, offset: int, knowledge_base: KnowledgeBase
) -> list[PlaceMention]:
    tokens = _place_tokens(window)
    found: list[PlaceMention] = []
    index = 0
    while index < len(tokens):
        match: PlaceMention | None = None
        start = tokens[index][0]
        # A name (:func:`_lookup_place`) begins with a capital or "the ": "of" or "de" begins none.
        could_begin = window[start].isupper() or window[start : start + 4].lower() == "the "
        for stop in range(min(len(tokens), index + 6), index, -1) if could_begin else ():
            end = tokens[stop - 1][1]
            written = window[start:end]
            text = written if written.endswith(("D.C.", "U.S.")) else written.rstrip(".,’'")
            text = _POSSESSIVE.sub("", text) if text.endswith(("'s", "’s")) else text
            candidate = _lookup_place(text, knowledge_base)
            if candidate is not None and written.endswith(("'s", "’s")) and stop < len(tokens):
                candidate = None  # "Japan's Defense Ministry": the country qualifies what follows
            if candidate is not None:
                name, country, kind = candidate
                match = PlaceMention(
                    offset + base + start, offset + base + start + len(text), name, country, kind, text
                )
                index = stop
                break
        if match is not None:
            found.append(match)
        else:
            index += 1
    return found


def _lookup_place(text: str, knowledge_base: KnowledgeBase) -> tuple[str, str | None, str] | None:
    bare = text[4:] if text[:4].lower() == "the " else text
    if not bare or not bare[0].isupper():
        return None
    place: Place | None = knowledge_base.find_place(bare)
    if place is not None:
        return place.name, place.country, place.kind
    code = lexicon.country_names().get(bare.lower())
    if code is not None and bare.lower() not in {
        "beijing",
        "pyongyang",
        "moscow",
        "kyiv",
        "kiev",
        "tehran",
        "caracas",
    }:
        return _country_display_name(bare), code, "country"
    return None


def _country_display_name(text: str) -> str:
    return text


@functools.lru_cache(maxsize=4096)
def _folded_parts(name: str) -> list[str]:
    """The words of a name, case-folded and without accents."""
    return [fold(part) for part in name.split()]


# A story about the two Koreas names both of them (or their people). Each pattern opens with its capital,
# the word boundary a look-behind after it, as in _WINDOW: it is only tried where that capital stands.
_NORTH_KOREA_NAMED = re.compile(r"N(?<!\wN)(?:orth|\.)\s*Korea")
_SOUTH_KOREA_NAMED = re.compile(r"S(?<!\wS)(?:outh|\.)\s*Korea")
# "visited the North", "their trip to the communist North": one Korea, the other's name left out.
_ONE_KOREA = re.compile(r"\bthe\s+(?:communist\s+)?(?P<side>North|South)\b(?![’']|\s+[A-Z(]|\s*-)")
_KOREA_OF_SIDE = {"North": ("North Korea", "PRK"), "South": ("South Korea", "KOR")}


def about_both_koreas(text: str) -> bool:
    """Whether a story names both Koreas, so that "the North" and "the South" stand for them.

    >>> about_both_koreas("North Korea fired a missile, South Korea said."), about_both_koreas("the North")
    (True, False)
    """
    return _NORTH_KOREA_NAMED.search(text) is not None and _SOUTH_KOREA_NAMED.search(text) is not None


def find_korea_sides(sentence: str, offset: int) -> list[PlaceMention]:
    """The two Koreas named "the North" and "the South", in a story about both (:func:`about_both_koreas`).

    >>> [(p.name, p.country) for p in find_korea_sides("Both envoys visited the North in March.", 0)]
    [('North Korea', 'PRK')]
    """
    found = []
    for match in _ONE_KOREA.finditer(sentence):
        name, code = _KOREA_OF_SIDE[match.group("side")]
        start, end = offset + match.start("side"), offset + match.end("side")
        found.append(PlaceMention(start, end, name, code, "country", name))
    return found
