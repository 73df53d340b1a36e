"""A run killed with SIGKILL mid-way resumes: the store ends exactly as after an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import alliancekit

pytest.importorskip("alliancekit.store")

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")

# More documents than one store batch (256), so that the first commits come well before the end.
DOCUMENTS = 700

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

_CONSOLE_SCRIPT = "import sys\nfrom alliancekit.cli import main\nsys.exit(main())\n"


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


def _command(tmp_path: Path, corpus: Path, database: Path) -> list[str]:
    script = tmp_path / "alliancekit-command"
    script.write_text(_CONSOLE_SCRIPT, encoding="utf-8")
    return [sys.executable, str(script), "extract", str(corpus), "--store", str(database)]


def _environment() -> dict[str, str]:
    source = str(Path(alliancekit.__file__).parent.parent)
    return {**os.environ, "PYTHONPATH": os.pathsep.join([source, os.environ.get("PYTHONPATH", "")])}


def _rows(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of the store's tables, sorted: what 'the same store' means here."""
    with sqlite3.connect(database) as db:
        return {
            table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in ("documents", "events", "actors", "engagements")
        }


def _stored_documents(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as db:
            return int(db.execute("SELECT COUNT(*) FROM documents").fetchone()[0])
    except sqlite3.Error:  # not created yet, or its schema not committed yet
        return 0


def test_a_run_killed_mid_way_resumes_to_exactly_the_events_of_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    _corpus(corpus)
    environment = _environment()

    whole = tmp_path / "whole.db"
    done = subprocess.run(
        _command(tmp_path, corpus, whole),
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr

    interrupted = tmp_path / "interrupted.db"
    process = subprocess.Popen(
        _command(tmp_path, corpus, interrupted),
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while _stored_documents(interrupted) == 0 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.01)
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.wait(timeout=60)
    killed_at = _stored_documents(interrupted)
    assert process.returncode == -signal.SIGKILL
    assert 0 < killed_at < DOCUMENTS, "the kill should land mid-run"

    resumed = subprocess.run(
        _command(tmp_path, corpus, interrupted),
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert resumed.returncode == 0, resumed.stderr
    assert f"{killed_at} unchanged" in resumed.stderr  # what was committed is not redone

    assert _rows(interrupted) == _rows(whole)
    assert len(_rows(whole)["events"]) == DOCUMENTS
