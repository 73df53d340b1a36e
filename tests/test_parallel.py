"""Parallel extraction: --jobs gives exactly the serial output, in document order."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.model import Document, Event
from alliancekit.parallel import run_parallel
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import Plugins
from alliancekit.serialize import dumps_event

TEXTS = [
    "Secretary of State Marco Rubio spoke by phone with Foreign Minister Toshimitsu Motegi on Friday.",
    "Foreign Minister Toshimitsu Motegi will visit Washington on Thursday for talks with Marco Rubio.",
    "Heavy rain disrupted trains in western Japan on Wednesday.",
    "Prime Minister Sanae Takaichi met President Donald Trump in Tokyo on Monday.",
]


def _corpus(count: int) -> list[Document]:
    return [
        Document(f"doc-{n:03d}", TEXTS[n % len(TEXTS)], dt.date(2026, 1, 13) + dt.timedelta(days=n % 9))
        for n in range(count)
    ]


def _signature(results: list[DocumentResult]) -> list[tuple[str, list[str], str | None]]:
    return [(r.document.id, [dumps_event(e) for e in r.events], r.error) for r in results]


def _builtin_plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


class CrashingExtractor:
    """Fails on documents whose id ends in 7, finds nothing elsewhere."""

    name = "crashing"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        if document.id.endswith("7"):
            raise RuntimeError(f"cannot read {document.id}")
        return []


class CrashingPlugin:
    @staticmethod
    @hookimpl
    def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
        register("crashing", CrashingExtractor)


def _crashing_plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False, extra=[CrashingPlugin])


def test_two_jobs_give_the_serial_results_in_document_order() -> None:
    documents = _corpus(40)
    serial = list(run(documents, plugins=_builtin_plugins()))

    parallel = list(run_parallel(documents, jobs=2, chunksize=3, plugins_factory=_builtin_plugins))

    assert _signature(parallel) == _signature(serial)
    assert sum(len(r.events) for r in parallel) > 0


def test_failures_in_workers_are_reported_in_place_and_the_rest_goes_on() -> None:
    documents = _corpus(20)

    results = list(
        run_parallel(documents, extractor="crashing", jobs=2, chunksize=4, plugins_factory=_crashing_plugins)
    )

    assert [r.document.id for r in results] == [d.id for d in documents]
    assert [r.document.id for r in results if r.error] == ["doc-007", "doc-017"]
    assert "cannot read doc-007" in (results[7].error or "")


def test_a_consumer_that_stops_early_does_not_hang_or_leak_the_pool() -> None:
    results = run_parallel(_corpus(200), jobs=2, chunksize=2, plugins_factory=_builtin_plugins)

    first = [next(results) for _ in range(3)]
    results.close()  # type: ignore[attr-defined]

    assert [r.document.id for r in first] == ["doc-000", "doc-001", "doc-002"]


@pytest.mark.parametrize(("jobs", "chunksize"), [(0, 1), (2, 0)])
def test_jobs_and_chunksize_must_be_positive(jobs: int, chunksize: int) -> None:
    with pytest.raises(ValueError, match="at least 1"):
        list(run_parallel([], jobs=jobs, chunksize=chunksize))


def test_extract_with_jobs_writes_exactly_the_serial_output(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": d.id, "text": d.text, "published": str(d.published)}) + "\n"
            for d in _corpus(60)
        ),
        encoding="utf-8",
    )
    runner = CliRunner()

    serial = runner.invoke(main, ["extract", str(corpus)])
    parallel = runner.invoke(main, ["extract", str(corpus), "--jobs", "2"])

    assert serial.exit_code == parallel.exit_code == 0, parallel.output
    assert parallel.stdout == serial.stdout
    assert parallel.stdout.count("\n") > 0
    assert parallel.stderr.splitlines()[-1] == serial.stderr.splitlines()[-1]


def test_extract_rejects_zero_jobs(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--jobs", "0"])

    assert result.exit_code == 2
    assert "--jobs" in result.output
