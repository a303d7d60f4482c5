"""The web site and JSON API, over real HTTP: uvicorn on 127.0.0.1 and a free port, on a temporary database
made by ingesting examples/archive/ plus one fictional hostile report written here."""

from __future__ import annotations

import csv
import io
import json
import re
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn
from fastapi import FastAPI
from typer.testing import CliRunner

from landmine_monitor import store
from landmine_monitor.ingest import ingest
from landmine_monitor.model import (
    Citation,
    Country,
    Fact,
    Footnote,
    KeyDevelopment,
    Paragraph,
    Report,
    Section,
    SourceFile,
    note_anchor,
    paragraph_anchor,
)
from landmine_monitor.store import archive
from landmine_monitor.store.schema import MIGRATIONS
from landmine_monitor.web import create_app
from landmine_monitor.web.regions import region

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "archive"
HOSTILE_ID = "xsl-2004"
EVIL = '<script>alert("x")</script>'


def hostile_report() -> Report:
    """A fictional Somaliland 2004 report whose every text field tries to inject markup or script URLs."""
    cite = Citation(
        kind="website",
        text=f'Web page {EVIL} "Hargeisa mines", javascript:alert(1)',
        urls=["javascript:alert(1)", "https://example.org/mines?a=1&b=2"],
        source_id="src_testevil01",
    )
    email = Citation(kind="email", text="Email from A. Writer, Deminer, 2 May 2004", date="2004-05-02",
                     source_id="src_testmail01")  # fmt: skip
    return Report(
        kind="country_report",
        country=Country("XSL", "Somaliland"),
        edition=2004,
        title=f"Somaliland {EVIL}, Landmine Monitor Report 2004",
        source=SourceFile("fictional/xsl-2004.txt", "javascript:alert(2)", "0" * 64),
        key_developments=[KeyDevelopment("2003", f"Clearance went on {EVIL}.[1]")],
        sections=[
            Section(
                heading='Mine Ban Policy <img src=x onerror="alert(3)">',
                topics=["ban_policy"],
                paragraphs=[
                    Paragraph(
                        f"Somaliland cannot join the treaty. {EVIL} A link: javascript:alert(4).[1]", [1]
                    ),
                    Paragraph("Deminers found 1,200 mines near the border in 2003.[2] [99]", [2, 99]),
                ],
            ),
            Section(
                heading=None,
                topics=["casualties"],
                inferred=True,
                paragraphs=[Paragraph("In 2003 there were 41 casualties.[2]", [2])],
            ),  # fmt: skip
        ],
        footnotes=[
            Footnote(1, f'Web page {EVIL} "Hargeisa mines", javascript:alert(1)', [cite]),
            Footnote(2, "Email from A. Writer, Deminer, 2 May 2004.", [email]),
        ],
        facts=[
            Fact(
                "mines_emplaced",
                1200,
                year=2003,
                section=0,
                paragraph=1,
                sentence="Deminers found 1,200 mines",
            ),
            Fact(
                "casualties",
                41,
                year=2003,
                section=1,
                paragraph=0,
                sentence="In 2003 there were 41 casualties.",
            ),
            Fact("casualties", 12, year=2002, section=1, paragraph=0, sentence="(fictional) 12 in 2002"),
        ],
    )


def build_db(folder: Path) -> Path:
    """The example archive plus the hostile report, with its search index."""
    db = folder / "web.db"
    conn = store.connect(db)
    summary = ingest(conn, [EXAMPLES], workers=1)
    assert not summary.failed, summary.failed
    store.save_report(conn, hostile_report(), HOSTILE_ID)
    conn.close()
    from landmine_monitor import search

    search.rebuild(db)
    return db


class LiveServer:
    """uvicorn serving an app in a thread, on 127.0.0.1 and a port the OS picked."""

    def __init__(self, app: FastAPI) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)  # TCP_NODELAY
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        config = uvicorn.Config(app, log_level="critical", lifespan="off", ws="none", access_log=False)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 15
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(10)
        self.sock.close()


def _boom() -> None:
    raise RuntimeError("secret internal detail")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_db(tmp_path_factory.mktemp("web"))


