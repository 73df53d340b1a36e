"""The one converter between model values and JSON, and the output's JSON Schema.

Events serialize to plain JSON-ready dictionaries whose field names are the
output contract: ``type``, ``status``, ``participants``, ``time``,
``location``, ``topics``, ``evidence``, ``document_id``, ``extractor``.
A participant is flattened: its actor's fields and its ``role`` side by side.

>>> from alliancekit.model import Event, Participant, Actor
>>> event = Event("call", "occurred", [Participant(Actor("Marco Rubio", country="USA"))],
...               document_id="d1", extractor="rules")
>>> data = unstructure_event(event)
>>> data["participants"][0]["name"], data["participants"][0]["role"]
('Marco Rubio', 'participant')
>>> structure_event(data) == event
True
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from typing import Any

import cattrs

from alliancekit.model import (
    Actor,
    ActorKind,
    Document,
    Event,
    EventType,
    Granularity,
    Participant,
    Role,
    Status,
)

__all__ = [
    "ENGAGEMENT_SCHEMA",
    "EVENT_SCHEMA",
    "converter",
    "dumps_event",
    "event_problems",
    "loads_event",
    "schema_problems",
    "structure_document",
    "structure_event",
    "unstructure_document",
    "unstructure_event",
]

converter = cattrs.Converter(omit_if_default=False)
"""The converter behind every (un)structuring in alliancekit."""


def _unstructure_date(value: dt.date) -> str:
    return value.isoformat()


def _structure_date(value: Any, _: type) -> dt.date:
    if isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10]) if "T" in str(value) else dt.date.fromisoformat(str(value))


def _structure_datetime(value: Any, _: type) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def _unstructure_participant(participant: Participant) -> dict[str, Any]:
    actor = participant.actor
    return {
        "name": actor.name,
        "kind": actor.kind.value,
        "country": actor.country,
        "title": actor.title,
        "role": participant.role.value,
        "aliases": list(actor.aliases),
        "kb_id": actor.kb_id,
    }


def _structure_participant(value: Any, _: type) -> Participant:
    if not isinstance(value, dict):
        raise TypeError(f"a participant is an object, got {type(value).__name__}")
    actor = Actor(
        name=value["name"],
        kind=ActorKind(value.get("kind") or ActorKind.PERSON),
        country=value.get("country"),
        title=value.get("title"),
        aliases=tuple(value.get("aliases") or ()),
        kb_id=value.get("kb_id"),
    )
    return Participant(actor, Role(value.get("role") or Role.PARTICIPANT))


converter.register_unstructure_hook(dt.datetime, lambda value: value.isoformat())
converter.register_structure_hook(dt.datetime, _structure_datetime)
converter.register_unstructure_hook(dt.date, _unstructure_date)
converter.register_structure_hook(dt.date, _structure_date)
converter.register_unstructure_hook(Participant, _unstructure_participant)
converter.register_structure_hook(Participant, _structure_participant)
for _enum in (EventType, Status, Role, ActorKind, Granularity):
    converter.register_unstructure_hook(_enum, lambda value: value.value)


def unstructure_event(event: Event) -> dict[str, Any]:
    """Turn an event into a JSON-ready dictionary (the output contract)."""
    data: dict[str, Any] = converter.unstructure(event)
    return data


def structure_event(data: dict[str, Any]) -> Event:
    """Build an event back from :func:`unstructure_event`'s dictionary."""
    return converter.structure(data, Event)


def unstructure_document(document: Document) -> dict[str, Any]:
    """Turn a document into a JSON-ready dictionary.

    >>> unstructure_document(Document("d1", "text"))["source"]["outlet"] is None
    True
    """
    data: dict[str, Any] = converter.unstructure(document)
    return data


def structure_document(data: dict[str, Any]) -> Document:
    """Build a document back from :func:`unstructure_document`'s dictionary."""
    return converter.structure(data, Document)


