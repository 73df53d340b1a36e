"""The Python API a newcomer meets first: texts in, clear errors for what it cannot take."""

from __future__ import annotations

import datetime as dt

import pytest

import alliancekit
from alliancekit import Document, extract, extract_many, run
from helpers import command_environment, run_python

CALL = "Secretary of State Marco Rubio spoke by phone with Foreign Minister Toshimitsu Motegi on Friday."
MEETING = "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday."


def test_extract_many_takes_plain_texts_as_extract_does() -> None:
    events = list(extract_many([CALL, "Heavy rain fell.", MEETING], published="2026-03-04"))

    assert [(event.document_id, event.type.value) for event in events] == [
        ("document:1", "call"),
        ("document:3", "meeting"),
    ]
    assert events[1].time is not None
    assert events[1].time.start == dt.date(2026, 3, 2)


def test_extract_many_takes_texts_and_documents_together() -> None:
    documents = [Document("kyodo-1", CALL, dt.date(2026, 5, 4)), MEETING]
    events = list(extract_many(documents, published="2026-03-04"))
    assert [event.document_id for event in events] == ["kyodo-1", "document:2"]


def test_extract_many_refuses_what_is_neither_a_text_nor_a_document() -> None:
    with pytest.raises(TypeError, match=r"expected a text \(str\) or a Document, got bytes"):
        list(extract_many([CALL.encode()]))


def test_run_refuses_plain_texts_and_says_what_takes_them() -> None:
    with pytest.raises(TypeError, match=r"got a str at position 0; extract_many\(\) takes texts"):
        list(run([CALL]))  # type: ignore[list-item]


def test_a_document_with_a_date_that_is_no_date_says_what_it_wants() -> None:
    with pytest.raises(ValueError, match=r"^published must be a date, .*\(2026-01-13\), not 'yesterday'$"):
        Document("d1", "Text.", published="yesterday")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"not '2026-02-30' \(day is out of range for month\)$"):
        Document("d1", "Text.", published="2026-02-30")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match=r"^published must be a date, .*, not int$"):
        Document("d1", "Text.", published=20260113)  # type: ignore[arg-type]


def test_a_bad_publication_date_given_to_extract_is_a_plain_value_error() -> None:
    with pytest.raises(ValueError, match=r"published is not a valid ISO date: '13/01/2026'") as caught:
        extract(CALL, published="13/01/2026")
    assert type(caught.value) is ValueError  # no private exception class leaks out


def test_python_dash_m_alliancekit_runs_the_command() -> None:
    done = run_python("-m", "alliancekit", "--version", environment=command_environment(), timeout=120)

    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"alliancekit, version {alliancekit.__version__}"
