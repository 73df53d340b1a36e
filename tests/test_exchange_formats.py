"""PLOVER records, CAMEO tables and Parquet: written, then read back with the libraries their users use."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path
from typing import Any

import jsonschema
import pandas
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner, Result

from alliancekit.cli import main
from alliancekit.io import parquet as parquet_module
from alliancekit.io.cameo import CAMEO_COLUMNS, write_cameo
from alliancekit.io.parquet import EVENT_COLUMNS, event_schema, write_parquet
from alliancekit.io.plover import PLOVER_FIELDS, plover_record
from alliancekit.io.sources import SourceInfo
from alliancekit.model import Actor, Event, Evidence, Location, Participant, TimeSpan
from webpages import STORIES

SCHEMA = json.loads((Path(__file__).parent / "schemas" / "plover_record.schema.json").read_text("utf-8"))
ROOT = Path(__file__).resolve().parent.parent
TEXT = "Motegi visited Washington on Monday and met Rubio."
MOTEGI = Actor("Toshimitsu Motegi", country="JPN", title="Foreign Minister", kb_id="jpn/motegi")
RUBIO = Actor("Marco Rubio", country="USA", title="Secretary of State", kb_id="usa/rubio")


def _event(kind: str, status: str, *roles: str, **fields: Any) -> Event:
    actors = [MOTEGI, RUBIO]
    return Event(
        kind,
        status,
        [Participant(actor, role) for actor, role in zip(actors, roles, strict=False)],
        evidence=[Evidence.from_text(TEXT, 0, 25)],
        document_id="kyodo-1",
        extractor="rules",
        **fields,
    )


def _invoke(*args: object) -> Result:
    return CliRunner().invoke(main, [str(arg) for arg in args])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The stories written for the tests, each with its sidecar, and the seed articles."""
    folder = tmp_path_factory.mktemp("corpus")
    for name, (text, published) in STORIES.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        meta = {
            "published": published.isoformat(),
            "outlet": "Harbour",
            "url": f"https://harbour.example/{name}",
        }
        (folder / f"{name}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    for path in (ROOT / "seeds").glob("*"):
        if not path.name.endswith(".gold.json"):
            (folder / path.name).write_bytes(path.read_bytes())
    return folder


# --------------------------------------------------------------------------- PLOVER


def test_every_plover_record_of_a_corpus_follows_the_specification(corpus: Path) -> None:
    result = _invoke("extract", corpus, "--format", "plover")

    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) > 5
    for record in records:
        jsonschema.validate(record, SCHEMA)
        assert tuple(record) == PLOVER_FIELDS
    assert len({record["id"] for record in records}) == len(records)
    cited = [r for r in records if r["alliancekit"]["document_id"] == "seoul"]
    assert cited[0]["cite_info"] == {
        "url": "https://harbour.example/seoul",
        "publication": "Harbour",
        "language": "en",
    }


def test_a_visit_has_the_visitor_as_actor_the_host_as_recipient() -> None:
    event = _event("visit", "occurred", "visitor", "host", time=TimeSpan.day(dt.date(2026, 3, 2)))
    record = plover_record(event)
    assert record["event"] == ["CONSULT"]
    assert record["mode"] == ["visit"]
    assert [e["identifier_text"] for e in record["actor"]] == ["Toshimitsu Motegi"]
    assert [(e["code"], e["office"], e["identifier_id"]) for e in record["recipient"]] == [
        ("USA", "Secretary of State", "usa/rubio")
    ]
    assert (record["date"], record["enddate"], record["event_scale"], record["quad_code"]) == (
        "2026-03-02",
        None,
        4.0,
        1,
    )
    assert record["text_info"] == {"start": 0, "end": 25}
    assert record["event_text"] == ["Motegi visited Washington"]


def test_a_visit_without_a_host_names_the_country_visited() -> None:
    event = _event(
        "visit", "occurred", "visitor", location=Location("Washington", "USA", "Washington", "city")
    )
    record = plover_record(event)
    assert [(e["code"], e["kind"]) for e in record["recipient"]] == [("USA", "country")]
    assert record["event_loc"] == {
        "extracted_place": "Washington",
        "resolved_place": "Washington",
        "country_code": "USA",
    }


