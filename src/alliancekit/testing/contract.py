r"""The extractor contract as plain checks, usable with or without pytest.

Each ``check_*`` function returns quietly when the contract holds and raises
:class:`ContractViolation` (an :class:`AssertionError`) otherwise, with a
message naming the extractor and the document. What the contract asks of an
extractor (see :class:`~alliancekit.extractor.Extractor`):

* ``extract`` never raises, whatever the text (:func:`check_never_raises`);
* every event carries evidence, and every evidence span is the document's
  text at its offsets (:func:`check_evidence_matches`);
* every event serializes to JSON that validates against
  :data:`~alliancekit.serialize.EVENT_SCHEMA` (:func:`check_schema`);
* the same document gives the same events every time (:func:`check_deterministic`);
* without a publication date, relative dates stay unresolved: nothing is
  anchored on today's date (:func:`check_no_wall_clock_dates`).

Give the checks documents as the pipeline hands them to extractors, that is
after :func:`~alliancekit.pipeline.prepare_document`, which turns a printed
timestamp into the document's anchor.

>>> from alliancekit.actors import KnowledgeBase
>>> from alliancekit.extractor import ExtractionContext
>>> from alliancekit.model import Document, Event, Evidence
>>> class FirstWords:
...     name = "first-words"
...     def extract(self, document, context):
...         span = Evidence.from_text(document.text, 0, min(len(document.text), 9))
...         return [Event("meeting", "occurred", evidence=[span], extractor=self.name)]
>>> context = ExtractionContext(KnowledgeBase())
>>> check_extractor_contract(FirstWords(), [Document("d1", "Abe met Lee.")], context)
>>> class Shouting(FirstWords):
...     name = "shouting"
...     def extract(self, document, context):
...         return [Event("meeting", "occurred", evidence=[Evidence(0, 3, "ABE")])]
>>> document = Document("d1", "Abe met Lee.")
>>> try:
...     check_evidence_matches(Shouting().extract(document, context), document, extractor="shouting")
... except ContractViolation as violation:
...     caught = violation
>>> caught.extractor, caught.document.id
('shouting', 'd1')
>>> print(caught.problem)
event 0 (meeting): evidence 0 at [0:3] says 'ABE' but the text there is 'Abe'
>>> str(caught).startswith("extractor 'shouting' on document 'd1' (no publication date; text 'Abe met")
True
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from alliancekit.extractor import ExtractionContext, Extractor
from alliancekit.model import Document, Event
from alliancekit.serialize import EVENT_SCHEMA, dumps_event

if TYPE_CHECKING:
    from jsonschema.protocols import Validator

__all__ = [
    "ContractViolation",
    "check_deterministic",
    "check_evidence_matches",
    "check_extractor_contract",
    "check_never_raises",
    "check_no_wall_clock_dates",
    "check_schema",
]


class ContractViolation(AssertionError):  # noqa: N818 - a violation, not an error of the kit
    """An extractor broke the extractor contract; the message says where and how.

    :param problem: what went wrong.
    :param extractor: the extractor's name, when known.
    :param document: the document it went wrong on, when known.

    ``str()`` gives the whole message: the extractor, the document (id,
    publication date and the start of its text), then the problem.

    >>> violation = ContractViolation("event 0 (call) has no evidence", extractor="mine")
    >>> print(violation)
    extractor 'mine': event 0 (call) has no evidence
    >>> isinstance(violation, AssertionError)
    True
    """

    def __init__(self, problem: str, extractor: str | None = None, document: Document | None = None) -> None:
        super().__init__(problem, extractor, document)
        self.problem = problem
        self.extractor = extractor
        self.document = document

    def __str__(self) -> str:
        return f"{_where(self.extractor, self.document)}: {self.problem}"


_PREVIEW = 60
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _preview(text: str) -> str:
    if len(text) <= _PREVIEW:
        return repr(text)
    return f"{text[:_PREVIEW]!r}... ({len(text)} characters)"


def _where(extractor: str | None, document: Document | None) -> str:
    who = f"extractor {extractor!r}" if extractor else "the extractor"
    if document is None:
        return who
    dated = f"published {document.published}" if document.published is not None else "no publication date"
    if document.published is None and document.anchor is not None:
        dated = f"anchored on {document.anchor}"
    return f"{who} on document {document.id!r} ({dated}; text {_preview(document.text)})"


def _name_of(events: Sequence[object], extractor: str | None) -> str | None:
    """The extractor to blame: the one named, else the one the events name."""
    if extractor:
        return extractor
    named = {event.extractor for event in events if isinstance(event, Event) and event.extractor}
    return " / ".join(sorted(named)) or None


def _violation(extractor: str | None, document: Document | None, problem: str) -> ContractViolation:
    return ContractViolation(problem, extractor, document)


def _label(index: int, event: Event) -> str:
    return f"event {index} ({event.type.value})"


def check_never_raises(extractor: Extractor, document: Document, context: ExtractionContext) -> list[Event]:
    """Run ``extractor`` on ``document`` and return its events; it must not raise.

    Any exception, including one raised while iterating the result, becomes
    a :class:`ContractViolation` chained to the original.

    >>> from alliancekit.actors import KnowledgeBase
    >>> class Fragile:
    ...     name = "fragile"
    ...     def extract(self, document, context):
    ...         return [document.text[100]]
    >>> try:
    ...     check_never_raises(Fragile(), Document("d1", "short"), ExtractionContext(KnowledgeBase()))
    ... except ContractViolation as violation:
    ...     print(violation.problem)
    extract() raised IndexError: string index out of range
    """
    try:
        return list(extractor.extract(document, context))
    except Exception as error:
        problem = f"extract() raised {type(error).__name__}: {error}"
        raise _violation(extractor.name, document, problem) from error


def check_evidence_matches(
    events: Iterable[Event], document: Document, *, extractor: str | None = None
) -> None:
    """Every result is an :class:`~alliancekit.model.Event` whose evidence is the document's text.

    An event needs at least one evidence span (the pipeline drops events
    without), and each span's ``text`` must equal ``document.text[start:end]``.

    :param extractor: the name to report (default: the events' ``extractor``).

    >>> from alliancekit.model import Evidence
    >>> document = Document("d1", "Abe met Lee.")
    >>> span = Evidence.from_text(document.text, 0, 7)
    >>> check_evidence_matches([Event("meeting", "occurred", evidence=[span])], document)
    >>> try:
    ...     check_evidence_matches([Event("meeting", "occurred", extractor="lazy")], document)
    ... except ContractViolation as violation:
    ...     print(violation.extractor, violation.problem, sep=": ")
    lazy: event 0 (meeting) has no evidence; the pipeline drops events without evidence
    """
    events = list(events)
    name = _name_of(events, extractor)
    for index, event in enumerate(events):
        if not isinstance(event, Event):
            raise _violation(name, document, f"result {index} is a {type(event).__name__}, not an Event")
        if not event.evidence:
            problem = f"{_label(index, event)} has no evidence; the pipeline drops events without evidence"
            raise _violation(name, document, problem)
        for number, span in enumerate(event.evidence):
            if not span.matches(document.text):
                there = document.text[span.start : span.end]
                problem = (
                    f"{_label(index, event)}: evidence {number} at [{span.start}:{span.end}] "
                    f"says {span.text!r} but the text there is {there!r}"
                )
                if span.end > len(document.text):
                    problem += f" (the text has only {len(document.text)} characters)"
                raise _violation(name, document, problem)


@functools.cache
def _validator() -> Validator:
    try:
        import jsonschema
    except ImportError as error:  # pragma: no cover - depends on the environment
        raise ImportError(
            "check_schema needs the jsonschema package: pip install 'alliancekit[test]'"
        ) from error
    validator_class = jsonschema.Draft202012Validator
    validator: Validator = validator_class(EVENT_SCHEMA, format_checker=validator_class.FORMAT_CHECKER)
    return validator


def check_schema(
    events: Iterable[Event], *, extractor: str | None = None, document: Document | None = None
) -> None:
    """Every event serializes to JSON that validates against :data:`~alliancekit.serialize.EVENT_SCHEMA`.

    Validation uses :class:`jsonschema.Draft202012Validator`, with formats
    (dates) checked. It needs :mod:`jsonschema`, part of the ``test`` extra.

    :param extractor: the name to report (default: the events' ``extractor``).
    :param document: the document to report, when known.

    >>> check_schema([Event("call", "occurred", topics=["JPN"])])
    >>> try:
    ...     check_schema([Event("call", "occurred", cameo="forty", extractor="odd")])
    ... except ContractViolation as violation:
    ...     print(violation.problem)
    event 0 (call) does not validate against EVENT_SCHEMA: at cameo: 'forty' does not match '^[0-9]{3,4}$'
    """
    events = list(events)
    name = _name_of(events, extractor)
    validator = _validator()
    for index, event in enumerate(events):
        if not isinstance(event, Event):
            raise _violation(name, document, f"result {index} is a {type(event).__name__}, not an Event")
        try:
            data: Any = json.loads(dumps_event(event))
        except Exception as error:
            problem = f"{_label(index, event)} does not serialize: {type(error).__name__}: {error}"
            raise _violation(name, document, problem) from error
        errors = sorted(validator.iter_errors(data), key=lambda error: list(error.absolute_path))
        if errors:
            details = "; ".join(
                f"at {'/'.join(map(str, error.absolute_path)) or '(top)'}: {error.message}"
                for error in errors
            )
            problem = f"{_label(index, event)} does not validate against EVENT_SCHEMA: {details}"
            raise _violation(name, document, problem)


def _difference(first: Event, second: Event) -> str:
    for field in attrs.fields(Event):
        one, other = getattr(first, field.name), getattr(second, field.name)
        if one != other:
            return f"{field.name} was {one!r}, then {other!r}"
    return "they differ"  # pragma: no cover - equal fields mean equal events


def check_deterministic(extractor: Extractor, document: Document, context: ExtractionContext) -> None:
    """Two runs of ``extractor`` on ``document`` give equal events, in the same order.

    >>> import itertools
    >>> from alliancekit.actors import KnowledgeBase
    >>> from alliancekit.model import Evidence
    >>> class Counter:
    ...     name = "counter"
    ...     runs = itertools.count(1)
    ...     def extract(self, document, context):
    ...         span = Evidence.from_text(document.text, 0, 3)
    ...         return [Event("call", "occurred", evidence=[span], confidence=1 / next(self.runs))]
    >>> try:
    ...     check_deterministic(Counter(), Document("d1", "Abe called."), ExtractionContext(KnowledgeBase()))
    ... except ContractViolation as violation:
    ...     print(violation.problem)
    two runs differ: event 0 (call): confidence was 1.0, then 0.5
    """
    first = check_never_raises(extractor, document, context)
    second = check_never_raises(extractor, document, context)
    _compare_runs(extractor.name, document, first, second)


def _compare_runs(name: str, document: Document, first: list[Event], second: list[Event]) -> None:
    if first == second:
        return
    if len(first) != len(second):
        problem = f"two runs differ: the first gave {len(first)} events, the second {len(second)}"
        raise _violation(name, document, problem)
    for index, (one, other) in enumerate(zip(first, second, strict=True)):
        if one != other:
            if not isinstance(one, Event) or not isinstance(other, Event):
                raise _violation(
                    name, document, f"two runs differ at result {index}: {one!r}, then {other!r}"
                )
            problem = f"two runs differ: {_label(index, one)}: {_difference(one, other)}"
            raise _violation(name, document, problem)


def check_no_wall_clock_dates(
    events: Iterable[Event], document: Document, *, extractor: str | None = None
) -> None:
    r"""Without an anchor, no event time is resolved unless its expression names a year.

    A document with no publication date (``document.anchor is None``) gives
    "next month" or "on Monday" nothing to resolve against; an extractor
    that resolves them anyway is using the wall clock, and its output changes
    from day to day. Such times must stay unresolved
    (:meth:`TimeSpan.unresolved <alliancekit.model.TimeSpan.unresolved>`),
    unless the event's time text holds a four-digit year ("in March 2026")
    or the resolved year is one the document writes ("In 2019, ... on June
    28": the day takes the year the text states for it). Documents with an
    anchor pass unchecked.

    :param extractor: the name to report (default: the events' ``extractor``).

    >>> import datetime as dt
    >>> from alliancekit.model import TimeSpan
    >>> document = Document("d1", "Abe will visit Seoul next month.")
    >>> fine = TimeSpan(dt.date(2026, 3, 1), dt.date(2026, 3, 31), "month", "in March 2026")
    >>> check_no_wall_clock_dates([Event("visit", "planned", time=fine)], document)
    >>> today = TimeSpan(dt.date(2026, 3, 1), dt.date(2026, 3, 31), "month", "next month")
    >>> try:
    ...     check_no_wall_clock_dates([Event("visit", "planned", time=today)], document)
    ... except ContractViolation as violation:
    ...     print(violation.problem.replace(", but", ",\nbut"))
    event 0 (visit) resolved 'next month' to 2026-03-01..2026-03-31,
    but the document has no anchor date and the expression names no year; leave it unresolved
    """
    if document.anchor is not None:
        return
    events = list(events)
    name = _name_of(events, extractor)
    for index, event in enumerate(events):
        time = getattr(event, "time", None)
        if time is None or not time.resolved or _YEAR.search(time.text):
            continue
        if time.start is not None and str(time.start.year) in _YEAR.findall(document.text):
            continue  # the year the text states for the event, not today's
        problem = (
            f"{_label(index, event)} resolved {time.text!r} to {time.start}..{time.end}, but the document "
            "has no anchor date and the expression names no year; leave it unresolved"
        )
        raise _violation(name, document, problem)


def check_extractor_contract(
    extractor: Extractor, documents: Iterable[Document], context: ExtractionContext
) -> None:
    """Run every check on every document: the whole extractor contract.

    Per document: :func:`check_never_raises`, :func:`check_evidence_matches`,
    :func:`check_schema`, :func:`check_no_wall_clock_dates` on the events of
    a first run, and :func:`check_deterministic` against a second run.
    Stops at the first violation.
    """
    for document in documents:
        events = check_never_raises(extractor, document, context)
        check_evidence_matches(events, document, extractor=extractor.name)
        check_schema(events, extractor=extractor.name, document=document)
        check_no_wall_clock_dates(events, document, extractor=extractor.name)
        _compare_runs(extractor.name, document, events, check_never_raises(extractor, document, context))