@pytest.fixture(scope="module")
def app(db: Path) -> FastAPI:
    app = create_app(db)
    app.add_api_route("/test-boom", _boom, include_in_schema=False)  # a route that fails, to see the 500s
    app.add_api_route("/test-boom.json", _boom, include_in_schema=False)
    return app


@pytest.fixture(scope="module")
def client(app: FastAPI) -> Iterator[httpx.Client]:
    with LiveServer(app) as server, httpx.Client(base_url=server.url, timeout=20) as c:
        yield c


@pytest.fixture(scope="module")
def conn(db: Path) -> sqlite3.Connection:
    return store.connect(db, readonly=True)


class Page(HTMLParser):
    """What the tests look at in a page: ids, links, scripts, event-handler attributes, landmarks, text."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.handlers: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags.append(tag)
        if a.get("id"):
            self.ids.add(str(a["id"]))
        if tag == "a" and a.get("href") is not None:
            self.links.append(str(a["href"]))
        if tag == "script":
            self.scripts.append(a)
        self.handlers += [k for k in a if k.startswith("on")]

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return " ".join(self.text)


def get_page(client: httpx.Client, url: str) -> Page:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("text/html")
    return Page(r.text)


def get_json(client: httpx.Client, url: str, status: int = 200) -> Any:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    assert r.headers["content-type"].startswith("application/json")
    return r.json()


TWINS = [
    ("/", "/index.json"),
    ("/editions/2004", "/editions/2004.json"),
    ("/reports/mng-2004", "/reports/mng-2004.json"),
    ("/countries/mng", "/countries/mng.json"),
    ("/search?q=mines", "/search.json?q=mines"),
    ("/sources", "/sources.json"),
    (f"/reports/{HOSTILE_ID}", f"/reports/{HOSTILE_ID}.json"),
    ("/compare/mng/2003/2004", "/compare/mng/2003/2004.json"),
    ("/about", "/about.json"),
]


@pytest.mark.parametrize(("html_url", "json_url"), TWINS)
def test_every_page_and_its_json_twin(client: httpx.Client, html_url: str, json_url: str) -> None:
    data = get_json(client, json_url)
    page = get_page(client, html_url)
    assert data["urls"]["json"] == json_url
    assert data["urls"]["html"] == html_url
    assert json_url in page.links  # the footer links every page to its twin
    assert {"header", "nav", "main", "footer"} <= set(page.tags)
    assert data["title"].split(",")[0].split(":")[0] in page.all_text


def test_home_lists_editions_countries_and_the_archive_size(
    client: httpx.Client, conn: sqlite3.Connection
) -> None:
    data = get_json(client, "/index.json")
    assert data["stats"] == archive.stats(conn)
    assert [e["year"] for e in data["editions"]] == [e["year"] for e in archive.list_editions(conn)]
    counts = {c["iso3"]: c["editions"] for c in data["countries"]}
    assert counts["MNG"] == len({r["edition"] for r in archive.list_reports(conn, iso3="MNG")})
    page = get_page(client, "/")
    assert "/countries/mng" in page.links and "/editions/2004" in page.links
    html = client.get("/").text
    assert 'role="search"' in html and '<label for="home-q">' in html and 'name="q"' in html


def test_edition_groups_country_reports_by_region(client: httpx.Client, conn: sqlite3.Connection) -> None:
    data = get_json(client, "/editions/2004.json")
    placed = {r["iso3"]: g["region"] for g in data["regions"] for r in g["reports"]}
    assert placed == {r["iso3"]: region(r["iso3"]) for r in archive.list_reports(conn, edition=2004)}
    assert placed["PRY"] == "Americas" and placed["MNG"] == "Asia" and placed["XSL"] == "Africa"
    assert [g["region"] for g in data["regions"]] == sorted(
        {*placed.values()}, key=["Africa", "Americas", "Asia"].index
    )
    assert data["previous"]["year"] == 2003 and data["next"]["year"] == 2005
    assert get_json(client, "/editions/1990.json", 404)["error"]["status"] == 404


def test_every_country_has_a_region() -> None:
    import pycountry

    missing = [c.alpha_3 for c in pycountry.countries if region(c.alpha_3) == "Other" and c.alpha_3 != "ATA"]
    assert missing == []
    assert region(None) == "Other" and region("ZZZ") == "Other"


def test_report_has_citable_anchors_notes_and_links(client: httpx.Client, conn: sqlite3.Connection) -> None:
    report = store.load_report(conn, "mng-2004")
    page = get_page(client, "/reports/mng-2004")
    for si, s in enumerate(report.sections):
        for pi, _ in enumerate(s.paragraphs):
            assert paragraph_anchor(si, pi) in page.ids
    for f in report.footnotes:
        assert note_anchor(f.number) in page.ids
        assert f"#{note_anchor(f.number)}" in page.links
    data = get_json(client, "/reports/mng-2004.json")
    assert data["previous"]["id"] == "mng-2003" and data["next"]["id"] == "mng-2006"
    assert data["compare_url"] == "/compare/mng/2003/2004"
    for link in ("/reports/mng-2003", "/reports/mng-2006", "/compare/mng/2003/2004", "/countries/mng"):
        assert link in page.links
    cited = {(n["number"], c["anchor"]) for n in data["notes"] for c in n["cited_in"]}
    expected = {(n, paragraph_anchor(si, pi)) for si, s in enumerate(report.sections)
                for pi, p in enumerate(s.paragraphs) for n in p.footnotes}  # fmt: skip
    assert cited == expected
    sources = [c["source_url"] for n in data["notes"] for c in n["citations"] if c["source_url"]]
    assert sources, "the example notes have typed citations with sources"
    assert all(s in page.links for s in sources)
    assert client.get(sources[0]).status_code == 200


def test_hostile_report_renders_inert(client: httpx.Client) -> None:
    for url in (
        f"/reports/{HOSTILE_ID}",
        "/reports/tjk-2004",
        "/reports/pry-2005",
        "/sources/src_testevil01",
    ):
        r = client.get(url)
        assert r.status_code == 200
        page = Page(r.text)
        assert all(s.get("src") == "/static/site.js" for s in page.scripts), page.scripts
        assert page.handlers == []
        assert not any(link.strip().lower().startswith(("javascript:", "data:")) for link in page.links)
        assert "<script>alert" not in r.text and "<img src=x" not in r.text
    text = client.get(f"/reports/{HOSTILE_ID}").text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in text
    assert "https://example.org/mines?a=1&b=2" in Page(text).links
    assert "javascript:alert(&#39;mines&#39;)" in client.get("/reports/tjk-2004").text  # shown as text
    data = get_json(client, f"/reports/{HOSTILE_ID}.json")
    assert data["source"]["url"] is None  # a javascript: source URL is never offered as a link
    p = data["sections"][0]["paragraphs"][1]
    assert [s.get("note") for s in p["segments"] if "note" in s] == [2, 99]
    assert [s["missing"] for s in p["segments"] if "note" in s] == [False, True]
    assert data["sections"][1]["display_heading"] == "Casualties" and data["sections"][1]["inferred"]


def test_security_headers_everywhere(client: httpx.Client) -> None:
    for url in (
        "/",
        "/index.json",
        "/nope",
        "/nope.json",
        "/static/style.css",
        "/search.csv?q=mines",
        "/test-boom",
    ):
        h = client.get(url).headers
        csp = h["content-security-policy"]
        assert "frame-ancestors 'none'" in csp and "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert h["x-content-type-options"] == "nosniff"
        assert h["referrer-policy"] == "same-origin"


def test_errors_are_pages_or_one_json_envelope_never_traces(client: httpx.Client) -> None:
    r = client.get("/reports/nope")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html") and "nope" in r.text
    for url, status in (
        ("/reports/nope.json", 404),
        ("/nothing/here.json", 404),
        ("/editions/abc.json", 400),
        ("/search.json?q=x&page=0", 400),
        ("/search.json?q=mines&sort=random", 400),
        ("/countries/zzz.json", 404),
        ("/sources/src_nope.json", 404),
        ("/compare/mng/1999/2004.json", 404),
        ("/test-boom.json", 500),
    ):
        body = get_json(client, url, status)
        assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    r = client.get("/test-boom")
    assert r.status_code == 500 and "text/html" in r.headers["content-type"]
    assert "secret internal detail" not in r.text and "Traceback" not in r.text
    assert client.post("/index.json").json()["error"]["status"] == 405


def test_country_page_timeline_topics_and_facts(client: httpx.Client, conn: sqlite3.Connection) -> None:
    data = get_json(client, "/countries/mng.json")
    assert [r["id"] for r in data["timeline"]] == [r["id"] for r in archive.country_editions(conn, "MNG")]
    latest = archive.latest_by_topic(conn, "MNG")
    assert any(r["topics"] == ["other"] for r in latest)  # Mongolia 2006 opens with a drafting note
    assert [t["url"] for t in data["latest_by_topic"]] == [
        f"/reports/{r['report_id']}#{r['anchor']}" for r in latest if r["topics"] != ["other"]
    ]
    page = get_page(client, "/countries/mng")
    assert "/compare/mng/2003/2004" in page.links
    hostile = get_json(client, "/countries/xsl.json")["facts"]
    by = {f["indicator"]: f for f in hostile["overview"]}
    assert by["casualties"]["value"] == "41" and by["casualties"]["earlier_values"] == ["12"]
    assert [c["indicator"] for c in hostile["charts"]] == ["casualties"]
    assert "<svg" in client.get("/countries/xsl").text
    facts = get_json(client, "/countries/xsl/facts.json")["facts"]
    assert {(f["indicator"], f["value"], f["url"]) for f in facts} >= {
        ("mines_emplaced", 1200, f"/reports/{HOSTILE_ID}#p-1-2")
    }
    rows = list(csv.DictReader(io.StringIO(client.get("/countries/xsl/facts.csv").text)))
    assert len(rows) == len(facts) and rows[0]["indicator"] == facts[0]["indicator"]
    for loose in ("/countries/MNG", "/countries/mongolia"):
        r = client.get(loose, follow_redirects=False)
        assert r.status_code == 301 and r.headers["location"] == "/countries/mng"


def test_country_overview_shows_each_value_once_with_a_readable_unit(client: httpx.Client) -> None:
    overview = get_json(client, "/countries/mng.json")["facts"]["overview"]
    with_units = [f for f in overview if f["unit"]]
    assert {"km2", "killed", "wheelchairs"} <= {f["unit"] for f in with_units}
    text = " ".join(get_page(client, "/countries/mng").all_text.split())
    for f in with_units:
        unit = f["unit"].replace("km2", "km²")
        shown = f["value"].replace("km2", "km²")
        assert shown.endswith(unit) and shown in text, shown
        assert f"{unit} {unit}" not in text
    assert "km2" not in text and "km²" in text
    from landmine_monitor.web.text import readable_units

    assert readable_units("about 515,000 USD; 12 m2") == "about US$515,000; 12 m²"


def test_search_page_hits_facets_pagination_and_csv(client: httpx.Client) -> None:
    data = get_json(client, "/search.json?q=mines&limit=5")
    assert data["total"] > 5 and len(data["hits"]) == 5
    assert all(h["url"].startswith(f"/reports/{h['report']}") for h in data["hits"])
    assert all("<mark>" in h["snippet"] for h in data["hits"])
    facets = {f["name"]: f for f in data["facets"]}
    mng = next(i for i in facets["country"]["items"] if i["value"] == "MNG")
    filtered = get_json(client, mng["url"].replace("/search?", "/search.json?"))
    assert filtered["total"] == mng["count"] and filtered["filters"] == {"country": "MNG"}
    assert next(
        i for f in filtered["facets"] if f["name"] == "country" for i in f["items"] if i["value"] == "MNG"
    )["checked"]
    assert data["pagination"]["pages"] == -(-data["total"] // 5) and data["pagination"]["next_url"]
    page2 = get_json(client, data["pagination"]["next_url"].replace("/search?", "/search.json?"))
    assert {h["url"] for h in page2["hits"]}.isdisjoint({h["url"] for h in data["hits"]})
    html = client.get("/search?q=mines").text
    assert 'class="facet-item' in html and "<mark>" in html and 'for="q"' in html and "NEAR" in html
    rows = list(csv.DictReader(io.StringIO(client.get("/search.csv?q=mines&limit=100").text)))
    assert len(rows) == min(100, data["total"]) and "<mark>" not in rows[0]["snippet"]


def test_search_no_results_suggests_and_hostile_queries_are_safe(client: httpx.Client) -> None:
    data = get_json(client, "/search.json?q=clearence")
    assert data["total"] == 0 and "clearance" in [s["text"] for s in data["suggestions"]]
    html = client.get("/search?q=clearence").text
    assert "Did you mean" in html and 'href="/search?q=clearance"' in html
    for q in (
        '"unbalanced',
        "*",
        "NOT",
        "a" * 5000,
        "'; DROP TABLE reports; --",
        "<script>alert(1)</script>",
    ):
        r = client.get("/search", params={"q": q})
        assert r.status_code == 200, q
        assert "<script>alert(1)</script>" not in r.text
    assert get_json(client, "/search.json?q=mines&country=Atlantis", 400)["message"]


def test_sources_registry_and_source_pages(client: httpx.Client, conn: sqlite3.Connection) -> None:
    data = get_json(client, "/sources.json")
    assert data["total"] == archive.stats(conn)["sources"]
    assert [s["citations"] for s in data["sources"]] == sorted(
        (s["citations"] for s in data["sources"]), reverse=True
    )
    rows = list(csv.DictReader(io.StringIO(client.get("/sources.csv").text)))
    assert len(rows) == data["total"] and {"id", "kind", "label", "citations"} <= set(rows[0])
    counts = {r["id"]: int(r["citations"]) for r in rows}
    assert counts["src_testmail01"] == 1 and counts["src_testevil01"] == 1
    assert data["sources"][0]["citations"] == max(counts.values())
    kinds = get_json(client, "/sources.json?kind=email")
    assert kinds["sources"] and {s["kind"] for s in kinds["sources"]} == {"email"}
    src = get_json(client, "/sources/src_testmail01.json")
    assert [(c["report_id"], c["footnote_number"]) for c in src["citations"]] == [(HOSTILE_ID, 2)]
    assert [p["anchor"] for p in src["citations"][0]["paragraphs"]] == ["p-1-2", "p-2-1"]
    page = get_page(client, "/sources/src_testmail01")
    assert f"/reports/{HOSTILE_ID}#fn-2" in page.links and f"/reports/{HOSTILE_ID}#p-2-1" in page.links
    assert src["source"]["editions"] == [2004] and src["source"]["countries"] == ["XSL"]
    assert src["citations"][0]["country"] == "Somaliland" and "A. Writer" in src["citations"][0]["text"]


def test_the_registry_pages_through_the_ranking(client: httpx.Client, conn: sqlite3.Connection) -> None:
    from landmine_monitor.web.views import sources_page

    everything = list(csv.DictReader(io.StringIO(client.get("/sources.csv").text)))
    assert len(everything) == get_json(client, "/sources.json")["total"] > 100
    per_page = 7
    first = sources_page(conn, None, 1, per_page)
    assert first["pages"] == -(-len(everything) // per_page) > 1 and first["next_url"] == "/sources?page=2"
    pages = [sources_page(conn, None, n, per_page)["sources"] for n in range(1, first["pages"] + 1)]
    assert [s["id"] for page in pages for s in page] == [s["id"] for s in everything]
    last = sources_page(conn, None, first["pages"], per_page)
    assert last["next_url"] is None and last["previous_url"]
    assert get_json(client, "/sources.json?page=999")["sources"] == []
    html = get_page(client, "/sources")
    assert f"/sources/{everything[0]['id']}" in html.links and "/sources?page=2" in html.links


def test_compare_page(client: httpx.Client) -> None:
    data = get_json(client, "/compare/mng/2004/2003.json")  # either order: older first
    assert (data["edition_a"], data["edition_b"]) == (2003, 2004)
    assert data["report_a"]["id"] == "mng-2003" and data["changes"]
    page = get_page(client, "/compare/mng/2003/2004")
    assert "/reports/mng-2003" in page.links and "/reports/mng-2004" in page.links


def test_old_monitor_urls_redirect(client: httpx.Client) -> None:
    for old, new in (
        ("/index.php/publications/display?url=lm/2004/mongolia.html", "/reports/mng-2004"),
        ("/index.php/publications/display?url=lm/2003/tajikistan.html", "/reports/tjk-2003"),
        ("/index.php/publications/display?pqs_year=2005&pqs_report=paraguay", "/reports/pry-2005"),
        ("/index.php/publications/display?url=lm/2004/somaliland.html", f"/reports/{HOSTILE_ID}"),
    ):
        r = client.get(old, follow_redirects=False)
        assert r.status_code == 301 and r.headers["location"] == new, old
    assert client.get("/index.php/publications/display?url=lm/1997/narnia.html").status_code == 404


def test_openapi_and_self_contained_docs(client: httpx.Client) -> None:
    spec = get_json(client, "/openapi.json")
    assert {"/index.json", "/reports/{report_id}.json", "/search.json", "/search.csv", "/sources.csv"} <= set(
        spec["paths"]
    )
    r = client.get("/docs")
    assert r.status_code == 200
    page = Page(r.text)
    assert all(s.get("src", "").startswith("/static/") for s in page.scripts)
    assert not re.search(r"""(src|href)=["']https?://""", r.text)
    assert "/search.json" in page.all_text


