"""The database schema: one ordered list of migrations. Append; never edit a migration that has shipped.

Documented in docs/schema.md. The file stays a plain SQLite database (sqlite3 shell, Datasette).
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

from ..errors import MonitorError

MIGRATIONS: list[str] = [
    # 1: the archive: editions, countries, reports and their structure; room for citations, sources, facts.
    """
    CREATE TABLE editions (
        year INTEGER PRIMARY KEY
    );
    CREATE TABLE countries (
        iso3 TEXT PRIMARY KEY,
        name TEXT NOT NULL
    );
    CREATE TABLE reports (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        iso3 TEXT REFERENCES countries(iso3),
        edition INTEGER REFERENCES editions(year),
        title TEXT,
        source_path TEXT,
        source_url TEXT,
        sha256 TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX reports_country ON reports(iso3, edition);
    CREATE INDEX reports_edition ON reports(edition);
    CREATE TABLE sections (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        heading TEXT,
        topics TEXT NOT NULL,
        level INTEGER NOT NULL,
        inferred INTEGER NOT NULL,
        PRIMARY KEY (report_id, ord)
    );
    CREATE TABLE paragraphs (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        section_ord INTEGER NOT NULL,
        ord INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        text TEXT NOT NULL,
        footnotes TEXT NOT NULL,
        PRIMARY KEY (report_id, section_ord, ord)
    );
    CREATE TABLE key_developments (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        since TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (report_id, ord)
    );
    CREATE TABLE overview (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        key TEXT NOT NULL,
        value TEXT NOT NULL,
        PRIMARY KEY (report_id, ord)
    );
    CREATE TABLE warnings (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        PRIMARY KEY (report_id, ord)
    );
    CREATE TABLE footnotes (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        number INTEGER NOT NULL,
        anchor TEXT NOT NULL,
        text TEXT NOT NULL,
        PRIMARY KEY (report_id, number)
    );
    CREATE TABLE markers (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        footnote_number INTEGER NOT NULL,
        section_ord INTEGER NOT NULL,
        paragraph_ord INTEGER NOT NULL
    );
    CREATE INDEX markers_note ON markers(report_id, footnote_number);
    CREATE TABLE sources (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        label TEXT NOT NULL
    );
    CREATE TABLE citations (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        footnote_number INTEGER NOT NULL,
        ord INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        date TEXT,
        date_end TEXT,
        people TEXT NOT NULL,
        organizations TEXT NOT NULL,
        title TEXT,
        outlet TEXT,
        place TEXT,
        pages TEXT,
        urls TEXT NOT NULL,
        un_symbols TEXT NOT NULL,
        refers_to TEXT,
        source_id TEXT REFERENCES sources(id),
        PRIMARY KEY (report_id, footnote_number, ord)
    );
    CREATE INDEX citations_source ON citations(source_id);
    CREATE INDEX citations_kind ON citations(kind);
    CREATE TABLE facts (
        report_id TEXT NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
        ord INTEGER NOT NULL,
        indicator TEXT NOT NULL,
        value TEXT NOT NULL,
        year INTEGER,
        date TEXT,
        unit TEXT,
        qualifier TEXT,
        section_ord INTEGER,
        paragraph_ord INTEGER,
        sentence TEXT NOT NULL,
        footnotes TEXT NOT NULL,
        PRIMARY KEY (report_id, ord)
    );
    CREATE INDEX facts_indicator ON facts(indicator);
    """,
    # 2: the source registry ranks and describes sources from indexes alone: citations by (source, report,
    # dates) replaces citations(source_id); reports by id with their place; sources by kind.
    """
    CREATE INDEX citations_source_report ON citations(source_id, report_id, date, date_end);
    DROP INDEX citations_source;
    CREATE INDEX reports_place ON reports(id, iso3, edition);
    CREATE INDEX sources_kind ON sources(kind, id);
    """,
    # 3: sections and facts are stored once, in their tables: reports.data keeps empty `sections` and `facts`
    # lists (load_report reads them from the tables), a third less file for reports written from now on.
    # Data that SQLite cannot read as JSON (Infinity or NaN written by versions before msgspec) is left as it
    # is: load_report takes sections and facts from the tables whatever data holds.
    """
    UPDATE reports SET data = json_set(data, '$.sections', json('[]'), '$.facts', json('[]'))
        WHERE json_valid(data)
          AND (json_array_length(data, '$.sections') > 0 OR json_array_length(data, '$.facts') > 0);
    """,
    # 4: notes are stored once, in the footnotes and citations tables: reports.data keeps `"footnotes": []`
    # when the tables hold the notes whole (each number once, increasing, every note's text and every
    # citation, field by field), as for every real page; a page whose note numbers repeat or go back keeps
    # them. The footnotes table keeps the first text of a repeated number (it kept the last), as the
    # citations table keeps the first note's citations.
    """
    UPDATE reports SET data = json_set(data, '$.footnotes', json('[]'))
        WHERE json_valid(data)
          AND json_array_length(data, '$.footnotes') > 0
          AND NOT EXISTS (
              SELECT 1 FROM (
                  SELECT json_extract(value, '$.number') AS number, json_type(value, '$.number') AS type,
                         lag(json_extract(value, '$.number')) OVER (ORDER BY key) AS before
                    FROM json_each(reports.data, '$.footnotes'))
               WHERE number <= before OR type IS NOT 'integer')
          AND json_array_length(data, '$.footnotes')
              = (SELECT count(*) FROM footnotes f WHERE f.report_id = reports.id)
          AND NOT EXISTS (
              SELECT 1 FROM json_each(reports.data, '$.footnotes') n
                LEFT JOIN footnotes f ON f.report_id = reports.id AND f.number = json_extract(n.value, '$.number')
               WHERE f.text IS NOT json_extract(n.value, '$.text'))
          AND (SELECT count(*) FROM json_each(reports.data, '$.footnotes') n, json_each(n.value, '$.citations'))
              = (SELECT count(*) FROM citations c WHERE c.report_id = reports.id)
          AND NOT EXISTS (
              SELECT 1 FROM json_each(reports.data, '$.footnotes') n, json_each(n.value, '$.citations') c
                LEFT JOIN citations t ON t.report_id = reports.id
                     AND t.footnote_number = json_extract(n.value, '$.number') AND t.ord = c.key
               WHERE t.kind IS NOT json_extract(c.value, '$.kind')
                  OR t.text IS NOT json_extract(c.value, '$.text')
                  OR t.date IS NOT json_extract(c.value, '$.date')
                  OR t.date_end IS NOT json_extract(c.value, '$.date_end')
                  OR t.title IS NOT json_extract(c.value, '$.title')
                  OR t.outlet IS NOT json_extract(c.value, '$.outlet')
                  OR t.place IS NOT json_extract(c.value, '$.place')
                  OR t.pages IS NOT json_extract(c.value, '$.pages')
                  OR t.source_id IS NOT json_extract(c.value, '$.source_id')
                  OR CASE WHEN json_valid(t.people) THEN json(t.people) END IS NOT json_extract(c.value, '$.people')
                  OR CASE WHEN json_valid(t.organizations) THEN json(t.organizations) END
                     IS NOT json_extract(c.value, '$.organizations')
                  OR CASE WHEN json_valid(t.urls) THEN json(t.urls) END IS NOT json_extract(c.value, '$.urls')
                  OR CASE WHEN json_valid(t.un_symbols) THEN json(t.un_symbols) END
                     IS NOT json_extract(c.value, '$.un_symbols')
                  OR CASE WHEN t.refers_to IS NULL THEN NULL WHEN json_valid(t.refers_to) THEN json(t.refers_to) ELSE '!' END
                     IS NOT json_extract(c.value, '$.refers_to'));
    UPDATE footnotes SET text = coalesce((
            SELECT json_extract(n.value, '$.text') FROM reports r, json_each(r.data, '$.footnotes') n
             WHERE r.id = footnotes.report_id AND json_type(n.value, '$.number') = 'integer'
               AND json_extract(n.value, '$.number') = footnotes.number
             ORDER BY n.key LIMIT 1), text)
        WHERE report_id IN (
            SELECT r.id FROM reports r, json_each(r.data, '$.footnotes') n
             WHERE json_valid(r.data) AND json_type(n.value, '$.number') = 'integer'
             GROUP BY r.id, json_extract(n.value, '$.number') HAVING count(*) > 1);
    """,
]


# Migrations that take data out of reports.data: a database that had them applied is compacted once after.
SHRINKING = (3, 4)


def migrate(conn: sqlite3.Connection, notice: Callable[[str], None] | None = None) -> int:
    """Apply the migrations the database has not seen yet; return the schema version. A database that had
    reports before a migration that shrinks them is compacted (VACUUM) once the migrations are done, so the
    file gives back the pages they freed (about 10 s for a database of 5,000 reports). `notice` is told
    first when a database that holds reports is upgraded (it may take a while)."""
    version = check_version(conn)
    if notice and version and version < len(MIGRATIONS) and _has_reports(conn):
        notice(
            f"upgrading the database from schema version {version} to {len(MIGRATIONS)}, once (large ones take a while)"
        )
    for number, sql in enumerate(MIGRATIONS[version:], start=version + 1):
        conn.executescript(f"BEGIN;\n{sql}\nPRAGMA user_version = {number};\nCOMMIT;")
    if version and version < max(SHRINKING) and _has_reports(conn):
        # busy or short of disk: the freed pages stay in the file, to be reused by later ingests
        with contextlib.suppress(sqlite3.OperationalError):
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # the log VACUUM wrote: as large as the file
    return len(MIGRATIONS)


def _has_reports(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM reports LIMIT 1").fetchone() is not None


def check_version(conn: sqlite3.Connection) -> int:
    """The database's schema version; an error if a newer landmine-monitor wrote it (this one would misread
    it: from version 3 on, reports.data alone is not the whole report)."""
    version: int = conn.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise MonitorError(
            f"the database has schema version {version}, newer than this landmine-monitor knows"
            f" ({len(MIGRATIONS)}): upgrade landmine-monitor to read it"
        )
    return version
