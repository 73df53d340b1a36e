"""The model's validators guard its invariants; its defaults follow the event type."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Location,
    Participant,
    Role,
    Source,
    Status,
    TimeSpan,
)


def test_time_span_ending_before_it_starts_is_rejected() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        TimeSpan(dt.date(2026, 1, 17), dt.date(2026, 1, 15))


@pytest.mark.parametrize(
    ("start", "end"), [(dt.date(2026, 1, 15), None), (None, dt.date(2026, 1, 15))], ids=["no end", "no start"]
)
def test_time_span_with_only_one_bound_is_rejected(start: dt.date | None, end: dt.date | None) -> None:
    with pytest.raises(ValueError, match="both a start and an end"):
        TimeSpan(start, end)


def test_one_day_time_span_is_valid_and_counts_one_day() -> None:
    span = TimeSpan.day(dt.date(2026, 1, 16), "Jan. 16")
    assert span.resolved
    assert span.days == 1


def test_unresolved_time_span_has_no_dates() -> None:
    span = TimeSpan.unresolved("next month")
    assert (span.start, span.end, span.resolved, span.days) == (None, None, False, None)


@pytest.mark.parametrize("code", ["jpn", "JP", "JAPN", "JP1", "", "J N", "ÄÖÜ", "ΑΒΓ", "USA\n"])
def test_actor_country_must_be_an_uppercase_alpha3_code(code: str) -> None:
    with pytest.raises(ValueError, match="alpha-3"):
        Actor("Takehiro Funakoshi", country=code)


@pytest.mark.parametrize("code", ["usa", "US", "U5A"])
def test_location_country_must_be_an_uppercase_alpha3_code(code: str) -> None:
    with pytest.raises(ValueError, match="alpha-3"):
        Location("Washington, D.C.", code)


def test_event_topics_must_be_alpha3_codes() -> None:
    with pytest.raises(ValueError, match="alpha-3"):
        Event("meeting", "occurred", topics=["CHN", "china"])


def test_event_topics_must_be_ascii_alpha3_codes() -> None:
    with pytest.raises(ValueError, match="alpha-3"):
        Event("meeting", "occurred", topics=["CHN", "ÇHN"])


def test_evidence_text_must_match_its_offsets() -> None:
    with pytest.raises(ValueError, match="does not match its offsets"):
        Evidence(0, 5, "abc")


@pytest.mark.parametrize(("start", "end"), [(-1, 2), (5, 3)])
def test_evidence_offsets_must_be_ordered_and_non_negative(start: int, end: int) -> None:
    with pytest.raises(ValueError, match="bad evidence offsets"):
        Evidence(start, end, "")


def test_evidence_that_does_not_index_into_the_text_does_not_match_it() -> None:
    event = Event("call", "occurred", evidence=[Evidence(0, 3, "Abe")])
    assert event.evidence_matches("Abe met Trump.")
    assert not event.evidence_matches("Biden met Abe.")


@pytest.mark.parametrize("confidence", [-0.01, 1.01, 2.0])
def test_confidence_outside_zero_to_one_is_rejected(confidence: float) -> None:
    with pytest.raises(ValueError, match="confidence"):
        Event("visit", "planned", confidence=confidence)


@pytest.mark.parametrize(
    ("event_type", "cameo", "plover_mode"),
    [
        ("meeting", "040", None),
        ("visit", "042", "visit"),
        ("call", "040", "phone"),
        ("invitation", "036", "intent"),
    ],
)
def test_cameo_and_plover_default_by_event_type(event_type: str, cameo: str, plover_mode: str | None) -> None:
    event = Event(event_type, "occurred")
    assert (event.cameo, event.plover, event.plover_mode) == (cameo, "CONSULT", plover_mode)


def test_an_explicit_cameo_code_overrides_the_default() -> None:
    assert Event("meeting", "occurred", cameo="043").cameo == "043"


def test_unknown_event_type_or_status_is_rejected() -> None:
    with pytest.raises(ValueError, match="summit"):
        Event("summit", "occurred")
    with pytest.raises(ValueError, match="rumoured"):
        Event("meeting", "rumoured")


def test_strings_are_converted_to_enums() -> None:
    event = Event("call", "cancelled", [Participant(Actor("Marco Rubio", "person"), "host")])
    assert event.type is EventType.CALL
    assert event.status is Status.CANCELLED
    assert event.participants[0].role is Role.HOST
    assert event.participants[0].actor.kind is ActorKind.PERSON


def test_actor_names_are_whitespace_normalised_and_must_not_be_blank() -> None:
    assert Actor("  Sanae \n Takaichi ").name == "Sanae Takaichi"
    with pytest.raises(ValueError, match="name"):
        Actor("   ")


def test_document_id_must_not_be_empty() -> None:
    with pytest.raises(ValueError, match="id"):
        Document(id="", text="text")


def test_document_anchor_prefers_the_publication_date_over_a_printed_timestamp() -> None:
    stamped = Source(timestamp=dt.datetime(2022, 3, 10, 16, 35))
    assert Document("d", "", dt.date(2026, 1, 13), stamped).anchor == dt.date(2026, 1, 13)
    assert Document("d", "", None, stamped).anchor == dt.date(2022, 3, 10)
    assert Document("d", "").anchor is None


def test_persons_lists_only_participants_that_are_people() -> None:
    event = Event(
        "meeting",
        "occurred",
        [Participant(Actor("Marco Rubio")), Participant(Actor("Japan", ActorKind.COUNTRY, "JPN"))],
    )
    assert [actor.name for actor in event.persons()] == ["Marco Rubio"]


@pytest.mark.property
@given(st.text(max_size=200), st.data())
def test_evidence_cut_from_a_text_always_matches_that_text(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(text)))
    end = data.draw(st.integers(min_value=start, max_value=len(text)))
    assert Evidence.from_text(text, start, end).matches(text)


@pytest.mark.parametrize("field", ["id", "text"])
def test_a_lone_surrogate_after_other_non_ascii_text_is_named_by_code_and_character(field: str) -> None:
    fields = {"id": "story-1", "text": "Minister Okafor met Varga in Zürich."}
    fields[field] = "Talks in Zürich \ud83d ended."

    with pytest.raises(ValueError, match=rf"^{field} holds a lone surrogate \(U\+D83D at character 16\)"):
        Document(**fields)


def test_source_fields_with_a_lone_surrogate_are_refused_and_non_ascii_ones_kept() -> None:
    assert Source(outlet="Le Café Diplomatique").outlet == "Le Café Diplomatique"
    with pytest.raises(ValueError, match=r"^url holds a lone surrogate \(U\+DCE9 at character 3\)"):
        Source(url="caf\udce9")
