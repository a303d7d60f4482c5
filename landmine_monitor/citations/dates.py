"""Dates in a citation's text: the last stated date or range ("3-5 May 2003", "12 March 2004", "May 3,
2004", "2004-05-03", "May 2004") and segments that are only a year ("1997", "2003-2004").

Pure functions; the speed comes from skipping text no date can hold and from caching answers on the short
text around each year (tests/test_citations_fast.py checks them against the plain patterns).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

_MONTH_NAMES = "January February March April May June July August September October November December"
MONTHS = {m[:3]: i for i, m in enumerate(_MONTH_NAMES.split(" "), 1)}
_MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


def _mon(name: str) -> str:
    return _MON.replace("(", f"(?P<{name}>", 1)


# Ranges first, then day-month-year, month-day-year, ISO, month-year.
_DATE_FORMS = [
    rf"(?:from\s+)?(?<!\d)(?P<ra>\d{{1,2}})\s*(?:to|[-–—])\s*(?P<rb>\d{{1,2}})\s+{_mon('rm')},?\s+(?P<ry>(?:19|20)\d\d)(?!\d)",
    rf"(?:from\s+)?(?<!\d)(?P<sa>\d{{1,2}})\s+{_mon('sm')}\s*(?:to|[-–—])\s*(?P<sb>\d{{1,2}})\s+{_mon('sn')},?\s+(?P<sy>(?:19|20)\d\d)(?!\d)",
    rf"(?<!\d)(?P<dd>\d{{1,2}})\s+{_mon('dm')},?\s+(?P<dy>(?:19|20)\d\d)(?!\d)",
    rf"\b{_mon('am')}\s+(?<!\d)(?P<ad>\d{{1,2}}),\s*(?P<ay>(?:19|20)\d\d)(?!\d)",
    r"(?<![\w/])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)",
    rf"\b{_mon('mm')},?\s+(?P<my>(?:19|20)\d\d)(?!\d)",
]


def _date_pattern(forms: list[str], first: str) -> re.Pattern[str]:
    """The forms in one pattern; `first` are the characters a match can start with: the lookahead lets
    re skip other places cheaply."""
    return re.compile(rf"(?=[{first}])(?:" + "|".join(forms) + ")")


_DATES = _date_pattern(_DATE_FORMS, r"\dfJFMASOND")
# With no "to" and no dash in reach, only day-month-year, month-day-year and month-year can match.
_PLAIN_DATES = _date_pattern([_DATE_FORMS[2], _DATE_FORMS[3], _DATE_FORMS[5]], r"\dJFMASOND")
_DATE_START = re.compile(r"[\dfJFMASOND]")  # what a date can start with
# (?<!\d)(?:19|20)\d\d(?!\d), written to start with a literal so that re can skip ahead to a 1 or a 2.
_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
# What a date can hold: digits, spaces, ".,-–—", and the letters of month names, "to" and "from".
_IN_DATE = r"\d\s.,\-–—JFMASONDabcefghilmnoprstuvy"
# Up to the last character that no date form holds.
_NOT_IN_DATE = re.compile(rf"(?s:.*)[^{_IN_DATE}]")
# The last year (group 2), and up to the last character before it that no date holds (group 1).
_LAST_YEAR = re.compile(rf"(?s:(.*[^{_IN_DATE}])?)[{_IN_DATE}]*((?:19|20)(?<!\d\d\d)\d\d(?!\d))")
_YEAR_SEGMENT = re.compile(r"^(?:in\s+|dated\s+)?((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?$")


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    """ISO date from the text's parts (month by name)."""
    out = year
    if month:
        out += f"-{MONTHS[month[:3]]:02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


def _valid(date: str) -> bool:
    """A real calendar date (no 31 June, no 29 February 2003), as precise as stated."""
    parts = [int(x) for x in date.split("-")]
    if len(parts) < 2:
        return True
    if not 1 <= parts[1] <= 12:
        return False
    return len(parts) < 3 or 1 <= parts[2] <= calendar.monthrange(parts[0], parts[1])[1]


