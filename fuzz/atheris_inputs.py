"""Coverage-guided fuzzing of everything hostile input goes through, with atheris.

Each input picks a target by its first byte: decoding bytes to text, HTML to
text, one JSON-lines file, one article file (``.txt``/``.html``), or the
rules extractor through the pipeline. A target may report bad input (a
``ReadError``, a ``DecodeError``, a failed document) but must never raise.

    pip install atheris
    python fuzz/atheris_inputs.py -atheris_runs=200000 -max_len=4096
    nox -s fuzz                     # Hypothesis profile "fuzz", then this

atheris ships wheels for Linux and macOS; elsewhere it needs clang to build.
"""

from __future__ import annotations

import contextlib
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports():
    from alliancekit.io.decoding import DecodeError, decode_text
    from alliancekit.io.markup import html_to_text
    from alliancekit.io.readers import ReadError, read_documents
    from alliancekit.model import Document
    from alliancekit.pipeline import run
    from alliancekit.plugins import Plugins

_PLUGINS = Plugins.create(load_entrypoints=False)
_FOLDER = Path(tempfile.mkdtemp(prefix="alliancekit-fuzz-"))
_NAMES = ("a.jsonl", "a.txt", "a.html", "a.csv")


def _read(name: str, data: bytes) -> None:
    path = _FOLDER / name
    path.write_bytes(data)
    for item in read_documents([path]):
        if not isinstance(item, Document | ReadError):
            raise AssertionError(f"read_documents yielded a {type(item).__name__}")


def test_one_input(data: bytes) -> None:
    """One fuzzing input: its first byte picks the target, the rest is the input."""
    if not data:
        return
    target, rest = data[0] % 5, data[1:]
    if target == 0:
        with contextlib.suppress(DecodeError):
            decode_text(rest)
    elif target == 1:
        html_to_text(rest.decode("utf-8", errors="replace"))
    elif target in (2, 3):
        _read(_NAMES[(target - 2) * 2 + (len(rest) % 2)], rest)
    else:
        text = rest.decode("utf-8", errors="replace")
        [result] = run([Document("fuzz", text)], plugins=_PLUGINS)
        if result.error is not None or result.rejected:
            raise AssertionError(f"the rules extractor failed: {result.error} {result.rejected}")


def main() -> None:
    """Fuzz until atheris's run limit or the first crash."""
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
