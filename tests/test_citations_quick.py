"""The fast path of citation parsing (citations/quick.py, issue #3) gives what the general path gives:
fictional notes of every plain shape (each read by the fast path), variants drawn by hypothesis (the
fast path may decline them, but whatever it accepts must equal the general result), and the real and
example notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from landmine_monitor import citations
from landmine_monitor.citations import parts as cp
from landmine_monitor.citations import quick as cq
from landmine_monitor.citations import split as cs
from landmine_monitor.errors import InputError
from landmine_monitor.model import Footnote, Report
from landmine_monitor.parse import decode, structure

# Fictional notes, one per shape the fast path reads (names, bodies and titles made up for this file).
PLAIN_NOTES = [
    "Email from Anna Lindqvist, Programme Manager, Mines Advisory Group, 15 May 1999.",
    "E-mail from Jean-Paul Moreau, Desk Officer, ICBL, 2 February 2006.",
    "Email to Landmine Monitor from Tomas Varga, Ruritanian Mine Action Centre, 3 March 2003.",
    "Landmine Monitor interview with Dr. Lena Ortiz, Head of Operations, HALO Trust, Kabul, 21 June 2016.",
    "Landmine Monitor telephone interview with Piet de Vries, Deputy Director, Valley Relief Society, 9 July 2004.",
    "Letter to Landmine Monitor from Gen. Idris Kaan, Commander of the Northern Army, 9 June 2002.",
    "Statement by Ambassador Mirela Ionescu, Standing Committee on Mine Clearance, Geneva, 20 May 2019.",
    "Interview with Sgt R.A. Okafor, Army Engineers, Ruritania City, March 2001.",
    "Meeting with Ólafur Þórsson, Mine Action Coordinator, Nordland Aid, Reykjavik, 4 April 2010.",
    "Article 7 Report, Form C, 16 October 1999.",
    "Article 7 Report, Forms D and H, 30 April 2008.",
    "UN General Assembly, plenary meeting, 5 January 2006 (A/61/PV.52), p. 3.",
    "Valley Relief Society, “Annual Report 2003,” Geneva, March 2004, p. 31.",
    "ICRC, “Mine Action in the Valleys,” Geneva, 9 March 2004, pp. 12-15.",
    "“Mine blast injures three near Riverton,” The Valley Herald, 14 April 2003.",
    "“Deminers clear the old railway,” Ruritania Daily News (Riverton), 2 May 2005.",
    "Maria Ruiz, “Farmers Return to Cleared Fields,” The Valley Herald (Riverton), 14 April 2003.",
    '"Rains uncover old mines near Riverton," The Valley Herald (Riverton), 9 February 1999.',
    'Valley Relief Society, "Report on Mine Risk," Riverton, January 2003, p. 11.',
    "Jane’s Mines and Mine Clearance, 2003-2004, p. 207.",
    "Mine Action Investments database, at http://www.example.org/mai/2013, accessed 24 June 2013.",
    "Ruritania Mine Action Centre, Annual Report, December 2005, p. 4.",
    "See Landmine Monitor Report 2001, p. 188.",
    "Landmine Monitor Report 2004.",
    "Ibid.",
    "Ibid., p. 5.",
    "See Landmine Monitor Report 2003, pp. 619-620.",
]

# Notes the fast path must leave to the general one (it cannot be sure of them).
OTHER_NOTES = [
    "Email from A, 3 May 2003; Letter from B, 4 May 2003.",
    "Email from Anna Smith, 3 May 2003. It was said that mines were laid in 2002.",
    "Based on the testimony of refugees, it appears that there are mines.",
    "Statement by X, 31 June 2004.",
    "Interview with X, Office of May, 2004.",
    "UNOCHA, “Appeal 2004” (New York, November 2003), p. 20.",
    "ICRC News 02/29, 18 July 2002.",
    "Email  from X,  3 May 2003.",
    "http://www.example.org/email-list",
    "Ministry of Defence, ”Report,” Riverton, 2003.",
    'Valley Relief Society, "Report" and "Annex," 2003.',
]


def general_note(text: str) -> list[citations.Citation]:
    return citations.parse_note(text, 7, country="Ruritania", quick=False)


@pytest.fixture()
def no_general_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail if the general splitter or field reader runs: the note must be read by the fast path."""

    def boom(*args: object) -> None:
        raise AssertionError(f"general path called with {args!r}")

    monkeypatch.setattr(citations, "split_note", boom)
    monkeypatch.setattr(cp, "extract", boom)


@pytest.mark.parametrize("text", PLAIN_NOTES)
def test_plain_notes_are_read_by_the_fast_path(text: str, no_general_path: None) -> None:
    assert citations.read_quickly(text)
    fast = citations.parse_note(text, 7, country="Ruritania")
    assert fast and fast[0].kind != "other"


@pytest.mark.parametrize("text", PLAIN_NOTES + OTHER_NOTES)
def test_fast_and_general_paths_agree(text: str) -> None:
    assert citations.parse_note(text, 7, country="Ruritania") == general_note(text)


