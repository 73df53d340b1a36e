"""Plugin loading can be restricted or switched off, nothing is imported from the current directory,
and no data is parsed unsafely.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
import subprocess
import sys
import types
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

import alliancekit
from alliancekit.cli import main
from alliancekit.hookspecs import hookimpl
from alliancekit.io.writers import Writer, write_jsonl
from alliancekit.plugins import BLOCK_ENV, ENTRY_POINT_GROUP, LOAD_ENV, Plugins, get_plugins, reset_plugins

PACKAGE = Path(alliancekit.__file__).parent


def _fake_plugin(name: str) -> types.ModuleType:
    module = types.ModuleType(f"alliancekit_fake_{name}")

    @hookimpl
    def register_formats(register: Callable[[str, Writer], None]) -> None:
        register(f"{name}-format", write_jsonl)

    module.register_formats = register_formats  # type: ignore[attr-defined]
    return module


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Two installed plugins, ``alpha`` and ``beta``; the process-wide plugins rebuilt afresh."""
    points = []
    for name in ("alpha", "beta"):
        module = _fake_plugin(name)
        monkeypatch.setitem(sys.modules, module.__name__, module)
        points.append(importlib.metadata.EntryPoint(name, module.__name__, ENTRY_POINT_GROUP))
    monkeypatch.setattr(importlib.metadata, "entry_points", lambda **_: points)
    # The CLI writes its choice into the environment: monkeypatch restores it afterwards.
    monkeypatch.delenv(LOAD_ENV, raising=False)
    monkeypatch.delenv(BLOCK_ENV, raising=False)
    reset_plugins()
    yield
    reset_plugins()


def _listed(*options: str) -> tuple[Result, set[str]]:
    result = CliRunner().invoke(main, [*options, "plugins", "--json"])
    if result.exit_code != 0:
        return result, set()
    return result, {plugin["name"] for plugin in json.loads(result.stdout)["plugins"]} & {"alpha", "beta"}


@pytest.mark.usefixtures("installed")
def test_every_installed_plugin_loads_without_options() -> None:
    assert _listed()[1] == {"alpha", "beta"}


@pytest.mark.usefixtures("installed")
def test_no_plugins_option_loads_no_third_party_plugin_but_keeps_the_builtins() -> None:
    result, loaded = _listed("--no-plugins")
    assert loaded == set()
    assert "rules" in json.loads(result.stdout)["extractors"]


@pytest.mark.usefixtures("installed")
def test_plugins_option_is_an_allow_list() -> None:
    assert _listed("--plugins", "beta")[1] == {"beta"}
    assert _listed("--plugins", " alpha , beta ")[1] == {"alpha", "beta"}


@pytest.mark.usefixtures("installed")
def test_the_plugin_choice_reaches_worker_processes_through_the_environment() -> None:
    _listed("--plugins", "beta")
    assert os.environ[LOAD_ENV] == "beta"
    reset_plugins()
    assert {info.name for info in get_plugins().describe()} & {"alpha", "beta"} == {"beta"}


@pytest.mark.usefixtures("installed")
def test_plugins_and_no_plugins_together_are_a_usage_error() -> None:
    result, _ = _listed("--plugins", "alpha", "--no-plugins")
    assert result.exit_code == 2
    assert "exclude each other" in result.stderr


@pytest.mark.usefixtures("installed")
def test_loading_plugins_leaves_sys_path_alone() -> None:
    before = list(sys.path)
    Plugins.create()
    CliRunner().invoke(main, ["plugins"])
    assert sys.path == before


# --------------------------------------------------------------------------- the current directory


_CONSOLE_SCRIPT = """\
import re
import sys
from alliancekit.cli import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""


def test_the_command_never_imports_a_plugin_module_from_the_current_directory(tmp_path: Path) -> None:
    # An installed distribution whose entry point names a module that is not installed...
    site = tmp_path / "site"
    dist_info = site / "trapdist-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: trapdist\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text("[alliancekit]\ntrap = alliancekit_trap\n", encoding="utf-8")
    # ...and a module of that name in the directory the command is run from.
    work = tmp_path / "work"
    work.mkdir()
    marker = tmp_path / "imported"
    (work / "alliancekit_trap.py").write_text(f"open({str(marker)!r}, 'w').close()\n", encoding="utf-8")
    # The command as pip installs it: a script in bin/, which puts bin/ (not the cwd) on sys.path.
    script = tmp_path / "bin" / "alliancekit"
    script.parent.mkdir()
    script.write_text(_CONSOLE_SCRIPT, encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key not in (LOAD_ENV, BLOCK_ENV)}
    environment["PYTHONPATH"] = os.pathsep.join([str(PACKAGE.parent), str(site)])

    done = subprocess.run(
        [sys.executable, str(script), "plugins", "--json"],
        cwd=work,
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert done.returncode == 0, done.stderr
    assert not marker.exists()
    assert json.loads(done.stdout)["not_loaded"]["trap"].startswith("cannot be loaded: ModuleNotFoundError")


# --------------------------------------------------------------------------- no unsafe parsing


def _calls(tree: ast.AST) -> Iterator[tuple[str, int]]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield ast.unparse(node.func), node.lineno


_UNSAFE_CALLS = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "pickle.load",
    "pickle.loads",
    "marshal.load",
    "marshal.loads",
    "yaml.load",
    "yaml.unsafe_load",
    "shelve.open",
    "sys.path.insert",
    "sys.path.append",
    "sys.path.extend",
    "site.addsitedir",
}


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", _sources(), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_the_package_neither_evaluates_data_nor_changes_the_import_path(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    unsafe = [(name, line) for name, line in _calls(tree) if name in _UNSAFE_CALLS]
    assigned = [
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign | ast.AugAssign)
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if ast.unparse(target).startswith("sys.path")
    ]
    assert unsafe == []
    assert assigned == []


def test_the_shipped_data_files_are_json() -> None:
    data = sorted((PACKAGE / "actors" / "data").iterdir())
    assert data
    for path in data:
        assert path.suffix == ".json"
        loaded: Any = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(loaded, dict | list)
