"""Coreference of people: who a pronoun, a description or "his counterpart" stands for.

Pronouns and descriptions ("he", "the two leaders", "the visiting
ministers") stand for people named before them, in the sentence, in the
drafts of the sentences just before, or as the subject of an earlier
sentence (:func:`resolve_pronoun`). A counterpart stands for a person named
elsewhere, or known from the office:

"Pellegrini will meet his Japanese counterpart": the counterpart is whoever holds,
in Japan, the office Pellegrini holds in the United States. The story may name
that person in another sentence ("Foreign Minister Rafael Quist said
..."); if it does not, the knowledge base knows who held the office on the
day. :func:`resolve_counterpart` makes that one decision; which country is
meant, when the text does not say, :func:`resolve_counterparts` tells from
the event (the country visited, the other country of the story).

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
from collections.abc import Callable, Sequence

import attrs

from alliancekit.actors import KnowledgeBase, load_builtin_offices
from alliancekit.model import EventType, Role
from alliancekit.rules import cues, lexicon
from alliancekit.rules.document import (
    Draft,
    Party,
    Reading,
    SentenceLayer,
    countries_in,
    person_key,
    unique_parties,
    unique_persons,
)
from alliancekit.rules.mentions import GroupMention, PersonMention, PronounMention

__all__ = [
    "COUNTERPART",
    "antecedent_outside",
    "join_delegation_members",
    "listed_from",
    "names_someone",
    "persons_between",
    "resolve_counterpart",
    "resolve_counterparts",
    "resolve_delegations",
    "resolve_pronoun",
    "subject_of",
]

COUNTERPART = re.compile(r"(?:(?P<modifier>[\w.’'-]+(?:\s+[\w.’'-]+)?)\s+)?counterpart", re.IGNORECASE)
"""A singular counterpart as the group finder writes it ("Japanese counterpart", "counterpart")."""
# The references that stand for one of the two people named just before, by their order.
_ONE_OF_TWO = frozenset({"the former", "the latter"})
_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}


def resolve_counterpart(
    anchor: PersonMention,
    country: str | None,
    people: Sequence[PersonMention],
    knowledge_base: KnowledgeBase,
    on: dt.date | None,
    text: str | None = None,
) -> PersonMention | None:
    """The person of ``country`` who holds the office ``anchor`` holds at home.

    :param anchor: the person whose counterpart is meant ("his counterpart").
    :param country: the counterpart's country; ``None`` when unknown, and then
        there is no answer.
    :param people: the people the document names, in text order: one of them
        who holds the office in that country is the answer, the last named
        before the anchor's mention first, else the first named after it.
    :param on: the day whose office holder the knowledge base names when the
        document does not name one with the office's title.
    :param text: the document's text, when known: the knowledge base's holder
        is the answer only when the document names them somewhere (by
        surname at least). A counterpart the story never names stays a
        description, as the annotation lists it.
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
    if text is not None and not _named_in(record.surname, text):
        return None  # "his Japanese counterpart", whom the story never names: a description
    return PersonMention(
        anchor.start,
        anchor.end,
        record.name,
        record.title_on(on),
        record.country,
        record.id,
        "counterpart",
    )


