"""Short paragraphs stay paragraphs; a page of navigation only is not a report (issue #2).

Every page here is fiction written for these tests (Freedonia, Sylvania), not Monitor text.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from landmine_monitor.errors import InputError
from landmine_monitor.model import Report
from landmine_monitor.parse import parse_bytes
from landmine_monitor.parse.layout import is_candidate, is_sentence
from landmine_monitor.parse.structure import parse_text

HEAD = "FREEDONIA, Landmine Monitor Report 2003\n\nFreedonia\n\n"
LONG_POLICY = (
    "Mine Ban Policy\n\nFreedonia has not acceded to the Mine Ban Treaty, its invented foreign ministry"
    " said in a made-up interview.[1]\n\n"
)
LONG_PROBLEM = (
    "Landmine Problem\n\nMined areas are reported along the imaginary northern border, according to a"
    " survey that never happened.[2]\n\n"
)
NOTES = "\n".join(f"[{n}] Invented source number {n}, 1 May 2003." for n in range(1, 8)) + "\n"
CHROME = "+   *    +     +\nAbout Us \nThe Issues \nPress Room \nTable of Contents\nCountry Reports\n"


def report(body: str, notes: str = NOTES) -> Report:
    return parse_text(HEAD + body + "\n" + notes, path="short.txt")


def outline(r: Report) -> list[tuple[str | None, list[list[int]]]]:
    return [(s.heading, [p.footnotes for p in s.paragraphs]) for s in r.sections]


def test_one_sentence_sections_at_the_end_are_sections_not_an_overview() -> None:
    r = report(
        LONG_POLICY
        + LONG_PROBLEM
        + "Landmine Casualties\n\nSome 40 casualties were invented for 2002.[3]\n\n"
        + "Survivor Assistance\n\nA made-up clinic fitted 12 prostheses.[4]\n"
    )
    assert outline(r) == [
        ("Mine Ban Policy", [[1]]),
        ("Landmine Problem", [[2]]),
        ("Landmine Casualties", [[3]]),
        ("Survivor Assistance", [[4]]),
    ]
    assert r.overview == []
    assert r.sections[3].paragraphs[0].text == "A made-up clinic fitted 12 prostheses.[4]"
    assert r.warnings == []


def test_one_sentence_section_in_the_middle_without_a_marker() -> None:
    r = report(LONG_POLICY + "Mine Risk Education\n\nNo risk education took place.\n\n" + LONG_PROBLEM, NOTES)
    assert outline(r) == [
        ("Mine Ban Policy", [[1]]),
        ("Mine Risk Education", [[]]),
        ("Landmine Problem", [[2]]),
    ]
    assert r.sections[1].paragraphs[0].text == "No risk education took place."


def test_one_sentence_with_a_marker_is_not_a_heading() -> None:
    r = report(LONG_POLICY + "Mine Action\n\nNo clearance was done.[5]\n\n" + LONG_PROBLEM)
    headings = [s.heading for s in r.sections]
    assert headings == ["Mine Ban Policy", "Mine Action", "Landmine Problem"]
    assert outline(r)[1] == ("Mine Action", [[5]])


def test_runs_of_one_sentence_sections_keep_every_marker_in_a_paragraph() -> None:
    body = (
        LONG_POLICY
        + "Mine Action\n\nNo clearance is known.[3]\n\n"
        + "Mine Risk Education\n\nNone took place.[4]\n\n"
        + "Landmine Casualties\n\nCasualties are unknown.[5] Press reports describe two.[6]\n\n"
        + "Survivor Assistance\n\nOne ward treats survivors.[7]\n"
    )
    r = report(body)
    assert [s.heading for s in r.sections][1:] == [
        "Mine Action",
        "Mine Risk Education",
        "Landmine Casualties",
        "Survivor Assistance",
    ]
    cited = sorted(n for s in r.sections for p in s.paragraphs for n in p.footnotes)
    assert cited == [1, 3, 4, 5, 6, 7]
    assert r.overview == []


def test_a_marker_ends_a_short_sentence_without_its_full_stop() -> None:
    r = report(
        LONG_POLICY + "Landmine Casualties\n\nSome 40 casualties were invented for 2002[3]\n\n" + LONG_PROBLEM
    )
    assert outline(r)[1:] == [("Landmine Casualties", [[3]]), ("Landmine Problem", [[2]])]


def test_short_quoted_sentence_after_a_paragraph_is_prose() -> None:
    r = report(LONG_POLICY + "Officials called it “a priority.”[3]\n\n" + LONG_PROBLEM)
    assert outline(r) == [("Mine Ban Policy", [[1], [3]]), ("Landmine Problem", [[2]])]


@pytest.mark.parametrize(
    ("text", "sentence"),
    [
        ("No clearance was done.[5]", True),
        ("No clearance was done. [5][6]", True),
        ("None took place.", True),
        ("Officials called it “a priority.”[3]", True),
        ("Some 40 casualties were invented for 2002[3]", True),
        ("Is clearance planned?[2]", True),
        ("Casualties in 2009 [1]", False),  # a heading may carry a marker
        ("Mine Action Funding[12]", False),
        ("Mine Ban Policy", False),
        ("Not a State Party", False),
        ("Who should organize a release event?", False),
    ],
)
def test_is_sentence(text: str, sentence: bool) -> None:
    assert is_sentence(text) is sentence
    if sentence:
        assert not is_candidate(text)


def test_heading_with_a_marker_stays_a_heading() -> None:
    r = report(LONG_POLICY + "Casualties in 2002 [3]\n\n" + LONG_PROBLEM.split("\n\n", 1)[1])
    assert [s.heading for s in r.sections] == ["Mine Ban Policy", "Casualties in 2002 [3]"]


def test_overview_box_with_a_sentence_value_stays_an_overview() -> None:
    box = (
        "Mine Ban Treaty status\n\nNot a State Party\n\nMine use\n\nInvented rebels used mines in 2007.\n\n"
        "Estimated area of contamination\n\nUnknown\n\nMine/ERW casualties in 2007\n\nTotal: 12 (2006: 9)\n\n"
    )
    r = parse_text(
        "Sylvania, Landmine Monitor Report 2008\n\n" + box + "Key developments since May 2007\n\n"
        "Sylvania reported invented clearance figures that are made up for this test of boxes.\n\n"
        + LONG_POLICY,
        path="box.txt",
    )
    assert [(o.key, o.value) for o in r.overview] == [
        ("Mine Ban Treaty status", "Not a State Party"),
        ("Mine use", "Invented rebels used mines in 2007."),
        ("Estimated area of contamination", "Unknown"),
        ("Mine/ERW casualties in 2007", "Total: 12 (2006: 9)"),
    ]
    assert [s.heading for s in r.sections] == ["Mine Ban Policy"]


def test_one_sentence_sections_right_after_a_profile_overview_are_not_cells() -> None:
    text = (
        "Uruguay\n\nLast Updated: 1 December 2012\n\nMine Ban Policy\n\nMine ban policy overview\n\n"
        "Mine Ban Treaty status\n\nState Party\n\nPro-mine ban UNGA voting record\n\nVoted in favor\n\n"
        "Policy\n\nUruguay signed the treaty in an invented year.[1]\n\n"
        "Stockpiling\n\nNo stockpile is reported here.[2]\n"
    )
    r = parse_text(text, url="http://a.org/index.php/cp/display/region_profiles/theme/1")
    assert [(o.key, o.value) for o in r.overview] == [
        ("Mine Ban Treaty status", "State Party"),
        ("Pro-mine ban UNGA voting record", "Voted in favor"),
    ]
    assert outline(r)[-2:] == [("Policy", [[1]]), ("Stockpiling", [[2]])]


def test_a_sentence_value_under_a_table_label_stays_in_the_table() -> None:
    box = (
        "Mine Ban Treaty status\n\nNot a State Party\n\nEstimated area of contamination\n\nUnknown\n\n"
        "Funding in 2007\n\nNone was reported.\n\n"
    )
    r = parse_text("Sylvania, Landmine Monitor Report 2008\n\n" + box + LONG_POLICY, path="box.txt")
    assert [o.key for o in r.overview] == [
        "Mine Ban Treaty status",
        "Estimated area of contamination",
        "Funding in 2007",
    ]


# ---- a page of navigation only -------------------------------------------------------------


def test_chrome_only_page_is_not_a_report() -> None:
    with pytest.raises(InputError, match="not a Landmine Monitor page") as e:
        parse_bytes((CHROME + "Resources for Monitor Researchers\nARCHIVES HOME PAGE\n").encode(), "nav.txt")
    assert "nav.txt" in str(e.value) and "navigation" in str(e.value)


def test_monitor_words_only_in_the_navigation_is_not_a_report() -> None:
    text = CHROME + "Resources for Monitor Researchers\n\nOpening hours of the invented reading room.\n"
    with pytest.raises(InputError, match="not a Landmine Monitor page"):
        parse_text(text, path="hours.txt")


def test_chrome_above_a_report_is_still_a_report() -> None:
    r = parse_text(CHROME + HEAD + LONG_POLICY + NOTES, path="ok.txt")
    assert r.title == HEAD.split("\n")[0] and outline(r) == [("Mine Ban Policy", [[1]])]


def test_example_page_with_a_one_sentence_section(examples_dir: Path) -> None:
    """The 2004 example with its Mine Risk Education paragraph cut to one short sentence."""
    lines = (examples_dir / "2004" / "mongolia.txt").read_text(encoding="utf-8").split("\n")
    at = lines.index("Mine Risk Education") + 2
    before = parse_bytes("\n".join(lines).encode(), "mongolia.txt")
    lines[at] = "No mine risk education took place.[11]"
    after = parse_bytes("\n".join(lines).encode(), "mongolia_short.txt")
    assert [s.heading for s in after.sections] == [s.heading for s in before.sections]
    assert [len(s.paragraphs) for s in after.sections] == [len(s.paragraphs) for s in before.sections]
    mre = next(s for s in after.sections if s.heading == "Mine Risk Education")
    assert [(p.text, p.footnotes) for p in mre.paragraphs] == [(lines[at], [11])]


def test_a_repeated_note_number_is_warned_about_once() -> None:
    notes = NOTES + "[3] A second invented note that reuses number 3, 2 May 2003.\n"
    r = report(LONG_POLICY + LONG_PROBLEM, notes)
    repeated = [w for w in r.warnings if w.code == "footnote_number_repeated"]
    assert [w.message for w in repeated] == ["note [3] appears 2 times; its markers point to the first"]
    assert r.footnote(3) is not None and r.footnote(3).text.startswith("Invented source number 3")
    assert not [
        w for w in report(LONG_POLICY + LONG_PROBLEM).warnings if w.code == "footnote_number_repeated"
    ]
