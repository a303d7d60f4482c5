"""Read queries for sources and citations (issue 3): the registry of sources with how often and where
each is cited, and every note of one report with its parsed citations."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from ..model import note_anchor, paragraph_anchor
from . import find_report

# The fields of a registry row, in the order tables and CSV files show them.
REGISTRY_COLUMNS = (
    "id",
    "kind",
    "citations",
    "reports",
    "countries",
    "editions",
    "first_date",
    "last_date",
    "label",
)

# Registry queries run in two steps so a page of the registry stays cheap at thousands of reports: rank
# sources by counting citations alone (an index-only GROUP BY over citations(source_id, report_id), migration
# 2), then describe only the ranked page (countries, editions, dates) from its (source, report) pairs.
_KIND = " AND c.source_id IN (SELECT id FROM sources WHERE kind = :kind)"
_COUNTRY = (
    " AND c.source_id IN (SELECT c2.source_id FROM reports r2 JOIN citations c2 ON c2.report_id = r2.id"
    " WHERE r2.iso3 = :iso3)"
)
_RANK = (
    "SELECT c.source_id AS id, COUNT(*) AS citations, COUNT(DISTINCT c.report_id) AS reports"
    " FROM citations c WHERE c.source_id IS NOT NULL{filters}"
    " GROUP BY c.source_id ORDER BY citations DESC, reports DESC, c.source_id LIMIT :limit OFFSET :offset"
)
_COUNT = "SELECT COUNT(DISTINCT c.source_id) FROM citations c WHERE c.source_id IS NOT NULL{filters}"
_DESCRIBE = (
    "SELECT s.id, s.kind, s.label, a.countries, a.editions, a.first_date, a.last_date FROM"
    " (SELECT c.source_id, GROUP_CONCAT(DISTINCT r.iso3) AS countries, GROUP_CONCAT(DISTINCT r.edition) AS editions,"
    "   MIN(c.date) AS first_date, MAX(COALESCE(c.date_end, c.date)) AS last_date"
    "   FROM citations c JOIN reports r ON r.id = c.report_id WHERE c.source_id {which} GROUP BY c.source_id) a"
    " JOIN sources s ON s.id = a.source_id"
)
_SOME = "IN (SELECT value FROM json_each(:ids))"
_WHERE_CITED = (
    "SELECT c.source_id, c.report_id, r.iso3, co.name AS country, r.edition, r.title, c.footnote_number,"
    " c.ord, c.kind, c.text, c.date,"
    " (SELECT GROUP_CONCAT(m.section_ord || ':' || m.paragraph_ord) FROM markers m"
    "  WHERE m.report_id = c.report_id AND m.footnote_number = c.footnote_number) AS paragraphs"
    " FROM citations c JOIN reports r ON r.id = c.report_id LEFT JOIN countries co ON co.iso3 = r.iso3"
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


def _filters(kind: str | None, iso3: str | None) -> dict[str, str]:
    return {"filters": (_KIND if kind else "") + (_COUNTRY if iso3 else "")}


def count_sources(conn: sqlite3.Connection, kind: str | None = None, iso3: str | None = None) -> int:
    """How many sources `list_sources` lists with these filters (for paging)."""
    sql = _COUNT.format(**_filters(kind, iso3))
    row = conn.execute(sql, {"kind": kind, "iso3": iso3.upper() if iso3 else None}).fetchone()
    return int(row[0])


def list_sources(
    conn: sqlite3.Connection,
    kind: str | None = None,
    iso3: str | None = None,
    limit: int | None = None,
    where: bool = False,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Sources, most cited first, with counts, countries and editions; `where` adds every citation's
    report, note and paragraph anchors (`cited_in`). `limit` and `offset` page through the ranking."""
    params = {
        "kind": kind,
        "iso3": iso3.upper() if iso3 else None,
        "limit": -1 if limit is None else limit,
        "offset": offset,
    }
    ranked = [dict(r) for r in conn.execute(_RANK.format(**_filters(kind, iso3)), params)]
    rows = _describe(conn, ranked, everything=limit is None and offset == 0 and not kind and not iso3)
    if where and rows:
        places = _where_cited(conn, [r["id"] for r in rows])
        for r in rows:
            r["cited_in"] = places.get(r["id"], [])
    return rows


def _describe(
    conn: sqlite3.Connection, ranked: list[dict[str, Any]], everything: bool = False
) -> list[dict[str, Any]]:
    """The ranked sources (id, citations, reports) with kind, label, countries, editions and dates;
    `everything` when `ranked` is the whole registry (one scan instead of a lookup per source)."""
    if not ranked:
        return []
    sql = _DESCRIBE.format(which="IS NOT NULL" if everything else _SOME)
    about = {r["id"]: r for r in conn.execute(sql, {"ids": json.dumps([r["id"] for r in ranked])})}
    return [
        {
            "id": r["id"],
            "kind": about[r["id"]]["kind"],
            "label": about[r["id"]]["label"],
            "citations": r["citations"],
            "reports": r["reports"],
            "countries": _split(about[r["id"]]["countries"]),
            "editions": _split(about[r["id"]]["editions"], int),
            "first_date": about[r["id"]]["first_date"],
            "last_date": about[r["id"]]["last_date"],
        }
        for r in ranked
        if r["id"] in about
    ]


def source_kinds(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Each source kind with how many sources it has."""
    rows = conn.execute("SELECT kind, COUNT(*) AS sources FROM sources GROUP BY kind ORDER BY kind")
    return [dict(r) for r in rows]


def source_labels(conn: sqlite3.Connection, ids: list[str]) -> dict[str, str]:
    """The registry's label of each of these sources (an Ibid.'s source is the one it repeats)."""
    rows = conn.execute(
        "SELECT id, label FROM sources WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(ids),)
    )
    return {r[0]: r[1] for r in rows}


def _where_cited(conn: sqlite3.Connection, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(_WHERE_CITED, {"ids": json.dumps(ids)}):
        out.setdefault(r["source_id"], []).append(
            {
                "report_id": r["report_id"],
                "iso3": r["iso3"],
                "country": r["country"],
                "edition": r["edition"],
                "title": r["title"],
                "footnote": r["footnote_number"],
                "anchor": note_anchor(r["footnote_number"]),
                "citation": r["ord"],
                "kind": r["kind"],
                "text": r["text"],
                "date": r["date"],
                "paragraphs": _anchors(r["paragraphs"]),
            }
        )
    return out


def get_source(conn: sqlite3.Connection, source_id: str) -> dict[str, Any] | None:
    """One source as `list_sources` lists it, with every place it is cited (`cited_in`), or None."""
    row = conn.execute(
        "SELECT COUNT(*) AS citations, COUNT(DISTINCT report_id) AS reports FROM citations WHERE source_id = ?",
        (source_id,),
    ).fetchone()
    found = _describe(conn, [{"id": source_id, **dict(row)}])  # a stored source is always cited
    if not found:
        return None
    return {**found[0], "cited_in": _where_cited(conn, [source_id]).get(source_id, [])}


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