def test_a_meeting_has_every_participant_as_actor_and_no_mode() -> None:
    record = plover_record(_event("meeting", "occurred", "participant", "participant"))
    assert [len(record["actor"]), len(record["recipient"]), record["mode"]] == [2, 0, []]


def test_a_call_is_a_consultation_by_phone() -> None:
    record = plover_record(_event("call", "occurred", "participant", "participant"))
    assert (record["event"], record["mode"], record["event_scale"]) == (["CONSULT"], ["phone"], 1.5)


def test_planned_engagements_and_invitations_are_agreements() -> None:
    planned = plover_record(_event("visit", "planned", "visitor"))
    invitation = plover_record(_event("invitation", "occurred", "invitee", "inviter"))
    assert (planned["event"], planned["mode"]) == (["AGREE"], [])
    assert invitation["event"] == ["AGREE"]
    assert [e["role"] for e in invitation["actor"]] == ["inviter"]
    assert [e["role"] for e in invitation["recipient"]] == ["invitee"]


def test_a_cancelled_engagement_carries_the_negation_context() -> None:
    record = plover_record(_event("visit", "cancelled", "visitor"))
    assert record["context"] == ["diplomatic", "negation"]
    assert record["alliancekit"]["status"] == "cancelled"


def test_an_event_without_a_resolved_time_is_dated_by_its_story() -> None:
    event = _event("meeting", "occurred", "participant", time=TimeSpan.unresolved("soon"))
    record = plover_record(event, SourceInfo(dt.date(2026, 1, 13), "Kyodo", "https://k.example/1"))
    assert (record["date"], record["alliancekit"]["story_date"]) == ("2026-01-13", "2026-01-13")
    assert record["alliancekit"]["time"] == {"start": None, "end": None, "granularity": None, "text": "soon"}
    jsonschema.validate(record, SCHEMA)


# --------------------------------------------------------------------------- CAMEO


def test_a_cameo_table_reads_back_with_the_icews_columns(corpus: Path) -> None:
    result = _invoke("extract", corpus, "--format", "cameo")

    assert result.exit_code == 0, result.output
    table = pandas.read_csv(io.StringIO(result.stdout), sep="\t", dtype=str, keep_default_na=False)
    assert tuple(table.columns) == CAMEO_COLUMNS
    assert len(table) > 5
    assert set(table["CAMEO Code"]) <= {"036", "040", "042", "043"}
    assert table["Event ID"].is_unique
    seoul = table[table["Story ID"] == "seoul"]
    assert set(seoul["Publisher"]) == {"Harbour"}
    assert set(seoul["Source Country"]) | set(seoul["Target Country"]) == {"South Korea", "United States"}


def test_a_meeting_of_two_is_a_dyad_each_way_and_a_visit_one_way() -> None:
    buffer = io.StringIO()
    events = [
        _event("meeting", "occurred", "participant", "participant"),
        _event("visit", "occurred", "visitor", "host", time=TimeSpan.day(dt.date(2026, 3, 2))),
        _event("meeting", "occurred", "guest", "host", cameo="043"),
        _event("visit", "planned", "visitor", "host"),
    ]
    assert write_cameo(events, buffer) == 4
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue()), delimiter="\t"))
    assert [(r["Source Name"], r["Target Name"], r["CAMEO Code"], r["Intensity"]) for r in rows] == [
        ("Toshimitsu Motegi", "Marco Rubio", "040", "1.0"),
        ("Marco Rubio", "Toshimitsu Motegi", "040", "1.0"),
        ("Toshimitsu Motegi", "Marco Rubio", "042", "1.9"),
        ("Marco Rubio", "Toshimitsu Motegi", "043", "2.8"),
        ("Toshimitsu Motegi", "Marco Rubio", "036", "4.0"),
    ]
    assert rows[2]["Event Date"] == "2026-03-02"
    assert rows[4]["Status"] == "planned"


# --------------------------------------------------------------------------- Parquet


