"""The plugin manager: built-in plugins, entry-point discovery and registries.

:func:`get_plugins` returns the process-wide :class:`Plugins`, built on first
use: the built-in plugins, then every third-party plugin found in the
``alliancekit`` entry-point group.

Two environment variables control third-party loading:

``ALLIANCEKIT_LOAD_PLUGINS``
    A comma-separated allow-list of entry-point names. Set but empty, no
    third-party plugin is loaded at all.
``ALLIANCEKIT_BLOCK_PLUGINS``
    A comma-separated list of entry-point names never to load.

Plugins come only from installed distributions. An entry point whose module
only the current directory provides (``python -m``, ``python -c`` and the
interactive interpreter put it first on :data:`sys.path`) is not imported:
it is recorded in :attr:`Plugins.load_errors` instead.

>>> plugins = Plugins.create(load_entrypoints=False)
>>> "rules" in plugins.extractor_names()
True
>>> sorted(plugins.format_names())
['cameo', 'csv', 'json', 'jsonl', 'parquet', 'plover', 'table']
"""

from __future__ import annotations

import importlib.machinery
import importlib.metadata
import os
import sys
import threading
import traceback
from collections.abc import Callable, Iterable, Mapping
from types import ModuleType
from typing import Any, cast

import attrs
import pluggy

from alliancekit import hookspecs
from alliancekit.actors import ActorRecord, KnowledgeBase, Place
from alliancekit.extractor import ExtractionContext, Extractor, ExtractorFactory
from alliancekit.io.writers import Writer
from alliancekit.model import Document, Event

__all__ = [
    "BLOCK_ENV",
    "ENTRY_POINT_GROUP",
    "LOAD_ENV",
    "DuplicateNameError",
    "PluginError",
    "PluginInfo",
    "Plugins",
    "UnknownNameError",
    "get_plugins",
    "reset_plugins",
]

ENTRY_POINT_GROUP = "alliancekit"
"""The entry-point group third-party plugins register under."""
LOAD_ENV = "ALLIANCEKIT_LOAD_PLUGINS"
"""Environment variable holding the allow-list of plugins to load."""
BLOCK_ENV = "ALLIANCEKIT_BLOCK_PLUGINS"
"""Environment variable holding the plugins never to load."""

_BUILTIN_MODULES = (
    "alliancekit.default_plugins.rules_extractor",
    "alliancekit.default_plugins.knowledge",
    "alliancekit.default_plugins.formats",
    "alliancekit.default_plugins.exchange_formats",
)


class DuplicateNameError(ValueError):
    """A plugin registered a name already taken (an extractor, a format, an actor id), or was given twice.

    Raised for the plugins passed to :meth:`Plugins.create` as ``extra``,
    the caller's own; an installed plugin at fault is left out instead and
    recorded in :attr:`Plugins.load_errors`.
    """


class UnknownNameError(LookupError):
    """No plugin registered the extractor or format asked for."""


class PluginError(RuntimeError):
    """A plugin's hook raised, or returned something it must not; the message names the plugin.

    >>> print(PluginError("tidy", "preprocess_document", "ValueError: bad"))
    plugin 'tidy' (preprocess_document): ValueError: bad
    """

    def __init__(self, plugin: str, hook: str, problem: str) -> None:
        super().__init__(f"plugin {plugin!r} ({hook}): {problem}")
        self.plugin = plugin
        self.hook = hook
        self.problem = problem


@attrs.frozen
class PluginInfo:
    """One loaded plugin, as ``alliancekit plugins`` lists it.

    >>> PluginInfo("rules", ("register_extractors",), "0.1.0").name
    'rules'
    """

    name: str
    hooks: tuple[str, ...]
    version: str | None


def _names_from_env(variable: str) -> set[str] | None:
    raw = os.environ.get(variable)
    if raw is None:
        return None
    return {name.strip() for name in raw.split(",") if name.strip()}


