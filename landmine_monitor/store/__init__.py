"""Storage: all SQL lives in this package. One SQLite file, migrations in schema.py.

`connect` opens (and migrates) a database; `save_report` writes a parsed Report and everything derived from it
in one transaction; `load_report` reads it back. Area-specific read queries live beside this module
(sources.py, facts.py, ...).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import msgspec

from ..errors import MonitorError, NotFound
from ..model import Footnote, Report, note_anchor, paragraph_anchor
from ..sources import label as source_label
from .schema import check_version, migrate

__all__ = [
    "connect",
    "report_id",
    "save_report",
    "prepare",
    "save_prepared",
    "Prepared",
    "DuplicateReport",
    "load_report",
    "json_value",
    "notes_in_tables",
    "delete_report",
    "find_report",
    "report_sha",
    "source_spelling",
]


def connect(
    path: str | Path, readonly: bool = False, notice: Callable[[str], None] | None = None
) -> sqlite3.Connection:
    """Open the database; a writer creates and migrates it (telling `notice` before it upgrades a database
    that holds reports), a reader never writes (web process)."""
    p = Path(path)
    if readonly and not p.exists():
        raise MonitorError(f"{p}: no such database (run `landmine-monitor ingest` first)")
    if p.is_dir():
        raise MonitorError(f"{p}: is a folder, not a database file")
    if not readonly and not p.parent.is_dir():
        raise MonitorError(f"{p}: cannot create the database: folder {p.parent} does not exist")
    conn: sqlite3.Connection | None = None
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{p}?mode=ro", uri=True, check_same_thread=False)
        else:
            conn = sqlite3.connect(p, isolation_level=None)
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        if readonly:
            check_version(conn)
        else:
            migrate(conn, (lambda message: notice(f"{p}: {message}")) if notice else None)
    except MonitorError as e:
        if conn is not None:
            conn.close()
        raise MonitorError(f"{p}: {e}") from None
    except sqlite3.Error as e:  # not a database, a read-only folder or file, a full disk
        if conn is not None:
            conn.close()
        raise MonitorError(f"{p}: cannot open the database ({_open_problem(p, e)})") from None
    return conn


def _open_problem(p: Path, error: sqlite3.Error) -> str:
    """Why SQLite could not open or set up `p`, in the user's terms."""
    message = str(error)
    if "not a database" in message:
        return "the file is not an SQLite database"
    if "readonly" in message or "unable to open" in message:
        where = p if p.exists() else p.parent
        if not os.access(where, os.W_OK):
            return f"{where} is read-only"
        if "unable to open" in message:
            return (
                "SQLite cannot open it, or cannot create its -wal and -shm files beside it; check the folder"
            )
    return message


BATCH_CHECKPOINT_PAGES = 25_000  # about 100 MB of write-ahead log between checkpoints during a batch


