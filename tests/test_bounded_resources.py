"""Memory and time stay bounded, whatever one input holds.

A small ``.gz`` that expands to gigabytes, a JSON line or CSV row of
gigabytes, an HTML page that is slow to convert: each is reported and
skipped, within a stated size (``--max-document-size``) and time
(``--timeout``), and the next input is read. These tests assert the
behaviour (what is read, what is reported, how much memory is held), not
speed: ``nox -s adversarial`` measures how time grows.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from alliancekit.cli import main
from alliancekit.engagements import MergeRules, ReportKey, cluster, link_outcomes
from alliancekit.io.markup import HtmlPage, html_to_text
from alliancekit.io.readers import (
    MAX_DOCUMENT_BYTES,
    ReadError,
    ReadLimits,
    parse_size,
    read_csv,
    read_documents,
    read_jsonl,
)
from alliancekit.model import Document
from alliancekit.plugins import Plugins
from test_hostile_inputs import StubPlugin

GOOD = "Foreign Minister Taro Kono met Secretary of State Marco Rubio in Tokyo on Monday."
LIMIT = ReadLimits(max_bytes=1 << 20)  # 1 MiB, so that the tests stay small
MiB = 1 << 20
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _summary(items: Iterator[Document | ReadError]) -> list[str]:
    return [item.id if isinstance(item, Document) else f"error:{item.line}:{item.message}" for item in items]


def _peak(action: Callable[[], object]) -> tuple[object, int]:
    """What ``action`` returns, and the most memory it held at once (bytes, by tracemalloc)."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _gzip_stream(path: Path, parts: list[bytes | tuple[bytes, int]]) -> None:
    """Write a gzip file of ``parts``; ``(chunk, n)`` repeats ``chunk`` n times without building it."""
    with gzip.open(path, "wb", compresslevel=1) as handle:
        for part in parts:
            if isinstance(part, tuple):
                chunk, count = part
                for _ in range(count):
                    handle.write(chunk)
            else:
                handle.write(part)


# --------------------------------------------------------------------------- the size limit


def test_the_default_limit_is_16_mib() -> None:
    assert ReadLimits().max_bytes == MAX_DOCUMENT_BYTES == 16 * MiB


