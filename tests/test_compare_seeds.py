"""compare on the real seeds (North Korea 1999 vs 2004): the draft against the 2004 edition's own
"Key developments since 1999", and the contradictions the issue names. Checked by key words."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from landmine_monitor.compare import compare_reports
from landmine_monitor.parse import parse_file

# The five points of the 2004 seed's own "Key developments since 1999", as key-word tests on one bullet.
POINTS = {
    "clearance inside the DMZ in 2002": lambda t: "2002" in t and "DMZ" in t and "clearance" in t,
    "ICRC and Handicap International programmes": lambda t: "ICRC" in t or "Handicap International" in t,
    "no public statements / absent from every UNGA vote": lambda t: (
        ("absent" in t and "UNGA" in t) or "public statements" in t
    ),
    "production assumed to continue": lambda t: "produc" in t and "mine" in t and "prosthe" not in t,
    "June 2003 disability law": lambda t: "June 2003" in t and "law" in t.lower(),
}


@pytest.fixture(scope="module")
def result(seeds_dir: Path) -> dict[str, Any]:
    older = parse_file(next(seeds_dir.glob("001_*.txt")))
    newer = parse_file(next(seeds_dir.glob("000_*.txt")))
    assert (older.edition, newer.edition) == (1999, 2004)
    return compare_reports(older, newer)


def test_draft_covers_at_least_four_of_the_five_reference_points(result: dict[str, Any]) -> None:
    bullets = [b["text"] for b in result["key_developments_draft"]]
    covered = [name for name, test in POINTS.items() if any(test(t) for t in bullets)]
    assert len(covered) >= 4, f"covered {covered} of {list(POINTS)} with {bullets}"
    assert 4 <= len(bullets) <= 10


def test_draft_bullets_are_short_sourced_and_not_copied_from_the_reference(result: dict[str, Any]) -> None:
    for b in result["key_developments_draft"]:
        assert "[" not in b["text"] and len(b["text"].split()) <= 60
    dmz = next(
        b for b in result["key_developments_draft"] if POINTS["clearance inside the DMZ in 2002"](b["text"])
    )
    assert dmz["footnotes"] == [7]
    # "Landmine Monitor assumes ..." is only in the 2004 key developments paragraph, never in the body.
    assert all("Landmine Monitor assumes" not in b["text"] for b in result["key_developments_draft"])
    assert result["draft_note"].startswith("Draft for a researcher to edit")


def test_export_claim_contradicted(result: dict[str, Any]) -> None:
    export = [
        c for c in result["contradictions"] if c["kind"] == "contradiction" and c["predicate"] == "export"
    ]
    assert export, result["contradictions"]
    said = " ".join(c["sentence_a"] for c in export)
    assert "not known to have exported" in said
    assert all("Angola" in c["sentence_b"] and c["footnotes_b"] == [2] for c in export)
    assert all(c["footnotes_a"] == [9] for c in export)
    assert export[0]["notes_b"][0]["text"].startswith("See Jane")


def test_mines_emplaced_estimates_conflict(result: dict[str, Any]) -> None:
    figures = [c for c in result["contradictions"] if c["kind"] == "conflicting_figures"]
    emplaced = [c for c in figures if c["predicate"] == "mines_emplaced"]
    assert emplaced, figures
    assert "one million" in emplaced[0]["sentence_a"] and "hundreds of thousands" in emplaced[0]["sentence_b"]
    assert (emplaced[0]["footnotes_a"], emplaced[0]["footnotes_b"]) == ([11], [4])


def test_sections_line_up_by_topic_despite_lost_and_merged_headings(result: dict[str, Any]) -> None:
    topics = {t["topic"]: t for t in result["topics"]}
    production = topics["production"]
    assert production["a"] and all(s["heading"] is None and s["inferred"] for s in production["a"])
    assert [s["heading"] for s in topics["casualties"]["b"]] == [
        "Landmine Problem, Casualties and Survivor Assistance"
    ]
    assert [s["heading"] for s in topics["landmine_problem"]["a"]] == ["Landmine Problem"]
    moved_models = [c for c in result["changes"] if c["topic"] == "production" and c["label"] != "dropped"]
    assert moved_models, "2004 production sentences (under Mine Ban Policy) should be read as production"


def test_every_sentence_appears_once_and_rewording_sinks(result: dict[str, Any]) -> None:
    changes = result["changes"]
    a_side = [c["sentence_a"] for c in changes if c["sentence_a"]]
    b_side = [c["sentence_b"] for c in changes if c["sentence_b"]]
    assert len(a_side) == len(set(a_side)) and len(b_side) == len(set(b_side))
    accession = next(c for c in changes if c["sentence_b"] and "has not acceded" in c["sentence_b"])
    assert accession["label"] == "reworded" and "has not signed" in accession["sentence_a"]
    top = changes[: len(changes) // 4]
    assert all(c["label"] in ("new", "updated", "dropped") for c in top)
