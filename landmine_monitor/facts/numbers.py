"""Counted things: mines_emplaced, stockpile_size, area_cleared, casualties, prostheses_fitted,
mobility_devices, amputees, rehabilitation_capacity, funding_usd.

Reading rules:
- a number counts only when the noun right after it (a few words at most) says what it counts:
  "841 prostheses", "395 pairs of crutches", "some one million dumb mines";
- a number belongs to the year of its own clause ("In 2003, the center fitted 841 prostheses ...; a
  significant increase from the 230 prostheses fitted ... in 2002" gives 841 for 2003, 230 for 2002);
- mines count as emplaced only with a verb of laying (planted, laid, emplaced), as stockpile only
  with "stockpile"; "No information is available on the size of the stockpile" gives nothing;
- "hundreds of thousands" with no number gives value null and that phrase as the qualifier;
- statements that nothing is known ("no official statistics", "not known") give nothing.
"""

from __future__ import annotations

import re
from functools import reduce
from operator import or_

from ..model import Fact
from .quantities import (
    BREAK_WORDS,
    DIGITS_FIRST,
    NUMBER,
    NUMBER_WORDS,
    SCALE,
    VAGUE,
    YEAR_ANYWHERE,
    Quantity,
    clause_years,
    hedge_start,
    is_model_number,
    is_year,
    quantity,
    raw_numbers,
)
from .sentences import SentenceContext, has_any, lowered
from .subject import about_other, clause_before, clause_before_low

# (indicator, unit, what may follow the number)
_COUNTED: list[tuple[str, str, re.Pattern[str]]] = [
    ("prostheses_fitted", "prostheses", re.compile(r"(?:new\s+)?(?:prostheses|prosthetic limbs|artificial limbs|prosthetic devices)\b", re.I)),
    ("mobility_devices", "pairs of crutches", re.compile(r"pairs of crutches\b", re.I)),
    ("mobility_devices", "crutches", re.compile(r"crutches\b", re.I)),
    ("mobility_devices", "wheelchairs", re.compile(r"wheelchairs\b", re.I)),
    ("mobility_devices", "mobility aids", re.compile(r"mobility (?:aids|devices)\b", re.I)),
    ("amputees", "amputees", re.compile(r"(?:\w+\s+){0,2}?amputees\b", re.I)),
    ("casualties", "casualties", re.compile(r"(?:new\s+)?(?:(?:mine|landmine|UXO|ERW|mine/UXO|landmine/UXO|mine/ERW)\s+)?casualties\b", re.I)),
    ("casualties", "killed", re.compile(r"(?:people|persons|civilians|soldiers|children)\s+(?:were\s+)?killed\b", re.I)),
    ("casualties", "injured", re.compile(r"(?:people|persons|civilians|soldiers|children)\s+(?:were\s+)?injured\b", re.I)),
    ("area_cleared", "m2", re.compile(r"square met(?:er|re)s\b", re.I)),
    ("area_cleared", "km2", re.compile(r"(?:square kilomet(?:er|re)s|km2|km²)\b", re.I)),
    ("mines", "mines", re.compile(r"(?:[\w/-]+\s+){0,2}?(?:land)?mines\b", re.I)),
]  # fmt: skip
_EMPLACED = re.compile(r"\b(?:planted|laid|emplaced|sown|in the ground)\b", re.I)
_STOCKPILE = re.compile(r"\bstockpil", re.I)
_CLEARED = re.compile(r"\b(?:clear(?:ed|ing|ance)|demined|released)\b", re.I)
_FUNDING = re.compile(r"\b(?:funding|donat|contribut|grant|provided|expended|spent|budget|allocated)", re.I)
_CAPACITY = re.compile(r"capacity to (?:assist|treat|serve|fit)\s+(?:only\s+)?", re.I)
_FUNDING_LOW = lowered(_FUNDING)
_NOTHING_KNOWN = re.compile(
    r"\bno (?:official )?(?:statistics|information|data)\b|\bnot known\b|\bunknown\b", re.I
)