@attrs.define
class Plugins:
    """The loaded plugins and what they registered.

    Build one with :meth:`create`; most code uses :func:`get_plugins`.
    """

    manager: pluggy.PluginManager
    versions: dict[str, str | None] = attrs.field(factory=dict)
    _extractor_factories: dict[str, ExtractorFactory] = attrs.field(factory=dict)
    _extractors: dict[str, Extractor] = attrs.field(factory=dict)
    _formats: dict[str, Writer] = attrs.field(factory=dict)
    _actor_records: list[ActorRecord] = attrs.field(factory=list)
    _places: list[Place] = attrs.field(factory=list)
    _knowledge_base: KnowledgeBase | None = None
    _lock: threading.RLock = attrs.field(factory=threading.RLock)  # re-entered by "a+b" names
    # Plugin names in the order they were registered: built-ins, installed plugins, extras.
    _order: list[str] = attrs.field(factory=list)
    load_errors: dict[str, str] = attrs.field(factory=dict)
    """Plugins that could not be loaded or failed to register, with the reason.

    A plugin that raises on import or in a ``register_*`` hook, or
    registers an extractor, format or actor id that an earlier plugin
    registered, is left out whole (nothing it registered is used, none of
    its hooks run) and recorded here, by name; the others load as usual.
    Built-in plugins come first, then installed ones in the order they are
    found, so an installed plugin reusing a built-in name is the one left
    out. So is a plugin whose module only the current directory provides,
    and a name on the allow-list that no installed plugin has. The command
    line reports these.
    """
    load_tracebacks: dict[str, str] = attrs.field(factory=dict)
    """The traceback of each plugin in :attr:`load_errors` that raised, for its author."""

    @classmethod
    def create(
        cls,
        *,
        load_entrypoints: bool = True,
        extra: Iterable[object] = (),
        allow: Iterable[str] | None = None,
        block: Iterable[str] = (),
    ) -> Plugins:
        """Build a plugin manager with the built-ins and discovered plugins.

        :param load_entrypoints: discover third-party plugins.
        :param extra: more plugin objects or modules to register (tests,
            notebooks); each is registered under its ``__name__`` (or its
            class's). They are the caller's own, so one registering a name
            already taken raises :class:`DuplicateNameError`, and so does one
            that is already loaded as an installed plugin.
        :param allow: only these entry-point names (default: the
            ``ALLIANCEKIT_LOAD_PLUGINS`` variable, or all).
        :param block: entry-point names never to load, added to
            ``ALLIANCEKIT_BLOCK_PLUGINS``.
        """
        manager = pluggy.PluginManager(ENTRY_POINT_GROUP)
        manager.add_hookspecs(hookspecs)
        plugins = cls(manager)
        for module_name in _BUILTIN_MODULES:
            module = importlib.import_module(module_name)
            plugins._register(module, module_name.rsplit(".", 1)[-1], _own_version())
        if load_entrypoints:
            allowed = set(allow) if allow is not None else _names_from_env(LOAD_ENV)
            blocked = set(block) | (_names_from_env(BLOCK_ENV) or set())
            plugins._load_entrypoints(allowed, blocked)
        extras: set[str] = set()
        for plugin in extra:
            name = getattr(plugin, "__name__", None) or type(plugin).__name__
            plugins._register_extra(plugin, name)
            extras.add(name)
        plugins._collect(extras)
        return plugins

    def _register(self, plugin: object, name: str, version: str | None) -> None:
        self.manager.register(plugin, name=name)
        self.versions[name] = version
        self._order.append(name)

    def _register_extra(self, plugin: object, name: str) -> None:
        """Register one of the caller's own plugins; a clear error when it cannot be."""
        if self.manager.has_plugin(name):
            raise DuplicateNameError(
                f"cannot add plugin {name!r}: a plugin of that name is already loaded; "
                "give each plugin object its own name"
            )
        loaded_as = self.manager.get_name(plugin)
        if loaded_as is not None:
            raise DuplicateNameError(
                f"cannot add plugin {name!r}: it is already loaded, as the installed plugin {loaded_as!r}; "
                "leave it out of extra, or load no installed plugins (load_entrypoints=False)"
            )
        self._register(plugin, name, None)

    def _load_entrypoints(self, allowed: set[str] | None, blocked: set[str]) -> None:
        installed: set[str] = set()
        for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
            installed.add(entry_point.name)
            if entry_point.name in blocked or (allowed is not None and entry_point.name not in allowed):
                continue
            if self.manager.has_plugin(entry_point.name):
                where = f" (from {entry_point.value})"
                self.load_errors.setdefault(
                    entry_point.name, f"cannot be loaded: another plugin is named {entry_point.name!r}{where}"
                )
                continue
            origin = _working_directory_origin(entry_point.module)
            if origin is not None:
                self.load_errors[entry_point.name] = (
                    f"cannot be loaded: its module {entry_point.module!r} is found only in the current "
                    f"directory ({origin}); plugins are loaded from installed distributions only"
                )
                continue
            try:
                plugin = entry_point.load()
                if self.manager.get_name(plugin) is not None:
                    loaded_as = self.manager.get_name(plugin)
                    self.load_errors[entry_point.name] = (
                        f"cannot be loaded: it is already loaded as {loaded_as!r}"
                    )
                    continue
                dist = entry_point.dist
                self._register(plugin, entry_point.name, dist.version if dist is not None else None)
            except Exception as error:  # one broken plugin must not take the others down
                self.load_errors[entry_point.name] = f"cannot be loaded: {type(error).__name__}: {error}"
                self.load_tracebacks[entry_point.name] = "".join(traceback.format_exception(error))
                continue
        # A misspelt allow-list would otherwise load nothing, silently.
        for name in sorted((allowed or set()) - installed - blocked):
            self.load_errors[name] = "is not installed (it is on the allow-list of plugins to load)"

    def _collect(self, extras: set[str]) -> None:
        """Call every plugin's registration hooks, and keep what the plugins that did no wrong registered.

        A plugin whose hook raises, or that registers a name an earlier
        plugin (in :attr:`_order`) took, is left out whole; for one of the
        caller's ``extras`` a name clash raises :class:`DuplicateNameError`.
        """
        gathered: dict[str, _Registered] = {}
        owners: dict[tuple[str, str], str] = {}
        for name in list(self._order):
            try:
                registered = _gather(self.manager, name)
            except _HookFailedError as failure:
                self._leave_out(name, failure.reason, failure.traceback)
                continue
            clash = registered.clash(name, owners)
            if clash is not None:
                if name in extras:
                    raise DuplicateNameError(f"plugin {name!r} {clash}")
                self._leave_out(name, f"left out: {clash}")
                continue
            registered.claim(name, owners)
            gathered[name] = registered
        for registered in gathered.values():
            self._extractor_factories.update(registered.extractors)
            self._formats.update(registered.formats)
        # The knowledge base takes records in pluggy's call order (the plugin registered last
        # first), as it always did, so that an installed plugin's place overrides a shipped one.
        for name in reversed(self._order):
            if name in gathered:
                self._actor_records.extend(gathered[name].actors)
                self._places.extend(gathered[name].places)

    def _leave_out(self, name: str, reason: str, trace: str | None = None) -> None:
        """Forget a plugin at fault: none of its hooks runs; why goes into :attr:`load_errors`."""
        self.load_errors.setdefault(name, reason)
        if trace is not None:
            self.load_tracebacks.setdefault(name, trace)
        self.manager.unregister(name=name)
        self.versions.pop(name, None)
        self._order.remove(name)

    def extractor_names(self) -> list[str]:
        """The names of all registered extractors, sorted."""
        return sorted(self._extractor_factories)

    def format_names(self) -> list[str]:
        """The names of all registered output formats, sorted."""
        return sorted(self._formats)

    def extractor(self, name: str) -> Extractor:
        """The extractor registered as ``name``, built on first use.

        >>> Plugins.create(load_entrypoints=False).extractor("rules").name
        'rules'
        """
        with self._lock:
            if name not in self._extractors:
                if "+" in name:
                    from alliancekit.combine import CombinedExtractor

                    parts = [self.extractor(part) for part in name.split("+")]
                    self._extractors[name] = CombinedExtractor(parts)
                else:
                    factory = self._extractor_factories.get(name)
                    if factory is None:
                        known = ", ".join(self.extractor_names())
                        raise UnknownNameError(
                            f"no extractor named {name!r}; installed: {known}{self._broken_note()}"
                        )
                    self._extractors[name] = factory()
            return self._extractors[name]

    def _broken_note(self) -> str:
        if not self.load_errors:
            return ""
        broken = sorted(self.load_errors.items())
        return "; not loaded: " + ", ".join(f"{name} ({why})" for name, why in broken)

    def writer(self, name: str) -> Writer:
        """The output writer registered as ``name``."""
        try:
            return self._formats[name]
        except KeyError:
            known = ", ".join(self.format_names())
            raise UnknownNameError(
                f"no output format named {name!r}; installed: {known}{self._broken_note()}"
            ) from None

    @property
    def knowledge_base(self) -> KnowledgeBase:
        """The actor knowledge base merged from every plugin's records."""
        with self._lock:
            if self._knowledge_base is None:
                knowledge_base = KnowledgeBase()
                knowledge_base.add_actors(self._actor_records)
                knowledge_base.add_places(self._places)
                self._knowledge_base = knowledge_base
            return self._knowledge_base

    def context(self) -> ExtractionContext:
        """The shared services handed to extractors."""
        return ExtractionContext(knowledge_base=self.knowledge_base)

    def preprocess(self, document: Document) -> Document:
        """Run every ``preprocess_document`` implementation in turn.

        Each implementation sees the previous one's result, in pluggy's call
        order (``tryfirst``/``trylast`` honoured). Hook wrappers are not run
        for this hook: a chain has no single call for them to wrap.
        A plugin that raises, or returns something other than a document,
        raises :class:`PluginError` naming it.
        """
        for impl in _chain(self.manager.hook.preprocess_document):
            result = _call_guarded("preprocess_document", impl, document=document)
            if result is None:
                continue
            if not isinstance(result, Document):
                problem = f"returned a {type(result).__name__}, not a Document"
                raise PluginError(impl.plugin_name, "preprocess_document", problem)
            document = result
        return document

    @property
    def postprocesses(self) -> bool:
        """Whether a plugin implements ``postprocess_events``: if none does, :meth:`postprocess` does nothing.

        >>> Plugins.create(load_entrypoints=False).postprocesses
        False
        """
        return bool(_chain(self.manager.hook.postprocess_events))

    def postprocess(self, document: Document, events: list[Event]) -> list[Event]:
        """Run every ``postprocess_events`` implementation in turn.

        Chained like :meth:`preprocess`: each implementation sees the events
        the previous one returned; hook wrappers are not run. A plugin that
        raises, or returns something that is not a list of values, raises
        :class:`PluginError` naming it; the values themselves are checked by
        the pipeline (:func:`~alliancekit.pipeline.check_events`).
        """
        for impl in _chain(self.manager.hook.postprocess_events):
            result = _call_guarded("postprocess_events", impl, document=document, events=events)
            if result is None:
                continue
            if isinstance(result, str | bytes | dict) or not isinstance(result, Iterable):
                problem = f"returned a {type(result).__name__}, not a list of events"
                raise PluginError(impl.plugin_name, "postprocess_events", problem)
            try:
                events = list(cast("Iterable[Event]", result))
            except Exception as error:
                problem = f"its result cannot be read: {type(error).__name__}: {error}"
                raise PluginError(impl.plugin_name, "postprocess_events", problem) from error
        return events

    def describe(self) -> list[PluginInfo]:
        """Every loaded plugin with the hooks it implements and its version."""
        infos = []
        for name, plugin in self.manager.list_name_plugin():
            hooks = tuple(sorted(caller.name for caller in self.manager.get_hookcallers(plugin) or ()))
            infos.append(PluginInfo(name, hooks, self.versions.get(name)))
        return sorted(infos, key=lambda info: info.name)


