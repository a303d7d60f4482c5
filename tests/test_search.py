"""Search end to end: pages -> ingest -> database -> index -> search() / CLI, on the example archive plus
three fictional reports (invented words such as "zorblax" make the right answers known exactly)."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tantivy import Occur, Query
from typer.testing import CliRunner

from landmine_monitor import store
from landmine_monitor.cli import _register, app
from landmine_monitor.ingest import ingest
from landmine_monitor.search import SearchError, engine, rebuild, search, sync_index, translate
from landmine_monitor.search.index import FOLDER, MASKS, SCHEMA, handle
from landmine_monitor.settings import search_index_path

HEAD = "Table of Contents\nCountry Reports\n{name}, Landmine Monitor Report {year}\n\n{name}\n\n"

FICTION = {
    "2004/iceland.txt": """Key developments since May 2003: Iceland completed its first zorblax survey.

Mine Ban Policy

Iceland acceded to the treaty long ago. Surveyors described glittering zorblax fields near the coast.[1]

Values < 5 & "quoted" words & <b>tags</b> appear in this zorblax paragraph about stockpiles.[2]

Landmine Casualties

One quibbleton reported that a single mine was found on the beach.[3]

The vortigern survey and the bellwether teams worked together in spring.

[1] Email from Jon Snorrason, Coordinator, Zorblax Survey, 3 March 2004.
[2] "Zorblax stockpile counted," Morgunbladid (Reykjavik), 12 May 2004.
[3] Landmine Monitor interview with Gunnar Olafsson, Reykjavik, 2 April 2004.
""",
    "2003/iceland.txt": """Mine Ban Policy

Iceland reported zorblaxes in its annual statement; no glittering fields were found.[1]

Landmine Problem

A bellwether group met once, and after a very long and quite uneventful season of careful work in the north,
the vortigern committee reported.

[1] Statement by the Ministry for Foreign Affairs, Reykjavik, 4 December 2002.
""",
    "2004/fiji.txt": """Mine Ban Policy

Fiji is a State Party. Fiji fields no zorblax and holds no stockpile of antipersonnel mines.[1]

Survivor Assistance

Fiji reported no quibbleton cases in 2003.

