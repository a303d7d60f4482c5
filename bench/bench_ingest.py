"""Ingest throughput: N synthetic reports (bench/gen_archive.py) into a fresh database, search index included.

python bench/bench_ingest.py --n 5000          # the issue's target: under 30 s on this 2-core machine
python bench/bench_ingest.py --without facts   # what ingest costs without a later issue's enrichment

--without facts (or citations, or both) leaves that step out of the parser processes, which see the change
because they are forked from this one: a diagnostic of where the time goes, not a way to ingest.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_archive import generate  # noqa: E402

from landmine_monitor import citations, facts, parse, store  # noqa: E402
from landmine_monitor.ingest import ingest  # noqa: E402
from landmine_monitor.model import Report  # noqa: E402
from landmine_monitor.search.indexer import Feed  # noqa: E402
from landmine_monitor.settings import search_index_path  # noqa: E402


def _children_cpu() -> float:
    t = os.times()
    return t.children_user + t.children_system


def leave_out(steps: set[str]) -> None:
    """Replace parse.enrich by one without `steps` (the parser processes are forked, so they see it)."""
    if multiprocessing.get_start_method() != "fork":
        raise SystemExit("--without needs parser processes forked from this one")

    def enrich(report: Report) -> Report:
        if "citations" not in steps:
            citations.annotate(report)
        report.facts = [] if "facts" in steps else facts.extract_facts(report)
        return report

    parse.enrich = enrich


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument(
        "--without",
        action="append",
        choices=["facts", "citations"],
        default=[],
        help="leave this enrichment step out (a diagnostic; may be given twice)",
    )
    a = ap.parse_args()
    if a.without:
        leave_out(set(a.without))
    work = Path(tempfile.mkdtemp(prefix="lm-bench-"))
    try:
        pages = work / "archive"
        size = 0
        for name, data in generate(a.n, a.seed):
            path = pages / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            size += len(data)
        db = work / "monitor.db"
        conn = store.connect(db)
        t0, c0, k0 = time.perf_counter(), time.process_time(), _children_cpu()
        feed = Feed(db)  # as `landmine-monitor ingest` does: each stored report is indexed as it comes
        summary = ingest(conn, [pages], workers=a.workers, feed=feed)
        t_store = time.perf_counter() - t0
        t1 = time.perf_counter()
        feed.close()  # commit, manifest, and the check of the index against the database
        t_index = time.perf_counter() - t1
        total = t_store + t_index
        cpu_main = time.process_time() - c0
        cpu_workers = _children_cpu() - k0
        left_out = f"; without {' and '.join(a.without)}" if a.without else ""
        print(f"reports            {a.n} ({size / 1e6:.1f} MB, {a.workers} parser processes{left_out})")
        print(f"result             {summary.line()}")
        print(f"parse+store+index  {t_store:.1f} s (parsing in the workers, storing and indexing here)")
        print(f"index commit+check {t_index:.1f} s")
        print(f"main process CPU   {cpu_main:.1f} s (storing, tantivy's writer thread)")
        cpu = cpu_main + cpu_workers
        print(
            f"parser process CPU {cpu_workers:.1f} s; all CPU {cpu:.1f} s = {1000 * cpu / a.n:.1f} ms/report"
            f" (on {os.cpu_count()} cores no run can take less than {cpu / (os.cpu_count() or 1):.1f} s)"
        )
        print(
            f"ingest total       {total:.1f} s = {a.n / total:.0f} reports/s, {size / 1e6 / total:.1f} MB/s"
        )
        print(
            f"database           {db.stat().st_size / 1e6:.1f} MB; index dir {search_index_path(db).exists()}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
