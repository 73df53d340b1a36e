"""Who, where and when in one parsed sentence: the core's finders plus spaCy's entities.

People come first from the core's :class:`~alliancekit.reading.PersonFinder`
(titles, appositions, the knowledge base, earlier mentions); spaCy's entity
recognizer then adds the names those cues miss, repaired through the
knowledge base. Known errors of the small English pipeline are worked around
here, so no later step has to know about them:

* a name damaged by encoding ("Yoshimas? Hayashi") comes out as two PERSON
  entities: adjacent PERSON entities are joined and looked up as one name;
* "Washington, D.C." comes out as two GPE entities: the core's gazetteer
  lookup, which reads the whole phrase, runs first;
* a military site ("Camp Humphreys") tagged PERSON is a place when the gazetteer
  knows it;
* ranks and titles tagged ORG ("Rear Adm. Karl Thomas") are stripped, and
  what remains is a name;
* a surname tagged ORG ("Okano") is a person when an earlier mention or
  the knowledge base says so.

Places come from the core's :func:`~alliancekit.reading.find_places`
first, then from GPE, LOC and FAC entities; times from
:func:`alliancekit.reading.find_time_expressions`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs
from alliancekit import reading as core
from alliancekit.actors import KnowledgeBase
from alliancekit.reading import (
    GroupMention,
    PersonFinder,
    PersonMention,
    PlaceMention,
    PronounMention,
    Sentence,
    TimeMention,
    find_groups,
    find_places,
    find_pronouns,
    find_time_expressions,
)
from spacy.tokens import Doc, Span, Token

__all__ = ["SentenceMentions", "read_mentions"]

_POSSESSIVE = re.compile(r"\s*['’]s?$")
_DAMAGED_GAP = re.compile(r"^[?\ufffd]\s?$")
_NAME_TOKEN = re.compile(r"^[A-Z][\w’'\-]*\.?$|^[A-Z]\.$")
# A time expression right after these words dates something else ("since March").
_NOT_EVENT_TIME = re.compile(
    r"(?:\bsince(?:\s+\w+){0,3}|\b(?:said|announced|reported|told\s+\w+|stated|added)(?:\s+on)?|"
    r"\bas\s+of|\bfounded|\bestablished|\belected|\bappointed|\btook\s+office(?:\s+in)?)\s*$",
    re.IGNORECASE,
)


@attrs.frozen
class SentenceMentions:
    """The mentions of one sentence, in document offsets, and the spaCy tokens they cover.

    ``offset`` is the sentence's start in the document: a token's document
    offset is ``offset + token.idx``.
    """

    sentence: Sentence
    doc: Doc
    persons: tuple[PersonMention, ...]
    places: tuple[PlaceMention, ...]
    times: tuple[TimeMention, ...]
    pronouns: tuple[PronounMention, ...]
    groups: tuple[GroupMention, ...]

    @property
    def offset(self) -> int:
        """The sentence's start in the document."""
        return self.sentence.start

    def span_of(self, token: Token) -> tuple[int, int]:
        """The document offsets of a token."""
        start = self.offset + token.idx
        return start, start + len(token.text)

    def person_at(self, token: Token) -> PersonMention | None:
        """The person mention covering ``token``, if any."""
        start, end = self.span_of(token)
        for person in self.persons:
            if person.start < end and start < person.end:
                return person
        return None

    def place_at(self, token: Token) -> PlaceMention | None:
        """The place mention covering ``token``, if any."""
        start, end = self.span_of(token)
        for place in self.places:
            if place.start < end and start < place.end:
                return place
        return None

    def pronoun_at(self, token: Token) -> PronounMention | None:
        """The pronoun or plural reference ("the two leaders") covering ``token``."""
        start, end = self.span_of(token)
        for pronoun in self.pronouns:
            if pronoun.start < end and start < pronoun.end:
                return pronoun
        return None

    def group_at(self, token: Token) -> GroupMention | None:
        """The group of officials ("senior U.S. officials") whose head is ``token``."""
        start, end = self.span_of(token)
        for group in self.groups:
            if group.start < end and start < group.end:
                return group
        return None

    def time_tokens(self, time: TimeMention) -> list[Token]:
        """The tokens of a time expression."""
        start, end = time.start - self.offset, time.end - self.offset
        return [token for token in self.doc if start <= token.idx < end]


def read_mentions(
    sentence: Sentence, doc: Doc, finder: PersonFinder, knowledge_base: KnowledgeBase
) -> SentenceMentions:
    """Find the people, places, times, pronouns and groups of one parsed sentence.

    :param sentence: the body sentence, with its document offsets.
    :param doc: spaCy's analysis of ``sentence.text``.
    :param finder: the document's person finder (it remembers earlier mentions).
    :param knowledge_base: actors and places, for repairing names.
    """
    text, offset = sentence.text, sentence.start
    persons = list(finder.find(text, offset))
    times = [
        TimeMention(offset + m.start, offset + m.end, m.text)
        for m in find_time_expressions(text)
        if not _NOT_EVENT_TIME.search(text[max(0, m.start - 40) : m.start])
    ]
    places = [
        place
        for place in find_places(text, offset, knowledge_base)
        if not _covered(place.start, place.end, persons, extended=True)
        and not _covered(place.start, place.end, times)
    ]
    for entity in _joined_entities(doc):
        start, end = offset + entity.start_char, offset + entity.end_char
        if _covered(start, end, persons) or _covered(start, end, places) or _covered(start, end, times):
            continue
        if entity.label_ in ("PERSON", "ORG"):
            person = _person_from_entity(entity, offset, finder, knowledge_base)
            if person is not None:
                persons.append(person)
                finder.known.append(person)
                continue
        place = _place_from_entity(entity, offset, knowledge_base)
        if place is not None:
            places.append(place)
    persons.sort(key=lambda p: p.start)
    places.sort(key=lambda p: p.start)
    pronouns = [p for p in find_pronouns(text, offset) if not _covered(p.start, p.end, persons)]
    groups = [g for g in find_groups(text, offset) if not _covered(g.start, g.end, persons)]
    return SentenceMentions(
        sentence, doc, tuple(persons), tuple(places), tuple(times), tuple(pronouns), tuple(groups)
    )


