"""Extraction on Dask, on a local cluster of two worker processes."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

dask_bag = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")

from alliancekit.dask import collect_events, extract_bag, read_bag, store_results  # noqa: E402
from alliancekit.model import Document  # noqa: E402
from alliancekit.pipeline import run  # noqa: E402
from alliancekit.plugins import Plugins  # noqa: E402
from alliancekit.serialize import dumps_event  # noqa: E402
from alliancekit.store import EventStore  # noqa: E402

TEXTS = [
    "Secretary of State Marco Rubio spoke by phone with Foreign Minister Toshimitsu Motegi on Friday.",
    "Foreign Minister Toshimitsu Motegi will visit Washington on Thursday for talks with Marco Rubio.",
    "Heavy rain disrupted trains in western Japan on Wednesday.",
    "Prime Minister Sanae Takaichi met President Donald Trump in Tokyo on Monday.",
]
DOCUMENTS = [
    Document(f"doc-{n:02d}", TEXTS[n % len(TEXTS)], dt.date(2026, 1, 13) + dt.timedelta(days=n % 5))
    for n in range(24)
]


def _builtin_plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as connected,
    ):
        yield connected


def test_extraction_on_a_two_worker_cluster_finds_what_a_serial_run_finds(client: object) -> None:
    bag = dask_bag.from_sequence(DOCUMENTS, npartitions=6)
    serial = [dumps_event(e) for r in run(DOCUMENTS, plugins=_builtin_plugins()) for e in r.events]

    events = collect_events(extract_bag(bag, plugins_factory=_builtin_plugins))

    assert [dumps_event(e) for e in events] == serial
    assert len(events) > 0


def test_both_workers_take_part(client: object) -> None:
    bag = dask_bag.from_sequence(DOCUMENTS, npartitions=8)

    results = extract_bag(bag, plugins_factory=_builtin_plugins)
    futures = client.compute(results.to_delayed())  # type: ignore[attr-defined]
    distributed.wait(futures)
    holders = client.who_has(futures).values()  # type: ignore[attr-defined]
    workers = {worker for located in holders for worker in located}

    assert len(workers) == 2


def test_results_from_files_go_into_an_event_store_idempotently(client: object, tmp_path: Path) -> None:
    for part in range(3):
        lines = [
            json.dumps({"id": d.id, "text": d.text, "published": str(d.published)})
            for d in DOCUMENTS[part::3]
        ]
        (tmp_path / f"part-{part}.jsonl").write_text("\n".join(lines) + "\nnot json\n", encoding="utf-8")
    errors: list[str] = []

    with EventStore(tmp_path / "events.db") as store:
        first = store_results(extract_bag(read_bag([tmp_path])), store, window=2, on_error=errors.append)
        again = store_results(extract_bag(read_bag([tmp_path])), store, window=2)
        serial = EventStore(":memory:")
        serial.add(run(DOCUMENTS, plugins=_builtin_plugins()))
        assert [e.to_dict() for e in store.query()] == [e.to_dict() for e in serial.query()]

    assert (first.documents_added, first.failed) == (len(DOCUMENTS), 3)
    assert len(errors) == 3
    assert "not valid JSON" in errors[0]
    assert (again.documents_added, again.events_added, again.documents_unchanged) == (0, 0, len(DOCUMENTS))


def test_read_bag_names_documents_as_the_command_line_does_and_reports_clashing_ids(
    client: object, tmp_path: Path
) -> None:
    for month, text in (("jan", TEXTS[0]), ("mar", TEXTS[3])):
        (tmp_path / month).mkdir()
        (tmp_path / month / "story.txt").write_text(text, encoding="utf-8")
        (tmp_path / month / "wire.jsonl").write_text(json.dumps({"id": "w1", "text": text}) + "\n", "utf-8")
    errors: list[str] = []

    with EventStore(tmp_path / "events.db") as store:
        summary = store_results(extract_bag(read_bag([tmp_path])), store, on_error=errors.append)

    assert summary.documents_added == 3  # jan/story, mar/story and the first w1
    assert len(summary.clashes) == 1
    assert errors == summary.clashes
    assert "mar/wire.jsonl:1 was not stored" in errors[0]


def test_read_bag_reads_what_the_command_line_reads_of_a_folder_leaving_out_sidecars(
    client: object, tmp_path: Path
) -> None:
    (tmp_path / "story.txt").write_text(TEXTS[0], encoding="utf-8")
    (tmp_path / "story.meta.json").write_text(json.dumps({"published": "2026-01-16"}), encoding="utf-8")
    (tmp_path / "story.gold.json").write_text(json.dumps({"events": []}), encoding="utf-8")

    items = read_bag([tmp_path]).compute()

    assert [(item.id, item.published) for item in items] == [("story", dt.date(2026, 1, 16))]