def _means_working_directory(entry: str, index: int, cwd: str | None) -> bool:
    """Whether a :data:`sys.path` entry stands for the current directory ``cwd`` without naming it.

    ``""`` and ``"."`` always do; the current directory's own path does as
    the first entry, where ``python -m`` puts it.
    """
    if entry in ("", "."):
        return True
    return index == 0 and cwd is not None and os.path.abspath(entry) == cwd


def _working_directory_origin(module: str) -> str | None:
    """Where ``module`` would be imported from when only the current directory provides it; else ``None``.

    A module already imported, or one any other import path or finder
    (an editable install's, say) provides, is not the current directory's.

    >>> _working_directory_origin("pluggy") is None
    True
    """
    top = module.partition(".")[0]
    if top in sys.modules:
        return None
    try:
        cwd: str | None = os.getcwd()
    except OSError:  # the current directory was removed: nothing can be found in it
        cwd = None
    implicit: list[str] = []
    others: list[str] = []
    for index, entry in enumerate(sys.path):
        (implicit if _means_working_directory(entry, index, cwd) else others).append(entry)
    if not implicit:
        return None
    for finder in sys.meta_path:
        try:
            if finder is importlib.machinery.PathFinder:
                found = importlib.machinery.PathFinder.find_spec(top, others)
            else:
                find_spec = getattr(finder, "find_spec", None)
                found = find_spec(top, None) if find_spec is not None else None
        except Exception:  # a finder that fails to look is no evidence either way
            continue
        if found is not None:
            return None
    try:
        spec = importlib.machinery.PathFinder.find_spec(top, implicit)
    except Exception:  # the current directory cannot be searched: nothing comes from it
        return None
    if spec is None:
        return None
    return spec.origin or cwd or "."


