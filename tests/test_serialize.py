"""Serialization is lossless, and every serialized event follows EVENT_SCHEMA."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from jsonschema import Draft202012Validator

from alliancekit.model import Document, Event
from alliancekit.serialize import (
    EVENT_SCHEMA,
    dumps_event,
    event_problems,
    loads_event,
    schema_problems,
    structure_document,
    structure_event,
    unstructure_document,
    unstructure_event,
)
from strategies import documents, events

VALIDATOR = Draft202012Validator(EVENT_SCHEMA)


def test_event_schema_is_a_valid_draft_2020_12_schema() -> None:
    Draft202012Validator.check_schema(EVENT_SCHEMA)


def test_schema_requires_every_field_an_event_serializes_to() -> None:
    data = unstructure_event(Event("visit", "planned"))
    assert set(EVENT_SCHEMA["required"]) == set(data)
    assert set(EVENT_SCHEMA["properties"]) == set(data)


@pytest.mark.property
@given(events())
def test_event_round_trip_through_dictionaries_is_lossless(event: Event) -> None:
    assert structure_event(unstructure_event(event)) == event


@pytest.mark.property
@given(events())
def test_event_round_trip_through_json_lines_is_lossless(event: Event) -> None:
    line = dumps_event(event)
    assert "\n" not in line
    assert loads_event(line) == event


@pytest.mark.property
@given(documents())
def test_document_round_trip_through_json_is_lossless(document: Document) -> None:
    data = json.loads(json.dumps(unstructure_document(document)))
    assert structure_document(data) == document


@pytest.mark.property
@given(events())
def test_every_serialized_event_validates_against_the_schema(event: Event) -> None:
    errors = [error.message for error in VALIDATOR.iter_errors(json.loads(dumps_event(event)))]
    assert errors == []


def test_schema_rejects_an_event_with_an_unknown_field() -> None:
    data = unstructure_event(Event("call", "occurred"))
    data["mood"] = "cordial"
    assert not VALIDATOR.is_valid(data)


def test_schema_command_prints_the_event_schema() -> None:
    pytest.importorskip("alliancekit.temporal")
    from click.testing import CliRunner

    from alliancekit.cli import main

    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == EVENT_SCHEMA


def test_each_schema_problem_names_the_path_of_the_value_at_fault() -> None:
    data = unstructure_event(Event("meeting", "occurred"))
    data["participants"] = [{"name": "Ada Okafor", "kind": "person", "country": "usa", "role": 1}]
    data["time"] = {"start": "2026-02-30", "end": None, "granularity": "day", "text": None}
    data["confidence"] = True
    data["extra"] = 1
    problems = schema_problems(data)
    assert "at (top): unexpected property 'extra'" in problems
    assert "at confidence: True is not of type number" in problems
    assert "at time/start: '2026-02-30' is not a date (YYYY-MM-DD)" in problems
    assert any(problem.startswith("at participants/0/role: 1 is not one of") for problem in problems)
    assert "at participants/0: 'kb_id' is a required property" in problems
    assert any(problem.startswith("at participants/0/country: 'usa' does not match") for problem in problems)
    assert schema_problems({"x": True}, {"properties": {"x": {"type": "integer"}}}, where="event") == [
        "at event/x: True is not of type integer"
    ]


@pytest.mark.parametrize("line_break", ["\x85", "\u2028", "\u2029"])
def test_a_json_line_escapes_each_line_break_and_keeps_other_non_ascii_text(line_break: str) -> None:
    event = Event("visit", "planned", extractor=f"Zürich{line_break}desk")

    line = dumps_event(event)

    assert line_break not in line
    assert f"Zürich\\u{ord(line_break):04x}desk" in line
    assert loads_event(line) == event


def test_an_event_holding_a_lone_surrogate_is_a_problem_naming_the_code_point() -> None:
    event = Event("call", "occurred", extractor="Zürich \udce9 desk")

    assert event_problems(event) == ["holds a lone surrogate (U+DCE9), which is not Unicode text"]