# Where each way to a fact can match: a counted noun of _COUNTED (areas only with _CLEARED, mines only
# with _EMPLACED or _STOCKPILE), _CAPACITY, a currency for _funding, VAGUE for _vague_mines.
_NOUN_WORDS = ("prosthe", "artificial", "crutches", "wheelchairs", "mobility", "amputees", "casualties",
               "killed", "injured", "capacity", "$", "hundreds", "thousands", "millions")  # fmt: skip
_AREA_WORDS = ("square", "km2", "km²")
_CLEARED_WORDS = ("clear", "demined", "released")
_MINE_WORDS = ("planted", "laid", "emplaced", "sown", "ground", "stockpil")


def wanted(text: str, low: str) -> bool:
    """Cheap necessary condition for a count: a word each way to a fact needs."""
    return (
        has_any(low, _NOUN_WORDS)
        or ("mines" in low and has_any(low, _MINE_WORDS))
        or (has_any(low, _AREA_WORDS) and has_any(low, _CLEARED_WORDS))
    )


def extract(ctx: SentenceContext) -> list[Fact]:
    """Counts stated in one sentence, each with its clause's year and its hedge."""
    if not wanted(ctx.text, ctx.low):
        return []
    return read(ctx)


def read(ctx: SentenceContext) -> list[Fact]:
    """`extract` for a sentence known to have the words `wanted` looks for."""
    flags = ctx.flags
    if flags < 0:
        if not ctx.text.isascii():
            return _extract_any(ctx)
        flags = text_flags(ctx.low)
    if flags & NUMBER_WORD:
        return _extract_any(ctx)
    return _extract_ascii(ctx, flags)


# Word flags of a text, read token by token (each white-space separated token's flags are remembered):
# whether it has a number word (`_NUMBER_WORD_LOW`), a word of _MINE_WORDS, _NOTHING_WORDS or
# _VAGUE_WORDS. Each is a fact about the runs of letters of the lower-cased text (the words are all
# letters), so the tokens of an ASCII sentence as written (markers in, white space not collapsed)
# give the flags of its cleaned text too: cleaning only takes out markers and white space.
NUMBER_WORD, MINE_WORDS, NOTHING_WORDS, VAGUE_WORDS_FLAG = (1 << 40, 1 << 41, 1 << 42, 1 << 43)
# Two more, each a necessary condition only (set where the text may have it; cleaning never joins
# digits nor makes a ";"): a clause break's word (`BREAK_WORDS`, "from" for "up from", "down from")
# and a year (`YEAR_ANYWHERE`; a marker's digits can set it in the text as written).
MAY_BREAK, MAY_NAME_YEAR = (1 << 44, 1 << 45)
_BREAK_TOKEN_WORDS = tuple(w for w in BREAK_WORDS if " " not in w) + ("from",)


def token_flags(low: str) -> int:
    """The word flags of one lower-cased token (or of any lower-cased text)."""
    flags = NUMBER_WORD if _NUMBER_WORD_LOW.search(low) is not None else 0
    if has_any(low, _MINE_WORDS):
        flags |= MINE_WORDS
    if has_any(low, _NOTHING_WORDS):
        flags |= NOTHING_WORDS
    if has_any(low, _VAGUE_WORDS):
        flags |= VAGUE_WORDS_FLAG
    if has_any(low, _BREAK_TOKEN_WORDS):
        flags |= MAY_BREAK
    if YEAR_ANYWHERE.search(low) is not None:
        flags |= MAY_NAME_YEAR
    return flags


class _TokenFlags(dict[str, int]):
    """Lower-cased token -> its word flags, remembered (the same words come back)."""

    def __missing__(self, token: str) -> int:
        flags = token_flags(token)
        if len(self) >= 100_000:  # the words of the reports, and a bound all the same
            self.clear()
        self[token] = flags
        return flags


TOKEN_FLAGS = _TokenFlags()


def text_flags(low: str) -> int:
    """The word flags of a lower-cased ASCII text, from its tokens."""
    return reduce(or_, map(TOKEN_FLAGS.__getitem__, low.split()), 0)


