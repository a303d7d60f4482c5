"""`ingest`, `reports`, `countries`, `editions`, `show`, `stats`: the archive in and out of the database."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import typer

from .. import store
from ..ingest import ingest as ingest_paths
from ..search import SearchError
from ..search.indexer import Feed
from ..settings import db_option
from ..store import archive
from . import app
from .common import country_arg, open_db, print_json, print_rows, report_arg, terminal_echo


@app.command()
def ingest(
    paths: list[Path] = typer.Argument(
        ...,
        readable=False,  # an unreadable page is that page's failure line, not the end of the batch
        help="Files, folders (searched recursively) and .zip archives.",
    ),
    db: Path = db_option(),
    workers: int = typer.Option(0, min=0, help="Parser processes (0: one per core, at most 2)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
) -> None:
    """Parse pages and store them; unchanged files are skipped, changed ones replace their report."""
    conn = store.connect(db, notice=lambda message: typer.echo(message, err=True))
    feed = Feed(db)  # fails here, before anything is stored, when another process writes the index
    index_problem = None
    previous_handler = signal.signal(signal.SIGTERM, _stop)  # `kill` stops as Ctrl-C does: cleanly
    try:
        with typer.progressbar(
            length=1, label="Ingesting", show_pos=True, file=None if not quiet else open(os.devnull, "w")
        ) as bar:

            def progress(done: int, total: int, name: str) -> None:
                bar.length = total
                bar.update(1)
                seen[:] = [done, total]

            seen = [0, 0]
            try:
                summary = ingest_paths(conn, paths, progress=progress, workers=workers or None, feed=feed)
            except KeyboardInterrupt:
                where = f" after {seen[0]} of {seen[1]} pages" if seen[1] else ""
                typer.echo(
                    f"\ninterrupted{where}: what was stored is kept, each report whole;"
                    " the same command again goes on (stored files are skipped as unchanged)",
                    err=True,
                )
                raise typer.Exit(130) from None
            finally:  # what was stored is committed to the database: index it even if the batch was cut short
                try:
                    feed.close()
                except SearchError as e:
                    index_problem = str(e)
    finally:
        signal.signal(signal.SIGTERM, previous_handler)
    for name, problem in summary.skipped:
        typer.echo(f"skipped: {name}: {problem}", err=True)
    for name, problem in summary.failed:
        typer.echo(f"failed: {name}: {problem}", err=True)
    typer.echo(summary.line())
    s = archive.stats(conn)
    typer.echo(
        f"{db}: {s['editions']} editions, {s['countries']} countries, {s['reports']} reports, "
        f"{s['sections']} sections, {s['paragraphs']} paragraphs, {s['footnotes']} footnotes"
    )
    if index_problem is not None:
        typer.echo(
            f"error: the reports above are stored, but the search index was not updated: {index_problem}; "
            f"run `landmine-monitor reindex --db {db}` once the other process is done",
            err=True,
        )
    if summary.failed or index_problem is not None:
        raise typer.Exit(1)


def _stop(signum: int, frame: object) -> None:
    """SIGTERM during an ingest: stop as after Ctrl-C (the report being stored is stored whole or not at all,
    the parser processes end, what was stored gets indexed)."""
    raise KeyboardInterrupt


@app.command()
def stats(db: Path = db_option(), as_json: bool = typer.Option(False, "--json")) -> None:
    """How much the database holds."""
    s = archive.stats(open_db(db))
    if as_json:
        print_json(s)
    else:
        for k, v in s.items():
            typer.echo(f"{k:<11} {v}")


@app.command()
def reports(
    db: Path = db_option(),
    country: str = typer.Option(None, help="Only this country (code or any known name)."),
    edition: int = typer.Option(None, min=1900, max=2100, help="Only this edition."),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = typer.Option(False, "--csv"),
) -> None:
    """List the stored reports."""
    iso3 = country_arg(country).iso3 if country else None
    rows = archive.list_reports(open_db(db), iso3=iso3, edition=edition)
    cols = [
        "id",
        "kind",
        "iso3",
        "country",
        "edition",
        "sections",
        "paragraphs",
        "footnotes",
        "warnings",
        "title",
    ]
    print_rows(rows, cols, as_json, as_csv)


@app.command()
def countries(
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = typer.Option(False, "--csv"),
) -> None:
    """List the countries with their number of reports and editions."""
    rows = archive.list_countries(open_db(db))
    print_rows(
        rows, ["iso3", "name", "reports", "editions", "first_edition", "last_edition"], as_json, as_csv
    )


@app.command()
def editions(
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json"),
    as_csv: bool = typer.Option(False, "--csv"),
) -> None:
    """List the editions with their number of reports and countries."""
    rows = archive.list_editions(open_db(db))
    print_rows(rows, ["year", "reports", "countries"], as_json, as_csv)


@app.command()
def show(
    country: str = typer.Argument(..., help="Country code or any known name, or a report id from `reports`."),
    edition: int | None = typer.Argument(None, min=1900, max=2100, help="Edition year, e.g. 2004."),
    db: Path = db_option(),
    as_json: bool = typer.Option(False, "--json", help="The stored report in the shape of `parse --json`."),
) -> None:
    """Print one stored report: COUNTRY EDITION, or a report id (a country profile has no edition)."""
    conn = open_db(db)
    rid, c = report_arg(conn, country, edition, db)
    report = store.load_report(conn, rid)
    if as_json:
        print_json(report.to_dict())
        return
    echo = terminal_echo
    name = report.country.name if report.country else (c.name if c else rid)
    echo(f"{report.title or name} [{rid}]")
    for kd in report.key_developments:
        echo(f"\nKey developments since {kd.since}: {kd.text}")
    for s in report.sections:
        heading = s.heading or f"({', '.join(s.topics)}, heading inferred)"
        echo(f"\n{'#' * s.level} {heading}")
        for p in s.paragraphs:
            echo(f"\n{p.text}")
    if report.footnotes:
        echo("")
        for f in report.footnotes:
            echo(f"[{f.number}] {f.text}")
