"""Hypothesis strategies for alliancekit's model values."""

from __future__ import annotations

import datetime as dt
import string

from hypothesis import strategies as st

from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Evidence,
    Granularity,
    Location,
    Participant,
    Role,
    Source,
    Status,
    TimeSpan,
)

alpha3 = st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3)
"""An ISO 3166-1 alpha-3 shaped code (not necessarily an assigned one)."""

optional_alpha3 = st.none() | alpha3

short_text = st.text(max_size=40)
optional_text = st.none() | short_text

_word = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12)
names = st.lists(_word, min_size=1, max_size=4).map(" ".join)
"""Names as the model stores them: words of letters separated by single spaces."""

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))


def actors() -> st.SearchStrategy[Actor]:
    """Any valid actor."""
    return st.builds(
        Actor,
        name=names,
        kind=st.sampled_from(ActorKind),
        country=optional_alpha3,
        title=optional_text,
        aliases=st.lists(short_text, max_size=3).map(tuple),
        kb_id=optional_text,
    )


def participants() -> st.SearchStrategy[Participant]:
    """Any actor in any role."""
    return st.builds(Participant, actor=actors(), role=st.sampled_from(Role))


@st.composite
def resolved_spans(draw: st.DrawFn) -> TimeSpan:
    """A resolved time span: ``start <= end``."""
    start = draw(dates)
    length = draw(st.integers(min_value=0, max_value=400))
    end = min(start + dt.timedelta(days=length), dt.date.max)
    granularity = draw(st.none() | st.sampled_from(Granularity))
    return TimeSpan(start, end, granularity, draw(short_text))


def time_spans() -> st.SearchStrategy[TimeSpan]:
    """Resolved or unresolved time spans."""
    return resolved_spans() | st.builds(TimeSpan.unresolved, short_text)


def locations() -> st.SearchStrategy[Location]:
    """Any valid location."""
    return st.builds(
        Location,
        name=names,
        country=optional_alpha3,
        text=short_text,
        kind=st.none() | st.sampled_from(["city", "country", "base", "site", "region", "territory"]),
    )


@st.composite
def evidence_in(draw: st.DrawFn, text: str) -> Evidence:
    """A span of ``text`` (possibly empty)."""
    start = draw(st.integers(min_value=0, max_value=len(text)))
    end = draw(st.integers(min_value=start, max_value=len(text)))
    return Evidence.from_text(text, start, end)


@st.composite
def events(draw: st.DrawFn, text: str | None = None) -> Event:
    """Any valid event, its evidence cut from ``text`` (generated when not given)."""
    source = draw(st.text(min_size=1, max_size=200)) if text is None else text
    event_type = draw(st.sampled_from(EventType))
    return Event(
        type=event_type,
        status=draw(st.sampled_from(Status)),
        participants=draw(st.lists(participants(), max_size=4)),
        time=draw(st.none() | time_spans()),
        location=draw(st.none() | locations()),
        topics=draw(st.lists(alpha3, max_size=4)),
        evidence=draw(st.lists(evidence_in(source), min_size=1, max_size=3)),
        document_id=draw(short_text),
        extractor=draw(short_text),
        confidence=draw(st.floats(min_value=0.0, max_value=1.0, allow_nan=False)),
        cameo=draw(st.just(event_type.cameo) | st.from_regex(r"\A[0-9]{3,4}\Z")),
        plover=draw(st.just("CONSULT") | short_text),
        plover_mode=draw(st.just(event_type.plover_mode) | optional_text),
    )


def sources() -> st.SearchStrategy[Source]:
    """Any document source."""
    return st.builds(
        Source,
        outlet=optional_text,
        url=optional_text,
        dateline=optional_text,
        timestamp=st.none()
        | st.datetimes(
            min_value=dt.datetime(1900, 1, 1),
            max_value=dt.datetime(2100, 12, 31),
            timezones=st.sampled_from([None, dt.UTC]),
        ),
    )


def documents() -> st.SearchStrategy[Document]:
    """Any valid document."""
    return st.builds(
        Document,
        id=st.text(min_size=1, max_size=30),
        text=st.text(max_size=300),
        published=st.none() | dates,
        source=sources(),
    )
