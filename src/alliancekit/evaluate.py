"""The gold annotation format and the scorer that compares predictions with it.

Gold files follow ``ANNOTATION.md``: one ``<stem>.gold.json`` per document.
:func:`load_gold` and :func:`load_gold_dir` read them into :class:`GoldDocument`
values; :func:`score` compares predicted :class:`~alliancekit.model.Event`
values with them and returns an :class:`EvaluationReport`.

>>> gold = GoldDocument.from_dict({
...     "document": {"id": "d1", "published": "2026-01-13"},
...     "events": [{"type": "call", "status": "occurred", "time": None, "location": None,
...                 "participants": [{"name": "Marco Rubio", "country": "USA", "role": "participant"}]}],
... })
>>> from alliancekit.model import Actor, Participant
>>> predicted = Event("call", "occurred", [Participant(Actor("Secretary Marco Rubio"))])
>>> report = score([gold], {"d1": [predicted]})
>>> report.tp, report.fp, report.fn, report.full_event_accuracy
(1, 0, 0, 1.0)

Conventions for ratios whose denominator is zero:

* precision with no predictions is 1.0 when there is no required gold event
  either, else 0.0; recall with no required gold event is 1.0 when nothing
  was predicted, else 0.0. Empty against empty is perfect; anything on one
  side only scores zero.
* argument figures (participants F1, time, location and status accuracy,
  topics F1) and full-event accuracy are 1.0 when there is nothing to score
  (no matched pair, or no pair where the argument is scored). The report
  carries the denominators (``time_scored``, ``location_scored``,
  ``required_events``...) so a vacuous 1.0 can be told from a real one.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from alliancekit.io.readers import json_kind
from alliancekit.model import ActorKind, Event, EventType, Role, Status

__all__ = [
    "DocumentReport",
    "EvaluationReport",
    "EventSummary",
    "FieldError",
    "GoldDocument",
    "GoldEvent",
    "GoldFormatError",
    "GoldLocation",
    "GoldParticipant",
    "GoldTime",
    "WrongEvent",
    "load_gold",
    "load_gold_dir",
    "normalize_name",
    "score",
]

_GOLD_SUFFIX = ".gold.json"


# --------------------------------------------------------------------------- errors


class GoldFormatError(ValueError):
    """A gold file that does not follow the annotation format.

    ``str()`` names the file, then the JSON path of the bad value.

    >>> message = "events[2].time.start: not an ISO date: '2026-13-01'"
    >>> error = GoldFormatError(Path("seeds/x.gold.json"), message)
    >>> str(error)
    "seeds/x.gold.json: events[2].time.start: not an ISO date: '2026-13-01'"
    >>> isinstance(error, ValueError), error.path.name
    (True, 'x.gold.json')
    """

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


class _BadValueError(Exception):
    """A format problem at a JSON path, before the file name is known."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


# --------------------------------------------------------------------------- gold types