[1] Email from Mere Tuilagi, Ministry of Defence, Suva, 6 June 2004.
""",
}
NAMES = {"iceland": "Iceland", "fiji": "Fiji"}


def write_fiction(root: Path, texts: dict[str, str] = FICTION) -> Path:
    for rel, body in texts.items():
        year, stem = rel.split("/")[0], Path(rel).stem
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(HEAD.format(name=NAMES[stem], year=year) + body)
    return root


@pytest.fixture(scope="session")
def db(tmp_path_factory: pytest.TempPathFactory, examples_dir: Path) -> Path:
    """The example archive and the fictional reports, ingested and indexed once per session."""
    tmp = tmp_path_factory.mktemp("search")
    fiction = write_fiction(tmp / "fiction")
    path = tmp / "monitor.db"
    conn = store.connect(path)
    summary = ingest(conn, [examples_dir, fiction], workers=1)
    assert not summary.failed, summary.failed
    conn.close()
    sync_index(path, summary.changed_ids)  # no index yet: built whole
    return path


@pytest.fixture(scope="session")
def conn(db: Path) -> sqlite3.Connection:
    return store.connect(db, readonly=True)


def reports_of(result: dict[str, Any]) -> set[str]:
    return {h["report"] for h in result["hits"]}


def everything(db: Path, query: str, **kw: Any) -> dict[str, Any]:
    return search(db, query, limit=100, **kw)


# --- right answers known -----------------------------------------------------------------------------------


def test_exact_phrase_found_in_exactly_one_report(db: Path) -> None:
    r = everything(db, '"glittering zorblax fields"')
    assert r["total"] == 1
    assert reports_of(r) == {"isl-2004"}
    hit = r["hits"][0]
    assert (hit["kind"], hit["country"], hit["edition"], hit["anchor"]) == ("paragraph", "ISL", 2004, "p-1-1")
    assert hit["heading"] == "Mine Ban Policy" and hit["topics"] == ["ban_policy"]
    assert "<mark>glittering</mark> <mark>zorblax</mark> <mark>fields</mark>" in hit["snippet"]
    # the same words, not as a phrase, are also in the 2003 report ("glittering fields", "zorblaxes")
    assert reports_of(everything(db, "glittering zorblax fields")) == {"isl-2004", "isl-2003"}


def test_phrase_from_the_example_archive_matches_sql(db: Path, conn: sqlite3.Connection) -> None:
    """Pick a 4-word run from a stored paragraph and compare the reports found with a SQL scan."""
    row = conn.execute(
        "SELECT text FROM paragraphs WHERE report_id LIKE 'mng-%' ORDER BY length(text) DESC LIMIT 1"
    ).fetchone()
    words = re.findall(r"[A-Za-z]+", row[0])[3:7]
    phrase = " ".join(words)
    pattern = re.compile(r"\b" + r"\W+".join(words) + r"\b", re.I)
    expected = {
        rid
        for rid, text in conn.execute(
            "SELECT report_id, text FROM paragraphs UNION ALL SELECT report_id, text FROM footnotes"
            " UNION ALL SELECT report_id, text FROM key_developments"
        )
        if pattern.search(text)
    }
    assert expected and reports_of(everything(db, f'"{phrase}"')) == expected


@pytest.mark.parametrize("words", [2, 3])
def test_exact_phrases_through_word_pairs_find_what_positions_find(
    db: Path, conn: sqlite3.Connection, words: int
) -> None:
    """Two-word phrases are looked up as one `pairs` term, longer ones narrowed by their pairs: the same
    documents as a plain positional phrase query, for runs taken from every paragraph of one report."""
    h = handle(search_index_path(db))
    assert h is not None
    rows = conn.execute("SELECT text FROM paragraphs WHERE report_id = 'isl-2004'").fetchall()
    checked = 0
    for (text,) in rows:
        tokens = FOLDER.analyze(text)
        for i in range(0, max(len(tokens) - words, 0), 3):
            run = tokens[i : i + words]
            positional = Query.phrase_query(SCHEMA, "exact", run)
            expected = h.searcher.search(positional, 1, count=True).count
            assert expected > 0
            assert everything(db, '"' + ", ".join(run) + '"')["total"] == expected, run
            checked += 1
    assert checked > 10


def test_a_filter_that_empties_the_result(db: Path) -> None:
    assert everything(db, "zorblax")["total"] > 0
    r = everything(db, "zorblax", country="Fiji", edition=2003)
    assert r["total"] == 0 and r["hits"] == [] and all(v == [] for v in r["facets"].values())
    assert "no results" in r["message"] and "country=FJI" in r["message"]


DOCUMENTS_SQL = """
SELECT 'section', r.edition, r.iso3, group_concat(p.text, ' ') FROM paragraphs p
  JOIN reports r ON r.id = p.report_id GROUP BY p.report_id, p.section_ord
UNION ALL SELECT 'notes', r.edition, r.iso3, group_concat(f.text, ' ') FROM footnotes f
  JOIN reports r ON r.id = f.report_id GROUP BY f.report_id
UNION ALL SELECT 'kd', r.edition, r.iso3, group_concat(k.text, ' ') FROM key_developments k
  JOIN reports r ON r.id = k.report_id GROUP BY k.report_id
UNION ALL SELECT 'title', edition, iso3, coalesce(title, '') FROM reports
"""


def test_facet_counts_match_sql_counts(db: Path, conn: sqlite3.Connection) -> None:
    """A document is a section, a report's notes, its key developments or its title: count them in SQL."""
    word = re.compile(r"\bmongolia\b", re.I)
    docs = [row for row in conn.execute(DOCUMENTS_SQL) if word.search(row[3])]
    r = search(db, '"mongolia"', limit=0)
    assert r["total"] == len(docs) > 5
    assert {e["value"]: e["count"] for e in r["facets"]["edition"]} == Counter(row[1] for row in docs)
    assert {e["value"]: e["count"] for e in r["facets"]["country"]} == Counter(
        row[2] for row in docs if row[2]
    )
    topics = {e["value"]: e["count"] for e in r["facets"]["topic"]}
    assert topics["key_developments"] == sum(row[0] == "kd" for row in docs) > 0
    assert r["hits"] == []  # limit 0: facets only, over the whole result set


@pytest.mark.parametrize("query", ["mines", "the", '"the government"', "zorblax"])
def test_counting_by_the_complement_gives_the_same_facets(db: Path, query: str) -> None:
    """A dense query's facets are the whole index's less those of the documents that do not match."""
    h = handle(search_index_path(db))
    assert h is not None
    t = translate(query, None)
    assert t.query is not None and t.term is not None  # one indexed term each
    direct, complement = engine._facets(h, t.query), engine._facets(h, t.query, dense=True)
    assert direct[0] > 0 and direct == complement


