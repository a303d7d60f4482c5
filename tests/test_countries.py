"""The gazetteer: every spelling the Monitor used resolves to one iso3 and one display name."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landmine_monitor import countries
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


def _find_in_text_reference(text: str) -> str | None:
    """find_in_text as first written: every capitalised word tries every n-gram (the definition the
    quicker first-word look-up must keep)."""
    by_norm = countries._tables()[0]
    raw = [w.strip(".-'’") for w in countries._WORD.findall(text[:20000])]
    raw = [w for w in raw if w]
    keys = [countries._norm_word(w) for w in raw]
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    i = 0
    while i < len(keys):
        step = 1
        if raw[i][0].isupper():
            for n in range(min(6, len(keys) - i), 0, -1):
                code = by_norm.get(" ".join(keys[i : i + n]))
                if code is None or (
                    n == 1 and raw[i].upper() in countries._ACRONYMS and raw[i] != raw[i].upper()
                ):
                    continue
                counts[code] = counts.get(code, 0) + 1
                first.setdefault(code, i)
                step = n
                break
        i += step
    return max(counts, key=lambda c: (counts[c], -first[c])) if counts else None


_NAME_WORDS = sorted({w for e in all_countries() for n in (e.name, *e.aliases) for w in n.split()})


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.one_of(
            st.sampled_from(_NAME_WORDS),
            st.sampled_from([e.name for e in all_countries()]),
            st.sampled_from(
                ["the", "The", "and", "Mine", "Action", "US", "Us", "DPRK", "Côte", "d'Ivoire", "-", "."]
            ),
            st.text(alphabet="aAbBcCéÉ'’.- ", max_size=8),
        ),
        max_size=40,
    )
)
def test_find_in_text_is_the_reference_reading(words: list[str]) -> None:
    text = " ".join(words)
    found = find_in_text(text)
    assert (found.iso3 if found else None) == _find_in_text_reference(text)


def test_find_in_text_is_the_reference_reading_on_real_pages(seeds_dir: Path, corpus_dir: Path) -> None:
    pages = sorted(seeds_dir.glob("*.txt")) + sorted((corpus_dir / "pages").glob("*"))
    assert len(pages) > 100
    for page in pages:
        text = page.read_bytes().decode("utf-8", "replace")
        found = find_in_text(text)
        assert (found.iso3 if found else None) == _find_in_text_reference(text), page