_REGISTRATION_HOOKS = ("register_extractors", "register_formats", "register_actors", "register_places")


class _HookFailedError(Exception):
    """A plugin's registration hook raised."""

    def __init__(self, reason: str, traceback: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.traceback = traceback


@attrs.define
class _Registered:
    """What one plugin registered through its ``register_*`` hooks."""

    extractors: list[tuple[str, ExtractorFactory]] = attrs.field(factory=list)
    formats: list[tuple[str, Writer]] = attrs.field(factory=list)
    actors: list[ActorRecord] = attrs.field(factory=list)
    places: list[Place] = attrs.field(factory=list)

    def _names(self) -> list[tuple[str, str]]:
        return [
            *(("extractor", name) for name, _ in self.extractors),
            *(("output format", name) for name, _ in self.formats),
            *(("actor id", record.id) for record in self.actors),
        ]

    def clash(self, plugin: str, owners: dict[tuple[str, str], str]) -> str | None:
        """Why these registrations cannot be kept (a name taken, or given twice), or ``None``.

        >>> taken = {("extractor", "rules"): "builtin"}
        >>> print(_Registered(extractors=[("rules", dict)]).clash("mine", taken))
        registers the extractor 'rules', which plugin 'builtin' registered first
        """
        seen: set[tuple[str, str]] = set()
        for key in self._names():
            owner = owners.get(key)
            if owner is not None:
                return f"registers the {key[0]} {key[1]!r}, which plugin {owner!r} registered first"
            if key in seen:
                return f"registers the {key[0]} {key[1]!r} twice"
            seen.add(key)
        return None

    def claim(self, plugin: str, owners: dict[tuple[str, str], str]) -> None:
        """Record ``plugin`` as the owner of every name registered here."""
        for key in self._names():
            owners[key] = plugin


def _gather(manager: pluggy.PluginManager, name: str) -> _Registered:
    """Call the registration hooks of the plugin named ``name`` and collect what it registers.

    :raises _HookFailedError: naming the hook, when one raises.
    """
    plugin = manager.get_plugin(name)
    registered = _Registered()
    targets: dict[str, Callable[..., None]] = {
        "register_extractors": lambda key, factory: registered.extractors.append((key, factory)),
        "register_formats": lambda key, writer: registered.formats.append((key, writer)),
        "register_actors": lambda records: registered.actors.extend(records),
        "register_places": lambda places: registered.places.extend(places),
    }
    for hook in _REGISTRATION_HOOKS:
        for impl in _chain(getattr(manager.hook, hook)):
            if impl.plugin is not plugin:
                continue
            try:
                _call(impl, register=targets[hook])
            except Exception as error:
                reason = f"{hook} raised {type(error).__name__}: {error}"
                raise _HookFailedError(reason, "".join(traceback.format_exception(error))) from error
    return registered


def _chain(caller: pluggy.HookCaller) -> list[pluggy.HookImpl]:
    """The plain implementations of a hook, in the order pluggy would call them.

    Wrappers (``wrapper=True`` or old-style ``hookwrapper=True``) are left out:
    called directly they would return a generator, not a result.
    """
    return [impl for impl in reversed(caller.get_hookimpls()) if not (impl.wrapper or impl.hookwrapper)]


def _call(impl: pluggy.HookImpl, **kwargs: Any) -> Any:
    """Call one implementation as pluggy does: with only the arguments it declares."""
    return impl.function(*(kwargs[name] for name in impl.argnames))


def _call_guarded(hook: str, impl: pluggy.HookImpl, **kwargs: Any) -> Any:
    """:func:`_call`, its errors turned into a :class:`PluginError` naming the plugin."""
    try:
        return _call(impl, **kwargs)
    except Exception as error:
        raise PluginError(impl.plugin_name, hook, f"{type(error).__name__}: {error}") from error


def _own_version() -> str | None:
    try:
        return importlib.metadata.version("alliancekit")
    except importlib.metadata.PackageNotFoundError:
        return None


_default: Plugins | None = None
_default_lock = threading.Lock()


def get_plugins() -> Plugins:
    """The process-wide plugins, loaded on first call.

    >>> get_plugins() is get_plugins()
    True
    """
    global _default
    with _default_lock:
        if _default is None:
            _default = Plugins.create()
        return _default


def reset_plugins(plugins: Plugins | None = None) -> None:
    """Replace (or forget) the process-wide plugins; for tests and notebooks."""
    global _default
    with _default_lock:
        _default = plugins


def hook_docs() -> Mapping[str, str | None]:
    """Each hook's name with its docstring, for documentation checks.

    >>> "register_extractors" in hook_docs()
    True
    """
    module: ModuleType = hookspecs
    result: dict[str, str | None] = {}
    for name in dir(module):
        function: Callable[..., Any] | None = getattr(module, name)
        if callable(function) and hasattr(function, "alliancekit_spec"):
            result[name] = function.__doc__
    return result
