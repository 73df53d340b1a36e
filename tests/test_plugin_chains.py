"""The chained processing hooks: preprocess_document and postprocess_events."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import attrs
import pytest

from alliancekit.hookspecs import hookimpl
from alliancekit.model import Document, Event, Evidence
from alliancekit.plugins import Plugins


def _event(extractor: str = "x") -> Event:
    return Event("call", "occurred", evidence=[Evidence.from_text("ab", 0, 1)], extractor=extractor)


class EventsOnly:
    """A postprocessor that declares only the argument it needs, as pluggy allows."""

    @hookimpl
    def postprocess_events(self, events: list[Event]) -> list[Event]:
        return [attrs.evolve(event, confidence=0.25) for event in events]


class Wrapping:
    """New-style and old-style wrappers around both chained hooks."""

    @hookimpl(wrapper=True)
    def preprocess_document(self, document: Document) -> Iterator[None]:
        return (yield)

    @hookimpl(hookwrapper=True)
    def postprocess_events(self, document: Document, events: list[Event]) -> Iterator[None]:
        yield


class First:
    @hookimpl(tryfirst=True)
    def preprocess_document(self, document: Document) -> Document:
        return attrs.evolve(document, text=document.text + " first")


class Last:
    @hookimpl(trylast=True)
    def preprocess_document(self, document: Document) -> Document:
        return attrs.evolve(document, text=document.text + " last")


def test_postprocessor_declaring_only_events_is_called_with_them() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[EventsOnly()])
    [event] = plugins.postprocess(Document("d", "ab"), [_event()])
    assert event.confidence == 0.25


def test_hook_wrappers_are_skipped_by_the_chains() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[Wrapping()])
    document = Document("d", "ab")
    events = [_event()]
    assert plugins.preprocess(document) is document
    assert plugins.postprocess(document, events) == events


def test_chain_follows_tryfirst_and_trylast_whatever_the_registration_order() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[Last(), First()])
    assert plugins.preprocess(Document("d", "text")).text == "text first last"


def test_plugins_tell_whether_any_plugin_postprocesses_events() -> None:
    assert not Plugins.create(load_entrypoints=False).postprocesses
    assert not Plugins.create(load_entrypoints=False, extra=[Wrapping()]).postprocesses  # wrappers never run
    assert Plugins.create(load_entrypoints=False, extra=[EventsOnly()]).postprocesses


def test_the_events_of_one_extractor_are_checked_once_when_no_plugin_postprocesses_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from alliancekit import pipeline

    checked: list[str] = []
    check = pipeline.check_events

    def counting(
        document: Document, events: Iterable[object], extractor: str
    ) -> tuple[list[Event], list[str]]:
        checked.append(extractor)
        return check(document, events, extractor)

    monkeypatch.setattr(pipeline, "check_events", counting)
    text = "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday."
    document = Document("d", text, dt.date(2026, 3, 4))
    [alone] = pipeline.run([document], plugins=Plugins.create(load_entrypoints=False))
    assert checked == ["rules"]
    checked.clear()
    [processed] = pipeline.run(
        [document], plugins=Plugins.create(load_entrypoints=False, extra=[EventsOnly()])
    )
    assert checked == ["rules", "postprocess_events"]
    assert [event.confidence for event in processed.events] == [0.25]
    assert [attrs.evolve(event, confidence=0.25) for event in alone.events] == processed.events
