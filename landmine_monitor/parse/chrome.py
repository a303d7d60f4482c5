"""Page chrome: YAML front matter, what a page's URL says (edition, country slug, kind), and the
navigation lines of every era of the Monitor's sites, which are not content."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\n(?P<body>(?:[^\n]*\n)*?)---[ \t]*(?:\n|\Z)")
_META_LINE = re.compile(r"^(?P<key>[A-Za-z_][\w-]*)\s*:\s*(?P<value>.*?)\s*$")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """`---`/`key: value`/`---` at the very top -> (metadata, the rest of the text)."""
    m = _FRONT.match(text)
    if not m:
        return {}, text
    meta: dict[str, str] = {}
    for line in m.group("body").splitlines():
        lm = _META_LINE.match(line)
        if lm:
            meta[lm.group("key").lower()] = lm.group("value").strip("'\"")
    return meta, text[m.end() :]


@dataclass
class UrlInfo:
    edition: int | None = None
    slug: str | None = None  # the country part of the URL, if any
    section: str | None = None  # what kind of page the URL path names (about, intro, profile, ...)


_YEAR_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\blm/((?:19|20)\d\d)\b",
        r"pqs_year=((?:19|20)\d\d)\b",
        r"/reports/((?:19|20)\d\d)/",
        r"landmine-monitor-((?:19|20)\d\d)\b",
        r"(?:report|release|monitor)-((?:19|20)\d\d)\b",
    )
]
_SLUG_PATTERNS = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\blm/(?:19|20)\d\d/(?:countries/)?([a-z][a-z_\-]+)",
        r"pqs_report=([a-z][a-z_\-]+)",
        r"/reports/(?:19|20)\d\d/([a-z][a-z\-]+)/",
    )
]
_PROFILE = re.compile(r"region_profiles|/cp/display|print_profile|print_theme", re.IGNORECASE)
_NOT_COUNTRY = re.compile(
    r"^(about|intro|developments|es|sub|media|titleintropages|landmine-monitor-\d+|toc|contents"
    r"|execsum|exec_sum|findings|key_findings|appendices|maps|translations|the-issues)$",
    re.IGNORECASE,
)


def url_info(url: str | None) -> UrlInfo:
    """Edition, country slug and page family named by an archived page's URL (any era of the site)."""
    if not url:
        return UrlInfo()
    u = unquote(url)
    info = UrlInfo()
    for p in _YEAR_PATTERNS:
        m = p.search(u)
        if m:
            info.edition = int(m.group(1))
            break
    for p in _SLUG_PATTERNS:
        m = p.search(u)
        if m:
            slug = m.group(1).strip("_-")
            if _NOT_COUNTRY.match(slug):
                info.section = slug.lower()
            else:
                info.slug = slug
            break
    if _PROFILE.search(u):
        info.section = "profile"
    return info


# Lines that are navigation or page furniture in some era of the site, wherever they appear.
_CHROME_LINE = re.compile(
    r"^(?:"
    r"[+*>\s]*"  # "+   *    +     +", ">", blank-ish decorations
    r"|about us|the issues|our research products|order publications|multimedia|press room"
    r"|resources for monitor researchers|archives home page|table of contents|country reports"
    r"|sub-sections:?|sections|related reports?:?|other reports?:?"
    r"|(?:home|table of contents)(?:\s*(?:>|»|/)\s*[\w .,-]+)+"  # breadcrumbs
    r"|<\s*[\w .-]*\|\s*[\w .-]*>"  # "<Previous | Next>", "<Africa | Asia-Pacific>"
    r"|lm report \d{4} full report.*"
    r"|email notification receive notifications.*"
    r"|send us your feedback on this profile"
    r"|send the monitor your feedback by filling out this form.*"
    r"|(?:previous page)?table of contents(?:next page)?"
    r"|you are on page \d+\s*of\s*\d+"
    r"|jump to a specific section of the chapter:?"
    r"|docstoc|document sample|.* powered by docstoc"
    r")\s*$",
    re.IGNORECASE,
)
# Formatting tags left in archived text; anything else in angle brackets (`<script>` quoted in a paragraph) is
# report text, kept as it is and escaped by whoever displays it.
_TAG = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|span|font|br|p|div|sup|sub|img|hr|center|small|big|tt|blockquote|"
    r"table|tbody|thead|tr|td|th|ul|ol|li|dl|dt|dd|h[1-6]|o:p|st1:[a-z]+)(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)


_LONG_CHROME = ("send the monitor", "lm report", "email notification")


def is_chrome(line: str) -> bool:
    if len(line) > 60 and not line[:20].lower().startswith(_LONG_CHROME):
        return False
    return bool(_CHROME_LINE.match(line))


def clean_line(line: str) -> str:
    """A line without stray HTML tags (`<a name="_Toc..."></a>`) and with spaces normalised."""
    if "<" in line:
        line = _TAG.sub("", line)
    return line.replace("\xa0", " ").strip()


_TOP = 60


def strip_chrome(lines: list[str]) -> list[str]:
    """Lines with navigation chrome blanked out (kept as blank lines so paragraph breaks survive).

    Every pattern is tried on the first lines; further down only short lines and `<...>` lines can
    be chrome (previous/next links, "Related Report:"), which keeps long pages fast."""
    out = []
    for i, line in enumerate(lines):
        x = clean_line(line)
        if x and (i < _TOP or len(x) < 24 or x[0] == "<") and is_chrome(x):
            x = ""
        out.append(x)
    return out
