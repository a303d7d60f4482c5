"""Sentences with their footnote markers, and the context every extractor receives.

A sentence keeps the `[n]` markers inside it and those right after its final stop
("...the treaty.[1] He said" gives "...the treaty." with footnotes [1]). The text handed to
extractors has the markers removed and white space collapsed, so patterns read plain prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from ..model import Report

MARKER = re.compile(r"\[(\d{1,4})\]")

# Words after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "sgt", "st", "no", "nos", "p", "pp", "vol", "para", "art", "gen", "col",
    "lt", "capt", "maj", "amb", "prof", "jr", "sr", "co", "inc", "ltd", "etc", "e.g", "i.e", "cf", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "fig", "approx",
}  # fmt: skip

# A candidate end: stop, optional closing quotes/brackets, optional markers, then space.
_END = re.compile(r"[.!?][\"'”’)]*(?:\s*\[\d{1,4}\])*(?=\s+|$)")
_NEXT_START = re.compile(r"\s+[\"'“‘(\[]?[A-Z0-9]")


@dataclass(slots=True)
class Sentence:
    raw: str  # as in the paragraph, markers included
    text: str  # markers removed, white space collapsed
    footnotes: list[int] = field(default_factory=list)


@dataclass(slots=True)
class SentenceContext:
    """What an extractor sees: one sentence and where it sits in the report.

    Not frozen (a frozen dataclass costs ~3 us to build, a slotted one well under 1 us, and there is
    one per sentence); extractors treat it as read-only. `low` is `fold(text)`, for trigger checks.
    """

    text: str
    footnotes: list[int] = field(default_factory=list)
    section: int | None = None
    paragraph: int | None = None
    edition: int | None = None
    iso3: str | None = None
    topics: tuple[str, ...] = ()
    table_row: bool = False  # an overview-table line ("Mine Ban Treaty status: State Party")
    previous: str = ""  # the sentence before, in the same paragraph ("...estimated the number at")
    low: str = field(default="", repr=False, compare=False)  # fold(text), computed when not given
    # For ASCII text, the word flags of its tokens (`numbers.FLAGS`) when its reader already knows
    # them; -1 when not known (each reader that needs them reads them from `low`).
    flags: int = field(default=-1, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.low:
            self.low = fold(self.text)


# Says whether an extractor may find anything in a text (a paragraph or a sentence), given the text and
# `fold(text)`. It must never say no where the extractor would find a fact: it is a cheap necessary
# condition (trigger words), so that most sentences skip most extractors.
Wanted = Callable[[str, str], bool]


def fold(text: str) -> str:
    """Lower case for trigger checks, folding as `re.I` does ("ı" matches i, "ſ" matches s)."""
    low = text.lower()
    if not low.isascii():
        low = low.replace("ı", "i").replace("ſ", "s").replace("\u0307", "")
    return low


def lowered(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` (compiled with re.I) for ASCII text lower-cased by `str.lower`: it finds there what
    `pattern` finds in the text, at the same places, and runs faster (re.I makes the regex engine fold
    every character it compares)."""
    out = []
    src = pattern.pattern
    i = 0
    while i < len(src):
        if src.startswith("(?P<", i):
            out.append("(?P<")
            i += 4
        elif src[i] == "\\":
            if src[i + 1].isupper():
                raise ValueError(f"upper-case escape in {src!r}")
            out.append(src[i : i + 2])
            i += 2
        else:
            out.append(src[i].lower())
            i += 1
    return re.compile("".join(out), pattern.flags & ~re.I)


def has_any(low: str, words: tuple[str, ...]) -> bool:
    """Whether any of `words` occurs in `low` (plain substring checks: much cheaper than a regex)."""
    return any(map(low.__contains__, words))


def clean(text: str) -> str:
    """Markers out, white space collapsed."""
    if "[" in text:
        text = MARKER.sub(" ", text)
    return " ".join(text.split()).replace(" ,", ",").replace(" .", ".")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    space = text.rfind(" ", 0, stop)
    word = text[space + 1 : stop]
    if space >= 0 and word.isalpha() and word.isascii():  # a plain word after a space
        return (len(word) == 1 and word.isupper()) or word.lower() in _ABBREVIATIONS
    span = _word_before(text, stop)
    if span is None:
        return False
    start, end = span
    word = text[start:end]
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in "-/"):
        return False  # "POMZ-2M." ends a sentence
    if len(word) == 1 and word.isupper():  # an initial: "R. Smith"
        return True
    if "." in word and all(len(part) <= 2 for part in word.split(".")):  # U.S, R.A, e.g
        return True
    return word.lower() in _ABBREVIATIONS


_WORD_CHARS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz.")


def _word_before(text: str, stop: int) -> tuple[int, int] | None:
    """Span of the run of letters and dots that ends text[:stop] (or ends just before a final
    newline there, as `$` allows), scanning back from `stop` only."""
    end = stop
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start and text[start - 1] in _WORD_CHARS:
        start -= 1
    return (start, end) if start < end else None


def split_sentences(text: str) -> list[Sentence]:
    """Split a paragraph into sentences; markers stay with the sentence they close."""
    return [s for s in map(_sentence, _spans(text)) if s.text]


