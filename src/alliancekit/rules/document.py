r"""The layered reading of one article, built once and read by every stage.

A :class:`Reading` holds the article (document, knowledge base, the page's
parts and title lines), one :class:`SentenceLayer` per sentence read (its
people and triggers at once; its times, places, pronouns, groups and clause
breaks when first asked), and the :class:`Draft` events the stages build,
each with its :class:`Party` participants. The stages are the modules of
:mod:`alliancekit.rules`; :func:`alliancekit.rules.extractor.read_article`
runs them in order.

>>> import datetime as dt
>>> from alliancekit.actors import KnowledgeBase
>>> from alliancekit.model import Document
>>> text = "Rubio Meets Motegi\n\nMarco Rubio met Toshimitsu Motegi on Friday."
>>> doc = Document("d", text, dt.date(2026, 2, 3))
>>> reading = Reading(doc, KnowledgeBase())
>>> reading.sentences = read_sentences(reading)
>>> [(layer.sentence.text, [t.text for t in layer.triggers]) for layer in reading.sentences]
[('Marco Rubio met Toshimitsu Motegi on Friday.', ['met'])]
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator

import attrs

from alliancekit.actors import KnowledgeBase, name_key
from alliancekit.literals import ascii_words, scanned_if_ascii
from alliancekit.model import Document, EventType, Role, Status, TimeSpan
from alliancekit.rules import cues, lexicon
from alliancekit.rules.clauses import CLAUSE_REACH, ClauseBreaks
from alliancekit.rules.mentions import (
    GroupMention,
    PersonFinder,
    PersonMention,
    PlaceMention,
    PronounMention,
    about_both_koreas,
    find_groups,
    find_korea_sides,
    find_places,
    find_pronouns,
)
from alliancekit.rules.syntax import Syntax, names_found_by_parse, reported_triggers
from alliancekit.rules.text import SectionKind, Sentence, article_sentences, sections
from alliancekit.rules.triggers import Trigger, find_triggers
from alliancekit.temporal import TimeMention, find_time_expressions

__all__ = [
    "Draft",
    "DraftMention",
    "DraftingState",
    "Party",
    "Reading",
    "SentenceLayer",
    "VenueClauses",
    "between_countries",
    "countries_in",
    "cue_matches",
    "governments",
    "overlaps",
    "person_key",
    "read_sentences",
    "unique_parties",
    "unique_persons",
    "unique_spans",
]


@attrs.define
class Party:
    """A participant while drafting: a person or a group, and the role the wording gives it.

    Exactly one of ``person`` and ``group`` is set. A participant's role may
    still change when the event is emitted (a participant in the country
    of the meeting is its host).
    """

    person: PersonMention | None
    group: GroupMention | None
    role: Role

    @property
    def key(self) -> frozenset[str] | str:
        """Who the party is: the person's identity (see :func:`person_key`), else the group's words."""
        if self.person is not None:
            return person_key(self.person)
        assert self.group is not None
        return f"group:{self.group.text.lower()}"

    @property
    def country(self) -> str | None:
        """The party's country, when known."""
        if self.person is not None:
            return self.person.country
        return self.group.country if self.group is not None else None


@attrs.frozen
class DraftMention:
    """One mention of an engagement, as the clustering stage compares and the explanation quotes it.

    ``start`` and ``end`` are the document offsets of its passage (its
    trigger's when it has none); ``time`` and ``status`` are what the mention
    itself said (no time when it only borrowed another engagement's);
    ``scale`` whether it was worded as a "bilateral" or a "multilateral"
    occasion.
    """

    start: int
    end: int
    time: TimeMention | None
    status: Status | None
    scale: str | None

    @classmethod
    def of(cls, draft: Draft, scale: str | None = None) -> DraftMention:
        """The mention a draft is, at its first passage."""
        start, end = draft.spans[0] if draft.spans else (draft.trigger.start, draft.trigger.end)
        return cls(start, end, None if draft.borrowed_time else draft.time, draft.status, scale)


