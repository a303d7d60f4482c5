"""Dates as the reports write them, found with their position: "4 December 1997", "December 1997",
"1997", "December 4, 1997". Values are ISO 8601 as precise as stated ("1997-12-04", "1997-12", "1997").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
            ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
            ("october", "oct"), ("november", "nov"), ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}  # fmt: skip

_MONTH = r"(January|February|March|April|May|June|July|August|September|October|November|December)"
_YEAR = r"((?:19|20)\d\d)"
_DATE = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}\s*,?\s*{_YEAR}\b"  # 4 December 1997
    rf"|\b{_MONTH}\s+(\d{{1,2}}),?\s+{_YEAR}\b"  # December 4, 1997
    rf"|\b{_MONTH}\s+{_YEAR}\b"  # December 1997
    rf"|\b{_YEAR}\b(?![-–/]?\d)"  # 1997 (not 1997-98 ranges' first half)
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str  # "1997-12-04", "1997-12" or "1997"

    @property
    def year(self) -> int:
        return int(self.iso[:4])

    @property
    def precise(self) -> bool:
        return len(self.iso) == 10


def find_dates(text: str) -> list[FoundDate]:
    """Every date in `text`, left to right."""
    out: list[FoundDate] = []
    for m in _DATE.finditer(text):
        g = m.groups()
        if g[0]:
            iso = _iso(g[2], g[1], g[0])
        elif g[3]:
            iso = _iso(g[5], g[3], g[4])
        elif g[6]:
            iso = _iso(g[7], g[6], None)
        else:
            iso = g[8]
        if iso:
            out.append(FoundDate(m.start(), m.end(), iso))
    return out


def _iso(year: str, month: str, day: str | None) -> str | None:
    mo = MONTHS[month.lower()]
    if day is None:
        return f"{year}-{mo:02d}"
    d = int(day)
    if not 1 <= d <= 31:
        return None
    return f"{year}-{mo:02d}-{d:02d}"
