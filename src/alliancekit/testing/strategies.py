"""Hypothesis strategies: news-like and hostile texts, documents, and model values.

Three strategies feed extractors:

* :func:`news_texts` - articles assembled from templates: titled (fictional)
  officials who meet, visit, phone and invite each other, with weekday and
  date expressions, datelines, headlines, captions and "Related articles"
  lists around the body;
* :func:`arbitrary_texts` - any unicode at all, control characters included,
  with very long runs of capitals, dots and quotes that catch runaway
  regular expressions;
* :func:`documents` - :class:`~alliancekit.model.Document` values around
  either, with or without a publication date.

The rest build any valid model value (:func:`events`, :func:`actors`, ...)
for round-trip and writer tests.

>>> from hypothesis import given, settings
>>> @settings(max_examples=10)
... @given(documents(texts=news_texts(), published=False))
... def test_undated(document):
...     assert document.anchor is None and document.text.strip()
>>> test_undated()
"""

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

__all__ = [
    "actors",
    "alpha3",
    "arbitrary_texts",
    "dates",
    "documents",
    "events",
    "evidence_in",
    "locations",
    "names",
    "news_texts",
    "optional_alpha3",
    "optional_text",
    "participants",
    "resolved_spans",
    "short_text",
    "sources",
    "time_spans",
]

# --------------------------------------------------------------------------- model values

alpha3 = st.text(alphabet=string.ascii_uppercase, min_size=3, max_size=3)
"""An ISO 3166-1 alpha-3 shaped code (not necessarily an assigned one)."""

optional_alpha3 = st.none() | alpha3
"""An alpha-3 shaped code or ``None``."""

short_text = st.text(max_size=40)
"""Any short unicode string."""

optional_text = st.none() | short_text
"""A short unicode string or ``None``."""

_word = st.text(alphabet=st.characters(categories=["L"]), min_size=1, max_size=12)
names = st.lists(_word, min_size=1, max_size=4).map(" ".join)
"""Names as the model stores them: words of letters separated by single spaces."""

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
"""Dates from 1900 to 2100."""


def actors() -> st.SearchStrategy[Actor]:
    """Any valid actor.

    >>> isinstance(actors(), st.SearchStrategy)
    True
    """
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
    """Any document source, sometimes with a timestamp."""
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


# --------------------------------------------------------------------------- news-like text
# Every person and outlet below is invented; the places are real so that
# gazetteer lookups have something to find.

