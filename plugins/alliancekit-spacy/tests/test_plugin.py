"""The distribution as a plugin: its entry point, its lazy registration, the contract."""

from __future__ import annotations

import alliancekit
import pytest
from alliancekit.plugins import Plugins
from alliancekit.testing import ExtractorConformance, check_extractor_contract

from alliancekit_spacy import SpacyExtractor, plugin
from conftest import shared_parse_all


class TestSpacyConformance(ExtractorConformance):
    """The extractor as the ``spacy`` entry point registers it."""

    extractor_name = "spacy"
    max_examples = 15


class _ParseAllPlugin:
    @alliancekit.hookimpl
    def register_extractors(self, register):  # type: ignore[no-untyped-def]
        register("spacy-all", shared_parse_all)


class TestParseAllConformance(ExtractorConformance):
    """With every sentence parsed (so every syntax question answered) the contract holds too."""

    extractor_name = "spacy-all"
    entry_points = ()
    extra_plugins = (_ParseAllPlugin(),)
    max_examples = 15


def test_entry_point_registers_spacy() -> None:
    plugins = Plugins.create(allow=["spacy"])
    assert "spacy" in plugins.extractor_names()
    assert {info.name for info in plugins.describe()} >= {"spacy"}


def test_registration_does_not_load_the_model(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[str] = []
    monkeypatch.setattr(plugin, "_build", lambda: built.append("built"))
    registered: dict[str, object] = {}
    plugin.register_extractors(registered.__setitem__)
    assert list(registered) == ["spacy"]
    assert built == []


@pytest.mark.alliancekit_plugins("spacy")
def test_extract_through_the_pipeline(alliancekit_plugins: Plugins) -> None:
    events = alliancekit.extract(
        "Foreign Minister Aiko Tanabe spoke by phone with Secretary of State Mark Dellinger on Friday.",
        published="2026-05-11",
        extractor="spacy",
    )
    assert [(event.type.value, str(event.time.start) if event.time else None) for event in events] == [
        ("call", "2026-05-08")
    ]


def test_contract_on_tricky_texts(extractor: SpacyExtractor) -> None:
    texts = [
        "",
        "?",
        "Y?ko Kamikawa",
        "He met. They met. The two met.",
        "Talks between.",
        "Washington, D.C.",
        "Brig. Gen. " * 50,
        "\x00\u200b\ufffd met \ufffd in \ufffd on Monday.",
    ]
    documents = [alliancekit.Document(f"t{index}", text) for index, text in enumerate(texts)]
    context = Plugins.create(load_entrypoints=False).context()
    check_extractor_contract(extractor, documents, context)


def test_loading_the_plugins_does_not_import_spacy() -> None:
    """A run with another extractor must not pay for importing spaCy."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from alliancekit.plugins import Plugins\n"
        "plugins = Plugins.create(allow=['spacy'])\n"
        "assert 'spacy' in plugins.extractor_names(), plugins.extractor_names()\n"
        "plugins.extractor('rules')\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
