"""Built-in plugin: the formats other event data is exchanged in: ``plover``, ``cameo`` and ``parquet``.

* ``plover``: PLOVER records as JSON lines, POLECAT's layout (:mod:`alliancekit.io.plover`);
* ``cameo``: a tab-separated CAMEO table in ICEWS's columns (:mod:`alliancekit.io.cameo`);
* ``parquet``: a flat events table (:mod:`alliancekit.io.parquet`; needs pyarrow).
"""

from __future__ import annotations

from collections.abc import Callable

from alliancekit.hookspecs import hookimpl
from alliancekit.io.cameo import write_cameo
from alliancekit.io.parquet import ParquetFormat
from alliancekit.io.plover import write_plover
from alliancekit.io.writers import Writer


@hookimpl
def register_formats(register: Callable[[str, Writer], None]) -> None:
    """Register the exchange formats."""
    register("plover", write_plover)
    register("cameo", write_cameo)
    register("parquet", ParquetFormat())