class _Sentence:
    """What every number of one sentence shares, computed when first needed."""

    __slots__ = ("ctx", "src", "ascii", "patterns", "clauses", "mine_words", "nothing_words", "flags")

    def __init__(self, ctx: SentenceContext, flags: int = -1) -> None:
        """`flags`: the sentence's word flags (`text_flags`) if known, else -1."""
        self.ctx = ctx
        self.ascii = ascii_text = ctx.text.isascii()
        self.src = ctx.low if ascii_text else ctx.text
        self.patterns = _PATTERNS_LOW if ascii_text else _PATTERNS
        self.clauses: list[tuple[int, int, int | None]] | None = None
        self.flags = flags
        if flags < 0:
            self.mine_words = has_any(ctx.low, _MINE_WORDS)
            self.nothing_words = has_any(ctx.low, _NOTHING_WORDS)
        else:
            self.mine_words = bool(flags & MINE_WORDS)
            self.nothing_words = bool(flags & NOTHING_WORDS)

    def clause_years(self) -> list[tuple[int, int, int | None]]:
        if self.clauses is None:
            flags = self.flags
            if flags < 0:
                self.clauses = clause_years(self.ctx.text, self.ctx.low)
            else:
                may_break, may_name_year = bool(flags & MAY_BREAK), bool(flags & MAY_NAME_YEAR)
                self.clauses = clause_years(self.ctx.text, self.ctx.low, may_break, may_name_year)
        return self.clauses

    def where(self, pos: int) -> tuple[int, int, int | None]:
        """The clause at `pos` (start, end, year): its bounds and the year of the clause holding `pos`;
        the whole sentence with no year when no clause holds `pos`."""
        clauses = self.clause_years()
        if len(clauses) == 1 and pos < clauses[0][1]:
            return clauses[0]
        return next((c for c in clauses if c[0] <= pos < c[1]), (0, len(self.src), None))

    def about_other(self, pos: int) -> bool:
        """`about_other(clause_before(text, pos), iso3)`, the clause read in the lower-cased text
        when the sentence is ASCII."""
        ctx = self.ctx
        if self.ascii:
            return about_other(clause_before_low(ctx.text, ctx.low, pos), ctx.iso3)
        return about_other(clause_before(ctx.text, pos), ctx.iso3)


def _extract_ascii(ctx: SentenceContext, flags: int = -1) -> list[Fact]:
    """`_extract_any` for ASCII text with no number word: `_SCAN_LOW` finds the digits of the numbers
    `raw_numbers` finds (their currency is read back from the text), in one scan. `flags` are the
    sentence's word flags (`text_flags`), read here when not given."""
    text, low = ctx.text, ctx.low
    flags = text_flags(low) if flags < 0 else flags
    capacity = "capacity" in low
    facts: list[Fact] = []
    any_number = False
    shared: _Sentence | None = None
    floor = 0
    for m in _SCAN_LOW.finditer(low):
        prev_floor, floor = floor, m.end()
        p = m.start()
        cur = p > 0 and low[p - 1] == "$"
        num, scale = m.group(1, 2)
        raw = num.replace(",", "")
        if not (scale or cur) and len(raw) == 4 and raw[:2] in ("19", "20") and raw.isdecimal():
            continue  # a year (is_year)
        if p and ((prev := low[p - 1]).isalpha() or (prev == "-" and p >= 2 and low[p - 2].isalpha())):
            continue  # a model name (is_model_number)
        any_number = True
        noun = None if cur else _NOUN_AFTER_LOW.match(low, m.end())
        if noun is None and not cur and not capacity:
            continue
        # where the number starts: at its "$", or at the "US" of "US$" (not before the last number's end)
        start = p - 3 if cur and p - 3 >= prev_floor and low.startswith("us", p - 3) else p - 1 if cur else p
        q = _quantity(text, low, start, prev_floor, m, cur)
        shared = _Sentence(ctx, flags) if shared is None else shared
        if (fact := _fact_of(shared, q, noun, capacity, cur)) is not None:
            facts.append(fact)
    if not any_number and flags & VAGUE_WORDS_FLAG:
        facts.extend(_vague_mines(ctx))
    return facts


