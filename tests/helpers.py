"""Small pieces several test modules share: a toy extractor's events and the command in a subprocess.

Imported as ``helpers`` (the tests folder is on ``sys.path``, as for
``strategies``).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import alliancekit
from alliancekit.model import Actor, ActorKind, Document, Event, EventType, Evidence, Participant, TimeSpan

__all__ = [
    "SOURCE_ROOT",
    "command_environment",
    "console_script",
    "meetings",
    "of_type",
    "only",
    "persons",
    "run_python",
]

SOURCE_ROOT = Path(alliancekit.__file__).parent.parent
"""The folder the ``alliancekit`` package is imported from (``src/``)."""

_MET = re.compile(r"(\w+) met (\w+)\.")

# What pip writes into bin/alliancekit: the script's own folder, not the current one, goes on sys.path.
_CONSOLE_SCRIPT = """\
import re
import sys
from alliancekit.cli import main
if __name__ == "__main__":
    sys.argv[0] = re.sub(r"(-script\\.pyw|\\.exe)?$", "", sys.argv[0])
    sys.exit(main())
"""


def meetings(document: Document, *, time: TimeSpan | None = None) -> list[Event]:
    """One occurred meeting between ``A`` and ``B`` for every ``"A met B."`` in the text.

    >>> [p.actor.name for p in meetings(Document("d", "Abe met Lee."))[0].participants]
    ['Abe', 'Lee']
    """
    return [
        Event(
            "meeting",
            "occurred",
            [Participant(Actor(match[1])), Participant(Actor(match[2]))],
            time=time,
            evidence=[Evidence.from_text(document.text, match.start(), match.end())],
        )
        for match in _MET.finditer(document.text)
    ]


def console_script(folder: Path) -> Path:
    """Write the ``alliancekit`` command, as pip installs it, into ``folder``; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "alliancekit"
    script.write_text(_CONSOLE_SCRIPT, encoding="utf-8")
    return script


def command_environment(*extra_paths: Path, drop: Sequence[str] = ()) -> dict[str, str]:
    """This process's environment less ``drop``, where the package and ``extra_paths`` import.

    ``PYTHONPATH`` names only those: an empty entry in it would put the current directory on ``sys.path``.
    """
    environment = {key: value for key, value in os.environ.items() if key not in drop}
    environment["PYTHONPATH"] = os.pathsep.join([str(SOURCE_ROOT), *map(str, extra_paths)])
    return environment


def run_python(
    *arguments: str | Path,
    environment: Mapping[str, str],
    cwd: Path | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """Run this Python with ``arguments`` (a script and its arguments, ``-m ...``) to its end, as text.

    ``timeout`` only keeps a broken run from hanging the suite; nothing is timed.
    """
    return subprocess.run(
        [sys.executable, *map(str, arguments)],
        env=dict(environment),
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def persons(event: Event) -> set[str]:
    """The names of an event's participants that are people."""
    return {p.actor.name for p in event.participants if p.actor.kind is ActorKind.PERSON}


def of_type(events: list[Event], kind: EventType) -> list[Event]:
    """The events of one type, in order."""
    return [e for e in events if e.type is kind]


def only(events: list[Event], kind: EventType) -> Event:
    """The one event of a type; the test fails (listing them) when there are none or several."""
    found = of_type(events, kind)
    assert len(found) == 1, found
    return found[0]
