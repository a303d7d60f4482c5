"""A country's facts for the web: overview table, conflicts between editions, SVG chart coordinates.

The profile itself (latest value per indicator, series, conflicts) comes from landmine_monitor.facts.profile
over the rows of landmine_monitor.store.facts; this module adds links, labels and chart geometry.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from ..facts import profile
from ..store import facts as fact_queries
from . import urls
from .text import indicator_label, readable_units

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
    return [
        {**f, "url": urls.report(f["report_id"], anchor=f["anchor"])}
        for f in fact_queries.country_facts(conn, iso3)
    ]


def charts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A line chart per numeric series with at least two distinct x (the fact's year, else its edition)."""
    out = []
    for s in profile.series(rows):
        if not s["numeric"]:
            continue
        points: dict[int, float] = {}
        for p in s["points"]:
            if p["x"] is not None:
                points[int(p["x"])] = float(p["value"])  # a later edition's figure for a year wins
        if len(points) >= 2:
            out.append(_chart(s["indicator"], s["unit"], sorted(points.items())))
    return out


def _number(v: float) -> str:
    return f"{int(v):,}" if v.is_integer() else f"{v:,}"


def _chart(indicator: str, unit: str | None, points: list[tuple[int, float]]) -> dict[str, Any]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1, y1 = min(xs), max(xs), max(max(ys), 1.0)
    sx = (CHART_W - 2 * PAD) / max(x1 - x0, 1)
    sy = (CHART_H - 2 * PAD) / y1
    pts = [
        {
            "x": round(PAD + (x - x0) * sx, 1),
            "y": round(CHART_H - PAD - y * sy, 1),
            "year": x,
            "value": _number(y),
        }
        for x, y in points
    ]
    label = indicator_label(indicator)
    if unit and unit != "USD" and unit.lower() not in label.lower():  # "Funding (US$)" names its unit
        label += f" ({readable_units(unit)})"
    return {
        "indicator": indicator,
        "unit": unit,
        "label": label,
        "width": CHART_W,
        "height": CHART_H,
        "baseline": CHART_H - PAD,
        "left": PAD,
        "right": CHART_W - PAD,
        "polyline": " ".join(f"{p['x']},{p['y']}" for p in pts),
        "points": pts,
    }


def _conflicts(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**c, "label": indicator_label(c["indicator"])} for c in profile.conflicts(rows)]


def facts_block(conn: sqlite3.Connection, iso3: str) -> dict[str, Any]:
    rows = fact_rows(conn, iso3)
    return {
        "count": len(rows),
        "overview": [{**o, "label": indicator_label(o["indicator"])} for o in profile.overview_table(rows)],
        "conflicts": _conflicts(rows),
        "charts": charts(rows),
        "json_url": urls.country_facts(iso3, "json"),
        "csv_url": urls.country_facts(iso3, "csv"),
    }


def facts_page(conn: sqlite3.Connection, iso3: str) -> dict[str, Any]:
    rows = fact_rows(conn, iso3)
    name = rows[0]["country"] if rows and rows[0].get("country") else iso3.upper()
    return {
        "page": "facts",
        "title": f"{name}: facts",
        "iso3": iso3.upper(),
        "name": name,
        "urls": {"html": urls.country(iso3), "json": urls.country_facts(iso3, "json")},
        "overview": [{**o, "label": indicator_label(o["indicator"])} for o in profile.overview_table(rows)],
        "conflicts": _conflicts(rows),
        "facts": rows,
    }
