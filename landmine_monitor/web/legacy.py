"""Old Monitor addresses and loose country names, resolved to our pages.

/index.php/publications/display?url=lm/2004/north_korea.html
/index.php/publications/display?pqs_year=2005&pqs_report=burma
"""

from __future__ import annotations

import re
import sqlite3

from .. import store
from ..errors import NotFound
from ..store import archive
from ..store import web as queries

_OLD_URL = re.compile(r"lm/(\d{4})/(?:[\w-]+/)*([\w-]+?)(?:\.html?|\.php)?$", re.I)


def _resolve_iso3(name: str) -> str | None:
    try:
        from ..countries import resolve
    except ImportError:
        return None
    country = resolve(name)
    return country.iso3 if country else None


def report_for(conn: sqlite3.Connection, edition: int, slug: str) -> str | None:
    """Our report for an edition and an old page slug (`north_korea`, `burma`)."""
    rid = archive.report_by_source_url(conn, edition, slug)
    if rid:
        return rid
    iso3 = _resolve_iso3(slug.replace("_", " ").replace("-", " "))
    return store.find_report(conn, iso3, edition) if iso3 else None


def old_address(conn: sqlite3.Connection, url: str | None, year: int | None, report: str | None) -> str:
    """The report id an old Monitor address names; NotFound with the reason otherwise."""
    if url:
        m = _OLD_URL.search(url.strip())
        if not m:
            raise NotFound(f"{url!r} is not an old Monitor report address (expected lm/YEAR/country.html)")
        year, report = int(m.group(1)), m.group(2)
    if year is None or not report:
        raise NotFound("an old Monitor address needs url=lm/YEAR/country.html or pqs_year and pqs_report")
    rid = report_for(conn, year, report)
    if rid is None:
        raise NotFound(f"the archive holds no report {report!r} of the {year} edition")
    return rid


def country_code(conn: sqlite3.Connection, code: str) -> str | None:
    """The ISO code a /countries/ address means: a code in any case, or a known name ("north-korea")."""
    if queries.country(conn, code) is not None:
        return code.upper()
    iso3 = _resolve_iso3(code.replace("-", " ").replace("_", " "))
    return iso3 if iso3 and queries.country(conn, iso3) is not None else None
