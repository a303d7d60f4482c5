"""`sources`, `citations` and `cite` end to end: fictional reports (tests/data/citations) are parsed into a
temporary database, then read back through the CLI as JSON, CSV and text."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from landmine_monitor import store
from landmine_monitor.cli import _register, app
from landmine_monitor.parse import parse_file
from landmine_monitor.store import sources as queries

DATA = Path(__file__).parent / "data" / "citations"
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sources") / "m.db"
    conn = store.connect(path)
    for page in sorted(DATA.glob("*.txt")):
        assert store.save_report(conn, parse_file(page)) == "ingested"
    conn.close()
    _register()
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.output


def fails(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code != 0
    return str(result.exception or result.output)


def test_one_source_cited_across_reports_and_editions(db: Path) -> None:
    out = json.loads(run("sources", "--json", "--db", str(db)))
    top = out["sources"][0]
    assert top["kind"] == "report" and "Pacific Survey Report 2002" in top["label"]
    # two notes in tuv-2003 (one with Ibid. inside it), an Ibid. note, tuv-2004 and kir-2004
    assert (top["citations"], top["reports"], top["countries"], top["editions"]) == (
        5,
        3,
        ["KIR", "TUV"],
        [2003, 2004],
    )
    places = [(p["report_id"], p["footnote"], p["anchor"], p["paragraphs"]) for p in top["cited_in"]]
    assert ("tuv-2003", 3, "fn-3", ["p-2-1"]) in places
    assert ("kir-2004", 2, "fn-2", ["p-2-1"]) in places
    assert ("tuv-2004", 4, "fn-4", ["p-2-1"]) in places
    counts = [s["citations"] for s in out["sources"]]
    assert counts == sorted(counts, reverse=True)


def test_sources_filters_by_kind_and_country(db: Path) -> None:
    emails = json.loads(run("sources", "--kind", "email", "--json", "--db", str(db)))["sources"]
    assert [(s["citations"], s["reports"], s["editions"]) for s in emails] == [(2, 2, [2003, 2004])]
    rows = list(
        csv.DictReader(io.StringIO(run("sources", "--country", "Kiribati", "--csv", "--db", str(db))))
    )
    assert {r["kind"] for r in rows} == {"report"}  # note [3] is commentary: no source (issue #3)
    assert all("KIR" in json.loads(r["countries"]) for r in rows)
    # Kiribati's and Tuvalu's Article 7 reports are two sources
    article7 = [
        s
        for s in json.loads(run("sources", "--json", "--db", str(db)))["sources"]
        if "Article 7" in s["label"]
    ]
    assert sorted(s["countries"][0] for s in article7) == ["KIR", "TUV"]


def test_sources_text_table_and_limit(db: Path) -> None:
    lines = run("sources", "-n", "2", "--db", str(db)).splitlines()
    assert lines[0].split()[:3] == ["id", "kind", "citations"]
    assert len(lines) == 3 and lines[1].startswith("src_")


def test_citations_of_a_report_with_paragraphs_links_and_ages(db: Path) -> None:
    out = json.loads(run("citations", "TUV", "2004", "--json", "--db", str(db)))
    assert out["report_id"] == "tuv-2004"
    notes = {n["number"]: n for n in out["notes"]}
    assert [c["kind"] for c in notes[2]["citations"]] == ["email", "letter"]
    assert notes[2]["citations"][1]["people"] == [{"name": "Sione Vaka", "role": "Secretary"}]
    assert notes[3]["citations"][0]["refers_to"] == {"edition": 2003, "page": "12", "report": "tuv-2003"}
    assert notes[3]["paragraphs"] == ["p-2-1"]
    email = notes[2]["citations"][0]
    assert (email["source_citations"], email["source_reports"]) == (2, 2)  # the same email cited in 2003
    interview = notes[5]["citations"]
    assert [(c["kind"], c["date"], c["date_end"]) for c in interview] == [
        ("telephone_interview", "2004-05-03", "2004-05-05")
    ]
    assert out["source_ages"] == {
        "edition": 2004,
        "dated_sources": 6,
        "newest": 0,
        "median": 0.5,
        "oldest": 1,
    }


def test_citations_text_output_and_ibid_links(db: Path) -> None:
    text = run("citations", "Tuvalu", "2003", "--db", str(db))
    assert text.startswith("tuv-2003: 4 notes, 5 citations; source ages at publication")
    assert "ibid | p. 9 | -> note 3" in text


def test_unknown_inputs_are_one_clear_error(db: Path, tmp_path: Path) -> None:
    assert "no report for Tuvalu (TUV) in edition 1999" in fails("citations", "TUV", "1999", "--db", str(db))
    assert "unknown country 'Narnia'" in fails("citations", "Narnia", "2004", "--db", str(db))
    assert "unknown citation kind 'bogus'" in fails("sources", "--kind", "bogus", "--db", str(db))
    assert "no such database" in fails("sources", "--db", str(tmp_path / "none.db"))
    assert "the note text is empty" in fails("cite", "  ")


def test_cite_needs_no_database() -> None:
    _register()
    out = json.loads(
        run("cite", "Email from Nora Field, Country Director, HI, 19 August 2004; Ibid., p. 4", "--json")
    )
    assert [c["kind"] for c in out] == ["email", "ibid"]
    assert out[0]["organizations"] == ["Handicap International"]
    assert out[0]["label"] == "Email from Nora Field, 2004-08-19"
    assert out[1]["source_id"] == out[0]["source_id"] and out[1]["pages"] == "4"
    line = run("cite", "See Landmine Monitor Report 2000, p. 541.")
    assert line.startswith("monitor_report | 2000") and "-> Landmine Monitor Report 2000, p. 541" in line


def test_get_source_and_unknown_source(db: Path) -> None:
    conn = store.connect(db, readonly=True)
    top = queries.list_sources(conn, limit=1)[0]
    detail = queries.get_source(conn, top["id"])
    assert detail is not None and len(detail["cited_in"]) == top["citations"]
    assert queries.get_source(conn, "src_000000000000") is None


def test_replacing_a_report_keeps_the_registry_consistent(tmp_path: Path) -> None:
    path = tmp_path / "r.db"
    conn = store.connect(path)
    page = tmp_path / "tuvalu-2004.txt"
    page.write_text((DATA / "tuvalu-2004.txt").read_text(encoding="utf-8"), encoding="utf-8")
    store.save_report(conn, parse_file(page))
    page.write_text(page.read_text(encoding="utf-8").replace("Dr. Ana Fale", "Dr. Ana Lui"), encoding="utf-8")
    assert store.save_report(conn, parse_file(page)) == "replaced"
    labels = [s["label"] for s in queries.list_sources(conn)]
    assert any("Ana Lui" in x for x in labels) and not any("Ana Fale" in x for x in labels)


def test_registry_pages_are_slices_of_the_ranking(db: Path) -> None:
    conn = store.connect(db, readonly=True)
    for kind, iso3 in ((None, None), ("report", None), (None, "KIR"), ("report", "kir")):
        full = queries.list_sources(conn, kind=kind, iso3=iso3)
        assert full and queries.count_sources(conn, kind=kind, iso3=iso3) == len(full)
        pages = [queries.list_sources(conn, kind=kind, iso3=iso3, limit=2, offset=o) for o in range(0, 40, 2)]
        assert [r for page in pages for r in page] == full, (kind, iso3)
    assert queries.list_sources(conn, limit=5, offset=10_000) == []
    assert queries.count_sources(conn, kind="no_such_kind") == 0


def test_a_source_reads_like_its_registry_row(db: Path) -> None:
    conn = store.connect(db, readonly=True)
    for row in queries.list_sources(conn, where=True):
        one = queries.get_source(conn, row["id"])
        assert one == row
        assert {p["country"] for p in one["cited_in"]} <= {"Kiribati", "Tuvalu"}
        assert all(p["text"] and p["title"] for p in one["cited_in"])
    kinds = {k["kind"]: k["sources"] for k in queries.source_kinds(conn)}
    assert sum(kinds.values()) == queries.count_sources(conn)
    assert kinds["email"] == queries.count_sources(conn, kind="email")


def test_the_registry_indexes_are_a_migration_of_their_own(tmp_path: Path) -> None:
    from landmine_monitor.store.schema import MIGRATIONS

    conn = store.connect(tmp_path / "m.db")
    assert conn.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS) >= 2
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"citations_source_report", "reports_place", "sources_kind"} <= indexes
    assert "citations_source_report" not in MIGRATIONS[0]