def _covered(start: int, end: int, mentions: Sequence[object], *, extended: bool = False) -> bool:
    for mention in mentions:
        begin: int = getattr(mention, "start")  # noqa: B009 - mentions of several attrs classes
        stop: int = getattr(mention, "end")  # noqa: B009
        if extended:
            stop = getattr(mention, "apposition_end", None) or stop
        if begin < end and start < stop:
            return True
    return False


def _joined_entities(doc: Doc) -> list[Span]:
    """The entities, with PERSON fragments split by a damaged letter joined again."""
    joined: list[Span] = []
    for entity in doc.ents:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.label_ == "PERSON"
            and entity.label_ == "PERSON"
            and _DAMAGED_GAP.match(doc.text[previous.end_char : entity.start_char])
        ):
            joined[-1] = Span(doc, previous.start, entity.end, label="PERSON")
            continue
        joined.append(entity)
    return joined


def _strip_titles(words: list[str]) -> tuple[list[str], list[str]]:
    """Split leading rank, title and honorific words off a name."""
    index = 0
    while index < len(words) - 1:
        word = words[index].rstrip(",")
        lowered = word.lower()
        if lowered in core.RANK_WORDS or lowered in core.HONORIFICS or core.is_title_word(word):
            index += 1
            continue
        break
    return words[:index], words[index:]


def _person_from_entity(
    entity: Span, offset: int, finder: PersonFinder, knowledge_base: KnowledgeBase
) -> PersonMention | None:
    """A person named by a PERSON entity, or by an ORG entity that is really a name."""
    raw = entity.text
    if raw.lower().startswith("the "):
        return None
    possessive = bool(_POSSESSIVE.search(raw)) and raw.endswith(("'s", "’s", "'", "’"))
    name_text = _POSSESSIVE.sub("", raw) if possessive else raw
    if knowledge_base.find_place(name_text) is not None or core.country_of_word(name_text) is not None:
        return None  # "Camp Humphreys" tagged PERSON
    words = name_text.split()
    title_words, name_words = _strip_titles(words)
    if not name_words or len(name_words) > 4 or not all(_NAME_TOKEN.match(w) for w in name_words):
        return None
    if any(w.lower().rstrip(".,") in core.ORG_WORDS for w in name_words):
        return None
    if any(w.lower() in core.FUNCTION_WORDS for w in name_words):
        return None
    name = " ".join(name_words)
    start = offset + entity.start_char + len(" ".join(words[: len(title_words)])) + (1 if title_words else 0)
    end = start + len(name)
    title = " ".join(title_words) or None
    anchor = finder.anchor
    if len(name_words) == 1:
        prior = _prior(finder, name)
        if prior is not None:
            return attrs.evolve(
                prior, start=start, end=end, cue="surname", possessive=possessive, apposition_end=None
            )
        record = knowledge_base.find_by_surname(name, on=anchor)
        if record is None:
            return None  # a lone capitalized word is a name only when something vouches for it
        return PersonMention(
            start, end, record.name, record.title_on(anchor), record.country, record.id, "spacy", possessive
        )
    if entity.label_ == "ORG" and not title_words:
        record = knowledge_base.find_person(name)
        if record is None:
            return None  # an organization, unless the knowledge base knows the name
    else:
        record = knowledge_base.find_person(name)
    if record is not None:
        return PersonMention(
            start,
            end,
            record.name,
            title or record.title_on(anchor),
            record.country,
            record.id,
            "spacy",
            possessive,
        )
    return PersonMention(start, end, name, title, None, None, "spacy", possessive)


def _prior(finder: PersonFinder, surname: str) -> PersonMention | None:
    """The latest person of the document whose family name is ``surname``."""
    key = surname.casefold()
    for mention in reversed(finder.known):
        parts = [part.casefold() for part in mention.name.split()]
        if key in parts[1:] or (len(parts) > 1 and key == parts[0] and mention.kb_id is not None):
            return mention
    return None


def _place_from_entity(entity: Span, offset: int, knowledge_base: KnowledgeBase) -> PlaceMention | None:
    """A place named by a GPE, LOC or FAC entity that the gazetteer does not know."""
    if entity.label_ not in ("GPE", "LOC", "FAC"):
        return None
    text = _POSSESSIVE.sub("", entity.text)
    bare = text[4:] if text.lower().startswith("the ") else text
    if not bare or not bare[0].isupper():
        return None
    start = offset + entity.start_char + (len(text) - len(bare))
    place = knowledge_base.find_place(bare)
    if place is not None:
        return PlaceMention(start, start + len(bare), place.name, place.country, place.kind, bare)
    country = core.country_of_word(bare)
    kind = "country" if country is not None else ("site" if entity.label_ == "FAC" else "city")
    if country is None:
        country = _country_in_apposition(entity)
    return PlaceMention(start, start + len(bare), bare, country, kind, bare)


def _country_in_apposition(entity: Span) -> str | None:
    """The country after a place: "Kuala Lumpur, Malaysia"."""
    for token in entity.root.children:
        if token.dep_ == "appos":
            return core.country_of_word(token.text)
    return None
