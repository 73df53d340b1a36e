"""A run killed with SIGKILL mid-way resumes: the store ends exactly as after an uninterrupted run."""

from __future__ import annotations

import inspect
import json
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from alliancekit.serialize import dumps_event
from alliancekit.store import EventStore
from helpers import command_environment, console_script, run_python

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# The documents the command commits at a time (the store's default batch).
BATCH = inspect.signature(EventStore.add_batches).parameters["batch_size"].default
# More documents than two batches, so that the first commit comes well before the end.
DOCUMENTS = 2 * BATCH + BATCH // 2

_PEOPLE = [
    "Foreign Minister Toshimitsu Motegi",
    "Secretary of State Marco Rubio",
    "Defense Minister Gen Nakatani",
    "Secretary of Defense Pete Hegseth",
    "Foreign Minister Cho Hyun",
    "Foreign Minister Penny Wong",
]
_VERBS = ["met", "spoke by phone with", "held talks with"]
_PLACES = ["Tokyo", "Washington", "Seoul", "Canberra"]

# The command's environment. No third-party plugin (the tests' setting): installed ones must not count.
_ENVIRONMENT = command_environment()


def _corpus(path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for n in range(DOCUMENTS):
            first, second = _PEOPLE[n % 6], _PEOPLE[(n * 5 + 1) % 6]
            if first == second:
                second = _PEOPLE[(n + 3) % 6]
            text = (
                f"{first} {_VERBS[n % 3]} {second} in {_PLACES[n % 4]} on Monday, officials said. "
                "The two discussed North Korea and China."
            )
            published = f"2026-{1 + n % 12:02d}-{10 + n % 18:02d}"
            stream.write(json.dumps({"id": f"doc-{n:04d}", "text": text, "published": published}) + "\n")


def _rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store's tables, sorted: what 'the same store' means here."""
    with sqlite3.connect(database) as db:
        return {
            table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("documents", "events", "actors", "engagements")
        }


def _counts(database: Path) -> tuple[int, int]:
    """How many documents and events the store holds; ``(0, 0)`` before it has any."""
    if not database.exists():
        return 0, 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            documents = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            events = db.execute("SELECT COUNT(*) FROM events").fetchone()[0]
    except sqlite3.Error:  # not created yet, or its schema not committed yet
        return 0, 0
    return int(documents), int(events)


def _stored_events(database: Path) -> Counter[str]:
    """Every event the store gives back, as its JSON line, with how often it is given."""
    with EventStore(database) as store:
        return Counter(dumps_event(event) for event in store.query().events())


def _kill_after_the_first_commit(command: list[str], database: Path, environment: dict[str, str]) -> None:
    """Start ``command`` and SIGKILL it once the store holds some documents: mid-run, not after it."""
    process = subprocess.Popen(command, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        # Polled, not slept: the kill follows the first commit on a fast machine and a slow one alike.
        deadline = time.monotonic() + 240
        while _counts(database)[0] == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        process.send_signal(signal.SIGKILL)  # a no-op when the run has ended: then it was not killed
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"


@pytest.fixture(scope="module")
def uninterrupted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The corpus, and the store one uninterrupted run of the command makes of it."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    corpus = folder / "corpus.jsonl"
    _corpus(corpus)
    whole = folder / "whole.db"
    done = run_python(
        console_script(folder / "bin"), "extract", corpus, "--store", whole, environment=_ENVIRONMENT
    )
    assert done.returncode == 0, done.stderr
    assert _counts(whole) == (DOCUMENTS, DOCUMENTS)
    return corpus, whole


def _check_resumes_to(whole: Path, interrupted: Path, corpus: Path, script: Path) -> None:
    """``interrupted`` holds whole batches; one more run makes it ``whole``, redoing nothing committed."""
    killed_documents, killed_events = _counts(interrupted)
    assert 0 < killed_documents < DOCUMENTS, "the kill should land mid-run"
    assert killed_documents % BATCH == 0, "a batch is committed whole or not at all"
    # Whole documents only: each of these holds one event, and none is stored without it.
    assert killed_events == killed_documents
    with sqlite3.connect(interrupted) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)

    resumed = run_python(script, "extract", corpus, "--store", interrupted, environment=_ENVIRONMENT)
    assert resumed.returncode == 0, resumed.stderr
    # What was committed before the kill is recognised, not redone.
    new = DOCUMENTS - killed_documents
    assert f"stored: {new} new documents, 0 replaced, {killed_documents} unchanged" in resumed.stderr

    assert _rows(interrupted) == _rows(whole)
    events = _stored_events(interrupted)
    assert events == _stored_events(whole)
    assert sum(events.values()) == len(events) == DOCUMENTS  # none lost, none twice


def test_a_run_killed_mid_way_resumes_to_exactly_the_events_of_an_uninterrupted_run(
    tmp_path: Path, uninterrupted: tuple[Path, Path]
) -> None:
    corpus, whole = uninterrupted
    script = console_script(tmp_path / "bin")
    interrupted = tmp_path / "interrupted.db"
    command = [sys.executable, str(script), "extract", str(corpus), "--store", str(interrupted)]

    _kill_after_the_first_commit(command, interrupted, _ENVIRONMENT)

    _check_resumes_to(whole, interrupted, corpus, script)


# The command, killed by SIGKILL in the middle of writing a batch: rows inserted, not committed.
_DIES_WRITING = f"""\
import os
import signal
import sys

from alliancekit.cli import main
from alliancekit.store import EventStore

add_document = EventStore._add_document
added = 0


def add_then_die(*arguments, **keywords):
    global added
    blocks = add_document(*arguments, **keywords)
    added += 1
    if added == {BATCH} + 10:
        os.kill(os.getpid(), signal.SIGKILL)
    return blocks


EventStore._add_document = add_then_die
sys.exit(main(sys.argv[1:]))
"""


def test_a_run_killed_while_it_writes_a_batch_leaves_only_whole_batches_and_resumes(
    tmp_path: Path, uninterrupted: tuple[Path, Path]
) -> None:
    corpus, whole = uninterrupted
    dying = tmp_path / "dies-writing.py"
    dying.write_text(_DIES_WRITING, encoding="utf-8")
    interrupted = tmp_path / "interrupted.db"

    killed = run_python(dying, "extract", corpus, "--store", interrupted, environment=_ENVIRONMENT)

    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert _counts(interrupted) == (BATCH, BATCH)  # the batch being written is rolled back
    _check_resumes_to(whole, interrupted, corpus, console_script(tmp_path / "bin"))
