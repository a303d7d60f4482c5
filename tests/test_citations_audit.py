"""Citation fields a black-box audit found wrong (issue #3), each on fictional notes written for this file:
UN symbols, date ranges, people and organisations, outlets and places, commentary, Ibid. of an Ibid."""

from __future__ import annotations

import pytest

from landmine_monitor import citations
from landmine_monitor.citations import annotate, parse_note
from landmine_monitor.model import Citation, Footnote, Person, Report
from landmine_monitor.parse import parse_bytes


def one(text: str) -> Citation:
    (c,) = parse_note(text)
    return c


# --- UN symbols ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "symbol"),
    [
        ("(a/61/pv52)", "A/61/PV.52"),
        ("a/c.1/60/pv.12", "A/C.1/60/PV.12"),
        ("A/60/PV 41", "A/60/PV.41"),
        ("A/RES/60/80", "A/RES/60/80"),
        ("A/RES/49/75D", "A/RES/49/75D"),
        ("S/RES/1612 (2005)", "S/RES/1612 (2005)"),
    ],
)
def test_un_symbols_in_any_case_and_form(text: str, symbol: str) -> None:
    c = one(text)
    assert (c.kind, c.un_symbols) == ("un_document", [symbol])


def test_un_doc_is_no_sentence_end() -> None:
    c = one("UN Doc. A/61/PV.52, 6 December 2006.")
    assert (c.kind, c.un_symbols, c.date) == ("un_document", ["A/61/PV.52"], "2006-12-06")
    assert c.organizations == ["United Nations"]


def test_a_resolution_by_number_is_a_un_document() -> None:
    c = one("UNGA Resolution 60/80B, 8 December 2005.")
    assert (c.kind, c.title, c.date) == ("un_document", "Resolution 60/80B", "2005-12-08")
    assert c.organizations == ["United Nations General Assembly"]


# --- dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("Interview with deminers, Riverton, between 4 and 6 June 2005.", ("2005-06-04", "2005-06-06")),
        # Two interview days: the range they span is the closest the fields allow.
        ("Interviews with Mr.Tomas Varga, 9 and 11 May 2006.", ("2006-05-09", "2006-05-11")),
        ('Valley Relief Society, "Field Report," Riverton, March-August 2002.', ("2002-03", "2002-08")),
    ],
)
def test_ranges_keep_both_ends(text: str, dates: tuple[str, str]) -> None:
    c = one(text)
    assert (c.date, c.date_end) == dates
    assert c.outlet is None


def test_a_date_in_numbers_only_is_not_guessed_but_warned() -> None:
    report = Report(footnotes=[Footnote(1, "Email from Ana Sol, Valley Relief Society, 03/04/2005.")])
    annotate(report)
    (c,) = report.footnotes[0].citations
    assert c.date is None and c.people == [Person("Ana Sol", None)]
    assert [w.code for w in report.warnings] == [citations.AMBIGUOUS_DATE]
    assert "03/04/2005" in report.warnings[0].message


# --- people, organisations, places --------------------------------------------------------------------


def test_a_rank_of_several_words_and_a_name_with_accents() -> None:
    c = one("Interview with Staff Sergeant Ólafur Þórsson, Nordland Aid, Reykjavik, 4 April 2010.")
    assert c.people == [Person("Ólafur Þórsson", "Staff Sergeant")]
    c = one("Email from Chief Warrant Officer Émile Gagné, Valley Relief Society, 4 April 2010.")
    assert c.people == [Person("Émile Gagné", "Chief Warrant Officer")]


@pytest.mark.parametrize(
    "text",
    [
        "Email from Hélène Lefèvre, Coordinatrice, ICBL, 2 May 2006.",
        "Email to Landmine Monitor from Ms Hélène Lefèvre, ICBL, 2 May 2006.",
    ],
)
def test_a_name_that_does_not_begin_in_ascii(text: str) -> None:
    c = one(text)
    assert [p.name for p in c.people] == ["Hélène Lefèvre"]
    assert c.organizations == ["International Campaign to Ban Landmines"]


def test_ranks_keep_their_dot_as_written() -> None:
    assert one("Interview with Lt. Col. Ivo Marsh, 5 May 2004.").people == [Person("Ivo Marsh", "Lt. Col.")]
    assert one("Interview with Sgt Ivo Marsh, 5 May 2004.").people == [Person("Ivo Marsh", "Sgt")]


@pytest.mark.parametrize(
    "text",
    [
        "UXO Ruritania, “Annual Report 2004,” Riverton, 2005.",
        'Valley Border Consortium, "Relief Programme Report," Riverton, 2005.',
    ],
)
def test_an_author_that_is_an_organisation_is_no_person(text: str) -> None:
    c = one(text)
    assert c.people == [] and len(c.organizations) == 1


def test_head_of_office_is_a_role() -> None:
    c = one("Email from Mara Holt, Head of Office, Valley Relief Society, 3 May 2004.")
    assert c.people == [Person("Mara Holt", "Head of Office")]
    assert c.organizations == ["Valley Relief Society"]


def test_a_state_represented_at_a_body() -> None:
    c = one("Statement by Ivo Marsh, Permanent Representative of Ruritania to the UN, New York, 4 May 2004.")
    assert c.people == [Person("Ivo Marsh", "Permanent Representative of Ruritania to the UN")]
    assert c.organizations == ["Ruritania"]


