"""What a hostile corpus puts in ids, outlets and file names cannot act on whoever reads the output.

CSV cells a spreadsheet would run as formulas are neutralised; tables and
error lines printed for a terminal escape control characters, so that no
row or ``error:`` line can be forged; invisible characters inside names are
removed before reading, so that they cannot cut a name short.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main
from alliancekit.io.escaping import readable, spreadsheet_safe, terminal_safe
from alliancekit.io.readers import ReadError, read_documents
from alliancekit.model import Document
from alliancekit.plugins import Plugins
from test_hostile_inputs import StubPlugin

FORMULAS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)"]


def _invoke(*args: str) -> Result:
    return CliRunner().invoke(main, list(args))


@pytest.fixture
def formula_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": formula, "text": f"Abe{index} met Lee{index}.", "outlet": formula})
        for index, formula in enumerate(FORMULAS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


@pytest.mark.parametrize("formula", FORMULAS)
def test_a_spreadsheet_formula_gets_a_leading_apostrophe(formula: str) -> None:
    assert spreadsheet_safe(formula) == "'" + formula


def test_event_csv_neutralises_formula_cells(
    formula_corpus: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())

    result = _invoke("extract", str(formula_corpus), "--extractor", "stub", "--format", "csv")

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["document_id"] for row in rows] == ["'" + formula for formula in FORMULAS]
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in _csv_cells(result.stdout))


def test_engagement_csv_neutralises_ids_outlets_and_evidence(
    formula_corpus: Path, tmp_path: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())
    database = tmp_path / "events.db"
    assert (
        _invoke("extract", str(formula_corpus), "--extractor", "stub", "--store", str(database)).exit_code
        == 0
    )

    result = _invoke("events", "--store", str(database), "--format", "csv")

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(row["documents"] for row in rows) == sorted("'" + formula for formula in FORMULAS)
    assert sorted(row["outlets"] for row in rows) == sorted("'" + formula for formula in FORMULAS)
    assert all(row["evidence"].startswith("'") for row in rows)
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in _csv_cells(result.stdout))


# --------------------------------------------------------------------------- terminals


def test_control_characters_are_escaped_for_a_terminal() -> None:
    assert (
        terminal_safe("a\x1b[31mred\x1b[0m\r\n\x00\u202ecba") == "a\\x1b[31mred\\x1b[0m\\r\\n\\x00\\u202ecba"
    )


def test_a_table_cannot_be_forged_by_an_id(tmp_path: Path, install_plugins: Callable[..., Plugins]) -> None:
    install_plugins(StubPlugin())
    path = tmp_path / "corpus.jsonl"
    forged = "d1\r\nd2        meeting  occurred  Kim (participant), Moon (participant)\x1b[2K"
    path.write_text(json.dumps({"id": forged, "text": "Abe met Lee."}) + "\n", encoding="utf-8")

    result = _invoke("extract", str(path), "--extractor", "stub", "--format", "table")

    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == 2  # the header and one row
    assert "\x1b" not in result.stdout
    assert "\r" not in result.stdout
    assert lines[1].startswith("d1\\r\\nd2")


def test_an_error_line_cannot_be_forged_by_a_file_name(tmp_path: Path) -> None:
    (tmp_path / "story\nerror: everything is fine.txt").write_bytes(b"")
    (tmp_path / "story\x1b]0;owned\x07.txt").write_bytes(b"")

    result = _invoke("extract", str(tmp_path))

    errors = [line for line in result.stderr.splitlines() if line.startswith("error: ")]
    assert len(errors) == 2
    assert all(line.endswith(": empty file") for line in errors)
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr


# --------------------------------------------------------------------------- invisible characters


def test_invisible_characters_inside_names_are_removed_before_reading(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    text = (
        "Secretary of State Marco Ru\u200bbio met Foreign Minister Toshi\u00admitsu Mo\u2060tegi "
        "in Tokyo on Monday."
    )
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")

    [document] = read_documents([tmp_path])

    assert isinstance(document, Document)
    assert document.text == (
        "Secretary of State Marco Rubio met Foreign Minister Toshimitsu Motegi in Tokyo on Monday."
    )
    assert "removed 3 invisible characters" in caplog.text


def test_names_with_zero_width_spaces_are_read_whole(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "kyodo",
                "text": "Secretary of State Marco Ru\u200bbio met Foreign Minister Toshi\u00admitsu Motegi "
                "in Tokyo on Monday.",
                "published": "2026-03-04",
            }
        )
    ]
    (tmp_path / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = _invoke("extract", str(tmp_path / "corpus.jsonl"))

    assert result.exit_code == 0, result.output
    [event] = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(p["name"] for p in event["participants"]) == ["Marco Rubio", "Toshimitsu Motegi"]
    assert "note: " in result.stderr
    assert "corpus.jsonl:1: removed 2 invisible characters" in result.stderr


def test_a_text_of_invisible_characters_only_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("\u200b\u200b\u00ad", encoding="utf-8")

    [error] = read_documents([tmp_path])

    assert isinstance(error, ReadError)
    assert error.message == "no text once its invisible characters are removed"


def test_readable_keeps_valid_text_as_it_is() -> None:
    assert readable("Café talks, 東京") == "Café talks, 東京"
