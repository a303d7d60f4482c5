"""The fast path of citation parsing (issue #3): a plain note read with a few string operations and
anchored matches on its short tail, instead of the general searches over the whole text.

Most notes are one citation of a plain shape: comma-separated names, an optional quoted title, and a
tail of date, UN symbol and pages ("Email from NAME, ROLE, ORG, 15 May 1999", "ORG, “Title,” Geneva,
March 2004, p. 5", "UN General Assembly, plenary meeting, 5 January 2006 (A/61/PV.52), p. 3"). For such
a note `fragment` returns what `split.split_note` returns (its one fragment), `communication` the whole
citation of a plain email, letter, interview or statement (kind from the same cached head reading, no
kind cascade), and `pieces` what `parts.extract` returns (the `work` field aside); for any other
text (a second quote, a digit run that could be a year or a page, a parenthesis holding a comma, odd
spaces, ...) they return None and the caller runs the general code. tests/test_citations_quick.py holds
each to the general one.

Why `pieces` is exact, given its checks: every date form, year segment, page reference and UN symbol
holds a digit; the segments before the tail hold at most three digits in a row (no year), and beside
them no page reference, UN symbol or month name; so the tail's date, symbol and pages are the only
ones `extract` can find. It cuts them from the text, and the segments are the same comma-separated
pieces tidied by the same `clean_segment`. A URL and a quoted title are cut first, as there. Words
kept before a day ("accessed 5 May 2004") must not end in a page cue: to `extract`, "page 5 May 2004"
is page 5 of May 2004.
"""

from __future__ import annotations

import re

from ..model import Citation
from . import dates as cd
from . import parts as cp
from . import split as cs
from .fill import fill_communication
from .kinds import HEAD_PATTERN, head_kinds, lower_cues, may_be

# The tail, read from the right: ", p. 5" (or "pp. 8-9"), " (A/61/PV.52)", and after the last comma
# a date ("5 May 2004", "May 2004", a lone year or year range; a day or month may follow a word:
# "accessed 5 May 2004"). Each may be missing.
_PAGES = re.compile(r" +pp?\. ?(\d+)(?:[-–—](\d+))?")
_UN = re.compile(rf" \(({cp.UN_SYMBOL})\)")
# "5 May 2004" (day, month, year) or "May 2004" (month, year): three or two groups.
_DAY_OR_MONTH = rf"(?:(\d{{1,2}}) {cd.MON} ((?:19|20)\d\d)|{cd.MON} ((?:19|20)\d\d))"
_DATE = re.compile(rf" +(?:([^\d]*?) )??{_DAY_OR_MONTH}" r"| +((?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?)")
# A communication's date, after its last comma.
_COMMUNICATION_DATE = re.compile(rf" +{_DAY_OR_MONTH}")
_URL_AT = re.compile(r", at ((?:https?://|www\.)[^\s,;)\]”\"<>]+)")
_DIGIT = re.compile(r"\d")
_FOUR_DIGITS = re.compile(r"\d\d\d\d")
_MONTH = re.compile(rf"\b{cd.MON}")
# Text before a lone year that `find_date` would read with it as one date ("May, 2004", "May 5, 2004"),
# searched in its last 11 characters (the longest month, "September.", and the character before).
_DATE_BEFORE_YEAR = re.compile(rf"(?:\b{cd.MON}|\d)\Z")
_PRESS = HEAD_PATTERN["press_release"]
_AFTER_END = frozenset('ABCDEFGHIJKLMNOPQRSTUVWXYZ“"(')  # what `split._SENTENCE_END` looks ahead to


def fragment(text: str) -> str | None:
    """`split_note(text)` when that is one fragment, found without its searches: no odd spaces, no
    ";" and no sentence end, no "and" before a new source, not commentary. None otherwise (the note
    may split, or hold no citation)."""
    if "  " in text or not text.isprintable():  # `split.odd_spaces`; a no-break space is unprintable
        return None
    text = text.strip()
    if ";" in text or (("! " in text or "? " in text or ". " in text) and _sentence_end(text)):
        return None
    if " and " in text and (", and " in text or cs.AND_SOURCE.search(cs.mask_quotes(text))):
        return None
    if not text or cs.is_commentary(text):
        return None
    return text.strip(" ;,") or None


def _sentence_end(text: str) -> bool:
    """Whether `split._sentences` may cut the text: a stop and a space before a capital letter, a quote
    or a parenthesis, not after an abbreviation or initials ("Mr.", "U.S.", "p. 5" are no ends)."""
    masked = None
    for stop in (". ", "! ", "? "):
        at = text.find(stop)
        while at >= 0:
            if text[at + 2 : at + 3] in _AFTER_END:
                masked = masked or cs.mask_quotes(text)
                before = masked[: at + 1].rstrip(".!?").rsplit(None, 1)
                last = before[-1] if before else ""
                if masked[at : at + 2] == stop and not (last in cs.ABBREV or cs.INITIAL.fullmatch(last)):
                    return True
            at = text.find(stop, at + 2)
    return False


def communication(text: str, body: str) -> Citation | None:
    """`parse_citation`'s result for a plain communication (`text` as it keeps it, `body` without its
    lead words): its head reads as an email, letter, interview or statement, and the rest is segments
    and a date as in `pieces`. None for any other text."""
    kind, statement = head_kinds(body.partition(",")[0])
    if kind is None and not statement:
        return None
    segs, comma, last = body.rpartition(",")
    m = _COMMUNICATION_DATE.fullmatch(last) if comma else None
    if m is None or _unplain(segs) or "http" in body or "www." in body:
        return None
    if kind is None:
        if may_be("press_release", lower_cues(body)) and _PRESS.search(body):
            return None
        kind = "statement"
    day, month, year, month2, year2 = m.groups()
    read = cd.read_groups("dy", (year, month, day)) if year else cd.read_groups("my", (year2, month2))
    if read is None:
        return None
    c = Citation(kind, text, read[0], read[1])
    fill_communication(c, cp.join_dc([s for s, _ in map(cp.clean_segment, segs.split(",")) if s]), kind)
    return c


