"""The compare page: two editions of one country's report through landmine_monitor.compare."""

from __future__ import annotations

import sqlite3
from typing import Any

from .. import store
from ..errors import NotFound
from ..store import web as queries
from . import urls
from .text import topic_label


def _report_id(conn: sqlite3.Connection, iso3: str, name: str, edition: int) -> str:
    rid = store.find_report(conn, iso3, edition)
    if rid is None:
        raise NotFound(f"the archive holds no report for {name} in edition {edition}")
    return rid


def _link(rid: str, anchor: str | None) -> str | None:
    return urls.report(rid, anchor=anchor) if anchor else None


def compare_page(conn: sqlite3.Connection, iso3: str, a: int, b: int) -> dict[str, Any]:
    c = queries.country(conn, iso3)
    if c is None:
        raise NotFound(f"the archive holds no country with code {iso3.upper()!r}")
    a, b = min(a, b), max(a, b)
    rid_a, rid_b = _report_id(conn, c["iso3"], c["name"], a), _report_id(conn, c["iso3"], c["name"], b)
    from ..compare import compare_reports

    result = compare_reports(store.load_report(conn, rid_a), store.load_report(conn, rid_b))
    changes = [
        {
            **ch,
            "topic_label": topic_label(ch.get("topic") or "other"),
            "url_a": _link(rid_a, ch.get("anchor_a")),
            "url_b": _link(rid_b, ch.get("anchor_b")),
        }
        for ch in result.get("changes", [])
    ]
    topics = [{**t, "label": topic_label(t["topic"])} for t in result.get("topics", [])]
    return {
        "page": "compare",
        "title": f"{c['name']}: {a} and {b} compared",
        "urls": {"html": urls.compare(c["iso3"], a, b), "json": urls.compare(c["iso3"], a, b, "json")},
        **result,
        "country": {"iso3": c["iso3"], "name": c["name"], "url": urls.country(c["iso3"])},
        "report_a": {"id": rid_a, "edition": a, "url": urls.report(rid_a)},
        "report_b": {"id": rid_b, "edition": b, "url": urls.report(rid_b)},
        "topics": topics,
        "changes": changes,
    }
