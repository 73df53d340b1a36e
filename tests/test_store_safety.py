"""The event store under concurrent writers, in read-only places, and beside other people's files.

Queries read one consistent snapshot and never write; a database that is
not an alliancekit store is refused and left as it was; a document whose
publication date or source changed is replaced; ``--output`` never names
the store; a full disk or a store damaged late is one clear error, and an
output file is written whole or not at all.
"""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TextIO

import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main
from alliancekit.engagements import Engagement
from alliancekit.model import Document, Source
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import Plugins
from alliancekit.store import EventStore, NotAStoreError

MOTEGI_VISIT = (
    "Japanese Foreign Minister Toshimitsu Motegi visited Washington on Thursday and held talks with "
    "Secretary of State Marco Rubio."
)
CHO_CALL = (
    "South Korean Foreign Minister Cho Hyun spoke by phone with Secretary of State Marco Rubio on Monday."
)
KIM_CALL = (
    "South Korean Foreign Minister Cho Hyun spoke by phone with Defense Secretary Pete Hegseth on Friday."
)

DOCUMENTS = [
    Document("ap-0116", MOTEGI_VISIT, dt.date(2026, 1, 16), Source(outlet="AP")),
    Document("yonhap-0303", CHO_CALL, dt.date(2026, 3, 3), Source(outlet="Yonhap")),
    Document("yonhap-0308", KIM_CALL, dt.date(2026, 3, 8), Source(outlet="Yonhap")),
]


@pytest.fixture(scope="module")
def plugins() -> Plugins:
    return Plugins.create(load_entrypoints=False)


def _results(plugins: Plugins, documents: Iterable[Document]) -> list[DocumentResult]:
    return list(run(documents, plugins=plugins))


@pytest.fixture
def database(tmp_path: Path, plugins: Plugins) -> Path:
    path = tmp_path / "events.db"
    with EventStore(path) as store:
        store.add(_results(plugins, DOCUMENTS))
    return path


@pytest.fixture(scope="module")
def engagements(plugins: Plugins) -> list[Engagement]:
    """The engagements of :data:`DOCUMENTS`, from a store of their own."""
    with EventStore(":memory:") as fresh:
        fresh.add(_results(plugins, DOCUMENTS))
        found = list(fresh.query())
    assert len(found) >= 3
    return found


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


# --------------------------------------------------------------------------- one snapshot per query


def _rewrite_later_documents(path: Path, plugins: Plugins) -> None:
    """Another process's commit: the two Yonhap articles reworded, so their engagements get new ids."""
    changed = [
        Document(document.id, "In other news. " + document.text, document.published, document.source)
        for document in DOCUMENTS[1:]
    ]
    with EventStore(path) as writer:
        summary = writer.add(_results(plugins, changed))
    assert summary.documents_replaced == 2


def test_a_query_reads_one_snapshot_while_a_writer_commits(
    database: Path, plugins: Plugins, engagements: list[Engagement]
) -> None:
    with EventStore(database, read_only=True) as reader:
        found = reader.iter_engagements()
        first = next(found)
        _rewrite_later_documents(database, plugins)

        rest = list(found)

        assert [first, *rest] == engagements
        after = reader.query()  # a new query sees the new state
        assert {e.id for e in after} != {e.id for e in engagements}
        assert len(after) == len(engagements)


def test_events_never_crashes_when_a_writer_commits_during_the_query(
    database: Path, plugins: Plugins, engagements: list[Engagement], monkeypatch: pytest.MonkeyPatch
) -> None:
    import alliancekit.io.writers as writers

    original = writers.write_engagements_jsonl

    def write_while_another_process_commits(engagements: Iterable[Engagement], stream: TextIO) -> int:
        iterator = iter(engagements)
        count = original([next(iterator)], stream)
        _rewrite_later_documents(database, plugins)
        return count + original(iterator, stream)

    monkeypatch.setattr(writers, "write_engagements_jsonl", write_while_another_process_commits)

    result = _invoke("events", "--store", str(database))

    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [e.id for e in engagements]


# --------------------------------------------------------------------------- queries never write


