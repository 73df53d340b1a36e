"""Parsing less without reading differently: the sentence gate, the faster stand-ins, the chain matcher.

Each shortcut claims to change nothing but speed; these tests hold it to
that on the repository's articles (every body sentence of the seed and gold
corpora) and on texts written to reach the rare cases.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
import spacy
from alliancekit.extractor import ExtractionContext
from alliancekit.io.readers import ReadError, read_documents
from alliancekit.model import Document, EventType
from alliancekit.pipeline import prepare_document
from alliancekit.rules.text import body_sentences
from spacy.matcher import DependencyMatcher
from spacy.tokens import Doc

from alliancekit_spacy import SpacyExtractor
from alliancekit_spacy.chains import ChainMatcher
from alliancekit_spacy.gate import SentenceGate, lemma_forms
from alliancekit_spacy.loading import prepare_pipeline
from alliancekit_spacy.triggers import PATTERNS, REQUIRED_WORDS, TriggerFinder

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


@pytest.fixture(scope="module")
def parsed(extractor: SpacyExtractor) -> list[Doc]:
    """Every body sentence of the corpora, analysed by the full pipeline."""
    return list(extractor.nlp.pipe(_sentences()))


def test_lemma_forms_hold_every_word_the_pipeline_gives_a_trigger_lemma(
    extractor: SpacyExtractor, parsed: list[Doc]
) -> None:
    lemmas = {
        lemma
        for _, pattern in PATTERNS
        for node in pattern
        for lemma in _strings(node["RIGHT_ATTRS"].get("LEMMA"))
    }
    forms = {lemma: lemma_forms(extractor.nlp, lemma) for lemma in lemmas}
    seen = 0
    for doc in parsed:
        for token in doc:
            if token.lemma_ in forms:
                seen += 1
                assert token.lower_ in (forms[token.lemma_] or ()), (token.text, token.lemma_)
    assert seen > 100


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return list(value.get("IN", []))
    return []


def test_the_gate_never_turns_away_a_trigger(extractor: SpacyExtractor, parsed: list[Doc]) -> None:
    gate = SentenceGate(extractor.nlp, PATTERNS, REQUIRED_WORDS)
    finder = TriggerFinder(extractor.nlp.vocab)
    assert gate.active
    turned_away = 0
    for doc in parsed:
        everything = finder(doc)
        labels = gate.labels(doc)
        assert labels is not None
        if not labels:
            turned_away += 1
            assert not everything, doc.text
        assert finder(doc, labels) == everything, doc.text
    assert turned_away > 20


def test_the_gate_reads_the_words_of_a_sentence(extractor: SpacyExtractor) -> None:
    gate = SentenceGate(extractor.nlp, PATTERNS, REQUIRED_WORDS)
    make = extractor.nlp.make_doc
    assert not gate(make("Markets reacted calmly, and the currency was little changed."))
    assert not gate(make("He is in Tokyo."))  # "be in" states a visit only with "will", "to"...
    assert gate(make("He will be in Tokyo."))
    assert gate(make("Ishiba met Trump."))
    assert gate(make("The two sides held consultations."))
    assert gate.labels(make("She phoned him.")) == ["phone"]


def test_without_lemma_tables_the_gate_lets_every_sentence_through() -> None:
    nlp = spacy.blank("en")  # no lemmatizer: which words have which lemma is unknown
    gate = SentenceGate(nlp, PATTERNS, REQUIRED_WORDS)
    assert lemma_forms(nlp, "meet") is None
    assert not gate.active
    assert gate(nlp.make_doc("Markets reacted calmly."))
    assert gate.labels(nlp.make_doc("Markets reacted calmly.")) is None


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


def test_the_chain_matcher_finds_what_the_dependency_matcher_finds(
    extractor: SpacyExtractor, parsed: list[Doc]
) -> None:
    chains = ChainMatcher.compile(PATTERNS)
    assert chains is not None
    matcher = DependencyMatcher(extractor.nlp.vocab)
    for label, pattern in PATTERNS:
        matcher.add(label, [pattern])
    strings = extractor.nlp.vocab.strings
    total = 0
    for doc in [*parsed, *extractor.nlp.pipe(_ODD_TEXTS)]:
        expected = sorted((strings[match_id], list(ids)) for match_id, ids in matcher(doc))
        assert sorted(chains(doc)) == expected, doc.text
        total += len(expected)
    assert total > 100


def test_a_pattern_that_is_not_a_chain_is_left_to_the_dependency_matcher() -> None:
    siblings = [
        {"RIGHT_ID": "verb", "RIGHT_ATTRS": {"LEMMA": "meet"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "subject", "RIGHT_ATTRS": {"DEP": "nsubj"}},
        {"LEFT_ID": "verb", "REL_OP": ">", "RIGHT_ID": "object", "RIGHT_ATTRS": {"DEP": "dobj"}},
    ]
    assert ChainMatcher.compile([("meet-both", siblings)]) is None
    assert ChainMatcher.compile([("near", [*siblings[:1], {**siblings[1], "REL_OP": "<"}])]) is None


def test_a_person_named_in_an_unparsed_sentence_is_known_later(
    parse_only: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Foreign Minister Aiko Tanabe said the alliance was stronger than ever.\n\n"
        "Tanabe will meet Secretary of State Mark Dellinger in Washington on Monday."
    )
    assert parse_only.select(body_sentences(text))[0] is None
    document = Document("t", text, published=PUBLISHED)
    meeting = [e for e in parse_only.extract(document, context) if e.type is EventType.MEETING]
    assert [sorted(p.actor.name for p in e.participants) for e in meeting] == [
        ["Aiko Tanabe", "Mark Dellinger"]
    ]


def test_a_pronoun_after_an_unparsed_sentence_refers_to_its_first_person(
    parse_only: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Defense Minister Haruto Ishimori said the alliance was stronger than ever. "
        "He will visit Canberra next week."
    )
    assert [doc is None for doc in parse_only.select(body_sentences(text))] == [True, False]
    document = Document("t", text, published=PUBLISHED)
    visits = [e for e in parse_only.extract(document, context) if e.type is EventType.VISIT]
    assert [[p.actor.name for p in e.participants] for e in visits] == [["Haruto Ishimori"]]


@pytest.mark.parametrize("backbone", [True, False], ids=["with-rules", "parse-only"])
def test_parsing_every_sentence_finds_the_same_events(
    extractor: SpacyExtractor, context: ExtractionContext, backbone: bool
) -> None:
    documents = _documents()
    gated = SpacyExtractor(nlp=extractor.nlp, rules_backbone=backbone)
    everything = SpacyExtractor(nlp=extractor.nlp, rules_backbone=backbone, parse_all=True)
    found = list(gated.extract_batch(documents, context))
    expected = list(everything.extract_batch(documents, context))
    assert found == expected
    assert sum(len(events) for _, events in found) > 50
