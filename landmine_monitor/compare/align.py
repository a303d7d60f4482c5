"""Line up the sentences of two editions and label each pair.

Candidates come from shared content words (an inverted index, so 400 x 400 sentences stay fast), are
scored with rapidfuzz token ratios, and are matched greedily: within a topic first, then across topics
(a sentence that moved to another section). Labels: unchanged, reworded, updated (a number, a date or
a status changed), new, dropped.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from rapidfuzz import fuzz
from rapidfuzz.utils import default_process

from ..months import MONTHS
from .sentences import Sentence

SAME_TOPIC_MIN = 62.0  # similarity (0-100) needed to pair two sentences of one topic
CROSS_TOPIC_MIN = 72.0  # ... and of two different topics (a moved sentence)
MAX_CANDIDATES = 12

STOPWORDS = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "with",
        "this",
        "from",
        "was",
        "were",
        "has",
        "have",
        "had",
        "are",
        "its",
        "not",
        "but",
        "which",
        "been",
        "also",
        "into",
        "than",
        "its",
        "their",
        "there",
        "they",
        "them",
        "such",
        "any",
        "all",
        "one",
        "other",
        "per",
        "some",
        "will",
        "would",
        "could",
        "may",
        "might",
        "said",
        "says",
    ]
)
_NUMBER_WORDS = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "dozen",
    "dozens",
]
_NUM = re.compile(r"\d[\d,.]*\d|\d")
_NEGATION = re.compile(r"\b(?:not|no|never|none|neither|nor|without|cannot)\b|n[’']t\b", re.I)
_STATUS = re.compile(
    r"\b(?:sign|signed|accede|acceded|accession|ratif\w*|party|member|produc\w*|export\w*|use[ds]?|using"
    r"|stockpil\w*|destroy\w*|destruction|vot\w*|abstain\w*|absent)\b",
    re.I,
)


@dataclass
class Pair:
    """Two aligned units (either side None for new / dropped) with their label."""

    a: Sentence | None
    b: Sentence | None
    label: str
    similarity: float
    moved: bool = False
    status_change: bool = False


def numbers(text: str) -> Counter[str]:
    """Figures and dates of a sentence: digits (commas dropped), number words and month names."""
    low = text.lower()
    found: Counter[str] = Counter(m.group(0).replace(",", "").rstrip(".") for m in _NUM.finditer(low))
    for m in re.finditer(r"[a-z]+", low):
        w = m.group(0)
        if w == "one" and low.startswith(" of", m.end()):
            continue  # "one of the few": not a figure
        if w in _NUMBER_WORDS or (w in MONTHS and w != "may"):
            found[w] += 1
    return found


def negated(text: str) -> bool:
    return bool(_NEGATION.search(text))


def similarity(a: str, b: str) -> float:
    pa, pb = default_process(a), default_process(b)
    return (fuzz.token_set_ratio(pa, pb) + fuzz.token_sort_ratio(pa, pb)) / 2.0


def label_pair(a: Sentence, b: Sentence, score: float) -> Pair:
    if default_process(a.clean) == default_process(b.clean):
        return Pair(a, b, "unchanged", 100.0, moved=a.topic != b.topic)
    status = (
        negated(a.clean) != negated(b.clean)
        and bool(_STATUS.search(a.clean))
        and bool(_STATUS.search(b.clean))
    )
    label = "updated" if status or numbers(a.clean) != numbers(b.clean) else "reworded"
    return Pair(a, b, label, round(score, 1), moved=a.topic != b.topic, status_change=status)


def _content(s: Sentence) -> set[str]:
    return {w for w in s.words if w not in STOPWORDS}


def _exact(a: list[Sentence], b: list[Sentence]) -> dict[int, int]:
    """Identical sentences (case, punctuation and markers aside), same topic first: most of an edition
    repeats the last one, and these need no fuzzy scoring."""
    keys_a: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(a):
        keys_a[default_process(s.clean)].append(i)
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for same_topic in (True, False):
        for j, s in enumerate(b):
            if j in taken:
                continue
            free = [i for i in keys_a.get(default_process(s.clean), []) if i not in pairs]
            match = [i for i in free if not same_topic or a[i].topic == s.topic]
            if match:
                pairs[match[0]] = j
                taken.add(j)
    return pairs


def _candidates(
    a: list[Sentence], b: list[Sentence], skip_a: set[int], skip_b: set[int]
) -> list[tuple[float, int, int]]:
    """(similarity, i, j) for unpaired sentences that share enough content words to be worth scoring."""
    index: dict[str, list[int]] = defaultdict(list)
    content_a = [_content(s) for s in a]
    processed_a = [default_process(s.clean) for s in a]
    for i, ws in enumerate(content_a):
        if i not in skip_a:
            for w in ws:
                index[w].append(i)
    out: list[tuple[float, int, int]] = []
    for j, sb in enumerate(b):
        if j in skip_b:
            continue
        wb = _content(sb)
        pb = default_process(sb.clean)
        shared: Counter[int] = Counter()
        for w in wb:
            shared.update(index.get(w, ()))
        for i, n in shared.most_common(MAX_CANDIDATES):
            if n < 2 and min(len(content_a[i]), len(wb)) > 3:
                continue
            pa = processed_a[i]
            out.append(((fuzz.token_set_ratio(pa, pb) + fuzz.token_sort_ratio(pa, pb)) / 2.0, i, j))
    out.sort(key=lambda t: (-t[0], t[1], t[2]))
    return out


def align(a: list[Sentence], b: list[Sentence]) -> list[Pair]:
    """Every unit of `a` and of `b` exactly once: matched pairs, then dropped (a only) and new (b only)."""
    used_a = _exact(a, b)
    used_b = set(used_a.values())
    scores: dict[tuple[int, int], float] = {(i, j): 100.0 for i, j in used_a.items()}
    cands = _candidates(a, b, set(used_a), used_b)
    for same_topic, minimum in ((True, SAME_TOPIC_MIN), (False, CROSS_TOPIC_MIN)):
        for score, i, j in cands:
            if score < minimum or i in used_a or j in used_b:
                continue
            if same_topic and a[i].topic != b[j].topic:
                continue
            used_a[i] = j
            used_b.add(j)
            scores[(i, j)] = score
    pairs = [label_pair(a[i], b[j], scores[(i, j)]) for i, j in sorted(used_a.items(), key=lambda t: t[1])]
    pairs += [Pair(s, None, "dropped", 0.0) for i, s in enumerate(a) if i not in used_a]
    pairs += [Pair(None, s, "new", 0.0) for j, s in enumerate(b) if j not in used_b]
    return pairs
