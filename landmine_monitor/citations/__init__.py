"""Footnotes into typed citations (issue 3).

`parse_note(text)` splits one note into its citations (on ";", sentence ends, and ", and" between whole
sources), drops commentary ("Based on the testimony of refugees, ..."), types each citation and fills
its fields; `annotate(report)` does it for every note of a report, resolving Ibid. and short forms
against the notes before. Helpers: `split.py` (note -> fragments), `parts.py`
(pages, symbols, segments; dates in `dates.py`), `fill.py` (people, organisations, outlet, place) and
`..sources` (canonical keys and source ids).
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from typing import Any

from ..model import Citation, Footnote, Person, Report
from ..months import MONTHS
from ..sources import canonical_key, source_id
from . import parts as cp
from . import quick as cq
from .fill import COMMUNICATIONS, fill_communication, fill_publication
from .kinds import kind_of
from .split import LEAD, LEAD_STARTS, QUOTED, SPACE, split_note

UNPARSED = "citation_unparsed"
AMBIGUOUS_DATE = "citation_date_ambiguous"
__all__ = [
    "AMBIGUOUS_DATE",
    "UNPARSED",
    "annotate",
    "parse_citation",
    "parse_note",
    "source_ages",
    "split_note",
]


_IBID = re.compile(r"^(?:Ibid|Ibidem|Id)\b\.?", re.IGNORECASE)
_IBID_STARTS = ("I", "i", "ı", "İ")  # what the first letter can be under IGNORECASE
_MONITOR = re.compile(r"^(?:the\s+)?(?:Landmine Monitor|LM)\s+(?:Report\s+)?((?:19|20)\d\d)(?:\s+Report)?\b")
_AND = re.compile(r"^(?:and|And)\s+")
# A date in numbers only ("12/05/2004"): day and month cannot be told apart, so it is not read.
# What commentary does not have and a source does: a month and year ("5 May 2004", "May 2004"; commentary
# says "in 2002"), a quoted title, an address.
_NAMES_A_SOURCE = re.compile(
    rf"\b(?:{'|'.join(m.capitalize() for m in MONTHS)}),?\s+(?:19|20)\d\d\b|[“\"]|https?://|www\."
)
_NUMERIC_DATE = re.compile(r"(?<![\d/])\d{1,2}([/.])\d{1,2}\1(?:19|20)?\d\d(?![\d/])")


# --- one citation ------------------------------------------------------------------------------------


def parse_citation(fragment: str, quick: bool = True) -> Citation:
    """Type and fill one citation fragment (no Ibid. or short-form resolution here). `quick=False`
    reads it the general way only, for the tests that hold the fast path to it."""
    text = fragment.strip().rstrip(" .;,")
    text = (_AND.sub("", text) if text.startswith(("and", "And")) else text) or fragment.strip()
    body = LEAD.sub("", text) if text.startswith(LEAD_STARTS) else text
    return (quick and _quick_citation(text, body)) or _general_citation(text, body)


def _quick_citation(text: str, body: str) -> Citation | None:
    """The fast path (`quick.py`): the citation `_general_citation` makes of a plain text, or None."""
    if body.startswith(_IBID_STARTS) and _IBID.match(body):
        plain = cq.pages_after(body[4:], (".", "")) if body.startswith("Ibid") else None
        return Citation(kind="ibid", text=text, pages=plain[0]) if plain else None
    monitor = _MONITOR.match(body) if body.startswith(("the", "Landmine", "LM")) else None
    if monitor:
        plain = cq.pages_after(body[monitor.end() :], ("",))
        return _monitor_citation(text, monitor, plain[0]) if plain else None
    c = cq.communication(text, body)
    if c is not None:
        return c
    p = cq.pieces(body)
    return _typed_citation(text, body, p) if p else None


def _general_citation(text: str, body: str) -> Citation:
    if body.startswith(_IBID_STARTS) and _IBID.match(body):
        q = cp.extract(body)
        pages = q.pages or next((x for x in q.segments if cp.LOCATOR.match(x)), None)
        return Citation(kind="ibid", text=text, pages=pages)
    monitor = _MONITOR.match(body) if body.startswith(("the", "Landmine", "LM")) else None
    p = cp.extract(body)
    return _monitor_citation(text, monitor, p.pages) if monitor else _typed_citation(text, body, p)


def _typed_citation(text: str, body: str, p: cp.Pieces) -> Citation:
    head = body.split(",", 1)[0]
    head = QUOTED.sub("", head) if ("”" in head or head.count('"') > 1) else head  # what QUOTED needs
    kind = kind_of(head, p, body)
    c = Citation(
        kind, text, p.date, p.date_end, title=p.title, pages=p.pages, urls=p.urls, un_symbols=p.un_symbols
    )
    if kind in COMMUNICATIONS:
        fill_communication(c, p.segments, kind)
    elif kind != "other":
        fill_publication(c, p)
    return c


def _monitor_citation(text: str, monitor: re.Match[str], pages: str | None) -> Citation:
    edition = int(monitor.group(1))
    refers: dict[str, Any] = {"edition": edition}
    if pages:
        refers["page"] = pages
    return Citation(
        "monitor_report",
        text,
        date=monitor.group(1),
        organizations=["Landmine Monitor"],
        title=f"Landmine Monitor Report {edition}",
        pages=pages,
        refers_to=refers,
    )


def read_quickly(text: str) -> bool:
    """Whether the fast path reads the note `text` whole (its one fragment found without `split_note`,
    its citation without `parts.extract`): the coverage the benchmark prints."""
    one = cq.fragment(text.split(" © ", 1)[0])
    if one is None:
        return False
    fragment = one.strip().rstrip(" .;,")
    if not fragment or fragment.startswith(("and", "And")):
        return False
    return (
        _quick_citation(fragment, LEAD.sub("", fragment) if fragment.startswith(LEAD_STARTS) else fragment)
        is not None
    )


# --- notes, Ibid. and short forms ---------------------------------------------------------------------


class _History:
    """The notes seen so far: their citations, and the first note citing each source."""

    def __init__(self) -> None:
        self.notes: list[tuple[int, list[Citation]]] = []
        self.first: dict[str, int] = {}
        # The first titled work of each loose key, filled up to note `_indexed` on demand (one pass over
        # the notes in all, not one per short form).
        self._loose: dict[str, tuple[int, str | None]] = {}
        self._indexed = 0

    def add(self, number: int, cites: list[Citation]) -> None:
        if not cites:  # a note of commentary only: an Ibid. after it means the source before it
            return
        self.notes.append((number, cites))
        for c in cites:
            if c.kind != "ibid" and c.source_id:
                self.first.setdefault(c.source_id, number)

    def loose_match(self, c: Citation) -> tuple[int, str | None] | None:
        """An earlier titled work matching an undated short form, its year aside."""
        for n, cites in self.notes[self._indexed :]:
            for x in cites:
                if x.title and x.kind != "ibid":
                    self._loose.setdefault(canonical_key(x, loose=True), (n, x.source_id))
        self._indexed = len(self.notes)
        return self._loose.get(canonical_key(c, loose=True))


def _resolve(c: Citation, number: int | None, history: _History, before: Citation | None) -> None:
    """Ibid. and short forms: `refers_to` and the `source_id` they share; `before` is the citation
    preceding this one in the same note (an Ibid. after it means that one)."""
    if c.kind == "ibid":
        if before is not None:
            c.refers_to = dict(before.refers_to) if before.kind == "ibid" and before.refers_to else None
            c.refers_to = c.refers_to or ({"footnote": number} if number is not None else None)
            c.source_id = before.source_id
        elif history.notes:
            # The note before's first source; an Ibid. there stands for the note it refers to (an Ibid.
            # of an Ibid. goes to the first), so `refers_to` and `source_id` name the same source.
            prev_number, prev = history.notes[-1]
            head = next((x for x in prev if x.source_id), prev[0] if prev else None)
            target = head.refers_to if head is not None and head.kind == "ibid" else None
            c.refers_to = dict(target) if target else {"footnote": prev_number}
            c.source_id = head.source_id if head is not None else None
        elif number is not None and number > 1:
            c.refers_to = {"footnote": number - 1}
        return
    if c.source_id is None:
        c.source_id = source_id(c)
    if c.kind == "monitor_report":
        return
    first = history.first.get(c.source_id)
    if first is None and c.title and not c.date:
        match = history.loose_match(c)
        if match:
            first, c.source_id = match
    if first is not None:
        c.refers_to = {"footnote": first}


def parse_note(
    text: str,
    number: int | None = None,
    earlier: Sequence[Footnote] = (),
    *,
    country: str | None = None,
    quick: bool = True,
) -> list[Citation]:
    """The citations of one note. `earlier` are the notes before it (for Ibid. and short forms); any of
    them without citations yet is parsed on the way. `country` (the report's) is the author of an
    "Article 7 Report". Unparseable text comes back whole as kind `other`. `quick=False`: no fast path."""
    history = _History()
    for note in earlier:
        cites = note.citations or _parse_with_history(note.text, note.number, history, country, quick)
        history.add(note.number, cites)
    return _parse_with_history(text, number, history, country, quick)


def _parse_with_history(
    text: str, number: int | None, history: _History, country: str | None, quick: bool = True
) -> list[Citation]:
    if not text or not text.strip():
        return []
    if " © " in text:
        text = text.split(" © ", 1)[0]  # a page footer glued to the last note
    one = cq.fragment(text) if quick else None
    try:
        cites = [parse_citation(one)] if one else [parse_citation(f, quick) for f in split_note(text)]
    except (ValueError, KeyError, IndexError, TypeError):  # a defensive net: never lose a note
        cites = [Citation("other", SPACE.sub(" ", text).strip())]
    if not cites:  # every sentence was commentary, or nothing was left but punctuation
        if any(map(str.isalnum, text)) and not _NAMES_A_SOURCE.search(text):
            return []  # only commentary ("Names withheld on request."): the note's text, no citation
        cites = [Citation("other", SPACE.sub(" ", text).strip())]  # dated, quoted or linked: kept, warned
    if len(cites) == 1:  # nothing to inherit from, unless it is an Article 7 Report
        if cites[0].title:
            _inherit_authors(cites, country)
        _resolve(cites[0], number, history, None)
        return cites
    _inherit_authors(cites, country)
    for i, c in enumerate(cites):
        _resolve(c, number, history, cites[i - 1] if i else None)
    return cites


def _inherit_authors(cites: list[Citation], country: str | None) -> None:
    """“Annual Report 2002,” after an ICRC report in the same note is ICRC's too; an Article 7 Report is
    the report country's own."""
    last_report: Citation | None = None
    for c in cites:
        if c.kind in ("report", "book") and c.title and not (c.organizations or c.people) and last_report:
            c.organizations = list(last_report.organizations)
            c.people = [Person(x.name, x.role) for x in last_report.people]
        last_report = c if c.kind in ("report", "book") else last_report
        if country and c.title and c.title.startswith("Article 7 Report") and not c.organizations:
            c.organizations = [country]


def annotate(report: Report, *, quick: bool = True) -> None:
    """Fill each footnote's `citations` (and their `source_id`) in place; warn on unparsed notes.
    `quick=False` reads every note the general way (the tests hold the fast path to it)."""
    report.warnings = [w for w in report.warnings if w.code not in (UNPARSED, AMBIGUOUS_DATE)]
    history = _History()
    country = report.country.name if report.country else None
    for note in report.footnotes:
        note.citations = _parse_with_history(note.text, note.number, history, country, quick)
        history.add(note.number, note.citations)
        for c in note.citations:
            if c.kind == "other":
                snippet = c.text if len(c.text) <= 60 else c.text[:57] + "..."
                report.warn(UNPARSED, f"note [{note.number}]: could not read a citation in {snippet!r}")
            elif c.date is None and ("/" in c.text or "." in c.text):
                _warn_numeric_date(report, note.number, c)


def _warn_numeric_date(report: Report, number: int, c: Citation) -> None:
    """A citation with no date but a date in numbers only: say so rather than guess day from month."""
    m = _NUMERIC_DATE.search(c.text)
    if m and not any(m.group(0) in s for s in c.un_symbols):
        report.warn(
            AMBIGUOUS_DATE,
            f"note [{number}]: {m.group(0)!r} is a date in numbers only (day or month first?); not read",
        )


def source_ages(report: Report) -> dict[str, Any]:
    """How old the report's sources are at publication, in years (edition minus the source's year):
    newest, median and oldest, over distinct sources with a stated date; None when unknown."""
    years: dict[str, int] = {}
    for note in report.footnotes:
        for c in note.citations:
            date = c.date_end or c.date
            if date and c.kind != "ibid":
                years.setdefault(c.source_id or c.text, int(date[:4]))
    ages = sorted(report.edition - y for y in years.values()) if report.edition else []
    return {
        "edition": report.edition,
        "dated_sources": len(ages),
        "newest": ages[0] if ages else None,
        "median": statistics.median(ages) if ages else None,
        "oldest": ages[-1] if ages else None,
    }
