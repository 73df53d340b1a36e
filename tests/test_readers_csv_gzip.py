"""CSV corpora and gzip-compressed inputs, streamed; bad rows are read errors naming file and line."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import tracemalloc
from pathlib import Path

import pytest

from alliancekit.io.readers import ReadError, read_csv, read_documents, read_jsonl, read_text_file
from alliancekit.model import Document

CSV_TEXT = (
    "id,text,published,outlet,url\n"
    'a1,"Rubio met Motegi in Tokyo.",2026-01-13,Kyodo,https://x/a1\n'
    '"",A row without an id.,,,\n'
    'a3,"A text\nover two lines, with ""quotes"".",2026-01-14,,\n'
)


def test_csv_rows_become_documents_with_their_date_outlet_and_url(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(CSV_TEXT, encoding="utf-8")

    documents = list(read_csv(path))

    assert all(isinstance(document, Document) for document in documents)
    first, second, third = documents
    assert isinstance(first, Document)
    assert isinstance(second, Document)
    assert isinstance(third, Document)
    assert (first.id, first.published, first.source.outlet, first.source.url) == (
        "a1",
        dt.date(2026, 1, 13),
        "Kyodo",
        "https://x/a1",
    )
    assert second.id == "news:3"
    assert third.text == 'A text\nover two lines, with "quotes".'


def test_csv_columns_may_come_in_any_order_and_only_text_is_required(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("Text,extra\nHello.,ignored\n", encoding="utf-8")

    [document] = read_csv(path, published=dt.date(2026, 1, 1))

    assert isinstance(document, Document)
    assert (document.id, document.text, document.published) == ("news:2", "Hello.", dt.date(2026, 1, 1))


def test_bad_csv_rows_are_read_errors_naming_the_line_the_row_starts_on(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text(
        "id,text,published\n"
        'ok1,"Fine.",2026-01-13\n'
        'multi,"two\nlines",2026-13-45\n'
        "short,only two\n"
        "empty,,2026-01-13\n"
        "ok2,Also fine.,\n",
        encoding="utf-8",
    )

    items = list(read_csv(path))

    errors = {item.line: item.message for item in items if isinstance(item, ReadError)}
    assert [item.id for item in items if isinstance(item, Document)] == ["ok1", "ok2"]
    assert set(errors) == {3, 5, 6}
    assert "published" in errors[3]
    assert "3 fields" in errors[5] or "2 fields" in errors[5]
    assert "text" in errors[6]
    assert all(str(item).startswith(str(path)) for item in items if isinstance(item, ReadError))


def test_a_csv_without_a_text_column_is_one_read_error(tmp_path: Path) -> None:
    path = tmp_path / "news.csv"
    path.write_text("id,body\na,b\n", encoding="utf-8")

    [error] = read_csv(path)

    assert isinstance(error, ReadError)
    assert (error.line, "'text'" in error.message) == (1, True)


def test_csv_articles_longer_than_the_csv_modules_default_field_limit_are_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    text = "word " * 40_000  # 200 kB, above the 128 KiB default limit
    path.write_text(f'id,text\nlong,"{text}"\n', encoding="utf-8")

    [document] = read_csv(path)

    assert isinstance(document, Document)
    assert document.text == text


@pytest.mark.parametrize("name", ["news.jsonl.gz", "news.csv.gz"])
def test_gzip_compressed_corpora_read_like_plain_ones(tmp_path: Path, name: str) -> None:
    if name.startswith("news.jsonl"):
        raw = "\n".join(json.dumps({"id": f"d{n}", "text": f"Text {n}."}) for n in range(3)) + "\n"
    else:
        raw = "id,text\n" + "".join(f"d{n},Text {n}.\n" for n in range(3))
    (tmp_path / name).write_bytes(gzip.compress(raw.encode("utf-8")))

    documents = list(read_documents([tmp_path / name]))

    assert [d.id for d in documents if isinstance(d, Document)] == ["d0", "d1", "d2"]


def test_gzip_compressed_article_reads_its_sidecar(tmp_path: Path) -> None:
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(b"Rubio met Motegi."))
    (tmp_path / "a.meta.json").write_text('{"published": "2026-01-13"}', encoding="utf-8")

    document = read_text_file(tmp_path / "a.txt.gz")

    assert isinstance(document, Document)
    assert (document.id, document.text, document.published) == (
        "a",
        "Rubio met Motegi.",
        dt.date(2026, 1, 13),
    )


def test_a_truncated_gzip_file_is_a_read_error_after_the_lines_before_the_damage(tmp_path: Path) -> None:
    raw = "".join(json.dumps({"id": f"d{n}", "text": "x" * 2000 + str(n)}) + "\n" for n in range(50))
    compressed = gzip.compress(raw.encode("utf-8"))
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(compressed[: len(compressed) * 3 // 4])

    items = list(read_jsonl(path))

    assert isinstance(items[-1], ReadError)
    assert items[-1].path == str(path)
    assert all(isinstance(item, Document) for item in items[:-1])


def test_a_file_that_is_not_gzip_is_a_read_error(tmp_path: Path) -> None:
    (tmp_path / "fake.txt.gz").write_text("plain text", encoding="utf-8")
    (tmp_path / "fake.csv.gz").write_text("id,text\n", encoding="utf-8")

    items = list(read_documents([tmp_path]))

    assert len(items) == 2
    assert all(isinstance(item, ReadError) for item in items)


def test_directories_are_searched_for_csv_and_compressed_files_in_name_order(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,text\nc1,C.\n", encoding="utf-8")
    (tmp_path / "b.jsonl.gz").write_bytes(gzip.compress(b'{"id": "j1", "text": "J."}\n'))
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(b"T."))
    (tmp_path / "d.gz").write_bytes(gzip.compress(b"ignored"))

    ids = [item.id for item in read_documents([tmp_path]) if isinstance(item, Document)]

    assert ids == ["c1", "j1", "c"]


def test_reading_a_large_compressed_csv_holds_one_row_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.csv.gz"
    article = "Officials met in Tokyo. " * 200  # ~5 kB
    with gzip.open(path, "wt", encoding="utf-8") as stream:
        stream.write("id,text\n")
        for n in range(2000):  # ~10 MB of text
            stream.write(f"d{n},{article}\n")

    tracemalloc.start()
    count = sum(1 for _ in read_documents([path]))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert count == 2000
    assert peak < 2_000_000
