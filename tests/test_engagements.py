"""Cross-document merging: when reports are the same engagement, and plans linked to outcomes."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliancekit.engagements import (
    Engagement,
    MergeRules,
    Report,
    ReportKey,
    _Cluster,
    _is_vague,
    _order,
    _span,
    cluster,
    engagement_id,
    link_outcomes,
    merge_reports,
)
from alliancekit.model import Actor, ActorKind, Event, Evidence, Location, Participant, Status, TimeSpan

RUBIO = Actor("Marco Rubio", country="USA", kb_id="usa/rubio-marco")
MOTEGI = Actor("Toshimitsu Motegi", country="JPN", kb_id="jpn/motegi-toshimitsu")
KOIZUMI = Actor("Shinjiro Koizumi", country="JPN", kb_id="jpn/koizumi-shinjiro")
TOKYO = Location("Tokyo", "JPN")
WASHINGTON = Location("Washington, D.C.", "USA")


def _report(
    document: str,
    *,
    kind: str = "meeting",
    status: str = "occurred",
    actors: tuple[Actor, ...] = (RUBIO, MOTEGI),
    start: dt.date | None = dt.date(2026, 3, 2),
    end: dt.date | None = None,
    location: Location | None = TOKYO,
    outlet: str | None = None,
) -> Report:
    time = TimeSpan(start, end or start, "day") if start is not None else TimeSpan.unresolved("someday")
    words = f"{document} says so"
    event = Event(
        kind,
        status,
        [Participant(actor) for actor in actors],
        time=time,
        location=location,
        evidence=[Evidence.from_text(words, 0, len(words))],
        document_id=document,
        extractor="test",
    )
    return Report(event, outlet=outlet)


def _groups(engagements: list[Engagement]) -> list[tuple[str, str, list[str]]]:
    return [(e.type.value, e.status.value, sorted(e.sources)) for e in engagements]


# --------------------------------------------------------------------------- same engagement


def test_reports_of_one_meeting_from_several_outlets_become_one_engagement_keeping_every_source() -> None:
    reports = [_report("kyodo", outlet="Kyodo"), _report("ap", outlet="AP"), _report("nhk", outlet="NHK")]

    [engagement] = merge_reports(reports)

    assert sorted(engagement.sources) == ["ap", "kyodo", "nhk"]
    assert sorted(engagement.outlets) == ["AP", "Kyodo", "NHK"]
    assert len(engagement.evidence) == 3
    assert {document for document, _ in engagement.evidence} == {"ap", "kyodo", "nhk"}


def test_participants_match_by_name_in_any_order_when_no_kb_id_is_known() -> None:
    first = (Actor("Marco Rubio"), Actor("Toshimitsu Motegi"))
    second = (Actor("Rubio Marco"), Actor("Motegi Toshimitsu"))

    merged = merge_reports([_report("a", actors=first), _report("b", actors=second)])

    assert _groups(merged) == [("meeting", "occurred", ["a", "b"])]


def test_roles_do_not_matter_only_the_set_of_participants() -> None:
    host = Event(
        "meeting",
        "occurred",
        [Participant(MOTEGI, "host"), Participant(RUBIO, "guest")],
        time=TimeSpan.day(dt.date(2026, 3, 2)),
        document_id="host",
    )

    merged = merge_reports([_report("plain"), Report(host)])

    assert len(merged) == 1


def test_people_count_and_countries_are_ignored_when_people_are_named() -> None:
    japan = Actor("Japan", kind=ActorKind.COUNTRY, country="JPN")

    merged = merge_reports([_report("a"), _report("b", actors=(RUBIO, MOTEGI, japan))])

    assert len(merged) == 1


@pytest.mark.parametrize(
    ("other", "why"),
    [
        (_report("b", kind="call"), "another type"),
        (_report("b", status="planned"), "another status"),
        (_report("b", actors=(RUBIO, MOTEGI, KOIZUMI)), "another set of participants"),
        (_report("b", actors=(RUBIO,)), "a subset of the participants"),
        (_report("b", start=dt.date(2026, 3, 4)), "two days apart"),
        (_report("b", location=WASHINGTON), "another country"),
        (_report("b", start=None), "no resolved time"),
    ],
)
def test_reports_that_differ_in_one_rule_stay_apart(other: Report, why: str) -> None:
    merged = merge_reports([_report("a"), other])

    assert len(merged) == 2, why


def test_reports_a_day_apart_merge_by_the_default_tolerance() -> None:
    merged = merge_reports([_report("a"), _report("b", start=dt.date(2026, 3, 3))])

    assert len(merged) == 1
    assert merged[0].time is not None
    assert merged[0].time.start == dt.date(2026, 3, 2)


def test_the_tolerance_is_a_rule_that_can_be_changed() -> None:
    reports = [_report("a"), _report("b", start=dt.date(2026, 3, 5))]

    assert len(merge_reports(reports)) == 2
    assert len(merge_reports(reports, MergeRules(tolerance_days=3))) == 1


def test_overlapping_spans_merge_and_the_engagement_takes_the_most_precise_one() -> None:
    week = _report("week", start=dt.date(2026, 3, 2), end=dt.date(2026, 3, 8))
    day = _report("day", start=dt.date(2026, 3, 5))

    [engagement] = merge_reports([week, day])

    assert engagement.time is not None
    assert (engagement.time.start, engagement.time.end) == (dt.date(2026, 3, 5), dt.date(2026, 3, 5))


def test_a_report_without_location_fits_any_place() -> None:
    merged = merge_reports([_report("a"), _report("b", location=None), _report("c", location=TOKYO)])

    assert len(merged) == 1


def test_vague_spans_merge_only_with_the_same_span() -> None:
    year = {"start": dt.date(2026, 1, 1), "end": dt.date(2026, 12, 31)}
    reports = [
        _report("y1", status="planned", **year),
        _report("y2", status="planned", **year),
        _report("day", status="planned", start=dt.date(2026, 6, 1)),
    ]

    merged = merge_reports(reports)

    assert sorted(tuple(sorted(e.sources)) for e in merged) == [("day",), ("y1", "y2")]


def test_reports_without_participants_are_never_merged() -> None:
    merged = merge_reports([_report("a", actors=()), _report("b", actors=())])

    assert len(merged) == 2


def test_merging_does_not_depend_on_the_order_reports_arrive_in() -> None:
    reports = [
        _report(f"d{day}-{n}", start=dt.date(2026, 3, day)) for day in (1, 2, 5, 9, 10) for n in range(2)
    ]
    reports += [_report("planned", status="planned", start=dt.date(2026, 3, 8), end=dt.date(2026, 3, 12))]
    expected = [(e.id, e.sources, e.outcome_id) for e in merge_reports(reports)]

    for seed in range(5):
        shuffled = reports[:]
        random.Random(seed).shuffle(shuffled)
        assert [(e.id, e.sources, e.outcome_id) for e in merge_reports(shuffled)] == expected


def test_the_same_report_twice_is_kept_once() -> None:
    [engagement] = merge_reports([_report("a"), _report("a")])

    assert len(engagement.reports) == 1


# --------------------------------------------------------------------------- planned -> occurred


def _planned_and_done(
    planned_day: dt.date, done_day: dt.date, *, done_status: str = "occurred", **planned: object
) -> tuple[Engagement, Engagement]:
    plan = _report("announcement", status="planned", start=planned_day, **planned)  # type: ignore[arg-type]
    done = _report("report", status=done_status, start=done_day)
    merged = {e.status.value: e for e in merge_reports([plan, done])}
    return merged["planned"], merged[done_status]


def test_a_visit_announced_on_tuesday_is_linked_to_the_report_on_friday_that_it_happened() -> None:
    # Announced Tuesday 2026-01-13 for Thursday; reported done on Friday, dated Thursday.
    plan = _report("tue", kind="visit", status="planned", start=dt.date(2026, 1, 15), location=WASHINGTON)
    done = _report("fri", kind="visit", status="occurred", start=dt.date(2026, 1, 15), location=WASHINGTON)

    planned, occurred = merge_reports([plan, done])

    assert planned.status.value == "planned"
    assert planned.outcome_id == occurred.id
    assert occurred.plan_ids == (planned.id,)


def test_an_outcome_inside_a_month_long_plan_is_linked() -> None:
    planned, occurred = _planned_and_done(dt.date(2026, 3, 1), dt.date(2026, 3, 20), end=dt.date(2026, 3, 31))

    assert planned.outcome_id == occurred.id


def test_an_outcome_a_few_days_late_is_linked_within_the_tolerance_and_not_beyond() -> None:
    planned, occurred = _planned_and_done(dt.date(2026, 3, 2), dt.date(2026, 3, 5))
    assert planned.outcome_id == occurred.id

    planned, _ = _planned_and_done(dt.date(2026, 3, 2), dt.date(2026, 3, 9))
    assert planned.outcome_id is None


def test_a_plan_is_not_linked_to_an_outcome_in_another_country() -> None:
    planned, _ = _planned_and_done(dt.date(2026, 3, 2), dt.date(2026, 3, 2), location=WASHINGTON)

    assert planned.outcome_id is None


def test_a_cancellation_is_the_outcome_when_nothing_occurred() -> None:
    planned, cancelled = _planned_and_done(dt.date(2026, 3, 2), dt.date(2026, 3, 2), done_status="cancelled")

    assert planned.outcome_id == cancelled.id


def test_an_occurred_report_wins_over_a_cancellation() -> None:
    plan = _report("plan", status="planned", start=dt.date(2026, 3, 2))
    cancelled = _report("cancel", status="cancelled", start=dt.date(2026, 3, 2))
    occurred = _report("done", status="occurred", start=dt.date(2026, 3, 3))

    by_status = {e.status.value: e for e in merge_reports([plan, cancelled, occurred])}

    assert by_status["planned"].outcome_id == by_status["occurred"].id


def test_engagement_serializes_with_sources_and_events() -> None:
    [engagement] = merge_reports([_report("a", outlet="Kyodo"), _report("b")])

    data = engagement.to_dict()

    assert data["type"] == "meeting"
    assert [source["document_id"] for source in data["sources"]] == list(engagement.sources)
    assert len(data["events"]) == 2
    assert data["participants"][0]["kb_id"] in {"usa/rubio-marco", "jpn/motegi-toshimitsu"}


# --------------------------------------------------------------------------- the fast merge is the plain one


def _first_fit(keys: list[ReportKey], rules: MergeRules) -> list[list[str]]:
    """The rules read literally: each report joins the first engagement made so far that accepts it."""
    made: list[_Cluster] = []
    for key in sorted(keys, key=_order):
        vague = _is_vague(key, rules)
        chosen = next(
            (
                c
                for c in made
                if (c.members[0].block, c.members[0].status) == (key.block, key.status)
                and c.accepts(key, vague, rules)
            ),
            None,
        )
        if chosen is None:
            made.append(_Cluster([key], key.start, key.end, key.country, vague))
        else:
            chosen.add(key)
    return [[key.fingerprint for key in c.members] for c in made]


def _every_pair_link(clusters: list[list[ReportKey]], rules: MergeRules) -> dict[str, str]:
    """The link rules read literally: every plan against every outcome of its block."""
    widen = dt.timedelta(days=rules.link_tolerance_days)
    links: dict[str, str] = {}
    for plan in clusters:
        start, end, country = _span(plan)
        if plan[0].status is not Status.PLANNED or start is None or end is None:
            continue
        ranked = []
        for outcome in clusters:
            o_start, _, o_country = _span(outcome)
            if outcome[0].status is Status.PLANNED or outcome[0].block != plan[0].block or o_start is None:
                continue
            if not start - widen <= o_start <= end + widen:
                continue
            if country is not None and o_country is not None and country != o_country:
                continue
            ranked.append(
                (
                    outcome[0].status is not Status.OCCURRED,
                    abs((o_start - start).days),
                    engagement_id(outcome),
                )
            )
        if ranked:
            links[engagement_id(plan)] = min(ranked)[2]
    return links


@st.composite
def _report_keys(draw: st.DrawFn) -> ReportKey:
    start = draw(st.none() | st.dates(dt.date(2026, 1, 1), dt.date(2026, 2, 1)))
    length = draw(st.sampled_from([0, 0, 1, 2, 5, 20, 70]))
    return ReportKey(
        draw(st.text("0123456789abcdef", min_size=8, max_size=8)),
        draw(st.sampled_from(["meeting|a", "visit|a"])),
        draw(st.sampled_from(list(Status))),
        start,
        None if start is None else start + dt.timedelta(days=length),
        draw(st.sampled_from([None, None, "JPN", "USA"])),
    )


@given(
    keys=st.lists(_report_keys(), max_size=40, unique_by=lambda key: key.fingerprint),
    tolerance=st.integers(0, 3),
    link_tolerance=st.integers(0, 4),
    max_span=st.sampled_from([1, 3, 10, 62]),
)
def test_the_linear_merge_finds_what_the_rules_read_literally_find(
    keys: list[ReportKey], tolerance: int, link_tolerance: int, max_span: int
) -> None:
    rules = MergeRules(tolerance_days=tolerance, link_tolerance_days=link_tolerance, max_span_days=max_span)

    clusters = cluster(keys, rules)

    assert [[key.fingerprint for key in members] for members in clusters] == _first_fit(keys, rules)
    assert link_outcomes(clusters, rules) == _every_pair_link(clusters, rules)