def _unplain(segs: str) -> bool:
    """Segments holding a quote, a parenthesis or a digit (which `extract` might read)."""
    return "“" in segs or "”" in segs or '"' in segs or "(" in segs or ")" in segs or _has_digit(segs)


def pieces(body: str) -> cp.Pieces | None:
    """`parts.extract(body)` for a plain citation (its `work` aside), None for any other text."""
    title = None
    work = body
    if "“" in body or "”" in body or '"' in body:  # one title, in curly or in straight quotes
        if '"' in body:
            start = body.find('"')
            end = -1 if "“" in body or "”" in body or body.count('"') != 2 else body.find('"', start + 1)
        else:
            start, end = body.find("“"), body.find("”")
            end = -1 if body.count("“") > 1 or body.count("”") > 1 else end
        if start < 0 or not 1 <= end - start - 1 <= 400:
            return None
        title = body[start + 1 : end].strip(" ,.;:") or None
        work = f"{body[:start]}, {cp.TITLE_MARK}, {body[end + 1 :]}"
    p = cp.Pieces(work, title)
    if "http" in work or "www." in work:
        m = _URL_AT.search(work)
        if m is None:
            return None
        work = work[: m.start()] + work[m.end() :]
        if "http" in work or "www." in work:
            return None
        p.urls.append(m.group(1).rstrip("."))
    segs = _read_tail(work, p)
    if segs is None or (_has_digit(segs) and not _plain_digits(segs)):
        return None
    if "(" in segs and not _plain_parens(segs):
        return None
    p.work = segs
    p.segments = cp.join_dc([s for s, _ in map(cp.clean_segment, segs.split(",")) if s])
    return p


def pages_after(rest: str, leads: tuple[str, ...]) -> tuple[str | None] | None:
    """(pages,) when `rest`, the text after a citation's fixed opening ("Ibid", "Landmine Monitor Report
    2004"), is one of `leads` alone or followed by a page reference (", p. 5"): what `extract` reads as
    the pages of the whole citation, as the opening holds none. None for any other text."""
    if rest in leads:
        return (None,)
    lead = next((x for x in leads if rest.startswith(x + ",")), None)
    m = _PAGES.fullmatch(rest, len(lead) + 1) if lead is not None else None
    return (_pages(m),) if m else None


def _pages(m: re.Match[str]) -> str:
    first, last = m.group(1, 2)
    return f"{first}-{last}" if last else first


def _has_digit(text: str) -> bool:
    if text.isascii():
        return (
            "0" in text or "1" in text or "2" in text or "3" in text or "4" in text
            or "5" in text or "6" in text or "7" in text or "8" in text or "9" in text
        )  # fmt: skip
    return _DIGIT.search(text) is not None


def _plain_digits(segs: str) -> bool:
    """Digits in the segments that no date, year, page reference or UN symbol can use: runs of at most
    three, no "/", no page reference and no month name beside them."""
    return not (_FOUR_DIGITS.search(segs) or "/" in segs or cp.PAGES.search(segs) or _MONTH.search(segs))


def _plain_parens(segs: str) -> bool:
    """No parenthesis that `extract` would open into segments (one holding a comma, or nothing)."""
    return all("," not in m.group(1) and m.group(1).strip() for m in cp.PAREN.finditer(segs))


def _read_tail(work: str, p: cp.Pieces) -> str | None:
    """Pages, UN symbol and date from the end of `work` into `p`, and the text before them (the
    segments); None when `extract` would read the tail otherwise (no real calendar date, a lone year
    after a month name or a number, a date after a word that could end a range or hold its day, a day
    after a page cue: "p 5 May 2004")."""
    if not work[-1:].isdigit() and not work.endswith(")"):
        return work
    head, comma, last = work.rpartition(",")
    m = _PAGES.fullmatch(last) if comma and last.startswith(" p") else None
    if m:
        p.pages = _pages(m)
        work = head
    if work.endswith(")"):
        start = work.rfind(" (")
        m = _UN.fullmatch(work, start) if start >= 0 else None
        if m:
            p.un_symbols.append(cp.normalize_un_symbol(m.group(1)))
            work = work[:start]
    if not work[-1:].isdigit():
        return work
    head, comma, last = work.rpartition(",")
    m = _DATE.fullmatch(last) if comma else None
    if m is None:
        return work
    words, day, month, year, month2, year2, years = m.groups()
    if years:
        before = head.rstrip()
        if _DATE_BEFORE_YEAR.search(before, max(0, len(before) - 11)):
            return None
        read = cd.year_segment(years)
    elif words is not None and not (words[-1:].isalpha() and not words.endswith(cd.RANGE_ENDS)):
        return None
    elif day and cp.PAGES.search(last, 0, m.end(2)):
        return None  # "page 5 May 2004": `extract` reads the day as a page reference first
    else:
        read = cd.read_groups("dy", (year, month, day)) if year else cd.read_groups("my", (year2, month2))
    if read is None:
        return None
    p.date, p.date_end = read
    return f"{head},{last[: m.start(2 if day else 5)]}" if words is not None else head
