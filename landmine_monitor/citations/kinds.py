"""What kind of source one citation is: email, letter, interview, statement, press release, UN
document, database, website, news, report, book or other, from its head (the text before the first
comma), its cue words and its pieces (`parts.Pieces`)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..sources import known_organization
from . import parts as cp

_DATABASE = re.compile(r"\bdata ?bases?\b", re.IGNORECASE)
_WEB = re.compile(r"\bweb(?:\s?sites?|\s?pages?)?\b", re.IGNORECASE)
_KIND_HEAD = [
    ("email", re.compile(r"\be-?mails?\b", re.IGNORECASE)),
    ("letter", re.compile(r"^(?:\S+\s+)?letters?\b|\bletters?\s+(?:from|to)\b", re.IGNORECASE)),
    (
        "telephone_interview",
        re.compile(r"\b(?:tele)?phone\s+(?:interview|conversation|call|discussion)s?\b", re.I),
    ),
    (
        "interview",
        re.compile(
            r"\binterviews?\b|\b(?:meeting|discussion|conversation)s?\s+with\b|^Information\s+(?:provided|from)|"
            r"\bresponse to\b.*\bquestionnaire\b|\bcommunication\b",
            re.IGNORECASE,
        ),
    ),
    ("press_release", re.compile(r"\b(?:press|news|media)\s+release\b|\bpress statement\b", re.IGNORECASE)),
    (
        "statement",
        re.compile(
            r"^(?:Statement|Speech|Remarks|Intervention|Address|Presentation|Testimony)\b|\bstatement by\b",
            re.I,
        ),
    ),
]
# Words one of which every match of each _KIND_HEAD pattern holds (lower case), to skip the regex cheaply.
KIND_CUES = {
    "email": ("mail",),
    "letter": ("letter",),
    "telephone_interview": ("phone",),
    "interview": ("interview", "with", "information", "questionnaire", "communication"),
    "press_release": ("release", "press statement"),
    "statement": ("statement", "speech", "remarks", "intervention", "address", "presentation", "testimony"),
}
HEAD_PATTERN = dict(_KIND_HEAD)
# Every _UN_WORDS match holds "Official Records", "Doc" or "Secretary-General" (three quick tests).
_UN_WORDS = re.compile(r"\b(?:Official Records|UN Doc|U\.N\. Doc|Report of the Secretary-General)\b")
# A UN resolution by its body ("UNGA Resolution 51/45S", "Security Council resolution 1325") or by its
# session/number ("Resolution 53/77N"); every match holds "esolution".
_UN_RESOLUTION = re.compile(
    r"\b(?:UNGA|UNSC|UN|U\.N\.|General Assembly|Security Council)\s+[Rr]esolutions?\s+\d|"
    r"\b[Rr]esolutions?\s+\d{1,2}/\d"
)


def lower_cues(text: str) -> str | None:
    """`text` lower-cased for the cue tests, or None when it holds a letter that IGNORECASE matches to an
    ASCII letter while str.lower() does not ("ı", "İ", "ſ")."""
    return None if ("ı" in text or "İ" in text or "ſ" in text) else text.lower()


def may_be(kind: str, lower: str | None) -> bool:
    """False when `lower` (lower-cased ASCII text, None for other text) cannot match the kind's pattern."""
    return lower is None or any(map(lower.__contains__, KIND_CUES[kind]))


@lru_cache(maxsize=16384)
def head_kinds(head: str) -> tuple[str | None, bool]:
    """The first kind the head reads as among those tried before press releases, and whether it reads
    as a statement (tried after them)."""
    low = lower_cues(head)
    first = None
    for kind, pattern in _KIND_HEAD:
        if kind == "press_release":
            break
        if may_be(kind, low) and pattern.search(head):
            first = kind
            break
    return first, may_be("statement", low) and HEAD_PATTERN["statement"].search(head) is not None


def kind_of(head: str, p: cp.Pieces, fragment: str) -> str:
    first, statement = head_kinds(head)
    if first:
        return first
    low = lower_cues(fragment)
    cue = low is None or "release" in low or "press statement" in low  # may_be("press_release", low)
    if cue and HEAD_PATTERN["press_release"].search(fragment):
        return "press_release"
    if statement:
        return "statement"
    un_cue = "Doc" in fragment or "Official Records" in fragment or "Secretary-General" in fragment
    if p.un_symbols or (un_cue and _UN_WORDS.search(fragment)):
        return "un_document"
    if "esolution" in fragment and _UN_RESOLUTION.search(fragment):
        return "un_document"
    if (low is None or "data" in low) and _DATABASE.search(fragment):
        return "database"
    if p.urls or ((low is None or "web" in low) and _WEB.search(fragment)):
        return "website"
    return _publication_kind(p)


def _publication_kind(p: cp.Pieces) -> str:
    segs = [s for s in p.segments if s != cp.TITLE_MARK]
    if segs and cp.LEGAL.match(segs[0]):
        return "report"
    if p.title:
        mark = p.segments.index(cp.TITLE_MARK) if cp.TITLE_MARK in p.segments else 0
        after = p.segments[mark + 1 :]
        outlet = next((s for s in after if cp.news_words(s)), None)
        if (
            not outlet
            and mark == 0
            and after
            and cp.outlet_and_place(after[0])[1]
            and p.date
            and len(p.date) == 10
        ):
            return "news"  # “Title,” Outlet (City), day: a newspaper whatever its name
        if outlet:
            first = outlet.split(" ", 1)[0]
            own = known_organization(first) and not cp.news_words(first) and " " in outlet
            return "press_release" if own else "news"
        return "report"
    if any(cp.news_words(s) and not cp.work_words(s) for s in segs) and not any(
        cp.work_words(s) for s in segs
    ):
        return "news"
    names = [s for s in segs if not cp.is_place(s) and not cp.looks_organization(s) and cp.title_like(s)]
    backed = p.pages or p.date or any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    if names and backed and not (p.date and len(p.date) > 4) and len(names) <= 2:
        return "book"
    if (
        segs
        and (p.date or p.pages)
        and any(cp.looks_organization(s) or cp.person_name(s, True) for s in segs)
    ):
        return "report"
    return "other"
