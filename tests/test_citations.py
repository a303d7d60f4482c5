"""Citation parsing on fictional notes written for these tests: every kind, Ibid. chains, short forms,
cross-edition references, commentary, odd spacing and punctuation, and random text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landmine_monitor import citations
from landmine_monitor.citations import annotate, parse_note, source_ages, split_note
from landmine_monitor.model import CITATION_KINDS, Citation, Country, Footnote, Person, Report
from landmine_monitor.sources import canonical_key, expand_organization, label, source_id


def one(text: str) -> Citation:
    cites = parse_note(text)
    assert len(cites) == 1, cites
    return cites[0]


def notes(*texts: str) -> list[Footnote]:
    return [Footnote(i, t) for i, t in enumerate(texts, 1)]


# --- one kind each ------------------------------------------------------------------------------------


def test_interview_with_person_role_org_place_date() -> None:
    c = one("Landmine Monitor interview with Dr. Anna Lindqvist, Programme Manager, MAG, Luanda, 3 May 2005.")
    assert c.kind == "interview"
    assert c.people == [Person("Anna Lindqvist", "Programme Manager")]
    assert c.organizations == ["Mines Advisory Group"]
    assert (c.place, c.date) == ("Luanda", "2005-05-03")


def test_telephone_interview_with_glued_title_and_odd_spacing() -> None:
    c = one(
        "Landmine Monitor/Geneva  telephone interview with Mr.Tomas Varga ,  Counsellor of the Permanent "
        "Mission of Ruritania to the UN in Geneva,12 March 2001 ."
    )
    assert c.kind == "telephone_interview"
    assert c.people == [Person("Tomas Varga", "Counsellor")]
    assert c.organizations == ["Permanent Mission of Ruritania to the UN in Geneva"]
    assert c.date == "2001-03-12"


def test_email_expands_abbreviation_and_keeps_role() -> None:
    c = one("Email from Jean-Paul Moreau, Desk Officer, ICBL, 2 February 2006.")
    assert c.kind == "email"
    assert c.people == [Person("Jean-Paul Moreau", "Desk Officer")]
    assert c.organizations == ["International Campaign to Ban Landmines"]
    assert c.date == "2006-02-02"


def test_letter_from_a_ranked_officer() -> None:
    c = one("Letter to Landmine Monitor from Gen. Idris Kaan, Commander of the Northern Army, 9 June 2002.")
    assert c.kind == "letter"
    assert c.people == [Person("Idris Kaan", "Gen., Commander")]  # the rank as written
    assert c.organizations == ["Northern Army"]
    assert c.date == "2002-06-09"


def test_statement_found_in_un_records_keeps_symbol_and_pages() -> None:
    c = one(
        "Statement by Ambassador Lena Ortiz, Permanent Mission of Ruritania to the UN, New York, "
        "20 October 2000, found in Official Records of the UN General Assembly, Fifty-Fifth session, "
        "81st plenary meeting (A/55/pv81), pp. 4-5."
    )
    assert c.kind == "statement"
    assert c.people == [Person("Lena Ortiz", "Ambassador")]
    assert c.un_symbols == ["A/55/PV.81"]
    assert (c.place, c.date, c.pages) == ("New York", "2000-10-20", "4-5")
    assert c.outlet and c.outlet.startswith("Official Records")


def test_un_document_by_symbol() -> None:
    c = one("UN General Assembly, Fifty-Sixth session, 68th plenary meeting, 29 November 2001, A/56/PV.68.")
    assert c.kind == "un_document"
    assert c.un_symbols == ["A/56/PV.68"]
    assert c.organizations == ["United Nations General Assembly"]


def test_news_with_author_outlet_and_place_in_parentheses() -> None:
    c = one("Maria Ruiz, “Farmers Return to Cleared Fields,” The Valley Herald (Riverton), 14 April 2003.")
    assert c.kind == "news"
    assert c.people == [Person("Maria Ruiz")]
    assert c.title == "Farmers Return to Cleared Fields"
    assert (c.outlet, c.place, c.date) == ("The Valley Herald", "Riverton", "2003-04-14")


def test_newspaper_without_a_news_word_in_its_name() -> None:
    c = one("“Bridge Reopens After Clearance,” La Voz del Valle (Santa Rita), 2 March 2004.")
    assert (c.kind, c.outlet, c.place) == ("news", "La Voz del Valle", "Santa Rita")


def test_report_with_organisation_title_place_month_and_pages() -> None:
    c = one("HI, “Activity Report 2010,” Brussels, July 2011, pp. 10-12.")
    assert c.kind == "report"
    assert c.organizations == ["Handicap International"]
    assert (c.title, c.place, c.date, c.pages) == ("Activity Report 2010", "Brussels", "2011-07", "10-12")


def test_book_without_quotes() -> None:
    c = one("Peter Holm, Buried Harvest: Mines in Rural Life, p. 88.")
    assert c.kind == "book"
    assert c.people == [Person("Peter Holm")]
    assert (c.title, c.pages) == ("Buried Harvest: Mines in Rural Life", "88")


def test_book_edition_years_are_a_range() -> None:
    c = one("See Jones's Field Guide to Mines, 2005-2006, p. 12.")
    assert (c.kind, c.date, c.date_end) == ("book", "2005", "2006")


def test_database() -> None:
    c = one("Sgt P.K. Olsen, the Northland Mine Database 2001.")
    assert c.kind == "database"
    assert c.people == [Person("P.K. Olsen", "Sgt")]
    assert c.title == "Northland Mine Database 2001"


def test_website_with_url() -> None:
    c = one("Clearance Watch, “Field Map,” at http://www.example.org/fieldmap/, accessed 5 May 2004.")
    assert c.kind == "website"
    assert c.urls == ["http://www.example.org/fieldmap/"]
    assert c.title == "Field Map"


def test_press_release_split_from_its_organisation() -> None:
    c = one("See, US Dept. of Energy News Release No. 12-04, 3 March 2004.")
    assert c.kind == "press_release"
    assert c.organizations == ["U.S. Department of Energy"]
    assert (c.title, c.date) == ("News Release No. 12-04", "2004-03-03")


def test_monitor_report_refers_to_the_edition_and_page() -> None:
    c = one("See Landmine Monitor Report 2001, pp. 450-451.")
    assert c.kind == "monitor_report"
    assert c.refers_to == {"edition": 2001, "page": "450-451"}


def test_every_kind_is_reachable() -> None:
    texts = [
        "Landmine Monitor interview with Ana Sol, Lima, 2 May 2005",
        "Landmine Monitor telephone interview with Ana Sol, 2 May 2005",
        "Email from Ana Sol, 2 May 2005",
        "Letter from Ana Sol, 2 May 2005",
        "Statement by Ana Sol, 2 May 2005",
        "UN Doc. A/60/PV.5",
        "“Mines Found,” Daily Courier, 2 May 2005",
        "HI, “Annual Report 2004,” May 2005",
        "Human Rights Watch, Landmines Everywhere: A Survey, p. 4",
        "Mine Facts database, 2005",
        "Clearance web site at http://www.example.org",
        "UNICEF, “Children Safe,” Press Release, 2 May 2005",
        "Landmine Monitor Report 2004, p. 10",
        "Ibid.",
        "zzz qqq",
    ]
    kinds = {parse_note(t, 2, notes("Email from Ana Sol, 1 May 2005"))[0].kind for t in texts}
    assert kinds == set(CITATION_KINDS)


# --- splitting, commentary -----------------------------------------------------------------------------


def test_semicolons_split_and_a_leading_and_is_dropped() -> None:
    cites = parse_note("Email from Ana Sol, 2 May 2005; and HI, “Annual Report 2004,” May 2005, p. 3.")
    assert [c.kind for c in cites] == ["email", "report"]
    assert cites[1].text.startswith("HI")


def test_comma_and_between_whole_sources_splits_but_not_inside_a_with_list() -> None:
    two = parse_note(
        "Sgt P.K. Olsen, the Northland Mine Database 2001, and Mine Web, Ruritanian Ministry of Defence."
    )
    assert [c.kind for c in two] == ["database", "website"]
    listed = parse_note(
        "Landmine Monitor telephone interviews with Daily Star, Alba, Evening Post, Alba, and "
        "Morning News, Brava."
    )
    assert len(listed) == 1
    assert listed[0].organizations == ["Daily Star", "Evening Post", "Morning News"]


def test_and_before_a_new_source_splits_and_ranges_keep_both_ends() -> None:
    cites = parse_note(
        "Landmine Monitor interview, Alba, 2 January 2000 and Landmine Monitor telephone "
        "interviews with officials of the Ministry of Health, from 19 to 24 February 2000"
    )
    assert [c.kind for c in cites] == ["interview", "telephone_interview"]
    assert (cites[1].date, cites[1].date_end) == ("2000-02-19", "2000-02-24")
    assert cites[1].organizations == ["Ministry of Health"]


def test_commentary_is_not_a_citation() -> None:
    text = (
        "Based on interviews with villagers, the hills are believed to be mined. However, no survey has "
        "been done. See Landmine Monitor Report 2003, p. 12."
    )
    cites = parse_note(text)
    assert [c.kind for c in cites] == ["monitor_report"]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    cites = parse_note(
        "Information provided by U.S. Dept. of Defense employee, 10 March 2004. See Mr. A. B. "
        "Cole, “Notes on N. Ruritania,” Field Review No. 4, 2003."
    )
    assert [c.kind for c in cites] == ["interview", "report"]
    assert cites[0].organizations == ["U.S. Department of Defense"]


def test_note_of_only_commentary_keeps_its_text_and_has_no_citation() -> None:
    report = Report(
        footnotes=notes(
            "The figures could not be confirmed by the ministry.",
            "Names withheld on request.",
            "Several officials asked that their names be withheld.",
            "Email from Ana Sol, Riverton, 2 May 2005.",
            "Ibid.",
            "Vague remark about fields",
        )
    )
    annotate(report)
    assert [n.citations for n in report.footnotes[:3]] == [[], [], []]
    assert report.footnotes[1].text == "Names withheld on request."
    assert [c.kind for c in report.footnotes[4].citations] == ["ibid"]
    (c,) = report.footnotes[5].citations  # not commentary (no verb) and no source: kept whole, warned
    assert c.kind == "other"
    assert [w.code for w in report.warnings] == [citations.UNPARSED]
    annotate(report)  # again: no duplicate warning
    assert len(report.warnings) == 1


# --- Ibid., short forms, sources ----------------------------------------------------------------------


def test_ibid_chain_points_to_the_first_note() -> None:
    report = Report(footnotes=notes("Email from Ana Sol, Director, HI, 2 May 2005.", "Ibid.", "Ibid., p. 4."))
    annotate(report)
    first, second, third = (n.citations[0] for n in report.footnotes)
    assert second.refers_to == {"footnote": 1} and third.refers_to == {"footnote": 1}
    assert third.pages == "4"
    assert first.source_id == second.source_id == third.source_id


def test_ibid_without_earlier_notes_uses_the_number() -> None:
    assert parse_note("Ibid.", 7)[0].refers_to == {"footnote": 6}
    assert parse_note("Ibid.")[0].refers_to is None


def test_short_form_refers_to_the_earlier_note_and_shares_its_source() -> None:
    earlier = notes(
        "Statement by Ambassador Lena Ortiz, Permanent Mission of Ruritania to the UN, New York, 20 October 2000.",
        "HI, “Activity Report 2010,” Brussels, July 2011.",
    )
    c = parse_note("Statement by Lena Ortiz, 20 October 2000.", 3, earlier)[0]
    assert c.refers_to == {"footnote": 1}
    assert c.source_id == parse_note(earlier[0].text)[0].source_id


def test_undated_short_forms_refer_to_the_first_titled_work_of_that_name() -> None:
    report = Report(
        footnotes=notes(
            "HI, “Landmine Survey,” Geneva, 2003.",
            "HI, “Landmine Survey,” Geneva, 2004.",
            "Email from Ana Sol, HI, 2 May 2005.",
            "HI, “Landmine Survey.”",
            "ICRC, “Field Notes,” Nairobi, 2005.",
            "ICRC, “Field Notes.”",
            "HI, “Landmine Survey,” p. 4.",
        )
    )
    annotate(report)
    cites = [n.citations[0] for n in report.footnotes]
    assert cites[0].source_id != cites[1].source_id  # two years, two sources
    for short, target in ((3, 0), (5, 4), (6, 0)):  # the index of later notes is built as they come
        assert cites[short].refers_to == {"footnote": target + 1}
        assert cites[short].source_id == cites[target].source_id


def test_same_source_across_small_differences() -> None:
    pairs = [
        (
            "Email from Nora Field, Country Director–Ruritania, HI, 19 August 2004",
            "Email from Nora Field, HI Ruritania, 19 August 2004",
        ),
        ("HI, “Activity Report 2010,” Brussels, July 2011", "HI, “Activity Report 2010,” 15 July 2011"),
        (
            "Landmine Monitor interview with Mr. Tom Ash, Alba, 2 May 2005",
            "Landmine Monitor telephone interview with Tom Ash, 2 May 2005",
        ),
    ]
    for a, b in pairs:
        assert one(a).source_id == one(b).source_id, (a, b)


def test_different_sources_get_different_ids() -> None:
    pairs = [
        ("Email from Nora Field, HI, 19 August 2004", "Email from Nora Field, HI, 20 August 2004"),
        ("HI, “Activity Report 2010,” July 2011", "HI, “Activity Report 2009,” July 2010"),
        (
            "State Department, “Safe Ground,” Washington, 2003",
            "State Department, “Safe Ground,” Washington, 2004",
        ),
    ]
    for a, b in pairs:
        assert one(a).source_id != one(b).source_id, (a, b)


def test_source_id_is_deterministic_and_labelled() -> None:
    c = one("Email from Nora Field, Country Director, HI, 19 August 2004")
    assert c.source_id == source_id(c) and re.fullmatch(r"src_[0-9a-f]{12}", c.source_id or "")
    assert "email" in canonical_key(c) and "nora field" in canonical_key(c)
    assert label(c) == "Email from Nora Field, 2004-08-19"
    assert (
        label(one("Landmine Monitor/Geneva interview, Geneva, 2 May 2005"))
        == "Interview with (unnamed), Geneva, 2005-05-02"
    )
    assert label(one("Landmine Monitor telephone interview with a ministry official, 2 May 2005")) == (
        "Telephone interview with a ministry official, 2005-05-02"
    )
    assert label(one("See Landmine Monitor Report 2001, p. 4")) == "Landmine Monitor Report 2001"
    assert label(one("HI, “Activity Report 2010,” Brussels, July 2011")) == (
        "Handicap International, “Activity Report 2010”, 2011-07"
    )


def test_organisation_table_and_tidying() -> None:
    assert expand_organization("ICRC") == "International Committee of the Red Cross"
    assert expand_organization("US Dept. of State") == "U.S. Department of State"
    assert expand_organization("UN Security Council") == "United Nations Security Council"
    assert expand_organization("the Ruritanian Red Cross") == "Ruritanian Red Cross"


def test_article_7_report_is_the_report_country_s_own() -> None:
    report = Report(
        country=Country("RUR", "Ruritania"),
        edition=2005,
        footnotes=notes(
            "Article 7 Report, Form A, 30 April 2005.", "Article 7 Report, Form D, 30 April 2005."
        ),
    )
    annotate(report)
    a, b = (n.citations[0] for n in report.footnotes)
    assert a.kind == "report" and a.organizations == ["Ruritania"] and a.pages == "Form A"
    assert b.source_id == a.source_id and b.refers_to == {"footnote": 1}


def test_source_ages_use_distinct_dated_sources() -> None:
    report = Report(
        edition=2005,
        footnotes=notes(
            "Email from Ana Sol, 2 May 2005.",
            "Ibid.",
            "HI, “Annual Report 2002,” May 2003.",
            "Email from Ana Sol, 2 May 2005.",
            "Susan Bell, “Old Fields,” Daily Courier, 1999.",
            "zzz qqq",
        ),
    )
    annotate(report)
    assert source_ages(report) == {"edition": 2005, "dated_sources": 3, "newest": 0, "median": 2, "oldest": 6}
    assert source_ages(Report(footnotes=report.footnotes))["median"] is None


# --- robustness -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        ";;;",
        "....",
        "“",
        "” “",
        "(",
        "Ibid",
        "See,",
        "31 February 2004",
        "p.",
        "A/",
        "http://",
        "and, and, and",
        "Email from",
        "“unterminated title",
    ],
)
def test_odd_inputs_never_crash(text: str) -> None:
    cites = parse_note(text, 2, notes("Email from Ana Sol, 2 May 2005"))
    commentary = split_note(text) == [] and any(map(str.isalnum, text))
    assert (cites == []) == (commentary or not text.strip()), "no citation only for commentary or nothing"
    assert all(c.kind in CITATION_KINDS for c in cites)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_any_text_gives_typed_citations_and_never_crashes(text: str) -> None:
    report = Report(
        edition=2004, footnotes=[Footnote(1, "Email from Ana Sol, 2 May 2005."), Footnote(2, text)]
    )
    annotate(report)
    cites = report.footnotes[1].citations
    # a note gives no citation only when it is empty or all commentary (sentences with a verb, no source)
    commentary = split_note(text) == [] and any(map(str.isalnum, text))
    assert bool(cites) == (bool(text.strip()) and not commentary)
    for c in cites:
        assert c.kind in CITATION_KINDS
        assert c.kind == "ibid" or (c.source_id or "").startswith("src_")
        assert c.date is None or re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", c.date)
    source_ages(report)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Email from Ana Sol",
                "HI",
                "“Report,”",
                "Ibid.",
                "2 May 2005",
                "p. 4",
                "and",
                ";",
                ",",
                ".",
                "See",
                "(Alba)",
                "A/53/pv79",
                "Mr.Tom Ash",
                "from 1 to 2 May 2005",
            ]
        ),
        max_size=12,
    )
)
def test_citation_shaped_noise_never_crashes(parts: list[str]) -> None:
    text = " ".join(parts)
    for c in parse_note(text, 3, notes("Email from Ana Sol, 2 May 2005", "Ibid.")):
        assert c.kind in CITATION_KINDS


@pytest.mark.parametrize(
    ("note", "date"),
    [
        ("Letter from Ana Ruiz, 31 June 2003.", None),
        ("Letter from Ana Ruiz, 29 February 2004.", "2004-02-29"),
    ],
)
def test_dates_are_real_calendar_dates(note: str, date: str | None) -> None:
    assert [c.date for c in parse_note(note)] == [date]
