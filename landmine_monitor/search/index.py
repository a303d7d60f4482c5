"""The tantivy index beside the database: schema, analyzers, opening, and one cached searcher per path.

One document per section (its paragraphs), per report's notes, key developments and title (see
store/search_docs.py); each keeps the byte offset, anchor and ord of its parts, so a hit points at the
paragraph or note where its best fragment is. Two text fields hold the text: `text` (English stemming,
stored for snippets: "mines" finds "mine") and `exact` (lower-cased and accent-folded only: "exact
phrases" and prefix* match the words as written). Filters use raw keyword fields (`country`, `topic`,
`source_kind`, `report`, `version`) and the integer `edition`; facets use three single-valued fast keywords
(`f_where` = "ISO|edition", `f_topics`, `f_kinds`), which one aggregation pass counts much faster than
multi-valued fields.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy

from ..settings import search_index_path

SCHEMA_VERSION = 2
MANIFEST = "landmine-monitor.json"
STEM, PLAIN = "lm_stem", "lm_plain"
KEYWORDS = ("report", "version", "kind", "country", "topic", "source_kind")
FACET_KEYS = ("f_where", "f_topics", "f_kinds")
STORED = ("country_name", "heading", "anchors")
INTEGERS = ("section", "ords", "starts")
SEPARATOR = "\n\n"  # between the parts of a document


def _analyzer(stem: bool) -> tantivy.TextAnalyzer:
    b = tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
    b = b.filter(tantivy.Filter.remove_long(40)).filter(tantivy.Filter.lowercase())
    b = b.filter(tantivy.Filter.ascii_fold())
    if stem:
        b = b.filter(tantivy.Filter.stemmer("english"))
    return b.build()


STEMMER = _analyzer(stem=True)
FOLDER = _analyzer(stem=False)


def build_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("text", stored=True, tokenizer_name=STEM)
    sb.add_text_field("exact", stored=False, tokenizer_name=PLAIN)
    for name in KEYWORDS:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    for name in FACET_KEYS:
        sb.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    for name in STORED:
        sb.add_text_field(name, stored=True, tokenizer_name="raw", index_option="basic")
    sb.add_integer_field("edition", stored=True, indexed=True, fast=True)
    for name in INTEGERS:
        sb.add_integer_field(name, stored=True)
    return sb.build()


SCHEMA = build_schema()


def _register(index: tantivy.Index) -> tantivy.Index:
    index.register_tokenizer(STEM, STEMMER)
    index.register_tokenizer(PLAIN, FOLDER)
    return index


def index_dir(db: Path) -> Path:
    return search_index_path(Path(db))


def read_manifest(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((path / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and data.get("schema") == SCHEMA_VERSION else None


def write_manifest(path: Path, countries: dict[str, str]) -> None:
    tmp = path / (MANIFEST + ".tmp")
    tmp.write_text(json.dumps({"schema": SCHEMA_VERSION, "countries": countries}, ensure_ascii=False))
    os.replace(tmp, path / MANIFEST)


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