def test_facet_fields_ask_for_every_value_they_can_hold() -> None:
    for name, _, _, bits in MASKS:
        assert engine.FACET_SIZES[name] >= 1 << bits
    assert engine.FACET_SIZES["f_country"] >= 26**3 and engine.FACET_SIZES["edition"] >= 2100 - 1900


def test_facets_count_the_whole_result_not_the_page(db: Path) -> None:
    full = everything(db, "zorblax")
    page = search(db, "zorblax", limit=1)
    assert page["facets"] == full["facets"] and len(page["hits"]) == 1
    assert sum(e["count"] for e in full["facets"]["country"]) == full["total"] == len(full["hits"])
    assert full["total"] == 5  # ISL 2004: kd, section 1, notes; ISL 2003 ("zorblaxes"): section; FJI: section
    assert {e["value"]: e["label"] for e in full["facets"]["country"]} == {"ISL": "Iceland", "FJI": "Fiji"}


# --- the query language ------------------------------------------------------------------------------------


def test_stemming_and_exact_words(db: Path) -> None:
    stemmed = everything(db, "quibbleton mines")  # the paragraph says "a single mine"
    assert reports_of(stemmed) == {"isl-2004"}
    assert "<mark>mine</mark>" in stemmed["hits"][0]["snippet"]
    assert everything(db, 'quibbleton "mines"')["total"] == 0  # in quotes: that word exactly


def test_phrase_order_matters_words_do_not(db: Path) -> None:
    assert everything(db, '"zorblax glittering"')["total"] == 0
    assert reports_of(everything(db, "zorblax glittering")) == {"isl-2004", "isl-2003"}


def test_prefix(db: Path) -> None:
    r = everything(db, "zorbl*")
    assert reports_of(r) == {"isl-2004", "isl-2003", "fji-2004"}
    assert any("<mark>zorblaxes</mark>" in h["snippet"] for h in r["hits"])
    assert everything(db, '"glittering zorbl*"')["total"] == 1
    alone = everything(db, "*")
    assert alone["total"] == 0 and "2 letters" in alone["message"]


def test_near(db: Path) -> None:
    close = everything(db, "vortigern NEAR/5 bellwether")  # 2004: 3 words between; 2003: reversed, 20
    assert reports_of(close) == {"isl-2004"}
    assert reports_of(everything(db, "bellwether NEAR/5 vortigern")) == {"isl-2004"}
    assert reports_of(everything(db, "NEAR(vortigern bellwether, 30)")) == {"isl-2004", "isl-2003"}
    assert everything(db, "NEAR(vortigern bellwether, 3)")["total"] == 1  # 3 words between them
    assert everything(db, "NEAR(vortigern bellwether, 2)")["total"] == 0
    assert reports_of(everything(db, "vortigern NEAR bellwether")) == {"isl-2004"}  # default: 10 words


def test_boolean_operators(db: Path) -> None:
    either = reports_of(everything(db, "quibbleton OR glittering"))
    assert either == {"isl-2004", "fji-2004", "isl-2003"}
    assert reports_of(everything(db, "quibbleton NOT fiji")) == {"isl-2004"}
    assert reports_of(everything(db, "quibbleton -fiji")) == {"isl-2004"}
    assert reports_of(everything(db, "(fiji OR iceland) AND quibbleton AND NOT single")) == {"fji-2004"}
    assert everything(db, "quibbleton AND zorblax")["total"] == 0


def test_country_filter_accepts_codes_and_names(db: Path) -> None:
    totals = {c: everything(db, "zorblax", country=c)["total"] for c in ("ISL", "isl", "Iceland", "ICELAND")}
    assert len(set(totals.values())) == 1 and totals["ISL"] > 0
    assert reports_of(everything(db, "zorblax", country="Iceland")) == {"isl-2004", "isl-2003"}
    with pytest.raises(SearchError, match="unknown country 'Narnia'"):
        search(db, "zorblax", country="Narnia")


