"""Readers turn files into documents; a bad input becomes a ReadError and the batch goes on."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from alliancekit.io.readers import (
    ReadError,
    ReadLimits,
    input_files,
    read_documents,
    read_jsonl,
    read_stream,
    read_text_file,
)
from alliancekit.model import Document


def _write_json(path: Path, data: object) -> None:
    path.write_text(json.dumps(data), encoding="utf-8")


def _split(items: list[Document | ReadError]) -> tuple[list[Document], list[ReadError]]:
    documents = [item for item in items if isinstance(item, Document)]
    errors = [item for item in items if isinstance(item, ReadError)]
    return documents, errors


# --------------------------------------------------------------------------- .txt with sidecar


def test_text_file_takes_its_date_outlet_and_url_from_the_sidecar(tmp_path: Path) -> None:
    article = tmp_path / "000_talks.txt"
    article.write_text("Rubio met Motegi in Tokyo.", encoding="utf-8")
    _write_json(
        tmp_path / "000_talks.meta.json", {"published": "2026-01-13", "outlet": "Kyodo", "url": "https://x"}
    )

    document = read_text_file(article)

    assert isinstance(document, Document)
    assert document.id == "000_talks"
    assert document.text == "Rubio met Motegi in Tokyo."
    assert document.published == dt.date(2026, 1, 13)
    assert (document.source.outlet, document.source.url) == ("Kyodo", "https://x")


def test_text_file_without_sidecar_gets_the_default_date(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Text.", encoding="utf-8")
    document = read_text_file(article, published=dt.date(2025, 5, 1))
    assert isinstance(document, Document)
    assert document.published == dt.date(2025, 5, 1)
    assert document.source.outlet is None


def test_sidecar_date_wins_over_the_default_date(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    _write_json(tmp_path / "a.meta.json", {"published": "2026-01-13T09:30:00+09:00"})
    document = read_text_file(tmp_path / "a.txt", published=dt.date(2025, 5, 1))
    assert isinstance(document, Document)
    assert document.published == dt.date(2026, 1, 13)


def test_sidecar_id_names_the_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    _write_json(tmp_path / "a.meta.json", {"id": "kyodo-123"})
    document = read_text_file(tmp_path / "a.txt")
    assert isinstance(document, Document)
    assert document.id == "kyodo-123"


def test_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeffAbe met Trump.".encode())
    document = read_text_file(tmp_path / "a.txt")
    assert isinstance(document, Document)
    assert document.text == "Abe met Trump."


# --------------------------------------------------------------------------- .jsonl


def test_jsonl_yields_one_document_per_line_with_ids_and_dates(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    lines = [
        {"id": "a", "text": "First.", "published": "2026-01-13", "outlet": "AP News"},
        {"text": "Second."},
    ]
    corpus.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n", encoding="utf-8")

    documents = list(read_jsonl(corpus, published=dt.date(2025, 1, 1)))

    assert [(d.id, d.text, d.published) for d in documents if isinstance(d, Document)] == [
        ("a", "First.", dt.date(2026, 1, 13)),
        ("corpus:2", "Second.", dt.date(2025, 1, 1)),
    ]


def test_jsonl_with_a_byte_order_mark_reads_its_first_line(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "a", "text": "First."}).encode() + b"\n")
    [document] = read_jsonl(corpus)
    assert isinstance(document, Document)
    assert document.id == "a"


# --------------------------------------------------------------------------- directories


def test_directory_is_read_recursively_in_name_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("B.", encoding="utf-8")
    (tmp_path / "b.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")
    (tmp_path / "b.gold.json").write_text('{"document": {"id": "b"}, "events": []}', encoding="utf-8")
    (tmp_path / "notes.md").write_text("# notes", encoding="utf-8")
    nested = tmp_path / "more"
    nested.mkdir()
    (nested / "c.jsonl").write_text('{"id": "c1", "text": "C."}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("A.", encoding="utf-8")

    documents, errors = _split(list(read_documents([tmp_path])))

    assert errors == []
    assert [d.id for d in documents] == ["a", "b", "c1"]
    assert documents[1].published == dt.date(2026, 1, 13)


# --------------------------------------------------------------------------- bad inputs


def _bad_inputs(folder: Path) -> dict[str, tuple[str, int | None]]:
    """Write one bad input of each kind; return file name -> (message fragment, line)."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin1.txt").write_bytes("Caf\xe9 talks.".encode("latin-1"))
    (folder / "baddate.txt").write_text("Text.", encoding="utf-8")
    _write_json(folder / "baddate.meta.json", {"published": "13/01/2026"})
    corpus_lines = [
        json.dumps({"id": "ok-1", "text": "Fine."}),
        '{"id": "broken", "text": ',
        json.dumps({"id": "no-text"}),
        json.dumps({"id": "bad-date", "text": "T.", "published": "yesterday"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "ok-2", "text": "Also fine."}),
    ]
    (folder / "corpus.jsonl").write_bytes(
        ("\n".join(corpus_lines) + "\n").encode() + b'{"id": "latin", "text": "caf\xe9"}\n'
    )
    return {
        "empty.txt": ("empty file", None),
        "binary.txt": ("binary", None),
        "latin1.txt": ("UTF-8", 1),
        "baddate.meta.json": ("not a valid ISO date", None),
        "corpus.jsonl:2": ("not valid JSON", 2),
        "corpus.jsonl:3": ("'text'", 3),
        "corpus.jsonl:4": ("not a valid ISO date", 4),
        "corpus.jsonl:5": ("JSON object", 5),
        "corpus.jsonl:7": ("UTF-8", 7),
    }