@attrs.define
class Draft:
    """An event being assembled from one trigger; becomes an :class:`~alliancekit.model.Event` once merged.

    Drafting sets its parties, status (``explicit_status`` when the wording
    states it), time mention, place and topics; the clustering stage merges
    drafts of one engagement and fills what one lacks from a related one
    (``inherited_time``: the draft whose time and place it takes). The flags
    record what the wording said for the later stages: ``counterfactual``
    ("had been due to"), ``previous_occasion`` ("they last met"),
    ``distinct`` ("a separate meeting"), ``onward`` ("before flying on to"),
    ``undated`` ("at the invitation of"), ``invited`` (a visit someone was
    invited to make), ``in_headline``; ``status_from`` is the main clause's
    draft whose tense a participle clause takes, ``companion_of`` whom a
    companion accompanies, ``fixed_time`` a day counted from another
    engagement ("two days later").
    """

    type: EventType
    status: Status | None
    explicit_status: bool
    parties: list[Party]
    time: TimeMention | None
    inherited_time: Draft | None
    location: PlaceMention | None
    topics: list[str]
    spans: list[tuple[int, int]]
    sentence: int
    paragraph: int
    trigger: Trigger
    hosting: bool = False
    future_hint: bool = False
    alt_times: list[TimeMention] = attrs.field(factory=list)
    invited: bool = False
    counterfactual: bool = False
    previous_occasion: bool = False  # "they last met in October": an earlier occasion, for background
    distinct: bool = False
    fixed_time: TimeSpan | None = None
    onward: bool = False
    undated: bool = False
    companion_of: frozenset[str] | None = None
    status_from: Draft | None = None
    in_headline: bool = False  # read from the headline or standfirst, whose present tense reports the past
    borrowed_time: bool = False
    """Whether its time was stated for another engagement of its sentence ("During his May 3-5 visit,
    he will hold talks": the visit's dates); set by the clustering stage."""
    one_stop: bool = False
    """Whether it is one stop of a trip its trigger lists several of ("visits to Beijing and
    Auckland"); set by the clustering stage."""
    joined_into: Draft | None = attrs.field(default=None, eq=False, repr=False)
    """The draft of the engagement this one was joined into as a mention, once the clustering
    stage has joined it; ``None`` while it stands for its engagement."""
    mention_count: int = attrs.field(default=1, eq=False, repr=False)
    """How many mentions of the engagement the clustering stage joined into this draft (each
    passage is among its ``spans``)."""
    mentions: tuple[DraftMention, ...] = attrs.field(default=(), eq=False, repr=False)
    """The joined mentions that said something the next ones are compared with (a time of their
    own, or a "bilateral" or "trilateral" wording), in the order joined."""
    decisions: tuple[tuple[str, DraftMention, str], ...] = attrs.field(default=(), eq=False, repr=False)
    """For each field the clustering stage decided over the mentions ("time", "status",
    "location"): the field, the mention that decided it and the rule that chose it."""

    def decided_by(self, field: str) -> tuple[DraftMention, str] | None:
        """The mention that decided ``field`` over the engagement's mentions and the rule, if any."""
        return next(((mention, rule) for name, mention, rule in self.decisions if name == field), None)

    def decide(self, field: str, mention: DraftMention, rule: str) -> None:
        """Record that ``mention`` decided ``field`` by ``rule``."""
        self.decisions = (*(d for d in self.decisions if d[0] != field), (field, mention, rule))

    @classmethod
    def start(cls, sentence: Sentence, trigger: Trigger, parties: list[Party]) -> Draft:
        """A fresh draft for one trigger of one sentence; the rest is filled in later."""
        return cls(
            trigger.type,
            None,
            False,
            parties,
            None,
            None,
            None,
            [],
            [],
            sentence.index,
            sentence.paragraph,
            trigger,
            hosting=trigger.hosting,
        )

    def engagement(self) -> Draft:
        """The draft that stands for this one's engagement: itself, or the one it was joined into."""
        draft = self
        while draft.joined_into is not None and draft.joined_into is not draft:
            draft = draft.joined_into
        return draft

    def person_keys(self) -> set[frozenset[str]]:
        """The identities of the draft's people (groups left out)."""
        return {person_key(p.person) for p in self.parties if p.person is not None}

    def has_person(self) -> bool:
        """Whether a named person takes part, not only groups."""
        return any(p.person is not None for p in self.parties)


