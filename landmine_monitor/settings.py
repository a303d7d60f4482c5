"""Settings declared once: name, default, help. CLI options and the web app read them from here."""

from __future__ import annotations

import os
from pathlib import Path

import typer

DEFAULT_DB = os.environ.get("LANDMINE_MONITOR_DB", "monitor.db")


def db_option() -> Path:
    """The `--db` option every command that reads or writes the database shares."""
    return typer.Option(
        Path(DEFAULT_DB),
        "--db",
        help="SQLite database file (env LANDMINE_MONITOR_DB).",
        envvar="LANDMINE_MONITOR_DB",
    )


def search_index_path(db: Path) -> Path:
    """The search index lives beside the database it is derived from: monitor.db -> monitor.db.search/."""
    return db.with_name(db.name + ".search")
