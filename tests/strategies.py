"""Hypothesis strategies for alliancekit's model values, from the conformance kit.

The strategies live in :mod:`alliancekit.testing.strategies`, where plugin
authors use them too; this module keeps the names the tests import.
"""

from __future__ import annotations

from hypothesis import strategies as st

from alliancekit.model import Document
from alliancekit.testing import strategies as kit
from alliancekit.testing.strategies import (
    actors,
    alpha3,
    arbitrary_texts,
    dates,
    events,
    evidence_in,
    locations,
    names,
    news_texts,
    optional_alpha3,
    optional_text,
    participants,
    resolved_spans,
    short_text,
    sources,
    time_spans,
)

__all__ = [
    "actors",
    "alpha3",
    "arbitrary_texts",
    "dates",
    "documents",
    "events",
    "evidence_in",
    "locations",
    "names",
    "news_texts",
    "optional_alpha3",
    "optional_text",
    "participants",
    "resolved_spans",
    "short_text",
    "sources",
    "time_spans",
]


def documents() -> st.SearchStrategy[Document]:
    """Any valid document: any id and text, any source, dated or not."""
    return kit.documents(
        texts=st.text(max_size=300),
        published=st.none() | dates,
        ids=st.text(min_size=1, max_size=30),
        sources=sources(),
    )
