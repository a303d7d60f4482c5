"""Each fact extractor on its own, on sentences written for the test (not Monitor text)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from landmine_monitor.facts import conventions, extract_facts, numbers, treaty, votes, weapons
from landmine_monitor.facts.dates import find_dates
from landmine_monitor.facts.sentences import SentenceContext, split_sentences
from landmine_monitor.model import Country, KeyDevelopment, OverviewRow, Paragraph, Report, Section


def ctx(text: str, iso3: str | None = "NRU", edition: int | None = 2004, **kw: Any) -> SentenceContext:
    return SentenceContext(text, [], 1, 2, edition, iso3, **kw)


def got(facts: list, *fields: str) -> set[tuple]:
    return {tuple(getattr(f, k) for k in ("indicator", "value", *fields)) for f in facts}


# --- sentences and dates -------------------------------------------------------------------------


def test_markers_stay_with_the_sentence_they_close() -> None:
    s = split_sentences(
        "Nauru has joined.[1] Mr. Kim said so.[2][3] The U.S. Army disagreed[4] in 2001. Done"
    )
    assert [x.text for x in s] == [
        "Nauru has joined.",
        "Mr. Kim said so.",
        "The U.S. Army disagreed in 2001.",
        "Done",
    ]
    assert [x.footnotes for x in s] == [[1], [2, 3], [4], []]


def test_a_model_name_ending_in_a_capital_ends_its_sentence() -> None:
    s = split_sentences("It resembles the POMZ-2M.[7] It may have made others.[8]")
    assert [x.footnotes for x in s] == [[7], [8]]


def test_dates_are_iso_as_precise_as_stated() -> None:
    assert [d.iso for d in find_dates("on 4 December 1997, in March 1999, in 2002 and on July 5, 2002")] == [
        "1997-12-04",
        "1999-03",
        "2002",
        "2002-07-05",
    ]


# --- treaty --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Nauru has not acceded to the Mine Ban Treaty.", "not_party"),
        ("Nauru has not signed the 1997 Mine Ban Treaty.", "not_party"),
        ("Nauru is not a party to the Mine Ban Treaty.", "not_party"),
        ("Nauru signed the Mine Ban Treaty on 3 December 1997 but has not yet ratified it.", "signatory"),
        ("Nauru became a State Party on 1 March 2001.", "state_party"),
        ("Nauru cannot therefore accede to the Mine Ban Treaty.", "not_party"),
    ],
)
def test_treaty_status_reads_the_language(sentence: str, status: str) -> None:
    assert ("treaty_status", status) in got(treaty.extract(ctx(sentence)))


def test_treaty_events_take_the_date_of_their_own_clause() -> None:
    facts = treaty.extract(
        ctx(
            "Nauru signed the Mine Ban Treaty on 3 December 1997, ratified it on 22 May 2001, and it entered into force on 1 November 2001."
        )
    )
    assert got(facts) >= {
        ("treaty_signed", "1997-12-03"),
        ("treaty_ratified", "2001-05-22"),
        ("treaty_entry_into_force", "2001-11-01"),
    }


def test_date_before_the_verb_and_deposit_of_instrument() -> None:
    assert got(
        treaty.extract(ctx("On 17 June 1998, Nauru became the fifth nation to ratify the Mine Ban Treaty."))
    ) >= {("treaty_ratified", "1998-06-17")}
    assert ("treaty_acceded", "2002-09-11") in got(
        treaty.extract(
            ctx("Nauru deposited its instrument of accession to the treaty at the UN on 11 September 2002.")
        )
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "A minister signed the instrument of accession to the Mine Ban Treaty on 29 July 2002.",
        "On the same day Tuvalu ratified the Mine Ban Treaty on 5 May 2003.",
        "Nauru ratified CCW Amended Protocol II on 9 May 2001, long after the Mine Ban Treaty debate.",
        "The Mine Ban Treaty entered into force on 1 March 1999, becoming binding international law.",
        "Since 1 March 1999, states must accede and cannot simply sign the treaty.",
        "Nauru continued to fight until the peace agreement signed with rebels in April 2002.",
    ],
)
def test_no_treaty_date_for_another_subject_or_instrument(sentence: str) -> None:
    dates = [f for f in treaty.extract(ctx(sentence)) if f.indicator != "treaty_status"]
    assert dates == []


def test_overview_table_rows() -> None:
    assert got(treaty.extract(ctx("Mine Ban Treaty status: Not a State Party", table_row=True))) == {
        ("treaty_status", "not_party")
    }
    assert got(treaty.extract(ctx("State Party since: 1 May 1999", table_row=True))) == {
        ("treaty_status", "state_party"),
        ("treaty_entry_into_force", "1999-05-01"),
    }


# --- votes ---------------------------------------------------------------------------------------


def test_one_vote_fact_per_year_and_resolution_gives_the_year() -> None:
    facts = votes.extract(
        ctx("Nauru abstained on UN General Assembly Resolution 51/45, passed on 10 December 1996. "
            "Nauru was absent for the votes on the pro-ban UNGA resolutions in 1997 and 1998.")
    )  # fmt: skip
    assert got(facts, "year") == {
        ("unga_vote", "abstained", 1996),
        ("unga_vote", "absent", 1997),
        ("unga_vote", "absent", 1998),
    }
    assert {f.unit for f in facts if f.year == 1996} == {"A/RES/51/45"}
    assert {f.date for f in facts if f.year == 1996} == {"1996-12-10"}


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("Nauru voted in favor of UNGA Resolution 60/80 on 8 December 2005.", "A/RES/60/80"),
        ("Nauru voted in favor of UNGA Resolution 56/24M in November 2001.", "A/RES/56/24M"),
        ("Nauru voted in favor of UNGA Resolution 56/24 M in November 2001.", "A/RES/56/24M"),
    ],
)
def test_resolution_symbols_keep_only_upper_case_suffixes(sentence: str, unit: str) -> None:
    assert {f.unit for f in votes.extract(ctx(sentence, edition=2006))} == {unit}


def test_odd_letters_in_hedges_do_not_crash() -> None:
    # U+017F (long s) matches "s" in a case-insensitive pattern but is not "s" after lower().
    facts = numbers.extract(ctx("In 2003 Nauru planted \u017fome 500 antipersonnel mines along its border."))
    assert all(f.value == 500 for f in facts)


def test_each_verb_owns_its_years() -> None:
    facts = votes.extract(
        ctx("Nauru voted in favor of the 1996 UN General Assembly resolution, but has abstained on every "
            "subsequent UNGA resolution, including Resolution 58/53 on 8 December 2003.")
    )  # fmt: skip
    assert got(facts, "year") == {("unga_vote", "for", 1996), ("unga_vote", "abstained", 2003)}


@pytest.mark.parametrize(
    "sentence",
    [
        "Nauru has been absent from every vote on the pro-ban UNGA resolutions since 1997.",
        "In explaining its vote on the UNGA resolution in 2008, Nauru spoke of security.",
        "Nauru will vote in favor of the pro-ban UNGA resolution in 2004.",
        "Tuvalu abstained from voting on the 1999 UN General Assembly resolution.",
    ],
)
def test_no_vote_counted_when_the_years_or_the_voter_are_not_stated(sentence: str) -> None:
    assert votes.extract(ctx(sentence)) == []


def test_vote_in_a_table_cell_and_one_of_n_states() -> None:
    assert got(
        votes.extract(ctx("Abstained on Resolution 65/48 in December 2010", edition=2011)), "year"
    ) == {("unga_vote", "abstained", 2010)}
    assert got(
        votes.extract(ctx("Nauru was one of ten states that abstained on the 1996 UNGA resolution.")), "year"
    ) == {("unga_vote", "abstained", 1996)}


# --- conventions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nauru is not party to the Convention on Conventional Weapons.", {("ccw_status", "not_party")}),
        (
            "Nauru is party to the Convention on Conventional Weapons (CCW) and its Amended Protocol II.",
            {("ccw_status", "party"), ("ccw_apii_status", "party")},
        ),
        (
            "Nauru ratified CCW Amended Protocol II on 9 May 2001.",
            {("ccw_status", "party"), ("ccw_apii_status", "party")},
        ),
        ("Nauru signed the CCW in 1981, but has not ratified the convention.", {("ccw_status", "not_party")}),
        ("Nauru is not party to Amended Protocol II of the CCW.", {("ccw_apii_status", "not_party")}),
        ("Nauru attended the CCW meetings in 2010 as an observer.", set()),
        (
            "Nauru has not signed the CCW, and is not a member of the Conference on Disarmament.",
            {("ccw_status", "not_party"), ("cd_member", False)},
        ),
    ],
)
def test_ccw_and_cd(sentence: str, expected: set[tuple]) -> None:
    assert got(conventions.extract(ctx(sentence))) == expected


# --- weapons -------------------------------------------------------------------------------------


def test_producer_models_and_doubt() -> None:
    assert got(
        weapons.extract(ctx("A data base says that Nauru produces the PMN and the Type 72 mines.")),
        "qualifier",
    ) == {
        ("mine_model", "PMN", None),
        ("mine_model", "Type 72", None),
        ("producer", "current", None),
    }
    assert got(weapons.extract(ctx("Nauru may also have produced wooden blast mines.")), "qualifier") == {
        ("producer", "past", "possibly")
    }
    assert got(weapons.extract(ctx("Nauru has never produced antipersonnel mines."))) == {("producer", "no")}


def test_negated_export_is_not_an_export() -> None:
    assert got(weapons.extract(ctx("Nauru is not known to have exported antipersonnel mines."))) == {
        ("exporter", "unknown")
    }
    assert got(weapons.extract(ctx("Nauru has never exported antipersonnel mines."))) == {("exporter", "no")}
    assert got(weapons.extract(ctx("Nauru is not known to have produced or exported mines."))) == {
        ("producer", "unknown"),
        ("exporter", "unknown"),
    }
    assert got(weapons.extract(ctx("Nauru has never produced, imported, stockpiled or exported mines."))) == {
        ("producer", "no"),
        ("exporter", "no"),
    }


def test_mine_counts_are_read_by_the_nearest_words() -> None:
    facts = numbers.extract(
        ctx(
            "Nauru declared a stockpile of 2.9 million mines and about 900,000 mines emplaced on its borders."
        )
    )
    assert got(facts, "qualifier") == {
        ("stockpile_size", 2_900_000, None),
        ("mines_emplaced", 900_000, "about"),
    }


# --- numbers -------------------------------------------------------------------------------------


def test_a_number_belongs_to_the_year_of_its_clause() -> None:
    facts = numbers.extract(
        ctx("In 2003, the clinic fitted 841 prostheses and gave 98 wheelchairs; a large increase from the "
            "230 prostheses fitted and 37 wheelchairs given in 2002.")
    )  # fmt: skip
    assert got(facts, "year", "unit") == {
        ("prostheses_fitted", 841, 2003, "prostheses"),
        ("mobility_devices", 98, 2003, "wheelchairs"),
        ("prostheses_fitted", 230, 2002, "prostheses"),
        ("mobility_devices", 37, 2002, "wheelchairs"),
    }


def test_hedges_and_vague_amounts() -> None:
    assert got(
        numbers.extract(ctx("Nauru has planted some one million mines along the border.")), "qualifier"
    ) == {("mines_emplaced", 1_000_000, "some")}
    vague = numbers.extract(
        ctx(
            "Officials have estimated the number at hundreds of thousands.",
            previous="Nauru has used landmines on its border.",
        )
    )
    assert got(vague, "qualifier") == {("mines_emplaced", None, "hundreds of thousands")}
    assert got(numbers.extract(ctx("There are approximately 36,000 amputees in Nauru.")), "qualifier") == {
        ("amputees", 36000, "about")
    }


@pytest.mark.parametrize(
    "sentence",
    [
        "No information is available on the size of the stockpile of 5,000 mines.",
        "There are no official statistics on the 20 people killed or injured by mines.",
        "Nauru destroyed 3,000 stockpiled mines in 2005.",
    ],
)
def test_nothing_known_and_other_counts_give_no_fact(sentence: str) -> None:
    assert numbers.extract(ctx(sentence)) == []


def test_funding_and_area() -> None:
    facts = numbers.extract(
        ctx("In 2004, donors provided US$4.5 million and deminers cleared 2.8 million square meters.")
    )
    assert got(facts, "year", "unit") == {
        ("funding_usd", 4_500_000, 2004, "USD"),
        ("area_cleared", 2_800_000, 2004, "m2"),
    }


# --- the whole report ----------------------------------------------------------------------------


def _report() -> Report:
    return Report(
        kind="country_report",
        country=Country("NRU", "Nauru"),
        edition=2004,
        key_developments=[KeyDevelopment("2003", "Nauru ratified the Mine Ban Treaty in 2002.")],
        overview=[OverviewRow("Mine Ban Treaty status", "State Party")],
        sections=[
            Section(
                "Mine Ban Policy",
                ["ban_policy"],
                paragraphs=[
                    Paragraph(
                        "Nauru signed the Mine Ban Treaty on 3 December 1997.[1] It ratified the treaty on 5 July 2002.[2]",
                        [1, 2],
                    )
                ],
            )
        ],
    )


def test_report_has_one_status_precise_dates_and_provenance() -> None:
    facts = extract_facts(_report())
    assert {f.value for f in facts if f.indicator == "treaty_status"} == {"state_party"}
    assert {f.value for f in facts if f.indicator == "treaty_ratified"} == {"2002-07-05"}  # "in 2002" dropped
    signed = next(f for f in facts if f.indicator == "treaty_signed")
    assert (signed.section, signed.paragraph, signed.footnotes) == (0, 0, [1])
    assert signed.sentence == "Nauru signed the Mine Ban Treaty on 3 December 1997."


def test_ccw_party_but_not_to_the_protocol() -> None:
    facts = conventions.extract(ctx("Nauru is a party to the CCW but has not ratified Amended Protocol II."))
    assert got(facts) == {("ccw_status", "party"), ("ccw_apii_status", "not_party")}
    facts = conventions.extract(ctx("Nauru signed the CCW in 1981, but has not ratified the convention."))
    assert got(facts) == {("ccw_status", "not_party")}


def test_model_numbers_are_not_counts() -> None:
    facts = numbers.extract(
        ctx("In 2003 the army held a stockpile of 6,500 antipersonnel mines, mostly M409 and OZM-72 mines.")
    )
    assert {f.value for f in facts if f.indicator == "stockpile_size"} == {6500}


@pytest.mark.parametrize("number", ["1" + "0" * 400, "9" * 320 + " million", "1" + "0" * 400 + ".5"])
def test_a_number_too_long_for_a_float_is_no_fact(number: str) -> None:
    report = Report(
        kind="country_report",
        country=Country("NRU", "Nauru"),
        edition=2004,
        sections=[
            Section(
                "Stockpiling",
                ["stockpiling"],
                paragraphs=[
                    Paragraph(f"Nauru declared a stockpile of {number} mines."),
                    Paragraph("Nauru reported about 900,000 mines emplaced on its borders."),
                ],
            )
        ],
    )
    assert [f.value for f in numbers.extract(ctx(f"Nauru declared a stockpile of {number} mines."))] == [
        float("inf")
    ]  # what the count reader makes of it: no number JSON can write
    facts = extract_facts(report)
    assert [(f.indicator, f.value) for f in facts] == [("mines_emplaced", 900_000)]
    assert "Infinity" not in json.dumps([f.__dict__ for f in facts])
