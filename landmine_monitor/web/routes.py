"""The routes: each page as HTML and as its JSON twin (`/x` and `/x.json`), built from one view dict.

JSON routes are registered before their HTML twins so `/reports/{id}.json` is never read as an id.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from ..errors import NotFound
from ..store import sources as source_queries
from . import legacy, render, urls, views
from .cache import VersionCache
from .compare_view import compare_page
from .facts_view import FACT_COLUMNS, facts_page
from .search_view import CSV_COLUMNS, MAX_PER_PAGE, PER_PAGE, SearchParams, csv_rows, search_page

router = APIRouter(tags=["api"])  # the HTML pages are left out of the OpenAPI description


def get_conn(request: Request) -> sqlite3.Connection:
    conn: sqlite3.Connection = request.app.state.db.connection()
    return conn


def get_db_path(request: Request) -> Path:
    path: Path = request.app.state.db.path
    return path


def get_cache(request: Request) -> VersionCache:
    cache: VersionCache = request.app.state.cache
    return cache


Conn = Annotated[sqlite3.Connection, Depends(get_conn)]
Cache = Annotated[VersionCache, Depends(get_cache)]
SourcePage = Annotated[int, Query(ge=1, le=100_000, description="Registry page, from 1")]
SourceKind = Annotated[str | None, Query(description="Only this kind, e.g. email or un_document")]
Year = Annotated[int, PathParam(description="Edition year, e.g. 2004")]
ReportId = Annotated[str, PathParam(description="Report id, e.g. mng-2004")]
Code = Annotated[str, PathParam(description="Country: ISO code (mng) or name")]
SourceId = Annotated[str, PathParam(description="Source id, e.g. src_0123456789ab")]


@router.get("/index.json", summary="Home: editions, countries, archive size")
def home_json(conn: Conn, cache: Cache) -> Response:
    return render.as_json(cache.get("home", lambda: views.home_page(conn)))


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
def home(conn: Conn, cache: Cache) -> Response:
    return render.html("home.html", cache.get("home", lambda: views.home_page(conn)))


@router.get("/editions/{year}.json", summary="An edition's table of contents, by region")
def edition_json(year: Year, conn: Conn, cache: Cache) -> Response:
    return render.as_json(cache.get(("edition", year), lambda: views.edition_page(conn, year)))


@router.get("/editions/{year}", response_class=HTMLResponse, include_in_schema=False)
def edition(year: int, conn: Conn, cache: Cache) -> Response:
    return render.html("edition.html", cache.get(("edition", year), lambda: views.edition_page(conn, year)))


@router.get("/reports/{report_id}.json", summary="A report: sections, paragraphs, notes, citations")
def report_json(report_id: ReportId, conn: Conn) -> Response:
    return render.as_json(views.report_page(conn, report_id))


@router.get("/reports/{report_id}", response_class=HTMLResponse, include_in_schema=False)
def report(report_id: str, conn: Conn) -> Response:
    return render.html("report.html", views.report_page(conn, report_id))


def _country_code(conn: sqlite3.Connection, code: str) -> str:
    iso3 = legacy.country_code(conn, code)
    if iso3 is None:
        raise NotFound(f"the archive holds no country {code!r}")
    return iso3


@router.get("/countries/{code}.json", summary="A country: timeline, latest per topic, facts")
def country_json(code: Code, conn: Conn, cache: Cache) -> Response:
    iso3 = _country_code(conn, code)
    return render.as_json(cache.get(("country", iso3), lambda: views.country_page(conn, iso3)))


@router.get("/countries/{code}/facts.json", summary="Every fact of a country, with provenance")
def country_facts_json(code: Code, conn: Conn, cache: Cache) -> Response:
    iso3 = _country_code(conn, code)
    return render.as_json(cache.get(("facts", iso3), lambda: facts_page(conn, iso3)))


@router.get("/countries/{code}/facts.csv", summary="Every fact of a country, as CSV")
def country_facts_csv(code: Code, conn: Conn, cache: Cache) -> Response:
    iso3 = _country_code(conn, code)
    page = cache.get(("facts", iso3), lambda: facts_page(conn, iso3))
    return render.as_csv(page["facts"], FACT_COLUMNS, f"{iso3.lower()}-facts.csv")


@router.get("/countries/{code}", response_class=HTMLResponse, include_in_schema=False)
def country(code: str, conn: Conn, cache: Cache) -> Response:
    iso3 = _country_code(conn, code)
    if code != iso3.lower():
        return RedirectResponse(urls.country(iso3), status_code=301)
    return render.html("country.html", cache.get(("country", iso3), lambda: views.country_page(conn, iso3)))


def search_params(
    q: Annotated[
        str, Query(max_length=10_000, description='Words, "phrases", AND/OR/NOT, prefix*, NEAR/n')
    ] = "",
    country: Annotated[str | None, Query(description="Country code or name")] = None,
    edition: Annotated[int | None, Query(description="Only this edition (year)")] = None,
    year_from: Annotated[int | None, Query(alias="from", description="Editions from this year")] = None,
    year_to: Annotated[int | None, Query(alias="to", description="Editions up to this year")] = None,
    topic: Annotated[str | None, Query(description="Topic code, e.g. casualties or mine_action")] = None,
    kind: Annotated[str | None, Query(description="Source kind of the notes cited")] = None,
    sort: Annotated[
        str, Query(pattern="^(relevance|edition)$", description="relevance, or edition (newest first)")
    ] = "relevance",
    page: Annotated[int, Query(ge=1, le=10_000, description="Result page, from 1")] = 1,
    limit: Annotated[int, Query(ge=1, le=MAX_PER_PAGE, description="Results a page")] = PER_PAGE,
    more: Annotated[
        str | None, Query(description="List this facet in full: country, edition, topic or source_kind")
    ] = None,
) -> SearchParams:
    return SearchParams(
        q, country or None, edition, year_from, year_to, topic or None, kind or None, sort, page, limit, more
    )


Params = Annotated[SearchParams, Depends(search_params)]


@router.get("/search.json", summary="Search paragraphs, notes and titles, with facets")
def search_json(params: Params, request: Request) -> Response:
    page = search_page(get_db_path(request), params)
    return render.as_json(page, page["status"])


@router.get("/search.csv", summary="Search results as CSV")
def search_csv(params: Params, request: Request) -> Response:
    page = search_page(get_db_path(request), params)
    if page["status"] != 200:
        return render.error(request.url.path, page["status"], page["message"])
    return render.as_csv(csv_rows(page), CSV_COLUMNS, "search.csv")


@router.get("/search", response_class=HTMLResponse, include_in_schema=False)
def search(params: Params, request: Request) -> Response:
    page = search_page(get_db_path(request), params)
    return render.html("search.html", page, page["status"])


SOURCES_PER_PAGE = 100


def _sources_page(
    conn: sqlite3.Connection, cache: VersionCache, kind: str | None, page: int
) -> dict[str, Any]:
    return cache.get(("sources", kind, page), lambda: views.sources_page(conn, kind, page, SOURCES_PER_PAGE))


@router.get("/sources.json", summary="The source registry with citation counts, 100 a page")
def sources_json(conn: Conn, cache: Cache, kind: SourceKind = None, page: SourcePage = 1) -> Response:
    return render.as_json(_sources_page(conn, cache, kind or None, page))


@router.get("/sources.csv", summary="The whole source registry as CSV")
def sources_csv(conn: Conn, cache: Cache, kind: SourceKind = None) -> Response:
    kind = kind or None
    rows = cache.get(("sources.csv", kind), lambda: source_queries.list_sources(conn, kind=kind))
    return render.as_csv(rows, source_queries.REGISTRY_COLUMNS, "sources.csv")


@router.get("/sources", response_class=HTMLResponse, include_in_schema=False)
def sources(conn: Conn, cache: Cache, kind: str | None = None, page: SourcePage = 1) -> Response:
    return render.html("sources.html", _sources_page(conn, cache, kind or None, page))


@router.get("/sources/{source_id}.json", summary="A source and every place it is cited")
def source_json(source_id: SourceId, conn: Conn) -> Response:
    return render.as_json(views.source_page(conn, source_id))


@router.get("/sources/{source_id}", response_class=HTMLResponse, include_in_schema=False)
def source(source_id: str, conn: Conn) -> Response:
    return render.html("source.html", views.source_page(conn, source_id))


@router.get("/compare/{code}/{a}/{b}.json", summary="Two editions of a country's report compared")
def compare_json(code: Code, a: Year, b: Year, conn: Conn) -> Response:
    return render.as_json(compare_page(conn, _country_code(conn, code), a, b))


@router.get("/compare/{code}/{a}/{b}", response_class=HTMLResponse, include_in_schema=False)
def compare(code: str, a: int, b: int, conn: Conn) -> Response:
    return render.html("compare.html", compare_page(conn, _country_code(conn, code), a, b))


@router.get("/about.json", summary="What the archive holds and how to cite it")
def about_json(conn: Conn, cache: Cache) -> Response:
    return render.as_json(cache.get("about", lambda: views.about_page(conn)))


@router.get("/about", response_class=HTMLResponse, include_in_schema=False)
def about(conn: Conn, cache: Cache) -> Response:
    return render.html("about.html", cache.get("about", lambda: views.about_page(conn)))


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def docs(request: Request) -> Response:
    return render.html("docs.html", views.docs_page(request.app.openapi()))


@router.get("/index.php/publications/display", include_in_schema=False)
def old_address(
    conn: Conn, url: str | None = None, pqs_year: int | None = None, pqs_report: str | None = None
) -> Response:
    return RedirectResponse(urls.report(legacy.old_address(conn, url, pqs_year, pqs_report)), status_code=301)