def test_a_small_gz_article_expanding_past_the_limit_is_reported_without_being_held(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.txt.gz"
    _gzip_stream(bomb, [(b"Nothing happened. " * 4096, 64 * 18)])  # about 80 MiB of text
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")

    items, peak = _peak(lambda: _summary(read_documents([tmp_path], limits=LIMIT)))

    assert items == [
        "error:None:an article larger than the limit of 1 MiB once decompressed "
        "(--max-document-size); not read",
        "good",
    ]
    assert peak < 8 * MiB


def test_a_jsonl_gz_line_larger_than_the_limit_costs_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl.gz"
    before = json.dumps({"id": "before", "text": GOOD}).encode() + b"\n"
    after = json.dumps({"id": "after", "text": GOOD}).encode() + b"\n"
    _gzip_stream(path, [before, b'{"id": "huge", "text": "', (b"x" * MiB, 40), b'"}\n', after])

    items, peak = _peak(lambda: _summary(read_jsonl(path, limits=LIMIT)))

    assert items == [
        "before",
        "error:2:a line larger than the limit of 1 MiB (--max-document-size); not read",
        "after",
    ]
    assert peak < 8 * MiB


def test_a_csv_gz_line_larger_than_the_limit_costs_that_row_only(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv.gz"
    _gzip_stream(
        path,
        [b"id,text\r\nbefore,", GOOD.encode(), b"\r\nhuge,", (b"x" * MiB, 40), b"\r\nafter,", GOOD.encode()],
    )

    items, peak = _peak(lambda: _summary(read_csv(path, limits=LIMIT)))

    assert items == [
        "before",
        "error:3:a line larger than the limit of 1 MiB (--max-document-size); not read",
        "after",
    ]
    assert peak < 8 * MiB


def test_a_quoted_csv_field_running_past_the_limit_stops_the_file_with_an_error(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(f'id,text\nbefore,{GOOD}\nunclosed,"{GOOD}\n')
        for _ in range(20_000):  # 20,000 lines of 100 characters inside one quoted field
            handle.write("x" * 99 + "\n")

    items = _summary(read_csv(path, limits=LIMIT))

    assert items == [
        "before",
        "error:3:a record of several lines larger than the limit of 1 MiB (--max-document-size); "
        "not read, nor the rest of the file",
    ]


def test_a_document_at_the_limit_is_read_and_one_byte_more_is_not(tmp_path: Path) -> None:
    limits = ReadLimits(max_bytes=1000)
    body = (GOOD + " ") * 20
    (tmp_path / "a.txt").write_text(body[:1000], encoding="utf-8")
    (tmp_path / "b.txt").write_text(body[:1001], encoding="utf-8")

    items = _summary(read_documents([tmp_path], limits=limits))

    assert items == [
        "a",
        "error:None:an article larger than the limit of 1000 bytes (--max-document-size); not read",
    ]


@pytest.mark.parametrize(("text", "size"), [("16M", 16 * MiB), ("512k", 512 * 1024), ("2 GB", 2 << 30)])
def test_sizes_are_read_with_their_units(text: str, size: int) -> None:
    assert parse_size(text) == size


def test_the_command_line_limit_skips_what_is_larger_and_goes_on(
    tmp_path: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())
    (tmp_path / "big.txt").write_text("Kim met Moon. " * 100_000, encoding="utf-8")
    (tmp_path / "small.txt").write_text("Rubio met Motegi.", encoding="utf-8")

    result = CliRunner().invoke(
        main, ["extract", str(tmp_path), "--extractor", "stub", "--max-document-size", "1M"]
    )

    assert result.exit_code == 1
    assert [json.loads(line)["document_id"] for line in result.stdout.splitlines()] == ["small"]
    assert "big.txt: an article larger than the limit of 1 MiB (--max-document-size)" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "documents read: 1, failed: 1, events written: 1"


def test_a_size_that_is_not_one_is_a_usage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--max-document-size", "lots"])

    assert result.exit_code == 2
    assert "not a size: 'lots'" in result.stderr


# --------------------------------------------------------------------------- the time limit


def _slow_page(markup: str, **options: object) -> HtmlPage:
    """Stands for a conversion that takes far too long (it would stop by itself after 30 s)."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        pass
    return HtmlPage("Abe met Lee.")


def test_reading_an_input_that_takes_longer_than_the_time_limit_is_stopped_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alliancekit.io.readers as readers

    monkeypatch.setattr(readers, "main_text", _slow_page)
    (tmp_path / "a_slow.html").write_text("<p>Abe met Lee.</p>", encoding="utf-8")
    (tmp_path / "b_good.txt").write_text(GOOD, encoding="utf-8")
    lines = [
        json.dumps({"id": "slow", "text": "<html><p>x</p></html>"}),
        json.dumps({"id": "ok", "text": GOOD}),
    ]
    (tmp_path / "c.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    items = _summary(read_documents([tmp_path], limits=ReadLimits(seconds=0.5)))

    stopped = "reading took longer than 0.5 s; stopped (see --timeout)"
    assert items == [f"error:None:{stopped}", "b_good", f"error:1:{stopped}", "ok"]


def test_the_command_line_timeout_also_limits_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, install_plugins: Callable[..., Plugins]
) -> None:
    import alliancekit.io.readers as readers

    install_plugins(StubPlugin())
    monkeypatch.setattr(readers, "main_text", _slow_page)
    (tmp_path / "a_slow.html").write_text("<p>Abe met Lee.</p>", encoding="utf-8")
    (tmp_path / "b_good.txt").write_text("Rubio met Motegi.", encoding="utf-8")

    result = CliRunner().invoke(main, ["extract", str(tmp_path), "--extractor", "stub", "--timeout", "0.5"])

    assert result.exit_code == 1
    assert "a_slow.html: reading took longer than 0.5 s; stopped (see --timeout)" in result.stderr
    assert result.stderr.strip().splitlines()[-1] == "documents read: 1, failed: 1, events written: 1"


# --------------------------------------------------------------------------- linear HTML conversion


class _ScanCountingList(list[str]):
    """A list that counts the elements its searches and copies go through."""

    scanned = 0

    def __contains__(self, item: object) -> bool:
        _ScanCountingList.scanned += len(self)
        return super().__contains__(item)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            _ScanCountingList.scanned += len(self)
        return super().__getitem__(index)

    def index(self, *arguments: Any) -> int:
        _ScanCountingList.scanned += len(self)
        return super().index(*arguments)


@pytest.mark.parametrize(
    "markup",
    [
        "<svg>" * 5000 + "</svg>" * 5000,
        "<svg>" * 5000 + "</math>" * 5000,
        "<svg><template>" * 2500 + "</svg>" * 2500,
    ],
    ids=["nested", "never-closed", "interleaved"],
)
def test_closing_nested_hidden_elements_takes_work_linear_in_the_page(
    markup: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alliancekit.io.markup as markup_module

    original_init = markup_module._TextParser.__init__

    def watched_init(self: Any) -> None:
        original_init(self)
        self._hidden = _ScanCountingList()

    monkeypatch.setattr(markup_module._TextParser, "__init__", watched_init)
    _ScanCountingList.scanned = 0

    page = markup_module.html_to_text(markup + "<p>Abe met Lee.</p>")

    assert _ScanCountingList.scanned <= 4 * len(markup)  # quadratic: about 10,000 x 5,000
    assert page.text == ("" if "math" in markup else "Abe met Lee.")


def test_hidden_elements_close_with_whatever_they_left_open() -> None:
    page = html_to_text("<svg><g><svg>icon</svg>label</g></svg><p>Abe <template>x</template>met Lee.</p>")

    assert page.text == "Abe met Lee."


# --------------------------------------------------------------------------- linear line joining


def test_joining_many_lower_case_lines_looks_at_each_character_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import alliancekit.rules.text as text_module

    looked_at = 0
    original = text_module.is_headline

    def counting(line: str) -> bool:
        nonlocal looked_at
        looked_at += len(line)
        return original(line)

    monkeypatch.setattr(text_module, "is_headline", counting)
    text = "officials discussed the alliance and\n" * 2000 + "they met in Tokyo on Monday.\n"

    sentences = text_module.body_sentences(text)

    assert looked_at <= 4 * len(text)  # quadratic: about 1,000 x the text
    assert sentences[0].start == 0
    assert sentences[-1].text.endswith("they met in Tokyo on Monday.")


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("x\nx\n", ["x\nx"]),
        ("Talks end\nin Tokyo.\nNext line\n", ["Talks end\nin Tokyo.", "Next line"]),
        ("Abe met Lee.\nthey talked.\n", ["Abe met Lee.", "they talked."]),
    ],
)
def test_a_line_that_stops_mid_sentence_joins_the_lower_case_lines_after_it(
    text: str, lines: list[str]
) -> None:
    from alliancekit.rules.text import _paragraph_lines

    assert [line for _, line in _paragraph_lines(text)] == lines


# --------------------------------------------------------------------------- linear merging


def _keys(count: int) -> list[ReportKey]:
    """Reports of one pair of people: planned and occurred, three days apart, some without dates."""
    day = dt.date(2020, 1, 1)
    keys = []
    for index in range(count):
        status = "planned" if index % 2 else "occurred"
        start = day + dt.timedelta(days=3 * (index // 2))
        if index % 7 == 0:
            keys.append(ReportKey(f"u{index:06d}", "meeting|ab", status, None, None, None))
        else:
            keys.append(ReportKey(f"r{index:06d}", "meeting|ab", status, start, start, None))
    return keys


def test_clustering_the_reports_of_one_block_tries_each_report_on_a_bounded_number_of_engagements(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import alliancekit.engagements as engagements

    tries = 0
    original = engagements._Cluster.accepts

    def counting(self: Any, key: ReportKey, vague: bool, rules: MergeRules) -> bool:
        nonlocal tries
        tries += 1
        return original(self, key, vague, rules)

    monkeypatch.setattr(engagements._Cluster, "accepts", counting)
    keys = _keys(4000)

    clusters = cluster(keys)

    assert tries <= 2 * len(keys)  # quadratic: millions
    assert sorted(key.fingerprint for members in clusters for key in members) == sorted(
        key.fingerprint for key in keys
    )


def test_linking_plans_to_outcomes_looks_at_each_engagement_a_bounded_number_of_times(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import alliancekit.engagements as engagements

    spans = 0
    original = engagements._span

    def counting(members: Any) -> Any:
        nonlocal spans
        spans += 1
        return original(members)

    monkeypatch.setattr(engagements, "_span", counting)
    clusters = cluster(_keys(4000))

    links = link_outcomes(clusters)

    assert spans <= 2 * len(clusters)  # quadratic: plans x outcomes
    assert links  # dated plans find the outcome reported on the same day
    assert all(plan.startswith("er") and outcome.startswith("er") for plan, outcome in links.items())


# --------------------------------------------------------------------------- memory of one extraction

NEWS_BYTES_PER_BYTE = 16
"""The stated bound on news: extracting a document holds at most this many bytes per byte of its text."""
HOSTILE_BYTES_PER_BYTE = 100
"""The stated bound on any text: nothing but trigger words ("met met met ...") takes about 72."""


@pytest.fixture(scope="module")
def warm_plugins() -> Plugins:
    """Plugins whose extractor has run once, so that what it builds on first use is not counted."""
    from alliancekit.pipeline import run

    plugins = Plugins.create(load_entrypoints=False)
    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    list(run([Document("warm-up", seeds, dt.date(2026, 1, 13))], plugins=plugins))
    return plugins


def test_extracting_news_holds_at_most_16_bytes_of_memory_per_byte_of_text(warm_plugins: Plugins) -> None:
    from alliancekit.pipeline import run

    seeds = "\n\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    text = (seeds + "\n\n") * 20  # about 300 KB of news
    document = Document("big", text, dt.date(2026, 1, 13))

    [result], peak = _peak(lambda: list(run([document], plugins=warm_plugins)))

    assert result.ok
    assert result.events
    assert peak <= NEWS_BYTES_PER_BYTE * len(text.encode("utf-8"))


def test_extracting_text_of_nothing_but_trigger_words_holds_at_most_100_bytes_per_byte(
    warm_plugins: Plugins,
) -> None:
    from alliancekit.pipeline import run

    text = "met " * 8_000 + "met Rubio on Monday."
    document = Document("triggers", text, dt.date(2026, 1, 13))

    [result], peak = _peak(lambda: list(run([document], plugins=warm_plugins)))

    assert result.ok
    assert peak <= HOSTILE_BYTES_PER_BYTE * len(text.encode("utf-8"))


# --------------------------------------------------------------------------- linear name lookups


class _SearchCountingText(str):
    """A document text that counts how often it is searched for a substring."""

    searches = 0

    def __contains__(self, part: object) -> bool:
        _SearchCountingText.searches += 1
        return super().__contains__(part)  # type: ignore[operator]


def test_a_document_of_many_bare_surnames_is_searched_for_each_full_name_once(plugins: Plugins) -> None:
    text = _SearchCountingText('"Abe met Lee" ' * 2000 + "met Rubio on Monday.")
    _SearchCountingText.searches = 0
    extractor = plugins.extractor("rules")

    extractor.extract(Document("quotes", text, dt.date(2026, 1, 13)), plugins.context())

    assert _SearchCountingText.searches <= 20  # before: once for each of the 4,000 surnames
