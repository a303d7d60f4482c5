"""How much a change matters to a reader tracking the country: wording-only changes sink; new facts,
changed figures, status changes and contradicted claims rise. Scores are small sums of named reasons,
so a researcher can see why a change ranks where it does.
"""

from __future__ import annotations

import re

from ..months import MONTHS
from .align import Pair, numbers
from .sentences import Sentence

BASE = {"unchanged": 0.0, "reworded": 0.5, "dropped": 1.5, "new": 2.5, "updated": 3.0}
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_EVENT = re.compile(
    r"\b(?:launched|adopted|conducted|began|started|established|opened|signed|ratified|acceded|destroyed|"
    r"cleared|completed|found|acknowledged|fitted|enacted|passed|approved|joined|announced|voted|abstained|"
    r"absent|attended|declared|set up|produced|exported|used|planted|killed|injured|occurred|new)\b",
    re.I,
)
_STATUS = re.compile(
    r"\b(?:treaty|convention|resolution|unga|state party|law|policy|programs?|programmes?)\b", re.I
)
_SINCE = re.compile(r"\bsince\s+(?:\w+\s+)?(19[5-9]\d|20\d\d)\b", re.I)
_NEWS = re.compile(
    r"\b(?:for the first time|now|new|newly|recently|increasing|no longer|continues?|still)\b", re.I
)
_ABSENCE = re.compile(r"^(?:no|there (?:is|are|were|was|has been|have been) no)\b", re.I)
_NAME = re.compile(r"(?<=\s)(?:[A-Z][\w’'-]*\d[\w-]*|[A-Z][a-z’'-]{2,}|[A-Z]{2,6}\b)")
_NOT_NAMES = frozenset(
    [
        *MONTHS,
        "the",
        "this",
        "these",
        "those",
        "there",
        "however",
        "in",
        "on",
        "since",
        "during",
    ]
)
_META = re.compile(
    r"\b(?:landmine monitor|request for information|no information|not available|not known|"
    r"difficult to confirm|according to)\b",
    re.I,
)


def newest_year(text: str, ongoing: int | None = None) -> int | None:
    """The latest year a sentence speaks of; "since 1997" speaks of now (`ongoing`)."""
    years = [int(y) for y in _YEAR.findall(text)]
    if ongoing is not None and _SINCE.search(text):
        years.append(ongoing)
    return max(years) if years else None


def new_names(s: Sentence, known: frozenset[str]) -> set[str]:
    """Names (capitalised words after the first, mine models like M-57) the other edition never uses."""
    found = set()
    for m in _NAME.finditer(s.clean):
        w = m.group(0).lower().strip("’'")
        if w not in known and w not in _NOT_NAMES:
            found.add(w)
    return found


def _sentence_points(
    s: Sentence, editions: tuple[int | None, int | None], known: frozenset[str]
) -> list[tuple[str, float]]:
    edition_a, edition_b = editions
    points: list[tuple[str, float]] = []
    if new_names(s, known):
        points.append(("names something the older edition does not", 0.75))
    year = newest_year(s.clean, edition_b or 9999)
    if year is not None and edition_a is not None:
        if year > edition_a:
            points.append(("dated after the older edition", 1.5))
        else:
            points.append(("old news: dated before the older edition", -1.0))
    if _NEWS.search(s.clean):
        points.append(("says what is new", 0.75))
    if _ABSENCE.search(s.clean):
        points.append(("reports an absence", -0.75))
    if _EVENT.search(s.clean):
        points.append(("reports an event", 0.75))
    if _STATUS.search(s.clean):
        points.append(("about a status, law or programme", 0.5))
    if sum(numbers(s.clean).values()):
        points.append(("states figures", 0.5))
    if _META.search(s.clean):
        points.append(("about the research, not the country", -0.25 if _EVENT.search(s.clean) else -1.0))
    if len(s.words) < 6:
        points.append(("very short", -0.75))
    if s.clean[:1].islower():
        points.append(("sentence fragment", -0.5))
    return points


def score(
    pair: Pair,
    editions: tuple[int | None, int | None],
    links: dict[str, set[int]],
    fact_sentences: set[str],
    known_a: frozenset[str] = frozenset(),
) -> tuple[float, list[str]]:
    """(significance, reasons). `links`: ids of sentences in a contradiction ("contradiction") or a
    change of status ("status_change"); `fact_sentences`: sentence texts whose fact changed value or
    status; `known_a`: the lower-cased words of the older edition."""
    points: list[tuple[str, float]] = [(pair.label, BASE[pair.label])]
    if pair.label in ("unchanged", "reworded"):
        return BASE[pair.label] - (0.0 if pair.label == "unchanged" else pair.similarity / 1000), [pair.label]
    main = pair.b if pair.b is not None else pair.a
    assert main is not None
    if pair.label != "dropped":
        points += _sentence_points(main, editions, known_a)
    if pair.status_change:
        points.append(("status changed", 2.0))
    if pair.label == "updated" and pair.a is not None and pair.b is not None:
        gained = set(numbers(pair.b.clean)) - set(numbers(pair.a.clean))
        if gained:
            points.append(("figures or dates changed", 1.0))
    ids = {id(s) for s in (pair.a, pair.b) if s is not None}
    if ids & links.get("contradiction", set()):
        points.append(("contradicts the other edition", 2.0))
    if ids & links.get("status_change", set()):
        points.append(("a status changed since the older edition", 2.0))
    if any(s.clean in fact_sentences or s.text in fact_sentences for s in (pair.a, pair.b) if s is not None):
        points.append(("a tracked fact changed", 1.5))
    total = round(sum(p for _, p in points), 2)
    return max(total, BASE[pair.label] / 2), [name for name, p in points if p]