def test_a_query_does_not_wait_for_a_writer_holding_the_store(
    database: Path, engagements: list[Engagement]
) -> None:
    writer = sqlite3.connect(database, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # a long batch of `extract --store` in another process
    try:
        result = _invoke("events", "--store", str(database), "--format", "csv")
    finally:
        writer.execute("ROLLBACK")
        writer.close()

    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"engagements written: {len(engagements)}"


def test_querying_a_store_leaves_its_file_as_it_was(database: Path) -> None:
    before = database.read_bytes()

    assert _invoke("events", "--store", str(database)).exit_code == 0
    assert (
        _invoke(
            "timeline", "--store", str(database), "--output", str(database.with_suffix(".html"))
        ).exit_code
        == 0
    )

    assert database.read_bytes() == before


@pytest.fixture
def other_app(tmp_path: Path) -> Path:
    """Someone else's SQLite database, not in WAL mode."""
    path = tmp_path / "other_app.db"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE users (name TEXT)")
    db.execute("INSERT INTO users VALUES ('Ann')")
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("command", ["events", "timeline", "extract"])
def test_a_database_that_is_not_a_store_is_refused_and_left_unchanged(
    other_app: Path, tmp_path: Path, command: str
) -> None:
    before = other_app.read_bytes()
    (tmp_path / "a.txt").write_text(CHO_CALL, encoding="utf-8")
    arguments = {
        "events": ["events", "--store", str(other_app)],
        "timeline": ["timeline", "--store", str(other_app), "--output", str(tmp_path / "t.html")],
        "extract": ["extract", str(tmp_path / "a.txt"), "--store", str(other_app)],
    }[command]

    result = _invoke(*arguments)

    assert result.exit_code == 1
    assert (
        "not an alliancekit event store (it holds the tables users); it was left unchanged" in result.stderr
    )
    assert other_app.read_bytes() == before
    assert not Path(f"{other_app}-wal").exists()


def test_an_empty_file_is_not_a_store_to_query(tmp_path: Path) -> None:
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")

    with pytest.raises(NotAStoreError):
        EventStore(empty, read_only=True)
    assert empty.read_bytes() == b""


def test_a_store_is_read_as_immutable_where_nothing_may_be_written_beside_it(
    database: Path, engagements: list[Engagement], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_connect = sqlite3.connect

    def read_only_medium(target: str, *args: Any, **kwargs: Any) -> sqlite3.Connection:
        # What SQLite says when it may not create the shared-memory file beside a WAL store.
        if "mode=ro" in str(target) and "immutable=1" not in str(target):
            raise sqlite3.OperationalError("attempt to write a readonly database")
        return real_connect(target, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", read_only_medium)

    with EventStore(database, read_only=True) as store:
        assert store.counts()["engagements"] == len(engagements)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions do not bind root")
def test_a_store_in_a_read_only_folder_can_be_queried(database: Path, engagements: list[Engagement]) -> None:
    folder = database.parent
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        result = _invoke("events", "--store", str(database))
    finally:
        folder.chmod(0o755)

    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"engagements written: {len(engagements)}"


# --------------------------------------------------------------------------- document identity


def test_a_document_whose_publication_date_changed_is_replaced_with_newly_dated_events(
    tmp_path: Path, plugins: Plugins
) -> None:
    monday = Document("yonhap", CHO_CALL, dt.date(2026, 3, 3))
    a_week_later = Document("yonhap", CHO_CALL, dt.date(2026, 3, 10))

    with EventStore(tmp_path / "events.db") as store:
        store.add(_results(plugins, [monday]))
        summary = store.add(_results(plugins, [a_week_later]))
        [engagement] = store.query()

    assert (summary.documents_replaced, summary.documents_unchanged) == (1, 0)
    assert engagement.time is not None
    assert engagement.time.start == dt.date(2026, 3, 9)
    assert engagement.reports[0].published == dt.date(2026, 3, 10)


def test_a_changed_sidecar_date_or_published_option_reaches_the_store(tmp_path: Path) -> None:
    (tmp_path / "news").mkdir()
    article = tmp_path / "news" / "yonhap.txt"
    article.write_text(CHO_CALL, encoding="utf-8")
    sidecar = tmp_path / "news" / "yonhap.meta.json"
    sidecar.write_text(json.dumps({"published": "2026-03-03"}), encoding="utf-8")
    database = str(tmp_path / "events.db")

    first = _invoke("extract", str(article), "--store", database)
    sidecar.write_text(json.dumps({"published": "2026-03-10"}), encoding="utf-8")
    dated_again = _invoke("extract", str(article), "--store", database)
    sidecar.unlink()
    by_option = _invoke("extract", str(article), "--store", database, "--published", "2026-03-17")
    unchanged = _invoke("extract", str(article), "--store", database, "--published", "2026-03-17")

    assert "stored: 1 new documents, 0 replaced, 0 unchanged" in first.stderr
    assert "stored: 0 new documents, 1 replaced, 0 unchanged" in dated_again.stderr
    assert "stored: 0 new documents, 1 replaced, 0 unchanged" in by_option.stderr
    assert "stored: 0 new documents, 0 replaced, 1 unchanged" in unchanged.stderr
    with EventStore(database, read_only=True) as store:
        [engagement] = store.query()
    assert engagement.time is not None
    assert engagement.time.start == dt.date(2026, 3, 16)


# --------------------------------------------------------------------------- --output and the store


@pytest.mark.parametrize("spelling", ["same", "relative", "link"])
def test_an_output_naming_the_store_is_refused_before_anything_is_written(
    database: Path, tmp_path: Path, spelling: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.txt").write_text(CHO_CALL, encoding="utf-8")
    before = database.read_bytes()
    monkeypatch.chdir(tmp_path)
    output = {"same": str(database), "relative": f"./{database.name}", "link": str(tmp_path / "alias.db")}[
        spelling
    ]
    if spelling == "link":
        (tmp_path / "alias.db").symlink_to(database)

    extracted = _invoke("extract", str(tmp_path / "a.txt"), "--store", str(database), "--output", output)
    queried = _invoke("events", "--store", str(database), "--output", output)

    assert (extracted.exit_code, queried.exit_code) == (2, 2)
    assert "is also the event store given to --store" in extracted.stderr
    assert database.read_bytes() == before


# --------------------------------------------------------------------------- a full disk, late damage


def test_a_full_disk_under_the_store_is_one_clear_error_keeping_what_was_committed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"d{n}", "text": CHO_CALL, "published": "2026-03-03"}) + "\n" for n in range(3)
        ),
        encoding="utf-8",
    )
    database = tmp_path / "events.db"
    original = EventStore._add  # what add and add_batches store a batch with
    batches = 0

    def filling_up(self: EventStore, results: Iterable[DocumentResult]) -> Any:
        nonlocal batches
        batches += 1
        if batches == 2:
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, results)

    monkeypatch.setattr(EventStore, "add_batches", _one_per_batch(EventStore.add_batches))
    monkeypatch.setattr(EventStore, "_add", filling_up)

    result = _invoke("extract", str(corpus), "--store", str(database))

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    [error] = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert error.startswith(
        f"Error: the event store {database}: database or disk is full; the batch being added"
    )
    assert "stored: 1 new documents" in error
    with EventStore(database, read_only=True) as store:
        assert store.counts()["documents"] == 1


