"""Sentences with their footnote markers, and the context every extractor receives.

A sentence keeps the `[n]` markers inside it and those right after its final stop
("...the treaty.[1] He said" gives "...the treaty." with footnotes [1]). The text handed to
extractors has the markers removed and white space collapsed, so patterns read plain prose.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
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


@dataclass(frozen=True)
class Sentence:
    raw: str  # as in the paragraph, markers included
    text: str  # markers removed, white space collapsed
    footnotes: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class SentenceContext:
    """What an extractor sees: one sentence and where it sits in the report."""

    text: str
    footnotes: list[int] = field(default_factory=list)
    section: int | None = None
    paragraph: int | None = None
    edition: int | None = None
    iso3: str | None = None
    topics: tuple[str, ...] = ()
    table_row: bool = False  # an overview-table line ("Mine Ban Treaty status: State Party")
    previous: str = ""  # the sentence before, in the same paragraph ("...estimated the number at")


def clean(text: str) -> str:
    """Markers out, white space collapsed."""
    return " ".join(MARKER.sub(" ", text).split()).replace(" ,", ",").replace(" .", ".")


def _is_abbreviation(text: str, stop: int) -> bool:
    """True when the full stop at `stop` closes an abbreviation or an initial, not a sentence."""
    if text[stop] != ".":
        return False
    m = re.search(r"([A-Za-z.]+)$", text[:stop])
    if not m:
        return False
    word = m.group(1)
    if m.start() > 0 and (text[m.start() - 1].isalnum() or text[m.start() - 1] in "-/"):
        return False  # "POMZ-2M." ends a sentence
    if len(word) == 1 and word.isupper():  # an initial: "R. Smith"
        return True
    if "." in word and all(len(part) <= 2 for part in word.split(".")):  # U.S, R.A, e.g
        return True
    return word.lower() in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Split a paragraph into sentences; markers stay with the sentence they close."""
    out: list[Sentence] = []
    start = 0
    for m in _END.finditer(text):
        end = m.end()
        if not _NEXT_START.match(text, end) and end < len(text.rstrip()):
            continue
        if _is_abbreviation(text, m.start()):
            continue
        out.append(_sentence(text[start:end]))
        start = end
    if text[start:].strip():
        out.append(_sentence(text[start:]))
    return [s for s in out if s.text]


def _sentence(raw: str) -> Sentence:
    raw = raw.strip()
    return Sentence(raw=raw, text=clean(raw), footnotes=[int(n) for n in MARKER.findall(raw)])


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


def contexts(report: Report) -> Iterator[SentenceContext]:
    """Every sentence of the report in reading order, with its provenance.

    Sections give (section, paragraph) indexes. Key developments come first with section None and
    paragraph = their index in report.key_developments; overview rows come as table rows with both
    indexes None.
    """
    iso3 = report.country.iso3 if report.country else None
    # Overview rows: label/value pairs, read again as a flat list of lines because a cell can be
    # shifted by one (label "Treaty status", value "Mine Ban Treaty", label "Not a party"); a long
    # value is prose and is read sentence by sentence.
    lines = [cell for row in report.overview for cell in (row.key, row.value)]
    for _, row_text in table_rows(lines):
        yield SentenceContext(row_text, [], None, None, report.edition, iso3, (), True)
    for overview_row in report.overview:
        if len(overview_row.value) >= 200 or overview_row.value.rstrip().endswith("."):
            for s in split_sentences(overview_row.value):
                yield SentenceContext(s.text, s.footnotes, None, None, report.edition, iso3, ())
    for k, kd in enumerate(report.key_developments):
        previous = ""
        for s in split_sentences(kd.text):
            yield SentenceContext(
                s.text, s.footnotes, None, k, report.edition, iso3, ("key_developments",), False, previous
            )
            previous = s.text
    for s_ord, section in enumerate(report.sections):
        topics = tuple(section.topics)
        texts = [section.heading or ""] + [p.text for p in section.paragraphs]
        for value_ord, row in table_rows(texts):
            yield SentenceContext(row, [], s_ord, value_ord - 1, report.edition, iso3, topics, True)
        for p_ord, para in enumerate(section.paragraphs):
            lines = para.text.split("\n")
            for line_ord, row in table_rows(lines):
                footnotes = [int(n) for n in MARKER.findall(lines[line_ord])]
                yield SentenceContext(row, footnotes, s_ord, p_ord, report.edition, iso3, topics, True)
            previous = ""
            for s in split_sentences(para.text):
                yield SentenceContext(
                    s.text, s.footnotes, s_ord, p_ord, report.edition, iso3, topics, False, previous
                )
                previous = s.text
