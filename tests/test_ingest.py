"""Ingest end to end through the CLI: folders, zips, re-ingest, bad input, read-back commands."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

from landmine_monitor import store

CLI = [sys.executable, "-m", "landmine_monitor"]

GOOD = """Table of Contents
Country Reports
Bhutan, Landmine Monitor Report 2004

Bhutan

Key developments since May 2003: Bhutan destroyed its stockpile of 1,200 antipersonnel mines.

Mine Ban Policy

Bhutan signed the Mine Ban Treaty on 3 December 1997 and ratified it on 9 June 1999.[1] Its landmine
clearance programme continued in 2003.[2]

Mine Action

Deminers cleared 2.1 square kilometers of mined land in 2003.[2]

[1] Statement by Rufus T. Firefly, Ministry of Foreign Affairs, 12 March 2004.
[2] Email from Ana Ruiz, Director, Bhutan Mine Action Centre, 2 May 2004.
"""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_ingest_example_archive_and_read_back(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    first = run("ingest", examples_dir, "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr
    n = count(db, "reports")
    assert n >= 12
    assert f"{n} ingested, 0 unchanged, 0 replaced, 0 failed" in first.stdout
    second = run("ingest", examples_dir, "--db", db, "--quiet")
    assert f"0 ingested, {n} unchanged" in second.stdout
    countries = json.loads(run("countries", "--db", db, "--json").stdout)
    assert len(countries) >= 4
    reports = json.loads(run("reports", "--db", db, "--json").stdout)
    assert len(reports) == n
    some = next(r for r in reports if r["kind"] == "country_report" and r["edition"])
    shown = run("show", some["country"], str(some["edition"]), "--db", db, "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["country"]["iso3"] == some["iso3"]
    by_code = run("show", some["iso3"].lower(), str(some["edition"]), "--db", db)
    assert by_code.returncode == 0 and f"[{some['id']}]" in by_code.stdout


def test_changed_file_replaces_its_report(tmp_path: Path) -> None:
    db, page = tmp_path / "m.db", tmp_path / "freedonia.txt"
    page.write_text(GOOD)
    assert run("ingest", page, "--db", db, "-q").returncode == 0
    page.write_text(GOOD.replace("2.1 square kilometers", "3.4 square kilometers"))
    again = run("ingest", page, "--db", db, "-q")
    assert "0 ingested, 0 unchanged, 1 replaced, 0 failed" in again.stdout
    assert count(db, "reports") == 1
    with sqlite3.connect(db) as conn:
        texts = [r[0] for r in conn.execute("SELECT text FROM paragraphs")]
    assert any("3.4 square" in t for t in texts) and not any("2.1 square" in t for t in texts)


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Each bad file with the words its one-line message must contain."""
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "recipe.txt").write_text("Pancakes\n\nMix flour, eggs and milk. Fry in butter until golden.\n")
    (folder / "latin1-garbage.txt").write_bytes(bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 200)
    with open(folder / "huge.txt", "wb") as fh:
        fh.truncate(21 * 1024 * 1024)
    with zipfile.ZipFile(folder / "bomb.zip", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("bomb.txt", b"0" * (60 * 1024 * 1024))
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 this is not really a zip")
    return {
        "empty.txt": "empty",
        "binary.txt": "binary",
        "recipe.txt": "not a",
        "huge.txt": "20 MB",
        "bomb.zip": "zip bomb",
        "broken.zip": "zip",
    }


def test_bad_input_is_named_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "bad"
    expected = make_bad_inputs(bad)
    (bad / "good.txt").write_text(GOOD)
    db = tmp_path / "m.db"
    result = run("ingest", bad, "--db", db, "-q")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("failed: ")]
    for name, words in expected.items():
        line = next((x for x in lines if name in x), None)
        assert line is not None, f"no failure line for {name}: {result.stderr}"
        assert words.lower() in line.lower(), line
    assert count(db, "reports") == 1  # the good page is stored; nothing of the bad ones
    assert "1 ingested" in result.stdout


def test_zip_archives_are_ingested(tmp_path: Path) -> None:
    archive = tmp_path / "pages.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("2004/freedonia.txt", GOOD)
        zf.writestr("2005/freedonia.txt", GOOD.replace("2004", "2005"))
    db = tmp_path / "m.db"
    result = run("ingest", archive, "--db", db, "-q")
    assert result.returncode == 0, result.stderr
    assert count(db, "reports") == 2


def test_missing_database_and_unknown_country_are_one_line(tmp_path: Path) -> None:
    r = run("reports", "--db", tmp_path / "none.db")
    assert r.returncode == 1 and "no such database" in r.stderr and "Traceback" not in r.stderr
    db = tmp_path / "m.db"
    (tmp_path / "p.txt").write_text(GOOD)
    run("ingest", tmp_path / "p.txt", "--db", db, "-q")
    r = run("show", "Atlantis", "2004", "--db", db)
    assert r.returncode == 1 and "unknown country" in r.stderr
    r = run("show", "Bhutan", "1999", "--db", db)
    assert r.returncode == 1 and "no report" in r.stderr


