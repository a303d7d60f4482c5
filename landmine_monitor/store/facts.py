"""Read queries for facts (issue 6): a country's facts with their provenance, and the whole archive's."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

import msgspec

from ..model import paragraph_anchor
from . import json_value

_SELECT = (
    "SELECT f.report_id, r.iso3, c.name AS country, r.edition, r.kind AS report_kind, r.source_path,"
    " r.source_url, f.ord, f.indicator, f.value, f.year, f.date, f.unit, f.qualifier, f.section_ord,"
    " f.paragraph_ord, f.sentence, f.footnotes"
    " FROM facts f JOIN reports r ON r.id = f.report_id LEFT JOIN countries c ON c.iso3 = r.iso3"
)
_ORDER = " ORDER BY r.iso3, r.edition, f.report_id, f.ord"


def country_facts(
    conn: sqlite3.Connection, iso3: str, indicators: Sequence[str] = ()
) -> list[dict[str, Any]]:
    """Every fact read from a country's reports, oldest edition first, optionally only some indicators."""
    sql = _SELECT + " WHERE r.iso3 = ?"
    params: list[Any] = [iso3.upper()]
    if indicators:
        sql += f" AND f.indicator IN ({', '.join('?' for _ in indicators)})"
        params.extend(indicators)
    return [_row(r) for r in conn.execute(sql + _ORDER, params)]


def all_facts(conn: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    """Every fact in the archive, country by country, with its provenance (streamed)."""
    for r in conn.execute(_SELECT + _ORDER):
        yield _row(r)


def indicators(conn: sqlite3.Connection) -> list[str]:
    """The indicators the archive holds facts for."""
    return [r[0] for r in conn.execute("SELECT DISTINCT indicator FROM facts ORDER BY indicator")]


_decode = msgspec.json.decode  # the same values as json.loads, in about a third of the time


def _row(r: sqlite3.Row) -> dict[str, Any]:
    d = dict(r)
    d["value"] = json_value(d["value"])
    d["footnotes"] = _decode(d["footnotes"])
    s, p = d["section_ord"], d["paragraph_ord"]
    d["anchor"] = paragraph_anchor(s, p) if s is not None and p is not None else None
    return d