def _one_per_batch(
    add_batches: Callable[..., Iterator[DocumentResult]],
) -> Callable[..., Iterator[DocumentResult]]:
    def one(self: EventStore, results: Iterable[DocumentResult], **options: Any) -> Iterator[DocumentResult]:
        return add_batches(self, results, **{**options, "batch_size": 1})

    return one


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_under_the_output_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(CHO_CALL * 200, encoding="utf-8")

    result = _invoke("extract", str(tmp_path / "a.txt"), "--published", "2026-03-03", "--output", "/dev/full")

    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert "Error: cannot write /dev/full: No space left on device; nothing of it was kept" in result.stderr


def test_an_output_file_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alliancekit.io.writers as writers

    def fails_midway(events: Iterable[object], stream: TextIO) -> int:
        stream.write('{"type": "call", "status": "occ')
        stream.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(writers, "write_engagements_jsonl", fails_midway)
    database = tmp_path / "events.db"
    (tmp_path / "a.txt").write_text(CHO_CALL, encoding="utf-8")
    assert _invoke("extract", str(tmp_path / "a.txt"), "--store", str(database)).exit_code == 0
    output = tmp_path / "engagements.jsonl"

    result = _invoke("events", "--store", str(database), "--output", str(output))

    assert result.exit_code == 1
    assert f"cannot write {output}: No space left on device; nothing of it was kept" in result.stderr
    assert not output.exists()


def _damage_late_pages(path: Path) -> None:
    """Overwrite the last pages of a store, as a failing disk would, leaving its header whole."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size - 4 * 4096)
        handle.write(b"\xde\xad\xbe\xef" * 4096)


def test_a_store_damaged_late_is_one_clear_error_for_every_command(tmp_path: Path, plugins: Plugins) -> None:
    database = tmp_path / "events.db"
    with EventStore(database) as store:
        for index in range(40):
            document = Document(f"d{index}", CHO_CALL + f" Case {index}.", dt.date(2026, 3, 3))
            store.add(_results(plugins, [document]))
    _damage_late_pages(database)
    (tmp_path / "a.txt").write_text(KIM_CALL, encoding="utf-8")
    output = tmp_path / "out.jsonl"

    results = [
        _invoke("events", "--store", str(database), "--output", str(output)),
        _invoke("timeline", "--store", str(database), "--output", str(tmp_path / "t.html")),
        _invoke("extract", str(tmp_path / "a.txt"), "--store", str(database)),
    ]

    for result in results:
        assert result.exit_code == 1, result.output
        assert "Traceback" not in result.output
        assert isinstance(result.exception, SystemExit)
        assert "malformed" in result.stderr
    assert not output.exists()


def test_closing_a_store_while_a_query_is_unfinished_is_harmless(database: Path) -> None:
    store = EventStore(database, read_only=True)
    engagements = store.iter_engagements()
    next(engagements)
    store.close()

    engagements.close()  # the snapshot's end meets a closed store


def test_a_writer_in_another_thread_is_not_held_up_by_an_open_query(
    database: Path, plugins: Plugins, engagements: list[Engagement]
) -> None:
    with EventStore(database, read_only=True) as reader:
        found = reader.iter_engagements()
        next(found)
        done = threading.Event()

        def write() -> None:
            _rewrite_later_documents(database, plugins)
            done.set()

        thread = threading.Thread(target=write)
        thread.start()
        thread.join(timeout=30)
        assert done.is_set()
        assert len(list(found)) == len(engagements) - 1
