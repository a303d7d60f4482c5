"""Parsing: pure functions from a page's bytes to a `Report`. No database here.

`parse_bytes` is the whole pipeline: decode, strip chrome, find structure, then the enrichment steps
(citations, facts) that later issues fill in.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from ..model import Report
from .decode import decode_page
from .structure import parse_text

__all__ = ["parse_bytes", "parse_file", "parse_text", "enrich"]


def enrich(report: Report) -> Report:
    """Add what is derived from the structure: typed citations, then facts."""
    from .. import citations, facts

    citations.annotate(report)
    report.facts = facts.extract_facts(report)
    return report


def parse_bytes(data: bytes, name: str, url: str | None = None) -> Report:
    """Parse one page's raw bytes; `name` is shown in messages and kept as source.path.

    Raises InputError for input that is not a readable report page.
    """
    text, html_url = decode_page(data, name)
    report = parse_text(text, path=name, url=url or html_url)
    report.source.sha256 = hashlib.sha256(data).hexdigest()
    return enrich(report)


def parse_file(path: str | Path) -> Report:
    from .decode import read_limited

    p = Path(path)
    return parse_bytes(read_limited(p), str(p))