def test_database_is_opened_read_only(app: FastAPI) -> None:
    with pytest.raises(sqlite3.OperationalError):
        app.state.db.connection().execute("CREATE TABLE intruder(x)")


def test_serve_refuses_a_missing_database(tmp_path: Path) -> None:
    from landmine_monitor.cli import _register, app

    _register()
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "none.db: no such database" in result.output


def test_cached_pages_follow_a_new_ingest(tmp_path: Path) -> None:
    db = tmp_path / "small.db"
    conn = store.connect(db)
    ingest(conn, [EXAMPLES / "2004"], workers=1)
    with LiveServer(create_app(db)) as server, httpx.Client(base_url=server.url) as c:
        before = c.get("/index.json").json()["stats"]["reports"]
        assert c.get("/editions/2004.json").json()["reports"] == before
        store.save_report(conn, hostile_report(), HOSTILE_ID)  # an ingest while the site runs
        assert c.get("/index.json").json()["stats"]["reports"] == before + 1
        assert c.get("/editions/2004.json").json()["reports"] == before + 1
        assert c.get("/countries/xsl.json").status_code == 200
    conn.close()


def test_facets_show_ten_values_and_all_on_request(client: httpx.Client, conn: sqlite3.Connection) -> None:
    from landmine_monitor.web.search_view import FACET_SHOWN, SearchParams, search_page

    db = Path(conn.execute("PRAGMA database_list").fetchone()[2])
    full = search_page(db, SearchParams(q="mines", more="source_kind"))
    kinds = next(f for f in full["facets"] if f["name"] == "source_kind")
    short = next(f for f in get_json(client, "/search.json?q=mines")["facets"] if f["name"] == "source_kind")
    assert kinds["hidden"] == 0 and len(kinds["items"]) > FACET_SHOWN
    assert len(short["items"]) == FACET_SHOWN and short["hidden"] == len(kinds["items"]) - FACET_SHOWN
    assert short["more_url"] == "/search?q=mines&more=source_kind"
    expanded = get_json(client, "/search.json?q=mines&more=source_kind")["facets"]
    assert [i["value"] for i in next(f for f in expanded if f["name"] == "source_kind")["items"]] == [
        i["value"] for i in kinds["items"]
    ]


