"""Text of one page -> `Report`: head (title, country, edition, kind), Key developments, sections with
paragraphs and their footnote markers, overview rows, and the notes at the end.

Pure: no I/O. The only error raised is InputError, for text that is not a Monitor page at all.
"""

from __future__ import annotations

import re
from collections import Counter

from ..errors import InputError
from ..model import KeyDevelopment, OverviewRow, Paragraph, Report, Section, SourceFile
from ..topics import heading_topics, infer_topics
from . import head as headmod
from .chrome import split_front_matter, strip_chrome, url_info
from .layout import KD, Unit, basic_roles, make_units, resolve_roles
from .notes import markers, notes_start, parse_notes

_VOCABULARY = re.compile(
    r"land\s?mines?|\bmines?\b|mine ban|anti-?personnel|demining|mine action|monitor|\bicbl\b"
    r"|explosive remnants|cluster munitions?|unexploded|ordnance|\buxo\b|\berw\b",
    re.IGNORECASE,
)


def parse_text(text: str, path: str | None = None, url: str | None = None) -> Report:
    """Parse one page's text (front matter, chrome and all) into a Report."""
    name = path or "<text>"
    meta, body = split_front_matter(text)
    url = url or meta.get("url") or None
    if not body.strip():
        raise InputError(name, "has no text after its front matter")
    lines = strip_chrome(body.split("\n"))
    if not any(_VOCABULARY.search(x) for x in lines if x):  # stops at the first line with the words
        raise _not_a_report(name, body, lines)
    cut = notes_start(lines)
    units = make_units(lines[:cut])
    basic_roles(units)
    head = headmod.read_head(units)
    resolve_roles(units, head.end)
    info = url_info(url)
    report = Report(source=SourceFile(path, url, None))
    report.kind = headmod.decide_kind(head, info, url, units, body)
    report.title = head.title
    if report.kind == "country_profile" and report.title is None and head.country_line:
        report.title = next((u.text for u in units[: head.end] if u.role == "country"), None)
    country, c_inferred = headmod.page_country(head, info, report.kind, body)
    report.country = country
    if c_inferred and country:
        report.warn("country_inferred", f"no title line: country {country.name} inferred from the text")
    edition, e_inferred = headmod.page_edition(head, info, report.kind, units, body)
    report.edition = edition
    if e_inferred:
        report.warn(
            "edition_inferred", f"no title or URL year: edition {edition} inferred from the newest date cited"
        )
    _fill_body(report, units[head.end :])
    report.footnotes = parse_notes(lines[cut:])
    _warn_missing_notes(report)
    _warn_repeated_notes(report)
    return report


def _not_a_report(name: str, body: str, lines: list[str]) -> InputError:
    """The error for a page without Monitor words in its text: none at all, or only in its navigation
    ("Resources for Monitor Researchers"), which makes a page of chrome alone no report either."""
    if not _VOCABULARY.search(body):
        return InputError(name, "is not a Landmine Monitor page (no landmine or Monitor vocabulary)")
    if not any(lines):
        return InputError(name, "is not a Landmine Monitor page (only site navigation, no report text)")
    return InputError(
        name, "is not a Landmine Monitor page (no landmine or Monitor vocabulary outside the navigation)"
    )


def _fill_body(report: Report, units: list[Unit]) -> None:
    """Key developments, sections and overview rows, in page order."""
    section: Section | None = None
    kd_open: KeyDevelopment | None = None
    pending_label: str | None = None
    for u in units:
        if u.role in ("meta", "country", "title"):
            continue
        if u.role == "kd":
            m = KD.match(u.text)
            assert m is not None
            rest = " ".join((m.group("rest") or "").split())
            kd = KeyDevelopment(m.group("since").strip(), rest)
            report.key_developments.append(kd)
            kd_open = None if rest else kd
            continue
        if u.role == "box":
            pending_label = _box_cell(report, u.text.rstrip("| ").strip(), pending_label)
            continue
        if u.role == "heading":
            kd_open = None
            section = Section(u.text, heading_topics(u.text) or ["other"], u.level, False)
            report.sections.append(section)
            continue
        text = " ".join(u.text.split()) if ("  " in u.text or "\t" in u.text) else u.text
        if kd_open is not None:
            kd_open.text = f"{kd_open.text}\n\n{text}".strip()
            continue
        if pending_label is not None:  # a long value closing an overview box
            report.overview.append(OverviewRow(pending_label, text))
            pending_label = None
            continue
        if (
            section is None
            or (section.inferred is True and u.gap >= 2)
            or (u.gap >= 2 and section.paragraphs)
        ):
            section = Section(None, [], 1, True)
            report.sections.append(section)
        section.paragraphs.append(Paragraph(text, markers(text)))
    for s in report.sections:
        if s.inferred:
            s.topics = infer_topics(" ".join(p.text for p in s.paragraphs)) if s.paragraphs else ["other"]


def _box_cell(report: Report, text: str, label: str | None) -> str | None:
    """Pair overview-box cells into rows: label then value; `Key: value` cells are rows themselves."""
    if label is None:
        key, sep, value = text.partition(": ")
        if sep and len(key) <= 40 and value:
            report.overview.append(OverviewRow(key, value))
            return None
        return text
    report.overview.append(OverviewRow(label, text))
    return None


def _warn_missing_notes(report: Report) -> None:
    have = {f.number for f in report.footnotes}
    seen: list[int] = []
    for s in report.sections:
        for p in s.paragraphs:
            seen.extend(n for n in p.footnotes if n not in have and n not in seen)
    for kd in report.key_developments:
        seen.extend(n for n in markers(kd.text) if n not in have and n not in seen)
    for n in sorted(seen):
        report.warn("footnote_text_missing", f"marker [{n}] has no note text (page cut?)")


def _warn_repeated_notes(report: Report) -> None:
    """A note number given to two notes (a page assembled from parts, a typo): markers, citations and the
    database read the first; the second stays in the report's notes, and this warning says so."""
    for n, times in Counter(f.number for f in report.footnotes).items():
        if times > 1:
            report.warn(
                "footnote_number_repeated",
                f"note [{n}] appears {times} times; its markers point to the first",
            )
