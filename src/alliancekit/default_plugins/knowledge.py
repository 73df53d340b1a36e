"""Built-in plugin: the officials and places shipped in ``alliancekit/actors/data``."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from alliancekit.actors import ActorRecord, Place, load_builtin_actors, load_builtin_places
from alliancekit.hookspecs import hookimpl


@hookimpl
def register_actors(register: Callable[[Iterable[ActorRecord]], None]) -> None:
    """Register the shipped officials."""
    register(load_builtin_actors())


@hookimpl
def register_places(register: Callable[[Iterable[Place]], None]) -> None:
    """Register the shipped gazetteer."""
    register(load_builtin_places())
