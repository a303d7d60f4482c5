"""Keeping the index in step with the database it is derived from: build whole, or sync what changed.

Every document carries `version` = "<report id>@<sha256 of its source>". Syncing compares the versions the
index holds with the reports the database holds, so replaced reports lose their old documents, deleted ones
disappear and reports stored without a sync are picked up: re-ingesting never leaves stale or duplicate hits.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from pathlib import Path

import tantivy

from .. import store
from ..model import CITATION_KINDS, TOPICS
from ..store import search_docs
from .index import (
    MASKS,
    SEPARATOR,
    country_number,
    create,
    forget,
    index_dir,
    mask_values,
    open_index,
    pairs,
    usable,
    write_manifest,
)
from .index import writer as index_writer

BUILD_HEAP = 256_000_000
SYNC_HEAP = 64_000_000
FEED_HEAP = 128_000_000
LOCK_HEAP = 16_000_000  # a writer opened only to hold the lock


def rebuild(db: Path) -> int:
    """Build the whole index from the database into a fresh directory, then swap it in; documents indexed."""
    db = Path(db)
    path = index_dir(db)
    live = _hold(path)  # an ingest feeding the live index makes this a clear error, not a lost swap
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    conn = store.connect(db, readonly=True)
    try:
        index = create(tmp)
        writer = index_writer(index, BUILD_HEAP, _threads(), path)
        count = _add_reports(writer, conn, None)
        writer.commit()
        writer.wait_merging_threads()
        write_manifest(tmp, search_docs.country_names(conn))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        conn.close()
    _swap(tmp, path)
    del live
    return count


def _hold(path: Path) -> tantivy.IndexWriter | None:
    """The live index's writer lock, when there is a live index to lock (SearchError if another holds it)."""
    try:
        index = open_index(path)
    except (ValueError, OSError):
        return None  # absent or unreadable: nobody can be writing it
    return index_writer(index, LOCK_HEAP, 1, path)


def sync_index(db: Path, changed_report_ids: list[str]) -> None:
    """Bring the index in line with the database after an ingest (builds it whole when it is missing)."""
    db = Path(db)
    path = index_dir(db)
    if not usable(path):
        rebuild(db)
        return
    conn = store.connect(db, readonly=True)
    try:
        want = search_docs.report_versions(conn)
        index = open_index(path)
        have = _indexed_versions(index.searcher())
        wanted = {f"{rid}@{sha}" for rid, sha in want.items()}
        stale = sorted(have - wanted)
        present = {_rid(v) for v in have & wanted}
        missing = sorted({rid for rid in want if rid not in present} | (set(changed_report_ids) & set(want)))
        if not stale and not missing:
            return
        writer = index_writer(index, SYNC_HEAP, 1, path)
        for version in stale:
            writer.delete_documents_by_term("version", version)
        for rid in changed_report_ids:
            writer.delete_documents_by_term("report", rid)
        _add_reports(writer, conn, missing)
        writer.commit()
        writer.wait_merging_threads()
        write_manifest(path, search_docs.country_names(conn))
    finally:
        conn.close()
    forget(path)


class Feed:
    """The index fed by ingest as it stores each report, committed once at the end.

    Parser processes plan each report's documents from the rows they prepared (`plan_prepared`), so the
    indexing reads nothing back from the database; tantivy's writer thread indexes while the batch goes
    on. `close` commits, then runs `sync_index`, which adds whatever the feed could not (an index that was
    missing its older reports, or of another version: then rebuilt whole) and drops stale documents.
    """

    def __init__(self, db: Path) -> None:
        self.db = Path(db)
        self.path = index_dir(self.db)
        self.writer: tantivy.IndexWriter | None = None
        self.added = 0
        conn = store.connect(self.db, readonly=True) if self.db.exists() else None
        try:
            self.names = search_docs.country_names(conn) if conn else {}  # as the countries table holds them
            empty = conn is None or not search_docs.report_versions(conn)
        finally:
            if conn is not None:
                conn.close()
        if usable(self.path):
            index = open_index(self.path)
        elif not self.path.exists() and empty:
            index = create(self.path)  # readers see it once its manifest is written, at close
        else:  # missing beside stored reports, or of another version: rebuilt whole at close
            if self.path.exists():
                _hold(self.path)  # but another process writing it is an error now, before anything is stored
            return
        self.writer = index_writer(index, FEED_HEAP, 1, self.path)

    def add(self, conn: sqlite3.Connection, replaced: Iterable[str], planned: Plan) -> None:
        """Index a stored report, dropping the documents of the report ids it replaces."""
        if self.writer is None:
            return
        head, specs = planned
        rid, iso3, name = head[0], head[2], head[3]
        if iso3 is not None and self.names.setdefault(iso3, name or "") != name:
            # the countries table keeps the first name stored for a code: read the report back as a rebuild would
            head, specs = plan(next(iter(search_docs.report_rows(conn, [rid]))))
        for old in replaced:
            self.writer.delete_documents_by_term("report", old)
        for spec in specs:
            self.writer.add_document(to_document(head, spec))
        self.added += 1

    def close(self) -> None:
        if self.writer is not None and not self.added:
            self.writer = None  # nothing fed: no commit, so readers keep their searcher and cached counts
        if self.writer is not None:
            self.writer.commit()
            self.writer.wait_merging_threads()
            self.writer = None
            conn = store.connect(self.db, readonly=True)
            try:
                write_manifest(self.path, search_docs.country_names(conn))
            finally:
                conn.close()
            forget(self.path)
        sync_index(self.db, [])


def plan_prepared(prepared: store.Prepared) -> Plan:
    """The documents of a report about to be stored, as they will be read back from the database."""
    return plan(search_docs.rows_of(prepared))


