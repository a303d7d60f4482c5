"""Search speed: bare SQLite FTS5 (bm25), bare tantivy, and our search() with facets and snippets, same run.

    python bench/bench_search.py                 # 5,000 synthetic reports (bench/gen_archive.py)
    python bench/bench_search.py --n 50000       # the issue's scale; the work folder is kept and reused

The archive is parsed once and stored in build/bench-search-N-sSEED/monitor.db, every report under its own
id (the generator repeats country/edition pairs, which ingest would fold into one report). The three
engines index the same reports: FTS5 and bare tantivy one document per section (top 10 with a snippet, as
in issue #4), ours one document per section, per report's notes, key developments and title, with the whole-result
facets, <mark> snippets and query translation of `landmine_monitor.search.search` (facets counted afresh at
every run). Bare tantivy also runs without snippets (top 10 and their stored documents): the floor any
engine on these documents starts from. 50 queries, from rare
words to the commonest, phrases, prefixes and filters, are drawn from the index itself; each is run
--runs times after a warm-up and its median kept, the engines taking turns query by query (so a machine
whose speed drifts during the run weighs on all of them alike); p50/p90/p99 are over those 50 medians. Pass --rebuild to
rebuild the indexes (the build times of a reused folder are the ones measured when it was built).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import tantivy
from tantivy import Occur, Query

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_archive import generate  # noqa: E402

from landmine_monitor import (  # noqa: E402
    citations,  # noqa: E402
    search,
    store,
)
from landmine_monitor.parse.decode import decode_page  # noqa: E402
from landmine_monitor.parse.structure import parse_text  # noqa: E402
from landmine_monitor.search.index import FOLDER, STEMMER, handle, index_dir, usable  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


# --- the archive, stored once -----------------------------------------------------------------------------


def _parse(item: tuple[int, str, bytes]) -> tuple[int, Any]:
    """Structure and citations (search reads both); facts are skipped: search does not index them."""
    i, name, data = item
    text, url = decode_page(data, name)
    report = parse_text(text, path=name, url=url)
    report.source.sha256 = hashlib.sha256(data).hexdigest()
    citations.annotate(report)
    return i, report


def _items(n: int, seed: int) -> Iterator[tuple[int, str, bytes]]:
    for i, (name, data) in enumerate(generate(n, seed)):
        yield i, name, data


def build_archive(db: Path, n: int, seed: int, workers: int) -> float:
    """Parse n synthetic pages and store each under its own id; seconds taken."""
    t0 = time.perf_counter()
    conn = store.connect(db)
    with ProcessPoolExecutor(workers) as pool:
        for i, report in pool.map(_parse, _items(n, seed), chunksize=32):
            store.save_report(conn, report, f"{store.report_id(report)}-{i:05d}")
            if i % 5000 == 4999:
                print(f"  stored {i + 1} reports ({time.perf_counter() - t0:.0f} s)", file=sys.stderr)
    conn.close()
    return time.perf_counter() - t0


def section_docs(db: Path) -> Iterator[tuple[str, str | None, int | None, str]]:
    """(report, iso3, edition, text) per section: the documents of the two bare engines."""
    conn = sqlite3.connect(db)
    rows = conn.execute(
        "SELECT p.report_id, r.iso3, r.edition, group_concat(p.text, char(10)) FROM paragraphs p"
        " JOIN reports r ON r.id = p.report_id GROUP BY p.report_id, p.section_ord"
    )
    yield from rows
    conn.close()


# --- bare engines ----------------------------------------------------------------------------------------


def build_fts(path: Path, docs: list[tuple[str, str | None, int | None, str]]) -> float:
    path.unlink(missing_ok=True)
    t0 = time.perf_counter()
    conn = sqlite3.connect(path)
    conn.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(report UNINDEXED, iso3 UNINDEXED, edition UNINDEXED, body,"
        " tokenize='porter unicode61')"
    )
    conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", docs)
    conn.commit()
    conn.close()
    return time.perf_counter() - t0


def bare_schema() -> tantivy.Schema:
    sb = tantivy.SchemaBuilder()
    sb.add_text_field("body", stored=True, tokenizer_name="en_stem")
    sb.add_text_field("report", stored=True, tokenizer_name="raw")
    sb.add_text_field("iso3", stored=True, tokenizer_name="raw")
    sb.add_integer_field("edition", stored=True, indexed=True, fast=True)
    return sb.build()


def build_bare(path: Path, docs: list[tuple[str, str | None, int | None, str]]) -> float:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    t0 = time.perf_counter()
    index = tantivy.Index(bare_schema(), path=str(path))
    writer = index.writer(256_000_000, 2)
    for report, iso3, edition, text in docs:
        doc = tantivy.Document(body=text, report=report)
        if iso3:
            doc.add_text("iso3", iso3)
        if edition:
            doc.add_integer("edition", edition)
        writer.add_document(doc)
    writer.commit()
    writer.wait_merging_threads()
    return time.perf_counter() - t0


# --- the 50 queries --------------------------------------------------------------------------------------


@dataclass
class Spec:
    """One benchmark query: our syntax, words and phrases for the bare engines, and its filter."""

    label: str
    ours: str
    words: list[str] = field(default_factory=list)  # all required
    phrase: list[str] = field(default_factory=list)
    prefix: str = ""
    edition: int | None = None
    years: tuple[int, int] | None = None
    iso3: str | None = None


def _vocabulary(db: Path) -> list[tuple[str, int]]:
    h = handle(index_dir(db))
    assert h is not None
    terms = h.searcher.terms_with_prefix("exact", "")
    return sorted(((t, c) for t, c in terms if t.isalpha() and len(t) >= 4), key=lambda tc: tc[1])


def _bigrams(db: Path, rng: random.Random, k: int) -> list[list[str]]:
    """k two-word phrases that occur in the archive (taken from random paragraphs)."""
    conn = sqlite3.connect(db)
    total = conn.execute("SELECT max(rowid) FROM paragraphs").fetchone()[0]
    out: list[list[str]] = []
    while len(out) < k:
        row = conn.execute("SELECT text FROM paragraphs WHERE rowid = ?", (rng.randint(1, total),)).fetchone()
        tokens = FOLDER.analyze(row[0]) if row else []
        pairs = [[a, b] for a, b in zip(tokens, tokens[1:], strict=False) if len(a) > 3 and len(b) > 2]
        pairs = [p for p in pairs if p[0].isalpha() and p[1].isalpha()]
        if pairs:
            out.append(rng.choice(pairs))
    conn.close()
    return out


def make_queries(db: Path, seed: int) -> list[Spec]:
    rng = random.Random(seed)
    vocab = _vocabulary(db)
    n = len(vocab)
    pick = [vocab[min(n - 1, int(n * (1 - 0.5 ** (i / 2))))][0] for i in range(15)]  # rare .. commonest
    pick[-1] = vocab[-1][0]
    mid = [t for t, _ in vocab[n // 2 :]]
    common = [t for t, _ in vocab[-200:]]
    specs = [Spec(f"word {w}", w, words=[w]) for w in pick]
    for _ in range(10):
        a, b = rng.choice(mid), rng.choice(common)
        specs.append(Spec(f"and {a} {b}", f"{a} {b}", words=[a, b]))
    for a, b in _bigrams(db, rng, 10):
        specs.append(Spec(f'phrase "{a} {b}"', f'"{a} {b}"', phrase=[a, b]))
    for w in rng.sample(common, 5):
        specs.append(Spec(f"prefix {w[:4]}*", f"{w[:4]}*", prefix=w[:4]))
    conn = sqlite3.connect(db)
    isos = [r[0] for r in conn.execute("SELECT DISTINCT iso3 FROM reports WHERE iso3 IS NOT NULL ORDER BY 1")]
    conn.close()
    for i in range(10):
        w = rng.choice(common if i % 2 else mid)
        if i % 3 == 0:
            specs.append(Spec(f"{w} edition=2004", w, words=[w], edition=2004))
        elif i % 3 == 1:
            iso = rng.choice(isos)
            specs.append(Spec(f"{w} country={iso}", w, words=[w], iso3=iso))
        else:
            specs.append(Spec(f"{w} 2000-2005", w, words=[w], years=(2000, 2005)))
    return specs


# --- running the engines ---------------------------------------------------------------------------------


def fts_runner(path: Path) -> Callable[[Spec], int]:
    conn = sqlite3.connect(path)

    def run(s: Spec) -> int:
        match = " ".join(s.words)
        if s.phrase:
            match = '"' + " ".join(s.phrase) + '"'
        if s.prefix:
            match = s.prefix + "*"
        where, args = "docs MATCH ?", [match]
        if s.edition:
            where, args = where + " AND edition = ?", [*args, s.edition]
        if s.years:
            where, args = where + " AND edition BETWEEN ? AND ?", [*args, *s.years]
        if s.iso3:
            where, args = where + " AND iso3 = ?", [*args, s.iso3]
        sql = (
            "SELECT report, snippet(docs, 3, '<mark>', '</mark>', '…', 24), bm25(docs) FROM docs"
            f" WHERE {where} ORDER BY bm25(docs) LIMIT 10"
        )
        return len(conn.execute(sql, args).fetchall())

    return run


def bare_runner(path: Path, with_snippets: bool = True) -> Callable[[Spec], int]:
    """Bare tantivy: top 10 with a snippet each; without snippets (top 10 and their stored documents), the
    floor that any engine on these documents starts from."""
    index = tantivy.Index.open(str(path))
    schema = bare_schema()
    searcher = index.searcher()

    def run(s: Spec) -> int:
        if s.phrase:
            q = Query.phrase_query(schema, "body", [STEMMER.analyze(w)[0] for w in s.phrase])
        elif s.prefix:
            q = Query.phrase_prefix_query(schema, "body", [s.prefix])
        else:
            terms = [Query.term_query(schema, "body", STEMMER.analyze(w)[0]) for w in s.words]
            q = terms[0] if len(terms) == 1 else Query.boolean_query([(Occur.Must, t) for t in terms])
        filters = []
        if s.edition:  # one edition: its term, as ours does (a range over the column is far slower)
            filters.append(Query.term_query(schema, "edition", s.edition))
        elif s.years:
            filters.append(Query.range_query(schema, "edition", tantivy.FieldType.Integer, *s.years))
        if s.iso3:
            filters.append(Query.term_query(schema, "iso3", s.iso3))
        if filters:
            q = Query.boolean_query([(Occur.Must, q)] + [(Occur.Must, f) for f in filters])
        hits = searcher.search(q, 10, count=False).hits
        if not with_snippets:
            return len([searcher.doc(a) for _, a in hits])
        gen = tantivy.SnippetGenerator.create(searcher, q, schema, "body")
        return len([gen.snippet_from_doc(searcher.doc(a)).to_html() for _, a in hits])

    return run


def ours_runner(db: Path) -> Callable[[Spec], int]:
    def run(s: Spec) -> int:
        lo, hi = s.years or (None, None)
        # remember=False: every run counts its facets afresh (a repeated query would otherwise take them from
        # the per-commit memo that serves the next page of a search)
        r = search.search(
            db, s.ours, edition=s.edition, year_from=lo, year_to=hi, country=s.iso3, remember=False
        )
        return int(r["total"])

    return run


def measure_together(
    runs_of: list[Callable[[Spec], int]], specs: list[Spec], runs: int
) -> list[tuple[list[float], list[float]]]:
    """`measure` for several engines, interleaved: each query is run by every engine in turn, --runs
    times, so a machine that speeds up or slows down during the benchmark weighs on all of them alike."""
    out: list[tuple[list[float], list[float]]] = [([], []) for _ in runs_of]
    for s in specs:
        for run in runs_of:
            run(s)  # warm-up
        timed: list[tuple[list[float], list[float]]] = [([], []) for _ in runs_of]
        for _ in range(runs):
            for (w, c), run in zip(timed, runs_of, strict=True):
                t0, c0 = time.perf_counter(), time.process_time()
                run(s)
                w.append((time.perf_counter() - t0) * 1000)
                c.append((time.process_time() - c0) * 1000)
        for (wall, cpu), (w, c) in zip(out, timed, strict=True):
            wall.append(statistics.median(w))
            cpu.append(statistics.median(c))
    return out


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(p) - 1] if p < 100 else max(values)


# --- main ------------------------------------------------------------------------------------------------


def prepare(work: Path, a: argparse.Namespace) -> dict[str, Any]:
    """Build (or reuse) the archive and the three indexes; the timings measured when they were built."""
    db, meta_path = work / "monitor.db", work / "timings.json"
    meta: dict[str, Any] = json.loads(meta_path.read_text()) if meta_path.exists() else {}
    if not db.exists():
        print(f"storing {a.n} synthetic reports in {db} ...", file=sys.stderr)
        meta = {"store_s": build_archive(db, a.n, a.seed, a.workers)}
    if a.rebuild or "ours_s" not in meta or not usable(index_dir(db)):  # absent or of an older schema
        t0 = time.perf_counter()
        meta["ours_docs"] = search.rebuild(db)
        meta["ours_s"] = time.perf_counter() - t0
    if a.rebuild or "fts_s" not in meta or not (work / "bare-tantivy").exists():
        docs = list(section_docs(db))
        meta["sections"] = len(docs)
        meta["fts_s"] = build_fts(work / "fts.db", docs) if not a.no_fts else None
        meta["bare_s"] = build_bare(work / "bare-tantivy", docs)
        del docs
    meta_path.write_text(json.dumps(meta, indent=1))
    return meta


Row = tuple[str, int, float | None, tuple[list[float], list[float]]]


def report(rows: list[Row], cached: bool) -> None:
    note = " (built earlier, reused)" if cached else ""
    print(
        f"\n{'engine':<46} {'docs':>8} {'build s':>8}  {'wall p50 / p90 / p99 ms':>24}  {'cpu p50 / p99 ms':>17}"
    )
    for name, docs, build, (wall, cpu) in rows:
        b = f"{build:.1f}" if build is not None else "-"
        w = f"{pct(wall, 50):.2f} / {pct(wall, 90):.2f} / {pct(wall, 99):.2f}"
        c = f"{pct(cpu, 50):.2f} / {pct(cpu, 99):.2f}"
        print(f"{name:<46} {docs:>8} {b:>8}  {w:>24}  {c:>17}")
    print(
        f"(build times{note}; percentiles over the 50 per-query medians; load average {os.getloadavg()[0]:.1f})"
    )


def ratios(rows: list[Row], specs: list[Spec], show: int) -> None:
    """Rows: [FTS5,] bare tantivy without snippets, bare tantivy, ours."""
    ours, bare = rows[-1][3], rows[-2][3]
    for i, clock in enumerate(("wall", "cpu")):
        o, b = ours[i], bare[i]
        line = f"{clock}: ours vs bare tantivy p50 {pct(o, 50) / pct(b, 50):.2f}x, p99 {pct(o, 99) / pct(b, 99):.2f}x"
        if len(rows) == 4:
            line += f"; bare FTS5 is {pct(rows[0][3][i], 50) / pct(o, 50):.1f}x slower than ours at p50"
        print(line)
    print(
        f"goals at 50,000: p50 <= 2 ms (wall {pct(ours[0], 50):.2f}), p99 <= 60 ms (wall {pct(ours[0], 99):.2f})"
    )
    for ms, s in sorted(zip(ours[0], specs, strict=True), key=lambda x: -x[0])[:show]:
        print(f"  slowest of ours: {ms:7.2f} ms  {s.label}")


def collection(path: Path, specs: list[Spec], runs: int) -> None:
    """How bare tantivy collects its top 10, shown on the one-word queries: tantivy-py always collects
    through a MultiCollector, which visits every matching document (no block-max pruning), so the top 10
    costs about as much as the top 1,000 and grows with the number of matching documents."""
    index = tantivy.Index.open(str(path))
    schema, searcher = bare_schema(), index.searcher()
    print("\nbare tantivy, top 10 without stored documents, by matching documents (one-word queries):")
    words = [s.words[0] for s in specs if len(s.words) == 1 and not (s.edition or s.years or s.iso3)]
    for word in words[1::3]:  # five of the fifteen, rare to commonest
        q = Query.term_query(schema, "body", STEMMER.analyze(word)[0])
        matched = searcher.search(q, 1, count=True).count or 0
        times = {}
        for limit in (10, 1000):
            laps = []
            for _ in range(runs):
                t0 = time.perf_counter()
                searcher.search(q, limit, count=False)
                laps.append(time.perf_counter() - t0)
            times[limit] = statistics.median(laps) * 1000
        per = times[10] * 1e6 / matched if matched else 0.0
        print(
            f"  {word:<14} {matched:>8} documents: top 10 {times[10]:.2f} ms, top 1,000 {times[1000]:.2f} ms"
            f" ({per:.0f} ns per matching document)"
        )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=5000, help="synthetic reports (default 5000)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=5, help="timed runs per query (the median is kept)")
    ap.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument(
        "--work", type=Path, default=None, help="work folder (default build/bench-search-N-sSEED)"
    )
    ap.add_argument("--rebuild", action="store_true", help="rebuild the three indexes")
    ap.add_argument("--no-fts", action="store_true", help="skip FTS5 (slow at 50,000)")
    ap.add_argument("--show", type=int, default=5, help="print this many slowest queries of ours")
    a = ap.parse_args()
    work = a.work or ROOT / "build" / f"bench-search-{a.n}-s{a.seed}"
    work.mkdir(parents=True, exist_ok=True)
    cached = (work / "timings.json").exists() and not a.rebuild
    meta = prepare(work, a)
    db = work / "monitor.db"
    specs = make_queries(db, a.seed)
    print(
        f"{a.n} reports, {meta['sections']} sections, {meta['ours_docs']} search documents; {len(specs)} queries"
    )
    engines = (
        []
        if a.no_fts
        else [("SQLite FTS5 bm25 (sections, top 10 + snippet)", "fts", fts_runner(work / "fts.db"))]
    )
    floor = bare_runner(work / "bare-tantivy", with_snippets=False)
    engines.append(("tantivy bare (sections, top 10, no snippet)", "bare", floor))
    engines.append(("tantivy bare (sections, top 10 + snippet)", "bare", bare_runner(work / "bare-tantivy")))
    engines.append(("ours: search() (+facets, <mark>, query language)", "ours", ours_runner(db)))
    timings = measure_together([run for _, _, run in engines], specs, a.runs)
    docs = {"fts": meta["sections"], "bare": meta["sections"], "ours": meta["ours_docs"]}
    rows: list[Row] = [
        (name, docs[key], meta[f"{key}_s"], t) for (name, key, _), t in zip(engines, timings, strict=True)
    ]
    report(rows, cached)
    ratios(rows, specs, a.show)
    collection(work / "bare-tantivy", specs, a.runs)


if __name__ == "__main__":
    main()