# Characters that str.splitlines() and some JSON-lines readers treat as line
# breaks but json.dumps(ensure_ascii=False) leaves unescaped inside strings.
_LINE_BREAK_CHARACTERS = "\x85\u2028\u2029"
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def dumps_event(event: Event) -> str:
    r"""Serialize one event to a compact JSON line.

    Non-ASCII text stays readable; the few characters some readers take for
    line breaks (U+0085, U+2028, U+2029) are escaped, so the result is one
    line however it is split.

    >>> dumps_event(Event("visit", "planned"))[:36]
    '{"type": "visit", "status": "planned'
    >>> "\u2028" in dumps_event(Event("visit", "planned", extractor="a\u2028b"))
    False
    """
    line = json.dumps(unstructure_event(event), ensure_ascii=False)
    # Translating walks every character: only a line holding one of the line breaks needs it.
    if line.isascii() or not any(character in line for character in _LINE_BREAK_CHARACTERS):
        return line
    return line.translate(_LINE_BREAKS)


def loads_event(line: str) -> Event:
    """Parse one JSON line written by :func:`dumps_event`."""
    return structure_event(json.loads(line))


_ALPHA3 = {"type": "string", "pattern": "^[A-Z]{3}$"}
_NULLABLE_ALPHA3 = {"type": ["string", "null"], "pattern": "^[A-Z]{3}$"}
_DATE = {"type": ["string", "null"], "format": "date"}

EVENT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://alliancekit.readthedocs.io/schema/event.json",
    "title": "alliancekit event",
    "description": "One diplomatic engagement extracted from a news document, with its evidence.",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "type",
        "status",
        "participants",
        "time",
        "location",
        "topics",
        "evidence",
        "document_id",
        "extractor",
        "confidence",
        "cameo",
        "plover",
        "plover_mode",
    ],
    "properties": {
        "type": {"enum": [member.value for member in EventType]},
        "status": {"enum": [member.value for member in Status]},
        "participants": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "kind", "country", "title", "role", "aliases", "kb_id"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "kind": {"enum": [member.value for member in ActorKind]},
                    "country": _NULLABLE_ALPHA3,
                    "title": {"type": ["string", "null"]},
                    "role": {"enum": [member.value for member in Role]},
                    "aliases": {"type": "array", "items": {"type": "string"}},
                    "kb_id": {"type": ["string", "null"]},
                },
            },
        },
        "time": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["start", "end", "granularity", "text"],
            "properties": {
                "start": _DATE,
                "end": _DATE,
                "granularity": {"enum": [*(member.value for member in Granularity), None]},
                "text": {"type": "string"},
            },
        },
        "location": {
            "type": ["object", "null"],
            "additionalProperties": False,
            "required": ["name", "country", "text", "kind"],
            "properties": {
                "name": {"type": "string", "minLength": 1},
                "country": _NULLABLE_ALPHA3,
                "text": {"type": "string"},
                "kind": {"type": ["string", "null"]},
            },
        },
        "topics": {"type": "array", "items": _ALPHA3},
        "evidence": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["start", "end", "text"],
                "properties": {
                    "start": {"type": "integer", "minimum": 0},
                    "end": {"type": "integer", "minimum": 0},
                    "text": {"type": "string"},
                },
            },
        },
        "document_id": {"type": "string"},
        "extractor": {"type": "string"},
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "cameo": {"type": "string", "pattern": "^[0-9]{3,4}$"},
        "plover": {"type": "string"},
        "plover_mode": {"type": ["string", "null"]},
    },
}
"""JSON Schema (draft 2020-12) of one serialized :class:`~alliancekit.model.Event`."""

_EVENT = EVENT_SCHEMA["properties"]

