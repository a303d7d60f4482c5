"""The Monitor's web site and JSON API (FastAPI + Jinja2) over the database, opened read-only."""

from __future__ import annotations

from .app import create_app

__all__ = ["create_app"]
