"""The distributions: the metadata users see on an index, and what the sdists and wheels hold."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).parent.parent
PLUGINS = sorted(path.parent for path in ROOT.glob("plugins/*/pyproject.toml"))

pytestmark = pytest.mark.skipif(not (ROOT / "pyproject.toml").is_file(), reason="not a checkout")


def _project(directory: Path) -> dict[str, Any]:
    data: dict[str, Any] = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    return data


@pytest.mark.parametrize(
    "directory", [ROOT, *PLUGINS], ids=lambda path: path.name if path != ROOT else "core"
)
def test_every_distribution_names_its_license_file_and_where_to_report_issues(directory: Path) -> None:
    project = _project(directory)

    assert project["license-files"] == ["LICENSE"]
    assert (directory / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert {"Documentation", "Source", "Issues"} <= set(project["urls"])


def test_the_core_claims_every_python_it_supports() -> None:
    classifiers = _project(ROOT)["classifiers"]
    for version in ("3.11", "3.12", "3.13"):
        assert f"Programming Language :: Python :: {version}" in classifiers


def _can_build() -> bool:
    return all(importlib.util.find_spec(module) is not None for module in ("build", "hatchling"))


def _build(directory: Path, out: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(directory)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not _can_build():
        pytest.skip("needs build and hatchling (nox -s dist builds in its own environment)")
    out = tmp_path_factory.mktemp("dist")
    for directory in [ROOT, *PLUGINS]:
        _build(directory, out)
    return out


def test_the_core_sdist_holds_what_its_tests_need_and_no_plugin(built: Path) -> None:
    [sdist] = built.glob("alliancekit-*.tar.gz")
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}

    assert {
        "conftest.py",
        "LICENSE",
        "pyproject.toml",
        "src/alliancekit/__init__.py",
        "tests/conftest.py",
    } <= names
    assert not [name for name in names if name.startswith("plugins/")]


@pytest.mark.parametrize("wheel_name", ["alliancekit", *(path.name.replace("-", "_") for path in PLUGINS)])
def test_every_wheel_ships_the_license(built: Path, wheel_name: str) -> None:
    [wheel] = built.glob(f"{wheel_name}-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        licenses = [name for name in archive.namelist() if name.endswith(".dist-info/licenses/LICENSE")]
    assert len(licenses) == 1


def test_twine_accepts_every_distribution(built: Path) -> None:
    if importlib.util.find_spec("twine") is None:
        pytest.skip("needs twine")
    done = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(built.iterdir()))],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
