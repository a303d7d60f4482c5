""" "Did you mean ...": typo-tolerant suggestions from the index's own term dictionary (rapidfuzz)."""

from __future__ import annotations

import re
from collections.abc import Callable

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .index import Handle

VOCABULARY = 60_000
_WORD = re.compile(r"[a-z]{3,}")


def _vocabulary(h: Handle) -> tuple[list[str], dict[str, int]]:
    """The commonest plain words of the index (computed once per commit)."""
    if "vocab" not in h.cache:
        terms = h.searcher.terms_with_prefix("exact", "", limit=VOCABULARY * 3)
        counts = {t: c for t, c in terms if _WORD.fullmatch(t)}
        words = sorted(counts, key=lambda t: -counts[t])[:VOCABULARY]
        h.cache["vocab"] = (words, {w: counts[w] for w in words})
    vocab: tuple[list[str], dict[str, int]] = h.cache["vocab"]
    return vocab


def correction(h: Handle, word: str) -> str | None:
    """The likeliest intended word for one the index does not hold (None when nothing is close)."""
    if not _WORD.fullmatch(word) or h.searcher.doc_freq("exact", word) > 0:
        return None
    words, counts = _vocabulary(h)
    cutoff = 1 if len(word) <= 4 else 2
    found = process.extract(word, words, scorer=Levenshtein.distance, score_cutoff=cutoff, limit=20)
    if not found:
        return None
    best = min(found, key=lambda f: (f[1], -counts[f[0]]))
    return str(best[0])


def suggestions(h: Handle, query: str, words: list[str], has_results: Callable[[str], bool]) -> list[str]:
    """The query with each unknown word replaced by its correction, if that query finds something."""
    fixed = query
    changed = False
    for word in dict.fromkeys(words):
        better = correction(h, word)
        if better:
            fixed = re.sub(rf"(?i)(?<!\w){re.escape(word)}(?!\w)", better, fixed)
            changed = True
    if changed and fixed != query and has_results(fixed):
        return [fixed]
    return []
