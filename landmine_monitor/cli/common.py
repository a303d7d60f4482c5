"""Helpers shared by the CLI modules: opening the database, resolving a country, printing tables."""

from __future__ import annotations

import csv
import json
import re
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import typer

from .. import store
from ..countries import by_iso3, resolve
from ..errors import MonitorError, NotFound
from ..model import Country
from ..store import archive


def open_db(db: Path, readonly: bool = True) -> sqlite3.Connection:
    if readonly and not db.exists():
        raise MonitorError(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    return store.connect(db, readonly=readonly)


def country_arg(name: str) -> Country:
    """A country given as an ISO code or any known spelling."""
    country = (by_iso3(name.strip().upper()) if len(name.strip()) == 3 else None) or resolve(name)
    if country is None:
        raise MonitorError(
            f"unknown country {name!r} (give an ISO code such as PRK or a name such as 'North Korea')"
        )
    return country


def report_id_arg(conn: sqlite3.Connection, country: Country, edition: int, db: Path) -> str:
    """The id of a country's report of an edition, or a NotFound naming the editions the database holds."""
    rid = store.find_report(conn, country.iso3, edition)
    if rid is None:
        held = sorted({r["edition"] for r in archive.list_reports(conn, iso3=country.iso3) if r["edition"]})
        raise NotFound(
            f"no report for {country.name} ({country.iso3}) in edition {edition} in {db}"
            f" (editions held: {', '.join(map(str, held)) or 'none'})"
        )
    return rid


def report_arg(
    conn: sqlite3.Connection, report: str, edition: int | None, db: Path
) -> tuple[str, Country | None]:
    """The report a user names: COUNTRY EDITION, or a report id as `reports` lists it (a country profile has
    no edition: `ury-uruguay-21693d88`), or a country alone when it has one report only (its profile)."""
    if edition is None and store.report_sha(conn, report) is not None:
        return report, None
    country = country_arg(report)
    if edition is not None:
        return report_id_arg(conn, country, edition, db), country
    held = archive.list_reports(conn, iso3=country.iso3)
    if len(held) == 1:
        return held[0]["id"], country
    raise MonitorError(
        f"give an edition for {country.name} ({country.iso3}): {db} holds "
        + (", ".join(str(r["edition"] or r["id"]) for r in held) or "no report of it")
    )


# Control characters but line breaks and tabs: a page's text must not drive the reader's terminal (an
# escape sequence that sets its title, moves the cursor or hides text).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_echo(text: str) -> None:
    """Print text that comes from a page, without its control characters."""
    typer.echo(_CONTROL.sub("", text))


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(
            {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v for k, v in r.items()}
        )


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    """A plain aligned text table for people reading a terminal."""
    cells = [[_cell(r.get(c)) for c in columns] for r in rows]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(columns)]
    print("  ".join(c.ljust(w) for c, w in zip(columns, widths, strict=True)).rstrip())
    for row in cells:
        print("  ".join(v[:80].ljust(min(w, 80)) for v, w in zip(row, widths, strict=True)).rstrip())


def _cell(value: Any) -> str:
    """A value as a person reads it in a table: lists as "MNG, OMN", nothing for None."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(_cell(v) for v in value)
    return str(value)


def print_rows(rows: Sequence[dict[str, Any]], columns: Sequence[str], as_json: bool, as_csv: bool) -> None:
    """A listing as JSON, CSV or an aligned table, as the user asked."""
    if as_json:
        print_json(list(rows))
    elif as_csv:
        print_csv(rows, columns)
    else:
        print_table(rows, columns)
