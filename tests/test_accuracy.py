"""Accuracy of the ``rules`` extractor against the gold corpora shipped with the project.

Two corpora, kept apart: ``seeds/`` (the five articles the product was
specified from) and ``tests/gold/`` (news-style documents written for
evaluation). The floors below are the project's targets; a change to the
rules that costs accuracy on either corpus fails here.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from alliancekit.evaluate import EvaluationReport, load_gold_dir, score
from alliancekit.io.readers import read_text_file
from alliancekit.model import Document, Event
from alliancekit.pipeline import run
from alliancekit.plugins import Plugins

ROOT = Path(__file__).resolve().parent.parent


def evaluate_corpus(directory: Path, plugins: Plugins) -> EvaluationReport:
    gold, errors = load_gold_dir(directory)
    assert not errors, errors
    documents: list[Document] = []
    for item in gold:
        document = read_text_file(directory / f"{item.id}.txt")
        assert isinstance(document, Document), document
        # the extractor is given exactly the publication date the gold states
        documents.append(attrs.evolve(document, published=item.published))
    predictions: dict[str, list[Event]] = {}
    for result in run(documents, plugins=plugins):
        assert result.ok, (result.document.id, result.error, result.rejected)
        predictions[result.document.id] = result.events
    return score(gold, predictions)


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


@pytest.mark.parametrize("corpus", ["seeds", "tests/gold"])
def test_rules_meets_the_accuracy_targets(corpus: str, plugins: Plugins) -> None:
    report = evaluate_corpus(ROOT / corpus, plugins)
    assert report.f1 >= 0.95, report.render()
    assert report.full_event_accuracy >= 0.9, report.render()


def test_seed_events_are_all_found_with_correct_arguments(plugins: Plugins) -> None:
    report = evaluate_corpus(ROOT / "seeds", plugins)
    assert (report.fn, report.fp) == (0, 0), report.render()
    assert report.full_event_accuracy == 1.0, report.render()
