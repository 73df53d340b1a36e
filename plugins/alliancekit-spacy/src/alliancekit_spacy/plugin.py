"""The plugin module registered under the ``alliancekit`` entry-point group.

It registers the ``spacy`` extractor with a factory, so spaCy and its model
load only when the extractor is first asked for.

>>> registered = {}
>>> register_extractors(registered.__setitem__)
>>> sorted(registered)
['spacy']
"""

from __future__ import annotations

from collections.abc import Callable

from alliancekit.extractor import Extractor, ExtractorFactory
from alliancekit.hookspecs import hookimpl

__all__ = ["register_extractors"]


def _build() -> Extractor:
    from alliancekit_spacy.extractor import SpacyExtractor

    return SpacyExtractor()


@hookimpl
def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
    """Register the ``spacy`` extractor."""
    register("spacy", _build)
