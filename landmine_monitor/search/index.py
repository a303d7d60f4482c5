"""The tantivy index beside the database: schema, analyzers, opening, and one cached searcher per path.

One document per section (its paragraphs), per report's notes, key developments and title (see
store/search_docs.py); each keeps the byte offset, anchor and ord of its parts, so a hit points at the
paragraph or note where its best fragment is (stored field `parts`). Two text fields hold the text: `text` (English stemming,
stored for snippets: "mines" finds "mine") and `exact` (lower-cased and accent-folded only: "exact
phrases" and prefix* match the words as written), and `pairs` holds each two adjacent words as one term
(see `pairs`). Filters use raw keyword fields (`country`, `topic`,
`source_kind`, `report`, `version`) and the integer `edition`. Facets are counted by one aggregation pass
over small single-valued fast integers, chosen so that each has few distinct values (every bucket costs, in
tantivy and in the Python that reads it; a combined country+edition key or 8-bit masks measured slower):
`edition`, `f_country` (the ISO code's letters as a number), the topic set as a 16-bit mask and the
source-kind set as a 5-bit and a 10-bit mask (128 distinct values of the latter at 50,000 reports, one
aggregation pass fewer than three 5-bit masks); Python sums the mask buckets back into names.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy

from ..errors import MonitorError
from ..model import CITATION_KINDS, TOPICS
from ..settings import search_index_path

SCHEMA_VERSION = 11
MANIFEST = "landmine-monitor.json"
STEM, PLAIN = "lm_stem", "lm_plain"
KEYWORDS = ("report", "version", "kind", "country", "topic", "source_kind")
STORED = ("country_name", "heading")
SEPARATOR = "\n\n"  # between the parts of a document
# Facet fields: (name, vocabulary, first bit, bits) for sets; a country is its code as a base-26 number.
MASKS = (
    ("f_topic", TOPICS, 0, 16),
    ("f_kind_a", CITATION_KINDS, 0, 5),
    ("f_kind_b", CITATION_KINDS, 5, 10),
)
MASK_FIELDS = ("f_country",) + tuple(m[0] for m in MASKS)


def country_number(iso3: str) -> int:
    n = 0
    for ch in iso3.upper()[:3]:
        n = n * 26 + (ord(ch) - 65) % 26
    return n


@functools.lru_cache(maxsize=20_000)
def country_letters(number: int) -> str:
    return "".join(chr(65 + (number // 26**k) % 26) for k in (2, 1, 0))


def mask_values(values: Iterable[str], vocabulary: tuple[str, ...]) -> int:
    """The bit mask of a set of topics or source kinds (bit i: vocabulary[i])."""
    bits = _BITS[vocabulary]
    mask = 0
    for v in values:
        mask |= bits.get(v, 0)
    return mask


_BITS: dict[tuple[str, ...], dict[str, int]] = {
    vocab: {v: 1 << i for i, v in enumerate(vocab)} for vocab in (TOPICS, CITATION_KINDS)
}


@functools.lru_cache(maxsize=100_000)
def mask_bits(value: int) -> tuple[int, ...]:
    """The positions of the bits set in a facet mask."""
    return tuple(i for i in range(value.bit_length()) if value >> i & 1)


def _analyzer(stem: bool) -> tantivy.TextAnalyzer:
    b = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    b = b.filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    b = b.filter(tantivy.Filter.ascii_fold())
    if stem:
        b = b.filter(tantivy.Filter.stemmer("english"))
    return b.build()


STEMMER = _analyzer(stem=True)
FOLDER = _analyzer(stem=False)


def pairs(text: str) -> str:
    """Every two adjacent words of `text` as one term `a_b`, the words as the `exact` field reads them.

    A two-word "exact phrase" is then one term to look up instead of the positions of two long posting
    lists ("mine action" in a Monitor archive), and a longer phrase is narrowed down by its pairs before its
    positions are checked (the idea of Lucene's shingles and common grams)."""
    words = FOLDER.analyze(text)
    return " ".join(map("_".join, zip(words, words[1:], strict=False)))


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("text", stored=True, tokenizer_name=STEM)
    sb.add_text_field("exact", stored=False, tokenizer_name=PLAIN)
    sb.add_text_field("pairs", stored=False, tokenizer_name="whitespace", index_option="freq")
    for name in KEYWORDS:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in STORED:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_unsigned_field("edition", stored=True, indexed=True, fast=True)
    sb.add_unsigned_field("section", stored=True)
    sb.add_bytes_field("parts", stored=True)  # JSON [[byte offset, ord, anchor], ...] of the parts
    for name in MASK_FIELDS:  # unsigned: tantivy aggregates u64 columns about 15% faster than i64 ones
        sb.add_unsigned_field(name, fast=True)
    return sb.build()


SCHEMA = build_schema()


def _register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(STEM, STEMMER)
    index.register_tokenizer(PLAIN, FOLDER)
    return index


def index_dir(db: Path) -> Path:
    return search_index_path(Path(db))


class SearchError(MonitorError):
    """A filter or option the search cannot use, or an index that cannot be opened or written."""


class IndexMissing(SearchError):
    """No usable index beside the database, and the caller (the read-only web process) may not build one."""


def _layout() -> dict[str, Any]:
    """What an index must agree on with this code to be usable (else it is rebuilt)."""
    return {"schema": SCHEMA_VERSION, "topics": list(TOPICS), "source_kinds": list(CITATION_KINDS)}


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or any(data.get(k) != v for k, v in _layout().items()):
        return None
    return data


def write_manifest(path: Path, countries: dict[str, str]) -> None:
    tmp = path / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({**_layout(), "countries": countries}, ensure_ascii=False))
    os.replace(tmp, path / MANIFEST)