_PEOPLE = (
    ("Prime Minister", "Haruka Ishimori", "Japanese"),
    ("Foreign Minister", "Kenta Morozumi", "Japanese"),
    ("Defense Minister", "Rie Tachibana", "Japanese"),
    ("Secretary of State", "Dana Whitcombe", "U.S."),
    ("President", "Marcus Ellery", "U.S."),
    ("Defense Secretary", "Paul Okafor-Reid", "U.S."),
    ("President", "Seo Min-jae", "South Korean"),
    ("Foreign Minister", "Kwon Ha-eun", "South Korean"),
    ("Prime Minister", "Fiona Castlereagh", "Australian"),
    ("Foreign Minister", "Tomás Ferreira-Lund", "Portuguese"),
    ("Chancellor", "Jörg Wendelin", "German"),
    ("Foreign Secretary", "Priya Ashworth", "British"),
    ("External Affairs Minister", "Arjun Venkatraman", "Indian"),
    ("Secretary of Foreign Affairs", "Maria Consuelo Dizon", "Philippine"),
    ("Ambassador", "Élodie Marchetti", "French"),
    ("Deputy Foreign Minister", "Oğuz Karaman", "Turkish"),
    ("Vice President", "Lena Strömberg", "Swedish"),
    ("NATO Secretary General", "Anders Kjellberg", ""),
)
_PLACES = (
    "Tokyo",
    "Washington",
    "Seoul",
    "Canberra",
    "Manila",
    "New Delhi",
    "London",
    "Berlin",
    "Paris",
    "Brussels",
    "Jakarta",
    "Hanoi",
    "Honolulu",
    "Guam",
    "the White House",
    "the Kantei",
)
_CITIES = tuple(place for place in _PLACES if not place.startswith("the "))
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_SHORT_MONTHS = (
    "Jan.",
    "Feb.",
    "March",
    "April",
    "May",
    "June",
    "July",
    "Aug.",
    "Sept.",
    "Oct.",
    "Nov.",
    "Dec.",
)
_TOPICS = (
    "North Korea's missile launches",
    "China's activities in the East China Sea",
    "the situation in Ukraine",
    "supply chains for semiconductors",
    "the U.S.-Japan alliance",
    "a free and open Indo-Pacific",
    "tariffs",
    "cooperation on critical minerals",
)
_FORUMS = (
    "Group of Seven summit",
    "ASEAN Regional Forum",
    "U.N. General Assembly",
    "NATO summit",
    "Quad foreign ministers' meeting",
    "APEC leaders' meeting",
)
_OUTLETS = ("Meridian Wire", "Pacific Dispatch", "The Harbor Times", "Kestrel News Agency")
_HEADLINES = (
    "{name_short} to visit {place} {when} for talks on {topic}",
    "{NAME_SHORT} AND {NAME2_SHORT} MEET AMID TENSIONS",
    "Allies Vow Closer Ties As {name_short} Meets {name2_short}",
    "UPDATE 2-{name_short}, {name2_short} hold phone talks",
    "Exclusive: {name_short} invites {name2_short} to {place}",
)
_NOISE_LINES = (
    "Related articles",
    "RELATED ARTICLES",
    "Read more:",
    "ADVERTISEMENT",
    "Share this article",
    "Photo: {name} speaks to reporters in {place}. (Meridian Wire)",
    "By {outlet} staff",
    "Reporting by Jane Holloway; Editing by Sam Petrakis",
    "(c) {outlet}. All rights reserved.",
    "Click here to subscribe",
    "Most viewed",
    "Tags: diplomacy, {place}, alliance",
    "{outlet} | {place}",
    "Updated {time_of_day} JST, {month} {day}, {year}",
    "{month_short} {day}, {year} {time_of_day} GMT",
)
_RELATED = (
    "{name_short} says alliance 'stronger than ever'",
    "Analysis: What {name_short}'s trip to {place} means for the region",
    "{name2_short} to host {name_short} next month",
    "Opinion: The summit that wasn't",
    "Leaders met in {place} last year; little changed",
    "VIDEO: {name_short} arrives in {place}",
)
_MEET_VERBS = (
    "met",
    "met with",
    "held talks with",
    "will meet",
    "is expected to meet",
    "plans to meet",
    "hosted",
    "welcomed",
    "sat down with",
)
_CALL_VERBS = (
    "spoke by phone with",
    "held a phone call with",
    "talked by telephone with",
    "will speak by phone with",
    "held a video conference with",
)
_VISIT_VERBS = (
    "will visit",
    "visited",
    "is set to travel to",
    "arrived in",
    "paid a visit to",
    "plans to visit",
    "is scheduled to visit",
)
_BODY_TEMPLATES = (
    "{a} {meet} {b} in {place} {when}.",
    "{a} {meet} {b} {when} in {place}, the {adj} government said.",
    "{When}, {a} {meet} {b} on the sidelines of the {forum}.",
    "{a} {call} {b} {when}.",
    "{a} {call} {b} {when} and discussed {topic}, {ministry} said.",
    "{a} {visit} {place} {when}.",
    "{a} {visit} {place} {when} for talks with {b}.",
    "{a} invited {b} to visit {place}.",
    "{a} invited {b} to {place} {when}, officials said.",
    "{b} accepted an invitation from {a} to visit {place} {when}.",
    "A planned visit by {a} to {place} {when} was postponed.",
    "The two {role}s agreed to meet again {when}.",
    "“We had a very productive discussion,” {a_short} told reporters {when}.",
    "{a_short} and {b_short} discussed {topic}.",
    '"The alliance has never been stronger," {b_short} said.',
    "The meeting, the first since {a_short} took office, lasted about 90 minutes.",
    "{a_short} is the first {adj} leader to visit {place} since {year}.",
    "It was not immediately clear whether {b_short} would attend.",
    "{b_short}, who arrived {when}, is due to leave for {place2} on {weekday}.",
    "The visit comes as {topic} tops the agenda.",
    "{ministry} did not say when the talks would take place.",
    "According to a readout, {a_short} and {b_short} also touched on {topic}.",
)


@st.composite
def _time_expressions(draw: st.DrawFn) -> str:
    """A time expression as news writes it, mostly without a year."""
    weekday = draw(st.sampled_from(_WEEKDAYS))
    month = draw(st.sampled_from(_MONTHS))
    short = draw(st.sampled_from(_SHORT_MONTHS))
    day = draw(st.integers(min_value=1, max_value=28))
    year = draw(st.integers(min_value=1995, max_value=2035))
    forms = (
        f"on {weekday}",
        f"this {weekday}",
        f"next {weekday}",
        f"last {weekday}",
        f"on {weekday} evening",
        "next week",
        "last week",
        "next month",
        "last month",
        "later this year",
        "earlier this month",
        "this weekend",
        "yesterday",
        "today",
        "tomorrow",
        f"on {month} {day}",
        f"on {short} {day}",
        f"on {weekday}, {short} {day}",
        f"on {month} {day}, {year}",
        f"on {day} {month} {year}",
        f"from {month} {day} to {day + 2}",
        f"{month} {day}-{day + 1}",
        f"in early {month}",
        f"in late {month}",
        f"in {month}",
        f"in {month} {year}",
        f"in the spring of {year}",
        f"in {year}",
        "this summer",
        "in the coming weeks",
        "as early as next month",
        f"on {year}-{draw(st.integers(1, 12)):02d}-{day:02d}",
        "",
    )
    return draw(st.sampled_from(forms))