def _named_in(surname: str, text: str) -> bool:
    """Whether a surname stands in the text as a word."""
    return bool(surname) and re.search(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", text) is not None


def resolve_counterparts(reading: Reading) -> None:
    """Replace "his Japanese counterpart" in each draft by the person it stands for.

    The body's drafts are read first, then the headline's, as one list: a
    counterpart's country may come from a trip drafted before it.
    """
    drafts = [*reading.drafts, *reading.headline_drafts]
    people = [person for layer in reading.sentences for person in layer.persons]
    for draft in drafts:
        present = [p.person for p in draft.parties if p.person is not None]
        anchors = [person for person in present if person.title]
        if not present:
            continue
        for index, party in enumerate(draft.parties):
            group = party.group
            if (
                group is not None
                and not _BILATERAL_ONLY.search(reading.text, draft.trigger.start, group.start)
                and _PLURAL_COUNTERPARTS.search(reading.text, max(0, group.start - 60), group.end)
            ):
                named = _named_counterparts(reading, drafts, (anchors or present)[0], group)
                if named:
                    # "talks with his U.S. and Japanese counterparts": the people named for them.
                    draft.parties[index : index + 1] = [Party(p, None, party.role) for p in named]
                continue
            if group is None or not anchors or COUNTERPART.fullmatch(group.text) is None:
                continue
            named = [p for p in people if group.end <= p.start <= group.end + 2]
            if named:
                draft.parties[index] = Party(named[0], None, party.role)  # "his counterpart, X,"
                continue
            anchor = anchors[0]
            country = _counterpart_country(reading, drafts, draft, anchor, group)
            on = reading.document.anchor
            person = resolve_counterpart(anchor, country, people, reading.knowledge_base, on, reading.text)
            if person is None:
                continue
            if person.cue == "counterpart":
                person = attrs.evolve(person, start=group.start, end=group.end)
            draft.parties[index] = Party(person, None, party.role)
    for draft in drafts:
        draft.parties = unique_parties(draft.parties)


# A delegation's members named after it: "a five-member delegation that also included X".
_DELEGATION_INCLUDED = re.compile(
    r"\bdelegations?\b[^.;:]{0,40}?\b(?:(?:that|which)\s+(?:also\s+)?(?:included|includes|comprised)|"
    r"(?:also\s+)?including|comprising)\s+",
    re.IGNORECASE,
)
# "the South Korean officials", "the Japanese delegation": the people the story sent, as a group.
_SENT_GROUP = re.compile(r"(?:[A-Z][\w.’'-]*\s+){1,2}(?:officials|delegation|delegates|envoys)$")


def join_delegation_members(reading: Reading) -> None:
    """Add to a visit the members its sentence names for the visitors' delegation.

    "Ines too visited Pyongyang as part of a five-member delegation that also
    included Vice Minister Ro": Ro is one of the visitors; so are A and B in
    "X will lead a delegation to Canberra, which includes A and B".
    """
    text = reading.text
    for draft in reading.drafts:
        if draft.type is not EventType.VISIT or not draft.has_person():
            continue
        layer = reading.sentences[draft.sentence]
        included = _DELEGATION_INCLUDED.search(text, draft.trigger.start, layer.sentence.end)
        if included is None:
            continue
        members = [p for p in layer.persons if p.start >= included.end() and not p.possessive]
        listed = listed_from(text, members)
        draft.parties = unique_parties([*draft.parties, *(Party(p, None, Role.VISITOR) for p in listed)])


def resolve_delegations(reading: Reading, drafts: list[Draft]) -> None:
    """Replace "the South Korean officials" by the people of that country the story sent on its trip.

    "Ines, Bae and Ro visited Pyongyang ... the South Korean officials met
    Kim": the officials are the visitors of the trip told in the sentences
    just before (its mentions joined), whose visitors are all of that
    country, when there are two or more of them.
    """
    text = reading.text
    for draft in drafts:
        for index, party in enumerate(draft.parties):
            group = party.group
            if group is None or group.country is None or _SENT_GROUP.fullmatch(group.text) is None:
                continue
            if text[max(0, group.start - 4) : group.start].lower() != "the ":
                continue
            visitors = _latest_delegation(reading, drafts, group, group.country)
            if len(visitors) >= 2:
                draft.parties[index : index + 1] = [
                    Party(attrs.evolve(p, start=group.start, end=group.end, cue="pronoun"), None, party.role)
                    for p in visitors
                ]
        draft.parties = unique_parties(draft.parties)


def _latest_delegation(
    reading: Reading, drafts: list[Draft], group: GroupMention, country: str
) -> list[PersonMention]:
    """The people of ``country`` the story sent on the trip ``group``'s sentence is about.

    The trip is the one its sentence names ("During their trip to the
    North, the officials met ..."), else the one told last before it; its
    delegation is everyone of that country (or of no known country) whom the
    trips to the same country told before ``group`` carry.
    """
    told_before = [
        (max(starts), other)
        for other in drafts
        if other.type is EventType.VISIT
        and other.location is not None
        and (starts := [start for start, _ in other.spans if group.start - 1500 <= start <= group.start])
    ]
    if not told_before:
        return []
    bounds = next(
        (
            (layer.sentence.start, layer.sentence.end)
            for layer in reading.sentences
            if layer.sentence.start <= group.start < layer.sentence.end
        ),
        (group.start, group.end),
    )
    here = [other for _, other in told_before if any(bounds[0] <= s < bounds[1] for s, _ in other.spans)]
    trip = here[0] if here else max(told_before, key=lambda found: found[0])[1]
    assert trip.location is not None
    destination = trip.location.country
    visitors: list[PersonMention] = []
    for _, other in sorted(told_before, key=lambda found: found[0]):
        if other.location is None or other.location.country != destination:
            continue
        travelling = [p.person for p in other.parties if p.person is not None]
        if any(p.country not in (country, None) for p in travelling):
            continue
        visitors.extend(p for p in travelling if all(person_key(p) != person_key(v) for v in visitors))
    if not any(p.country == country for p in visitors):
        return []
    return visitors


# Counterparts of several countries: "his U.S. and Japanese counterparts", "Thai, Lao counterparts".
_COUNTRY_WORD = r"(?:(?:South|North|New|Sri|Saudi|Southeast|East)\s+)?[\w.’'-]+"  # "South Korean"
_PLURAL_COUNTERPARTS = re.compile(
    rf"(?P<countries>{_COUNTRY_WORD}(?:(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+){_COUNTRY_WORD})+)\s+counterparts$"
)


# Bilateral talks with counterparts of several countries are one with each, not one of them all.
_BILATERAL_ONLY = re.compile(r"\bbilateral(?!\s+and\s+(?:trilateral|three-way|multilateral))", re.IGNORECASE)


def _named_counterparts(
    reading: Reading, drafts: list[Draft], anchor: PersonMention, group: GroupMention
) -> list[PersonMention]:
    """The people the story names for each country of "his U.S. and Japanese counterparts".

    One per country: the person of that country whom another draft has
    engaging ``anchor``. Empty unless every country has one.
    """
    written = _PLURAL_COUNTERPARTS.search(reading.text, max(0, group.start - 60), group.end)
    if written is None:
        return []
    offices = load_builtin_offices()
    office = offices.counterpart_office(anchor.title)
    words = re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", written.group("countries"))
    countries = [lexicon.country_of_word(word) for word in words]
    found: list[PersonMention] = []
    for country in countries:
        if country is None or country == anchor.country:
            return []
        engaged = [
            person
            for other in drafts
            if person_key(anchor) in other.person_keys()
            for person in (p.person for p in other.parties)
            if person is not None
            and person.country == country
            # a known office other than the anchor's is no counterpart (the host's prime minister)
            and (office is None or offices.counterpart_office(person.title) in (None, office))
        ]
        if not engaged:
            return []
        found.append(attrs.evolve(engaged[0], start=group.start, end=group.end, cue="counterparts"))
    return found


def _counterpart_country(
    reading: Reading, drafts: list[Draft], draft: Draft, anchor: PersonMention, group: GroupMention
) -> str | None:
    """A counterpart's country: as written, else the event's place, else the story's other country."""
    written = COUNTERPART.fullmatch(group.text)
    modifier = written.group("modifier") if written is not None else None
    if modifier:
        country = lexicon.country_of_word(modifier)
        if country is not None:
            return country
    if draft.location is not None and draft.location.country not in (None, anchor.country):
        return draft.location.country
    # The visit this meeting belongs to: the anchor's latest trip abroad drafted so far.
    for other in reversed(drafts[: drafts.index(draft)]):
        if (
            other.type is EventType.VISIT
            and other.location is not None
            and other.location.country not in (None, anchor.country)
            and person_key(anchor) in other.person_keys()
        ):
            return other.location.country
    counts: dict[str, int] = {}
    for layer in reading.sentences:
        for person in layer.persons:
            if person.country is not None and person.country != anchor.country:
                counts[person.country] = counts.get(person.country, 0) + 1
    if len(counts) == 1:
        return next(iter(counts))
    return None


def persons_between(reading: Reading, layer: SentenceLayer, start: int, end: int) -> list[PersonMention]:
    """The people named between ``start`` and ``end``, pronouns resolved, each once, in text order."""
    found = [p for p in layer.persons if start <= p.start and p.end <= end]
    for pronoun in layer.pronouns:
        if start <= pronoun.start and pronoun.end <= end and not pronoun.possessive:
            found.extend(resolve_pronoun(reading, layer, pronoun))
    # "Hana's trip comes after he held talks": the "he" is who acts, not the possessor before it.
    acting = {person_key(p) for p in found if p.cue == "pronoun"}
    found = [p for p in found if not (p.possessive and p.cue != "pronoun" and person_key(p) in acting)]
    found.sort(key=lambda p: p.start)
    return unique_persons(found)


# A subject pronoun that opens a time clause after the main one: "..., hours after he arrived".
_SUBORDINATE_SUBJECT = re.compile(r"\b(?:after|before|when|as|while|since|until|once)\s+$")
# A clause giving a reason, after a comma, whose subject a pronoun is: ", as she", ", because he".
_CAUSE_SUBJECT = re.compile(r",\s+(?:as|because|since)\s+$")
# A person right after a verb or a preposition (with "the"): an object or complement, not a subject.
_AFTER_PREDICATE = re.compile(r"\b(?!(?:and|or)\b)[a-z]+\s+(?:the\s+)?$")
# A person met (not hosted or welcomed) just before: the object of the main clause's meeting verb.
_MET_OBJECT_BEFORE = re.compile(
    r"\b(?:met|meets|meet|meeting)\s+(?:[A-Z][\w.’'-]*\s+|(?:of|for|the|and)\s+){0,8}$"
)


def resolve_pronoun(reading: Reading, layer: SentenceLayer, pronoun: PronounMention) -> list[PersonMention]:
    """Resolve a pronoun or "the two leaders" to earlier people."""
    earlier = [p for p in layer.persons if p.end <= pronoun.start]
    if pronoun.plural:
        return _resolve_plural(reading, layer, pronoun, earlier)
    if pronoun.text.lower() in _ONE_OF_TWO:
        return _one_of_two(reading, layer, pronoun, earlier)
    # "he" is no one the knowledge base knows as a woman, "she" no one it knows as a man.
    earlier = [p for p in earlier if _gender_agrees(reading, p, pronoun)]
    text = reading.text
    if not pronoun.possessive and pronoun.text.lower() in ("him", "her") and len(earlier) > 1:
        # "Lena held talks with Pellegrini and asked him to visit": an object is not its verb's subject.
        subjects = [p for p in earlier if not cues.OBJECT_BEFORE.search(text[max(0, p.start - 60) : p.start])]
        others = [p for p in earlier if not subjects or person_key(p) != person_key(subjects[-1])]
        if others:
            return [attrs.evolve(others[-1], start=pronoun.start, end=pronoun.end, cue="pronoun")]
    if (
        not pronoun.possessive
        and pronoun.text.lower() in ("him", "her")
        and len(earlier) == 1
        and not cues.OBJECT_BEFORE.search(
            text[max(layer.sentence.start, earlier[0].start - 60) : earlier[0].start]
        )
        and not _CLAUSE_BETWEEN.search(text, earlier[0].end, pronoun.start)
    ):
        # "Vice Governor X will accompany him": a verb's object is not its own subject (that would
        # be "himself"), but someone of the sentences before.
        outside = antecedent_outside(reading, layer, {person_key(earlier[0])})
        if outside:
            return [attrs.evolve(outside[0], start=pronoun.start, end=pronoun.end, cue="pronoun")]
    # Someone met "with" in this sentence is not who "his" or "she" stands for.
    candidates = [p for p in earlier if not cues.WITH_BEFORE.search(text[max(0, p.start - 60) : p.start])]
    # "Ines, Bae's top adviser, will explain his trip": the possessor in the apposition is not "his".
    candidates = [
        p
        for p in candidates
        if not any(o.apposition_end is not None and o.end < p.start < o.apposition_end for o in earlier)
    ] or candidates
    if not pronoun.possessive and _SUBORDINATE_SUBJECT.search(
        text, max(0, pronoun.start - 20), pronoun.start
    ):
        # "Kessler met Halvorsen hours after he arrived": the clause's "he" is who met, not whom he met.
        candidates = [
            p for p in candidates if not _MET_OBJECT_BEFORE.search(text[max(0, p.start - 60) : p.start])
        ] or candidates
    if not pronoun.possessive and _CAUSE_SUBJECT.search(text, max(0, pronoun.start - 20), pronoun.start):
        # "Mizuhara will not accompany the prime minister, as she is due in Paris": a reason given for
        # what the subject does is the subject's, not its object's.
        candidates = [
            p for p in candidates if not _AFTER_PREDICATE.search(text, layer.sentence.start, p.start)
        ] or candidates
    if not candidates:
        # "Today he holds talks with X, and tomorrow he ...": the same "he" as before.
        before = [
            other
            for other in layer.pronouns
            if other.end <= pronoun.start and not other.plural and other.text.lower() == pronoun.text.lower()
        ]
        if before:
            resolved = resolve_pronoun(reading, layer, before[0])
            if resolved:
                return [attrs.evolve(p, start=pronoun.start, end=pronoun.end) for p in resolved]
    if candidates or earlier:
        chosen = (candidates or earlier)[-1]
        # "Hana's trip comes after he held talks": "he" names the possessor as a subject.
        possessive = chosen.possessive and pronoun.possessive
        return [
            attrs.evolve(chosen, start=pronoun.start, end=pronoun.end, cue="pronoun", possessive=possessive)
        ]
    for previous in reversed([f for f in reading.sentences_to(layer, 4) if f is not layer]):
        if previous.sentence.paragraph < layer.sentence.paragraph - 2:
            break
        subject = subject_of(reading, previous)
        if subject is not None and _gender_agrees(reading, subject, pronoun):
            other = _other_of_same_pronoun(reading, previous, pronoun, subject)
            chosen = other if other is not None else subject
            return [attrs.evolve(chosen, start=pronoun.start, end=pronoun.end, cue="pronoun")]
    return []


# What opens another clause between a subject and an object pronoun: "X said Y had invited him".
_CLAUSE_BETWEEN = re.compile(
    r"\b(?:said|says|told|tells|added|that|who|which|when|after|before|because|as|if|while|and)\b|[,;:\"“”]"
)
# The pronouns of one gender, as they are written in any case.
_SAME_GENDER = ({"he", "him", "his"}, {"she", "her", "hers"})


def _other_of_same_pronoun(
    reading: Reading, previous: SentenceLayer, pronoun: PronounMention, subject: PersonMention
) -> PersonMention | None:
    """Who a pronoun goes on with when the sentence before used it for someone other than its subject.

    "Vice Governor X will accompany him. He will then travel to New York":
    the sentence before, which names X alone, gave "him" to another person
    than X, so "He" is that person, not X.
    """
    wanted = next((words for words in _SAME_GENDER if pronoun.text.lower() in words), None)
    if wanted is None or any(person_key(p) != person_key(subject) for p in previous.persons):
        return None  # the sentence before names others too: its pronoun may stand for any of them
    others = [
        person
        for earlier in previous.pronouns
        if not earlier.plural and earlier.text.lower() in wanted and earlier.start > subject.end
        for person in resolve_pronoun(reading, previous, earlier)
        if person_key(person) != person_key(subject)
    ]
    return others[-1] if others else None


def _one_of_two(
    reading: Reading, layer: SentenceLayer, pronoun: PronounMention, earlier: list[PersonMention]
) -> list[PersonMention]:
    """Resolve "the former" or "the latter" to the first or the second of the two people just named.

    The two are the last two different people named before it in the sentence, or, when it
    names fewer, in the sentence before it ("Hale and Morota set no date. The former ...").
    """
    named = unique_persons([p for p in earlier if not p.possessive] or earlier)
    if len(named) < 2:
        previous = [f for f in reading.sentences_to(layer, 2) if f is not layer]
        before = [p for f in previous for p in f.persons if not p.possessive]
        named = unique_persons([*before, *named])
    if len(named) < 2:
        return []
    first, second = named[-2:]
    chosen = first if pronoun.text.lower() == "the former" else second
    return [attrs.evolve(chosen, start=pronoun.start, end=pronoun.end, cue="pronoun", possessive=False)]


def _gender_agrees(reading: Reading, person: PersonMention, pronoun: PronounMention) -> bool:
    """Whether a singular pronoun can stand for the person (unknown genders always can)."""
    wanted = _PRONOUN_GENDER.get(pronoun.text.lower())
    if wanted is None or person.kb_id is None:
        return True
    record = reading.knowledge_base.get(person.kb_id)
    return record is None or record.gender is None or record.gender == wanted


def _resolve_plural(
    reading: Reading, layer: SentenceLayer, pronoun: PronounMention, earlier: list[PersonMention]
) -> list[PersonMention]:
    """Resolve "they", "the two ministers" and the like to the people they name."""
    lowered = pronoun.text.lower()
    count = 4 if "four" in lowered else 3 if "three" in lowered else 2
    named = _apposition(reading, layer, pronoun)
    if len(named) >= 2:
        # "The two leaders, Mireles and Ferreira, had a session": the names that follow say who.
        return [attrs.evolve(p, start=pronoun.start, end=pronoun.end, cue="pronoun") for p in named]
    fits = _plural_filter(lowered)
    of_countries = _countries_after(reading.text, pronoun.end)
    if not of_countries and _OF_A_GROUPING.match(reading.text, pronoun.end):
        return []  # "when the leaders of the grouping meet": all its members, not two people named before
    if of_countries:
        # "the leaders of the two Koreas": only people of those countries.
        office_fits = fits
        fits = lambda person: office_fits(person) and person.country in of_countries  # noqa: E731
    if "visiting" in lowered:
        hosts = {
            person_key(p.person)
            for draft in reading.drafts
            if layer.sentence.index - draft.sentence <= 6
            for p in draft.parties
            if p.person is not None and (p.role is Role.HOST or (draft.hosting and p is draft.parties[0]))
        }
        base = fits
        fits = lambda person: base(person) and person_key(person) not in hosts  # noqa: E731
    candidates: list[PersonMention] = []
    if lowered in {"they", "their", "them"} or len(unique_persons(earlier)) >= 2:
        candidates = [p for p in unique_persons(earlier) if fits(p)]
        if len(candidates) >= 2:
            return [attrs.evolve(p, start=pronoun.start, end=pronoun.end, cue="pronoun") for p in candidates]
    for draft in reversed(reading.drafts):
        if layer.sentence.index - draft.sentence > 8:
            break
        persons = [p.person for p in draft.parties if p.person is not None and fits(p.person)]
        for person in persons:
            if all(person_key(person) != person_key(c) for c in candidates):
                candidates.append(person)
        if len(candidates) >= count + 2:
            break
    named_here = {person_key(p) for p in layer.persons if p.start > pronoun.end}
    if len(candidates) > count and named_here:
        # "The two ministers last met ..., when Pellegrini accompanied ...": one of them is named here.
        order = {id(p): i for i, p in enumerate(candidates)}
        candidates.sort(key=lambda p: (person_key(p) not in named_here, order[id(p)]))
    if len(candidates) < 2:
        for previous in reversed(reading.sentences_to(layer, 4)):
            for person in reversed(previous.persons):
                if fits(person) and all(person_key(person) != person_key(c) for c in candidates):
                    candidates.append(person)
    if len(candidates) < 2:
        return []
    return [attrs.evolve(p, start=pronoun.start, end=pronoun.end, cue="pronoun") for p in candidates[:count]]


# A grouping of many members after a plural description: "the leaders of the grouping", "of the G20".
_OF_A_GROUPING = re.compile(
    r"\s+of\s+(?:the\s+|this\s+|that\s+|its\s+)?(?:grouping|bloc|group|forum|club|G-?\d+|[A-Z]{3,6})\b(?!-)"
)
_OF_COUNTRIES = re.compile(r"\s+of\s+(?:the\s+)?(?P<phrase>[^,;:.()]{1,60})")
_BOTH_KOREAS = re.compile(r"\b(?:two|divided)\s+Koreas\b")


# The capitalised words opening a phrase, joined by commas and "and": "Japan, South Korea and " of
# "Japan, South Korea and the U.S.".
_CAPITALISED_LIST = re.compile(r"(?:[A-Z][\w.’'-]*\s*(?:,\s*|\s+and\s+|\s+)?)+")


def _countries_after(text: str, end: int) -> set[str]:
    """The countries of an "of" phrase right after a plural description: "the leaders of the two Koreas"."""
    match = _OF_COUNTRIES.match(text, end)
    if match is None:
        return set()
    phrase = match.group("phrase")
    if _BOTH_KOREAS.match(phrase):
        return {"KOR", "PRK"}
    listed = _CAPITALISED_LIST.match(phrase)
    return set(countries_in(listed.group(), exclude=set())) if listed is not None else set()


# Between two people of one list, titles and demonyms allowed: "Mireles and Prime Minister Ferreira".
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,6}")


