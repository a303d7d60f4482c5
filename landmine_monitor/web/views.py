"""Page builders: each returns the dict that both the HTML page and its JSON twin are made from.

Views read the core and the store (never the request); templates only format these dicts.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from .. import store
from ..errors import NotFound
from ..model import Report, note_anchor, paragraph_anchor
from ..store import archive
from ..store import sources as source_queries
from ..store import web as queries
from . import urls
from .regions import REGIONS, region
from .text import kind_label, segments, shorten, topic_label

COUNTRY_KINDS = ("country_report", "country_profile")


def _page(page: str, title: str, html: str, json: str, /, **rest: Any) -> dict[str, Any]:
    return {"page": page, "title": title, "urls": {"html": html, "json": json}, **rest}


def home_page(conn: sqlite3.Connection) -> dict[str, Any]:
    editions = [{**e, "url": urls.edition(e["year"])} for e in archive.list_editions(conn)]
    countries = [
        {**c, "url": urls.country(c["iso3"])} for c in archive.list_countries(conn) if c["reports"] > 0
    ]
    return _page(
        "home",
        "Landmine Monitor archive",
        urls.home(),
        urls.home("json"),
        stats=archive.stats(conn),
        editions=editions,
        countries=countries,
        search_url=urls.search(),
    )


def _report_entry(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": r["id"],
        "kind": r["kind"],
        "kind_label": kind_label(r["kind"]),
        "iso3": r["iso3"],
        "country": r["country"],
        "edition": r["edition"],
        "title": r["title"] or r["country"] or r["id"],
        "paragraphs": r["paragraphs"],
        "footnotes": r["footnotes"],
        "url": urls.report(r["id"]),
    }


def edition_page(conn: sqlite3.Connection, year: int) -> dict[str, Any]:
    if not queries.edition_exists(conn, year):
        raise NotFound(f"the archive holds no edition {year}")
    rows = [_report_entry(r) for r in archive.list_reports(conn, edition=year)]
    countries = sorted((r for r in rows if r["kind"] in COUNTRY_KINDS), key=lambda r: r["country"] or r["id"])
    by_region: dict[str, list[dict[str, Any]]] = {}
    for r in countries:
        by_region.setdefault(region(r["iso3"]), []).append({**r, "region": region(r["iso3"])})
    regions = [{"region": name, "reports": by_region[name]} for name in REGIONS if name in by_region]
    years = [e["year"] for e in archive.list_editions(conn)]
    i = years.index(year)
    return _page(
        "edition",
        f"Landmine Monitor Report {year}",
        urls.edition(year),
        urls.edition(year, "json"),
        year=year,
        reports=len(rows),
        countries=len({r["iso3"] for r in countries}),
        regions=regions,
        other=[r for r in rows if r["kind"] not in COUNTRY_KINDS],
        previous={"year": years[i - 1], "url": urls.edition(years[i - 1])} if i > 0 else None,
        next={"year": years[i + 1], "url": urls.edition(years[i + 1])} if i + 1 < len(years) else None,
    )


def _notes(report: Report, cited_in: dict[int, list[str]], labels: dict[str, str]) -> list[dict[str, Any]]:
    out = []
    for f in report.footnotes:
        citations = [
            {
                "kind": c.kind,
                "text": c.text,
                "date": c.date,
                "source_id": c.source_id,
                "source_label": labels.get(c.source_id) if c.source_id else None,
                "source_url": urls.source(c.source_id) if c.source_id else None,
                "links": [u for u in (urls.external(x) for x in c.urls) if u],
            }
            for c in f.citations
        ]
        out.append(
            {
                "number": f.number,
                "anchor": note_anchor(f.number),
                "text": f.text,
                "citations": citations,
                "cited_in": [{"anchor": a, "url": f"#{a}"} for a in cited_in.get(f.number, [])],
            }
        )
    return out


def _source_ids(report: Report) -> list[str]:
    return sorted({c.source_id for f in report.footnotes for c in f.citations if c.source_id})


def _sections(report: Report, notes: set[int], cited_in: dict[int, list[str]]) -> list[dict[str, Any]]:
    sections = []
    for si, s in enumerate(report.sections):
        paragraphs = []
        for pi, p in enumerate(s.paragraphs):
            anchor = paragraph_anchor(si, pi)
            for n in p.footnotes:
                cited_in.setdefault(n, []).append(anchor)
            paragraphs.append(
                {
                    "anchor": anchor,
                    "text": p.text,
                    "footnotes": p.footnotes,
                    "segments": segments(p.text, notes),
                }
            )
        labels = [topic_label(t) for t in s.topics]
        sections.append(
            {
                "ord": si,
                "anchor": f"s-{si + 1}",
                "heading": s.heading,
                "display_heading": s.heading or " / ".join(labels) or "Untitled section",
                "topics": [{"topic": t, "label": topic_label(t)} for t in s.topics],
                "level": s.level,
                "inferred": s.inferred,
                "paragraphs": paragraphs,
            }
        )
    return sections


def report_page(conn: sqlite3.Connection, rid: str) -> dict[str, Any]:
    row = archive.report_row(conn, rid)
    if row is None:
        raise NotFound(f"no report with id {rid!r}")
    report = store.load_report(conn, rid)
    notes = {f.number for f in report.footnotes}
    cited_in: dict[int, list[str]] = {}
    sections = _sections(report, notes, cited_in)
    nb = queries.neighbour_reports(conn, rid)
    prev, nxt = nb["previous"], nb["next"]
    iso3 = row["iso3"]
    return _page(
        "report",
        report.title or f"{row['country'] or rid} {row['edition'] or ''}".strip(),
        urls.report(rid),
        urls.report(rid, "json"),
        id=rid,
        kind=row["kind"],
        kind_label=kind_label(row["kind"]),
        country={"iso3": iso3, "name": row["country"], "url": urls.country(iso3)} if iso3 else None,
        edition={"year": row["edition"], "url": urls.edition(row["edition"])} if row["edition"] else None,
        source={"path": row["source_path"], "url": urls.external(row["source_url"]), "sha256": row["sha256"]},
        key_developments=[
            {"since": k.since, "text": k.text, "segments": segments(k.text, notes)}
            for k in report.key_developments
        ],
        sections=sections,
        notes=_notes(report, cited_in, source_queries.source_labels(conn, _source_ids(report))),
        overview=[{"key": o.key, "value": o.value} for o in report.overview],
        warnings=[{"code": w.code, "message": w.message} for w in report.warnings],
        previous={**prev, "url": urls.report(prev["id"])} if prev else None,
        next={**nxt, "url": urls.report(nxt["id"])} if nxt else None,
        compare_url=urls.compare(iso3, prev["edition"], row["edition"]) if prev and iso3 else None,
    )


def country_page(conn: sqlite3.Connection, iso3: str) -> dict[str, Any]:
    c = queries.country(conn, iso3)
    if c is None:
        raise NotFound(f"the archive holds no country with code {iso3.upper()!r}")
    timeline = [_report_entry(r) for r in archive.country_editions(conn, c["iso3"])]
    latest = [
        {
            "topics": [{"topic": t, "label": topic_label(t)} for t in r["topics"]],
            "heading": r["heading"],
            "edition": r["edition"],
            "text": shorten(r["text"]),
            "url": urls.report(r["report_id"], anchor=r["anchor"]),
        }
        for r in archive.latest_by_topic(conn, c["iso3"])
        if set(r["topics"]) - {"other"}  # an untitled "other" section (drafting notes, chrome) says nothing
    ]
    from .facts_view import facts_block

    return _page(
        "country",
        c["name"],
        urls.country(c["iso3"]),
        urls.country(c["iso3"], "json"),
        iso3=c["iso3"],
        name=c["name"],
        region=region(c["iso3"]),
        timeline=timeline,
        latest_by_topic=latest,
        facts=facts_block(conn, c["iso3"]),
    )


def sources_page(conn: sqlite3.Connection, kind: str | None, page: int, per_page: int) -> dict[str, Any]:
    """One page of the source registry, most cited first (only that page's sources are described)."""
    total = source_queries.count_sources(conn, kind=kind)
    rows = source_queries.list_sources(conn, kind=kind, limit=per_page, offset=(page - 1) * per_page)
    pages = max(1, -(-total // per_page))
    return _page(
        "sources",
        "Sources cited",
        urls.sources(kind=kind, page=page if page > 1 else None),
        urls.sources("json", kind=kind, page=page if page > 1 else None),
        kind=kind,
        kinds=[
            {**k, "url": urls.sources(kind=k["kind"]), "selected": k["kind"] == kind}
            for k in source_queries.source_kinds(conn)
        ],
        total=total,
        page=page,
        pages=pages,
        previous_url=urls.sources(kind=kind, page=page - 1) if page > 1 else None,
        next_url=urls.sources(kind=kind, page=page + 1) if page < pages else None,
        csv_url=urls.sources("csv", kind=kind),
        sources=[{**r, "url": urls.source(r["id"])} for r in rows],
    )


def _cited(place: dict[str, Any]) -> dict[str, Any]:
    rid = place["report_id"]
    return {
        **{k: place[k] for k in ("report_id", "iso3", "country", "edition", "kind", "text", "date")},
        "footnote_number": place["footnote"],
        "report_title": place["title"] or rid,
        "note_url": urls.report(rid, anchor=place["anchor"]),
        "paragraphs": [{"anchor": a, "url": urls.report(rid, anchor=a)} for a in place["paragraphs"]],
    }


def source_page(conn: sqlite3.Connection, source_id: str) -> dict[str, Any]:
    found = source_queries.get_source(conn, source_id)
    if found is None:
        raise NotFound(f"no source with id {source_id!r}")
    cited_in = found.pop("cited_in")
    return _page(
        "source",
        found["label"],
        urls.source(source_id),
        urls.source(source_id, "json"),
        source=found,
        citations=[_cited(c) for c in cited_in],
        sources_url=urls.sources(),
    )


def about_page(conn: sqlite3.Connection) -> dict[str, Any]:
    editions = archive.list_editions(conn)
    example = queries.example_paragraph(conn)
    return _page(
        "about",
        "About this archive",
        urls.about(),
        urls.about("json"),
        stats=archive.stats(conn),
        editions=[e["year"] for e in editions],
        example={**example, "url": urls.report(example["report_id"], anchor=example["anchor"])}
        if example
        else None,
        api={"openapi": urls.openapi(), "docs": urls.docs()},
    )


def docs_page(openapi: dict[str, Any]) -> dict[str, Any]:
    """The API documentation as a plain page (no CDN scripts): every JSON/CSV path with its parameters."""
    endpoints = []
    for path, methods in openapi.get("paths", {}).items():
        for method, op in methods.items():
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": bool(p.get("required")),
                    "type": (p.get("schema") or {}).get("type")
                    or " | ".join(str(x.get("type")) for x in (p.get("schema") or {}).get("anyOf", [])),
                    "description": p.get("description") or "",
                }
                for p in op.get("parameters", [])
            ]
            endpoints.append(
                {
                    "path": path,
                    "method": method.upper(),
                    "summary": op.get("summary", ""),
                    "parameters": params,
                }
            )
    info = openapi.get("info", {})
    return _page(
        "docs",
        "API documentation",
        urls.docs(),
        urls.openapi(),
        description=info.get("description", ""),
        version=info.get("version", ""),
        endpoints=endpoints,
    )
