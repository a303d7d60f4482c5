"""Ingest and parse at their edges (a black-box audit's findings): damaged archives, database paths that
cannot be opened, a file named two ways, an ingest stopped by `kill`, an index another process writes,
UTF-16 pages, folders given to `parse`, lists in tables."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
import tantivy
from test_ingest import CLI, GOOD, count, run

from landmine_monitor.search.index import index_dir

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _damaged_zip(path: Path) -> None:
    """A zip whose one member's deflated data is damaged (two bytes flipped) while its headers are intact."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("bhutan.txt", GOOD * 3)
    data = bytearray(path.read_bytes())
    start = 30 + len("bhutan.txt")  # the local header, then the compressed data
    for i in (start + 5, start + 9):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def test_damaged_zip_member_is_one_line_and_the_batch_goes_on(tmp_path: Path) -> None:
    bad = tmp_path / "damaged.zip"
    _damaged_zip(bad)
    good = tmp_path / "later.txt"
    good.write_text(GOOD.replace("Bhutan", "Nepal"), encoding="utf-8")
    db = tmp_path / "m.db"
    result = run("ingest", bad, good, "--db", db, "--quiet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("failed:")]
    assert len(lines) == 1 and "damaged.zip!bhutan.txt" in lines[0], result.stderr
    assert "1 ingested" in result.stdout and "1 failed" in result.stdout
    assert count(db, "reports") == 1


def test_a_member_over_the_limit_fails_alone(tmp_path: Path) -> None:
    archive = tmp_path / "mixed.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:  # stored: no ratio, just size
        z.writestr("a/bhutan.txt", GOOD)
        z.writestr("a/huge.txt", b"x" * (21 * 1024 * 1024))
    db = tmp_path / "m.db"
    result = run("ingest", archive, "--db", db, "--quiet")
    assert result.returncode == 1
    assert "mixed.zip!a/huge.txt" in result.stderr and "over the 20 MB limit" in result.stderr
    assert "zip bomb" not in result.stderr
    assert count(db, "reports") == 1


@pytest.mark.parametrize(
    ("setup", "words"),
    [
        ("missing folder", "folder"),
        ("a folder", "is a folder"),
        ("not sqlite", "not an SQLite database"),
    ],
)
def test_database_paths_that_cannot_be_opened(tmp_path: Path, setup: str, words: str) -> None:
    page = tmp_path / "bhutan.txt"
    page.write_text(GOOD, encoding="utf-8")
    if setup == "missing folder":
        db = tmp_path / "nowhere" / "m.db"
    elif setup == "a folder":
        db = tmp_path / "folder.db"
        db.mkdir()
    else:
        db = tmp_path / "notes.db"
        db.write_text("these are my notes, not a database\n" * 50, encoding="utf-8")
    for args in (["ingest", page, "--db", db, "--quiet"], ["reports", "--db", db]):
        if setup == "missing folder" and args[0] == "reports":
            words = "no such database"
        result = run(*args)
        assert result.returncode == 1, result
        assert "Traceback" not in result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and str(db) in lines[0], result.stderr
        assert words in lines[0]
    if setup == "not sqlite":  # and the user's file is untouched
        assert db.read_text(encoding="utf-8").startswith("these are my notes")


def _ingest_in(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CLI, "ingest", *map(str, args), "--quiet"], capture_output=True, text=True, timeout=300, cwd=cwd
    )


def test_the_same_file_named_two_ways_is_one_source(tmp_path: Path) -> None:
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "bhutan.txt"
    page.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "m.db"
    assert "1 ingested" in _ingest_in(folder, "bhutan.txt", "--db", db).stdout
    # the same bytes under other spellings of its path: unchanged
    for spelling in (page, "./bhutan.txt", "../pages/bhutan.txt"):
        assert "1 unchanged" in _ingest_in(folder, spelling, "--db", db).stdout
    assert "1 unchanged" in _ingest_in(tmp_path, "pages/bhutan.txt", "--db", db).stdout
    # edited, and named otherwise than it was stored: it replaces its report, it is no duplicate of itself
    page.write_text(GOOD.replace("1,200", "1,300"), encoding="utf-8")
    edited = _ingest_in(folder, page, "--db", db)
    assert "1 replaced" in edited.stdout and "skipped" not in edited.stderr, edited
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT id, source_path FROM reports").fetchall() == [("btn-2004", str(page))]


