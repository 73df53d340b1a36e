"""The README's examples are what this version of alliancekit prints, so that they cannot drift.

The documentation's examples of output are generated when it is built (the
``command-output`` directive, ``docs/_ext``) or are doctests; the README is
read on GitHub, unbuilt, so its examples are checked here.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from alliancekit.cli import main
from alliancekit.plugins import Plugins

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"

pytestmark = pytest.mark.skipif(not README.is_file() or not (ROOT / "seeds").is_dir(), reason="no checkout")


def _blocks(language: str) -> list[str]:
    return re.findall(
        rf"^```{language}\n(.*?)^```", README.read_text(encoding="utf-8"), re.MULTILINE | re.DOTALL
    )


@pytest.fixture(autouse=True)
def builtin_plugins(install_plugins: Callable[..., Plugins]) -> Plugins:
    return install_plugins()


def test_the_readme_json_line_is_the_first_event_extracted_from_the_seeds(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(ROOT)
    [sample] = _blocks("json")

    result = CliRunner().invoke(main, ["extract", "seeds/"])

    assert result.exit_code == 0, result.stderr
    assert json.loads(sample) == json.loads(result.stdout.splitlines()[0])


def test_the_readme_python_example_prints_what_its_comment_says() -> None:
    example = next(block for block in _blocks("python") if "alliancekit.extract(" in block)
    code, _, expected = example.rpartition("\n# ")
    printed = io.StringIO()

    with contextlib.redirect_stdout(printed):
        exec(compile(code, str(README), "exec"), {})  # the README's own example

    assert printed.getvalue().strip() == expected.strip()


def test_every_public_module_is_in_the_api_reference() -> None:
    documented = set(
        re.findall(
            r"automodule:: ([\w.]+)",
            "".join(path.read_text(encoding="utf-8") for path in (ROOT / "docs").rglob("*.md")),
        )
    )
    package = ROOT / "src" / "alliancekit"
    # The command line has its own reference page (sphinx-click), and __main__ only runs it.
    modules = {
        "alliancekit." + path.stem
        for path in package.glob("*.py")
        if not path.stem.startswith("_") and path.stem != "cli"
    }

    assert sorted(modules - documented) == []


def test_the_how_to_guides_cover_the_event_store() -> None:
    index = (ROOT / "docs" / "howto" / "index.md").read_text(encoding="utf-8")
    guide = (ROOT / "docs" / "howto" / "store.md").read_text(encoding="utf-8")

    assert "\nstore\n" in index
    for topic in ("alliancekit events", "alliancekit timeline", "alliancekit.dask", "--jobs", "outcome_id"):
        assert topic in guide, topic
