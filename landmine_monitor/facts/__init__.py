"""Facts with provenance (issue 6). Placeholder until that issue lands: no facts yet."""

from __future__ import annotations

from ..model import Fact, Report


def extract_facts(report: Report) -> list[Fact]:
    return []
