"""The data model: documents in, events out.

Every type here is a frozen :mod:`attrs` class whose validators guard its
invariants, so a value that exists is a valid one. Extractors build
:class:`Event` values; readers build :class:`Document` values; writers and
the evaluator only read them.

>>> doc = Document(id="d1", text="Rubio met Motegi in Tokyo.")
>>> span = Evidence.from_text(doc.text, 0, 17)
>>> span.text
'Rubio met Motegi '
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "Event",
    "EventType",
    "Evidence",
    "Granularity",
    "Location",
    "Participant",
    "Role",
    "Source",
    "Status",
    "TimeSpan",
]


class EventType(enum.StrEnum):
    """The kinds of engagement alliancekit extracts.

    >>> EventType("call").cameo
    '040'
    """

    MEETING = "meeting"
    VISIT = "visit"
    CALL = "call"
    INVITATION = "invitation"

    @property
    def cameo(self) -> str:
        """The default CAMEO code of this event type."""
        return _CAMEO[self]

    @property
    def plover_mode(self) -> str | None:
        """The PLOVER ``CONSULT`` mode of this event type."""
        return _PLOVER_MODE[self]


_CAMEO = {
    EventType.MEETING: "040",
    EventType.VISIT: "042",
    EventType.CALL: "040",
    EventType.INVITATION: "036",
}
_PLOVER_MODE: dict[EventType, str | None] = {
    EventType.MEETING: None,
    EventType.VISIT: "visit",
    EventType.CALL: "phone",
    EventType.INVITATION: "intent",
}


class Status(enum.StrEnum):
    """Whether an engagement is reported as planned, done or called off.

    >>> Status.PLANNED.value
    'planned'
    """

    PLANNED = "planned"
    OCCURRED = "occurred"
    CANCELLED = "cancelled"


class Role(enum.StrEnum):
    """The part an actor plays in an event.

    >>> Role("host") is Role.HOST
    True
    """

    HOST = "host"
    GUEST = "guest"
    VISITOR = "visitor"
    INVITER = "inviter"
    INVITEE = "invitee"
    PARTICIPANT = "participant"


class ActorKind(enum.StrEnum):
    """What sort of actor a name denotes.

    >>> ActorKind.PERSON.value
    'person'
    """

    PERSON = "person"
    ORGANIZATION = "organization"
    COUNTRY = "country"


class Granularity(enum.StrEnum):
    """How precise a resolved time span is.

    >>> Granularity.SEASON.value
    'season'
    """

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"


_ALPHA3 = re.compile(r"[A-Z]{3}")


def _check_alpha3(name: str, value: object) -> None:
    # ASCII A-Z only: str.isupper()/isalpha() would also accept "ÄÖÜ" or "ΑΒΓ".
    if not isinstance(value, str) or _ALPHA3.fullmatch(value) is None:
        raise ValueError(f"{name} must be an ISO 3166-1 alpha-3 code, got {value!r}")


def _optional_alpha3(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None:
        _check_alpha3(attribute.name, value)


def _as_date(value: dt.date | str | None) -> dt.date | None:
    """Accept an ISO date string where a date is expected ("2026-01-13").

    >>> _as_date("yesterday")
    Traceback (most recent call last):
    ...
    ValueError: published must be a date, as datetime.date or ISO text (2026-01-13), not 'yesterday'
    """
    if isinstance(value, str):
        text = value.strip()
        if not text:
            return None
        try:
            return (
                dt.date.fromisoformat(text[:10])
                if len(text) >= 10 and text[4:5] == "-"
                else dt.date.fromisoformat(text)
            )
        except ValueError as error:
            impossible = f" ({error})" if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[:10]) else ""
            raise ValueError(f"{_DATE_WANTED}, not {value!r}{impossible}") from None
    if value is not None and not isinstance(value, dt.date):
        raise TypeError(f"{_DATE_WANTED}, not {type(value).__name__}")
    return value


def _unicode_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    r"""Refuse text that cannot be written as UTF-8: a lone surrogate (``"\ud800"``)."""
    if isinstance(value, str) and not value.isascii():
        # Encoding is the quickest look; strict UTF-8 fails on a lone surrogate, and only there.
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as error:
            raise ValueError(
                f"{attribute.name} holds a lone surrogate (U+{ord(value[error.start]):04X} at character "
                f"{error.start}), which is not Unicode text"
            ) from None


_DATE_WANTED = "published must be a date, as datetime.date or ISO text (2026-01-13)"


def _strip(value: str) -> str:
    return " ".join(value.split())


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _tuple_of_participants(values: Iterable[Participant]) -> tuple[Participant, ...]:
    return tuple(values)


def _tuple_of_evidence(values: Iterable[Evidence]) -> tuple[Evidence, ...]:
    return tuple(values)


@attrs.frozen
class Source:
    """Where a document comes from.

    :param outlet: the publisher, e.g. ``"Kyodo"``.
    :param url: the article's address, when known.
    :param dateline: the place named in the dateline ("TOKYO, May 3 (Kyodo) -").
    :param timestamp: a publication timestamp read from the text itself.
    :param converted_by: what turned a page into the text, when the input
        was not plain text: ``"trafilatura"`` (the page's main text) or
        ``"markup"`` (the text a browser shows, :mod:`alliancekit.io.markup`).
        Evidence offsets then index into the converted text.
    :param path: the file the document was read from (an absolute path),
        when it was read from one. Part of the document's identity in an
        event store: two files giving one id are a clash, not an update.
    :param line: the line its record starts on, in a JSON-lines or CSV corpus.

    >>> Source(outlet="Kyodo").outlet
    'Kyodo'
    >>> Source(path="/news/corpus.jsonl", line=3).origin
    '/news/corpus.jsonl:3'
    """

    outlet: str | None = attrs.field(default=None, validator=_unicode_text)
    url: str | None = attrs.field(default=None, validator=_unicode_text)
    dateline: str | None = attrs.field(default=None, validator=_unicode_text)
    timestamp: dt.datetime | None = None
    converted_by: str | None = None
    path: str | None = attrs.field(default=None, validator=_unicode_text)
    line: int | None = None

    @property
    def origin(self) -> str | None:
        """Where the document was read from, ``path:line`` or ``path``; ``None`` when unknown.

        >>> Source().origin is None
        True
        """
        if self.path is None:
            return None
        return self.path if self.line is None else f"{self.path}:{self.line}"


@attrs.frozen
class Document:
    r"""One news article: the unit extractors read.

    :param id: a stable identifier, unique within a corpus.
    :param text: the article text; evidence offsets index into it.
    :param published: the publication date, the anchor for relative dates.
        ``None`` means unknown: relative dates then stay unresolved.
    :param source: outlet, address and what was read from the text.

    The id, the text and the source's fields must be Unicode text: a lone
    surrogate (``"\ud800"``, which no UTF-8 output can hold) is a
    ``ValueError``.

    >>> Document(id="a", text="x", published=dt.date(2026, 1, 13)).published
    datetime.date(2026, 1, 13)
    """

    id: str = attrs.field(validator=attrs.validators.and_(attrs.validators.min_len(1), _unicode_text))
    text: str = attrs.field(validator=_unicode_text)
    published: dt.date | None = attrs.field(default=None, converter=_as_date)
    source: Source = attrs.field(factory=Source)

    @property
    def anchor(self) -> dt.date | None:
        """The date relative expressions resolve against.

        The publication date when known, else a timestamp read from the text.

        >>> Document(id="a", text="").anchor is None
        True
        """
        if self.published is not None:
            if isinstance(self.published, dt.datetime):
                return self.published.date()
            return self.published
        if self.source.timestamp is not None:
            return self.source.timestamp.date()
        return None


@attrs.frozen
class Actor:
    """A person, organization or country taking part in events.

    :param name: canonical name, given name first for people.
    :param kind: person, organization or country.
    :param country: ISO 3166-1 alpha-3 code of the actor's country.
    :param title: the office held at the time of the event.
    :param aliases: other names the actor is known by.
    :param kb_id: identifier in the actor knowledge base, when known.

    >>> Actor(name="Toshimitsu  Motegi", country="JPN").name
    'Toshimitsu Motegi'
    """

    name: str = attrs.field(converter=_strip, validator=attrs.validators.min_len(1))
    kind: ActorKind = attrs.field(default=ActorKind.PERSON, converter=ActorKind)
    country: str | None = attrs.field(default=None, validator=_optional_alpha3)
    title: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    kb_id: str | None = None


@attrs.frozen
class Participant:
    """An actor in the role it plays in one event.

    >>> Participant(Actor("Marco Rubio", country="USA"), Role.HOST).role
    <Role.HOST: 'host'>
    """

    actor: Actor
    role: Role = attrs.field(default=Role.PARTICIPANT, converter=Role)


def _check_order(
    instance: TimeSpan, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if instance.start is not None and value is not None and value < instance.start:
        raise ValueError(f"time span ends ({value}) before it starts ({instance.start})")
    if (instance.start is None) != (value is None):
        raise ValueError("a time span has both a start and an end, or neither")


@attrs.frozen
class TimeSpan:
    """When an event takes place: a closed interval of dates.

    :param start: first day, or ``None`` when unresolved.
    :param end: last day (inclusive), or ``None`` when unresolved.
    :param granularity: how precise the interval is.
    :param text: the expression it was read from ("this Thursday").
    :param resolved: whether ``start``/``end`` hold real dates.

    >>> span = TimeSpan(dt.date(2026, 3, 1), dt.date(2026, 4, 30), Granularity.MONTH, "March or April")
    >>> span.resolved, span.days
    (True, 61)
    >>> TimeSpan.unresolved("next month").resolved
    False
    """

    start: dt.date | None
    end: dt.date | None = attrs.field(validator=_check_order)
    granularity: Granularity | None = attrs.field(
        default=None, converter=attrs.converters.optional(Granularity)
    )
    text: str = ""

    @property
    def resolved(self) -> bool:
        """Whether the span holds real dates."""
        return self.start is not None

    @property
    def days(self) -> int | None:
        """The number of days the span covers, or ``None`` when unresolved."""
        if self.start is None or self.end is None:
            return None
        return (self.end - self.start).days + 1

    @classmethod
    def unresolved(cls, text: str = "") -> TimeSpan:
        """A span for an expression that cannot be anchored to real dates."""
        return cls(None, None, None, text)

    @classmethod
    def day(cls, date: dt.date, text: str = "") -> TimeSpan:
        """A one-day span.

        >>> TimeSpan.day(dt.date(2026, 1, 16), "Jan. 16").days
        1
        """
        return cls(date, date, Granularity.DAY, text)


@attrs.frozen
class Location:
    """Where an event takes place.

    :param name: the place's canonical name ("Washington, D.C.").
    :param country: ISO alpha-3 code of the country it lies in.
    :param text: the words in the document that named it.
    :param kind: city, country, base, site, region or territory, when known.

    >>> Location("Tokyo", "JPN").country
    'JPN'
    """

    name: str = attrs.field(converter=_strip, validator=attrs.validators.min_len(1))
    country: str | None = attrs.field(default=None, validator=_optional_alpha3)
    text: str = ""
    kind: str | None = None


def _check_span(instance: Evidence, attribute: attrs.Attribute[int], value: int) -> None:
    if instance.start < 0 or value < instance.start:
        raise ValueError(f"bad evidence offsets {instance.start}:{value}")
    if len(instance.text) != value - instance.start:
        raise ValueError("evidence text length does not match its offsets")


@attrs.frozen
class Evidence:
    """The exact words of a document that state an event.

    Invariant: ``document.text[start:end] == text``.

    >>> Evidence.from_text("Abe met Trump.", 0, 13).text
    'Abe met Trump'
    """

    start: int
    end: int = attrs.field(validator=_check_span)
    text: str

    @classmethod
    def from_text(cls, text: str, start: int, end: int) -> Evidence:
        """Cut a span out of ``text``."""
        return cls(start, end, text[start:end])

    def matches(self, text: str) -> bool:
        """Whether this span lies inside ``text`` at its offsets.

        >>> Evidence.from_text("abc", 1, 2).matches("abc")
        True
        """
        return text[self.start : self.end] == self.text


def _default_cameo(event: Event) -> str:
    return event.type.cameo


def _default_plover_mode(event: Event) -> str | None:
    return event.type.plover_mode


@attrs.frozen
class Event:
    """One diplomatic engagement found in a document.

    :param type: meeting, visit, call or invitation.
    :param status: planned, occurred or cancelled.
    :param participants: the actors with their roles.
    :param time: when it takes place, or ``None`` when the text does not say.
    :param location: where it takes place, or ``None``.
    :param topics: ISO alpha-3 codes of third countries discussed.
    :param evidence: the spans of the document that state the event.
    :param document_id: the :attr:`Document.id` it was read from.
    :param extractor: the name of the extractor that found it.
    :param confidence: the extractor's confidence, from 0 to 1.
    :param cameo: CAMEO code (defaults by type; 043 for a hosted meeting).
    :param plover: PLOVER event category, always ``CONSULT`` here.
    :param plover_mode: PLOVER mode: visit, phone, intent or none.

    >>> event = Event(EventType.CALL, Status.OCCURRED, document_id="d1", extractor="rules")
    >>> event.cameo, event.plover, event.plover_mode
    ('040', 'CONSULT', 'phone')
    """

    type: EventType = attrs.field(converter=EventType)
    status: Status = attrs.field(converter=Status)
    participants: tuple[Participant, ...] = attrs.field(default=(), converter=_tuple_of_participants)
    time: TimeSpan | None = None
    location: Location | None = None
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=_tuple_of_evidence)
    document_id: str = ""
    extractor: str = ""
    confidence: float = attrs.field(
        default=1.0, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    cameo: str = attrs.field(default=attrs.Factory(_default_cameo, takes_self=True))
    plover: str = "CONSULT"
    plover_mode: str | None = attrs.field(default=attrs.Factory(_default_plover_mode, takes_self=True))

    @topics.validator
    def _check_topics(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        for code in value:
            _check_alpha3(attribute.name, code)

    def persons(self) -> list[Actor]:
        """The participants that are people.

        >>> Event("call", "occurred", [Participant(Actor("A B"))]).persons()[0].name
        'A B'
        """
        return [p.actor for p in self.participants if p.actor.kind is ActorKind.PERSON]

    def evidence_matches(self, text: str) -> bool:
        """Whether every evidence span matches ``text``."""
        return all(span.matches(text) for span in self.evidence)