def _check_alpha3(instance: object, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and not _is_alpha3(value):
        raise ValueError(f"{attribute.name} must be an ISO 3166-1 alpha-3 code, got {value!r}")


def _is_alpha3(value: str) -> bool:
    return len(value) == 3 and value.isascii() and value.isalpha() and value.isupper()


def _tuple_of_str(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


@attrs.frozen
class GoldParticipant:
    """A participant of a gold event.

    :param name: full name, given name first (or a group's description).
    :param country: ISO 3166-1 alpha-3 code, when given.
    :param role: host, guest, visitor, inviter, invitee or participant.
    :param title: the office held, when given.
    :param kind: ``person`` (the default), ``organization`` or ``country``;
        only persons are scored.
    :param alternates: other spellings of the name that count as the same
        person (another romanization, a misspelling the text uses).

    >>> p = GoldParticipant("Takeshi Iwaya", "JPN", "visitor")
    >>> p.role, p.is_person
    (<Role.VISITOR: 'visitor'>, True)
    >>> q = GoldParticipant("Moon Jae-in", "KOR", alternates=["Mun Jae-in"])
    >>> sorted(sorted(key) for key in q.name_keys())
    [['in', 'jae', 'moon'], ['in', 'jae', 'mun']]
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    country: str | None = attrs.field(default=None, validator=_check_alpha3)
    role: Role = attrs.field(default=Role.PARTICIPANT, converter=Role)
    title: str | None = None
    kind: ActorKind = attrs.field(default=ActorKind.PERSON, converter=ActorKind)
    alternates: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    @property
    def is_person(self) -> bool:
        """Whether this participant is a named person (and so is scored)."""
        return self.kind is ActorKind.PERSON

    def name_keys(self) -> frozenset[frozenset[str]]:
        """Return the normalized keys of the name and of every alternate spelling."""
        return _keys([self.name, *self.alternates])


def _check_gold_time(
    instance: GoldTime, attribute: attrs.Attribute[dt.date | None], value: dt.date | None
) -> None:
    if instance.unresolved:
        if instance.start is not None or value is not None:
            raise ValueError("an unresolved gold time has no start or end")
        return
    if instance.start is None or value is None:
        raise ValueError("a resolved gold time needs both start and end")
    if value < instance.start:
        raise ValueError(f"gold time ends ({value}) before it starts ({instance.start})")


@attrs.frozen
class GoldTime:
    """The gold interval of an event: closed dates, or unresolved.

    >>> GoldTime(dt.date(2026, 3, 1), dt.date(2026, 4, 30), text="March or April").unresolved
    False
    >>> GoldTime.unresolved_time("next month").start is None
    True
    """

    start: dt.date | None
    end: dt.date | None = attrs.field(validator=_check_gold_time)
    unresolved: bool = False
    text: str = ""

    @classmethod
    def unresolved_time(cls, text: str = "") -> GoldTime:
        """Make a gold time the extractor must leave unresolved."""
        return cls(None, None, unresolved=True, text=text)

    def describe(self) -> str:
        """Render as ``2026-01-15..2026-01-17``, one date, or ``unresolved``.

        >>> GoldTime(dt.date(2026, 1, 16), dt.date(2026, 1, 16)).describe()
        '2026-01-16'
        """
        return _describe_interval(self.start, self.end)


@attrs.frozen
class GoldLocation:
    """The gold location of an event with its accepted alternate names.

    >>> loc = GoldLocation("Washington, D.C.", "USA", ["Washington"])
    >>> loc.accepts("washington"), loc.accepts("The  Washington, D.C."), loc.accepts("Tokyo")
    (True, True, False)
    """

    name: str = attrs.field(validator=attrs.validators.min_len(1))
    country: str | None = attrs.field(default=None, validator=_check_alpha3)
    alternates: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)

    def accepts(self, name: str) -> bool:
        """Whether ``name`` equals the gold name or an alternate.

        Compared case-insensitively, with whitespace runs collapsed and a
        leading "the " ignored.
        """
        wanted = {_place_key(self.name), *(_place_key(alt) for alt in self.alternates)}
        return _place_key(name) in wanted

    def describe(self) -> str:
        """Render the name, followed by the alternates when there are any.

        >>> GoldLocation("Pyeongtaek", alternates=["Camp Humphreys"]).describe()
        'Pyeongtaek (or Camp Humphreys)'
        """
        if not self.alternates:
            return self.name
        return f"{self.name} (or {' / '.join(self.alternates)})"


def _tuple_of_participants(values: Iterable[GoldParticipant]) -> tuple[GoldParticipant, ...]:
    return tuple(values)


@attrs.frozen
class GoldEvent:
    """One annotated event.

    :param time: ``None`` means the time is not scored.
    :param location: ``None`` means the location is not scored.
    :param optional: a defensible event that is neither required nor a false
        positive when found.

    >>> event = GoldEvent("visit", "planned", [GoldParticipant("Yoko Kamikawa", "JPN", "visitor")])
    >>> event.type, [sorted(key) for key in event.person_keys()]
    (<EventType.VISIT: 'visit'>, [['kamikawa', 'yoko']])
    """

    type: EventType = attrs.field(converter=EventType)
    status: Status = attrs.field(converter=Status)
    participants: tuple[GoldParticipant, ...] = attrs.field(converter=_tuple_of_participants)
    time: GoldTime | None = None
    location: GoldLocation | None = None
    topics: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    optional: bool = False
    evidence: str = ""

    @topics.validator
    def _check_topics(self, attribute: attrs.Attribute[tuple[str, ...]], value: tuple[str, ...]) -> None:
        for code in value:
            if not _is_alpha3(code):
                raise ValueError(f"topics must be ISO 3166-1 alpha-3 codes, got {code!r}")

    def persons(self) -> list[GoldParticipant]:
        """Return the participants that are named persons.

        >>> GoldEvent("meeting", "planned", [GoldParticipant("U.S. Congress", kind="organization")]).persons()
        []
        """
        return [p for p in self.participants if p.is_person]

    def person_keys(self) -> frozenset[frozenset[str]]:
        """Return the normalized names of the named persons (see :func:`normalize_name`)."""
        return _keys(p.name for p in self.persons())

    def countries(self) -> frozenset[str]:
        """Return the countries of all participants, persons or not.

        >>> GoldEvent("meeting", "occurred", [GoldParticipant("Japan", "JPN", kind="country")]).countries()
        frozenset({'JPN'})
        """
        return frozenset(p.country for p in self.participants if p.country is not None)


def _tuple_of_events(values: Iterable[GoldEvent]) -> tuple[GoldEvent, ...]:
    return tuple(values)


@attrs.frozen
class GoldDocument:
    """The gold annotation of one document.

    :param path: the file it was read from (not part of equality).

    >>> doc = GoldDocument.from_dict({"document": {"id": "d1", "published": "2026-01-13"}, "events": []})
    >>> doc.id, doc.published, doc.events
    ('d1', datetime.date(2026, 1, 13), ())
    """

    id: str = attrs.field(validator=attrs.validators.min_len(1))
    published: dt.date | None = None
    outlet: str | None = None
    url: str | None = None
    events: tuple[GoldEvent, ...] = attrs.field(default=(), converter=_tuple_of_events)
    path: Path | None = attrs.field(default=None, eq=False)

    @property
    def required_events(self) -> list[GoldEvent]:
        """The events that are not optional."""
        return [event for event in self.events if not event.optional]

    @classmethod
    def from_dict(cls, data: object, path: Path | str = "<gold>") -> GoldDocument:
        """Build a gold document from parsed JSON, checking the format.

        :raises GoldFormatError: naming ``path`` and the JSON path of the bad value.

        >>> GoldDocument.from_dict({"document": {"id": ""}, "events": []}, "x.gold.json")
        Traceback (most recent call last):
        ...
        alliancekit.evaluate.GoldFormatError: x.gold.json: document.id: must be a non-empty string
        """
        try:
            return _parse_document(data, Path(path))
        except _BadValueError as bad:
            raise GoldFormatError(path, str(bad)) from None


# --------------------------------------------------------------------------- parsing

_DOCUMENT_KEYS = frozenset({"id", "published", "outlet", "url"})
_EVENT_KEYS = frozenset(
    {"type", "status", "participants", "time", "location", "topics", "optional", "evidence"}
)
_EVENT_REQUIRED = ("type", "status", "participants", "time", "location")
_PARTICIPANT_KEYS = frozenset({"name", "country", "role", "title", "kind", "alternates"})
_TIME_KEYS = frozenset({"start", "end", "unresolved", "text"})
_LOCATION_KEYS = frozenset({"name", "country", "alternates", "text"})
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _object(
    value: object, where: str, allowed: frozenset[str], required: Iterable[str] = ()
) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _BadValueError(where, f"expected an object, got {json_kind(value)}")
    for key in value:
        if key not in allowed:
            raise _BadValueError(
                _join(where, key), f"unknown key (expected one of {', '.join(sorted(allowed))})"
            )
    for key in required:
        if key not in value:
            raise _BadValueError(_join(where, key), "missing")
    return value


def _join(where: str, key: str) -> str:
    return key if where == "" else f"{where}.{key}"


def _string(value: object, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise _BadValueError(where, "must be a non-empty string")
    return value


def _optional_string(value: object, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadValueError(where, f"must be a string or null, got {json_kind(value)}")
    return value


def _list(value: object, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise _BadValueError(where, f"expected an array, got {json_kind(value)}")
    return value


def _date(value: object, where: str) -> dt.date:
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _BadValueError(where, f"not an ISO date: {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _BadValueError(where, f"not an ISO date: {value!r}") from None


def _optional_date(value: object, where: str) -> dt.date | None:
    return None if value is None else _date(value, where)


def _alpha3(value: object, where: str) -> str:
    if not isinstance(value, str) or not _is_alpha3(value):
        raise _BadValueError(where, f"not an ISO 3166-1 alpha-3 code: {value!r}")
    return value


def _optional_alpha3(value: object, where: str) -> str | None:
    return None if value is None else _alpha3(value, where)


def _choice(value: object, where: str, enum: type[EventType | Status | Role | ActorKind], what: str) -> str:
    allowed = [member.value for member in enum]
    if not isinstance(value, str) or value not in allowed:
        raise _BadValueError(where, f"not {what}: {value!r} (expected one of {', '.join(sorted(allowed))})")
    return value


def _parse_document(data: object, path: Path) -> GoldDocument:
    top = _object(data, "", frozenset({"document", "events"}), ("document", "events"))
    head = _object(top["document"], "document", _DOCUMENT_KEYS, ("id",))
    events = [
        _parse_event(item, f"events[{index}]") for index, item in enumerate(_list(top["events"], "events"))
    ]
    return GoldDocument(
        id=_string(head["id"], "document.id"),
        published=_optional_date(head.get("published"), "document.published"),
        outlet=_optional_string(head.get("outlet"), "document.outlet"),
        url=_optional_string(head.get("url"), "document.url"),
        events=events,
        path=path,
    )


def _parse_event(data: object, where: str) -> GoldEvent:
    raw = _object(data, where, _EVENT_KEYS, _EVENT_REQUIRED)
    people = _list(raw["participants"], f"{where}.participants")
    if not people:
        raise _BadValueError(f"{where}.participants", "an event needs at least one participant")
    participants = [_parse_participant(p, f"{where}.participants[{i}]") for i, p in enumerate(people)]
    topics = [
        _alpha3(code, f"{where}.topics[{i}]")
        for i, code in enumerate(_list(raw.get("topics", []), f"{where}.topics"))
    ]
    optional = raw.get("optional", False)
    if not isinstance(optional, bool):
        raise _BadValueError(f"{where}.optional", f"must be true or false, got {json_kind(optional)}")
    evidence = _optional_string(raw.get("evidence"), f"{where}.evidence") or ""
    return GoldEvent(
        type=EventType(_choice(raw["type"], f"{where}.type", EventType, "an event type")),
        status=Status(_choice(raw["status"], f"{where}.status", Status, "a status")),
        participants=participants,
        time=_parse_time(raw["time"], f"{where}.time"),
        location=_parse_location(raw["location"], f"{where}.location"),
        topics=topics,
        optional=optional,
        evidence=evidence,
    )


def _parse_participant(data: object, where: str) -> GoldParticipant:
    raw = _object(data, where, _PARTICIPANT_KEYS, ("name", "role"))
    kind = raw.get("kind", ActorKind.PERSON.value)
    return GoldParticipant(
        name=_string(raw["name"], f"{where}.name"),
        country=_optional_alpha3(raw.get("country"), f"{where}.country"),
        role=Role(_choice(raw["role"], f"{where}.role", Role, "a role")),
        title=_optional_string(raw.get("title"), f"{where}.title"),
        kind=ActorKind(_choice(kind, f"{where}.kind", ActorKind, "an actor kind")),
        alternates=[
            _string(alt, f"{where}.alternates[{i}]")
            for i, alt in enumerate(_list(raw.get("alternates", []), f"{where}.alternates"))
        ],
    )


def _parse_time(data: object, where: str) -> GoldTime | None:
    if data is None:
        return None
    raw = _object(data, where, _TIME_KEYS)
    unresolved = raw.get("unresolved", False)
    if not isinstance(unresolved, bool):
        raise _BadValueError(f"{where}.unresolved", f"must be true or false, got {json_kind(unresolved)}")
    text = _optional_string(raw.get("text"), f"{where}.text") or ""
    if unresolved:
        for key in ("start", "end"):
            if raw.get(key) is not None:
                raise _BadValueError(f"{where}.{key}", "an unresolved time has no dates")
        return GoldTime.unresolved_time(text)
    for key in ("start", "end"):
        if raw.get(key) is None:
            raise _BadValueError(
                f"{where}.{key}", 'missing (give dates, or "unresolved": true, or "time": null)'
            )
    start = _date(raw["start"], f"{where}.start")
    end = _date(raw["end"], f"{where}.end")
    if end < start:
        raise _BadValueError(f"{where}.end", f"ends ({end}) before it starts ({start})")
    return GoldTime(start, end, text=text)


def _parse_location(data: object, where: str) -> GoldLocation | None:
    if data is None:
        return None
    raw = _object(data, where, _LOCATION_KEYS, ("name",))
    alternates = [
        _string(alt, f"{where}.alternates[{i}]")
        for i, alt in enumerate(_list(raw.get("alternates", []), f"{where}.alternates"))
    ]
    return GoldLocation(
        name=_string(raw["name"], f"{where}.name"),
        country=_optional_alpha3(raw.get("country"), f"{where}.country"),
        alternates=alternates,
    )


def _reject_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def load_gold(path: Path) -> GoldDocument:
    """Read and check one gold file.

    :raises GoldFormatError: when the file is not UTF-8 JSON in the gold format.
    :raises OSError: when the file cannot be read.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp) / "d1.gold.json"
    ...     _ = target.write_text('{"document": {"id": "d1"}, "events": []}', encoding="utf-8")
    ...     load_gold(target).id
    'd1'
    """
    raw = path.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"), object_pairs_hook=_reject_duplicate_keys)
    except UnicodeDecodeError as exc:
        raise GoldFormatError(path, f"not UTF-8: {exc.reason} at byte {exc.start}") from None
    except json.JSONDecodeError as exc:
        raise GoldFormatError(
            path, f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})"
        ) from None
    except ValueError as exc:
        raise GoldFormatError(path, f"invalid JSON: {exc}") from None
    return GoldDocument.from_dict(data, path)


def load_gold_dir(directory: Path) -> tuple[list[GoldDocument], list[GoldFormatError]]:
    """Read every ``*.gold.json`` file directly inside ``directory``, in name order.

    A file that cannot be read or does not follow the format is reported in
    the second list and skipped; so is a file whose document id was already
    read from an earlier file.

    :raises NotADirectoryError: when ``directory`` is not a directory.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = (Path(tmp) / "a.gold.json").write_text('{"document": {"id": "a"}, "events": []}')
    ...     _ = (Path(tmp) / "b.gold.json").write_text('{"document": {}, "events": []}')
    ...     docs, errors = load_gold_dir(Path(tmp))
    >>> [doc.id for doc in docs], [error.message for error in errors]
    (['a'], ['document.id: missing'])
    """
    if not directory.is_dir():
        raise NotADirectoryError(f"{directory}: not a directory")
    documents: list[GoldDocument] = []
    errors: list[GoldFormatError] = []
    seen: dict[str, Path] = {}
    for path in sorted(directory.glob(f"*{_GOLD_SUFFIX}")):
        try:
            document = load_gold(path)
        except GoldFormatError as error:
            errors.append(error)
            continue
        except OSError as exc:
            errors.append(GoldFormatError(path, f"cannot read: {exc.strerror or exc}"))
            continue
        if document.id in seen:
            errors.append(
                GoldFormatError(
                    path, f"document.id: duplicate id {document.id!r} (also in {seen[document.id]})"
                )
            )
            continue
        seen[document.id] = path
        documents.append(document)
    return documents, errors


# --------------------------------------------------------------------------- names and places

# Ranks, honorifics and office words dropped from names before comparison.
_HONORIFICS = frozenset(
    {
        "adm", "admiral", "ambassador", "brig", "brigadier", "capt", "captain", "chairman",
        "cmdr", "col", "colonel", "commander", "dr", "gen", "general", "gov", "governor",
        "hon", "honorable", "jr", "lt", "lieutenant", "maj", "minister", "mme", "mr", "mrs",
        "ms", "president", "prime", "prof", "professor", "rear", "rep", "representative",
        "secretary", "sen", "senator", "sergeant", "sgt", "sir", "sr", "vice",
    }
)  # fmt: skip
_APOSTROPHES = {ord(c): None for c in "'\u2018\u2019\u02bc\u02bb`"}


def _is_mark(char: str) -> bool:
    return unicodedata.category(char).startswith("M") or unicodedata.combining(char) != 0


def _fold(text: str) -> str:
    """Decompose, drop accents and case-fold until nothing changes."""
    for _ in range(10):
        decomposed = unicodedata.normalize("NFKD", text)
        folded = "".join(char for char in decomposed if not _is_mark(char)).casefold()
        if folded == text:
            break
        text = folded
    return text


def normalize_name(name: str) -> frozenset[str]:
    """Return the comparison key of a person's name: its remaining tokens as a set.

    Case-folds, removes accents (NFKD), joins apostrophes ("O'Brien" ->
    ``obrien``), splits on any other punctuation, and drops ranks and
    honorifics (Adm., Gen., Rear, Vice, Brig., Lt., Col., Maj., Capt., Mr., Dr.,
    Sir, President, Prime, Minister, Secretary, Senator, Gov., "Jr", "Sr"...) and single-letter
    initials. Word order does not matter. Note that "Sen" is dropped as the
    abbreviation of Senator, also where it is a surname.

    >>> normalize_name("Rear Adm. Dana Whitlock") == normalize_name("Dana Whitlock")
    True
    >>> sorted(normalize_name("Paul R. Haskins")), sorted(normalize_name("Iwaya Takeshi"))
    (['haskins', 'paul'], ['iwaya', 'takeshi'])
    >>> sorted(normalize_name("Yōko Kamikawa"))
    ['kamikawa', 'yoko']
    """
    folded = _fold(name).translate(_APOSTROPHES)
    spaced = "".join(char if char.isalnum() else " " for char in folded)
    return frozenset(token for token in spaced.split() if len(token) > 1 and token not in _HONORIFICS)


def _keys(names: Iterable[str]) -> frozenset[frozenset[str]]:
    """Return the non-empty name keys: a name reduced to nothing is no named person."""
    return frozenset(key for key in map(normalize_name, names) if key)


def _place_key(name: str) -> str:
    key = " ".join(name.split()).casefold()
    return key[4:] if key.startswith("the ") else key


def _describe_interval(start: dt.date | None, end: dt.date | None) -> str:
    if start is None or end is None:
        return "unresolved"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()}..{end.isoformat()}"


# --------------------------------------------------------------------------- report types


@attrs.frozen
class EventSummary:
    """A short description of a gold or predicted event, for reports.

    :param index: the event's position in the gold file or the prediction list.
    :param persons: the named persons; ``countries`` when there are none.

    >>> EventSummary("d1", 0, EventType.CALL, Status.OCCURRED, ("A B", "C D"), ("JPN",)).describe()
    'call/occurred A B, C D'
    """

    document_id: str
    index: int
    type: EventType
    status: Status
    persons: tuple[str, ...]
    countries: tuple[str, ...] = ()

    def describe(self) -> str:
        """Type, status and who took part, on one line."""
        who = ", ".join(self.persons) if self.persons else f"(countries: {', '.join(self.countries) or '-'})"
        return f"{self.type.value}/{self.status.value} {who}"

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary.

        >>> EventSummary("d1", 0, EventType.CALL, Status.OCCURRED, ("A B",)).to_dict()["type"]
        'call'
        """
        return {
            "document_id": self.document_id,
            "index": self.index,
            "type": self.type.value,
            "status": self.status.value,
            "persons": list(self.persons),
            "countries": list(self.countries),
        }

    @classmethod
    def of_gold(cls, document_id: str, index: int, event: GoldEvent) -> EventSummary:
        """Summarize a gold event.

        >>> EventSummary.of_gold("d1", 3, GoldEvent("visit", "planned", [GoldParticipant("A B")])).persons
        ('A B',)
        """
        return cls(
            document_id,
            index,
            event.type,
            event.status,
            tuple(p.name for p in event.persons()),
            tuple(sorted(event.countries())),
        )

    @classmethod
    def of_prediction(cls, document_id: str, index: int, event: Event) -> EventSummary:
        """Summarize a predicted event.

        >>> from alliancekit.model import Actor, Participant
        >>> event = Event("call", "occurred", [Participant(Actor("A B"))])
        >>> EventSummary.of_prediction("d1", 0, event).persons
        ('A B',)
        """
        return cls(
            document_id,
            index,
            event.type,
            event.status,
            tuple(actor.name for actor in event.persons()),
            tuple(sorted(_predicted_countries(event))),
        )


@attrs.frozen
class FieldError:
    """One wrong argument of a matched pair, with both values as text.

    >>> str(FieldError("status", "planned", "occurred"))
    'status: gold=planned predicted=occurred'
    """

    field: str
    gold: str
    predicted: str

    def __str__(self) -> str:
        return f"{self.field}: gold={self.gold} predicted={self.predicted}"


@attrs.frozen
class WrongEvent:
    """A matched required gold event with at least one wrong scored argument.

    >>> gold = EventSummary("d1", 0, EventType.CALL, Status.OCCURRED, ("A B",))
    >>> error = FieldError("status", "occurred", "planned")
    >>> wrong = WrongEvent(gold, attrs.evolve(gold, status=Status.PLANNED), (error,))
    >>> wrong.fields
    ('status',)
    """

    gold: EventSummary
    predicted: EventSummary
    errors: tuple[FieldError, ...]

    @property
    def fields(self) -> tuple[str, ...]:
        """The names of the wrong fields."""
        return tuple(error.field for error in self.errors)


@attrs.frozen
class DocumentReport:
    """What went wrong in one document.

    :param missed: required gold events no prediction matched.
    :param spurious: predictions that matched no gold event.
    :param wrong: matched pairs that are not fully correct.
    :param optional_matches: predictions matched to optional gold events.

    >>> DocumentReport("d1").clean
    True
    """

    document_id: str
    missed: tuple[EventSummary, ...] = ()
    spurious: tuple[EventSummary, ...] = ()
    wrong: tuple[WrongEvent, ...] = ()
    optional_matches: int = 0

    @property
    def clean(self) -> bool:
        """Whether nothing was missed, spurious or wrong."""
        return not (self.missed or self.spurious or self.wrong)

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary.

        >>> DocumentReport("d1").to_dict()["missed"]
        []
        """
        return {
            "document_id": self.document_id,
            "missed": [event.to_dict() for event in self.missed],
            "spurious": [event.to_dict() for event in self.spurious],
            "wrong": [
                {
                    "gold": wrong.gold.to_dict(),
                    "predicted": wrong.predicted.to_dict(),
                    "errors": [attrs.asdict(error) for error in wrong.errors],
                }
                for wrong in self.wrong
            ],
            "optional_matches": self.optional_matches,
        }


@attrs.frozen
class EvaluationReport:
    """The figures of one evaluation and the per-document details.

    Detection counts: ``tp`` predictions matched to required gold events,
    ``fp`` predictions matched to nothing, ``fn`` required gold events not
    matched. Argument figures are computed over the ``tp`` matched pairs;
    ``full_event_accuracy`` (the headline) over the ``required_events``.
    See the module docstring for zero-denominator conventions.

    >>> report = score([], {})
    >>> report.f1, report.full_event_accuracy, report.gold_documents
    (1.0, 1.0, 0)
    """

    tp: int
    fp: int
    fn: int
    precision: float
    recall: float
    f1: float
    participants_f1: float
    time_accuracy: float
    location_accuracy: float
    status_accuracy: float
    topics_f1: float
    full_event_accuracy: float
    gold_documents: int
    required_events: int
    optional_events: int
    predicted_events: int
    optional_matches: int
    full_events_correct: int
    time_scored: int
    location_scored: int
    documents: tuple[DocumentReport, ...] = ()
    unknown_documents: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready dictionary of the figures and the details.

        >>> sorted(score([], {}).to_dict()["counts"])
        ['fn', 'fp', 'tp']
        """
        return {
            "counts": {"tp": self.tp, "fp": self.fp, "fn": self.fn},
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "participants_f1": self.participants_f1,
            "time_accuracy": self.time_accuracy,
            "location_accuracy": self.location_accuracy,
            "status_accuracy": self.status_accuracy,
            "topics_f1": self.topics_f1,
            "full_event_accuracy": self.full_event_accuracy,
            "gold_documents": self.gold_documents,
            "required_events": self.required_events,
            "optional_events": self.optional_events,
            "predicted_events": self.predicted_events,
            "optional_matches": self.optional_matches,
            "full_events_correct": self.full_events_correct,
            "time_scored": self.time_scored,
            "location_scored": self.location_scored,
            "documents": [document.to_dict() for document in self.documents],
            "unknown_documents": list(self.unknown_documents),
        }

    def render(self, *, details: bool = True) -> str:
        """Render a plain-text report: the figures, then one line per problem.

        :param details: list the missed, spurious and wrong events after the
            figures; ``False`` gives the figures alone.

        >>> print(score([], {}).render(details=False).splitlines()[0])
        alliancekit evaluation: 0 gold documents, 0 required + 0 optional gold events, 0 predictions
        """
        lines = [
            f"alliancekit evaluation: {self.gold_documents} gold documents, "
            f"{self.required_events} required + {self.optional_events} optional gold events, "
            f"{self.predicted_events} predictions",
            "",
            f"{'figure':<22} {'value':>6}  basis",
        ]
        rows = [
            ("full-event accuracy", self.full_event_accuracy,
             f"{self.full_events_correct}/{self.required_events} required events fully correct"),
            ("event precision", self.precision, f"tp={self.tp} fp={self.fp}"),
            ("event recall", self.recall, f"tp={self.tp} fn={self.fn}"),
            ("event F1", self.f1, f"{self.optional_matches} matched optional events not counted"),
            ("participants F1", self.participants_f1, f"named persons over {self.tp} matched pairs"),
            ("time accuracy", self.time_accuracy, f"{self.time_scored} scored"),
            ("location accuracy", self.location_accuracy, f"{self.location_scored} scored"),
            ("status accuracy", self.status_accuracy, f"{self.tp} scored"),
            ("topics F1", self.topics_f1, "secondary"),
        ]  # fmt: skip
        lines.extend(f"{name:<22} {value:>6.3f}  {basis}" for name, value, basis in rows)
        if not details:
            return "\n".join(lines)
        problems: list[str] = []
        for document in self.documents:
            problems.extend(f"MISSED    {gold.document_id}  {gold.describe()}" for gold in document.missed)
            problems.extend(f"SPURIOUS  {pred.document_id}  {pred.describe()}" for pred in document.spurious)
            problems.extend(
                f"WRONG     {wrong.gold.document_id}  {wrong.gold.describe()}  "
                + " | ".join(str(error) for error in wrong.errors)
                for wrong in document.wrong
            )
        if problems:
            lines.extend(["", *problems])
        if self.unknown_documents:
            unknown = ", ".join(self.unknown_documents)
            lines.extend(["", f"predictions for documents without gold (ignored): {unknown}"])
        return "\n".join(lines)


# --------------------------------------------------------------------------- scoring


def _predicted_countries(event: Event) -> frozenset[str]:
    return frozenset(p.actor.country for p in event.participants if p.actor.country is not None)


def _ratio(numerator: int, denominator: int) -> float:
    """``numerator / denominator``, 1.0 when there is nothing to score."""
    return numerator / denominator if denominator else 1.0


def _detection_ratio(tp: int, errors: int, other_errors: int) -> float:
    """Return precision (errors = fp) or recall (errors = fn) by the module's conventions."""
    if tp + errors:
        return tp / (tp + errors)
    return 1.0 if other_errors == 0 else 0.0


def _f1(shared: int, gold: int, predicted: int) -> float:
    """Micro F1 from counts; 1.0 when both sides are empty, 0.0 when one is."""
    if gold == 0 and predicted == 0:
        return 1.0
    if shared == 0:
        return 0.0
    precision, recall = shared / predicted, shared / gold
    return 2 * precision * recall / (precision + recall)


def _time_correct(gold: GoldEvent, predicted: Event) -> bool | None:
    """Apply the time rule; ``None`` when the gold time is not scored."""
    if gold.time is None:
        return None
    span = predicted.time
    if gold.time.unresolved:
        return span is None or span.start is None
    if span is None or span.start is None or span.end is None:
        return False
    assert gold.time.start is not None
    assert gold.time.end is not None
    return gold.time.start <= span.start and span.end <= gold.time.end


def _location_correct(gold: GoldEvent, predicted: Event) -> bool | None:
    """Apply the location rule; ``None`` when the gold location is not scored."""
    if gold.location is None:
        return None
    return predicted.location is not None and gold.location.accepts(predicted.location.name)


@attrs.frozen
class _Check:
    """How one gold event and one prediction compare, argument by argument."""

    shared_persons: int
    gold_persons: int
    predicted_persons: int
    status: bool
    time: bool | None
    location: bool | None
    shared_topics: int
    gold_topics: int
    predicted_topics: int

    @property
    def persons(self) -> bool:
        return self.shared_persons == self.gold_persons == self.predicted_persons

    @property
    def agreement(self) -> int:
        """How many arguments agree (unscored ones do not count)."""
        return sum([self.persons, self.status, self.time is True, self.location is True])

    @property
    def correct(self) -> bool:
        return self.persons and self.status and self.time is not False and self.location is not False


def _compare(gold: GoldEvent, predicted: Event) -> _Check | None:
    """Compare a candidate pair; ``None`` when the pair cannot match."""
    if gold.type is not predicted.type:
        return None
    gold_keys = gold.person_keys()
    predicted_keys = _keys(actor.name for actor in predicted.persons())
    shared = _shared_persons(gold, predicted_keys)
    if gold_keys:
        if shared == 0:
            return None
    elif not gold.countries() or gold.countries() != _predicted_countries(predicted):
        return None
    gold_topics, predicted_topics = set(gold.topics), set(predicted.topics)
    return _Check(
        shared_persons=shared,
        gold_persons=len(gold_keys),
        predicted_persons=len(predicted_keys),
        status=gold.status is predicted.status,
        time=_time_correct(gold, predicted),
        location=_location_correct(gold, predicted),
        shared_topics=len(gold_topics & predicted_topics),
        gold_topics=len(gold_topics),
        predicted_topics=len(predicted_topics),
    )


def _shared_persons(gold: GoldEvent, predicted_keys: frozenset[frozenset[str]]) -> int:
    """Count the gold persons that a predicted name matches, by name or alternate, one to one."""
    unused = set(predicted_keys)
    shared = 0
    for person in gold.persons():
        found = next((key for key in person.name_keys() if key in unused), None)
        if found is not None:
            unused.discard(found)
            shared += 1
    return shared


def _match(
    gold: Sequence[tuple[int, GoldEvent]], predictions: Sequence[tuple[int, Event]]
) -> list[tuple[int, int, _Check]]:
    """Greedy one-to-one matching, best pair first.

    Pairs are ranked by: more shared named persons; then more agreeing
    arguments (person-set equality, status, time, location, counting only
    scored arguments); then fewer unshared persons on either side; then the
    earlier gold event; then the earlier prediction.
    """
    candidates: list[tuple[tuple[int, int, int, int, int], int, int, _Check]] = []
    for gold_index, gold_event in gold:
        for predicted_index, predicted_event in predictions:
            check = _compare(gold_event, predicted_event)
            if check is None:
                continue
            unshared = check.gold_persons + check.predicted_persons - 2 * check.shared_persons
            rank = (-check.shared_persons, -check.agreement, unshared, gold_index, predicted_index)
            candidates.append((rank, gold_index, predicted_index, check))
    candidates.sort(key=lambda candidate: candidate[0])
    used_gold: set[int] = set()
    used_predictions: set[int] = set()
    pairs: list[tuple[int, int, _Check]] = []
    for _, gold_index, predicted_index, check in candidates:
        if gold_index in used_gold or predicted_index in used_predictions:
            continue
        used_gold.add(gold_index)
        used_predictions.add(predicted_index)
        pairs.append((gold_index, predicted_index, check))
    return pairs


def _errors(gold: GoldEvent, predicted: Event, check: _Check) -> tuple[FieldError, ...]:
    errors: list[FieldError] = []
    if not check.persons:
        errors.append(
            FieldError(
                "participants",
                ", ".join(sorted(p.name for p in gold.persons())) or "-",
                ", ".join(sorted(actor.name for actor in predicted.persons())) or "-",
            )
        )
    if not check.status:
        errors.append(FieldError("status", gold.status.value, predicted.status.value))
    if check.time is False:
        assert gold.time is not None
        span = predicted.time
        shown = "none" if span is None else _describe_interval(span.start, span.end)
        errors.append(FieldError("time", gold.time.describe(), shown))
    if check.location is False:
        assert gold.location is not None
        place = "none" if predicted.location is None else predicted.location.name
        errors.append(FieldError("location", gold.location.describe(), place))
    return tuple(errors)


@attrs.define
class _Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    required: int = 0
    optional: int = 0
    predicted: int = 0
    optional_matches: int = 0
    full_correct: int = 0
    shared_persons: int = 0
    gold_persons: int = 0
    predicted_persons: int = 0
    status_correct: int = 0
    time_correct: int = 0
    time_scored: int = 0
    location_correct: int = 0
    location_scored: int = 0
    shared_topics: int = 0
    gold_topics: int = 0
    predicted_topics: int = 0

    def add_pair(self, check: _Check) -> None:
        self.tp += 1
        self.shared_persons += check.shared_persons
        self.gold_persons += check.gold_persons
        self.predicted_persons += check.predicted_persons
        self.status_correct += check.status
        if check.time is not None:
            self.time_scored += 1
            self.time_correct += check.time
        if check.location is not None:
            self.location_scored += 1
            self.location_correct += check.location
        self.shared_topics += check.shared_topics
        self.gold_topics += check.gold_topics
        self.predicted_topics += check.predicted_topics
        self.full_correct += check.correct


def _score_document(document: GoldDocument, predictions: Sequence[Event], tally: _Tally) -> DocumentReport:
    required = [(i, event) for i, event in enumerate(document.events) if not event.optional]
    optional = [(i, event) for i, event in enumerate(document.events) if event.optional]
    indexed = list(enumerate(predictions))
    tally.required += len(required)
    tally.optional += len(optional)
    tally.predicted += len(indexed)

    pairs = _match(required, indexed)
    taken = {predicted_index for _, predicted_index, _ in pairs}
    optional_pairs = _match(optional, [(i, event) for i, event in indexed if i not in taken])
    taken |= {predicted_index for _, predicted_index, _ in optional_pairs}
    matched_gold = {gold_index for gold_index, _, _ in pairs}

    wrong: list[WrongEvent] = []
    for gold_index, predicted_index, check in sorted(pairs, key=lambda pair: pair[0]):
        tally.add_pair(check)
        if not check.correct:
            gold_event, predicted_event = document.events[gold_index], predictions[predicted_index]
            wrong.append(
                WrongEvent(
                    EventSummary.of_gold(document.id, gold_index, gold_event),
                    EventSummary.of_prediction(document.id, predicted_index, predicted_event),
                    _errors(gold_event, predicted_event, check),
                )
            )
    missed = [EventSummary.of_gold(document.id, i, event) for i, event in required if i not in matched_gold]
    spurious = [EventSummary.of_prediction(document.id, i, event) for i, event in indexed if i not in taken]
    tally.fn += len(missed)
    tally.fp += len(spurious)
    tally.optional_matches += len(optional_pairs)
    return DocumentReport(document.id, tuple(missed), tuple(spurious), tuple(wrong), len(optional_pairs))


def score(gold: Sequence[GoldDocument], predictions: Mapping[str, Sequence[Event]]) -> EvaluationReport:
    """Score predicted events against gold documents, following ANNOTATION.md.

    :param gold: the gold documents; their ids must be unique.
    :param predictions: document id -> predicted events. A gold document
        without an entry has no predictions; entries for documents without
        gold are ignored and listed in ``unknown_documents``.

    Matching, within one document: a prediction can match a gold event of the
    same type that shares at least one named person (names compared with
    :func:`normalize_name`; gold participants of kind organization or country
    and predicted actors that are not persons are not persons; a name that
    normalizes to nothing is no named person); when the gold event has no
    named person, the prediction must carry the same non-empty set of
    participant countries. Pairs are taken one-to-one, greedily, best first:
    more shared persons; then more agreeing arguments (person set, status,
    time, location - scored ones only); then fewer unshared persons; then
    gold order; then prediction order. Required gold events are matched
    first; the remaining predictions may then match optional gold events,
    which counts neither as a true nor as a false positive.

    A pair's participants are correct when the predicted person set equals
    the gold one (every gold person found, no extra person). Full-event
    accuracy needs participants, status and every scored time and location
    right; topics are a secondary figure and not part of it.

    :raises ValueError: when two gold documents share an id.

    >>> gold = GoldDocument.from_dict({"document": {"id": "d1"}, "events": [
    ...     {"type": "visit", "status": "planned", "time": {"unresolved": True}, "location": None,
    ...      "participants": [{"name": "Yoshimasa Hayashi", "country": "JPN", "role": "visitor"}]}]})
    >>> from alliancekit.model import Actor, Participant
    >>> hayashi = Participant(Actor("Hayashi Yoshimasa", country="JPN"), "visitor")
    >>> twice = [Event("visit", "planned", [hayashi]), Event("visit", "planned", [hayashi])]
    >>> report = score([gold], {"d1": twice})
    >>> report.tp, report.fp, report.fn, report.precision, report.recall
    (1, 1, 0, 0.5, 1.0)
    """
    ids = [document.id for document in gold]
    duplicates = sorted({doc_id for doc_id in ids if ids.count(doc_id) > 1})
    if duplicates:
        raise ValueError(f"duplicate gold document ids: {', '.join(duplicates)}")
    tally = _Tally()
    documents = tuple(_score_document(document, predictions.get(document.id, ()), tally) for document in gold)
    known = set(ids)
    precision = _detection_ratio(tally.tp, tally.fp, tally.fn)
    recall = _detection_ratio(tally.tp, tally.fn, tally.fp)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return EvaluationReport(
        tp=tally.tp,
        fp=tally.fp,
        fn=tally.fn,
        precision=precision,
        recall=recall,
        f1=f1,
        participants_f1=_f1(tally.shared_persons, tally.gold_persons, tally.predicted_persons),
        time_accuracy=_ratio(tally.time_correct, tally.time_scored),
        location_accuracy=_ratio(tally.location_correct, tally.location_scored),
        status_accuracy=_ratio(tally.status_correct, tally.tp),
        topics_f1=_f1(tally.shared_topics, tally.gold_topics, tally.predicted_topics),
        full_event_accuracy=_ratio(tally.full_correct, tally.required),
        gold_documents=len(gold),
        required_events=tally.required,
        optional_events=tally.optional,
        predicted_events=tally.predicted,
        optional_matches=tally.optional_matches,
        full_events_correct=tally.full_correct,
        time_scored=tally.time_scored,
        location_scored=tally.location_scored,
        documents=documents,
        unknown_documents=tuple(sorted(doc_id for doc_id in predictions if doc_id not in known)),
    )
