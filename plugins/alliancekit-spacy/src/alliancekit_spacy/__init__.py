"""alliancekit-spacy: an alliancekit event extractor that reads spaCy's parse.

Installing the distribution registers the ``spacy`` extractor through the
``alliancekit`` entry-point group; use it as ``alliancekit extract
--extractor spacy`` or ``alliancekit.extract(text, extractor="spacy")``.

Importing the package does not import spaCy: alliancekit loads every
installed plugin when it starts, and a run with another extractor should
not pay for spaCy. The names below are imported the first time they are
used.

>>> from alliancekit_spacy import SpacyExtractor
>>> SpacyExtractor.name
'spacy'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alliancekit_spacy.extractor import SpacyExtractor
    from alliancekit_spacy.loading import MODEL_ENV, ModelNotFoundError, load_model

__all__ = ["MODEL_ENV", "ModelNotFoundError", "SpacyExtractor", "__version__", "load_model"]

__version__ = "0.1.0"

_LAZY = {
    "SpacyExtractor": "alliancekit_spacy.extractor",
    "MODEL_ENV": "alliancekit_spacy.loading",
    "ModelNotFoundError": "alliancekit_spacy.loading",
    "load_model": "alliancekit_spacy.loading",
}


def __getattr__(name: str) -> Any:
    """Import a public name, and spaCy with it, the first time it is asked for."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'alliancekit_spacy' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value