def test_an_organisation_named_with_an_acronym_is_no_place() -> None:
    c = one("Email from Ana Sol, Director, Project CLEAR, 5 May 2004.")
    assert (c.organizations, c.place) == (["Project CLEAR"], None)


def test_a_foreign_ministry_is_its_own_author() -> None:
    (article7, note) = parse_note(
        "Article 7 Report, Form B, 2 May 2004; Ministère de la Défense, “Note verbale n° 7,” Riverton, 2004.",
        country="Ruritania",
    )
    assert article7.organizations == ["Ruritania"]
    assert note.organizations == ["Ministère de la Défense"]


def test_the_recipient_is_not_an_organisation_of_the_source() -> None:
    c = one("Letter from Ivo Marsh, Valley Relief Society, to Landmine Monitor (HRW), 3 May 2004.")
    assert c.organizations == ["Valley Relief Society"]
    c = one("Letter from Ivo Marsh, Embassy of Ruritania, Geneva, to ICBL, 3 May 2004.")
    assert (c.organizations, c.place) == (["Embassy of Ruritania"], "Geneva")


# --- other fields -------------------------------------------------------------------------------------


def test_accessed_is_no_outlet() -> None:
    c = one("Valley Relief Society, “Update,” at https://example.org/vrs, accessed 3 May 2004.")
    assert (c.outlet, c.urls, c.date) == (None, ["https://example.org/vrs"], "2004-05-03")


def test_washington_dc_is_one_place() -> None:
    c = one('Ruritanian Embassy, "Mine Action Plan," Washington, DC, 2003.')
    assert (c.place, c.outlet) == ("Washington, DC", None)
    c = one("Email from Ana Sol, Valley Relief Society, Washington, D.C., 3 May 2004.")
    assert (c.place, c.people) == ("Washington, DC", [Person("Ana Sol", None)])


def test_see_also_in_lower_case_is_no_part_of_the_source() -> None:
    c = one("see also http://www.example.org/help and www.example.org")
    assert (c.kind, c.title, c.urls) == ("website", None, ["http://www.example.org/help", "www.example.org"])
    c = one("see also Minju Sinmun, 3 December 2003.")
    assert (c.kind, c.outlet, c.date) == ("news", "Minju Sinmun", "2003-12-03")


# --- commentary and Ibid. -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Identities withheld on request.", "The officers asked that their names be withheld."]
)
def test_withheld_names_are_commentary(text: str) -> None:
    report = Report(footnotes=[Footnote(1, text)])
    annotate(report)
    assert report.footnotes[0].citations == [] and report.footnotes[0].text == text
    assert report.warnings == []


def test_an_ibid_of_an_ibid_goes_to_the_first() -> None:
    report = Report(
        footnotes=[
            Footnote(1, "Email from Ana Sol, Valley Relief Society, 2 May 2005."),
            Footnote(2, 'Ibid.; Ruritania Watch, "Fields of Fear," Riverton, 2004.'),
            Footnote(3, "Ibid."),
        ]
    )
    annotate(report)
    source = report.footnotes[0].citations[0].source_id
    ibid2 = report.footnotes[1].citations[0]
    (ibid3,) = report.footnotes[2].citations
    assert (ibid2.refers_to, ibid2.source_id) == ({"footnote": 1}, source)
    assert (ibid3.refers_to, ibid3.source_id) == ({"footnote": 1}, source)


def test_review_findings() -> None:
    # a "DC" that follows no "Washington" once recursed without end
    c = one("Interview with John Smith, Pentagon, Arlington, DC, 5 May 2004.")
    assert c.kind == "interview" and c.date == "2004-05-05"
    # a note with a verb that still names a dated source is kept, as `other` with its warning
    for text in (
        "Casualty data reported by the Mine Action Centre, 5 May 2004.",
        "Information requested by Landmine Monitor from the Ministry of Defence, 5 May 2004.",
    ):
        assert [x.kind for x in parse_note(text)] == ["other"]
    assert parse_note("Names withheld on request.") == []
    commentary = (
        "Based on the testimony of refugees interviewed by a researcher in 2002, mines are laid near the river."
        " Names withheld on request."
    )
    assert parse_note(commentary) == []  # a year in prose is no source's date
    # a Security Council resolution's year is its date when no other is given, never a title
    for text, date in (
        ("UN Security Council Resolution S/RES/1325 (2000), 31 October 2000.", "2000-10-31"),
        ("A/RES/58/53 and S/RES/1325 (2000), 2004.", "2004"),
        ("S/RES/1325 (2000).", "2000"),
    ):
        c = one(text)
        assert (c.kind, c.date, c.title, c.outlet) == ("un_document", date, None, None), text


def test_an_ibid_after_a_note_of_commentary_means_the_source_before_it() -> None:
    page = (
        "Freedonia, Landmine Monitor Report 2004\n\nFreedonia\n\nMine Ban Policy\n\n"
        "Freedonia has not acceded to the Mine Ban Treaty.[1] Officials spoke freely.[2] They said so.[3]\n\n"
        "[1] Interview with Ana Ruiz, Ministry of Foreign Affairs, Freedonia City, 3 March 2004.\n"
        "[2] Names withheld on request.\n"
        "[3] Ibid.\n"
    )
    r = parse_bytes(page.encode(), "freedonia.txt")
    first, commentary, ibid = (f.citations for f in r.footnotes)
    assert commentary == []
    assert ibid[0].refers_to == {"footnote": 1} and ibid[0].source_id == first[0].source_id
