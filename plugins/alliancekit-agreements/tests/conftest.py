"""Test set-up: alliancekit's pytest plugin, also when alliancekit is only on the path."""

from __future__ import annotations

import importlib.metadata


def _kit_registered() -> bool:
    """Whether an installed alliancekit registers its pytest plugin itself."""
    return any(
        ep.value == "alliancekit.testing.pytest_plugin"
        for ep in importlib.metadata.entry_points(group="pytest11")
    )


pytest_plugins = [] if _kit_registered() else ["alliancekit.testing.pytest_plugin"]
