"""The fast ways to counts read what the general ways read (issue #2: speed, #6: the same facts).

`numbers._extract_ascii` (one scan of the digits, for ASCII text with no number word) must give exactly
what `numbers._extract_any` (NUMBER and `raw_numbers`) gives; `clause_years` without a year anywhere
gives the clauses with no year. Sentences are fictional, built from pieces that wake every rule.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from landmine_monitor.facts import numbers
from landmine_monitor.facts.quantities import clause_years
from landmine_monitor.facts.sentences import SentenceContext

PIECES = [
    "In 2003,", "in 1999", "the centre fitted", "841", "1,250", "2.5", "12 345", "US$", "$", "us$", "bus$",
    "million", "thousand", "prostheses", "pairs of crutches", "wheelchairs", "amputees", "casualties",
    "people were killed", "square meters", "km2", "mines", "landmines", "were planted", "stockpile of",
    "destroyed", "cleared", "demined", "about", "some", "an estimated", "more than", "at least", "up to",
    "funding", "contributed", "capacity to treat", "each year", "M409", "PMN-2", "OZM-72", ";", ",", "-",
    "compared to", "while", "Ruritania", "Nauru", "France", "states", "no information", "not known",
    "hundreds of thousands", "the number", "2004-05", "[", "1970s", "Pxx", "5,00", "5,000,000.5", "one",
    "none", "twenty-one", "2one", "often",
]  # fmt: skip


def _ctx(text: str, iso3: str | None = "NRU") -> SentenceContext:
    return SentenceContext(text, [2], 1, 0, 2004, iso3, (), False, "They laid mines.")


def _key(facts: list) -> list[tuple]:
    return [(f.indicator, f.value, f.year, f.unit, f.qualifier, f.sentence) for f in facts]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14), st.sampled_from([" ", "  ", "", "\u00a0"]))
def test_the_ascii_scan_reads_what_the_general_way_reads(words: list[str], sep: str) -> None:
    text = sep.join(words) + "."
    ctx = _ctx(text)
    if not text.isascii() or numbers._NUMBER_WORD_LOW.search(ctx.low):
        return  # only the general way reads these
    assert _key(numbers._extract_ascii(ctx)) == _key(numbers._extract_any(ctx))


def test_fixed_examples_agree_and_find_the_counts() -> None:
    cases = {
        "In 2003, the centre fitted 841 prostheses; in 2002 it fitted about 230 prostheses.": {
            ("prostheses_fitted", 841, 2003, "prostheses", None),
            ("prostheses_fitted", 230, 2002, "prostheses", "about"),
        },
        "Nauru contributed US$1.5 million for clearance in 2004.": {
            ("funding_usd", 1500000, 2004, "USD", None)
        },
        "Nauru contributed 5US$20 for clearance.": {("funding_usd", 20, None, "USD", None)},
        "An estimated 12,000 mines were planted near the border in 1999.": {
            ("mines_emplaced", 12000, 1999, "mines", "estimated")
        },
        "Workers removed 40 M409 mines and 3 PMN-2 mines.": set(),
        "France fitted 99 prostheses in 2001.": set(),
    }
    for text, want in cases.items():
        ctx = _ctx(text)
        fast, general = numbers._extract_ascii(ctx), numbers._extract_any(ctx)
        assert _key(fast) == _key(general)
        assert {k[:5] for k in _key(numbers.extract(ctx))} == want, text


def test_clauses_without_a_year_have_none() -> None:
    text = "Nauru fitted 4 prostheses; compared to 3 before, while others waited"
    clauses = clause_years(text)
    assert [y for _, _, y in clauses] == [None, None, None, None]
    assert [text[a:b].split()[0] for a, b, _ in clauses] == ["Nauru", ";", "compared", "while"]
    assert [y for _, _, y in clause_years("In 2001 it fitted 4; compared to 3 in 2000")] == [2001, 2001, 2000]


# --- which extractors a sentence wakes (facts.triggers) -------------------------------------------

TRIGGER_PIECES = [
    "treaty", "Ottawa", "MBT", "party", "parties", "deadline", "instrument", "resolution", "UNGA", "assembly",
    "voted", "supported", "abstained", "abstention", "absent", "conventional", "CCW", "protocol", "signed",
    "ratified", "acceded", "joined", "member", "produced", "manufacture", "exported", "transferred", "PMN-2",
    "No. 4", "Model", "M14", "Type", "prostheses", "artificial", "crutches", "wheelchairs", "mobility",
    "amputees", "casualties", "killed", "injured", "capacity", "$", "US$5", "hundreds", "thousands",
    "millions", "mines", "landmines", "planted", "laid", "emplaced", "sown", "ground", "stockpiled",
    "square", "km2", "km²", "cleared", "demined", "released", "minesigned", "Hungary", "devoted", "[3]",
    "[12]", ",", ".", " ,", "\n", "\u00a0", "İ", "ſ", "the", "of", "Nauru", "2004",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TRIGGER_PIECES), min_size=1, max_size=10), st.sampled_from([" ", "", "  "]))
def test_a_sentence_wakes_the_families_that_want_it(words: list[str], sep: str) -> None:
    """`wakes` on the sentence as written gives the readers of exactly the families whose `wanted`
    holds for the cleaned sentence (and for the sentence as written)."""
    from landmine_monitor.facts import FAMILIES, triggers
    from landmine_monitor.facts.sentences import clean, fold

    raw = sep.join(words)
    readers = [read for read, _ in triggers.SPECS]
    for text in (raw, clean(raw)):
        want = [read for (wanted, _), read in zip(FAMILIES, readers, strict=True) if wanted(text, fold(text))]
        assert list(triggers.wakes(raw, fold(raw))) == want


def test_the_readers_follow_the_families() -> None:
    from landmine_monitor.facts import FAMILIES, triggers

    assert [read.__module__ for read, _ in triggers.SPECS] == [e.__module__ for _, e in FAMILIES]
    assert all(len(word.split()) == 1 for word, _ in triggers._WORDS)  # tokens hold whole words


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(TRIGGER_PIECES), min_size=1, max_size=10), st.sampled_from([" ", "", "  "]))
def test_ascii_text_wakes_from_its_tokens_as_written(words: list[str], sep: str) -> None:
    """`wakes_ascii` (tokens read with their case, models included) gives what `wakes` gives."""
    from landmine_monitor.facts import triggers
    from landmine_monitor.facts.sentences import fold

    raw = sep.join(words)
    if raw.isascii():
        assert list(triggers.wakes_ascii(raw)) == list(triggers.wakes(raw, fold(raw)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=14))
def test_the_clause_before_a_number_read_in_lower_case_is_the_same(words: list[str]) -> None:
    from landmine_monitor.facts.subject import clause_before, clause_before_low

    text = " ".join(words)
    if text.isascii():
        for pos in range(len(text) + 1):
            assert clause_before_low(text, text.lower(), pos) == clause_before(text, pos)


def test_a_paragraph_of_plain_sentences_gives_what_cleaned_sentences_give() -> None:
    """The ASCII fast way (a marker-free sentence kept as written) and the general way agree."""
    from landmine_monitor.facts import _read_prose
    from landmine_monitor.facts.sentences import Prose

    texts = [
        "In 2003, the centre fitted 841 prostheses. Ruritania laid some 2,000 mines in 1999.[3] "
        "It received US$1.5 million in funding in 2004 .",
        "The army planted mines. US sources have estimated the number at hundreds of thousands.",
        "Nauru  destroyed 5,000 stockpiled mines\nin 2002; in 2003 it cleared 12 km2 of land , demined.",
    ]
    for text in texts:
        fast: list = []
        slow: list = []
        _read_prose(Prose(text, 1, 0, 2004, "NRU", (), True), fast)
        _read_prose(Prose(text, 1, 0, 2004, "NRU", (), True), slow, quick=False)
        assert fast == slow and fast


FLAG_PIECES = PIECES + [
    "[3]", "[12]", "one[4]", "x[5]two", "data", "statistics", "information", "known", "unknown", "sown",
    "ground", "stockpiled", "laid", "hundreds", "Thousands", "MILLIONS", "Ten", "\t", "\n", " ,", " .",
    "up", "down", "from", "Up from", "increase", "rise", "whereas", ";", "[2003]", "20[1]04", "1999;",
]  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FLAG_PIECES), min_size=1, max_size=12), st.sampled_from([" ", "", "  "]))
def test_the_word_flags_of_a_sentence_as_written_are_those_of_its_cleaned_text(
    words: list[str], sep: str
) -> None:
    """The counts' word flags read from an ASCII sentence's tokens as written (`bits_ascii`) are those
    of its cleaned, lower-cased text, and each flag says what its words' checks on that text say (the
    last two, clause breaks and years, may be set where the check finds nothing, never the reverse)."""
    from landmine_monitor.facts import triggers
    from landmine_monitor.facts.quantities import BREAK_WORDS, YEAR_ANYWHERE
    from landmine_monitor.facts.sentences import clean, has_any

    raw = sep.join(words)
    if not raw.isascii():
        return
    low = clean(raw).lower()
    flags = numbers.text_flags(low)
    exact = numbers.NUMBER_WORD | numbers.MINE_WORDS | numbers.NOTHING_WORDS | numbers.VAGUE_WORDS_FLAG
    raw_flags = triggers.bits_ascii(raw)
    assert raw_flags & exact == flags & exact
    for flags_read in (flags, raw_flags):
        assert has_any(low, BREAK_WORDS) <= bool(flags_read & numbers.MAY_BREAK)
        assert (YEAR_ANYWHERE.search(clean(raw)) is not None) <= bool(flags_read & numbers.MAY_NAME_YEAR)
    assert bool(flags & numbers.NUMBER_WORD) == (numbers._NUMBER_WORD_LOW.search(low) is not None)
    assert bool(flags & numbers.MINE_WORDS) == has_any(low, numbers._MINE_WORDS)
    assert bool(flags & numbers.NOTHING_WORDS) == has_any(low, numbers._NOTHING_WORDS)
    assert bool(flags & numbers.VAGUE_WORDS_FLAG) == has_any(low, numbers.VAGUE_WORDS)
