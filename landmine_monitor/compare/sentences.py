"""A report as a flat list of comparable units: sentences (long ones split at `;`), each keeping its
`[n]` footnote markers, its place (section, paragraph) and a canonical topic read from its words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Report, Section

MARKER = re.compile(r"\[(\d+)\]")
# A sentence ends at . ! ? (optionally a closing quote and footnote markers) before a capital, digit or quote.
_END = re.compile(r"(?<=[.!?])([\"”’)]?(?:\[\d+\])*)\s+(?=[A-Z0-9“\"(])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sgt|Lt|Col|Gen|Gov|Amb|No|Nos|p|pp|Dept|Inc|Ltd|Co|Corp|vs|etc|al|Jan|Feb|Mar"
    r"|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|approx|Fig|Vol|Art)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z])\.$"
)
_CLAUSE = re.compile(r";\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")

# Words that say which canonical topic a sentence is about (stems; matched at word starts).
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "ban_policy": (
        "treaty",
        "signed ",
        "sign ",
        "accede",
        "ratif",
        "unga",
        "general assembly",
        "resolution",
        "vote",
        "abstain",
        "convention on conventional",
        "conference on disarmament",
        "ottawa",
        "states parties",
        "statement",
        "position",
        "observer",
        "ban ",
    ),
    "production": ("produc", "manufactur", "model ", "factory"),
    "transfer": ("export", "import", "transfer", "found in", "sold ", "supplied"),
    "stockpiling": ("stockpile", "stocks", "destroy", "destruction"),
    "use": ("planted", "laid ", "emplaced", "used ", "using ", "use ", "minefield"),
    "landmine_problem": ("minefield", "contaminat", "mine problem", "mined area", "suspected"),
    "mine_action": ("mine action", "survey", "awareness", "risk education", "clearance", "demin", "cleared"),
    "clearance": ("clearance", "demin", "cleared"),
    "risk_education": ("risk education", "mine awareness"),
    "casualties": ("casualt", "killed", "injured", "incident", "explosion", "lost his", "lost her"),
    "survivor_assistance": (
        "prosthe",
        "orthop",
        "rehabilitat",
        "disab",
        "amputee",
        "survivor",
        "wheelchair",
        "crutches",
        "hospital",
        "victim assistance",
    ),
    "funding": ("fund", "donat", "us$", "contribut"),
}


@dataclass
class Sentence:
    """One comparable unit of a report."""

    text: str  # as written, markers kept
    clean: str  # markers removed, white space folded
    footnotes: list[int]  # its own markers, else those of the next marked sentence of its paragraph
    topic: str
    section: int
    paragraph: int
    words: frozenset[str] = field(default_factory=frozenset)
    inherited: bool = False  # footnotes taken from the note that closes its run of sentences


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, keeping trailing markers with the sentence they follow."""
    out: list[str] = []
    start = 0
    for m in _END.finditer(text):
        head = text[start : m.start()] + m.group(1)
        if _ABBREV.search(text[start : m.start()]):
            continue
        out.append(head.strip())
        start = m.end()
    tail = text[start:].strip()
    if tail:
        out.append(tail)
    return [s for s in out if s]


def split_clauses(sentence: str) -> list[str]:
    """Split a long sentence at `; ` when both sides are real clauses; end markers go to every clause."""
    parts = _CLAUSE.split(sentence)
    if len(parts) < 2 or any(len(_WORD.findall(MARKER.sub("", p))) < 6 for p in parts):
        return [sentence]
    trailing = re.search(r"(?:\[\d+\])+\s*$", parts[-1])
    ending = trailing.group(0).strip() if trailing else ""
    out = []
    for i, p in enumerate(parts):
        p = p.strip()
        if i < len(parts) - 1:
            p = p.rstrip(",") + "." + ending
        out.append(p)
    return out


def clean_text(text: str) -> str:
    return " ".join(MARKER.sub("", text).split())


def _topic_index() -> tuple[re.Pattern[str], dict[str, list[str]]]:
    """One regex for every stem (a trailing space in the table means "whole word") and stem -> topics."""
    by_stem: dict[str, list[str]] = {}
    whole: set[str] = set()
    for topic, stems in TOPIC_WORDS.items():
        for stem in stems:
            by_stem.setdefault(stem.strip(), []).append(topic)
            if stem.endswith(" "):
                whole.add(stem.strip())
    alts = [re.escape(s) + (r"\b" if s in whole else "") for s in sorted(by_stem, key=len, reverse=True)]
    return re.compile(r"\b(?:" + "|".join(alts) + ")"), by_stem


_TOPIC_RE, _STEM_TOPICS = _topic_index()


def topic_scores(text: str) -> dict[str, int]:
    scores: dict[str, int] = {}
    for m in _TOPIC_RE.finditer(text.lower()):
        for topic in _STEM_TOPICS[m.group(0)]:
            scores[topic] = scores.get(topic, 0) + 1
    return scores


def _best(scores: dict[str, int], candidates: list[str]) -> str | None:
    hits = [t for t in candidates if scores.get(t, 0) > 0]
    return max(hits, key=lambda t: (scores[t], -candidates.index(t))) if hits else None


_GENERIC = ("ban_policy", "other", "background", "key_developments")
_NOT_INFERRED = ("ban_policy", "clearance", "risk_education")


def paragraph_topic(text: str, section: Section) -> str:
    topics = section.topics or ["other"]
    return _best(topic_scores(text), topics) or topics[0]


def sentence_topic(text: str, section: Section, para_topic: str) -> str:
    """The section's topic the words point to; a clearly other topic when none of the section's fits.

    Single-topic sections keep their topic, except generic ones (a 'Mine Ban Policy' section that also
    covers production and transfer); a sentence without clues takes its paragraph's topic.
    """
    topics = section.topics or ["other"]
    if len(topics) == 1 and topics[0] not in _GENERIC:
        return topics[0]
    scores = topic_scores(text)
    own = _best(scores, topics)
    if own:
        return own
    others = [t for t in TOPIC_WORDS if t not in _NOT_INFERRED]
    return _best(scores, others) or para_topic


def words(text: str) -> frozenset[str]:
    return frozenset(w.lower().strip("'’") for w in _WORD.findall(text) if len(w) > 2)


def _inherit_notes(units: list[Sentence]) -> None:
    """A sentence without a marker is sourced by the next note of its paragraph (the Monitor's habit of
    one note after a run of sentences)."""
    pending: list[Sentence] = []
    for u in units:
        if u.footnotes:
            for p in pending:
                p.footnotes, p.inherited = list(u.footnotes), True
            pending = []
        else:
            pending.append(u)


def report_sentences(report: Report) -> list[Sentence]:
    """Every unit of every section, in reading order."""
    out: list[Sentence] = []
    for s_ord, section in enumerate(report.sections):
        for p_ord, para in enumerate(section.paragraphs):
            para_topic = paragraph_topic(clean_text(para.text), section)
            units: list[Sentence] = []
            for sent in split_sentences(para.text):
                for unit in split_clauses(sent):
                    clean = clean_text(unit)
                    if len(_WORD.findall(clean)) < 2:
                        continue
                    notes = [int(n) for n in MARKER.findall(unit)]
                    topic = sentence_topic(clean, section, para_topic)
                    units.append(Sentence(unit, clean, notes, topic, s_ord, p_ord, words(clean)))
            _inherit_notes(units)
            out += units
    return out
