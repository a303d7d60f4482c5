"""Read queries that feed the search index: one row per searchable text, with where it sits.

The search index (landmine_monitor/search/) is derived from these rows and rebuilt from them; nothing here
writes. Documents come in four kinds: `title` (one per report), `key_development`, `paragraph`, `footnote`.
Each carries its report, country (code and name), edition, section (ord, heading, topics), anchor and the
citation kinds of the sources it cites (a paragraph: the kinds of the notes it marks; a note: its own).
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
    """The searchable documents of one report, in reading order (title, key developments, paragraphs, notes)."""
    head = conn.execute(
        "SELECT r.id, r.kind, r.iso3, c.name AS country_name, r.edition, r.title, r.sha256"
        " FROM reports r LEFT JOIN countries c ON c.iso3 = r.iso3 WHERE r.id = ?",
        (rid,),
    ).fetchone()
    if head is None:
        return
    base = {
        "report": rid,
        "report_kind": head["kind"],
        "country": head["iso3"],
        "country_name": head["country_name"],
        "edition": head["edition"],
        "version": f"{rid}@{head['sha256']}",
    }
    yield {**base, "kind": "title", "text": _title(head), "topics": [], "source_kinds": []}
    yield from _key_developments(conn, rid, base)
    yield from _paragraphs(conn, rid, base)
    yield from _footnotes(conn, rid, base)


def _title(head: sqlite3.Row) -> str:
    if head["title"]:
        return str(head["title"])
    name = head["country_name"] or head["iso3"] or head["id"]
    return f"{name}, Landmine Monitor Report {head['edition']}" if head["edition"] else str(name)


def _key_developments(conn: sqlite3.Connection, rid: str, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for row in conn.execute(
        "SELECT ord, since, text FROM key_developments WHERE report_id = ? ORDER BY ord", (rid,)
    ):
        yield {
            **base,
            "kind": "key_development",
            "text": row["text"],
            "heading": f"Key developments since {row['since']}",
            "topics": ["key_developments"],
            "source_kinds": [],
        }


def _paragraphs(conn: sqlite3.Connection, rid: str, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    kinds = _paragraph_source_kinds(conn, rid)
    rows = conn.execute(
        "SELECT p.section_ord, p.ord, p.text, s.heading, s.topics FROM paragraphs p"
        " JOIN sections s ON s.report_id = p.report_id AND s.ord = p.section_ord"
        " WHERE p.report_id = ? ORDER BY p.section_ord, p.ord",
        (rid,),
    )
    for row in rows:
        so, po = row["section_ord"], row["ord"]
        yield {
            **base,
            "kind": "paragraph",
            "text": row["text"],
            "section": so,
            "paragraph": po,
            "anchor": paragraph_anchor(so, po),
            "heading": row["heading"],
            "topics": json.loads(row["topics"]),
            "source_kinds": kinds.get((so, po), []),
        }


def _paragraph_source_kinds(conn: sqlite3.Connection, rid: str) -> dict[tuple[int, int], list[str]]:
    rows = conn.execute(
        "SELECT DISTINCT m.section_ord, m.paragraph_ord, c.kind FROM markers m"
        " JOIN citations c ON c.report_id = m.report_id AND c.footnote_number = m.footnote_number"
        " WHERE m.report_id = ? ORDER BY 1, 2, 3",
        (rid,),
    )
    out: dict[tuple[int, int], list[str]] = {}
    for so, po, kind in rows:
        out.setdefault((so, po), []).append(kind)
    return out


def _footnotes(conn: sqlite3.Connection, rid: str, base: dict[str, Any]) -> Iterator[dict[str, Any]]:
    kinds: dict[int, list[str]] = {}
    for number, kind in conn.execute(
        "SELECT DISTINCT footnote_number, kind FROM citations WHERE report_id = ? ORDER BY 1, 2", (rid,)
    ):
        kinds.setdefault(number, []).append(kind)
    topics = _footnote_topics(conn, rid)
    for row in conn.execute("SELECT number, text FROM footnotes WHERE report_id = ? ORDER BY number", (rid,)):
        n = row["number"]
        yield {
            **base,
            "kind": "footnote",
            "text": row["text"],
            "footnote": n,
            "anchor": note_anchor(n),
            "topics": topics.get(n, []),
            "source_kinds": kinds.get(n, []),
        }


def _footnote_topics(conn: sqlite3.Connection, rid: str) -> dict[int, list[str]]:
    """A note is about the topics of the sections whose paragraphs cite it."""
    out: dict[int, list[str]] = {}
    rows = conn.execute(
        "SELECT DISTINCT m.footnote_number, s.topics FROM markers m"
        " JOIN sections s ON s.report_id = m.report_id AND s.ord = m.section_ord WHERE m.report_id = ?",
        (rid,),
    )
    for number, topics in rows:
        acc = out.setdefault(number, [])
        acc.extend(t for t in json.loads(topics) if t not in acc)
    return out
