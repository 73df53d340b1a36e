"""Sphinx configuration for the alliancekit documentation.

Build with ``nox -s docs``, or by hand from the repository root::

    sphinx-build -W --keep-going -b html docs docs/_build/html
    sphinx-build -W --keep-going -b doctest docs docs/_build/doctest

The build never touches the network: there is no intersphinx mapping.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

# The package is normally installed (``pip install -e .[docs]``); a plain
# checkout still builds, because ``src/`` is the fallback.
try:
    import alliancekit
except ImportError:
    sys.path.insert(0, str(ROOT / "src"))
    import alliancekit

sys.path.insert(0, str(DOCS / "_ext"))

# The pages describe alliancekit as shipped: third-party plugins installed in
# the build environment must not change the CLI reference or the examples.
os.environ["ALLIANCEKIT_LOAD_PLUGINS"] = ""

# -- Project ----------------------------------------------------------------

project = "alliancekit"
author = "alliancekit developers"
copyright = "alliancekit developers"
release = alliancekit.__version__
version = ".".join(release.split(".")[:2])

# -- Extensions -------------------------------------------------------------

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx_autodoc_typehints",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    "sphinx_click",
    "alliancekit_docs",
]
if shutil.which("dot"):
    extensions.append("sphinx.ext.graphviz")

source_suffix = {".rst": "restructuredtext", ".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]
nitpicky = False
# Hypothesis wraps the strategies of alliancekit.testing, so their
# annotations cannot be resolved in the wrapper's namespace; the
# signatures still show them, unresolved.
suppress_warnings = ["sphinx_autodoc_typehints.forward_reference"]

# -- MyST -------------------------------------------------------------------

myst_enable_extensions = ["colon_fence", "deflist", "fieldlist"]
myst_heading_anchors = 3

# -- autodoc ----------------------------------------------------------------

autodoc_member_order = "bysource"
autodoc_default_options = {"members": True}
autodoc_typehints = "description"
always_document_param_types = False
typehints_use_signature = False
typehints_use_signature_return = False
typehints_fully_qualified = False

# -- doctest ----------------------------------------------------------------
# Only the explicit ``doctest``/``testcode`` blocks of these pages run here.
# The ``>>>`` examples in docstrings are run by ``pytest --doctest-modules``
# (``nox -s tests``), with the module's own names in scope.

doctest_test_doctest_blocks = ""
doctest_global_setup = """
import datetime as dt

import alliancekit
from alliancekit.plugins import Plugins, reset_plugins

# Built-in plugins only, whatever else is installed.
reset_plugins(Plugins.create(load_entrypoints=False))
"""
doctest_global_cleanup = """
from alliancekit.plugins import reset_plugins

reset_plugins()
"""

# -- HTML -------------------------------------------------------------------

html_theme = "furo"
html_title = f"alliancekit {release}"
html_static_path = ["_static"]
html_css_files = ["custom.css"]
pygments_style = "friendly"
pygments_dark_style = "monokai"