def test_edition_range_topic_and_source_kind_filters(db: Path, conn: sqlite3.Connection) -> None:
    assert reports_of(everything(db, "zorblax", year_from=2004, year_to=2004)) == {"isl-2004", "fji-2004"}
    assert reports_of(everything(db, "zorblax", year_to=2003)) == {"isl-2003"}
    r = everything(db, "zorblax", topic="ban_policy")
    assert r["total"] > 0 and all("ban_policy" in h["topics"] for h in r["hits"])
    kinds = {k for (k,) in conn.execute("SELECT DISTINCT kind FROM citations WHERE report_id = 'isl-2004'")}
    for kind in kinds:
        hits = everything(db, "zorblax", kind=kind)["hits"]
        assert hits and all(kind in h["source_kinds"] for h in hits)
    with pytest.raises(SearchError, match="unknown topic"):
        search(db, "x", topic="gossip")
    with pytest.raises(SearchError, match="unknown source kind"):
        search(db, "x", kind="rumour")


def test_sort_by_edition_and_paging(db: Path) -> None:
    newest = everything(db, "mine", sort="edition")["hits"]
    editions = [h["edition"] for h in newest]
    assert editions == sorted(editions, reverse=True) and len(set(editions)) > 2
    oldest = [h["edition"] for h in everything(db, "mine", sort="edition_asc")["hits"]]
    assert oldest == sorted(oldest)
    top = [(h["report"], h["anchor"], h["kind"]) for h in search(db, "mine", limit=10)["hits"]]
    pages = [search(db, "mine", limit=5, offset=o)["hits"] for o in (0, 5)]
    assert [(h["report"], h["anchor"], h["kind"]) for p in pages for h in p] == top


def test_did_you_mean(db: Path) -> None:
    r = search(db, "zorblx fields")
    assert r["total"] == 0 and r["suggestions"] == ["zorblax fields"]
    assert "did you mean: zorblax fields" in r["message"]
    assert search(db, "qqqqqqqq")["suggestions"] == []


def test_hit_shape(db: Path) -> None:
    r = search(db, "zorblax")
    assert set(r) >= {"query", "total", "hits", "facets", "suggestions", "message"}
    assert set(r["facets"]) == {"country", "edition", "topic", "source_kind"}
    keys = {"report", "country", "edition", "section", "topics", "paragraph", "anchor", "snippet", "score"}
    for hit in r["hits"]:
        assert set(hit) >= keys and isinstance(hit["score"], float)
    kinds = {h["kind"] for h in everything(db, "zorblax")["hits"]}
    assert kinds == {"paragraph", "footnote", "key_developments"}
    note = everything(db, "snorrason")["hits"]  # in note 1 of ISL 2004
    assert [(h["kind"], h["footnote"], h["anchor"]) for h in note] == [("footnote", 1, "fn-1")]
    para = everything(db, "quibbleton", country="ISL")["hits"]  # the second section's first paragraph
    assert [(h["section"], h["paragraph"], h["anchor"]) for h in para] == [(1, 0, "p-2-1")]
    title = everything(db, '"landmine monitor report"', country="Fiji")["hits"]
    assert [(h["kind"], h["anchor"]) for h in title] == [("title", None)]


# --- any user string is safe -------------------------------------------------------------------------------

MALICIOUS = [
    '"',
    '"""',
    '"zorblax',
    "(((zorblax",
    "zorblax)))",
    ")(",
    "*",
    "**",
    "zorb**",
    "AND",
    "OR OR NOT",
    "NOT",
    "NEAR",
    "NEAR(",
    "NEAR(,)",
    "NEAR/99999999999999999999 x",
    "zorblax NEAR",
    "-",
    "+",
    "\x00\x01\x02zorblax\x7f",
    "'; DROP TABLE reports; --",
    "1=1 OR 'a'='a'",
    "title:zorblax",
    "body:(a OR b)^3 ~2",
    "zorblax" * 2000,
    "zorblax " * 2000,
    "(" * 5000 + "zorblax",
    "NOT " * 3000 + "zorblax",
    "\u202e\ufeffzorblax\u200b",
    "<script>alert(1)</script>",
    "%s %d {0} ${x}",
    "🙂 mines 💣",
]


@pytest.mark.parametrize("text", MALICIOUS)
def test_malicious_inputs_give_results_or_a_message(db: Path, text: str) -> None:
    r = search(db, text)
    assert isinstance(r["total"], int) and (r["total"] > 0 or r["message"])
    assert len(r["query"]) <= 1000
    for hit in r["hits"]:
        assert re.sub(r"</?mark>", "", hit["snippet"]).find("<") == -1


