"""The conformance kit for extractor plugin authors.

Three parts, each its own module:

* :mod:`alliancekit.testing.contract` - the extractor contract as plain
  ``check_*`` functions that raise :class:`ContractViolation`; no pytest or
  Hypothesis needed (only :func:`check_schema` needs :mod:`jsonschema`);
* :mod:`alliancekit.testing.strategies` - Hypothesis strategies for
  news-like and hostile texts, documents and model values;
* :mod:`alliancekit.testing.pytest_plugin` - the pytest plugin (installed
  with alliancekit, loaded automatically) with the ``alliancekit_plugins``
  fixture and the :class:`ExtractorConformance` test base class.

The names are importable from here; each module is imported only when one
of its names is first used, so the contract checks work without pytest and
Hypothesis installed.

>>> from alliancekit.testing import ContractViolation, check_schema
>>> from alliancekit.model import Event
>>> check_schema([Event("meeting", "occurred")])
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliancekit.testing.contract import (
        ContractViolation,
        check_deterministic,
        check_evidence_matches,
        check_extractor_contract,
        check_never_raises,
        check_no_wall_clock_dates,
        check_schema,
    )
    from alliancekit.testing.pytest_plugin import ExtractorConformance
    from alliancekit.testing.strategies import arbitrary_texts, documents, events, news_texts

__all__ = [
    "ContractViolation",
    "ExtractorConformance",
    "arbitrary_texts",
    "check_deterministic",
    "check_evidence_matches",
    "check_extractor_contract",
    "check_never_raises",
    "check_no_wall_clock_dates",
    "check_schema",
    "documents",
    "events",
    "news_texts",
]

_HOMES = {
    "ContractViolation": "contract",
    "check_deterministic": "contract",
    "check_evidence_matches": "contract",
    "check_extractor_contract": "contract",
    "check_never_raises": "contract",
    "check_no_wall_clock_dates": "contract",
    "check_schema": "contract",
    "ExtractorConformance": "pytest_plugin",
    "arbitrary_texts": "strategies",
    "documents": "strategies",
    "events": "strategies",
    "news_texts": "strategies",
}


def __getattr__(name: str) -> Any:
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    """The module's names, the lazily imported ones included."""
    return sorted({*globals(), *__all__})
