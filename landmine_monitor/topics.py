"""Canonical topics: from a heading (by pattern, every era) or, for lost headings, from paragraph content.

`heading_topics("Landmine Problem, Casualties and Survivor Assistance")` ->
`["landmine_problem", "casualties", "survivor_assistance"]`; `[]` when the line is not a known kind of
heading. `infer_topics(paragraph)` scores topic vocabulary (the first sentence counts triple).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import TOPICS

# (pattern on the lower-cased heading, topics). Every matching row adds its topics, in TOPICS order.
_HEADING_PATTERNS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(p), t)
    for p, t in [
        (r"key developments?|développements clés", ("key_developments",)),
        (
            r"\bban policy\b|mine ban treaty|^policy$|commitment to|universali[sz]ation|banning"
            r"|^states parties$|^signatories$|^non-signatories$|^ban$|implementation|^treaty status$",
            ("ban_policy",),
        ),
        (r"\bproduction\b", ("production",)),
        (r"\btransfers?\b|\bexport", ("transfer",)),
        (r"stockpil|stockpile destruction|^stockpile", ("stockpiling",)),
        (r"\buse\b", ("use",)),
        (
            r"landmine problem|landmine/erw problem|mine problem|contamination|\bimpact\b|^mines$"
            r"|scale of the problem|landmine/uxo problem|erw problem",
            ("landmine_problem",),
        ),
        (r"mine action|^demining|land release|survey and assessment|coordination", ("mine_action",)),
        (r"clearance|demining", ("mine_action", "clearance")),
        (r"mine awareness|risk education|\bmre\b", ("mine_action", "risk_education")),
        (r"casualt|casuat", ("casualties",)),
        (
            r"survivor assistance|victim assistance|assistance to (mine )?(survivors|victims)",
            ("survivor_assistance",),
        ),
        (
            r"funding|support for mine action|assistance and cooperation|international cooperation",
            ("funding",),
        ),
        (r"cluster munition", ("cluster_munitions",)),
        (
            r"background|introduction|summary|key data|overview|contexte|context|recommendations",
            ("background",),
        ),
    ]
]

_ORDER = {t: i for i, t in enumerate(TOPICS)}


def heading_topics(heading: str) -> list[str]:
    """Canonical topics for a section heading; [] if the text matches no known heading pattern."""
    if len(heading) > 160:
        return []
    return list(_heading_topics(heading))


@lru_cache(maxsize=8192)
def _heading_topics(heading: str) -> tuple[str, ...]:
    h = " ".join(heading.lower().split())
    h = re.sub(r"\[\s*\d+\s*\]", "", h).strip(" :.-")
    found: set[str] = set()
    for pattern, topics in _HEADING_PATTERNS:
        if pattern.search(h):
            found.update(topics)
    return tuple(sorted(found, key=_ORDER.__getitem__))


def is_known_heading(text: str) -> bool:
    return bool(heading_topics(text))


# Vocabulary for lost headings: (pattern, topic, weight).
_CONTENT_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p, re.IGNORECASE), t)
    for p, t in [
        (
            r"mine ban treaty|\bsign(ed)?\b|accede|accession|ratif|ottawa|general assembly|\bresolution"
            r"|conventional weapons|states parties|\bban\b",
            "ban_policy",
        ),
        (r"\bproduc|manufactur", "production"),
        (r"export|import|transfer", "transfer"),
        (r"stockpil|\bstocks?\b", "stockpiling"),
        (r"\bplanted\b|\blaid\b|\bused\b|\buse of\b|\busing\b|emplace", "use"),
        (
            r"mined areas?|contaminat|minefields?|mine problem|mine-affected|suspected hazard",
            "landmine_problem",
        ),
        (r"clearance|demining|deminers?|\bcleared\b", "clearance"),
        (r"mine awareness|risk education|\bmre\b", "risk_education"),
        (r"casualt|\bkilled\b|\binjured\b|\bincidents?\b|accidents?", "casualties"),
        (r"prosthe|rehabilitation|amputee|survivors?|disabilit|orthop", "survivor_assistance"),
        (r"funding|donor|\bUS\$|\$\d|contributed|contribution", "funding"),
        (r"cluster munition|submunition", "cluster_munitions"),
    ]
]
_SENTENCE_END = re.compile(r"(?<=[a-z0-9\)\]”\"])[.!?](?:\[\s*\d+\s*\])*\s+(?=[A-Z“\"])")


def infer_topics(paragraph_text: str) -> list[str]:
    """The topic(s) a paragraph is about, for sections whose heading was lost; ["other"] if none."""
    parts = _SENTENCE_END.split(paragraph_text, maxsplit=1)
    first, rest = parts[0], (parts[1] if len(parts) > 1 else "")
    scores: dict[str, int] = {}
    for pattern, topic in _CONTENT_PATTERNS:
        n = 3 * len(pattern.findall(first)) + len(pattern.findall(rest))
        if n:
            scores[topic] = scores.get(topic, 0) + n
    if not scores:
        return ["other"]
    top = max(scores.values())
    best = [t for t, s in scores.items() if s == top]
    if any(t in ("clearance", "risk_education") for t in best):
        best.append("mine_action")
    return sorted(set(best), key=_ORDER.__getitem__)
