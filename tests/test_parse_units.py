"""Parser unit tests on fictional snippets (written for these tests, not Monitor text)."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from landmine_monitor.errors import InputError
from landmine_monitor.model import Report
from landmine_monitor.parse import parse_bytes
from landmine_monitor.parse.chrome import split_front_matter, url_info
from landmine_monitor.parse.decode import MAX_BYTES, decode_page, read_limited, repair_mojibake
from landmine_monitor.parse.structure import parse_text

BODY = """Mine Ban Policy

Freedonia has not acceded to the Mine Ban Treaty, officials said in a fictional interview.[1]

Freedonia abstained on the pro-ban resolution in the General Assembly in a made-up vote.[2]

Landmine Problem

Mined areas are reported along the invented northern border of the country of this test.[3]

[1] Invented interview, 1 May 2003.
[2] Invented statement, 2 June 2003.
[3] Invented email, 3 July 2003.
"""


def page(head: str, body: str = BODY) -> Report:
    return parse_text(head + body, path="t.txt")


# ---- chrome variants --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "chrome",
    [
        "+   *    +     +\nAbout Us \nThe Issues \nTable of Contents\nCountry Reports\n",
        "+   *    +     +\n    >\nSub-Sections:\n",
        "Table of Contents\n<Previous | Next>\n",
        "LM Report 2000 Full Report   Executive Summary   Key Findings   Key Developments\n",
    ],
)
def test_chrome_is_dropped(chrome: str) -> None:
    r = page(chrome + "FREEDONIA, Landmine Monitor Report 2003\n\nFREEDONIA\n\n")
    assert r.title == "FREEDONIA, Landmine Monitor Report 2003"
    assert [s.heading for s in r.sections] == ["Mine Ban Policy", "Landmine Problem"]


def test_stray_html_tags_are_removed_from_lines() -> None:
    r = page('<a name="_Toc1"></a> Chad , Landmine Monitor Report 2006\n\nChad\n\n')
    assert r.title == "Chad , Landmine Monitor Report 2006" and r.country and r.country.iso3 == "TCD"


def test_front_matter_is_metadata() -> None:
    meta, rest = split_front_matter("---\nurl: http://x.org/display?url=lm/2003/north_korea.html\n---\nText")
    assert meta == {"url": "http://x.org/display?url=lm/2003/north_korea.html"} and rest == "Text"


@pytest.mark.parametrize(
    ("url", "edition", "slug"),
    [
        ("http://a.org/index.php/publications/display?url=lm/2003/north_korea.html", 2003, "north_korea"),
        ("http://a.org/display?act=submit&pqs_year=2005&pqs_type=lm&pqs_report=burma", 2005, "burma"),
        ("http://a.org/lm/2009/countries/Sri_Lanka.html", 2009, "Sri_Lanka"),
        ("http://a.org/display?url=lm%2F2004%2Fsomaliland.html", 2004, "somaliland"),
        ("http://www.a.org/en-gb/reports/2018/viet-nam/mine-action.aspx", 2018, "viet-nam"),
        ("http://a.org/index.php/cp/display/region_profiles/theme/2028", None, None),
    ],
)
def test_url_info(url: str, edition: int | None, slug: str | None) -> None:
    info = url_info(url)
    assert (info.edition, info.slug) == (edition, slug)


# ---- titles -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "title", "iso3", "edition"),
    [
        ("OMAN, Landmine Monitor Report 2001\n\nOMAN\n\n", "OMAN, Landmine Monitor Report 2001", "OMN", 2001),
        (
            "THAILAND , Landmine Monitor Report 2005\n\nThailand\n\n",
            "THAILAND , Landmine Monitor Report 2005",
            "THA",
            2005,
        ),
        (
            "Korea, DPR, Landmine Monitor Report 2002\n\n",
            "Korea, DPR, Landmine Monitor Report 2002",
            "PRK",
            2002,
        ),
        ("Costa_Rica\n\nCosta Rica\n\n", "Costa_Rica", "CRI", None),
        ("Untitled document\n\nDemocratic Republic of the Congo\n\n", "Untitled document", "COD", None),
    ],
)
def test_title_variants(head: str, title: str, iso3: str, edition: int | None) -> None:
    r = page(head)
    assert (r.title, r.country.iso3 if r.country else None) == (title, iso3)
    if edition:
        assert r.edition == edition


def test_url_gives_edition_and_country_when_title_is_a_slug() -> None:
    r = parse_text(
        "Costa_Rica\n\nCosta Rica\n\n" + BODY, url="http://a.org/x?pqs_year=2009&pqs_report=costa_rica"
    )
    assert (r.kind, r.country and r.country.iso3, r.edition) == ("country_report", "CRI", 2009)


def test_no_title_infers_country_and_edition_with_warnings() -> None:
    r = page("", BODY)
    assert r.country is None  # "Freedonia" is fictional: no guess
    r = page("", BODY.replace("Freedonia", "Mongolia"))
    assert r.country and r.country.iso3 == "MNG"
    assert r.edition == 2003
    assert {"country_inferred", "edition_inferred"} <= {w.code for w in r.warnings}


# ---- key developments -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "since"),
    [
        ("Key developments since May 2003: Oman did something invented.", "May 2003"),
        ("Key developments sine 1999: Oman did something invented.", "1999"),
        ("Key development since March 1999: Oman did something invented.", "March 1999"),
        ("KEY DEVELOPMENTS SINCE MAY 2001: Oman did something invented.", "MAY 2001"),
        ("Développements clés depuis mai 2002: Oman a fait quelque chose.", "mai 2002"),
    ],
)
def test_key_development_spellings(line: str, since: str) -> None:
    r = page(f"OMAN, Landmine Monitor Report 2004\n\nOman\n\n{line}\n\n")
    assert [k.since for k in r.key_developments] == [since]
    assert r.key_developments[0].text.startswith("O")
    assert r.sections[0].heading == "Mine Ban Policy"


def test_several_key_developments_and_one_on_its_own_line() -> None:
    head = (
        "Oman, Landmine Monitor Report 2004\n\nOman\n\n"
        "Key developments since May 2003: First invented development.\n\n"
        "Key developments since 1999\n\nSecond invented development, on the next paragraph.\n\n"
    )
    r = page(head)
    assert [(k.since, k.text[:6]) for k in r.key_developments] == [("May 2003", "First "), ("1999", "Second")]


# ---- sections, lost headings, notes -----------------------------------------------------------


def test_lost_headings_become_inferred_sections() -> None:
    body = (
        "Mine Ban Policy\n\nOman has not signed the Mine Ban Treaty in this invented paragraph.[1]\n\n\n"
        "Oman is said to produce an invented mine model at a made-up factory, production is small.[2]\n\n\n"
        "The invented stockpile of Oman is of unknown size; stockpiled mines may be old.[3]\n\n"
        "[1] Note one.\n[2] Note two.\n[3] Note three.\n"
    )
    r = page("OMAN, Landmine Monitor Report 1999\n\n", body)
    assert [(s.heading, s.inferred, s.topics) for s in r.sections] == [
        ("Mine Ban Policy", False, ["ban_policy"]),
        (None, True, ["production"]),
        (None, True, ["stockpiling"]),
    ]
    assert [p.footnotes for s in r.sections for p in s.paragraphs] == [[1], [2], [3]]


def test_notes_separated_by_blank_lines_and_spaced_markers() -> None:
    body = "Mine Ban Policy\n\nAn invented sentence about the treaty with a spaced marker.[1 ] And more.[2]\n\n\n[1] One.\n\n[2] Two.\n"
    r = page("OMAN, Landmine Monitor Report 2002\n\n", body)
    assert r.sections[0].paragraphs[0].footnotes == [1, 2]
    assert [(f.number, f.text) for f in r.footnotes] == [(1, "One."), (2, "Two.")]


def test_markers_without_notes_warn_not_fail() -> None:
    cut = BODY.split("[1] Invented")[0]
    r = page("OMAN, Landmine Monitor Report 2003\n\n", cut)
    assert [w.code for w in r.warnings] == ["footnote_text_missing"] * 3
    assert "[2]" in r.warnings[1].message


def test_merged_heading_topics_and_profile_overview() -> None:
    text = (
        "Uruguay\n\nLast Updated: 1 December 2012\n\nMine Ban Policy\n\nMine ban policy overview\n\n"
        "Mine Ban Treaty status\n\nState Party\n\nPro-mine ban UNGA voting record\n\nVoted in favor\n\n"
        "Policy\n\nUruguay signed the Mine Ban Treaty in an invented year and ratified it later on.[1]\n\n"
        "Production, Transfer, Stockpiling and Use\n\nUruguay has never produced antipersonnel mines, in this made-up text.\n"
    )
    r = parse_text(text, url="http://a.org/index.php/cp/display/region_profiles/theme/1")
    assert r.kind == "country_profile" and r.country and r.country.iso3 == "URY"
    assert [(s.heading, s.level) for s in r.sections] == [
        ("Mine Ban Policy", 1),
        ("Mine ban policy overview", 2),
        ("Policy", 1),
        ("Production, Transfer, Stockpiling and Use", 1),
    ]
    assert r.sections[-1].topics == ["production", "transfer", "stockpiling", "use"]
    assert [(o.key, o.value) for o in r.overview] == [
        ("Mine Ban Treaty status", "State Party"),
        ("Pro-mine ban UNGA voting record", "Voted in favor"),
    ]


# ---- encodings, HTML, Markdown ----------------------------------------------------------------

SNIPPET = "OMAN, Landmine Monitor Report 2003\n\nMine Ban Policy\n\nOman’s invented position on the treaty is unchanged.\n"


@pytest.mark.parametrize(
    "data",
    [
        SNIPPET.encode("utf-8"),
        b"\xef\xbb\xbf" + SNIPPET.encode("utf-8"),
        SNIPPET.encode("cp1252"),
        SNIPPET.encode("utf-8").decode("cp1252").encode("utf-8"),  # mojibake: â€™
    ],
    ids=["utf8", "bom", "cp1252", "mojibake"],
)
def test_encodings(data: bytes) -> None:
    text, _ = decode_page(data, "x.txt")
    assert "Oman’s invented" in text and "\ufeff" not in text


def test_mojibake_repair_leaves_clean_text_alone() -> None:
    assert repair_mojibake("Plain – text “quoted”.") == "Plain – text “quoted”."
    assert repair_mojibake("Itâ€™s Ã©tÃ©") == "It’s été"


def test_html_page() -> None:
    html = (
        "<!DOCTYPE html><html><head><title>x</title><link rel='canonical' "
        "href='http://a.org/display?url=lm/2005/paraguay.html'><style>p{}</style>"
        "<script>var mines = 1;</script></head><body><div>About Us</div>"
        "<h1>PARAGUAY, Landmine Monitor Report 2005</h1><h2>Mine Ban Policy</h2>"
        "<p>Paraguay&#8217;s invented policy &amp; more about the treaty.[1]</p>"
        "<p>[1] Invented note.</p></body></html>"
    )
    r = parse_bytes(html.encode(), "p.html")
    assert (r.kind, r.country and r.country.iso3, r.edition) == ("country_report", "PRY", 2005)
    assert r.source.url == "http://a.org/display?url=lm/2005/paraguay.html"
    assert [s.heading for s in r.sections] == ["Mine Ban Policy"]
    assert r.sections[0].paragraphs[0].text.startswith("Paraguay’s invented policy & more")
    assert [f.number for f in r.footnotes] == [1]


def test_html_furniture_dropped_and_quoted_markup_kept_once() -> None:
    html = (
        "<html><body><nav><a href='/'>Home</a> | <a href='/x'>Press Room</a></nav>"
        "<h1>PARAGUAY, Landmine Monitor Report 2005</h1><h2>Mine Ban Policy</h2>"
        "<p>A defaced page showed &lt;script&gt;alert(1)&lt;/script&gt; and &amp;lt;b&amp;gt; as text.[1]</p>"
        "<div class='footnotes'><p>[1] Invented email, 9 May 2005.</p></div>"
        "<footer><p>&copy; An invented campaign</p></footer></body></html>"
    )
    r = parse_bytes(html.encode(), "p.html")
    text = r.sections[0].paragraphs[0].text
    assert "<script>alert(1)</script>" in text and "&lt;b&gt;" in text
    assert [f.text for f in r.footnotes] == ["Invented email, 9 May 2005."]


def test_quoted_tags_in_a_text_page_are_report_text() -> None:
    r = page(
        "", BODY.replace("officials said", "a guestbook showed <script>alert(1)</script>, officials said")
    )
    assert "<script>alert(1)</script>" in r.sections[0].paragraphs[0].text


def test_markdown_draft() -> None:
    md = "# Mongolia, Landmine Monitor Report 2006\n\n## Mine Ban Policy\n\nMongolia has not acceded to the treaty, in this invented draft.[1]\n\n### Stockpiling\n\nAn invented stockpile.\n\n[1] Invented note.\n"
    r = parse_text(md)
    assert (r.title, r.edition, r.country and r.country.iso3) == (
        "Mongolia, Landmine Monitor Report 2006",
        2006,
        "MNG",
    )
    assert [(s.heading, s.level) for s in r.sections] == [("Mine Ban Policy", 1), ("Stockpiling", 2)]


# ---- bad inputs -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty"),
        (b"   \n\n", "empty"),
        (b"\x00\x01\x02binary\x00" * 20, "binary"),
        (b"\x81\x8d\x8f\x90\x9d" * 10, "decoded"),
    ],
)
def test_bad_bytes(data: bytes, problem: str) -> None:
    with pytest.raises(InputError, match=problem) as e:
        parse_bytes(data, "bad.txt")
    assert str(e.value).startswith("bad.txt: ")


def test_not_a_report() -> None:
    with pytest.raises(InputError, match="not a Landmine Monitor page"):
        parse_text("A recipe for bread: flour, water, salt and patience.\n", path="bread.txt")


def test_too_large(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(MAX_BYTES + 1)
    with pytest.raises(InputError, match="too large"):
        read_limited(big)
    with pytest.raises(InputError, match="no such file"):
        read_limited(tmp_path / "missing.txt")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=400))
def test_parse_text_only_raises_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_text(text, path="random.txt")


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Mine Ban Policy",
                "",
                "",
                "[1] note",
                "Key developments since 1999:",
                "Oman",
                "+   *   +",
                "An invented sentence about mines and the treaty.[2]",
                "Stockpile |",
                "2008 Key Data",
                "# Title",
                "Last Updated: 1 May 2010",
                "Key developments",
                "USA, Landmine Monitor Report 2004",
            ]
        ),
        max_size=40,
    )
)
def test_parse_text_survives_page_like_noise(lines: list[str]) -> None:
    try:
        r = parse_text("\n".join(lines), path="noise.txt")
    except InputError:
        return
    assert r.kind in ("country_report", "country_profile", "thematic", "about", "toc", "other")
