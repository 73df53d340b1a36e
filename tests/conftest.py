"""Shared fixtures: isolated plugin managers for tests that need their own."""

from __future__ import annotations

import os

# Before any plugin manager is built: an installed third-party plugin must not
# change what the tests see. Tests that exercise entry-point loading patch it.
os.environ["ALLIANCEKIT_LOAD_PLUGINS"] = ""

from collections.abc import Callable, Iterator

import pytest
from hypothesis import HealthCheck, settings

from alliancekit.plugins import Plugins, reset_plugins

# HYPOTHESIS_PROFILE=fuzz (the `nox -s fuzz` session) runs every property test with many
# more examples; ALLIANCEKIT_FUZZ_EXAMPLES sets how many.
settings.register_profile(
    "fuzz",
    max_examples=int(os.environ.get("ALLIANCEKIT_FUZZ_EXAMPLES", "2000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    print_blob=True,
)
# No deadline by default either: speed is measured by benchmarks, never by timed tests, and the first
# example of a test may pay for imports (trafilatura for an HTML page) on a busy machine.
settings.register_profile("untimed", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "untimed"))

# pytester runs the kit's pytest plugin in a pytest of its own (tests/test_conformance_rules.py).
pytest_plugins = ["pytester"]


@pytest.fixture
def plugins() -> Plugins:
    """A plugin manager with only the built-in plugins."""
    return Plugins.create(load_entrypoints=False)


@pytest.fixture
def install_plugins() -> Iterator[Callable[..., Plugins]]:
    """Make the process-wide plugins the built-ins plus the given test plugins.

    The process-wide plugins are forgotten after the test, so the next
    :func:`~alliancekit.plugins.get_plugins` builds them afresh.
    """

    def install(*extra: object) -> Plugins:
        chosen = Plugins.create(load_entrypoints=False, extra=extra)
        reset_plugins(chosen)
        return chosen

    yield install
    reset_plugins()
