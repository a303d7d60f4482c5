"""`search()`: a user query and filters in, one dict out (the shape of `search --json` and /search.json).

Facet counts come from one aggregation over the whole result set (not the page shown); the page itself
from a top-k collector that skips what cannot rank. The index is opened once per process and reopened
only when a commit or a rebuild changed it.
"""

from __future__ import annotations

import bisect
import os
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Query

from ..countries import resolve
from ..model import CITATION_KINDS, TOPICS
from . import snippets, suggest
from .index import (
    MASK_FIELDS,
    MASKS,
    SCHEMA,
    Handle,
    IndexMissing,
    SearchError,
    country_letters,
    handle,
    index_dir,
    mask_bits,
)
from .indexer import rebuild
from .query import MAX_CHARS, translate

# Threads that count facets while the calling thread reads the page of hits (see _counting).
_POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lm-facets")


def _new_pool() -> None:
    """A forked child (a parser process, a pre-forking server) gets its own pool: the parent's threads are
    not in it."""
    global _POOL
    _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="lm-facets")


os.register_at_fork(after_in_child=_new_pool)
MAX_LIMIT = 100
MAX_OFFSET = 10_000
PREFIX_EXPANSIONS = 50
FACET_FIELDS = ("edition", *MASK_FIELDS)
# Buckets asked of each facet field: every value it can hold (a smaller size would drop the rarer values:
# 738 topic sets at 50,000 synthetic reports); editions are years, countries 26^3 codes at most.
FACET_SIZES = {"edition": 300, "f_country": 26**3, **{name: 1 << bits for name, _, _, bits in MASKS}}
# A query whose one term is in more than this share of the documents is counted by its complement.
DENSE = 0.5
HIT_KINDS = {"section": "paragraph", "notes": "footnote"}  # what a hit points at
SORTS = ("relevance", "edition", "edition_asc")
FACETS = ("country", "edition", "topic", "source_kind")


@dataclass
class Filters:
    country: str | None = None
    edition: int | None = None
    year_from: int | None = None
    year_to: int | None = None
    topic: str | None = None
    kind: str | None = None

    def clauses(self) -> list[Query]:
        out = []
        if self.country:
            out.append(Query.term_query(SCHEMA, "country", self.country))
        # one edition: its term's postings, far cheaper to intersect than a range over the column
        if self.edition is not None:
            out.append(Query.term_query(SCHEMA, "edition", self.edition))
        elif self.year_from is not None or self.year_to is not None:
            lo, hi = self.year_from, self.year_to
            out.append(Query.range_query(SCHEMA, "edition", tantivy.FieldType.Unsigned, lo, hi))
        if self.topic:
            out.append(Query.term_query(SCHEMA, "topic", self.topic))
        if self.kind:
            out.append(Query.term_query(SCHEMA, "source_kind", self.kind))
        return out

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None}


