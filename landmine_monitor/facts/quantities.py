"""Numbers as the reports write them ("841", "36,000", "2.8 million", "one million", "US$41 million"),
with the hedge before them ("some", "about", "at least") and the year of their own clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .sentences import fold, has_any, lowered

_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "a": 1,
    "hundred": 100,
}  # fmt: skip
SCALE = _SCALE = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}

_HEDGES = {
    "some": "some", "about": "about", "approximately": "about", "around": "about", "roughly": "about",
    "nearly": "nearly", "almost": "nearly", "over": "more than", "more than": "more than",
    "at least": "at least", "up to": "up to", "an estimated": "estimated", "estimated": "estimated",
    "less than": "less than", "fewer than": "less than",
}  # fmt: skip
_HEDGE = "|".join(sorted((re.escape(h) for h in _HEDGES), key=len, reverse=True))
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# _DIGITS with its first digit taken out of the alternatives (the same matches, tried in the same
# order), so that a pattern starting with it lets the regex engine skip to the digits.
DIGITS_FIRST = r"\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?)"
_WORD_NUM = "|".join(w for w in _WORDS if w != "a")
NUMBER = re.compile(
    rf"(?:\b(?P<hedge>{_HEDGE})\s+)?(?P<cur>US\$|\$)?"
    rf"(?P<num>{_DIGITS}|\b(?:{_WORD_NUM})\b)(?:\s+(?P<scale>thousand|million|billion)\b)?",
    re.I,
)
# Amounts with no number: "hundreds of thousands", "thousands", "millions".
VAGUE = re.compile(
    r"\b(?P<vague>(?:tens of |hundreds of )?(?:hundreds|thousands|millions))\b(?!\s+of\s+(?:dollars))", re.I
)
# A year that a clause is about: "In 2003,", "in 2002", "during 2003".
_CLAUSE_YEAR = re.compile(
    r"\b(?:in|during|for|by the end of|as of|at the end of)\s+(?:\w+\s+)?((?:19|20)\d\d)\b", re.I
)
_CLAUSE_BREAK = re.compile(
    r";|\b(?:compared (?:to|with)|an? (?:\w+ )?(?:increase|decrease|rise|drop|decline) (?:from|on|over)|up from|down from"
    r"|while|whereas)\b",
    re.I,
)


@dataclass(slots=True)
class Quantity:
    """A number found in a sentence (read-only; slotted, not frozen, because it is built per number)."""

    start: int
    end: int
    value: float | int
    qualifier: str | None
    currency: bool


# Fast path for NUMBER.finditer, for text with no number word. There NUMBER can start only at a "$"
# or a digit, at the "US" of "US$", or at a hedge right before one of those (white space between); so
# the numbers are found without their hedges (`_BARE`), and a hedge is looked for only when needed.
# The text is compared in lower case, which is what re.I does, as long as lower-casing keeps every
# character in place (not "İ") and neither of the characters re.I also takes as "i" and "s" occurs.
NUMBER_WORDS = _NUMBER_WORDS = frozenset(set(_WORDS) - {"a"})
_NUMBER_WORDS_IN = tuple(_NUMBER_WORDS)
_LETTERS = re.compile(r"[a-z]+")
_HEDGES_BY_LAST = {
    last: tuple(h for h in _HEDGES if h[-1] == last) for last in {h[-1] for h in _HEDGES}
}  # "d": ("around", "an estimated", "estimated")


def lower_in_place(text: str) -> str | None:
    """`text.lower()` when it matches as re.I does, character for character; else None."""
    low = text.lower()
    if text.isascii() or (len(low) == len(text) and "ı" not in low and "ſ" not in low):
        return low
    return None


def _number_matches(text: str) -> list[re.Match[str]]:
    """`list(NUMBER.finditer(text))`, faster where the text allows it."""
    out = []
    for m, floor, low in raw_numbers(text):
        if floor is not None:
            hedge = hedge_start(low, m.start(), floor)
            # the same number as NUMBER finds it, with its hedge if any
            m = (hedge is not None and NUMBER.match(text, hedge)) or NUMBER.match(text, m.start()) or m
        out.append(m)
    return out


# NUMBER without its hedge and its number words: what it matches at a "$", a digit or the "US" of "US$"
# (the look-ahead lets the regex engine skip to those characters).
_BARE = re.compile(
    rf"(?=[$\dUu])(?P<cur>[Uu][Ss]\$|\$)?(?P<num>{_DIGITS})"
    r"(?:\s+(?P<scale>[Tt][Hh][Oo][Uu][Ss][Aa][Nn][Dd]|[Mm][Ii][Ll][Ll][Ii][Oo][Nn]|[Bb][Ii][Ll][Ll][Ii][Oo][Nn])\b)?"
)  # re.I spelled out: only used on text that `lower_in_place` accepts (no "ı", "ſ", "İ")


def raw_numbers(text: str, low: str | None = None) -> list[tuple[re.Match[str], int | None, str]]:
    """NUMBER's matches in `text`, each as (match, floor, lower-cased text). With a floor, the match
    is NUMBER's without its hedge, which `hedge_start(low, match.start(), floor)` finds when needed
    (the match's groups cur, num and scale and its end are NUMBER's); with None, it is NUMBER's own.
    `low`, when given, is `text.lower()`."""
    if low is None or not text.isascii():
        low = lower_in_place(text)
    if low is None or (
        has_any(low, _NUMBER_WORDS_IN) and not _NUMBER_WORDS.isdisjoint(_LETTERS.findall(low))
    ):
        return [(m, None, "") for m in NUMBER.finditer(text)]
    out: list[tuple[re.Match[str], int | None, str]] = []
    floor = 0
    for m in _bare_matches(text):
        out.append((m, floor, low))
        floor = m.end()
    return out


_BARE_START = re.compile(r"[$\d]")  # where a match of _BARE has its "$" or its first digit


def _bare_matches(text: str) -> list[re.Match[str]]:
    """`list(_BARE.finditer(text))`, faster: the regex engine cannot skip ahead to where _BARE may
    start (its pattern starts with a look-ahead), so it is tried only at a "$" or a digit, or at the
    "US" right before a "$" (no earlier than where the previous match ended)."""
    out = []
    pos = 0
    while (c := _BARE_START.search(text, pos)) is not None:
        p = c.start()
        start = p
        if text[p] == "$" and p - 2 >= pos and text[p - 2] in "Uu" and text[p - 1] in "Ss":
            start = p - 2
        m = _BARE.match(text, start)
        if m is None:
            pos = p + 1
            continue
        out.append(m)
        pos = m.end()
    return out


def is_model_number(text: str, m: re.Match[str]) -> bool:
    """Digits glued to letters name a thing, they do not count it: M409, M14, OZM-72, PMN-2."""
    p = m.start("num")
    prev = text[p - 1] if p else ""
    return prev.isalpha() or (prev == "-" and p >= 2 and text[p - 2].isalpha())


def is_year(m: re.Match[str]) -> bool:
    r"""A bare year, which `numbers` skips (what `(?:19|20)\d\d` matches: \d is a decimal digit)."""
    cur, num, scale = m.group("cur", "num", "scale")
    if scale or cur:
        return False
    raw = num.replace(",", "")
    return len(raw) == 4 and raw[:2] in ("19", "20") and raw.isdecimal()


def quantity(text: str, m: re.Match[str], floor: int | None, low: str) -> Quantity:
    """The Quantity of a match of `raw_numbers` (not a year), with its hedge."""
    if floor is None:
        hedge = m.group("hedge")
    else:
        hedge = None
        h = hedge_start(low, m.start(), floor)
        if h is not None and (full := NUMBER.match(text, h)) is not None:
            m, hedge = full, full.group("hedge")
    cur, num, scale = m.group("cur", "num", "scale")
    raw = num.replace(",", "")
    base = float(raw) if raw[0].isdigit() else _WORDS[raw.lower()]
    value = base * _SCALE[scale.lower()] if scale else base
    return Quantity(
        m.start(), m.end(), _int(value), _HEDGES.get(hedge.casefold()) if hedge else None, bool(cur)
    )


def hedge_start(low: str, start: int, floor: int) -> int | None:
    """Where the hedge that ends before the white space before `start` begins (the earliest, as the
    leftmost match wins: "an estimated" over "estimated"), if one does at a word start >= floor."""
    end = start
    while end > floor and low[end - 1].isspace():
        end -= 1
    if end in (start, floor):
        return None
    best = None
    for hedge in _HEDGES_BY_LAST.get(low[end - 1], ()):
        h = end - len(hedge)
        if (
            h >= floor
            and low.startswith(hedge, h)
            and not (h and (low[h - 1].isalnum() or low[h - 1] == "_"))
        ):
            best = h if best is None else min(best, h)
    return best


def numbers(text: str) -> list[Quantity]:
    """Every number in `text` with its hedge; years and footnote-like tokens are skipped."""
    return [
        quantity(text, m, floor, low)
        for m, floor, low in raw_numbers(text)
        if not is_year(m) and not is_model_number(text, m)
    ]


def _int(value: float) -> float | int:
    return int(value) if float(value).is_integer() else value


# Where _CLAUSE_BREAK can match (its phrases have plain spaces).
BREAK_WORDS = _BREAK_WORDS = (";", "compared", "increase", "decrease", "rise", "drop", "decline", "up from", "down from",
                "while", "whereas")  # fmt: skip
# _CLAUSE_YEAR for lower-cased text (see `lower_in_place`), without its leading \b (checked by hand) and without re.I:
# the regex engine then scans for the first letters of the words.
_CLAUSE_YEAR_LOW = re.compile(_CLAUSE_YEAR.pattern.removeprefix(r"\b"))
_CLAUSE_BREAK_LOW = lowered(_CLAUSE_BREAK)
YEAR_ANYWHERE = _YEAR_ANYWHERE = re.compile(r"(?:19|20)\d\d")


def _clause_year_found(clause: str) -> list[str]:
    """`_CLAUSE_YEAR.findall(clause)`, faster."""
    if not _YEAR_ANYWHERE.search(clause):
        return []  # every match ends in a year
    low = lower_in_place(clause)
    if low is None:
        return _CLAUSE_YEAR.findall(clause)
    out = []
    pos = 0
    while (m := _CLAUSE_YEAR_LOW.search(low, pos)) is not None:
        start = m.start()
        if start and (low[start - 1].isalnum() or low[start - 1] == "_"):
            pos = start + 1
            continue
        out.append(m.group(1))
        pos = m.end()
    return out


def _clause_year_in(low: str, a: int, b: int) -> list[str]:
    """`_clause_year_found(text[a:b])` for ASCII text whose `str.lower` is `low`: read in `low`
    itself between a and b (as the slice would be read: nothing before a, the end at b)."""
    if not _YEAR_ANYWHERE.search(low, a, b):
        return []  # every match ends in a year
    out = []
    pos = a
    while (m := _CLAUSE_YEAR_LOW.search(low, pos, b)) is not None:
        start = m.start()
        if start > a and (low[start - 1].isalnum() or low[start - 1] == "_"):
            pos = start + 1
            continue
        out.append(m.group(1))
        pos = m.end()
    return out


def clause_years(
    text: str, low: str | None = None, may_break: bool = True, may_name_year: bool = True
) -> list[tuple[int, int, int | None]]:
    """(start, end, year) for each clause: a clause's year is the one it names ("In 2003", "in 2002"),
    else the year of the clause before it. `low`, when given, is `fold(text)`. A caller that knows
    the text has none of _BREAK_WORDS, or no `_YEAR_ANYWHERE`, says so (`may_break`, `may_name_year`)."""
    low = fold(text) if low is None else low
    ascii_text = text.isascii()
    if may_break and has_any(low, _BREAK_WORDS):
        breaks = _CLAUSE_BREAK_LOW.finditer(low) if ascii_text else _CLAUSE_BREAK.finditer(text)
        bounds = [0] + [m.start() for m in breaks] + [len(text)]
    else:
        bounds = [0, len(text)]
    if not (
        may_name_year and _YEAR_ANYWHERE.search(text)
    ):  # no clause names a year (each year found ends in one)
        return [(a, b, None) for a, b in zip(bounds, bounds[1:], strict=False)]
    out: list[tuple[int, int, int | None]] = []
    year: int | None = None
    for a, b in zip(bounds, bounds[1:], strict=False):
        found = _clause_year_in(low, a, b) if ascii_text else _clause_year_found(text[a:b])
        if found:
            year = int(found[-1]) if len(set(found)) == 1 else int(found[0])
        out.append((a, b, year))
    return out
