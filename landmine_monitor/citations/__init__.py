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
from functools import lru_cache
from typing import Any

from ..model import Citation, Footnote, Person, Report
from ..sources import canonical_key, known_organization, source_id
from . import parts as cp
from .fill import COMMUNICATIONS, fill_communication, fill_publication
from .split import LEAD, LEAD_STARTS, QUOTED, SPACE, split_note

UNPARSED = "citation_unparsed"
__all__ = ["UNPARSED", "annotate", "parse_citation", "parse_note", "source_ages", "split_note"]


_DATABASE = re.compile(r"\bdata ?bases?\b", re.IGNORECASE)
_WEB = re.compile(r"\bweb(?:\s?sites?|\s?pages?)?\b", re.IGNORECASE)
_IBID = re.compile(r"^(?:Ibid|Ibidem|Id)\b\.?", re.IGNORECASE)
_IBID_STARTS = ("I", "i", "ı", "İ")  # what the first letter can be under IGNORECASE
_MONITOR = re.compile(r"^(?:the\s+)?(?:Landmine Monitor|LM)\s+(?:Report\s+)?((?:19|20)\d\d)(?:\s+Report)?\b")
_KIND_HEAD = [
    ("email", re.compile(r"\be-?mails?\b", re.IGNORECASE)),
    ("letter", re.compile(r"^(?:\S+\s+)?letters?\b|\bletters?\s+(?:from|to)\b", re.IGNORECASE)),
    (
        "telephone_interview",
        re.compile(r"\b(?:tele)?phone\s+(?:interview|conversation|call|discussion)s?\b", re.I),
    ),
    (
        "interview",
        re.compile(
            r"\binterviews?\b|\b(?:meeting|discussion|conversation)s?\s+with\b|^Information\s+(?:provided|from)|"
            r"\bresponse to\b.*\bquestionnaire\b|\bcommunication\b",
            re.IGNORECASE,
        ),
    ),
    ("press_release", re.compile(r"\b(?:press|news|media)\s+release\b|\bpress statement\b", re.IGNORECASE)),
    (
        "statement",
        re.compile(
            r"^(?:Statement|Speech|Remarks|Intervention|Address|Presentation|Testimony)\b|\bstatement by\b",
            re.I,
        ),
    ),
]
# Words one of which every match of each _KIND_HEAD pattern holds (lower case), to skip the regex cheaply.
_KIND_CUES = {
    "email": ("mail",),
    "letter": ("letter",),
    "telephone_interview": ("phone",),
    "interview": ("interview", "with", "information", "questionnaire", "communication"),
    "press_release": ("release", "press statement"),
    "statement": ("statement", "speech", "remarks", "intervention", "address", "presentation", "testimony"),
}
_HEAD_PATTERN = dict(_KIND_HEAD)
# Every _UN_WORDS match holds "Official Records", "Doc" or "Secretary-General" (three quick tests).
_UN_WORDS = re.compile(r"\b(?:Official Records|UN Doc|U\.N\. Doc|Report of the Secretary-General)\b")
_AND = re.compile(r"^(?:and|And)\s+")


# --- one citation ------------------------------------------------------------------------------------


def _lower(text: str) -> str | None:
    """`text` lower-cased for the cue tests, or None when it holds a letter that IGNORECASE matches to an
    ASCII letter while str.lower() does not ("ı", "İ", "ſ")."""
    return None if ("ı" in text or "İ" in text or "ſ" in text) else text.lower()


def _may_be(kind: str, lower: str | None) -> bool:
    """False when `lower` (lower-cased ASCII text, None for other text) cannot match the kind's pattern."""
    return lower is None or any(cue in lower for cue in _KIND_CUES[kind])


@lru_cache(maxsize=16384)
def _head_kinds(head: str) -> tuple[str | None, bool]:
    """The first kind the head reads as among those tried before press releases, and whether it reads
    as a statement (tried after them)."""
    low = _lower(head)
    first = None
    for kind, pattern in _KIND_HEAD:
        if kind == "press_release":
            break
        if _may_be(kind, low) and pattern.search(head):
            first = kind
            break
    return first, _may_be("statement", low) and _HEAD_PATTERN["statement"].search(head) is not None


def _kind(head: str, p: cp.Pieces, fragment: str) -> str:
    first, statement = _head_kinds(head)
    if first:
        return first
    low = _lower(fragment)
    if _may_be("press_release", low) and _HEAD_PATTERN["press_release"].search(fragment):
        return "press_release"
    if statement:
        return "statement"
    un_cue = "Doc" in fragment or "Official Records" in fragment or "Secretary-General" in fragment
    if p.un_symbols or (un_cue and _UN_WORDS.search(fragment)):
        return "un_document"
    if (low is None or "data" in low) and _DATABASE.search(fragment):
        return "database"
    if p.urls or ((low is None or "web" in low) and _WEB.search(fragment)):
        return "website"
    return _publication_kind(p)


