"""Highlighted snippets: the best fragment of a hit, HTML-escaped, with the matched words in <mark>.

The fragment comes from the hit's paragraph or note with the most query stems. In text whose words are ASCII
the matched words are found here, stemming only the words that can match (`_ascii_snippet`); other text goes
to tantivy's SnippetGenerator, which stems the whole text. The HTML is built here so that everything but the
<mark> tags is escaped (the web shows snippets as HTML).
"""

from __future__ import annotations

import bisect
import html
import json
import re
from dataclasses import dataclass, field

import tantivy
from tantivy import Occur, Query

from .index import FOLDER, SCHEMA, SEPARATOR, STEMMER

MAX_CHARS = 240
PREFIX_EXPANSIONS = 16


@dataclass
class Highlighter:
    """What to mark in the hits of one query: the stemmed terms it looks for, the stems of the words already
    seen in its hits (remembered), and tantivy's generator for the text the quick way does not read."""

    searcher: tantivy.Searcher
    terms: list[bytes]
    stems: dict[bytes, bytes | None] = field(default_factory=dict)
    _gen: tantivy.SnippetGenerator | None = None

    @property
    def gen(self) -> tantivy.SnippetGenerator:
        if self._gen is None:
            words = [t.decode() for t in self.terms]
            query = Query.boolean_query([(Occur.Should, Query.term_query(SCHEMA, "text", t)) for t in words])
            self._gen = tantivy.SnippetGenerator.create(self.searcher, query, SCHEMA, "text")
            self._gen.set_max_num_chars(MAX_CHARS)
        return self._gen

    def stem(self, token: bytes) -> bytes | None:
        """The `text` field's term for one ASCII word (None for a word the analyzer drops)."""
        if token in self.stems:
            return self.stems[token]
        got = STEMMER.analyze(token.decode())
        stem = self.stems[token] = got[0].encode() if got else None
        return stem


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
    return Highlighter(searcher, [t.encode() for t in terms])


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
        found = _from_part(hl, data, lo, hi) if hi > lo else None
        found = found or _from_document(hl.gen, doc, data, starts)
        if found is not None:
            return found
    head = text[:MAX_CHARS]
    cut = head.rsplit(" ", 1)[0] if len(text) > MAX_CHARS and " " in head else head
    return Snippet(html.escape(cut) + ("…" if len(text) > len(cut) else ""), 0)


def _likeliest_part(data: bytes, starts: list[int], terms: list[bytes]) -> tuple[int, int]:
    """The byte range of the part holding the most distinct query stems (the first such part), found by
    one search of the lower-cased text per stem rather than by lower-casing and searching every part."""
    low = data.lower()
    found: dict[int, set[bytes]] = {}
    for term in terms:
        at = low.find(term)
        while at >= 0:
            i = max(bisect.bisect_right(starts, at) - 1, 0)
            found.setdefault(i, set()).add(term)
            # the rest of this part cannot add to its score for this term: go on from the next part
            at = low.find(term, starts[i + 1]) if i + 1 < len(starts) else -1
    if not found:
        return 0, 0
    best = min(found, key=lambda i: (-len(found[i]), i))
    lo = starts[best]
    hi = starts[best + 1] - len(SEPARATOR) if best + 1 < len(starts) else len(data)
    return lo, hi


def _from_part(hl: Highlighter, data: bytes, lo: int, hi: int) -> Snippet | None:
    part = data[lo:hi]
    if part.isascii() or _words_are_ascii(part):
        return _ascii_snippet(hl, part, lo)
    sn = hl.gen.snippet_from_doc(tantivy.Document(text=part.decode()))
    marks = sorted((r.start, r.end) for r in sn.highlighted())
    if not marks:
        return None
    span = sn.fragment_range()
    body = _marked(sn.fragment().encode(), marks)
    text = ("…" if span.start > 0 else "") + body + ("…" if span.end < len(part) else "")
    return Snippet(text, lo + span.start + marks[0][0])