@attrs.frozen
class VenueClauses:
    """The venue clauses of one sentence ("a summit, which is expected to take place in Hanoi"), found once.

    ``of_triggers`` holds each trigger's own clause, or ``None``, in the
    order of the sentence's triggers; ``loose`` the clauses that no trigger
    owns ("the dialogue scheduled to be held in Oslo"), in text order. See
    :func:`alliancekit.rules.timing.venues`, which fills it.
    """

    of_triggers: tuple[tuple[int, int] | None, ...]
    loose: tuple[tuple[int, int], ...]


@attrs.define(eq=False)
class SentenceLayer:
    """What one sentence holds, in document offsets: the reading's layer per sentence.

    People and triggers are read at once: the person finder remembers who
    was named for later surnames, and triggers decide whether the sentence
    drafts anything. Times, places, pronouns and groups are read the first
    time something asks for them, since most sentences never need them.
    """

    sentence: Sentence
    persons: list[PersonMention]
    _knowledge_base: KnowledgeBase = attrs.field(repr=False)
    about_both_koreas: bool = False
    """Whether the story names both Koreas: its "the North" and "the South" are places then."""
    triggers: list[Trigger] = attrs.field(init=False)
    """The triggers of the sentence, outside quotations of three words or more."""
    quotations: tuple[tuple[int, int], ...] = attrs.field(init=False)
    """The quotations of three words or more, in document offsets."""
    quoted_triggers: tuple[Trigger, ...] = attrs.field(init=False)
    """The triggers inside them: speech, unless a parse says the quotation reports a fact."""
    venue_clauses: VenueClauses | None = attrs.field(init=False, default=None, repr=False)
    """The venue clauses of its triggers, once timing has first asked for them."""
    cancelled: bool = attrs.field(init=False)
    """Whether the sentence speaks of calling something off (drafting asks it of every sentence)."""
    _scanned: str | None = attrs.field(init=False, repr=False)
    """The sentence as :func:`~alliancekit.literals.scanned_text` has it, shared by its finders;
    ``None`` when it has a word character beyond ASCII, whose case folding the scanned text may not
    follow."""

    def __attrs_post_init__(self) -> None:
        # What every sentence needs is found here, once: a property computed on first use costs a
        # failed attribute lookup first.
        text, offset = self.sentence.text, self.sentence.start
        self._scanned = scanned_if_ascii(text)
        # Tuples: most sentences have no quotation (nor its marks), and an empty tuple costs nothing.
        self.quotations = (
            tuple(
                (offset + m.start(), offset + m.end())
                for m in cues.QUOTE.finditer(text)
                if len(m.group().split()) >= 3
            )
            if '"' in text or "“" in text
            else ()
        )
        found = find_triggers(text, offset, self._scanned)
        if self.quotations:
            self.triggers = [
                t
                for t in found
                if not any(start <= t.start and t.end <= end for start, end in self.quotations)
            ]
            self.quoted_triggers = tuple(t for t in found if t not in self.triggers)
        else:
            self.triggers, self.quoted_triggers = found, ()
        self.cancelled = self.may_hold(cues.CANCEL) and cues.found(cues.CANCEL, text)

    def may_hold(self, cue: re.Pattern[str]) -> bool:
        """Whether the sentence holds the phrases every match of ``cue`` holds, whatever their case.

        ``False`` tells that ``cue`` matches nowhere in the sentence: most
        sentences hold none of a cue's words, and looking for the phrases at
        once is quicker than trying the pattern at every word.
        """
        scanned = self._scanned
        return scanned is None or cues.may_match(cue, scanned)

    def may_hold_within(self, cue: re.Pattern[str], start: int, end: int) -> bool:
        """:meth:`may_hold` for the sentence's words from ``start`` to ``end`` (document offsets).

        A span that cuts no word holds no phrase the sentence does not; one
        that cuts a word ("meet|ing") or leaves the sentence always may.
        """
        if self.may_hold(cue):
            return True  # asked first: the span's bounds matter only where the sentence holds none
        sentence, base = self.sentence.text, self.sentence.start
        local_start, local_end = start - base, end - base
        return (
            not 0 <= local_start <= local_end <= len(sentence)
            or _cuts_word(sentence, local_start)
            or _cuts_word(sentence, local_end)
        )

    @functools.cached_property
    def future(self) -> bool:
        """Whether the sentence has a future or planning cue."""
        return self.may_hold(cues.FUTURE) and cues.found(cues.FUTURE, self.sentence.text)

    @functools.cached_property
    def future_outside_predicates(self) -> bool:
        """Whether it has one outside "what is expected to be" phrases."""
        text = self.sentence.text
        outside, replaced = cues.PREDICATIVE.subn(" ", text)
        if not replaced and ascii_words(text):
            return self.future  # the same question of the same text: asked once (found is exact here)
        return cue_matches(cues.FUTURE, outside)

    @functools.cached_property
    def countries(self) -> list[str]:
        """The countries the sentence names, in order, each once."""
        return countries_in(self.sentence.text, exclude=set())

    @functools.cached_property
    def clause_breaks(self) -> ClauseBreaks:
        """The sentence's clause breaks, found once for every trigger's clause."""
        return ClauseBreaks(self.sentence.text)

    def clause(self, trigger: Trigger, index: int) -> tuple[int, int]:
        """The clause of trigger number ``index``, in document offsets.

        It runs from the last clause break before the trigger to the first
        break or verbal trigger after it, and at most
        :data:`~alliancekit.rules.clauses.CLAUSE_REACH` characters either side.
        """
        sentence = self.sentence
        local_start = trigger.start - sentence.start
        local_end = trigger.end - sentence.start
        breaks = self.clause_breaks
        left = max(breaks.left_of(local_start), local_start - CLAUSE_REACH)
        right = min(
            breaks.right_of(local_end), self.next_verbal_start(index, local_end), local_end + CLAUSE_REACH
        )
        left, right = sentence.start + left, sentence.start + right
        for start, end in self.quotations:  # a quotation read as a report (see .syntax): its own words
            if start <= trigger.start and trigger.end <= end:
                return max(left, start), min(right, end)
        return left, right

    def next_verbal_start(self, index: int, after: int) -> int:
        """Where the first verbal trigger after trigger ``index`` and past ``after`` starts (local offsets).

        The sentence's length when there is none.
        """
        following = self._next_verbal[index]
        while following < len(self.triggers):
            start = self.triggers[following].start - self.sentence.start
            if start > after:
                return start
            following = self._next_verbal[following]
        return len(self.sentence.text)

    @functools.cached_property
    def _next_verbal(self) -> list[int]:
        """For each trigger, the index of the next verbal one (``len(triggers)`` when none)."""
        following = [len(self.triggers)] * len(self.triggers)
        upcoming = len(self.triggers)
        for position in range(len(self.triggers) - 1, -1, -1):
            following[position] = upcoming
            if self.triggers[position].form == "verbal":
                upcoming = position
        return following

    @functools.cached_property
    def times(self) -> list[TimeMention]:
        """The time expressions that may date an event ("since 2019" and "said on Monday" do not)."""
        text, offset = self.sentence.text, self.sentence.start
        times = []
        for m in find_time_expressions(text, self._scanned):
            before_start = max(0, m.start - 60)
            if (
                self.may_hold_within(cues.NOT_EVENT_TIME, offset + before_start, offset + m.start)
                and cue_matches(cues.NOT_EVENT_TIME, text[before_start : m.start])
            ) or m.text.lower().startswith("until"):
                continue
            if m.text.lower().startswith("by ") and not cues.DEADLINE_OF_A_PLAN.match(m.text):
                continue
            since = cues.SINCE_WORD.match(m.text)
            if (
                since is not None
                and cues.WHEN_AFTER.match(text, m.end)
                and not cues.FIRST_BEFORE.search(text[max(0, m.start - 60) : m.start])
            ):
                # "since March, when they met": the time of what the clause tells
                m = TimeMention(m.start + since.end(), m.end, m.text[since.end() :], m.year)
            elif since is not None and not cues.IN_PROGRESS_BEFORE.search(
                text[max(0, m.start - 80) : m.start]
            ):
                continue  # "the first talks since 2019": another time than the event's
            times.append(TimeMention(offset + m.start, offset + m.end, m.text, m.year))
        return times

    @functools.cached_property
    def places(self) -> list[PlaceMention]:
        """The places named, outside people's names and titles and outside times."""
        persons, times = self.persons, self.times
        found = [
            p
            for p in find_places(self.sentence.text, self.sentence.start, self._knowledge_base)
            if not any(
                overlaps(p.start, p.end, person.start, person.apposition_end or person.end)
                for person in persons
            )
            and not any(overlaps(p.start, p.end, t.start, t.end) for t in times)
        ]
        if self.about_both_koreas:
            found.extend(find_korea_sides(self.sentence.text, self.sentence.start))
            found.sort(key=lambda place: place.start)
        return found

    @functools.cached_property
    def pronouns(self) -> list[PronounMention]:
        """The pronouns and descriptions ("the two leaders") outside people's names."""
        return [
            p
            for p in find_pronouns(self.sentence.text, self.sentence.start)
            if not any(overlaps(p.start, p.end, m.start, m.end) for m in self.persons)
        ]

    @functools.cached_property
    def groups(self) -> list[GroupMention]:
        """The groups and governments named, outside people's names and pronouns."""
        persons, pronouns = self.persons, self.pronouns
        return [
            g
            for g in find_groups(self.sentence.text, self.sentence.start)
            if not any(overlaps(g.start, g.end, p.start, p.end) for p in persons)
            and not any(overlaps(g.start, g.end, p.start, p.end) for p in pronouns)
        ]


