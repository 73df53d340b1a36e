"""From a parsed sentence to draft events: the arguments of each trigger, read off the tree.

For every trigger the dependency parse says who acts and who is acted on:

* the subject (``nsubj``), or, in the passive, the ``by`` agent ("Iwaya was
  received *by Rubio*"), while the passive subject is the guest or invitee;
* a subject shared through the tree when the trigger has none of its own: a
  coordinated verb ("arrived in Tokyo *and met* ..."), an open complement
  ("*plans to visit*", "invited Y *to visit*": Y visits), a relative clause
  ("Austin, *who arrived* in Manila"), a participle ("The leaders,
  *meeting* on the sidelines");
* the objects: the direct object and ``with``/``between``/``among`` phrases,
  on the verb or on the event noun of a light verb ("held talks *with* X");
* for nouns ("Suga's *visit* to Washington", "*talks between* A and B"):
  the possessor and the same prepositional phrases, and for a noun that is
  the passive subject of "hold", the verb's phrases too.

Places come from the destination (object of "visit", ``to``/``for``/``in``
after a verb of travel) or from ``in``/``at`` phrases; the time from the time
expression nearest in the tree; the status from the verb chain (a modal, an
infinitive under "plan", "set", "expected"...; a governing "cancel",
"postpone", "call off").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Sequence

import attrs
from alliancekit import reading as core
from alliancekit.actors import KnowledgeBase, name_key
from alliancekit.model import EventType, Role, Status
from alliancekit.reading import GroupMention, PersonMention, PlaceMention, Sentence, TimeMention, resolve
from spacy.tokens import Token

from alliancekit_spacy.mentions import SentenceMentions
from alliancekit_spacy.triggers import Trigger

__all__ = ["DocumentReader", "Draft", "Party"]

_CANCEL = frozenset(
    {"cancel", "postpone", "scrap", "shelve", "axe", "suspend", "scuttle", "abandon", "delay"}
)
_CANCEL_PHRASAL = frozenset({("call", "off"), ("put", "off")})
_PLAN_HEADS = frozenset(
    [
        "plan",
        "expect",
        "schedule",
        "set",
        "slate",
        "aim",
        "intend",
        "hope",
        "seek",
        "want",
        "agree",
        "arrange",
        "prepare",
        "decide",
        "propose",
        "consider",
        "be",
        "due",
        "likely",
        "poised",
        "ready",
        "eager",
        "look",
        "forward",
        "tip",
        "invite",
        "ask",
        "urge",
        "need",
        "wish",
        "try",
        "invitation",
    ]
)
_PLANNED_MODIFIERS = frozenset(
    [
        "upcoming",
        "planned",
        "proposed",
        "scheduled",
        "expected",
        "forthcoming",
        "next",
        "possible",
        "potential",
        "prospective",
        "future",
        "anticipated",
        "slated",
        "coming",
        "mooted",
    ]
)
_MODALS = frozenset({"will", "would", "shall", "may", "might", "could", "should", "'ll", "’ll", "wo"})
_PARTICIPANT_PREPS = frozenset({"with", "between", "among", "amongst", "alongside"})
_CLAUSAL = frozenset({"relcl", "ccomp", "advcl", "acl", "conj", "parataxis", "csubj"})
_COMPOUND = re.compile(r"\b[A-Z][\w.]*(?:-[A-Z][\w.]*)+")
_PLURAL_REFERENCE = re.compile(r"^(?:the|both)\s+(?:two|three|four)?\s*\w+$|^(?:they|them)$", re.IGNORECASE)
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2, "pair": 2, "duo": 2, "trio": 3}
_PLURAL_NOUNS = frozenset(
    [
        "leaders",
        "ministers",
        "secretaries",
        "counterparts",
        "envoys",
        "presidents",
        "premiers",
        "chiefs",
        "diplomats",
        "men",
        "women",
        "heads",
        "officials",
    ]
)
# The offices a plural noun refers to ("the two leaders" are heads of state or government).
_TITLE_CLASSES = {
    "leaders": re.compile(r"\b(?:president|prime minister|premier|chancellor|king|emperor)\b", re.IGNORECASE),
    "presidents": re.compile(r"\bpresident\b", re.IGNORECASE),
    "ministers": re.compile(r"(?<!prime )\bminister\b|\bsecretary\b", re.IGNORECASE),
    "secretaries": re.compile(r"\bsecretary\b", re.IGNORECASE),
    "chiefs": re.compile(r"\bdefen[cs]e\b|\bchief\b|\bcommander\b", re.IGNORECASE),
}
_NOT_IN_PHRASE = frozenset({"conj", "cc", "relcl", "acl", "advcl", "ccomp", "punct", "appos"})
_NAME_WORD = re.compile(r"^[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)?$|^[A-Z]\.$")
_TEMPORAL_PREPS = frozenset({"after", "before", "during", "following", "since", "ahead", "throughout"})


@attrs.define
class Party:
    """A participant while drafting: a named person or an unnamed group."""

    person: PersonMention | None
    group: GroupMention | None
    role: Role

    @property
    def key(self) -> frozenset[str] | str:
        """What makes two parties the same actor."""
        if self.person is not None:
            return name_key(self.person.name)
        assert self.group is not None
        return f"group:{self.group.text.lower()}"

    @property
    def country(self) -> str | None:
        """The actor's country, when known."""
        if self.person is not None:
            return self.person.country
        return self.group.country if self.group is not None else None