def test_a_stored_path_read_from_another_folder_never_deletes_another_report(tmp_path: Path) -> None:
    """ "kor.txt" stored from folder a names another file from folder b: that file, another report, is
    ingested beside the first, never in its place (a review's case)."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "kor.txt").write_text(GOOD, encoding="utf-8")
    (b / "kor.txt").write_text(GOOD.replace("Report 2004", "Report 2005"), encoding="utf-8")
    db = tmp_path / "m.db"
    assert "1 ingested" in _ingest_in(a, "kor.txt", "--db", db).stdout
    second = _ingest_in(b, b / "kor.txt", "--db", db)
    assert "1 ingested" in second.stdout, second
    with sqlite3.connect(db) as conn:
        assert sorted(r[0] for r in conn.execute("SELECT id FROM reports")) == ["btn-2004", "btn-2005"]


def test_two_files_with_one_report_id_are_still_duplicates(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.txt").write_text(GOOD + "\n", encoding="utf-8")
    db = tmp_path / "m.db"
    result = _ingest_in(tmp_path, "a.txt", "b.txt", "--db", db)
    assert "1 skipped as duplicates" in result.stdout
    assert "skipped: b.txt: same report (btn-2004) as a.txt, which is already stored" in result.stderr
    assert "stored; skipped" not in result.stderr


def _synthetic(folder: Path, n: int) -> None:
    sys.path.insert(0, str(BENCH))
    try:
        from gen_archive import generate  # type: ignore[import-not-found]
    except ImportError:
        pytest.skip(f"bench/gen_archive.py is missing from {BENCH}")
    finally:
        sys.path.remove(str(BENCH))
    for name, data in generate(n, seed=7):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _processes_naming(marker: str) -> list[int]:
    """Live processes whose command line holds `marker` (zombies aside)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if marker in cmdline and state != "Z":
            found.append(int(entry.name))
    return found


def _start_and_wait_for_a_report(pages: Path, db: Path) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [*CLI, "ingest", str(pages), "--db", str(db), "--quiet"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
                if conn.execute("SELECT count(*) FROM reports").fetchone()[0] > 0:
                    return proc
        except sqlite3.Error:
            pass
        time.sleep(0.05)
    proc.kill()
    pytest.fail("the ingest stored nothing in 120 s, or ended before it could be stopped")


def _gone(marker: str, seconds: float = 20) -> bool:
    deadline = time.monotonic() + seconds
    while _processes_naming(marker):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.1)
    return True


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="reads /proc; workers end with their parent on Linux"
)
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL])
def test_a_stopped_ingest_leaves_no_parser_process_and_no_lock(tmp_path: Path, how: signal.Signals) -> None:
    pages = tmp_path / "pages"
    _synthetic(pages, 300)
    db = tmp_path / f"stopped-{how.name}.db"
    proc = _start_and_wait_for_a_report(pages, db)
    proc.send_signal(how)
    out, err = proc.communicate(timeout=120)
    assert _gone(str(db)), f"processes of the stopped ingest still run: {_processes_naming(str(db))}"
    if how == signal.SIGTERM:
        assert proc.returncode == 130
        assert "interrupted" in err and "what was stored is kept" in err and "Traceback" not in err, err
    stored = count(db, "reports")
    assert 0 < stored < 300
    page = tmp_path / "bhutan.txt"
    page.write_text(GOOD, encoding="utf-8")
    again = run("ingest", page, "--db", db, "--quiet")  # the index's write lock is free
    assert again.returncode == 0 and "1 ingested" in again.stdout, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_index_written_by_another_process_stops_the_ingest_before_it_stores(tmp_path: Path) -> None:
    page = tmp_path / "bhutan.txt"
    page.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "m.db"
    assert run("ingest", page, "--db", db, "--quiet").returncode == 0
    other = tmp_path / "nepal.txt"
    other.write_text(GOOD.replace("Bhutan", "Nepal"), encoding="utf-8")
    writer = tantivy.Index.open(str(index_dir(db))).writer(15_000_000, 1)  # another writer holds the lock
    try:
        result = run("ingest", other, "--db", db, "--quiet")
    finally:
        del writer
    assert result.returncode == 1
    assert "being written by another process" in result.stderr and "Traceback" not in result.stderr
    assert count(db, "reports") == 1  # nothing of the batch was stored


