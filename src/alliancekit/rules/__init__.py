"""The built-in rule-based extractor, ``rules``.

Pure Python and fast: no model to download. It reads an article in four
steps, each in its own module:

1. :mod:`~alliancekit.rules.text` keeps the body sentences (no headlines,
   captions, lists of popular articles or publisher blurbs);
2. :mod:`~alliancekit.rules.mentions` finds people (from titles, ranks,
   appositions, the knowledge base and earlier mentions), groups, places and
   pronouns;
3. :mod:`~alliancekit.rules.triggers` finds the words that state a meeting,
   visit, call or invitation;
4. :mod:`~alliancekit.rules.extractor` assembles, merges and dates the events.

>>> RulesExtractor.name
'rules'
"""

from alliancekit.rules.extractor import RulesExtractor

__all__ = ["RulesExtractor"]
