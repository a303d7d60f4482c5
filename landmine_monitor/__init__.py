"""landmine-monitor: the Landmine Monitor's archive as structured, searchable, comparable data."""

__version__ = "0.1.0"
