"""Fuzzing: no input, and no plugin output, makes the readers or the pipeline raise.

Property tests with modest example counts; ``nox -s fuzz`` runs them (and
every other property test) under the ``fuzz`` Hypothesis profile, with
thousands of examples each.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.io.decoding import DecodeError, decode_text
from alliancekit.io.markup import html_to_text
from alliancekit.io.readers import ReadError, parse_published, read_documents
from alliancekit.model import Document, Event
from alliancekit.pipeline import run
from alliancekit.plugins import Plugins
from alliancekit.serialize import EVENT_SCHEMA, event_problems, schema_problems, unstructure_event
from strategies import arbitrary_texts, events, news_texts

pytestmark = pytest.mark.property

_FUZZING = os.environ.get("HYPOTHESIS_PROFILE") == "fuzz"


def examples(count: int) -> int:
    """``count`` examples in an ordinary run; the active profile's many under ``fuzz``."""
    return settings.default.max_examples if _FUZZING else count


# --------------------------------------------------------------------------- inputs

_HTML_PIECES = st.sampled_from(
    [
        "<html>",
        "<!DOCTYPE html>",
        "<p>",
        "</p>",
        "<br>",
        "<script>",
        "</script>",
        "<style>",
        "<!--",
        "-->",
        "<a href='",
        '<meta charset="latin-1">',
        '<meta property="article:published_time" content="2026-02-30">',
        "&amp;",
        "&#",
        "&#x110000;",
        "<",
        ">",
        "</",
        "<![CDATA[",
        "<?xml",
        "Abe met Biden.",
        "\x00",
        "\ufeff",
    ]
)
_html = st.lists(_HTML_PIECES | st.text(max_size=20), max_size=40).map("".join)
_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=10,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": _json_values,
        "text": st.text(max_size=200) | _html | _json_values,
        "published": st.dates().map(str) | st.text(max_size=25) | _json_values,
        "outlet": _json_values,
        "url": _json_values,
    },
)
_jsonl_bytes = st.lists(_records.map(json.dumps).map(str.encode) | st.binary(max_size=40), max_size=6).map(
    b"\n".join
)
_text_bytes = st.one_of(
    st.binary(max_size=300),
    st.tuples(st.text(max_size=100), st.sampled_from(["utf-8", "utf-16", "utf-32", "latin-1", "cp1252"])).map(
        lambda pair: pair[0].encode(pair[1], errors="replace")
    ),
    _html.map(lambda text: text.encode("utf-8", errors="replace")),
)
_files = st.one_of(
    st.tuples(st.sampled_from(["a.txt", "a.html", "a.csv"]), _text_bytes),
    st.tuples(st.just("a.jsonl"), _jsonl_bytes | _text_bytes),
    st.tuples(st.sampled_from(["a.txt.gz", "a.jsonl.gz", "a.csv.gz"]), _text_bytes.map(gzip.compress)),
    st.tuples(st.sampled_from(["a.txt.gz", "a.jsonl.gz"]), st.binary(max_size=100)),  # corrupt gzip
)
_sidecars = st.none() | _records.map(json.dumps).map(str.encode) | st.binary(max_size=50)


@settings(max_examples=examples(150), suppress_health_check=[HealthCheck.too_slow])
@given(_files, _sidecars)
def test_readers_yield_documents_or_read_errors_whatever_the_bytes(
    file: tuple[str, bytes], sidecar: bytes | None
) -> None:
    name, content = file
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(content)
        if sidecar is not None:
            (Path(folder) / "a.meta.json").write_bytes(sidecar)
        items = list(read_documents([Path(folder)]))
    assert items
    for item in items:
        assert isinstance(item, Document | ReadError)
        if isinstance(item, Document):
            assert item.text.strip()
            assert item.id


