"""`facts`, `profile` and `export facts` end to end: fictional reports -> database -> CLI -> JSON/CSV.
Also the profile builder on its own (pure, from rows)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from landmine_monitor import store
from landmine_monitor.cli import _register, app
from landmine_monitor.facts import extract_facts
from landmine_monitor.facts.profile import conflicts, overview_table
from landmine_monitor.model import Country, Paragraph, Report, Section, SourceFile

runner = CliRunner()


def _report(edition: int, texts: list[str]) -> Report:
    r = Report(
        kind="country_report",
        country=Country("NRU", "Nauru"),
        edition=edition,
        title=f"Nauru, Landmine Monitor Report {edition}",
        source=SourceFile(f"nauru-{edition}.txt", None, f"{edition:064d}"),
        sections=[Section("Mine Ban Policy", ["ban_policy"], paragraphs=[Paragraph(t) for t in texts])],
    )
    r.facts = extract_facts(r)
    return r


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "m.db"
    conn = store.connect(path)
    store.save_report(
        conn,
        _report(
            2000,
            [
                "Nauru signed the Mine Ban Treaty on 3 December 1997 but has not yet ratified it.[1]",
                "Nauru abstained on the pro-ban UN General Assembly resolution in 1999.",
                "It is believed that Nauru has planted about 50,000 mines on its border.[2]",
            ],
        ),
    )
    store.save_report(
        conn,
        _report(
            2002,
            [
                "Nauru ratified the Mine Ban Treaty on 5 July 2001.[1]",
                "Nauru voted in favor of UN General Assembly Resolution 56/24M in November 2001.",
                "Officials say Nauru planted some 20,000 mines on its border.[3]",
            ],
        ),
    )
    conn.close()
    _register()
    return path


def run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_facts_json_carries_provenance(db: Path) -> None:
    out = json.loads(run("facts", "NRU", "--json", "--db", str(db), "-i", "treaty_ratified"))
    assert [(f["edition"], f["value"], f["anchor"], f["footnotes"]) for f in out["facts"]] == [
        (2002, "2001-07-05", "p-1-1", [1])
    ]
    assert out["facts"][0]["sentence"] == "Nauru ratified the Mine Ban Treaty on 5 July 2001."


def test_facts_csv_and_unknown_inputs(db: Path) -> None:
    rows = list(
        csv.DictReader(io.StringIO(run("facts", "nauru", "--csv", "--db", str(db), "-i", "unga_vote")))
    )
    assert [(r["edition"], r["year"], r["value"], r["unit"]) for r in rows] == [
        ("2000", "1999", "abstained", ""),
        ("2002", "2001", "for", "A/RES/56/24M"),
    ]
    bad = runner.invoke(app, ["facts", "NRU", "-i", "nope", "--db", str(db)])
    assert bad.exit_code != 0 and "unknown indicator 'nope'" in str(bad.exception or bad.output)


def test_profile_shows_latest_values_and_conflicts(db: Path) -> None:
    out = json.loads(run("profile", "NRU", "--json", "--db", str(db)))
    table = {row["indicator"]: row for row in out["overview"]}
    assert table["treaty_status"]["value"] == "state party"
    assert table["treaty_status"]["earlier_values"] == ["signatory"]
    assert (table["unga_vote"]["year"], table["unga_vote"]["value"]) == (2001, "for A/RES/56/24M")
    [conflict] = out["conflicts"]
    assert conflict["indicator"] == "mines_emplaced"
    assert [(v["edition"], v["value"], v["qualifier"], v["footnotes"]) for v in conflict["values"]] == [
        (2000, 50000, "about", [2]),
        (2002, 20000, "some", [3]),
    ]
    text = run("profile", "NRU", "--db", str(db))
    assert "Conflicts between editions" in text and "about 50,000 mines" in text


def test_export_facts_is_one_row_per_fact(db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "facts", "--csv", "--db", str(db)))))
    conn = store.connect(db, readonly=True)
    assert len(rows) == conn.execute("SELECT count(*) FROM facts").fetchone()[0]
    assert {r["iso3"] for r in rows} == {"NRU"}
    assert all(r["sentence"] and r["report_id"] for r in rows)


def test_missing_database_is_one_clear_error(tmp_path: Path) -> None:
    _register()
    result = runner.invoke(app, ["profile", "NRU", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0
    assert "no such database" in str(result.exception)


def test_overview_and_conflicts_from_rows() -> None:
    rows = [
        {"indicator": "prostheses_fitted", "value": 841, "unit": "prostheses", "year": 2003, "edition": 2004},
        {"indicator": "prostheses_fitted", "value": 698, "unit": "prostheses", "year": 2003, "edition": 2004},
        {"indicator": "prostheses_fitted", "value": 841, "unit": "prostheses", "year": 2003, "edition": 2005},
        {"indicator": "prostheses_fitted", "value": 230, "unit": "prostheses", "year": 2002, "edition": 2004},
        {"indicator": "treaty_status", "value": "signatory", "edition": 1999},
        {"indicator": "treaty_status", "value": "state_party", "edition": 2000},
    ]
    table = {r["indicator"]: r for r in overview_table(rows)}
    assert (table["prostheses_fitted"]["year"], table["prostheses_fitted"]["edition"]) == (2003, 2005)
    assert table["treaty_status"]["value"] == "state party"
    # two centres in one edition, and a later edition repeating one of them: no conflict;
    # a status that changes between editions is history, not a conflict
    assert conflicts(rows) == []
    rows.append(
        {"indicator": "prostheses_fitted", "value": 900, "unit": "prostheses", "year": 2002, "edition": 2005}
    )
    assert [(c["indicator"], c["year"]) for c in conflicts(rows)] == [("prostheses_fitted", 2002)]


def test_an_undated_fact_of_a_newer_edition_is_the_latest() -> None:
    rows = [
        {"indicator": "area_cleared", "value": 0.4, "unit": "km2", "year": 1999, "edition": 2000},
        {"indicator": "area_cleared", "value": 2.1, "unit": "km2", "year": None, "edition": 2003},
    ]
    latest = {r["indicator"]: r for r in overview_table(rows)}["area_cleared"]
    assert (latest["value"], latest["edition"]) == ("2.1 km2", 2003)