def _fact_of(
    shared: _Sentence, q: Quantity, noun: re.Match[str] | None, capacity: bool, currency: bool
) -> Fact | None:
    """What one number of a sentence states: a count (by the noun after it), a capacity, or funding."""
    fact = None
    if noun is not None:
        group = noun.lastgroup or ""
        fact = _counted(shared, q, int(group[1:]), noun.end() - noun.start(group))
    if fact is None and capacity:
        fact = _capacity(shared.ctx, q)
    if fact is None and currency:
        fact = _funding(shared, q)
    return fact


def _quantity(text: str, low: str, start: int, floor: int, m: re.Match[str], cur: bool) -> Quantity:
    """`quantity` of a number of `_SCAN_LOW` that starts (currency included) at `start`."""
    if start > floor and low[start - 1].isspace():
        hedge = hedge_start(low, start, floor)
        if hedge is not None and (full := NUMBER.match(text, hedge)) is not None:
            return quantity(text, full, None, low)
    num, scale = m.group(1, 2)
    raw = num.replace(",", "")
    value = float(raw) * SCALE[scale] if scale else float(raw)
    return Quantity(start, m.end(2 if scale else 1), int(value) if value.is_integer() else value, None, cur)


def _extract_any(ctx: SentenceContext) -> list[Fact]:
    """Counts in any sentence (the general way: numbers written as words, text that is not ASCII)."""
    text, low = ctx.text, ctx.low
    capacity = "capacity" in low
    facts: list[Fact] = []
    any_number = False
    shared: _Sentence | None = None
    noun_re, noun_text = (_NOUN_AFTER_LOW, low) if text.isascii() else (_NOUN_AFTER, text)
    for m, floor, text_low in raw_numbers(text, low):
        if is_year(m) or is_model_number(text, m):
            continue
        any_number = True
        # Only a number with a noun after it, a currency, or "capacity" before it can be a fact: the
        # others are never made Quantities (their hedges are not looked for).
        currency = m.group("cur") is not None
        noun = None if currency else noun_re.match(noun_text, m.end())
        if noun is None and not currency and not capacity:
            continue
        q = quantity(text, m, floor, text_low)
        shared = _Sentence(ctx) if shared is None else shared
        if (fact := _fact_of(shared, q, noun, capacity, currency)) is not None:
            facts.append(fact)
    if not any_number and has_any(low, _VAGUE_WORDS):
        facts.extend(_vague_mines(ctx))
    return facts


def _make(
    ctx: SentenceContext, indicator: str, value: object, unit: str, year: int | None, qualifier: str | None
) -> Fact:
    return Fact(
        indicator,
        value,
        year,
        None,
        unit,
        qualifier,
        ctx.section,
        ctx.paragraph,
        ctx.text,
        list(ctx.footnotes),
    )


# The nouns of _COUNTED as one pattern, tried in the same order: the first alternative that matches
# wins, as the first pattern of the list that matches did.
# White space first: the noun right after a number (`_NOUN_AFTER.match(text, number_end)`).
_NOUN_AFTER = re.compile(
    r"\s*(?:" + "|".join(f"(?P<n{i}>{p.pattern})" for i, (_, _, p) in enumerate(_COUNTED)) + ")", re.I
)
# The same for lower-cased ASCII text, where it finds what _NOUN_AFTER finds in the text, without re.I
# (which makes the regex engine fold every character it compares). The nouns have no upper-case escape.
_NOUN_AFTER_LOW = re.compile(
    r"\s*(?:" + "|".join(f"(?P<n{i}>{p.pattern.lower()})" for i, (_, _, p) in enumerate(_COUNTED)) + ")"
)
# The digits of the numbers of `raw_numbers` in lower-cased ASCII text with no number word (as
# `_bare_matches` finds them, case folded; a currency before them is read back from the text).
_SCAN_LOW = re.compile(rf"(?P<num>{DIGITS_FIRST})(?:\s+(?P<scale>thousand|million|billion)\b)?")
# A number word as a whole run of letters: where `raw_numbers` reads the text with NUMBER itself.
_NUMBER_WORD_LOW = re.compile(
    r"(?<![a-z])(?:" + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True)) + r")(?![a-z])"
)