@st.composite
def _people(draw: st.DrawFn) -> dict[str, str]:
    """Two distinct people, each written out in full and in short."""
    first, second = draw(st.lists(st.sampled_from(_PEOPLE), min_size=2, max_size=2, unique=True))

    def full(person: tuple[str, str, str]) -> str:
        title, name, adjective = person
        forms = [f"{title} {name}", name]
        if adjective:
            forms += [f"{adjective} {title} {name}", f"{name}, the {adjective} {title.lower()},"]
        return draw(st.sampled_from(forms))

    def short(person: tuple[str, str, str]) -> str:
        return draw(st.sampled_from([person[1].split()[-1], person[1], f"the {person[0].lower()}"]))

    return {
        "a": full(first),
        "b": full(second),
        "a_short": short(first),
        "b_short": short(second),
        "name": first[1],
        "name_short": first[1].split()[-1],
        "name2_short": second[1].split()[-1],
        "NAME_SHORT": first[1].split()[-1].upper(),
        "NAME2_SHORT": second[1].split()[-1].upper(),
        "adj": first[2] or "Japanese",
        "role": draw(st.sampled_from(["leader", "minister", "official", "diplomat"])),
        "ministry": draw(st.sampled_from(["the Foreign Ministry", "the State Department", "a spokesperson"])),
    }


@st.composite
def _fill(draw: st.DrawFn, template: str, people: dict[str, str]) -> str:
    """Fill one template's placeholders with drawn parts."""
    when = draw(_time_expressions())
    place, place2 = draw(st.lists(st.sampled_from(_PLACES), min_size=2, max_size=2, unique=True))
    parts = {
        **people,
        "meet": draw(st.sampled_from(_MEET_VERBS)),
        "call": draw(st.sampled_from(_CALL_VERBS)),
        "visit": draw(st.sampled_from(_VISIT_VERBS)),
        "place": place,
        "place2": place2,
        "when": when,
        "When": (when[:1].upper() + when[1:]) or "Separately",
        "weekday": draw(st.sampled_from(_WEEKDAYS)),
        "topic": draw(st.sampled_from(_TOPICS)),
        "forum": draw(st.sampled_from(_FORUMS)),
        "outlet": draw(st.sampled_from(_OUTLETS)),
        "month": draw(st.sampled_from(_MONTHS)),
        "month_short": draw(st.sampled_from(_SHORT_MONTHS)),
        "day": str(draw(st.integers(min_value=1, max_value=28))),
        "year": str(draw(st.integers(min_value=1995, max_value=2035))),
        "time_of_day": f"{draw(st.integers(0, 23)):02d}:{draw(st.integers(0, 59)):02d}",
    }
    filled = template.format_map(parts)
    # A missing time expression leaves a double space or a space before the stop.
    filled = " ".join(filled.split()).replace(" .", ".").replace(" ,", ",").replace(",.", ".")
    return filled[:1].upper() + filled[1:]


@st.composite
def _related_block(draw: st.DrawFn, people: dict[str, str]) -> str:
    """A "Related articles" list, as scraped pages carry after (or inside) the body."""
    heading = draw(st.sampled_from(["Related articles", "RELATED", "More on this story", "Read next"]))
    bullet = draw(st.sampled_from(["", "- ", "• ", "* "]))
    items = draw(st.lists(st.sampled_from(_RELATED), min_size=1, max_size=4, unique=True))
    return "\n".join([heading, *(bullet + draw(_fill(item, people)) for item in items)])