def _cuts_word(text: str, index: int) -> bool:
    r"""Whether ``index`` falls between two word characters (``\w``) of ``text``: "meet|ing".

    >>> _cuts_word("meeting", 4), _cuts_word("met him", 3), _cuts_word("met", 0), _cuts_word("met", 3)
    (True, False, False, False)
    """
    return index > 0 and _TWO_WORD_CHARACTERS.match(text, index - 1) is not None


_TWO_WORD_CHARACTERS = re.compile(r"\w\w")


@attrs.define
class DraftingState:
    """What drafting remembers from one sentence to the next, besides the drafts themselves."""

    pending_cancel: Draft | None = None
    """The latest cancelled engagement with no person named ("The trip has been called off."):
    a plan of the same type in the next two sentences that "had been due" is cancelled with it."""
    delegation_leader: PersonMention | None = None
    """Who leads the delegation the story named last ("a delegation, led by X,"): "the
    delegation" and "the lawmakers" of later sentences stand for that person."""
    delegation: list[PersonMention] = attrs.field(factory=list)
    """Everyone the story named as travelling in that delegation: its leaders ("A and B will lead a
    delegation") and the members it "also includes"; "the group" and "the senators" stand for them."""
    leaders_read: set[int] = attrs.field(factory=set)
    """The indexes of the sentences already searched for a delegation's leader."""


