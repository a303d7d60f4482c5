"""The store on hand-built reports: migrations, one transaction per report, unchanged/replaced, cascades."""

from __future__ import annotations

import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from landmine_monitor import store
from landmine_monitor.errors import MonitorError, NotFound
from landmine_monitor.model import (
    Citation,
    Country,
    Fact,
    Footnote,
    KeyDevelopment,
    Paragraph,
    Person,
    Report,
    Section,
    SourceFile,
)
from landmine_monitor.store import archive
from landmine_monitor.store.schema import MIGRATIONS, migrate


def make_report(edition: int = 2004, sha: str = "a" * 64, notes: int = 2, iso3: str = "FRD") -> Report:
    return Report(
        kind="country_report",
        country=Country(iso3, "Freedonia"),
        edition=edition,
        title=f"Freedonia, Landmine Monitor Report {edition}",
        source=SourceFile(f"{edition}/freedonia.txt", None, sha),
        key_developments=[KeyDevelopment("May 2003", "Freedonia acceded.")],
        sections=[
            Section(
                "Mine Ban Policy",
                ["ban_policy"],
                paragraphs=[Paragraph("Freedonia acceded.[1]", [1]), Paragraph("It voted for.[2]", [2])],
            ),
            Section("Mine Action", ["mine_action"], paragraphs=[Paragraph("Clearance went on.[1]", [1])]),
        ],
        footnotes=[
            Footnote(
                n,
                f"Email from Ana Ruiz, FMAC, {n} May {edition}.",
                [
                    Citation(
                        "email",
                        "Email from Ana Ruiz",
                        people=[Person("Ana Ruiz", "Director")],
                        source_id=f"src_{n}",
                    )
                ],
            )
            for n in range(1, notes + 1)
        ],
        facts=[
            Fact(
                "treaty_status",
                "state_party",
                section=0,
                paragraph=0,
                sentence="Freedonia acceded.",
                footnotes=[1],
            )
        ],
    )