@attrs.define
class Draft:
    """An event read from one trigger, before drafts of one engagement are merged."""

    type: EventType
    status: Status
    explicit_status: bool
    trigger: Trigger
    parties: list[Party]
    time: TimeMention | None
    location: PlaceMention | None
    topics: list[str]
    spans: list[tuple[int, int]]
    sentence: int
    paragraph: int
    hosting: bool = False

    def person_keys(self) -> set[frozenset[str]]:
        """The name keys of the people taking part."""
        return {name_key(p.person.name) for p in self.parties if p.person is not None}

    def has_person(self) -> bool:
        """Whether a named person takes part."""
        return any(p.person is not None for p in self.parties)


@attrs.define
class DocumentReader:
    """Reads the drafts of one document, sentence after sentence.

    It remembers what pronouns and referring nouns ("the two leaders", "the
    visit") need: the subject of the previous sentence and the drafts so far.
    """

    anchor: dt.date | None
    knowledge_base: KnowledgeBase
    drafts: list[Draft] = attrs.field(factory=list)
    _last_subject: PersonMention | None = None
    _last_paragraph: int = -1
    _seen: list[PersonMention] = attrs.field(factory=list)

    def read(self, mentions: SentenceMentions, triggers: Iterable[Trigger]) -> None:
        """Draft the events of one sentence."""
        sentence = mentions.sentence
        self._enter(sentence)
        siblings = list(triggers)
        for trigger in siblings:
            draft = _SentenceReader(self, mentions, trigger, siblings).draft()
            if draft is None:
                continue
            referring = not draft.parties or _is_reference(draft, mentions)
            if referring and (self._refer_back(draft) or not draft.has_person()):
                continue
            if draft.trigger.label == "exchange-views" and self._elaborates(draft):
                continue
            if draft.has_person():
                self.drafts.append(draft)
        self._remember(sentence, mentions.persons, _sentence_subject(mentions))

    def skip(self, sentence: Sentence, persons: Sequence[PersonMention]) -> None:
        """Take note of a sentence that was not parsed (it holds no trigger): its people.

        Without a parse, the subject a later pronoun may refer to is the
        sentence's first person, as for a parsed sentence without a subject.
        """
        self._enter(sentence)
        self._remember(sentence, persons, persons[0] if persons else None)

    def _enter(self, sentence: Sentence) -> None:
        """Forget the previous subject after a paragraph without sentences."""
        if sentence.paragraph != self._last_paragraph and sentence.paragraph - self._last_paragraph > 1:
            self._last_subject = None

    def _remember(
        self, sentence: Sentence, persons: Iterable[PersonMention], subject: PersonMention | None
    ) -> None:
        self._seen.extend(p for p in persons if p.cue != "pronoun")
        if subject is not None:
            self._last_subject = subject
        self._last_paragraph = sentence.paragraph

    def previous_subject(self) -> PersonMention | None:
        """The person the previous sentence was about."""
        return self._last_subject

    def latest_group(self, sentence: int, count: int = 0, noun: str = "") -> list[PersonMention]:
        """The people of the latest draft with two or more, for "the two leaders".

        :param count: how many people the reference names ("the *four*
            ministers"); 0 when it does not say.
        :param noun: the plural noun ("leaders", "ministers"), which says
            which offices the people hold.
        """
        title_class = _TITLE_CLASSES.get(noun)
        fallback: list[PersonMention] = []
        for draft in reversed(self.drafts):
            if sentence - draft.sentence > 6:
                break
            persons = _unique_persons(p.person for p in draft.parties if p.person is not None)
            if title_class is not None:
                persons = [p for p in persons if p.title and title_class.search(p.title)] or (
                    persons if not fallback else []
                )
            if len(persons) < 2:
                continue
            if count and len(persons) != count:
                fallback = fallback or persons
                continue
            return persons
        return fallback

    def recent_people(self, count: int, noun: str = "") -> list[PersonMention]:
        """The last ``count`` different people named, for "the two leaders" before any event was told."""
        title_class = _TITLE_CLASSES.get(noun)
        people = [
            p
            for p in reversed(self._seen)
            if title_class is None or (p.title and title_class.search(p.title))
        ]
        unique = _unique_persons(people)
        return list(reversed(unique[:count])) if len(unique) >= count else []

    def _elaborates(self, draft: Draft) -> bool:
        """Whether "the two ministers exchanged views" only details the meeting or call just told."""
        keys = draft.person_keys()
        for kept in reversed(self.drafts):
            if draft.sentence - kept.sentence > 6:
                return False
            if kept.type in (EventType.MEETING, EventType.CALL) and keys and keys <= kept.person_keys():
                kept.topics.extend(code for code in draft.topics if code not in kept.topics)
                return True
        return False

    def _refer_back(self, reference: Draft) -> bool:
        """A noun like "the visit" that refers to an event told before: enrich that event.

        :returns: whether an earlier draft was found.
        """
        keys = reference.person_keys()
        for draft in reversed(self.drafts):
            if reference.sentence - draft.sentence > 4:
                return False
            if draft.type is not reference.type or (keys and not keys & draft.person_keys()):
                continue
            if draft.time is None and reference.time is not None:
                draft.time = reference.time
            if reference.status is Status.CANCELLED:
                draft.status, draft.explicit_status = Status.CANCELLED, True
            elif (
                reference.status is Status.PLANNED and reference.explicit_status and not draft.explicit_status
            ):
                draft.status, draft.explicit_status = Status.PLANNED, True
            draft.location = draft.location or reference.location
            return True
        return False