def test_snippets_are_escaped_html(db: Path) -> None:
    hit = search(db, '"quoted" words')["hits"][0]
    assert hit["anchor"] == "p-1-2"
    assert "Values &lt; 5 &amp; &quot;<mark>quoted</mark>&quot;" in hit["snippet"]
    assert hit["snippet"].startswith("Values") and "Surveyors" not in hit["snippet"]  # its paragraph only
    assert set(re.findall(r"</?\w+>", hit["snippet"])) == {"<mark>", "</mark>"}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_any_string_is_safe(db: Path, text: str) -> None:
    r = search(db, text, limit=3)
    assert isinstance(r["total"], int) and isinstance(r["hits"], list)
    assert r["total"] > 0 or r["message"]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                '"',
                "(",
                ")",
                "*",
                "-",
                "AND",
                "OR",
                "NOT",
                "NEAR",
                "NEAR/3",
                "NEAR(",
                ",",
                "5",
                "a",
                "mines",
                " ",
            ]
        )
    )
)
def test_any_operator_soup_translates(parts: list[str]) -> None:
    t = translate(" ".join(parts))
    assert isinstance(t.interpreted, str) and (t.query is not None or t.notes or not t.interpreted.strip("*"))


# --- keeping the index in step ------------------------------------------------------------------------------


