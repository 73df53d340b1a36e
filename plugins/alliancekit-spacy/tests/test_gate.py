"""Parsing less without reading differently: only sentences that hold a trigger are parsed; the stand-ins.

Each shortcut claims to change nothing but speed; these tests hold it to
that on the repository's articles (the seed and gold corpora) and on texts
written to reach the rare cases.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from alliancekit.extractor import ExtractionContext
from alliancekit.io.readers import ReadError, read_documents
from alliancekit.model import Document, EventType
from alliancekit.pipeline import prepare_document
from alliancekit.reading import body_sentences

from alliancekit_spacy import SpacyExtractor
from alliancekit_spacy.loading import prepare_pipeline

PUBLISHED = dt.date(2026, 5, 8)
ROOT = Path(__file__).resolve().parents[3]
CORPORA = [ROOT / "seeds", ROOT / "tests" / "gold"]
_ATTRIBUTES: list[int | str] = [
    *("POS", "TAG", "MORPH", "LEMMA", "DEP", "HEAD"),
    *("ENT_IOB", "ENT_TYPE", "SENT_START"),
]
# Rare forms the attribute ruler and the lemmatizer treat specially.
_ODD_TEXTS = [
    "Y'all ain't seen nothin' yet, he said.",
    "I'd've gone, but we're gonna stay; it's Kim's and they can't.",
    "Let's go, c'mon, we gotta run.",
    "There are talks, and there is a meeting.",
    "  spaced   out\n\ttext  ",
    "",
]


def _documents() -> list[Document]:
    found = [
        prepare_document(item)
        for corpus in CORPORA
        if corpus.is_dir()
        for item in read_documents([corpus])
        if not isinstance(item, ReadError)
    ]
    if not found:
        pytest.skip("the repository's corpora are not here")
    return found


@functools.cache
def _sentences() -> list[str]:
    return [sentence.text for document in _documents() for sentence in body_sentences(document.text)]


def test_only_sentences_that_hold_a_trigger_are_parsed(extractor: SpacyExtractor) -> None:
    text = (
        "Markets rose sharply on Tuesday after the central bank held rates.\n\n"
        "Foreign Minister Aiko Tanabe will visit Canberra next week, the ministry said.\n\n"
        "The weather in the capital stayed mild."
    )
    selected = extractor.select(Document("t", text, published=PUBLISHED))
    assert [doc.text for _, doc in selected] == [
        "Foreign Minister Aiko Tanabe will visit Canberra next week, the ministry said."
    ]
    assert [offset for offset, _ in selected] == [text.index("Foreign")]


def test_the_attribute_table_and_lemma_cache_annotate_as_the_originals(extractor: SpacyExtractor) -> None:
    nlp = extractor.nlp
    texts = _ODD_TEXTS + _sentences()[:150]
    ours = list(nlp.pipe(texts))
    # The same pipeline with the original attribute ruler and lemmatizer in place of the stand-ins.
    stand_ins = ["attribute_ruler_table", "lemmatizer_cache"]
    originals = ["attribute_ruler", "lemmatizer"]
    theirs = []
    for doc in nlp.pipe(texts, disable=[*stand_ins, "ner"]):
        for name in [*originals, "ner"]:
            doc = nlp.get_pipe(name)(doc)
        theirs.append(doc)
    for mine, reference in zip(ours, theirs, strict=True):
        assert (mine.to_array(_ATTRIBUTES) == reference.to_array(_ATTRIBUTES)).all(), mine.text
        assert [t.lemma_ for t in mine] == [t.lemma_ for t in reference]


def test_preparing_a_pipeline_twice_changes_nothing_more(extractor: SpacyExtractor) -> None:
    names = list(extractor.nlp.pipe_names)
    assert prepare_pipeline(extractor.nlp) is extractor.nlp
    assert extractor.nlp.pipe_names == names
    assert "attribute_ruler" not in names
    assert "lemmatizer_cache" in names


def test_a_person_named_in_an_unparsed_sentence_is_known_later(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Foreign Minister Aiko Tanabe said the alliance was stronger than ever.\n\n"
        "Tanabe will meet Secretary of State Mark Dellinger in Washington on Monday."
    )
    document = Document("t", text, published=PUBLISHED)
    assert len(extractor.select(document)) == 1
    meeting = [e for e in extractor.extract(document, context) if e.type is EventType.MEETING]
    assert [sorted(p.actor.name for p in e.participants) for e in meeting] == [
        ["Aiko Tanabe", "Mark Dellinger"]
    ]


def test_parsing_every_sentence_finds_the_same_events(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    documents = _documents()
    everything = SpacyExtractor(nlp=extractor.nlp, parse_all=True)
    found = list(extractor.extract_batch(documents, context))
    expected = list(everything.extract_batch(documents, context))
    assert found == expected
    assert sum(len(events) for _, events in found) > 50