def test_a_missing_or_stale_search_index_is_a_message_never_a_write(tmp_path: Path) -> None:
    import json

    from landmine_monitor import search
    from landmine_monitor.search.index import MANIFEST, _handles
    from landmine_monitor.settings import search_index_path

    db = tmp_path / "noindex.db"
    conn = store.connect(db)
    ingest(conn, [EXAMPLES / "2004"], workers=1)
    conn.close()
    index = search_index_path(db)
    with LiveServer(create_app(db)) as server, httpx.Client(base_url=server.url) as c:
        page = c.get("/search", params={"q": "mines"})
        assert page.status_code == 503 and "run <code>landmine-monitor reindex</code>" in page.text
        assert (
            c.get("/search.json?q=mines")
            .json()["message"]
            .endswith("run `landmine-monitor reindex` on the server.")
        )
        assert not index.exists()  # the web process built nothing
        search.rebuild(db)
        assert c.get("/search.json?q=mines").json()["total"] > 0
        manifest = index / MANIFEST
        stale = {**json.loads(manifest.read_text()), "schema": -1}  # built by another version
        manifest.write_text(json.dumps(stale))
        _handles.clear()  # as after an upgrade: a new process with this code, the old index on disk
        before = sorted((p.name, p.stat().st_mtime_ns) for p in index.iterdir())
        assert c.get("/search.json?q=mines").status_code == 503
        assert sorted((p.name, p.stat().st_mtime_ns) for p in index.iterdir()) == before
        assert c.get("/search").status_code == 200  # the empty search page needs no index


