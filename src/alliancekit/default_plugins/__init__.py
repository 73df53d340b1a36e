"""The built-in plugins: alliancekit's own features, registered like any other.

* :mod:`~alliancekit.default_plugins.rules_extractor` registers the ``rules`` extractor;
* :mod:`~alliancekit.default_plugins.knowledge` registers the shipped officials and places;
* :mod:`~alliancekit.default_plugins.formats` registers ``jsonl``, ``json``, ``csv`` and ``table``;
* :mod:`~alliancekit.default_plugins.exchange_formats` registers ``plover``, ``cameo`` and ``parquet``.
"""