def test_utf16_pages_read_as_their_utf8_twins(tmp_path: Path) -> None:
    utf8 = tmp_path / "bhutan.txt"
    utf8.write_text(GOOD, encoding="utf-8")
    twins = {
        "le.txt": GOOD.encode("utf-16-le"),  # Notepad's "Unicode" without its mark
        "be.txt": GOOD.encode("utf-16-be"),
        "bom.txt": GOOD.encode("utf-16"),
    }
    for name, data in twins.items():
        (tmp_path / name).write_bytes(data)
    result = run("parse", "--json", utf8, *(tmp_path / n for n in twins))
    assert result.returncode == 0, result.stderr
    reports = [json.loads(line) for line in result.stdout.splitlines()]
    for r in reports:
        r["source"] = None
    assert all(r == reports[0] for r in reports[1:])
    assert reports[0]["country"]["iso3"] == "BTN"


def test_parse_takes_folders_and_names_each_bad_page(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    (folder / "2004").mkdir(parents=True)
    (folder / "2004" / "bhutan.txt").write_text(GOOD, encoding="utf-8")
    (folder / "2004" / "nepal.txt").write_text(GOOD.replace("Bhutan", "Nepal"), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    result = run("parse", "--json", folder, tmp_path / "missing.txt")
    assert result.returncode == 1
    names = sorted(json.loads(line)["country"]["iso3"] for line in result.stdout.splitlines())
    assert names == ["BTN", "NPL"]
    errors = result.stderr.strip().splitlines()
    assert (
        len(errors) == 2 and any("empty.txt" in e for e in errors) and any("missing.txt" in e for e in errors)
    )


def test_tables_show_lists_as_words(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert run("ingest", examples_dir, "--db", db, "--quiet").returncode == 0
    table = run("sources", "--db", db, "--limit", "5").stdout
    assert "['" not in table and "[2" not in table
    rows = json.loads(run("sources", "--db", db, "--limit", "5", "--json").stdout)["sources"]
    several = next(r for r in rows if len(r["countries"]) > 1)
    assert ", ".join(several["countries"]) in table


def test_unreadable_page_is_its_own_failure(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file: an unreadable file cannot be made")
    secret = tmp_path / "secret.txt"
    secret.write_text(GOOD, encoding="utf-8")
    secret.chmod(0)
    other = tmp_path / "nepal.txt"
    other.write_text(GOOD.replace("Bhutan", "Nepal"), encoding="utf-8")
    result = run("ingest", secret, other, "--db", tmp_path / "m.db", "--quiet")
    assert result.returncode == 1 and "1 ingested" in result.stdout
    assert "secret.txt" in result.stderr and "Traceback" not in result.stderr


def test_show_keeps_escape_sequences_from_the_terminal(tmp_path: Path) -> None:
    page = tmp_path / "bhutan.txt"
    page.write_text(
        GOOD.replace("continued in 2003.", "continued in 2003.\x1b]0;owned\x07 \x1b[2J"), encoding="utf-8"
    )
    db = tmp_path / "m.db"
    assert run("ingest", page, "--db", db, "--quiet").returncode == 0
    shown = run("show", "BTN", "2004", "--db", db)
    assert shown.returncode == 0
    assert "\x1b" not in shown.stdout and "\x07" not in shown.stdout
    assert "continued in 2003." in shown.stdout and "]0;owned" in shown.stdout  # the text stays, inert
    found = run("search", "owned", "--db", db)
    assert found.returncode == 0 and "owned" in found.stdout and "\x1b" not in found.stdout
    as_json = json.loads(run("show", "BTN", "2004", "--db", db, "--json").stdout)  # JSON keeps it as stored
    assert any("\x1b]0;owned" in p["text"] for s in as_json["sections"] for p in s["paragraphs"])


def test_small_options(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    assert run("ingest", examples_dir, "--db", db, "--quiet").returncode == 0
    csv_lines = run("editions", "--db", db, "--csv").stdout.splitlines()
    editions = json.loads(run("editions", "--db", db, "--json").stdout)
    assert csv_lines[0] == "year,reports,countries" and len(csv_lines) == len(editions) + 1
    assert run("sources", "--db", db, "--kind", "Email", "--json").returncode == 0
    assert run("sources", "--db", db, "--limit", "0").returncode == 2  # a usage error, not "no sources"
    note = "Email from Ana Ruiz, Director, Bhutan Mine Action Centre, 2 May 2004."
    piped = subprocess.run(
        [*CLI, "cite", "-", "--json"], input=note, capture_output=True, text=True, timeout=60
    )
    given = run("cite", note, "--json")
    assert piped.returncode == 0 and json.loads(piped.stdout) == json.loads(given.stdout)
    assert json.loads(given.stdout)[0]["kind"] == "email"


def test_a_profile_is_reached_by_its_report_id_or_its_country_alone(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "m.db"
    assert run("ingest", examples_dir, "--db", db, "--quiet").returncode == 0
    reports = json.loads(run("reports", "--db", db, "--json").stdout)
    profile = next(r for r in reports if r["edition"] is None)
    by_id = json.loads(run("show", profile["id"], "--db", db, "--json").stdout)
    assert by_id["edition"] is None and by_id["country"]["iso3"] == profile["iso3"]
    by_country = json.loads(run("show", profile["iso3"], "--db", db, "--json").stdout)
    assert by_country == by_id
    notes = json.loads(run("citations", profile["id"], "--db", db, "--json").stdout)
    assert notes["report_id"] == profile["id"] and len(notes["notes"]) == profile["footnotes"]
    several = next(r["iso3"] for r in reports if sum(x["iso3"] == r["iso3"] for x in reports) > 1)
    ambiguous = run("show", several, "--db", db)
    assert ambiguous.returncode == 1 and "give an edition" in ambiguous.stderr


def test_nothing_to_read_is_said(tmp_path: Path) -> None:
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    (empty / "scan.pdf").write_bytes(b"%PDF-1.4")
    outer = tmp_path / "outer.zip"
    inner = tmp_path / "inner.zip"
    with zipfile.ZipFile(inner, "w") as z:
        z.writestr("bhutan.txt", GOOD)
    with zipfile.ZipFile(outer, "w") as z:
        z.write(inner, "inner.zip")
        z.writestr("nepal.txt", GOOD.replace("Bhutan", "Nepal"))
    result = run("ingest", empty, outer, "--db", tmp_path / "m.db", "--quiet")
    assert result.returncode == 1 and "1 ingested" in result.stdout
    failed = [x for x in result.stderr.splitlines() if x.startswith("failed:")]
    assert len(failed) == 2, result.stderr
    assert "empty-folder: no pages in it" in failed[0]
    assert "outer.zip!inner.zip: an archive inside an archive is not read" in failed[1]
