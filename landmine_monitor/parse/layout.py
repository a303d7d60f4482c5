"""Lines -> units (paragraphs, heading lines, table cells) -> a role for each unit.

A unit is a run of lines that belong together: one line, or hard-wrapped lines joined again. Roles:
`kd` (Key developments since ...), `heading`, `prose` (a paragraph), `box` (a cell of an overview
table: short label/value lines, as in the 2007-2009 reports and the later country profiles), `meta`
(Last updated: ...). Headings are found by pattern (topics.py) and by structure (a short title-like
line between paragraphs), never by listing known pages. A sentence, however short ("None took
place.[4]"), is never a heading, and a run of short lines that is a third or more sentences is
headings over one-sentence paragraphs, not an overview table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..topics import heading_topics

KD = re.compile(
    r"^(?:key\s+developments?|d[ée]veloppements?\s+cl[ée]s)\s+(?:since|sine|sinse|snce|depuis)\s+"
    r"(?P<since>[^:|\n]{1,30}?)\s*(?::\s*(?P<rest>.*)|\|?\s*)$",
    re.IGNORECASE | re.DOTALL,
)
META = re.compile(r"^last\s+updated\s*:", re.IGNORECASE)
MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# Overview-box captions (a heading over a label/value table) and box labels that look like headings.
CAPTION = re.compile(r"key data$|overview$|^commitment to\b", re.IGNORECASE)
LABEL = re.compile(
    r"status$|\bsince$|^key developments$|^estimated\b|^article \d|^last article|implementing legislation"
    r"|^casualty analysis|^availability of|^progress towards|capacity$|\bin (?:19|20)\d\d(?:[–-]\d+)?$"
    r"|recipients|voting record|^participation in|^stockpile$|^contamination$|^treaty status$",
    re.IGNORECASE,
)
_TERMINAL = '.!?:;”"|'
_WORD = re.compile(r"\S+")
_SENTENCE_INSIDE = re.compile(r"[a-z0-9\)\]][.!?]\s+[A-Z]")
_TRAILING_MARKERS = re.compile(r"(?:\s*\[\s*\d{1,4}\s*\])+$")
_MARKER_AT = re.compile(r"\[\s*\d{1,4}\s*\]")
_SMALL = {"and", "of", "the", "in", "for", "to", "on", "a", "an", "by", "with", "at", "or"}


@dataclass
class Unit:
    text: str
    gap: int = 0  # blank lines before it
    md_level: int = 0  # 1-6 for Markdown `#` headings (and h1-h3 of HTML pages)
    role: str = "prose"
    level: int = 1


def _joins(prev: str, line: str) -> bool:
    """Whether `line` continues the hard-wrapped line `prev` (same paragraph)."""
    if not prev or prev[-1] in _TERMINAL or prev.endswith("]") or line.startswith(("[", "#", "•", "-")):
        return False
    if KD.match(line) or MD_HEADING.match(line):
        return False
    return len(prev) >= 45 or line[0].islower()


def make_units(lines: list[str]) -> list[Unit]:
    units: list[Unit] = []
    gap = 0
    prev_line = ""
    for line in lines:
        s = line.strip()
        if not s:
            gap += 1
            prev_line = ""
            continue
        md = MD_HEADING.match(s)
        if md:
            units.append(Unit(md.group(2), gap, len(md.group(1))))
        elif prev_line and units and not units[-1].md_level and _joins(prev_line, s):
            units[-1].text = f"{units[-1].text} {s}"
        else:
            units.append(Unit(s, gap))
        gap = 0
        prev_line = s
    return units


def is_prose(text: str) -> bool:
    """A paragraph of running text (not a heading, label or table cell)."""
    if len(text) >= 150:
        return True
    words = len(_WORD.findall(text))
    end = text.rstrip()
    if end.endswith("]"):
        end = re.sub(r"(\[\s*\d+\s*\])+$", "", end).rstrip()
    return words >= 10 and bool(end) and end[-1] in '.!?”":;'


def is_sentence(text: str) -> bool:
    """A line that reads as a sentence however short ("No clearance took place.[8]"): it ends with a
    full stop (before any closing quote or `[n]` markers), or holds a marker after a question mark or
    after four or more words that are not a title ("Some casualties were reported in 2000[10]"). A
    heading may carry a marker ("Casualties in 2009 [1]") but reads as a title, never ends with a
    full stop, and ends with a question mark only without a marker."""
    t = text.rstrip("| ")
    marked = _MARKER_AT.search(t) if "[" in t else None
    if marked:
        t = _TRAILING_MARKERS.sub("", t)
    end = t.rstrip(" ”\"’'")[-1:]
    if end == ".":
        return True
    if marked is None:  # "Who should organize a release event?" is a heading of an FAQ page
        return False
    if end in ("?", "!"):
        return True
    words = [w for w in _WORD.findall(t[: marked.start()]) if w[0].isalpha()]
    return len(words) >= 4 and not all(w[0].isupper() or w in _SMALL for w in words)


def is_candidate(text: str) -> bool:
    """Short, title-like, not a sentence, not a value: could be a heading line."""
    t = text.strip().rstrip("|").strip()
    if not t or len(t) > 100 or t[-1] in ".,;:" or len(_WORD.findall(t)) > 12 or is_prose(t):
        return False
    if not (t[0].isupper() or t[0].isdigit()) or ": " in t or t.startswith(("©", "•")):
        return False
    if _SENTENCE_INSIDE.search(t):
        return False
    letters = sum(c.isalpha() for c in t)
    return letters * 2 >= len(t.replace(" ", "")) and not is_sentence(t)


def _title_like(text: str) -> bool:
    words = [w for w in _WORD.findall(text) if w[0].isalpha()]
    if not words:
        return False
    if text.upper() == text:
        return True
    caps = sum(1 for w in words if w[0].isupper() or w.lower() in _SMALL)
    return caps == len(words) or (words[0][0].isupper() and len(words) <= 6)


def basic_roles(units: list[Unit]) -> None:
    """First pass: meta, kd, Markdown headings, prose; everything else is `short` for now."""
    for u in units:
        if META.match(u.text):
            u.role = "meta"
        elif KD.match(u.text):
            u.role = "kd"
        elif u.md_level:
            u.role = "heading"
        elif is_prose(u.text):
            u.role = "prose"
        else:
            u.role = "short"


def resolve_roles(units: list[Unit], start: int = 0) -> None:
    """Second pass, after the head (units before `start`) is set aside: boxes, headings, levels."""
    spaced = sum(1 for u in units if u.gap) * 2 > len(units)
    if spaced:  # paragraphs are blank-separated: a line glued to the one above is a list item
        for i in range(max(start, 1), len(units)):
            if (
                units[i].role == "short"
                and not units[i].gap
                and units[i - 1].role in ("prose", "short", "item")
            ):
                units[i].role = "item"
    _mark_boxes(units, start)
    for i in range(len(units) - 1, -1, -1):  # backwards, so a stacked heading sees the one below it
        u = units[i]
        if u.role == "short":
            u.role = "heading" if _is_heading(units, i) else "prose"
        elif u.role == "item":
            u.role = "prose"
    _set_levels(units)


def _next_role(units: list[Unit], i: int) -> str:
    j = i + 1
    while j < len(units) and units[j].role == "meta":
        j += 1
    return units[j].role if j < len(units) else "end"


def _is_heading(units: list[Unit], i: int) -> bool:
    text = units[i].text
    if not is_candidate(text):
        return False
    nxt = _next_role(units, i)
    prev = units[i - 1].role if i else "start"
    if nxt == "end":  # the page is cut right after it
        return (
            prev in ("prose", "heading", "kd", "meta")
            and bool(heading_topics(text))
            and _title_like(text)
            and not LABEL.search(text)
        )
    if nxt not in ("prose", "heading", "kd"):
        return False
    if heading_topics(text) and not LABEL.search(text.rstrip("| ")):
        return True
    return (
        nxt in ("prose", "heading")
        and prev in ("prose", "heading", "kd", "start", "meta")
        and _title_like(text)
    )


def _strict_title(text: str) -> bool:
    """Every significant word capitalised ("Ten-Year Summary"), or at most two words."""
    words = [w for w in _WORD.findall(text) if w[0].isalpha()]
    return len(words) <= 2 or all(w[0].isupper() or w in _SMALL for w in words)


def _mark_boxes(units: list[Unit], start: int) -> None:
    """Runs of >= 4 short units form an overview box: cells, except a leading stack of headings
    (ending with a caption such as "2008 Key Data") and a last heading right before the prose."""
    i, n = 0, len(units)
    while i < n:
        if units[i].role != "short":
            i += 1
            continue
        j = i
        while j < n and units[j].role in ("short", "meta", "item"):
            j += 1
        run = [k for k in range(i, j) if units[k].role in ("short", "item")]
        if len(run) >= 4 and not _sentence_run(units, run):
            tail = _section_tail(units, run)
            box = run[: len(run) - tail]
            if len(box) >= 2:
                _mark_box_run(units, box, box[-1] + 1 if tail else j, at_start=run[0] <= start)
        i = j


def _sentence_run(units: list[Unit], run: list[int]) -> bool:
    """Whether a run of short lines is headings over one-sentence paragraphs, not an overview table.

    Overview cells are labels and values ("Not a State Party", "Total: 438"); a value is seldom a
    sentence (at most one cell in five in the real tables). When a third or more of the lines are
    sentences, the run is sections whose paragraphs happen to be short."""
    sentences = sum(1 for k in run if is_sentence(units[k].text))
    return sentences * 3 >= len(run)


def _section_tail(units: list[Unit], run: list[int]) -> int:
    """How many lines at the end of a box run are sections with a one-sentence paragraph (a section
    heading, then a sentence), which follow the table rather than belong to it."""
    n = 0
    while len(run) - n >= 2 and is_sentence(units[run[-1 - n]].text):
        t = units[run[-2 - n]].text.rstrip("| ")
        if not (is_candidate(t) and heading_topics(t) and not LABEL.search(t) and _strict_title(t)):
            break
        n += 2
    return n


def _mark_box_run(units: list[Unit], run: list[int], end: int, at_start: bool) -> None:
    lead = 0
    captioned = False
    for k in run[:3]:
        t = units[k].text.rstrip("| ")
        if is_candidate(t) and heading_topics(t) and not LABEL.search(t):
            lead += 1
            if CAPTION.search(t):
                captioned = True
                break
        else:
            break
    if not (captioned or at_start):
        lead = 0
    last = run[-1]
    followed_by_prose = end < len(units) and units[end].role == "prose"
    for k in run[lead:]:
        units[k].role = "box"
    t = units[last].text.rstrip("| ")
    if (
        followed_by_prose
        and is_candidate(t)
        and heading_topics(t)
        and not LABEL.search(t)
        and _strict_title(t)
    ):
        units[last].role = "short"
    for k in run[:lead]:
        units[k].role = "heading"


def _set_levels(units: list[Unit]) -> None:
    prev_heading = False
    for u in units:
        if u.role != "heading":
            prev_heading = u.role == "meta" and prev_heading
            continue
        if u.md_level:
            u.level = 1 if u.md_level <= 2 else 2
        else:
            u.level = 2 if prev_heading else 1
        prev_heading = True
