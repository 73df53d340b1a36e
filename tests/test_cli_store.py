"""The command line over an event store: extract --store, events, timeline, progress."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main

ARTICLES = [
    {
        "id": "kyodo-0113",
        "published": "2026-01-13",
        "outlet": "Kyodo",
        "text": "Foreign Minister Toshimitsu Motegi will visit Washington on Thursday for talks with "
        "Secretary of State Marco Rubio, the Foreign Ministry said.",
    },
    {
        "id": "reuters-0115",
        "published": "2026-01-15",
        "outlet": "Reuters",
        "text": "Secretary of State Marco Rubio met Japanese Foreign Minister Toshimitsu Motegi "
        "in Washington on Thursday.",
    },
    {
        "id": "ap-0116",
        "published": "2026-01-16",
        "outlet": "AP",
        "text": "Japanese Foreign Minister Toshimitsu Motegi visited Washington on Thursday and held talks "
        "with Secretary of State Marco Rubio.",
    },
    {
        "id": "yonhap-0303",
        "published": "2026-03-03",
        "outlet": "Yonhap",
        "text": "South Korean Foreign Minister Cho Hyun spoke by phone with Secretary of State Marco Rubio "
        "on Monday.",
    },
]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "news.csv"
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=["id", "text", "published", "outlet", "url"])
        writer.writeheader()
        for article in ARTICLES:
            writer.writerow(article)
    return path


@pytest.fixture
def store(tmp_path: Path, corpus: Path) -> Path:
    database = tmp_path / "events.db"
    result = CliRunner().invoke(main, ["extract", str(corpus), "--store", str(database)])
    assert result.exit_code == 0, result.output
    return database


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


def test_extract_into_a_store_writes_no_events_to_stdout_and_says_what_it_stored(
    tmp_path: Path, corpus: Path
) -> None:
    database = tmp_path / "events.db"

    result = _invoke("extract", str(corpus), "--store", str(database))

    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    stored, summary = result.stderr.splitlines()[-2:]
    assert stored.startswith("stored: 4 new documents, 0 replaced, 0 unchanged, ")
    assert summary.startswith("documents read: 4, failed: 0, events written: ")


def test_extracting_the_same_corpus_into_a_store_again_adds_nothing(store: Path, corpus: Path) -> None:
    result = _invoke("extract", str(corpus), "--store", str(store), "--jobs", "2")

    assert result.exit_code == 0, result.output
    assert "stored: 0 new documents, 0 replaced, 4 unchanged, 0 new events" in result.stderr


def test_extract_with_store_and_output_writes_both(tmp_path: Path, corpus: Path) -> None:
    output = tmp_path / "events.jsonl"

    result = _invoke("extract", str(corpus), "--store", str(tmp_path / "e.db"), "--output", str(output))

    assert result.exit_code == 0, result.output
    assert len(output.read_text(encoding="utf-8").splitlines()) > 0


def test_a_file_that_is_not_a_store_is_a_clear_error(tmp_path: Path, corpus: Path) -> None:
    bogus = tmp_path / "events.db"
    bogus.write_text("not a database at all, just text " * 100, encoding="utf-8")

    result = _invoke("extract", str(corpus), "--store", str(bogus))

    assert result.exit_code == 1
    assert "cannot open the event store" in result.output


def test_events_lists_engagements_with_their_sources_as_jsonl(store: Path) -> None:
    result = _invoke("events", "--store", str(store), "--type", "meeting")

    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    planned, occurred = records
    assert (planned["status"], occurred["status"]) == ("planned", "occurred")
    assert planned["outcome_id"] == occurred["id"]
    assert sorted(source["document_id"] for source in occurred["sources"]) == ["ap-0116", "reuters-0115"]
    assert result.stderr.strip() == "engagements written: 2"


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        (["--actor", "Cho Hyun"], 1),
        (["--actor", "Rubio", "--actor", "Motegi"], 2),
        (["--country", "KOR"], 1),
        (["--status", "planned"], 2),
        (["--type", "visit", "--type", "call"], 3),
        (["--since", "2026-02-01"], 1),
        (["--until", "2026-01-31", "--status", "occurred"], 2),
    ],
)
def test_events_filters(store: Path, filters: list[str], count: int) -> None:
    result = _invoke("events", "--store", str(store), *filters)

    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == count


def test_events_at_the_event_level_use_the_event_formats(store: Path) -> None:
    result = _invoke(
        "events", "--store", str(store), "--level", "events", "--format", "csv", "--type", "meeting"
    )

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(row["document_id"] for row in rows) == ["ap-0116", "kyodo-0113", "reuters-0115"]


def test_events_as_a_table_and_to_a_file(store: Path, tmp_path: Path) -> None:
    table = _invoke("events", "--store", str(store), "--format", "table")
    output = tmp_path / "engagements.csv"
    written = _invoke("events", "--store", str(store), "--format", "csv", "--output", str(output))

    assert table.exit_code == written.exit_code == 0
    assert table.stdout.split()[:3] == ["id", "type", "status"]
    assert len(list(csv.DictReader(io.StringIO(output.read_text(encoding="utf-8"))))) == 5


def test_events_needs_an_existing_store(tmp_path: Path) -> None:
    result = _invoke("events", "--store", str(tmp_path / "missing.db"))

    assert result.exit_code == 2


def test_timeline_writes_a_self_contained_html_page(store: Path, tmp_path: Path) -> None:
    output = tmp_path / "timeline.html"

    result = _invoke("timeline", "--store", str(store), "--output", str(output), "--title", "Rubio & Motegi")

    assert result.exit_code == 0, result.output
    page = output.read_text(encoding="utf-8")
    assert "<svg" in page
    assert "Rubio &amp; Motegi" in page
    assert "engagements drawn: 5 of 5" in result.stderr


def test_timeline_refuses_an_unknown_picture_format(store: Path, tmp_path: Path) -> None:
    result = _invoke("timeline", "--store", str(store), "--output", str(tmp_path / "timeline.gif"))

    assert result.exit_code == 2
    assert ".png, .svg, .html" in result.output


def test_timeline_as_png_with_matplotlib(store: Path, tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    output = tmp_path / "timeline.png"

    result = _invoke("timeline", "--store", str(store), "--output", str(output))

    assert result.exit_code == 0, result.output
    assert output.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_progress_is_quiet_when_stderr_is_not_a_terminal(corpus: Path) -> None:
    result = _invoke("extract", str(corpus))

    assert result.exit_code == 0
    assert result.stderr.splitlines() == [result.stderr.splitlines()[-1]]


def test_forced_progress_still_ends_with_the_summary_line(corpus: Path) -> None:
    result = _invoke("extract", str(corpus), "--progress")

    assert result.exit_code == 0
    assert re.fullmatch(r"documents read: 4, failed: 0, events written: \d+", result.stderr.splitlines()[-1])


def test_two_inputs_sharing_an_id_are_reported_and_neither_overwrites_the_other(tmp_path: Path) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.jsonl").write_text(
        json.dumps({"id": "1", "text": ARTICLES[1]["text"]}) + "\n", encoding="utf-8"
    )
    (news / "b.jsonl").write_text(
        json.dumps({"id": "1", "text": ARTICLES[3]["text"]}) + "\n", encoding="utf-8"
    )
    database = tmp_path / "events.db"

    runs = [_invoke("extract", str(news), "--store", str(database)) for _ in range(2)]

    for result in runs:
        assert result.exit_code == 1
        assert re.search(r"^error: document 1: .*b\.jsonl:1 was not stored", result.stderr, re.MULTILINE)
        assert "replaced" not in result.stderr.replace("0 replaced", "")
    assert "stored: 1 new documents, 0 replaced, 0 unchanged" in runs[0].stderr
    assert "stored: 0 new documents, 0 replaced, 1 unchanged" in runs[1].stderr
    events = _invoke("events", "--store", str(database), "--level", "events")
    assert {json.loads(line)["type"] for line in events.stdout.splitlines()} == {"meeting"}


def test_articles_of_the_same_name_in_two_subfolders_are_both_stored(tmp_path: Path) -> None:
    for month, article in (("jan", ARTICLES[1]), ("mar", ARTICLES[3])):
        (tmp_path / "news" / month).mkdir(parents=True)
        (tmp_path / "news" / month / "story.txt").write_text(str(article["text"]), encoding="utf-8")
    database = tmp_path / "events.db"

    result = _invoke("extract", str(tmp_path / "news"), "--store", str(database), "--published", "2026-03-03")

    assert result.exit_code == 0, result.output
    assert "stored: 2 new documents, 0 replaced" in result.stderr
    events = _invoke("events", "--store", str(database), "--level", "events")
    assert {json.loads(line)["document_id"] for line in events.stdout.splitlines()} == {
        "jan/story",
        "mar/story",
    }


@pytest.mark.parametrize("command", ["events", "timeline"])
def test_output_into_a_missing_folder_is_a_one_line_error(store: Path, tmp_path: Path, command: str) -> None:
    output = tmp_path / "nope" / "out.html"

    result = _invoke(command, "--store", str(store), "--output", str(output))

    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"Error: --output {output}: the folder '{tmp_path / 'nope'}' does not exist"
    ]


def test_timeline_and_events_replace_their_output_whole(store: Path, tmp_path: Path) -> None:
    page = tmp_path / "timeline.html"
    table = tmp_path / "engagements.csv"
    page.write_text("old", encoding="utf-8")
    table.write_text("old", encoding="utf-8")

    drawn = _invoke("timeline", "--store", str(store), "--output", str(page))
    listed = _invoke("events", "--store", str(store), "--format", "csv", "--output", str(table))

    assert drawn.exit_code == listed.exit_code == 0
    assert "<svg" in page.read_text(encoding="utf-8")
    assert table.read_text(encoding="utf-8").startswith("id,type,status")
    # No temporary output is left; SQLite's own files beside the store (a reader's -shm) do not count.
    assert sorted(path.name for path in tmp_path.iterdir() if not path.name.startswith("events.db-")) == [
        "engagements.csv",
        "events.db",
        "news.csv",
        "timeline.html",
    ]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("01/01/2026", "'01/01/2026' is not a date in the form YYYY-MM-DD, such as 2026-01-13"),
        ("2026-02-30", "'2026-02-30' is not a date: day is out of range for month"),
    ],
)
def test_a_date_option_that_is_no_iso_date_says_which_form_it_wants(
    store: Path, given: str, message: str
) -> None:
    result = _invoke("events", "--store", str(store), "--since", given)

    assert result.exit_code == 2
    assert message in result.stderr
    assert "published" not in result.stderr


@pytest.mark.parametrize("country", ["KOR", "kor", "KR", "South Korea", "Republic of Korea"])
def test_events_takes_a_country_by_code_or_by_name(store: Path, country: str) -> None:
    result = _invoke("events", "--store", str(store), "--country", country)

    assert result.exit_code == 0, result.output
    assert len(result.stdout.splitlines()) == 1


def test_events_refuses_a_country_it_does_not_know_instead_of_finding_nothing(store: Path) -> None:
    result = _invoke("events", "--store", str(store), "--country", "Japn")

    assert result.exit_code == 2
    assert "no country has the code or name 'Japn'" in result.stderr


def test_events_as_one_json_array_holds_what_the_json_lines_hold(store: Path) -> None:
    lines = _invoke("events", "--store", str(store))
    array = _invoke("events", "--store", str(store), "--format", "json")

    assert array.exit_code == 0, array.output
    assert json.loads(array.stdout) == [json.loads(line) for line in lines.stdout.splitlines()]
    assert array.stderr.strip() == "engagements written: 5"


def test_every_engagement_written_validates_against_the_engagement_schema(store: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    printed = _invoke("schema", "engagement")
    schema = json.loads(printed.stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())

    records = [json.loads(line) for line in _invoke("events", "--store", str(store)).stdout.splitlines()]

    assert printed.exit_code == 0
    assert schema["title"] == "alliancekit engagement"
    assert records
    for record in records:
        validator.validate(record)
    assert any(record["outcome_id"] for record in records)