def search(
    db: Path,
    query: str,
    *,
    country: str | None = None,
    edition: int | None = None,
    year_from: int | None = None,
    year_to: int | None = None,
    topic: str | None = None,
    kind: str | None = None,
    limit: int = 10,
    offset: int = 0,
    sort: str = "relevance",
    readonly: bool = False,
    remember: bool = True,
) -> dict[str, Any]:
    """Search every report of every edition; see query.py for the syntax. Raises SearchError for a bad filter.
    A missing (or other-version) index is built first, unless `readonly`: then IndexMissing is raised.

    The total and facets of the last FACET_MEMO queries (text and filters) are remembered until the next
    commit, so the next page of a query, or a query asked again, costs no counting; `remember=False` counts
    afresh (the benchmark's cold figures)."""
    started = time.perf_counter()
    h = _open(Path(db), readonly)
    filters = _filters(h, country, edition, year_from, year_to, topic, kind)
    if sort not in SORTS:
        raise SearchError(f"unknown sort {sort!r} (use one of: {', '.join(SORTS)})")
    limit, offset = max(0, min(int(limit), MAX_LIMIT)), max(0, min(int(offset), MAX_OFFSET))
    t = translate(query, _expander(h))
    out: dict[str, Any] = {
        "query": str(query)[:MAX_CHARS],
        "interpreted": t.interpreted,
        "filters": filters.to_dict(),
        "sort": sort,
        "limit": limit,
        "offset": offset,
        "total": 0,
        "hits": [],
        "facets": {name: [] for name in FACETS},
        "suggestions": [],
        "message": None,
    }
    notes = list(t.notes)
    if t.query is None:
        notes.append('nothing to search for: type words, "a phrase", prefix* or NEAR (see search --help)')
    else:
        q = _filtered(t.query, filters)
        key = (out["query"], tuple(sorted(out["filters"].items())))
        known = _recall(h, key) if remember else None
        if known is None:
            dense = t.term is not None and not filters.clauses() and _dense(h, t.term)
            counting = _counting(h, q, dense)  # on other threads, while this one reads the page of hits
        if limit:
            hl = snippets.highlighter(h.searcher, t.highlight, t.prefixes)
            out["hits"] = _hits(h, q, hl, limit, offset, sort)
        if known is None:
            known = _facets_of(h, counting, dense)
            if remember:
                _keep(h, key, known)
        out["total"], out["facets"] = known[0], _copied(known[1])
        if not out["total"]:
            out["suggestions"] = suggest.suggestions(h, str(query)[:MAX_CHARS], t.words, _probe(h, filters))
            notes.append(_nothing(out["suggestions"], filters))
    out["message"] = "; ".join(notes) or None
    out["took_ms"] = round((time.perf_counter() - started) * 1000, 2)
    return out


Facets = dict[str, list[dict[str, Any]]]
FACET_MEMO = 256  # queries whose total and facets a commit's handle remembers
_memo_lock = threading.Lock()


def _recall(h: Handle, key: tuple[Any, ...]) -> tuple[int, Facets] | None:
    with _memo_lock:
        memo: OrderedDict[tuple[Any, ...], tuple[int, Facets]] = h.cache.setdefault("facets", OrderedDict())
        found = memo.get(key)
        if found is not None:
            memo.move_to_end(key)
        return found


def _keep(h: Handle, key: tuple[Any, ...], counted: tuple[int, Facets]) -> None:
    with _memo_lock:
        memo: OrderedDict[tuple[Any, ...], tuple[int, Facets]] = h.cache.setdefault("facets", OrderedDict())
        memo[key] = counted
        while len(memo) > FACET_MEMO:
            memo.popitem(last=False)


def _copied(facets: Facets) -> Facets:
    """The caller's own lists and entries: what it changes is not what the memo remembers."""
    return {name: [dict(e) for e in entries] for name, entries in facets.items()}


def _expander(h: Handle) -> Callable[[str], list[str]]:
    def expand(prefix: str) -> list[str]:
        return [t for t, _ in h.searcher.terms_with_prefix("exact", prefix, limit=PREFIX_EXPANSIONS)]

    return expand


def _nothing(suggestions: list[str], filters: Filters) -> str:
    where = ", ".join(f"{k}={v}" for k, v in filters.to_dict().items())
    text = "no results" + (f" with {where}" if where else "")
    return text + (f"; did you mean: {suggestions[0]}" if suggestions else "")


def _open(db: Path, readonly: bool = False) -> Handle:
    path = index_dir(db)
    h = handle(path)
    if h is not None:
        return h
    if not db.exists():
        raise SearchError(f"{db}: no such database (run `landmine-monitor ingest PATH --db {db}` first)")
    if readonly:
        raise IndexMissing(
            f"{path}: the search index is missing or was built by another version;"
            f" run `landmine-monitor reindex --db {db}`"
        )
    try:
        rebuild(db)
    except OSError as e:
        raise SearchError(
            f"{path}: no search index and it cannot be built here ({e.strerror or e});"
            f" run `landmine-monitor reindex --db {db}`"
        ) from e
    h = handle(path)
    if h is None:
        raise SearchError(
            f"{path}: the search index cannot be opened; run `landmine-monitor reindex --db {db}`"
        )
    return h


