"""Plugin loading can be restricted or switched off, nothing is imported from the current directory,
and no data is parsed unsafely.
"""

from __future__ import annotations

import ast
import importlib.metadata
import json
import os
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
from helpers import command_environment, console_script, run_python

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
def test_plugins_option_overrides_the_load_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(LOAD_ENV, "alpha")
    assert _listed()[1] == {"alpha"}
    assert _listed("--plugins", "beta")[1] == {"beta"}
    monkeypatch.setenv(LOAD_ENV, "alpha")
    assert _listed("--no-plugins")[1] == set()


@pytest.mark.usefixtures("installed")
def test_the_block_variable_wins_over_the_plugins_option(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(BLOCK_ENV, "beta")
    assert _listed()[1] == {"alpha"}
    assert _listed("--plugins", "alpha,beta")[1] == {"alpha"}


@pytest.mark.usefixtures("installed")
def test_a_name_on_the_allow_list_that_is_not_installed_is_reported(tmp_path: Path) -> None:
    result, loaded = _listed("--plugins", "alpha,btea")
    assert loaded == {"alpha"}
    assert json.loads(result.stdout)["not_loaded"] == {
        "btea": "is not installed (it is on the allow-list of plugins to load)"
    }
    article = tmp_path / "a.txt"
    article.write_text("Nothing happened.", encoding="utf-8")
    extracted = CliRunner().invoke(main, ["--plugins", "btea", "extract", str(article), "--timeout", "0"])
    assert extracted.exit_code == 0, extracted.output
    assert "warning: plugin 'btea' is not installed" in extracted.stderr


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


@pytest.fixture
def trap(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A folder to run in, holding plugin modules, and an environment where they must not load.

    An installed distribution's entry point ``trap`` names ``alliancekit_trap``, which is not
    installed; a module of that name lies in the folder, beside ``alliancekit_evil``, a
    plugin-looking module no entry point names. Importing either creates ``imported``.
    """
    site = tmp_path / "site"
    dist_info = site / "trapdist-1.0.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: trapdist\nVersion: 1.0\n", encoding="utf-8"
    )
    (dist_info / "entry_points.txt").write_text("[alliancekit]\ntrap = alliancekit_trap\n", encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    marker = tmp_path / "imported"
    for stray in ("alliancekit_trap", "alliancekit_evil"):
        (work / f"{stray}.py").write_text(f"open({str(marker)!r}, 'a').write({stray!r})\n", encoding="utf-8")
    return work, command_environment(site, drop=(LOAD_ENV, BLOCK_ENV))


_PLUGINS_FROM_PYTHON = (
    "import json; from alliancekit.plugins import get_plugins; "
    "print(json.dumps({'not_loaded': get_plugins().load_errors, "
    "'plugins': [{'name': info.name} for info in get_plugins().describe()]}))"
)


@pytest.mark.parametrize(
    ("launch", "reason"),
    [
        # The command as pip installs it: its bin/ folder, not the current one, is on sys.path,
        # so the module is simply not found.
        ("console script", "cannot be loaded: ModuleNotFoundError"),
        # python -m and python -c put the current directory first on sys.path: the module is
        # found there, and refused.
        (
            "python -m",
            "cannot be loaded: its module 'alliancekit_trap' is found only in the current directory",
        ),
        (
            "python -c",
            "cannot be loaded: its module 'alliancekit_trap' is found only in the current directory",
        ),
    ],
)
def test_no_plugin_module_is_imported_from_the_current_directory(
    tmp_path: Path, trap: tuple[Path, dict[str, str]], launch: str, reason: str
) -> None:
    work, environment = trap
    arguments: dict[str, list[str | Path]] = {
        "console script": [console_script(tmp_path / "bin"), "plugins", "--json"],
        "python -m": ["-m", "alliancekit.cli", "plugins", "--json"],
        "python -c": ["-c", _PLUGINS_FROM_PYTHON],
    }

    done = run_python(*arguments[launch], environment=environment, cwd=work, timeout=60)

    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "imported").exists()
    listing = json.loads(done.stdout)
    assert listing["not_loaded"]["trap"].startswith(reason)
    assert not {"trap", "evil", "alliancekit_evil"} & {plugin["name"] for plugin in listing["plugins"]}


def test_a_plugin_module_on_an_explicit_import_path_still_loads_under_python_m(
    tmp_path: Path, trap: tuple[Path, dict[str, str]]
) -> None:
    work, environment = trap
    # The same folder, named in PYTHONPATH and not merely current: the user asked for it.
    environment = {**environment, "PYTHONPATH": os.pathsep.join([environment["PYTHONPATH"], str(work)])}

    done = run_python(
        "-m", "alliancekit.cli", "plugins", "--json", environment=environment, cwd=work, timeout=60
    )

    assert done.returncode == 0, done.stderr
    assert "trap" not in json.loads(done.stdout)["not_loaded"]
    assert (tmp_path / "imported").read_text(encoding="utf-8") == "alliancekit_trap"


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


# The plugin distributions developed beside the package, in a checkout of the repository.
PLUGIN_SOURCES = sorted(PACKAGE.parent.parent.glob("plugins/*/src"))


def _sources() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py")) + [
        path for root in PLUGIN_SOURCES for path in sorted(root.rglob("*.py"))
    ]


def _source_id(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent.parent) if PLUGIN_SOURCES else path.relative_to(PACKAGE))


@pytest.mark.parametrize("path", _sources(), ids=_source_id)
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
    data += [path for root in PLUGIN_SOURCES for path in sorted(root.glob("*/data/*")) if path.is_file()]
    assert data
    for path in data:
        assert path.suffix == ".json"
        loaded: Any = json.loads(path.read_text(encoding="utf-8"))
        assert isinstance(loaded, dict | list)