def test_a_parquet_table_reads_back_with_its_documented_schema(corpus: Path, tmp_path: Path) -> None:
    output = tmp_path / "events.parquet"

    result = _invoke("extract", corpus, "--format", "parquet", "--output", output)

    assert result.exit_code == 0, result.output
    table = pq.read_table(output)
    assert table.schema.equals(event_schema())
    assert table.schema.names == [name for name, _, _ in EVENT_COLUMNS]
    frame = pandas.read_parquet(output)
    assert len(frame) == table.num_rows > 5
    seoul = frame[frame["document_id"] == "seoul"].iloc[0]
    assert (seoul["type"], seoul["outlet"], seoul["published"]) == ("call", "Harbour", dt.date(2025, 2, 4))
    assert sorted(seoul["countries"]) == ["KOR", "USA"]
    assert {p["name"] for p in seoul["participants"]} == {"Cho Tae-yul", "Marco Rubio"}
    assert seoul["evidence"][0]["text"] in (corpus / "seoul.txt").read_text(encoding="utf-8")


def test_an_empty_parquet_table_still_has_its_schema() -> None:
    stream = io.TextIOWrapper(io.BytesIO())
    assert write_parquet([], stream) == 0
    table = pq.read_table(io.BytesIO(stream.buffer.getvalue()))  # type: ignore[attr-defined]
    assert table.num_rows == 0
    assert table.schema.equals(event_schema())


def test_the_store_writes_events_and_engagements_as_parquet(corpus: Path, tmp_path: Path) -> None:
    database = tmp_path / "events.db"
    assert _invoke("extract", corpus, "--store", database).exit_code == 0

    per_event = ("--level", "events", "--format", "parquet", "-o", tmp_path / "e.pq")
    events = _invoke("events", "--store", database, *per_event)
    engagements = _invoke("events", "--store", database, "--format", "parquet", "-o", tmp_path / "g.pq")

    assert events.exit_code == engagements.exit_code == 0, events.output + engagements.output
    table = pq.read_table(tmp_path / "e.pq")
    assert table.schema.equals(event_schema())
    assert set(table.column("outlet").to_pylist()) >= {"Harbour"}
    grouped = pandas.read_parquet(tmp_path / "g.pq")
    assert len(grouped) >= 3
    assert grouped["reports"].min() >= 1
    assert all(len(documents) >= 1 for documents in grouped["documents"])


def test_the_store_writes_plover_and_cameo_per_event_only(corpus: Path, tmp_path: Path) -> None:
    database = tmp_path / "events.db"
    assert _invoke("extract", corpus, "--store", database).exit_code == 0

    plover = _invoke("events", "--store", database, "--level", "events", "--format", "plover")
    refused = _invoke("events", "--store", database, "--format", "cameo")

    assert plover.exit_code == 0, plover.output
    records = [json.loads(line) for line in plover.stdout.splitlines()]
    for record in records:
        jsonschema.validate(record, SCHEMA)
    assert "Harbour" in {record["cite_info"]["publication"] for record in records}
    assert refused.exit_code == 2
    assert "--format cameo writes events: add --level events" in refused.stderr


def test_parquet_is_not_written_to_a_terminal() -> None:
    class Terminal(io.TextIOWrapper):
        def isatty(self) -> bool:
            return True

    with pytest.raises(ValueError, match="Parquet is binary"):
        write_parquet([], Terminal(io.BytesIO()))
    with pytest.raises(TypeError, match="Parquet is binary"):
        write_parquet([], io.StringIO())


def test_parquet_without_pyarrow_is_one_clear_error_before_reading(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing() -> None:
        raise ImportError("the Parquet format needs pyarrow: pip install 'alliancekit[parquet]'")

    monkeypatch.setattr(parquet_module, "_pyarrow", missing)

    result = _invoke("extract", corpus, "--format", "parquet", "-o", tmp_path / "x.parquet")

    assert result.exit_code == 1
    assert "needs pyarrow: pip install 'alliancekit[parquet]'" in result.stderr
    assert "documents read" not in result.stderr
