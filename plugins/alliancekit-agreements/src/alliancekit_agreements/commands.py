"""The defense knowledge base: military commands and their commanders, read from ``data/commands.json``.

alliancekit's knowledge base knows ministers, leaders and many commanders;
alliance news also names the commands themselves ("U.S. Forces Japan",
"Joint Operations Command"). The file lists the commands and their
commanders; :func:`new_records` leaves out the people alliancekit already
ships, so that one person never has two records (two records for one name
would make "who commands U.S. Forces Japan?" ambiguous) and the plugin still
knows the commanders when it runs with an older alliancekit.

>>> records = load_commands()
>>> [r.name for r in records if r.kind == "organization"][:2]
['U.S. Indo-Pacific Command', 'U.S. Forces Japan']
>>> jost = next(r for r in records if r.family_name == "Jost")
>>> jost.title_on(dt.date(2025, 1, 1))
'Commander, U.S. Forces Japan'
"""

from __future__ import annotations

import datetime as dt
import json
from importlib import resources
from typing import Any

from alliancekit.actors import ActorRecord, Position, load_builtin_actors, name_key

__all__ = ["load_commands", "new_records"]


def _date(value: Any) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(str(value))


def _record(entry: dict[str, Any]) -> ActorRecord:
    positions = tuple(
        Position(p["title"], _date(p.get("start")), _date(p.get("end"))) for p in entry.get("positions", ())
    )
    return ActorRecord(
        id=entry["id"],
        name=entry["name"],
        country=entry.get("country"),
        kind=entry.get("kind", "person"),
        family_name=entry.get("family_name"),
        given_name=entry.get("given_name"),
        aliases=tuple(entry.get("aliases", ())),
        positions=positions,
    )


def load_commands() -> list[ActorRecord]:
    """The commands and commanders shipped with the plugin."""
    text = (
        resources.files("alliancekit_agreements")
        .joinpath("data", "commands.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return [_record(entry) for entry in data["actors"]]


def new_records(records: list[ActorRecord]) -> list[ActorRecord]:
    """The records whose names (and aliases) alliancekit's own knowledge base does not have.

    >>> [r.name for r in new_records(load_commands())][:2]
    ['U.S. Indo-Pacific Command', 'U.S. Forces Japan']
    """
    known = {name_key(name) for record in load_builtin_actors() for name in (record.name, *record.aliases)}
    return [record for record in records if not {name_key(n) for n in (record.name, *record.aliases)} & known]
