"""What the spaCy extractor reads with a parse, on short news-style texts written for these tests."""

from __future__ import annotations

import datetime as dt

import pytest
from alliancekit.extractor import ExtractionContext
from alliancekit.model import Document, Event, EventType, Role, Status

from alliancekit_spacy import SpacyExtractor

PUBLISHED = dt.date(2026, 5, 8)  # a Friday


def _doc(text: str, published: dt.date | None = PUBLISHED, doc_id: str = "t") -> Document:
    return Document(doc_id, text, published)


def _only(events: list[Event], kind: EventType) -> Event:
    found = [event for event in events if event.type is kind]
    assert len(found) == 1, events
    return found[0]


def _roles(event: Event) -> dict[str, Role]:
    return {participant.actor.name: participant.role for participant in event.participants}


def test_passive_voice_makes_the_agent_the_host(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Prime Minister Kenji Morioka was received by President Elena Varga at the presidential "
        "palace in Lisbon on Tuesday, officials said."
    )
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    assert meeting.status is Status.OCCURRED
    assert _roles(meeting) == {"Elena Varga": Role.HOST, "Kenji Morioka": Role.GUEST}
    assert meeting.cameo == "043"
    assert meeting.location is not None
    assert meeting.location.name == "Lisbon"
    assert meeting.time is not None
    assert meeting.time.start == dt.date(2026, 5, 5)