def listed_from(text: str, people: Sequence[PersonMention]) -> list[PersonMention]:
    """The first of ``people`` and those listed with it ("invited Tomas and Minister Brandt to ...")."""
    listed = list(people[:1])
    for person in people[1:]:
        if _LIST_JOIN.fullmatch(text[listed[-1].end : person.start]) is None:
            break
        listed.append(person)
    return listed


# What opens and closes the names in apposition to a plural description: ", Mireles and Ferreira,".
_APPOSITION_OPENING = re.compile(r",\s*(?:(?:[A-Z][\w.’'-]*|of|the)\s+){0,6}")
_APPOSITION_CLOSING = re.compile(r"\s*[,;:)\u2014-]|\s*$")


def _apposition(reading: Reading, layer: SentenceLayer, pronoun: PronounMention) -> list[PersonMention]:
    """The people a plural description names right after it: "the two leaders, Mireles and Ferreira,"."""
    text = reading.text
    following = [p for p in layer.persons if p.start >= pronoun.end and not p.possessive]
    if not following or not _APPOSITION_OPENING.fullmatch(text[pronoun.end : following[0].start]):
        return []
    listed = listed_from(text, following)
    closing = text[listed[-1].end : listed[-1].end + 2]
    if len(listed) < 2 or not _APPOSITION_CLOSING.match(closing):
        return []
    return listed


