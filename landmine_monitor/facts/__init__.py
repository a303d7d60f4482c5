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
from .sentences import SentenceContext, Wanted, fold, units

Extractor = Callable[[SentenceContext], list[Fact]]

# Each family: its cheap necessary condition (trigger words, see `Wanted`) and its extractor. Each
# extractor also checks its own condition on the sentence, so calling it on any sentence is right.
FAMILIES: list[tuple[Wanted, Extractor]] = [
    (treaty.wanted, treaty.extract),
    (votes.wanted, votes.extract),
    (conventions.wanted, conventions.extract),
    (weapons.wanted, weapons.extract),
    (numbers.wanted, numbers.extract),
]
EXTRACTORS: list[Extractor] = [extract for _, extract in FAMILIES]


def extract_facts(report: Report) -> list[Fact]:
    """Every fact the report states, in reading order, read consistently as one page.

    A paragraph is read only by the extractors whose trigger words it contains, and not split into
    sentences at all when it contains none.
    """
    facts: list[Fact] = []
    for text, ctxs in units(report):
        if text:
            low = fold(text)
            active = [extract for wanted, extract in FAMILIES if wanted(text, low)]
            if not active:
                continue
        else:
            active = EXTRACTORS
        for ctx in ctxs:
            for extract in active:
                facts.extend(extract(ctx))
    return resolve(facts)


__all__ = ["EXTRACTORS", "FAMILIES", "Extractor", "SentenceContext", "extract_facts"]
