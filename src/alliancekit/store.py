"""The event store: extracted events on disk, merged into engagements, queryable.

An :class:`EventStore` is one SQLite file (the standard library's
:mod:`sqlite3`; nothing to install or run). It keeps, for each document, its
id, a hash of what its events depend on (:func:`document_hash`) and where
it came from; every event read from it;
and the engagements those events merge into across documents, by the rules
of :mod:`alliancekit.engagements`.

Adding is idempotent and transactional:

* a document already stored with the same id, text, publication date,
  outlet and address (:func:`document_hash`) is skipped, and an event
  already stored (same fingerprint) is not added again, so re-running over
  a corpus adds nothing twice;
* a document stored before under the same id but with another text or
  publication date (which dates its events) or source is *replaced*: its
  old events are removed and its new ones added. When both were read from
  files, where they came from is part of their identity
  (:attr:`~alliancekit.model.Source.origin`, the file and, in a corpus
  file, the line): only the same file (and line) replaces the stored
  document. One from another file or line is a *clash*: it is not stored,
  the stored one is kept, and the clash is reported
  (:attr:`AddSummary.clashes`, and as the failure of that document by
  :meth:`EventStore.add_batches`), so two inputs sharing an id never
  overwrite each other;
* each call of :meth:`EventStore.add` is one transaction: a crash loses
  nothing committed before it and never leaves half a document;
  :meth:`EventStore.add_batches` commits every ``batch_size`` documents;
* documents the extractor failed on are not stored, so a later run retries
  them.

Engagements are recomputed per *block* (one event type and one set of
participants), so they never depend on the order documents were added in.
Engagement ids derive from their reports; they change when a report with a
smaller fingerprint joins, so keep queries, not ids, between runs.

>>> import datetime as dt
>>> from alliancekit.model import Document
>>> from alliancekit.pipeline import run
>>> text = "Foreign Minister Toshimitsu Motegi met Secretary of State Marco Rubio in Tokyo on Monday."
>>> docs = [Document("kyodo-1", text, dt.date(2026, 3, 4)), Document("ap-7", text, dt.date(2026, 3, 3))]
>>> with EventStore(":memory:") as store:
...     first = store.add(run(docs))
...     again = store.add(run(docs))
...     found = store.query(actors=["Rubio"], since=dt.date(2026, 3, 1))
>>> first.documents_added, first.events_added, again.events_added
(2, 2, 0)
>>> [(e.type.value, e.status.value, sorted(e.sources)) for e in found]
[('meeting', 'occurred', ['ap-7', 'kyodo-1'])]
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import itertools
import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TextIO

import attrs

from alliancekit.actors import country_code, name_key
from alliancekit.engagements import (
    Engagement,
    MergeRules,
    Report,
    ReportKey,
    actor_key,
    cluster,
    engagement_id,
    fingerprint_line,
    link_outcomes,
)
from alliancekit.io.writers import (
    engagement_row,
    event_row,
    write_csv,
    write_engagements_csv,
    write_engagements_jsonl,
    write_jsonl,
)
from alliancekit.model import Document, Event, EventType, Status
from alliancekit.serialize import dumps_event, loads_event

if TYPE_CHECKING:
    import pandas

    from alliancekit.pipeline import DocumentResult

__all__ = ["AddSummary", "EventStore", "NotAStoreError", "QueryResult", "content_hash", "document_hash"]

_SCHEMA_VERSION = "1"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    published TEXT,
    outlet TEXT,
    url TEXT,
    path TEXT,
    line INTEGER
);
CREATE TABLE IF NOT EXISTS events (
    fingerprint TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    location_country TEXT,
    data TEXT NOT NULL,
    engagement_id TEXT
);
CREATE INDEX IF NOT EXISTS events_block ON events (block);
CREATE INDEX IF NOT EXISTS events_document ON events (document_id);
CREATE INDEX IF NOT EXISTS events_engagement ON events (engagement_id);
CREATE TABLE IF NOT EXISTS actors (
    fingerprint TEXT NOT NULL REFERENCES events(fingerprint) ON DELETE CASCADE,
    key TEXT NOT NULL,
    name TEXT NOT NULL,
    tokens TEXT NOT NULL,
    country TEXT
);
CREATE INDEX IF NOT EXISTS actors_fingerprint ON actors (fingerprint);
CREATE INDEX IF NOT EXISTS actors_key ON actors (key);
CREATE TABLE IF NOT EXISTS engagements (
    id TEXT PRIMARY KEY,
    block TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    start_date TEXT,
    end_date TEXT,
    location_country TEXT,
    reports INTEGER NOT NULL,
    outcome_id TEXT
);
CREATE INDEX IF NOT EXISTS engagements_block ON engagements (block);
CREATE INDEX IF NOT EXISTS engagements_start ON engagements (start_date);
CREATE INDEX IF NOT EXISTS engagements_outcome ON engagements (outcome_id);
"""