@pytest.mark.parametrize("text", OTHER_NOTES)
def test_unusual_notes_go_the_general_way(text: str) -> None:
    assert not citations.read_quickly(text)


def test_a_report_resolves_the_same_either_way() -> None:
    notes = [Footnote(i, t) for i, t in enumerate(PLAIN_NOTES + OTHER_NOTES + PLAIN_NOTES, 1)]
    reports = [Report(edition=2005, footnotes=[Footnote(n.number, n.text) for n in notes]) for _ in range(2)]
    citations.annotate(reports[0])
    citations.annotate(reports[1], quick=False)
    assert [n.citations for n in reports[0].footnotes] == [n.citations for n in reports[1].footnotes]
    assert reports[0].warnings == reports[1].warnings


# --- variants ------------------------------------------------------------------------------------------

HEADS = [
    "Email from", "E-mail to Landmine Monitor from", "Letter from", "Letter to Landmine Monitor from",
    "Landmine Monitor interview with", "Landmine Monitor telephone interview with", "Statement by",
    "Interview with", "Telephone conversation with", "Press release by", "Information provided by",
    "Meeting with", "See", "See also", "Ibid", "Ibid.", "Landmine Monitor Report 2004", "the LM 2003 Report",
    "UN General Assembly", "Article 7 Report", "Jane’s Mines and Mine Clearance", "Mines database",
    "Email scandal", "and", "Remarks by", "Letters",
]  # fmt: skip
PIECES = [
    "Anna Lindqvist", "Dr. Jean-Paul Moreau", "Mr.Tomas Varga", "Sgt R.A. Okafor", "Ólafur Þórsson",
    "Ms. Zoë Ñúñez", "Programme Manager", "Deputy Director", "Counsellor of the Permanent Mission of Ruritania",
    "Mines Advisory Group", "MAG", "ICBL", "HALO Trust", "Valley Relief Society", "Ministry of Defence",
    "Geneva", "New York", "San José", "Riverton", "Toronto", "plenary meeting", "Fifty-Sixth session",
    "Form C", "Forms D and H", "found in Official Records", "The Valley Herald (Riverton)", "Annual Report",
    "was said", "is", "may", "May", "Sept.", "March", "ſtatement", "İstanbul", "News Release No. 12",
    "79th plenary meeting", "Route 20", "page 4", "page", "p", "pp", "web page", "accessed", "(A/61/PV52)",
    "“Report.”", "at http://a.org, at www.b.org", "Email from Anna Smith (A/1)", "A/61/PV.52", "(A/61/PV.52)", "(Riverton)", "(a, b)", "()",
    "accessed", "at http://www.example.org/x/2004", "www.example.org", "“Annual Report 2003,”",
    "“Mine blast, three hurt,”", "“x”", '"Quoted"', "“", "”", "and", "Smith and Jones", "to Landmine Monitor",
    "Coulsdon: Valley Press", "2003-2004", "2003/04", "1999", "2004–2005", '"Annex,"', 'and "Annex,"',
    "and “Annex,”", '"Report" and "Annex"', "Mr. Kim", "U.S. Department of State", "Ibid. See", "p. 5. The",
]  # fmt: skip
DATES = [
    "15 May 1999", "5 January 2006", "March 2004", "Sept. 2004", "May 2004", "2004", "31 June 2004",
    "29 February 2003", "29 February 2004", "3-5 May 2003", "3 to 5 May 2003", "May 3, 2004", "2004-05-03",
    "15 May 99", "1 Jan. 2010", "٣ May 2004", "May 2004 (A/61/PV.52)", "5 May 2004 (S/RES/1373)",
    "page 5 May 2004", "p 5 May 2004", "accessed 5 May 2004", "(A/61/PV.52.)",
]  # fmt: skip
TAILS = ["", ", p. 5", ", pp. 8-9", ", pp. 12–15", ", p.5", ", p. 12a", ", pp. 12 and 26", ", Form C"]
SEPARATORS = [", ", ", ", ", ", ",  ", " ", ",", "; ", ". ", " and ", ", and "]
ENDS = [".", "", ".", " .", ";", ",", ".\u00a0", "!"]

piece = st.one_of(st.sampled_from(PIECES), st.text(alphabet="abcXYZ éÖ’-–.()/019", min_size=1, max_size=12))


@st.composite
def variant(draw: st.DrawFn) -> str:
    """A head and a name, pieces, a date and a tail, mostly comma-separated as in real notes."""
    comma = st.sampled_from([", "] * 6 + SEPARATORS)
    parts = [draw(st.sampled_from(HEADS)), " ", draw(piece)]
    for _ in range(draw(st.integers(0, 4))):
        parts += [draw(comma), draw(piece)]
    if draw(st.integers(0, 3)):
        parts += [draw(comma), draw(st.sampled_from(DATES))]
    parts += [draw(st.sampled_from(TAILS)), draw(st.sampled_from(ENDS))]
    return "".join(parts)