@attrs.define
class Reading:
    """The layered reading of one article: each stage reads it and adds its own layer.

    ``sentences`` is filled by :func:`read_sentences` (segmenting, finding
    people and triggers); ``drafts`` and ``headline_drafts`` by drafting
    (:mod:`~alliancekit.rules.attach`), which keeps the headline's and the
    standfirst's own drafts apart so that the body never leans on them.
    ``syntax`` is a parser's reading of the article, when an extractor
    brings one (:class:`~alliancekit.rules.syntax.Syntax`); the stages
    consult it where the word-order heuristics are weakest.
    """

    document: Document
    knowledge_base: KnowledgeBase
    syntax: Syntax | None = attrs.field(default=None, kw_only=True)
    sentences: list[SentenceLayer] = attrs.field(factory=list)
    drafts: list[Draft] = attrs.field(factory=list)
    headline_drafts: list[Draft] = attrs.field(factory=list)
    drafting: DraftingState = attrs.field(factory=DraftingState)
    title_lines: str = ""
    """The headline and standfirst, whatever their case (title case is not read for events),
    set by :func:`read_sentences`: a call headline makes "spoke with" in the body a call."""

    @property
    def text(self) -> str:
        """The document's text, which every offset points into."""
        return self.document.text

    def countries_before(self, position: int, reach: int = 3000) -> list[str]:
        """The countries the article names in the ``reach`` characters before ``position``, in order.

        Repeats are kept; "the two countries" stands for the last two named,
        which a story names within a few paragraphs.
        """
        start = max(0, position - reach)
        found = []
        for match in lexicon.country_pattern().finditer(self.document.text, start, position):
            code = lexicon.country_of_word(match.group())
            if code is not None:
                found.append(code)
        return found

    def sentences_to(self, layer: SentenceLayer, count: int | None = None) -> list[SentenceLayer]:
        """The sentences up to and including ``layer``: what the story has told when it is read.

        :param count: only the last ``count`` of them (the sentence itself and those just before).
        """
        end = layer.sentence.index + 1
        return self.sentences[:end] if count is None else self.sentences[max(0, end - count) : end]

    def sentences_before(self, layer: SentenceLayer) -> Iterator[SentenceLayer]:
        """The sentences before ``layer``, the nearest first."""
        for index in range(layer.sentence.index - 1, -1, -1):
            yield self.sentences[index]


