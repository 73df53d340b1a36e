"""Built-in plugin: the ``jsonl``, ``json``, ``csv`` and ``table`` output formats."""

from __future__ import annotations

from collections.abc import Callable

from alliancekit.hookspecs import hookimpl
from alliancekit.io.writers import Writer, write_csv, write_json, write_jsonl, write_table


@hookimpl
def register_formats(register: Callable[[str, Writer], None]) -> None:
    """Register the built-in output formats."""
    register("jsonl", write_jsonl)
    register("json", write_json)
    register("csv", write_csv)
    register("table", write_table)
