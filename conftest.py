"""Collection rules for the whole repository: modules that need an optional extra.

``pytest --doctest-modules`` imports every module of the package; a module
built on an extra that is not installed is left out instead of failing to
import (the tests of such modules ``pytest.importorskip`` the extra).
"""

from __future__ import annotations

import importlib.util

_NEEDS = {"src/alliancekit/dask.py": ("dask", "distributed")}

collect_ignore = [
    path
    for path, modules in _NEEDS.items()
    if any(importlib.util.find_spec(module) is None for module in modules)
]
