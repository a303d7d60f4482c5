"""Highlighted snippets: the best fragment of a hit, HTML-escaped, with the matched words in <mark>.

tantivy's SnippetGenerator picks the fragment and the matched byte ranges; the HTML is built here so that
everything but the <mark> tags is escaped (the web shows snippets as HTML).
"""

from __future__ import annotations

import bisect
import html
from dataclasses import dataclass

import tantivy
from tantivy import Occur, Query

from .index import SCHEMA, SEPARATOR, STEMMER

MAX_CHARS = 240
PREFIX_EXPANSIONS = 16


def highlight_query(searcher: tantivy.Searcher, stems: list[str], prefixes: list[str]) -> Query | None:
    """The `text` terms to mark: the query's stemmed words plus the commonest words of each prefix."""
    terms = list(stems)
    for prefix in prefixes:
        for term, _ in searcher.terms_with_prefix("exact", prefix, limit=PREFIX_EXPANSIONS):
            terms.extend(STEMMER.analyze(term))
    terms = list(dict.fromkeys(terms))
    if not terms:
        return None
    return Query.boolean_query([(Occur.Should, Query.term_query(SCHEMA, "text", t)) for t in terms])


def generator(searcher: tantivy.Searcher, query: Query | None) -> tantivy.SnippetGenerator | None:
    if query is None:
        return None
    gen = tantivy.SnippetGenerator.create(searcher, query, SCHEMA, "text")
    gen.set_max_num_chars(MAX_CHARS)
    return gen


@dataclass
class Snippet:
    html: str
    position: int  # byte offset in the text of the first match (0 when none)


def snippet(gen: tantivy.SnippetGenerator | None, doc: tantivy.Document, text: str) -> Snippet:
    """The HTML snippet of one hit, kept inside the paragraph or note of its first match; the start of the
    text when no word of the query is in it."""
    if gen is not None:
        sn = gen.snippet_from_doc(doc)
        marks = sorted((r.start, r.end) for r in sn.highlighted())
        if marks:
            data, span = text.encode(), sn.fragment_range()
            first = span.start + marks[0][0]
            lo, hi = _part_bounds(doc.get_all("starts"), first, len(data))
            start, end = max(span.start, lo), min(span.end, hi)
            shifted = [(a + span.start - start, b + span.start - start) for a, b in marks]
            kept = [(a, b) for a, b in shifted if a >= 0 and b <= end - start]
            body = _marked(data[start:end], kept)
            return Snippet(("…" if start > lo else "") + body + ("…" if end < hi else ""), first)
    head = text[:MAX_CHARS]
    cut = head.rsplit(" ", 1)[0] if len(text) > MAX_CHARS and " " in head else head
    return Snippet(html.escape(cut) + ("…" if len(text) > len(cut) else ""), 0)


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