def _is_reference(draft: Draft, mentions: SentenceMentions) -> bool:
    """A noun after "after", "during"... whose people are only pronouns ("After their talks"): told before."""
    if draft.trigger.form != "nominal":
        return False
    token = mentions.doc[draft.trigger.token]
    if token.dep_ != "pobj" or token.head.lower_ not in _TEMPORAL_PREPS:
        return False
    return all(p.person is None or p.person.cue == "pronoun" for p in draft.parties)


def _sentence_subject(mentions: SentenceMentions) -> PersonMention | None:
    """The person who is the grammatical subject of the sentence's main verb, else the first named."""
    for token in mentions.doc:
        if token.dep_ == "ROOT":
            for child in token.children:
                if child.dep_ in ("nsubj", "nsubjpass"):
                    person = mentions.person_at(child)
                    if person is not None:
                        return person
    return mentions.persons[0] if mentions.persons else None


@attrs.define
class _SentenceReader:
    """Reads the arguments of one trigger in one sentence."""

    document: DocumentReader
    mentions: SentenceMentions
    trigger: Trigger
    siblings: list[Trigger]

    @property
    def token(self) -> Token:
        return self.mentions.doc[self.trigger.token]

    @property
    def noun(self) -> Token | None:
        return self.mentions.doc[self.trigger.noun] if self.trigger.noun is not None else None

    # ------------------------------------------------------------ the draft

    def draft(self) -> Draft | None:
        token = self.token
        if _negated(token) and not self._cancelled():
            return None
        status, explicit = self._status()
        parties = self._parties()
        sentence = self.mentions.sentence
        draft = Draft(
            self.trigger.type,
            status,
            explicit,
            self.trigger,
            parties,
            self._time(),
            self._location(),
            [],
            [],
            sentence.index,
            sentence.paragraph,
            hosting=self.trigger.hosting,
        )
        draft.topics = self._topics(draft)
        draft.spans = [self._span(draft)]
        return draft

    # ------------------------------------------------------------ participants

    def _parties(self) -> list[Party]:
        trigger, token = self.trigger, self.token
        kind = trigger.type
        if trigger.form == "nominal":
            return self._nominal_parties()
        actors, patients = self._subjects(token)
        objects = self._objects()
        parties: list[Party] = []
        if kind is EventType.VISIT:
            parties = self._parties_of(actors, Role.VISITOR)
        elif kind is EventType.INVITATION:
            parties = self._parties_of(actors, Role.INVITER)
            invitees = patients or [t for t in objects if t.dep_ == "dobj"] or objects
            parties += self._parties_of(invitees[:2], Role.INVITEE)
        elif trigger.hosting:
            parties = self._parties_of(actors, Role.HOST)
            parties += self._parties_of([*patients, *objects], Role.GUEST)
        else:
            parties = self._parties_of([*actors, *patients, *objects], Role.PARTICIPANT)
        return _unique(parties)

    def _nominal_parties(self) -> list[Party]:
        token = self.token
        kind = self.trigger.type
        owners: list[Token] = []
        others: list[Token] = []
        for child in token.children:
            named_compound = child.dep_ == "compound" and child.pos_ == "PROPN" and self._person_tokens(child)
            if child.dep_ == "poss" or named_compound:
                owners.extend(_conjuncts(child))
            elif child.dep_ == "prep" and child.lower_ in (*_PARTICIPANT_PREPS, "by", "of", "from"):
                others.extend(t for pobj in _pobjs(child) for t in _conjuncts(pobj))
        head = token.head
        if token.dep_ == "nsubjpass" and head.lemma_ in ("hold", "conduct", "arrange", "plan", "schedule"):
            for child in head.children:
                if child.dep_ == "prep" and child.lower_ in _PARTICIPANT_PREPS:
                    others.extend(t for pobj in _pobjs(child) for t in _conjuncts(pobj))
        if not owners and token.dep_ in ("dobj", "pobj") and self._is_shared_subject_noun(token):
            verb = token.head if token.dep_ == "dobj" else token.head.head
            actors, patients = self._subjects(verb)
            owners.extend([*actors, *patients])
            others.extend(_with_phrases(verb))
        role = Role.VISITOR if kind is EventType.VISIT else Role.PARTICIPANT
        if kind is EventType.INVITATION:
            parties = self._parties_of(owners, Role.INVITER)
            parties += self._parties_of(others, Role.INVITEE)
        elif kind is EventType.VISIT:
            by = [t for t in others if t.head.lower_ in ("by", "of")]
            parties = self._parties_of(owners or by, role)
        else:
            parties = self._parties_of([*owners, *others], role)
        return _unique(parties)

    def _is_shared_subject_noun(self, token: Token) -> bool:
        """A noun whose verb's subject takes part: "X attended the summit", "X wrapped up his visit"."""
        verb = token.head if token.dep_ == "dobj" else token.head.head
        return verb.pos_ == "VERB" and verb.lemma_ in (
            "attend", "join", "begin", "start", "wrap", "conclude", "end", "make", "kick", "open", "hold",
            "participate",
        )  # fmt: skip

    def _subjects(self, verb: Token) -> tuple[list[Token], list[Token]]:
        """``(actors, patients)`` of a verb: its subject, or the agent and passive subject."""
        agents = [pobj for child in verb.children if child.dep_ == "agent" for pobj in _pobjs(child)]
        passive = [child for child in verb.children if child.dep_ == "nsubjpass"]
        subjects = [
            child for child in verb.children if child.dep_ in ("nsubj", "expl") and child.dep_ != "expl"
        ]
        if agents or passive:
            actors = [t for a in agents for t in _conjuncts(a)]
            patients = [t for p in passive for t in _conjuncts(p)]
            if self.trigger.type is EventType.VISIT and not actors:
                return patients, []
            if (
                not actors
                and self.trigger.type in (EventType.MEETING, EventType.CALL)
                and not self.trigger.hosting
            ):
                return patients, []
            return actors, patients
        if subjects:
            if subjects[0].lower_ in ("who", "that") and verb.dep_ == "relcl":
                return _conjuncts(verb.head), []
            return [t for s in subjects for t in _conjuncts(s)], []
        return self._inherited_subject(verb), []

    def _inherited_subject(self, verb: Token) -> list[Token]:
        """The subject a verb shares with the verb or noun it hangs from."""
        current = verb
        for _ in range(4):
            dep, head = current.dep_, current.head
            if head is current:
                return []
            if dep == "acl" and head.lemma_ == "invitation":
                # "an invitation to X to visit": X visits.
                return [t for c in head.children if c.dep_ == "prep" and c.lower_ == "to" for t in _pobjs(c)]
            if dep in ("relcl", "acl") and head.pos_ in ("NOUN", "PROPN", "PRON"):
                return _conjuncts(head)
            if dep == "xcomp" and head.lemma_ in (
                "invite",
                "ask",
                "urge",
                "encourage",
                "allow",
                "want",
                "expect",
            ):
                objects = [c for c in head.children if c.dep_ == "dobj"]
                if objects:
                    return _conjuncts(objects[0])
            if dep in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp", "ccomp", "dobj", "pobj"):
                own = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c is not current]
                if own and dep != "ccomp":
                    return [t for s in own for t in _conjuncts(s)]
                current = head
                continue
            return []
        return []

    def _objects(self) -> list[Token]:
        token, noun = self.token, self.noun
        found: list[Token] = []
        label = self.trigger.label
        for child in token.children:
            if child.dep_ == "dobj" and child is not noun and self.trigger.type is not EventType.VISIT:
                found.extend(_conjuncts(child))
            elif child.dep_ == "prep" and (
                child.lower_ in _PARTICIPANT_PREPS
                or (label == "call-on" and child.lower_ == "on")
                or (self.trigger.type is EventType.CALL and child.lower_ == "to")
            ):
                found.extend(t for pobj in _pobjs(child) for t in _conjuncts(pobj))
        if noun is not None:
            preps = set(_PARTICIPANT_PREPS)
            if label == "courtesy-call":
                preps |= {"from", "by", "on"}
            if label == "extend-invitation":
                preps |= {"to"}
            for child in noun.children:
                if child.dep_ == "prep" and child.lower_ in preps:
                    found.extend(t for pobj in _pobjs(child) for t in _conjuncts(pobj))
        return found

    def _parties_of(self, tokens: Iterable[Token], role: Role) -> list[Party]:
        return [party for token in tokens for party in self._party(token, role)]

    def _party(self, token: Token, role: Role) -> list[Party]:
        persons = self._person_tokens(token)
        if persons:
            return [Party(person, None, role) for person in persons]
        group = self.mentions.group_at(token)
        if group is not None:
            return [Party(None, group, role)]
        return []

    def _person_tokens(self, token: Token) -> list[PersonMention]:
        """The people a noun phrase headed by ``token`` names or refers to."""
        mentions = self.mentions
        person = mentions.person_at(token)
        if person is not None:
            return [person]
        for child in token.children:
            if child.dep_ in ("compound", "flat", "appos", "nmod"):
                person = mentions.person_at(child)
                if person is not None:
                    return [person]
        if core.is_title_word(token.text):
            person = self._person_under_title(token)
            if person is not None:
                return [person]
        plural = _plural_reference(token)
        if plural is not None:
            return self._resolve_plural(token, *plural)
        pronoun = mentions.pronoun_at(token)
        if pronoun is not None:
            if pronoun.plural or _PLURAL_REFERENCE.match(pronoun.text):
                return self._resolve_plural(token, 0, "")
            return self._resolve_singular(token)
        named = self._proper_name(token)
        return [named] if named is not None else []

    def _proper_name(self, token: Token) -> PersonMention | None:
        """A proper-noun phrase in a participant slot that the entity recognizer missed ("met Aiko Tanabe").

        Only two to four name-like words count, none of them a title, an
        organization word, a country or a known place: people meet and
        visit, and in those slots a bare two-word proper name is a person.
        """
        if token.pos_ != "PROPN" or token.ent_type_ in ("GPE", "LOC", "FAC", "NORP", "DATE", "TIME"):
            return None
        words = [
            child for child in token.lefts if child.dep_ in ("compound", "flat") and child.pos_ == "PROPN"
        ]
        words.append(token)
        if not 2 <= len(words) <= 4 or words[-1].i - words[0].i != len(words) - 1:
            return None
        for word in words:
            text = word.text
            if not _NAME_WORD.match(text) or core.is_title_word(text) or text.lower() in core.ORG_WORDS:
                return None
            if text.lower() in core.FUNCTION_WORDS or core.country_of_word(text) is not None:
                return None
        doc = self.mentions.doc
        phrase = doc[words[0].i : token.i + 1]
        if self.document.knowledge_base.find_place(phrase.text) is not None:
            return None
        start = self.mentions.offset + phrase.start_char
        record = self.document.knowledge_base.find_person(phrase.text)
        if record is not None:
            title = record.title_on(self.document.anchor)
            return PersonMention(
                start, start + len(phrase.text), record.name, title, record.country, record.id, "parse"
            )
        return PersonMention(start, start + len(phrase.text), phrase.text, None, None, None, "parse")

    def _person_under_title(self, token: Token) -> PersonMention | None:
        """The name a parse hung under its title ("Minister for Foreign Affairs Okano Masataka")."""
        queue = [child for child in token.children if child.dep_ not in _NOT_IN_PHRASE]
        while queue:
            current = queue.pop(0)
            person = self.mentions.person_at(current)
            if person is not None:
                return person
            queue.extend(child for child in current.children if child.dep_ not in _NOT_IN_PHRASE)
        return None

    def _moved(self, person: PersonMention, token: Token) -> PersonMention:
        start, end = self.mentions.span_of(token)
        return attrs.evolve(person, start=start, end=end, cue="pronoun", possessive=token.dep_ == "poss")

    def _resolve_plural(self, token: Token, count: int, noun: str) -> list[PersonMention]:
        """Resolve "they", "the two", "the four ministers" to earlier people."""
        mentions = self.mentions
        start, _ = mentions.span_of(token)
        earlier = _unique_persons(p for p in mentions.persons if p.end <= start)
        if len(earlier) >= 2 and (not count or len(earlier) == count):
            return [self._moved(p, token) for p in earlier]
        if not earlier and token.dep_ == "poss":
            # "After their talks, A and B flew ...": the main subject, told later.
            later = self._main_subjects(token)
            if len(later) >= 2:
                return [self._moved(p, token) for p in later]
        group = self.document.latest_group(mentions.sentence.index, count, noun)
        if not group and len(earlier) >= 2:
            group = earlier
        if not group:
            group = self.document.recent_people(count or 2, noun)
        return [self._moved(p, token) for p in group]

    def _resolve_singular(self, token: Token) -> list[PersonMention]:
        """Resolve "he", "his", "her" to the person meant."""
        mentions = self.mentions
        start, _ = mentions.span_of(token)
        earlier = [p for p in mentions.persons if p.end <= start]
        if earlier:
            return [self._moved(earlier[0] if token.dep_.startswith("nsubj") else earlier[-1], token)]
        if token.dep_ == "poss":
            later = self._main_subjects(token)
            if later:
                return [self._moved(later[0], token)]
        previous = self.document.previous_subject()
        return [self._moved(previous, token)] if previous is not None else []

    def _main_subjects(self, token: Token) -> list[PersonMention]:
        """The people who are the subject of the sentence's main verb, when they come after ``token``."""
        root = token.sent.root
        found: list[PersonMention] = []
        for child in root.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.i > token.i:
                for conjunct in _conjuncts(child):
                    person = self.mentions.person_at(conjunct)
                    if person is not None:
                        found.append(person)
        return _unique_persons(found)

    # ------------------------------------------------------------ place, time, status

    def _location(self) -> PlaceMention | None:
        token, noun = self.token, self.noun
        kind = self.trigger.type
        if kind is EventType.VISIT:
            destination = self._destination(noun or token)
            if destination is not None or self.trigger.form == "nominal":
                return destination
        if kind is EventType.CALL:
            return None
        for head in (noun, token) if noun is not None else (token,):
            place = self._place_in(head, depth=0)
            if place is not None:
                return place
        if self.trigger.form == "nominal" and token.dep_ in ("nsubj", "nsubjpass"):
            return self._place_in(token.head, depth=1)
        return None

    def _destination(self, token: Token) -> PlaceMention | None:
        """Where a visit goes: "visited Guam", "trip to Japan", "left for Tokyo", "arrived in Manila"."""
        for child in token.children:
            if child.dep_ in ("dobj", "compound", "npadvmod", "nmod", "poss"):
                place = self._place(child)
                if place is not None:
                    return place
        for child in token.children:
            if child.dep_ == "prep" and child.lower_ in ("to", "for", "in", "of", "at"):
                for pobj in _pobjs(child):
                    place = self._place(pobj)
                    if place is not None:
                        return place
        if self.trigger.label in ("arrive-in", "travel-to", "leave-for"):
            return None
        return None

    def _place_in(self, token: Token, depth: int) -> PlaceMention | None:
        """A place in an ``in``/``at`` phrase under ``token``, looking through nested phrases."""
        for child in token.children:
            if child.dep_ != "prep":
                continue
            for pobj in _pobjs(child):
                if child.lower_ in ("in", "at"):
                    place = self._place(pobj)
                    if place is not None:
                        return place
                if depth < 3 and pobj.dep_ not in _CLAUSAL:
                    place = self._place_in(pobj, depth + 1)
                    if place is not None:
                        return place
        return None

    def _place(self, token: Token) -> PlaceMention | None:
        place = self.mentions.place_at(token)
        if place is not None:
            return place
        for child in token.children:
            if child.dep_ in ("compound", "poss", "nmod", "appos"):
                place = self.mentions.place_at(child)
                if place is not None:
                    return place
        return self._known_phrase(token)

    def _known_phrase(self, token: Token) -> PlaceMention | None:
        """A gazetteer place written in lower case: "the prime minister's office"."""
        if token.pos_ not in ("NOUN", "PROPN"):
            return None
        first = token.left_edge
        while first.i < token.i and first.dep_ in ("det", "punct"):
            first = first.nbor()
        doc = self.mentions.doc
        phrase = doc[first.i : token.i + 1]
        if len(phrase) < 2:
            return None
        found = self.document.knowledge_base.find_place(phrase.text)
        if found is None:
            return None
        start = self.mentions.offset + phrase.start_char
        return PlaceMention(
            start, start + len(phrase.text), found.name, found.country, found.kind, phrase.text
        )

    def _time(self) -> TimeMention | None:
        """The time expression that belongs to the trigger: nearest in the tree, in its own clause."""
        mentions = self.mentions
        if not mentions.times:
            return None
        doc = mentions.doc
        targets = [self.token] + ([self.noun] if self.noun is not None else [])
        others = [doc[t.token] for t in self.siblings if t.token != self.trigger.token]
        best: TimeMention | None = None
        best_cost = (10**6, 10**6)
        for time in mentions.times:
            tokens = mentions.time_tokens(time)
            if not tokens:
                continue
            root = _span_root(tokens)
            distance = min(_tree_distance(root, target) for target in targets)
            if any(_tree_distance(root, other) < distance for other in others):
                continue  # another trigger's time
            if not any(_same_clause(root, target) for target in targets):
                continue
            cost = (distance, abs(root.i - self.token.i))
            if cost < best_cost:
                best, best_cost = time, cost
        return best

    def _status(self) -> tuple[Status, bool]:
        if self._cancelled():
            return Status.CANCELLED, True
        token = self.token
        verb = token if self.trigger.form == "verbal" else _governing_verb(token)
        if self.trigger.form == "nominal" and _has_planned_modifier(token):
            return Status.PLANNED, True
        if verb is None:
            return Status.OCCURRED, False
        if _planned_chain(verb):
            return Status.PLANNED, True
        if self.trigger.type is EventType.INVITATION:
            return Status.OCCURRED, True
        if verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children):
            return Status.OCCURRED, True
        if verb.tag_ == "VBG" and any(
            c.dep_ == "aux" and c.lower_ in ("is", "are", "am") for c in verb.children
        ):
            return self._progressive_status()
        return Status.OCCURRED, self.trigger.form == "verbal"

    def _progressive_status(self) -> tuple[Status, bool]:
        """The status of a present progressive: planned with a time ahead ("is visiting Japan next week")."""
        anchor = self.document.anchor
        time = self._time()
        if anchor is not None and time is not None:
            span = resolve(time.text, anchor, "forward")
            if span is not None and span.start is not None and span.start > anchor:
                return Status.PLANNED, True
        return Status.OCCURRED, True

    def _cancelled(self) -> bool:
        for token in (self.token, self.noun):
            if token is None:
                continue
            for ancestor in _chain(token, 3):
                if ancestor.lemma_ in _CANCEL and ancestor.pos_ == "VERB":
                    return True
                particles = {c.lower_ for c in ancestor.children if c.dep_ == "prt"}
                if any((ancestor.lemma_, p) in _CANCEL_PHRASAL for p in particles):
                    return True
        return False

    # ------------------------------------------------------------ topics and evidence

    def _topics(self, draft: Draft) -> list[str]:
        own = {p.country for p in draft.parties if p.country}
        if draft.location is not None and draft.location.country:
            own.add(draft.location.country)
        return _countries_in(self.mentions.sentence.text, exclude=own)

    def _span(self, draft: Draft) -> tuple[int, int]:
        mentions = self.mentions
        starts: list[int] = []
        ends: list[int] = []
        for token in (self.token, self.noun):
            if token is not None:
                start, end = mentions.span_of(token)
                starts.append(start)
                ends.append(end)
        for party in draft.parties:
            mention: PersonMention | GroupMention | None = party.person or party.group
            if mention is not None and mentions.sentence.start <= mention.start < mentions.sentence.end:
                starts.append(mention.start)
                ends.append(mention.end)
        for extra in (draft.location, draft.time):
            if extra is not None:
                starts.append(extra.start)
                ends.append(extra.end)
        sentence = mentions.sentence
        return max(min(starts), sentence.start), min(max(ends), sentence.end)


