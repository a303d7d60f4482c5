"""Dates in a citation's text: the last stated date or range ("3-5 May 2003", "12 March 2004", "May 3,
2004", "2004-05-03", "May 2004") and segments that are only a year ("1997", "2003-2004").

Pure functions; the speed comes from starting each search where the date itself can start, so that one
match attempt usually decides (tests/test_citations_fast.py checks them against the plain patterns).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

_MONTH_NAMES = "January February March April May June July August September October November December"
MONTHS = {m[:3]: i for i, m in enumerate(_MONTH_NAMES.split(" "), 1)}
MON = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"


def _mon(name: str) -> str:
    return MON.replace("(", f"(?P<{name}>", 1)


# Ranges first ("3-5 May", "between 1 and 3 July", and two days "12 and 14 March" as the range they
# span), then day-month-year, month-day-year, ISO, a range of months ("January-June 1998"), month-year.
_DATE_FORMS = [
    rf"(?:from\s+|between\s+)?(?<!\d)(?P<ra>\d{{1,2}})(?:\s*(?:to|[-–—])\s*|\s+and\s+)(?P<rb>\d{{1,2}})\s+{_mon('rm')},?\s+(?P<ry>(?:19|20)\d\d)(?!\d)",
    rf"(?:from\s+)?(?<!\d)(?P<sa>\d{{1,2}})\s+{_mon('sm')}\s*(?:to|[-–—])\s*(?P<sb>\d{{1,2}})\s+{_mon('sn')},?\s+(?P<sy>(?:19|20)\d\d)(?!\d)",
    rf"(?<!\d)(?P<dd>\d{{1,2}})\s+{_mon('dm')},?\s+(?P<dy>(?:19|20)\d\d)(?!\d)",
    rf"\b{_mon('am')}\s+(?<!\d)(?P<ad>\d{{1,2}}),\s*(?P<ay>(?:19|20)\d\d)(?!\d)",
    r"(?<![\w/])(?P<iy>\d{4})-(?P<im>\d\d)-(?P<id>\d\d)(?!\d)",
    rf"\b{_mon('na')}\s*(?:to|[-–—])\s*{_mon('nb')},?\s+(?P<ny>(?:19|20)\d\d)(?!\d)",
    rf"\b{_mon('mm')},?\s+(?P<my>(?:19|20)\d\d)(?!\d)",
]


def _date_pattern(forms: list[str], first: str) -> re.Pattern[str]:
    """The forms in one pattern; `first` are the characters a match can start with: the lookahead lets
    re skip other places cheaply."""
    return re.compile(rf"(?=[{first}])(?:" + "|".join(forms) + ")")


_DATES = _date_pattern(_DATE_FORMS, r"\dfbJFMASOND")
# Where a date can start: a digit, "from", or a month name at a word boundary (the first three letters
# of every month form). Narrower than the first characters alone, so the zone cached below starts at
# the date itself ("26 February 2001") rather than at the names before it, and repeats across notes.
_DATE_START = re.compile(
    r"(?=[\dfbJFMASOND])(?:\d|from|between|\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec))"
)
# (?<!\d)(?:19|20)\d\d(?!\d), written to start with a literal so that re can skip ahead to a 1 or a 2.
_YEAR = re.compile(r"(?:19|20)(?<!\d\d\d)\d\d(?!\d)")
# What a date can hold: digits, spaces, ".,-–—", and the letters of month names, "to", "from", "and"
# and "between".
_IN_DATE = r"\d\s.,\-–—JFMASONDabcdefghilmnoprstuvwy"
# Up to the last character that no date form holds.
_NOT_IN_DATE = re.compile(rf"(?s:.*)[^{_IN_DATE}]")
# The common case, "..., 14 August 1999" with no digit after: the last year, read as day-month-year.
_DAY_MONTH_YEAR_LAST = re.compile(r"(?s:.*)" + _DATE_FORMS[2] + r"(?=\D*\Z)")
RANGE_ENDS = ("to", "-", "–", "—", " and")  # what ends the text before a range's last day
# The last year (group 1): from the end back to it, one step per character.
_LAST_YEAR = re.compile(r"(?s:.*)((?:19|20)(?<!\d\d\d)\d\d(?!\d))")
_YEAR_SEGMENT = re.compile(r"^(?:in\s+|dated\s+)?((?:19|20)\d\d)(?:\s*[-–/]\s*((?:19|20)?\d\d))?$")


def _iso(year: str, month: str | None = None, day: str | None = None) -> str:
    """ISO date from the text's parts (month by name)."""
    out = year
    if month:
        out += f"-{MONTHS[month[:3]]:02d}"
        if day:
            out += f"-{int(day):02d}"
    return out


_MONTH_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _valid(date: str) -> bool:
    """A real calendar date (no 31 June, no 29 February 2003), as precise as stated."""
    parts = date.split("-")
    if len(parts) < 2:
        return True
    month = int(parts[1])
    if not 1 <= month <= 12:
        return False
    if len(parts) < 3:
        return True
    last = 29 if month == 2 and calendar.isleap(int(parts[0])) else _MONTH_DAYS[month]
    return 1 <= int(parts[2]) <= last


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
    if g["ny"]:
        first, last = _iso(g["ny"], g["na"]), _iso(g["ny"], g["nb"])
        return (first, last) if first <= last else (last, None)
    return _iso(g["my"] or "", g["mm"]), None


