"""Read queries the web site needs beyond store/archive.py and store/sources.py: countries, neighbours."""

from __future__ import annotations

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


def example_paragraph(conn: sqlite3.Connection) -> dict[str, Any] | None:
    """A paragraph to show how citing works: the first paragraph of the newest country report."""
    row = conn.execute(
        "SELECT p.report_id, p.anchor, r.title, r.edition, co.name AS country FROM reports r"
        " JOIN paragraphs p ON p.report_id = r.id LEFT JOIN countries co ON co.iso3 = r.iso3"
        " WHERE r.id = (SELECT id FROM reports WHERE kind = 'country_report' ORDER BY edition DESC, id LIMIT 1)"
        " ORDER BY p.section_ord, p.ord LIMIT 1"
    ).fetchone()
    return dict(row) if row else None