def test_reingest_replaces_and_deletes_without_stale_or_duplicate_hits(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages")
    path = tmp_path / "m.db"
    conn = store.connect(path)
    sync_index(path, ingest(conn, [pages], workers=1).changed_ids)
    before = search(path, "zorblax", limit=100)
    assert before["total"] > 0 and search(path, "snorklewick")["total"] == 0

    page = pages / "2004" / "iceland.txt"
    assert reports_of(search(path, "glittering")) == {"isl-2004", "isl-2003"}
    page.write_text(page.read_text().replace("glittering zorblax fields", "shimmering snorklewick fields"))
    summary = ingest(conn, [pages], workers=1)
    assert summary.names("replaced") == [str(page)]
    sync_index(path, summary.changed_ids)
    assert search(path, '"glittering zorblax fields"')["total"] == 0
    assert reports_of(search(path, "snorklewick")) == {"isl-2004"}
    after = search(path, "zorblax", limit=100)
    assert after["total"] == before["total"]  # same documents, none twice
    assert reports_of(search(path, "glittering")) == {"isl-2003"}
    keys = [(h["report"], h["kind"], h["anchor"]) for h in after["hits"]]
    assert len(keys) == len(set(keys))  # no duplicates

    store.delete_report(conn, "fji-2004")  # gone from the database, then from the index at the next sync
    sync_index(path, [])
    assert "fji-2004" not in reports_of(search(path, "zorblax", limit=100))
    assert search(path, "zorblax", country="FJI")["total"] == 0


def test_reports_stored_without_a_sync_are_picked_up(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages", {k: v for k, v in FICTION.items() if "fiji" not in k})
    path = tmp_path / "m.db"
    conn = store.connect(path)
    ingest(conn, [pages], workers=1)
    assert rebuild(path) > 0
    assert search(path, "zorblax", country="FJI")["total"] == 0
    more = write_fiction(tmp_path / "more", {"2004/fiji.txt": FICTION["2004/fiji.txt"]})
    ingest(conn, [more], workers=1)  # stored, index not told
    sync_index(path, [])
    assert reports_of(search(path, "zorblax", country="FJI")) == {"fji-2004"}


def test_a_missing_or_broken_index_is_built_again(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages")
    path = tmp_path / "m.db"
    ingest(store.connect(path), [pages], workers=1)
    assert not search_index_path(path).exists()
    assert search(path, "zorblax")["total"] > 0  # built on first use
    shutil.rmtree(search_index_path(path))
    search_index_path(path).mkdir()
    (search_index_path(path) / "meta.json").write_text("garbage")
    sync_index(path, [])
    assert search(path, "zorblax")["total"] > 0


# --- CLI -------------------------------------------------------------------------------------------------

runner = CliRunner()


def test_cli_search_text_json_and_reindex(db: Path) -> None:
    _register()
    out = runner.invoke(app, ["search", "glittering zorblax", "--db", str(db), "--country", "Iceland"])
    assert out.exit_code == 0, out.output
    assert "Iceland 2004 [isl-2004#p-1-1]" in out.output and "[glittering] [zorblax]" in out.output
    assert "country: Iceland" in out.output
    out = runner.invoke(
        app, ["search", "zorblax", "--db", str(db), "--json", "--from", "2004", "--limit", "2"]
    )
    data = json.loads(out.output)
    assert out.exit_code == 0 and len(data["hits"]) == 2 and {h["edition"] for h in data["hits"]} == {2004}
    out = runner.invoke(app, ["search", "zorblax", "--db", str(db), "--topic", "gossip"])
    assert out.exit_code != 0
    out = runner.invoke(app, ["reindex", "--db", str(db)])
    assert out.exit_code == 0 and "documents indexed" in out.output


def test_a_minus_before_a_phrase_or_group_excludes_it(db: Path) -> None:
    assert translate('mines -"mine action"').interpreted == 'mines AND NOT "mine action"'
    assert translate("-(a OR b) c").interpreted == "NOT (a OR b) AND c"
    with_phrase = reports_of(everything(db, "glittering"))
    without = reports_of(everything(db, 'glittering -"glittering zorblax fields"'))
    assert "isl-2004" in with_phrase and "isl-2004" not in without and without


def _likeliest_plainly(data: bytes, starts: list[int], terms: list[bytes]) -> tuple[int, int]:
    """The definition: lower-case each part and count the stems it contains; the first best part wins."""
    best, bounds = 0, (0, 0)
    for i, lo in enumerate(starts):
        hi = starts[i + 1] - 2 if i + 1 < len(starts) else len(data)
        score = sum(t in data[lo:hi].lower() for t in terms)
        if score > best:
            best, bounds = score, (lo, hi)
    return bounds


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.text(alphabet="abcMINEmine \u00e9", max_size=40), min_size=1, max_size=6),
    st.lists(st.sampled_from([b"mine", b"min", b"e", b"ab", b"cab", b"zz"]), max_size=4, unique=True),
)
def test_the_likeliest_part_is_the_one_with_most_stems(texts: list[str], terms: list[bytes]) -> None:
    from landmine_monitor.search.snippets import SEPARATOR, _likeliest_part

    data = SEPARATOR.join(texts).encode()
    starts, offset = [], 0
    for text in texts:
        starts.append(offset)
        offset += len(text.encode()) + len(SEPARATOR.encode())
    assert _likeliest_part(data, starts, terms) == _likeliest_plainly(data, starts, terms)


TRICKY = [
    "dying",
    "die",
    "lying",
    "lies",
    "tying",
    "tie",
    "skies",
    "sky",
    "ugly",
    "early",
    "only",
    "singly",
    "gently",
    "idly",
    "news",
    "mines",
    "mine",
    "mining",
    "mined",
    "countries",
    "country",
    "relational",
    "conditional",
    "generously",
    "possibility",
    "sensibility",
    "hopping",
    "hoped",
    "luxuriating",
    "organization",
    "organizer",
    "activity",
    "activities",
    "electricity",
    "analogies",
    "trees",
    "treaty",
    "treaties",
    "demining",
    "deminers",
    "a",
    "an",
    "I",
    "x",
    "2004",
    "1999s",
    "M16A1",
    "PMA-2",
    "APP-M57",
    "co-operation",
    "re-use",
    "state's",
    "states'",
    "Mines",
    "MINING",
]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=30),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=4),
    st.sampled_from([" ", ", ", ". ", " (", "-", "/"]),
)
def test_quick_marks_are_every_word_whose_stem_is_a_query_term(
    words: list[str], query: list[str], sep: str
) -> None:
    """The quick snippet path stems only words that start like a term; it must still find exactly the words
    whose stem (as the index makes it) is a query term."""
    from landmine_monitor.search.index import STEMMER
    from landmine_monitor.search.snippets import Highlighter, _matches

    text = sep.join(words).encode()
    terms = list(dict.fromkeys(t.encode() for w in query for t in STEMMER.analyze(w)))
    hl = Highlighter(None, terms)  # type: ignore[arg-type]
    found = [(a, b) for a, b, _ in _matches(hl, text.lower())]
    wanted = set(terms)

    def stem(word: bytes) -> bytes | None:
        got = STEMMER.analyze(word.decode())
        return got[0].encode() if got else None

    expected = [
        (m.start(), m.end()) for m in re.finditer(rb"[A-Za-z0-9]+", text) if stem(m.group()) in wanted
    ]
    assert found == expected


