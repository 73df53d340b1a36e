"""The event store: idempotent, transactional adds; engagements across documents; queries; exports."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest

from alliancekit.engagements import MergeRules
from alliancekit.model import Document, Source
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import Plugins
from alliancekit.store import EventStore

TUESDAY, THURSDAY, FRIDAY = dt.date(2026, 1, 13), dt.date(2026, 1, 15), dt.date(2026, 1, 16)

DOCUMENTS = [
    Document(
        "kyodo-0113",
        "Foreign Minister Toshimitsu Motegi will visit Washington on Thursday for talks with Secretary of "
        "State Marco Rubio, the Foreign Ministry said.",
        TUESDAY,
        Source(outlet="Kyodo", url="https://example.org/kyodo-0113"),
    ),
    Document(
        "reuters-0115",
        "Secretary of State Marco Rubio met Japanese Foreign Minister Toshimitsu Motegi "
        "in Washington on Thursday.",
        THURSDAY,
        Source(outlet="Reuters"),
    ),
    Document(
        "ap-0116",
        "Japanese Foreign Minister Toshimitsu Motegi visited Washington on Thursday and held talks with "
        "Secretary of State Marco Rubio.",
        FRIDAY,
        Source(outlet="AP"),
    ),
    Document(
        "yonhap-0302",
        "South Korean Foreign Minister Cho Hyun spoke by phone with Secretary of State Marco Rubio "
        "on Monday.",
        dt.date(2026, 3, 3),
        Source(outlet="Yonhap"),
    ),
    Document(
        "weather-0114", "Heavy rain disrupted trains in western Japan on Wednesday.", dt.date(2026, 1, 14)
    ),
]


@pytest.fixture(scope="module")
def results() -> list[DocumentResult]:
    return list(run(DOCUMENTS, plugins=Plugins.create(load_entrypoints=False)))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[EventStore]:
    with EventStore(tmp_path / "events.db") as opened:
        yield opened


def _engagements(store: EventStore) -> list[tuple[str, str, tuple[str, ...]]]:
    return [(e.type.value, e.status.value, tuple(sorted(e.sources))) for e in store.query()]


# --------------------------------------------------------------------------- idempotency


def test_adding_the_same_documents_again_adds_nothing(
    store: EventStore, results: list[DocumentResult]
) -> None:
    first = store.add(results)
    counts = store.counts()
    engagements = _engagements(store)

    again = store.add(results)

    assert first.documents_added == len(DOCUMENTS)
    assert first.events_added == counts["events"] > 0
    assert (again.documents_added, again.events_added, again.documents_unchanged) == (0, 0, len(DOCUMENTS))
    assert store.counts() == counts
    assert _engagements(store) == engagements


def test_a_store_reopened_from_disk_still_skips_what_it_holds(
    tmp_path: Path, results: list[DocumentResult]
) -> None:
    with EventStore(tmp_path / "events.db") as store:
        store.add(results)
    with EventStore(tmp_path / "events.db") as store:
        again = store.add(results)
        assert again.events_added == 0
        assert all(store.has_document(document) for document in DOCUMENTS)


def test_a_document_whose_text_changed_replaces_its_events(
    store: EventStore, results: list[DocumentResult]
) -> None:
    store.add(results)
    before = store.counts()
    changed = Document("yonhap-0302", "The talks were postponed indefinitely.", dt.date(2026, 3, 3))

    summary = store.add(run([changed], plugins=Plugins.create(load_entrypoints=False)))

    assert summary.documents_replaced == 1
    assert store.counts()["documents"] == before["documents"]
    assert store.counts()["events"] < before["events"]
    assert not store.query(types=["call"])


def test_failed_documents_are_not_stored_so_a_later_run_retries_them(store: EventStore) -> None:
    failed = DocumentResult(DOCUMENTS[0], [], error="rules: RuntimeError: boom")

    summary = store.add([failed])

    assert summary.failed == 1
    assert store.counts()["documents"] == 0


def test_the_order_documents_are_added_in_does_not_change_the_engagements(
    tmp_path: Path, results: list[DocumentResult]
) -> None:
    with EventStore(tmp_path / "forward.db") as forward, EventStore(tmp_path / "backward.db") as backward:
        for result in results:
            forward.add([result])
        for result in reversed(results):
            backward.add([result])
        assert [e.to_dict() for e in forward.query()] == [e.to_dict() for e in backward.query()]


# --------------------------------------------------------------------------- transactions


def test_a_batch_that_fails_midway_is_rolled_back_whole(
    store: EventStore, results: list[DocumentResult]
) -> None:
    store.add(results[:1])

    def failing() -> Iterator[DocumentResult]:
        yield from results[1:3]
        raise RuntimeError("crash in the middle of a batch")

    with pytest.raises(RuntimeError, match="crash"):
        store.add(failing())

    assert store.counts()["documents"] == 1
    assert not store.has_document(DOCUMENTS[1])


def test_add_batches_commits_each_batch_before_passing_its_results_on(
    store: EventStore, results: list[DocumentResult]
) -> None:
    passed = store.add_batches(results, batch_size=2)

    next(passed)

    assert store.counts()["documents"] == 2


def test_a_process_killed_mid_batch_loses_only_the_uncommitted_batch(tmp_path: Path) -> None:
    # The child commits one batch of two documents, then dies inside the next batch.
    database = tmp_path / "events.db"
    script = textwrap.dedent(
        f"""
        import os
        from alliancekit.model import Document
        from alliancekit.pipeline import DocumentResult
        from alliancekit.store import EventStore

        def results():
            for n in range(5):
                if n == 3:
                    os._exit(9)
                yield DocumentResult(Document(f"d{{n}}", f"Text {{n}}."), [])

        store = EventStore({str(database)!r})
        for _ in store.add_batches(results(), batch_size=2):
            pass
        """
    )
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, "-c", script], env=environment, check=False, capture_output=True)

    assert done.returncode == 9, done.stderr
    with EventStore(database) as store:
        assert store.counts()["documents"] == 2
        assert [store.has_document(Document(f"d{n}", f"Text {n}.")) for n in range(4)] == [
            True,
            True,
            False,
            False,
        ]


# --------------------------------------------------------------------------- merging in the store


def test_reports_from_several_outlets_are_one_engagement_and_the_plan_links_to_it(
    store: EventStore, results: list[DocumentResult]
) -> None:
    store.add(results)

    [planned] = store.query(types=["meeting"], statuses=["planned"])
    [occurred] = store.query(types=["meeting"], statuses=["occurred"])

    assert set(occurred.sources) == {"reuters-0115", "ap-0116"}
    assert set(occurred.outlets) == {"Reuters", "AP"}
    assert planned.sources == ("kyodo-0113",)
    assert planned.outcome_id == occurred.id
    assert occurred.plan_ids == (planned.id,)
    assert store.engagement(occurred.id) == occurred


def test_every_evidence_span_indexes_into_its_own_document(
    store: EventStore, results: list[DocumentResult]
) -> None:
    store.add(results)
    texts = {document.id: document.text for document in DOCUMENTS}

    for engagement in store.query():
        for document_id, span in engagement.evidence:
            assert span.matches(texts[document_id])


def test_new_merge_rules_recompute_the_engagements(tmp_path: Path, results: list[DocumentResult]) -> None:
    with EventStore(tmp_path / "events.db") as store:
        store.add(results)
        linked = [e for e in store.query(statuses=["planned"]) if e.outcome_id]
    assert linked
    with EventStore(tmp_path / "events.db", rules=MergeRules(link_tolerance_days=0)) as store:
        assert store.rules.link_tolerance_days == 0
        # Thursday lies inside the planned span itself, so the links hold with no tolerance.
        assert [e.outcome_id for e in store.query(statuses=["planned"])] == [e.outcome_id for e in linked]
    with EventStore(tmp_path / "events.db") as store:
        assert store.rules.link_tolerance_days == 0


# --------------------------------------------------------------------------- queries


@pytest.fixture
def filled(store: EventStore, results: list[DocumentResult]) -> EventStore:
    store.add(results)
    return store


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, 5),
        # The visits name only their visitor, Motegi.
        ({"actors": ["Rubio"]}, 3),
        ({"actors": ["Rubio Marco"]}, 3),
        ({"actors": ["usa/rubio-marco"]}, 3),
        ({"actors": ["Marco Rubio", "Cho Hyun"]}, 1),
        ({"actors": ["Motegi"], "types": ["visit"]}, 2),
        ({"actors": ["Nobody Atall"]}, 0),
        ({"countries": ["KOR"]}, 1),
        ({"countries": ["usa"]}, 5),  # Rubio's country, or the visits' place
        ({"countries": ["JPN", "KOR"]}, 0),
        ({"types": ["call"]}, 1),
        ({"types": ["call", "visit"]}, 3),
        ({"statuses": ["planned"]}, 2),
        ({"statuses": ["occurred"], "types": ["meeting"]}, 1),
        ({"since": dt.date(2026, 2, 1)}, 1),
        ({"until": dt.date(2026, 1, 31)}, 4),
        ({"since": THURSDAY, "until": THURSDAY}, 4),
        ({"since": dt.date(2026, 1, 16), "until": dt.date(2026, 2, 28)}, 0),
    ],
)
def test_query_filters_combine(filled: EventStore, filters: dict[str, object], expected: int) -> None:
    assert len(filled.query(**filters)) == expected  # type: ignore[arg-type]


def test_query_lists_engagements_in_date_order(filled: EventStore) -> None:
    starts = [e.time.start for e in filled.query() if e.time is not None and e.time.start is not None]

    assert starts == sorted(starts)


def test_an_unknown_type_or_status_is_an_error(filled: EventStore) -> None:
    with pytest.raises(ValueError, match="summit"):
        filled.query(types=["summit"])


# --------------------------------------------------------------------------- exports


def test_export_engagements_as_jsonl_and_csv(filled: EventStore) -> None:
    found = filled.query(actors=["Rubio"], types=["meeting"])
    lines, table = io.StringIO(), io.StringIO()

    assert found.write(lines) == 2
    assert found.write(table, format="csv") == 2

    records = [json.loads(line) for line in lines.getvalue().splitlines()]
    assert {record["status"] for record in records} == {"planned", "occurred"}
    rows = list(csv.DictReader(io.StringIO(table.getvalue())))
    assert [row["id"] for row in rows] == [record["id"] for record in records]
    assert rows[0]["outcome_id"] == rows[1]["id"]


def test_export_events_writes_one_row_per_report(filled: EventStore) -> None:
    found = filled.query(types=["meeting"], statuses=["occurred"])
    lines = io.StringIO()

    assert found.write(lines, level="events") == 2
    assert {json.loads(line)["document_id"] for line in lines.getvalue().splitlines()} == {
        "reuters-0115",
        "ap-0116",
    }


def test_to_dataframe_gives_one_row_per_engagement_with_dates(filled: EventStore) -> None:
    pandas = pytest.importorskip("pandas")

    frame = filled.query().to_dataframe()
    events = filled.query().to_dataframe(level="events")

    assert len(frame) == 5
    assert pandas.api.types.is_datetime64_any_dtype(frame["start"])
    assert set(frame["type"]) == {"meeting", "visit", "call"}
    assert len(events) == filled.counts()["events"]
    assert "engagement_id" in events.columns


# --------------------------------------------------------------------------- identity: clashing ids


def _from_file(document_id: str, text: str, path: str, line: int | None = None) -> DocumentResult:
    return DocumentResult(Document(document_id, text, source=Source(path=path, line=line)), [])


def test_a_document_whose_id_is_stored_from_another_file_is_a_clash_and_not_stored(store: EventStore) -> None:
    first = store.add([_from_file("1", "Abe met Lee.", "/news/a.jsonl", 1)])
    clash = _from_file("1", "Motegi met Rubio.", "/news/b.jsonl", 1)

    summary = store.add([clash])

    assert first.documents_added == 1
    assert (summary.documents_added, summary.documents_replaced) == (0, 0)
    [message] = summary.clashes
    assert "/news/a.jsonl:1" in message
    assert "/news/b.jsonl:1" in message
    assert store.has_document(Document("1", "Abe met Lee."))
    assert "1 clashing ids not stored" in summary.render()


def test_two_records_of_one_file_with_the_same_id_clash_on_every_run(tmp_path: Path) -> None:
    records = [
        _from_file("1", "Abe met Lee.", "/news/a.jsonl", 1),
        _from_file("1", "Lee met Abe.", "/news/a.jsonl", 5),
    ]
    for _ in range(2):  # the second run must not "replace" the first record with the second
        with EventStore(tmp_path / "events.db") as store:
            passed = list(store.add_batches(records))
            assert [result.error is None for result in passed] == [True, False]
            assert "/news/a.jsonl:5 was not stored" in (passed[1].error or "")
            assert store.has_document(Document("1", "Abe met Lee."))


def test_a_document_edited_in_its_own_file_replaces_the_stored_one(store: EventStore) -> None:
    store.add([_from_file("story", "Abe met Lee.", "/news/jan/story.txt")])

    summary = store.add([_from_file("story", "Abe met Lee in Tokyo.", "/news/jan/story.txt")])

    assert (summary.documents_replaced, summary.clashes) == (1, [])


def test_a_corrected_date_replaces_a_document_of_its_own_file_and_clashes_from_another(
    store: EventStore,
) -> None:
    text = "Abe met Lee on Monday."
    store.add([_from_file("story", text, "/news/jan/story.txt")])

    def dated(path: str) -> DocumentResult:
        document = Document("story", text, dt.date(2026, 1, 20), source=Source(path=path))
        return DocumentResult(document, [])

    elsewhere = store.add([dated("/news/mar/story.txt")])
    corrected = store.add([dated("/news/jan/story.txt")])

    [message] = elsewhere.clashes
    assert "another text, date or source, from /news/jan/story.txt" in message
    assert (corrected.documents_replaced, corrected.clashes) == (1, [])


def test_a_store_written_before_documents_had_an_origin_is_upgraded(tmp_path: Path) -> None:
    import sqlite3

    database = tmp_path / "old.db"
    with EventStore(database) as store:
        store.add([_from_file("1", "Abe met Lee.", "/news/a.jsonl", 1)])
    with sqlite3.connect(database) as connection:  # as release 0.1.0 wrote it
        connection.execute("ALTER TABLE documents DROP COLUMN path")
        connection.execute("ALTER TABLE documents DROP COLUMN line")

    with EventStore(database) as store:
        summary = store.add([_from_file("1", "Motegi met Rubio.", "/news/b.jsonl", 1)])
        again = store.add([_from_file("1", "Rubio met Motegi.", "/news/c.jsonl", 1)])

    assert summary.documents_replaced == 1  # where the stored copy came from is not known
    assert len(again.clashes) == 1


def test_query_takes_countries_by_name_and_refuses_unknown_ones(
    store: EventStore, results: list[DocumentResult]
) -> None:
    store.add(results)

    assert len(store.query(countries=["South Korea"])) == len(store.query(countries=["KOR"])) == 1
    with pytest.raises(ValueError, match="no country has the code or name 'Atlantis'"):
        store.query(countries=["Atlantis"])
