"""alliancekit-spacy: an alliancekit event extractor that reads spaCy's parse.

Installing the distribution registers the ``spacy`` extractor through the
``alliancekit`` entry-point group; use it as ``alliancekit extract
--extractor spacy`` or ``alliancekit.extract(text, extractor="spacy")``.

>>> from alliancekit_spacy import SpacyExtractor
>>> SpacyExtractor.name
'spacy'
"""

from alliancekit_spacy.extractor import SpacyExtractor
from alliancekit_spacy.loading import MODEL_ENV, ModelNotFoundError, load_model

__all__ = ["MODEL_ENV", "ModelNotFoundError", "SpacyExtractor", "__version__", "load_model"]

__version__ = "0.1.0"