def subject_of(reading: Reading, layer: SentenceLayer) -> PersonMention | None:
    """Who a sentence is about: whom its opening "He" or "She" was read as, else its first person."""
    subject = next(
        (
            pronoun
            for pronoun in layer.pronouns
            if not pronoun.plural
            and pronoun.text.lower() in ("he", "she")
            and not (layer.persons and layer.persons[0].start < pronoun.start)
        ),
        None,
    )
    if subject is not None:
        # "He met the minister on Tuesday.": the subject is whom "He" was read as, not the minister.
        for draft in reversed(reading.drafts):
            if draft.sentence != layer.sentence.index:
                continue
            for party in draft.parties:
                if party.person is not None and party.person.start == subject.start:
                    return party.person
    if layer.persons:
        return layer.persons[0]
    for draft in reversed(reading.drafts):
        if draft.sentence == layer.sentence.index:
            persons = [p.person for p in draft.parties if p.person is not None]
            if persons:
                return persons[0]
    return None


def antecedent_outside(
    reading: Reading, layer: SentenceLayer, excluded: set[frozenset[str]]
) -> list[PersonMention]:
    """The subject of the nearest earlier sentence that is none of ``excluded``."""
    for previous in reversed(reading.sentences_to(layer, 4)):
        if previous is layer:
            continue
        for person in previous.persons:
            if person_key(person) not in excluded:
                return [person]
    return []


