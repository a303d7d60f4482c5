"""`landmine-monitor parse`: pages to JSON, no database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from ..errors import InputError
from ..ingest import collect
from ..parse import parse_bytes
from . import app


@app.command()
def parse(
    paths: list[Path] = typer.Argument(
        ...,
        readable=False,  # an unreadable page is that page's error line, not the end of the batch
        help="Archived pages (.txt, .html, .md), folders (searched recursively) and .zip archives.",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON object per page (JSON Lines)."),
) -> None:
    """Parse pages into reports and print them (no database is touched)."""
    failed = 0
    for item in collect(paths):
        path = item.name
        try:
            report = parse_bytes(item.read(), path)
        except InputError as e:
            typer.echo(f"error: {e}", err=True)
            failed += 1
            continue
        except OSError as e:
            typer.echo(f"error: {path}: cannot be read ({e.strerror or e})", err=True)
            failed += 1
            continue
        except Exception as e:  # a parser bug must not stop the batch: name the page and go on
            typer.echo(
                f"error: {path}: internal parser error ({type(e).__name__}: {e}); please report it", err=True
            )
            failed += 1
            continue
        if as_json:
            sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False) + "\n")
        else:
            country = report.country.name if report.country else "?"
            typer.echo(
                f"{path}: {report.kind} {country} {report.edition or '?'} "
                f"{len(report.sections)} sections, {len(report.footnotes)} notes, "
                f"{len(report.warnings)} warnings"
            )
    if failed:
        raise typer.Exit(1)
