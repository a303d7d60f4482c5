"""`sources`, `citations`, `cite`: the registry of sources, a report's notes parsed, any note text parsed."""

from __future__ import annotations

import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

import typer

from .. import store
from ..citations import parse_note, source_ages
from ..errors import MonitorError
from ..model import CITATION_KINDS
from ..settings import db_option
from ..sources import label
from ..store import sources as queries
from . import app
from .common import country_arg, open_db, print_csv, print_json, print_table, report_arg

SOURCE_COLUMNS = queries.REGISTRY_COLUMNS


@app.command()
def sources(
    kind: str | None = typer.Option(
        None, "--kind", "-k", help=f"Only this kind ({', '.join(CITATION_KINDS)})."
    ),
    country: str | None = typer.Option(
        None, "--country", "-c", help="Only sources cited in this country's reports."
    ),
    limit: int | None = typer.Option(None, "--limit", "-n", min=1, help="At most this many sources."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON, with every place each source is cited."),
    as_csv: bool = typer.Option(False, "--csv", help="Print CSV."),
    db: Path = db_option(),
) -> None:
    """The sources the archive cites, most cited first: how often, in which reports and editions."""
    kind = kind.strip().lower() if kind is not None else None
    if kind is not None and kind not in CITATION_KINDS:
        raise MonitorError(f"unknown citation kind {kind!r} (one of: {', '.join(CITATION_KINDS)})")
    iso3 = country_arg(country).iso3 if country else None
    rows = queries.list_sources(open_db(db), kind=kind, iso3=iso3, limit=limit, where=as_json)
    if as_json:
        print_json({"kind": kind, "country": iso3, "sources": rows})
    elif as_csv:
        print_csv(rows, SOURCE_COLUMNS)
    elif not rows:
        typer.echo(
            f"no sources in {db}" + (f" for kind {kind}" if kind else "") + (f" in {iso3}" if iso3 else "")
        )
    else:
        print_table(rows, ("id", "kind", "citations", "reports", "countries", "editions", "label"))


@app.command()
def citations(
    country: str = typer.Argument(
        ..., help="ISO code (PRK) or a name ('North Korea'), or a report id from `reports`."
    ),
    edition: int | None = typer.Argument(None, min=1900, max=2100, help="Edition year, e.g. 2004."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    db: Path = db_option(),
) -> None:
    """Every note of one report, parsed into citations, and how old the report's sources are: COUNTRY EDITION,
    or a report id (a country profile has no edition)."""
    conn = open_db(db)
    rid, _ = report_arg(conn, country, edition, db)
    notes = queries.report_notes(conn, rid)
    report = store.load_report(conn, rid)
    ages = source_ages(report)
    if as_json:
        iso3 = report.country.iso3 if report.country else None
        print_json(
            {"report_id": rid, "iso3": iso3, "edition": report.edition, "source_ages": ages, "notes": notes}
        )
        return
    typer.echo(
        f"{rid}: {len(notes)} notes, {sum(len(n['citations']) for n in notes)} citations; {_ages_line(ages)}"
    )
    for note in notes:
        typer.echo(f"[{note['number']}] {note['text']}")
        for cite in note["citations"]:
            typer.echo(f"    {_cite_line(cite)}")


@app.command()
def cite(
    text: str = typer.Argument(
        ..., help="The text of a footnote, e.g. 'Email from X, HI, 19 August 2004'; - reads it from stdin."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Parse any footnote text into its citations (no database)."""
    if text == "-":
        text = sys.stdin.read()
    if not text.strip():
        raise MonitorError("cite: the note text is empty")
    found = parse_note(text)
    if as_json:
        print_json([{**asdict(c), "label": label(c)} for c in found])
        return
    for c in found:
        typer.echo(_cite_line({**asdict(c), "label": label(c)}))


def _ages_line(ages: dict[str, Any]) -> str:
    if ages["newest"] is None:
        return "source ages unknown (no dated sources or no edition)"
    return (
        f"source ages at publication: newest {ages['newest']}, median {ages['median']}, oldest {ages['oldest']}"
        f" years ({ages['dated_sources']} dated sources)"
    )


def _cite_line(c: dict[str, Any]) -> str:
    """One citation on one line: kind, date, who, what, what it refers to, its source id."""
    people = ", ".join(p["name"] + (f" ({p['role']})" if p.get("role") else "") for p in c["people"])
    parts = [
        c["kind"],
        (c["date"] or "") + (f"..{c['date_end']}" if c.get("date_end") else ""),
        people,
        "; ".join(c["organizations"]),
        f"“{c['title']}”" if c.get("title") else "",
        c.get("outlet") or "",
        f"p. {c['pages']}" if c.get("pages") else "",
        f"-> {_refers(c['refers_to'])}" if c.get("refers_to") else "",
        c.get("source_id") or "",
    ]
    return " | ".join(p for p in parts if p)


def _refers(ref: dict[str, Any]) -> str:
    if "footnote" in ref:
        return f"note {ref['footnote']}"
    where = f"Landmine Monitor Report {ref.get('edition')}" + (
        f", p. {ref['page']}" if ref.get("page") else ""
    )
    return where + (f" ({ref['report']})" if ref.get("report") else "")
