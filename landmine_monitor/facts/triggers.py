"""Which families of extractors a sentence wakes, read from its words in one pass (issue #2: speed).

Each family's `wanted(text, low)` is a formula over groups of trigger words ("a word of the topic and
a word of a vote verb"). Here every group is a bit: a sentence's bits come from its white-space
separated tokens (each token's bits are computed once and remembered, since the same words come
back in report after report), and from the mine models' first words (read with their case, as
`weapons.wanted` does). The families a set of bits wakes is looked up in a table filled as needed. `wakes(text, low)` gives the readers of exactly the families whose
`wanted(text, low)` holds, in the order of `FAMILIES` (a test holds each formula to its `wanted`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import reduce
from operator import or_

from ..model import Fact
from . import conventions, numbers, treaty, votes, weapons
from .sentences import SentenceContext

Extractor = Callable[[SentenceContext], list[Fact]]
Group = tuple[str, ...]
_MODEL: Group = ("<model>",)  # stands for weapons._MODEL_WORDS (read on the text, with its case)

# Each family: its reader (its extractor without the check of `wanted`, which the words found here
# make) and its `wanted` as clauses (any clause holds when each of its groups has a word in the
# sentence), in the order of facts.FAMILIES.
SPECS: list[tuple[Extractor, list[list[Group]]]] = [
    (treaty.read, [[treaty._TRIGGERS]]),
    (votes.read, [[votes._TOPIC_WORDS, votes._VERB_WORDS]]),
    (conventions.read, [[conventions._INSTRUMENT_WORDS, conventions._RELATION_WORDS], [("member",)]]),
    (weapons.read, [[weapons._PRODUCER_WORDS], [weapons._EXPORTER_WORDS], [_MODEL]]),
    (
        numbers.read,
        [
            [numbers._NOUN_WORDS],
            [("mines",), numbers._MINE_WORDS],
            [numbers._AREA_WORDS, numbers._CLEARED_WORDS],
        ],
    ),
]

_GROUPS: list[Group] = list(dict.fromkeys(g for _, clauses in SPECS for clause in clauses for g in clause))
_BIT = {g: 1 << i for i, g in enumerate(_GROUPS)}
_MODEL_BIT = _BIT[_MODEL]
# Every trigger word (but the models') with the bit of its group. No word has white space in it, so
# the words of a text are those of its white-space separated tokens.
_WORDS: list[tuple[str, int]] = [(w, _BIT[g]) for g in _GROUPS if g != _MODEL for w in g]


_ANY_WORD = re.compile("|".join(re.escape(w) for w, _ in _WORDS))


class _TokenBits(dict[str, int]):
    """Token of folded text -> bits of the groups with a word inside it, remembered: the same words
    come back in sentence after sentence."""

    def __missing__(self, token: str) -> int:
        bits = 0
        if _ANY_WORD.search(token) is not None:  # most tokens have none: one search says so
            for word, bit in _WORDS:
                if word in token:
                    bits |= bit
        if len(self) >= 100_000:  # the words of the reports, and a bound all the same
            self.clear()
        self[token] = bits
        return bits


class _Table(dict[int, tuple[Extractor, ...]]):
    """Bits -> the readers they wake, in order."""

    def __missing__(self, bits: int) -> tuple[Extractor, ...]:
        woken = tuple(
            extract
            for extract, clauses in SPECS
            if any(all(bits & _BIT[g] for g in clause) for clause in clauses)
        )
        self[bits] = woken
        return woken


class _RawTokenBits(dict[str, int]):
    """ASCII token as written -> the bits of its folded words and of a model's first word in it
    (read with its case), and the counts' word flags of its lower case (`numbers.TOKEN_FLAGS`, bits
    above the groups'), remembered."""

    def __missing__(self, token: str) -> int:
        low = token.lower()
        bits = _TOKENS[low] | numbers.TOKEN_FLAGS[low]
        if weapons._MODEL_WORDS.search(token) is not None:
            bits |= _MODEL_BIT
        if len(self) >= 100_000:  # the words of the reports, and a bound all the same
            self.clear()
        self[token] = bits
        return bits


_TOKENS = _TokenBits()
_RAW_TOKENS = _RawTokenBits()
_TABLE = _Table()


def bits_of(text: str, low: str) -> int:
    """The groups of trigger words `text` contains (`low` is `fold(text)`), as bits."""
    bits: int = reduce(or_, map(_TOKENS.__getitem__, low.split()), 0)
    if weapons._MODEL_WORDS.search(text) is not None:
        bits |= _MODEL_BIT
    return bits


def wakes(text: str, low: str) -> Sequence[Extractor]:
    """The readers of the families whose `wanted(text, low)` holds, in order."""
    return _TABLE[bits_of(text, low)]


def wakes_ascii(text: str) -> Sequence[Extractor]:
    """`wakes(text, fold(text))` for ASCII text, read from its tokens as written: a model's first
    word has no white space in it, so it lies in one token, and the folded text's tokens are those
    of the text, lower-cased."""
    return _TABLE[bits_ascii(text)]


def bits_ascii(text: str) -> int:
    """The bits `wakes_ascii` reads in ASCII text, with the counts' word flags of its lower case
    (`numbers.text_flags(text.lower())`)."""
    return reduce(or_, map(_RAW_TOKENS.__getitem__, text.split()), 0)


def woken(bits: int) -> Sequence[Extractor]:
    """The readers that the bits of `bits_ascii` wake."""
    return _TABLE[bits]
