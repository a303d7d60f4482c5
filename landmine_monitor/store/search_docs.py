"""Read queries that feed the search index: the searchable texts of each report, with where they sit.

The search index (landmine_monitor/search/) is derived from these rows and rebuilt from them; nothing here
writes. `report_rows` streams every report (or a chosen few) with one query per table, each ordered by
report id, and joins them in one pass: no per-report queries. What a report gives the index (see
search/indexer.py): one document per section (its paragraphs, each part keeping its anchor `p-S-P`), one
for its notes (each part `fn-N`), one for its key developments and one for its title. Each carries the
report, country (code and name), edition, section (ord, heading, topics) and the citation kinds of the
sources it cites (a section: the kinds of the notes its paragraphs mark; the notes: their own).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator
from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from . import Prepared

Row = tuple[Any, ...]


class ReportRows(NamedTuple):
    """One report's searchable rows. Text rows start (report id, ord, anchor, text, ...)."""

    id: str
    iso3: str | None
    country_name: str | None
    edition: int | None
    title: str
    sha256: str
    key_developments: list[Row]  # (report id, ord, None, text)
    paragraphs: list[Row]  # (report id, ord, anchor, text, section ord, heading, topics JSON), reading order
    section_kinds: list[Row]  # (report id, section ord, citation kind), distinct, sorted
    notes: list[Row]  # (report id, number, anchor, text), by number
    note_kinds: list[Row]  # (report id, citation kind), distinct, sorted
    note_topics: list[Row]  # (report id, topics JSON) of each marker's section, by note number


def report_versions(conn: sqlite3.Connection) -> dict[str, str]:
    """Every stored report id with the sha256 of its source: what the index must hold."""
    return {r[0]: r[1] for r in conn.execute("SELECT id, sha256 FROM reports")}


def country_names(conn: sqlite3.Connection) -> dict[str, str]:
    return {r[0]: r[1] for r in conn.execute("SELECT iso3, name FROM countries")}


_HEADS = (
    "SELECT r.id, r.iso3, c.name, r.edition, r.title, r.sha256 FROM reports r"
    " LEFT JOIN countries c ON c.iso3 = r.iso3 {where} ORDER BY r.id"
)
_PARTS = {  # each ordered by report id first, as the heads are
    "key_developments": "SELECT report_id, ord, NULL, text FROM key_developments {where} ORDER BY report_id, ord",
    "paragraphs": "SELECT p.report_id, p.ord, 'p-' || (p.section_ord + 1) || '-' || (p.ord + 1), p.text,"
    " p.section_ord, s.heading, s.topics FROM paragraphs p"
    " JOIN sections s ON s.report_id = p.report_id AND s.ord = p.section_ord {where}"
    " ORDER BY p.report_id, p.section_ord, p.ord",
    "section_kinds": "SELECT DISTINCT m.report_id, m.section_ord, c.kind FROM markers m"
    " JOIN citations c ON c.report_id = m.report_id AND c.footnote_number = m.footnote_number {where}"
    " ORDER BY 1, 2, 3",
    "notes": "SELECT report_id, number, 'fn-' || number, text FROM footnotes {where} ORDER BY report_id, number",
    "note_kinds": "SELECT DISTINCT report_id, kind FROM citations {where} ORDER BY 1, 2",
    "note_topics": "SELECT m.report_id, s.topics FROM markers m"
    " JOIN sections s ON s.report_id = m.report_id AND s.ord = m.section_ord {where}"
    " ORDER BY m.report_id, m.footnote_number, m.rowid",
}
_ALIAS = {"paragraphs": "p.", "section_kinds": "m.", "note_topics": "m."}


def report_rows(conn: sqlite3.Connection, ids: Iterable[str] | None = None) -> Iterator[ReportRows]:
    """The searchable rows of every report (or of `ids`), by report id."""
    wanted = None if ids is None else json.dumps(sorted(set(ids)))
    if wanted == "[]":
        return
    heads = _stream(conn, _HEADS, "r.id", wanted)
    parts = {
        name: _Groups(_stream(conn, sql, _ALIAS.get(name, "") + "report_id", wanted))
        for name, sql in _PARTS.items()
    }
    for rid, iso3, name, edition, title, sha in heads:
        rows = {k: g.take(rid) for k, g in parts.items()}
        yield ReportRows(rid, iso3, name, edition, _title(rid, iso3, name, edition, title), sha, **rows)


def _stream(conn: sqlite3.Connection, sql: str, column: str, wanted: str | None) -> Iterator[Row]:
    where = f"WHERE {column} IN (SELECT value FROM json_each(?))" if wanted is not None else ""
    cur = conn.cursor()
    cur.row_factory = None
    return cur.execute(sql.format(where=where), () if wanted is None else (wanted,))


class _Groups:
    """Rows grouped by report id (their first column), taken in ascending id order."""

    def __init__(self, rows: Iterator[Row]) -> None:
        self._groups = groupby(rows, key=itemgetter(0))
        self._next = next(self._groups, None)

    def take(self, rid: str) -> list[Row]:
        while self._next is not None and self._next[0] < rid:
            self._next = next(self._groups, None)
        if self._next is None or self._next[0] != rid:
            return []
        rows = list(self._next[1])
        self._next = next(self._groups, None)
        return rows


def _title(rid: str, iso3: str | None, name: str | None, edition: int | None, title: str | None) -> str:
    if title:
        return str(title)
    name = name or iso3 or rid
    return f"{name}, Landmine Monitor Report {edition}" if edition else str(name)


def rows_of(prepared: Prepared) -> ReportRows:
    """The searchable rows of a report about to be stored (a `store.Prepared`), exactly as `report_rows`
    will read them back once it is: ingest indexes a report without querying the database again."""
    rows = prepared.rows
    rid, _, iso3, edition, title = rows["reports"][0][:5]
    name = rows["countries"][0][1] if rows["countries"] else None
    sections = {s[1]: s for s in rows["sections"]}
    paragraphs = [
        (rid, p[2], p[3], p[4], p[1], sections[p[1]][2], sections[p[1]][3]) for p in rows["paragraphs"]
    ]
    kinds: dict[int, set[str]] = {}
    for c in rows["citations"]:
        kinds.setdefault(c[1], set()).add(c[3])
    markers = sorted(rows["markers"], key=itemgetter(1))  # by note number, then as stored
    section_kinds = sorted({(rid, m[2], k) for m in markers for k in kinds.get(m[1], ())})
    return ReportRows(
        rid,
        iso3,
        name,
        edition,
        _title(rid, iso3, name, edition, title),
        prepared.sha256,
        key_developments=[(rid, k[1], None, k[3]) for k in rows["key_developments"]],
        paragraphs=paragraphs,
        section_kinds=section_kinds,
        notes=sorted(((rid, f[1], f[2], f[3]) for f in rows["footnotes"]), key=itemgetter(1)),
        note_kinds=sorted({(rid, c[3]) for c in rows["citations"]}),
        note_topics=[(rid, sections[m[2]][3]) for m in markers if m[2] in sections],
    )