def test_passive_invitation_makes_the_subject_the_invitee(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Foreign Minister Aiko Tanabe was invited by Secretary of State Mark Dellinger to visit Washington."
    )
    events = extractor.extract(_doc(text), context)
    invitation = _only(events, EventType.INVITATION)
    assert _roles(invitation) == {"Mark Dellinger": Role.INVITER, "Aiko Tanabe": Role.INVITEE}
    visit = _only(events, EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert [p.actor.name for p in visit.participants] == ["Aiko Tanabe"]


def test_nominal_trigger_takes_participants_from_between(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Talks between Foreign Minister Aiko Tanabe and Secretary of State Mark Dellinger took place "
        "in Tokyo on Monday, the ministry said."
    )
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    assert {p.actor.name for p in meeting.participants} == {"Aiko Tanabe", "Mark Dellinger"}
    assert meeting.location is not None
    assert meeting.location.name == "Tokyo"


def test_possessive_nominal_trigger_is_a_planned_visit(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Defense Minister Haruto Ishimori's upcoming visit to Canberra will focus on submarines."
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert [p.actor.name for p in visit.participants] == ["Haruto Ishimori"]
    assert visit.location is not None
    assert visit.location.name == "Canberra"


def test_apposition_gives_the_title(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    text = "Haruto Ishimori, the country's vice foreign minister, met Mark Dellinger in Seoul on Wednesday."
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    titles = {p.actor.name: p.actor.title for p in meeting.participants}
    assert titles["Haruto Ishimori"] == "Vice Foreign Minister"


def test_relative_clause_subject_is_the_visitor(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Defense Secretary Mark Dellinger, who arrived in Manila on Thursday night, pledged support "
        "for the alliance."
    )
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert [p.actor.name for p in visit.participants] == ["Mark Dellinger"]
    assert visit.status is Status.OCCURRED
    assert visit.location is not None
    assert visit.location.name == "Manila"
    assert visit.time is not None
    assert visit.time.start == dt.date(2026, 5, 7)


def test_coordinated_objects_are_all_participants(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Secretary of State Mark Dellinger met Aiko Tanabe and Elena Varga together in Brussels on Monday."
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    assert {p.actor.name for p in meeting.participants} == {"Mark Dellinger", "Aiko Tanabe", "Elena Varga"}


def test_planned_status_from_the_verb_chain(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    text = "Foreign Minister Aiko Tanabe is scheduled to travel to Jakarta next week."
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert visit.status is Status.PLANNED
    assert visit.time is not None
    assert visit.time.start is not None
    assert visit.time.start > PUBLISHED


def test_cancelled_status_from_a_governing_verb(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Defense Minister Haruto Ishimori's visit to Canberra was postponed because of the typhoon."
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert visit.status is Status.CANCELLED


def test_headlines_and_captions_are_not_read(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    text = (
        "Tanabe meets Dellinger in Tokyo\n\n"
        "Foreign Minister Aiko Tanabe spoke by phone with Secretary of State Mark Dellinger on Monday.\n\n"
        "Photo: Aiko Tanabe met Elena Varga in Rome in 2024. (Kyodo Photo)\n"
    )
    events = extractor.extract(_doc(text), context)
    assert [(event.type, event.status) for event in events] == [(EventType.CALL, Status.OCCURRED)]
    for event in events:
        assert event.evidence_matches(text)
        assert all(span.start > text.index("\n") for span in event.evidence)


def test_washington_dc_stays_one_place(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    text = "Vice Foreign Minister Haruto Ishimori will visit Washington, D.C. on Thursday."
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert visit.location is not None
    assert (visit.location.name, visit.location.country) == ("Washington, D.C.", "USA")


def test_a_name_damaged_by_encoding_is_repaired(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Foreign Minister Y?ko Kamikawa met Defense Secretary Mark Dellinger at Camp Humphreys on Monday."
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    names = {p.actor.name for p in meeting.participants}
    assert "Yoko Kamikawa" in names
    assert meeting.location is not None
    assert meeting.location.name == "Camp Humphreys"


def test_without_publication_date_times_stay_unresolved(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Foreign Minister Aiko Tanabe will meet Secretary of State Mark Dellinger in Tokyo next week."
    meeting = _only(extractor.extract(_doc(text, published=None), context), EventType.MEETING)
    assert meeting.time is not None
    assert not meeting.time.resolved


def test_extract_batch_preserves_order(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    texts = [
        "Foreign Minister Aiko Tanabe met Secretary of State Mark Dellinger in Tokyo on Monday.",
        "Nothing happened here at all, the spokesperson said.",
        "Defense Minister Haruto Ishimori will visit Canberra next month.",
        "",
        "President Elena Varga spoke by phone with Prime Minister Kenji Morioka on Tuesday.",
    ]
    documents = [_doc(text, doc_id=f"d{index}") for index, text in enumerate(texts)]
    small_batches = SpacyExtractor(nlp=extractor.nlp, batch_size=2)
    pairs = list(small_batches.extract_batch(documents, context))
    assert [document.id for document, _ in pairs] == [document.id for document in documents]
    assert [events for _, events in pairs] == [extractor.extract(document, context) for document in documents]
    assert [[e.type.value for e in events] for _, events in pairs] == [
        ["meeting"],
        [],
        ["visit"],
        [],
        ["call"],
    ]


def test_extract_batch_accepts_a_generator(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    documents = (_doc("Aiko Tanabe met Mark Dellinger in Tokyo on Monday.", doc_id=str(n)) for n in range(3))
    assert [document.id for document, _ in extractor.extract_batch(documents, context)] == ["0", "1", "2"]


def test_a_quotation_that_reports_what_named_people_did_is_read(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "“Foreign Minister Aiko Tanabe invited Secretary of State Mark Dellinger to Tokyo during "
        "their phone call on Monday,” a ministry spokesman told reporters."
    )
    events = extractor.extract(_doc(text), context)
    assert sorted(event.type.value for event in events) == ["call", "invitation"]
    invitation = _only(events, EventType.INVITATION)
    assert _roles(invitation) == {"Aiko Tanabe": Role.INVITER, "Mark Dellinger": Role.INVITEE}
    assert all(event.extractor == "spacy" for event in events)


def test_a_quoted_summit_whose_noun_names_its_countries_is_read(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "“The two ministers agreed to keep in close touch to make a success of the Japan-China summit "
        "on May 20,” the ministry said in a statement."
    )
    summit = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    assert {p.actor.country for p in summit.participants} == {"JPN", "CHN"}
    assert summit.status is Status.PLANNED


def test_quoted_speech_is_not_read(extractor: SpacyExtractor, context: ExtractionContext) -> None:
    text = "“We will meet again in Tokyo very soon,” Foreign Minister Aiko Tanabe told reporters on Monday."
    assert extractor.extract(_doc(text), context) == []


def test_a_name_only_the_parse_knows_takes_part(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = "Ruslan Petrenko was planning to visit Tokyo from June 2 to 4, his office said."
    visit = _only(extractor.extract(_doc(text), context), EventType.VISIT)
    assert [p.actor.name for p in visit.participants] == ["Ruslan Petrenko"]
    assert visit.location is not None
    assert visit.location.name == "Tokyo"


def test_a_subject_far_from_its_verb_is_read_from_the_parse(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "Defense Secretary Mark Dellinger, after a week of consultations with allies, "
        "met Defense Minister Haruto Ishimori on Thursday."
    )
    meeting = _only(extractor.extract(_doc(text), context), EventType.MEETING)
    assert {p.actor.name for p in meeting.participants} == {"Mark Dellinger", "Haruto Ishimori"}


@pytest.mark.parametrize("batch_size", [0, -3])
def test_batch_size_must_be_positive(extractor: SpacyExtractor, batch_size: int) -> None:
    with pytest.raises(ValueError, match="batch_size"):
        SpacyExtractor(nlp=extractor.nlp, batch_size=batch_size)


def test_a_named_thing_in_apposition_is_no_participant(
    extractor: SpacyExtractor, context: ExtractionContext
) -> None:
    text = (
        "President Donald Trump spoke by phone with Prime Minister Sanae Takaichi on Monday. In a post on "
        "the social media platform Truth Social, Trump said they had a very good phone conversation."
    )
    events = extractor.extract(_doc(text), context)
    assert events
    assert all("Truth Social" not in {p.actor.name for p in event.participants} for event in events)