# ---------------------------------------------------------------- tree helpers


def _conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("A, B and C")."""
    found = [token]
    for child in token.children:
        if child.dep_ == "conj":
            found.extend(_conjuncts(child))
    return found


def _with_phrases(verb: Token) -> list[Token]:
    """The people a verb is done with: "with X", "along with X", "together with X"."""
    found: list[Token] = []
    for child in verb.children:
        if child.dep_ != "prep":
            continue
        if child.lower_ in _PARTICIPANT_PREPS:
            found.extend(t for pobj in _pobjs(child) for t in _conjuncts(pobj))
        elif child.lower_ in ("along", "together"):
            for inner in child.children:
                if inner.dep_ == "prep" and inner.lower_ == "with":
                    found.extend(t for pobj in _pobjs(inner) for t in _conjuncts(pobj))
    return found


def _pobjs(prep: Token) -> list[Token]:
    return [child for child in prep.children if child.dep_ in ("pobj", "pcomp")]


def _chain(token: Token, length: int) -> Iterator[Token]:
    """The token and its governors, through the arguments that carry a status down."""
    yield token
    current = token
    for _ in range(length):
        if current.head is current or current.dep_ not in (
            "xcomp", "dobj", "nsubjpass", "nsubj", "pobj", "prep", "ccomp", "conj", "advcl", "pcomp",
        ):  # fmt: skip
            return
        current = current.head
        yield current


def _negated(token: Token) -> bool:
    if any(child.dep_ == "neg" for child in token.children):
        return True
    # "no plans to visit"
    for ancestor in _chain(token, 2):
        if any(child.dep_ == "det" and child.lower_ == "no" for child in ancestor.children):
            return True
    return False


def _has_modal(verb: Token) -> bool:
    return any(
        child.dep_ == "aux" and (child.tag_ == "MD" or child.lower_ in _MODALS) for child in verb.children
    )


def _planned_chain(verb: Token) -> bool:
    """Whether a verb states something to come: a modal, "is to", an infinitive under a verb of planning."""
    current = verb
    for _ in range(4):
        if _has_modal(current):
            return True
        children = list(current.children)
        if any(c.dep_ in ("aux", "auxpass") and c.lower_ == "going" for c in children):
            return True
        if current.dep_ == "conj":
            current = current.head
            continue
        infinitive = any(c.dep_ == "aux" and c.tag_ == "TO" for c in children)
        if infinitive or current.dep_ in ("xcomp", "pcomp"):
            head = current.head
            if head is current:
                return infinitive
            if head.lemma_ in _PLAN_HEADS or head.lower_ in _PLAN_HEADS:
                return True
            if head.pos_ in ("ADJ",) or head.tag_ == "VBN":
                return True
            if head.lower_ == "to" and head.head.lemma_ in ("forward", "look"):
                return True
            if infinitive and head.tag_ in ("VBZ", "VBP") and head.lemma_ == "be":
                return True
            current = head
            continue
        if current.dep_ in ("prep", "pobj") and current.head is not current:
            current = current.head
            continue
        return False
    return False


def _governing_verb(token: Token) -> Token | None:
    current = token
    for _ in range(4):
        if current.head is current:
            return current if current.pos_ in ("VERB", "AUX") else None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _has_planned_modifier(token: Token) -> bool:
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.lower_ in _PLANNED_MODIFIERS:
            return True
        if child.dep_ == "acl" and child.lemma_ in ("slate", "schedule", "plan", "set", "expect"):
            return True
    head = token.head
    if token.dep_ == "pobj" and head.lower_ == "of" and head.head.lower_ in ("ahead",):
        return True
    return bool(token.dep_ == "pobj" and head.lower_ in ("ahead", "before") and head.head.lower_ == "ahead")


def _same_clause(time: Token, target: Token) -> bool:
    """Whether a time expression's head and a trigger meet without crossing another clause.

    A verb between the time and the point where the two paths meet owns the
    time ("since taking office in January"), unless it only modifies the
    trigger noun ("his visit, which begins on Monday"); and a time on a verb
    that reports or plans the trigger ("said on Tuesday that X would visit",
    "agreed on Sunday to meet") dates the report, not the trigger.
    """
    target_path = [target, *target.ancestors]
    positions = {t.i: n for n, t in enumerate(target_path)}
    current = time
    climbed: list[Token] = []
    while current.i not in positions:
        climbed.append(current)
        if current.head is current:
            return False
        current = current.head
    meeting = current
    for token in climbed[1:]:
        if token.pos_ in ("VERB", "AUX") and not _modifies(token, target):
            return False
    for token in target_path[: positions[meeting.i]]:
        if token.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "csubj") or (
            token.dep_ == "xcomp" and token.head is meeting and meeting is not target
        ):
            return False
    return True


def _modifies(verb: Token, target: Token) -> bool:
    """Whether a clause only describes the trigger's phrase ("his visit to Oslo, which is set for May")."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    head = verb.head
    return head is target or any(ancestor is target for ancestor in head.ancestors)