@contextmanager
def batch(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Many transactions in a row (an ingest): the write-ahead log is copied back into the database every
    25,000 pages instead of every 1,000 (fewer, larger checkpoints; the log stays bounded), and emptied at
    the end. Each transaction stays atomic and crash-safe as before."""
    before = conn.execute("PRAGMA wal_autocheckpoint").fetchone()[0]
    conn.execute(f"PRAGMA wal_autocheckpoint = {BATCH_CHECKPOINT_PAGES}")
    try:
        yield conn
    finally:
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(before)}")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # only after a batch that ended normally


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


_SLUG = re.compile(r"[^a-z0-9]+")


def report_id(report: Report) -> str:
    """A stable id: `prk-2004` for a country's report of an edition, else derived from the source name."""
    if report.country and report.edition and report.kind in ("country_report", "country_profile"):
        suffix = "" if report.kind == "country_report" else "-profile"
        return f"{report.country.iso3.lower()}-{report.edition}{suffix}"
    name = Path(report.source.path or report.source.url or "page").stem.lower()
    slug = _SLUG.sub("-", name).strip("-")[:40] or "page"
    # the URL, else the file's last two path parts: the same file gets the same id from any working directory
    path = (report.source.path or "").split("!")[-1]
    key = report.source.url or "/".join(Path(path).parts[-2:]) or report.source.sha256 or ""
    digest = hashlib.sha1(key.encode()).hexdigest()[:8]
    prefix = report.country.iso3.lower() if report.country else report.kind.replace("_", "-")
    return f"{prefix}-{slug}-{digest}"


def known_sources(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """Each stored source path with its report id and sha256, to skip unchanged files before parsing."""
    rows = conn.execute("SELECT source_path, id, sha256 FROM reports WHERE source_path IS NOT NULL")
    return {r[0]: (r[1], r[2]) for r in rows}


def report_sha(conn: sqlite3.Connection, rid: str) -> str | None:
    row = conn.execute("SELECT sha256 FROM reports WHERE id = ?", (rid,)).fetchone()
    return row[0] if row else None


_dumps = json.JSONEncoder(ensure_ascii=False).encode


def _j(value: Any) -> str:
    """JSON text for a column; the common shapes (empty lists, lists of note numbers, whole numbers)
    without the encoder."""
    kind = type(value)
    if kind is list:
        if not value:
            return "[]"
        if all(type(v) is int for v in value):
            return "[" + ", ".join(map(str, value)) + "]"
    elif kind is int:
        return str(value)
    return _dumps(value)


def report_json(report: Report) -> str:
    """The report as stored in reports.data: the JSON of `report.to_dict()` (the dataclasses mirror the
    contract field for field, and msgspec encodes them in a seventh of the time), with `sections`, `facts`
    and (when their tables hold them whole, see `notes_in_tables`) `footnotes` empty: their tables hold them
    column by column, and `load_report` reads them back from there."""
    notes = [] if notes_in_tables(report.footnotes) else report.footnotes
    return _ENCODER.encode(replace(report, sections=[], facts=[], footnotes=notes)).decode()


def notes_in_tables(notes: list[Footnote]) -> bool:
    """Whether the footnotes and citations tables hold a report's notes whole, in order: each number once,
    in increasing order (every real page). A page whose numbers repeat (the tables keep the first note of a
    number) or go back keeps its notes in reports.data too, as `parse` gave them."""
    if not all(type(f.number) is int for f in notes):
        return False  # the table's INTEGER column would not give a float or a string back as it was
    return all(a.number < b.number for a, b in zip(notes, notes[1:], strict=False))


_ENCODER = msgspec.json.Encoder()


@dataclass
class Prepared:
    """A report turned into table rows: pure, so parser processes can build it and only the inserts remain."""

    rid: str
    sha256: str
    rows: dict[str, list[tuple[Any, ...]]]


# Insert statements by table, in an order that satisfies the foreign keys.
_INSERTS = {
    "countries": "INSERT OR IGNORE INTO countries(iso3, name) VALUES (?, ?)",
    "editions": "INSERT OR IGNORE INTO editions(year) VALUES (?)",
    "reports": "INSERT INTO reports(id, kind, iso3, edition, title, source_path, source_url, sha256, ingested_at,"
    " data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "sections": "INSERT INTO sections VALUES (?, ?, ?, ?, ?, ?)",
    "paragraphs": "INSERT INTO paragraphs VALUES (?, ?, ?, ?, ?, ?)",
    "markers": "INSERT INTO markers VALUES (?, ?, ?, ?)",
    "key_developments": "INSERT INTO key_developments VALUES (?, ?, ?, ?)",
    "overview": "INSERT INTO overview VALUES (?, ?, ?, ?)",
    "warnings": "INSERT INTO warnings VALUES (?, ?, ?, ?)",
    "footnotes": "INSERT INTO footnotes VALUES (?, ?, ?, ?)",
    "sources": "INSERT OR IGNORE INTO sources(id, kind, label) VALUES (?, ?, ?)",
    "citations": "INSERT INTO citations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "facts": "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
}


def prepare(report: Report, rid: str | None = None) -> Prepared:
    """Every row the report will occupy, keyed by table."""
    r = report
    rid = rid or report_id(r)
    rows: dict[str, list[tuple[Any, ...]]] = {
        "countries": [(r.country.iso3, r.country.name)] if r.country else [],
        "editions": [(r.edition,)] if r.edition else [],
        "reports": [
            (
                rid,
                r.kind,
                r.country.iso3 if r.country else None,
                r.edition,
                r.title,
                r.source.path,
                r.source.url,
                r.source.sha256 or "",
                datetime.now(UTC).isoformat(timespec="seconds"),
                report_json(r),
            )
        ],
        "sections": [
            (rid, i, s.heading, _j(s.topics), s.level, int(s.inferred)) for i, s in enumerate(r.sections)
        ],
        "paragraphs": [],
        "markers": [],
        "key_developments": [(rid, i, k.since, k.text) for i, k in enumerate(r.key_developments)],
        "overview": [(rid, i, o.key, o.value) for i, o in enumerate(r.overview)],
        "warnings": [(rid, i, w.code, w.message) for i, w in enumerate(r.warnings)],
        # a repeated note number keeps its first note, as the citations table and Report.footnote do
        "footnotes": [(rid, n, note_anchor(n), text) for n, text in _first_notes(r.footnotes).items()],
        "facts": [
            (
                rid,
                i,
                f.indicator,
                _j(f.value),
                f.year,
                f.date,
                f.unit,
                f.qualifier,
                f.section,
                f.paragraph,
                f.sentence,
                _j(f.footnotes),
            )
            for i, f in enumerate(r.facts)
        ],
    }
    for si, s in enumerate(r.sections):
        for pi, p in enumerate(s.paragraphs):
            rows["paragraphs"].append((rid, si, pi, paragraph_anchor(si, pi), p.text, _j(p.footnotes)))
            rows["markers"].extend((rid, n, si, pi) for n in p.footnotes)
    rows["sources"], rows["citations"] = _citation_rows(rid, r)
    return Prepared(rid, r.source.sha256 or "", rows)


def save_report(conn: sqlite3.Connection, report: Report, rid: str | None = None) -> str:
    """Store a report and its rows in one transaction: 'ingested', 'unchanged' or 'replaced'."""
    rid = rid or report_id(report)
    old = report_sha(conn, rid)
    if old is not None and old == report.source.sha256:
        return "unchanged"
    return save_prepared(conn, prepare(report, rid))


class DuplicateReport(MonitorError):
    """Another source file, still present, already holds this report id."""


def save_prepared(conn: sqlite3.Connection, prepared: Prepared, previous_id: str | None = None) -> str:
    """Write prepared rows in one transaction: 'ingested', 'unchanged' or 'replaced'.

    A report replaces the older version of itself, and `previous_id`, the id its source file was stored under
    before (a changed file can change its country or edition). A different file that is still present and
    maps to the same id is not overwritten: DuplicateReport names it.
    """
    rid, path = prepared.rid, prepared.rows["reports"][0][5]
    row = conn.execute("SELECT sha256, source_path FROM reports WHERE id = ?", (rid,)).fetchone()
    if row is not None and row[0] == prepared.sha256:
        return "unchanged"
    if (
        row is not None
        and row[1] not in (None, path)
        and source_spelling(row[1]) != source_spelling(path)  # "kor.txt" stored, "./kor.txt" given
        and _source_exists(row[1])
    ):
        raise DuplicateReport(f"same report ({rid}) as {row[1]}, which is already stored")
    stale = [x for x in (rid if row is not None else None, previous_id) if x is not None]
    with transaction(conn):
        for old_id in dict.fromkeys(stale):
            conn.execute("DELETE FROM reports WHERE id = ?", (old_id,))
        for table, sql in _INSERTS.items():
            if prepared.rows[table]:
                conn.executemany(sql, prepared.rows[table])
        if stale:
            conn.execute(
                "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM citations WHERE source_id IS NOT NULL)"
            )
    return "replaced" if stale else "ingested"


def _first_notes(notes: list[Footnote]) -> dict[int, str]:
    """Each note number with the text of its first note."""
    first: dict[int, str] = {}
    for f in notes:
        first.setdefault(f.number, f.text)
    return first


def _split_source(source_path: str) -> tuple[str, str]:
    """(file, zip member or "") of a source path: "archive.zip!2004/kor.txt", or a file whose own name
    holds a "!"."""
    if "!" not in source_path or os.path.exists(source_path):
        return source_path, ""
    path, member = source_path.split("!", 1)
    return path, member


def _source_exists(source_path: str) -> bool:
    """Whether a stored report's source file is still there (for a zip member, its archive)."""
    return os.path.exists(_split_source(source_path)[0])


def source_spelling(source_path: str) -> str:
    """A source path as the current folder reads it, whatever its spelling: "kor.txt", "./kor.txt",
    "/data/kor.txt" (from /data) and "pages/../kor.txt" are one. Only the text of the path is read, never
    links or inodes, so a stored path means what it meant when it was typed here, no more."""
    path, member = _split_source(source_path)
    try:
        path = os.path.normpath(os.path.relpath(path) if os.path.isabs(path) else path)
    except ValueError:  # another drive (Windows), a NUL character
        path = os.path.normpath(path)
    return f"{path}!{member}" if member else path


def _citation_rows(rid: str, r: Report) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    rows: list[tuple[Any, ...]] = []
    sources: dict[str, tuple[str, str, str]] = {}
    seen: set[tuple[int, int]] = set()
    for f in r.footnotes:
        for i, c in enumerate(f.citations):
            if (f.number, i) in seen:
                continue
            seen.add((f.number, i))
            if c.source_id:
                sources.setdefault(c.source_id, (c.source_id, c.kind, source_label(c)))
            rows.append(
                (
                    rid,
                    f.number,
                    i,
                    c.kind,
                    c.text,
                    c.date,
                    c.date_end,
                    _j([{"name": p.name, "role": p.role} for p in c.people]),
                    _j(c.organizations),
                    c.title,
                    c.outlet,
                    c.place,
                    c.pages,
                    _j(c.urls),
                    _j(c.un_symbols),
                    _j(c.refers_to) if c.refers_to is not None else None,
                    c.source_id,
                )
            )
    return list(sources.values()), rows


def load_report(conn: sqlite3.Connection, rid: str) -> Report:
    """A stored report as `parse` gave it: reports.data, with its sections and facts read from their tables,
    and its notes too unless data holds them (see `notes_in_tables`)."""
    with _snapshot(conn):  # one read transaction: a report replaced meanwhile is read whole, old or new
        row = conn.execute("SELECT data FROM reports WHERE id = ?", (rid,)).fetchone()
        if row is None:
            raise NotFound(f"no report with id {rid!r}")
        data = json.loads(row[0])
        data["sections"] = _sections(conn, rid)
        data["facts"] = _facts(conn, rid)
        if not data.get("footnotes"):
            data["footnotes"] = _footnotes(conn, rid)
    return Report.from_dict(data)


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """The reads inside see one state of the database (a transaction of their own, unless one is open)."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        conn.execute("COMMIT")


def _tuples(conn: sqlite3.Connection, sql: str, rid: str) -> sqlite3.Cursor:
    """A report's rows as plain tuples (cheaper to index than the connection's sqlite3.Row)."""
    cursor = conn.execute(sql, (rid,))
    cursor.row_factory = None
    return cursor


def _footnotes(conn: sqlite3.Connection, rid: str) -> list[dict[str, Any]]:
    """A report's notes with their citations, as `to_dict` gives them, from the two tables."""
    notes = {
        n: {"number": n, "text": text, "citations": []} for n, text in _tuples(conn, _NOTES_OF_REPORT, rid)
    }
    for c in _tuples(conn, _CITATIONS_OF_REPORT, rid):
        notes[c[0]]["citations"].append(
            {
                "kind": c[1],
                "text": c[2],
                "date": c[3],
                "date_end": c[4],
                "people": _decode(c[5]),
                "organizations": _decode(c[6]),
                "title": c[7],
                "outlet": c[8],
                "place": c[9],
                "pages": c[10],
                "urls": _decode(c[11]),
                "un_symbols": _decode(c[12]),
                "refers_to": None if c[13] is None else json_value(c[13]),
                "source_id": c[14],
            }
        )
    return list(notes.values())


def _facts(conn: sqlite3.Connection, rid: str) -> list[dict[str, Any]]:
    """A report's facts, as `to_dict` gives them, from the facts table."""
    return [
        {
            "indicator": f[0],
            "value": json_value(f[1]),
            "year": f[2],
            "date": f[3],
            "unit": f[4],
            "qualifier": f[5],
            "section": f[6],
            "paragraph": f[7],
            "sentence": f[8],
            "footnotes": _decode(f[9]),
        }
        for f in _tuples(conn, _FACTS_OF_REPORT, rid)
    ]


def _sections(conn: sqlite3.Connection, rid: str) -> list[dict[str, Any]]:
    """A report's sections with their paragraphs, as `to_dict` gives them, from the two tables."""
    sections = [
        {"heading": s[0], "topics": _decode(s[1]), "level": s[2], "inferred": bool(s[3]), "paragraphs": []}
        for s in _tuples(conn, _SECTIONS_OF_REPORT, rid)
    ]
    for section_ord, text, footnotes in _tuples(conn, _PARAGRAPHS_OF_REPORT, rid):
        sections[section_ord]["paragraphs"].append({"text": text, "footnotes": _decode(footnotes)})
    return sections


_SECTIONS_OF_REPORT = "SELECT heading, topics, level, inferred FROM sections WHERE report_id = ? ORDER BY ord"
_PARAGRAPHS_OF_REPORT = (
    "SELECT section_ord, text, footnotes FROM paragraphs WHERE report_id = ? ORDER BY section_ord, ord"
)
_NOTES_OF_REPORT = "SELECT number, text FROM footnotes WHERE report_id = ? ORDER BY number"
_CITATIONS_OF_REPORT = (
    "SELECT footnote_number, kind, text, date, date_end, people, organizations, title, outlet, place, pages,"
    " urls, un_symbols, refers_to, source_id FROM citations WHERE report_id = ? ORDER BY footnote_number, ord"
)
_FACTS_OF_REPORT = (
    "SELECT indicator, value, year, date, unit, qualifier, section_ord, paragraph_ord, sentence, footnotes"
    " FROM facts WHERE report_id = ? ORDER BY ord"
)
_decode = msgspec.json.decode  # the values json.loads gives, faster


def json_value(text: str) -> Any:
    """A JSON column's value; json.loads for what msgspec refuses: the Infinity and NaN that older versions
    could write for an overlong number (no fact holds one now)."""
    try:
        return _decode(text)
    except msgspec.DecodeError:
        return json.loads(text)


def delete_report(conn: sqlite3.Connection, rid: str) -> bool:
    with transaction(conn):
        n = conn.execute("DELETE FROM reports WHERE id = ?", (rid,)).rowcount
        conn.execute(
            "DELETE FROM sources WHERE id NOT IN (SELECT source_id FROM citations WHERE source_id IS NOT NULL)"
        )
    return n > 0


def find_report(conn: sqlite3.Connection, iso3: str, edition: int, kind: str | None = None) -> str | None:
    """The id of a country's report of an edition (country reports first), or None."""
    row = conn.execute(
        "SELECT id FROM reports WHERE iso3 = ? AND edition = ? AND (? IS NULL OR kind = ?)"
        " ORDER BY kind = 'country_report' DESC, id LIMIT 1",
        (iso3, edition, kind, kind),
    ).fetchone()
    return row[0] if row else None
