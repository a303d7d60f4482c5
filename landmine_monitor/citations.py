"""Footnotes into typed citations (issue 3). Placeholder until that issue lands: no citations yet."""

from __future__ import annotations

from .model import Report


def annotate(report: Report) -> None:
    """Fill each footnote's `citations` (and their `source_id`) in place."""
    return None
