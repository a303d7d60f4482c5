"""`serve`: the web site and JSON API over the database (read-only)."""

from __future__ import annotations

import os
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
    import uvicorn

    if not db.is_file():
        raise fail(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    from ..web import create_app

    app_ = create_app(db)  # opens the database once: a bad file fails here with one clear line
    typer.echo(f"Serving {db} on http://{host}:{port}/ (Ctrl+C to stop)")
    if workers > 1:
        os.environ["LANDMINE_MONITOR_DB"] = str(db.resolve())
        uvicorn.run(
            "landmine_monitor.web.app:app_from_env",
            factory=True,
            host=host,
            port=port,
            workers=workers,
            log_level="warning",
        )
    else:
        uvicorn.run(app_, host=host, port=port, log_level="warning")
