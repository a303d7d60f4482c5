"""compare: fictional pairs of editions (tests/data/compare/) with known changes and exact labels."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from landmine_monitor.compare import LABELS, compare_reports, timeline
from landmine_monitor.compare.align import numbers
from landmine_monitor.compare.claims import claims_of
from landmine_monitor.compare.draft import shorten
from landmine_monitor.compare.facts_diff import fact_changes
from landmine_monitor.compare.sentences import (
    Sentence,
    clean_text,
    report_sentences,
    split_clauses,
    split_sentences,
)
from landmine_monitor.model import Country, Fact, Paragraph, Report, Section

DATA = Path(__file__).parent / "data" / "compare"


def load(name: str) -> Report:
    return Report.from_dict(json.loads((DATA / name).read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    return compare_reports(load("freedonia-2001.json"), load("freedonia-2002.json"))


def change_for(result: dict[str, Any], words: str) -> dict[str, Any]:
    found = [c for c in result["changes"] if words in (c["sentence_b"] or c["sentence_a"] or "")]
    assert len(found) == 1, f"{words!r}: {len(found)} changes"
    return found[0]


EXPECTED = {
    # words of the (newer, else older) sentence: (label, moved)
    "acceded to the Mine Ban Treaty": ("updated", False),  # a status changed
    "said very little in public": ("reworded", False),
    "member of the Conference on Disarmament": ("unchanged", False),
    "about 9,500 antipersonnel mines": ("updated", False),  # a number changed
    "PMN-7 mines have been found in Sylvania": ("new", False),
    "not known to have exported": ("dropped", False),
    "Minefields laid during the border war": ("unchanged", False),  # its section was renamed
    "A shepherd was injured": ("unchanged", True),  # moved to another section
    "new rehabilitation centre": ("new", False),
    "survey team from the engineering corps": ("dropped", False),
}


def test_every_sentence_gets_its_exact_label(result: dict[str, Any]) -> None:
    for words, (label, moved) in EXPECTED.items():
        c = change_for(result, words)
        assert (c["label"], c["moved"]) == (label, moved), words
    assert len(result["changes"]) == len(EXPECTED)
    assert result["summary"] == {"unchanged": 3, "reworded": 1, "updated": 2, "new": 2, "dropped": 2}


def test_changes_carry_both_sentences_footnotes_and_note_texts(result: dict[str, Any]) -> None:
    c = change_for(result, "about 9,500 antipersonnel mines")
    assert c["sentence_a"].startswith("The army holds about 12,000")
    assert (c["footnotes_a"], c["footnotes_b"]) == ([3], [3])
    assert c["notes_a"][0]["text"].endswith("12 March 2001.")
    assert c["notes_b"][0]["text"].endswith("20 March 2002.")
    assert (c["anchor_a"], c["anchor_b"]) == ("p-2-1", "p-2-1")
    assert c["topic"] == "stockpiling"


def test_status_change_is_flagged_and_ranked_first(result: dict[str, Any]) -> None:
    c = change_for(result, "acceded to the Mine Ban Treaty")
    assert c["status_change"] is True
    assert result["changes"][0] is c


def test_wording_only_changes_sink(result: dict[str, Any]) -> None:
    by_label: dict[str, list[float]] = {label: [] for label in LABELS}
    for c in result["changes"]:
        by_label[c["label"]].append(c["significance"])
    assert max(by_label["reworded"] + by_label["unchanged"]) < min(by_label["new"] + by_label["updated"])
    assert max(by_label["unchanged"]) < min(by_label["reworded"])


def test_renamed_and_merged_sections_line_up_by_topic(result: dict[str, Any]) -> None:
    topics = {t["topic"]: t for t in result["topics"]}
    problem = topics["landmine_problem"]
    assert [s["heading"] for s in problem["a"]] == ["Landmine Problem"]
    assert [s["heading"] for s in problem["b"]] == ["Landmine/ERW Problem"]
    assert problem["counts"]["unchanged"] == 1
    assert topics["casualties"]["a"] == [] and topics["casualties"]["counts"]["unchanged"] == 1
    assert problem["b"][0]["paragraphs"][0]["anchor"] == "p-3-1"


def test_contradiction_and_status_change_from_the_language(result: dict[str, Any]) -> None:
    kinds = {(c["kind"], c["predicate"]): c for c in result["contradictions"]}
    export = kinds[("contradiction", "export")]
    assert "not known to have exported" in export["sentence_a"]
    assert "found in Sylvania" in export["sentence_b"]
    assert (export["footnotes_a"], export["footnotes_b"]) == ([2], [2])
    assert export["strength"] == "firm"
    # Dated after the older edition: a change of status, not a contradiction.
    treaty = kinds[("status_change", "treaty")]
    assert "5 May 2002" in treaty["sentence_b"]


def test_draft_bullets_come_from_the_body_with_their_footnotes(result: dict[str, Any]) -> None:
    draft = result["key_developments_draft"]
    texts = " ".join(b["text"] for b in draft)
    assert "acceded to the Mine Ban Treaty on 5 May 2002" in texts
    assert "rehabilitation centre" in texts and "9,500" in texts
    for b in draft:
        assert "[" not in b["text"] and b["footnotes"], b
    centre = next(b for b in draft if "rehabilitation centre" in b["text"])
    assert centre["footnotes"] == [6]
    assert "said very little" not in texts  # wording only
    assert "Draft" in result["draft_note"] and "2001" in result["draft_note"]


def test_the_newer_editions_own_key_developments_are_not_copied() -> None:
    a, b = load("freedonia-2001.json"), load("freedonia-2002.json")
    b.key_developments[0].text = "Zebras crossed the frontier in great numbers."
    draft = compare_reports(a, b)["key_developments_draft"]
    assert all("Zebras" not in x["text"] for x in draft)


def test_split_sentences_keeps_markers_and_abbreviations() -> None:
    text = (
        "Mr. Kim of the U.S. Dept. of State spoke on 4 May.[1] Though hard to confirm,[2] it seems "
        "right. “A quote ends here.”[3][4] Next one starts."
    )
    assert split_sentences(text) == [
        "Mr. Kim of the U.S. Dept. of State spoke on 4 May.[1]",
        "Though hard to confirm,[2] it seems right.",
        "“A quote ends here.”[3][4]",
        "Next one starts.",
    ]


def test_split_clauses_gives_end_markers_to_every_clause() -> None:
    s = "The army is not known to have sold any mines abroad; its mines have not been found elsewhere.[9]"
    assert split_clauses(s) == [
        "The army is not known to have sold any mines abroad.[9]",
        "its mines have not been found elsewhere.[9]",
    ]
    assert split_clauses("Short; list; of things.") == ["Short; list; of things."]


def test_unmarked_sentences_take_the_note_that_closes_their_run() -> None:
    r = Report(
        country=Country("XFD", "Freedonia"),
        sections=[Section("Survivor Assistance", ["survivor_assistance"], paragraphs=[
            Paragraph("A centre opened in 2002. It fitted 40 prostheses.[7] Staff were trained later.", [7])
        ])],
    )  # fmt: skip
    units = report_sentences(r)
    assert [(u.footnotes, u.inherited) for u in units] == [([7], True), ([7], False), ([], False)]


def test_numbers_read_figures_dates_and_number_words() -> None:
    assert numbers("some one million mines") == {"one": 1, "million": 1}
    assert numbers("one of the few statements, 1,694 refugees in June 2003") == {
        "1694": 1,
        "june": 1,
        "2003": 1,
    }


def _unit(text: str) -> Sentence:
    return Sentence(text, clean_text(text), [], "transfer", 0, 0)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Freedonia is not known to have exported AP mines.", [("export", False)]),
        ("Freedonian mines have been found in Angola.", [("export", True)]),
        ("No information is available on the size of the mine stockpile.", []),
        ("The size of the stockpile of mines is not known.", []),
        ("The army may have planted mines in other parts of the country.", [("use", True)]),
        ("The country has not contributed to international mine clearance.", []),
        ("A survey estimates that about 35,000 mines are emplaced along the border.", []),
    ],
)
def test_claims_read_polarity_and_ignorance(text: str, expected: list[tuple[str, bool]]) -> None:
    assert [(c.predicate, c.positive) for c in claims_of(_unit(text))] == expected


def test_shorten_cuts_a_long_tail_at_a_clause_boundary() -> None:
    long = (
        "However, the new centre fitted forty prostheses and gave out sixty pairs of crutches to people "
        "injured in the border areas during the year, which is more than twice the number of the year "
        "before and more than any other centre in the country managed."
    )
    out = shorten(long, max_words=30)
    assert out.startswith("The new centre fitted") and out.endswith("during the year.")


def _fact(indicator: str, value: Any, sentence: str, notes: list[int], **kw: Any) -> Fact:
    return Fact(indicator, value, sentence=sentence, footnotes=notes, **kw)


def test_fact_changes_values_statuses_and_conflicting_estimates() -> None:
    a = [
        _fact("mines_emplaced", 1000000, "some one million mines", [11], qualifier="some"),
        _fact("treaty_status", "not_party", "has not signed", [1]),
        _fact("mine_model", "Model 15", "lists a Model 15", [7]),
        _fact("unga_vote", "absent", "absent in 1997", [], year=1997),
    ]
    b = [
        _fact("mines_emplaced", 100000, "hundreds of thousands", [4], qualifier="hundreds of thousands"),
        _fact("treaty_status", "state_party", "acceded", [1]),
        _fact("mine_model", "Model 15", "the Model 15", [2]),
        _fact("mine_model", "APP M-57", "the APP M-57", [2]),
        _fact("unga_vote", "absent", "absent since 1997", [], year=1997),
    ]
    changes = fact_changes(a, b)
    kinds = [(c["kind"], c["indicator"]) for c in changes]
    assert kinds == [
        ("status_changed", "treaty_status"),
        ("value_changed", "mines_emplaced"),
        ("added", "mine_model"),
    ]
    emplaced = changes[1]
    assert (emplaced["footnotes_a"], emplaced["footnotes_b"]) == ([11], [4])
    assert emplaced["shown_b"] == "hundreds of thousands 100,000"


def test_conflicting_estimates_are_listed_as_contradictions() -> None:
    a, b = load("freedonia-2001.json"), load("freedonia-2002.json")
    a.facts = [_fact("mines_emplaced", 1000000, "some one million mines", [4])]
    b.facts = [
        _fact("mines_emplaced", 100000, "hundreds of thousands", [4], qualifier="hundreds of thousands")
    ]
    contra = compare_reports(a, b)["contradictions"]
    figures = [c for c in contra if c["kind"] == "conflicting_figures"]
    assert len(figures) == 1 and figures[0]["predicate"] == "mines_emplaced"
    assert figures[0]["sentence_a"] == "some one million mines"


def test_timeline_first_last_seen_and_changes() -> None:
    reports = []
    for edition, status in ((2003, "state_party"), (2001, "not_party"), (2002, "not_party")):
        r = Report(country=Country("XFD", "Freedonia"), edition=edition)
        r.facts = [_fact("treaty_status", status, f"status in {edition}", [1])]
        if edition >= 2002:
            r.facts.append(
                _fact("stockpile_size", 9500 if edition == 2002 else 0, "stock", [3], unit="mines")
            )
        reports.append(r)
    t = timeline(reports)
    assert t["editions"] == [2001, 2002, 2003]
    rows = {row["indicator"]: row for row in t["indicators"]}
    status = rows["treaty_status"]
    assert (status["first_seen"], status["last_seen"]) == (2001, 2003)
    assert status["changes"] == [
        {"from_edition": 2002, "to_edition": 2003, "from": "not_party", "to": "state_party"}
    ]
    assert rows["stockpile_size"]["first_seen"] == 2002
    assert rows["stockpile_size"]["changes"][0]["to"] == "0 mines"


def test_timeline_shows_every_mine_model_and_judges_statuses_by_value() -> None:
    a = Report(country=Country("XFD", "Freedonia"), edition=2001)
    a.facts = [_fact("mine_model", "PMN-7", "s", []), _fact("mine_model", "Model 9", "s", [])]
    a.facts.append(_fact("unga_vote", "abstained", "s", [], year=2000, unit="A/RES/55/33V"))
    b = Report(country=Country("XFD", "Freedonia"), edition=2002)
    b.facts = [_fact("mine_model", "PMN-7", "s", []), _fact("unga_vote", "abstained", "s", [], year=2000)]
    rows = {row["indicator"]: row for row in timeline([a, b])["indicators"]}
    assert [v["shown"] for v in rows["mine_model"]["values"]] == ["Model 9, PMN-7", "PMN-7"]
    assert rows["mine_model"]["changes"][0]["to"] == "PMN-7"
    assert rows["unga_vote"]["changes"] == []
