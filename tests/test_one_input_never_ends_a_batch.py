"""No single input ends a batch: whatever goes wrong reading one input is one error naming it.

Each case here stopped a whole run with a traceback before: a file name too
long for its sidecar's name, an encoding that cannot decode text, JSON nested
too deeply or holding an endless number, a sidecar that is a pipe or a
device, and text that is not Unicode (lone surrogates, file names that are
not UTF-8). The good input beside each one is still read, and everything
written out is valid UTF-8.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner

from alliancekit.cli import main
from alliancekit.extractor import ExtractionContext, ExtractorFactory
from alliancekit.hookspecs import hookimpl
from alliancekit.io.readers import ReadError, read_documents
from alliancekit.model import Actor, Document, Event, Participant
from alliancekit.plugins import Plugins
from alliancekit.store import EventStore
from helpers import meetings
from test_hostile_inputs import StubPlugin

GOOD = "Foreign Minister Taro Kono met Secretary of State Marco Rubio in Tokyo on Monday."


def _read(*paths: Path) -> list[Document | ReadError]:
    return list(read_documents(paths))


def _ids_and_errors(items: list[Document | ReadError]) -> tuple[list[str], list[ReadError]]:
    documents = [item.id for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, ReadError)]
    return documents, errors


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder holding one good article, ``zz_good.txt``, read after whatever a test adds."""
    (tmp_path / "zz_good.txt").write_text(GOOD, encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- file names


def test_an_article_whose_sidecar_name_would_be_too_long_is_read_without_one(folder: Path) -> None:
    # Scrapers name files after addresses: 251 characters and ".txt" fill the 255-byte limit,
    # so "<stem>.meta.json" cannot exist.
    stem = "www.example.com-2026-01-13-" + "talks-" * 37
    stem = stem[:251]
    (folder / f"{stem}.txt").write_text(GOOD, encoding="utf-8")

    documents, errors = _ids_and_errors(_read(folder))

    assert errors == []
    assert documents == [stem, "zz_good"]


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_a_file_name_that_is_not_utf8_gives_a_readable_utf8_id_and_output(folder: Path) -> None:
    name = os.fsdecode(b"caf\xe9-talks.txt")  # Latin-1 bytes in a UTF-8 file system
    (folder / name).write_text(GOOD, encoding="utf-8")

    [document, _] = _read(folder)

    assert isinstance(document, Document)
    assert document.id == "caf\\xe9-talks"
    document.id.encode("utf-8")  # no surrogate escapes left


@pytest.mark.skipif(sys.platform != "linux", reason="Linux file names are bytes")
def test_an_error_about_a_file_name_that_is_not_utf8_is_printable(folder: Path) -> None:
    name = os.fsdecode(b"caf\xe9-empty.txt")
    (folder / name).write_bytes(b"")

    [error, _] = _read(folder)

    assert isinstance(error, ReadError)
    assert str(error).endswith("caf\\xe9-empty.txt: empty file")
    str(error).encode("utf-8")


# --------------------------------------------------------------------------- encodings


@pytest.mark.parametrize("encoding", ["undefined", "punycode"])
def test_a_sidecar_encoding_that_cannot_decode_the_article_is_an_error_naming_it(
    folder: Path, encoding: str
) -> None:
    (folder / "a.txt").write_text("Abe met Lee. Then they left.", encoding="utf-8")
    (folder / "a.meta.json").write_text(json.dumps({"encoding": encoding}), encoding="utf-8")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    [error] = errors
    assert error.path == str(folder / "a.txt")
    assert encoding in error.message


def test_an_html_page_declaring_an_undefined_charset_is_an_error_naming_it(folder: Path) -> None:
    page = b'<html><head><meta charset="undefined"></head><body><p>Caf\xe9 talks.</p></body></html>'
    (folder / "page.html").write_bytes(page)

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    [error] = errors
    assert error.path == str(folder / "page.html")
    assert "undefined" in error.message


# --------------------------------------------------------------------------- JSON


def test_json_nested_too_deeply_is_an_error_for_its_line_only(tmp_path: Path) -> None:
    deep = '{"id": "deep", "text": "x", "extra": ' + "[" * 100_000 + "]" * 100_000 + "}"
    lines = [json.dumps({"id": "before", "text": GOOD}), deep, json.dumps({"id": "after", "text": GOOD})]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    documents, errors = _ids_and_errors(_read(path))

    assert documents == ["before", "after"]
    [error] = errors
    assert (error.line, error.message) == (2, "not valid JSON (nested too deeply)")


def test_a_number_of_5000_digits_is_an_error_for_its_line_only(tmp_path: Path) -> None:
    lines = ['{"id": ' + "7" * 5000 + ', "text": "x"}', json.dumps({"id": "after", "text": GOOD})]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    documents, errors = _ids_and_errors(_read(path))

    assert documents == ["after"]
    [error] = errors
    assert error.line == 1
    assert error.message.startswith("not valid JSON (a number too long")


@pytest.mark.parametrize(
    "content",
    [
        '{"published": "2026-01-13", "x": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"published": "2026-01-13", "x": ' + "9" * 5000 + "}",
    ],
    ids=["nested", "long-number"],
)
def test_a_sidecar_nested_too_deeply_or_with_a_long_number_is_an_error_naming_it(
    folder: Path, content: str
) -> None:
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a.meta.json").write_text(content, encoding="utf-8")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    [error] = errors
    assert error.path == str(folder / "a.meta.json")
    assert error.message.startswith("unreadable metadata")


# --------------------------------------------------------------------------- sidecars that are not files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_sidecar_that_is_a_named_pipe_is_an_error_not_a_hang(folder: Path) -> None:
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    os.mkfifo(folder / "a.meta.json")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    assert [(error.path, error.message) for error in errors] == [
        (str(folder / "a.meta.json"), "not a regular file")
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_sidecar_linked_to_an_endless_device_is_an_error_not_a_memory_error(folder: Path) -> None:
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a.meta.json").symlink_to("/dev/zero")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    assert [(error.path, error.message) for error in errors] == [
        (str(folder / "a.meta.json"), "not a regular file")
    ]


def test_a_sidecar_larger_than_any_metadata_is_an_error(folder: Path) -> None:
    (folder / "a.txt").write_text(GOOD, encoding="utf-8")
    (folder / "a.meta.json").write_text('{"outlet": "' + "x" * 2_000_000 + '"}', encoding="utf-8")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    [error] = errors
    assert error.path == str(folder / "a.meta.json")
    assert "larger than" in error.message


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes need POSIX")
def test_a_pipe_with_an_article_name_inside_a_folder_is_reported_not_skipped(folder: Path) -> None:
    os.mkfifo(folder / "a.txt")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    assert [(error.path, error.message) for error in errors] == [
        (str(folder / "a.txt"), "not a regular file or a directory")
    ]


# --------------------------------------------------------------------------- text that is not Unicode


@pytest.mark.parametrize(
    ("record", "field"),
    [
        ('{"id": "lone", "text": "Abe met \\ud800 Lee in Tokyo."}', "text"),
        ('{"id": "lone-\\udc00", "text": "Abe met Lee in Tokyo."}', "id"),
        ('{"id": "lone", "text": "Abe met Lee.", "outlet": "Kyo\\udfffdo"}', "outlet"),
    ],
)
def test_a_lone_surrogate_in_a_json_line_is_an_error_for_that_line(
    tmp_path: Path, record: str, field: str
) -> None:
    path = tmp_path / "corpus.jsonl"
    path.write_text(record + "\n" + json.dumps({"id": "after", "text": GOOD}) + "\n", encoding="utf-8")

    documents, errors = _ids_and_errors(_read(path))

    assert documents == ["after"]
    [error] = errors
    assert error.line == 1
    assert error.message.startswith(f"field {field!r} holds a lone surrogate")


def test_a_declared_encoding_that_decodes_to_lone_surrogates_is_an_error(folder: Path) -> None:
    (folder / "a.txt").write_bytes(b"Abe met \\ud800 Lee in Tokyo.")
    (folder / "a.meta.json").write_text('{"encoding": "unicode_escape"}', encoding="utf-8")

    documents, errors = _ids_and_errors(_read(folder))

    assert documents == ["zz_good"]
    [error] = errors
    assert error.path == str(folder / "a.txt")
    assert "lone surrogate" in error.message


def test_a_document_with_a_lone_surrogate_cannot_be_built() -> None:
    with pytest.raises(ValueError, match="lone surrogate"):
        Document("d1", "Abe met \ud800 Lee.")
    with pytest.raises(ValueError, match="lone surrogate"):
        Document("d\udce9", "Abe met Lee.")


def test_hostile_unicode_never_reaches_an_output_or_a_store(
    tmp_path: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(StubPlugin())
    corpus = tmp_path / "corpus.jsonl"
    records = [
        '{"id": "lone", "text": "Abe met \\ud800 Lee."}',
        '{"id": "lone-\\udc00", "text": "Abe met Lee."}',
        json.dumps({"id": "good", "text": "Rubio met Motegi."}),
    ]
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    database = tmp_path / "events.db"

    result = CliRunner().invoke(main, ["extract", str(corpus), "--extractor", "stub"])
    stored = CliRunner().invoke(
        main, ["extract", str(corpus), "--extractor", "stub", "--store", str(database)]
    )

    assert (result.exit_code, stored.exit_code) == (1, 1), result.output
    result.stdout_bytes.decode("utf-8")  # valid UTF-8, every byte
    assert [json.loads(line)["document_id"] for line in result.stdout.splitlines()] == ["good"]
    assert result.stderr.count("lone surrogate") == 2
    assert result.stderr.strip().splitlines()[-1] == "documents read: 1, failed: 2, events written: 1"
    with EventStore(database) as store:
        assert store.counts()["documents"] == 1


# --------------------------------------------------------------------------- the catch-all


def test_any_exception_while_converting_one_record_is_an_error_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import alliancekit.io.readers as readers

    def broken(markup: str, **options: object) -> object:
        raise MemoryError

    monkeypatch.setattr(readers, "main_text", broken)
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "page", "text": "<html><p>Abe met Lee.</p></html>"}),
        json.dumps({"text": GOOD}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "page.html").write_text("<p>Abe met Lee.</p>", encoding="utf-8")

    documents, errors = _ids_and_errors(_read(path, tmp_path / "page.html"))

    assert documents == ["corpus:2"]
    assert [(error.path, error.line, error.message) for error in errors] == [
        (str(path), 1, "cannot read: MemoryError"),
        (str(tmp_path / "page.html"), None, "cannot read: MemoryError"),
    ]


