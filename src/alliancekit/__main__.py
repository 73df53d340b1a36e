"""``python -m alliancekit``: the ``alliancekit`` command, for when its script is not on the path."""

from alliancekit.cli import main

if __name__ == "__main__":  # pragma: no cover - run as a program
    main(prog_name="alliancekit")
