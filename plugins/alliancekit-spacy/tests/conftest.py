"""Shared fixtures: the spaCy model is loaded once for the whole session."""

from __future__ import annotations

import functools
import importlib.metadata

import pytest
from alliancekit.extractor import ExtractionContext
from alliancekit.plugins import Plugins

from alliancekit_spacy import SpacyExtractor


def _kit_registered() -> bool:
    """Whether an installed alliancekit registers its pytest plugin itself."""
    return any(
        ep.value == "alliancekit.testing.pytest_plugin"
        for ep in importlib.metadata.entry_points(group="pytest11")
    )


# With alliancekit installed, pytest loads its plugin from the entry point; with the
# core only on PYTHONPATH (a source checkout), load it here.
pytest_plugins = [] if _kit_registered() else ["alliancekit.testing.pytest_plugin"]


@functools.cache
def shared_extractor() -> SpacyExtractor:
    """One extractor (and one loaded model) for every test that only reads with it."""
    return SpacyExtractor()


@functools.cache
def shared_parse_all() -> SpacyExtractor:
    """The same model, parsing every sentence of an article."""
    return SpacyExtractor(nlp=shared_extractor().nlp, parse_all=True)


@pytest.fixture(scope="session")
def extractor() -> SpacyExtractor:
    return shared_extractor()


@pytest.fixture(scope="session")
def context() -> ExtractionContext:
    return Plugins.create(load_entrypoints=False).context()