def test_pages_read_as_finished(client: httpx.Client, conn: sqlite3.Connection) -> None:
    # a note's source link names the source as the registry does (an Ibid. names the source it repeats)
    report = get_json(client, "/reports/omn-1999.json")
    labels = dict(conn.execute("SELECT id, label FROM sources").fetchall())
    cites = [c for n in report["notes"] for c in n["citations"] if c["source_id"]]
    assert cites and all(c["source_label"] == labels[c["source_id"]] for c in cites)
    assert any(c["kind"] == "ibid" and c["source_label"] != "Ibid" for c in cites)
    # compare: each sentence's markers link to that edition's notes, never shown twice
    html = client.get("/compare/mng/2003/2004").text
    assert 'href="/reports/mng-2004#fn-' in html and 'href="/reports/mng-2003#fn-' in html
    assert not re.search(r"\[(\d+)\]</a></sup> <sup class=\"fn\"><a [^>]*>\[\1\]", html)
    assert not re.search(r"\.\[\d+\] ", Page(html).all_text)  # no plain-text markers left
    # search: readable facet labels, snippets without note markers
    data = get_json(client, "/search.json?q=clearance")
    kinds = next(f for f in data["facets"] if f["name"] == "source_kind")["items"]
    assert kinds and all("_" not in k["label"] for k in kinds)
    assert all(not re.search(r"\[\d", h["snippet"]) for h in data["hits"])
    assert "no results;" not in client.get("/search?q=clearence").text  # the no-results box says it once
    # about: the example names its country, not a file slug
    about = get_json(client, "/about.json")["example"]
    assert about["country"] and about["country"] in client.get("/about").text


