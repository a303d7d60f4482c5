"""`facts`, `profile`, `export facts`: a country's facts with provenance, its overview table and series,
and the whole archive's facts as CSV."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

import typer

from ..countries import by_iso3
from ..errors import MonitorError
from ..facts.profile import profile as build_profile
from ..facts.profile import value_label
from ..model import Country
from ..settings import db_option
from ..store import facts as queries
from . import app
from .common import country_arg, open_db, print_csv, print_json, print_table

FACT_COLUMNS = (
    "report_id", "iso3", "country", "edition", "indicator", "value", "year", "date", "unit", "qualifier",
    "section_ord", "paragraph_ord", "anchor", "footnotes", "sentence", "source_path", "source_url",
)  # fmt: skip

export_app = typer.Typer(
    help="Export the archive's data (one sub-command per kind of data).", no_args_is_help=True
)
app.add_typer(export_app, name="export")


def _country(name: str) -> Country:
    """An ISO code (PRK, prk) or any spelling the gazetteer knows."""
    if len(name) == 3 and name.isalpha():
        found = by_iso3(name.upper())
        if found is not None:
            return found
    return country_arg(name)


@app.command()
def facts(
    country: str = typer.Argument(..., help="ISO code (PRK) or a name ('North Korea')."),
    indicator: list[str] = typer.Option([], "--indicator", "-i", help="Only this indicator (repeatable)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
    db: Path = db_option(),
) -> None:
    """Every fact read from a country's reports, with the edition, sentence and footnotes it came from."""
    c = _country(country)
    conn = open_db(db)
    known = set(queries.indicators(conn))
    unknown = [i for i in indicator if i not in known]
    if unknown:
        raise MonitorError(
            f"unknown indicator {unknown[0]!r} (the archive has: {', '.join(sorted(known)) or 'none'})"
        )
    rows = queries.country_facts(conn, c.iso3, indicator)
    if as_json:
        print_json({"iso3": c.iso3, "name": c.name, "facts": rows})
    elif as_csv:
        print_csv(rows, FACT_COLUMNS)
    elif not rows:
        typer.echo(f"{c.name} ({c.iso3}): no facts in {db}")
    else:
        shown = [{**r, "value": value_label(r["value"], r["qualifier"], r["unit"])} for r in rows]
        print_table(
            shown, ("edition", "indicator", "value", "year", "date", "anchor", "footnotes", "sentence")
        )


@app.command()
def profile(
    country: str = typer.Argument(..., help="ISO code (PRK) or a name ('North Korea')."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: Path = db_option(),
) -> None:
    """A country's overview table (latest value per indicator, with its source), series and conflicts."""
    c = _country(country)
    rows = queries.country_facts(open_db(db), c.iso3)
    result = build_profile(rows)
    if as_json:
        print_json({"iso3": c.iso3, "name": c.name, **result})
        return
    if not rows:
        typer.echo(f"{c.name} ({c.iso3}): no facts in {db}")
        return
    typer.echo(f"{c.name} ({c.iso3})\n\nOverview")
    print_table(result["overview"], ("label", "value", "year", "edition", "report_id", "anchor", "footnotes"))
    typer.echo("\nSeries")
    for s in result["series"]:
        points = "; ".join(f"{p['x']}: {p['label']} ({p['report_id']})" for p in s["points"])
        typer.echo(f"  {s['indicator']}{' (' + s['unit'] + ')' if s['unit'] else ''}: {points}")
    if result["conflicts"]:
        typer.echo("\nConflicts between editions")
        for k in result["conflicts"]:
            typer.echo(f"  {k['indicator']}{' ' + str(k['year']) if k['year'] else ''}:")
            for v in k["values"]:
                typer.echo(
                    f"    {v['label']}  ({v['report_id']} {v['anchor'] or ''}, notes {v['footnotes']}) {v['sentence']}"
                )


@export_app.command("facts")
def export_facts(
    as_csv: bool = typer.Option(True, "--csv/--no-csv", help="CSV (the only format for now)."),
    db: Path = db_option(),
) -> None:
    """Every fact in the archive, one CSV row per fact with its provenance."""
    if not as_csv:
        raise MonitorError("export facts: only --csv is supported")
    conn = open_db(db)
    writer = csv.DictWriter(
        sys.stdout, fieldnames=list(FACT_COLUMNS), extrasaction="ignore", lineterminator="\n"
    )
    writer.writeheader()
    for r in queries.all_facts(conn):
        writer.writerow({**r, "value": _cell(r["value"]), "footnotes": " ".join(map(str, r["footnotes"]))})


def _cell(value: object) -> object:
    if isinstance(value, bool):
        return "true" if value else "false"
    return "" if value is None else value