@pytest.fixture()
def conn(tmp_path: Path) -> sqlite3.Connection:
    return store.connect(tmp_path / "t.db")


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_migrations_set_user_version(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_save_is_idempotent_and_replaces_changed(conn: sqlite3.Connection) -> None:
    assert store.save_report(conn, make_report()) == "ingested"
    assert store.save_report(conn, make_report()) == "unchanged"
    assert count(conn, "paragraphs") == 3
    assert store.save_report(conn, make_report(sha="b" * 64, notes=1)) == "replaced"
    assert count(conn, "reports") == 1
    assert count(conn, "footnotes") == 1
    # the source only the old version cited is gone from the registry
    assert [r[0] for r in conn.execute("SELECT id FROM sources")] == ["src_1"]


def test_round_trip_keeps_the_whole_report(conn: sqlite3.Connection) -> None:
    report = make_report()
    store.save_report(conn, report)
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()


def test_sections_facts_and_notes_are_stored_once_in_their_tables(conn: sqlite3.Connection) -> None:
    report = make_report()
    report.sections += [
        Section(None, [], level=2, inferred=True),  # no heading, no paragraph
        Section(
            None,
            ["use", "production"],
            level=2,
            inferred=True,
            paragraphs=[Paragraph("Mines.[2][2]", [2, 2])],
        ),
    ]
    report.facts += [
        Fact(
            "casualties", 1234, year=2003, unit="people", section=1, paragraph=0, sentence="s", footnotes=[1]
        ),
        Fact("area_cleared", 2.5, year=2003, unit="km2", qualifier="about", sentence="t"),
        Fact("unga_vote", {"year": 2003, "vote": "yes"}, date="2003-12-08", sentence="u", footnotes=[1, 2]),
    ]
    store.save_report(conn, report)
    data = json.loads(conn.execute("SELECT data FROM reports").fetchone()[0])
    # the report JSON keeps its keys; sections, facts and notes live in their tables
    assert data["facts"] == [] and data["sections"] == [] and data["footnotes"] == []
    assert count(conn, "facts") == 4
    loaded = store.load_report(conn, "frd-2004")
    assert loaded.to_dict() == report.to_dict()
    assert [type(f.value) for f in loaded.facts] == [str, int, float, dict]


def _as_version_2(db: Path, report: Report) -> sqlite3.Connection:
    """A database holding `report` as schema version 2 stored it: the whole report JSON in data, sections,
    facts and notes included."""
    conn = store.connect(db)
    store.save_report(conn, report)
    conn.execute("UPDATE reports SET data = ?", (json.dumps(report.to_dict()),))
    conn.execute("PRAGMA user_version = 2")
    return conn


def test_migration_3_takes_sections_and_facts_out_of_reports_data(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    report = make_report()
    conn = _as_version_2(db, report)
    conn.close()
    conn = store.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    data = json.loads(conn.execute("SELECT data FROM reports").fetchone()[0])
    assert data["facts"] == [] and data["sections"] == [] and data["title"] == report.title
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()


def test_older_data_that_sqlite_cannot_read_as_json_is_migrated_and_read_back(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    report = make_report()
    report.facts.append(Fact("stockpile_size", float("inf"), unit="mines", sentence="x"))  # as old code made
    conn = _as_version_2(db, report)  # "Infinity" in its data
    conn.close()
    conn = store.connect(db)  # migrations 3 and 4 leave that row's data as it is, and do not fail
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    loaded = store.load_report(conn, "frd-2004")
    assert loaded.facts[-1].value == float("inf")
    assert loaded.to_dict()["sections"] == report.to_dict()["sections"]


def _odd_notes() -> list[Footnote]:
    """Notes whose citations use every column, with the values that could go wrong on the way back."""
    return [
        Footnote(3, "Ibid.", [Citation("ibid", "Ibid.", refers_to={"note": 2})]),
        Footnote(
            7,
            "Interview with Ri Thae Gun, “Déminage”, Pyongyang, 19–24 February 1999; see A/53/PV.79, p. 4.",
            [
                Citation(
                    "interview",
                    "Interview with Ri Thae Gun",
                    date="1999-02-19",
                    date_end="1999-02-24",
                    people=[Person("Ri Thae Gun"), Person("Ana Ruiz", "Director")],
                    organizations=["Handicap International", "ICRC"],
                    title="Déminage",
                    outlet="Rodong Sinmun",
                    place="Pyongyang",
                    pages="4",
                    urls=["http://example.org/a?b=1"],
                    un_symbols=["A/53/PV.79"],
                    refers_to={"edition": 2000, "page": "541", "report": None},
                    source_id="src_x",
                ),
                Citation("other", "p. 4.", refers_to={}),
            ],
        ),
        Footnote(12, "", []),
    ]


def test_notes_come_back_from_their_tables_with_every_citation_field(conn: sqlite3.Connection) -> None:
    report = make_report()
    report.footnotes = _odd_notes()
    store.save_report(conn, report)
    data = json.loads(conn.execute("SELECT data FROM reports").fetchone()[0])
    assert data["footnotes"] == []
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()


@pytest.mark.parametrize("numbers", [[1, 2, 2], [2, 1], [5, 5, 5]])
def test_notes_whose_numbers_repeat_or_go_back_stay_in_data(
    conn: sqlite3.Connection, numbers: list[int]
) -> None:
    report = make_report()
    report.footnotes = [
        Footnote(n, f"Note {i}.", [Citation("other", f"Note {i}.")]) for i, n in enumerate(numbers)
    ]
    store.save_report(conn, report)
    data = json.loads(conn.execute("SELECT data FROM reports").fetchone()[0])
    assert [f["text"] for f in data["footnotes"]] == [f"Note {i}." for i in range(len(numbers))]
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()
    # the tables keep each number's first note, with that note's citations
    rows = conn.execute("SELECT number, text FROM footnotes ORDER BY number").fetchall()
    first = {n: f"Note {numbers.index(n)}." for n in numbers}
    assert [tuple(r) for r in rows] == sorted(first.items())
    cited = conn.execute("SELECT footnote_number, text FROM citations ORDER BY footnote_number").fetchall()
    assert [tuple(r) for r in cited] == sorted(first.items())


# Version-3 tables that disagree with the notes in data (older code, hand edits): migration 4 keeps data.
_DISAGREEING = [
    "UPDATE footnotes SET text = 'edited' WHERE number = 7",
    "UPDATE citations SET text = 'edited' WHERE footnote_number = 7 AND ord = 0",
    "UPDATE citations SET people = '[]' WHERE footnote_number = 7 AND ord = 0",
    "UPDATE citations SET refers_to = '{\"note\": 9}' WHERE footnote_number = 3",
    "UPDATE citations SET source_id = NULL WHERE footnote_number = 7 AND ord = 0",
    "UPDATE citations SET footnote_number = 3 WHERE footnote_number = 7 AND ord = 1",  # same count, moved
    "UPDATE citations SET footnote_number = 99 WHERE footnote_number = 7 AND ord = 1",
    "DELETE FROM footnotes WHERE number = 12",
]


def _as_version_3(conn: sqlite3.Connection, report: Report) -> None:
    """Rewrite a stored report's data as schema version 3 kept it: the notes in data as well."""
    d = report.to_dict()
    d["sections"], d["facts"] = [], []
    conn.execute("UPDATE reports SET data = ? WHERE edition = ?", (json.dumps(d), report.edition))


def test_migration_4_takes_notes_out_of_reports_data_only_where_the_tables_hold_them(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = store.connect(db)
    whole, repeated = make_report(), make_report(edition=2005)
    whole.footnotes = _odd_notes()
    repeated.footnotes = [Footnote(1, "One."), Footnote(1, "Again."), Footnote(2, "Two.")]
    differing = [make_report(edition=2010 + i) for i in range(len(_DISAGREEING))]
    for r in [whole, repeated, *differing]:
        if r in differing:
            r.footnotes = _odd_notes()
        store.save_report(conn, r)
        _as_version_3(conn, r)
    for r, edit in zip(differing, _DISAGREEING, strict=True):
        conn.execute(f"{edit} AND report_id = 'frd-{r.edition}'")
    # version 3 kept the last text of a repeated number
    conn.execute("UPDATE footnotes SET text = 'Again.' WHERE report_id = 'frd-2005' AND number = 1")
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    conn = store.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 4
    notes = dict(conn.execute("SELECT id, json_array_length(data, '$.footnotes') FROM reports").fetchall())
    assert notes.pop("frd-2004") == 0
    assert notes == {"frd-2005": 3} | {f"frd-{r.edition}": 3 for r in differing}  # kept where they differ
    for r in [whole, repeated, *differing]:
        assert store.load_report(conn, f"frd-{r.edition}").to_dict() == r.to_dict()
    rows = conn.execute("SELECT number, text FROM footnotes WHERE report_id = 'frd-2005' ORDER BY number")
    assert [tuple(r) for r in rows] == [(1, "One."), (2, "Two.")]  # the first text, as a new database has


def test_migration_4_keeps_notes_whose_numbers_are_not_json_integers(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = store.connect(db)
    store.save_report(conn, make_report())
    data = make_report().to_dict() | {"sections": [], "facts": []}
    data["footnotes"][0]["number"] = True  # SQLite's typeof() calls JSON true an integer
    conn.execute("UPDATE reports SET data = ?", (json.dumps(data),))
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    conn = store.connect(db)
    assert conn.execute("SELECT json_array_length(data, '$.footnotes') FROM reports").fetchone()[0] == 2
    assert store.load_report(conn, "frd-2004").footnotes[0].number is True


def test_notes_numbered_with_other_types_stay_in_data(conn: sqlite3.Connection) -> None:
    report = make_report(notes=3)
    report.footnotes[1].number = 2.5  # type: ignore[assignment]
    store.save_report(conn, report)
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()
    assert json.loads(conn.execute("SELECT data FROM reports").fetchone()[0])["footnotes"][1]["number"] == 2.5


def _statements(conn: sqlite3.Connection) -> list[str]:
    seen: list[str] = []
    conn.set_trace_callback(seen.append)
    return seen


def test_only_an_upgraded_database_with_reports_is_compacted(tmp_path: Path) -> None:
    new = sqlite3.connect(tmp_path / "new.db", isolation_level=None)
    seen = _statements(new)
    migrate(new)
    assert "VACUUM" not in seen  # a new database has nothing to give back
    empty = store.connect(tmp_path / "empty.db")
    empty.execute("PRAGMA user_version = 3")
    seen = _statements(empty)
    migrate(empty)
    assert "VACUUM" not in seen
    full = store.connect(tmp_path / "full.db")
    store.save_report(full, make_report())
    full.execute("PRAGMA user_version = 3")
    seen = _statements(full)
    migrate(full)
    assert "VACUUM" in seen
    seen.clear()
    migrate(full)  # already at the newest version
    assert seen == ["PRAGMA user_version"]


def test_a_database_upgraded_by_a_shrinking_migration_gives_its_pages_back(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = store.connect(db)
    for year in range(1999, 2039):
        r = make_report(edition=year, sha=f"{year:064d}")
        r.footnotes = [
            Footnote(n, f"Email from Ana Ruiz {'x' * 2000}, {n} May {year}.") for n in range(1, 20)
        ]
        store.save_report(conn, r)
        d = r.to_dict()
        d["sections"], d["facts"] = [], []
        conn.execute("UPDATE reports SET data = ? WHERE edition = ?", (json.dumps(d), year))  # as version 3
    conn.execute("PRAGMA user_version = 3")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = db.stat().st_size
    conn = store.connect(db)
    assert conn.execute("SELECT max(json_array_length(data, '$.footnotes')) FROM reports").fetchone()[0] == 0
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert db.stat().st_size < before * 0.7
    wal = db.with_name(db.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the log VACUUM wrote is checkpointed away
    assert store.load_report(conn, "frd-2020").footnotes[3].text.startswith("Email from Ana Ruiz x")


class _NoVacuum:
    """A connection on which VACUUM fails, as it does short of disk space."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        if sql == "VACUUM":
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql, *args)


def test_an_upgrade_whose_compaction_fails_still_upgrades(tmp_path: Path) -> None:
    report = make_report()
    conn = _as_version_2(tmp_path / "old.db", report)
    assert migrate(_NoVacuum(conn)) == len(MIGRATIONS)  # type: ignore[arg-type]
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert store.load_report(conn, "frd-2004").to_dict() == report.to_dict()


class _ReplacedMidway:
    """A reader's connection after whose first SELECT a writer commits a new version of the report."""

    def __init__(self, conn: sqlite3.Connection, replace: Any) -> None:
        self.conn, self.replace, self.selects = conn, replace, 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
        cursor = self.conn.execute(sql, *args)
        if sql.startswith("SELECT"):
            self.selects += 1
            if self.selects == 1:
                self.replace()
        return cursor


def test_a_report_replaced_while_it_is_read_is_read_whole(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    writer = store.connect(db)
    old, new = make_report(), make_report(sha="b" * 64, notes=1)
    new.title, new.sections = "Freedonia, second version", new.sections[:1]
    store.save_report(writer, old)
    reader = store.connect(db, readonly=True)
    midway = _ReplacedMidway(reader, lambda: store.save_report(writer, new))
    loaded = store.load_report(midway, "frd-2004")  # type: ignore[arg-type]
    assert midway.selects >= 3  # the writer committed between the reads
    assert loaded.to_dict() == old.to_dict()  # one snapshot: every part of the old version
    assert store.load_report(reader, "frd-2004").to_dict() == new.to_dict()


def test_a_database_of_a_newer_version_is_refused_not_misread(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    conn = store.connect(db)
    conn.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    conn.close()
    for readonly in (False, True):
        with pytest.raises(MonitorError, match=r"new\.db: the database has schema version \d+, newer than"):
            store.connect(db, readonly=readonly)


def test_rows_carry_anchors_and_markers(conn: sqlite3.Connection) -> None:
    store.save_report(conn, make_report())
    anchors = [r[0] for r in conn.execute("SELECT anchor FROM paragraphs ORDER BY section_ord, ord")]
    assert anchors == ["p-1-1", "p-1-2", "p-2-1"]
    cited_by_1 = conn.execute(
        "SELECT section_ord, paragraph_ord FROM markers WHERE footnote_number = 1 ORDER BY section_ord"
    ).fetchall()
    assert [tuple(r) for r in cited_by_1] == [(0, 0), (1, 0)]
    assert conn.execute("SELECT anchor FROM footnotes WHERE number = 2").fetchone()[0] == "fn-2"


def test_failed_transaction_stores_nothing(conn: sqlite3.Connection) -> None:
    bad = make_report()
    bad.footnotes.append(bad.footnotes[0])  # duplicate citation rows are skipped, not an error
    bad.facts.append(Fact("x", object(), sentence="unserialisable"))  # json.dumps fails mid-transaction
    with pytest.raises(TypeError):
        store.save_report(conn, bad)
    assert count(conn, "reports") == 0
    assert count(conn, "paragraphs") == 0


def test_queries_list_and_find(conn: sqlite3.Connection) -> None:
    for year in (2003, 2004, 2005):
        store.save_report(conn, make_report(edition=year, sha=str(year) * 16))
    assert [e["year"] for e in archive.list_editions(conn)] == [2003, 2004, 2005]
    assert archive.list_countries(conn)[0]["editions"] == 3
    assert store.find_report(conn, "FRD", 2004) == "frd-2004"
    assert store.find_report(conn, "FRD", 1999) is None
    assert archive.neighbours(conn, "frd-2004") == {"previous": "frd-2003", "next": "frd-2005"}
    assert archive.stats(conn)["reports"] == 3
    assert [r["edition"] for r in archive.latest_by_topic(conn, "FRD")] == [2005, 2005]


def test_delete_and_missing(conn: sqlite3.Connection, tmp_path: Path) -> None:
    store.save_report(conn, make_report())
    assert store.delete_report(conn, "frd-2004")
    assert count(conn, "citations") == 0 and count(conn, "sources") == 0
    with pytest.raises(NotFound):
        store.load_report(conn, "frd-2004")
    with pytest.raises(MonitorError, match="no such database"):
        store.connect(tmp_path / "absent.db", readonly=True)


def test_readonly_connection_cannot_write(tmp_path: Path) -> None:
    store.connect(tmp_path / "t.db").close()
    ro = store.connect(tmp_path / "t.db", readonly=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.execute("INSERT INTO editions VALUES (1999)")


def test_report_ids_are_stable_and_readable() -> None:
    r = make_report()
    assert store.report_id(r) == "frd-2004"
    r.kind = "thematic"
    r.country = None
    assert store.report_id(r) == store.report_id(r)
    assert store.report_id(r).startswith("thematic-freedonia-")


def test_ids_of_pages_without_an_edition_do_not_depend_on_the_working_directory() -> None:
    a, b = make_report(), make_report()
    for r in (a, b):
        r.kind, r.edition = "country_profile", None
    a.source.path, b.source.path = (
        "archive/profiles/freedonia.txt",
        "/srv/monitor/archive/profiles/freedonia.txt",
    )
    assert store.report_id(a) == store.report_id(b)


def test_a_refers_to_that_msgspec_refuses_is_read_the_way_json_reads_it(conn: sqlite3.Connection) -> None:
    report = make_report()
    report.footnotes = _odd_notes()
    store.save_report(conn, report)
    conn.execute(
        "UPDATE citations SET refers_to = '{\"page\": NaN}' WHERE footnote_number = 3"
    )  # as old code wrote
    loaded = store.load_report(conn, "frd-2004")
    refers_to = loaded.footnotes[0].citations[0].refers_to
    assert refers_to is not None and math.isnan(refers_to["page"])