def _tantivy_marks(text: str, terms: list[str]) -> list[tuple[int, int]]:
    """The byte ranges tantivy's own snippet generator marks in `text` (one document, whole text shown)."""
    import tantivy

    from landmine_monitor.search.index import SCHEMA as schema
    from landmine_monitor.search.index import _register

    index = _register(tantivy.Index(schema))
    writer = index.writer(15_000_000, 1)
    writer.add_document(tantivy.Document(text=text))
    writer.commit()
    index.reload()
    query = Query.boolean_query([(Occur.Should, Query.term_query(schema, "text", t)) for t in terms])
    gen = tantivy.SnippetGenerator.create(index.searcher(), query, schema, "text")
    gen.set_max_num_chars(100_000)
    sn = gen.snippet_from_doc(tantivy.Document(text=text))
    offset = sn.fragment_range().start
    return sorted((r.start + offset, r.end + offset) for r in sn.highlighted())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=25),
    st.lists(st.sampled_from(TRICKY), min_size=1, max_size=3),
    st.lists(
        st.sampled_from([" ", ", ", " “", "” ", " – ", "—", "’", " (", ") ", "-", "/", "\u00a0"]), min_size=1
    ),
)
def test_quick_marks_are_the_ones_tantivy_makes(words: list[str], query: list[str], seps: list[str]) -> None:
    """Against tantivy's own snippet generator: in text whose words are ASCII (quotes, dashes and no-break
    spaces between them), the quick path marks exactly the words tantivy marks."""
    from landmine_monitor.search.index import STEMMER
    from landmine_monitor.search.snippets import Highlighter, _matches, _words_are_ascii

    text = "".join(w + seps[i % len(seps)] for i, w in enumerate(words))
    data = text.encode()
    assert _words_are_ascii(data)
    terms = list(dict.fromkeys(t for w in query for t in STEMMER.analyze(w)))
    hl = Highlighter(None, [t.encode() for t in terms])  # type: ignore[arg-type]
    assert [(a, b) for a, b, _ in _matches(hl, data.lower())] == _tantivy_marks(text, terms)


def test_words_with_accents_take_the_general_way() -> None:
    from landmine_monitor.search.snippets import _words_are_ascii

    assert _words_are_ascii("“Quoted” – dashes’ only".encode())
    assert not _words_are_ascii("Sévérité in Côte d’Ivoire".encode())
    assert not _words_are_ascii("Zürich".encode())
    # letters to tantivy though not to Python's str.isalnum: circled letters (folded to ASCII ones)
    assert not _words_are_ascii("Ⓐmine clearance".encode())
    assert not _words_are_ascii("ⓜines were laid".encode())


def test_the_next_page_has_the_same_total_and_facets_and_callers_cannot_change_them(db: Path) -> None:
    first = search(db, "zorblax", limit=1)
    second = search(db, "zorblax", limit=1, offset=1)
    assert first["total"] > 1 and second["total"] == first["total"]
    assert second["facets"] == first["facets"] and second["hits"] != first["hits"]
    second["facets"]["country"][0]["count"] = -1  # the caller's copy only
    second["facets"]["edition"].clear()
    again = search(db, "zorblax", limit=1)
    assert again["facets"] == first["facets"]
    assert search(db, "zorblax", limit=1, remember=False)["facets"] == first["facets"]  # counted afresh, same
    by_name = search(db, "zorblax", country="Iceland")
    assert by_name["facets"] == search(db, "zorblax", country="ISL")["facets"]  # one key per resolved filter
    assert by_name["total"] < first["total"]


def test_counts_remembered_for_a_query_are_forgotten_at_the_next_commit(tmp_path: Path) -> None:
    pages = write_fiction(tmp_path / "pages", {k: v for k, v in FICTION.items() if "fiji" not in k})
    path = tmp_path / "m.db"
    conn = store.connect(path)
    sync_index(path, ingest(conn, [pages], workers=1).changed_ids)
    before = search(path, "zorblax")
    more = write_fiction(tmp_path / "more", {"2004/fiji.txt": FICTION["2004/fiji.txt"]})
    sync_index(path, ingest(conn, [more], workers=1).changed_ids)
    after = search(path, "zorblax")
    assert after["total"] > before["total"]
    assert "FJI" in {c["value"] for c in after["facets"]["country"]} - {
        c["value"] for c in before["facets"]["country"]
    }