# The quick way, for text whose words are ASCII (nearly all of the Monitor's, whose other characters are
# mostly curly quotes and dashes): tantivy's simple tokenizer splits such text into runs of ASCII letters and
# digits, so a word of the text is one of these runs; the English stemmer keeps all but at most the last two
# letters of a word (dying -> die, the worst case), so a word whose stem is a query term starts with that
# term less its last two letters. Only those words are stemmed (once per query).
_WORD = re.compile(rb"[a-z0-9]+")
_NON_ASCII = re.compile("[^\x00-\x7f]")
LEAD = 40  # bytes of context kept before the first match


def _words_are_ascii(part: bytes) -> bool:
    """No character outside ASCII can be part of a word: each one (a curly quote, a dash) is a separator to
    the index's own tokenizer (asked once per character: Unicode's letter classes differ between Python and
    tantivy, and circled letters fold to ASCII ones)."""
    return all(_separates(ch) for ch in set(_NON_ASCII.findall(part.decode(errors="replace"))))


def _separates(ch: str) -> bool:
    known = _SEPARATES.get(ch)
    if known is None:
        if len(_SEPARATES) > 50_000:  # a bound, whatever text comes
            _SEPARATES.clear()
        known = _SEPARATES[ch] = FOLDER.analyze(f"a{ch}b") == ["a", "b"]
    return known


_SEPARATES: dict[str, bool] = {}


def _ascii_snippet(hl: Highlighter, part: bytes, lo: int) -> Snippet | None:
    matches = _matches(hl, part.lower())
    if not matches:
        return None
    i, j = _best_window(matches, MAX_CHARS - LEAD)
    first, last_end = matches[i][0], matches[j - 1][1]
    start = 0
    if first > LEAD:  # begin at a word boundary at most LEAD bytes before the first match
        space = part.find(b" ", first - LEAD, first)
        start = space + 1 if space >= 0 else first
    end = min(len(part), start + MAX_CHARS)
    if end < len(part):  # end at a word boundary, never inside a kept match
        space = part.rfind(b" ", last_end, end + 1)
        end = space if space >= 0 else max(end, last_end)
        while end < len(part) and part[end] & 0xC0 == 0x80:  # not inside a character
            end += 1
    marks = [(a - start, b - start) for a, b, _ in matches if a >= start and b <= end]
    body = _marked(part[start:end], marks)
    return Snippet(("…" if start > 0 else "") + body + ("…" if end < len(part) else ""), lo + first)


def _matches(hl: Highlighter, low: bytes) -> list[tuple[int, int, bytes]]:
    """(start, end, term) of every word of `low` (lower-cased ASCII) whose stem is a query term."""
    wanted = set(hl.terms)
    found: dict[int, tuple[int, int, bytes]] = {}
    for term in hl.terms:
        probe = term[: max(1, len(term) - 2)]
        at = low.find(probe)
        while at >= 0:
            if at and low[at - 1 : at].isalnum():  # inside a word, not at its start
                at = low.find(probe, at + 1)
                continue
            word = _WORD.match(low, at)
            if word is None:  # a probe of other characters cannot start a word
                break
            stem = hl.stem(word.group())
            if stem in wanted:
                found[at] = (at, word.end(), stem)
            at = low.find(probe, word.end())
    return sorted(found.values())


def _best_window(matches: list[tuple[int, int, bytes]], size: int) -> tuple[int, int]:
    """The run of matches [i, j) that fits in `size` bytes with the most distinct terms, then the most
    matches; the first such run."""
    best, bounds, j = (0, 0), (0, 1), 0
    for i, (start, _, _) in enumerate(matches):
        j = max(j, i + 1)
        while j < len(matches) and matches[j][1] - start <= size:
            j += 1
        score = (len({m[2] for m in matches[i:j]}), j - i)
        if score > best:
            best, bounds = score, (i, j)
    return bounds


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
