"""Read queries over the archive: editions, countries, reports, sections, paragraphs, notes."""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def stats(conn: sqlite3.Connection) -> dict[str, int]:
    """How much the archive holds: editions, countries, reports, sections, paragraphs, footnotes, ..."""
    tables = (
        "editions",
        "countries",
        "reports",
        "sections",
        "paragraphs",
        "footnotes",
        "citations",
        "sources",
        "facts",
    )
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def list_editions(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT e.year, count(r.id) AS reports, count(DISTINCT r.iso3) AS countries"
        " FROM editions e LEFT JOIN reports r ON r.edition = e.year GROUP BY e.year ORDER BY e.year"
    ).fetchall()
    return [dict(r) for r in rows]


def list_countries(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT c.iso3, c.name, count(r.id) AS reports, count(DISTINCT r.edition) AS editions,"
        " min(r.edition) AS first_edition, max(r.edition) AS last_edition"
        " FROM countries c LEFT JOIN reports r ON r.iso3 = c.iso3 GROUP BY c.iso3 ORDER BY c.name"
    ).fetchall()
    return [dict(r) for r in rows]


_REPORT_COLUMNS = (
    "r.id, r.kind, r.iso3, c.name AS country, r.edition, r.title, r.source_path, r.source_url, r.sha256,"
    " r.ingested_at,"
    " (SELECT count(*) FROM sections s WHERE s.report_id = r.id) AS sections,"
    " (SELECT count(*) FROM paragraphs p WHERE p.report_id = r.id) AS paragraphs,"
    " (SELECT count(*) FROM footnotes f WHERE f.report_id = r.id) AS footnotes,"
    " (SELECT count(*) FROM warnings w WHERE w.report_id = r.id) AS warnings"
)


def list_reports(
    conn: sqlite3.Connection, iso3: str | None = None, edition: int | None = None, kind: str | None = None
) -> list[dict[str, Any]]:
    rows = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports r LEFT JOIN countries c ON c.iso3 = r.iso3"
        " WHERE (? IS NULL OR r.iso3 = ?) AND (? IS NULL OR r.edition = ?) AND (? IS NULL OR r.kind = ?)"
        " ORDER BY r.edition, c.name, r.id",
        (iso3, iso3, edition, edition, kind, kind),
    ).fetchall()
    return [dict(r) for r in rows]


def report_row(conn: sqlite3.Connection, rid: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {_REPORT_COLUMNS} FROM reports r LEFT JOIN countries c ON c.iso3 = r.iso3 WHERE r.id = ?",
        (rid,),
    ).fetchone()
    return dict(row) if row else None


def country_editions(conn: sqlite3.Connection, iso3: str) -> list[dict[str, Any]]:
    """A country's reports in edition order (the timeline), with their ids."""
    return list_reports(conn, iso3=iso3)


def neighbours(conn: sqlite3.Connection, rid: str) -> dict[str, str | None]:
    """The same country's previous and next edition report ids."""
    row = conn.execute("SELECT iso3, edition, kind FROM reports WHERE id = ?", (rid,)).fetchone()
    if row is None or row["iso3"] is None or row["edition"] is None:
        return {"previous": None, "next": None}
    prev = conn.execute(
        "SELECT id FROM reports WHERE iso3 = ? AND kind = ? AND edition < ? ORDER BY edition DESC LIMIT 1",
        (row["iso3"], row["kind"], row["edition"]),
    ).fetchone()
    nxt = conn.execute(
        "SELECT id FROM reports WHERE iso3 = ? AND kind = ? AND edition > ? ORDER BY edition LIMIT 1",
        (row["iso3"], row["kind"], row["edition"]),
    ).fetchone()
    return {"previous": prev[0] if prev else None, "next": nxt[0] if nxt else None}


def report_by_source_url(conn: sqlite3.Connection, edition: int, slug: str) -> str | None:
    """For old Monitor URLs: a report of that edition whose source URL or path names the slug."""
    row = conn.execute(
        "SELECT id FROM reports WHERE edition = ? AND (lower(source_url) LIKE ? OR lower(source_path) LIKE ?)"
        " ORDER BY kind = 'country_report' DESC LIMIT 1",
        (edition, f"%{slug.lower()}%", f"%{slug.lower()}%"),
    ).fetchone()
    return row[0] if row else None


def latest_by_topic(conn: sqlite3.Connection, iso3: str) -> list[dict[str, Any]]:
    """What the latest report of a country says per topic: the first paragraph of each topic's newest section."""
    rows = conn.execute(
        "SELECT r.id AS report_id, r.edition, s.ord AS section_ord, s.heading, s.topics, p.ord AS paragraph_ord,"
        " p.anchor, p.text FROM reports r JOIN sections s ON s.report_id = r.id"
        " JOIN paragraphs p ON p.report_id = r.id AND p.section_ord = s.ord AND p.ord = 0"
        " WHERE r.iso3 = ? AND r.edition IS NOT NULL ORDER BY r.edition DESC, s.ord",
        (iso3,),
    ).fetchall()
    seen: set[str] = set()
    out: list[dict[str, Any]] = []
    for r in rows:
        topics = json.loads(r["topics"])
        fresh = [t for t in topics if t not in seen]
        if not fresh:
            continue
        seen.update(topics)
        out.append({**dict(r), "topics": topics})
    return out