@st.composite
def edited(draw: st.DrawFn) -> str:
    """A plain note with one piece of text put in, or taken out, somewhere."""
    text = draw(st.sampled_from(PLAIN_NOTES))
    at = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        return text[:at] + draw(st.one_of(piece, st.sampled_from(SEPARATORS + DATES))) + text[at:]
    return text[:at] + text[at + draw(st.integers(1, 6)) :]


notes = st.one_of(variant(), edited(), st.sampled_from(PLAIN_NOTES + OTHER_NOTES))


@settings(max_examples=1500, deadline=None)
@given(notes)
@example("Interview with X, Office of May, 2004.")
@example("Email from X, Ministry, accessed 5 May 2004.")
@example("UN General Assembly, plenary meeting, 5 January 2006 (A/RES/61/84), p. 3.")
@example("Letter from X, Toronto 5 May 2004.")
@example("Statement by X, Press release desk, 3 May 2004.")
def test_whatever_the_fast_path_accepts_equals_the_general_path(text: str) -> None:
    assert citations.parse_note(text, 7, country="Ruritania") == general_note(text)


@settings(max_examples=1500, deadline=None)
@given(notes)
def test_fast_fragment_and_pieces_equal_the_general_ones(text: str) -> None:
    one = cq.fragment(text)
    if one is not None:
        assert cs.split_note(text) == [one]
    body = text.strip().rstrip(" .;,")
    body = cs.LEAD.sub("", body) if body.startswith(cs.LEAD_STARTS) else body
    fast = cq.pieces(body)
    if fast is not None:
        general = cp.extract(body)
        fast.work = general.work  # the one field the fast path does not keep
        assert fast == general


@settings(max_examples=1000, deadline=None)
@given(st.one_of(notes, st.text(alphabet='isaw wer.,“”x"-_1é', max_size=40)))
@example("this-is a test")
@example("it was_x")
def test_the_ascii_verb_look_up_equals_the_verb_search(text: str) -> None:
    if text.isascii():
        masked = cs.mask_quotes(text)
        words = masked.encode().translate(cs._ASCII_NON_WORD).split()
        assert (not cs.VERBS.isdisjoint(words)) == bool(cs._VERB.search(masked))


# --- real and example notes ----------------------------------------------------------------------------


def _reports(paths: list[Path]) -> list[Report]:
    out = []
    for path in paths:
        try:
            text, url = decode.decode_page(path.read_bytes(), path.name)
        except InputError:
            continue
        out.append(structure.parse_text(text, path=path.name, url=url))
    return out


def _same_both_ways(reports: list[Report]) -> int:
    for report in reports:
        fast = [Footnote(n.number, n.text) for n in report.footnotes]
        citations.annotate(report, quick=False)
        report.footnotes, general = fast, report.footnotes
        citations.annotate(report)
        assert [n.citations for n in report.footnotes] == [n.citations for n in general]
    return sum(len(r.footnotes) for r in reports)


def test_seed_and_corpus_notes_read_the_same(seeds_dir: Path, corpus_dir: Path) -> None:
    paths = sorted(seeds_dir.glob("*.txt")) + sorted((corpus_dir / "pages").glob("*.txt"))
    assert _same_both_ways(_reports(paths)) > 0


def test_example_notes_read_the_same(examples_dir: Path) -> None:
    assert _same_both_ways(_reports(sorted(p for p in examples_dir.rglob("*") if p.is_file()))) > 0


def test_a_communication_whose_head_is_cut_away_stays_unread() -> None:
    """An address holding "email" types the note as an email, but the address is cut from it and no
    segment is left: the note has always been kept whole as kind "other"."""
    (c,) = citations.parse_note("http://www.example.org/email-list")
    assert (c.kind, c.text) == ("other", "http://www.example.org/email-list")


@pytest.mark.parametrize(
    "text",
    [
        "Valley Relief Society, Annual Report, page 5 May 2004.",
        "Email from Anna Smith, p 5 May 2004.",
        "Letter from the Director, page 5 May 2004, pp. 12–15",
        "Valley Relief Society, Geneva p 5 May 2004.",
    ],
)
def test_a_page_cue_before_a_day_is_read_as_pages(text: str) -> None:
    """ "page 5 May 2004": the general reading takes "page 5" as the pages and "May 2004" as the date; the
    fast path must not read the day into the date (found in review)."""
    (fast,) = citations.parse_note(text, 7, country="Ruritania")
    assert fast == general_note(text)[0]
    assert fast.date == "2004-05"
    assert fast.pages is not None and fast.pages.startswith("5")


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Email from Anna Smith, MAG, 29 February 2004.", "2004-02-29"),
        ("Email from Anna Smith, MAG, 29 February 2003.", None),
        ("Email from Anna Smith, MAG, 31 June 2004.", None),
        ("Email from Anna Smith, MAG, 30 June 2004.", "2004-06-30"),
    ],
)
def test_only_calendar_days_are_dates(text: str, date: str | None) -> None:
    """The fast date reading keeps the calendar: leap years, month lengths (the general path's rule)."""
    for quick in (True, False):
        (c,) = citations.parse_note(text, 7, quick=quick)
        assert (c.date if c.date and len(c.date) == 10 else None) == date