ENGAGEMENT_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": "https://alliancekit.readthedocs.io/schema/engagement.json",
    "title": "alliancekit engagement",
    "description": "One engagement merged from the reports of one or more documents in an event store, "
    "with the sources that report it and the event each of them gave.",
    "type": "object",
    "additionalProperties": False,
    "required": [
        "id",
        "type",
        "status",
        "participants",
        "time",
        "location",
        "topics",
        "outcome_id",
        "plan_ids",
        "sources",
        "events",
    ],
    "properties": {
        "id": {"type": "string", "pattern": "^e[0-9a-f]{16}$"},
        "type": _EVENT["type"],
        "status": _EVENT["status"],
        "participants": _EVENT["participants"],
        "time": _EVENT["time"],
        "location": _EVENT["location"],
        "topics": _EVENT["topics"],
        "outcome_id": {"type": ["string", "null"], "pattern": "^e[0-9a-f]{16}$"},
        "plan_ids": {"type": "array", "items": {"type": "string", "pattern": "^e[0-9a-f]{16}$"}},
        "sources": {
            "type": "array",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["document_id", "outlet", "url", "published"],
                "properties": {
                    "document_id": {"type": "string"},
                    "outlet": {"type": ["string", "null"]},
                    "url": {"type": ["string", "null"]},
                    "published": _DATE,
                },
            },
        },
        "events": {
            "type": "array",
            "items": {key: value for key, value in EVENT_SCHEMA.items() if key not in ("$schema", "$id")},
        },
    },
}
"""JSON Schema (draft 2020-12) of one engagement as ``alliancekit events`` writes it.

That is :meth:`alliancekit.engagements.Engagement.to_dict`: the merged
fields, the sources (one per report) and each report's event, which
validates against :data:`EVENT_SCHEMA`.
"""


# --------------------------------------------------------------------------- schema checking

_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}
_NUMBER = (int, float)
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _is_date(value: str) -> bool:
    if _ISO_DATE.fullmatch(value) is None:
        return False
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def schema_problems(data: Any, schema: dict[str, Any] = EVENT_SCHEMA, where: str = "") -> list[str]:
    """What keeps ``data`` from validating against ``schema``; empty when it validates.

    A small, dependency-free validator for the JSON Schema keywords
    :data:`EVENT_SCHEMA` uses (``type``, ``enum``, ``required``,
    ``properties``, ``additionalProperties: false``, ``items``, ``pattern``,
    ``minLength``, ``minimum``, ``maximum`` and ``format: date``), so that the
    pipeline can check every event without :mod:`jsonschema`. It is stricter
    than JSON Schema in one way: an integer must be a JSON integer, not
    ``1.0``, because evidence offsets index into text.

    >>> schema_problems({"start": "2026-02-30"}, {"properties": {"start": _DATE}})
    ["at start: '2026-02-30' is not a date (YYYY-MM-DD)"]
    >>> schema_problems(unstructure_event(Event("call", "occurred")))
    []
    """
    return _checker_for(schema)(data, where, None)


# A checker takes the data, and where it is: the path of its parent and its own key (``None`` for
# the data the check starts at, whose path is the parent's). The path is spelled out only for a
# problem or for the children of an object or array.
_Checker = Callable[[Any, str, "str | int | None"], list[str]]
# Compiled checkers by schema identity; the schema is kept so that its id stays its own.
_CHECKERS: dict[int, tuple[dict[str, Any], _Checker]] = {}


def _checker_for(schema: dict[str, Any]) -> _Checker:
    known = _CHECKERS.get(id(schema))
    if known is not None and known[0] is schema:
        return known[1]
    checker = _compile_checker(schema)
    if len(_CHECKERS) < 64:  # the event schema and its parts; other schemas are compiled each time
        _CHECKERS[id(schema)] = (schema, checker)
    return checker


def _path(parent: str, key: str | int | None) -> str:
    return parent if key is None else f"{parent}/{key}".lstrip("/")