def _rid(version: str) -> str:
    return version.rsplit("@", 1)[0]


def _indexed_versions(searcher: tantivy.Searcher) -> set[str]:
    """The report versions with live documents (deleted documents linger in the term dictionary)."""
    terms = searcher.terms_with_prefix("version", "", filter_query=tantivy.Query.all_query())
    return {term for term, count in terms if count > 0}


def _threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _add_reports(writer: tantivy.IndexWriter, conn: sqlite3.Connection, ids: Iterable[str] | None) -> int:
    """Index every report (ids None) or the given ones; documents added."""
    count = 0
    add = writer.add_document
    for rows in search_docs.report_rows(conn, ids):
        for doc in documents(rows):
            add(doc)
            count += 1
    return count


def documents(r: search_docs.ReportRows) -> Iterator[tantivy.Document]:
    """A report's index documents, in reading order: title, key developments, sections, notes."""
    head, specs = plan(r)
    return (to_document(head, spec) for spec in specs)


# What one report gives the index, as plain (picklable) data: parser processes plan it, the indexing process
# turns it into tantivy documents. Head: (report, version, country, country name, edition, country number).
# Each spec: (kind, text, its word pairs, parts JSON, section ord, heading, topics, source kinds).
Head = tuple[str, str, str | None, str | None, int | None, int]
Spec = tuple[str, str, str, bytes, int | None, str | None, Sequence[str], Sequence[str]]
Plan = tuple[Head, list[Spec]]


def plan(r: search_docs.ReportRows) -> Plan:
    """A report's documents as plain data, in reading order: title, key developments, sections, notes."""
    head = (r.id, f"{r.id}@{r.sha256}", r.iso3, r.country_name, r.edition, country_number(r.iso3 or ""))
    specs = [_spec("title", [(r.id, None, None, r.title)], None, None, (), ())]
    if r.key_developments:
        specs.append(_spec("key_developments", r.key_developments, None, None, _KD_TOPICS, ()))
    kinds: dict[int, list[str]] = {}
    for _, so, kind in r.section_kinds:
        kinds.setdefault(so, []).append(kind)
    for so, rows in groupby(r.paragraphs, key=itemgetter(4)):
        parts = list(rows)
        specs.append(_spec("section", parts, so, parts[0][5], _topics(parts[0][6]), kinds.get(so, ())))
    if r.notes:
        topics_json = dict.fromkeys(row[1] for row in r.note_topics)
        note_topics = list(dict.fromkeys(t for raw in topics_json for t in _topics(raw)))
        specs.append(_spec("notes", r.notes, None, None, note_topics, [k for _, k in r.note_kinds]))
    return head, specs


_KD_TOPICS = ("key_developments",)
_TOPIC_CACHE: dict[str, tuple[str, ...]] = {}


def _topics(raw: str) -> tuple[str, ...]:
    topics = _TOPIC_CACHE.get(raw)
    if topics is None:
        topics = _TOPIC_CACHE[raw] = tuple(json.loads(raw))
    return topics


def _spec(
    kind: str,
    rows: list[search_docs.Row],
    section: int | None,
    heading: str | None,
    topics: Sequence[str],
    kinds: Sequence[str],
) -> Spec:
    """One document: the parts' texts (row[3]) joined by blank lines, their byte offsets, ords (row[1])
    and anchors (row[2]) kept as compact JSON in `parts`."""
    texts, parts, offset = [], [], 0
    for row in rows:
        text = (row[3] or "").strip()
        if text:
            ord_ = "null" if row[1] is None else row[1]
            anchor = "null" if row[2] is None else f'"{row[2]}"'
            parts.append(f"[{offset},{ord_},{anchor}]")
            texts.append(text)
            offset += (len(text) if text.isascii() else len(text.encode())) + _SEP_BYTES
    text = SEPARATOR.join(texts)
    return kind, text, pairs(text), f"[{','.join(parts)}]".encode(), section, heading, topics, kinds


def to_document(head: Head, spec: Spec) -> tantivy.Document:
    report, version, country, country_name, edition, country_code = head
    kind, text, word_pairs, parts, section, heading, topics, kinds = spec
    doc = tantivy.Document()
    doc.add_text("text", text)
    doc.add_text("exact", text)
    doc.add_text("pairs", word_pairs)
    doc.add_bytes("parts", parts)
    doc.add_text("report", report)
    doc.add_text("version", version)
    doc.add_text("kind", kind)
    if country is not None:
        doc.add_text("country", country)
    if country_name is not None:
        doc.add_text("country_name", country_name)
    if heading is not None:
        doc.add_text("heading", heading)
    if edition is not None and edition >= 0:
        doc.add_unsigned("edition", edition)
    if section is not None and section >= 0:
        doc.add_unsigned("section", section)
    for topic in topics:
        doc.add_text("topic", topic)
    for k in kinds:
        doc.add_text("source_kind", k)
    if country:
        doc.add_unsigned("f_country", country_code)
    _add_masks(doc, mask_values(topics, TOPICS), mask_values(kinds, CITATION_KINDS))
    return doc


_SEP_BYTES = len(SEPARATOR.encode())


def _add_masks(doc: tantivy.Document, topic_mask: int, kind_mask: int) -> None:
    for name, vocabulary, first, bits in MASKS:
        mask = topic_mask if vocabulary is TOPICS else kind_mask
        doc.add_unsigned(name, mask >> first & ((1 << bits) - 1))


def _swap(tmp: Path, path: Path) -> None:
    old = path.with_name(f"{path.name}.old-{os.getpid()}")
    if path.exists():
        os.rename(path, old)
    os.rename(tmp, path)
    shutil.rmtree(old, ignore_errors=True)
    forget(path)