@st.composite
def news_texts(draw: st.DrawFn) -> str:
    """Realistic, messy news articles about diplomatic engagements.

    An article has an optional headline, dateline and byline, one to six
    body paragraphs built from templates ("{a} spoke by phone with {b}
    {when}."), and noise: captions, timestamps, "Related articles" lists,
    advertisements. People are titled, invented officials; time expressions
    range from "on Monday" and "next month" to "on Jan. 16, 2026".

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(news_texts())
    ... def test_is_text(text):
    ...     assert isinstance(text, str) and text.strip()
    >>> test_is_text()
    """
    people = draw(_people())
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(draw(_fill(draw(st.sampled_from(_HEADLINES)), people)))
    for _ in range(draw(st.integers(min_value=0, max_value=2))):
        lines.append(draw(_fill(draw(st.sampled_from(_NOISE_LINES)), people)))
    paragraphs = draw(
        st.lists(
            st.lists(st.sampled_from(_BODY_TEMPLATES), min_size=1, max_size=4),
            min_size=1,
            max_size=6,
        )
    )
    body = [" ".join(draw(_fill(template, people)) for template in paragraph) for paragraph in paragraphs]
    if draw(st.booleans()):
        place = draw(st.sampled_from(_CITIES)).upper()
        outlet = draw(st.sampled_from(_OUTLETS))
        dash = draw(st.sampled_from(["-", "—", "--"]))
        body[0] = f"{place} ({outlet}) {dash} {body[0]}"
    for paragraph in body:
        lines.append(paragraph)
        if draw(st.integers(min_value=0, max_value=9)) == 0:
            lines.append(draw(_fill(draw(st.sampled_from(_NOISE_LINES)), people)))
    if draw(st.booleans()):
        lines.append(draw(_related_block(people)))
    separator = draw(st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
    return separator.join(lines)


# --------------------------------------------------------------------------- hostile text

_RUN_UNITS = (
    ("A", "Z", "ABC DEF ", "WASHINGTON ", "U.S.-JAPAN "),  # capitals
    (".", "...", ". . ", "A. B. ", "Jan. "),  # dots and abbreviations
    ('"', "'", "“", "”", "’", "«", '"A" '),  # quotes
    (" ", "\n", "\t", "\r\n", "\x00", "\u2028", "\u00a0", "\ufeff"),  # blanks and controls
    ("Mr. ", "Minister ", "President ", "Tokyo ", "met ", "visit ", "Monday ", "next "),  # words
    ("-", "—", ",", "(", "((", ";"),  # punctuation
    ("1", "2026 ", "12:30 ", "3-"),  # digits
)


@st.composite
def _runs(draw: st.DrawFn) -> str:
    """A very long repetition of one small unit: "AAAA...", "....", "Minister Minister ..."."""
    kind = draw(st.sampled_from(_RUN_UNITS))
    unit = draw(st.sampled_from(kind) | st.text(min_size=1, max_size=4))
    return unit * draw(st.integers(min_value=50, max_value=3000))


def arbitrary_texts() -> st.SearchStrategy[str]:
    """Any text at all, the way a careless scraper would hand it over.

    Unicode from every category (control characters, surrogate-free), line
    and paragraph separators, very long runs of capitals, dots and quotes,
    and such runs spliced into news-like text.

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=20)
    ... @given(arbitrary_texts())
    ... def test_is_str(text):
    ...     assert isinstance(text, str)
    >>> test_is_str()
    """
    any_unicode = st.text(alphabet=st.characters(codec="utf-8"))
    controls = st.text(alphabet=st.characters(categories=["Cc", "Cf", "Zl", "Zp", "Zs"]), max_size=50)
    pieces = st.one_of(any_unicode, controls, _runs(), news_texts())
    return st.one_of(
        any_unicode,
        controls,
        _runs(),
        st.lists(pieces, min_size=1, max_size=5).map("".join),
    )


# --------------------------------------------------------------------------- documents

_ids = st.from_regex(r"[a-z0-9][a-z0-9_.-]{0,23}", fullmatch=True)
_published = st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2035, 12, 31))


def documents(
    texts: st.SearchStrategy[str] | None = None,
    *,
    published: bool | st.SearchStrategy[dt.date | None] | None = None,
    ids: st.SearchStrategy[str] | None = None,
    sources: st.SearchStrategy[Source] | None = None,
) -> st.SearchStrategy[Document]:
    """Documents for an extractor to read.

    :param texts: the texts (default: :func:`news_texts` or :func:`arbitrary_texts`).
    :param published: ``True`` for always dated, ``False`` for never (the
        document then has no :attr:`~alliancekit.model.Document.anchor`
        unless ``sources`` gives it a timestamp), ``None`` for either, or a
        strategy of publication dates (or ``None``).
    :param ids: the document ids (default: short slugs).
    :param sources: the sources (default: an empty :class:`~alliancekit.model.Source`).

    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10)
    ... @given(documents(published=True))
    ... def test_dated(document):
    ...     assert document.anchor == document.published
    >>> test_dated()
    """
    if published is True:
        dated: st.SearchStrategy[dt.date | None] = _published
    elif published is False:
        dated = st.none()
    elif published is None:
        dated = st.none() | _published
    else:
        dated = published
    return st.builds(
        Document,
        id=_ids if ids is None else ids,
        text=(news_texts() | arbitrary_texts()) if texts is None else texts,
        published=dated,
        source=st.just(Source()) if sources is None else sources,
    )
