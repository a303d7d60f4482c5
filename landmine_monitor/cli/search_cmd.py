"""`search` and `reindex`: full-text search over every stored report, and rebuilding its index."""

from __future__ import annotations

import html
import re
import time
from pathlib import Path
from typing import Any

import typer

from .. import search as core
from ..errors import MonitorError
from ..settings import db_option, search_index_path
from . import app
from .common import print_json, terminal_echo

SYNTAX = """Syntax: words (all of them; stemmed: mines finds mine), "an exact phrase", OR, NOT or -word,
(grouping), prefix* (2+ letters), a NEAR b (within 10 words, any order), a NEAR/5 b, NEAR(a b c, 5)."""

_MARK = re.compile(r"</?mark>")


@app.command(help=f"Search every report of every edition.\n\n{SYNTAX}")
def search(
    query: str = typer.Argument(..., help="What to look for (see the syntax above)."),
    country: str = typer.Option(None, "--country", help="Only this country (code or any known name)."),
    edition: int = typer.Option(None, "--edition", min=1900, max=2100, help="Only this edition, e.g. 2004."),
    year_from: int = typer.Option(None, "--from", min=1900, max=2100, help="Editions from this year on."),
    year_to: int = typer.Option(None, "--to", min=1900, max=2100, help="Editions up to this year."),
    topic: str = typer.Option(None, "--topic", help="Only sections on this topic, e.g. casualties."),
    kind: str = typer.Option(None, "--kind", help="Only text citing this kind of source, e.g. news."),
    limit: int = typer.Option(10, "--limit", min=0, max=100, help="Hits to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Hits to skip (paging)."),
    sort: str = typer.Option("relevance", "--sort", help="relevance, edition (newest first) or edition_asc."),
    as_json: bool = typer.Option(False, "--json", help="Print the result as JSON (the /search.json shape)."),
    db: Path = db_option(),
) -> None:
    if not db.exists():
        raise MonitorError(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    result = core.search(
        db,
        query,
        country=country,
        edition=edition,
        year_from=year_from,
        year_to=year_to,
        topic=topic,
        kind=kind,
        limit=limit,
        offset=offset,
        sort=sort,
    )
    if as_json:
        print_json(result)
    else:
        _print(result)


def _print(r: dict[str, Any]) -> None:
    shown = f"{r['offset'] + 1}-{r['offset'] + len(r['hits'])} of " if r["hits"] else ""
    typer.echo(f"{shown}{r['total']} hits for {r['interpreted'] or r['query']!r} ({r['took_ms']} ms)")
    if r["message"]:
        typer.echo(f"note: {r['message']}")
    for hit in r["hits"]:
        where = hit["anchor"] or hit["kind"]
        place = f"{hit['country_name'] or hit['country'] or '-'} {hit['edition'] or ''}".strip()
        heading = f" · {hit['heading']}" if hit.get("heading") else ""
        terminal_echo(f"\n{place} [{hit['report']}#{where}]{heading}")
        terminal_echo(f"  {_plain(hit['snippet'])}")
    for name, entries in r["facets"].items():
        if entries:
            shown_entries = ", ".join(f"{e.get('label', e['value'])} {e['count']}" for e in entries[:12])
            more = f", … ({len(entries) - 12} more)" if len(entries) > 12 else ""
            typer.echo(f"\n{name}: {shown_entries}{more}")


def _plain(snippet: str) -> str:
    """A snippet for a terminal: matches in [brackets], HTML entities undone."""
    return html.unescape(_MARK.sub(lambda m: "]" if m.group(0) == "</mark>" else "[", snippet))


@app.command()
def reindex(db: Path = db_option()) -> None:
    """Rebuild the search index beside the database from scratch (it is derived and can always be rebuilt)."""
    if not db.exists():
        raise MonitorError(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    started = time.perf_counter()
    count = core.rebuild(db)
    typer.echo(f"{search_index_path(db)}: {count} documents indexed in {time.perf_counter() - started:.1f} s")
