"""Plugins: built-ins, test plugins taking effect, name clashes, entry-point loading, hook docs."""

from __future__ import annotations

import importlib.metadata
import inspect
import io
import re
import sys
import types
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

import attrs
import pytest
from click.testing import CliRunner

from alliancekit import hookspecs
from alliancekit.actors import ActorRecord, Place
from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.io.writers import Writer
from alliancekit.model import Actor, Document, Event, Evidence, Participant
from alliancekit.plugins import (
    BLOCK_ENV,
    ENTRY_POINT_GROUP,
    LOAD_ENV,
    DuplicateNameError,
    Plugins,
    UnknownNameError,
    get_plugins,
    reset_plugins,
)

# --------------------------------------------------------------------------- a test plugin

_FULL_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")


class SpotterExtractor:
    """Reports a meeting for every full name the knowledge base knows."""

    name = "spotter"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        events = []
        for match in _FULL_NAME.finditer(document.text):
            record = context.knowledge_base.find_person(match.group())
            if record is None:
                continue
            actor = Actor(record.name, country=record.country, kb_id=record.id)
            evidence = Evidence.from_text(document.text, match.start(), match.end())
            events.append(Event("meeting", "occurred", [Participant(actor)], evidence=[evidence]))
        return events


def write_names(events: Iterable[Event], stream: TextIO) -> int:
    """Write each event's participant names on one line."""
    count = 0
    for event in events:
        stream.write(", ".join(p.actor.name for p in event.participants) + "\n")
        count += 1
    return count


class SpotterPlugin:
    """Registers an extractor, a format, an actor, a place and both processing hooks."""

    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("spotter", SpotterExtractor)

    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        register("names", write_names)

    @hookimpl
    def register_actors(self, register: Callable[[Iterable[ActorRecord]], None]) -> None:
        register(
            [ActorRecord(id="test/ada-lovelace", name="Ada Lovelace", country="GBR", family_name="Lovelace")]
        )

    @hookimpl
    def register_places(self, register: Callable[[Iterable[Place]], None]) -> None:
        register([Place("Analytical Engine Hall", "GBR", "site")])

    @hookimpl
    def preprocess_document(self, document: Document) -> Document | None:
        if document.text.startswith("ADVERTISEMENT\n"):
            return attrs.evolve(document, text=document.text.removeprefix("ADVERTISEMENT\n"))
        return None

    @hookimpl
    def postprocess_events(self, document: Document, events: list[Event]) -> list[Event] | None:
        return [attrs.evolve(event, confidence=0.5) for event in events]


class ShoutingPlugin:
    """A second preprocessor, to show that preprocessors chain."""

    @hookimpl
    def preprocess_document(self, document: Document) -> Document | None:
        return attrs.evolve(document, text=document.text.upper())


# --------------------------------------------------------------------------- built-ins


def test_builtin_extractor_and_formats_are_registered(plugins: Plugins) -> None:
    assert "rules" in plugins.extractor_names()
    assert plugins.format_names() == ["cameo", "csv", "json", "jsonl", "parquet", "plover", "table"]


def test_describe_lists_each_builtin_plugin_with_its_hooks(plugins: Plugins) -> None:
    hooks = {info.name: info.hooks for info in plugins.describe()}
    assert hooks["rules_extractor"] == ("register_extractors",)
    assert hooks["formats"] == ("register_formats",)
    assert hooks["knowledge"] == ("register_actors", "register_places")


def test_describe_lists_a_test_plugins_hooks() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    infos = {info.name: info for info in plugins.describe()}
    assert infos["SpotterPlugin"].hooks == (
        "postprocess_events",
        "preprocess_document",
        "register_actors",
        "register_extractors",
        "register_formats",
        "register_places",
    )
    assert infos["SpotterPlugin"].version is None


# --------------------------------------------------------------------------- a plugin takes effect


def test_plugin_extractor_and_format_are_registered_beside_the_builtins() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    assert plugins.extractor_names() == sorted(["rules", "spotter"])
    assert "names" in plugins.format_names()
    assert plugins.extractor("spotter").name == "spotter"


def test_plugin_format_writes_events() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    buffer = io.StringIO()
    events = [
        Event("call", "occurred", [Participant(Actor("Ada Lovelace")), Participant(Actor("Alan Turing"))])
    ]
    assert plugins.writer("names")(events, buffer) == 1
    assert buffer.getvalue() == "Ada Lovelace, Alan Turing\n"