# The plural phrases of heads of government, defence chiefs, foreign ministers and ministers, and the
# titles each can stand for (see _plural_filter).
_LEADERS_PHRASE = re.compile(r"\b(?:leaders|presidents|premiers|heads)\b")
_DEFENCE_PHRASE = re.compile(r"\b(?:defen[cs]e\s+(?:chiefs|ministers|secretaries|heads))\b")
_DEFENCE_TITLE = re.compile(r"defen[cs]e|war", re.IGNORECASE)
_FOREIGN_PHRASE = re.compile(r"\b(?:foreign\s+ministers|top\s+diplomats|diplomats|foreign\s+chiefs)\b")
_FOREIGN_TITLE = re.compile(r"foreign|secretary of state|external affairs", re.IGNORECASE)
_MINISTERS_PHRASE = re.compile(r"\b(?:ministers|secretaries|top diplomats|defense chiefs|diplomats)\b")
_PRIME_MINISTER_TITLE = re.compile(r"(?:the\s+)?prime\s+minister", re.IGNORECASE)


def _plural_filter(phrase: str) -> Callable[[PersonMention], bool]:
    """Which people a plural phrase can stand for ("the two leaders": heads of government)."""
    if _LEADERS_PHRASE.search(phrase):
        return lambda person: person.title is None or bool(cues.LEADER_TITLE.search(person.title))
    if _DEFENCE_PHRASE.search(phrase):
        return lambda person: person.title is None or bool(_DEFENCE_TITLE.search(person.title))
    if _FOREIGN_PHRASE.search(phrase):
        return lambda person: person.title is None or bool(_FOREIGN_TITLE.search(person.title))
    if _MINISTERS_PHRASE.search(phrase):
        return lambda person: (
            person.title is None
            or (
                bool(cues.MINISTER_TITLE.search(person.title))
                and not _PRIME_MINISTER_TITLE.fullmatch(person.title.strip())
            )
        )
    return lambda person: True


def names_someone(reading: Reading, layer: SentenceLayer, start: int, end: int) -> bool:
    """Whether a subject is named between ``start`` and ``end``: a person (not a possessor) or a group."""
    return any(not p.possessive for p in persons_between(reading, layer, start, end)) or any(
        start <= g.start and g.end <= end for g in layer.groups
    )
