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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

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
    usable,
    write_manifest,
)
from .index import writer as index_writer

BUILD_HEAP = 256_000_000
SYNC_HEAP = 64_000_000


def rebuild(db: Path) -> int:
    """Build the whole index from the database into a fresh directory, then swap it in; documents indexed."""
    db = Path(db)
    path = index_dir(db)
    tmp = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    conn = store.connect(db, readonly=True)
    try:
        index = create(tmp)
        writer = index_writer(index, BUILD_HEAP, _threads(), path)
        count = _add_reports(writer, conn, sorted(search_docs.report_versions(conn)))
        writer.commit()
        writer.wait_merging_threads()
        write_manifest(tmp, search_docs.country_names(conn))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    finally:
        conn.close()
    _swap(tmp, path)
    return count


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


def _rid(version: str) -> str:
    return version.rsplit("@", 1)[0]


def _indexed_versions(searcher: tantivy.Searcher) -> set[str]:
    """The report versions with live documents (deleted documents linger in the term dictionary)."""
    terms = searcher.terms_with_prefix("version", "", filter_query=tantivy.Query.all_query())
    return {term for term, count in terms if count > 0}


def _threads() -> int:
    return max(1, min(4, os.cpu_count() or 1))


def _add_reports(writer: tantivy.IndexWriter, conn: sqlite3.Connection, ids: Iterable[str]) -> int:
    count = 0
    for rid in ids:
        for doc in search_docs.report_documents(conn, rid):
            writer.add_document(to_document(doc))
            count += 1
    return count


def to_document(d: dict[str, Any]) -> tantivy.Document:
    """One index document from store.search_docs: parts joined by blank lines, their offsets kept."""
    doc = tantivy.Document()
    texts, parts, offset = [], [], 0
    for anchor, ord_, raw in d["parts"]:
        text = (raw or "").strip()
        if text:
            parts.append([offset, ord_, anchor])
            texts.append(text)
            offset += len(text.encode()) + len(SEPARATOR)
    text = SEPARATOR.join(texts)
    doc.add_text("text", text)
    doc.add_text("exact", text)
    doc.add_bytes("parts", json.dumps(parts, separators=(",", ":")).encode())
    for name in ("report", "version", "kind", "country", "country_name", "heading"):
        if d.get(name) is not None:
            doc.add_text(name, str(d[name]))
    for name in ("edition", "section"):
        if d.get(name) is not None:
            doc.add_integer(name, int(d[name]))
    for topic in d["topics"]:
        doc.add_text("topic", topic)
    for kind in d["source_kinds"]:
        doc.add_text("source_kind", kind)
    if d.get("country"):
        doc.add_integer("f_country", country_number(d["country"]))
    masks = {
        TOPICS: mask_values(d["topics"], TOPICS),
        CITATION_KINDS: mask_values(d["source_kinds"], CITATION_KINDS),
    }
    for name, vocabulary, first, bits in MASKS:
        doc.add_integer(name, masks[vocabulary] >> first & ((1 << bits) - 1))
    return doc


def _swap(tmp: Path, path: Path) -> None:
    old = path.with_name(f"{path.name}.old-{os.getpid()}")
    if path.exists():
        os.rename(path, old)
    os.rename(tmp, path)
    shutil.rmtree(old, ignore_errors=True)
    forget(path)
