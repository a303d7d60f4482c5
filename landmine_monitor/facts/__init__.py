"""Facts with provenance (issue 6): what a report states, each tied to its sentence and footnotes.

`extract_facts(report)` runs a plain list of extractor functions over every sentence of the report
(key developments, overview-table rows, then each section's paragraphs), then reads the result as a
whole page (`resolve`): one treaty status, the most precise treaty dates, no duplicates.

Each extractor is `extractor(ctx: SentenceContext) -> list[Fact]` and lives in the module of its
family. Fact.section/paragraph are 0-based indexes into report.sections / section.paragraphs; for a
key-developments sentence section is None and paragraph is its index in report.key_developments;
for an overview-table row both are None.
"""

from __future__ import annotations

from collections.abc import Callable

from ..model import Fact, Report
from . import conventions, numbers, treaty, votes, weapons
from .resolve import resolve
from .sentences import SentenceContext, contexts

Extractor = Callable[[SentenceContext], list[Fact]]

EXTRACTORS: list[Extractor] = [
    treaty.extract,
    votes.extract,
    conventions.extract,
    weapons.extract,
    numbers.extract,
]


def extract_facts(report: Report) -> list[Fact]:
    """Every fact the report states, in reading order, read consistently as one page."""
    facts: list[Fact] = []
    for ctx in contexts(report):
        for extractor in EXTRACTORS:
            facts.extend(extractor(ctx))
    return resolve(facts)


__all__ = ["EXTRACTORS", "Extractor", "SentenceContext", "extract_facts"]
