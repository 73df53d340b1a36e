"""Writers: each built-in format writes every event and returns how many."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancekit.io.writers import CSV_COLUMNS, write_csv, write_json, write_jsonl, write_table
from alliancekit.model import Actor, Event, Evidence, Location, Participant, TimeSpan
from alliancekit.serialize import loads_event, unstructure_event
from strategies import events

TEXT = "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday."


def _sample_events() -> list[Event]:
    meeting = Event(
        "meeting",
        "occurred",
        [
            Participant(Actor("Toshimitsu Motegi", country="JPN", title="Foreign Minister"), "host"),
            Participant(Actor("Marco Rubio", country="USA", title="Secretary of State"), "guest"),
        ],
        time=TimeSpan.day(dt.date(2026, 3, 2), "on Monday"),
        location=Location("Tokyo", "JPN", "Tokyo", "city"),
        topics=["CHN"],
        evidence=[Evidence.from_text(TEXT, 0, len(TEXT) - 1)],
        document_id="d1",
        extractor="rules",
        confidence=0.8,
    )
    call = Event("call", "planned", document_id="d2", extractor="rules")
    return [meeting, call]


def test_jsonl_writes_one_event_per_line_that_parses_back() -> None:
    buffer = io.StringIO()
    written = _sample_events()
    assert write_jsonl(written, buffer) == 2
    lines = buffer.getvalue().splitlines()
    assert len(lines) == 2
    assert [loads_event(line) for line in lines] == written


def test_jsonl_keeps_non_ascii_text_readable() -> None:
    buffer = io.StringIO()
    write_jsonl([Event("visit", "planned", [Participant(Actor("Shinjirō Koizumi"))])], buffer)
    assert "Shinjirō Koizumi" in buffer.getvalue()


@pytest.mark.property
@given(st.lists(events(), max_size=5))
def test_jsonl_round_trips_any_events(written: list[Event]) -> None:
    buffer = io.StringIO()
    assert write_jsonl(written, buffer) == len(written)
    assert [loads_event(line) for line in buffer.getvalue().splitlines()] == written


def test_json_writes_one_array_of_serialized_events() -> None:
    buffer = io.StringIO()
    written = _sample_events()
    assert write_json(written, buffer) == 2
    assert json.loads(buffer.getvalue()) == [unstructure_event(event) for event in written]


def test_json_with_no_events_is_an_empty_array() -> None:
    buffer = io.StringIO()
    assert write_json([], buffer) == 0
    assert json.loads(buffer.getvalue()) == []


def test_csv_has_a_header_and_one_row_per_event() -> None:
    buffer = io.StringIO()
    assert write_csv(_sample_events(), buffer) == 2
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS
    first, second = rows
    assert first["document_id"] == "d1"
    assert first["participants"] == "Toshimitsu Motegi (host); Marco Rubio (guest)"
    assert first["countries"] == "JPN; USA"
    assert (first["start"], first["end"], first["location"]) == ("2026-03-02", "2026-03-02", "Tokyo")
    assert first["evidence"] == TEXT[:-1]
    assert (first["cameo"], first["plover"], first["confidence"]) == ("040", "CONSULT", "0.80")
    assert (second["type"], second["status"], second["start"], second["location"]) == (
        "call",
        "planned",
        "",
        "",
    )
    assert second["plover"] == "CONSULT (phone)"


def test_csv_with_no_events_is_only_the_header() -> None:
    buffer = io.StringIO()
    assert write_csv([], buffer) == 0
    assert buffer.getvalue() == ",".join(CSV_COLUMNS) + "\n"


def test_csv_quotes_fields_holding_commas_and_newlines() -> None:
    text = 'He said, "we met"\nin Tokyo.'
    event = Event("meeting", "occurred", evidence=[Evidence.from_text(text, 0, len(text))])
    buffer = io.StringIO()
    write_csv([event], buffer)
    [row] = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert row["evidence"] == text


def test_table_has_a_header_and_one_aligned_line_per_event() -> None:
    buffer = io.StringIO()
    assert write_table(_sample_events(), buffer) == 2
    header, first, second = buffer.getvalue().splitlines()
    assert header.split() == ["document_id", "type", "status", "participants", "start", "end", "location"]
    assert first.startswith("d1")
    assert "Toshimitsu Motegi (host)" in first
    assert "2026-03-02" in first
    assert second.split()[:3] == ["d2", "call", "planned"]
    assert first.index("meeting") == second.index("call") == header.index("type")


def test_table_clips_long_cells() -> None:
    many = [Participant(Actor(f"Official Number{i}")) for i in range(6)]
    buffer = io.StringIO()
    write_table([Event("meeting", "occurred", many, document_id="d")], buffer)
    line = buffer.getvalue().splitlines()[1]
    assert "…" in line
    assert "Official Number5" not in line