def _compile_checker(schema: dict[str, Any]) -> _Checker:
    """A function that checks data against ``schema``, with the schema's walk done once, here.

    The function looks only for what the schema asks: a string's pattern
    only where the schema has one, an object's properties only where it
    lists some, and so on.
    """
    expected = schema.get("type")
    names = None if expected is None else [expected] if isinstance(expected, str) else list(expected)
    # A bool is an int to Python, never a number to JSON (and 1.0 is not an offset): a bool is of
    # the type only as a boolean; any other value when it is an instance of one of these.
    allows_bool = names is not None and "boolean" in names
    types = () if names is None else tuple(kind for name in names for kind in _JSON_TYPES[name])
    enum = schema.get("enum")
    pattern = re.compile(schema["pattern"]) if "pattern" in schema else None
    min_length = schema.get("minLength", 0)
    is_date = schema.get("format") == "date"
    minimum, maximum = schema.get("minimum"), schema.get("maximum")
    properties = {key: _compile_checker(value) for key, value in schema.get("properties", {}).items()}
    required = tuple(schema.get("required", ()))
    closed = schema.get("additionalProperties") is False
    items = _compile_checker(schema["items"]) if "items" in schema else None
    # Which of the checks below the schema asks for at all.
    string_rules = pattern is not None or "minLength" in schema or is_date
    number_rules = minimum is not None or maximum is not None
    object_rules = bool(properties) or bool(required) or closed

    def check(data: Any, parent: str, key: str | int | None) -> list[str]:
        if names is not None and not (allows_bool if isinstance(data, bool) else isinstance(data, types)):
            return [f"at {_path(parent, key) or '(top)'}: {data!r} is not of type {' or '.join(names)}"]
        problems: list[str] = []
        if enum is not None and data not in enum:
            problems.append(f"at {_path(parent, key) or '(top)'}: {data!r} is not one of {enum!r}")
        if string_rules and isinstance(data, str):
            if pattern is not None and pattern.search(data) is None:
                problems.append(
                    f"at {_path(parent, key) or '(top)'}: {data!r} does not match {pattern.pattern!r}"
                )
            if len(data) < min_length:
                problems.append(f"at {_path(parent, key) or '(top)'}: {data!r} is shorter than {min_length}")
            if is_date and not _is_date(data):
                problems.append(f"at {_path(parent, key) or '(top)'}: {data!r} is not a date (YYYY-MM-DD)")
        if number_rules and isinstance(data, _NUMBER) and not isinstance(data, bool):
            if minimum is not None and not data >= minimum:
                problems.append(f"at {_path(parent, key) or '(top)'}: {data!r} is less than {minimum}")
            if maximum is not None and not data <= maximum:
                problems.append(f"at {_path(parent, key) or '(top)'}: {data!r} is more than {maximum}")
        if object_rules and isinstance(data, dict):
            where = _path(parent, key)
            here = where or "(top)"
            missing = [name for name in required if name not in data]
            problems.extend(f"at {here}: {name!r} is a required property" for name in missing)
            for name, value in data.items():
                child = properties.get(name)
                if child is not None:
                    found = child(value, where, name)
                    if found:
                        problems.extend(found)
                elif closed:
                    problems.append(f"at {here}: unexpected property {name!r}")
        if items is not None and isinstance(data, list):
            where = _path(parent, key)
            for index, item in enumerate(data):
                found = items(item, where, index)
                if found:
                    problems.extend(found)
        return problems

    return check


def event_problems(event: object) -> list[str]:
    """Why ``event`` may not be written out; empty when it is a valid :class:`Event`.

    It must be an :class:`~alliancekit.model.Event` that serializes to JSON
    validating against :data:`EVENT_SCHEMA`. The model's validators run when
    an event is built, but they do not check every field's type, and a
    plugin can get around them; this is the check the pipeline makes before
    any event reaches an output or a store.

    >>> event_problems(Event("call", "occurred"))
    []
    >>> event_problems(Event("call", "occurred", cameo="forty"))
    ["at cameo: 'forty' does not match '^[0-9]{3,4}$'"]
    >>> event_problems(Event("call", "occurred", time="tomorrow"))[0][:18]
    'does not serialize'
    >>> event_problems({"type": "call"})
    ['a dict, not an Event']
    """
    if not isinstance(event, Event):
        return [f"a {type(event).__name__}, not an Event"]
    try:
        line = dumps_event(event)
        data = json.loads(line)
    except Exception as error:  # any field a plugin filled with something JSON cannot hold
        return [f"does not serialize: {type(error).__name__}: {error}"]
    try:
        line.encode("utf-8")
    except UnicodeEncodeError as error:  # a lone surrogate: the one character UTF-8 cannot hold
        return [f"holds a lone surrogate (U+{ord(line[error.start]):04X}), which is not Unicode text"]
    return schema_problems(data)