def content_hash(text: str) -> str:
    """The hash a document's text is recognised by.

    >>> content_hash("abc")[:12]
    'ba7816bf8f01'
    """
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def document_hash(document: Document) -> str:
    """The hash a stored document is recognised by: of everything given with it that its events depend on.

    The text, the publication date (relative dates resolve against it),
    the outlet and the address. What the pipeline reads from the text
    itself (a printed timestamp, a dateline) follows from the text.

    >>> text = "Abe met Lee on Monday."
    >>> document_hash(Document("d", text, "2026-01-13")) == document_hash(Document("d", text, "2026-01-20"))
    False
    """
    given = [
        content_hash(document.text),
        _iso(document.published),
        document.source.outlet,
        document.source.url,
    ]
    return hashlib.sha256(json.dumps(given).encode("utf-8")).hexdigest()


@attrs.define
class AddSummary:
    """What adding documents to the store did.

    ``clashes`` holds one message per document not stored because another
    document of its id, read from another file or line, is stored with
    another text, publication date or source.

    >>> AddSummary(documents_added=2, events_added=3).render()
    'stored: 2 new documents, 0 replaced, 0 unchanged, 3 new events, 0 failed documents not stored'
    >>> AddSummary(documents_added=1, clashes=["document '1' ..."]).render().split(", ")[-1]
    '1 clashing ids not stored'
    """

    documents_added: int = 0
    documents_replaced: int = 0
    documents_unchanged: int = 0
    events_added: int = 0
    failed: int = 0
    clashes: list[str] = attrs.field(factory=list)

    def update(self, other: AddSummary) -> None:
        """Add another summary's counts to this one."""
        self.documents_added += other.documents_added
        self.documents_replaced += other.documents_replaced
        self.documents_unchanged += other.documents_unchanged
        self.events_added += other.events_added
        self.failed += other.failed
        self.clashes.extend(other.clashes)

    def render(self) -> str:
        """One line for a human."""
        clashes = f", {len(self.clashes)} clashing ids not stored" if self.clashes else ""
        return (
            f"stored: {self.documents_added} new documents, {self.documents_replaced} replaced, "
            f"{self.documents_unchanged} unchanged, {self.events_added} new events, "
            f"{self.failed} failed documents not stored{clashes}"
        )


@attrs.frozen
class QueryResult:
    """The engagements a query selected, with ways to export them.

    >>> result = QueryResult(())
    >>> len(result), result.events()
    (0, [])
    """

    engagements: tuple[Engagement, ...]

    def __iter__(self) -> Iterator[Engagement]:
        return iter(self.engagements)

    def __len__(self) -> int:
        return len(self.engagements)

    def __getitem__(self, index: int) -> Engagement:
        return self.engagements[index]

    def events(self) -> list[Event]:
        """Every report's event, engagement by engagement."""
        return [event for engagement in self.engagements for event in engagement.events]

    def write(
        self, stream: TextIO, *, format: Literal["jsonl", "csv"] = "jsonl", level: Level = "engagements"
    ) -> int:
        """Write the engagements (or their events) as JSON lines or CSV; returns the count.

        >>> import io
        >>> QueryResult(()).write(io.StringIO(), format="csv")
        0
        """
        if level == "events":
            return (write_csv if format == "csv" else write_jsonl)(self.events(), stream)
        return (write_engagements_csv if format == "csv" else write_engagements_jsonl)(
            self.engagements, stream
        )

    def to_dataframe(self, level: Level = "engagements") -> pandas.DataFrame:
        """A :class:`pandas.DataFrame`, one row per engagement (or per event).

        The columns are those of the CSV export; ``start`` and ``end`` are
        datetimes and ``reports`` an integer. Needs pandas: install
        ``alliancekit[dataframe]``.
        """
        try:
            import pandas
        except ImportError as error:  # pragma: no cover - depends on the environment
            raise ImportError("to_dataframe() needs pandas: pip install 'alliancekit[dataframe]'") from error
        if level == "events":
            rows = [
                {"engagement_id": e.id, **event_row(event)} for e in self.engagements for event in e.events
            ]
        else:
            rows = [engagement_row(engagement) for engagement in self.engagements]
        frame = pandas.DataFrame.from_records(rows)
        for column in ("start", "end"):
            if column in frame:
                frame[column] = pandas.to_datetime(frame[column].replace("", None))
        return frame