def _filters(
    h: Handle,
    country: str | None,
    edition: int | None,
    year_from: int | None,
    year_to: int | None,
    topic: str | None,
    kind: str | None,
) -> Filters:
    if topic is not None and topic not in TOPICS:
        raise SearchError(f"unknown topic {topic!r} (one of: {', '.join(TOPICS)})")
    if kind is not None and kind not in CITATION_KINDS:
        raise SearchError(f"unknown source kind {kind!r} (one of: {', '.join(CITATION_KINDS)})")
    for name, year in (("edition", edition), ("from", year_from), ("to", year_to)):
        if year is not None and not 1900 <= year <= 2100:
            raise SearchError(f"{name} {year} is not an edition year (1900-2100)")
    if year_from is not None and year_to is not None and year_from > year_to:
        raise SearchError(f"--from {year_from} is after --to {year_to}")
    iso3 = country_code(country, h.countries) if country else None
    return Filters(iso3, edition, year_from, year_to, topic or None, kind or None)


def country_code(value: str, known: dict[str, str]) -> str:
    """A country filter as an ISO code: codes, every name the resolver knows, and the names in the index."""
    found = resolve(value)
    if found is not None:
        return str(found.iso3)
    wanted = value.strip().casefold()
    for iso3, name in known.items():
        if wanted in (iso3.casefold(), name.casefold()):
            return iso3
    if re.fullmatch(r"[A-Za-z]{3}", value.strip()):
        return value.strip().upper()
    raise SearchError(
        f"unknown country {value!r} (give an ISO code such as PRK or a name such as 'North Korea')"
    )


def _filtered(q: Query, filters: Filters) -> Query:
    clauses = filters.clauses()
    if not clauses:
        return q
    extra = [(Occur.Must, Query.const_score_query(c, 0.0)) for c in clauses]
    return Query.boolean_query([(Occur.Must, q), *extra])


_SPEC = {name: {"terms": {"field": name, "size": FACET_SIZES[name]}} for name in FACET_FIELDS}


def _dense(h: Handle, term: tuple[str, str]) -> bool:
    return h.searcher.doc_freq(*term) > DENSE * h.searcher.num_docs


def _counting(h: Handle, q: Query, dense: bool) -> Future[dict[str, Any]]:
    """Start counting the facets of `q` (of its complement when `dense`) in one aggregation pass on a pool
    thread (tantivy releases the GIL) while the caller reads the page of hits; `_facets_of` reads the result.
    (Two halves on two threads measured 28% slower at p50 at 50,000 reports: each walks the postings again.)"""
    if dense:
        q = Query.boolean_query([(Occur.Must, Query.all_query()), (Occur.MustNot, q)])
    return _POOL.submit(h.searcher.aggregate, q, _SPEC)


def _facets(h: Handle, q: Query, dense: bool = False) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    return _facets_of(h, _counting(h, q, dense), dense)


# Each mask value's vocabulary positions, remembered (a few hundred distinct values per field).
_BITS_OF: dict[str, dict[int, tuple[int, ...]]] = {name: {} for name, _, _, _ in MASKS}
_FIRST_MASK = MASKS[0][0]  # every document has each mask: the sum of one mask's buckets is the total


def _facets_of(
    h: Handle, counting: Future[dict[str, Any]], dense: bool
) -> tuple[int, dict[str, list[dict[str, Any]]]]:
    """The total and the facet counts over every document that matches, from one aggregation pass over
    small integer fields (see index.py); topic and source-kind masks are summed back into names here.

    A `dense` query (most documents match: "mine") is counted exactly by its complement: the counts of the
    whole index (once per commit) minus those of the documents that do not match, a far smaller set."""
    result = counting.result()
    if dense:
        if "all" not in h.cache:
            h.cache["all"] = h.searcher.aggregate(Query.all_query(), _SPEC)
        result = _minus(h.cache["all"], result)
    names = h.countries
    country = []
    for n, key in sorted((-b["doc_count"], b["key"]) for b in _buckets(result, "f_country")):
        code = country_letters(key)  # most hits first, then by code (the key orders as the code does)
        country.append({"value": code, "count": -n, "label": names.get(code, code)})
    editions = sorted((b["key"], b["doc_count"]) for b in _buckets(result, "edition"))
    facets: dict[str, list[dict[str, Any]]] = {
        "country": country,
        "edition": [{"value": year, "count": n} for year, n in editions],
    }
    sums: dict[str, list[int]] = {"topic": [0] * len(TOPICS), "source_kind": [0] * len(CITATION_KINDS)}
    total = 0
    for name, vocabulary, first, _ in MASKS:
        acc = sums["topic" if vocabulary is TOPICS else "source_kind"]
        bits_of = _BITS_OF[name]
        for b in _buckets(result, name):
            n, key = b["doc_count"], b["key"]
            bits = bits_of.get(key)
            if bits is None:
                bits = bits_of[key] = tuple(first + i for i in mask_bits(key))
            for i in bits:
                acc[i] += n
            if name is _FIRST_MASK:
                total += n
    for facet, vocabulary in (("topic", TOPICS), ("source_kind", CITATION_KINDS)):
        pairs = sorted(
            ((-n, v) for v, n in zip(vocabulary, sums[facet], strict=True) if n), key=itemgetter(0)
        )
        facets[facet] = [{"value": v, "count": -n} for n, v in pairs]
    return int(total), facets


