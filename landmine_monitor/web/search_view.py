"""The search page: calls landmine_monitor.search.search and shapes hits, facets and pagination."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from ..errors import MonitorError
from . import urls
from .text import plain, safe_snippet, source_kind_label, topic_label

PER_PAGE = 20
FACET_SHOWN = 10  # values per facet before a "show all" link (more=FACET shows them all)
MAX_PER_PAGE = 100
SORTS = ("relevance", "edition")
# facet name in the engine's result -> the filter parameter it sets
FACET_PARAMS = {"country": "country", "edition": "edition", "topic": "topic", "source_kind": "kind"}
FACET_TITLES = {"country": "Country", "edition": "Edition", "topic": "Topic", "source_kind": "Source kind"}
LABELS = {"topic": topic_label, "source_kind": source_kind_label}
CSV_COLUMNS = ("report", "country", "edition", "section", "topics", "anchor", "url", "snippet", "score")

INDEX_MISSING = (
    "Search is not available: the search index is missing (or was built by another version);"
    " run `landmine-monitor reindex` on the server."
)
SYNTAX = [
    ("mines clearance", "both words (stemmed: mine matches mines)"),
    ('"mine action center"', "the exact phrase"),
    ("POMZ OR PMN", "either word"),
    ("mines NOT Angola", "leave out paragraphs with a word"),
    ("prosthe*", "words starting with prosthe"),
    ("mines NEAR/5 border", "words within 5 words of each other"),
]


class NoIndex(Exception):
    """The search index beside the database is missing or of another version."""


@dataclass
class SearchParams:
    q: str = ""
    country: str | None = None
    edition: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    topic: str | None = None
    kind: str | None = None
    sort: str = "relevance"
    page: int = 1
    limit: int = PER_PAGE
    more: str | None = None

    def filters(self) -> dict[str, Any]:
        d = self.__dict__
        return {k: d[k] for k in ("country", "edition", "year_from", "year_to", "topic", "kind") if d[k]}

    def url(self, fmt: str = "", /, **change: Any) -> str:
        d = {**self.__dict__, **change}
        q = d.pop("q")
        d["from"], d["to"] = d.pop("year_from"), d.pop("year_to")
        d["sort"] = None if d["sort"] == "relevance" else d["sort"]
        d["page"] = None if d["page"] == 1 else d["page"]
        d["limit"] = None if d["limit"] == PER_PAGE else d["limit"]
        d["more"] = d["more"] if d["more"] in FACET_PARAMS else None
        return urls.search(q, fmt, **d)


def _engine_search(db: Path, p: SearchParams, limit: int, offset: int) -> dict[str, Any]:
    from .. import search as engine  # here: a missing engine (ImportError) is a 503, not a crash
    from ..search.index import IndexMissing

    try:
        found = engine.search(db, p.q, **p.filters(), limit=limit, offset=offset, sort=p.sort, readonly=True)
    except IndexMissing as e:  # the web process never builds it: it opens the database read-only
        raise NoIndex(str(e)) from e
    return dict(found)


def _facet_item(item: Any) -> tuple[str, str, int]:
    """(value, label, count) from a facet entry, whether the engine gives dicts or (value, count) pairs."""
    if isinstance(item, dict):
        value = item.get("value", item.get("key", item.get("iso3", item.get("name"))))
        label = item.get("label") or item.get("name") or value
        return str(value), str(label), int(item.get("count", 0))
    value, count = item[0], item[1]
    return str(value), str(value), int(count)


def _facet(name: str, entries: list[Any], p: SearchParams) -> dict[str, Any]:
    param = FACET_PARAMS[name]
    current = str(getattr(p, param) or "").lower()
    base = p.url(**{param: None, "page": 1})
    base += "&" if "?" in base else "?"
    values = [_facet_item(e) for e in entries]
    shown = (
        values
        if p.more == name
        else [v for i, v in enumerate(values) if i < FACET_SHOWN or v[0].lower() == current]
    )
    items = []
    for value, label, count in shown:
        checked = bool(current) and current == value.lower()
        items.append(
            {
                "value": value,
                "label": LABELS[name](value) if name in LABELS else label,
                "count": count,
                "checked": checked,
                "url": base[:-1] if checked else base + urlencode({param: value}),
            }
        )
    hidden = len(values) - len(shown)
    return {
        "name": name,
        "param": param,
        "title": FACET_TITLES[name],
        "items": items,
        "hidden": hidden,
        "more_url": p.url(more=name) if hidden else None,
    }


def _facets(raw: dict[str, Any], p: SearchParams) -> list[dict[str, Any]]:
    return [_facet(name, list(raw.get(name) or []), p) for name in FACET_PARAMS]


def _hit(h: dict[str, Any]) -> dict[str, Any]:
    anchor = h.get("anchor")
    section = h.get("heading") or h.get("section")
    where = [str(h.get("country_name") or h.get("country") or h.get("report"))]
    where += [str(h["edition"])] if h.get("edition") else []
    if isinstance(section, str):
        where.append(section)
    elif h.get("kind") == "footnote" and h.get("footnote") is not None:
        where.append(f"note {h['footnote']}")
    elif h.get("kind") == "title":
        where.append("title")
    return {
        **h,
        "label": " · ".join(where),
        "snippet": safe_snippet(str(h.get("snippet") or "")),
        "url": urls.report(h["report"], anchor=anchor),
        "topic_labels": [topic_label(t) for t in h.get("topics") or []],
    }


def _pages(p: SearchParams, total: int) -> dict[str, Any]:
    pages = max(1, -(-total // p.limit))
    window = range(max(1, p.page - 3), min(pages, p.page + 3) + 1)
    return {
        "page": p.page,
        "pages": pages,
        "first": (p.page - 1) * p.limit + 1,
        "previous_url": p.url(page=p.page - 1) if p.page > 1 else None,
        "next_url": p.url(page=p.page + 1) if p.page < pages else None,
        "links": [{"page": n, "url": p.url(page=n), "current": n == p.page} for n in window],
    }


def search_page(db: Path, p: SearchParams) -> dict[str, Any]:
    """Hits, facets (each cut to FACET_SHOWN values unless p.more names it), pagination, suggestions."""
    result: dict[str, Any] = {"total": 0, "hits": [], "facets": {}, "suggestions": [], "message": None}
    status = 200
    if p.q.strip() or p.filters():
        try:
            result = _engine_search(db, p, p.limit, (p.page - 1) * p.limit)
        except ImportError:
            result["message"] = "Search is not available: the search engine is not installed."
            status = 503
        except NoIndex:
            result["message"] = INDEX_MISSING
            status = 503
        except MonitorError as e:  # a filter or option the engine cannot use
            result["message"] = str(e)
            status = 400
    return {
        "page": "search",
        "title": f"Search: {p.q}" if p.q else "Search",
        "urls": {"html": p.url(), "json": p.url("json"), "csv": p.url("csv", page=1, limit=MAX_PER_PAGE)},
        "status": status,
        "query": p.q,
        "filters": p.filters(),
        "sort": p.sort,
        "sorts": [{"value": s, "url": p.url(sort=s, page=1), "current": s == p.sort} for s in SORTS],
        "total": int(result.get("total") or 0),
        "hits": [_hit(h) for h in result.get("hits") or []],
        "facets": _facets(result.get("facets") or {}, p),
        "suggestions": [{"text": s, "url": p.url(q=s, page=1)} for s in result.get("suggestions") or []],
        "message": result.get("message"),
        "pagination": _pages(p, int(result.get("total") or 0)),
        "syntax": [{"example": e, "meaning": m} for e, m in SYNTAX],
        "clear_filters_url": urls.search(p.q) if p.filters() else None,
    }


def csv_rows(page: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        {
            **{k: h.get(k) for k in CSV_COLUMNS},
            "snippet": plain(h["snippet"]),
            "topics": " ".join(h["topics"] or []),
        }
        for h in page["hits"]
    ]