def read_sentences(reading: Reading) -> list[SentenceLayer]:
    """Segment the article and read each sentence's people and triggers, in text order.

    The person finder remembers who was named, so that a later surname is
    that person.
    """
    text = reading.document.text
    finder = PersonFinder(reading.knowledge_base, reading.document.anchor, document_text=text)
    layers = []
    # The page's parts are needed only here: found once, and let go when the sentences are read.
    parts = sections(text)
    koreas = about_both_koreas(text)
    reading.title_lines = "\n".join(
        part.text for part in parts if part.kind in (SectionKind.HEADLINE, SectionKind.STANDFIRST)
    )
    for sentence in article_sentences(text, parts):
        persons = finder.find(sentence.text, sentence.start)
        if reading.syntax is not None:  # syntax: people named only as the parser's entity recognizer reads
            added = names_found_by_parse(
                reading.syntax,
                text,
                sentence.start,
                sentence.end,
                persons,
                reading.knowledge_base,
                reading.document.anchor,
            )
            finder.known.extend(added)
            persons = sorted([*persons, *added], key=lambda p: p.start)
        layers.append(SentenceLayer(sentence, persons, reading.knowledge_base, koreas))
    for layer in layers:  # a quotation that reports what named people did: the parse's reading, else words'
        if not layer.quoted_triggers:
            continue
        reported = (
            reported_triggers(reading, layer) if reading.syntax is not None else reported_by_words(layer)
        )
        reported += _reported_by_compound(layer, reported)
        if reported:
            layer.triggers = sorted([*layer.triggers, *reported], key=lambda t: t.start)
    return layers