def _spans(text: str) -> list[str]:
    """The paragraph's sentences as written (markers in, stripped); one may be markers only."""
    out: list[str] = []
    start = 0
    last = len(text.rstrip())
    for m in _END.finditer(text):
        end = m.end()
        if end < last and not _NEXT_START.match(text, end):
            continue
        if text[m.start()] == "." and _is_abbreviation(text, m.start()):
            continue
        out.append(text[start:end].strip())
        start = end
    if text[start:].strip():
        out.append(text[start:].strip())
    return out


def _sentence(raw: str) -> Sentence:
    footnotes = [int(n) for n in MARKER.findall(raw)] if "[" in raw else []
    return Sentence(raw=raw, text=clean(raw), footnotes=footnotes)


# Overview-table labels whose value follows on the next line or paragraph.
TABLE_LABEL = re.compile(
    r"(?:Mine Ban Treaty|Treaty)(?: status)?|State Party since|(?:Pro-mine ban )?UNGA voting record"
    r"|Convention on Conventional Weapons|CCW(?: Amended Protocol II)?|Conference on Disarmament",
    re.I,
)


def table_rows(lines: list[str]) -> Iterator[tuple[int, str]]:
    """(index of the value line, "label: value") for each label line followed by a short value."""
    for i, line in enumerate(lines[:-1]):
        value = lines[i + 1].strip()
        if (
            TABLE_LABEL.fullmatch(line.strip())
            and value
            and len(value) < 200
            and not TABLE_LABEL.fullmatch(value)
        ):
            yield i + 1, f"{line.strip()}: {clean(value)}"


@dataclass(slots=True)
class Prose:
    """A stretch of prose (a paragraph, a long overview value) and where it sits, read sentence by
    sentence: `contexts` gives every sentence's context."""

    text: str
    section: int | None
    paragraph: int | None
    edition: int | None
    iso3: str | None
    topics: tuple[str, ...]
    with_previous: bool  # whether a sentence's context has the sentence before it (`previous`)

    def context(
        self, sentence: str, footnotes: list[int], previous: str, low: str = "", flags: int = -1
    ) -> SentenceContext:
        """The context of one of its sentences (`sentence` cleaned, `low` its `fold` and `flags` its
        word flags if known)."""
        return SentenceContext(
            sentence, footnotes, self.section, self.paragraph, self.edition, self.iso3, self.topics,
            False, previous if self.with_previous else "", low, flags,
        )  # fmt: skip

    def contexts(self) -> Iterator[SentenceContext]:
        previous = ""
        for raw in spans(self.text):
            sentence = clean(raw)
            if sentence:
                yield self.context(sentence, footnotes_of(raw), previous)
                previous = sentence


def spans(text: str) -> list[str]:
    """The sentences of `text` as written (markers in, stripped); one may be markers only."""
    return _spans(text)


def footnotes_of(raw: str) -> list[int]:
    """The footnote numbers of the markers in `raw`."""
    return [int(n) for n in MARKER.findall(raw)] if "[" in raw else []


# A stretch of the report in reading order: an overview-table row's context (read by every extractor),
# or a stretch of prose.
Unit = SentenceContext | Prose


def contexts(report: Report, wanted: Wanted | None = None) -> Iterator[SentenceContext]:
    """Every sentence of the report in reading order, with its provenance.

    Sections give (section, paragraph) indexes. Key developments come first with section None and
    paragraph = their index in report.key_developments; overview rows come as table rows with both
    indexes None. With `wanted`, the sentences of paragraphs it rejects are skipped (table rows always
    come).
    """
    for unit in units(report):
        if isinstance(unit, SentenceContext):
            yield unit
        elif wanted is None or wanted(unit.text, fold(unit.text)):
            yield from unit.contexts()


def units(report: Report) -> Iterator[Unit]:
    """The report as `Unit`s in reading order (see `contexts`)."""
    iso3 = report.country.iso3 if report.country else None
    edition = report.edition
    # Overview rows: label/value pairs, read again as a flat list of lines because a cell can be
    # shifted by one (label "Treaty status", value "Mine Ban Treaty", label "Not a party"); a long
    # value is prose and is read sentence by sentence.
    lines = [cell for row in report.overview for cell in (row.key, row.value)]
    for _, row_text in table_rows(lines):
        yield SentenceContext(row_text, [], None, None, edition, iso3, (), True)
    for overview_row in report.overview:
        if len(overview_row.value) >= 200 or overview_row.value.rstrip().endswith("."):
            yield Prose(overview_row.value, None, None, edition, iso3, (), False)
    for k, kd in enumerate(report.key_developments):
        yield Prose(kd.text, None, k, edition, iso3, ("key_developments",), True)
    for s_ord, section in enumerate(report.sections):
        topics = tuple(section.topics)
        texts = [section.heading or ""] + [p.text for p in section.paragraphs]
        for value_ord, row in table_rows(texts):
            yield SentenceContext(row, [], s_ord, value_ord - 1, edition, iso3, topics, True)
        for p_ord, para in enumerate(section.paragraphs):
            if "\n" in para.text:
                lines = para.text.split("\n")
                for line_ord, row in table_rows(lines):
                    footnotes = [int(n) for n in MARKER.findall(lines[line_ord])]
                    yield SentenceContext(row, footnotes, s_ord, p_ord, edition, iso3, topics, True)
            yield Prose(para.text, s_ord, p_ord, edition, iso3, topics, True)
