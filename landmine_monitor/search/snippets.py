"""Highlighted snippets: the best fragment of a hit, HTML-escaped, with the matched words in <mark>.

tantivy's SnippetGenerator picks the fragment and the matched byte ranges; the HTML is built here so that
everything but the <mark> tags is escaped (the web shows snippets as HTML).
"""

from __future__ import annotations

import bisect
import html
import json
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from .index import SCHEMA, SEPARATOR, STEMMER

MAX_CHARS = 240
PREFIX_EXPANSIONS = 16


@dataclass
class Highlighter:
    """What to mark in the hits of one query: tantivy's generator and the stemmed terms it looks for."""

    gen: tantivy.SnippetGenerator
    terms: list[bytes]


@dataclass
class Snippet:
    html: str
    position: int  # byte offset in the document's text of the first match (0 when none)


def highlighter(searcher: tantivy.Searcher, stems: list[str], prefixes: list[str]) -> Highlighter | None:
    """The `text` terms to mark: the query's stemmed words plus the commonest words of each prefix."""
    terms = list(stems)
    for prefix in prefixes:
        for term, _ in searcher.terms_with_prefix("exact", prefix, limit=PREFIX_EXPANSIONS):
            terms.extend(STEMMER.analyze(term))
    terms = list(dict.fromkeys(terms))
    if not terms:
        return None
    query = Query.boolean_query([(Occur.Should, Query.term_query(SCHEMA, "text", t)) for t in terms])
    gen = tantivy.SnippetGenerator.create(searcher, query, SCHEMA, "text")
    gen.set_max_num_chars(MAX_CHARS)
    return Highlighter(gen, [t.encode() for t in terms])


def parts(doc: tantivy.Document) -> list[tuple[int, int | None, str | None]]:
    """A document's parts: (byte offset in its text, paragraph ord or note number, anchor)."""
    raw = doc.get_first("parts")
    return [(int(p[0]), p[1], p[2]) for p in json.loads(raw)] if raw else [(0, None, None)]


def snippet(hl: Highlighter | None, doc: tantivy.Document, text: str, starts: list[int]) -> Snippet:
    """The HTML snippet of one hit, inside one paragraph or note; the start of the text when no word of the
    query is in it. The part most likely to match (most query stems as substrings) is tried first, which
    spares tokenizing a whole section; the whole document is the fallback."""
    if hl is not None:
        data = text.encode()
        lo, hi = _likeliest_part(data, starts, hl.terms)
        found = _from_part(hl.gen, data, lo, hi) if hi > lo else None
        found = found or _from_document(hl.gen, doc, data, starts)
        if found is not None:
            return found
    head = text[:MAX_CHARS]
    cut = head.rsplit(" ", 1)[0] if len(text) > MAX_CHARS and " " in head else head
    return Snippet(html.escape(cut) + ("…" if len(text) > len(cut) else ""), 0)


def _likeliest_part(data: bytes, starts: list[int], terms: list[bytes]) -> tuple[int, int]:
    best, bounds = 0, (0, 0)
    for i, lo in enumerate(starts):
        hi = starts[i + 1] - len(SEPARATOR) if i + 1 < len(starts) else len(data)
        part = data[lo:hi].lower()
        score = sum(t in part for t in terms)
        if score > best:
            best, bounds = score, (lo, hi)
    return bounds


def _from_part(gen: tantivy.SnippetGenerator, data: bytes, lo: int, hi: int) -> Snippet | None:
    part = data[lo:hi]
    sn = gen.snippet_from_doc(tantivy.Document(text=part.decode()))
    marks = sorted((r.start, r.end) for r in sn.highlighted())
    if not marks:
        return None
    span = sn.fragment_range()
    body = _marked(sn.fragment().encode(), marks)
    text = ("…" if span.start > 0 else "") + body + ("…" if span.end < len(part) else "")
    return Snippet(text, lo + span.start + marks[0][0])


def _from_document(
    gen: tantivy.SnippetGenerator, doc: tantivy.Document, data: bytes, starts: list[int]
) -> Snippet | None:
    sn = gen.snippet_from_doc(doc)
    marks = sorted((r.start, r.end) for r in sn.highlighted())
    if not marks:
        return None
    span = sn.fragment_range()
    first = span.start + marks[0][0]
    lo, hi = _part_bounds(starts, first, len(data))
    start, end = max(span.start, lo), min(span.end, hi)
    shifted = [(a + span.start - start, b + span.start - start) for a, b in marks]
    kept = [(a, b) for a, b in shifted if a >= 0 and b <= end - start]
    body = _marked(data[start:end], kept)
    return Snippet(("…" if start > lo else "") + body + ("…" if end < hi else ""), first)


def _part_bounds(starts: list[int], position: int, size: int) -> tuple[int, int]:
    """The byte range of the part (paragraph or note) that holds `position`, separator excluded."""
    i = max(bisect.bisect_right(starts, position) - 1, 0) if starts else 0
    lo = starts[i] if starts else 0
    hi = starts[i + 1] - len(SEPARATOR) if i + 1 < len(starts) else size
    return lo, hi


def _marked(fragment: bytes, marks: list[tuple[int, int]]) -> str:
    out: list[str] = []
    pos = 0
    for start, end in marks:
        if start < pos:
            continue
        out.append(html.escape(fragment[pos:start].decode(errors="replace")))
        out.append("<mark>" + html.escape(fragment[start:end].decode(errors="replace")) + "</mark>")
        pos = end
    out.append(html.escape(fragment[pos:].decode(errors="replace")))
    return "".join(out)
