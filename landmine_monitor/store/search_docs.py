"""Read queries that feed the search index: the searchable texts of each report, with where they sit.

The search index (landmine_monitor/search/) is derived from these rows and rebuilt from them; nothing here
writes. A report gives one document per section (its paragraphs, each part keeping its anchor `p-S-P`), one
for its notes (each part `fn-N`), one for its key developments and one for its title. Each carries the
report, country (code and name), edition, section (ord, heading, topics) and the citation kinds of the
sources it cites (a section: the kinds of the notes its paragraphs mark; the notes: their own).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from typing import Any

from ..model import note_anchor, paragraph_anchor


def report_versions(conn: sqlite3.Connection) -> dict[str, str]:
    """Every stored report id with the sha256 of its source: what the index must hold."""
    return {r[0]: r[1] for r in conn.execute("SELECT id, sha256 FROM reports")}


def country_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT iso3, name FROM countries")}


def report_documents(conn: sqlite3.Connection, rid: str) -> Iterator[dict[str, Any]]:
    """The searchable documents of one report, in reading order: title, key developments, sections, notes.

    `parts` is a list of (anchor, ord, text): paragraphs (ord = paragraph ord) or notes (ord = number).
    """
    head = conn.execute(
        "SELECT r.id, r.kind, r.iso3, c.name AS country_name, r.edition, r.title, r.sha256"
        " FROM reports r LEFT JOIN countries c ON c.iso3 = r.iso3 WHERE r.id = ?",
        (rid,),
    ).fetchone()
    if head is None:
        return
    base = {
        "report": rid,
        "country": head["iso3"],
        "country_name": head["country_name"],
        "edition": head["edition"],
        "version": f"{rid}@{head['sha256']}",
        "heading": None,
        "section": None,
        "topics": [],
        "source_kinds": [],
    }
    yield {**base, "kind": "title", "parts": [(None, None, _title(head))]}
    kd = [
        (None, row[0], row[1])
        for row in conn.execute(
            "SELECT ord, text FROM key_developments WHERE report_id = ? ORDER BY ord", (rid,)
        )
    ]
    if kd:
        yield {**base, "kind": "key_developments", "parts": kd, "topics": ["key_developments"]}
    yield from _sections(conn, rid, base)
    notes = _notes(conn, rid, base)
    if notes is not None:
        yield notes


def _title(head: sqlite3.Row) -> str:
    if head["title"]:
        return str(head["title"])
    name = head["country_name"] or head["iso3"] or head["id"]
    return f"{name}, Landmine Monitor Report {head['edition']}" if head["edition"] else str(name)


def _sections(conn: sqlite3.Connection, rid: str, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    kinds = _section_source_kinds(conn, rid)
    rows = conn.execute(
        "SELECT p.section_ord, p.ord, p.text, s.heading, s.topics FROM paragraphs p"
        " JOIN sections s ON s.report_id = p.report_id AND s.ord = p.section_ord"
        " WHERE p.report_id = ? ORDER BY p.section_ord, p.ord",
        (rid,),
    )
    doc: dict[str, Any] | None = None
    for so, po, text, heading, topics in rows:
        if doc is None or doc["section"] != so:
            if doc is not None:
                yield doc
            doc = {
                **base,
                "kind": "section",
                "section": so,
                "heading": heading,
                "topics": json.loads(topics),
                "source_kinds": kinds.get(so, []),
                "parts": [],
            }
        doc["parts"].append((paragraph_anchor(so, po), po, text))
    if doc is not None:
        yield doc


def _section_source_kinds(conn: sqlite3.Connection, rid: str) -> dict[int, list[str]]:
    rows = conn.execute(
        "SELECT DISTINCT m.section_ord, c.kind FROM markers m"
        " JOIN citations c ON c.report_id = m.report_id AND c.footnote_number = m.footnote_number"
        " WHERE m.report_id = ? ORDER BY 1, 2",
        (rid,),
    )
    out: dict[int, list[str]] = {}
    for so, kind in rows:
        out.setdefault(so, []).append(kind)
    return out


def _notes(conn: sqlite3.Connection, rid: str, base: dict[str, Any]) -> dict[str, Any] | None:
    parts = [
        (note_anchor(n), n, text)
        for n, text in conn.execute(
            "SELECT number, text FROM footnotes WHERE report_id = ? ORDER BY number", (rid,)
        )
    ]
    if not parts:
        return None
    kinds = [
        k
        for (k,) in conn.execute(
            "SELECT DISTINCT kind FROM citations WHERE report_id = ? ORDER BY kind", (rid,)
        )
    ]
    topics: list[str] = []
    for (raw,) in conn.execute(
        "SELECT DISTINCT s.topics FROM markers m JOIN sections s ON s.report_id = m.report_id"
        " AND s.ord = m.section_ord WHERE m.report_id = ?",
        (rid,),
    ):
        topics.extend(t for t in json.loads(raw) if t not in topics)
    return {**base, "kind": "notes", "parts": parts, "topics": topics, "source_kinds": kinds}
