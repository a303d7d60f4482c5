"""UN General Assembly votes on the annual pro-ban resolution: unga_vote (for | abstained | absent |
against), one fact per year the sentence names.

Choices:
- `year` is the year of the vote; `date` when the sentence gives the day; the resolution, when named,
  goes in `unit` as its document symbol ("A/RES/51/45"), since a Fact has no better slot for it.
  A resolution number alone gives the year (session N was held in year N + 1945).
- each vote verb owns the years after it up to the next vote verb (the first verb also owns those
  before it): "voted in favor of the 1996 resolution, but has abstained on ... Resolution 58/53 on
  8 December 2003" gives 1996 for and 2003 abstained.
- years after "since", "until" or "before" are not counted: "absent from every vote since 1997" gives
  no per-year fact, because the years it covers cannot be counted from the sentence itself.
- future and conditional votes ("will vote in favor") and explanations of a vote without its
  direction ("In explaining its vote ... in 2008") give nothing.
"""

from __future__ import annotations

import re

from ..model import Fact
from .dates import find_dates
from .sentences import SentenceContext, has_any, lowered
from .subject import about_other, clause_before

_TOPIC = re.compile(r"resolution|UNGA|General Assembly", re.I)
_VERBS: list[tuple[str, re.Pattern[str]]] = [
    ("for", re.compile(r"\bvot(?:ed|es|ing)\s+(?:in\s+favou?r|for|in\s+support|yes)\b"
                       r"|\bsupported\b(?=[^.;]{0,80}\bresolutions?\b)", re.I)),
    ("against", re.compile(r"\bvot(?:ed|es|ing)\s+against\b", re.I)),
    ("abstained", re.compile(r"\babstain(?:ed|s|ing)?\b|\babstention\b", re.I)),
    ("absent", re.compile(r"\babsent\b|\bdid not (?:take part in|participate in) the vote\b", re.I)),
]  # fmt: skip
_RESOLUTION = re.compile(r"\bResolution\s+(\d{2})/(\d{1,3}(?:\s?(?-i:[A-Z]{1,2}))?)\b", re.I)
_NOT_A_VOTE_YEAR = re.compile(r"(?:since|until|before|prior to|through|from)\s+(?:\w+\s+){0,2}$", re.I)
_TREATY_AFTER = re.compile(r"^\s*(?:Mine Ban|Ottawa|[Tt]reaty|Convention|Brussels)")
_UNREAL = re.compile(r"\b(?:will|would|could|should|may|might|not)\s+(?:\w+\s+)?$", re.I)
# The same patterns for lower-cased ASCII text (see `lowered`).
_TOPIC_LOW, _UNREAL_LOW = lowered(_TOPIC), lowered(_UNREAL)
_VERBS_LOW = [(v, lowered(p)) for v, p in _VERBS]


_TOPIC_WORDS = ("resolution", "unga", "assembly")  # where _TOPIC can match
_VERB_WORDS = ("vot", "supported", "abstain", "abstention", "absent")  # where _VERBS can match
_VERB_WORDS_OF = {
    "for": ("vot", "supported"),
    "against": ("vot",),
    "abstained": ("abstain", "abstention"),
    "absent": ("absent", "vot"),
}


def wanted(text: str, low: str) -> bool:
    """Cheap necessary condition for a vote: a word of the topic and a word of a vote verb."""
    return has_any(low, _TOPIC_WORDS) and has_any(low, _VERB_WORDS)


def extract(ctx: SentenceContext) -> list[Fact]:
    """The votes one sentence reports, one fact per (year, vote)."""
    if not wanted(ctx.text, ctx.low):
        return []
    return read(ctx)


def read(ctx: SentenceContext) -> list[Fact]:
    """`extract` for a sentence known to have the words `wanted` looks for."""
    text, low = ctx.text, ctx.low
    ascii_text = text.isascii()
    src, unreal = (low, _UNREAL_LOW) if ascii_text else (text, _UNREAL)
    if not (_TOPIC_LOW if ascii_text else _TOPIC).search(src):
        return []
    verbs = _VERBS_LOW if ascii_text else _VERBS
    patterns = [(v, p) for v, p in verbs if has_any(low, _VERB_WORDS_OF[v])]
    hits = sorted(((m.start(), m.end(), v) for v, p in patterns for m in p.finditer(src)), key=lambda h: h[0])
    facts: list[Fact] = []
    seen: set[tuple[int, str]] = set()
    for i, (start, end, vote) in enumerate(hits):
        prev_end = hits[i - 1][1] if i else 0
        if unreal.search(src[max(prev_end, start - 20) : start]):
            continue
        if not _subjectless(text, start) and about_other(clause_before(text, start, prev_end), ctx.iso3):
            continue
        scope_start = 0 if i == 0 else end
        scope_end = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        for year, date, symbol in _years(text, scope_start, scope_end):
            if (year, vote) in seen or (ctx.edition and year >= ctx.edition + 1):
                continue
            seen.add((year, vote))
            facts.append(
                Fact(
                    "unga_vote",
                    vote,
                    year,
                    date,
                    symbol,
                    None,
                    ctx.section,
                    ctx.paragraph,
                    text,
                    list(ctx.footnotes),
                )
            )
    return facts


def _subjectless(text: str, start: int) -> bool:
    """An overview-table cell: "Abstained on Resolution 65/48 in December 2010"."""
    return not text[:start].strip()


def _years(text: str, start: int, end: int) -> list[tuple[int, str | None, str | None]]:
    """(year, precise date or None, resolution symbol or None) for each vote year in text[start:end]."""
    scope = text[start:end]
    resolutions = {int(m.group(1)) + 1945: f"A/RES/{m.group(1)}/{m.group(2).replace(' ', '')}"
                   for m in _RESOLUTION.finditer(scope)}  # fmt: skip
    years: dict[int, str | None] = {}
    for d in find_dates(scope):
        if _NOT_A_VOTE_YEAR.search(scope[: d.start]) or _TREATY_AFTER.match(scope[d.end :]):
            continue
        if d.year not in years or (d.precise and not years[d.year]):
            years[d.year] = d.iso if d.precise else None
    for year in resolutions:
        years.setdefault(year, None)
    return [(y, years[y], resolutions.get(y)) for y in sorted(years)]
