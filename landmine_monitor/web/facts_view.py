"""A country's facts for the web: overview table (latest value per indicator), conflicts, SVG chart data.

Charts are plain coordinates; the template draws them as inline SVG.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..store import web as queries
from . import urls
from .text import indicator_label

CHART_W, CHART_H, PAD = 360, 140, 28
FACT_COLUMNS = (
    "report_id",
    "edition",
    "indicator",
    "value",
    "year",
    "date",
    "unit",
    "qualifier",
    "anchor",
    "url",
    "sentence",
    "footnotes",
)


def fact_rows(conn: sqlite3.Connection, iso3: str) -> list[dict[str, Any]]:
    """Every fact of a country with a link to the paragraph it was read from."""
    out = []
    for f in queries.country_facts(conn, iso3):
        anchor = None
        if f["section_ord"] is not None and f["paragraph_ord"] is not None:
            anchor = f"p-{f['section_ord'] + 1}-{f['paragraph_ord'] + 1}"
        out.append({**f, "anchor": anchor, "url": urls.report(f["report_id"], anchor=anchor)})
    return out


def _label(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int | float):
        return f"{value:,}"
    return str(value).replace("_", " ")


def _earlier(facts: list[dict[str, Any]]) -> list[str]:
    """Earlier values, newest first, each once with the years (or editions) that gave it: "3 (2003)"."""
    whens: dict[str, list[str]] = {}
    for f in reversed(facts):
        when = str(f["year"]) if f["year"] else f"edition {f['edition']}"
        seen = whens.setdefault(_label(f["value"]), [])
        if when not in seen:
            seen.append(when)
    return [f"{value} ({', '.join(sorted(w))})" for value, w in whens.items()]


def overview(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per indicator: the newest value (newest edition, then newest year), with its source and earlier values."""
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_indicator.setdefault(r["indicator"], []).append(r)
    table = []
    for indicator, facts in sorted(by_indicator.items()):
        facts.sort(key=lambda f: (f["edition"] or 0, f["year"] or 0))
        latest = facts[-1]
        newest = [f for f in facts if (f["edition"], f["year"]) == (latest["edition"], latest["year"])]
        values = sorted({_label(f["value"]) for f in newest})
        earlier = _earlier([f for f in facts if f not in newest])
        table.append(
            {
                "indicator": indicator,
                "label": indicator_label(indicator),
                "value": ", ".join(values),
                "unit": latest["unit"],
                "year": latest["year"],
                "edition": latest["edition"],
                "url": latest["url"],
                "sentence": latest["sentence"],
                "footnotes": latest["footnotes"],
                "earlier_values": earlier,
            }
        )
    return table


def charts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A line chart per numeric indicator with at least two points (x: the fact's year, else its edition)."""
    series: dict[str, dict[int, float]] = {}
    for r in rows:
        v = r["value"]
        if isinstance(v, bool) or not isinstance(v, int | float):
            continue
        x = r["year"] or r["edition"]
        if x is not None:
            series.setdefault(r["indicator"], {})[int(x)] = float(v)
    return [_chart(k, sorted(pts.items())) for k, pts in sorted(series.items()) if len(pts) >= 2]


def _chart(indicator: str, points: list[tuple[int, float]]) -> dict[str, Any]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y1 = min(xs), max(xs), max(max(ys), 1.0)
    sx = (CHART_W - 2 * PAD) / max(x1 - x0, 1)
    sy = (CHART_H - 2 * PAD) / y1
    pts = [
        {
            "x": round(PAD + (x - x0) * sx, 1),
            "y": round(CHART_H - PAD - y * sy, 1),
            "year": x,
            "value": _label(y),
        }
        for x, y in points
    ]
    return {
        "indicator": indicator,
        "label": indicator_label(indicator),
        "width": CHART_W,
        "height": CHART_H,
        "baseline": CHART_H - PAD,
        "left": PAD,
        "right": CHART_W - PAD,
        "max_label": _label(y1),
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in pts),
        "points": pts,
    }


def facts_block(conn: sqlite3.Connection, iso3: str) -> dict[str, Any]:
    rows = fact_rows(conn, iso3)
    return {
        "count": len(rows),
        "overview": overview(rows),
        "charts": charts(rows),
        "json_url": urls.country_facts(iso3, "json"),
        "csv_url": urls.country_facts(iso3, "csv"),
    }


def facts_page(conn: sqlite3.Connection, iso3: str) -> dict[str, Any]:
    c = queries.country(conn, iso3)
    country_name = c["name"] if c else iso3.upper()
    rows = fact_rows(conn, iso3)
    return {
        "page": "facts",
        "title": f"{country_name}: facts",
        "iso3": iso3.upper(),
        "name": country_name,
        "urls": {"html": urls.country(iso3), "json": urls.country_facts(iso3, "json")},
        "overview": overview(rows),
        "facts": rows,
    }