# The groups of each date form, by the group that closes its match (the year; the day for ISO dates).
_FORM_GROUPS = {
    "ry": ("ry", "rm", "ra", "rb"),
    "sy": ("sy", "sm", "sa", "sn", "sb"),
    "dy": ("dy", "dm", "dd"),
    "ay": ("ay", "am", "ad"),
    "id": ("iy", "im", "id"),
    "ny": ("ny", "na", "nb"),
    "my": ("my", "mm"),
}


def _read_match(m: re.Match[str]) -> tuple[str, str | None] | None:
    last = m.lastgroup or "my"
    return read_groups(last, m.group(*_FORM_GROUPS[last]))


@lru_cache(maxsize=16384)
def read_groups(last: str, groups: tuple[str | None, ...]) -> tuple[str, str | None] | None:
    """(date, date_end) from one `_DATES` match (the groups of its form, in `_FORM_GROUPS` order); None
    when it is no real date. The same reading as `_read_date`, without a dict of every group."""
    if last == "dy" or last == "ay":  # the common forms, read without _iso and _valid
        year, month, day = groups
        number, d = MONTHS[(month or "")[:3]], int(day or "")
        days = 29 if number == 2 and calendar.isleap(int(year or "")) else _MONTH_DAYS[number]
        return (f"{year or ''}-{number:02d}-{d:02d}", None) if 1 <= d <= days else None
    if last == "my":
        year, month = groups
        return f"{year or ''}-{MONTHS[(month or '')[:3]]:02d}", None
    if last == "ry":
        year, month, day, last_day = groups
        date, end_date = _iso(year or "", month, day), _iso(year or "", month, last_day)
    elif last == "sy":
        year, month, day, last_month, last_day = groups
        date, end_date = _iso(year or "", month, day), _iso(year or "", last_month, last_day)
    elif last == "ny":
        year, month, last_month = groups
        date, end_date = _iso(year or "", month), _iso(year or "", last_month)
        if end_date < date:  # "December-January 2004": the year of which month? The last one, alone.
            return end_date, None
    else:  # "id": an ISO date
        year, month, day = groups
        date, end_date = f"{year}-{month}-{day}", None
    return (date, end_date) if _valid(date) and (end_date is None or _valid(end_date)) else None


def find_date(text: str) -> tuple[str | None, str | None, tuple[int, int] | None]:
    """The last stated date (or range) in `text`: (date, date_end, span).

    Every form holds a year, so only the 60 characters before each year are searched. Years are whole
    4-digit runs, so the last one found from the end is the last one found from the start, and the
    years before it are only looked at when there is no date form at it."""
    common = _common_date(text)
    if common is not None:
        return common
    last = _LAST_YEAR.match(text)
    if last is None:
        return None, None, None
    found = _date_ending_at(text, last.start(1), last.end(1))
    if found is None:
        for year in reversed(list(_YEAR.finditer(text))[:-1]):
            found = _date_ending_at(text, year.start(), year.end())
            if found is not None:
                break
    return found if found else (None, None, None)


def _common_date(text: str) -> tuple[str | None, str | None, tuple[int, int] | None] | None:
    """`find_date` for the common "..., 14 August 1999" (no digit after the year) in one match; None
    for other text. The day-month-year match at the last year is the first `_DATES` match ending there
    unless a range can start before it: every other form ends in a year or (ISO) in "-" and a day, and
    a range needs "to" or a dash before its last day, so "to" or a dash before the day sends the text
    the long way; so does a day more than 60 characters before the year."""
    if "1" not in text and "2" not in text:  # every year holds one
        return None
    m = _DAY_MONTH_YEAR_LAST.match(text)
    if m is None or m.start("dd") < m.start("dy") - 60:
        return None
    if text[: m.start("dd")].rstrip().endswith(RANGE_ENDS):
        return None
    read = read_groups("dy", m.group("dy", "dm", "dd"))
    return (read[0], read[1], (m.start("dd"), m.end("dy"))) if read else (None, None, None)


def _date_ending_at(
    text: str, start: int, end: int
) -> tuple[str, str | None, tuple[int, int]] | tuple[()] | None:
    """The first date match from at most 60 characters before the year at text[start:end] that ends
    with it (or past it: 6 characters more are read): (date, date_end, span); () when that is no real
    date (stop looking), None when no date form ends there (try the year before).

    No date holds a character outside `_IN_DATE`, so the search starts after the last such character
    before the year, at the first place a date can start (`_DATE_START`): usually the date itself,
    so that one match attempt decides. The search bounds (pos, endpos) leave the look-behinds the
    character before and cut the look-aheads at the same place as a slice would."""
    cut = _NOT_IN_DATE.match(text, max(0, start - 60), end)
    first = _DATE_START.search(text, max(start - 60, cut.end() if cut else 0), end)
    for m in _DATES.finditer(text, first.start() if first else start, end + 6):
        if m.end() >= end:
            read = _read_match(m)
            return (read[0], read[1], m.span()) if read else ()
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