def _read_date(g: dict[str, str | None]) -> tuple[str, str | None]:
    if g["ry"]:
        return _iso(g["ry"], g["rm"], g["ra"]), _iso(g["ry"], g["rm"], g["rb"])
    if g["sy"]:
        return _iso(g["sy"], g["sm"], g["sa"]), _iso(g["sy"], g["sn"], g["sb"])
    if g["dy"]:
        return _iso(g["dy"], g["dm"], g["dd"]), None
    if g["ay"]:
        return _iso(g["ay"], g["am"], g["ad"]), None
    if g["iy"]:
        return f"{g['iy']}-{g['im']}-{g['id']}", None
    return _iso(g["my"] or "", g["mm"]), None


# The groups of each date form, by the group that closes its match (the year; the day for ISO dates).
_FORM_GROUPS = {
    "ry": ("ry", "rm", "ra", "rb"),
    "sy": ("sy", "sm", "sa", "sn", "sb"),
    "dy": ("dy", "dm", "dd"),
    "ay": ("ay", "am", "ad"),
    "id": ("iy", "im", "id"),
    "my": ("my", "mm"),
}


def _read_match(m: re.Match[str]) -> tuple[str, str | None] | None:
    last = m.lastgroup or "my"
    return _read_groups(last, m.group(*_FORM_GROUPS[last]))


@lru_cache(maxsize=16384)
def _read_groups(last: str, groups: tuple[str | None, ...]) -> tuple[str, str | None] | None:
    """(date, date_end) from one `_DATES` match (the groups of its form); None when it is no real date."""
    g: dict[str, str | None] = dict.fromkeys(_DATES.groupindex)
    g.update(zip(_FORM_GROUPS[last], groups, strict=True))
    date, end_date = _read_date(g)
    return (date, end_date) if _valid(date) and (end_date is None or _valid(end_date)) else None


def find_date(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The last stated date (or range) in `text`: (date, date_end, span).

    Every form holds a year, so only the 60 characters before each year are searched (speed), and of
    those only what follows the last character that cannot be part of a date: no date can span it, so
    the matches from there on are the same. Years are whole 4-digit runs, so the last one found from
    the end is the last one found from the start, and the rest are only looked for when it is no date."""
    last = _LAST_YEAR.match(text)
    if last is None:
        return None, None, None
    found = _date_at(text, last.start(2), last.end(2), max(last.end(1), 0))
    if found is not None:
        return found if found else (None, None, None)
    for year in reversed(list(_YEAR.finditer(text))[:-1]):
        start = max(0, year.start() - 60)
        cut = _NOT_IN_DATE.match(text, start, year.end())
        found = _date_at(text, year.start(), year.end(), cut.end() if cut else 0)
        if found is not None:
            return found if found else (None, None, None)
    return None, None, None


def _date_at(
    text: str, start: int, end: int, cut: int
) -> tuple[str, str | None, tuple[int, int]] | tuple[()] | None:
    """The date ending with the year at text[start:end], looked for after `cut` (the last character
    before the year that no date holds): (date, date_end, span); () when the text there is no real
    date (stop looking), None when there is no date form there (try the year before).

    From the first character a date can start with (the year's own first digit at the latest), the
    answer depends only on the text up to 6 past the year and the one character before (what the
    look-behinds see): short strings, often repeated, so the answer is cached on them."""
    first = _DATE_START.search(text, max(start - 60, cut, 0), end)
    at = first.start() if first else start
    found = _zone_date(text[at - 1 : at] if at else "", text[at : end + 6], end - at)
    if not found:
        return found
    date, date_end, a, b = found
    return date, date_end, (a + at, b + at)


@lru_cache(maxsize=16384)
def _zone_date(before: str, zone: str, year_end: int) -> tuple[str, str | None, int, int] | tuple[()] | None:
    """`_date_at` on `zone` (the year ending at `year_end`), `before` being the character before it."""
    text, off = before + zone, len(before)
    plain = not ("to" in zone or "-" in zone or "–" in zone or "—" in zone)
    for m in (_PLAIN_DATES if plain else _DATES).finditer(text, off):
        if m.end() < year_end + off:
            continue
        read = _read_match(m)
        return (read[0], read[1], m.start() - off, m.end() - off) if read else ()
    return None


def year_segment(segment: str) -> tuple[str, str | None] | None:
    """A segment that is only a year or a year range ("1997", "2003-2004", "2003/04")."""
    m = _YEAR_SEGMENT.match(segment)
    if not m:
        return None
    end = m.group(2)
    if end and len(end) == 2:
        end = m.group(1)[:2] + end
    return m.group(1), (end if end and end > m.group(1) else None)
