"""The `landmine-monitor` command: thin shells over the core. One module per area registers its commands."""

from __future__ import annotations

import sys

import typer

from ..errors import MonitorError

app = typer.Typer(
    help="Parse, store, search and compare the Landmine Monitor's country reports.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> typer.Exit:
    """Print one clear line on stderr and return the Exit to raise."""
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _register() -> None:
    # Each module adds its commands to `app` when imported.
    from . import compare_cmd, parse_cmd, search_cmd, store_cmd, web_cmd  # noqa: F401
    from . import facts_cmd  # noqa: F401
    from . import sources_cmd  # noqa: F401


def main() -> None:
    _register()
    try:
        app()
    except MonitorError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