def _span_root(tokens: list[Token]) -> Token:
    indices = {t.i for t in tokens}
    for token in tokens:
        if token.head.i not in indices or token.head is token:
            return token
    return tokens[0]


def _tree_distance(first: Token, second: Token) -> int:
    path_first = [first, *first.ancestors]
    path_second = [second, *second.ancestors]
    index_second = {t.i: n for n, t in enumerate(path_second)}
    for n, token in enumerate(path_first):
        if token.i in index_second:
            return n + index_second[token.i]
    return len(path_first) + len(path_second)


def _plural_reference(token: Token) -> tuple[int, str] | None:
    """``(count, noun)`` when a token refers to several people: "the two", "both", "the four ministers"."""
    lowered = token.lower_
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "predet")}
    if (
        lowered in _NUMBERS
        and token.pos_ in ("NUM", "PRON", "DET", "NOUN")
        and (determiners & {"the", "both"} or lowered == "both")
    ):
        return _NUMBERS[lowered], ""
    if lowered in _PLURAL_NOUNS and determiners & {"the", "both"}:
        numbers = [_NUMBERS[c.lower_] for c in token.children if c.dep_ == "nummod" and c.lower_ in _NUMBERS]
        if lowered == "officials" and not numbers:
            return None
        if "both" in determiners and not numbers:
            numbers = [2]
        noun = "chiefs" if lowered in ("chiefs", "heads") else lowered
        return (numbers[0] if numbers else 0), noun
    return None


def _unique(parties: Iterable[Party]) -> list[Party]:
    seen: set[object] = set()
    unique = []
    for party in parties:
        if party.key not in seen:
            seen.add(party.key)
            unique.append(party)
    return unique


def _unique_persons(persons: Iterable[PersonMention]) -> list[PersonMention]:
    seen: set[frozenset[str]] = set()
    unique = []
    for person in persons:
        key = name_key(person.name)
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique


def _countries_in(text: str, *, exclude: set[str]) -> list[str]:
    """Countries named in a sentence, except those of the participants and the place."""
    masked = _COMPOUND.sub(lambda m: " " * len(m.group()), text)
    found: list[str] = []
    for match in core.country_pattern().finditer(masked):
        code = core.country_of_word(match.group())
        if code and code not in exclude and code not in found:
            found.append(code)
    return found