def writer(index: tantivy.Index, heap: int, threads: int, path: Path) -> tantivy.IndexWriter:
    """The index's one writer; another process writing it at the same time is a clear error."""
    try:
        return index.writer(heap, threads)
    except ValueError as e:
        if "LockBusy" in str(e):
            raise SearchError(
                f"{path}: the search index is being written by another process (an ingest or a reindex);"
                " try again once it is done"
            ) from e
        raise SearchError(f"{path}: the search index cannot be written ({e})") from e


def usable(path: Path) -> bool:
    """An index of this schema version lives at `path`."""
    return path.is_dir() and read_manifest(path) is not None and tantivy.Index.exists(str(path))


def create(path: Path) -> tantivy.Index:
    """A new, empty index at `path` (whatever was there is removed)."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    return _register(tantivy.Index(SCHEMA, path=str(path)))


def open_index(path: Path) -> tantivy.Index:
    return _register(tantivy.Index.open(str(path)))


@dataclass
class Handle:
    """An open index and the searcher of its latest commit, with what the manifest says."""

    index: tantivy.Index
    searcher: tantivy.Searcher
    stamp: tuple[int, int, int]
    countries: dict[str, str]
    cache: dict[str, Any] = field(default_factory=dict)  # per-commit memo (e.g. the suggestion vocabulary)


_handles: dict[Path, Handle] = {}
_lock = threading.Lock()


def _stamp(path: Path) -> tuple[int, int, int] | None:
    try:
        st = (path / "meta.json").stat()
    except OSError:
        return None
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def handle(path: Path) -> Handle | None:
    """The cached handle for `path`, reopened when a commit or a rebuild changed the index; None if absent."""
    stamp = _stamp(path)
    cached = _handles.get(path)
    if cached is not None and cached.stamp == stamp:
        return cached
    with _lock:
        manifest = read_manifest(path)
        if stamp is None or manifest is None:
            _handles.pop(path, None)
            return None
        index = open_index(path)
        h = Handle(index, index.searcher(), stamp, dict(manifest.get("countries") or {}))
        _handles[path] = h
        return h


def forget(path: Path) -> None:
    _handles.pop(path, None)
