"""The plugin module: every hook this distribution implements, in one place.

alliancekit finds this module through the entry point in ``pyproject.toml``::

    [project.entry-points.alliancekit]
    agreements = "alliancekit_agreements.plugin"

>>> extractors, formats = {}, {}
>>> register_extractors(extractors.__setitem__)
>>> register_formats(formats.__setitem__)
>>> sorted(extractors), sorted(formats)
(['agreements'], ['agreements-md'])
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs
from alliancekit import Document, Event, hookimpl
from alliancekit.actors import ActorRecord
from alliancekit.extractor import ExtractorFactory
from alliancekit.io.writers import Writer

from alliancekit_agreements.annotate import annotate_agreements
from alliancekit_agreements.commands import load_commands, new_records
from alliancekit_agreements.extractor import AgreementsExtractor
from alliancekit_agreements.footer import strip_footer
from alliancekit_agreements.formats import write_agreements_markdown

__all__ = [
    "postprocess_events",
    "preprocess_document",
    "register_actors",
    "register_extractors",
    "register_formats",
]


@hookimpl
def register_extractors(register: Callable[[str, ExtractorFactory], None]) -> None:
    """Register the ``agreements`` extractor (signing ceremonies as meetings)."""
    register("agreements", AgreementsExtractor)


@hookimpl
def register_actors(register: Callable[[Iterable[ActorRecord]], None]) -> None:
    """Add military commands, and the commanders alliancekit does not ship, to the knowledge base."""
    register(new_records(load_commands()))


@hookimpl
def register_formats(register: Callable[[str, Writer], None]) -> None:
    """Register the ``agreements-md`` Markdown table."""
    register("agreements-md", write_agreements_markdown)


@hookimpl
def preprocess_document(document: Document) -> Document | None:
    """Cut a press release's boilerplate footer; ``None`` when there is none."""
    text = strip_footer(document.text)
    return None if text == document.text else attrs.evolve(document, text=text)


@hookimpl
def postprocess_events(document: Document, events: list[Event]) -> list[Event] | None:
    """Recode meetings where an agreement was signed (CAMEO 057) and add the signing to their evidence."""
    return annotate_agreements(document, events)
