"""`python -m landmine_monitor` runs the CLI."""

from .cli import main

main()
