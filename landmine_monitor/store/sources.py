"""Read queries for sources and citations (issue 3): the registry of sources with how often and where
each is cited, and every note of one report with its parsed citations."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..model import note_anchor, paragraph_anchor
from . import find_report

_FILTER = (
    " WHERE (:kind IS NULL OR s.kind = :kind)"
    " AND (:iso3 IS NULL OR s.id IN (SELECT c2.source_id FROM citations c2"
    " JOIN reports r2 ON r2.id = c2.report_id WHERE r2.iso3 = :iso3))"
)
_SOURCES = (
    "SELECT s.id, s.kind, s.label, COUNT(*) AS citations, COUNT(DISTINCT c.report_id) AS reports,"
    " GROUP_CONCAT(DISTINCT r.iso3) AS countries, GROUP_CONCAT(DISTINCT r.edition) AS editions,"
    " MIN(c.date) AS first_date, MAX(COALESCE(c.date_end, c.date)) AS last_date"
    " FROM sources s JOIN citations c ON c.source_id = s.id JOIN reports r ON r.id = c.report_id"
    + _FILTER
    + " GROUP BY s.id ORDER BY citations DESC, reports DESC, s.id LIMIT :limit"
)
_WHERE_CITED = (
    "SELECT c.source_id, c.report_id, r.iso3, r.edition, c.footnote_number, c.ord, c.kind,"
    " (SELECT GROUP_CONCAT(m.section_ord || ':' || m.paragraph_ord) FROM markers m"
    "  WHERE m.report_id = c.report_id AND m.footnote_number = c.footnote_number) AS paragraphs"
    " FROM citations c JOIN reports r ON r.id = c.report_id"
    " WHERE c.source_id IN (SELECT value FROM json_each(:ids))"
    " ORDER BY r.edition, r.iso3, c.report_id, c.footnote_number, c.ord"
)


def _split(value: str | None, cast: type = str) -> list[Any]:
    return sorted({cast(v) for v in value.split(",")}) if value else []


def _anchors(value: str | None) -> list[str]:
    """ "2:0,2:1" from the markers table -> ["p-3-1", "p-3-2"]."""
    out = []
    for pair in (value or "").split(","):
        if ":" in pair:
            s, p = pair.split(":")
            out.append(paragraph_anchor(int(s), int(p)))
    return sorted(set(out), key=out.index)


def list_sources(
    conn: sqlite3.Connection,
    kind: str | None = None,
    iso3: str | None = None,
    limit: int | None = None,
    where: bool = False,
) -> list[dict[str, Any]]:
    """Sources, most cited first, with counts, countries and editions; `where` adds every citation's
    report, note and paragraph anchors (`cited_in`)."""
    params = {"kind": kind, "iso3": iso3.upper() if iso3 else None, "limit": -1 if limit is None else limit}
    rows = [
        {
            "id": r["id"],
            "kind": r["kind"],
            "label": r["label"],
            "citations": r["citations"],
            "reports": r["reports"],
            "countries": _split(r["countries"]),
            "editions": _split(r["editions"], int),
            "first_date": r["first_date"],
            "last_date": r["last_date"],
        }
        for r in conn.execute(_SOURCES, params)
    ]
    if where and rows:
        places = _where_cited(conn, [r["id"] for r in rows])
        for r in rows:
            r["cited_in"] = places.get(r["id"], [])
    return rows


def _where_cited(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(_WHERE_CITED, {"ids": json.dumps(ids)}):
        out.setdefault(r["source_id"], []).append(
            {
                "report_id": r["report_id"],
                "iso3": r["iso3"],
                "edition": r["edition"],
                "footnote": r["footnote_number"],
                "anchor": note_anchor(r["footnote_number"]),
                "citation": r["ord"],
                "kind": r["kind"],
                "paragraphs": _anchors(r["paragraphs"]),
            }
        )
    return out


def get_source(conn: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    """One source with every place it is cited, or None."""
    row = conn.execute("SELECT id, kind, label FROM sources WHERE id = ?", (source_id,)).fetchone()
    if row is None:
        return None
    cited = _where_cited(conn, [source_id]).get(source_id, [])
    return {"id": row["id"], "kind": row["kind"], "label": row["label"], "cited_in": cited}


def report_notes(conn: sqlite3.Connection, report_id: str) -> list[dict[str, Any]]:
    """Every note of a report in order: its text, the paragraphs citing it, and its parsed citations.
    A reference to another edition gains `"report"`: that edition's report of the same country, when
    the database holds it."""
    meta = conn.execute("SELECT iso3 FROM reports WHERE id = ?", (report_id,)).fetchone()
    iso3 = meta["iso3"] if meta else None
    paragraphs: dict[int, list[str]] = {}
    for m in conn.execute(
        "SELECT footnote_number, section_ord, paragraph_ord FROM markers WHERE report_id = ?"
        " ORDER BY section_ord, paragraph_ord",
        (report_id,),
    ):
        anchors = paragraphs.setdefault(m[0], [])
        anchor = paragraph_anchor(m[1], m[2])
        if anchor not in anchors:
            anchors.append(anchor)
    counts = _source_counts(conn, report_id)
    notes: dict[int, dict[str, Any]] = {}
    for n in conn.execute(
        "SELECT number, anchor, text FROM footnotes WHERE report_id = ? ORDER BY number", (report_id,)
    ):
        notes[n["number"]] = {
            "number": n["number"],
            "anchor": n["anchor"],
            "text": n["text"],
            "paragraphs": paragraphs.get(n["number"], []),
            "citations": [],
        }
    for c in conn.execute(
        "SELECT * FROM citations WHERE report_id = ? ORDER BY footnote_number, ord", (report_id,)
    ):
        note = notes.get(c["footnote_number"])
        if note is not None:
            note["citations"].append(_citation(conn, c, iso3, counts))
    return list(notes.values())


def _source_counts(conn: sqlite3.Connection, report_id: str) -> dict[str, tuple[int, int]]:
    """For each source the report cites: (citations, reports) across the whole archive."""
    rows = conn.execute(
        "SELECT source_id, COUNT(*), COUNT(DISTINCT report_id) FROM citations WHERE source_id IN"
        " (SELECT source_id FROM citations WHERE report_id = ?) GROUP BY source_id",
        (report_id,),
    )
    return {r[0]: (r[1], r[2]) for r in rows}


def _citation(
    conn: sqlite3.Connection, c: sqlite3.Row, iso3: str | None, counts: dict[str, tuple[int, int]]
) -> dict[str, Any]:
    refers_to = json.loads(c["refers_to"]) if c["refers_to"] else None
    if refers_to and refers_to.get("edition") and iso3:
        target = find_report(conn, iso3, int(refers_to["edition"]))
        if target:
            refers_to["report"] = target
    total, reports = counts.get(c["source_id"], (0, 0))
    return {
        "kind": c["kind"],
        "text": c["text"],
        "date": c["date"],
        "date_end": c["date_end"],
        "people": json.loads(c["people"]),
        "organizations": json.loads(c["organizations"]),
        "title": c["title"],
        "outlet": c["outlet"],
        "place": c["place"],
        "pages": c["pages"],
        "urls": json.loads(c["urls"]),
        "un_symbols": json.loads(c["un_symbols"]),
        "refers_to": refers_to,
        "source_id": c["source_id"],
        "source_citations": total,
        "source_reports": reports,
    }
