"""The command line: extract, evaluate, schema, plugins, with a stub extractor plugin."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TextIO

import pytest
from click.testing import CliRunner, Result

from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.io.writers import Writer
from alliancekit.model import Document, Event, Evidence, TimeSpan
from alliancekit.plugins import Plugins
from alliancekit.serialize import EVENT_SCHEMA, loads_event
from helpers import meetings

pytest.importorskip("alliancekit.temporal")

from alliancekit import __version__
from alliancekit.cli import main


class StubExtractor:
    """A meeting for every "A met B."; its time is the publication date.

    Raises on a document containing ``CRASH``; adds an event whose evidence
    does not match the text to a document containing ``MISMATCH``.
    """

    name = "stub"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        if "CRASH" in document.text:
            raise RuntimeError("stub extractor crashed")
        time = TimeSpan.day(document.published) if document.published else None
        events = meetings(document, time=time)
        if "MISMATCH" in document.text:
            events.append(Event("call", "occurred", evidence=[Evidence(0, 3, "xyz")]))
        return events


def write_count(events: Iterable[Event], stream: TextIO) -> int:
    """A plugin format: only the number of events."""
    count = sum(1 for _ in events)
    stream.write(f"{count} events\n")
    return count


class StubPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("stub", StubExtractor)

    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        register("count", write_count)


@pytest.fixture(autouse=True)
def stub_plugins(install_plugins: Callable[..., Plugins]) -> Plugins:
    return install_plugins(StubPlugin())


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


def _summary(result: Result) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """Good and bad inputs: 4 documents read, 4 failures, 4 events."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text("Abe met Trump.\nMotegi met Rubio.\n", encoding="utf-8")
    (folder / "good.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    lines = [
        json.dumps({"id": "line-doc", "text": "Kishida met Biden."}),
        '{"id": "broken", ',
        json.dumps({"id": "crash-doc", "text": "CRASH"}),
        json.dumps({"id": "mismatch-doc", "text": "MISMATCH. Lee met Ishiba."}),
    ]
    (folder / "stream.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def clean_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "clean"
    folder.mkdir()
    (folder / "a.txt").write_text("Abe met Trump.", encoding="utf-8")
    (folder / "b.txt").write_text("Motegi met Rubio.", encoding="utf-8")
    (folder / "b.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    return folder


# --------------------------------------------------------------------------- extract


def test_extract_writes_good_events_and_reports_every_failure(corpus: Path) -> None:
    result = invoke("extract", corpus, "--extractor", "stub")

    assert result.exit_code == 1
    events = [loads_event(line) for line in result.stdout.splitlines()]
    assert sorted(p.actor.name for event in events for p in event.participants) == sorted(
        ["Abe", "Trump", "Motegi", "Rubio", "Kishida", "Biden", "Lee", "Ishiba"]
    )
    assert {event.document_id for event in events} == {"good", "line-doc", "mismatch-doc"}
    stderr = result.stderr
    assert re.search(r"^error: .*empty\.txt: empty file$", stderr, re.MULTILINE)
    assert re.search(r"^error: .*stream\.jsonl:2: not valid JSON", stderr, re.MULTILINE)
    assert re.search(r"^error: document crash-doc: .*stub extractor crashed", stderr, re.MULTILINE)
    assert re.search(r"^error: document mismatch-doc: rejected event: .*does not match", stderr, re.MULTILINE)
    assert _summary(result) == "documents read: 4, failed: 4, events written: 4"


def test_extract_exits_zero_when_everything_went_well(clean_corpus: Path) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub")
    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 2
    assert result.stderr.strip() == "documents read: 2, failed: 0, events written: 2"


def test_extract_reports_a_missing_path_and_goes_on(clean_corpus: Path) -> None:
    result = invoke("extract", clean_corpus / "nope.txt", clean_corpus, "--extractor", "stub")
    assert result.exit_code == 1
    assert "nope.txt: no such file or directory" in result.stderr
    assert _summary(result) == "documents read: 2, failed: 1, events written: 2"


def test_extract_published_is_the_default_date_for_documents_without_one(clean_corpus: Path) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--published", "2025-05-01")
    assert result.exit_code == 0, result.output
    times = {loads_event(line).document_id: loads_event(line).time for line in result.stdout.splitlines()}
    assert times["a"] == TimeSpan.day(dt.date(2025, 5, 1))
    assert times["b"] == TimeSpan.day(dt.date(2026, 1, 13))  # the sidecar's own date


@pytest.mark.parametrize("bad", ["13/01/2026", "2026-02-30", "yesterday"])
def test_extract_rejects_a_bad_published_date_as_a_usage_error(clean_corpus: Path, bad: str) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--published", bad)
    assert result.exit_code == 2
    assert "--published" in result.stderr
    assert result.stdout == ""


def test_extract_csv_format_writes_a_header_and_one_row_per_event(corpus: Path) -> None:
    result = invoke("extract", corpus, "--extractor", "stub", "--format", "csv")
    assert result.exit_code == 1
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 4
    assert {row["document_id"] for row in rows} == {"good", "line-doc", "mismatch-doc"}


@pytest.mark.parametrize("output_format", ["json", "table"])
def test_extract_json_and_table_formats_hold_every_event(clean_corpus: Path, output_format: str) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--format", output_format)
    assert result.exit_code == 0, result.output
    if output_format == "json":
        assert len(json.loads(result.stdout)) == 2
    else:
        assert len(result.stdout.splitlines()) == 3


def test_extract_accepts_a_format_registered_by_a_plugin(clean_corpus: Path) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--format", "count")
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 events\n"


def test_extract_output_option_writes_to_the_file_not_stdout(corpus: Path, tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    result = invoke("extract", corpus, "--extractor", "stub", "--output", target)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert len([loads_event(line) for line in target.read_text(encoding="utf-8").splitlines()]) == 4
    assert _summary(result) == "documents read: 4, failed: 4, events written: 4"


def test_extract_fail_fast_stops_at_the_first_failure(corpus: Path) -> None:
    result = invoke("extract", corpus, "--extractor", "stub", "--fail-fast")
    assert result.exit_code == 1
    assert _summary(result) == "documents read: 0, failed: 1, events written: 0"  # empty.txt comes first


@pytest.mark.parametrize(("option", "value"), [("--format", "xml"), ("--extractor", "nonesuch")])
def test_extract_unknown_format_or_extractor_is_a_usage_error_naming_the_installed(
    clean_corpus: Path, option: str, value: str
) -> None:
    result = invoke("extract", clean_corpus, option, value)
    assert result.exit_code == 2
    assert value in result.stderr
    assert "installed:" in result.stderr


def test_extract_needs_at_least_one_path() -> None:
    assert invoke("extract").exit_code == 2


# --------------------------------------------------------------------------- evaluate


def _gold(document_id: str, published: str | None, events: list[dict[str, object]]) -> str:
    return json.dumps({"document": {"id": document_id, "published": published}, "events": events})


def _meeting(a: str, b: str, time: Mapping[str, object] | None) -> dict[str, object]:
    people = [{"name": a, "role": "participant"}, {"name": b, "role": "participant"}]
    return {"type": "meeting", "status": "occurred", "participants": people, "time": time, "location": None}


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    """Two documents whose sidecar dates differ from the gold's, and one bad gold file."""
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "one.txt").write_text("Abe met Trump.", encoding="utf-8")
    (folder / "one.meta.json").write_text('{"published": "2020-01-01"}', encoding="utf-8")
    day = {"start": "2026-01-13", "end": "2026-01-13"}
    (folder / "one.gold.json").write_text(_gold("one", "2026-01-13", [_meeting("Abe", "Trump", day)]))
    (folder / "two.txt").write_text("Motegi met Rubio.", encoding="utf-8")
    (folder / "two.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    unresolved = {"unresolved": True}
    (folder / "two.gold.json").write_text(_gold("two", None, [_meeting("Motegi", "Rubio", unresolved)]))
    (folder / "three.gold.json").write_text('{"document": {}, "events": []}', encoding="utf-8")
    return folder


def test_evaluate_gives_the_extractor_the_gold_publication_date(gold_dir: Path) -> None:
    result = invoke("evaluate", gold_dir, "--extractor", "stub", "--format", "json")
    report = json.loads(result.stdout)
    assert report["counts"] == {"tp": 2, "fp": 0, "fn": 0}
    assert report["time_accuracy"] == 1.0
    assert report["full_event_accuracy"] == 1.0


def test_evaluate_reports_bad_gold_files_scores_the_rest_and_exits_one(gold_dir: Path) -> None:
    result = invoke("evaluate", gold_dir, "--extractor", "stub")
    assert result.exit_code == 1
    assert re.search(r"^error: .*three\.gold\.json: document\.id", result.stderr, re.MULTILINE)
    assert result.stdout.startswith("alliancekit evaluation: 2 gold documents")
    assert "full-event accuracy" in result.stdout


def test_evaluate_exits_zero_on_good_gold_and_lists_mistakes(gold_dir: Path) -> None:
    (gold_dir / "three.gold.json").unlink()
    (gold_dir / "two.txt").write_text("Motegi met Rubio. Lee met Ishiba.", encoding="utf-8")
    result = invoke("evaluate", gold_dir, "--extractor", "stub")
    assert result.exit_code == 0, result.output
    assert "SPURIOUS" in result.stdout


def test_evaluate_summary_prints_the_figures_without_the_list_of_mistakes(gold_dir: Path) -> None:
    (gold_dir / "three.gold.json").unlink()
    (gold_dir / "two.txt").write_text("Motegi met Rubio. Lee met Ishiba.", encoding="utf-8")
    result = invoke("evaluate", gold_dir, "--extractor", "stub", "--summary")
    assert result.exit_code == 0, result.output
    assert "full-event accuracy" in result.stdout
    assert "SPURIOUS" not in result.stdout


def test_evaluate_reports_a_gold_file_without_its_text(gold_dir: Path) -> None:
    (gold_dir / "two.txt").unlink()
    result = invoke("evaluate", gold_dir, "--extractor", "stub", "--format", "json")
    assert result.exit_code == 1
    assert re.search(r"^error: .*two\.txt: ", result.stderr, re.MULTILINE)
    assert json.loads(result.stdout)["gold_documents"] == 1


def test_evaluate_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    result = invoke("evaluate", tmp_path, "--extractor", "stub")
    assert result.exit_code == 1
    assert "no *.gold.json files" in result.stderr


@pytest.mark.parametrize("output_format", ["text", "json"])
@pytest.mark.parametrize("case", ["articles without gold", "gold without articles"])
def test_evaluate_with_nothing_to_score_prints_only_the_errors(
    gold_dir: Path, clean_corpus: Path, output_format: str, case: str
) -> None:
    if case == "gold without articles":
        for article in gold_dir.glob("*.txt"):
            article.unlink()
    folder = clean_corpus if case == "articles without gold" else gold_dir

    result = invoke("evaluate", folder, "--extractor", "stub", "--format", output_format)

    assert result.exit_code == 1
    assert result.stdout == ""
    assert re.search(r"^error: ", result.stderr, re.MULTILINE)


def test_evaluate_a_missing_directory_is_a_usage_error(tmp_path: Path) -> None:
    assert invoke("evaluate", tmp_path / "nope").exit_code == 2


# --------------------------------------------------------------------------- schema, plugins, help


def test_schema_prints_the_event_schema() -> None:
    result = invoke("schema")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == EVENT_SCHEMA
    assert json.loads(invoke("schema", "event").stdout) == EVENT_SCHEMA


def test_plugins_lists_plugins_with_hooks_extractors_and_formats() -> None:
    result = invoke("plugins")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["plugin", "version", "hooks"]
    assert any(
        line.startswith("StubPlugin") and "register_extractors, register_formats" in line for line in lines
    )
    assert any(line.startswith("formats") and "register_formats" in line for line in lines)
    assert "extractors: rules, stub" in lines
    assert "formats: cameo, count, csv, json, jsonl, parquet, plover, table" in lines


def test_plugins_json_is_machine_readable() -> None:
    result = invoke("plugins", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["extractors"] == ["rules", "stub"]
    assert data["formats"] == ["cameo", "count", "csv", "json", "jsonl", "parquet", "plover", "table"]
    stub = next(plugin for plugin in data["plugins"] if plugin["name"] == "StubPlugin")
    assert stub == {
        "name": "StubPlugin",
        "version": None,
        "hooks": ["register_extractors", "register_formats"],
    }


def test_version_option_prints_the_version() -> None:
    result = invoke("--version")
    assert result.exit_code == 0
    assert __version__ in result.stdout


@pytest.mark.parametrize("command", ["extract", "evaluate", "schema", "plugins"])
def test_every_command_has_help_from_its_docstring(command: str) -> None:
    command_object = main.commands[command]
    assert command_object.help, command
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert command_object.help.splitlines()[0] in result.stdout


@pytest.mark.parametrize("command", [[], *([name] for name in sorted(main.commands))])
def test_help_shows_plain_words_without_restructuredtext_markup(command: list[str]) -> None:
    result = invoke(*command, "--help")

    assert result.exit_code == 0
    assert "`" not in result.stdout
    assert not re.search(r":(func|class|mod|meth|attr|ref):", result.stdout)


def test_extract_help_lists_the_registered_formats() -> None:
    result = invoke("extract", "--help")
    assert "cameo|count|csv|json|jsonl|parquet|plover|table" in result.stdout


# --------------------------------------------------------------------------- the real extractor on the seeds

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seeds directory")
def test_extract_seeds_with_the_rules_extractor_gives_schema_valid_events_with_matching_evidence(
    install_plugins: Callable[..., Plugins],
) -> None:
    pytest.importorskip("alliancekit.rules")
    jsonschema = pytest.importorskip("jsonschema")
    install_plugins()
    result = invoke("extract", SEEDS)
    assert result.exit_code == 0, result.stderr
    texts = {path.stem: path.read_text(encoding="utf-8-sig") for path in SEEDS.glob("*.txt")}
    validator = jsonschema.Draft202012Validator(EVENT_SCHEMA)
    lines = result.stdout.splitlines()
    assert lines
    for line in lines:
        validator.validate(json.loads(line))
        event = loads_event(line)
        assert event.extractor == "rules"
        assert event.evidence_matches(texts[event.document_id])


@pytest.mark.skipif(not SEEDS.is_dir(), reason="no seeds directory")
def test_evaluate_seeds_reads_every_gold_file_and_article(install_plugins: Callable[..., Plugins]) -> None:
    pytest.importorskip("alliancekit.rules")
    install_plugins()
    result = invoke("evaluate", SEEDS, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["gold_documents"] == len(list(SEEDS.glob("*.gold.json")))
    assert report["unknown_documents"] == []


# --------------------------------------------------------------------------- --output safety


def test_extract_refuses_an_output_that_is_also_an_input_and_leaves_it_intact(tmp_path: Path) -> None:
    corpus = tmp_path / "copy.jsonl"
    original = json.dumps({"id": "1", "text": "Abe met Trump."}) + "\n"
    corpus.write_text(original, encoding="utf-8")
    alias = tmp_path / "alias.jsonl"
    alias.symlink_to(corpus)

    for output in (corpus, alias):
        result = invoke("extract", corpus, "--extractor", "stub", "--output", output)

        assert result.exit_code == 2
        assert "is also an input" in result.stderr
        assert corpus.read_text(encoding="utf-8") == original


def test_extract_refuses_an_output_that_is_the_event_store(tmp_path: Path, clean_corpus: Path) -> None:
    store = tmp_path / "events.db"
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--store", store, "--output", store)
    assert result.exit_code == 2
    assert "is also the event store" in result.stderr


def test_extract_never_reads_its_own_output_inside_an_input_folder(clean_corpus: Path) -> None:
    output = clean_corpus / "events.jsonl"

    runs = [invoke("extract", clean_corpus, "--extractor", "stub", "--output", output) for _ in range(2)]

    for result in runs:
        assert result.exit_code == 0, result.stderr
        assert _summary(result) == "documents read: 2, failed: 0, events written: 2"
    assert "events.jsonl: not read: it is the output of this run" in runs[1].stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2
    assert sorted(path.name for path in clean_corpus.iterdir()) == [
        "a.txt",
        "b.meta.json",
        "b.txt",
        "events.jsonl",
    ]


def write_then_fail(events: Iterable[Event], stream: TextIO) -> int:
    """A plugin format that breaks after writing its first event."""
    for event in events:
        stream.write(f"{event.document_id}\n")
        raise OSError("disk full")
    return 0


class FailingFormatPlugin:
    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        register("breaks", write_then_fail)


def test_an_output_that_fails_midway_leaves_the_previous_file_untouched(
    clean_corpus: Path, tmp_path: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin(), FailingFormatPlugin())
    output = tmp_path / "out" / "events.jsonl"
    output.parent.mkdir()
    output.write_text("the previous run's events\n", encoding="utf-8")
    output.chmod(0o640)

    failed = invoke("extract", clean_corpus, "--extractor", "stub", "--format", "breaks", "--output", output)
    kept = output.read_text(encoding="utf-8")
    written = invoke("extract", clean_corpus, "--extractor", "stub", "--output", output)

    assert failed.exit_code == 1
    assert "Error: the 'breaks' output format failed: OSError: disk full" in failed.stderr
    assert kept == "the previous run's events\n"
    assert written.exit_code == 0, written.stderr
    assert len(output.read_text(encoding="utf-8").splitlines()) == 2
    assert oct(output.stat().st_mode & 0o777) == oct(0o640)
    assert [path.name for path in output.parent.iterdir()] == ["events.jsonl"]  # no temporary file left


def test_extract_output_into_a_missing_folder_is_a_one_line_error(clean_corpus: Path, tmp_path: Path) -> None:
    result = invoke("extract", clean_corpus, "--extractor", "stub", "--output", tmp_path / "nope" / "e.jsonl")

    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: --output {tmp_path / 'nope' / 'e.jsonl'}: the folder '{tmp_path / 'nope'}' does not exist"
    ]


def test_extract_on_a_folder_without_readable_inputs_says_so_and_fails(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Not an article.", encoding="utf-8")

    result = invoke("extract", tmp_path, "--extractor", "stub")

    assert result.exit_code == 1
    assert re.search(
        rf"^error: no documents found in {re.escape(str(tmp_path))}: ", result.stderr, re.MULTILINE
    )


# --------------------------------------------------------------------------- standard input


def test_extract_dash_reads_one_article_from_standard_input() -> None:
    result = CliRunner().invoke(
        main, ["extract", "-", "--extractor", "stub", "--published", "2026-01-13"], input="Abe met Trump.\n"
    )

    assert result.exit_code == 0, result.output
    [event] = [loads_event(line) for line in result.stdout.splitlines()]
    assert (event.document_id, event.time) == ("stdin", TimeSpan.day(dt.date(2026, 1, 13)))


def test_extract_dash_reads_json_lines_from_standard_input_beside_files(clean_corpus: Path) -> None:
    lines = [
        json.dumps({"id": "wire-1", "text": "Kishida met Biden."}),
        "not json",
        json.dumps({"text": "Lee met Abe."}),
    ]

    result = CliRunner().invoke(
        main, ["extract", str(clean_corpus), "-", "--extractor", "stub"], input="\n".join(lines) + "\n"
    )

    assert result.exit_code == 1
    assert [loads_event(line).document_id for line in result.stdout.splitlines()] == [
        "a",
        "b",
        "wire-1",
        "stdin:3",
    ]
    assert "error: stdin:2: not valid JSON" in result.stderr


def test_extract_dash_with_nothing_on_standard_input_is_an_error() -> None:
    result = CliRunner().invoke(main, ["extract", "-", "--extractor", "stub"], input="")

    assert result.exit_code == 1
    assert "error: stdin: empty input" in result.stderr


def test_a_failure_reading_the_inputs_is_not_blamed_on_the_output_format(
    clean_corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_reader(*args: object, **kwargs: object) -> Iterable[Document]:
        yield Document("first", "Abe met Trump.")
        raise RuntimeError("the disk went away")

    monkeypatch.setattr("alliancekit.cli.read_documents", broken_reader)

    result = invoke("extract", clean_corpus, "--extractor", "stub")

    assert isinstance(result.exception, RuntimeError)
    assert "output format failed" not in result.output
