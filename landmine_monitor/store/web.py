"""Read queries the web site needs beyond store/archive.py: countries, neighbours, sources, facts."""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def country(conn: sqlite3.Connection, iso3: str) -> dict[str, Any] | None:
    row = conn.execute("SELECT iso3, name FROM countries WHERE iso3 = ?", (iso3.upper(),)).fetchone()
    return dict(row) if row else None


def edition_exists(conn: sqlite3.Connection, year: int) -> bool:
    return conn.execute("SELECT 1 FROM editions WHERE year = ?", (year,)).fetchone() is not None


def neighbour_reports(conn: sqlite3.Connection, rid: str) -> dict[str, dict[str, Any] | None]:
    """The same country's previous and next report of the same kind, with their editions."""
    row = conn.execute("SELECT iso3, edition, kind FROM reports WHERE id = ?", (rid,)).fetchone()
    if row is None or row["iso3"] is None or row["edition"] is None:
        return {"previous": None, "next": None}
    sql = (
        "SELECT id, edition FROM reports WHERE iso3 = ? AND kind = ? AND edition {op} ?"
        " ORDER BY edition {order}, id LIMIT 1"
    )
    args = (row["iso3"], row["kind"], row["edition"])
    prev = conn.execute(sql.format(op="<", order="DESC"), args).fetchone()
    nxt = conn.execute(sql.format(op=">", order="ASC"), args).fetchone()
    return {"previous": dict(prev) if prev else None, "next": dict(nxt) if nxt else None}


def source_kinds(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = conn.execute(
        "SELECT kind, count(*) AS sources FROM sources GROUP BY kind ORDER BY kind"
    ).fetchall()
    return [dict(r) for r in rows]


_SOURCE_COLUMNS = (
    "s.id, s.kind, s.label, count(*) AS citations, count(DISTINCT c.report_id) AS reports,"
    " count(DISTINCT r.iso3) AS countries, min(r.edition) AS first_edition, max(r.edition) AS last_edition"
)


def list_sources(conn: sqlite3.Connection, kind: str | None = None) -> list[dict[str, Any]]:
    """The source registry with how often and where each source is cited (most cited first)."""
    rows = conn.execute(
        "SELECT s.id, s.kind, s.label, a.citations, a.reports, a.countries, a.first_edition, a.last_edition"
        " FROM sources s JOIN (SELECT c.source_id, count(*) AS citations, count(DISTINCT c.report_id) AS reports,"
        "   count(DISTINCT r.iso3) AS countries, min(r.edition) AS first_edition, max(r.edition) AS last_edition"
        "   FROM citations c NOT INDEXED JOIN reports r ON r.id = c.report_id WHERE c.source_id IS NOT NULL"
        "   GROUP BY c.source_id) a ON a.source_id = s.id"
        " WHERE (? IS NULL OR s.kind = ?) ORDER BY a.citations DESC, s.label, s.id",
        (kind, kind),
    ).fetchall()
    return [dict(r) for r in rows]


def source_row(conn: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    row = conn.execute(
        f"SELECT {_SOURCE_COLUMNS} FROM sources s LEFT JOIN citations c ON c.source_id = s.id"
        " LEFT JOIN reports r ON r.id = c.report_id WHERE s.id = ? GROUP BY s.id",
        (source_id,),
    ).fetchone()
    return dict(row) if row else None


def source_citations(conn: sqlite3.Connection, source_id: str) -> list[dict[str, Any]]:
    """Every place a source is cited: report, note, the citation's text and the paragraphs citing the note."""
    rows = conn.execute(
        "SELECT c.report_id, r.iso3, co.name AS country, r.edition, r.title, r.kind AS report_kind,"
        " c.footnote_number, c.ord, c.kind, c.text, c.date, c.pages,"
        " (SELECT json_group_array(json_array(m.section_ord, m.paragraph_ord)) FROM markers m"
        "   WHERE m.report_id = c.report_id AND m.footnote_number = c.footnote_number) AS places"
        " FROM citations c JOIN reports r ON r.id = c.report_id LEFT JOIN countries co ON co.iso3 = r.iso3"
        " WHERE c.source_id = ? ORDER BY r.edition, co.name, c.report_id, c.footnote_number, c.ord",
        (source_id,),
    ).fetchall()
    out = []
    for r in rows:
        d = dict(r)
        d["places"] = [tuple(p) for p in json.loads(d["places"] or "[]")]
        out.append(d)
    return out


def example_paragraph(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """A paragraph to show how citing works: the first paragraph of the newest country report."""
    row = conn.execute(
        "SELECT p.report_id, p.anchor, r.title, r.edition FROM reports r JOIN paragraphs p ON p.report_id = r.id"
        " WHERE r.id = (SELECT id FROM reports WHERE kind = 'country_report' ORDER BY edition DESC, id LIMIT 1)"
        " ORDER BY p.section_ord, p.ord LIMIT 1"
    ).fetchone()
    return dict(row) if row else None