def _publication_kind(p: cp.Pieces) -> str:
    segs = [s for s in p.segments if s != cp.TITLE_MARK]
    if segs and cp.LEGAL.match(segs[0]):
        return "report"
    if p.title:
        mark = p.segments.index(cp.TITLE_MARK) if cp.TITLE_MARK in p.segments else 0
        after = p.segments[mark + 1 :]
        outlet = next((s for s in after if cp.news_words(s)), None)
        if (
            not outlet
            and mark == 0
            and after
            and cp.outlet_and_place(after[0])[1]
            and p.date
            and len(p.date) == 10
        ):
            return "news"  # “Title,” Outlet (City), day: a newspaper whatever its name
        if outlet:
            first = outlet.split(" ", 1)[0]
            own = known_organization(first) and not cp.news_words(first) and " " in outlet
            return "press_release" if own else "news"
        return "report"
    if any(cp.news_words(s) and not cp.work_words(s) for s in segs) and not any(
        cp.work_words(s) for s in segs
    ):
        return "news"
    names = [s for s in segs if not cp.is_place(s) and not cp.looks_organization(s) and cp.title_like(s)]
    backed = p.pages or p.date or any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    if names and backed and not (p.date and len(p.date) > 4) and len(names) <= 2:
        return "book"
    if (
        segs
        and (p.date or p.pages)
        and any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    ):
        return "report"
    return "other"


def parse_citation(fragment: str) -> Citation:
    """Type and fill one citation fragment (no Ibid. or short-form resolution here)."""
    text = fragment.strip().rstrip(" .;,")
    text = (_AND.sub("", text) if text.startswith(("and", "And")) else text) or fragment.strip()
    body = LEAD.sub("", text) if text.startswith(LEAD_STARTS) else text
    if body.startswith(_IBID_STARTS) and _IBID.match(body):
        q = cp.extract(body)
        pages = q.pages or next((x for x in q.segments if cp.LOCATOR.match(x)), None)
        return Citation(kind="ibid", text=text, pages=pages)
    monitor = _MONITOR.match(body) if body.startswith(("the", "Landmine", "LM")) else None
    p = cp.extract(body)
    if monitor:
        edition = int(monitor.group(1))
        refers: dict[str, Any] = {"edition": edition}
        if p.pages:
            refers["page"] = p.pages
        return Citation(
            "monitor_report",
            text,
            date=monitor.group(1),
            organizations=["Landmine Monitor"],
            title=f"Landmine Monitor Report {edition}",
            pages=p.pages,
            refers_to=refers,
        )
    head = body.split(",", 1)[0]
    head = QUOTED.sub("", head) if ("“" in head or '"' in head) else head
    kind = _kind(head, p, body)
    c = Citation(
        kind, text, p.date, p.date_end, title=p.title, pages=p.pages, urls=p.urls, un_symbols=p.un_symbols
    )
    if kind in COMMUNICATIONS:
        fill_communication(c, p, kind)
    elif kind != "other":
        fill_publication(c, p)
    return c


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
            prev_number, prev = history.notes[-1]
            target = prev[0].refers_to if len(prev) == 1 and prev[0].kind == "ibid" else None
            c.refers_to = dict(target) if target else {"footnote": prev_number}
            c.source_id = next((x.source_id for x in prev if x.source_id), None)
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
    text: str, number: int | None = None, earlier: Sequence[Footnote] = (), *, country: str | None = None
) -> list[Citation]:
    """The citations of one note. `earlier` are the notes before it (for Ibid. and short forms); any of
    them without citations yet is parsed on the way. `country` (the report's) is the author of an
    "Article 7 Report". Unparseable text comes back whole as kind `other`."""
    history = _History()
    for note in earlier:
        history.add(
            note.number, note.citations or _parse_with_history(note.text, note.number, history, country)
        )
    return _parse_with_history(text, number, history, country)


def _parse_with_history(
    text: str, number: int | None, history: _History, country: str | None
) -> list[Citation]:
    if not text or not text.strip():
        return []
    text = text.split(" © ", 1)[0]  # a page footer glued to the last note
    try:
        cites = [parse_citation(f) for f in split_note(text)]
    except (ValueError, KeyError, IndexError, TypeError):  # a defensive net: never lose a note
        cites = []
    if not cites:
        cites = [Citation("other", SPACE.sub(" ", text).strip())]
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


def annotate(report: Report) -> None:
    """Fill each footnote's `citations` (and their `source_id`) in place; warn on unparsed notes."""
    report.warnings = [w for w in report.warnings if w.code != UNPARSED]
    history = _History()
    country = report.country.name if report.country else None
    for note in report.footnotes:
        note.citations = _parse_with_history(note.text, note.number, history, country)
        history.add(note.number, note.citations)
        for c in note.citations:
            if c.kind == "other":
                snippet = c.text if len(c.text) <= 60 else c.text[:57] + "..."
                report.warn(UNPARSED, f"note [{note.number}]: could not read a citation in {snippet!r}")


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