def reported_by_words(layer: SentenceLayer) -> list[Trigger]:
    """The triggers of a sentence's quotations that report facts, as word order reads them (no parse).

    "“Minister Tanabe will meet Secretary Dellinger in Tokyo on Friday,” the
    spokesman said": a person the quotation names is the subject of its
    verb, so the quotation reports what people did or will do, and its
    triggers are read. A quotation with a first- or second-person pronoun
    ("We will meet again soon") is the speaker's own words, and is not.
    """
    sentence = layer.sentence
    reported: list[Trigger] = []
    for start, end in layer.quotations:
        quoted = sentence.text[start - sentence.start : end - sentence.start]
        inside = [t for t in layer.quoted_triggers if start <= t.start and t.end <= end]
        if cues.SPEAKERS_OWN.search(quoted):
            # "... noted our shared commitment, and told the president that Brody would travel to
            # Manila": a clause of the speaker's words that reports what a named third person does
            reported.extend(
                t
                for t in inside
                if t.form == "verbal"
                and _named_subject_in_quotation(layer, t, start)
                and not cues.SPEAKERS_OWN.search(_clause_text(layer, t, start))
            )
            continue
        if any(t.form == "verbal" and _named_subject_in_quotation(layer, t, start) for t in inside):
            reported.extend(inside)
    return reported


def _reported_by_compound(layer: SentenceLayer, reported: list[Trigger]) -> list[Trigger]:
    """The event nouns of a quotation that names their sides in the noun itself, however it was read.

    "... to make a success of the U.S.-North Korea summit," the ministry
    said: the summit is reported, though no one the quotation names is a
    verb's subject; not in the speaker's own words ("our"), nor where the
    quotation's other triggers were read already.
    """
    sentence = layer.sentence
    found: list[Trigger] = []
    for start, end in layer.quotations:
        inside = [t for t in layer.quoted_triggers if start <= t.start and t.end <= end]
        if any(t in reported for t in inside):
            continue
        if cues.SPEAKERS_OWN.search(sentence.text[start - sentence.start : end - sentence.start]):
            continue
        found.extend(t for t in inside if t.form == "nominal" and _sides_compound_before(layer, t))
    return found


def _sides_compound_before(layer: SentenceLayer, trigger: Trigger) -> bool:
    """Whether an event noun follows a compound of countries ("the Japan-U.S. talks", "inter-Korean")."""
    sentence = layer.sentence
    window = sentence.text[max(0, trigger.start - sentence.start - 80) : trigger.start - sentence.start]
    before = cues.COMPOUND_BEFORE.search(window)
    if before is None:
        return False
    compound = before.group("compound")
    if compound.lower() == "inter-korean":
        return True
    parts = [part for part in compound.replace("–", "-").replace("/", "-").split("-") if part]
    return len(parts) >= 2 and lexicon.country_of_word(parts[0]) is not None


def _clause_text(layer: SentenceLayer, trigger: Trigger, quotation_start: int) -> str:
    """The text of a quoted trigger's clause, from its start in the quotation to the trigger's end."""
    sentence = layer.sentence
    clause_start = max(
        quotation_start, sentence.start + layer.clause_breaks.left_of(trigger.start - sentence.start)
    )
    return sentence.text[clause_start - sentence.start : trigger.end - sentence.start]


def _named_subject_in_quotation(layer: SentenceLayer, trigger: Trigger, quotation_start: int) -> bool:
    """Whether a person named inside the quotation, in the trigger's clause, comes before it."""
    sentence_start = layer.sentence.start
    clause_start = max(
        quotation_start, sentence_start + layer.clause_breaks.left_of(trigger.start - sentence_start)
    )
    return any(clause_start <= p.start and p.end <= trigger.start and not p.possessive for p in layer.persons)