@pytest.mark.parametrize(
    "url",
    [
        "/editions/99999999999999999999.json",
        "/compare/mng/2003/99999999999999999999.json",
        "/search.json?q=mine&edition=99999999999999999999",
        "/search.json?q=mine&from=99999999999999999999",
        "/index.php/publications/display?pqs_year=99999999999999999999&pqs_report=paraguay",
    ],
)
def test_years_out_of_range_are_a_400_not_a_500(client: httpx.Client, url: str) -> None:
    r = client.get(url, follow_redirects=False)
    assert r.status_code == 400, r.text[:200]


def test_a_database_upgraded_under_the_server_is_read_again_or_refused(tmp_path: Path) -> None:
    db = tmp_path / "up.db"
    conn = store.connect(db)
    store.save_report(conn, hostile_report(), HOSTILE_ID)
    notes = store.load_report(conn, HOSTILE_ID).to_dict()["footnotes"]
    # as schema version 3 stored it: the notes in data as well
    conn.execute("UPDATE reports SET data = json_set(data, '$.footnotes', json(?))", (json.dumps(notes),))
    conn.execute("PRAGMA user_version = 3")
    conn.close()
    url = f"/reports/{HOSTILE_ID}.json"
    texts = [(n["number"], n["text"], len(n["citations"])) for n in notes]

    def shown(c: httpx.Client) -> list[tuple[int, str, int]]:
        return [(n["number"], n["text"], len(n["citations"])) for n in c.get(url).json()["notes"]]

    with LiveServer(create_app(db)) as server, httpx.Client(base_url=server.url, timeout=20) as c:
        assert shown(c) == texts
        store.connect(db).close()  # an ingest of this version upgrades it while the server runs
        assert (
            sqlite3.connect(db)
            .execute("SELECT json_array_length(data, '$.footnotes') FROM reports")
            .fetchone()[0]
            == 0
        )
        assert shown(c) == texts  # read from their tables now
        writer = sqlite3.connect(db)  # then a newer landmine-monitor upgrades it again
        writer.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
        writer.close()
        r = c.get(url)
        assert r.status_code == 503
        assert "newer than this landmine-monitor knows" in r.json()["error"]["message"]
        assert c.get(f"/reports/{HOSTILE_ID}").status_code == 503
