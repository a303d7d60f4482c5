"""Facts with provenance (issue 6): what a report states, each tied to its sentence and footnotes.

`extract_facts(report)` runs a plain list of extractor functions over every sentence of the report
(key developments, overview-table rows, then each section's paragraphs), then reads the result as a
whole page (`resolve`): one treaty status, the most precise treaty dates, no duplicates.

Each extractor is `extractor(ctx: SentenceContext) -> list[Fact]` and lives in the module of its
family. Fact.section/paragraph are 0-based indexes into report.sections / section.paragraphs; for a
key-developments sentence section is None and paragraph is its index in report.key_developments;
for an overview-table row both are None.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from ..model import Fact, Report
from . import conventions, numbers, treaty, votes, weapons
from .resolve import resolve
from .sentences import Prose, SentenceContext, Wanted, clean, fold, footnotes_of, has_any, spans, units
from .triggers import bits_ascii, wakes, woken

Extractor = Callable[[SentenceContext], list[Fact]]

# Each family: its cheap necessary condition (trigger words, see `Wanted`) and its extractor. Each
# extractor also checks its own condition on the sentence, so calling it on any sentence is right.
FAMILIES: list[tuple[Wanted, Extractor]] = [
    (treaty.wanted, treaty.extract),
    (votes.wanted, votes.extract),
    (conventions.wanted, conventions.extract),
    (weapons.wanted, weapons.extract),
    (numbers.wanted, numbers.extract),
]
EXTRACTORS: list[Extractor] = [extract for _, extract in FAMILIES]


def extract_facts(report: Report) -> list[Fact]:
    """Every fact the report states, in reading order, read consistently as one page."""
    facts: list[Fact] = []
    for unit in units(report):
        if isinstance(unit, Prose):
            _read_prose(unit, facts)
        else:  # an overview-table row: every extractor reads it
            for extract in EXTRACTORS:
                facts.extend(extract(unit))
    return resolve([f for f in facts if _finite(f.value)])


def _finite(value: object) -> bool:
    """Whether a value holds no infinite or NaN number: a number too long for a float ("1" and 400 zeros)
    is no count, and JSON has no way to write it."""
    if type(value) is float:
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(map(_finite, value.values()))
    if isinstance(value, list | tuple):
        return all(map(_finite, value))
    return True


def _read_prose(prose: Prose, facts: list[Fact], quick: bool = True) -> None:
    """The facts of a stretch of prose, added to `facts`.

    A sentence is read only by the extractors whose trigger words (`Wanted`) it contains, found in
    the sentence as written (`triggers.wakes`: the words of the cleaned sentence are there too); a
    sentence that wakes none is not even cleaned. The sentence before (`previous`) is cleaned only
    where it is read: by the counts, for a vague amount ("hundreds of thousands"). `quick=False`
    reads ASCII text the general way too (tests hold the two to the same facts).
    """
    text = prose.text
    ascii_text = quick and text.isascii()
    # In ASCII prose whose white space is single spaces, a sentence with no marker is its own
    # cleaned text; its words are read as written (`wakes_ascii`), its lower case is its fold.
    plain = ascii_text and not has_any(text, _UNCLEAN)
    last = ""  # the last sentence as written whose cleaned text is not empty
    bits = -1  # in ASCII text, the sentence's bits, the counts' word flags among them
    for raw in spans(text):
        if ascii_text:
            raw_low = ""
            active = woken(bits := bits_ascii(raw))
        else:
            raw_low = fold(raw)
            active = wakes(raw, raw_low)
        if not active:
            if raw[0] != "[" or clean(raw):
                last = raw
            continue
        sentence = raw if plain and "[" not in raw else clean(raw)
        if not sentence:
            continue
        raw_low = raw_low or raw.lower()
        if numbers.read in active and last:
            vague = bits & numbers.VAGUE_WORDS_FLAG if bits >= 0 else has_any(raw_low, numbers.VAGUE_WORDS)
        else:
            vague = False
        previous = clean(last) if vague else ""
        ctx = prose.context(sentence, footnotes_of(raw), previous, raw_low if sentence == raw else "", bits)
        for extract in active:
            facts.extend(extract(ctx))
        last = raw


# What `clean` changes besides markers: white space other than single spaces (all that `str.split`
# splits at in ASCII text), a space before a comma or a full stop.
_UNCLEAN = ("  ", " ,", " .", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f")


__all__ = ["EXTRACTORS", "FAMILIES", "Extractor", "SentenceContext", "extract_facts"]