def test_each_bad_input_is_a_read_error_naming_its_file_and_line_and_the_rest_is_read(tmp_path: Path) -> None:
    expected = _bad_inputs(tmp_path)
    (tmp_path / "good.txt").write_text("Good.", encoding="utf-8")

    documents, errors = _split(list(read_documents([tmp_path, tmp_path / "missing.txt"])))

    assert sorted(d.id for d in documents) == ["good", "ok-1", "ok-2"]
    found = {(Path(e.path).name + (f":{e.line}" if e.path.endswith(".jsonl") else "")): e for e in errors}
    assert set(found) == {*expected, "missing.txt"}
    for key, (fragment, line) in expected.items():
        error = found[key]
        assert fragment in error.message, (key, error.message)
        assert error.line == line, key
        assert str(error).startswith(error.path)
    assert "no such file" in found["missing.txt"].message


@pytest.mark.parametrize("suffix", [".md", ".yaml"])
def test_a_file_of_an_unsupported_type_given_by_name_is_a_read_error(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"notes{suffix}"
    path.write_text("{}", encoding="utf-8")
    [error] = read_documents([path])
    assert isinstance(error, ReadError)
    assert "unsupported file type" in error.message


def test_malformed_sidecar_is_a_read_error_naming_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text("{not json", encoding="utf-8")
    error = read_text_file(tmp_path / "a.txt")
    assert isinstance(error, ReadError)
    assert error.path.endswith("a.meta.json")


def test_read_error_renders_as_file_line_message() -> None:
    assert str(ReadError("corpus.jsonl", "not valid JSON", line=3)) == "corpus.jsonl:3: not valid JSON"
    assert str(ReadError("a.txt", "empty file")) == "a.txt: empty file"


# ----------------------------------------------------------------- identity: where a document came from


def test_articles_in_subfolders_are_named_by_their_path_from_the_folder_given(tmp_path: Path) -> None:
    for month in ("jan", "mar"):
        (tmp_path / "news" / month).mkdir(parents=True)
        (tmp_path / "news" / month / "story.txt").write_text(f"Talks in {month}.", encoding="utf-8")
    (tmp_path / "news" / "jan" / "wire.jsonl").write_text('{"text": "Abe met Lee."}\n', encoding="utf-8")

    documents, errors = _split(list(read_documents([tmp_path / "news"])))

    assert errors == []
    assert [document.id for document in documents] == ["jan/story", "jan/wire:1", "mar/story"]


def test_a_file_given_by_name_is_named_by_its_stem_as_before(tmp_path: Path) -> None:
    (tmp_path / "jan").mkdir()
    (tmp_path / "jan" / "story.txt").write_text("Talks.", encoding="utf-8")

    [document] = read_documents([tmp_path / "jan" / "story.txt"])

    assert isinstance(document, Document)
    assert document.id == "story"


def test_documents_carry_the_file_and_line_they_were_read_from(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Talks.", encoding="utf-8")
    lines = ['{"id": "1", "text": "Abe met Lee."}', "", '{"id": "2", "text": "Lee met Abe."}']
    (tmp_path / "b.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")

    documents, _ = _split(list(read_documents([tmp_path])))

    assert [document.source.origin for document in documents] == [
        str((tmp_path / "a.txt").resolve()),
        f"{(tmp_path / 'b.jsonl').resolve()}:1",
        f"{(tmp_path / 'b.jsonl').resolve()}:3",
    ]


# --------------------------------------------------------------------------- where documents come from


def test_a_news_please_file_in_a_folder_is_named_by_its_path_from_there_and_keeps_its_file(
    tmp_path: Path,
) -> None:
    for site in ("kyodo", "yonhap"):
        (tmp_path / site).mkdir()
        _write_json(tmp_path / site / "a1.json", {"title": "Talks", "maintext": f"Abe met Lee ({site})."})

    documents, errors = _split(list(read_documents([tmp_path])))

    assert errors == []
    assert [document.id for document in documents] == ["kyodo/a1", "yonhap/a1"]
    assert [document.source.origin for document in documents] == [
        str((tmp_path / site / "a1.json").resolve()) for site in ("kyodo", "yonhap")
    ]


def test_the_files_of_a_folder_leave_out_sidecars_and_gold_files_now_that_json_is_read(
    tmp_path: Path,
) -> None:
    (tmp_path / "story.txt").write_text("Abe met Lee.", encoding="utf-8")
    _write_json(tmp_path / "story.meta.json", {"published": "2026-01-13"})
    _write_json(tmp_path / "story.gold.json", {"events": []})
    _write_json(tmp_path / "wire.json", {"maintext": "Lee met Abe."})

    listed = list(input_files([tmp_path]))

    assert listed == [(tmp_path / "story.txt", "story"), (tmp_path / "wire.json", "wire")]


def test_standard_input_larger_than_the_size_limit_is_reported_and_not_read() -> None:
    import io

    article = b"Abe met Lee in Seoul on Monday. " * 100

    [error] = list(read_stream(io.BytesIO(article), limits=ReadLimits(max_bytes=1000)))

    assert isinstance(error, ReadError)
    assert error.path == "stdin"
    assert "larger than the limit of 1000 bytes" in error.message


def test_a_json_line_on_standard_input_larger_than_the_size_limit_costs_that_line_only() -> None:
    import io

    lines = (
        json.dumps({"id": "big", "text": "Abe met Lee. " * 200})
        + "\n"
        + json.dumps({"id": "x", "text": "Hi."})
    )

    items = list(read_stream(io.BytesIO(lines.encode()), limits=ReadLimits(max_bytes=1000)))

    assert [
        (item.line, "larger than the limit" in item.message) for item in items if isinstance(item, ReadError)
    ] == [(1, True)]
    assert [item.id for item in items if isinstance(item, Document)] == ["x"]


def test_invisible_characters_on_standard_input_are_removed_as_from_files() -> None:
    import io

    [document] = list(read_stream(io.BytesIO("Marco Ru\u200bbio met Motegi.".encode())))

    assert isinstance(document, Document)
    assert document.text == "Marco Rubio met Motegi."


def test_a_file_named_in_bytes_that_are_not_utf8_keeps_its_origin_as_printable_text(tmp_path: Path) -> None:
    import os

    name = os.fsdecode(b"caf\xe9.txt")
    (tmp_path / name).write_text("Abe met Lee in Seoul.", encoding="utf-8")

    [document] = list(read_documents([tmp_path]))

    assert isinstance(document, Document)
    assert document.id == "caf\\xe9"
    assert document.source.path is not None
    assert document.source.path.endswith("caf\\xe9.txt")
    document.source.path.encode("utf-8")  # storable and printable


@pytest.mark.parametrize("invisible", list("\u00ad\u200b\u200c\u200d\u2060\ufeff"))
def test_each_invisible_character_is_removed_from_a_json_line(tmp_path: Path, invisible: str) -> None:
    corpus = tmp_path / "news.jsonl"
    text = f"Minister Oka{invisible}for met Varga in Zürich."
    corpus.write_text(json.dumps({"id": "a", "text": text, "outlet": "Wire"}) + "\n", encoding="utf-8")

    [document] = list(read_documents([corpus]))

    assert isinstance(document, Document)
    assert document.text == "Minister Okafor met Varga in Zürich."
    assert (document.source.outlet, document.source.line) == ("Wire", 1)
    assert document.source.path == str(corpus.resolve())


def test_the_note_on_removed_invisible_characters_names_the_file_and_the_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    import logging

    corpus = tmp_path / "news.jsonl"
    lines = [{"id": "a", "text": "Okafor met Varga."}, {"id": "b", "text": "Oka\u200bfor met Varga."}]
    corpus.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    article = tmp_path / "story.txt"
    article.write_text("Oka\u00adfor met Varga in Zürich.", encoding="utf-8")

    with caplog.at_level(logging.INFO, logger="alliancekit.io"):
        documents = list(read_documents([corpus, article]))

    assert [document.text for document in documents if isinstance(document, Document)] == [
        "Okafor met Varga.",
        "Okafor met Varga.",
        "Okafor met Varga in Zürich.",
    ]
    assert [record.getMessage().split(": removed")[0] for record in caplog.records] == [
        f"{corpus}:2",
        str(article),
    ]
