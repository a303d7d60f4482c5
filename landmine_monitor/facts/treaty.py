"""Mine Ban Treaty status and dates: treaty_status, treaty_signed, treaty_ratified, treaty_acceded,
treaty_entry_into_force.

Reading rules:
- after 1 March 1999 states join by accession, so "has not acceded" and "has not signed" both mean
  not_party (and in the 1999 edition "has not signed" already meant the same);
- "signed ... but has not yet ratified" / "has yet to ratify" mean signatory;
- a ratification, accession, entry into force or "became a State Party" means state_party;
- an event counts only when its clause is about the report's country and its object is the Mine Ban
  Treaty (not "the instrument of accession", not CCW Amended Protocol II, not "a peace agreement");
- the date of an event is the first date after its verb, before the next event, else the last date
  before it in the same clause ("On 17 June 1998, Peru became the nineteenth nation to ratify").
"""

from __future__ import annotations

import re

from ..model import Fact
from .dates import FoundDate, find_dates
from .sentences import SentenceContext, has_any, lowered
from .subject import about_other, clause_before

MBT = re.compile(r"Mine Ban Treaty|Ban Treaty|Ottawa (Convention|Treaty)|\b[Tt]he [Tt]reaty\b|\bMBT\b")

# Positive events: (indicator, pattern). Order does not matter; matches are sorted by position.
_EVENTS: list[tuple[str, re.Pattern[str]]] = [
    ("treaty_signed", re.compile(r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )\bsigned\b")),
    ("treaty_ratified", re.compile(r"\bratified\b|\bdeposited (?:its|the) (?:instrument|document) of ratification"
                                   r"|\bdeposited its ratification\b|\b(?:nation|country|state) to ratify\b")),
    ("treaty_acceded", re.compile(r"\bacceded\b|\bdeposited (?:its|the) instrument of accession")),
    ("treaty_entry_into_force", re.compile(r"\b(?:entered|enter|enters|entry) into force\b"
                                           r"|\bbec(?:ame|oming|ome) a State Party\b|\bState Party since\b")),
]  # fmt: skip

# What may follow a signing/ratifying/acceding verb when its object is the treaty.
_TREATY_OBJECT = re.compile(
    r"\s*(?:to\s+)?(?:the\s+(?:1997\s+)?(?:Mine Ban\s+|Ottawa\s+)?(?:Treaty|Convention)(?!\s+on\s+(?:Conv|Clus))"
    r"|it\b|on\b|in\b|at\b|,|\.|$)",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|never|yet to|unable to|refused to)\s+(?:yet\s+)?(?:formally\s+)?$", re.I)
_FUTURE = re.compile(r"\b(?:will|would|could|should|may|might|to)\s+(?:be\s+)?$", re.I)

_NOT_PARTY = re.compile(
    r"(?<!could )\b(?:not|never)\s+(?:yet\s+)?(?:formally\s+)?(?:signed|sign|acceded|accede|joined|join)\b"
    r"|\bcannot\s+(?:therefore\s+)?(?:accede|join|sign)\b"
    r"|\bnot\s+(?:in a position|eligible|able)\s+to\s+(?:accede|join|sign)\b"
    r"|\bunable to (?:sign|join|accede)\b|\bprevents (?:formal )?accession\b"
    r"|\bwould (?:join|adhere to|accede to|sign)\b[^.]*\bif\b"
    r"|\bnon-?signatory\b|\bnon-State Party\b"
    r"|\bnot\s+(?:yet\s+)?(?:a\s+)?(?:State\s+)?part(?:y|ies)\b",
    re.I,
)
_SIGNATORY = re.compile(
    r"\bnot\s+(?:yet\s+)?ratified\b|\byet to ratify\b|\bis a signatory\b|\bstatus:?\s+Signatory\b", re.I
)
_STATE_PARTY = re.compile(
    r"\b(?:is|became|becoming|become) a State Party\b|\bstatus:?\s+State Party\b|\bState Party since\b"
    r"|\bone of (?:the )?\w+ States Parties\b|\b(?:its|the) (?:treaty-mandated|Article [45]) deadline",
    re.I,
)


_PARTY_WORDS = re.compile(r"State Party|States Parties|Article [45] deadline|treaty-mandated deadline")
_TABLE_STATUS = [
    ("not_party", re.compile(r"(?:Not a|State not|Non-State) (?:State )?part|Non-?signatory|Cannot (?:accede|join)", re.I)),
    ("signatory", re.compile(r"Signatory", re.I)),
    ("state_party", re.compile(r"State Party", re.I)),
]  # fmt: skip


# MBT, _PARTY_WORDS or "instrument of" can only match where one of these words occurs.
_TRIGGERS = ("treaty", "ottawa", "mbt", "party", "parties", "deadline", "instrument")


def wanted(text: str, low: str) -> bool:
    """Cheap necessary condition for a treaty fact in prose (table rows are always read)."""
    return has_any(low, _TRIGGERS)


def extract(ctx: SentenceContext) -> list[Fact]:
    """Treaty status and dates stated in one sentence."""
    if ctx.table_row:
        return _table_row(ctx)
    if not wanted(ctx.text, ctx.low):
        return []
    return read(ctx)


def read(ctx: SentenceContext) -> list[Fact]:
    """`extract` for a sentence of prose known to have the words `wanted` looks for."""
    text = ctx.text
    if not (MBT.search(text) or _PARTY_WORDS.search(text) or "instrument of" in text):
        return []
    facts = _status(ctx)
    facts.extend(_events(ctx))
    return facts


def _table_row(ctx: SentenceContext) -> list[Fact]:
    """An overview-table cell: "Mine Ban Treaty status: Not a State Party", "State Party since: 1 May 1999"."""
    key, _, value = ctx.text.partition(": ")
    if not re.match(r"(?:Mine Ban )?Treaty|State Party since", key, re.I):
        return []
    if key.lower() == "state party since":
        dates = [d for d in find_dates(value) if d.precise]
        facts = [_fact(ctx, "treaty_status", "state_party")]
        return facts + [_fact(ctx, "treaty_entry_into_force", dates[0].iso, dates[0])] if dates else facts
    for status, pattern in _TABLE_STATUS:
        if pattern.match(value):
            return [_fact(ctx, "treaty_status", status)]
    return []


def _fact(ctx: SentenceContext, indicator: str, value: object, date: FoundDate | None = None) -> Fact:
    return Fact(
        indicator=indicator,
        value=value,
        year=date.year if date else None,
        date=date.iso if date else None,
        section=ctx.section,
        paragraph=ctx.paragraph,
        sentence=ctx.text,
        footnotes=list(ctx.footnotes),
    )


# The words without which each status pattern, and each event pattern, cannot match.
_STATUS_WORDS = {
    "state_party": ("party", "parties", "deadline"),
    "signatory": ("ratif", "signatory"),
    "not_party": ("sign", "acced", "join", "accession", "adhere", "part"),
}
_EVENT_WORDS = {
    "treaty_signed": ("signed",),
    "treaty_ratified": ("ratif",),
    "treaty_acceded": ("acceded", "accession"),
    "treaty_entry_into_force": ("force", "state party"),
}


_STATUS_PATTERNS = [("state_party", _STATE_PARTY), ("signatory", _SIGNATORY), ("not_party", _NOT_PARTY)]
# The same for lower-cased ASCII text (see `lowered`).
_STATUS_PATTERNS_LOW = [(status, lowered(p)) for status, p in _STATUS_PATTERNS]


def _status(ctx: SentenceContext) -> list[Fact]:
    text = ctx.text
    ascii_text = text.isascii()
    src = ctx.low if ascii_text else text
    for status, pattern in _STATUS_PATTERNS_LOW if ascii_text else _STATUS_PATTERNS:
        m = pattern.search(src) if has_any(ctx.low, _STATUS_WORDS[status]) else None
        if not m or about_other(clause_before(text, m.start()), ctx.iso3) or _other_instrument(text, m.end()):
            continue
        if status == "state_party" or _mbt_near(text, m):
            return [_fact(ctx, "treaty_status", status)]
    return []


def _mbt_near(text: str, m: re.Match[str]) -> bool:
    """The status phrase speaks of the Mine Ban Treaty (or is an overview-table cell)."""
    window = text[max(0, m.start() - 40) : m.end() + 60]
    return bool(MBT.search(window) or "status" in window)


def _other_instrument(text: str, pos: int) -> bool:
    """The words after `pos` name another instrument (CCW, its protocols, the Cluster Munition
    Convention, Geneva Call's Deed of Commitment) rather than the Mine Ban Treaty."""
    if text.isascii():
        return bool(_OTHER_LOW.match(text.lower(), pos))
    return bool(_OTHER.match(text, pos))


_OTHER = re.compile(
    r"\s*(?:state\s+)?(?:to\s+|of\s+)?(?:the\s+)?(?:1980\s+|2008\s+)?(?:CCW|Convention on Conv|Convention on Cluster|"
    r"Cluster|Amended Protocol|Protocol|Geneva Call|Deed of Commitment|instrument of accession to the CCW)",
    re.I,
)


_OTHER_LOW = lowered(_OTHER)


def _events(ctx: SentenceContext) -> list[Fact]:
    text = ctx.text
    patterns = [(ind, p) for ind, p in _EVENTS if has_any(ctx.low, _EVENT_WORDS[ind])]
    if not patterns:
        return []
    hits = sorted(
        ((m.start(), m.end(), ind) for ind, p in patterns for m in p.finditer(text)), key=lambda h: h[0]
    )
    if not hits:
        return []
    dates = find_dates(text)
    facts: list[Fact] = []
    has_own_event = False
    floor = 0
    used: set[int] = set()
    for i, (start, end, indicator) in enumerate(hits):
        prev_end = floor
        floor = end
        if not _is_event(text, start, end, indicator, prev_end, ctx.iso3):
            continue
        nxt = hits[i + 1][0] if i + 1 < len(hits) else len(text)
        date = _event_date([d for d in dates if d.start not in used], prev_end, start, end, nxt)
        if date is not None:
            used.add(date.start)
        if indicator == "treaty_entry_into_force" and not (has_own_event or _for_country(text, end, ctx)):
            continue
        has_own_event = True
        status = "signatory" if indicator == "treaty_signed" else "state_party"
        facts.append(_fact(ctx, "treaty_status", status))
        if date is not None:
            facts.append(_fact(ctx, indicator, date.iso, date))
    return facts


def _is_event(text: str, start: int, end: int, indicator: str, floor: int, iso3: str | None) -> bool:
    before = text[max(floor, start - 30) : start]
    if _NEGATED.search(before) or (_FUTURE.search(before) and indicator != "treaty_entry_into_force"):
        return False
    if about_other(clause_before(text, start, floor), iso3):
        return False
    if (
        indicator in ("treaty_signed", "treaty_ratified", "treaty_acceded")
        and "deposited" not in text[start:end]
    ):
        after = text[end:]
        if not _TREATY_OBJECT.match(after) or _other_instrument(text, end):
            return False
    return True


def _event_date(dates: list[FoundDate], floor: int, start: int, end: int, nxt: int) -> FoundDate | None:
    after = [d for d in dates if end <= d.start < nxt]
    if after:
        return after[0]
    before = [d for d in dates if floor <= d.start and d.end <= start]
    return before[-1] if before else None


def _for_country(text: str, end: int, ctx: SentenceContext) -> bool:
    """Entry into force for this country ("for Thailand", "in Cambodia", "for it"), not the treaty's own."""
    if ctx.table_row or "State Party" in text[end - 12 : end]:
        return True
    m = re.match(r"\s*(?:for|in)\s+(?:the country|it|([A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+)*))", text[end:])
    return m is not None and not about_other(m.group(0), ctx.iso3)