def _minus(whole: dict[str, Any], rest: dict[str, Any]) -> dict[str, Any]:
    """Bucket counts of `whole` less those of `rest` (a subset of it), empty buckets dropped."""
    out: dict[str, Any] = {}
    for name in FACET_FIELDS:
        less = {b["key"]: b["doc_count"] for b in _buckets(rest, name)}
        buckets = [
            {"key": b["key"], "doc_count": n}
            for b in _buckets(whole, name)
            if (n := b["doc_count"] - less.get(b["key"], 0)) > 0
        ]
        out[name] = {"buckets": buckets}
    return out


def _buckets(result: dict[str, Any], name: str) -> list[dict[str, Any]]:
    buckets: list[dict[str, Any]] = (result.get(name) or {}).get("buckets", [])
    return buckets


def _hits(
    h: Handle, q: Query, hl: snippets.Highlighter | None, limit: int, offset: int, sort: str
) -> list[dict[str, Any]]:
    searcher = h.searcher
    if sort == "relevance":
        found = searcher.search(q, limit, count=False, offset=offset)
    else:
        order = tantivy.Order.Desc if sort == "edition" else tantivy.Order.Asc
        found = searcher.search(q, limit, count=False, offset=offset, order_by_field="edition", order=order)
    hits = []
    for key, address in found.hits:
        doc = searcher.doc(address)
        parts = snippets.parts(doc)
        snip = snippets.snippet(hl, doc, doc.get_first("text") or "", [p[0] for p in parts])
        hit = _hit(doc, h.countries, parts[_part([p[0] for p in parts], snip.position)])
        hit["snippet"] = snip.html
        hit["score"] = round(float(key), 4) if sort == "relevance" else None
        hits.append(hit)
    return hits


def _part(starts: list[int], position: int) -> int:
    """Which part (paragraph or note) of a document holds the byte `position` of its text."""
    return max(bisect.bisect_right(starts, position) - 1, 0)


def _hit(
    doc: tantivy.Document, countries: dict[str, str], part: tuple[int, int | None, str | None]
) -> dict[str, Any]:
    iso3, kind = doc.get_first("country"), doc.get_first("kind")
    _, ord_, anchor = part
    return {
        "report": doc.get_first("report"),
        "kind": HIT_KINDS.get(str(kind), kind),
        "country": iso3,
        "country_name": doc.get_first("country_name") or (countries.get(iso3) if iso3 else None),
        "edition": doc.get_first("edition"),
        "section": doc.get_first("section"),
        "heading": doc.get_first("heading"),
        "topics": doc.get_all("topic"),
        "paragraph": ord_ if kind == "section" else None,
        "footnote": ord_ if kind == "notes" else None,
        "anchor": anchor,
        "source_kinds": doc.get_all("source_kind"),
    }


def _probe(h: Handle, filters: Filters) -> Callable[[str], bool]:
    """Does a (suggested) query find anything under the same filters?"""

    def has_results(text: str) -> bool:
        t = translate(text, _expander(h))
        if t.query is None:
            return False
        return bool(h.searcher.search(_filtered(t.query, filters), 1, count=False).hits)

    return has_results
