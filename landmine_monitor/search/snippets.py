"""Highlighted snippets: the best fragment of a hit, HTML-escaped, with the matched words in <mark>.

tantivy's SnippetGenerator picks the fragment and the matched byte ranges; the HTML is built here so that
everything but the <mark> tags is escaped (the web shows snippets as HTML).
"""

from __future__ import annotations

import html

import tantivy
from tantivy import Occur, Query

from .index import SCHEMA, STEMMER

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


def snippet(gen: tantivy.SnippetGenerator | None, doc: tantivy.Document, text: str) -> str:
    """The HTML snippet of one hit; the start of its text when no word of the query is in it."""
    if gen is not None:
        sn = gen.snippet_from_doc(doc)
        marks = sorted((r.start, r.end) for r in sn.highlighted())
        if marks:
            span = sn.fragment_range()
            body = _marked(sn.fragment().encode(), marks)
            total = len(text.encode())
            return ("…" if span.start > 0 else "") + body + ("…" if span.end < total else "")
    head = text[:MAX_CHARS]
    cut = head.rsplit(" ", 1)[0] if len(text) > MAX_CHARS and " " in head else head
    return html.escape(cut) + ("…" if len(text) > len(cut) else "")


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
