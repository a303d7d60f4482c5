"""The gazetteer: every spelling the Monitor used resolves to one iso3 and one display name."""

from __future__ import annotations

import pytest

from landmine_monitor.countries import all_countries, by_iso3, find_in_text, resolve


@pytest.mark.parametrize(
    ("name", "iso3"),
    [
        ("Korea, DPR", "PRK"),
        ("Democratic People's Republic Of Korea", "PRK"),
        ("North Korea", "PRK"),
        ("DEMOCRATIC PEOPLE’S REPUBLIC OF KOREA", "PRK"),
        ("Korea, RO", "KOR"),
        ("Republic Of Korea", "KOR"),
        ("Burma (Myanmar)", "MMR"),
        ("Myanmar_Burma", "MMR"),
        ("Myanmar/Burma", "MMR"),
        ("Lao PDR", "LAO"),
        ("Lao People’s Democratic Republic", "LAO"),
        ("Perú", "PER"),
        ("République Démocratique du Congo", "COD"),
        ("DEMOCRATIC REPUBLIC OF CONGO", "COD"),
        ("dem_congo", "COD"),
        ("Sri_Lanka", "LKA"),
        ("sri-lanka", "LKA"),
        ("guineabissau", "GNB"),
        ("USA", "USA"),
        ("United States Of America", "USA"),
        ("Iran", "IRN"),
        ("Abkhazia", "XAB"),
        ("Chechnya", "XCE"),
        ("Kosovo", "XKX"),
        ("Nagorno-Karabakh", "XNK"),
        ("Somaliland", "XSL"),
        ("Golan Heights", "XGH"),
        ("Palestine", "PSE"),
        ("Taiwan", "TWN"),
        ("Western Sahara", "ESH"),
        ("Bosnia & Herzegovina", "BIH"),
        ("Côte d'Ivoire", "CIV"),
        ("Cote d’Ivoire", "CIV"),
        ("Viet Nam", "VNM"),
        ("Zimbabwe", "ZWE"),
        ("Kiribati", "KIR"),
    ],
)
def test_resolve(name: str, iso3: str) -> None:
    c = resolve(name)
    assert c is not None and c.iso3 == iso3


@pytest.mark.parametrize("name", ["Mine Ban Policy", "Landmine Problem", "Untitled document", "", "Korea"])
def test_unknown_names(name: str) -> None:
    assert resolve(name) is None


@pytest.mark.parametrize(
    ("iso3", "display"),
    [("PRK", "North Korea"), ("MMR", "Myanmar"), ("LAO", "Lao PDR"), ("XNK", "Nagorno-Karabakh")],
)
def test_display_names(iso3: str, display: str) -> None:
    c = by_iso3(iso3)
    assert c is not None and c.name == display


def test_all_countries_lists_aliases_once() -> None:
    entries = {e.iso3: e for e in all_countries()}
    assert len(entries) > 250
    assert "Korea, DPR" in entries["PRK"].aliases and "North Korea" not in entries["PRK"].aliases
    assert all(
        resolve(a) is not None and resolve(a).iso3 == e.iso3
        for e in entries.values()
        for a in e.aliases  # type: ignore[union-attr]
        if a not in ("Congo", "Golan", "US", "U.S.", "UK")
    )


def test_find_in_text_counts_mentions_and_respects_acronym_case() -> None:
    text = "The Democratic People’s Republic of Korea (DPRK) met us. North Korea and China; later North Korea again."
    c = find_in_text(text)
    assert c is not None and c.iso3 == "PRK"
    assert find_in_text("tell us what the us of it is") is None
    assert find_in_text("The US and the US again, then Chile.") == by_iso3("USA")
