"""Behaviour of the gold loader and the scorer (alliancekit.evaluate)."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancekit.evaluate import (
    EvaluationReport,
    GoldDocument,
    GoldEvent,
    GoldFormatError,
    GoldLocation,
    GoldParticipant,
    GoldTime,
    load_gold,
    load_gold_dir,
    normalize_name,
    score,
)
from alliancekit.model import Actor, ActorKind, Event, Location, Participant, TimeSpan

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
JAN_15_17 = GoldTime(dt.date(2026, 1, 15), dt.date(2026, 1, 17))
WASHINGTON = GoldLocation("Washington, D.C.", "USA", ["Washington"])


# --------------------------------------------------------------------------- helpers


def gold_event(
    type_: str = "meeting",
    status: str = "occurred",
    names: tuple[str, ...] = ("Christopher Landau", "Takehiro Funakoshi"),
    *,
    time: GoldTime | None = None,
    location: GoldLocation | None = None,
    topics: tuple[str, ...] = (),
    optional: bool = False,
    extra: tuple[GoldParticipant, ...] = (),
) -> GoldEvent:
    participants = tuple(GoldParticipant(name) for name in names) + extra
    return GoldEvent(type_, status, participants, time, location, topics, optional)


def gold_doc(*events: GoldEvent, doc_id: str = "d1") -> GoldDocument:
    return GoldDocument(doc_id, dt.date(2026, 1, 13), events=events)


def predicted(
    type_: str = "meeting",
    status: str = "occurred",
    names: tuple[str, ...] = ("Christopher Landau", "Takehiro Funakoshi"),
    *,
    time: TimeSpan | None = None,
    location: str | None = None,
    topics: tuple[str, ...] = (),
    extra: tuple[Participant, ...] = (),
) -> Event:
    participants = tuple(Participant(Actor(name)) for name in names) + extra
    place = None if location is None else Location(location)
    return Event(type_, status, participants, time, place, topics)


def span(start: dt.date, end: dt.date | None = None) -> TimeSpan:
    return TimeSpan(start, end or start)


def from_gold(event: GoldEvent) -> Event:
    """The prediction a perfect extractor would make for a gold event."""
    participants = [
        Participant(Actor(p.name, kind=p.kind, country=p.country, title=p.title), p.role)
        for p in event.participants
    ]
    time = None
    if event.time is not None:
        time = TimeSpan.unresolved() if event.time.unresolved else TimeSpan(event.time.start, event.time.end)
    location = None if event.location is None else Location(event.location.name, event.location.country)
    return Event(event.type, event.status, participants, time, location, event.topics)


def assert_perfect(report: EvaluationReport) -> None:
    figures = [
        report.precision,
        report.recall,
        report.f1,
        report.participants_f1,
        report.time_accuracy,
        report.location_accuracy,
        report.status_accuracy,
        report.topics_f1,
        report.full_event_accuracy,
    ]
    assert figures == [1.0] * len(figures)
    assert report.fp == report.fn == 0
    assert all(document.clean for document in report.documents)


# --------------------------------------------------------------------------- detection


def test_perfect_prediction_scores_one_everywhere() -> None:
    gold = gold_doc(
        gold_event(
            "visit",
            "planned",
            ("Takehiro Funakoshi",),
            time=JAN_15_17,
            location=WASHINGTON,
            topics=("CHN", "PRK"),
        ),
        gold_event(time=JAN_15_17, location=WASHINGTON, topics=("VEN",)),
    )
    predictions = [from_gold(event) for event in gold.events]

    report = score([gold], {"d1": predictions})

    assert_perfect(report)
    assert (report.tp, report.required_events, report.time_scored, report.location_scored) == (2, 2, 2, 2)


def test_missing_event_is_a_false_negative_and_listed_as_missed() -> None:
    gold = gold_doc(gold_event(), gold_event("call", names=("Donald Trump", "Sanae Takaichi")))

    report = score([gold], {"d1": [predicted()]})

    assert (report.tp, report.fp, report.fn) == (1, 0, 1)
    assert (report.precision, report.recall) == (1.0, 0.5)
    assert report.full_event_accuracy == 0.5
    [missed] = report.documents[0].missed
    assert (missed.type.value, missed.persons) == ("call", ("Donald Trump", "Sanae Takaichi"))


def test_prediction_against_optional_gold_event_counts_neither_way() -> None:
    gold = gold_doc(gold_event(), gold_event("visit", names=("Takehiro Funakoshi",), optional=True))

    report = score([gold], {"d1": [predicted(), predicted("visit", names=("Takehiro Funakoshi",))]})

    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.optional_matches == 1
    assert_perfect(report)


def test_missing_an_optional_gold_event_is_not_a_false_negative() -> None:
    gold = gold_doc(gold_event(), gold_event("visit", names=("Takehiro Funakoshi",), optional=True))

    report = score([gold], {"d1": [predicted()]})

    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert (report.required_events, report.optional_events) == (1, 1)


def test_prediction_matches_required_gold_before_optional_gold() -> None:
    gold = gold_doc(
        gold_event(optional=True),
        gold_event(status="planned"),
    )

    report = score([gold], {"d1": [predicted()]})

    assert (report.tp, report.fp, report.fn, report.optional_matches) == (1, 0, 0, 0)
    assert report.documents[0].wrong[0].fields == ("status",)


def test_prediction_of_another_type_does_not_match() -> None:
    report = score([gold_doc(gold_event("meeting"))], {"d1": [predicted("call")]})

    assert (report.tp, report.fp, report.fn) == (0, 1, 1)


def test_one_gold_event_matches_one_prediction_only() -> None:
    report = score([gold_doc(gold_event())], {"d1": [predicted(), predicted()]})

    assert (report.tp, report.fp, report.fn) == (1, 1, 0)
    assert report.precision == 0.5
    assert [event.index for event in report.documents[0].spurious] == [1]


def test_pairs_with_the_larger_person_overlap_are_matched_first() -> None:
    gold = gold_doc(
        gold_event(names=("Sadamasa Oue",)),
        gold_event(names=("Sadamasa Oue", "Brett Mietus")),
    )
    predictions = [predicted(names=("Sadamasa Oue",)), predicted(names=("Brett Mietus", "Sadamasa Oue"))]

    report = score([gold], {"d1": predictions})

    assert (report.tp, report.fp, report.fn) == (2, 0, 0)
    assert report.full_event_accuracy == 1.0


def test_equal_overlap_prefers_the_prediction_whose_arguments_agree() -> None:
    gold = gold_doc(gold_event(status="planned", time=JAN_15_17))
    wrong_status = predicted(status="occurred", time=span(dt.date(2026, 1, 16)))
    right_status = predicted(status="planned", time=span(dt.date(2026, 1, 16)))

    report = score([gold], {"d1": [wrong_status, right_status]})

    assert (report.tp, report.fp, report.fn) == (1, 1, 0)
    assert report.full_event_accuracy == 1.0
    assert [event.index for event in report.documents[0].spurious] == [0]


def test_gold_without_named_persons_matches_on_the_same_country_set() -> None:
    authorities = (
        GoldParticipant("Japanese foreign and defense authorities", "JPN", "host", kind="organization"),
        GoldParticipant("United States", "USA", "guest", kind="country"),
    )
    gold = gold_doc(gold_event(names=(), extra=authorities))
    countries = (
        Participant(Actor("Japan", ActorKind.COUNTRY, "JPN")),
        Participant(Actor("U.S. officials", ActorKind.ORGANIZATION, "USA")),
    )
    only_japan = countries[:1]

    matched = score([gold], {"d1": [predicted(names=(), extra=countries)]})
    unmatched = score([gold], {"d1": [predicted(names=(), extra=only_japan)]})

    assert (matched.tp, matched.fp, matched.fn) == (1, 0, 0)
    assert matched.participants_f1 == 1.0
    assert (unmatched.tp, unmatched.fp, unmatched.fn) == (0, 1, 1)


def test_organizations_are_not_persons_on_either_side() -> None:
    congress = GoldParticipant("U.S. Congress", "USA", "host", kind="organization")
    gold = gold_doc(gold_event(names=("Fumio Kishida",), extra=(congress,)))
    prediction = predicted(
        names=("Fumio Kishida",), extra=(Participant(Actor("Congress", ActorKind.ORGANIZATION, "USA")),)
    )

    report = score([gold], {"d1": [prediction]})

    assert (report.tp, report.participants_f1, report.full_event_accuracy) == (1, 1.0, 1.0)


def test_a_shared_organization_name_is_not_a_shared_person() -> None:
    gold = gold_doc(gold_event(names=("Fumio Kishida",)))
    prediction = predicted(names=(), extra=(Participant(Actor("Fumio Kishida", ActorKind.ORGANIZATION)),))

    report = score([gold], {"d1": [prediction]})

    assert (report.tp, report.fp, report.fn) == (0, 1, 1)


def test_predictions_are_matched_within_their_own_document_only() -> None:
    gold = [gold_doc(gold_event(), doc_id="a"), gold_doc(doc_id="b")]

    report = score(gold, {"b": [predicted()]})

    assert (report.tp, report.fp, report.fn) == (0, 1, 1)
    assert report.predicted_events == 1


# --------------------------------------------------------------------------- names


@pytest.mark.parametrize(
    ("gold_name", "predicted_name"),
    [
        ("Takehiro Funakoshi", "Funakoshi Takehiro"),
        ("Brett Mietus", "Rear Adm. Brett Mietus"),
        ("Charles D. Cooley", "Charles Cooley"),
        ("Charles D. Cooley", "Brig. Gen. Charles D. Cooley"),
        ("Shinjiro Koizumi", "SHINJIRŌ KOIZUMI"),
        ("Sanae Takaichi", "Prime Minister Sanae Takaichi"),
        ("Donald Trump", "President Donald J. Trump"),
    ],
)
def test_word_order_honorifics_initials_and_accents_do_not_matter_in_matching(
    gold_name: str, predicted_name: str
) -> None:
    gold = gold_doc(gold_event(names=(gold_name,)))

    report = score([gold], {"d1": [predicted(names=(predicted_name,))]})

    assert (report.tp, report.participants_f1, report.full_event_accuracy) == (1, 1.0, 1.0)


@pytest.mark.parametrize(
    ("name", "tokens"),
    [
        ("Rear Adm. Brett Mietus", {"brett", "mietus"}),
        ("Charles D. Cooley", {"charles", "cooley"}),
        ("Mr. José Ramos-Horta Jr.", {"jose", "ramos", "horta"}),
        ("Dr. Conan O'Brien", {"conan", "obrien"}),
        ("  Funakoshi\tTAKEHIRO ", {"funakoshi", "takehiro"}),
        ("Mr.", set()),
        ("", set()),
    ],
)
def test_normalize_name_keeps_only_the_name_tokens(name: str, tokens: set[str]) -> None:
    assert normalize_name(name) == frozenset(tokens)


def test_a_partial_name_is_not_the_same_person() -> None:
    gold = gold_doc(gold_event(names=("Sadamasa Oue",)))

    report = score([gold], {"d1": [predicted(names=("Oue",))]})

    assert (report.tp, report.fp, report.fn) == (0, 1, 1)


def test_a_participant_alternate_spelling_matches_and_scores_as_the_person() -> None:
    moon = GoldParticipant("Moon Jae-in", "KOR", alternates=["Mun Jae-in"])
    gold = gold_doc(gold_event(names=("Shinzo Abe",), extra=(moon,)))

    report = score([gold], {"d1": [predicted(names=("Shinzo Abe", "Mun Jae In"))]})

    assert (report.tp, report.fp, report.fn) == (1, 0, 0)
    assert report.participants_f1 == 1.0
    assert report.full_event_accuracy == 1.0


def test_one_predicted_name_cannot_stand_for_two_gold_people_through_alternates() -> None:
    first = GoldParticipant("Kim Jong Un", alternates=["Kim Jong-un"])
    second = GoldParticipant("Kim Yo Jong", alternates=["Kim Jong Un"])
    gold = gold_doc(gold_event(names=(), extra=(first, second)))

    report = score([gold], {"d1": [predicted(names=("Kim Jong Un",))]})

    assert report.tp == 1
    assert report.participants_f1 < 1.0


def test_participant_alternates_load_from_gold_files(tmp_path: Path) -> None:
    data = {
        "document": {"id": "a1", "published": "2026-01-13"},
        "events": [
            {
                "type": "call",
                "status": "occurred",
                "participants": [
                    {"name": "Yoon Suk Yeol", "role": "participant", "alternates": ["Yoon Suk-yeol"]}
                ],
                "time": None,
                "location": None,
            }
        ],
    }
    path = tmp_path / "a1.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    document = load_gold(path)

    assert document.events[0].participants[0].alternates == ("Yoon Suk-yeol",)


@pytest.mark.property
@given(st.text())
def test_normalize_name_is_idempotent_and_never_raises(name: str) -> None:
    key = normalize_name(name)

    assert normalize_name(" ".join(sorted(key))) == key
    assert all(len(token) > 1 and " " not in token for token in key)


_NAME_PARTS = st.sampled_from(
    ["Adm.", "Rear", "Gen.", "Brig.", "Mr.", "D.", "Jr.", "Takehiro", "Funakoshi", "Shinjirō", "O'Brien",
     "Ramos-Horta", "ÉLY", "İstanbul", "ǅemal", "ß", "ﬁsh", "Ⅻ", "x²"]
)  # fmt: skip


@pytest.mark.property
@given(st.lists(_NAME_PARTS, max_size=6), st.randoms(use_true_random=False))
def test_normalize_name_ignores_word_order(parts: list[str], random: Any) -> None:
    shuffled = list(parts)
    random.shuffle(shuffled)

    key = normalize_name(" ".join(parts))

    assert normalize_name(" ".join(shuffled)) == key
    assert normalize_name(" ".join(sorted(key))) == key


# --------------------------------------------------------------------------- arguments


@pytest.mark.parametrize(
    ("prediction", "correct"),
    [
        (span(dt.date(2026, 1, 15), dt.date(2026, 1, 17)), True),
        (span(dt.date(2026, 1, 16)), True),
        (span(dt.date(2026, 1, 14), dt.date(2026, 1, 16)), False),
        (span(dt.date(2026, 1, 16), dt.date(2026, 1, 18)), False),
        (span(dt.date(2026, 1, 1), dt.date(2026, 1, 31)), False),
        (TimeSpan.unresolved("this Thursday"), False),
        (None, False),
    ],
)
def test_time_is_correct_when_the_predicted_interval_lies_inside_the_gold_one(
    prediction: TimeSpan | None, correct: bool
) -> None:
    gold = gold_doc(gold_event(time=JAN_15_17))

    report = score([gold], {"d1": [predicted(time=prediction)]})

    assert report.time_scored == 1
    assert report.time_accuracy == report.full_event_accuracy == float(correct)
    if not correct:
        [wrong] = report.documents[0].wrong
        assert wrong.errors[0].field == "time"
        assert wrong.errors[0].gold == "2026-01-15..2026-01-17"


@pytest.mark.parametrize(
    ("prediction", "correct"),
    [
        (None, True),
        (TimeSpan.unresolved("next month"), True),
        (span(dt.date(2026, 2, 13)), False),
    ],
)
def test_unresolved_gold_time_wants_no_resolved_prediction(
    prediction: TimeSpan | None, correct: bool
) -> None:
    next_month = GoldTime.unresolved_time("next month")
    gold = gold_doc(gold_event("visit", "planned", ("Fumio Kishida",), time=next_month))

    report = score([gold], {"d1": [predicted("visit", "planned", ("Fumio Kishida",), time=prediction)]})

    assert (report.time_scored, report.time_accuracy) == (1, float(correct))


def test_gold_time_null_is_not_scored() -> None:
    gold = gold_doc(gold_event(time=None))

    report = score([gold], {"d1": [predicted(time=span(dt.date(1999, 1, 1)))]})

    assert (report.time_scored, report.time_accuracy, report.full_event_accuracy) == (0, 1.0, 1.0)


@pytest.mark.parametrize(
    ("place", "correct"),
    [
        ("Washington, D.C.", True),
        ("Washington", True),
        ("  washington,   d.c. ", True),
        ("The Washington", True),
        ("Tokyo", False),
        ("Washington DC", False),
        (None, False),
    ],
)
def test_location_is_correct_when_it_equals_the_gold_name_or_an_alternate(
    place: str | None, correct: bool
) -> None:
    gold = gold_doc(gold_event(location=WASHINGTON))

    report = score([gold], {"d1": [predicted(location=place)]})

    assert (report.location_scored, report.location_accuracy) == (1, float(correct))


def test_gold_location_null_is_not_scored() -> None:
    report = score([gold_doc(gold_event(location=None))], {"d1": [predicted(location="Tokyo")]})

    assert (report.location_scored, report.location_accuracy, report.full_event_accuracy) == (0, 1.0, 1.0)


def test_wrong_status_is_reported_with_gold_and_predicted_values() -> None:
    report = score([gold_doc(gold_event(status="planned"))], {"d1": [predicted(status="occurred")]})

    assert (report.tp, report.status_accuracy, report.full_event_accuracy) == (1, 0.0, 0.0)
    assert "status: gold=planned predicted=occurred" in report.render()


def test_participants_f1_is_micro_over_matched_pairs_and_full_event_needs_equal_sets() -> None:
    gold = gold_doc(gold_event(names=("Pete Hegseth", "Shinjiro Koizumi")))
    prediction = predicted(names=("Pete Hegseth", "Shinjiro Koizumi", "Scott Bessent"))

    report = score([gold], {"d1": [prediction]})

    assert report.participants_f1 == pytest.approx(0.8)
    assert report.full_event_accuracy == 0.0
    [wrong] = report.documents[0].wrong
    assert wrong.fields == ("participants",)
    assert wrong.errors[0].predicted == "Pete Hegseth, Scott Bessent, Shinjiro Koizumi"


def test_a_missing_person_makes_the_event_not_fully_correct() -> None:
    gold = gold_doc(gold_event(names=("Sadamasa Oue", "Brett Mietus", "Charles D. Cooley")))

    report = score([gold], {"d1": [predicted(names=("Oue Sadamasa", "Rear Adm. Brett Mietus"))]})

    assert report.tp == 1
    assert report.participants_f1 == pytest.approx(0.8)
    assert report.full_event_accuracy == 0.0


def test_topics_are_a_secondary_figure_outside_full_event_accuracy() -> None:
    gold = gold_doc(gold_event(topics=("CHN", "PRK")))

    report = score([gold], {"d1": [predicted(topics=("CHN", "RUS"))]})

    assert report.topics_f1 == 0.5
    assert report.full_event_accuracy == 1.0


# --------------------------------------------------------------------------- conventions and output


def test_nothing_to_score_is_perfect() -> None:
    assert_perfect(score([gold_doc()], {}))


def test_gold_without_predictions_scores_zero_detection() -> None:
    report = score([gold_doc(gold_event())], {})

    assert (report.precision, report.recall, report.f1, report.full_event_accuracy) == (0.0, 0.0, 0.0, 0.0)
    assert report.participants_f1 == 1.0  # no matched pair: nothing to score


def test_predictions_without_gold_events_score_zero_detection() -> None:
    report = score([gold_doc()], {"d1": [predicted()]})

    assert (report.tp, report.fp, report.fn) == (0, 1, 0)
    assert (report.precision, report.recall, report.f1) == (0.0, 0.0, 0.0)


def test_predictions_for_unknown_documents_are_ignored_and_listed() -> None:
    report = score([gold_doc(gold_event())], {"d1": [predicted()], "zz": [predicted()]})

    assert (report.tp, report.fp, report.predicted_events) == (1, 0, 1)
    assert report.unknown_documents == ("zz",)
    assert "zz" in report.render()


def test_duplicate_gold_document_ids_are_rejected() -> None:
    with pytest.raises(ValueError, match="duplicate gold document ids: d1"):
        score([gold_doc(), gold_doc()], {})


def test_report_to_dict_is_json_ready() -> None:
    gold = gold_doc(gold_event(), gold_event("call"), gold_event("visit", status="planned", time=JAN_15_17))
    predictions = [predicted(), predicted("invitation"), predicted("visit", "occurred", time=None)]

    data = score([gold], {"d1": predictions}).to_dict()

    assert json.loads(json.dumps(data)) == data
    assert data["counts"] == {"tp": 2, "fp": 1, "fn": 1}
    [document] = data["documents"]
    assert [error["field"] for error in document["wrong"][0]["errors"]] == ["status", "time"]
    assert document["wrong"][0]["errors"][1] == {
        "field": "time",
        "gold": "2026-01-15..2026-01-17",
        "predicted": "none",
    }


def test_render_lists_figures_then_missed_spurious_and_wrong_events() -> None:
    gold = gold_doc(
        gold_event(),
        gold_event("call", names=("Donald Trump", "Sanae Takaichi")),
        gold_event("visit", names=("Sadamasa Oue",), location=GoldLocation("Camp Blaz", "USA", ["Guam"])),
    )
    predictions = [
        predicted(),
        predicted("invitation"),
        predicted("visit", names=("Oue",)),
        predicted("visit", names=("Sadamasa Oue",), location="Tokyo"),
    ]

    text = score([gold], {"d1": predictions}).render()

    assert "full-event accuracy" in text
    assert "event precision" in text
    assert "MISSED    d1  call/occurred Donald Trump, Sanae Takaichi" in text
    assert "SPURIOUS  d1  invitation/occurred Christopher Landau, Takehiro Funakoshi" in text
    assert "SPURIOUS  d1  visit/occurred Oue" in text
    wrong_line = (
        "WRONG     d1  visit/occurred Sadamasa Oue  location: gold=Camp Blaz (or Guam) predicted=Tokyo"
    )
    assert wrong_line in text


# --------------------------------------------------------------------------- loading gold


def test_all_seed_gold_files_load() -> None:
    documents, errors = load_gold_dir(SEEDS)

    assert errors == []
    assert len(documents) == 5
    by_id = {document.id: document for document in documents}
    first = by_id["000_56d61070ac31c156"]
    assert first.published == dt.date(2026, 1, 13)
    assert first.outlet == "AP News"
    assert first.events[0].time == GoldTime(
        dt.date(2026, 1, 15), dt.date(2026, 1, 17), text="three days starting this Thursday"
    )
    assert first.events[0].location is not None
    assert first.events[0].location.alternates == ("Washington",)
    assert first.events[3].optional
    assert first.events[3].time is None
    kishida = by_id["001_54242e85c9ac7841"]
    assert kishida.published is None
    assert kishida.events[0].time is not None
    assert kishida.events[0].time.unresolved
    assert kishida.events[1].participants[1].kind is ActorKind.ORGANIZATION
    assert [p.name for p in kishida.events[1].persons()] == ["Fumio Kishida"]


def test_seed_gold_scored_against_itself_is_perfect() -> None:
    documents, _ = load_gold_dir(SEEDS)
    predictions = {document.id: [from_gold(event) for event in document.events] for document in documents}

    report = score(documents, predictions)

    assert_perfect(report)
    assert report.required_events == report.tp == 14
    assert report.optional_matches == report.optional_events == 8


def test_load_gold_reads_one_file() -> None:
    document = load_gold(SEEDS / "004_12069e3b6cdc84a6.gold.json")

    assert document.id == "004_12069e3b6cdc84a6"
    assert document.path == SEEDS / "004_12069e3b6cdc84a6.gold.json"
    hosts = ["Sadamasa Oue", "Brett Mietus", "Charles D. Cooley"]
    assert [p.name for p in document.events[3].persons()] == hosts


def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((SEEDS / "000_56d61070ac31c156.gold.json").read_text(encoding="utf-8"))
    return data


def test_malformed_gold_names_file_and_field_and_other_files_still_load(tmp_path: Path) -> None:
    for path in SEEDS.glob("*.gold.json"):
        shutil.copy(path, tmp_path / path.name)
    data = _seed_data()
    data["document"]["id"] = "bad"
    data["events"][2]["time"]["start"] = "2026-13-01"
    bad = tmp_path / "bad.gold.json"
    bad.write_text(json.dumps(data), encoding="utf-8")

    documents, errors = load_gold_dir(tmp_path)

    assert len(documents) == 5
    [error] = errors
    assert isinstance(error, GoldFormatError)
    assert isinstance(error, ValueError)
    assert error.path == bad
    assert str(error) == f"{bad}: events[2].time.start: not an ISO date: '2026-13-01'"
    with pytest.raises(GoldFormatError, match=r"bad\.gold\.json: events\[2\]\.time\.start: not an ISO date"):
        load_gold(bad)


def _set(data: dict[str, Any], dotted: str, value: Any) -> None:
    *parents, last = dotted.split(".")
    target: Any = data
    for key in parents:
        target = target[int(key)] if isinstance(target, list) else target[key]
    if isinstance(target, list):
        target[int(last)] = value
    else:
        target[last] = value


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("events.0.type", "summit", "events[0].type: not an event type: 'summit'"),
        ("events.0.status", "done", "events[0].status: not a status: 'done'"),
        ("events.0.participants.0.role", "boss", "events[0].participants[0].role: not a role: 'boss'"),
        ("events.0.participants.0.kind", "group", "events[0].participants[0].kind: not an actor kind"),
        ("events.0.participants.0.country", "Japan", "events[0].participants[0].country: not an ISO 3166-1"),
        ("events.0.participants.0.name", "", "events[0].participants[0].name: must be a non-empty string"),
        ("events.0.participants", [], "events[0].participants: an event needs at least one participant"),
        ("events.1.time.end", "2026-01-01", "events[1].time.end: ends (2026-01-01) before it starts"),
        ("events.1.time.end", None, "events[1].time.end: missing"),
        ("events.1.time.start", "15 January 2026", "events[1].time.start: not an ISO date"),
        ("events.1.time.unresolved", True, "events[1].time.start: an unresolved time has no dates"),
        ("events.1.location.alternates", "Washington", "events[1].location.alternates: expected an array"),
        ("events.1.topics.0", "China", "events[1].topics[0]: not an ISO 3166-1 alpha-3 code: 'China'"),
        ("events.3.optional", "yes", "events[3].optional: must be true or false"),
        ("events.3.optinal", True, "events[3].optinal: unknown key"),
        ("document.published", "13/01/2026", "document.published: not an ISO date: '13/01/2026'"),
        ("document.id", 7, "document.id: must be a non-empty string"),
        ("events", {}, "events: expected an array, got an object"),
    ],
)
def test_malformed_gold_reports_the_json_path(tmp_path: Path, field: str, value: Any, message: str) -> None:
    data = _seed_data()
    _set(data, field, value)
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)

    assert str(caught.value).startswith(f"{path}: {message}")


def test_missing_time_key_is_an_error_because_null_means_not_scored(tmp_path: Path) -> None:
    data = _seed_data()
    del data["events"][0]["time"]
    path = tmp_path / "x.gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")

    with pytest.raises(GoldFormatError, match=r"events\[0\]\.time: missing"):
        load_gold(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"document": {"id": "x"}, "events": [}', "invalid JSON: Expecting value (line 1, column 38)"),
        ('{"document": {"id": "x"}, "document": {"id": "y"}, "events": []}', "invalid JSON: duplicate key"),
        ("[]", "expected an object, got an array"),
        ('{"document": {"id": "x"}}', "events: missing"),
    ],
)
def test_broken_json_is_a_gold_format_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "x.gold.json"
    path.write_text(text, encoding="utf-8")

    with pytest.raises(GoldFormatError) as caught:
        load_gold(path)

    assert message in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_non_utf8_gold_is_a_gold_format_error(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.json"
    path.write_bytes(b'{"document": {"id": "\xff"}, "events": []}')

    with pytest.raises(GoldFormatError, match="not UTF-8"):
        load_gold(path)


def test_load_gold_dir_reports_a_repeated_document_id(tmp_path: Path) -> None:
    seed = SEEDS / "000_56d61070ac31c156.gold.json"
    shutil.copy(seed, tmp_path / "a.gold.json")
    shutil.copy(seed, tmp_path / "b.gold.json")

    documents, errors = load_gold_dir(tmp_path)

    assert [document.path for document in documents] == [tmp_path / "a.gold.json"]
    [error] = errors
    assert error.path == tmp_path / "b.gold.json"
    assert "duplicate id '000_56d61070ac31c156'" in str(error)


def test_load_gold_dir_ignores_other_files_and_rejects_a_missing_directory(tmp_path: Path) -> None:
    (tmp_path / "notes.json").write_text("not gold", encoding="utf-8")

    assert load_gold_dir(tmp_path) == ([], [])
    with pytest.raises(NotADirectoryError):
        load_gold_dir(tmp_path / "nowhere")