def test_parse_prints_json_lines_without_a_database(examples_dir: Path, tmp_path: Path) -> None:
    pages = sorted(p for p in examples_dir.rglob("*") if p.suffix in {".txt", ".html", ".md"})[:3]
    r = run("parse", *pages, "--json")
    assert r.returncode == 0, r.stderr
    objs = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["source"]["path"] for o in objs] == [str(p) for p in pages]
    for o in objs:
        assert {
            "kind",
            "country",
            "edition",
            "title",
            "sections",
            "footnotes",
            "facts",
            "warnings",
        } <= o.keys()


def test_stored_report_equals_parse_output(tmp_path: Path) -> None:
    page = tmp_path / "freedonia.txt"
    page.write_text(GOOD)
    db = tmp_path / "m.db"
    run("ingest", page, "--db", db, "-q")
    parsed = json.loads(run("parse", page, "--json").stdout)
    conn = store.connect(db, readonly=True)
    rid = store.find_report(conn, parsed["country"]["iso3"], parsed["edition"])
    assert rid is not None
    assert store.load_report(conn, rid).to_dict() == parsed


def test_a_file_whose_edition_changes_replaces_its_old_report(tmp_path: Path) -> None:
    db, page = tmp_path / "m.db", tmp_path / "bhutan.txt"
    page.write_text(GOOD)
    run("ingest", page, "--db", db, "-q")
    page.write_text(GOOD.replace("Landmine Monitor Report 2004", "Landmine Monitor Report 2005"))
    again = run("ingest", page, "--db", db, "-q")
    assert "0 ingested, 0 unchanged, 1 replaced" in again.stdout
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM reports")] == ["btn-2005"]
    hits = json.loads(run("search", "clearance", "--db", db, "--json").stdout)["hits"]
    assert {h["report"] for h in hits} == {"btn-2005"}


def test_two_files_of_one_report_keep_the_first_and_say_so(tmp_path: Path) -> None:
    folder, db = tmp_path / "pages", tmp_path / "m.db"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD)
    (folder / "b.txt").write_text(GOOD + "\nAn extra paragraph about mines.\n")
    for _ in range(2):  # stable from one run to the next
        result = run("ingest", folder, "--db", db, "-q")
        assert result.returncode == 0, result.stderr
        assert "1 skipped as duplicates" in result.stdout
        assert "skipped: " in result.stderr and "b.txt" in result.stderr and "a.txt" in result.stderr
        with sqlite3.connect(db) as conn:
            assert [r[0] for r in conn.execute("SELECT source_path FROM reports")] == [str(folder / "a.txt")]


def test_folders_hold_pages_and_other_files(tmp_path: Path) -> None:
    folder, db = tmp_path / "pages", tmp_path / "m.db"
    folder.mkdir()
    (folder / "bhutan.txt").write_text(GOOD)
    (folder / "meta.json").write_text("{}")
    (folder / "map.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    result = run("ingest", folder, "--db", db, "-q")
    assert result.returncode == 0, result.stderr
    assert "1 ingested, 0 unchanged, 0 replaced, 0 failed" in result.stdout


def test_years_out_of_range_are_refused_in_one_line(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    (tmp_path / "p.txt").write_text(GOOD)
    run("ingest", tmp_path / "p.txt", "--db", db, "-q")
    for args in (
        ("show", "btn", "99999999999999999999"),
        ("search", "mines", "--edition", "99999999999999999999"),
    ):
        r = run(*args, "--db", db)
        assert r.returncode != 0 and "Traceback" not in r.stderr and "2100" in r.stderr


def test_ingest_says_when_it_upgrades_a_database_that_holds_reports(tmp_path: Path) -> None:
    page = tmp_path / "pages" / "bhutan.txt"
    page.parent.mkdir()
    page.write_text(GOOD)
    db = tmp_path / "m.db"
    first = run("ingest", page.parent, "--db", db, "--quiet")
    assert first.returncode == 0, first.stderr
    assert "upgrading" not in first.stderr  # a new database is created, not upgraded
    shown = json.loads(run("show", "BTN", "2004", "--db", db, "--json").stdout)
    with sqlite3.connect(db) as conn:  # as schema version 3 stored it: the notes in data as well
        conn.execute(
            "UPDATE reports SET data = json_set(data, '$.footnotes', json(?))",
            (json.dumps(shown["footnotes"]),),
        )
        conn.execute("PRAGMA user_version = 3")
    again = run("ingest", page.parent, "--db", db, "--quiet")
    assert again.returncode == 0, again.stderr
    assert f"{db}: upgrading the database from schema version 3 to" in again.stderr
    assert "0 ingested, 1 unchanged" in again.stdout
    assert json.loads(run("show", "BTN", "2004", "--db", db, "--json").stdout) == shown
    assert "upgrading" not in run("ingest", page.parent, "--db", db, "--quiet").stderr  # once