def between_countries(draft: Draft) -> bool:
    """Whether a draft without named people is an engagement of two or more governments.

    "The Japan-U.S.-ROK vice ministers' meeting was held on November 17":
    its sides are countries. It counts when it is dated or its status is
    stated, so that a passing "alliance talks" is no event.
    """
    if draft.type not in (EventType.MEETING, EventType.CALL):
        return False
    countries = {party.country for party in draft.parties if party.group is not None}
    countries.discard(None)
    return len(countries) >= 2 and (draft.time is not None or draft.explicit_status)


def governments(start: int, end: int, codes: Iterable[str]) -> list[Party]:
    """Countries taking part as their governments, each mention spanning ``start`` to ``end``.

    >>> [party.group.text for party in governments(0, 6, ["JPN", "KOR"]) if party.group is not None]
    ['Japan', 'South Korea']
    """
    return [
        Party(None, GroupMention(start, end, lexicon.country_name(code), code), Role.PARTICIPANT)
        for code in codes
    ]


def person_key(person: PersonMention) -> frozenset[str]:
    """Who a mention denotes: its knowledge-base id, else its order-free name."""
    return _identity(person.kb_id, person.name)


@functools.lru_cache(maxsize=8192)
def _identity(kb_id: str | None, name: str) -> frozenset[str]:
    return frozenset({"kb:" + kb_id}) if kb_id is not None else name_key(name)


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    """Whether two spans share a character."""
    return a_start < b_end and b_start < a_end


def unique_persons(persons: Iterable[PersonMention]) -> list[PersonMention]:
    """The people, each once (the first mention kept), in the order given."""
    seen: set[frozenset[str]] = set()
    unique = []
    for person in persons:
        key = person_key(person)
        if key not in seen:
            seen.add(key)
            unique.append(person)
    return unique


def unique_parties(parties: Iterable[Party]) -> list[Party]:
    """The parties, each once (the first kept), in the order given."""
    seen: set[object] = set()
    unique = []
    for party in parties:
        if party.key not in seen:
            seen.add(party.key)
            unique.append(party)
    return unique


def unique_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans, each once, in text order."""
    return sorted(set(spans))


def cue_matches(cue: re.Pattern[str], text: str) -> bool:
    """Whether ``cue`` matches somewhere in ``text``, as ``cue.search(text)`` tells, found the quick way.

    A case-insensitive cue is looked for in the lower-cased text with its
    case-sensitive twin (:func:`~alliancekit.rules.cues.found`), several
    times quicker, when the text has no word character beyond ASCII, whose
    case folding lower-casing may not follow.

    >>> cue_matches(cues.FUTURE, "Varga WILL travel to Seoul"), cue_matches(cues.FUTURE, "Varga met Lee")
    (True, False)
    """
    # A cue that ignores case throughout: no group of it turns ignoring case off ("(?-i:...)").
    ignores_case = cue.flags & _IGNORECASE and "(?-" not in cue.pattern
    if ignores_case and ascii_words(text):
        return cues.found(cue, text)
    return cue.search(text) is not None


# The flag as a plain integer: a pattern's flags tested against the enum member take 40 times as long.
_IGNORECASE = re.IGNORECASE.value


def countries_in(text: str, *, exclude: set[str]) -> list[str]:
    """The countries a text names, in order, each once, none of ``exclude``.

    Compounds such as "Japan-U.S." are left out: they name the sides of an
    engagement, not what it is about.

    >>> countries_in("Talks in Tokyo touched on China and on North Korea.", exclude={"JPN"})
    ['CHN', 'PRK']
    """
    # A compound joins capitalised parts with hyphens: a text without a hyphen before a capital has none.
    masked = cues.COMPOUND.sub(lambda m: " " * len(m.group()), text) if _HYPHEN_CAPITAL.search(text) else text
    found: list[str] = []
    for match in lexicon.country_pattern().finditer(masked):
        code = lexicon.country_of_word(match.group())
        if code and code not in exclude and code not in found:
            found.append(code)
    return found


# What every compound of capitalised parts holds ("Japan-U.S."): a hyphen before a capital.
_HYPHEN_CAPITAL = re.compile(r"-[A-Z]")
