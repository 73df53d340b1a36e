"""Faulty plugins are isolated: raising, hanging, dying or malformed extractors and hooks.

Each failure is reported with the extractor's or plugin's name, the other
documents and the other parts of a combined extractor go on, and malformed
events never reach an output.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import sys
import time
import traceback
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.isolation import ExtractorTimeoutError, ExtractorWorker
from alliancekit.model import Document, Event, Evidence
from alliancekit.pipeline import DocumentResult, run
from alliancekit.plugins import ENTRY_POINT_GROUP, LOAD_ENV, PluginError, Plugins
from alliancekit.serialize import event_problems, loads_event
from helpers import meetings

# Long enough for a forked worker to start on a busy machine, short enough for a fast suite.
TIMEOUT = 0.5


class Good:
    """A meeting for every "A met B."."""

    name = "good"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return meetings(document)


class Fragile:
    """Like :class:`Good`, but misbehaves on a document holding a trigger word.

    ``CRASH`` raises, ``HANG`` sleeps, ``REGEX`` runs a catastrophic regular
    expression (which holds the GIL: no thread or signal can interrupt it),
    ``DIE`` ends the process, ``PICKLE`` returns what cannot be pickled.
    """

    name = "fragile"

    def extract(self, document: Document, context: ExtractionContext) -> list[Any]:
        text = document.text
        if "CRASH" in text:
            raise RuntimeError("fragile extractor crashed")
        if "HANG" in text:
            time.sleep(60)
        if "REGEX" in text:
            re.match(r"(a+)+$", "a" * 64 + "!")
        if "DIE" in text:
            os._exit(3)
        if "PICKLE" in text:
            return [lambda: None]
        return meetings(document)


class Malformed:
    """One good meeting, and every kind of malformed result around it."""

    name = "malformed"

    def extract(self, document: Document, context: ExtractionContext) -> list[Any]:
        [good] = meetings(document)
        span = good.evidence[0]
        sneaky = Event("call", "occurred", evidence=[span])
        object.__setattr__(sneaky, "topics", ("japan",))  # gets around the model's validator
        return [
            "a string",
            None,
            {"type": "meeting"},
            Event("meeting", "occurred", time="tomorrow", evidence=[span]),  # type: ignore[arg-type]
            Event("meeting", "occurred", evidence=[Evidence(0.0, 3.0, document.text[:3])]),  # type: ignore[arg-type]
            Event("meeting", "occurred", evidence=[Evidence(0, 3, "xyz")]),
            Event("meeting", "occurred"),
            Event("meeting", "occurred", evidence=[span], document_id="another-document"),
            Event("meeting", "occurred", evidence=[span], cameo="forty"),
            sneaky,
            good,
        ]


class FaultyPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        for factory in (Good, Fragile, Malformed):
            register(factory.name, factory)
        register("renamed", Good)  # registered under another name than its own


@pytest.fixture
def faulty(install_plugins: Callable[..., Plugins]) -> Plugins:
    return install_plugins(FaultyPlugin())


def _docs(*texts: str) -> list[Document]:
    return [Document(f"d{number}", text) for number, text in enumerate(texts, start=1)]


def _names(result: DocumentResult) -> list[str]:
    return sorted(p.actor.name for event in result.events for p in event.participants)


# --------------------------------------------------------------------------- extractors that fail


@pytest.mark.parametrize("timeout", [None, TIMEOUT], ids=["in-process", "worker"])
def test_an_extractor_that_raises_fails_its_document_by_name_and_the_batch_goes_on(
    faulty: Plugins, timeout: float | None
) -> None:
    results = list(run(_docs("CRASH", "Abe met Lee."), extractor="fragile", plugins=faulty, timeout=timeout))
    assert results[0].error == "fragile: RuntimeError: fragile extractor crashed"
    assert results[0].events == []
    assert results[1].ok
    assert _names(results[1]) == ["Abe", "Lee"]


def test_an_extractor_that_hangs_is_stopped_after_the_timeout_and_the_batch_goes_on(faulty: Plugins) -> None:
    documents = _docs("HANG", "REGEX", "Abe met Lee.")
    results = list(run(documents, extractor="fragile", plugins=faulty, timeout=TIMEOUT))

    for result in results[:2]:
        assert result.error is not None
        assert result.error.startswith(
            f"fragile: timed out after {TIMEOUT:g} s on document '{result.document.id}'"
        )
        assert result.events == []
    assert results[2].ok
    assert _names(results[2]) == ["Abe", "Lee"]


def test_a_worker_that_dies_fails_its_document_and_a_fresh_worker_takes_the_next(faulty: Plugins) -> None:
    results = list(run(_docs("DIE", "Abe met Lee."), extractor="fragile", plugins=faulty, timeout=TIMEOUT))
    assert results[0].error == "fragile: the worker process died (exit code 3) on document 'd1'"
    assert _names(results[1]) == ["Abe", "Lee"]


def test_results_that_cannot_leave_the_worker_fail_the_document(faulty: Plugins) -> None:
    [result] = run(_docs("PICKLE"), extractor="fragile", plugins=faulty, timeout=TIMEOUT)
    assert result.error is not None
    assert result.error.startswith("fragile: its results cannot be passed on:")


def test_the_worker_raises_a_timeout_naming_the_extractor_and_the_document(faulty: Plugins) -> None:
    with ExtractorWorker(faulty, TIMEOUT) as worker:
        with pytest.raises(ExtractorTimeoutError) as caught:
            worker.extract("fragile", Document("slow-one", "HANG"))
        assert [e.type.value for e in worker.extract("fragile", Document("d", "Abe met Lee."))] == ["meeting"]
    assert (caught.value.extractor, caught.value.document_id) == ("fragile", "slow-one")
    assert caught.value.characters == len("HANG")  # a long document may only need a longer limit
    assert "timed out" in str(caught.value)
    assert "on document 'slow-one' of 4 characters" in str(caught.value)


def test_the_worker_finds_an_extractor_by_its_registered_name(faulty: Plugins) -> None:
    [result] = run(_docs("Abe met Lee."), extractor="renamed+fragile", plugins=faulty, timeout=TIMEOUT)
    assert result.ok
    assert result.events[0].extractor == "good+fragile"


def test_the_worker_needs_a_positive_time_limit(faulty: Plugins) -> None:
    with pytest.raises(ValueError, match="positive"):
        ExtractorWorker(faulty, 0)


# --------------------------------------------------------------------------- malformed events


@pytest.mark.parametrize("timeout", [None, TIMEOUT], ids=["in-process", "worker"])
def test_malformed_results_are_rejected_with_reasons_and_only_the_valid_event_is_kept(
    faulty: Plugins, timeout: float | None
) -> None:
    [result] = run(_docs("Abe met Lee."), extractor="malformed", plugins=faulty, timeout=timeout)

    assert result.error is None
    assert [event_problems(event) for event in result.events] == [[]]
    assert _names(result) == ["Abe", "Lee"]
    reasons = "\n".join(result.rejected)
    assert len(result.rejected) == 10
    for expected in [
        "result 0 is not a valid event: a str, not an Event",
        "result 1 is not a valid event: a NoneType, not an Event",
        "result 2 is not a valid event: a dict, not an Event",
        "result 3 is not a valid event: does not serialize",
        "result 4 is not a valid event: at evidence/0/start: 0.0 is not of type integer",
        "event 5 (meeting) has evidence that does not match the text",
        "event 6 (meeting) has evidence that does not match the text",
        "event 7 (meeting) names document 'another-document', not 'd1'",
        "result 8 is not a valid event: at cameo: 'forty' does not match",
        "result 9 is not a valid event: at topics/0: 'japan' does not match",
    ]:
        assert f"malformed: {expected}" in reasons


# --------------------------------------------------------------------------- combined extractors


def test_a_failing_part_of_a_combined_extractor_keeps_the_other_parts_events(faulty: Plugins) -> None:
    [result] = run(_docs("CRASH. Abe met Lee."), extractor="good+fragile", plugins=faulty)
    assert result.error == "fragile: RuntimeError: fragile extractor crashed"
    assert _names(result) == ["Abe", "Lee"]
    assert {event.extractor for event in result.events} == {"good"}


def test_a_hanging_part_of_a_combined_extractor_times_out_alone(faulty: Plugins) -> None:
    [result] = run(_docs("HANG. Abe met Lee."), extractor="fragile+good", plugins=faulty, timeout=TIMEOUT)
    assert result.error is not None
    assert result.error.startswith("fragile: timed out")
    assert _names(result) == ["Abe", "Lee"]


def test_combined_parts_that_work_are_merged_as_before(faulty: Plugins) -> None:
    [result] = run(_docs("Abe met Lee."), extractor="good+malformed", plugins=faulty)
    assert len(result.events) == 1
    assert result.events[0].extractor == "good+malformed"
    assert all(reason.startswith("malformed: ") for reason in result.rejected)


# --------------------------------------------------------------------------- processing hooks


class RaisingPreprocessor:
    @hookimpl
    def preprocess_document(self, document: Document) -> Document | None:
        if "BAD" in document.text:
            raise ValueError("cannot clean this")
        return None


class WrongPreprocessor:
    @hookimpl
    def preprocess_document(self, document: Document) -> Any:
        return document.text if "WRONG" in document.text else None


class JunkPostprocessor:
    @hookimpl
    def postprocess_events(self, document: Document, events: list[Event]) -> Any:
        if "JUNK" in document.text:
            return [*events, "junk", attrs.evolve(events[0], evidence=[Evidence(0, 1, "?")])]
        if "STRING" in document.text:
            return "not a list"
        return None


def test_a_raising_preprocessor_fails_its_document_naming_the_plugin(
    install_plugins: Callable[..., Plugins],
) -> None:
    plugins = install_plugins(FaultyPlugin(), RaisingPreprocessor())
    results = list(run(_docs("BAD", "Abe met Lee."), extractor="good", plugins=plugins))
    assert results[0].error == (
        "plugin 'RaisingPreprocessor' (preprocess_document): ValueError: cannot clean this"
    )
    assert _names(results[1]) == ["Abe", "Lee"]


def test_a_preprocessor_returning_something_else_than_a_document_is_an_error(
    install_plugins: Callable[..., Plugins],
) -> None:
    plugins = install_plugins(FaultyPlugin(), WrongPreprocessor())
    [result] = run(_docs("WRONG"), extractor="good", plugins=plugins)
    assert result.error == "plugin 'WrongPreprocessor' (preprocess_document): returned a str, not a Document"


def test_malformed_events_from_a_postprocessor_are_rejected_too(
    install_plugins: Callable[..., Plugins],
) -> None:
    plugins = install_plugins(FaultyPlugin(), JunkPostprocessor())
    [junk] = run(_docs("JUNK: Abe met Lee."), extractor="good", plugins=plugins)
    assert len(junk.events) == 1
    assert [reason.split(":")[0] for reason in junk.rejected] == ["postprocess_events"] * 2

    [string] = run(_docs("STRING: Abe met Lee."), extractor="good", plugins=plugins)
    assert string.error == (
        "plugin 'JunkPostprocessor' (postprocess_events): returned a str, not a list of events"
    )
    assert _names(string) == ["Abe", "Lee"]  # the extractor's events, unprocessed


def test_plugin_error_names_the_plugin_and_the_hook() -> None:
    error = PluginError("tidy", "postprocess_events", "KeyError: 'x'")
    assert (error.plugin, error.hook) == ("tidy", "postprocess_events")


# --------------------------------------------------------------------------- plugins that fail to load


class RaisingRegistration:
    @hookimpl
    def register_formats(self, register: Callable[..., None]) -> None:
        raise RuntimeError("no formats today")


@pytest.fixture
def broken_entry_point(monkeypatch: pytest.MonkeyPatch) -> None:
    """An installed plugin ``broken`` whose module raises on import, beside a working ``fine``."""
    fine = types.ModuleType("alliancekit_fake_fine")

    @hookimpl
    def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
        register("good", Good)

    fine.register_extractors = register_extractors  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "alliancekit_fake_fine", fine)
    points = [
        importlib.metadata.EntryPoint("broken", "alliancekit_fake_missing_module", ENTRY_POINT_GROUP),
        importlib.metadata.EntryPoint("fine", "alliancekit_fake_fine", ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: points)
    monkeypatch.delenv(LOAD_ENV, raising=False)


@pytest.mark.usefixtures("broken_entry_point")
def test_a_plugin_that_fails_to_import_is_recorded_and_the_others_load() -> None:
    plugins = Plugins.create(extra=[RaisingRegistration()])
    assert "good" in plugins.extractor_names()
    assert plugins.load_errors["broken"].startswith("cannot be loaded: ModuleNotFoundError")
    assert plugins.load_errors["RaisingRegistration"] == (
        "register_formats raised RuntimeError: no formats today"
    )
    assert "jsonl" in plugins.format_names()


@pytest.mark.usefixtures("broken_entry_point")
def test_cli_warns_about_a_plugin_that_failed_to_load_and_goes_on(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Abe met Lee.", encoding="utf-8")
    from alliancekit.plugins import reset_plugins

    reset_plugins()
    try:
        result = invoke("extract", article, "--extractor", "good")
        listing = invoke("plugins", "--json")
    finally:
        reset_plugins()
    assert result.exit_code == 0, result.output
    assert "warning: plugin 'broken' cannot be loaded: ModuleNotFoundError" in result.stderr
    assert len(result.stdout.splitlines()) == 1
    assert "broken" in json.loads(listing.stdout)["not_loaded"]


# --------------------------------------------------------------------------- the command line


def invoke(*args: str | Path | float) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture
def hostile_corpus(tmp_path: Path) -> Path:
    lines = [
        {"id": "hangs", "text": "HANG"},
        {"id": "crashes", "text": "CRASH"},
        {"id": "fine", "text": "Abe met Lee. Kishida met Biden."},
    ]
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return corpus


@pytest.mark.usefixtures("faulty")
def test_cli_timeout_stops_a_hanging_extractor_reports_it_and_writes_the_rest(hostile_corpus: Path) -> None:
    result = invoke("extract", hostile_corpus, "--extractor", "fragile", "--timeout", TIMEOUT)

    assert result.exit_code == 1
    assert [loads_event(line).document_id for line in result.stdout.splitlines()] == ["fine", "fine"]
    assert re.search(r"^error: document hangs: fragile: timed out after 0\.5 s", result.stderr, re.MULTILINE)
    assert "error: document crashes: fragile: RuntimeError: fragile extractor crashed" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "documents read: 3, failed: 2, events written: 2"


@pytest.mark.usefixtures("faulty")
def test_cli_never_writes_malformed_events(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Abe met Lee.", encoding="utf-8")
    result = invoke("extract", article, "--extractor", "malformed")
    assert result.exit_code == 1
    [line] = result.stdout.splitlines()
    assert event_problems(loads_event(line)) == []
    assert result.stderr.count("rejected event: malformed:") == 10


def test_cli_timeout_must_not_be_negative() -> None:
    assert invoke("extract", "x.txt", "--timeout", "-1").exit_code == 2


def test_worker_output_is_not_written_twice_when_stdout_is_buffered(
    faulty: Plugins, capfd: pytest.CaptureFixture[str]
) -> None:
    # A forked worker flushes its copy of sys.stdout when it ends: the parent empties it first.
    sys.stdout.write("written once")
    list(run(_docs("HANG", "DIE"), extractor="fragile", plugins=faulty, timeout=TIMEOUT))
    sys.stdout.flush()
    assert capfd.readouterr().out.count("written once") == 1


# --------------------------------------------------------------------------- the library and the store


def test_extract_raises_when_the_extractor_times_out(faulty: Plugins) -> None:
    from alliancekit.pipeline import extract

    with pytest.raises(RuntimeError, match="fragile: timed out"):
        extract("HANG", extractor="fragile", plugins=faulty, timeout=TIMEOUT)


def test_parallel_jobs_time_out_per_document_too(faulty: Plugins) -> None:
    from alliancekit.parallel import run_parallel

    documents = _docs("Abe met Lee.", "HANG", "Kim met Moon.")
    results = list(run_parallel(documents, extractor="fragile", jobs=2, chunksize=1, timeout=TIMEOUT))
    assert [result.document.id for result in results] == ["d1", "d2", "d3"]
    assert results[1].error is not None
    assert "timed out" in results[1].error
    assert [_names(results[0]), _names(results[2])] == [["Abe", "Lee"], ["Kim", "Moon"]]


@pytest.mark.usefixtures("faulty")
def test_malformed_events_never_reach_the_store(tmp_path: Path) -> None:
    from alliancekit.store import EventStore

    article = tmp_path / "a.txt"
    article.write_text("Abe met Lee.", encoding="utf-8")
    database = tmp_path / "events.db"
    result = invoke("extract", article, "--extractor", "malformed", "--store", database)
    assert result.exit_code == 1
    with EventStore(database) as store:
        assert store.counts()["events"] == 1
        [engagement] = store.query()
    assert all(event_problems(event) == [] for event in engagement.events)


@attrs.frozen
class Treacherous(Event):
    """An event whose checking method raises."""

    def evidence_matches(self, text: str) -> bool:
        raise RuntimeError("gotcha")


def test_checking_never_raises_even_on_an_event_subclass_that_does() -> None:
    from alliancekit.pipeline import check_events

    document = Document("d1", "Abe met Lee.")
    span = Evidence.from_text(document.text, 0, 3)
    kept, rejected = check_events(document, [Treacherous("meeting", "occurred", evidence=[span])], "sly")
    assert kept == []
    assert rejected == ["sly: result 0 cannot be checked: RuntimeError: gotcha"]


# --------------------------------------------------------------------------- the extractor's own traceback


def _nested_lookup(document: Document) -> list[Event]:
    return {"known": []}[document.text]


class LookupFailing:
    """Raises a KeyError from a helper function, as a buggy plugin would."""

    name = "lookup"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return _nested_lookup(document)


class LookupPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("lookup", LookupFailing)


def test_extract_chains_the_extractors_own_exception() -> None:
    from alliancekit.pipeline import extract

    plugins = Plugins.create(load_entrypoints=False, extra=[LookupPlugin()])

    with pytest.raises(RuntimeError, match=r"^lookup: KeyError: 'Abe met Lee\.'$") as caught:
        extract("Abe met Lee.", extractor="lookup", plugins=plugins)

    assert isinstance(caught.value.__cause__, KeyError)
    assert "_nested_lookup" in "".join(traceback.format_exception(caught.value))


def test_an_extractor_failing_in_a_worker_process_shows_the_workers_traceback() -> None:
    from alliancekit.isolation import RemoteError
    from alliancekit.pipeline import extract

    plugins = Plugins.create(load_entrypoints=False, extra=[LookupPlugin()])

    with pytest.raises(RuntimeError, match=r"KeyError") as caught:
        extract("Abe met Lee.", extractor="lookup", plugins=plugins, timeout=30)

    remote = caught.value.__cause__.__cause__
    assert isinstance(remote, RemoteError)
    assert 'return {"known": []}[document.text]' in str(remote)
    assert 'return {"known": []}[document.text]' in "".join(traceback.format_exception(caught.value))


@pytest.mark.parametrize("timeout", [None, 30])
def test_a_failed_result_carries_the_traceback_and_pickles_without_the_exception(
    timeout: float | None,
) -> None:
    import pickle

    plugins = Plugins.create(load_entrypoints=False, extra=[LookupPlugin()])

    [result] = run([Document("d1", "Abe met Lee.")], extractor="lookup", plugins=plugins, timeout=timeout)
    copy = pickle.loads(pickle.dumps(result))

    assert "in _nested_lookup" in (result.traceback or "")
    assert (copy.error, copy.traceback, copy.exception) == (result.error, result.traceback, None)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_traceback_option_prints_the_extractors_stack_after_its_error(
    install_plugins: Callable[..., Plugins], tmp_path: Path, jobs: str
) -> None:
    install_plugins(LookupPlugin())
    article = tmp_path / "a.txt"
    article.write_text("Abe met Lee.", encoding="utf-8")
    arguments = ["extract", str(article), "--extractor", "lookup", "--jobs", jobs]

    plain = CliRunner().invoke(main, arguments)
    traced = CliRunner().invoke(main, ["--traceback", *arguments])

    assert plain.exit_code == traced.exit_code == 1
    assert "Traceback" not in plain.stderr
    error_line = "error: document a: lookup: KeyError: 'Abe met Lee.'"
    assert error_line in plain.stderr
    after = traced.stderr.split(error_line, 1)[1]
    assert after.lstrip("\n").startswith("Traceback (most recent call last):")
    assert "in _nested_lookup" in after