def test_plugin_actors_and_places_join_the_knowledge_base() -> None:
    knowledge_base = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()]).knowledge_base
    record = knowledge_base.find_person("Lovelace Ada")
    assert record is not None
    assert record.id == "test/ada-lovelace"
    place = knowledge_base.find_place("Analytical Engine Hall")
    assert place is not None
    assert place.country == "GBR"


def test_preprocessors_run_in_turn_each_seeing_the_previous_result() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin(), ShoutingPlugin()])
    document = plugins.preprocess(Document("d", "ADVERTISEMENT\nAda Lovelace met Charles Babbage."))
    assert document.text == "ADA LOVELACE MET CHARLES BABBAGE."


def test_preprocessor_returning_none_leaves_the_document_unchanged() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    document = Document("d", "No advertisement here.")
    assert plugins.preprocess(document) is document


def test_pipeline_run_uses_the_plugin_extractor_actors_and_both_processing_hooks() -> None:
    pipeline = pytest.importorskip("alliancekit.pipeline")
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    document = Document("d1", "ADVERTISEMENT\nAda Lovelace met Charles Babbage in London.")

    [result] = pipeline.run([document], extractor="spotter", plugins=plugins)

    assert result.ok
    assert result.document.text == "Ada Lovelace met Charles Babbage in London."
    [event] = result.events
    assert [p.actor.name for p in event.participants] == [
        "Ada Lovelace"
    ]  # Babbage is not in the knowledge base
    assert event.evidence_matches(result.document.text)
    assert (event.document_id, event.extractor, event.confidence) == ("d1", "spotter", 0.5)


# --------------------------------------------------------------------------- name clashes


class ClashingExtractorPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("rules", SpotterExtractor)


class ClashingFormatPlugin:
    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        register("jsonl", write_names)


def test_registering_an_extractor_name_twice_is_an_error() -> None:
    with pytest.raises(DuplicateNameError, match="extractor 'rules'"):
        Plugins.create(load_entrypoints=False, extra=[ClashingExtractorPlugin()])


def test_registering_a_format_name_twice_is_an_error() -> None:
    with pytest.raises(DuplicateNameError, match="format 'jsonl'"):
        Plugins.create(load_entrypoints=False, extra=[ClashingFormatPlugin()])


def test_unknown_extractor_error_names_the_installed_extractors() -> None:
    plugins = Plugins.create(load_entrypoints=False, extra=[SpotterPlugin()])
    with pytest.raises(UnknownNameError, match=r"'nonesuch'.*installed: rules, spotter"):
        plugins.extractor("nonesuch")


def test_unknown_format_error_names_the_installed_formats(plugins: Plugins) -> None:
    installed = "cameo, csv, json, jsonl, parquet, plover, table"
    with pytest.raises(UnknownNameError, match=rf"'xml'.*installed: {installed}"):
        plugins.writer("xml")


# --------------------------------------------------------------------------- entry points


def _fake_plugin_module(name: str, format_name: str) -> types.ModuleType:
    module = types.ModuleType(name)

    @hookimpl
    def register_formats(register: Callable[[str, Writer], None]) -> None:
        register(format_name, write_names)

    module.register_formats = register_formats  # type: ignore[attr-defined]
    return module


