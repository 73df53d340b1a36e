r"""Articles saved by news-please: its JSON files and JSON lines, read without renaming anything.

`news-please <https://github.com/fhamborg/news-please>`_ saves each
article as one JSON object with the article in ``maintext`` and its
metadata beside it. alliancekit reads those fields as they are:

=================  ==========================================================
news-please        alliancekit document
=================  ==========================================================
``title``          the first paragraph of ``text`` (the headline)
``maintext``       the rest of ``text``
``date_publish``   ``published`` (``"2026-03-04 09:30:00"``; null: none)
``source_domain``  ``source.outlet``
``url``            ``source.url``, and the ``id`` when the record has none
=================  ==========================================================

Other fields (``description``, ``authors``, ``language``...) are not used.
A ``.json`` file holds one article (news-please's own layout: one file per
article in folders per site); a ``.jsonl`` file may hold one per line, next
to or instead of records in alliancekit's own fields (a record with a
``text`` field is read as alliancekit's).

>>> record = {"title": "Abe meets Lee", "maintext": "Abe met Lee in Seoul on Monday.",
...           "date_publish": "2026-03-04 09:30:00", "source_domain": "example.com",
...           "url": "https://example.com/a"}
>>> fields = record_fields(record)
>>> print(fields["text"])
Abe meets Lee
<BLANKLINE>
Abe met Lee in Seoul on Monday.
>>> fields["id"], fields["published"], fields["outlet"]
('https://example.com/a', '2026-03-04 09:30:00', 'example.com')
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

__all__ = ["is_newsplease_record", "read_newsplease_file", "record_fields"]


def is_newsplease_record(data: Mapping[str, Any]) -> bool:
    """Whether a JSON object is a news-please article: it has ``maintext`` and no ``text``.

    >>> is_newsplease_record({"maintext": "Abe met Lee."}), is_newsplease_record({"text": "Abe met Lee."})
    (True, False)
    """
    return "maintext" in data and "text" not in data


def record_fields(data: Mapping[str, Any]) -> dict[str, Any]:
    """A news-please article in alliancekit's fields: ``id``, ``text``, ``published``, ``outlet``, ``url``.

    Values are passed on as they are, for the reader to check: a
    ``maintext`` that is not a string stays one, and is reported as such.
    """
    title, body = data.get("title"), data.get("maintext")
    text: Any = body
    if isinstance(body, str) and isinstance(title, str) and title.strip():
        heading = " ".join(title.split())
        text = body if body.lstrip().startswith(heading) else f"{heading}\n\n{body.strip()}"
    fields: dict[str, Any] = {
        "text": text,
        "published": data.get("date_publish"),
        "outlet": data.get("source_domain"),
        "url": data.get("url"),
    }
    if data.get("id") is not None:
        fields["id"] = data["id"]
    elif isinstance(data.get("url"), str) and data["url"]:
        fields["id"] = data["url"]
    return fields


def read_newsplease_file(path: Path, *, published: dt.date | None = None, name: str | None = None) -> Any:
    r"""Read a ``.json`` file holding one article: news-please's, or one in alliancekit's own fields.

    :param published: a default publication date when the article has none.
    :param name: the document's id when the article has neither an id nor
        an address (default: the file name without its suffix;
        :func:`~alliancekit.io.readers.read_documents` passes the path
        relative to the folder it searches, ``site/a1``).

    :returns: a :class:`~alliancekit.model.Document` or a
        :class:`~alliancekit.io.readers.ReadError` naming the file.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "a1.json"
    >>> _ = path.write_text('{"title": "Talks", "maintext": "Abe met Lee.", "date_publish": null}')
    >>> document = read_newsplease_file(path)
    >>> document.id, document.text
    ('a1', 'Talks\n\nAbe met Lee.')
    """
    from alliancekit.io.readers import ReadError, _document_from_fields, _Origin, _stem, json_kind

    try:
        raw = path.read_bytes()
    except OSError as error:
        return ReadError(str(path), f"cannot read: {error.strerror or error}")
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        return ReadError(str(path), f"not valid UTF-8 (byte {error.start}); JSON must be UTF-8")
    except json.JSONDecodeError as error:
        return ReadError(
            str(path),
            f"not valid JSON ({error.msg.removesuffix(' at')} at line {error.lineno} column {error.colno})",
        )
    if not isinstance(data, dict):
        return ReadError(str(path), f"an article file must hold one JSON object, not {json_kind(data)}")
    if "text" not in data and "maintext" not in data:
        return ReadError(str(path), "not an article: no 'maintext' (news-please) or 'text' field")
    return _document_from_fields(data, _Origin(path, name or _stem(path)), None, published)