@settings(max_examples=examples(200))
@given(
    st.binary(max_size=200), st.none() | st.sampled_from(["latin-1", "utf-16", "shift_jis", "cp1252", "nope"])
)
def test_decoding_raises_only_decode_errors(raw: bytes, declared: str | None) -> None:
    try:
        text = decode_text(raw, declared=declared)
    except DecodeError as error:
        text = error.message  # the reason, never empty
    assert text.strip()


@settings(max_examples=examples(200))
@given(_html | st.text())
def test_html_conversion_never_raises(markup: str) -> None:
    page = html_to_text(markup)
    assert isinstance(page.text, str)
    assert "<!--" not in page.text


@settings(max_examples=examples(200))
@given(
    _json_values
    | st.dates().map(str)
    | st.datetimes().map(str)
    | st.text(alphabet="0123456789-T:+Z ", max_size=30)
)
def test_publication_dates_parse_or_raise_a_value_error(value: Any) -> None:
    parsed: object
    try:
        parsed = parse_published(value)
    except ValueError as error:
        parsed = str(error)
    assert parsed is None or isinstance(parsed, dt.date) or parsed.startswith("published ")


# --------------------------------------------------------------------------- plugin output


@st.composite
def _junk(draw: st.DrawFn, text: str) -> object:
    """Something an extractor might return: an event, a damaged event, or anything at all."""
    kind = draw(st.sampled_from(["event", "damaged", "other"]))
    if kind == "other":
        return draw(_json_values | st.builds(object) | st.just(Document("x", "y")))
    event = draw(events(text))
    if kind == "damaged":
        field = draw(st.sampled_from([field.name for field in attrs.fields(Event)]))
        object.__setattr__(event, field, draw(_json_values | st.builds(object)))
    return event


class Chaotic:
    """Returns whatever the running test put in :attr:`returns`."""

    name = "chaotic"
    returns: list[object] = []  # noqa: RUF012 - set by the test

    def extract(self, document: Document, context: ExtractionContext) -> list[object]:
        return self.returns


class ChaosPlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("chaotic", Chaotic)


_CHAOS = Plugins.create(load_entrypoints=False, extra=[ChaosPlugin()])


@settings(max_examples=examples(50), suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=80), st.data())
def test_pipeline_keeps_only_valid_events_whatever_an_extractor_returns(
    text: str, data: st.DataObject
) -> None:
    Chaotic.returns = returned = data.draw(st.lists(_junk(text), max_size=6))
    [result] = run([Document("doc", text)], extractor="chaotic", plugins=_CHAOS)

    assert result.error is None
    assert len(result.events) + len(result.rejected) == len(returned)
    for event in result.events:
        assert event_problems(event) == []
        assert event.evidence_matches(text)
        assert event.document_id == "doc"


_VALIDATOR = Draft202012Validator(EVENT_SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)


@settings(max_examples=examples(100))
@given(
    events(),
    st.lists(st.tuples(st.sampled_from(sorted(EVENT_SCHEMA["properties"])), _json_values), max_size=2),
)
def test_the_built_in_schema_check_rejects_whatever_jsonschema_rejects(
    event: Event, changes: list[tuple[str, Any]]
) -> None:
    data = json.loads(json.dumps(unstructure_event(event)))
    for key, value in changes:
        data[key] = value
    if not _VALIDATOR.is_valid(data):
        assert schema_problems(data)


# --------------------------------------------------------------------------- the rules extractor and the CLI


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(arbitrary_texts() | news_texts(), st.none() | st.dates())
def test_rules_extractor_never_fails_a_document_on_hostile_text(text: str, published: dt.date | None) -> None:
    [result] = run([Document("d", text, published)], plugins=_CHAOS)
    assert result.ok, (result.error, result.rejected)


@settings(max_examples=examples(30), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_jsonl_bytes)
def test_cli_extract_exits_zero_or_one_on_any_corpus(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "corpus.jsonl"
        path.write_bytes(content)
        result = CliRunner().invoke(main, ["extract", str(path), "--timeout", "0"])
    assert result.exit_code in (0, 1), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith("documents read: ")
