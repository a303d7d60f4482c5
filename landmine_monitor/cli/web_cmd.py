"""`serve`: the web site and JSON API over the database (read-only)."""

from __future__ import annotations

from pathlib import Path

import typer

from ..settings import db_option
from . import app, fail


@app.command()
def serve(
    db: Path = db_option(),
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, help="Port to listen on."),
    workers: int = typer.Option(1, help="Worker processes (e.g. one per core)."),
) -> None:
    """Serve the site and its JSON API (http://HOST:PORT/, API docs at /docs)."""
    if not db.is_file():
        raise fail(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    from ..web.server import serve as run

    typer.echo(f"Serving {db} on http://{host}:{port}/ (Ctrl+C to stop)")
    run(db, host, port, workers)