VAGUE_WORDS = _VAGUE_WORDS = ("hundreds", "thousands", "millions")  # where VAGUE can match
_NOTHING_WORDS = ("statistics", "information", "data", "known")  # where _NOTHING_KNOWN can match
_DESTROY = re.compile(r"\bdestroy|retain", re.I)
# What _counted and _mine_indicator search, and the same for lower-cased ASCII text (see `lowered`).
_PATTERNS = (_EMPLACED, _STOCKPILE, _CLEARED, _NOTHING_KNOWN, _DESTROY)
_PATTERNS_LOW = tuple(map(lowered, _PATTERNS))
_PER_YEAR = re.compile(r"\s*\w+\s+(?:each|per|a)\s+year")


def _counted(shared: _Sentence, q: Quantity, noun: int, length: int) -> Fact | None:
    """The fact of a number followed by the `noun`-th noun of _COUNTED, `length` characters long."""
    indicator, unit, _ = _COUNTED[noun]
    if indicator == "mines" and not shared.mine_words:
        return None  # _mine_indicator needs one of them
    src = shared.src
    a, b, year = shared.where(q.start)
    clause = src[a:b]
    if indicator == "area_cleared" and not shared.patterns[2].search(clause):
        return None
    if shared.nothing_words and shared.patterns[3].search(clause):
        return None
    if shared.about_other(q.start):
        return None
    if indicator == "mines":
        # The words after the noun: the slice the noun's end (counted from the stripped text after
        # the number) gives in the unstripped text after the number, as always read.
        found = _mine_indicator(
            src[max(0, q.start - 40) : q.start],
            src[q.end + length + 1 : q.end + length + 30],
            clause,
            shared.patterns,
        )
        if found is None:
            return None
        indicator = found
    return _make(shared.ctx, indicator, q.value, unit, year, q.qualifier)


def _mine_indicator(
    before: str, after: str, clause: str, patterns: tuple[re.Pattern[str], ...] = _PATTERNS
) -> str | None:
    """What a count of mines is: the words nearest the number decide, then its clause. `patterns`
    are _PATTERNS, or _PATTERNS_LOW for lower-cased ASCII text."""
    emplaced, stockpile, _, _, destroy = patterns
    if emplaced.search(after):
        return "mines_emplaced"
    if stockpile.search(before):
        return "stockpile_size"
    if emplaced.search(before):
        return "mines_emplaced"
    if emplaced.search(clause):
        return "mines_emplaced"
    if stockpile.search(clause) and not destroy.search(clause):
        return "stockpile_size"
    return None


def _capacity(ctx: SentenceContext, q: Quantity) -> Fact | None:
    before = ctx.text[max(0, q.start - 50) : q.start]
    m = _CAPACITY.search(before)
    if not m or m.end() != len(before):
        return None
    per_year = bool(_PER_YEAR.match(ctx.text, q.end))
    return _make(
        ctx,
        "rehabilitation_capacity",
        q.value,
        "people per year" if per_year else "people",
        None,
        q.qualifier,
    )


def _funding(shared: _Sentence, q: Quantity) -> Fact | None:
    if not q.currency:
        return None
    a, b, year = shared.where(q.start)
    funding = _FUNDING_LOW if shared.ascii else _FUNDING
    if not funding.search(shared.src[a:b]) or shared.about_other(q.start):
        return None
    return _make(shared.ctx, "funding_usd", q.value, "USD", year, q.qualifier)


def _vague_mines(ctx: SentenceContext) -> list[Fact]:
    """For a sentence with no number: "US sources have estimated the number at 'hundreds of thousands'" (of the mines just mentioned)."""
    text = ctx.text
    m = VAGUE.search(text)
    if not m or _NOTHING_KNOWN.search(text):
        return []
    about_mines = _EMPLACED.search(text) or (
        re.search(r"\bthe number\b", text) and re.search(r"\b(?:land)?mines\b", ctx.previous) and
        (_EMPLACED.search(ctx.previous) or re.search(r"\busing\b|\bused\b", ctx.previous))
    )  # fmt: skip
    if not about_mines:
        return []
    return [_make(ctx, "mines_emplaced", None, "mines", None, m.group("vague").lower())]
