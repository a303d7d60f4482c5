"""compare and timeline end to end: the example archive ingested into a temporary database, then the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

CLI = [sys.executable, "-m", "landmine_monitor"]


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("compare") / "m.db"
    r = run("ingest", examples_dir, "--db", path, "-q")
    assert r.returncode == 0, r.stderr
    return path


def test_compare_json_has_the_contract_keys(db: Path) -> None:
    r = run("compare", "Mongolia", "2002", "2006", "--json", "--db", db)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert (out["country"]["iso3"], out["edition_a"], out["edition_b"]) == ("MNG", 2002, 2006)
    for key in ("topics", "changes", "contradictions", "key_developments_draft", "draft_note"):
        assert key in out
    labels = {c["label"] for c in out["changes"]}
    assert labels <= {"unchanged", "reworded", "updated", "new", "dropped"} and "new" in labels
    for c in out["changes"]:
        assert set(c) >= {
            "label",
            "topic",
            "sentence_a",
            "sentence_b",
            "footnotes_a",
            "footnotes_b",
            "significance",
        }
    assert all(set(b) >= {"text", "footnotes"} for b in out["key_developments_draft"])
    assert out["draft_note"].startswith("Draft")
    significance = [c["significance"] for c in out["changes"]]
    assert significance == sorted(significance, reverse=True)


def test_compare_text_accepts_a_code_and_editions_in_any_order(db: Path) -> None:
    r = run("compare", "omn", "2003", "1999", "--db", db)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("Oman: Landmine Monitor Report 1999 -> 2003")
    for part in ("KEY DEVELOPMENTS SINCE 1999 (DRAFT)", "CONTRADICTIONS", "CHANGES BY TOPIC"):
        assert part in r.stdout


def test_timeline_lists_indicators_across_editions(db: Path) -> None:
    r = run("timeline", "Oman", "--json", "--db", db)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["editions"] == [1999, 2000, 2003]
    for row in out["indicators"]:
        assert row["first_seen"] <= row["last_seen"]
        assert [v["edition"] for v in row["values"]] == sorted(v["edition"] for v in row["values"])
    text = run("timeline", "Oman", "--db", db)
    assert text.returncode == 0 and text.stdout.startswith("Oman: editions 1999, 2000, 2003")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "Atlantis", "1999", "2003"), "unknown country"),
        (("compare", "Oman", "1999", "2001"), "no report for Oman (OMN) in edition 2001"),
        (("compare", "Oman", "2003", "2003"), "two different editions"),
        (("timeline", "Chile"), "no reports for Chile"),
        (("timeline", "Uruguay"), "has only profiles without an edition"),
    ],
)
def test_user_errors_are_one_line(db: Path, args: tuple[str, ...], message: str) -> None:
    r = run(*args, "--db", db)
    assert r.returncode == 1 and message in r.stderr, r.stderr
    assert "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_missing_database_is_one_line(tmp_path: Path) -> None:
    r = run("compare", "Oman", "1999", "2003", "--db", tmp_path / "none.db")
    assert r.returncode == 1 and "no such database" in r.stderr and "Traceback" not in r.stderr
