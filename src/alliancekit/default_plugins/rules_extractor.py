"""Built-in plugin: the rule-based ``rules`` extractor (pure Python, no model)."""

from __future__ import annotations

from collections.abc import Callable

from alliancekit.extractor import Extractor, ExtractorFactory
from alliancekit.hookspecs import hookimpl


def _build() -> Extractor:
    from alliancekit.rules import RulesExtractor

    return RulesExtractor()


@hookimpl
def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
    """Register the ``rules`` extractor."""
    register("rules", _build)
