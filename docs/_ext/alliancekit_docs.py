"""Sphinx helpers for the alliancekit documentation.

* ``.. event-schema::`` prints :data:`alliancekit.serialize.EVENT_SCHEMA` as
  a JSON block, read from the code when the page is built, so the page
  cannot drift from the schema the CLI prints; ``.. engagement-schema::``
  prints :data:`alliancekit.serialize.ENGAGEMENT_SCHEMA` the same way.
* The HTML build also writes the schemas to ``schema/event.json`` and
  ``schema/engagement.json``, the addresses their ``$id`` names.
* ``.. command-output:: extract seeds/ --format table`` runs the
  ``alliancekit`` command when the page is built, from the repository's
  root, with the built-in plugins only, and shows what it prints, so
  examples of output cannot drift from what the code does. Options:
  ``:lines: N`` keeps the first N lines, ``:skip: N`` leaves out the
  first N, ``:json:`` spreads each JSON line over several, ``:summary:``
  adds the last line of standard error, ``:cut: N`` cuts every line at N
  characters, ``:class:`` adds classes to the block.
* Every hook in :mod:`alliancekit.hookspecs` must have a docstring: a hook
  without one is a build warning, and so, with ``-W``, an error.
* sphinx-click 6.2 imports ``mock`` from ``sphinx.ext.autodoc``; under
  Sphinx 9 that name can be the ``mock`` submodule instead of the function,
  and every ``.. click::`` directive then fails. The function is put back.
* click keeps a paragraph as written when a line holding only ``\\b``
  (the backspace character) precedes it. In a raw docstring the marker is
  a backslash and a ``b`` instead; such paragraphs are shown as literal
  blocks, so the command reference keeps their layout either way.
"""

from __future__ import annotations

import json
import os
import shlex
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.application import Sphinx
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

logger = logging.getLogger(__name__)


def _schema_json(record: str = "event") -> str:
    from alliancekit.serialize import ENGAGEMENT_SCHEMA, EVENT_SCHEMA

    schema = EVENT_SCHEMA if record == "event" else ENGAGEMENT_SCHEMA
    return json.dumps(schema, indent=2, ensure_ascii=False)


class EventSchemaDirective(SphinxDirective):
    """Insert the output JSON Schema as a highlighted literal block."""

    has_content = False
    record = "event"

    def run(self) -> list[nodes.Node]:
        text = _schema_json(self.record)
        block = nodes.literal_block(text, text)
        block["language"] = "json"
        self.set_source_info(block)
        return [block]


class EngagementSchemaDirective(EventSchemaDirective):
    """Insert the JSON Schema of an engagement as a highlighted literal block."""

    record = "engagement"


class CommandOutputDirective(SphinxDirective):
    """Run ``alliancekit <arguments>`` and insert what it prints as a literal block."""

    required_arguments = 1
    final_argument_whitespace = True
    option_spec = {  # noqa: RUF012 - docutils reads it from the class
        "lines": directives.nonnegative_int,
        "skip": directives.nonnegative_int,
        "json": directives.flag,
        "summary": directives.flag,
        "cut": directives.positive_int,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        from click.testing import CliRunner

        from alliancekit.cli import main
        from alliancekit.plugins import Plugins, reset_plugins

        arguments = shlex.split(self.arguments[0])
        root = Path(self.env.srcdir).parent
        reset_plugins(Plugins.create(load_entrypoints=False))
        previous = Path.cwd()
        try:
            os.chdir(root)
            result = CliRunner().invoke(main, arguments)
        finally:
            os.chdir(previous)
            reset_plugins()
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise self.error(f"alliancekit {self.arguments[0]} failed: {result.exception!r}")
        lines = result.stdout.splitlines()[self.options.get("skip", 0) :]
        if "lines" in self.options:
            lines = lines[: self.options["lines"]]
        if "json" in self.options:
            lines = [
                part
                for line in lines
                for part in json.dumps(json.loads(line), indent=2, ensure_ascii=False).splitlines()
            ]
        if "cut" in self.options:
            width = self.options["cut"]
            lines = [line if len(line) <= width else line[: width - 1] + "…" for line in lines]
        if "summary" in self.options:
            lines += (
                ["...", result.stderr.splitlines()[-1]]
                if "lines" in self.options
                else [result.stderr.splitlines()[-1]]
            )
        text = "\n".join(line.rstrip() for line in lines)
        block = nodes.literal_block(text, text)
        block["language"] = "json" if "json" in self.options else "text"
        block["classes"] += self.options.get("class", [])
        self.set_source_info(block)
        return [block]


def _check_hook_docstrings(app: Sphinx) -> None:
    from alliancekit.plugins import hook_docs

    for name, doc in sorted(hook_docs().items()):
        if not (doc or "").strip():
            logger.warning("hook %s in alliancekit.hookspecs has no docstring", name, type="alliancekit")


def _write_schema_file(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    for record in ("event", "engagement"):
        target = Path(app.outdir) / "schema" / f"{record}.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_schema_json(record) + "\n", encoding="utf-8")


def _repair_sphinx_click_mock() -> None:
    try:
        import sphinx_click.ext as click_ext
        from sphinx.ext.autodoc.mock import mock
    except ImportError:  # pragma: no cover - sphinx-click not installed
        return
    if not callable(click_ext.mock):
        click_ext.mock = mock


def _keep_layout_blocks(app: Sphinx, ctx: object, lines: list[str]) -> None:
    result: list[str] = []
    literal = False
    for line in lines:
        if line.strip() == "\\b":
            result.extend(["::", ""])
            literal = True
        elif literal and not line.strip():
            result.append(line)
            literal = False
        else:
            result.append("    " + line if literal else line)
    lines[:] = result


def setup(app: Sphinx) -> dict[str, Any]:
    _repair_sphinx_click_mock()
    app.connect("sphinx-click-process-description", _keep_layout_blocks)
    app.add_directive("event-schema", EventSchemaDirective)
    app.add_directive("engagement-schema", EngagementSchemaDirective)
    app.add_directive("command-output", CommandOutputDirective)
    app.connect("builder-inited", _check_hook_docstrings)
    app.connect("build-finished", _write_schema_file)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