Level = Literal["engagements", "events"]
"""What a query exports: one row per engagement, or per event."""


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value is not None else None


class NotAStoreError(ValueError):
    """A database that is not an alliancekit event store: it is left as it is.

    >>> print(NotAStoreError("app.db", ["users"]))
    app.db: not an alliancekit event store (it holds the tables users); it was left unchanged
    """

    def __init__(self, path: str, tables: Sequence[str]) -> None:
        held = f"it holds the tables {', '.join(tables)}" if tables else "it holds no tables"
        super().__init__(f"{path}: not an alliancekit event store ({held}); it was left unchanged")
        self.path = path
        self.tables = tuple(tables)


class EventStore:
    """Events and engagements in one SQLite file.

    :param path: the database file, created when missing; ``":memory:"``
        for a store that lives as long as the object.
    :param rules: the merging tolerances. A new store records them; an
        existing one keeps its own unless others are given, in which case
        every engagement is recomputed with the new rules.
    :param read_only: open an existing store for queries only: nothing is
        ever written, no lock is taken that would hold up a writer, and a
        store in a read-only place (a file or folder without write
        permission) can be read.
    :raises NotAStoreError: when the file is a database of something else
        (it is never modified); :class:`sqlite3.Error` when it is no
        database at all.

    Each query reads one consistent snapshot of the store: a writer
    committing meanwhile changes nothing it returns. Use it as a context
    manager, or call :meth:`close`.

    >>> with EventStore(":memory:") as store:
    ...     store.counts()
    {'documents': 0, 'events': 0, 'engagements': 0}
    """

    def __init__(
        self, path: str | Path = "events.db", *, rules: MergeRules | None = None, read_only: bool = False
    ) -> None:
        self.path = str(path)
        self.read_only = read_only
        if read_only:
            self._db = _connect_read_only(self.path)
            self._check_is_store(new_allowed=False)
            stored = self._stored_rules()
            if rules is not None and rules != stored:
                raise ValueError(f"{self.path}: new merge rules need a store opened for writing")
            self.rules = stored or MergeRules()
            return
        # Autocommit mode: transactions are opened and closed explicitly, one per batch.
        # Another process writing to the same store holds its lock for one batch: wait for it.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        try:
            self._check_is_store(new_allowed=True)  # before anything could change the file
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._create_schema()
            self.rules = self._settle_rules(rules)
        except BaseException:
            self._db.close()
            raise

    def _check_is_store(self, *, new_allowed: bool) -> None:
        """Refuse a database that is not an alliancekit store; an empty one is a new store when allowed."""
        tables = sorted(
            name
            for (name,) in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        )
        if not tables and new_allowed:
            return
        if "meta" not in tables or "engagements" not in tables or self._meta("schema") is None:
            self._db.close()
            raise NotAStoreError(self.path, tables)
        version = self._meta("schema")
        if version != _SCHEMA_VERSION:
            self._db.close()
            raise ValueError(f"{self.path}: store schema {version}, this alliancekit reads {_SCHEMA_VERSION}")

    def _stored_rules(self) -> MergeRules | None:
        stored_text = self._meta("rules")
        return MergeRules(**json.loads(stored_text)) if stored_text else None

    def _create_schema(self) -> None:
        with self._transaction():
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._add_missing_columns()
            version = self._meta("schema")
            if version is None:
                self._set_meta("schema", _SCHEMA_VERSION)
            elif version != _SCHEMA_VERSION:
                raise ValueError(
                    f"{self.path}: store schema {version}, this alliancekit reads {_SCHEMA_VERSION}"
                )

    def _add_missing_columns(self) -> None:
        """Give a store written by an earlier release the columns it lacks (where documents came from)."""
        present = {row[1] for row in self._db.execute("PRAGMA table_info(documents)")}
        for column, kind in (("path", "TEXT"), ("line", "INTEGER")):
            if column not in present:
                self._db.execute(f"ALTER TABLE documents ADD COLUMN {column} {kind}")

    def _settle_rules(self, rules: MergeRules | None) -> MergeRules:
        stored = self._stored_rules()
        chosen = rules or stored or MergeRules()
        self.rules = chosen
        if chosen != stored:
            with self._transaction():
                self._set_meta("rules", json.dumps(attrs.asdict(chosen)))
                for (block,) in self._db.execute("SELECT DISTINCT block FROM events").fetchall():
                    self._rebuild_block(block)
        return chosen

    def _meta(self, key: str) -> str | None:
        row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def __enter__(self) -> EventStore:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # ------------------------------------------------------------------ writing

    def _transaction(self) -> _Transaction:
        return _Transaction(self._db)

    def add(self, results: Iterable[DocumentResult]) -> AddSummary:
        """Store the documents and events of extraction results, in one transaction.

        :param results: what :func:`alliancekit.pipeline.run` yields;
            failed documents are counted and left out, and so are documents
            whose id clashes with a stored one (see the module documentation).
        """
        return self._add(results)[0]

    def _add(self, results: Iterable[DocumentResult]) -> tuple[AddSummary, list[DocumentResult]]:
        """:meth:`add`, also returning the results, a clashing document's turned into a failure."""
        summary = AddSummary()
        blocks: set[str] = set()
        passed: list[DocumentResult] = []
        with self._transaction():
            for result in results:
                if result.error is not None:
                    summary.failed += 1
                    passed.append(result)
                    continue
                added = self._add_document(result.document, result.events, summary)
                if isinstance(added, str):
                    summary.clashes.append(f"document {result.document.id!r}: {added}")
                    result = attrs.evolve(result, events=[], error=added)
                else:
                    blocks |= added
                passed.append(result)
            for block in sorted(blocks):
                self._rebuild_block(block)
        return summary, passed

    def add_events(self, document: Document, events: Iterable[Event]) -> AddSummary:
        """Store one document and its events (one transaction).

        >>> with EventStore(":memory:") as store:
        ...     store.add_events(Document("d1", "No news."), []).documents_added
        1
        """
        summary = AddSummary()
        with self._transaction():
            added = self._add_document(document, list(events), summary)
            if isinstance(added, str):
                summary.clashes.append(f"document {document.id!r}: {added}")
                return summary
            for block in sorted(added):
                self._rebuild_block(block)
        return summary

    def add_batches(
        self, results: Iterable[DocumentResult], *, batch_size: int = 256, summary: AddSummary | None = None
    ) -> Iterator[DocumentResult]:
        """Store results in batches of ``batch_size`` documents, one transaction each.

        Yields every result once its batch is committed, so it can be
        chained with a writer; counts go into ``summary`` when given. A
        document whose id clashes with a stored one is yielded as a failure
        (``error`` says why, ``events`` is empty): nothing of it is stored.
        """
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        iterator = iter(results)
        while batch := list(itertools.islice(iterator, batch_size)):
            added, passed = self._add(batch)
            if summary is not None:
                summary.update(added)
            yield from passed

    def _add_document(
        self, document: Document, events: Sequence[Event], summary: AddSummary
    ) -> set[str] | str:
        """Insert or replace one document; the blocks whose engagements need recomputing.

        A document whose id clashes with a stored one is not stored: the
        reason is returned instead.
        """
        digest = document_hash(document)
        row = self._db.execute(
            "SELECT content_hash, path, line FROM documents WHERE id = ?", (document.id,)
        ).fetchone()
        blocks: set[str] = set()
        source = document.source
        values = (
            digest,
            _iso(document.published),
            source.outlet,
            source.url,
            source.path,
            source.line,
            document.id,
        )
        if row is not None and row[0] == digest:
            summary.documents_unchanged += 1
            return blocks
        if row is not None:
            clash = _clash(document, stored_path=row[1], stored_line=row[2])
            if clash is not None:
                return clash
            blocks |= {
                block
                for (block,) in self._db.execute(
                    "SELECT DISTINCT block FROM events WHERE document_id = ?", (document.id,)
                )
            }
            self._db.execute("DELETE FROM events WHERE document_id = ?", (document.id,))
            self._db.execute(
                "UPDATE documents SET content_hash = ?, published = ?, outlet = ?, url = ?, path = ?, "
                "line = ? WHERE id = ?",
                values,
            )
            summary.documents_replaced += 1
        else:
            self._db.execute(
                "INSERT INTO documents (content_hash, published, outlet, url, path, line, id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                values,
            )
            summary.documents_added += 1
        for event in events:
            if event.document_id != document.id:
                event = attrs.evolve(event, document_id=document.id)
            line = dumps_event(event)
            key = ReportKey.of(event, fingerprint_line(line))
            inserted = self._db.execute(
                "INSERT OR IGNORE INTO events (fingerprint, document_id, block, type, status, start_date, "
                "end_date, location_country, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    key.fingerprint,
                    document.id,
                    key.block,
                    event.type.value,
                    event.status.value,
                    _iso(key.start),
                    _iso(key.end),
                    key.country,
                    line,
                ),
            )
            if inserted.rowcount:
                summary.events_added += 1
                blocks.add(key.block)
                self._db.executemany(
                    "INSERT INTO actors (fingerprint, key, name, tokens, country) VALUES (?, ?, ?, ?, ?)",
                    [
                        (
                            key.fingerprint,
                            actor_key(p.actor),
                            p.actor.name,
                            _tokens(p.actor.name, p.actor.aliases),
                            p.actor.country,
                        )
                        for p in event.participants
                    ],
                )
        return blocks

    def _rebuild_block(self, block: str) -> None:
        """Recompute the engagements of one block from its events."""
        rows = self._db.execute(
            "SELECT fingerprint, type, status, start_date, end_date, location_country "
            "FROM events WHERE block = ?",
            (block,),
        ).fetchall()
        self._db.execute("DELETE FROM engagements WHERE block = ?", (block,))
        keys = [ReportKey(row[0], block, row[2], _date(row[3]), _date(row[4]), row[5]) for row in rows]
        types = {row[0]: row[1] for row in rows}
        clusters = cluster(keys, self.rules)
        links = link_outcomes(clusters, self.rules)
        for members in clusters:
            identifier = engagement_id(members)
            spans = [(k.start, k.end) for k in members if k.start is not None and k.end is not None]
            start, end = min(spans, key=lambda s: ((s[1] - s[0]).days, s[0])) if spans else (None, None)
            country = next((k.country for k in members if k.country), None)
            self._db.execute(
                "INSERT INTO engagements (id, block, type, status, start_date, end_date, location_country, "
                "reports, outcome_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    identifier,
                    block,
                    types[members[0].fingerprint],
                    members[0].status.value,
                    _iso(start),
                    _iso(end),
                    country,
                    len(members),
                    links.get(identifier),
                ),
            )
            self._db.executemany(
                "UPDATE events SET engagement_id = ? WHERE fingerprint = ?",
                [(identifier, key.fingerprint) for key in members],
            )

    # ------------------------------------------------------------------ reading

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """Read one consistent state of the store in the block, whatever writers commit meanwhile.

        A read transaction (in WAL mode it holds no lock a writer waits
        for); inside a transaction already open, the block simply runs in it.
        """
        if self._db.in_transaction:
            yield
            return
        self._db.execute("BEGIN")
        try:
            yield
        finally:
            # The store may have been closed while a query's iterator was left unfinished.
            with contextlib.suppress(sqlite3.ProgrammingError):
                if self._db.in_transaction:
                    self._db.execute("COMMIT")

    def counts(self) -> dict[str, int]:
        """How many documents, events and engagements the store holds."""
        with self._snapshot():
            return {
                table: int(self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
                for table in ("documents", "events", "engagements")
            }

    def has_document(self, document: Document) -> bool:
        """Whether this document is stored as it is: same text, publication date and source.

        >>> with EventStore(":memory:") as store:
        ...     _ = store.add_events(Document("d1", "Text."), [])
        ...     store.has_document(Document("d1", "Text.")), store.has_document(Document("d1", "New."))
        (True, False)
        """
        row = self._db.execute("SELECT content_hash FROM documents WHERE id = ?", (document.id,)).fetchone()
        return row is not None and row[0] == document_hash(document)

    def iter_engagements(
        self,
        *,
        actors: Iterable[str] = (),
        countries: Iterable[str] = (),
        types: Iterable[str | EventType] = (),
        statuses: Iterable[str | Status] = (),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Iterator[Engagement]:
        """Stream the engagements that match every filter, in date order.

        :param actors: names or knowledge-base ids; an engagement matches
            when *each* is a participant (a name matches when all its words
            are in a participant's name or aliases, in any order).
        :param countries: countries, by ISO alpha-3 code or by name
            (:func:`~alliancekit.actors.country_code`); an engagement matches
            when each is a participant's country or the location's. An
            unknown country raises :class:`ValueError`.
        :param types: event types, any of which matches.
        :param statuses: statuses, any of which matches.
        :param since: only engagements ending on or after this day.
        :param until: only engagements starting on or before this day.
            With ``since`` or ``until``, engagements without dates are left out.

        The engagements come from one snapshot of the store, taken when the
        first is read and held until the last is (or the iterator is
        closed): a writer committing meanwhile changes nothing they hold.
        """
        sql, parameters = _select(actors, countries, types, statuses, since, until)
        with self._snapshot():
            for identifier, outcome in self._db.execute(sql, parameters).fetchall():
                yield self._load(identifier, outcome)

    def query(
        self,
        *,
        actors: Iterable[str] = (),
        countries: Iterable[str] = (),
        types: Iterable[str | EventType] = (),
        statuses: Iterable[str | Status] = (),
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> QueryResult:
        """The engagements that match every filter (see :meth:`iter_engagements`).

        >>> with EventStore(":memory:") as store:
        ...     len(store.query(types=["visit"], statuses=["planned"]))
        0
        """
        return QueryResult(
            tuple(
                self.iter_engagements(
                    actors=actors,
                    countries=countries,
                    types=types,
                    statuses=statuses,
                    since=since,
                    until=until,
                )
            )
        )

    def engagement(self, identifier: str) -> Engagement | None:
        """The engagement with this id, or ``None``.

        >>> with EventStore(":memory:") as store:
        ...     store.engagement("e0") is None
        True
        """
        with self._snapshot():
            row = self._db.execute(
                "SELECT id, outcome_id FROM engagements WHERE id = ?", (identifier,)
            ).fetchone()
            return None if row is None else self._load(row[0], row[1])

    def _load(self, identifier: str, outcome: str | None) -> Engagement:
        reports = [
            Report(loads_event(data), outlet=outlet, url=url, published=_date(published))
            for data, outlet, url, published in self._db.execute(
                "SELECT e.data, d.outlet, d.url, d.published FROM events e JOIN documents d "
                "ON d.id = e.document_id WHERE e.engagement_id = ? "
                "ORDER BY e.start_date IS NULL, e.start_date, e.end_date, e.fingerprint",
                (identifier,),
            )
        ]
        plans = [
            row[0]
            for row in self._db.execute(
                "SELECT id FROM engagements WHERE outcome_id = ? ORDER BY id", (identifier,)
            )
        ]
        return Engagement.from_reports(identifier, reports, outcome_id=outcome, plan_ids=plans)


_READ_ONLY_PLACE = ("readonly database", "unable to open database file")


def _connect_read_only(path: str) -> sqlite3.Connection:
    """A connection that can only read the store at ``path``, even where nothing may be written.

    A store in WAL mode is read with a shared-memory file beside it; where
    that cannot be made (a read-only folder or medium), the file is read as
    immutable, which is right once every writer has finished (its last
    changes then are in the file itself).
    """
    if path in ("", ":memory:"):
        raise ValueError("a store in memory cannot be opened read-only")
    target = Path(path)
    if not target.is_file():
        raise FileNotFoundError(f"{path}: no such store")
    uri = target.resolve().as_uri()
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(f"{uri}?mode=ro", uri=True, isolation_level=None, timeout=60)
        db.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        return db
    except sqlite3.OperationalError as error:
        if db is not None:
            db.close()
        if not any(reason in str(error) for reason in _READ_ONLY_PLACE):
            raise
    wal = Path(path + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise sqlite3.OperationalError(
            f"changes not yet in the file are in {wal}, and nothing may be written beside the store "
            "to read them: open it once where it may be written"
        )
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, isolation_level=None)


def _clash(document: Document, *, stored_path: str | None, stored_line: int | None) -> str | None:
    """Why ``document`` may not replace the stored document of its id, if it may not.

    Called when the stored document of that id differs from ``document`` in
    its text, publication date or source (:func:`document_hash`).

    Both read from files: only the same file and line may replace it. A
    document built in code (no path) replaces the stored one, as its
    caller asked, and so does any document replacing one built in code.

    >>> from alliancekit.model import Source
    >>> moved = Document("1", "New.", source=Source(path="/news/b.jsonl", line=1))
    >>> print(_clash(moved, stored_path="/news/a.jsonl", stored_line=1))  # doctest: +NORMALIZE_WHITESPACE
    its id is already stored, with another text, date or source, from /news/a.jsonl:1;
    /news/b.jsonl:1 was not stored (give one of them another id)
    >>> _clash(moved, stored_path="/news/b.jsonl", stored_line=1) is None
    True
    """
    origin = document.source.origin
    if origin is None or stored_path is None:
        return None
    stored = stored_path if stored_line is None else f"{stored_path}:{stored_line}"
    if stored == origin:
        return None
    return (
        f"its id is already stored, with another text, date or source, from {stored}; "
        f"{origin} was not stored (give one of them another id)"
    )


def _tokens(name: str, aliases: Iterable[str]) -> str:
    """The words of a name and its aliases, space-delimited for ``LIKE '% word %'``."""
    words = set(name_key(name))
    for alias in aliases:
        words |= name_key(alias)
    return " " + " ".join(sorted(words)) + " "


_EXISTS_ACTOR = (
    "EXISTS (SELECT 1 FROM events v JOIN actors a ON a.fingerprint = v.fingerprint "
    "WHERE v.engagement_id = g.id AND ({}))"
)


def _select(
    actors: Iterable[str],
    countries: Iterable[str],
    types: Iterable[str | EventType],
    statuses: Iterable[str | Status],
    since: dt.date | None,
    until: dt.date | None,
) -> tuple[str, list[Any]]:
    """The SQL selecting matching engagement ids, and its parameters."""
    clauses: list[str] = []
    parameters: list[Any] = []
    for actor in actors:
        words = sorted(name_key(actor))
        condition = " OR ".join(
            ["a.key = ?", *(["(" + " AND ".join(["a.tokens LIKE ?"] * len(words)) + ")"] if words else [])]
        )
        clauses.append(_EXISTS_ACTOR.format(condition))
        parameters += [actor, *(f"% {word} %" for word in words)]
    for country in countries:
        code = country_code(country)
        clauses.append("(g.location_country = ? OR " + _EXISTS_ACTOR.format("a.country = ?") + ")")
        parameters += [code, code]
    type_values = sorted({EventType(kind).value for kind in types})
    if type_values:
        clauses.append(f"g.type IN ({', '.join('?' * len(type_values))})")
        parameters += type_values
    status_values = sorted({Status(status).value for status in statuses})
    if status_values:
        clauses.append(f"g.status IN ({', '.join('?' * len(status_values))})")
        parameters += status_values
    if since is not None:
        clauses.append("g.end_date >= ?")
        parameters.append(since.isoformat())
    if until is not None:
        clauses.append("g.start_date <= ?")
        parameters.append(until.isoformat())
    where = " AND ".join(clauses) or "1"
    type_order = " ".join(f"WHEN '{kind.value}' THEN {index}" for index, kind in enumerate(EventType))
    status_order = " ".join(f"WHEN '{status.value}' THEN {index}" for index, status in enumerate(Status))
    sql = (
        f"SELECT g.id, g.outcome_id FROM engagements g WHERE {where} "
        f"ORDER BY g.start_date IS NULL, g.start_date, CASE g.type {type_order} END, "
        f"CASE g.status {status_order} END, g.id"
    )
    return sql, parameters


class _Transaction:
    """``BEGIN IMMEDIATE`` ... ``COMMIT``, or ``ROLLBACK`` when the block raises; nests as a no-op."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        self._outer = False

    def __enter__(self) -> None:
        if not self._db.in_transaction:
            self._db.execute("BEGIN IMMEDIATE")
            self._outer = True

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if not self._outer:
            return
        if kind is None:
            self._db.execute("COMMIT")
        else:
            self._db.execute("ROLLBACK")