@pytest.fixture
def fake_entry_points(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Two installed plugins, ``alpha`` and ``beta``, each registering one format."""
    names = ["alpha", "beta"]
    entry_points = []
    for name in names:
        module_name = f"alliancekit_fake_{name}"
        monkeypatch.setitem(sys.modules, module_name, _fake_plugin_module(module_name, f"{name}-format"))
        entry_points.append(
            importlib.metadata.EntryPoint(name=name, value=module_name, group=ENTRY_POINT_GROUP)
        )

    def entry_points_of(**selection: Any) -> list[importlib.metadata.EntryPoint]:
        assert selection == {"group": ENTRY_POINT_GROUP}
        return entry_points

    monkeypatch.setattr(importlib.metadata, "entry_points", entry_points_of)
    monkeypatch.delenv(LOAD_ENV, raising=False)
    monkeypatch.delenv(BLOCK_ENV, raising=False)
    return names


def _loaded(plugins: Plugins) -> set[str]:
    return {info.name for info in plugins.describe()} & {"alpha", "beta"}


@pytest.mark.usefixtures("fake_entry_points")
def test_every_entry_point_plugin_loads_by_default() -> None:
    plugins = Plugins.create()
    assert _loaded(plugins) == {"alpha", "beta"}
    assert {"alpha-format", "beta-format"} <= set(plugins.format_names())


@pytest.mark.usefixtures("fake_entry_points")
def test_load_env_variable_is_an_allow_list(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "beta")
    assert _loaded(Plugins.create()) == {"beta"}


@pytest.mark.usefixtures("fake_entry_points")
def test_empty_load_env_variable_loads_no_third_party_plugin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "")
    plugins = Plugins.create()
    assert _loaded(plugins) == set()
    assert "rules" in plugins.extractor_names()


@pytest.mark.usefixtures("fake_entry_points")
def test_allow_argument_overrides_the_load_env_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "")
    assert _loaded(Plugins.create(allow=["alpha"])) == {"alpha"}


@pytest.mark.usefixtures("fake_entry_points")
def test_block_argument_and_block_env_variable_keep_plugins_out(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _loaded(Plugins.create(block=["alpha"])) == {"beta"}
    monkeypatch.setenv(BLOCK_ENV, "beta")
    assert _loaded(Plugins.create()) == {"alpha"}
    assert _loaded(Plugins.create(block=["alpha"])) == set()


@pytest.mark.usefixtures("fake_entry_points")
def test_no_entry_point_is_loaded_when_loading_is_off() -> None:
    assert _loaded(Plugins.create(load_entrypoints=False)) == set()


def test_test_session_loads_no_third_party_plugin() -> None:
    # conftest.py sets ALLIANCEKIT_LOAD_PLUGINS="" before any plugin manager exists.
    builtin = {"rules_extractor", "knowledge", "formats", "exchange_formats"}
    assert {info.name for info in get_plugins().describe()} == builtin


def test_installed_plugins_replace_the_process_wide_ones(install_plugins: Callable[..., Plugins]) -> None:
    installed = install_plugins(SpotterPlugin())
    assert get_plugins() is installed
    assert "spotter" in get_plugins().extractor_names()


# --------------------------------------------------------------------------- hook documentation


def _hookspecs() -> list[Callable[..., Any]]:
    return [
        function
        for _, function in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(function, "alliancekit_spec")
    ]


def test_hookspecs_module_defines_the_documented_hooks() -> None:
    assert {function.__name__ for function in _hookspecs()} >= {
        "register_extractors",
        "register_actors",
        "register_places",
        "register_formats",
        "preprocess_document",
        "postprocess_events",
    }


@pytest.mark.parametrize("hook", _hookspecs(), ids=lambda function: function.__name__)
def test_every_hook_documents_each_of_its_parameters(hook: Callable[..., Any]) -> None:
    doc = inspect.getdoc(hook)
    assert doc, f"hook {hook.__name__} has no docstring"
    for parameter in inspect.signature(hook).parameters:
        assert f":param {parameter}:" in doc, f"hook {hook.__name__} does not document {parameter!r}"


# --------------------------------------------------------------------------- installed plugins at fault


class Taken:
    """An installed plugin reusing the built-in extractor name, with a format and a preprocessor."""

    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        register("taken-format", write_names)

    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("rules", SpotterExtractor)

    @hookimpl
    def preprocess_document(self, document: Document) -> Document | None:
        return attrs.evolve(document, text=document.text.upper())


class TakenActor:
    """An installed plugin registering an actor id the shipped knowledge base has."""

    @hookimpl
    def register_actors(self, register: Callable[[Iterable[ActorRecord]], None]) -> None:
        register([ActorRecord(id="usa/trump-donald", name="Donald Impostor", country="USA")])


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Callable[..., None]:
    """Install plugin objects as entry points of the given names (in that order)."""

    def install(**plugins: object) -> None:
        points = []
        for name, plugin in plugins.items():
            module_name = f"alliancekit_fake_{name}"
            monkeypatch.setitem(sys.modules, module_name, plugin)
            points.append(
                importlib.metadata.EntryPoint(name=name, value=module_name, group=ENTRY_POINT_GROUP)
            )
        monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: points)
        monkeypatch.delenv(LOAD_ENV, raising=False)
        monkeypatch.delenv(BLOCK_ENV, raising=False)

    return install


def test_an_installed_plugin_reusing_a_builtin_extractor_name_is_named_and_left_out_whole(
    installed: Callable[..., None],
) -> None:
    installed(taken=Taken(), alpha=_fake_plugin_module("alliancekit_fake_alpha", "alpha-format"))

    plugins = Plugins.create()

    assert plugins.load_errors == {
        "taken": "left out: registers the extractor 'rules', which plugin 'rules_extractor' registered first"
    }
    assert type(plugins.extractor("rules")).__name__ == "RulesExtractor"
    assert "taken-format" not in plugins.format_names()  # nothing of it is kept
    assert "alpha-format" in plugins.format_names()  # the others load as usual
    assert plugins.preprocess(Document("d", "Abe met Lee.")).text == "Abe met Lee."
    assert "taken" not in {info.name for info in plugins.describe()}


def test_an_installed_plugin_reusing_a_shipped_actor_id_is_named_and_left_out(
    installed: Callable[..., None],
) -> None:
    installed(impostor=TakenActor())

    plugins = Plugins.create()

    assert plugins.load_errors["impostor"] == (
        "left out: registers the actor id 'usa/trump-donald', which plugin 'knowledge' registered first"
    )
    record = plugins.knowledge_base.get("usa/trump-donald")
    assert record is not None
    assert record.name == "Donald Trump"


def test_of_two_installed_plugins_registering_one_name_the_later_is_left_out(
    installed: Callable[..., None],
) -> None:
    installed(
        alpha=_fake_plugin_module("alliancekit_fake_alpha", "shared"),
        beta=_fake_plugin_module("alliancekit_fake_beta", "shared"),
    )

    plugins = Plugins.create()

    assert plugins.load_errors == {
        "beta": "left out: registers the output format 'shared', which plugin 'alpha' registered first"
    }


def test_two_installed_plugins_of_one_name_do_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("one", "two"):
        monkeypatch.setitem(
            sys.modules, f"alliancekit_fake_{name}", _fake_plugin_module(name, f"{name}-format")
        )
    points = [
        importlib.metadata.EntryPoint(name="same", value="alliancekit_fake_one", group=ENTRY_POINT_GROUP),
        importlib.metadata.EntryPoint(name="same", value="alliancekit_fake_two", group=ENTRY_POINT_GROUP),
    ]
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: points)
    monkeypatch.delenv(LOAD_ENV, raising=False)

    plugins = Plugins.create()

    assert "one-format" in plugins.format_names()
    assert plugins.load_errors["same"].startswith("cannot be loaded: another plugin is named 'same'")


def test_a_plugin_whose_registration_raises_is_left_out_whole_with_its_traceback() -> None:
    class HalfRegistered:
        @hookimpl
        def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
            register("half", SpotterExtractor)

        @hookimpl
        def register_formats(self, register: Callable[[str, Writer], None]) -> None:
            raise KeyError("formats.json")

    plugins = Plugins.create(load_entrypoints=False, extra=[HalfRegistered()])

    assert plugins.load_errors["HalfRegistered"] == "register_formats raised KeyError: 'formats.json'"
    assert "half" not in plugins.extractor_names()
    assert 'raise KeyError("formats.json")' in plugins.load_tracebacks["HalfRegistered"]


def test_extra_plugin_already_loaded_as_an_installed_plugin_is_a_clear_error(
    installed: Callable[..., None],
) -> None:
    module = _fake_plugin_module("alliancekit_fake_alpha", "alpha-format")
    installed(alpha=module)

    with pytest.raises(DuplicateNameError, match=r"already loaded, as the installed plugin 'alpha'"):
        Plugins.create(extra=[module])


def test_two_extra_plugins_of_one_name_are_a_clear_error() -> None:
    with pytest.raises(
        DuplicateNameError, match=r"plugin 'SpotterPlugin': a plugin of that name is already loaded"
    ):
        Plugins.create(load_entrypoints=False, extra=[SpotterPlugin(), SpotterPlugin()])


def test_the_command_line_warns_about_a_plugin_left_out_and_runs_with_the_rest(
    installed: Callable[..., None], tmp_path: Path
) -> None:
    installed(taken=Taken())
    reset_plugins()
    article = tmp_path / "a.txt"
    article.write_text(
        "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio.", encoding="utf-8"
    )

    try:
        result = CliRunner().invoke(main, ["extract", str(article), "--timeout", "0"])
    finally:
        reset_plugins()

    assert result.exit_code == 0, result.output
    assert (
        "warning: plugin 'taken' left out: registers the extractor 'rules', which plugin 'rules_extractor' "
        "registered first"
    ) in result.stderr
    assert '"extractor": "rules"' in result.stdout


class RaisingWhileRegistering:
    @hookimpl
    def register_formats(self, register: Callable[[str, Writer], None]) -> None:
        raise KeyError("formats.json")


def test_the_traceback_option_shows_why_a_plugin_failed_to_register(
    installed: Callable[..., None], tmp_path: Path
) -> None:
    installed(raising=RaisingWhileRegistering())
    reset_plugins()
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened.", encoding="utf-8")

    try:
        result = CliRunner().invoke(main, ["--traceback", "extract", str(article), "--timeout", "0"])
    finally:
        reset_plugins()

    assert "warning: plugin 'raising' register_formats raised KeyError: 'formats.json'" in result.stderr
    assert 'raise KeyError("formats.json")' in result.stderr
