"""An extractor with ``extract_batch`` is handed documents in batches by the pipeline."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator

from alliancekit import hookimpl
from alliancekit.extractor import ExtractionContext
from alliancekit.model import Document, Event
from alliancekit.pipeline import BATCH_SIZE, run
from alliancekit.plugins import Plugins
from helpers import meetings

TEXT = "Abe met Lee."


class Batching:
    """Finds a meeting in every document; records the batches it was handed."""

    name = "batching"

    def __init__(self, fail_on: str | None = None) -> None:
        self.batches: list[list[str]] = []
        self.fail_on = fail_on

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        if document.id == self.fail_on:
            raise ValueError(f"cannot read {document.id}")
        return meetings(document)

    def extract_batch(
        self, documents: Iterable[Document], context: ExtractionContext
    ) -> Iterator[tuple[Document, list[Event]]]:
        batch = list(documents)
        self.batches.append([document.id for document in batch])
        for document in batch:
            yield document, self.extract(document, context)


def _plugins(extractor: Batching) -> Plugins:
    class Plugin:
        @hookimpl
        def register_extractors(self, register: Callable[[str, object], None]) -> None:
            register("batching", lambda: extractor)

    return Plugins.create(load_entrypoints=False, extra=[Plugin()])


def _documents(count: int) -> list[Document]:
    return [Document(f"d{n}", TEXT, dt.date(2026, 5, 6)) for n in range(count)]


def test_documents_go_to_the_extractor_in_batches_and_come_back_in_order() -> None:
    extractor = Batching()
    results = list(run(_documents(BATCH_SIZE + 5), extractor="batching", plugins=_plugins(extractor)))
    assert [result.document.id for result in results] == [f"d{n}" for n in range(BATCH_SIZE + 5)]
    assert all(result.error is None and len(result.events) == 1 for result in results)
    assert [len(batch) for batch in extractor.batches] == [BATCH_SIZE, 5]


def test_a_failing_batch_fails_only_its_document() -> None:
    extractor = Batching(fail_on="d3")
    results = list(run(_documents(6), extractor="batching", plugins=_plugins(extractor)))
    errors = {result.document.id: result.error for result in results if result.error}
    assert list(errors) == ["d3"]
    assert "cannot read d3" in errors["d3"]
    assert [len(result.events) for result in results] == [1, 1, 1, 0, 1, 1]


def test_combined_with_a_part_that_does_not_batch() -> None:
    extractor = Batching()
    results = list(run(_documents(3), extractor="batching+rules", plugins=_plugins(extractor)))
    assert extractor.batches == [["d0", "d1", "d2"]]
    assert all(result.error is None for result in results)
