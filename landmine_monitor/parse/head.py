"""The top of a page: title line, country-name line, and from them (plus the URL) kind, country, edition.

Title lines of every era: `ANGOLA, Landmine Monitor Report 2002` (upper case 1999-2002),
`THAILAND , Landmine Monitor Report 2005`, slugs such as `Sri_Lanka` above the country line (2009),
`Landmine Monitor 2003` on thematic chapters, a Markdown `# Title`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import countries
from ..model import Country
from ..months import MONTHS
from ..topics import heading_topics
from .chrome import UrlInfo
from .layout import KD, META, Unit, is_candidate, is_prose
from .notes import MARKER

TITLE = re.compile(
    r"^(?P<name>.+?)\s*,\s*(?:key developments\s*-\s*)?landmine monitor report\s+(?P<year>(?:19|20)\d\d)\s*$",
    re.IGNORECASE,
)
MONITOR_TITLE = re.compile(r"\blandmine monitor(?: report)?\s+(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)

_ABOUT = re.compile(
    r"acknowledg|about (?:the )?landmine monitor|^about\b|preface|press kit|unprecedented (?:initiative|compilation)"
    r"|landmine monitor is (?:an|not|designed)|\(the monitor\)|“the monitor”|the voice of civil society",
    re.IGNORECASE,
)
_OTHER = re.compile(
    r"research orientation guide|press release|annual report$|order (?:form|publications)", re.IGNORECASE
)
_TOC = re.compile(r"\.{6,}\s*\d+\s*$", re.MULTILINE)
_URL_OTHER = re.compile(r"/order/|press-releases?|orientation-guide|docstoc", re.IGNORECASE)
_URL_ABOUT = re.compile(
    r"about|acknowledg|preface|titleintropages|/media\b|what-is-the-monitor", re.IGNORECASE
)
_URL_THEMATIC = re.compile(
    r"landmine-monitor-\d{4}|the-issues|/(?:es|sub|intro|developments)\b", re.IGNORECASE
)


@dataclass
class Head:
    title: str | None = None
    title_country: Country | None = None
    title_year: int | None = None
    country_line: Country | None = None
    heading_like_title: bool = False
    end: int = 0  # index of the first unit after the head
    notes: list[str] = field(default_factory=list)


def _strip_markers(text: str) -> str:
    return MARKER.sub("", text).strip(" |")


def _country_line(unit: Unit) -> Country | None:
    t = _strip_markers(unit.text)
    if len(t) > 80 or is_prose(t):
        return None
    return countries.resolve(t)


def read_head(units: list[Unit]) -> Head:
    """Title and country-name line from the first units (before the first section or paragraph)."""
    head = Head()
    i = 0
    while i < len(units) and units[i].role == "meta":
        i += 1
    for j in range(i + 1, min(i + 3, len(units))):  # leftover furniture above a title line
        if TITLE.match(units[j].text) and not any(units[k].role in ("prose", "kd") for k in range(i, j)):
            for k in range(i, j):
                units[k].role = "meta"
            i = j
            break
    if i >= len(units):
        head.end = i
        return head
    u = units[i]
    m = TITLE.match(u.text)
    if m:
        head.title, head.title_year = u.text, int(m.group("year"))
        head.title_country = countries.resolve(_strip_markers(m.group("name")))
        i += 1
    elif u.md_level == 1 or MONITOR_TITLE.match(u.text):
        head.title = u.text
        ym = MONITOR_TITLE.search(u.text)
        head.title_year = int(ym.group("year")) if ym else None
        head.title_country = _country_line(u)
        i += 1
    elif (
        i + 1 < len(units)
        and u.role not in ("heading", "kd", "prose")
        and is_candidate(u.text)
        and _country_line(units[i + 1]) is not None
    ):
        head.title = u.text  # a slug or page title above the country-name line (2009 pages)
        head.title_country = countries.resolve(u.text)
        i += 1
    while i < len(units) and units[i].role == "meta":
        i += 1
    if i < len(units) and units[i].role != "kd":
        c = _country_line(units[i])
        if c is not None:
            head.country_line = c
            units[i].role = "country"
            i += 1
        elif head.title and _norm(units[i].text) in _norm(head.title) and units[i].role != "prose":
            units[i].role = "title"  # the title repeated as a page heading
            i += 1
    head.end = i
    return head


def _norm(s: str) -> str:
    return " ".join(s.lower().split())


def decide_kind(head: Head, info: UrlInfo, url: str | None, units: list[Unit], body: str) -> str:
    """country_report, country_profile, thematic, about, toc or other."""
    url = url or ""
    country = head.title_country or head.country_line or _slug_country(info)
    if info.section == "profile" or (head.country_line and any(META.match(u.text) for u in units[:6])):
        return "country_profile" if country or not head.title else "other"
    if re.search(r"/reports/\d{4}/[a-z-]+/[a-z-]+\.aspx", url, re.IGNORECASE) and _slug_country(info):
        return "country_profile"
    if _URL_OTHER.search(url):
        return "other"
    if head.title_country or (_slug_country(info) and not _URL_ABOUT.search(url)):
        return "country_report"
    if _URL_ABOUT.search(url):
        return "about"
    if _URL_THEMATIC.search(url):
        return "thematic"
    return _kind_from_text(head, units, body)


def _kind_from_text(head: Head, units: list[Unit], body: str) -> str:
    top = "\n".join(u.text for u in units[:4])[:1500]
    if _OTHER.search(head.title or "") or _OTHER.search(top[:300]):
        return "other"
    if "......" in body[:5000] and len(_TOC.findall(body[:5000])) >= 5:
        return "toc"
    if _ABOUT.search(head.title or "") or _ABOUT.search(top):
        return "about"
    if head.country_line:
        return "country_report"
    if head.title and not head.title_country:
        return "thematic"
    named = {
        c.iso3 for u in units if u.role == "heading" and (c := countries.resolve(_strip_markers(u.text)))
    }
    if len(named) >= 2 and not head.country_line:
        return "thematic"  # a regional chapter: one heading per country
    known = sum(1 for u in units if u.role == "heading" and heading_topics(u.text))
    kds = sum(1 for u in units if KD.match(u.text))
    if head.country_line or kds or known >= 1:
        return "country_report"
    return "thematic" if MONITOR_TITLE.search(top) else "other"


def _slug_country(info: UrlInfo) -> Country | None:
    return countries.resolve(info.slug) if info.slug else None


def page_country(head: Head, info: UrlInfo, kind: str, text: str) -> tuple[Country | None, bool]:
    """(country, inferred?) for country pages; (None, False) for the others."""
    if kind not in ("country_report", "country_profile"):
        return None, False
    c = head.title_country or head.country_line or _slug_country(info)
    if c is not None:
        return c, False
    found = countries.find_in_text(text)
    return found, found is not None


_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d\d)\b")


def _after_month(text: str, at: int) -> bool:
    return text[max(0, at - 10) : at].rstrip().lower().endswith(MONTHS)


def page_edition(
    head: Head, info: UrlInfo, kind: str, units: list[Unit], text: str
) -> tuple[int | None, bool]:
    """(edition, inferred?): from the URL, the title, a "Landmine Monitor YYYY" line near the top, or
    (country reports only) the newest month-year date the page cites."""
    if info.edition:
        return info.edition, False
    if head.title_year:
        return head.title_year, False
    for u in units[:3]:
        m = MONITOR_TITLE.search(u.text)
        if m:
            return int(m.group("year")), False
    if kind != "country_report":
        return None, False
    candidates = sorted(((int(m.group(1)), m.start()) for m in _YEAR.finditer(text)), reverse=True)
    years = [next((y for y, at in candidates if _after_month(text, at)), 0)] if candidates else []
    years = [y for y in years if y]
    return (max(years), True) if years else (None, False)
