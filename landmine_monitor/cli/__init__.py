"""The `landmine-monitor` command: thin shells over the core. One module per area registers its commands."""

from __future__ import annotations

import importlib
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
    # Each module adds its commands to `app` when imported; `--help` lists them in this order.
    for name in (
        "parse_cmd",
        "store_cmd",
        "search_cmd",
        "sources_cmd",
        "facts_cmd",
        "compare_cmd",
        "web_cmd",
    ):
        importlib.import_module(f"{__name__}.{name}")


def main() -> None:
    _register()
    try:
        app()
    except MonitorError as e:
        typer.echo(f"error: {e}", err=True)
        sys.exit(1)
    except BrokenPipeError:
        sys.exit(0)
