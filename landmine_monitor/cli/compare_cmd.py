"""`compare` and `timeline`: a country's editions side by side, from the database."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import typer

from .. import store
from ..compare import compare_reports, timeline
from ..compare.text import render_compare, render_timeline
from ..countries import by_iso3
from ..errors import MonitorError, NotFound
from ..model import Country, Report
from ..settings import db_option
from ..store import archive
from . import app
from .common import country_arg, open_db, print_json, report_id_arg

REPORT_KINDS = ("country_report", "country_profile")


def _country(name: str) -> Country:
    code = by_iso3(name.upper()) if len(name) == 3 and name.isalpha() else None
    return code or country_arg(name)


def _held(conn: sqlite3.Connection, c: Country) -> list[dict[str, object]]:
    return [r for r in archive.country_editions(conn, c.iso3) if r["kind"] in REPORT_KINDS]


def _load(conn: sqlite3.Connection, c: Country, edition: int, db: Path) -> Report:
    return store.load_report(conn, report_id_arg(conn, c, edition, db))


@app.command()
def compare(
    country: str = typer.Argument(..., help="ISO code (PRK) or any known name ('North Korea')."),
    edition_a: int = typer.Argument(..., min=1900, max=2100, help="The older edition, e.g. 1999."),
    edition_b: int = typer.Argument(..., min=1900, max=2100, help="The newer edition, e.g. 2004."),
    as_json: bool = typer.Option(False, "--json", help="Print the whole comparison as JSON."),
    show_unchanged: bool = typer.Option(False, "--all", help="Also list unchanged sentences."),
    db: Path = db_option(),
) -> None:
    """What changed between two editions of a country's report, what contradicts, and a drafted
    'Key developments since EDITION_A' for a researcher to edit."""
    if edition_a == edition_b:
        raise MonitorError(f"compare needs two different editions (got {edition_a} twice)")
    conn = open_db(db)
    c = _country(country)
    older, newer = sorted((edition_a, edition_b))
    result = compare_reports(_load(conn, c, older, db), _load(conn, c, newer, db))
    print_json(result) if as_json else typer.echo(render_compare(result, show_unchanged))


@app.command("timeline")
def timeline_cmd(
    country: str = typer.Argument(..., help="ISO code (PRK) or any known name ('North Korea')."),
    as_json: bool = typer.Option(False, "--json", help="Print the timeline as JSON."),
    db: Path = db_option(),
) -> None:
    """A country's tracked facts across all its editions: first seen, last seen, changes."""
    conn = open_db(db)
    c = _country(country)
    rows = _held(conn, c)
    if not rows:
        raise NotFound(f"no reports for {c.name} ({c.iso3}) in {db}")
    if all(r["edition"] is None for r in rows):
        raise NotFound(
            f"{c.name} ({c.iso3}) has only profiles without an edition in {db}, so no timeline by edition;"
            f" see `landmine-monitor profile {c.iso3}`"
        )
    result = timeline([store.load_report(conn, str(r["id"])) for r in rows])
    print_json(result) if as_json else typer.echo(render_timeline(result))