class SurrogateNames:
    """An extractor that names a participant with a lone surrogate (a broken knowledge base)."""

    name = "surrogates"

    def extract(self, document: Document, context: ExtractionContext) -> list[Event]:
        return [
            attrs.evolve(event, participants=[Participant(Actor("Ab\udce9 Lee"))])
            for event in meetings(document)
        ]


class SurrogatePlugin:
    @hookimpl
    def register_extractors(self, register: Callable[[str, ExtractorFactory], None]) -> None:
        register("surrogates", SurrogateNames)


def test_an_event_holding_a_lone_surrogate_is_rejected_not_written(
    tmp_path: Path, install_plugins: Callable[..., Plugins]
) -> None:
    install_plugins(SurrogatePlugin())
    (tmp_path / "a.txt").write_text("Rubio met Motegi.", encoding="utf-8")

    result = CliRunner().invoke(main, ["extract", str(tmp_path / "a.txt"), "--extractor", "surrogates"])

    assert result.exit_code == 1
    assert result.stdout_bytes == b""
    assert "holds a lone surrogate (U+DCE9)" in result.stderr


def test_a_byte_that_is_not_utf8_in_a_csv_costs_its_row_only_and_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_bytes(
        b"id,text\n"
        b'first,"Abe met Lee.\nThey talked."\n'  # a quoted line break: lines 2 and 3
        b"latin,Caf\xe9 talks in Tokyo.\n"  # line 4
        b"last,Rubio met Motegi.\n"
    )

    documents, errors = _ids_and_errors(_read(path))

    assert documents == ["first", "last"]
    assert [(error.line, error.message) for error in errors] == [
        (4, "not valid UTF-8 (byte b'\\xe9' in column 'text'); CSV files must be UTF-8")
    ]
