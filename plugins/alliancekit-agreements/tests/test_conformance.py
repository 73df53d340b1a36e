"""The extractor contract, checked by alliancekit's conformance kit."""

from __future__ import annotations

from alliancekit.testing import ExtractorConformance


class TestAgreementsConformance(ExtractorConformance):
    """The ``agreements`` extractor, loaded from this distribution's entry point."""

    extractor_name = "agreements"


class TestRulesBehindThisPluginConformance(ExtractorConformance):
    """The built-in extractor still honours the contract behind this plugin's preprocessing."""

    extractor_name = "rules"
    entry_points = ("agreements",)
    max_examples = 15
