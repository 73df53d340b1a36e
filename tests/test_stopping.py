"""Stopping a run: worker processes end with their parent, and Ctrl-C or SIGTERM end with the summary.

Each test starts the command (or run_parallel) in a process of its own, with
an installed plugin whose extractor signs in (writes its process id to a
folder) and then sleeps; once the workers have signed in, the parent is
stopped, and the test waits for what must follow. Nothing is timed: the
waits only keep a broken run from hanging the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from alliancekit.plugins import BLOCK_ENV, LOAD_ENV
from helpers import command_environment, console_script

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc (Linux)")

_SLOW_PLUGIN = """\
import os
import pathlib
import time

from alliancekit.hookspecs import hookimpl

SIGN_IN = pathlib.Path(os.environ["SIGN_IN"])


class Slow:
    name = "slow"

    def extract(self, document, context):
        (SIGN_IN / str(os.getpid())).write_text(str(os.getppid()))
        time.sleep(600)
        return []


@hookimpl
def register_extractors(register):
    register("slow", Slow)
"""

_RUN_PARALLEL = """\
from alliancekit.model import Document
from alliancekit.parallel import run_parallel

documents = (Document(str(n), "Abe met Lee.") for n in range(100))
for _ in run_parallel(documents, extractor="slow", jobs=2, chunksize=1):
    pass
"""

_WAIT = 120.0  # seconds: a safety net against a broken run, far above what any step takes


def _running(pid: int) -> bool:
    """Whether a process exists and is not a zombie waiting to be reaped."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _wait_for(condition: object, what: str) -> None:
    deadline = time.monotonic() + _WAIT
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


@pytest.fixture
def slow_plugin(tmp_path: Path) -> tuple[dict[str, str], Path]:
    """An environment where the installed plugin ``slow`` loads, and the folder its workers sign in to."""
    site = tmp_path / "site"
    dist_info = site / "slowdist-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: slowdist\nVersion: 1.0\n", "utf-8")
    (dist_info / "entry_points.txt").write_text("[alliancekit]\nslow = alliancekit_slow\n", "utf-8")
    (site / "alliancekit_slow.py").write_text(_SLOW_PLUGIN, encoding="utf-8")
    sign_in = tmp_path / "signed-in"
    sign_in.mkdir()
    environment = command_environment(site, drop=(LOAD_ENV, BLOCK_ENV))
    environment["SIGN_IN"] = str(sign_in)
    return environment, sign_in


def _signed_in(sign_in: Path, count: int) -> dict[int, int]:
    """The extracting processes that signed in, with their parents; once ``count`` have."""
    _wait_for(lambda: len(list(sign_in.iterdir())) >= count, f"{count} workers to start extracting")
    return {int(path.name): int(path.read_text() or 0) for path in sign_in.iterdir()}


def _start(arguments: list[str | Path], environment: dict[str, str], cwd: Path) -> subprocess.Popen[bytes]:
    """Start a process; its standard error goes to ``stderr.txt`` in ``cwd``.

    Not to a pipe: workers left running would hold it open, and reading it would never end.
    """
    with (cwd / "stderr.txt").open("wb") as stderr:
        return subprocess.Popen(
            [sys.executable, *map(str, arguments)],
            env=environment,
            cwd=cwd,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            start_new_session=True,  # a process group of its own, as a terminal gives a command
            # Ctrl-C as a terminal delivers it: a test run started in the background (where the
            # shell ignores SIGINT, and children inherit that) must not make the command deaf to it.
            preexec_fn=_hear_interrupts,
        )


def _hear_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _corpus(folder: Path) -> Path:
    corpus = folder / "corpus.jsonl"
    lines = [json.dumps({"id": f"d{n}", "text": "Abe met Lee in Tokyo."}) for n in range(40)]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return corpus


@pytest.mark.parametrize("timeout", ["0", "60"])
def test_workers_end_when_their_parent_is_killed(
    slow_plugin: tuple[dict[str, str], Path], tmp_path: Path, timeout: str
) -> None:
    environment, sign_in = slow_plugin
    script = console_script(tmp_path / "bin")
    corpus = _corpus(tmp_path)
    arguments: list[str | Path] = [
        script,
        "extract",
        corpus,
        "-e",
        "slow",
        "--jobs",
        "2",
        "--timeout",
        timeout,
    ]

    parent = _start(arguments, environment, tmp_path)
    try:
        signed = _signed_in(sign_in, 2)
    finally:
        parent.kill()
        parent.wait(_WAIT)

    # The extracting processes (pool workers, or with a timeout their own extractor processes) and
    # the processes they belong to: all end with the parent.
    stragglers = {pid for pair in signed.items() for pid in pair if pid != parent.pid}
    _wait_for(lambda: not any(_running(pid) for pid in stragglers), "the workers to end")


def test_run_parallel_workers_end_when_the_calling_process_is_killed(
    slow_plugin: tuple[dict[str, str], Path], tmp_path: Path
) -> None:
    environment, sign_in = slow_plugin

    caller = _start(["-c", _RUN_PARALLEL], environment, tmp_path)
    try:
        signed = _signed_in(sign_in, 2)
    finally:
        caller.kill()
        caller.wait(_WAIT)

    _wait_for(lambda: not any(_running(pid) for pid in signed), "the workers to end")


@pytest.mark.parametrize(
    ("stop", "status"),
    [
        (lambda process: os.killpg(process.pid, signal.SIGINT), 128 + signal.SIGINT),  # Ctrl-C
        (lambda process: process.terminate(), 128 + signal.SIGTERM),
    ],
    ids=["ctrl-c", "sigterm"],
)
def test_a_stopped_jobs_run_ends_with_its_summary_and_no_worker_traceback(
    slow_plugin: tuple[dict[str, str], Path], tmp_path: Path, stop: object, status: int
) -> None:
    environment, sign_in = slow_plugin
    script = console_script(tmp_path / "bin")
    corpus = _corpus(tmp_path)
    output = tmp_path / "events.jsonl"
    output.write_text("the previous run's events\n", encoding="utf-8")
    arguments: list[str | Path] = [
        script,
        *("extract", corpus, "-e", "slow", "--jobs", "2", "--store", tmp_path / "events.db", "-o", output),
    ]

    process = _start(arguments, environment, tmp_path)
    try:
        signed = _signed_in(sign_in, 2)
        stop(process)  # type: ignore[operator]
        process.wait(_WAIT)
    finally:
        process.kill()
        process.wait(_WAIT)
    stderr = (tmp_path / "stderr.txt").read_text(encoding="utf-8")

    assert process.returncode == status
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert (
        lines[-3]
        == f"interrupted: the run was stopped before the end of its inputs; {output} was left as it was"
    )
    assert lines[-2].startswith("stored: 0 new documents")
    assert lines[-1].startswith("documents read: ")
    assert output.read_text(encoding="utf-8") == "the previous run's events\n"
    assert [path.name for path in tmp_path.iterdir() if path.name.startswith(".events")] == []
    _wait_for(lambda: not any(_running(pid) for pair in signed.items() for pid in pair), "the workers to end")
